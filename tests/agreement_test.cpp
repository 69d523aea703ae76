// Krippendorff's alpha against values computed by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "charterkit/agreement.h"

using charterkit::kMissing;
using charterkit::krippendorff_alpha_nominal;

TEST_CASE("Krippendorff's worked example: 4 coders, 12 units, missing values", "[agreement]") {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C:
  // nominal alpha = 0.743. Rows are units, columns coders A, B, C, D.
  const int _ = kMissing;
  const std::vector<std::vector<int>> units = {
      {1, 1, _, 1}, {2, 2, 3, 2}, {3, 3, 3, 3}, {3, 3, 3, 3}, {2, 2, 2, 2}, {1, 2, 3, 4},
      {4, 4, 4, 4}, {1, 1, 2, 1}, {2, 2, 2, 2}, {_, 5, 5, 5}, {_, _, 1, 1}, {_, 3, _, _},
  };
  CHECK(krippendorff_alpha_nominal(units) == Approx(0.743).margin(0.0005));
}

TEST_CASE("two coders, presence cells, computed by hand", "[agreement]") {
  // 10 cells; coders agree on 6 zeros and 2 ones, disagree on 2.
  // Coincidences: o00 = 12, o11 = 4, o01 = o10 = 2; n0 = 14, n1 = 6, n = 20.
  // alpha = 1 - (n - 1) * (o01 + o10) / (2 * n0 * n1) = 1 - 19 * 4 / 168 = 0.547619...
  std::vector<std::vector<int>> units;
  for (int i = 0; i < 6; ++i) units.push_back({0, 0});
  for (int i = 0; i < 2; ++i) units.push_back({1, 1});
  units.push_back({0, 1});
  units.push_back({1, 0});
  CHECK(krippendorff_alpha_nominal(units) == Approx(1.0 - 19.0 * 4.0 / 168.0));
}

TEST_CASE("perfect agreement is 1 and undefined alpha is NaN", "[agreement]") {
  CHECK(krippendorff_alpha_nominal({{0, 0}, {1, 1}, {1, 1}}) == 1.0);
  CHECK(std::isnan(krippendorff_alpha_nominal({{1, 1}, {1, 1}})));      // one category only
  CHECK(std::isnan(krippendorff_alpha_nominal({{1, kMissing}, {0}})));  // nothing pairable
  // Systematic disagreement is worse than chance.
  CHECK(krippendorff_alpha_nominal({{0, 1}, {1, 0}, {0, 1}, {1, 0}}) < 0);
}
