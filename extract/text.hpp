#pragma once
// Sentence and word segmentation of one document with ICU's rules, plus the
// French elision split (l’, d’, qu’ …) and the re-joining of hyphenated words
// that ICU breaks apart (Salaise-sur-Sanne, vice-président). Paragraphs of
// Latin text are split into words without ICU (latin_word_pieces, same
// pieces), and into sentences without ICU's sentence iterator
// (latin_sentence_breaks, same boundaries).
//
// Thread safety: a segmenter is immutable after construction; segment() may
// be called from any number of threads (each thread clones the ICU iterators
// once and keeps them for its later calls).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace econkg {

// One word or punctuation mark: a half-open byte range of the segmented text.
struct token {
  std::size_t begin = 0, end = 0;
  std::string lower;     // lower-cased surface, typographic apostrophes as '
  std::uint32_t pos = 0; // part-of-speech bits (pos_bits), filled by the lexicon stage
  // Filled by the lexicon stage: vocabulary numbers (0: a form no list,
  // table or rule names) of the lower-case form, of its lemma (the form
  // itself when the dictionary does not know it) and of a second reading's
  // lemma (« siège »: siège / siéger).
  std::uint32_t word = 0, lemma_word = 0, alt_word = 0;
  std::uint64_t lists = 0;        // bits of the word lists holding `lower` (lexicon stage)
  std::uint64_t lemma_lists = 0;  // bits of the lists holding lower, lemma or alt_lemma
  bool cap = false;      // first letter upper-case
  bool upper = false;    // every letter upper-case (and at least two letters)
  bool digit = false;    // starts with a digit
  bool punct = false;    // no letter and no digit
  bool space_before = false;  // white space (or line start) before the token
  bool para_start = false;    // first token of a paragraph
};

// A sentence: byte range and its tokens [tok_begin, tok_end).
struct sentence {
  std::size_t begin = 0, end = 0;
  std::size_t tok_begin = 0, tok_end = 0;
};

struct segmented {
  std::vector<token> tokens;
  std::vector<sentence> sentences;
};

class segmenter {
 public:
  // `lang` selects the ICU break rules ("fr@ss=standard", "en@ss=standard").
  // `detached` lists lower-case words that stay apart after a hyphen
  // (« Chicago-based » gives Chicago | - | based), so rules can read them.
  // `abbreviations` lists lower-case abbreviations with their final period
  // ("u.s.", "corp.", "jan.") after which a capital does not start a sentence.
  explicit segmenter(const std::string& lang, std::vector<std::string> detached = {},
                     std::vector<std::string> abbreviations = {});
  ~segmenter();
  segmenter(const segmenter&) = delete;
  segmenter& operator=(const segmenter&) = delete;

  // Segments `text` (UTF-8). Paragraphs (line breaks) always end sentences.
  segmented segment(std::string_view text) const;

  // The tokens segment(text) gives, without the sentences (and without
  // para_start): for word lists, whose entries are lines of `text`.
  std::vector<token> words(std::string_view text) const;

  // words(text) along the general path: word pieces first (found without
  // ICU where latin_word_pieces can), then tokens from them, rather than
  // the one pass words() and segment() take in Latin paragraphs. For tests
  // of that pass.
  std::vector<token> piecewise_words(std::string_view text) const;

 private:
  std::vector<token> words(std::string_view text, bool piecewise) const;
  struct icu_state;
  std::unique_ptr<icu_state> icu_;
  std::vector<std::string> detached_;
  std::vector<std::string> abbreviations_;
};

// Fills `pieces` with the byte ranges of the words, numbers and punctuation
// marks ICU's word break rules find in one paragraph (UTF-8, no line break),
// white space left out, without asking ICU: for paragraphs of Latin letters,
// digits and the punctuation of French and English news. Returns false
// (pieces unspecified) when the paragraph holds another code point, whose
// rules it does not know: ICU must segment that paragraph.
bool latin_word_pieces(std::string_view para, std::vector<std::pair<std::size_t, std::size_t>>& pieces);

// Fills `breaks` with the boundaries ICU's sentence iterator for
// "<lang>@ss=standard" (lang "fr" or "en") gives in one paragraph (UTF-8, no
// line break) after its start, as byte offsets, the paragraph's end last,
// without asking ICU: for paragraphs latin_word_pieces segments. Returns
// false (breaks unspecified) for another paragraph (or a carriage return,
// another language, ICU data it cannot read): ICU must find them.
bool latin_sentence_breaks(std::string_view para, std::string_view lang, std::vector<std::size_t>& breaks);

// Lower-cases UTF-8 text with ICU (root locale) and maps ’ ‘ ` to '.
std::string lower_utf8(std::string_view s);

// Number of code points in UTF-8 bytes [0, n) of s.
std::size_t code_points(std::string_view s, std::size_t n);

}  // namespace econkg
