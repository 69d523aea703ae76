// Claims files, checked against fixed profiles.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/claims.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static charterkit::Tokenizer tokenizer = std::move(charterkit::Tokenizer::Create()).value();
  static charterkit::Codebook codebook = std::move(charterkit::Codebook::Default(tokenizer)).value();
  auto text = charterkit::text_from_bytes(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  if (!text.ok()) return 0;
  auto claims = charterkit::parse_claims(text.value(), codebook);
  if (!claims.ok()) return 0;
  charterkit::ThemeProfile profile;
  profile.counts.assign(codebook.themes().size(), 1);
  profile.evidence.assign(codebook.themes().size(), {charterkit::Evidence{"d", "all", 0, 0, 1, "x", "x"}});
  std::map<std::string, charterkit::ThemeProfile> profiles = {{"SCO", profile}};
  (void)charterkit::check_claims(claims.value(), codebook, profiles, "fuzz");
  return 0;
}
