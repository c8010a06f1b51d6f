// export/: triples.jsonl lines, GraphML, JSON-LD and the exporter factory.
#define BOOST_TEST_MODULE export
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>

#include <charconv>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "export/exporter.hpp"
#include "graph/iri.hpp"

using namespace econkg;
namespace pt = boost::property_tree;

namespace {

entity_ref ref(std::string label, std::string type, std::string kb_id = {}) {
  return entity_ref{std::move(label), std::move(type), {}, std::move(kb_id)};
}

statement microsoft_invests() {
  statement s;
  s.doc = "fr-01";
  s.subject = ref("Microsoft", "Organization");
  s.predicate = "invests_in";
  s.object = ref("France", "Place", "country:FR");
  s.attrs.amount = 4'000'000'000;
  s.attrs.currency = "EUR";
  s.attrs.date = "2024";
  s.ev.text = "Microsoft s’engage à investir 4 milliards d’euros en France.";
  s.ev.start = 312;
  s.ev.end = 455;
  s.confidence = 0.854;
  s.rule = "fr/invest/engage-a-investir";
  return s;
}

// Every attribute, a title evidence and text that needs escaping.
statement full_statement() {
  statement s;
  s.doc = "en-07";
  s.subject = ref("Brad Smith", "Person");
  s.predicate = "says";
  s.object = ref("We will \"invest\"\nnow", "Quotation");
  s.attrs.amount = 4'321'987'654;
  s.attrs.currency = "USD";
  s.attrs.jobs = 250;
  s.attrs.quantity = 25'000;
  s.attrs.stake = 14.5;
  s.attrs.date = "2025-12";
  s.attrs.product = "GPU";
  s.attrs.title = "president";
  s.attrs.quote = "We will \"invest\"\nnow";
  s.attrs.round = "Series B";
  s.attrs.sector = "AI";
  s.ev.text = "Headline";
  s.ev.start = 0;
  s.ev.end = 8;
  s.ev.in_title = true;
  s.confidence = 1.0;
  s.rule = "en/says/quote";
  return s;
}

std::string triple_line(const statement& s) {
  std::ostringstream out;
  write_triple_line(s, out);
  return out.str();
}

// A small analysed graph with money that six significant digits would spoil,
// a symmetric pair, a facility, text that needs XML escaping and a title evidence.
knowledge_graph small_graph() {
  knowledge_graph kg;
  statement a = microsoft_invests();
  a.attrs.amount = 4'321'987'654;
  kg.add(a);
  statement b = microsoft_invests();
  b.doc = "fr-02";
  b.attrs = {};
  b.attrs.date = "2024-05-13";
  b.attrs.stake = 49.9;
  kg.add(b);
  statement c;
  c.doc = "fr-02";
  c.subject = ref("AT&T <US> \"Inc\" l'autre", "Organization");
  c.predicate = "partners_with";
  c.object = ref("Microsoft", "Organization");
  c.ev = {"AT&T s’associe à Microsoft.", 0, 27, false};
  c.confidence = 0.7;
  c.rule = "fr/partner/associer";
  kg.add(c);
  statement d;
  d.doc = "fr-03";
  d.subject = ref("Microsoft", "Organization");
  d.predicate = "opens";
  d.object = ref("campus de Paris-Saclay", "Facility");
  d.attrs.jobs = 500;
  d.attrs.date = "June 2022";  // not ISO: must stay a plain string in JSON-LD
  d.ev = {"Microsoft ouvre son campus.", 3, 30, true};
  d.confidence = 0.6;
  d.rule = "fr/open/ouvrir";
  kg.add(d);
  kg.add(full_statement());
  kg.analyse();
  return kg;
}

std::string written(const knowledge_graph& kg, std::string_view format) {
  std::ostringstream out;
  make_exporter(format)->write(kg, out);
  return out.str();
}

// An XML attribute; "attr.name" holds a dot, ptree's default path separator.
std::string xml_attr(const pt::ptree& element, const std::string& name) {
  return element.get<std::string>(pt::ptree::path_type("<xmlattr>/" + name, '/'));
}

template <typename Number>
bool parses_as(const std::string& text, Number& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

// ---------------------------------------------------------------- factory

BOOST_AUTO_TEST_CASE(factory) {
  BOOST_TEST(exporter_names() == (std::vector<std::string>{"triples", "graphml", "jsonld"}));
  BOOST_TEST(make_exporter("triples")->file_name() == "triples.jsonl");
  BOOST_TEST(make_exporter("graphml")->file_name() == "graph.graphml");
  BOOST_TEST(make_exporter("jsonld")->file_name() == "graph.jsonld");
  BOOST_CHECK_THROW(make_exporter("docx"), std::invalid_argument);
}

// ---------------------------------------------------------------- triples.jsonl

BOOST_AUTO_TEST_CASE(triple_line_golden) {
  BOOST_TEST(triple_line(microsoft_invests()) ==
             R"({"doc":"fr-01",)"
             R"("subject":{"id":"https://w3id.org/econkg/id/organization/microsoft","label":"Microsoft","type":"Organization"},)"
             R"("predicate":"invests_in",)"
             R"("object":{"id":"https://w3id.org/econkg/id/country/fr","label":"France","type":"Place"},)"
             R"("attributes":{"amount":4000000000,"currency":"EUR","date":"2024"},)"
             R"("evidence":{"text":"Microsoft s’engage à investir 4 milliards d’euros en France.","start":312,"end":455},)"
             R"("confidence":0.85,"rule":"fr/invest/engage-a-investir"})"
             "\n");
}

BOOST_AUTO_TEST_CASE(triple_line_every_field) {
  const statement s = full_statement();
  const std::string quote_iri = entity_iri(s.object);
  BOOST_TEST(triple_line(s) ==
             R"({"doc":"en-07",)"
             R"("subject":{"id":"https://w3id.org/econkg/id/person/brad-smith","label":"Brad Smith","type":"Person"},)"
             R"("predicate":"says",)"
             R"("object":{"id":")" + quote_iri + R"(","label":"We will \"invest\"\nnow","type":"Quotation"},)"
             R"("attributes":{"amount":4321987654,"currency":"USD","jobs":250,"quantity":25000,"stake":14.5,)"
             R"("date":"2025-12","product":"GPU","title":"president","quote":"We will \"invest\"\nnow",)"
             R"("round":"Series B","sector":"AI"},)"
             R"("evidence":{"text":"Headline","start":0,"end":8,"field":"title"},)"
             R"("confidence":1.0,"rule":"en/says/quote"})"
             "\n");
}

