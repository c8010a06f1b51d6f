#include "extract/mentions.hpp"

#include "extract/short_hash.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

namespace econkg {

namespace {

constexpr std::size_t none = SIZE_MAX;

// s == lit, the length compared first and the bytes with a fixed-size
// comparison (std::string == const char* calls strlen and memcmp).
template <std::size_t N>
inline bool eq(std::string_view s, const char (&lit)[N]) {
  return s.size() == N - 1 && std::memcmp(s.data(), lit, N - 1) == 0;
}

// The entity types a resolution accepts (one or two), without allocating.
class type_set {
 public:
  type_set() = default;
  type_set(std::initializer_list<std::string_view> types) {
    for (std::string_view t : types) types_[n_++] = t;
  }
  std::size_t size() const { return n_; }
  std::string_view operator[](std::size_t i) const { return types_[i]; }
  const std::string_view* begin() const { return types_.data(); }
  const std::string_view* end() const { return types_.data() + n_; }

 private:
  std::array<std::string_view, 2> types_{};
  std::size_t n_ = 0;
};

// The word lists the finder reads, looked up by name once (mention_finder's constructor).
enum list_id : std::size_t {
  list_apposition_openers,
  list_based,
  list_corporate_words,
  list_country_nouns,
  list_definites,
  list_detached_suffixes,
  list_determiners,
  list_facility_premodifiers,
  list_facility_refs,
  list_former_markers,
  list_headquarters_nouns,
  list_name_connectors,
  list_not_names,
  list_np_stops,
  list_org_noun_locutions,
  list_part_nouns,
  list_person_cues,
  list_place_preps,
  list_possessives,
  list_pronouns,
  list_speech,
  list_topic_openers,
  list_town_nouns,
  list_count
};
const char* const list_names[list_count] = {
    "apposition_openers",
    "based",
    "corporate_words",
    "country_nouns",
    "definites",
    "detached_suffixes",
    "determiners",
    "facility_premodifiers",
    "facility_refs",
    "former_markers",
    "headquarters_nouns",
    "name_connectors",
    "not_names",
    "np_stops",
    "org_noun_locutions",
    "part_nouns",
    "person_cues",
    "place_preps",
    "possessives",
    "pronouns",
    "speech",
    "topic_openers",
    "town_nouns",
};

// The locale and word break iterator toTitle() would build on every call
// (what it does when given no iterator), built once per thread and language.
struct title_casing {
  std::string lang;
  icu::Locale locale;
  std::unique_ptr<icu::BreakIterator> words;  // nullptr if ICU failed: toTitle() then builds its own, as before
  // Labels title-cased before on this thread: datelines repeat (« PARIS », « NEW YORK »),
  // and toTitle() costs thousands of instructions. Emptied when it reaches max_titled.
  std::unordered_map<std::string, std::string> titled;
  static constexpr std::size_t max_titled = 4096;
};
title_casing& title_casing_for(const std::string& lang) {
  thread_local std::vector<std::unique_ptr<title_casing>> cache;
  for (const auto& c : cache)
    if (c->lang == lang) return *c;
  auto c = std::make_unique<title_casing>(title_casing{lang, icu::Locale(lang.c_str()), nullptr, {}});
  UErrorCode status = U_ZERO_ERROR;
  c->words.reset(icu::BreakIterator::createWordInstance(c->locale, status));
  if (U_FAILURE(status)) c->words.reset();
  cache.push_back(std::move(c));
  return *cache.back();
}

// Lower-cased label or kb id -> entity, for one document: open addressing,
// the keys' bytes appended to one buffer (a slot holds their place), so that
// registering a name allocates nothing but the buffer's and the table's
// growth (std::unordered_map allocated a node a key, and a std::string for a
// long key, and freed them all again at the end of each document). Only
// looked up, never walked: no order depends on the hash.
class key_map {
 public:
  // The value of `key`, or SIZE_MAX.
  std::size_t lookup(std::string_view key) const {
    if (slots_.empty()) return SIZE_MAX;
    return lookup(key, short_hash(key));
  }
  // The same, `hash` given: short_hash(key), kept by a caller that may insert() the key next.
  std::size_t lookup(std::string_view key, std::uint64_t h) const {
    if (slots_.empty()) return SIZE_MAX;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const slot& s = slots_[i];
      if (!used(s)) return SIZE_MAX;
      if (s.hash == h && key_of(s) == key) return s.value;
    }
  }
  // Empties the map, keeping its room for the next document (a very large
  // table is let go). The slots are not swept: a new generation makes them
  // all unused at once (swept only when the generation number wraps).
  void clear() {
    if (slots_.size() > 1024) {
      std::vector<slot>().swap(slots_);
    } else if (++generation_ == 0) {
      for (slot& s : slots_) s.generation = 0;
      generation_ = 1;
    }
    keys_.clear();
    size_ = 0;
  }
  // Maps `key` to `value`, whether it was there or not.
  void set(std::string_view key, std::size_t value) {
    const std::uint64_t h = short_hash(key);
    if (!slots_.empty()) {
      const std::size_t mask = slots_.size() - 1;
      for (std::size_t i = h & mask;; i = (i + 1) & mask) {
        slot& s = slots_[i];
        if (!used(s)) break;
        if (s.hash == h && key_of(s) == key) {
          s.value = value;
          return;
        }
      }
    }
    insert(key, h, value);
  }
  // Maps `key` to `value`, `key` known not to be there (a lookup() found
  // nothing since), `h` its short_hash: set() without hashing and probing again.
  void insert(std::string_view key, std::uint64_t h, std::size_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    slot n;
    n.offset = keys_.size();
    n.size = key.size();
    n.value = value;
    n.hash = h;
    n.generation = generation_;
    keys_.append(key);
    place(n);
  }

 private:
  struct slot {
    std::size_t offset = 0, size = 0;  // the key: keys_[offset, offset + size)
    std::size_t value = 0;
    std::uint64_t hash = 0;
    std::uint32_t generation = 0;  // the map's generation when set: used in that one only
  };
  bool used(const slot& s) const { return s.generation == generation_; }
  std::string_view key_of(const slot& s) const { return std::string_view(keys_).substr(s.offset, s.size); }
  void place(const slot& n) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = n.hash & mask;
    while (used(slots_[i])) i = (i + 1) & mask;
    slots_[i] = n;
    ++size_;
  }
  void grow() {
    std::vector<slot> old(slots_.empty() ? 32 : slots_.size() * 2);
    old.swap(slots_);
    size_ = 0;
    for (const slot& s : old)
      if (used(s)) place(s);
  }

  std::vector<slot> slots_;  // empty, or a power of two, at most half used
  std::string keys_;         // the keys' bytes, in the order they were set
  std::size_t size_ = 0;
  std::uint32_t generation_ = 1;  // never 0: new slots (generation 0) are unused
};

// The working buffers of finder_state, one set a thread, reused from one
// document to the next (a thread runs one find() at a time) so that their
// room is not allocated and freed again for every document.
struct quote_mark {
  std::size_t tok = 0;
  std::size_t para = 0, para_end = 0;  // its paragraph's tokens
};
struct finder_buffers {
  std::vector<std::size_t> occ;
  std::vector<std::uint32_t> sent_of;
  std::vector<std::string> low_labels;
  key_map keys;
  // The tokens some stages start at (see finder_state::index_starts).
  std::vector<std::size_t> name_starts, reference_starts, local_body_starts, title_starts, facility_starts;
  std::vector<quote_mark> quote_marks;
};
finder_buffers& thread_buffers() {
  thread_local finder_buffers buffers;
  return buffers;
}

// Working state of one document: which mention occupies each token.
class finder_state {
 public:
  finder_state(const lexicon& lex, const std::uint64_t* lists, analysis& a)
      : lex_(lex), a_(a), tok_(a.seg.tokens), ntok_(a.seg.tokens.size()), buffers_(thread_buffers()), occ_(buffers_.occ),
        by_key_(buffers_.keys), sent_of_(buffers_.sent_of), low_labels_(buffers_.low_labels), lists_(lists) {
    occ_.assign(ntok_, none);
    by_key_.clear();
    low_labels_.clear();
    index_sentences();
    index_starts();
    // Room for the usual numbers of mentions and entities, so that they are not moved as they grow.
    a_.mentions.reserve(a_.mentions.size() + ntok_ / 4 + 16);
    a_.entities.reserve(a_.entities.size() + 16);
    low_labels_.reserve(a_.entities.capacity());
    for (const doc_entity& e : a_.entities) low_labels_.push_back(lower_utf8(e.label));
  }

  void quotes();
  void values(const value_scanner& scanner);
  void titles();
  void names();
  void local_bodies();
  void facilities();
  void references(bool organisations_only);
  void build_units();

 private:
  void mark_parentheticals(segment_units& seg) const;

 public:
  void merge_prefixed();
  void surnames_alone();
  void short_company_names();
  void same_facilities();
  void listed_places();

