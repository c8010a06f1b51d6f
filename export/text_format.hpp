#pragma once
// Text helpers shared by the exporters (internal to export/): XML escaping,
// exact number text, joined lists. Pure functions, thread-safe.
#include <array>
#include <charconv>
#include <cstring>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "export/copy_bytes.hpp"
#include "graph/knowledge_graph.hpp"

namespace econkg::detail {

// Outputs are built in a string and handed to the stream whenever it holds
// this much, so that no output is ever held whole in memory.
inline constexpr std::size_t write_block = 1 << 20;

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

// Bytes append_xml_escaped() does not copy as they are: markup characters
// and the C0 controls. A table, looked up once a byte, rather than six
// comparisons a byte.
inline constexpr std::array<bool, 256> xml_special = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  for (unsigned char c : {'&', '<', '>', '"', '\''}) t[c] = true;
  return t;
}();

// The first byte in [p, end) that xml_special marks, or `end`: sixteen
// bytes at a time where SSE2 is at hand (the same bytes: the C0 controls and
// the five markup characters); fewer than sixteen left of a text
// [begin, end) of at least sixteen, its last sixteen at once (those before
// p were looked at already), else the rest one at a time.
inline const char* find_xml_special(const char* const begin, const char* p, const char* const end) {
#if defined(__SSE2__)
  const __m128i control = _mm_set1_epi8(0x1F);
  const __m128i amp = _mm_set1_epi8('&'), lt = _mm_set1_epi8('<'), gt = _mm_set1_epi8('>'),
                quot = _mm_set1_epi8('"'), apos = _mm_set1_epi8('\'');
  auto hits = [&](const char* at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
    // v <= 0x1F (unsigned) exactly when min(v, 0x1F) == v.
    const __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, control), v), _mm_cmpeq_epi8(v, amp)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, gt)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, quot), _mm_cmpeq_epi8(v, apos))));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  while (end - p >= 16) {
    if (const unsigned mask = hits(p)) return p + __builtin_ctz(mask);
    p += 16;
  }
  if (p != end && end - begin >= 16) {
    const auto left = static_cast<unsigned>(end - p);  // 1 to 15
    const unsigned mask = hits(end - 16) >> (16 - left);
    return mask ? p + __builtin_ctz(mask) : end;
  }
#else
  (void)begin;
#endif
  while (p != end && !xml_special[static_cast<unsigned char>(*p)]) ++p;
  return p;
}

// Escapes text for XML element content and attribute values, and drops the
// control characters XML 1.0 cannot carry at all (a stray form feed in an
// article must not make the whole file unreadable). Runs of ordinary bytes
// are copied whole.
// `Out` is std::string or text_buffer.
template <typename Out>
void append_xml_escaped(Out& out, std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  while (p != end) {
    const char* run = p;
    p = find_xml_special(text.data(), p, end);
    if (p != run) out.append(run, static_cast<std::size_t>(p - run));
    if (p == end) break;
    switch (*p) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;  // a raw CR would be normalised away by readers
      case '\n': out += "&#10;"; break;  // kept in attribute values too
      case '\t': out += "&#9;"; break;
      default: break;                    // other controls: dropped
    }
    ++p;
  }
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
// exponent; "0" should to_chars fail), for doubles that recur: confidences
// take a few dozen values and edge weights are small counts, while to_chars
// costs hundreds of instructions a double. The texts of recent values are
// kept per thread in a few dozen slots, by the value's bits; the view is
// valid until the calling thread's next call.
template <bool fixed = false>
std::string_view real_view(double v) {
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
  if constexpr (fixed) r = std::to_chars(scratch, scratch + sizeof scratch, v, std::chars_format::fixed);
  else r = std::to_chars(scratch, scratch + sizeof scratch, v);
  std::string_view text(scratch, r.ec == std::errc() ? static_cast<std::size_t>(r.ptr - scratch) : 0);
  if (r.ec != std::errc() && fixed) text = "0";
  if (text.empty() || text.size() > sizeof s.data) return text;
  s.bits = bits;
  s.size = static_cast<std::uint8_t>(text.size());
  std::memcpy(s.data, text.data(), text.size());
  return {s.data, s.size};
}

// "n12", "e3": a one-letter prefix and a number, in a buffer of its own.
inline number_chars tagged(char prefix, std::size_t number) {
  number_chars out;
  out.data[0] = prefix;
  out.size = static_cast<std::size_t>(std::to_chars(out.data + 1, out.data + sizeof out.data, number).ptr - out.data);
  return out;
}

// Items joined by " | ", the list separator of every tabular output.
template <typename Range>
std::string joined(const Range& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += " | ";
    out += item;
  }
  return out;
}

// Appends exactly what joined(items) gives.
template <typename Range>
void append_joined(std::string& out, const Range& items) {
  const std::size_t start = out.size();
  for (const auto& item : items) {
    if (out.size() != start) out += " | ";
    out += item;
  }
}

// joined(items) in a buffer of the calling thread, valid until its next call.
template <typename Range>
std::string_view joined_view(const Range& items) {
  thread_local std::string scratch;
  scratch.clear();
  append_joined(scratch, items);
  return scratch;
}

// joined_view(kg.doc_ids(docs)) and joined_view(kg.rule_ids(rules)), with
// no list to sort for the commonest case, a single id.
inline std::string_view joined_doc_ids(const knowledge_graph& kg, const std::vector<doc_number>& docs) {
  if (docs.size() == 1) return kg.doc_id(docs[0]);
  return joined_view(kg.doc_ids(docs));
}
inline std::string_view joined_rule_ids(const knowledge_graph& kg, const std::vector<std::uint32_t>& rules) {
  if (rules.size() == 1) return kg.rule_id(rules[0]);
  return joined_view(kg.rule_ids(rules));
}

// A full date for a statement date of any ISO precision: "2025" ->
// "2025-01-01", "2025-06" -> "2025-06-01", "2025-06-13" unchanged; empty for
// anything else ("June 2022", "2025-13").
inline std::string full_date(std::string_view d) {
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
}

// Every attribute of a merged relation of `kg`, in the one order the
// attribute-typed formats (GraphML, GEXF) write them: `w.text`, `w.integer`
// and `w.real` get the attribute's name and value and omit what is absent.
template <typename Writer>
void write_relation_attributes(const knowledge_graph& kg, const relation& r, Writer& w) {
  const attributes& a = r.attrs;
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
