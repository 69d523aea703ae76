// The tokenizer's fast path against ICU alone (TokenizerOptions::fast_path =
// false): every token's span, kind, normalized form, sentence and position
// must be the same, on real treaties, on random text built to hit every rule
// of UAX #29, on the benchmarks' generated corpus, and on Unicode's own
// word-break test strings.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/text.h"
#include "charterkit/tokenizer.h"
#include "test_util.h"

namespace fs = std::filesystem;
using charterkit::Token;
using test_util::append_utf8;
using charterkit::Tokenizer;
using charterkit::TokenizerOptions;

namespace {

Tokenizer& fast_tokenizer() {
  static Tokenizer t = std::move(Tokenizer::Create()).value();
  return t;
}

Tokenizer& icu_tokenizer() {
  static Tokenizer t = std::move(Tokenizer::Create(TokenizerOptions{false})).value();
  return t;
}

std::string describe(std::string_view text, const Token& t) {
  std::ostringstream out;
  out << "[" << t.begin << "," << t.end << ") '" << text.substr(t.begin, t.end - t.begin) << "' -> '" << t.normalized
      << "' kind " << charterkit::to_string(t.kind) << " sentence " << t.sentence << " position " << t.position;
  return out.str();
}

// Returns "" when both paths agree on `text`, else the first difference with
// some context.
std::string difference(std::string_view text) {
  auto fast = fast_tokenizer().tokenize(text);
  auto icu = icu_tokenizer().tokenize(text);
  if (!fast.ok() || !icu.ok()) return "tokenize failed";
  const std::vector<Token>& a = fast.value();
  const std::vector<Token>& b = icu.value();
  for (std::size_t k = 0; k < std::max(a.size(), b.size()); ++k) {
    if (k < a.size() && k < b.size() && a[k].begin == b[k].begin && a[k].end == b[k].end &&
        a[k].kind == b[k].kind && a[k].normalized == b[k].normalized && a[k].sentence == b[k].sentence &&
        a[k].position == b[k].position) {
      continue;
    }
    std::ostringstream out;
    out << "token " << k << ": fast " << (k < a.size() ? describe(text, a[k]) : "(none)") << "; ICU "
        << (k < b.size() ? describe(text, b[k]) : "(none)");
    const std::size_t at = k < b.size() ? b[k].begin : (k < a.size() ? a[k].begin : 0);
    const std::size_t from = at > 40 ? at - 40 : 0;
    out << "; near: " << text.substr(from, 80);
    return out.str();
  }
  return "";
}

fs::path shared_corpora() { return fs::path(CHARTERKIT_SOURCE_DIR) / ".." / "shared" / "corpora"; }

}  // namespace

TEST_CASE("fast and ICU tokenizers agree on random text that hits every rule", "[tokenizer][differential]") {
  // Pieces chosen to meet each word and sentence rule: letters of several
  // scripts and cases, digits, every "mid" character, connectors, combining
  // and format characters, emoji and ZWJ, regional indicators, Hebrew,
  // Katakana, Han, Thai, symbols, white space of every kind, terminators,
  // closing punctuation, line breaks and empty lines.
  const std::vector<std::u32string> pieces = {
      U"a", U"Z", U"peace", U"Security", U"UN", U"я", U"Ж", U"мир", U"Қауіпсіздік", U"ß", U"İ", U"ς", U"Σ",
      U"é", U"e\u0301", U"ǅ", U"ﬁ", U"Ａ", U"µ", U"ª", U"ŉ", U"ı", U"Ω", U"ϐ", U"ա", U"ب", U"\u0651",
      U"א", U"\"", U"'", U"’", U"‘", U".", U",", U";", U":", U"·", U"_", U"@", U"#", U"$", U"%", U"&",
      U"*", U"+", U"-", U"/", U"<", U"=", U">", U"^", U"`", U"|", U"~", U"©", U"®", U"§", U"¶", U"°",
      U"½", U"²", U"0", U"1", U"1945", U"3.5", U"١", U"٢", U"!", U"?", U"…", U"。", U"？", U"(", U")",
      U"[", U"]", U"{", U"}", U"«", U"»", U"“", U"”", U"—", U"–", U"\u00AD", U"\u200B", U"\u200D",
      U"\u2060", U"\uFEFF", U"😀", U"👍🏽", U"🇰🇿", U"🇷", U"ア", U"ー", U"ｱ", U"中", U"国家", U"安全",
      U"ไทย", U"ສ", U"한국", U" ", U"  ", U"\t", U"\n", U"\r\n", U"\n\n", U"\n \n", U"\r", U"\v", U"\f",
      U"\u0085", U"\u2028", U"\u2029", U"\u00A0", U"\u3000", U"\u2003", U"\x01", U"\x7f", U"e.g.",
      U"U.S.", U"Art. 5", U"No. 3", U"etc. the", U"! The", U". the", U". The", U". 1945", U".) The",
      U".\" The", U"?\n\nThe", U"\u0589 The", U"\u061F \u0628", U"\u06D4 The", U"\u0700", U"\u07F9 \u07CA", U"l'", U"d'une", U"1,000", U"2.5", U"art.5", U"\u00B7", U"\u0387", U"\u037E"};
  std::mt19937 rng(20261129);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1), length(1, 60);
  std::string failures;
  int failed = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    for (std::size_t n = length(rng); n > 0; --n) {
      for (char32_t c : pieces[pick(rng)]) append_utf8(text, c);
    }
    const std::string d = difference(text);
    if (!d.empty() && ++failed <= 5) failures += "\n" + d;
  }
  INFO(failed << " of 3000 random texts differ:" << failures);
  CHECK(failed == 0);
}

