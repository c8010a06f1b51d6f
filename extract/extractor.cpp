#include "extract/extractor.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/analysis.hpp"
#include "extract/lexicon.hpp"
#include "extract/mentions.hpp"
#include "extract/rules.hpp"
#include "extract/values.hpp"

namespace econkg {

namespace {

constexpr std::size_t none = SIZE_MAX;

// The words of a one-column list file (# comments), or none if it is absent.
std::vector<std::string> read_words(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') out.push_back(lower_utf8(line));
  }
  return out;
}

// What the statement builder asks of a rule, worked out once from its
// predicate and pattern rather than by comparing strings at every match.
// The number of a predicate: its index in known_predicates().
std::size_t predicate_number(const std::string& p) {
  const auto& all = known_predicates();
  return static_cast<std::size_t>(std::find(all.begin(), all.end(), p) - all.begin());
}

struct rule_facts {
  std::size_t predicate = 0;    // predicate_number
  bool says = false;            // reported speech: never blocked
  bool strict_lists = false;    // holds_role, located_in: coordination of names side by side only
  bool symmetric = false;       // partners_with, meets
  bool holds_role = false;
  bool amount = false;          // invests_in, acquires, funds, opens: the sentence's amount
  bool acquires = false;        // the sentence's stake
  bool jobs = false;            // creates_jobs, cuts_jobs, opens: the sentence's jobs
  // A default-typed entity in this slot becomes a Person (retype).
  bool person_subject = false, person_object = false;
};

rule_facts facts_of(const rule& r) {
  rule_facts f;
  const std::string& p = r.predicate;
  f.predicate = predicate_number(p);
  f.says = p == "says";
  f.strict_lists = p == "holds_role" || p == "located_in";
  f.symmetric = p == "partners_with" || p == "meets";
  f.holds_role = p == "holds_role";
  f.amount = p == "invests_in" || p == "acquires" || p == "funds" || p == "opens";
  f.acquires = p == "acquires";
  f.jobs = p == "creates_jobs" || p == "cuts_jobs" || p == "opens";
  for (const auto& el : r.pattern) {
    const bool person = el.ent_types.size() == 1 && el.ent_types[0] == "Person";
    if (person && el.slot == "subject") f.person_subject = true;
    if (person && el.slot == "object") f.person_object = true;
  }
  return f;
}

// The bits of the word lists the statement builder consults (0 for a list
// the language lacks, as lexicon::list_bit gives).
struct builder_lists {
  std::uint64_t reported_future = 0, speech = 0, modality = 0, negations = 0, conditions = 0, determiners = 0,
                deadline_cues = 0, deal_nouns = 0, round_nouns = 0, speech_or_announce = 0;
  bool english = false;
  // The words a quantity of jobs counts (« 678 emplois »), or nullptr when the language has no such list.
  const std::unordered_set<std::string>* job_nouns = nullptr;
  explicit builder_lists(const lexicon& lex)
      : reported_future(lex.list_bit("reported_future")), speech(lex.list_bit("speech")),
        modality(lex.list_bit("modality")), negations(lex.list_bit("negations")),
        conditions(lex.list_bit("conditions")), determiners(lex.list_bit("determiners")),
        deadline_cues(lex.list_bit("deadline_cues")), deal_nouns(lex.list_bit("deal_nouns")),
        round_nouns(lex.list_bit("round_nouns")), speech_or_announce(lex.list_bit("speech") | lex.list_bit("announce")),
        english(lex.lang() == "en"), job_nouns(lex.has_list("job_nouns") ? &lex.list("job_nouns") : nullptr) {}
};

// Everything one language needs, loaded once.
struct language {
  segmenter seg;
  lexicon lex;
  mention_finder finder;
  std::vector<rule> rules;
  rule_index index;
  std::vector<rule_facts> facts;  // one per rule
  builder_lists lists;
  std::vector<const rule*> builtins;  // the rules made in code rather than by a pattern, in rule order
  language(const std::string& dir, const std::string& lang, const value_scanner& values)
      : seg(lang, read_words((std::filesystem::path(dir) / lang / "lists" / "detached_suffixes.txt").string()),
            read_words((std::filesystem::path(dir) / lang / "lists" / "abbreviations.txt").string())),
        lex(dir, lang, seg), finder(lex, values),
        rules(load_rules((std::filesystem::path(dir) / "rules").string(), lex)), index(rules, lex), lists(lex) {
    for (const rule& r : rules) {
      facts.push_back(facts_of(r));
      if (!r.builtin.empty()) builtins.push_back(&r);
    }
  }
  const rule_facts& facts_for(const rule& r) const { return facts[static_cast<std::size_t>(&r - rules.data())]; }
};

// ECONKG_DEBUG=1 (a developer aid) asks for traces on standard error; read
// once, not per document.
bool debugging() {
  static const bool on = std::getenv("ECONKG_DEBUG") != nullptr;
  return on;
}

// Is `s` the text `w`? Compared inline (std::string == const char* is a
// call, and so is string_view's ==): the lengths first, which tell most
// words apart, then the bytes.
[[gnu::always_inline]] inline bool eq(const std::string& s, std::string_view w) {
  return s.size() == w.size() && std::char_traits<char>::compare(s.data(), w.data(), w.size()) == 0;
}

void fill_ref(entity_ref& r, const doc_entity& e) {
  r.label = e.label;
  r.type = e.type;
  r.kb_id = e.kb_id;
  r.aliases = e.aliases;
  std::sort(r.aliases.begin(), r.aliases.end());
  r.aliases.erase(std::unique(r.aliases.begin(), r.aliases.end()), r.aliases.end());
}

// A sentence's evidence as statements share it: its offsets, and the byte
// range of its text, which only the statements merge() keeps copy out.
struct sentence_evidence {
  evidence ev;  // without its text
  std::size_t begin = 0, end = 0;
};

// A statement as the builder makes it, before merging: what it refers to
// rather than copies of names, labels and evidence, so that only the
// statements merge() keeps are written out in full (make_statement).
struct draft {
  const rule* r = nullptr;
  const std::string* predicate = nullptr;  // the rule's, or "founded"
  std::size_t predicate_number = 0;        // its predicate_number
  bool symmetric = false;                  // partners_with, meets: (a, b) is (b, a)
  std::size_t subject = SIZE_MAX, object = SIZE_MAX;  // statement_builder::entity numbers
  attributes attrs;
  const sentence_evidence* ev = nullptr;
  double confidence = 0.0;  // rounded to two decimals
  std::size_t segment = SIZE_MAX;  // segment of the match, none for builtins
};

// Builds statements from rule matches over one analysed text.
class statement_builder {
 public:
  statement_builder(const language& lang, const analysis& a, std::size_t body_offset)
      : lang_(lang), a_(a), facts_(a), body_offset_(body_offset) {
    // The document's main organisation: the one named most often.
    std::vector<std::size_t> counts(a.entities.size(), 0);
    // (Types compare as mention_facts' bits, worked out from the same type names.)
    for (std::size_t i = 0; i < a.mentions.size(); ++i) {
      const mention& m = a.mentions[i];
      if (m.kind == mention_kind::entity && m.tok_end > m.tok_begin && facts_.entity_type(i) == mention_facts::organization_type)
        ++counts[m.entity];
    }
    std::size_t best = 0;
    for (std::size_t e = 0; e < counts.size(); ++e)
      if (counts[e] > best) { best = counts[e]; topic_ = e; }
    // Tokens inside a quotation.
    quoted_.assign(a.seg.tokens.size() + 1, 0);
    for (const auto& m : a.mentions)
      if (m.kind == mention_kind::quote)
        for (std::size_t k = m.tok_begin; k < m.tok_end; ++k) quoted_[k] = 1;
    has_condition_.assign(a.segments.size(), -1);
    has_conjunction_.assign(a.segments.size(), -1);
    evidence_.resize(a.segments.size());
    evidence_known_.assign(a.segments.size(), 0);
  }

