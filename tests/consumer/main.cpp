// Tokenizes a phrase with the installed library; exits 0 only if it works.
#include <charterkit/tokenizer.h>
#include <charterkit/version.h>

#include <iostream>

int main() {
  auto tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) {
    std::cerr << tokenizer.status().to_string() << '\n';
    return 1;
  }
  auto tokens = tokenizer->tokenize("Collective SECURITY, ｃｏｌｌｅｃｔｉｖｅ безопасность");
  if (!tokens.ok() || tokens->size() != 4 || tokens.value()[1].normalized != "security" ||
      tokens.value()[2].normalized != "collective") {
    std::cerr << "unexpected tokens\n";
    return 1;
  }
  std::cout << "charterkit " << charterkit::version() << " consumer: ok\n";
  return 0;
}
