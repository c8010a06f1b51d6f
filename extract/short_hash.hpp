#pragma once
// A cheap hash of a short string (a word form, a lower-cased label), eight
// bytes at a time, for the project's own in-memory tables (the lexicon's
// per-thread front table, vocabulary and morphology caches, the mention
// finder's key map). No table using it is ever walked, so outputs never
// depend on it.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace econkg {

inline std::uint64_t short_hash(std::string_view s) {
  constexpr std::uint64_t k = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * k;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    h = (h ^ x) * k;
    h ^= h >> 29;
  }
  if (i < s.size()) {
    // The last 1 to 7 bytes, zero-extended as one little-endian word, read
    // in two overlapping loads of fixed size (never past the end) rather
    // than a memcpy call of variable length; the overlapping bytes are the
    // same in both loads, so or-ing them gives that word exactly.
    const char* p = s.data() + i;
    const std::size_t n = s.size() - i;
    std::uint64_t x;
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      x = lo | (std::uint64_t{hi} << (8 * (n - 4)));
    } else if (n >= 2) {
      std::uint16_t lo, hi;
      std::memcpy(&lo, p, 2);
      std::memcpy(&hi, p + n - 2, 2);
      x = lo | (std::uint64_t{hi} << (8 * (n - 2)));
    } else {
      x = static_cast<unsigned char>(p[0]);
    }
    h = (h ^ x) * k;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

// short_hash for std::unordered_map, looking up std::string keys by
// std::string_view (with std::equal_to<>).
struct short_hasher {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return short_hash(s); }
};

}  // namespace econkg
