#pragma once
// Mention finding and coreference inside one document: quotations, values,
// names (gazetteers, capitalised sequences typed by cues), job titles,
// facility noun phrases, and references (surnames, pronouns, definite
// descriptions, acronyms) resolved to the document's entities. Ends by
// building the units that relation rules match.
//
// Thread safety: a mention_finder is immutable; find() may run concurrently.
#include <array>
#include <cstdint>
#include <string>

#include "extract/analysis.hpp"
#include "extract/lexicon.hpp"
#include "extract/values.hpp"

namespace econkg {

class mention_finder {
 public:
  mention_finder(const lexicon& lex, const value_scanner& values);

  // Fills a.values, a.mentions, a.entities and a.segments from a.seg.
  void find(analysis& a) const;

 private:
  const lexicon& lex_;
  const value_scanner& values_;
  std::array<std::uint64_t, 32> list_bits_{};  // bits of the word lists find() reads (see list_id)
};

}  // namespace econkg
