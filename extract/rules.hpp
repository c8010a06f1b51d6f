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

// The slot names of the rule language ("as"), numbered: rule elements and
// the statement builder name slots by number, not by comparing strings.
inline constexpr std::array<std::string_view, 11> slot_names = {
    "subject", "object", "amount", "quantity", "jobs", "stake", "date", "title", "quote", "product", "owner"};
enum slot_id : std::uint8_t {
  slot_subject, slot_object, slot_amount, slot_quantity, slot_jobs, slot_stake,
  slot_date, slot_title, slot_quote, slot_product, slot_owner,
  no_slot = 0xFF
};
// The number of a slot name; throws std::logic_error for another name.
std::uint8_t slot_number(std::string_view name);

struct rule_element {
  std::vector<std::string> words, lemmas;
  std::vector<const std::unordered_set<std::string>*> word_lists, lemma_lists;
  // The same as the lexicon's word numbers and list bits, which matching uses.
  std::vector<std::uint32_t> word_ids, lemma_ids, gap_no_ids;
  std::uint64_t word_bits = 0, lemma_bits = 0;
  // Bit (number mod 64) of every id in word_ids / lemma_ids: a token whose
  // numbers have none of these bits needs no search of the ids.
  std::uint64_t word_sig = 0, lemma_sig = 0, gap_no_sig = 0;
  std::uint32_t pos = 0;
  std::vector<std::string> ent_types;  // "Any" matches every type
  bool want_entity = false;
  std::string value_kind;
  bool want_title = false, want_quote = false;
  std::string slot;
  std::uint8_t slot_id = no_slot;  // slot_number(slot), no_slot without "as"
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

// A rule_element as matching reads it: its conditions in one cache line
// (a rule_element spreads them over several, among its strings and
// vectors), its word numbers in the rule's code_ids. Made by parse_rule.
struct element_code {
  std::uint64_t word_bits = 0, lemma_bits = 0;
  std::uint64_t word_sig = 0, lemma_sig = 0, gap_no_sig = 0;
  std::uint32_t pos = 0;
  std::uint16_t mention_mask = 0, gap_no_mask = 0;
  // The element's word_ids, lemma_ids and gap_no_ids, one after the other
  // in rule::code_ids from `ids` on.
  std::uint16_t ids = 0, n_word_ids = 0, n_lemma_ids = 0, n_gap_no_ids = 0;
  std::uint8_t gap = 0;  // at most 40
  std::uint8_t slot_id = no_slot;
  bool wants_mention = false, has_words = false, has_lemmas = false, optional = false, is_gap = false;
};

// (Aligned to a cache line: the fields matching reads come first and share
// one line.)
struct alignas(64) rule {
  // The pattern as matching reads it: one element_code per element, and
  // their word numbers (see element_code::ids).
  std::vector<element_code> code;
  std::vector<std::uint32_t> code_ids;
  std::size_t anchor = SIZE_MAX;  // index of the required word or lemma element that bounds a match's start (match_rule), if any
  std::string id, lang, predicate, where;
  double confidence = 0.7;
  bool date_from_document = false;
  std::string builtin;  // empty for pattern rules
  bool swap = false;    // the statement's subject is the pattern's object and vice versa
  std::vector<rule_element> pattern;
  std::vector<std::size_t> required;  // indices of every required word or lemma element
};

// The captured slots of a match: slot -> unit index, in the order they were
// first set. A small flat map held inline (a pattern captures at most one
// unit per slot name, and there are `capacity` names), cheap to fill, undo
// and copy while the matcher backtracks: no allocation. Slots are numbers
// (slot_id); the names are for readers and tests.
class slot_map {
 public:
  static constexpr std::size_t capacity = slot_names.size();
  using value_type = std::pair<std::string_view, std::size_t>;
  // Iterates (name, unit) pairs, made on the fly from the numbers.
  class const_iterator {
   public:
    const_iterator(const slot_map* m, std::size_t i) : m_(m), i_(i) {}
    value_type operator*() const { return value_type(slot_names[m_->ids_[i_]], m_->units_[i_]); }
    struct arrow {
      value_type v;
      const value_type* operator->() const { return &v; }
    };
    arrow operator->() const { return arrow{**this}; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
    std::uint8_t id() const { return m_->ids_[i_]; }
    std::size_t unit() const { return m_->units_[i_]; }

   private:
    const slot_map* m_;
    std::size_t i_;
  };
  void set(std::uint8_t id, std::size_t unit) {
    for (std::size_t i = 0; i < size_; ++i)
      if (ids_[i] == id) {
        units_[i] = unit;
        return;
      }
    if (size_ == capacity) throw std::logic_error("slot_map: more slot names than the rule language has");
    ids_[size_] = id;
    units_[size_++] = unit;
  }
  void erase(std::uint8_t id) {
    for (std::size_t i = 0; i < size_; ++i)
      if (ids_[i] == id) {
        for (std::size_t j = i + 1; j < size_; ++j) {
          ids_[j - 1] = ids_[j];
          units_[j - 1] = units_[j];
        }
        --size_;
        return;
      }
  }
  const_iterator find(std::uint8_t id) const {
    for (std::size_t i = 0; i < size_; ++i)
      if (ids_[i] == id) return const_iterator(this, i);
    return end();
  }
  void set(std::string_view name, std::size_t unit) { set(slot_number(name), unit); }
  void erase(std::string_view name) { erase(slot_number(name)); }
  const_iterator find(std::string_view name) const { return find(slot_number(name)); }
  // The same with a C string, which would otherwise be ambiguous.
  void set(const char* name, std::size_t unit) { set(std::string_view(name), unit); }
  void erase(const char* name) { erase(std::string_view(name)); }
  const_iterator find(const char* name) const { return find(std::string_view(name)); }
  const_iterator begin() const { return const_iterator(this, 0); }
  const_iterator end() const { return const_iterator(this, size_); }
  std::size_t size() const { return size_; }

