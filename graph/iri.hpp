#pragma once
// Stable entity identifiers: the same entity gets the same key and IRI in
// every run and every corpus, because both are pure functions of its type and
// name (or gazetteer id), never of input order.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "extract/statement.hpp"

namespace econkg {

// Base of every IRI econkg writes (entities, statements, vocabulary).
inline constexpr std::string_view iri_base = "https://w3id.org/econkg/";

// Lower-case ASCII slug of a label: « Château de Versailles » -> "chateau-de-versailles".
std::string slug(std::string_view label);

// How labels fold into resolution keys. Every label loses case, accents,
// typographic apostrophes, punctuation and a leading article; organisation
// names also lose their legal-form suffixes (« SA », "Inc.", "GmbH", "Group")
// and a leading « groupe » / "group", so that « Groupe Renault », "Renault
// Group" and « Renault SA » are one entity. A suffix never takes the whole
// name: « SA » alone stays « SA ».
//
// Thread safety: immutable after construction; share one instance freely.
class resolution_rules {
 public:
  // The built-in table: the commonest legal forms (SA, SAS, SARL, SE, Inc.,
  // Corp., Ltd, plc, GmbH, AG, NV, BV, LLC, SpA, Group, Groupe…).
  resolution_rules();
  // Uses `legal_suffixes` (written as in names: "S.A.", "Co., Ltd.") instead
  // of the built-in table.
  explicit resolution_rules(const std::vector<std::string>& legal_suffixes);
  // Reads the suffixes from the first column of a TSV file such as
  // lexicon/fr/legal_suffixes.tsv (lines starting with # are comments);
  // throws std::runtime_error naming the file (and line) on failure.
  static resolution_rules from_file(const std::string& path);
  // The rules entity_key() and entity_iri() use.
  static const resolution_rules& built_in();

  // Resolution key: the gazetteer id when there is one, else name_key().
  std::string key(const entity_ref& e) const;
  // The key the type and label give, whatever the gazetteer id:
  // "organization:renault".
  std::string name_key(const entity_ref& e) const;
  // Number of distinct folded suffixes.
  std::size_t suffix_count() const { return suffixes_.size(); }

 private:
  std::vector<std::string> suffixes_;  // folded with a leading space (" s a"), longest first
  // The last word of every suffix: a name whose last word is none of them
  // keeps its suffixes untried.
  std::unordered_set<std::string> last_words_;
};

// Resolution key under the built-in rules: entities with equal keys are one
// node. Uses the gazetteer id when there is one, else the type and a
// normalised form of the label.
std::string entity_key(const entity_ref& e);

// The IRI of the entity whose resolution key is `key`.
std::string key_iri(std::string_view key);

// 16 lower-case hex digits of the FNV-1a 64-bit hash of `text`: a stable
// short name for things that have no readable one (quotations, statements).
std::string hash_hex(std::string_view text);
// The same in two steps, for callers that keep hashes as numbers:
// hash_hex(text) == hex16(hash64(text)).
std::uint64_t hash64(std::string_view text);
std::string hex16(std::uint64_t hash);

// The entity's IRI, e.g. https://w3id.org/econkg/id/organization/microsoft.
std::string entity_iri(const entity_ref& e);

// Appends key_iri(entity_key(e)) for a quotation `e` (type "Quotation", no
// gazetteer id) whose label is `label`, and returns true; or, for a label
// with a code point the fold table has not (text that only ICU folds),
// appends nothing and returns false. One pass over the label: the folded,
// normalised text is hashed as it is made, never stored (a quotation's
// label is long, and nearly every quotation is met once).
bool append_quotation_iri(std::string& out, std::string_view label);

namespace detail {
// For tests: the label fold (lower-case ASCII; dashes between words when
// `for_slug`) as econkg computes it, and as the ICU rules alone compute it.
std::string fold_for_test(std::string_view text, bool for_slug);
std::string icu_fold_for_test(std::string_view text, bool for_slug);
// Whether the fold table came from the build (graph/gen/fold_table_gen.cpp)
// rather than from ICU at run time (when the ICU met differs from the build's).
bool fold_table_from_build();
// key_iri() the plain way (slug() of each part), which its fast path for
// ASCII keys must match.
std::string key_iri_plain_for_test(std::string_view key);
// A quotation's name key the plain way (its normalised text in full, then
// hashed), which name_key()'s fast path for quotations must match.
std::string quotation_key_plain_for_test(std::string_view label);
}  // namespace detail

}  // namespace econkg
