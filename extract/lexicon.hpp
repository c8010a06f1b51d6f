#pragma once
// Every word list and gazetteer of one language, loaded once from the lexicon
// folder and matched many times: proper-name gazetteers (companies, places,
// countries from ICU), common-noun lists (titles, organisation, facility and
// event nouns), demonyms, legal suffixes, named word lists used by rules, and
// hunspell morphology (lemma and part of speech) cached per word form.
//
// Thread safety: immutable after construction except the morphology cache,
// which is guarded; every const member may be called from any thread.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/short_hash.hpp"
#include "extract/text.hpp"

namespace econkg {

// Part-of-speech bits set on tokens by lexicon::analyse.
enum pos_bit : std::uint32_t {
  pos_verb = 1u << 0,
  pos_noun = 1u << 1,
  pos_adj = 1u << 2,
  pos_first_name = 1u << 3,
  pos_surname = 1u << 4,
  pos_proper = 1u << 5,
  pos_past_participle = 1u << 6,
  pos_infinitive = 1u << 7,
  pos_conditional = 1u << 8,
  pos_known = 1u << 9,        // the dictionary knows the form
  pos_common_word = 1u << 10, // the lower-case form is a common word (noun, verb, adjective, …)
};

// A gazetteer entry (STYLE: surface, type, canonical id, priority; parent area).
struct gazetteer_entry {
  std::string surface, type, id, parent;
  int priority = 10;
};

// What the mention finder asks of a gazetteer entry, kept in a dense array
// beside names(): reading it touches a few bytes, where the entry itself is
// four strings spread over the heap (a cache miss each). The finder reads
// it summed up per name phrase (name_phrase, computed from these at load).
struct name_summary {
  int priority = 10;  // the entry's priority
  std::uint8_t bits = 0;
  const std::string* country = nullptr;  // country_name(id) for a "country:" id, or nullptr
};
enum name_summary_bit : std::uint8_t {
  name_organization = 1,  // type is "Organization"
  name_place = 2,         // type is "Place"
  // The surface is an acronym: at most 4 bytes, none of them a-z, and
  // lower_utf8 changes it.
  name_acronym = 4,
};

// What the mention finder asks of all the entries of one name phrase (the
// entries phrase_table::values gives at its node), computed once at load:
// reading it touches 16 bytes, where going through the entries reads their
// list, their summaries and then the chosen entry (a cache miss each).
struct name_phrase {
  // The entry of highest priority, an organisation on a tie (the first on
  // a full tie): the entry the finder takes for the phrase.
  std::uint32_t best = 0;
  std::uint8_t bits = 0;  // name_phrase_bit
  const std::string* country = nullptr;  // name_summaries()[best].country
};
enum name_phrase_bit : std::uint8_t {
  phrase_not_acronym = 1,     // some entry is not name_acronym
  phrase_organization = 2,    // some entry is name_organization
  phrase_place = 4,           // some entry is name_place
  phrase_first_organization = 8,  // the first entry is name_organization
};

// Lower-case word forms numbered from 1: every word a phrase table, a word
// list, a demonym, a legal suffix or a rule names. Tokens carry the number of
// their forms (token::word, 0 for a form no table names), so lexicon lookups
// compare integers instead of hashing strings again and again.
class vocabulary {
 public:
  // The number of `w`, added if new (while loading only).
  std::uint32_t add(std::string_view w);
  // The number of `w`, or 0.
  std::uint32_t find(std::string_view w) const {
    // Punctuation marks and single digits, a good part of all tokens, are
    // one ASCII byte: found in a table, without hashing.
    if (w.size() == 1 && static_cast<unsigned char>(w[0]) < ascii_.size()) return ascii_[static_cast<unsigned char>(w[0])];
    // Numbers (2019, 3,5, 10%), another good part, are known absent without
    // hashing when no longer word starts with their first digit.
    if (w.size() > 1 && w[0] >= '0' && w[0] <= '9' && !((digit_led_ >> (w[0] - '0')) & 1u)) return 0;
    return find_in_map(w);
  }
  std::size_t size() const { return count_ + 1; }

