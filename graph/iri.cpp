#include "graph/iri.hpp"

#include "graph/fold_rules.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <cstdint>
#include <fstream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <set>
#include <unordered_map>
#include <vector>

namespace econkg {

namespace {

using fold::fold_rules;
using fold::slug_rules;

std::unique_ptr<icu::Transliterator> compile(const char* rules) {
  UParseError parse_error{};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
      "econkg", icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || !t)
    throw std::runtime_error(std::string("graph/iri.cpp: cannot compile transliterator rules: ") +
                             u_errorName(status));
  return t;
}

// ICU transliterators are not safe to share between threads, and compiling
// rules is slow (the first compilation builds ICU's registry of
// transliterators: a tenth of a second): compile each rule set once, when a
// label first needs it (magic statics make that thread-safe), and give every
// thread its own clone.
icu::Transliterator& thread_transliterator(bool for_slug) {
  if (for_slug) {
    static const std::unique_ptr<icu::Transliterator> slug_proto = compile(slug_rules);
    thread_local std::unique_ptr<icu::Transliterator> slugger(slug_proto->clone());
    return *slugger;
  }
  static const std::unique_ptr<icu::Transliterator> fold_proto = compile(fold_rules);
  thread_local std::unique_ptr<icu::Transliterator> fold(fold_proto->clone());
  return *fold;
}

// ASCII after folding: lower-case letters kept, and for a slug every run of
// other characters one dash (the last rule of slug_rules).
void append_folded_ascii(std::string& out, std::string_view folded, bool for_slug, bool& gap) {
  if (!for_slug) {
    // Appended whole, then lowered in place: no capacity check per byte.
    const std::size_t at = out.size();
    out.append(folded);
    for (std::size_t i = at; i < out.size(); ++i)
      if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
    return;
  }
  for (char c : folded) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (!for_slug) {
      out += l;
    } else if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
      if (gap) out += '-';
      out += l;
      gap = false;
    } else {
      gap = true;
    }
  }
}

std::string icu_fold(std::string_view text, bool for_slug) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  thread_transliterator(for_slug).transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Whether the ICU library met at run time is the one that computed the table.
bool same_icu_as_build() {
  UVersionInfo version;
  u_getVersion(version);
  char running[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, running);
  return std::string_view(running) == fold::generated_icu_version;
}

// The fold of each table code point (see graph/fold_rules.hpp): the
// build's ICU computed them once (graph/gen/fold_table_gen.cpp). Should the
// ICU library met at run time be another version than the one econkg was
// built with, its rules compute them again, so that the table always agrees
// with the ICU that folds the other labels.
const std::vector<std::string>& fold_table() {
  static const std::vector<std::string> table = [] {
    std::vector<std::string> t(fold::table_size);
    const bool same_icu = same_icu_as_build();
    for (std::size_t i = 0; i < fold::table_size; ++i) {
      if (same_icu) {
        t[i] = fold::generated_table[i];
        continue;
      }
      icu::UnicodeString u(static_cast<UChar32>(fold::table_code_point(i)));
      std::string utf8;
      u.toUTF8String(utf8);
      t[i] = icu_fold(utf8, false);
    }
    return t;
  }();
  return table;
}

// The fold through the table, or nullopt when `text` has a code point
// outside it (or bytes that are not UTF-8).
std::optional<std::string> table_fold(std::string_view text, bool for_slug) {
  const auto& table = fold_table();
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (std::size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      // A run of ASCII bytes (most of a label) at once.
      std::size_t end = i + 1;
      while (end < text.size() && static_cast<unsigned char>(text[end]) < 0x80) ++end;
      append_folded_ascii(out, text.substr(i, end - i), for_slug, gap);
      i = end;
      continue;
    }
    UChar32 c = 0;
    auto pos = static_cast<int32_t>(i);
    U8_NEXT(text.data(), pos, static_cast<int32_t>(text.size()), c);
    if (c < 0) return std::nullopt;
    const std::size_t index = fold::table_index(static_cast<char32_t>(c));
    if (index == fold::table_size) return std::nullopt;
    const std::string& f = table[index];
    // Folds are ASCII (or empty); one that is not goes through ICU whole.
    if (std::any_of(f.begin(), f.end(), [](char x) { return (x & 0x80) != 0; })) return std::nullopt;
    append_folded_ascii(out, f, for_slug, gap);
    i = static_cast<std::size_t>(pos);
  }
  if (for_slug && gap) out += '-';
  return out;
}

