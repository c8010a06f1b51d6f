#pragma once
// The ICU rules that fold labels into keys and slugs, and the code points
// whose fold is one fixed text wherever they stand. Shared by graph/iri.cpp
// and by the build-time generator (graph/gen/fold_table_gen.cpp) that runs
// the rules over those code points once, when econkg is built, so that no
// run pays for compiling the rules unless a label needs them.
#include <cstddef>
#include <string_view>

namespace econkg::fold {

// Accents are removed after Any-Latin (which may add some, e.g. pinyin tones)
// and before Latin-ASCII, so that decomposed input behaves like composed input.
inline constexpr const char* fold_rules =
    ":: Any-Latin; :: NFD; :: [:Nonspacing Mark:] Remove; :: NFC; :: Latin-ASCII; :: Lower;";
inline constexpr const char* slug_rules =
    ":: Any-Latin; :: NFD; :: [:Nonspacing Mark:] Remove; :: NFC; :: Latin-ASCII; :: Lower; "
    "[^a-z0-9]+ > '-';";

// Code points the fold rules turn into the same text wherever they stand
// (tests/test_graph.cpp checks this against ICU in every context it tries):
// Latin-1 Supplement, Latin Extended-A and -B, Latin Extended Additional
// (Vietnamese names: « Nguyễn Phú Trọng »), General Punctuation (« », ’, –,
// the narrow no-break space of French figures) and the euro sign; numbered
// densely, range after range, from 0 to table_size - 1. Letters of other
// scripts are left out: Any-Latin reads them in context.
struct code_point_range {
  char32_t first, last;
};
inline constexpr code_point_range table_ranges[] = {
    {0xA0, 0x24F}, {0x1E00, 0x1EFF}, {0x2000, 0x206F}, {0x20AC, 0x20AC}};
inline constexpr std::size_t table_size = [] {
  std::size_t n = 0;
  for (const auto& r : table_ranges) n += r.last - r.first + 1;
  return n;
}();
// The index of `c` in the table, or table_size when it has none.
constexpr std::size_t table_index(char32_t c) {
  std::size_t base = 0;
  for (const auto& r : table_ranges) {
    if (c < r.first) break;  // the ranges are in ascending order
    if (c <= r.last) return base + (c - r.first);
    base += r.last - r.first + 1;
  }
  return table_size;
}
// The code point at `index` (the inverse of table_index).
constexpr char32_t table_code_point(std::size_t index) {
  for (const auto& r : table_ranges) {
    if (index <= r.last - r.first) return static_cast<char32_t>(r.first + index);
    index -= r.last - r.first + 1;
  }
  return 0;
}
static_assert(table_index(table_code_point(table_size - 1)) == table_size - 1);

// Written by the generator (fold_table.cpp in the build folder): the fold
// rules' result for each table code point alone, and the ICU version
// (U_ICU_VERSION) that computed them.
extern const std::string_view generated_table[table_size];
extern const char* const generated_icu_version;

}  // namespace econkg::fold
