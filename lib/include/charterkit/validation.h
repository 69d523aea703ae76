// Validation: the codebook's coding of segments held against human coding.
//
// A human coding is a CSV file, one row per theme a coder found in a segment
// (format: docs/validation.md). validate_coding codes the same segments with
// the matcher (a theme is present in a segment when it has at least one hit
// after the counting policy, as `charter themes` counts) and compares the two
// over every (segment, theme) cell of the documents the coding names:
// precision, recall and F1 of the tool against the coder, Cohen's kappa and
// Krippendorff's alpha, per theme and overall; then the cells where they
// disagree, with the passages the tool matched. With two or more codings, the
// coders' own alpha is the ceiling to read the tool's against.
//
// Example:
//   auto csv = charterkit::load_text("coder-a.csv");
//   auto coding = charterkit::parse_coding(*csv, codebook);
//   auto matcher = charterkit::Matcher::Compile(codebook);
//   auto v = charterkit::validate_coding({*coding}, corpus.documents, tokenizer, *matcher);
//   for (const auto& row : v->agreement) std::cout << row.f1 << ' ' << row.alpha << '\n';
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "charterkit/codebook.h"
#include "charterkit/compare.h"
#include "charterkit/document.h"
#include "charterkit/matcher.h"
#include "charterkit/status.h"
#include "charterkit/text.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

// CodingRow::theme of a row whose theme is "-": the segment was coded and
// holds none of the codebook's themes.
inline constexpr std::size_t kNoTheme = static_cast<std::size_t>(-1);

// One row of a human coding: the coder found `theme` in `segment` of `document`.
struct CodingRow {
  std::string document;
  std::string segment;
  std::size_t theme = kNoTheme;  // index into Codebook::themes(), or kNoTheme
  SourceLocation document_at;    // where the row's document and segment fields
  SourceLocation segment_at;     // stand (file, line, column, byte offset)
};

// A human coding, as read from one CSV file.
struct Coding {
  std::string name;               // the file's name, for messages and reports
  std::vector<CodingRow> rows;    // distinct rows, in file order
  std::vector<Warning> warnings;  // rows given more than once (counted once)
};

// Reads a coding: a header row naming the columns document, segment and theme
// (in any order; other columns are ignored), then one row per theme present
// in a segment; RFC 4180 quoting, blank lines skipped, spaces around a value
// dropped. A row repeated is counted once, with a warning.
// Errors: InvalidInput with file:line:column for a missing header or column,
// a column named twice, a row with the wrong number of fields, a quote never
// closed or misplaced, an empty value, a theme the codebook does not have
// (naming the nearest id and the known ones), and a segment coded "-" that
// also has themes.
Result<Coding> parse_coding(const Text& csv, const Codebook& codebook);

// The row of the overall figures in Validation::agreement.
inline constexpr std::size_t kOverall = static_cast<std::size_t>(-1);

// The tool against one human coding on one theme (or all themes together).
// A cell is a (segment, theme) pair of a document the coding names; tp: both
// say present, fp: only the tool, fn: only the coder, tn: neither.
struct ThemeAgreement {
  std::size_t coding = 0;       // index into the codings given
  std::size_t theme = kOverall;  // index into Codebook::themes(), or kOverall
  std::int64_t cells = 0, tp = 0, fp = 0, fn = 0, tn = 0;
  // NaN when undefined (0/0): precision without a tool hit, recall without a
  // human one, kappa and alpha when every cell has one and the same value.
  double precision = 0;  // tp / (tp + fp)
  double recall = 0;     // tp / (tp + fn)
  double f1 = 0;         // 2 tp / (2 tp + fp + fn)
  double kappa = 0;      // Cohen's kappa, the tool and the coder as two coders
  double alpha = 0;      // Krippendorff's alpha (nominal), the same two coders
  // Krippendorff's alpha among the human codings on the same cells of every
  // document any of them names (a document a coding does not name is missing
  // for it); the same in every coding's row. NaN with a single coding.
  double coders_alpha = 0;
};

// A cell on which the tool and a human coding differ.
struct Disagreement {
  std::size_t coding = 0;  // index into the codings given
  std::string document;
  std::string segment;
  std::size_t theme = 0;   // index into Codebook::themes()
  bool human = false;      // the coder found the theme there
  bool tool = false;       // the tool did (then `evidence` holds its hits)
  std::size_t line = 0;    // the coding's row for the cell (0 when `human` is false)
  std::vector<Evidence> evidence;
};

struct Validation {
  // For each coding in the order given: a row per theme in codebook order,
  // then its overall row (every cell of every theme: micro-averaged).
  std::vector<ThemeAgreement> agreement;
  // For each coding: by document in the order of `documents`, segment in text
  // order, theme in codebook order.
  std::vector<Disagreement> disagreements;
};

// Codes every segment of the documents the codings name with `matcher` and
// compares the result with each coding; see ThemeAgreement. The codings must
// have been read with matcher.codebook(). Errors: InvalidInput at the row's
// place for a document that is not among `documents` or a segment the
// document does not have (listing those that exist); those of
// match_document.
Result<Validation> validate_coding(const std::vector<Coding>& codings, const std::vector<Document>& documents,
                                   Tokenizer& tokenizer, const Matcher& matcher);

}  // namespace charterkit
