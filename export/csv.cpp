// nodes.csv and edges.csv in the shape Gephi's spreadsheet importer expects
// (Id, Label…; Source, Target, Type, Label, Weight…), and projects.csv, one
// row per investment, acquisition, funding, opening or job announcement.
// RFC 4180: UTF-8 without byte-order mark, a header row, CRLF line ends,
// fields quoted when they hold a comma, a quote or a line break.
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "export/exporter.hpp"
#include "export/text_format.hpp"

namespace econkg {

namespace {

using detail::joined_view;

// One CSV record being built. Each field is sized beforehand
// (text_buffer::room) and written in one step, its comma with it.
class record {
 public:
  explicit record(detail::text_buffer& out) : out_(out) {}
  ~record() { out_ += "\r\n"; }
  record(const record&) = delete;
  record& operator=(const record&) = delete;

  [[gnu::always_inline]] record& text(std::string_view field) {
    out_.set_end(detail::put_csv_field(separate(detail::csv_room(field.size())), field));
    return *this;
  }
  // Number text never holds a byte that needs quotes: written as it is.
  [[gnu::always_inline]] record& integer(std::int64_t v) {
    out_.set_end(detail::put_number(separate(detail::number_room), v));
    return *this;
  }
  record& integer(const std::optional<std::int64_t>& v) { return v ? integer(*v) : plain({}); }
  record& real(double v) { return std::isfinite(v) ? plain(detail::real_view(v)) : plain({}); }
  record& real(const std::optional<double>& v) { return v ? real(*v) : plain({}); }
  // Number text made beforehand (empty for none).
  record& number(std::string_view text) { return plain(text); }
  // An id, a letter and a number ("n12"), written in place.
  [[gnu::always_inline]] record& id(char prefix, std::size_t number) {
    char* p = separate(1 + detail::number_room);
    *p++ = prefix;
    out_.set_end(detail::put_number(p, number));
    return *this;
  }
  // text(field) for a field known to need no quotes.
  [[gnu::always_inline]] record& plain(std::string_view field) {
    out_.set_end(detail::put(separate(field.size()), field));
    return *this;
  }

 private:
  // Room for the field's separator and `n` bytes; returns where the field goes.
  [[gnu::always_inline]] char* separate(std::size_t n) {
    char* p = out_.room(n + 1);
    if (!first_) *p++ = ',';
    first_ = false;
    return p;
  }
  detail::text_buffer& out_;
  bool first_ = true;
};

void header(detail::text_buffer& out, std::initializer_list<std::string_view> names) {
  record r(out);
  for (std::string_view n : names) r.text(n);
}


// nodes.csv: Id and Label as Gephi wants them, the rest named as in GraphML.
class nodes_csv_exporter final : public exporter {
 public:
  std::string file_name() const override { return "nodes.csv"; }
  void write(const knowledge_graph& kg, std::ostream& os) const override {
    const graph_type& g = kg.graph();
    const auto ranks = detail::pagerank_texts_of(kg);
    detail::text_buffer out;
    header(out, {"Id", "Label", "Type", "iri", "aliases", "mentions", "in_degree", "out_degree",
                 "degree", "pagerank", "component", "docs", "invested_eur", "received_eur",
                 "jobs_created", "jobs_cut"});
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
      const entity& e = g[*v];
      record(out)
          .id('n', *v)
          .text(e.label)
          .text(e.type)
          .text(e.iri)
          .text(joined_view(e.aliases))
          .integer(static_cast<std::int64_t>(e.mentions))
          .integer(static_cast<std::int64_t>(e.in_degree))
          .integer(static_cast<std::int64_t>(e.out_degree))
          .integer(static_cast<std::int64_t>(e.in_degree + e.out_degree))
          .number((*ranks)[*v])
          .integer(static_cast<std::int64_t>(e.component))
          .text(detail::joined_doc_ids(kg, e.docs))
          .integer(e.invested_eur)
          .integer(e.received_eur)
          .integer(e.jobs_created)
          .integer(e.jobs_cut);
      detail::write_full_block(os, out);
    }
    detail::write_full_block(os, out, true);
  }
};

// edges.csv: Source, Target, Type (always Directed), Label (the predicate),
// Weight, Id, then the attributes as in GraphML.
class edges_csv_exporter final : public exporter {
 public:
  std::string file_name() const override { return "edges.csv"; }
  bool needs_analytics() const override { return false; }  // edges and vertex numbers only
  void write(const knowledge_graph& kg, std::ostream& os) const override {
    const graph_type& g = kg.graph();
    detail::text_buffer out;
    header(out, {"Source", "Target", "Type", "Label", "Weight", "Id", "predicate", "amount",
                 "currency", "jobs", "quantity", "stake", "date", "dates", "product", "title",
                 "quote", "round", "sector", "docs", "rules", "confidence"});
    std::size_t number = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e, ++number) {
      const relation& r = g[*e];
      const auto& a = r.attrs;
      record(out)
          .id('n', boost::source(*e, g))
          .id('n', boost::target(*e, g))
          .plain("Directed")
          .text(r.predicate)
          .integer(static_cast<std::int64_t>(r.weight))
          .id('e', number)
          .text(r.predicate)
          .integer(a.amount)
          .text(a.currency)
          .integer(a.jobs)
          .integer(a.quantity)
          .real(a.stake)
          .text(a.date)
          .text(joined_view(r.dates))
          .text(a.product)
          .text(a.title)
          .text(a.quote)
          .text(a.round)
          .text(a.sector)
          .text(detail::joined_doc_ids(kg, r.docs))
          .text(detail::joined_rule_ids(kg, r.rules))
          .real(r.confidence);
      detail::write_full_block(os, out);
    }
    detail::write_full_block(os, out, true);
  }
};

