#include "extract/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/udata.h>
#include <unicode/ures.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <atomic>
#include <bit>
#include <cstring>
#include <mutex>
#include <stdexcept>

namespace econkg {

namespace {

// French elided articles and conjunctions that ICU keeps glued to the next
// word (l'entreprise, d'euros, qu'il). Longest first.
constexpr std::array<std::string_view, 14> elisions = {
    "jusqu'", "lorsqu'", "puisqu'", "presqu'", "quoiqu'", "qu'", "l'", "d'", "s'",
    "n'", "j'", "m'", "t'", "c'"};

constexpr std::size_t max_elision = 7;  // lorsqu' puisqu' presqu' quoiqu'
static_assert(std::all_of(elisions.begin(), elisions.end(), [](std::string_view el) {
  return el.size() <= max_elision && el.find('\'') == el.size() - 1;
}));

// The first bytes of the elisions.
constexpr std::array<bool, 256> elision_initial = [] {
  std::array<bool, 256> a{};
  for (auto el : elisions) a[static_cast<unsigned char>(el[0])] = true;
  return a;
}();

// Clitic pronouns after a hyphen (a-t-il, peut-on): not part of a word.
constexpr std::array<std::string_view, 19> clitics = {
    "t", "il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous",
    "le", "la", "les", "lui", "leur", "y", "en", "ce", "moi"};

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t* next) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<std::uint32_t>(c);
}

// White space as u_isUWhiteSpace (ASCII: tab, line feed, vertical tab, form
// feed, carriage return and space) without an ICU call for ASCII.
bool is_space_cp(std::uint32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

// Whether bytes [b, e) of text are only white space (code points decoded
// against the whole text, as ICU's word boundaries fall between them).
bool all_space(std::string_view text, std::size_t b, std::size_t e) {
  for (std::size_t i = b; i < e;) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!(c == ' ' || (c >= '\t' && c <= '\r'))) return false;
      ++i;
      continue;
    }
    std::size_t n2 = i;
    if (!is_space_cp(decode(text, i, &n2))) return false;
    i = n2;
  }
  return true;
}

// The surface flags that decide hyphen joins: no letter nor digit (punct),
// first letter-or-digit a digit (digit). Same answers as the tokens' flags.
void word_flags(std::string_view s, bool* punct, bool* digit) {
  *punct = true;
  *digit = false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t next = i + 1;
    UChar32 c = static_cast<unsigned char>(s[i]);
    bool alpha, dig;
    if (c < 0x80) {
      alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      dig = c >= '0' && c <= '9';
    } else {
      c = static_cast<UChar32>(decode(s, i, &next));
      alpha = u_isalpha(c);
      dig = u_isdigit(c);
    }
    if (alpha || dig) {
      *punct = false;
      *digit = !alpha;
      return;
    }
    i = next;
  }
}

// Fills the surface flags of a token from its bytes (the general path, any
// code point).
void classify_flags(std::string_view s, token& t) {
  bool any_letter = false, any_digit = false, all_upper = true;
  int letters = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t next = i + 1;
    UChar32 c = static_cast<unsigned char>(s[i]);
    bool alpha, upper, title = false, digit;
    if (c < 0x80) {  // ASCII without ICU calls
      upper = c >= 'A' && c <= 'Z';
      alpha = upper || (c >= 'a' && c <= 'z');
      digit = c >= '0' && c <= '9';
    } else {
      c = static_cast<UChar32>(decode(s, i, &next));
      alpha = u_isalpha(c);
      upper = u_isupper(c);
      title = u_istitle(c);
      digit = u_isdigit(c);
    }
    if (alpha) {
      if (!any_letter && !any_digit) t.cap = upper || title;
      any_letter = true;
      ++letters;
      if (!upper) all_upper = false;
    } else if (digit) {
      if (!any_letter && !any_digit) t.digit = true;
      any_digit = true;
    }
    i = next;
  }
  t.upper = any_letter && all_upper && letters >= 2;
  t.punct = !any_letter && !any_digit;
}

// Lower-cases the code point starting at s[i] (a lead byte, not ASCII) into
// o as ICU's root lower-casing of a whole string would, and maps ’ ‘ to ':
// code point by code point with the simple mapping, which gives the same as
// the full one for every code point but U+0130 (İ, whose full lower case is
// two code points) and U+03A3 (Σ, whose lower case depends on what follows).
// Returns the bytes read, having written at most as many (`*written`), and
// the code point; 0 when ICU must lower-case the string (those two, a lower
// case of another length, a byte sequence that is not UTF-8).
std::size_t lower_code_point(std::string_view s, std::size_t i, char* o, std::size_t* written, UChar32* cp) {
  std::size_t next = i;
  UChar32 c = 0;
  {
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
    next = static_cast<std::size_t>(pos);
  }
  if (c < 0 || c == 0x130 || c == 0x3A3) return 0;
  *cp = c;
  if (c == 0x2019 || c == 0x2018) {
    *o = '\'';
    *written = 1;
    return next - i;
  }
  UChar32 lc = u_tolower(c);
  if (lc == c) {
    std::memcpy(o, s.data() + i, next - i);
    *written = next - i;
    return next - i;
  }
  if (static_cast<std::size_t>(U8_LENGTH(lc)) != next - i) return 0;
  std::size_t n = 0;
  bool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(o), n, next - i, lc, error);
  if (error) return 0;
  *written = n;
  return next - i;
}

// What fast_surface reads of a letter or digit: kind bits.
constexpr unsigned kind_letter = 1, kind_upper = 2, kind_title = 4, kind_digit = 8, kind_lower = 16;

// The ASCII bytes' lower case and kind bits (0: neither letter nor digit).
constexpr std::array<char, 128> ascii_lower = [] {
  std::array<char, 128> a{};
  for (std::size_t c = 0; c < a.size(); ++c) a[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return a;
}();
constexpr std::array<std::uint8_t, 128> ascii_kinds = [] {
  std::array<std::uint8_t, 128> a{};
  for (std::size_t c = 'a'; c <= 'z'; ++c) a[c] = kind_letter | kind_lower;
  for (std::size_t c = 'A'; c <= 'Z'; ++c) a[c] = kind_letter | kind_upper;
  for (std::size_t c = '0'; c <= '9'; ++c) a[c] = kind_digit;
  return a;
}();

// The surface flags of a token (token's cap, upper, digit and punct).
struct surface_flags {
  bool cap = false, upper = false, digit = false, punct = false;
};

constexpr std::size_t no_fast_surface = static_cast<std::size_t>(-1);

// Lower-cases s into o (room for s.size() bytes: this path never
// lengthens) along lower_utf8's fast path (lower_code_point for what is not
// ASCII) and fills f from the same bytes (as classify_flags would); returns
// the bytes written, or no_fast_surface (o and f unspecified) when a byte
// sequence needs ICU's string lower-casing.
[[gnu::always_inline]] inline std::size_t fast_surface(std::string_view s, char* o, surface_flags& f) {
  {
    // ASCII tokens (most of them) in a loop of their own: every byte one
    // code point; the kind bits of the first letter or digit, and counts.
    unsigned first = 0, all = 0;  // all: the kind bits of every byte
    std::size_t i = 0;
    for (; i < s.size() && first == 0; ++i) {  // up to the first letter or digit (most often the first byte)
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) break;
      o[i] = ascii_lower[c];
      first = ascii_kinds[c];
    }
    all = first;
    int letters = static_cast<int>(first & kind_letter);
    for (; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x80) break;
      o[i] = ascii_lower[c];
      const unsigned kind = ascii_kinds[c];
      all |= kind;
      letters += static_cast<int>(kind & kind_letter);
    }
    if (i == s.size()) {
      f.cap = first & kind_upper;
      f.digit = first & kind_digit;
      f.upper = letters >= 2 && !(all & kind_lower);  // (an ASCII letter is upper or lower case)
      f.punct = first == 0;
      return i;
    }
  }
  std::size_t n = 0;
  bool seen = false, cap = false, digit = false;  // seen: a letter or a digit; cap, digit: the first one's
  int letters = 0, uppers = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    unsigned kind;
    if (c < 0x80) {
      o[n++] = ascii_lower[c];
      kind = ascii_kinds[c];
      if (!kind) continue;
    } else if (c == 0xC3 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      auto d = static_cast<unsigned char>(s[++i]);
      // U+00C0..U+00DE are upper-case letters (but U+00D7 ×), U+00DF..U+00FF
      // lower-case letters (but U+00F7 ÷); lower is +0x20.
      const bool upper = d <= 0x9E && d != 0x97;
      o[n++] = static_cast<char>(c);
      o[n++] = static_cast<char>(upper ? d + 0x20 : d);
      if (d == 0x97 || d == 0xB7) continue;
      kind = kind_letter | (upper ? kind_upper : 0);
    } else {
      std::size_t written = 0;
      UChar32 cp = 0;
      std::size_t read = lower_code_point(s, i, o + n, &written, &cp);
      if (!read) return no_fast_surface;
      n += written;
      i += read - 1;
      if (u_isalpha(cp)) kind = kind_letter | (u_isupper(cp) ? kind_upper : 0) | (u_istitle(cp) ? kind_title : 0);
      else if (u_isdigit(cp)) kind = kind_digit;
      else continue;
    }
    if (!seen) {
      seen = true;
      cap = kind & (kind_upper | kind_title);
      digit = kind & kind_digit;
    }
    letters += static_cast<int>(kind & kind_letter);
    uppers += static_cast<int>((kind & (kind_letter | kind_upper)) == (kind_letter | kind_upper));
  }
  f.cap = cap;
  f.digit = digit;
  f.upper = letters >= 2 && uppers == letters;
  f.punct = !seen;
  return n;
}

