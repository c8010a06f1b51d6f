import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probe_lib import st, says, write_gold

d = "probe-fr3-01"
V = ["Verkor"]
F = ["première gigafactory de batteries à Dunkerque", "gigafactory de batteries à Dunkerque", "première gigafactory de batteries",
     "gigafactory de batteries", "gigafactory de Verkor", "gigafactory de Verkor à Dunkerque", "gigafactory de batteries de Verkor",
     "gigafactory de batteries de Verkor à Dunkerque", "usine de Dunkerque", "usine de Verkor", "usine de Verkor à Dunkerque",
     "gigafactory de Dunkerque", "usine", "site"]
st(d, V, "opens", F, jobs=1200, date="2025")
st(d, V, "creates_jobs", F + ["Dunkerque"], jobs=1200, date="2030")
st(d, V, "invests_in", F + ["Dunkerque"], amount=1.6e9, currency="EUR", date="2022-02-07")
st(d, F, "located_in", "Dunkerque")
st(d, "Dunkerque", "located_in", "Nord")
st(d, V, "located_in", "Grenoble")
st(d, V, "partners_with", "Renault", date="2022-02-07")
st(d, "Renault", "acquires", V)
st(d, V, "supplies", "Renault")
st(d, "Patrice Vergriete", "holds_role", ["communauté urbaine de Dunkerque", "Dunkerque"], title="président")
says(d, "Patrice Vergriete", "une victoire pour tout le territoire")
says(d, "Benoît Lemaignan", "Nous avons conçu cette usine pour produire les batteries les plus bas carbone d'Europe")
st(d, "Benoît Lemaignan", "holds_role", V, title="président-directeur général")
st(d, "Benoît Lemaignan", "founded", V)
st(d, "Christophe Mille", "founded", V)
st(d, "Christophe Mille", "holds_role", V, title="cofondateur")
st(d, V, "opens", ["centre de formation", "centre de formation de Verkor"])
CI = ["centre d'innovation", "centre d'innovation de Verkor", "centre d'innovation de Grenoble", "centre d'innovation de Verkor à Grenoble"]
st(d, V, "opens", CI + ["Grenoble"], date="2021")
st(d, CI, "located_in", "Grenoble")

d = "probe-fr3-02"
H = ["Holosolis"]
F = ["usine de panneaux photovoltaïques de Holosolis à Hambach", "usine de panneaux photovoltaïques de Holosolis",
     "usine de panneaux photovoltaïques à Hambach", "usine de panneaux photovoltaïques", "usine de Holosolis", "usine de Hambach",
     "usine de Holosolis à Hambach", "usine", "site", "projet d'usine de panneaux photovoltaïques de Holosolis à Hambach"]
st(d, H, "opens", F, jobs=1700, date="2025")
st(d, H, "invests_in", F + ["Hambach"], amount=7.1e8, currency="EUR", date="2023-05-12")
st(d, H, "creates_jobs", F + ["Hambach"], jobs=1700, date="2027")
st(d, F, "located_in", "Hambach")
st(d, "Hambach", "located_in", "Moselle")
st(d, "EIT InnoEnergy", "founded", H)
st(d, ["groupe IDEC", "IDEC"], "founded", H)
st(d, "TSE", "founded", H)
says(d, "Agnès Pannier-Runacher", "C'est exactement le type de projet que nous voulons voir se multiplier en France")
st(d, "Jan Jacob Boom-Wichers", "holds_role", H, title="président")
says(d, "Jan Jacob Boom-Wichers", "Hambach offre le foncier, l'énergie et les compétences dont nous avons besoin")

d = "probe-fr3-03"
T = ["Thales"]
st(d, T, "acquires", "Imperva", amount=3.6e9, currency="USD", date="2023-12-04")
st(d, "Imperva", "located_in", "San Mateo")
st(d, "San Mateo", "located_in", "Californie")
st(d, "Patrice Caine", "holds_role", T, title="président-directeur général")
says(d, "Patrice Caine", "Avec Imperva, Thales change de dimension dans la cybersécurité civile")
st(d, T, "located_in", "Meudon")
st(d, T, "acquires", "Gemalto", date="2019")
st(d, "Philippe Vallée", "holds_role", T)
st(d, "Thoma Bravo", "acquires", "Imperva", amount=2.1e9, currency="USD", date="2019")

d = "probe-fr3-04"
B = ["Bouygues"]
EQ = ["Equans"]
st(d, B, "acquires", EQ, amount=7.1e9, currency="EUR", date="2022-10-04")
st(d, EQ, "subsidiary_of", B)
st(d, "Olivier Roussat", "holds_role", B, title="directeur général")
says(d, "Olivier Roussat", "Equans apporte à Bouygues une nouvelle jambe de croissance")
st(d, "Martin Bouygues", "holds_role", B, title="président")
st(d, EQ, "located_in", "Courbevoie")
st(d, "Jérôme Stubler", "holds_role", EQ)
st(d, "Catherine MacGregor", "holds_role", "Engie", title="directrice générale")

