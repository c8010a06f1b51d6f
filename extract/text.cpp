#include "extract/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <atomic>
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
// first letter-or-digit a digit (digit). Same answers as classify().
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

// Lower-cases s into out along lower_utf8's fast path (lower_code_point for
// what is not ASCII) and fills t's surface flags from the same bytes (as
// classify_flags would); returns false (out and t unspecified) when a byte
// sequence needs ICU's string lower-casing.
bool fast_surface(std::string_view s, std::string& out, token& t) {
  out.resize(s.size());  // the fast path never lengthens
  char* o = out.data();
  std::size_t n = 0;
  bool any_letter = false, any_digit = false, all_upper = true, cap = false, digit = false;
  int letters = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool alpha, upper, title = false, dig;
    if (c < 0x80) {
      upper = c >= 'A' && c <= 'Z';
      alpha = upper || (c >= 'a' && c <= 'z');
      o[n++] = static_cast<char>(upper ? c - 'A' + 'a' : c);
      if (!alpha) {
        if (c >= '0' && c <= '9') {
          if (!any_letter && !any_digit) digit = true;
          any_digit = true;
        }
        continue;
      }
    } else if (c == 0xC3 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      auto d = static_cast<unsigned char>(s[++i]);
      // U+00C0..U+00DE are upper-case letters (but U+00D7 ×), U+00DF..U+00FF
      // lower-case letters (but U+00F7 ÷); lower is +0x20.
      alpha = d != 0x97 && d != 0xB7;
      upper = d <= 0x9E && d != 0x97;
      o[n++] = static_cast<char>(c);
      o[n++] = static_cast<char>(upper ? d + 0x20 : d);
      if (!alpha) continue;
    } else {
      std::size_t written = 0;
      UChar32 cp = 0;
      std::size_t read = lower_code_point(s, i, o + n, &written, &cp);
      if (!read) return false;
      n += written;
      i += read - 1;
      alpha = u_isalpha(cp);
      upper = u_isupper(cp);
      title = u_istitle(cp);
      dig = u_isdigit(cp);
      if (!alpha) {
        if (dig) {
          if (!any_letter && !any_digit) digit = true;
          any_digit = true;
        }
        continue;
      }
    }
    if (!any_letter && !any_digit) cap = upper || title;
    any_letter = true;
    ++letters;
    if (!upper) all_upper = false;
  }
  out.resize(n);
  t.cap = cap;
  t.digit = digit;
  t.upper = any_letter && all_upper && letters >= 2;
  t.punct = !any_letter && !any_digit;
  return true;
}

// Fills the lower-case form and the surface flags of a token from its bytes.
void classify(std::string_view text, token& t) {
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  if (fast_surface(s, t.lower, t)) return;
  t.cap = t.digit = t.upper = t.punct = false;
  t.lower = lower_utf8(s);
  classify_flags(s, t);
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

bool letter_or_digit(word_class k) { return k == word_class::letter || k == word_class::numeric; }
// What joins two letters (WB6, WB7) or two digits (WB11, WB12).
bool mid_letter(word_class k) { return k == word_class::mid_num_let || k == word_class::single_quote; }
bool mid_num(word_class k) { return k == word_class::mid_num || mid_letter(k); }

}  // namespace

bool latin_word_pieces(std::string_view para, std::vector<std::pair<std::size_t, std::size_t>>& pieces) {
  // The class of each code point and its byte offset (then the paragraph's
  // end), in buffers kept by the thread: never more code points than bytes.
  thread_local std::vector<word_class> classes;
  thread_local std::vector<std::uint32_t> offsets;
  if (classes.size() < para.size()) classes.resize(para.size());
  if (offsets.size() < para.size() + 1) offsets.resize(para.size() + 1);
  word_class* k = classes.data();
  std::uint32_t* at = offsets.data();
  std::size_t n = 0;
  for (std::size_t i = 0; i < para.size(); ++n) {
    at[n] = static_cast<std::uint32_t>(i);
    auto b = static_cast<unsigned char>(para[i]);
    if (b < 0x80) {
      k[n] = ascii_word_classes[b];
      ++i;
    } else {
      UChar32 cp = 0;
      int32_t pos = static_cast<int32_t>(i);
      U8_NEXT(para.data(), pos, static_cast<int32_t>(para.size()), cp);
      k[n] = cp < 0 ? word_class::unknown : class_of(static_cast<std::uint32_t>(cp));
      i = static_cast<std::size_t>(pos);
    }
    if (k[n] == word_class::unknown) return false;
  }
  at[n] = static_cast<std::uint32_t>(para.size());
  pieces.clear();
  // Whether ICU's rules keep code points i - 1 and i together; white space
  // never joins, so it stays in pieces of its own, dropped below.
  auto joined = [&](std::size_t i) {
    word_class a = k[i - 1], b = k[i];
    if (letter_or_digit(a) && letter_or_digit(b)) return true;  // WB5, WB8, WB9, WB10
    if (a == word_class::letter && mid_letter(b)) return i + 1 < n && k[i + 1] == word_class::letter;  // WB6
    if (b == word_class::letter && mid_letter(a)) return i >= 2 && k[i - 2] == word_class::letter;     // WB7
    if (a == word_class::numeric && mid_num(b)) return i + 1 < n && k[i + 1] == word_class::numeric;   // WB12
    if (b == word_class::numeric && mid_num(a)) return i >= 2 && k[i - 2] == word_class::numeric;      // WB11
    return false;
  };
  for (std::size_t start = 0, i = 1; start < n; ++i) {
    if (i < n && joined(i)) continue;
    if (k[start] != word_class::space) pieces.emplace_back(at[start], at[i]);
    start = i;
  }
  return true;
}