// fast_surface() for a token of one to sixteen bytes, all ASCII, with bit
// tricks on its bytes eight at a time, without a loop over them: reads the
// sixteen bytes from p (the caller checks they are there) but looks at the
// first n only; writes sixteen bytes to o, the lower case then zeros.
// Returns false (o and f unspecified) when one of the n bytes is not ASCII.
[[gnu::always_inline]] inline bool ascii_surface(const char* p, std::size_t n, char* o, surface_flags& f) {
  if constexpr (std::endian::native != std::endian::little) return false;  // (the first byte is read as a word's low byte)
  constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
  // Per word of eight bytes (bytes past the token cleared: a zero byte is
  // ASCII, neither letter nor digit), a high bit in each byte that is a
  // letter, a lower-case letter, a digit. For ASCII bytes (below 0x80)
  // adding a constant below 0x80 carries into no other byte, and sets a
  // byte's high bit when the byte is at least 0x80 minus the constant: byte
  // >= lo and not >= hi + 1 gives lo..hi. A letter's 0x20 bit tells lower
  // case; shifted left by two it is the byte's high bit.
  struct classes {
    std::uint64_t letter, lower, digit;
  };
  auto classify_word = [](std::uint64_t x) {
    auto in_range = [](std::uint64_t v, unsigned lo, unsigned hi) {
      return (v + (0x80 - lo) * ones) & ~(v + (0x7F - hi) * ones) & high;
    };
    const std::uint64_t letter = in_range(x | 0x20 * ones, 'a', 'z');
    return classes{letter, letter & x << 2, in_range(x, '0', '9')};
  };
  auto fold = [](std::uint64_t x, const classes& k) { return x | (k.letter & ~k.lower) >> 2; };  // (0x80 >> 2: 0x20)
  std::uint64_t x0, x1 = 0;
  std::memcpy(&x0, p, 8);
  if (n < 8) x0 &= (1ull << (8 * n)) - 1;
  if (x0 & high) return false;
  const classes k0 = classify_word(x0);
  classes k1{0, 0, 0};
  if (n > 8) {  // (a long token: a second word)
    std::memcpy(&x1, p + 8, 8);
    if (n < 16) x1 &= (1ull << (8 * (n - 8))) - 1;
    if (x1 & high) return false;
    k1 = classify_word(x1);
  }
  x0 = fold(x0, k0);
  x1 = fold(x1, k1);
  std::memcpy(o, &x0, 8);
  std::memcpy(o + 8, &x1, 8);
  // The first letter or digit (the lowest high bit of the first word that
  // has one) gives cap and digit.
  const bool in0 = (k0.letter | k0.digit) != 0;
  const classes& k = in0 ? k0 : k1;
  const std::uint64_t alnum = k.letter | k.digit;
  const std::uint64_t first = alnum & (~alnum + 1);
  f.cap = (k.letter & ~k.lower) & first;
  f.digit = k.digit & first;
  f.punct = alnum == 0;
  // At least two letters (x & (x - 1): x without its lowest bit), none lower case.
  const bool two_letters = (k0.letter & (k0.letter - 1)) != 0 || (k1.letter & (k1.letter - 1)) != 0 ||
                           (k0.letter != 0 && k1.letter != 0);
  f.upper = two_letters && !(k0.lower | k1.lower);
  return true;
}

// The longest lower case append_token writes on the stack: std::string's
// own room in libstdc++ (no allocation), which holds nearly every word.
constexpr std::size_t short_token = 15;
static_assert(short_token < 16, "ascii_surface reads sixteen bytes");

// A new token's fields (tokens are appended as copies of it: see
// append_token). Constant with g++, which then knows the copy's lower case
// is empty (fewer tests when it is written); not with clang, which does
// not take std::string's default constructor as a constant expression with
// libstdc++ 12 (the fuzz build).
#if defined(__clang__)
const token blank_token{};
#else
constexpr token blank_token{};
#endif

// Copies the surface flags fast_surface or ascii_surface found into `t`.
[[gnu::always_inline]] inline void set_flags(token& t, const surface_flags& f) {
  t.cap = f.cap;
  t.upper = f.upper;
  t.digit = f.digit;
  t.punct = f.punct;
}

// append_token()'s general path, for a token of more than short_token
// bytes or one whose lower case needs ICU (rare): fills t, a blank token
// but for its byte range, from s, its bytes.
[[gnu::noinline]] void fill_long_token(std::string_view s, token& t) {
  t.lower.resize(s.size());
  surface_flags f;
  const std::size_t n = fast_surface(s, t.lower.data(), f);
  if (n == no_fast_surface) {
    t.lower = lower_utf8(s);
    classify_flags(s, t);
    return;
  }
  t.lower.resize(n);
  set_flags(t, f);
}

// Sets a token's lower case (`size` bytes at `lower`, which holds sixteen:
// appended as a fixed number of bytes, then cut) and its surface flags.
[[gnu::always_inline]] inline void set_short_surface(token& t, const char* lower, std::size_t size,
                                                     const surface_flags& f) {
  t.lower.append(lower, short_token);
  t.lower.erase(size);
  set_flags(t, f);
}

// Appends the token [b, e) of text, with its lower-case form and surface
// flags read from its bytes. The token is made as a copy of blank_token,
// whose fields are constants, so it is written field by field (a new token
// made by token() would first have all its bytes cleared, with rep stos). A
// short token's lower case is written on the stack, then appended as a
// fixed number of bytes, copied without a call to memcpy, and cut to its
// length.
[[gnu::always_inline]] inline void append_token(std::string_view text, std::size_t b, std::size_t e, bool space_before,
                                                std::vector<token>& tokens) {
  const std::string_view s = text.substr(b, e - b);
  token& t = tokens.emplace_back(blank_token);
  t.begin = b;
  t.end = e;
  t.space_before = space_before;
  if (s.size() <= short_token) {
    char buf[16] = {};  // (short_token + 1 bytes: ascii_surface writes sixteen)
    surface_flags f;
    // Most tokens: ASCII, and sixteen bytes of text from their start.
    const std::size_t n = text.size() - b >= sizeof buf && ascii_surface(s.data(), s.size(), buf, f)
                              ? s.size()
                              : fast_surface(s, buf, f);
    if (n != no_fast_surface) {
      set_short_surface(t, buf, n, f);
      return;
    }
  }
  fill_long_token(s, t);
}

// append_token(), not inlined: for the tokens an elision or a possessive
// splits (rare).
[[gnu::noinline]] void append_split_token(std::string_view text, std::size_t b, std::size_t e, bool space_before,
                                          std::vector<token>& tokens) {
  append_token(text, b, e, space_before, tokens);
}

// Appends the token [b, e) whose lower case (`size` bytes, at most
// short_token, at `lower`, which holds sixteen bytes) and surface flags are
// known.
[[gnu::always_inline]] inline void append_known_token(std::size_t b, std::size_t e, bool space_before, const char* lower,
                                                      std::size_t size, const surface_flags& f,
                                                      std::vector<token>& tokens) {
  token& t = tokens.emplace_back(blank_token);
  t.begin = b;
  t.end = e;
  t.space_before = space_before;
  set_short_surface(t, lower, size, f);
}

// The word break classes (UAX #29, as ICU's word rules use them) of the code
// points latin_word_pieces knows; `unknown` for all others. White space
// (space, tab, line and form feeds, carriage return, no-break space) breaks
// on both sides and is dropped, whatever its class: `space`. ICU's root
// rules keep no colon between letters, though UAX #29 does (« a:b » is three
// pieces): ':' is `other`.
enum class word_class : std::uint8_t { unknown, space, letter, numeric, mid_num_let, mid_num, single_quote, other };

