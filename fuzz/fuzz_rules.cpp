// Fuzzes the rule-file loader: any line is either a rule or refused with a
// std::runtime_error whose message starts with "file:line: " (as the
// lexicon README promises); anything else (a crash, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "extract/lexicon.hpp"
#include "extract/rules.hpp"
#include "extract/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const econkg::segmenter seg("fr");
  static econkg::lexicon lex(ECONKG_LEXICON_DIR, "fr", seg);
  const std::string line(reinterpret_cast<const char*>(data), size);
  try {
    const econkg::rule r = econkg::parse_rule(line, "rules.jsonl:1", lex);
    if (r.id.empty()) std::abort();
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).rfind("rules.jsonl:1: ", 0) != 0) std::abort();
  }
  return 0;
}
