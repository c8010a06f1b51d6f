// Build-time generator of the morphology tables (extract/morph_table.hpp):
//   econkg_morph_table_gen analyze|spell AFF DIC OUT
// lists every spelling the dictionary's affix rules can make (more than
// hunspell accepts: each is then read by hunspell itself), and writes to OUT
// hunspell's answers for them, with hunspell's case tables and the
// dictionary's input conversions: "analyze", Hunspell::analyze digested
// (the French dictionary); "spell", Hunspell::spell and Hunspell::stem of
// the spellings without capitals (the English one, which econkg asks about
// lower-case forms only). A dictionary using affix-file
// features this expansion does not follow (compounding, flag aliases,
// ignored characters, ...) gets a table marked unusable: the run then asks
// hunspell for every form, as it did before the table.
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/morph_table.hpp"
#include "extract/short_hash.hpp"

// hunspell's own case tables (csutil.cxx, exported by libhunspell), which
// analyze() reads capitalisation with; filled when a UTF-8 dictionary opens.
unsigned short unicodetolower(unsigned short c, int langnum);
unsigned short unicodetoupper(unsigned short c, int langnum);

namespace {

using namespace econkg;


std::vector<std::string> split_ws(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream s(line);
  for (std::string w; s >> w;) out.push_back(w);
  return out;
}

// UTF-8 code points of `s` (the affix conditions are read per code point).
std::vector<std::string> code_points(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80) ++n;
    out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

// An affix condition: per code point, a set (or its complement) or any.
struct condition {
  struct element {
    bool any = false, negated = false;
    std::set<std::string> chars;
  };
  std::vector<element> elements;

  explicit condition(const std::string& text) {
    if (text == ".") return;
    std::vector<std::string> cps = code_points(text);
    for (std::size_t i = 0; i < cps.size(); ++i) {
      element e;
      if (cps[i] == ".") {
        e.any = true;
      } else if (cps[i] == "[") {
        ++i;
        if (i < cps.size() && cps[i] == "^") {
          e.negated = true;
          ++i;
        }
        for (; i < cps.size() && cps[i] != "]"; ++i) e.chars.insert(cps[i]);
      } else {
        e.chars.insert(cps[i]);
      }
      elements.push_back(std::move(e));
    }
  }
  bool matches(const std::vector<std::string>& word, bool at_end) const {
    if (word.size() < elements.size()) return false;
    const std::size_t off = at_end ? word.size() - elements.size() : 0;
    for (std::size_t i = 0; i < elements.size(); ++i) {
      const element& e = elements[i];
      if (e.any) continue;
      if (e.chars.count(word[off + i]) == e.negated) return false;
    }
    return true;
  }
};

struct affix_entry {
  std::string strip, add;
  std::vector<std::string> continuation;  // flags
  condition cond;
};
struct affix_class {
  bool prefix = false;
  std::vector<affix_entry> entries;
};

struct affix_file {
  bool usable = true;
  std::string why_not;
  bool long_flags = false;
  std::string forbidden;  // FORBIDDENWORD's flag
  std::set<std::string> compound_flags;  // flags COMPOUNDRULE names
  std::vector<std::string> breaks;       // BREAK patterns, in order (hunspell's default when none is given)
  bool breaks_given = false;
  std::map<std::string, affix_class> classes;
  std::vector<std::pair<std::string, std::string>> iconv;

