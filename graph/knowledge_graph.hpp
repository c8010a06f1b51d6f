#pragma once
// The knowledge graph: one vertex per resolved entity, one edge per
// (subject, predicate, object) across the corpus, built from statements.
//
// Memory grows with entities and relations: each statement's full record
// (evidence, attributes, aliases) is spooled to a temporary file and read
// back when needed; memory keeps a few numbers per statement and one copy of
// each document id.
//
// Thread safety: not thread-safe for writing; add statements from one thread
// (in input order, so that the result does not depend on scheduling).
#include <boost/graph/adjacency_list.hpp>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <set>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeindex>
#include <vector>

#include "extract/statement.hpp"
#include "graph/iri.hpp"
#include "graph/statement_spool.hpp"

namespace econkg {

// A document's number: its id's place among the ids of the statements, in
// order of first appearance (knowledge_graph::doc_id).
using doc_number = std::uint32_t;

// A resolved entity (vertex bundle).
struct entity {
  std::string iri;
  std::string key;                  // resolution key (graph/iri.hpp)
  std::string label;                // the fullest label seen
  std::string type;
  std::set<std::string> aliases;    // every surface form seen, label included
  std::size_t mentions = 0;         // statements it takes part in, subject or object
  std::vector<doc_number> docs;     // documents naming it, ascending, unique
  // Analytics, filled by knowledge_graph::analyse().
  std::size_t in_degree = 0, out_degree = 0;
  double pagerank = 0.0;
  std::size_t component = 0;        // weakly connected component number
  // Totals over the entity's merged edges (each edge counted once, with the
  // amount or jobs the graph keeps for it; amounts only when in EUR).
  std::int64_t invested_eur = 0;    // out-edges invests_in, acquires, funds
  std::int64_t received_eur = 0;    // in-edges invests_in, acquires, funds; an amount
                                    // several givers share in one document counts once
  std::int64_t jobs_created = 0;    // out-edges creates_jobs and opens
  std::int64_t jobs_cut = 0;        // out-edges cuts_jobs
};

// A text the knowledge graph keeps once, for as long as it lives, held by
// the address of its string (the graph's string tables are deques, whose
// strings never move): 8 bytes where a string_view takes 16. Reads as a
// std::string_view; empty when null.
class text_ref {
 public:
  text_ref() = default;
  explicit text_ref(const std::string* text) : text_(text) {}
  std::string_view view() const { return text_ ? std::string_view(*text_) : std::string_view(); }
  operator std::string_view() const { return view(); }
  bool empty() const { return !text_ || text_->empty(); }
  std::size_t size() const { return text_ ? text_->size() : 0; }
  friend bool operator==(text_ref a, std::string_view b) { return a.view() == b; }
  friend bool operator==(text_ref a, text_ref b) { return a.view() == b.view(); }
  friend std::ostream& operator<<(std::ostream& out, text_ref t) { return out << t.view(); }

 private:
  const std::string* text_ = nullptr;
};

// A short vector of a trivially copyable T, in 16 bytes: up to N items in
// place (N * sizeof(T) <= 8), more on the heap. Nine edges in ten have one
// document, one rule and at most one date; a std::vector would take 24
// bytes and an allocation for each.
template <typename T, std::size_t N>
class small_vector {
  static_assert(std::is_trivially_copyable_v<T> && N * sizeof(T) <= sizeof(T*));

 public:
  small_vector() = default;
  small_vector(const small_vector& o) { assign(o); }
  small_vector& operator=(const small_vector& o) {
    if (this != &o) {
      release();
      assign(o);
    }
    return *this;
  }
  ~small_vector() { release(); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size_; }
  const T* data() const { return heap() ? many_ : reinterpret_cast<const T*>(one_); }
  const T& operator[](std::size_t i) const { return data()[i]; }
  const T& back() const { return data()[size_ - 1]; }
  operator std::span<const T>() const { return {data(), size_}; }

