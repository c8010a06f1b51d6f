#pragma once
// Money, quantity, percentage and date expressions found in raw sentence text,
// with their parsed values. The scanner works on UTF-8 text and returns byte
// ranges, so it needs no tokeniser; the extractor aligns them with tokens.
//
// Thread safety: a value_scanner is immutable after construction; find() may
// be called from any number of threads at once.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace econkg {

enum class value_kind { money, quantity, percent, date };

// One expression. [begin, end) is a byte range into the text given to find(),
// offset by `base`. For money, the range covers number, multiplier and currency
// (« 4 milliards d’euros », « 45 M€ », « US$6 billion »); for quantities, the
// number and its multiplier but not the counted noun (« 25 000 » in
// « 25 000 GPU », « 1 million » in « 1 million de Français »), and `unit`
// is that counted noun as written (« GPU », « Français », « emplois »).
struct value_mention {
  std::size_t begin = 0, end = 0;
  value_kind kind = value_kind::quantity;
  std::int64_t amount = 0;     // money and quantity: the number in units (4,3 milliards -> 4300000000)
  double number = 0.0;         // percent: 14 for « 14 % »; money/quantity: same as amount
  std::string currency;        // money: ISO 4217 code (EUR, USD, GBP, ...)
  std::string unit;            // quantity: the counted noun, empty if none
  std::size_t unit_begin = 0, unit_end = 0;  // byte range of `unit`, offset by base
  std::string date;            // date: ISO 8601 (2025, 2025-12, 2024-05-13), resolved
  bool approximate = false;    // « plus de », « près de », « environ », « jusqu’à », "about", "up to"
  bool range = false;          // « 20 à 30 », « entre 20 et 30 »: no single value
};

class value_scanner {
 public:
  // Loads word lists (multipliers, currency names and symbols, month and day
  // names, relative-date words) from `lexicon_dir`/values/. Throws
  // std::runtime_error naming file and line on a malformed entry.
  explicit value_scanner(const std::string& lexicon_dir);
  ~value_scanner();
  value_scanner(const value_scanner&) = delete;
  value_scanner& operator=(const value_scanner&) = delete;

  // Every expression in `text`, in order, non-overlapping. `lang` is "fr" or
  // "en"; `doc_date` (ISO date or empty) resolves relative dates (« lundi »,
  // « l’an prochain », "last year"); without it such dates are not returned.
  std::vector<value_mention> find(std::string_view text, std::string_view lang,
                                  std::string_view doc_date, std::size_t base = 0) const;
  // find() without the shortcuts that only save time (the word table's
  // filters before try_at and match): for tests, which compare the two.
  std::vector<value_mention> find_plain(std::string_view text, std::string_view lang,
                                        std::string_view doc_date, std::size_t base = 0) const;

 private:
  struct tables;
  std::unique_ptr<const tables> tables_;
};

// The scanner's letter test and lower-casing (ICU's, read from a table
// below U+0250; apostrophes fold to '), for test_values to compare with ICU.
namespace values_detail {
bool is_letter(char32_t c);
char32_t fold(char32_t c);
}  // namespace values_detail

}  // namespace econkg
