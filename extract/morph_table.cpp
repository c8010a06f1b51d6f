// The morphology table's digest and lookup (see morph_table.hpp). This file
// is compiled into the generator too (extract/gen/morph_table_gen.cpp), so
// both read analyze()'s strings and the table's layout the same way; the
// embedded table itself is in morph_table_data.cpp.
#include "extract/morph_table.hpp"

#include <dlfcn.h>
#include <hunspell/hunspell.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "extract/lexicon.hpp"
#include "extract/short_hash.hpp"

namespace econkg {

namespace {

// The part-of-speech bits of one of analyze()'s strings (lexicon.hpp's
// pos_bit values, pos_known always set): what lexicon.cpp reads of it.
std::uint32_t analysis_pos_bits(std::string_view a) {
  auto has = [&](std::string_view field) { return a.find(field) != std::string_view::npos; };
  std::uint32_t bits = pos_known;
  if (has("po:v")) bits |= pos_verb;
  if (has("po:nom")) bits |= pos_noun;
  if (has("po:adj")) bits |= pos_adj;
  if (has("po:prn")) bits |= pos_first_name;
  if (has("po:patr")) bits |= pos_surname;
  if (has("po:npr")) bits |= pos_proper;
  if (has("po:ppas")) bits |= pos_past_participle;
  if (has("po:infi")) bits |= pos_infinitive;
  if (has("po:cond")) bits |= pos_conditional;
  return bits;
}

// Its "st:" field (the lemma as the dictionary spells it), or "".
std::string_view analysis_stem(std::string_view a) {
  std::size_t st = a.find("st:");
  if (st == std::string_view::npos) return {};
  std::size_t e = a.find(' ', st);
  return a.substr(st + 3, e == std::string_view::npos ? std::string_view::npos : e - st - 3);
}

// Whether bits name a first name, surname or proper noun.
bool analysis_is_name(std::uint32_t bits) { return bits & (pos_first_name | pos_surname | pos_proper); }

}  // namespace

analyses_digest digest_analyses(const std::vector<std::string>& analyses) {
  analyses_digest d;
  for (const auto& a : analyses) {
    std::uint32_t bits = analysis_pos_bits(a);
    if (!analysis_is_name(bits)) d.common = true;
    d.pos |= bits;
    std::string_view stem = analysis_stem(a);
    if (!stem.empty() && std::find(d.stems.begin(), d.stems.end(), stem) == d.stems.end()) d.stems.emplace_back(stem);
  }
  return d;
}

namespace {
// The bytes of the shared object this process's hunspell code comes from
// (read once), or "" when it cannot be found.
std::string_view hunspell_library() {
  static const std::string bytes = [] {
    Dl_info info{};
    if (!dladdr(reinterpret_cast<void*>(&Hunspell_create), &info) || !info.dli_fname) return std::string();
    return morph_table_format::read_file(info.dli_fname);
  }();
  return bytes;
}
}  // namespace

namespace morph_table_format {
std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const std::streamoff size = in.tellg();
  if (size <= 0) return {};
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), size)) return {};
  return bytes;
}

std::uint64_t fingerprint(std::string_view aff_bytes, std::string_view dic_bytes) {
  // Eight bytes at a time (the files are read whole once per run).
  auto mix = [](std::uint64_t h, std::string_view s) {
    constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
    h = (h ^ s.size()) * k;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      h = (h ^ x) * k;
      h ^= h >> 31;
    }
    for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * k;
    return h ^ (h >> 29);
  };
  return mix(mix(mix(0x65636B67ull, aff_bytes), dic_bytes), hunspell_library());
}

bool decode_bmp(std::string_view s, std::u16string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    auto cont = [&](std::size_t k) {
      return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    };
    auto low6 = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F); };
    char32_t cp;
    if (c < 0x80) {
      cp = c;
      i += 1;
    } else if (c >= 0xC2 && c < 0xE0 && cont(1)) {
      cp = (char32_t{c & 0x1Fu} << 6) | low6(1);
      i += 2;
    } else if (c >= 0xE0 && c < 0xF0 && cont(1) && cont(2)) {
      cp = (char32_t{c & 0x0Fu} << 12) | (low6(1) << 6) | low6(2);
      if (cp < 0x800 || (cp >= 0xD800 && cp < 0xE000)) return false;
      i += 3;
    } else {
      return false;
    }
    out.push_back(static_cast<char16_t>(cp));
  }
  return true;
}

