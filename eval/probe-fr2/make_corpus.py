import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from probe_lib import N, add, write_corpus

add("probe-fr2-01", "2023-10-20", "Ain : Safran Landing Systems pose la première pierre de son usine de freins carbone",
f"""FEILLENS (Ain) — Safran Landing Systems a posé vendredi la première pierre de sa nouvelle usine de freins carbone à Feillens. La filiale de Safran investit 250 millions d'euros dans ce site, qui doit entrer en service en 2026 et où 200 emplois seront créés d'ici 2030.

La préfète de l'Ain, Chantal Mauchet, a visité le chantier aux côtés du maire de Feillens, Guy Billoudet, et du directeur général de Safran, Olivier Andriès. « Cette usine est la plus grande implantation industrielle du département depuis vingt ans », a souligné la préfète.

Le bâtiment s'étendra sur 30{N}000 mètres carrés, sur un terrain de 13 hectares aménagé par la communauté de communes. L'entreprise y produira des disques de frein pour les avions court-courriers, qu'elle livrera à Airbus et à Boeing. Le groupe exploite déjà un site de freins carbone à Villeurbanne, dans le Rhône, qui arrive à saturation.

« Nous avons choisi Feillens pour la qualité de la main-d'œuvre et la proximité de nos sites historiques », a déclaré Olivier Andriès. Pour Guy Billoudet, « c'est une chance pour toute la commune ».

Les recrutements commenceront dès l'an prochain. Safran Landing Systems formera 150 demandeurs d'emploi de la région avec France Travail avant l'ouverture. Les syndicats, eux, attendent de connaître les salaires proposés.""")

add("probe-fr2-02", "2023-03-16", "France 2030 : l'État soutient la filière hydrogène",
f"""COMMUNIQUÉ DE PRESSE — Roland Lescure, ministre délégué chargé de l'Industrie, a annoncé jeudi le soutien de l'État à trois projets de la filière hydrogène dans le cadre du plan France 2030.

Bpifrance, opérateur du plan, versera 114 millions d'euros à McPhy pour sa gigafactory d'électrolyseurs de Belfort. Le fabricant français, basé à Grenoble, y investit 40 millions d'euros et prévoit d'y créer 400 emplois d'ici 2030. L'usine doit ouvrir ses portes au second semestre 2024.

Le spécialiste des piles à combustible Symbio, coentreprise fondée par Forvia et Michelin, reçoit pour sa part une aide de 500 millions d'euros pour sa future usine de Saint-Fons, dans la métropole de Lyon. Stellantis est entré au capital de Symbio cette année, à hauteur de 33,3 %.

Enfin, Genvia, installée à Béziers, bénéficiera d'un soutien de 200 millions d'euros. L'entreprise a été fondée en 2021 par le CEA, Schlumberger, Vinci Construction, Vicat et l'Agence régionale énergie climat d'Occitanie.

« Avec France 2030, nous faisons de la France un leader de l'hydrogène décarboné », a déclaré le ministre. « Ces trois projets créeront plus de 1{N}500 emplois industriels dans nos territoires. »

Le ministre se rendra vendredi à Belfort, où il rencontrera Jean-Baptiste Lucas, le directeur général de McPhy, et le maire de la ville, Damien Meslot.

Contact presse : cabinet du ministre délégué chargé de l'Industrie.""")

