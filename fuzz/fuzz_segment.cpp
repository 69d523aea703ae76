// Plain-text documents: front matter, language detection, segmentation.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static charterkit::HeadingRules rules = std::move(charterkit::HeadingRules::Default()).value();
  auto text = charterkit::text_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.txt");
  if (!text.ok()) return 0;
  const std::size_t length = text->bytes.size();
  std::vector<charterkit::Warning> warnings;
  auto doc = charterkit::read_text_document(std::move(text).value(), "fuzz", rules, &warnings);
  if (!doc.ok()) return 0;
  std::size_t previous = doc->segments.empty() ? 0 : doc->segments.front().begin;
  for (const auto& s : doc->segments) {
    if (s.begin != previous || s.end < s.begin || s.end > length) __builtin_trap();  // segments tile the body
    previous = s.end;
  }
  return 0;
}
