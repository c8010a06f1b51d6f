// Value scanner: money, quantities, percentages and dates (extract/values.hpp).
#define BOOST_TEST_MODULE values
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <unicode/uchar.h>

#include "extract/values.hpp"

namespace bdata = boost::unit_test::data;
using econkg::value_kind;
using econkg::value_mention;

namespace {

const econkg::value_scanner& scanner() {
  static const econkg::value_scanner s(ECONKG_LEXICON_DIR);
  return s;
}

// Every mention as kind[text]=value, joined by " | ": one string compares
// kinds, exact byte ranges, values and flags of all mentions in order.
std::string render(std::string_view text, const std::vector<value_mention>& ms, std::size_t base = 0) {
  std::ostringstream os;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const value_mention& m = ms[i];
    if (i) os << " | ";
    const std::string surface(text.substr(m.begin - base, m.end - m.begin));
    switch (m.kind) {
      case value_kind::money:
        os << "money[" << surface << "]=" << m.amount << ' ' << m.currency;
        break;
      case value_kind::quantity:
        os << "qty[" << surface << "]=" << m.amount;
        if (!m.unit.empty()) os << ' ' << m.unit;
        break;
      case value_kind::percent: {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", m.number);
        os << "pct[" << surface << "]=" << buf;
        break;
      }
      case value_kind::date:
        os << "date[" << surface << "]=" << m.date;
        break;
    }
    if (m.approximate) os << " ~";
    if (m.range) os << " range";
  }
  return os.str();
}

struct row {
  const char* lang;
  const char* doc_date;
  const char* text;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const row& r) { return os << r.lang << " «" << r.text << "»"; }

constexpr const char* D = "2022-01-17";  // a Monday

