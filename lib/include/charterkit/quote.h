// Quote: where a quoted passage stands in its source, and how it differs.
//
// The quotation and the source are compared word by word on normalized
// tokens (so line breaks, punctuation, case and width do not count), with a
// local alignment (Smith-Waterman: match +2, mismatch -1, gap -1) that finds
// the best-matching stretch of the source, then lists the word differences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/document.h"
#include "charterkit/status.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

// A span of text in a document: [begin, end) bytes.
struct Passage {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Returns the passages of `text` inside quotation marks: “…”, «…», „…“, ‘…’
// only when longer than a word, and "…" (straight quotes, paired in order).
// Offsets are relative to `text` and exclude the marks. A text with no
// quotation marks is one passage: the whole text without surrounding space.
std::vector<Passage> quoted_passages(std::string_view text);

struct QuoteDifference {
  std::string op;      // "replace", "insert" (words of the quote the source lacks), "delete" (words of
                       // the source the quote leaves out)
  std::string quote;   // the quote's words (empty for delete)
  std::string source;  // the source's words (empty for insert)
};

struct QuoteMatch {
  std::string quote;             // the quoted passage as written
  bool found = false;            // similarity >= the threshold given
  std::string source_segment;    // segment of the source where the match starts
  std::size_t begin = 0;         // byte span of the match in the source document
  std::size_t end = 0;
  double similarity = 0;         // 2 * matching words / (words of quote + words of source span)
  std::vector<QuoteDifference> differences;
};

// Finds `quote` (a passage of text) in `source`. Errors: those of tokenize.
Result<QuoteMatch> find_quote(std::string_view quote, const Document& source, Tokenizer& tokenizer,
                              double threshold = 0.5);

}  // namespace charterkit