d = "probe-fr3-05"
E = ["Electra"]
for inv in ["Eurazeo", "Bpifrance", "PGGM", "Rive Private Investment", "SNCF"]:
    st(d, inv, "funds", E, amount=3.04e8, currency="EUR", date="2024-01-16")
for f in ["Aurélien de Meaux", "Julien Bernard", "Augustin Cahen"]:
    st(d, f, "founded", E, date="2021")
st(d, "Aurélien de Meaux", "holds_role", E, title="président-directeur général")
st(d, "Julien Bernard", "holds_role", E, title="cofondateur")
st(d, "Augustin Cahen", "holds_role", E, title="cofondateur")
st(d, E, "located_in", "Paris")
st(d, E, "creates_jobs", "Europe", jobs=300)
says(d, "Aurélien de Meaux", "Cette levée nous donne les moyens de devenir le leader européen de la recharge ultrarapide")
st(d, E, "partners_with", "Carrefour")
st(d, E, "partners_with", "Sanef")
st(d, "Matthieu Bonamy", "holds_role", "Eurazeo", title="directeur associé")
says(d, "Matthieu Bonamy", "la recharge est un marché d'infrastructures en forte croissance")

d = "probe-fr3-06"
st(d, "Luc Rémont", "holds_role", "EDF", title="président-directeur général")
st(d, ["État", "État français"], "acquires", "EDF", amount=9.7e9, currency="EUR")
says(d, "Luc Rémont", "Ma priorité est de redresser la production nucléaire dès cet hiver")
st(d, "EDF", "located_in", "Paris")
st(d, "EDF", "opens", ["Penly", "réacteurs EPR2", "six réacteurs EPR2"])
st(d, "Penly", "located_in", "Seine-Maritime")
says(d, "Bruno Le Maire", "un industriel reconnu")
st(d, "Agnès Pannier-Runacher", "meets", "Luc Rémont", date="2022-11-24")

d = "probe-fr3-07"
EA = ["Envision AESC"]
F = ["gigafactory d'Envision AESC à Douai", "gigafactory d'Envision AESC", "gigafactory", "gigafactory de Douai",
     "chantier de la gigafactory d'Envision AESC à Douai", "chantier de la gigafactory d'Envision AESC", "chantier",
     "usine d'Envision AESC", "usine d'Envision AESC à Douai", "site", "usine de Douai"]
st(d, "Bruno Le Maire", "visits", F, date="2023-05-12")
st(d, "Xavier Bertrand", "visits", F, date="2023-05-12")
st(d, "Frédéric Chéreau", "visits", F, date="2023-05-12")
st(d, "Xavier Bertrand", "holds_role", ["Hauts-de-France", "région Hauts-de-France"], title="président")
st(d, "Frédéric Chéreau", "holds_role", "Douai", title="maire")
st(d, EA, "invests_in", F + ["Douai"], amount=2e9, currency="EUR", date="2023-05-12")
st(d, EA, "opens", F, date="2025")
st(d, EA, "creates_jobs", F + ["Douai"], jobs=2500, date="2030")
st(d, F, "located_in", "Douai")
st(d, "Douai", "located_in", "Nord")
st(d, EA, "supplies", "Renault", product="batteries", date="2025")
says(d, "Bruno Le Maire", "Le Nord redevient une terre de production automobile")
st(d, "Shoei Matsumoto", "holds_role", EA, title="directeur général")
says(d, "Shoei Matsumoto", "Douai sera notre plus grande usine en Europe")
st(d, EA, "located_in", "Yokohama")
st(d, "Renault ElectriCity", "subsidiary_of", "Renault")
st(d, ["usine Renault de Douai", "usine de Renault à Douai"], "located_in", "Douai")

d = "probe-fr3-08"
S = ["Salon international de l'aéronautique et de l'espace du Bourget", "Salon international de l'aéronautique et de l'espace",
     "Salon du Bourget", "salon", "Bourget"]
for o in ["IndiGo", "Airbus", "Safran", "Dassault Aviation", "Air India", "Thales"]:
    st(d, o, "participates_in", S, date="2023-06-19")
st(d, "Emmanuel Macron", "participates_in", S, date="2023-06-19")
st(d, "Airbus", "supplies", "IndiGo", quantity=500, product="avions Airbus A320neo")
st(d, "Airbus", "supplies", "Air India", quantity=250)
st(d, "Guillaume Faury", "holds_role", "Airbus", title="président exécutif")
says(d, "Guillaume Faury", "C'est une commande historique pour Airbus et pour l'Inde")
st(d, "Pieter Elbers", "holds_role", "IndiGo", title="directeur général")
says(d, "Pieter Elbers", "une étape majeure")
st(d, ["Groupement des industries françaises aéronautiques et spatiales", "Gifas"], "organizes", S)
st(d, S, "located_in", ["Le Bourget", "Bourget"])
st(d, ["Le Bourget", "Bourget"], "located_in", "Seine-Saint-Denis")
for o in ["Safran", "Dassault Aviation", "Thales"]:
    st(d, "Emmanuel Macron", "visits", [o, "stand de " + o, "stands de " + o], date="2023-06-19")
