// The econkg program: wires the reader, the extractor, the graph and the
// exporters, and is the only place that reads options (STYLE.md).
//
//   econkg build INPUT... -o DIR   every output format into DIR
//   econkg extract INPUT...        triples.jsonl lines on standard output
//
// Exit codes: 0 every input read; 3 outputs written but some input skipped;
// 1 fatal error (lexicon, rules, outputs); 2 usage error.
#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <latch>
#include <memory>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "export/exporter.hpp"
#include "extract/extractor.hpp"
#include "extract/reader.hpp"
#include "graph/knowledge_graph.hpp"

#ifdef ECONKG_WITH_JEMALLOC
// jemalloc reads its default options from this symbol (MALLOC_CONF in the
// environment still overrides them). Transparent huge pages for its arenas
// and metadata: the lexicon's per-thread caches and each document's tokens
// are read at random over tens of MB, and 2 MB pages save most of the TLB
// misses (about 3 % of `extract`'s time on the bench corpus). One arena for
// all threads (jemalloc's default is 4 a core): what the extracting threads
// free, the threads that write the outputs then reuse, instead of taking
// fresh pages (build's peak on the bench corpus 115 -> 111 MB; the
// threads' own caches keep the lock rarely taken).
extern "C" {
extern const char* malloc_conf;
const char* malloc_conf = "thp:always,metadata_thp:always,narenas:1";
}
#endif

namespace fs = std::filesystem;