  std::vector<std::string> flags(const std::string& s) const {
    std::vector<std::string> out;
    const std::size_t step = long_flags ? 2 : 1;
    for (std::size_t i = 0; i + step <= s.size(); i += step) out.push_back(s.substr(i, step));
    return out;
  }
};

affix_file read_affixes(const std::string& text, bool spell_mode) {
  affix_file a;
  // The directives this expansion and morph_table::lookup follow; any other
  // makes the table unusable.
  static const std::set<std::string> known = {
      "SET", "FLAG", "TRY", "KEY", "WORDCHARS", "MAP", "REP", "ICONV", "OCONV", "BREAK", "PFX", "SFX",
      "FULLSTRIP", "NEEDAFFIX", "FORBIDDENWORD", "CIRCUMFIX", "KEEPCASE", "NOSUGGEST", "VERSION", "NAME",
      "HOME", "LANG", "MAXNGRAMSUGS", "MAXCPDSUGS", "NOSPLITSUGS", "ONLYMAXDIFF", "MAXDIFF", "SUGSWITHDOTS",
      "FORBIDWARN", "WARN", "SUBSTANDARD", "LEMMA_PRESENT", "COMPOUNDMIN", "ONLYINCOMPOUND", "COMPOUNDRULE"};
  // Compounding is followed only for spell tables, whose compounds must all
  // start with a digit (en_US: 21st, 1990s): the run leaves such words to
  // hunspell.
  static const std::set<std::string> spell_only = {"COMPOUNDMIN", "ONLYINCOMPOUND", "COMPOUNDRULE"};
  std::istringstream in(text);
  std::string line, set;
  std::string open_class;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> f = split_ws(line);
    if (f.empty() || f[0][0] == '#') continue;
    if (!known.count(f[0]) || (!spell_mode && spell_only.count(f[0]))) {
      a.usable = false;
      a.why_not = "directive " + f[0];
      continue;
    }
    if (f[0] == "SET" && f.size() > 1) set = f[1];
    if (f[0] == "FORBIDDENWORD" && f.size() > 1) a.forbidden = f[1];
    if (f[0] == "COMPOUNDRULE" && f.size() > 1 && !(f[1].find_first_not_of("0123456789") == std::string::npos)) {
      for (char c : f[1])
        if (c != '*' && c != '?' && c != '(' && c != ')') a.compound_flags.insert(std::string(1, c));
      if (a.long_flags) {
        a.usable = false;  // rules of long flags: not read here
        a.why_not = "COMPOUNDRULE with long flags";
      }
    }
    if (f[0] == "BREAK" && f.size() > 1) {
      a.breaks_given = true;
      if (!(f[1].find_first_not_of("0123456789") == std::string::npos)) a.breaks.push_back(f[1]);
    }
    if (f[0] == "FLAG" && f.size() > 1) {
      if (f[1] == "long") a.long_flags = true;
      else {
        a.usable = false;
        a.why_not = "FLAG " + f[1];
      }
    }
    if (f[0] == "LANG" && f.size() > 1 && f[1].rfind("hu", 0) == 0) {
      a.usable = false;  // analyze() reads Hungarian numbers and dashes its own way
      a.why_not = "LANG " + f[1];
    }
    if (f[0] == "ICONV" && f.size() >= 3) {
      std::string p = f[1], r = f[2];
      std::replace(p.begin(), p.end(), '_', ' ');
      std::replace(r.begin(), r.end(), '_', ' ');
      a.iconv.emplace_back(p, r);
    }
    if ((f[0] == "PFX" || f[0] == "SFX") && f.size() >= 4) {
      auto it = a.classes.find(f[1]);
      if (it == a.classes.end() && (f[2] == "Y" || f[2] == "N")) {
        a.classes[f[1]].prefix = f[0] == "PFX";
        continue;
      }
      if (it == a.classes.end() || f.size() < 5) continue;
      affix_entry e{f[2] == "0" ? "" : f[2], f[3], {}, condition(f[4])};
      if (std::size_t slash = e.add.find('/'); slash != std::string::npos) {
        e.continuation = a.flags(e.add.substr(slash + 1));
        e.add.resize(slash);
      }
      if (e.add == "0") e.add.clear();
      it->second.entries.push_back(std::move(e));
    }
  }
  if (!a.breaks_given) a.breaks = {"-", "^-", "-$"};  // hunspell's default
  if (set != "UTF-8") {
    a.usable = false;
    a.why_not = "SET " + set;
  }
  return a;
}

// Applies affix entry `e` to `word` if its condition holds (on `word`, or
// on `root` for a prefix after suffixes: either way makes a superset).
bool apply(const affix_entry& e, bool prefix, const std::string& word, const std::string& root, std::string& out) {
  if (prefix) {
    if (word.compare(0, e.strip.size(), e.strip) != 0) return false;
    if (!e.cond.matches(code_points(word), false) && !e.cond.matches(code_points(root), false)) return false;
    out = e.add + word.substr(e.strip.size());
  } else {
    if (word.size() < e.strip.size() || word.compare(word.size() - e.strip.size(), e.strip.size(), e.strip) != 0)
      return false;
    if (!e.cond.matches(code_points(word), true)) return false;
    out = word.substr(0, word.size() - e.strip.size()) + e.add;
  }
  return true;
}

struct expansion {
  std::set<std::string> spellings;  // analysed into the table
  std::set<std::string> heads;      // starts of the spellings left to hunspell (lower-cased later)
};

