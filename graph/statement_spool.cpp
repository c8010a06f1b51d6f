#include "graph/statement_spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace econkg {

namespace {

// Records are written to the file in blocks of about this size, and read
// back in blocks of at least this size.
constexpr std::size_t block_size = 1 << 18;

std::string system_message() { return std::generic_category().message(errno); }

// Record layout, after the body's 4-byte length: a flags byte (which
// optional numbers are present, and ev.in_title); the evidence offsets as
// varints; the confidence (8 bytes); the numbers present (amount, jobs and
// quantity as zigzag varints, the stake as 8 bytes); the lengths of
// text_fields() as varints, then their bytes; then the entities: the
// lengths of both labels and types, both gazetteer ids and both alias
// counts as varints, the labels' and types' bytes, the gazetteer ids'
// bytes, and each alias as its length (a varint) and bytes. Most numbers are
// small and most texts short or empty, so varints keep a record about
// 100 bytes shorter than fixed-size fields did (the spool is written and
// read back in full, through the page cache, on every build).

// Flags byte.
constexpr std::uint8_t has_amount = 1, has_jobs = 2, has_quantity = 4, has_stake = 8, in_title = 16;

// The texts a record counts, in record order, of a statement or a
// statement_view: the evidence last, the one text readers leave out.
template <typename S>
auto text_fields(S& s) {
  auto& a = s.attrs;
  return std::array{&s.doc,   &s.predicate, &a.currency, &a.date, &a.product, &a.title,
                    &a.quote, &a.round,     &a.sector,   &s.rule, &s.ev.text};
}
constexpr std::size_t evidence_field = 10;

// Writes `v` as a varint (7 bits a byte, low first) at `at` and returns its end.
char* put_varint(char* at, std::uint64_t v) {
  while (v >= 0x80) {
    *at++ = static_cast<char>(static_cast<std::uint8_t>(v) | 0x80);
    v >>= 7;
  }
  *at++ = static_cast<char>(v);
  return at;
}
// Signed numbers as varints: 0, -1, 1, -2… as 0, 1, 2, 3…
std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t v) {
  return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
}

// Writes `n` bytes at `at` and returns their end.
char* put(char* at, const void* bytes, std::size_t n) {
  if (n) std::memcpy(at, bytes, n);  // most attributes are empty
  return at + n;
}
char* put(char* at, const std::string& s) { return put(at, s.data(), s.size()); }

// Reads a record body [at, end) part by part.
class decoder {
 public:
  decoder(const char* at, const char* end) : at_(at), end_(end) {}
  template <typename T>
  void block(T& value) {
    need(sizeof(T));
    std::memcpy(&value, at_, sizeof(T));
    at_ += sizeof(T);
  }
  std::uint64_t varint() {
    // Most are one byte: lengths of short or empty texts, small offsets.
    if (at_ != end_ && !(static_cast<std::uint8_t>(*at_) & 0x80)) return static_cast<std::uint8_t>(*at_++);
    std::uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      need(1);
      const auto byte = static_cast<std::uint8_t>(*at_++);
      v |= std::uint64_t{byte & 0x7fu} << shift;
      if (!(byte & 0x80)) return v;
    }
    throw std::runtime_error("statement spool: bad number");
  }
  // A varint that is a length or a count (of at most 32 bits).
  std::uint32_t length() {
    const std::uint64_t v = varint();
    if (v > std::numeric_limits<std::uint32_t>::max()) throw std::runtime_error("statement spool: bad length");
    return static_cast<std::uint32_t>(v);
  }
  // Throws unless `n` more bytes follow.
  void need(std::uint64_t n) const {
    if (static_cast<std::uint64_t>(end_ - at_) < n) throw std::runtime_error("statement spool: truncated record");
  }
  // The next `n` bytes, which need() has checked.
  const char* take(std::size_t n) {
    const char* p = at_;
    at_ += n;
    return p;
  }

 private:
  const char* at_;
  const char* end_;
};