bool is_project(std::string_view p) {
  return p == "invests_in" || p == "opens" || p == "creates_jobs" || p == "cuts_jobs" ||
         p == "acquires" || p == "funds";
}

// Where a project happens: the object when it is a place, else the place a
// facility object is located_in (the first such edge), else nothing.
std::string_view place_of(const graph_type& g, vertex_id object) {
  if (g[object].type == "Place") return g[object].label;
  if (g[object].type != "Facility") return {};
  for (auto [e, end] = boost::out_edges(object, g); e != end; ++e)
    if (g[*e].predicate == "located_in" && g[boost::target(*e, g)].type == "Place")
      return g[boost::target(*e, g)].label;
  return {};
}

// projects.csv: one row per project statement (not per merged edge), in
// input order, with the resolved entities' labels; statements are read back
// from the spool only when their predicate makes them a project.
class projects_csv_exporter final : public exporter {
 public:
  std::string file_name() const override { return "projects.csv"; }
  bool needs_analytics() const override { return false; }  // labels, types and located_in edges only
  void write(const knowledge_graph& kg, std::ostream& os) const override {
    const graph_type& g = kg.graph();
    detail::text_buffer out;
    header(out, {"investor", "target", "place", "predicate", "amount", "currency", "jobs", "date",
                 "document", "rule"});
    knowledge_graph::statement_reader reader(kg);
    for (std::size_t i = 0; i < kg.statement_count(); ++i) {
      if (!is_project(kg.predicate_of(i))) continue;
      // Labels come from the resolved vertices.
      const statement_view& s = reader.read(i, statement_spool::reader::skip_entities | statement_spool::reader::skip_evidence);
      const auto [u, v] = kg.ends(i);
      record(out)
          .text(g[u].label)
          .text(g[v].label)
          .text(place_of(g, v))
          .text(s.predicate)
          .integer(s.attrs.amount)
          .text(s.attrs.currency)
          .integer(s.attrs.jobs)
          .text(s.attrs.date)
          .text(s.doc)
          .text(s.rule);
      detail::write_full_block(os, out);
    }
    detail::write_full_block(os, out, true);
  }
};

}  // namespace

namespace detail {
std::unique_ptr<exporter> make_nodes_csv_exporter() { return std::make_unique<nodes_csv_exporter>(); }
std::unique_ptr<exporter> make_edges_csv_exporter() { return std::make_unique<edges_csv_exporter>(); }
std::unique_ptr<exporter> make_projects_csv_exporter() {
  return std::make_unique<projects_csv_exporter>();
}
}  // namespace detail

}  // namespace econkg