namespace {

enum exit_code : int { exit_ok = 0, exit_fatal = 1, exit_usage = 2, exit_skipped = 3 };

// An error that stops the program with exit code 1; the message names the file.
struct fatal_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct common_options {
  std::vector<std::string> inputs;
  std::string lang;
  std::string date;
  std::string lexicon;
  bool quiet = false;
  unsigned threads = 0;  // 0: one per core
};

constexpr const char* description =
    "econkg turns economic-announcement news (French first, English second) into a\n"
    "knowledge graph: who invests how much where, who buys whom, who opens which\n"
    "plant, who holds which role, who said what.";

constexpr const char* footer =
    "INPUTS\n"
    "  a .txt file      one document; its id is the file name without extension\n"
    "  a .jsonl file    one JSON object a line: id, text (required), title, date\n"
    "                   (YYYY-MM-DD), url, lang (fr/en), all optional\n"
    "  a directory      every .txt and .jsonl below it, sorted by path\n"
    "  -                JSONL on standard input\n"
    "  Text must be UTF-8. A bad file or line (invalid UTF-8, broken JSON, missing\n"
    "  id or text, empty document, unreadable file) is reported as\n"
    "  'econkg: file:line: why' on standard error and skipped; the rest is read.\n"
    "\n"
    "PROGRESS\n"
    "  When standard error is a terminal, a progress line (documents, MB, MB/s, and\n"
    "  the time left when the input size is known) is redrawn there; not with -q.\n"
    "\n"
    "OUTPUTS\n"
    "  build writes into DIR: triples.jsonl, graph.graphml, graph.gexf,\n"
    "  graph.jsonld, graph.ndjson, nodes.csv, edges.csv, projects.csv (one file per\n"
    "  format the program knows; each is written to a temporary file, then renamed).\n"
    "  extract writes triples.jsonl lines to standard output, document by document.\n"
    "  Evidence offsets (start, end) count Unicode code points into the document\n"
    "  text, or into its title when the statement says \"field\":\"title\".\n"
    "\n"
    "LEXICON\n"
    "  Rules and word lists are read from --lexicon DIR, else $ECONKG_LEXICON, else\n"
    "  the source tree's lexicon/ folder, else <program dir>/../share/econkg/lexicon.\n"
    "\n"
    "EXIT CODES\n"
    "  0  every input was read and every output written\n"
    "  3  outputs written, but some input was skipped (see the messages)\n"
    "  1  fatal error: bad lexicon or rule file, outputs cannot be written\n"
    "  2  usage error: unknown option, missing argument, bad --lang or --date\n"
    "\n"
    "EXAMPLES\n"
    "  econkg build samples/ -o out/\n"
    "  econkg extract corpus.jsonl > triples.jsonl\n"
    "  cat corpus.jsonl | econkg extract - --lang fr --date 2024-05-13";

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

void add_common_options(CLI::App& sub, common_options& o) {
  sub.add_option("INPUT", o.inputs, ".txt or .jsonl files, directories, or - for JSONL on stdin")
      ->required()
      ->type_name("");
  sub.add_option("--lang", o.lang, "Language of every document (default: the record's, else detected)")
      ->check(CLI::IsMember({"fr", "en"}).description(""))
      ->type_name("fr|en");
  sub.add_option("--date", o.date, "Date of documents that give none (resolves « lundi », \"last year\")")
      ->check(CLI::Validator(
          [](std::string& s) { return is_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD"; },
          "YYYY-MM-DD").description(""))
      ->type_name("YYYY-MM-DD");
  sub.add_option("--lexicon", o.lexicon, "Folder of lexicons and rules")->type_name("DIR");
  sub.add_flag("-q,--quiet", o.quiet, "No summary and no progress line on standard error (problems are still reported)");
  sub.add_option("-j,--threads", o.threads,
                 "Documents extracted in parallel (default: one thread per core); outputs are the same whatever N")
      ->check(CLI::Range(1u, 256u).description(""))
      ->type_name("N");
}

fs::path program_dir(const char* argv0) {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0, ec);
  return exe.parent_path();
}

// The lexicon folder: --lexicon, else $ECONKG_LEXICON, else the compile-time
// folder, else the installed copy beside the program.
std::string find_lexicon(const std::string& given, const char* argv0) {
  std::error_code ec;
  if (!given.empty()) {
    if (!fs::is_directory(given, ec)) throw fatal_error(given + ": lexicon folder not found");
    return given;
  }
  if (const char* env = std::getenv("ECONKG_LEXICON"); env && *env) {
    if (!fs::is_directory(env, ec))
      throw fatal_error(std::string(env) + ": lexicon folder not found (from ECONKG_LEXICON)");
    return env;
  }
  const std::string built_in = ECONKG_LEXICON_DIR;
  if (fs::is_directory(built_in, ec)) return built_in;
  const fs::path installed = program_dir(argv0) / ".." / "share" / "econkg" / "lexicon";
  if (fs::is_directory(installed, ec)) return installed.lexically_normal().string();
  throw fatal_error("no lexicon folder found (tried " + built_in + " and " +
                    installed.lexically_normal().string() +
                    "); give one with --lexicon DIR or ECONKG_LEXICON");
}

std::unique_ptr<econkg::extractor> load_extractor(const std::string& lexicon_dir) {
  try {
    return std::make_unique<econkg::extractor>(lexicon_dir);
  } catch (const std::exception& e) {
    throw fatal_error(e.what());
  }
}

// Hands `object` back with the process instead of freeing it: tearing down
// a graph of millions of nodes, or the extractor's dictionaries and caches,
// node by node costs as much as a good part of the work and gives nothing
// back to anyone. The objects stay reachable (so leak checkers do not count
// them); files they hold are unnamed (the statement spool) or closed.
template <class T>
void keep_until_exit(std::unique_ptr<T> object) {
  static auto* kept = new std::vector<std::shared_ptr<void>>;
  kept->push_back(std::shared_ptr<T>(std::move(object)));
}

// "1 document", "2 documents".
std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

// A progress line on standard error, redrawn with \r a few times a second:
// documents, megabytes read, MB/s and, when the total size of the inputs is
// known (files, not standard input), the percentage and time left. Shown only
// when standard error is a terminal and --quiet is not given.
//
// Bytes read are the process's own read count (/proc/self/io rchar) since
// the reader started, so they are comparable with the input file sizes; on a
// system without /proc the document bytes are used instead.
class progress {
 public:
  using clock = std::chrono::steady_clock;

  explicit progress(const common_options& o)
      : on_(!o.quiet && ::isatty(2) == 1), total_(on_ ? total_input_bytes(o.inputs) : 0) {
    if (on_) {
      start_ = last_ = clock::now();
      rchar0_ = rchar();
    }
  }
  ~progress() { clear(); }
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;

  // One more document of `bytes` bytes (text and title) was handed over.
  void document_done(std::size_t bytes) {
    if (!on_) return;
    ++docs_;
    doc_bytes_ += bytes;
    const auto now = clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    draw(now);
  }

  // Removes the line, so that a message or the summary starts on a clean line.
  void clear() {
    if (!on_ || width_ == 0) return;
    std::fprintf(stderr, "\r%*s\r", static_cast<int>(width_), "");
    std::fflush(stderr);
    width_ = 0;
  }

