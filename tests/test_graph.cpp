// graph/: entity keys and IRIs, statement merging, analytics.
#define BOOST_TEST_MODULE graph
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "graph/fold_rules.hpp"
#include "graph/iri.hpp"
#include "graph/knowledge_graph.hpp"

namespace bdata = boost::unit_test::data;
using namespace econkg;

namespace {

entity_ref ref(std::string label, std::string type, std::string kb_id = {},
               std::vector<std::string> aliases = {}) {
  return entity_ref{std::move(label), std::move(type), std::move(aliases), std::move(kb_id)};
}

statement stmt(std::string doc, entity_ref s, std::string p, entity_ref o, attributes a = {},
               double confidence = 0.5, std::string rule = "test/rule") {
  statement st;
  st.doc = std::move(doc);
  st.subject = std::move(s);
  st.predicate = std::move(p);
  st.object = std::move(o);
  st.attrs = std::move(a);
  st.confidence = confidence;
  st.rule = std::move(rule);
  return st;
}

const entity_ref microsoft = ref("Microsoft", "Organization");
const entity_ref france = ref("France", "Place", "country:FR");

}  // namespace

// ---------------------------------------------------------------- slug, keys, IRIs

const char* slug_inputs[] = {
    "Château de Versailles", "Microsoft", "  --Hello, World!--  ", "L’Oréal", "Œuvre & Straße",
    "Île-de-France",         "北京",      "Москва",                 "",         "¡¿!?",
    "Crédit Agricole S.A.",  "AT&T",      "Électricité de France (EDF)",
};
const char* slug_outputs[] = {
    "chateau-de-versailles", "microsoft", "hello-world", "l-oreal", "oeuvre-strasse",
    "ile-de-france",         "bei-jing",  "moskva",      "",        "",
    "credit-agricole-s-a",   "at-t",      "electricite-de-france-edf",
};

BOOST_DATA_TEST_CASE(slug_table, bdata::make(slug_inputs) ^ bdata::make(slug_outputs), input,
                     expected) {
  BOOST_TEST(slug(input) == expected);
}

// Every slug is lower-case ASCII letters and digits separated by single dashes.
BOOST_DATA_TEST_CASE(slug_alphabet, bdata::make(slug_inputs), input) {
  static const std::regex shape("([a-z0-9]+(-[a-z0-9]+)*)?");
  BOOST_TEST(std::regex_match(slug(input), shape), slug(input));
}

BOOST_AUTO_TEST_CASE(slug_is_thread_safe) {
  std::vector<std::string> expected;
  for (const char* s : slug_inputs) expected.push_back(slug(s));
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < failures.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round)
        for (std::size_t i = 0; i < expected.size(); ++i)
          if (slug(slug_inputs[i]) != expected[i]) ++failures[t];
    });
  for (auto& th : threads) th.join();
  BOOST_TEST(std::accumulate(failures.begin(), failures.end(), 0) == 0);
}

// The fold takes ASCII and the code points of fold::table_ranges (Latin-1,
// Latin Extended-A, -B and Additional, General Punctuation, the euro sign)
// through a table of the ICU rules' results per code point, computed when
// econkg is built: it must agree with the rules themselves in every context,
// for keys and slugs alike (a disagreement would change entity IRIs).
std::string utf8_of(char32_t c) {
  std::string s;
  if (c < 0x80) s += static_cast<char>(c);
  else if (c < 0x800) { s += static_cast<char>(0xC0 | (c >> 6)); s += static_cast<char>(0x80 | (c & 0x3F)); }
  else { s += static_cast<char>(0xE0 | (c >> 12)); s += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); s += static_cast<char>(0x80 | (c & 0x3F)); }
  return s;
}

BOOST_AUTO_TEST_CASE(table_fold_agrees_with_icu) {
  // The table comes from the build (graph/gen/fold_table_gen.cpp), computed
  // by the ICU this test runs with: what follows checks the generated table.
  BOOST_TEST(detail::fold_table_from_build());
  std::vector<char32_t> table;
  for (const auto& r : fold::table_ranges)
    for (char32_t c = r.first; c <= r.last; ++c) table.push_back(c);
  BOOST_TEST(table.size() == fold::table_size);
  for (std::size_t i = 0; i < table.size(); ++i) {
    BOOST_TEST(fold::table_index(table[i]) == i);
    BOOST_TEST(static_cast<std::uint32_t>(fold::table_code_point(i)) == static_cast<std::uint32_t>(table[i]));
  }
  for (char32_t c : {char32_t{0x9F}, char32_t{0x250}, char32_t{0x1DFF}, char32_t{0x1F00}, char32_t{0x1FFF},
                     char32_t{0x2070}, char32_t{0x20AB}, char32_t{0x20AD}, char32_t{0x10000}})
    BOOST_TEST(fold::table_index(c) == fold::table_size);
  const std::vector<std::string> around = {"", "a", "A", "Z", "é", "É", "Æ", "æ", " ", "-", "1", "'", "\u2019", "ß",
                                           "l", "L", "ǅ", "ǆ", "Ǉ", "ĳ", "Ĳ", "ẞ", "Ơ", "ư", "ạ", "Ậ", "\u00A0", "\u202F",
                                           "€", "ﬁ"};
  int mismatches = 0, checked = 0;
  auto check = [&](const std::string& text, char32_t c) {
    for (bool for_slug : {false, true}) {
      ++checked;
      if (detail::fold_for_test(text, for_slug) != detail::icu_fold_for_test(text, for_slug)) {
        if (++mismatches <= 10)
          BOOST_TEST_MESSAGE("fold differs for U+" << std::hex << static_cast<unsigned>(c) << " in '" << text
                                                   << "' (slug " << for_slug << ")");
      }
    }
  };
  for (char32_t c : table) {
    std::string ch = utf8_of(c);
    std::vector<std::string> cases = {ch, ch + ch, "x" + ch + ch + "y"};
    for (const auto& n : around) {
      cases.push_back(n + ch);
      cases.push_back(ch + n);
      cases.push_back(n + ch + n);
    }
    for (const auto& text : cases) check(text, c);
  }
  BOOST_TEST(checked > 100000);
  BOOST_TEST(mismatches == 0);
  // Whole labels as news write them.
  for (const char* label : {"Château de Versailles", "L’Oréal", "« Nous investirons 4\u202f000 M€ »", "Œuvre – Ærø",
                            "Saint-Étienne…", "Dassault Systèmes SE", "Straße 12½", "  -- ", "", "Nguyễn Phú Trọng",
                            "Ngân hàng Thương mại Cổ phần Ngoại thương Việt Nam", "Ștefan cel Mare", "Ḩalab"})
    for (bool for_slug : {false, true})
      BOOST_TEST(detail::fold_for_test(label, for_slug) == detail::icu_fold_for_test(label, for_slug), label);
}

// Random strings of table code points and ASCII (a fixed seed: the same
// strings every run), for contexts the table test above does not build.
BOOST_AUTO_TEST_CASE(table_fold_agrees_with_icu_on_random_text) {
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> in_table(0, fold::table_size - 1);
  std::uniform_int_distribution<int> ascii(0x20, 0x7E), length(1, 8), pick(0, 2);
  int mismatches = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    for (int k = length(random); k > 0; --k)
      text += pick(random) == 0 ? std::string(1, static_cast<char>(ascii(random)))
                                : utf8_of(fold::table_code_point(in_table(random)));
    for (bool for_slug : {false, true})
      if (detail::fold_for_test(text, for_slug) != detail::icu_fold_for_test(text, for_slug) && ++mismatches <= 10)
        BOOST_TEST_MESSAGE("fold differs for '" << text << "' (slug " << for_slug << ")");
  }
  BOOST_TEST(mismatches == 0);
}

// Surface variants of one name resolve to one key.
const char* same_as_loreal[] = {"L'Oréal", "L’Oréal", "l'oreal", "L'ORÉAL", "Oréal",
                                "  L’Oréal  ", "L\u2019Ore\u0301al"};
BOOST_DATA_TEST_CASE(key_normalises_label, bdata::make(same_as_loreal), label) {
  BOOST_TEST(entity_key(ref(label, "Organization")) == "organization:oreal");
}

BOOST_AUTO_TEST_CASE(key_rules) {
  BOOST_TEST(entity_key(ref("Microsoft", "Organization")) == "organization:microsoft");
  BOOST_TEST(entity_key(ref("  MICROSOFT ", "Organization")) == "organization:microsoft");
  BOOST_TEST(entity_key(ref("Le Bon Marché", "Organization")) == "organization:bon marche");
  BOOST_TEST(entity_key(ref("The Economist", "Organization")) == "organization:economist");
  BOOST_TEST(entity_key(ref("Les   Échos", "Organization")) == "organization:echos");
  // An article alone is the name, not an article.
  BOOST_TEST(entity_key(ref("Le", "Organization")) == "organization:le");
  // "Lebanon" starts with "le" but not with the article "le ".
  BOOST_TEST(entity_key(ref("Lebanon", "Place")) == "place:lebanon");
  // Punctuation separates words, so spelling variants meet.
  BOOST_TEST(entity_key(ref("Dassault-Systèmes", "Organization")) ==
             entity_key(ref("Dassault Systèmes", "Organization")));
  // The type is part of the key; a gazetteer id replaces both.
  BOOST_TEST(entity_key(ref("Paris", "Place")) != entity_key(ref("Paris", "Person")));
  BOOST_TEST(entity_key(ref("France", "Place", "country:FR")) == "country:FR");
  BOOST_TEST(entity_key(ref("la France", "Place", "country:FR")) == "country:FR");
  // A label with no letter still gets a key of its own.
  BOOST_TEST(entity_key(ref("★", "Product")) != entity_key(ref("☆", "Product")));
}

