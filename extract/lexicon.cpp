#include "extract/lexicon.hpp"

#include "extract/morph_table.hpp"
#include "extract/short_hash.hpp"
#include "extract/tsv.hpp"

#include <hunspell/hunspell.hxx>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace econkg {

namespace fs = std::filesystem;

namespace {

std::vector<tsv_row> read_tsv(const std::string& path, std::size_t min_fields) {
  tsv_rules rules;
  rules.min_fields = min_fields;
  return econkg::read_tsv(path, rules);
}

constexpr std::string_view known_types[] = {"Organization", "Person", "Place", "Facility", "Event", "Product"};

bool known_type(std::string_view type) {
  return std::find(std::begin(known_types), std::end(known_types), type) != std::end(known_types);
}

}  // namespace

std::uint32_t vocabulary::add(std::string_view w) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::uint64_t h = short_hash(w);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    slot& s = slots_[i];
    if (!s.id) {
      s.tag = tag;
      s.id = ++count_;
      s.offset = static_cast<std::uint32_t>(chars_.size());
      s.length = static_cast<std::uint32_t>(w.size());
      chars_.append(w);
      if (w.size() == 1 && static_cast<unsigned char>(w[0]) < ascii_.size())
        ascii_[static_cast<unsigned char>(w[0])] = s.id;
      else if (w.size() > 1 && w[0] >= '0' && w[0] <= '9')
        digit_led_ |= 1u << (w[0] - '0');
      return s.id;
    }
    if (s.tag == tag && s.length == w.size() && std::string_view(chars_).substr(s.offset, s.length) == w) return s.id;
  }
}

void vocabulary::grow() {
  std::vector<slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(1024, old.size() * 2), slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const slot& s : old) {
    if (!s.id) continue;
    const std::uint64_t h = short_hash(std::string_view(chars_).substr(s.offset, s.length));
    std::size_t i = h & mask;
    while (slots_[i].id) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::uint32_t vocabulary::find_in_map(std::string_view w) const {
  if (slots_.empty()) return 0;
  const std::uint64_t h = short_hash(w);
  const auto tag = static_cast<std::uint32_t>(h >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const slot& s = slots_[i];
    if (!s.id) return 0;
    if (s.tag == tag && s.length == w.size() && std::memcmp(chars_.data() + s.offset, w.data(), w.size()) == 0)
      return s.id;
  }
}

namespace {

// The slot of an edge key in a table of `size` slots (a power of two).
inline std::size_t edge_slot(std::uint64_t key, std::size_t size) {
  std::uint64_t h = key * 0x9E3779B97F4A7C15ull;
  h ^= h >> 32;
  return h & (size - 1);
}

}  // namespace

std::uint32_t phrase_table::find_edge(std::uint64_t key) const {
  if (edges_.empty()) return 0;
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t i = edge_slot(key, edges_.size());; i = (i + 1) & mask) {
    const edge& e = edges_[i];
    if (e.key == key) return e.next;
    if (!e.key) return 0;
  }
}

std::uint32_t phrase_table::add_edge(std::uint64_t key, std::uint32_t next) {
  if ((edge_count_ + 1) * 2 > edges_.size()) {
    std::vector<edge> old = std::move(edges_);
    edges_.assign(std::max<std::size_t>(64, old.size() * 2), edge{});
    const std::size_t mask = edges_.size() - 1;
    for (const edge& e : old) {
      if (!e.key) continue;
      std::size_t i = edge_slot(e.key, edges_.size());
      while (edges_[i].key) i = (i + 1) & mask;
      edges_[i] = e;
    }
  }
  const std::size_t mask = edges_.size() - 1;
  for (std::size_t i = edge_slot(key, edges_.size());; i = (i + 1) & mask) {
    edge& e = edges_[i];
    if (e.key == key) return e.next;
    if (!e.key) {
      e.key = key;
      e.next = next;
      ++edge_count_;
      return next;
    }
  }
}

void phrase_table::add(const std::vector<std::uint32_t>& words, std::size_t value) {
  if (words.empty()) return;
  std::uint32_t at = 0;
  for (std::uint32_t w : words) {
    flags_[at] |= node_inner;
    auto next = static_cast<std::uint32_t>(values_.size());
    if (at == 0) {
      if (first_.size() <= w) first_.resize(w + 1, 0);
      if (first_bits_.size() <= w / 64) first_bits_.resize(w / 64 + 1, 0);
      first_bits_[w / 64] |= std::uint64_t{1} << (w % 64);
      if (first_[w]) next = first_[w] >> 2;
      else first_[w] = next << 2;
    } else {
      next = add_edge((std::uint64_t{at} << 32) | w, next);
    }
    if (next == values_.size()) {
      values_.emplace_back();
      flags_.push_back(0);
    }
    at = next;
  }
  values_[at].push_back(value);
  flags_[at] |= node_values;
  // The first word's node may have changed flags: copy them beside it.
  std::uint32_t& first = first_[words[0]];
  first = (first & ~3u) | flags_[first >> 2];
}

