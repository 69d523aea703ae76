// Agreement: how far codings of the same units agree, beyond chance.
//
// Example:
//   // Two coders, five units, categories 0 and 1; the fourth unit was not coded by B.
//   double k = charterkit::cohen_kappa({1, 0, 1, 1, 0}, {1, 0, 0, charterkit::kMissing, 0});
//   double a = charterkit::krippendorff_alpha_nominal({{1, 1}, {0, 0}, {1, 0}, {1, charterkit::kMissing}, {0, 0}});
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

// Returns Cohen's kappa for two coders of nominal data: `a[u]` and `b[u]` are
// the categories coders A and B gave unit u, or kMissing; a unit missing
// either value is left out. kappa = (p_o - p_e) / (1 - p_e), p_o the share of
// units coded alike, p_e = sum_c p_A(c) p_B(c) the agreement expected from
// each coder's own distribution (Cohen 1960). Returns NaN when kappa is
// undefined: no unit coded by both, or p_e = 1 (both coders gave every unit
// one and the same category). REQUIRES: a.size() == b.size().
double cohen_kappa(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace charterkit
