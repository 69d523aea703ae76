// Codebooks: entry syntax, file errors with their place, checks, and the
// quanteda and LIWC formats.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "charterkit/codebook.h"

using charterkit::Codebook;
using charterkit::EntryKind;
using charterkit::Tokenizer;

namespace {

Tokenizer& tokenizer() {
  static Tokenizer t = std::move(Tokenizer::Create()).value();
  return t;
}

charterkit::Text text(const std::string& bytes, const std::string& name = "book.yaml") {
  return std::move(charterkit::text_from_bytes(bytes, name)).value();
}

charterkit::Result<Codebook> parse(const std::string& yaml) { return Codebook::Parse(text(yaml), tokenizer()); }

// Describes an entry's parse: "glob:terror*", "phrase:territorial integrity",
// "near/6:traffick* + drug*|narcotic*".
std::string describe(const charterkit::Entry& e) {
  const auto phrase = [](const charterkit::Phrase& p) {
    std::string out;
    for (const auto& t : p.terms) out += (out.empty() ? "" : " ") + t.text;
    return out + (p.ideographic ? "[zh]" : "");
  };
  std::string out(charterkit::to_string(e.kind));
  if (e.kind == EntryKind::kNear || e.kind == EntryKind::kBefore) out += "/" + std::to_string(e.window);
  out += ":";
  for (std::size_t i = 0; i < e.alternatives.size(); ++i) {
    if (i == e.left_count) out += " + ";
    else if (i > 0) out += "|";
    out += phrase(e.alternatives[i]);
  }
  return out;
}

std::string one_entry(const std::string& source) {
  auto book = Codebook::FromPattern("t", source, tokenizer());
  if (!book.ok()) return "error: " + book.status().message();
  return describe(book->entries().at(0));
}

}  // namespace

TEST_CASE("entries are parsed into words, globs, phrases and rules", "[codebook]") {
  const struct {
    const char* source;
    const char* parsed;
  } cases[] = {
      {"Terrorism", "word:terrorism"},
      {"ＴＥＲＲＯＲＩＳＭ", "word:terrorism"},
      {"terror*", "glob:terror*"},
      {"Террор*", "glob:террор*"},
      {"*separatis*", "glob:*separatis*"},
      {"organi?ation", "glob:organi?ation"},
      {"a*b", "glob:a*b"},
      {"territorial integrity", "phrase:territorial integrity"},
      {"  territorial   integrity ", "phrase:territorial integrity"},
      {"территориальн* целостност*", "phrase:территориальн* целостност*"},
      {"counter-terrorism", "phrase:counter terrorism"},
      {"co-operat*", "phrase:co operat*"},
      {"non-use of force", "phrase:non use of force"},
      {"恐怖主义", "word:恐怖主义[zh]"},
      {"恐怖*", "word:恐怖[zh]"},
      {"上海合作组织", "word:上海合作组织[zh]"},
      {"traffick* NEAR/6 (drug* | narcotic*)", "near/6:traffick* + drug*|narcotic*"},
      {"(illegal | illicit) NEAR/3 arms", "near/3:illegal|illicit + arms"},
      {"interfere* NEAR/4 internal affairs", "near/4:interfere* + internal affairs"},
      {"security BEFORE/2 council", "before/2:security + council"},
      {"лаңкес* NEAR/5 (күрес* | қарсы)", "near/5:лаңкес* + күрес*|қарсы"},
  };
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(one_entry(c.source) == c.parsed);
  }
}