std::size_t phrase_table::longest_node(const std::vector<token>& tokens, std::size_t i, std::size_t end,
                                       std::uint32_t* node) const {
  if (i >= end) return 0;
  // The first word: most calls end here, after reading one bit.
  const std::uint32_t w0 = tokens[i].word;
  if (!w0 || w0 / 64 >= first_bits_.size() || !((first_bits_[w0 / 64] >> (w0 % 64)) & 1)) return 0;
  std::uint32_t at = first_[w0] >> 2;
  unsigned f = first_[w0] & 3;
  std::size_t best = 0;
  for (std::size_t k = i + 1;; ++k) {
    if (f & node_values) {
      best = k - i;
      *node = at;
    }
    if (k >= end || !(f & node_inner) || !tokens[k].word) break;
    at = find_edge((std::uint64_t{at} << 32) | tokens[k].word);
    if (!at) break;
    f = flags_[at];
  }
  return best;
}

namespace {

// The front table of the morphology cache (morphology::analyse) hashes and
// compares every token's form: most forms are short, so both read the form
// in at most four loads of fixed size (overlapping when the form is shorter
// than their total), never past its end, rather than byte by byte or through
// memcmp and memcpy calls.
struct form_words {
  std::uint64_t a = 0, b = 0;
};
inline std::uint64_t load8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}
inline std::uint32_t load4(const char* p) {
  std::uint32_t x;
  std::memcpy(&x, p, 4);
  return x;
}
// The first and last bytes of a form of 1 to 16 bytes: with its length, they
// tell it apart from every other form of that length.
inline form_words short_form_words(std::string_view f) {
  const char* p = f.data();
  const std::size_t n = f.size();
  if (n >= 8) return {load8(p), load8(p + n - 8)};
  if (n >= 4) return {load4(p), load4(p + n - 4)};
  return {static_cast<unsigned char>(p[0]), (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
                                                static_cast<unsigned char>(p[n - 1])};
}
// What lexicon::analyse sets on the token of a word form: the part of
// speech bits, the word numbers of the form and its lemmas, and the bits of
// the lists holding them (see token).
struct token_fields {
  std::uint32_t pos = 0;
  std::uint32_t word = 0, lemma_word = 0, alt_word = 0;
  std::uint64_t lists = 0, lemma_lists = 0;
};
// Slot of `f` in a table of 2^bits slots.
inline std::size_t front_slot_of(std::string_view f, unsigned bits) {
  std::uint64_t h = f.size() * 0x9E3779B97F4A7C15ull;
  if (f.size() - 1 < 16) {
    const form_words w = short_form_words(f);
    h = (h ^ w.a) * 0xBF58476D1CE4E5B9ull;
    h = (h ^ w.b) * 0x94D049BB133111EBull;
  } else {
    h ^= short_hash(f);
  }
  return static_cast<std::size_t>(h >> (64 - bits));
}
}  // namespace

// hunspell's readings of one word form, parsed: what parse() needs to fill
// a result (see morphology::parse).
struct reading {
  std::uint32_t pos = 0;        // pos bits of every analysis (never pos_common_word)
  bool common = false;          // some analysis is not a name (first name, surname, proper noun)
  std::string lemma, alt_lemma; // lower-cased lemmas of the first two distinct st: fields
};

// One hunspell dictionary, opened once per process however many lexicons use
// it (the French one serves French text and first names in English text).
// hunspell is not thread-safe: each instance has its own mutex. A thread
// that finds every instance busy waits for one, until such waits have
// happened often enough to pay for one more instance (up to max_instances):
// opening the French dictionary costs about as much as 3,000 analyses, and a
// wait lasts part of one analysis, so two threads that seldom collide share
// one instance, and threads that keep colliding get one each. One thread
// never pays for a second instance. The first instance is opened when a
// form first needs hunspell (most forms are answered by the build's
// morphology table, morph_table.hpp, and many runs never open one). Analyses are a
// pure function of the form, whichever instance makes them, so they are
// cached here once for all lexicons using the dictionary (the French and
// English lexicons both analyse names with the French one).
namespace detail {
std::atomic<std::size_t> hunspell_waits_per_instance{2000};
}

struct dictionary {
  static constexpr std::size_t max_instances = 16;
  struct instance {
    std::mutex m;
    std::unique_ptr<Hunspell> h;
  };
  std::string aff, dic;
  std::array<instance, max_instances> pool;
  std::atomic<std::size_t> opened{0};  // pool[0, opened) hold an open Hunspell
  // Waits for a busy instance since the last one was opened; one more is
  // opened when they reach detail::hunspell_waits_per_instance.
  std::atomic<std::size_t> waits{0};

  std::shared_mutex readings_mutex;
  std::unordered_map<std::string, reading, short_hasher, std::equal_to<>> readings;

  // The build's table of this dictionary's analyses, if it has one for these
  // files (morph_table.hpp): hunspell is then opened only for what the table
  // leaves to it, if anything.
  const morph_table* table = nullptr;

  dictionary(std::string aff_path, std::string dic_path)
      : aff(std::move(aff_path)), dic(std::move(dic_path)), table(morph_table::for_dictionary(aff, dic)) {}

