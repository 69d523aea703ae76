#include "charterkit/document.h"

namespace charterkit {

const Segment* Document::find_segment(std::string_view id) const {
  for (const Segment& s : segments) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string Warning::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line > 0) out += ':' + std::to_string(where.line);
    if (where.line > 0 && where.column > 0) out += ':' + std::to_string(where.column);
    out += ": ";
  }
  out += "warning: " + message;
  if (where.byte_offset) out += " (byte offset " + std::to_string(*where.byte_offset) + ")";
  return out;
}

}  // namespace charterkit
