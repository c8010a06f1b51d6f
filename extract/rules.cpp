#include "extract/rules.hpp"

#include "extract/tsv.hpp"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <stdexcept>
#include <tuple>

namespace econkg {

namespace fs = std::filesystem;

const std::vector<std::string>& known_predicates() {
  static const std::vector<std::string> p = {
      "invests_in", "acquires", "partners_with", "funds",        "opens",        "creates_jobs",
      "cuts_jobs",  "supplies", "trains",        "holds_role",   "visits",       "meets",
      "says",       "organizes", "founded",      "participates_in", "located_in", "subsidiary_of"};
  return p;
}

namespace {

// The entity types an element may name ("Any" besides), in type_bit order.
constexpr std::string_view ontology_types[] = {"Organization", "Person", "Place", "Facility",
                                               "Event", "Product", "Quotation"};
static_assert(ontology_types[0] == "Organization", "mention_facts::organization_type is bit 0");
bool known_entity_type(std::string_view t) {
  return t == "Any" || std::find(std::begin(ontology_types), std::end(ontology_types), t) != std::end(ontology_types);
}

// The value kinds a "val" element names, in value_kind order.
constexpr std::string_view value_kind_names[] = {"money", "quantity", "percent", "date"};

// One bit per ontology type (and one for any other type): what entity
// elements ask for and what a segment's mentions offer.
// The bit of ontology type number I for a type name of its length N, if it
// is that name: a compare of N bytes the compiler writes inline.
template <std::size_t I, std::size_t N>
std::uint16_t type_bit_if(std::string_view type) {
  static_assert(ontology_types[I].size() == N, "type_bit: a case length is not its type's");
  return std::memcmp(type.data(), ontology_types[I].data(), N) == 0 ? static_cast<std::uint16_t>(1u << I)
                                                                     : mention_facts::other_type;
}

std::uint16_t type_bit(std::string_view type) {
  // Told apart by length and last letter first (every mention asks), then compared.
  switch (type.size()) {
    case 12: return type_bit_if<0, 12>(type);                                            // Organization
    case 6: return type_bit_if<1, 6>(type);                                              // Person
    case 5: return type.back() == 'e' ? type_bit_if<2, 5>(type) : type_bit_if<4, 5>(type);  // Place, Event
    case 8: return type_bit_if<3, 8>(type);                                              // Facility
    case 7: return type_bit_if<5, 7>(type);                                              // Product
    case 9: return type_bit_if<6, 9>(type);                                              // Quotation
    default: return mention_facts::other_type;
  }
}
constexpr std::uint16_t any_type = 0xFF;
constexpr std::uint16_t person_bit = 1u << 1;

std::uint16_t value_bit(std::string_view kind) {
  for (std::size_t i = 0; i < std::size(value_kind_names); ++i)
    if (kind == value_kind_names[i]) return static_cast<std::uint16_t>(1u << i);
  return 0;  // a kind no value has: the element never matches
}

// The bits of mention_facts: bits 0-7 an entity's type (type_bit), then
// whether a slot that wants a person may take the entity (a name typed by
// default, of two words or more, not a reference: « Geert Van Poelvoorde »),
// four bits for the value kinds (value_bit shifted), a title, a quotation.
constexpr std::uint16_t maybe_person_fact = 1u << 8;
constexpr int value_fact_shift = mention_facts::value_shift;
constexpr std::uint16_t title_fact = 1u << 13;
constexpr std::uint16_t quote_fact = mention_facts::quote_bit;

// The bit of word number `w` in an element's signature (none for 0).
std::uint64_t sig_bit(std::uint32_t w) { return w ? std::uint64_t{1} << (w & 63) : 0; }

[[noreturn]] void fail(const std::string& where, const std::string& why) {
  throw std::runtime_error(where + ": " + why);
}

std::vector<std::string> strings(const rapidjson::Value& v, const std::string& where, const char* key) {
  std::vector<std::string> out;
  if (v.IsString()) {
    out.emplace_back(v.GetString(), v.GetStringLength());
  } else if (v.IsArray()) {
    for (auto& x : v.GetArray()) {
      if (!x.IsString()) fail(where, std::string("\"") + key + "\" must be a string or a list of strings");
      out.emplace_back(x.GetString(), x.GetStringLength());
    }
  } else {
    fail(where, std::string("\"") + key + "\" must be a string or a list of strings");
  }
  return out;
}

// Splits "@list" references from plain words (plain words are lower-cased).
void words_and_lists(const std::vector<std::string>& in, lexicon& lex, const std::string& where,
                     std::vector<std::string>& words, std::vector<const std::unordered_set<std::string>*>& lists,
                     std::vector<std::uint32_t>& ids, std::uint64_t& bits) {
  for (const auto& w : in) {
    if (!w.empty() && w[0] == '@') {
      std::string name = w.substr(1);
      if (!lex.has_list(name)) fail(where, "unknown word list '" + w + "' (no lexicon/" + lex.lang() + "/lists/" + name + ".txt)");
      lists.push_back(&lex.list(name));
      bits |= lex.list_bit(name);
    } else {
      words.push_back(lower_utf8(w));
      ids.push_back(lex.add_word(words.back()));
    }
  }
}

rule_element parse_element(const rapidjson::Value& v, const std::string& where, lexicon& lex) {
  if (!v.IsObject()) fail(where, "each pattern element must be an object");
  rule_element e;
  static const std::set<std::string> keys = {"w", "lemma", "pos", "ent", "val", "title", "quote",
                                             "as", "opt", "gap", "no"};
  for (auto& m : v.GetObject()) {
    std::string k = m.name.GetString();
    if (!keys.count(k)) fail(where, "unknown element key \"" + k + "\"");
  }
  if (v.HasMember("w"))
    words_and_lists(strings(v["w"], where, "w"), lex, where, e.words, e.word_lists, e.word_ids, e.word_bits);
  if (v.HasMember("lemma"))
    words_and_lists(strings(v["lemma"], where, "lemma"), lex, where, e.lemmas, e.lemma_lists, e.lemma_ids, e.lemma_bits);
  for (std::uint32_t w : e.word_ids) e.word_sig |= sig_bit(w);
  for (std::uint32_t w : e.lemma_ids) e.lemma_sig |= sig_bit(w);
  if (v.HasMember("pos")) {
    for (const auto& p : strings(v["pos"], where, "pos")) {
      if (p == "verb") e.pos |= pos_verb;
      else if (p == "noun") e.pos |= pos_noun;
      else if (p == "adj") e.pos |= pos_adj;
      else if (p == "ppas") e.pos |= pos_past_participle;
      else if (p == "inf") e.pos |= pos_infinitive;
      else fail(where, "unknown part of speech \"" + p + "\"");
    }
  }
  if (v.HasMember("ent")) {
    e.want_entity = true;
    e.ent_types = strings(v["ent"], where, "ent");
    for (const auto& t : e.ent_types)
      if (!known_entity_type(t)) fail(where, "unknown entity type \"" + t + "\"");
  }
  if (v.HasMember("val")) {
    if (!v["val"].IsString()) fail(where, "\"val\" must be a string");
    e.value_kind = v["val"].GetString();
    if (std::find(std::begin(value_kind_names), std::end(value_kind_names), e.value_kind) == std::end(value_kind_names))
      fail(where, "unknown value kind \"" + e.value_kind + "\"");
  }
  if (v.HasMember("title")) e.want_title = v["title"].IsBool() && v["title"].GetBool();
  if (v.HasMember("quote")) e.want_quote = v["quote"].IsBool() && v["quote"].GetBool();
  if (v.HasMember("as")) {
    if (!v["as"].IsString() ||
        std::find(slot_names.begin(), slot_names.end(), std::string_view(v["as"].GetString())) == slot_names.end())
      fail(where, "\"as\" must name a slot (subject, object, amount, quantity, jobs, stake, date, title, quote, product, owner)");
    e.slot = v["as"].GetString();
    e.slot_id = slot_number(e.slot);
  }
  if (v.HasMember("opt")) e.optional = v["opt"].IsBool() && v["opt"].GetBool();
  if (v.HasMember("gap")) {
    if (!v["gap"].IsUint() || v["gap"].GetUint() > 40) fail(where, "\"gap\" must be a whole number from 0 to 40");
    e.is_gap = true;
    e.gap = v["gap"].GetUint();
    if (v.HasMember("no")) {
      for (const auto& x : strings(v["no"], where, "no")) {
        if (known_entity_type(x)) e.gap_no_types.push_back(x);
        else {
          e.gap_no_words.push_back(lower_utf8(x));
          e.gap_no_ids.push_back(lex.add_word(e.gap_no_words.back()));
        }
      }
    }
    if (e.want_entity || !e.words.empty() || !e.lemmas.empty() || !e.slot.empty())
      fail(where, "a \"gap\" element takes no other condition than \"no\"");
  } else if (v.HasMember("no")) {
    fail(where, "\"no\" goes with \"gap\"");
  }
  if (!e.is_gap && !e.want_entity && e.value_kind.empty() && !e.want_title && !e.want_quote && e.words.empty() &&
      e.lemmas.empty() && e.word_lists.empty() && e.lemma_lists.empty() && e.pos == 0)
    fail(where, "pattern element with no condition");
  // The conditions as bits (unit_matches, gap_allows). An entity element
  // takes precedence over a value one, which takes precedence over a title,
  // then a quotation, as in the order unit_matches has always checked them.
  e.wants_mention = e.want_entity || !e.value_kind.empty() || e.want_title || e.want_quote;
  if (e.want_entity) {
    for (const auto& t : e.ent_types)
      e.mention_mask |= t == "Any" ? any_type | maybe_person_fact
                        : t == "Person" ? person_bit | maybe_person_fact
                                        : type_bit(t);
  } else if (!e.value_kind.empty()) {
    e.mention_mask = static_cast<std::uint16_t>(value_bit(e.value_kind) << value_fact_shift);
  } else if (e.want_title) {
    e.mention_mask = title_fact;
  } else if (e.want_quote) {
    e.mention_mask = quote_fact;
  }
  e.has_words = !e.words.empty() || !e.word_lists.empty();
  e.has_lemmas = !e.lemmas.empty() || !e.lemma_lists.empty();
  for (const auto& t : e.gap_no_types) e.gap_no_mask |= t == "Any" ? any_type : type_bit(t);
  for (std::uint32_t w : e.gap_no_ids) e.gap_no_sig |= sig_bit(w);
  return e;
}

// The element_code of every element of `r`'s pattern, and their word numbers.
void compile(rule& r, const std::string& where) {
  r.code.clear();
  r.code_ids.clear();
  for (const rule_element& e : r.pattern) {
    element_code c;
    c.word_bits = e.word_bits;
    c.lemma_bits = e.lemma_bits;
    c.word_sig = e.word_sig;
    c.lemma_sig = e.lemma_sig;
    c.gap_no_sig = e.gap_no_sig;
    c.pos = e.pos;
    c.mention_mask = e.mention_mask;
    c.gap_no_mask = e.gap_no_mask;
    if (r.code_ids.size() + e.word_ids.size() + e.lemma_ids.size() + e.gap_no_ids.size() > UINT16_MAX)
      fail(where, "rule " + r.id + ": too many words");
    c.ids = static_cast<std::uint16_t>(r.code_ids.size());
    c.n_word_ids = static_cast<std::uint16_t>(e.word_ids.size());
    c.n_lemma_ids = static_cast<std::uint16_t>(e.lemma_ids.size());
    c.n_gap_no_ids = static_cast<std::uint16_t>(e.gap_no_ids.size());
    for (const auto* ids : {&e.word_ids, &e.lemma_ids, &e.gap_no_ids})
      r.code_ids.insert(r.code_ids.end(), ids->begin(), ids->end());
    c.gap = static_cast<std::uint8_t>(e.gap);  // (parse_element: at most 40)
    c.slot_id = e.slot_id;
    c.wants_mention = e.wants_mention;
    c.has_words = e.has_words;
    c.has_lemmas = e.has_lemmas;
    c.optional = e.optional;
    c.is_gap = e.is_gap;
    r.code.push_back(c);
  }
}

// Is word number `w` one of the `n` numbers at `ids`?
[[gnu::always_inline]] inline bool among(const std::uint32_t* ids, std::size_t n, std::uint32_t w) {
  for (std::size_t i = 0; i < n; ++i)
    if (ids[i] == w) return true;
  return false;
}
// The same for a word number not 0 (0: no word, in no condition).
[[gnu::always_inline]] inline bool has(const std::uint32_t* ids, std::size_t n, std::uint32_t w) {
  return w && among(ids, n, w);
}

// Does unit `u` satisfy the (non-gap) element `e`? An entity of one of the
// element's types (a name typed by default may be a person whose first name
// no dictionary knows: a slot that wants a person takes it), a value of its
// kind, a title, a quotation; else a word condition looks at the unit's
// token (a one-token mention's too), and a mention of several tokens has none.
// (`ids`: the rule's code_ids.)
[[gnu::always_inline]] inline bool unit_matches(const element_code& e, const std::uint32_t* ids, const unit_info& u) {
  if (e.wants_mention) return (u.mention & e.mention_mask) != 0;
  if (!u.has_token) return false;
  const std::uint32_t* word_ids = ids + e.ids;
  if (e.has_words && !(u.lists & e.word_bits) && !((u.word_sig & e.word_sig) && has(word_ids, e.n_word_ids, u.word)))
    return false;
  const std::uint32_t* lemma_ids = word_ids + e.n_word_ids;
  const std::size_t n = e.n_lemma_ids;
  if (e.has_lemmas && !(u.lemma_lists & e.lemma_bits) &&
      !((u.lemma_sig & e.lemma_sig) &&
        (has(lemma_ids, n, u.lemma_word) || has(lemma_ids, n, u.alt_word) || has(lemma_ids, n, u.word))))
    return false;
  if (e.pos && (u.pos & e.pos) == 0) return false;
  return true;
}

[[gnu::always_inline]] inline bool gap_allows(const element_code& e, const std::uint32_t* ids, const unit_info& u) {
  if (u.is_mention) {
    if (u.mention & quote_fact) return false;  // a gap never crosses a quotation
    // An entity of a type the gap may not skip, unless set off by commas.
    return u.parenthetical || (u.mention & any_type & e.gap_no_mask) == 0;
  }
  if (u.semicolon) return false;
  return !(u.word_sig & e.gap_no_sig) || !among(ids + e.ids + e.n_word_ids + e.n_lemma_ids, e.n_gap_no_ids, u.word);
}

// One rule over one segment: match(ei, ui) tells whether the pattern's
// elements from ei on match from unit ui on, capturing slots in `m`.
struct matcher {
  rule_match& m;
  // The pattern's elements (and their word numbers) and the segment's units, read once.
  const element_code* pattern;
  std::size_t pattern_size;
  const std::uint32_t* ids;
  const unit_info* units;
  std::size_t unit_count;