const row money_rows[] = {
    // French money
    {"fr", D, "Microsoft investira 4 milliards d’euros en France.", "money[4 milliards d’euros]=4000000000 EUR"},
    {"fr", D, "soit 4,3 milliards de dollars", "money[4,3 milliards de dollars]=4300000000 USD"},
    {"fr", D, "un plan de 1,2 milliard d'euros", "money[1,2 milliard d'euros]=1200000000 EUR"},
    {"fr", D, "une levée de 45 M€ auprès de", "money[45 M€]=45000000 EUR"},
    {"fr", D, "une levée de 45M€.", "money[45M€]=45000000 EUR"},
    {"fr", D, "750 millions € pour l’usine", "money[750 millions €]=750000000 EUR"},
    {"fr", D, "200 millions d’euros", "money[200 millions d’euros]=200000000 EUR"},
    {"fr", D, "Il a levé 54 M€, puis 800 millions d'euros.",
     "money[54 M€]=54000000 EUR | money[800 millions d'euros]=800000000 EUR"},
    {"fr", D, "payé 1.200 euros par mois", "money[1.200 euros]=1200 EUR"},
    {"fr", D, "3 000 euros", "money[3 000 euros]=3000 EUR"},
    {"fr", D, "3\u00A0000 euros", "money[3\u00A0000 euros]=3000 EUR"},
    {"fr", D, "3\u202F000 euros", "money[3\u202F000 euros]=3000 EUR"},
    {"fr", D, "1 250 000 euros", "money[1 250 000 euros]=1250000 EUR"},
    {"fr", D, "15 Md€ et 2 Mds€", "money[15 Md€]=15000000000 EUR | money[2 Mds€]=2000000000 EUR"},
    {"fr", D, "10 k€ par an", "money[10 k€]=10000 EUR"},
    {"fr", D, "1,5 million de livres sterling", "money[1,5 million de livres sterling]=1500000 GBP"},
    {"fr", D, "6 milliards de dollars US", "money[6 milliards de dollars US]=6000000000 USD"},
    {"fr", D, "6 milliards $US", "money[6 milliards $US]=6000000000 USD"},
    {"fr", D, "100 millions de francs suisses", "money[100 millions de francs suisses]=100000000 CHF"},
    {"fr", D, "2 milliards de dollars canadiens", "money[2 milliards de dollars canadiens]=2000000000 CAD"},
    {"fr", D, "300 $ par action", "money[300 $]=300 USD"},
    {"fr", D, "un chèque de 4.3 milliards d'euros", "money[4.3 milliards d'euros]=4300000000 EUR"},
    {"fr", D, "deux milliards d’euros", "money[deux milliards d’euros]=2000000000 EUR"},
    {"fr", D, "un milliard de dollars", "money[un milliard de dollars]=1000000000 USD"},
    {"fr", D, "100 millions CHF", "money[100 millions CHF]=100000000 CHF"},
    // approximate (the mention starts at the qualifier)
    {"fr", D, "plus de 630 millions d'euros", "money[plus de 630 millions d'euros]=630000000 EUR ~"},
    {"fr", D, "Plus de 630 millions d’euros", "money[Plus de 630 millions d’euros]=630000000 EUR ~"},
    {"fr", D, "environ 200 millions d'euros", "money[environ 200 millions d'euros]=200000000 EUR ~"},
    {"fr", D, "près de 3 milliards d’euros", "money[près de 3 milliards d’euros]=3000000000 EUR ~"},
    {"fr", D, "jusqu’à 50 M€", "money[jusqu’à 50 M€]=50000000 EUR ~"},
    {"fr", D, "plus d’un milliard d'euros", "money[plus d’un milliard d'euros]=1000000000 EUR ~"},
    // ranges (amount is the low end)
    {"fr", D, "entre 20 et 30 millions d'euros", "money[entre 20 et 30 millions d'euros]=20000000 EUR range"},
    {"fr", D, "de 20 à 30 millions d’euros", "money[20 à 30 millions d’euros]=20000000 EUR range"},
    {"fr", D, "20 à 30 millions", "qty[20 à 30 millions]=20000000 range"},
    {"fr", D, "entre 1 et 2 Md€", "money[entre 1 et 2 Md€]=1000000000 EUR range"},
    // English money
    {"en", D, "a $300 million plant", "money[$300 million]=300000000 USD"},
    {"en", D, "US$6 billion", "money[US$6 billion]=6000000000 USD"},
    {"en", D, "a US$6-billion all-cash deal", "money[US$6-billion]=6000000000 USD"},
    {"en", D, "US$4.6 billion", "money[US$4.6 billion]=4600000000 USD"},
    {"en", D, "$1.8 billion and $6.6 million",
     "money[$1.8 billion]=1800000000 USD | money[$6.6 million]=6600000 USD"},
    {"en", D, "£1.1bn", "money[£1.1bn]=1100000000 GBP"},
    {"en", D, "£540m, up from", "money[£540m]=540000000 GBP"},
    {"en", D, "€2bn.", "money[€2bn]=2000000000 EUR"},
    {"en", D, "EUR 45 million", "money[EUR 45 million]=45000000 EUR"},
    {"en", D, "1,000 dollars", "money[1,000 dollars]=1000 USD"},
    {"en", D, "45 million euros", "money[45 million euros]=45000000 EUR"},
    {"en", D, "about US$6 billion", "money[about US$6 billion]=6000000000 USD ~"},
    {"en", D, "up to $6.6 million", "money[up to $6.6 million]=6600000 USD ~"},
    {"en", D, "more than $2 billion", "money[more than $2 billion]=2000000000 USD ~"},
    {"en", D, "between $2 billion and $3 billion",
     "money[between $2 billion and $3 billion]=2000000000 USD range"},
    {"en", D, "$20-30 million", "money[$20-30 million]=20000000 USD range"},
    {"en", D, "$3bn", "money[$3bn]=3000000000 USD"},
    {"en", D, "C$500 million", "money[C$500 million]=500000000 CAD"},
    {"en", D, "two billion dollars", "money[two billion dollars]=2000000000 USD"},
    {"en", D, "1.5 trillion yen", "money[1.5 trillion yen]=1500000000000 JPY"},
    {"en", D, "In 2019 $300 million was spent", "date[2019]=2019 | money[$300 million]=300000000 USD"},
};

