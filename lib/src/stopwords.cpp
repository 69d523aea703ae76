#include "charterkit/stopwords.h"

#include "charterkit/corpus.h"
#include "charterkit/text.h"
#include "lines.h"

namespace charterkit {

Result<StopWords> StopWords::Load(const std::string& path, Tokenizer& tokenizer) {
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  return Parse(text.value(), tokenizer);
}

Result<StopWords> StopWords::Parse(const Text& text, Tokenizer& tokenizer) {
  const std::string& path = text.name;
  StopWords list;
  Status error;
  internal::for_each_line(text.content(), [&](std::size_t line_number, std::size_t line_begin, std::string_view line) {
    if (line.empty() || line.front() == '#') return true;
    Result<std::vector<Token>> tokens = tokenizer.tokenize(line);
    if (!tokens.ok()) {
      error = tokens.status();
      return false;
    }
    const bool one_word = tokens->size() == 1 && tokens->front().begin == 0 && tokens->front().end == line.size();
    if (!one_word) {
      error = Status::InvalidInput("stop-word entry '" + std::string(line) + "' is not a single word",
                                   SourceLocation{path, line_number, 1, text.content_begin + line_begin});
      return false;
    }
    list.words_.insert(std::move(tokens->front().normalized));
    return true;
  });
  if (!error.ok()) return error;
  return list;
}

Result<StopWords> StopWords::Builtin(std::string_view language, Tokenizer& tokenizer) {
  Result<Text> text = corpus_file("stopwords/" + std::string(language.substr(0, language.find('-'))) + ".txt");
  if (!text.ok()) return text.status();
  return Parse(text.value(), tokenizer);
}

bool StopWords::contains(std::string_view normalized) const {
  return words_.find(normalized) != words_.end();
}

}  // namespace charterkit