  matcher(const rule& r, const unit_table& t, rule_match& m)
      : m(m), pattern(r.code.data()), pattern_size(r.code.size()), ids(r.code_ids.data()), units(t.data()),
        unit_count(t.size()) {}

  // Required elements that are not gaps match one unit each, in a loop;
  // gaps and optional elements branch, by recursion. The slots set by the
  // loop are undone, last first, when the rest fails, as the recursion
  // would undo them.
  bool match(std::size_t ei, std::size_t ui) {
    std::array<std::uint8_t, slot_map::capacity> undo;
    std::size_t n_undo = 0;
    auto fail = [&] {
      while (n_undo > 0) m.slots.erase(undo[--n_undo]);
      return false;
    };
    for (;; ++ei, ++ui) {
      if (ei == pattern_size) {
        m.last = ui == 0 ? 0 : ui - 1;
        return true;
      }
      const element_code& e = pattern[ei];
      if (e.is_gap) {
        // Units of an apposition or relative clause (« L'usine, qui fabrique … , a
        // représenté ») are skipped without counting against the gap. When the
        // element after the gap is required (and not a gap), the rest of the
        // pattern is tried only where that element matches, as match() would
        // find at once.
        const element_code* after = ei + 1 < pattern_size ? &pattern[ei + 1] : nullptr;
        if (after && (after->optional || after->is_gap)) after = nullptr;
        std::size_t counted = 0;
        for (std::size_t next = ui;; ++next) {
          if (!after || (next < unit_count && unit_matches(*after, ids, units[next])))
            if (match(ei + 1, next)) return true;
          if (next >= unit_count || !gap_allows(e, ids, units[next])) return fail();
          if (!units[next].parenthetical && ++counted > e.gap) return fail();
          if (next - ui > 60) return fail();
        }
      }
      if (!e.optional) {
        if (ui >= unit_count || !unit_matches(e, ids, units[ui])) return fail();
        if (e.slot_id != no_slot) {
          // More sets than slot names only when a pattern names a slot twice.
          if (n_undo == undo.size()) return recurse_required(e, ei, ui) || fail();
          m.slots.set(e.slot_id, ui);
          undo[n_undo++] = e.slot_id;
        }
        continue;
      }
      if (ui < unit_count && unit_matches(e, ids, units[ui])) {
        if (e.slot_id != no_slot) m.slots.set(e.slot_id, ui);
        if (match(ei + 1, ui + 1)) return true;
        if (e.slot_id != no_slot) m.slots.erase(e.slot_id);
      }
      return match(ei + 1, ui) || fail();
    }
  }