const row quantity_rows[] = {
    {"fr", D, "25 000 GPU", "qty[25 000]=25000 GPU"},
    {"fr", D, "25\u202F000 GPU", "qty[25\u202F000]=25000 GPU"},
    {"fr", D, "1 million de Français", "qty[1 million]=1000000 Français"},
    {"fr", D, "2 millions d’habitants", "qty[2 millions]=2000000 habitants"},
    {"fr", D, "3.000 emplois", "qty[3.000]=3000 emplois"},
    {"fr", D, "165 emplois", "qty[165]=165 emplois"},
    {"fr", D, "120 emplois directs", "qty[120]=120 emplois"},
    {"fr", D, "200 personnes", "qty[200]=200 personnes"},
    {"fr", D, "180 PDG", "qty[180]=180 PDG"},
    {"fr", D, "300 nouveaux emplois", "qty[300]=300 emplois"},
    {"fr", D, "2000 emplois", "qty[2000]=2000 emplois"},
    {"fr", D, "plus de 2 000 salariés", "qty[plus de 2 000]=2000 salariés ~"},
    {"fr", D, "20 à 30 emplois", "qty[20 à 30]=20 emplois range"},
    {"fr", D, "entre 200 et 300 postes", "qty[entre 200 et 300]=200 postes range"},
    {"fr", D, "trois cents emplois", "qty[trois cents]=300 emplois"},
    {"fr", D, "deux mille emplois", "qty[deux mille]=2000 emplois"},
    {"fr", D, "vingt et un emplois", "qty[vingt et un]=21 emplois"},
    {"fr", D, "quatre-vingt-dix emplois", "qty[quatre-vingt-dix]=90 emplois"},
    {"fr", D, "une usine et deux sites", ""},
    {"fr", D, "1,5 tonne", "qty[1,5]=2 tonne"},
    {"fr", D, "de 45 à 50 M€", "money[45 à 50 M€]=45000000 EUR range"},
    {"en", D, "400 jobs", "qty[400]=400 jobs"},
    {"en", D, "1,000 people", "qty[1,000]=1000 people"},
    {"en", D, "350 new jobs", "qty[350]=350 jobs"},
    {"en", D, "400 direct jobs", "qty[400]=400 jobs"},
    {"en", D, "150 existing jobs", "qty[150]=150 jobs"},
    {"en", D, "two hundred jobs", "qty[two hundred]=200 jobs"},
    {"en", D, "one million people", "qty[one million]=1000000 people"},
    {"en", D, "one of the largest", ""},
    {"en", D, "some 500 engineers", "qty[some 500]=500 engineers ~"},
    // names and codes glued to letters are not quantities
    {"fr", D, "l’A350 et le 737 MAX", "qty[737]=737 MAX"},
    {"fr", D, "la 5G, le COVID-19, la 3D", ""},
    {"en", D, "the Boeing 737-800 and A320neo", ""},
    {"fr", D, "à 15h30", ""},
    {"en", D, "3 World Trade Center", "qty[3]=3 World"},
    {"fr", D, "300m", ""},
    {"fr", D, "10 000 m² de bureaux", "qty[10 000]=10000 m"},
    {"en", D, "revenue of $1,234.5 million", "money[$1,234.5 million]=1234500000 USD"},
    {"en", D, "between 20 and 30 people", "qty[between 20 and 30]=20 people range"},
    {"fr", D, "le 1er trimestre", ""},
};

const row percent_rows[] = {
    {"fr", D, "une hausse de 14 %", "pct[14 %]=14"},
    {"fr", D, "100 % du capital", "pct[100 %]=100"},
    {"fr", D, "50\u202F%", "pct[50\u202F%]=50"},
    {"fr", D, "12,5 % des parts", "pct[12,5 %]=12.5"},
    {"en", D, "an 18% stake", "pct[18%]=18"},
    {"en", D, "a 4.5 percent rise", "pct[4.5 percent]=4.5"},
    {"fr", D, "14 pour cent", "pct[14 pour cent]=14"},
    {"fr", D, "près de 20 %", "pct[près de 20 %]=20 ~"},
    {"fr", D, "entre 10 et 15 %", "pct[entre 10 et 15 %]=10 range"},
    {"en", D, "10-15%", "pct[10-15%]=10 range"},
};