  void push_back(T v) { insert(end(), v); }
  // Inserts `v` before `pos` (an iterator of this vector).
  void insert(const T* pos, T v) {
    const std::size_t at = static_cast<std::size_t>(pos - begin());
    if (size_ == capacity_) grow();
    T* d = mutable_data();
    std::memmove(d + at + 1, d + at, (size_ - at) * sizeof(T));
    d[at] = v;
    ++size_;
  }

 private:
  bool heap() const { return capacity_ > N; }
  T* mutable_data() { return heap() ? many_ : reinterpret_cast<T*>(one_); }
  void grow() {
    const std::uint32_t capacity = 2 * capacity_;
    T* bigger = new T[capacity];
    std::memcpy(bigger, data(), size_ * sizeof(T));
    release();
    many_ = bigger;
    capacity_ = capacity;
  }
  void release() {
    if (heap()) delete[] many_;
    capacity_ = N;
  }
  // `o`'s items into this one, whose items are released.
  void assign(const small_vector& o) {
    size_ = o.size_;
    if (o.size_ > N) {
      many_ = new T[o.size_];
      capacity_ = o.size_;
    }
    std::memcpy(mutable_data(), o.data(), o.size_ * sizeof(T));
  }

  std::uint32_t size_ = 0, capacity_ = N;
  // In place, the items are bytes that memcpy() and memmove() give their
  // values (T is trivially copyable; its default constructor may not be
  // trivial, which a union member's must).
  union {
    alignas(T) unsigned char one_[N * sizeof(T)];
    T* many_ = nullptr;
  };
};

// The attributes of a merged relation: statement_view::attributes, with
// its texts as text_refs.
struct relation_attributes {
  std::optional<std::int64_t> amount;
  text_ref currency;
  std::optional<std::int64_t> jobs;
  std::optional<std::int64_t> quantity;
  std::optional<double> stake;
  text_ref date, product, title, quote, round, sector;
};

// A merged relation (edge bundle): every statement with the same subject,
// predicate and object, whatever the document.
//
// Its texts (predicate, attribute texts, dates) are strings the knowledge
// graph keeps once each (text_ref), and its lists hold their first items
// in place: a bundle takes 192 bytes, against 280 with string_views and
// std::vectors and 408 with strings of its own (a 10 MB corpus has 56 000
// edges, and their bundles are the larger part of the graph's memory).
struct relation {
  text_ref predicate;
  std::size_t weight = 0;                  // supporting statements
  small_vector<doc_number, 2> docs;        // source documents, ascending, unique
  small_vector<std::uint32_t, 2> rules;    // rules that produced it, ascending, unique (knowledge_graph::rule_ids)
  relation_attributes attrs;               // attributes of the first statement, gaps filled by later ones
  small_vector<text_ref, 1> dates;         // every statement date, sorted, unique
  double confidence = 0.0;                 // highest statement confidence
};
static_assert(sizeof(relation) == 192);

using graph_type = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS,
                                         entity, relation>;
using vertex_id = graph_type::vertex_descriptor;
using edge_id = graph_type::edge_descriptor;

class knowledge_graph {
 public:
  // A graph that folds names with `rules` (the program passes the lexicon's
  // legal suffixes; the default is the built-in table) and spools
  // statements to a temporary file in `spool_dir` (default: the system's
  // temporary folder); throws std::runtime_error when it cannot create it.
  explicit knowledge_graph(resolution_rules rules = resolution_rules::built_in(),
                           const std::filesystem::path& spool_dir = {});

  // Adds one statement: finds or adds both entities by key, then finds or
  // adds the edge, updating weight, documents and attributes.
  //
  // Entities resolve by gazetteer id first, else by type and folded name; a
  // mention without a gazetteer id joins the gazetteer entity whose label
  // folds to the same name (one only: a name two gazetteer ids share stays
  // apart). When a statement reveals such a link for an entity already in
  // the graph, the graph is rebuilt from the statements (once, when it is
  // next read), so the result does not depend on which document came first.
  void add(const statement& s);
  // The same for each statement of `batch`, in order, with the same
  // result; faster for many statements at once (the CLI passes those of 64
  // documents, of 4 with one thread): each statement's keys are found
  // first, then the statements are placed while the memory later ones will
  // read (their edge slots and bundles, mostly cache misses on a large
  // graph) is fetched ahead.
  void add(std::span<const statement* const> batch);

