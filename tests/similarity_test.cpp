// Similarity of all pairs: character 5-grams counted by hand and by R's
// stringdist, word and theme measures, the exact algorithms against brute
// force, MinHash, thread-count determinism and the command line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "charterkit/compare.h"
#include "charterkit/corpus.h"
#include "charterkit/similarity.h"
#include "test_util.h"

namespace fs = std::filesystem;
using charterkit::FeatureSets;
using charterkit::PairOptions;
using charterkit::PairSimilarity;
using test_util::charter;
using test_util::Run;
using test_util::slurp;

namespace {

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

PairSimilarity char5(const std::string& a, const std::string& b) {
  return FeatureSets::CharNgrams({a, b}, 5).jaccard(0, 1);
}

// Jaccard of two sets of strings, straight from the definition.
PairSimilarity brute_jaccard(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  PairSimilarity p;
  p.a_size = static_cast<std::int64_t>(a.size());
  p.b_size = static_cast<std::int64_t>(b.size());
  p.shared = static_cast<std::int64_t>(common.size());
  const auto all = static_cast<double>(a.size() + b.size() - common.size());
  p.value = all > 0 ? static_cast<double>(common.size()) / all : 1.0;
  return p;
}

charterkit::Document document(const std::string& id, const std::string& text) {
  auto rules = charterkit::HeadingRules::Default();
  auto t = charterkit::text_from_bytes(text, id + ".txt");
  auto d = charterkit::read_text_document(std::move(t).value(), id, rules.value(), nullptr);
  REQUIRE(d.ok());
  return std::move(d).value();
}

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

fs::path shared_corpora() { return fs::path(CHARTERKIT_SOURCE_DIR) / ".." / "shared" / "corpora"; }

}  // namespace

TEST_CASE("char5-jaccard counts distinct 5-grams of code points, by hand", "[similarity]") {
  const struct {
    const char* a;
    const char* b;
    std::int64_t a_size, b_size, shared;
    double value;  // NaN: undefined
  } cases[] = {
      // {peace, eace!} and {peace, eace.}: 1 shared of 3.
      {"peace!", "peace.", 2, 2, 1, 1.0 / 3},
      // {догов, огово, говор} and {догов, огово, говор, оворы}: 3 of 4. (By bytes,
      // 5-byte windows, UTF-8 Cyrillic taking 2 bytes a letter, it would be 1/6.)
      {"договор", "договоры", 3, 4, 3, 0.75},
      // {上海合作组, 海合作组织, 合作组织宪, 作组织宪章} and {上海合作组, 海合作组织}: 2 of 4.
      {"上海合作组织宪章", "上海合作组织", 4, 2, 2, 0.5},
      // U+1F54A U+FE0F is two code points, seven bytes. "🕊️🕊️🕊️ peace" (12 code
      // points) has 8 distinct 5-grams; "🕊️🕊️ peace" (10) has 6, all among them.
      {"🕊️🕊️🕊️ peace", "🕊️🕊️ peace", 8, 6, 6, 0.75},
      // Only the last 5-gram differs ("тья 51" / "тья 52"): 16 each, 15 shared.
      {"Устав ООН, статья 51", "Устав ООН, статья 52", 16, 16, 15, 15.0 / 17},
      // Sets, not counts: {aaaaa} both.
      {"aaaaaaa", "aaaaa", 1, 1, 1, 1.0},
      // Shorter than five code points: no 5-gram at all.
      {"abcd", "abcdefg", 0, 3, 0, 0.0},
      {"", "abcdef", 0, 2, 0, 0.0},
      {"", "", 0, 0, 0, 1.0},          // two empty texts are the same
      {"abcd", "abcd", 0, 0, 0, 1.0},  // two equal short texts are the same
      {"abcd", "abce", 0, 0, 0, NAN},  // two different short texts: nothing to compare
  };
  for (const auto& c : cases) {
    INFO(c.a << " | " << c.b);
    const PairSimilarity p = char5(c.a, c.b);
    CHECK(p.a_size == c.a_size);
    CHECK(p.b_size == c.b_size);
    CHECK(p.shared == c.shared);
    if (std::isnan(c.value)) CHECK(std::isnan(p.value));
    else CHECK(p.value == Approx(c.value).margin(1e-15));
  }
}

