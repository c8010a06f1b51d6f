#pragma once
// Text helpers shared by the exporters (internal to export/): the output
// buffer, XML escaping, CSV quoting, exact number text, joined lists, the
// PageRank texts of a graph. Thread-safe.
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <cstdint>
#include <memory>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "export/copy_bytes.hpp"
#include "graph/knowledge_graph.hpp"

namespace econkg::detail {

// Outputs are built in a string and handed to the stream whenever it holds
// this much, so that no output is ever held whole in memory.
inline constexpr std::size_t write_block = 1 << 18;

// Writes `out` to `os` and empties it, once it holds a block (or always, when `last`).
inline void write_full_block(std::ostream& os, std::string& out, bool last = false) {
  if (!last && out.size() < write_block) return;
  os.write(out.data(), static_cast<std::streamsize>(out.size()));
  out.clear();
}

// An output being built, for the text formats (CSV, GraphML, GEXF): like
// the std::string it replaces for appending, but an append is a capacity
// check and a copy, inlined, where std::string::append is a call that
// checks more (a GraphML or GEXF file is a few million small appends).
class text_buffer {
 public:
  text_buffer() { reserve(write_block + write_block / 4); }
  text_buffer(const text_buffer&) = delete;
  text_buffer& operator=(const text_buffer&) = delete;

  text_buffer& append(const char* s, std::size_t n) {
    if (static_cast<std::size_t>(limit_ - end_) < n) reserve(2 * capacity() + n);
    if (n) std::memcpy(end_, s, n);
    end_ += n;
    return *this;
  }
  text_buffer& append(std::string_view s) { return append(s.data(), s.size()); }
  text_buffer& append(std::size_t n, char c) {
    if (static_cast<std::size_t>(limit_ - end_) < n) reserve(2 * capacity() + n);
    std::memset(end_, c, n);
    end_ += n;
    return *this;
  }
  text_buffer& operator+=(std::string_view s) { return append(s.data(), s.size()); }
  text_buffer& operator+=(char c) {
    if (end_ == limit_) reserve(2 * capacity() + 1);
    *end_++ = c;
    return *this;
  }
  const char* data() const { return data_.get(); }
  std::size_t size() const { return static_cast<std::size_t>(end_ - data_.get()); }
  bool empty() const { return end_ == data_.get(); }
  void clear() { end_ = data_.get(); }
  operator std::string_view() const { return {data(), size()}; }

  // Room for `n` more bytes, where they go: the caller writes up to `n`
  // bytes there and hands set_end() where it stopped. An element whose
  // size is bounded beforehand is written so with one capacity check,
  // rather than one per piece.
  char* room(std::size_t n) {
    if (static_cast<std::size_t>(limit_ - end_) < n) reserve(2 * capacity() + n);
    return end_;
  }
  void set_end(char* p) { end_ = p; }

 private:
  std::size_t capacity() const { return static_cast<std::size_t>(limit_ - data_.get()); }
  // Room for `wanted` bytes in all, what is held kept.
  void reserve(std::size_t wanted) {
    if (wanted <= capacity()) return;
    auto bigger = std::make_unique_for_overwrite<char[]>(wanted);
    const std::size_t held = data_ ? size() : 0;
    if (held) std::memcpy(bigger.get(), data_.get(), held);
    data_ = std::move(bigger);
    end_ = data_.get() + held;
    limit_ = data_.get() + wanted;
  }
  std::unique_ptr<char[]> data_;
  char* end_ = nullptr;
  char* limit_ = nullptr;
};

inline void write_full_block(std::ostream& os, text_buffer& out, bool last = false) {
  if (!last && out.size() < write_block) return;
  os.write(out.data(), static_cast<std::streamsize>(out.size()));
  out.clear();
}

// Writes `s` at `p`, which has room for it, and returns the end.
inline char* put(char* p, std::string_view s) {
  copy_bytes(p, s.data(), s.size());
  return p + s.size();
}

// Writes the text of integer `v` at `p`, which has room for 20 bytes, and
// returns the end.
template <typename Integer>
char* put_number(char* p, Integer v) {
  static_assert(std::is_integral_v<Integer>);
  return std::to_chars(p, p + 20, v).ptr;
}
inline constexpr std::size_t number_room = 20;  // "-9223372036854775808"

// Bytes append_xml_escaped() does not copy as they are: markup characters
// and the C0 controls. A table, looked up once a byte, rather than six
// comparisons a byte.
inline constexpr std::array<bool, 256> xml_special = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
  return t;
}();

