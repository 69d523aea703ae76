// Each stage of the pipeline, and the whole of it, next to ICU's own word
// break iterator on the same text, in one run.
//
// Input: the file named by CHARTERKIT_BENCH_CORPUS (bench/run.sh writes one
// with charterkit_gencorpus under the build folder). Throughput is reported
// as bytes_per_second of that file. BM_Folder reads and matches every document
// of the folder named by CHARTERKIT_BENCH_FOLDER (bench/run.sh: the English
// ToTA treaties, when ../shared is there) on 1 and 2 threads, in wall time.
//
//   CHARTERKIT_BENCH_CORPUS=build-bench/corpus/en-ru-10.txt build-bench/bench/charterkit_pipeline_bench
#include <benchmark/benchmark.h>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "charterkit/batch.h"
#include "charterkit/codebook.h"
#include "charterkit/compare.h"
#include "charterkit/corpus.h"
#include "charterkit/matcher.h"
#include "charterkit/segmenter.h"
#include "charterkit/text.h"
#include "charterkit/tokenizer.h"

namespace {

const char* corpus_path() {
  const char* path = std::getenv("CHARTERKIT_BENCH_CORPUS");
  return path != nullptr ? path : "";
}

// The corpus as read and checked once, shared by the stage benchmarks.
const charterkit::Text* corpus() {
  static std::unique_ptr<charterkit::Text> text = [] {
    auto loaded = charterkit::load_text(corpus_path());
    return loaded.ok() ? std::make_unique<charterkit::Text>(std::move(loaded).value()) : nullptr;
  }();
  return text.get();
}

bool have_corpus(benchmark::State& state) {
  if (corpus() != nullptr) return true;
  state.SkipWithError("set CHARTERKIT_BENCH_CORPUS to a readable UTF-8 file (bench/run.sh makes one)");
  return false;
}

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(corpus()->content().size()));
}

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

const charterkit::HeadingRules& rules() {
  static charterkit::HeadingRules r = std::move(charterkit::HeadingRules::Default()).value();
  return r;
}

const charterkit::Matcher& matcher() {
  static charterkit::Codebook book = std::move(charterkit::Codebook::Default(tokenizer())).value();
  static charterkit::Matcher m = std::move(charterkit::Matcher::Compile(book)).value();
  return m;
}

// ICU alone: the word break iterator over a UText on the UTF-8 bytes, asking
// each segment's rule status (what any tokenizer must know).
void BM_IcuWordBreakUtf8(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const std::string_view text = corpus()->content();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  for (auto _ : state) {
    UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    words->setText(ut, status);
    std::int64_t sum = 0;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) sum += words->getRuleStatus();
    benchmark::DoNotOptimize(sum);
    utext_close(ut);
  }
  set_bytes(state);
}
BENCHMARK(BM_IcuWordBreakUtf8)->Unit(benchmark::kMillisecond);

// ICU alone, fed UTF-16 (the conversion is done once, outside the timing).
void BM_IcuWordBreakUtf16(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const std::string_view text = corpus()->content();
  const icu::UnicodeString utf16 = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  for (auto _ : state) {
    words->setText(utf16);
    std::int64_t sum = 0;
    for (int32_t b = words->first(); b != icu::BreakIterator::DONE; b = words->next()) sum += words->getRuleStatus();
    benchmark::DoNotOptimize(sum);
  }
  set_bytes(state);
}
BENCHMARK(BM_IcuWordBreakUtf16)->Unit(benchmark::kMillisecond);

void BM_ReadAndValidate(benchmark::State& state) {
  if (!have_corpus(state)) return;
  for (auto _ : state) {
    auto text = charterkit::load_text(corpus_path());
    benchmark::DoNotOptimize(text.ok());
  }
  set_bytes(state);
}
BENCHMARK(BM_ReadAndValidate)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  if (!have_corpus(state)) return;
  for (auto _ : state) {
    state.PauseTiming();
    charterkit::Text copy = *corpus();
    state.ResumeTiming();
    auto doc = charterkit::read_text_document(std::move(copy), "bench", rules(), nullptr);
    benchmark::DoNotOptimize(doc.ok());
  }
  set_bytes(state);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

