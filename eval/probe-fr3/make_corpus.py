import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probe_lib import N, add, write_corpus

add("probe-fr3-01", "2022-02-07", "Nord : Verkor choisit Dunkerque pour sa gigafactory de batteries",
f"""DUNKERQUE (Nord) — La jeune pousse grenobloise Verkor a confirmé lundi l'implantation de sa première gigafactory de batteries à Dunkerque. L'usine, où 1{N}200 emplois seront créés d'ici 2030, doit entrer en production en 2025.

Verkor y investit 1,6 milliard d'euros. Le fabricant, basé à Grenoble, travaille avec Renault, qui est entré à son capital et sera son premier client. Le constructeur s'est engagé à acheter une grande partie des 16 gigawattheures produits chaque année.

Le président de la communauté urbaine de Dunkerque, Patrice Vergriete, a salué « une victoire pour tout le territoire ». Le site de 150 hectares, situé dans la zone industrialo-portuaire, avait été préparé par les services de l'agglomération.

« Nous avons conçu cette usine pour produire les batteries les plus bas carbone d'Europe », a expliqué Benoît Lemaignan, président-directeur général de Verkor, cofondateur de l'entreprise avec Christophe Mille.

Le projet bénéficie d'un soutien public dans le cadre d'un projet important d'intérêt européen commun. La région Hauts-de-France accompagnera la formation des futurs salariés. L'entreprise recrutera ses premiers techniciens dès l'an prochain et ouvrira un centre de formation sur le site.

Le groupe a déjà implanté à Grenoble un centre d'innovation, inauguré l'an dernier, où travaillent 200 ingénieurs.""")

add("probe-fr3-02", "2023-05-12", "Moselle : Holosolis veut produire des panneaux solaires à Hambach",
f"""COMMUNIQUÉ DE PRESSE — Le ministre délégué chargé de l'Industrie, Roland Lescure, et la ministre de la Transition énergétique, Agnès Pannier-Runacher, ont salué vendredi le projet d'usine de panneaux photovoltaïques de Holosolis à Hambach, en Moselle.

Holosolis, une société créée par un consortium formé par EIT InnoEnergy, le groupe IDEC et TSE, investira 710 millions d'euros dans ce site. L'usine produira à terme cinq gigawatts de panneaux par an et créera 1{N}700 emplois directs d'ici 2027.

« C'est exactement le type de projet que nous voulons voir se multiplier en France », a déclaré Agnès Pannier-Runacher. La ministre a rappelé que l'État soutiendrait le projet au titre du plan France 2030.

Le président de Holosolis, Jan Jacob Boom-Wichers, a indiqué que la première ligne de production entrerait en service en 2025. « Hambach offre le foncier, l'énergie et les compétences dont nous avons besoin », a-t-il affirmé.

La région Grand Est et la communauté d'agglomération Sarreguemines Confluences accompagneront le recrutement. L'Agence régionale de l'innovation Grand E-nov+ suivra le dossier. Le choix final du site avait été arrêté après une comparaison avec deux autres emplacements en Espagne et en Italie.""")

add("probe-fr3-03", "2023-12-04", "Cybersécurité : Thales finalise l'acquisition d'Imperva",
f"""PARIS (Reuters) — Thales a annoncé lundi avoir finalisé l'acquisition de l'américain Imperva, spécialiste de la sécurité des données et des applications, auprès du fonds Thoma Bravo pour 3,6 milliards de dollars.

L'opération, annoncée en juillet, fait du groupe d'électronique de défense et d'aéronautique l'un des leaders mondiaux de la cybersécurité. Imperva, basé à San Mateo, en Californie, emploie environ 1{N}400 personnes et réalise un chiffre d'affaires d'environ 500 millions de dollars.

« Avec Imperva, Thales change de dimension dans la cybersécurité civile », a déclaré Patrice Caine, président-directeur général de Thales. Selon le dirigeant, le groupe vise désormais 2,4 milliards d'euros de chiffre d'affaires dans ce domaine en 2024.

Le groupe, basé à Meudon, avait déjà racheté Gemalto en 2019. Imperva sera rattachée à l'activité de cybersécurité et d'identité numérique du groupe, dirigée par Philippe Vallée.

Les analystes de la banque Jefferies saluent une acquisition « cohérente » mais jugent le prix élevé. Le titre Thales a gagné 1,2 % à la Bourse de Paris. Thoma Bravo avait acquis Imperva en 2019 pour 2,1 milliards de dollars. Le fonds américain reste par ailleurs actionnaire de plusieurs éditeurs de logiciels.""")