  // A required element that matched, the rest by recursion (as match() had it).
  bool recurse_required(const element_code& e, std::size_t ei, std::size_t ui) {
    m.slots.set(e.slot_id, ui);
    if (match(ei + 1, ui + 1)) return true;
    m.slots.erase(e.slot_id);
    return false;
  }
};

}  // namespace

rule parse_rule(const std::string& json, const std::string& where, lexicon& lex) {
  rapidjson::Document d;
  // A line without a NUL byte is read as a C string, rapidjson's faster
  // stream: both end the text with a NUL, so errors and offsets are the
  // same, but the stream of a given length skips the bytes of a UTF-8 byte
  // order mark first: a line starting with one of them is read as before.
  const auto lead = json.empty() ? 0u : static_cast<unsigned char>(json[0]);
  if (lead != 0xEF && lead != 0xBB && lead != 0xBF && std::memchr(json.data(), '\0', json.size()) == nullptr)
    d.Parse(json.c_str());
  else
    d.Parse(json.c_str(), json.size());
  if (d.HasParseError())
    fail(where, std::string("not JSON: ") + rapidjson::GetParseError_En(d.GetParseError()) + " at offset " +
                    std::to_string(d.GetErrorOffset()));
  if (!d.IsObject()) fail(where, "a rule must be a JSON object");
  static const std::set<std::string> keys = {"id", "lang", "predicate", "pattern", "confidence", "date", "comment", "example", "builtin", "swap"};
  for (auto& m : d.GetObject())
    if (!keys.count(m.name.GetString())) fail(where, std::string("unknown rule key \"") + m.name.GetString() + "\"");
  rule r;
  r.where = where;
  if (!d.HasMember("id") || !d["id"].IsString() || d["id"].GetStringLength() == 0) fail(where, "rule without an \"id\"");
  r.id = d["id"].GetString();
  if (!d.HasMember("lang") || !d["lang"].IsString()) fail(where, "rule " + r.id + " without a \"lang\"");
  r.lang = d["lang"].GetString();
  if (!d.HasMember("predicate") || !d["predicate"].IsString()) fail(where, "rule " + r.id + " without a \"predicate\"");
  r.predicate = d["predicate"].GetString();
  const auto& preds = known_predicates();
  if (std::find(preds.begin(), preds.end(), r.predicate) == preds.end())
    fail(where, "rule " + r.id + ": unknown predicate \"" + r.predicate + "\"");
  if (d.HasMember("confidence")) {
    if (!d["confidence"].IsNumber() || d["confidence"].GetDouble() <= 0 || d["confidence"].GetDouble() > 1)
      fail(where, "rule " + r.id + ": \"confidence\" must be a number in (0, 1]");
    r.confidence = d["confidence"].GetDouble();
  }
  if (d.HasMember("date")) {
    if (!d["date"].IsString() || std::string(d["date"].GetString()) != "document")
      fail(where, "rule " + r.id + ": \"date\" can only be \"document\"");
    r.date_from_document = true;
  }
  if (d.HasMember("swap")) r.swap = d["swap"].IsBool() && d["swap"].GetBool();
  if (d.HasMember("builtin")) {
    static const std::set<std::string> builtins = {"quote_continuation", "facility_place"};
    if (!d["builtin"].IsString() || !builtins.count(d["builtin"].GetString()))
      fail(where, "rule " + r.id + ": unknown builtin (quote_continuation, facility_place)");
    if (d.HasMember("pattern")) fail(where, "rule " + r.id + ": a builtin rule has no pattern");
    r.builtin = d["builtin"].GetString();
    return r;
  }
  if (!d.HasMember("pattern") || !d["pattern"].IsArray() || d["pattern"].Empty())
    fail(where, "rule " + r.id + " without a \"pattern\" list");
  if (r.lang != lex.lang()) return r;  // parsed for syntax only by the other language
  bool object = false;
  for (auto& el : d["pattern"].GetArray()) {
    r.pattern.push_back(parse_element(el, where + ": rule " + r.id, lex));
    object = object || r.pattern.back().slot == "object";
  }
  if (!object) fail(where, "rule " + r.id + ": the pattern must capture an object");
  if (r.pattern.front().is_gap || r.pattern.back().is_gap) fail(where, "rule " + r.id + ": a pattern cannot start or end with a gap");
  for (std::size_t i = 0; i < r.pattern.size(); ++i) {
    const rule_element& e = r.pattern[i];
    if (!e.optional && !e.is_gap && (!e.words.empty() || !e.word_lists.empty() || !e.lemmas.empty() || !e.lemma_lists.empty()))
      r.required.push_back(i);
  }
  // The anchor bounds where a match can start (match_rule); any required
  // element would do, so take one that few sentences hold: a word element made only of punctuation or short
  // words (« , », « et », « s' », "'s") is in nearly every sentence, a
  // lemma or a word list (« @invest ») is not.
  auto common = [](const rule_element& e) {
    if (!e.lemmas.empty() || !e.lemma_lists.empty() || !e.word_lists.empty()) return false;
    return std::all_of(e.words.begin(), e.words.end(), [](const std::string& w) { return w.size() <= 3; });
  };
  for (std::size_t i : r.required)
    if (!common(r.pattern[i])) {
      r.anchor = i;
      break;
    }
  if (r.anchor == SIZE_MAX && !r.required.empty()) r.anchor = r.required.front();
  compile(r, where);
  return r;
}

namespace {

// A rule file as some load_rules call read it through without error: its
// text, and the id and language of each of its rules in line order. Every
// language loads every rule file, parsing the other languages' rules for
// their syntax only, which does not depend on the language: a later load
// of the same text for another language takes those rules' ids from here
// rather than parse them again.
struct checked_rule_file {
  std::string text;
  std::vector<std::pair<std::string, std::string>> rules;  // (id, lang) of each rule line
};

std::shared_ptr<const checked_rule_file> checked_file(const std::string& path, const std::string& text,
                                                      std::mutex& mutex,
                                                      std::map<std::string, std::shared_ptr<const checked_rule_file>>& registry) {
  std::lock_guard lock(mutex);
  auto it = registry.find(path);
  return it != registry.end() && it->second->text == text ? it->second : nullptr;
}

}  // namespace

std::vector<rule> load_rules(const std::string& dir, lexicon& lex) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::shared_ptr<const checked_rule_file>> registry;
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": rules folder not found");
  for (auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".jsonl") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<rule> out;
  std::set<std::string> ids;
  for (const auto& f : files) {
    const std::string path = f.string();
    auto checked = std::make_shared<checked_rule_file>();
    checked->text = read_file(path);  // (throws "path: cannot open")
    const std::shared_ptr<const checked_rule_file> known = checked_file(path, checked->text, registry_mutex, registry);
    const std::string_view text = checked->text;
    std::size_t n = 0, k = 0;  // line number, rule number
    // Lines as std::getline gives them: split at '\n', the last one kept
    // when the file does not end with '\n'.
    for (std::size_t at = 0; at < text.size();) {
      std::size_t stop = text.find('\n', at);
      if (stop == std::string_view::npos) stop = text.size();
      const std::string_view line = text.substr(at, stop - at);
      at = stop + 1;
      ++n;
      std::size_t first = line.find_first_not_of(" \t\r");
      if (first == std::string_view::npos || line[first] == '#') continue;
      if (known && known->rules[k].second != lex.lang()) {
        const std::string& id = known->rules[k++].first;
        if (!ids.insert(id).second) fail(path + ":" + std::to_string(n), "duplicate rule id " + id);
        continue;
      }
      std::string where = path + ":" + std::to_string(n);
      rule r = parse_rule(std::string(line), where, lex);
      ++k;
      if (!ids.insert(r.id).second) fail(where, "duplicate rule id " + r.id);
      if (!known) checked->rules.emplace_back(r.id, r.lang);
      if (r.lang == lex.lang()) out.push_back(std::move(r));
    }
    if (!known) {
      std::lock_guard lock(registry_mutex);
      registry[path] = std::move(checked);
    }
  }
  return out;
}