void expand_root(const affix_file& a, const std::string& root, const std::vector<std::string>& root_flags, expansion& x) {
  struct form {
    std::string word;
    std::vector<std::string> flags;
  };
  std::vector<form> forms{{root, root_flags}};
  std::string s1, s2;
  auto classes_in = [&](const std::vector<std::string>& fl, bool prefix) {
    std::vector<const affix_class*> out;
    for (const auto& f : fl)
      if (auto it = a.classes.find(f); it != a.classes.end() && it->second.prefix == prefix) out.push_back(&it->second);
    return out;
  };
  // Suffixes: one, or two (the second named by the root or by the first).
  for (const affix_class* c : classes_in(root_flags, false))
    for (const affix_entry& e : c->entries) {
      if (!apply(e, false, root, root, s1)) continue;
      std::vector<std::string> fl1 = root_flags;
      fl1.insert(fl1.end(), e.continuation.begin(), e.continuation.end());
      forms.push_back({s1, fl1});
      for (const affix_class* c2 : classes_in(fl1, false))
        for (const affix_entry& e2 : c2->entries) {
          if (!apply(e2, false, s1, root, s2)) continue;
          std::vector<std::string> fl2 = fl1;
          fl2.insert(fl2.end(), e2.continuation.begin(), e2.continuation.end());
          forms.push_back({s2, fl2});
        }
    }
  // A prefix on any of them, then a suffix its continuation names.
  const std::size_t suffixed = forms.size();
  for (std::size_t i = 0; i < suffixed; ++i) {
    x.spellings.insert(forms[i].word);
    for (const affix_class* c : classes_in(forms[i].flags, true))
      for (const affix_entry& e : c->entries) {
        if (!apply(e, true, forms[i].word, root, s1)) continue;
        if (e.add.find('\'') != std::string::npos && s1.size() > e.add.size()) {
          // An elision prefix (« l' »): left to hunspell, which the run
          // knows from the prefix's start.
          x.heads.insert(e.add.substr(0, e.add.find('\'') + 1));
          continue;
        }
        x.spellings.insert(s1);
        std::vector<std::string> fl = forms[i].flags;
        fl.insert(fl.end(), e.continuation.begin(), e.continuation.end());
        for (const affix_class* c2 : classes_in(fl, false))
          for (const affix_entry& e2 : c2->entries)
            if (apply(e2, false, s1, root, s2)) x.spellings.insert(s2);
      }
  }
}

// A word's code points; one outside the BMP, which hunspell reads its own
// way, as U+FFFD (the run leaves such words to hunspell).
std::u16string decode(const std::string& s) {
  std::u16string cps;
  if (!morph_table_format::decode_bmp(s, cps)) cps.assign(1, u'\uFFFD');
  return cps;
}

std::string encode(const std::u16string& cps) {
  std::string out;
  morph_table_format::encode_bmp(cps, out);
  return out;
}

enum { nocap, initcap, allcap, huhcap, huhinitcap };

// hunspell's get_captype_utf8.
int captype_of(const std::string& word, int langnum) {
  const std::u16string cps = decode(word);
  std::size_t ncap = 0, nneutral = 0;
  for (char16_t c : cps) {
    const unsigned short lower = unicodetolower(c, langnum);
    if (lower != c) ++ncap;
    if (unicodetoupper(c, langnum) == lower) ++nneutral;
  }
  if (ncap == 0) return nocap;
  const bool firstcap = unicodetolower(cps[0], langnum) != cps[0];
  if (ncap == 1 && firstcap) return initcap;
  if (ncap == cps.size() || ncap + nneutral == cps.size()) return allcap;
  if (ncap > 1 && firstcap) return huhinitcap;
  return huhcap;
}

std::string lower(const std::string& s, int langnum) {
  std::u16string cps = decode(s);
  for (char16_t& c : cps) c = unicodetolower(c, langnum);
  return encode(cps);
}

// The word in lower case but its first letter (hunspell's mkallsmall then mkinitcap).
std::string capitalised_lower(const std::string& s, int langnum) {
  std::u16string cps = decode(lower(s, langnum));
  if (!cps.empty()) cps[0] = unicodetoupper(cps[0], langnum);
  return encode(cps);
}

// Little-endian output.
struct writer {
  std::string out;
  template <class T>
  void put(T x) {
    for (std::size_t i = 0; i < sizeof x; ++i) out.push_back(static_cast<char>((static_cast<std::uint64_t>(x) >> (8 * i)) & 0xFF));
  }
  void put_string(const std::string& s) {
    put(static_cast<std::uint16_t>(s.size()));
    out += s;
  }
  void align() {
    while (out.size() % 8) out.push_back('\0');
  }
};