// Bytes that make a CSV field quoted: a comma, a quote, a line break.
inline constexpr std::array<bool, 256> csv_special = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {',', '"', '\r', '\n'}) t[c] = true;
  return t;
}();

#if defined(__SSE2__)
// The bytes of s[0, n), 4 <= n < 16, in one register without reading
// past s + n: its first and last 8 (or 4) bytes, which overlap and between
// them cover it. Good for asking whether any byte is of a kind, not where.
inline __m128i load_short(const char* s, std::size_t n) {
  if (n >= 8) {
    std::uint64_t head, tail;
    std::memcpy(&head, s, 8);
    std::memcpy(&tail, s + n - 8, 8);
    return _mm_set_epi64x(static_cast<long long>(tail), static_cast<long long>(head));
  }
  std::uint32_t head, tail;
  std::memcpy(&head, s, 4);
  std::memcpy(&tail, s + n - 4, 4);
  return _mm_set_epi32(static_cast<int>(tail), static_cast<int>(head), static_cast<int>(tail),
                       static_cast<int>(head));
}

// One bit per byte of `v` that xml_special marks.
inline unsigned xml_hits(__m128i v) {
  // v <= 0x1F (unsigned) exactly when min(v, 0x1F) == v.
  const __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1F)), v), _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))),
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')), _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))),
                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\'')))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}

// One bit per byte of `v` that csv_special marks.
inline unsigned csv_hits(__m128i v) {
  const __m128i hit =
      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                   _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))));
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

// The most bytes put_xml_escaped() writes for a text of `n` bytes
// ("&quot;" for '"').
inline constexpr std::size_t xml_room(std::size_t n) { return 6 * n; }

// put_xml_escaped() for any text: runs of ordinary bytes are copied whole,
// sixteen bytes at a time up to the first byte to escape (the sixteen are
// stored before they are looked at: the room holds them, since 16 <= 6 *
// the bytes left), and fewer than sixteen left of a longer text are
// checked as the text's last sixteen.
[[gnu::noinline]] inline char* put_xml_escaped_runs(char* p, std::string_view text) {
  const char* const s = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (;;) {
#if defined(__SSE2__)
    while (n - i >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);
      if (const unsigned mask = xml_hits(v)) {
        const auto k = static_cast<std::size_t>(__builtin_ctz(mask));
        i += k;
        p += k;
        break;
      }
      i += 16;
      p += 16;
    }
    if (i < n && n - i < 16 && n >= 16) {
      const std::size_t left = n - i;  // 1 to 15; the bytes before them were looked at already
      const unsigned mask = xml_hits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(s + n - 16))) >> (16 - left);
      const std::size_t k = mask ? static_cast<std::size_t>(__builtin_ctz(mask)) : left;
      copy_bytes(p, s + i, k);
      i += k;
      p += k;
    }
#endif
    while (i < n && !xml_special[static_cast<unsigned char>(s[i])]) *p++ = s[i++];
    if (i == n) return p;
    switch (s[i++]) {
      case '&': p = put(p, "&amp;"); break;
      case '<': p = put(p, "&lt;"); break;
      case '>': p = put(p, "&gt;"); break;
      case '"': p = put(p, "&quot;"); break;
      case '\'': p = put(p, "&apos;"); break;
      case '\r': p = put(p, "&#13;"); break;  // a raw CR would be normalised away by readers
      case '\n': p = put(p, "&#10;"); break;  // kept in attribute values too
      case '\t': p = put(p, "&#9;"); break;
      default: break;                         // other controls: dropped
    }
  }
}