  void run(std::vector<draft>& out) {
    // Buffers kept from document to document (one builder runs at a time
    // on a thread): the indices of the rules that may match, in rule order,
    // their matches, and the segment's units as rules read them.
    thread_local std::vector<std::size_t> candidates;
    thread_local std::vector<rule_match> matches;
    thread_local unit_table units;
    for (std::size_t si = 0; si < a_.segments.size(); ++si) {
      const auto& seg = a_.segments[si];
      current_segment_ = si;
      units.fill(a_, facts_, seg);
      lang_.index.candidates(units, candidates);
      for (std::size_t i : candidates) {
        match_rule(lang_.rules[i], units, matches);
        for (const auto& m : matches) apply(lang_.rules[i], seg, m, out);
      }
    }
    current_segment_ = none;
    complete_across_sentences(out);
    for (const rule* r : lang_.builtins) {
      if (r->builtin == "facility_place") facility_places(*r, out);
      if (r->builtin == "quote_continuation") quote_continuations(*r, out);
    }
  }

 private:
  const mention* mention_of(const segment_units& seg, std::size_t unit_index) const {
    const unit& u = seg.units[unit_index];
    return u.mention == none ? nullptr : &a_.mentions[u.mention];
  }

  bool blocked(const segment_units& seg, const rule_match& m) const {
    // Negated, conditional or hypothetical statements are not extracted.
    std::size_t from = seg.units[m.first].tok_begin, to = seg.units[m.last].tok_end;
    // The match and the eight tokens before it, within the sentence.
    const std::size_t look = std::max(from >= 8 ? from - 8 : 0, seg_first_token(seg));
    const builder_lists& L = lang_.lists;
    bool negation = false;
    for (std::size_t k = look; k < to; ++k) {
      const token& t = a_.seg.tokens[k];
      if (in_quote(k)) continue;
      // "said it would cut": a future reported by a speech verb is an announcement.
      if (t.lists & L.reported_future) {
        bool reported = false;
        for (std::size_t q = k >= 3 ? k - 3 : 0; q < k; ++q) reported = reported || (a_.seg.tokens[q].lists & L.speech);
        if (reported) continue;
      }
      if (t.lists & L.modality) return true;
      if (t.pos & pos_conditional) {
        // « Google a annoncé qu'il formerait »: a conditional after « annoncer que » is a future in the past.
        bool reported = false;
        for (std::size_t q = k >= 3 ? k - 3 : 0; q < k && !reported; ++q)
          if (eq(a_.seg.tokens[q].lower, "que") || eq(a_.seg.tokens[q].lower, "qu'") || eq(a_.seg.tokens[q].lower, "qu’"))
            for (std::size_t v = q >= 3 ? q - 3 : 0; v < q; ++v)
              reported = reported || (a_.seg.tokens[v].lemma_lists & L.speech_or_announce) != 0;
        if (!reported) return true;
      }
      if (eq(t.lower, "ne") || eq(t.lower, "n'")) negation = true;
      if ((negation || L.english) && (t.lists & L.negations)) return true;
    }
    // « X et Y ne s'associeront pas »: a match ending on its verb leaves « pas » just after it.
    for (std::size_t k = to; negation && k < to + 2 && k < seg_last_token(seg); ++k)
      if (a_.seg.tokens[k].lists & L.negations) return true;
    // A condition anywhere in the sentence (« only if sales keep growing ») makes it hypothetical.
    return has_condition(seg);
  }

