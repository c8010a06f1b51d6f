// graph.jsonld: one self-contained JSON-LD 1.1 document. The context is
// inline (a remote one fails offline) and says once what every node would
// otherwise repeat:
// - "@vocab" is the econkg vocabulary (https://w3id.org/econkg/vocab#), so
//   its terms are bare names ("document", "Statement", "invests_in"), and a
//   key the context did not define would still expand to an IRI, never be
//   dropped. Every key written here is a defined term nonetheless (or a
//   keyword, or a compact IRI: "schema:currency", "ekg:<other predicate>").
// - Prefixes for the IRIs: "id:" for entities (id:organization/knds), "st:"
//   for statements (st:d26d78613c6d1be3), "schema:", "xsd:".
// - Type coercion: "subject"/"object" and the 18 predicates are IRIs
//   ("@type":"@id"), "predicate" a vocabulary term ("@type":"@vocab"), and
//   numbers typed literals through their term: "start":"0" is
//   "0"^^xsd:integer, "confidence":"0.75" and schema.org's "value" (money)
//   xsd:decimal. A number is always text, never a bare JSON number, whose
//   datatype processors disagree on. A value whose datatype varies (a date:
//   xsd:date, xsd:gYearMonth, xsd:gYear or a plain string) is written as
//   {"@value":…,"@type":…}.
// This is a shorter spelling only: the N-Quads are those of the long form
// these files had before (every key a compact IRI, every IRI whole in
// {"@id":…}, every number {"@value":…,"@type":…}).
//
// The document is compact, one node a line, so that each node can be
// grepped on its own line (indentation made the file a quarter larger):
//   {"@context":{...},
//   "@graph":[
//   {...entity...},
//   {...statement...}
//   ]}
// A statement's line is the same text as that statement in graph.ndjson,
// so build formats it once for both files (jsonld_ndjson_exporter). A line
// of graph.ndjson carries the part of the context its text needs: the
// prefixes and the terms that say more than "@vocab" does (coercions,
// schema.org's "name" and "value"); see context_object().
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "export/exporter.hpp"
#include "export/fast_json.hpp"
#include "export/text_format.hpp"
#include "graph/iri.hpp"