mention_facts::mention_facts(const analysis& a) : bits_(a.mentions.size(), 0) {
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const mention& m = a.mentions[i];
    switch (m.kind) {
      case mention_kind::entity: {
        const doc_entity& ent = a.entities[m.entity];
        bits_[i] = type_bit(ent.type);
        if (ent.strength == 0 && ent.label.find(' ') != std::string::npos && !m.reference) bits_[i] |= maybe_person_fact;
        break;
      }
      case mention_kind::value:
        bits_[i] = static_cast<std::uint16_t>(1u << (value_fact_shift + static_cast<int>(a.values[m.value].kind)));
        break;
      case mention_kind::title:
        bits_[i] = title_fact;
        break;
      case mention_kind::quote:
        bits_[i] = quote_fact;
        break;
    }
  }
}

std::uint8_t slot_number(std::string_view name) {
  for (std::size_t i = 0; i < slot_names.size(); ++i)
    if (slot_names[i] == name) return static_cast<std::uint8_t>(i);
  throw std::logic_error("no slot named \"" + std::string(name) + "\"");
}

namespace {

// What a segment's mentions offer the required mention elements, as one
// word: bits 0-7 the entity types (type_bit), 8-11 the value kinds
// (value_bit shifted), then a title, a quotation. A need is the mask of
// the offers that satisfy it.
constexpr int offer_value_shift = 8;
constexpr std::uint16_t offer_title = 1u << 12, offer_quote = 1u << 13;

// The offer of a mention of mention_facts bits `b`.
std::uint16_t offer_of(std::uint16_t b) {
  std::uint16_t o = static_cast<std::uint16_t>(b & any_type);
  // unit_matches: a default-typed name of two words or more may be a person.
  if (b & maybe_person_fact) o |= person_bit;
  o |= static_cast<std::uint16_t>(((b >> value_fact_shift) & 0xF) << offer_value_shift);
  if (b & title_fact) o |= offer_title;
  if (b & quote_fact) o |= offer_quote;
  return o;
}

}  // namespace