TEST_CASE("invalid entries are refused with a reason", "[codebook]") {
  const struct {
    const char* source;
    const char* error;
  } cases[] = {
      {"", "empty pattern"},
      {"*", "would match every word"},
      {"* ?", "would match every word"},
      {"—", "has no word in it"},
      {"a NEAR/x b", "NEAR/ needs a number of words"},
      {"a NEAR/ b", "NEAR/ needs a number of words"},
      {"a NEAR/3", "a rule needs a pattern on each side"},
      {"NEAR/3 b", "a rule needs a pattern on each side"},
      {"(a | b NEAR/2 c", "'(' without its ')'"},
      {"((a)) NEAR/2 c", "parentheses cannot be nested"},
      {"a NEAR/2 b NEAR/3 c", "a rule has one NEAR/n or BEFORE/n"},
      {"a | b", "'|' and parentheses belong in rules"},
      {"恐*怖", "wildcards inside Chinese or Japanese pattern"},
      {"(a | *) NEAR/2 b", "would match every word"},
  };
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK_THAT(one_entry(c.source), Catch::StartsWith("error: ") && Catch::Contains(c.error));
  }
}

TEST_CASE("codebook files are checked with file:line:column", "[codebook]") {
  const struct {
    const char* what;
    const char* yaml;
    const char* error;
  } cases[] = {
      {"YAML syntax", "themes:\n  - id: a\n    entries: {en: [a\n", "book.yaml:4:1: YAML syntax"},
      {"not a map", "- a\n", "book.yaml:1:1: a codebook is a map"},
      {"no themes", "name: x\n", "book.yaml:1:1: a codebook needs a list 'themes:'"},
      {"unknown top field", "themez: []\n", "book.yaml:1:1: unknown field 'themez'"},
      {"unknown theme field", "themes:\n  - id: a\n    entrys: {}\n", "book.yaml:3:5: unknown field 'entrys'"},
      {"theme without id", "themes:\n  - label: A\n", "book.yaml:2:5: a theme needs an 'id'"},
      {"bad theme id", "themes:\n  - id: my theme\n", "book.yaml:2:9: theme id 'my theme' must be"},
      {"duplicate theme", "themes:\n  - id: a\n  - id: a\n", "book.yaml:3:9: theme 'a' is defined twice"},
      {"unknown group", "themes:\n  - id: a\n    group: g\n", "book.yaml:3:12: group 'g' is not among the codebook's groups"},
      {"unknown overlap", "themes:\n  - id: a\n    overlaps: [b]\n", "book.yaml:3:16: theme 'b' is not defined"},
      {"bad language", "themes:\n  - id: a\n    entries: {'e n': [x]}\n", "book.yaml:3:15: 'e n' is not a language tag"},
      {"entries not a list", "themes:\n  - id: a\n    entries: {en: x}\n", "book.yaml:3:19: entries for 'en' must be a list"},
      {"bad entry", "themes:\n  - id: a\n    entries:\n      en:\n        - ok\n        - '*'\n",
       "book.yaml:6:11: entry '*': pattern '*' would match every word"},
      {"key given twice", "themes:\n  - id: a\n    exclude: {en: [x]}\n    exclude: {zh: [y]}\n",
       "book.yaml:4:5: 'exclude' is given twice in this map"},
      {"bad rule", "themes:\n  - id: a\n    exclude:\n      ru: [x NEAR/y z]\n",
       "book.yaml:4:12: entry 'x NEAR/y z': NEAR/ needs a number"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      auto book = parse(c.yaml);
      REQUIRE_FALSE(book.ok());
      CHECK_THAT(book.status().to_string(), Catch::StartsWith(c.error));
    }
  }
}

