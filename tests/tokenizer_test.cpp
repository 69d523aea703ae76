// Tokenizer: normalization, kinds, byte spans, sentences and Chinese words.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "charterkit/tokenizer.h"

using charterkit::Token;
using charterkit::TokenKind;
using charterkit::Tokenizer;

namespace {

Tokenizer& shared_tokenizer() {
  static Tokenizer tokenizer = std::move(Tokenizer::Create()).value();
  return tokenizer;
}

std::vector<Token> tokens_of(std::string_view text, std::size_t base = 0) {
  auto tokens = shared_tokenizer().tokenize(text, base);
  REQUIRE(tokens.ok());
  return std::move(tokens).value();
}

// Checks that `got` has the tokens of `expected`, field by field; sentences
// too, unless `sentences` is false, when every sentence must be 0.
void check_same_tokens(const std::vector<Token>& expected, const Token* got, std::size_t n, bool sentences = true) {
  REQUIRE(n == expected.size());
  for (std::size_t k = 0; k < n; ++k) {
    const Token& x = expected[k];
    const Token& y = got[k];
    INFO("token " << k << " " << x.normalized);
    CHECK(y.begin == x.begin);
    CHECK(y.end == x.end);
    CHECK(y.kind == x.kind);
    CHECK(y.position == x.position);
    CHECK(y.normalized == x.normalized);
    CHECK(y.sentence == (sentences ? x.sentence : 0));
  }
}

std::vector<std::string> slices(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

}  // namespace

TEST_CASE("normalization is NFKC with full case folding", "[tokenizer]") {
  const struct {
    const char* what;
    const char* input;
    const char* expected;
  } cases[] = {
      {"English capitals", "TERRORISM", "terrorism"},
      {"title case", "Terrorism", "terrorism"},
      {"full-width Latin", "ｔｅｒｒｏｒｉｓｍ", "terrorism"},
      {"full-width capitals", "ＴＥＲＲＯＲＩＳＭ", "terrorism"},
      {"fi ligature", "ﬁnancial", "financial"},
      {"ffi ligature", "traﬃc", "traffic"},
      {"sharp s folds fully", "STRAẞE", "strasse"},
      {"German sharp s lower", "straße", "strasse"},
      {"Russian capitals", "ТЕРРОРИЗМ", "терроризм"},
      {"Russian ё keeps its diaeresis", "ЁЛКА", "ёлка"},
      {"Kazakh ә", "ӘСКЕРИ", "әскери"},
      {"Kazakh і ң ғ", "ІНТЫМАҚ ҢҒ", "інтымақ ңғ"},
      {"Kazakh ү ұ қ ө һ", "ҮҰҚӨҺ", "үұқөһ"},
      {"Kazakh word", "ҚАУІПСІЗДІК", "қауіпсіздік"},
      {"Chinese is unchanged", "恐怖主义", "恐怖主义"},
      {"full-width digits", "２０１０", "2010"},
      {"CJK compatibility ideograph", "\xEF\xA4\x80", "\xE8\xB1\x88"},  // U+F900 -> U+8C48
      {"Kangxi radical", "\xE2\xBC\x80", "一"},                             // U+2F00 -> U+4E00
      {"half-width katakana", "ｶﾀｶﾅ", "カタカナ"},
      {"Greek final sigma folds to sigma", "ΟΔΟΣ", "οδοσ"},
      {"soft hyphen is removed", "terror\xC2\xADism", "terrorism"},
      {"combining sequence composes", "e\xCC\x81", "\xC3\xA9"},
      {"Roman numeral", "Ⅻ", "xii"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      auto out = shared_tokenizer().normalize(c.input);
      REQUIRE(out.ok());
      CHECK(out.value() == c.expected);
    }
  }
}

TEST_CASE("capitalized, full-width and folded forms are one token form", "[tokenizer]") {
  const auto tokens = tokens_of("Terrorism TERRORISM ｔｅｒｒｏｒｉｓｍ terrorism");
  REQUIRE(tokens.size() == 4);
  for (const Token& t : tokens) CHECK(t.normalized == "terrorism");
}

TEST_CASE("byte spans slice the original text back exactly", "[tokenizer]") {
  const std::string texts[] = {
      "The SCO Charter emphasizes “multilateral cooperation” — peace, security and stability.",
      "Статья 1. Целями Организации являются: укрепление мира, международной безопасности.",
      "1-бап. Ұжымдық қауіпсіздік шарты ұйымының мақсаттары: бейбітшілікті нығайту.",
      "第一条 上海合作组织的宗旨和任务是：加强成员国间的相互信任与睦邻友好。",
      "ｆｕｌｌ－ｗｉｄｔｈ ＴＥＸＴ and ﬁ ligatures\r\nwith CRLF\rand CR",
      "\xF0\x9F\x8C\x8D emoji, § 5, $100, 3.5%, don't, U.N., e-mail",
  };
  for (const std::string& text : texts) {
    const auto tokens = tokens_of(text);
    REQUIRE_FALSE(tokens.empty());
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      CHECK(t.position == i);
      CHECK(t.begin >= previous_end);
      CHECK(t.begin < t.end);
      CHECK(t.end <= text.size());
      previous_end = t.end;
      // The slice normalizes to the token's form, so the span is the token's own.
      auto again = shared_tokenizer().normalize(text.substr(t.begin, t.end - t.begin));
      REQUIRE(again.ok());
      CHECK(again.value() == t.normalized);
    }
  }
}

