// Matching: inflection, phrases, rules, exclusions, overlaps, Chinese, and
// the counting policy.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "charterkit/matcher.h"

using charterkit::Codebook;
using charterkit::Hit;
using charterkit::Matcher;
using charterkit::Tokenizer;

namespace {

Tokenizer& tokenizer() {
  static Tokenizer t = std::move(Tokenizer::Create()).value();
  return t;
}

// A codebook for the tests below, with entries in four languages.
const Codebook& book() {
  static Codebook b = [] {
    auto text = charterkit::text_from_bytes(R"(
languages: [en, ru, kk, zh]
exclude:
  en: [Collective Security Treaty Organization, Security Council]
themes:
  - id: terrorism
    entries:
      en: [terroris*]
      ru: [терроризм*, террорист*]
      kk: [лаңкес*, терроризм*]
      zh: [恐怖主义, 恐怖分子]
  - id: territorial_integrity
    entries:
      en: [territorial integrity, inviolability NEAR/4 (borders | frontiers)]
      ru: [территориальн* целостност*]
  - id: drug_trafficking
    overlaps: [arms_trafficking]
    entries:
      en: [drug trafficking, traffick* NEAR/6 (drug* | narcotic*)]
  - id: arms_trafficking
    overlaps: [drug_trafficking]
    entries:
      en: [traffick* NEAR/6 arms, (illegal | illicit) BEFORE/2 arms]
  - id: security
    exclude:
      en: [social security]
      zh: [安全理事会]
    entries:
      en: [security]
      zh: [安全]
  - id: cooperation
    entries:
      en: [cooperation, economic cooperation]
  - id: economy
    entries:
      en: [economic*]
)",
                                            "test.yaml");
    auto parsed = Codebook::Parse(text.value(), tokenizer());
    if (!parsed.ok()) FAIL(parsed.status().to_string());
    return std::move(parsed).value();
  }();
  return b;
}

const Matcher& matcher() {
  static Matcher m = std::move(Matcher::Compile(book())).value();
  return m;
}

