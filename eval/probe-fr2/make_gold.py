import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probe_lib import st, says, write_gold

d = "probe-fr2-01"
SLS = ["Safran Landing Systems"]
F = ["nouvelle usine de freins carbone à Feillens", "usine de freins carbone à Feillens", "nouvelle usine de freins carbone",
     "usine de freins carbone", "nouvelle usine de freins carbone de Safran Landing Systems", "usine de freins carbone de Safran Landing Systems",
     "nouvelle usine de freins carbone de Safran Landing Systems à Feillens", "usine de freins carbone de Safran Landing Systems à Feillens",
     "usine de Safran Landing Systems à Feillens", "usine de Safran Landing Systems", "usine de Feillens", "site de Feillens",
     "usine Safran Landing Systems de Feillens", "chantier", "chantier de la nouvelle usine de freins carbone"]
st(d, SLS, "opens", F, amount=2.5e8, currency="EUR", jobs=200, date="2026")
st(d, SLS, "invests_in", F, amount=2.5e8, currency="EUR", date="2023-10-20")
st(d, SLS, "creates_jobs", F, jobs=200, date="2030")
st(d, F, "located_in", "Feillens")
st(d, "Feillens", "located_in", "Ain")
st(d, SLS, "subsidiary_of", "Safran")
st(d, "Chantal Mauchet", "holds_role", "Ain", title="préfète")
st(d, "Chantal Mauchet", "visits", F, date="2023-10-20")
st(d, "Guy Billoudet", "holds_role", "Feillens", title="maire")
st(d, "Olivier Andriès", "holds_role", "Safran", title="directeur général")
says(d, "Chantal Mauchet", "Cette usine est la plus grande implantation industrielle du département depuis vingt ans")
says(d, "Olivier Andriès", "Nous avons choisi Feillens pour la qualité de la main-d'œuvre et la proximité de nos sites historiques")
says(d, "Guy Billoudet", "c'est une chance pour toute la commune")
st(d, SLS, "supplies", "Airbus", product="disques de frein")
st(d, SLS, "supplies", "Boeing", product="disques de frein")
st(d, "Villeurbanne", "located_in", "Rhône")

d = "probe-fr2-02"
MP = ["McPhy"]
GF = ["gigafactory d'électrolyseurs de Belfort", "gigafactory d'électrolyseurs de McPhy à Belfort", "gigafactory d'électrolyseurs de McPhy",
      "gigafactory d'électrolyseurs", "gigafactory de McPhy", "gigafactory de Belfort", "gigafactory de McPhy à Belfort",
      "usine de Belfort", "usine de McPhy", "usine de McPhy à Belfort", "usine"]
st(d, "Bpifrance", "funds", MP, amount=1.14e8, currency="EUR", date="2023-03-16")
st(d, MP, "opens", GF, date="2024")
st(d, MP, "invests_in", GF + ["Belfort"], amount=4e7, currency="EUR", date="2023-03-16")
st(d, MP, "creates_jobs", GF + ["Belfort"], jobs=400, date="2030")
st(d, GF, "located_in", "Belfort")
st(d, MP, "located_in", "Grenoble")
SF = ["future usine de Saint-Fons", "usine de Saint-Fons", "usine de Symbio à Saint-Fons", "usine de Symbio", "future usine de Symbio à Saint-Fons"]
st(d, "Symbio", "opens", SF)
st(d, SF, "located_in", "Saint-Fons")
st(d, "Saint-Fons", "located_in", ["métropole de Lyon", "Lyon"])
st(d, "Forvia", "founded", "Symbio")
st(d, "Michelin", "founded", "Symbio")
st(d, "Stellantis", "acquires", "Symbio", stake=33.3, date="2023")
st(d, "Genvia", "located_in", "Béziers")
for f in ["CEA", "Schlumberger", "Vinci Construction", "Vicat", "Agence régionale énergie climat d'Occitanie"]:
    st(d, f, "founded", "Genvia", date="2021")
says(d, "Roland Lescure", "Avec France 2030, nous faisons de la France un leader de l'hydrogène décarboné")
says(d, "Roland Lescure", "Ces trois projets créeront plus de 1\u00a0500 emplois industriels dans nos territoires.")
st(d, "Roland Lescure", "visits", "Belfort", date="2023-03-17")
st(d, "Roland Lescure", "meets", "Jean-Baptiste Lucas", date="2023-03-17")
st(d, "Roland Lescure", "meets", "Damien Meslot", date="2023-03-17")
st(d, "Jean-Baptiste Lucas", "holds_role", MP, title="directeur général")
st(d, "Damien Meslot", "holds_role", "Belfort", title="maire")

