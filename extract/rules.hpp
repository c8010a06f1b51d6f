#pragma once
// The relation-rule language: a rule is a sequence of elements matched over a
// sentence's units (a token, or a whole mention: entity, value, title or
// quotation). Rules live in JSONL files, one rule a line, each with an id that
// every statement it makes carries.
//
// Element keys (all optional; every condition given must hold):
//   "w": "word" | ["w1", "@list"]      lower-cased surface in the set
//   "lemma": "investir" | [...]        token lemma (either reading) in the set
//   "pos": "verb"|"noun"|"adj"|"ppas"|"inf"   part of speech
//   "ent": "Organization" | [...] | "Any"     an entity mention of these types
//   "val": "money"|"quantity"|"percent"|"date" a value mention
//   "title": true    a job-title mention      "quote": true   a quotation
//   "as": slot       capture: subject, object, amount, quantity, jobs, stake,
//                    date, title, quote, product, owner (a facility
//                    whose owning organisation is the subject)
//   "opt": true      the element may be absent
//   "gap": N         skip 0..N units (shortest first); with "no": [types or
//                    words] the skipped units may not be these
// Words and lemmas starting with "@" name a word list of the lexicon.
// Rule keys: id, lang, predicate, pattern, confidence (0..1), and optional
// "date": "document" (fall back to the document date). A pattern without a
// subject takes the owner of its object (a facility's company) or, failing
// that, the document's main organisation. "builtin" names a rule made in
// code rather than by a pattern (quote_continuation, facility_place); its id,
// predicate and confidence still come from the data file. "swap": true turns
// the statement round (« menée par Bpifrance »: the captured object funds the
// document's main organisation).
//
// Thread safety: immutable after loading.
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/analysis.hpp"
#include "extract/lexicon.hpp"

namespace econkg {

struct rule_element {
  std::vector<std::string> words, lemmas;
  std::vector<const std::unordered_set<std::string>*> word_lists, lemma_lists;
  // The same as the lexicon's word numbers and list bits, which matching uses.
  std::vector<std::uint32_t> word_ids, lemma_ids, gap_no_ids;
  std::uint64_t word_bits = 0, lemma_bits = 0;
  // Bit (number mod 64) of every id in word_ids / lemma_ids: a token whose
  // numbers have none of these bits needs no search of the ids.
  std::uint64_t word_sig = 0, lemma_sig = 0;
  std::uint32_t pos = 0;
  std::vector<std::string> ent_types;  // "Any" matches every type
  bool want_entity = false;
  std::string value_kind;
  bool want_title = false, want_quote = false;
  std::string slot;
  bool optional = false;
  bool is_gap = false;
  std::size_t gap = 0;
  std::vector<std::string> gap_no_types, gap_no_words;
  // The same conditions as bits, which matching uses (see mention_facts):
  // the mentions the element accepts (0: it asks for no mention), whether it
  // has a word or a lemma condition, and the entity types a gap may not skip.
  std::uint16_t mention_mask = 0;
  bool wants_mention = false, has_words = false, has_lemmas = false;
  std::uint16_t gap_no_mask = 0;
};

struct rule {
  std::string id, lang, predicate, where;
  double confidence = 0.7;
  bool date_from_document = false;
  std::string builtin;  // empty for pattern rules
  bool swap = false;    // the statement's subject is the pattern's object and vice versa
  std::vector<rule_element> pattern;
  std::size_t anchor = SIZE_MAX;  // index of the required word or lemma element that indexes the rule, if any
  std::vector<std::size_t> required;  // indices of every required word or lemma element
};

// The captured slots of a match: slot name -> unit index, in the order
// they were first set. A small flat map held inline (a pattern captures at
// most one unit per slot name, and there are `capacity` names), cheap to
// fill, undo and copy while the matcher backtracks: no allocation.
class slot_map {
 public:
  static constexpr std::size_t capacity = 11;  // the slot names of the rule language
  using value_type = std::pair<std::string_view, std::size_t>;
  using const_iterator = const value_type*;
  void set(std::string_view name, std::size_t unit) {
    for (std::size_t i = 0; i < size_; ++i)
      if (slots_[i].first == name) {
        slots_[i].second = unit;
        return;
      }
    if (size_ == capacity) throw std::logic_error("slot_map: more slot names than the rule language has");
    slots_[size_++] = value_type(name, unit);
  }
  void erase(std::string_view name) {
    for (std::size_t i = 0; i < size_; ++i)
      if (slots_[i].first == name) {
        for (std::size_t j = i + 1; j < size_; ++j) slots_[j - 1] = slots_[j];
        --size_;
        return;
      }
  }
  const_iterator find(std::string_view name) const {
    for (std::size_t i = 0; i < size_; ++i)
      if (slots_[i].first == name) return &slots_[i];
    return end();
  }
  const_iterator begin() const { return slots_.data(); }
  const_iterator end() const { return slots_.data() + size_; }

