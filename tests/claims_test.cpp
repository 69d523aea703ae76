// Claims: the file format and the verdict logic.
#include <catch2/catch.hpp>

#include <string>

#include "charterkit/claims.h"

using charterkit::Codebook;
using charterkit::ThemeProfile;
using charterkit::Verdict;

namespace {

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

const Codebook& codebook() {
  static Codebook b = [] {
    auto text = charterkit::text_from_bytes(
        "themes:\n  - id: peace\n    entries: {en: [peace]}\n  - id: terrorism\n    entries: {en: [terror*]}\n"
        "  - id: defence\n    entries: {en: [defence]}\n",
        "book.yaml");
    return std::move(Codebook::Parse(text.value(), tokenizer())).value();
  }();
  return b;
}

charterkit::Result<charterkit::ClaimSet> parse(const std::string& yaml) {
  auto text = charterkit::text_from_bytes(yaml, "claims.yaml");
  return charterkit::parse_claims(text.value(), codebook());
}

// A profile whose themes have the given counts, each hit with one passage.
ThemeProfile profile(const std::string& document, std::vector<std::int64_t> counts) {
  ThemeProfile p;
  p.document = document;
  p.tokens = 100;
  p.counts = counts;
  p.evidence.resize(counts.size());
  for (std::size_t t = 0; t < counts.size(); ++t) {
    for (std::int64_t i = 0; i < counts[t]; ++i) p.evidence[t].push_back({document, "art1", 0, 0, 5, "words", "entry"});
  }
  return p;
}

}  // namespace

TEST_CASE("verdicts: support needs a passage for every present side, absence that holds", "[claims]") {
  auto claims = parse(
      "claims:\n  - id: c\n    text: t\n    themes:\n"
      "      - {theme: peace, A: present, B: present}\n"       // shared
      "      - {theme: terrorism, A: present}\n"               // one side
      "      - {theme: defence, B: present, A: absent}\n");    // distinct
  REQUIRE(claims.ok());
  const struct {
    const char* what;
    std::vector<std::int64_t> a, b;  // counts of peace, terrorism, defence in A's and B's texts
    std::vector<Verdict> expected;
  } cases[] = {
      {"everything shown", {1, 2, 0}, {3, 0, 1},
       {Verdict::kSupported, Verdict::kSupported, Verdict::kSupported}},
      {"shared theme in one text only", {1, 0, 0}, {0, 0, 1},
       {Verdict::kNotSupported, Verdict::kNotSupported, Verdict::kSupported}},
      {"a passage shows what is claimed absent", {0, 0, 2}, {0, 0, 1},
       {Verdict::kNotSupported, Verdict::kNotSupported, Verdict::kContradicted}},
      {"nothing shown at all", {0, 0, 0}, {0, 0, 0},
       {Verdict::kNotSupported, Verdict::kNotSupported, Verdict::kNotSupported}},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      std::map<std::string, ThemeProfile> profiles = {{"A", profile("a", c.a)}, {"B", profile("b", c.b)}};
      auto verdicts = charterkit::check_claims(claims.value(), codebook(), profiles, "the test texts");
      REQUIRE(verdicts.size() == 1);
      std::vector<Verdict> got;
      for (const auto& tv : verdicts[0].themes) got.push_back(tv.verdict);
      CHECK(got == c.expected);
      // A supported verdict always comes with passages for each side claimed present.
      for (const auto& tv : verdicts[0].themes) {
        if (tv.verdict != Verdict::kSupported) continue;
        for (const auto& [org, expectation] : tv.expectations) {
          if (expectation == charterkit::Expectation::kPresent) CHECK_FALSE(tv.evidence.at(org).empty());
        }
      }
      const auto supported = std::count(got.begin(), got.end(), Verdict::kSupported);
      CHECK(verdicts[0].summary ==
            "supported for " + std::to_string(supported) + " of 3 themes by the test texts");
    }
  }
}