const row date_rows[] = {
    {"fr", D, "2018", "date[2018]=2018"},
    {"fr", D, "en 2018, la société", "date[2018]=2018"},
    {"fr", D, "fin 2025", "date[fin 2025]=2025"},
    {"fr", D, "d'ici fin 2025", "date[fin 2025]=2025"},
    {"fr", D, "d’ici à 2027", "date[2027]=2027"},
    {"fr", D, "mi-2025", "date[mi-2025]=2025"},
    {"fr", D, "début 2024", "date[début 2024]=2024"},
    {"fr", D, "en juin", "date[juin]=2022-06"},
    {"fr", "2022-09-01", "en juin", "date[juin]=2023-06"},
    {"fr", "2022-06-30", "depuis juin", "date[juin]=2022-06"},
    {"fr", D, "fin juin", "date[fin juin]=2022-06"},
    {"fr", "2019-01-24", "détenu depuis novembre", "date[novembre]=2018-11"},
    {"en", D, "since March", "date[March]=2021-03"},
    {"en", D, "last June", "date[June]=2021-06"},
    {"en", D, "in January", "date[January]=2022-01"},
    {"fr", D, "en juin 2022", "date[juin 2022]=2022-06"},
    {"fr", D, "Juin 2022", "date[Juin 2022]=2022-06"},
    {"fr", D, "le 13 mai 2024", "date[13 mai 2024]=2024-05-13"},
    {"fr", D, "13 mai 2024", "date[13 mai 2024]=2024-05-13"},
    {"fr", D, "le 1er juin 2022", "date[1er juin 2022]=2022-06-01"},
    {"fr", D, "le 13 mai", "date[13 mai]=2022-05-13"},
    {"fr", "2022-12-20", "le 10 janvier", "date[10 janvier]=2023-01-10"},
    {"fr", D, "lundi 13 mai 2024", "date[lundi 13 mai 2024]=2024-05-13"},
    {"fr", D, "lundi", "date[lundi]=2022-01-17"},
    {"fr", "2018-10-03", "mardi", "date[mardi]=2018-10-02"},
    {"fr", "2014-03-27", "mercredi", "date[mercredi]=2014-03-26"},
    {"fr", "2014-03-27", "depuis mardi", "date[mardi]=2014-03-25"},
    {"fr", D, "Dimanche", "date[Dimanche]=2022-01-16"},
    // A future tense or « prochain » points to the next such day (D is a Monday).
    {"fr", D, "le ministre se rendra jeudi à Lyon", "date[jeudi]=2022-01-20"},
    {"fr", D, "la visite, qui aura lieu mercredi", "date[mercredi]=2022-01-19"},
    {"fr", D, "il sera reçu lundi", "date[lundi]=2022-01-24"},
    {"fr", D, "vendredi prochain", "date[vendredi]=2022-01-21"},
    {"fr", D, "le ministre s'est rendu jeudi à Lyon", "date[jeudi]=2022-01-13"},
    {"fr", D, "a annoncé, jeudi", "date[jeudi]=2022-01-13"},
    {"en", D, "next Friday", "date[Friday]=2022-01-21"},
    // The cue words are folded (capitals, accents) and may be set apart by no-break spaces.
    {"fr", D, "ils IRONT à Montréal jeudi", "date[jeudi]=2022-01-20"},
    {"fr", D, "il sera\u00A0reçu lundi", "date[lundi]=2022-01-24"},
    {"fr", D, "vendredi PROCHAIN", "date[vendredi]=2022-01-21"},
    {"fr", D, "l’Élysée a reçu, vendredi", "date[vendredi]=2022-01-14"},
    {"fr", D, "cette année", "date[cette année]=2022"},
    {"fr", D, "l'an prochain", "date[l'an prochain]=2023"},
    {"fr", D, "l’année prochaine", "date[l’année prochaine]=2023"},
    {"fr", D, "l'an dernier", "date[l'an dernier]=2021"},
    {"fr", D, "l’année dernière", "date[l’année dernière]=2021"},
    {"fr", D, "hier", "date[hier]=2022-01-16"},
    {"fr", D, "le mois prochain", "date[le mois prochain]=2022-02"},
    {"fr", "2022-12-05", "le mois prochain", "date[le mois prochain]=2023-01"},
    {"fr", D, "au premier trimestre 2023", "date[premier trimestre 2023]=2023"},
    {"fr", D, "le 13/05/2024", "date[13/05/2024]=2024-05-13"},
    {"fr", D, "le 2024-05-13", "date[2024-05-13]=2024-05-13"},
    {"fr", D, "de 2018 à 2020", "date[2018]=2018 | date[2020]=2020"},
    {"fr", D, "entre 2018 et 2020", "date[2018]=2018 | date[2020]=2020"},
    {"fr", D, "2018-2020", "date[2018]=2018 | date[2020]=2020"},
    {"fr", D, "Mars a investi", ""},
    {"fr", D, "le 31 février", ""},
    {"en", D, "on Thursday", "date[Thursday]=2022-01-13"},
    {"en", D, "Wednesday", "date[Wednesday]=2022-01-12"},
    {"en", D, "in March", "date[March]=2022-03"},
    {"en", D, "Jan. 13", "date[Jan. 13]=2022-01-13"},
    {"en", D, "January 13", "date[January 13]=2022-01-13"},
    {"en", "2022-11-20", "Jan. 13", "date[Jan. 13]=2023-01-13"},
    {"en", D, "May 13, 2024", "date[May 13, 2024]=2024-05-13"},
    {"en", D, "13 May 2024", "date[13 May 2024]=2024-05-13"},
    {"en", D, "March 2023", "date[March 2023]=2023-03"},
    {"en", D, "Monday, May 13, 2024", "date[Monday, May 13, 2024]=2024-05-13"},
    {"en", D, "in the first quarter of 2023", "date[first quarter of 2023]=2023"},
    {"en", D, "by the end of 2025", "date[the end of 2025]=2025"},
    {"en", D, "last year", "date[last year]=2021"},
    {"en", D, "this year", "date[this year]=2022"},
    {"en", D, "next year", "date[next year]=2023"},
    {"en", D, "in 2015", "date[2015]=2015"},
    {"en", D, "since 2019", "date[2019]=2019"},
    {"en", D, "mid-2025", "date[mid-2025]=2025"},
    {"en", D, "Theresa May said it may rise in May",
     "date[May]=2022-05"},
    {"en", D, "on 05/13/2024", "date[05/13/2024]=2024-05-13"},
    {"en", D, "the 31st of May", "date[31st of May]=2022-05-31"},
    {"en", D, "Sept. 11", "date[Sept. 11]=2021-09-11"},
    {"en", D, "Dec 25, 2023", "date[Dec 25, 2023]=2023-12-25"},
    {"en", D, "from 2019 to 2021", "date[2019]=2019 | date[2021]=2021"},
    // without a document date, relative dates are left out
    // unknown language: either convention, a comma or dot before three digits groups
    {"", D, "1,000 dollars, 1.200 euros, 4,3 milliards d'euros",
     "money[1,000 dollars]=1000 USD | money[1.200 euros]=1200 EUR | money[4,3 milliards d'euros]=4300000000 EUR"},
    {"fr", "", "lundi, cette année, l'an prochain, en juin, le 13 mai", ""},
    {"en", "", "on Thursday, last year, in March, Jan. 13", ""},
    {"fr", "", "en juin 2022, fin 2025, le 13 mai 2024",
     "date[juin 2022]=2022-06 | date[fin 2025]=2025 | date[13 mai 2024]=2024-05-13"},
    {"fr", "2022", "cette année et lundi", "date[cette année]=2022"},
};

