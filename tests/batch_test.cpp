// Work over many documents on threads: the same results whatever the thread
// count, and progress shown only on a terminal.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "charterkit/codebook.h"
#include "charterkit/compare.h"
#include "charterkit/corpus.h"
#include "charterkit/matcher.h"
#include "charterkit/segmenter.h"
#include "test_util.h"

using test_util::charter;
using test_util::shell;

namespace {

// The matches of every document, one line per hit, for comparing runs.
std::vector<std::string> flatten(const std::vector<std::vector<charterkit::SegmentMatches>>& all) {
  std::vector<std::string> lines;
  for (std::size_t d = 0; d < all.size(); ++d) {
    for (const auto& seg : all[d]) {
      lines.push_back(std::to_string(d) + " " + std::to_string(seg.segment) + " tokens " + std::to_string(seg.tokens));
      for (const auto& h : seg.hits) {
        lines.push_back(std::to_string(h.theme) + " " + std::to_string(h.entry) + " " + std::to_string(h.begin) + "-" +
                        std::to_string(h.end) + " s" + std::to_string(h.sentence));
      }
    }
  }
  return lines;
}

// A text of about `mb` MB in articles of about 20 KB, for work cut into pieces.
std::string long_text(int mb) {
  std::string text;
  for (int article = 1; text.size() < static_cast<std::size_t>(mb) * 1000000; ++article) {
    text += "Article " + std::to_string(article) + "\n";
    for (int k = 0; k < 300; ++k) text += "Peace and security, cooperation " + std::to_string(article % 97 + k % 13) + ". ";
    text += "\n\n";
  }
  return text;
}

}  // namespace

TEST_CASE("word_counts reports its progress piece by piece and counts the same on 1, 2 and 3 threads", "[batch]") {
  auto rules = charterkit::HeadingRules::Default();
  REQUIRE(rules.ok());
  std::vector<charterkit::Document> docs;
  for (int mb : {3, 0, 1}) {  // 0: a document of one short article
    auto text = charterkit::text_from_bytes(mb == 0 ? std::string("Article 1\nPeace.\n") : long_text(mb),
                                            "doc" + std::to_string(docs.size()) + ".txt");
    REQUIRE(text.ok());
    auto doc = charterkit::read_text_document(std::move(text).value(), "doc" + std::to_string(docs.size()), rules.value(), nullptr);
    REQUIRE(doc.ok());
    docs.push_back(std::move(doc).value());
  }
  std::vector<const charterkit::Document*> pointers;
  std::size_t text_bytes = 0;
  for (const auto& d : docs) {
    pointers.push_back(&d);
    for (const auto& seg : d.segments) text_bytes += seg.end - seg.begin;
  }
  auto reference = charterkit::word_counts(pointers, nullptr, 1u);
  REQUIRE(reference.ok());
  for (unsigned threads : {1u, 2u, 3u}) {
    INFO(threads << " threads");
    charterkit::BatchOptions batch;
    batch.threads = threads;
    std::vector<charterkit::BatchProgress> seen;
    batch.progress = [&](const charterkit::BatchProgress& p) { seen.push_back(p); };
    auto counts = charterkit::word_counts(pointers, nullptr, batch);
    REQUIRE(counts.ok());
    CHECK(counts.value() == reference.value());
    // Pieces of about 1 MB: the 3 MB document gives 3 or more, the others one each.
    REQUIRE(seen.size() >= 5);
    for (std::size_t k = 0; k < seen.size(); ++k) {
      CHECK(seen[k].total == 3);
      CHECK(seen[k].total_bytes == text_bytes);
      if (k > 0) {
        CHECK(seen[k].bytes > seen[k - 1].bytes);
        CHECK(seen[k].done >= seen[k - 1].done);
      }
    }
    CHECK(seen.back().done == 3);
    CHECK(seen.back().bytes == text_bytes);
    CHECK(seen.front().done <= 1);  // a piece of the big document is not the whole of it
  }
}

