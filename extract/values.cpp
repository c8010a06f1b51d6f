// Value scanner: a hand-written left-to-right scan over UTF-8 bytes. Only
// digits, currency symbols and words that can start an expression (a table of
// the lower-cased first words of the lexicon's phrases, keyed by their first
// eight bytes and length) are examined; every other word costs one look-up.
// About 70 instructions a byte on news text, far inside the pipeline's
// 10 MB/s budget. No regex and no ICU objects: only u_isalpha and u_tolower
// on non-ASCII code points. Scan state lives in a per-call `scan` object, so
// find() is thread-safe.
#include "extract/values.hpp"

#include "extract/tsv.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace econkg {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// ---------------------------------------------------------------- UTF-8 ---

struct code_point {
  char32_t c = 0;
  unsigned len = 0;
};

// Decodes the code point at byte i; a malformed byte reads as U+FFFD, length 1.
code_point decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return {b, 1};
  unsigned len = 0;
  char32_t c = 0;
  if ((b & 0xE0) == 0xC0) {
    len = 2;
    c = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3;
    c = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4;
    c = b & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (i + len > s.size()) return {0xFFFD, 1};
  for (unsigned k = 1; k < len; ++k) {
    const auto x = static_cast<unsigned char>(s[i + k]);
    if ((x & 0xC0) != 0x80) return {0xFFFD, 1};
    c = (c << 6) | (x & 0x3F);
  }
  return {c, len};
}

// The code point that ends at byte i ({0, 0} at the start of the text).
code_point decode_before(std::string_view s, std::size_t i) {
  if (i == 0) return {0, 0};
  std::size_t j = i - 1;
  while (j > 0 && i - j < 4 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  const code_point c = decode(s, j);
  if (j + c.len != i) return {0xFFFD, 1};
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// ICU's u_isalpha and u_tolower for the code points below 0x250 (Latin-1 and
// the Latin Extended blocks, where nearly every non-ASCII letter of French and
// English news falls), copied from ICU once at start-up: a table read instead
// of two library calls. Exact by construction (test_values compares them).
constexpr char32_t latin_end = 0x250;
struct latin_table {
  std::array<std::uint16_t, latin_end> lower{};  // u_tolower (all below 0x10000 here)
  std::array<bool, latin_end> alpha{};           // u_isalpha
};
latin_table make_latin_table() {
  latin_table t;
  for (char32_t c = 0; c < latin_end; ++c) {
    t.alpha[c] = u_isalpha(static_cast<UChar32>(c)) != 0;
    t.lower[c] = static_cast<std::uint16_t>(u_tolower(static_cast<UChar32>(c)));
  }
  return t;
}
const latin_table latin = make_latin_table();

bool is_letter(char32_t c) {
  if (c < 0x80) return is_ascii_letter(c);
  if (c < latin_end) return latin.alpha[c];
  return c != 0xFFFD && u_isalpha(static_cast<UChar32>(c)) != 0;
}
bool is_alnum(char32_t c) { return is_digit(c) || is_letter(c); }
// Spaces that may separate words of one expression (a line break included:
// wrapped plain text breaks « 4 milliards\nd’euros »).
[[gnu::always_inline]] inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x202F ||
         c == 0x2009 || c == 0x2007;
}
// Spaces that may separate digit groups (« 3 000 », with U+00A0 or U+202F too).
bool is_group_space(char32_t c) { return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009; }
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c < latin_end) return latin.lower[c];
  if (is_apostrophe(c)) return '\'';
  return static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
}

std::size_t skip_spaces(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // decode() reads an ASCII byte as itself
      if (b != ' ' && b != '\t' && b != '\n' && b != '\r') break;
      ++i;
      continue;
    }
    const code_point c = decode(s, i);
    if (!is_space(c.c)) break;
    i += c.len;
  }
  return i;
}

// End of the run of letters starting at i.
std::size_t letters_end(std::string_view s, std::size_t i) {
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      if (!is_ascii_letter(b)) break;
      ++i;
      continue;
    }
    const code_point c = decode(s, i);
    if (!is_letter(c.c)) break;
    i += c.len;
  }
  return i;
}

// ------------------------------------------------------------ languages ---

enum : std::uint8_t { lang_fr = 1, lang_en = 2, lang_any = 3 };

std::uint8_t lang_mask(std::string_view lang) {
  if (lang == "fr") return lang_fr;
  if (lang == "en") return lang_en;
  return lang_any;
}

// --------------------------------------------------------------- phrases ---

// A word's key: its first 8 folded UTF-8 bytes and its byte length, mixed.
// Longer words that share 8 bytes and a length collide; a collision only costs
// a failed match, never a wrong mention.
std::uint64_t word_key(std::uint64_t first8, std::size_t len) {
  std::uint64_t h = (first8 ^ (static_cast<std::uint64_t>(len) * 0x9E3779B97F4A7C15ULL)) * 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  return h ? h : 1;
}

std::uint64_t pack8(std::string_view folded) {
  std::uint64_t x = 0;
  for (std::size_t k = 0; k < folded.size() && k < 8; ++k)
    x |= static_cast<std::uint64_t>(static_cast<unsigned char>(folded[k])) << (8 * k);
  return x;
}

// One lexicon surface, normalised: lower-cased unless case-sensitive, every
// apostrophe as ', runs of spaces as one ' ' (which then matches any run of
// spaces in the text, no-break spaces included).
struct phrase {
  std::string norm;
  bool cs = false;
  std::uint8_t langs = lang_any;
  std::uint8_t kind = 0;      // a table-specific form (see the loaders)
  std::uint32_t value = 0;    // an index into the owning table's payload
  // Up to 8 leading bytes of `norm` (ASCII lower-cased, before any space,
  // apostrophe or non-ASCII byte): a text position whose folded bytes differ
  // there cannot match, which rejects most entries with one comparison.
  std::uint64_t pre = 0;
  std::uint64_t pre_mask = 0;  // the pre_len low bytes set
  std::uint8_t pre_len = 0;
  // word_key() of the folded leading letters (first_word()), 0 if none: an
  // entry matches only where the text's word has that key (see phrase_set::match).
  std::uint64_t first_key = 0;
};

struct phrase_match {
  std::size_t end = npos;
  const phrase* ph = nullptr;
  explicit operator bool() const { return ph != nullptr; }
};

std::string normalise(std::string_view surface, bool cs) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < surface.size();) {
    const code_point c = decode(surface, i);
    i += c.len;
    if (is_space(c.c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    append_utf8(out, cs ? (is_apostrophe(c.c) ? U'\'' : c.c) : fold(c.c));
  }
  return out;
}

// The lower-cased leading letters of a normalised phrase: the word the main
// scan sees first (« l » for « l'an prochain », « us » for « US$ »).
std::string first_word(const std::string& norm) {
  std::string out;
  for (std::size_t i = 0; i < norm.size();) {
    const code_point c = decode(norm, i);
    if (!is_letter(c.c)) break;
    append_utf8(out, fold(c.c));
    i += c.len;
  }
  return out;
}

// First UTF-8 byte of a code point.
unsigned char lead_byte(char32_t c) {
  if (c < 0x80) return static_cast<unsigned char>(c);
  if (c < 0x800) return static_cast<unsigned char>(0xC0 | (c >> 6));
  if (c < 0x10000) return static_cast<unsigned char>(0xE0 | (c >> 12));
  return static_cast<unsigned char>(0xF0 | (c >> 18));
}

// Up to 8 bytes of s from pos, ASCII upper case folded, packed little-endian;
// `len` is the number of bytes before the first non-ASCII byte (at most 8).
std::uint64_t ascii_prefix(std::string_view s, std::size_t pos, std::uint8_t& len) {
  constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
  if (pos + 8 <= s.size()) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + pos, 8);
    if constexpr (std::endian::native == std::endian::little) {
      const std::uint64_t non_ascii = x & highs;
      len = non_ascii ? static_cast<std::uint8_t>(std::countr_zero(non_ascii) / 8) : 8;
      const std::uint64_t h = x & ~highs;
      const std::uint64_t ge_a = h + ones * (0x80 - 'A');
      const std::uint64_t gt_z = h + ones * (0x80 - 'Z' - 1);
      x |= ((ge_a & ~gt_z & ~x & highs) >> 2);
      return len == 8 ? x : x & ((1ULL << (8 * len)) - 1);
    }
  }
  std::uint64_t pre = 0;
  len = 0;
  for (std::size_t k = pos; k < s.size() && len < 8; ++k) {
    auto c = static_cast<unsigned char>(s[k]);
    if (c >= 0x80) break;
    if (c >= 'A' && c <= 'Z') c += 32;
    pre |= static_cast<std::uint64_t>(c) << (8 * len++);
  }
  return pre;
}

// Phrases bucketed by the first byte of their folded first code point,
// longest first, so that match() returns the longest entry at a position.
class phrase_set {
 public:
  void add(phrase p) {
    p.pre = 0;
    p.pre_len = 0;
    for (const char ch : p.norm) {
      auto b = static_cast<unsigned char>(ch);
      if (b >= 0x80 || b == ' ' || b == '\'' || p.pre_len == 8) break;
      if (b >= 'A' && b <= 'Z') b += 32;
      p.pre |= static_cast<std::uint64_t>(b) << (8 * p.pre_len++);
    }
    p.pre_mask = p.pre_len == 8 ? ~0ULL : (1ULL << (8 * p.pre_len)) - 1;
    const std::string w = first_word(p.norm);
    p.first_key = w.empty() ? 0 : word_key(pack8(w), w.size());
    const unsigned char key = lead_byte(fold(decode(p.norm, 0).c));
    buckets_[key].push_back(std::move(p));
  }
  // This set's bits in word_info::sets: `kinds` bits from `first` on, kind
  // k at bit first + k. Call before finish(), which checks the kinds.
  void set_bits(unsigned first, unsigned kinds) {
    first_bit_ = static_cast<std::uint8_t>(first);
    kind_count_ = static_cast<std::uint8_t>(kinds);
  }
  unsigned bits_end() const { return first_bit_ + kind_count_; }
  // The bits of the kinds in `kinds` (a mask of 1 << kind).
  std::uint32_t bits(std::uint32_t kinds = ~0u) const {
    return (kinds & ((1u << kind_count_) - 1)) << first_bit_;
  }
  void finish() {
    for (const auto& b : buckets_)
      for (const phrase& p : b)
        if (p.kind >= kind_count_) throw std::logic_error("value_scanner: a phrase kind beyond its set's kinds");
    for (auto& b : buckets_)
      std::stable_sort(b.begin(), b.end(),
                       [](const phrase& x, const phrase& y) { return x.norm.size() > y.norm.size(); });
    // The entries by first_key, each list in bucket order.
    std::unordered_map<std::uint64_t, std::vector<const phrase*>> lists;
    std::vector<std::uint64_t> order;
    for (const auto& b : buckets_)
      for (const phrase& p : b)
        if (p.first_key != 0) {
          auto& l = lists[p.first_key];
          if (l.empty()) order.push_back(p.first_key);
          l.push_back(&p);
        }
    std::size_t size = 16;
    while (size < lists.size() * 4) size *= 2;
    index_mask_ = size - 1;
    index_keys_.assign(size, 0);
    index_ranges_.assign(size, {0, 0});
    index_entries_.clear();
    for (const std::uint64_t k : order) {
      std::size_t i = k & index_mask_;
      while (index_keys_[i] != 0) i = (i + 1) & index_mask_;
      index_keys_[i] = k;
      const auto& l = lists[k];
      index_ranges_[i] = {static_cast<std::uint32_t>(index_entries_.size()), static_cast<std::uint32_t>(l.size())};
      index_entries_.insert(index_entries_.end(), l.begin(), l.end());
    }
  }
  phrase_set() = default;
  phrase_set(const phrase_set&) = delete;  // index_entries_ points into buckets_
  phrase_set& operator=(const phrase_set&) = delete;
  template <class F>
  void for_each(F f) const {
    for (const auto& b : buckets_)
      for (const auto& p : b) f(p);
  }