namespace econkg {

namespace {

// The 18 predicates of SPEC §2, declared as vocabulary terms in the context.
constexpr std::array<std::string_view, 18> predicates = {
    "invests_in", "acquires",  "partners_with", "funds",       "opens",          "creates_jobs",
    "cuts_jobs",  "supplies",  "trains",        "holds_role",  "visits",         "meets",
    "says",       "organizes", "founded",       "participates_in", "located_in", "subsidiary_of"};

bool is_symmetric(std::string_view predicate) {
  return predicate == "partners_with" || predicate == "meets";
}

// A predicate becomes the local name of a vocabulary IRI: keep it to
// characters that need no escaping there.
std::string vocab_name(std::string_view predicate) {
  std::string out;
  out.reserve(predicate.size());
  for (char c : predicate) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  return out;
}

// The predicate of SPEC §2 that `predicate` is, which is also its term in
// the context; empty for another predicate.
std::string_view known_term(std::string_view predicate) {
  // Length and first letter first: most predicates differ there, and a
  // statement's predicate is looked up by two outputs.
  if (predicate.empty()) return {};
  for (std::string_view p : predicates)
    if (p.size() == predicate.size() && p[0] == predicate[0] && p == predicate) return p;
  return {};
}

// The context's terms besides its prefixes and the 18 predicates. `iri` is
// a compact IRI, `type` the type its values are coerced to, if any;
// `in_lines` says whether a line of graph.ndjson can use the term (as a key
// of a statement, or of an entity's id, types and name, or as a type).
// Every key write_statement() and write_entity() write is one of these, a
// predicate, a keyword, "schema:currency" or "ekg:" and another predicate's
// vocab_name(): tests/test_export.cpp and tests/interop check it.
struct term_definition {
  std::string_view name, iri, type;
  bool in_lines;
};

constexpr term_definition terms[] = {
    // Statements, in both files.
    {"Statement", "ekg:Statement", {}, true},
    {"subject", "ekg:subject", "@id", true},
    {"predicate", "ekg:predicate", "@vocab", true},
    {"object", "ekg:object", "@id", true},
    {"amount", "ekg:amount", {}, true},
    {"value", "schema:value", "xsd:decimal", true},
    {"currency", "ekg:currency", {}, true},
    {"jobs", "ekg:jobs", "xsd:integer", true},
    {"quantity", "ekg:quantity", "xsd:integer", true},
    {"stake", "ekg:stake", "xsd:decimal", true},
    {"date", "ekg:date", {}, true},
    {"product", "ekg:product", {}, true},
    {"title", "ekg:title", {}, true},
    {"quote", "ekg:quote", {}, true},
    {"round", "ekg:round", {}, true},
    {"sector", "ekg:sector", {}, true},
    {"document", "ekg:document", {}, true},
    {"evidenceText", "ekg:evidenceText", {}, true},
    {"evidenceField", "ekg:evidenceField", {}, true},
    {"start", "ekg:start", "xsd:integer", true},
    {"end", "ekg:end", "xsd:integer", true},
    {"rule", "ekg:rule", {}, true},
    {"confidence", "ekg:confidence", "xsd:decimal", true},
    // Entities; graph.ndjson's have their id, types and name only.
    {"name", "schema:name", {}, true},
    {"Facility", "ekg:Facility", {}, true},
    {"alternateName", "schema:alternateName", {}, false},
    {"mentions", "ekg:mentions", "xsd:integer", false},
    {"pagerank", "ekg:pagerank", "xsd:decimal", false},
    {"inDegree", "ekg:inDegree", "xsd:integer", false},
    {"outDegree", "ekg:outDegree", "xsd:integer", false},
    {"component", "ekg:component", "xsd:integer", false},
    {"investedTotal", "ekg:investedTotal", {}, false},
    {"receivedTotal", "ekg:receivedTotal", {}, false},
    {"jobsCreated", "ekg:jobsCreated", "xsd:integer", false},
    {"jobsCut", "ekg:jobsCut", "xsd:integer", false},
};

// Entity IRIs are key_iri()'s: iri_base, "id/", then a path, written as
// "id:" and the path over the context's "id" prefix. Another IRI (none
// today), or one whose path starts with "//" ("id://x" would read as an
// absolute IRI), is written whole.
struct iri_text {
  std::string_view prefix, rest;
  std::size_t size() const { return prefix.size() + rest.size(); }
};

constexpr std::string_view entity_base = "https://w3id.org/econkg/id/";
static_assert(entity_base.substr(0, iri_base.size()) == iri_base && entity_base.substr(iri_base.size()) == "id/");

iri_text entity_iri_text(std::string_view iri) {
  // One comparison of a fixed size, which the compiler inlines.
  if (iri.size() >= entity_base.size() && std::memcmp(iri.data(), entity_base.data(), entity_base.size()) == 0)
    if (const std::string_view path = iri.substr(entity_base.size()); !path.starts_with("//")) return {"id:", path};
  return {{}, iri};
}

// `iri` quoted at `p`, which has room for it, and the end.
char* put_iri(char* p, const iri_text& iri) {
  *p++ = '"';
  detail::copy_bytes(p, iri.prefix.data(), iri.prefix.size());
  p += iri.prefix.size();
  detail::copy_bytes(p, iri.rest.data(), iri.rest.size());
  p += iri.rest.size();
  *p++ = '"';
  return p;
}

// The value of "@context": graph.jsonld's, or, when `lines`, a line of
// graph.ndjson's. graph.jsonld's has "@vocab", the prefixes and every term
// (a coerced one as {"@id":…,"@type":…}, another as its compact IRI). A
// line's is the part of it that says more than "@vocab" does, of the terms
// a line can use: a term whose IRI is "@vocab" and its name is left out
// unless coerced, and then has its "@type" only; the "ekg" prefix is left
// out too, no line using it. A line is read the same either way, and the
// per-line context stays small (it is repeated on every line).
std::string context_object(bool lines) {
  const std::string vocab = std::string(iri_base) + "vocab#";
  std::string out = "{";
  auto name = [&out](std::string_view n) {
    if (out.size() > 1) out += ',';
    out.append(1, '"').append(n).append("\":");
  };
  auto quoted = [&out](std::string_view s) { out.append(1, '"').append(s).append(1, '"'); };
  auto prefix = [&](std::string_view n, std::string_view iri) {
    name(n);
    quoted(iri);
  };
  auto term = [&](const term_definition& t) {
    const bool vocab_iri = t.iri.starts_with("ekg:") && t.iri.substr(4) == t.name;
    if (lines && (!t.in_lines || (vocab_iri && t.type.empty()))) return;
    name(t.name);
    if (t.type.empty()) return quoted(t.iri);
    out += '{';
    if (!lines || !vocab_iri) {
      out += "\"@id\":";
      quoted(t.iri);
      out += ',';
    }
    out += "\"@type\":";
    quoted(t.type);
    out += '}';
  };
  prefix("@vocab", vocab);
  if (!lines) prefix("ekg", vocab);
  prefix("schema", "https://schema.org/");
  prefix("xsd", "http://www.w3.org/2001/XMLSchema#");
  prefix("id", std::string(iri_base) + "id/");
  prefix("st", std::string(iri_base) + "statement/");
  for (const term_definition& t : terms) term(t);
  for (std::string_view p : predicates) {
    const std::string iri = "ekg:" + std::string(p);
    term({p, iri, "@id", false});
  }
  out += '}';
  return out;
}

// Number text in a buffer of its own, without a heap string.
template <std::size_t capacity>
struct number_buffer {
  char data[capacity];
  std::size_t size = 0;
  operator std::string_view() const { return {data, size}; }
};

number_buffer<24> integer_text(std::int64_t v) {
  number_buffer<24> out;
  out.size = static_cast<std::size_t>(std::to_chars(out.data, out.data + sizeof out.data, v).ptr - out.data);
  return out;
}

// Shortest fixed-point text that reads back as `v`: a valid xsd:decimal
// (no exponent), unlike printf's %g. Valid until the thread's next call.
std::string_view decimal_text(double v) { return detail::real_view<true>(v); }

// Whether s[from, to) are all ASCII digits (a non-empty range).
bool digits_at(std::string_view s, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// "2025" is not an xsd:date: pick the datatype the value's precision allows,
// or leave it a plain string when it matches none.
std::string_view date_type(std::string_view d) {
  if (d.size() == 4 && digits_at(d, 0, 4)) return "xsd:gYear";
  if (d.size() == 7 && d[4] == '-' && digits_at(d, 0, 4) && digits_at(d, 5, 7)) return "xsd:gYearMonth";
  if (d.size() == 10 && d[4] == '-' && d[7] == '-' && digits_at(d, 0, 4) && digits_at(d, 5, 7) &&
      digits_at(d, 8, 10))
    return "xsd:date";
  return {};
}

// Keys written here are names the program spells out, or vocab_name()s:
// none needs escaping. An IRI needs no escaping either (entity IRIs are
// key_iri()'s slugs and hashes, statement IRIs hashes, vocabulary IRIs
// vocab_name()s); a node's "@id" is checked all the same, as it always was.
// Numbers, and dates that date_type() found to be digits and dashes, need
// no escaping.

// A node object (an entity or a statement), compact, written into `out` by
// `body` through a json::object_text, which writes the opening brace; `body`
// must end it with object_text::end_object().
using object_text = json::object_text<false>;
template <typename Body>
void write_object(rapidjson::StringBuffer& out, Body&& body) {
  object_text o(out, 0, ' ', 0);
  body(o);
}

// A member whose value is the entity IRI `iri` (entity_iri_text()), under a
// key whose term coerces it to an IRI.
void iri_member(object_text& o, rapidjson::StringBuffer& out, std::string_view k, std::string_view iri) {
  const iri_text text = entity_iri_text(iri);
  o.key(k);
  put_iri(out.Push(text.size() + 2), text);
}

// The node's "@id" member, the entity IRI `iri` written as entity_iri_text()
// when it needs no JSON escaping (as key_iri()'s never does), else whole and
// escaped: the same IRI either way.
void entity_id_member(object_text& o, rapidjson::StringBuffer& out, std::string_view iri) {
  const iri_text text = entity_iri_text(iri);
  const bool plain = std::none_of(text.rest.begin(), text.rest.end(),
                                  [](char c) { return json::escape_table[static_cast<unsigned char>(c)] != 0; });
  if (text.prefix.empty() || !plain) return o.escaped_member("@id", iri);
  o.key("@id");
  put_iri(out.Push(text.size() + 2), text);
}

// An array member's value after object_text::key() wrote its key, laid out
// as rapidjson's Writer would lay it out.
class array_text {
 public:
  explicit array_text(rapidjson::StringBuffer& out) : out_(out) { *out_.Push(1) = '['; }
  array_text(const array_text&) = delete;
  array_text& operator=(const array_text&) = delete;

  // A string that needs no escaping (json::append_plain()).
  void plain(std::string_view s) { json::put_quoted(element(s.size() + 2), s); }
  void escaped(std::string_view s) {
    element(0);
    json::append_string(out_, s.data(), s.size());
  }
  // An entity IRI as entity_iri_text() writes it: the element of an array
  // whose key coerces its strings to IRIs.
  void iri(std::string_view iri) {
    const iri_text text = entity_iri_text(iri);
    put_iri(element(text.size() + 2), text);
  }
  // {"@id": iri}, the same IRI, under a key that does not coerce.
  void id_object(std::string_view iri) {
    static constexpr std::string_view k = "{\"@id\":";
    const iri_text text = entity_iri_text(iri);
    char* p = element(k.size() + text.size() + 3);
    detail::copy_bytes(p, k.data(), k.size());
    p = put_iri(p + k.size(), text);
    *p = '}';
  }
  // The closing bracket (an array written here is never empty).
  void end() { *out_.Push(1) = ']'; }

 private:
  // The separator of the next element, then room for `n` bytes of it,
  // where the element goes.
  char* element(std::size_t n) {
    char* p = out_.Push((first_ ? 0 : 1) + n);
    if (!first_) *p++ = ',';
    first_ = false;
    return p;
  }
  rapidjson::StringBuffer& out_;
  bool first_ = true;
};

// The entity's "@type" member.
void write_types(object_text& o, rapidjson::StringBuffer& out, const std::string& type) {
  if (type == "Facility") {
    // schema.org has no facility type; a facility is a Place with our refinement.
    o.key("@type");
    array_text a(out);
    a.plain("schema:Place");
    a.plain("Facility");
    a.end();
  } else {
    // The other ontology types are schema.org's own.
    static constexpr std::string_view own[] = {"schema:Organization", "schema:Person", "schema:Place",
                                               "schema:Event", "schema:Product", "schema:Quotation"};
    for (std::string_view t : own)
      if (t.substr(7) == type) return o.plain_member("@type", t);
    o.plain_member("@type", "schema:Thing");
  }
}

// Money in EUR or `currency` as a schema:MonetaryAmount, under `k`.
void money_member(object_text& o, std::string_view k, std::int64_t value, std::string_view currency) {
  o.begin_object(k);
  o.plain_member("@type", "schema:MonetaryAmount");
  o.plain_member("value", integer_text(value));
  if (!currency.empty()) o.escaped_member("schema:currency", currency);
  o.end_object();
}

// An entity with its analytics and direct edges (graph.jsonld), or, when
// `brief`, only its id, types and name (graph.ndjson), appended to `out`.
void write_entity(rapidjson::StringBuffer& out, const graph_type& g, vertex_id v, bool brief = false) {
  const entity& e = g[v];
  write_object(out, [&](object_text& o) {
    // Numbers are typed through their terms' coercion.
    auto integer = [&o](std::string_view k, std::int64_t value) { o.plain_member(k, integer_text(value)); };
    entity_id_member(o, out, e.iri);
    write_types(o, out, e.type);
    o.escaped_member("name", e.label);
    if (brief) {
      o.end_object();
      return;
    }
    if (e.aliases.size() > (e.aliases.count(e.label) ? 1u : 0u)) {
      o.key("alternateName");
      array_text a(out);
      for (const std::string& alias : e.aliases)
        if (alias != e.label) a.escaped(alias);
      a.end();
    }
    integer("mentions", static_cast<std::int64_t>(e.mentions));
    if (std::isfinite(e.pagerank)) o.plain_member("pagerank", decimal_text(e.pagerank));
    integer("inDegree", static_cast<std::int64_t>(e.in_degree));
    integer("outDegree", static_cast<std::int64_t>(e.out_degree));
    integer("component", static_cast<std::int64_t>(e.component));
    // Totals only where there is something to add up; money as
    // schema:MonetaryAmount in EUR, like statement amounts.
    if (e.invested_eur != 0) money_member(o, "investedTotal", e.invested_eur, "EUR");
    if (e.received_eur != 0) money_member(o, "receivedTotal", e.received_eur, "EUR");
    if (e.jobs_created != 0) integer("jobsCreated", e.jobs_created);
    if (e.jobs_cut != 0) integer("jobsCut", e.jobs_cut);

    // The direct edges, so that tools that read entities only still see the
    // graph. Symmetric relations are stated from both ends.
    // (key, IRI) pairs in byte order, once each: the keys, each with its
    // IRIs. A predicate of SPEC §2 is its own term, which makes its values
    // IRIs; another is "ekg:" and its vocab_name(), with {"@id":…} values.
    thread_local std::vector<std::pair<std::string_view, std::string_view>> links;
    thread_local std::deque<std::string> other_keys;  // a deque's strings stay put
    links.clear();
    other_keys.clear();
    auto link_key = [](std::string_view predicate) -> std::string_view {
      const std::string_view known = known_term(predicate);
      return known.empty() ? other_keys.emplace_back("ekg:" + vocab_name(predicate)) : known;
    };
    for (auto [e_it, end] = boost::out_edges(v, g); e_it != end; ++e_it)
      links.emplace_back(link_key(g[*e_it].predicate), g[boost::target(*e_it, g)].iri);
    for (auto [e_it, end] = boost::in_edges(v, g); e_it != end; ++e_it)
      if (is_symmetric(g[*e_it].predicate))
        links.emplace_back(link_key(g[*e_it].predicate), g[boost::source(*e_it, g)].iri);
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    for (std::size_t i = 0; i < links.size();) {
      const std::string_view k = links[i].first;
      const bool coerced = k.find(':') == std::string_view::npos;
      o.key(k);
      array_text a(out);
      std::size_t j = i;
      for (; j < links.size() && links[j].first == k; ++j) {
        if (coerced) a.iri(links[j].second);
        else a.id_object(links[j].second);
      }
      a.end();
      i = j;
    }
    o.end_object();
  });
}

// The "predicate" value of a statement, by predicate number: a predicate
// of SPEC §2 is its term; another is written as an absolute IRI, which
// "@vocab" coercion keeps as it is (its name could be a term of the context
// with another IRI: "name", "id"). Made once per graph rather than looked
// up per statement.
std::vector<std::string> predicate_values(const knowledge_graph& kg) {
  std::vector<std::string> out;
  for (std::uint32_t n = 0; n < kg.predicate_count(); ++n) {
    const std::string& predicate = kg.predicate(n);
    const std::string_view term = known_term(predicate);
    out.push_back(term.empty() ? std::string(iri_base) + "vocab#" + vocab_name(predicate) : std::string(term));
  }
  return out;
}

// Statement number `index` of `kg`, whose record is `s` and IRI `id`,
// appended to `out` (`predicates` is predicate_values(kg)): the same text
// in graph.jsonld and graph.ndjson, so it uses only terms and prefixes
// both contexts have (context_object()).
// Written through json::object_text rather than member by member through a
// writer: a statement is a fixed shape, and the corpus's largest part of
// both files.
void write_statement(rapidjson::StringBuffer& out, const knowledge_graph& kg, std::size_t index,
                     const statement_view& s, const std::string& id, const std::vector<std::string>& predicates) {
  // Plain variables, not structured bindings: the lambda below captures
  // them, which clang before 16 does not allow for bindings.
  const auto ends = kg.ends(index);
  const auto subject = ends.first, object = ends.second;
  const statement_view::attributes& a = s.attrs;
  write_object(out, [&](object_text& o) {
    auto text = [&o](std::string_view k, std::string_view value) {
      if (!value.empty()) o.escaped_member(k, value);
    };
    o.escaped_member("@id", id);
    o.plain_member("@type", "Statement");
    iri_member(o, out, "subject", kg.graph()[subject].iri);
    o.plain_member("predicate", predicates[kg.predicate_number(index)]);
    iri_member(o, out, "object", kg.graph()[object].iri);

    if (a.amount) money_member(o, "amount", *a.amount, a.currency);
    else text("currency", a.currency);
    if (a.jobs) o.plain_member("jobs", integer_text(*a.jobs));
    if (a.quantity) o.plain_member("quantity", integer_text(*a.quantity));
    if (a.stake && std::isfinite(*a.stake)) o.plain_member("stake", decimal_text(*a.stake));
    if (!a.date.empty()) {
      std::string_view type = date_type(a.date);
      if (type.empty())
        o.escaped_member("date", a.date);
      else
        o.flat_member("date", {{"@value", a.date}, {"@type", type}});
    }
    text("product", a.product);
    text("title", a.title);
    text("quote", a.quote);
    text("round", a.round);
    text("sector", a.sector);

    o.escaped_member("document", s.doc);
    o.escaped_member("evidenceText", s.ev.text);
    if (s.ev.in_title) o.plain_member("evidenceField", "title");
    o.plain_member("start", integer_text(static_cast<std::int64_t>(s.ev.start)));
    o.plain_member("end", integer_text(static_cast<std::int64_t>(s.ev.end)));
    text("rule", s.rule);
    o.plain_member("confidence",
                   decimal_text(std::isfinite(s.confidence) ? std::round(s.confidence * 100.0) / 100.0 : 0.0));
    o.end_object();
  });
}

// `values` in ascending order, by least-significant-digit radix sort (11
// bits a pass): statement_ids sorts a hash per statement, for which
// std::sort's comparisons cost several times more.
std::vector<std::uint64_t> radix_sorted(const std::vector<std::uint64_t>& values) {
  constexpr unsigned bits = 11;
  constexpr std::size_t buckets = std::size_t{1} << bits;
  std::vector<std::uint64_t> from = values, to(values.size());
  for (unsigned shift = 0; shift < 64; shift += bits) {
    std::array<std::size_t, buckets> starts{};
    for (std::uint64_t v : from) ++starts[(v >> shift) & (buckets - 1)];
    std::size_t at = 0;
    for (std::size_t& start : starts) at += std::exchange(start, at);
    for (std::uint64_t v : from) to[starts[(v >> shift) & (buckets - 1)]++] = v;
    from.swap(to);
  }
  return from;
}

// Statement IRIs. An IRI hashes what identifies the statement (SPEC §3: one
// statement per subject, predicate and object per document). Should two
// statements still share it, later ones get a suffix in input order instead
// of silently merging into one node. Kept as one number per statement plus
// the suffixes of the few that share a hash; the text is made on demand.
// graph.jsonld and graph.ndjson share one (knowledge_graph::derived()).
class statement_ids {
 public:
  explicit statement_ids(const knowledge_graph& kg) {
    const std::size_t n = kg.statement_count();
    const graph_type& g = kg.graph();
    hashes_.resize(n);
    // hash64 of doc, IRI, predicate and IRI joined by U+001F, computed as
    // the bytes come (FNV-1a reads them in order), without joining them.
    auto separate = [](std::uint64_t h) { return (h ^ 0x1fU) * fnv_prime; };
    // A document's statements come together, and often share a subject:
    // the hash of the last document, and of it and the last subject, is
    // kept. Each statement's hash so far (up to its subject) goes to
    // hashes_[i]; its predicate and object are added below.
    constexpr auto none = std::numeric_limits<std::size_t>::max();
    std::size_t last_doc = none, last_subject = none;
    std::uint64_t doc_hash = 0, subject_hash = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const vertex_id u = kg.ends(i).first;
      if (const doc_number d = kg.doc_of(i); d != last_doc) {
        doc_hash = separate(fnv_step(0xcbf29ce484222325ULL, kg.doc_id(d)));
        last_doc = d;
        last_subject = none;
      }
      if (u != last_subject) {
        subject_hash = separate(fnv_step(doc_hash, g[u].iri));
        last_subject = u;
      }
      hashes_[i] = subject_hash;
    }
    // Then predicate and object, four statements at a time: FNV-1a is a
    // chain of multiplications, each waiting for the last, and four
    // independent chains keep the multiplier busy.
    std::size_t i = 0;
    for (; i + 4 <= n; i += 4) {
      std::array<std::string_view, 4> predicates, objects;
      for (std::size_t l = 0; l < 4; ++l) {
        predicates[l] = kg.predicate_of(i + l);
        objects[l] = g[kg.ends(i + l).second].iri;
      }
      std::uint64_t* h = &hashes_[i];
      fnv_step4(h, predicates);
      for (std::size_t l = 0; l < 4; ++l) h[l] = separate(h[l]);
      fnv_step4(h, objects);
    }
    for (; i < n; ++i)
      hashes_[i] = fnv_step(separate(fnv_step(hashes_[i], kg.predicate_of(i))), g[kg.ends(i).second].iri);
    // Hashes several statements share, then their suffixes in input order.
    const std::vector<std::uint64_t> sorted = radix_sorted(hashes_);
    std::unordered_map<std::uint64_t, std::size_t> seen;
    for (std::size_t i = 1; i < sorted.size(); ++i)
      if (sorted[i] == sorted[i - 1]) seen.emplace(sorted[i], 0);
    for (std::size_t i = 0; i < n && !seen.empty(); ++i)
      if (auto it = seen.find(hashes_[i]); it != seen.end() && ++it->second > 1) suffixes_.emplace(i, it->second);
  }

  // The IRI of statement number `index`, as written: compact, over the
  // context's "st" prefix (https://w3id.org/econkg/statement/), into `id`,
  // whose capacity is reused.
  void text(std::size_t index, std::string& id) const {
    // The prefix stays from the last call; the hash's 16 hex digits are
    // written two at a time, from a table of the 256 byte values' pairs.
    static constexpr std::string_view prefix = "st:";
    static constexpr std::array<char, 512> pairs = [] {
      std::array<char, 512> out{};
      constexpr char digits[] = "0123456789abcdef";
      for (std::size_t b = 0; b < 256; ++b) {
        out[2 * b] = digits[b >> 4];
        out[2 * b + 1] = digits[b & 0xf];
      }
      return out;
    }();
    const std::size_t at = prefix.size();
    if (id.size() < at || id.compare(0, at, prefix) != 0) id.assign(prefix);
    id.resize(at + 16);
    char* const p = id.data() + at;
    std::uint64_t h = hashes_[index];
    for (std::size_t i = 8; i-- > 0; h >>= 8) std::memcpy(p + 2 * i, &pairs[2 * (h & 0xff)], 2);
    if (!suffixes_.empty())
      if (auto it = suffixes_.find(index); it != suffixes_.end())
        id.append(1, '-').append(std::string_view(integer_text(static_cast<std::int64_t>(it->second))));
  }

 private:
  static constexpr std::uint64_t fnv_prime = 0x100000001b3ULL;
  // FNV-1a's steps over the bytes of `text` from the state `h`.
  static std::uint64_t fnv_step(std::uint64_t h, std::string_view text) {
    for (unsigned char c : text) h = (h ^ c) * fnv_prime;
    return h;
  }
  // The same for four states and texts at once: the bytes all four have,
  // in step, then what is left of each.
  static void fnv_step4(std::uint64_t* h, const std::array<std::string_view, 4>& texts) {
    const std::size_t common =
        std::min({texts[0].size(), texts[1].size(), texts[2].size(), texts[3].size()});
    std::uint64_t h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3];
    const auto* t0 = reinterpret_cast<const unsigned char*>(texts[0].data());
    const auto* t1 = reinterpret_cast<const unsigned char*>(texts[1].data());
    const auto* t2 = reinterpret_cast<const unsigned char*>(texts[2].data());
    const auto* t3 = reinterpret_cast<const unsigned char*>(texts[3].data());
    for (std::size_t j = 0; j < common; ++j) {
      h0 = (h0 ^ t0[j]) * fnv_prime;
      h1 = (h1 ^ t1[j]) * fnv_prime;
      h2 = (h2 ^ t2[j]) * fnv_prime;
      h3 = (h3 ^ t3[j]) * fnv_prime;
    }
    h[0] = fnv_step(h0, texts[0].substr(common));
    h[1] = fnv_step(h1, texts[1].substr(common));
    h[2] = fnv_step(h2, texts[2].substr(common));
    h[3] = fnv_step(h3, texts[3].substr(common));
  }