 private:
  bool in(const token& t, list_id list) const { return (t.lists & lists_[list]) != 0; }
  // lex_.legal_suffix(lower), by its word number: every legal suffix is a word
  // of the vocabulary, with its bit set (a form outside it is word 0, no bit),
  // so one probe of the vocabulary's table and a bit instead of hashing the
  // string for the lexicon's std::unordered_set.
  bool legal_suffix(std::string_view lower) const { return lex_.legal_suffix_word(lex_.word(lower)); }
  // legal_suffix(lower), or `lower` in the corporate_words list (Motor,
  // International), from one probe: list words too are words of the
  // vocabulary, with their lists' bits (no bit if the lexicon has no such list).
  bool corporate_word(std::string_view lower) const {
    const std::uint32_t w = lex_.word(lower);
    return lex_.legal_suffix_word(w) || (lex_.lists_of(w) & lists_[list_corporate_words]) != 0;
  }
  // table.longest(), without the call at a word that opens no phrase of the
  // table (it finds nothing there): most calls end here.
  static std::size_t longest(const phrase_table& table, const std::vector<token>& tokens, std::size_t i,
                             std::size_t end, const std::vector<std::size_t>** values) {
    return i < end && tokens[i].word && table.starts(tokens[i].word) ? table.longest(tokens, i, end, values) : 0;
  }
  // longest() in the name phrases, giving what the entries of the phrase
  // found tell (`phrase`, left alone when none is found) instead of the entries.
  std::size_t longest_name(std::size_t i, std::size_t end, const name_phrase** phrase) const {
    const phrase_table& table = lex_.name_phrases();
    std::uint32_t node = 0;
    if (i >= end || !tok_[i].word || !table.starts(tok_[i].word)) return 0;
    const std::size_t n = table.longest_node(tok_, i, end, &node);
    if (n) *phrase = &lex_.name_phrase_at(node);
    return n;
  }
  bool free(std::size_t i, std::size_t j) const {
    for (std::size_t k = i; k < j; ++k)
      if (k >= ntok_ || occ_[k] != none) return false;
    return true;
  }
  // An entity mention over tokens [b, e); `reference` when it stands for a name given before.
  std::size_t add_entity_mention(std::size_t b, std::size_t e, std::size_t entity, bool reference) {
    mention& m = new_mention(mention_kind::entity, b, e);
    m.entity = entity;
    m.reference = reference;
    return a_.mentions.size() - 1;
  }
  // A mention of `kind` over tokens [b, e), added in place (no temporary
  // mention to move and destroy) for the caller to fill in; the reference
  // holds until the next mention is added.
  mention& new_mention(mention_kind kind, std::size_t b, std::size_t e) {
    const std::size_t idx = a_.mentions.size();
    mention& m = a_.mentions.emplace_back();
    m.kind = kind;
    m.tok_begin = b;
    m.tok_end = e;
    for (std::size_t k = b; k < e; ++k) occ_[k] = idx;
    return m;
  }
  void kill(std::size_t idx) {
    mention& m = a_.mentions[idx];
    for (std::size_t k = m.tok_begin; k < m.tok_end; ++k)
      if (occ_[k] == idx) occ_[k] = none;
    m.tok_end = m.tok_begin;  // empty: skipped by build_units
  }
  std::string surface(std::size_t i, std::size_t j) const {
    if (i >= j) return {};
    return std::string(a_.text.substr(tok_[i].begin, tok_[j - 1].end - tok_[i].begin));
  }
  // The last sentence starting at or before `tok` (0 if none), from the index built once.
  std::size_t sentence_of(std::size_t tok) const {
    if (tok < sent_of_.size()) return sent_of_[tok];
    auto& ss = a_.seg.sentences;
    auto it = std::upper_bound(ss.begin(), ss.end(), tok,
                               [](std::size_t t, const sentence& s) { return t < s.tok_begin; });
    return it == ss.begin() ? 0 : static_cast<std::size_t>(it - ss.begin() - 1);
  }
  void index_sentences() {
    // What sentence_of's binary search gives, for every token: sentences are
    // in token order, so each one covers the tokens up to the next start.
    const auto& ss = a_.seg.sentences;
    sent_of_.assign(ntok_, 0);
    for (std::size_t s = 0; s < ss.size(); ++s) {
      const std::size_t to = s + 1 < ss.size() ? std::min(ss[s + 1].tok_begin, ntok_) : ntok_;
      for (std::size_t k = ss[s].tok_begin; k < to; ++k) sent_of_[k] = static_cast<std::uint32_t>(s);
    }
  }
  // The tokens where names(), references(), local_bodies(), quotes(),
  // titles() and facilities() may start, read in one walk: those stages then
  // pass over the others without looking at them (what they do at a token
  // depends on its own fields first, which no stage changes). One walk over
  // the tokens instead of one a stage: the tokens are large, and reading them
  // all again costs more than the few starts found.
  void index_starts() {
    auto& names = buffers_.name_starts;
    auto& refs = buffers_.reference_starts;
    auto& bodies = buffers_.local_body_starts;
    auto& marks = buffers_.quote_marks;
    auto& titles = buffers_.title_starts;
    auto& facilities = buffers_.facility_starts;
    names.clear();
    refs.clear();
    bodies.clear();
    marks.clear();
    titles.clear();
    facilities.clear();
    const phrase_table& title_table = lex_.titles();
    const phrase_table& facility_table = lex_.facility_nouns();
    const std::uint64_t openers = lists_[list_definites] | lists_[list_pronouns] | lists_[list_possessives];
    std::size_t para = 0, para_marks = 0;  // the paragraph's first token, and its first mark in `marks`
    for (std::size_t k = 0; k < ntok_; ++k) {
      const token& t = tok_[k];
      if (k > 0 && t.para_start) {  // quotes() reads a paragraph as a first token and the tokens up to the next start
        for (std::size_t q = para_marks; q < marks.size(); ++q) marks[q].para_end = k;
        para = k;
        para_marks = marks.size();
      }
      if (is_name_token(t)) names.push_back(k);
      // Where longest() may find a title, or a facility noun (never capitalised).
      if (t.word) {
        if (title_table.starts(t.word)) titles.push_back(k);
        if (!t.cap && facility_table.starts(t.word)) facilities.push_back(k);
      }
      // The words below told apart by their length first: most tokens are none of them.
      const std::string& w = t.lower;
      const std::size_t len = w.size();
      if ((t.lists & openers) || (len == 1 && w[0] == 'y')) refs.push_back(k);
      if (t.punct) {
        if (len <= 3 && (eq(w, "\"") || eq(w, "«") || eq(w, "“") || eq(w, "»") || eq(w, "”")))
          marks.push_back({k, para, ntok_});
      } else if ((len == 11 && eq(w, "communauté")) || (len == 7 && eq(w, "conseil"))) {
        bodies.push_back(k);
      }
    }
  }
  bool sentence_initial(std::size_t i) const {
    const sentence& s = a_.seg.sentences[sentence_of(i)];
    if (i == s.tok_begin) return true;
    const std::string& p = tok_[i - 1].lower;
    return eq(p, "«") || eq(p, "“") || eq(p, "\"") || eq(p, "(") || eq(p, "—") || eq(p, "–") || eq(p, ":") || eq(p, "-");
  }
  bool is_name_token(const token& t) const { return (t.cap || t.upper) && !t.digit; }
  // « Fondée en 2019 par A, B et C, la société … »: the description right after a
  // sentence-opening participle clause is the main clause's subject, which the
  // clause describes; the names inside the clause are not its antecedents.
  bool after_fronted_participle(std::size_t i) const {
    const sentence& s = a_.seg.sentences[sentence_of(i)];
    const token& first = tok_[s.tok_begin];
    return i > s.tok_begin + 2 && eq(tok_[i - 1].lower, ",") && first.cap && (first.pos & pos_past_participle) &&
           occ_[s.tok_begin] == none;
  }
  // The organisation named most often before `tok` (references included); the first named on a tie.
  std::size_t protagonist(std::size_t tok) const {
    std::map<std::size_t, std::size_t> count;
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < tok; ++k) {
      std::size_t m = entity_mention_at(k);
      if (m == none || !eq(a_.entities[a_.mentions[m].entity].type, "Organization")) continue;
      if (a_.mentions[m].entity == skip_entity_) continue;
      if (count[a_.mentions[m].entity]++ == 0) order.push_back(a_.mentions[m].entity);
    }
    std::size_t best = none;
    for (std::size_t e : order)
      if (best == none || count[e] > count[best]) best = e;
    return best;
  }
  std::size_t entity_mention_at(std::size_t k) const {
    if (k >= ntok_ || occ_[k] == none) return none;
    const mention& m = a_.mentions[occ_[k]];
    return m.kind == mention_kind::entity && m.tok_begin == k ? occ_[k] : none;
  }
  // strength: 0 typed by default, 1 by a first name alone, 2 by a lexicon or a cue (-1: from `weak`).
  std::size_t register_entity(const std::string& label, std::string_view type, const std::string& kb_id,
                              const std::string& parent, bool weak, int strength = -1);
  std::size_t last_entity_before(std::size_t tok, const type_set& types, bool country_only = false,
                                 std::size_t not_before = 0) const;
  std::size_t resolve_description(std::size_t tok, const type_set& types, bool country_only) const;
  std::size_t subject_of(std::size_t sent, std::size_t limit, const type_set& types,
                         bool country_only) const;
  std::size_t salient(std::size_t sent, std::size_t tok, const type_set& types, bool country_only) const;
  std::size_t first_entity_in_sentence(std::size_t sent) const;
  // lower_utf8(a_.entities[k].label), computed when the label is set.
  const std::string& label_low(std::size_t k) const { return low_labels_[k]; }
  // The name starting at token i (before `end`); `gl` and `phrase` are what
  // longest_name(i, end, …) gives there (`phrase` nullptr when gl is 0).
  void name_at(std::size_t& i, std::size_t end, std::size_t gl, const name_phrase* phrase);

  const lexicon& lex_;
  analysis& a_;
  std::vector<token>& tok_;
  const std::size_t ntok_;  // the number of tokens, read once: no stage adds or removes tokens
  finder_buffers& buffers_;  // this thread's; occ_ to low_labels_ are its members
  std::vector<std::size_t>& occ_;
  key_map& by_key_;  // lower-cased label or kb id -> entity
  std::vector<std::uint32_t>& sent_of_;          // token -> sentence_of(token)
  std::vector<std::string>& low_labels_;         // entity -> lower_utf8(its label), kept by register_entity
  std::size_t skip_entity_ = SIZE_MAX;  // an entity resolution must pass over (SIZE_MAX: none)
  const std::uint64_t* lists_;  // bits of the word lists by list_id
};

std::size_t finder_state::register_entity(const std::string& label, std::string_view type, const std::string& kb_id,
                                          const std::string& parent, bool weak, int strength) {
  if (strength < 0) strength = weak ? 0 : 2;
  std::string low = lower_utf8(label);
  std::string quoted;
  const std::string_view key = !kb_id.empty() ? std::string_view(kb_id)
                               : eq(type, "Quotation") ? std::string_view(quoted = "q:" + label)
                                                       : std::string_view(low);
  // The hashes of `key` and `low`, for the insertions below when they are not in the map.
  const std::uint64_t key_hash = short_hash(key);
  std::uint64_t low_hash = 0;
  bool low_absent = false;  // `low` known not to be in the map (low_hash is its hash)
  std::size_t found = by_key_.lookup(key, key_hash);
  bool via_low = key == low;
  if (via_low) {
    low_hash = key_hash;
    low_absent = found == none;
  } else if (found == none && kb_id.empty()) {
    low_hash = short_hash(low);
    found = by_key_.lookup(low, low_hash);
    via_low = true;
    low_absent = found == none;
  }
  if (found != none) {
    doc_entity& e = a_.entities[found];
    if (strength > e.strength) {
      e.type = type;
      e.weak = weak;
      e.strength = strength;
    }
    if (label != e.label && std::find(e.aliases.begin(), e.aliases.end(), label) == e.aliases.end()) {
      if (label.size() > e.label.size() && !eq(e.type, "Place")) {
        e.aliases.push_back(e.label);
        e.label = label;
        low_labels_[found] = low;
      } else {
        e.aliases.push_back(label);
      }
    }
    if (!via_low) by_key_.set(low, found);  // else low maps to `found` already
    return found;
  }
  // A surname alone, or a short company name, refers to an entity named in full before.
  // (Only a person, an organisation or a name typed by default can be such a
  // name: for any other, the walk below finds nothing.)
  const bool as_person = eq(type, "Person") || weak, as_organisation = eq(type, "Organization") || weak;
  if (kb_id.empty() && (as_person || as_organisation)) {
    for (std::size_t k = 0; k < a_.entities.size(); ++k) {
      doc_entity& e = a_.entities[k];
      const std::string& el = label_low(k);
      if (as_person && eq(e.type, "Person") && el.size() > low.size() &&
          el.compare(el.size() - low.size(), low.size(), low) == 0 && el[el.size() - low.size() - 1] == ' ') {
        if (low_absent) by_key_.insert(low, low_hash, k);
        else by_key_.set(low, k);
        return k;
      }
      if (!as_organisation || !eq(e.type, "Organization")) continue;
      bool shorter = el.size() > low.size() && el.compare(0, low.size(), low) == 0 && el[low.size()] == ' ';
      bool longer = low.size() > el.size() && low.compare(0, el.size(), el) == 0 && low[el.size()] == ' ';
      if (shorter || longer) {
        // The rest must be corporate words (Motor, International, plc), not a subsidiary's place.
        std::string rest = shorter ? el.substr(low.size() + 1) : low.substr(el.size() + 1);
        bool corporate = true;
        std::size_t p = 0;
        while (p < rest.size()) {
          std::size_t q = rest.find(' ', p);
          std::string w = rest.substr(p, q == std::string::npos ? std::string::npos : q - p);
          while (!w.empty() && w.back() == '.') w.pop_back();
          if (!corporate_word(w))
            corporate = false;
          if (q == std::string::npos) break;
          p = q + 1;
        }
        if (corporate) {
          if (low_absent) by_key_.insert(low, low_hash, k);
          else by_key_.set(low, k);
          if (longer) {
            e.aliases.push_back(e.label);
            e.label = label;  // the fullest name the document gives
            low_labels_[k] = low;
          } else {
            e.aliases.push_back(label);
          }
          return k;
        }
      }
    }
  }
  std::size_t idx = a_.entities.size();
  doc_entity& e = a_.entities.emplace_back();  // filled in place: no temporary to move and destroy
  e.label = label;
  e.type = type;
  e.kb_id = kb_id;
  e.parent = parent;
  e.weak = weak;
  e.strength = strength;
  by_key_.insert(key, key_hash, idx);  // looked up above, not found
  if (key != low) {
    if (low_absent) by_key_.insert(low, low_hash, idx);
    else by_key_.set(low, idx);
  }
  low_labels_.push_back(std::move(low));  // last: `key` may view `low`
  return idx;
}