int write_table(const std::string& path, const std::string& bytes) {
  std::ofstream o(path + ".tmp", std::ios::binary);
  o.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  o.close();
  if (!o || std::rename((path + ".tmp").c_str(), path.c_str()) != 0) {
    std::cerr << path << ": cannot write\n";
    return 1;
  }
  return 0;
}

int write_unusable(const std::string& path, std::uint64_t fp, const std::string& why) {
  std::cerr << "econkg_morph_table_gen: no morphology table (" << why << "): hunspell will analyse every form\n";
  writer w;
  w.put(morph_table_format::magic);
  w.put(fp);
  for (std::size_t i = 2; i < morph_table_format::header_words; ++i) w.put(std::uint64_t{0});
  return write_table(path, w.out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5 || (std::string(argv[1]) != "analyze" && std::string(argv[1]) != "spell")) {
    std::cerr << "usage: econkg_morph_table_gen analyze|spell AFF DIC OUT\n";
    return 2;
  }
  const bool spell_mode = std::string(argv[1]) == "spell";
  const std::string aff_path = argv[2], dic_path = argv[3], out_path = argv[4];
  const std::string aff_text = morph_table_format::read_file(aff_path), dic_text = morph_table_format::read_file(dic_path);
  const std::uint64_t fp = morph_table_format::fingerprint(aff_text, dic_text);
  if (aff_text.empty() || dic_text.empty()) return write_unusable(out_path, fp, aff_path + " or " + dic_path + " missing");
  affix_file affixes = read_affixes(aff_text, spell_mode);
  if (!affixes.usable) return write_unusable(out_path, fp, aff_path + ": " + affixes.why_not);

  // Two hunspell instances (one at a time: its constructor is not
  // thread-safe) analyse half the spellings each; their
  // case tables are filled when the first opens.
  std::vector<std::unique_ptr<Hunspell>> h;
  for (int i = 0; i < 2; ++i) h.push_back(std::make_unique<Hunspell>(aff_path.c_str(), dic_path.c_str()));
  const int langnum = h[0]->get_langnum();

  // Every spelling the affix rules make.
  expansion x;
  {
    std::istringstream in(dic_text);
    std::string line;
    std::getline(in, line);  // the entry count
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      std::string entry = line.substr(0, line.find_first_of(" \t"));
      if (entry.empty()) continue;
      std::string word = entry, fl;
      if (std::size_t slash = entry.find('/', 1); slash != std::string::npos) {
        word = entry.substr(0, slash);
        fl = entry.substr(slash + 1);
      }
      std::vector<std::string> flags = affixes.flags(fl);
      for (const auto& f : flags)
        if (affixes.compound_flags.count(f) && !(word[0] >= '0' && word[0] <= '9'))
          return write_unusable(out_path, fp, dic_path + ": " + word + " may start a compound without a digit");
      expand_root(affixes, word, flags, x);
      // hunspell adds a hidden capitalised homonym of a word written in
      // mixed case (« XXe » gets « Xxe », « TiCl₄ » « Ticl₄ ») or in
      // capitals with flags (« XL/-- » gets « Xl »), unless forbidden, so
      // that the word in capitals finds it (HashMgr::add_hidden_capitalized_word);
      // analyze() reads it like any word, affixes included.
      const int type = captype_of(word, langnum);
      const bool forbidden = !affixes.forbidden.empty() && std::find(flags.begin(), flags.end(), affixes.forbidden) != flags.end();
      if ((type == huhcap || type == huhinitcap || (type == allcap && !flags.empty())) && !forbidden)
        expand_root(affixes, capitalised_lower(word, langnum), flags, x);
    }
  }

  std::vector<std::string> spellings;
  for (const auto& s : x.spellings) {
    // Forms the run never looks up: left to hunspell (see lookup()).
    if (s.empty() || s.size() >= 100 || s[0] == ' ' || s.back() == '.') continue;
    if (spell_mode && ((s[0] >= '0' && s[0] <= '9') || captype_of(s, langnum) != nocap)) continue;
    bool converted = false;
    for (const auto& [pattern, replacement] : affixes.iconv) converted = converted || s.find(pattern) != std::string::npos;
    if (!converted) spellings.push_back(s);
  }
  std::vector<analyses_digest> digests(spellings.size());
  std::vector<char> known(spellings.size(), 0);
  {
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < h.size(); ++t)
      threads.emplace_back([&, t] {
        for (std::size_t i = t; i < spellings.size(); i += h.size()) {
          if (spell_mode) {
            // spell() as pos_known-or-nothing, stem()'s list as it is.
            analyses_digest d;
            d.pos = h[t]->spell(spellings[i]) ? morph_table_format::spelled : 0;
            d.stems = h[t]->stem(spellings[i]);
            if (!d.pos && d.stems.empty()) continue;
            digests[i] = std::move(d);
          } else {
            std::vector<std::string> a = h[t]->analyze(spellings[i]);
            if (a.empty()) continue;
            digests[i] = digest_analyses(a);
          }
          known[i] = 1;
        }
      });
    for (auto& t : threads) t.join();
  }

  // Layout (morph_table.hpp).
  writer keys, values, entries;
  std::map<std::string, std::uint32_t> value_at;
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    if (!known[i]) continue;
    writer v;
    v.put(digests[i].pos);
    v.put(static_cast<std::uint8_t>(digests[i].common));
    v.put(static_cast<std::uint8_t>(std::min<std::size_t>(digests[i].stems.size(), 255)));
    for (std::size_t k = 0; k < digests[i].stems.size() && k < 255; ++k) v.put_string(digests[i].stems[k]);
    auto [it, fresh] = value_at.emplace(v.out, static_cast<std::uint32_t>(values.out.size()));
    if (fresh) values.out += v.out;
    entries.put(static_cast<std::uint32_t>(keys.out.size()));
    entries.put(static_cast<std::uint32_t>(spellings[i].size()));
    entries.put(it->second);
    keys.out += spellings[i];
    kept.push_back(i);
  }
  std::size_t slot_count = 1;
  while (slot_count < kept.size() * 2) slot_count *= 2;
  std::vector<std::uint32_t> slots(slot_count, 0);
  for (std::size_t e = 0; e < kept.size(); ++e) {
    std::size_t s = short_hash(spellings[kept[e]]) & (slot_count - 1);
    while (slots[s]) s = (s + 1) & (slot_count - 1);
    slots[s] = static_cast<std::uint32_t>(e + 1);
  }
  writer cases;
  std::size_t case_count = 0;
  for (std::uint32_t c = 0; c < 0x10000; ++c) {
    auto lo = unicodetolower(static_cast<unsigned short>(c), langnum), up = unicodetoupper(static_cast<unsigned short>(c), langnum);
    if (lo == c && up == c) continue;
    cases.put(static_cast<std::uint16_t>(c));
    cases.put(static_cast<std::uint16_t>(lo));
    cases.put(static_cast<std::uint16_t>(up));
    ++case_count;
  }
  // analyze tables: the elisions' starts; spell tables: the BREAK patterns
  // in their order (spell() tries them in turn).
  std::vector<std::string> heads;
  if (spell_mode) {
    heads = affixes.breaks;
  } else {
    std::set<std::string> lowered;
    for (const auto& head : x.heads) lowered.insert(lower(head, langnum));
    heads.assign(lowered.begin(), lowered.end());
  }
  writer rest;
  rest.put(static_cast<std::uint32_t>(heads.size()));
  for (const auto& head : heads) rest.put_string(head);
  const std::size_t iconv_rel = rest.out.size();
  rest.put(static_cast<std::uint32_t>(affixes.iconv.size()));
  for (const auto& [pattern, replacement] : affixes.iconv) {
    rest.put_string(pattern);
    rest.put_string(replacement);
  }

  writer out;
  std::size_t at = 8 * morph_table_format::header_words;
  auto section = [&](std::size_t size) {
    std::size_t here = at;
    at += (size + 7) / 8 * 8;
    return static_cast<std::uint64_t>(here);
  };
  const std::uint64_t slots_at = section(4 * slots.size()), entries_at = section(entries.out.size()),
                      values_at = section(values.out.size()), keys_at = section(keys.out.size()),
                      cases_at = section(cases.out.size()), rest_at = section(rest.out.size());
  const std::uint64_t kind = spell_mode ? morph_table_format::spell_table : morph_table_format::analyze_table;
  for (std::uint64_t word : {morph_table_format::magic, fp, kind, static_cast<std::uint64_t>(slot_count), slots_at,
                             entries_at, values_at, keys_at, cases_at, static_cast<std::uint64_t>(case_count), rest_at,
                             rest_at + iconv_rel})
    out.put(word);
  for (std::uint32_t s : slots) out.put(s);
  out.align();
  for (const writer* w : {&entries, &values, &keys, &cases, &rest}) {
    out.out += w->out;
    out.align();
  }
  std::cerr << "econkg_morph_table_gen: " << dic_path << ": " << kept.size() << " known spellings of " << spellings.size() << ", "
            << heads.size() << (spell_mode ? " break patterns, " : " elision starts, ") << out.out.size() / 1024 << " KiB\n";
  return write_table(out_path, out.out);
}