std::string transliterate(std::string_view text, bool for_slug) {
  // Most labels are plain ASCII or Latin text, for which a table of the
  // rules' results per code point gives the same fold without ICU, which
  // costs microseconds per call.
  if (auto folded = table_fold(text, for_slug)) return *std::move(folded);
  // The same few thousand names come back in every statement and every
  // output format: remember them (per thread, so no lock; bounded, so a long
  // stream cannot grow it without end).
  thread_local std::unordered_map<std::string, std::string> memo[2];
  auto& cache = memo[for_slug ? 1 : 0];
  std::string key(text);
  if (auto hit = cache.find(key); hit != cache.end()) return hit->second;
  std::string out = icu_fold(text, for_slug);
  if (cache.size() >= 65536) cache.clear();
  cache.emplace(std::move(key), out);
  return out;
}

}  // namespace

namespace detail {
std::string fold_for_test(std::string_view text, bool for_slug) { return transliterate(text, for_slug); }
std::string icu_fold_for_test(std::string_view text, bool for_slug) { return icu_fold(text, for_slug); }
bool fold_table_from_build() { return same_icu_as_build(); }
}  // namespace detail

namespace {

// FNV-1a: tiny, fast and fixed by its definition, so hashes never change
// between compilers, platforms or releases (std::hash gives no such promise).
std::uint64_t fnv1a_64(std::string_view text) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

bool is_alnum_ascii(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Lower-case ASCII words of a label joined by single spaces, without a
// leading article. Punctuation separates words, so that two labels that
// would give the same slug give the same key: the key → IRI map then stays
// one-to-one ("Dassault-Systèmes" and "Dassault Systèmes" are one entity).
std::string normalise_label(std::string_view label, bool strip_article) {
  std::string folded = transliterate(label, false);  // Latin-ASCII turns ’ into '
  std::size_t i = 0;
  while (i < folded.size() && !is_alnum_ascii(folded[i])) ++i;
  if (strip_article) {
    std::string_view rest(folded);
    rest.remove_prefix(i);
    // Elided article first: « l'Oréal » is "oreal", as « Oréal » would be.
    static constexpr std::array<std::string_view, 5> articles = {"l'", "le ", "la ", "les ",
                                                                 "the "};
    for (std::string_view a : articles) {
      if (rest.starts_with(a)) {
        std::size_t j = i + a.size();
        while (j < folded.size() && !is_alnum_ascii(folded[j])) ++j;
        if (j < folded.size()) i = j;  // never strip the whole label (« Le », "The")
        break;
      }
    }
  }
  std::string out;
  out.reserve(folded.size() - i);
  bool gap = false;
  for (; i < folded.size(); ++i) {
    if (is_alnum_ascii(folded[i])) {
      if (gap && !out.empty()) out += ' ';
      out += folded[i];
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

std::string lower_type(std::string_view type) {
  // Six ontology types (and Quotation) make nearly every call.
  for (std::string_view known : {"Organization", "Person", "Place", "Facility", "Event", "Product", "Quotation"})
    if (type == known) {
      std::string t(known);
      t[0] = static_cast<char>(t[0] - 'A' + 'a');
      return t;
    }
  std::string t = slug(type);
  return t.empty() ? std::string("entity") : t;
}

}  // namespace

std::string hash_hex(std::string_view text) { return hex16(fnv1a_64(text)); }

std::uint64_t hash64(std::string_view text) { return fnv1a_64(text); }

std::string hex16(std::uint64_t h) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = digits[h & 0xf];
  return out;
}

std::string slug(std::string_view label) {
  std::string s = transliterate(label, true);
  std::size_t b = s.find_first_not_of('-');
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of('-');
  return s.substr(b, e - b + 1);
}

namespace {

// The built-in legal forms, as written in names; lexicon/fr/legal_suffixes.tsv
// has the long list, which the program passes through resolution_rules.
constexpr std::string_view built_in_suffixes[] = {
    "SA",     "S.A.",        "SAS",   "S.A.S.", "SASU",    "SARL",    "S.A.R.L.", "SE",
    "SCA",    "Inc.",        "Inc",   "Incorporated", "Corp.", "Corp", "Corporation", "Co.",
    "Ltd",    "Ltd.",        "Limited", "plc",  "PLC",     "GmbH",    "AG",       "NV",
    "N.V.",   "BV",          "B.V.",  "LLC",    "L.L.C.",  "SpA",     "S.p.A.",   "Group",
    "Groupe", "Groep",       "Grupo", "Gruppe", "Gruppo",  "Holdings"};

// « groupe Renault », "Group Lotus": a group word before the name.
constexpr std::array<std::string_view, 5> group_prefixes = {"groupe ", "group ", "grupo ",
                                                            "gruppo ", "gruppe "};

std::vector<std::string> fold_suffixes(const std::vector<std::string>& written) {
  std::set<std::string> folded;
  for (const std::string& s : written) {
    std::string f = normalise_label(s, false);
    if (!f.empty()) folded.insert(" " + f);
  }
  std::vector<std::string> out(folded.begin(), folded.end());
  // Longest first, so that "co ltd" goes before "ltd" leaves "co" behind;
  // ties in byte order, for a fixed order.
  std::stable_sort(out.begin(), out.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

}  // namespace

resolution_rules::resolution_rules()
    : resolution_rules(std::vector<std::string>(std::begin(built_in_suffixes), std::end(built_in_suffixes))) {}

resolution_rules::resolution_rules(const std::vector<std::string>& legal_suffixes)
    : suffixes_(fold_suffixes(legal_suffixes)) {
  for (const std::string& s : suffixes_) last_words_.insert(s.substr(s.rfind(' ') + 1));
}

resolution_rules resolution_rules::from_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot read legal suffixes");
  std::vector<std::string> suffixes;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::string first = line.substr(0, line.find('\t'));
    if (first.find_first_not_of(' ') == std::string::npos)
      throw std::runtime_error(path + ":" + std::to_string(number) + ": empty suffix");
    suffixes.push_back(first);
  }
  if (in.bad()) throw std::runtime_error(path + ": read error");
  return resolution_rules(suffixes);
}

const resolution_rules& resolution_rules::built_in() {
  static const resolution_rules rules;
  return rules;
}

namespace {

// FNV-1a fed a byte at a time (fnv1a_64() of the bytes fed so far).
struct fnv1a_state {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  void put(char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  void put(std::string_view text) {
    for (char c : text) put(c);
  }
};

// fnv1a_64(normalise_label(label, false)) when the fold table folds `label`
// (table_fold() gives a value), else nullopt; hashes `label` itself when
// the normalised text is empty, as name_key() does.
std::optional<std::uint64_t> quotation_text_hash(std::string_view label) {
  const auto& table = fold_table();
  fnv1a_state h;
  // normalise_label() without an article: the folded text's runs of
  // lower-case letters and digits, joined by one space.
  bool gap = false, any = false;
  auto put_folded = [&](char c) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_alnum_ascii(c)) {
      if (gap && any) h.put(' ');
      h.put(c);
      any = true;
      gap = false;
    } else {
      gap = true;
    }
  };
  for (std::size_t i = 0; i < label.size();) {
    const auto b = static_cast<unsigned char>(label[i]);
    if (b < 0x80) {
      put_folded(static_cast<char>(b));
      ++i;
      continue;
    }
    // As table_fold(): a code point of the table folds to its entry, which
    // must be ASCII; anything else is left to the plain path.
    UChar32 c = 0;
    auto pos = static_cast<int32_t>(i);
    U8_NEXT(label.data(), pos, static_cast<int32_t>(label.size()), c);
    if (c < 0) return std::nullopt;
    const std::size_t index = fold::table_index(static_cast<char32_t>(c));
    if (index == fold::table_size) return std::nullopt;
    for (char x : table[index]) {
      if ((x & 0x80) != 0) return std::nullopt;
      put_folded(x);
    }
    i = static_cast<std::size_t>(pos);
  }
  if (!any) return fnv1a_64(label);
  return h.h;
}

}  // namespace

namespace {

// A quotation's key the plain way: its normalised text, made in full, then hashed.
std::string quotation_key_plain(std::string_view label) {
  const std::string text = normalise_label(label, false);
  return "quotation:" + hash_hex(text.empty() ? label : std::string_view(text));
}

}  // namespace

std::string detail::quotation_key_plain_for_test(std::string_view label) { return quotation_key_plain(label); }

std::string resolution_rules::name_key(const entity_ref& e) const {
  const std::string type = lower_type(e.type);
  if (type == "quotation") {
    // Quotes are long and many share their first words: the key is a hash of
    // the whole (normalised) text, so typographic variants still meet. Most
    // quotes fold through the table, and are hashed as they are folded,
    // without making the normalised text.
    if (const std::optional<std::uint64_t> hash = quotation_text_hash(e.label)) return type + ":" + hex16(*hash);
    return quotation_key_plain(e.label);
  }
  std::string name = normalise_label(e.label, true);
  if (type == "organization") {
    for (std::string_view p : group_prefixes)
      if (name.size() > p.size() && name.starts_with(p)) {
        name.erase(0, p.size());
        // « groupe L'Oréal »: the article after the group word goes too
        // (folded, its apostrophe is a space).
        for (std::string_view a : {"l ", "le ", "la ", "les ", "the "})
          if (name.size() > a.size() && name.starts_with(a)) {
            name.erase(0, a.size());
            break;
          }
        break;
      }
    // "Renault Group SA": strip until no suffix is left, never the last word.
    auto last_word = [&] { return std::string_view(name).substr(name.rfind(' ') + 1); };
    for (bool stripped = true; stripped && last_words_.count(std::string(last_word()));) {
      stripped = false;
      for (const std::string& s : suffixes_)
        if (name.size() > s.size() && name.ends_with(s)) {
          name.resize(name.size() - s.size());
          stripped = true;
          break;
        }
    }
  }
  // A label with no letter or digit in any script (emoji, symbols) still
  // needs a key of its own.
  // Appended rather than `"#" + hash_hex(…)`, which trips a -Wrestrict false
  // positive of GCC 12.
  if (name.empty()) name.append(1, '#').append(hash_hex(e.label));
  std::string key;
  key.reserve(type.size() + 1 + name.size());
  key.append(type).append(1, ':').append(name);
  return key;
}

std::string resolution_rules::key(const entity_ref& e) const {
  return e.kb_id.empty() ? name_key(e) : e.kb_id;
}

std::string entity_key(const entity_ref& e) { return resolution_rules::built_in().key(e); }

namespace {

// key_iri() through slug(), for any key.
std::string key_iri_plain(std::string_view key) {
  std::string out(iri_base);
  out += "id/";
  if (key.starts_with("quotation:")) {
    out += "quotation/";
    out += hash_hex(key);
    return out;
  }
  // "country:FR" -> id/country/fr, "organization:credit agricole" ->
  // id/organization/credit-agricole.
  std::size_t colon = key.find(':');
  std::string ns = colon == std::string::npos ? std::string("kb") : slug(key.substr(0, colon));
  std::string local = slug(colon == std::string::npos ? key : key.substr(colon + 1));
  if (ns.empty()) ns = "kb";
  if (local.empty()) local = hash_hex(key);
  out += ns;
  out += '/';
  out += local;
  return out;
}

// slug() of ASCII text, written at `p` (room for text.size() bytes) and
// returns the end: the fold of an ASCII byte is the byte lower-cased, so a
// slug is the runs of letters and digits, lower-cased, joined by single
// dashes (never longer than the text).
char* put_ascii_slug(char* p, std::string_view text) {
  char* const start = p;
  bool gap = false;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_alnum_ascii(c)) {
      if (gap && p != start) *p++ = '-';
      *p++ = c;
      gap = false;
    } else {
      gap = true;
    }
  }
  return p;
}

}  // namespace

