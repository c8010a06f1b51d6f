#pragma once
// The knowledge graph: one vertex per resolved entity, one edge per
// (subject, predicate, object) across the corpus, built from statements.
//
// Thread safety: not thread-safe for writing; add statements from one thread
// (in input order, so that the result does not depend on scheduling).
#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/statement.hpp"
#include "graph/iri.hpp"

namespace econkg {

// A resolved entity (vertex bundle).
struct entity {
  std::string iri;
  std::string key;                  // resolution key (graph/iri.hpp)
  std::string label;                // the fullest label seen
  std::string type;
  std::set<std::string> aliases;    // every surface form seen, label included
  std::size_t mentions = 0;         // statements it takes part in, subject or object
  std::set<std::string> docs;       // documents naming it
  // Analytics, filled by knowledge_graph::analyse().
  std::size_t in_degree = 0, out_degree = 0;
  double pagerank = 0.0;
  std::size_t component = 0;        // weakly connected component number
  // Totals over the entity's merged edges (each edge counted once, with the
  // amount or jobs the graph keeps for it; amounts only when in EUR).
  std::int64_t invested_eur = 0;    // out-edges invests_in, acquires, funds
  std::int64_t received_eur = 0;    // in-edges invests_in, acquires, funds; an amount
                                    // several givers share in one document counts once
  std::int64_t jobs_created = 0;    // out-edges creates_jobs and opens
  std::int64_t jobs_cut = 0;        // out-edges cuts_jobs
};

// A merged relation (edge bundle): every statement with the same subject,
// predicate and object, whatever the document.
struct relation {
  std::string predicate;
  std::size_t weight = 0;              // supporting statements
  std::set<std::string> docs;          // source documents
  std::set<std::string> rules;         // rules that produced it
  attributes attrs;                    // attributes of the first statement, gaps filled by later ones
  std::vector<std::string> dates;      // every statement date, sorted, unique
  double confidence = 0.0;             // highest statement confidence
  std::vector<std::size_t> statements; // indices into knowledge_graph::statements()
};

using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         entity, relation>;
using vertex_id = graph_type::vertex_descriptor;
using edge_id = graph_type::edge_descriptor;

class knowledge_graph {
 public:
  // A graph that folds names with `rules` (the program passes the lexicon's
  // legal suffixes; the default is the built-in table).
  explicit knowledge_graph(resolution_rules rules = resolution_rules::built_in());

  // Adds one statement: finds or adds both entities by key, then finds or
  // adds the edge, updating weight, documents and attributes.
  //
  // Entities resolve by gazetteer id first, else by type and folded name; a
  // mention without a gazetteer id joins the gazetteer entity whose label
  // folds to the same name (one only: a name two gazetteer ids share stays
  // apart). When a statement reveals such a link for an entity already in
  // the graph, the graph is rebuilt from the statements (once, when it is
  // next read), so the result does not depend on which document came first.
  void add(const statement& s);

  // Computes degrees, PageRank, weakly connected components and the
  // per-entity money and job totals.
  void analyse();

  const graph_type& graph() const { settle(); return g_; }
  const std::vector<statement>& statements() const { return statements_; }
  std::size_t entity_count() const { settle(); return boost::num_vertices(g_); }
  std::size_t relation_count() const { settle(); return boost::num_edges(g_); }
  // The vertices statement number `index`'s subject and object resolved to.
  std::pair<vertex_id, vertex_id> ends(std::size_t index) const { settle(); return ends_.at(index); }
  // The rules names are folded with.
  const resolution_rules& rules() const { return rules_; }

 private:
  std::string resolve(const entity_ref& e) const;
  bool link(const entity_ref& e);
  // Rebuilds the graph from the statements if a late link made it stale.
  void settle() const;
  void place(std::size_t index) const;
  vertex_id find_or_add(const entity_ref& e, const std::string& doc) const;

  resolution_rules rules_;
  // Folded name key -> the one gazetteer id whose label folds to it, or ""
  // when several do.
  std::map<std::string, std::string> links_;
  // The graph is a function of statements_ and links_; it is rebuilt lazily,
  // hence mutable (not thread-safe, like every writer of this class).
  mutable bool stale_ = false;
  mutable std::vector<std::pair<vertex_id, vertex_id>> ends_;
  mutable graph_type g_;
  mutable std::map<std::string, vertex_id> by_key_;
  mutable std::map<std::tuple<vertex_id, std::string, vertex_id>, edge_id> edges_;
  std::vector<statement> statements_;
};

}  // namespace econkg