add("probe-fr3-04", "2022-10-04", "Bouygues boucle le rachat d'Equans",
f"""PARIS — Bouygues a finalisé mardi le rachat d'Equans, le pôle de services multitechniques d'Engie, pour une valeur d'entreprise de 7,1 milliards d'euros. L'opération donne naissance à un géant des services à l'énergie de 100{N}000 salariés.

Engie avait accepté en novembre 2021 l'offre de Bouygues, préférée à celles de Bain Capital et d'Eiffage. Le fournisseur d'énergie poursuit ainsi son recentrage sur les renouvelables et les infrastructures.

« Equans apporte à Bouygues une nouvelle jambe de croissance », a déclaré Olivier Roussat, directeur général de Bouygues. Le groupe de BTP et de télécoms, présidé par Martin Bouygues, s'attend à ce que l'acquisition améliore son résultat dès 2023.

Equans, basée à Courbevoie, est dirigée par Jérôme Stubler, ancien patron de Vinci Construction, qui rejoindra le comité de direction du groupe. La nouvelle filiale de Bouygues réalise un chiffre d'affaires de 17 milliards d'euros dans une vingtaine de pays.

La directrice générale d'Engie, Catherine MacGregor, a indiqué que le produit de la cession servirait à financer les investissements du groupe dans l'éolien et le solaire. Les syndicats d'Equans ont obtenu des engagements sur l'emploi pour quatre ans.""")

add("probe-fr3-05", "2024-01-16", "Recharge électrique : Electra lève 304 millions d'euros",
f"""PARIS — Le spécialiste de la recharge rapide pour véhicules électriques Electra a annoncé mardi une levée de fonds de 304 millions d'euros. Le tour de table est mené par Eurazeo, aux côtés de Bpifrance et du fonds néerlandais PGGM.

Fondée en 2021 par Aurélien de Meaux, Julien Bernard et Augustin Cahen, la société, basée à Paris, exploite déjà près de 100 stations en France, en Belgique et en Italie. Elle compte désormais en ouvrir 2{N}200 d'ici 2030 et recrutera 300 personnes en Europe.

« Cette levée nous donne les moyens de devenir le leader européen de la recharge ultrarapide », a déclaré Aurélien de Meaux, président-directeur général d'Electra. Les investisseurs historiques, Rive Private Investment et SNCF, participent également au tour.

Electra s'allie avec Carrefour pour installer des bornes sur les parkings de ses hypermarchés. L'entreprise travaille aussi avec le gestionnaire d'autoroutes Sanef.

Pour Eurazeo, « la recharge est un marché d'infrastructures en forte croissance », a souligné Matthieu Bonamy, directeur associé du fonds. La start-up avait levé 160 millions d'euros en 2023. Elle ne prévoit pas d'entrer en Bourse avant plusieurs années.""")

add("probe-fr3-06", "2022-11-23", "Luc Rémont prend la tête d'EDF",
f"""PARIS (AFP) — Luc Rémont a été nommé mercredi président-directeur général d'EDF par décret, après un vote favorable des commissions de l'Assemblée nationale et du Sénat. L'ancien dirigeant de Schneider Electric succède à Jean-Bernard Lévy, dont le mandat s'achevait.

Âgé de 53 ans, Luc Rémont était jusqu'ici vice-président exécutif chargé des opérations internationales de Schneider Electric. Il prend la tête d'un groupe que l'État s'apprête à renationaliser entièrement, pour environ 9,7 milliards d'euros.

« Ma priorité est de redresser la production nucléaire dès cet hiver », a déclaré le nouveau patron devant les sénateurs. Le groupe, basé à Paris, doit aussi lancer la construction de six réacteurs EPR2, dont les deux premiers à Penly, en Seine-Maritime.

Le ministre de l'Économie, Bruno Le Maire, a salué « un industriel reconnu ». La ministre de la Transition énergétique, Agnès Pannier-Runacher, a rencontré le nouveau PDG jeudi pour évoquer la relance du programme nucléaire.

Jean-Bernard Lévy, qui dirigeait l'électricien depuis 2014, quitte le groupe. L'intersyndicale a demandé à être reçue rapidement par le nouveau dirigeant. EDF a annoncé la veille une perte record pour l'année.""")

add("probe-fr3-07", "2023-05-12", "Douai : Bruno Le Maire visite la gigafactory d'Envision AESC",
f"""DOUAI (Nord) — Le ministre de l'Économie, Bruno Le Maire, s'est rendu vendredi sur le chantier de la gigafactory d'Envision AESC à Douai, aux côtés du président de la région Hauts-de-France, Xavier Bertrand, et du maire de Douai, Frédéric Chéreau.

Le fabricant sino-japonais de batteries investit 2 milliards d'euros dans ce site, voisin de l'usine Renault de Douai. La gigafactory produira dès 2025 des batteries pour la future R5 électrique de Renault, son premier client. Envision AESC prévoit d'y créer 2{N}500 emplois d'ici 2030.

« Le Nord redevient une terre de production automobile », a déclaré Bruno Le Maire. Le ministre a rencontré les premiers salariés recrutés, formés avec Pôle emploi.

Le directeur général d'Envision AESC, Shoei Matsumoto, a rappelé que le groupe, basé à Yokohama, exploitait déjà des usines au Japon, en Chine et au Royaume-Uni. « Douai sera notre plus grande usine en Europe », a-t-il affirmé.

Le constructeur au losange a regroupé ses usines du Nord dans Renault ElectriCity, qui emploie 5{N}000 personnes à Douai, Maubeuge et Ruitz. Xavier Bertrand a rappelé que la région avait attiré trois gigafactories en deux ans.""")

