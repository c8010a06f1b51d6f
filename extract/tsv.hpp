#pragma once
// The one reader of the lexicon's TSV files: '#' starts a comment line, blank
// lines are skipped, fields are tab-separated, and every problem throws
// std::runtime_error naming "file:line".
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace econkg {

struct tsv_row {
  std::vector<std::string> fields;
  std::size_t line = 0;  // 1-based line number in the file
};

struct tsv_rules {
  std::size_t min_fields = 1;
  std::size_t max_fields = static_cast<std::size_t>(-1);
  bool strict_fields = false;   // every field non-empty, without surrounding spaces
  bool require_entries = false; // a file with no entry is an error
};

// Every entry of the file at `path`; lines must be valid UTF-8.
std::vector<tsv_row> read_tsv(const std::string& path, const tsv_rules& rules);

// The same in two steps, for callers that keep the text: the bytes of the
// file at `path` (throws std::runtime_error "path: cannot open"), and the
// entries of `text` read from `path` (named in error messages).
std::string read_file(const std::string& path);
std::vector<tsv_row> parse_tsv(const std::string& path, std::string_view text, const tsv_rules& rules);

// The same without copies: calls `row(line, fields)` for each entry in file
// order, its fields viewing `text` (valid during the call). An error of the
// text is thrown when its line is reached, after the entries before it.
void for_each_tsv_row(const std::string& path, std::string_view text, const tsv_rules& rules,
                      const std::function<void(std::size_t line, const std::vector<std::string_view>& fields)>& row);

}  // namespace econkg