// Writes `text` escaped for XML element content and attribute values at
// `p`, which has room for xml_room(text.size()) bytes, and returns the end.
// Control characters XML 1.0 cannot carry at all are dropped (a stray form
// feed in an article must not make the whole file unreadable). A text of 4
// to 15 bytes with nothing to escape (most labels, ids, dates) is checked
// in one step (load_short) and copied at once, inlined; any other goes to
// put_xml_escaped_runs().
[[gnu::always_inline]] inline char* put_xml_escaped(char* p, std::string_view text) {
#if defined(__SSE2__)
  if (text.size() >= 4 && text.size() < 16 && !xml_hits(load_short(text.data(), text.size())))
    return put(p, text);
#endif
  return put_xml_escaped_runs(p, text);
}

// Appends put_xml_escaped(text). `Out` is std::string or text_buffer.
inline void append_xml_escaped(text_buffer& out, std::string_view text) {
  out.set_end(put_xml_escaped(out.room(xml_room(text.size())), text));
}
inline void append_xml_escaped(std::string& out, std::string_view text) {
  const std::size_t held = out.size();
  out.resize(held + xml_room(text.size()));
  out.resize(static_cast<std::size_t>(put_xml_escaped(out.data() + held, text) - out.data()));
}

// The most bytes put_csv_field() writes for a field of `n` bytes (every
// byte a quote, doubled, and the two around).
inline constexpr std::size_t csv_room(std::size_t n) { return 2 * n + 2; }

// Whether a CSV field must be quoted: it holds a comma, a quote or a line
// break. Sixteen bytes at a time where SSE2 is at hand, the last 1 to 15 of
// a longer field as its last sixteen, a shorter field one byte at a time.
[[gnu::noinline]] inline bool csv_must_quote_runs(std::string_view field) {
  const char* p = field.data();
  const char* const end = p + field.size();
#if defined(__SSE2__)
  for (; end - p >= 16; p += 16)
    if (csv_hits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)))) return true;
  if (p != end && field.size() >= 16)
    return csv_hits(_mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16))) != 0;
#endif
  for (; p != end; ++p)
    if (csv_special[static_cast<unsigned char>(*p)]) return true;
  return false;
}

// csv_must_quote_runs(field), with a field of fewer than 4 bytes (empty
// fields are many) looked at byte by byte and one of 4 to 15 bytes (most
// others) in one step (load_short), inlined.
[[gnu::always_inline]] inline bool csv_must_quote(std::string_view field) {
#if defined(__SSE2__)
  if (field.size() < 4) {
    for (char c : field)
      if (csv_special[static_cast<unsigned char>(c)]) return true;
    return false;
  }
  if (field.size() < 16) return csv_hits(load_short(field.data(), field.size())) != 0;
#endif
  return csv_must_quote_runs(field);
}

// put_csv_field() for a field that must be quoted.
[[gnu::noinline]] inline char* put_csv_quoted(char* p, std::string_view field) {
  *p++ = '"';
  for (char c : field) {
    *p++ = c;
    if (c == '"') *p++ = '"';
  }
  *p++ = '"';
  return p;
}

// Writes `field` as RFC 4180 wants it at `p`, which has room for
// csv_room(field.size()) bytes, and returns the end: as it is, or quoted
// with its quotes doubled when csv_must_quote(field).
[[gnu::always_inline]] inline char* put_csv_field(char* p, std::string_view field) {
  return csv_must_quote(field) ? put_csv_quoted(p, field) : put(p, field);
}

// Shortest text that reads back as the same number (never an exponent for
// integers; 6-digit printf rounding is what this avoids).
template <typename Number>
std::string number_text(Number value) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : std::string();
}