  // Does the rebuild a late link calls for now rather than when the graph
  // is next read, for a caller with time to spare (the CLI's main thread
  // while other threads extract), so that less is left for the end. The
  // graph is the same either way. Rebuilds done this way are rationed: in
  // all they place no more statements than twice as many as have been
  // added, so a corpus full of late links cannot make them quadratic.
  void settle_early();

  // Computes degrees, PageRank, weakly connected components and the
  // per-entity money and job totals: begin_analysis(), then finish_analysis().
  void analyse();
  // analyse() in two steps, for a caller with readers that need none of the
  // entities' analytics (edges.csv, say) and may run alongside the second:
  // begin_analysis() settles the graph, forgets what derived() made and
  // ranks document and rule ids; finish_analysis() then writes the
  // analytics fields of the entities (entity::in_degree to jobs_cut) and
  // nothing else, so that reading anything but those meanwhile is safe.
  void begin_analysis();
  void finish_analysis();

  // The graph, settled and with every entity's mentions and documents
  // counted (sync_entities()). Once nothing has been added since the last
  // call (after begin_analysis(), say), it only reads, and several threads
  // may call it at once.
  const graph_type& graph() const {
    settle();
    sync_entities();
    return g_;
  }
  // Whether an end of some statement (subject or object) resolved, through
  // a link, to another key than its own: a mention without gazetteer id
  // that joined the one gazetteer entity whose label folds to its name (see
  // add()). When false, every end's vertex is the one its own key (its
  // gazetteer id, else its name key) gives. Settles the graph first, so the
  // answer is the final placement's.
  bool resolved_through_links() const;
  // How many times a late link has had the graph rebuilt so far.
  std::size_t rebuild_count() const { return rebuilds_; }
  std::size_t entity_count() const { settle(); return boost::num_vertices(g_); }
  std::size_t relation_count() const { settle(); return boost::num_edges(g_); }

  // Statements, numbered from 0 in the order they were added.
  std::size_t statement_count() const { return statements_.size(); }
  // The vertices statement number `index`'s subject and object resolved to.
  std::pair<vertex_id, vertex_id> ends(std::size_t index) const {
    settle();
    const compact_statement& c = statements_.at(index);
    return {c.subject, c.object};
  }
  // Whether statement number `index`'s subject or object resolved to
  // another key than its own: a name without gazetteer id that a link
  // joined to the gazetteer entity whose label folds to it. Only then do
  // its ends' IRIs in the graph differ from those the statement alone
  // gives (resolution_rules::key()). Some statement is relinked() exactly
  // when resolved_through_links().
  bool relinked(std::size_t index) const;
  // Statement number `index`'s document and predicate, without reading its record.
  doc_number doc_of(std::size_t index) const { return statements_.at(index).doc; }
  const std::string& predicate_of(std::size_t index) const { return predicate(predicate_number(index)); }
  // Predicates by number, from 0 in the order they were first added:
  // statement number `index`'s, how many there are, and each one's text.
  std::uint32_t predicate_number(std::size_t index) const { return statements_.at(index).predicate; }
  std::size_t predicate_count() const { return predicates_.size(); }
  const std::string& predicate(std::uint32_t number) const { return predicates_[number]; }
  // Reads statements back in full, one at a time (each reader has its own
  // buffer; several may read at once). Consecutive numbers read fastest.
  class statement_reader {
   public:
    explicit statement_reader(const knowledge_graph& kg) : kg_(kg), spool_(*kg.spool_) {}
    // Statement number `index`, valid (its strings too) until the next
    // call; `fields` (statement_spool::reader::what flags) may leave some
    // fields out, which then hold whatever an earlier call left there.
    const statement_view& read(std::size_t index, unsigned fields = statement_spool::reader::everything) {
      spool_.read(kg_.statements_.at(index).offset, current_, fields);
      return current_;
    }

