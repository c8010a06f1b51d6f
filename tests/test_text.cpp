// Segmentation table tests: ICU sentence breaks with French abbreviations,
// the elision split, hyphenated words joined again, the English 's split.
#define BOOST_TEST_MODULE text
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>
#include <unicode/udata.h>
#include <unicode/ures.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "extract/lexicon.hpp"
#include "extract/text.hpp"

namespace bdata = boost::unit_test::data;
using econkg::segmenter;

namespace {

// A fixed pseudo-random sequence (64-bit LCG): next(n) is in [0, n), the
// same on every run, so a failing random case can be found again.
struct lcg {
  std::uint64_t seed;
  std::size_t operator()(std::size_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((seed >> 33) % n);
  }
};

// The byte offset in s (UTF-8) of each UTF-16 index of u = s in UTF-16,
// and of its end: ICU's iterators give UTF-16 indices.
std::vector<std::size_t> byte_offsets(const icu::UnicodeString& u, const std::string& s) {
  std::vector<std::size_t> byte(static_cast<std::size_t>(u.length()) + 1);
  std::size_t b = 0;
  for (int32_t i = 0; i < u.length(); ++i) {
    byte[static_cast<std::size_t>(i)] = b;
    UChar c = u[i];
    if (U16_IS_LEAD(c)) continue;  // the trail unit starts at the same byte; its code point is counted there
    UChar32 cp = U16_IS_TRAIL(c) && i > 0 ? U16_GET_SUPPLEMENTARY(u[i - 1], c) : c;
    b += static_cast<std::size_t>(U8_LENGTH(cp));
  }
  byte.back() = s.size();
  return byte;
}


std::string tokens_of(const segmenter& seg, const std::string& text) {
  std::string out;
  for (const auto& t : seg.segment(text).tokens) {
    if (!out.empty()) out += '|';
    out += text.substr(t.begin, t.end - t.begin);
  }
  return out;
}

struct token_case {
  const char* lang;
  const char* text;
  const char* tokens;
};
std::ostream& operator<<(std::ostream& os, const token_case& c) { return os << c.text; }

const token_case token_cases[] = {
    {"fr", "l'entreprise", "l'|entreprise"},
    {"fr", "l’entreprise", "l’|entreprise"},
    {"fr", "4 milliards d’euros", "4|milliards|d’|euros"},
    {"fr", "en s’engageant", "en|s’|engageant"},
    {"fr", "qu'il investisse", "qu'|il|investisse"},
    {"fr", "jusqu’à 25 000 GPU", "jusqu’|à|25|000|GPU"},
    {"fr", "Salaise-sur-Sanne (Isère)", "Salaise-sur-Sanne|(|Isère|)"},
    {"fr", "le vice-président", "le|vice-président"},
    {"fr", "a-t-il ajouté", "a|-|t|-|il|ajouté"},
    {"fr", "« Bonjour », dit-il", "«|Bonjour|»|,|dit|-|il"},
    {"fr", "aujourd'hui", "aujourd'hui"},
    {"en", "OpenText's history", "OpenText|'s|history"},
    {"en", "Diageo’s new office", "Diageo|’s|new|office"},
};

struct sentence_case {
  const char* lang;
  const char* text;
  std::size_t sentences;
};
std::ostream& operator<<(std::ostream& os, const sentence_case& c) { return os << c.text; }

const sentence_case sentence_cases[] = {
    {"fr", "M. Dupont investit. Mme Durand aussi.", 2},
    {"fr", "Il a dit : « Nous investirons. » Puis il est parti.", 2},
    {"fr", "Première ligne\nSeconde ligne sans point", 2},
    {"fr", "PARIS — Microsoft a annoncé 4 milliards d’euros (4,3 milliards de dollars).", 1},
    {"en", "Boeing Co. said on Monday. It named a CEO.", 2},
};

}  // namespace

BOOST_DATA_TEST_CASE(tokens, bdata::make(token_cases), c) {
  segmenter seg(c.lang);
  BOOST_TEST(tokens_of(seg, c.text) == c.tokens);
}

BOOST_DATA_TEST_CASE(sentences, bdata::make(sentence_cases), c) {
  segmenter seg(c.lang);
  BOOST_TEST(seg.segment(c.text).sentences.size() == c.sentences);
}

