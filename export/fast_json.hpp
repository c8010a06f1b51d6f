#pragma once
// rapidjson writers whose strings are escaped a run at a time. rapidjson's
// Writer copies a string one byte at a time through its escape table and a
// same-encoding transcoder; the exporters write hundreds of megabytes of
// evidence text, so a run of bytes that need no escape is copied whole here.
// The output is byte for byte rapidjson's (same escape table, same
// upper-case \u00XX, UTF-8 bytes passed through): tests/test_export.cpp
// compares both writers on every byte value.
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <type_traits>
#include <cstring>
#include <initializer_list>
#include <string_view>

#include "export/copy_bytes.hpp"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace econkg::json {

// rapidjson's escape table (writer.h, WriteString): 0 for a byte copied as it
// is, else the letter after the backslash ('u' for \u00XX).
inline constexpr std::array<char, 256> escape_table = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['\b'] = 'b';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\f'] = 'f';
  t['\r'] = 'r';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}();

// Writes `n` copies of `c` at `p` (an indentation).
inline char* put_fill(char* p, char c, std::size_t n) {
  static constexpr char spaces[] = "                                ";  // 32
  if (c == ' ' && n < sizeof spaces) detail::copy_bytes(p, spaces, n);
  else std::memset(p, c, n);
  return p + n;
}

// Appends `s` quoted and escaped as rapidjson's Writer<StringBuffer> would.
// Room for the longest result is taken at once and what is left over given
// back, so that bytes are stored without a capacity check each; plain bytes
// are copied sixteen at a time where SSE2 is there, and the copy stops at the
// first byte escape_table escapes (a control character, '"' or '\\').
inline void append_string(rapidjson::StringBuffer& out, const char* s, std::size_t n) {
  static constexpr char hex[] = "0123456789ABCDEF";
  const std::size_t room = 2 + 6 * n;
  char* const start = out.Push(room);
  char* p = start;
  *p++ = '"';
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1F);
  // A string of 4 to 15 bytes (most keys' values: ids, types, numbers as
  // text, short labels) is looked at in one step: its first and last 8 (or
  // 4) bytes, which overlap and between them cover it, read into one
  // register without reading past its end. With nothing to escape it is
  // copied whole; else the loop below takes it from its first byte.
  if (n >= 4 && n < 16) {
    __m128i v;
    if (n >= 8) {
      std::uint64_t head, tail;
      std::memcpy(&head, s, 8);
      std::memcpy(&tail, s + n - 8, 8);
      v = _mm_set_epi64x(static_cast<long long>(tail), static_cast<long long>(head));
    } else {
      std::uint32_t head, tail;
      std::memcpy(&head, s, 4);
      std::memcpy(&tail, s + n - 4, 4);
      v = _mm_set_epi32(static_cast<int>(tail), static_cast<int>(head), static_cast<int>(tail),
                        static_cast<int>(head));  // each lane a byte of the string
    }
    const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, control), v),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (!_mm_movemask_epi8(hit)) {
      detail::copy_bytes(p, s, n);
      p += n;
      i = n;
    }
  }
#endif
  for (;;) {
#if defined(__SSE2__)
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(p), v);  // room holds it: 16 <= 6 * (n - i)
      // v <= 0x1F (unsigned) exactly when min(v, 0x1F) == v.
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, control), v),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      if (const int mask = _mm_movemask_epi8(hit)) {
        const auto k = static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        i += k;
        p += k;
        break;
      }
      i += 16;
      p += 16;
    }
    // Fewer than 16 bytes left of a longer string: the string's last 16
    // bytes are checked at once, and the plain run copied.
    if (i < n && n - i < 16 && n >= 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + n - 16));
      const __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, control), v),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
      const std::size_t left = n - i;  // 1 to 15; the bytes before them were looked at already
      const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(hit)) >> (16 - left);
      const std::size_t k = mask ? static_cast<std::size_t>(__builtin_ctz(mask)) : left;
      detail::copy_bytes(p, s + i, k);
      i += k;
      p += k;
    }