void unit_table::fill(const analysis& a, const mention_facts& f, const segment_units& s) {
  units_.resize(s.units.size());
  mentions_.clear();
  for (std::size_t i = 0; i < s.units.size(); ++i) {
    const unit& u = s.units[i];
    unit_info& x = units_[i];
    x = unit_info();
    x.parenthetical = u.parenthetical;
    if (u.mention != SIZE_MAX) {
      x.is_mention = true;
      x.mention = f[u.mention];
      x.offer = offer_of(x.mention);
      mentions_.push_back(i);
      if (u.tok_end - u.tok_begin != 1) continue;
    }
    const token& t = a.seg.tokens[u.tok_begin];
    x.has_token = true;
    x.word = t.word;
    x.lemma_word = t.lemma_word;
    x.alt_word = t.alt_word;
    x.pos = t.pos;
    x.lists = t.lists;
    x.lemma_lists = t.lemma_lists;
    x.word_sig = sig_bit(t.word);
    x.lemma_sig = sig_bit(t.lemma_word) | sig_bit(t.alt_word) | sig_bit(t.word);
    x.semicolon = t.lower.size() == 1 && t.lower[0] == ';';
  }
}

std::vector<rule_match> match_rule(const rule& r, const analysis& a, const segment_units& s) {
  std::vector<rule_match> out;
  match_rule(r, a, mention_facts(a), s, out);
  return out;
}

