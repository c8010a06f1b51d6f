// graph.gexf: Gephi's own format (GEXF 1.3) with the same nodes, edges and
// attributes as graph.graphml, plus what GraphML cannot say to Gephi: a colour
// per entity type, a size by PageRank, edge kinds (one per predicate, so
// parallel edges of different predicates stay apart) and time, so that
// Gephi's timeline replays the announcements in date order.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "export/exporter.hpp"
#include "export/text_format.hpp"

namespace econkg {

namespace {

using detail::append_xml_escaped;
using detail::joined_view;

struct attribute_def {
  const char* id;
  const char* type;  // GEXF attribute type
};

// label and weight are the elements' own attributes, not declared ones
// (a declared "label" would shadow the element label in graphology).
constexpr attribute_def node_attributes[] = {
    {"type", "string"},         {"iri", "string"},          {"aliases", "string"},
    {"mentions", "integer"},    {"in_degree", "integer"},   {"out_degree", "integer"},
    {"degree", "integer"},      {"pagerank", "double"},     {"component", "integer"},
    {"docs", "string"},         {"invested_eur", "long"},   {"received_eur", "long"},
    {"jobs_created", "long"},   {"jobs_cut", "long"},
};
constexpr attribute_def edge_attributes[] = {
    {"predicate", "string"}, {"amount", "long"},   {"currency", "string"}, {"jobs", "long"},
    {"quantity", "long"},    {"stake", "double"},  {"date", "string"},     {"dates", "string"},
    {"product", "string"},   {"title", "string"},  {"quote", "string"},    {"round", "string"},
    {"sector", "string"},    {"docs", "string"},   {"rules", "string"},    {"confidence", "double"},
};

struct rgb {
  int r, g, b;
};

// A fixed palette (Tableau 10), so colours mean the same in every file.
rgb type_colour(std::string_view type) {
  if (type == "Organization") return {31, 119, 180};
  if (type == "Person") return {255, 127, 14};
  if (type == "Place") return {44, 160, 44};
  if (type == "Facility") return {214, 39, 40};
  if (type == "Event") return {148, 103, 189};
  if (type == "Product") return {140, 86, 75};
  if (type == "Quotation") return {227, 119, 194};
  return {127, 127, 127};
}

std::string fixed3(double v) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
  return ec == std::errc() ? std::string(buf, end) : std::string("1.000");
}

// The earliest statement date of an edge as a full date, or "" when none is ISO.
std::string edge_start(const relation& r) {
  std::string best;
  for (const std::string& d : r.dates) {
    std::string full = detail::full_date(d);
    if (!full.empty() && (best.empty() || full < best)) best = std::move(full);
  }
  return best;
}

// Appends <attvalue> elements; omits absent values.
class attvalue_writer {
 public:
  explicit attvalue_writer(detail::text_buffer& out) : out_(out) {}
  void text(std::string_view id, std::string_view value) {
    if (value.empty()) return;
    out_ += "          <attvalue for=\"";
    out_ += id;
    out_ += "\" value=\"";
    append_xml_escaped(out_, value);
    out_ += "\"/>\n";
  }
  void integer(std::string_view id, std::int64_t value) { number(id, detail::number_view(value)); }
  void integer(std::string_view id, const std::optional<std::int64_t>& value) {
    if (value) integer(id, *value);
  }
  void real(std::string_view id, double value) {
    if (std::isfinite(value)) number(id, detail::real_view(value));
  }

 private:
  // text(id, value) for number text, which never needs escaping.
  void number(std::string_view id, std::string_view value) {
    if (value.empty()) return;
    out_ += "          <attvalue for=\"";
    out_ += id;
    out_ += "\" value=\"";
    out_ += value;
    out_ += "\"/>\n";
  }

  detail::text_buffer& out_;
};

void declare(detail::text_buffer& out, const char* cls, const attribute_def* begin, const attribute_def* end) {
  out += "    <attributes class=\"";
  out += cls;
  out += "\" mode=\"static\">\n";
  for (const attribute_def* a = begin; a != end; ++a) {
    out += "      <attribute id=\"";
    out += a->id;
    out += "\" title=\"";
    out += a->id;
    out += "\" type=\"";
    out += a->type;
    out += "\"/>\n";
  }
  out += "    </attributes>\n";
}

// graph.gexf. Stateless, so thread-safe.
class gexf_exporter final : public exporter {
 public:
  std::string file_name() const override { return "graph.gexf"; }