// Whole sentences: order, non-overlap and offsets with multibyte characters.
const row sentence_rows[] = {
    {"fr", "2024-05-13",
     "Lundi 13 mai 2024, Microsoft a annoncé investir 4 milliards d’euros en France, soit 25 000 GPU et "
     "plus de 1 000 emplois d’ici fin 2027.",
     "date[Lundi 13 mai 2024]=2024-05-13 | money[4 milliards d’euros]=4000000000 EUR | "
     "qty[25 000]=25000 GPU | qty[plus de 1 000]=1000 emplois ~ | date[fin 2027]=2027"},
    {"en", "2022-01-17",
     "On Thursday, Acme said it would invest US$4.6 billion and create 350 new jobs by 2025, lifting its "
     "stake to 51%.",
     "date[Thursday]=2022-01-13 | money[US$4.6 billion]=4600000000 USD | qty[350]=350 jobs | "
     "date[2025]=2025 | pct[51%]=51"},
    {"fr", "2018-10-03",
     "Le groupe, qui détient 100 % du capital depuis l’an dernier, a recruté 120 salariés mardi.",
     "pct[100 %]=100 | date[l’an dernier]=2017 | qty[120]=120 salariés | date[mardi]=2018-10-02"},
};

// The scanner's shortcuts met in one text each: entries read from their
// ninth byte on, apostrophes (' and U+2019 without decoding, U+02BC and an
// overlong ' the general way), runs of spaces (tab, line feed, U+00A0,
// U+202F), entries passed over at a word that is not their first word, and
// future-tense cues read in place (capitals, accents). Expected: what the
// scanner gave before those shortcuts.
const row shortcut_rows[] = {
    {"fr", "2022-01-17", "Les ventes ont chuté l'an dernier et l’an dernier encore.",
     "date[l'an dernier]=2021 | date[l’an dernier]=2021"},
    {"fr", "2022-01-17", "Elles remonteront lʼan prochain, puis l\xC0\xA7" "an prochain.",
     "date[l\xC0\xA7" "an prochain]=2023"},
    {"fr", "2022-01-17", "L’ANNÉE PROCHAINE, aujourd’hui, aujourdʼhui et aujourd'hui.",
     "date[L’ANNÉE PROCHAINE]=2023 | date[aujourd’hui]=2022-01-17 | date[aujourd'hui]=2022-01-17"},
    {"fr", "2022-01-17", "PLUS DE 3 000 emplois, Près D’un million d\xE2\x80\x99" "euros et plus\xC2\xA0" "de 12 %.",
     "qty[PLUS DE 3 000]=3000 emplois ~ | money[Près D’un million d’euros]=1000000 EUR ~ | pct[plus\xC2\xA0" "de 12 %]=12 ~"},
    {"fr", "2022-01-17", "un investissement de 4\xE2\x80\xAF" "milliards\tde\ndollars et 45\xC2\xA0M\xE2\x82\xAC.",
     "money[4\xE2\x80\xAFmilliards\tde\ndollars]=4000000000 USD | money[45\xC2\xA0M€]=45000000 EUR"},
    {"fr", "2022-01-17", "Le ministre SERA jeudi à Lyon ; il ira vendredi à Paris ; elle se rendra lundi prochain.",
     "date[jeudi]=2022-01-20 | date[vendredi]=2022-01-21 | date[lundi]=2022-01-24"},
    {"fr", "2022-01-17", "Le président ÉTUDIERA mardi le dossier, qu’il présentera mercredi.",
     "date[mardi]=2022-01-18 | date[mercredi]=2022-01-19"},
    {"en", "2022-01-17", "The minister WILL visit on Thursday; next Friday, the board meets. It fell last year.",
     "date[Thursday]=2022-01-20 | date[Friday]=2022-01-21 | date[last year]=2021"},
    {"en", "2022-01-17", "MORE THAN 2,000 jobs and about US$4.6 billion, up to 30% of it by the end of 2025.",
     "qty[MORE THAN 2,000]=2000 jobs ~ | money[about US$4.6 billion]=4600000000 USD ~ | pct[up to 30%]=30 ~ | date[the end of 2025]=2025"},
    {"fr", "2022-01-17", "entre 20 et 30 millions d'euros, de 5 à 10 % et « fin\xC2\xA0" "2026 ».",
     "money[entre 20 et 30 millions d'euros]=20000000 EUR range | pct[5 à 10 %]=5 range | date[fin\xC2\xA0" "2026]=2026"},
    {"fr", "2022-01-17", "Lundi 13 mai 2024, DEUX usines et trois cents emplois ; une usine.",
     "date[Lundi 13 mai 2024]=2024-05-13 | qty[trois cents]=300 emplois"},
    {"fr", "2022-01-17", "l\xCA\xBC" "an dernier, d\xCA\xBC" "ici 2027, l\xCA\xBC" "euro et 3 millions d\xCA\xBC" "euros.",
     "date[2027]=2027 | money[3 millions d\xCA\xBC" "euros]=3000000 EUR"},
    // Words that start only entries going on right after them (« A$ », « S$ »,
    // « l'an … »), before white space, at the text's end, and before what
    // those entries need.
    {"en", "2022-01-17", "a 5 plan, A$5 billion, a$ 2 million, S$ 3 million and s 4 jobs; US$6m or us 7, C$\t8 million, A",
     "qty[5]=5 plan | money[A$5 billion]=5000000000 AUD | money[$ 2 million]=2000000 USD | money[S$ 3 million]=3000000 SGD | "
     "qty[4]=4 jobs | money[US$6m]=6000000 USD | qty[7]=7 | money[C$\t8 million]=8000000 CAD"},
    {"fr", "2022-01-17", "l an prochain, l'an prochain, L\nan prochain et l", "date[l'an prochain]=2023"},
    // Words that start only entries going on after a space (« de l'ordre
    // de », « le mois prochain », "the end of", "up to"), before what those
    // entries need after white space of every kind, and before other words.
    {"fr", "2022-01-17",
     "de 5 à 6, de l'ordre de 7 millions d'euros, DE  L\u2019ORDRE DE 8 %, de\tla, de\u00a0l'ordre de 9 %, "
     "le mois prochain, Le\nMois dernier, le  mois-ci, le 3 mai, de",
     "qty[5 à 6]=5 range | money[de l'ordre de 7 millions d'euros]=7000000 EUR ~ | pct[DE  L\u2019ORDRE DE 8 %]=8 ~ | "
     "pct[de\u00a0l'ordre de 9 %]=9 ~ | date[le mois prochain]=2022-02 | date[Le\nMois dernier]=2021-12 | date[3 mai]=2022-05-03"},
    {"en", "2022-01-17",
     "the end of 2025, THE  END OF 2024, the\tbeginning of 2023, the end, up to 30%, Up\nTO 5%, up 4%, at least 3 jobs, "
     "at 2 pm, the",
     "date[the end of 2025]=2025 | date[THE  END OF 2024]=2024 | date[the\tbeginning of 2023]=2023 | pct[up to 30%]=30 ~ | "
     "pct[Up\nTO 5%]=5 ~ | pct[4%]=4 | qty[at least 3]=3 jobs ~ | qty[2]=2 pm"},
};

