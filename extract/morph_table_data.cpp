// The French morphology table (morph_table.hpp), generated when econkg is
// built (extract/CMakeLists.txt: ECONKG_FR_MORPH_TABLE is the generated
// file's path) and linked in as read-only data.
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "extract/morph_table.hpp"

#ifndef ECONKG_FR_MORPH_TABLE
#error "ECONKG_FR_MORPH_TABLE: the generated table's path (extract/CMakeLists.txt)"
#endif

asm(".section .rodata\n"
    ".balign 16\n"
    "econkg_fr_morph_table_begin:\n"
    ".incbin \"" ECONKG_FR_MORPH_TABLE "\"\n"
    "econkg_fr_morph_table_end:\n"
    ".previous\n");
extern "C" const char econkg_fr_morph_table_begin[];
extern "C" const char econkg_fr_morph_table_end[];

namespace econkg {

namespace {
std::string read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

const morph_table* morph_table::for_dictionary(const std::string& aff, const std::string& dic) {
  using namespace morph_table_format;
  const std::string_view bytes(econkg_fr_morph_table_begin,
                               static_cast<std::size_t>(econkg_fr_morph_table_end - econkg_fr_morph_table_begin));
  if (bytes.size() < 8 * header_words) return nullptr;
  auto word = [&](header_word w) {
    std::uint64_t x;
    std::memcpy(&x, bytes.data() + 8 * w, 8);
    return x;
  };
  if (word(h_magic) != magic || !word(h_usable)) return nullptr;
  // The table is the French dictionary's: any other, or other files, get none.
  static const morph_table table(bytes);
  if (word(h_fingerprint) != fingerprint(read_whole(aff), read_whole(dic))) return nullptr;
  return &table;
}

}  // namespace econkg
