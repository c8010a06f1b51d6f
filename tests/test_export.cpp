// export/: triples.jsonl lines, GraphML, JSON-LD and the exporter factory.
#define BOOST_TEST_MODULE export
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <boost/test/unit_test.hpp>
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>

#include "export/copy_bytes.hpp"
#include "export/exporter.hpp"
#include "export/fast_json.hpp"
#include "export/text_format.hpp"
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
// a symmetric pair, a facility, text that needs XML escaping and a title
// evidence; its statements, in the order added, go to `added` if given.
// Not analysed when `analysed` is false.
knowledge_graph small_graph(std::vector<statement>* added = nullptr, bool analysed = true) {
  knowledge_graph kg;
  auto add = [&](const statement& s) {
    kg.add(s);
    if (added) added->push_back(s);
  };
  statement a = microsoft_invests();
  a.attrs.amount = 4'321'987'654;
  add(a);
  statement b = microsoft_invests();
  b.doc = "fr-02";
  b.attrs = {};
  b.attrs.date = "2024-05-13";
  b.attrs.stake = 49.9;
  add(b);
  statement c;
  c.doc = "fr-02";
  c.subject = ref("AT&T <US> \"Inc\" l'autre", "Organization");
  c.predicate = "partners_with";
  c.object = ref("Microsoft", "Organization");
  c.ev = {"AT&T s’associe à Microsoft.", 0, 27, false};
  c.confidence = 0.7;
  c.rule = "fr/partner/associer";
  add(c);
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
  add(d);
  add(full_statement());
  if (analysed) kg.analyse();
  return kg;
}

std::string written(const knowledge_graph& kg, std::string_view format) {
  std::ostringstream out;
  make_exporter(format)->write(kg, out);
  return out.str();
}

// `text` parsed as JSON; the test stops if it is not JSON.
rapidjson::Document parsed_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  BOOST_REQUIRE(!d.HasParseError());
  return d;
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

// The run-at-a-time string writers give rapidjson's own bytes: every byte
// value alone, in runs, next to multi-byte UTF-8, invalid UTF-8 and NUL, as
// keys and values, on one line and indented.
template <typename fast, typename reference>
std::string both_ways(const std::vector<std::string>& strings, bool same) {
  rapidjson::StringBuffer a, b;
  fast fw(a);
  reference rw(b);
  fw.StartObject();
  rw.StartObject();
  for (std::size_t i = 0; i < strings.size(); ++i) {
    const std::string& s = strings[i];
    fw.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    rw.Key(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    fw.StartArray();
    rw.StartArray();
    fw.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    rw.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    fw.String(s.c_str());
    rw.String(s.c_str());
    fw.EndArray();
    rw.EndArray();
  }
  fw.EndObject();
  rw.EndObject();
  BOOST_TEST((std::string(a.GetString(), a.GetSize()) == std::string(b.GetString(), b.GetSize())) == same);
  return std::string(a.GetString(), a.GetSize());
}

BOOST_AUTO_TEST_CASE(fast_string_writers_match_rapidjson) {
  std::vector<std::string> strings;
  std::string all;
  for (int c = 0; c < 256; ++c) {
    strings.emplace_back(1, static_cast<char>(c));
    strings.push_back("ab" + std::string(1, static_cast<char>(c)) + "cd");
    all += static_cast<char>(c);
  }
  strings.push_back(all);
  strings.push_back(std::string("« L\u2019usine », a-t-il dit.\n\t\"quote\" \\ fin", 40));
  strings.push_back(std::string("nul\0inside", 10));
  strings.push_back("");
  strings.push_back(std::string(70000, 'x') + "\"" + std::string(3, '\x01'));
  std::string line = both_ways<json::line_writer, rapidjson::Writer<rapidjson::StringBuffer>>(strings, true);
  both_ways<json::pretty_writer, rapidjson::PrettyWriter<rapidjson::StringBuffer>>(strings, true);
  // The comparison can tell writers apart: rapidjson with a different escape
  // option gives other bytes.
  BOOST_TEST(line.find("\\u001F") != std::string::npos);
  BOOST_TEST(line.find("\\\"") != std::string::npos);
}

// The writers give rapidjson's bytes for whole documents too: nested and
// empty objects and arrays, keys, every kind of number, raw JSON values and
// flat objects of strings, on one line and indented (default indent and the
// one-space indent of graph.jsonld).
template <typename fast, typename reference>
void same_document(fast& fw, reference& rw, rapidjson::StringBuffer& a, rapidjson::StringBuffer& b) {
  auto both = [&](auto&& step) {
    step(fw);
    step(rw);
  };
  const char* const raw = R"({"a":[1,2,{"b":null}]})";
  const double doubles[] = {0.0, -0.0, 0.75, 0.1, 1.0, 2.5e-7, 123456789.125, 1e21, 4.321987654e9, -3.14159};
  const std::int64_t integers[] = {0, -1, 42, std::numeric_limits<std::int64_t>::min(),
                                   std::numeric_limits<std::int64_t>::max()};
  both([&](auto& w) {
    w.StartObject();
    w.Key("empty object");
    w.StartObject();
    w.EndObject();
    w.Key("empty array");
    w.StartArray();
    w.EndArray();
    w.Key("numbers");
    w.StartArray();
    for (double d : doubles) w.Double(d);
    for (std::int64_t i : integers) w.Int64(i);
    w.Uint64(std::numeric_limits<std::uint64_t>::max());
    w.Uint64(7);
    w.EndArray();
    w.Key("raw");
    w.RawValue(raw, std::strlen(raw), rapidjson::kObjectType);
    w.Key("nested");
    w.StartArray();
    w.StartArray();
    w.StartObject();
    w.Key("deep");
    w.StartArray();
    w.String("x");
    w.StartObject();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    w.EndArray();
    w.String("after");
    w.EndArray();
    w.Key("flat");
    w.StartObject();
    w.Key("@value");
    w.String("2024-06-27");
    w.Key("@type");
    w.String("xsd:date");
    w.EndObject();
    w.EndObject();
  });
  BOOST_TEST(std::string(a.GetString(), a.GetSize()) == std::string(b.GetString(), b.GetSize()));
}

// Calls f(ours, rapidjson's, our buffer, rapidjson's buffer) with our
// indented writer and rapidjson's PrettyWriter, both indenting by `indent` spaces.
template <typename F>
void with_pretty_writers(unsigned indent, F&& f) {
  rapidjson::StringBuffer a, b;
  json::pretty_writer fw(a);
  rapidjson::PrettyWriter<rapidjson::StringBuffer> rw(b);
  fw.SetIndent(' ', indent);
  rw.SetIndent(' ', indent);
  f(fw, rw, a, b);
}

BOOST_AUTO_TEST_CASE(fast_writers_match_rapidjson_documents) {
  {
    rapidjson::StringBuffer a, b;
    json::line_writer fw(a);
    rapidjson::Writer<rapidjson::StringBuffer> rw(b);
    same_document(fw, rw, a, b);
    // Reset starts a second text in another buffer, as the exporters do per line.
    rapidjson::StringBuffer c, d;
    fw.Reset(c);
    rw.Reset(d);
    same_document(fw, rw, c, d);
    BOOST_TEST(std::string(a.GetString(), a.GetSize()).find(R"("numbers":[0.0,-0.0,0.75,)") != std::string::npos);
  }
  for (unsigned indent : {4u, 1u})
    with_pretty_writers(indent, [&](auto& fw, auto& rw, rapidjson::StringBuffer& a, rapidjson::StringBuffer& b) {
      same_document(fw, rw, a, b);
      BOOST_TEST(std::string(a.GetString(), a.GetSize()).find("\n" + std::string(indent, ' ') +
                                                              "\"empty object\": {}") != std::string::npos);
    });
  // object_of_strings() writes what the members one by one would.
  for (bool pretty : {false, true}) {
    rapidjson::StringBuffer a, b;
    auto check = [&](auto& fw, auto& rw) {
      fw.StartArray();
      rw.StartArray();
      fw.object_of_strings({{"@value", "39000000"}, {"@type", "xsd:decimal"}});
      rw.StartObject();
      rw.Key("@value");
      rw.String("39000000");
      rw.Key("@type");
      rw.String("xsd:decimal");
      rw.EndObject();
      fw.object_of_strings({});
      rw.StartObject();
      rw.EndObject();
      fw.EndArray();
      rw.EndArray();
      BOOST_TEST(std::string(a.GetString(), a.GetSize()) == std::string(b.GetString(), b.GetSize()));
    };
    if (pretty) {
      json::pretty_writer fw(a);
      rapidjson::PrettyWriter<rapidjson::StringBuffer> rw(b);
      check(fw, rw);
    } else {
      json::line_writer fw(a);
      rapidjson::Writer<rapidjson::StringBuffer> rw(b);
      check(fw, rw);
    }
  }
}

// The member methods write what Key() and the value one by one would, at
// any depth, first in an object or after other members.
BOOST_AUTO_TEST_CASE(fast_writer_members_match_rapidjson) {
  auto check = [](auto& fw, auto& rw, rapidjson::StringBuffer& a, rapidjson::StringBuffer& b) {
    const std::string text = "« L\u2019usine »\n\t\"quote\" \\ \x01 fin";
    for (int depth = 0; depth < 3; ++depth) {
      fw.StartObject();
      rw.StartObject();
      fw.escaped_member("text", text);
      rw.Key("text");
      rw.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
      fw.plain_member("@type", "ekg:Statement");
      rw.Key("@type");
      rw.String("ekg:Statement");
      fw.object_member("ekg:start", {{"@value", "118"}, {"@type", "xsd:integer"}});
      rw.Key("ekg:start");
      rw.StartObject();
      rw.Key("@value");
      rw.String("118");
      rw.Key("@type");
      rw.String("xsd:integer");
      rw.EndObject();
      fw.object_member("none", {});
      rw.Key("none");
      rw.StartObject();
      rw.EndObject();
      fw.escaped_member("", "");
      rw.Key("");
      rw.String("");
      if (depth == 2) break;
      fw.Key("inner");
      rw.Key("inner");
    }
    fw.object_member("last", {{"@id", "https://w3id.org/econkg/id/org/knds"}});
    rw.Key("last");
    rw.StartObject();
    rw.Key("@id");
    rw.String("https://w3id.org/econkg/id/org/knds");
    rw.EndObject();
    for (int depth = 0; depth < 3; ++depth) {
      fw.EndObject();
      rw.EndObject();
    }
    BOOST_TEST(std::string(a.GetString(), a.GetSize()) == std::string(b.GetString(), b.GetSize()));
  };
  {
    rapidjson::StringBuffer a, b;
    json::line_writer fw(a);
    rapidjson::Writer<rapidjson::StringBuffer> rw(b);
    check(fw, rw, a, b);
  }
  for (unsigned indent : {4u, 1u}) with_pretty_writers(indent, check);
}

// copy_bytes() copies what memcpy copies, for every length up to 100 and
// every offset in a 16-byte window, and writes nothing outside its target.
BOOST_AUTO_TEST_CASE(copy_bytes_matches_memcpy) {
  std::string source(140, ' ');
  for (std::size_t i = 0; i < source.size(); ++i) source[i] = static_cast<char>('!' + i % 90);
  for (std::size_t n = 0; n <= 100; ++n)
    for (std::size_t at = 0; at < 16; ++at) {
      std::string ours(140, '#'), theirs(140, '#');
      detail::copy_bytes(ours.data() + at, source.data() + at, n);
      std::memcpy(theirs.data() + at, source.data() + at, n);
      BOOST_TEST_REQUIRE(ours == theirs);
    }
}

// json::double_text() and json::number_text() give what rapidjson's
// Writer writes for the same number (the triples' confidences, stakes,
// amounts and offsets), values met again included (double_text() keeps
// recent texts).
BOOST_AUTO_TEST_CASE(number_texts_match_rapidjson) {
  std::vector<double> doubles = {0.0, -0.0, 1.0, 14.5, 0.125, 1e21, 1e-7, 123456789.125, -3.25, 4.321987654e9,
                                 std::numeric_limits<double>::max(), std::numeric_limits<double>::min()};
  for (int i = 0; i <= 100; ++i) doubles.push_back(std::round(i * 0.01 * 100.0) / 100.0);
  for (int round = 0; round < 2; ++round)
    for (double d : doubles) {
      rapidjson::StringBuffer b;
      rapidjson::Writer<rapidjson::StringBuffer> w(b);
      w.Double(d);
      BOOST_TEST_REQUIRE(json::double_text(d) == std::string_view(b.GetString(), b.GetSize()));
    }
  for (std::int64_t v : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{4321987654},
                         std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max()}) {
    rapidjson::StringBuffer b;
    rapidjson::Writer<rapidjson::StringBuffer> w(b);
    w.Int64(v);
    BOOST_TEST(std::string_view(json::number_text(v)) == std::string_view(b.GetString(), b.GetSize()));
  }
  rapidjson::StringBuffer b;
  rapidjson::Writer<rapidjson::StringBuffer> w(b);
  w.Uint64(std::numeric_limits<std::uint64_t>::max());
  BOOST_TEST(std::string_view(json::number_text(std::numeric_limits<std::uint64_t>::max())) ==
             std::string_view(b.GetString(), b.GetSize()));
}

