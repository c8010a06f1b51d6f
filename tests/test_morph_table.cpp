// The build-time morphology table (extract/morph_table.hpp) against hunspell
// itself: for every word form of the repository's corpora, lexicons and
// samples, a sample of hunspell-fr's own words, their casings, elided and
// typographic-apostrophe forms, and random edits of dictionary words, the
// table's answer must be Hunspell::analyze's (digested as lexicon.cpp reads
// it), or "ask hunspell". The table must answer nearly every form itself.
#define BOOST_TEST_MODULE morph_table
#include <boost/test/unit_test.hpp>

#include <hunspell/hunspell.hxx>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "extract/morph_table.hpp"
#include "extract/text.hpp"

namespace fs = std::filesystem;
using econkg::analyses_digest;
using econkg::morph_table;

namespace {

const std::string aff = "/usr/share/hunspell/fr_FR.aff", dic = "/usr/share/hunspell/fr_FR.dic";
const std::string en_aff = "/usr/share/hunspell/en_US.aff", en_dic = "/usr/share/hunspell/en_US.dic";

std::string read_whole(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string icu_case(const std::string& s, int how) {  // 0 lower, 1 upper, 2 title-like (first upper, rest lower)
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (how == 0) u.toLower(icu::Locale::getRoot());
  if (how == 1) u.toUpper(icu::Locale::getRoot());
  if (how == 2 && u.length() > 0) {
    icu::UnicodeString first(u, 0, u.moveIndex32(0, 1)), rest(u, u.moveIndex32(0, 1));
    u = first.toUpper(icu::Locale::getRoot()) + rest.toLower(icu::Locale::getRoot());
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string with_curly_apostrophes(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\'') out += "\u2019";
    else out += c;
  }
  return out;
}

struct comparison {
  std::size_t forms = 0, answered = 0, found = 0, none = 0;
  std::vector<std::string> differences;
  std::vector<std::string> asked;  // the first few forms left to hunspell
};

// Asks the table about every form (`ask`: a lookup), counting its answers;
// `differs` gives the reason (" (…)") when hunspell says otherwise, or "".
template <class Ask, class Differs>
void compare_each(const std::set<std::string>& forms, comparison& c, Ask ask, Differs differs) {
  for (const auto& f : forms) {
    ++c.forms;
    analyses_digest from_table;
    const morph_table::answer a = ask(f, from_table);
    if (a == morph_table::answer::ask_hunspell) {
      if (c.asked.size() < 12) c.asked.push_back(f);
      continue;
    }
    ++c.answered;
    ++(a == morph_table::answer::found ? c.found : c.none);
    if (const std::string why = differs(f, a, from_table); !why.empty()) c.differences.push_back(f + why);
  }
}

// The French table: Hunspell::analyze, digested.
void compare(const morph_table& table, Hunspell& h, const std::set<std::string>& forms, comparison& c) {
  compare_each(
      forms, c, [&](const std::string& f, analyses_digest& d) { return table.lookup(f, d); },
      [&](const std::string& f, morph_table::answer a, const analyses_digest& from_table) -> std::string {
        const analyses_digest truth = econkg::digest_analyses(h.analyze(f));
        if (a == morph_table::answer::none) return truth.pos != 0 ? " (table: no analysis)" : "";
        if (from_table.pos != truth.pos || from_table.common != truth.common || from_table.stems != truth.stems)
          return " (table pos " + std::to_string(from_table.pos) + ", hunspell " + std::to_string(truth.pos) + ")";
        return "";
      });
}

// The English table: spell() and stem() of lower-case forms.
void compare_spelling(const morph_table& table, Hunspell& h, const std::set<std::string>& forms, comparison& c) {
  compare_each(
      forms, c, [&](const std::string& f, analyses_digest& d) { return table.lookup_spelling(f, d); },
      [&](const std::string& f, morph_table::answer, const analyses_digest& from_table) -> std::string {
        const bool spelled = h.spell(f);
        if (spelled != bool(from_table.pos & econkg::morph_table_format::spelled) || h.stem(f) != from_table.stems)
          return spelled ? " (hunspell: spelled)" : " (hunspell: not spelled)";
        return "";
      });
}

// The counts, the differences and a few forms left to hunspell, as messages
// (--log_level=message); `found` and `none` name the two answers.
void report(const comparison& c, const char* found, const char* none) {
  BOOST_TEST_MESSAGE(c.forms << " forms: table answered " << c.answered << " (" << c.found << " " << found << ", "
                             << c.none << " " << none << "), " << c.differences.size() << " differences");
  for (const auto& d : c.differences) BOOST_TEST_MESSAGE("differs: " << d);
  std::string asked;
  for (const auto& f : c.asked) asked += " " + f;
  BOOST_TEST_MESSAGE("  left to hunspell, for instance:" << asked);
}

// Variants of a form as text writes it: casings and typographic apostrophe
// in `out`, elided in `elided`.
void add_variants(const std::string& f, std::set<std::string>& out, std::set<std::string>& elided) {
  if (f.empty()) return;
  out.insert(f);
  const std::string lower = icu_case(f, 0);
  out.insert(lower);
  out.insert(icu_case(f, 1));
  out.insert(icu_case(f, 2));
  if (f.find('\'') != std::string::npos) out.insert(with_curly_apostrophes(f));
  elided.insert("l'" + lower);
  elided.insert("L\u2019" + icu_case(f, 1));
  elided.insert("qu'" + f);
}

}  // namespace

BOOST_AUTO_TEST_CASE(table_is_only_for_its_dictionary) {
  const morph_table* fr = morph_table::for_dictionary(aff, dic);
  const morph_table* en = morph_table::for_dictionary(en_aff, en_dic);
  BOOST_REQUIRE(fr != nullptr);
  BOOST_REQUIRE(en != nullptr);
  BOOST_TEST(!fr->spelling_table());
  BOOST_TEST(en->spelling_table());
  // Each answers only its own kind of question.
  analyses_digest d;
  BOOST_TEST((fr->lookup_spelling("usine", d) == morph_table::answer::ask_hunspell));
  BOOST_TEST((en->lookup("factory", d) == morph_table::answer::ask_hunspell));
  // The same dictionary with one more word is another dictionary.
  fs::path dir = fs::temp_directory_path() / ("econkg_morph_table_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    std::ofstream(dir / "fr.aff", std::ios::binary) << read_whole(aff);
    std::ofstream(dir / "fr.dic", std::ios::binary) << read_whole(dic) << "Zyxwvu/L'D'Q' po:npr\n";
  }
  BOOST_TEST(morph_table::for_dictionary((dir / "fr.aff").string(), (dir / "fr.dic").string()) == nullptr);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(table_agrees_with_hunspell) {
  const morph_table* table = morph_table::for_dictionary(aff, dic);
  BOOST_REQUIRE(table != nullptr);
  Hunspell h(aff.c_str(), dic.c_str());

  // 1. Every token of the repository's French and English texts and word lists.
  std::set<std::string> texts, texts_elided;
  {
    const fs::path src = ECONKG_SOURCE_DIR;
    std::vector<fs::path> files;
    for (const char* dir : {"eval", "samples", "lexicon", "tests/golden"})
      for (auto& e : fs::recursive_directory_iterator(src / dir))
        if (e.is_regular_file() && (e.path().extension() == ".jsonl" || e.path().extension() == ".tsv" ||
                                    e.path().extension() == ".txt" || e.path().extension() == ".md"))
          files.push_back(e.path());
    BOOST_REQUIRE(files.size() > 20);
    econkg::segmenter seg("fr");
    std::set<std::string> surfaces;
    for (const auto& p : files) {
      std::istringstream in(read_whole(p));
      for (std::string line; std::getline(in, line);) {
        econkg::segmented s = seg.segment(line);
        for (const auto& t : s.tokens) surfaces.insert(line.substr(t.begin, t.end - t.begin));
      }
    }
    for (const auto& f : surfaces) add_variants(f, texts, texts_elided);
  }
  comparison corpus, corpus_elided;
  compare(*table, h, texts, corpus);
  compare(*table, h, texts_elided, corpus_elided);

  // 2. One dictionary word in five, with its variants, and 20,000 random
  // edits of dictionary words (a letter added, dropped or changed, a
  // prefix), in random casings.
  std::set<std::string> words, words_elided, edits;
  {
    std::istringstream in(read_whole(dic));
    std::string line;
    std::getline(in, line);
    std::vector<std::string> roots;
    for (std::size_t n = 0; std::getline(in, line); ++n) {
      std::string w = line.substr(0, line.find_first_of("/ \t"));
      roots.push_back(w);
      if (n % 5 == 0) add_variants(w, words, words_elided);
    }
    std::uint64_t seed = 12345;
    auto next = [&](std::size_t n) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      return static_cast<std::size_t>((seed >> 33) % n);
    };
    const std::vector<std::string> letters = {"a", "e", "s", "t", "x", "é", "è", "ê", "'", "-", "z", "n"};
    const std::vector<std::string> prefixes = {"re", "dé", "in", "anti", "kilo", "l'", "d'", "pré", "sur"};
    while (edits.size() < 20000) {
      std::string w = roots[next(roots.size())];
      switch (next(4)) {
        case 0: w += letters[next(letters.size())]; break;
        case 1: if (w.size() > 1 && static_cast<unsigned char>(w.back()) < 0x80) w.pop_back(); break;
        case 2: w = prefixes[next(prefixes.size())] + w; break;
        default: {
          std::size_t at = next(w.size());
          if (static_cast<unsigned char>(w[at]) < 0x80) w.replace(at, 1, letters[next(letters.size())]);
        }
      }
      edits.insert(icu_case(w, static_cast<int>(next(4)) % 3 == 0 ? 1 : next(3) == 0 ? 2 : 3));
    }
  }
  comparison dictionary, dictionary_elided, random;
  compare(*table, h, words, dictionary);
  compare(*table, h, words_elided, dictionary_elided);
  compare(*table, h, edits, random);

  for (const comparison* c : {&corpus, &corpus_elided, &dictionary, &dictionary_elided, &random}) {
    report(*c, "with analyses", "without");
    BOOST_TEST(c->differences.empty());
  }
  for (const comparison* c : {&corpus, &dictionary, &random}) {
    BOOST_TEST(c->found > 0);
    BOOST_TEST(c->none > 0);
  }
  // The table answers for nearly every form but the elided ones (« l'usine »,
  // left to hunspell whenever the elision is a prefix of the dictionary's).
  BOOST_TEST(corpus.answered * 1000 >= corpus.forms * 999);
  BOOST_TEST(dictionary.answered * 1000 >= dictionary.forms * 995);
  BOOST_TEST(random.answered * 100 >= random.forms * 90);
}

BOOST_AUTO_TEST_CASE(spelling_table_agrees_with_hunspell) {
  const morph_table* table = morph_table::for_dictionary(en_aff, en_dic);
  BOOST_REQUIRE(table != nullptr);
  Hunspell h(en_aff.c_str(), en_dic.c_str());
  // Lower-case forms (what econkg asks about): every token of the
  // repository's texts, one dictionary word in three, random edits.
  std::set<std::string> texts, words, edits;
  {
    const fs::path src = ECONKG_SOURCE_DIR;
    econkg::segmenter seg("en");
    for (const char* dir : {"eval", "samples", "lexicon", "tests/golden"})
      for (auto& e : fs::recursive_directory_iterator(src / dir)) {
        if (!e.is_regular_file()) continue;
        std::istringstream in(read_whole(e.path()));
        for (std::string line; std::getline(in, line);)
          for (const auto& t : seg.segment(line).tokens) texts.insert(econkg::lower_utf8(line.substr(t.begin, t.end - t.begin)));
      }
  }
  std::vector<std::string> roots;
  {
    std::istringstream in(read_whole(en_dic));
    std::string line;
    std::getline(in, line);
    for (std::size_t n = 0; std::getline(in, line); ++n) {
      roots.push_back(icu_case(line.substr(0, line.find_first_of("/ \t")), 0));
      if (n % 3 == 0) words.insert(roots.back());
    }
  }
  std::uint64_t seed = 54321;
  auto next = [&](std::size_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((seed >> 33) % n);
  };
  const std::vector<std::string> bits = {"s", "ed", "ing", "'s", "-", "er", "x", "e", "un", "re"};
  while (edits.size() < 20000) {
    std::string w = roots[next(roots.size())];
    switch (next(4)) {
      case 0: w += bits[next(bits.size())]; break;
      case 1: w = bits[next(bits.size())] + w; break;
      case 2: w += "-" + roots[next(roots.size())]; break;
      default: w += "-" + roots[next(roots.size())] + "-" + roots[next(roots.size())];
    }
    edits.insert(w);
  }
  comparison corpus, dictionary, random;
  compare_spelling(*table, h, texts, corpus);
  compare_spelling(*table, h, words, dictionary);
  compare_spelling(*table, h, edits, random);
  for (const comparison* c : {&corpus, &dictionary, &random}) {
    report(*c, "known", "unknown");
    BOOST_TEST(c->differences.empty());
    BOOST_TEST(c->found > 0);
    BOOST_TEST(c->none > 0);
  }
  BOOST_TEST(corpus.answered * 100 >= corpus.forms * 75);  // the rest: numbers, hyphenated words
  BOOST_TEST(dictionary.answered * 100 >= dictionary.forms * 97);
}