// The same text in a buffer of its own (number_chars), without a heap string.
template <typename Number>
number_chars number_view(Number value) {
  number_chars out;
  auto [end, ec] = std::to_chars(out.data, out.data + sizeof out.data, value);
  out.size = ec == std::errc() ? static_cast<std::size_t>(end - out.data) : 0;
  return out;
}

// number_view(v), or with `fixed` the shortest fixed-point text (no
// exponent; "0" should to_chars fail), or with `fixed` and a `precision` of
// 0 or more that many digits after the point, for doubles that recur:
// confidences take a few dozen values, edge weights are small counts and
// many entities share a PageRank, while to_chars costs hundreds of
// instructions a double. The texts of recent values are kept per thread in
// a few dozen slots, by the value's bits; the view is valid until the
// calling thread's next call with the same template arguments.
template <bool fixed = false, int precision = -1>
std::string_view real_view(double v) {
  static_assert(fixed || precision < 0);
  struct slot {
    std::uint64_t bits;
    std::uint8_t size;  // 0: empty (a text too long for a slot is not kept)
    char data[31];
  };
  // Trivially constructible, so zero-filled without a guard on each call.
  thread_local slot slots[64];
  thread_local char scratch[400];  // fixed-point text of a large value
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  slot& s = slots[(bits * 0x9E3779B97F4A7C15ULL) >> 58];
  if (s.size != 0 && s.bits == bits) return {s.data, s.size};
  std::to_chars_result r{};
  if constexpr (fixed && precision >= 0)
    r = std::to_chars(scratch, scratch + sizeof scratch, v, std::chars_format::fixed, precision);
  else if constexpr (fixed)
    r = std::to_chars(scratch, scratch + sizeof scratch, v, std::chars_format::fixed);
  else
    r = std::to_chars(scratch, scratch + sizeof scratch, v);
  std::string_view text(scratch, r.ec == std::errc() ? static_cast<std::size_t>(r.ptr - scratch) : 0);
  if (r.ec != std::errc() && fixed) text = "0";
  if (text.empty() || text.size() > sizeof s.data) return text;
  s.bits = bits;
  s.size = static_cast<std::uint8_t>(text.size());
  std::memcpy(s.data, text.data(), text.size());
  return {s.data, s.size};
}

// The PageRank text of every vertex of a graph, real_view(pagerank) (empty
// for one not finite), made once per graph and shared by the exporters that
// write it (GraphML, GEXF, nodes.csv; pagerank_texts_of): PageRanks are
// nearly all distinct, so real_view keeps few of them, and each costs
// to_chars's hundreds of instructions in every exporter.
class pagerank_texts {
 public:
  explicit pagerank_texts(const graph_type& g) {
    const std::size_t n = boost::num_vertices(g);
    ends_.reserve(n);
    chars_.reserve(n * 20);
    for (std::size_t v = 0; v < n; ++v) {
      const double rank = g[v].pagerank;
      char buf[32];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rank);
      if (std::isfinite(rank) && ec == std::errc()) chars_.append(buf, end);
      ends_.push_back(chars_.size());
    }
  }
  std::string_view operator[](vertex_id v) const {
    const std::size_t begin = v == 0 ? 0 : ends_[v - 1];
    return std::string_view(chars_).substr(begin, ends_[v] - begin);
  }

 private:
  std::string chars_;               // the texts one after another
  std::vector<std::size_t> ends_;   // where each vertex's text ends in chars_
};

inline std::shared_ptr<const pagerank_texts> pagerank_texts_of(const knowledge_graph& kg) {
  return kg.derived<pagerank_texts>([&] { return pagerank_texts(kg.graph()); });
}

// The list separator of every tabular output.
inline constexpr std::string_view list_separator = " | ";

// Appends `items` joined by list_separator.
template <typename Range>
void append_joined(std::string& out, const Range& items) {
  const std::size_t start = out.size();
  for (const auto& item : items) {
    if (out.size() != start) out += list_separator;
    out += item;
  }
}