BOOST_AUTO_TEST_CASE(flags_and_offsets) {
  segmenter seg("fr");
  std::string text = "PARIS — L’usine";
  auto s = seg.segment(text);
  BOOST_REQUIRE(s.tokens.size() == 4);
  BOOST_TEST(s.tokens[0].upper);
  BOOST_TEST(s.tokens[0].para_start);
  BOOST_TEST(s.tokens[1].punct);
  BOOST_TEST(s.tokens[2].lower == "l'");
  BOOST_TEST(s.tokens[3].lower == "usine");
  BOOST_TEST(text.substr(s.tokens[3].begin, s.tokens[3].end - s.tokens[3].begin) == "usine");
}

BOOST_AUTO_TEST_CASE(code_point_offsets) {
  std::string text = "é€a";
  BOOST_TEST(econkg::code_points(text, text.size()) == 3u);
  BOOST_TEST(econkg::code_points(text, 2) == 1u);
  BOOST_TEST(econkg::lower_utf8("L’ÉTAT") == "l'état");
}

BOOST_AUTO_TEST_CASE(abbreviations_do_not_end_sentences) {
  segmenter plain("en");
  segmenter with("en", {}, {"u.s.", "corp."});
  const std::string text = "U.S. President Donald Trump spoke. OpenText Corp. has agreed. It ended.";
  BOOST_TEST(plain.segment(text).sentences.size() > 3u);  // ICU alone breaks after "U.S." and "Corp."
  BOOST_TEST(with.segment(text).sentences.size() == 3u);
}

BOOST_AUTO_TEST_CASE(detached_suffixes_stay_apart) {
  segmenter seg("en", {"based"});
  BOOST_TEST(tokens_of(seg, "the Detroit-based company") == "the|Detroit|-|based|company");
  BOOST_TEST(tokens_of(seg, "a well-known firm") == "a|well-known|firm");
  // The word after the hyphen is compared lower-cased (on the stack when it
  // is short and ASCII, else by lower_utf8).
  BOOST_TEST(tokens_of(seg, "the DETROIT-BASED Chicago-Based firms") == "the|DETROIT|-|BASED|Chicago|-|Based|firms");
  BOOST_TEST(tokens_of(seg, "a Well-Knownandveryveryverylong-Émigré firm") == "a|Well-Knownandveryveryverylong-Émigré|firm");
  segmenter fr("fr");
  BOOST_TEST(tokens_of(fr, "A-T-IL dit, PEUT-ON, Peut-Être") == "A|-|T|-|IL|dit|,|PEUT|-|ON|,|Peut-Être");
}

