#pragma once
// rapidjson writers whose strings are escaped a run at a time. rapidjson's
// Writer copies a string one byte at a time through its escape table and a
// same-encoding transcoder; the exporters write hundreds of megabytes of
// evidence text, so a run of bytes that need no escape is copied whole here.
// The output is byte for byte rapidjson's (same escape table, same
// upper-case \u00XX, UTF-8 bytes passed through): tests/test_export.cpp
// compares both writers on every byte value.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <cstring>

namespace econkg::json {

// rapidjson's escape table (writer.h, WriteString): 0 for a byte copied as it
// is, else the letter after the backslash ('u' for \u00XX).
inline constexpr std::array<char, 256> escape_table = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['\b'] = 'b';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\f'] = 'f';
  t['\r'] = 'r';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}();

// Appends `s` quoted and escaped as rapidjson's Writer<StringBuffer> would.
inline void append_string(rapidjson::StringBuffer& out, const char* s, std::size_t n) {
  static constexpr char hex[] = "0123456789ABCDEF";
  out.Put('"');
  std::size_t i = 0;
  while (i < n) {
    std::size_t j = i;
    while (j < n && !escape_table[static_cast<unsigned char>(s[j])]) ++j;
    if (j > i) std::memcpy(out.Push(j - i), s + i, j - i);
    if (j == n) break;
    const auto c = static_cast<unsigned char>(s[j]);
    const char e = escape_table[c];
    char* p = out.Push(e == 'u' ? 6 : 2);
    p[0] = '\\';
    p[1] = e;
    if (e == 'u') {
      p[2] = '0';
      p[3] = '0';
      p[4] = hex[c >> 4];
      p[5] = hex[c & 0xF];
    }
    i = j + 1;
  }
  out.Put('"');
}

// One JSON text on one line (triples.jsonl, graph.ndjson).
class line_writer : public rapidjson::Writer<rapidjson::StringBuffer> {
  using base = rapidjson::Writer<rapidjson::StringBuffer>;

 public:
  using base::base;
  bool String(const char* s, rapidjson::SizeType n, bool = false) {
    Prefix(rapidjson::kStringType);
    append_string(*os_, s, n);
    return EndValue(true);
  }
  bool String(const char* s) { return String(s, static_cast<rapidjson::SizeType>(std::strlen(s))); }
  bool Key(const char* s, rapidjson::SizeType n, bool = false) { return String(s, n); }
  bool Key(const char* s) { return String(s); }
};

// Indented JSON (graph.jsonld).
class pretty_writer : public rapidjson::PrettyWriter<rapidjson::StringBuffer> {
  using base = rapidjson::PrettyWriter<rapidjson::StringBuffer>;

 public:
  using base::base;
  bool String(const char* s, rapidjson::SizeType n, bool = false) {
    PrettyPrefix(rapidjson::kStringType);
    append_string(*os_, s, n);
    return EndValue(true);
  }
  bool String(const char* s) { return String(s, static_cast<rapidjson::SizeType>(std::strlen(s))); }
  bool Key(const char* s, rapidjson::SizeType n, bool = false) { return String(s, n); }
  bool Key(const char* s) { return String(s); }
};

}  // namespace econkg::json