   private:
    const knowledge_graph& kg_;
    statement_spool::reader spool_;
    statement_view current_;
  };
  // Calls f(index, statement) for every statement, in order; `fields` as
  // for statement_reader::read().
  template <typename F>
  void for_each_statement(F&& f, unsigned fields = statement_spool::reader::everything) const {
    statement_reader reader(*this);
    for (std::size_t i = 0; i < statements_.size(); ++i) f(i, reader.read(i, fields));
  }

  // Document ids, by number.
  std::size_t doc_count() const { return doc_ids_.size(); }
  const std::string& doc_id(doc_number d) const { return doc_ids_[d]; }
  // The ids of `docs` in byte order, as the outputs list them.
  std::vector<std::string_view> doc_ids(std::span<const doc_number> docs) const {
    return doc_ids_.sorted(docs);
  }
  // Appends the same ids to `out`, each but the first after `separator`
  // when `out` has grown (as detail::append_joined() joins them).
  void append_doc_ids(std::string& out, std::span<const doc_number> docs, std::string_view separator) const {
    doc_ids_.append_sorted(out, docs, separator);
  }
  // The id of rule number `rule`.
  const std::string& rule_id(std::uint32_t rule) const { return rule_ids_[rule]; }
  // The ids of `rules` in byte order.
  std::vector<std::string_view> rule_ids(std::span<const std::uint32_t> rules) const {
    return rule_ids_.sorted(rules);
  }
  void append_rule_ids(std::string& out, std::span<const std::uint32_t> rules, std::string_view separator) const {
    rule_ids_.append_sorted(out, rules, separator);
  }
  // The rules names are folded with.
  const resolution_rules& rules() const { return rules_; }

  // Data of type T that readers derive from the graph and its statements
  // and that several of them need (graph.jsonld and graph.ndjson name
  // statements alike): made by make() for the first reader that asks, then
  // shared, from any thread, until add() or analyse() changes the graph.
  // Requests for one T wait while it is being made.
  template <typename T, typename Make>
  std::shared_ptr<const T> derived(Make&& make) const {
    std::lock_guard lock(derived_->mutex);
    std::shared_ptr<const void>& slot = derived_->items[std::type_index(typeid(T))];
    if (!slot) slot = std::make_shared<const T>(make());
    return std::static_pointer_cast<const T>(slot);
  }

 private:
  static constexpr std::uint32_t no_number = std::numeric_limits<std::uint32_t>::max();
  template <std::size_t n>
  static constexpr std::array<std::uint32_t, n> filled(std::uint32_t value) {
    std::array<std::uint32_t, n> out{};
    out.fill(value);
    return out;
  }

  // A hash of `text` for the tables below, fed 8 bytes at a time (ids and
  // labels are short; std::hash of a std::string costs several times more).
  // Only ever kept in memory, so it may change between releases.
  static std::uint64_t text_hash(std::string_view text, std::uint64_t seed = 0);

  // Numbers found by their key's hash (open addressing, linear probing),
  // for tables whose keys are kept elsewhere: find() asks the caller whether
  // a number's key is the one sought. Numbers are never removed.
  class hash_index {
   public:
    // The number stored under `hash` for which same(number) is true, or no_number.
    template <typename Same>
    std::uint32_t find(std::uint64_t hash, Same&& same) const {
      if (slots_.empty()) return no_number;
      for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
        const slot& at = slots_[i];
        if (at.number == no_number) return no_number;
        if (at.hash == hash && same(at.number)) return at.number;
      }
    }
    // Stores `number` under `hash` (not yet stored for its key).
    void insert(std::uint64_t hash, std::uint32_t number);

   private:
    struct slot {
      std::uint64_t hash = 0;
      std::uint32_t number = no_number;
    };
    std::vector<slot> slots_;  // a power of two of them, at most half used
    std::size_t mask_ = 0, used_ = 0;
  };

