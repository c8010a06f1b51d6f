// graph.gexf: Gephi's own format (GEXF 1.3) with the same nodes, edges and
// attributes as graph.graphml, plus what GraphML cannot say to Gephi: a colour
// per entity type, a size by PageRank, edge kinds (one per predicate, so
// parallel edges of different predicates stay apart) and time, so that
// Gephi's timeline replays the announcements in date order.
//
// One element a line; the header is indented, the nodes' and edges'
// elements are not (their indentation was a fifth of the file's bytes).
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

// `v` with three digits after the point (real_view keeps the texts of
// recent values: entities of one PageRank are many). to_chars cannot fail
// into real_view's buffer for three digits of a finite double, which is
// all the sizes below are.
std::string_view fixed3(double v) { return detail::real_view<true, 3>(v); }

// The earliest statement date of an edge as a full date, or none when none is ISO.
detail::full_day edge_start(const relation& r) {
  detail::full_day best;
  for (const std::string_view d : r.dates) {
    const detail::full_day full = detail::full_day_of(d);
    if (!full.empty() && (best.empty() || std::string_view(full) < std::string_view(best))) best = full;
  }
  return best;
}

// Appends <attvalue> elements; omits absent values. Each element is sized
// beforehand (text_buffer::room) and written in one step.
class attvalue_writer {
 public:
  explicit attvalue_writer(detail::text_buffer& out) : out_(out) {}
  [[gnu::always_inline]] void text(std::string_view id, std::string_view value) {
    if (value.empty()) return;
    char* p = open(id, detail::xml_room(value.size()));
    close(detail::put_xml_escaped(p, value));
  }
  [[gnu::always_inline]] void integer(std::string_view id, std::int64_t value) {
    close(detail::put_number(open(id, detail::number_room), value));
  }
  void integer(std::string_view id, const std::optional<std::int64_t>& value) {
    if (value) integer(id, *value);
  }
  [[gnu::always_inline]] void real(std::string_view id, double value) {
    if (std::isfinite(value)) number(id, detail::real_view(value));
  }
  // A value that is number text, which never needs escaping; omitted when empty.
  [[gnu::always_inline]] void number(std::string_view id, std::string_view text) {
    if (!text.empty()) close(detail::put(open(id, text.size()), text));
  }

 private:
  static constexpr std::string_view head = "<attvalue for=\"", middle = "\" value=\"", tail = "\"/>\n";
  // Room for the element with a value of up to `value_room` bytes, the
  // element written up to its value; returns where the value goes.
  [[gnu::always_inline]] char* open(std::string_view id, std::size_t value_room) {
    char* p = out_.room(head.size() + id.size() + middle.size() + value_room + tail.size());
    p = detail::put(p, head);
    p = detail::put(p, id);
    return detail::put(p, middle);
  }
  // Ends the element whose value ends at `p`.
  [[gnu::always_inline]] void close(char* p) { out_.set_end(detail::put(p, tail)); }

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
    std::vector<detail::full_day> edge_starts;
    edge_starts.reserve(boost::num_edges(g));
    std::vector<detail::full_day> node_starts(n);
    for (auto [e, end] = boost::edges(g); e != end; ++e) {
      const detail::full_day& start = edge_starts.emplace_back(edge_start(g[*e]));
      for (vertex_id v : {boost::source(*e, g), boost::target(*e, g)})
        if (!start.empty() && (node_starts[v].empty() || std::string_view(start) < std::string_view(node_starts[v])))
          node_starts[v] = start;
    }
    double max_rank = 0.0;
    for (vertex_id v = 0; v < n; ++v)
      if (std::isfinite(g[v].pagerank)) max_rank = std::max(max_rank, g[v].pagerank);

