#include "graph/statement_spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <type_traits>

namespace econkg {

namespace {

// Records are written to the file in blocks of about this size, and read
// back in blocks of at least this size.
constexpr std::size_t block_size = 1 << 20;

std::string system_message() { return std::generic_category().message(errno); }

// Writes record fields to memory from `at` on (`counting` false), or only
// counts their bytes (`counting` true), so that a record is sized once and
// then written in place, without growing a string field by field. Two
// types rather than a null pointer: counting is then only additions.
template <bool counting>
class encoder {
 public:
  explicit encoder(char* at = nullptr) : at_(at) {}
  std::size_t size() const { return size_; }
  // The encoder writes every field.
  static constexpr bool skips_entities() { return false; }

  template <typename T>
    requires std::is_arithmetic_v<T>
  void field(const T& value) {
    put(&value, sizeof(T));
  }
  void field(const std::string& s) {
    field(static_cast<std::uint32_t>(s.size()));
    put(s.data(), s.size());
  }
  template <typename T>
  void field(const std::optional<T>& value) {
    field(value.has_value());
    if (value) field(*value);
  }
  void field(const std::vector<std::string>& items) {
    field(static_cast<std::uint32_t>(items.size()));
    for (const std::string& s : items) field(s);
  }
  // Fields a decoder may leave out: written like any other.
  void evidence_text(const std::string& s) { field(s); }
  template <typename T>
  void entity_field(const T& value) { field(value); }
  template <typename T>
  void alias_field(const T& value) { field(value); }

 private:
  void put(const void* bytes, std::size_t n) {
    if constexpr (!counting)
      if (n) std::memcpy(at_ + size_, bytes, n);
    size_ += n;
  }
  char* at_;
  std::size_t size_ = 0;
};

// Reads record fields back from [at, end).
class decoder {
 public:
  decoder(const char* at, const char* end, unsigned skip = 0) : at_(at), end_(end), skip_(skip) {}

  template <typename T>
    requires std::is_arithmetic_v<T>
  void field(T& value) {
    need(sizeof(T));
    std::memcpy(&value, at_, sizeof(T));
    at_ += sizeof(T);
  }
  void field(std::string& s) {
    std::uint32_t n = 0;
    field(n);
    if (n == 0) {  // most attributes
      s.clear();
      return;
    }
    need(n);
    s.assign(at_, n);
    at_ += n;
  }
  template <typename T>
  void field(std::optional<T>& value) {
    bool present = false;
    field(present);
    if (!present) {
      value.reset();
      return;
    }
    T v{};
    field(v);
    value = v;
  }
  void field(std::string_view& s) {
    std::uint32_t n = 0;
    field(n);
    need(n);
    s = {at_, n};
    at_ += n;
  }
  template <typename String>
  void field(std::vector<String>& items) {
    std::uint32_t n = 0;
    field(n);
    items.resize(n);
    for (String& s : items) field(s);
  }
  // Whether the entities, which come last in a record, are left out: the
  // decoder then stops before them.
  bool skips_entities() const { return skip_ & statement_spool::reader::skip_entities; }
  // Fields that statement_spool::reader::what may leave out.
  template <typename T>
  void evidence_text(T& s) {
    skip_ & statement_spool::reader::skip_evidence ? skip(s) : field(s);
  }
  template <typename T>
  void entity_field(T& value) {
    skip_ & statement_spool::reader::skip_entities ? skip(value) : field(value);
  }
  template <typename T>
  void alias_field(T& value) {
    skip_ & (statement_spool::reader::skip_entities | statement_spool::reader::skip_aliases) ? skip(value)
                                                                                            : field(value);
  }