// Strings of every length up to 48 with one byte to escape at each place
// (or none): the escaper checks the last bytes of a long string at once and
// copies short runs without a library call, and looks at a string of 4 to
// 15 bytes in one step, so lengths and places matter. (Not 0x1F: rapidjson
// built with RAPIDJSON_SSE2, the reference here, lets it through unescaped
// in runs of 16; fast_string_writers_match_rapidjson has it in short strings.)
BOOST_AUTO_TEST_CASE(fast_string_writers_match_rapidjson_at_every_length) {
  std::vector<std::string> strings;
  for (std::size_t n = 0; n <= 48; ++n) {
    std::string plain;
    for (std::size_t i = 0; i < n; ++i) plain += static_cast<char>('a' + i % 26);
    strings.push_back(plain);
    for (std::size_t at = 0; at < n; ++at)
      for (char special : {'"', '\\', '\n', '\x01', '\0', ' ', '\x7f', '\x80', '\xff'}) {
        std::string s = plain;
        s[at] = special;
        strings.push_back(s);
      }
  }
  both_ways<json::line_writer, rapidjson::Writer<rapidjson::StringBuffer>>(strings, true);
  both_ways<json::pretty_writer, rapidjson::PrettyWriter<rapidjson::StringBuffer>>(strings, true);
}

// json::object_text (string_writer::object_value) writes what the writer's
// StartObject(), Key(), String() and EndObject() would: as array elements
// (first and later) and as a member's value, with flat, nested, empty and
// escaped members, at several depths, on one line and indented.
BOOST_AUTO_TEST_CASE(object_text_matches_rapidjson) {
  const std::string text = "« L\u2019usine »\n\t\"quote\" \\ \x01 and a longer tail of text";
  const std::string id = "https://w3id.org/econkg/statement/0123456789abcdef";
  auto ours = [&](auto& o) {
    o.escaped_member("@id", id);
    o.plain_member("@type", "ekg:Statement");
    o.flat_member("ekg:subject", {{"@id", "https://w3id.org/econkg/id/organization/knds"}});
    o.begin_object("ekg:amount");
    o.plain_member("@type", "schema:MonetaryAmount");
    o.flat_member("schema:value", {{"@value", "39000000"}, {"@type", "xsd:decimal"}});
    o.escaped_member("schema:currency", "EUR");
    o.end_object();
    o.begin_object("empty");
    o.end_object();
    o.flat_member("none", {});
    o.escaped_member("ekg:evidenceText", text);
    o.plain_member("", "");
    o.end_object();
  };
  auto theirs = [&](auto& w) {
    auto str = [&w](std::string_view v) { w.String(v.data(), static_cast<rapidjson::SizeType>(v.size())); };
    w.StartObject();
    w.Key("@id");
    str(id);
    w.Key("@type");
    w.String("ekg:Statement");
    w.Key("ekg:subject");
    w.StartObject();
    w.Key("@id");
    w.String("https://w3id.org/econkg/id/organization/knds");
    w.EndObject();
    w.Key("ekg:amount");
    w.StartObject();
    w.Key("@type");
    w.String("schema:MonetaryAmount");
    w.Key("schema:value");
    w.StartObject();
    w.Key("@value");
    w.String("39000000");
    w.Key("@type");
    w.String("xsd:decimal");
    w.EndObject();
    w.Key("schema:currency");
    w.String("EUR");
    w.EndObject();
    w.Key("empty");
    w.StartObject();
    w.EndObject();
    w.Key("none");
    w.StartObject();
    w.EndObject();
    w.Key("ekg:evidenceText");
    str(text);
    w.Key("");
    w.String("");
    w.EndObject();
  };
  auto check = [&](auto& fw, auto& rw, rapidjson::StringBuffer& a, rapidjson::StringBuffer& b) {
    fw.StartObject();
    rw.StartObject();
    fw.plain_key("@graph");
    rw.Key("@graph");
    fw.StartArray();
    rw.StartArray();
    for (int i = 0; i < 2; ++i) {
      fw.object_value(ours);
      theirs(rw);
    }
    fw.StartArray();
    rw.StartArray();
    fw.object_value(ours);
    theirs(rw);
    fw.EndArray();
    rw.EndArray();
    fw.EndArray();
    rw.EndArray();
    fw.plain_key("member");
    rw.Key("member");
    fw.object_value(ours);
    theirs(rw);
    fw.EndObject();
    rw.EndObject();
    BOOST_TEST(std::string(a.GetString(), a.GetSize()) == std::string(b.GetString(), b.GetSize()));
  };
  {
    rapidjson::StringBuffer a, b;
    json::line_writer fw(a);
    rapidjson::Writer<rapidjson::StringBuffer> rw(b);
    check(fw, rw, a, b);
  }
  for (unsigned indent : {4u, 1u, 40u}) with_pretty_writers(indent, check);
}

BOOST_AUTO_TEST_CASE(factory) {
  BOOST_TEST(exporter_names() == (std::vector<std::string>{"triples", "graphml", "gexf", "jsonld", "ndjson",
                                                          "nodes_csv", "edges_csv", "projects_csv"}));
  // SPEC §4's fixed file names, one per format.
  const std::map<std::string, std::string> files = {
      {"triples", "triples.jsonl"}, {"graphml", "graph.graphml"}, {"gexf", "graph.gexf"},
      {"jsonld", "graph.jsonld"},   {"ndjson", "graph.ndjson"},   {"nodes_csv", "nodes.csv"},
      {"edges_csv", "edges.csv"},   {"projects_csv", "projects.csv"}};
  for (const auto& [name, file] : files) BOOST_TEST(make_exporter(name)->file_name() == file);
  BOOST_CHECK_THROW(make_exporter("docx"), std::invalid_argument);
  // What build runs after extraction: all but triples.jsonl, which it
  // writes as it extracts; graph.jsonld and graph.ndjson in one pass.
  std::vector<std::string> build_files;
  for (const auto& e : make_build_exporters())
    for (const auto& f : e->file_names()) build_files.push_back(f);
  BOOST_TEST(build_files == (std::vector<std::string>{"graph.graphml", "graph.gexf", "graph.jsonld", "graph.ndjson",
                                                      "nodes.csv", "edges.csv", "projects.csv"}));
}