constexpr std::array<word_class, 128> ascii_word_classes = [] {
  std::array<word_class, 128> k{};  // control characters, '_' (ExtendNumLet) and '@' stay unknown
  for (char c : std::string_view("\t\v\f\r ")) k[static_cast<unsigned char>(c)] = word_class::space;
  for (char c : std::string_view("!\"#$%&()*+-/:<=>?[\\]^`{|}~")) k[static_cast<unsigned char>(c)] = word_class::other;
  for (int c = '0'; c <= '9'; ++c) k[c] = word_class::numeric;
  for (int c = 'A'; c <= 'Z'; ++c) k[c] = k[c + 'a' - 'A'] = word_class::letter;
  k['.'] = word_class::mid_num_let;
  k[','] = k[';'] = word_class::mid_num;
  k['\''] = word_class::single_quote;
  return k;
}();

word_class class_of(std::uint32_t c) {
  if (c < 0x80) return ascii_word_classes[c];
  if (c >= 0xC0 && c <= 0x17F) return c == 0xD7 || c == 0xF7 ? word_class::other : word_class::letter;  // Latin-1 letters, Latin Extended-A
  switch (c) {
    case 0xA0: return word_class::space;  // (U+202F is ExtendNumLet: it joins « 25 000 »)
    case 0x2018: case 0x2019: return word_class::mid_num_let;
    case 0xA3: case 0xAB: case 0xBB: case 0x2013: case 0x2014: case 0x201C: case 0x201D: case 0x20AC: return word_class::other;
    default: return word_class::unknown;
  }
}

constexpr bool letter_or_digit(word_class k) { return k == word_class::letter || k == word_class::numeric; }
// What joins two letters (WB6, WB7) or two digits (WB11, WB12).
constexpr bool mid_letter(word_class k) { return k == word_class::mid_num_let || k == word_class::single_quote; }
constexpr bool mid_num(word_class k) { return k == word_class::mid_num || mid_letter(k); }

}  // namespace

namespace {

// ASCII letters and digits, which join one another (WB5, WB8, WB9, WB10):
// the bulk of a word, skipped without looking at their class (false for the
// bytes of other code points).
constexpr std::array<bool, 256> ascii_alnum = [] {
  std::array<bool, 256> a{};
  for (std::size_t c = 0; c < 128; ++c) a[c] = letter_or_digit(ascii_word_classes[c]);
  return a;
}();

// class_at() for a code point of two or more bytes.
[[gnu::noinline]] word_class multibyte_class_at(const unsigned char* p, std::size_t n, std::size_t i,
                                                std::size_t* next) {
  UChar32 cp = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(p, pos, static_cast<int32_t>(n), cp);
  *next = static_cast<std::size_t>(pos);
  return cp < 0 ? word_class::unknown : class_of(static_cast<std::uint32_t>(cp));
}

// The class of the code point at byte i of p[0, n), and where the next one
// starts (*next); ASCII, most of the text, is read inline.
inline word_class class_at(const unsigned char* p, std::size_t n, std::size_t i, std::size_t* next) {
  if (p[i] < 0x80) {
    *next = i + 1;
    return ascii_word_classes[p[i]];
  }
  return multibyte_class_at(p, n, i, next);
}

constexpr std::size_t no_piece = static_cast<std::size_t>(-1);

// The end of the piece that begins with a letter or a digit (class k) and
// whose second code point starts at byte i of p[0, n): ICU's rules keep the
// next code point while it is a letter or a digit, or a letter (digit)
// after a letter (digit) and one of the marks that join them (WB6, WB7;
// WB11, WB12). no_piece when it meets a code point latin_word_pieces does
// not know.
inline std::size_t word_end(const unsigned char* p, std::size_t n, std::size_t i, word_class k) {
  std::size_t next = 0, after = 0;
  while (i < n) {
    if (ascii_alnum[p[i]]) {
      std::size_t j = i + 1;
      while (j < n && ascii_alnum[p[j]]) ++j;
      k = ascii_word_classes[p[j - 1]];
      i = j;
      if (i == n) break;
    }
    const word_class b = class_at(p, n, i, &next);
    if (letter_or_digit(b)) {
      k = b;
      i = next;
      continue;
    }
    if (b == word_class::unknown) return no_piece;
    if ((k == word_class::letter ? mid_letter(b) : mid_num(b)) && next < n) {
      const word_class c = class_at(p, n, next, &after);
      if (c == word_class::unknown) return no_piece;
      if (c == k) {
        i = after;
        continue;
      }
    }
    break;
  }
  return i;
}

// latin_word_pieces' work in one pass over the paragraph: calls out(begin,
// end) for each piece, in order, white space left out. Returns false as soon
// as it meets a code point it does not know (the pieces given so far are
// then to be dropped).
template <class Out>
bool latin_pieces(std::string_view para, Out&& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(para.data());
  const std::size_t n = para.size();
  std::size_t i = 0, next = 0;
  while (i < n) {
    const std::size_t start = i;
    word_class k = class_at(p, n, i, &next);
    i = next;
    if (k == word_class::space) continue;  // white space never joins: a piece of its own, dropped
    if (k == word_class::unknown) return false;
    if (letter_or_digit(k)) {
      i = word_end(p, n, i, k);
      if (i == no_piece) return false;
    }
    out(start, i);
  }
  return true;
}

}  // namespace

bool latin_word_pieces(std::string_view para, std::vector<std::pair<std::size_t, std::size_t>>& pieces) {
  pieces.clear();
  return latin_pieces(para, [&](std::size_t b, std::size_t e) { pieces.emplace_back(b, e); });
}

namespace {

// A paragraph's word piece before the hyphen joins (byte range of the text),
// with the flags the joins read (word_flags).
struct piece {
  std::size_t begin, end;
  bool punct, digit;
};

// The pieces latin_word_pieces finds in the paragraph of text starting at
// byte para_begin, with their flags; false if it cannot (raw unspecified).
bool latin_raw_pieces(std::string_view text, std::size_t para_begin, std::string_view para, std::vector<piece>& raw) {
  raw.clear();
  return latin_pieces(para, [&](std::size_t b, std::size_t e) {
    piece pc{para_begin + b, para_begin + e, false, false};
    const auto lead = static_cast<unsigned char>(text[pc.begin]);
    if (lead < 0x80) {
      // latin_word_pieces' pieces of more than one code point start with a
      // letter or a digit: the first byte's class gives word_flags' answer.
      const word_class k = ascii_word_classes[lead];
      pc.punct = !letter_or_digit(k);
      pc.digit = k == word_class::numeric;
    } else {
      word_flags(text.substr(pc.begin, pc.end - pc.begin), &pc.punct, &pc.digit);
    }
    raw.push_back(pc);
  });
}

}  // namespace

namespace {

// ICU's sentence boundaries without ICU (latin_sentence_breaks): UAX #29's
// sentence rules as ICU's root rules (fr and en have no rules of their own)
// apply them, then the filter that "ss=standard" adds, which drops a
// boundary after one of the locale's exceptions ("M.", "U.S.", "Mr.").

// The bytes that may start a sentence terminator or a code point left to
// ICU in a Latin paragraph ('.', '?', '!', carriage return, line feed;
// checked against ICU's classes when the table below is built).
constexpr bool candidate_byte(char c) { return c == '.' || c == '?' || c == '!' || c == '\r' || c == '\n'; }

// The first byte of p[i, n) that candidate_byte accepts (n if none), sixteen
// bytes at a time where SSE2 is at hand.
std::size_t find_candidate(const char* p, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i dot = _mm_set1_epi8('.'), question = _mm_set1_epi8('?'), exclamation = _mm_set1_epi8('!'),
                cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, question)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, exclamation),
                                                  _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf))));
    if (const int bits = _mm_movemask_epi8(hit)) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(bits)));
  }
#endif
  for (; i < n; ++i)
    if (candidate_byte(p[i])) return i;
  return n;
}

// The Sentence_Break class (ICU's property) of each code point below U+0180,
// and how the fast path treats the ASCII ones: `scan` 1 for a sentence
// terminator (ATerm or STerm), 2 for a class it leaves to ICU (CR, LF, Sep,
// Extend, Format: paragraph separators and code points ignored by the rules).
// `usable` is false when a code point latin_word_pieces knows other than
// ASCII is a terminator or of a class left to ICU: then ICU does it all.
struct sentence_classes {
  std::array<std::uint8_t, 0x180> low{};
  std::array<std::uint8_t, 128> scan{};
  bool usable = true;