TEST_CASE("a claim about a text that was not given is not supported", "[claims]") {
  auto claims = parse("claims:\n  - id: c\n    text: t\n    themes:\n      - {theme: peace, A: present, B: absent}\n");
  REQUIRE(claims.ok());
  std::map<std::string, ThemeProfile> only_a = {{"A", profile("a", {1, 0, 0})}};
  auto verdicts = charterkit::check_claims(claims.value(), codebook(), only_a, "x");
  CHECK(verdicts[0].themes[0].verdict == Verdict::kNotSupported);
}

TEST_CASE("claims files are checked with file:line:column", "[claims]") {
  const struct {
    const char* what;
    const char* yaml;
    const char* error;
  } cases[] = {
      {"no claims", "documents: {}\n", "claims.yaml:1:1: a claims file is a map with a list 'claims:'"},
      {"unknown top field", "claims: []\nclaimz: 1\n", "claims.yaml:2:1: unknown field 'claimz'"},
      {"unknown claim field", "claims:\n  - id: c\n    txt: t\n", "claims.yaml:3:5: unknown field 'txt'"},
      {"no id", "claims:\n  - text: t\n    themes: [{theme: peace, A: present}]\n", "claims.yaml:2:5: a claim needs an 'id'"},
      {"no themes", "claims:\n  - id: c\n    text: t\n", "claims.yaml:2:5: claim 'c' needs a list 'themes:'"},
      {"unknown theme", "claims:\n  - id: c\n    text: t\n    themes:\n      - {theme: war, A: present}\n",
       "claims.yaml:5:17: unknown theme 'war' (not in the codebook)"},
      {"bad expectation", "claims:\n  - id: c\n    text: t\n    themes:\n      - {theme: peace, A: yes}\n",
       "claims.yaml:5:27: expected 'present' or 'absent' for A, not 'yes'"},
      {"no organization", "claims:\n  - id: c\n    text: t\n    themes:\n      - {theme: peace}\n",
       "claims.yaml:5:9: theme 'peace' names no organization"},
      {"duplicate id",
       "claims:\n  - id: c\n    text: t\n    themes: [{theme: peace, A: present}]\n"
       "  - id: c\n    text: t\n    themes: [{theme: peace, A: present}]\n",
       "claims.yaml:5:9: claim 'c' is defined twice"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      auto claims = parse(c.yaml);
      REQUIRE_FALSE(claims.ok());
      CHECK_THAT(claims.status().to_string(), Catch::StartsWith(c.error));
    }
  }
}

TEST_CASE("the article's claims load with the default codebook", "[claims]") {
  auto book = Codebook::Default(tokenizer());
  REQUIRE(book.ok());
  auto claims = charterkit::default_claims(book.value());
  REQUIRE(claims.ok());
  std::vector<std::string> ids;
  for (const auto& c : claims->claims) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"shared-goals", "sco-objectives", "csto-objectives", "distinct-missions"});
  CHECK(claims->organizations() == std::vector<std::string>{"SCO", "CSTO"});
  CHECK(claims->documents.at("SCO") == "sco-charter-objectives");
  CHECK(claims->claims[0].themes.size() == 6);
}

TEST_CASE("what a claim asserts is written as the tables print it", "[claims]") {
  using charterkit::Expectation;
  const struct {
    std::vector<std::pair<std::string, Expectation>> expectations;
    std::string text;
  } cases[] = {
      {{{"SCO", Expectation::kPresent}, {"CSTO", Expectation::kPresent}}, "SCO, CSTO"},
      {{{"CSTO", Expectation::kPresent}, {"SCO", Expectation::kAbsent}}, "CSTO, SCO not"},
      {{{"SCO", Expectation::kAbsent}}, "SCO not"},
      {{}, ""},
  };
  for (const auto& c : cases) CHECK(charterkit::expectation_text(c.expectations) == c.text);
}
