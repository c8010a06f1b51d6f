#pragma once
// Stable entity identifiers: the same entity gets the same key and IRI in
// every run and every corpus, because both are pure functions of its type and
// name (or gazetteer id), never of input order.
#include <string>
#include <string_view>

#include "extract/statement.hpp"

namespace econkg {

// Base of every IRI econkg writes (entities, statements, vocabulary).
inline constexpr std::string_view iri_base = "https://w3id.org/econkg/";

// Lower-case ASCII slug of a label: « Château de Versailles » -> "chateau-de-versailles".
std::string slug(std::string_view label);

// Resolution key: entities with equal keys are one node. Uses the gazetteer id
// when there is one, else the type and a normalised form of the label.
std::string entity_key(const entity_ref& e);

// 16 lower-case hex digits of the FNV-1a 64-bit hash of `text`: a stable
// short name for things that have no readable one (quotations, statements).
std::string hash_hex(std::string_view text);

// The entity's IRI, e.g. https://w3id.org/econkg/id/organization/microsoft.
std::string entity_iri(const entity_ref& e);

}  // namespace econkg