std::size_t finder_state::last_entity_before(std::size_t tok, const type_set& types,
                                             bool country_only, std::size_t not_before) const {
  for (std::size_t k = tok; k-- > not_before;) {
    if (occ_[k] == none) continue;
    const mention& m = a_.mentions[occ_[k]];
    if (m.kind != mention_kind::entity || m.tok_begin != k) continue;
    const doc_entity& e = a_.entities[m.entity];
    if (std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    if (country_only && e.kb_id.rfind("country:", 0) != 0) continue;
    if (m.entity == skip_entity_) continue;
    return m.entity;
  }
  return none;
}

// A definite description (« le groupe ») names the last fitting entity of its
// own sentence, else the first (the subject) of one of the three sentences before.
std::size_t finder_state::resolve_description(std::size_t tok, const type_set& types,
                                              bool country_only) const {
  std::size_t sent = sentence_of(tok);
  if (types.size() == 1 && eq(types[0], "Organization") && after_fronted_participle(tok))
    if (std::size_t p = protagonist(tok); p != none) return p;
  // The subject of its own sentence first (« OpenText has agreed to acquire
  // Micro Focus …, the Waterloo-based company said »), else the last fitting name.
  std::size_t r = subject_of(sent, tok, types, country_only);
  if (r == none) r = last_entity_before(tok, types, country_only, a_.seg.sentences[sent].tok_begin);
  if (r != none) return r;
  // Else the previous sentence's subject.
  if (sent > 0) {
    r = subject_of(sent - 1, a_.seg.sentences[sent - 1].tok_end, types, country_only);
    if (r != none) return r;
  }
  // Else the most mentioned candidate of the three sentences before: the
  // article's protagonist more often than the last name read.
  return salient(sent, tok, types, country_only);
}

// The subject of a sentence, when it is one of the candidates: the first
// fitting name before any verb (and before `limit`), not a complement
// (« le patron de Michelin »).
std::size_t finder_state::subject_of(std::size_t sent, std::size_t limit, const type_set& types,
                                     bool country_only) const {
  {
    const sentence& ps = a_.seg.sentences[sent];
    for (std::size_t k = ps.tok_begin; k < ps.tok_end && k < limit; ++k) {
      if ((tok_[k].pos & pos_verb) && !(tok_[k].pos & (pos_noun | pos_adj)) && occ_[k] == none) break;
      std::size_t m = entity_mention_at(k);
      if (m == none) continue;
      const doc_entity& e = a_.entities[a_.mentions[m].entity];
      bool complement = k > ps.tok_begin && (eq(tok_[k - 1].lower, "de") || eq(tok_[k - 1].lower, "d'") ||
                                             eq(tok_[k - 1].lower, "du") || eq(tok_[k - 1].lower, "des"));
      if (complement) break;
      // « FORT WORTH (Reuters) »: a name in parentheses is an aside, not the subject.
      if (k > ps.tok_begin && eq(tok_[k - 1].lower, "(")) {
        k = a_.mentions[m].tok_end - 1;
        continue;
      }
      if (std::find(types.begin(), types.end(), e.type) != types.end() &&
          (!country_only || e.kb_id.rfind("country:", 0) == 0) && a_.mentions[m].entity != skip_entity_)
        return a_.mentions[m].entity;
      k = a_.mentions[m].tok_end - 1;
    }
  }
  return none;
}

std::size_t finder_state::salient(std::size_t sent, std::size_t tok, const type_set& types,
                                  bool country_only) const {
  std::size_t r = none;
  std::size_t from = a_.seg.sentences[sent >= 3 ? sent - 3 : 0].tok_begin;
  std::map<std::size_t, std::size_t> count;
  for (std::size_t k = 0; k < tok; ++k) {
    std::size_t m = occ_[k] == none ? none : occ_[k];
    if (m == none || a_.mentions[m].tok_begin != k || a_.mentions[m].kind != mention_kind::entity) continue;
    const doc_entity& e = a_.entities[a_.mentions[m].entity];
    if (std::find(types.begin(), types.end(), e.type) == types.end()) continue;
    if (country_only && e.kb_id.rfind("country:", 0) != 0) continue;
    if (a_.mentions[m].entity == skip_entity_) continue;
    ++count[a_.mentions[m].entity];
    if (k >= from && r == none) r = a_.mentions[m].entity;  // first candidate of the window
  }
  if (r == none) return last_entity_before(tok, types, country_only);
  std::size_t best = r;
  for (std::size_t k = from; k < tok; ++k) {
    std::size_t m = occ_[k];
    if (m == none || a_.mentions[m].tok_begin != k || a_.mentions[m].kind != mention_kind::entity) continue;
    std::size_t e = a_.mentions[m].entity;
    if (count.count(e) && count[e] > count[best]) best = e;
  }
  return best;
}

std::size_t finder_state::first_entity_in_sentence(std::size_t sent) const {
  const sentence& s = a_.seg.sentences[sent];
  for (std::size_t k = s.tok_begin; k < s.tok_end; ++k) {
    std::size_t m = entity_mention_at(k);
    if (m == none) continue;
    const std::string& type = a_.entities[a_.mentions[m].entity].type;
    if (eq(type, "Person") || eq(type, "Organization") || eq(type, "Facility")) return a_.mentions[m].entity;
  }
  return none;
}

void finder_state::quotes() {
  // Paragraph by paragraph, the quotation marks only: every other token is
  // passed over (a paragraph without a mark makes no quotation).
  const std::vector<quote_mark>& marks = buffers_.quote_marks;
  for (std::size_t q = 0; q < marks.size();) {
    const std::size_t para = marks[q].para, end = marks[q].para_end;
    std::size_t open = none;
    bool seen = false;
    auto make = [&](std::size_t b, std::size_t content_b, std::size_t content_e, std::size_t e) {
      std::size_t words = 0;
      for (std::size_t k = content_b; k < content_e; ++k) words += !tok_[k].punct;
      // « a salué « un industriel reconnu » »: three words are a quotation right after a verb of speech.
      bool spoken = false;
      for (std::size_t k = b; k-- > 0 && k + 2 >= b && !spoken;)
        spoken = (tok_[k].lemma_lists & lists_[list_speech]) != 0 && (tok_[k].pos & pos_verb);
      if ((words < 4 && !(words == 3 && spoken)) || !free(b, e)) return;
      // A comma before the closing mark belongs to the sentence, not to the quotation.
      while (content_e > content_b + 1 && eq(tok_[content_e - 1].lower, ",")) --content_e;
      new_mention(mention_kind::quote, b, e).text = surface(content_b, content_e);
      seen = true;
    };
    for (; q < marks.size() && marks[q].tok < end; ++q) {
      const std::size_t i = marks[q].tok;
      const std::string& w = tok_[i].lower;
      bool straight = eq(w, "\"");
      bool opens = eq(w, "«") || eq(w, "“") || (straight && open == none);
      bool closes = eq(w, "»") || eq(w, "”") || (straight && open != none);
      if (opens && open == none) {
        open = i;
      } else if (closes) {
        if (open != none) make(open, open + 1, i, i + 1);
        else if (!seen && i > para) make(para, para, i, i + 1);  // opening mark missing
        open = none;
      }
    }
    if (open != none) make(open, open + 1, end, end);  // closing mark missing
  }
}

void finder_state::values(const value_scanner& scanner) {
  a_.values = scanner.find(a_.text, eq(a_.doc->lang, "en") ? "en" : "fr", a_.doc->date);
  for (std::size_t v = 0; v < a_.values.size(); ++v) {
    const value_mention& vm = a_.values[v];
    auto first = std::lower_bound(tok_.begin(), tok_.end(), vm.begin,
                                  [](const token& t, std::size_t b) { return t.begin < b; });
    std::size_t b = static_cast<std::size_t>(first - tok_.begin());
    std::size_t e = b;
    while (e < ntok_ && tok_[e].end <= vm.end) ++e;
    if (e == b || !free(b, e)) continue;
    new_mention(mention_kind::value, b, e).value = v;
  }
}

void finder_state::titles() {
  const auto& table = lex_.titles();
  // Only at the tokens index_starts() found (`after`: as in names()).
  const std::vector<std::size_t>& starts = buffers_.title_starts;
  for (std::size_t c = 0, after = 0, i = 0; c < starts.size(); after = i + 1, ++c) {
    if (starts[c] < after) continue;  // inside what the last start read (i, so after, stays)
    i = starts[c];
    if (occ_[i] != none) continue;
    const std::vector<std::size_t>* kinds = nullptr;
    std::size_t len = table.longest(tok_, i, ntok_, &kinds);  // (a start: its word opens a title)
    if (!len) continue;
    // Capitalised mid-sentence, a title word is part of a name (« Banque Populaire »), unless all upper (PDG, CEO).
    if (tok_[i].cap && !tok_[i].upper && !sentence_initial(i) && eq(lex_.lang(), "fr") && !(len >= 2 && !tok_[i + len - 1].cap))
      continue;
    std::size_t j = i + len;
    static const std::string no_kind;
    const std::string& kind = kinds && !kinds->empty() ? lex_.title_kinds()[kinds->front()] : no_kind;  // not copied
    for (int extra = 0; extra < 4 && j < ntok_ && occ_[j] == none;) {
      const token& t = tok_[j];
      const std::vector<std::size_t>* k2 = nullptr;
      if ((eq(t.lower, "et") || eq(t.lower, "and") || eq(t.lower, ",")) && j + 1 < ntok_) {
        std::size_t l2 = longest(table, tok_, j + 1, ntok_, &k2);
        if (l2 && !eq(t.lower, ",")) {
          j += 1 + l2;
          continue;
        }
        break;
      }
      if (lex_.demonym(t.word)) break;
      bool adjective = (t.pos & pos_adj) && !t.cap && !(t.pos & pos_past_participle) && !(t.pos & pos_noun);
      bool capital_word = (t.cap || t.upper) && longest(lex_.name_phrases(), tok_, j, ntok_, &k2) == 0 &&
                          !(t.pos & (pos_first_name | pos_surname)) && eq(lex_.lang(), "fr");
      if (adjective || (capital_word && j + 1 < ntok_ && (eq(tok_[j + 1].lower, "de") || eq(tok_[j + 1].lower, "du") ||
                                                             eq(tok_[j + 1].lower, "d'") || eq(tok_[j + 1].lower, ",")))) {
        ++j;
        ++extra;
        continue;
      }
      // « la ministre déléguée chargée du Commerce »: the portfolio follows « chargé(e) ».
      if (eq(kind, "government") && (eq(t.lower, "chargé") || eq(t.lower, "chargée")) && j + 1 < ntok_ &&
          (eq(tok_[j + 1].lower, "de") || eq(tok_[j + 1].lower, "du") || eq(tok_[j + 1].lower, "des"))) {
        ++j;
        continue;
      }
      // Ministers' portfolios: « ministre du Travail », « ministre de l'Économie ».
      if (eq(kind, "government") && (eq(t.lower, "de") || eq(t.lower, "du") || eq(t.lower, "des")) && j + 1 < ntok_) {
        std::size_t k = j + 1;
        if (eq(tok_[k].lower, "l'") || eq(tok_[k].lower, "la")) ++k;
        if (k < ntok_ && tok_[k].cap && longest(lex_.name_phrases(), tok_, k, ntok_, &k2) == 0) {
          j = k + 1;
          ++extra;
          continue;
        }
      }
      break;
    }
    if (!free(i, j)) continue;
    mention& m = new_mention(mention_kind::title, i, j);
    m.text = surface(i, j);
    m.former = i > 0 && in(tok_[i - 1], list_former_markers);
    i = j - 1;
  }
}

void finder_state::name_at(std::size_t& i, std::size_t end, std::size_t gl, const name_phrase* phrase) {
  const token& t = tok_[i];
  if (gl && !free(i, i + gl)) gl = 0;
  // An acronym of the gazetteer (UN, AP) matches only a word in capitals (« Un plan … »).
  // (The phrase's bits tell whether all its entries are acronyms, without reading them.)
  if (gl == 1 && phrase && !t.upper && !(phrase->bits & phrase_not_acronym)) gl = 0;
  // The chosen entry (its type, id, parent, surface) is read further down,
  // after the scans below: its cache lines are asked for now, so that their
  // misses overlap with those scans instead of stalling there.
  if (gl && phrase) {
    const char* best = reinterpret_cast<const char*>(&lex_.names()[phrase->best]);
    for (std::size_t off = 0; off < sizeof(gazetteer_entry); off += 64) __builtin_prefetch(best + off);
  }
  // Capitalised sequence, with name-internal connectors (Banque de France).
  std::size_t j = i + 1;
  while (j < end && occ_[j] == none) {
    const token& u = tok_[j];
    if (is_name_token(u)) {
      ++j;
    } else if (in(u, list_name_connectors) && j + 1 < end && occ_[j + 1] == none && is_name_token(tok_[j + 1]) &&
               !tok_[j + 1].upper) {
      j += 2;
    } else if ((u.cap || u.upper || eq(u.lower, "plc")) && lex_.legal_suffix_word(u.word)) {
      ++j;
      break;
    } else {
      break;
    }
  }
  // « la Rencontre des entrepreneurs de France (REF) »: a capitalised event
  // noun opens a name that may hold lower-case words, when it ends on a
  // capitalised word or is followed by its acronym in parentheses.
  // The same for a capitalised organisation noun (« l'Association familiale
  // Mulliez », « le Groupement des industries … (Gifas) »), unless the name
  // would end on a known organisation (« Conseil d'administration de Renault »).
  // Either head may also be followed by a lower-case adjective or noun
  // (« Salon international de l'aéronautique … du Bourget »).
  bool event_head = false, org_head = false;
  if (!gl && t.cap && !t.upper && eq(lex_.lang(), "fr") && !sentence_initial(i)) {
    const std::vector<std::size_t>* ev = nullptr;
    event_head = longest(lex_.event_nouns(), tok_, i, i + 1, &ev) == 1;
    if (!event_head) org_head = longest(lex_.org_nouns(), tok_, i, i + 1, &ev) == 1;
    auto np_word = [&](const token& u) {
      return !u.cap && !u.punct && !u.digit && (u.pos & (pos_noun | pos_adj)) && !(u.pos & pos_verb && !(u.pos & pos_noun));
    };
    if ((event_head || org_head) && j == i + 1 && j < end && (in(tok_[j], list_name_connectors) || np_word(tok_[j]))) {
      std::size_t best = j;
      for (std::size_t k = j; k < end && k < i + 12 && occ_[k] == none; ++k) {
        const token& u = tok_[k];
        bool word = in(u, list_name_connectors) || eq(u.lower, "l'") || eq(u.lower, "les") || eq(u.lower, "et") || np_word(u);
        if (is_name_token(u) && !u.upper) {
          const name_phrase* pe = nullptr;
          const bool known_org = org_head && longest_name(k, end, &pe) && (pe->bits & phrase_organization);
          if (known_org) break;
          best = k + 1;
          continue;
        }
        if (!word) {
          if (eq(u.lower, "(") && k + 2 < end && is_name_token(tok_[k + 1]) && eq(tok_[k + 2].lower, ")") &&
              !in(tok_[k - 1], list_name_connectors))
            best = k;
          break;
        }
      }
      j = best;
      if (j == i + 1) org_head = false;
    } else {
      org_head = false;
    }
  }
  std::size_t len = std::max(j - i, gl);
  // Two names side by side (« en France Microsoft ») stay two names.
  if (gl && gl < len) {
    const std::vector<std::size_t>* e2 = nullptr;
    if (longest(lex_.name_phrases(), tok_, i + gl, end, &e2) == len - gl ||
        ((tok_[i + gl].pos & pos_first_name) && len - gl >= 2))
      len = gl;
  }
  // « Zephyr, a London-based payments startup »: an apposition headed by an
  // organisation noun (not « the unit's executive vice president », not a title).
  bool apposition_org = false;
  if (i + len + 2 < end && eq(tok_[i + len].lower, ",") && in(tok_[i + len + 1], list_determiners)) {
    const std::vector<std::size_t>* v = nullptr;
    for (std::size_t k = i + len + 2; k < end && k < i + len + 9 && !apposition_org; ++k) {
      if (eq(tok_[k].lower, ",") || eq(tok_[k].lower, ";") || occ_[k] != none) break;
      apposition_org = !tok_[k].cap && longest(lex_.org_nouns(), tok_, k, end, &v) > 0 &&
                       !(k + 1 < end && eq(tok_[k + 1].lower, "'s"));
    }
    // « Enfin, le chimiste Arkema inaugurera »: a noun phrase that introduces a name is no apposition.
    for (std::size_t k = i + len + 2; apposition_org && k < end && k < i + len + 12; ++k) {
      if (eq(tok_[k].lower, ",") || eq(tok_[k].lower, ";")) break;
      if (is_name_token(tok_[k]) && !sentence_initial(k)) apposition_org = false;
    }
  }
  bool initial = sentence_initial(i);
  bool name_reading = t.pos & (pos_first_name | pos_surname | pos_proper);
  // A capitalised common word opening a sentence is not a name by itself; in
  // English (no part of speech to tell « Micro Focus » from « Pour X ») a
  // longer capitalised sequence still is.
  if (initial && !gl && (t.pos & pos_common_word) && !name_reading && by_key_.lookup(t.lower) == none && !apposition_org &&
      (len == 1 || !eq(lex_.lang(), "en"))) {
    return;
  }
  // Two letters or fewer with no gazetteer entry (IA, UE): an abbreviation, not a name.
  if (gl == 0 && len == 1 && t.end - t.begin <= 2 && by_key_.lookup(t.lower) == none) return;
  std::string label = surface(i, i + len);
  // The type is a literal or the gazetteer's own string, the id and parent the
  // gazetteer's (or empty): viewed, not copied.
  static const std::string no_string;
  std::string_view type;
  const std::string* kb_ptr = &no_string;
  const std::string* parent_ptr = &no_string;
  bool weak = false;
  if (gl == len && phrase) {
    // The entry of highest priority (an organisation on a tie), chosen when
    // the lexicon was loaded: only the chosen entry itself is read.
    const gazetteer_entry* best = &lex_.names()[phrase->best];
    type = best->type;
    kb_ptr = &best->id;
    parent_ptr = &best->parent;
    const std::string& kb = *kb_ptr;
    // A country's name in this language, whatever the surface (Hexagone -> France).
    if (const std::string* n = phrase->country) label = eq(lex_.lang(), "fr") ? *n : label;
    // A name in capitals (a dateline's « FORT WORTH ») is written as the gazetteer writes it.
    bool capitals = true;
    for (std::size_t k = i; k < i + len; ++k) capitals = capitals && (tok_[k].upper || tok_[k].punct);
    if (capitals && !t.upper) capitals = false;
    // (Equal already, as an acronym mostly is: nothing to lower-case or change.)
    if (capitals && kb.rfind("country:", 0) != 0 && best->surface != label &&
        lower_utf8(best->surface) == lower_utf8(label))
      label = best->surface;
  } else if (gl && phrase && (phrase->bits & phrase_first_organization)) {
    type = "Organization";  // « Microsoft France »: an organisation of its own
  }
  // Cues in the few tokens before the name.
  // The first word (up to a hyphen): a first name? Asked of the morphology only
  // when a decision reads it; the whole token's own reading is t.pos already.
  const std::size_t first_name_end = label.find('-');
  const std::size_t first_len = (first_name_end != std::string::npos && t.begin + first_name_end < t.end)
                                    ? first_name_end
                                    : t.end - t.begin;
  int first_name_known = (t.pos & pos_first_name) ? 1 : -1;  // -1: not asked yet
  auto first_name = [&] {
    if (first_name_known < 0) {
      const bool whole_token = first_len == t.end - t.begin && !t.punct && !t.digit;
      first_name_known =
          !whole_token && (lex_.word_pos(std::string(a_.text.substr(t.begin, first_len))) & pos_first_name) ? 1 : 0;
    }
    return first_name_known == 1;
  };
  // Cues: a title, a civility, or an organisation or event noun heading the
  // noun phrase the name ends (« le chimiste allemand BASF », « la société
  // d'investissement Eurazeo », « le sommet annuel Choose France »).
  std::string_view cue;  // a literal
  std::string nationality;  // « le groupe japonais Toray »: JP
  for (std::size_t k = i, steps = 0; k-- > 0 && steps < 6; ++steps) {
    if (tok_[k].para_start && k + 1 != i) break;
    if (occ_[k] != none) {
      const mention& m = a_.mentions[occ_[k]];
      // « le PDG Jean Dupont »: a person; « le PDG de Renault »: an organisation.
      if (m.kind == mention_kind::title && m.tok_end == i) cue = "title";
      else if (m.kind == mention_kind::title && m.tok_end + 1 == i &&
               (eq(tok_[i - 1].lower, "de") || eq(tok_[i - 1].lower, "d'") || eq(tok_[i - 1].lower, "du") ||
                eq(tok_[i - 1].lower, "chez"))) {
        // « le maire de Florange », « la préfète de l'Ain »: a local office names a place.
        const std::vector<std::size_t>* kinds = nullptr;
        bool local = longest(lex_.titles(), tok_, m.tok_begin, m.tok_end, &kinds) && kinds && !kinds->empty() &&
                     eq(lex_.title_kinds()[kinds->front()], "local") && !eq(tok_[i - 1].lower, "chez");
        cue = local ? "place" : "org";
      }
      break;
    }
    const std::vector<std::size_t>* v = nullptr;
    if (longest(lex_.org_nouns(), tok_, k, i, &v)) {
      if (!(k > 0 && in(tok_[k - 1], list_org_noun_locutions))) cue = "org";  // « en compagnie de »
      break;
    }
    if (longest(lex_.event_nouns(), tok_, k, i, &v)) { cue = "event"; break; }
    if (in(tok_[k], list_person_cues) && k + 2 >= i) { cue = "person"; break; }
    const token& w = tok_[k];
    if (const std::string* cc = lex_.demonym(w.word); cc && !w.cap) nationality = *cc;
    bool inside_np = lex_.demonym(w.word) || eq(w.lower, "de") || eq(w.lower, "d'") || eq(w.lower, "du") ||
                     eq(w.lower, "des") || (((w.pos & pos_adj) || (w.pos & pos_noun)) && !w.cap && !(w.pos & pos_verb && !(w.pos & pos_adj)));
    if (!inside_np) break;
  }
  bool demonym_before = i >= 1 && lex_.demonym(tok_[i - 1].word) && i >= 2 && in(tok_[i - 2], list_determiners);
  bool apposition_title = i + len + 1 < ntok_ && eq(tok_[i + len].lower, ",") && occ_[i + len + 1] != none &&
                          a_.mentions[occ_[i + len + 1]].kind == mention_kind::title;
  bool legal = len > 1 && (tok_[i + len - 1].cap || tok_[i + len - 1].upper || eq(tok_[i + len - 1].lower, "plc")) &&
               lex_.legal_suffix_word(tok_[i + len - 1].word);
  bool place_prep = i >= 1 && in(tok_[i - 1], list_place_preps);
  bool dateline = t.para_start && t.upper && i + 1 < ntok_ &&
                  (eq(tok_[i + len].lower, "—") || eq(tok_[i + len].lower, "(") || eq(tok_[i + len].lower, "–"));
  // « (Haut-Rhin) » after a town is a place; « (FIEV) », capitals only, is an acronym.
  bool paren_place = i >= 1 && eq(tok_[i - 1].lower, "(") && i + len < ntok_ && eq(tok_[i + len].lower, ")") &&
                     !(len == 1 && t.upper);
  // « Villers-Écalles (Seine-Maritime) »: a town followed by its area in parentheses.
  bool before_paren_place = false;
  if (i + len + 2 < end && eq(tok_[i + len].lower, "(")) {
    const name_phrase* pe = nullptr;
    std::size_t pl = longest_name(i + len + 1, end, &pe);
    if (pl && i + len + 1 + pl < end && eq(tok_[i + len + 1 + pl].lower, ")"))
      before_paren_place = (pe->bits & phrase_place) != 0;
  }
  if (len == 1 && !gl) {
    std::string low = " " + t.lower;
    for (std::size_t k = 0; k < a_.entities.size(); ++k) {
      if (!eq(a_.entities[k].type, "Person")) continue;
      const std::string& el = label_low(k);
      if (el.size() > low.size() && el.compare(el.size() - low.size(), low.size(), low) == 0) {
        cue = "person";
        break;
      }
    }
  }
  if (eq(lex_.lang(), "en") && cue.empty() && gl != len) {
    const std::vector<std::size_t>* v = nullptr;
    std::size_t last = i + len - 1;
    if (len > 1 && longest(lex_.event_nouns(), tok_, last, last + 1, &v)) cue = "event";
    else if (i + len < end && !tok_[i + len].cap && longest(lex_.event_nouns(), tok_, i + len, i + len + 1, &v)) cue = "event";
    else if (len > 1 && longest(lex_.org_nouns(), tok_, last, last + 1, &v)) cue = "org";
  }
  if (type.empty() || (eq(type, "Organization") && gl != len)) {
    if (event_head && len >= 2 && !legal) type = "Event";
    else if (org_head && len >= 2) type = "Organization";
    else if (eq(cue, "org") || demonym_before || legal || (apposition_org && !(len >= 2 && first_name()))) type = "Organization";
    else if (eq(cue, "person") || eq(cue, "title") || (len >= 2 && first_name()) || apposition_title) type = "Person";
    else if (eq(cue, "event")) type = "Event";
    else if (!type.empty()) {
    } else if (dateline || paren_place || before_paren_place || place_prep || eq(cue, "place")) {
      type = "Place";
      weak = !dateline && !paren_place && !before_paren_place;
    } else if (len == 1 && (t.pos & pos_proper) && !(t.pos & (pos_first_name | pos_surname))) {
      type = "Place";  // a proper noun of the dictionary with no cue: mostly towns, rivers, regions
      weak = true;
    } else {
      type = "Organization";
      weak = true;
    }
  }
  if (dateline && t.upper) {
    // « CHALAMPÉ » in a dateline: write the name as the text does elsewhere.
    title_casing& tc = title_casing_for(lex_.lang());
    if (auto known = tc.titled.find(label); known != tc.titled.end()) {
      label = known->second;
    } else {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(label);
      u.toTitle(tc.words.get(), tc.locale);
      std::string titled;
      u.toUTF8String(titled);
      if (tc.titled.size() >= title_casing::max_titled) tc.titled.clear();
      tc.titled.emplace(std::move(label), titled);
      label = std::move(titled);
    }
  }
  int strength = weak ? 0 : 2;
  if (eq(type, "Person") && cue.empty() && !apposition_title && first_name()) strength = 1;
  if (apposition_org && eq(type, "Organization") && !(len >= 2 && first_name())) strength = 2;
  std::size_t ent = register_entity(label, type, *kb_ptr, *parent_ptr, weak, strength);
  if (eq(a_.entities[ent].type, "Person")) {
    // The first word of a title next to the name (« le ministre X », « X, PDG de Y »), for « le ministre » later.
    auto remember = [&](std::size_t title_tok) {
      const std::string& w = tok_[title_tok].lower;
      auto& held = a_.entities[ent].titles;
      if (std::find(held.begin(), held.end(), w) == held.end()) held.push_back(w);
      // « la ministre », « le directeur »: the article tells the person's gender, for « a-t-elle déclaré ».
      if (eq(lex_.lang(), "fr") && title_tok > 0 && a_.entities[ent].gender == 0) {
        const std::string& d = tok_[title_tok - 1].lower;
        if (eq(d, "la")) a_.entities[ent].gender = 'f';
        else if (eq(d, "le") || eq(d, "du") || eq(d, "au")) a_.entities[ent].gender = 'm';
      }
      // « X, directeur général de Y », « X, présidente de Y »: the title's own ending.
      if (eq(lex_.lang(), "fr") && a_.entities[ent].gender == 0) {
        auto ends = [&](const char* suf) { return w.size() > std::strlen(suf) && w.ends_with(suf); };
        if (ends("rice") || ends("ente") || ends("ète") || ends("ée") || ends("ère") || ends("eresse"))
          a_.entities[ent].gender = 'f';
        else if (ends("eur") || ends("ent") || ends("et") || ends("é") || ends("ier"))
          a_.entities[ent].gender = 'm';
      }
    };
    // « La préfète de l'Ain, Chantal Mauchet »: the title's complement may come between.
    bool comma_seen = false;
    for (std::size_t k = i; k-- > 0 && k + 7 >= i;) {
      if (occ_[k] != none && a_.mentions[occ_[k]].kind == mention_kind::title) {
        if (k + 1 == i || comma_seen || eq(tok_[k + 1].lower, ",")) remember(a_.mentions[occ_[k]].tok_begin);
        break;
      }
      const std::string& w = tok_[k].lower;
      if (eq(w, ",")) {
        if (comma_seen) break;
        comma_seen = true;
        continue;
      }
      if (!comma_seen) break;
      if (occ_[k] != none && a_.mentions[occ_[k]].kind == mention_kind::entity) {
        k = a_.mentions[occ_[k]].tok_begin;
        if (k == 0) break;
        continue;
      }
      if (!(eq(w, "de") || eq(w, "d'") || eq(w, "du") || eq(w, "des") || eq(w, "la") || eq(w, "l'") || eq(w, "le") || eq(w, "les")))
        break;
    }
    if (i + len + 1 < ntok_ && eq(tok_[i + len].lower, ",") && occ_[i + len + 1] != none &&
        a_.mentions[occ_[i + len + 1]].kind == mention_kind::title)
      remember(a_.mentions[occ_[i + len + 1]].tok_begin);
  }
  if (eq(type, "Organization") && (eq(cue, "org") || demonym_before) && a_.entities[ent].nationality.empty())
    a_.entities[ent].nationality = demonym_before ? *lex_.demonym(tok_[i - 1].word) : nationality;
  add_entity_mention(i, i + len, ent, false);
  // Acronym defined in parentheses: « Dongfeng Peugeot Citroën Automobile (DPCA) ».
  std::size_t k = i + len;
  if (k + 2 < end && eq(tok_[k].lower, "(") && tok_[k + 1].upper && eq(tok_[k + 2].lower, ")") && occ_[k + 1] == none) {
    std::string acro = surface(k + 1, k + 2);
    const std::vector<std::size_t>* v = nullptr;
    if (!longest(lex_.name_phrases(), tok_, k + 1, k + 2, &v)) {
      by_key_.set(lower_utf8(acro), ent);
      a_.entities[ent].aliases.push_back(acro);
      add_entity_mention(k + 1, k + 2, ent, false);
    }
  }
  i = i + len - 1;
}

void finder_state::names() {
  // The name tokens of each sentence (index_starts), as a walk over all its
  // tokens would meet them: `after` is the token that walk would read next
  // (past a name that name_at() read).
  const std::vector<std::size_t>& starts = buffers_.name_starts;
  std::size_t c = 0;
  for (const sentence& s : a_.seg.sentences) {
    if (c > 0 && starts[c - 1] >= s.tok_begin)  // not after the sentence before (never seen): look it up
      c = static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), s.tok_begin) - starts.begin());
    while (c < starts.size() && starts[c] < s.tok_begin) ++c;
    for (std::size_t after = s.tok_begin, i = 0; c < starts.size() && starts[c] < s.tok_end; after = i + 1, ++c) {
      if (starts[c] < after) continue;  // inside what the last start read (i, so after, stays)
      i = starts[c];
      if (occ_[i] != none || !is_name_token(tok_[i])) continue;
      const name_phrase* gz = nullptr;
      const std::size_t gl = longest_name(i, s.tok_end, &gz);
      bool gazetteer_phrase = gl > 1;
      if (in(tok_[i], list_person_cues) || (in(tok_[i], list_not_names) && !gazetteer_phrase)) continue;
      // « la PME lyonnaise Techniplast »: an organisation noun written in capitals is no name.
      if (!gazetteer_phrase && tok_[i].upper && (i + 1 >= s.tok_end || !is_name_token(tok_[i + 1]))) {
        const std::vector<std::size_t>* on = nullptr;
        if (longest(lex_.org_nouns(), tok_, i, i + 1, &on)) continue;
      }
      // « 1 million de Français »: people of a country stand for the country.
      const std::string* cc = lex_.demonym(tok_[i].word);
      const std::string* country = cc ? lex_.country_name("country:" + *cc) : nullptr;
      // In English a capitalised demonym is mostly an adjective (« Dutch snack maker »):
      // only after a number (« 2,000 Americans ») does it stand for the people.
      bool people = !eq(lex_.lang(), "en") || (i > 0 && occ_[i - 1] != none &&
                                            a_.mentions[occ_[i - 1]].kind == mention_kind::value);
      if (country && people && gl == 0 &&
          !(i + 1 < s.tok_end && is_name_token(tok_[i + 1]) && occ_[i + 1] == none)) {
        add_entity_mention(i, i + 1, register_entity(*country, "Place", "country:" + *cc, "", false), false);
        continue;
      }
      name_at(i, s.tok_end, gl, gz);
    }
  }
  // Demonyms right after a title name a country (« le président chinois Xi Jinping »).
  // Only the token right after a title can be one: the title mentions (in token
  // order, as titles() added them) give those tokens without a walk over all.
  const std::size_t mention_count = a_.mentions.size();
  for (std::size_t m = 0; m < mention_count; ++m) {
    if (a_.mentions[m].kind != mention_kind::title) continue;
    const std::size_t i = a_.mentions[m].tok_end;
    if (i < 1 || i >= ntok_) continue;
    if (occ_[i] != none || occ_[i - 1] == none || a_.mentions[occ_[i - 1]].kind != mention_kind::title) continue;
    const std::string* cc = lex_.demonym(tok_[i].word);
    if (!cc) continue;
    std::string id = "country:" + *cc;
    const std::string* name = lex_.country_name(id);
    if (!name) continue;
    add_entity_mention(i, i + 1, register_entity(*name, "Place", id, "", false), false);
  }
}