  // Calls f(Hunspell&) with an instance no other thread is using.
  template <class F>
  decltype(auto) with(F&& f) {
    for (;;) {
      std::size_t n = opened.load(std::memory_order_acquire);
      if (n == 0) {
        // The first instance, opened on first use by whichever thread gets there.
        std::unique_lock lock(pool[0].m);
        if (!pool[0].h) {
          open_instance(0);
          opened.store(1, std::memory_order_release);
        }
        return f(*pool[0].h);
      }
      for (std::size_t i = 0; i < n; ++i) {
        std::unique_lock lock(pool[i].m, std::try_to_lock);
        if (lock.owns_lock()) return f(*pool[i].h);
      }
      if (n < max_instances && waits.load(std::memory_order_relaxed) >= detail::hunspell_waits_per_instance.load(std::memory_order_relaxed)) {
        if (std::unique_lock lock(pool[n].m, std::try_to_lock); lock.owns_lock()) {
          // This thread owns slot n: open it unless another thread did already.
          if (!pool[n].h) {
            open_instance(n);
            waits.store(0, std::memory_order_relaxed);
            opened.store(n + 1, std::memory_order_release);
          }
          return f(*pool[n].h);
        }
        continue;  // another thread is opening slot n: look again
      }
      // Every instance busy, and no new one worth opening yet: wait for one
      // (threads spread over them).
      waits.fetch_add(1, std::memory_order_relaxed);
      static std::atomic<std::size_t> turn{0};
      instance& in = pool[turn++ % n];
      std::lock_guard lock(in.m);
      return f(*in.h);
    }
  }

  // hunspell's parsed analysis of `form` (references stay valid: the cache only grows).
  const reading& analyse(const std::string& form) {
    {
      std::shared_lock lock(readings_mutex);
      auto it = readings.find(form);
      if (it != readings.end()) return it->second;
    }
    reading r = read(form);
    std::unique_lock lock(readings_mutex);
    return readings.emplace(form, std::move(r)).first->second;
  }

  // hunspell's analysis of `form`, from the table when it can tell.
  reading read(const std::string& form) {
    if (table) {
      analyses_digest d;
      switch (table->lookup(form, d)) {
        case morph_table::answer::found: return parse(d);
        case morph_table::answer::none: return {};
        case morph_table::answer::ask_hunspell: break;
      }
    }
    return parse(digest_analyses(with([&](Hunspell& h) { return h.analyze(form); })));
  }

  static reading parse(const analyses_digest& d) {
    reading r;
    r.pos = d.pos;
    r.common = d.common;
    for (const auto& stem : d.stems) {
      std::string low = lower_utf8(stem);
      if (r.lemma.empty()) r.lemma = low;
      else if (r.alt_lemma.empty() && low != r.lemma) r.alt_lemma = low;
    }
    return r;
  }

 private:
  // Opens pool[i] (hunspell's constructor counts its users of a shared
  // table without a lock: one construction at a time in the process).
  void open_instance(std::size_t i) {
    static std::mutex construction;
    std::lock_guard lock(construction);
    pool[i].h = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
  }
};

std::shared_ptr<dictionary> open_dictionary(const std::string& dir, const std::string& name) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<dictionary>> registry;
  std::lock_guard lock(registry_mutex);
  std::shared_ptr<dictionary> d = registry[name].lock();
  if (!d) {
    d = std::make_shared<dictionary>(dir + name + ".aff", dir + name + ".dic");
    registry[name] = d;
  }
  return d;
}

// hunspell analyses cached per word form.
struct lexicon::morphology {
  // (32 bits: a front slot's owner, see front_slot; it would take 2^32
  // lexicons for a serial to come back.)
  static inline std::atomic<std::uint32_t> count{0};
  const std::uint32_t serial = ++count;  // never 0
  std::shared_ptr<dictionary> main, names;  // names: French dictionary, for first names in English
  bool french = true;
  const lexicon* lex = nullptr;  // for the word numbers and list bits of the forms and lemmas
  // The analysis of a form: what a token gets (token_fields), and the lemmas.
  struct result : token_fields {
    std::string lemma, alt_lemma;
    bool dictionary_lemma = false;  // lemma and alt_lemma are the dictionary's (not the form itself)
  };
  // The analyses of every form seen, appended to a deque (which never moves
  // them: front slots point to them), found through an open-addressing index
  // (linear probing, at most half full) of their forms' hashes: a form met
  // for the first time, as most forms that miss the front table are, is
  // told absent from one slot of the index, where a std::unordered_map read
  // a bucket and a node or two (cache misses each). Guarded by cache_mutex.
  using entry = std::pair<const std::string, result>;
  struct cache_slot {
    std::uint64_t hash = 0;     // short_hash of the form
    const entry* e = nullptr;   // nullptr: the slot is empty
  };
  mutable std::shared_mutex cache_mutex;
  mutable std::deque<entry> cache;
  mutable std::vector<cache_slot> cache_index;  // empty, or a power of two slots