BOOST_AUTO_TEST_CASE(quotation_keys_hash_the_text) {
  const auto q1 = ref("Nous allons investir 4 milliards d’euros.", "Quotation");
  const auto q2 = ref("Nous allons investir 4 milliards d'euros.", "Quotation");
  const auto q3 = ref("Nous allons investir 5 milliards d’euros.", "Quotation");
  BOOST_TEST(entity_key(q1) == entity_key(q2));
  BOOST_TEST(entity_key(q1) != entity_key(q3));
  BOOST_TEST(std::regex_match(entity_key(q1), std::regex("quotation:[0-9a-f]{16}")));
  BOOST_TEST(std::regex_match(entity_iri(q1),
                              std::regex("https://w3id\\.org/econkg/id/quotation/[0-9a-f]{16}")));
  BOOST_TEST(entity_iri(q1) == entity_iri(q2));
  BOOST_TEST(entity_iri(q1) != entity_iri(q3));
}

// append_quotation_iri() and a quotation's name key hash the folded text as
// they fold it; wherever append_quotation_iri() gives an IRI, the IRI must be
// the plain path's (the normalised text made in full, then hashed), and the
// name key (entity_key()) must always be the plain path's.
BOOST_AUTO_TEST_CASE(quotation_iri_fast_path_matches_plain_path) {
  auto fast = [](std::string_view label) {
    std::string out = "prefix:";
    if (!append_quotation_iri(out, label)) return std::string("(none)");
    BOOST_TEST(out.starts_with("prefix:"));
    return out.substr(7);
  };
  auto plain_iri = [](std::string_view label) {
    return detail::key_iri_plain_for_test(detail::quotation_key_plain_for_test(label));
  };
  auto same_key = [](const std::string& label) {
    return entity_key(ref(label, "Quotation")) == detail::quotation_key_plain_for_test(label);
  };
  for (const char* label :
       {"Nous allons investir 4 milliards d’euros.", "Nous allons investir 4 milliards d'euros.", "", "  ",
        "« »", "«  Oui ! »", "We will \"invest\"\nnow", "ÉLECTRICITÉ DE FRANCE – 2025…", "Straße 12½ Œuvre",
        "Nguyễn Phú Trọng a dit : « Ça suffit »", "l'Oréal", "The end", "a\tb\rc", "\x01"}) {
    BOOST_TEST(fast(label) == plain_iri(label), label);
    BOOST_TEST(fast(label) == entity_iri(ref(label, "Quotation")), label);
    BOOST_TEST(same_key(label), label);
  }
  // Text only ICU folds, and bytes that are not UTF-8: the plain path's.
  for (const char* label : {"北京 investit", "Москва", "ok \xff", "★", "abc \xe2\x82"}) {
    BOOST_TEST(fast(label) == "(none)", label);
    BOOST_TEST(same_key(label), label);
  }
  // Random text of ASCII, table code points and a few others.
  std::mt19937 random(20261127);
  std::uniform_int_distribution<std::size_t> in_table(0, fold::table_size - 1);
  std::uniform_int_distribution<int> ascii(0x01, 0x7F), length(0, 24), pick(0, 40);
  int compared = 0, mismatches = 0;
  for (int n = 0; n < 5000; ++n) {
    std::string text;
    for (int k = length(random); k > 0; --k) {
      const int p = pick(random);
      if (p == 0) text += utf8_of(0x4E2D);  // outside the table
      else if (p < 16) text += utf8_of(fold::table_code_point(in_table(random)));
      else text += static_cast<char>(ascii(random));
    }
    if (!same_key(text) && ++mismatches <= 10) BOOST_TEST_MESSAGE("quotation key differs for '" << text << "'");
    const std::string f = fast(text);
    if (f == "(none)") continue;
    ++compared;
    if (f != plain_iri(text) && ++mismatches <= 10)
      BOOST_TEST_MESSAGE("quotation IRI differs for '" << text << "'");
  }
  BOOST_TEST(mismatches == 0);
  BOOST_TEST(compared > 1500);  // the rest have a code point only ICU folds
}

// key_iri() writes the slugs of ASCII keys itself; the plain path takes
// slug() of each part. Both must agree on every key.
BOOST_AUTO_TEST_CASE(key_iri_fast_path_matches_plain_path) {
  for (const char* key : {"organization:microsoft", "organization:credit agricole", "country:FR", "Q42", "",
                          ":", "a:", ":b", "::x", "kb:--A--B--", "organization:#af63dc4c8601ec8c",
                          "Ünïcode:Éa", "person:jean-marc ayrault", "quotation:0123456789abcdef", "x:y:z",
                          "  spaced  : out  ", "UPPER:CASE_and_under", "x:\x01\x7f"})
    BOOST_TEST(key_iri(key) == detail::key_iri_plain_for_test(key), key);
  std::mt19937 random(20261128);
  std::uniform_int_distribution<int> byte(0x01, 0x7F), length(0, 16), pick(0, 5);
  int mismatches = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string key;
    for (int k = length(random); k > 0; --k) {
      const int p = pick(random);
      key += p == 0 ? ':' : p == 1 ? ' ' : static_cast<char>(byte(random));
    }
    if (key_iri(key) != detail::key_iri_plain_for_test(key) && ++mismatches <= 10)
      BOOST_TEST_MESSAGE("key_iri differs for '" << key << "'");
  }
  BOOST_TEST(mismatches == 0);
}

BOOST_AUTO_TEST_CASE(iris) {
  BOOST_TEST(entity_iri(microsoft) == "https://w3id.org/econkg/id/organization/microsoft");
  BOOST_TEST(entity_iri(ref("Château de Versailles", "Facility")) ==
             "https://w3id.org/econkg/id/facility/chateau-de-versailles");
  BOOST_TEST(entity_iri(france) == "https://w3id.org/econkg/id/country/fr");
  // The IRI follows the key: one vertex, one IRI, whatever the surface form or type.
  BOOST_TEST(entity_iri(ref("L’Oréal", "Organization")) == entity_iri(ref("Oréal", "Organization")));
  BOOST_TEST(entity_iri(ref("Frankreich", "Organization", "country:FR")) == entity_iri(france));
  BOOST_TEST(hash_hex("") == "cbf29ce484222325");  // FNV-1a 64 offset basis
  BOOST_TEST(hash_hex("a") == "af63dc4c8601ec8c");
}

BOOST_AUTO_TEST_CASE(iris_do_not_depend_on_order) {
  std::vector<entity_ref> refs = {microsoft, france, ref("Brad Smith", "Person"),
                                  ref("Île-de-France", "Place"), ref("« Bonjour »", "Quotation")};
  std::vector<std::string> forward, backward;
  for (const auto& r : refs) forward.push_back(entity_iri(r));
  for (auto it = refs.rbegin(); it != refs.rend(); ++it) backward.insert(backward.begin(), entity_iri(*it));
  BOOST_TEST(forward == backward);
  knowledge_graph a, b;
  a.add(stmt("d1", refs[0], "invests_in", refs[1]));
  a.add(stmt("d2", refs[2], "visits", refs[3]));
  b.add(stmt("d2", refs[2], "visits", refs[3]));
  b.add(stmt("d1", refs[0], "invests_in", refs[1]));
  std::set<std::string> ia, ib;
  for (auto [v, end] = boost::vertices(a.graph()); v != end; ++v) ia.insert(a.graph()[*v].iri);
  for (auto [v, end] = boost::vertices(b.graph()); v != end; ++v) ib.insert(b.graph()[*v].iri);
  BOOST_TEST(ia == ib);
}

// ---------------------------------------------------------------- knowledge_graph

BOOST_AUTO_TEST_CASE(resolution_by_key) {
  knowledge_graph kg;
  kg.add(stmt("d1", ref("Microsoft", "Organization"), "invests_in", ref("France", "Place", "country:FR")));
  kg.add(stmt("d2", ref("MICROSOFT", "Organization", "", {"MSFT"}), "invests_in",
              ref("la France", "Place", "country:FR")));
  kg.add(stmt("d2", ref("Microsoft Corp.", "Organization"), "opens", ref("Paris", "Place")));
  BOOST_TEST(kg.entity_count() == 3u);  // Microsoft (all three spellings), France, Paris
  const graph_type& g = kg.graph();
  const entity& ms = g[0];
  BOOST_TEST(ms.label == "Microsoft Corp.");  // the fullest label wins
  BOOST_TEST(ms.aliases == (std::set<std::string>{"MICROSOFT", "MSFT", "Microsoft", "Microsoft Corp."}));
  BOOST_TEST(ms.mentions == 3u);
  BOOST_TEST(kg.doc_ids(ms.docs) == (std::vector<std::string_view>{"d1", "d2"}));
  const entity& fr = g[1];
  BOOST_TEST(fr.label == "la France");
  BOOST_TEST(fr.key == "country:FR");
  BOOST_TEST(fr.iri == entity_iri(france));
  BOOST_TEST(kg.statement_count() == 3u);
  // Equal lengths: mixed case beats capitals.
  knowledge_graph caps;
  caps.add(stmt("d1", ref("MICROSOFT", "Organization"), "opens", ref("Paris", "Place")));
  caps.add(stmt("d2", ref("Microsoft", "Organization"), "opens", ref("Paris", "Place")));
  BOOST_TEST(caps.graph()[0].label == "Microsoft");
}