void check(const row& r) {
  const auto ms = scanner().find(r.text, r.lang, r.doc_date);
  BOOST_TEST(render(r.text, ms) == r.expected);
  std::size_t last = 0;
  for (const value_mention& m : ms) {
    BOOST_TEST(m.begin >= last);
    BOOST_TEST(m.begin < m.end);
    last = m.end;
    if (!m.unit.empty())
      BOOST_TEST(std::string_view(r.text).substr(m.unit_begin, m.unit_end - m.unit_begin) == m.unit);
  }
}

}  // namespace

BOOST_DATA_TEST_CASE(money, bdata::make(money_rows), r) { check(r); }
BOOST_DATA_TEST_CASE(quantities, bdata::make(quantity_rows), r) { check(r); }
BOOST_DATA_TEST_CASE(percentages, bdata::make(percent_rows), r) { check(r); }
BOOST_DATA_TEST_CASE(dates, bdata::make(date_rows), r) { check(r); }
BOOST_DATA_TEST_CASE(sentences, bdata::make(sentence_rows), r) { check(r); }
BOOST_DATA_TEST_CASE(shortcuts, bdata::make(shortcut_rows), r) { check(r); }

// At a trigger word, the scanner passes over the entries whose first word is
// another (values.cpp, phrase_set::match): an entry matches text whose
// letters fold to its own, so it needs that no code point turns from a
// letter into a non-letter, or back, when lower-cased (U+02BC, a letter
// matching an apostrophe, is handled apart). ICU's tables, for every code point:
BOOST_AUTO_TEST_CASE(lower_case_keeps_letters) {
  int changed = 0;
  for (UChar32 c = 0; c <= 0x10FFFF; ++c)
    if ((u_isalpha(c) != 0) != (u_isalpha(u_tolower(c)) != 0)) ++changed;
  BOOST_TEST(changed == 0);
}

