// Runs Unicode's word-break conformance file (WordBreakTest.txt, from Debian's
// unicode-data) through Tokenizer::word_boundaries.
#include <catch2/catch.hpp>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "charterkit/tokenizer.h"
#include "test_util.h"

using test_util::append_utf8;

namespace {

struct Case {
  int line;
  std::string text;
  std::string code_points;  // the case as written in the file, for messages
  std::vector<std::size_t> boundaries;
};

// ICU does not treat U+003A COLON as MidLetter (CLDR tailoring of UAX #29,
// documented in ICU's word.txt rules), so these cases, and only these, differ
// from the Unicode file: each has a colon between letters.
// Named by their code points, as in the file.
const std::set<std::string> kColonTailoring = {
    "0061 003A 0041",           "0061 003A 0308 0041",           "0061 003A 05D0",
    "0061 003A 0308 05D0",      "0061 003A 0061 2060",           "0061 003A 0308 0061 2060",
    "0061 003A 0061 003A",      "0061 003A 0308 0061 003A",      "0061 003A 0061 0027",
    "0061 003A 0308 0061 0027", "0061 003A 0061 0027 2060",      "0061 003A 0308 0061 0027 2060",
    "0061 003A 0061 002C",      "0061 003A 0308 0061 002C",      "0041 003A 0041",
};

}  // namespace

TEST_CASE("Unicode WordBreakTest.txt conformance", "[tokenizer][conformance]") {
  const char* path = CHARTERKIT_WORDBREAK_TEST;
  std::ifstream in(path);
  // unicode-data is a declared dependency (charter.sh installs it): its absence is a failure.
  INFO(path << " is missing: install Debian's unicode-data");
  REQUIRE(in.good());
  std::vector<Case> cases;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string body = line.substr(0, line.find('#'));
    if (body.find_first_not_of(" \t") == std::string::npos) continue;
    std::istringstream words(body);
    Case c{number, {}, {}, {}};
    std::string word;
    while (words >> word) {
      if (word == "÷") {
        c.boundaries.push_back(c.text.size());
      } else if (word != "×") {
        append_utf8(c.text, static_cast<char32_t>(std::stoul(word, nullptr, 16)));
        c.code_points += (c.code_points.empty() ? "" : " ") + word;
      }
    }
    cases.push_back(std::move(c));
  }
  REQUIRE(cases.size() == 1823);

  auto tokenizer = charterkit::Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  std::set<std::string> differing;
  for (const Case& c : cases) {
    auto boundaries = tokenizer->word_boundaries(c.text);
    REQUIRE(boundaries.ok());
    if (boundaries.value() != c.boundaries) {
      differing.insert(c.code_points);
      if (kColonTailoring.count(c.code_points) == 0) {
        FAIL_CHECK("WordBreakTest.txt line " << c.line << " [" << c.code_points << "] differs");
      }
    }
  }
  // Every expected difference must still occur: if ICU changes, so must this list.
  CHECK(differing == kColonTailoring);
}
