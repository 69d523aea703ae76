#include "charterkit/agreement.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>

namespace charterkit {

double krippendorff_alpha_nominal(const std::vector<std::vector<int>>& units) {
  std::map<std::pair<int, int>, double> o;  // coincidences
  for (const auto& unit : units) {
    std::vector<int> values;
    for (int v : unit) {
      if (v != kMissing) values.push_back(v);
    }
    const std::size_t m = values.size();
    if (m < 2) continue;
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t j = 0; j < m; ++j) {
        if (i != j) o[{values[i], values[j]}] += 1.0 / static_cast<double>(m - 1);
      }
    }
  }
  std::map<int, double> n_c;
  double n = 0, disagree = 0;
  for (const auto& [ck, count] : o) {
    n_c[ck.first] += count;
    n += count;
    if (ck.first != ck.second) disagree += count;
  }
  double expected = 0;
  for (const auto& [c, nc] : n_c) {
    for (const auto& [k, nk] : n_c) {
      if (c != k) expected += nc * nk;
    }
  }
  if (n < 2 || expected == 0) return std::numeric_limits<double>::quiet_NaN();
  return 1.0 - (n - 1) * disagree / expected;
}

double cohen_kappa(const std::vector<int>& a, const std::vector<int>& b) {
  // Counted in integers: kappa = (n * agreed - sum_c a_c b_c) / (n^2 - sum_c a_c b_c),
  // the usual formula multiplied through by n^2, so that "p_e = 1" is an exact test.
  std::map<int, std::int64_t> count_a, count_b;
  std::int64_t n = 0, agreed = 0;
  for (std::size_t u = 0; u < a.size() && u < b.size(); ++u) {
    if (a[u] == kMissing || b[u] == kMissing) continue;
    ++n;
    ++count_a[a[u]];
    ++count_b[b[u]];
    if (a[u] == b[u]) ++agreed;
  }
  std::int64_t chance = 0;  // n^2 * p_e
  for (const auto& [c, na] : count_a) {
    if (auto it = count_b.find(c); it != count_b.end()) chance += na * it->second;
  }
  if (n == 0 || chance == n * n) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(n * agreed - chance) / static_cast<double>(n * n - chance);
}

}  // namespace charterkit