  std::vector<std::uint64_t> hashes_;
  std::unordered_map<std::size_t, std::size_t> suffixes_;  // statement number -> n >= 2
};

// Hands what `buffer` holds to `out` once it is a block, so that a file is
// never held whole.
void write_full_block(std::ostream& out, rapidjson::StringBuffer& buffer) {
  if (buffer.GetSize() < detail::write_block) return;
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  buffer.Clear();
}

// graph.jsonld as it is written: its first two lines, then a node a line,
// each ended by a comma but the last, then "]}". Gathered in a buffer that
// is handed to the stream a block at a time.
class jsonld_text {
 public:
  explicit jsonld_text(std::ostream& out) : out_(out) {
    static constexpr std::string_view context_key = "{\"@context\":", graph_key = ",\n\"@graph\":[";
    append(context_key);
    append(context_object(false));
    append(graph_key);
  }
  jsonld_text(const jsonld_text&) = delete;
  jsonld_text& operator=(const jsonld_text&) = delete;

  // Every entity, in vertex order.
  void entities(const graph_type& g) {
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
      separate();
      write_entity(buffer_, g, *v);
      write_full_block(out_, buffer_);
    }
  }
  // The next statement node (write_statement()'s text).
  void statement(std::string_view text) {
    separate();
    append(text);
    write_full_block(out_, buffer_);
  }
  void statement(const knowledge_graph& kg, std::size_t index, const statement_view& s, const std::string& id,
                 const std::vector<std::string>& predicates) {
    separate();
    write_statement(buffer_, kg, index, s, id, predicates);
    write_full_block(out_, buffer_);
  }
  // The last line, and what is left to the stream.
  void finish() {
    append("\n]}\n");
    out_.write(buffer_.GetString(), static_cast<std::streamsize>(buffer_.GetSize()));
    buffer_.Clear();
  }

