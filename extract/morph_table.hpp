#pragma once
// hunspell's analyses of a dictionary's word forms, computed when econkg is
// built (extract/gen/morph_table_gen.cpp) so that a run asks hunspell
// (Hunspell::analyze: about 30 µs a form, and 0.1 s to open the French
// dictionary) only for the forms the table cannot answer for.
//
// The table holds Hunspell::analyze(s), digested, for every spelling s that
// the dictionary's affix rules can make (a superset of the forms hunspell
// accepts, each analysed by hunspell itself when the table is built). Any
// other form is answered from the way analyze() reads a word (hunspell 1.7,
// HunspellImpl::analyze_internal): after its input conversion (ICONV) it
// strips trailing periods, then looks up the word as written, and for a
// capitalised word (INITCAP: « Usine ») its lower-case form then its
// capitalised form, for an all-capitals word (ALLCAP: « USINE ») itself,
// then both of those; hunspell's affix rules never change case, so a word
// that no rule makes has no analysis of its own. A word written with an
// elision prefix (« l'usine ») would multiply the table tenfold: those words
// are left to hunspell, and the table knows which starts (« l' », « qu' »)
// such prefixes make. What the table cannot answer for (a trailing period,
// an input conversion other than the apostrophes, a code
// point outside the Basic Multilingual Plane, a form of 100 bytes or more, a
// capitalisation whose round trip through lower case changes it) goes to
// hunspell too. tests/test_morph_table.cpp compares both routes on every word form
// of the repository's corpora in several casings.
//
// The table is used only with the dictionary files and the hunspell library
// it was built from: the run compares a hash of their bytes with the table's.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace econkg {

// What lexicon.cpp keeps of analyze()'s strings for one form: the union of
// their part-of-speech bits, whether one is not a name's, and their non-empty
// st: fields, each once, in order.
struct analyses_digest {
  std::uint32_t pos = 0;
  bool common = false;
  std::vector<std::string> stems;
};
analyses_digest digest_analyses(const std::vector<std::string>& analyses);

class morph_table {
 public:
  // The table built for the dictionary files aff and dic, or nullptr when
  // econkg was built without one for them, or they are not the files it was
  // built from (another hunspell-fr version).
  static const morph_table* for_dictionary(const std::string& aff, const std::string& dic);

  // Whether the table answers lookup() (Hunspell::analyze, the French
  // dictionary's) or lookup_spelling() (Hunspell::spell and stem, the
  // English one's).
  bool spelling_table() const { return spelling_; }

  enum class answer {
    found,        // analyze(form) is `out`
    none,         // analyze(form) is empty
    ask_hunspell  // the table cannot tell: call hunspell
  };
  answer lookup(std::string_view form, analyses_digest& out) const;
  // Hunspell::spell(form) (out.pos holds morph_table_format::spelled or not)
  // and Hunspell::stem(form) (out.stems, as stem() lists them), for a form
  // without capitals; anything else (capitals, a leading digit, which
  // numbers and compounds need, ...) is left to hunspell. A form no affix rule makes is spelled
  // right only through the BREAK patterns (« cash-rich »: « cash » and
  // « rich »), which spell() tries as hunspell 1.7 does, and has no stems.
  answer lookup_spelling(std::string_view form, analyses_digest& out) const;

  // A table read from its bytes (the generator's layout, below), which must
  // outlive it.
  explicit morph_table(std::string_view bytes);

 private:
  std::string_view bytes_;
  bool spelling_ = false;
  // hunspell's lower- and upper-case form of every BMP code point.
  std::vector<char16_t> lower_, upper_;
  struct conversion {
    std::string_view pattern, replacement;
    bool single;  // one code point made one ASCII character (’ ʼ -> ')
  };
  std::vector<conversion> conversions_;
  bool conversion_byte_[256] = {};  // some byte of each pattern (its first non-ASCII one)
  std::vector<std::string_view> heads_;

  bool find(std::string_view key, analyses_digest& out) const;
  int captype_of(const std::u16string& cps) const;
  // The form after input conversion, or false when it is left to hunspell.
  bool convert(std::string_view form, std::string& word) const;
  // Hunspell::spell of a converted form without capitals: 1 or 0, -1 when
  // hunspell must tell; spelled_by_breaks: through its BREAK patterns only.
  int spelled(const std::string& word) const;
  int spelled_by_breaks(const std::string& word) const;
};

// Table layout, shared with the generator. All integers little-endian; the
// header is twelve u64 values:
//   magic, fingerprint, kind, slot_count, slots_at, entries_at,
//   values_at, keys_at, cases_at, case_count, heads_at, iconv_at
// slots: u32[slot_count] (0: empty, else entry index + 1), open addressing
//   on short_hash(key), linear probing;
// entries: {u32 key offset, u32 key length, u32 value offset};
// values: u32 pos, u8 common, u8 stem count, then each stem as u16 length
//   and bytes;
// keys: the spellings' bytes;
// cases: {u16 code point, u16 lower, u16 upper} sorted by code point, for
//   every BMP code point hunspell's case tables change;
// heads: u32 count, then each as u16 length and bytes: for an analyze
//   table, the lower-case starts, through their first apostrophe, of the
//   spellings left to hunspell; for a spell table, the BREAK patterns in
//   the affix file's order;
// iconv: u32 count, then each pair's pattern and replacement as u16 length
//   and bytes.
namespace morph_table_format {
constexpr std::uint64_t magic = 0x3130544D474B4345ull;  // "ECKGMT01"
constexpr std::size_t header_words = 12;
// h_kind: 0 for a dictionary the generator could not follow (no table).
constexpr std::uint64_t analyze_table = 1, spell_table = 2;
// A spell table's pos: the form is spelled right.
constexpr std::uint32_t spelled = 1u << 9;
enum header_word : std::size_t {
  h_magic, h_fingerprint, h_kind, h_slot_count, h_slots_at, h_entries_at,
  h_values_at, h_keys_at, h_cases_at, h_case_count, h_heads_at, h_iconv_at
};
// Hash of a dictionary's two files (bytes and sizes) and of the hunspell
// library this process runs (its shared object's bytes: another hunspell
// may read words another way), as the table records it.
std::uint64_t fingerprint(std::string_view aff_bytes, std::string_view dic_bytes);
// A whole file's bytes ("" if it cannot be read), in one read.
std::string read_file(const std::string& path);
// UTF-8 to code points of the Basic Multilingual Plane (hunspell's
// characters); false for anything else (invalid, or beyond U+FFFF).
bool decode_bmp(std::string_view s, std::u16string& out);
// Code points of the BMP to UTF-8.
void encode_bmp(const std::u16string& cps, std::string& out);
}  // namespace morph_table_format

}  // namespace econkg