 private:
  // Sum of the sizes of the input files (directories walked as the reader
  // does), or 0 when it cannot be known (standard input).
  static std::uintmax_t total_input_bytes(const std::vector<std::string>& inputs) {
    std::uintmax_t total = 0;
    for (const auto& in : inputs) {
      if (in == "-") return 0;
      std::error_code ec;
      if (fs::is_directory(in, ec)) {
        fs::recursive_directory_iterator it(in, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
          std::error_code e;
          if (!it->is_regular_file(e)) continue;
          std::string ext = it->path().extension().string();
          for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (ext != ".txt" && ext != ".jsonl") continue;
          const auto n = it->file_size(e);
          if (!e) total += n;
        }
      } else {
        const auto n = fs::file_size(in, ec);
        if (!ec) total += n;
      }
    }
    return total;
  }

  // Bytes this process has read so far (all files), or -1 without /proc.
  static long long rchar() {
    std::FILE* f = std::fopen("/proc/self/io", "r");
    if (!f) return -1;
    long long v = -1;
    char key[32];
    long long n = 0;
    while (std::fscanf(f, "%31[^:]: %lld\n", key, &n) == 2)
      if (std::string(key) == "rchar") {
        v = n;
        break;
      }
    std::fclose(f);
    return v;
  }

  void draw(clock::time_point now) {
    const long long r = rchar0_ >= 0 ? rchar() : -1;
    const double bytes = r >= 0 ? static_cast<double>(r - rchar0_) : static_cast<double>(doc_bytes_);
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double mb = bytes / 1e6, rate = secs > 0 ? mb / secs : 0;
    char line[160];
    int n = std::snprintf(line, sizeof line, "econkg: %zu documents, %.1f MB, %.2f MB/s", docs_, mb, rate);
    if (total_ > 0 && n > 0 && static_cast<std::size_t>(n) < sizeof line) {
      const double frac = std::min(1.0, bytes / static_cast<double>(total_));
      const double left = rate > 0 ? (static_cast<double>(total_) / 1e6 - mb) / rate : 0;
      const long eta = static_cast<long>(std::max(0.0, left) + 0.5);
      n += std::snprintf(line + n, sizeof line - static_cast<std::size_t>(n),
                         " (%.0f%% of %.1f MB, ETA %ld:%02ld)", frac * 100,
                         static_cast<double>(total_) / 1e6, eta / 60, eta % 60);
    }
    if (n <= 0) return;
    const auto len = std::min(static_cast<std::size_t>(n), sizeof line - 1);
    // Pad to the previous width so a shorter line wipes the old one.
    std::fprintf(stderr, "\r%s%*s", line, static_cast<int>(width_ > len ? width_ - len : 0), "");
    std::fflush(stderr);
    width_ = std::max(width_, len);
  }

  bool on_;
  std::uintmax_t total_;
  clock::time_point start_, last_;
  long long rchar0_ = -1;
  std::size_t docs_ = 0, doc_bytes_ = 0, width_ = 0;
};

// The progress line being shown, if any: a message clears it first.
progress* shown_progress = nullptr;

void report(const econkg::input_problem& p) {
  if (shown_progress) shown_progress->clear();
  std::cerr << "econkg: " << p.where << ": " << p.what << '\n';
}

// --threads, or one thread per core.
unsigned thread_count(const common_options& o) {
  return o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
}

// Helper threads that live as long as the run: each batch of documents is
// handed to the same threads, so what a thread keeps for itself (ICU
// iterator clones, the lexicon's front table of word forms) stays warm from
// one batch to the next instead of starting cold in a new thread.
class batch_workers {
 public:
  explicit batch_workers(unsigned helpers) {
    threads_.reserve(helpers);
    for (unsigned i = 0; i < helpers; ++i) threads_.emplace_back([this, i] { serve(i + 1); });
  }
  ~batch_workers() {
    {
      std::lock_guard lock(m_);
      stop_ = true;
    }
    wake_.notify_all();
    for (auto& t : threads_) t.join();
  }
  batch_workers(const batch_workers&) = delete;
  batch_workers& operator=(const batch_workers&) = delete;

