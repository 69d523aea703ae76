// Segmentation of plain text into preamble, articles and chapters.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "charterkit/segmenter.h"

using charterkit::HeadingRules;
using charterkit::Segment;
using charterkit::Text;
using charterkit::Warning;

namespace {

const HeadingRules& rules() {
  static HeadingRules r = std::move(HeadingRules::Default()).value();
  return r;
}

Text make_text(const std::string& bytes) { return std::move(charterkit::text_from_bytes(bytes, "doc.txt")).value(); }

std::string ids(const std::vector<Segment>& segments) {
  std::string out;
  for (const Segment& s : segments) out += (out.empty() ? "" : " ") + s.id;
  return out;
}

}  // namespace

TEST_CASE("parse_number reads Arabic, Roman and Chinese numerals", "[segmenter]") {
  const struct {
    const char* text;
    long value;
  } cases[] = {{"1", 1},       {"111", 111},  {"IV", 4},      {"xix", 19},   {"XLIV", 44},  {"一", 1},
               {"十", 10},     {"十一", 11},  {"二十", 20},   {"二十一", 21}, {"一百", 100}, {"一百零五", 105},
               {"一百一十一", 111}, {"两千", 2000}, {"一〇五", 105}, {"", -1},    {"abc", -1},   {"1a", -1},
               {"条", -1}};
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(charterkit::parse_number(c.text) == c.value);
  }
}

TEST_CASE("each heading style cuts articles with Arabic-digit ids", "[segmenter]") {
  const struct {
    const char* style;
    std::string text;
    const char* ids;
    const char* chapter_of_last;  // chapter of the last segment
    const char* title_of_first_article;
  } cases[] = {
      {"English", "Preamble text.\nArticle 1\nOne.\nArticle 2\nTwo.\n", "preamble art1 art2", "", ""},
      {"English capitals with title", "ARTICLE 1. Objectives\nOne.\nARTICLE 2 - Principles\nTwo.", "art1 art2", "", "Objectives"},
      {"English chapters", "We the peoples\n\nChapter I: Purposes\nArticle 1\nA.\nCHAPTER II\nArticle 2\nB.",
       "preamble art1 art2", "CHAPTER II", ""},
      {"Russian", "Государства-члены,\nСтатья 1\nЦели\nСтатья 2\nПринципы", "preamble art1 art2", "", ""},
      {"Russian with title and chapter", "Глава I. Общие положения\nСтатья 1. Цели Организации\nТекст.",
       "art1", "Глава I. Общие положения", "Цели Организации"},
      {"Kazakh", "Кіріспе.\n1-бап. Мақсаттар\nМәтін.\n2-бап\nМәтін.", "preamble art1 art2", "", "Мақсаттар"},
      {"Kazakh with spaces", "1 - бап\nА.\n2 -бап\nБ.", "art1 art2", "", ""},
      {"Chinese", "序言\n第一条\n宗旨\n第二条 原则\n第三条\n批准", "preamble art1 art2 art3", "", ""},
      {"Chinese chapters", "第一章：宗旨及原则\n第一条\n甲\n第二章 会员\n第二条\n乙", "art1 art2", "第二章 会员", ""},
      {"Chinese full-width space and colon", "第一条　上海合作组织的宗旨是：\n第二条：原则", "art1 art2", "",
       "上海合作组织的宗旨是："},
      {"French premier", "Préambule\nArticle premier\nUn.\nArticle 2\nDeux.", "preamble art1 art2", "", ""},
      {"French 1er", "Article 1er\nUn.\nArticle 2\nDeux.", "art1 art2", "", ""},
      {"Spanish", "Preámbulo\nArtículo 1\nUno.\nArtículo 2\nDos.", "preamble art1 art2", "", ""},
      {"Spanish without accent and ordinal sign", "ARTICULO 1º\nUno.\nArtículo 2.\nDos.", "art1 art2", "", ""},
      {"Arabic", "ديباجة\nالمادة 1\nنص\nالمادة 2\nنص", "preamble art1 art2", "", ""},
      {"indented headings, CRLF", "  Article 1  \r\nOne.\r\n\tArticle 2\r\nTwo.", "art1 art2", "", ""},
      {"no preamble when only white space precedes", "\n \n\nArticle 1\nOne.", "art1", "", ""},
      {"no headings at all", "Just one paragraph.\n\nAnd another.", "all", "", ""},
      {"chapter headings without articles", "Chapter I\nText.\nChapter II\nMore.", "all", "", ""},
      {"a sentence that mentions an article is not a heading",
       "Article 1\nAs set out in Article 2 of the Charter, members agree.\nArticle 2\nB.", "art1 art2", "", ""},
      {"Article without a number is not a heading", "Article Two\nText.\nArticle 1\nOne.", "preamble art1", "", ""},
      {"Roman article numbers", "Article I\nOne.\nArticle II\nTwo.\nArticle III\nX.", "art1 art2 art3", "", ""},
      {"a line starting with an article reference is not a heading",
       "Article 1\nA.\nArticle 2 of the Charter applies.\nArticle 2\nB.", "art1 art2", "", ""},
  };
  for (const auto& c : cases) {
    SECTION(c.style) {
      const Text text = make_text(c.text);
      std::vector<Warning> warnings;
      const auto segments = rules().segment(text, 0, &warnings);
      CHECK(ids(segments) == c.ids);
      CHECK(warnings.empty());
      CHECK(segments.back().chapter == c.chapter_of_last);
      for (const Segment& s : segments) {
        if (s.id == "art1") CHECK(s.title == c.title_of_first_article);
      }
      // Segments tile the body: nothing is dropped.
      REQUIRE_FALSE(segments.empty());
      std::size_t expected_begin = segments.front().id == "preamble" || segments.front().id == "all"
                                       ? 0
                                       : segments.front().begin;
      CHECK(text.content().substr(0, expected_begin).find_first_not_of(" \r\n\t") == std::string::npos);
      for (const Segment& s : segments) {
        CHECK(s.begin == expected_begin);
        CHECK(s.begin < s.end);
        expected_begin = s.end;
      }
      CHECK(expected_begin == text.bytes.size());
    }
  }
}