// lower_utf8 takes a fast path for ASCII, Latin-1, ’ ‘ and code points it
// can lower-case alone: it must agree with ICU's root lower-casing
// (apostrophes mapped to ') on every code point, alone, inside words and
// before a Σ or an İ, and the surface flags must agree with ICU's character
// properties.
BOOST_AUTO_TEST_CASE(lower_case_fast_path_agrees_with_icu) {
  auto icu_lower = [](const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    u.toLower(icu::Locale::getRoot());
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2019)), icu::UnicodeString(static_cast<UChar32>('\'')));
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x2018)), icu::UnicodeString(static_cast<UChar32>('\'')));
    std::string out;
    u.toUTF8String(out);
    return out;
  };
  for (UChar32 c = 0x20; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    for (const std::string& s : {one, "A" + one + "b", "\xC3\x89t" + one, one + one, "\xCE\xA3" + one, one + "\xC4\xB0"}) {
      if (econkg::lower_utf8(s) != icu_lower(s)) BOOST_ERROR("U+" << std::hex << c << " in " << s);
    }
  }
  // Longer strings (lower_utf8 reads ASCII eight bytes at a time): every
  // ASCII byte at each position of such a block, before and after a code
  // point that is not ASCII.
  std::string ascii;
  for (int c = 1; c < 0x80; ++c) ascii += static_cast<char>(c);
  for (std::size_t shift = 0; shift < 8; ++shift) {
    for (const std::string& s : {std::string(shift, 'Q') + ascii, "\xC3\x89" + std::string(shift, 'q') + ascii + "\xC3\x89" + ascii,
                                 std::string(shift, 'Z') + "\xCE\xA3" + ascii + "@[`{AZaz"}) {
      if (econkg::lower_utf8(s) != icu_lower(s)) BOOST_ERROR("ASCII block shifted by " << shift);
    }
  }
  // Tokens with one code point of each script block: flags as ICU's properties say.
  segmenter words("fr");
  std::string text;
  for (UChar32 c = 0x80; c < 0x30000; ++c) {
    if (U_IS_SURROGATE(c) || !u_isalpha(c)) continue;
    std::string one;
    icu::UnicodeString(c).toUTF8String(one);
    text += one + "a " + one + one + " A" + one + " " + one + "1 ";
  }
  // ASCII words of every shape (case, digits, marks inside), which take a
  // path of their own.
  const std::vector<std::string> ascii_parts = {"a", "Q", "5", "x", "B", "'", "."};
  for (const auto& a : ascii_parts)
    for (const auto& b : ascii_parts)
      for (const auto& c : ascii_parts)
        for (const auto& d : ascii_parts) text += a + " " + a + b + " " + a + b + c + " " + a + b + c + d + " ";
  text += "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz ";
  for (const auto& t : words.words(text)) {
    std::string_view w(text.data() + t.begin, t.end - t.begin);
    bool any_letter = false, any_digit = false, all_upper = true, cap = false, digit = false;
    int letters = 0;
    for (int32_t i = 0; i < static_cast<int32_t>(w.size());) {
      UChar32 c = 0;
      U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
      if (u_isalpha(c)) {
        if (!any_letter && !any_digit) cap = u_isupper(c) || u_istitle(c);
        any_letter = true;
        ++letters;
        if (!u_isupper(c)) all_upper = false;
      } else if (u_isdigit(c)) {
        if (!any_letter && !any_digit) digit = true;
        any_digit = true;
      }
    }
    bool upper = any_letter && all_upper && letters >= 2, punct = !any_letter && !any_digit;
    if (t.cap != cap || t.upper != upper || t.digit != digit || t.punct != punct || t.lower != icu_lower(std::string(w)))
      BOOST_ERROR("flags or lower case of " << w);
  }
  segmenter seg("fr");
  auto t = seg.segment("ÉTÉ Élodie àÀ Ǆemal").tokens;
  BOOST_TEST_REQUIRE(t.size() == 4u);
  BOOST_TEST((t[0].cap && t[0].upper));
  BOOST_TEST((t[1].cap && !t[1].upper));
  BOOST_TEST((!t[2].cap && !t[2].upper));
  BOOST_TEST((t[3].cap && !t[3].upper));  // Ǆ is upper case; « emal » is not
}

// ASCII tokens of up to sixteen bytes take a path of their own (bit tricks
// on eight bytes at a time, when sixteen bytes of text follow the token's
// start), others the byte loop: tokens of every length up to 17 with an
// upper-case letter, a lower-case letter or a digit at each place, amid
// letters of either case, digits or marks, get the lower case and flags
// read code point by code point; once amid text, once at its end (where
// fewer than sixteen bytes follow).
BOOST_AUTO_TEST_CASE(ascii_tokens_of_every_length) {
  segmenter seg("en");
  std::vector<std::string> words;
  for (std::size_t len = 1; len <= 17; ++len)
    for (const char base : {'x', 'X', '7', '_'})
      for (std::size_t at = 0; at < len; ++at)
        for (const char c : {'Q', 'q', '5', '@', '[', '`', '{', '/', ':', '\x7f'}) {
          std::string w(len, base);
          w[at] = c;
          words.push_back(w);
        }
  for (const bool at_end : {false, true}) {
    for (std::size_t k = 0; k < words.size(); k += at_end ? 1 : 400) {
      // Amid text: 400 words a line; at the end: each word alone, last.
      std::string text;
      if (at_end) text = "a " + words[k];
      else
        for (std::size_t j = k; j < std::min(words.size(), k + 400); ++j) text += words[j] + " ";
      for (const auto& t : seg.segment(text).tokens) {
        const std::string w = text.substr(t.begin, t.end - t.begin);
        bool seen = false, cap = false, digit = false, lower_seen = false;
        int letters = 0;
        std::string lower;
        for (const char ch : w) {
          const bool up = ch >= 'A' && ch <= 'Z', lo = ch >= 'a' && ch <= 'z', dg = ch >= '0' && ch <= '9';
          lower += up ? static_cast<char>(ch - 'A' + 'a') : ch;
          if ((up || lo || dg) && !seen) {
            seen = true;
            cap = up;
            digit = dg;
          }
          letters += up || lo;
          lower_seen = lower_seen || lo;
        }
        const bool upper = letters >= 2 && !lower_seen;
        if (t.lower != lower || t.cap != cap || t.digit != digit || t.upper != upper || t.punct != !seen)
          BOOST_ERROR("lower case or flags of " << w << (at_end ? " at the end" : ""));
      }
    }
  }
}

