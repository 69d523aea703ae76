// Measures against values computed by hand.
#include <catch2/catch.hpp>

#include <cmath>

#include "charterkit/compare.h"

using charterkit::ThemeProfile;

namespace {

ThemeProfile profile(std::vector<std::int64_t> counts) {
  ThemeProfile p;
  p.counts = std::move(counts);
  p.evidence.resize(p.counts.size());
  p.tokens = 100;
  return p;
}

}  // namespace

TEST_CASE("theme overlap: Jaccard, Dice, overlap coefficient, cosine", "[compare]") {
  // A has themes 0,1,2 (counts 1,2,0,3 -> present 0,1,3); B has 1,2,3 (counts 0,1,4,1).
  // Shared {1,3}; only A {0}; only B {2}. |A|=3, |B|=3.
  // Jaccard 2/4 = 0.5; Dice 4/6; overlap 2/3.
  // Cosine: (1*0 + 2*1 + 0*4 + 3*1) / (sqrt(1+4+9) * sqrt(1+16+1)) = 5 / sqrt(14*18).
  const auto o = charterkit::compare_themes(profile({1, 2, 0, 3}), profile({0, 1, 4, 1}));
  CHECK(o.shared == std::vector<std::size_t>{1, 3});
  CHECK(o.only_a == std::vector<std::size_t>{0});
  CHECK(o.only_b == std::vector<std::size_t>{2});
  CHECK(o.jaccard == Approx(0.5));
  CHECK(o.dice == Approx(4.0 / 6.0));
  CHECK(o.overlap == Approx(2.0 / 3.0));
  CHECK(o.cosine == Approx(5.0 / std::sqrt(14.0 * 18.0)));

  const auto empty = charterkit::compare_themes(profile({0, 0}), profile({0, 0}));
  CHECK(empty.jaccard == 0);
  CHECK(empty.cosine == 0);
  const auto subset = charterkit::compare_themes(profile({1, 0, 0}), profile({1, 1, 1}));
  CHECK(subset.overlap == 1.0);  // A inside B
  CHECK(subset.jaccard == Approx(1.0 / 3.0));
}

TEST_CASE("Jaccard of word sets and of character 5-grams", "[compare]") {
  CHECK(charterkit::jaccard({"a", "b", "c"}, {"b", "c", "d", "d"}) == Approx(2.0 / 4.0));
  CHECK(charterkit::jaccard({}, {}) == 0);
  auto tokenizer = charterkit::Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  // "peace!" raw: 5-grams "peace", "eace!"; "peace." raw: "peace", "eace.": 1 shared of 3.
  auto a = charterkit::char_ngrams("peace!", 5, false, tokenizer.value());
  auto b = charterkit::char_ngrams("peace.", 5, false, tokenizer.value());
  REQUIRE(a.ok());
  CHECK(a.value() == std::vector<std::string>{"eace!", "peace"});
  CHECK(charterkit::jaccard(a.value(), b.value()) == Approx(1.0 / 3.0));
  // Normalized: case, width and punctuation no longer count.
  auto c = charterkit::char_ngrams("ＰＥＡＣＥ, and", 5, true, tokenizer.value());
  REQUIRE(c.ok());
  CHECK(c.value() == std::vector<std::string>{"ace a", "ce an", "e and", "eace ", "peace"});
  // Code points, not bytes: five Cyrillic letters are one 5-gram.
  auto d = charterkit::char_ngrams("мирно", 5, false, tokenizer.value());
  CHECK(d.value() == std::vector<std::string>{"мирно"});
  CHECK(charterkit::char_ngrams("мир", 5, false, tokenizer.value()).value().empty());
}

TEST_CASE("keyness: G2, log ratio and p-value by hand", "[compare]") {
  // Word w: 10 of 1000 tokens in A, 2 of 1000 in B.
  // E_A = E_B = 6; G2 = 2 (10 ln(10/6) + 2 ln(2/6)) = 5.8224...
  // log ratio = log2((10/1000) / (2/1000)) = log2 5; p = erfc(sqrt(G2/2)).
  const auto rows = charterkit::keyness({{"w", 10}, {"rare", 1}}, 1000, {{"w", 2}, {"x", 4}}, 1000, 3);
  REQUIRE(rows.size() == 2);  // "rare" is below the minimum frequency
  const auto& w = rows[0];
  CHECK(w.word == "w");
  const double g2 = 2 * (10 * std::log(10.0 / 6.0) + 2 * std::log(2.0 / 6.0));
  CHECK(w.g2 == Approx(g2));
  CHECK(w.g2 == Approx(5.82).margin(0.01));
  CHECK(w.log_ratio == Approx(std::log2(5.0)));
  CHECK(w.p_value == Approx(std::erfc(std::sqrt(g2 / 2))));
  CHECK(w.p_value == Approx(0.0158).margin(0.0005));
  // x: 0 in A, 4 in B: negative G2 (key in B); log ratio with 0.5 for the zero.
  const auto& x = rows[1];
  CHECK(x.word == "x");
  CHECK(x.g2 == Approx(-2 * 4 * std::log(4.0 / 2.0)));
  CHECK(x.log_ratio == Approx(std::log2(0.5 / 4.0)));
}
