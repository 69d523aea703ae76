// Human codings (CSV), read against the default codebook and, when they parse,
// validated against the built-in corpus.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/corpus.h"
#include "charterkit/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static charterkit::Tokenizer tokenizer = std::move(charterkit::Tokenizer::Create()).value();
  static charterkit::Codebook codebook = std::move(charterkit::Codebook::Default(tokenizer)).value();
  static charterkit::Matcher matcher = std::move(charterkit::Matcher::Compile(codebook)).value();
  static charterkit::Corpus corpus = [] {
    charterkit::Corpus c;
    (void)charterkit::add_embedded_corpus(c, std::move(charterkit::HeadingRules::Default()).value());
    return c;
  }();
  auto text = charterkit::text_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.csv");
  if (!text.ok()) return 0;
  auto coding = charterkit::parse_coding(text.value(), codebook);
  if (!coding.ok()) return 0;
  auto validation = charterkit::validate_coding({coding.value()}, corpus.documents, tokenizer, matcher);
  if (!validation.ok()) return 0;
  // One agreement row per theme and an overall row; every cell counted once.
  if (validation->agreement.size() != codebook.themes().size() + 1) __builtin_trap();
  for (const auto& row : validation->agreement) {
    if (row.tp + row.fp + row.fn + row.tn != row.cells) __builtin_trap();
  }
  return 0;
}