  // Does a word of the conditions list stand outside quotations in the
  // segment? Worked out once per segment (`seg` is one of a_.segments).
  bool has_condition(const segment_units& seg) const {
    signed char& known = has_condition_[static_cast<std::size_t>(&seg - a_.segments.data())];
    if (known < 0) {
      known = 0;
      for (std::size_t k = seg_first_token(seg); k < seg_last_token(seg); ++k)
        if ((a_.seg.tokens[k].lists & lang_.lists.conditions) && !in_quote(k)) {
          known = 1;
          break;
        }
    }
    return known != 0;
  }

  // Does a word unit of the segment read « et » or "and" (what closes a list
  // for coordinated())? Worked out once per segment (`seg` is one of a_.segments).
  bool has_conjunction(const segment_units& seg) const {
    signed char& known = has_conjunction_[static_cast<std::size_t>(&seg - a_.segments.data())];
    if (known < 0) {
      known = 0;
      for (const unit& u : seg.units)
        if (u.mention == none && (eq(a_.seg.tokens[u.tok_begin].lower, "et") || eq(a_.seg.tokens[u.tok_begin].lower, "and"))) {
          known = 1;
          break;
        }
    }
    return known != 0;
  }

  std::size_t seg_last_token(const segment_units& seg) const { return seg.units.empty() ? 0 : seg.units.back().tok_end; }

  std::size_t seg_first_token(const segment_units& seg) const { return seg.units.empty() ? 0 : seg.units[0].tok_begin; }
  bool in_quote(std::size_t tok) const { return quoted_[tok] != 0; }

  // The evidence of segment `seg` (one of a_.segments): statements of one
  // sentence share it, so code points are counted once.
  const sentence_evidence& make_evidence(const segment_units& seg) const {
    const std::size_t i = static_cast<std::size_t>(&seg - a_.segments.data());
    if (!evidence_known_[i]) {
      compute_evidence(seg.begin, seg.end, evidence_[i]);
      evidence_known_[i] = 1;
    }
    return evidence_[i];
  }

  // Fills `se`, as made (no text, not in the title), in place.
  void compute_evidence(std::size_t begin, std::size_t end, sentence_evidence& se) const {
    se.begin = begin;
    se.end = end;
    evidence& ev = se.ev;
    std::string_view text = a_.text;
    if (body_offset_ > 0 && begin < body_offset_) {
      ev.in_title = true;
      ev.start = code_points_to(text, begin, title_cursor_);
      ev.end = code_points_to(text, end, title_cursor_);
    } else {
      std::string_view body = text.substr(body_offset_);
      ev.start = code_points_to(body, begin - body_offset_, body_cursor_);
      ev.end = code_points_to(body, end - body_offset_, body_cursor_);
    }
  }

  // Code points of base[0, n), counted on from the last position asked
  // (evidence comes mostly in text order): a long document is read once,
  // not once per sentence.
  struct cursor {
    std::size_t byte = 0, points = 0;
  };
  static std::size_t code_points_to(std::string_view base, std::size_t n, cursor& c) {
    if (n < c.byte) c = cursor{};
    c.points += code_points(base.substr(c.byte), n - c.byte);
    c.byte = n;
    return c.points;
  }

  // Entities coordinated with the one at unit u: « X et Y investiront », and
  // lists « A, B, C et D » (a list needs its « et »), whatever the predicate.
  // An apposition after a member (« Jean Dupont, le PDG de X, et Y ») is skipped.
  // `strict` (roles, locations: « X, président de A, et Y, président de B »,
  // « Cholet et Vannes (Morbihan) ») links only names written side by side.
  // Appends them to `out`, each once, the entity at u itself never.
  void coordinated(const segment_units& seg, std::size_t u, bool strict, std::vector<std::size_t>& out) const {
    const std::size_t out_begin = out.size();
    const mention* m = mention_of(seg, u);
    if (!m || m->kind != mention_kind::entity) return;
    // A list is closed by « et » / "and": without one in the segment, there is none.
    if (!has_conjunction(seg)) return;
    const std::string& type = a_.entities[m->entity].type;
    const bool organization = eq(type, "Organization");
    // Types compare as bits, and as names only for a type outside the ontology.
    const std::uint16_t type_bit = facts_.entity_type(seg.units[u].mention);
    const std::size_t n = seg.units.size();
    auto word = [&](std::size_t k) -> const token* {
      if (k >= n || seg.units[k].mention != none) return nullptr;
      return &a_.seg.tokens[seg.units[k].tok_begin];
    };
    auto is_word = [&](std::size_t k, std::initializer_list<std::string_view> ws) {
      const token* t = word(k);
      if (!t) return false;
      for (std::string_view w : ws)
        if (eq(t->lower, w)) return true;
      return false;
    };
    auto same_type = [&](std::size_t k) -> bool {
      if (k >= n || seg.units[k].mention == none) return false;
      const std::uint16_t t = facts_.entity_type(seg.units[k].mention);
      return t == type_bit &&
             (t != mention_facts::other_type || a_.entities[a_.mentions[seg.units[k].mention].entity].type == type);
    };
    // The next member after the member at unit k, or none; `by_and` when « et » links them.
    auto next_member = [&](std::size_t k, bool& by_and) -> std::size_t {
      std::size_t q = k + 1;
      while (!strict && q < n && seg.units[q].parenthetical && !seg.units[k].parenthetical) ++q;
      bool comma = false, conj = false;
      if (is_word(q, {","})) comma = true, ++q;
      if (is_word(q, {"et", "and"})) conj = true, ++q;
      if (!comma && !conj) return none;
      if (strict && (comma || !same_type(q))) return none;
      for (std::size_t r = q; r < n && r < q + (conj ? 8 : 3); ++r) {
        if (same_type(r)) {
          by_and = conj;
          return r;
        }
        if (const mention* o = mention_of(seg, r)) {
          // « et du ministre délégué Roland Lescure »: a title may stand before the name.
          if (o->kind == mention_kind::title && conj) continue;
          // « et le maire de la ville, Y »: the title's complement.
          if (conj && o->kind == mention_kind::entity && is_word(r - 1, {"de", "d'", "du", "des"})) continue;
          return none;
        }
        const token& t = *word(r);
        if (!conj) {
          // « A, la société B et C »: between commas only articles and prepositions.
          // « A, le groupe B et C »: an organisation noun before a member's name too.
          const std::vector<std::size_t>* on = nullptr;
          if (!((t.lists & lang_.lists.determiners) || eq(t.lower, "de") || eq(t.lower, "d'") || eq(t.lower, "du") ||
                eq(t.lower, "des") || eq(t.lower, "à") || eq(t.lower, "au") || eq(t.lower, "aux") ||
                (organization &&
                 lang_.lex.org_nouns().longest(a_.seg.tokens, seg.units[r].tok_begin, seg.units[r].tok_begin + 1, &on) == 1)))
            return none;
        } else if ((t.pos & pos_verb) && !(t.pos & (pos_noun | pos_adj))) {
          return none;
        }
      }
      return none;
    };
    // The first member of the list holding u.
    std::size_t first = u;
    for (int guard = 0; guard < 12; ++guard) {
      std::size_t prev = none;
      for (std::size_t j = first >= 14 ? first - 14 : 0; j < first; ++j) {
        bool by_and = false;
        if (same_type(j) && next_member(j, by_and) == first) prev = j;
      }
      if (prev == none) break;
      first = prev;
    }
    std::array<std::size_t, 12> members;  // a list has at most 12 members
    std::size_t n_members = 0;
    members[n_members++] = first;
    bool closed = false;
    for (std::size_t k = first; n_members < members.size();) {
      bool by_and = false;
      std::size_t nx = next_member(k, by_and);
      if (nx == none) break;
      members[n_members++] = nx;
      k = nx;
      if (by_and) {
        closed = true;
        break;
      }
    }
    if (!closed) return;
    const auto members_end = members.begin() + static_cast<std::ptrdiff_t>(n_members);
    if (std::find(members.begin(), members_end, u) == members_end) return;
    for (auto it = members.begin(); it != members_end; ++it)
      if (*it != u) {
        std::size_t e = mention_of(seg, *it)->entity;
        if (e != m->entity && std::find(out.begin() + static_cast<std::ptrdiff_t>(out_begin), out.end(), e) == out.end())
          out.push_back(e);
      }
  }

