#include "glob.h"

namespace charterkit::internal {
namespace {

// Length of the UTF-8 sequence starting with byte `lead` (1 for stray bytes).
inline std::size_t char_length(unsigned char lead) {
  return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view word) {
  std::size_t p = 0, w = 0;
  std::size_t star_p = std::string_view::npos, star_w = 0;
  while (w < word.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = ++p;
      star_w = w;
      continue;
    }
    if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      w += char_length(static_cast<unsigned char>(word[w]));
      continue;
    }
    if (p < pattern.size()) {
      const std::size_t n = char_length(static_cast<unsigned char>(pattern[p]));
      if (pattern.substr(p, n) == word.substr(w, n)) {
        p += n;
        w += n;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    // Let the last '*' swallow one more character and try again from there.
    star_w += char_length(static_cast<unsigned char>(word[star_w]));
    w = star_w;
    p = star_p;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::string_view glob_prefix(std::string_view pattern) {
  return pattern.substr(0, pattern.find_first_of("*?"));
}

}  // namespace charterkit::internal