void finder_state::facilities() {
  const auto& table = lex_.facility_nouns();
  bool english = eq(lex_.lang(), "en");
  // Only at the tokens index_starts() found (`after`: as in names()).
  const std::vector<std::size_t>& starts = buffers_.facility_starts;
  for (std::size_t c = 0, after = 0, i = 0; c < starts.size(); after = i + 1, ++c) {
    if (starts[c] < after) continue;  // inside what the last start read (i, so after, stays)
    i = starts[c];
    if (occ_[i] != none) continue;  // (a start: not capitalised, its word opens a facility noun)
    const std::vector<std::size_t>* v = nullptr;
    std::size_t fl = table.longest(tok_, i, ntok_, &v);
    if (!fl || !free(i, i + fl)) continue;
    std::size_t sent = sentence_of(i);
    const sentence& s = a_.seg.sentences[sent];
    // Pre-modifiers: adjectives (nouvelle, new), an English name (Orion Assembly plant), a determiner.
    std::size_t start = i;
    std::size_t name_inside = none;
    while (start > s.tok_begin) {
      const token& p = tok_[start - 1];
      if (occ_[start - 1] != none) {
        std::size_t m = occ_[start - 1];
        if (english && a_.mentions[m].kind == mention_kind::entity && a_.mentions[m].tok_end == start &&
            name_inside == none && !a_.mentions[m].reference &&
            (!eq(a_.entities[a_.mentions[m].entity].type, "Person") || a_.entities[a_.mentions[m].entity].strength < 2)) {
          name_inside = m;
          start = a_.mentions[m].tok_begin;
          continue;
        }
        break;
      }
      if ((p.pos & pos_adj) && !(p.pos & pos_verb) && !p.cap && !in(p, list_determiners) && !in(p, list_possessives)) {
        --start;
        continue;
      }
      if (english && (((p.cap || p.upper) && !in(p, list_determiners)) || in(p, list_facility_premodifiers))) {
        --start;
        continue;
      }
      break;
    }
    std::size_t det = none;
    std::size_t owner = none;
    bool possessive = false;
    if (start > s.tok_begin) {
      const token& d = tok_[start - 1];
      if (in(d, list_determiners)) det = start - 1;
      else if (in(d, list_possessives)) {
        det = start - 1;
        possessive = true;
        owner = last_entity_before(start - 1, {"Organization"});
      } else if (english && eq(d.lower, "'s") && start >= 2 && entity_mention_at(start - 2) == none) {
        std::size_t k = start - 2;
        while (k > 0 && occ_[k] != none && a_.mentions[occ_[k]].tok_begin != k) --k;
        if (occ_[k] != none && a_.mentions[occ_[k]].kind == mention_kind::entity) {
          owner = a_.mentions[occ_[k]].entity;
          det = k;
          possessive = true;
        }
      }
    }
    // Complements: adjectives, « de + noun / name », « à + place ».
    std::size_t j = i + fl;
    std::size_t place = none;
    int complements = 0;
    // « l'usine Renault de Flins », « l'usine Georges-Besse II »: a name right after a plant noun
    // (not one that also names an organisation, « le laboratoire GSK ») is the facility's own.
    if (!english && j < s.tok_end) {
      const std::vector<std::size_t>* v2 = nullptr;
      std::size_t em = entity_mention_at(j);
      if (em != none && !a_.mentions[em].reference && longest(lex_.org_nouns(), tok_, i, s.tok_end, &v2) == 0) {
        const doc_entity& e = a_.entities[a_.mentions[em].entity];
        if ((eq(e.type, "Organization") && !possessive) || eq(e.type, "Person")) {
          if (eq(e.type, "Organization") && owner == none) owner = a_.mentions[em].entity;
          j = a_.mentions[em].tok_end;
          ++complements;
        }
      }
    }
    while (j < s.tok_end && complements < 5) {
      const token& t = tok_[j];
      // « son usine d'enrichissement d'uranium Georges-Besse II »: a name typed Person after the complements.
      if (std::size_t em = entity_mention_at(j); em != none && !english && complements > 0 && !a_.mentions[em].reference &&
                                                 eq(a_.entities[a_.mentions[em].entity].type, "Person") &&
                                                 !(tok_[j - 1].pos & pos_proper) && !eq(tok_[j - 1].lower, ",") &&
                                                 !in(tok_[j - 1], list_place_preps)) {
        j = a_.mentions[em].tok_end;
        ++complements;
        break;
      }
      if (occ_[j] != none) break;
      if (in(t, list_np_stops)) break;  // « sur », an adjective for hunspell (sour), is a preposition here
      if ((t.pos & pos_adj) && !t.cap && !((t.pos & pos_verb) && !(t.pos & pos_past_participle)) &&
          !(t.pos & pos_past_participle) && !lex_.demonym(t.word) && !english) {
        ++j;
        ++complements;
        continue;
      }
      if (!english && lex_.demonym(t.word) && !t.cap) {
        ++j;
        ++complements;
        continue;
      }
      if (!english && (eq(t.lower, "de") || eq(t.lower, "du") || eq(t.lower, "des") || eq(t.lower, "d'"))) {
        std::size_t k = j + 1;
        if (entity_mention_at(k) == none && k < s.tok_end &&
            (eq(tok_[k].lower, "la") || eq(tok_[k].lower, "l'") || eq(tok_[k].lower, "les")))
          ++k;
        std::size_t em = entity_mention_at(k);
        if (em != none) {
          const doc_entity& e = a_.entities[a_.mentions[em].entity];
          if (eq(e.type, "Organization") && owner == none) owner = a_.mentions[em].entity;
          else if (eq(e.type, "Place")) place = a_.mentions[em].entity;
          else if (!eq(e.type, "Organization")) break;
          j = a_.mentions[em].tok_end;
          ++complements;
          continue;
        }
        const std::vector<std::size_t>* v2 = nullptr;
        std::size_t ol = k < s.tok_end && occ_[k] == none ? longest(lex_.org_nouns(), tok_, k, s.tok_end, &v2) : 0;
        if (ol) {
          std::size_t m = k + ol;
          while (m < s.tok_end && occ_[m] == none && (lex_.demonym(tok_[m].word) || (tok_[m].pos & pos_adj)) &&
                 !tok_[m].cap)
            ++m;
          std::size_t em2 = entity_mention_at(m);
          if (em2 != none && eq(a_.entities[a_.mentions[em2].entity].type, "Organization")) {
            owner = a_.mentions[em2].entity;
            j = a_.mentions[em2].tok_end;
            ++complements;
            continue;
          }
          break;
        }
        // « de la nouvelle unité »: adjectives, then the noun.
        while (k + 1 < s.tok_end && occ_[k] == none && (tok_[k].pos & pos_adj) && !tok_[k].cap &&
               occ_[k + 1] == none && (tok_[k + 1].pos & pos_noun) && !tok_[k + 1].cap && k < j + 4)
          ++k;
        if (k < s.tok_end && occ_[k] == none && (tok_[k].pos & pos_noun) && !tok_[k].cap && !tok_[k].digit &&
            !(tok_[k].pos & pos_verb && !(tok_[k].pos & pos_noun))) {
          j = k + 1;
          // « usine de freins carbone », « piles à hydrogène »: a bare noun modifying the complement.
          if (j < s.tok_end && occ_[j] == none && (tok_[j].pos & pos_noun) && !(tok_[j].pos & (pos_verb | pos_adj)) &&
              !tok_[j].cap && !tok_[j].digit && !tok_[j].punct && !in(tok_[j], list_np_stops) && !in(tok_[j], list_determiners))
            ++j;
          ++complements;
          continue;
        }
        break;
      }
      if ((eq(t.lower, "à") || eq(t.lower, "au")) && !english) {
        std::size_t em = entity_mention_at(j + 1);
        if (em != none && eq(a_.entities[a_.mentions[em].entity].type, "Place")) {
          place = a_.mentions[em].entity;
          j = a_.mentions[em].tok_end;
          ++complements;
          continue;
        }
      }
      break;
    }
    // « l'unité que le chimiste allemand BASF construit à Chalampé »: owner and place from the relative clause.
    std::size_t end_np = j;
    bool owner_from_clause = false;
    if (!english && j < s.tok_end && (eq(tok_[j].lower, "que") || eq(tok_[j].lower, "qu'"))) {
      std::size_t k = j + 1;
      const std::vector<std::size_t>* v2 = nullptr;
      for (int steps = 0; k < s.tok_end && steps < 5 && entity_mention_at(k) == none; ++steps) {
        if (in(tok_[k], list_determiners) || lex_.demonym(tok_[k].word) || longest(lex_.org_nouns(), tok_, k, s.tok_end, &v2))
          ++k;
        else
          break;
      }
      std::size_t em = entity_mention_at(k);
      if (em != none && eq(a_.entities[a_.mentions[em].entity].type, "Organization")) {
        if (owner == none) {
          owner = a_.mentions[em].entity;
          owner_from_clause = true;
        }
        for (std::size_t q = a_.mentions[em].tok_end; q < s.tok_end && q < a_.mentions[em].tok_end + 4; ++q) {
          std::size_t pm = entity_mention_at(q + 1);
          if ((eq(tok_[q].lower, "à") || eq(tok_[q].lower, "en")) && pm != none &&
              eq(a_.entities[a_.mentions[pm].entity].type, "Place")) {
            if (place == none) place = a_.mentions[pm].entity;
            break;
          }
        }
      }
    }
    // « le laboratoire britannique GSK »: the noun introduces a name, it is no facility.
    if (end_np < s.tok_end && (entity_mention_at(end_np) != none || (is_name_token(tok_[end_np]) && occ_[end_np] == none)))
      continue;
    bool bare = end_np == i + fl && start == i && name_inside == none;
    bool contracted = det != none && (eq(tok_[det].lower, "au") || eq(tok_[det].lower, "aux") || eq(tok_[det].lower, "du") ||
                                      eq(tok_[det].lower, "des"));
    std::size_t mention_begin = det != none && !contracted ? det : start;
    // A bare definite description (« l'usine », « le site ») refers to the last facility.
    const bool headquarters = in(tok_[i], list_headquarters_nouns);
    // « X, dont le siège est à Genève » says where X is, it names no facility.
    if (bare && headquarters && det != none && det > s.tok_begin && eq(tok_[det - 1].lower, "dont")) {
      i = end_np - 1;
      continue;
    }
    // « l'implantation de sa première gigafactory »: a facility noun whose complement is
    // another facility is the act of setting it up, no facility of its own.
    if (bare && end_np + 2 < s.tok_end &&
        (eq(tok_[end_np].lower, "de") || eq(tok_[end_np].lower, "d'") || eq(tok_[end_np].lower, "du"))) {
      std::size_t q = end_np + 1;
      if (q + 1 < s.tok_end && (in(tok_[q], list_possessives) || in(tok_[q], list_determiners))) ++q;
      for (int a = 0; a < 2 && q + 1 < s.tok_end && (tok_[q].pos & pos_adj) && !tok_[q].cap; ++a) ++q;
      const std::vector<std::size_t>* fv = nullptr;
      if (longest(table, tok_, q, s.tok_end, &fv) && !in(tok_[i], list_headquarters_nouns)) {
        i = end_np - 1;
        continue;
      }
    }
    // « ouvrira un centre de formation »: an indefinite article brings in a new facility.
    const bool indefinite = det != none && (eq(tok_[det].lower, "un") || eq(tok_[det].lower, "une"));
    if (bare && !possessive) {
      // A headquarters is its organisation's own, not the plant named before.
      std::size_t prev = headquarters || indefinite ? none : last_entity_before(mention_begin, {"Facility"});
      // « l'usine » after « son usine X, sur le site Y »: the last facility of
      // that head noun (its first word, or its second after an adjective:
      // « nouvelle usine du groupe … »).
      auto headed_by = [&](std::size_t entity) {
        // Read as `label` = label_low + " " and `noun` = the token + " ", without building them:
        // label starts with noun, or holds it right after its first space.
        const std::string& l = label_low(entity);
        const std::string& w = tok_[i].lower;
        auto noun_at = [&](std::size_t pos) {  // label[pos, pos + noun.size()) == noun
          if (pos + w.size() > l.size() || l.compare(pos, w.size(), w) != 0) return false;
          return pos + w.size() == l.size() || l[pos + w.size()] == ' ';
        };
        const std::size_t space = l.find(' ');
        return noun_at(0) || (space != std::string::npos && noun_at(space + 1));
      };
      if (prev != none && !headed_by(prev))
        for (std::size_t k = mention_begin; k-- > 0;) {
          std::size_t m = entity_mention_at(k);
          if (m == none || !eq(a_.entities[a_.mentions[m].entity].type, "Facility")) continue;
          if (headed_by(a_.mentions[m].entity)) {
            prev = a_.mentions[m].entity;
            break;
          }
        }
      if (prev != none) {
        add_entity_mention(mention_begin, end_np, prev, true);
        i = end_np - 1;
        continue;
      }
      if (owner == none) owner = last_entity_before(mention_begin, {"Organization"});
      if (owner == none) continue;
    }
    // Without a stated owner, the organisation named before it in the sentence (« X consacrera … à un nouveau centre »).
    if (owner == none) owner = last_entity_before(mention_begin, {"Organization"}, false, s.tok_begin);
    // Label: the noun phrase as written, references replaced by the names they stand for.
    std::string label;
    std::size_t k = start;
    while (k < end_np) {
      std::size_t em = entity_mention_at(k);
      std::string piece;
      if (em != none && a_.mentions[em].reference) {
        piece = a_.entities[a_.mentions[em].entity].label;
        k = a_.mentions[em].tok_end;
      } else if (em != none) {
        piece = surface(k, a_.mentions[em].tok_end);
        k = a_.mentions[em].tok_end;
      } else {
        piece = surface(k, k + 1);
        ++k;
      }
      if (!label.empty() && (tok_[k - 1].space_before || label.back() != '\'')) {
        char last = label.back();
        if (last != '\'' && !(label.size() >= 3 && label.compare(label.size() - 3, 3, "\xE2\x80\x99") == 0)) label += ' ';
      }
      label += piece;
    }
    // An English name inside (« Orion Assembly plant ») is the facility's own,
    // unless it only says where it serves (« North American headquarters »).
    bool descriptive_name = name_inside != none && lex_.demonym(tok_[a_.mentions[name_inside].tok_end - 1].word);
    if (owner != none && (bare || owner_from_clause || (english && (name_inside == none || descriptive_name)))) {
      const std::string& o = a_.entities[owner].label;
      if (english) label = o + (o.back() == 's' ? "' " : "'s ") + label;
      else {
        // « d'Air Liquide », « de Michelin »: elision before a vowel.
        unsigned char c0 = o.empty() ? 0 : static_cast<unsigned char>(o[0]);
        bool vowel = std::string_view("AEIOUYaeiouy").find(static_cast<char>(c0)) != std::string_view::npos ||
                     o.rfind("\xC3\x89", 0) == 0 || o.rfind("\xC3\xA9", 0) == 0;  // É, é
        label += vowel ? " d'" : " de ";
        label += o;
      }
    }
    // « … à Saint-Amand-les-Eaux (Nord) »: the place's own area.
    if (place != none && end_np + 2 < s.tok_end && eq(tok_[end_np].lower, "(") && eq(tok_[end_np + 2].lower, ")")) {
      std::size_t pm = entity_mention_at(end_np + 1);
      if (pm != none && eq(a_.entities[a_.mentions[pm].entity].type, "Place")) a_.entities[place].place_entity = a_.mentions[pm].entity;
    }
    // « … à Hambach, en Moselle », « à Saint-Fons, dans la métropole de Lyon »: the same, after a comma.
    if (place != none && end_np + 2 < s.tok_end && eq(tok_[end_np].lower, ",") &&
        (eq(tok_[end_np + 1].lower, "en") || eq(tok_[end_np + 1].lower, "dans"))) {
      std::size_t q = end_np + 2;
      if (q + 1 < s.tok_end && (eq(tok_[q].lower, "le") || eq(tok_[q].lower, "la") || eq(tok_[q].lower, "l'"))) ++q;
      std::size_t pm = entity_mention_at(q);
      if (pm != none && eq(a_.entities[a_.mentions[pm].entity].type, "Place") && a_.mentions[pm].entity != place &&
          (a_.mentions[pm].tok_end == s.tok_end || eq(tok_[a_.mentions[pm].tok_end].lower, ",") ||
           eq(tok_[a_.mentions[pm].tok_end].lower, ".")))
        a_.entities[place].place_entity = a_.mentions[pm].entity;
    }
    std::size_t fac = register_entity(label, "Facility", "", "", false);
    a_.entities[fac].owner_entity = owner;
    a_.entities[fac].place_entity = place;
    // The facility's mention swallows the mentions inside it.
    for (std::size_t q = mention_begin; q < end_np; ++q)
      if (occ_[q] != none) kill(occ_[q]);
    add_entity_mention(mention_begin, end_np, fac, false);
    i = end_np - 1;
  }
}