TEST_CASE("a chapter heading starts the segment of the article after it", "[segmenter]") {
  const Text text = make_text("Preamble.\nChapter I\nArticle 1\nOne.\nChapter II\nArticle 2\nTwo.\n");
  const auto segments = rules().segment(text, 0, nullptr);
  REQUIRE(ids(segments) == "preamble art1 art2");
  CHECK(text.bytes.substr(segments[0].begin, segments[0].end - segments[0].begin) == "Preamble.\n");
  CHECK(text.bytes.substr(segments[1].begin, segments[1].end - segments[1].begin) == "Chapter I\nArticle 1\nOne.\n");
  CHECK(segments[1].chapter == "Chapter I");
  CHECK(segments[2].chapter == "Chapter II");
  CHECK(segments[2].number == 2);
}

TEST_CASE("repeated, out-of-order and missing article numbers are warned, not dropped", "[segmenter]") {
  const Text text = make_text("Article 1\nA\nArticle 2\nB\nArticle 2\nB again\nArticle 5\nE\nArticle 3\nC\nArticle 2\nB3");
  std::vector<Warning> warnings;
  const auto segments = rules().segment(text, 0, &warnings);
  CHECK(ids(segments) == "art1 art2 art2-2 art5 art3 art2-3");
  std::vector<std::string> messages;
  for (const Warning& w : warnings) messages.push_back(w.to_string());
  CHECK(messages == std::vector<std::string>{
                        "doc.txt:5:1: warning: article 2 appears again (first on line 3); this one is segment art2-2",
                        "doc.txt:7:1: warning: article 5 follows article 2: articles 3 to 4 are missing",
                        "doc.txt:9:1: warning: article 3 follows article 5 (out of order)",
                        "doc.txt:11:1: warning: article 2 appears again (first on line 3); this one is segment art2-3",
                    });
}

TEST_CASE("segmentation starts at the body and counts lines from the file's start", "[segmenter]") {
  const std::string bytes = "---\ntitle: x\n---\nArticle 1\nA\nArticle 3\nC\n";
  const Text text = make_text(bytes);
  std::vector<Warning> warnings;
  const auto segments = rules().segment(text, 17, &warnings);
  CHECK(ids(segments) == "art1 art3");
  CHECK(segments.front().begin == 17);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where.line == 6);
}

TEST_CASE("heading rules files are checked with their place", "[segmenter]") {
  const struct {
    const char* what;
    const char* yaml;
    const char* error;
  } cases[] = {
      {"bad YAML", "articles:\n  - pattern: [a\n", "rules.yaml:3:1: YAML syntax"},
      {"invalid regex", "articles:\n  - pattern: 'article (?<number>\\d+'\n",
       "rules.yaml:2:14: invalid pattern 'article (?<number>\\d+': U_REGEX_MISMATCHED_PAREN"},
      {"no number group", "articles:\n  - pattern: 'article \\d+'\n",
       "rules.yaml:2:14: article pattern 'article \\d+' has no group (?<number>...)"},
      {"entry without pattern", "articles:\n  - language: en\n", "rules.yaml:2:5: each entry of 'articles' needs a 'pattern'"},
      {"articles not a list", "articles: 3\n", "rules.yaml:1:11: 'articles' must be a list"},
      {"no articles", "chapters: []\n", "rules.yaml:1:1: no article patterns"},
      {"bad number word", "numbers:\n  premier: one\narticles:\n  - pattern: 'a (?<number>\\d+)'\n",
       "rules.yaml:2:12: number word 'premier' needs a number"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      auto text = charterkit::text_from_bytes(c.yaml, "rules.yaml");
      REQUIRE(text.ok());
      auto parsed = HeadingRules::Parse(text.value());
      REQUIRE_FALSE(parsed.ok());
      CHECK_THAT(parsed.status().to_string(), Catch::StartsWith(c.error));
    }
  }
}

TEST_CASE("users can extend the heading rules with their own file", "[segmenter]") {
  auto text = charterkit::text_from_bytes(
      "articles:\n  - language: de\n    pattern: 'artikel\\s+(?<number>\\d+)'\n", "de.yaml");
  REQUIRE(text.ok());
  auto german = HeadingRules::Parse(text.value());
  REQUIRE(german.ok());
  const Text doc = make_text("Präambel\nArtikel 1\nEins\nArtikel 2\nZwei");
  CHECK(ids(german->segment(doc, 0, nullptr)) == "preamble art1 art2");
}