    const auto ranks = detail::pagerank_texts_of(kg);
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
      // The start tag, sized at once: its fixed text is well under 128 bytes.
      char* p = out.room(128 + detail::xml_room(e.label.size()) + node_starts[v].size);
      p = detail::put(p, "<node id=\"n");
      p = detail::put_number(p, v);
      p = detail::put(p, "\" label=\"");
      p = detail::put_xml_escaped(p, e.label);
      *p++ = '"';
      if (!node_starts[v].empty()) {
        p = detail::put(p, " start=\"");
        p = detail::put(p, node_starts[v]);
        *p++ = '"';
      }
      out.set_end(detail::put(p, ">\n<attvalues>\n"));
      att.text("type", e.type);
      att.text("iri", e.iri);
      att.text("aliases", joined_view(e.aliases));
      att.integer("mentions", static_cast<std::int64_t>(e.mentions));
      att.integer("in_degree", static_cast<std::int64_t>(e.in_degree));
      att.integer("out_degree", static_cast<std::int64_t>(e.out_degree));
      att.integer("degree", static_cast<std::int64_t>(e.in_degree + e.out_degree));
      att.number("pagerank", (*ranks)[v]);
      att.integer("component", static_cast<std::int64_t>(e.component));
      att.text("docs", detail::joined_doc_ids(kg, e.docs));
      att.integer("invested_eur", e.invested_eur);
      att.integer("received_eur", e.received_eur);
      att.integer("jobs_created", e.jobs_created);
      att.integer("jobs_cut", e.jobs_cut);
      // Area-like sizes from 5 (no rank) to 50 (the highest rank).
      const double rank = std::isfinite(e.pagerank) && max_rank > 0.0 ? e.pagerank / max_rank : 0.0;
      const std::string_view size = fixed3(5.0 + 45.0 * rank);
      const rgb c = type_colour(e.type);
      // The rest of the node, sized at once: its fixed text and numbers are
      // well under 256 bytes.
      p = out.room(256 + size.size());
      p = detail::put(p, "</attvalues>\n<viz:size value=\"");
      p = detail::put(p, size);
      p = detail::put(p, "\"/>\n<viz:color r=\"");
      p = detail::put_number(p, c.r);
      p = detail::put(p, "\" g=\"");
      p = detail::put_number(p, c.g);
      p = detail::put(p, "\" b=\"");
      p = detail::put_number(p, c.b);
      out.set_end(detail::put(p, "\"/>\n</node>\n"));
      detail::write_full_block(os, out);
    }
    out += "    </nodes>\n    <edges>\n";

    std::size_t edge_number = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e, ++edge_number) {
      const relation& r = g[*e];
      const detail::full_day& start = edge_starts[edge_number];
      // The start tag, sized at once: its fixed text and numbers are well
      // under 256 bytes. The predicate, label and kind, is escaped once.
      char* p = out.room(256 + 2 * detail::xml_room(r.predicate.size()) + start.size);
      p = detail::put(p, "<edge id=\"e");
      p = detail::put_number(p, edge_number);
      p = detail::put(p, "\" source=\"n");
      p = detail::put_number(p, boost::source(*e, g));
      p = detail::put(p, "\" target=\"n");
      p = detail::put_number(p, boost::target(*e, g));
      p = detail::put(p, "\" label=\"");
      char* const predicate = p;
      p = detail::put_xml_escaped(p, r.predicate);
      const std::string_view escaped_predicate(predicate, static_cast<std::size_t>(p - predicate));
      p = detail::put(p, "\" kind=\"");
      p = detail::put(p, escaped_predicate);
      p = detail::put(p, "\" weight=\"");
      p = detail::put(p, detail::real_view(static_cast<double>(r.weight)));
      *p++ = '"';
      if (!start.empty()) {
        p = detail::put(p, " start=\"");
        p = detail::put(p, start);
        *p++ = '"';
      }
      out.set_end(detail::put(p, ">\n<attvalues>\n"));
      detail::write_relation_attributes(kg, r, att);
      out += "</attvalues>\n</edge>\n";
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