// ---------------------------------------------------------------- legal suffixes, groups

// Spellings of one company that fold to one key under the built-in rules.
const char* same_as_renault[] = {"Renault",        "RENAULT",       "Renault SA",     "Renault S.A.",
                                 "Renault SAS",    "Renault Group", "Groupe Renault", "le groupe Renault",
                                 "Renault Group SA", "renault  s.a.s.", "Rénault"};
BOOST_DATA_TEST_CASE(key_drops_legal_forms, bdata::make(same_as_renault), label) {
  BOOST_TEST(entity_key(ref(label, "Organization")) == "organization:renault");
}

const char* company_forms[][2] = {
    {"Alphabet Inc.", "organization:alphabet"},   {"Apple Inc", "organization:apple"},
    {"Oracle Corp.", "organization:oracle"},      {"Tesco plc", "organization:tesco"},
    {"Tesco PLC", "organization:tesco"},          {"Arm Ltd", "organization:arm"},
    {"Siemens GmbH", "organization:siemens"},     {"Siemens AG", "organization:siemens"},
    {"L’Oréal SA", "organization:oreal"},         {"Crédit Agricole S.A.", "organization:credit agricole"},
    {"Danone Groupe", "organization:danone"},     {"Microsoft Corporation", "organization:microsoft"},
    // A suffix never takes the whole name, and only ends a name.
    {"SA", "organization:sa"},                    {"Group", "organization:group"},
    {"Groupe", "organization:groupe"},            {"Incorporated Bank", "organization:incorporated bank"},
    // Microsoft France is another company than Microsoft.
    {"Microsoft France", "organization:microsoft france"},
};
BOOST_AUTO_TEST_CASE(key_legal_form_table) {
  for (const auto& [label, key] : company_forms) BOOST_TEST(entity_key(ref(label, "Organization")) == key, label);
  // Only organisations lose suffixes: a place or person keeps every word.
  BOOST_TEST(entity_key(ref("Renault SA", "Place")) == "place:renault sa");
  BOOST_TEST(entity_key(ref("Groupe Renault", "Event")) == "event:groupe renault");
}

BOOST_AUTO_TEST_CASE(rules_from_a_list) {
  const resolution_rules rules({"International", "S.A.", "Co., Ltd."});
  BOOST_TEST(rules.suffix_count() == 3u);
  BOOST_TEST(rules.key(ref("Amnesty International", "Organization")) == "organization:amnesty");
  BOOST_TEST(rules.key(ref("Haier Co., Ltd.", "Organization")) == "organization:haier");
  BOOST_TEST(rules.key(ref("Haier Co Ltd", "Organization")) == "organization:haier");
  BOOST_TEST(rules.key(ref("Renault Inc.", "Organization")) == "organization:renault inc");  // not in this list
  BOOST_TEST(entity_key(ref("Amnesty International", "Organization")) == "organization:amnesty international");
  // The gazetteer id still comes first.
  BOOST_TEST(rules.key(ref("Amnesty International", "Organization", "org:amnesty")) == "org:amnesty");

  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("econkg-test-graph-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream(dir / "suffixes.tsv") << "# comment\nInternational\t*\r\nS.A.\tFR\n\nGmbH\tDE\n";
    std::ofstream(dir / "bad.tsv") << "SA\tFR\n\t*\n";
  }
  const resolution_rules from_file = resolution_rules::from_file((dir / "suffixes.tsv").string());
  BOOST_TEST(from_file.suffix_count() == 3u);
  BOOST_TEST(from_file.key(ref("Amnesty International", "Organization")) == "organization:amnesty");
  try {
    resolution_rules::from_file((dir / "bad.tsv").string());
    BOOST_ERROR("an empty suffix must be refused");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("bad.tsv:2:") != std::string::npos, e.what());
  }
  BOOST_CHECK_THROW(resolution_rules::from_file((dir / "missing.tsv").string()), std::runtime_error);
  fs::remove_all(dir);

  // A graph folds with the rules it is given.
  knowledge_graph kg(rules);
  kg.add(stmt("d1", ref("Amnesty International", "Organization"), "visits", ref("Paris", "Place")));
  kg.add(stmt("d2", ref("Amnesty", "Organization"), "visits", ref("Paris", "Place")));
  BOOST_TEST(kg.entity_count() == 2u);
}

namespace {

// Labels and gazetteer ids, in the order entities were added, of a graph:
// what must not depend on the order of documents.
std::set<std::pair<std::string, std::size_t>> iri_mentions(const knowledge_graph& kg) {
  std::set<std::pair<std::string, std::size_t>> out;
  for (auto [v, end] = boost::vertices(kg.graph()); v != end; ++v)
    out.emplace(kg.graph()[*v].iri, kg.graph()[*v].mentions);
  return out;
}

// A corpus naming the same companies in different spellings across documents,
// with and without gazetteer ids, as the extractor would give it.
std::vector<statement> spelling_corpus() {
  const auto fr = ref("France", "Place", "country:FR");
  return {
      stmt("d1", ref("Microsoft Corporation", "Organization"), "invests_in", fr),
      stmt("d2", ref("Microsoft", "Organization", "org:microsoft"), "invests_in", fr),
      stmt("d3", ref("MICROSOFT CORP.", "Organization"), "creates_jobs", ref("Paris", "Place")),
      stmt("d3", ref("Microsoft France", "Organization", "org:microsoft-france"), "subsidiary_of",
           ref("Microsoft", "Organization", "org:microsoft")),
      stmt("d4", ref("L\u2019Oréal", "Organization"), "opens", ref("usine de Vichy", "Facility")),
      stmt("d5", ref("L'OREAL S.A.", "Organization"), "acquires", ref("Aesop", "Organization")),
      stmt("d5", ref("Groupe L'Oréal", "Organization"), "invests_in", fr),
      stmt("d6", ref("Alphabet Inc.", "Organization"), "funds", ref("Mistral AI", "Organization")),
      stmt("d6", ref("Alphabet", "Organization", "org:alphabet"), "acquires", ref("Wiz", "Organization")),
      stmt("d7", ref("Google", "Organization", "org:google"), "invests_in", fr),
      stmt("d7", ref("Google LLC", "Organization"), "opens", ref("campus de Paris", "Facility")),
      stmt("d8", ref("Mistral AI SAS", "Organization"), "partners_with", ref("Microsoft Corp", "Organization")),
      stmt("d8", ref("Renault Group", "Organization"), "partners_with", ref("Groupe Renault", "Organization")),
  };
}

}  // namespace

BOOST_AUTO_TEST_CASE(one_node_per_company_across_documents) {
  const std::vector<statement> corpus = spelling_corpus();
  knowledge_graph kg;
  for (const statement& s : corpus) kg.add(s);
  kg.analyse();
  const graph_type& g = kg.graph();
  std::map<std::string, const entity*> by_iri;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    BOOST_TEST(by_iri.emplace(g[*v].iri, &g[*v]).second, g[*v].iri);
  }
  const std::string id = "https://w3id.org/econkg/id/";
  // Microsoft: four spellings, gazetteer id or not, one node under the gazetteer IRI.
  BOOST_REQUIRE(by_iri.count(id + "org/microsoft"));
  const entity& ms = *by_iri.at(id + "org/microsoft");
  BOOST_TEST(ms.mentions == 5u);
  BOOST_TEST(ms.aliases == (std::set<std::string>{"MICROSOFT CORP.", "Microsoft", "Microsoft Corp",
                                                  "Microsoft Corporation"}));
  BOOST_TEST(kg.doc_ids(ms.docs) == (std::vector<std::string_view>{"d1", "d2", "d3", "d8"}));
  BOOST_TEST(!by_iri.count(id + "organization/microsoft"));
  // Microsoft France and Alphabet/Google stay apart (different gazetteer ids).
  BOOST_TEST(by_iri.count(id + "org/microsoft-france"));
  BOOST_TEST(by_iri.at(id + "org/alphabet")->aliases ==
             (std::set<std::string>{"Alphabet", "Alphabet Inc."}));
  BOOST_TEST(by_iri.at(id + "org/google")->aliases == (std::set<std::string>{"Google", "Google LLC"}));
  // No gazetteer id anywhere: the folded name is the key.
  BOOST_REQUIRE(by_iri.count(id + "organization/oreal"));
  BOOST_TEST(by_iri.at(id + "organization/oreal")->mentions == 3u);
  BOOST_TEST(by_iri.at(id + "organization/mistral-ai")->mentions == 2u);
  // « Renault Group » partners with « Groupe Renault »: one node, a self-loop.
  BOOST_TEST(by_iri.at(id + "organization/renault")->mentions == 2u);
  // Microsoft, France, Paris, Microsoft France, L'Oréal, usine de Vichy, Aesop,
  // Alphabet, Mistral AI, Wiz, Google, campus de Paris, Renault.
  BOOST_TEST(kg.entity_count() == 13u);
  // Both Microsoft invests_in France statements are one edge.
  const auto [u, v] = kg.ends(0);
  BOOST_TEST((kg.ends(1) == std::make_pair(u, v)));
  BOOST_TEST(g[boost::edge(u, v, g).first].weight == 2u);

  // The same corpus in any document order gives the same nodes and IRIs.
  for (int round = 0; round < 3; ++round) {
    std::vector<statement> shuffled = corpus;
    if (round == 0) std::reverse(shuffled.begin(), shuffled.end());
    if (round == 1) std::rotate(shuffled.begin(), shuffled.begin() + 5, shuffled.end());
    if (round == 2) std::swap(shuffled[0], shuffled[1]);
    knowledge_graph other;
    for (const statement& s : shuffled) other.add(s);
    BOOST_TEST(iri_mentions(other) == iri_mentions(kg), "round " << round);
  }
}

