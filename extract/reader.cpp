// Document reader (SPEC §5): .txt files, .jsonl files, directories and "-".
//
// Every input is read lazily: a directory is listed when the reader reaches
// it, a JSONL file is read one line at a time through a fixed-size buffer, so
// the corpus is never held in memory and a line longer than the limit is
// skipped without being stored.
#include "extract/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>  // before compact_lang_det.h (TOOLCHAIN.md)
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <utility>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <compact_lang_det.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

namespace econkg {
namespace {

namespace fs = std::filesystem;

// Longest JSONL line and largest .txt file accepted.
constexpr std::size_t max_record_bytes = std::size_t{64} << 20;
// CLD2 is reliable on a paragraph; a few kilobytes are plenty and keep
// detection cheap on very long documents.
constexpr std::size_t max_detect_bytes = 64 * 1024;

constexpr std::string_view stdin_name = "<stdin>";

enum class input_kind { txt, jsonl };

// Lower-cased extension of a path, without the dot.
std::string extension_of(const fs::path& p) {
  std::string ext = p.extension().string();
  if (!ext.empty() && ext.front() == '.') ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

std::optional<input_kind> kind_of(const fs::path& p) {
  const std::string ext = extension_of(p);
  if (ext == "txt") return input_kind::txt;
  if (ext == "jsonl") return input_kind::jsonl;
  return std::nullopt;
}

// The end of the run of ASCII bytes from offset i, at least as far as the
// last whole eight bytes of it: sixteen at a time where SSE2 is at hand
// (exactly to the first other byte then), eight at a time after that (most
// of any text); the caller's byte loop sees what is left.
std::size_t skip_ascii(std::string_view s, std::size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= s.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    if (const int high = _mm_movemask_epi8(v))  // the top bit of each byte
      return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(high)));
  }
#endif
  for (std::uint64_t x; i + 8 <= s.size(); i += 8) {
    std::memcpy(&x, s.data() + i, 8);
    if (x & 0x8080808080808080ull) break;
  }
  return i;
}

// Offset of the first byte that is not part of well-formed UTF-8 (no
// overlong forms, no surrogates, nothing above U+10FFFF), or npos. When
// `plain` is given and `s` is well-formed, *plain says whether every code
// point of `s` is one that plainly_nfc accepts (same set, same answer).
std::size_t find_invalid_utf8(std::string_view s, bool* plain = nullptr) {
  bool all_plain = true;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    i = skip_ascii(s, i);
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n) return i;
    if (p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    // The code points plainly_nfc accepts: U+0080..U+02FF (leads C2..CB),
    // U+2010..U+2027, U+202F and U+20AC.
    if (all_plain && c > 0xCB) {
      const unsigned char b1 = p[i + 1], b2 = len > 2 ? p[i + 2] : 0;
      all_plain = c == 0xE2 && ((b1 == 0x80 && ((b2 >= 0x90 && b2 <= 0xA7) || b2 == 0xAF)) ||
                                (b1 == 0x82 && b2 == 0xAC));
    }
    i += len;
  }
  if (plain) *plain = all_plain;
  return std::string_view::npos;
}

// Line (1-based) and byte within that line (1-based) of offset `at` in
// `s`, counting LF, CR LF and a lone CR as one line break each.
std::pair<std::size_t, std::size_t> line_and_column(std::string_view s, std::size_t at) {
  std::size_t line = 1, line_start = 0;
  for (std::size_t i = 0; i < at && i < s.size(); ++i) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n'))) {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, at - line_start + 1};
}

void strip_bom(std::string& s) {
  if (s.size() >= 3 && s.compare(0, 3, "\xEF\xBB\xBF") == 0) s.erase(0, 3);
}

// CR LF and lone CR become LF.
void normalise_newlines(std::string& s) {
  if (s.find('\r') == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out.push_back(s[i]);
    }
  }
  s.swap(out);
}

// Why `s` looks like binary data rather than text, or empty when it does not.
// A NUL byte is never text; other control characters (except tab, line
// breaks and form feed) are tolerated when rare, as stray ones occur in
// copied-and-pasted press releases.
std::string binary_reason(std::string_view s) {
  std::size_t controls = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
#if defined(__SSE2__)
    // Skip sixteen bytes at a time while none is below 0x20 or 0x7F (most
    // of any text): b is below 0x20 exactly when min(b, 0x1F) == b.
    const __m128i below = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F);
    while (i + 16 <= s.size()) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      if (_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, below), v), _mm_cmpeq_epi8(v, del))))
        break;
      i += 16;
    }