TEST_CASE("char5-jaccard is 1 - stringdist(method = 'jaccard', q = 5)", "[similarity]") {
  // R 4.2.2, stringdist 0.9.10 (Debian 12's r-cran-stringdist):
  //   library(stringdist)
  //   a <- c("abcdefg", "договор", "上海合作组织宪章", "", "abc", "aaaaaaa", "United Nations Charter",
  //          "Устав ООН, статья 51", "🕊️🕊️🕊️ peace", "Peace and Security")
  //   b <- c("abcdefh", "договоры", "上海合作组织", "abcdef", "abcdef", "aaaaa",
  //          "Charter of the United Nations", "Устав ООН, статья 52", "🕊️🕊️ peace", "peace and security")
  //   sprintf("%.17g", 1 - stringdist(a, b, method = "jaccard", q = 5))
  // printed
  //   0.5  0.75  0.5  0  0  1  0.43333333333333335  0.88235294117647056  0.75  0.40000000000000002
  // and with useBytes = TRUE (bytes, not code points), for comparison
  //   0.5  0.83333333333333337  0.69999999999999996  0  0  1  0.43333333333333335  0.93103448275862066  1  0.4
  const struct {
    const char* a;
    const char* b;
    double r;
  } cases[] = {
      {"abcdefg", "abcdefh", 0.5},
      {"договор", "договоры", 0.75},
      {"上海合作组织宪章", "上海合作组织", 0.5},
      {"", "abcdef", 0},
      {"abc", "abcdef", 0},
      {"aaaaaaa", "aaaaa", 1},
      {"United Nations Charter", "Charter of the United Nations", 0.43333333333333335},
      {"Устав ООН, статья 51", "Устав ООН, статья 52", 0.88235294117647056},
      {"🕊️🕊️🕊️ peace", "🕊️🕊️ peace", 0.75},
      {"Peace and Security", "peace and security", 0.40000000000000002},
  };
  for (const auto& c : cases) {
    INFO(c.a << " | " << c.b);
    CHECK(char5(c.a, c.b).value == Approx(c.r).margin(1e-12));
  }
  // Where stringdist is not sensible: two different strings both shorter than
  // q. R gives 1 or NaN depending on the pairs before it in the same call:
  //   1 - stringdist(c("abcd", "", "abcd"), c("abce", "", "abcd"), "jaccard", q = 5, nthread = 1)
  //   [1] 1 1 1
  //   1 - stringdist(c("abcdefg", "abcd", "", "abcd"), c("abcdefh", "abce", "", "abcd"), "jaccard", q = 5, nthread = 1)
  //   [1] 0.5 NaN NaN NaN
  // We give 1 to equal texts and NaN to different ones, always.
  CHECK(char5("abcd", "abcd").value == 1);
  CHECK(char5("", "").value == 1);
  CHECK(std::isnan(char5("abcd", "abce").value));
}

TEST_CASE("char5-jaccard matches stringdist on the UN Charter's six languages", "[similarity][shared]") {
  const fs::path un = shared_corpora() / "un-charter";
  if (!fs::exists(un)) {
    WARN("skipped: " << un << " is absent");
    return;
  }
  // R, as above, on the files' bytes read as UTF-8:
  //   txt <- function(f) { x <- readChar(f, file.info(f)$size, useBytes = TRUE); Encoding(x) <- "UTF-8"; x }
  //   sprintf("%.17g", 1 - stringdist(txt(a), txt(b), method = "jaccard", q = 5))
  // (about 0.03 s a pair in R)
  const struct {
    const char* a;
    const char* b;
    double r;
  } cases[] = {
      {"en", "fr", 0.10817781112257341}, {"en", "es", 0.080119102153000443},
      {"en", "ru", 0.0033197525275389106}, {"en", "zh", 0},
      {"fr", "es", 0.093591640880756999}, {"ru", "ar", 0.00079938713652860649},
  };
  for (const auto& c : cases) {
    INFO(c.a << " | " << c.b);
    // --normalize none compares the body as loaded: for these files, all their bytes.
    const std::string a = slurp((un / (std::string(c.a) + ".txt")).string());
    const std::string b = slurp((un / (std::string(c.b) + ".txt")).string());
    CHECK(char5(a, b).value == Approx(c.r).margin(1e-12));
  }
}

