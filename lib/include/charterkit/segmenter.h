// Segmenter: cuts a plain-text document into preamble and articles by its
// heading lines ("Article 1", "Статья 1", "1-бап", "第一条", "Article premier",
// "Artículo 1"), and gives each article the chapter it stands in.
//
// The heading patterns are data (corpus/headings.yaml, format in
// docs/corpus.md): ICU regular expressions matched case-insensitively against
// whole lines, with a named group `number` (digits, Roman or Chinese numerals,
// or a number word listed in the file) and an optional group `title`.
//
// Example:
//   auto rules = charterkit::HeadingRules::Default();
//   std::vector<charterkit::Warning> warnings;
//   auto segments = rules->segment(text, text.content_begin, &warnings);
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/document.h"
#include "charterkit/status.h"
#include "charterkit/text.h"

namespace charterkit {

class HeadingRules {
 public:
  // Returns the rules shipped in corpus/headings.yaml (built into the library).
  static Result<HeadingRules> Default();
  // Reads rules from a YAML file. Errors: file errors, and InvalidInput with
  // file:line:column for bad YAML, a missing field or an invalid pattern.
  static Result<HeadingRules> Load(const std::string& path);
  // Same, from a text already read.
  static Result<HeadingRules> Parse(const Text& text);

  HeadingRules(HeadingRules&&) noexcept;
  HeadingRules& operator=(HeadingRules&&) noexcept;
  ~HeadingRules();

  // Returns the segments of text.bytes[body_begin, end): `preamble` (the text
  // before the first heading, if it has any), then `art<N>` for each article
  // heading, each running to the next article heading. A chapter heading
  // starts the segment of the article that follows it. A text with no article
  // heading is one segment `all`. The segments cover the body without gaps.
  // Repeated, out-of-order and missing article numbers are reported in
  // `warnings` (a repeated number gets the id `art<N>-2`, -3, ...); no text is
  // dropped. Thread-safe.
  std::vector<Segment> segment(const Text& text, std::size_t body_begin,
                               std::vector<Warning>* warnings) const;

 private:
  struct Impl;
  explicit HeadingRules(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Returns the value of a number written in Arabic digits ("12"), Roman
// numerals ("XII", any case) or Chinese numerals ("十二", "一百一十一"), or
// -1 if `text` is none of these.
long parse_number(std::string_view text);

}  // namespace charterkit