// Each exporter build runs writes, in one pass, the files the single-format
// exporters write.
BOOST_AUTO_TEST_CASE(build_exporters_write_what_single_formats_write) {
  const knowledge_graph kg = small_graph();
  std::map<std::string, std::string> single;
  for (const auto& name : exporter_names()) {
    const auto e = make_exporter(name);
    single[e->file_name()] = written(kg, name);
  }
  for (const auto& e : make_build_exporters()) {
    const std::vector<std::string> names = e->file_names();
    std::vector<std::ostringstream> outs(names.size());
    std::vector<std::ostream*> pointers;
    for (auto& o : outs) pointers.push_back(&o);
    e->write_all(kg, pointers);
    for (std::size_t i = 0; i < names.size(); ++i) BOOST_TEST(outs[i].str() == single[names[i]], names[i]);
  }
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

// The streaming writer of `extract` remembers entity ids; its lines must be
// those of write_triple_line, for repeated entities, gazetteer ids,
// quotations and names that differ only in their type.
BOOST_AUTO_TEST_CASE(triple_line_writer_matches_write_triple_line) {
  std::vector<statement> stream;
  stream.push_back(microsoft_invests());
  stream.push_back(full_statement());
  stream.push_back(microsoft_invests());
  statement other = microsoft_invests();
  other.object = ref("France", "Organization");  // same label, other type: another id
  stream.push_back(other);
  statement quote = full_statement();
  quote.object = ref("Autre citation", "Quotation");
  stream.push_back(quote);
  stream.push_back(full_statement());
  // Labels and types that need escaping, gazetteer ids, a quotation with a
  // gazetteer id and one only ICU folds (the plain path's IRI), entities
  // met again after others.
  statement odd = microsoft_invests();
  odd.subject = ref("Say \"hi\"\t\\ «ici»", "Organ\"ization");
  odd.object = ref("北京", "Place", "city:beijing");
  stream.push_back(odd);
  statement quotes = full_statement();
  quotes.subject = ref("Nous investirons en Chine", "Quotation", "quotation:given");
  quotes.object = ref("北京 « investira »", "Quotation");
  stream.push_back(quotes);
  stream.push_back(odd);
  stream.push_back(microsoft_invests());
  const resolution_rules rules = resolution_rules::built_in();
  triple_line_writer lines(rules);
  std::ostringstream fast, reference;
  for (const statement& s : stream) {
    lines.write(s, fast);
    write_triple_line(s, reference, rules);
  }
  const std::string written = fast.str();
  BOOST_TEST(written == reference.str());
  BOOST_TEST(std::count(written.begin(), written.end(), '\n') == 10);
  BOOST_TEST(written.find("id/organization/france") != std::string::npos);
}

// The writer's memo is bounded (by default tens of megabytes; 64 KB here,
// so that the test stays quick under the sanitizers): a stream of
// thousands of new names fills it and it starts again, a score of times;
// lines stay the same before, across and after that, for the names met
// again too.
BOOST_AUTO_TEST_CASE(triple_line_writer_memo_refills) {
  const resolution_rules rules = resolution_rules::built_in();
  triple_line_writer lines(rules, 64 << 10);
  const std::string filler(200, 'x');
  std::string fast, reference;
  auto line = [&](int n) {
    statement s = microsoft_invests();
    s.subject = ref("Company " + std::to_string(n) + " " + filler, "Organization");
    lines.append(s, fast);
    std::ostringstream plain;
    write_triple_line(s, plain, rules);
    reference += plain.str();
  };
  for (int n = 0; n < 2000; ++n) line(n);
  for (int n = 0; n < 2000; n += 37) line(n);
  BOOST_TEST(fast.size() == reference.size());
  BOOST_TEST((fast == reference));
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
  std::vector<statement> added;
  const knowledge_graph kg = small_graph(&added);
  std::istringstream in(written(kg, "triples"));
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) {
    BOOST_REQUIRE(n < kg.statement_count());
    BOOST_TEST(line + "\n" == triple_line(added[n]));
    ++n;
  }
  BOOST_TEST(n == kg.statement_count());
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
                           "degree", "pagerank", "component", "docs", "invested_eur", "received_eur",
                           "jobs_created", "jobs_cut"})
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
    BOOST_TEST(vals.at("invested_eur") == std::to_string(g[*v].invested_eur));
    BOOST_TEST(vals.at("received_eur") == std::to_string(g[*v].received_eur));
    BOOST_TEST(vals.at("jobs_created") == std::to_string(g[*v].jobs_created));
  }
  // Microsoft: 4321987654 EUR invested (first amount of its one invests_in
  // edge), 500 jobs from the campus opening.
  BOOST_TEST(nodes.at("n0").at("invested_eur") == "4321987654");
  BOOST_TEST(nodes.at("n0").at("jobs_created") == "500");
  BOOST_TEST(nodes.at("n1").at("received_eur") == "4321987654");
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