  // The cached analysis of `form` (short_hash `h`), or nullptr; under cache_mutex.
  const entry* find_cached(std::string_view form, std::uint64_t h) const {
    if (cache_index.empty()) return nullptr;
    const std::size_t mask = cache_index.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const cache_slot& s = cache_index[i];
      if (!s.e) return nullptr;
      if (s.hash == h && s.e->first == form) return s.e;
    }
  }
  // Caches `r` as the analysis of `form` (short_hash `h`), which find_cached
  // does not find; under cache_mutex held uniquely.
  const entry& add_cached(const std::string& form, result&& r, std::uint64_t h) const {
    if ((cache.size() + 1) * 2 > cache_index.size()) {
      std::vector<cache_slot> old(std::max<std::size_t>(1024, cache_index.size() * 2));
      old.swap(cache_index);
      for (const cache_slot& s : old)
        if (s.e) place_cached(s);
    }
    const entry& e = cache.emplace_back(form, std::move(r));
    place_cached(cache_slot{h, &e});
    return e;
  }
  void place_cached(const cache_slot& n) const {
    const std::size_t mask = cache_index.size() - 1;
    std::size_t i = n.hash & mask;
    while (cache_index[i].e) i = (i + 1) & mask;
    cache_index[i] = n;
  }

  // Adds a reading to a result that holds nothing yet; `lower_form`: the
  // form is its own lower-case form, so a reading that is not a name makes
  // it a common word.
  static void parse(const reading& g, result& r, bool lower_form) {
    r.pos |= g.pos;
    if (lower_form && g.common) r.pos |= pos_common_word;
    r.lemma = g.lemma;
    r.alt_lemma = g.alt_lemma;
  }

  // A direct-mapped table per thread in front of the shared cache:
  // frequent forms (de, la, the) are found without a lock. Entries point
  // into `cache`, whose nodes never move or die before the morphology
  // does; `serial` tells morphologies apart even when one is allocated
  // where an earlier one was. A slot holds its form's length and, for a
  // form of 1 to 16 bytes, its first and last bytes (which tell it apart
  // from every other form of that length), so a lookup compares the form
  // without reading the cache's node (a cache miss); it also holds what
  // lexicon::analyse copies into a token (`fields`), so that the token is
  // filled from the one cache line of the slot, the node left unread. 2^14
  // slots keep most of a corpus's frequent forms out of the shared cache and
  // its lock.
  struct alignas(64) front_slot {
    std::uint32_t owner = 0;  // the morphology's serial (0: empty)
    std::uint32_t size = 0;   // the form's length
    form_words words;
    token_fields fields;      // hit->second's
    const entry* hit = nullptr;
  };
  static_assert(sizeof(front_slot) == 64, "a front slot is one cache line");

  // This thread's front slot holding `form` (filled if it did not), whose
  // lower-case form is `lower`.
  const front_slot& lookup(std::string_view form, const std::string& lower) const {
    constexpr unsigned front_bits = 14;
    thread_local std::array<front_slot, std::size_t{1} << front_bits> front;
    const bool inline_form = form.size() - 1 < 16;
    const form_words words = inline_form ? short_form_words(form) : form_words{};
    front_slot& s = front[front_slot_of(form, front_bits)];
    if (s.owner == serial && s.size == form.size() && s.words.a == words.a && s.words.b == words.b &&
        (inline_form || s.hit->first == form))
      return s;
    const std::uint64_t h = short_hash(form);
    const entry* hit = nullptr;
    {
      std::shared_lock lock(cache_mutex);
      hit = find_cached(form, h);
    }
    if (!hit) hit = &fill(std::string(form), lower, h);
    s.owner = serial;
    s.size = static_cast<std::uint32_t>(form.size());
    s.words = words;
    s.fields = hit->second;  // (its token_fields)
    s.hit = hit;
    return s;
  }

  // The cached analysis of `form` (references into the cache stay valid: it only grows).
  const result& analyse(std::string_view form, const std::string& lower) const { return lookup(form, lower).hit->second; }

  // Whether hunspell's analysis of `form` holds that of its lower-case form
  // (every analysis of the lower-case form is one of `form`'s): hunspell
  // analyses a word written « Nexter » (INITCAP) or « NEXTER » (ALLCAP) as
  // itself and as « nexter », among other casings, and adds up the analyses.
  // So when no analysis of `form` is a common word's (none at all, or only
  // names), the lower-case form has none either: no pos_common_word, and no
  // dictionary lemma that `form` lacks. Answered for forms of ASCII and
  // Latin-1 letters only (whose lower-case forms ICU and hunspell agree on,
  // and which hunspell-fr's input conversions leave alone), without
  // apostrophes (the ’ retry); false otherwise.
  static bool analysis_covers_lower(std::string_view form) {
    std::size_t chars = 0, caps = 0, neutral = 0;
    bool first_cap = false;
    for (std::size_t i = 0; i < form.size(); ++i) {
      auto c = static_cast<unsigned char>(form[i]);
      bool cap, neutral_char;
      if (c < 0x80) {
        if (c == '\'') return false;
        cap = c >= 'A' && c <= 'Z';
        neutral_char = !cap && !(c >= 'a' && c <= 'z');
      } else if (c == 0xC3 && i + 1 < form.size() && (static_cast<unsigned char>(form[i + 1]) & 0xC0) == 0x80) {
        auto d = static_cast<unsigned char>(form[++i]);
        cap = d <= 0x9E && d != 0x97;   // À..Þ but ×
        neutral_char = d == 0x97 || d == 0xB7;  // × ÷
      } else {
        return false;
      }
      if (chars == 0) first_cap = cap;
      ++chars;
      if (cap) ++caps;
      else if (neutral_char) ++neutral;
    }
    if (caps == 0) return false;
    if (caps == 1 && first_cap) return true;        // INITCAP
    return caps == chars || caps + neutral == chars;  // ALLCAP
  }

  // Analyses `form` (short_hash `h`), not cached when looked up, and caches it.
  const entry& fill(const std::string& form, const std::string& lower, std::uint64_t h) const {
    result r;
    if (french) {
      const reading& own = main->analyse(form);
      parse(own, r, form == lower);
      // hunspell-fr spells apostrophes ’: try that form too (« aujourd'hui »).
      if (r.pos == 0 && form.find('\'') != std::string::npos) {
        std::string curly = form;
        for (std::size_t p = curly.find('\''); p != std::string::npos; p = curly.find('\'', p + 3))
          curly.replace(p, 1, "\u2019");
        parse(main->analyse(curly), r, form == lower);
      }
      if (form != lower && !(!own.common && analysis_covers_lower(form))) {
        if (lower.find('\'') == std::string::npos) {
          // The lower-case form's own cached analysis (shared by every casing):
          // without an apostrophe it is exactly hunspell's analysis of it.
          const result& low = analyse(lower, lower);
          r.pos |= low.pos & pos_common_word;
          if (r.lemma.empty() && low.dictionary_lemma) { r.lemma = low.lemma; r.alt_lemma = low.alt_lemma; }
        } else {
          result low;
          parse(main->analyse(lower), low, true);
          r.pos |= low.pos & pos_common_word;
          if (r.lemma.empty()) { r.lemma = low.lemma; r.alt_lemma = low.alt_lemma; }
        }
      }
    } else {
      // hunspell's stems and spelling of the lower-case form, from the
      // build's table when it can tell (morph_table::lookup_spelling).
      std::vector<std::string> stems;
      bool known = false;
      analyses_digest d;
      if (main->table && main->table->lookup_spelling(lower, d) != morph_table::answer::ask_hunspell) {
        known = d.pos & morph_table_format::spelled;
        stems = std::move(d.stems);
      } else {
        known = main->with([&](Hunspell& h) {
          stems = h.stem(lower);
          return h.spell(lower);
        });
      }
      if (!stems.empty()) r.lemma = stems[0];
      if (stems.size() > 1 && stems[1] != r.lemma) r.alt_lemma = stems[1];
      std::uint32_t named = names->analyse(form).pos;
      r.pos |= named & (pos_first_name | pos_surname | pos_proper);
      // en_US accepts « The » and « Open » at a sentence start: the lower-case
      // form being a word makes a common word, unless it is a known name.
      if (known) {
        r.pos |= pos_known;
        if (!(named & (pos_first_name | pos_surname))) r.pos |= pos_common_word;
      }
    }
    r.dictionary_lemma = !r.lemma.empty();
    if (r.lemma.empty()) r.lemma = lower;
    r.word = lex->word(lower);
    r.lemma_word = lex->word(r.lemma);
    r.alt_word = r.alt_lemma.empty() ? 0 : lex->word(r.alt_lemma);
    r.lists = lex->lists_of(r.word);
    r.lemma_lists = r.lists | lex->lists_of(r.lemma_word) | lex->lists_of(r.alt_word);
    std::unique_lock lock(cache_mutex);
    if (const entry* e = find_cached(form, h)) return *e;  // another thread cached it meanwhile
    return add_cached(form, std::move(r), h);
  }
};

