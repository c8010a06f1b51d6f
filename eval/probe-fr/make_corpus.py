import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probe_lib import N, add, write_corpus

add("probe-fr-01", "2024-05-13", "Choose France : Amazon, Prologis et Pfizer en tête des annonces",
f"""VERSAILLES — Le sommet Choose France, organisé chaque année par Emmanuel Macron depuis 2018, s'est tenu lundi au château de Versailles, et les annonces se sont succédé. À l'occasion du sommet, le géant américain Amazon s'est engagé à investir 1,2 milliard d'euros en France, principalement dans l'informatique en nuage et ses entrepôts logistiques. L'entreprise prévoit de créer plus de 3{N}000 emplois en CDI dans l'Hexagone.

Le spécialiste américain de l'immobilier logistique Prologis a pour sa part annoncé un investissement de 6,4 milliards d'euros dans des centres de données en Île-de-France. Quant au laboratoire Pfizer, il injectera 500 millions € en France au cours des cinq prochaines années, dans la recherche et la production de médicaments.

Au total, 56 projets représentant 15 milliards d'euros ont été présentés, un record selon l'Élysée.

« La France est le pays le plus attractif d'Europe pour la cinquième année consécutive », s'est félicité le ministre de l'Économie, Bruno Le Maire. « Ces investissements créeront des emplois dans tous nos territoires. »

Le ministre délégué à l'Industrie, Roland Lescure, a reçu dans la matinée les dirigeants de plusieurs groupes industriels. Il s'est entretenu avec Albert Bourla, le PDG de Pfizer, qui a confirmé l'engagement du laboratoire.

Certaines annonces restent toutefois en suspens. Le constructeur chinois BYD pourrait installer une usine en Europe de l'Ouest, mais le groupe n'a pas souhaité commenter. De même, Amazon n'a pas l'intention d'ouvrir de nouvel entrepôt en Bretagne cette année, a précisé un porte-parole du groupe.""")

add("probe-fr-02", "2019-06-24", "Capgemini lance une OPA amicale sur Altran pour 3,6 milliards d'euros",
f"""PARIS (AFP) — Capgemini va racheter Altran. Le groupe de services informatiques a annoncé lundi le lancement d'une offre publique d'achat amicale sur le spécialiste français du conseil en ingénierie, au prix de 14 euros par action, ce qui valorise la cible à 3,6 milliards d'euros.

Le rachat d'Altran par Capgemini donnera naissance à un leader mondial de la transformation numérique des industriels, avec un chiffre d'affaires combiné de 17 milliards d'euros et quelque 250{N}000 salariés. Capgemini a déjà acquis 11 % du capital d'Altran auprès du fonds Apax Partners.

« Ce rapprochement est une étape majeure dans notre stratégie », a déclaré Paul Hermelin, PDG de Capgemini, lors d'une conférence téléphonique. Il a ajouté : « Nous allons créer un champion européen de l'ingénierie. »

Le président-directeur général d'Altran, Dominique Cerutti, a salué « un projet industriel cohérent », assurant que le conseil d'administration soutiendrait l'offre à l'unanimité.

Capgemini, dont le siège est situé à Paris, prévoit de financer l'opération par sa trésorerie et par de la dette. L'offre devrait être déposée en septembre auprès de l'Autorité des marchés financiers.

Le groupe n'a pas l'intention de supprimer des postes en France, a assuré sa direction. Selon plusieurs analystes, un autre acquéreur pourrait se manifester, mais aucune contre-offre n'a été déposée à ce stade. Capgemini n'envisage pas non plus de céder des activités d'Altran.""")

