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