 private:
  void skip_string() {
    std::uint32_t n = 0;
    field(n);
    need(n);
    at_ += n;
  }
  // Passes over a field of the type of the argument, which keeps its value.
  template <typename String>
  void skip(const String&) {
    skip_string();
  }
  template <typename String>
  void skip(const std::vector<String>&) {
    std::uint32_t n = 0;
    field(n);
    for (std::uint32_t i = 0; i < n; ++i) skip_string();
  }
  void need(std::size_t n) const {
    if (static_cast<std::size_t>(end_ - at_) < n) throw std::runtime_error("statement spool: truncated record");
  }
  const char* at_;
  const char* end_;
  unsigned skip_;  // statement_spool::reader::what flags
};

// Every field of a statement, in record order, for the encoder (`S` const)
// and the decoder alike, so that the two cannot disagree.
template <typename Codec, typename S>
void fields(Codec& c, S& s) {
  c.field(s.doc);
  c.field(s.predicate);
  auto& a = s.attrs;
  c.field(a.amount);
  c.field(a.currency);
  c.field(a.jobs);
  c.field(a.quantity);
  c.field(a.stake);
  for (auto* text : {&a.date, &a.product, &a.title, &a.quote, &a.round, &a.sector}) c.field(*text);
  c.evidence_text(s.ev.text);
  c.field(s.ev.start);
  c.field(s.ev.end);
  c.field(s.ev.in_title);
  c.field(s.confidence);
  c.field(s.rule);
  // The entities last: most readers of the graph's statements skip them,
  // and stop here rather than pass over them field by field.
  if (c.skips_entities()) return;
  for (auto* e : {&s.subject, &s.object}) {
    c.entity_field(e->label);
    c.entity_field(e->type);
    c.alias_field(e->aliases);
    c.alias_field(e->kb_id);
  }
}

// The record body after its 4-byte length, into a statement or a statement_view.
template <typename S>
void decode(std::pair<const char*, const char*> body, S& s, unsigned skip) {
  decoder d(body.first, body.second, skip);
  fields(d, s);
}

}  // namespace

statement_spool::statement_spool(const std::filesystem::path& dir) : dir_(dir.string()) {
  std::string name = (dir / ".econkg-statements-XXXXXX").string();
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) throw std::runtime_error(dir_ + ": cannot create a temporary file: " + system_message());
  // Unnamed from now on: the file goes away with the descriptor.
  ::unlink(name.c_str());
}

statement_spool::~statement_spool() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t statement_spool::append(const statement& s) {
  const std::uint64_t offset = size();
  encoder<true> count;
  fields(count, s);
  const auto length = static_cast<std::uint32_t>(count.size());
  const std::size_t start = pending_.size();
  pending_.resize(start + sizeof length + length);
  char* const at = pending_.data() + start;
  std::memcpy(at, &length, sizeof length);
  encoder<false> e(at + sizeof length);
  fields(e, s);
  // Whole records only reach the file, so a reader finds each record either
  // in the file or in pending_.
  if (pending_.size() >= block_size) flush();
  return offset;
}

void statement_spool::flush() {
  std::size_t done = 0;
  while (done < pending_.size()) {
    const ssize_t n = ::write(fd_, pending_.data() + done, pending_.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(dir_ + ": cannot write a temporary file: " + system_message());
    done += static_cast<std::size_t>(n);
  }
  flushed_ += pending_.size();
  pending_.clear();
}

void statement_spool::reader::read(std::uint64_t offset, statement& into, unsigned fields) {
  decode(record(offset), into, fields);
}

void statement_spool::reader::read(std::uint64_t offset, statement_view& into, unsigned fields) {
  decode(record(offset), into, fields);
}

std::pair<const char*, const char*> statement_spool::reader::record(std::uint64_t offset) {
  constexpr std::size_t head = sizeof(std::uint32_t);
  if (offset >= spool_.flushed_) {
    // Not yet in the file.
    const char* at = spool_.pending_.data() + (offset - spool_.flushed_);
    const char* end = spool_.pending_.data() + spool_.pending_.size();
    if (static_cast<std::size_t>(end - at) < head) throw std::runtime_error("statement spool: bad position");
    std::uint32_t length;
    std::memcpy(&length, at, head);
    if (static_cast<std::size_t>(end - at) - head < length) throw std::runtime_error("statement spool: truncated record");
    return {at + head, at + head + length};
  }
  // Makes [offset, offset + n) part of the buffer, reading a block from the file if needed.
  auto ensure = [&](std::size_t n) {
    if (offset >= buffer_start_ && offset + n <= buffer_start_ + buffer_.size()) return;
    if (offset + n > spool_.flushed_) throw std::runtime_error("statement spool: truncated record");
    buffer_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(std::max(n, block_size), spool_.flushed_ - offset)));
    buffer_start_ = offset;
    std::size_t done = 0;
    while (done < buffer_.size()) {
      const ssize_t got = ::pread(spool_.fd_, buffer_.data() + done, buffer_.size() - done,
                                  static_cast<off_t>(offset + done));
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) throw std::runtime_error(spool_.dir_ + ": cannot read a temporary file: " + system_message());
      done += static_cast<std::size_t>(got);
    }
  };
  ensure(head);
  std::uint32_t length;
  std::memcpy(&length, buffer_.data() + (offset - buffer_start_), head);
  ensure(head + length);
  const char* at = buffer_.data() + (offset - buffer_start_) + head;
  return {at, at + length};
}

}  // namespace econkg