 private:
  void append(std::string_view text) { detail::copy_bytes(buffer_.Push(text.size()), text.data(), text.size()); }
  // A node's line begins after the line break that ends the line before.
  void separate() {
    append(first_ ? std::string_view("\n") : std::string_view(",\n"));
    first_ = false;
  }
  std::ostream& out_;
  rapidjson::StringBuffer buffer_;
  bool first_ = true;
};

// Statement numbers grouped by document: those of document d are
// by_doc[first[d]] to by_doc[first[d + 1]], ascending. Document numbers
// follow first appearance, the order of graph.ndjson's lines.
class document_groups {
 public:
  explicit document_groups(const knowledge_graph& kg) : first_(kg.doc_count() + 1, 0), by_doc_(kg.statement_count()) {
    for (std::size_t i = 0; i < kg.statement_count(); ++i) ++first_[kg.doc_of(i) + 1];
    for (std::size_t d = 0; d + 1 < first_.size(); ++d) first_[d + 1] += first_[d];
    std::vector<std::size_t> next(first_.begin(), first_.end() - 1);
    for (std::size_t i = 0; i < kg.statement_count(); ++i) by_doc_[next[kg.doc_of(i)]++] = i;
  }
  std::size_t size() const { return first_.size() - 1; }
  std::span<const std::size_t> operator[](std::size_t d) const {
    return std::span(by_doc_).subspan(first_[d], first_[d + 1] - first_[d]);
  }
  // Whether the groups, one after the other, are the statements in input
  // order: each document's statements consecutive, as they are unless a
  // document id comes back after another's.
  bool in_input_order() const { return std::is_sorted(by_doc_.begin(), by_doc_.end()); }