BOOST_AUTO_TEST_CASE(triple_line_rounds_confidence_and_omits_absent_attributes) {
  statement s = microsoft_invests();
  s.attrs = {};
  s.confidence = 0.859;
  const std::string line = triple_line(s);
  BOOST_TEST(line.find(R"("attributes":{},)") != std::string::npos);
  BOOST_TEST(line.find(R"("confidence":0.86,)") != std::string::npos);
  rapidjson::Document d;
  d.Parse(line.c_str());
  BOOST_TEST(!d.HasParseError());
}

BOOST_AUTO_TEST_CASE(triples_file_has_every_statement_in_order) {
  const knowledge_graph kg = small_graph();
  std::istringstream in(written(kg, "triples"));
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    BOOST_REQUIRE(n < kg.statements().size());
    BOOST_TEST(line + "\n" == triple_line(kg.statements()[n]));
    ++n;
  }
  BOOST_TEST(n == kg.statements().size());
}

// ---------------------------------------------------------------- GraphML

BOOST_AUTO_TEST_CASE(graphml_numbers_are_exact) {
  const std::string xml = written(small_graph(), "graphml");
  BOOST_TEST(xml.find(">4321987654</data>") != std::string::npos);
  BOOST_TEST(xml.find("e+09") == std::string::npos);
  BOOST_TEST(xml.find("4.32199") == std::string::npos);
  BOOST_TEST(xml.find(R"(attr.name="amount" attr.type="long")") != std::string::npos);
  BOOST_TEST(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) == 0);
}

