#include "charterkit/agreement.h"

#include <cmath>
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

}  // namespace charterkit