TEST_CASE("a codebook keeps its themes, groups, overlaps and entries", "[codebook]") {
  auto book = parse(
      "name: test\nlanguages: [en, ru]\ngroups:\n  - id: threats\n    label: Threats\n"
      "exclude:\n  en: [Security Council]\n"
      "themes:\n"
      "  - id: terrorism\n    label: Terrorism\n    group: threats\n    overlaps: [crime]\n"
      "    entries:\n      en: [terror*]\n      ru: [террор*]\n"
      "  - id: crime\n    entries:\n      en: [organized crime]\n    exclude:\n      en: [crime scene]\n");
  REQUIRE(book.ok());
  CHECK(book->name() == "test");
  CHECK(book->languages() == std::vector<std::string>{"en", "ru"});
  REQUIRE(book->themes().size() == 2);
  CHECK(book->themes()[0].group == "threats");
  CHECK(book->themes()[1].label == "crime");  // defaults to the id
  CHECK(book->may_overlap(0, 1));
  CHECK(book->may_overlap(1, 0));  // overlaps are symmetric
  REQUIRE(book->entries().size() == 5);
  CHECK(book->entries()[0].theme == SIZE_MAX);
  CHECK(book->entries()[0].exclusion);
  CHECK(book->entries()[2].language == "ru");
  CHECK(book->entries()[2].where.line == 15);
  CHECK(book->entries()[4].exclusion);
  CHECK(book->find_theme("crime") == 1);
  CHECK(book->find_theme("nope") == SIZE_MAX);
}

TEST_CASE("check reports duplicates, shadowed entries and missing languages", "[codebook]") {
  auto book = parse(
      "languages: [en, kk]\nthemes:\n"
      "  - id: terrorism\n    entries:\n      en:\n        - terror*\n        - terrorism\n        - Terror*\n"
      "      kk: [лаңкес*]\n"
      "  - id: peace\n    entries:\n      en: [peace]\n");
  REQUIRE(book.ok());
  std::vector<std::string> issues;
  for (const auto& issue : book->check()) issues.push_back(issue.to_string());
  CHECK(issues == std::vector<std::string>{
                      "book.yaml:8:11: duplicate: 'Terror*' repeats 'terror*' (line 6)",
                      "book.yaml:7:11: shadowed: 'terrorism' is already matched by 'terror*' (line 6)",
                      "book.yaml:12:12: missing-language: theme 'peace' has no entries for 'kk'",
                  });
}

TEST_CASE("the default codebook has the 17 themes in four groups and no errors", "[codebook]") {
  auto book = Codebook::Default(tokenizer());
  REQUIRE(book.ok());
  const std::vector<std::string> expected = {
      "peace", "security", "stability", "peaceful_settlement", "terrorism", "separatism", "extremism",
      "drug_trafficking", "arms_trafficking", "organized_crime", "illegal_migration", "territorial_integrity",
      "sovereignty_independence", "collective_defence", "economic_cooperation", "cultural_humanitarian",
      "human_rights"};
  std::vector<std::string> ids;
  for (const auto& t : book->themes()) {
    ids.push_back(t.id);
    CHECK_FALSE(t.description.empty());
    CHECK_FALSE(t.group.empty());
  }
  CHECK(ids == expected);
  CHECK(book->groups().size() == 4);
  for (const auto& issue : book->check()) {
    // Duplicates and shadowed entries are mistakes; every covered language is complete.
    FAIL_CHECK(issue.to_string());
  }
}

TEST_CASE("quanteda dictionaries are read, nested keys joined with dots", "[codebook][quanteda]") {
  auto book = Codebook::ParseQuanteda(text("terrorism:\n  - terror*\n  - \"anti-terrorist\"\n"
                                           "economy:\n  trade:\n    - trade*\n    - free trade area\n  single: investment\n",
                                           "dict.yml"),
                                      tokenizer());
  REQUIRE(book.ok());
  std::vector<std::string> themes;
  for (const auto& t : book->themes()) themes.push_back(t.id);
  CHECK(themes == std::vector<std::string>{"terrorism", "economy.trade", "economy.single"});
  REQUIRE(book->entries().size() == 5);
  CHECK(book->entries()[3].kind == EntryKind::kPhrase);
  CHECK(book->entries()[3].language == "*");
  CHECK(book->entries()[3].where.line == 7);
  auto bad = Codebook::ParseQuanteda(text("a:\n  - '*'\n", "dict.yml"), tokenizer());
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.status().to_string(), Catch::StartsWith("dict.yml:2:5: entry '*'"));
}

