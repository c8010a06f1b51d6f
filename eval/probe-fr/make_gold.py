import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probe_lib import st, says, write_gold

d = "probe-fr-01"
CF = ["Choose France", "sommet Choose France"]
st(d, "Emmanuel Macron", "organizes", CF)
st(d, CF, "located_in", ["château de Versailles", "Versailles"])
st(d, "Amazon", "invests_in", ["France", "Hexagone"], amount=1.2e9, currency="EUR", sector="informatique en nuage", date="2024-05-13")
st(d, "Amazon", "creates_jobs", ["France", "Hexagone"], jobs=3000, date="2024-05-13")
st(d, "Amazon", "participates_in", CF, date="2024-05-13")
st(d, "Prologis", "invests_in", ["Île-de-France"], amount=6.4e9, currency="EUR", sector="centres de données", date="2024-05-13")
st(d, "Pfizer", "invests_in", ["France"], amount=5e8, currency="EUR", date="2024-05-13")
says(d, "Bruno Le Maire", "La France est le pays le plus attractif d'Europe pour la cinquième année consécutive")
says(d, "Bruno Le Maire", "Ces investissements créeront des emplois dans tous nos territoires.")
st(d, "Roland Lescure", "meets", "Albert Bourla", date="2024-05-13")
st(d, "Albert Bourla", "holds_role", "Pfizer", title="PDG")

d = "probe-fr-02"
st(d, "Capgemini", "acquires", "Altran", amount=3.6e9, currency="EUR", date="2019-06-24")
st(d, "Paul Hermelin", "holds_role", "Capgemini", title="PDG")
says(d, "Paul Hermelin", "Ce rapprochement est une étape majeure dans notre stratégie")
says(d, "Paul Hermelin", "Nous allons créer un champion européen de l'ingénierie.")
st(d, "Dominique Cerutti", "holds_role", "Altran", title="président-directeur général")
says(d, "Dominique Cerutti", "un projet industriel cohérent")
st(d, "Capgemini", "located_in", "Paris")

d = "probe-fr-03"
ACC = ["Automotive Cells Company", "ACC", "Automotive Cells Company (ACC)"]
GF = ["gigafactory d'ACC à Billy-Berclau", "gigafactory de batteries d'ACC à Billy-Berclau", "gigafactory de Billy-Berclau",
      "gigafactory d'ACC", "gigafactory de batteries d'ACC", "première gigafactory de batteries de France",
      "gigafactory de batteries de France", "gigafactory de batteries", "usine d'ACC à Billy-Berclau", "usine d'ACC",
      "usine de Billy-Berclau", "usine ACC de Billy-Berclau", "site d'ACC à Billy-Berclau", "site d'ACC", "site de Billy-Berclau",
      "gigafactory ACC de Billy-Berclau", "gigafactory d'Automotive Cells Company à Billy-Berclau", "usine d'Automotive Cells Company"]
st(d, ACC, "opens", GF, amount=2e9, currency="EUR", jobs=2000, date="2023-05-30")
st(d, ACC, "invests_in", GF, amount=2e9, currency="EUR")
st(d, ACC, "creates_jobs", GF, jobs=2000, date="2030")
st(d, GF, "located_in", "Billy-Berclau")
st(d, "Billy-Berclau", "located_in", "Pas-de-Calais")
st(d, "Bruno Le Maire", "visits", GF, date="2023-05-30")
st(d, "Roland Lescure", "visits", GF, date="2023-05-30")
st(d, "Stellantis", "founded", ACC, date="2020")
st(d, "TotalEnergies", "founded", ACC, date="2020")
st(d, "Saft", "subsidiary_of", "TotalEnergies")
says(d, "Bruno Le Maire", "C'est un jour historique pour l'industrie automobile française")
st(d, "Yann Vincent", "holds_role", ACC, title="directeur général")
says(d, "Yann Vincent", "l'enjeu est désormais de monter en cadence")
st(d, "Carlos Tavares", "holds_role", "Stellantis", title="directeur général")

d = "probe-fr-04"
M = ["Mistral AI"]
for inv in ["Andreessen Horowitz", "Lightspeed Venture Partners", "BNP Paribas", "Salesforce"]:
    st(d, inv, "funds", M, amount=385e6, currency="EUR", round="tour de table", date="2023-12-10")
for f in ["Arthur Mensch", "Guillaume Lample", "Timothée Lacroix"]:
    st(d, f, "founded", M, date="2023-04")
st(d, "Arthur Mensch", "holds_role", M, title="directeur général")
st(d, "Guillaume Lample", "holds_role", M, title="cofondateur")
st(d, "Timothée Lacroix", "holds_role", M, title="cofondateur")
says(d, "Arthur Mensch", "Notre ambition est de faire de Mistral AI un champion mondial de l'IA, en proposant des modèles ouverts")
st(d, M, "creates_jobs", "Paris", jobs=50)
says(d, "Emmanuel Macron", "une excellente nouvelle pour la France")

