// Tokenizer: Unicode words (UAX #29) with byte spans, sentence numbers and
// normalized forms.
//
// Words are cut by ICU's word break rules (root locale; dictionaries for
// Chinese, Japanese, Thai and similar scripts) directly on the UTF-8 bytes.
// Each token's normalized form is NFKC with full case folding (Unicode's
// NFKC_Casefold), so "Terrorism", "TERRORISM" and "ｔｅｒｒｏｒｉｓｍ" are
// the same word, and so are "Қауіпсіздік" and "қауіпсіздік". Spaces and
// punctuation are not tokens; symbols such as "§" or "$" are, of kind kOther.
//
// Sentences follow ICU's sentence rules, with one change for text that was
// wrapped by hand or extracted from PDF: a single line break counts as a space;
// an empty line (two line breaks) ends a sentence.
//
// Speed: runs of text made only of characters whose UAX #29 behaviour is
// certain (letters and digits below U+0800, ordinary punctuation, white space)
// are cut and normalized by a table built from ICU's own data and checked
// against ICU when the first tokenizer is created; everything else, and every
// sentence end, is left to ICU. The result is the same, token for token, as
// with ICU alone (TokenizerOptions::fast_path = false), which tests check.
//
// Example:
//   auto tokenizer = charterkit::Tokenizer::Create();
//   auto tokens = tokenizer->tokenize(text.content(), text.content_begin);
//   for (const charterkit::Token& t : tokens.value())
//     std::cout << t.normalized << ' ' << t.begin << ' ' << t.end << '\n';
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/status.h"

namespace charterkit {

enum class TokenKind {
  kWord,         // letters (Latin, Cyrillic, Arabic, Hangul, ...), possibly with digits
  kNumber,       // digits, possibly with separators ("1945", "3.5")
  kIdeographic,  // Han ideographs or kana, as cut by ICU's dictionaries
  kOther,        // symbols and emoji: neither space, punctuation nor word
};

// Returns "word", "number", "ideographic" or "other".
std::string_view to_string(TokenKind kind);

struct Token {
  std::size_t begin = 0;     // byte offset of the first byte (plus the `base` given)
  std::size_t end = 0;       // byte offset one past the last byte
  TokenKind kind = TokenKind::kWord;
  std::size_t sentence = 0;  // 0-based; counts only sentences that have tokens
  std::size_t position = 0;  // 0-based index of the token in its text
  std::string normalized;    // NFKC_Casefold of the token's text, UTF-8
};

struct TokenizerOptions {
  // false: ask ICU about every character (slower; the reference the fast path
  // is tested against).
  bool fast_path = true;
  // false: sentences are not looked for and every token's `sentence` is 0
  // (for counting words, where they are not needed).
  bool sentences = true;
};

// Bytes of text a tokenizer has cut so far, by the fast path's table and by
// ICU (white space is counted with what follows it). Shows whether a corpus
// is in scripts the fast path knows, and holds the fast path to its job.
struct TokenizerStats {
  std::size_t fast_bytes = 0;
  std::size_t icu_bytes = 0;
};

class Tokenizer {
 public:
  // Creates a tokenizer. Errors: Internal when ICU's data cannot be loaded.
  static Result<Tokenizer> Create(const TokenizerOptions& options = {});

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // Returns the tokens of `text`, in order. Offsets are bytes into `text` plus
  // `base` (pass Text::content_begin to get file offsets).
  // REQUIRES: `text` is well-formed UTF-8 (see validate_utf8).
  // Errors: InvalidInput for a text of 2 GiB or more; Internal if ICU fails.
  // Not thread-safe: use one Tokenizer per thread.
  Result<std::vector<Token>> tokenize(std::string_view text, std::size_t base = 0);

  // tokenize, for loops over many texts: the tokens are written to
  // tokens[0, n), for the n returned, reusing the elements already there (a
  // token's string keeps its storage, so nothing is allocated per token once
  // the vector has grown); elements after n are left for the next call.
  // REQUIRES and errors as for tokenize.
  Result<std::size_t> tokenize_into(std::string_view text, std::size_t base, std::vector<Token>& tokens);

  // The bytes tokenized so far by this tokenizer (tokenize and tokenize_into).
  TokenizerStats stats() const;

  // Returns every UAX #29 word boundary of `text` as a byte offset, 0 and
  // text.size() included (spaces and punctuation form segments of their own).
  // REQUIRES and errors as for tokenize.
  Result<std::vector<std::size_t>> word_boundaries(std::string_view text);

  // Returns the NFKC_Casefold form of `text`, the form tokens are compared in.
  // REQUIRES: `text` is well-formed UTF-8. Errors: Internal if ICU fails.
  Result<std::string> normalize(std::string_view text) const;

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace charterkit