 private:
  // An open-addressing table (linear probing, at most half full): each slot
  // holds the upper half of its word's hash, so most probes of a word that
  // is not there end in the slot without reading any text, and the word's
  // place in chars_ (all words one after another). A lookup reads one or
  // two cache lines instead of a bucket list and a node.
  struct slot {
    std::uint32_t tag = 0;  // upper 32 bits of short_hash
    std::uint32_t id = 0;   // 0: the slot is empty
    std::uint32_t offset = 0, length = 0;
  };
  std::uint32_t find_in_map(std::string_view w) const;
  void grow();
  std::vector<slot> slots_;
  std::string chars_;
  std::uint32_t count_ = 0;
  std::array<std::uint32_t, 128> ascii_{};  // the number of each one-byte ASCII word, or 0
  std::uint32_t digit_led_ = 0;  // bit d: some word of two bytes or more starts with the digit d
};

// Phrases (one or more words) as a trie over word numbers; the value is an
// index into a caller's table.
class phrase_table {
 public:
  void add(const std::vector<std::uint32_t>& words, std::size_t value);
  // Longest phrase starting at tokens[i] (by token::word); returns its length
  // in tokens (0 when none) and sets `values` to its entries.
  std::size_t longest(const std::vector<token>& tokens, std::size_t i, std::size_t end,
                      const std::vector<std::size_t>** values) const {
    std::uint32_t node = 0;
    const std::size_t n = longest_node(tokens, i, end, &node);
    if (n) *values = &values_[node];
    return n;
  }
  // The same, giving the phrase's node (a number below nodes(), never 0)
  // instead of its entries: values(node) are those entries.
  std::size_t longest_node(const std::vector<token>& tokens, std::size_t i, std::size_t end, std::uint32_t* node) const;
  const std::vector<std::size_t>& values(std::uint32_t node) const { return values_[node]; }
  std::size_t nodes() const { return values_.size(); }
  // Whether word number `w` is the first word of some phrase: longest()
  // finds nothing at a token whose word is not, so a caller may skip it.
  bool starts(std::uint32_t w) const {
    return w / 64 < first_bits_.size() && ((first_bits_[w / 64] >> (w % 64)) & 1);
  }

 private:
  // longest() runs at almost every token and most calls end at the first
  // word, so its cost is cache misses, not instructions: a bit per word
  // number (is it the first word of some phrase?) is checked before anything
  // else; the root's children are indexed by word number, deeper edges are
  // (node << 32 | word) -> child in an open-addressing table (linear
  // probing, at most half full, key 0 for an empty slot: no edge leaves the
  // root there); what longest() asks of a node is one byte in flags_.
  struct edge {
    std::uint64_t key = 0;
    std::uint32_t next = 0;
  };
  enum : unsigned char { node_inner = 1, node_values = 2 };
  std::uint32_t find_edge(std::uint64_t key) const;
  std::uint32_t add_edge(std::uint64_t key, std::uint32_t next);
  std::vector<std::uint64_t> first_bits_;
  // The root's child for each word number, shifted left by two, with that
  // child's flags in the two low bits (one read for a one-word phrase).
  std::vector<std::uint32_t> first_;
  std::vector<edge> edges_;
  std::size_t edge_count_ = 0;
  std::vector<std::vector<std::size_t>> values_{1};  // entries of the phrase ending at each node
  // node_inner: some phrase goes on after the node; node_values: some
  // phrase ends at the node (values_ of the node is not empty).
  std::vector<unsigned char> flags_{0};
};

class lexicon {
 public:
  // Loads `dir`/gazetteer/*.tsv, `dir`/<lang>/*.tsv, `dir`/<lang>/lists/*.txt
  // and hunspell's <lang> dictionary. Throws std::runtime_error "file:line: why".
  lexicon(const std::string& dir, const std::string& lang, const segmenter& seg);
  ~lexicon();

  // Tokens' forms of phrases shared by the lexicons of a process (loading
  // only; defined in lexicon.cpp).
  struct phrase_forms;

  // Sets the word numbers, list bits and pos bits of every token of `text`.
  void analyse(std::string_view text, std::vector<token>& tokens) const;

  // Word numbers (see vocabulary). add_word is for loaders (rules) only,
  // before any text is analysed.
  // Throws std::logic_error once a form has been analysed: the morphology
  // cache keeps the word numbers it saw, so a later word would be missed.
  std::uint32_t add_word(std::string_view lower);
  std::uint32_t word(std::string_view lower) const { return words_.find(lower); }

  // Part-of-speech bits of one word form (as analyse() would set them).
  std::uint32_t word_pos(const std::string& form) const;

