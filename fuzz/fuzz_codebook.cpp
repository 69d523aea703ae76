// Codebook parsing (charterkit YAML, quanteda, LIWC) and matching.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/matcher.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static charterkit::Tokenizer tokenizer = std::move(charterkit::Tokenizer::Create()).value();
  static const std::vector<charterkit::Token> tokens = std::move(tokenizer.tokenize(
      "The Parties shall combat terrorism, separatism and extremism, illicit trafficking in narcotic drugs and arms; "
      "укрепление мира и безопасности; лаңкестікке қарсы; 打击恐怖主义。 aaaaaaaaaaaaaaaaaaaaaaaaaaaaab")).value();
  auto text = charterkit::text_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  if (!text.ok()) return 0;
  for (int format = 0; format < 3; ++format) {
    auto book = format == 0   ? charterkit::Codebook::Parse(text.value(), tokenizer)
                : format == 1 ? charterkit::Codebook::ParseQuanteda(text.value(), tokenizer)
                              : charterkit::Codebook::ParseLiwc(text.value(), tokenizer);
    if (!book.ok()) continue;
    (void)book->check();
    std::vector<std::string> skipped;
    (void)book->to_quanteda_yaml(&skipped);
    auto matcher = charterkit::Matcher::Compile(book.value());
    if (!matcher.ok()) continue;
    for (const auto& hit : matcher->match(tokens, "")) {
      if (hit.first_token >= hit.last_token || hit.last_token > tokens.size()) __builtin_trap();
    }
  }
  return 0;
}