namespace {

// Whether ICU's sentence rules break paragraph `para` nowhere but at its end:
// they break only after a sentence terminator (UAX #29 SATerm) or a paragraph
// separator (SB4, SB11), and among the code points latin_word_pieces knows
// only '.', '?' and '!' are either ('\r', '\v' and '\f' are left to ICU).
// So: such code points only, terminators only in the run ending `para`.
bool one_sentence(std::string_view para) {
  static constexpr std::array<bool, 128> sentence_inside = [] {  // the ASCII code points allowed before the run
    std::array<bool, 128> ok{};
    for (std::size_t c = 0; c < ok.size(); ++c) ok[c] = ascii_word_classes[c] != word_class::unknown;
    for (char c : std::string_view(".?!\r\v\f")) ok[static_cast<unsigned char>(c)] = false;
    return ok;
  }();
  std::size_t end = para.size();
  while (end > 0 && (para[end - 1] == '.' || para[end - 1] == '?' || para[end - 1] == '!')) --end;
  for (std::size_t i = 0; i < end;) {
    auto b = static_cast<unsigned char>(para[i]);
    if (b < 0x80) {
      if (!sentence_inside[b]) return false;
      ++i;
      continue;
    }
    UChar32 cp = 0;
    int32_t pos = static_cast<int32_t>(i);
    U8_NEXT(para.data(), pos, static_cast<int32_t>(para.size()), cp);
    if (cp < 0 || class_of(static_cast<std::uint32_t>(cp)) == word_class::unknown) return false;
    i = static_cast<std::size_t>(pos);
  }
  return true;
}

}  // namespace

