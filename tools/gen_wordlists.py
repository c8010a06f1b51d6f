#!/usr/bin/python3
"""Generate the closed-class word lists of lexicon/fr and lexicon/en:
titles.tsv, org_nouns.tsv, facility_nouns.tsv, event_nouns.tsv and
lexicon/fr/legal_suffixes.tsv (shared by both languages).

The lists are common French and English vocabulary of business and public
life (job titles, company designations, facility and event nouns, company
legal forms); they are written here once, checked (no duplicate entry with two
kinds, NFC) and written sorted.

Usage:  /usr/bin/python3 tools/gen_wordlists.py     (from the repository root)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lexlib import nfc, write_tsv  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pairs(m, f=None):
    """masculine/feminine couple helper: 'directeur général|directrice générale'."""
    return [m] if f is None else [m, f]


def mf(*specs):
    out = []
    for s in specs:
        out += s.split("|")
    return out


# --------------------------------------------------------------------------
# Titles. kind: exec, board, government, staff, analyst, union, local
# --------------------------------------------------------------------------
FR_TITLES = {
    "exec": mf(
        "président-directeur général|présidente-directrice générale",
        "président directeur général|présidente directrice générale",
        "PDG", "P-DG", "P.-D.G.", "PDG fondateur", "CEO", "COO", "CFO", "CTO", "CIO", "CMO", "CDO",
        "directeur général|directrice générale", "DG",
        "directeur général délégué|directrice générale déléguée",
        "directeur général adjoint|directrice générale adjointe", "DGA", "DGD",
        "directeur exécutif|directrice exécutive",
        "président exécutif|présidente exécutive",
        "président du directoire|présidente du directoire",
        "patron|patronne", "grand patron|grande patronne",
        "fondateur|fondatrice", "cofondateur|cofondatrice", "co-fondateur|co-fondatrice",
        "président-fondateur|présidente-fondatrice", "président fondateur|présidente fondatrice",
        "dirigeant|dirigeante", "chef d'entreprise|cheffe d'entreprise",
        "directeur financier|directrice financière",
        "directeur administratif et financier|directrice administrative et financière", "DAF",
        "directeur des opérations|directrice des opérations",
        "directeur technique|directrice technique",
        "directeur commercial|directrice commerciale",
        "directeur marketing|directrice marketing",
        "directeur des ressources humaines|directrice des ressources humaines", "DRH",
        "directeur de la stratégie|directrice de la stratégie",
        "directeur de la communication|directrice de la communication",
        "directeur juridique|directrice juridique",
        "directeur de l'innovation|directrice de l'innovation",
        "directeur du numérique|directrice du numérique",
        "directeur des systèmes d'information|directrice des systèmes d'information", "DSI",
        "directeur de la recherche|directrice de la recherche",
        "directeur scientifique|directrice scientifique",
        "directeur industriel|directrice industrielle",
        "directeur de la production|directrice de la production",
        "directeur des achats|directrice des achats",
        "directeur du développement|directrice du développement",
        "directeur R&D|directrice R&D",
        "directeur France|directrice France", "directeur Europe|directrice Europe",
        "directeur pays|directrice pays", "country manager",
        "directeur régional|directrice régionale",
        "directeur de division|directrice de division",
        "directeur d'usine|directrice d'usine", "directeur de site|directrice de site",
        "directeur du site|directrice du site", "directeur de l'usine|directrice de l'usine",
        "directeur associé|directrice associée", "associé-gérant|associée-gérante",
        "gérant|gérante", "associé|associée", "managing partner",
        "administrateur délégué|administratrice déléguée",
        "vice-président|vice-présidente",
        "vice-président exécutif|vice-présidente exécutive",
        "vice-président senior|vice-présidente senior",
        "directeur|directrice", "président de la filiale|présidente de la filiale",
        "entrepreneur|entrepreneure", "secrétaire général|secrétaire générale",
    ),
    "board": mf(
        "président|présidente",
        "président du conseil d'administration|présidente du conseil d'administration",
        "président du conseil de surveillance|présidente du conseil de surveillance",
        "président non exécutif|présidente non exécutive",
        "président du conseil|présidente du conseil",
        "vice-président du conseil d'administration|vice-présidente du conseil d'administration",
        "vice-président du conseil de surveillance|vice-présidente du conseil de surveillance",
        "président d'honneur|présidente d'honneur",
        "administrateur|administratrice",
        "administrateur indépendant|administratrice indépendante",
        "administrateur référent|administratrice référente",
        "membre du conseil d'administration", "membre du conseil de surveillance",
        "membre du directoire", "membre du comité exécutif", "membre du comex",
        "censeur",
    ),
    "government": mf(
        "président de la République|présidente de la République",
        "chef de l'État|cheffe de l'État",
        "chef du gouvernement|cheffe du gouvernement",
        "Premier ministre|Première ministre", "premier ministre|première ministre",
        "vice-Premier ministre|vice-Première ministre",
        "ministre", "ministre délégué|ministre déléguée",
        "ministre de l'Économie", "ministre de l'Économie et des Finances",
        "ministre des Finances", "ministre du Budget", "ministre de l'Industrie",
        "ministre délégué à l'Industrie|ministre déléguée à l'Industrie",
        "ministre délégué chargé de l'Industrie|ministre déléguée chargée de l'Industrie",
        "ministre chargé de l'Industrie|ministre chargée de l'Industrie",
        "ministre du Commerce extérieur", "ministre du Travail", "ministre de l'Emploi",
        "ministre des Affaires étrangères", "ministre de l'Europe et des Affaires étrangères",
        "ministre de l'Intérieur", "ministre des Armées", "ministre de la Défense",
        "ministre de la Transition écologique", "ministre de la Transition énergétique",
        "ministre de l'Énergie", "ministre de l'Agriculture", "ministre de la Santé",
        "ministre de l'Éducation nationale", "ministre de l'Enseignement supérieur",
        "ministre de la Recherche", "ministre de la Culture", "ministre des Transports",
        "ministre du Numérique", "ministre de la Justice", "ministre du Logement",
        "ministre des PME", "ministre du Commerce", "ministre de l'Aménagement du territoire",
        "secrétaire d'État", "secrétaire d'État chargé du Numérique",
        "secrétaire d'État chargée du Numérique",
        "secrétaire d'État chargé de l'Industrie|secrétaire d'État chargée de l'Industrie",
        "secrétaire au Trésor", "secrétaire au Commerce", "secrétaire d'État américain",
        "chancelier|chancelière", "roi|reine", "prince héritier", "émir", "sultan", "président du Conseil",
        "gouverneur|gouverneure", "gouverneur de la Banque de France",
        "commissaire européen|commissaire européenne",
        "président de la Commission européenne|présidente de la Commission européenne",
        "haut-commissaire|haute-commissaire", "haut-commissaire au Plan",
        "ambassadeur|ambassadrice", "consul|consule", "consul général|consule générale",
        "député|députée", "sénateur|sénatrice", "eurodéputé|eurodéputée",
        "parlementaire", "rapporteur|rapporteuse",
        "préfet|préfète", "sous-préfet|sous-préfète", "préfet de région|préfète de région",
        "délégué interministériel|déléguée interministérielle",
        "porte-parole du gouvernement",
        "président du Sénat|présidente du Sénat",
        "président de l'Assemblée nationale|présidente de l'Assemblée nationale",
        "vice-président américain|vice-présidente américaine",
    ),
    "local": mf(
        "maire", "maire adjoint|maire adjointe", "adjoint au maire|adjointe au maire",
        "premier adjoint|première adjointe", "premier adjoint au maire|première adjointe au maire",
        "conseiller municipal|conseillère municipale",
        "conseiller régional|conseillère régionale",
        "conseiller départemental|conseillère départementale",
        "conseiller métropolitain|conseillère métropolitaine",
        "président de région|présidente de région",
        "président de la région|présidente de la région",
        "président du conseil régional|présidente du conseil régional",
        "président du conseil départemental|présidente du conseil départemental",
        "président du département|présidente du département",
        "président de la métropole|présidente de la métropole",
        "président de l'agglomération|présidente de l'agglomération",
        "président de la communauté de communes|présidente de la communauté de communes",
        "président de la communauté d'agglomération|présidente de la communauté d'agglomération",
        "président de l'intercommunalité|présidente de l'intercommunalité",
        "vice-président de région|vice-présidente de région",
        "vice-président de la région|vice-présidente de la région",
        "vice-président du conseil régional|vice-présidente du conseil régional",
        "vice-président du département|vice-présidente du département",
        "vice-président de la métropole|vice-présidente de la métropole",
        "élu local|élue locale", "édile", "bourgmestre",
    ),
    "staff": mf(
        "porte-parole", "conseiller|conseillère", "conseiller spécial|conseillère spéciale",
        "chargé de mission|chargée de mission",
        "directeur de cabinet|directrice de cabinet", "chef de cabinet|cheffe de cabinet",
        "chef de projet|cheffe de projet", "directeur de projet|directrice de projet",
        "responsable", "responsable du site", "responsable de la communication",
        "responsable des ressources humaines", "responsable commercial|responsable commerciale",
        "chef de service|cheffe de service", "chef d'équipe|cheffe d'équipe",
        "ingénieur|ingénieure", "ingénieur en chef|ingénieure en chef",
        "chercheur|chercheuse", "directeur de recherche|directrice de recherche",
        "directeur de programme|directrice de programme",
        "salarié|salariée", "employé|employée", "cadre", "manager",
        "responsable des relations presse", "attaché de presse|attachée de presse",
        "directeur adjoint|directrice adjointe", "délégué général|déléguée générale",
        "délégué régional|déléguée régionale", "directeur de l'agence|directrice de l'agence",
        "trésorier|trésorière", "secrétaire",
    ),
    "analyst": mf(
        "analyste", "analyste financier|analyste financière", "économiste",
        "économiste en chef", "chef économiste|cheffe économiste", "stratégiste", "stratège",
        "gérant de portefeuille|gérante de portefeuille", "gestionnaire de fonds",
        "consultant|consultante", "expert|experte", "associé de recherche",
        "professeur|professeure", "enseignant-chercheur|enseignante-chercheuse",
        "directeur d'études|directrice d'études", "chercheur associé|chercheuse associée",
        "observateur|observatrice", "banquier d'affaires|banquière d'affaires",
    ),
    "union": mf(
        "délégué syndical|déléguée syndicale", "délégué central|déléguée centrale",
        "délégué du personnel|déléguée du personnel",
        "représentant syndical|représentante syndicale",
        "responsable syndical|responsable syndicale", "syndicaliste",
        "leader syndical", "dirigeant syndical|dirigeante syndicale",
        "élu CSE|élue CSE", "secrétaire du CSE",
        "secrétaire du comité social et économique",
        "secrétaire fédéral|secrétaire fédérale",
        "secrétaire confédéral|secrétaire confédérale",
        "secrétaire national|secrétaire nationale",
        "secrétaire général adjoint|secrétaire générale adjointe",
        "délégué CFDT|déléguée CFDT", "délégué CGT|déléguée CGT", "délégué FO|déléguée FO",
    ),
}

EN_TITLES = {
    "exec": [
        "chief executive", "chief executive officer", "CEO", "group chief executive",
        "president and chief executive", "president and CEO", "chairman and CEO",
        "chairman and chief executive", "chief financial officer", "CFO",
        "chief operating officer", "COO", "chief technology officer", "CTO",
        "chief information officer", "CIO", "chief marketing officer", "CMO",
        "chief digital officer", "chief data officer", "chief strategy officer",
        "chief commercial officer", "chief people officer", "chief human resources officer",
        "chief legal officer", "general counsel", "chief scientific officer",
        "chief sustainability officer", "chief investment officer", "chief economist",
        "chief product officer", "chief revenue officer", "chief risk officer",
        "chief AI officer", "chief security officer", "chief information security officer",
        "executive vice president", "EVP", "senior vice president", "SVP",
        "vice president", "VP", "corporate vice president", "group president",
        "managing director", "MD", "general manager", "country manager", "regional director",
        "executive director", "director", "plant manager", "site director", "plant director",
        "head", "global head", "boss", "chief", "founder", "co-founder", "cofounder",
        "founder and CEO", "co-founder and CEO", "owner", "co-owner", "managing partner",
        "partner", "senior partner", "principal", "general partner", "entrepreneur",
        "president", "deputy chief executive", "deputy CEO", "executive chairman",
        "chief operating officer and president", "treasurer", "controller",
        "head of research", "head of strategy", "head of operations",
    ],
    "board": [
        "chairman", "chairwoman", "chair", "chairperson", "non-executive chairman",
        "non-executive director", "independent director", "board member",
        "member of the board", "director of the board", "vice chairman", "vice chair",
        "deputy chairman", "lead independent director", "chairman of the board",
        "chairman of the supervisory board", "chairman of the management board",
        "supervisory board member", "honorary chairman", "trustee",
    ],
    "government": [
        "president of the Republic", "head of state", "head of government",
        "prime minister", "Prime Minister", "deputy prime minister", "premier", "Premier",
        "chancellor", "Chancellor", "king", "King", "queen", "Queen", "crown prince",
        "Crown Prince", "emir", "Emir", "sultan", "minister", "Minister",
        "finance minister", "economy minister", "industry minister", "trade minister",
        "foreign minister", "energy minister", "labor minister", "labour minister",
        "defence minister", "defense minister", "digital minister", "transport minister",
        "secretary of state", "Secretary of State", "Treasury secretary",
        "Treasury Secretary", "commerce secretary", "Commerce Secretary",
        "energy secretary", "Energy Secretary", "business secretary", "Business Secretary",
        "chancellor of the exchequer", "Chancellor of the Exchequer", "secretary",
        "undersecretary", "under secretary", "deputy secretary", "junior minister",
        "minister of state", "minister for industry", "minister for trade",
        "vice president of the United States", "governor", "Governor", "lieutenant governor",
        "senator", "Senator", "congressman", "congresswoman", "representative", "lawmaker",
        "member of parliament", "MP", "MEP", "ambassador", "envoy", "consul general",
        "commissioner", "European commissioner", "EU commissioner",
        "president of the European Commission", "central bank governor", "Fed chair",
        "Federal Reserve chair", "speaker", "Speaker of the House", "prefect",
        "trade representative", "U.S. trade representative", "special envoy",
        "secretary-general", "Secretary-General", "director-general", "Director-General",
    ],
    "local": [
        "mayor", "Mayor", "deputy mayor", "lord mayor", "Lord Mayor", "city councillor",
        "city council member", "councilman", "councilwoman", "councillor", "county executive",
        "county commissioner", "regional president", "state senator", "state representative",
        "first minister", "First Minister", "provincial premier", "party secretary",
        "Communist Party secretary", "alderman", "city manager", "county judge",
    ],
    "staff": [
        "spokesman", "spokeswoman", "spokesperson", "press secretary", "adviser", "advisor",
        "senior adviser", "senior advisor", "special adviser", "chief of staff",
        "project manager", "program manager", "programme manager", "engineer",
        "lead engineer", "chief engineer", "researcher", "research scientist", "scientist",
        "employee", "worker", "manager", "senior manager", "team leader", "executive",
        "senior executive", "official", "senior official", "administration official",
        "company official", "representative of the company", "aide", "deputy",
        "deputy director", "communications director", "head of communications",
        "public relations manager", "media relations manager", "press officer",
    ],
    "analyst": [
        "analyst", "industry analyst", "equity analyst", "financial analyst",
        "senior analyst", "research analyst", "credit analyst", "economist",
        "senior economist", "strategist", "chief strategist", "investment strategist",
        "portfolio manager", "fund manager", "consultant", "expert", "specialist",
        "professor", "research fellow", "senior fellow", "fellow", "observer",
        "investment banker", "banker", "trader",
    ],
    "union": [
        "union leader", "union official", "union representative", "union president",
        "union general secretary", "union boss", "shop steward", "union organizer",
        "union organiser", "general secretary", "works council chairman",
        "works council head", "labor leader", "labour leader",
    ],
}

# --------------------------------------------------------------------------
# Organisation nouns. kind: company, investor, public_body, union,
# employer_body, research, education, association, media
# --------------------------------------------------------------------------
FR_ORG_NOUNS = {
    "company": [
        "groupe", "entreprise", "société", "compagnie", "firme", "constructeur",
        "constructeur automobile", "constructeur aéronautique", "constructeur ferroviaire",
        "constructeur naval", "chimiste", "laboratoire", "laboratoire pharmaceutique", "labo",
        "équipementier", "équipementier automobile", "équipementier aéronautique",
        "jeune pousse", "start-up", "startup", "jeune entreprise", "fabricant", "éditeur",
        "éditeur de logiciels", "géant", "mastodonte", "leader", "numéro un", "champion",
        "opérateur", "opérateur télécoms", "opérateur de télécommunications",
        "opérateur ferroviaire", "banque", "banque d'affaires", "banque d'investissement",
        "banque mutualiste", "établissement bancaire", "établissement financier", "assureur",
        "réassureur", "bancassureur", "mutuelle", "distributeur", "manufacturier",
        "avionneur", "motoriste", "hélicoptériste", "spécialiste", "industriel",
        "énergéticien", "électricien", "pétrolier", "gazier", "sidérurgiste", "aciériste",
        "métallurgiste", "cimentier", "verrier", "papetier", "sucrier", "brasseur",
        "spiritueux", "biotech", "medtech", "fintech", "greentech", "deeptech", "licorne",
        "PME", "ETI", "TPE", "multinationale", "conglomérat", "holding", "filiale",
        "maison mère", "maison-mère", "enseigne", "chaîne", "détaillant", "grossiste",
        "transporteur", "logisticien", "armateur", "compagnie aérienne",
        "compagnie maritime", "concessionnaire", "promoteur", "promoteur immobilier",
        "foncière", "bailleur", "exploitant", "fournisseur", "prestataire", "sous-traitant",
        "intégrateur", "hébergeur", "fondeur", "négociant", "torréfacteur", "agrochimiste",
        "semencier", "laitier", "coopérative", "coopérative agricole", "cabinet",
        "cabinet de conseil", "cabinet d'audit", "cabinet d'avocats", "agence",
        "studio", "réseau social", "moteur de recherche",
        "groupe industriel", "groupe pharmaceutique", "groupe chimique", "groupe familial",
        "groupe de luxe", "groupe de défense", "groupe minier", "groupe agroalimentaire",
        "groupe automobile", "groupe aéronautique", "groupe énergétique", "groupe bancaire",
        "groupe d'assurance", "groupe de distribution", "groupe de médias",
        "groupe de télécommunications", "géant pharmaceutique", "géant du numérique",
        "géant de la tech", "géant de l'internet", "maroquinier", "joaillier",
        "horloger", "parfumeur", "cosméticien", "lunetier", "chausseur", "équipementier sportif",
        "concessionnaire autoroutier", "gestionnaire de réseau", "fabricant de batteries",
        "fabricant de puces", "producteur", "producteur d'électricité", "minier", "raffineur",
        "industriel de la défense", "acteur", "fabricant de semi-conducteurs",
        "spécialiste des semi-conducteurs", "opérateur de centres de données",
        "entreprise publique", "entreprise familiale", "entreprise industrielle", "pépite",
        "fleuron", "poids lourd", "société de services", "ESN", "SSII", "éditeur de jeux vidéo",
        "constructeur de véhicules électriques", "fabricant de pneumatiques", "pneumaticien",
        "agroalimentaire", "transformateur", "embouteilleur", "bétonnier",
        "armurier", "ingénieriste", "société d'ingénierie", "bureau d'études", "employeur",
        "recruteur", "loueur", "courtier", "néobanque", "banque en ligne", "assureur-vie",
        "émetteur", "développeur", "concepteur", "équipementier télécoms", "distributeur d'énergie",
        "fournisseur d'énergie", "fournisseur d'électricité", "producteur d'énergie",
    ],
    "investor": [
        "fonds", "fonds d'investissement", "fonds souverain", "fonds de pension",
        "fonds de capital-risque", "fonds de capital-investissement", "fonds d'infrastructure",
        "fonds activiste", "fonds spéculatif", "société de capital-risque",
        "société d'investissement", "société de gestion", "gestionnaire d'actifs",
        "holding d'investissement", "capital-risqueur", "investisseur",
        "investisseur institutionnel", "investisseur financier", "business angel",
        "family office", "actionnaire", "actionnaire majoritaire", "actionnaire de référence",
        "actionnaire principal", "banque publique d'investissement", "private equity",
        "véhicule d'investissement", "co-investisseur", "financeur", "bailleur de fonds",
    ],
    "public_body": [
        "ministère", "collectivité", "collectivité territoriale",
        "commune", "mairie", "municipalité", "métropole", "agglomération",
        "communauté de communes", "communauté d'agglomération", "communauté urbaine", "conseil régional",
        "conseil départemental", "région", "préfecture", "agence publique",
        "établissement public", "autorité", "autorité de régulation", "régulateur",
        "gendarme", "administration", "institution", "banque centrale", "opérateur public",
        "organisme public", "agence de l'État", "intercommunalité",
        "Élysée", "Bercy", "Matignon", "Quai d'Orsay",
    ],
    "union": [
        "syndicat", "organisation syndicale", "intersyndicale", "centrale syndicale",
        "confédération syndicale",
    ],
    "employer_body": [
        "organisation patronale", "syndicat patronal", "fédération", "groupement",
        "groupement professionnel",
        "fédération professionnelle", "chambre de commerce", "chambre de commerce et d'industrie",
        "CCI", "chambre des métiers", "chambre de métiers et de l'artisanat",
        "chambre d'agriculture", "pôle de compétitivité", "association professionnelle",
        "lobby", "interprofession", "patronat", "confédération", "cluster",
    ],
    "research": [
        "institut", "institut de recherche", "organisme de recherche", "centre de recherche",
        "laboratoire public", "unité de recherche",
    ],
    "education": [
        "université", "école", "école d'ingénieurs", "grande école", "école de commerce",
        "business school",
    ],
    "association": [
        "association", "fondation", "ONG", "organisation", "organisation non gouvernementale",
        "think tank", "club", "collectif",
    ],
    "media": [
        "quotidien", "journal", "hebdomadaire", "magazine", "chaîne de télévision", "radio",
        "agence de presse", "média",
    ],
}

EN_ORG_NOUNS = {
    "company": [
        "company", "group", "firm", "business", "corporation", "conglomerate", "carmaker",
        "automaker", "car maker", "auto maker", "planemaker", "aircraft maker",
        "aircraft manufacturer", "engine maker", "chipmaker", "chip maker", "chip designer",
        "drugmaker", "drug maker", "pharmaceutical company", "pharma company", "biotech",
        "biotech company", "medtech", "retailer", "lender", "bank", "investment bank",
        "insurer", "reinsurer", "startup", "start-up", "maker", "manufacturer", "producer",
        "supplier", "parts supplier", "auto parts supplier", "distributor", "wholesaler",
        "operator", "carrier", "airline", "telecom operator", "telecoms operator",
        "mobile operator", "utility", "power company", "oil company", "oil major",
        "energy company", "energy group", "miner", "mining company", "steelmaker",
        "steel maker", "chemical company", "chemicals group", "chemicals maker",
        "software company", "software maker", "software developer", "tech company",
        "technology company", "tech giant", "giant", "behemoth", "conglomerate", "unicorn",
        "fintech", "platform", "e-commerce company", "online retailer", "brand",
        "luxury group", "luxury house", "fashion house", "label", "chain",
        "supermarket chain", "grocer", "supermarket", "department store", "outfit",
        "subsidiary", "unit", "division", "arm", "affiliate", "parent", "parent company",
        "holding company", "joint venture", "venture", "shipbuilder", "shipping company",
        "shipping line", "railway operator", "rail operator", "trainmaker", "tyre maker",
        "tire maker", "battery maker", "cell maker", "EV maker", "electric vehicle maker",
        "electric carmaker", "defence group", "defense contractor", "defence contractor",
        "contractor", "consultancy", "consulting firm", "accounting firm", "law firm",
        "audit firm", "ad agency", "studio", "developer", "publisher", "broker",
        "brokerage", "asset manager", "fund manager", "exchange operator", "payments company",
        "food company", "food group", "beverage company", "brewer", "distiller",
        "cosmetics group", "cosmetics maker", "retail group", "industrial group",
        "engineering group", "engineering company", "construction company", "builder",
        "homebuilder", "developer", "property developer", "landlord", "REIT",
        "cloud provider", "data center operator", "hyperscaler", "foundry", "carrier",
        "employer", "multinational", "SME", "leader", "champion", "player",
        "semiconductor company", "cooperative", "co-op",
    ],
    "investor": [
        "fund", "investment fund", "sovereign wealth fund", "sovereign fund", "pension fund",
        "venture capital firm", "venture firm", "VC firm", "private equity firm",
        "private equity group", "buyout firm", "buyout group", "hedge fund", "activist investor",
        "activist fund", "investor", "institutional investor", "angel investor",
        "business angel", "family office", "shareholder", "majority shareholder",
        "largest shareholder", "investment firm", "investment company", "investment group",
        "investment vehicle", "infrastructure fund", "backer", "financier", "co-investor",
    ],
    "public_body": [
        "government", "administration", "ministry", "department", "agency",
        "government agency", "federal agency", "state agency", "regulator", "watchdog",
        "authority", "council", "city council", "county", "municipality", "city",
        "state", "state government", "province", "central bank", "public body",
        "public investment bank", "state-owned company", "state-owned enterprise", "SOE",
        "executive", "commission", "White House", "Treasury", "Pentagon", "Kremlin",
    ],
    "union": ["union", "trade union", "labor union", "labour union", "works council"],
    "employer_body": [
        "trade group", "trade association", "industry group", "industry association",
        "industry body", "lobby group", "lobby", "chamber of commerce", "business group",
        "employers' federation", "employers' group", "federation", "confederation",
        "cluster",
    ],
    "research": [
        "institute", "research institute", "research center", "research centre",
        "laboratory", "lab", "national laboratory",
    ],
    "education": ["university", "school", "business school", "college", "engineering school"],
    "association": [
        "association", "foundation", "charity", "NGO", "non-profit", "nonprofit",
        "organization", "organisation", "think tank", "club", "coalition", "alliance",
    ],
    "media": [
        "newspaper", "magazine", "broadcaster", "news agency", "network",
        "outlet", "media group", "publication",
    ],
}

# --------------------------------------------------------------------------
# Facility nouns. kind: plant, site, headquarters, datacenter, warehouse, campus,
# research, office, retail, energy, mine, transport, hospitality, other
# --------------------------------------------------------------------------
FR_FACILITY = {
    "plant": [
        "usine", "usine d'assemblage", "usine de batteries", "usine de production",
        "usine pilote", "usine de semi-conducteurs", "gigafactory", "giga-usine", "gigafactory",
        "unité de production", "unité industrielle", "ligne de production",
        "chaîne de production", "chaîne d'assemblage", "ligne d'assemblage", "atelier",
        "fonderie", "aciérie", "haut fourneau", "haut-fourneau", "raffinerie",
        "bioraffinerie", "cimenterie", "verrerie", "papeterie", "scierie", "tannerie",
        "sucrerie", "laiterie", "fromagerie", "brasserie", "distillerie", "abattoir",
        "manufacture", "chantier naval", "chantier", "salle blanche", "fab", "électrolyseur",
        "démonstrateur", "outil de production", "outil industriel", "complexe industriel",
        "complexe pétrochimique", "vapocraqueur", "usine de recyclage", "unité de recyclage",
        "usine de traitement", "station d'épuration", "usine d'incinération",
        "méthaniseur", "unité de méthanisation", "imprimerie", "chai", "ferme verticale", "pépinière", "élevage",
    ],
    "site": [
        "site", "site de production", "site industriel", "site logistique", "site Seveso",
        "implantation", "établissement", "zone industrielle", "zone d'activité",
        "zone d'activités", "parc d'activités", "parc industriel", "friche industrielle",
        "plateforme industrielle",
    ],
    "headquarters": [
        "siège", "siège social", "siège européen", "siège mondial", "siège français",
        "quartier général", "maison mère",
    ],
    "datacenter": [
        "centre de données", "data center", "datacenter", "data centre", "centre de calcul",
        "supercalculateur", "campus de données",
    ],
    "warehouse": [
        "entrepôt", "plateforme logistique", "centre logistique", "base logistique",
        "centre de distribution", "hub", "hub logistique", "dépôt", "centre de tri",
        "messagerie", "entrepôt frigorifique",
    ],
    "campus": [
        "campus", "technopole", "technopôle", "parc technologique",
        "parc scientifique", "incubateur", "accélérateur", "pépinière d'entreprises",
        "centre d'innovation", "centre d'excellence", "hub technologique",
    ],
    "research": [
        "laboratoire de recherche", "centre de R&D", "centre de recherche",
        "centre de recherche et développement", "centre de recherche et de développement",
        "centre technique", "centre d'essais", "banc d'essai", "plateforme de recherche",
        "institut", "laboratoire commun",
    ],
    "office": [
        "bureau", "bureaux", "agence", "antenne", "succursale", "centre de services",
        "centre de services partagés", "centre d'appels", "centre de contact",
        "centre de formation", "école", "immeuble", "showroom", "centre opérationnel",
    ],
    "retail": [
        "magasin", "boutique", "hypermarché", "supermarché", "centre commercial",
        "point de vente", "grand magasin", "concession", "station-service", "restaurant",
        "magasin amiral",
    ],
    "energy": [
        "centrale", "centrale nucléaire", "centrale électrique", "centrale thermique",
        "centrale solaire", "centrale photovoltaïque", "centrale hydroélectrique",
        "centrale à gaz", "centrale biomasse", "parc éolien", "parc éolien en mer",
        "parc solaire", "parc photovoltaïque", "ferme solaire", "ferme éolienne",
        "ferme photovoltaïque", "réacteur", "EPR", "barrage", "poste électrique",
        "terminal méthanier", "gazoduc", "oléoduc", "site de stockage",
    ],
    "mine": ["mine", "carrière", "puits", "gisement", "forage", "plateforme pétrolière"],
    "transport": [
        "port", "terminal", "aéroport", "gare", "hangar", "piste", "autoroute",
        "centre de maintenance", "dépôt ferroviaire", "plateforme aéroportuaire", "quai",
    ],
    "hospitality": [
        "hôtel", "château", "palace", "resort", "parc d'attractions", "parc de loisirs",
        "musée", "stade", "hippodrome", "salle de spectacle", "vignoble", "hôpital", "clinique",
        "palais", "centre de congrès", "parc des expositions",
    ],
}

EN_FACILITY = {
    "plant": [
        "plant", "factory", "assembly plant", "manufacturing plant", "production plant",
        "battery plant", "chip plant", "car plant", "engine plant", "pilot plant", "gigafactory",
        "mill", "steel mill", "paper mill", "smelter", "foundry", "fab", "chip fab", "refinery",
        "biorefinery", "assembly line", "production line", "steelworks", "shipyard",
        "brewery", "distillery", "winery", "bottling plant", "processing plant",
        "recycling plant", "cement plant", "chemical plant", "petrochemical complex",
        "cracker", "electrolyser", "electrolyzer", "clean room", "cleanroom", "workshop",
        "greenhouse", "farm", "vertical farm",
    ],
    "site": [
        "site", "production site", "manufacturing site", "manufacturing facility",
        "production facility", "facility", "industrial site", "greenfield site", "industrial park", "business park", "campus site",
    ],
    "headquarters": [
        "headquarters", "HQ", "head office", "global headquarters", "European headquarters",
        "regional headquarters", "corporate headquarters", "main office",
    ],
    "datacenter": [
        "data center", "data centre", "datacenter", "datacentre", "server farm",
        "supercomputer", "computing center", "AI campus", "hyperscale campus",
    ],
    "warehouse": [
        "warehouse", "distribution center", "distribution centre", "fulfillment center",
        "fulfilment centre", "logistics center", "logistics centre", "logistics hub", "hub",
        "depot", "sorting center", "sorting centre", "cold store",
    ],
    "campus": [
        "campus", "technology park", "science park", "innovation center",
        "innovation centre", "innovation hub", "tech hub", "incubator", "accelerator",
        "center of excellence", "centre of excellence",
    ],
    "research": [
        "research center", "research centre", "R&D center", "R&D centre",
        "research and development center", "research and development centre", "lab",
        "laboratory", "research lab", "test center", "test centre", "testing facility",
        "technology center", "technology centre", "design center", "design centre",
        "engineering center", "engineering centre",
    ],
    "office": [
        "office", "offices", "branch", "regional office", "sales office", "representative office",
        "service center", "service centre", "shared services center", "shared services centre",
        "call center", "call centre", "contact center", "training center", "training centre",
        "academy", "tower", "showroom",
    ],
    "retail": [
        "store", "shop", "flagship store", "flagship", "outlet", "mall", "shopping centre",
        "shopping center", "supermarket", "hypermarket", "department store", "restaurant",
        "dealership", "gas station", "petrol station",
    ],
    "energy": [
        "power plant", "power station", "nuclear plant", "nuclear power plant", "reactor",
        "wind farm", "offshore wind farm", "solar farm", "solar park", "solar plant",
        "hydroelectric plant", "hydro plant", "dam", "gas-fired plant", "coal plant",
        "substation", "LNG terminal", "pipeline", "storage facility", "battery storage",
    ],
    "mine": ["mine", "quarry", "oilfield", "gas field", "oil rig", "rig"],
    "transport": [
        "port", "terminal", "container terminal", "airport", "station", "hangar", "runway",
        "maintenance center", "maintenance facility", "rail depot", "railway",
    ],
    "hospitality": [
        "hotel", "resort", "castle", "château", "palace", "theme park", "museum", "stadium",
        "arena", "hospital", "clinic", "vineyard", "convention center",
        "convention centre", "exhibition center", "exhibition centre",
    ],
}

# --------------------------------------------------------------------------
# Event nouns. kind: summit, fair, forum, conference, festival, sport, ceremony,
# meeting, visit
# --------------------------------------------------------------------------
FR_EVENT = {
    "summit": ["sommet", "G7", "G20", "sommet international", "conférence internationale"],
    "fair": [
        "salon", "foire", "salon professionnel", "salon international", "exposition",
        "exposition universelle", "Exposition universelle", "biennale", "Mondial",
        "Mondial de l'automobile", "salon aéronautique", "salon de l'aéronautique",
        "salon de l'automobile", "foire-exposition",
    ],
    "forum": ["forum", "rencontres", "rencontre", "assises", "états généraux", "table ronde",
              "dialogue", "débat"],
    "conference": [
        "conférence", "congrès", "colloque", "symposium", "séminaire", "convention",
        "conférence de presse", "conférence des parties", "COP", "webinaire", "hackathon", "université d'été", "grand-messe", "keynote",
    ],
    "festival": ["festival", "gala", "fête", "soirée"],
    "sport": [
        "Jeux olympiques", "Jeux Olympiques", "JO", "Jeux paralympiques",
        "Jeux olympiques et paralympiques", "Coupe du monde", "championnat du monde",
        "Championnats du monde", "Tour de France", "Grand Prix", "Grand Prix de France",
        "Mondial de football", "tournoi", "compétition", "marathon", "régate",
    ],
    "ceremony": ["cérémonie", "inauguration", "pose de la première pierre",
                 "remise des prix", "vernissage"],
    "meeting": [
        "réunion", "assemblée générale", "assemblée", "conseil des ministres",
        "conseil européen", "Conseil européen", "comité interministériel", "conclave",
        "négociations", "entretien", "tête-à-tête",
    ],
    "visit": ["visite", "visite d'État", "visite officielle", "voyage officiel",
              "mission économique", "tournée", "déplacement", "roadshow"],
    "event": ["événement", "évènement", "manifestation", "rendez-vous"],
}

EN_EVENT = {
    "summit": ["summit", "G7", "G20", "investment summit", "leaders' summit",
               "international summit"],
    "fair": [
        "fair", "trade fair", "trade show", "expo", "exposition", "exhibition", "show",
        "air show", "airshow", "motor show", "auto show", "World Expo", "World's Fair",
        "biennial",
    ],
    "forum": ["forum", "business forum", "roundtable", "round table", "dialogue", "debate",
              "hearing"],
    "conference": [
        "conference", "convention", "congress", "symposium", "seminar", "workshop", "webinar",
        "press conference", "news conference", "tech conference", "developer conference",
        "keynote", "hackathon", "COP", "climate conference",
    ],
    "festival": ["festival", "gala", "celebration"],
    "sport": [
        "Olympics", "Olympic Games", "Paralympics", "Paralympic Games", "World Cup",
        "world championship", "World Championships", "Grand Prix", "tournament",
        "championship", "marathon", "Super Bowl", "regatta",
    ],
    "ceremony": ["ceremony", "inauguration", "groundbreaking", "groundbreaking ceremony",
                 "ribbon-cutting", "ribbon cutting", "opening ceremony", "award ceremony",
                 "launch event", "showcase"],
    "meeting": ["meeting", "annual meeting", "general meeting", "annual general meeting",
                "AGM", "shareholders' meeting", "shareholder meeting", "board meeting",
                "cabinet meeting", "talks", "negotiations", "retreat"],
    "visit": ["visit", "state visit", "official visit", "trip", "tour", "trade mission",
              "delegation", "roadshow"],
    "event": ["event", "gathering", "rendezvous"],
}

# --------------------------------------------------------------------------
# Legal suffixes: suffix -> country (ISO 3166-1 alpha-2, "*" = several countries
# or none in particular)
# --------------------------------------------------------------------------
LEGAL_SUFFIXES = {
    "*": [
        "SA", "S.A.", "S/A", "Holding", "Holdings", "Group", "Groupe", "Gruppe", "Grupo",
        "Gruppo", "Groep", "Koncern", "& Co.", "& Co", "& Cie", "et Cie", "Cie", "& Partners",
        "Partners", "Company", "Co.", "Co", "International", "Ltd", "Ltd.", "Limited",
        "Corporation", "Corp.", "Corp", "Incorporated", "Inc.", "Inc", "Holding SA",
        "Holdings Inc.", "Holdings Ltd", "Group plc", "Group SA", "Group AG",
        "Group Inc.", "SE", "S.E.", "Societas Europaea", "Co., Ltd.", "Co., Ltd", "Co. Ltd",
        "Co.,Ltd.", "Co Ltd", "SRL", "Srl", "S.r.l.", "SpA", "S.p.A.", "SPA", "AS", "A/S",
        "AB", "AB (publ)", "GmbH", "AG", "NV", "N.V.", "BV", "B.V.", "SAU", "S.A.U.",
        "SL", "S.L.", "SCA", "S.C.A.",
    ],
    "FR": [
        "SAS", "S.A.S.", "SASU", "SARL", "S.A.R.L.", "EURL", "SNC", "SCS", "SCOP", "Scop",
        "SCIC", "GIE", "EPIC", "SEM", "SPL", "SCI", "SEML", "société anonyme",
        "société par actions simplifiée",
    ],
    "US": ["LLC", "L.L.C.", "LLP", "L.L.P.", "LP", "L.P.", "LLLP", "P.C.", "N.A.",
           "PBC"],
    "GB": ["plc", "PLC", "Plc", "p.l.c.", "CIC", "LLP UK"],
    "DE": ["gGmbH", "GmbH & Co. KG", "GmbH & Co KG", "KG", "KGaA", "SE & Co. KGaA",
           "AG & Co. KGaA", "e.V.", "eG", "OHG", "UG"],
    "AT": ["Ges.m.b.H.", "GesmbH"],
    "CH": ["Sàrl", "Sagl"],
    "BE": ["SPRL", "BVBA", "CVBA", "SCRL", "SComm", "ASBL", "VZW"],
    "NL": ["C.V.", "VOF"],
    "IT": ["S.a.s.", "S.n.c.", "Scarl"],
    "ES": ["S.A.L.", "S.Coop."],
    "PT": ["Lda", "Lda."],
    "NO": ["ASA"],
    "DK": ["ApS", "I/S", "P/S", "K/S"],
    "FI": ["Oyj", "Oy"],
    "PL": ["sp. z o.o.", "Sp. z o.o.", "sp.k."],
    "CZ": ["a.s.", "s.r.o.", "spol. s r.o."],
    "HU": ["Zrt.", "Nyrt.", "Kft.", "Bt."],
    "RO": ["S.R.L."],
    "RU": ["OAO", "PAO", "PJSC", "OOO", "JSC", "ZAO"],
    "JP": ["KK", "K.K.", "Kabushiki Kaisha", "Godo Kaisha"],
    "CN": ["Group Co., Ltd.", "Holdings Co., Ltd."],
    "IN": ["Pvt Ltd", "Pvt. Ltd.", "Private Limited", "Pvt. Ltd"],
    "SG": ["Pte Ltd", "Pte. Ltd.", "Pte. Ltd", "Pte Ltd."],
    "AU": ["Pty Ltd", "Pty. Ltd.", "Pty Ltd.", "Pty"],
    "NZ": ["NZ Ltd"],
    "MY": ["Sdn Bhd", "Sdn. Bhd.", "Bhd", "Berhad"],
    "ID": ["Tbk", "Tbk."],
    "MX": ["SAB de CV", "S.A.B. de C.V.", "S.A. de C.V.", "SA de CV", "S. de R.L. de C.V."],
    "BR": ["Ltda", "Ltda."],
    "TR": ["A.Ş.", "AŞ", "Ltd. Şti."],
    "AE": ["FZE", "FZCO", "FZ-LLC"],
    "SA": ["SJSC"],
    "QA": ["QSC", "Q.S.C.", "QPSC", "Q.P.S.C."],
    "OM": ["SAOG", "S.A.O.G."],
    "JO": ["PSC"],
    "CA": ["ULC", "Ltée", "Ltee"],
}


def flatten_kinds(table, what):
    seen = {}
    for kind, words in table.items():
        for w in words:
            w = nfc(w)
            if w in seen and seen[w] != kind:
                raise SystemExit("%s: %r listed as %s and %s" % (what, w, seen[w], kind))
            seen[w] = kind
    return sorted(seen.items())


def main():
    out = [
        ("fr/titles.tsv", FR_TITLES, "title<TAB>kind", "job and office titles that introduce a role"
         " holder (singular; masculine and feminine on separate lines)",
         "kind: exec, board, government, local, staff, analyst, union"),
        ("en/titles.tsv", EN_TITLES, "title<TAB>kind", "job and office titles that introduce a role"
         " holder (singular)", "kind: exec, board, government, local, staff, analyst, union"),
        ("fr/org_nouns.tsv", FR_ORG_NOUNS, "noun<TAB>kind", "common nouns that designate an"
         " organisation in apposition or as a definite description (« le groupe »)",
         "kind: company, investor, public_body, union, employer_body, research, education,"
         " association, media"),
        ("en/org_nouns.tsv", EN_ORG_NOUNS, "noun<TAB>kind", "common nouns that designate an"
         " organisation (\"the company\", \"the carmaker\")",
         "kind: company, investor, public_body, union, employer_body, research, education,"
         " association, media"),
        ("fr/facility_nouns.tsv", FR_FACILITY, "noun<TAB>kind", "nouns that name a facility"
         " (« usine », « centre de données »); multiword entries allowed",
         "kind: plant, site, headquarters, datacenter, warehouse, campus, research, office,"
         " retail, energy, mine, transport, hospitality"),
        ("en/facility_nouns.tsv", EN_FACILITY, "noun<TAB>kind", "nouns that name a facility"
         " (\"plant\", \"data center\"); multiword entries allowed",
         "kind: plant, site, headquarters, datacenter, warehouse, campus, research, office,"
         " retail, energy, mine, transport, hospitality"),
        ("fr/event_nouns.tsv", FR_EVENT, "noun<TAB>kind", "nouns that name an event"
         " (« sommet », « salon »)",
         "kind: summit, fair, forum, conference, festival, sport, ceremony, meeting, visit, event"),
        ("en/event_nouns.tsv", EN_EVENT, "noun<TAB>kind", "nouns that name an event"
         " (\"summit\", \"trade fair\")",
         "kind: summit, fair, forum, conference, festival, sport, ceremony, meeting, visit, event"),
    ]
    for rel, table, cols, what, kinds in out:
        rows = flatten_kinds(table, rel)
        write_tsv(os.path.join(ROOT, "lexicon", rel), [
            "%s — %s." % (rel.split("/")[-1], what),
            "columns: %s; %s" % (cols, kinds),
            "source: common %s vocabulary of business and public life, written for econkg"
            % ("French" if rel.startswith("fr") else "English"),
            "  (generated by tools/gen_wordlists.py; edit there)."], rows)
        print("%s: %d" % (rel, len(rows)))
    rows = []
    seen = set()
    for cc, sufs in LEGAL_SUFFIXES.items():
        for s in sufs:
            s = nfc(s)
            if s in seen:
                raise SystemExit("legal suffix %r listed twice" % s)
            seen.add(s)
            rows.append((s, cc))
    rows.sort()
    write_tsv(os.path.join(ROOT, "lexicon", "fr", "legal_suffixes.tsv"), [
        "legal_suffixes.tsv — company legal-form suffixes and group words that may end a company"
        " name (shared by fr and en).",
        "columns: suffix<TAB>country (ISO 3166-1 alpha-2 of the jurisdiction; * = several"
        " or none)",
        "source: national company-law forms (Code de commerce, Companies Act 2006, US state"
        " LLC acts, HGB/AktG/GmbHG, EU Regulation 2157/2001 for SE, ...), as commonly written"
        " in company names. Generated by tools/gen_wordlists.py."], rows)
    print("fr/legal_suffixes.tsv: %d" % len(rows))


if __name__ == "__main__":
    main()