  void write(const knowledge_graph& kg, std::ostream& os) const override {
    const graph_type& g = kg.graph();
    const std::size_t n = boost::num_vertices(g);

    // Edge starts, in edge order (made once: the edges are written below),
    // and node starts as the earliest start of their edges.
    std::vector<std::string> edge_starts;
    edge_starts.reserve(boost::num_edges(g));
    std::vector<std::string> node_starts(n);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      const std::string& start = edge_starts.emplace_back(edge_start(g[*e]));
      for (vertex_id v : {boost::source(*e, g), boost::target(*e, g)})
        if (!start.empty() && (node_starts[v].empty() || start < node_starts[v])) node_starts[v] = start;
    }
    double max_rank = 0.0;
    for (vertex_id v = 0; v < n; ++v)
      if (std::isfinite(g[v].pagerank)) max_rank = std::max(max_rank, g[v].pagerank);

    detail::text_buffer out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\"\n"
           "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
           "    xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\"\n"
           "    version=\"1.3\">\n"
           "  <meta>\n"
           "    <creator>econkg</creator>\n"
           "    <description>Entities and relations read from economic announcements</description>\n"
           "  </meta>\n"
           "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
    declare(out, "node", std::begin(node_attributes), std::end(node_attributes));
    declare(out, "edge", std::begin(edge_attributes), std::end(edge_attributes));

    attvalue_writer att(out);
    out += "    <nodes>\n";
    for (vertex_id v = 0; v < n; ++v) {
      const entity& e = g[v];
      out += "      <node id=\"n";
      out += detail::number_view(v);
      out += "\" label=\"";
      append_xml_escaped(out, e.label);
      out += '"';
      if (!node_starts[v].empty()) out.append(" start=\"").append(node_starts[v]).append(1, '"');
      out += ">\n        <attvalues>\n";
      att.text("type", e.type);
      att.text("iri", e.iri);
      att.text("aliases", joined_view(e.aliases));
      att.integer("mentions", static_cast<std::int64_t>(e.mentions));
      att.integer("in_degree", static_cast<std::int64_t>(e.in_degree));
      att.integer("out_degree", static_cast<std::int64_t>(e.out_degree));
      att.integer("degree", static_cast<std::int64_t>(e.in_degree + e.out_degree));
      att.real("pagerank", e.pagerank);
      att.integer("component", static_cast<std::int64_t>(e.component));
      att.text("docs", detail::joined_doc_ids(kg, e.docs));
      att.integer("invested_eur", e.invested_eur);
      att.integer("received_eur", e.received_eur);
      att.integer("jobs_created", e.jobs_created);
      att.integer("jobs_cut", e.jobs_cut);
      out += "        </attvalues>\n";
      // Area-like sizes from 5 (no rank) to 50 (the highest rank).
      const double rank = std::isfinite(e.pagerank) && max_rank > 0.0 ? e.pagerank / max_rank : 0.0;
      out += "        <viz:size value=\"";
      out += fixed3(5.0 + 45.0 * rank);
      out += "\"/>\n";
      const rgb c = type_colour(e.type);
      out += "        <viz:color r=\"";
      out += detail::number_view(c.r);
      out += "\" g=\"";
      out += detail::number_view(c.g);
      out += "\" b=\"";
      out += detail::number_view(c.b);
      out += "\"/>\n";
      out += "      </node>\n";
      detail::write_full_block(os, out);
    }
    out += "    </nodes>\n    <edges>\n";

    std::size_t edge_number = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e, ++edge_number) {
      const relation& r = g[*e];
      out += "      <edge id=\"e";
      out += detail::number_view(edge_number);
      out += "\" source=\"n";
      out += detail::number_view(boost::source(*e, g));
      out += "\" target=\"n";
      out += detail::number_view(boost::target(*e, g));
      out += "\" label=\"";
      append_xml_escaped(out, r.predicate);
      out += "\" kind=\"";
      append_xml_escaped(out, r.predicate);
      out += "\" weight=\"";
      out += detail::real_view(static_cast<double>(r.weight));
      out += '"';
      if (const std::string& start = edge_starts[edge_number]; !start.empty())
        out.append(" start=\"").append(start).append(1, '"');
      out += ">\n        <attvalues>\n";
      detail::write_relation_attributes(kg, r, att);
      out += "        </attvalues>\n      </edge>\n";
      detail::write_full_block(os, out);
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    detail::write_full_block(os, out, true);
  }
};

}  // namespace

namespace detail {
std::unique_ptr<exporter> make_gexf_exporter() { return std::make_unique<gexf_exporter>(); }
}  // namespace detail

}  // namespace econkg
