// triples.jsonl (SPEC §4): one JSON object per statement, keys in the order
// the SPEC shows, so that lines can be compared as text.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>
#include <string_view>

#include "export/exporter.hpp"
#include "export/fast_json.hpp"
#include "export/text_format.hpp"
#include "graph/iri.hpp"

namespace econkg {

namespace {

using json_writer = json::line_writer;

// write_line() takes a `statement` (write_triple_line()) or a
// `statement_view` (the exporter), and writes the subject's and the
// object's members through `fields` (below).
template <typename Statement, typename Fields>
void write_line(const Statement& s, Fields&& fields, json_writer& w, rapidjson::StringBuffer& buffer);

// The member `key` of entity `e` whose IRI is `iri`: {"id":…,"label":…,"type":…}.
template <typename Ref>
void write_entity_members(json::object_text<false>& o, const Ref& e, std::string_view iri) {
  o.escaped_member("id", iri);
  o.escaped_member("label", e.label);
  o.escaped_member("type", e.type);
}
template <typename Ref>
void write_entity(json::object_text<false>& o, std::string_view key, const Ref& e, std::string_view iri) {
  o.begin_object(key);
  write_entity_members(o, e, iri);
  o.end_object();
}

// write_line()'s `fields` for IRIs known beforehand.
struct fields_by_iri {
  std::string_view subject_iri, object_iri;
  template <typename Ref>
  void entity(json::object_text<false>& o, std::string_view key, const Ref& e, bool subject) const {
    write_entity(o, key, e, subject ? subject_iri : object_iri);
  }
};

// triples.jsonl: every statement, in input order, with the IRIs of the
// vertices its entities resolved to (so that an entity named without its
// gazetteer id in one document has the same id as where it has one).
// Stateless, so thread-safe.
class triples_exporter final : public exporter {
 public:
  std::string file_name() const override { return "triples.jsonl"; }
  void write(const knowledge_graph& kg, std::ostream& out) const override {
    const graph_type& g = kg.graph();
    // Lines gather in one buffer, handed to the stream a block at a time.
    rapidjson::StringBuffer buffer;
    json_writer w(buffer);
    // A line names the entities by label and type (aliases and gazetteer
    // ids are not read).
    kg.for_each_statement(
        [&](std::size_t i, const statement_view& s) {
          const auto [u, v] = kg.ends(i);
          w.Reset(buffer);
          write_line(s, fields_by_iri{g[u].iri, g[v].iri}, w, buffer);
          if (buffer.GetSize() >= detail::write_block) {
            out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
            buffer.Clear();
          }
        },
        statement_spool::reader::skip_aliases);
    out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
  }
};

}  // namespace

void write_resolved_triples(const knowledge_graph& kg, std::istream& streamed, std::ostream& out,
                            std::size_t block_size) {
  const graph_type& g = kg.graph();
  std::vector<char> block(std::max<std::size_t>(1, block_size));
  // The statements whose lines change: usually a handful in thousands.
  std::vector<std::size_t> relinked;
  if (kg.resolved_through_links())
    for (std::size_t i = 0; i < kg.statement_count(); ++i)
      if (kg.relinked(i)) relinked.push_back(i);
  knowledge_graph::statement_reader reader(kg);
  rapidjson::StringBuffer buffer;
  json_writer w(buffer);
  // The file is read a block at a time and copied in runs: from the end of
  // the last line replaced (or the block's start) to the start of the next
  // line to replace, found by counting line ends (a line ends at its first
  // newline: JSON escapes those in strings).
  std::size_t line = 0;       // lines whose end has been read
  std::size_t next = 0;       // in `relinked`
  bool dropping = false;      // inside a replaced line, whose old bytes are left out
  bool open_line = false;     // the last byte read was not a line end
  auto write = [&out](const char* from, const char* to) {
    if (to > from) out.write(from, static_cast<std::streamsize>(to - from));
  };
  while (true) {
    streamed.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(streamed.gcount());
    if (got == 0) break;
    const char *p = block.data(), *const end = p + got, *run = p;
    open_line = end[-1] != '\n';
    while (p < end) {
      if (!dropping && next < relinked.size() && relinked[next] == line) {
        // The start of a line to replace: what comes before it, then its new text.
        write(run, p);
        const std::size_t i = relinked[next++];
        const auto [u, v] = kg.ends(i);
        buffer.Clear();
        w.Reset(buffer);
        write_line(reader.read(i, statement_spool::reader::skip_aliases), fields_by_iri{g[u].iri, g[v].iri}, w,
                   buffer);
        out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
        dropping = true;
      }
      const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
      if (!nl) {
        p = end;
        break;
      }
      p = nl + 1;
      ++line;
      if (dropping) {
        dropping = false;
        run = p;
      }
    }
    if (!dropping) write(run, p);
  }
  // A last line without its newline is a line (and gets one).
  if (open_line) {
    ++line;
    if (!dropping) out.put('\n');
  }
  if (line < kg.statement_count() || next < relinked.size())
    throw std::runtime_error("triples.jsonl: fewer lines than statements (" + std::to_string(line) + " of " +
                             std::to_string(kg.statement_count()) + ")");
}

namespace {

// Appends the line of `s`, newline included, to `buffer`, through `w`
// (a writer on `buffer`, fresh or just Reset), with json::object_text: a
// line is a fixed shape, written member by member in one step each, the
// bytes of rapidjson's Writer (tests/test_export.cpp compares them).
template <typename Statement, typename Fields>
void write_line(const Statement& s, Fields&& fields, json_writer& w, rapidjson::StringBuffer& buffer) {
  w.object_value([&](json::object_text<false>& o) {
    auto text = [&o](std::string_view key, std::string_view value) {
      if (!value.empty()) o.escaped_member(key, value);
    };
    o.escaped_member("doc", s.doc);
    fields.entity(o, "subject", s.subject, true);
    o.escaped_member("predicate", s.predicate);
    fields.entity(o, "object", s.object, false);
    const auto& a = s.attrs;
    o.begin_object("attributes");
    // Integers stay integers: 4321987654 must not become 4.321987654e9.
    if (a.amount) o.number_member("amount", json::number_text(*a.amount));
    text("currency", a.currency);
    if (a.jobs) o.number_member("jobs", json::number_text(*a.jobs));
    if (a.quantity) o.number_member("quantity", json::number_text(*a.quantity));
    // JSON has no NaN or infinity; such a stake is no stake.
    if (a.stake && std::isfinite(*a.stake)) o.number_member("stake", json::double_text(*a.stake));
    text("date", a.date);
    text("product", a.product);
    text("title", a.title);
    text("quote", a.quote);
    text("round", a.round);
    text("sector", a.sector);
    o.end_object();
    o.begin_object("evidence");
    o.escaped_member("text", s.ev.text);
    o.number_member("start", json::number_text(static_cast<std::uint64_t>(s.ev.start)));
    o.number_member("end", json::number_text(static_cast<std::uint64_t>(s.ev.end)));
    if (s.ev.in_title) o.plain_member("field", "title");
    o.end_object();
    // Two decimals, rounded: Writer::SetMaxDecimalPlaces would truncate 0.859 to 0.85.
    o.number_member("confidence",
                    json::double_text(std::isfinite(s.confidence) ? std::round(s.confidence * 100.0) / 100.0 : 0.0));
    o.escaped_member("rule", s.rule);
    o.end_object();
  });
  buffer.Put('\n');
}

}  // namespace

// The plain path, which tests compare triple_line_writer with: IRIs
// computed for the line alone, members written one by one.
void write_triple_line(const statement& s, std::ostream& out, const resolution_rules& rules) {
  rapidjson::StringBuffer buffer;
  json_writer w(buffer);
  const std::string subject = key_iri(rules.key(s.subject)), object = key_iri(rules.key(s.object));
  write_line(s, fields_by_iri{subject, object}, w, buffer);
  out.write(buffer.GetString(), static_cast<std::streamsize>(buffer.GetSize()));
}

namespace {

// A thread's memo of entity texts: entity (type, gazetteer id, label) ->
// the value of its member, {"id":…,"label":…,"type":…}, as write_entity()
// writes it, so that an entity named again costs one probe and one copy.
// Open addressing with linear probing, keyed by a hash of the three fields
// read in place (no key string made per lookup). Bounded: past
// `max_bytes` it is emptied, and fills again with the names still in use.
class entity_memo {
 public:
  explicit entity_memo(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  // The text of `e`, or nullptr; `hash` is set for insert().
  const std::string* find(const entity_ref& e, std::uint64_t& hash) const {
    hash = hash_of(e);
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const slot& s = slots_[i];
      if (s.text.empty()) return nullptr;
      if (s.hash == hash && s.matches(e)) return &s.text;
    }
  }
  // Adds `text` for `e` (not there yet; `hash` from find()). The text
  // returned stays valid until the next insert().
  const std::string& insert(const entity_ref& e, std::uint64_t hash, std::string text) {
    if (bytes_ >= max_bytes_) {
      slots_.clear();
      count_ = bytes_ = 0;
    }
    if (2 * (count_ + 1) > slots_.size()) grow();
    slot s;
    s.hash = hash;
    s.type_size = e.type.size();
    s.kb_size = e.kb_id.size();
    s.key.reserve(e.type.size() + e.kb_id.size() + e.label.size());
    s.key.append(e.type).append(e.kb_id).append(e.label);
    s.text = std::move(text);
    // Its strings and two slots (the table is at most half full; up to four
    // just after it doubled, so the memory stays under twice max_bytes_).
    bytes_ += sizeof(slot) * 2 + s.key.size() + s.text.size();
    ++count_;
    return place(std::move(s)).text;
  }

