#pragma once
// Statements kept on disk rather than in memory: the knowledge graph keeps a
// few numbers per statement and writes each statement's full record (entity
// labels and aliases, attributes, evidence sentence, rule) here, to read it
// back when the graph is rebuilt and when per-statement outputs are written.
//
// The records go to an unnamed temporary file (created, then unlinked at
// once, so it disappears with the process however it ends), in a compact
// binary form that only this process reads: native byte order, strings as
// length and bytes, so that any text (newlines, NUL, invalid UTF-8) comes
// back as it went in.
//
// Thread safety: append() from one thread; readers may read concurrently
// with each other (each has its own buffer) but not with append().
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/statement.hpp"

namespace econkg {

// A spooled statement read in place (statement_spool::reader): the fields
// of `statement`, with every string a view of the reader's buffer, valid
// until the reader's next read. Exporters read each statement once and copy
// its text to their output: copying it into a `statement` first cost more
// than writing it.
struct statement_view {
  struct entity {
    std::string_view label, type;
    std::vector<std::string_view> aliases;
    std::string_view kb_id;
  };
  struct attributes {
    std::optional<std::int64_t> amount;
    std::string_view currency;
    std::optional<std::int64_t> jobs;
    std::optional<std::int64_t> quantity;
    std::optional<double> stake;
    std::string_view date, product, title, quote, round, sector;
  };
  struct evidence {
    std::string_view text;
    std::size_t start = 0, end = 0;
    bool in_title = false;
  };
  std::string_view doc;
  entity subject;
  std::string_view predicate;
  entity object;
  attributes attrs;
  evidence ev;
  double confidence = 0.0;
  std::string_view rule;
};

class statement_spool {
 public:
  // Creates the temporary file in `dir`; throws std::runtime_error naming
  // the folder when it cannot.
  explicit statement_spool(const std::filesystem::path& dir);
  ~statement_spool();
  statement_spool(const statement_spool&) = delete;
  statement_spool& operator=(const statement_spool&) = delete;

  // Writes `s`'s record and returns where it starts, for reader::read().
  std::uint64_t append(const statement& s);
  // Bytes of records written so far.
  std::uint64_t size() const { return flushed_ + pending_.size(); }

  // Reads records back by position, from a buffer filled a block at a time
  // with pread. (A read-only mapping of the whole file, tried in session 8,
  // counts the whole spool in the process's resident memory: 7.7 GB peak
  // for 10^6 documents, against the 4 GiB the issue allows.)
  class reader {
   public:
    explicit reader(const statement_spool& spool) : spool_(spool) {}
    reader(const reader&) = delete;
    reader& operator=(const reader&) = delete;
    // What read() leaves out (flags; a field left out keeps whatever `into`
    // held): the evidence text (its offsets are read), the entities
    // (subject and object: label, type, aliases, gazetteer id), or only
    // their aliases and gazetteer ids.
    enum what : unsigned { everything = 0, skip_evidence = 1, skip_entities = 2, skip_aliases = 4 };
    // Replaces `into` with the record at `offset` (a value append()
    // returned), but for the fields `fields` leaves out; throws
    // std::runtime_error on a read error.
    void read(std::uint64_t offset, statement& into, unsigned fields = everything);
    // The same without copying: `into`'s strings view this reader's buffer
    // (or the spool's, for records not yet in the file) until the next read.
    void read(std::uint64_t offset, statement_view& into, unsigned fields = everything);

   private:
    // The body of the record at `offset` (after its length), in a buffer.
    std::pair<const char*, const char*> record(std::uint64_t offset);
    // Fills the buffer from the file at `offset`: at least `n` bytes, a
    // block when the file has that many.
    void load(std::uint64_t offset, std::size_t n);

    const statement_spool& spool_;
    std::unique_ptr<char[]> buffer_;  // file bytes from buffer_start_
    std::size_t buffer_size_ = 0, buffer_capacity_ = 0;
    std::uint64_t buffer_start_ = 0;
  };

 private:
  void flush();

  int fd_ = -1;
  std::string dir_;              // for messages
  // Bytes that grow without being zeroed first (a std::string's resize()
  // writes every new byte twice: zeros, then the record).
  class byte_buffer {
   public:
    const char* data() const { return bytes_.get(); }
    std::size_t size() const { return size_; }
    void clear() { size_ = 0; }
    // Room for `n` more bytes after size(), kept by commit().
    char* room(std::size_t n);
    void commit(std::size_t n) { size_ += n; }

   private:
    std::unique_ptr<char[]> bytes_;
    std::size_t size_ = 0, capacity_ = 0;
  };
  byte_buffer pending_;          // records not yet written to the file (whole ones only)
  std::uint64_t flushed_ = 0;    // bytes in the file
};

}  // namespace econkg