TEST_CASE("the exact algorithms agree with the definition, pair by pair", "[similarity]") {
  // Word lists from a skewed vocabulary, so that some words are in nearly
  // every text (counted as bitsets) and most in a few (inverted lists), with
  // near-duplicates, empty texts and a repeated text.
  std::mt19937 random(20240607);
  std::vector<std::vector<std::string>> words;
  for (int t = 0; t < 120; ++t) {
    std::vector<std::string> w;
    const int length = t % 17 == 0 ? 0 : 5 + static_cast<int>(random() % 60);
    for (int k = 0; k < length; ++k) {
      const auto r = random() % 1000;
      w.push_back("w" + std::to_string(r < 400 ? r % 12 : r < 700 ? r % 90 : r));
    }
    words.push_back(std::move(w));
  }
  words[50] = words[49];
  words[51] = words[49];
  words[51].push_back("only-here");
  std::vector<std::set<std::string>> sets;
  for (const auto& w : words) sets.emplace_back(w.begin(), w.end());
  const FeatureSets features = FeatureSets::Words(words, 2);

  std::vector<PairSimilarity> expected;
  for (std::size_t a = 0; a < sets.size(); ++a) {
    for (std::size_t b = a + 1; b < sets.size(); ++b) {
      PairSimilarity p = brute_jaccard(sets[a], sets[b]);
      p.a = a;
      p.b = b;
      expected.push_back(p);
    }
  }
  const auto same = [](const std::vector<PairSimilarity>& got, const std::vector<PairSimilarity>& want) {
    REQUIRE(got.size() == want.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
      INFO("pair " << want[k].a << ", " << want[k].b);
      CHECK(got[k].a == want[k].a);
      CHECK(got[k].b == want[k].b);
      CHECK(got[k].shared == want[k].shared);
      CHECK(got[k].a_size == want[k].a_size);
      CHECK(got[k].b_size == want[k].b_size);
      CHECK(got[k].value == want[k].value);  // the same integers divided: the same bits
    }
  };
  for (unsigned threads : {1u, 3u}) {
    SECTION("every pair, threads " + std::to_string(threads)) {
      same(features.jaccard_pairs(PairOptions{threads, std::nullopt}), expected);
    }
    for (double t : {0.05, 0.3, 0.5, 0.8, 1.0}) {
      SECTION("pairs >= " + std::to_string(t) + ", threads " + std::to_string(threads)) {
        std::vector<PairSimilarity> above;
        for (const auto& p : expected) {
          if (p.value >= t) above.push_back(p);
        }
        REQUIRE(!above.empty());
        same(features.jaccard_pairs(PairOptions{threads, t}), above);
      }
    }
  }
}

TEST_CASE("MinHash finds a planted near-duplicate, and every pair it prints is exact", "[similarity]") {
  std::mt19937 random(7);
  std::vector<std::string> texts;
  for (int t = 0; t < 60; ++t) {
    std::string text;
    for (int k = 0; k < 150; ++k) text += "w" + std::to_string(random() % 5000) + " ";
    texts.push_back(text);
  }
  // Text 41 is text 3 with one word in 75 changed: Jaccard of 5-grams about 0.9.
  texts[41] = texts[3];
  for (std::size_t k = 0; k < texts[41].size(); k += 60) texts[41][k] = 'Z';
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const FeatureSets sets = FeatureSets::CharNgrams(views, 5);
  const PairSimilarity planted = sets.jaccard(3, 41);
  REQUIRE(planted.value > 0.8);
  REQUIRE(planted.value < 1);

  charterkit::MinHashOptions options;
  options.min = 0.8;
  std::size_t candidates = 0;
  const auto found = sets.minhash_pairs(options, &candidates);
  REQUIRE(found.size() == 1);
  CHECK(found[0].a == 3);
  CHECK(found[0].b == 41);
  CHECK(found[0].value == planted.value);
  CHECK(found[0].shared == planted.shared);
  CHECK(candidates >= 1);
  CHECK(candidates < 60 * 59 / 2 / 10);  // the point of it: few candidates
  options.threads = 3;
  std::size_t candidates3 = 0;
  const auto found3 = sets.minhash_pairs(options, &candidates3);
  CHECK(candidates3 == candidates);
  REQUIRE(found3.size() == 1);
  CHECK(found3[0].value == planted.value);
}