 private:
  struct slot {
    std::uint64_t hash = 0;
    std::size_t type_size = 0, kb_size = 0;
    std::string key;   // type, gazetteer id and label, one after the other
    std::string text;  // empty: a free slot (a text is never empty)
    bool matches(const entity_ref& e) const {
      if (type_size != e.type.size() || kb_size != e.kb_id.size() ||
          key.size() != type_size + kb_size + e.label.size())
        return false;
      const char* k = key.data();
      return std::memcmp(k + type_size + kb_size, e.label.data(), e.label.size()) == 0 &&
             std::memcmp(k, e.type.data(), type_size) == 0 &&
             std::memcmp(k + type_size, e.kb_id.data(), kb_size) == 0;
    }
  };

  std::size_t mask() const { return slots_.size() - 1; }

  // Eight bytes at a time, then the rest; the length goes in too, so that
  // ("ab", "c") and ("a", "bc") differ.
  static std::uint64_t mix(std::uint64_t h, std::string_view s) {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ULL;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * k;
      h ^= h >> 29;
    }
    std::uint64_t w = 0;
    if (i < s.size()) {
      if (s.size() >= 8) {
        std::memcpy(&w, s.data() + s.size() - 8, 8);  // the last eight bytes, some hashed already
      } else {
        for (std::size_t shift = 0; i < s.size(); ++i, shift += 8)
          w |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << shift;
      }
    }
    h = (h ^ w ^ (static_cast<std::uint64_t>(s.size()) << 56)) * k;
    return h ^ (h >> 32);
  }
  // The label's bytes and the lengths of the type and the gazetteer id:
  // entities that share a label but not their type (few) meet in matches().
  static std::uint64_t hash_of(const entity_ref& e) {
    return mix((std::uint64_t{e.type.size()} << 32) ^ e.kb_id.size(), e.label);
  }

