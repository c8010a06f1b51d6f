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

// write_line() takes a `statement` (write_triple_line()) or a
// `statement_view` (the exporter).
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
// (a writer on `buffer`, fresh or just Reset), with json::object_text: a
// line is a fixed shape, written member by member in one step each, the
// bytes of rapidjson's Writer (tests/test_export.cpp compares them).
template <typename Statement>
void write_line(const Statement& s, const std::string& subject_iri, const std::string& object_iri,
                json_writer& w, rapidjson::StringBuffer& buffer) {
  w.object_value([&](json::object_text<false>& o) {
    auto entity = [&o](std::string_view key, const auto& e, const std::string& iri) {
      o.begin_object(key);
      o.escaped_member("id", iri);
      o.escaped_member("label", e.label);
      o.escaped_member("type", e.type);
      o.end_object();
    };
    auto text = [&o](std::string_view key, std::string_view value) {
      if (!value.empty()) o.escaped_member(key, value);
    };
    o.escaped_member("doc", s.doc);
    entity("subject", s.subject, subject_iri);
    o.escaped_member("predicate", s.predicate);
    entity("object", s.object, object_iri);
    const auto& a = s.attrs;
    o.begin_object("attributes");
    // Integers stay integers: 4321987654 must not become 4.321987654e9.
    if (a.amount) o.number_member("amount", json::number_text(*a.amount));
    text("currency", a.currency);
    if (a.jobs) o.number_member("jobs", json::number_text(*a.jobs));
    if (a.quantity) o.number_member("quantity", json::number_text(*a.quantity));
    // JSON has no NaN or infinity; such a stake is no stake.
    if (a.stake && std::isfinite(*a.stake)) o.number_member("stake", json::double_text(*a.stake));
    text("date", a.date);
    text("product", a.product);
    text("title", a.title);
    text("quote", a.quote);
    text("round", a.round);
    text("sector", a.sector);
    o.end_object();
    o.begin_object("evidence");
    o.escaped_member("text", s.ev.text);
    o.number_member("start", json::number_text(static_cast<std::uint64_t>(s.ev.start)));
    o.number_member("end", json::number_text(static_cast<std::uint64_t>(s.ev.end)));
    if (s.ev.in_title) o.plain_member("field", "title");
    o.end_object();
    // Two decimals, rounded: Writer::SetMaxDecimalPlaces would truncate 0.859 to 0.85.
    o.number_member("confidence",
                    json::double_text(std::isfinite(s.confidence) ? std::round(s.confidence * 100.0) / 100.0 : 0.0));
    o.escaped_member("rule", s.rule);
    o.end_object();
  });
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