// « la communauté urbaine de Dunkerque », « le conseil régional d'Occitanie »: a local
// body written in lower case and named by its place is an organisation of its own.
void finder_state::local_bodies() {
  if (!eq(lex_.lang(), "fr")) return;
  // Only at the tokens index_starts() found (`after`: as in names()).
  const std::vector<std::size_t>& starts = buffers_.local_body_starts;
  for (std::size_t c = 0, after = 0, i = 0; c < starts.size(); after = i + 1, ++c) {
    if (starts[c] < after) continue;  // inside what the last start read (i, so after, stays)
    i = starts[c];
    if (occ_[i] != none || (!eq(tok_[i].lower, "communauté") && !eq(tok_[i].lower, "conseil"))) continue;
    const std::vector<std::size_t>* v = nullptr;
    std::size_t len = longest(lex_.org_nouns(), tok_, i, ntok_, &v);
    if (len < 2 || !free(i, i + len)) continue;
    std::size_t k = i + len;
    if (k + 1 >= ntok_ || !(eq(tok_[k].lower, "de") || eq(tok_[k].lower, "d'") || eq(tok_[k].lower, "du"))) continue;
    std::size_t pm = entity_mention_at(k + 1);
    if (pm == none || !eq(a_.entities[a_.mentions[pm].entity].type, "Place")) continue;
    std::size_t end = a_.mentions[pm].tok_end;
    std::string label = surface(i, end);
    kill(pm);
    add_entity_mention(i, end, register_entity(label, "Organization", "", "", false), false);
    i = end - 1;
  }
}

