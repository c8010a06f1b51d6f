#pragma once
// The knowledge graph: one vertex per resolved entity, one edge per
// (subject, predicate, object) across the corpus, built from statements.
//
// Thread safety: not thread-safe for writing; add statements from one thread
// (in input order, so that the result does not depend on scheduling).
#include <boost/graph/adjacency_list.hpp>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/statement.hpp"

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
  // Adds one statement: finds or adds both entities by key, then finds or
  // adds the edge, updating weight, documents and attributes.
  void add(const statement& s);

  // Computes degrees, PageRank and weakly connected components.
  void analyse();

  const graph_type& graph() const { return g_; }
  const std::vector<statement>& statements() const { return statements_; }
  std::size_t entity_count() const { return boost::num_vertices(g_); }
  std::size_t relation_count() const { return boost::num_edges(g_); }

 private:
  vertex_id find_or_add(const entity_ref& e, const std::string& doc);

  graph_type g_;
  std::map<std::string, vertex_id> by_key_;
  std::map<std::tuple<vertex_id, std::string, vertex_id>, edge_id> edges_;
  std::vector<statement> statements_;
};

}  // namespace econkg