 private:
  std::vector<std::size_t> first_, by_doc_;
};

// graph.ndjson into `out`: a line per document of `groups`, the entities
// its statements name (id, types and name), then its statements. When
// `jsonld` is given, each statement's text also goes to it, so that the
// statement is read and formatted once for both files: `groups` must then
// be in_input_order(), graph.jsonld's order.
void write_ndjson(const knowledge_graph& kg, const document_groups& groups, std::ostream& out,
                  jsonld_text* jsonld = nullptr) {
  const auto ids_made = kg.derived<statement_ids>([&] { return statement_ids(kg); });
  const statement_ids& ids = *ids_made;
  const std::vector<std::string> predicates = predicate_values(kg);
  // A document's statements are usually consecutive, so the reader mostly
  // reads on from where it stopped.
  knowledge_graph::statement_reader reader(kg);
  // Every line begins the same way, its context (the part of
  // graph.jsonld's a line needs) included.
  const std::string line_start = "{\"@context\":" + context_object(true) + ",\"@graph\":[";
  // Lines gather in one buffer, handed to the stream a block at a time.
  rapidjson::StringBuffer buffer;
  auto append = [&buffer](std::string_view text) {
    detail::copy_bytes(buffer.Push(text.size()), text.data(), text.size());
  };
  std::vector<vertex_id> named;
  std::string id;
  // An entity is named by many lines (a country by thousands) in the same
  // words: its text is made once, on first use, and copied after that.
  struct made_text {
    std::size_t at = 0, size = 0;  // in `briefs`; size 0: not made yet (none is empty)
  };
  std::vector<made_text> brief_of(boost::num_vertices(kg.graph()));
  rapidjson::StringBuffer briefs;
  auto brief = [&](vertex_id v) {
    made_text& m = brief_of[v];
    if (m.size == 0) {
      m.at = briefs.GetSize();
      write_entity(briefs, kg.graph(), v, true);
      m.size = briefs.GetSize() - m.at;
    }
    return std::string_view(briefs.GetString() + m.at, m.size);
  };
  for (std::size_t d = 0; d < groups.size(); ++d) {
    const std::span<const std::size_t> indices = groups[d];
    // The entities the document's statements name, ascending, once each.
    named.clear();
    for (std::size_t i : indices) {
      named.push_back(kg.ends(i).first);
      named.push_back(kg.ends(i).second);
    }
    std::sort(named.begin(), named.end());
    named.erase(std::unique(named.begin(), named.end()), named.end());
    append(line_start);
    bool first = true;
    for (vertex_id v : named) {
      if (!first) append(",");
      first = false;
      append(brief(v));
    }
    for (std::size_t i : indices) {
      if (!first) append(",");
      first = false;
      ids.text(i, id);
      const std::size_t at = buffer.GetSize();
      write_statement(buffer, kg, i, reader.read(i, statement_spool::reader::skip_entities), id, predicates);
      if (jsonld) jsonld->statement(std::string_view(buffer.GetString() + at, buffer.GetSize() - at));
    }
    append("]}\n");
    write_full_block(out, buffer);
  }
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
}