d = "probe-fr-05"
CH = ["usine de Michelin à Cholet", "usine Michelin de Cholet", "usine de Cholet", "site de Cholet", "usine de Michelin de Cholet", "site de Michelin à Cholet", "usine de Cholet de Michelin"]
VA = ["usine de Michelin à Vannes", "usine Michelin de Vannes", "usine de Vannes", "site de Vannes", "usine de Michelin de Vannes", "site de Michelin à Vannes", "usine de Vannes de Michelin"]
st(d, "Michelin", "cuts_jobs", CH, jobs=955, date="2026")
st(d, "Michelin", "cuts_jobs", VA, jobs=299, date="2026")
st(d, CH, "located_in", "Cholet")
st(d, VA, "located_in", "Vannes")
st(d, "Cholet", "located_in", "Maine-et-Loire")
st(d, "Vannes", "located_in", "Morbihan")
st(d, "Michelin", "located_in", "Clermont-Ferrand")
st(d, "Florent Menegaux", "holds_role", "Michelin", title="président")
says(d, "Florent Menegaux", "C'est une décision extrêmement difficile, mais la situation de ces deux sites n'est plus tenable")
st(d, "Maxime Roux", "holds_role", "CGT", title="délégué")
says(d, "Maxime Roux", "On nous a menti pendant des mois. On nous parlait d'investissements, et on nous annonce la fermeture")
st(d, "Marc Ferracci", "visits", "Cholet", date="2024-11-07")

d = "probe-fr-06"
st(d, "Christel Heydemann", "holds_role", "Orange", title="directrice générale")
st(d, "Christel Heydemann", "holds_role", "Schneider Electric", title="vice-présidente exécutive")
st(d, "Jacques Aschenbroich", "holds_role", "Orange", title="président du conseil d'administration")
says(d, "Christel Heydemann", "Je suis très heureuse et honorée de rejoindre Orange")
says(d, "Christel Heydemann", "Le groupe dispose d'atouts considérables pour réussir sa transformation.")
st(d, "Orange", "located_in", "Issy-les-Moulineaux")
st(d, "Issy-les-Moulineaux", "located_in", "Hauts-de-Seine")

d = "probe-fr-07"
FAB = ["usine de semi-conducteurs de STMicroelectronics et GlobalFoundries à Crolles", "nouvelle usine de semi-conducteurs à Crolles",
       "usine de semi-conducteurs à Crolles", "usine de semi-conducteurs de Crolles", "nouvelle usine de semi-conducteurs de Crolles",
       "usine de Crolles", "nouvelle usine de Crolles", "usine de STMicroelectronics et GlobalFoundries à Crolles",
       "usine de STMicroelectronics à Crolles", "usine de GlobalFoundries à Crolles", "nouvelle usine de semi-conducteurs",
       "usine de semi-conducteurs", "site de Crolles", "usine de semi-conducteurs de STMicroelectronics", "usine de semi-conducteurs de GlobalFoundries"]
for o in ["STMicroelectronics", "GlobalFoundries"]:
    st(d, o, "invests_in", FAB, amount=5.7e9, currency="EUR", date="2022-07-11")
    st(d, o, "opens", FAB, amount=5.7e9, currency="EUR", jobs=1000, date="2026")
    st(d, o, "creates_jobs", FAB, jobs=1000)
st(d, FAB, "located_in", "Crolles")
st(d, "Crolles", "located_in", "Isère")
st(d, "STMicroelectronics", "partners_with", "GlobalFoundries", date="2022-07-11")
SITE = ["site actuel de STMicroelectronics à Crolles", "site de STMicroelectronics à Crolles", "site de STMicroelectronics", "site actuel de STMicroelectronics", "site de Crolles"]
st(d, "Bruno Le Maire", "visits", SITE, date="2022-07-12")
st(d, "Thierry Breton", "visits", SITE, date="2022-07-12")
st(d, SITE, "located_in", "Crolles")
says(d, "Bruno Le Maire", "C'est le plus gros investissement industriel des dernières décennies en France hors nucléaire")
st(d, "Jean-Marc Chery", "holds_role", "STMicroelectronics", title="président du directoire")
says(d, "Jean-Marc Chery", "répondre à la demande de nos clients de l'automobile et de l'industrie")
st(d, "Thomas Caulfield", "holds_role", "GlobalFoundries", title="PDG")
st(d, "STMicroelectronics", "located_in", ["Genève"])