TEST_CASE("cosine of count vectors", "[similarity]") {
  // (2,1)·(1,2) = 4, |(2,1)| |(1,2)| = 5: 0.8. (2,1)·(4,2) = 10 = √5·√20: 1.
  // A zero vector against another: 0. Two zero vectors: undefined.
  const std::vector<std::vector<std::int64_t>> v = {{2, 1}, {1, 2}, {4, 2}, {0, 0}, {0, 0}};
  const auto pairs = charterkit::cosine_pairs(v, PairOptions{2, std::nullopt});
  REQUIRE(pairs.size() == 10);
  const struct {
    std::size_t a, b;
    double value;
  } expected[] = {{0, 1, 0.8}, {0, 2, 1}, {0, 3, 0}, {0, 4, 0}, {1, 2, 0.8}, {1, 3, 0}, {1, 4, 0}, {2, 3, 0}, {2, 4, 0}, {3, 4, NAN}};
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    INFO("pair " << expected[k].a << ", " << expected[k].b);
    CHECK(pairs[k].a == expected[k].a);
    CHECK(pairs[k].b == expected[k].b);
    if (std::isnan(expected[k].value)) CHECK(std::isnan(pairs[k].value));
    else CHECK(pairs[k].value == Approx(expected[k].value).margin(1e-15));
  }
  CHECK(pairs[1].value == 1);  // exactly: one square root of 5·20
  const auto above = charterkit::cosine_pairs(v, PairOptions{1, 0.9});
  REQUIRE(above.size() == 1);
  CHECK(above[0].b == 2);
}

TEST_CASE("documents: word-jaccard, theme-cosine, the normalized and the raw text", "[similarity]") {
  const charterkit::Document a = document("a", "The Parties shall settle disputes peacefully. Terrorism, terrorism; peace.\n");
  const charterkit::Document b = document("b", "the parties SHALL settle all disputes: peace, PEACE and terrorism.\n");
  const charterkit::Document c = document("c", "Trade in goods.\n");
  const std::vector<charterkit::TextUnit> units = {{&a, nullptr}, {&b, nullptr}, {&c, nullptr}};

  SECTION("word-jaccard") {
    charterkit::SimilarityOptions o;
    o.measure = charterkit::SimilarityMeasure::kWordJaccard;
    auto r = charterkit::unit_similarity(units, o);
    REQUIRE(r.ok());
    REQUIRE(r->pairs.size() == 3);
    // {the parties shall settle disputes peacefully terrorism peace} and
    // {the parties shall settle all disputes peace and terrorism}: 7 of 10.
    CHECK(r->pairs[0].a_size == 8);
    CHECK(r->pairs[0].b_size == 9);
    CHECK(r->pairs[0].shared == 7);
    CHECK(r->pairs[0].value == Approx(0.7));
    o.form = charterkit::TextForm::kRaw;
    r = charterkit::unit_similarity(units, o);
    REQUIRE(r.ok());
    // As written: {The Parties shall settle disputes peacefully Terrorism terrorism peace}
    // and {the parties SHALL settle all disputes peace PEACE and terrorism}:
    // settle, disputes, terrorism, peace: 4 of 9 + 10 - 4.
    CHECK(r->pairs[0].a_size == 9);
    CHECK(r->pairs[0].b_size == 10);
    CHECK(r->pairs[0].shared == 4);
    CHECK(r->pairs[0].value == Approx(4.0 / 15));
  }

  SECTION("theme-cosine") {
    auto yaml = charterkit::text_from_bytes(R"(
themes:
  - id: terrorism
    entries:
      en: [terroris*]
  - id: peace
    entries:
      en: [peace, peaceful*]
)", "two.yaml");
    auto book = charterkit::Codebook::Parse(yaml.value(), tokenizer());
    REQUIRE(book.ok());
    charterkit::SimilarityOptions o;
    o.measure = charterkit::SimilarityMeasure::kThemeCosine;
    o.codebook = &book.value();
    auto r = charterkit::unit_similarity(units, o);
    REQUIRE(r.ok());
    REQUIRE(r->pairs.size() == 3);
    // a: terrorism 2, peace 2 (peacefully, peace); b: terrorism 1, peace 2; c: none.
    // (2,2)·(1,2) = 6; |(2,2)| |(1,2)| = √8 √5.
    CHECK(r->pairs[0].value == Approx(6 / std::sqrt(40.0)));
    CHECK(r->pairs[1].value == 0);
    CHECK(r->pairs[2].value == 0);
    o.codebook = nullptr;
    CHECK(charterkit::unit_similarity(units, o).status().code() == charterkit::StatusCode::kInvalidArgument);
  }

  SECTION("char5-jaccard of the normalized words is compare's char5_jaccard") {
    charterkit::SimilarityOptions o;
    auto r = charterkit::unit_similarity(units, o);
    REQUIRE(r.ok());
    auto text = charterkit::unit_text(units[0], charterkit::TextForm::kNormalized, tokenizer());
    REQUIRE(text.ok());
    CHECK(text.value() == "the parties shall settle disputes peacefully terrorism terrorism peace");
    // compare.h builds its 5-grams as strings, with its own code.
    auto ga = charterkit::char_ngrams(std::string(a.segment_text(a.segments[0])), 5, true, tokenizer());
    auto gb = charterkit::char_ngrams(std::string(b.segment_text(b.segments[0])), 5, true, tokenizer());
    REQUIRE(ga.ok());
    REQUIRE(gb.ok());
    CHECK(r->pairs[0].value == Approx(charterkit::jaccard(ga.value(), gb.value())).margin(1e-15));
    CHECK(r->pairs[0].a_size == static_cast<std::int64_t>(ga->size()));
  }

  SECTION("the raw text is the body, without front matter") {
    const charterkit::Document d = document("d", "---\ntitle: T\n---\nArticle 1\nPeace.\n");
    auto raw = charterkit::unit_text({&d, nullptr}, charterkit::TextForm::kRaw, tokenizer());
    REQUIRE(raw.ok());
    CHECK(raw.value() == "Article 1\nPeace.\n");
    auto seg = charterkit::unit_text({&d, &d.segments.back()}, charterkit::TextForm::kRaw, tokenizer());
    CHECK(seg.value() == "Article 1\nPeace.\n");
    CHECK(charterkit::unit_id({&d, &d.segments.back()}) == "d#art1");
  }

  SECTION("options that do not go together") {
    charterkit::SimilarityOptions o;
    o.method = charterkit::SimilarityMethod::kMinHash;
    CHECK(charterkit::unit_similarity(units, o).status().message() == "minhash needs a minimum above 0 (--min)");
    o.min = 0.5;
    o.minhash.bands = 7;
    CHECK(charterkit::unit_similarity(units, o).status().message() ==
          "minhash: the bands (7) must divide the hashes (128)");
  }
}

