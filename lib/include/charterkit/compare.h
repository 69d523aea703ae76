// Compare: theme profiles of documents, their overlap, lexical similarity and
// keyness, each number tied to the passages behind it.
//
// Example:
//   auto a = charterkit::profile_document(sco, tokenizer, matcher);
//   auto b = charterkit::profile_document(csto, tokenizer, matcher);
//   charterkit::ThemeOverlap o = charterkit::compare_themes(*a, *b);
//   // o.shared: themes present in both; o.jaccard, o.dice, o.overlap, o.cosine
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/batch.h"
#include "charterkit/document.h"
#include "charterkit/matcher.h"
#include "charterkit/status.h"
#include "charterkit/stopwords.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

// A passage that shows a theme: where it is and what it says.
struct Evidence {
  std::string document;
  std::string segment;
  std::size_t sentence = 0;
  std::size_t begin = 0;  // byte span in the document's text
  std::size_t end = 0;
  std::string text;       // the matched text
  std::string entry;      // the codebook entry that matched
};

// A document's themes: counts, rate and the evidence of every hit.
struct ThemeProfile {
  std::string document;
  std::string language;
  std::int64_t tokens = 0;
  std::vector<std::int64_t> counts;             // per theme of the codebook
  std::vector<std::vector<Evidence>> evidence;  // per theme, in text order

  bool present(std::size_t theme) const { return counts[theme] > 0; }
  // Returns matches per 1,000 tokens (0 for an empty document).
  double rate(std::size_t theme) const;
};

// Returns the profile of `document` under `matcher`'s codebook.
Result<ThemeProfile> profile_document(const Document& document, Tokenizer& tokenizer, const Matcher& matcher);

// Set measures on the themes present in two profiles, and cosine on counts.
struct ThemeOverlap {
  std::vector<std::size_t> shared, only_a, only_b;  // theme indexes, in codebook order
  double jaccard = 0;  // |A ∩ B| / |A ∪ B|
  double dice = 0;     // 2 |A ∩ B| / (|A| + |B|)
  double overlap = 0;  // |A ∩ B| / min(|A|, |B|)
  double cosine = 0;   // counts·counts / (|counts| |counts|)
};
// Measures are 0 when undefined (no themes at all, or a zero vector).
ThemeOverlap compare_themes(const ThemeProfile& a, const ThemeProfile& b);

// Jaccard of two sets of strings (0 when both are empty).
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Returns the distinct normalized words of `document` (kind word, number or
// ideographic), without the words of `stop` when given, sorted.
Result<std::vector<std::string>> word_types(const Document& document, Tokenizer& tokenizer, const StopWords* stop);

// Returns the distinct character 5-grams (code points) of `text`, sorted; with
// `normalize`, of the normalized words joined by single spaces instead of the
// raw text (case, width and punctuation no longer count). A text shorter than
// five characters has none.
Result<std::vector<std::string>> char_ngrams(std::string_view text, std::size_t n, bool normalize, Tokenizer& tokenizer);

// One word's keyness between a target (A) and a reference (B).
struct Keyness {
  std::string word;
  std::int64_t count_a = 0, count_b = 0;
  double g2 = 0;         // log-likelihood G2 (Dunning 1993), positive when the word is key in A
  double log_ratio = 0;  // log2 of the ratio of relative frequencies (Hardie 2014); 0.5 added to a zero count
  double p_value = 1;    // of G2 under chi-square with 1 degree of freedom
};

// Returns the keyness of every word seen at least `min_frequency` times in A
// and B together, ordered by G2 (signed) descending, then word. `total_a` and
// `total_b` are the corpora's token counts.
std::vector<Keyness> keyness(const std::vector<std::pair<std::string, std::int64_t>>& counts_a, std::int64_t total_a,
                             const std::vector<std::pair<std::string, std::int64_t>>& counts_b, std::int64_t total_b,
                             std::int64_t min_frequency);

// Returns the word frequencies of `documents` (stop words removed when given),
// sorted by word, and their total token count. The text is counted in pieces
// of about 1 MB on `threads` threads (0: one per hardware thread), each with
// a tokenizer of its own that skips sentences; the result is the same
// whatever the number. Errors: those of Tokenizer::Create and tokenize.
Result<std::pair<std::vector<std::pair<std::string, std::int64_t>>, std::int64_t>> word_counts(
    const std::vector<const Document*>& documents, const StopWords* stop, unsigned threads = 1);
// The same, on batch.threads threads, calling batch.progress after each piece
// (bytes: the text counted so far; done: the documents whose pieces are all
// counted).
Result<std::pair<std::vector<std::pair<std::string, std::int64_t>>, std::int64_t>> word_counts(
    const std::vector<const Document*>& documents, const StopWords* stop, const BatchOptions& batch);

}  // namespace charterkit