// The scanner's letter test and lower-casing read ICU's answers from a table
// below U+0250 (values.cpp, latin_table): the same answers for every code point.
BOOST_AUTO_TEST_CASE(letter_tables_agree_with_icu) {
  int differ = 0;
  for (char32_t c = 0; c <= 0x10FFFF; ++c) {
    const auto u = static_cast<UChar32>(c);
    const bool letter = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : c != 0xFFFD && u_isalpha(u) != 0;
    char32_t lower = static_cast<char32_t>(u_tolower(u));
    if (c < 0x80) lower = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c == 0x2019 || c == 0x02BC) lower = '\'';
    if (econkg::values_detail::is_letter(c) != letter || econkg::values_detail::fold(c) != lower) ++differ;
  }
  BOOST_TEST(differ == 0);
}

// find() against find_plain(), which reads every trigger word's tables and
// every entry of a set's bucket: the word table's shortcuts (sets and
// languages of a word's entries; what they need after its first word:
// white space and a byte, a glued byte, an apostrophe and a byte) change no
// mention. Texts: every lexicon surface, its first word alone and its
// beginnings, in contexts that follow a word with each of those (and stop
// the text there), in French, English and no language, with and without a
// document date; and the samples.
namespace {

std::vector<std::string> lexicon_surfaces() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ECONKG_LEXICON_DIR) + "/values")) {
    if (entry.path().extension() != ".tsv") continue;
    std::ifstream in(entry.path());
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      out.push_back(line.substr(0, line.find('\t')));
    }
  }
  return out;
}

void compare_with_plain(const std::string& text, int& compared, int& differ) {
  for (const char* lang : {"fr", "en", ""})
    for (const char* date : {D, ""}) {
      const std::string fast = render(text, scanner().find(text, lang, date));
      const std::string plain = render(text, scanner().find_plain(text, lang, date));
      ++compared;
      if (fast != plain) {
        ++differ;
        BOOST_TEST_MESSAGE("find and find_plain differ (" << lang << ", «" << date << "») on «" << text << "»: "
                                                          << fast << " vs " << plain);
      }
    }
}

}  // namespace

BOOST_AUTO_TEST_CASE(shortcuts_change_nothing) {
  const char* contexts[] = {
      "%", "%.", "x %", "%'an prochain", "%\xE2\x80\x99" "an dernier", "%'x", "%\xE2\x80\x99" "x", "%'", "%\xE2\x80\x99",
      "%\xCA\xBC" "an prochain", "% 12 millions d'euros", "% l'ordre de 3 %", "%  la hausse", "%\tde 5 %", "%\xC2\xA0" "de 5 %",
      "% 2025", "%-2025", "%-up", "%$5 billion", "%$", "%.S. 3", "% 13 mai 2024", "Le 3 % 2024", "12 % de plus", "%, 5 jobs",
      "% trois cents emplois", "% une usine", "% of 2025", "% to 30%", "%s"};
  std::vector<std::string> words = lexicon_surfaces();
  BOOST_TEST_REQUIRE(words.size() > 300u);
  // Beginnings of each surface (« l », « l'an », « de l'ordre ») and their capitals.
  const std::size_t whole = words.size();
  for (std::size_t k = 0; k < whole; ++k) {
    const std::string w = words[k];
    for (std::size_t cut = 1; cut < w.size(); ++cut)
      if (w[cut] == ' ' || w[cut] == '\'' || w[cut] == '-' || (w[cut - 1] != ' ' && cut == 1)) words.push_back(w.substr(0, cut));
    std::string upper = w;
    for (char& ch : upper)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
    words.push_back(upper);
  }
  int compared = 0, differ = 0;
  for (const std::string& w : words)
    for (const std::string c : contexts) {
      std::string text = c;
      text.replace(text.find('%'), 1, w);  // the first % only: « 12 % de plus » keeps the others
      compare_with_plain(text, compared, differ);
    }
  const std::filesystem::path samples = std::filesystem::path(ECONKG_LEXICON_DIR) / ".." / "samples";
  for (const auto& entry : std::filesystem::directory_iterator(samples)) {
    std::ifstream in(entry.path());
    std::stringstream all;
    all << in.rdbuf();
    compare_with_plain(all.str(), compared, differ);
  }
  auto rows = [&](const auto& table) {
    for (const row& r : table) compare_with_plain(r.text, compared, differ);
  };
  rows(money_rows);
  rows(quantity_rows);
  rows(percent_rows);
  rows(date_rows);
  rows(sentence_rows);
  rows(shortcut_rows);
  BOOST_TEST(compared > 50000);
  BOOST_TEST(differ == 0);
}

