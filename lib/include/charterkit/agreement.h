// Agreement: how far codings of the same units agree, beyond chance.
#pragma once

#include <vector>

namespace charterkit {

// A value that a coder did not give.
inline constexpr int kMissing = -1;

// Returns Krippendorff's alpha for nominal data: `units[u][c]` is the
// category (a non-negative code) coder c gave unit u, or kMissing. Units with
// fewer than two values are not pairable and are left out. Returns NaN when
// alpha is undefined (no pairable values, or every value the same category).
// alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k, with o the
// coincidence matrix (Krippendorff, Content Analysis, 2004, ch. 11).
double krippendorff_alpha_nominal(const std::vector<std::vector<int>>& units);

}  // namespace charterkit
