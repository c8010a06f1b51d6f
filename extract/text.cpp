#include "extract/text.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <stdexcept>

namespace econkg {

namespace {

// French elided articles and conjunctions that ICU keeps glued to the next
// word (l'entreprise, d'euros, qu'il). Longest first.
constexpr std::array<std::string_view, 14> elisions = {
    "jusqu'", "lorsqu'", "puisqu'", "presqu'", "quoiqu'", "qu'", "l'", "d'", "s'",
    "n'", "j'", "m'", "t'", "c'"};

// Clitic pronouns after a hyphen (a-t-il, peut-on): not part of a word.
constexpr std::array<std::string_view, 19> clitics = {
    "t", "il", "elle", "on", "ils", "elles", "je", "tu", "nous", "vous",
    "le", "la", "les", "lui", "leur", "y", "en", "ce", "moi"};

struct utext_closer {
  void operator()(UText* t) const { utext_close(t); }
};

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t* next) {
  UChar32 c = 0;
  int32_t pos = static_cast<int32_t>(i);
  U8_NEXT(s.data(), pos, static_cast<int32_t>(s.size()), c);
  *next = static_cast<std::size_t>(pos);
  return c < 0 ? 0xFFFD : static_cast<std::uint32_t>(c);
}

bool is_space_cp(std::uint32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

// Fills the surface flags of a token from its bytes.
void classify(std::string_view text, token& t) {
  std::string_view s = text.substr(t.begin, t.end - t.begin);
  t.lower = lower_utf8(s);
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

bool is_word(const token& t) { return !t.punct; }

}  // namespace

std::string lower_utf8(std::string_view s) {
  // Fast path for ASCII, Latin-1 letters (C3 80..BF: À..ÿ) and ’ ‘, which
  // make nearly all French and English words; ICU for everything else.
  std::string out;
  out.reserve(s.size());
  bool simple = true;
  for (std::size_t i = 0; i < s.size() && simple; ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    } else if (c == 0xC3 && i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) {
      auto d = static_cast<unsigned char>(s[++i]);
      // U+00C0..U+00DE are upper-case letters (but U+00D7 ×); lower is +0x20.
      if (d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
      out += static_cast<char>(c);
      out += static_cast<char>(d);
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x99 || static_cast<unsigned char>(s[i + 2]) == 0x98)) {
      out += '\'';
      i += 2;
    } else {
      simple = false;
    }
  }
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
  std::size_t count = 0;
  for (std::size_t i = 0; i < n && i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++count;
  return count;
}

struct segmenter::icu_state {
  std::unique_ptr<icu::BreakIterator> sentences, words;
  std::mutex mutex;  // guards the prototypes while cloning
};

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

segmented segmenter::segment(std::string_view text) const {
  std::unique_ptr<icu::BreakIterator> sbi, wbi;
  {
    std::lock_guard<std::mutex> lock(icu_->mutex);
    sbi.reset(icu_->sentences->clone());
    wbi.reset(icu_->words->clone());
  }
  segmented out;
  out.tokens.reserve(text.size() / 5 + 8);  // about one token per five bytes of news text
  UErrorCode status = U_ZERO_ERROR;
  std::size_t para_begin = 0;
  while (para_begin < text.size()) {
    std::size_t para_end = text.find('\n', para_begin);
    if (para_end == std::string_view::npos) para_end = text.size();
    std::string_view para = text.substr(para_begin, para_end - para_begin);
    bool first_in_para = true;
    if (!para.empty()) {
      std::unique_ptr<UText, utext_closer> ut(
          utext_openUTF8(nullptr, para.data(), static_cast<int64_t>(para.size()), &status));
      sbi->setText(ut.get(), status);
      std::unique_ptr<UText, utext_closer> wt(
          utext_openUTF8(nullptr, para.data(), static_cast<int64_t>(para.size()), &status));
      wbi->setText(wt.get(), status);
      if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU segmentation: ") + u_errorName(status));
      // Raw word tokens of the paragraph.
      std::vector<token> raw;
      raw.reserve(para.size() / 4 + 4);
      int32_t p = wbi->first();
      for (int32_t q = wbi->next(); q != icu::BreakIterator::DONE; p = q, q = wbi->next()) {
        std::size_t b = para_begin + static_cast<std::size_t>(p), e = para_begin + static_cast<std::size_t>(q);
        std::size_t nx = 0;
        if (is_space_cp(decode(text, b, &nx)) && nx >= e) continue;
        // A token made only of white space (several spaces) is skipped too.
        bool all_space = true;
        for (std::size_t i = b; i < e;) {
          std::size_t n2 = i;
          if (!is_space_cp(decode(text, i, &n2))) { all_space = false; break; }
          i = n2;
        }
        if (all_space) continue;
        token t;
        t.begin = b;
        t.end = e;
        raw.push_back(std::move(t));
      }
      std::vector<token> joined;
      joined.reserve(raw.size());
      for (auto& t : raw) classify(text, t);
      for (std::size_t i = 0; i < raw.size(); ++i) {
        token t = std::move(raw[i]);
        bool was_joined = false;
        while (i + 2 < raw.size() && is_word(t) && raw[i + 1].lower == "-" &&
               is_word(raw[i + 2]) && raw[i + 1].begin == t.end && raw[i + 2].begin == raw[i + 1].end &&
               !raw[i + 2].digit && !t.digit) {
          const std::string& next = raw[i + 2].lower;
          bool clitic = false;
          for (auto c : clitics) clitic = clitic || next == c;
          for (const auto& d : detached_) clitic = clitic || next == d;
          if (clitic) break;
          t.end = raw[i + 2].end;
          i += 2;
          was_joined = true;
        }
        if (was_joined) classify(text, t);
        joined.push_back(std::move(t));
      }
      // Hyphenated words joined first (« Marcy-l’Étoile »), then the elision and possessive splits.
      std::vector<token> split;
      split.reserve(joined.size() + 8);
      // Two tokens from one: [t.begin, cut) and [cut, t.end).
      auto split_at = [&](const token& t, std::size_t cut) {
        token a, b;
        a.begin = t.begin;
        a.end = cut;
        b.begin = cut;
        b.end = t.end;
        classify(text, a);
        classify(text, b);
        split.push_back(std::move(a));
        split.push_back(std::move(b));
      };
      for (auto& t : joined) {
        bool done = false;
        for (auto el : elisions) {
          if (t.lower.size() > el.size() && t.lower.compare(0, el.size(), el) == 0) {
            // Byte length of the elided part in the original text (’ is 3 bytes).
            std::size_t cut = t.begin;
            std::size_t chars = el.size();
            for (std::size_t k = 0; k < chars; ++k) decode(text, cut, &cut);
            split_at(t, cut);
            done = true;
            break;
          }
        }
        if (done) continue;
        std::size_t n = t.lower.size();
        if (n > 2 && t.lower.compare(n - 2, 2, "'s") == 0) {
          std::size_t cut = t.end - 2;
          if (t.end >= 4 && static_cast<unsigned char>(text[t.end - 2]) == 0x99) cut = t.end - 4;  // ’s
          split_at(t, cut);
          continue;
        }
        split.push_back(std::move(t));
      }
      joined = std::move(split);
      for (auto& t : joined) {
        std::size_t prev = t.begin;
        t.space_before = t.begin == para_begin || (prev > 0 && (text[prev - 1] == ' ' || text[prev - 1] == '\t' ||
                                                                 static_cast<unsigned char>(text[prev - 1]) >= 0x80));
      }
      // Sentences of the paragraph; tokens assigned by position.
      std::size_t ti = 0;
      sbi->first();
      for (int32_t sq = sbi->next(); sq != icu::BreakIterator::DONE; sq = sbi->next()) {
        std::size_t se = para_begin + static_cast<std::size_t>(sq);
        sentence s;
        s.tok_begin = out.tokens.size();
        while (ti < joined.size() && joined[ti].begin < se) {
          joined[ti].para_start = first_in_para;
          first_in_para = false;
          out.tokens.push_back(std::move(joined[ti++]));
        }
        s.tok_end = out.tokens.size();
        if (s.tok_end == s.tok_begin) continue;
        s.begin = out.tokens[s.tok_begin].begin;
        s.end = out.tokens[s.tok_end - 1].end;
        // ICU breaks after "U.S." or "Corp." before a capital: join such a
        // sentence to the one before when that one ends with an abbreviation.
        if (!out.sentences.empty() && !out.tokens[s.tok_begin].para_start) {
          const sentence& prev = out.sentences.back();
          if (prev.tok_end - prev.tok_begin >= 2 && out.tokens[prev.tok_end - 1].lower == ".") {
            std::string abbr = out.tokens[prev.tok_end - 2].lower + ".";
            if (std::find(abbreviations_.begin(), abbreviations_.end(), abbr) != abbreviations_.end()) {
              out.sentences.back().tok_end = s.tok_end;
              out.sentences.back().end = s.end;
              continue;
            }
          }
        }
        out.sentences.push_back(s);
      }
    }
    para_begin = para_end + 1;
  }
  return out;
}

}  // namespace econkg
