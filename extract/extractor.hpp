#pragma once
// The extraction pipeline: document in, statements out (SPEC §1). Loads every
// lexicon and rule file once at construction.
//
// Thread safety: immutable after construction; extract() may be called from
// any number of threads at once.
#include <memory>
#include <string>
#include <vector>

#include "extract/document.hpp"
#include "extract/statement.hpp"

namespace econkg {

class extractor {
 public:
  // Loads lexicons and rules from `lexicon_dir`. Throws std::runtime_error
  // whose message names the file and line of a bad entry or rule.
  explicit extractor(const std::string& lexicon_dir);
  ~extractor();
  extractor(const extractor&) = delete;
  extractor& operator=(const extractor&) = delete;

  // Statements of one document, one per (subject, predicate, object), in
  // order of first evidence.
  std::vector<statement> extract(const document& doc) const;

 private:
  struct impl;
  std::unique_ptr<const impl> impl_;
};

}  // namespace econkg
