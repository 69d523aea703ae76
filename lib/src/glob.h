// Glob matching on normalized UTF-8 words: '*' matches any run of characters
// (code points), '?' exactly one.
#pragma once

#include <string_view>

namespace charterkit::internal {

// Returns true iff `word` matches `pattern` as a whole.
// Runs in O(|pattern| * |word|) at worst, with no backtracking blow-up: only
// the last '*' seen is ever retried, which suffices for '*' and '?' patterns
// (so `*a*a*a*a*a*b` on a long word of a's costs a few thousand steps, not
// an exponential number).
bool glob_match(std::string_view pattern, std::string_view word);

// Returns the literal characters before the first wildcard ("террор" for "террор*").
std::string_view glob_prefix(std::string_view pattern);

}  // namespace charterkit::internal