  // Whether no entry can match where the text starts with the ASCII byte b.
  bool no_entry_starts(unsigned char b) const {
    return buckets_[b >= 'A' && b <= 'Z' ? b + 32 : b].empty();
  }

  // Longest entry of language `lang` whose kind bit is in `kinds` matching at
  // `pos`; the text must not continue with a letter or digit after an entry
  // ending in one. `word_key`, when not 0, is the word_key() of the letters at
  // `pos`: an entry that starts with letters matches only if its first_key is
  // that key (its leading letters are then the text's whole word, as the
  // trigger table assumes), so the others are passed over.
  phrase_match match(std::string_view s, std::size_t pos, std::uint8_t lang,
                     std::uint32_t kinds = ~0u, std::uint64_t word_key = 0) const {
    if (pos >= s.size()) return {};
    if (word_key != 0) {
      // Only the entries whose first_key is word_key can match: read them
      // alone (in bucket order), not the whole bucket. (Those with no first
      // word start with a non-letter, which no letter of the text matches.)
      const std::pair<std::uint32_t, std::uint32_t>* range = entries_of(word_key);
      if (range == nullptr) return {};
      std::uint8_t len = 0;
      const std::uint64_t pre = ascii_prefix(s, pos, len);
      for (std::uint32_t k = range->first; k < range->first + range->second; ++k) {
        const phrase& p = *index_entries_[k];
        if (p.pre_len > len) continue;
        if (((pre ^ p.pre) & p.pre_mask) != 0) continue;
        if ((p.langs & lang) == 0 || ((1u << p.kind) & kinds) == 0) continue;
        const std::size_t e = match_one(s, pos, p);
        if (e != npos) return {e, &p};
      }
      return {};
    }
    const auto b = static_cast<unsigned char>(s[pos]);
    const unsigned char key =
        b < 0x80 ? static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b) : lead_byte(fold(decode(s, pos).c));
    const std::vector<phrase>& bucket = buckets_[key];
    if (bucket.empty()) return {};
    std::uint8_t len = 0;
    const std::uint64_t pre = ascii_prefix(s, pos, len);
    for (const phrase& p : bucket) {
      if (p.pre_len > len) continue;
      if (((pre ^ p.pre) & p.pre_mask) != 0) continue;
      if (word_key != 0 && p.first_key != 0 && p.first_key != word_key) continue;
      if ((p.langs & lang) == 0 || ((1u << p.kind) & kinds) == 0) continue;
      const std::size_t e = match_one(s, pos, p);
      if (e != npos) return {e, &p};
    }
    return {};
  }

 private:
  // The range of index_entries_ holding the entries of first_key k, nullptr if none.
  const std::pair<std::uint32_t, std::uint32_t>* entries_of(std::uint64_t k) const {
    if (index_keys_.empty()) return nullptr;  // finish() not called: no entries
    for (std::size_t i = k & index_mask_;; i = (i + 1) & index_mask_) {
      if (index_keys_[i] == k) return &index_ranges_[i];
      if (index_keys_[i] == 0) return nullptr;
    }
  }

  static std::size_t match_one(std::string_view s, std::size_t pos, const phrase& p) {
    std::size_t i = 0, j = pos;
    char32_t last = 0;
    // A case-insensitive entry's first pre_len bytes are ASCII letters or
    // marks (no space, no apostrophe) that match() found equal to the text's
    // folded ASCII bytes: the fast path below would accept them one by one.
    if (!p.cs && p.pre_len > 0) {
      i = p.pre_len;
      j = pos + p.pre_len;
      last = static_cast<unsigned char>(p.norm[i - 1]);
    }
    while (i < p.norm.size()) {
      // ASCII fast path.
      const auto pb = static_cast<unsigned char>(p.norm[i]);
      if (pb < 0x80 && pb != ' ' && j < s.size()) {
        const auto tb = static_cast<unsigned char>(s[j]);
        if (tb < 0x80) {
          const unsigned char tf = (!p.cs && tb >= 'A' && tb <= 'Z') ? tb + 32 : tb;
          if (tf != pb) return npos;
          ++i;
          ++j;
          last = pb;
          continue;
        }
      }
      // The usual apostrophes of the text, without decoding: ' and U+2019
      // (E2 80 99). Any other form takes the general path below.
      if (pb == '\'' && j < s.size()) {
        if (s[j] == '\'') {
          ++i;
          ++j;
          last = '\'';
          continue;
        }
        if (j + 2 < s.size() && s.compare(j, 3, "\xE2\x80\x99") == 0) {
          ++i;
          j += 3;
          last = '\'';
          continue;
        }
      }
      const code_point pc = decode(p.norm, i);
      i += pc.len;
      last = pc.c;
      if (pc.c == ' ') {
        const std::size_t k = skip_spaces(s, j);
        if (k == j) return npos;
        j = k;
        continue;
      }
      if (j >= s.size()) return npos;
      const code_point tc = decode(s, j);
      j += tc.len;
      if (pc.c == '\'') {
        if (!is_apostrophe(tc.c)) return npos;
      } else if (p.cs ? tc.c != pc.c : fold(tc.c) != pc.c) {
        return npos;
      }
    }
    if (is_alnum(last) && j < s.size() && is_alnum(decode(s, j).c)) return npos;
    return j;
  }

  std::array<std::vector<phrase>, 256> buckets_;
  std::uint8_t first_bit_ = 0, kind_count_ = 1;
  // Open addressing by first_key (0: empty slot): a range of index_entries_.
  std::vector<std::uint64_t> index_keys_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> index_ranges_;
  std::vector<const phrase*> index_entries_;
  std::size_t index_mask_ = 0;
};

// ------------------------------------------------------------- triggers ---

// Which tables a word can start (bits of trigger_bit).
enum trigger_bit : std::uint16_t {
  tr_approx = 1 << 0,
  tr_opener = 1 << 1,
  tr_currency = 1 << 2,
  tr_month = 1 << 3,
  tr_weekday = 1 << 4,
  tr_relative = 1 << 5,
  tr_modifier = 1 << 6,
  tr_number = 1 << 7,
  tr_all = 0xFF,
  // Not a table: set when some entry starting with the word ends with it.
  // A word without it starts only entries that go on after it: right after
  // it (« A$ », « l'an prochain »), or after white space with what the
  // trigger table's `next` bytes tell (« de l'ordre de », "the end of").
  tr_ends = 1 << 8,
};

// What the entries whose first word (first_word's letters) is one word need
// right after it, and which tables hold them: one record a word of the
// lexicon. Bit b of a byte set is bit (b & 63) of word [b >> 6].
struct word_info {
  // Bits of phrase_set::bits(): the sets (and kinds) that hold an entry
  // starting with the word, for French text in the low 32 bits and for
  // English text in the high 32 (an entry of both languages sets both).
  std::uint64_t sets = 0;
  // The trigger bits of the word for French and for English text.
  std::array<std::uint16_t, 2> trig{};
  // An entry goes on after the word with an apostrophe and then white space
  // or nothing: any text may follow the apostrophe.
  bool apos_any = false;
  // ASCII bytes that may start the text after the word and white space
  // (next), right after the word (glued) and after the word and an
  // apostrophe (after_apos), for the entries that go on there. Both cases of
  // a letter; no byte for a non-ASCII character, which no ASCII byte of the
  // text matches.
  std::array<std::uint64_t, 2> next{}, glued{}, after_apos{};
};

void add_byte(std::array<std::uint64_t, 2>& set, unsigned char b) {
  for (const unsigned char x : {b, static_cast<unsigned char>(is_ascii_letter(b) ? b ^ 0x20 : b)})
    set[x >> 6] |= 1ULL << (x & 63);
}
bool has_byte(const std::array<std::uint64_t, 2>& set, unsigned char b) { return (set[b >> 6] >> (b & 63)) & 1; }

// Notes in `w` what a normalised phrase needs in the text after its first
// word: nothing when it ends there (tr_ends in *bits); when it goes on with
// a space (normalise makes every run of white space one ' '), white space
// then its next byte (next); when it goes on right away, its next byte
// (glued), and after an apostrophe the byte after it (after_apos, or
// apos_any when none or a space follows).
void note_after_first_word(const std::string& norm, std::uint16_t* bits, word_info& w) {
  std::size_t i = 0;
  while (i < norm.size()) {
    const code_point c = decode(norm, i);
    if (!is_letter(c.c)) break;
    i += c.len;
  }
  if (i == norm.size() || (norm[i] == ' ' && i + 1 == norm.size())) {
    *bits |= tr_ends;
    return;
  }
  const auto b = static_cast<unsigned char>(norm[i]);
  if (b == ' ') {
    const auto b2 = static_cast<unsigned char>(norm[i + 1]);
    if (b2 < 0x80) add_byte(w.next, b2);
    return;
  }
  if (b >= 0x80) return;
  add_byte(w.glued, b);
  if (b != '\'') return;
  if (i + 1 == norm.size() || norm[i + 1] == ' ') {
    w.apos_any = true;
    return;
  }
  const auto b2 = static_cast<unsigned char>(norm[i + 1]);
  if (b2 < 0x80) add_byte(w.after_apos, b2);
}

// Open-addressing table of the lexicon's first words by word key: one or two
// probes of a small array of keys for most words of the text. A key
// collision only costs a failed match, never a wrong mention (words of one
// key share a record, joined).
class word_table {
 public:
  // The record of the word of key `key`, to be joined with the others of that word.
  word_info& add(std::uint64_t key) { return staged_[key]; }
  void build() {
    std::size_t size = 16;
    while (size < staged_.size() * 4) size *= 2;
    keys_.assign(size, 0);
    infos_.assign(size, word_info{});
    mask_ = size - 1;
    for (const auto& [key, w] : staged_) {
      std::size_t i = key & mask_;
      while (keys_[i] != 0) i = (i + 1) & mask_;
      keys_[i] = key;
      infos_[i] = w;
    }
    staged_.clear();
  }
  // The record of word key h (never 0), nullptr if none.
  const word_info* find(std::uint64_t h) const {
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      if (keys_[i] == h) return &infos_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }
  std::size_t size() const { return keys_.size(); }

 private:
  std::unordered_map<std::uint64_t, word_info> staged_;
  std::vector<std::uint64_t> keys_;
  std::vector<word_info> infos_;
  std::size_t mask_ = 0;
};

// -------------------------------------------------------------- loading ---



[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& why) {
  throw std::runtime_error(file + ":" + std::to_string(line) + ": " + why);
}