st(d, "Safran", "opens", ["usine de freins carbone", "usine de freins carbone de Safran"], date="2023-06-19")
st(d, "Olivier Andriès", "holds_role", "Safran", title="directeur général")
st(d, "Olivier Andriès", "meets", "Emmanuel Macron", date="2023-06-19")

d = "probe-fr3-09"
A = ["Auchan", "Auchan Retail"]
st(d, A, "cuts_jobs", "France", jobs=2389, date="2024-11-05")
st(d, A, "located_in", "Croix")
st(d, "Croix", "located_in", "Nord")
st(d, "Villeneuve-d'Ascq", "located_in", "Nord")
for c in ["Clermont-Ferrand", "Woippy", "Bourg-en-Bresse"]:
    st(d, A, "cuts_jobs", [c, "hypermarché de " + c, "hypermarché d'Auchan à " + c])
SG = ["siège de Villeneuve-d'Ascq", "siège d'Auchan à Villeneuve-d'Ascq", "siège d'Auchan", "siège",
      "services d'appui du siège de Villeneuve-d'Ascq"]
st(d, A, "cuts_jobs", SG + ["Villeneuve-d'Ascq"], jobs=784)
st(d, SG, "located_in", "Villeneuve-d'Ascq")
EB = ["entrepôt de Bischheim", "entrepôt d'Auchan à Bischheim", "entrepôt"]
st(d, A, "cuts_jobs", EB + ["Bischheim"])
st(d, EB, "located_in", "Bischheim")
st(d, "Guillaume Darrasse", "holds_role", A, title="directeur général")
says(d, "Guillaume Darrasse", "Nous sommes conscients de la douleur que provoquent ces décisions")
says(d, "Laurence Garnier", "proposer une solution à chaque salarié")
st(d, A, "subsidiary_of", "Association familiale Mulliez")
st(d, "Gérald Villeroy", "holds_role", "CFDT", title="délégué")
says(d, "Gérald Villeroy", "les salariés paient les erreurs de stratégie")
st(d, A, "partners_with", "Intermarché")

d = "probe-fr3-10"
O = ["Orano"]
X = ["XTC New Energy"]
CF = ["Choose France", "sommet Choose France"]
st(d, O, "partners_with", X, date="2023-05-15")
TWO = ["Dunkerque", "deux usines"]
st(d, O, "invests_in", TWO, amount=1.5e9, currency="EUR", date="2023-05-15")
st(d, X, "invests_in", TWO, amount=1.5e9, currency="EUR", date="2023-05-15")
st(d, O, "participates_in", CF, date="2023-05-15")
st(d, X, "participates_in", CF, date="2023-05-15")
UC = ["usine de matériaux de cathode", "usine de matériaux de cathode de Dunkerque", "usine de matériaux de cathode à Dunkerque"]
UP = ["usine de précurseurs", "usine de précurseurs de Dunkerque", "usine de précurseurs à Dunkerque"]
st(d, X, "opens", UC, date="2026")
st(d, O, "opens", UP, date="2026")
st(d, UC, "located_in", "Dunkerque")
st(d, UP, "located_in", "Dunkerque")
st(d, O, "creates_jobs", TWO + UC + UP, jobs=1700, date="2030")
st(d, X, "creates_jobs", TWO + UC + UP, jobs=1700, date="2030")
st(d, "Nicolas Maes", "holds_role", O, title="directeur général")
says(d, "Nicolas Maes", "Nous avons conçu ensemble une filière complète, du recyclage au matériau actif")
st(d, O, "located_in", "Châtillon")
st(d, "Chen Yanbin", "holds_role", X, title="président")
st(d, "Patrice Vergriete", "holds_role", "Dunkerque", title="maire")
says(d, "Patrice Vergriete", "nouvelle étape pour la vallée de la batterie")
DR = ["démonstrateur de recyclage", "démonstrateur de recyclage de Bessines-sur-Gartempe", "démonstrateur de recyclage d'Orano"]
st(d, O, "opens", DR + ["Bessines-sur-Gartempe"], date="2022")
st(d, DR, "located_in", "Bessines-sur-Gartempe")
st(d, "Bessines-sur-Gartempe", "located_in", "Haute-Vienne")
st(d, "Dunkerque", "located_in", "Nord")

write_gold({"probe-fr3-03", "probe-fr3-05", "probe-fr3-07", "probe-fr3-10"})
