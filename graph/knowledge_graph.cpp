#include "graph/knowledge_graph.hpp"

#include <boost/graph/connected_components.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>
#include <utility>

#include "graph/iri.hpp"

namespace econkg {

namespace {

// SPEC §2 marks these ↔: A partners_with B says the same as B partners_with A.
bool is_symmetric(std::string_view predicate) {
  return predicate == "partners_with" || predicate == "meets";
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// "Microsoft", not "MICROSOFT" from a headline nor "microsoft" from a URL.
bool mixed_case(std::string_view s) {
  bool upper = false, lower = false;
  for (char c : s) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return upper && lower;
}

// The fullest label wins; among equally long ones a mixed-case one, then the
// first in byte order, so that the label does not depend on which document
// came first.
bool better_label(const std::string& candidate, const std::string& current) {
  std::size_t a = code_points(candidate), b = code_points(current);
  if (a != b) return a > b;
  bool ma = mixed_case(candidate), mb = mixed_case(current);
  if (ma != mb) return ma;
  return candidate < current;
}

template <typename T>
void fill(std::optional<T>& into, const std::optional<T>& from) {
  if (!into && from) into = from;
}
void fill(std::string& into, const std::string& from) {
  if (into.empty()) into = from;
}

void merge_attributes(attributes& into, const attributes& from) {
  fill(into.amount, from.amount);
  fill(into.currency, from.currency);
  fill(into.jobs, from.jobs);
  fill(into.quantity, from.quantity);
  fill(into.stake, from.stake);
  fill(into.date, from.date);
  fill(into.product, from.product);
  fill(into.title, from.title);
  fill(into.quote, from.quote);
  fill(into.round, from.round);
  fill(into.sector, from.sector);
}

// Power iteration with the dangling nodes' rank spread evenly over all nodes.
// Boost's page_rank() has no such step: rank leaks through every vertex
// without out-edges (most Places), and its remedy, remove_dangling_links(),
// deletes exactly the vertices analysts look for. Edges are counted, not
// weighted, as Boost does. Vertices are visited in index order, so the result
// is deterministic.
std::vector<double> page_rank(const graph_type& g, double damping, std::size_t min_iterations,
                              std::size_t max_iterations, double tolerance) {
  const std::size_t n = boost::num_vertices(g);
  std::vector<double> rank(n, n ? 1.0 / static_cast<double>(n) : 0.0), next(n);
  for (std::size_t it = 0; it < max_iterations && n; ++it) {
    double dangling = 0.0;
    for (vertex_id v = 0; v < n; ++v)
      if (boost::out_degree(v, g) == 0) dangling += rank[v];
    const double base = (1.0 - damping + damping * dangling) / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
    for (vertex_id u = 0; u < n; ++u) {
      const std::size_t out = boost::out_degree(u, g);
      if (out == 0) continue;
      const double share = damping * rank[u] / static_cast<double>(out);
      for (auto [e, end] = boost::out_edges(u, g); e != end; ++e) next[boost::target(*e, g)] += share;
    }
    double change = 0.0;
    for (std::size_t i = 0; i < n; ++i) change += std::fabs(next[i] - rank[i]);
    rank.swap(next);
    if (it + 1 >= min_iterations && change < tolerance) break;
  }
  return rank;
}

}  // namespace

vertex_id knowledge_graph::find_or_add(const entity_ref& e, const std::string& doc) {
  const std::string key = entity_key(e);
  auto [it, inserted] = by_key_.try_emplace(key, 0);
  if (inserted) {
    entity fresh;
    fresh.key = key;
    fresh.iri = entity_iri(e);
    fresh.label = e.label;
    fresh.type = e.type;
    it->second = boost::add_vertex(std::move(fresh), g_);
  }
  entity& v = g_[it->second];
  if (better_label(e.label, v.label)) v.label = e.label;
  if (!e.label.empty()) v.aliases.insert(e.label);
  for (const std::string& a : e.aliases)
    if (!a.empty()) v.aliases.insert(a);
  ++v.mentions;
  v.docs.insert(doc);
  return it->second;
}

void knowledge_graph::add(const statement& s) {
  const std::size_t index = statements_.size();
  statements_.push_back(s);

  vertex_id u = find_or_add(s.subject, s.doc);
  vertex_id v = find_or_add(s.object, s.doc);
  // One edge per unordered pair: the endpoint with the smaller key is the source,
  // which does not depend on which of the two a document names first.
  if (is_symmetric(s.predicate) && g_[v].key < g_[u].key) std::swap(u, v);

  auto [it, inserted] = edges_.try_emplace(std::make_tuple(u, s.predicate, v), edge_id{});
  if (inserted) {
    relation r;
    r.predicate = s.predicate;
    r.attrs = s.attrs;
    r.confidence = s.confidence;
    it->second = boost::add_edge(u, v, std::move(r), g_).first;
  }
  relation& r = g_[it->second];
  ++r.weight;
  r.docs.insert(s.doc);
  if (!s.rule.empty()) r.rules.insert(s.rule);
  if (!inserted) merge_attributes(r.attrs, s.attrs);
  if (!s.attrs.date.empty()) {
    auto pos = std::lower_bound(r.dates.begin(), r.dates.end(), s.attrs.date);
    if (pos == r.dates.end() || *pos != s.attrs.date) r.dates.insert(pos, s.attrs.date);
  }
  r.confidence = std::max(r.confidence, s.confidence);
  r.statements.push_back(index);
}

void knowledge_graph::analyse() {
  const std::size_t n = boost::num_vertices(g_);
  for (vertex_id v = 0; v < n; ++v) {
    g_[v].in_degree = boost::in_degree(v, g_);
    g_[v].out_degree = boost::out_degree(v, g_);
  }

  const std::vector<double> rank = page_rank(g_, 0.85, 20, 200, 1e-12);
  for (vertex_id v = 0; v < n; ++v) g_[v].pagerank = rank[v];

  // Weak components: the same edges, direction forgotten. Boost numbers
  // components in vertex order, so vertex 0 is always in component 0.
  using undirected = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  undirected ug(n);
  for (auto [e, end] = boost::edges(g_); e != end; ++e)
    boost::add_edge(boost::source(*e, g_), boost::target(*e, g_), ug);
  std::vector<std::size_t> component(n);
  if (n) boost::connected_components(ug, component.data());
  for (vertex_id v = 0; v < n; ++v) g_[v].component = component[v];
}

}  // namespace econkg