// graph.jsonld: entity nodes in vertex order, then statement nodes in input
// order. Stateless, so thread-safe.
class jsonld_exporter final : public exporter {
 public:
  std::string file_name() const override { return "graph.jsonld"; }

  void write(const knowledge_graph& kg, std::ostream& out) const override {
    jsonld_text text(out);
    text.entities(kg.graph());
    const auto ids_made = kg.derived<statement_ids>([&] { return statement_ids(kg); });
    const statement_ids& ids = *ids_made;
    const std::vector<std::string> predicates = predicate_values(kg);
    std::string id;
    // Statements name their entities by the resolved vertices' IRIs.
    kg.for_each_statement(
        [&](std::size_t i, const statement_view& s) {
          ids.text(i, id);
          text.statement(kg, i, s, id, predicates);
        },
        statement_spool::reader::skip_entities);
    text.finish();
  }
};

// graph.ndjson: one self-contained JSON-LD document a line, one per input
// document in the order documents first appear: the entities its statements
// name (id, types, name), then its statements, with the same IRIs as
// graph.jsonld and the part of its context they need. Stateless, so
// thread-safe.
class ndjson_exporter final : public exporter {
 public:
  std::string file_name() const override { return "graph.ndjson"; }
  void write(const knowledge_graph& kg, std::ostream& out) const override {
    write_ndjson(kg, document_groups(kg), out);
  }
};