lexicon::lexicon(const std::string& dir, const std::string& lang, const segmenter& seg)
    : lang_(lang), morph_(std::make_unique<morphology>()) {
  if (!fs::is_directory(dir)) throw std::runtime_error(dir + ": lexicon folder not found");
  // Gazetteers (shared by both languages), in sorted order for determinism.
  std::vector<fs::path> files;
  if (fs::is_directory(fs::path(dir) / "gazetteer"))
    for (auto& e : fs::directory_iterator(fs::path(dir) / "gazetteer"))
      if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::string> paths;
  for (auto& f : files) paths.push_back(f.string());
  load_gazetteers(paths, seg);
  add_countries(seg);
  // Every country name is known now (add_countries): the summaries point to them.
  for (std::size_t e = 0; e < names_.size(); ++e)
    if (names_[e].id.rfind("country:", 0) == 0) name_summaries_[e].country = country_name(names_[e].id);
  // Every name is known and summed up: what each name phrase's entries tell.
  name_phrase_info_.assign(name_phrases_.nodes(), name_phrase{});
  for (std::uint32_t node = 1; node < name_phrases_.nodes(); ++node) {
    const std::vector<std::size_t>& entries = name_phrases_.values(node);
    if (entries.empty()) continue;
    name_phrase& p = name_phrase_info_[node];
    std::size_t best = entries.front();
    for (std::size_t e : entries) {
      const name_summary& g = name_summaries_[e];
      if (g.priority > name_summaries_[best].priority ||
          (g.priority == name_summaries_[best].priority && (g.bits & name_organization) &&
           !(name_summaries_[best].bits & name_organization)))
        best = e;
      if (!(g.bits & name_acronym)) p.bits |= phrase_not_acronym;
      if (g.bits & name_organization) p.bits |= phrase_organization;
      if (g.bits & name_place) p.bits |= phrase_place;
    }
    if (name_summaries_[entries.front()].bits & name_organization) p.bits |= phrase_first_organization;
    p.best = static_cast<std::uint32_t>(best);
    p.country = name_summaries_[best].country;
  }

  fs::path ld = fs::path(dir) / lang;
  auto opt = [&](const char* name) { return (ld / name).string(); };
  if (fs::exists(opt("titles.tsv"))) load_nouns(opt("titles.tsv"), seg, titles_, &title_kinds_);
  if (fs::exists(opt("org_nouns.tsv"))) load_nouns(opt("org_nouns.tsv"), seg, org_nouns_, nullptr);
  if (fs::exists(opt("facility_nouns.tsv"))) load_nouns(opt("facility_nouns.tsv"), seg, facility_nouns_, nullptr);
  if (fs::exists(opt("event_nouns.tsv"))) load_nouns(opt("event_nouns.tsv"), seg, event_nouns_, nullptr);
  if (fs::exists(opt("demonyms.tsv")))
    for (auto& l : read_tsv(opt("demonyms.tsv"), 2)) demonyms_[lower_utf8(l.fields[0])] = l.fields[1];
  for (auto& [w, code] : demonyms_) {  // node-based map: the pointers stay valid
    std::uint32_t id = words_.add(w);
    if (demonym_by_word_.size() <= id) demonym_by_word_.resize(id + 1, nullptr);
    demonym_by_word_[id] = &code;
    set_bit(demonym_bits_, id);
  }
  std::string suffixes = (fs::path(dir) / "fr" / "legal_suffixes.tsv").string();
  if (fs::exists(suffixes))
    for (auto& l : read_tsv(suffixes, 1)) {
      std::string s = lower_utf8(l.fields[0]);
      while (!s.empty() && s.back() == '.') s.pop_back();
      set_bit(legal_suffix_bits_, words_.add(s));
      legal_suffixes_.insert(s);
    }
  if (fs::is_directory(ld / "lists"))
    for (auto& e : fs::directory_iterator(ld / "lists")) {
      if (e.path().extension() != ".txt") continue;
      auto& set = lists_[e.path().stem().string()];
      for (auto& l : read_tsv(e.path().string(), 1)) set.insert(lower_utf8(l.fields[0]));
    }
  // Each list one bit (the map is sorted: the same bit whatever the directory order).
  if (lists_.size() > 64) throw std::runtime_error((ld / "lists").string() + ": more than 64 word lists");
  for (const auto& [name, set] : lists_) {
    std::uint64_t bit = std::uint64_t{1} << list_bit_.size();
    list_bit_[name] = bit;
    for (const auto& w : set) {
      std::uint32_t id = words_.add(w);
      if (list_bits_.size() <= id) list_bits_.resize(id + 1, 0);
      list_bits_[id] |= bit;
    }
  }

  // hunspell: Debian's hunspell-fr and hunspell-en-us.
  const std::string hs = "/usr/share/hunspell/";
  std::string main_dic = lang == "fr" ? "fr_FR" : "en_US";
  if (!fs::exists(hs + main_dic + ".dic") || !fs::exists(hs + "fr_FR.dic"))
    throw std::runtime_error(hs + main_dic + ".dic: hunspell dictionary missing (apt-get install hunspell-fr hunspell-en-us)");
  morph_->french = lang == "fr";
  morph_->lex = this;
  morph_->main = open_dictionary(hs, main_dic);
  if (!morph_->french) morph_->names = open_dictionary(hs, "fr_FR");
}