// Every vertex (in order: IRI, label, aliases, mentions, documents) and
// every edge (in order: ends, predicate, weight, documents) of a graph.
std::string graph_dump(const knowledge_graph& kg) {
  std::ostringstream out;
  const graph_type& g = kg.graph();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    out << 'v' << *v << ' ' << g[*v].iri << " | " << g[*v].label << " |";
    for (const auto& a : g[*v].aliases) out << ' ' << a;
    out << " | " << g[*v].mentions << " |";
    for (auto d : kg.doc_ids(g[*v].docs)) out << ' ' << d;
    out << '\n';
  }
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    out << 'e' << boost::source(*e, g) << '-' << g[*e].predicate << '-' << boost::target(*e, g) << ' '
        << g[*e].weight << " |";
    for (auto d : kg.doc_ids(g[*e].docs)) out << ' ' << d;
    out << " |";
    for (auto r : kg.rule_ids(g[*e].rules)) out << ' ' << r;
    out << " |";
    for (const auto& d : g[*e].dates) out << ' ' << d.view();
    out << " | " << g[*e].attrs.amount.value_or(-1) << ' ' << g[*e].attrs.currency.view() << ' '
        << g[*e].confidence << '\n';
  }
  return out.str();
}

// settle_early() between statements (as the CLI does while other threads
// extract) gives the graph a single rebuild at the end gives: on the
// spelling corpus, and on one where a late link comes every few statements
// (so that some early rebuilds are rationed away).
BOOST_AUTO_TEST_CASE(settling_early_gives_the_same_graph) {
  std::vector<std::vector<statement>> corpora = {spelling_corpus(), {}};
  for (int i = 0; i < 60; ++i) {
    const std::string name = "Entreprise " + std::to_string(i);
    corpora[1].push_back(stmt("a" + std::to_string(i), ref(name, "Organization"), "opens",
                              ref("Lyon", "Place")));
    corpora[1].push_back(stmt("b" + std::to_string(i), ref("Banque", "Organization"), "funds",
                              ref(name + " SA", "Organization")));
    corpora[1].push_back(stmt("c" + std::to_string(i), ref(name, "Organization", "org:e" + std::to_string(i)),
                              "invests_in", ref("France", "Place", "country:FR")));
  }
  for (std::size_t c = 0; c < corpora.size(); ++c) {
    const auto& corpus = corpora[c];
    knowledge_graph lazy, early;
    for (const statement& s : corpus) {
      lazy.add(s);
      early.add(s);
      early.settle_early();
    }
    lazy.analyse();
    early.analyse();
    BOOST_TEST(graph_dump(early) == graph_dump(lazy));
    // The late links merged names: « Entreprise 7 » and « Entreprise 7 SA »
    // are org:e7; with Lyon, Banque and France, 63 entities.
    if (c == 1) BOOST_TEST(lazy.entity_count() == 63u);
  }
}

// add() of a batch gives the graph add() one statement at a time gives,
// whatever the batches, links found late within a batch included: on the
// spelling corpus; on one where a name gets its gazetteer id after a
// mention without it, in the same batch or a later one; on one where a
// link is undone (two gazetteer ids for a name); with dates, amounts and
// rules, which the first statement of an edge sets and later ones fill.
BOOST_AUTO_TEST_CASE(batches_give_the_graph_single_adds_give) {
  std::vector<std::vector<statement>> corpora = {spelling_corpus(), {}, {}};
  for (int i = 0; i < 40; ++i) {
    const std::string name = "Entreprise " + std::to_string(i % 13);
    attributes a;
    if (i % 3 == 0) a.amount = 1000 * i;
    if (i % 3 == 0) a.currency = "EUR";
    if (i % 4 != 1) a.date = "2024-0" + std::to_string(1 + i % 9);
    corpora[1].push_back(stmt("a" + std::to_string(i), ref(name, "Organization"), "opens", ref("Lyon", "Place"), a,
                              0.5 + 0.01 * (i % 7), "r/" + std::to_string(i % 5)));
    const std::string kb = "org:e" + std::to_string(i % 13);
    corpora[1].push_back(stmt("b" + std::to_string(i / 2), ref(name + " SA", "Organization", kb), "partners_with",
                              ref("Banque " + std::to_string(i % 5), "Organization")));
    corpora[1].push_back(stmt("b" + std::to_string(i / 2), ref("Banque " + std::to_string(i % 5), "Organization"),
                              "partners_with", ref(name, "Organization"), a));
  }
  corpora[2] = {
      stmt("d1", ref("Total", "Organization"), "opens", ref("Paris", "Place")),
      stmt("d2", ref("Total", "Organization", "org:total-a"), "opens", ref("Paris", "Place")),
      stmt("d2", ref("Total", "Organization"), "funds", ref("Paris", "Place")),
      stmt("d3", ref("Total SA", "Organization", "org:total-b"), "opens", ref("Paris", "Place")),
      stmt("d4", ref("Total", "Organization"), "opens", ref("Lyon", "Place")),
  };
  for (std::size_t c = 0; c < corpora.size(); ++c) {
    const auto& corpus = corpora[c];
    knowledge_graph one_by_one;
    for (const statement& s : corpus) one_by_one.add(s);
    one_by_one.analyse();
    for (std::size_t size : {std::size_t{1}, std::size_t{2}, std::size_t{5}, std::size_t{9}, corpus.size()}) {
      knowledge_graph batched;
      for (std::size_t at = 0; at < corpus.size(); at += size) {
        std::vector<const statement*> batch;
        for (std::size_t i = at; i < std::min(corpus.size(), at + size); ++i) batch.push_back(&corpus[i]);
        batched.add(batch);
      }
      batched.analyse();
      BOOST_TEST(graph_dump(batched) == graph_dump(one_by_one), "corpus " << c << ", batches of " << size);
      BOOST_TEST(batched.resolved_through_links() == one_by_one.resolved_through_links());
      for (std::size_t i = 0; i < corpus.size(); ++i) {
        BOOST_TEST((batched.ends(i) == one_by_one.ends(i)), "statement " << i);
        BOOST_TEST(batched.relinked(i) == one_by_one.relinked(i), "statement " << i);
      }
    }
  }
}

// The entities' mentions and documents are counted from the placed
// statements when the graph is read (knowledge_graph::sync_entities()):
// reading it after every statement or batch, with a document that comes
// back after another, an entity that is both ends of a statement, labels
// that alternate, and a late link that rebuilds the graph, gives the graph
// reading it once at the end gives.
BOOST_AUTO_TEST_CASE(entities_read_between_adds_count_every_end_once) {
  std::vector<statement> corpus = spelling_corpus();
  const auto more = {
      // d2 again, after d3 to d8
      stmt("d2", ref("Microsoft Corporation", "Organization"), "opens", ref("Paris", "Place")),
      stmt("d9", ref("Renault", "Organization"), "partners_with", ref("Renault", "Organization")),  // both ends
      stmt("d9", ref("Microsoft", "Organization"), "funds", ref("Mistral AI", "Organization")),
      stmt("d1", ref("MICROSOFT CORP.", "Organization"), "opens", ref("Lyon", "Place")),  // d1 again
      stmt("d10", ref("Mistral AI", "Organization", "org:mistral"), "opens", ref("Paris", "Place")),  // late link
      stmt("d10", ref("Mistral AI SAS", "Organization"), "funds", ref("Renault", "Organization")),
  };
  corpus.insert(corpus.end(), more.begin(), more.end());
  knowledge_graph once;
  for (const statement& s : corpus) once.add(s);
  const std::string expected = graph_dump(once);
  knowledge_graph read_along;
  for (const statement& s : corpus) {
    read_along.add(s);
    BOOST_TEST(boost::num_vertices(read_along.graph()) > 0u);
  }
  BOOST_TEST(graph_dump(read_along) == expected);
  knowledge_graph batched;
  for (std::size_t at = 0; at < corpus.size(); at += 3) {
    std::vector<const statement*> batch;
    for (std::size_t i = at; i < std::min(corpus.size(), at + 3); ++i) batch.push_back(&corpus[i]);
    batched.add(batch);
    batched.graph();
  }
  BOOST_TEST(graph_dump(batched) == expected);
  // Every end is a mention; the documents are each entity's, ascending.
  std::size_t mentions = 0;
  const graph_type& g = once.graph();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    mentions += g[*v].mentions;
    BOOST_TEST(std::is_sorted(g[*v].docs.begin(), g[*v].docs.end()));
    BOOST_TEST((std::adjacent_find(g[*v].docs.begin(), g[*v].docs.end()) == g[*v].docs.end()));
  }
  BOOST_TEST(mentions == 2 * corpus.size());
  const auto renault = once.ends(corpus.size() - 5).first;
  BOOST_TEST(once.ends(corpus.size() - 5).second == renault);
  BOOST_TEST(g[renault].mentions >= 2u);
}