void encode_bmp(const std::u16string& cps, std::string& out) {
  out.clear();
  for (char16_t c : cps) {
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
}

}  // namespace morph_table_format

namespace {

using namespace morph_table_format;

template <class T>
T read_at(std::string_view b, std::size_t at) {
  T x;
  std::memcpy(&x, b.data() + at, sizeof x);
  return x;
}
std::uint64_t header(std::string_view b, header_word w) { return read_at<std::uint64_t>(b, 8 * w); }

enum captype { nocap, initcap, allcap, huhcap, huhinitcap };

// Reads a u16 length and that many bytes at `at`, moving `at` past them.
std::string_view read_string(std::string_view b, std::size_t& at) {
  const std::size_t n = read_at<std::uint16_t>(b, at);
  std::string_view s = b.substr(at + 2, n);
  at += 2 + n;
  return s;
}

}  // namespace

morph_table::morph_table(std::string_view bytes) : bytes_(bytes), lower_(0x10000), upper_(0x10000) {
  const std::string_view b = bytes_;
  spelling_ = header(b, h_kind) == spell_table;
  for (std::size_t c = 0; c < 0x10000; ++c) lower_[c] = upper_[c] = static_cast<char16_t>(c);
  for (std::size_t i = 0, at = header(b, h_cases_at); i < header(b, h_case_count); ++i, at += 6) {
    const auto c = read_at<char16_t>(b, at);
    lower_[c] = read_at<char16_t>(b, at + 2);
    upper_[c] = read_at<char16_t>(b, at + 4);
  }
  std::size_t at = header(b, h_heads_at);
  const std::uint32_t heads = read_at<std::uint32_t>(b, at);
  at += 4;
  for (std::uint32_t i = 0; i < heads; ++i) heads_.push_back(read_string(b, at));
  at = header(b, h_iconv_at);
  const std::uint32_t pairs = read_at<std::uint32_t>(b, at);
  at += 4;
  std::u16string one;
  for (std::uint32_t i = 0; i < pairs; ++i) {
    conversion c;
    c.pattern = read_string(b, at);
    c.replacement = read_string(b, at);
    if (c.pattern.empty()) continue;
    const char r = c.replacement.size() == 1 ? c.replacement[0] : '\0';
    c.single = decode_bmp(c.pattern, one) && one.size() == 1 && one[0] >= 0x80 && r > ' ' && r < 0x7F && r != '.';
    auto key = std::find_if(c.pattern.begin(), c.pattern.end(), [](char x) { return static_cast<unsigned char>(x) >= 0x80; });
    conversion_byte_[static_cast<unsigned char>(key == c.pattern.end() ? c.pattern[0] : *key)] = true;
    conversions_.push_back(c);
  }
}

// hunspell's get_captype_utf8.
int morph_table::captype_of(const std::u16string& cps) const {
  std::size_t ncap = 0, nneutral = 0;
  for (char16_t c : cps) {
    if (lower_[c] != c) ++ncap;
    if (upper_[c] == lower_[c]) ++nneutral;
  }
  if (ncap == 0) return nocap;
  const bool firstcap = lower_[cps[0]] != cps[0];
  if (ncap == 1 && firstcap) return initcap;
  if (ncap == cps.size() || ncap + nneutral == cps.size()) return allcap;
  if (ncap > 1 && firstcap) return huhinitcap;
  return huhcap;
}

