#pragma once
// A memcpy for the short strings the exporters copy by the million (keys,
// numbers, ids, indentation), inlined rather than a library call; and the
// buffer the exporters write a number's text into.
#include <cstddef>
#include <cstring>
#include <string_view>

namespace econkg::detail {

// Copies `n` bytes from `s` to `p`, the same as std::memcpy, without a
// library call for the short strings JSON keys, numbers and ids are: pairs
// of fixed-size copies that may overlap each other (never reading outside
// [s, s + n) nor writing outside [p, p + n)), then 16 bytes at a time.
inline void copy_bytes(char* p, const char* s, std::size_t n) {
  if (n >= 16) {
    for (std::size_t i = 0; i + 16 < n; i += 16) std::memcpy(p + i, s + i, 16);
    std::memcpy(p + n - 16, s + n - 16, 16);  // the last 16, some perhaps copied already
  } else if (n >= 8) {
    std::memcpy(p, s, 8);
    std::memcpy(p + n - 8, s + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(p, s, 4);
    std::memcpy(p + n - 4, s + n - 4, 4);
  } else if (n >= 2) {
    std::memcpy(p, s, 2);
    std::memcpy(p + n - 2, s + n - 2, 2);
  } else if (n == 1) {
    *p = *s;
  }
}

// A number's text in a buffer of its own, without a heap string.
struct number_chars {
  char data[32];
  std::size_t size = 0;
  operator std::string_view() const { return {data, size}; }
};

}  // namespace econkg::detail