  static bool left_to_icu(int k) {
    return k == U_SB_CR || k == U_SB_LF || k == U_SB_SEP || k == U_SB_EXTEND || k == U_SB_FORMAT;
  }
  sentence_classes() {
    for (UChar32 c = 0; c < 0x180; ++c) low[static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
    for (std::size_t c = 0; c < scan.size(); ++c) {
      const int k = low[c];
      scan[c] = k == U_SB_ATERM || k == U_SB_STERM ? 1 : left_to_icu(k) ? 2 : 0;
    }
    for (std::size_t c = 0; c < scan.size(); ++c)  // find_candidate looks for these bytes only
      if (scan[c] != 0 && !candidate_byte(static_cast<char>(c))) usable = false;
    for (UChar32 c = 0x80; c < 0x3000; ++c) {
      if (class_of(static_cast<std::uint32_t>(c)) == word_class::unknown) continue;
      const int k = u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
      if (k == U_SB_ATERM || k == U_SB_STERM || left_to_icu(k)) usable = false;
    }
  }
  int of(std::uint32_t c) const {
    return c < low.size() ? low[c] : u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_SENTENCE_BREAK);
  }
};

const sentence_classes& sentence_class_table() {
  static const sentence_classes table;
  return table;
}

// A trie of UTF-16 strings, read a code unit at a time as ICU's UCharsTrie:
// after a step, whether the units read so far are one of the strings (its
// value) and whether a longer string begins with them.
class u16_trie {
 public:
  void add(std::u16string_view s, int value) {
    std::uint32_t at = 0;
    for (char16_t c : s) {
      std::uint32_t child = step(at, c);
      if (!child) {
        child = static_cast<std::uint32_t>(nodes_.size());
        nodes_.emplace_back();
        nodes_[at].next.emplace_back(c, child);
      }
      at = child;
    }
    nodes_[at].value = value;
  }
  // The node reached from node `at` (0: the root) by code unit c; 0 when no
  // string goes on so (the root is no one's child).
  std::uint32_t step(std::uint32_t at, char16_t c) const {
    for (const auto& [unit, child] : nodes_[at].next)
      if (unit == c) return child;
    return 0;
  }
  int value(std::uint32_t at) const { return nodes_[at].value; }  // -1: none
  bool longer(std::uint32_t at) const { return !nodes_[at].next.empty(); }
  bool empty() const { return nodes_.size() == 1; }

 private:
  struct node {
    std::vector<std::pair<char16_t, std::uint32_t>> next;
    int value = -1;
  };
  std::vector<node> nodes_ = std::vector<node>(1);
};

// A locale's exceptions arranged as ICU's filtered iterator arranges them
// (SimpleFilteredBreakIteratorBuilder::build): an exception with a period
// before its last code point ("U.S.", "av. J.-C.") is "partial": its part up
// to that first period is looked for backwards, then the whole exception
// forwards from there, as are all exceptions that begin with such a part
// ("U." itself, once "U.S." is in the list). The others are looked for
// backwards only. Strings are UTF-16, as ICU's tries; `backward` holds the
// reversed strings, valued `partial` for the parts, `match` for the others.
struct sentence_exceptions {
  static constexpr int match = 0, partial = 1;
  u16_trie backward, forward;
  bool ok = false;  // false: the data could not be read as ICU reads it; ICU must do it

  explicit sentence_exceptions(const char* lang) {
    UErrorCode status = U_ZERO_ERROR;
    UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", lang, &status);
    UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
    UResourceBundle* breaks = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
    std::vector<std::u16string> all;
    if (U_SUCCESS(status) && status != U_USING_DEFAULT_WARNING && status != U_USING_FALLBACK_WARNING) {
      for (int32_t i = 0, n = ures_getSize(breaks); i < n && U_SUCCESS(status); ++i) {
        int32_t len = 0;
        const UChar* u = ures_getStringByIndex(breaks, i, &len, &status);
        if (U_SUCCESS(status)) all.emplace_back(u, u + len);
      }
    }
    ures_close(breaks);
    ures_close(exceptions);
    ures_close(bundle);
    if (U_FAILURE(status) || all.empty()) return;
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (all.front().empty()) return;  // (not in ICU's data; its trie would match it anywhere)
    std::vector<std::u16string> parts;  // the parts up to the first period of the partial exceptions
    for (const auto& s : all) {
      const std::size_t dot = s.find(u'.');
      if (dot != std::u16string::npos && dot + 1 != s.size()) parts.push_back(s.substr(0, dot + 1));
    }
    std::sort(parts.begin(), parts.end());
    parts.erase(std::unique(parts.begin(), parts.end()), parts.end());
    for (const auto& s : all) {
      bool in_part = false;
      for (const auto& p : parts) in_part = in_part || s.compare(0, p.size(), p) == 0;
      if (in_part) forward.add(s, match);
      else backward.add(std::u16string(s.rbegin(), s.rend()), match);
    }
    for (const auto& p : parts) backward.add(std::u16string(p.rbegin(), p.rend()), partial);
    ok = true;
  }
  sentence_exceptions(const sentence_exceptions&) = delete;
  sentence_exceptions& operator=(const sentence_exceptions&) = delete;
};

// Whether ICU's filter drops the boundary at byte `k` of `para` (neither 0
// nor the end), as SimpleFilteredSentenceBreakIterator::breakExceptionAt
// decides: one space before the boundary is skipped, then the longest
// exception (backward string) ending there is looked for, code point by
// code point backwards while the trie may still match; a partial part found
// is checked forwards from its start: the text must go on as a forward
// string up to where the trie can go no further, or up to the paragraph's
// end (« av. J » at the end of a paragraph is the start of « av. J.-C. »).
bool exception_at(std::string_view para, std::size_t k, const sentence_exceptions& ex) {
  std::size_t p = k;
  if (para[p - 1] == ' ') --p;
  std::size_t best_at = std::string::npos;
  int best = -1;
  for (std::uint32_t at = 0; p > 0;) {
    int32_t i = static_cast<int32_t>(p);
    UChar32 c = 0;
    U8_PREV(para.data(), 0, i, c);
    p = static_cast<std::size_t>(i);
    if (c < 0 || c > 0xFFFF) return false;  // (latin paragraphs hold neither)
    at = ex.backward.step(at, static_cast<char16_t>(c));
    if (!at) break;  // no string goes on so
    if (ex.backward.value(at) >= 0) {
      best_at = p;
      best = ex.backward.value(at);
    }
    if (!ex.backward.longer(at)) break;
  }
  if (best_at == std::string::npos) return false;
  if (best == sentence_exceptions::match) return true;
  if (ex.forward.empty()) return false;
  bool matches = true;
  std::uint32_t at = 0;
  for (std::size_t q = best_at; q < para.size();) {
    int32_t i = static_cast<int32_t>(q);
    UChar32 c = 0;
    U8_NEXT(para.data(), i, static_cast<int32_t>(para.size()), c);
    q = static_cast<std::size_t>(i);
    if (c < 0 || c > 0xFFFF) return false;
    at = ex.forward.step(at, static_cast<char16_t>(c));
    matches = at != 0;  // (then the units read are a string or begin one)
    if (!at || !ex.forward.longer(at)) break;
  }
  return matches;
}

const sentence_exceptions* exceptions_for(std::string_view lang) {
  static const sentence_exceptions fr("fr"), en("en");
  const sentence_exceptions* ex = lang == "fr" ? &fr : lang == "en" ? &en : nullptr;
  return ex && ex->ok && sentence_class_table().usable ? ex : nullptr;
}

