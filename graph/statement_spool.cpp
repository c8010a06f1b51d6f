#include "graph/statement_spool.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <system_error>

namespace econkg {

namespace {

// Records are written to the file in blocks of about this size, and read
// back in blocks of at least this size.
constexpr std::size_t block_size = 1 << 20;

std::string system_message() { return std::generic_category().message(errno); }

// Record layout, after the body's 4-byte length: a fixed-size head with
// every number and every text's length, the texts' bytes, then a fixed-size
// head for the two entities, their labels and types, their gazetteer ids,
// their aliases' lengths and their aliases' bytes. Heads are copied whole,
// not field by field, and a reader checks each part's size once rather than
// before every field.
struct record_head {
  std::int64_t amount, jobs, quantity;
  double stake;
  std::uint64_t ev_start, ev_end;
  double confidence;
  std::uint32_t lengths[11];  // of text_fields(), in that order
  std::uint32_t flags;        // which optionals are present, and ev.in_title
};
// No padding: every byte of a head is set, so the file holds no stray memory.
static_assert(sizeof(record_head) == 7 * 8 + 12 * 4);

// record_head::flags.
constexpr std::uint32_t has_amount = 1, has_jobs = 2, has_quantity = 4, has_stake = 8, in_title = 16;

// The texts a record_head counts, in record order, of a statement or a
// statement_view: the evidence last, the one text readers leave out.
template <typename S>
auto text_fields(S& s) {
  auto& a = s.attrs;
  return std::array{&s.doc,   &s.predicate, &a.currency, &a.date, &a.product, &a.title,
                    &a.quote, &a.round,     &a.sector,   &s.rule, &s.ev.text};
}
constexpr std::size_t evidence_field = 10;

// The entities' head: each part's length for the subject ([0]) and the
// object ([1]); their aliases as a count, each alias's length following the
// gazetteer ids.
struct entity_head {
  std::uint32_t label[2], type[2], kb_id[2], aliases[2];
};
static_assert(sizeof(entity_head) == 8 * 4);


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
template <typename T>
void assign(std::optional<T>& into, bool present, T value) {
  if (present)
    into = value;
  else
    into.reset();
}

// The record body [at, end) into a statement or a statement_view, but for
// the fields `skip` (statement_spool::reader::what flags) leaves out.
template <typename S>
void decode(std::pair<const char*, const char*> body, S& s, unsigned skip) {
  using reader = statement_spool::reader;
  decoder d(body.first, body.second);
  record_head h;
  d.block(h);
  const auto texts = text_fields(s);
  for (std::size_t i = 0; i < evidence_field; ++i) {
    d.need(h.lengths[i]);
    assign(*texts[i], d.take(h.lengths[i]), h.lengths[i]);
  }
  d.need(h.lengths[evidence_field]);
  const char* evidence = d.take(h.lengths[evidence_field]);
  if (!(skip & reader::skip_evidence)) assign(s.ev.text, evidence, h.lengths[evidence_field]);
  auto& a = s.attrs;
  assign(a.amount, (h.flags & has_amount) != 0, h.amount);
  assign(a.jobs, (h.flags & has_jobs) != 0, h.jobs);
  assign(a.quantity, (h.flags & has_quantity) != 0, h.quantity);
  assign(a.stake, (h.flags & has_stake) != 0, h.stake);
  s.ev.start = static_cast<std::size_t>(h.ev_start);
  s.ev.end = static_cast<std::size_t>(h.ev_end);
  s.ev.in_title = (h.flags & in_title) != 0;
  s.confidence = h.confidence;
  // The entities last: most readers of the graph's statements skip them.
  if (skip & reader::skip_entities) return;
  entity_head e;
  d.block(e);
  decltype(&s.subject) ends[2] = {&s.subject, &s.object};
  d.need(std::uint64_t{e.label[0]} + e.type[0] + e.label[1] + e.type[1]);
  for (int i = 0; i < 2; ++i) {
    assign(ends[i]->label, d.take(e.label[i]), e.label[i]);
    assign(ends[i]->type, d.take(e.type[i]), e.type[i]);
  }
  if (skip & reader::skip_aliases) return;
  d.need(std::uint64_t{e.kb_id[0]} + e.kb_id[1]);
  for (int i = 0; i < 2; ++i) assign(ends[i]->kb_id, d.take(e.kb_id[i]), e.kb_id[i]);
  const std::uint64_t count = std::uint64_t{e.aliases[0]} + e.aliases[1];
  d.need(count * sizeof(std::uint32_t));
  const char* lengths = d.take(count * sizeof(std::uint32_t));
  auto length = [lengths](std::size_t i) {
    std::uint32_t n;
    std::memcpy(&n, lengths + i * sizeof n, sizeof n);
    return n;
  };
  std::uint64_t alias_bytes = 0;
  for (std::size_t i = 0; i < count; ++i) alias_bytes += length(i);
  d.need(alias_bytes);
  std::size_t next = 0;
  for (int i = 0; i < 2; ++i) {
    ends[i]->aliases.resize(e.aliases[i]);
    for (auto& alias : ends[i]->aliases) {
      const std::uint32_t n = length(next++);
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

std::uint64_t statement_spool::append(const statement& s) {
  const std::uint64_t offset = size();
  // The heads first, which size the record: it is then written in place,
  // in one piece.
  record_head h;
  const attributes& a = s.attrs;
  h.amount = a.amount.value_or(0);
  h.jobs = a.jobs.value_or(0);
  h.quantity = a.quantity.value_or(0);
  h.stake = a.stake.value_or(0.0);
  h.ev_start = s.ev.start;
  h.ev_end = s.ev.end;
  h.confidence = s.confidence;
  h.flags = (a.amount ? has_amount : 0) | (a.jobs ? has_jobs : 0) | (a.quantity ? has_quantity : 0) |
            (a.stake ? has_stake : 0) | (s.ev.in_title ? in_title : 0);
  // Lengths are cast to 32 bits as they are summed; the sum, checked once,
  // bounds each of them.
  std::size_t body = sizeof h + sizeof(entity_head);
  auto count = [&body](std::size_t n) {
    body += n;
    return static_cast<std::uint32_t>(n);
  };
  const auto texts = text_fields(s);
  for (std::size_t i = 0; i < texts.size(); ++i) h.lengths[i] = count(texts[i]->size());
  entity_head e;
  const entity_ref* ends[2] = {&s.subject, &s.object};
  for (int i = 0; i < 2; ++i) {
    e.label[i] = count(ends[i]->label.size());
    e.type[i] = count(ends[i]->type.size());
    e.kb_id[i] = count(ends[i]->kb_id.size());
    e.aliases[i] = static_cast<std::uint32_t>(ends[i]->aliases.size());
    for (const std::string& alias : ends[i]->aliases) count(sizeof(std::uint32_t) + alias.size());
  }
  if (body > std::numeric_limits<std::uint32_t>::max())
    throw std::runtime_error("statement spool: a statement of 4 GiB or more");
  const auto length = static_cast<std::uint32_t>(body);
  const std::size_t start = pending_.size();
  pending_.resize(start + sizeof length + length);
  char* at = put(pending_.data() + start, &length, sizeof length);
  at = put(at, &h, sizeof h);
  for (const std::string* text : texts) at = put(at, *text);
  at = put(at, &e, sizeof e);
  for (const entity_ref* end : ends) at = put(put(at, end->label), end->type);
  for (const entity_ref* end : ends) at = put(at, end->kb_id);
  for (const entity_ref* end : ends)
    for (const std::string& alias : end->aliases) {
      const auto n = static_cast<std::uint32_t>(alias.size());
      at = put(at, &n, sizeof n);
    }
  for (const entity_ref* end : ends)
    for (const std::string& alias : end->aliases) at = put(at, alias);
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