  // A slot among `slots` (a power of two) for text `a` (and `b`), from
  // their sizes and end bytes only: for the small caches of recent lookups
  // below, which compare the text itself anyway.
  static std::size_t recent_slot(std::size_t slots, std::string_view a, std::string_view b = {}) {
    auto ends = [](std::string_view t) -> std::size_t {
      return t.empty() ? 0 : static_cast<unsigned char>(t.front()) * 7u + static_cast<unsigned char>(t.back());
    };
    return (a.size() * 31 + b.size() * 131 + ends(a) * 3 + ends(b)) & (slots - 1);
  }

  // Strings kept once each, numbered in order of first appearance (the
  // deque's strings never move).
  class string_table {
   public:
    // The number of `s`, given it if it has none yet. A document's
    // statements come together and name few predicates, rules and
    // gazetteer ids: most strings were met a moment ago, and are found in
    // a small cache of recent ones before the hash table.
    std::uint32_t intern(std::string_view s) {
      recent_string& recent = recent_[recent_slot(recent_.size(), s)];
      if (recent.number == no_number || recent.text != s) {
        recent.number = find_or_add(s);
        recent.text = strings_[recent.number];
      }
      return recent.number;
    }
    const std::string& operator[](std::uint32_t n) const { return strings_[n]; }
    std::size_t size() const { return strings_.size(); }
    // The strings numbered `numbers`, in byte order.
    std::vector<std::string_view> sorted(std::span<const std::uint32_t> numbers) const;
    // Appends them to `out` in that order, each but the first after
    // `separator` when `out` has grown: no list of views is made.
    void append_sorted(std::string& out, std::span<const std::uint32_t> numbers, std::string_view separator) const;
    // Ranks every string kept so far by byte order, so that sorted() then
    // sorts numbers by rank rather than comparing strings (document ids
    // share long prefixes, and an entity may name hundreds of documents).
    // A string interned later makes sorted() compare strings again.
    void rank();

   private:
    std::uint32_t find_or_add(std::string_view s);
    // Calls f(text) for the strings numbered `numbers`, in byte order.
    template <typename F>
    void for_each_sorted(std::span<const std::uint32_t> numbers, F&& f) const;

    std::deque<std::string> strings_;
    hash_index numbers_;
    struct recent_string {
      std::string_view text;  // strings_[number]
      std::uint32_t number = no_number;
    };
    std::array<recent_string, 64> recent_;
    std::vector<std::uint32_t> rank_of_;   // number -> place in byte order (rank())
    std::string ranked_bytes_;             // the strings in byte order, one after the other (rank())
    std::vector<std::size_t> ranked_at_;   // place in byte order -> where its string starts there; one more: the end
  };

  // A vector that grows a chunk at a time and never moves its items: no
  // reallocation copies everything, nor holds the old and the new copy at
  // once (for 10^6 documents, 240 MB of statements would briefly need 720).
  // Chunks of 2^12 items (128 KiB of statements): small enough that a small
  // graph (a test makes hundreds) does not map megabytes it never uses.
  template <typename T>
  class chunked_vector {
   public:
    std::size_t size() const { return size_; }
    void push_back(const T& item) {
      if ((size_ & mask) == 0) chunks_.push_back(std::make_unique_for_overwrite<T[]>(chunk_size));
      chunks_.back()[size_ & mask] = item;
      ++size_;
    }
    T& operator[](std::size_t i) { return chunks_[i >> bits][i & mask]; }
    const T& operator[](std::size_t i) const { return chunks_[i >> bits][i & mask]; }
    const T& at(std::size_t i) const {
      if (i >= size_) throw std::out_of_range("knowledge graph: no statement number " + std::to_string(i));
      return (*this)[i];
    }

   private:
    static constexpr unsigned bits = 12;
    static constexpr std::size_t chunk_size = std::size_t{1} << bits, mask = chunk_size - 1;
    std::vector<std::unique_ptr<T[]>> chunks_;
    std::size_t size_ = 0;
  };