// The sentence boundaries of a paragraph whose code points latin_word_pieces
// knows (see latin_sentence_breaks). UAX #29 breaks only after a terminator
// (SB11: ATerm or STerm, then Close*, then Sp*): for each terminator, its
// one candidate boundary is after those closing marks and spaces, kept
// unless SB6 to SB8a join what follows. Returns false on a carriage return
// (a paragraph separator, left to ICU).
bool known_sentence_breaks(std::string_view para, const sentence_exceptions& ex, std::vector<std::size_t>& breaks) {
  const sentence_classes& sc = sentence_class_table();
  const std::size_t n = para.size();
  breaks.clear();
  // The class of the code point at byte i, and where the next one starts.
  auto at = [&](std::size_t i, std::size_t* next) {
    const auto b = static_cast<unsigned char>(para[i]);
    if (b < 0x80) {
      *next = i + 1;
      return static_cast<int>(sc.low[b]);
    }
    return sc.of(decode(para, i, next));
  };
  for (std::size_t t = find_candidate(para.data(), 0, n); t < n; t = find_candidate(para.data(), t + 1, n)) {
    const auto b = static_cast<unsigned char>(para[t]);
    if (sc.scan[b] == 0) continue;
    if (sc.scan[b] == 2) return false;
    const bool aterm = sc.low[b] == U_SB_ATERM;
    std::size_t next = 0;
    if (aterm && t + 1 < n) {
      const int c = at(t + 1, &next);
      if (c == U_SB_NUMERIC) continue;  // SB6: ATerm × Numeric (« 4.5 »)
      if (c == U_SB_UPPER && t > 0) {   // SB7: (Upper | Lower) ATerm × Upper (« U.S »)
        int32_t i = static_cast<int32_t>(t);
        UChar32 prev = 0;
        U8_PREV(para.data(), 0, i, prev);
        const int p = prev < 0 ? U_SB_OTHER : sc.of(static_cast<std::uint32_t>(prev));
        if (p == U_SB_UPPER || p == U_SB_LOWER) continue;
      }
    }
    std::size_t k = t + 1;
    while (k < n && at(k, &next) == U_SB_CLOSE) k = next;
    while (k < n && at(k, &next) == U_SB_SP) k = next;
    if (k == n) continue;  // the paragraph's end: always the last boundary
    const int c = at(k, &next);
    if (c == U_SB_SCONTINUE || c == U_SB_ATERM || c == U_SB_STERM) continue;  // SB8a
    if (aterm) {  // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower
      int d = c;
      for (std::size_t m = k; d != U_SB_OLETTER && d != U_SB_UPPER && d != U_SB_LOWER && d != U_SB_ATERM &&
                              d != U_SB_STERM && d != U_SB_CR;) {
        m = next;
        if (m == n) break;
        d = at(m, &next);
      }
      if (d == U_SB_LOWER) continue;
    }
    if (!exception_at(para, k, ex)) breaks.push_back(k);
  }
  breaks.push_back(n);
  return true;
}

}  // namespace

bool latin_sentence_breaks(std::string_view para, std::string_view lang, std::vector<std::size_t>& breaks) {
  const sentence_exceptions* ex = exceptions_for(lang);
  thread_local std::vector<std::pair<std::size_t, std::size_t>> pieces;
  if (!ex || para.empty() || !latin_word_pieces(para, pieces)) return false;
  return known_sentence_breaks(para, *ex, breaks);
}

std::string lower_utf8(std::string_view s) {
  // Fast path for ASCII, Latin-1 letters (C3 80..BF: À..ÿ) and code points
  // lower_code_point can lower-case alone, which make nearly all French and
  // English text; ICU for everything else. The fast path never lengthens
  // the text: it writes into a buffer of the input's size, then trims it.
  std::string out(s.size(), '\0');
  char* o = out.data();
  bool simple = true;
  std::size_t i = 0;
  // ASCII eight bytes at a time: a byte in 'A'..'Z' (at least 'A', not above
  // 'Z', both read from the high bit of a sum that cannot carry into the next
  // byte) gains 0x20.
  for (constexpr std::uint64_t high = 0x8080808080808080ull; i + 8 <= s.size(); i += 8, o += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    if (x & high) break;
    const std::uint64_t upper = (x + 0x3F3F3F3F3F3F3F3Full) & ~(x + 0x2525252525252525ull) & high;
    x |= upper >> 2;
    std::memcpy(o, &x, 8);
  }
  for (; i < s.size() && simple; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      *o++ = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (c == 0xC3 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      auto d = static_cast<unsigned char>(s[++i]);
      // U+00C0..U+00DE are upper-case letters (but U+00D7 ×); lower is +0x20.
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      *o++ = static_cast<char>(c);
      *o++ = static_cast<char>(d);
    } else {
      std::size_t written = 0;
      UChar32 cp = 0;
      std::size_t read = lower_code_point(s, i, o, &written, &cp);
      if (!read) {
        simple = false;
      } else {
        o += written;
        i += read - 1;
      }
    }
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  if (simple) return out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.toLower(icu::Locale::getRoot());
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(static_cast<UChar32>('\'')));
  u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), icu::UnicodeString(static_cast<UChar32>('\'')));
  out.clear();
  u.toUTF8String(out);
  return out;
}