  bool empty() const { return threads_.empty(); }
  // Every helper runs `job` once, with its number (1, 2, ...: 0 is left for
  // the calling thread); `job` must outlive the next finish().
  void start(const std::function<void(unsigned)>& job) {
    {
      std::lock_guard lock(m_);
      job_ = &job;
      ++round_;
      running_ = threads_.size();
    }
    wake_.notify_all();
  }
  // Waits until every helper has returned from the job start() gave.
  void finish() {
    std::unique_lock lock(m_);
    done_.wait(lock, [this] { return running_ == 0; });
  }

 private:
  void serve(unsigned number) {
    std::size_t seen = 0;
    std::unique_lock lock(m_);
    for (;;) {
      wake_.wait(lock, [&] { return stop_ || round_ != seen; });
      if (stop_) return;
      seen = round_;
      const std::function<void(unsigned)>* job = job_;
      lock.unlock();
      (*job)(number);  // the job catches what it throws
      lock.lock();
      if (--running_ == 0) done_.notify_one();
    }
  }

  std::mutex m_;
  std::condition_variable wake_, done_;
  const std::function<void(unsigned)>* job_ = nullptr;
  std::size_t round_ = 0, running_ = 0;
  bool stop_ = false;
  std::vector<std::thread> threads_;
};

// Documents read, extracted and handed to the sink together. With helper
// threads, a batch is what they extract while the calling thread hands over
// the one before: 64 documents a thread, so that waiting for the slowest
// document of a batch stays rare. With one thread nothing overlaps, and a
// small batch reaches the sink while its statements are still in cache;
// after 64 documents of extraction they are not (build of 20 000 generated
// documents under cachegrind, 4 MB last-level cache: 37 % fewer data misses
// with batches of 4 documents than of 64).
std::size_t batch_documents(unsigned threads) { return threads == 1 ? 4 : std::size_t{64} * threads; }

// Reads every document and hands its statements to `sink`, in input order.
// Documents are read in batches; each batch is extracted by `threads`
// threads and then handed over in order, so the result does not depend on
// the thread count and memory holds one batch, not the corpus.
//
// `prepare(thread, doc, statements, text)` runs on the thread that extracted
// the document, right after it (`thread` is 0 for the calling thread, then
// 1, 2, ... below thread_count(o)): it may put what the sink will write into
// `text`, and free what the sink does not need, so that the calling thread,
// which also reads and delivers every document in order, has less to do.
// Then `sink(doc, statements, text)` runs on the calling thread, in order.
// Returns (documents read, documents skipped).
template <class Prepare, class Sink>
std::pair<std::size_t, std::size_t> for_each_statement(const common_options& o,
                                                       const econkg::extractor& ex, Prepare&& prepare,
                                                       Sink&& sink) {
  progress bar(o);
  shown_progress = &bar;
  struct unset {
    ~unset() { shown_progress = nullptr; }
  } unset_on_exit;
  econkg::document_reader reader(o.inputs, econkg::read_options{o.lang, o.date}, report);
  const unsigned threads = thread_count(o);
  const std::size_t batch_size = batch_documents(threads);
  struct slot {
    econkg::document doc;
    std::size_t bytes = 0;  // of its text and title, for the progress line
    std::vector<econkg::statement> statements;
    std::string text;  // from `prepare`
    std::string error;
  };
  std::size_t read = 0, failed = 0;
  // Hands a finished batch to the sink, in input order.
  auto deliver = [&](std::vector<slot>& done) {
    for (auto& b : done) {
      if (!b.error.empty()) {
        // One document the extractor cannot handle must not stop the corpus.
        report({b.doc.origin, "extraction failed: " + b.error});
        ++failed;
        continue;
      }
      ++read;
      sink(b.doc, b.statements, b.text);
      // Freed now, while the sink has just read them, rather than cold
      // with the whole batch (destroying a batch's statements later cost a
      // cache miss for most of their strings).
      std::vector<econkg::statement>().swap(b.statements);
      std::string().swap(b.text);
      bar.document_done(b.bytes);
    }
    done.clear();
  };
  // Batches are pipelined: while the helper threads extract one batch, this
  // thread hands the previous one to the sink (graph building, writing) and
  // reads the next one, then joins the extraction. With one thread the same
  // steps run one after the other, in the same order.
  auto read_batch = [&] {
    std::vector<slot> out;
    while (out.size() < batch_size) {
      auto doc = reader.next();
      if (!doc) break;
      const std::size_t bytes = doc->text.size() + doc->title.size();
      out.push_back(slot{std::move(*doc), bytes, {}, {}, {}});
    }
    return out;
  };
  std::vector<slot> previous, batch = read_batch(), upcoming;
  // No more helpers than the first batch has documents: a small input needs none.
  batch_workers helpers(static_cast<unsigned>(std::clamp<std::size_t>(batch.size(), 1, threads)) - 1);
  std::atomic<std::size_t> next{0};
  const std::function<void(unsigned)> work = [&](unsigned thread) {
    for (std::size_t i = next++; i < batch.size(); i = next++) {
      slot& b = batch[i];
      try {
        b.statements = ex.extract(b.doc);
        prepare(thread, b.doc, b.statements, b.text);
      } catch (const std::exception& e) {
        b.error = e.what();
      }
    }
  };
  while (!batch.empty()) {
    next = 0;
    const bool overlapped = !helpers.empty();
    if (overlapped) helpers.start(work);
    std::exception_ptr failure;  // a sink or a reader that throws must not leave helpers working
    if (overlapped) {
      try {
        deliver(previous);
        upcoming = read_batch();
      } catch (...) {
        failure = std::current_exception();
      }
    }
    work(0);
    if (overlapped) helpers.finish();
    if (failure) std::rethrow_exception(failure);
    if (!overlapped) {
      deliver(previous);
      upcoming = read_batch();
    }
    previous = std::move(batch);
    batch = std::move(upcoming);
    upcoming.clear();
  }
  deliver(previous);
  bar.clear();
  return {read, reader.skipped() + failed};
}

// DIR/.<name>.tmp-<pid>: where an output is written before it is renamed
// into place, so that a reader of DIR never sees a half-written file.
fs::path temporary_name(const fs::path& dir, const std::string& name) {
  return dir / ("." + name + ".tmp-" + std::to_string(::getpid()));
}

// Renames the finished temporary file `tmp` over `target`.
void put_in_place(const fs::path& tmp, const fs::path& target) {
  // An earlier output is swapped with the new file (one atomic step), then
  // removed under the temporary name. A plain rename over it would cost a
  // wait: ext4 (auto_da_alloc) starts writing a file renamed over another
  // to disk at once, so the next build's rename over that file waits for
  // the disk to free its blocks (0.07-0.27 s a file on this machine's disk,
  // 0.75 s of thread time for the 290 MB of a 10 MB corpus's outputs). Not
  // swapped (a first build, a file system without RENAME_EXCHANGE, something
  // other than a file in the way): renamed.
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(target, ec)) &&
      ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fs::remove(tmp, ec);  // the earlier output; the new one is in place whatever happens here
    return;
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw fatal_error(target.string() + ": cannot write: " + ec.message());
  }
}