  // What memory keeps of a statement: where its record is, its document
  // and predicate numbers, and the vertices its ends resolved to (set by
  // place()).
  struct compact_statement {
    std::uint64_t offset;      // in the spool
    doc_number doc;
    std::uint32_t subject, object;
    // The ends' keys (numbers in keys_): the gazetteer id when the end has
    // one (bit 0 of kb_ends for the subject, bit 1 for the object), else
    // its name key, which links_ may still turn into a gazetteer id.
    std::uint32_t subject_key, object_key;
    std::uint16_t predicate;   // number in predicates_
    std::uint8_t kb_ends;
  };
  // Trivial, so that chunked_vector allocates its chunks without writing them.
  static_assert(std::is_trivially_default_constructible_v<compact_statement>);

  // The name key of `e` (resolution_rules::name_key), as a number in keys_;
  // each type and label is folded once (a quotation each time: its text is
  // not kept twice). `entry` is set to the number in names_ of e's type and
  // label, or no_number for a quotation.
  std::uint32_t name_key(const entity_ref& e, std::uint32_t& entry);
  // The key number an end with key `key` resolves to.
  std::uint32_t resolve(std::uint32_t key, bool kb) const;
  // The same, without noting that a link was used.
  std::uint32_t resolved_key(std::uint32_t key, bool kb) const;
  bool link(std::uint32_t name, std::uint32_t kb);
  // Rebuilds the graph from the spooled statements if a late link made it stale.
  void settle() const;
  // `subject_entry` and `object_entry`: the ends' numbers in names_, when
  // known (name_key()), so that their labels are compared as numbers.
  void place(std::size_t index, const statement& s, std::uint32_t subject_entry = no_number,
             std::uint32_t object_entry = no_number) const;
  // add() but for place(): the statement's keys, links, numbers and spool
  // record; true when a link changed how an end already placed resolves.
  bool record(const statement& s, std::array<std::uint32_t, 2>& entries);
  // Asks the processor for the memory place(index, s) will read: `ahead`
  // 2, the ends' label numbers and the edge slots; 1, what those hold the
  // address of (the edge bundle). A symmetric predicate's ends' keys too.
  // Reads only; what is not there yet is skipped.
  void prefetch_place(std::size_t index, const statement& s, int ahead) const;
  // The vertex of key number `key`, added for `e` if there is none, and
  // with e's label and aliases; `entry` as for place().
  vertex_id find_or_add(std::uint32_t key, const entity_ref& e, std::uint32_t entry) const;
  // Adds to each entity its mentions and documents in the statements placed
  // since the last call (entity::mentions, entity::docs): place() leaves
  // them to this, which reads the statements' ends in order and writes each
  // entity's list once, where place() would touch every end's vertex (a
  // cache miss on a large graph) for every statement. Does nothing when
  // every placed statement is counted already.
  void sync_entities() const;