  void apply(const rule& r, const segment_units& seg, const rule_match& m, std::vector<draft>& out) {
    if (debug_) std::fprintf(stderr, "match %s at units %zu-%zu\n", r.id.c_str(), m.first, m.last);
    // Reported speech is what was said, whatever its mood.
    const rule_facts& facts = lang_.facts_for(r);
    if (!facts.says && blocked(seg, m)) {
      if (debug_) std::fprintf(stderr, "  blocked (negation, condition or hypothesis)\n");
      return;
    }
    auto obj_it = m.slots.find(slot_object);
    const mention* om = mention_of(seg, obj_it.unit());
    if (!om) return;
    // The subjects and objects, in buffers kept from match to match.
    std::vector<std::size_t>& subjects = subjects_;
    std::vector<std::size_t>& objects = objects_;
    subjects.clear();
    objects.clear();
    double confidence = r.confidence;
    auto subj_it = m.slots.find(slot_subject);
    std::size_t object_entity = none;
    std::string quote;
    if (om->kind == mention_kind::quote) {
      quote = om->text;
    } else if (om->kind == mention_kind::entity) {
      object_entity = om->entity;
    } else {
      return;
    }
    if (subj_it != m.slots.end()) {
      const mention* sm = mention_of(seg, subj_it.unit());
      if (!sm || sm->kind != mention_kind::entity) return;
      // A name inside an apposition (« Colas, la filiale de Bouygues, a signé ») is not the clause's subject.
      if (seg.units[subj_it.unit()].parenthetical && !seg.units[m.last].parenthetical) return;
      subjects.push_back(sm->entity);
      const bool strict = facts.strict_lists;
      coordinated(seg, subj_it.unit(), strict, subjects);
      if (sm->reference) confidence *= 0.9;
    } else if (auto own = m.slots.find(slot_owner); own != m.slots.end()) {
      // « le site fournira Airbus »: the facility's owner is the subject.
      const mention* fm = mention_of(seg, own.unit());
      if (!fm || fm->kind != mention_kind::entity || a_.entities[fm->entity].owner_entity == none) return;
      subjects.push_back(a_.entities[fm->entity].owner_entity);
      confidence *= 0.9;
    } else {
      std::size_t owner = object_entity != none ? a_.entities[object_entity].owner_entity : none;
      if (owner == none) owner = topic_;
      if (owner == none) return;
      subjects.push_back(owner);
      confidence *= 0.75;
    }
    if (object_entity != none) {
      objects.push_back(object_entity);
      const bool strict = facts.strict_lists;
      coordinated(seg, obj_it.unit(), strict, objects);
    }
    // « fondée par A, B et C »: members of one list are not each other's subject and object.
    // Symmetric predicates pair the members of a list on purpose (« A et B s'associent »).
    if (subj_it != m.slots.end() && !facts.symmetric)
      for (std::size_t o : objects)
        if (std::find(subjects.begin(), subjects.end(), o) != subjects.end()) {
          if (debug_) std::fprintf(stderr, "  blocked (subject and object in one list)\n");
          return;
        }
    attributes attrs;
    for (auto it = m.slots.begin(); it != m.slots.end(); ++it) {
      const std::uint8_t slot = it.id();
      const std::size_t ui = it.unit();
      const mention* sm = mention_of(seg, ui);
      if (!sm) {
        if (slot == slot_product) attrs.product = a_.seg.tokens[seg.units[ui].tok_begin].lower;
        continue;
      }
      if (sm->kind == mention_kind::value) {
        const value_mention& v = a_.values[sm->value];
        if (slot == slot_amount && v.kind == value_kind::money) {
          attrs.amount = v.amount;
          attrs.currency = v.currency;
        } else if (slot == slot_quantity || slot == slot_jobs) {
          if (v.range) continue;
          (slot == slot_jobs ? attrs.jobs : attrs.quantity) = v.amount;
          if (slot == slot_quantity && !v.unit.empty()) attrs.product = v.unit;
        } else if (slot == slot_stake && v.kind == value_kind::percent) {
          attrs.stake = v.number;
        } else if (slot == slot_date && v.kind == value_kind::date) {
          attrs.date = v.date;
        }
      } else if (sm->kind == mention_kind::title && slot == slot_title) {
        // Current roles only: « l'ancien PDG » holds no role any more.
        if (sm->former && facts.holds_role) return;
        attrs.title = sm->text;
      } else if (slot == slot_product && sm->kind == mention_kind::entity) {
        attrs.product = a_.entities[sm->entity].label;
      }
    }
    if (!quote.empty()) attrs.quote = quote;
    complete_from_segment(r, seg, m, attrs);
    const sentence_evidence& ev = make_evidence(seg);
    // The last statement takes the attributes rather than a copy.
    for (std::size_t si = 0; si < subjects.size(); ++si) {
      const std::size_t s = subjects[si];
      const bool last_subject = si + 1 == subjects.size();
      if (objects.empty()) {
        const std::size_t q = quotation(quote);
        const double c = confidence * (a_.entities[s].weak ? 0.8 : 1.0);
        if (last_subject) emit(r, s, q, std::move(attrs), ev, c, out);
        else emit(r, s, q, attrs, ev, c, out);
        continue;
      }
      for (std::size_t oi = 0; oi < objects.size(); ++oi) {
        const std::size_t o = objects[oi];
        if (o == s) continue;
        double c = confidence * (a_.entities[s].weak ? 0.8 : 1.0) * (a_.entities[o].weak ? 0.8 : 1.0);
        // « Arthur Mensch, cofondateur de Mistral AI »: a founder's role also says who founded it (SPEC §3).
        const bool founder =
            facts.holds_role && !r.swap && eq(a_.entities[o].type, "Organization") && founder_title(attrs.title);
        const std::size_t from = r.swap ? o : s, to = r.swap ? s : o;
        if (last_subject && oi + 1 == objects.size()) emit(r, from, to, std::move(attrs), ev, c, out);
        else emit(r, from, to, attrs, ev, c, out);
        if (founder) {
          draft founded = out.back();
          static const std::string founded_predicate = "founded";
          static const std::size_t founded_number = predicate_number(founded_predicate);
          founded.predicate = &founded_predicate;
          founded.predicate_number = founded_number;
          founded.symmetric = false;
          founded.attrs = attributes{};
          out.push_back(std::move(founded));
        }
      }
    }
    if (!quote.empty()) spoken_[&*om] = subjects.front();
  }