void match_rule(const rule& r, const analysis& a, const mention_facts& f, const segment_units& s,
                std::vector<rule_match>& out) {
  unit_table t;
  t.fill(a, f, s);
  match_rule(r, t, out);
}

void match_rule(const rule& r, const unit_table& t, std::vector<rule_match>& out) {
  out.clear();
  const unit_info* units = t.data();
  // Elements match left to right from the start unit, so a match starting
  // after the last unit the anchor (a required word element) accepts cannot be.
  std::size_t starts = t.size();
  const std::uint32_t* ids = r.code_ids.data();
  if (r.anchor < r.code.size()) {
    const element_code& an = r.code[r.anchor];
    while (starts > 0 && !unit_matches(an, ids, units[starts - 1])) --starts;
  }
  if (starts == 0) return;
  rule_match m;
  matcher mt(r, t, m);
  // When the pattern's first element is required (and not a gap), a match
  // can only start on a unit that element accepts.
  const element_code* first =
      r.code.empty() || r.code.front().optional || r.code.front().is_gap ? nullptr : &r.code.front();
  auto try_start = [&](std::size_t start) {
    m.first = start;
    if (mt.match(0, start)) {
      out.push_back(m);
      m = rule_match();
    }
  };
  if (first && first->wants_mention) {
    // Only a mention unit offers a mention.
    for (std::size_t start : t.mentions()) {
      if (start >= starts) break;
      if (unit_matches(*first, ids, units[start])) try_start(start);
    }
    return;
  }
  for (std::size_t start = 0; start < starts; ++start)
    if (!first || unit_matches(*first, ids, units[start])) try_start(start);
}

const rule_element* rule_index::anchor(const rule& r) {
  return r.anchor < r.pattern.size() ? &r.pattern[r.anchor] : nullptr;
}

