// Extraction table: sentences of our own, one or more per predicate, in
// active, passive and nominal form, and negated or hypothetical ones that
// must give nothing.
#define BOOST_TEST_MODULE extract
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <string>

#include "extract/extractor.hpp"

namespace bdata = boost::unit_test::data;

namespace {

const econkg::extractor& pipeline() {
  static econkg::extractor x(ECONKG_LEXICON_DIR);
  return x;
}

struct extract_case {
  const char* lang;
  const char* text;
  const char* expected;  // "subject|predicate|object", or "" when nothing may be extracted for `predicate`
  const char* predicate;
};
std::ostream& operator<<(std::ostream& os, const extract_case& c) { return os << c.text; }

const extract_case cases[] = {
    // invests_in
    {"fr", "Le groupe Safran investira 120 millions d'euros dans son usine de Gennevilliers.", "Safran|invests_in|usine de Gennevilliers", "invests_in"},
    {"fr", "Nestlé va injecter 80 millions d'euros en France d'ici 2026.", "Nestlé|invests_in|France", "invests_in"},
    {"fr", "Toyota pourrait investir 300 millions d'euros en France.", "", "invests_in"},
    {"fr", "Toyota n'a pas investi 300 millions d'euros en France.", "", "invests_in"},
    // acquires
    {"fr", "Le groupe Danone rachète la start-up Alpina pour 200 millions d'euros.", "Danone|acquires|Alpina", "acquires"},
    {"fr", "Schneider Electric a annoncé l'acquisition de Aveva.", "Schneider Electric|acquires|Aveva", "acquires"},
    {"fr", "Le rachat de Aveva par Schneider Electric a été bouclé.", "Schneider Electric|acquires|Aveva", "acquires"},
    {"fr", "Selon des rumeurs, Vivendi envisagerait de racheter Lagardère.", "", "acquires"},
    // partners_with
    {"fr", "Renault s'associe avec Google pour ses logiciels.", "Renault|partners_with|Google", "partners_with"},
    // funds
    {"fr", "La start-up Ynsect lève 20 M€ auprès de Bpifrance.", "Bpifrance|funds|Ynsect", "funds"},
    // opens
    {"fr", "Le fabricant Verkor ouvrira une usine à Dunkerque en 2025.", "Verkor|opens|usine à Dunkerque", "opens"},
    {"fr", "La nouvelle usine du groupe Michelin à Vannes a été inaugurée jeudi.", "Michelin|opens|nouvelle usine du groupe Michelin à Vannes", "opens"},
    // creates_jobs / cuts_jobs
    {"fr", "Le groupe Amazon va créer 1 000 emplois en France.", "Amazon|creates_jobs|France", "creates_jobs"},
    {"fr", "Le groupe Michelin va supprimer 2 300 postes en France.", "Michelin|cuts_jobs|France", "cuts_jobs"},
    // supplies, trains
    {"fr", "Alstom livrera 40 rames à la SNCF.", "Alstom|supplies|SNCF", "supplies"},
    {"fr", "Google va former 100 000 personnes en France.", "Google|trains|France", "trains"},
    // holds_role
    {"fr", "Patrick Pouyanné, PDG de TotalEnergies, a rencontré les syndicats.", "Patrick Pouyanné|holds_role|TotalEnergies", "holds_role"},
    {"fr", "Le directeur général de Renault, Luca de Meo, était présent.", "Luca de Meo|holds_role|Renault", "holds_role"},
    {"fr", "Le président américain Joe Biden a signé le texte.", "Joe Biden|holds_role|États-Unis", "holds_role"},
    // visits, meets
    {"fr", "Le ministre Bruno Le Maire a visité l'usine de Stellantis à Sochaux.", "Bruno Le Maire|visits|usine de Stellantis à Sochaux", "visits"},
    {"fr", "Emmanuel Macron a rencontré Tim Cook à l'Élysée.", "Emmanuel Macron|meets|Tim Cook", "meets"},
    // says
    {"fr", "« Nous allons doubler notre production », a déclaré Carlos Tavares.", "Carlos Tavares|says|Nous allons doubler notre production", "says"},
    // organizes, founded, participates_in
    {"fr", "Le salon VivaTech, créé par Publicis en 2016, attire des milliers de visiteurs.", "Publicis|founded|VivaTech", "founded"},
    // located_in
    {"fr", "Le groupe Seb, basé à Écully, a publié ses résultats.", "Seb|located_in|Écully", "located_in"},
    {"fr", "L'usine est située à Douai (Nord).", "Douai|located_in|Nord", "located_in"},
    // more forms per predicate: passive, nominal, apposition, coordination, negation
    {"fr", "Un investissement de 50 millions d'euros annoncé par Danone à Villefranche-sur-Saône.", "Danone|invests_in|Villefranche-sur-Saône", "invests_in"},
    {"fr", "Sanofi et Bpifrance investiront 100 millions d'euros dans la région Occitanie.", "Bpifrance|invests_in|Occitanie", "invests_in"},
    {"fr", "Le groupe Carrefour envisagerait d'investir 40 millions d'euros en Espagne.", "", "invests_in"},
    {"fr", "La société Alpina a été rachetée par Danone pour 200 millions d'euros.", "Danone|acquires|Alpina", "acquires"},
    {"fr", "Capgemini n'a pas racheté Altran.", "", "acquires"},
    {"fr", "Atos et Thales ont signé un accord de partenariat stratégique.", "Atos|partners_with|Thales", "partners_with"},
    {"fr", "Atos pourrait s'associer avec Thales.", "", "partners_with"},
    {"fr", "L'opération a été menée par Eurazeo.", "", "funds"},
    {"fr", "Le constructeur Renault va ouvrir une usine à Douai.", "Renault|opens|usine à Douai", "opens"},
    {"fr", "Le constructeur Renault n'ouvrira pas d'usine à Douai.", "", "opens"},
    {"fr", "Le groupe Safran annonce la création de 500 emplois à Bordeaux.", "Safran|creates_jobs|Bordeaux", "creates_jobs"},
    {"fr", "Le groupe Safran pourrait recruter 500 personnes à Bordeaux.", "", "creates_jobs"},
    {"fr", "Le groupe Auchan va supprimer 1 000 postes en France.", "Auchan|cuts_jobs|France", "cuts_jobs"},
    {"fr", "Le groupe Auchan ne va pas supprimer de postes en France.", "", "cuts_jobs"},
    {"fr", "Thales fournira 30 radars à l'armée de l'air.", "", "supplies"},
    {"fr", "Microsoft formera 50 000 personnes en Afrique.", "Microsoft|trains|Afrique", "trains"},
    {"fr", "M. Bernard Arnault, président de LVMH, était présent.", "Bernard Arnault|holds_role|LVMH", "holds_role"},
    {"fr", "Catherine MacGregor a été nommée directrice générale d'Engie.", "Catherine MacGregor|holds_role|Engie", "holds_role"},
    {"fr", "L'ancien PDG de Renault, Carlos Ghosn, a quitté le Japon.", "", "holds_role"},
    {"fr", "La ministre Agnès Pannier-Runacher s'est rendue à l'usine de Sanofi à Marcy-l'Étoile.", "Agnès Pannier-Runacher|visits|usine de Sanofi à Marcy-l'Étoile", "visits"},
    {"fr", "Bruno Le Maire s'est entretenu avec Carlos Tavares.", "Bruno Le Maire|meets|Carlos Tavares", "meets"},
    {"fr", "« Nous investirons en France », a souligné Patrick Pouyanné. « Le site sera agrandi. »", "Patrick Pouyanné|says|Le site sera agrandi.", "says"},
    {"fr", "Selon Florence Parly, « ce contrat est historique pour notre industrie ».", "Florence Parly|says|ce contrat est historique pour notre industrie", "says"},
    {"fr", "Le salon Eurosatory, organisé par le Gican, ouvre ses portes.", "", "organizes"},
    {"fr", "Le Medef organise le salon Planète PME.", "Medef|organizes|Planète PME", "organizes"},
    {"fr", "Xavier Niel a fondé Free en 1999.", "Xavier Niel|founded|Free", "founded"},
    {"fr", "Le groupe Michelin a annoncé 20 millions d'euros d'investissements lors du salon VivaTech.", "Michelin|participates_in|VivaTech", "participates_in"},
    {"fr", "Le sommet s'est tenu à Versailles.", "", "located_in"},
    {"fr", "La start-up Mistral AI, basée à Paris, a levé 600 millions d'euros.", "Mistral AI|located_in|Paris", "located_in"},
    // negated or hypothetical forms of the remaining predicates
    {"fr", "La start-up Ynsect n'a pas levé 20 M€ auprès de Bpifrance.", "", "funds"},
    {"fr", "Alstom pourrait livrer 40 rames à la SNCF.", "", "supplies"},
    {"fr", "Google ne formera pas 100 000 personnes en France.", "", "trains"},
    {"fr", "Le ministre Bruno Le Maire n'a pas visité l'usine de Stellantis à Sochaux.", "", "visits"},
    {"fr", "Emmanuel Macron pourrait rencontrer Tim Cook à l'Élysée.", "", "meets"},
    {"fr", "Xavier Niel n'a pas fondé Free en 1999.", "", "founded"},
    {"fr", "Le Medef n'organise pas le salon Planète PME.", "", "organizes"},
    {"fr", "Le groupe Michelin envisagerait d'annoncer 20 millions d'euros lors du salon VivaTech.", "", "participates_in"},
    {"fr", "Selon des rumeurs, le groupe Seb serait basé à Écully.", "", "located_in"},
    {"fr", "Thales fournira 30 radars à la Grèce.", "Thales|supplies|Grèce", "supplies"},
    {"fr", "Les radars seront livrés à la marine grecque par Thales.", "", "supplies"},
    // subsidiary_of
    {"fr", "Orano n'est plus une filiale d'Areva.", "", "subsidiary_of"},
    {"fr", "Vinci Autoroutes, la filiale autoroutière de Vinci, a recruté.", "Vinci Autoroutes|subsidiary_of|Vinci", "subsidiary_of"},
};

}  // namespace

BOOST_DATA_TEST_CASE(statements, bdata::make(cases), c) {
  econkg::document d;
  d.id = "t";
  d.lang = c.lang;
  d.date = "2024-05-15";
  d.text = c.text;
  std::string found;
  for (const auto& s : pipeline().extract(d)) {
    if (s.predicate != c.predicate) continue;
    if (!found.empty()) found += " ; ";
    found += s.subject.label + "|" + s.predicate + "|" + s.object.label;
  }
  if (std::string(c.expected).empty()) {
    BOOST_TEST(found.empty(), "extracted " << found);
  } else {
    BOOST_TEST(found.find(c.expected) != std::string::npos, "expected " << c.expected << ", got [" << found << "]");
  }
}