add("probe-fr-03", "2023-05-31", "Pas-de-Calais : la première gigafactory de batteries de France inaugurée",
f"""BILLY-BERCLAU (Pas-de-Calais) — La première gigafactory de batteries de France a été inaugurée mardi à Billy-Berclau, en présence du ministre de l'Économie Bruno Le Maire et du ministre délégué à l'Industrie Roland Lescure. L'usine est exploitée par Automotive Cells Company (ACC), la coentreprise fondée en 2020 par Stellantis et TotalEnergies, via sa filiale Saft, rejointe depuis par Mercedes-Benz.

Le site, qui produira ses premières cellules d'ici la fin de l'année, représente un investissement de 2 milliards d'euros. Il doit employer 2{N}000 personnes d'ici à 2030. ACC pourrait construire deux autres usines du même type en Allemagne et en Italie, mais aucune décision n'a été prise.

« C'est un jour historique pour l'industrie automobile française », a lancé Bruno Le Maire devant plusieurs centaines de salariés. Pour le directeur général d'ACC, Yann Vincent, « l'enjeu est désormais de monter en cadence ».

Carlos Tavares, directeur général de Stellantis, a rappelé que le constructeur avait besoin de ces batteries pour ses futurs modèles électriques, assemblés notamment en France.

Le choix du Pas-de-Calais ne doit rien au hasard : le bassin minier, marqué par la fermeture de nombreuses usines, dispose d'une main-d'œuvre industrielle qualifiée et d'un réseau de sous-traitants automobiles. Les syndicats, eux, restent prudents et attendent de voir les embauches se concrétiser.""")

add("probe-fr-04", "2023-12-11", "Intelligence artificielle : Mistral AI lève 385 millions d'euros",
f"""PARIS — Six mois à peine après sa création, Mistral AI change de dimension. La start-up parisienne, qui développe des modèles d'intelligence artificielle générative, a annoncé dimanche avoir levé 385 millions d'euros lors d'un tour de table mené par les fonds américains Andreessen Horowitz et Lightspeed Venture Partners. BNP Paribas et Salesforce ont également participé à l'opération, qui valoriserait l'entreprise à près de 2 milliards de dollars.

Fondée en avril par Arthur Mensch, Guillaume Lample et Timothée Lacroix, trois anciens chercheurs de Google DeepMind et de Meta, la jeune pousse avait déjà levé 105 M€ en juin, un record pour un premier tour de financement en Europe.

« Notre ambition est de faire de Mistral AI un champion mondial de l'IA, en proposant des modèles ouverts », a expliqué son directeur général, Arthur Mensch. L'entreprise compte recruter 50 personnes à Paris d'ici à l'été.

Emmanuel Macron a salué sur les réseaux sociaux « une excellente nouvelle pour la France ». Le chef de l'État défend depuis plusieurs mois l'émergence de champions européens de l'intelligence artificielle face aux géants américains.

Nvidia n'a pas pris part au tour de table, contrairement à ce qu'avaient affirmé certains médias. Interrogée, la direction de Mistral AI n'a pas souhaité commenter d'éventuelles discussions avec d'autres investisseurs.""")

add("probe-fr-05", "2024-11-05", "Michelin va fermer ses usines de Cholet et de Vannes",
f"""CHOLET (Maine-et-Loire) — Le couperet est tombé. Michelin a annoncé mardi la fermeture d'ici à 2026 de ses usines de Cholet et de Vannes (Morbihan), qui emploient au total 1{N}254 salariés. Le fabricant de pneumatiques invoque l'effondrement de ses ventes de pneus pour camionnettes et poids lourds face à la concurrence asiatique.

La suppression des 1{N}254 postes a été présentée aux représentants du personnel lors d'un comité social et économique extraordinaire à Clermont-Ferrand, où le groupe a son siège. Le site de Cholet compte 955 salariés, celui de Vannes 299.

« C'est une décision extrêmement difficile, mais la situation de ces deux sites n'est plus tenable », a déclaré le président de Michelin, Florent Menegaux, qui a promis un accompagnement sur mesure pour chaque salarié. Le groupe s'engage à recréer autant d'emplois qu'il en supprime dans les bassins concernés.

Côté syndical, la colère domine. « On nous a menti pendant des mois. On nous parlait d'investissements, et on nous annonce la fermeture », dénonce Maxime Roux, délégué CGT de l'usine de Cholet.

Le ministre de l'Industrie, Marc Ferracci, se rendra jeudi à Cholet pour rencontrer les salariés et les élus locaux.

Selon une source syndicale, d'autres sites français du groupe pourraient être touchés à moyen terme, ce que la direction dément. Michelin a par ailleurs démenti tout projet de délocalisation de la production vers la Pologne.""")