add("probe-fr2-03", "2022-01-18", "Veolia finalise le rachat de Suez",
f"""PARIS (Reuters) — Veolia a annoncé mardi avoir finalisé le rachat de Suez, son rival historique, au terme de seize mois d'une bataille boursière et judiciaire. Le numéro un mondial des services à l'environnement s'empare de son concurrent pour environ 13 milliards d'euros.

Le nouvel ensemble pèsera 37 milliards d'euros de chiffre d'affaires et emploiera 220{N}000 personnes dans le monde. Veolia détient désormais 95,9 % du capital de Suez, et lancera une offre de retrait obligatoire sur le solde.

Pour obtenir le feu vert des autorités de la concurrence, le groupe a dû céder une partie des activités françaises de Suez à un consortium formé par Meridiam, Global Infrastructure Partners, CNP Assurances et la Caisse des Dépôts. Ce « nouveau Suez », dirigé par Sabrina Soussan, conserve le nom de la marque en France.

« C'est un jour historique pour Veolia et pour la France, qui se dote d'un champion mondial de la transformation écologique », a déclaré Antoine Frérot, PDG de Veolia. Il a précisé que l'intégration des équipes serait achevée « d'ici à la fin de l'année ».

Antoine Frérot deviendra président du conseil d'administration de Veolia le 1er juillet, tandis qu'Estelle Brachlianoff, actuellement directrice générale adjointe, prendra la direction générale du groupe.

Le groupe, basé à Aubervilliers, prévoit 500 millions d'euros de synergies en quatre ans. Il ne prévoit en revanche aucune suppression de postes en France, a assuré la direction.""")

add("probe-fr2-04", "2021-01-07", "Luxe : LVMH met la main sur Tiffany",
f"""NEW YORK — LVMH a finalisé jeudi l'acquisition du joaillier américain Tiffany & Co., pour un montant de 15,8 milliards de dollars, mettant fin à plus d'un an de tractations. Le géant français du luxe avait d'abord proposé 16,2 milliards avant d'obtenir une baisse du prix à la faveur de la pandémie.

Dans la foulée, LVMH a remanié la direction de sa nouvelle filiale. Anthony Ledru, jusqu'ici vice-président exécutif de Louis Vuitton, est nommé président-directeur général de Tiffany. Il succède à Alessandro Bogliolo, qui quitte le groupe. Alexandre Arnault, fils de Bernard Arnault, prend le poste de vice-président exécutif chargé des produits et de la communication de Tiffany.

« Tiffany rejoint une famille qui sait faire grandir les marques d'exception », a commenté Bernard Arnault, PDG de LVMH. Selon lui, la marque new-yorkaise, fondée en 1837 par Charles Lewis Tiffany, « a un potentiel immense en Asie ».

Michael Burke, actuellement PDG de Louis Vuitton, rejoindra le conseil d'administration de Tiffany.

Le joaillier, dont le siège est à New York, compte plus de 300 magasins dans le monde et emploie 14{N}000 salariés. LVMH, qui possède déjà Bulgari et Chaumet, devient ainsi le deuxième acteur mondial de la joaillerie derrière Richemont. Le groupe n'a pas l'intention de fermer de boutiques, a indiqué un porte-parole.""")

add("probe-fr2-05", "2022-05-12", "CMA CGM entre au capital d'Air France-KLM",
f"""MARSEILLE — L'armateur marseillais CMA CGM va entrer au capital d'Air France-KLM, à hauteur de 9 % au maximum, dans le cadre d'un partenariat stratégique dans le fret aérien. Les deux groupes ont signé jeudi un accord de coopération exclusive d'une durée de dix ans.

Le partenariat prévoit la mise en commun des capacités cargo des deux groupes : les douze avions-cargos de CMA CGM Air Cargo, la filiale aérienne de l'armateur, seront exploités avec les quatre appareils d'Air France-KLM Martinair Cargo. CMA CGM investira près de 500 millions d'euros dans l'opération.

« Ce partenariat nous permet de proposer à nos clients une offre logistique complète, de la mer aux airs », a déclaré Rodolphe Saadé, président-directeur général de CMA CGM. Le directeur général d'Air France-KLM, Benjamin Smith, a salué de son côté « une alliance naturelle entre deux leaders français ».

L'État français, premier actionnaire d'Air France-KLM avec 28,6 % du capital, a donné son feu vert. Bruno Le Maire, ministre de l'Économie, s'est entretenu mercredi avec Rodolphe Saadé.

Fondé en 1978 par Jacques Saadé à Marseille, CMA CGM est le troisième transporteur maritime mondial. Le groupe, dont le siège est installé dans la tour CMA CGM à Marseille, a réalisé un bénéfice record en 2021. Il a racheté l'an dernier le logisticien Ingram Micro CLS pour 3 milliards de dollars.

L'accord doit encore être approuvé par les autorités de la concurrence européennes.""")

