#pragma once
// Mention finding and coreference inside one document: quotations, values,
// names (gazetteers, capitalised sequences typed by cues), job titles,
// facility noun phrases, and references (surnames, pronouns, definite
// descriptions, acronyms) resolved to the document's entities. Ends by
// building the units that relation rules match.
//
// Thread safety: a mention_finder is immutable; find() may run concurrently.
#include "extract/analysis.hpp"
#include "extract/lexicon.hpp"
#include "extract/values.hpp"

namespace econkg {

class mention_finder {
 public:
  mention_finder(const lexicon& lex, const value_scanner& values) : lex_(lex), values_(values) {}

  // Fills a.values, a.mentions, a.entities and a.segments from a.seg.
  void find(analysis& a) const;

 private:
  const lexicon& lex_;
  const value_scanner& values_;
};

}  // namespace econkg