TEST_CASE("spans are offset by the base given", "[tokenizer]") {
  const std::string file = "\xEF\xBB\xBFPeace and security";
  const auto tokens = tokens_of(std::string_view(file).substr(3), 3);
  REQUIRE(tokens.size() == 3);
  CHECK(file.substr(tokens[0].begin, tokens[0].end - tokens[0].begin) == "Peace");
  CHECK(file.substr(tokens[2].begin, tokens[2].end - tokens[2].begin) == "security");
}

TEST_CASE("spaces and punctuation are not tokens, and kinds are told apart", "[tokenizer]") {
  // "§" is punctuation (Po) in Unicode; "№" and "$" are symbols (So, Sc).
  const std::string text = "In 1945, the U.N. — § № $ 上海 カタカナ don't…";
  const auto tokens = tokens_of(text);
  CHECK(slices(text, tokens) ==
        std::vector<std::string>{"In", "1945", "the", "U.N", "№", "$", "上海", "カタカナ", "don't"});
  std::vector<TokenKind> kinds;
  for (const Token& t : tokens) kinds.push_back(t.kind);
  CHECK(kinds == std::vector<TokenKind>{TokenKind::kWord, TokenKind::kNumber, TokenKind::kWord,
                                        TokenKind::kWord, TokenKind::kOther, TokenKind::kOther,
                                        TokenKind::kIdeographic, TokenKind::kIdeographic,
                                        TokenKind::kWord});
  CHECK(tokens[4].normalized == "no");  // NFKC spells out the numero sign
  CHECK(charterkit::to_string(TokenKind::kIdeographic) == "ideographic");
}

TEST_CASE("Chinese is cut into dictionary words", "[tokenizer][zh]") {
  const std::string text = "上海合作组织";
  CHECK(slices(text, tokens_of(text)) == std::vector<std::string>{"上海", "合作", "组织"});
  const std::string charter = "集体安全条约组织宪章";
  const auto words = slices(charter, tokens_of(charter));
  CHECK(words.front() == "集体");
  CHECK(words.back() == "宪章");
}

TEST_CASE("sentences are numbered, and wrapped lines do not end them", "[tokenizer]") {
  const struct {
    const char* what;
    const char* text;
    std::vector<std::size_t> sentences;  // one per token
  } cases[] = {
      {"two sentences", "Peace is good. War is bad.", {0, 0, 0, 1, 1, 1}},
      {"question and exclamation", "Why? Because! Yes.", {0, 1, 2}},
      {"a wrapped line continues the sentence", "to combat\nterrorism and\r\nseparatism.", {0, 0, 0, 0, 0}},
      {"an empty line ends it", "Article 1\n\nThe purposes", {0, 0, 1, 1}},
      {"an empty line with spaces ends it", "Article 1\n  \nThe purposes", {0, 0, 1, 1}},
      {"empty CRLF line ends it", "Article 1\r\n\r\nThe purposes", {0, 0, 1, 1}},
      {"Russian", "Статья 1. Цели. Принципы.", {0, 0, 1, 2}},
      {"Chinese full stop", "加强互信。打击恐怖主义。", {0, 0, 1, 1, 1}},
      {"numbering is dense over token-less sentences", "One. ... ! Two.", {0, 1}},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      const auto tokens = tokens_of(c.text);
      std::vector<std::size_t> sentences;
      for (const Token& t : tokens) sentences.push_back(t.sentence);
      CHECK(sentences == c.sentences);
    }
  }
}

TEST_CASE("without sentences the tokens are the same and every sentence is 0", "[tokenizer]") {
  const std::string text =
      "Article 1. The U.N. shall act!\n\nСтатья 2. Цели: мир, 1,000 (§ 3).\n加强互信。打击恐怖主义。 e\u0301 😀 Why? Yes.";
  for (const bool fast : {true, false}) {
    INFO((fast ? "fast path" : "ICU alone"));
    charterkit::TokenizerOptions with, without;
    with.fast_path = without.fast_path = fast;
    without.sentences = false;
    auto a = Tokenizer::Create(with), b = Tokenizer::Create(without);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto expected = a.value().tokenize(text, 7), got = b.value().tokenize(text, 7);
    REQUIRE(expected.ok());
    REQUIRE(got.ok());
    CHECK(expected.value().back().sentence > 3);  // the text has sentences to lose
    check_same_tokens(expected.value(), got.value().data(), got.value().size(), false);
  }
}

