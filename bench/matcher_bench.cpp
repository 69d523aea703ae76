// Matching cost per token as the codebook grows from 17 to 10,000 entries.
// Run: ./charter.sh bench   (or build with -DCHARTERKIT_BUILD_BENCHMARKS=ON and
// run build/bench/charterkit_bench).
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "charterkit/codebook.h"
#include "charterkit/matcher.h"
#include "charterkit/tokenizer.h"

namespace {

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

// A pseudo-random word of 3 to 10 letters, the same for the same seed.
std::string word(std::mt19937& rng) {
  std::uniform_int_distribution<int> length(3, 10), letter(0, 25);
  std::string w;
  for (int i = length(rng); i > 0; --i) w += static_cast<char>('a' + letter(rng));
  return w;
}

// Text of `n` tokens drawn from a Zipf-like vocabulary of 20,000 words.
const std::vector<charterkit::Token>& text_tokens() {
  static std::vector<charterkit::Token> tokens = [] {
    std::mt19937 rng(42);
    std::vector<std::string> vocabulary;
    while (vocabulary.size() < 20000) {
      std::string w = word(rng);
      if (w.rfind("qz", 0) != 0) vocabulary.push_back(std::move(w));  // "qz" starts the entries that never match
    }
    std::string text;
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int i = 0; i < 200000; ++i) {
      const auto rank = static_cast<std::size_t>(std::pow(20000.0, u(rng))) - 1;  // log-uniform ranks
      text += vocabulary[rank] + (i % 20 == 19 ? ". " : " ");
    }
    return std::move(tokenizer().tokenize(text)).value();
  }();
  return tokens;
}

// A codebook of `entries` entries over 17 themes: 40% words, 40% globs
// (prefix*), 15% two-word phrases, 5% NEAR rules. With `miss`, every entry
// starts with "qz", which no word of the text does: the cost of looking up
// alone, with the same (zero) number of hits at every size.
charterkit::Codebook codebook(int entries, bool miss = false) {
  std::mt19937 rng(7);
  std::string yaml = "themes:\n";
  for (int t = 0; t < 17; ++t) {
    yaml += "  - id: t" + std::to_string(t) + "\n    entries:\n      en:\n";
    for (int e = t; e < entries; e += 17) {
      const int kind = e % 20;
      const std::string prefix = miss ? "qz" : "";
      std::string w = prefix;
      w += word(rng);
      if (kind < 8) {
        yaml += "        - " + w + "\n";
      } else if (kind < 16) {
        yaml += "        - " + w.substr(0, 4) + "*\n";
      } else if (kind < 19) {
        yaml += "        - " + w + " " + prefix + word(rng) + "\n";
      } else {
        yaml += "        - " + w + " NEAR/5 " + prefix + word(rng).substr(0, 3) + "*\n";
      }
    }
  }
  auto text = charterkit::text_from_bytes(yaml, "bench.yaml");
  return std::move(charterkit::Codebook::Parse(text.value(), tokenizer())).value();
}

void BM_Match(benchmark::State& state) {
  const charterkit::Codebook book = codebook(static_cast<int>(state.range(0)));
  const charterkit::Matcher matcher = std::move(charterkit::Matcher::Compile(book)).value();
  const auto& tokens = text_tokens();
  std::size_t hits = 0;
  for (auto _ : state) {
    hits = matcher.match(tokens, "en").size();
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tokens.size()));
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["ns_per_token"] = benchmark::Counter(static_cast<double>(tokens.size()),
                                                      benchmark::Counter::kIsIterationInvariantRate |
                                                          benchmark::Counter::kInvert);
}
BENCHMARK(BM_Match)->Arg(17)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_MatchLookupOnly(benchmark::State& state) {
  const charterkit::Codebook book = codebook(static_cast<int>(state.range(0)), true);
  const charterkit::Matcher matcher = std::move(charterkit::Matcher::Compile(book)).value();
  const auto& tokens = text_tokens();
  for (auto _ : state) benchmark::DoNotOptimize(matcher.match(tokens, "en").size());
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * tokens.size()));
  state.counters["ns_per_token"] = benchmark::Counter(static_cast<double>(tokens.size()),
                                                      benchmark::Counter::kIsIterationInvariantRate |
                                                          benchmark::Counter::kInvert);
}
BENCHMARK(BM_MatchLookupOnly)->Arg(17)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