std::string lower_utf8(std::string_view s) {
  // Fast path for ASCII, Latin-1 letters (C3 80..BF: À..ÿ) and code points
  // lower_code_point can lower-case alone, which make nearly all French and
  // English text; ICU for everything else. The fast path never lengthens
  // the text: it writes into a buffer of the input's size, then trims it.
  std::string out(s.size(), '\0');
  char* o = out.data();
  bool simple = true;
  for (std::size_t i = 0; i < s.size() && simple; ++i) {
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

// A paragraph's word piece before the hyphen joins.
struct piece {
  std::size_t begin, end;
  bool punct, digit;
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

// Appends the tokens of paragraph [para_begin, para_end) of text. ICU's word
// iterator reads the paragraph from `pt`, opened on it first unless `opened`,
// when latin_word_pieces cannot segment it alone.
void paragraph_tokens(std::string_view text, std::size_t para_begin, std::size_t para_end, icu::BreakIterator& wbi,
                      paragraph_text& pt, bool opened, const std::vector<std::string>& detached,
                      std::vector<token>& tokens) {
  const std::string_view para = text.substr(para_begin, para_end - para_begin);
  thread_local std::vector<std::pair<std::size_t, std::size_t>> spans;  // word pieces, white space dropped
  const bool latin = latin_word_pieces(para, spans);
  if (!latin) {
    if (!opened) pt.open(para);
    UErrorCode status = U_ZERO_ERROR;
    wbi.setText(&pt.text, status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU segmentation: ") + u_errorName(status));
    spans.clear();
    int32_t p = wbi.first();
    for (int32_t q = wbi.next(); q != icu::BreakIterator::DONE; p = q, q = wbi.next()) {
      std::size_t b = pt.byte(p), e = pt.byte(q);
      if (!all_space(text, para_begin + b, para_begin + e)) spans.emplace_back(b, e);
    }
  }
  // Word pieces of the paragraph, with the flags the joins read.
  thread_local std::vector<piece> raw;
  raw.clear();
  for (auto [b, e] : spans) {
    piece pc{para_begin + b, para_begin + e, false, false};
    const auto lead = static_cast<unsigned char>(text[pc.begin]);
    if (latin && lead < 0x80) {
      // latin_word_pieces' pieces of more than one code point start with a
      // letter or a digit: the first byte's class gives word_flags' answer.
      const word_class k = ascii_word_classes[lead];
      pc.punct = !letter_or_digit(k);
      pc.digit = k == word_class::numeric;
    } else {
      word_flags(text.substr(pc.begin, pc.end - pc.begin), &pc.punct, &pc.digit);
    }
    raw.push_back(pc);
  }
  // Hyphenated words joined first (« Marcy-l’Étoile »), then the elision and possessive splits.
  auto emit = [&](std::size_t b, std::size_t e) {
    token& t = tokens.emplace_back();
    t.begin = b;
    t.end = e;
    classify(text, t);
    t.space_before = b == para_begin || (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t' ||
                                                   static_cast<unsigned char>(text[b - 1]) >= 0x80));
  };
  std::string next_lower;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const piece& first = raw[i];
    std::size_t end = first.end;
    while (i + 2 < raw.size() && !first.punct && raw[i + 1].end - raw[i + 1].begin == 1 &&
           text[raw[i + 1].begin] == '-' && !raw[i + 2].punct && raw[i + 1].begin == end &&
           raw[i + 2].begin == raw[i + 1].end && !raw[i + 2].digit && !first.digit) {
      next_lower = lower_utf8(text.substr(raw[i + 2].begin, raw[i + 2].end - raw[i + 2].begin));
      bool clitic = false;
      for (auto c : clitics) clitic = clitic || next_lower == c;
      for (const auto& d : detached) clitic = clitic || next_lower == d;
      if (clitic) break;
      end = raw[i + 2].end;
      i += 2;
    }
    std::size_t begin = first.begin;
    emit(begin, end);
    const std::string& lower = tokens.back().lower;
    std::size_t cut = std::string::npos;
    // Every elision ends with its only apostrophe: the one candidate is the
    // part up to the first apostrophe, looked for among the first
    // max_elision bytes only (no elision ends further), inline rather than
    // with std::string::find and memchr.
    const std::size_t scan = std::min(lower.size(), max_elision);
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
      emit(begin, cut);
      emit(cut, end);
    }
  }
}

}  // namespace

std::vector<token> segmenter::words(std::string_view text) const {
  thread_iterators& it = iterators_for(icu_->serial, *icu_->sentences, *icu_->words, icu_->mutex);
  std::vector<token> tokens;
  tokens.reserve(text.size() / 5 + 8);
  std::size_t para_begin = 0;
  while (para_begin < text.size()) {
    std::size_t para_end = text.find('\n', para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    if (para_end > para_begin)
      paragraph_tokens(text, para_begin, para_end, *it.words, it.text, false, detached_, tokens);
    para_begin = para_end + 1;
  }
  return tokens;
}

segmented segmenter::segment(std::string_view text) const {
  thread_iterators& it = iterators_for(icu_->serial, *icu_->sentences, *icu_->words, icu_->mutex);
  icu::BreakIterator& sbi = *it.sentences;
  segmented out;
  out.tokens.reserve(text.size() / 5 + 8);  // about one token per five bytes of news text
  std::size_t para_begin = 0;
  while (para_begin < text.size()) {
    std::size_t para_end = text.find('\n', para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    if (para_end > para_begin) {
      std::size_t first = out.tokens.size();
      const std::string_view para = text.substr(para_begin, para_end - para_begin);
      const bool single = one_sentence(para);  // then ICU's sentence iterator is not needed
      if (!single) it.text.open(para);
      paragraph_tokens(text, para_begin, para_end, *it.words, it.text, !single, detached_, out.tokens);
      // Sentences of the paragraph ending at byte `se`; tokens assigned by position.
      std::size_t ti = first;
      auto sentence_to = [&](std::size_t se) {
        sentence s;
        s.tok_begin = ti;
        while (ti < out.tokens.size() && out.tokens[ti].begin < se) ++ti;
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
      if (single) {
        sentence_to(para_end);
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