void finder_state::references(bool organisations_only) {
  // Every branch below starts at a definite article, or (second pass) at « y », a
  // pronoun or a possessive: the other tokens are passed over with one test.
  const std::uint64_t openers =
      lists_[list_definites] | (organisations_only ? 0 : lists_[list_pronouns] | lists_[list_possessives]);
  // Only at the tokens index_starts() found (`after`: as in names()).
  const std::vector<std::size_t>& starts = buffers_.reference_starts;
  for (std::size_t c = 0, after = 0, i = 0; c < starts.size(); after = i + 1, ++c) {
    if (starts[c] < after) continue;  // inside what the last start read (i, so after, stays)
    i = starts[c];
    if (occ_[i] != none) continue;
    const token& t = tok_[i];
    if (!(t.lists & openers) && (organisations_only || !eq(t.lower, "y"))) continue;
    std::size_t sent = sentence_of(i);
    // « Verkor y investit 1,6 milliard », « prévoit d'y créer 400 emplois »: « y » before a verb
    // names the last facility, else the last place, of this sentence or the two before.
    if (!organisations_only && eq(t.lower, "y") && i >= 1 && i + 1 < ntok_ && (tok_[i + 1].pos & pos_verb) &&
        (entity_mention_at(i - 1) != none || (occ_[i - 1] != none && a_.mentions[occ_[i - 1]].kind == mention_kind::entity) ||
         eq(tok_[i - 1].lower, "d'") || eq(tok_[i - 1].lower, "va") || eq(tok_[i - 1].lower, "vont"))) {
      const std::size_t from = a_.seg.sentences[sent > 2 ? sent - 2 : 0].tok_begin;
      std::size_t ref = last_entity_before(i, {"Facility"}, false, from);
      if (ref == none) ref = last_entity_before(i, {"Place"}, false, from);
      if (ref != none) add_entity_mention(i, i + 1, ref, true);
      continue;
    }
    // Pronouns: the first person, organisation or facility of the previous sentence.
    if (!organisations_only && in(t, list_pronouns)) {
      std::size_t ref = none;
      if (i >= 1 && eq(tok_[i - 1].lower, "-")) {  // « a-t-il lancé »: the speaker, the last person named before
        const std::size_t from = a_.seg.sentences[sent > 2 ? sent - 2 : 0].tok_begin;
        ref = last_entity_before(i, {"Person"}, false, from);
        // « a-t-elle déclaré »: not a man named since (« la ministre X … en compagnie de Y, directeur »).
        const char clash = eq(t.lower, "elle") ? 'm' : eq(t.lower, "il") ? 'f' : 0;
        if (ref != none && clash && a_.entities[ref].gender == clash) {
          std::size_t alt = none;
          for (std::size_t k = i; k-- > from && alt == none;) {
            std::size_t m = entity_mention_at(k);
            if (m == none) continue;
            const doc_entity& e = a_.entities[a_.mentions[m].entity];
            if (eq(e.type, "Person") && e.gender != clash) alt = a_.mentions[m].entity;
          }
          if (alt != none) ref = alt;
        }
      }
      // « Quant au laboratoire Pfizer, il injectera »: the topic set out before the comma.
      const std::size_t sb = a_.seg.sentences[sent].tok_begin;
      if (ref == none && i >= 2 && eq(tok_[i - 1].lower, ",") && in(tok_[sb], list_topic_openers))
        ref = last_entity_before(i, {"Person", "Organization"}, false, sb);
      // « Le ministre se rendra à Belfort, où il rencontrera »: the subject of its own sentence.
      if (ref == none && i > sb && (eq(tok_[i - 1].lower, "où") || eq(tok_[i - 1].lower, "qu'") || eq(tok_[i - 1].lower, "que") ||
                                    eq(tok_[i - 1].lower, "et") || eq(tok_[i - 1].lower, "puis")))
        ref = subject_of(sent, i, {"Person", "Organization"}, false);
      // « Fondée en 2021 par A et B, la société … . Elle recrutera »: the subject after the opening
      // participle clause, not the first name inside it.
      if (ref == none && sent > 0 && i == sb) {
        const sentence& ps = a_.seg.sentences[sent - 1];
        const token& first = tok_[ps.tok_begin];
        if (first.cap && (first.pos & pos_past_participle) && occ_[ps.tok_begin] == none)
          for (std::size_t k = ps.tok_begin + 2; k < ps.tok_end && ref == none; ++k) {
            std::size_t m = entity_mention_at(k);
            if (m == none || !eq(a_.entities[a_.mentions[m].entity].type, "Organization")) continue;
            const bool after_comma = eq(tok_[k - 1].lower, ",") ||
                                     (in(tok_[k - 1], list_definites) && eq(tok_[k - 2].lower, ",")) ||
                                     (k >= ps.tok_begin + 3 && eq(tok_[k - 3].lower, ",") && in(tok_[k - 2], list_definites) &&
                                      longest(lex_.org_nouns(), tok_, k - 1, k, nullptr) == 1);
            if (after_comma) ref = a_.mentions[m].entity;
          }
      }
      // « Elle est basée à Palaiseau »: what is based somewhere is an organisation, not a person.
      bool org_only = false;
      for (std::size_t q = i + 1; q < ntok_ && q <= i + 3 && !org_only; ++q)
        org_only = (tok_[q].lemma_lists & lists_[list_based]) != 0 && (tok_[q].pos & pos_past_participle);
      if (ref == none && org_only)
        for (std::size_t s = sent; s-- > 0 && ref == none && s + 3 > sent;) {
          ref = subject_of(s, a_.seg.sentences[s].tok_end, {"Organization"}, false);
          if (ref == none) ref = last_entity_before(a_.seg.sentences[s].tok_end, {"Organization"}, false, a_.seg.sentences[s].tok_begin);
        }
      for (std::size_t s = sent; s-- > 0 && ref == none && s + 3 > sent;) ref = first_entity_in_sentence(s);
      if (ref == none) continue;
      add_entity_mention(i, i + 1, ref, true);
      continue;
    }
    // « Son PDG, Jean-Luc Maria »: the possessive names the organisation.
    if (!organisations_only && in(t, list_possessives) && i + 1 < ntok_ && occ_[i + 1] != none &&
        a_.mentions[occ_[i + 1]].kind == mention_kind::title) {
      std::size_t ref = resolve_description(i, {"Organization"}, false);
      if (ref == none) continue;
      add_entity_mention(i, i + 1, ref, true);
      continue;
    }
    if (!in(t, list_definites) || i + 1 >= ntok_) continue;
    std::size_t k = i + 1;
    // « the Detroit-based company »: a place-based qualifier between article and noun.
    if (std::size_t pm = entity_mention_at(k); pm != none && a_.mentions[pm].tok_end + 1 < ntok_ &&
                                               eq(tok_[a_.mentions[pm].tok_end].lower, "-") &&
                                               in(tok_[a_.mentions[pm].tok_end + 1], list_detached_suffixes))
      k = a_.mentions[pm].tok_end + 2;
    const std::vector<std::size_t>* v = nullptr;
    std::size_t len = 0;
    type_set types;
    bool country = false;
    // « a déclaré le nouveau patron »: the newly appointed holder of a title.
    if (occ_[k] == none && k + 1 < ntok_ &&
        (eq(tok_[k].lower, "nouveau") || eq(tok_[k].lower, "nouvelle") || eq(tok_[k].lower, "nouvel")) && occ_[k + 1] != none &&
        a_.mentions[occ_[k + 1]].kind == mention_kind::title && a_.mentions[occ_[k + 1]].tok_begin == k + 1)
      ++k;
    if (occ_[k] == none && (len = longest(lex_.org_nouns(), tok_, k, ntok_, &v))) types = {"Organization"};
    else if (organisations_only) continue;
    else if (occ_[k] == none && (len = longest(lex_.event_nouns(), tok_, k, ntok_, &v))) types = {"Event"};
    else if (occ_[k] == none && in(tok_[k], list_country_nouns)) { len = 1; types = {"Place"}; country = true; }
    else if (occ_[k] == none && in(tok_[k], list_town_nouns) && !tok_[k].cap) { len = 1; types = {"Place"}; }
    else if (occ_[k] != none && a_.mentions[occ_[k]].kind == mention_kind::title && a_.mentions[occ_[k]].tok_begin == k) {
      len = a_.mentions[occ_[k]].tok_end - k;
      types = {"Person"};
    }
    if (!len && !organisations_only && occ_[k] == none && in(tok_[k], list_facility_refs)) {
      len = 1;
      types = {"Facility"};
    }
    if (!len) continue;
    // « Colas, la filiale de … »: an apposition describes the name before it; rules read its words.
    if (i >= 2 && eq(tok_[i - 1].lower, ",") && occ_[i - 2] != none &&
        a_.mentions[occ_[i - 2]].kind == mention_kind::entity &&
        a_.entities[a_.mentions[occ_[i - 2]].entity].type == types[0] &&
        !(eq(types[0], "Organization") && after_fronted_participle(i)))
      continue;
    std::size_t j = k + len;
    std::string nationality;
    while (j < ntok_ && occ_[j] == none && !tok_[j].cap && (lex_.demonym(tok_[j].word) || (tok_[j].pos & pos_adj)) &&
           !(tok_[j].pos & pos_verb) && j < k + len + 2) {
      if (const std::string* cc = lex_.demonym(tok_[j].word)) nationality = *cc;
      ++j;
    }
    // « La filiale de Safran investit »: a part of a group named by its parent refers to the company before.
    const bool part_of = eq(types[0], "Organization") && in(tok_[k], list_part_nouns) && j + 1 < ntok_ &&
                         (eq(tok_[j].lower, "de") || eq(tok_[j].lower, "d'") || eq(tok_[j].lower, "du")) &&
                         entity_mention_at(j + 1) != none && i == a_.seg.sentences[sent].tok_begin;
    if (part_of) {
      std::size_t pm = entity_mention_at(j + 1);
      std::size_t after = a_.mentions[pm].tok_end;
      if (after + 1 < ntok_ && eq(tok_[after].lower, ",") && (entity_mention_at(after + 1) != none || is_name_token(tok_[after + 1])))
        continue;
    }
    // « du groupe d'ingénierie logicielle Celad »: a complement, then the name it introduces.
    if (eq(types[0], "Organization") && !part_of) {
      std::size_t q = j;
      if (q < ntok_ && (eq(tok_[q].lower, "de") || eq(tok_[q].lower, "d'") || eq(tok_[q].lower, "des") || eq(tok_[q].lower, "du"))) {
        ++q;
        while (q < ntok_ && q < j + 5 && occ_[q] == none && !tok_[q].cap && !tok_[q].punct) ++q;
        if (q < ntok_ && (entity_mention_at(q) != none || is_name_token(tok_[q]))) continue;
      }
    }
    // Followed by a name, or by « de X », it introduces rather than refers.
    if (j < ntok_ && (entity_mention_at(j) != none || (is_name_token(tok_[j]) && !sentence_initial(j)))) {
      // « l'armateur marseillais CMA CGM »: « l'armateur » later names CMA CGM.
      if (std::size_t nm = entity_mention_at(j); nm != none && eq(types[0], "Organization")) {
        auto& nouns = a_.entities[a_.mentions[nm].entity].nouns;
        if (eq(a_.entities[a_.mentions[nm].entity].type, "Organization") &&
            std::find(nouns.begin(), nouns.end(), tok_[k].lower) == nouns.end())
          nouns.push_back(tok_[k].lower);
      }
      continue;
    }
    if (eq(types[0], "Person") && j < ntok_ && (eq(tok_[j].lower, "de") || eq(tok_[j].lower, "du") || eq(tok_[j].lower, "d'")))
      continue;
    // « Le ministre de l'Économie, Bruno Le Maire, »: an apposition introduces the name after it.
    if (j + 1 < ntok_ && eq(tok_[j].lower, ",") && !eq(types[0], "Place") &&
        (entity_mention_at(j + 1) != none || (is_name_token(tok_[j + 1]) && occ_[j + 1] == none)))
      continue;
    std::size_t ref = none;
    // « le groupe nippon »: the last organisation introduced as Japanese.
    if (!nationality.empty() && eq(types[0], "Organization"))
      for (std::size_t k2 = i; k2-- > 0 && ref == none;) {
        std::size_t m = entity_mention_at(k2);
        if (m != none && a_.entities[a_.mentions[m].entity].nationality == nationality) ref = a_.mentions[m].entity;
      }
    // « le joaillier »: the last organisation introduced by that noun, unless it is
    // the name this description is a complement of (« X, la filiale de l'armateur »).
    // Both walks below find something only if an entity holds the head noun (a title
    // for people): most documents have none, and then the walks are skipped.
    auto some_entity_holds = [&](bool titles) {
      const std::string& head = tok_[k].lower;
      for (const doc_entity& e : a_.entities) {
        const auto& held = titles ? e.titles : e.nouns;
        if (!held.empty() && std::find(held.begin(), held.end(), head) != held.end()) return true;
      }
      return false;
    };
    if (ref == none && eq(types[0], "Organization") && some_entity_holds(false)) {
      std::size_t apposed = none;
      if (i >= 1 && (eq(tok_[i - 1].lower, "de") || eq(tok_[i - 1].lower, "d'") || eq(t.lower, "du") || eq(t.lower, "des")))
        for (std::size_t k2 = i; k2-- > a_.seg.sentences[sent].tok_begin;)
          if (std::size_t m = entity_mention_at(k2); m != none) {
            apposed = a_.mentions[m].entity;
            break;
          }
      const std::string head = tok_[k].lower;
      for (std::size_t k2 = i; k2-- > 0 && ref == none;) {
        std::size_t m = entity_mention_at(k2);
        if (m == none || a_.mentions[m].entity == apposed) continue;
        const auto& nouns = a_.entities[a_.mentions[m].entity].nouns;
        if (std::find(nouns.begin(), nouns.end(), head) != nouns.end()) ref = a_.mentions[m].entity;
      }
    }
    // « a conclu le ministre »: the last person introduced with that title.
    if (eq(types[0], "Person") && ref == none && some_entity_holds(true)) {
      const std::string head = tok_[k].lower;
      for (std::size_t k2 = i; k2-- > 0 && ref == none;) {
        std::size_t m = entity_mention_at(k2);
        if (m == none || !eq(a_.entities[a_.mentions[m].entity].type, "Person")) continue;
        const auto& held = a_.entities[a_.mentions[m].entity].titles;
        if (std::find(held.begin(), held.end(), head) != held.end()) ref = a_.mentions[m].entity;
      }
    }
    if (ref == none)
      ref = eq(types[0], "Organization") ? resolve_description(i, types, country) : last_entity_before(i, types, country);
    // « Le groupe, basé à Châtillon »: a company noun does not name the State; the company before it does.
    if (ref != none && eq(types[0], "Organization") && !eq(tok_[k].lower, "gouvernement") &&
        !eq(tok_[k].lower, "administration") && !eq(tok_[k].lower, "exécutif") && !eq(tok_[k].lower, "actionnaire")) {
      const std::string& el = label_low(ref);
      if (eq(el, "état") || eq(el, "etat") || eq(el, "l'état") || eq(el, "état français")) {
        skip_entity_ = ref;
        std::size_t other = resolve_description(i, types, country);
        skip_entity_ = none;
        if (other != none) ref = other;
      }
    }
    if (ref == none) continue;
    if (eq(types[0], "Person")) kill(occ_[k]);
    // « La filiale de Safran »: the parent's name belongs to the description.
    if (part_of) {
      std::size_t pm = entity_mention_at(j + 1);
      std::size_t pend = a_.mentions[pm].tok_end;
      kill(pm);
      j = pend;
    }
    const std::size_t begin = k > i + 1 ? k : i;
    if (!free(begin, j)) continue;
    add_entity_mention(begin, j, ref, true);
    i = j - 1;
  }
}