  slot& place(slot&& s) {
    std::size_t i = s.hash & mask();
    while (!slots_[i].text.empty()) i = (i + 1) & mask();
    slots_[i] = std::move(s);
    return slots_[i];
  }
  void grow() {
    std::vector<slot> old = std::move(slots_);
    slots_ = std::vector<slot>(old.empty() ? 1024 : 2 * old.size());
    for (slot& s : old)
      if (!s.text.empty()) place(std::move(s));
  }

  std::vector<slot> slots_;  // a power of two of them, at most half used
  std::size_t count_ = 0, bytes_ = 0;
  std::size_t max_bytes_;
};

}  // namespace

// The line being written and its writer, reused from line to line, and the
// memo of entity texts.
struct triple_line_writer::line_buffer {
  explicit line_buffer(std::size_t memo_bytes) : entities(memo_bytes) {}
  rapidjson::StringBuffer buffer;
  json_writer w{buffer};
  entity_memo entities;
  std::string iri;               // reused: a quotation's IRI
  rapidjson::StringBuffer text;  // an entity text being made
};

triple_line_writer::triple_line_writer(const resolution_rules& rules, std::size_t memo_bytes)
    : rules_(rules), line_(std::make_unique<line_buffer>(memo_bytes)) {}

triple_line_writer::~triple_line_writer() = default;

const std::string& triple_line_writer::quotation_iri(const entity_ref& e) {
  // Quotations, each met once or nearly, are not kept: their IRI is hashed
  // from the label in one pass (or, for text the fold table does not
  // cover, computed the plain way).
  std::string& iri = line_->iri;
  iri.clear();
  if (!e.kb_id.empty() || !append_quotation_iri(iri, e.label)) iri = key_iri(rules_.key(e));
  return iri;
}

std::string_view triple_line_writer::entity_text(const entity_ref& e) {
  line_buffer& l = *line_;
  std::uint64_t hash = 0;
  if (const std::string* text = l.entities.find(e, hash)) return *text;
  const std::string iri = key_iri(rules_.key(e));
  l.text.Clear();
  {
    json::object_text<false> o(l.text, 0, ' ', 0);
    write_entity_members(o, e, iri);
    o.end_object();
  }
  // Copied into the line before the memo changes again.
  return l.entities.insert(e, hash, std::string(l.text.GetString(), l.text.GetSize()));
}

// Formats the line of `s` into the reused buffer.
void triple_line_writer::format(const statement& s) {
  // write_line()'s fields from the memos.
  struct memo_fields {
    triple_line_writer& writer;
    void entity(json::object_text<false>& o, std::string_view key, const entity_ref& e, bool) const {
      if (e.type == "Quotation") write_entity(o, key, e, writer.quotation_iri(e));
      else o.raw_member(key, writer.entity_text(e));
    }
  };
  line_->buffer.Clear();
  line_->w.Reset(line_->buffer);
  write_line(s, memo_fields{*this}, line_->w, line_->buffer);
}

void triple_line_writer::write(const statement& s, std::ostream& out) {
  format(s);
  out.write(line_->buffer.GetString(), static_cast<std::streamsize>(line_->buffer.GetSize()));
}

void triple_line_writer::append(const statement& s, std::string& out) {
  format(s);
  // A document's lines (a few kilobytes, most often) gather in `out`: room
  // for several at once spares it most of its reallocations.
  if (out.capacity() - out.size() < line_->buffer.GetSize())
    out.reserve(std::max<std::size_t>(2 * out.capacity(), out.size() + 4096));
  out.append(line_->buffer.GetString(), line_->buffer.GetSize());
}

namespace detail {
std::unique_ptr<exporter> make_triples_exporter() { return std::make_unique<triples_exporter>(); }
}  // namespace detail

}  // namespace econkg
