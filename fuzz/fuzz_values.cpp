// Fuzzes the money, quantity, percentage and date scanner. Like the reader's
// output (its only caller's input), the text is valid UTF-8; the first byte
// picks the language and whether a document date is given. Every mention
// must lie inside the text, in order and without overlap.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/values.hpp"

namespace {
bool valid_utf8(const std::uint8_t* s, std::size_t n) {
  for (std::size_t i = 0; i < n;) {
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    if (c < 0) return false;
  }
  return true;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const econkg::value_scanner scanner(ECONKG_LEXICON_DIR);
  if (size == 0 || !valid_utf8(data + 1, size - 1)) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::string_view lang = (data[0] & 1) ? "en" : "fr";
  const std::string_view date = (data[0] & 2) ? "2024-05-13" : "";
  std::size_t last_end = 7;
  for (const auto& m : scanner.find(text, lang, date, 7)) {
    if (m.begin < last_end || m.end < m.begin || m.end > text.size() + 7) std::abort();
    last_end = m.end;
  }
  return 0;
}