#endif
    // Then eight at a time: a byte b is below 0x20 when b - 0x20 borrows
    // into its top bit (b itself below 0x80), 0x7F when b ^ 0x7F is 0.
    while (i + 8 <= s.size()) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
      const std::uint64_t del = x ^ (0x7F * ones);
      if (((x - 0x20 * ones) & ~x & highs) | ((del - ones) & ~del & highs)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return "binary content (NUL byte at byte " + std::to_string(i + 1) + ")";
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F)
      ++controls;
  }
  if (controls > 0 && controls * 100 > s.size())
    return "binary content (" + std::to_string(controls) + " control characters)";
  return {};
}

bool blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  });
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// `s` as an ISO calendar date "YYYY-MM-DD", or nullopt. A date-time
// ("2024-05-13T09:30:00Z") is accepted and cut to its date.
std::optional<std::string> iso_date(std::string_view s) {
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (const std::size_t i : std::array<std::size_t, 8>{0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  auto num = [&](std::size_t b, std::size_t n) {
    int v = 0;
    for (std::size_t i = b; i < b + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  const int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  const int max_day = days[static_cast<std::size_t>(m - 1)] + (m == 2 && leap(y) ? 1 : 0);
  if (d > max_day) return std::nullopt;
  return std::string(s);
}

// "fr" or "en" from a record's lang ("fr", "FR", "fr-FR", "en_US"), else empty.
std::string known_lang(std::string_view s) {
  std::string primary;
  for (char c : s) {
    if (c == '-' || c == '_') break;
    primary.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (primary == "fr" || primary == "fre" || primary == "fra") return "fr";
  if (primary == "en" || primary == "eng") return "en";
  return {};
}

// Language of a document by CLD2: "fr", "en", another ISO 639 code, or
// "und" when CLD2 cannot tell.
std::string detect_lang(const std::string& title, const std::string& text) {
  std::string sample;
  if (!title.empty()) {
    sample = title;
    sample.push_back('\n');
  }
  sample.append(text, 0, std::min(text.size(), max_detect_bytes));
  // Do not cut a multi-byte character in two: CLD2 wants valid UTF-8.
  while (!sample.empty() && (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80)
    sample.pop_back();
  if (!sample.empty() && static_cast<unsigned char>(sample.back()) >= 0xC0) sample.pop_back();
  bool reliable = false;
  const CLD2::Language lang =
      CLD2::DetectLanguage(sample.data(), static_cast<int>(sample.size()), true, &reliable);
  if (lang == CLD2::FRENCH) return "fr";
  if (lang == CLD2::ENGLISH) return "en";
  if (lang == CLD2::UNKNOWN_LANGUAGE) return "und";
  const char* code = CLD2::LanguageCode(lang);
  return code && *code ? code : "und";
}

// Reads lines of any length through a fixed buffer; a line longer than the
// limit is consumed without being kept.
class line_reader {
 public:
  explicit line_reader(std::istream& in) : in_(in), buf_(1 << 16) {}

  // Next line without its LF (a trailing CR is kept: the caller decides).
  // False at end of input. `too_long` says the line was skipped and `line`
  // is empty.
  bool next(std::string& line, bool& too_long) {
    line.clear();
    too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == end_ && !fill()) return any;
      any = true;
      const char* begin = buf_.data() + pos_;
      const char* stop = buf_.data() + end_;
      const char* nl = static_cast<const char*>(std::memchr(begin, '\n', static_cast<std::size_t>(stop - begin)));
      const char* piece_end = nl ? nl : stop;
      const auto piece = static_cast<std::size_t>(piece_end - begin);
      if (!too_long) {
        if (line.size() + piece > max_record_bytes) {
          too_long = true;
          line.clear();
          line.shrink_to_fit();
        } else {
          line.append(begin, piece);
        }
      }
      pos_ += piece;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }

  bool failed() const { return in_.bad(); }

 private:
  bool fill() {
    if (!in_) return false;
    in_.read(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    pos_ = 0;
    end_ = static_cast<std::size_t>(in_.gcount());
    return end_ > 0;
  }

  std::istream& in_;
  std::vector<char> buf_;
  std::size_t pos_ = 0, end_ = 0;
};

std::string describe_errno(int err) { return std::generic_category().message(err); }

}  // namespace

bool plainly_nfc(std::string_view s) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  std::size_t i = 0;
  while (i < s.size()) {
    i = skip_ascii(s, i);
    if (i >= s.size()) break;
    const unsigned char b = byte(i);
    if (b < 0x80) {
      ++i;
    } else if (b >= 0xC2 && b <= 0xCB) {  // U+0080..U+02FF
      if (i + 1 >= s.size() || (byte(i + 1) & 0xC0) != 0x80) return false;
      i += 2;
    } else if (b == 0xE2 && i + 2 < s.size()) {
      const unsigned char c = byte(i + 1), d = byte(i + 2);
      const bool punctuation = c == 0x80 && ((d >= 0x90 && d <= 0xA7) || d == 0xAF);  // U+2010..U+2027, U+202F
      const bool euro = c == 0x82 && d == 0xAC;                                        // U+20AC
      if (!punctuation && !euro) return false;
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

struct document_reader::state {
  std::vector<std::string> inputs;
  read_options options;
  std::function<void(const input_problem&)> on_problem;
  const icu::Normalizer2* nfc = nullptr;

  std::size_t next_input = 0;
  std::vector<fs::path> pending;  // files of the directory being read, in order
  std::size_t next_pending = 0;

  // The JSONL source being read, if any.
  std::unique_ptr<std::ifstream> file;
  std::unique_ptr<line_reader> lines;
  std::string source;  // name used in messages
  std::size_t line_no = 0;
  std::size_t records = 0;  // lines that held something, in this source
  std::string line;  // the line being read, kept for its capacity
  // The values of the record being parsed (in place: its strings stay in
  // `line`) go to this room, emptied for each record, rather than to a
  // fresh 64 KiB pool per record; a record with very many members spills
  // into chunks the pool allocates (and frees at the next record).
  alignas(8) std::array<char, 8 * 1024> json_room{};
  rapidjson::MemoryPoolAllocator<> json_pool{json_room.data(), json_room.size()};
  rapidjson::CrtAllocator json_stack_allocator;  // of the parser's stack

  std::unordered_map<std::string, std::string> seen_ids;  // id -> origin
  std::size_t skipped = 0;

  void problem(std::string where, std::string what) {
    if (on_problem) on_problem(input_problem{std::move(where), std::move(what)});
  }
  void skip(std::string where, std::string what) {
    ++skipped;
    problem(std::move(where), std::move(what));
  }

  // Puts s in NFC (ICU's normaliser; plainly_nfc spares it most texts).
  // `known_plain`: the caller knows plainly_nfc(s) to be true.
  void normalise(std::string& s, bool known_plain = false) const {
    if (known_plain || plainly_nfc(s)) return;
    UErrorCode status = U_ZERO_ERROR;
    if (nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status) &&
        U_SUCCESS(status))
      return;
    status = U_ZERO_ERROR;
    std::string out;
    icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(s.size()));
    nfc->normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), sink, nullptr,
                       status);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFC: ") + u_errorName(status));
    s = std::move(out);
  }

  // Cleans and checks the fields of a document that passed the byte checks;
  // false when it must be skipped (the problem is already reported).
  // `plain`: text and title are known to pass plainly_nfc (see
  // read_jsonl_record); BOM stripping and newline changes keep that true.
  bool finish(document& doc, const std::string& record_lang, const std::string& record_date,
              bool plain = false) {
    strip_bom(doc.text);
    strip_bom(doc.title);
    normalise_newlines(doc.text);
    normalise_newlines(doc.title);
    if (blank(doc.text)) {
      skip(doc.origin, "empty document");
      return false;
    }
    for (std::string* field : {&doc.text, &doc.title}) {
      if (auto why = binary_reason(*field); !why.empty()) {
        skip(doc.origin, why);
        return false;
      }
    }
    normalise(doc.text, plain);
    normalise(doc.title, plain);

    if (!options.lang.empty())
      doc.lang = options.lang;
    else if (auto l = known_lang(record_lang); !l.empty())
      doc.lang = l;
    else
      doc.lang = detect_lang(doc.title, doc.text);

    doc.date.clear();
    if (!record_date.empty()) {
      if (auto d = iso_date(record_date))
        doc.date = *d;
      else
        problem(doc.origin, "invalid date \"" + record_date +
                                "\" (expected YYYY-MM-DD); document kept without it");
    }
    if (doc.date.empty()) doc.date = options.date;

    auto [it, added] = seen_ids.emplace(doc.id, doc.origin);
    if (!added)
      problem(doc.origin, "duplicate document id \"" + doc.id + "\" (first at " + it->second +
                              "); document kept");
    return true;
  }

  std::optional<document> read_txt(const fs::path& path) {
    const std::string name = path.string();
    std::error_code ec;
    const auto size = fs::file_size(path, ec);
    if (ec) {
      skip(name, "cannot read: " + ec.message());
      return std::nullopt;
    }
    if (size > max_record_bytes) {
      skip(name, "file too large (more than 64 MiB)");
      return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      skip(name, "cannot open: " + describe_errno(errno));
      return std::nullopt;
    }
    std::string raw;
    raw.resize(static_cast<std::size_t>(size));
    in.read(raw.data(), static_cast<std::streamsize>(raw.size()));
    raw.resize(static_cast<std::size_t>(in.gcount()));
    if (in.bad()) {
      skip(name, "read error: " + describe_errno(errno));
      return std::nullopt;
    }
    if (const auto bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
      const auto [line, col] = line_and_column(raw, bad);
      skip(name + ":" + std::to_string(line), "invalid UTF-8 at byte " + std::to_string(col));
      return std::nullopt;
    }
    if (const auto nul = raw.find('\0'); nul != std::string::npos) {
      const auto [line, col] = line_and_column(raw, nul);
      skip(name + ":" + std::to_string(line),
           "binary content (NUL byte at byte " + std::to_string(col) + ")");
      return std::nullopt;
    }
    document doc;
    doc.id = path.stem().string();
    doc.text = std::move(raw);
    doc.origin = name + ":1";
    if (!finish(doc, {}, {})) return std::nullopt;
    return doc;
  }

  void open_jsonl(const fs::path& path) {
    source = path.string();
    file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) {
      const int err = errno;
      file.reset();
      skip(source, "cannot open: " + describe_errno(err));
      return;
    }
    lines = std::make_unique<line_reader>(*file);
    line_no = 0;
    records = 0;
  }

  void open_stdin() {
    source = std::string(stdin_name);
    file.reset();
    lines = std::make_unique<line_reader>(std::cin);
    line_no = 0;
    records = 0;
  }

  void close_jsonl() {
    if (lines && lines->failed()) skip(source, "read error: " + describe_errno(errno));
    else if (lines && records == 0) skip(source, "empty file (no documents)");
    lines.reset();
    file.reset();
  }

  // A string field of a record: the value, nullopt when absent or null, or
  // a problem when it has another type.
  std::optional<std::string> string_field(const rapidjson::Value& obj, const char* key,
                                          const std::string& where) {
    const auto it = obj.FindMember(key);
    if (it == obj.MemberEnd() || it->value.IsNull()) return std::nullopt;
    if (!it->value.IsString()) {
      problem(where, std::string("\"") + key + "\" is not a string; ignored");
      return std::nullopt;
    }
    return std::string(it->value.GetString(), it->value.GetStringLength());
  }

  // The next document of the open JSONL source, or nullopt at its end.
  std::optional<document> read_jsonl_record() {
    bool too_long = false;
    while (lines->next(line, too_long)) {
      ++line_no;
      const std::string where = source + ":" + std::to_string(line_no);
      if (too_long) {
        ++records;
        skip(where, "line longer than 64 MiB");
        continue;
      }
      if (line_no == 1) strip_bom(line);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (blank(line)) continue;
      ++records;
      bool plain = false;  // every code point of the line passes plainly_nfc
      if (const auto bad = find_invalid_utf8(line, &plain); bad != std::string_view::npos) {
        skip(where, "invalid UTF-8 at byte " + std::to_string(bad + 1));
        continue;
      }
      // The strings of such a line pass plainly_nfc too unless a \u escape
      // brings in another code point; the other JSON escapes give ASCII. (An
      // escaped backslash before a 'u' only makes this answer no in vain.)
      if (plain) plain = std::string_view(line).find("\\u") == std::string_view::npos;
      if (const auto nul = line.find('\0'); nul != std::string::npos) {
        skip(where, "binary content (NUL byte at byte " + std::to_string(nul + 1) + ")");
        continue;
      }
      // The line is well-formed UTF-8 without NUL (checked above): rapidjson
      // needs neither its own encoding check nor the length, and parses a
      // NUL-terminated string fastest. It parses in place: strings are
      // unescaped inside `line` (not used after this) instead of being
      // copied into the document's pool first.
      json_pool.Clear();
      rapidjson::Document json(&json_pool, 1024, &json_stack_allocator);  // rapidjson's default stack size
      json.ParseInsitu(line.data());
      if (json.HasParseError()) {
        skip(where, std::string("invalid JSON at byte ") + std::to_string(json.GetErrorOffset() + 1) +
                        ": " + rapidjson::GetParseError_En(json.GetParseError()));
        continue;
      }
      if (!json.IsObject()) {
        skip(where, "not a JSON object");
        continue;
      }
      document doc;
      doc.origin = where;
      const auto id = json.FindMember("id");
      if (id == json.MemberEnd() || id->value.IsNull()) {
        skip(where, "missing \"id\"");
        continue;
      }
      if (id->value.IsString()) {
        doc.id.assign(id->value.GetString(), id->value.GetStringLength());
      } else if (id->value.IsNumber()) {
        rapidjson::StringBuffer sb;
        rapidjson::Writer<rapidjson::StringBuffer> w(sb);
        id->value.Accept(w);
        doc.id = sb.GetString();
      } else {
        skip(where, "\"id\" must be a string or a number");
        continue;
      }
      if (blank(doc.id)) {
        skip(where, "empty \"id\"");
        continue;
      }
      const auto text = json.FindMember("text");
      if (text == json.MemberEnd() || text->value.IsNull()) {
        skip(where, "missing \"text\"");
        continue;
      }
      if (!text->value.IsString()) {
        skip(where, "\"text\" is not a string");
        continue;
      }
      doc.text.assign(text->value.GetString(), text->value.GetStringLength());
      doc.title = string_field(json, "title", where).value_or("");
      doc.url = string_field(json, "url", where).value_or("");
      const std::string lang = string_field(json, "lang", where).value_or("");
      const std::string date = string_field(json, "date", where).value_or("");
      if (!finish(doc, lang, date, plain)) continue;
      return doc;
    }
    return std::nullopt;
  }

  // Lists the inputs of a directory, sorted by path bytewise.
  void list_directory(const fs::path& dir) {
    pending.clear();
    next_pending = 0;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      skip(dir.string(), "cannot read directory: " + ec.message());
      return;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      std::error_code type_ec;
      // Anything named .txt or .jsonl but a folder is an input: a dangling
      // link or a special file is then reported when it cannot be read.
      if (kind_of(it->path()) && !it->is_directory(type_ec)) pending.push_back(it->path());
    }
    // Whatever was listed before an error is still read.
    if (ec) skip(dir.string(), "cannot read the whole directory: " + ec.message());
    std::sort(pending.begin(), pending.end(),
              [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
    if (pending.empty() && !ec) skip(dir.string(), "no .txt or .jsonl file in this directory");
  }

  std::optional<document> next() {
    for (;;) {
      if (lines) {
        if (auto doc = read_jsonl_record()) return doc;
        close_jsonl();
        continue;
      }
      if (next_pending < pending.size()) {
        const fs::path path = pending[next_pending++];
        if (kind_of(path) == input_kind::txt) {
          if (auto doc = read_txt(path)) return doc;
        } else {
          open_jsonl(path);
        }
        continue;
      }
      if (next_input >= inputs.size()) return std::nullopt;
      const std::string& input = inputs[next_input++];
      if (input == "-") {
        open_stdin();
        continue;
      }
      const fs::path path(input);
      std::error_code ec;
      const auto status = fs::status(path, ec);
      if (ec || !fs::exists(status)) {
        skip(input, ec && ec != std::errc::no_such_file_or_directory
                        ? "cannot read: " + ec.message()
                        : "no such file or directory");
        continue;
      }
      if (fs::is_directory(status)) {
        list_directory(path);
        continue;
      }
      const auto kind = kind_of(path);
      if (!kind) {
        skip(input, "unknown input type (expected a .txt or .jsonl file, a directory, or -)");
        continue;
      }
      if (*kind == input_kind::txt) {
        if (auto doc = read_txt(path)) return doc;
      } else {
        open_jsonl(path);
      }
    }
  }
};

document_reader::document_reader(std::vector<std::string> inputs, read_options options,
                                 std::function<void(const input_problem&)> on_problem)
    : state_(std::make_unique<state>()) {
  state_->inputs = std::move(inputs);
  state_->options = std::move(options);
  state_->on_problem = std::move(on_problem);
  UErrorCode status = U_ZERO_ERROR;
  state_->nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU NFC normaliser: ") + u_errorName(status));
}

document_reader::~document_reader() = default;

std::optional<document> document_reader::next() { return state_->next(); }

std::size_t document_reader::skipped() const { return state_->skipped; }

}  // namespace econkg