add("probe-fr2-06", "2025-04-23", "ArcelorMittal annonce la suppression de 636 postes en France",
f"""DUNKERQUE — Le sidérurgiste ArcelorMittal a présenté mercredi aux syndicats un plan de réorganisation prévoyant la suppression de 636 postes dans ses usines du nord de la France. Les sites de Dunkerque, Florange et Basse-Indre sont les plus touchés.

ArcelorMittal France supprimera ainsi 295 postes à Dunkerque, 113 à Florange et 55 à Basse-Indre, principalement dans les fonctions support. Le groupe invoque la crise de l'acier en Europe et la concurrence des importations asiatiques. Il n'y aura pas de licenciements secs, assure la direction.

« C'est un coup de massue pour les salariés, qui ont déjà fait beaucoup d'efforts », a dénoncé Gaëtan Lecocq, secrétaire général de la CGT d'ArcelorMittal Dunkerque. Les syndicats ont appelé à une grève le 30 avril.

Le ministre de l'Industrie, Marc Ferracci, a reçu mardi les représentants de la direction à Bercy. Il a rencontré Alain Le Grand, le président d'ArcelorMittal France, et lui a demandé de « garantir l'avenir des hauts fourneaux de Dunkerque ».

Le groupe, filiale du luxembourgeois ArcelorMittal, avait annoncé en 2024 un investissement de 1,8 milliard d'euros dans la décarbonation de son site de Dunkerque, projet aujourd'hui suspendu. ArcelorMittal emploie 15{N}400 personnes en France.

Le maire de Florange, Rémy Dick, n'a pas souhaité commenter. « Les sidérurgistes ne doivent pas payer la facture de l'inaction européenne », a réagi pour sa part Xavier Bertrand, président de la région Hauts-de-France.""")

add("probe-fr2-07", "2023-01-24", "Informatique quantique : Pasqal lève 100 millions d'euros",
f"""PALAISEAU (Essonne) — La start-up française Pasqal a annoncé mardi avoir levé 100 millions d'euros lors d'une série B menée par le fonds singapourien Temasek. Le Fonds européen pour l'innovation, Wa'ed Ventures et Bpifrance ont également participé à l'opération, aux côtés des investisseurs historiques Quantonation et Eurazeo.

Fondée en 2019 par Georges-Olivier Reymond, Christophe Jurczak, Antoine Browaeys, Thierry Lahaye et Alain Aspect, prix Nobel de physique 2022, la société développe des ordinateurs quantiques à atomes neutres. Elle est basée à Palaiseau, sur le plateau de Saclay.

Les fonds serviront à accélérer la commercialisation de ses processeurs et à recruter. Pasqal prévoit de doubler ses effectifs et d'embaucher 200 personnes d'ici 2026, en France et à l'étranger.

« Ce tour de table nous donne les moyens de livrer un avantage quantique utile dès 2024 », a affirmé Georges-Olivier Reymond, cofondateur et PDG de Pasqal.

L'entreprise a déjà conclu un partenariat avec Aramco pour installer un ordinateur quantique de 200 qubits en Arabie saoudite. Elle fournira également une machine au centre de calcul de Jülich, en Allemagne, et travaille avec EDF et Thales.

En 2021, Pasqal avait fusionné avec la société néerlandaise Qu&Co. Elle revendique aujourd'hui plus de 150 salariés.""")

