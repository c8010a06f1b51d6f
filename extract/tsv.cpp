#include "extract/tsv.hpp"

#include <unicode/utf8.h>

#include <fstream>
#include <stdexcept>

namespace econkg {

namespace {

[[noreturn]] void fail(const std::string& path, std::size_t line, const std::string& why) {
  throw std::runtime_error(path + ":" + std::to_string(line) + ": " + why);
}

bool valid_utf8(const std::string& s) {
  for (int32_t i = 0, n = static_cast<int32_t>(s.size()); i < n;) {
    UChar32 c = 0;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace

std::vector<tsv_row> read_tsv(const std::string& path, const tsv_rules& rules) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<tsv_row> rows;
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos || line[0] == '#') continue;
    if (!valid_utf8(line)) fail(path, n, "invalid UTF-8");
    tsv_row row;
    row.line = n;
    for (std::size_t start = 0;;) {
      const std::size_t tab = line.find('\t', start);
      row.fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    const std::size_t count = row.fields.size();
    if (count < rules.min_fields || count > rules.max_fields) {
      std::string expected = std::to_string(rules.min_fields);
      if (rules.max_fields != rules.min_fields)
        expected = rules.max_fields == static_cast<std::size_t>(-1) ? "at least " + expected
                                                                     : expected + " to " + std::to_string(rules.max_fields);
      fail(path, n, "expected " + expected + " tab-separated fields, found " + std::to_string(count));
    }
    if (rules.strict_fields)
      for (std::size_t k = 0; k < count; ++k) {
        const std::string& f = row.fields[k];
        if (f.empty() || f.front() == ' ' || f.back() == ' ')
          fail(path, n, "field " + std::to_string(k + 1) + " is empty or has surrounding spaces");
      }
    if (row.fields[0].empty()) fail(path, n, "empty first field");
    rows.push_back(std::move(row));
  }
  if (rules.require_entries && rows.empty()) throw std::runtime_error(path + ": no entries");
  return rows;
}

}  // namespace econkg
