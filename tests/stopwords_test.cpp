// Stop-word lists: the shipped lists load, every entry is one normalized word.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>

#include "charterkit/stopwords.h"
#include "charterkit/text.h"

using charterkit::StopWords;
using charterkit::Tokenizer;

TEST_CASE("the shipped stop-word lists load and hold normalized single words", "[stopwords]") {
  auto tokenizer = Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  const struct {
    const char* language;
    std::vector<std::string> present;  // function words that must be listed
    std::vector<std::string> absent;   // content words that must not be
  } lists[] = {
      {"en", {"the", "and", "of", "shall", "which"}, {"security", "peace", "terrorism", "organization", "charter"}},
      {"ru", {"и", "в", "не", "которые", "для"}, {"безопасность", "мир", "терроризм", "организация", "устав"}},
      {"kk", {"және", "мен", "үшін", "бұл", "арқылы"}, {"қауіпсіздік", "ұйым", "бейбітшілік", "шарт"}},
  };
  for (const auto& list : lists) {
    SECTION(list.language) {
      const std::string path = std::string(CHARTERKIT_SOURCE_DIR) + "/corpus/stopwords/" + list.language + ".txt";
      auto words = StopWords::Load(path, tokenizer.value());
      INFO(path);
      REQUIRE(words.ok());
      CHECK(words->size() > 100);
      for (const auto& w : list.present) CHECK(words->contains(w));
      for (const auto& w : list.absent) CHECK_FALSE(words->contains(w));

      // Each entry is already in normal form, so the list and the lookup agree.
      auto text = charterkit::load_text(path);
      REQUIRE(text.ok());
      std::size_t entries = 0;
      std::string content(text->content());
      std::size_t pos = 0;
      while (pos < content.size()) {
        std::size_t eol = content.find('\n', pos);
        std::string line = content.substr(pos, eol - pos);
        pos = eol == std::string::npos ? content.size() : eol + 1;
        if (line.empty() || line[0] == '#') continue;
        ++entries;
        auto norm = tokenizer->normalize(line);
        REQUIRE(norm.ok());
        CHECK(norm.value() == line);
      }
      CHECK(entries == words->size());  // no duplicates
    }
  }
}

TEST_CASE("a stop-word entry that is not one word is an error with its line", "[stopwords]") {
  auto tokenizer = Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  const std::string path = "charterkit_stopwords_test.tmp";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# comment\n\nthe\nof the\n";
  }
  auto words = StopWords::Load(path, tokenizer.value());
  std::remove(path.c_str());
  REQUIRE_FALSE(words.ok());
  CHECK(words.status().to_string() ==
        path + ":4:1: stop-word entry 'of the' is not a single word (byte offset 15)");
}

TEST_CASE("the built-in list of a language is found by its primary subtag", "[stopwords]") {
  auto tokenizer = Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  for (const char* language : {"ru", "ru-KZ"}) {
    INFO(language);
    auto words = StopWords::Builtin(language, tokenizer.value());
    REQUIRE(words.ok());
    CHECK(words->contains("и"));
    CHECK_FALSE(words->contains("безопасность"));
  }
  auto none = StopWords::Builtin("xx", tokenizer.value());
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == charterkit::StatusCode::kNotFound);
}
