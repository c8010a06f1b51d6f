// The rule language: every malformed rule is refused with file:line and a
// reason; well-formed rules match the units they should.
#define BOOST_TEST_MODULE rules
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/mentions.hpp"
#include "extract/rules.hpp"
#include "extract/values.hpp"

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

// A rule may start with a UTF-8 byte order mark (the first line of a file
// saved with one), and rapidjson reads a rule up to a NUL byte (not past it):
// as when every rule was read with its length.
BOOST_AUTO_TEST_CASE(rule_text_read_as_before) {
  const std::string json = R"({"id":"fr/bom","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"object"}]})";
  BOOST_TEST(econkg::parse_rule("\xEF\xBB\xBF" + json, "x:1", french()).id == "fr/bom");
  BOOST_TEST(econkg::parse_rule(json + std::string(1, '\0') + "]", "x:2", french()).id == "fr/bom");
  try {
    econkg::parse_rule(json + "]", "x:3", french());
    BOOST_FAIL("a rule followed by ] accepted");
  } catch (const std::runtime_error& e) {
    BOOST_TEST(std::string(e.what()).find("not JSON: The document root must not be followed by other values. at offset " +
                                          std::to_string(json.size())) != std::string::npos, e.what());
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

// Every language loads every rule file; a later load of a file's text skips
// the rules of other languages that an earlier load checked already. It
// must give the rules and the errors that a load of its own gives.
BOOST_AUTO_TEST_CASE(rule_files_checked_once) {
  static econkg::segmenter en_seg("en");
  static econkg::lexicon english(ECONKG_LEXICON_DIR, "en", en_seg);
  const fs::path base = fs::temp_directory_path() / "econkg-test-rules-once";
  fs::remove_all(base);
  // The shipped rules in two folders: one loaded in English only, the other
  // in French first.
  for (const char* d : {"alone", "after"}) {
    fs::create_directories(base / d);
    for (const char* f : {"en.jsonl", "fr.jsonl"})
      fs::copy_file(fs::path(ECONKG_LEXICON_DIR) / "rules" / f, base / d / f);
  }
  const auto alone = econkg::load_rules((base / "alone").string(), english);
  econkg::load_rules((base / "after").string(), french());
  const auto after = econkg::load_rules((base / "after").string(), english);
  BOOST_TEST_REQUIRE(alone.size() == after.size());
  BOOST_TEST(alone.size() > 40u);
  for (std::size_t i = 0; i < alone.size(); ++i) {
    const econkg::rule &a = alone[i], &b = after[i];
    BOOST_TEST(a.id == b.id);
    BOOST_TEST(a.where.substr(a.where.rfind('/')) == b.where.substr(b.where.rfind('/')), a.where << " " << b.where);
    BOOST_TEST(a.predicate == b.predicate);
    BOOST_TEST(a.pattern.size() == b.pattern.size(), a.id);
    BOOST_TEST(a.required == b.required, a.id);
    BOOST_TEST(a.anchor == b.anchor, a.id);
  }
  auto error_of = [&](const fs::path& dir, econkg::lexicon& lex) -> std::string {
    try {
      econkg::load_rules(dir.string(), lex);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  };
  // A file changed since it was checked is checked again.
  const std::string bad = R"({"id":"fr/bad","lang":"fr","predicate":"buys","pattern":[{"ent":"Organization","as":"object"}]})";
  std::ofstream(base / "after" / "fr.jsonl", std::ios::app) << bad << "\n";
  std::string what = error_of(base / "after", english);
  BOOST_TEST(what.find("fr.jsonl:") != std::string::npos, what);
  BOOST_TEST(what.find(": rule fr/bad: unknown predicate \"buys\"") != std::string::npos, what);
  // A rule skipped still counts for duplicate ids.
  fs::create_directories(base / "dup");
  const std::string rule = R"({"id":"x/1","lang":"fr","predicate":"acquires","pattern":[{"ent":"Organization","as":"object"}]})";
  std::ofstream(base / "dup" / "b.jsonl") << "# b\n" << rule << "\n";
  BOOST_TEST(error_of(base / "dup", french()) == "");
  std::string en_rule = rule;
  en_rule.replace(en_rule.find("\"fr\""), 4, "\"en\"");
  std::ofstream(base / "dup" / "a.jsonl") << en_rule << "\n";
  what = error_of(base / "dup", english);
  BOOST_TEST(what.find("b.jsonl:2: duplicate rule id x/1") != std::string::npos, what);
  fs::remove_all(base);
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

// Matching reads each element through its element_code (rule::code, one
// cache line): every shipped rule's codes say what its elements say, and
// their word numbers are the elements' in order.
BOOST_AUTO_TEST_CASE(rule_code_mirrors_elements) {
  for (const auto& r : econkg::load_rules(std::string(ECONKG_LEXICON_DIR) + "/rules", french())) {
    BOOST_REQUIRE(r.code.size() == r.pattern.size());
    std::vector<std::uint32_t> ids;
    for (std::size_t i = 0; i < r.pattern.size(); ++i) {
      const econkg::rule_element& e = r.pattern[i];
      const econkg::element_code& c = r.code[i];
      BOOST_TEST(c.word_bits == e.word_bits, r.id);
      BOOST_TEST(c.lemma_bits == e.lemma_bits, r.id);
      BOOST_TEST(c.word_sig == e.word_sig, r.id);
      BOOST_TEST(c.lemma_sig == e.lemma_sig, r.id);
      BOOST_TEST(c.gap_no_sig == e.gap_no_sig, r.id);
      BOOST_TEST(c.pos == e.pos, r.id);
      BOOST_TEST(c.mention_mask == e.mention_mask, r.id);
      BOOST_TEST(c.gap_no_mask == e.gap_no_mask, r.id);
      BOOST_TEST(c.gap == e.gap, r.id);
      BOOST_TEST(c.slot_id == e.slot_id, r.id);
      BOOST_TEST(c.wants_mention == e.wants_mention, r.id);
      BOOST_TEST(c.has_words == e.has_words, r.id);
      BOOST_TEST(c.has_lemmas == e.has_lemmas, r.id);
      BOOST_TEST(c.optional == e.optional, r.id);
      BOOST_TEST(c.is_gap == e.is_gap, r.id);
      BOOST_TEST(c.ids == ids.size(), r.id);
      auto part = [&](std::size_t from, std::size_t n) {
        return std::vector<std::uint32_t>(r.code_ids.begin() + static_cast<std::ptrdiff_t>(from),
                                          r.code_ids.begin() + static_cast<std::ptrdiff_t>(from + n));
      };
      BOOST_TEST((part(c.ids, c.n_word_ids) == e.word_ids), r.id);
      BOOST_TEST((part(c.ids + c.n_word_ids, c.n_lemma_ids) == e.lemma_ids), r.id);
      BOOST_TEST((part(c.ids + c.n_word_ids + c.n_lemma_ids, c.n_gap_no_ids) == e.gap_no_ids), r.id);
      for (const auto* v : {&e.word_ids, &e.lemma_ids, &e.gap_no_ids}) ids.insert(ids.end(), v->begin(), v->end());
    }
    BOOST_TEST((ids == r.code_ids), r.id);
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

// The captured slots keep the order they were first set in; undoing one
// (as the matcher does when it backtracks) keeps the others' order.
BOOST_AUTO_TEST_CASE(slot_map_keeps_order) {
  econkg::slot_map m;
  m.set("subject", 0);
  m.set("quantity", 3);
  m.set("object", 5);
  m.set("quantity", 4);  // set again: same place, new unit
  m.erase("subject");
  m.set("product", 6);
  std::vector<std::pair<std::string, std::size_t>> got;
  for (const auto& [name, unit] : m) got.emplace_back(std::string(name), unit);
  const std::vector<std::pair<std::string, std::size_t>> want = {{"quantity", 4}, {"object", 5}, {"product", 6}};
  BOOST_TEST((got == want));
  BOOST_TEST((m.find("subject") == m.end()));
  BOOST_REQUIRE((m.find("object") != m.end()));
  BOOST_TEST(m.find("object")->second == 5u);
}

namespace {

// A hand-made analysis of one segment: each item is a word (a token unit) or,
// starting with '[', an entity mention "[Label|Type|strength|reference]".
struct made_analysis {
  econkg::analysis a;
  explicit made_analysis(const std::vector<std::string>& items, bool parenthetical_entities = false) {
    econkg::segment_units s;
    for (const auto& item : items) {
      econkg::token t;
      const std::size_t k = a.seg.tokens.size();
      econkg::unit u;
      u.tok_begin = k;
      u.tok_end = k + 1;
      if (item[0] == '{') {
        // « {money} », « {percent} », « {date} », « {quantity} »: a value
        // mention of that kind; « {title} », « {quote} »: a title, a quotation.
        const std::string kind = item.substr(1, item.size() - 2);
        econkg::mention m;
        m.tok_begin = k;
        m.tok_end = k + 1;
        if (kind == "title" || kind == "quote") {
          m.kind = kind == "title" ? econkg::mention_kind::title : econkg::mention_kind::quote;
          m.text = kind;
        } else {
          econkg::value_mention v;
          v.kind = kind == "money" ? econkg::value_kind::money
                   : kind == "percent" ? econkg::value_kind::percent
                   : kind == "date" ? econkg::value_kind::date
                                    : econkg::value_kind::quantity;
          m.kind = econkg::mention_kind::value;
          m.value = a.values.size();
          a.values.push_back(v);
        }
        u.mention = a.mentions.size();
        a.mentions.push_back(m);
        t.lower = kind;
      } else if (item[0] == '[') {
        std::vector<std::string> f;
        std::string cur;
        for (char c : item.substr(1, item.size() - 2)) {
          if (c == '|') {
            f.push_back(cur);
            cur.clear();
          } else {
            cur += c;
          }
        }
        f.push_back(cur);
        econkg::doc_entity e;
        e.label = f[0];
        e.type = f[1];
        e.strength = std::stoi(f[2]);
        econkg::mention m;
        m.tok_begin = k;
        m.tok_end = k + 1;
        m.entity = a.entities.size();
        m.reference = f[3] == "1";
        a.entities.push_back(e);
        u.mention = a.mentions.size();
        u.parenthetical = parenthetical_entities;
        a.mentions.push_back(m);
        t.lower = f[0];
      } else {
        t.lower = item;
        t.word = t.lemma_word = french().word(item);
        t.lists = t.lemma_lists = french().lists_of(t.word);
      }
      a.seg.tokens.push_back(t);
      s.units.push_back(u);
    }
    a.segments.push_back(s);
  }
};

econkg::rule rule_of(const char* pattern) {
  return econkg::parse_rule(std::string(R"({"id":"fr/test","lang":"fr","predicate":"acquires","pattern":)") + pattern + "}",
                            "x:1", french());
}

}  // namespace

// Slots are numbers in the matcher and names for readers: both agree, and a
// name outside the rule language is refused.
BOOST_AUTO_TEST_CASE(slot_numbers_and_names_agree) {
  for (std::size_t i = 0; i < econkg::slot_names.size(); ++i)
    BOOST_TEST(econkg::slot_number(econkg::slot_names[i]) == i);
  BOOST_CHECK_THROW(econkg::slot_number("buyer"), std::logic_error);
  econkg::slot_map m;
  m.set(econkg::slot_object, 2);
  m.set("amount", 3);
  BOOST_TEST(m.find("object").unit() == 2u);
  BOOST_TEST(m.find(econkg::slot_amount)->second == 3u);
  BOOST_TEST(m.find(econkg::slot_amount)->first == "amount");
  BOOST_TEST((m.find(econkg::slot_subject) == m.end()));
  m.erase(econkg::slot_object);
  BOOST_TEST(m.size() == 1u);
  BOOST_TEST(m.begin().id() == econkg::slot_amount);
}

// An optional element, a gap and a required word after it: the matcher's
// loop over required elements and its branches capture the same slots.
BOOST_AUTO_TEST_CASE(match_rule_optional_and_gap) {
  auto r = rule_of(R"([{"ent":"Organization","as":"subject"},{"opt":true,"w":"a"},{"gap":2},{"w":"rachète"},{"ent":"Organization","as":"object"}])");
  made_analysis with({"[Nexter|Organization|2|0]", "a", "rachète", "[Arquus|Organization|2|0]"});
  auto matches = econkg::match_rule(r, with.a, with.a.segments[0]);
  BOOST_REQUIRE(matches.size() == 1u);
  BOOST_TEST(matches[0].last == 3u);
  BOOST_TEST(matches[0].slots.size() == 2u);
  BOOST_TEST(matches[0].slots.find("object")->second == 3u);
  made_analysis without({"[Nexter|Organization|2|0]", "rachète", "[Arquus|Organization|2|0]", "[Renault|Organization|2|0]"});
  matches = econkg::match_rule(r, without.a, without.a.segments[0]);
  BOOST_REQUIRE(matches.size() == 1u);
  BOOST_TEST(matches[0].first == 0u);
  BOOST_TEST(matches[0].slots.find("object")->second == 2u);
  // Each start unit that begins a match makes one, with its own slots.
  made_analysis two({"[Renault|Organization|2|0]", "[Nexter|Organization|2|0]", "rachète", "[Arquus|Organization|2|0]"});
  matches = econkg::match_rule(r, two.a, two.a.segments[0]);
  BOOST_REQUIRE(matches.size() == 2u);
  BOOST_TEST(matches[1].first == 1u);
  BOOST_TEST(matches[1].slots.find("subject")->second == 1u);
}

BOOST_AUTO_TEST_CASE(match_rule_captures_slots_across_a_gap) {
  auto r = rule_of(R"([{"ent":"Organization","as":"subject"},{"gap":3},{"w":"rachète"},{"ent":"Organization","as":"object"}])");
  made_analysis m({"[Nexter|Organization|2|0]", "a", "finalement", "rachète", "[Arquus|Organization|2|0]", "."});
  auto matches = econkg::match_rule(r, m.a, m.a.segments[0]);
  BOOST_REQUIRE(matches.size() == 1u);
  BOOST_TEST(matches[0].first == 0u);
  BOOST_TEST(matches[0].last == 4u);
  BOOST_REQUIRE((matches[0].slots.find("subject") != matches[0].slots.end()));
  BOOST_TEST(matches[0].slots.find("subject")->second == 0u);
  BOOST_TEST(matches[0].slots.find("object")->second == 4u);
  // A gap too short for the words between finds nothing.
  auto tight = rule_of(R"([{"ent":"Organization","as":"subject"},{"gap":1},{"w":"rachète"},{"ent":"Organization","as":"object"}])");
  BOOST_TEST(econkg::match_rule(tight, m.a, m.a.segments[0]).empty());
}

// A name typed by default, of two words or more and not a reference, may be
// a person: an element that wants a person takes it, and so does "Any".
BOOST_AUTO_TEST_CASE(match_rule_person_fallback) {
  auto r = rule_of(R"([{"w":"nommé"},{"ent":"Person","as":"object"}])");
  made_analysis named({"nommé", "[Geert Van Poelvoorde|Organization|0|0]"});
  BOOST_TEST(econkg::match_rule(r, named.a, named.a.segments[0]).size() == 1u);
  for (const auto& items : std::vector<std::vector<std::string>>{
           {"nommé", "[Poelvoorde|Organization|0|0]"},            // one word
           {"nommé", "[Geert Van Poelvoorde|Organization|2|0]"},  // typed by a lexicon or a cue
           {"nommé", "[Geert Van Poelvoorde|Organization|0|1]"}}) {  // a reference
    made_analysis m(items);
    BOOST_TEST(econkg::match_rule(r, m.a, m.a.segments[0]).empty(), items[1]);
  }
  auto any = rule_of(R"([{"w":"nommé"},{"ent":"Any","as":"object"}])");
  made_analysis m({"nommé", "[Paris|Place|2|0]"});
  BOOST_TEST(econkg::match_rule(any, m.a, m.a.segments[0]).size() == 1u);
}

// A gap with "no": [types] does not skip an entity of those types, unless
// the entity is set off by commas.
BOOST_AUTO_TEST_CASE(gap_refuses_listed_types) {
  auto r = rule_of(R"([{"ent":"Organization","as":"subject"},{"gap":3,"no":["Person"]},{"w":"rachète"},{"ent":"Organization","as":"object"}])");
  const std::vector<std::string> items = {"[Nexter|Organization|2|0]", "[Jean Dupont|Person|2|0]", "rachète",
                                          "[Arquus|Organization|2|0]"};
  made_analysis plain(items);
  BOOST_TEST(econkg::match_rule(r, plain.a, plain.a.segments[0]).empty());
  made_analysis aside(items, true);
  aside.a.segments[0].units[0].parenthetical = false;
  aside.a.segments[0].units[3].parenthetical = false;
  BOOST_TEST(econkg::match_rule(r, aside.a, aside.a.segments[0]).size() == 1u);
}

// The rule index only spares work: every rule that matches in a segment of
// the sample texts is among its candidates, which come in rule order.
BOOST_DATA_TEST_CASE(candidates_hold_every_matching_rule,
                     bdata::make(std::vector<std::string>{"agrinova-leve-20-millions.fr.txt", "altenor-rachete-veloria.fr.txt",
                                                          "batterix-usine-ardennes.fr.txt", "microsoft-choose-france.fr.txt",
                                                          "helix-acquires-brightline.en.txt", "northwind-ohio-plant.en.txt"}),
                     file) {
  const std::string lang = file.find(".en.") != std::string::npos ? "en" : "fr";
  econkg::segmenter seg(lang);
  econkg::lexicon lex(ECONKG_LEXICON_DIR, lang, seg);
  econkg::value_scanner values(ECONKG_LEXICON_DIR);
  econkg::mention_finder finder(lex, values);
  const auto rules = econkg::load_rules(std::string(ECONKG_LEXICON_DIR) + "/rules", lex);
  const econkg::rule_index index(rules, lex);
  std::ifstream in(std::string(ECONKG_SOURCE_DIR) + "/samples/" + file);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  BOOST_REQUIRE(!text.empty());
  econkg::document doc;
  econkg::analysis a;
  a.doc = &doc;
  a.text = text;
  a.seg = seg.segment(text);
  lex.analyse(text, a.seg.tokens);
  finder.find(a);
  const econkg::mention_facts facts(a);
  std::size_t matched = 0, spared = 0;
  std::vector<std::size_t> candidates;
  std::vector<econkg::rule_match> matches;
  for (const auto& s : a.segments) {
    index.candidates(a, facts, s, candidates);
    BOOST_TEST(std::is_sorted(candidates.begin(), candidates.end()));
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (!rules[i].builtin.empty()) continue;
      econkg::match_rule(rules[i], a, facts, s, matches);
      const bool listed = std::binary_search(candidates.begin(), candidates.end(), i);
      if (!matches.empty()) {
        ++matched;
        BOOST_TEST(listed, rules[i].id << " matches but is no candidate");
      }
      spared += !listed;
    }
  }
  BOOST_TEST(matched > 0u);
  BOOST_TEST(spared > 0u);
}

// The index and the matcher only spare work: a rule that can match is a
// candidate, and match_rule finds the same matches as when every start is
// tried (no anchor bound). The patterns have their rare words optional (an
// index keyed on « avoir » would miss the first), alternatives of a common
// and a rare word, a list, a lemma, mentions at a distance from the start
// after words, an optional element before a mention, the same mention
// twice; the texts are drawn at random from the words and mentions they name.
BOOST_AUTO_TEST_CASE(index_and_starts_spare_no_match) {
  const char* patterns[] = {
      R"([{"w":["à","au"]},{"ent":"Place","as":"object"},{"w":","},{"opt":true,"lemma":"avoir"},{"ent":"Organization","as":"subject"}])",
      R"([{"ent":"Organization","as":"subject"},{"opt":true,"w":"siège"},{"w":["de","social"]},{"ent":"Place","as":"object"}])",
      R"([{"w":"de"},{"w":[",","mondial"]},{"ent":["Place","Facility"],"as":"object"},{"gap":2},{"lemma":"@cut"}])",
      R"([{"opt":true,"w":"le"},{"ent":"Organization","as":"object"},{"w":"et"},{"ent":"Person","as":"subject"}])",
      R"([{"w":"de"},{"opt":true,"w":"la"},{"ent":"Organization","as":"object"},{"opt":true,"w":","},{"ent":"Any","as":"subject"}])",
      R"([{"lemma":["avoir","supprimer"]},{"w":"de"},{"ent":"Organization","as":"object"}])",
      R"([{"w":"@cut"},{"ent":"Place"},{"ent":"Organization","as":"object"},{"gap":3,"no":["Person"]},{"w":"siège"}])",
      R"([{"ent":"Person","as":"subject"},{"w":","},{"ent":"Organization","as":"object"},{"opt":true,"w":"mondial"}])",
      // The same mention wanted twice or more: as many mention units.
      R"([{"ent":"Place","as":"subject"},{"w":","},{"ent":"Place","as":"object"}])",
      R"([{"ent":"Organization","as":"subject"},{"gap":2},{"ent":"Organization","as":"object"},{"opt":true,"ent":"Organization"}])",
      R"([{"ent":"Person","as":"subject"},{"ent":"Person","as":"object"},{"ent":"Any"}])",
      // Values, titles and quotations wanted (the other half of the needs).
      R"([{"ent":"Organization","as":"subject"},{"gap":3},{"val":"money","as":"amount"},{"w":"de"},{"ent":"Place","as":"object"}])",
      R"([{"title":true,"as":"title"},{"w":"de"},{"ent":"Organization","as":"object"},{"opt":true,"val":"date"},{"ent":"Person","as":"subject"}])",
      R"([{"quote":true,"as":"object"},{"gap":2},{"ent":"Any","as":"subject"},{"val":"percent"}])",
  };
  std::vector<econkg::rule> rules;
  for (const char* p : patterns) rules.push_back(rule_of(p));
  const econkg::rule_index index(rules, french());
  const std::vector<std::string> pool = {"à", "au", ",", "avoir", "a", "de", "la", "le", "et", "siège", "social",
                                         "mondial", "supprimer", "supprime", "[Paris|Place|2|0]",
                                         "[Nexter|Organization|2|0]", "[Jean Dupont|Person|2|0]",
                                         "[Geert Van Poelvoorde|Organization|0|0]", "[Usine|Facility|2|0]",
                                         "{money}", "{percent}", "{date}", "{quantity}", "{title}", "{quote}"};
  std::mt19937 rng(7);
  std::size_t matched = 0;
  std::vector<std::size_t> candidates;
  std::vector<econkg::rule_match> got, want;
  for (int n = 0; n < 20000; ++n) {
    std::vector<std::string> items(1 + rng() % 12);
    for (auto& item : items) item = pool[rng() % pool.size()];
    made_analysis m(items);
    const econkg::mention_facts facts(m.a);
    const auto& s = m.a.segments[0];
    index.candidates(m.a, facts, s, candidates);
    for (std::size_t i = 0; i < rules.size(); ++i) {
      econkg::match_rule(rules[i], m.a, facts, s, got);
      // Every start tried: no anchor to bound where a match may start.
      econkg::rule every = rules[i];
      every.anchor = SIZE_MAX;
      econkg::match_rule(every, m.a, facts, s, want);
      BOOST_REQUIRE(got.size() == want.size());
      for (std::size_t k = 0; k < got.size(); ++k) {
        BOOST_TEST(got[k].first == want[k].first);
        BOOST_TEST(got[k].last == want[k].last);
        std::vector<std::pair<std::string_view, std::size_t>> g, w;
        for (const auto& x : got[k].slots) g.push_back(x);
        for (const auto& x : want[k].slots) w.push_back(x);
        BOOST_TEST((g == w));
      }
      if (!want.empty()) {
        ++matched;
        BOOST_TEST(std::binary_search(candidates.begin(), candidates.end(), i), rules[i].id << " " << patterns[i]);
      }
    }
  }
  BOOST_TEST(matched > 200u);
}

// The index spares a rule whose required mention elements find no mention of
// their kind, and keeps it where they do: entity types, value kinds, titles
// and quotations are looked up in two tables (rule_index::unmet_types_ and
// unmet_others_), checked here against what each segment offers.
BOOST_AUTO_TEST_CASE(candidates_follow_mention_needs) {
  const char* patterns[] = {
      R"([{"ent":"Organization","as":"subject"},{"val":"money","as":"amount"},{"ent":"Place","as":"object"}])",
      R"([{"title":true,"as":"title"},{"ent":["Organization","Facility"],"as":"object"}])",
      R"([{"quote":true,"as":"object"},{"ent":"Any","as":"subject"}])",
      R"([{"val":"percent"},{"ent":"Person","as":"object"}])",
      R"([{"opt":true,"val":"date"},{"ent":"Place","as":"object"}])",
  };
  std::vector<econkg::rule> rules;
  for (const char* p : patterns) rules.push_back(rule_of(p));
  const econkg::rule_index index(rules, french());
  struct want {
    std::vector<std::string> items;
    std::vector<std::size_t> candidates;
  };
  const std::vector<want> cases = {
      {{"[Nexter|Organization|2|0]", "{money}", "[Paris|Place|2|0]"}, {0, 4}},
      {{"[Nexter|Organization|2|0]", "{percent}", "[Paris|Place|2|0]"}, {4}},
      {{"{money}", "[Nexter|Organization|2|0]", "[Paris|Place|2|0]"}, {4}},  // out of order
      {{"{title}", "[Usine|Facility|2|0]"}, {1}},
      {{"{title}", "[Paris|Place|2|0]"}, {4}},
      {{"{quote}", "[Paris|Place|2|0]"}, {2, 4}},
      {{"{quote}", "de"}, {}},
      {{"{percent}", "[Jean Dupont|Person|2|0]"}, {3}},
      {{"{percent}", "[Geert Van Poelvoorde|Organization|0|0]"}, {3}},  // may be a person
      {{"{percent}", "[Geert|Organization|0|0]"}, {}},
      {{"{date}", "de"}, {}},
  };
  std::vector<std::size_t> got;
  for (const auto& c : cases) {
    made_analysis m(c.items);
    const econkg::mention_facts facts(m.a);
    index.candidates(m.a, facts, m.a.segments[0], got);
    BOOST_TEST(got == c.candidates, c.items.front() << " " << c.items.back());
  }
}

// mention_facts::is_value (what the statement builder's value_in reads
// instead of the mention) tells a value of each kind from every other mention.
BOOST_AUTO_TEST_CASE(mention_facts_is_value_agrees_with_mentions) {
  made_analysis m({"{money}", "{percent}", "{date}", "{quantity}", "{title}", "{quote}", "[Paris|Place|2|0]",
                   "[Geert Van Poelvoorde|Organization|0|0]", "de"});
  const econkg::mention_facts facts(m.a);
  const econkg::value_kind kinds[] = {econkg::value_kind::money, econkg::value_kind::quantity,
                                      econkg::value_kind::percent, econkg::value_kind::date};
  for (std::size_t i = 0; i < m.a.mentions.size(); ++i)
    for (econkg::value_kind k : kinds) {
      const econkg::mention& x = m.a.mentions[i];
      const bool want = x.kind == econkg::mention_kind::value && m.a.values[x.value].kind == k;
      BOOST_TEST(facts.is_value(i, k) == want, i << " " << static_cast<int>(k));
    }
}

// mention_facts' entity type bits: one per ontology type, told apart by
// length and then compared byte for byte, and other_type for any other name
// (one of the same length, a prefix, another case).
BOOST_AUTO_TEST_CASE(mention_facts_entity_types) {
  const std::vector<std::pair<std::string, std::uint16_t>> types = {
      {"Organization", 1u << 0}, {"Person", 1u << 1},  {"Place", 1u << 2},     {"Facility", 1u << 3},
      {"Event", 1u << 4},        {"Product", 1u << 5}, {"Quotation", 1u << 6}, {"Organisation", 1u << 7},
      {"Persons", 1u << 7},      {"Plane", 1u << 7},   {"Evens", 1u << 7},     {"place", 1u << 7},
      {"Facilitx", 1u << 7},     {"Products", 1u << 7}, {"QuotatioN", 1u << 7}, {"", 1u << 7}, {"Plac", 1u << 7}};
  std::vector<std::string> items;
  for (const auto& [type, bit] : types) items.push_back("[X Y|" + type + "|2|0]");
  made_analysis m(items);
  const econkg::mention_facts facts(m.a);
  BOOST_TEST(econkg::mention_facts::other_type == (1u << 7));
  for (std::size_t i = 0; i < types.size(); ++i)
    BOOST_TEST(facts.entity_type(i) == types[i].second, types[i].first);
}

// Words with the same atoms share an entry of the index's word table, of
// which a byte numbers 256: past them, the words left share the last entry,
// with all their atoms. Rules of words whose atoms differ from word to word
// (three conditions each, on overlapping words) overflow the table: every
// rule whose words a segment holds is still a candidate.
BOOST_AUTO_TEST_CASE(index_words_past_the_entry_table) {
  const std::size_t n = 400;
  auto word = [](std::size_t i) { return "motindex" + std::to_string(i); };
  std::vector<econkg::rule> rules;
  for (std::size_t i = 0; i < n; ++i) {
    const std::string p = R"([{"w":")" + word(i) + R"("},{"w":[")" + word(i) + R"(",")" + word(i + 1) +
                          R"("]},{"lemma":[")" + word(i + 2) + R"(",")" + word(i) + R"("]},{"ent":"Organization","as":"object"}])";
    rules.push_back(rule_of(p.c_str()));
  }
  const econkg::rule_index index(rules, french());
  std::vector<std::size_t> candidates;
  std::vector<econkg::rule_match> matches;
  for (std::size_t i = 0; i < n; ++i) {
    made_analysis m({word(i), word(i), word(i), "[Nexter|Organization|2|0]"});
    const econkg::mention_facts facts(m.a);
    econkg::match_rule(rules[i], m.a, facts, m.a.segments[0], matches);
    BOOST_REQUIRE(matches.size() == 1u);
    index.candidates(m.a, facts, m.a.segments[0], candidates);
    BOOST_TEST(std::binary_search(candidates.begin(), candidates.end(), i), i);
  }
}
