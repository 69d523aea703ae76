// StopWords: a language's function words, removed before lexical comparison.
//
// A list is a UTF-8 file with one word per line; lines starting with '#' and
// empty lines are ignored (format: docs/corpus.md). Each entry is normalized
// by the Tokenizer, so an entry matches a token whatever its case or width.
//
// Example:
//   auto stop = charterkit::StopWords::Load("corpus/stopwords/ru.txt", tokenizer);
//   if (stop->contains(token.normalized)) continue;
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "charterkit/status.h"
#include "charterkit/text.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

class StopWords {
 public:
  // Reads a stop-word list. Errors: those of load_text, and InvalidInput with
  // file:line:column for an entry that is not exactly one word token.
  static Result<StopWords> Load(const std::string& path, Tokenizer& tokenizer);
  // Same, from a text already read (such as corpus_file("stopwords/ru.txt")).
  static Result<StopWords> Parse(const Text& text, Tokenizer& tokenizer);
  // The built-in list of `language`'s primary subtag ("ru" for "ru-KZ"):
  // corpus/stopwords/LANG.txt. Errors: NotFound when there is none.
  static Result<StopWords> Builtin(std::string_view language, Tokenizer& tokenizer);

  // Returns true iff `normalized` (a Token::normalized form) is on the list.
  bool contains(std::string_view normalized) const;
  std::size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace charterkit