namespace {

// graph.jsonld's lines, the text having to end with a line break.
std::vector<std::string> jsonld_lines(const std::string& text) {
  BOOST_REQUIRE(!text.empty() && text.back() == '\n');
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string str(const rapidjson::Value& v) {
  BOOST_REQUIRE(v.IsString());
  return {v.GetString(), v.GetStringLength()};
}

const std::string vocab = "https://w3id.org/econkg/vocab#";
const std::string xsd = "http://www.w3.org/2001/XMLSchema#";

// The context's definition of `name`, or null.
const rapidjson::Value* definition(const rapidjson::Value& ctx, const std::string& name) {
  const auto it = ctx.FindMember(name.c_str());
  return it == ctx.MemberEnd() ? nullptr : &it->value;
}

// What a JSON-LD processor makes of the IRI `s` in an "@id" (or a value
// coerced to "@id") under `ctx`: a compact IRI over one of its prefixes
// becomes the prefix's IRI and the rest; anything else stays as it is.
std::string iri_expanded(const rapidjson::Value& ctx, const std::string& s) {
  const auto colon = s.find(':');
  if (colon == std::string::npos || s.compare(colon + 1, 2, "//") == 0) return s;
  const rapidjson::Value* prefix = definition(ctx, s.substr(0, colon));
  return prefix && prefix->IsString() ? str(*prefix) + s.substr(colon + 1) : s;
}

// What it makes of a key, or of a vocabulary-relative value (an "@type",
// a "predicate"): a term's IRI ("@vocab" and the name when the term has
// no "@id"), a compact IRI's, or "@vocab" and the name for an undefined one.
std::string vocab_expanded(const rapidjson::Value& ctx, const std::string& k) {
  if (const rapidjson::Value* d = definition(ctx, k)) {
    if (d->IsString()) return iri_expanded(ctx, str(*d));
    if (d->HasMember("@id")) return iri_expanded(ctx, str((*d)["@id"]));
    return str(ctx["@vocab"]) + k;
  }
  if (k.find(':') != std::string::npos) return iri_expanded(ctx, k);
  return str(ctx["@vocab"]) + k;
}

// The type a term coerces its values to: "@id", "@vocab", a datatype's
// full IRI, or "" for none.
std::string coercion(const rapidjson::Value& ctx, const std::string& k) {
  const rapidjson::Value* d = definition(ctx, k);
  if (!d || !d->IsObject() || !d->HasMember("@type")) return "";
  const std::string type = str((*d)["@type"]);
  return type[0] == '@' ? type : iri_expanded(ctx, type);
}

// Whether `k` is a keyword, a term of `ctx`, or a compact IRI over one of
// its prefixes: a key no processor drops, and not one that "@vocab" alone
// saves from being dropped.
bool defined_key(const rapidjson::Value& ctx, const std::string& k) {
  if (k[0] == '@') return true;
  if (definition(ctx, k)) return true;
  return iri_expanded(ctx, k) != k;
}

// Every key in `v` (nested objects and arrays included) is defined_key()
// under `ctx`, and no value is a bare JSON number or boolean, whose
// datatype processors disagree on: numbers are text, typed by a term.
void check_keys_and_values(const rapidjson::Value& ctx, const rapidjson::Value& v) {
  BOOST_TEST(!v.IsNumber());
  BOOST_TEST(!v.IsBool());
  if (v.IsArray())
    for (const auto& item : v.GetArray()) check_keys_and_values(ctx, item);
  if (!v.IsObject()) return;
  for (const auto& m : v.GetObject()) {
    BOOST_TEST(defined_key(ctx, str(m.name)), str(m.name));
    check_keys_and_values(ctx, m.value);
  }
}

// The terms both files' statements and entities use, as a processor reads
// them: the IRI and the coercion each had as a compact IRI and a typed
// literal before the context said them once.
struct expected_term {
  std::string name, iri, type;
};
const std::vector<expected_term>& statement_terms() {
  static const std::vector<expected_term> terms = {
      {"subject", vocab + "subject", "@id"},       {"object", vocab + "object", "@id"},
      {"predicate", vocab + "predicate", "@vocab"}, {"amount", vocab + "amount", ""},
      {"value", "https://schema.org/value", xsd + "decimal"},
      {"schema:currency", "https://schema.org/currency", ""},
      {"currency", vocab + "currency", ""},       {"jobs", vocab + "jobs", xsd + "integer"},
      {"quantity", vocab + "quantity", xsd + "integer"}, {"stake", vocab + "stake", xsd + "decimal"},
      {"date", vocab + "date", ""},               {"product", vocab + "product", ""},
      {"title", vocab + "title", ""},             {"quote", vocab + "quote", ""},
      {"round", vocab + "round", ""},             {"sector", vocab + "sector", ""},
      {"document", vocab + "document", ""},       {"evidenceText", vocab + "evidenceText", ""},
      {"evidenceField", vocab + "evidenceField", ""}, {"start", vocab + "start", xsd + "integer"},
      {"end", vocab + "end", xsd + "integer"},     {"rule", vocab + "rule", ""},
      {"confidence", vocab + "confidence", xsd + "decimal"}, {"name", "https://schema.org/name", ""},
      {"Statement", vocab + "Statement", ""},     {"Facility", vocab + "Facility", ""},
      {"schema:MonetaryAmount", "https://schema.org/MonetaryAmount", ""},
      {"schema:Organization", "https://schema.org/Organization", ""},
  };
  return terms;
}

constexpr const char* spec_predicates[] = {"invests_in", "acquires",  "partners_with", "funds",       "opens",
                                           "creates_jobs", "cuts_jobs", "supplies",    "trains",      "holds_role",
                                           "visits",     "meets",     "says",          "organizes",   "founded",
                                           "participates_in", "located_in", "subsidiary_of"};

}  // namespace

// graph.jsonld's context: "@vocab" the econkg vocabulary, the prefixes, and
// every term with the IRI and coercion it stands for.
BOOST_AUTO_TEST_CASE(jsonld_context_terms) {
  const rapidjson::Document d = parsed_json(written(small_graph(), "jsonld"));
  const auto& ctx = d["@context"];
  BOOST_TEST(str(ctx["@vocab"]) == vocab);
  BOOST_TEST(str(ctx["ekg"]) == vocab);
  BOOST_TEST(str(ctx["schema"]) == "https://schema.org/");
  BOOST_TEST(str(ctx["xsd"]) == xsd);
  BOOST_TEST(str(ctx["id"]) == "https://w3id.org/econkg/id/");
  BOOST_TEST(str(ctx["st"]) == "https://w3id.org/econkg/statement/");
  for (const expected_term& t : statement_terms()) {
    BOOST_TEST(vocab_expanded(ctx, t.name) == t.iri, t.name);
    BOOST_TEST(coercion(ctx, t.name) == t.type, t.name);
    BOOST_TEST(defined_key(ctx, t.name), t.name);
  }
  const std::vector<expected_term> entity_terms = {
      {"alternateName", "https://schema.org/alternateName", ""}, {"mentions", vocab + "mentions", xsd + "integer"},
      {"pagerank", vocab + "pagerank", xsd + "decimal"},        {"inDegree", vocab + "inDegree", xsd + "integer"},
      {"outDegree", vocab + "outDegree", xsd + "integer"},      {"component", vocab + "component", xsd + "integer"},
      {"investedTotal", vocab + "investedTotal", ""},           {"receivedTotal", vocab + "receivedTotal", ""},
      {"jobsCreated", vocab + "jobsCreated", xsd + "integer"},  {"jobsCut", vocab + "jobsCut", xsd + "integer"},
  };
  for (const expected_term& t : entity_terms) {
    BOOST_TEST(vocab_expanded(ctx, t.name) == t.iri, t.name);
    BOOST_TEST(coercion(ctx, t.name) == t.type, t.name);
    BOOST_TEST(defined_key(ctx, t.name), t.name);
  }
  // The predicates: keys whose values are IRIs (an entity's direct edges),
  // and the values of "predicate".
  for (const char* p : spec_predicates) {
    BOOST_TEST(definition(ctx, p), p);
    BOOST_TEST(vocab_expanded(ctx, p) == vocab + p, p);
    BOOST_TEST(coercion(ctx, p) == "@id", p);
  }
  // Every term is spelled out, with its "@id": nothing in graph.jsonld
  // rests on "@vocab", which is there so that no key is ever dropped.
  for (const auto& m : ctx.GetObject()) {
    if (m.value.IsObject()) BOOST_TEST(m.value.HasMember("@id"), str(m.name));
    else BOOST_TEST(m.value.IsString());
  }
}

BOOST_AUTO_TEST_CASE(jsonld_structure) {
  const knowledge_graph kg = small_graph();
  const std::string text = written(kg, "jsonld");
  BOOST_TEST(text == written(kg, "jsonld"));  // byte-identical
  BOOST_TEST(text == written(small_graph(), "jsonld"));

  const rapidjson::Document d = parsed_json(text);
  const auto& ctx = d["@context"];
  const auto& nodes = d["@graph"].GetArray();
  BOOST_TEST(nodes.Size() == kg.entity_count() + kg.statement_count());
  // Every key is defined, every number is text.
  check_keys_and_values(ctx, d["@graph"]);

  std::set<std::string> ids;
  std::size_t statements = 0, money = 0;
  std::map<std::string, const rapidjson::Value*> by_id;
  for (const auto& n : nodes) {
    const std::string id = iri_expanded(ctx, str(n["@id"]));
    BOOST_TEST(ids.insert(id).second, id);
    by_id[id] = &n;
    if (n["@type"].IsString() && vocab_expanded(ctx, str(n["@type"])) == vocab + "Statement") {
      ++statements;
      BOOST_TEST(id.rfind("https://w3id.org/econkg/statement/", 0) == 0);
      BOOST_TEST(id.size() == 34u + 16u);
      BOOST_TEST(str(n["@id"]).rfind("st:", 0) == 0);
      for (const char* k : {"document", "evidenceText", "rule", "start", "end", "confidence"})
        BOOST_TEST(n.HasMember(k), k);
      // Subject and object: entity IRIs, compact over "id:", coerced by the terms.
      for (const char* k : {"subject", "object"}) {
        const std::string iri = iri_expanded(ctx, str(n[k]));
        BOOST_TEST(iri.rfind("https://w3id.org/econkg/id/", 0) == 0, iri);
        BOOST_TEST(str(n[k]).rfind("id:", 0) == 0);
      }
      if (n.HasMember("amount")) {
        ++money;
        const auto& amount = n["amount"];
        BOOST_TEST(str(amount["@type"]) == "schema:MonetaryAmount");
        BOOST_TEST(str(amount["value"]) == "4321987654");  // "value" makes it an xsd:decimal
      }
    }
  }
  BOOST_TEST(statements == kg.statement_count());
  BOOST_TEST(money == 2u);

  // Entities: schema.org types, direct edges as properties whose values
  // are IRIs through the predicate terms.
  const auto& ms = *by_id.at("https://w3id.org/econkg/id/organization/microsoft");
  BOOST_TEST(str(ms["@type"]) == "schema:Organization");
  BOOST_TEST(str(ms["name"]) == "Microsoft");
  BOOST_TEST(ms["invests_in"].IsArray());
  BOOST_TEST(iri_expanded(ctx, str(ms["invests_in"][0])) == "https://w3id.org/econkg/id/country/fr");
  BOOST_TEST(ms.HasMember("partners_with"));  // symmetric: stated from both ends
  const auto& campus = *by_id.at("https://w3id.org/econkg/id/facility/campus-de-paris-saclay");
  BOOST_REQUIRE(campus["@type"].IsArray());
  BOOST_REQUIRE(campus["@type"].Size() == 2u);
  BOOST_TEST(vocab_expanded(ctx, str(campus["@type"][0])) == "https://schema.org/Place");
  BOOST_TEST(vocab_expanded(ctx, str(campus["@type"][1])) == vocab + "Facility");

  // Dates: typed by precision, or plain when not ISO.
  std::multiset<std::string> date_types;
  for (const auto& n : nodes)
    if (n.HasMember("date")) date_types.insert(n["date"].IsString() ? "plain" : str(n["date"]["@type"]));
  BOOST_TEST(date_types == (std::multiset<std::string>{"plain", "xsd:date", "xsd:gYear", "xsd:gYearMonth"}));

  // One node a line: the context, the "@graph" key, then each node, in
  // order, as JSON of its own once its comma is taken off, then "]}".
  const std::vector<std::string> lines = jsonld_lines(text);
  BOOST_REQUIRE(lines.size() == 3 + nodes.Size());
  BOOST_TEST(lines[0].rfind("{\"@context\":{", 0) == 0);
  BOOST_TEST(lines[0].back() == ',');
  BOOST_TEST(lines[1] == "\"@graph\":[");
  for (std::size_t i = 0; i < nodes.Size(); ++i) {
    std::string node = lines[2 + i];
    if (i + 1 < nodes.Size()) {
      BOOST_REQUIRE(node.back() == ',');
      node.pop_back();
    }
    const bool same_node = parsed_json(node) == nodes[static_cast<rapidjson::SizeType>(i)];
    BOOST_TEST(same_node, "line " << 3 + i);
  }
  BOOST_TEST(lines.back() == "]}");
}

// Every attribute of a statement, as written: the typed literals through
// the terms, the text as it is.
BOOST_AUTO_TEST_CASE(jsonld_statement_attributes) {
  knowledge_graph kg;
  kg.add(full_statement());
  kg.analyse();
  const rapidjson::Document d = parsed_json(written(kg, "jsonld"));
  const auto& ctx = d["@context"];
  const rapidjson::Value* s = nullptr;
  for (const auto& n : d["@graph"].GetArray())
    if (n.HasMember("document")) s = &n;
  BOOST_REQUIRE(s);
  const auto& st = *s;
  BOOST_TEST(str(st["@type"]) == "Statement");
  BOOST_TEST(iri_expanded(ctx, str(st["subject"])) == "https://w3id.org/econkg/id/person/brad-smith");
  BOOST_TEST(str(st["predicate"]) == "says");
  BOOST_TEST(str(st["amount"]["value"]) == "4321987654");
  BOOST_TEST(str(st["amount"]["schema:currency"]) == "USD");
  BOOST_TEST(str(st["jobs"]) == "250");
  BOOST_TEST(str(st["quantity"]) == "25000");
  BOOST_TEST(str(st["stake"]) == "14.5");
  BOOST_TEST(str(st["date"]["@value"]) == "2025-12");
  BOOST_TEST(str(st["date"]["@type"]) == "xsd:gYearMonth");
  BOOST_TEST(str(st["product"]) == "GPU");
  BOOST_TEST(str(st["title"]) == "president");
  BOOST_TEST(str(st["quote"]) == "We will \"invest\"\nnow");
  BOOST_TEST(str(st["round"]) == "Series B");
  BOOST_TEST(str(st["sector"]) == "AI");
  BOOST_TEST(str(st["evidenceText"]) == "Headline");
  BOOST_TEST(str(st["evidenceField"]) == "title");
  BOOST_TEST(str(st["start"]) == "0");
  BOOST_TEST(str(st["end"]) == "8");
  BOOST_TEST(str(st["rule"]) == "en/says/quote");
  BOOST_TEST(str(st["confidence"]) == "1");
  BOOST_TEST(!st.HasMember("currency"));  // the amount's
  check_keys_and_values(ctx, st);

  // A currency without an amount is the statement's own (ekg:currency).
  knowledge_graph plain;
  statement c = full_statement();
  c.attrs.amount.reset();
  plain.add(c);
  plain.analyse();
  bool seen = false;
  // The document outlives the loop (a range-for keeps only the range's own
  // temporary alive, not the document it is a member of).
  const rapidjson::Document plain_doc = parsed_json(written(plain, "jsonld"));
  for (const auto& n : plain_doc["@graph"].GetArray())
    if (n.HasMember("document")) {
      seen = true;
      BOOST_TEST(str(n["currency"]) == "USD");
      BOOST_TEST(vocab_expanded(ctx, "currency") == vocab + "currency");
      BOOST_TEST(!n.HasMember("amount"));
    }
  BOOST_TEST(seen);
}

// An empty graph is still one valid document, in the same layout.
BOOST_AUTO_TEST_CASE(jsonld_empty_graph) {
  knowledge_graph kg;
  kg.analyse();
  const std::string text = written(kg, "jsonld");
  const rapidjson::Document d = parsed_json(text);
  BOOST_TEST(d["@graph"].GetArray().Size() == 0u);
  const std::vector<std::string> lines = jsonld_lines(text);
  BOOST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines[1] == "\"@graph\":[");
  BOOST_TEST(lines[2] == "]}");
  BOOST_TEST(written(kg, "ndjson").empty());
}

BOOST_AUTO_TEST_CASE(jsonld_duplicate_statements_stay_distinct) {
  knowledge_graph kg;
  kg.add(microsoft_invests());
  kg.add(microsoft_invests());
  kg.analyse();
  const rapidjson::Document d = parsed_json(written(kg, "jsonld"));
  std::set<std::string> ids;
  for (const auto& n : d["@graph"].GetArray()) ids.insert(n["@id"].GetString());
  BOOST_TEST(ids.size() == 4u);  // two entities, two statements
}

// A predicate outside SPEC §2 is no term of the context: on the statement
// it is an absolute IRI ("predicate" coerces to "@vocab", under which a
// bare name could be a term with another IRI), on the entity's links a key
// "ekg:" and its name, with {"@id":…} values; beside a known one.
BOOST_AUTO_TEST_CASE(jsonld_other_predicates) {
  knowledge_graph kg;
  statement odd = microsoft_invests();
  odd.predicate = "sells-to";
  kg.add(odd);
  odd.predicate = "sells to";
  kg.add(odd);
  odd.predicate = "name";  // a term, schema:name: must not be written bare
  kg.add(odd);
  kg.add(microsoft_invests());
  kg.analyse();
  const rapidjson::Document d = parsed_json(written(kg, "jsonld"));
  const auto& ctx = d["@context"];
  check_keys_and_values(ctx, d["@graph"]);
  std::multiset<std::string> predicates;
  std::size_t linking = 0;
  for (const auto& n : d["@graph"].GetArray()) {
    if (n.HasMember("predicate")) predicates.insert(vocab_expanded(ctx, str(n["predicate"])));
    if (n.HasMember("ekg:sells_to")) {
      ++linking;
      // One key for both: the two edges' shared target is listed once.
      BOOST_REQUIRE(n["ekg:sells_to"].IsArray());
      BOOST_TEST(n["ekg:sells_to"].GetArray().Size() == 1u);
      BOOST_TEST(iri_expanded(ctx, str(n["ekg:sells_to"][0]["@id"])) == "https://w3id.org/econkg/id/country/fr");
      BOOST_TEST(n.HasMember("ekg:name"));
      BOOST_TEST(n.HasMember("invests_in"));
      BOOST_TEST(str(n["name"]) == "Microsoft");  // schema:name, not the link
    }
  }
  BOOST_TEST(linking == 1u);
  BOOST_TEST((predicates == std::multiset<std::string>{vocab + "invests_in", vocab + "name", vocab + "sells_to",
                                                        vocab + "sells_to"}));
}

