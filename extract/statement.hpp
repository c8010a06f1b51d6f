#pragma once
// The unit of output of extract/: one entity-relation statement with its
// attributes and evidence. Plain values, safe to copy between threads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace econkg {

// An entity as one document names it: the fullest label the document gives,
// its ontology type (SPEC §2) and every surface form seen for it.
struct entity_ref {
  std::string label;                 // fullest name in the document
  std::string type;                  // Organization, Person, Place, Facility, Event, Product, Quotation
  std::vector<std::string> aliases;  // other surface forms in this document (sorted, unique)
  std::string kb_id;                 // canonical id from a gazetteer ("country:FR"), empty if none
};

// Statement attributes (SPEC §2); a field is absent when the text does not state it.
struct attributes {
  std::optional<std::int64_t> amount;    // in units of `currency`
  std::string currency;                  // ISO 4217
  std::optional<std::int64_t> jobs;
  std::optional<std::int64_t> quantity;
  std::optional<double> stake;           // percent
  std::string date;                      // ISO 8601, as precise as the text allows
  std::string product, title, quote, round, sector;
};

// Where a statement was read: the sentence text and its offsets in Unicode
// code points into the document text (or into the title when `in_title`).
struct evidence {
  std::string text;
  std::size_t start = 0, end = 0;
  bool in_title = false;
};

struct statement {
  std::string doc;        // document id
  entity_ref subject;
  std::string predicate;  // one of the 18 predicates of SPEC §2
  entity_ref object;
  attributes attrs;
  evidence ev;
  double confidence = 0.0;
  std::string rule;       // id of the rule that made it
};

}  // namespace econkg