  // The first value of `kind` among units [from, to) of the segment (to the
  // end when `to` is none), skipping ranges; with `job_nouns`, only a
  // quantity whose counted noun is in the job_nouns word list (none when
  // the language lacks the list). nullptr when none.
  const value_mention* value_in(const segment_units& seg, std::size_t from, value_kind kind,
                                bool job_nouns = false, std::size_t to = none) const {
    for (std::size_t k = from; k < std::min(to, seg.units.size()); ++k) {
      // A value of `kind`, known from the mention's bits without reading the mention.
      const std::size_t mi = seg.units[k].mention;
      if (mi == none || !facts_.is_value(mi, kind)) continue;
      const value_mention& v = a_.values[a_.mentions[mi].value];
      if (v.range) continue;
      if (job_nouns && !(lang_.lists.job_nouns && lang_.lists.job_nouns->count(lower_utf8(v.unit)))) continue;
      return &v;
    }
    return nullptr;
  }

  // Attributes the rule did not capture but its sentence states: the date
  // (else the day of the announcement, else the document's date), the amount
  // of an investment, acquisition or funding, the jobs of an opening.
  void complete_from_segment(const rule& r, const segment_units& seg, const rule_match& m, attributes& attrs) const {
    const rule_facts& p = lang_.facts_for(r);
    if (!attrs.amount && p.amount)
      if (const value_mention* v = value_in(seg, m.first, value_kind::money)) {
        attrs.amount = v->amount;
        attrs.currency = v->currency;
      }
    if (!attrs.stake && p.acquires)
      if (const value_mention* v = value_in(seg, m.first, value_kind::percent)) attrs.stake = v->number;
    if (!attrs.jobs && p.jobs)
      if (const value_mention* v = value_in(seg, m.first, value_kind::quantity, true)) attrs.jobs = v->amount;
    if (attrs.date.empty() && r.date_from_document) {
      // Inside the match, then before it, then after it up to the clause's end
      // (« créé par Macron en 2018 » after a comma dates something else).
      std::size_t clause_end = m.last + 1;
      while (clause_end < seg.units.size()) {
        const unit& u = seg.units[clause_end];
        if (u.mention == none && (eq(a_.seg.tokens[u.tok_begin].lower, ",") || eq(a_.seg.tokens[u.tok_begin].lower, ";")))
          break;
        ++clause_end;
      }
      const value_mention* v = value_in(seg, m.first, value_kind::date, false, m.last + 1);
      if (!v) v = value_in(seg, 0, value_kind::date, false, m.first);
      if (!v) v = value_in(seg, m.last + 1, value_kind::date, false, clause_end);
      // Past the clause, only a deadline (« d'ici fin 2025 », "by 2027") still dates the statement.
      for (std::size_t k = clause_end; !v && k < seg.units.size(); ++k) {
        const mention* dm = mention_of(seg, k);
        if (dm && dm->kind == mention_kind::value && a_.values[dm->value].kind == value_kind::date && k > 0 &&
            seg.units[k - 1].mention == none && (a_.seg.tokens[seg.units[k - 1].tok_begin].lists & lang_.lists.deadline_cues))
          v = &a_.values[dm->value];
      }
      attrs.date = v ? v->date : announcement_date_;
    }
  }