 private:
  std::array<std::uint8_t, capacity> ids_{};
  std::array<std::size_t, capacity> units_{};
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
  static constexpr std::uint16_t organization_type = 1u << 0;  // the entity_type of an Organization
  // Is mention number `mention` a value of kind `kind`? (One bit per value
  // kind, from bit value_shift on.)
  bool is_value(std::size_t mention, value_kind kind) const {
    return (bits_[mention] >> (value_shift + static_cast<int>(kind))) & 1;
  }
  static constexpr int value_shift = 9;
  // Is mention number `mention` a quotation?
  bool is_quote(std::size_t mention) const { return (bits_[mention] & quote_bit) != 0; }
  static constexpr std::uint16_t quote_bit = 1u << 14;

 private:
  std::vector<std::uint16_t> bits_;
};

// One unit of a segment as rule elements read it, worked out once per
// segment (unit_table) rather than by every element of every candidate rule:
// the bits of its mention, and for a unit that shows a token (a token, or a
// one-token mention: « Il », a title word) that token's word numbers, list
// bits and part of speech, with the signature bits (see rule_element) of its
// form and of its readings (form, lemma, second lemma).
struct unit_info {
  std::uint64_t lists = 0, lemma_lists = 0;
  std::uint64_t word_sig = 0, lemma_sig = 0;
  std::uint32_t word = 0, lemma_word = 0, alt_word = 0, pos = 0;
  std::uint16_t mention = 0;  // mention_facts bits, 0 for a token
  std::uint16_t offer = 0;    // what the mention offers rule_index's mention needs, 0 for a token
  bool is_mention = false;
  bool has_token = false;     // a token, or a one-token mention
  bool parenthetical = false;
  bool semicolon = false;     // the token « ; » (a gap never crosses it)
};

// The units of one segment as unit_info, in a buffer reused from segment to
// segment.
class unit_table {
 public:
  void fill(const analysis& a, const mention_facts& f, const segment_units& s);
  const unit_info* data() const { return units_.data(); }
  std::size_t size() const { return units_.size(); }
  const unit_info& operator[](std::size_t i) const { return units_[i]; }
  // The indices of the mention units, in order.
  const std::vector<std::size_t>& mentions() const { return mentions_; }