  const std::string& lang() const { return lang_; }
  const std::vector<gazetteer_entry>& names() const { return names_; }
  // name_summaries()[e] sums up names()[e].
  const std::vector<name_summary>& name_summaries() const { return name_summaries_; }
  const phrase_table& name_phrases() const { return name_phrases_; }
  // What the entries of the name phrase ending at `node` of name_phrases()
  // tell (see name_phrase); `node` as longest_node() gives it.
  const name_phrase& name_phrase_at(std::uint32_t node) const { return name_phrase_info_[node]; }
  // Common-noun lists: the value is an index into the matching *_kinds vector.
  const phrase_table& titles() const { return titles_; }
  const phrase_table& org_nouns() const { return org_nouns_; }
  const phrase_table& facility_nouns() const { return facility_nouns_; }
  const phrase_table& event_nouns() const { return event_nouns_; }
  const std::vector<std::string>& title_kinds() const { return title_kinds_; }
  bool legal_suffix(const std::string& lower) const { return legal_suffixes_.count(lower) > 0; }
  // legal_suffix() of a token's lower-case form by its word number (every
  // legal suffix is a word of the vocabulary): one bit read, no hashing.
  bool legal_suffix_word(std::uint32_t word) const { return bit(legal_suffix_bits_, word); }
  // Gazetteer id of a country's ISO code ("country:CN") -> its name in this language.
  const std::string* country_name(const std::string& id) const;
  // A named word list (`dir`/<lang>/lists/<name>.txt); throws if unknown.
  const std::unordered_set<std::string>& list(const std::string& name) const;
  bool has_list(const std::string& name) const { return lists_.count(name) > 0; }
  // The same lists as bits: list_bit(name) is 0 for an unknown list, and
  // in_lists(word, bits) tells whether a word number is in any list of `bits`.
  std::uint64_t list_bit(const std::string& name) const;
  std::uint64_t lists_of(std::uint32_t word) const { return word < list_bits_.size() ? list_bits_[word] : 0; }
  // A word number's demonym country code, or nullptr. Asked at many tokens
  // and a demonym at few: a bit per word is read first (a pointer per word
  // would be a cache miss).
  const std::string* demonym(std::uint32_t word) const {
    return bit(demonym_bits_, word) ? demonym_by_word_[word] : nullptr;
  }

 private:
  void load_gazetteers(const std::vector<std::string>& paths, const segmenter& seg);
  void load_nouns(const std::string& path, const segmenter& seg, phrase_table& table,
                  std::vector<std::string>* kinds);
  void add_countries(const segmenter& seg);
  // Adds gazetteer entries to names() and their surfaces to name_phrases().
  void add_names(const segmenter& seg, const std::vector<gazetteer_entry>& entries, phrase_forms* shared = nullptr);

  // Word numbers of each phrase's tokens (numbers given in phrase order).
  // With `shared` (the phrases of a gazetteer file, which every lexicon of
  // the process loads): the first lexicon keeps its tokens' forms there, and
  // later ones take them for the phrases whose tokens are the same whatever
  // the segmenter's language (see phrase_forms in lexicon.cpp).
  std::vector<std::vector<std::uint32_t>> phrase_words(const segmenter& seg, const std::vector<std::string_view>& phrases,
                                                       phrase_forms* shared = nullptr);

  std::string lang_;
  vocabulary words_;
  std::vector<gazetteer_entry> names_;
  std::vector<name_summary> name_summaries_;
  std::vector<name_phrase> name_phrase_info_;  // by node of name_phrases_ (see name_phrase_at)
  phrase_table name_phrases_, titles_, org_nouns_, facility_nouns_, event_nouns_;
  std::vector<std::string> title_kinds_;
  std::unordered_map<std::string, std::string> demonyms_;
  std::unordered_set<std::string> legal_suffixes_;
  std::unordered_map<std::string, std::string> country_names_;
  std::map<std::string, std::unordered_set<std::string>> lists_;
  std::map<std::string, std::uint64_t> list_bit_;   // list name -> its bit
  std::vector<std::uint64_t> list_bits_;            // word number -> bits of the lists holding it
  std::vector<const std::string*> demonym_by_word_;  // word number -> ISO code in demonyms_, or nullptr
  std::vector<std::uint64_t> demonym_bits_, legal_suffix_bits_;  // a bit per word number
  static bool bit(const std::vector<std::uint64_t>& bits, std::uint32_t w) {
    return w / 64 < bits.size() && ((bits[w / 64] >> (w % 64)) & 1);
  }
  static void set_bit(std::vector<std::uint64_t>& bits, std::uint32_t w) {
    if (bits.size() <= w / 64) bits.resize(w / 64 + 1, 0);
    bits[w / 64] |= std::uint64_t{1} << (w % 64);
  }

  // The parsed gazetteer files, held so that the next lexicon of the process
  // reading them finds them parsed.
  std::vector<std::shared_ptr<const void>> gazetteers_;

  struct morphology;
  std::unique_ptr<morphology> morph_;
};

namespace detail {
// How many waits for a busy hunspell instance make a thread open one more
// (dictionary::with in lexicon.cpp); tests set 0 to open one at every
// collision, as if threads kept colliding.
extern std::atomic<std::size_t> hunspell_waits_per_instance;
}  // namespace detail

}  // namespace econkg