// Returns "theme:matched text" for each counted hit, in order.
std::vector<std::string> found(const std::string& text, const std::string& language = "") {
  auto tokens = tokenizer().tokenize(text);
  REQUIRE(tokens.ok());
  std::vector<std::string> out;
  for (const Hit& h : matcher().match(tokens.value(), language)) {
    out.push_back(book().themes()[h.theme].id + ":" + text.substr(h.begin, h.end - h.begin));
  }
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("globs match inflected Russian and Kazakh forms", "[matcher]") {
  const struct {
    const char* text;
    const char* language;
    V expected;
  } cases[] = {
      {"терроризм терроризмом терроризму Терроризма", "ru",
       {"terrorism:терроризм", "terrorism:терроризмом", "terrorism:терроризму", "terrorism:Терроризма"}},
      {"террористами и террористических", "ru", {"terrorism:террористами", "terrorism:террористических"}},
      {"лаңкестік лаңкестікке Лаңкестердің терроризмге", "kk",
       {"terrorism:лаңкестік", "terrorism:лаңкестікке", "terrorism:Лаңкестердің", "terrorism:терроризмге"}},
      {"территориальной целостности и ТЕРРИТОРИАЛЬНУЮ ЦЕЛОСТНОСТЬ", "ru",
       {"territorial_integrity:территориальной целостности", "territorial_integrity:ТЕРРИТОРИАЛЬНУЮ ЦЕЛОСТНОСТЬ"}},
      {"Terrorism, TERRORISTS and ｔｅｒｒｏｒｉｓｍ", "en",
       {"terrorism:Terrorism", "terrorism:TERRORISTS", "terrorism:ｔｅｒｒｏｒｉｓｍ"}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(found(c.text, c.language) == c.expected);
  }
}

TEST_CASE("entries apply to their language only", "[matcher]") {
  CHECK(found("терроризм", "en").empty());
  CHECK(found("terrorism", "ru").empty());
  CHECK(found("терроризм", "ru-Cyrl") == V{"terrorism:терроризм"});  // primary subtag
  CHECK(found("терроризм и terrorism", "") == V{"terrorism:терроризм", "terrorism:terrorism"});  // unknown: all
}

TEST_CASE("phrases match across line breaks and punctuation-free gaps only", "[matcher]") {
  CHECK(found("the territorial\nintegrity of states", "en") ==
        V{"territorial_integrity:territorial\nintegrity"});
  CHECK(found("territorial   integrity", "en") == V{"territorial_integrity:territorial   integrity"});
  CHECK(found("territorial waters and integrity", "en").empty());
}

TEST_CASE("NEAR and BEFORE windows", "[matcher]") {
  const struct {
    const char* text;
    V expected;
  } cases[] = {
      {"illicit trafficking in narcotic drugs", {"drug_trafficking:trafficking in narcotic"}},
      // Each left operand pairs with the closest right operand.
      {"narcotic drugs and their trafficking", {"drug_trafficking:drugs and their trafficking"}},
      {"trafficking one two three four five six drugs", {"drug_trafficking:trafficking one two three four five six drugs"}},
      {"trafficking one two three four five six seven drugs", {}},
      {"inviolability of their borders", {"territorial_integrity:inviolability of their borders"}},
      {"illegal arms", {"arms_trafficking:illegal arms"}},
      {"illegal small arms", {"arms_trafficking:illegal small arms"}},
      {"arms illegal", {}},  // BEFORE keeps the order
      {"trafficking in persons. Drugs are banned.", {}},  // not across a sentence end
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(found(c.text, "en") == c.expected);
  }
}

TEST_CASE("exclusions cancel matches inside them", "[matcher]") {
  CHECK(found("the Security Council shall", "en").empty());
  CHECK(found("the Collective Security Treaty Organization", "en").empty());
  CHECK(found("social security and international security", "en") == V{"security:security"});
  CHECK(found("安全理事会维持安全", "zh") == V{"security:安全"});
}

TEST_CASE("the longest match wins within a theme and a token counts once", "[matcher]") {
  // "economic cooperation" (cooperation, 2 tokens) beats "economic*" (economy, 1 token).
  CHECK(found("economic cooperation", "en") == V{"cooperation:economic cooperation"});
  CHECK(found("economic growth and cooperation", "en") == V{"economy:economic", "cooperation:cooperation"});
  // One phrase, not a phrase plus a rule match inside it.
  CHECK(found("drug trafficking", "en") == V{"drug_trafficking:drug trafficking"});
  // Themes declared to overlap may share tokens.
  CHECK(found("trafficking in drugs and arms", "en") ==
        V{"drug_trafficking:trafficking in drugs", "arms_trafficking:trafficking in drugs and arms"});
}

TEST_CASE("Chinese entries match whatever the segmentation", "[matcher][zh]") {
  CHECK(found("打击恐怖主义", "zh") == V{"terrorism:恐怖主义"});
  CHECK(found("恐怖主义者和恐怖分子", "zh") == V{"terrorism:恐怖主义", "terrorism:恐怖分子"});
  CHECK(found("上海合作组织宪章规定打击恐怖主义、分裂主义和极端主义", "zh") == V{"terrorism:恐怖主义"});
}

TEST_CASE("raw mode returns every match before the counting policy", "[matcher]") {
  auto tokens = tokenizer().tokenize("the Security Council and economic cooperation");
  REQUIRE(tokens.ok());
  charterkit::MatchOptions raw;
  raw.raw = true;
  std::vector<std::string> entries;
  for (const Hit& h : matcher().match(tokens.value(), "en", raw)) entries.push_back(book().entries()[h.entry].source);
  std::sort(entries.begin(), entries.end());
  CHECK(entries == V{"Security Council", "cooperation", "economic cooperation", "economic*", "security"});
}

TEST_CASE("pathological globs stay fast and exact", "[matcher]") {
  auto book = Codebook::FromPattern("x", "*a*a*a*a*a*b", tokenizer());
  REQUIRE(book.ok());
  auto m = Matcher::Compile(book.value());
  REQUIRE(m.ok());
  const std::string long_word(5000, 'a');
  auto tokens = tokenizer().tokenize(long_word + " " + long_word + "b");
  REQUIRE(tokens.ok());
  const auto hits = m->match(tokens.value(), "en");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].first_token == 1);
}

TEST_CASE("hits carry spans, sentences and token ranges of the text", "[matcher]") {
  const std::string text = "Peace first. Then we fight terrorism and separatism.";
  auto tokens = tokenizer().tokenize(text, 100);
  REQUIRE(tokens.ok());
  const auto hits = matcher().match(tokens.value(), "en");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].sentence == 1);
  CHECK(hits[0].first_token == 5);
  CHECK(hits[0].last_token == 6);
  CHECK(hits[0].begin == 100 + text.find("terrorism"));
  CHECK(hits[0].end == hits[0].begin + 9);
}

TEST_CASE("a codebook of 100,000 entries compiles and matches exactly", "[matcher][large]") {
  std::string yaml = "themes:\n";
  for (int t = 0; t < 100; ++t) {
    yaml += "  - id: t" + std::to_string(t) + "\n    entries:\n      en:\n";
    for (int e = 0; e < 1000; ++e) {
      const int n = t * 1000 + e;
      yaml += "        - w" + std::to_string(n) + (n % 3 == 0 ? "q*" : n % 3 == 1 ? "" : " x" + std::to_string(n)) + "\n";
    }
  }
  auto text = charterkit::text_from_bytes(yaml, "big.yaml");
  auto big = Codebook::Parse(text.value(), tokenizer());
  REQUIRE(big.ok());
  REQUIRE(big->entries().size() == 100000);
  auto m = Matcher::Compile(big.value());
  REQUIRE(m.ok());
  // "w99999q*" is a glob of theme t99 (99999 % 3 == 0); w4 a word of t0; "w5 x5" a phrase of t0.
  auto tokens = tokenizer().tokenize("w99999qz w4 w5 x5 w7 w3");
  REQUIRE(tokens.ok());
  std::vector<std::string> got;
  for (const Hit& h : m->match(tokens.value(), "en")) got.push_back(big->entries()[h.entry].source);
  CHECK(got == V{"w99999q*", "w4", "w5 x5", "w7"});  // "w3" alone is not an entry: "w3q*" is
}

