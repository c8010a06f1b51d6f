// graph.graphml for Gephi, networkx, igraph and graphology. Written by hand
// rather than with boost::write_graphml, which prints doubles with six
// significant digits (4321987654 -> 4.32199e+09) and knows no `long` key.
//
// One element a line; the header is indented, the nodes' and edges'
// elements are not (their indentation was a sixth of the file's bytes).
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "export/exporter.hpp"
#include "export/text_format.hpp"

namespace econkg {

namespace {

enum class domain { node, edge };

struct key_def {
  domain for_;
  const char* id;
  const char* name;
  const char* type;  // GraphML attr.type
};

// Every attribute written below is declared here, with the type its values have.
constexpr key_def keys[] = {
    {domain::node, "v_label", "label", "string"},
    {domain::node, "v_type", "type", "string"},
    {domain::node, "v_iri", "iri", "string"},
    {domain::node, "v_aliases", "aliases", "string"},
    {domain::node, "v_mentions", "mentions", "int"},
    {domain::node, "v_in_degree", "in_degree", "int"},
    {domain::node, "v_out_degree", "out_degree", "int"},
    {domain::node, "v_degree", "degree", "int"},
    {domain::node, "v_pagerank", "pagerank", "double"},
    {domain::node, "v_component", "component", "int"},
    {domain::node, "v_docs", "docs", "string"},
    // Totals over the entity's edges (knowledge_graph::analyse), in EUR units.
    {domain::node, "v_invested_eur", "invested_eur", "long"},
    {domain::node, "v_received_eur", "received_eur", "long"},
    {domain::node, "v_jobs_created", "jobs_created", "long"},
    {domain::node, "v_jobs_cut", "jobs_cut", "long"},
    {domain::edge, "e_label", "label", "string"},
    {domain::edge, "e_predicate", "predicate", "string"},
    // Gephi reads the key named "weight" as the edge weight, a double.
    {domain::edge, "e_weight", "weight", "double"},
    {domain::edge, "e_amount", "amount", "long"},
    {domain::edge, "e_currency", "currency", "string"},
    {domain::edge, "e_jobs", "jobs", "long"},
    {domain::edge, "e_quantity", "quantity", "long"},
    {domain::edge, "e_stake", "stake", "double"},
    {domain::edge, "e_date", "date", "string"},
    {domain::edge, "e_dates", "dates", "string"},
    {domain::edge, "e_product", "product", "string"},
    {domain::edge, "e_title", "title", "string"},
    {domain::edge, "e_quote", "quote", "string"},
    {domain::edge, "e_round", "round", "string"},
    {domain::edge, "e_sector", "sector", "string"},
    {domain::edge, "e_docs", "docs", "string"},
    {domain::edge, "e_rules", "rules", "string"},
    {domain::edge, "e_confidence", "confidence", "double"},
};

using detail::joined_view;

// Appends <data> elements to one output string; omits absent values. Each
// element is sized beforehand (text_buffer::room) and written in one step.
class data_writer {
 public:
  // `prefix` is put before every key name ("e_" for edges' keys).
  explicit data_writer(detail::text_buffer& out, std::string_view prefix = {}) : out_(out), prefix_(prefix) {}

  [[gnu::always_inline]] void text(std::string_view key, std::string_view value) {
    if (value.empty()) return;
    close(detail::put_xml_escaped(open(key, detail::xml_room(value.size())), value));
  }
  [[gnu::always_inline]] void integer(std::string_view key, std::int64_t value) {
    close(detail::put_number(open(key, detail::number_room), value));
  }
  void integer(std::string_view key, const std::optional<std::int64_t>& value) {
    if (value) integer(key, *value);
  }
  // Shortest text that reads back as the same double; never NaN or infinity,
  // which no GraphML reader accepts for attr.type="double".
  [[gnu::always_inline]] void real(std::string_view key, double value) {
    if (std::isfinite(value)) number(key, detail::real_view(value));
  }
  // A value that is number text (never empty for a finite double); omitted when empty.
  [[gnu::always_inline]] void number(std::string_view key, std::string_view text) {
    if (!text.empty()) close(detail::put(open(key, text.size()), text));
  }