// An entity named three ways in turn (find_or_add() remembers the last
// labels that were no better than its own) ends with the best label, every
// name among its aliases and every mention counted, in whatever order the
// names come.
BOOST_AUTO_TEST_CASE(an_entity_named_in_turn_keeps_every_name) {
  std::vector<std::string> names = {"Groupe Renault SA", "RENAULT", "Renault", "Renault Group"};
  const std::set<std::string> all(names.begin(), names.end());
  std::string label;
  for (int order = 0; order < 6; ++order) {
    // Each permutation of the names in turn, one mention at a time.
    std::next_permutation(names.begin(), names.end());
    knowledge_graph kg;
    for (int i = 0; i < 30; ++i) {
      const std::string& name = names[i % names.size()];
      kg.add(stmt("d" + std::to_string(i / 4), ref(name, "Organization", "org:renault"), "opens",
                  ref("Douai", "Place")));
    }
    const graph_type& g = kg.graph();
    BOOST_REQUIRE(boost::num_vertices(g) == 2u);
    const entity& e = g[kg.ends(0).first];
    BOOST_TEST(e.mentions == 30u);
    BOOST_TEST((e.aliases == all), "order " << order);
    if (order == 0) label = e.label;
    BOOST_TEST(e.label == label, "order " << order);
    BOOST_TEST(e.docs.size() == 8u);
  }
}

BOOST_AUTO_TEST_CASE(a_name_two_gazetteer_ids_share_stays_apart) {
  knowledge_graph kg;
  kg.add(stmt("d1", ref("Total", "Organization"), "opens", ref("Paris", "Place")));
  kg.add(stmt("d2", ref("Total", "Organization", "org:total-a"), "opens", ref("Paris", "Place")));
  BOOST_TEST(kg.entity_count() == 2u);  // the mention joined org:total-a
  kg.add(stmt("d3", ref("Total SA", "Organization", "org:total-b"), "opens", ref("Paris", "Place")));
  // "total" now names two gazetteer entities: the mention without id is its own node.
  BOOST_TEST(kg.entity_count() == 4u);
  std::set<std::string> keys;
  for (auto [v, end] = boost::vertices(kg.graph()); v != end; ++v) keys.insert(kg.graph()[*v].key);
  BOOST_TEST(keys == (std::set<std::string>{"org:total-a", "org:total-b", "organization:total", "place:paris"}));
  BOOST_TEST(kg.graph()[kg.ends(0).first].key == "organization:total");
  BOOST_TEST(kg.rebuild_count() == 2u);  // d2 linked d1's mention, d3 undid that link
}

// A name found to be shared by two gazetteer ids rebuilds the graph only
// when some end placed so far resolved through its link: otherwise the
// graph is already the one the documents in any order give.
BOOST_AUTO_TEST_CASE(an_unused_link_undone_rebuilds_nothing) {
  const std::vector<statement> corpus = {
      stmt("d1", ref("Porsche", "Organization", "org:porsche"), "opens", ref("Leipzig", "Place")),
      stmt("d2", ref("Volkswagen", "Organization"), "acquires", ref("Bentley", "Organization")),
      stmt("d3", ref("Porsche SE", "Organization", "org:porsche-se"), "invests_in", ref("Volkswagen", "Organization")),
      stmt("d4", ref("Porsche", "Organization"), "opens", ref("Stuttgart", "Place")),
  };
  knowledge_graph kg;
  for (const statement& s : corpus) kg.add(s);
  // d4's mention without id stays its own node, as when d4 comes first.
  BOOST_TEST(kg.graph()[kg.ends(3).first].key == "organization:porsche");
  BOOST_TEST(kg.rebuild_count() == 0u);
  knowledge_graph reordered;
  for (std::size_t i : {3, 0, 1, 2}) reordered.add(corpus[i]);
  BOOST_TEST(iri_mentions(reordered) == iri_mentions(kg));

  // The same with d4 placed before d3: its end resolved through the link
  // that d3 undoes, so the graph is rebuilt.
  knowledge_graph used;
  for (std::size_t i : {0, 1, 3, 2}) used.add(corpus[i]);
  BOOST_TEST(used.graph()[used.ends(2).first].key == "organization:porsche");
  BOOST_TEST(used.rebuild_count() == 1u);
  BOOST_TEST(iri_mentions(used) == iri_mentions(kg));
}

BOOST_AUTO_TEST_CASE(weight_counting) {
  knowledge_graph kg;
  for (const char* doc : {"d1", "d2", "d2", "d3"})
    kg.add(stmt(doc, microsoft, "invests_in", france, {}, 0.5, std::string("r/") + doc));
  kg.add(stmt("d1", microsoft, "opens", france));
  BOOST_TEST(kg.relation_count() == 2u);
  const graph_type& g = kg.graph();
  auto [e, found] = boost::edge(0, 1, g);
  BOOST_REQUIRE(found);
  const relation& r = g[e];
  BOOST_TEST(r.predicate == "invests_in");
  BOOST_TEST(r.weight == 4u);
  BOOST_TEST(kg.doc_ids(r.docs) == (std::vector<std::string_view>{"d1", "d2", "d3"}));
  BOOST_TEST(kg.rule_ids(r.rules) == (std::vector<std::string_view>{"r/d1", "r/d2", "r/d3"}));
  BOOST_TEST(kg.doc_count() == 3u);  // each id kept once
  BOOST_TEST(g[0].mentions == 5u);
}

// analyse() ranks document and rule ids so that doc_ids() and rule_ids()
// sort numbers rather than strings: the order is byte order either way,
// and an id added after analyse() falls back to comparing strings.
BOOST_AUTO_TEST_CASE(ranked_ids_sort_as_strings_do) {
  knowledge_graph kg;
  const std::vector<std::string> docs = {"doc-10", "doc-2", "Doc-3", "doc-1", "doc-10a", "d", "doc-\xc3\xa9", "doc-02"};
  for (const std::string& d : docs) kg.add(stmt(d, microsoft, "invests_in", france, {}, 0.5, "r/" + d));
  const relation& r = kg.graph()[*boost::edges(kg.graph()).first];
  const std::vector<std::string_view> by_strings = kg.doc_ids(r.docs), rules_by_strings = kg.rule_ids(r.rules);
  BOOST_TEST(std::is_sorted(by_strings.begin(), by_strings.end()));
  kg.analyse();
  const relation& ranked = kg.graph()[*boost::edges(kg.graph()).first];
  BOOST_TEST(kg.doc_ids(ranked.docs) == by_strings);
  BOOST_TEST(kg.rule_ids(ranked.rules) == rules_by_strings);
  // A subset, in another order of numbers.
  const std::vector<doc_number> some = {5, 0, 2};
  std::vector<std::string_view> expected = {docs[5], docs[0], docs[2]};
  std::sort(expected.begin(), expected.end());
  BOOST_TEST(kg.doc_ids(some) == expected);
  kg.add(stmt("doc-0", microsoft, "invests_in", france, {}, 0.5, "r/doc-0"));  // not ranked
  const relation& later = kg.graph()[*boost::edges(kg.graph()).first];
  std::vector<std::string_view> all(by_strings.begin(), by_strings.end());
  all.insert(std::lower_bound(all.begin(), all.end(), std::string_view("doc-0")), "doc-0");
  BOOST_TEST(kg.doc_ids(later.docs) == all);
}

// append_doc_ids() and append_rule_ids() join what doc_ids() and
// rule_ids() list, ranked or not, after what `out` holds.
BOOST_AUTO_TEST_CASE(appended_ids_join_the_sorted_ids) {
  auto joined = [](const std::vector<std::string_view>& ids, std::string out) {
    const std::size_t start = out.size();
    for (std::string_view id : ids) out.append(out.size() == start ? "" : " / ").append(id);
    return out;
  };
  knowledge_graph kg;
  const std::vector<std::string> docs = {"doc-10", "doc-2", "Doc-3", "doc-1", "doc-Ã©", "d", "doc-02"};
  for (const std::string& d : docs) kg.add(stmt(d, microsoft, "invests_in", france, {}, 0.5, "r/" + d));
  for (int ranked = 0; ranked < 2; ++ranked) {
    if (ranked) kg.analyse();
    const relation& r = kg.graph()[*boost::edges(kg.graph()).first];
    for (const std::string prefix : {"", "x"}) {
      std::string out = prefix;
      kg.append_doc_ids(out, r.docs, " / ");
      BOOST_TEST(out == joined(kg.doc_ids(r.docs), prefix), "ranked " << ranked);
      out = prefix;
      kg.append_rule_ids(out, r.rules, " / ");
      BOOST_TEST(out == joined(kg.rule_ids(r.rules), prefix), "ranked " << ranked);
    }
    std::string out;
    const std::vector<doc_number> some = {6, 0, 2};
    kg.append_doc_ids(out, some, "|");
    BOOST_TEST(out == "Doc-3|doc-02|doc-10");
  }
}