TEST_CASE("names of measures, normalizations and methods", "[similarity]") {
  CHECK(charterkit::parse_similarity_measure("word-jaccard").value() == charterkit::SimilarityMeasure::kWordJaccard);
  CHECK(charterkit::parse_similarity_measure("cosine").status().message() ==
        "unknown measure 'cosine' (measures: char5-jaccard, word-jaccard, theme-cosine)");
  CHECK(charterkit::parse_text_form("none").value() == charterkit::TextForm::kRaw);
  CHECK(charterkit::parse_text_form("nfc").status().message() ==
        "unknown normalization 'nfc' (normalizations: default, none)");
  CHECK(charterkit::parse_similarity_method("lsh").status().code() == charterkit::StatusCode::kInvalidArgument);
}

TEST_CASE("charter similarity: the same bytes whatever --threads", "[similarity][cli]") {
  const char* const variants[] = {
      "",
      " --unit segment --evidence",
      " --measure word-jaccard --normalize none",
      " --measure theme-cosine",
      // tests/data/sample-charter.ru.txt twice: each article and its copy.
      " tests/data tests/data/sample-charter.ru.txt --unit segment --method minhash --min 0.3",
  };
  for (const char* v : variants) {
    SECTION(std::string("similarity") + v) {
      const Run one = charter(std::string("similarity --format csv --threads 1") + v);
      const Run three = charter(std::string("similarity --format csv --threads 3") + v);
      REQUIRE(one.exit_code == 0);
      REQUIRE(three.exit_code == 0);
      CHECK(lines(one.out).size() > 2);
      CHECK(one.out == three.out);
    }
  }
}