// A file in `dir` with no name until link_as() gives it one (O_TMPFILE; a
// file system without it gets a file removed as soon as made, which
// link_as() cannot name), so that a run killed before the end leaves
// nothing behind. Written through a buffer of a block; errors are fatal
// and name `target`, the output the file becomes.
class unnamed_file {
 public:
  unnamed_file(const fs::path& dir, fs::path target) : target_(std::move(target)) {
    fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
    if (fd_ >= 0) {
      linkable_ = true;
      return;
    }
    std::string name = (dir / ".econkg-unnamed-XXXXXX").string();
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ < 0) fail(errno);
    ::unlink(name.c_str());
  }
  unnamed_file(const unnamed_file&) = delete;
  unnamed_file& operator=(const unnamed_file&) = delete;
  ~unnamed_file() { ::close(fd_); }

  void write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= block) flush();
  }
  void flush() {
    for (std::size_t done = 0; done < buffer_.size();) {
      const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail(n < 0 ? errno : EIO);
      done += static_cast<std::size_t>(n);
    }
    buffer_.clear();
  }
  // Names the file `path` (which must not exist yet); false when this file
  // cannot be named (see above).
  bool link_as(const fs::path& path) {
    flush();
    return linkable_ && ::linkat(AT_FDCWD, proc_path().c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0;
  }
  // A path that opens the file, named or not, for reading.
  std::string proc_path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  [[noreturn]] void fail(int error) const {
    throw fatal_error(target_.string() + ": cannot write: " + std::generic_category().message(error));
  }
  static constexpr std::size_t block = std::size_t{1} << 18;
  fs::path target_;
  int fd_ = -1;
  bool linkable_ = false;
  std::string buffer_;
};

