// Matcher: finds a codebook's themes in tokens, with the evidence for each.
//
// Compiled for each language on first use, from the entries of that language
// and those for every language: words in a hash table, globs in a trie of
// their literal prefixes (a word is tried only against the globs whose prefix
// it starts with, plus those that start with a wildcard), phrases as a trie of
// token sequences, Chinese and Japanese entries as character sequences indexed
// by their first character, proximity rules by positional windows over the
// hits of their operands. Results for each distinct word are cached, so the
// cost per token does not grow with the number of entries.
//
// Counting policy (docs/codebook.md):
//  1. A match inside a match of one of the theme's exclusions (or of a
//     codebook-wide exclusion) does not count.
//  2. Within a theme, the longest match wins: of overlapping matches only the
//     longest (then a word, glob or phrase before a rule, then the earliest,
//     then the first entry) counts.
//  3. Across themes, a token counts for one theme only, the one with the
//     longest match (then the theme listed first), unless the codebook says
//     the two themes may overlap. The words between the two sides of a rule
//     are not the rule's: a rule never takes them from another theme.
//
// Example:
//   auto matcher = charterkit::Matcher::Compile(codebook);
//   auto matches = charterkit::match_document(doc, tokenizer, *matcher);
//   for (const auto& seg : matches.value())
//     for (const auto& hit : seg.hits) std::cout << codebook.themes()[hit.theme].id << '\n';
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "charterkit/batch.h"
#include "charterkit/codebook.h"
#include "charterkit/document.h"
#include "charterkit/status.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

struct Hit {
  std::size_t theme = 0;        // index into Codebook::themes() (SIZE_MAX: a codebook-wide exclusion, raw mode)
  std::size_t entry = 0;        // index into Codebook::entries()
  std::size_t first_token = 0;  // [first_token, last_token): positions in the token list
  std::size_t last_token = 0;
  std::size_t gap_first = 0;    // rules: [gap_first, gap_last) are the words between the two
  std::size_t gap_last = 0;     // sides; they are shown as evidence but not claimed (empty otherwise)
  std::size_t sentence = 0;     // sentence of the first token
  std::size_t begin = 0;        // byte span, as the tokens' offsets
  std::size_t end = 0;
};

struct MatchOptions {
  // Returns every match of every entry, exclusions included, before the
  // counting policy (for checking a codebook).
  bool raw = false;
};

class Matcher {
 public:
  // Compiles `codebook`, which must outlive the matcher.
  static Result<Matcher> Compile(const Codebook& codebook);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  // Returns the hits in `tokens` (one segment: phrases and rules never reach
  // across calls), ordered by position then theme. Only entries of `language`
  // (compared by primary subtag: "zh" serves "zh-Hans") and entries for every
  // language ("*") are used; an empty or "und" language uses all entries.
  // Not thread-safe (it caches per word): use one Matcher per thread.
  std::vector<Hit> match(std::span<const Token> tokens, std::string_view language,
                         const MatchOptions& options = {}) const;

  const Codebook& codebook() const;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The hits of one segment and its size in tokens.
struct SegmentMatches {
  std::size_t segment = 0;  // index into Document::segments
  std::size_t tokens = 0;
  std::vector<Hit> hits;
};

// Tokenizes each segment of `document` and matches it in the document's
// language. Errors: those of Tokenizer::tokenize.
Result<std::vector<SegmentMatches>> match_document(const Document& document, Tokenizer& tokenizer,
                                                   const Matcher& matcher, const MatchOptions& options = {});

// match_document for each of `documents`, on batch.threads threads (each with
// its own tokenizer and matcher); element i holds the matches of documents[i].
// Errors: those of Tokenizer::Create, Matcher::Compile and tokenize (the
// first document's error, in order, when several fail).
Result<std::vector<std::vector<SegmentMatches>>> match_documents(const std::vector<Document>& documents,
                                                                 const Codebook& codebook, const BatchOptions& batch,
                                                                 const MatchOptions& options = {});

}  // namespace charterkit