void assign(std::string& into, const char* p, std::size_t n) { into.assign(p, n); }
void assign(std::string_view& into, const char* p, std::size_t n) { into = std::string_view(p, n); }

// The record body [at, end) into a statement or a statement_view, but for
// the fields `skip` (statement_spool::reader::what flags) leaves out.
template <typename S>
void decode(std::pair<const char*, const char*> body, S& s, unsigned skip) {
  using reader = statement_spool::reader;
  decoder d(body.first, body.second);
  std::uint8_t flags;
  d.block(flags);
  s.ev.start = static_cast<std::size_t>(d.varint());
  s.ev.end = static_cast<std::size_t>(d.varint());
  s.ev.in_title = (flags & in_title) != 0;
  d.block(s.confidence);
  auto& a = s.attrs;
  auto integer = [&](std::optional<std::int64_t>& into, std::uint8_t flag) {
    if (flags & flag)
      into = unzigzag(d.varint());
    else
      into.reset();
  };
  integer(a.amount, has_amount);
  integer(a.jobs, has_jobs);
  integer(a.quantity, has_quantity);
  if (flags & has_stake) {
    double stake;
    d.block(stake);
    a.stake = stake;
  } else {
    a.stake.reset();
  }
  const auto texts = text_fields(s);
  std::array<std::uint32_t, texts.size()> lengths;
  for (auto& n : lengths) n = d.length();
  for (std::size_t i = 0; i < evidence_field; ++i) {
    d.need(lengths[i]);
    assign(*texts[i], d.take(lengths[i]), lengths[i]);
  }
  d.need(lengths[evidence_field]);
  const char* evidence = d.take(lengths[evidence_field]);
  if (!(skip & reader::skip_evidence)) assign(s.ev.text, evidence, lengths[evidence_field]);
  // The entities last: most readers of the graph's statements skip them.
  if (skip & reader::skip_entities) return;
  std::uint32_t label[2], type[2], kb_id[2], aliases[2];
  for (int i = 0; i < 2; ++i) {
    label[i] = d.length();
    type[i] = d.length();
  }
  for (auto& n : kb_id) n = d.length();
  for (auto& n : aliases) n = d.length();
  decltype(&s.subject) ends[2] = {&s.subject, &s.object};
  d.need(std::uint64_t{label[0]} + type[0] + label[1] + type[1]);
  for (int i = 0; i < 2; ++i) {
    assign(ends[i]->label, d.take(label[i]), label[i]);
    assign(ends[i]->type, d.take(type[i]), type[i]);
  }
  if (skip & reader::skip_aliases) return;
  d.need(std::uint64_t{kb_id[0]} + kb_id[1]);
  for (int i = 0; i < 2; ++i) assign(ends[i]->kb_id, d.take(kb_id[i]), kb_id[i]);
  for (int i = 0; i < 2; ++i) {
    ends[i]->aliases.resize(aliases[i]);
    for (auto& alias : ends[i]->aliases) {
      const std::uint32_t n = d.length();
      d.need(n);
      assign(alias, d.take(n), n);
    }
  }
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

char* statement_spool::byte_buffer::room(std::size_t n) {
  if (capacity_ - size_ < n) {
    const std::size_t capacity = std::max(size_ + n, 2 * capacity_);
    auto bytes = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_) std::memcpy(bytes.get(), bytes_.get(), size_);
    bytes_ = std::move(bytes);
    capacity_ = capacity;
  }
  return bytes_.get() + size_;
}

