#include "charterkit/stopwords.h"

#include "charterkit/text.h"

namespace charterkit {

Result<StopWords> StopWords::Load(const std::string& path, Tokenizer& tokenizer) {
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  return Parse(text.value(), tokenizer);
}

Result<StopWords> StopWords::Parse(const Text& text, Tokenizer& tokenizer) {
  const std::string& path = text.name;
  const std::string_view content = text.content();
  StopWords list;
  std::size_t line_number = 0;
  std::size_t pos = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    const std::size_t line_begin = pos;
    pos = eol + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    Result<std::vector<Token>> tokens = tokenizer.tokenize(line);
    if (!tokens.ok()) return tokens.status();
    const bool one_word = tokens->size() == 1 && tokens->front().begin == 0 &&
                          tokens->front().end == line.size();
    if (!one_word) {
      return Status::InvalidInput(
          "stop-word entry '" + std::string(line) + "' is not a single word",
          SourceLocation{path, line_number, 1, text.content_begin + line_begin});
    }
    list.words_.insert(std::move(tokens->front().normalized));
  }
  return list;
}

bool StopWords::contains(std::string_view normalized) const {
  return words_.find(normalized) != words_.end();
}

}  // namespace charterkit