TEST_CASE("match_documents gives the same matches on 1, 2 and 7 threads as one document at a time", "[batch]") {
  auto rules = charterkit::HeadingRules::Default();
  REQUIRE(rules.ok());
  charterkit::Corpus corpus;
  REQUIRE(charterkit::add_embedded_corpus(corpus, rules.value()).ok());
  REQUIRE(charterkit::add_path(corpus, std::string(CHARTERKIT_SOURCE_DIR) + "/tests/data/sample-charter.ru.txt",
                               rules.value())
              .ok());
  REQUIRE(corpus.documents.size() >= 8);
  auto tokenizer = charterkit::Tokenizer::Create();
  auto codebook = charterkit::Codebook::Default(tokenizer.value());
  auto matcher = charterkit::Matcher::Compile(codebook.value());
  REQUIRE(matcher.ok());

  std::vector<std::vector<charterkit::SegmentMatches>> one_by_one;
  for (const auto& doc : corpus.documents) {
    auto m = charterkit::match_document(doc, tokenizer.value(), matcher.value());
    REQUIRE(m.ok());
    one_by_one.push_back(std::move(m).value());
  }
  const std::vector<std::string> expected = flatten(one_by_one);
  REQUIRE(expected.size() > 50);  // the corpus has matches to compare

  for (unsigned threads : {1u, 2u, 7u}) {
    charterkit::BatchOptions batch;
    batch.threads = threads;
    std::size_t calls = 0, last_done = 0;
    batch.progress = [&](const charterkit::BatchProgress& p) {
      ++calls;
      CHECK(p.done == last_done + 1);  // one call at a time, counting up
      CHECK(p.total == corpus.documents.size());
      last_done = p.done;
    };
    auto all = charterkit::match_documents(corpus.documents, codebook.value(), batch);
    REQUIRE(all.ok());
    INFO(threads << " threads");
    CHECK(flatten(all.value()) == expected);
    CHECK(calls == corpus.documents.size());
  }
}

TEST_CASE("charter themes prints the same bytes on 1 and 3 threads, and no progress off a terminal", "[batch][cli]") {
  const std::string args = "themes tests/data/sample-charter.ru.txt tests/data/sample-source.en.txt --format csv";
  const auto one = charter(args + " --threads 1");
  const auto three = charter(args + " -j 3");
  REQUIRE(one.exit_code == 0);
  REQUIRE(three.exit_code == 0);
  CHECK(one.out == three.out);
  CHECK(one.out.find("sample-charter") != std::string::npos);
  CHECK(one.err.empty());  // stderr is a file here: no progress
  const auto bad = charter("themes --threads -2");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--threads") != std::string::npos);
}

TEST_CASE("progress goes to a terminal's stderr, and --quiet silences it", "[batch][cli]") {
  if (shell("command -v script").exit_code != 0) {
    WARN("skipped: util-linux's script (to run under a terminal) is absent");
    return;
  }
  // script(1) runs the command on a pseudo-terminal and copies what it shows.
  const std::string exe = CHARTER_EXE;
  const auto shown = shell("script -qec \"'" + exe + "' themes -j 2 --format csv > /dev/null\" /dev/null");
  REQUIRE(shown.exit_code == 0);
  CHECK(shown.out.find("documents") != std::string::npos);
  CHECK(shown.out.find("MB/s") != std::string::npos);
  const auto quiet = shell("script -qec \"'" + exe + "' themes -j 2 --quiet --format csv > /dev/null\" /dev/null");
  REQUIRE(quiet.exit_code == 0);
  CHECK(quiet.out.find("documents") == std::string::npos);

  // charter words shows progress within one long document too (pieces of about 1 MB).
  const std::string file = std::string(CHARTERKIT_BINARY_DIR) + "/batch-words-long.txt";
  std::ofstream(file, std::ios::binary) << long_text(4);
  const auto words = shell("script -qec \"'" + exe + "' words -j 1 '" + file + "' > /dev/null\" /dev/null");
  REQUIRE(words.exit_code == 0);
  CHECK(words.out.find("0/1 documents") != std::string::npos);
  CHECK(words.out.find("MB/s") != std::string::npos);
  const auto words_quiet = shell("script -qec \"'" + exe + "' words -q '" + file + "' > /dev/null\" /dev/null");
  REQUIRE(words_quiet.exit_code == 0);
  CHECK(words_quiet.out.find("documents") == std::string::npos);
}