add("probe-fr-06", "2022-01-28", "Christel Heydemann prend la tête d'Orange",
f"""PARIS — Pour la première fois de son histoire, Orange sera dirigé par une femme. Le conseil d'administration de l'opérateur a désigné vendredi Christel Heydemann au poste de directrice générale. Elle prendra ses fonctions le 4 avril.

Âgée de 47 ans, cette ingénieure diplômée de l'École polytechnique est actuellement vice-présidente exécutive de Schneider Electric, chargée des opérations en Europe. Elle a auparavant passé près de vingt ans chez Alcatel-Lucent.

Elle succède à Stéphane Richard, contraint au départ après sa condamnation en appel dans l'affaire Tapie. Le PDG sortant quittera l'entreprise à la fin du mois de janvier. Jacques Aschenbroich, ancien PDG de Valeo, deviendra président du conseil d'administration d'Orange en mai.

« Je suis très heureuse et honorée de rejoindre Orange », a réagi Christel Heydemann dans un communiqué. « Le groupe dispose d'atouts considérables pour réussir sa transformation. »

L'opérateur, dont le siège est installé à Issy-les-Moulineaux (Hauts-de-Seine), emploie quelque 140{N}000 personnes dans le monde. L'État, qui détient environ 23 % du capital, a salué un choix de compétence et d'expérience.

Le nom de Gervais Pellissier, directeur général délégué, avait circulé pour assurer l'intérim, mais le conseil n'a pas retenu cette option. Selon la presse, d'autres candidats extérieurs auraient été approchés sans succès.""")

add("probe-fr-07", "2022-07-11", "Semi-conducteurs : STMicroelectronics et GlobalFoundries vont investir 5,7 milliards d'euros à Crolles",
f"""GRENOBLE — STMicroelectronics et GlobalFoundries investiront ensemble 5,7 milliards d'euros dans une nouvelle usine de semi-conducteurs à Crolles (Isère), ont annoncé lundi les deux groupes, qui se sont associés pour ce projet. Le site, détenu à 42 % par le franco-italien et à 58 % par l'américain, doit atteindre sa pleine capacité en 2026 et créera 1{N}000 emplois directs.

Le ministre de l'Économie, Bruno Le Maire, se rendra mardi sur le site actuel de STMicroelectronics à Crolles, en compagnie de Thierry Breton, commissaire européen au Marché intérieur. « C'est le plus gros investissement industriel des dernières décennies en France hors nucléaire », a affirmé le ministre.

Jean-Marc Chery, président du directoire de STMicroelectronics, a souligné que l'usine permettrait de « répondre à la demande de nos clients de l'automobile et de l'industrie ». Thomas Caulfield, le PDG de GlobalFoundries, a indiqué que le groupe étudiait d'autres implantations en Europe, sans plus de précisions.

STMicroelectronics, dont le siège est basé à Genève, emploie déjà près de 11{N}000 personnes en France. Le groupe américain Intel, un temps cité pour une implantation dans l'Hexagone, n'a pas donné suite.

Le projet doit encore recevoir le feu vert de la Commission européenne au titre des aides d'État.""")

add("probe-fr-08", "2022-02-17", "Hydrogène : Air Liquide et TotalEnergies s'associent pour équiper les poids lourds",
f"""PARIS — Air Liquide et TotalEnergies unissent leurs forces dans l'hydrogène. Les deux groupes français ont annoncé jeudi la création d'une coentreprise détenue à parts égales, chargée de développer un réseau de stations de distribution d'hydrogène destiné aux poids lourds.

L'objectif : ouvrir plus de 100 stations d'ici à 2030 sur les grands axes routiers européens, en France, au Benelux et en Allemagne. Dans le cadre de ce partenariat, Air Liquide apportera son expertise de la production d'hydrogène bas carbone, tandis que TotalEnergies mettra à disposition son réseau de stations-service.

« L'hydrogène est une solution clé pour décarboner le transport routier », a souligné François Jackow, directeur général d'Air Liquide. Patrick Pouyanné, PDG de TotalEnergies, a estimé pour sa part que cette alliance « accélérera le développement d'une filière européenne ».

Le marché de l'hydrogène pour la mobilité lourde reste embryonnaire en Europe, où les camions à pile à combustible se comptent encore par centaines. Les constructeurs attendent un réseau de recharge dense avant d'augmenter leurs cadences.

Air Liquide construit par ailleurs à Port-Jérôme-sur-Seine (Seine-Maritime) un électrolyseur de 200 mégawatts, qui doit entrer en service en 2025.

Les deux groupes n'ont pas dévoilé le montant de leur investissement commun. Un rapprochement avec d'autres énergéticiens n'est pas à l'ordre du jour, a précisé TotalEnergies, qui dit toutefois rester ouvert à de nouveaux partenaires industriels.""")

