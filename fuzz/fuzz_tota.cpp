// ToTA treaty XML.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/corpus.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto text = charterkit::text_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.xml");
  if (!text.ok()) return 0;
  auto doc = charterkit::read_tota_document(text.value(), "fuzz");
  if (!doc.ok()) return 0;
  for (const auto& s : doc->segments) {
    if (s.end < s.begin || s.end > doc->text.bytes.size()) __builtin_trap();
  }
  return 0;
}