TEST_CASE("tokenize_into reuses a vector and gives what tokenize gives", "[tokenizer]") {
  // Texts of falling and rising length, so that slots are reused with longer,
  // shorter and differently kinded tokens in them, and spares are left over.
  const std::vector<std::string> texts = {
      "Безопасность и сотрудничество. The Organization shall act!\n\nСтатья 2. Цели: мир, 1,000 (§ 3). U.N. e\u0301",
      "加强互信。打击恐怖主义。",
      "peace",
      "",
      "Peace. Security? 2002 года; 😀 Why? Yes.\n\nАбзац второй, длиннее первого предложения.",
  };
  std::vector<Token> reused;  // shared by all four tokenizers: slots hold others' sentence numbers
  for (const bool fast : {true, false}) {
    for (const bool sentences : {true, false}) {
      INFO((fast ? "fast path" : "ICU alone") << (sentences ? "" : ", no sentences"));
      charterkit::TokenizerOptions options;
      options.fast_path = fast;
      options.sentences = sentences;
      auto tokenizer = Tokenizer::Create(options);
      REQUIRE(tokenizer.ok());
      for (const std::string& text : texts) {
        INFO("text: " << text);
        auto expected = tokenizer.value().tokenize(text, 3);
        REQUIRE(expected.ok());
        auto n = tokenizer.value().tokenize_into(text, 3, reused);
        REQUIRE(n.ok());
        REQUIRE(reused.size() >= n.value());
        check_same_tokens(expected.value(), reused.data(), n.value());
      }
    }
  }
}

TEST_CASE("the fast path cuts ordinary prose and leaves to ICU only what needs it", "[tokenizer]") {
  const struct {
    const char* what;
    std::string text;
    std::size_t icu_bytes;  // the rest is the fast path's
  } cases[] = {
      {"English and Russian prose, numbers and punctuation",
       "Article 1. The purposes (of 1945) are: peace, security!\n\nСтатья 2. Цели: мир; «безопасность»? Да.", 0},
      {"a dash of three bytes goes to ICU with the space before it", "Цели — мир", 4},
      {"Greek, Armenian, Arabic and Kazakh words", "Ειρήνη Խաղաղություն سلام Қауіпсіздік", 0},
      {"full stops, commas and apostrophes between letters or digits",
       "the U.N. Charter, about 1,000 troops, 2.5 per cent, the Party's, l'Organisation, aujourd'hui", 0},
      {"a mid character between a letter and a digit", "art.5 and 5.a", 0},
      {"Chinese goes to ICU whole", "加强互信。打击恐怖主义。", 36},
      {"an emoji and the space before it", "peace 😀 now", 5},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      auto tokenizer = Tokenizer::Create();
      REQUIRE(tokenizer.ok());
      REQUIRE(tokenizer.value().tokenize(c.text).ok());
      CHECK(tokenizer.value().stats().icu_bytes == c.icu_bytes);
      CHECK(tokenizer.value().stats().fast_bytes == c.text.size() - c.icu_bytes);
      // Counts add up over calls, and ICU alone cuts everything.
      std::vector<Token> tokens;
      REQUIRE(tokenizer.value().tokenize_into(c.text, 0, tokens).ok());
      CHECK(tokenizer.value().stats().icu_bytes == 2 * c.icu_bytes);
      CHECK(tokenizer.value().stats().fast_bytes == 2 * (c.text.size() - c.icu_bytes));
      auto icu = Tokenizer::Create(charterkit::TokenizerOptions{false});
      REQUIRE(icu.ok());
      REQUIRE(icu.value().tokenize(c.text).ok());
      CHECK(icu.value().stats().icu_bytes == c.text.size());
      CHECK(icu.value().stats().fast_bytes == 0);
    }
  }
}

TEST_CASE("word boundaries include both ends and every segment", "[tokenizer]") {
  auto boundaries = shared_tokenizer().word_boundaries("ab, cd");
  REQUIRE(boundaries.ok());
  CHECK(boundaries.value() == std::vector<std::size_t>{0, 2, 3, 4, 6});
  auto empty = shared_tokenizer().word_boundaries("");
  REQUIRE(empty.ok());
  CHECK(empty.value() == std::vector<std::size_t>{0});
  CHECK(tokens_of("").empty());
  CHECK(tokens_of(" \n\t ,.;").empty());
}