bool morph_table::find(std::string_view key, analyses_digest& out) const {
  const std::string_view b = bytes_;
  const std::size_t slots = header(b, h_slot_count);
  const std::size_t slots_at = header(b, h_slots_at), entries_at = header(b, h_entries_at);
  const std::size_t keys_at = header(b, h_keys_at);
  for (std::size_t s = short_hash(key) & (slots - 1);; s = (s + 1) & (slots - 1)) {
    const std::uint32_t e = read_at<std::uint32_t>(b, slots_at + 4 * s);
    if (!e) return false;
    const std::size_t entry = entries_at + 12 * (e - 1);
    const std::uint32_t key_at = read_at<std::uint32_t>(b, entry), key_size = read_at<std::uint32_t>(b, entry + 4);
    if (key_size != key.size() || b.compare(keys_at + key_at, key_size, key) != 0) continue;
    std::size_t v = header(b, h_values_at) + read_at<std::uint32_t>(b, entry + 8);
    out.pos = read_at<std::uint32_t>(b, v);
    out.common = read_at<std::uint8_t>(b, v + 4);
    const std::size_t stems = read_at<std::uint8_t>(b, v + 5);
    v += 6;
    out.stems.clear();
    for (std::size_t i = 0; i < stems; ++i) out.stems.emplace_back(read_string(b, v));
    return true;
  }
}

bool morph_table::convert(std::string_view form, std::string& word) const {
  // Input conversion: a pattern that is one code point and becomes one
  // ASCII character (’ and ʼ become ') is applied here; a form holding any
  // other pattern is left to hunspell. Each pattern holds a byte
  // conversion_byte_ marks: most forms hold none and need no search.
  const bool may_convert = std::any_of(form.begin(), form.end(), [&](char x) { return conversion_byte_[static_cast<unsigned char>(x)]; });
  std::vector<const conversion*> present;
  if (may_convert)
    for (const conversion& c : conversions_)
      if (form.find(c.pattern) != std::string_view::npos) {
        if (!c.single) return false;
        present.push_back(&c);
      }
  if (present.empty()) {
    word = form;
  } else {
    // Each pattern is a whole code point, and no other pattern is in the
    // form: replacing each occurrence is what hunspell's conversion does.
    for (std::size_t i = 0; i < form.size();) {
      auto it = std::find_if(present.begin(), present.end(), [&](const conversion* c) { return form.substr(i, c->pattern.size()) == c->pattern; });
      if (it == present.end()) {
        word.push_back(form[i++]);
      } else {
        word += (*it)->replacement;
        i += (*it)->pattern.size();
      }
    }
  }
  return true;
}

morph_table::answer morph_table::lookup(std::string_view form, analyses_digest& out) const {
  if (spelling_) return answer::ask_hunspell;
  std::string word;
  if (!convert(form, word)) return answer::ask_hunspell;
  // What hunspell would strip or cut: left to it. (Numbers are read apart
  // only for Hungarian, whose dictionaries get no table.)
  if (word.empty() || word.size() >= 100 || word[0] == ' ' || word.back() == '.') return answer::ask_hunspell;
  std::u16string cps;
  if (!decode_bmp(word, cps)) return answer::ask_hunspell;
  if (find(word, out)) return answer::found;

  // Not a spelling the dictionary makes (else the table would hold it),
  // unless an elision prefix made it: those are left to hunspell.
  std::u16string lower = cps;
  for (char16_t& c : lower) c = lower_[c];
  std::string key;
  if (std::size_t apostrophe = word.find('\''); apostrophe != std::string::npos && apostrophe + 1 < word.size()) {
    std::u16string head_cps(lower.begin(), lower.begin() + static_cast<std::ptrdiff_t>(std::find(cps.begin(), cps.end(), u'\'') - cps.begin()) + 1);
    encode_bmp(head_cps, key);
    if (std::find(heads_.begin(), heads_.end(), key) != heads_.end()) return answer::ask_hunspell;
  }
  const int type = captype_of(cps);
  if (type == nocap || type == huhcap || type == huhinitcap) return answer::none;  // analyze() reads it as written only
  // INITCAP: analyze() reads the lower-case form, then that form
  // capitalised (not the word itself: « İzmit » is read as « izmit » and
  // « Izmit »); ALLCAP: the word itself (no spelling: nothing), then the same
  // two. When the capitalised form is itself capitalised (INITCAP), analyze()
  // reads the same two for it: the answer is the table's entry for it, or
  // failing that (it is no spelling) the lower-case form's, or nothing. Case
  // maps that do not round-trip are left to hunspell.
  if (captype_of(lower) != nocap) return answer::ask_hunspell;
  std::u16string capital = lower;
  capital[0] = upper_[capital[0]];
  if (capital != lower) {  // else both reads are of the lower-case form
    std::u16string round_trip = capital;
    for (char16_t& c : round_trip) c = lower_[c];
    if (captype_of(capital) != initcap || round_trip != lower) return answer::ask_hunspell;
    encode_bmp(capital, key);
    if (find(key, out)) return answer::found;
  }
  encode_bmp(lower, key);
  return find(key, out) ? answer::found : answer::none;
}

}  // namespace econkg