std::uint64_t statement_spool::append(const statement& s) {
  const std::uint64_t offset = size();
  const attributes& a = s.attrs;
  const auto texts = text_fields(s);
  const entity_ref* ends[2] = {&s.subject, &s.object};
  // Room for the record at its largest (every varint at its longest), so
  // that it is written in one pass and its length put in front after.
  constexpr std::size_t longest = 10;  // bytes of a 64-bit varint
  std::size_t room = sizeof(std::uint32_t) + 1 + 2 * longest + sizeof s.confidence + 3 * longest + sizeof(double) +
                     texts.size() * longest;
  for (const std::string* text : texts) room += text->size();
  for (const entity_ref* end : ends) {
    room += 4 * longest + end->label.size() + end->type.size() + end->kb_id.size();
    for (const std::string& alias : end->aliases) room += longest + alias.size();
  }
  char* const start = pending_.room(room);
  char* at = start + sizeof(std::uint32_t);
  *at++ = static_cast<char>((a.amount ? has_amount : 0) | (a.jobs ? has_jobs : 0) | (a.quantity ? has_quantity : 0) |
                            (a.stake ? has_stake : 0) | (s.ev.in_title ? in_title : 0));
  at = put_varint(at, s.ev.start);
  at = put_varint(at, s.ev.end);
  at = put(at, &s.confidence, sizeof s.confidence);
  for (const auto* number : {&a.amount, &a.jobs, &a.quantity})
    if (*number) at = put_varint(at, zigzag(**number));
  if (a.stake) at = put(at, &*a.stake, sizeof(double));
  for (const std::string* text : texts) at = put_varint(at, text->size());
  for (const std::string* text : texts) at = put(at, *text);
  for (const entity_ref* end : ends) at = put_varint(put_varint(at, end->label.size()), end->type.size());
  for (const entity_ref* end : ends) at = put_varint(at, end->kb_id.size());
  for (const entity_ref* end : ends) at = put_varint(at, end->aliases.size());
  for (const entity_ref* end : ends) at = put(put(at, end->label), end->type);
  for (const entity_ref* end : ends) at = put(at, end->kb_id);
  for (const entity_ref* end : ends)
    for (const std::string& alias : end->aliases) at = put(put_varint(at, alias.size()), alias);
  const auto body = static_cast<std::size_t>(at - start) - sizeof(std::uint32_t);
  assert(body + sizeof(std::uint32_t) <= room);
  if (body > std::numeric_limits<std::uint32_t>::max())
    throw std::runtime_error("statement spool: a statement of 4 GiB or more");
  const auto length = static_cast<std::uint32_t>(body);
  put(start, &length, sizeof length);
  pending_.commit(sizeof length + body);
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
  // The bytes from `offset` on that the buffer holds (none when it starts later).
  auto held = [&] {
    return offset >= buffer_start_ && offset - buffer_start_ <= buffer_size_ ? buffer_size_ - (offset - buffer_start_)
                                                                              : 0;
  };
  if (held() < head) load(offset, head);
  const char* at = buffer_.get() + (offset - buffer_start_);
  std::uint32_t length;
  std::memcpy(&length, at, head);
  if (held() - head < length) {
    load(offset, head + length);
    at = buffer_.get();
  }
  return {at + head, at + head + length};
}

void statement_spool::reader::load(std::uint64_t offset, std::size_t n) {
  if (offset + n > spool_.flushed_) throw std::runtime_error("statement spool: truncated record");
  const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(std::max(n, block_size), spool_.flushed_ - offset));
  // Grown without zeroing: the file's bytes overwrite it at once.
  if (size > buffer_capacity_) {
    buffer_.reset(new char[size]);
    buffer_capacity_ = size;
  }
  buffer_start_ = offset;
  buffer_size_ = 0;  // until the read succeeds
  std::size_t done = 0;
  while (done < size) {
    const ssize_t got = ::pread(spool_.fd_, buffer_.get() + done, size - done, static_cast<off_t>(offset + done));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) throw std::runtime_error(spool_.dir_ + ": cannot read a temporary file: " + system_message());
    done += static_cast<std::size_t>(got);
  }
  buffer_size_ = size;
}

}  // namespace econkg