// graph.jsonld and graph.ndjson in one write_all() (build), in one pass
// when graph.ndjson's statements come in input order (each document's
// statements consecutive, the normal case): each statement is read once and
// its text, the same in both files, formatted once. Else each file is
// written on its own.
class jsonld_ndjson_exporter final : public exporter {
 public:
  std::string file_name() const override { return jsonld_.file_name(); }
  void write(const knowledge_graph& kg, std::ostream& out) const override { jsonld_.write(kg, out); }
  std::vector<std::string> file_names() const override { return {jsonld_.file_name(), ndjson_.file_name()}; }
  void write_all(const knowledge_graph& kg, std::span<std::ostream* const> outs) const override {
    const document_groups groups(kg);
    if (!groups.in_input_order()) {
      jsonld_.write(kg, *outs[0]);
      write_ndjson(kg, groups, *outs[1]);
      return;
    }
    jsonld_text jsonld(*outs[0]);
    jsonld.entities(kg.graph());
    write_ndjson(kg, groups, *outs[1], &jsonld);
    jsonld.finish();
  }

 private:
  jsonld_exporter jsonld_;
  ndjson_exporter ndjson_;
};

}  // namespace

namespace detail {
std::unique_ptr<exporter> make_jsonld_exporter() { return std::make_unique<jsonld_exporter>(); }
std::unique_ptr<exporter> make_ndjson_exporter() { return std::make_unique<ndjson_exporter>(); }
std::unique_ptr<exporter> make_jsonld_ndjson_exporter() { return std::make_unique<jsonld_ndjson_exporter>(); }
}  // namespace detail

}  // namespace econkg