lexicon::~lexicon() = default;

// The forms of the tokens of a list of phrases, as the first lexicon to
// segment them found them (filled once, under the mutex): phrase k's forms
// are forms[begin[k] .. begin[k + 1]).
struct lexicon::phrase_forms {
  std::mutex mutex;
  bool filled = false;
  std::vector<std::string> forms;
  std::vector<std::size_t> begin;
};

namespace {

// A gazetteer file's text and entries, and the forms of its surfaces' tokens.
struct parsed_gazetteer {
  std::string text;
  std::vector<gazetteer_entry> entries;
  std::unique_ptr<lexicon::phrase_forms> forms = std::make_unique<lexicon::phrase_forms>();
};

std::vector<gazetteer_entry> parse_gazetteer(const std::string& path, std::string_view text) {
  tsv_rules rules;
  rules.min_fields = 3;
  std::vector<gazetteer_entry> entries;
  // About one entry per line (the files have few comments).
  std::size_t lines = 1;
  for (const char* p = text.data(); (p = static_cast<const char*>(std::memchr(p, '\n', text.data() + text.size() - p))); ++p)
    ++lines;
  entries.reserve(lines);
  // The first entry's error is thrown once the whole text is read: an error
  // of the text itself, on any line, comes first.
  std::string error;
  for_each_tsv_row(path, text, rules, [&](std::size_t line, const std::vector<std::string_view>& f) {
    if (!error.empty()) return;
    auto where = [&] { return path + ":" + std::to_string(line); };
    if (!known_type(f[1])) {
      error = where() + ": unknown entity type '" + std::string(f[1]) + "'";
      return;
    }
    gazetteer_entry& e = entries.emplace_back();
    if (f.size() > 3 && !f[3].empty()) {
      // Nearly all priorities are a few digits, read here as std::stoi reads them.
      const std::string_view p = f[3];
      if (p.size() <= 9 && std::all_of(p.begin(), p.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        e.priority = 0;
        for (char c : p) e.priority = e.priority * 10 + (c - '0');
      } else {
        try {
          e.priority = std::stoi(std::string(p));
        } catch (const std::exception&) {
          error = where() + ": priority '" + std::string(f[3]) + "' is not a number";
          return;
        }
      }
    }
    e.surface = f[0];
    e.type = f[1];
    e.id = f[2];
    if (f.size() > 4) e.parent = f[4];
  });
  if (!error.empty()) throw std::runtime_error(error);
  return entries;
}

// The entries of the gazetteer file at `path`, parsed once for every lexicon
// of the process that reads the same text (the French and English lexicons
// load the same gazetteers): a file read again is parsed again only when its
// text changed. Entries live while a lexicon holds them.
std::shared_ptr<const parsed_gazetteer> gazetteer_file(const std::string& path) {
  static std::mutex registry_mutex;
  static std::map<std::string, std::weak_ptr<const parsed_gazetteer>> registry;
  std::string text = read_file(path);
  {
    std::lock_guard lock(registry_mutex);
    if (auto known = registry[path].lock(); known && known->text == text) return known;
  }
  auto parsed = std::make_shared<parsed_gazetteer>();
  parsed->entries = parse_gazetteer(path, text);
  parsed->text = std::move(text);
  std::lock_guard lock(registry_mutex);
  registry[path] = parsed;
  return parsed;
}

}  // namespace

void lexicon::load_gazetteers(const std::vector<std::string>& paths, const segmenter& seg) {
  std::vector<std::shared_ptr<const parsed_gazetteer>> files;
  std::size_t entries = 0;
  for (const auto& path : paths) {
    files.push_back(gazetteer_file(path));
    entries += files.back()->entries.size();
  }
  // Room for every name, the countries' too (two names each at most), so
  // that names_ is allocated once rather than moved as it grows.
  std::size_t countries = 0;
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) ++countries;
  names_.reserve(names_.size() + entries + 2 * countries);
  name_summaries_.reserve(names_.capacity());
  for (const auto& file : files) {
    gazetteers_.push_back(file);
    add_names(seg, file->entries, file->forms.get());
  }
}