 private:
  std::vector<unit_info> units_;
  std::vector<std::size_t> mentions_;
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
// element that no token there satisfies cannot, so it is not tried. The
// word and the lemma condition of every required element are "atoms",
// numbered once per rule set (the same condition in several rules is one
// atom); a segment's tokens set the bits of the atoms they satisfy, and a
// rule is a candidate only when all of its atoms are set and its required
// mention elements find mentions of their kinds. One atom of each rule,
// the one guessed rarest, flags it, so that only rules flagged are
// checked. Built once per rule set, like RE2::Set.
class rule_index {
 public:
  rule_index(const std::vector<rule>& rules, const lexicon& lex);
  // Sets `list` to the indices of the rules that may match in the segment,
  // in rule order, from the text's mention facts. The index points into
  // `rules`, which must outlive it.
  void candidates(const analysis& a, const mention_facts& f, const segment_units& s,
                  std::vector<std::size_t>& list) const;
  // The same from the segment's unit table.
  void candidates(const unit_table& units, std::vector<std::size_t>& list) const;
  // The required word or lemma element that bounds where a match of `r`
  // can start (rule::anchor), or nullptr.
  static const rule_element* anchor(const rule& r);

 private:
  // Rules as bit sets, one bit per rule in rule order (blocks_ words each),
  // atoms as bit sets of a fixed size: atom number n is bit n mod
  // atom_bits, so that more atoms than bits would share bits (a rule could
  // then be tried in vain, never skipped wrongly).
  static constexpr std::size_t atom_bits = 256;
  using atom_set = std::array<std::uint64_t, atom_bits / 64>;
  std::size_t blocks_;
  // Word number -> the atoms it satisfies as a token's form (its word
  // conditions and its lemma conditions, which look at the form too) and as
  // one of its lemmas: entry_[w] is the number k of its pair of atom sets,
  // masks_[2 k] (form) and masks_[2 k + 1] (lemma). Most words satisfy none:
  // their k is 0, whose sets are empty, as is the k of a word number past
  // entry_, so that every word is looked up the same way, without a branch
  // (a branch on whether a word names atoms is mispredicted all the time).
  // Words of the same atoms share an entry: a byte numbers them (about 180
  // entries for the French rules; see the constructor past max_entries).
  static constexpr std::size_t max_entries = 256;
  std::vector<std::uint8_t> entry_;
  std::vector<atom_set> masks_;
  std::size_t entry(std::uint32_t w) const { return entry_[w < entry_.size() ? w : 0]; }
  // The atoms that word lists satisfy, by list bit: for word conditions (a
  // token's lists) and for lemma conditions (its lemmas' lists); the list
  // bits that any atom names.
  std::array<atom_set, 64> list_atoms_{}, lemma_list_atoms_{};
  std::uint64_t atom_lists_ = 0, atom_lemma_lists_ = 0;
  // Every rule's atoms, rule i's in rule_atoms_[atom_begin_[i] .. atom_begin_[i + 1]).
  std::vector<std::uint8_t> rule_atoms_;  // (atom numbers are below atom_bits)
  std::vector<std::uint32_t> atom_begin_;
  // Atom -> the rules it flags (blocks_ words), for the atoms in anchors_.
  std::vector<std::uint64_t> flags_, anchors_;
  std::vector<std::uint64_t> always_, quote_rules_;  // rule bit sets
  // The required mention elements of every rule: each needs some mention of
  // its kind in the segment (an entity of one of its types, a value of its
  // kind, a title, a quotation), as a mask of what a segment offers (see
  // candidates()), rule i's in needs_[need_begin_[i] .. need_begin_[i + 1]).
  // In pattern order: each element takes a mention unit of its own, after
  // the previous one's, so the needs must be met by mention units in that
  // order (« in Austin , Texas , which »: two places, a title then a person).
  std::vector<std::uint16_t> needs_;
  std::vector<std::uint32_t> need_begin_;
  // The rules that some need of theirs rules out, by what a segment offers:
  // a need asks either for entity types (the offer's low byte) or for a
  // value kind, a title or a quotation (its high bits), so two tables of
  // rule bit sets (blocks_ words an entry) cover every offer: entry o of
  // unmet_types_ holds the rules with an entity need that offer byte o does
  // not meet, entry o of unmet_others_ those with another need that offer
  // bits o << 8 do not meet.
  std::vector<std::uint64_t> unmet_types_, unmet_others_;
};

// Every match of `r` in one segment (at most one per start unit).
std::vector<rule_match> match_rule(const rule& r, const analysis& a, const segment_units& s);
// The same into `out` (cleared first), whose storage is reused, with the
// text's mention facts worked out beforehand.
void match_rule(const rule& r, const analysis& a, const mention_facts& f, const segment_units& s,
                std::vector<rule_match>& out);
// The same from the segment's unit table.
void match_rule(const rule& r, const unit_table& units, std::vector<rule_match>& out);

}  // namespace econkg