TEST_CASE("charter similarity: output, --min, errors", "[similarity][cli]") {
  SECTION("one row per pair, in the order given, value in full precision") {
    const Run run = charter("similarity sco-charter-objectives csto-charter-objectives shared-goals --format csv --evidence");
    REQUIRE(run.exit_code == 0);
    const auto rows = lines(run.out);
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == "a,b,value,a_size,b_size,shared\r");
    CHECK(rows[1].rfind("sco-charter-objectives,csto-charter-objectives,", 0) == 0);
    CHECK(rows[2].rfind("sco-charter-objectives,shared-goals,", 0) == 0);
    CHECK(rows[3].rfind("csto-charter-objectives,shared-goals,", 0) == 0);
    // value = shared / (a_size + b_size - shared), printed so that it reads back exactly.
    for (std::size_t k = 1; k < rows.size(); ++k) {
      std::istringstream in(rows[k]);
      std::string a, b, value, na, nb, shared;
      std::getline(in, a, ',');
      std::getline(in, b, ',');
      std::getline(in, value, ',');
      std::getline(in, na, ',');
      std::getline(in, nb, ',');
      std::getline(in, shared, '\r');
      const double s = std::stod(shared), x = std::stod(na), y = std::stod(nb);
      CHECK(std::stod(value) == s / (x + y - s));
    }
  }
  SECTION("--min keeps the pairs at or above it") {
    const Run all = charter("similarity --unit segment --format tsv");
    const Run some = charter("similarity --unit segment --format tsv --min 0.1");
    REQUIRE(all.exit_code == 0);
    REQUIRE(some.exit_code == 0);
    std::vector<std::string> expected = {lines(all.out).at(0)};
    for (const std::string& row : lines(all.out)) {
      const std::string value = row.substr(row.rfind('\t') + 1);
      if (value != "value" && value != "NA" && std::stod(value) >= 0.1) expected.push_back(row);
    }
    CHECK(expected.size() > 1);
    CHECK(expected.size() < lines(all.out).size());
    CHECK(lines(some.out) == expected);
  }
  SECTION("errors") {
    const struct {
      const char* args;
      int exit_code;
      const char* err;
    } cases[] = {
        {"similarity sco-charter-objectives", 2, "similarity needs two or more documents (1 given)"},
        {"similarity --measure levenshtein", 2, "unknown measure 'levenshtein' (measures: char5-jaccard, word-jaccard, theme-cosine)"},
        {"similarity --normalize nfc", 2, "unknown normalization 'nfc' (normalizations: default, none)"},
        {"similarity --method lsh", 2, "unknown method 'lsh' (methods: exact, minhash)"},
        {"similarity --unit chapter", 2, "unknown unit 'chapter' (units: document, segment)"},
        {"similarity --threads -1", 2, "--threads takes a number from 0 (one per processor) to 1024"},
        {"similarity --method minhash --min 0", 2, "minhash needs a minimum above 0 (--min)"},
        {"similarity --method minhash --measure theme-cosine", 2, "minhash estimates Jaccard"},
        {"similarity --measure theme-cosine --evidence", 2, "--evidence applies to char5-jaccard and word-jaccard"},
        {"similarity --format xlsx", 2, "unknown format 'xlsx'"},
        {"similarity sco-charter-objectives no-such-file.txt", 1, "'no-such-file.txt' is neither a file or folder"},
        {"similarity tests/data/bad-codebook.yaml sco-charter-objectives", 1, "tests/data/bad-codebook.yaml"},
    };
    for (const auto& c : cases) {
      INFO(c.args);
      const Run run = charter(c.args);
      CHECK(run.exit_code == c.exit_code);
      CHECK(run.out.empty());
      CHECK_THAT(run.err, Catch::Contains(c.err));
    }
  }
}