 private:
  static constexpr std::string_view head = "<data key=\"", middle = "\">", tail = "</data>\n";
  // Room for the element with a value of up to `value_room` bytes, the
  // element written up to its value; returns where the value goes.
  [[gnu::always_inline]] char* open(std::string_view key, std::size_t value_room) {
    char* p = out_.room(head.size() + prefix_.size() + key.size() + middle.size() + value_room + tail.size());
    p = detail::put(p, head);
    p = detail::put(p, prefix_);
    p = detail::put(p, key);
    return detail::put(p, middle);
  }
  // Ends the element whose value ends at `p`.
  [[gnu::always_inline]] void close(char* p) { out_.set_end(detail::put(p, tail)); }

  detail::text_buffer& out_;
  std::string_view prefix_;
};

// graph.graphml: the merged graph with its analytics. Stateless, so thread-safe.
class graphml_exporter final : public exporter {
 public:
  std::string file_name() const override { return "graph.graphml"; }

  void write(const knowledge_graph& kg, std::ostream& os) const override {
    const graph_type& g = kg.graph();
    const auto ranks = detail::pagerank_texts_of(kg);
    detail::text_buffer out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const key_def& k : keys) {
      out += "  <key id=\"";
      out += k.id;
      out += k.for_ == domain::node ? "\" for=\"node\"" : "\" for=\"edge\"";
      out += " attr.name=\"";
      out += k.name;
      out += "\" attr.type=\"";
      out += k.type;
      out += "\"/>\n";
    }
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n";

    data_writer data(out);
    // Vertex order is input order, so positional ids are stable; the IRI is
    // written too, as the id that means the same in every other output.
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
      const entity& e = g[*v];
      char* p = out.room(64);  // "<node id=\"n", the number, "\">\n"
      p = detail::put(p, "<node id=\"n");
      p = detail::put_number(p, *v);
      out.set_end(detail::put(p, "\">\n"));
      data.text("v_label", e.label);
      data.text("v_type", e.type);
      data.text("v_iri", e.iri);
      data.text("v_aliases", joined_view(e.aliases));
      data.integer("v_mentions", static_cast<std::int64_t>(e.mentions));
      data.integer("v_in_degree", static_cast<std::int64_t>(e.in_degree));
      data.integer("v_out_degree", static_cast<std::int64_t>(e.out_degree));
      data.integer("v_degree", static_cast<std::int64_t>(e.in_degree + e.out_degree));
      data.number("v_pagerank", (*ranks)[*v]);
      data.integer("v_component", static_cast<std::int64_t>(e.component));
      data.text("v_docs", detail::joined_doc_ids(kg, e.docs));
      data.integer("v_invested_eur", e.invested_eur);
      data.integer("v_received_eur", e.received_eur);
      data.integer("v_jobs_created", e.jobs_created);
      data.integer("v_jobs_cut", e.jobs_cut);
      out += "</node>\n";
      detail::write_full_block(os, out);
    }

    std::size_t edge_number = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      const relation& r = g[*e];
      char* p = out.room(128);  // the start tag: its fixed text and three numbers
      p = detail::put(p, "<edge id=\"e");
      p = detail::put_number(p, edge_number++);
      p = detail::put(p, "\" source=\"n");
      p = detail::put_number(p, boost::source(*e, g));
      p = detail::put(p, "\" target=\"n");
      p = detail::put_number(p, boost::target(*e, g));
      out.set_end(detail::put(p, "\">\n"));
      data.text("e_label", r.predicate);
      data.real("e_weight", static_cast<double>(r.weight));
      data_writer edge_data(out, "e_");
      detail::write_relation_attributes(kg, r, edge_data);
      out += "</edge>\n";
      detail::write_full_block(os, out);
    }
    out += "  </graph>\n</graphml>\n";
    detail::write_full_block(os, out, true);
  }
};

}  // namespace

namespace detail {
std::unique_ptr<exporter> make_graphml_exporter() { return std::make_unique<graphml_exporter>(); }
}  // namespace detail

}  // namespace econkg