  // The day the news happened: the first full date the text gives within the
  // week before publication (« a annoncé lundi »), else the publication date.
  static std::string announcement_date(const analysis& a) {
    const std::string& pub = a.doc->date;
    if (pub.size() != 10) return pub;
    // The number written at d[at, at + n): std::stoi of the substring, read
    // in place when it is all ASCII digits (what std::stoi then gives).
    auto number = [](const std::string& d, std::size_t at, std::size_t n) {
      int v = 0;
      for (std::size_t k = at; k < at + n; ++k) {
        if (d[k] < '0' || d[k] > '9') return std::stoi(d.substr(at, n));
        v = v * 10 + (d[k] - '0');
      }
      return v;
    };
    auto days = [&](const std::string& d) {
      using namespace std::chrono;
      int y = number(d, 0, 4);
      unsigned mo = static_cast<unsigned>(number(d, 5, 2)), da = static_cast<unsigned>(number(d, 8, 2));
      return sys_days(year{y} / month{mo} / day{da}).time_since_epoch().count();
    };
    long long p = days(pub);
    for (const auto& v : a.values) {
      if (v.kind != value_kind::date || v.date.size() != 10) continue;
      long long d = days(v.date);
      if (d <= p && d >= p - 7) return v.date;
    }
    return pub;
  }

  static bool founder_title(const std::string& title) {
    const std::string t = lower_utf8(title);
    return t.find("fondat") != std::string::npos || t.find("founder") != std::string::npos;
  }

  // Entity numbers: a_.entities' indices, then the quotations made objects
  // by quotation() (a quotation said by no one named is an entity of its own).
  const doc_entity& entity(std::size_t e) const {
    return e < a_.entities.size() ? a_.entities[e] : *quotations_[e - a_.entities.size()];
  }
  std::size_t quotation(const std::string& text) {
    doc_entity q;
    q.label = text;
    q.type = "Quotation";
    quotations_.push_back(std::make_unique<doc_entity>(std::move(q)));
    return a_.entities.size() + quotations_.size() - 1;
  }

  void emit(const rule& r, std::size_t s, std::size_t o, const attributes& attrs, const sentence_evidence& ev,
            double confidence, std::vector<draft>& out) {
    emit_draft(r, s, o, ev, confidence, out).attrs = attrs;
  }
  void emit(const rule& r, std::size_t s, std::size_t o, attributes&& attrs, const sentence_evidence& ev,
            double confidence, std::vector<draft>& out) {
    move_into(emit_draft(r, s, o, ev, confidence, out).attrs, std::move(attrs));
  }
  // dst = std::move(src) for a `dst` as made (every string empty): a string
  // of src is moved only when it holds text (most are empty, and a string's
  // move assignment is some thirty instructions).
  static void move_into(attributes& dst, attributes&& src) {
    static_assert(sizeof(attributes) == 4 * sizeof(std::optional<std::int64_t>) + 7 * sizeof(std::string),
                  "move_into: attributes has a field it does not move");
    dst.amount = src.amount;
    dst.jobs = src.jobs;
    dst.quantity = src.quantity;
    dst.stake = src.stake;
    for (auto [to, from] : {std::pair{&dst.currency, &src.currency}, {&dst.date, &src.date}, {&dst.product, &src.product},
                            {&dst.title, &src.title}, {&dst.quote, &src.quote}, {&dst.round, &src.round},
                            {&dst.sector, &src.sector}})
      if (!from->empty()) *to = std::move(*from);
  }
  draft& emit_draft(const rule& r, std::size_t s, std::size_t o, const sentence_evidence& ev, double confidence,
                    std::vector<draft>& out) {
    draft& d = out.emplace_back();
    d.r = &r;
    d.predicate = &r.predicate;
    const rule_facts& facts = lang_.facts_for(r);
    d.predicate_number = facts.predicate;
    d.symmetric = facts.symmetric;
    d.subject = s;
    d.object = o;
    d.ev = &ev;
    d.confidence = std::round(confidence * 100.0) / 100.0;
    d.segment = current_segment_;
    return d;
  }


  // The statement a draft stands for.
  void make_statement(draft& d, statement& st) const {
    const doc_entity& s = entity(d.subject);
    const doc_entity& o = entity(d.object);
    st.doc = a_.doc->id;
    fill_ref(st.subject, s);
    fill_ref(st.object, o);
    // The type a rule gives an entity typed by default: Person when the slot
    // takes only people (« nommé Geert Van Poelvoorde »).
    const rule_facts& f = lang_.facts_for(*d.r);
    const bool swapped = d.r->swap;
    if (s.strength == 0 && (swapped ? f.person_object : f.person_subject)) st.subject.type = "Person";
    if (o.strength == 0 && (swapped ? f.person_subject : f.person_object)) st.object.type = "Person";
    st.predicate = *d.predicate;
    st.attrs = std::move(d.attrs);
    st.ev = d.ev->ev;
    st.ev.text = a_.text.substr(d.ev->begin, d.ev->end - d.ev->begin);
    st.confidence = d.confidence;
    st.rule = d.r->id;
  }

