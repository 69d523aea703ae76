// Iterating over the lines of a text, private to the library.
#pragma once

#include <cstddef>
#include <string_view>

namespace charterkit::internal {

// Calls fn(number, begin, line) for each line of `content`: `number` from 1,
// `begin` the offset of its first byte, `line` without its LF or CRLF.
// Stops early, returning false, when fn returns false.
template <typename Fn>
bool for_each_line(std::string_view content, Fn&& fn) {
  std::size_t number = 0, pos = 0;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    if (eol == std::string_view::npos) eol = content.size();
    std::string_view line = content.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!fn(++number, pos, line)) return false;
    pos = eol + 1;
  }
  return true;
}

}  // namespace charterkit::internal