namespace econkg {

int morph_table::spelled(const std::string& word) const {
  if (word.empty() || word.size() >= 100 || word[0] == ' ' || word.back() == '.' || (word[0] >= '0' && word[0] <= '9'))
    return -1;
  std::u16string cps;
  if (!decode_bmp(word, cps) || captype_of(cps) != nocap) return -1;
  analyses_digest d;
  if (find(word, d)) return (d.pos & morph_table_format::spelled) ? 1 : 0;
  return spelled_by_breaks(word);
}

// HunspellImpl::spell_internal's "recursive breaking at break points", for
// a word no affix rule makes (checkword fails): each side of a break must
// be spelled right.
int morph_table::spelled_by_breaks(const std::string& scw) const {
  const std::size_t wl = scw.size();
  int nbr = 0;
  for (std::string_view b : heads_)
    for (std::size_t pos = 0; (pos = scw.find(b, pos)) != std::string::npos; pos += b.size()) ++nbr;
  if (nbr >= 10) return 0;
  // Boundary patterns (^- and -$).
  for (std::string_view b : heads_) {
    const std::size_t plen = b.size();
    if (plen == 1 || plen > wl) continue;
    if (b[0] == '^' && scw.compare(0, plen - 1, b.substr(1)) == 0) {
      const int r = spelled(scw.substr(plen - 1));
      if (r != 0) return r;
    }
    if (b[plen - 1] == '$' && scw.compare(wl - plen + 1, plen - 1, b.substr(0, plen - 1)) == 0) {
      const int r = spelled(scw.substr(0, wl - plen + 1));
      if (r != 0) return r;
    }
  }
  // Other patterns: at the second break point, then at the first.
  for (int pass = 0; pass < 2; ++pass)
    for (std::string_view b : heads_) {
      const std::size_t plen = b.size();
      std::size_t found = scw.find(b);
      if (!(found > 0 && found < wl - plen)) continue;
      if (pass == 0) {
        const std::size_t found2 = scw.find(b, found + 1);
        if (found2 > 0 && found2 < wl - plen) found = found2;
      }
      const int after = spelled(scw.substr(found + plen));
      if (after < 0) return -1;
      if (!after) continue;
      const int before = spelled(scw.substr(0, found));
      if (before != 0) return before;
    }
  return 0;
}

morph_table::answer morph_table::lookup_spelling(std::string_view form, analyses_digest& out) const {
  if (!spelling_) return answer::ask_hunspell;
  std::string word;
  if (!convert(form, word)) return answer::ask_hunspell;
  // What hunspell would strip, or read as a number or a compound (every
  // compound of the dictionary starts with a digit): left to it.
  if (word.empty() || word.size() >= 100 || word[0] == ' ' || word.back() == '.' || (word[0] >= '0' && word[0] <= '9'))
    return answer::ask_hunspell;
  std::u16string cps;
  if (!decode_bmp(word, cps) || captype_of(cps) != nocap) return answer::ask_hunspell;
  // A word without capitals is looked up as written: a spelling the affix
  // rules make (then in the table), or else one without stems, spelled
  // right only through its break points.
  if (find(word, out)) return answer::found;
  out = analyses_digest{};
  const int r = spelled_by_breaks(word);
  if (r < 0) return answer::ask_hunspell;
  out.pos = r ? morph_table_format::spelled : 0;
  return r ? answer::found : answer::none;
}

}  // namespace econkg