TEST_CASE("fast and ICU tokenizers agree on Unicode's word-break test strings", "[tokenizer][differential]") {
  std::ifstream in(CHARTERKIT_WORDBREAK_TEST);
  INFO(CHARTERKIT_WORDBREAK_TEST << " is missing: install Debian's unicode-data");
  REQUIRE(in.good());
  std::string line;
  int cases = 0;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string body = line.substr(0, line.find('#'));
    if (body.find_first_not_of(" \t") == std::string::npos) continue;
    std::istringstream words(body);
    std::string text, word;
    while (words >> word) {
      if (word != "÷" && word != "×") append_utf8(text, static_cast<char32_t>(std::stoul(word, nullptr, 16)));
    }
    ++cases;
    INFO("WordBreakTest.txt line " << number);
    REQUIRE(difference(text) == "");
    // The same string between words, as it would stand in running text.
    REQUIRE(difference("Art. " + text + " peace " + text + ". The") == "");
  }
  CHECK(cases == 1823);
}

TEST_CASE("fast and ICU tokenizers agree on a generated English and Russian treaty corpus", "[tokenizer][differential]") {
  // charterkit_gencorpus, the benchmarks' generator: articles of numbered
  // paragraphs, wrapped lines, words of the built-in corpus and codebook with
  // a Zipf-like law, numbers, commas, parenthesized asides.
  const std::string path = std::string(CHARTERKIT_BINARY_DIR) + "/differential-corpus." + std::to_string(::getpid()) + ".txt";
  const test_util::Run generated =
      test_util::shell(std::string("'") + CHARTERKIT_GENCORPUS_EXE + "' --mb 2 --out '" + path + "'");
  INFO(generated.err);
  REQUIRE(generated.exit_code == 0);
  auto text = charterkit::load_text(path);
  std::remove(path.c_str());
  REQUIRE(text.ok());
  REQUIRE(text.value().content().size() >= 2000000);
  CHECK(difference(text.value().content()) == "");
}

TEST_CASE("fast and ICU tokenizers agree on the UN Charter, the NATO treaty and ToTA", "[tokenizer][differential][shared]") {
  const fs::path corpora = shared_corpora();
  if (!fs::exists(corpora)) {
    WARN("skipped: " << corpora << " is absent");
    return;
  }
  std::vector<fs::path> texts;
  for (const char* lang : {"ar", "en", "es", "fr", "ru", "zh"}) {
    texts.push_back(corpora / "un-charter" / (std::string(lang) + ".txt"));
  }
  texts.push_back(corpora / "north-atlantic-treaty" / "en.txt");
  for (const fs::path& path : texts) {
    INFO(path);
    auto text = charterkit::load_text(path.string());
    REQUIRE(text.ok());
    REQUIRE(difference(text.value().content()) == "");
  }
  // ToTA: every third treaty (150 of 450), to keep the suite quick.
  std::vector<fs::path> treaties;
  for (const auto& entry : fs::directory_iterator(corpora / "tota" / "xml")) treaties.push_back(entry.path());
  std::sort(treaties.begin(), treaties.end());
  REQUIRE(treaties.size() >= 450);
  std::size_t checked = 0;
  for (std::size_t i = 0; i < treaties.size(); i += 3) {
    INFO(treaties[i]);
    auto xml = charterkit::load_text(treaties[i].string());
    REQUIRE(xml.ok());
    auto doc = charterkit::read_tota_document(xml.value(), treaties[i].stem().string());
    REQUIRE(doc.ok());
    REQUIRE(difference(doc.value().text.content()) == "");
    ++checked;
  }
  CHECK(checked == 150);
}