d = "probe-fr2-03"
st(d, "Veolia", "acquires", "Suez", amount=1.3e10, currency="EUR", stake=95.9, date="2022-01-18")
NS = ["nouveau Suez", "activités françaises de Suez"]
for b in ["Meridiam", "Global Infrastructure Partners", "CNP Assurances", ["Caisse des Dépôts", "Caisse des Dépôts et consignations"]]:
    st(d, b, "acquires", NS)
st(d, "Sabrina Soussan", "holds_role", NS)
st(d, "Antoine Frérot", "holds_role", "Veolia", title="PDG")
says(d, "Antoine Frérot", "C'est un jour historique pour Veolia et pour la France, qui se dote d'un champion mondial de la transformation écologique")
says(d, "Antoine Frérot", "d'ici à la fin de l'année")
st(d, "Estelle Brachlianoff", "holds_role", "Veolia", title="directrice générale adjointe")
st(d, "Veolia", "located_in", "Aubervilliers")

d = "probe-fr2-04"
T = ["Tiffany & Co.", "Tiffany", "Tiffany & Co"]
st(d, "LVMH", "acquires", T, amount=1.58e10, currency="USD", date="2021-01-07")
st(d, T, "subsidiary_of", "LVMH")
st(d, T, "located_in", "New York")
st(d, "Anthony Ledru", "holds_role", T, title="président-directeur général")
st(d, "Alexandre Arnault", "holds_role", T, title="vice-président exécutif chargé des produits et de la communication")
st(d, "Bernard Arnault", "holds_role", "LVMH", title="PDG")
says(d, "Bernard Arnault", "Tiffany rejoint une famille qui sait faire grandir les marques d'exception")
says(d, "Bernard Arnault", "a un potentiel immense en Asie")
st(d, "Charles Lewis Tiffany", "founded", T, date="1837")
st(d, "Michael Burke", "holds_role", "Louis Vuitton", title="PDG")
st(d, "Bulgari", "subsidiary_of", "LVMH")
st(d, "Chaumet", "subsidiary_of", "LVMH")

d = "probe-fr2-05"
C = ["CMA CGM"]
AF = ["Air France-KLM"]
st(d, C, "acquires", AF, stake=9, date="2022-05-12")
st(d, C, "partners_with", AF, date="2022-05-12")
st(d, C, "invests_in", AF, amount=5e8, currency="EUR")
st(d, C, "located_in", "Marseille")
st(d, "CMA CGM Air Cargo", "subsidiary_of", C)
st(d, "Rodolphe Saadé", "holds_role", C, title="président-directeur général")
says(d, "Rodolphe Saadé", "Ce partenariat nous permet de proposer à nos clients une offre logistique complète, de la mer aux airs")
st(d, "Benjamin Smith", "holds_role", AF, title="directeur général")
says(d, "Benjamin Smith", "une alliance naturelle entre deux leaders français")
st(d, "Bruno Le Maire", "meets", "Rodolphe Saadé", date="2022-05-11")
st(d, "Jacques Saadé", "founded", C, date="1978")
st(d, C, "acquires", "Ingram Micro CLS", amount=3e9, currency="USD", date="2021")

d = "probe-fr2-06"
AMF = ["ArcelorMittal France"]
st(d, ["ArcelorMittal", "ArcelorMittal France"], "cuts_jobs", ["France", "nord de la France", "usines du nord de la France"], jobs=636, date="2025-04-23")
st(d, AMF, "cuts_jobs", "Dunkerque", jobs=295, date="2025-04-23")
st(d, AMF, "cuts_jobs", "Florange", jobs=113, date="2025-04-23")
st(d, AMF, "cuts_jobs", "Basse-Indre", jobs=55, date="2025-04-23")
st(d, AMF, "subsidiary_of", "ArcelorMittal")
st(d, "Gaëtan Lecocq", "holds_role", ["CGT", "CGT d'ArcelorMittal Dunkerque"], title="secrétaire général")
says(d, "Gaëtan Lecocq", "C'est un coup de massue pour les salariés, qui ont déjà fait beaucoup d'efforts")
st(d, "Marc Ferracci", "meets", "Alain Le Grand", date="2025-04-22")
says(d, "Marc Ferracci", "garantir l'avenir des hauts fourneaux de Dunkerque")
st(d, "Alain Le Grand", "holds_role", AMF, title="président")
st(d, "Rémy Dick", "holds_role", "Florange", title="maire")
st(d, "Xavier Bertrand", "holds_role", "Hauts-de-France", title="président")
says(d, "Xavier Bertrand", "Les sidérurgistes ne doivent pas payer la facture de l'inaction européenne")