add("probe-fr2-08", "2020-10-16", "Engie : Catherine MacGregor prend la tête du groupe",
f"""PARIS — Le conseil d'administration d'Engie a désigné vendredi Catherine MacGregor au poste de directrice générale du groupe. Elle prendra ses fonctions le 1er janvier 2021.

Âgée de 48 ans, Catherine MacGregor est actuellement présidente de Technip Energies, la branche d'ingénierie issue de la scission de TechnipFMC. Elle a auparavant passé plus de vingt ans chez Schlumberger.

Elle succède à Isabelle Kocher, évincée en février, et à Claire Waysand, qui assurait depuis l'intérim. Claire Waysand redeviendra secrétaire générale d'Engie.

« Catherine MacGregor a l'expérience industrielle et internationale dont Engie a besoin pour conduire sa transformation », a déclaré Jean-Pierre Clamadieu, président du conseil d'administration d'Engie. Le groupe a lancé cet été une revue stratégique qui doit le recentrer sur les énergies renouvelables et les infrastructures.

L'État, premier actionnaire d'Engie avec 23,6 % du capital, a approuvé ce choix. Le ministre de l'Économie, Bruno Le Maire, a salué « une dirigeante de grande qualité ».

Engie, basé à La Défense, emploie 170{N}000 personnes dans le monde. Le groupe a cédé cette année sa participation de 29,9 % dans Suez à Veolia pour 3,4 milliards d'euros.

« Je mesure la responsabilité qui m'est confiée », a réagi Catherine MacGregor dans un communiqué.""")

add("probe-fr2-09", "2018-08-02", "Ferroviaire : Alstom remporte le contrat du TGV du futur",
f"""PARIS — Alstom a remporté jeudi le contrat du TGV du futur. La SNCF a commandé au constructeur français 100 rames à grande vitesse de nouvelle génération pour un montant de 3 milliards d'euros, a annoncé le groupe ferroviaire.

Les premières rames, baptisées TGV M, seront livrées à la SNCF à partir de 2024. Alstom les fabriquera principalement dans son usine de La Rochelle, en Charente-Maritime, ainsi qu'à Belfort et au Creusot. La commande représente 4{N}000 emplois sur dix ans chez Alstom et ses fournisseurs.

« C'est une commande historique pour Alstom et pour toute la filière ferroviaire française », a déclaré Henri Poupart-Lafarge, PDG d'Alstom. Le président de la SNCF, Guillaume Pepy, a souligné que le nouveau train coûterait « 20 % moins cher à l'achat et à l'exploitation ».

Alstom et la SNCF ont conçu ensemble ce nouveau modèle dans le cadre d'un partenariat d'innovation lancé en 2016. Le nouveau train pourra transporter jusqu'à 740 passagers.

La ministre des Transports, Élisabeth Borne, se rendra en septembre à La Rochelle pour visiter l'usine d'Alstom.

Alstom, basé à Saint-Ouen, emploie 34{N}500 personnes dans le monde. Le groupe a également remporté ce mois-ci un contrat pour fournir 20 trains régionaux à la région Normandie.""")

add("probe-fr2-10", "2019-03-05", "Numérique : Cisco formera 200 000 personnes en France",
f"""PARIS — Le groupe américain Cisco formera 200{N}000 personnes aux métiers du numérique en France d'ici 2022, a annoncé mardi son directeur général, Chuck Robbins, lors d'un déplacement à Paris. Le programme sera déployé avec Pôle emploi et l'Éducation nationale.

Cisco France ouvrira par ailleurs 20 nouvelles académies de formation dans les lycées professionnels. Le groupe, dont le siège français est à Issy-les-Moulineaux, prévoit aussi de recruter 100 ingénieurs dans l'Hexagone cette année.

Chuck Robbins s'est entretenu avec le secrétaire d'État chargé du Numérique, Cédric O, au ministère de l'Économie. « La France a une formidable réserve de talents, et nous voulons contribuer à les former », a déclaré le patron de Cisco.

Dans le même secteur, Google a annoncé qu'il formerait 100{N}000 personnes en France en 2019 dans ses Ateliers numériques. L'entreprise ouvrira un nouvel atelier à Rennes au printemps. Microsoft, de son côté, a lancé une école de l'intelligence artificielle avec Simplon, qui formera 400 demandeurs d'emploi.

Ces programmes interviennent alors que les entreprises du numérique peinent à recruter. Selon le syndicat professionnel Syntec Numérique, 50{N}000 postes sont non pourvus.

« Ces annonces montrent que les géants de la tech investissent dans les compétences françaises », s'est réjoui Cédric O.""")