#endif
    while (i < n && !escape_table[static_cast<unsigned char>(s[i])]) *p++ = s[i++];
    if (i == n) break;
    const auto c = static_cast<unsigned char>(s[i++]);
    const char e = escape_table[c];
    *p++ = '\\';
    *p++ = e;
    if (e == 'u') {
      *p++ = '0';
      *p++ = '0';
      *p++ = hex[c >> 4];
      *p++ = hex[c & 0xF];
    }
  }
  *p++ = '"';
  out.Pop(room - static_cast<std::size_t>(p - start));
}

// Writes `s` quoted at `p`, which has room for it, and returns the end.
inline char* put_quoted(char* p, std::string_view s) {
  *p++ = '"';
  detail::copy_bytes(p, s.data(), s.size());
  p += s.size();
  *p++ = '"';
  return p;
}

// Appends `s` quoted, for text that needs no escaping (no control
// character, '"' or '\\'): names the program spells out, such as keys.
inline void append_plain(rapidjson::StringBuffer& out, std::string_view s) {
  put_quoted(out.Push(s.size() + 2), s);
}

// A member of a flat object of strings (object_of_strings()).
struct string_member {
  std::string_view key, value;
};

// One JSON object written byte by byte as rapidjson's Writer (`pretty`
// false) or PrettyWriter (`pretty` true, indenting by `unit` copies of
// `indent_char`) would write it with StartObject(), Key(), String() and
// EndObject(), but without their state machine: the caller knows the
// object's shape, so each member is sized and stored in one step. Keys,
// and values given to plain_member() and flat_member(), must need no
// escaping (append_plain()). Made by string_writer::object_value().
template <bool pretty>
class object_text {
 public:
  // `depth`: the containers open around the object.
  object_text(rapidjson::StringBuffer& out, std::size_t depth, char indent_char, std::size_t unit)
      : out_(out), indent_char_(indent_char), unit_(unit) {
    *out_.Push(1) = '{';
    level_ = depth + 1;
  }
  object_text(const object_text&) = delete;
  object_text& operator=(const object_text&) = delete;

  // The member's key; a value method must follow.
  void key(std::string_view k) { member_key(k); }
  void plain_member(std::string_view k, std::string_view v) {
    char* p = member_key(k, v.size() + 2);
    put_quoted(p, v);
  }
  void escaped_member(std::string_view k, std::string_view v) {
    member_key(k);
    append_string(out_, v.data(), v.size());
  }
  // A member whose value is number text (number_text(), double_text()), unquoted.
  void number_member(std::string_view k, std::string_view text) {
    char* p = member_key(k, text.size());
    detail::copy_bytes(p, text.data(), text.size());
  }
  // A member whose value is JSON text made beforehand (say by another
  // object_text), copied as it is.
  void raw_member(std::string_view k, std::string_view json_text) {
    char* p = member_key(k, json_text.size());
    detail::copy_bytes(p, json_text.data(), json_text.size());
  }
  // A member whose value is a flat object of strings (string_writer::object_member()).
  void flat_member(std::string_view k, std::initializer_list<string_member> members) {
    // The members' indentation and the closing brace's.
    const std::size_t inner = pretty ? (level_ + 1) * unit_ : 0, outer = pretty ? level_ * unit_ : 0;
    constexpr std::size_t colon = pretty ? 2 : 1, line = pretty ? 1 : 0;
    std::size_t size = 2 + (members.size() ? line + outer : 0);
    for (const string_member& m : members) size += 1 + line + inner + m.key.size() + 4 + colon + m.value.size();
    size -= members.size() ? 1 : 0;  // no comma before the first member
    char* p = member_key(k, size);
    *p++ = '{';
    bool first = true;
    for (const string_member& m : members) {
      if (!first) *p++ = ',';
      first = false;
      if constexpr (pretty) {
        *p++ = '\n';
        p = put_fill(p, indent_char_, inner);
      }
      p = put_quoted(p, m.key);
      *p++ = ':';
      if constexpr (pretty) *p++ = ' ';
      p = put_quoted(p, m.value);
    }
    if constexpr (pretty) {
      if (!first) {
        *p++ = '\n';
        p = put_fill(p, indent_char_, outer);
      }
    }
    *p = '}';
  }
  // A member whose value is an object, written until end_object().
  void begin_object(std::string_view k) {
    char* p = member_key(k, 1);
    *p = '{';
    ++level_;
    first_ = true;
  }
  // Ends the object the last begin_object() began, or, once each of those
  // has ended, this object.
  void end_object() {
    --level_;
    const std::size_t outer = pretty ? level_ * unit_ : 0;
    char* p = out_.Push(pretty ? (first_ ? 1 : 2 + outer) : 1);
    if constexpr (pretty) {
      if (!first_) {
        *p++ = '\n';
        p = put_fill(p, indent_char_, outer);
      }
    }
    *p = '}';
    first_ = false;  // the enclosing object has a member now
  }