BOOST_AUTO_TEST_CASE(symmetric_edges_merge) {
  knowledge_graph kg;
  const auto a = ref("Airbus", "Organization"), b = ref("Thales", "Organization");
  kg.add(stmt("d1", b, "partners_with", a));
  kg.add(stmt("d2", a, "partners_with", b));
  kg.add(stmt("d1", a, "acquires", b));
  kg.add(stmt("d2", b, "acquires", a));  // not symmetric: a second edge
  const auto p = ref("Brad Smith", "Person"), q = ref("Emmanuel Macron", "Person");
  kg.add(stmt("d3", q, "meets", p));
  kg.add(stmt("d3", p, "meets", q));
  BOOST_TEST(kg.relation_count() == 4u);
  const graph_type& g = kg.graph();
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const relation& r = g[*e];
    if (r.predicate == "partners_with" || r.predicate == "meets") {
      BOOST_TEST(r.weight == 2u);
      // The endpoint with the smaller key is the source.
      BOOST_TEST(g[boost::source(*e, g)].key < g[boost::target(*e, g)].key);
    } else {
      BOOST_TEST(r.weight == 1u);
    }
  }
}

BOOST_AUTO_TEST_CASE(attributes_merge) {
  knowledge_graph kg;
  attributes first;
  first.amount = 4'000'000'000;
  first.currency = "EUR";
  attributes second;
  second.amount = 5'000'000'000;  // ignored: the first statement's value stays
  second.date = "2024-05-13";
  second.sector = "cloud";
  attributes third;
  third.date = "2024";
  third.jobs = 250;
  kg.add(stmt("d1", microsoft, "invests_in", france, first, 0.6));
  kg.add(stmt("d2", microsoft, "invests_in", france, second, 0.9));
  kg.add(stmt("d3", microsoft, "invests_in", france, third, 0.7));
  const relation& r = kg.graph()[*boost::edges(kg.graph()).first];
  BOOST_TEST(*r.attrs.amount == 4'000'000'000);
  BOOST_TEST(r.attrs.currency == "EUR");
  BOOST_TEST(r.attrs.date == "2024-05-13");
  BOOST_TEST(r.attrs.sector == "cloud");
  BOOST_TEST(*r.attrs.jobs == 250);
  BOOST_TEST(!r.attrs.quantity);
  BOOST_TEST(std::vector<std::string_view>(r.dates.begin(), r.dates.end()) ==
             (std::vector<std::string_view>{"2024", "2024-05-13"}));
  BOOST_TEST(r.confidence == 0.9);
}

namespace {

// A star into one hub, a chain out of it, and a separate pair.
knowledge_graph sample_graph() {
  knowledge_graph kg;
  const auto hub = ref("France", "Place", "country:FR");
  for (const char* name : {"Microsoft", "Amazon", "Google", "Equinix"})
    kg.add(stmt("d1", ref(name, "Organization"), "invests_in", hub));
  kg.add(stmt("d2", ref("Paris", "Place"), "located_in", ref("Île-de-France", "Place")));
  kg.add(stmt("d2", ref("Île-de-France", "Place"), "located_in", hub));
  kg.add(stmt("d3", ref("Airbus", "Organization"), "partners_with", ref("Thales", "Organization")));
  kg.analyse();
  return kg;
}

}  // namespace

BOOST_AUTO_TEST_CASE(degrees) {
  const knowledge_graph kg = sample_graph();
  const graph_type& g = kg.graph();
  BOOST_TEST(g[1].key == "country:FR");
  BOOST_TEST(g[1].in_degree == 5u);
  BOOST_TEST(g[1].out_degree == 0u);
  BOOST_TEST(g[0].out_degree == 1u);
  BOOST_TEST(g[0].in_degree == 0u);
}

BOOST_AUTO_TEST_CASE(pagerank) {
  const knowledge_graph kg = sample_graph();
  const graph_type& g = kg.graph();
  double sum = 0.0;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    BOOST_TEST(g[*v].pagerank > 0.0);
    sum += g[*v].pagerank;
  }
  // Dangling vertices (France, Thales) do not leak rank.
  BOOST_TEST(sum == 1.0, boost::test_tools::tolerance(1e-9));
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    if (*v != 1) BOOST_TEST(g[1].pagerank > g[*v].pagerank);
  // Same input, same numbers, bit for bit.
  const knowledge_graph again = sample_graph();
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    BOOST_TEST(g[*v].pagerank == again.graph()[*v].pagerank);
}

BOOST_AUTO_TEST_CASE(components) {
  const knowledge_graph kg = sample_graph();
  const graph_type& g = kg.graph();
  std::set<std::size_t> ids;
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    ids.insert(g[*v].component);
    const bool pair = g[*v].label == "Airbus" || g[*v].label == "Thales";
    BOOST_TEST(g[*v].component == (pair ? 1u : 0u), g[*v].label);
  }
  BOOST_TEST(ids.size() == 2u);
}