// words() gives segment()'s tokens without the sentences: the word lists are
// segmented with it, one entry a line.
BOOST_AUTO_TEST_CASE(words_are_the_tokens_of_segment) {
  segmenter seg("fr", {"based"});
  const std::string text =
      "Salaise-sur-Sanne\nl’usine de Marcy-l’Étoile\n\nM. Dupont. Il a-t-il dit ? OpenText’s\nDetroit-based  \n ÉTÉ";
  auto a = seg.segment(text).tokens;
  auto b = seg.words(text);
  BOOST_TEST_REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    BOOST_TEST(a[i].begin == b[i].begin);
    BOOST_TEST(a[i].end == b[i].end);
    BOOST_TEST(a[i].lower == b[i].lower);
    BOOST_TEST((a[i].cap == b[i].cap && a[i].upper == b[i].upper && a[i].digit == b[i].digit &&
                a[i].punct == b[i].punct && a[i].space_before == b[i].space_before));
  }
}

// hunspell's analyses do not depend on which thread asks or in what order:
// lexicons used by several threads at once (each thread may open its own
// hunspell instance) give every form the part of speech one thread gives.
BOOST_AUTO_TEST_CASE(morphology_is_the_same_from_many_threads) {
  auto forms_of = [](const std::string& path) {
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    segmenter seg("fr");
    std::vector<std::string> forms;
    for (const auto& t : seg.words(text)) forms.push_back(text.substr(t.begin, t.end - t.begin));
    return forms;
  };
  const std::string samples = std::string(ECONKG_SOURCE_DIR) + "/samples/";
  std::vector<std::string> forms = forms_of(samples + "microsoft-choose-france.fr.txt");
  for (auto& f : forms_of(samples + "helix-acquires-brightline.en.txt")) forms.push_back(f);
  for (const char* f : {"NEXTER", "Nexter", "Renault", "Le", "The", "Jean", "aujourd'hui", "Aujourd'hui", "U.S."})
    forms.push_back(f);
  auto pos_of = [&](const econkg::lexicon& lex, std::size_t start) {
    std::vector<std::uint32_t> pos(forms.size());
    for (std::size_t k = 0; k < forms.size(); ++k) {
      std::size_t i = (start + k * 7) % forms.size();  // each thread in its own order
      pos[i] = lex.word_pos(forms[i]);
    }
    return pos;
  };
  std::vector<std::uint32_t> fr_one, en_one;
  {
    segmenter fr_seg("fr"), en_seg("en");
    econkg::lexicon fr(ECONKG_LEXICON_DIR, "fr", fr_seg), en(ECONKG_LEXICON_DIR, "en", en_seg);
    fr_one = pos_of(fr, 0);
    en_one = pos_of(en, 0);
  }
  // Threads share busy hunspell instances (waiting for them) or open more:
  // both ways give the same analyses.
  for (std::size_t waits : {std::size_t{2000}, std::size_t{0}}) {
    econkg::detail::hunspell_waits_per_instance = waits;
    segmenter fr_seg("fr"), en_seg("en");
    econkg::lexicon fr(ECONKG_LEXICON_DIR, "fr", fr_seg), en(ECONKG_LEXICON_DIR, "en", en_seg);
    constexpr std::size_t threads = 4;
    std::vector<std::vector<std::uint32_t>> fr_many(threads), en_many(threads);
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < threads; ++t)
      pool.emplace_back([&, t] {
        fr_many[t] = pos_of(fr, t * 13);
        en_many[t] = pos_of(en, t * 17);
      });
    for (auto& th : pool) th.join();
    for (std::size_t t = 0; t < threads; ++t) {
      BOOST_TEST(fr_many[t] == fr_one, boost::test_tools::per_element());
      BOOST_TEST(en_many[t] == en_one, boost::test_tools::per_element());
    }
  }
  econkg::detail::hunspell_waits_per_instance = 2000;
}

