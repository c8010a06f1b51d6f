// nodes.csv and edges.csv in the shape Gephi's spreadsheet importer expects
// (Id, Label…; Source, Target, Type, Label, Weight…), and projects.csv, one
// row per investment, acquisition, funding, opening or job announcement.
// RFC 4180: UTF-8 without byte-order mark, a header row, CRLF line ends,
// fields quoted when they hold a comma, a quote or a line break.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "export/exporter.hpp"
#include "export/text_format.hpp"

namespace econkg {

namespace {

using detail::joined_view;

// Bytes that make a field quoted: a comma, a quote, a line break. A table,
// looked up once a byte, rather than four comparisons a byte.
constexpr std::array<bool, 256> needs_quotes = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {',', '"', '\r', '\n'}) t[c] = true;
  return t;
}();

// Whether `field` holds a byte needs_quotes marks: sixteen bytes at a time
// where SSE2 is at hand, the rest one at a time.
bool must_quote(std::string_view field) {
  const char* p = field.data();
  const char* const end = p + field.size();
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                lf = _mm_set1_epi8('\n');
  for (; end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
    if (_mm_movemask_epi8(hit)) return true;
  }
#endif
  return std::any_of(p, end, [](char c) { return needs_quotes[static_cast<unsigned char>(c)]; });
}

// One CSV record being built.
class record {
 public:
  explicit record(detail::text_buffer& out) : out_(out) {}
  ~record() { out_ += "\r\n"; }
  record(const record&) = delete;
  record& operator=(const record&) = delete;

  record& text(std::string_view field) {
    separate();
    if (!must_quote(field)) {
      out_ += field;
      return *this;
    }
    out_ += '"';
    // Runs up to and including each quote, then the quote doubled.
    for (std::size_t at = 0; at < field.size();) {
      const std::size_t quote = field.find('"', at);
      if (quote == std::string_view::npos) {
        out_ += field.substr(at);
        break;
      }
      out_ += field.substr(at, quote + 1 - at);
      out_ += '"';
      at = quote + 1;
    }
    out_ += '"';
    return *this;
  }
  // Number text never holds a byte that needs quotes: written as it is.
  record& integer(std::int64_t v) { return plain(detail::number_view(v)); }
  record& integer(const std::optional<std::int64_t>& v) { return v ? integer(*v) : plain({}); }
  record& real(double v) { return std::isfinite(v) ? plain(detail::real_view(v)) : plain({}); }
  record& real(const std::optional<double>& v) { return v ? real(*v) : plain({}); }

 private:
  // text(field) for a field known to need no quotes.
  record& plain(std::string_view field) {
    separate();
    out_ += field;
    return *this;
  }
  void separate() {
    if (!first_) out_ += ',';
    first_ = false;
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
    detail::text_buffer out;
    header(out, {"Id", "Label", "Type", "iri", "aliases", "mentions", "in_degree", "out_degree",
                 "degree", "pagerank", "component", "docs", "invested_eur", "received_eur",
                 "jobs_created", "jobs_cut"});
    for (auto [v, end] = boost::vertices(g); v != end; ++v) {
      const entity& e = g[*v];
      record(out)
          .text(detail::tagged('n', *v))
          .text(e.label)
          .text(e.type)
          .text(e.iri)
          .text(joined_view(e.aliases))
          .integer(static_cast<std::int64_t>(e.mentions))
          .integer(static_cast<std::int64_t>(e.in_degree))
          .integer(static_cast<std::int64_t>(e.out_degree))
          .integer(static_cast<std::int64_t>(e.in_degree + e.out_degree))
          .real(e.pagerank)
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
  void write(const knowledge_graph& kg, std::ostream& os) const override {
    const graph_type& g = kg.graph();
    detail::text_buffer out;
    header(out, {"Source", "Target", "Type", "Label", "Weight", "Id", "predicate", "amount",
                 "currency", "jobs", "quantity", "stake", "date", "dates", "product", "title",
                 "quote", "round", "sector", "docs", "rules", "confidence"});
    std::size_t number = 0;
    for (auto [e, end] = boost::edges(g); e != end; ++e, ++number) {
      const relation& r = g[*e];
      const attributes& a = r.attrs;
      record(out)
          .text(detail::tagged('n', boost::source(*e, g)))
          .text(detail::tagged('n', boost::target(*e, g)))
          .text("Directed")
          .text(r.predicate)
          .integer(static_cast<std::int64_t>(r.weight))
          .text(detail::tagged('e', number))
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