BOOST_AUTO_TEST_CASE(money_and_job_totals) {
  knowledge_graph kg;
  const auto ms = ref("Microsoft", "Organization"), fr = ref("France", "Place", "country:FR");
  const auto startup = ref("Mistral AI", "Organization");
  auto money = [](std::int64_t amount, std::string currency) {
    attributes a;
    a.amount = amount;
    a.currency = std::move(currency);
    return a;
  };
  auto jobs = [](std::int64_t n) {
    attributes a;
    a.jobs = n;
    return a;
  };
  kg.add(stmt("d1", ms, "invests_in", fr, money(4'000'000'000, "EUR")));
  kg.add(stmt("d2", ms, "invests_in", fr, money(5'000'000'000, "EUR")));  // same edge: first amount kept
  kg.add(stmt("d1", ms, "acquires", startup, money(100, "USD")));          // not EUR: not counted
  kg.add(stmt("d3", ms, "funds", startup, money(600'000'000, "EUR")));
  kg.add(stmt("d3", ref("Nvidia", "Organization"), "funds", startup, money(600'000'000, "EUR")));
  kg.add(stmt("d1", ms, "creates_jobs", fr, jobs(250)));
  kg.add(stmt("d4", ms, "opens", ref("campus de Paris", "Facility"), jobs(50)));
  kg.add(stmt("d4", ms, "cuts_jobs", ref("Issy", "Place"), jobs(30)));
  kg.add(stmt("d4", ms, "supplies", fr, jobs(1000)));  // not a job announcement
  kg.analyse();
  const graph_type& g = kg.graph();
  const entity& m = g[kg.ends(0).first];
  BOOST_TEST(m.invested_eur == 4'600'000'000);
  BOOST_TEST(m.received_eur == 0);
  BOOST_TEST(m.jobs_created == 300);
  BOOST_TEST(m.jobs_cut == 30);
  BOOST_TEST(g[kg.ends(0).second].received_eur == 4'000'000'000);
  // One round, two investors, one document: each gives the round, the startup
  // receives it once.
  const entity& s = g[kg.ends(3).second];
  BOOST_TEST(s.received_eur == 600'000'000);
  BOOST_TEST(g[kg.ends(4).first].invested_eur == 600'000'000);
  // A second analysis gives the same totals, not twice them.
  kg.analyse();
  BOOST_TEST(g[kg.ends(0).first].invested_eur == 4'600'000'000);
}

// An amount several givers share counts once for the receiver only when
// they give it in the same documents: the same round reported elsewhere is
// another round.
BOOST_AUTO_TEST_CASE(a_shared_amount_counts_once_per_documents) {
  knowledge_graph kg;
  attributes round;
  round.amount = 50'000'000;
  round.currency = "EUR";
  const auto startup = ref("Pasqal", "Organization");
  kg.add(stmt("d1", ref("Bpifrance", "Organization"), "funds", startup, round));
  kg.add(stmt("d1", ref("Quantonation", "Organization"), "funds", startup, round));
  kg.add(stmt("d2", ref("Temasek", "Organization"), "funds", startup, round));  // other documents
  kg.add(stmt("d2", ref("Bpifrance", "Organization"), "acquires", startup, round));  // other predicate
  kg.analyse();
  BOOST_TEST(kg.graph()[kg.ends(0).second].received_eur == 150'000'000);
}

BOOST_AUTO_TEST_CASE(empty_graph_analyses) {
  knowledge_graph kg;
  kg.analyse();
  BOOST_TEST(kg.entity_count() == 0u);
}

// Statements are kept in chunks (of 2^12): numbers on both sides of a
// chunk's end must give back their own documents, predicates, ends and
// records.
BOOST_AUTO_TEST_CASE(statements_past_a_chunk_keep_their_numbers) {
  knowledge_graph kg;
  const std::size_t n = (std::size_t{1} << 16) + 300;
  const std::vector<std::string> predicates = {"invests_in", "visits", "says"};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string org = "Org " + std::to_string(i % 1000);
    kg.add(stmt("doc" + std::to_string(i / 5), ref(org, "Organization"), predicates[i % 3],
                ref("Place " + std::to_string(i % 7), "Place"), {}, 0.5, "rule/" + std::to_string(i % 11)));
  }
  BOOST_TEST(kg.statement_count() == n);
  const graph_type& g = kg.graph();
  knowledge_graph::statement_reader reader(kg);
  for (std::size_t i : {std::size_t{0}, std::size_t{4095}, std::size_t{4096}, std::size_t{4097}, std::size_t{65535},
                        std::size_t{65536}, std::size_t{65537}, n - 1}) {
    BOOST_TEST(kg.doc_id(kg.doc_of(i)) == "doc" + std::to_string(i / 5));
    BOOST_TEST(kg.predicate_of(i) == predicates[i % 3]);
    const auto [u, v] = kg.ends(i);
    BOOST_TEST(g[u].label == "Org " + std::to_string(i % 1000));
    BOOST_TEST(g[v].label == "Place " + std::to_string(i % 7));
    BOOST_TEST(reader.read(i).rule == "rule/" + std::to_string(i % 11));
  }
  BOOST_CHECK_THROW(kg.ends(n), std::out_of_range);
}

// ---------------------------------------------------------------- statement spool

namespace {

// Every field set, with text a line-based or C-string format would break:
// newlines, CR, tab, NUL, quotes, a byte that is not UTF-8, and an evidence
// sentence of `evidence_bytes` bytes.
statement odd_statement(std::size_t number, std::size_t evidence_bytes = 0) {
  using namespace std::string_literals;
  statement s;
  s.doc = "doc\n" + std::to_string(number);
  s.subject = ref("Air\0bus\r\n« SE »"s, "Organization", "org:airbus", {"AIRBUS", "", "Airbus\tSE"});
  s.predicate = "invests_in";
  s.object = ref("", "Place");
  s.attrs.amount = -9'223'372'036'854'775'807 - 1;
  s.attrs.currency = "EUR";
  s.attrs.jobs = static_cast<std::int64_t>(number);
  s.attrs.quantity = number % 3 == 0 ? std::optional<std::int64_t>() : 9'223'372'036'854'775'807;
  s.attrs.stake = 0.1 + static_cast<double>(number);
  s.attrs.date = "2025-06";
  s.attrs.product = "A320\xff";
  s.attrs.title = "président\n";
  s.attrs.quote = "« Nous \"investissons\" »\n\n";
  s.attrs.round = "Série B";
  s.attrs.sector = "aéronautique";
  s.ev.text = "Ligne 1\nLigne 2\r\n\0fin"s + std::string(evidence_bytes, 'x');
  s.ev.start = 12 + number;
  s.ev.end = std::size_t{1} << 40;
  s.ev.in_title = number % 2 == 1;
  s.confidence = 0.8549999;
  s.rule = "fr/invest/test";
  return s;
}

// `got` is a statement or a statement_view.
template <typename Statement>
void check_same(const Statement& got, const statement& want) {
  BOOST_TEST(got.doc == want.doc);
  for (auto [g, w] : {std::pair{&got.subject, &want.subject}, std::pair{&got.object, &want.object}}) {
    BOOST_TEST(g->label == w->label);
    BOOST_TEST(g->type == w->type);
    BOOST_TEST(std::equal(g->aliases.begin(), g->aliases.end(), w->aliases.begin(), w->aliases.end()));
    BOOST_TEST(g->kb_id == w->kb_id);
  }
  BOOST_TEST(got.predicate == want.predicate);
  const auto& a = got.attrs;
  const attributes& b = want.attrs;
  BOOST_TEST((a.amount == b.amount && a.jobs == b.jobs && a.quantity == b.quantity && a.stake == b.stake));
  for (auto [x, y] : {std::pair{a.currency, std::string_view(b.currency)}, {a.date, b.date}, {a.product, b.product},
                      {a.title, b.title}, {a.quote, b.quote}, {a.round, b.round}, {a.sector, b.sector}})
    BOOST_TEST(x == y);
  BOOST_TEST(got.ev.text == want.ev.text);
  BOOST_TEST(got.ev.start == want.ev.start);
  BOOST_TEST(got.ev.end == want.ev.end);
  BOOST_TEST(got.ev.in_title == want.ev.in_title);
  BOOST_TEST(got.confidence == want.confidence);
  BOOST_TEST(got.rule == want.rule);
}

}  // namespace

BOOST_AUTO_TEST_CASE(spool_gives_back_every_field) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("econkg-test-spool-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    statement_spool spool(dir);
    // The file has no name: nothing is left behind, whatever happens next.
    BOOST_TEST(fs::is_empty(dir));
    // Enough records that the first ones reach the file and the last ones
    // are still buffered, one of them longer than a read block.
    std::vector<statement> written;
    std::vector<std::uint64_t> offsets;
    for (std::size_t i = 0; i < 400; ++i) {
      written.push_back(odd_statement(i, i == 150 ? 3 << 20 : i * 40));
      offsets.push_back(spool.append(written.back()));
    }
    BOOST_TEST(spool.size() > offsets.back());
    statement_spool::reader in_order(spool), backwards(spool);
    statement got;
    for (std::size_t i = 0; i < written.size(); ++i) {
      in_order.read(offsets[i], got);
      check_same(got, written[i]);
    }
    for (std::size_t i = written.size(); i-- > 0;) {
      backwards.read(offsets[i], got);
      check_same(got, written[i]);
    }
    // Read in place, the same fields, from the file and from what is still buffered.
    statement_spool::reader viewer(spool);
    statement_view view;
    for (std::size_t i : {0u, 1u, 150u, 151u, 399u, 3u}) {
      viewer.read(offsets[i], view);
      check_same(view, written[i]);
    }
    // Fields left out are passed over: those after them are read right.
    viewer.read(offsets[7], view, statement_spool::reader::skip_entities | statement_spool::reader::skip_evidence);
    BOOST_TEST(view.doc == written[7].doc);
    BOOST_TEST(view.predicate == written[7].predicate);
    BOOST_TEST((view.attrs.jobs == written[7].attrs.jobs));
    BOOST_TEST(view.attrs.quote == written[7].attrs.quote);
    BOOST_TEST(view.ev.end == written[7].ev.end);
    BOOST_TEST(view.rule == written[7].rule);
    viewer.read(offsets[8], view, statement_spool::reader::skip_aliases);
    BOOST_TEST(view.doc == written[8].doc);
    BOOST_TEST(view.subject.label == written[8].subject.label);
    BOOST_TEST(view.object.type == written[8].object.type);
    BOOST_TEST(view.ev.text == written[8].ev.text);
    // An absent optional reads back absent over a present one.
    statement sparse = stmt("d", microsoft, "opens", france);
    const std::uint64_t at = spool.append(sparse);
    in_order.read(at, got);
    check_same(got, sparse);
    BOOST_TEST(!got.attrs.amount);
    // Records that reach the file after a reader has mapped it are read
    // too (the reader maps the grown file anew), and earlier ones still.
    std::vector<std::uint64_t> later;
    for (std::size_t i = 0; i < 4; ++i) {
      written.push_back(odd_statement(500 + i, 600 << 10));
      later.push_back(spool.append(written.back()));
    }
    for (std::size_t i = 0; i < later.size(); ++i) {
      viewer.read(later[i], view);
      check_same(view, written[400 + i]);
    }
    viewer.read(offsets[151], view);
    check_same(view, written[151]);
  }
  BOOST_TEST(fs::is_empty(dir));
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(derived_data_is_made_once_until_the_graph_changes) {
  knowledge_graph kg;
  kg.add(stmt("d1", microsoft, "opens", france));
  int made = 0;
  auto make = [&] {
    ++made;
    return kg.statement_count();
  };
  const auto first = kg.derived<std::size_t>(make);
  BOOST_TEST(kg.derived<std::size_t>(make).get() == first.get());
  BOOST_TEST(made == 1);
  BOOST_TEST(*first == 1u);
  // Another type is made on its own.
  BOOST_TEST(*kg.derived<int>([] { return 7; }) == 7);
  // A new statement makes it anew; what a reader still holds stays valid.
  kg.add(stmt("d2", microsoft, "opens", france));
  BOOST_TEST(*kg.derived<std::size_t>(make) == 2u);
  BOOST_TEST(made == 2);
  BOOST_TEST(*first == 1u);
  kg.analyse();
  kg.derived<std::size_t>(make);
  BOOST_TEST(made == 3);
}

BOOST_AUTO_TEST_CASE(graph_reads_back_its_statements) {
  knowledge_graph kg;
  std::vector<statement> added;
  for (std::size_t i = 0; i < 5; ++i) added.push_back(odd_statement(i, 10));
  added.push_back(stmt("d9", microsoft, "opens", france));
  // A late gazetteer id rebuilds the graph from the spool.
  added.push_back(stmt("d9", ref("Airbus SE", "Organization", "org:airbus-se"), "opens", france));
  for (const statement& s : added) kg.add(s);
  BOOST_TEST(kg.statement_count() == added.size());
  kg.for_each_statement([&](std::size_t i, const statement_view& s) { check_same(s, added[i]); });
  knowledge_graph::statement_reader reader(kg);
  check_same(reader.read(3), added[3]);
  check_same(reader.read(0), added[0]);
  BOOST_TEST(kg.doc_id(kg.doc_of(2)) == "doc\n2");
  BOOST_TEST(kg.predicate_of(5) == "opens");
  BOOST_TEST(kg.graph()[kg.ends(0).first].docs.size() == 5u);
  BOOST_TEST(kg.graph()[kg.ends(5).first].key == "organization:microsoft");
}

// The graph finds a name's key, a document's number, a predicate's number
// and a gazetteer id's number through its own hash tables rather than
// folding or comparing every string: on many similar names (types and
// labels whose bytes join alike: "Place" + "Lyon" and "PlaceL" + "yon";
// labels of every length up to past two 8-byte words), each end must land
// on the vertex its key (entity_key(), the plain path) names, and each
// statement keep its document and predicate.
BOOST_AUTO_TEST_CASE(hashed_lookups_match_the_plain_keys) {
  std::mt19937 random(20261127);
  std::uniform_int_distribution<int> letter(0, 3), length(0, 19), type(0, 3), kb(0, 9);
  const char letters[] = {'a', 'b', 'A', ' '};
  const std::string types[] = {"Organization", "Place", "PlaceL", "Person"};
  auto end = [&](bool may_have_id) {
    std::string label;
    for (int k = length(random); k > 0; --k) label += letters[letter(random)];
    return ref(label, types[type(random)], may_have_id && kb(random) == 0 ? "kb:" + label : std::string());
  };
  knowledge_graph kg;
  std::vector<statement> added;
  for (int i = 0; i < 3000; ++i) {
    added.push_back(stmt("doc-" + std::to_string(i / 3 % 700) + std::string(i % 5, 'x'), end(false),
                         "p" + std::to_string(i % 23), end(true)));
    kg.add(added.back());
  }
  added.push_back(stmt("d", ref("Lyon", "Place"), "opens", ref("yon", "PlaceL")));
  kg.add(added.back());
  const graph_type& g = kg.graph();
  // An end lands on its gazetteer id, else on its name's key, or on the one
  // gazetteer id ("kb:" and a label) whose label gives the same name key.
  auto lands = [](const entity& v, const entity_ref& e) {
    if (!e.kb_id.empty()) return v.key == e.kb_id;
    return v.key == entity_key(e) ||
           (v.key.starts_with("kb:") && entity_key(ref(v.key.substr(3), e.type)) == entity_key(e));
  };
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < added.size(); ++i) {
    const statement& s = added[i];
    const auto [u, v] = kg.ends(i);
    const bool ok = lands(g[u], s.subject) && lands(g[v], s.object) && kg.doc_id(kg.doc_of(i)) == s.doc &&
                    kg.predicate_of(i) == s.predicate;
    if (!ok && ++mismatches <= 10) BOOST_TEST_MESSAGE("statement " << i << " resolved otherwise");
  }
  BOOST_TEST(mismatches == 0u);
  const auto [lyon, yon] = kg.ends(added.size() - 1);
  BOOST_TEST(lyon != yon);
  BOOST_TEST(g[yon].key == "placel:yon");
}

// resolved_through_links(): true once a mention without gazetteer id has
// joined the gazetteer entity whose label folds to its name; false when
// every end is the vertex of its own key, and again once the link is
// undone (a second gazetteer id for the name).
BOOST_AUTO_TEST_CASE(resolved_through_links_says_whether_a_link_moved_an_end) {
  knowledge_graph plain;
  plain.add(stmt("d1", ref("Total", "Organization", "org:total"), "opens", ref("Paris", "Place")));
  plain.add(stmt("d2", ref("Engie", "Organization"), "opens", ref("France", "Place", "country:FR")));
  BOOST_TEST(!plain.resolved_through_links());
  BOOST_TEST(!knowledge_graph().resolved_through_links());

  knowledge_graph joined;
  joined.add(stmt("d1", ref("Total", "Organization"), "opens", ref("Paris", "Place")));
  BOOST_TEST(!joined.resolved_through_links());
  joined.add(stmt("d2", ref("Total SA", "Organization", "org:total"), "opens", ref("Lyon", "Place")));
  BOOST_TEST(joined.resolved_through_links());  // d1's « Total » is now org:total
  BOOST_TEST(joined.graph()[joined.ends(0).first].key == "org:total");
  joined.add(stmt("d3", ref("Total", "Organization", "org:total-b"), "opens", ref("Lyon", "Place")));
  BOOST_TEST(!joined.resolved_through_links());  // two ids for "total": the mention stays apart
  BOOST_TEST(joined.graph()[joined.ends(0).first].key == "organization:total");
}

// The edge table (open addressing, grown as edges come) finds each
// (subject, predicate, object) again across many growths: thousands of
// edges, each stated twice in different documents, among them
// partners_with in both directions (one edge) and the same pair under
// several predicates (one edge each).
BOOST_AUTO_TEST_CASE(edges_are_found_again_across_table_growth) {
  knowledge_graph kg;
  const std::vector<std::string> predicates = {"invests_in", "acquires", "partners_with"};
  constexpr int companies = 60;
  std::size_t expected = 0;
  for (int round = 0; round < 2; ++round) {
    for (int a = 0; a < companies; ++a)
      for (int b = 0; b < companies; ++b) {
        if (a == b) continue;
        for (const std::string& p : predicates) {
          if (p == "partners_with" && a > b) continue;
          // The second round states partners_with the other way round.
          const bool flip = p == "partners_with" && round == 1;
          const entity_ref x = ref("Firme " + std::to_string(a), "Organization");
          const entity_ref y = ref("Firme " + std::to_string(b), "Organization");
          kg.add(stmt("doc" + std::to_string(round), flip ? y : x, p, flip ? x : y));
          if (round == 0) ++expected;
        }
      }
  }
  BOOST_TEST(kg.relation_count() == expected);
  BOOST_TEST(expected > 8000u);
  const graph_type& g = kg.graph();
  std::size_t twice = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    if (g[*e].weight == 2 && kg.doc_ids(g[*e].docs) == (std::vector<std::string_view>{"doc0", "doc1"})) ++twice;
  BOOST_TEST(twice == expected);
}

// small_vector against std::vector: the same items in the same order,
// whether they fit in place or not, through inserts anywhere, copies and
// assignments (a copy must not share the heap block it came from).
BOOST_AUTO_TEST_CASE(small_vector_is_a_vector) {
  std::uint64_t seed = 42;
  auto next = [&seed] {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(seed >> 33);
  };
  for (std::size_t n : {0u, 1u, 2u, 3u, 5u, 17u, 100u}) {
    small_vector<std::uint32_t, 2> small;
    std::vector<std::uint32_t> plain;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t v = next();
      const std::size_t at = plain.empty() ? 0 : next() % (plain.size() + 1);
      small.insert(small.begin() + at, v);
      plain.insert(plain.begin() + static_cast<std::ptrdiff_t>(at), v);
    }
    BOOST_TEST_CONTEXT("n=" << n) {
      BOOST_TEST(small.size() == n);
      BOOST_TEST(std::vector<std::uint32_t>(small.begin(), small.end()) == plain);
      small_vector<std::uint32_t, 2> copy = small;
      small.push_back(7);
      plain.push_back(7);
      BOOST_TEST(copy.size() == n);
      BOOST_TEST(std::vector<std::uint32_t>(copy.begin(), copy.end()) ==
                 std::vector<std::uint32_t>(plain.begin(), plain.end() - 1));
      copy = small;
      BOOST_TEST(std::vector<std::uint32_t>(copy.begin(), copy.end()) == plain);
      const small_vector<std::uint32_t, 2>& same = copy;
      copy = same;  // assigned itself
      BOOST_TEST(std::vector<std::uint32_t>(copy.begin(), copy.end()) == plain);
      const std::span<const std::uint32_t> view = copy;
      BOOST_TEST(std::vector<std::uint32_t>(view.begin(), view.end()) == plain);
      BOOST_TEST(copy.back() == 7u);
    }
  }
  // text_ref: null and empty both read as "".
  const std::string word = "date", none;
  BOOST_TEST(text_ref().empty());
  BOOST_TEST(text_ref(&none).empty());
  BOOST_TEST(text_ref() == std::string_view());
  BOOST_TEST(text_ref(&word) == "date");
  BOOST_TEST(text_ref(&word).size() == 4u);
  small_vector<text_ref, 1> texts;
  texts.push_back(text_ref(&word));
  texts.insert(texts.begin(), text_ref(&none));
  BOOST_TEST(texts.size() == 2u);
  BOOST_TEST(texts[0].empty());
  BOOST_TEST(texts[1] == "date");
}
