// The rule language: every malformed rule is refused with file:line and a
// reason; well-formed rules match the units they should.
#define BOOST_TEST_MODULE rules
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "extract/lexicon.hpp"
#include "extract/rules.hpp"

namespace bdata = boost::unit_test::data;
namespace fs = std::filesystem;

namespace {

econkg::lexicon& french() {
  static econkg::segmenter seg("fr");
  static econkg::lexicon lex(ECONKG_LEXICON_DIR, "fr", seg);
  return lex;
}

struct bad_rule {
  const char* json;
  const char* error;  // a part of the message
};
std::ostream& operator<<(std::ostream& os, const bad_rule& c) { return os << c.json; }

const bad_rule bad_rules[] = {
    {R"({"lang":"fr","predicate":"invests_in","pattern":[{"ent":"Organization","as":"object"}]})", "without an \"id\""},
    {R"({"id":"x","predicate":"invests_in","pattern":[{"ent":"Organization","as":"object"}]})", "without a \"lang\""},
    {R"({"id":"x","lang":"fr","predicate":"buys","pattern":[{"ent":"Organization","as":"object"}]})", "unknown predicate \"buys\""},
    {R"({"id":"x","lang":"fr","predicate":"acquires"})", "without a \"pattern\""},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"ent":"Company","as":"object"}]})", "unknown entity type \"Company\""},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"buyer"}]})", "must name a slot"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"subject"}]})", "must capture an object"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"gap":3},{"ent":"Organization","as":"object"}]})", "cannot start or end with a gap"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"object"},{"gap":99},{"w":"x"}]})", "from 0 to 40"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"lemma":"@nosuchlist"},{"ent":"Organization","as":"object"}]})", "unknown word list '@nosuchlist'"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"colour":"red"},{"ent":"Organization","as":"object"}]})", "unknown element key \"colour\""},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"opt":true},{"ent":"Organization","as":"object"}]})", "with no condition"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","confidence":2,"pattern":[{"ent":"Organization","as":"object"}]})", "\"confidence\" must be"},
    {R"({"id":"x","lang":"fr","predicate":"says","builtin":"magic"})", "unknown builtin"},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"object"}],"extra":1})", "unknown rule key \"extra\""},
    {R"({"id":"x","lang":"fr","predicate":"acquires","pattern":[{"val":"euros","as":"amount"},{"ent":"Organization","as":"object"}]})", "unknown value kind"},
    {R"({"id":"x", "lang": "fr", "predicate": )", "not JSON"},
};

}  // namespace

BOOST_DATA_TEST_CASE(bad_rules_are_refused, bdata::make(bad_rules), c) {
  try {
    econkg::parse_rule(c.json, "rules.jsonl:7", french());
    BOOST_FAIL("accepted: " << c.json);
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    BOOST_TEST(what.rfind("rules.jsonl:7: ", 0) == 0, what);
    BOOST_TEST(what.find(c.error) != std::string::npos, what);
  }
}

BOOST_AUTO_TEST_CASE(good_rule_parses) {
  auto r = econkg::parse_rule(
      R"({"id":"fr/t","lang":"fr","predicate":"acquires","confidence":0.6,"date":"document","pattern":[{"ent":"Organization","as":"subject"},{"gap":4,"no":["Person"]},{"lemma":"@acquire"},{"ent":"Organization","as":"object"}]})",
      "x:1", french());
  BOOST_TEST(r.id == "fr/t");
  BOOST_TEST(r.confidence == 0.6);
  BOOST_TEST(r.date_from_document);
  BOOST_REQUIRE(r.pattern.size() == 4u);
  BOOST_TEST(r.pattern[1].is_gap);
  BOOST_TEST(r.pattern[1].gap == 4u);
  BOOST_TEST(r.pattern[2].lemma_lists.size() == 1u);
}

BOOST_AUTO_TEST_CASE(rule_files_name_file_and_line) {
  fs::path dir = fs::temp_directory_path() / "econkg-test-rules";
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "a.jsonl");
    out << "# comment\n\n"
        << R"({"id":"fr/a","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"object"}]})" << "\n"
        << R"({"id":"fr/a","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"object"}]})" << "\n";
  }
  try {
    econkg::load_rules(dir.string(), french());
    BOOST_FAIL("duplicate id accepted");
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    BOOST_TEST(what.find("a.jsonl:4: duplicate rule id fr/a") != std::string::npos, what);
  }
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(shipped_rules_load) {
  auto fr = econkg::load_rules(std::string(ECONKG_LEXICON_DIR) + "/rules", french());
  BOOST_TEST(fr.size() > 40u);
  // Every predicate of SPEC §2 has at least one French rule.
  for (const auto& p : econkg::known_predicates()) {
    bool found = false;
    for (const auto& r : fr) found = found || r.predicate == p;
    BOOST_TEST(found, "no French rule for " << p);
  }
}

// Rules add their words to the vocabulary while loading; once text has been
// analysed, the morphology cache holds word numbers that would miss a new
// word, so a late one is refused (a word already known is fine).
BOOST_AUTO_TEST_CASE(words_cannot_be_added_after_analysis) {
  econkg::segmenter seg("fr");
  econkg::lexicon lex(ECONKG_LEXICON_DIR, "fr", seg);
  BOOST_TEST(lex.add_word("zorglubise") > 0u);  // before any text: accepted
  const std::string text = "Nexter investit à Roanne.";
  auto tokens = seg.segment(text).tokens;
  lex.analyse(text, tokens);
  BOOST_TEST(lex.add_word("zorglubise") == lex.word("zorglubise"));
  BOOST_CHECK_THROW(lex.add_word("blorpification"), std::logic_error);
}