std::size_t code_points(std::string_view s, std::size_t n) {
  n = std::min(n, s.size());
  // n minus the continuation bytes (10xxxxxx), eight bytes at a time.
  std::size_t continuation = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    std::uint64_t m = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;  // 1 in each continuation byte
    continuation += static_cast<std::size_t>((m * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++continuation;
  return n - continuation;
}

struct segmenter::icu_state {
  static inline std::atomic<std::uint64_t> count{0};
  const std::uint64_t serial = ++count;  // never 0: tells segmenters apart in the per-thread clones
  std::unique_ptr<icu::BreakIterator> sentences, words;
  std::mutex mutex;  // guards the prototypes while cloning
  // The sentence iterator's exceptions, for latin paragraphs' boundaries
  // without ICU (nullptr: ICU gives them all).
  const sentence_exceptions* exceptions = nullptr;
  // Bit k set when an abbreviation ending with a period is k + 1 bytes
  // long (k < 64; bit 63 for all longer ones): the words that may be one,
  // by their length, read before the list.
  std::uint64_t abbreviation_lengths = 0;
};

namespace {

// A paragraph opened for ICU. Valid UTF-8 is given to ICU as UTF-16 (ICU
// walks UTF-16 text much faster than UTF-8 text, which it converts chunk by
// chunk), with the byte offset of each UTF-16 unit; anything else as UTF-8.
// The code points are the same either way, hence the boundaries.
struct paragraph_text {
  UText text = UTEXT_INITIALIZER;
  std::vector<UChar> units;
  std::vector<std::uint32_t> offsets;  // UTF-16 index -> byte offset in the paragraph
  bool utf16 = false;
  paragraph_text() = default;
  paragraph_text(const paragraph_text&) = delete;
  paragraph_text& operator=(const paragraph_text&) = delete;
  ~paragraph_text() { utext_close(&text); }

  void open(std::string_view para) {
    UErrorCode status = U_ZERO_ERROR;
    utf16 = to_utf16(para);
    if (utf16) utext_openUChars(&text, units.data(), static_cast<int64_t>(offsets.size() - 1), &status);
    else utext_openUTF8(&text, para.data(), static_cast<int64_t>(para.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU segmentation: ") + u_errorName(status));
  }
  // Byte offset in the paragraph of a boundary ICU gave.
  std::size_t byte(int32_t boundary) const {
    return utf16 ? offsets[static_cast<std::size_t>(boundary)] : static_cast<std::size_t>(boundary);
  }

 private:
  bool to_utf16(std::string_view para) {
    units.resize(para.size());  // never more UTF-16 units than bytes
    offsets.resize(para.size() + 1);
    std::size_t k = 0;
    for (std::size_t i = 0; i < para.size();) {
      auto c = static_cast<unsigned char>(para[i]);
      if (c < 0x80) {
        units[k] = c;
        offsets[k++] = static_cast<std::uint32_t>(i++);
        continue;
      }
      UChar32 cp = 0;
      int32_t pos = static_cast<int32_t>(i);
      U8_NEXT(para.data(), pos, static_cast<int32_t>(para.size()), cp);
      if (cp < 0 || U_IS_SURROGATE(cp)) return false;
      if (cp <= 0xFFFF) {
        units[k] = static_cast<UChar>(cp);
        offsets[k++] = static_cast<std::uint32_t>(i);
      } else {
        units[k] = U16_LEAD(cp);
        offsets[k++] = static_cast<std::uint32_t>(i);
        units[k] = U16_TRAIL(cp);
        offsets[k++] = static_cast<std::uint32_t>(i);
      }
      i = static_cast<std::size_t>(pos);
    }
    offsets[k] = static_cast<std::uint32_t>(para.size());
    offsets.resize(k + 1);
    return true;
  }
};

// ICU iterators cloned from one segmenter's prototypes, kept by each thread
// for its later calls (cloning costs about as much as segmenting a short
// text), with a UText reopened on each paragraph without allocating.
struct thread_iterators {
  std::uint64_t owner = 0;
  std::unique_ptr<icu::BreakIterator> sentences, words;
  paragraph_text text;
};

}  // namespace

segmenter::segmenter(const std::string& lang, std::vector<std::string> detached,
                     std::vector<std::string> abbreviations)
    : icu_(std::make_unique<icu_state>()), detached_(std::move(detached)), abbreviations_(std::move(abbreviations)) {
  UErrorCode status = U_ZERO_ERROR;
  std::string base = lang == "en" ? "en" : "fr";
  icu_->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale((base + "@ss=standard").c_str()), status));
  icu_->words.reset(icu::BreakIterator::createWordInstance(icu::Locale(base.c_str()), status));
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU break iterators: ") + u_errorName(status));
  icu_->exceptions = exceptions_for(base);
  for (const auto& a : abbreviations_)
    if (!a.empty() && a.back() == '.') icu_->abbreviation_lengths |= 1ull << std::min<std::size_t>(a.size() - 1, 63);
}

segmenter::~segmenter() = default;

namespace {

// This thread's clones of the segmenter's iterators (a few segmenters per
// thread: the least recently cloned one makes room).
thread_iterators& iterators_for(std::uint64_t serial, icu::BreakIterator& sentences, icu::BreakIterator& words,
                                std::mutex& mutex) {
  thread_local std::array<thread_iterators, 4> slots;
  thread_local std::size_t next_slot = 0;
  for (auto& s : slots)
    if (s.owner == serial) return s;
  thread_iterators& s = slots[next_slot];
  next_slot = (next_slot + 1) % slots.size();
  s.owner = 0;
  {
    std::lock_guard<std::mutex> lock(mutex);
    s.sentences.reset(sentences.clone());
    s.words.reset(words.clone());
  }
  if (!s.sentences || !s.words) throw std::runtime_error("ICU segmentation: cannot clone the break iterators");
  s.owner = serial;
  return s;
}

}  // namespace

namespace {

// The bytes before a token that give it space_before: space, tab and any
// byte of a code point that is not ASCII (no-break spaces, but also « and ’).
constexpr std::array<bool, 256> after_space = [] {
  std::array<bool, 256> a{};
  a[' '] = a['\t'] = true;
  for (std::size_t c = 0x80; c < a.size(); ++c) a[c] = true;
  return a;
}();

// Whether the word [b, e) of text, after a hyphen, stays apart from the
// word before it (« a-t-il », « Chicago-based »): its lower case is a clitic
// or one of `detached`. Its lower case is made on the stack for a short
// ASCII word (as lower_utf8 lower-cases ASCII), else by lower_utf8 into
// `scratch`.
bool detached_after_hyphen(std::string_view text, std::size_t b, std::size_t e, const std::vector<std::string>& detached,
                           std::string& scratch) {
  const std::string_view next = text.substr(b, e - b);
  char buf[16];
  std::string_view lower_next;
  if (next.size() <= sizeof buf &&
      std::all_of(next.begin(), next.end(), [](char ch) { return static_cast<unsigned char>(ch) < 0x80; })) {
    for (std::size_t k = 0; k < next.size(); ++k) buf[k] = ascii_lower[static_cast<unsigned char>(next[k])];
    lower_next = std::string_view(buf, next.size());
  } else {
    scratch = lower_utf8(next);
    lower_next = scratch;
  }
  bool clitic = false;
  for (auto c : clitics) clitic = clitic || lower_next == c;
  for (const auto& d : detached) clitic = clitic || lower_next == d;
  return clitic;
}

// Appends the token [begin, end) of text (hyphenated words already joined),
// or the two tokens an elision (« l'entreprise ») or a possessive
// (« Apple's ») splits it into. space_before(b): whether white space (or
// the paragraph's start) is before byte b.
template <class SpaceBefore>
[[gnu::always_inline]] inline void add_word(std::string_view text, std::size_t begin, std::size_t end,
                                            const SpaceBefore& space_before, std::vector<token>& tokens) {
  append_token(text, begin, end, space_before(begin), tokens);
  const std::string& lower = tokens.back().lower;
  std::size_t cut = std::string::npos;
  // Every elision ends with its only apostrophe: the one candidate is the
  // part up to the first apostrophe, looked for among the first
  // max_elision bytes only (no elision ends further), inline rather than
  // with std::string::find and memchr; not at all unless the form begins
  // as an elision does.
  const std::size_t scan = lower.empty() || !elision_initial[static_cast<unsigned char>(lower[0])] ? 0 : std::min(lower.size(), max_elision);
  const auto apostrophe = static_cast<std::size_t>(std::find(lower.data(), lower.data() + scan, '\'') - lower.data());
  if (apostrophe < scan && apostrophe + 1 < lower.size()) {
    std::string_view head(lower.data(), apostrophe + 1);
    for (auto el : elisions) {
      if (head == el) {
        // Byte length of the elided part in the original text (’ is 3 bytes).
        cut = begin;
        for (std::size_t k = 0; k < el.size(); ++k) decode(text, cut, &cut);
        break;
      }
    }
  }
  if (cut == std::string::npos) {
    std::size_t n = lower.size();
    if (n > 2 && lower.compare(n - 2, 2, "'s") == 0) {
      cut = end - 2;
      if (end >= 4 && static_cast<unsigned char>(text[end - 2]) == 0x99) cut = end - 4;  // ’s
    }
  }
  if (cut != std::string::npos) {  // two tokens from one: [begin, cut) and [cut, end)
    tokens.pop_back();
    append_split_token(text, begin, cut, space_before(begin), tokens);
    append_split_token(text, cut, end, space_before(cut), tokens);
  }
}

// Appends the tokens of the paragraph of text starting at para_begin, whose
// word pieces are `raw` when latin_raw_pieces could find them (`latin`);
// else ICU's word iterator finds them in `pt`, which must be open on the
// paragraph. (Latin paragraphs take latin_paragraph_tokens, which gives the
// same tokens in one pass; this path is their reference in the tests.)
void paragraph_tokens(std::string_view text, std::size_t para_begin, bool latin, std::vector<piece>& raw,
                      icu::BreakIterator& wbi, paragraph_text& pt, const std::vector<std::string>& detached,
                      std::vector<token>& tokens) {
  if (!latin) {
    UErrorCode status = U_ZERO_ERROR;
    wbi.setText(&pt.text, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU segmentation: ") + u_errorName(status));
    raw.clear();
    int32_t p = wbi.first();
    for (int32_t q = wbi.next(); q != icu::BreakIterator::DONE; p = q, q = wbi.next()) {
      piece pc{para_begin + pt.byte(p), para_begin + pt.byte(q), false, false};
      if (all_space(text, pc.begin, pc.end)) continue;
      word_flags(text.substr(pc.begin, pc.end - pc.begin), &pc.punct, &pc.digit);
      raw.push_back(pc);
    }
  }
  // Hyphenated words joined first (« Marcy-l’Étoile »), then the elision and possessive splits.
  auto space_before = [&](std::size_t b) {
    return b == para_begin || after_space[static_cast<unsigned char>(text[b - 1])];  // (b > para_begin >= 0)
  };
  std::string scratch;
  // (raw's size and data read once: the tokens' bytes written below could
  // otherwise be the vector's own fields, for the compiler)
  const piece* const rp = raw.data();
  const std::size_t count = raw.size();
  for (std::size_t i = 0; i < count; ++i) {
    const piece& first = rp[i];
    std::size_t end = first.end;
    while (i + 2 < count && !first.punct && rp[i + 1].end - rp[i + 1].begin == 1 &&
           text[rp[i + 1].begin] == '-' && !rp[i + 2].punct && rp[i + 1].begin == end &&
           rp[i + 2].begin == rp[i + 1].end && !rp[i + 2].digit && !first.digit) {
      if (detached_after_hyphen(text, rp[i + 2].begin, rp[i + 2].end, detached, scratch)) break;
      end = rp[i + 2].end;
      i += 2;
    }
    add_word(text, first.begin, end, space_before, tokens);
  }
}

// The flags word_flags gives a piece latin_pieces finds at byte b of text
// (of class k, its first code point's): for an ASCII first byte, that
// byte's class tells (a piece of more than one code point starts with a
// letter or a digit), as in latin_raw_pieces.
inline void latin_piece_flags(std::string_view text, std::size_t b, std::size_t e, word_class k, bool* punct,
                              bool* digit) {
  if (static_cast<unsigned char>(text[b]) < 0x80) {
    *punct = !letter_or_digit(k);
    *digit = k == word_class::numeric;
  } else {
    word_flags(text.substr(b, e - b), punct, digit);
  }
}

#if defined(__SSE2__)
// The letters and digits that begin the sixteen bytes at p, ASCII or
// Latin-1 (U+00C0..U+00FF but × and ÷: C3 80..BF, which latin_pieces takes
// for letters): their length in bytes (16 when all sixteen bytes are
// such), and the surface flags fast_surface gives them (which lower-cases
// C3 80..9E but 97 by adding 0x20 to the second byte, as ASCII capitals).
// `lower` gets their lower case, then the other bytes as they are.
struct word_run {
  std::size_t length;
  surface_flags flags;
};

[[gnu::always_inline]] inline word_run word_run_at(const unsigned char* p, char* lower) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto bytes = [](unsigned c) { return _mm_set1_epi8(static_cast<char>(c)); };
  // Bytes in lo..hi: (byte - lo) modulo 256 below hi - lo + 1, compared as
  // signed bytes once 0x80 is added to both sides.
  auto in_range = [&](unsigned lo, unsigned hi) {
    return _mm_cmplt_epi8(_mm_add_epi8(v, bytes(0x80 - lo)), bytes(0x80 + hi - lo + 1));
  };
  const __m128i up = in_range('A', 'Z'), low = in_range('a', 'z'), dig = in_range('0', '9');
  // Latin-1 letters, marked on their second byte: 80..BF after a C3, but
  // 97 and B7 (the same but for bit 0x20); capitals up to 9E.
  const __m128i after_c3 = _mm_slli_si128(_mm_cmpeq_epi8(v, bytes(0xC3)), 1);
  const __m128i not_letters = _mm_cmpeq_epi8(_mm_andnot_si128(bytes(0x20), v), bytes(0x97));
  const __m128i latin = _mm_andnot_si128(not_letters, _mm_and_si128(after_c3, in_range(0x80, 0xBF)));
  const __m128i latin_up = _mm_and_si128(latin, in_range(0x80, 0x9E));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(lower),
                   _mm_or_si128(v, _mm_and_si128(_mm_or_si128(up, latin_up), bytes(0x20))));
  const auto latin_bits = static_cast<unsigned>(_mm_movemask_epi8(latin));
  const auto latin_upper_bits = static_cast<unsigned>(_mm_movemask_epi8(latin_up));
  const unsigned upper_bits = static_cast<unsigned>(_mm_movemask_epi8(up)) | latin_upper_bits;
  const unsigned lower_bits = static_cast<unsigned>(_mm_movemask_epi8(low)) | (latin_bits & ~latin_upper_bits);
  const auto digit_bits = static_cast<unsigned>(_mm_movemask_epi8(dig));
  const unsigned alnum = upper_bits | lower_bits | digit_bits;  // (one bit a code point: the last byte's)
  const auto length = static_cast<std::size_t>(std::countr_one(alnum | latin_bits >> 1));  // (16 when all are)
  const unsigned in_run = (1u << length) - 1;
  const unsigned first = alnum & (~alnum + 1);  // the first letter or digit (bit 0 or 1 when length > 0)
  word_run r;
  r.length = length;
  r.flags.cap = upper_bits & first;
  r.flags.digit = digit_bits & first;
  r.flags.punct = false;
  const unsigned letters = (upper_bits | lower_bits) & in_run;
  r.flags.upper = (letters & (letters - 1)) != 0 && !(lower_bits & in_run);  // (at least two letters, none lower case)
  return r;
}

// word_run_at() for the last `left` (< 16) bytes of a text, at p: on a
// copy of them followed by zeros (neither letters nor digits).
[[gnu::noinline]] word_run word_run_near_end(const unsigned char* p, std::size_t left, char* lower) {
  alignas(16) unsigned char tail[16] = {};
  std::memcpy(tail, p, left);
  return word_run_at(tail, lower);
}
#endif

// Whether word_end(p, n, i + 1, k) is `end`, for a piece [i, end) of
// ASCII letters and digits whose last one is of class `last` (end <= n):
// when the code point at `end` is white space, or punctuation that joins
// nothing, or a mark that joins letters (digits) not followed by a letter
// (digit). For a letter piece, a hyphen is no end: it may join two words.
// False (word_end must tell) for anything else, ASCII or not.
inline bool ascii_word_ends(const unsigned char* p, std::size_t n, std::size_t end, word_class first, word_class last) {
  if (end == n) return true;
  const unsigned char b = p[end];
  if (b >= 0x80) {  // (« — € or a no-break space end it; a letter or ’ may go on)
    std::size_t next = 0;
    const word_class kb = multibyte_class_at(p, n, end, &next);
    return kb == word_class::space || kb == word_class::other;
  }
  const word_class kb = ascii_word_classes[b];
  if (kb == word_class::space) return true;
  if (kb == word_class::other) return !(b == '-' && first == word_class::letter);
  if (kb == word_class::unknown) return false;
  if (!(last == word_class::letter ? mid_letter(kb) : mid_num(kb))) return true;
  // A mark that may join: the piece ends unless the next code point is of
  // the class of the last one (or one word_end must read).
  if (end + 1 == n) return true;
  const unsigned char c = p[end + 1];
  return c < 0x80 && ascii_word_classes[c] != last && ascii_word_classes[c] != word_class::unknown;
}

// Whether `head` followed by an apostrophe is one of the elisions.
inline bool is_elision(std::string_view head) {
  for (auto el : elisions)
    if (el.size() == head.size() + 1 && el.compare(0, head.size(), head) == 0) return true;
  return false;
}

// The ASCII punctuation marks latin_pieces knows: each is a piece of its
// own when it does not join letters or digits, which the scan reads first.
constexpr std::array<bool, 256> ascii_punctuation = [] {
  std::array<bool, 256> a{};
  for (std::size_t c = 0; c < 128; ++c) {
    const word_class k = ascii_word_classes[c];
    a[c] = k == word_class::other || k == word_class::mid_num_let || k == word_class::mid_num || k == word_class::single_quote;
  }
  return a;
}();

// The surface flags of a punctuation mark (fast_surface's for it).
constexpr surface_flags punctuation_flags{false, false, false, true};

// latin_raw_pieces() then paragraph_tokens() in one pass, without the
// pieces' vector: appends the tokens of the paragraph of text starting at
// para_begin, `para`. Each piece is found where the last one ended (pieces
// depend on nothing before them); a hyphen right after a word is followed
// by a look at the piece after it, which is found again when it is not
// joined. Returns false, having appended nothing, when the paragraph holds
// a code point latin_word_pieces does not know (ICU must segment it).
bool latin_paragraph_tokens(std::string_view text, std::size_t para_begin, std::string_view para,
                            const std::vector<std::string>& detached, std::vector<token>& tokens) {
  const auto* p = reinterpret_cast<const unsigned char*>(para.data());
  const std::size_t n = para.size();
  const std::size_t first_token = tokens.size();
  auto space_before = [&](std::size_t b) {
    return b == para_begin || after_space[static_cast<unsigned char>(text[b - 1])];  // (b > para_begin >= 0)
  };
  std::string scratch;
#if defined(__SSE2__)
  // word_run_at(p + j): on a copy of the text's last bytes followed by
  // zeros (neither letters nor digits) near its end.
  auto run_at = [&](std::size_t j, char* lower) {
    const std::size_t left = text.size() - para_begin - j;
    return left >= 16 ? word_run_at(p + j, lower) : word_run_near_end(p + j, left, lower);
  };
#endif
  std::size_t i = 0, next = 0;
  while (i < n) {
    if (p[i] == ' ') {  // (the most common white space, read without its class)
      ++i;
      continue;
    }
    const std::size_t start = i;
#if defined(__SSE2__)
    // Most pieces: a word of at most short_token bytes of ASCII and
    // Latin-1 letters and digits, ending before white space or punctuation
    // that joins nothing (ascii_word_ends); its lower case and flags read
    // at once, sixteen bytes at a time.
    if (ascii_alnum[p[i]] || p[i] == 0xC3) {
      alignas(16) char lower[16];
      const word_run r = run_at(i, lower);
      const std::size_t end = i + r.length;  // (p[n] is '\n' if the text goes on: never in the run)
      auto class_of_byte = [&](std::size_t j) { return p[j] < 0x80 ? ascii_word_classes[p[j]] : word_class::letter; };
      if (r.length != 0 && r.length <= short_token && ascii_word_ends(p, n, end, class_of_byte(i), class_of_byte(end - 1))) {
        append_known_token(para_begin + start, para_begin + end, space_before(para_begin + start), lower, r.length,
                           r.flags, tokens);
        i = end + (end < n && p[end] == ' ');  // (the space most words are followed by, skipped as above)
        continue;
      }
      // « l’entreprise », « qu'il »: the run, an apostrophe (' ’ ‘) and a
      // run of letters are one piece (WB6, WB7), which add_word splits
      // after the apostrophe when the run and it are an elision; when that
      // second run ends the piece, the two tokens are appended here.
      const std::size_t apostrophe =
          r.length == 0 || r.length >= max_elision || end == n ? 0
          : p[end] == '\''                                     ? 1
          : end + 3 < n && p[end] == 0xE2 && p[end + 1] == 0x80 && (p[end + 2] == 0x98 || p[end + 2] == 0x99) ? 3
                                                                                                           : 0;
      const std::size_t rest = end + apostrophe;
      if (apostrophe != 0 && rest < n && is_elision(std::string_view(lower, r.length))) {
        alignas(16) char lower2[16];
        const word_run r2 = run_at(rest, lower2);
        const std::size_t end2 = rest + r2.length;
        if (r2.length != 0 && r2.length <= short_token && class_of_byte(rest) == word_class::letter &&
            ascii_word_ends(p, n, end2, word_class::letter, class_of_byte(end2 - 1))) {
          append_split_token(text, para_begin + start, para_begin + rest, space_before(para_begin + start), tokens);
          append_known_token(para_begin + rest, para_begin + end2, space_before(para_begin + rest), lower2, r2.length,
                             r2.flags, tokens);
          i = end2;
          continue;
        }
      }
    }
#endif
    if (ascii_punctuation[p[i]]) {  // a piece of its own; no letter, no apostrophe: never joined nor split
      const char lower[16] = {static_cast<char>(p[i])};
      append_known_token(para_begin + start, para_begin + start + 1, space_before(para_begin + start), lower, 1,
                         punctuation_flags, tokens);
      ++i;
      continue;
    }
    const word_class k = class_at(p, n, i, &next);
    if (p[i] >= 0x80 && (k == word_class::other || k == word_class::mid_num_let)) {
      // Punctuation not ASCII (« — € ’): a piece of one code point, with no
      // case (’ and ‘ are lower-cased to '); never joined nor split.
      char lower[16] = {};
      std::size_t size = next - i;
      if (k == word_class::mid_num_let) lower[0] = '\'', size = 1;  // (’ ‘: the only such code points latin_pieces knows)
      else std::memcpy(lower, p + i, size);
      append_known_token(para_begin + start, para_begin + next, space_before(para_begin + start), lower, size,
                         punctuation_flags, tokens);
      i = next;
      continue;
    }
    if (k == word_class::space) {
      i = next;
      continue;
    }
    if (k == word_class::unknown) break;
    std::size_t end = next;
    if (letter_or_digit(k)) {
      end = word_end(p, n, next, k);
      if (end == no_piece) break;
      // Hyphenated words, as paragraph_tokens joins them: a word piece,
      // then the piece '-' (a hyphen is always one of its own), then a
      // piece right after it with neither flag punct nor digit, are one
      // token, unless that last one is a clitic or a detached word. (Only
      // a piece of letters or digits may join; one starting with an ASCII
      // digit never does.)
      if (k == word_class::letter || static_cast<unsigned char>(text[para_begin + start]) >= 0x80) {
        bool first_punct = false, first_digit = false;
        latin_piece_flags(text, para_begin + start, para_begin + end, k, &first_punct, &first_digit);
        while (!first_punct && !first_digit && end + 1 < n && p[end] == '-') {
          std::size_t after = 0;
          const word_class k2 = class_at(p, n, end + 1, &after);
          if (k2 == word_class::space || k2 == word_class::unknown) break;  // (not adjacent; or found again below)
          std::size_t end2 = after;
          if (letter_or_digit(k2)) {
            end2 = word_end(p, n, after, k2);
            if (end2 == no_piece) break;  // (found again below)
          }
          bool punct2 = false, digit2 = false;
          latin_piece_flags(text, para_begin + end + 1, para_begin + end2, k2, &punct2, &digit2);
          if (punct2 || digit2) break;
          if (detached_after_hyphen(text, para_begin + end + 1, para_begin + end2, detached, scratch)) break;
          end = end2;
        }
      }
    }
    add_word(text, para_begin + start, para_begin + end, space_before, tokens);
    i = end;
  }
  if (i < n) {
    tokens.resize(first_token);
    return false;
  }
  return true;
}

}  // namespace

std::vector<token> segmenter::words(std::string_view text, bool piecewise) const {
  thread_iterators& it = iterators_for(icu_->serial, *icu_->sentences, *icu_->words, icu_->mutex);
  thread_local std::vector<piece> raw;  // word pieces, white space dropped
  std::vector<token> tokens;
  tokens.reserve(text.size() / 5 + 8);
  std::size_t para_begin = 0;
  while (para_begin < text.size()) {
    std::size_t para_end = text.find('\n', para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    if (para_end > para_begin) {
      const std::string_view para = text.substr(para_begin, para_end - para_begin);
      if (piecewise) {
        const bool latin = latin_raw_pieces(text, para_begin, para, raw);
        if (!latin) it.text.open(para);
        paragraph_tokens(text, para_begin, latin, raw, *it.words, it.text, detached_, tokens);
      } else if (!latin_paragraph_tokens(text, para_begin, para, detached_, tokens)) {
        it.text.open(para);
        paragraph_tokens(text, para_begin, false, raw, *it.words, it.text, detached_, tokens);
      }
    }
    para_begin = para_end + 1;
  }
  return tokens;
}

std::vector<token> segmenter::words(std::string_view text) const { return words(text, false); }

std::vector<token> segmenter::piecewise_words(std::string_view text) const { return words(text, true); }

segmented segmenter::segment(std::string_view text) const {
  thread_iterators& it = iterators_for(icu_->serial, *icu_->sentences, *icu_->words, icu_->mutex);
  icu::BreakIterator& sbi = *it.sentences;
  thread_local std::vector<piece> raw;            // word pieces, white space dropped
  thread_local std::vector<std::size_t> breaks;                         // sentence boundaries (bytes of the paragraph)
  segmented out;
  out.tokens.reserve(text.size() / 5 + 8);  // about one token per five bytes of news text
  out.sentences.reserve(text.size() / 64 + 4);  // (a sentence of news text: about 120 bytes)
  std::size_t para_begin = 0;
  while (para_begin < text.size()) {
    std::size_t para_end = text.find('\n', para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    if (para_end > para_begin) {
      std::size_t first = out.tokens.size();
      const std::string_view para = text.substr(para_begin, para_end - para_begin);
      // Latin paragraphs (nearly all) are segmented without ICU, words and
      // sentences; the others are opened for ICU's iterators.
      const bool latin = latin_paragraph_tokens(text, para_begin, para, detached_, out.tokens);
      const bool icu_sentences = !latin || !icu_->exceptions || !known_sentence_breaks(para, *icu_->exceptions, breaks);
      if (icu_sentences) it.text.open(para);
      if (!latin) paragraph_tokens(text, para_begin, false, raw, *it.words, it.text, detached_, out.tokens);
      // Sentences of the paragraph ending at byte `se`; tokens assigned by position.
      std::size_t ti = first;
      const token* const toks = out.tokens.data();  // (no token is added while sentences are)
      const std::size_t tok_count = out.tokens.size();
      auto sentence_to = [&](std::size_t se) {
        sentence s;
        s.tok_begin = ti;
        while (ti < tok_count && toks[ti].begin < se) ++ti;
        s.tok_end = ti;
        if (s.tok_end == s.tok_begin) return;
        s.begin = out.tokens[s.tok_begin].begin;
        s.end = out.tokens[s.tok_end - 1].end;
        // ICU breaks after "U.S." or "Corp." before a capital: join such a
        // sentence to the one before when that one ends with an abbreviation.
        if (!out.sentences.empty() && s.tok_begin != first) {
          const sentence& prev = out.sentences.back();
          if (prev.tok_end - prev.tok_begin >= 2 && out.tokens[prev.tok_end - 1].lower == ".") {
            const std::string& word = out.tokens[prev.tok_end - 2].lower;
            bool abbreviation = false;
            if (icu_->abbreviation_lengths >> std::min<std::size_t>(word.size(), 63) & 1)
              for (const auto& a : abbreviations_)
                if (a.size() == word.size() + 1 && a.back() == '.' && a.compare(0, word.size(), word) == 0) {
                  abbreviation = true;
                  break;
                }
            if (abbreviation) {
              out.sentences.back().tok_end = s.tok_end;
              out.sentences.back().end = s.end;
              return;
            }
          }
        }
        out.sentences.push_back(s);
      };
      if (!icu_sentences) {
        for (std::size_t b : breaks) sentence_to(para_begin + b);
      } else {
        UErrorCode status = U_ZERO_ERROR;
        sbi.setText(&it.text.text, status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU segmentation: ") + u_errorName(status));
        sbi.first();
        for (int32_t sq = sbi.next(); sq != icu::BreakIterator::DONE; sq = sbi.next())
          sentence_to(para_begin + it.text.byte(sq));
      }
      out.tokens.resize(ti);  // (every token is in a sentence: ICU's last boundary is the paragraph's end)
      if (ti > first) out.tokens[first].para_start = true;
    }
    para_begin = para_end + 1;
  }
  return out;
}

}  // namespace econkg