d = "probe-fr2-07"
P = ["Pasqal"]
for inv in ["Temasek", ["Fonds européen pour l'innovation"], "Wa'ed Ventures", "Bpifrance", "Quantonation", "Eurazeo"]:
    st(d, inv, "funds", P, amount=1e8, currency="EUR", round="série B", date="2023-01-24")
for f in ["Georges-Olivier Reymond", "Christophe Jurczak", "Antoine Browaeys", "Thierry Lahaye", "Alain Aspect"]:
    st(d, f, "founded", P, date="2019")
st(d, "Georges-Olivier Reymond", "holds_role", P, title="cofondateur et PDG")
for f in ["Christophe Jurczak", "Antoine Browaeys", "Thierry Lahaye", "Alain Aspect"]:
    st(d, f, "holds_role", P)
st(d, P, "located_in", "Palaiseau")
st(d, "Palaiseau", "located_in", "Essonne")
says(d, "Georges-Olivier Reymond", "Ce tour de table nous donne les moyens de livrer un avantage quantique utile dès 2024")
st(d, P, "partners_with", "Aramco")
st(d, P, "supplies", ["centre de calcul de Jülich", "Jülich"], product="machine")
st(d, P, "partners_with", "EDF")
st(d, P, "partners_with", "Thales")

d = "probe-fr2-08"
CM = "Catherine MacGregor"
st(d, CM, "holds_role", "Engie", title="directrice générale")
st(d, CM, "holds_role", "Technip Energies", title="présidente")
st(d, "Claire Waysand", "holds_role", "Engie", title="secrétaire générale")
st(d, "Jean-Pierre Clamadieu", "holds_role", "Engie", title="président du conseil d'administration")
says(d, "Jean-Pierre Clamadieu", "Catherine MacGregor a l'expérience industrielle et internationale dont Engie a besoin pour conduire sa transformation")
says(d, "Bruno Le Maire", "une dirigeante de grande qualité")
st(d, "Engie", "located_in", "La Défense")
st(d, "Veolia", "acquires", "Suez", amount=3.4e9, currency="EUR", stake=29.9, date="2020")
says(d, CM, "Je mesure la responsabilité qui m'est confiée")

d = "probe-fr2-09"
st(d, "Alstom", "supplies", "SNCF", quantity=100, product="rames à grande vitesse de nouvelle génération", date="2024")
st(d, "La Rochelle", "located_in", "Charente-Maritime")
st(d, "Henri Poupart-Lafarge", "holds_role", "Alstom", title="PDG")
says(d, "Henri Poupart-Lafarge", "C'est une commande historique pour Alstom et pour toute la filière ferroviaire française")
st(d, "Guillaume Pepy", "holds_role", "SNCF", title="président")
says(d, "Guillaume Pepy", "20 % moins cher à l'achat et à l'exploitation")
st(d, "Alstom", "partners_with", "SNCF", date="2016")
UA = ["usine d'Alstom", "usine d'Alstom à La Rochelle", "usine de La Rochelle", "usine Alstom de La Rochelle", "usine d'Alstom de La Rochelle"]
st(d, "Élisabeth Borne", "visits", UA, date="2018-09")
st(d, "Élisabeth Borne", "visits", "La Rochelle", date="2018-09")
st(d, UA, "located_in", "La Rochelle")
st(d, "Alstom", "located_in", "Saint-Ouen")
st(d, "Alstom", "supplies", "Normandie", quantity=20, product="trains régionaux", date="2018-08")

d = "probe-fr2-10"
st(d, "Cisco", "trains", ["France", "Hexagone"], quantity=200000, date="2022")
st(d, "Chuck Robbins", "holds_role", "Cisco", title="directeur général")
says(d, "Chuck Robbins", "La France a une formidable réserve de talents, et nous voulons contribuer à les former")
st(d, "Chuck Robbins", "visits", "Paris", date="2019-03-05")
st(d, "Cisco France", "subsidiary_of", "Cisco")
st(d, ["Cisco", "Cisco France"], "located_in", "Issy-les-Moulineaux")
st(d, ["Cisco", "Cisco France"], "creates_jobs", ["France", "Hexagone"], jobs=100, date="2019")
st(d, "Chuck Robbins", "meets", "Cédric O", date="2019-03-05")
says(d, "Cédric O", "Ces annonces montrent que les géants de la tech investissent dans les compétences françaises")
st(d, "Google", "trains", ["France", "Hexagone"], quantity=100000, date="2019")
AT = ["nouvel atelier à Rennes", "atelier à Rennes", "atelier de Google à Rennes", "nouvel atelier de Google à Rennes", "atelier de Rennes", "Rennes"]
st(d, "Google", "opens", AT, date="2019")
st(d, AT, "located_in", "Rennes")
E = ["école de l'intelligence artificielle", "école de l'intelligence artificielle de Microsoft"]
st(d, "Microsoft", "founded", E)
st(d, "Simplon", "founded", E)
st(d, "Microsoft", "partners_with", "Simplon")