TEST_CASE("LIWC dictionaries are read: categories, words, phrases, several categories", "[codebook][liwc]") {
  const std::string dic =
      "%\n1\tthreat\n2\tpeace\n3\tcoop\tCooperation\n%\nterror*\t1\nwar\t1\npeace*\t2\nkind of\t3\ntrade\t3\t1\n";
  auto book = Codebook::ParseLiwc(text(dic, "liwc.dic"), tokenizer());
  REQUIRE(book.ok());
  REQUIRE(book->themes().size() == 3);
  CHECK(book->themes()[2].id == "coop");
  std::vector<std::string> entries;
  for (const auto& e : book->entries()) entries.push_back(book->themes()[e.theme].id + ":" + e.source);
  CHECK(entries == std::vector<std::string>{"threat:terror*", "threat:war", "peace:peace*", "coop:kind of",
                                            "coop:trade", "threat:trade"});
  CHECK(book->entries()[3].kind == EntryKind::kPhrase);

  const struct {
    const char* what;
    const char* dic;
    const char* error;
  } errors[] = {
      {"no opening %", "1\tthreat\n", "liwc.dic:1:1: a LIWC dictionary starts with a line '%'"},
      {"unknown category", "%\n1\tthreat\n%\nwar\t2\n", "liwc.dic:4:1: word 'war' names category '2', which is not defined"},
      {"no category", "%\n1\tthreat\n%\nwar\n", "liwc.dic:4:1: a word line needs a word and at least one category"},
      {"duplicate number", "%\n1\ta\n1\tb\n%\n", "liwc.dic:3:1: category number 1 is defined twice"},
      {"unclosed categories", "%\n1\ta\n", "liwc.dic:2:1: a LIWC dictionary has two '%' lines"},
      {"bad pattern", "%\n1\ta\n%\n*\t1\n", "liwc.dic:4:1: entry '*'"},
  };
  for (const auto& e : errors) {
    SECTION(e.what) {
      auto bad = Codebook::ParseLiwc(text(e.dic, "liwc.dic"), tokenizer());
      REQUIRE_FALSE(bad.ok());
      CHECK_THAT(bad.status().to_string(), Catch::StartsWith(e.error));
    }
  }
}

TEST_CASE("LIWC and charterkit codebooks round-trip through quanteda YAML", "[codebook][quanteda][liwc]") {
  const auto entries_of = [](const Codebook& b) {
    std::vector<std::string> out;
    for (const auto& e : b.entries()) {
      if (!e.exclusion && e.kind != EntryKind::kNear && e.kind != EntryKind::kBefore) {
        out.push_back(b.themes()[e.theme].id + ":" + describe(e));
      }
    }
    // quanteda has no languages: an entry written alike in two languages is one pattern.
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  auto liwc = Codebook::ParseLiwc(
      text("%\n1\tthreat\n2\tpeace\n%\nterror*\t1\n\"quoted\"\t2\npeace\t2\nkind of\t1\t2\n", "in.dic"), tokenizer());
  REQUIRE(liwc.ok());
  std::vector<std::string> skipped;
  const std::string yaml = liwc->to_quanteda_yaml(&skipped);
  CHECK(skipped.empty());
  auto back = Codebook::ParseQuanteda(text(yaml, "out.yml"), tokenizer());
  REQUIRE(back.ok());
  CHECK(entries_of(back.value()) == entries_of(liwc.value()));

  auto book = Codebook::Default(tokenizer());
  REQUIRE(book.ok());
  skipped.clear();
  auto again = Codebook::ParseQuanteda(text(book->to_quanteda_yaml(&skipped), "default.yml"), tokenizer());
  REQUIRE(again.ok());
  CHECK(entries_of(again.value()) == entries_of(book.value()));
  CHECK_FALSE(skipped.empty());  // rules and exclusions have no quanteda form, and are said so
}
