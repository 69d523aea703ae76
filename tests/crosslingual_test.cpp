// Cross-lingual consistency of the default codebook: the UN Charter in each
// covered language is coded like its English text, article by article.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "charterkit/agreement.h"
#include "charterkit/corpus.h"
#include "charterkit/matcher.h"

namespace fs = std::filesystem;

namespace {

// (segment id, theme) -> 1 if the theme is present in the segment, else 0.
std::map<std::pair<std::string, std::size_t>, int> presence(const std::string& path, const charterkit::Matcher& matcher,
                                                            charterkit::Tokenizer& tokenizer) {
  auto rules = charterkit::HeadingRules::Default();
  REQUIRE(rules.ok());
  charterkit::Corpus corpus;
  REQUIRE(charterkit::add_path(corpus, path, rules.value()).ok());
  const charterkit::Document& doc = corpus.documents.at(0);
  auto matches = charterkit::match_document(doc, tokenizer, matcher);
  REQUIRE(matches.ok());
  std::map<std::pair<std::string, std::size_t>, int> cells;
  for (const auto& seg : matches.value()) {
    for (std::size_t t = 0; t < matcher.codebook().themes().size(); ++t) cells[{doc.segments[seg.segment].id, t}] = 0;
    for (const auto& hit : seg.hits) cells[{doc.segments[seg.segment].id, hit.theme}] = 1;
  }
  return cells;
}

}  // namespace

TEST_CASE("the UN Charter is coded alike in every covered language (alpha >= 0.8)", "[crosslingual][shared]") {
  const fs::path folder = fs::path(CHARTERKIT_SOURCE_DIR) / ".." / "shared" / "corpora" / "un-charter";
  if (!fs::exists(folder)) {
    WARN("skipped: " << folder << " is absent");
    return;
  }
  auto tokenizer = charterkit::Tokenizer::Create();
  REQUIRE(tokenizer.ok());
  auto codebook = charterkit::Codebook::Default(tokenizer.value());
  REQUIRE(codebook.ok());
  auto matcher = charterkit::Matcher::Compile(codebook.value());
  REQUIRE(matcher.ok());
  const auto english = presence((folder / "en.txt").string(), matcher.value(), tokenizer.value());
  for (const char* language : {"ru", "zh", "fr", "es"}) {
    const bool covered = std::any_of(codebook->entries().begin(), codebook->entries().end(),
                                     [&](const charterkit::Entry& e) { return e.language == language; });
    if (!covered) continue;
    const auto other = presence((folder / (std::string(language) + ".txt")).string(), matcher.value(), tokenizer.value());
    REQUIRE(other.size() == english.size());  // same segments, same themes
    std::vector<std::vector<int>> units;
    int disagreements = 0;
    for (const auto& [cell, value] : english) {
      units.push_back({value, other.at(cell)});
      disagreements += value != other.at(cell);
    }
    const double alpha = charterkit::krippendorff_alpha_nominal(units);
    INFO(language << ": alpha " << alpha << " over " << units.size() << " cells, " << disagreements
                  << " disagreements");
    CHECK(alpha >= 0.8);
  }
}
