// Quotation finding: passages in quotation marks, alignment and differences.
#include <catch2/catch.hpp>

#include <string>

#include "charterkit/corpus.h"
#include "charterkit/quote.h"

namespace {

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

charterkit::Document source(const std::string& text) {
  auto rules = charterkit::HeadingRules::Default();
  auto doc = charterkit::read_text_document(std::move(charterkit::text_from_bytes(text, "source.txt")).value(), "source",
                                            rules.value(), nullptr);
  return std::move(doc).value();
}

std::string diffs(const charterkit::QuoteMatch& m) {
  std::string out;
  for (const auto& d : m.differences) out += (out.empty() ? "" : "; ") + d.op + ":" + d.quote + ">" + d.source;
  return out;
}

}  // namespace

TEST_CASE("quoted passages are found inside each kind of quotation mark", "[quote]") {
  const struct {
    std::string text;
    std::vector<std::string> passages;
  } cases[] = {
      {"It says “to strengthen peace” and «укреплять мир».", {"to strengthen peace", "укреплять мир"}},
      {"Er sagt „Frieden sichern“ und \"keep peace\".", {"Frieden sichern", "keep peace"}},
      {"No marks at all, whole text.\n", {"No marks at all, whole text."}},
      {"An “ unclosed quote", {"An “ unclosed quote"}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const auto& p : charterkit::quoted_passages(c.text)) got.push_back(c.text.substr(p.begin, p.end - p.begin));
    CHECK(got == c.passages);
  }
}

TEST_CASE("alignment reports the source span and every word difference", "[quote]") {
  const auto doc = source(
      "Preamble text.\nArticle 1\nThe goals are to strengthen peace, security and stability in the region\n"
      "and to counter terrorism, separatism and extremism.\n");
  const struct {
    const char* quote;
    const char* segment;
    const char* matched;  // the source text of the span
    const char* differences;
    double similarity;
  } cases[] = {
      // Same words, other case, punctuation and line breaks: identical.
      {"STRENGTHEN PEACE,\nsecurity, and stability", "art1", "strengthen peace, security and stability", "", 1.0},
      // "territorial" where the source says "regional"-like "the region": a replacement.
      {"peace, security and stability in the territory", "art1", "peace, security and stability in the region",
       "replace:territory>region", 2.0 * 6 / 14},
      // A word the quotation adds, and words it leaves out.
      {"strengthen international peace, security", "art1", "strengthen peace, security", "insert:international>",
       2.0 * 3 / 7},
      {"counter terrorism and extremism", "art1", "counter terrorism, separatism and extremism", "delete:>separatism",
       2.0 * 4 / 9},
  };
  for (const auto& c : cases) {
    INFO(c.quote);
    auto m = charterkit::find_quote(c.quote, doc, tokenizer());
    REQUIRE(m.ok());
    CHECK(m->found);
    CHECK(m->source_segment == c.segment);
    CHECK(doc.text.bytes.substr(m->begin, m->end - m->begin) == c.matched);
    CHECK(diffs(m.value()) == c.differences);
    CHECK(m->similarity == Approx(c.similarity));
  }
  auto absent = charterkit::find_quote("the rule of law and good governance", doc, tokenizer());
  REQUIRE(absent.ok());
  CHECK_FALSE(absent->found);
  CHECK(absent->similarity < 0.5);
}
