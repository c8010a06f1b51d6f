// Tests of the document reader (SPEC §5): a table of inputs, each with the
// documents and problems it must give. Inputs are written to a fresh folder
// under the system temporary directory, never into the source tree.
#define BOOST_TEST_MODULE reader
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <utility>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf8.h>

#include "extract/reader.hpp"

namespace fs = std::filesystem;
namespace bdata = boost::unit_test::data;

namespace {

// A fresh folder under the temporary directory, removed at the end.
class temp_dir {
 public:
  temp_dir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("econkg-test-reader-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;

  const fs::path& path() const { return path_; }

  void write(const std::string& name, const std::string& bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
  }

 private:
  fs::path path_;
};

struct expected_doc {
  std::string id;
  std::optional<std::string> text;   // checked when set
  std::optional<std::string> title;  // checked when set
  std::optional<std::string> lang;   // checked when set
  std::string date;                  // always checked
};

struct expected_problem {
  std::string where;  // relative to the temporary folder
  std::string what;   // a substring of the message
};

struct reader_case {
  std::string name;
  std::vector<std::pair<std::string, std::string>> files;  // relative name -> bytes
  std::vector<std::string> inputs;                         // relative to the folder, or "-"
  econkg::read_options options;
  std::string stdin_bytes;
  std::vector<expected_doc> docs;
  std::vector<expected_problem> problems;
  std::size_t skipped = 0;
};

std::ostream& operator<<(std::ostream& os, const reader_case& c) { return os << c.name; }

const std::string fr_paragraph =
    "Le groupe industriel a annoncé lundi qu’il allait investir plusieurs millions d’euros "
    "dans son usine de la région, où il compte recruter des techniciens et des ingénieurs "
    "au cours des deux prochaines années, selon un communiqué publié par la direction.";
const std::string en_paragraph =
    "The industrial group announced on Monday that it would invest several million dollars "
    "in its plant in the region, where it plans to hire technicians and engineers over the "
    "next two years, according to a statement released by the management.";

std::string jsonl_record(const std::string& id, const std::string& text, const std::string& extra = "") {
  return "{\"id\":\"" + id + "\",\"text\":\"" + text + "\"" + extra + "}\n";
}

std::vector<reader_case> cases() {
  std::vector<reader_case> t;
  {
    reader_case c;
    c.name = "txt: whole file is the text, id is the file name, headline kept in text";
    c.files = {{"annonce.fr.txt", "Titre sans point final\nPremière phrase du texte."}};
    c.inputs = {"annonce.fr.txt"};
    c.options.lang = "fr";
    c.docs = {{"annonce.fr", "Titre sans point final\nPremière phrase du texte.", "", "fr", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "jsonl: three records with every field";
    c.files = {{"news.jsonl",
                "{\"id\":\"a\",\"lang\":\"fr\",\"date\":\"2024-05-13\",\"title\":\"Titre A\","
                "\"url\":\"https://example.org/a\",\"text\":\"Texte A.\"}\n"
                "{\"id\":2,\"lang\":\"en\",\"date\":null,\"title\":null,\"url\":null,\"text\":\"Text B.\"}\n"
                "{\"id\":\"c\",\"lang\":\"EN-us\",\"text\":\"Text C.\\nSecond line.\"}\n"}};
    c.inputs = {"news.jsonl"};
    c.docs = {{"a", "Texte A.", "Titre A", "fr", "2024-05-13"},
              {"2", "Text B.", "", "en", ""},
              {"c", "Text C.\nSecond line.", "", "en", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "directory: every .txt and .jsonl below, sorted bytewise by path";
    c.files = {{"corpus/b.txt", "Texte B."},
               {"corpus/a/z.txt", "Texte Z."},
               {"corpus/a.jsonl", jsonl_record("a1", "Texte A1.")},
               {"corpus/sub/deep/c.TXT", "Texte C."},
               {"corpus/notes.md", "ignored"},
               {"corpus/data.json", "{}"}};
    c.inputs = {"corpus"};
    c.options.lang = "fr";
    // '.' (0x2E) sorts before '/' (0x2F): a.jsonl comes before a/z.txt.
    c.docs = {{"a1", "Texte A1.", "", "fr", ""},
              {"z", "Texte Z.", "", "fr", ""},
              {"b", "Texte B.", "", "fr", ""},
              {"c", "Texte C.", "", "fr", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "inputs are read in the order given";
    c.files = {{"2.txt", "Deux."}, {"1.txt", "Un."}};
    c.inputs = {"2.txt", "1.txt"};
    c.options.lang = "fr";
    c.docs = {{"2", "Deux.", "", "fr", ""}, {"1", "Un.", "", "fr", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "BOM is stripped from .txt, .jsonl and text values";
    c.files = {{"bom.txt", "\xEF\xBB\xBFTexte."},
               {"bom.jsonl", "\xEF\xBB\xBF" + jsonl_record("j", "\xEF\xBB\xBFTexte J.")}};
    c.inputs = {"bom.txt", "bom.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"bom", "Texte.", "", "fr", ""}, {"j", "Texte J.", "", "fr", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "CRLF and CR become LF, in files and in JSON strings";
    c.files = {{"crlf.txt", "Ligne un.\r\nLigne deux.\rLigne trois.\r\n"},
               {"crlf.jsonl", "{\"id\":\"x\",\"title\":\"T\\r\\nU\",\"text\":\"A.\\r\\nB.\"}\r\n"
                              "{\"id\":\"y\",\"text\":\"C.\"}\r\n"}};
    c.inputs = {"crlf.txt", "crlf.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"crlf", "Ligne un.\nLigne deux.\nLigne trois.\n", "", "fr", ""},
              {"x", "A.\nB.", "T\nU", "fr", ""},
              {"y", "C.", "", "fr", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "invalid UTF-8 line among good ones";
    c.files = {{"mixed.jsonl", jsonl_record("ok1", "Bon.") +
                                   "{\"id\":\"bad\",\"text\":\"Mauvais \xC3\x28 octet.\"}\n" +
                                   jsonl_record("ok2", "Bon aussi.")}};
    c.inputs = {"mixed.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"ok1", "Bon.", "", "fr", ""}, {"ok2", "Bon aussi.", "", "fr", ""}};
    // The bad byte 0xC3 is the 29th byte of the line.
    c.problems = {{"mixed.jsonl:2", "invalid UTF-8 at byte 29"}};
    c.skipped = 1;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "invalid UTF-8 in a .txt names the line";
    c.files = {{"latin1.txt", "Ligne un.\nCaf\xE9 cr\xE8me.\n"}};
    c.inputs = {"latin1.txt"};
    c.problems = {{"latin1.txt:2", "invalid UTF-8 at byte 4"}};
    c.skipped = 1;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "overlong encoding and surrogates are invalid UTF-8";
    c.files = {{"overlong.txt", "A\xC0\xAF"}, {"surrogate.txt", "AB\xED\xA0\x80"}};
    c.inputs = {"overlong.txt", "surrogate.txt"};
    c.problems = {{"overlong.txt:1", "invalid UTF-8 at byte 2"},
                  {"surrogate.txt:1", "invalid UTF-8 at byte 3"}};
    c.skipped = 2;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "broken JSON line is skipped, the rest is read";
    c.files = {{"broken.jsonl", jsonl_record("a", "A.") + "{\"id\":\"b\",\"text\":\"B.\"\n" +
                                    "[1,2]\n" + jsonl_record("d", "D.")}};
    c.inputs = {"broken.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"a", "A.", "", "fr", ""}, {"d", "D.", "", "fr", ""}};
    c.problems = {{"broken.jsonl:2", "invalid JSON"}, {"broken.jsonl:3", "not a JSON object"}};
    c.skipped = 2;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "missing or mistyped id and text";
    c.files = {{"fields.jsonl", "{\"id\":\"a\"}\n"
                                "{\"text\":\"Sans id.\"}\n"
                                "{\"id\":\"c\",\"text\":42}\n"
                                "{\"id\":[1],\"text\":\"T.\"}\n"
                                "{\"id\":\"\",\"text\":\"T.\"}\n"
                                "\n"
                                "{\"id\":\"ok\",\"text\":\"Bon.\",\"title\":7}\n"}};
    c.inputs = {"fields.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"ok", "Bon.", "", "fr", ""}};
    c.problems = {{"fields.jsonl:1", "missing \"text\""},
                  {"fields.jsonl:2", "missing \"id\""},
                  {"fields.jsonl:3", "\"text\" is not a string"},
                  {"fields.jsonl:4", "\"id\" must be a string or a number"},
                  {"fields.jsonl:5", "empty \"id\""},
                  {"fields.jsonl:7", "\"title\" is not a string"}};
    c.skipped = 5;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "empty files and empty documents";
    c.files = {{"empty.txt", ""},
               {"blank.txt", " \n\t\r\n"},
               {"empty.jsonl", ""},
               {"blank.jsonl", "\n\n"},
               {"empty-text.jsonl", jsonl_record("e", "  \\n ")}};
    c.inputs = {"empty.txt", "blank.txt", "empty.jsonl", "blank.jsonl", "empty-text.jsonl"};
    c.problems = {{"empty.txt:1", "empty document"},
                  {"blank.txt:1", "empty document"},
                  {"empty.jsonl", "empty file"},
                  {"blank.jsonl", "empty file"},
                  {"empty-text.jsonl:1", "empty document"}};
    c.skipped = 5;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "NUL bytes and binary content are rejected";
    std::string nul_txt = "Texte avec un\n";
    nul_txt += std::string("NUL ici: \0 fin.", 15);
    std::string controls(200, '\x01');
    c.files = {{"nul.txt", nul_txt},
               {"controls.txt", "Texte " + controls},
               {"image.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)},
               {"nul.jsonl", jsonl_record("n", "Escaped \\u0000 NUL.") + jsonl_record("ok", "Bon.")}};
    c.inputs = {"nul.txt", "controls.txt", "image.txt", "nul.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"ok", "Bon.", "", "fr", ""}};
    c.problems = {{"nul.txt:2", "binary content (NUL byte at byte 10)"},
                  {"controls.txt:1", "binary content"},
                  {"image.txt:1", "invalid UTF-8 at byte 1"},
                  {"nul.jsonl:1", "binary content"}};
    c.skipped = 4;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "non-existent file, unknown extension, directory with no inputs";
    c.files = {{"good.txt", "Bon."}, {"notes.md", "# notes"}, {"nothing/readme.md", "x"}};
    c.inputs = {"missing.txt", "notes.md", "nothing", "good.txt"};
    c.options.lang = "fr";
    c.docs = {{"good", "Bon.", "", "fr", ""}};
    c.problems = {{"missing.txt", "no such file or directory"},
                  {"notes.md", "unknown input type"},
                  {"nothing", "no .txt or .jsonl file"}};
    c.skipped = 3;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "language: detected on French and English paragraphs";
    c.files = {{"fr.txt", fr_paragraph}, {"en.txt", en_paragraph}};
    c.inputs = {"fr.txt", "en.txt"};
    c.docs = {{"fr", fr_paragraph, "", "fr", ""}, {"en", en_paragraph, "", "en", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "language: record lang wins over detection, --lang over both";
    c.files = {{"l.jsonl", jsonl_record("said-en", en_paragraph, ",\"lang\":\"fr\"") +
                               jsonl_record("unknown-code", fr_paragraph, ",\"lang\":\"xx\"")}};
    c.inputs = {"l.jsonl"};
    c.docs = {{"said-en", std::nullopt, "", "fr", ""}, {"unknown-code", std::nullopt, "", "fr", ""}};
    t.push_back(c);
    reader_case forced = c;
    forced.name = "language: --lang forces every document";
    forced.options.lang = "en";
    forced.docs = {{"said-en", std::nullopt, "", "en", ""}, {"unknown-code", std::nullopt, "", "en", ""}};
    t.push_back(forced);
  }
  {
    reader_case c;
    c.name = "NFC: decomposed e + combining acute becomes composed é";
    c.files = {{"nfd.txt", "Cre\xCC\x81" "dit d\xE2\x80\x99" "entreprise."},
               {"nfd.jsonl", jsonl_record("j", "E\\u0301tat.", ",\"title\":\"Pre\xCC\x81sident\"")}};
    c.inputs = {"nfd.txt", "nfd.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"nfd", "Cr\xC3\xA9" "dit d\xE2\x80\x99" "entreprise.", "", "fr", ""},
              {"j", "\xC3\x89tat.", "Pr\xC3\xA9sident", "fr", ""}};
    t.push_back(c);
  }
  {
    // The reader skips the NFC check for the fields of a line whose raw
    // code points all pass plainly_nfc, unless the line holds a \u escape:
    // here the only combining mark comes from an escape, in a line that is
    // otherwise plain (accented Latin-1, a typographic apostrophe), once in
    // the text and once in the title of another record.
    reader_case c;
    c.name = "NFC: a combining mark from a \\u escape in an otherwise plain line is composed";
    c.files = {{"esc.jsonl", jsonl_record("t", "D\xC3\xA9j\xC3\xA0 l\xE2\x80\x99" "E\\u0301tat.") +
                                 jsonl_record("h", "D\xC3\xA9j\xC3\xA0.", ",\"title\":\"Pre\\u0301sident\"")}};
    c.inputs = {"esc.jsonl"};
    c.options.lang = "fr";
    c.docs = {{"t", "D\xC3\xA9j\xC3\xA0 l\xE2\x80\x99\xC3\x89tat.", "", "fr", ""},
              {"h", "D\xC3\xA9j\xC3\xA0.", "Pr\xC3\xA9sident", "fr", ""}};
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "dates: record date, default date, invalid date keeps the document";
    c.files = {{"d.jsonl", jsonl_record("given", "A.", ",\"date\":\"2024-02-29\"") +
                               jsonl_record("datetime", "B.", ",\"date\":\"2024-05-13T09:30:00Z\"") +
                               jsonl_record("none", "C.") +
                               jsonl_record("bad", "D.", ",\"date\":\"2023-02-29\"") +
                               jsonl_record("words", "E.", ",\"date\":\"13 mai 2024\"")}};
    c.inputs = {"d.jsonl"};
    c.options.lang = "fr";
    c.options.date = "2025-01-01";
    c.docs = {{"given", "A.", "", "fr", "2024-02-29"},
              {"datetime", "B.", "", "fr", "2024-05-13"},
              {"none", "C.", "", "fr", "2025-01-01"},
              {"bad", "D.", "", "fr", "2025-01-01"},
              {"words", "E.", "", "fr", "2025-01-01"}};
    c.problems = {{"d.jsonl:4", "invalid date \"2023-02-29\""},
                  {"d.jsonl:5", "invalid date \"13 mai 2024\""}};
    c.skipped = 0;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "duplicate ids are reported and kept";
    c.files = {{"dup.jsonl", jsonl_record("x", "Un.") + jsonl_record("x", "Deux.")},
               {"x.txt", "Trois."}};
    c.inputs = {"dup.jsonl", "x.txt"};
    c.options.lang = "fr";
    c.docs = {{"x", "Un.", "", "fr", ""}, {"x", "Deux.", "", "fr", ""}, {"x", "Trois.", "", "fr", ""}};
    c.problems = {{"dup.jsonl:2", "duplicate document id \"x\" (first at dup.jsonl:1)"},
                  {"x.txt:1", "duplicate document id \"x\""}};
    c.skipped = 0;
    t.push_back(c);
  }
  {
    reader_case c;
    c.name = "standard input as JSONL";
    c.inputs = {"-"};
    c.stdin_bytes = jsonl_record("s1", "Un.") + "oops\n" + jsonl_record("s2", "Deux.");
    c.options.lang = "fr";
    c.docs = {{"s1", "Un.", "", "fr", ""}, {"s2", "Deux.", "", "fr", ""}};
    c.problems = {{"<stdin>:2", "invalid JSON"}};
    c.skipped = 1;
    t.push_back(c);
  }
  return t;
}

// Removes the temporary folder from a problem's location.
std::string relative(const std::string& where, const fs::path& root) {
  const std::string prefix = root.string() + "/";
  std::string out = where;
  for (std::size_t at; (at = out.find(prefix)) != std::string::npos;) out.erase(at, prefix.size());
  return out;
}

struct run_result {
  std::vector<econkg::document> docs;
  std::vector<econkg::input_problem> problems;
  std::size_t skipped = 0;
};

run_result run(const std::vector<std::string>& inputs, const econkg::read_options& options,
               const fs::path& root) {
  run_result r;
  std::vector<std::string> paths;
  for (const auto& in : inputs) paths.push_back(in == "-" ? in : (root / in).string());
  econkg::document_reader reader(paths, options, [&](const econkg::input_problem& p) {
    r.problems.push_back({relative(p.where, root), relative(p.what, root)});
  });
  while (auto doc = reader.next()) r.docs.push_back(std::move(*doc));
  r.skipped = reader.skipped();
  return r;
}

}  // namespace

BOOST_DATA_TEST_CASE(reads_input_table, bdata::make(cases()), c) {
  temp_dir dir;
  for (const auto& [name, bytes] : c.files) dir.write(name, bytes);

  std::istringstream fake_stdin(c.stdin_bytes);
  std::streambuf* const saved = std::cin.rdbuf(fake_stdin.rdbuf());
  const run_result r = run(c.inputs, c.options, dir.path());
  std::cin.rdbuf(saved);
  std::cin.clear();

  BOOST_TEST_CONTEXT(c.name) {
    BOOST_TEST_REQUIRE(r.docs.size() == c.docs.size());
    for (std::size_t i = 0; i < c.docs.size(); ++i) {
      const auto& got = r.docs[i];
      const auto& want = c.docs[i];
      BOOST_TEST_CONTEXT("document " << i) {
        BOOST_TEST(got.id == want.id);
        if (want.text) BOOST_TEST(got.text == *want.text);
        if (want.title) BOOST_TEST(got.title == *want.title);
        if (want.lang) BOOST_TEST(got.lang == *want.lang);
        BOOST_TEST(got.date == want.date);
        BOOST_TEST(!got.origin.empty());
      }
    }
    for (const auto& p : r.problems) BOOST_TEST_MESSAGE("problem: " << p.where << ": " << p.what);
    BOOST_TEST_REQUIRE(r.problems.size() == c.problems.size());
    for (std::size_t i = 0; i < c.problems.size(); ++i) {
      BOOST_TEST(r.problems[i].where == c.problems[i].where);
      BOOST_TEST(r.problems[i].what.find(c.problems[i].what) != std::string::npos,
                 "\"" << r.problems[i].what << "\" should contain \"" << c.problems[i].what << "\"");
    }
    BOOST_TEST(r.skipped == c.skipped);
  }
}

BOOST_AUTO_TEST_CASE(origin_names_file_and_line) {
  temp_dir dir;
  dir.write("o.jsonl", "\n" + jsonl_record("a", "A."));
  dir.write("o.txt", "T.");
  const auto r = run({"o.jsonl", "o.txt"}, {.lang = "fr", .date = ""}, dir.path());
  BOOST_TEST_REQUIRE(r.docs.size() == 2u);
  BOOST_TEST(relative(r.docs[0].origin, dir.path()) == "o.jsonl:2");
  BOOST_TEST(relative(r.docs[1].origin, dir.path()) == "o.txt:1");
}

BOOST_AUTO_TEST_CASE(line_longer_than_64_mib_is_skipped) {
  temp_dir dir;
  {
    std::ofstream out(dir.path() / "long.jsonl", std::ios::binary);
    out << jsonl_record("before", "Avant.");
    out << "{\"id\":\"huge\",\"text\":\"";
    const std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 65; ++i) out << chunk;
    out << "\"}\n";
    out << jsonl_record("after", "Après.");
  }
  const auto r = run({"long.jsonl"}, {.lang = "fr", .date = ""}, dir.path());
  BOOST_TEST_REQUIRE(r.docs.size() == 2u);
  BOOST_TEST(r.docs[0].id == "before");
  BOOST_TEST(r.docs[1].id == "after");
  BOOST_TEST_REQUIRE(r.problems.size() == 1u);
  BOOST_TEST(r.problems[0].where == "long.jsonl:2");
  BOOST_TEST(r.problems[0].what == "line longer than 64 MiB");
  BOOST_TEST(r.skipped == 1u);
}

BOOST_AUTO_TEST_CASE(seed_article_reads_as_french) {
  const fs::path seed = fs::path(ECONKG_SOURCE_DIR) / "samples" / "microsoft-choose-france.fr.txt";
  if (!fs::exists(seed)) return;  // samples/ is optional for this test
  std::vector<econkg::input_problem> problems;
  econkg::document_reader reader({seed.string()}, {},
                                 [&](const econkg::input_problem& p) { problems.push_back(p); });
  const auto doc = reader.next();
  BOOST_TEST_REQUIRE(doc.has_value());
  BOOST_TEST(doc->id == "microsoft-choose-france.fr");
  BOOST_TEST(doc->lang == "fr");
  BOOST_TEST(doc->title.empty());
  BOOST_TEST(doc->text.rfind("Microsoft promet", 0) == 0u);
  BOOST_TEST(problems.empty());
  BOOST_TEST(!reader.next().has_value());
}

// plainly_nfc answers true only where ICU's NFC normaliser leaves the text
// as it is: for each code point alone, only those whose NFC_Quick_Check is
// Yes with combining class 0 (UAX #15: then any string of them is in NFC),
// and each of those it names; for random strings of code points around them
// (combining marks, code points ICU changes, bytes that are not UTF-8), true
// only when ICU's normaliser gives the string back unchanged.
BOOST_AUTO_TEST_CASE(plainly_nfc_agrees_with_icu) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  BOOST_TEST_REQUIRE(U_SUCCESS(status));
  const auto utf8 = [](UChar32 c) {
    char buf[4];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, c);
    return std::string(buf, static_cast<std::size_t>(n));
  };
  for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
    if (U_IS_SURROGATE(c)) continue;
    const bool named = c < 0x300 || (c >= 0x2010 && c <= 0x2027) || c == 0x202F || c == 0x20AC;
    const bool yes = u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES && u_getCombiningClass(c) == 0;
    const bool fast = econkg::plainly_nfc(utf8(c));
    BOOST_TEST(fast == named, "U+" << std::hex << c);
    if (fast) BOOST_TEST(yes, "U+" << std::hex << c);
  }
  const std::vector<std::string> parts = {
      "a", "E", " ", ".", "\n", "\xC3\xA9" /* é */, "e", "\xCC\x81" /* U+0301 */, "\xCD\x80" /* U+0340 */,
      "\xE2\x80\x99" /* ’ */, "\xE2\x80\x80" /* U+2000 */, "\xE2\x80\xAF" /* U+202F */, "\xE2\x82\xAC" /* € */,
      "\xE2\x84\xAB" /* U+212B */, "\xE1\x84\x80" /* U+1100 */, "\xE1\x85\xA1" /* U+1161 */, "\xCB\xBF" /* U+02FF */,
      "\x80", "\xC0\x80", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\xF0\x9F\x98\x80", "\xF4\x90\x80\x80", "\xFF"};
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<std::size_t> pick(0, parts.size() - 1), length(0, 12);
  for (int n = 0; n < 100000; ++n) {
    std::string s;
    for (std::size_t k = length(rng); k > 0; --k) s += parts[pick(rng)];
    if (!econkg::plainly_nfc(s)) continue;
    std::string normal;
    icu::StringByteSink<std::string> sink(&normal);
    status = U_ZERO_ERROR;
    nfc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr, status);
    BOOST_TEST_REQUIRE(U_SUCCESS(status));
    BOOST_TEST(normal == s);
    status = U_ZERO_ERROR;
    BOOST_TEST(nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status));
  }
  for (const char* bad : {"\x80", "a\xC0\x80", "\xC3", "\xC3" "a", "\xE2\x80", "\xE2\x80" "a", "\xF0\x9F\x98\x80"})
    BOOST_TEST(!econkg::plainly_nfc(bad), bad);
}

// The byte checks skip plain bytes sixteen or eight at a time (SSE2, then
// words): whatever its offset, the first byte that is not plain must be
// found, and reported at the same byte, as a byte-by-byte scan would.
BOOST_AUTO_TEST_CASE(byte_checks_find_a_byte_at_any_offset) {
  const std::string head = "{\"text\":\"";
  const std::string tail(40, 'b');
  for (std::size_t k = 0; k <= 40; ++k) {
    BOOST_TEST_CONTEXT("offset " << k) {
      const std::string lead(k, 'a');
      temp_dir dir;
      int n = 0;  // each line its own id
      auto line = [&](const std::string& middle) {
        return head + lead + middle + tail + "\",\"id\":\"" + std::to_string(n++) + "\"}\n";
      };
      std::string lines = line("\xFF");     // invalid UTF-8
      lines += line("\\u0000");             // NUL in the text
      lines += line("\\u0001");             // a control character (1 in at most 81 bytes)
      lines += line("\x7F");                // DEL, likewise
      lines += line("\xC3\xA9");            // é: kept as it is
      lines += line("e\xCC\x81");           // e + combining acute: made NFC
      dir.write("k.jsonl", lines);
      const auto r = run({"k.jsonl"}, {.lang = "fr", .date = ""}, dir.path());
      BOOST_TEST_REQUIRE(r.problems.size() == 4u);
      BOOST_TEST(r.problems[0].what == "invalid UTF-8 at byte " + std::to_string(head.size() + k + 1));
      BOOST_TEST(r.problems[1].what == "binary content (NUL byte at byte " + std::to_string(k + 1) + ")");
      BOOST_TEST(r.problems[2].what == "binary content (1 control characters)");
      BOOST_TEST(r.problems[3].what == "binary content (1 control characters)");
      BOOST_TEST_REQUIRE(r.docs.size() == 2u);
      BOOST_TEST(r.docs[0].text == lead + "\xC3\xA9" + tail);
      BOOST_TEST(r.docs[1].text == lead + "\xC3\xA9" + tail);
    }
  }
}

// The parser's values go to a fixed room reused from record to record; a
// record with more members than it holds spills into chunks of their own,
// and the records after it are read as before.
BOOST_AUTO_TEST_CASE(record_with_many_members_then_others) {
  temp_dir dir;
  std::string extra;
  for (int i = 0; i < 3000; ++i) extra += ",\"k" + std::to_string(i) + "\":[" + std::to_string(i) + ",\"v\"]";
  dir.write("m.jsonl", jsonl_record("small", "Un.") + jsonl_record("many", "Deux.", extra) +
                           jsonl_record("after", "Trois.") + jsonl_record("many2", "Quatre.", extra));
  const auto r = run({"m.jsonl"}, {.lang = "fr", .date = ""}, dir.path());
  BOOST_TEST(r.problems.empty());
  BOOST_TEST_REQUIRE(r.docs.size() == 4u);
  BOOST_TEST(r.docs[0].text == "Un.");
  BOOST_TEST(r.docs[1].text == "Deux.");
  BOOST_TEST(r.docs[2].text == "Trois.");
  BOOST_TEST(r.docs[3].id == "many2");
  BOOST_TEST(r.docs[3].text == "Quatre.");
}