// latin_word_pieces segments without ICU the paragraphs whose code points it
// knows: its pieces must be the segments of ICU's word iterator that are not
// all white space, for every code point it knows between any two of a set
// covering each word break class, for every string of up to three of that
// set, and for many random strings of the code points it knows.
BOOST_AUTO_TEST_CASE(latin_word_pieces_agree_with_icu) {
  using pieces = std::vector<std::pair<std::size_t, std::size_t>>;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> fr(icu::BreakIterator::createWordInstance(icu::Locale("fr"), status));
  std::unique_ptr<icu::BreakIterator> en(icu::BreakIterator::createWordInstance(icu::Locale("en"), status));
  BOOST_TEST_REQUIRE(U_SUCCESS(status));
  auto icu_pieces = [](icu::BreakIterator& words, const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    const std::vector<std::size_t> byte = byte_offsets(u, s);
    words.setText(u);
    pieces out;
    for (int32_t p = words.first(), q = words.next(); q != icu::BreakIterator::DONE; p = q, q = words.next()) {
      bool space = true;
      for (int32_t i = p; i < q; ++i) space = space && u_isUWhiteSpace(u.char32At(i));
      if (!space) out.emplace_back(byte[static_cast<std::size_t>(p)], byte[static_cast<std::size_t>(q)]);
    }
    return out;
  };
  std::size_t checked = 0;
  auto check = [&](icu::BreakIterator& words, const std::string& s) {
    pieces fast;
    if (!econkg::latin_word_pieces(s, fast)) return;
    ++checked;
    // A piece starting with ASCII other than a letter or a digit is that one
    // byte (the segmenter reads a piece's flags from its first byte).
    for (auto [b, e] : fast)
      if (auto c = static_cast<unsigned char>(s[b]); c < 0x80 && !std::isalnum(c)) BOOST_TEST(e - b == 1u, s);
    auto slow = icu_pieces(words, s);
    if (fast != slow) {
      std::string f, g;
      for (auto [b, e] : fast) f += "[" + s.substr(b, e - b) + "]";
      for (auto [b, e] : slow) g += "[" + s.substr(b, e - b) + "]";
      BOOST_ERROR("word pieces of «" << s << "»: " << f << " instead of ICU's " << g);
    }
  };
  auto utf8 = [](UChar32 c) {
    std::string s;
    icu::UnicodeString(c).toUTF8String(s);
    return s;
  };
  std::vector<std::string> known;
  for (UChar32 c = 0; c < 0x30000; ++c) {
    pieces p;
    if (!U_IS_SURROGATE(c) && econkg::latin_word_pieces(utf8(c), p)) known.push_back(utf8(c));
  }
  BOOST_TEST(known.size() > 250u);
  const std::vector<std::string> classes = {"a", "Z", "é", "Œ", "0", "7", ".", "’", ":", ",", ";", "'",
                                            "-", "(", "\"", "«", "€", " ", "\t", "\xC2\xA0", "×"};
  for (const auto& c : known)
    for (const auto& a : classes)
      for (const auto& b : classes) check(*fr, a + c + b);
  for (const auto& a : classes)
    for (const auto& b : classes)
      for (const auto& c : classes) check(*fr, a + b + c);
  lcg next{42};
  for (int round = 0; round < 100000; ++round) {
    std::string s;
    for (std::size_t len = 1 + next(12); len > 0; --len)
      s += next(2) ? classes[next(classes.size())] : known[next(known.size())];
    check(round % 2 ? *fr : *en, s);
  }
  BOOST_TEST(checked > 200000u);
}