std::string key_iri(std::string_view key) {
  // Every name_key() is ASCII, and so are gazetteer ids: their slugs need
  // no fold table and no string of their own.
  if (key.starts_with("quotation:") ||
      std::any_of(key.begin(), key.end(), [](char c) { return (c & 0x80) != 0; }))
    return key_iri_plain(key);
  // Room for the base, "id/", "kb" or the namespace, '/', and the local
  // part or its hash; cut to size at the end.
  std::string out(iri_base.size() + 3 + 2 + 1 + key.size() + 16, '\0');
  char* p = out.data();
  std::memcpy(p, iri_base.data(), iri_base.size());
  p += iri_base.size();
  std::memcpy(p, "id/", 3);
  p += 3;
  const std::size_t colon = key.find(':');
  char* const ns = p;
  if (colon != std::string_view::npos) p = put_ascii_slug(p, key.substr(0, colon));
  if (p == ns) {
    std::memcpy(p, "kb", 2);
    p += 2;
  }
  *p++ = '/';
  char* const local = p;
  p = put_ascii_slug(p, colon == std::string_view::npos ? key : key.substr(colon + 1));
  if (p == local) {
    const std::string hash = hash_hex(key);
    std::memcpy(p, hash.data(), hash.size());
    p += hash.size();
  }
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

// The IRI is a function of the key alone, so every entity_ref that resolves
// to one vertex gives that vertex's IRI, whatever its type or surface form.
std::string entity_iri(const entity_ref& e) { return key_iri(entity_key(e)); }

std::string detail::key_iri_plain_for_test(std::string_view key) { return key_iri_plain(key); }

bool append_quotation_iri(std::string& out, std::string_view label) {
  const std::optional<std::uint64_t> text_hash = quotation_text_hash(label);
  if (!text_hash) return false;
  // The key is "quotation:" and the text hash in hex; the IRI's last part
  // is the hash of that key (key_iri()).
  char hex[16];
  std::uint64_t v = *text_hash;
  static constexpr char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; --i, v >>= 4) hex[i] = digits[v & 0xf];
  fnv1a_state key;
  key.put("quotation:");
  key.put(std::string_view(hex, sizeof hex));
  v = key.h;
  for (int i = 15; i >= 0; --i, v >>= 4) hex[i] = digits[v & 0xf];
  out.append(iri_base).append("id/quotation/").append(hex, sizeof hex);
  return true;
}

}  // namespace econkg