TEST_CASE("ToTA treaties: exact pairs above 0.8 as by brute force, MinHash among them", "[similarity][shared][tota]") {
  const fs::path folder = shared_corpora() / "tota" / "xml";
  if (!fs::exists(folder)) {
    WARN("skipped: " << folder << " is absent");
    return;
  }
  // Four English treaties, cut into articles: a few hundred segments.
  charterkit::Corpus corpus;
  auto rules = charterkit::HeadingRules::Default();
  for (const char* id : {"pta_1", "pta_10", "pta_100", "pta_101"}) {
    REQUIRE(charterkit::add_path(corpus, (folder / (std::string(id) + ".xml")).string(), rules.value()).ok());
  }
  std::vector<std::string> texts;
  for (const auto& d : corpus.documents) {
    for (const auto& s : d.segments) {
      auto t = charterkit::unit_text({&d, &s}, charterkit::TextForm::kNormalized, tokenizer());
      REQUIRE(t.ok());
      texts.push_back(std::move(t).value());
    }
  }
  REQUIRE(texts.size() > 300);
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const FeatureSets sets = FeatureSets::CharNgrams(views, 5, 2);
  std::vector<std::pair<std::size_t, std::size_t>> brute;
  for (std::size_t a = 0; a < texts.size(); ++a) {
    for (std::size_t b = a + 1; b < texts.size(); ++b) {
      if (sets.jaccard(a, b).value >= 0.8) brute.emplace_back(a, b);
    }
  }
  REQUIRE(brute.size() > 10);
  std::vector<std::pair<std::size_t, std::size_t>> exact, minhash;
  for (const auto& p : sets.jaccard_pairs(PairOptions{2, 0.8})) exact.emplace_back(p.a, p.b);
  CHECK(exact == brute);
  charterkit::MinHashOptions options;
  for (const auto& p : sets.minhash_pairs(options)) minhash.emplace_back(p.a, p.b);
  std::vector<std::pair<std::size_t, std::size_t>> missed;
  std::set_difference(brute.begin(), brute.end(), minhash.begin(), minhash.end(), std::back_inserter(missed));
  CHECK(std::includes(brute.begin(), brute.end(), minhash.begin(), minhash.end()));
  CHECK(missed.size() * 20 <= brute.size());  // recall at least 95%

  // All articles of all treaties without --min: too many rows, said before any work.
  const Run run = charter("similarity '" + folder.string() + "' --unit segment --format csv");
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("pairs, more than 10,000,000 rows: give --min X"));
}

// Texts made on demand give the same sets as texts given whole, whatever the
// batches (sizes that put one, several or all texts in a batch) and threads;
// texts too short for an n-gram keep their identity; a failing text stops it.
TEST_CASE("n-gram sets of texts made on demand equal those of texts given whole", "[similarity]") {
  std::mt19937 random(11);
  std::vector<std::string> texts;
  for (int t = 0; t < 40; ++t) {
    std::string text;
    const int words = t % 7 == 0 ? 0 : static_cast<int>(random() % 300);
    for (int k = 0; k < words; ++k) {
      text += random() % 3 == 0 ? "безопасность" : "w";
      text += std::to_string(random() % 200);
      text += ' ';
    }
    texts.push_back(t % 9 == 0 ? std::string("abc") : text);  // "abc": shorter than 5 code points
  }
  std::vector<std::string_view> views(texts.begin(), texts.end());
  const FeatureSets whole = FeatureSets::CharNgrams(views, 5);
  for (std::size_t size : {std::size_t{1}, std::size_t{3} << 20, std::size_t{1} << 30}) {
    for (unsigned threads : {1u, 3u}) {
      INFO("size " << size << ", threads " << threads);
      std::vector<unsigned> workers_seen(texts.size(), 99);
      auto made = FeatureSets::CharNgrams(
          std::vector<std::size_t>(texts.size(), size),
          [&](std::size_t i, unsigned worker) -> charterkit::Result<std::string> {
            workers_seen[i] = worker;
            return texts[i];
          },
          5, threads);
      REQUIRE(made.ok());
      REQUIRE(made->size() == whole.size());
      CHECK(made->features() == whole.features());
      for (std::size_t a = 0; a < texts.size(); ++a) {
        CHECK(made->set_size(a) == whole.set_size(a));
        CHECK(workers_seen[a] < threads);
        for (std::size_t b = a + 1; b < texts.size(); ++b) {
          const auto x = made->jaccard(a, b), y = whole.jaccard(a, b);
          CHECK(((std::isnan(x.value) && std::isnan(y.value)) || x.value == y.value));
          CHECK(x.shared == y.shared);
        }
      }
    }
  }
  auto failed = FeatureSets::CharNgrams(
      std::vector<std::size_t>(texts.size(), 1),
      [&](std::size_t i, unsigned) -> charterkit::Result<std::string> {
        if (i == 7 || i == 30) return charterkit::Status::InvalidInput("text " + std::to_string(i) + " is broken");
        return texts[i];
      },
      5, 2);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().message() == "text 7 is broken");
}