// Paragraphs of code points latin_word_pieces knows are split into
// sentences without ICU's sentence iterator: segment() must give the
// sentences ICU gives, on random paragraphs of such code points, with or
// without terminators inside.
BOOST_AUTO_TEST_CASE(sentences_agree_with_icu) {
  const std::vector<std::string> pieces = {"Il", "a", "dit", "M", "U", "S", "3", "1", "é", "É", "«", "»", "’", "'",
                                           "(", ")", "\"", "—", ",", ";", ":", " ", " ", " ", "\t", "\xC2\xA0", "€"};
  const std::vector<std::string> ends = {"", ".", "?", "!", "...", "?!", ". »", ".)", " ", "\r", "\v", "\f"};
  lcg next{7};
  for (const char* lang : {"fr", "en"}) {
    segmenter seg(lang);
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> icu_sentences(
        icu::BreakIterator::createSentenceInstance(icu::Locale((std::string(lang) + "@ss=standard").c_str()), status));
    BOOST_TEST_REQUIRE(U_SUCCESS(status));
    for (int round = 0; round < 20000; ++round) {
      std::string text;
      for (std::size_t len = 1 + next(16); len > 0; --len) {
        text += pieces[next(pieces.size())];
        if (round % 3 == 0 && next(8) == 0) text += ends[1 + next(ends.size() - 1)];  // a terminator inside
      }
      text += ends[next(ends.size())];
      auto s = seg.segment(text);
      // ICU's boundaries, as the indexes of the tokens that start each sentence holding one.
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
      icu_sentences->setText(u);
      std::vector<std::size_t> expected, got;
      std::size_t ti = 0;
      for (int32_t q = (icu_sentences->first(), icu_sentences->next()); q != icu::BreakIterator::DONE;
           q = icu_sentences->next()) {
        std::string head;
        u.tempSubString(0, q).toUTF8String(head);
        std::size_t start = ti;
        while (ti < s.tokens.size() && s.tokens[ti].begin < head.size()) ++ti;
        if (ti > start) expected.push_back(start);
      }
      for (const auto& sen : s.sentences) got.push_back(sen.tok_begin);
      if (got != expected) BOOST_ERROR("sentences of «" << text << "»");
    }
  }
}

namespace {

// The boundaries ICU's iterator gives in s after its start, as byte offsets.
std::vector<std::size_t> icu_boundaries(icu::BreakIterator& it, const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  const std::vector<std::size_t> byte = byte_offsets(u, s);
  it.setText(u);
  std::vector<std::size_t> out;
  it.first();
  for (int32_t q = it.next(); q != icu::BreakIterator::DONE; q = it.next()) out.push_back(byte[static_cast<std::size_t>(q)]);
  return out;
}

// The sentence break exceptions of ICU's data for a locale ("M.", "U.S.").
std::vector<std::string> icu_sentence_exceptions(const char* lang) {
  UErrorCode status = U_ZERO_ERROR;
  UResourceBundle* bundle = ures_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", lang, &status);
  UResourceBundle* exceptions = ures_getByKey(bundle, "exceptions", nullptr, &status);
  UResourceBundle* breaks = ures_getByKey(exceptions, "SentenceBreak", nullptr, &status);
  std::vector<std::string> out;
  for (int32_t i = 0; U_SUCCESS(status) && i < ures_getSize(breaks); ++i) {
    int32_t len = 0;
    const UChar* u = ures_getStringByIndex(breaks, i, &len, &status);
    std::string s;
    if (U_SUCCESS(status)) out.push_back(icu::UnicodeString(u, len).toUTF8String(s));
  }
  ures_close(breaks);
  ures_close(exceptions);
  ures_close(bundle);
  return out;
}

// The paragraphs (title and text lines) of a JSON lines corpus.
std::vector<std::string> corpus_paragraphs(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() || !d.IsObject()) continue;
    for (const char* field : {"title", "text"}) {
      if (!d.HasMember(field) || !d[field].IsString()) continue;
      std::string text = d[field].GetString();
      for (std::size_t b = 0; b <= text.size();) {
        std::size_t e = std::min(text.find('\n', b), text.size());
        if (e > b) out.push_back(text.substr(b, e - b));
        b = e + 1;
      }
    }
  }
  return out;
}

}  // namespace