// « Colas, la filiale de travaux publics de Bouygues, a signé »: units between
// the commas of an apposition or relative clause after a name are marked, so
// that rule gaps may cross the names inside them.
void finder_state::mark_parentheticals(segment_units& seg) const {
  auto is_tok = [&]<std::size_t N>(std::size_t u, const char (&w)[N]) {
    return u < seg.units.size() && seg.units[u].mention == none && eq(tok_[seg.units[u].tok_begin].lower, w);
  };
  for (std::size_t u = 0; u + 2 < seg.units.size(); ++u) {
    if (seg.units[u].mention == none || a_.mentions[seg.units[u].mention].kind != mention_kind::entity) continue;
    if (!is_tok(u + 1, ",")) continue;
    const unit& next = seg.units[u + 2];
    bool opens = false, indefinite = false;
    if (next.mention == none) {
      const token& t = tok_[next.tok_begin];
      // « Colas, la filiale de … », "VMware, which was bought …"; not an indefinite
      // (", a move that will create …" comments the whole sentence).
      opens = eq(t.lower, "qui") || eq(t.lower, "which") || eq(t.lower, "who") || in(t, list_definites) ||
              in(t, list_apposition_openers);
      // « Holosolis, une société créée par … »: an indefinite organisation noun describes the name too.
      if (!opens && (eq(t.lower, "un") || eq(t.lower, "une")) && eq(lex_.lang(), "fr") && u + 3 < seg.units.size() &&
          seg.units[u + 3].mention == none) {
        const std::vector<std::size_t>* v = nullptr;
        opens = indefinite = longest(lex_.org_nouns(), tok_, seg.units[u + 3].tok_begin, ntok_, &v) > 0;
      }
    } else {
      opens = a_.mentions[next.mention].kind == mention_kind::title;
    }
    if (!opens) continue;
    for (std::size_t k = u + 2; k < seg.units.size() && k < u + 28; ++k) {
      if (seg.units[k].mention != none && a_.mentions[seg.units[k].mention].kind == mention_kind::quote) break;
      if (is_tok(k, ",")) {
        // « … formé par A, le groupe B et C, investira »: a comma inside a list does not close it.
        auto entity_at = [&](std::size_t q) {
          return q < seg.units.size() && seg.units[q].mention != none && a_.mentions[seg.units[q].mention].kind == mention_kind::entity;
        };
        auto entity_within = [&](std::size_t from, std::size_t n) {
          for (std::size_t q = from; q < from + n && q < seg.units.size(); ++q) {
            if (entity_at(q)) return q;
            if (is_tok(q, ",")) break;
          }
          return seg.units.size();
        };
        if (indefinite && entity_at(k - 1)) {
          std::size_t e1 = entity_within(k + 1, 3);
          if (e1 < seg.units.size() && (is_tok(e1 + 1, "et") || is_tok(e1 + 1, ","))) continue;
        }
        for (std::size_t q = u + 1; q <= k; ++q) seg.units[q].parenthetical = true;
        break;
      }
    }
  }
}

