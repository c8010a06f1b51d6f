#pragma once
// The per-document working state shared by the extraction stages: tokens,
// sentences, value, name, title, facility and quotation mentions, the
// document's entities after coreference, and the units (a token, or a whole
// mention) that relation rules match. Everything is an index into the
// document text; nothing is copied twice.
#include <cstddef>
#include <string>
#include <vector>

#include "extract/document.hpp"
#include "extract/text.hpp"
#include "extract/values.hpp"

namespace econkg {

enum class mention_kind { entity, value, title, quote };

// One entity of the document after coreference: every mention that refers to
// it points here.
struct doc_entity {
  std::string label;                 // fullest name the document gives
  std::string type;                  // ontology type
  std::string kb_id;                 // gazetteer id, or empty
  std::vector<std::string> aliases;  // other surface forms
  std::string parent;                // gazetteer parent area id (places), or empty
  bool weak = false;                 // typed by default, not by a lexicon or a cue
  int strength = 2;                  // 0 default type, 1 first name only, 2 lexicon or cue
  std::size_t place_entity = SIZE_MAX;  // facilities: the place their name gives
  std::size_t owner_entity = SIZE_MAX;  // facilities: the organisation owning them
  std::string nationality;           // organisations: ISO code of a demonym cue (« le groupe japonais Toray »)
  std::vector<std::string> titles;   // people: first words of the titles written next to their name
  char gender = 0;                   // people: 'f' or 'm' when a title says so (« la ministre », « le directeur »), else 0
  std::vector<std::string> nouns;    // organisations: nouns that introduced the name (« le joaillier Tiffany »)
};

struct mention {
  std::size_t tok_begin = 0, tok_end = 0;  // tokens [tok_begin, tok_end)
  mention_kind kind = mention_kind::entity;
  std::size_t entity = SIZE_MAX;   // entity mentions: index into analysis::entities
  std::size_t value = SIZE_MAX;    // value mentions: index into analysis::values
  std::string text;                // titles: the title as written; quotes: the quotation
  bool reference = false;          // a pronoun or description resolved by coreference
  bool in_quote = false;           // inside a quotation
  bool former = false;             // titles: « l'ancien PDG », "former chief executive"
};

// One matchable position in a sentence: a token, or a mention covering tokens.
struct unit {
  std::size_t tok_begin = 0, tok_end = 0;
  std::size_t mention = SIZE_MAX;  // index into analysis::mentions, or SIZE_MAX for a token
  bool parenthetical = false;      // inside an apposition or relative clause set off by commas
};

struct segment_units {
  std::size_t sentence = 0;        // index of the first sentence of the segment
  std::size_t begin = 0, end = 0;  // byte range
  std::vector<unit> units;
};

struct analysis {
  const document* doc = nullptr;
  std::string_view text;       // the text analysed (the body, or the title)
  bool in_title = false;
  segmented seg;
  std::vector<value_mention> values;
  std::vector<mention> mentions;
  std::vector<doc_entity> entities;
  std::vector<segment_units> segments;
};

}  // namespace econkg