BOOST_AUTO_TEST_CASE(jsonld_entity_analytics) {
  const knowledge_graph kg = small_graph();
  const rapidjson::Document d = parsed_json(written(kg, "jsonld"));
  const rapidjson::Value* ms = nullptr;
  for (const auto& n : d["@graph"].GetArray())
    if (str(n["@id"]) == "id:organization/microsoft") ms = &n;
  BOOST_REQUIRE(ms);
  BOOST_TEST(str((*ms)["outDegree"]) == "2");  // invests_in, opens
  BOOST_TEST(str((*ms)["inDegree"]) == "1");  // AT&T partners_with it (smaller key first)
  BOOST_TEST(str((*ms)["component"]) == "0");
  BOOST_TEST(str((*ms)["mentions"]) == "4");
  BOOST_TEST((*ms).HasMember("pagerank"));
  BOOST_TEST(str((*ms)["investedTotal"]["@type"]) == "schema:MonetaryAmount");
  BOOST_TEST(str((*ms)["investedTotal"]["value"]) == "4321987654");
  BOOST_TEST(str((*ms)["investedTotal"]["schema:currency"]) == "EUR");
  BOOST_TEST(!ms->HasMember("receivedTotal"));  // nothing received: no zero total
  BOOST_TEST(str((*ms)["jobsCreated"]) == "500");
}

// ---------------------------------------------------------------- resolved ids

// A mention without gazetteer id joins the gazetteer entity: every output
// names the vertex's IRI, not the one the mention alone would give.
BOOST_AUTO_TEST_CASE(outputs_use_resolved_iris) {
  knowledge_graph kg;
  statement a = microsoft_invests();
  a.subject = ref("Microsoft Corporation", "Organization");
  kg.add(a);
  statement b = microsoft_invests();
  b.doc = "fr-02";
  b.subject = ref("Microsoft", "Organization", "org:microsoft");
  kg.add(b);
  kg.analyse();
  BOOST_TEST(kg.entity_count() == 2u);
  const std::string ms = "https://w3id.org/econkg/id/org/microsoft";
  const std::string triples = written(kg, "triples");
  BOOST_TEST(triples.find("/id/organization/microsoft") == std::string::npos);
  BOOST_TEST(triples.find(R"("subject":{"id":")" + ms + R"(","label":"Microsoft Corporation")") !=
             std::string::npos);
  // graph.jsonld and graph.ndjson write entity IRIs compact, over "id:".
  for (const char* format : {"jsonld", "ndjson"}) {
    const std::string text = written(kg, format);
    BOOST_TEST(text.find("id:organization/microsoft") == std::string::npos, format);
    BOOST_TEST(text.find("\"id:org/microsoft\"") != std::string::npos, format);
  }
  // Streaming extract has no graph: its lines use the rules alone.
  std::ostringstream line;
  write_triple_line(a, line);
  BOOST_TEST(line.str().find("/id/organization/microsoft") != std::string::npos);
}

// `build` writes triples.jsonl as it extracts, with triple_line_writer,
// then write_resolved_triples() makes it the "triples" exporter's file:
// lines whose ends resolved through a link are written anew, the others
// copied; with no link the file is a copy.
BOOST_AUTO_TEST_CASE(streamed_triples_become_the_exporters) {
  auto streamed = [](const knowledge_graph& kg, const std::vector<statement>& added) {
    triple_line_writer lines(kg.rules());
    std::string out;
    for (const statement& s : added) lines.append(s, out);
    return out;
  };
  // Read a block at a time: blocks of one byte, of a few, and larger than
  // the file must give the same text, a line to replace across two blocks
  // or not.
  auto resolved = [](const knowledge_graph& kg, const std::string& lines) {
    std::string first;
    for (std::size_t block : {std::size_t{1} << 18, std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{64}}) {
      std::istringstream in(lines);
      std::ostringstream out;
      write_resolved_triples(kg, in, out, block);
      if (block == std::size_t{1} << 18) first = out.str();
      else BOOST_TEST(out.str() == first, "block of " << block << " bytes");
    }
    return first;
  };
  // No link: the lines are already the exporter's.
  std::vector<statement> added;
  const knowledge_graph plain = small_graph(&added);
  BOOST_TEST(!plain.resolved_through_links());
  BOOST_TEST(resolved(plain, streamed(plain, added)) == written(plain, "triples"));

  // A mention without id, before and after the statement that links it,
  // among statements it does not concern.
  knowledge_graph kg;
  std::vector<statement> linked;
  statement a = microsoft_invests();
  a.subject = ref("Microsoft Corporation", "Organization");
  statement b = microsoft_invests();
  b.doc = "fr-02";
  b.subject = ref("Microsoft", "Organization", "org:microsoft");
  statement c = full_statement();
  statement d = a;
  d.doc = "fr-03";
  d.object = ref("Microsoft Corporation", "Organization");
  d.predicate = "partners_with";
  d.subject = ref("Capgemini", "Organization");
  for (const statement& s : {a, c, b, d, c}) {
    kg.add(s);
    linked.push_back(s);
  }
  kg.analyse();
  BOOST_TEST(kg.resolved_through_links());
  std::vector<bool> relinked;
  for (std::size_t i = 0; i < kg.statement_count(); ++i) relinked.push_back(kg.relinked(i));
  BOOST_TEST(relinked == (std::vector<bool>{true, false, false, true, false}));
  const std::string lines = streamed(kg, linked);
  BOOST_TEST(lines != written(kg, "triples"));
  BOOST_TEST(resolved(kg, lines) == written(kg, "triples"));
  // The last line without its newline is still a line, and gets one.
  BOOST_TEST(resolved(kg, lines.substr(0, lines.size() - 1)) == written(kg, "triples"));
  // Fewer lines than statements: an error, not a short file.
  BOOST_CHECK_THROW(resolved(kg, lines.substr(0, lines.rfind('\n', lines.size() - 2) + 1)), std::runtime_error);
  BOOST_CHECK_THROW(resolved(kg, ""), std::runtime_error);
}

// ---------------------------------------------------------------- numbers

// real_view() remembers texts by the value's bits: every value, met once or
// again, after others that share its slot or not, reads as to_chars writes it.
BOOST_AUTO_TEST_CASE(real_view_is_to_chars) {
  const double values[] = {0.0,   -0.0,    0.75,   0.9,    0.85,   1.0,      2.0,    100000.0,
                           1e16,  1e-7,    0.1 + 0.2, 1.0 / 3.0, -2.5, 4321987654.0, 1e300, -1e-300,
                           5e-324, std::numeric_limits<double>::max(), 0.75, 0.9, 1e300, 0.0};
  auto shortest = [](double v) {
    char buf[64];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  };
  auto fixed = [](double v) {
    std::string buf(400, '\0');
    return buf.substr(0, static_cast<std::size_t>(
                             std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed).ptr -
                             buf.data()));
  };
  for (int round = 0; round < 2; ++round)
    for (double v : values) {
      BOOST_TEST(std::string(detail::real_view(v)) == shortest(v), shortest(v));
      BOOST_TEST(std::string(detail::real_view<true>(v)) == fixed(v), shortest(v));
      BOOST_TEST(std::string(detail::real_view(v)) == std::string(detail::number_view(v)), shortest(v));
    }
  // Many values through the 64 slots, then the first ones again.
  for (int i = 0; i < 1000; ++i) {
    const double v = i / 7.0;
    BOOST_TEST_REQUIRE(std::string(detail::real_view(v)) == shortest(v));
  }
  for (int i = 0; i < 1000; i += 37) BOOST_TEST(std::string(detail::real_view<true>(i / 7.0)) == fixed(i / 7.0));
}

// ---------------------------------------------------------------- GEXF

// XML text escaped one byte at a time: what the escapers must give.
std::string xml_escaped_bytewise(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20) out += c;  // other controls dropped
    }
  }
  return out;
}

const char* iso_dates[][2] = {
    {"2025", "2025-01-01"}, {"2025-06", "2025-06-01"}, {"2024-05-13", "2024-05-13"},
    {"June 2022", ""},      {"2025-13", ""},           {"2025-00", ""},
    {"25", ""},             {"2025-06-32", ""},        {"", ""},
    {"-202", ""},           {"2025-6", ""},            {"2025-06-1x", ""},
};
// append_xml_escaped() finds the bytes to escape sixteen at a time: it
// gives what escaping byte by byte gives, for every byte value at every
// place of strings of every length up to 40.
BOOST_AUTO_TEST_CASE(xml_escaping_matches_byte_by_byte) {
  auto reference = xml_escaped_bytewise;
  std::size_t escaped = 0;
  for (std::size_t n = 1; n <= 40; ++n)
    for (std::size_t at = 0; at < n; ++at)
      for (int c = 0; c < 256; ++c) {
        std::string text(n, 'x');
        text[at] = static_cast<char>(c);
        std::string ours;
        detail::append_xml_escaped(ours, text);
        BOOST_TEST_REQUIRE(ours == reference(text));
        escaped += ours.size() != n;
      }
  BOOST_TEST(escaped > 0);
}

// text_buffer (the text formats' output) holds exactly what a std::string
// given the same appends holds, across growth beyond its first capacity,
// and writes and empties itself as write_full_block() does for a string.
BOOST_AUTO_TEST_CASE(text_buffer_appends_as_a_string_does) {
  detail::text_buffer buffer;
  std::string plain;
  std::string big(3 * detail::write_block, 'x');
  for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + i % 26);
  for (std::size_t round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < 20000; ++i) {
      const std::string_view piece = std::string_view(big).substr(i % 977, i % 61);
      buffer += piece;
      plain += piece;
      buffer += static_cast<char>('0' + i % 10);
      plain += static_cast<char>('0' + i % 10);
      buffer.append(i % 5, ' ');
      plain.append(i % 5, ' ');
      detail::append_xml_escaped(buffer, "a<b & \"c\"\n");
      detail::append_xml_escaped(plain, "a<b & \"c\"\n");
    }
    buffer.append(big);  // larger than twice the capacity
    plain.append(big);
    BOOST_TEST_REQUIRE(std::string_view(buffer) == std::string_view(plain));
    std::ostringstream from_buffer, from_string;
    detail::write_full_block(from_buffer, buffer);
    detail::write_full_block(from_string, plain);
    BOOST_TEST(from_buffer.str() == from_string.str());
    BOOST_TEST(buffer.empty());
    BOOST_TEST(buffer.size() == plain.size());
  }
}

BOOST_AUTO_TEST_CASE(full_dates) {
  for (const auto& [in, out] : iso_dates) BOOST_TEST(detail::full_date(in) == out, in);
}