d = "probe-fr2-11"
O = ["Orano"]
GB = ["usine d'enrichissement d'uranium Georges-Besse II", "usine Georges-Besse II", "usine d'enrichissement Georges-Besse II", "Georges-Besse II",
      "usine d'enrichissement d'uranium", "usine d'enrichissement", "usine d'enrichissement du Tricastin", "usine d'enrichissement d'Orano", "usine"]
TR = ["site du Tricastin", "Tricastin", "site"]
st(d, O, "invests_in", GB, amount=1.7e9, currency="EUR", date="2024-10-10")
st(d, O, "creates_jobs", TR + GB, jobs=300, date="2024-10-10")
st(d, GB, "located_in", TR)
st(d, TR, "located_in", "Drôme")
st(d, TR, "located_in", "Vaucluse")
st(d, "Pierrelatte", "located_in", "Drôme")
st(d, "Olga Givernet", "visits", TR + GB, date="2024-10-10")
says(d, "Olga Givernet", "Cette extension est une décision stratégique pour la souveraineté énergétique de la France et de l'Europe")
st(d, "Nicolas Maes", "holds_role", O, title="directeur général")
says(d, "Nicolas Maes", "Nos clients électriciens, en Europe et aux États-Unis, veulent réduire leur dépendance à l'uranium enrichi russe")
st(d, O, "supplies", "EDF")
st(d, "Claude Imauven", "holds_role", O, title="président du conseil d'administration")
st(d, "Claude Imauven", "meets", "Alain Gallu", date="2024-10-10")
st(d, "Alain Gallu", "holds_role", "Pierrelatte", title="maire")
st(d, O, "located_in", "Châtillon")

d = "probe-fr2-12"
VT = ["VivaTech", "salon VivaTech"]
MA = ["Mistral AI"]
st(d, VT, "located_in", ["Paris Expo Porte de Versailles", "Porte de Versailles"])
st(d, MA, "partners_with", "Nvidia", date="2025-06-11")
st(d, "Nvidia", "supplies", MA + ["Mistral Compute"], quantity=18000, product="puces Grace Blackwell")
DC = ["centre de données", "Mistral Compute", "infrastructure de calcul", "centre de données de Mistral Compute"]
st(d, MA, "opens", DC)
st(d, "Nvidia", "opens", DC)
st(d, DC, "located_in", "Essonne")
st(d, "Arthur Mensch", "holds_role", MA, title="cofondateur et directeur général")
st(d, "Arthur Mensch", "founded", MA)
says(d, "Arthur Mensch", "Nous voulons offrir à l'Europe un nuage souverain, et pas seulement des modèles")
st(d, "Jensen Huang", "holds_role", "Nvidia", title="patron")
st(d, "Jensen Huang", "meets", "Arthur Mensch", date="2025-06-11")
st(d, "Jensen Huang", "participates_in", VT, date="2025-06-11")
st(d, "Emmanuel Macron", "participates_in", VT, date="2025-06-11")
says(d, "Emmanuel Macron", "L'intelligence artificielle sera la nouvelle électricité")
st(d, MA, "participates_in", VT, date="2025-06-11")
st(d, "Nvidia", "participates_in", VT, date="2025-06-11")
st(d, ["Publicis Groupe", "Publicis"], "organizes", VT)
st(d, ["groupe Les Echos-Le Parisien", "Les Echos-Le Parisien"], "organizes", VT)
st(d, "Maurice Lévy", "holds_role", ["Publicis Groupe", "Publicis"], title="président du conseil de surveillance")
st(d, "Maurice Lévy", "participates_in", VT, date="2025-06-11")
RC = ["centre de recherche à Paris", "centre de recherche de Nvidia à Paris", "centre de recherche", "centre de recherche de Nvidia"]
st(d, "Nvidia", "opens", RC, date="2025-06-11")
st(d, RC, "located_in", "Paris")
st(d, "Nvidia", "partners_with", "Schneider Electric")
st(d, "Orange", "partners_with", MA)

write_gold({"probe-fr2-03", "probe-fr2-07", "probe-fr2-09", "probe-fr2-11"})