 public:
  // One statement per (subject, predicate, object): later evidence fills gaps.
  std::vector<statement> merge(std::vector<draft>& in) {
    // Keyed by numbers: each entity's lower-cased label numbered once (two
    // entities with one lower-cased label share a number), and the predicate's.
    name_number_.assign(a_.entities.size() + quotations_.size(), none);
    names_.clear();
    std::vector<std::size_t> kept;  // the drafts that become statements
    kept.reserve(in.size());
    std::map<std::tuple<std::size_t, std::size_t, std::size_t>, std::size_t> seen;
    for (std::size_t i = 0; i < in.size(); ++i) {
      draft& s = in[i];
      const std::size_t sk = name_number(s.subject);
      const std::size_t ok = name_number(s.object);
      if (sk == ok) continue;
      auto key = std::make_tuple(sk, s.predicate_number, ok);
      if (s.symmetric) {
        auto rev = std::make_tuple(ok, s.predicate_number, sk);
        if (seen.count(rev)) key = rev;
      }
      auto it = seen.find(key);
      if (it == seen.end()) {
        seen.emplace(key, i);
        kept.push_back(i);
        continue;
      }
      draft& t = in[it->second];
      attributes& a = t.attrs;
      if (!a.amount) { a.amount = s.attrs.amount; if (a.currency.empty()) a.currency = s.attrs.currency; }
      if (!a.jobs) a.jobs = s.attrs.jobs;
      if (!a.quantity) a.quantity = s.attrs.quantity;
      if (!a.stake) a.stake = s.attrs.stake;
      for (auto [dst, src] : {std::pair{&a.date, &s.attrs.date}, {&a.product, &s.attrs.product},
                              {&a.title, &s.attrs.title}, {&a.round, &s.attrs.round}, {&a.sector, &s.attrs.sector}})
        if (dst->empty()) *dst = *src;
      t.confidence = std::max(t.confidence, s.confidence);
    }
    std::vector<statement> out(kept.size());
    for (std::size_t k = 0; k < kept.size(); ++k) make_statement(in[kept[k]], out[k]);
    return out;
  }

 private:
  // The number of an entity's lower-cased label (merge's key), worked out
  // once per entity.
  std::size_t name_number(std::size_t e) {
    if (name_number_[e] == none) name_number_[e] = names_.emplace(lower_utf8(entity(e).label), names_.size()).first->second;
    return name_number_[e];
  }

  void facility_places(const rule& r, std::vector<draft>& out) {
    for (std::size_t e = 0; e < a_.entities.size(); ++e) {
      const doc_entity& f = a_.entities[e];
      if (!eq(f.type, "Facility") || f.place_entity == none) continue;
      // Evidence: the sentence of the facility's first mention.
      for (const auto& m : a_.mentions) {
        if (m.kind != mention_kind::entity || m.entity != e || m.tok_end == m.tok_begin) continue;
        for (const auto& seg : a_.segments)
          if (a_.seg.tokens[m.tok_begin].begin >= seg.begin && a_.seg.tokens[m.tok_begin].begin < seg.end) {
            emit(r, e, f.place_entity, {}, make_evidence(seg), r.confidence, out);
            // « à Saint-Denis (Seine-Saint-Denis) »: the place's own area, read in the same phrase.
            const doc_entity& p = a_.entities[f.place_entity];
            if (p.place_entity != none)
              emit(r, f.place_entity, p.place_entity, {}, make_evidence(seg), r.confidence, out);
            break;
          }
        break;
      }
    }
  }

  void quote_continuations(const rule& r, std::vector<draft>& out) {
    // A quotation with no speaker of its own continues the previous one's in
    // the same or the next paragraph.
    // Only a quotation given a speaker by apply() (spoken_) starts a run: without one, none.
    if (spoken_.empty()) return;
    const mention* last = nullptr;
    std::size_t last_speaker = none;
    for (const auto& seg : a_.segments) {
      for (const auto& u : seg.units) {
        // (Told by the mention's bits, without reading the mention.)
        if (u.mention == none || !facts_.is_quote(u.mention)) continue;
        const mention& m = a_.mentions[u.mention];
        auto it = spoken_.find(&m);
        if (it != spoken_.end()) {
          last = &m;
          last_speaker = it->second;
          continue;
        }
        if (!last || last_speaker == none) continue;
        std::size_t paras = 0;
        for (std::size_t k = last->tok_end; k <= m.tok_begin && k < a_.seg.tokens.size(); ++k)
          paras += a_.seg.tokens[k].para_start;
        if (paras > 1) continue;
        attributes attrs;
        attrs.quote = m.text;
        emit(r, last_speaker, quotation(m.text), attrs, make_evidence(seg), r.confidence, out);
        last = &m;
      }
    }
  }