// Reads the file back (a conforming XML parser, not string search) and checks
// that every value is declared, typed as declared, and equal to what went in.
BOOST_AUTO_TEST_CASE(graphml_round_trip) {
  const knowledge_graph kg = small_graph();
  std::istringstream in(written(kg, "graphml"));
  pt::ptree doc;
  pt::read_xml(in, doc);
  const pt::ptree& root = doc.get_child("graphml");
  BOOST_TEST(xml_attr(root, "xmlns") == "http://graphml.graphdrawing.org/xmlns");

  struct key_info { std::string for_, name, type; };
  std::map<std::string, key_info> keys;
  std::set<std::string> node_names, edge_names;
  for (const auto& [tag, k] : root) {
    if (tag != "key") continue;
    key_info info{xml_attr(k, "for"), xml_attr(k, "attr.name"),
                  xml_attr(k, "attr.type")};
    BOOST_TEST(keys.emplace(xml_attr(k, "id"), info).second);
    (info.for_ == "node" ? node_names : edge_names).insert(info.name);
  }
  for (const char* name : {"label", "type", "iri", "aliases", "mentions", "in_degree", "out_degree",
                           "degree", "pagerank", "component", "docs"})
    BOOST_TEST(node_names.count(name) == 1u, name);
  for (const char* name : {"label", "predicate", "weight", "amount", "currency", "jobs", "quantity",
                           "stake", "date", "product", "title", "quote", "round", "sector", "docs",
                           "rules", "confidence"})
    BOOST_TEST(edge_names.count(name) == 1u, name);

  const pt::ptree& graph = root.get_child("graph");
  BOOST_TEST(xml_attr(graph, "edgedefault") == "directed");

  // id -> attribute name -> text, checking each value against its key.
  using values = std::map<std::string, std::string>;
  std::map<std::string, values> nodes;
  std::vector<std::pair<std::pair<std::string, std::string>, values>> edges;
  for (const auto& [tag, item] : graph) {
    if (tag != "node" && tag != "edge") continue;
    values vals;
    for (const auto& [dtag, data] : item) {
      if (dtag != "data") continue;
      const std::string key = xml_attr(data, "key");
      BOOST_REQUIRE(keys.count(key));
      const key_info& info = keys[key];
      BOOST_TEST(info.for_ == tag);
      const std::string text = data.get_value<std::string>();
      BOOST_TEST(!text.empty(), key);
      if (info.type == "int" || info.type == "long") {
        long long v = 0;
        BOOST_TEST(parses_as(text, v), key << "=" << text);
      } else if (info.type == "double") {
        double v = 0;
        BOOST_TEST(parses_as(text, v), key << "=" << text);
      }
      BOOST_TEST(vals.emplace(info.name, text).second);
    }
    if (tag == "node") {
      BOOST_TEST(nodes.emplace(xml_attr(item, "id"), vals).second);
    } else {
      edges.push_back({{xml_attr(item, "source"),
                        xml_attr(item, "target")}, vals});
    }
  }
  BOOST_TEST(nodes.size() == kg.entity_count());
  BOOST_TEST(edges.size() == kg.relation_count());

  const graph_type& g = kg.graph();
  for (auto [v, end] = boost::vertices(g); v != end; ++v) {
    const values& vals = nodes.at("n" + std::to_string(*v));
    BOOST_TEST(vals.at("label") == g[*v].label);  // escaping undone by the parser
    BOOST_TEST(vals.at("iri") == g[*v].iri);
    BOOST_TEST(vals.at("mentions") == std::to_string(g[*v].mentions));
    double rank = 0;
    BOOST_TEST(parses_as(vals.at("pagerank"), rank));
    BOOST_TEST(rank == g[*v].pagerank);  // shortest round-trip text, so bit-exact
  }
  std::size_t with_amount = 0;
  for (const auto& [ends, vals] : edges) {
    BOOST_TEST(nodes.count(ends.first));
    BOOST_TEST(nodes.count(ends.second));
    BOOST_TEST(vals.at("label") == vals.at("predicate"));
    if (vals.count("amount")) {
      ++with_amount;
      BOOST_TEST(vals.at("amount") == "4321987654");
    }
    if (vals.at("predicate") == "invests_in") {
      BOOST_TEST(vals.at("weight") == "2");
      BOOST_TEST(vals.at("stake") == "49.9");
      BOOST_TEST(vals.at("date") == "2024");
      BOOST_TEST(vals.at("dates") == "2024 | 2024-05-13");
      BOOST_TEST(vals.at("docs") == "fr-01 | fr-02");
    }
  }
  BOOST_TEST(with_amount == 2u);  // invests_in and says
}

// ---------------------------------------------------------------- JSON-LD