void lexicon::add_names(const segmenter& seg, const std::vector<gazetteer_entry>& entries, phrase_forms* shared) {
  std::vector<std::string_view> surfaces;
  surfaces.reserve(entries.size());
  for (const auto& e : entries) surfaces.push_back(e.surface);
  auto words = phrase_words(seg, surfaces, shared);
  for (std::size_t k = 0; k < entries.size(); ++k) {
    name_phrases_.add(words[k], names_.size());
    names_.push_back(entries[k]);
    const gazetteer_entry& e = entries[k];
    name_summary sum;
    sum.priority = e.priority;
    if (e.type == "Organization") sum.bits |= name_organization;
    if (e.type == "Place") sum.bits |= name_place;
    bool acronym = e.surface.size() <= 4;
    for (char c : e.surface) acronym = acronym && !(c >= 'a' && c <= 'z');
    if (acronym && lower_utf8(e.surface) != e.surface) sum.bits |= name_acronym;
    name_summaries_.push_back(sum);
  }
}

void lexicon::load_nouns(const std::string& path, const segmenter& seg, phrase_table& table,
                         std::vector<std::string>* kinds) {
  auto lines = read_tsv(path, 1);
  std::vector<std::string_view> phrases;
  phrases.reserve(lines.size());
  for (const auto& l : lines) phrases.push_back(l.fields[0]);
  auto words = phrase_words(seg, phrases);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const auto& l = lines[k];
    std::size_t index = kinds ? kinds->size() : 0;
    if (kinds) kinds->push_back(l.fields.size() > 1 ? l.fields[1] : "");
    table.add(words[k], index);
  }
}

namespace {

// ICU's display name (UTF-8) of every ISO 3166 country, in the order of
// getISOCountries, in `language`: asked of ICU once per process (the French
// lexicon asks for the English names too, which the English one also does).
const std::vector<std::string>& country_display_names(const icu::Locale& language) {
  static std::mutex mutex;
  static std::map<std::string, std::vector<std::string>> by_language;  // (node-based: references stay valid)
  std::lock_guard lock(mutex);
  auto [it, added] = by_language.try_emplace(language.getName());
  if (added)
    for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c) {
      icu::UnicodeString name;
      icu::Locale("", *c).getDisplayCountry(language, name);
      name.toUTF8String(it->second.emplace_back());
    }
  return it->second;
}

}  // namespace