d = "probe-fr-08"
st(d, "Air Liquide", "partners_with", "TotalEnergies", date="2022-02-17")
st(d, "François Jackow", "holds_role", "Air Liquide", title="directeur général")
says(d, "François Jackow", "L'hydrogène est une solution clé pour décarboner le transport routier")
st(d, "Patrick Pouyanné", "holds_role", "TotalEnergies", title="PDG")
says(d, "Patrick Pouyanné", "accélérera le développement d'une filière européenne")
EL = ["électrolyseur d'Air Liquide à Port-Jérôme-sur-Seine", "électrolyseur de 200 mégawatts à Port-Jérôme-sur-Seine", "électrolyseur de Port-Jérôme-sur-Seine",
      "électrolyseur d'Air Liquide", "électrolyseur de 200 mégawatts", "électrolyseur", "électrolyseur à Port-Jérôme-sur-Seine", "électrolyseur de 200 mégawatts d'Air Liquide"]
st(d, "Air Liquide", "opens", EL, date="2025")
st(d, EL, "located_in", "Port-Jérôme-sur-Seine")
st(d, "Port-Jérôme-sur-Seine", "located_in", "Seine-Maritime")

d = "probe-fr-09"
SP = ["site de Sanofi Pasteur à Marcy-l'Étoile", "site de Sanofi Pasteur", "site de Marcy-l'Étoile", "site de Sanofi à Marcy-l'Étoile", "site de Sanofi Pasteur de Marcy-l'Étoile"]
st(d, "Emmanuel Macron", "visits", SP, date="2020-06-16")
st(d, SP, "located_in", "Marcy-l'Étoile")
st(d, "Marcy-l'Étoile", "located_in", "Rhône")
st(d, "Sanofi Pasteur", "subsidiary_of", "Sanofi")
st(d, "Sanofi", "invests_in", "France", amount=6.1e8, currency="EUR", date="2020-06-16")
NV = ["usine de production de vaccins de Sanofi à Neuville-sur-Saône", "usine de production de vaccins à Neuville-sur-Saône", "usine de Sanofi à Neuville-sur-Saône",
      "usine de Neuville-sur-Saône", "usine de production de vaccins de Neuville-sur-Saône", "usine de production de vaccins", "usine de production de vaccins de Sanofi",
      "usine de vaccins de Sanofi à Neuville-sur-Saône", "usine Sanofi de Neuville-sur-Saône", "site de Neuville-sur-Saône", "usine de Sanofi"]
st(d, "Sanofi", "opens", NV, amount=4.9e8, currency="EUR", jobs=200, date="2020-06-16")
st(d, "Sanofi", "invests_in", NV, amount=4.9e8, currency="EUR", date="2020-06-16")
st(d, "Sanofi", "creates_jobs", NV, jobs=200)
st(d, NV, "located_in", "Neuville-sur-Saône")
st(d, "Neuville-sur-Saône", "located_in", "Rhône")
CR = ["centre de recherche de Sanofi à Marcy-l'Étoile", "centre de recherche à Marcy-l'Étoile", "centre de recherche de Marcy-l'Étoile",
      "centre de recherche consacré aux vaccins", "centre de recherche de Sanofi", "centre de recherche consacré aux vaccins à Marcy-l'Étoile", "centre de recherche"]
st(d, "Sanofi", "opens", CR, amount=1.2e8, currency="EUR", date="2020-06-16")
st(d, "Sanofi", "invests_in", CR, amount=1.2e8, currency="EUR", date="2020-06-16")
st(d, CR, "located_in", "Marcy-l'Étoile")
says(d, "Emmanuel Macron", "Nous voulons que la France redevienne un grand pays de production de vaccins")
st(d, "Paul Hudson", "holds_role", "Sanofi", title="directeur général")
says(d, "Paul Hudson", "resterait profondément ancré en France")
st(d, "Emmanuel Macron", "meets", "Serge Weinberg", date="2020-06-16")
st(d, "Serge Weinberg", "holds_role", "Sanofi", title="président du conseil d'administration")

d = "probe-fr-10"
REF = ["Rencontre des entrepreneurs de France", "REF", "Rencontre des entrepreneurs de France (REF)"]
st(d, "Medef", "organizes", REF, date="2023-08-28")
st(d, REF, "located_in", ["hippodrome de Paris-Longchamp", "Paris-Longchamp"])
st(d, "Patrick Martin", "holds_role", "Medef", title="président")
says(d, "Patrick Martin", "Les entreprises ne peuvent pas porter seules l'effort de la transition écologique")
st(d, "Élisabeth Borne", "participates_in", REF, date="2023-08-29")
st(d, "Bruno Le Maire", "participates_in", REF, date="2023-08-29")
st(d, "Bruno Le Maire", "meets", "Patrick Martin", date="2023-08-29")
st(d, "Patrick Pouyanné", "participates_in", REF)
st(d, "Patrick Pouyanné", "holds_role", "TotalEnergies", title="PDG")
st(d, "Carlos Tavares", "holds_role", "Stellantis", title="patron")
st(d, "Medef", "located_in", "Paris")

write_gold({"probe-fr-04", "probe-fr-06", "probe-fr-09"})