 private:
  std::array<value_type, capacity> slots_{};
  std::size_t size_ = 0;
};

// What each mention of an analysed text offers rule elements, as bits: the
// type of its entity (and whether a slot that wants a person may take it),
// the kind of its value, a title, a quotation. Worked out once per text, so
// that matching compares bits rather than type names. (A parallel vector to
// analysis::mentions only because analysis.hpp is not the matcher's to change.)
//
// Thread safety: immutable after construction.
class mention_facts {
 public:
  // Reads every mention of `a` (after coreference: entities must be final).
  explicit mention_facts(const analysis& a);
  // The bits of mention number `mention`.
  std::uint16_t operator[](std::size_t mention) const { return bits_[mention]; }
  // The type of an entity mention as one bit (0 for another kind of
  // mention): one per ontology type, and `other_type` for any other type.
  std::uint16_t entity_type(std::size_t mention) const { return bits_[mention] & 0xFF; }
  static constexpr std::uint16_t other_type = 1u << 7;

 private:
  std::vector<std::uint16_t> bits_;
};

// A successful match: the unit index of each captured slot.
struct rule_match {
  slot_map slots;
  std::size_t first = 0, last = 0;  // unit range covered [first, last]
};

// The 18 predicates of SPEC §2.
const std::vector<std::string>& known_predicates();

// Loads every *.jsonl rule file of `dir` for `lex.lang()` in sorted order,
// adding the rules' words to the lexicon's vocabulary. Throws std::runtime_error "file:line: why" on a bad rule.
std::vector<rule> load_rules(const std::string& dir, lexicon& lex);

// Parses one rule line (exposed for tests). `where` is "file:line".
rule parse_rule(const std::string& json, const std::string& where, lexicon& lex);

// Which rules can match in a segment: a rule with a required word or lemma
// element that no token there satisfies cannot, so it is not tried. One
// such element (rule::anchor) indexes the rule; the others are checked
// against the segment's words and list bits, and its mention elements
// against the segment's mentions. Built once per rule set, like RE2::Set.
class rule_index {
 public:
  rule_index(const std::vector<rule>& rules, const lexicon& lex);
  // Sets `list` to the indices of the rules that may match in the segment,
  // in rule order, from the text's mention facts. The index points into
  // `rules`, which must outlive it.
  void candidates(const analysis& a, const mention_facts& f, const segment_units& s,
                  std::vector<std::size_t>& list) const;
  // The required word or lemma element that indexes `r`, or nullptr.
  static const rule_element* anchor(const rule& r);

 private:
  // Rules as bit sets, one bit per rule in rule order (blocks_ words each).
  std::size_t blocks_;
  // Word number -> the rules its anchor names: a bit per word number tells
  // whether it names any (most tokens' words name none, and the bits stay
  // in cache where a table entry per word would not), then the rules are
  // rules[begin[w] .. begin[w + 1]).
  struct word_rules {
    std::vector<std::uint64_t> named;
    std::vector<std::uint32_t> begin, rules;
    void build(std::vector<std::vector<std::uint32_t>> by_word);
    bool names(std::uint32_t w) const { return w / 64 < named.size() && ((named[w / 64] >> (w % 64)) & 1); }
  };
  word_rules by_word_, by_lemma_;
  // The required word elements of every rule but its anchor, compact and
  // contiguous (rule i's are checks_[check_begin_[i] .. check_begin_[i + 1])).
  struct check {
    bool words = false, lemmas = false;
    std::uint64_t word_bits = 0, lemma_bits = 0;
    const std::vector<std::uint32_t>* word_ids = nullptr;
    const std::vector<std::uint32_t>* lemma_ids = nullptr;
  };
  std::vector<check> checks_;
  std::vector<std::size_t> check_begin_;
  std::vector<std::uint64_t> always_, quote_rules_;  // rule bit sets
  // The required mention elements of every rule: each needs some mention of
  // its kind in the segment (an entity of one of its types, a value of its
  // kind, a title, a quotation), rule i's in needs_[need_begin_[i] ..
  // need_begin_[i + 1]).
  struct need {
    std::uint8_t kind = 0;    // need_entity, need_value, need_title, need_quote
    std::uint16_t mask = 0;   // entity type bits, or the value kind's bit
  };
  std::vector<need> needs_;
  std::vector<std::size_t> need_begin_;
};

// Every match of `r` in one segment (at most one per start unit).
std::vector<rule_match> match_rule(const rule& r, const analysis& a, const segment_units& s);
// The same into `out` (cleared first), whose storage is reused, with the
// text's mention facts worked out beforehand.
void match_rule(const rule& r, const analysis& a, const mention_facts& f, const segment_units& s,
                std::vector<rule_match>& out);

}  // namespace econkg