// Writes the files `names` in `dir` through `write(outs)` (outs[i] for
// names[i]), each to its temporary_name(), then renames them into place.
// On a failure the temporary files are removed and the earlier outputs
// stay whole; the error names the first file concerned.
void write_atomically(const std::vector<std::string>& names, const fs::path& dir,
                      const std::function<void(std::span<std::ostream* const>)>& write) {
  std::vector<fs::path> tmps;
  for (const auto& name : names) tmps.push_back(temporary_name(dir, name));
  auto fail = [&](std::size_t i, const std::string& why) {
    std::error_code ignored;
    for (const auto& tmp : tmps) fs::remove(tmp, ignored);
    throw fatal_error((dir / names[i]).string() + ": cannot write: " + why);
  };
  {
    std::vector<std::unique_ptr<std::ofstream>> files;
    std::vector<std::ostream*> outs;
    for (std::size_t i = 0; i < names.size(); ++i) {
      files.push_back(std::make_unique<std::ofstream>(tmps[i], std::ios::binary | std::ios::trunc));
      if (!*files.back()) fail(i, std::generic_category().message(errno));
      outs.push_back(files.back().get());
    }
    try {
      write(outs);
    } catch (const std::exception& e) {
      fail(0, e.what());
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      files[i]->flush();
      if (*files[i]) files[i]->close();
      if (!*files[i]) fail(i, std::generic_category().message(errno));
    }
  }
  for (std::size_t i = 0; i < names.size(); ++i) put_in_place(tmps[i], dir / names[i]);
}

// Name folding for entity resolution, with the lexicon's legal suffixes.
econkg::resolution_rules load_resolution(const std::string& lexicon_dir) {
  try {
    return econkg::resolution_rules::from_file((fs::path(lexicon_dir) / "fr" / "legal_suffixes.tsv").string());
  } catch (const std::exception& e) {
    throw fatal_error(e.what());
  }
}