// latin_sentence_breaks gives, without ICU, the boundaries of ICU's sentence
// iterator with the ss=standard exceptions: it must agree with ICU on the
// paragraphs of the corpora in the repository (and of the JSON lines files
// listed in ECONKG_TEXT_CORPORA, colon-separated, when set), on every string
// of up to four code points of a set covering each sentence break class, on
// each exception of both locales' lists in many contexts (cut short, case
// changed, followed by a capital, a digit, quotes, two spaces …), and on many
// random strings of words, exceptions, terminators, quotes and spaces.
BOOST_AUTO_TEST_CASE(latin_sentence_breaks_agree_with_icu) {
  struct locale_iterator {
    const char* lang;
    std::unique_ptr<icu::BreakIterator> it;
  };
  std::vector<locale_iterator> locales;
  for (const char* lang : {"fr", "en"}) {
    UErrorCode status = U_ZERO_ERROR;
    locales.push_back({lang, std::unique_ptr<icu::BreakIterator>(icu::BreakIterator::createSentenceInstance(
                                 icu::Locale((std::string(lang) + "@ss=standard").c_str()), status))});
    BOOST_TEST_REQUIRE(U_SUCCESS(status));
  }
  std::size_t checked = 0, boundaries = 0;
  auto check = [&](const std::string& s) {
    for (auto& l : locales) {
      std::vector<std::size_t> fast;
      if (!econkg::latin_sentence_breaks(s, l.lang, fast)) continue;
      ++checked;
      boundaries += fast.size();
      auto slow = icu_boundaries(*l.it, s);
      if (fast != slow) {
        std::string f, g;
        for (auto b : fast) f += " " + std::to_string(b);
        for (auto b : slow) g += " " + std::to_string(b);
        BOOST_ERROR(l.lang << " sentence boundaries of «" << s << "»:" << f << " instead of ICU's" << g);
      }
    }
  };
  // Corpora.
  std::vector<std::string> files;
  for (const char* probe : {"probe-fr", "probe-fr2", "probe-fr3"})
    for (const char* part : {"corpus", "corpus-tune", "corpus-heldout"})
      files.push_back(std::string(ECONKG_SOURCE_DIR) + "/eval/" + probe + "/" + part + ".jsonl");
  files.push_back(std::string(ECONKG_SOURCE_DIR) + "/samples/announcements.jsonl");
  if (const char* extra = std::getenv("ECONKG_TEXT_CORPORA")) {
    std::string list = extra;
    for (std::size_t b = 0; b < list.size();) {
      std::size_t e = std::min(list.find(':', b), list.size());
      if (e > b) files.push_back(list.substr(b, e - b));
      b = e + 1;
    }
  }
  std::size_t paragraphs = 0;
  for (const auto& f : files)
    for (const auto& p : corpus_paragraphs(f)) {
      check(p);
      ++paragraphs;
    }
  BOOST_TEST(paragraphs > 300u);
  // Every string of up to four code points of a set covering the classes
  // (Upper, Lower, Numeric, ATerm, STerm, Close, Sp, SContinue, Other).
  const std::vector<std::string> classes = {"a", "B", "é", "É", "1", ".", "?", "!", "\"", ")", "«", "’",
                                            " ", "\xC2\xA0", "\t", ",", "-", "€"};
  for (const auto& a : classes) {
    check(a);
    for (const auto& b : classes) {
      check(a + b);
      for (const auto& c : classes) {
        check(a + b + c);
        for (const auto& d : classes) check(a + b + c + d);
      }
    }
  }
  // The exceptions of both lists in contexts.
  std::vector<std::string> exceptions;
  for (const char* lang : {"fr", "en"})
    for (auto& e : icu_sentence_exceptions(lang)) exceptions.push_back(e);
  BOOST_TEST(exceptions.size() > 200u);
  std::vector<std::string> variants;
  for (const auto& e : exceptions) {
    variants.push_back(e);
    for (std::size_t i = 1; i < e.size(); ++i)
      if (e[i - 1] == '.' || e[i - 1] == ' ') {  // cut after a period or a space
        variants.push_back(e.substr(0, i));
        variants.push_back(e.substr(i));
      }
    std::string swapped = e;
    for (char& c : swapped) c = std::isupper(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : static_cast<char>(std::toupper(c));
    variants.push_back(swapped);
    variants.push_back(e.substr(0, e.size() - 1));  // without its last period
  }
  const std::vector<std::string> before = {"", "a", "Le ", "x ", "(", "1", ". ", "« ", "  "};
  const std::vector<std::string> after = {"", " ", "  ", " A", " a", "A", "a", " 1", ")", ") B", ". B", " «B", " « b",
                                          "\xC2\xA0" "B", "\tB", " (B", "-B", " -b", "? B", " ’B", "\" B", ",", " B."};
  for (const auto& v : variants)
    for (const auto& b : before)
      for (const auto& a : after) check(b + v + a);
  // Random strings.
  const std::vector<std::string> pieces = {"Il", "a", "dit", "M", "Mme", "U", "S", "A", "Mr", "Dr", "Jr", "Inc", "vs",
                                           "etc", "av", "J", "C", "P", "D", "G", "3", "4,5", "10", "é", "É", "«", "»",
                                           "’", "'", "(", ")", "\"", "—", "–", "-", ",", ";", ":", " ", " ", " ", "  ",
                                           "\t", "\v", "\f", "\xC2\xA0", "€", ".", ".", ".", "?", "!", "...", "?!",
                                           ". ", ". ", "? ", "! ", ".) ", ".» ", ". »"};
  lcg next{11};
  for (int round = 0; round < 200000; ++round) {
    std::string s;
    for (std::size_t len = 1 + next(16); len > 0; --len)
      s += next(4) ? pieces[next(pieces.size())] : exceptions[next(exceptions.size())];
    check(s);
  }
  BOOST_TEST_MESSAGE(paragraphs << " corpus paragraphs; " << checked << " strings checked, " << boundaries << " boundaries");
  BOOST_TEST(checked > 900000u);
}

// Latin paragraphs are segmented in one pass (words() and segment()), with
// fast paths for runs of ASCII and Latin-1 letters and digits, punctuation,
// elisions: the tokens, every field, must be those of the general path
// (word pieces first, then tokens: piecewise_words), on random paragraphs
// of pieces that end runs in every way (marks that join letters or digits,
// hyphens, clitics, apostrophes, code points ICU must segment, the text's
// end within sixteen bytes of a run, runs of fifteen bytes and more, bytes
// that are not UTF-8).
BOOST_AUTO_TEST_CASE(one_pass_tokens_agree_with_pieces) {
  const std::vector<std::string> pieces = {
      "Il", "a", "dit", "l", "L", "d", "D", "qu", "QU", "jusqu", "lorsqu", "puisqu", "s", "n", "c", "t", "il", "on",
      "elle", "based", "M", "U", "S", "Apple", "vice", "président", "Île", "ÉTAT", "État", "à", "ß", "œ", "Œuvre",
      "3", "1", "2024", "4,5", "0.5", "é", "É", "è", "ç", "×", "÷", "«", "»", "’", "‘", "'", "'s", "’s", "-", "-t-",
      "(", ")", "\"", "—", "–", "€", "£", "“", "”", ",", ";", ":", ".", "?", "!", "_", "@", "ł", "日", " ", " ", " ",
      "  ", "\t", "\r", "\xC2\xA0", "\xE2\x80\xAF", "abcdefghijklmno", "ABCDEFGHIJKLMNOP", "Saint-Égrève",
      "aujourd’hui", "HeidelbergCement", "l’entreprise", "d'euros", "E.ON", "U.S.", "1,234.5", "\xC3", "\xE2\x80"};
  lcg next{13};
  std::size_t compared = 0;
  for (const char* lang : {"fr", "en"}) {
    segmenter seg(lang, {"based", "owned"});
    for (int round = 0; round < 150000; ++round) {
      std::string text;
      for (std::size_t len = 1 + next(12); len > 0; --len) {
        const std::size_t k = next(pieces.size() + 2);
        text += k < pieces.size() ? pieces[k] : k == pieces.size() ? "\n" : std::string(1 + next(20), 'x');
      }
      const auto fast = seg.words(text), plain = seg.piecewise_words(text);
      bool same = fast.size() == plain.size();
      for (std::size_t i = 0; same && i < fast.size(); ++i) {
        const auto &f = fast[i], &p = plain[i];
        same = f.begin == p.begin && f.end == p.end && f.lower == p.lower && f.cap == p.cap && f.upper == p.upper &&
               f.digit == p.digit && f.punct == p.punct && f.space_before == p.space_before &&
               f.para_start == p.para_start && f.pos == p.pos && f.word == p.word && f.lists == p.lists;
      }
      if (!same) BOOST_ERROR(lang << " tokens of «" << text << "»: " << fast.size() << " instead of " << plain.size());
      compared += plain.size();
    }
  }
  BOOST_TEST_MESSAGE(compared << " tokens compared");
  BOOST_TEST(compared > 1000000u);
}