// The value lists: exactly `columns` non-empty fields a line, and at least one line.
std::vector<tsv_row> read_tsv(const std::string& path, std::size_t columns) {
  tsv_rules rules;
  rules.min_fields = rules.max_fields = columns;
  rules.strict_fields = true;
  rules.require_entries = true;
  return econkg::read_tsv(path, rules);
}

std::uint8_t parse_lang(const std::string& path, const tsv_row& r, std::size_t k) {
  const std::string& f = r.fields[k];
  if (f == "fr") return lang_fr;
  if (f == "en") return lang_en;
  if (f == "*") return lang_any;
  fail(path, r.line, "language must be fr, en or *, not '" + f + "'");
}

std::int64_t parse_int(const std::string& path, const tsv_row& r, std::size_t k, std::int64_t lo,
                       std::int64_t hi) {
  const std::string& f = r.fields[k];
  std::size_t i = (f[0] == '-' || f[0] == '+') ? 1 : 0;
  if (i == f.size()) fail(path, r.line, "'" + f + "' is not an integer");
  std::int64_t v = 0;
  for (; i < f.size(); ++i) {
    if (!is_digit(static_cast<unsigned char>(f[i])) || v > (hi / 10) + 1)
      fail(path, r.line, "'" + f + "' is not an integer in [" + std::to_string(lo) + ", " +
                             std::to_string(hi) + "]");
    v = v * 10 + (f[i] - '0');
  }
  if (f[0] == '-') v = -v;
  if (v < lo || v > hi)
    fail(path, r.line, "'" + f + "' is not in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
  return v;
}

// Index of field k among `choices`, or a "file:line" error listing them.
std::uint8_t parse_choice(const std::string& path, const tsv_row& r, std::size_t k,
                          std::initializer_list<const char*> choices) {
  std::uint8_t i = 0;
  std::string all;
  for (const char* c : choices) {
    if (r.fields[k] == c) return i;
    all += (all.empty() ? "" : ", ") + std::string(c);
    ++i;
  }
  fail(path, r.line, "'" + r.fields[k] + "' must be one of " + all);
}

phrase make_phrase(const std::string& path, const tsv_row& r, bool cs, std::uint8_t langs,
                   std::uint8_t kind = 0, std::uint32_t value = 0) {
  phrase p;
  p.norm = normalise(r.fields[0], cs);
  if (p.norm.empty()) fail(path, r.line, "empty surface");
  p.cs = cs;
  p.langs = langs;
  p.kind = kind;
  p.value = value;
  return p;
}

// ------------------------------------------------------------ payloads ---

enum multiplier_form : std::uint8_t { mult_word = 0, mult_abbr = 1 };
enum currency_form : std::uint8_t { cur_symbol = 0, cur_code = 1, cur_name = 2 };
enum number_word_kind : std::uint8_t { nw_add = 0, nw_scale = 1, nw_and = 2 };
enum relative_unit : std::uint8_t { rel_year = 0, rel_month = 1, rel_day = 2 };

struct connector_info {
  std::string opener;  // normalised opener, empty for none
  bool scaled = false;
};

struct month_info {
  int month = 0;
  bool alone = false;
};

struct relative_info {
  relative_unit unit = rel_year;
  int offset = 0;
};

// -------------------------------------------------------------- dates ---

struct civil {
  int y = 0, m = 0, d = 0;  // 0: unknown
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Days since 1970-01-01 (H. Hinnant's civil-from-days algorithms).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const auto mu = static_cast<unsigned>(m);
  const unsigned doy = (153 * (mu > 2 ? mu - 3 : mu + 9) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

// 1 = Monday … 7 = Sunday; 1970-01-01 was a Thursday.
int weekday(std::int64_t days) { return static_cast<int>(((days + 3) % 7 + 7) % 7) + 1; }

// Reads "yyyy", "yyyy-mm" or "yyyy-mm-dd" (anything after the day, such as a
// time, is ignored); an unreadable date is unknown.
civil parse_doc_date(std::string_view d) {
  civil c;
  auto digits = [&](std::size_t at, std::size_t n, int& out) {
    if (d.size() < at + n) return false;
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      if (!is_digit(static_cast<unsigned char>(d[i]))) return false;
      v = v * 10 + (d[i] - '0');
    }
    out = v;
    return true;
  };
  if (!digits(0, 4, c.y)) return {};
  if (d.size() < 7 || d[4] != '-' || !digits(5, 2, c.m) || c.m < 1 || c.m > 12) {
    c.m = 0;
    return c;
  }
  if (d.size() < 10 || d[7] != '-' || !digits(8, 2, c.d) || c.d < 1 || c.d > days_in_month(c.y, c.m))
    c.d = 0;
  return c;
}

std::string iso(int y, int m = 0, int d = 0) {
  // The usual case (year 0-9999, month and day 0-99) without snprintf: the
  // same digits "%04d", "%02d" write.
  if (y >= 0 && y <= 9999 && m >= 0 && m <= 99 && d >= 0 && d <= 99) {
    char out[10] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                    static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-',
                    static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10), '-',
                    static_cast<char>('0' + d / 10), static_cast<char>('0' + d % 10)};
    return std::string(out, m == 0 ? 4 : d == 0 ? 7 : 10);
  }
  char buf[16];
  if (m == 0)
    std::snprintf(buf, sizeof buf, "%04d", y);
  else if (d == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool is_year(std::int64_t v) { return v >= 1900 && v <= 2100; }

}  // namespace

// ------------------------------------------------------------- tables ---

struct value_scanner::tables {
  phrase_set multipliers, currencies, percent, approx, openers, connectors, links, months, weekdays,
      relative, modifiers, day_suffixes, count_nouns, unit_adjectives, unit_stopwords, number_words;
  std::vector<std::int64_t> mult_factor;
  std::vector<std::string> cur_iso;
  std::vector<connector_info> connector;
  std::vector<month_info> month;
  std::vector<int> wday;
  std::vector<relative_info> rel;
  std::vector<std::pair<std::int64_t, number_word_kind>> number_word;
  std::unordered_map<std::string, bool> month_cues;  // folded word -> points to the past
  // Words that put a lone weekday in the future (« se rendra jeudi », « jeudi prochain », "will … on Monday").
  struct tense_cue {
    std::string text;
    std::uint8_t langs;
    int kind;  // 0: a word before, 1: a verb ending before, 2: a word right after
  };
  std::vector<tense_cue> future_cues;
  // The same cues' texts by language mask (lang_fr, lang_en, lang_any) and kind,
  // in file order: future_weekday() reads only the list it needs.
  std::array<std::array<std::vector<std::string>, 3>, 4> cues_by_lang_kind;
  // For each of those lists: the lengths (bits, below 64) of its cues by first
  // byte, and the last bytes of its cues; a cue of 64 bytes or more sets every bit.
  struct cue_index {
    std::array<std::uint64_t, 256> lengths_by_first{};
    std::array<bool, 256> last_bytes{};
  };
  std::array<std::array<cue_index, 3>, 4> cue_index_by_lang_kind;
  // Folded first words of every phrase: the sets that hold them, and for
  // those that can start an expression, their trigger bits.
  word_table words;
  // The sets of what may follow a spelled-out number (multiplier words,
  // currency names, percent words, counted nouns and their adjectives), in
  // both halves of word_info::sets: « une usine » is rejected with one look-up.
  std::uint64_t follower_sets = 0;
  // First code points of currency symbols that start with a non-letter ($, €, £).
  std::vector<char32_t> symbol_starts;
  std::array<bool, 128> ascii_symbol_start{};
  // ASCII bytes that are no digit, letter or symbol start: run() steps over
  // them at once (false for every byte that is not ASCII).
  std::array<bool, 256> ascii_inert{};

  explicit tables(const std::string& dir);
  void add_triggers(const phrase_set& set, std::uint16_t bit, std::uint32_t kinds = ~0u);

  class scan;  // the state of one find() call
};

namespace {

// Loads a file whose rows are "surface<TAB>lang".
void load_words(phrase_set& set, const std::string& path, bool cs = false) {
  for (const tsv_row& r : read_tsv(path, 2)) set.add(make_phrase(path, r, cs, parse_lang(path, r, 1)));
  set.finish();
}

}  // namespace

value_scanner::tables::tables(const std::string& lexicon_dir) {
  const std::string dir = lexicon_dir + "/values/";
  // Each set's bits in word_info::sets (32 for one language).
  unsigned bit = 0;
  for (const auto& [set, kinds] : std::initializer_list<std::pair<phrase_set*, unsigned>>{
           {&multipliers, 2}, {&currencies, 3}, {&number_words, 3}, {&percent, 1}, {&approx, 1},
           {&openers, 1}, {&connectors, 1}, {&links, 1}, {&months, 1}, {&weekdays, 1}, {&relative, 1},
           {&modifiers, 1}, {&day_suffixes, 1}, {&count_nouns, 1}, {&unit_adjectives, 1},
           {&unit_stopwords, 1}}) {
    set->set_bits(bit, kinds);
    bit = set->bits_end();
  }
  static_assert(sizeof(word_info::sets) == 8);
  if (bit > 32) throw std::logic_error("value_scanner: more than 32 set bits");

  std::string path = dir + "multipliers.tsv";
  for (const tsv_row& r : read_tsv(path, 4)) {
    const std::int64_t f = parse_int(path, r, 1, 1, 1000000000000000LL);
    const auto form = parse_choice(path, r, 3, {"word", "abbr"});
    multipliers.add(make_phrase(path, r, false, parse_lang(path, r, 2), form,
                                static_cast<std::uint32_t>(mult_factor.size())));
    mult_factor.push_back(f);
  }
  multipliers.finish();

  path = dir + "currencies.tsv";
  for (const tsv_row& r : read_tsv(path, 4)) {
    const std::string& code = r.fields[1];
    if (code.size() != 3 || !std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
      fail(path, r.line, "'" + code + "' is not an ISO 4217 code (three capital letters)");
    const auto form = parse_choice(path, r, 3, {"symbol", "code", "name"});
    currencies.add(make_phrase(path, r, form != cur_name, parse_lang(path, r, 2), form,
                               static_cast<std::uint32_t>(cur_iso.size())));
    cur_iso.push_back(code);
  }
  currencies.finish();

  path = dir + "range_connectors.tsv";
  for (const tsv_row& r : read_tsv(path, 4)) {
    const std::uint8_t langs = parse_lang(path, r, 2);
    connector_info c;
    c.scaled = parse_choice(path, r, 3, {"always", "scaled"}) == 1;
    if (r.fields[1] != "*") {
      c.opener = normalise(r.fields[1], false);
      phrase o;
      o.norm = c.opener;
      o.langs = langs;
      openers.add(std::move(o));
    }
    connectors.add(make_phrase(path, r, false, langs, 0, static_cast<std::uint32_t>(connector.size())));
    connector.push_back(std::move(c));
  }
  connectors.finish();
  openers.finish();

  path = dir + "months.tsv";
  for (const tsv_row& r : read_tsv(path, 5)) {
    month_info m;
    m.month = static_cast<int>(parse_int(path, r, 1, 1, 12));
    const bool cs = parse_choice(path, r, 3, {"i", "s"}) == 1;
    m.alone = parse_choice(path, r, 4, {"no", "yes"}) == 1;
    months.add(make_phrase(path, r, cs, parse_lang(path, r, 2), 0, static_cast<std::uint32_t>(month.size())));
    month.push_back(m);
  }
  months.finish();

  path = dir + "month_cues.tsv";
  for (const tsv_row& r : read_tsv(path, 3)) {
    parse_lang(path, r, 1);
    month_cues[normalise(r.fields[0], false)] = parse_choice(path, r, 2, {"next", "past"}) == 1;
  }

  path = dir + "future_cues.tsv";
  for (const tsv_row& r : read_tsv(path, 3)) {
    const std::uint8_t langs = parse_lang(path, r, 1);
    future_cues.push_back({normalise(r.fields[0], false), langs, parse_choice(path, r, 2, {"before", "ending", "after"})});
  }
  for (std::uint8_t lang = 0; lang < 4; ++lang)
    for (const tense_cue& c : future_cues)
      if (c.langs & lang) {
        cues_by_lang_kind[lang][c.kind].push_back(c.text);
        cue_index& index = cue_index_by_lang_kind[lang][c.kind];
        if (c.text.empty()) {  // matches no word (is_cue reads none), yet keep every door open
          index.lengths_by_first.fill(~0ULL);
          index.last_bytes.fill(true);
          continue;
        }
        index.lengths_by_first[static_cast<unsigned char>(c.text[0])] |=
            c.text.size() < 64 ? 1ULL << c.text.size() : ~0ULL;
        index.last_bytes[static_cast<unsigned char>(c.text.back())] = true;
      }

  path = dir + "weekdays.tsv";
  for (const tsv_row& r : read_tsv(path, 3)) {
    const int w = static_cast<int>(parse_int(path, r, 1, 1, 7));
    weekdays.add(make_phrase(path, r, false, parse_lang(path, r, 2), 0, static_cast<std::uint32_t>(wday.size())));
    wday.push_back(w);
  }
  weekdays.finish();

  path = dir + "relative_dates.tsv";
  for (const tsv_row& r : read_tsv(path, 4)) {
    relative_info ri;
    ri.unit = static_cast<relative_unit>(parse_choice(path, r, 1, {"year", "month", "day"}));
    ri.offset = static_cast<int>(parse_int(path, r, 2, -100, 100));
    relative.add(make_phrase(path, r, false, parse_lang(path, r, 3), 0, static_cast<std::uint32_t>(rel.size())));
    rel.push_back(ri);
  }
  relative.finish();

  path = dir + "number_words.tsv";
  for (const tsv_row& r : read_tsv(path, 4)) {
    const std::int64_t v = parse_int(path, r, 1, 0, 1000000);
    const auto kind = static_cast<number_word_kind>(parse_choice(path, r, 3, {"add", "scale", "and"}));
    if (kind == nw_scale && v != 100 && v < 1000) fail(path, r.line, "a scale is 100 or at least 1000");
    number_words.add(make_phrase(path, r, false, parse_lang(path, r, 2), kind,
                                 static_cast<std::uint32_t>(number_word.size())));
    number_word.emplace_back(v, kind);
  }
  number_words.finish();

  load_words(percent, dir + "percent.tsv");
  load_words(approx, dir + "approx.tsv");
  load_words(links, dir + "links.tsv");
  load_words(modifiers, dir + "date_modifiers.tsv");
  load_words(day_suffixes, dir + "day_suffixes.tsv");
  load_words(count_nouns, dir + "count_nouns.tsv");
  load_words(unit_adjectives, dir + "unit_adjectives.tsv");
  load_words(unit_stopwords, dir + "unit_stopwords.tsv");

  add_triggers(approx, tr_approx);
  add_triggers(openers, tr_opener);
  add_triggers(currencies, tr_currency, (1u << cur_symbol) | (1u << cur_code));
  add_triggers(months, tr_month);
  add_triggers(weekdays, tr_weekday);
  add_triggers(relative, tr_relative);
  add_triggers(modifiers, tr_modifier);
  add_triggers(number_words, tr_number, (1u << nw_add) | (1u << nw_scale));
  for (const phrase_set* set : {&multipliers, &currencies, &number_words, &percent, &approx, &openers,
                                &connectors, &links, &months, &weekdays, &relative, &modifiers,
                                &day_suffixes, &count_nouns, &unit_adjectives, &unit_stopwords})
    set->for_each([&](const phrase& p) {
      const std::string w = first_word(p.norm);
      if (w.empty()) return;
      word_info& info = words.add(word_key(pack8(w), w.size()));
      const std::uint64_t b = set->bits(1u << p.kind);
      if (p.langs & lang_fr) info.sets |= b;
      if (p.langs & lang_en) info.sets |= b << 32;
    });
  words.build();
  for (unsigned b = 0; b < 0x80; ++b)
    ascii_inert[b] = !is_digit(b) && !is_ascii_letter(b) && !ascii_symbol_start[b];
  for (const phrase_set* set : {&multipliers, &currencies, &percent, &count_nouns, &unit_adjectives})
    follower_sets |= set->bits() | static_cast<std::uint64_t>(set->bits()) << 32;
}

void value_scanner::tables::add_triggers(const phrase_set& set, std::uint16_t bit, std::uint32_t kinds) {
  set.for_each([&](const phrase& p) {
    if (((1u << p.kind) & kinds) == 0) return;
    const std::string w = first_word(p.norm);
    if (!w.empty()) {
      std::uint16_t bits = bit;
      word_info& info = words.add(word_key(pack8(w), w.size()));
      note_after_first_word(p.norm, &bits, info);
      if (p.langs & lang_fr) info.trig[0] |= bits;
      if (p.langs & lang_en) info.trig[1] |= bits;
      return;
    }
    const char32_t c = decode(p.norm, 0).c;
    if (is_digit(c)) return;
    if (c < 0x80)
      ascii_symbol_start[c] = true;
    else if (std::find(symbol_starts.begin(), symbol_starts.end(), c) == symbol_starts.end())
      symbol_starts.push_back(c);
  });
}

namespace {

// A number as written: digits (with group and decimal marks) or words.
struct number {
  std::size_t begin = 0, end = 0;
  std::int64_t mant = 0;  // value = mant / 10^scale
  int scale = 0;
  bool plain = false;     // digits only, no mark
  int digits = 0;
  bool spelled = false;
  double value() const { return static_cast<double>(mant) / std::pow(10.0, scale); }
  bool year_shaped() const { return plain && digits == 4 && is_year(mant); }
};

struct multiplier {
  std::size_t end = 0;
  std::int64_t factor = 1;
  bool abbr = false;
  bool glued = false;
};

// mant / 10^scale * factor in units, exactly when it fits, else rounded.
std::int64_t to_amount(const number& n, std::int64_t factor) {
  std::int64_t p10 = 1;
  for (int i = 0; i < n.scale; ++i) p10 *= 10;
  std::int64_t r = 0;
  if (factor % p10 == 0 && !__builtin_mul_overflow(n.mant, factor / p10, &r)) return r;
  const double v = n.value() * static_cast<double>(factor);
  if (v >= 9.2e18) return INT64_MAX;
  return std::llround(v);
}


}  // namespace

// One find() call: the text, its language and document date.
class value_scanner::tables::scan {
 public:
  scan(const tables& t, std::string_view s, std::uint8_t lang, civil doc, bool plain)
      : t_(t), s_(s), lang_(lang), doc_(doc), plain_(plain) {}

  std::vector<value_mention> run(std::size_t base) {
    std::vector<value_mention> out;
    out.reserve(s_.size() / 64 + 4);  // news holds about one value every 80 bytes: few reallocations
    out_ = &out;
    std::size_t i = 0, last_end = 0;
    const std::size_t n = s_.size();
    // v is out.back() (see fresh): kept there.
    auto emit = [&](opt& v) {
      last_end = v->end;
      i = v->end;
      v->begin += base;
      v->end += base;
      if (!v->unit.empty()) {
        v->unit_begin += base;
        v->unit_end += base;
      }
      pending_ = false;
    };
    while (i < n) {
      const auto b = static_cast<unsigned char>(s_[i]);
      // White space and most punctuation: nothing starts there.
      if (t_.ascii_inert[b]) {
        ++i;
        continue;
      }
      code_point c{b, 1};
      if (b >= 0x80) c = decode(s_, i);
      if (is_digit(c.c)) {
        if (glued_to_word(i)) {
          i = skip_token(i);
          continue;
        }
        auto v = try_at(i, tr_all);
        if (v && v->begin >= last_end)
          emit(v);
        else
          i = std::max(skip_token(i), consumed_);
      } else if (b < 0x80 ? is_ascii_letter(b) : is_letter(c.c)) {  // is_letter, ASCII inline
        std::size_t e = i;
        const std::uint64_t key = word_hash(i, e);
        const word_info* const hit = t_.words.find(key);
        const std::uint16_t all_bits = hit ? hit->trig[0] | hit->trig[1] : 0;
        if (all_bits != 0) {
          // The word's record, kept for try_at's matches at i (see match()).
          const word_here& w = keep_word(i, e, key, hit);
          // Unless the word holds U+02BC (see word_here::own), only entries
          // that start with this word can match at i: those of the text's
          // language (lang_bits), and if none of them ends with the word,
          // only where the text goes on after it as one of them does
          // (none_follows). Else try_at would find nothing, and leave
          // consumed_ at 0: no date function gets past its first match().
          const std::uint16_t bits = w.own && !plain_ ? lang_bits(*hit) : all_bits;
          if (w.own && !plain_ && ((bits & tr_all) == 0 || (!(bits & tr_ends) && none_follows(e, *hit)))) {
            consumed_ = 0;
            i = e;
            continue;
          }
          auto v = try_at(i, bits & tr_all);
          if (v && v->begin >= last_end) {
            emit(v);
            continue;
          }
        }
        i = std::max(e, consumed_);
      } else if (b < 0x80 ? t_.ascii_symbol_start[b]
                          : std::find(t_.symbol_starts.begin(), t_.symbol_starts.end(), c.c) !=
                                t_.symbol_starts.end()) {
        auto v = try_at(i, tr_all);
        if (v && v->begin >= last_end)
          emit(v);
        else
          i += c.len;
      } else {
        i += c.len;
      }
    }
    if (pending_) out.pop_back();  // an expression found last and dropped
    return out;
  }

 private:
  // An expression found: it lives at the end of run()'s output (see fresh),
  // which holds one at a time (a function that finds one returns it at
  // once, or drops it), so that it is neither moved from function to
  // function on its way out nor into the output; run() keeps it there or
  // leaves it for the next one.
  class opt {
   public:
    opt() = default;
    opt(std::nullopt_t) {}
    explicit opt(value_mention& v) : v_(&v) {}
    explicit operator bool() const { return v_ != nullptr; }
    value_mention* operator->() const { return v_; }
    value_mention& operator*() const { return *v_; }
    void reset() { v_ = nullptr; }

   private:
    value_mention* v_ = nullptr;
  };

  // The output's last element, emptied for a new expression: every field as
  // value_mention{} has it (a dropped one's strings keep their room). Keep
  // in step with value_mention. Appended only when the last one was kept,
  // so no expression found (an opt) is alive when the output grows.
  value_mention& fresh() const {
    if (!pending_) {
      out_->emplace_back();
      pending_ = true;
    }
    value_mention& v = out_->back();
    v.begin = v.end = 0;
    v.kind = value_kind::quantity;
    v.amount = 0;
    v.number = 0.0;
    v.currency.clear();
    v.unit.clear();
    v.unit_begin = v.unit_end = 0;
    v.date.clear();
    v.approximate = false;
    v.range = false;
    return v;
  }

  opt make_date(std::size_t b, std::size_t e, std::string date) const {
    value_mention& v = fresh();
    v.begin = b;
    v.end = e;
    v.kind = value_kind::date;
    v.date = std::move(date);
    return opt(v);
  }

  // The word_key of the letters from i; `e` is set to their end. Inlined in
  // the scan loop: most words end within eight ASCII letters, and the call
  // itself (the slow path's saved registers) cost about as much as them.
  [[gnu::always_inline]] std::uint64_t word_hash(std::size_t i, std::size_t& e) const {
    e = i;
    const std::size_t n = s_.size();
    if constexpr (std::endian::native == std::endian::little) {
      // Eight bytes at once while they are ASCII letters: the slow path
      // would fold and keep exactly these bytes.
      if (i + 8 <= n) {
        constexpr std::uint64_t highs = 0x8080808080808080ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
        std::uint64_t x;
        std::memcpy(&x, s_.data() + i, 8);
        const std::uint64_t t = (x & low7) | 0x2020202020202020ULL;   // ASCII | 0x20, high bit clear
        const std::uint64_t ge_a = t + 0x1F1F1F1F1F1F1F1FULL;         // high bit: t >= 'a'
        const std::uint64_t gt_z = t + 0x0505050505050505ULL;         // high bit: t > 'z'
        const std::uint64_t letters = ge_a & ~gt_z & ~x & highs;       // ASCII letters
        const std::uint64_t others = ~letters & highs;
        const unsigned len = others ? static_cast<unsigned>(std::countr_zero(others)) / 8 : 8;
        const std::uint64_t pre = len == 8 ? t : t & ((1ULL << (8 * len)) - 1);
        e = i + len;
        // Ended by an ASCII byte that is no letter: the word is complete.
        if (len < 8 && static_cast<unsigned char>(s_[e]) < 0x80) return word_key(pre, len);
        return word_hash_rest(e, pre, len);
      }
    }
    return word_hash_rest(e, 0, 0);
  }

  // word_hash() from byte e on, `k` folded bytes read (their first eight in
  // `pre`); `e` is set to the end of the letters.
  [[gnu::noinline]] std::uint64_t word_hash_rest(std::size_t& e, std::uint64_t pre, std::size_t k) const {
    auto put = [&](unsigned b) {
      if (k < 8) pre |= static_cast<std::uint64_t>(b) << (8 * k);
      ++k;
    };
    const std::size_t n = s_.size();
    if constexpr (std::endian::native == std::endian::little) {
      // Eight letters read: the key has its eight bytes, and further ASCII
      // letters only count (one folded byte each), eight at a time.
      if (k == 8) {
        constexpr std::uint64_t highs = 0x8080808080808080ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
        while (e + 8 <= n) {
          std::uint64_t x;
          std::memcpy(&x, s_.data() + e, 8);
          const std::uint64_t t = (x & low7) | 0x2020202020202020ULL;
          const std::uint64_t letters = (t + 0x1F1F1F1F1F1F1F1FULL) & ~(t + 0x0505050505050505ULL) & ~x & highs;
          const std::uint64_t others = ~letters & highs;
          const unsigned more = others ? static_cast<unsigned>(std::countr_zero(others)) / 8 : 8;
          k += more;
          e += more;
          if (more < 8) {
            if (static_cast<unsigned char>(s_[e]) < 0x80) return word_key(pre, k);
            break;
          }
        }
      }
    }
    while (e < n) {
      const auto x = static_cast<unsigned char>(s_[e]);
      if (x < 0x80) {
        if (static_cast<unsigned char>((x | 0x20) - 'a') >= 26) break;
        put(x | 0x20);
        ++e;
        continue;
      }
      // A two-byte code point (é, ç, ß, œ: most letters that are not ASCII
      // in French and English news) decoded and looked up in place; the
      // same code point, letter test and folding as decode, is_letter and fold.
      code_point y;
      char32_t f;
      if (x >= 0xC2 && x < 0xE0 && e + 1 < n && (static_cast<unsigned char>(s_[e + 1]) & 0xC0) == 0x80) {
        y = {static_cast<char32_t>(((x & 0x1F) << 6) | (static_cast<unsigned char>(s_[e + 1]) & 0x3F)), 2};
        if (y.c < latin_end) {
          if (!latin.alpha[y.c]) break;
          f = latin.lower[y.c];
        } else {
          if (!is_letter(y.c)) break;
          f = fold(y.c);
        }
      } else {
        y = decode(s_, e);
        if (!is_letter(y.c)) break;
        f = fold(y.c);
      }
      if (f < 0x800) {
        put(0xC0 | (f >> 6));
      } else if (f < 0x10000) {
        put(0xE0 | (f >> 12));
        put(0x80 | ((f >> 6) & 0x3F));
      } else {
        put(0xF0 | (f >> 18));
        put(0x80 | ((f >> 12) & 0x3F));
        put(0x80 | ((f >> 6) & 0x3F));
      }
      put(0x80 | (f & 0x3F));
      e += y.len;
    }
    return word_key(pre, k);
  }

  // Whether no entry of the word table's record `w` that goes on after the
  // word ending at e can match the text (see word_info): white space then
  // an ASCII byte not in w.next (or the text's end); right after the word,
  // an ASCII byte not in w.glued; an apostrophe (' or U+2019) then an ASCII
  // byte not in w.after_apos (or the text's end); or the text's end. False
  // where a byte that is not ASCII decides (more white space, another
  // apostrophe: the entries read it the general way).
  bool none_follows(std::size_t e, const word_info& w) const {
    auto ascii_space = [](unsigned char x) { return x == ' ' || x == '\t' || x == '\n' || x == '\r'; };
    const std::size_t n = s_.size();
    if (e == n) return true;
    const auto x = static_cast<unsigned char>(s_[e]);
    std::size_t after = e + 1;
    if (ascii_space(x)) {
      while (after < n && ascii_space(static_cast<unsigned char>(s_[after]))) ++after;
      if (after == n) return true;
      const auto y = static_cast<unsigned char>(s_[after]);
      return y < 0x80 && !has_byte(w.next, y);
    }
    if (x >= 0x80) {
      if (x != 0xE2 || e + 2 >= n || static_cast<unsigned char>(s_[e + 1]) != 0x80 ||
          static_cast<unsigned char>(s_[e + 2]) != 0x99)
        return false;
      after = e + 3;  // U+2019: it matches an entry's apostrophe only
    }
    if (!has_byte(w.glued, x < 0x80 ? x : '\'')) return true;
    if (x >= 0x80 || x == '\'') {
      if (w.apos_any) return false;
      if (after == n) return true;
      const auto y = static_cast<unsigned char>(s_[after]);
      return y < 0x80 && !has_byte(w.after_apos, y);
    }
    return false;
  }

  // The trigger bits of a word for the text's language.
  std::uint16_t lang_bits(const word_info& w) const {
    return static_cast<std::uint16_t>(((lang_ & lang_fr) ? w.trig[0] : 0) | ((lang_ & lang_en) ? w.trig[1] : 0));
  }
  // The sets (phrase_set::bits) that hold entries of the text's language starting with a word.
  std::uint32_t lang_sets(const word_info& w) const {
    return ((lang_ & lang_fr) ? static_cast<std::uint32_t>(w.sets) : 0u) |
           ((lang_ & lang_en) ? static_cast<std::uint32_t>(w.sets >> 32) : 0u);
  }

  // The word that starts at a text position: its end, word key and record
  // in the word table (nullptr: none). `own`: the word holds no U+02BC, so
  // only entries whose first word has its key can match there (see
  // phrase_set::match); U+02BC is a letter that matches an entry's
  // apostrophe, so « lʼan » is the text's word where « l'an … » starts with
  // « l ». Any other letter matches a letter only (u_tolower keeps a code
  // point a letter or not: test_values checks it).
  struct word_here {
    std::size_t pos = npos, end = 0;
    std::uint64_t key = 0;
    const word_info* info = nullptr;
    bool own = false;
  };
  // The word at i, which must start with a letter. The last one is kept:
  // several matches in a row read the same position.
  const word_here& word_at(std::size_t i) const {
    if (word_.pos != i) {
      std::size_t e = i;
      const std::uint64_t key = word_hash(i, e);
      keep_word(i, e, key, t_.words.find(key));
    }
    return word_;
  }
  // Keeps the word [i, e) of key `key` and record `info` as the last one read.
  const word_here& keep_word(std::size_t i, std::size_t e, std::uint64_t key, const word_info* info) const {
    word_.pos = i;
    word_.end = e;
    word_.key = key;
    word_.info = info;
    // U+02BC is two bytes that are not ASCII; most words have none.
    word_.own = ascii_run(i, e) || !has_letter_apostrophe(i, e);
    return word_;
  }
  // Are the bytes of [i, e) ASCII? Looks at eight of them at once (a word
  // of up to eight letters: one test).
  bool ascii_run(std::size_t i, std::size_t e) const {
    for (; i + 8 <= e; i += 8) {
      std::uint64_t x;
      std::memcpy(&x, s_.data() + i, 8);
      if (x & 0x8080808080808080ULL) return false;
    }
    for (; i < e; ++i)
      if (static_cast<unsigned char>(s_[i]) >= 0x80) return false;
    return true;
  }

  // Does [i, e) hold U+02BC (CA BC)?
  bool has_letter_apostrophe(std::size_t i, std::size_t e) const {
    for (std::size_t k = i; k + 1 < e; ++k)
      if (static_cast<unsigned char>(s_[k]) == 0xCA && static_cast<unsigned char>(s_[k + 1]) == 0xBC) return true;
    return false;
  }

  code_point at(std::size_t i) const { return i < s_.size() ? decode(s_, i) : code_point{}; }
  std::size_t sp(std::size_t i) const { return skip_spaces(s_, i); }
  // set.match() at i. At a word (see word_here::own), the word table tells
  // whether the set holds an entry of the text's language and of one of
  // `kinds` that starts with it: if not, none can match; if so, only those
  // can (their first_key is the word's key).
  phrase_match match(const phrase_set& set, std::size_t i, std::uint32_t kinds = ~0u) const {
    std::uint64_t key = 0;
    if (i >= s_.size()) return {};
    const auto b = static_cast<unsigned char>(s_[i]);
    // An ASCII letter that starts no entry of the set: set.match() would
    // find its bucket empty. Checked first: it saves reading the word.
    if (b < 0x80 && set.no_entry_starts(b)) return {};
    if (!plain_ && (b < 0x80 ? is_ascii_letter(b) : is_letter(decode(s_, i).c))) {
      const word_here& w = word_at(i);
      if (w.own) {
        if (w.info == nullptr || (lang_sets(*w.info) & set.bits(kinds)) == 0) return {};
        key = w.key;
      }
    }
    return set.match(s_, i, lang_, kinds, key);
  }

  // A digit glued to a word before it (A350, COVID-19) is part of a name.
  bool glued_to_word(std::size_t i) const {
    const code_point p = decode_before(s_, i);
    if (is_letter(p.c) || p.c == '_') return true;
    if (p.c == '-' || p.c == '/' || p.c == '.') return is_letter(decode_before(s_, i - p.len).c);
    return false;
  }

  // End of an identifier-like token: letters, digits and inner . , - _ / :
  std::size_t skip_token(std::size_t i) const {
    while (i < s_.size()) {
      const code_point c = decode(s_, i);
      if (is_alnum(c.c)) {
        i += c.len;
      } else if ((c.c == '.' || c.c == ',' || c.c == '-' || c.c == '_' || c.c == '/' || c.c == ':') &&
                 i + 1 < s_.size() && is_alnum(decode(s_, i + 1).c)) {
        i += 1;
      } else {
        break;
      }
    }
    return i;
  }

  // The lower-cased word that ends right before `i` (spaces skipped).
  std::string word_before(std::size_t i, std::size_t* begin = nullptr) const {
    while (i > 0) {
      const code_point c = decode_before(s_, i);
      if (!is_space(c.c)) break;
      i -= c.len;
    }
    std::size_t b = i;
    while (b > 0) {
      const code_point c = decode_before(s_, b);
      if (!is_letter(c.c)) break;
      b -= c.len;
    }
    if (begin) *begin = b;
    std::string w;
    for (std::size_t k = b; k < i;) {
      const code_point c = decode(s_, k);
      append_utf8(w, fold(c.c));
      k += c.len;
    }
    return w;
  }

  bool digit_at(std::size_t i) const { return i < s_.size() && is_digit(static_cast<unsigned char>(s_[i])); }
  // Exactly three digits at i, not followed by a fourth.
  bool three_digits(std::size_t i) const {
    return digit_at(i) && digit_at(i + 1) && digit_at(i + 2) && !digit_at(i + 3);
  }
  bool en() const { return lang_ == lang_en; }

  // ------------------------------------------------------------ dispatch ---

  // `bits`: the tables the word at `pos` can start (tr_all at digits and symbols).
  opt try_at(std::size_t pos, std::uint16_t bits) {
    consumed_ = 0;
    const code_point c = at(pos);
    if (is_letter(c.c)) {
      if (bits & tr_relative)
        if (opt v = relative_date(pos)) return v;
      if (bits & tr_modifier)
        if (opt v = modified_date(pos)) return v;
      if (bits & tr_weekday)
        if (opt v = weekday_date(pos)) return v;
      if (bits & tr_month)
        if (opt v = month_first_date(pos, false)) return v;
      if (consumed_ > pos || (bits & (tr_approx | tr_opener | tr_currency | tr_number)) == 0)
        return std::nullopt;
    } else if (is_digit(c.c)) {
      if (opt v = numeric_date(pos)) return v;
      if (opt v = day_first_date(pos)) return v;
    }
    if (consumed_ > pos) return std::nullopt;
    std::size_t q = pos;
    bool approx = false;
    const phrase* opener = nullptr;
    if (is_letter(c.c)) {
      if (phrase_match a = (bits & tr_approx) ? match(t_.approx, q) : phrase_match{}) {
        const std::size_t after = sp(a.end);
        if (after == a.end && a.ph->norm.back() != '\'') return std::nullopt;
        approx = true;
        q = after;
      }
      if (phrase_match o = (bits & (tr_approx | tr_opener)) ? match(t_.openers, q) : phrase_match{}) {
        const std::size_t after = sp(o.end);
        if (after == o.end) return std::nullopt;
        opener = o.ph;
        q = after;
      }
      // Only a qualifier, an opener, a currency or a number word leads on.
      if (!approx && !opener && (bits & (tr_currency | tr_number)) == 0) return std::nullopt;
    }
    return amount(pos, q, approx, opener, true);
  }

  // ------------------------------------------------------------- dates ---

  // A day number 1-31 at i (« 13 », « 1er », "13th"), not part of a longer number.
  std::optional<std::pair<int, std::size_t>> day_at(std::size_t i) const {
    if (!digit_at(i)) return std::nullopt;
    int d = s_[i] - '0';
    std::size_t e = i + 1;
    if (digit_at(e)) d = d * 10 + (s_[e++] - '0');
    if (digit_at(e) || d < 1 || d > 31) return std::nullopt;
    if (e < s_.size() && is_letter(at(e).c)) {
      const phrase_match m = match(t_.day_suffixes, e);
      if (!m) return std::nullopt;
      e = m.end;
    }
    if ((at(e).c == ',' || at(e).c == '.') && digit_at(e + 1)) return std::nullopt;
    return std::make_pair(d, e);
  }

  // A four-digit year 1900-2100 at i, not part of a longer number or word.
  std::optional<std::pair<int, std::size_t>> year_at(std::size_t i) const {
    if (!(digit_at(i) && digit_at(i + 1) && digit_at(i + 2) && digit_at(i + 3)) || digit_at(i + 4))
      return std::nullopt;
    const int y = std::stoi(std::string(s_.substr(i, 4)));
    if (!is_year(y) || is_letter(at(i + 4).c)) return std::nullopt;
    if ((at(i + 4).c == ',' || at(i + 4).c == '.') && digit_at(i + 5)) return std::nullopt;
    return std::make_pair(y, i + 4);
  }

  // Day and month without a year: the year (document year, or the one before
  // or after) that puts the date closest to the document date.
  std::optional<std::string> resolve_day_month(int m, int d) const {
    if (doc_.d == 0) return std::nullopt;
    const std::int64_t ref = days_from_civil(doc_.y, doc_.m, doc_.d);
    int best = 0;
    std::int64_t best_gap = INT64_MAX;
    for (int y = doc_.y - 1; y <= doc_.y + 1; ++y) {
      if (d > days_in_month(y, m)) continue;
      const std::int64_t gap = std::llabs(days_from_civil(y, m, d) - ref);
      if (gap <= best_gap) {
        best_gap = gap;
        best = y;
      }
    }
    if (best == 0) return std::nullopt;
    return iso(best, m, d);
  }

  opt full_date(std::size_t b, std::size_t e, int y, int m, int d) const {
    if (d > days_in_month(y, m)) {
      consumed_ = e;
      return std::nullopt;
    }
    return make_date(b, e, iso(y, m, d));
  }

  opt relative_date(std::size_t pos) const {
    const phrase_match r = match(t_.relative, pos);
    if (!r) return std::nullopt;
    const relative_info& ri = t_.rel[r.ph->value];
    switch (ri.unit) {
      case rel_year:
        if (doc_.y == 0) return std::nullopt;
        return make_date(pos, r.end, iso(doc_.y + ri.offset));
      case rel_month: {
        if (doc_.m == 0) return std::nullopt;
        const int months = doc_.y * 12 + (doc_.m - 1) + ri.offset;
        return make_date(pos, r.end, iso(months / 12, months % 12 + 1));
      }
      case rel_day: {
        if (doc_.d == 0) return std::nullopt;
        const civil c = civil_from_days(days_from_civil(doc_.y, doc_.m, doc_.d) + ri.offset);
        return make_date(pos, r.end, iso(c.y, c.m, c.d));
      }
    }
    return std::nullopt;
  }

  // « fin 2025 », « premier trimestre 2023 », "mid-2025", « fin juin ».
  opt modified_date(std::size_t pos) const {
    const phrase_match m = match(t_.modifiers, pos);
    if (!m) return std::nullopt;
    std::size_t q = m.end;
    if (m.ph->norm.back() != '-') {
      q = sp(m.end);
      if (q == m.end) return std::nullopt;
    }
    if (const auto y = year_at(q)) return make_date(pos, y->second, iso(y->first));
    opt v = month_first_date(q, true);
    if (!v) v = day_first_date(q);
    if (v) v->begin = pos;
    return v;
  }

  // « lundi », "on Thursday", « lundi 13 mai 2024 », "Monday, May 13".
  opt weekday_date(std::size_t pos) const {
    const phrase_match w = match(t_.weekdays, pos);
    if (!w) return std::nullopt;
    std::size_t q = w.end;
    if (at(q).c == ',') ++q;
    q = sp(q);
    if (q > w.end) {
      opt v = day_first_date(q);
      if (!v && !(lang_ == lang_fr)) {
        v = month_first_date(q, true);
        if (v && v->date.size() != 10) v.reset();
      }
      if (v) {
        v->begin = pos;
        return v;
      }
    }
    if (doc_.d == 0) return std::nullopt;
    const std::int64_t ref = days_from_civil(doc_.y, doc_.m, doc_.d);
    if (future_weekday(pos, w.end)) {
      // « se rendra jeudi »: the next such day after the document date.
      const int ahead = (t_.wday[w.ph->value] - weekday(ref) + 7) % 7;
      const civil c = civil_from_days(ref + (ahead == 0 ? 7 : ahead));
      return make_date(pos, w.end, iso(c.y, c.m, c.d));
    }
    const int back = (weekday(ref) - t_.wday[w.ph->value] + 7) % 7;
    const civil c = civil_from_days(ref - back);
    return make_date(pos, w.end, iso(c.y, c.m, c.d));
  }

  // Is the weekday at [pos, end) in a future-tense clause? The word right after
  // it, or one of the three words before it in the same clause, is a cue of
  // future_cues.tsv (a word, or the ending of a future-tense verb).
  bool future_weekday(std::size_t pos, std::size_t end) const {
    std::string w;  // a folded word, when it is not ASCII
    std::size_t q = sp(end);
    std::size_t e = letters_end(s_, q);
    if (e > q && is_cue(q, e, 2, -1, w)) return true;
    std::size_t i = pos;
    for (int n = 0; n < 3; ++n) {
      code_point c{};
      while (i > 0) {  // back over spaces; c: the code point before them
        const auto x = static_cast<unsigned char>(s_[i - 1]);
        c = x < 0x80 ? code_point{x, 1} : decode_before(s_, i);  // decode_before reads an ASCII byte as itself
        if (!is_space(c.c)) break;
        i -= c.len;
      }
      if (i == 0 || !is_letter(c.c)) break;  // a clause ends at punctuation
      const std::size_t b = letters_start(i);
      if (is_cue(b, i, 0, 1, w)) return true;
      i = b;
    }
    return false;
  }

  // Is the word [b, e), folded (as word_before folds it), a future cue of
  // `kind` or of `kind2` (-1: none)? Kinds 0 and 2 match the whole word, 1
  // its ending after at least three more bytes. A word of ASCII bytes is
  // read folded in place (folding keeps its length); another is folded into
  // `w` once for both kinds.
  bool is_cue(std::size_t b, std::size_t e, int kind, int kind2, std::string& w) const {
    if (b >= e) return false;
    // An ASCII byte folds to itself lower-cased: the first (whole words) or
    // last (endings) byte of most words rejects them before any folding.
    auto lower = [](unsigned char x) { return x >= 'A' && x <= 'Z' ? static_cast<unsigned char>(x + 32) : x; };
    auto edge_rejects = [&](int k) {
      if (k < 0) return true;
      const tables::cue_index& index = t_.cue_index_by_lang_kind[lang_][k];
      const auto edge = static_cast<unsigned char>(s_[k == 1 ? e - 1 : b]);
      return edge < 0x80 && (k == 1 ? !index.last_bytes[lower(edge)] : index.lengths_by_first[lower(edge)] == 0);
    };
    const bool skip = edge_rejects(kind), skip2 = edge_rejects(kind2);
    if (skip && skip2) return false;
    std::size_t k = b;
    while (k < e && static_cast<unsigned char>(s_[k]) < 0x80) ++k;
    const bool ascii = k == e;
    std::string_view word;
    if (ascii) {
      word = s_.substr(b, e - b);
    } else {
      w.clear();
      fold_into(b, e, w);
      word = w;
    }
    return (!skip && is_cue_word(word, ascii, kind)) || (!skip2 && is_cue_word(word, ascii, kind2));
  }

  // is_cue() for a word read: `word` is folded, or ASCII to fold in place when `ascii`.
  bool is_cue_word(std::string_view word, bool ascii, int kind) const {
    const tables::cue_index& index = t_.cue_index_by_lang_kind[lang_][kind];
    auto folded = [&](std::size_t m) {
      auto x = static_cast<unsigned char>(word[m]);
      if (ascii && x >= 'A' && x <= 'Z') x += 32;
      return x;
    };
    const std::size_t n = word.size();
    if (n == 0) return false;
    // No cue of this kind has the word's first byte and length (whole words) or its last byte (endings).
    if (kind != 1) {
      if (n < 64 && (index.lengths_by_first[folded(0)] & (1ULL << n)) == 0) return false;
    } else if (!index.last_bytes[folded(n - 1)]) {
      return false;
    }
    auto same = [&](std::size_t from, const std::string& c) {
      for (std::size_t m = 0; m < c.size(); ++m)
        if (folded(from + m) != static_cast<unsigned char>(c[m])) return false;
      return true;
    };
    for (const std::string& c : t_.cues_by_lang_kind[lang_][kind]) {
      if (kind != 1 && n == c.size() && same(0, c)) return true;
      if (kind == 1 && n >= c.size() + 3 && same(n - c.size(), c)) return true;
    }
    return false;
  }

  // Appends the folded code points of [b, e) to out, as word_before folds them.
  void fold_into(std::size_t b, std::size_t e, std::string& out) const {
    for (std::size_t k = b; k < e;) {
      // A run of ASCII bytes, written at once; a folded non-ASCII code point
      // may change length, so it is appended.
      std::size_t r = k;
      while (r < e && static_cast<unsigned char>(s_[r]) < 0x80) ++r;
      if (r > k) {
        const std::size_t at = out.size();
        out.resize(at + (r - k));
        char* d = out.data() + at;
        for (; k < r; ++k) {
          const auto x = static_cast<unsigned char>(s_[k]);
          *d++ = static_cast<char>(x >= 'A' && x <= 'Z' ? x + 32 : x);
        }
        continue;
      }
      const code_point c = decode(s_, k);
      append_utf8(out, fold(c.c));
      k += c.len;
    }
  }

  // The start of the run of letters that ends at i (word_before's `begin`).
  std::size_t letters_start(std::size_t i) const {
    std::size_t b = i;
    while (b > 0) {
      const auto x = static_cast<unsigned char>(s_[b - 1]);
      if (x < 0x80) {  // what decode_before gives for an ASCII byte
        if (!is_ascii_letter(x)) break;
        --b;
        continue;
      }
      const code_point c = decode_before(s_, b);
      if (!is_letter(c.c)) break;
      b -= c.len;
    }
    return b;
  }

  // « juin 2022 », "January 13, 2024", "Jan. 13", « en juin » (`cued` when a
  // modifier already stands before the month).
  opt month_first_date(std::size_t pos, bool cued) const {
    const phrase_match mm = match(t_.months, pos);
    if (!mm) return std::nullopt;
    const month_info& mi = t_.month[mm.ph->value];
    const std::size_t q = sp(mm.end);
    if (q > mm.end) {
      if (const auto y = year_at(q)) return make_date(pos, y->second, iso(y->first, mi.month));
      if (lang_ != lang_fr) {
        if (const auto d = day_at(q)) {
          std::size_t r = d->second;
          if (at(r).c == ',') ++r;
          const std::size_t ry = sp(r);
          if (ry > d->second)
            if (const auto y = year_at(ry)) return full_date(pos, y->second, y->first, mi.month, d->first);
          if (const auto date = resolve_day_month(mi.month, d->first))
            return make_date(pos, d->second, *date);
          consumed_ = d->second;
          return std::nullopt;
        }
      }
    }
    if (!mi.alone) return std::nullopt;
    bool past = false;
    if (!cued) {
      const auto cue = t_.month_cues.find(word_before(pos));
      if (cue == t_.month_cues.end()) return std::nullopt;
      past = cue->second;
    }
    if (doc_.m == 0) return std::nullopt;
    // The next such month (this one included), or the last one after « depuis ».
    const int y = past ? (mi.month <= doc_.m ? doc_.y : doc_.y - 1) : (mi.month >= doc_.m ? doc_.y : doc_.y + 1);
    return make_date(pos, mm.end, iso(y, mi.month));
  }

  // « 13 mai 2024 », « 1er juin », "13 January 2024", "the 31st of May".
  opt day_first_date(std::size_t pos) const {
    const auto d = day_at(pos);
    if (!d) return std::nullopt;
    std::size_t q = sp(d->second);
    if (q == d->second) return std::nullopt;
    if (const phrase_match l = match(t_.links, q); l && en()) q = sp(l.end);
    const phrase_match mm = match(t_.months, q);
    if (!mm) return std::nullopt;
    const int m = t_.month[mm.ph->value].month;
    const std::size_t qy = sp(mm.end);
    if (qy > mm.end)
      if (const auto y = year_at(qy)) return full_date(pos, y->second, y->first, m, d->first);
    if (const auto date = resolve_day_month(m, d->first)) return make_date(pos, mm.end, *date);
    consumed_ = mm.end;
    return std::nullopt;
  }

  // 2024-05-13; 13/05/2024 (French order) or 05/13/2024 (English order).
  opt numeric_date(std::size_t pos) const {
    auto num = [&](std::size_t i, std::size_t n) {
      int v = 0;
      for (std::size_t k = i; k < i + n; ++k) v = v * 10 + (s_[k] - '0');
      return v;
    };
    auto digits = [&](std::size_t i, std::size_t n) {
      for (std::size_t k = i; k < i + n; ++k)
        if (!digit_at(k)) return false;
      return true;
    };
    auto ends = [&](std::size_t e) { return !digit_at(e) && !is_letter(at(e).c) && !(at(e).c == '-' && digit_at(e + 1)); };
    // Both forms need four digits then '-', or one or two then '/': most
    // numbers have neither (a byte that is not ASCII may decode to either).
    std::size_t k = 0;
    while (k < 5 && digit_at(pos + k)) ++k;
    if (pos + k >= s_.size()) return std::nullopt;
    const auto after = static_cast<unsigned char>(s_[pos + k]);
    if (!((k == 4 && (after == '-' || after >= 0x80)) || ((k == 1 || k == 2) && (after == '/' || after >= 0x80))))
      return std::nullopt;
    if (digits(pos, 4) && at(pos + 4).c == '-' && digits(pos + 5, 2) && at(pos + 7).c == '-' &&
        digits(pos + 8, 2) && ends(pos + 10)) {
      const int y = num(pos, 4), m = num(pos + 5, 2), d = num(pos + 8, 2);
      if (is_year(y) && m >= 1 && m <= 12 && d >= 1) return full_date(pos, pos + 10, y, m, d);
      return std::nullopt;
    }
    std::size_t i = pos, len1 = 0, len2 = 0;
    while (digit_at(i) && len1 < 3) ++i, ++len1;
    if (len1 == 0 || len1 > 2 || at(i).c != '/') return std::nullopt;
    const std::size_t p2 = ++i;
    while (digit_at(i) && len2 < 3) ++i, ++len2;
    if (len2 == 0 || len2 > 2 || at(i).c != '/' || !digits(i + 1, 4) || !ends(i + 5)) return std::nullopt;
    int a = num(pos, len1), b = num(p2, len2);
    const int y = num(i + 1, 4);
    if (en()) std::swap(a, b);
    if (!is_year(y) || b < 1 || b > 12 || a < 1) return std::nullopt;
    return full_date(pos, i + 5, y, b, a);
  }

  // ----------------------------------------------------------- numbers ---

  // Digits with group and decimal marks. French: « 3 000 », « 3.000 »
  // (a dot before exactly three digits groups), « 4,3 ». English: "1,000",
  // "4.6". A space (plain, U+00A0, U+202F) groups in both languages when the
  // first group has at most three digits. Unknown language: a comma or dot
  // before exactly three digits groups, otherwise it is a decimal mark.
  std::optional<number> digits_number(std::size_t pos) const {
    number n;
    n.begin = pos;
    std::size_t i = pos;
    int total = 0;
    auto read = [&](std::size_t count) {
      for (std::size_t k = 0; k < count; ++k, ++i) {
        n.mant = n.mant * 10 + (s_[i] - '0');
        ++total;
      }
    };
    std::size_t first = 0;
    while (digit_at(pos + first)) ++first;
    if (first == 0 || first > 15) return std::nullopt;
    read(first);
    n.plain = true;
    n.digits = static_cast<int>(first);
    enum class sep { none, space, dot, comma } used = sep::none;
    while (i < s_.size() && total <= 15) {
      const code_point c = decode(s_, i);
      sep kind;
      if (is_group_space(c.c))
        kind = sep::space;
      else if (c.c == '.')
        kind = sep::dot;
      else if (c.c == ',')
        kind = sep::comma;
      else
        break;
      if (first > 3 || (used != sep::none && used != kind) || !three_digits(i + c.len)) break;
      if (kind == sep::dot && en()) break;
      // A French comma before three digits is a decimal mark (« 1,500 » is
      // 1.5) unless another group follows (« 1,500,000 »).
      if (kind == sep::comma && lang_ == lang_fr && used != sep::comma &&
          !(at(i + 4).c == ',' && three_digits(i + 5)))
        break;
      i += c.len;
      read(3);
      used = kind;
      n.plain = false;
    }
    // Decimal mark: '.' in English; ',' in French, and a '.' that did not
    // group (« 4.3 milliards »); either when the language is unknown.
    if (i + 1 < s_.size() && digit_at(i + 1) &&
        ((en() && s_[i] == '.') || (!en() && s_[i] == ',' && used != sep::comma) ||
         (!en() && s_[i] == '.' && used != sep::dot))) {
      ++i;
      while (digit_at(i)) {
        if (total < 18) {
          n.mant = n.mant * 10 + (s_[i] - '0');
          ++n.scale;
          ++total;
        }
        ++i;
      }
      n.plain = false;
    }
    n.end = i;
    return n;
  }

  // Spelled-out numbers: « trois cents », « vingt et un », "two hundred and five".
  std::optional<number> spelled_number(std::size_t pos) const {
    std::int64_t total = 0, cur = 0;
    std::size_t i = pos, end = npos;
    while (true) {
      const phrase_match w = match(t_.number_words, i);
      if (!w) break;
      const auto [v, kind] = t_.number_word[w.ph->value];
      if (kind == nw_and) {
        const std::size_t j = sp(w.end);
        const phrase_match next = match(t_.number_words, j);
        if (end == npos || j == w.end || !next || t_.number_word[next.ph->value].second == nw_and) break;
        i = j;
        continue;
      }
      if (kind == nw_add) {
        cur += v;
      } else if (v == 100) {
        cur = std::max<std::int64_t>(cur, 1) * 100;
      } else {
        total += std::max<std::int64_t>(cur, 1) * v;
        cur = 0;
      }
      end = w.end;
      if (at(end).c == '-' && is_letter(at(end + 1).c)) {
        i = end + 1;
        continue;
      }
      i = sp(end);
      if (i == end) break;
    }
    if (end == npos) return std::nullopt;
    number n;
    n.begin = pos;
    n.end = end;
    n.mant = total + cur;
    n.spelled = true;
    return n;
  }

  std::optional<number> number_at(std::size_t i) const {
    if (digit_at(i)) return digits_number(i);
    if (is_letter(at(i).c)) return spelled_number(i);
    return std::nullopt;
  }

  // A multiplier glued to the number (« 45M€ », "$540m") or after spaces.
  std::optional<multiplier> multiplier_at(const number& n) const {
    const std::size_t e = n.end;
    if (e >= s_.size()) return std::nullopt;
    std::size_t q = e;
    const bool glued = is_letter(at(e).c);
    if (glued) {
      if (n.spelled) return std::nullopt;
    } else if (at(e).c == '-' && is_letter(at(e + 1).c) && !n.spelled) {
      q = e + 1;  // "US$6-billion", « 4-milliards »: a hyphen between number and multiplier
      const phrase_match hm = match(t_.multipliers, q);
      if (!hm || hm.ph->kind == mult_abbr) return std::nullopt;
    } else {
      q = sp(e);
      if (q == e) return std::nullopt;
    }
    const phrase_match m = match(t_.multipliers, q);
    if (!m) return std::nullopt;
    multiplier r;
    r.end = m.end;
    r.factor = t_.mult_factor[m.ph->value];
    r.abbr = m.ph->kind == mult_abbr;
    r.glued = glued;
    return r;
  }

  // A currency after the number: glued symbol (« 300$ », « M€ »), or after
  // spaces a symbol (French only), code or name, or « de » / « d’ » / "of"
  // and a name when `link` (after a multiplier word).
  std::optional<std::pair<std::string, std::size_t>> suffix_currency(std::size_t e, bool link) const {
    if (e >= s_.size()) return std::nullopt;
    auto found = [&](const phrase_match& m) { return std::make_pair(t_.cur_iso[m.ph->value], m.end); };
    auto not_prefix = [&](const phrase_match& m) { return !digit_at(sp(m.end)); };
    if (!is_space(at(e).c)) {
      const phrase_match m = match(t_.currencies, e, 1u << cur_symbol);
      if (m && not_prefix(m)) return found(m);
      return std::nullopt;
    }
    const std::size_t q = sp(e);
    std::uint32_t kinds = (1u << cur_code) | (1u << cur_name);
    if (!en()) kinds |= 1u << cur_symbol;
    if (const phrase_match m = match(t_.currencies, q, kinds); m && not_prefix(m)) return found(m);
    if (link) {
      if (const phrase_match l = match(t_.links, q)) {
        if (const phrase_match m = match(t_.currencies, sp(l.end), 1u << cur_name)) return found(m);
      }
    }
    return std::nullopt;
  }

  std::optional<std::size_t> percent_at(std::size_t e) const {
    std::size_t q = e;
    if (is_space(at(e).c)) q = sp(e);
    if (const phrase_match m = match(t_.percent, q)) return m.end;
    return std::nullopt;
  }

  // The counted noun after a quantity, skipping « de » after a multiplier
  // word and adjectives such as "new": [begin, end) or nothing.
  std::optional<std::pair<std::size_t, std::size_t>> unit_at(std::size_t e, bool link) const {
    std::size_t q = sp(e);
    if (q == e) return std::nullopt;
    if (link)
      if (const phrase_match l = match(t_.links, q)) q = sp(l.end);
    for (int k = 0; k < 3; ++k) {
      const phrase_match a = match(t_.unit_adjectives, q);
      if (!a) break;
      const std::size_t next = sp(a.end);
      if (next == a.end) break;
      q = next;
    }
    if (!is_letter(at(q).c)) return std::nullopt;
    std::size_t we = letters_end(s_, q);
    while (at(we).c == '-' && is_letter(at(we + 1).c)) we = letters_end(s_, we + 1);
    if (const phrase_match st = match(t_.unit_stopwords, q); st && st.end == we) return std::nullopt;
    return std::make_pair(q, we);
  }

  // Does an entry of the sets that may follow a spelled-out number
  // (tables::follower_sets, any language) start with the word at f?
  bool spelled_follower(std::size_t f) const {
    const word_here& w = word_at(f);
    return w.info != nullptr && (w.info->sets & t_.follower_sets) != 0;
  }

  // ------------------------------------------------------------ amounts ---

  // Money, percent, quantity or a bare year, starting at `begin` (where any
  // qualifier or opener starts) with the number (or a prefix currency) at q.
  opt amount(std::size_t begin, std::size_t q, bool approx, const phrase* opener, bool allow_range) const {
    std::string iso_code;
    std::size_t p = q;
    if (!digit_at(q))
      if (const phrase_match pc = match(t_.currencies, q, (1u << cur_symbol) | (1u << cur_code))) {
        iso_code = t_.cur_iso[pc.ph->value];
        p = sp(pc.end);
      }
    const std::optional<number> n1 = number_at(p);
    if (!n1) return std::nullopt;
    if (n1->spelled) {
      const std::size_t f = sp(n1->end);
      if (f == n1->end || (is_letter(at(f).c) && !spelled_follower(f))) return std::nullopt;
    }
    std::optional<multiplier> m1 = multiplier_at(*n1);
    // A spelled number (« une », "one") needs a multiplier word, a currency, a
    // percent sign or a counted noun: check the usual failure first.
    if (n1->spelled && !m1 && iso_code.empty() && !suffix_currency(n1->end, false) && !percent_at(n1->end)) {
      const auto u = unit_at(n1->end, false);
      if (!u || match(t_.count_nouns, u->first).end != u->second) return std::nullopt;
    }
    if (!n1->spelled && is_letter(at(n1->end).c) && !(m1 && m1->glued)) return std::nullopt;
    std::size_t e = m1 ? m1->end : n1->end;

    bool range = false, scaled = false;
    if (allow_range) {
      const std::size_t c0 = sp(e);
      if (const phrase_match cm = match(t_.connectors, c0)) {
        const connector_info& ci = t_.connector[cm.ph->value];
        if (ci.opener == (opener ? opener->norm : std::string())) {
          std::size_t q2 = sp(cm.end);
          if (!iso_code.empty())
            if (const phrase_match pc = match(t_.currencies, q2, (1u << cur_symbol) | (1u << cur_code));
                pc && t_.cur_iso[pc.ph->value] == iso_code)
              q2 = sp(pc.end);
          const std::optional<number> n2 = digits_number(q2);
          if (n2 && !n1->spelled) {
            const std::optional<multiplier> m2 = multiplier_at(*n2);
            const bool glued_word = !n2->spelled && is_letter(at(n2->end).c) && !(m2 && m2->glued);
            if (!glued_word && (!m1 || m2)) {
              range = true;
              scaled = ci.scaled;
              if (!m1) m1 = m2;
              e = m2 ? m2->end : n2->end;
            }
          }
        }
      }
    }
    if (opener && !range) return std::nullopt;
    auto retry = [&]() -> opt {
      if (opener || !allow_range) return std::nullopt;
      return amount(begin, q, approx, nullptr, false);
    };

    value_mention& v = fresh();
    v.begin = begin;
    v.approximate = approx;
    v.range = range;
    const bool word_mult = m1 && !m1->abbr;

    // Money.
    std::size_t end = e;
    if (iso_code.empty())
      if (const auto sc = suffix_currency(e, word_mult)) {
        iso_code = sc->first;
        end = sc->second;
      }
    if (!iso_code.empty()) {
      v.end = end;
      v.kind = value_kind::money;
      v.currency = std::move(iso_code);
      v.amount = to_amount(*n1, m1 ? m1->factor : 1);
      v.number = static_cast<double>(v.amount);
      return opt(v);
    }
    // An abbreviation (M, bn, k) is a multiplier only next to a currency.
    if (m1 && m1->abbr) {
      if (m1->glued || range) return range ? retry() : std::nullopt;
      m1.reset();
      e = n1->end;
    }
    // Percent.
    if (!m1)
      if (const auto pe = percent_at(e)) {
        v.end = *pe;
        v.kind = value_kind::percent;
        v.number = n1->value();
        return opt(v);
      }
    if (range && scaled && !m1) return retry();
    // Quantity, or a bare year.
    const auto unit = unit_at(e, word_mult);
    const bool counted = unit && match(t_.count_nouns, unit->first).end == unit->second;
    if (n1->spelled && !m1 && !counted) return std::nullopt;
    if (n1->year_shaped() && !m1 && !counted) {
      if (range) return retry();
      return make_date(n1->begin, n1->end, iso(static_cast<int>(n1->mant)));
    }
    // 737-800, 24/7: a code, not a quantity.
    if (!n1->spelled && !range && (at(e).c == '-' || at(e).c == '/' || at(e).c == ':') && digit_at(e + 1))
      return std::nullopt;
    v.end = e;
    v.kind = value_kind::quantity;
    v.amount = to_amount(*n1, m1 ? m1->factor : 1);
    v.number = static_cast<double>(v.amount);
    if (unit) {
      v.unit.assign(s_.substr(unit->first, unit->second - unit->first));
      v.unit_begin = unit->first;
      v.unit_end = unit->second;
    }
    return opt(v);
  }

  const tables& t_;
  std::string_view s_;
  std::uint8_t lang_;
  civil doc_;
  // End of a date-shaped expression that gave no value (« le 13 mai » without
  // a document date, « 31 février »): the scan skips it rather than reading
  // its day as a quantity.
  mutable std::size_t consumed_ = 0;
  // run()'s output, and whether its last element is an expression not kept (see opt).
  std::vector<value_mention>* out_ = nullptr;
  mutable bool pending_ = false;
  // The last word read (see word_at).
  mutable word_here word_;
  // No shortcut that only saves time (find_plain).
  bool plain_ = false;
};

value_scanner::value_scanner(const std::string& lexicon_dir)
    : tables_(std::make_unique<const tables>(lexicon_dir)) {}

value_scanner::~value_scanner() = default;

std::vector<value_mention> value_scanner::find(std::string_view text, std::string_view lang,
                                               std::string_view doc_date, std::size_t base) const {
  tables::scan s(*tables_, text, lang_mask(lang), parse_doc_date(doc_date), false);
  return s.run(base);
}

std::vector<value_mention> value_scanner::find_plain(std::string_view text, std::string_view lang,
                                                     std::string_view doc_date, std::size_t base) const {
  tables::scan s(*tables_, text, lang_mask(lang), parse_doc_date(doc_date), true);
  return s.run(base);
}

namespace values_detail {
bool is_letter(char32_t c) { return econkg::is_letter(c); }
char32_t fold(char32_t c) { return econkg::fold(c); }
}  // namespace values_detail

}  // namespace econkg