int run_build(const common_options& o, const std::string& out_dir, const char* argv0) {
  const std::string lexicon_dir = find_lexicon(o.lexicon, argv0);
  auto ex = load_extractor(lexicon_dir);

  const fs::path dir(out_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir))
    throw fatal_error(out_dir + ": cannot create output folder: " +
                      (ec ? ec.message() : std::string("not a directory")));

  // Statements are spooled to an unnamed temporary file in the output
  // folder, so that memory does not grow with their evidence text.
  econkg::resolution_rules rules = load_resolution(lexicon_dir);
  std::unique_ptr<econkg::knowledge_graph> graph;
  try {
    graph = std::make_unique<econkg::knowledge_graph>(std::move(rules), dir);
  } catch (const std::exception& e) {
    throw fatal_error(e.what());
  }
  econkg::knowledge_graph& kg = *graph;
  std::size_t statements = 0;

  // triples.jsonl is written as documents are extracted, as `extract`
  // writes it (each thread formats its documents' lines), into an unnamed
  // file in DIR; the graph then only corrects the lines whose IRIs
  // resolution changed (write_resolved_triples()).
  const std::string triples_name = econkg::make_exporter("triples")->file_name();
  unnamed_file triples(dir, dir / triples_name);
  std::vector<std::unique_ptr<econkg::triple_line_writer>> writers;
  for (unsigned t = 0; t < thread_count(o); ++t)
    writers.push_back(std::make_unique<econkg::triple_line_writer>(kg.rules()));

  // With helper threads extracting meanwhile, a rebuild the graph needs is
  // done as documents are delivered, not in the final, single-threaded step.
  const bool settle_early = thread_count(o) > 1;
  // Statements reach the graph a batch at a time (knowledge_graph's batch
  // add() fetches what the next ones read while placing these): those of 64
  // documents, or of fewer when for_each_statement() hands over fewer at
  // once, so that they reach the graph still in cache.
  const std::size_t graph_batch = std::min<std::size_t>(64, batch_documents(thread_count(o)));
  std::vector<std::vector<econkg::statement>> pending;
  std::vector<const econkg::statement*> batch;
  auto add_pending = [&] {
    batch.clear();
    for (const auto& ss : pending)
      for (const auto& s : ss) batch.push_back(&s);
    kg.add(batch);
    statements += batch.size();
    pending.clear();
    if (settle_early) kg.settle_early();
  };
  const auto [read, skipped] = for_each_statement(
      o, *ex,
      [&](unsigned thread, econkg::document& doc, std::vector<econkg::statement>& ss, std::string& text) {
        for (const auto& s : ss) writers[thread]->append(s, text);
        // The graph needs the statements, not the document's text.
        std::string().swap(doc.text);
        std::string().swap(doc.title);
      },
      [&](const econkg::document&, std::vector<econkg::statement>& ss, const std::string& text) {
        triples.write(text);
        pending.push_back(std::move(ss));
        if (pending.size() == graph_batch) add_pending();
      });
  add_pending();
  triples.flush();
  writers.clear();
  // The analytics are computed below, beside the formats that need none.
  kg.begin_analysis();

  // The formats are written side by side, one per thread: the analysed
  // graph is only read from here on, and each exporter reads the spool
  // through its own reader. A failure is reported for the first format (in
  // the fixed order) that failed.
  std::vector<std::unique_ptr<econkg::exporter>> exporters = econkg::make_build_exporters();
  // Job 0 finishes triples.jsonl: the lines written so far named and put
  // in place when resolution changed no IRI, else rewritten; job 1 + i runs
  // exporters[i].
  const std::size_t jobs = 1 + exporters.size();
  std::vector<std::exception_ptr> failures(jobs);
  auto run_job = [&](std::size_t job) {
    if (job > 0) {
      const econkg::exporter& exp = *exporters[job - 1];
      write_atomically(exp.file_names(), dir,
                       [&](std::span<std::ostream* const> outs) { exp.write_all(kg, outs); });
    } else {
      const fs::path tmp = temporary_name(dir, triples_name);
      if (!kg.resolved_through_links() && triples.link_as(tmp)) {
        put_in_place(tmp, dir / triples_name);
        return;
      }
      write_atomically({triples_name}, dir, [&](std::span<std::ostream* const> outs) {
        std::ifstream in(triples.proc_path(), std::ios::binary);
        if (!in) throw std::runtime_error("cannot read back the lines written");
        econkg::write_resolved_triples(kg, in, *outs[0]);
      });
    }
  };
  // Two queues. Formats that need no analytics (triples.jsonl, edges.csv,
  // projects.csv) may be written while this thread computes them
  // (finish_analysis()); the others wait for it. The formats take very
  // different times (on the bench corpus graph.jsonld with graph.ndjson
  // takes half the whole, nodes.csv 3 %): each queue starts with its
  // longest, and this thread, once the analytics are done, takes the
  // others' queue first, so that the threads finish close together.
  auto needs_analytics = [&](std::size_t job) { return job > 0 && exporters[job - 1]->needs_analytics(); };
  auto rank = [&](std::size_t job) {
    static const std::vector<std::string> longest_first = {"graph.jsonld", "graph.gexf", "graph.graphml",
                                                           "edges.csv", "projects.csv"};
    if (job == 0) return longest_first.size();  // triples.jsonl: a rename, or a copy
    return static_cast<std::size_t>(
        std::find(longest_first.begin(), longest_first.end(), exporters[job - 1]->file_name()) -
        longest_first.begin());
  };
  struct job_queue {
    bool after_analysis;
    std::vector<std::size_t> jobs;
    std::atomic<std::size_t> next{0};
  };
  job_queue free_jobs{false, {}}, analysed_jobs{true, {}};
  for (std::size_t job = 0; job < jobs; ++job) (needs_analytics(job) ? analysed_jobs : free_jobs).jobs.push_back(job);
  for (job_queue* q : {&free_jobs, &analysed_jobs})
    std::stable_sort(q->jobs.begin(), q->jobs.end(), [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
  std::latch analysed(1);
  std::exception_ptr analysis_failure;
  auto take = [&](job_queue& q) {
    if (q.after_analysis) {
      analysed.wait();
      if (analysis_failure) return;
    }
    for (std::size_t n = q.next++; n < q.jobs.size(); n = q.next++) {
      const std::size_t job = q.jobs[n];
      try {
        run_job(job);
      } catch (...) {
        failures[job] = std::current_exception();
      }
    }
  };
  {
    const unsigned threads = thread_count(o);
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t < jobs; ++t)
      pool.emplace_back([&] {
        take(free_jobs);
        take(analysed_jobs);
      });
    try {
      kg.finish_analysis();
    } catch (...) {
      analysis_failure = std::current_exception();
    }
    analysed.count_down();
    if (!analysis_failure) {
      take(analysed_jobs);
      take(free_jobs);
    }
    for (auto& t : pool) t.join();
  }
  if (analysis_failure) std::rethrow_exception(analysis_failure);
  for (const auto& f : failures)
    if (f) std::rethrow_exception(f);
  std::vector<std::string> written{triples_name};
  for (const auto& exp : exporters)
    for (const auto& name : exp->file_names()) written.push_back(name);

  if (!o.quiet) {
    std::cerr << "econkg: " << count(read, "document", "documents") << " read, " << skipped
              << " skipped; " << count(statements, "statement", "statements") << ", "
              << count(kg.entity_count(), "entity", "entities") << ", "
              << count(kg.relation_count(), "relation", "relations") << '\n'
              << "econkg: " << count(written.size(), "file", "files") << " written to " << out_dir
              << ':';
    for (const auto& f : written) std::cerr << ' ' << f;
    std::cerr << '\n';
  }
  keep_until_exit(std::move(graph));
  keep_until_exit(std::move(ex));
  return skipped > 0 ? exit_skipped : exit_ok;
}