BOOST_AUTO_TEST_CASE(gexf_structure) {
  const knowledge_graph kg = small_graph();
  const std::string xml = written(kg, "gexf");
  BOOST_TEST(xml == written(small_graph(), "gexf"));  // byte-identical
  std::istringstream in(xml);
  pt::ptree doc;
  pt::read_xml(in, doc);
  const pt::ptree& root = doc.get_child("gexf");
  BOOST_TEST(xml_attr(root, "xmlns") == "http://gexf.net/1.3");
  BOOST_TEST(xml_attr(root, "xmlns:viz") == "http://gexf.net/1.3/viz");
  BOOST_TEST(xml_attr(root, "version") == "1.3");
  const pt::ptree& graph = root.get_child("graph");
  BOOST_TEST(xml_attr(graph, "mode") == "dynamic");
  BOOST_TEST(xml_attr(graph, "timeformat") == "date");
  BOOST_TEST(xml_attr(graph, "defaultedgetype") == "directed");

  // Declared attributes: class -> id -> type.
  std::map<std::string, std::map<std::string, std::string>> declared;
  for (const auto& [tag, attrs] : graph) {
    if (tag != "attributes") continue;
    for (const auto& [atag, a] : attrs)
      if (atag == "attribute")
        BOOST_TEST(declared[xml_attr(attrs, "class")].emplace(xml_attr(a, "id"), xml_attr(a, "type")).second);
  }
  BOOST_TEST(declared["node"].size() == 14u);
  BOOST_TEST(declared["edge"].size() == 16u);
  BOOST_TEST(declared["node"].at("pagerank") == "double");
  BOOST_TEST(declared["node"].at("invested_eur") == "long");
  BOOST_TEST(declared["edge"].at("amount") == "long");
  BOOST_TEST(!declared["node"].count("label"));  // the element's own attribute

  // Every value declared and parsable as its type.
  auto values = [&](const pt::ptree& item, const std::string& cls) {
    std::map<std::string, std::string> out;
    for (const auto& [vtag, v] : item.get_child("attvalues")) {
      if (vtag != "attvalue") continue;
      const std::string id = xml_attr(v, "for"), value = xml_attr(v, "value");
      BOOST_REQUIRE(declared[cls].count(id));
      const std::string& type = declared[cls][id];
      if (type == "integer" || type == "long") {
        long long x = 0;
        BOOST_TEST(parses_as(value, x), id << "=" << value);
      } else if (type == "double") {
        double x = 0;
        BOOST_TEST(parses_as(value, x), id << "=" << value);
      }
      BOOST_TEST(out.emplace(id, value).second);
    }
    return out;
  };

  const pt::ptree& nodes = graph.get_child("nodes");
  std::map<std::string, std::string> colours;
  std::map<std::string, std::string> node_start;
  std::size_t node_count = 0;
  for (const auto& [tag, node] : nodes) {
    if (tag != "node") continue;
    ++node_count;
    const auto vals = values(node, "node");
    const std::string id = xml_attr(node, "id");
    BOOST_TEST(vals.at("iri") == kg.graph()[std::stoul(id.substr(1))].iri);
    BOOST_TEST(xml_attr(node, "label") == kg.graph()[std::stoul(id.substr(1))].label);
    const pt::ptree& c = node.get_child("viz:color");
    const std::string rgb = xml_attr(c, "r") + "," + xml_attr(c, "g") + "," + xml_attr(c, "b");
    auto [it, fresh] = colours.emplace(vals.at("type"), rgb);
    BOOST_TEST(it->second == rgb, "one colour per type");
    double size = 0;
    BOOST_TEST(parses_as(xml_attr(node.get_child("viz:size"), "value"), size));
    BOOST_TEST((size >= 5.0 && size <= 50.0));
    node_start[vals.at("iri")] = node.get("<xmlattr>.start", std::string());
  }
  BOOST_TEST(node_count == kg.entity_count());
  BOOST_TEST(colours.size() == 5u);  // Organization, Place, Facility, Person, Quotation
  std::set<std::string> distinct;
  for (const auto& [type, rgb] : colours) distinct.insert(rgb);
  BOOST_TEST(distinct.size() == colours.size());
  BOOST_TEST(colours.at("Organization") == "31,119,180");

  std::size_t edge_count = 0;
  std::map<std::string, std::string> edge_start;
  for (const auto& [tag, edge] : graph.get_child("edges")) {
    if (tag != "edge") continue;
    ++edge_count;
    const auto vals = values(edge, "edge");
    BOOST_TEST(xml_attr(edge, "label") == vals.at("predicate"));
    BOOST_TEST(xml_attr(edge, "kind") == vals.at("predicate"));
    edge_start[vals.at("predicate")] = edge.get("<xmlattr>.start", std::string());
    if (vals.at("predicate") == "invests_in") {
      BOOST_TEST(xml_attr(edge, "weight") == "2");
      BOOST_TEST(vals.at("amount") == "4321987654");
    }
  }
  BOOST_TEST(edge_count == kg.relation_count());
  // Earliest statement date, as a full date; none when no date is ISO.
  BOOST_TEST(edge_start.at("invests_in") == "2024-01-01");
  BOOST_TEST(edge_start.at("says") == "2025-12-01");
  BOOST_TEST(edge_start.at("opens") == "");  // "June 2022"
  BOOST_TEST(edge_start.at("partners_with") == "");
  BOOST_TEST(node_start.at("https://w3id.org/econkg/id/organization/microsoft") == "2024-01-01");
  BOOST_TEST(node_start.at("https://w3id.org/econkg/id/person/brad-smith") == "2025-12-01");
  BOOST_TEST(node_start.at("https://w3id.org/econkg/id/facility/campus-de-paris-saclay") == "");
}

// ---------------------------------------------------------------- CSV

namespace {

// RFC 4180 reader: records of fields; fails the test on a malformed file.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      BOOST_TEST(field.empty(), "quote inside an unquoted field");
      quoted = was_quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      BOOST_TEST((i + 1 < text.size() && text[i + 1] == '\n'), "CR without LF");
      rows.back().push_back(std::move(field));
      field.clear();
      was_quoted = false;
      rows.emplace_back();
      ++i;
    } else {
      BOOST_TEST(c != '\n', "bare LF outside quotes");
      field += c;
    }
  }
  BOOST_TEST(!quoted);
  BOOST_TEST((field.empty() && !was_quoted && rows.back().empty()), "last record ends with CRLF");
  rows.pop_back();
  return rows;
}

}  // namespace

// `build` writes a format that says it needs no analytics while they are
// computed (knowledge_graph::finish_analysis()): its bytes must not change
// with them. nodes.csv, which does need them, shows the check can fail.
BOOST_AUTO_TEST_CASE(formats_without_analytics_are_the_same_before_them) {
  knowledge_graph kg = small_graph(nullptr, false);
  kg.begin_analysis();
  std::map<std::string, std::string> before;
  std::size_t free = 0;
  for (const std::string& name : exporter_names()) {
    before[name] = written(kg, name);
    if (!make_exporter(name)->needs_analytics()) ++free;
  }
  kg.finish_analysis();
  BOOST_TEST(free == 2u);  // edges.csv, projects.csv
  BOOST_TEST(make_exporter("nodes_csv")->needs_analytics());
  for (const std::string& name : exporter_names()) {
    if (make_exporter(name)->needs_analytics()) continue;
    BOOST_TEST_CONTEXT(name) { BOOST_TEST(written(kg, name) == before[name]); }
  }
  BOOST_TEST(written(kg, "nodes_csv") != before["nodes_csv"]);
  for (const auto& exp : make_build_exporters())
    BOOST_TEST(exp->needs_analytics() == (exp->file_name() != "edges.csv" && exp->file_name() != "projects.csv"));
}