// « Priya Raman … Raman said »: a name of two or three words typed by default
// whose last word is used alone elsewhere is a person's name and surname.
// « Tiffany » beside « Tiffany & Co. »: a name that is another organisation's
// name without its legal form is that organisation.
void finder_state::short_company_names() {
  for (std::size_t a = 0; a < a_.entities.size(); ++a) {
    doc_entity& full = a_.entities[a];
    if (!eq(full.type, "Organization")) continue;
    // The label without its trailing legal form, viewed: a prefix of it.
    // (A legal suffix never ends with a period: the lexicon strips them, as
    // `last` is stripped here.)
    std::string_view stem = full.label;
    for (;;) {
      std::size_t space = stem.rfind(' ');
      if (space == std::string::npos) break;
      std::string last = lower_utf8(stem.substr(space + 1));
      while (!last.empty() && last.back() == '.') last.pop_back();
      if (!(eq(last, "&") || eq(last, "et") || eq(last, "and") || eq(last, "co") || legal_suffix(last))) break;
      stem = stem.substr(0, space);
    }
    if (stem.size() == full.label.size() || (stem.find(' ') == std::string::npos && stem.size() < 3)) continue;
    const std::string low = lower_utf8(stem);
    for (std::size_t b = 0; b < a_.entities.size(); ++b) {
      doc_entity& alone = a_.entities[b];
      if (b == a || label_low(b) != low) continue;
      if (!eq(alone.type, "Organization") && !alone.weak) continue;
      if (!alone.kb_id.empty() && !full.kb_id.empty() && alone.kb_id != full.kb_id) continue;
      for (auto& m : a_.mentions)
        if (m.kind == mention_kind::entity && m.entity == b) m.entity = a;
      for (auto& e : a_.entities) {
        if (e.owner_entity == b) e.owner_entity = a;
      }
      full.aliases.push_back(alone.label);
      if (full.kb_id.empty()) full.kb_id = alone.kb_id;
    }
  }
}

// « son usine de freins carbone » (title) and « sa nouvelle usine de freins carbone
// à Feillens » (body): a facility whose words are all in a fuller facility's name,
// with no other owner or place, is that facility.
// « les sites de Dunkerque, Florange et Basse-Indre »: a name typed by default
// that is listed with places is a place.
void finder_state::listed_places() {
  auto place_at = [&](std::size_t k) {
    std::size_t m = entity_mention_at(k);
    return m != none && eq(a_.entities[a_.mentions[m].entity].type, "Place") && !a_.entities[a_.mentions[m].entity].weak;
  };
  for (std::size_t m = 0; m < a_.mentions.size(); ++m) {
    const mention& mm = a_.mentions[m];
    if (mm.kind != mention_kind::entity || mm.reference || mm.tok_end == mm.tok_begin) continue;
    doc_entity& e = a_.entities[mm.entity];
    if (!e.weak || eq(e.type, "Place") || e.strength > 0) continue;
    bool listed = false;
    // Walk left through the list (« Dunkerque, Florange et Basse-Indre ») to a place of the lexicon.
    for (std::size_t k = mm.tok_begin, hops = 0; k >= 2 && hops < 4 && !listed; ++hops) {
      if (!eq(tok_[k - 1].lower, ",") && !eq(tok_[k - 1].lower, "et")) break;
      std::size_t pm = entity_mention_at(k - 2);
      if (pm == none) break;
      listed = place_at(k - 2);
      k = a_.mentions[pm].tok_begin;
    }
    if (listed) e.type = "Place";
  }
}

void finder_state::same_facilities() {
  for (std::size_t a = 0; a < a_.entities.size(); ++a) {
    doc_entity& full = a_.entities[a];
    if (!eq(full.type, "Facility")) continue;
    const std::string fl = " " + label_low(a) + " ";
    for (std::size_t b = 0; b < a_.entities.size(); ++b) {
      doc_entity& part = a_.entities[b];
      if (b == a || !eq(part.type, "Facility") || part.label.size() >= full.label.size()) continue;
      if (part.label.find(' ') == std::string::npos) continue;  // « l'usine » alone is a reference, not a name
      if (fl.find(" " + label_low(b) + " ") == std::string::npos) continue;
      if (part.owner_entity != none && part.owner_entity != full.owner_entity) continue;
      if (part.place_entity != none && part.place_entity != full.place_entity) continue;
      for (auto& m : a_.mentions)
        if (m.kind == mention_kind::entity && m.entity == b) m.entity = a;
      full.aliases.push_back(part.label);
      part.place_entity = none;  // no mention left: nothing is said of it
      part.owner_entity = none;
      part.type = "Merged";      // out of every type test: the facility lives on as `full`
    }
  }
}

void finder_state::surnames_alone() {
  for (std::size_t a = 0; a < a_.entities.size(); ++a) {
    doc_entity& full = a_.entities[a];
    std::size_t space = full.label.rfind(' ');
    if (full.strength != 0 || space == std::string::npos || full.label.find('-') != std::string::npos) continue;
    std::string last = lower_utf8(std::string_view(full.label).substr(space + 1));
    if (corporate_word(last)) continue;
    for (std::size_t b = 0; b < a_.entities.size(); ++b) {
      doc_entity& alone = a_.entities[b];
      if (b == a || alone.strength > 1 || label_low(b) != last) continue;
      full.type = "Person";
      full.strength = 1;
      full.weak = false;
      for (auto& m : a_.mentions)
        if (m.kind == mention_kind::entity && m.entity == b) m.entity = a;
      full.aliases.push_back(alone.label);
      break;
    }
  }
}

// « Macrons Choose France » in a headline and « Choose France » in the body:
// a name that is another name of the same type plus one leading word is that
// entity.
void finder_state::merge_prefixed() {
  for (std::size_t a = 0; a < a_.entities.size(); ++a) {
    const doc_entity& ea = a_.entities[a];
    if (ea.kb_id.size() || eq(ea.type, "Person") || eq(ea.type, "Facility")) continue;
    for (std::size_t b = 0; b < a_.entities.size(); ++b) {
      const doc_entity& eb = a_.entities[b];
      if (a == b || eb.type != ea.type || eb.weak || eb.label.size() >= ea.label.size()) continue;
      std::size_t cut = ea.label.size() - eb.label.size();
      if (ea.label.compare(cut, std::string::npos, eb.label) != 0 || ea.label[cut - 1] != ' ') continue;
      if (ea.label.substr(0, cut - 1).find(' ') != std::string::npos) continue;
      for (auto& m : a_.mentions)
        if (m.kind == mention_kind::entity && m.entity == a) m.entity = b;
      for (auto& e : a_.entities) {
        if (e.owner_entity == a) e.owner_entity = b;
        if (e.place_entity == a) e.place_entity = b;
      }
      a_.entities[b].aliases.push_back(ea.label);
      break;
    }
  }
}

void finder_state::build_units() {
  // Segments: sentences, joined where a quotation runs over a sentence end.
  auto& ss = a_.seg.sentences;
  std::vector<bool> join_next(ss.size(), false);
  for (const auto& m : a_.mentions) {
    if (m.kind != mention_kind::quote || m.tok_end == m.tok_begin) continue;
    std::size_t first = sentence_of(m.tok_begin), last = sentence_of(m.tok_end - 1);
    for (std::size_t s = first; s < last; ++s) join_next[s] = true;
  }
  a_.segments.reserve(a_.segments.size() + ss.size());
  for (std::size_t s = 0; s < ss.size();) {
    segment_units seg;
    seg.sentence = s;
    seg.begin = ss[s].begin;
    std::size_t last = s;
    while (last + 1 < ss.size() && join_next[last]) ++last;
    seg.end = ss[last].end;
    if (ss[last].tok_end > ss[s].tok_begin) seg.units.reserve(ss[last].tok_end - ss[s].tok_begin);  // at most one unit a token
    for (std::size_t k = ss[s].tok_begin; k < ss[last].tok_end;) {
      unit u;
      if (occ_[k] != none && a_.mentions[occ_[k]].tok_begin == k) {
        const mention& m = a_.mentions[occ_[k]];
        u.tok_begin = m.tok_begin;
        u.tok_end = m.tok_end;
        u.mention = occ_[k];
        k = m.tok_end;
      } else {
        u.tok_begin = k;
        u.tok_end = k + 1;
        ++k;
      }
      seg.units.push_back(u);
    }
    mark_parentheticals(seg);
    a_.segments.push_back(std::move(seg));
    s = last + 1;
  }
}

}  // namespace

mention_finder::mention_finder(const lexicon& lex, const value_scanner& values) : lex_(lex), values_(values) {
  static_assert(list_count <= std::tuple_size_v<decltype(list_bits_)>);
  for (std::size_t l = 0; l < list_count; ++l) list_bits_[l] = lex_.list_bit(list_names[l]);
}

void mention_finder::find(analysis& a) const {
  finder_state st(lex_, list_bits_.data(), a);
  st.quotes();
  st.values(values_);
  st.titles();
  st.names();
  st.local_bodies();
  st.references(true);
  st.facilities();
  st.references(false);
  st.surnames_alone();
  st.short_company_names();
  st.same_facilities();
  st.listed_places();
  st.merge_prefixed();
  st.build_units();
}

}  // namespace econkg