// (The lexicon is not read: word lists are known by their bits, as tokens hold them.)
rule_index::rule_index(const std::vector<rule>& rules, const lexicon& /*lex*/)
    : blocks_((rules.size() + 63) / 64), always_(blocks_, 0), quote_rules_(blocks_, 0) {
  for (const rule& r : rules) {
    need_begin_.push_back(static_cast<std::uint32_t>(needs_.size()));
    for (const rule_element& e : r.pattern) {
      if (e.optional || e.is_gap) continue;
      if (e.want_entity) {
        std::uint16_t mask = 0;
        for (const auto& t : e.ent_types) mask |= t == "Any" ? any_type : type_bit(t);
        needs_.push_back(mask);
      } else if (!e.value_kind.empty()) {
        needs_.push_back(static_cast<std::uint16_t>(value_bit(e.value_kind) << offer_value_shift));
      } else if (e.want_title) {
        needs_.push_back(offer_title);
      } else if (e.want_quote) {
        needs_.push_back(offer_quote);
      }
    }
  }
  need_begin_.push_back(static_cast<std::uint32_t>(needs_.size()));
  unmet_types_.assign(256 * blocks_, 0);
  unmet_others_.assign(64 * blocks_, 0);
  static_assert(offer_quote >> 8 < 64, "the high offer bits index unmet_others_");
  // The rules of each need (a few distinct needs, shared by many rules), then the tables.
  std::map<std::uint16_t, std::vector<std::uint64_t>> rules_of_need;
  for (std::size_t i = 0; i < rules.size(); ++i)
    for (std::size_t k = need_begin_[i]; k < need_begin_[i + 1]; ++k) {
      auto& set = rules_of_need.try_emplace(needs_[k], blocks_, 0).first->second;
      set[i / 64] |= std::uint64_t{1} << (i % 64);
    }
  for (const auto& [need, set] : rules_of_need) {
    const bool types = (need & 0xFF) == need;  // (a need of no bits is met by no offer: in every entry)
    std::vector<std::uint64_t>& table = types ? unmet_types_ : unmet_others_;
    const std::uint32_t entries = types ? 256 : 64, shift = types ? 0 : 8;
    for (std::uint32_t o = 0; o < entries; ++o)
      if (!((o << shift) & need))
        for (std::size_t b = 0; b < blocks_; ++b) table[o * blocks_ + b] |= set[b];
  }
  // The atoms: a condition is its kind (word or lemma), its word numbers
  // (sorted, without 0, which no token's number matches) and its list bits.
  using condition = std::tuple<bool, std::vector<std::uint32_t>, std::uint64_t>;
  std::map<condition, std::uint32_t> numbers;
  std::vector<condition> atoms;
  auto atom_of = [&](bool lemma, const std::vector<std::uint32_t>& ids, std::uint64_t bits) {
    std::vector<std::uint32_t> sorted;
    for (std::uint32_t w : ids)
      if (w) sorted.push_back(w);
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    condition c(lemma, std::move(sorted), bits);
    auto [it, added] = numbers.emplace(c, static_cast<std::uint32_t>(atoms.size()));
    if (added) atoms.push_back(std::move(c));
    return it->second;
  };
  // Each rule is flagged by the atom that fewest segments are likely to
  // hold, as a guess from its words alone: a word of three letters or less
  // (« , », « de », « où », "in") or punctuation is in most sentences, a
  // longer one is not; a lemma stands for all its forms, a list for all its
  // words. Any atom would do (all are checked): the guess only saves work.
  auto short_word = [](const std::string& w) {
    std::size_t letters = 0;
    for (unsigned char c : w) letters += (c & 0xC0) != 0x80;
    return letters <= 3;
  };
  auto likelihood = [&](const std::vector<std::string>& words, std::size_t lists, std::size_t weight) {
    std::size_t n = 8 * lists;
    for (const auto& w : words) n += short_word(w) ? 100 : weight;
    return n;
  };
  std::vector<std::uint32_t> anchor_atom(rules.size(), UINT32_MAX);
  std::vector<std::uint32_t> atom_numbers;  // every rule's atoms, as rule_atoms_ will hold them
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const rule& r = rules[i];
    atom_begin_.push_back(static_cast<std::uint32_t>(atom_numbers.size()));
    std::size_t best = SIZE_MAX;
    for (std::size_t k : r.required) {
      const rule_element& e = r.pattern[k];
      if (e.has_words) {
        const std::uint32_t a = atom_of(false, e.word_ids, e.word_bits);
        atom_numbers.push_back(a);
        const std::size_t n = likelihood(e.words, e.word_lists.size(), 1);
        if (n < best) best = n, anchor_atom[i] = a;
      }
      if (e.has_lemmas) {
        const std::uint32_t a = atom_of(true, e.lemma_ids, e.lemma_bits);
        atom_numbers.push_back(a);
        const std::size_t n = likelihood(e.lemmas, e.lemma_lists.size(), 3);
        if (n < best) best = n, anchor_atom[i] = a;
      }
    }
  }
  atom_begin_.push_back(static_cast<std::uint32_t>(atom_numbers.size()));
  for (std::uint32_t a : atom_numbers) rule_atoms_.push_back(static_cast<std::uint8_t>(a % atom_bits));
  for (std::uint32_t& a : anchor_atom)
    if (a != UINT32_MAX) a %= atom_bits;
  auto add_bit = [](atom_set& s, std::uint32_t a) { s[a / 64] |= std::uint64_t{1} << (a % 64); };
  // The atom sets of every word number that satisfies an atom.
  std::vector<atom_set> form, reading;  // by word number
  std::vector<bool> forms;              // word number -> satisfies an atom
  for (std::uint32_t n = 0; n < atoms.size(); ++n) {
    const auto& [lemma, ids, bits] = atoms[n];
    const std::uint32_t a = n % atom_bits;
    for (std::uint32_t w : ids) {
      if (form.size() <= w) form.resize(w + 1, atom_set{}), reading.resize(w + 1, atom_set{}), forms.resize(w + 1);
      forms[w] = true;
      add_bit(form[w], a);  // unit_matches: a lemma condition takes the form too
      if (lemma) add_bit(reading[w], a);
    }
    for (std::uint64_t b = bits; b; b &= b - 1) add_bit((lemma ? lemma_list_atoms_ : list_atoms_)[std::countr_zero(b)], a);
    (lemma ? atom_lemma_lists_ : atom_lists_) |= bits;
  }
  // Entry 0: no atoms (word numbers that satisfy none, and 0 itself). Words
  // with the same atoms (those of one condition, most often) share an entry;
  // past max_entries - 1 distinct ones, the words left share the last entry,
  // which holds all their atoms (a rule could then be tried in vain, never
  // skipped wrongly).
  entry_.assign(std::max<std::size_t>(form.size(), 1), 0);
  masks_.assign(2, atom_set{});
  std::map<std::pair<atom_set, atom_set>, std::uint8_t> entries;
  entries.emplace(std::pair(atom_set{}, atom_set{}), 0);
  for (std::size_t w = 1; w < form.size(); ++w) {
    if (!forms[w]) continue;  // a reading's atoms are among its form's
    std::size_t k = masks_.size() / 2;
    if (k < max_entries) {
      auto [it, added] = entries.emplace(std::pair(form[w], reading[w]), static_cast<std::uint8_t>(k));
      k = it->second;
      if (added) masks_.resize(masks_.size() + 2, atom_set{});
    } else {
      k = max_entries - 1;
    }
    for (std::size_t b = 0; b < form[w].size(); ++b) {
      masks_[2 * k][b] |= form[w][b];
      masks_[2 * k + 1][b] |= reading[w][b];
    }
    entry_[w] = static_cast<std::uint8_t>(k);
  }
  anchors_.assign(atom_bits / 64, 0);
  flags_.assign(atom_bits * blocks_, 0);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!rules[i].builtin.empty()) continue;
    const std::uint64_t bit = std::uint64_t{1} << (i % 64);
    if (anchor_atom[i] == UINT32_MAX) {
      bool quote = false;
      for (const auto& el : rules[i].pattern) quote = quote || (el.want_quote && !el.optional);
      (quote ? quote_rules_ : always_)[i / 64] |= bit;
      continue;
    }
    const std::uint32_t a = anchor_atom[i];
    anchors_[a / 64] |= std::uint64_t{1} << (a % 64);
    flags_[a * blocks_ + i / 64] |= bit;
  }
}