BOOST_AUTO_TEST_CASE(base_offsets) {
  const std::string text = "Un plan de 45 M€ et 200 emplois.";
  const std::size_t base = 1000;
  const auto ms = scanner().find(text, "fr", D, base);
  BOOST_TEST(render(text, ms, base) == "money[45 M€]=45000000 EUR | qty[200]=200 emplois");
  BOOST_TEST_REQUIRE(ms.size() == 2u);
  BOOST_TEST(ms[1].unit_begin == base + text.find("emplois"));
  BOOST_TEST(ms[1].unit_end == base + text.find("emplois") + 7);
}

BOOST_AUTO_TEST_CASE(values_and_fields) {
  const auto ms = scanner().find("4,3 milliards de dollars, 14,5 %", "fr", "");
  BOOST_TEST_REQUIRE(ms.size() == 2u);
  BOOST_TEST(ms[0].amount == 4300000000);
  BOOST_TEST(ms[0].number == 4300000000.0);
  BOOST_TEST((ms[1].kind == value_kind::percent));
  BOOST_TEST(ms[1].number == 14.5);
}

BOOST_AUTO_TEST_CASE(empty_and_plain_text) {
  BOOST_TEST(scanner().find("", "fr", D).empty());
  BOOST_TEST(scanner().find("Le gouvernement salue l’annonce de l’entreprise.", "fr", D).empty());
  BOOST_TEST(scanner().find("\xE2\x82", "fr", D).empty());  // truncated UTF-8 does not crash
}

BOOST_AUTO_TEST_CASE(concurrent_find) {
  const row& r = sentence_rows[0];
  std::vector<std::thread> threads;
  std::vector<std::string> results(8);
  for (std::size_t k = 0; k < results.size(); ++k)
    threads.emplace_back([&, k] {
      for (int i = 0; i < 200; ++i) results[k] = render(r.text, scanner().find(r.text, r.lang, r.doc_date));
    });
  for (auto& t : threads) t.join();
  for (const auto& s : results) BOOST_TEST(s == r.expected);
}

// ------------------------------------------------------------ bad lexicons ---

namespace {

struct bad_row {
  const char* file;
  const char* line;  // appended to a copy of the good file
  const char* error; // expected in the message, after "file:line: "
};

std::ostream& operator<<(std::ostream& os, const bad_row& r) { return os << r.file << ": " << r.line; }

const bad_row bad_rows[] = {
    {"multipliers.tsv", "million\t1000000\tfr", "expected 4 tab-separated fields, found 3"},
    {"multipliers.tsv", "lakh\tten\ten\tword", "'ten' is not an integer"},
    {"multipliers.tsv", "lakh\t100000\thi\tword", "language must be fr, en or *"},
    {"multipliers.tsv", "lakh\t100000\ten\tshort", "'short' must be one of word, abbr"},
    {"currencies.tsv", "dong\tvnd\t*\tname", "'vnd' is not an ISO 4217 code"},
    {"months.tsv", "smarch\t13\ten\ts\tyes", "'13' is not in [1, 12]"},
    {"weekdays.tsv", "\t1\tfr", "field 1 is empty"},
    {"relative_dates.tsv", "avant-hier\tweek\t-2\tfr", "'week' must be one of year, month, day"},
    {"number_words.tsv", "douzaine\t12\tfr\tscale", "a scale is 100 or at least 1000"},
    {"approx.tsv", "\xC3\x28 environ\tfr", "invalid UTF-8"},
};

}  // namespace

BOOST_DATA_TEST_CASE(bad_lexicon, bdata::make(bad_rows), r) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("econkg_values_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "values");
  for (const auto& e : fs::directory_iterator(fs::path(ECONKG_LEXICON_DIR) / "values"))
    fs::copy_file(e.path(), dir / "values" / e.path().filename());
  const fs::path file = dir / "values" / r.file;
  std::size_t lines = 0;
  {
    std::ifstream in(file);
    std::string l;
    while (std::getline(in, l)) ++lines;
  }
  std::ofstream(file, std::ios::app) << r.line << '\n';
  const std::string want = file.string() + ":" + std::to_string(lines + 1) + ": " + r.error;
  try {
    econkg::value_scanner s(dir.string());
    BOOST_ERROR("no error for " << r.line);
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).rfind(want, 0) == 0, e.what() << " does not start with " << want);
  }
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(missing_lexicon) {
  BOOST_CHECK_THROW(econkg::value_scanner("/nonexistent/lexicon"), std::runtime_error);
}
