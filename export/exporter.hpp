#pragma once
// Writers of the graph and its statements in the formats of SPEC §4, behind
// one interface and a factory by format name.
//
// Thread safety: an exporter holds no state between calls; write() may be
// called concurrently on different outputs.
#include <istream>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graph/knowledge_graph.hpp"

namespace econkg {

class exporter {
 public:
  virtual ~exporter() = default;
  // File name this format is written to inside the output folder.
  virtual std::string file_name() const = 0;
  // Writes the whole analysed graph.
  virtual void write(const knowledge_graph& kg, std::ostream& out) const = 0;
  // The files write_all() writes: file_name(), then those of formats this
  // exporter writes in the same pass (see make_build_exporters()).
  virtual std::vector<std::string> file_names() const { return {file_name()}; }
  // Whether write_all() reads the entities' analytics (knowledge_graph::
  // finish_analysis()). One that does not may run while they are computed.
  virtual bool needs_analytics() const { return true; }
  // Writes file_names()[i] into *outs[i].
  virtual void write_all(const knowledge_graph& kg, std::span<std::ostream* const> outs) const {
    write(kg, *outs.front());
  }
};

// "triples", "graphml", "gexf", "jsonld", "ndjson", "nodes_csv",
// "edges_csv", "projects_csv"; throws std::invalid_argument on an unknown name.
std::unique_ptr<exporter> make_exporter(std::string_view format);

// Every format name make_exporter knows, in the order `build` writes them.
std::vector<std::string> exporter_names();

// What `build` runs once the graph is analysed: every format of
// exporter_names() but "triples" (build writes triples.jsonl as it
// extracts, then write_resolved_triples()), in that order, with "jsonld"
// and "ndjson" as one exporter whose write_all() writes both files.
std::vector<std::unique_ptr<exporter>> make_build_exporters();

// triples.jsonl as the "triples" exporter writes it, made from `streamed`:
// the lines a triple_line_writer wrote for kg's statements, in the same
// order. They differ from the exporter's only for statements kg reports
// relinked(): those lines are written anew, the others copied. Throws
// std::runtime_error if `streamed` has fewer lines than kg has statements.
// `streamed` is read `block_size` bytes at a time and the lines kept are
// copied in runs, not line by line.
void write_resolved_triples(const knowledge_graph& kg, std::istream& streamed, std::ostream& out,
                            std::size_t block_size = std::size_t{1} << 18);

// Writes one statement as a triples.jsonl line (SPEC §4), newline included,
// with entity ids from `rules` (streaming `extract`, which has no graph; the
// "triples" exporter of `build` writes the ids of the resolved vertices).
void write_triple_line(const statement& s, std::ostream& out,
                       const resolution_rules& rules = resolution_rules::built_in());

// The same for a stream of statements: entities named again and again get
// their ids from a memo (bounded; quotations, met once each, are not kept),
// and one buffer serves every line. Not thread-safe: one per stream.
class triple_line_writer {
 public:
  // The memo's bound, in bytes of its texts and slots (it may take up to
  // twice that just after growing).
  static constexpr std::size_t default_memo_bytes = std::size_t{32} << 20;
  explicit triple_line_writer(const resolution_rules& rules, std::size_t memo_bytes = default_memo_bytes);
  ~triple_line_writer();
  triple_line_writer(const triple_line_writer&) = delete;
  triple_line_writer& operator=(const triple_line_writer&) = delete;
  void write(const statement& s, std::ostream& out);
  // The same line appended to `out` (a document's lines gathered on the
  // thread that extracted it, for the main thread to write in order).
  void append(const statement& s, std::string& out);

 private:
  void format(const statement& s);  // the line of `s` into line_
  // A quotation's IRI (never kept in the memo), valid until the next call.
  const std::string& quotation_iri(const entity_ref& e);
  // The value of the member of entity `e` (not a quotation), from the memo.
  std::string_view entity_text(const entity_ref& e);
  const resolution_rules& rules_;
  struct line_buffer;  // the line, its writer and the memo
  std::unique_ptr<line_buffer> line_;
};

}  // namespace econkg
