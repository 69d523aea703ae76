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

TEST_CASE("Cohen's kappa on a 2x2 table, computed by hand", "[agreement][validation]") {
  // 50 units, two coders, yes (1) or no (0):
  //            B yes  B no
  //   A yes      20     5    (A: 25 yes, 25 no)
  //   A no       10    15    (B: 30 yes, 20 no)
  // p_o = (20 + 15) / 50 = 0.70
  // p_e = (25/50)(30/50) + (25/50)(20/50) = 0.30 + 0.20 = 0.50
  // kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40
  std::vector<int> a, b;
  const auto add = [&](int x, int y, int times) {
    a.insert(a.end(), times, x);
    b.insert(b.end(), times, y);
  };
  add(1, 1, 20);
  add(1, 0, 5);
  add(0, 1, 10);
  add(0, 0, 15);
  CHECK(charterkit::cohen_kappa(a, b) == Approx(0.40));
  // The coders' roles are symmetric.
  CHECK(charterkit::cohen_kappa(b, a) == Approx(0.40));
}

TEST_CASE("Cohen's kappa on three categories, with missing values left out", "[agreement][validation]") {
  // A: 0 0 0 0 1 1 1 2 2 2
  // B: 0 0 0 1 1 1 2 2 2 0
  // Alike on units 1-3, 5-6, 8-9: p_o = 7/10.
  // A's counts 0:4 1:3 2:3, B's 0:4 1:3 2:3: p_e = (4*4 + 3*3 + 3*3) / 100 = 0.34.
  // kappa = (0.70 - 0.34) / (1 - 0.34) = 0.36 / 0.66 = 6/11 = 0.5454...
  std::vector<int> a = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
  std::vector<int> b = {0, 0, 0, 1, 1, 1, 2, 2, 2, 0};
  CHECK(charterkit::cohen_kappa(a, b) == Approx(6.0 / 11.0));
  // Units missing a value for either coder change nothing.
  a.insert(a.end(), {kMissing, 2, kMissing});
  b.insert(b.end(), {1, kMissing, kMissing});
  CHECK(charterkit::cohen_kappa(a, b) == Approx(6.0 / 11.0));
}

TEST_CASE("Cohen's kappa: perfect, chance-level and undefined", "[agreement][validation]") {
  using charterkit::cohen_kappa;
  CHECK(cohen_kappa({0, 1, 1, 2}, {0, 1, 1, 2}) == 1.0);
  // p_o = 2/4, p_e = (2/4)(2/4) + (2/4)(2/4) = 1/2: kappa = 0.
  CHECK(cohen_kappa({1, 1, 0, 0}, {1, 0, 1, 0}) == 0.0);
  // One coder constant, the other not: p_o = 2/4, p_e = 1 * 2/4: kappa = 0, defined.
  CHECK(cohen_kappa({1, 1, 1, 1}, {1, 1, 0, 0}) == 0.0);
  // Systematic disagreement: p_o = 0, p_e = 1/2: kappa = -1.
  CHECK(cohen_kappa({1, 0, 1, 0}, {0, 1, 0, 1}) == -1.0);
  // Both coders give every unit one and the same category: p_e = 1, 0/0.
  CHECK(std::isnan(cohen_kappa({1, 1, 1}, {1, 1, 1})));
  // Nothing coded by both.
  CHECK(std::isnan(cohen_kappa({}, {})));
  CHECK(std::isnan(cohen_kappa({1, kMissing}, {kMissing, 0})));
}
