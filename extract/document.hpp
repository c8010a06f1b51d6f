#pragma once
// A document as read from the input: it owns its text, which is never changed
// after reading (NFC-normalised UTF-8). Everything the pipeline finds is an
// index into `text` (or into `title`) as a half-open byte range [begin, end).
#include <string>

namespace econkg {

struct document {
  std::string id;      // JSONL `id`, or the file name without its extension
  std::string text;    // body, NFC UTF-8
  std::string title;   // optional headline (JSONL `title`), NFC UTF-8
  std::string lang;    // "fr" or "en" (given, or detected)
  std::string date;    // ISO 8601 date of publication, or empty when unknown
  std::string url;     // optional
  std::string origin;  // "file:line" the document came from, for messages
};

}  // namespace econkg
