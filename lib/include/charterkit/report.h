// Report: one self-contained HTML page of a comparison, to open, print or attach.
//
// The page holds, in order: the documents and their metadata; the claims'
// verdicts (when claims are given); a theme x document heatmap (counts, or
// matches per 1,000 tokens); the themes shared and unique for two or three
// documents; keyness bars for the words that set the first document apart
// from the others (documents of one language); and the evidence: for every
// non-empty cell, each passage (document, segment, sentence, byte span, the
// match highlighted in its context), reached by a link from the cell and from
// the claim table. CSS and SVG are inline; there are no scripts, fonts or
// images fetched from anywhere, so it opens offline and prints to PDF. The
// HTML is also well-formed XML (no named entities, every element closed).
//
// Example:
//   auto report = charterkit::make_report({&sco, &csto}, codebook, &claims, {});
//   write report->html to "report.html"; report->figures to "heatmap.svg", ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "charterkit/claims.h"
#include "charterkit/codebook.h"
#include "charterkit/document.h"
#include "charterkit/status.h"

namespace charterkit {

struct ReportOptions {
  std::string title = "Theme comparison";
  bool rate = false;                // heatmap: matches per 1,000 tokens instead of counts
  std::size_t keyness_words = 10;   // bars on each side (key in the first document, in the others)
  std::int64_t keyness_min = 2;     // minimum frequency of a word in both together
};

// A figure of the report as a standalone SVG file.
struct ReportFigure {
  std::string name;  // "heatmap.svg", "sets.svg", "keyness.svg"
  std::string svg;   // the file's text
};

struct Report {
  std::string html;
  std::vector<ReportFigure> figures;
};

// Builds the report of `documents` (the heatmap's columns, in this order)
// under `codebook`. With `claims`, each claim's organization is represented by
// the first document whose metadata names that organization; claims about
// organizations with no document are checked as not shown (not_supported).
// Errors: InvalidArgument for no documents; those of tokenizing.
Result<Report> make_report(const std::vector<const Document*>& documents, const Codebook& codebook,
                           const ClaimSet* claims, const ReportOptions& options);

}  // namespace charterkit