BOOST_AUTO_TEST_CASE(jsonld_structure) {
  const knowledge_graph kg = small_graph();
  const std::string text = written(kg, "jsonld");
  BOOST_TEST(text == written(kg, "jsonld"));  // byte-identical
  BOOST_TEST(text == written(small_graph(), "jsonld"));

  rapidjson::Document d;
  d.Parse(text.c_str());
  BOOST_REQUIRE(!d.HasParseError());
  const auto& ctx = d["@context"];
  BOOST_TEST(std::string(ctx["schema"].GetString()) == "https://schema.org/");
  BOOST_TEST(std::string(ctx["ekg"].GetString()) == "https://w3id.org/econkg/vocab#");
  BOOST_TEST(std::string(ctx["xsd"].GetString()) == "http://www.w3.org/2001/XMLSchema#");
  for (const char* p : {"invests_in", "acquires", "partners_with", "funds", "opens", "creates_jobs",
                        "cuts_jobs", "supplies", "trains", "holds_role", "visits", "meets", "says",
                        "organizes", "founded", "participates_in", "located_in", "subsidiary_of"})
    BOOST_TEST(ctx.HasMember(p), p);

  const auto& nodes = d["@graph"].GetArray();
  BOOST_TEST(nodes.Size() == kg.entity_count() + kg.statements().size());

  std::set<std::string> ids;
  std::size_t statements = 0, money = 0;
  std::map<std::string, const rapidjson::Value*> by_id;
  for (const auto& n : nodes) {
    const std::string id = n["@id"].GetString();
    BOOST_TEST(ids.insert(id).second, id);
    by_id[id] = &n;
    // Every property is a keyword or a compact IRI over a declared prefix:
    // nothing a processor could drop.
    for (const auto& m : n.GetObject()) {
      const std::string k = m.name.GetString();
      BOOST_TEST((k[0] == '@' || k.rfind("schema:", 0) == 0 || k.rfind("ekg:", 0) == 0), k);
    }
    if (n["@type"].IsString() && std::string(n["@type"].GetString()) == "ekg:Statement") {
      ++statements;
      BOOST_TEST(id.rfind("https://w3id.org/econkg/statement/", 0) == 0);
      BOOST_TEST(n.HasMember("ekg:document"));
      BOOST_TEST(n.HasMember("ekg:evidenceText"));
      BOOST_TEST(n.HasMember("ekg:rule"));
      if (n.HasMember("ekg:amount")) {
        ++money;
        const auto& amount = n["ekg:amount"];
        BOOST_TEST(std::string(amount["@type"].GetString()) == "schema:MonetaryAmount");
        BOOST_TEST(std::string(amount["schema:value"]["@value"].GetString()) == "4321987654");
        BOOST_TEST(std::string(amount["schema:value"]["@type"].GetString()) == "xsd:decimal");
      }
    }
  }
  BOOST_TEST(statements == kg.statements().size());
  BOOST_TEST(money == 2u);

  // Entities: schema.org types, direct edges as properties.
  const auto& ms = *by_id.at("https://w3id.org/econkg/id/organization/microsoft");
  BOOST_TEST(std::string(ms["@type"].GetString()) == "schema:Organization");
  BOOST_TEST(std::string(ms["ekg:invests_in"][0]["@id"].GetString()) ==
             "https://w3id.org/econkg/id/country/fr");
  BOOST_TEST(ms.HasMember("ekg:partners_with"));  // symmetric: stated from both ends
  const auto& campus = *by_id.at("https://w3id.org/econkg/id/facility/campus-de-paris-saclay");
  BOOST_TEST(campus["@type"].IsArray());
  BOOST_TEST(campus["@type"].Size() == 2u);

  // Dates: typed by precision, or plain when not ISO.
  std::multiset<std::string> date_types;
  for (const auto& n : nodes)
    if (n.HasMember("ekg:date"))
      date_types.insert(n["ekg:date"].IsString() ? "plain" : n["ekg:date"]["@type"].GetString());
  BOOST_TEST(date_types == (std::multiset<std::string>{"plain", "xsd:date", "xsd:gYear", "xsd:gYearMonth"}));
}

BOOST_AUTO_TEST_CASE(jsonld_duplicate_statements_stay_distinct) {
  knowledge_graph kg;
  kg.add(microsoft_invests());
  kg.add(microsoft_invests());
  kg.analyse();
  rapidjson::Document d;
  d.Parse(written(kg, "jsonld").c_str());
  BOOST_REQUIRE(!d.HasParseError());
  std::set<std::string> ids;
  for (const auto& n : d["@graph"].GetArray()) ids.insert(n["@id"].GetString());
  BOOST_TEST(ids.size() == 4u);  // two entities, two statements
}