add("probe-fr-09", "2020-06-16", "Emmanuel Macron chez Sanofi : 610 millions d'euros pour les vaccins",
f"""MARCY-L'ÉTOILE (Rhône) — En pleine crise sanitaire, Emmanuel Macron s'est rendu mardi sur le site de Sanofi Pasteur, la filiale vaccins de Sanofi, à Marcy-l'Étoile, pour saluer un plan d'investissement de 610 millions d'euros du laboratoire en France.

Le groupe pharmaceutique va construire à Neuville-sur-Saône, dans le Rhône, une usine de production de vaccins dotée de 490 millions d'euros, qui créera 200 emplois. Un centre de recherche consacré aux vaccins verra également le jour à Marcy-l'Étoile, pour 120 M€.

« Nous voulons que la France redevienne un grand pays de production de vaccins », a déclaré le chef de l'État devant les salariés, avant d'échanger longuement avec des chercheurs du centre de production de vaccins.

Paul Hudson, le directeur général de Sanofi, a assuré que le groupe « resterait profondément ancré en France ». Quelques semaines plus tôt, le dirigeant avait suscité une polémique en évoquant un accès prioritaire des États-Unis à un futur vaccin.

Emmanuel Macron s'est aussi entretenu avec Serge Weinberg, président du conseil d'administration du laboratoire, lors de la visite.

Sanofi n'a pas confirmé, en revanche, la rumeur d'un transfert de production d'Amérique du Nord vers l'Europe. Le groupe pourrait aussi, selon des sources syndicales, revoir l'organisation de ses sites de recherche, mais aucune annonce n'a été faite.""")

add("probe-fr-10", "2023-08-29", "À Longchamp, le Medef réunit les patrons pour sa rentrée",
f"""PARIS — Le Medef a ouvert lundi la Rencontre des entrepreneurs de France (REF), son université d'été, à l'hippodrome de Paris-Longchamp. Pendant deux jours, plusieurs milliers de chefs d'entreprise y débattent de fiscalité, d'énergie et de recrutement.

Le président du Medef, Patrick Martin, élu en juillet, a plaidé pour une baisse des impôts de production. « Les entreprises ne peuvent pas porter seules l'effort de la transition écologique », a-t-il lancé depuis la tribune.

La Première ministre, Élisabeth Borne, a participé mardi à la REF, où elle a rappelé que le gouvernement ne reviendrait pas sur le calendrier de la suppression de la CVAE. Le ministre de l'Économie, Bruno Le Maire, également présent, s'est entretenu en marge de l'événement avec Patrick Martin.

Plusieurs dirigeants ont pris la parole, dont Patrick Pouyanné, PDG de TotalEnergies, qui a défendu les investissements du groupe dans les énergies renouvelables. Son prédécesseur, Geoffroy Roux de Bézieux, qui a dirigé l'organisation patronale pendant cinq ans, a été salué par une longue ovation. Le patron de Stellantis, Carlos Tavares, initialement annoncé, n'a finalement pas fait le déplacement.

Les débats de cette année ont surtout porté sur la pénurie de main-d'œuvre et le coût de l'énergie, deux sujets qui inquiètent les industriels.

Le Medef, basé à Paris, revendique 190{N}000 entreprises adhérentes, dont une large majorité de PME.""")

write_corpus({"probe-fr-04", "probe-fr-06", "probe-fr-09"})