  resolution_rules rules_;
  // Resolution keys (gazetteer ids and name keys), numbered.
  string_table keys_;
  // Type and label -> name key number, but for quotations: each pair's
  // bytes are kept once, one after the other, in name_bytes_.
  struct name_entry {
    std::uint64_t at;  // in name_bytes_
    std::uint32_t type_size, label_size;
    std::uint32_t key;
  };
  std::vector<name_entry> names_;
  std::string name_bytes_;
  hash_index name_index_;  // numbers in names_
  // Numbers in names_ of recent pairs, by recent_slot(): a document's
  // statements name the same entities again and again.
  std::array<std::uint32_t, 256> recent_names_ = filled<256>(no_number);
  bool same_name(std::uint32_t entry, const entity_ref& e) const;
  // Name key number -> the number of the one gazetteer id whose label folds
  // to it; no_link when none has named it, ambiguous_link when several
  // have. A vector indexed by key number, not a hash map: every end of
  // every statement looks its name up here, twice.
  static constexpr std::uint32_t no_link = no_number, ambiguous_link = no_number - 1;
  std::vector<std::uint32_t> links_;
  // Name key number -> whether an end of a placed statement resolved
  // through its link (so that undoing the link changes the graph).
  mutable std::vector<bool> link_used_;
  // Every statement in full, on disk (behind a pointer, so that the graph can move).
  std::unique_ptr<statement_spool> spool_;
  string_table doc_ids_;
  string_table predicates_;
  // The graph is a function of the statements and links_; it is rebuilt
  // lazily, hence mutable (not thread-safe, like every writer of this class).
  mutable bool stale_ = false;
  mutable std::size_t rebuilds_ = 0;
  std::size_t placed_early_ = 0;  // statements placed by settle_early()'s rebuilds
  mutable chunked_vector<compact_statement> statements_;
  mutable graph_type g_;
  // Key number -> its vertex, or no_number.
  mutable std::vector<std::uint32_t> vertex_of_key_;
  // What find_or_add() compares an end's label with, as numbers in names_,
  // without reading the vertex: its label (entity::label), and the last two
  // other labels met that are among its aliases and are no better a label
  // (better_label()) than this one; no_number where not known.
  struct vertex_names {
    std::uint32_t label;
    std::array<std::uint32_t, 2> aliases;
  };
  mutable std::vector<vertex_names> names_of_;
  // Statements whose ends' mentions and documents the entities count
  // (sync_entities()): the first synced_ placed.
  mutable std::size_t synced_ = 0;
  mutable string_table rule_ids_;  // numbered as place() meets them
  // The texts edge bundles refer to (attribute texts and dates), each kept once.
  mutable string_table edge_texts_;
  text_ref edge_text(std::string_view s) const { return text_ref(&edge_texts_[edge_texts_.intern(s)]); }
  // Fills `into`'s missing attributes from `from` (all of them for a new bundle).
  void merge_attributes(relation_attributes& into, const attributes& from) const;
  // The edge bundle of each (source, predicate number, target); vertex
  // numbers are kept in 32 bits, here and in compact_statement.
  struct edge_key {
    std::uint32_t source, target;
    std::uint16_t predicate;
    bool operator==(const edge_key&) const = default;
  };
  // Open addressing with linear probing, at most half full: a lookup mostly
  // reads one slot, key and bundle pointer together. place() looks up every
  // statement's edge, and std::unordered_map's bucket, node and next-node
  // reads were three dependent cache misses (perf: most of place()'s time
  // on a 10 MB corpus).
  class edge_table {
   public:
    // The bundle pointer stored for `k`; when there is none yet, `found` is
    // false and the slot returned is k's, for the caller to fill with a
    // bundle (never nullptr). The reference is valid until the next call.
    relation*& find_or_slot(const edge_key& k, bool& found);
    // Prefetches the slot where a lookup of `k` starts.
    void prefetch(const edge_key& k) const {
      if (!slots_.empty()) __builtin_prefetch(&slots_[hash(k) & mask_]);
    }
    // The bundle stored for `k`, or nullptr; reads only.
    const relation* peek(const edge_key& k) const { return slots_.empty() ? nullptr : slots_[probe(k)].bundle; }
    void clear() {
      slots_.clear();
      mask_ = used_ = 0;
    }

   private:
    struct slot {
      edge_key key{};
      relation* bundle = nullptr;  // nullptr: a free slot
    };
    static std::size_t hash(const edge_key& k) {
      const std::uint64_t x = (std::uint64_t{k.source} << 32 | k.target) ^ (std::uint64_t{k.predicate} << 17);
      return static_cast<std::size_t>((x * 0x9E3779B97F4A7C15ULL) >> 20);
    }
    // The slot holding `k`, or the free one where it would go (the table
    // has slots, and a free one).
    std::size_t probe(const edge_key& k) const {
      std::size_t i = hash(k) & mask_;
      while (slots_[i].bundle && !(slots_[i].key == k)) i = (i + 1) & mask_;
      return i;
    }
    void grow();
    std::vector<slot> slots_;  // a power of two of them
    std::size_t mask_ = 0, used_ = 0;
  };
  mutable edge_table edges_;
  // What derived() has made, behind a pointer (a mutex cannot move).
  struct derived_data {
    std::mutex mutex;
    std::map<std::type_index, std::shared_ptr<const void>> items;
  };
  std::unique_ptr<derived_data> derived_ = std::make_unique<derived_data>();
  void forget_derived() {
    if (!derived_->items.empty()) derived_->items.clear();
  }
};

}  // namespace econkg