 private:
  // Stores the member's separator, indentation, quoted key and colon, and
  // room for `value` more bytes, and returns where the value goes.
  char* member_key(std::string_view k, std::size_t value = 0) {
    const std::size_t indent = pretty ? level_ * unit_ : 0;
    constexpr std::size_t colon = pretty ? 2 : 1, line = pretty ? 1 : 0;
    const std::size_t comma = first_ ? 0 : 1;
    char* p = out_.Push(comma + line + indent + k.size() + 2 + colon + value);
    if (!first_) *p++ = ',';
    first_ = false;
    if constexpr (pretty) {
      *p++ = '\n';
      p = put_fill(p, indent_char_, indent);
    }
    p = put_quoted(p, k);
    *p++ = ':';
    if constexpr (pretty) *p++ = ' ';
    return p;
  }

  rapidjson::StringBuffer& out_;
  char indent_char_;
  std::size_t unit_;
  std::size_t level_;   // containers open, this object's own included
  bool first_ = true;   // no member yet in the innermost open object
};

using detail::number_chars;  // a number's text in a buffer of its own

// An integer as rapidjson's Int64() and Uint64() write it (the shortest
// decimal digits, as std::to_chars gives them).
template <typename Integer>
number_chars number_text(Integer v) {
  number_chars out;
  out.size = static_cast<std::size_t>(std::to_chars(out.data, out.data + sizeof out.data, v).ptr - out.data);
  return out;
}

// A finite double as rapidjson's Writer::Double() writes it (its own dtoa,
// with the default decimal places), the texts of recent values kept per
// thread by the value's bits: statement confidences take a few dozen
// values. Valid until the calling thread's next call.
inline std::string_view double_text(double v) {
  struct slot {
    std::uint64_t bits;
    std::uint8_t size;  // 0: empty
    char data[31];
  };
  thread_local slot slots[64];  // trivially constructible: zero-filled, no guard per call
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  slot& s = slots[(bits * 0x9E3779B97F4A7C15ULL) >> 58];
  if (s.size == 0 || s.bits != bits) {
    char buffer[25];  // as Writer::WriteDouble
    const char* end =
        rapidjson::internal::dtoa(v, buffer, rapidjson::Writer<rapidjson::StringBuffer>::kDefaultMaxDecimalPlaces);
    s.bits = bits;
    s.size = static_cast<std::uint8_t>(end - buffer);
    std::memcpy(s.data, buffer, s.size);
  }
  return {s.data, s.size};
}

// rapidjson's Writer (one line) or PrettyWriter (indented) with the string
// methods above: `Base` is rapidjson::Writer<StringBuffer> or
// rapidjson::PrettyWriter<StringBuffer>.
template <class Base>
class string_writer : public Base {
  static constexpr bool pretty = std::is_same_v<Base, rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

