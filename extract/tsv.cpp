#include "extract/tsv.hpp"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string_view>

namespace econkg {

namespace {

[[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& why) {
  throw std::runtime_error(path + ":" + std::to_string(line) + ": " + why);
}

bool valid_utf8(std::string_view s) {
  // Most lines are ASCII: eight bytes at a time until a byte has its top bit.
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  for (int32_t k = static_cast<int32_t>(i), n = static_cast<int32_t>(s.size()); k < n;) {
    UChar32 c = 0;
    U8_NEXT(s.data(), k, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  // In large blocks: a read per line costs more than the parsing.
  std::string data;
  char block[65536];
  while (in.read(block, sizeof block) || in.gcount() > 0) data.append(block, static_cast<std::size_t>(in.gcount()));
  return data;
}

std::vector<tsv_row> read_tsv(const std::string& path, const tsv_rules& rules) {
  return parse_tsv(path, read_file(path), rules);
}

std::vector<tsv_row> parse_tsv(const std::string& path, std::string_view data, const tsv_rules& rules) {
  std::vector<tsv_row> rows;
  for_each_tsv_row(path, data, rules, [&](std::size_t line, const std::vector<std::string_view>& fields) {
    tsv_row& row = rows.emplace_back();
    row.line = line;
    row.fields.assign(fields.begin(), fields.end());
  });
  return rows;
}

void for_each_tsv_row(const std::string& path, std::string_view data, const tsv_rules& rules,
                      const std::function<void(std::size_t line, const std::vector<std::string_view>& fields)>& row) {
  std::size_t n = 0;
  bool entries = false;
  std::vector<std::string_view> fields;  // the current line's
  // Lines as std::getline gives them: split at '\n', the last one kept when
  // the file does not end with '\n'.
  for (std::size_t at = 0; at < data.size();) {
    const char* nl = static_cast<const char*>(std::memchr(data.data() + at, '\n', data.size() - at));
    const std::size_t stop = nl ? static_cast<std::size_t>(nl - data.data()) : data.size();
    std::string_view line(data.data() + at, stop - at);
    at = nl ? stop + 1 : data.size();
    ++n;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line[0] == '#') continue;
    if (!valid_utf8(line)) fail(path, n, "invalid UTF-8");
    fields.clear();
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    const std::size_t count = fields.size();
    if (count < rules.min_fields || count > rules.max_fields) {
      std::string expected = std::to_string(rules.min_fields);
      if (rules.max_fields != rules.min_fields)
        expected = rules.max_fields == static_cast<std::size_t>(-1) ? "at least " + expected
                                                                     : expected + " to " + std::to_string(rules.max_fields);
      fail(path, n, "expected " + expected + " tab-separated fields, found " + std::to_string(count));
    }
    if (rules.strict_fields)
      for (std::size_t k = 0; k < count; ++k) {
        const std::string_view f = fields[k];
        if (f.empty() || f.front() == ' ' || f.back() == ' ')
          fail(path, n, "field " + std::to_string(k + 1) + " is empty or has surrounding spaces");
      }
    if (fields[0].empty()) fail(path, n, "empty first field");
    entries = true;
    row(n, fields);
  }
  if (rules.require_entries && !entries) throw std::runtime_error(path + ": no entries");
}

}  // namespace econkg