// The corpus as one segmented document, shared by the stage benchmarks below.
const charterkit::Document& document() {
  static charterkit::Document doc =
      std::move(charterkit::read_text_document(charterkit::Text(*corpus()), "bench", rules(), nullptr)).value();
  return doc;
}

// Word boundaries, kinds, NFKC_Casefold and sentences, segment by segment as
// the pipeline does: the fast path, and ICU for every character (the
// reference the fast path is tested against).
void BM_Tokenize(benchmark::State& state) {
  if (!have_corpus(state)) return;
  auto t = std::move(charterkit::Tokenizer::Create(charterkit::TokenizerOptions{state.range(0) != 0})).value();
  const charterkit::Document& doc = document();
  std::vector<charterkit::Token> tokens;
  std::size_t count = 0;
  for (auto _ : state) {
    count = 0;
    for (const auto& segment : doc.segments) {
      count += t.tokenize_into(doc.segment_text(segment), segment.begin, tokens).value();
    }
  }
  set_bytes(state);
  state.counters["tokens"] = static_cast<double>(count);
}
BENCHMARK(BM_Tokenize)->ArgName("fast_path")->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond);

// The default codebook over each segment's tokens, in the document's language.
void BM_Match(benchmark::State& state) {
  if (!have_corpus(state)) return;
  const charterkit::Document& doc = document();
  std::vector<std::vector<charterkit::Token>> tokens;
  for (const auto& segment : doc.segments) {
    tokens.push_back(std::move(tokenizer().tokenize(doc.segment_text(segment), segment.begin)).value());
  }
  for (auto _ : state) {
    std::size_t hits = 0;
    for (const auto& t : tokens) hits += matcher().match(t, doc.info.language).size();
    benchmark::DoNotOptimize(hits);
  }
  set_bytes(state);
}
BENCHMARK(BM_Match)->Unit(benchmark::kMillisecond);

// The whole job on one document: read, validate, segment, tokenize,
// normalize, match the default codebook and count themes per segment.
void BM_Pipeline(benchmark::State& state) {
  if (!have_corpus(state)) return;
  std::int64_t matches = 0;
  for (auto _ : state) {
    auto text = charterkit::load_text(corpus_path());
    auto doc = charterkit::read_text_document(std::move(text).value(), "bench", rules(), nullptr);
    auto profile = charterkit::profile_document(doc.value(), tokenizer(), matcher());
    matches = 0;
    for (std::int64_t c : profile.value().counts) matches += c;
  }
  set_bytes(state);
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

// A folder of documents, read and matched on state.range(0) threads (as
// `charter themes FOLDER -j N` does, without its start-up and output): how
// the work on many documents scales with threads.
void BM_Folder(benchmark::State& state) {
  const char* folder = std::getenv("CHARTERKIT_BENCH_FOLDER");
  if (folder == nullptr || *folder == '\0') {
    state.SkipWithError("set CHARTERKIT_BENCH_FOLDER to a folder of documents (bench/run.sh: ToTA's English treaties)");
    return;
  }
  charterkit::BatchOptions batch;
  batch.threads = static_cast<unsigned>(state.range(0));
  std::int64_t bytes = 0;
  for (auto _ : state) {
    charterkit::Corpus corpus;
    charterkit::Status loaded = charterkit::add_path(corpus, folder, rules(), batch.threads);
    if (!loaded.ok()) {
      state.SkipWithError(loaded.to_string().c_str());
      return;
    }
    auto matches = charterkit::match_documents(corpus.documents, matcher().codebook(), batch);
    benchmark::DoNotOptimize(matches.ok());
    bytes = 0;
    for (const auto& d : corpus.documents) bytes += static_cast<std::int64_t>(d.text.bytes.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
  state.counters["threads"] = static_cast<double>(batch.threads);
}
BENCHMARK(BM_Folder)->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