 public:
  using Base::Base;
  // The same as StartObject(), Key() and String() for each member (whose
  // key and value need no escaping: append_plain()), then EndObject(),
  // written in one go (same line breaks and indentation); never the root
  // value.
  void object_of_strings(std::initializer_list<string_member> members) {
    prefix(rapidjson::kObjectType);
    object_body(members);
  }
  // A member of the current object in one go, the key needing no escaping:
  // the same as plain_key(k) and then plain_string(v), String(v) or
  // object_of_strings(members), without the value's own prefix step (after
  // a key it is always the same, ":" or ": ").
  void plain_member(std::string_view k, std::string_view v) {
    member_key(k);
    append_plain(*this->os_, v);
  }
  void escaped_member(std::string_view k, std::string_view v) {
    member_key(k);
    append_string(*this->os_, v.data(), v.size());
  }
  void object_member(std::string_view k, std::initializer_list<string_member> members) {
    member_key(k);
    object_body(members);
  }
  // An object value (an element of the current array, or the value after
  // a key), written by `body` through an object_text, which writes the
  // opening brace; `body` must end it with object_text::end_object().
  template <typename Body>
  void object_value(Body&& body) {
    prefix(rapidjson::kObjectType);
    std::size_t indent_unit = 0;
    char indent_char = ' ';
    if constexpr (pretty) {
      indent_unit = this->indentCharCount_;
      indent_char = this->indentChar_;
    }
    object_text<pretty> text(*this->os_, this->level_stack_.GetSize() / sizeof(typename Base::Level), indent_char,
                             indent_unit);
    body(text);
  }
  // Key(k) for a key that needs no escaping (append_plain()).
  void plain_key(std::string_view k) {
    prefix(rapidjson::kStringType);
    append_plain(*this->os_, k);
  }
  // String(v) for a value that needs no escaping (append_plain()).
  void plain_string(std::string_view v) {
    prefix(rapidjson::kStringType);
    append_plain(*this->os_, v);
  }
  bool String(const char* s, rapidjson::SizeType n, bool = false) {
    prefix(rapidjson::kStringType);
    append_string(*this->os_, s, n);
    return this->EndValue(true);
  }
  bool String(const char* s) { return String(s, static_cast<rapidjson::SizeType>(std::strlen(s))); }
  bool Key(const char* s, rapidjson::SizeType n, bool = false) { return String(s, n); }
  bool Key(const char* s) { return String(s); }

 private:
  void prefix(rapidjson::Type type) {
    if constexpr (pretty) this->PrettyPrefix(type);
    else this->Prefix(type);
  }
  // The key's prefix and the key, quoted, then what rapidjson puts before
  // the value that follows a key, which is counted as written.
  void member_key(std::string_view k) {
    prefix(rapidjson::kStringType);
    constexpr std::size_t colon = pretty ? 2 : 1;
    char* p = put_quoted(this->os_->Push(k.size() + 2 + colon), k);
    *p = ':';
    if constexpr (pretty) p[1] = ' ';
    ++this->level_stack_.template Top<typename Base::Level>()->valueCount;
  }
  // object_of_strings() after its prefix: sized first, then written with
  // one reservation rather than a capacity check per byte.
  void object_body(std::initializer_list<string_member> members) {
    std::size_t inner = 0, outer = 0;  // indentation of the members and of the closing brace
    if constexpr (pretty) {
      outer = this->level_stack_.GetSize() / sizeof(typename Base::Level) * this->indentCharCount_;
      inner = outer + this->indentCharCount_;
    }
    constexpr std::size_t colon = pretty ? 2 : 1, line = pretty ? 1 : 0;
    std::size_t size = 2 + (members.size() ? line + outer : 0);
    for (const string_member& m : members) size += 1 + line + inner + m.key.size() + 4 + colon + m.value.size();
    size -= members.size() ? 1 : 0;  // no comma before the first member
    char* p = this->os_->Push(size);
    *p++ = '{';
    bool first = true;
    for (const string_member& m : members) {
      if (!first) *p++ = ',';
      first = false;
      if constexpr (pretty) {
        *p++ = '\n';
        p = put_fill(p, this->indentChar_, inner);
      }
      p = put_quoted(p, m.key);
      *p++ = ':';
      if constexpr (pretty) *p++ = ' ';
      p = put_quoted(p, m.value);
    }
    if constexpr (pretty) {
      if (!first) {
        *p++ = '\n';
        p = put_fill(p, this->indentChar_, outer);
      }
    }
    *p = '}';
  }
};

// One JSON text on one line (triples.jsonl, graph.jsonld's context, graph.ndjson).
using line_writer = string_writer<rapidjson::Writer<rapidjson::StringBuffer>>;
// Indented JSON. No output uses it since graph.jsonld became a node a line;
// the tests still check it against rapidjson's PrettyWriter.
using pretty_writer = string_writer<rapidjson::PrettyWriter<rapidjson::StringBuffer>>;

}  // namespace econkg::json
