// triples.jsonl (SPEC §4): one JSON object per statement, keys in the order
// the SPEC shows, so that lines can be compared as text.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>
#include <memory>
#include <string_view>

#include "export/exporter.hpp"
#include "export/fast_json.hpp"
#include "export/text_format.hpp"
#include "graph/iri.hpp"

namespace econkg {

namespace {

using json_writer = json::line_writer;

// The writing functions below take a `statement` (write_triple_line()) or a
// `statement_view` (the exporter), and their parts.
void write_entity(json_writer& w, const auto& e, const std::string& iri) {
  w.StartObject();
  w.escaped_member("id", iri);
  w.escaped_member("label", e.label);
  w.escaped_member("type", e.type);
  w.EndObject();
}

void write_text_attribute(json_writer& w, const char* key, std::string_view value) {
  if (!value.empty()) w.escaped_member(key, value);
}

void write_attributes(json_writer& w, const auto& a) {
  w.StartObject();
  // Integers stay integers: 4321987654 must not become 4.321987654e9.
  if (a.amount) {
    w.plain_key("amount");
    w.Int64(*a.amount);
  }
  write_text_attribute(w, "currency", a.currency);
  if (a.jobs) {
    w.plain_key("jobs");
    w.Int64(*a.jobs);
  }
  if (a.quantity) {
    w.plain_key("quantity");
    w.Int64(*a.quantity);
  }
  // JSON has no NaN or infinity; such a stake is no stake.
  if (a.stake && std::isfinite(*a.stake)) {
    w.plain_key("stake");
    w.Double(*a.stake);
  }
  write_text_attribute(w, "date", a.date);
  write_text_attribute(w, "product", a.product);
  write_text_attribute(w, "title", a.title);
  write_text_attribute(w, "quote", a.quote);
  write_text_attribute(w, "round", a.round);
  write_text_attribute(w, "sector", a.sector);
  w.EndObject();
}

template <typename Statement>
void write_line(const Statement& s, const std::string& subject_iri, const std::string& object_iri,
                json_writer& w, rapidjson::StringBuffer& buffer);

// triples.jsonl: every statement, in input order, with the IRIs of the
// vertices its entities resolved to (so that an entity named without its
// gazetteer id in one document has the same id as where it has one).
// Stateless, so thread-safe.
class triples_exporter final : public exporter {
 public:
  std::string file_name() const override { return "triples.jsonl"; }
  void write(const knowledge_graph& kg, std::ostream& out) const override {
    const graph_type& g = kg.graph();
    // Lines gather in one buffer, handed to the stream a block at a time.
    rapidjson::StringBuffer buffer;
    json_writer w(buffer);
    // A line names the entities by label and type (aliases and gazetteer
    // ids are not read).
    kg.for_each_statement(
        [&](std::size_t i, const statement_view& s) {
          const auto [u, v] = kg.ends(i);
          w.Reset(buffer);
          write_line(s, g[u].iri, g[v].iri, w, buffer);
          if (buffer.GetSize() >= detail::write_block) {
            out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
            buffer.Clear();
          }
        },
        statement_spool::reader::skip_aliases);
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  }
};

// Appends the line of `s`, newline included, to `buffer`, through `w`
// (a writer on `buffer`, fresh or just Reset).
template <typename Statement>
void write_line(const Statement& s, const std::string& subject_iri, const std::string& object_iri,
                json_writer& w, rapidjson::StringBuffer& buffer) {
  w.StartObject();
  w.escaped_member("doc", s.doc);
  w.plain_key("subject");
  write_entity(w, s.subject, subject_iri);
  w.escaped_member("predicate", s.predicate);
  w.plain_key("object");
  write_entity(w, s.object, object_iri);
  w.plain_key("attributes");
  write_attributes(w, s.attrs);
  w.plain_key("evidence");
  w.StartObject();
  w.escaped_member("text", s.ev.text);
  w.plain_key("start");
  w.Uint64(s.ev.start);
  w.plain_key("end");
  w.Uint64(s.ev.end);
  if (s.ev.in_title) {
    w.plain_member("field", "title");
  }
  w.EndObject();
  w.plain_key("confidence");
  // Two decimals, rounded: Writer::SetMaxDecimalPlaces would truncate 0.859 to 0.85.
  w.Double(std::isfinite(s.confidence) ? std::round(s.confidence * 100.0) / 100.0 : 0.0);
  w.escaped_member("rule", s.rule);
  w.EndObject();
  buffer.Put('\n');
}

}  // namespace

void write_triple_line(const statement& s, std::ostream& out, const resolution_rules& rules) {
  triple_line_writer(rules).write(s, out);
}

// The line being written and its writer, reused from line to line.
struct triple_line_writer::line_buffer {
  rapidjson::StringBuffer buffer;
  json_writer w{buffer};
};

triple_line_writer::triple_line_writer(const resolution_rules& rules)
    : rules_(rules), line_(std::make_unique<line_buffer>()) {}

triple_line_writer::~triple_line_writer() = default;

const std::string& triple_line_writer::iri(const entity_ref& e, std::string& quotation) {
  if (e.type == "Quotation") {
    quotation = key_iri(rules_.key(e));
    return quotation;
  }
  key_.assign(e.type).append(1, '\0').append(e.kb_id).append(1, '\0').append(e.label);
  if (auto it = iris_.find(key_); it != iris_.end()) return it->second;
  // A long stream of new names cannot grow the memo without end; it is
  // emptied before the next line, so that this line's ids stay valid.
  if (iris_.size() >= 200000) forget_ = true;
  return iris_.emplace(key_, key_iri(rules_.key(e))).first->second;
}

// Formats the line of `s` into the reused buffer.
void triple_line_writer::format(const statement& s) {
  if (forget_) {
    iris_.clear();
    forget_ = false;
  }
  const std::string& subject = iri(s.subject, subject_quotation_);
  const std::string& object = iri(s.object, object_quotation_);
  line_->buffer.Clear();
  line_->w.Reset(line_->buffer);
  write_line(s, subject, object, line_->w, line_->buffer);
}

void triple_line_writer::write(const statement& s, std::ostream& out) {
  format(s);
  out.write(line_->buffer.GetString(), static_cast<std::streamsize>(line_->buffer.GetSize()));
}

void triple_line_writer::append(const statement& s, std::string& out) {
  format(s);
  out.append(line_->buffer.GetString(), line_->buffer.GetSize());
}

namespace detail {
std::unique_ptr<exporter> make_triples_exporter() { return std::make_unique<triples_exporter>(); }
}  // namespace detail

}  // namespace econkg
