// Fuzzes the input reader: the bytes become a .jsonl file (first byte even)
// or a .txt file (odd), read to the end by econkg::document_reader. Every
// document it returns must be valid, NFC, non-empty UTF-8 with an id.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "extract/reader.hpp"

namespace fs = std::filesystem;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("econkg-fuzz-reader-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  const fs::path file = dir / ((data[0] & 1) ? "input.txt" : "input.jsonl");
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  econkg::document_reader reader({file.string()}, econkg::read_options{}, [](const econkg::input_problem& p) {
    if (p.where.empty() || p.what.empty()) std::abort();  // every problem names where and why
  });
  while (auto doc = reader.next()) {
    if (doc->id.empty() || doc->text.empty() || doc->origin.empty()) std::abort();
    if (doc->text.find('\0') != std::string::npos || doc->text.find('\r') != std::string::npos) std::abort();
  }
  std::error_code ec;
  fs::remove(file, ec);
  return 0;
}
