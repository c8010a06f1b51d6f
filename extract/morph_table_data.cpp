// The morphology tables (morph_table.hpp) generated when econkg is built
// (extract/CMakeLists.txt: ECONKG_FR_MORPH_TABLE and ECONKG_EN_MORPH_TABLE
// are the generated files' paths), linked in as read-only data.
#include <cstring>
#include <string>

#include "extract/morph_table.hpp"

#if !defined(ECONKG_FR_MORPH_TABLE) || !defined(ECONKG_EN_MORPH_TABLE)
#error "ECONKG_FR_MORPH_TABLE, ECONKG_EN_MORPH_TABLE: the generated tables' paths (extract/CMakeLists.txt)"
#endif

asm(".section .rodata\n"
    ".balign 16\n"
    "econkg_fr_morph_table_begin:\n"
    ".incbin \"" ECONKG_FR_MORPH_TABLE "\"\n"
    "econkg_fr_morph_table_end:\n"
    ".balign 16\n"
    "econkg_en_morph_table_begin:\n"
    ".incbin \"" ECONKG_EN_MORPH_TABLE "\"\n"
    "econkg_en_morph_table_end:\n"
    ".previous\n");
extern "C" const char econkg_fr_morph_table_begin[], econkg_fr_morph_table_end[];
extern "C" const char econkg_en_morph_table_begin[], econkg_en_morph_table_end[];

namespace econkg {

namespace {

// The embedded table [begin, end) if it is one econkg can use, else empty.
std::string_view usable(const char* begin, const char* end) {
  using namespace morph_table_format;
  const std::string_view bytes(begin, static_cast<std::size_t>(end - begin));
  if (bytes.size() < 8 * header_words) return {};
  std::uint64_t m, kind;
  std::memcpy(&m, bytes.data() + 8 * h_magic, 8);
  std::memcpy(&kind, bytes.data() + 8 * h_kind, 8);
  return m == magic && (kind == analyze_table || kind == spell_table) ? bytes : std::string_view{};
}

}  // namespace

const morph_table* morph_table::for_dictionary(const std::string& aff, const std::string& dic) {
  static const std::string_view fr = usable(econkg_fr_morph_table_begin, econkg_fr_morph_table_end);
  static const std::string_view en = usable(econkg_en_morph_table_begin, econkg_en_morph_table_end);
  if (fr.empty() && en.empty()) return nullptr;
  // The table built from these very files, if any.
  const std::uint64_t fp = morph_table_format::fingerprint(morph_table_format::read_file(aff), morph_table_format::read_file(dic));
  auto fingerprint_of = [](std::string_view bytes) {
    std::uint64_t f;
    std::memcpy(&f, bytes.data() + 8 * morph_table_format::h_fingerprint, 8);
    return f;
  };
  if (!fr.empty() && fingerprint_of(fr) == fp) {
    static const morph_table table(fr);
    return &table;
  }
  if (!en.empty() && fingerprint_of(en) == fp) {
    static const morph_table table(en);
    return &table;
  }
  return nullptr;
}

}  // namespace econkg
