// charter words: word frequencies of a small text whose counts are worked out
// by hand; word_counts against a plain count of the tokenizer's words.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "charterkit/compare.h"
#include "charterkit/corpus.h"
#include "charterkit/segmenter.h"
#include "charterkit/tokenizer.h"
#include "test_util.h"

namespace {

using test_util::charter;
using test_util::Run;
using test_util::slurp;

// A path in the build folder unique to this process and `name`.
std::string scratch(const std::string& name) {
  return std::string(CHARTERKIT_BINARY_DIR) + "/words_test." + std::to_string(::getpid()) + "." + name;
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// peace ×3 (Peace, PEACE, peace), мир ×2 (Мир, МИР), 2002 ×2, and, и, договор,
// года ×1. Ties are in byte order: digits, then Latin, then Cyrillic
// (г D0 B3 < д D0 B4 < и D0 B8).
const char* const kText = "Peace and PEACE, peace!\nМир и МИР. Договор 2002 года; 2002.\n";

}  // namespace

TEST_CASE("charter words counts case-folded words, most frequent first", "[cli][words]") {
  const std::string text = scratch("text.txt"), other = scratch("other.txt"), stop = scratch("stop.txt");
  write_file(text, kText);
  write_file(other, "peace Мир\n");
  write_file(stop, "# one word a line\nМИР\n");

  SECTION("the whole list") {
    const Run run = charter("words '" + text + "'");
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out ==
          "word\tcount\n"
          "peace\t3\n2002\t2\nмир\t2\n"
          "and\t1\nгода\t1\nдоговор\t1\nи\t1\n");
  }
  SECTION("--top keeps the most frequent, CSV") {
    const Run run = charter("words '" + text + "' --top 2 --format csv");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "word,count\r\npeace,3\r\n2002,2\r\n");
  }
  SECTION("counts add up over documents") {
    const Run run = charter("words '" + text + "' '" + other + "' --top 3");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "word\tcount\npeace\t4\nмир\t3\n2002\t2\n");
  }
  SECTION("--stopwords takes a built-in language") {
    const Run run = charter("words '" + text + "' --stopwords en");
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, !Catch::Contains("and\t"));
    CHECK_THAT(run.out, Catch::Contains("peace\t3\n"));
  }
  SECTION("--stopwords takes a file, whose entries are case-folded too") {
    const Run run = charter("words '" + text + "' --stopwords '" + stop + "' --top 3");
    CHECK(run.exit_code == 0);
    CHECK(run.out == "word\tcount\npeace\t3\n2002\t2\nand\t1\n");
  }
  SECTION("-o writes the table to a file") {
    const std::string target = scratch("out.json");
    const Run run = charter("words '" + text + "' --top 1 --format json -o '" + target + "'");
    CHECK(run.exit_code == 0);
    CHECK(run.out.empty());
    CHECK(slurp(target) == "[\n  {\"word\": \"peace\", \"count\": 3}\n]\n");
    std::remove(target.c_str());
  }
  std::remove(text.c_str());
  std::remove(other.c_str());
  std::remove(stop.c_str());
}

TEST_CASE("charter words rejects bad input with a clear message", "[cli][words]") {
  const std::string text = scratch("bad-input.txt"), stop = scratch("bad-stop.txt");
  write_file(text, kText);
  write_file(stop, "war\nforeign policy\n");
  const struct {
    std::string args;
    int exit_code;
    std::string err;  // fragment expected on stderr
  } cases[] = {
      {"words", 2, "words needs one or more documents"},
      {"words '" + text + "' --top -1", 2, "--top takes 0 (all) or more, not -1"},
      {"words '" + text + "' --stopwords xx", 2, "--stopwords takes a language with a built-in list"},
      {"words '" + text + "' --format xlsx", 2, "unknown format 'xlsx'"},
      {"words no-such-file.txt", 1, "'no-such-file.txt' is neither a file or folder"},
      {"words '" + text + "' --stopwords '" + stop + "'", 1, stop + ":2:"},
  };
  for (const auto& c : cases) {
    SECTION("charter " + c.args) {
      const Run run = charter(c.args);
      CHECK(run.exit_code == c.exit_code);
      CHECK(run.out.empty());
      CHECK_THAT(run.err, Catch::Contains(c.err));
    }
  }
  std::remove(text.c_str());
  std::remove(stop.c_str());
}

TEST_CASE("word_counts counts what a std::map of the tokenizer's words counts", "[words]") {
  // Many distinct words (the table grows many times), Latin and Cyrillic,
  // words that differ only in their last byte, words of 254 to 300 bytes, and
  // a Zipf-like repetition, in two documents.
  std::string text[2];
  for (int i = 0; i < 40000; ++i) {
    std::string word = (i % 3 == 0 ? "\xD0\xBC\xD0\xB8\xD1\x80" : "peace") + std::to_string(i % (1 + i % 5000));
    if (i % 997 == 0) word = std::string(254 + i % 47, 'a') + std::to_string(i % 3);
    text[i % 2] += (i % 11 == 0 ? "PEACE " : "") + word + (i % 17 == 0 ? ".\n" : " ");
  }
  auto rules = charterkit::HeadingRules::Default();
  REQUIRE(rules.ok());
  std::vector<charterkit::Document> docs;
  for (const std::string& t : text) {
    auto loaded = charterkit::text_from_bytes(t, "doc.txt");
    REQUIRE(loaded.ok());
    auto doc = charterkit::read_text_document(std::move(loaded).value(), "doc", rules.value(), nullptr);
    REQUIRE(doc.ok());
    docs.push_back(std::move(doc).value());
  }
  auto tokenizer = charterkit::Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  std::map<std::string, std::int64_t> expected;
  std::int64_t expected_total = 0;
  for (const auto& doc : docs) {
    for (const auto& segment : doc.segments) {
      auto tokens = tokenizer.value().tokenize(doc.segment_text(segment));
      REQUIRE(tokens.ok());
      for (const auto& t : tokens.value()) {
        ++expected[t.normalized];
        ++expected_total;
      }
    }
  }
  REQUIRE(expected.size() > 5000);
  auto counts = charterkit::word_counts({&docs[0], &docs[1]}, nullptr, 1u);
  REQUIRE(counts.ok());
  CHECK(counts.value().second == expected_total);
  const std::vector<std::pair<std::string, std::int64_t>> want(expected.begin(), expected.end());
  REQUIRE(counts.value().first.size() == want.size());
  CHECK(counts.value().first == want);
}