BOOST_AUTO_TEST_CASE(csv_nodes_and_edges) {
  const knowledge_graph kg = small_graph();
  const auto nodes = read_csv(written(kg, "nodes_csv"));
  BOOST_REQUIRE(nodes.size() == kg.entity_count() + 1);
  BOOST_TEST(nodes[0] == (std::vector<std::string>{"Id", "Label", "Type", "iri", "aliases", "mentions",
                                                    "in_degree", "out_degree", "degree", "pagerank",
                                                    "component", "docs", "invested_eur", "received_eur",
                                                    "jobs_created", "jobs_cut"}));
  const graph_type& g = kg.graph();
  for (std::size_t i = 1; i < nodes.size(); ++i) {
    BOOST_REQUIRE(nodes[i].size() == nodes[0].size());
    const entity& e = g[i - 1];
    BOOST_TEST(nodes[i][0] == "n" + std::to_string(i - 1));
    BOOST_TEST(nodes[i][1] == e.label);  // quoting undone: AT&T <US> "Inc" l'autre, a quote with a newline
    BOOST_TEST(nodes[i][3] == e.iri);
    double rank = 0;
    BOOST_TEST(parses_as(nodes[i][9], rank));
    BOOST_TEST(rank == e.pagerank);
  }
  const std::string text = written(kg, "nodes_csv");
  BOOST_TEST(text.find(R"("AT&T <US> ""Inc"" l'autre")") != std::string::npos);
  BOOST_TEST(text.rfind("Id,Label,Type,", 0) == 0);  // no byte-order mark

  const auto edges = read_csv(written(kg, "edges_csv"));
  BOOST_REQUIRE(edges.size() == kg.relation_count() + 1);
  BOOST_TEST((std::vector<std::string>(edges[0].begin(), edges[0].begin() + 6) ==
              std::vector<std::string>{"Source", "Target", "Type", "Label", "Weight", "Id"}));
  std::size_t invests = 0;
  for (std::size_t i = 1; i < edges.size(); ++i) {
    BOOST_REQUIRE(edges[i].size() == edges[0].size());
    BOOST_TEST(edges[i][2] == "Directed");
    BOOST_TEST(edges[i][3] == edges[i][6]);  // Label = predicate
    if (edges[i][3] == "invests_in") {
      ++invests;
      BOOST_TEST(edges[i][4] == "2");
      BOOST_TEST(edges[i][7] == "4321987654");
      BOOST_TEST(edges[i][8] == "EUR");
    }
  }
  BOOST_TEST(invests == 1u);
}

BOOST_AUTO_TEST_CASE(csv_projects) {
  knowledge_graph kg;
  statement invest = microsoft_invests();  // object: a Place
  kg.add(invest);
  statement open;
  open.doc = "d2";
  open.subject = ref("Batterix SAS", "Organization");
  open.predicate = "opens";
  open.object = ref("usine de Douai", "Facility");
  open.attrs.jobs = 300;
  open.attrs.date = "2026";
  open.rule = "fr/opens/verbe";
  kg.add(open);
  statement where = open;
  where.subject = open.object;
  where.predicate = "located_in";
  where.object = ref("Douai", "Place");
  where.attrs = {};
  kg.add(where);
  statement says = microsoft_invests();
  says.predicate = "says";
  says.object = ref("Bonjour, \"monde\"", "Quotation");
  kg.add(says);  // not a project
  statement buy = microsoft_invests();
  buy.doc = "d3";
  buy.subject = ref("Batterix", "Organization");
  buy.predicate = "acquires";
  buy.object = ref("Recyclor, Inc.", "Organization");  // an organisation has no project place
  kg.add(buy);
  statement cut = open;
  cut.predicate = "cuts_jobs";
  cut.object = ref("site de Lens", "Facility");  // facility with no known place
  kg.add(cut);
  kg.analyse();
  const auto rows = read_csv(written(kg, "projects_csv"));
  BOOST_REQUIRE(rows.size() == 5u);
  BOOST_TEST(rows[0] == (std::vector<std::string>{"investor", "target", "place", "predicate", "amount",
                                                   "currency", "jobs", "date", "document", "rule"}));
  BOOST_TEST(rows[1] == (std::vector<std::string>{"Microsoft", "France", "France", "invests_in", "4000000000",
                                                   "EUR", "", "2024", "fr-01", "fr/invest/engage-a-investir"}));
  // The facility's place from its located_in statement; the resolved label.
  BOOST_TEST(rows[2] == (std::vector<std::string>{"Batterix SAS", "usine de Douai", "Douai", "opens", "", "",
                                                   "300", "2026", "d2", "fr/opens/verbe"}));
  BOOST_TEST(rows[3][0] == "Batterix SAS");  // « Batterix » is the same company
  BOOST_TEST(rows[3][1] == "Recyclor, Inc.");
  BOOST_TEST(rows[3][2] == "");
  BOOST_TEST(rows[4][2] == "");
  BOOST_TEST(rows[4][3] == "cuts_jobs");
}

// ---------------------------------------------------------------- NDJSON

// What `v`, part of a line of graph.ndjson, means under the line's context
// is what it means under graph.jsonld's: the same IRIs for keys, ids,
// types and IRI values, the same coercions. Every key is one graph.jsonld's
// context defines, and no value is a bare number.
void check_same_meaning(const rapidjson::Value& line_ctx, const rapidjson::Value& full_ctx, const rapidjson::Value& v) {
  BOOST_TEST(!v.IsNumber());
  if (v.IsArray())
    for (const auto& item : v.GetArray()) check_same_meaning(line_ctx, full_ctx, item);
  if (!v.IsObject()) return;
  for (const auto& m : v.GetObject()) {
    const std::string k = str(m.name);
    if (k == "@id") {
      BOOST_TEST(iri_expanded(line_ctx, str(m.value)) == iri_expanded(full_ctx, str(m.value)), str(m.value));
    } else if (k == "@type") {
      auto same_type = [&](const rapidjson::Value& t) {
        BOOST_TEST(vocab_expanded(line_ctx, str(t)) == vocab_expanded(full_ctx, str(t)), str(t));
      };
      if (m.value.IsArray())
        for (const auto& t : m.value.GetArray()) same_type(t);
      else
        same_type(m.value);
    } else if (k[0] != '@') {
      BOOST_TEST(defined_key(full_ctx, k), k);
      BOOST_TEST(vocab_expanded(line_ctx, k) == vocab_expanded(full_ctx, k), k);
      const std::string type = coercion(full_ctx, k);
      BOOST_TEST(coercion(line_ctx, k) == type, k);
      if (m.value.IsString() && type == "@id")
        BOOST_TEST(iri_expanded(line_ctx, str(m.value)) == iri_expanded(full_ctx, str(m.value)), str(m.value));
      if (m.value.IsString() && type == "@vocab")
        BOOST_TEST(vocab_expanded(line_ctx, str(m.value)) == vocab_expanded(full_ctx, str(m.value)), str(m.value));
    }
    if (k != "@type") check_same_meaning(line_ctx, full_ctx, m.value);
  }
}

BOOST_AUTO_TEST_CASE(ndjson_one_document_per_line) {
  const knowledge_graph kg = small_graph();
  const std::string text = written(kg, "ndjson");
  BOOST_TEST(text == written(small_graph(), "ndjson"));
  const rapidjson::Document full = parsed_json(written(kg, "jsonld"));
  const auto& full_ctx = full["@context"];
  std::map<std::string, std::string> statement_ids;  // id -> document, from graph.jsonld
  for (const auto& n : full["@graph"].GetArray())
    if (n.HasMember("document")) statement_ids[str(n["@id"])] = str(n["document"]);

  std::istringstream in(text);
  std::string line, first_context;
  std::vector<std::string> docs;
  std::size_t statements = 0;
  while (std::getline(in, line)) {
    const rapidjson::Document d = parsed_json(line);
    // The part of graph.jsonld's context a line needs, the same on every
    // line: "@vocab", the prefixes its IRIs use, and the terms whose
    // meaning "@vocab" does not give (coercions, schema.org's); each means
    // what graph.jsonld's term of that name means.
    const auto& context = d["@context"];
    BOOST_REQUIRE(context.IsObject());
    const std::string context_text = line.substr(0, line.find(",\"@graph\":["));
    if (first_context.empty()) first_context = context_text;
    BOOST_TEST(context_text == first_context);
    BOOST_TEST(context.MemberCount() < full_ctx.MemberCount());
    for (const char* name : {"@vocab", "schema", "xsd", "id", "st"}) {
      BOOST_REQUIRE(context.HasMember(name));
      const bool same = context[name] == full_ctx[name];
      BOOST_TEST(same, name);
    }
    for (const auto& m : context.GetObject()) {
      const std::string name = str(m.name);
      BOOST_TEST(definition(full_ctx, name), name);
      BOOST_TEST(vocab_expanded(context, name) == vocab_expanded(full_ctx, name), name);
      BOOST_TEST(coercion(context, name) == coercion(full_ctx, name), name);
    }
    for (const char* unused : {"mentions", "pagerank", "invests_in", "alternateName", "ekg"})
      BOOST_TEST(!context.HasMember(unused), unused);
    check_same_meaning(context, full_ctx, d["@graph"]);

    std::set<std::string> named, defined, docs_here;
    for (const auto& n : d["@graph"].GetArray()) {
      defined.insert(str(n["@id"]));
      if (!n.HasMember("document")) continue;
      ++statements;
      const std::string id = str(n["@id"]);
      BOOST_TEST(statement_ids.count(id), id);  // the same statement IRIs
      docs_here.insert(str(n["document"]));
      named.insert(str(n["subject"]));
      named.insert(str(n["object"]));
    }
    BOOST_TEST(docs_here.size() == 1u);
    docs.push_back(*docs_here.begin());
    for (const std::string& id : named) BOOST_TEST(defined.count(id), "entity " << id << " defined in its line");
  }
  BOOST_TEST(docs == (std::vector<std::string>{"fr-01", "fr-02", "fr-03", "en-07"}));
  BOOST_TEST(statements == kg.statement_count());
}

BOOST_AUTO_TEST_CASE(ndjson_gathers_a_document_that_comes_back) {
  knowledge_graph kg;
  const statement a = microsoft_invests();  // fr-01
  statement b = microsoft_invests();
  b.doc = "fr-02";
  statement c = microsoft_invests();  // fr-01 again, after fr-02
  c.predicate = "opens";
  for (const statement& s : {a, b, c, a}) kg.add(s);  // `a` twice: one IRI with a suffix
  kg.analyse();

  std::istringstream in(written(kg, "ndjson"));
  std::string line;
  std::vector<std::vector<std::string>> lines;  // per line: "doc predicate" of each statement
  std::vector<std::string> ids;
  while (std::getline(in, line)) {
    const rapidjson::Document d = parsed_json(line);
    lines.emplace_back();
    for (const auto& n : d["@graph"].GetArray()) {
      if (!n.HasMember("document")) continue;
      lines.back().push_back(str(n["document"]) + " " + str(n["predicate"]));
      ids.emplace_back(iri_expanded(d["@context"], str(n["@id"])));
    }
  }
  using lines_type = std::vector<std::vector<std::string>>;
  BOOST_TEST((lines == lines_type{{"fr-01 invests_in", "fr-01 opens", "fr-01 invests_in"}, {"fr-02 invests_in"}}));
  BOOST_REQUIRE(ids.size() == 4u);
  BOOST_TEST(ids[0].rfind("https://w3id.org/econkg/statement/", 0) == 0);
  BOOST_TEST(ids[2] == ids[0] + "-2");
  BOOST_TEST(std::set<std::string>(ids.begin(), ids.end()).size() == 4u);
}

// graph.jsonld and graph.ndjson as build writes them, through the exporter
// whose write_all() writes both.
std::pair<std::string, std::string> jsonld_and_ndjson(const knowledge_graph& kg) {
  for (const auto& e : make_build_exporters()) {
    if (e->file_names() != std::vector<std::string>{"graph.jsonld", "graph.ndjson"}) continue;
    std::ostringstream jsonld, ndjson;
    std::ostream* outs[] = {&jsonld, &ndjson};
    e->write_all(kg, outs);
    return {jsonld.str(), ndjson.str()};
  }
  BOOST_FAIL("no build exporter writes graph.jsonld and graph.ndjson");
  return {};
}

// Build writes both files in one pass when each document's statements are
// consecutive (small_graph()), and each on its own when a document comes
// back after another: either way the bytes of the single exporters. A
// statement's line in graph.jsonld is its text in graph.ndjson.
BOOST_AUTO_TEST_CASE(jsonld_and_ndjson_in_one_pass) {
  knowledge_graph back;  // fr-01, fr-02, fr-01 again
  statement a = microsoft_invests();
  statement b = full_statement();
  b.doc = "fr-02";
  statement c = microsoft_invests();
  c.predicate = "opens";
  for (const statement& s : {a, b, c}) back.add(s);
  back.analyse();
  const knowledge_graph consecutive = small_graph();
  const knowledge_graph* const graphs[] = {&consecutive, &back};
  for (const knowledge_graph* kg : graphs) {
    const auto [jsonld, ndjson] = jsonld_and_ndjson(*kg);
    BOOST_TEST(jsonld == written(*kg, "jsonld"));
    BOOST_TEST(ndjson == written(*kg, "ndjson"));
    std::size_t found = 0;
    for (std::string line : jsonld_lines(jsonld)) {
      if (line.find("\"@type\":\"Statement\"") == std::string::npos) continue;
      if (line.back() == ',') line.pop_back();
      // Statements follow the line's entities: a comma before, a comma or "]}" after.
      found += ndjson.find("," + line + ",") != std::string::npos ||
               ndjson.find("," + line + "]}") != std::string::npos;
    }
    BOOST_TEST(found == kg->statement_count());
  }
}

// ------------------------------------------- text formats' fast paths

namespace {

// A small deterministic generator for the tests below (xorshift64).
struct test_random {
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  std::uint64_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
};

// Random texts of every length from 0 to 40, of bytes drawn from plain
// ASCII, the bytes XML and CSV treat apart, UTF-8 sequences and any byte
// value at all, in proportions that give texts with none, one and many.
std::vector<std::string> random_texts(std::size_t per_length) {
  static constexpr std::string_view specials = "<>&\"',\r\n\t\x01\x1F\x7F";
  static constexpr std::string_view utf8[] = {"é", "’", "€", "日本", "\xF0\x9F\x98\x80"};
  test_random random;
  std::vector<std::string> texts;
  for (std::size_t n = 0; n <= 40; ++n)
    for (std::size_t k = 0; k < per_length; ++k) {
      const std::size_t special_share = k % 4 == 0 ? 0 : 1 + k % 5;  // in 16ths; 0: none at all
      std::string text;
      while (text.size() < n) {
        const std::size_t pick = random.below(16);
        if (pick < special_share) text += specials[random.below(specials.size())];
        else if (pick == 15) text += static_cast<char>(random.below(256));
        else if (pick == 14) text += utf8[random.below(std::size(utf8))];
        else text += static_cast<char>('a' + random.below(26));
      }
      text.resize(n);  // may cut a UTF-8 sequence: bytes are bytes here
      texts.push_back(std::move(text));
    }
  return texts;
}


std::string csv_field_bytewise(std::string_view field) {
  if (field.find_first_of(std::string_view(",\"\r\n", 4)) == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// Runs put(p, text) into a buffer of exactly `room` bytes followed by guard
// bytes, and returns what it wrote; fails the test when it wrote past `room`.
template <typename Put>
std::string put_within(std::size_t room, Put put) {
  constexpr std::size_t guard = 64;
  std::string buffer(room + guard, '\xA5');
  const std::ptrdiff_t written = put(buffer.data()) - buffer.data();
  BOOST_TEST_REQUIRE(written >= 0);
  BOOST_TEST_REQUIRE(static_cast<std::size_t>(written) <= room);
  BOOST_TEST_REQUIRE(buffer.substr(room) == std::string(guard, '\xA5'));
  return buffer.substr(0, static_cast<std::size_t>(written));
}

// Every text with one byte of value c at place `at`, the rest plain: each
// byte value at each place of each length up to 40 (the SSE2 paths look at
// 4-15 byte texts in one step and longer ones sixteen bytes at a time).
template <typename Check>
void for_each_one_byte_text(Check check) {
  // Every control byte and ASCII punctuation, letters and digits at their
  // edges, and bytes of UTF-8 sequences and their edges (all 256 values at
  // every place took minutes under the sanitizers in CI; random_texts()
  // gives random bytes besides).
  std::vector<int> bytes;
  for (int c = 0; c <= 0x40; ++c) bytes.push_back(c);
  for (int c : {0x41, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x61, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80,
                0x9F, 0xA0, 0xBF, 0xC0, 0xC3, 0xDF, 0xE0, 0xE2, 0xEF, 0xF0, 0xF4, 0xFE, 0xFF})
    bytes.push_back(c);
  for (std::size_t n = 1; n <= 40; ++n)
    for (std::size_t at = 0; at < n; ++at)
      for (int c : bytes) {
        std::string text(n, 'x');
        text[at] = static_cast<char>(c);
        check(text);
      }
}

}  // namespace

// put_xml_escaped(), through both append_xml_escaped()s, gives what
// escaping byte by byte gives, for random texts and for the bytes of
// for_each_one_byte_text() at every place, and never writes past xml_room().
BOOST_AUTO_TEST_CASE(put_xml_escaped_matches_byte_by_byte) {
  std::size_t escaped = 0;
  auto check = [&](const std::string& text) {
    const std::string expected = xml_escaped_bytewise(text);
    const std::string put = put_within(detail::xml_room(text.size()),
                                       [&](char* p) { return detail::put_xml_escaped(p, text); });
    BOOST_TEST_REQUIRE(put == expected, text);
    std::string as_string = "head";
    detail::append_xml_escaped(as_string, text);
    BOOST_TEST_REQUIRE(as_string == "head" + expected);
    detail::text_buffer buffer;
    buffer += "head";
    detail::append_xml_escaped(buffer, text);
    BOOST_TEST_REQUIRE(std::string_view(buffer) == "head" + expected);
    escaped += expected != text;
  };
  for (const std::string& text : random_texts(200)) check(text);
  for_each_one_byte_text(check);
  BOOST_TEST(escaped > 10000u);
  // A long text with many escapes in one run: the room is filled up.
  check(std::string(1000, '"'));
}

// put_csv_field() (csv_must_quote()'s SSE2 checks) quotes exactly the fields
// that hold a comma, a quote or a line break and doubles their quotes, as
// a byte by byte check does; it never writes past csv_room().
BOOST_AUTO_TEST_CASE(put_csv_field_matches_byte_by_byte) {
  std::size_t quoted = 0;
  auto check = [&](const std::string& field) {
    const std::string expected = csv_field_bytewise(field);
    const std::string put = put_within(detail::csv_room(field.size()),
                                       [&](char* p) { return detail::put_csv_field(p, field); });
    BOOST_TEST_REQUIRE(put == expected, field);
    BOOST_TEST_REQUIRE(detail::csv_must_quote(field) == (expected != field));
    quoted += expected != field;
  };
  for (const std::string& field : random_texts(200)) check(field);
  for_each_one_byte_text(check);
  BOOST_TEST(quoted > 5000u);
  check(std::string(1000, '"'));
}

// put_number() writes what std::to_chars writes, up to the longest integers,
// within number_room.
BOOST_AUTO_TEST_CASE(put_number_is_to_chars) {
  auto expect = [](auto v) {
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
  };
  std::vector<std::int64_t> values = {0, 1, -1, 9, 10, 99, 100, std::numeric_limits<std::int64_t>::min(),
                                      std::numeric_limits<std::int64_t>::max()};
  test_random random;
  for (int i = 0; i < 1000; ++i) values.push_back(static_cast<std::int64_t>(random.next() >> random.below(64)));
  for (std::int64_t v : values) {
    BOOST_TEST(put_within(detail::number_room, [&](char* p) { return detail::put_number(p, v); }) == expect(v));
    const auto u = static_cast<std::uint64_t>(v);
    BOOST_TEST(put_within(detail::number_room, [&](char* p) { return detail::put_number(p, u); }) == expect(u));
  }
}

// real_view<true, 3>() (the GEXF node sizes) is to_chars with three digits
// after the point, whether the value's text was kept or not.
BOOST_AUTO_TEST_CASE(real_view_with_precision_is_to_chars) {
  auto fixed3 = [](double v) {
    char buf[400];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3).ptr);
  };
  test_random random;
  std::vector<double> values = {0.0, -0.0, 5.0, 50.0, 5.0005, 12.3455, 1e300, -1e-300, 0.0015};
  for (int i = 0; i < 2000; ++i) values.push_back(5.0 + 45.0 * static_cast<double>(random.below(1u << 20)) / (1u << 20));
  for (int round = 0; round < 2; ++round)  // twice: the second time from the kept texts
    for (double v : values) BOOST_TEST_REQUIRE(std::string(detail::real_view<true, 3>(v)) == fixed3(v), v);
}

// pagerank_texts (the PageRank texts GraphML, GEXF and nodes.csv share)
// holds real_view(pagerank) for every vertex, and nothing for a PageRank
// that is not finite.
BOOST_AUTO_TEST_CASE(pagerank_texts_are_real_views) {
  knowledge_graph kg = small_graph();
  const graph_type& g = kg.graph();
  const auto ranks = detail::pagerank_texts_of(kg);
  BOOST_TEST(ranks == detail::pagerank_texts_of(kg));  // made once
  BOOST_REQUIRE(boost::num_vertices(g) > 2u);
  for (vertex_id v = 0; v < boost::num_vertices(g); ++v)
    BOOST_TEST((*ranks)[v] == detail::real_view(g[v].pagerank));
  graph_type odd = g;
  odd[0].pagerank = std::numeric_limits<double>::quiet_NaN();
  odd[1].pagerank = 1.0 / 3.0;
  odd[2].pagerank = -std::numeric_limits<double>::infinity();
  const detail::pagerank_texts texts(odd);
  BOOST_TEST(texts[0].empty());
  BOOST_TEST(texts[1] == "0.3333333333333333");
  BOOST_TEST(texts[2].empty());
  for (vertex_id v = 3; v < boost::num_vertices(odd); ++v) BOOST_TEST(texts[v] == (*ranks)[v]);
}

// full_day_of() reads digits byte by byte where it used std::from_chars: it
// gives what the from_chars reading gives for date-like texts of every
// shape (digits, signs, spaces, dashes and letters at every place of 0 to
// 11 bytes).
BOOST_AUTO_TEST_CASE(full_day_of_matches_from_chars_reading) {
  auto reference = [](std::string_view d) -> std::string {
    auto number = [](std::string_view s, int lo, int hi) {
      int v = 0;
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
      return ec == std::errc() && end == s.data() + s.size() && s[0] != '-' && v >= lo && v <= hi;
    };
    const bool year = d.size() >= 4 && number(d.substr(0, 4), 0, 9999);
    if (d.size() == 4 && year) return std::string(d) + "-01-01";
    if (d.size() == 7 && year && d[4] == '-' && number(d.substr(5), 1, 12)) return std::string(d) + "-01";
    if (d.size() == 10 && year && d[4] == '-' && d[7] == '-' && number(d.substr(5, 2), 1, 12) &&
        number(d.substr(8), 1, 31))
      return std::string(d);
    return {};
  };
  static constexpr std::string_view alphabet = "0123456789-+ x/\xC3";
  test_random random;
  std::size_t full = 0;
  auto check = [&](const std::string& d) {
    const std::string expected = reference(d);
    BOOST_TEST_REQUIRE(std::string(std::string_view(detail::full_day_of(d))) == expected, d);
    BOOST_TEST_REQUIRE(detail::full_date(d) == expected, d);
    full += !expected.empty();
  };
  for (std::size_t n = 0; n <= 11; ++n)
    for (int k = 0; k < 20000; ++k) {
      // Mostly digits with dashes where ISO puts them, so that many are dates.
      std::string d;
      for (std::size_t i = 0; i < n; ++i) {
        const bool dash_place = i == 4 || i == 7;
        d += random.below(8) == 0 ? alphabet[random.below(alphabet.size())]
             : dash_place         ? '-'
                                  : static_cast<char>('0' + random.below(random.below(2) ? 10 : 4));
      }
      check(d);
    }
  for (const char* d : {"2025", "2025-06", "2025-06-13", "0000", "9999-12-31", "2025-00", "2025-13", "2025-12-00",
                        "2025-12-32", "-202", "+202", "2025-+6", "2025-06-+1", " 202", "2025- 6"})
    check(d);
  BOOST_TEST(full > 1000u);
}
