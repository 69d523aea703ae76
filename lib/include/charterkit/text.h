// Text: the bytes of one UTF-8 file, checked and kept exactly as read.
//
// Every offset charterkit reports (token spans, evidence, errors) is a byte
// offset into Text::bytes, the file as it is on disk, so a citation can be
// checked with any tool that slices files by byte.
//
// Example:
//   auto text = charterkit::load_text("un-charter.en.txt");
//   if (!text.ok()) return fail(text.status());
//   std::string_view body = text->content();   // without the BOM, if any
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "charterkit/status.h"

namespace charterkit {

struct Text {
  // The name used in messages: the path as given, or a label such as "<stdin>".
  std::string name;
  // The file's bytes, unchanged (a UTF-8 byte order mark, if any, included).
  std::string bytes;
  // Where the text proper starts in `bytes`: 3 after a UTF-8 BOM, else 0.
  std::size_t content_begin = 0;

  // Returns the text without its byte order mark. The view points into `bytes`;
  // add content_begin to an offset in it to get a file offset.
  std::string_view content() const {
    return std::string_view(bytes).substr(content_begin);
  }
};

// Reads the file at `path` and checks that it is well-formed UTF-8.
// Errors: NotFound or IOError when the file cannot be read (naming the path);
// InvalidInput for a UTF-16/UTF-32 byte order mark (with the iconv command
// that converts it) or for ill-formed UTF-8 (with line, column and byte offset
// of the first byte of the first ill-formed sequence).
Result<Text> load_text(const std::string& path);

// Same checks as load_text, on bytes already in memory; `name` is used in
// messages.
Result<Text> text_from_bytes(std::string bytes, std::string name);

// Checks that `bytes` is well-formed UTF-8 as defined by Unicode (Table 3-7):
// no overlong forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF,
// no truncated sequences. On failure the status names `name`, the line and
// column (code points, 1-based) and the byte offset of the first byte of the
// ill-formed sequence; line ends are LF, CRLF or a lone CR. `base` is added to
// reported byte offsets (use it when `bytes` starts inside a larger buffer).
Status validate_utf8(std::string_view bytes, const std::string& name, std::size_t base = 0);

// Returns the place of byte `offset` of text.bytes: file name, line and column
// (1-based, columns in code points, counted from Text::content_begin) and the
// offset itself. REQUIRES: offset <= text.bytes.size().
SourceLocation locate(const Text& text, std::size_t offset);

}  // namespace charterkit
