#include <stdexcept>

#include "export/exporter.hpp"

namespace econkg {

// Each format lives in its own file and exposes only its maker, so that
// adding a format touches that file and this table, nothing else.
namespace detail {
std::unique_ptr<exporter> make_triples_exporter();
std::unique_ptr<exporter> make_graphml_exporter();
std::unique_ptr<exporter> make_gexf_exporter();
std::unique_ptr<exporter> make_jsonld_exporter();
std::unique_ptr<exporter> make_ndjson_exporter();
std::unique_ptr<exporter> make_jsonld_ndjson_exporter();
std::unique_ptr<exporter> make_nodes_csv_exporter();
std::unique_ptr<exporter> make_edges_csv_exporter();
std::unique_ptr<exporter> make_projects_csv_exporter();
}  // namespace detail

namespace {

struct format_entry {
  const char* name;
  std::unique_ptr<exporter> (*make)();
};

// In the order `build` writes them.
constexpr format_entry formats[] = {
    {"triples", detail::make_triples_exporter},
    {"graphml", detail::make_graphml_exporter},
    {"gexf", detail::make_gexf_exporter},
    {"jsonld", detail::make_jsonld_exporter},
    {"ndjson", detail::make_ndjson_exporter},
    {"nodes_csv", detail::make_nodes_csv_exporter},
    {"edges_csv", detail::make_edges_csv_exporter},
    {"projects_csv", detail::make_projects_csv_exporter},
};

}  // namespace

std::unique_ptr<exporter> make_exporter(std::string_view format) {
  for (const format_entry& f : formats)
    if (format == f.name) return f.make();
  throw std::invalid_argument("unknown output format '" + std::string(format) + "'");
}

std::vector<std::string> exporter_names() {
  std::vector<std::string> names;
  for (const format_entry& f : formats) names.emplace_back(f.name);
  return names;
}

std::vector<std::unique_ptr<exporter>> make_build_exporters() {
  std::vector<std::unique_ptr<exporter>> out;
  for (const format_entry& f : formats) {
    const std::string_view name = f.name;
    if (name == "triples" || name == "ndjson") continue;
    out.push_back(name == "jsonld" ? detail::make_jsonld_ndjson_exporter() : f.make());
  }
  return out;
}

}  // namespace econkg