add("probe-fr2-11", "2024-10-11", "Drôme : Orano lance l'extension de son usine d'enrichissement du Tricastin",
f"""PIERRELATTE (Drôme) — Orano a lancé jeudi les travaux d'extension de son usine d'enrichissement d'uranium Georges-Besse II, sur le site du Tricastin. Le groupe nucléaire investit 1,7 milliard d'euros pour augmenter de plus de 30 % la capacité de l'usine, qui produira 2,5 millions d'unités de travail de séparation supplémentaires d'ici 2028.

Le chantier mobilisera 500 personnes au plus fort des travaux et permettra la création de 300 emplois pérennes sur le site. Le Tricastin, à cheval sur la Drôme et le Vaucluse, emploie déjà 5{N}000 salariés d'Orano.

La ministre déléguée chargée de l'Énergie, Olga Givernet, a visité le site en compagnie de Nicolas Maes, directeur général d'Orano. « Cette extension est une décision stratégique pour la souveraineté énergétique de la France et de l'Europe », a-t-elle déclaré.

« Nos clients électriciens, en Europe et aux États-Unis, veulent réduire leur dépendance à l'uranium enrichi russe », a expliqué Nicolas Maes. Orano a signé des contrats de long terme avec plusieurs électriciens, dont EDF, qui représentent l'essentiel des capacités supplémentaires.

Claude Imauven, président du conseil d'administration d'Orano, a rencontré les élus locaux, dont le maire de Pierrelatte, Alain Gallu.

Détenu à 90 % par l'État, Orano est issu de la restructuration d'Areva en 2018. Le groupe, basé à Châtillon, emploie 17{N}500 personnes.""")

add("probe-fr2-12", "2025-06-11", "VivaTech : Mistral AI et Nvidia s'allient pour un nuage européen",
f"""PARIS — Le salon VivaTech s'est ouvert mercredi à Paris Expo Porte de Versailles avec une annonce très attendue : la start-up française Mistral AI et le fabricant américain de puces Nvidia s'associent pour construire une infrastructure de calcul en France. Baptisée Mistral Compute, elle s'appuiera sur 18{N}000 puces Grace Blackwell fournies par Nvidia.

Le centre de données sera installé dans l'Essonne et consommera 40 mégawatts dans un premier temps. « Nous voulons offrir à l'Europe un nuage souverain, et pas seulement des modèles », a déclaré Arthur Mensch, cofondateur et directeur général de Mistral AI.

Le patron de Nvidia, Jensen Huang, est monté sur scène aux côtés d'Emmanuel Macron. « L'intelligence artificielle sera la nouvelle électricité », a lancé le président de la République. Jensen Huang a également rencontré Arthur Mensch et les dirigeants de plusieurs start-up.

Organisé par Publicis Groupe et le groupe Les Echos-Le Parisien depuis 2016, VivaTech accueille cette année 14{N}000 start-up et 180{N}000 visiteurs. Maurice Lévy, président du conseil de surveillance de Publicis, a inauguré le salon dans la matinée.

Nvidia a par ailleurs annoncé l'ouverture d'un centre de recherche à Paris et un partenariat avec Schneider Electric pour concevoir des centres de données. Le groupe Orange, lui, a signé un accord avec Mistral AI pour déployer ses modèles auprès de ses clients professionnels.

Selon Bercy, les annonces faites pendant le salon représentent 3 milliards d'euros d'investissements.""")

write_corpus({"probe-fr2-03", "probe-fr2-07", "probe-fr2-09", "probe-fr2-11"})
