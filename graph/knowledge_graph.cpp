#include "graph/knowledge_graph.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <unordered_set>
#include <utility>

#include "graph/iri.hpp"

namespace econkg {

namespace {

// SPEC §2 marks these ↔: A partners_with B says the same as B partners_with A.
bool is_symmetric(std::string_view predicate) {
  return predicate == "partners_with" || predicate == "meets";
}

std::size_t code_points(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// "Microsoft", not "MICROSOFT" from a headline nor "microsoft" from a URL.
bool mixed_case(std::string_view s) {
  bool upper = false, lower = false;
  for (char c : s) {
    upper = upper || (c >= 'A' && c <= 'Z');
    lower = lower || (c >= 'a' && c <= 'z');
  }
  return upper && lower;
}

// The fullest label wins; among equally long ones a mixed-case one, then the
// first in byte order, so that the label does not depend on which document
// came first.
bool better_label(const std::string& candidate, const std::string& current) {
  std::size_t a = code_points(candidate), b = code_points(current);
  if (a != b) return a > b;
  bool ma = mixed_case(candidate), mb = mixed_case(current);
  if (ma != mb) return ma;
  return candidate < current;
}

template <typename T>
void fill(std::optional<T>& into, const std::optional<T>& from) {
  if (!into && from) into = from;
}

// Power iteration with the dangling nodes' rank spread evenly over all nodes.
// Boost's page_rank() has no such step: rank leaks through every vertex
// without out-edges (most Places), and its remedy, remove_dangling_links(),
// deletes exactly the vertices analysts look for. Edges are counted, not
// weighted, as Boost does. Vertices are visited in index order, so the result
// is deterministic.
std::vector<double> page_rank(const graph_type& g, double damping, std::size_t min_iterations,
                              std::size_t max_iterations, double tolerance) {
  const std::size_t n = boost::num_vertices(g);
  // The vertices without out-edges, found once rather than on every
  // iteration; their rank is summed in the same order, so to the same bit.
  std::vector<vertex_id> dangling_vertices;
  for (vertex_id v = 0; v < n; ++v)
    if (boost::out_degree(v, g) == 0) dangling_vertices.push_back(v);
  // The out-edges' targets in one array, vertex after vertex, each vertex's
  // in out_edges() order (compressed sparse rows): every iteration reads
  // them in sequence rather than chasing each vertex's edge list, and adds
  // the same numbers in the same order, so to the same bit.
  // Vertex numbers fit in 32 bits (compact_statement keeps them so): half
  // the bytes every iteration reads.
  std::vector<std::uint32_t> first(n + 1, 0);
  std::vector<std::uint32_t> targets;
  if (boost::num_edges(g) >= std::numeric_limits<std::uint32_t>::max())
    throw std::runtime_error("knowledge graph: too many relations");
  targets.reserve(boost::num_edges(g));
  for (vertex_id u = 0; u < n; ++u) {
    for (auto [e, end] = boost::out_edges(u, g); e != end; ++e)
      targets.push_back(static_cast<std::uint32_t>(boost::target(*e, g)));
    first[u + 1] = static_cast<std::uint32_t>(targets.size());
  }
  std::vector<double> rank(n, n ? 1.0 / static_cast<double>(n) : 0.0), next(n);
  for (std::size_t it = 0; it < max_iterations && n; ++it) {
    double dangling = 0.0;
    for (vertex_id v : dangling_vertices) dangling += rank[v];
    const double base = (1.0 - damping + damping * dangling) / static_cast<double>(n);
    std::fill(next.begin(), next.end(), base);
    for (vertex_id u = 0; u < n; ++u) {
      const std::uint32_t begin = first[u], end = first[u + 1];
      if (begin == end) continue;
      const double share = damping * rank[u] / static_cast<double>(end - begin);
      for (std::uint32_t k = begin; k < end; ++k) next[targets[k]] += share;
    }
    double change = 0.0;
    for (std::size_t i = 0; i < n; ++i) change += std::fabs(next[i] - rank[i]);
    rank.swap(next);
    if (it + 1 >= min_iterations && change < tolerance) break;
  }
  return rank;
}

bool is_money_flow(std::string_view predicate) {
  return predicate == "invests_in" || predicate == "acquires" || predicate == "funds";
}

// Totals of extracted numbers: a wrong amount must not wrap into a negative total.
std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (__builtin_add_overflow(a, b, &out))
    return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
  return out;
}

}  // namespace

knowledge_graph::knowledge_graph(resolution_rules rules, const std::filesystem::path& spool_dir)
    : rules_(std::move(rules)),
      spool_(std::make_unique<statement_spool>(spool_dir.empty() ? std::filesystem::temp_directory_path()
                                                                 : spool_dir)) {}

std::uint32_t knowledge_graph::name_key(const entity_ref& e, std::uint32_t& entry) {
  // A quotation's label is the whole quote, met once: caching it would keep
  // every quote's text a second time (the vertex has it).
  entry = no_number;
  if (e.type == "Quotation") return keys_.intern(rules_.name_key(e));
  std::uint32_t& recent = recent_names_[recent_slot(recent_names_.size(), e.type, e.label)];
  if (recent != no_number && same_name(recent, e)) {
    entry = recent;
    return names_[recent].key;
  }
  const std::uint64_t hash = text_hash(e.label, text_hash(e.type));
  recent = name_index_.find(hash, [&](std::uint32_t n) { return same_name(n, e); });
  if (recent == no_number) {
    const std::uint32_t number = keys_.intern(rules_.name_key(e));
    recent = static_cast<std::uint32_t>(names_.size());
    names_.push_back({name_bytes_.size(), static_cast<std::uint32_t>(e.type.size()),
                      static_cast<std::uint32_t>(e.label.size()), number});
    name_bytes_.append(e.type).append(e.label);
    name_index_.insert(hash, recent);
  }
  entry = recent;
  return names_[recent].key;
}

// Whether names_[entry] is `e`'s type and label.
bool knowledge_graph::same_name(std::uint32_t entry, const entity_ref& e) const {
  const name_entry& n = names_[entry];
  const std::string_view bytes(name_bytes_.data() + n.at, n.type_size + n.label_size);
  return n.type_size == e.type.size() && n.label_size == e.label.size() && bytes.starts_with(e.type) &&
         bytes.ends_with(e.label);
}

std::uint32_t knowledge_graph::resolved_key(std::uint32_t key, bool kb) const {
  if (kb || key >= links_.size()) return key;
  const std::uint32_t link = links_[key];
  return link == no_link || link == ambiguous_link ? key : link;
}

std::uint32_t knowledge_graph::resolve(std::uint32_t key, bool kb) const {
  const std::uint32_t resolved = resolved_key(key, kb);
  if (resolved != key) {
    if (link_used_.size() <= key) link_used_.resize(keys_.size(), false);
    link_used_[key] = true;
  }
  return resolved;
}

bool knowledge_graph::relinked(std::size_t index) const {
  settle();
  const compact_statement& c = statements_.at(index);
  return resolved_key(c.subject_key, c.kb_ends & 1) != c.subject_key ||
         resolved_key(c.object_key, c.kb_ends & 2) != c.object_key;
}

// Records that the label whose name key is number `name` names the
// gazetteer entity whose id is number `kb` (no_number for an end without
// one: no link); true when that changes how an entity already in the graph
// resolves.
bool knowledge_graph::link(std::uint32_t name, std::uint32_t kb) {
  if (kb == no_number) return false;
  if (links_.size() <= name) links_.resize(keys_.size(), no_link);
  std::uint32_t& link = links_[name];
  if (link == no_link) {
    link = kb;
    return name < vertex_of_key_.size() && vertex_of_key_[name] != no_number;  // a mention without id now joins e
  }
  if (link == ambiguous_link || link == kb) return false;
  link = ambiguous_link;  // two gazetteer ids for one name: trust neither
  // Only an end placed through the old link resolves otherwise now.
  return name < link_used_.size() && link_used_[name];
}

namespace {

// Adds `n` to an ascending list of numbers. Document numbers mostly come in
// ascending order (a document's statements arrive together), so this is
// usually a push_back.
template <typename Numbers>
void add_number(Numbers& numbers, std::uint32_t n) {
  if (numbers.empty() || numbers.back() < n) {
    numbers.push_back(n);
    return;
  }
  if (numbers.back() == n) return;  // the same document again
  auto pos = std::lower_bound(numbers.begin(), numbers.end(), n);
  if (*pos != n) numbers.insert(pos, n);
}

}  // namespace

vertex_id knowledge_graph::find_or_add(std::uint32_t key, const entity_ref& e, std::uint32_t entry) const {
  if (vertex_of_key_.size() < keys_.size()) vertex_of_key_.resize(keys_.size(), no_number);
  std::uint32_t& slot = vertex_of_key_[key];
  if (slot == no_number) {
    // Filled in place: add_vertex() copies a bundle it is given.
    slot = static_cast<std::uint32_t>(boost::add_vertex(g_));
    entity& fresh = g_[slot];
    fresh.key = keys_[key];
    fresh.iri = key_iri(fresh.key);
    fresh.label = e.label;
    if (!e.label.empty()) fresh.aliases.insert(e.label);
    fresh.type = e.type;
    names_of_.push_back({entry, {no_number, no_number}});
  }
  const vertex_id id = slot;
  // The label is always among the aliases: the same label again (the
  // common case, told by its names_ number without reading the vertex)
  // changes neither, and nor does an alias met lately that was not a better
  // label than this one (so that an entity named two or three ways in turn
  // is not looked up by text each time).
  vertex_names& known = names_of_[id];
  if (entry == no_number || (entry != known.label && entry != known.aliases[0] && entry != known.aliases[1])) {
    entity& v = g_[id];
    if (e.label == v.label) {
      known.label = entry;
    } else {
      if (better_label(e.label, v.label)) {
        v.label = e.label;
        known = {entry, {no_number, no_number}};
      } else if (entry != no_number) {
        known.aliases = {entry, known.aliases[0]};
      }
      if (!e.label.empty()) v.aliases.insert(e.label);
    }
  }
  if (!e.aliases.empty()) {
    entity& v = g_[id];
    for (const std::string& a : e.aliases)
      if (!a.empty()) v.aliases.insert(a);
  }
  return id;
}

void knowledge_graph::sync_entities() const {
  const std::size_t n = statements_.size();
  if (synced_ >= n) return;
  // Each vertex's new (statement, document) ends in statement order, as
  // place() met them, gathered in one array by counting sort: first how
  // many each vertex has (an end in the same document as the vertex's
  // previous one adds nothing to its list, but counts as a mention), then
  // the documents themselves; then each entity's list gets its documents in
  // that order through add_number(), as it would have one end at a time.
  const std::size_t vertices = boost::num_vertices(g_);
  std::vector<std::uint32_t> mentions(vertices, 0), first(vertices + 1, 0), last(vertices, no_number);
  auto ends = [&](auto&& f) {
    for (std::size_t i = synced_; i < n; ++i) {
      const compact_statement& c = statements_[i];
      f(c.subject, c.doc);
      f(c.object, c.doc);
    }
  };
  ends([&](std::uint32_t v, doc_number d) {
    ++mentions[v];
    if (last[v] != d) {
      last[v] = d;
      ++first[v + 1];
    }
  });
  for (std::size_t v = 0; v < vertices; ++v) first[v + 1] += first[v];
  std::vector<doc_number> docs(first[vertices]);
  std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
  std::fill(last.begin(), last.end(), no_number);
  ends([&](std::uint32_t v, doc_number d) {
    if (last[v] != d) {
      last[v] = d;
      docs[next[v]++] = d;
    }
  });
  for (std::size_t v = 0; v < vertices; ++v) {
    if (!mentions[v]) continue;
    entity& e = g_[v];
    e.mentions += mentions[v];
    for (std::size_t k = first[v]; k < first[v + 1]; ++k) add_number(e.docs, docs[k]);
  }
  synced_ = n;
}

std::uint32_t knowledge_graph::string_table::find_or_add(std::string_view s) {
  const std::uint64_t hash = text_hash(s);
  const std::uint32_t found = numbers_.find(hash, [&](std::uint32_t n) { return strings_[n] == s; });
  if (found != no_number) return found;
  // Numbers stay below the two highest values, which links_ gives other meanings.
  if (strings_.size() >= ambiguous_link) throw std::runtime_error("knowledge graph: too many distinct ids");
  const auto number = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(s);
  numbers_.insert(hash, number);
  return number;
}

std::uint64_t knowledge_graph::text_hash(std::string_view text, std::uint64_t seed) {
  // FxHash's step (rotate, xor a word, multiply) over 8-byte words, the
  // last word read from the end (overlapping) or built from the few bytes
  // left; then a final mix, since the table places keys by the low bits.
  constexpr std::uint64_t k = 0x517cc1b727220a95ULL;
  auto step = [](std::uint64_t h, std::uint64_t word) { return (std::rotl(h, 5) ^ word) * k; };
  auto load = [](const char* p, auto size) {
    decltype(size) v;
    std::memcpy(&v, p, sizeof v);
    return static_cast<std::uint64_t>(v);
  };
  const char* p = text.data();
  std::size_t n = text.size();
  std::uint64_t h = step(seed, n);
  for (; n > 8; p += 8, n -= 8) h = step(h, load(p, std::uint64_t{}));
  if (n == 8)
    h = step(h, load(p, std::uint64_t{}));
  else if (n >= 4)
    h = step(h, load(p, std::uint32_t{}) | load(p + n - 4, std::uint32_t{}) << 32);
  else if (n > 0)
    h = step(h, static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
                    static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
                    static_cast<unsigned char>(p[n - 1]));
  h ^= h >> 32;
  h *= 0xd6e8feb86659fd93ULL;
  return h ^ (h >> 32);
}

void knowledge_graph::hash_index::insert(std::uint64_t hash, std::uint32_t number) {
  if (2 * (used_ + 1) > slots_.size()) {
    std::vector<slot> old(std::max<std::size_t>(16, 2 * slots_.size()));
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    used_ = 0;
    for (const slot& s : old)
      if (s.number != no_number) insert(s.hash, s.number);
  }
  std::size_t i = hash & mask_;
  while (slots_[i].number != no_number) i = (i + 1) & mask_;
  slots_[i] = {hash, number};
  ++used_;
}

template <typename F>
void knowledge_graph::string_table::for_each_sorted(std::span<const std::uint32_t> numbers, F&& f) const {
  if (rank_of_.size() == strings_.size()) {
    // Ranked: sort the ranks (distinct strings have distinct ranks), and
    // read the strings from ranked_bytes_, one buffer an exporter's many
    // lists read in cache where the strings themselves are scattered.
    thread_local std::vector<std::uint32_t> ranks;
    ranks.clear();
    for (std::uint32_t n : numbers) ranks.push_back(rank_of_[n]);
    std::sort(ranks.begin(), ranks.end());
    const std::string_view all(ranked_bytes_);
    for (std::uint32_t r : ranks) f(all.substr(ranked_at_[r], ranked_at_[r + 1] - ranked_at_[r]));
    return;
  }
  thread_local std::vector<std::string_view> views;
  views.clear();
  for (std::uint32_t n : numbers) views.emplace_back(strings_[n]);
  std::sort(views.begin(), views.end());
  for (std::string_view v : views) f(v);
}

std::vector<std::string_view> knowledge_graph::string_table::sorted(std::span<const std::uint32_t> numbers) const {
  std::vector<std::string_view> out;
  out.reserve(numbers.size());
  for_each_sorted(numbers, [&out](std::string_view s) { out.push_back(s); });
  return out;
}

void knowledge_graph::string_table::append_sorted(std::string& out, std::span<const std::uint32_t> numbers,
                                                  std::string_view separator) const {
  const std::size_t start = out.size();
  for_each_sorted(numbers, [&](std::string_view s) {
    if (out.size() != start) out += separator;
    out += s;
  });
}

void knowledge_graph::string_table::rank() {
  std::vector<std::uint32_t> by_rank(strings_.size());  // place in byte order -> number
  std::iota(by_rank.begin(), by_rank.end(), std::uint32_t{0});
  std::sort(by_rank.begin(), by_rank.end(),
            [this](std::uint32_t a, std::uint32_t b) { return strings_[a] < strings_[b]; });
  rank_of_.resize(strings_.size());
  ranked_bytes_.clear();
  ranked_at_.clear();
  ranked_at_.reserve(by_rank.size() + 1);
  for (std::size_t r = 0; r < by_rank.size(); ++r) {
    rank_of_[by_rank[r]] = static_cast<std::uint32_t>(r);
    ranked_at_.push_back(ranked_bytes_.size());
    ranked_bytes_ += strings_[by_rank[r]];
  }
  ranked_at_.push_back(ranked_bytes_.size());
}

void knowledge_graph::add(const statement& s) {
  forget_derived();
  std::array<std::uint32_t, 2> entries;
  if (record(s, entries)) stale_ = true;
  if (!stale_) place(statements_.size() - 1, s, entries[0], entries[1]);
}

void knowledge_graph::add(std::span<const statement* const> batch) {
  forget_derived();
  // Recording every statement before placing any gives the graph add()
  // gives one by one: placing is a function of the statements and the
  // final links (settle()), and record() reports a link that changes an
  // end already placed; an end placed after its link here uses it.
  const std::size_t first = statements_.size();
  // Each statement's ends' numbers in names_, for place().
  std::vector<std::array<std::uint32_t, 2>> entries(batch.size());
  for (std::size_t i = 0; i < batch.size(); ++i)
    if (record(*batch[i], entries[i])) stale_ = true;
  if (stale_) return;
  // Two steps ahead: a vertex or slot read at step 2 gives the address
  // prefetched at step 1. A few statements per step cover the latency of
  // memory (about 200 ns here) with the work of placing them.
  constexpr std::size_t step = 4;
  const std::size_t n = batch.size();
  for (std::size_t i = 0; i < std::min(n, 2 * step); ++i) prefetch_place(first + i, *batch[i], 2);
  for (std::size_t i = 0; i < std::min(n, step); ++i) prefetch_place(first + i, *batch[i], 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (i + 2 * step < n) prefetch_place(first + i + 2 * step, *batch[i + 2 * step], 2);
    if (i + step < n) prefetch_place(first + i + step, *batch[i + step], 1);
    place(first + i, *batch[i], entries[i][0], entries[i][1]);
  }
}

void knowledge_graph::prefetch_place(std::size_t index, const statement& s, int ahead) const {
  const compact_statement& c = statements_[index];
  auto vertex = [&](std::uint32_t key, bool kb) {
    key = resolved_key(key, kb);
    return key < vertex_of_key_.size() ? vertex_of_key_[key] : no_number;
  };
  const std::uint32_t u = vertex(c.subject_key, c.kb_ends & 1), v = vertex(c.object_key, c.kb_ends & 2);
  const bool symmetric = is_symmetric(s.predicate);
  if (ahead == 2) {
    for (std::uint32_t x : {u, v}) {
      if (x == no_number) continue;
      // The label's number; a symmetric predicate's ends compare their keys.
      __builtin_prefetch(&names_of_[x]);
      if (symmetric) __builtin_prefetch(&g_[x].key);
    }
    if (u != no_number && v != no_number) {
      edges_.prefetch({u, v, c.predicate});
      if (symmetric) edges_.prefetch({v, u, c.predicate});
    }
    return;
  }
  if (symmetric)
    for (std::uint32_t x : {u, v})
      if (x != no_number) __builtin_prefetch(g_[x].key.data());
  if (u != no_number && v != no_number) {
    const relation* r = edges_.peek({u, v, c.predicate});
    if (!r && symmetric) r = edges_.peek({v, u, c.predicate});
    if (r) {
      const char* at = reinterpret_cast<const char*>(r);
      for (std::size_t line = 0; line < sizeof(relation); line += 64) __builtin_prefetch(at + line);
    }
  }
}

bool knowledge_graph::record(const statement& s, std::array<std::uint32_t, 2>& entries) {
  const std::uint32_t subject_name = name_key(s.subject, entries[0]), object_name = name_key(s.object, entries[1]);
  const std::uint32_t subject_kb = s.subject.kb_id.empty() ? no_number : keys_.intern(s.subject.kb_id);
  const std::uint32_t object_kb = s.object.kb_id.empty() ? no_number : keys_.intern(s.object.kb_id);
  // Both links, always.
  const bool subject_relinks = link(subject_name, subject_kb);
  const bool relink = link(object_name, object_kb) || subject_relinks;
  const std::uint32_t predicate = predicates_.intern(s.predicate);
  if (predicate > std::numeric_limits<std::uint16_t>::max())
    throw std::runtime_error("knowledge graph: too many predicates");
  compact_statement c{};  // every field zero until set
  c.doc = doc_ids_.intern(s.doc);
  c.predicate = static_cast<std::uint16_t>(predicate);
  c.subject_key = subject_kb == no_number ? subject_name : subject_kb;
  c.object_key = object_kb == no_number ? object_name : object_kb;
  c.kb_ends = static_cast<std::uint8_t>((subject_kb == no_number ? 0 : 1) | (object_kb == no_number ? 0 : 2));
  c.offset = spool_->append(s);
  statements_.push_back(c);
  return relink;
}

void knowledge_graph::settle() const {
  if (!stale_) return;
  g_ = graph_type();
  names_of_.clear();
  synced_ = 0;
  vertex_of_key_.assign(keys_.size(), no_number);
  link_used_.assign(keys_.size(), false);
  edges_.clear();
  stale_ = false;
  ++rebuilds_;
  // place() needs every field but the evidence.
  statement_spool::reader reader(*spool_);
  statement s;
  for (std::size_t i = 0; i < statements_.size(); ++i) {
    reader.read(statements_[i].offset, s, statement_spool::reader::skip_evidence);
    place(i, s);
  }
}

bool knowledge_graph::resolved_through_links() const {
  settle();
  // After settle(), link_used_ marks exactly the name keys through whose
  // link an end of a placed statement resolved to another key (resolve()).
  return std::find(link_used_.begin(), link_used_.end(), true) != link_used_.end();
}

void knowledge_graph::settle_early() {
  if (!stale_ || placed_early_ > statements_.size()) return;
  placed_early_ += statements_.size();
  settle();
}

// Places statement number `index`, whose record is `s`.
void knowledge_graph::place(std::size_t index, const statement& s, std::uint32_t subject_entry,
                            std::uint32_t object_entry) const {
  compact_statement& c = statements_[index];
  vertex_id u = find_or_add(resolve(c.subject_key, c.kb_ends & 1), s.subject, subject_entry);
  vertex_id v = find_or_add(resolve(c.object_key, c.kb_ends & 2), s.object, object_entry);
  c.subject = static_cast<std::uint32_t>(u);
  c.object = static_cast<std::uint32_t>(v);
  // One edge per unordered pair: the endpoint with the smaller key is the source,
  // which does not depend on which of the two a document names first.
  if (is_symmetric(s.predicate) && g_[v].key < g_[u].key) std::swap(u, v);

  const edge_key k{static_cast<std::uint32_t>(u), static_cast<std::uint32_t>(v), c.predicate};
  bool found = false;
  relation*& bundle = edges_.find_or_slot(k, found);
  const bool inserted = !found;
  if (inserted) {
    // Edge bundles live in the graph's edge list and never move. The bundle
    // is filled in place: add_edge() copies a bundle it is given.
    relation& r = g_[boost::add_edge(u, v, g_).first];
    r.predicate = text_ref(&predicates_[c.predicate]);
    bundle = &r;
  }
  relation& r = *bundle;
  ++r.weight;
  add_number(r.docs, c.doc);
  if (!s.rule.empty()) add_number(r.rules, rule_ids_.intern(s.rule));
  merge_attributes(r.attrs, s.attrs);
  if (!s.attrs.date.empty()) {
    const std::string_view date = s.attrs.date;
    auto pos = std::lower_bound(r.dates.begin(), r.dates.end(), date,
                                [](text_ref a, std::string_view b) { return a.view() < b; });
    if (pos == r.dates.end() || *pos != date) r.dates.insert(pos, edge_text(date));
  }
  r.confidence = std::max(r.confidence, s.confidence);
}

void knowledge_graph::merge_attributes(relation_attributes& into, const attributes& from) const {
  fill(into.amount, from.amount);
  fill(into.jobs, from.jobs);
  fill(into.quantity, from.quantity);
  fill(into.stake, from.stake);
  auto fill_text = [&](text_ref& into_text, const std::string& from_text) {
    if (into_text.empty() && !from_text.empty()) into_text = edge_text(from_text);
  };
  fill_text(into.currency, from.currency);
  fill_text(into.date, from.date);
  fill_text(into.product, from.product);
  fill_text(into.title, from.title);
  fill_text(into.quote, from.quote);
  fill_text(into.round, from.round);
  fill_text(into.sector, from.sector);
}

relation*& knowledge_graph::edge_table::find_or_slot(const edge_key& k, bool& found) {
  if (2 * (used_ + 1) > slots_.size()) grow();
  slot& at = slots_[probe(k)];
  found = at.bundle != nullptr;
  if (!found) {
    at.key = k;
    ++used_;
  }
  return at.bundle;
}

void knowledge_graph::edge_table::grow() {
  std::vector<slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : 2 * old.size(), slot{});
  mask_ = slots_.size() - 1;
  used_ = 0;
  for (const slot& s : old) {
    if (!s.bundle) continue;
    std::size_t i = hash(s.key) & mask_;
    while (slots_[i].bundle) i = (i + 1) & mask_;
    slots_[i] = s;
    ++used_;
  }
}