int run_extract(const common_options& o, const char* argv0) {
  const std::string lexicon_dir = find_lexicon(o.lexicon, argv0);
  auto ex = load_extractor(lexicon_dir);
  const econkg::resolution_rules rules = load_resolution(lexicon_dir);
  std::atomic<std::size_t> statements{0};
  // Each extracting thread formats the lines of its documents with its own
  // writer (the ids are the same whichever writer's memo gives them); this
  // thread only writes them out, in input order.
  std::vector<std::unique_ptr<econkg::triple_line_writer>> writers;
  for (unsigned t = 0; t < thread_count(o); ++t)
    writers.push_back(std::make_unique<econkg::triple_line_writer>(rules));
  const auto [read, skipped] = for_each_statement(
      o, *ex,
      [&](unsigned thread, econkg::document& doc, std::vector<econkg::statement>& ss, std::string& text) {
        for (const auto& s : ss) writers[thread]->append(s, text);
        statements += ss.size();  // every document that gets here is delivered
        // The sink needs neither the statements nor the document's text:
        // they are freed here rather than on the thread that writes.
        std::vector<econkg::statement>().swap(ss);
        std::string().swap(doc.text);
        std::string().swap(doc.title);
      },
      [&](const econkg::document&, const std::vector<econkg::statement>&, const std::string& text) {
        std::cout.write(text.data(), static_cast<std::streamsize>(text.size()));
        // One document at a time reaches the consumer of the stream.
        std::cout.flush();
        if (!std::cout) throw fatal_error("<stdout>: cannot write: " + std::generic_category().message(errno));
      });
  if (!o.quiet)
    std::cerr << "econkg: " << count(read, "document", "documents") << " read, " << skipped
              << " skipped; " << count(statements, "statement", "statements") << '\n';
  keep_until_exit(std::move(ex));
  return skipped > 0 ? exit_skipped : exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);

  CLI::App app{description, "econkg"};
  app.footer(footer);
  app.set_version_flag("--version", "econkg " ECONKG_VERSION, "Print the version and exit");
  app.require_subcommand(0, 1);

  common_options build_opts, extract_opts;
  std::string out_dir;
  CLI::App* build = app.add_subcommand("build", "Read INPUT..., build the graph, write every format into DIR");
  add_common_options(*build, build_opts);
  build->add_option("-o,--output", out_dir, "Output folder (created if needed)")->required()->type_name("DIR");
  CLI::App* extract = app.add_subcommand("extract", "Stream triples.jsonl lines for INPUT... to standard output");
  add_common_options(*extract, extract_opts);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "econkg: " << e.what() << "\nRun 'econkg --help' for usage.\n";
    return exit_usage;
  }

  if (!*build && !*extract) {
    std::cerr << "econkg: a subcommand is required: build or extract\nRun 'econkg --help' for usage.\n";
    return exit_usage;
  }
  try {
    if (*build) return run_build(build_opts, out_dir, argv[0]);
    return run_extract(extract_opts, argv[0]);
  } catch (const fatal_error& e) {
    std::cerr << "econkg: " << e.what() << '\n';
    return exit_fatal;
  } catch (const std::exception& e) {
    std::cerr << "econkg: fatal: " << e.what() << '\n';
    return exit_fatal;
  }
}
