#pragma once
// Streams documents from the inputs of SPEC §5 (.txt files, .jsonl files,
// directories, "-" for JSONL on standard input) without loading the corpus.
// Bad input is reported through a callback and skipped; reading goes on.
//
// Thread safety: one reader per thread.
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/document.hpp"

namespace econkg {

struct read_options {
  std::string lang;  // forced language ("fr"/"en"), else the record's, else detected
  std::string date;  // default document date (ISO) for documents that give none
};

// A problem with the input: `where` is "file:line" (or "file"), `what` says why.
struct input_problem {
  std::string where;
  std::string what;
};

class document_reader {
 public:
  document_reader(std::vector<std::string> inputs, read_options options,
                  std::function<void(const input_problem&)> on_problem);
  ~document_reader();

  // The next good document, or nullopt when every input is read.
  std::optional<document> next();

  // How many documents or files were skipped because of a problem.
  std::size_t skipped() const;

 private:
  struct state;
  std::unique_ptr<state> state_;
};

// Whether UTF-8 text `s` is in NFC by the quick check of UAX #15 (every
// code point NFC_Quick_Check=Yes with combining class 0), without ICU, for
// the code points of French and English news: ASCII, U+0080..U+02FF,
// U+2010..U+2027 (dashes, quotes, ellipsis), U+202F and U+20AC. False when
// `s` holds another code point or is not UTF-8: ICU must decide.
bool plainly_nfc(std::string_view s);

}  // namespace econkg