// Words of one to four bytes against globs whose literal prefix is empty,
// shorter than, as long as or longer than three bytes: every word a pattern
// matches must be found, whatever the length of either (the matcher skips
// words that cannot start a phrase, and that shortcut must lose nothing).
TEST_CASE("short words and globs with short prefixes are all found", "[matcher]") {
  const char* words = "a ab abc abcd b bc bcd bcde x я яб ябв";
  const struct {
    const char* pattern;
    V expected;
  } cases[] = {
      {"a", {"a"}},
      {"ab", {"ab"}},
      {"abc", {"abc"}},
      {"abcd", {"abcd"}},
      {"a*", {"a", "ab", "abc", "abcd"}},
      {"ab*", {"ab", "abc", "abcd"}},
      {"abc*", {"abc", "abcd"}},
      {"abcd*", {"abcd"}},
      {"*d*", {"abcd", "bcd", "bcde"}},
      {"?b", {"ab"}},
      {"?б", {"яб"}},
      {"b?", {"bc"}},
      {"b?d", {"bcd"}},
      {"я*", {"я", "яб", "ябв"}},
      {"яб?", {"ябв"}},
  };
  auto tokens = tokenizer().tokenize(words);
  REQUIRE(tokens.ok());
  for (const auto& c : cases) {
    INFO(c.pattern);
    auto book = Codebook::FromPattern("t", c.pattern, tokenizer());
    REQUIRE(book.ok());
    auto m = Matcher::Compile(book.value());
    REQUIRE(m.ok());
    V got;
    for (const Hit& h : m->match(tokens.value(), "en")) got.push_back(std::string(words + h.begin, h.end - h.begin));
    CHECK(got == c.expected);
  }
}

// Window edges with operands of several tokens on either side, and the choice
// among equally close right operands (the earlier one). Each case: the rule,
// the text, the spans of the hits.
TEST_CASE("rule windows are exact at their edges, whatever the operands' length", "[matcher]") {
  const struct {
    const char* rule;
    const char* text;
    V expected;
  } cases[] = {
      {"x NEAR/2 \"a b c\"", "a b c q q x", {"a b c q q x"}},
      {"x NEAR/2 \"a b c\"", "a b c q q q x", {}},
      {"x NEAR/2 \"a b c\"", "x q q a b c", {"x q q a b c"}},
      {"x NEAR/2 \"a b c\"", "x q q q a b c", {}},
      {"x NEAR/1 \"a b\"", "a b q x q a b", {"a b q x"}},  // equally close: the earlier
      {"x NEAR/1 \"a b\"", "a b q q x q a b", {"x q a b"}},
      {"\"x y\" BEFORE/0 \"a b c d\"", "x y a b c d", {"x y a b c d"}},
      {"\"x y\" BEFORE/0 \"a b c d\"", "a b c d x y", {}},
      {"\"x y\" BEFORE/1 a", "x y q a x y a", {"x y q a", "x y a"}},
  };
  for (const auto& c : cases) {
    INFO(c.rule << " | " << c.text);
    auto book = Codebook::FromPattern("t", c.rule, tokenizer());
    REQUIRE(book.ok());
    auto m = Matcher::Compile(book.value());
    REQUIRE(m.ok());
    auto tokens = tokenizer().tokenize(c.text);
    REQUIRE(tokens.ok());
    V got;
    for (const Hit& h : m->match(tokens.value(), "en")) got.push_back(std::string(c.text + h.begin, h.end - h.begin));
    CHECK(got == c.expected);
  }
}

// A long text of many sentences, each with one pairing: every one is found,
// the same as when each sentence is matched alone.
TEST_CASE("rules pair operands across a long text one sentence at a time", "[matcher]") {
  auto book = Codebook::FromPattern("t", "x NEAR/3 (a | \"b c\")", tokenizer());
  REQUIRE(book.ok());
  auto m = Matcher::Compile(book.value());
  REQUIRE(m.ok());
  const char* sentences[] = {"a q x. ", "x q q b c q a. ", "b c q q q q x a. ", "q a q q q q q x q q q q q a. ", "x. "};
  std::string text;
  std::size_t expected = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::string sentence = sentences[i % 5];
    auto alone = tokenizer().tokenize(sentence);
    REQUIRE(alone.ok());
    expected += m->match(alone.value(), "en").size();
    text += sentence;
  }
  CHECK(expected == 2000 / 5 * 3);  // sentences 1, 2 and 3 hold a pairing each; 4 and 5 none
  auto tokens = tokenizer().tokenize(text);
  REQUIRE(tokens.ok());
  CHECK(m->match(tokens.value(), "en").size() == expected);
}