// The text `write(buffer)` appends to an empty buffer of the calling
// thread; valid until the next call from the same place.
template <typename Write>
std::string_view scratch_text(Write&& write) {
  thread_local std::string scratch;
  scratch.clear();
  write(scratch);
  return scratch;
}

// append_joined()'s text (scratch_text()).
template <typename Range>
std::string_view joined_view(const Range& items) {
  return scratch_text([&](std::string& out) { append_joined(out, items); });
}

// joined_view(kg.doc_ids(docs)) and joined_view(kg.rule_ids(rules)), with
// no list to sort for the commonest case, a single id, nor a list of views
// for the others.
inline std::string_view joined_doc_ids(const knowledge_graph& kg, std::span<const doc_number> docs) {
  if (docs.size() == 1) return kg.doc_id(docs[0]);
  return scratch_text([&](std::string& out) { kg.append_doc_ids(out, docs, list_separator); });
}
inline std::string_view joined_rule_ids(const knowledge_graph& kg, std::span<const std::uint32_t> rules) {
  if (rules.size() == 1) return kg.rule_id(rules[0]);
  return scratch_text([&](std::string& out) { kg.append_rule_ids(out, rules, list_separator); });
}

// A full date, "YYYY-MM-DD", or none (empty), held in place rather than
// in a heap string.
struct full_day {
  char text[10];
  std::uint8_t size = 0;  // 0 or 10
  bool empty() const { return size == 0; }
  operator std::string_view() const { return {text, size}; }
};

// A full date for a statement date of any ISO precision: "2025" ->
// "2025-01-01", "2025-06" -> "2025-06-01", "2025-06-13" unchanged; empty for
// anything else ("June 2022", "2025-13").
inline full_day full_day_of(std::string_view d) {
  // The number written by the `n` digits at d[at], or -1 when one is not a
  // digit (what std::from_chars would read of them, signs and all, checked
  // byte by byte: from_chars costs a call and its checks a date).
  auto number = [d](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      const unsigned digit = static_cast<unsigned char>(d[i]) - unsigned{'0'};
      if (digit > 9) return -1;
      v = 10 * v + static_cast<int>(digit);
    }
    return v;
  };
  auto month_ok = [&] { const int m = number(5, 2); return m >= 1 && m <= 12; };
  full_day out;
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return out;
  if (number(0, 4) < 0) return out;
  if (d.size() == 4 || (d.size() == 7 && d[4] == '-' && month_ok()) ||
      (d.size() == 10 && d[4] == '-' && d[7] == '-' && month_ok() && number(8, 2) >= 1 && number(8, 2) <= 31)) {
    std::memcpy(out.text, "0000-01-01", 10);
    std::memcpy(out.text, d.data(), d.size());
    out.size = 10;
  }
  return out;
}
inline std::string full_date(std::string_view d) { return std::string(std::string_view(full_day_of(d))); }

// Every attribute of a merged relation of `kg`, in the one order the
// attribute-typed formats (GraphML, GEXF) write them: `w.text`, `w.integer`
// and `w.real` get the attribute's name and value and omit what is absent.
template <typename Writer>
void write_relation_attributes(const knowledge_graph& kg, const relation& r, Writer& w) {
  const auto& a = r.attrs;
  w.text("predicate", r.predicate);
  w.integer("amount", a.amount);
  w.text("currency", a.currency);
  w.integer("jobs", a.jobs);
  w.integer("quantity", a.quantity);
  if (a.stake) w.real("stake", *a.stake);
  w.text("date", a.date);
  w.text("dates", joined_view(r.dates));
  w.text("product", a.product);
  w.text("title", a.title);
  w.text("quote", a.quote);
  w.text("round", a.round);
  w.text("sector", a.sector);
  w.text("docs", joined_doc_ids(kg, r.docs));
  w.text("rules", joined_rule_ids(kg, r.rules));
  w.real("confidence", r.confidence);
}

}  // namespace econkg::detail
