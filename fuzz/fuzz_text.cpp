// UTF-8 loading and tokenization of arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/text.h"
#include "charterkit/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static charterkit::Tokenizer tokenizer = std::move(charterkit::Tokenizer::Create()).value();
  auto text = charterkit::text_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
  if (!text.ok()) return 0;
  auto tokens = tokenizer.tokenize(text->content(), text->content_begin);
  if (tokens.ok()) {
    for (const auto& t : tokens.value()) {
      if (t.begin >= t.end || t.end > text->bytes.size()) __builtin_trap();
    }
  }
  return 0;
}