add("probe-fr3-08", "2023-06-19", "Salon du Bourget : IndiGo commande 500 Airbus",
f"""LE BOURGET (Seine-Saint-Denis) — La compagnie indienne IndiGo a signé lundi, lors du Salon international de l'aéronautique et de l'espace du Bourget, une commande ferme de 500 avions Airbus A320neo, la plus importante de l'histoire de l'aviation civile.

Les appareils seront livrés entre 2030 et 2035. Le montant n'a pas été dévoilé, mais la commande dépasse 50 milliards de dollars au prix catalogue.

« C'est une commande historique pour Airbus et pour l'Inde », a déclaré Guillaume Faury, président exécutif d'Airbus. Pieter Elbers, directeur général d'IndiGo, a évoqué « une étape majeure » pour la compagnie.

Le salon, organisé par le Groupement des industries françaises aéronautiques et spatiales (Gifas), se tient jusqu'au 25 juin. Le président de la République, Emmanuel Macron, a inauguré l'événement et visité les stands de Safran, Dassault Aviation et Thales.

Safran a annoncé pendant le salon la construction d'une usine de freins carbone, et Dassault Aviation a présenté son nouveau Falcon 10X. Air India, qui avait commandé 250 Airbus en février, a confirmé sa commande au Bourget. Le directeur général de Safran, Olivier Andriès, a rencontré Emmanuel Macron sur le stand du motoriste.""")

add("probe-fr3-09", "2024-11-05", "Auchan va supprimer 2 389 postes en France",
f"""VILLENEUVE-D'ASCQ (Nord) — Le distributeur Auchan a présenté mardi aux représentants du personnel un plan social prévoyant la suppression de 2{N}389 postes en France, a annoncé la direction.

L'enseigne, basée à Croix, dans le Nord, va fermer trois hypermarchés, à Clermont-Ferrand, Woippy et Bourg-en-Bresse, ainsi que dix supermarchés. Les services d'appui du siège de Villeneuve-d'Ascq perdront 784 postes, et l'entrepôt de Bischheim sera fermé.

« Nous sommes conscients de la douleur que provoquent ces décisions », a déclaré Guillaume Darrasse, directeur général d'Auchan Retail. Le dirigeant a expliqué que l'entreprise perdait des clients depuis plusieurs années.

La ministre déléguée chargée du Commerce, Laurence Garnier, a demandé au groupe de « proposer une solution à chaque salarié ». Auchan, contrôlée par l'Association familiale Mulliez, s'engage à reclasser 500 salariés dans ses autres magasins.

Les syndicats dénoncent un plan « brutal ». Gérald Villeroy, délégué CFDT, a estimé que « les salariés paient les erreurs de stratégie ». Le groupe Auchan travaille par ailleurs avec Intermarché sur un projet d'achats communs, dont le détail n'a pas été dévoilé. Une réunion de négociation est prévue la semaine prochaine au siège.""")

add("probe-fr3-10", "2023-05-15", "Orano et XTC New Energy s'allient à Dunkerque",
f"""DUNKERQUE (Nord) — Le groupe nucléaire français Orano et le chinois XTC New Energy s'allient pour produire des matériaux de batteries à Dunkerque. Les deux entreprises ont annoncé lundi, en marge du sommet Choose France, un investissement de 1,5 milliard d'euros dans deux usines.

La première, une usine de matériaux de cathode, sera exploitée par une coentreprise détenue majoritairement par XTC New Energy. La seconde, une usine de précurseurs, sera contrôlée par Orano. Les deux sites, où 1{N}700 emplois seront créés d'ici 2030, doivent ouvrir en 2026.

« Nous avons conçu ensemble une filière complète, du recyclage au matériau actif », a déclaré Nicolas Maes, directeur général d'Orano. Le groupe, basé à Châtillon, apporte son savoir-faire en hydrométallurgie.

Le président de XTC New Energy, Chen Yanbin, a indiqué que le fabricant chinois livrerait les matériaux aux gigafactories du nord de la France. La communauté urbaine de Dunkerque et la région Hauts-de-France accompagnent le projet.

Le maire de Dunkerque, Patrice Vergriete, a salué une « nouvelle étape pour la vallée de la batterie ». Orano a par ailleurs ouvert en 2022 à Bessines-sur-Gartempe, en Haute-Vienne, un démonstrateur de recyclage.""")

write_corpus({"probe-fr3-03", "probe-fr3-05", "probe-fr3-07", "probe-fr3-10"})