void rule_index::candidates(const analysis& a, const mention_facts& f, const segment_units& s,
                            std::vector<std::size_t>& list) const {
  unit_table t;
  t.fill(a, f, s);
  candidates(t, list);
}

void rule_index::candidates(const unit_table& units, std::vector<std::size_t>& list) const {
  // The atoms the segment's tokens satisfy.
  atom_set present{};
  std::uint64_t lists = 0, lemma_lists = 0;
  // What the segment's mentions offer, for the mention elements.
  std::uint16_t offers = 0;
  // What each mention unit offers, in order, for the order of the needs
  // (of the first 64 mention units: past them, the order is not checked).
  std::array<std::uint16_t, 64> unit_offers;
  std::size_t n_offers = 0;
  // Without a branch on what a unit is (those branches are mispredicted
  // often): a unit that is not a mention offers nothing, and a mention of
  // several tokens has word numbers and list bits 0 (unit_table::fill),
  // which satisfy no atom.
  for (std::size_t i = 0; i < units.size(); ++i) {
    const unit_info& u = units[i];
    offers |= u.offer;
    // (Written for every unit, counted for a mention: the next one overwrites it.)
    if (n_offers < unit_offers.size()) unit_offers[n_offers] = u.offer;
    n_offers += u.is_mention;
    lists |= u.lists;
    lemma_lists |= u.lemma_lists;
    // The form's atoms, and its lemmas' (a lemma equal to the form adds
    // nothing: the form's atoms hold its lemma atoms).
    const atom_set& f = masks_[2 * entry(u.word)];
    const atom_set& l = masks_[2 * entry(u.lemma_word) + 1];
    const atom_set& t = masks_[2 * entry(u.alt_word) + 1];
    for (std::size_t k = 0; k < present.size(); ++k) present[k] |= f[k] | l[k] | t[k];
  }
  auto add_lists = [&](std::uint64_t bits, const std::array<atom_set, 64>& by_bit) {
    for (; bits; bits &= bits - 1) {
      const atom_set& m = by_bit[std::countr_zero(bits)];
      for (std::size_t b = 0; b < present.size(); ++b) present[b] |= m[b];
    }
  };
  add_lists(lists & atom_lists_, list_atoms_);
  add_lists(lemma_lists & atom_lemma_lists_, lemma_list_atoms_);
  // The rules flagged: those of no atom, and those whose flagging atom is here.
  thread_local std::vector<std::uint64_t> flagged_buffer;
  std::vector<std::uint64_t>& flagged = flagged_buffer;
  flagged.assign(always_.begin(), always_.end());
  if (offers & offer_quote)
    for (std::size_t b = 0; b < blocks_; ++b) flagged[b] |= quote_rules_[b];
  for (std::size_t ab = 0; ab < present.size(); ++ab)
    for (std::uint64_t m = present[ab] & anchors_[ab]; m; m &= m - 1) {
      const std::size_t atom = ab * 64 + static_cast<std::size_t>(std::countr_zero(m));
      const std::uint64_t* f = &flags_[atom * blocks_];
      for (std::size_t b = 0; b < blocks_; ++b) flagged[b] |= f[b];
    }
  // Less the rules whose required mention elements find no mention to match.
  {
    const std::uint64_t* types = &unmet_types_[(offers & 0xFF) * blocks_];
    const std::uint64_t* others = &unmet_others_[(offers >> 8) * blocks_];
    for (std::size_t b = 0; b < blocks_; ++b) flagged[b] &= ~(types[b] | others[b]);
  }
  // A flagged rule is kept when all its atoms are here and its mention
  // needs are met in order.
  auto keep = [&](std::size_t i) {
    for (std::size_t k = atom_begin_[i]; k < atom_begin_[i + 1]; ++k) {
      const std::uint8_t a = rule_atoms_[k];
      if (!((present[a / 64] >> (a % 64)) & 1)) return false;
    }
    // Each need met by a mention unit after the previous need's: the
    // earliest unit for each leaves the most room to the next ones.
    if (n_offers <= unit_offers.size() && need_begin_[i + 1] - need_begin_[i] > 1) {
      std::size_t m = 0;
      for (std::size_t k = need_begin_[i]; k < need_begin_[i + 1]; ++k, ++m) {
        while (m < n_offers && !(unit_offers[m] & needs_[k])) ++m;
        if (m == n_offers) return false;
      }
    }
    return true;
  };
  list.clear();
  for (std::size_t b = 0; b < blocks_; ++b)
    for (std::uint64_t m = flagged[b]; m; m &= m - 1) {
      const std::size_t i = b * 64 + static_cast<std::size_t>(std::countr_zero(m));
      if (keep(i)) list.push_back(i);
    }
}

}  // namespace econkg