void lexicon::add_countries(const segmenter& seg) {
  // Every ISO 3166 country with its ICU display name in this language (and in
  // English for French text, which often keeps English names).
  const std::vector<std::string>* names[] = {&country_display_names(icu::Locale(lang_.c_str())),
                                             &country_display_names(icu::Locale("en"))};
  std::vector<gazetteer_entry> entries;
  std::size_t k = 0;
  for (const char* const* c = icu::Locale::getISOCountries(); *c; ++c, ++k) {
    const std::string_view code = *c;
    const std::string id = "country:" + std::string(code);
    for (int li = 0; li < 2; ++li) {
      const std::string& utf8 = (*names[li])[k];
      if (utf8.empty() || utf8 == code) continue;
      if (li == 0) country_names_.emplace(id, utf8);
      entries.push_back(gazetteer_entry{utf8, "Place", id, "", 9});
    }
  }
  add_names(seg, entries);
}

void lexicon::analyse(std::string_view text, std::vector<token>& tokens) const {
  for (auto& t : tokens) {
    if (t.punct || t.digit) {
      t.word = words_.find(t.lower);
      t.lists = t.lemma_lists = lists_of(t.word);
      continue;
    }
    const token_fields& r = morph_->lookup(text.substr(t.begin, t.end - t.begin), t.lower).fields;
    t.word = r.word;
    t.lemma_word = r.lemma_word;
    t.alt_word = r.alt_word;
    t.lists = r.lists;
    t.lemma_lists = r.lemma_lists;
    t.pos = r.pos;
  }
}

std::uint32_t lexicon::add_word(std::string_view lower) {
  {
    std::shared_lock lock(morph_->cache_mutex);
    if (!morph_->cache.empty() && !words_.find(lower))
      throw std::logic_error("lexicon::add_word(\"" + std::string(lower) + "\") after text was analysed");
  }
  return words_.add(lower);
}

std::uint32_t lexicon::word_pos(const std::string& form) const {
  return morph_->analyse(form, lower_utf8(form)).pos;
}

std::uint64_t lexicon::list_bit(const std::string& name) const {
  auto it = list_bit_.find(name);
  return it == list_bit_.end() ? 0 : it->second;
}

std::vector<std::vector<std::uint32_t>> lexicon::phrase_words(const segmenter& seg,
                                                              const std::vector<std::string_view>& phrases,
                                                              phrase_forms* shared) {
  std::unique_lock<std::mutex> lock;
  if (shared) {
    lock = std::unique_lock(shared->mutex);
    if (shared->filled && shared->begin.size() != phrases.size() + 1)
      throw std::logic_error("lexicon::phrase_words: shared forms of other phrases");
  }
  const bool reuse = shared && shared->filled;
  // The phrases as the lines of one text, segmented in one call: a line is a
  // paragraph, segmented on its own, so its tokens are those of the phrase
  // alone (a phrase holding a line break is segmented alone). Phrases whose
  // forms another lexicon found, and whose tokens no segmenter's language
  // changes, are not segmented again: those in which ICU is not asked
  // (latin_word_pieces) and without a hyphen (the only place where a
  // segmenter's own word list, its detached suffixes, is read).
  constexpr std::size_t alone = std::string::npos, known = std::string::npos - 1;
  std::string text;
  std::vector<std::size_t> starts;  // byte offset of each phrase in text, or alone, or known
  starts.reserve(phrases.size());
  std::vector<std::pair<std::size_t, std::size_t>> pieces;
  for (auto p : phrases) {
    if (reuse && p.find('-') == std::string_view::npos && latin_word_pieces(p, pieces)) {
      starts.push_back(known);
      continue;
    }
    if (p.find('\n') != std::string_view::npos) {
      starts.push_back(alone);
      continue;
    }
    starts.push_back(text.size());
    text.append(p);
    text.push_back('\n');
  }
  std::vector<token> tokens = seg.words(text);
  // The first lexicon keeps the forms of every phrase.
  const bool keep = shared && !reuse;
  if (keep) {
    shared->forms.reserve(tokens.size());
    shared->begin.reserve(phrases.size() + 1);
  }
  std::vector<std::vector<std::uint32_t>> out(phrases.size());
  std::size_t ti = 0;
  for (std::size_t k = 0; k < phrases.size(); ++k) {
    auto& words = out[k];
    if (keep) shared->begin.push_back(shared->forms.size());
    if (starts[k] == known) {
      const std::size_t end = shared->begin[k + 1];
      words.reserve(end - shared->begin[k]);
      for (std::size_t f = shared->begin[k]; f < end; ++f) words.push_back(words_.add(shared->forms[f]));
      continue;
    }
    auto add = [&](token& t) {
      words.push_back(words_.add(t.lower));
      if (keep) shared->forms.push_back(std::move(t.lower));
    };
    if (starts[k] == alone) {
      for (auto& t : seg.words(phrases[k])) add(t);
      continue;
    }
    std::size_t end = starts[k] + phrases[k].size();
    for (; ti < tokens.size() && tokens[ti].begin < end; ++ti) add(tokens[ti]);
  }
  if (keep) {
    shared->begin.push_back(shared->forms.size());
    shared->filled = true;
  }
  return out;
}

const std::string* lexicon::country_name(const std::string& id) const {
  auto it = country_names_.find(id);
  return it == country_names_.end() ? nullptr : &it->second;
}

const std::unordered_set<std::string>& lexicon::list(const std::string& name) const {
  auto it = lists_.find(name);
  if (it == lists_.end()) throw std::runtime_error("no word list '" + name + "' for language " + lang_);
  return it->second;
}

}  // namespace econkg