  // Attributes stated in another sentence of the document:
  // - a deal's price in the next sentence (« La transaction valorise la cible à 200 millions d'euros »);
  // - a funding round's total, for each investor (« a bouclé un tour de table de 54 M€ »);
  // - an opening's amount and jobs from the investment and jobs statements on the same facility.
  void complete_across_sentences(std::vector<draft>& out) const {
    // Predicates by number (draft::predicate_number), not by name.
    static const std::size_t acquires = predicate_number("acquires"), funds = predicate_number("funds"),
                             opens = predicate_number("opens"), invests_in = predicate_number("invests_in"),
                             creates_jobs = predicate_number("creates_jobs");
    auto starts_with_list = [&](const segment_units& seg, std::uint64_t list) {
      for (std::size_t k = 0; k < seg.units.size() && k < 3; ++k) {
        if (seg.units[k].mention != none) return false;
        if (a_.seg.tokens[seg.units[k].tok_begin].lists & list) return true;
      }
      return false;
    };
    for (std::size_t i = 0; i < out.size(); ++i) {
      draft& st = out[i];
      std::size_t si = st.segment;
      if (si == none) continue;
      if (st.predicate_number == acquires && !st.attrs.amount && si + 1 < a_.segments.size() &&
          starts_with_list(a_.segments[si + 1], lang_.lists.deal_nouns))
        if (const value_mention* v = value_in(a_.segments[si + 1], 0, value_kind::money)) {
          st.attrs.amount = v->amount;
          st.attrs.currency = v->currency;
        }
      if (st.predicate_number == funds && !st.attrs.amount)
        for (std::size_t k = si + 1; k-- > 0 && k + 3 > si;) {
          const segment_units& seg = a_.segments[k];
          bool round = false;
          for (const auto& u : seg.units)
            round = round || (u.mention == none && (a_.seg.tokens[u.tok_begin].lists & lang_.lists.round_nouns));
          const value_mention* v = round ? value_in(seg, 0, value_kind::money) : nullptr;
          if (v) {
            st.attrs.amount = v->amount;
            st.attrs.currency = v->currency;
            break;
          }
        }
    }
    for (auto& st : out) {
      if (st.predicate_number != opens) continue;
      for (const auto& other : out) {
        if (entity(other.subject).label != entity(st.subject).label ||
            entity(other.object).label != entity(st.object).label)
          continue;
        if (other.predicate_number == invests_in && !st.attrs.amount && other.attrs.amount) {
          st.attrs.amount = other.attrs.amount;
          st.attrs.currency = other.attrs.currency;
        }
        if (other.predicate_number == creates_jobs && !st.attrs.jobs && other.attrs.jobs) st.attrs.jobs = other.attrs.jobs;
      }
    }
  }

  const language& lang_;
  const analysis& a_;
  const mention_facts facts_;  // what each mention offers the rules, as bits
  std::size_t body_offset_;
  std::size_t current_segment_ = none;
  std::vector<char> quoted_;  // per token: inside a quotation
  mutable std::vector<signed char> has_condition_;  // per segment: -1 not known yet, else has_condition
  mutable std::vector<signed char> has_conjunction_;  // per segment: -1 not known yet, else has_conjunction
  // Per segment: its evidence (make_evidence), and whether it is known yet.
  // Sized once: drafts point into it.
  mutable std::vector<sentence_evidence> evidence_;
  mutable std::vector<char> evidence_known_;
  mutable cursor title_cursor_, body_cursor_;
  std::vector<std::size_t> subjects_, objects_;  // apply()'s, kept from match to match
  // Quotations made objects (entity numbers from a_.entities.size() on), each
  // where entity() references stay valid (most documents make none).
  std::vector<std::unique_ptr<doc_entity>> quotations_;
  std::vector<std::size_t> name_number_;  // per entity number: name_number, none until asked
  std::unordered_map<std::string, std::size_t> names_;  // lower-cased label -> its number
  std::string announcement_date_ = announcement_date(a_);
  std::size_t topic_ = none;
  bool debug_ = debugging();
  std::map<const mention*, std::size_t> spoken_;  // quotation -> speaker entity
};

// Developer aid (ECONKG_DEBUG=1): every segment's units on standard error.
void dump(const analysis& a) {
  for (const auto& seg : a.segments) {
    std::string line;
    for (const auto& u : seg.units) {
      std::string surface(a.text.substr(a.seg.tokens[u.tok_begin].begin,
                                        a.seg.tokens[u.tok_end - 1].end - a.seg.tokens[u.tok_begin].begin));
      if (u.mention == none) {
        line += surface + " ";
        continue;
      }
      const mention& m = a.mentions[u.mention];
      if (m.kind == mention_kind::entity) {
        const doc_entity& e = a.entities[m.entity];
        line += "[" + surface + (m.reference ? "=>" + e.label : "") + "|" + e.type + (e.weak ? "?" : "") + "] ";
      } else if (m.kind == mention_kind::value) {
        line += "{" + surface + "} ";
      } else if (m.kind == mention_kind::title) {
        line += "<" + surface + "> ";
      } else {
        line += "«Q» ";
      }
      if (u.parenthetical) line += "~";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }
}

}  // namespace

struct extractor::impl {
  value_scanner values;
  std::map<std::string, std::unique_ptr<language>> langs;
  explicit impl(const std::string& dir) : values(dir) {
    for (const char* l : {"fr", "en"}) langs.emplace(l, std::make_unique<language>(dir, l, values));
  }
};

extractor::extractor(const std::string& lexicon_dir) : impl_(std::make_unique<impl>(lexicon_dir)) {}

extractor::~extractor() = default;

std::vector<statement> extractor::extract(const document& doc) const {
  const language& lang = *impl_->langs.at(doc.lang == "en" ? "en" : "fr");
  // The title is analysed with the body, before it, so both share entities;
  // evidence offsets are given back relative to the title or to the body.
  std::string combined;
  std::size_t body_offset = 0;
  if (!doc.title.empty()) {
    combined = doc.title + "\n\n";
    body_offset = combined.size();
  }
  combined += doc.text;
  analysis a;
  a.doc = &doc;
  a.text = combined;
  a.seg = lang.seg.segment(combined);
  lang.lex.analyse(combined, a.seg.tokens);
  lang.finder.find(a);
  if (debugging()) dump(a);
  // The statements before merging, in a buffer kept from document to
  // document so that it seldom grows.
  thread_local std::vector<draft> drafts;
  drafts.clear();
  statement_builder builder(lang, a, body_offset);
  builder.run(drafts);
  return builder.merge(drafts);
}

}  // namespace econkg