void knowledge_graph::analyse() {
  begin_analysis();
  finish_analysis();
}

void knowledge_graph::begin_analysis() {
  settle();
  sync_entities();
  forget_derived();
  // The outputs list documents and rules in byte order, edge by edge.
  doc_ids_.rank();
  rule_ids_.rank();
}

void knowledge_graph::finish_analysis() {
  const std::size_t n = boost::num_vertices(g_);
  for (vertex_id v = 0; v < n; ++v) {
    g_[v].in_degree = boost::in_degree(v, g_);
    g_[v].out_degree = boost::out_degree(v, g_);
  }

  const std::vector<double> rank = page_rank(g_, 0.85, 20, 200, 1e-12);
  for (vertex_id v = 0; v < n; ++v) g_[v].pagerank = rank[v];

  // Weak components: the same edges, direction forgotten, joined by
  // union-find rather than in an undirected copy of the graph (which would
  // cost memory per edge). Components are numbered in vertex order, as
  // boost::connected_components numbers them: vertex 0 is always in component 0.
  std::vector<vertex_id> parent(n);
  std::iota(parent.begin(), parent.end(), vertex_id{0});
  auto root = [&parent](vertex_id v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];  // path halving
    return v;
  };
  for (auto [e, end] = boost::edges(g_); e != end; ++e) {
    const vertex_id a = root(boost::source(*e, g_)), b = root(boost::target(*e, g_));
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
  constexpr std::size_t unnumbered = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> number(n, unnumbered);
  std::size_t components = 0;
  for (vertex_id v = 0; v < n; ++v) {
    std::size_t& c = number[root(v)];
    if (c == unnumbered) c = components++;
    g_[v].component = c;
  }

  for (vertex_id v = 0; v < n; ++v) {
    entity& e = g_[v];
    e.invested_eur = e.received_eur = e.jobs_created = e.jobs_cut = 0;
  }
  // SPEC §3 gives every partner of a joint project and every investor of a
  // funding round the full amount: the receiver counts such an amount once
  // (same predicate, amount and documents), the givers each count it.
  // The amounts counted so far, by receiver, predicate, amount and
  // documents (the bundles' own lists: the graph does not change here).
  struct received_amount {
    vertex_id to;
    std::string_view predicate;
    std::int64_t amount;
    std::span<const doc_number> docs;
    bool operator==(const received_amount& o) const {
      return to == o.to && amount == o.amount && predicate == o.predicate && std::ranges::equal(docs, o.docs);
    }
  };
  struct received_hash {
    std::size_t operator()(const received_amount& r) const {
      std::uint64_t h = (r.to * 0x9E3779B97F4A7C15ULL) ^ static_cast<std::uint64_t>(r.amount);
      for (doc_number d : r.docs) h = (std::rotl(h, 5) ^ d) * 0x517cc1b727220a95ULL;
      return static_cast<std::size_t>(h ^ (h >> 29));
    }
  };
  std::unordered_set<received_amount, received_hash> received;
  for (auto [e, end] = boost::edges(g_); e != end; ++e) {
    const relation& r = g_[*e];
    entity& from = g_[boost::source(*e, g_)];
    entity& to = g_[boost::target(*e, g_)];
    if (is_money_flow(r.predicate) && r.attrs.amount && r.attrs.currency == "EUR") {
      from.invested_eur = saturating_add(from.invested_eur, *r.attrs.amount);
      if (received.insert({boost::target(*e, g_), r.predicate, *r.attrs.amount, r.docs}).second)
        to.received_eur = saturating_add(to.received_eur, *r.attrs.amount);
    }
    if (r.attrs.jobs) {
      if (r.predicate == "creates_jobs" || r.predicate == "opens")
        from.jobs_created = saturating_add(from.jobs_created, *r.attrs.jobs);
      else if (r.predicate == "cuts_jobs")
        from.jobs_cut = saturating_add(from.jobs_cut, *r.attrs.jobs);
    }
  }
}

}  // namespace econkg
