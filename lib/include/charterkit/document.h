// Document: a text with its metadata, cut into segments (preamble, articles).
//
// A segment is the unit findings are cited by ("SCO Charter, Art. 1"): its id
// is stable (`preamble`, `art1`, `art2`, ..., `all` for a text without
// headings, `a<identifier>` for ToTA treaty articles) and its span is a byte
// range of Document::text.bytes.
//
// Example:
//   auto doc = charterkit::load_document("un-charter.en.txt", rules, &warnings);
//   for (const charterkit::Segment& s : doc->segments)
//     std::cout << s.id << ' ' << doc->segment_text(s).size() << '\n';
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/status.h"
#include "charterkit/text.h"

namespace charterkit {

struct Segment {
  std::string id;       // "preamble", "art1", ..., "all", or "a39135" (ToTA)
  std::string chapter;  // the chapter heading the segment falls under ("" if none)
  std::string title;    // the article's title, if its heading line gives one
  std::size_t begin = 0;  // byte span in Document::text.bytes, end exclusive
  std::size_t end = 0;
  long number = 0;        // the article number; 0 for preamble and all
};

// What is known about a document. Empty strings mean "not given".
struct DocumentInfo {
  std::string organization;  // "SCO", "CSTO", "UN", ...
  std::string title;
  std::string kind;          // charter, charter-quotation, article-claim, abstract, treaty, other
  std::string language;      // BCP 47 ("en", "ru", "kk", "zh")
  std::string language_source;  // "declared", or how it was detected
  std::string date;          // ISO 8601 date or year
  std::string source;        // citation of where the text comes from
  std::string location;      // where in the source the text stands
  std::string note;
  std::string path;          // the file it was read from
  std::vector<std::string> parties;  // ISO codes of the parties (treaties)
};

struct Document {
  std::string id;
  DocumentInfo info;
  Text text;  // for XML treaties: the articles' text, decoded, one per paragraph
  std::vector<Segment> segments;

  // Returns the bytes of `segment`. REQUIRES: segment belongs to this document.
  std::string_view segment_text(const Segment& segment) const {
    return std::string_view(text.bytes).substr(segment.begin, segment.end - segment.begin);
  }
  // Returns the segment with this id, or nullptr.
  const Segment* find_segment(std::string_view id) const;
};

// A warning about an input that was still used: the place and what is odd.
struct Warning {
  SourceLocation where;
  std::string message;
  // Returns "file:line:column: warning: message".
  std::string to_string() const;
};

}  // namespace charterkit
