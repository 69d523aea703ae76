// Validation of a codebook against human coding: reading codings, and every
// figure of validate_coding against values computed by hand.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/matcher.h"
#include "charterkit/validation.h"
#include "test_util.h"

using charterkit::Codebook;
using charterkit::Coding;
using charterkit::Document;
using charterkit::ThemeAgreement;
using charterkit::Validation;

namespace {

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

charterkit::Text text(const std::string& bytes, const std::string& name) {
  auto t = charterkit::text_from_bytes(bytes, name);
  REQUIRE(t.ok());
  return std::move(t).value();
}

// Four themes. "migration" is found nowhere and coded nowhere, so that every
// one of its measures is undefined.
const Codebook& codebook() {
  static const Codebook book = [] {
    auto parsed = Codebook::Parse(text("name: tiny\n"
                                       "languages: [en]\n"
                                       "themes:\n"
                                       "  - id: peace\n"
                                       "    entries: {en: [peace]}\n"
                                       "  - id: terrorism\n"
                                       "    entries: {en: ['terroris*']}\n"
                                       "  - id: trade\n"
                                       "    entries: {en: [trade]}\n"
                                       "  - id: migration\n"
                                       "    entries: {en: [migration]}\n",
                                       "tiny.yaml"),
                                  tokenizer());
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
  }();
  return book;
}

constexpr std::size_t kPeace = 0, kTerrorism = 1, kTrade = 2, kMigration = 3;

// Two documents. The tool finds (as the codebook's entries say):
//   alpha preamble: peace                  ("preserve peace")
//   alpha art1:     terrorism              ("terrorism"; "terror" is not terroris*)
//   alpha art2:     peace, trade           ("Peace Mission" is an exercise's name, but `peace` matches it)
//   beta  art1:     nothing                ("acts of terror": not terroris*)
//   beta  art2:     nothing
const std::vector<Document>& documents() {
  static const std::vector<Document> docs = [] {
    auto rules = charterkit::HeadingRules::Default();
    REQUIRE(rules.ok());
    std::vector<Document> out;
    for (const auto& [id, body] : std::vector<std::pair<std::string, std::string>>{
             {"alpha",
              "Resolved to preserve peace,\n"
              "Article 1\n"
              "The parties fight terrorism and terror.\n"
              "Article 2\n"
              "The parties hold the Peace Mission exercise and promote trade.\n"},
             {"beta",
              "Article 1\n"
              "The parties resist acts of terror.\n"
              "Article 2\n"
              "Nothing else.\n"}}) {
      auto doc = charterkit::read_text_document(text("---\nlanguage: en\n---\n" + body, id + ".txt"), id, rules.value(),
                                                nullptr);
      REQUIRE(doc.ok());
      out.push_back(std::move(doc).value());
    }
    return out;
  }();
  return docs;
}

charterkit::Result<Coding> parse(const std::string& csv, const std::string& name = "coding.csv") {
  return charterkit::parse_coding(text(csv, name), codebook());
}

Coding coding(const std::string& csv, const std::string& name) {
  auto c = parse(csv, name);
  INFO(c.status().to_string());
  REQUIRE(c.ok());
  return std::move(c).value();
}

charterkit::Result<Validation> validate(const std::vector<Coding>& codings) {
  static const charterkit::Matcher matcher = std::move(charterkit::Matcher::Compile(codebook())).value();
  return charterkit::validate_coding(codings, documents(), tokenizer(), matcher);
}

// Coder A codes both documents; the row order, the quoting, CRLF line ends,
// a blank line, an extra column and a repeated row are all allowed.
//   alpha preamble: peace       (line 2)
//   alpha art1:     terrorism   (line 3)
//   alpha art2:     trade       (line 4; not peace: "Peace Mission" is a name)
//   beta  art1:     terrorism   (line 7, after the note over lines 4-5 and a blank
//                                line; "acts of terror"); repeated on line 8
const std::string kCoderA =
    "theme,Document,segment,note\r\n"
    "peace,alpha,preamble,\"\"\"preserve peace\"\"\"\r\n"
    "terrorism,alpha,art1,\r\n"
    " trade , alpha , art2 ,\"promote trade,\r\nnot the exercise\"\r\n"
    "\r\n"
    "terrorism,beta,art1,acts of terror\r\n"
    "terrorism,beta,art1,repeated by mistake\r\n";

// Coder B codes alpha only (beta is missing for B, not "no theme"):
//   alpha preamble: peace
//   alpha art1:     nothing
//   alpha art2:     trade, peace
const std::string kCoderB =
    "document,segment,theme\n"
    "alpha,preamble,peace\n"
    "alpha,art2,trade\n"
    "alpha,art2,peace\n";

const ThemeAgreement& row(const Validation& v, std::size_t coding, std::size_t theme) {
  for (const ThemeAgreement& a : v.agreement) {
    if (a.coding == coding && a.theme == theme) return a;
  }
  FAIL("no row for coding " << coding << " and theme " << theme);
  return v.agreement.front();
}

void check_counts(const ThemeAgreement& a, std::int64_t cells, std::int64_t tp, std::int64_t fp, std::int64_t fn,
                  std::int64_t tn) {
  CHECK(a.cells == cells);
  CHECK(a.tp == tp);
  CHECK(a.fp == fp);
  CHECK(a.fn == fn);
  CHECK(a.tn == tn);
}

}  // namespace

TEST_CASE("a coding is read with its rows, places and warnings", "[validation]") {
  const Coding a = coding(kCoderA, "coder-a.csv");
  CHECK(a.name == "coder-a.csv");
  REQUIRE(a.rows.size() == 4);
  CHECK(a.rows[0].document == "alpha");
  CHECK(a.rows[0].segment == "preamble");
  CHECK(a.rows[0].theme == kPeace);
  CHECK(a.rows[2].document == "alpha");  // spaces around values are dropped
  CHECK(a.rows[2].segment == "art2");
  CHECK(a.rows[2].theme == kTrade);
  CHECK(a.rows[2].document_at.line == 4);
  CHECK(a.rows[2].document_at.column == 9);  // the field's start, its space included
  // The quoted note spans lines 4 and 5, line 6 is blank, so beta's row is on line 7.
  CHECK(a.rows[3].document_at.line == 7);
  CHECK(a.rows[3].segment_at.column == 16);
  REQUIRE(a.warnings.size() == 1);
  CHECK(a.warnings[0].to_string() ==
        "coder-a.csv:8:11: warning: the same row as line 7; counted once (byte offset 202)");
}

TEST_CASE("the tool against one coder: every figure by hand", "[validation]") {
  auto v = validate({coding(kCoderA, "coder-a.csv")});
  REQUIRE(v.ok());
  // Cells: alpha's 3 segments and beta's 2, times 4 themes: 5 per theme, 20 in all.
  // (human, tool) per segment: alpha preamble, alpha art1, alpha art2, beta art1, beta art2.
  REQUIRE(v->agreement.size() == 5);  // 4 themes and overall

  // peace: (1,1) (0,0) (0,1) (0,0) (0,0): TP 1, FP 1, FN 0, TN 3.
  //   precision 1/2, recall 1/1, F1 = 2*1 / (2*1 + 1 + 0) = 2/3.
  //   kappa: p_o = 4/5; human ones 1/5, tool ones 2/5;
  //          p_e = (1/5)(2/5) + (4/5)(3/5) = 14/25; kappa = (20/25 - 14/25) / (11/25) = 6/11.
  //   alpha: coincidences o11 = 2, o00 = 6, o01 = o10 = 1; n1 = 3, n0 = 7, n = 10;
  //          alpha = 1 - (n - 1)(o01 + o10) / (2 n0 n1) = 1 - 9 * 2 / 42 = 4/7.
  const ThemeAgreement& peace = row(*v, 0, kPeace);
  check_counts(peace, 5, 1, 1, 0, 3);
  CHECK(peace.precision == Approx(0.5));
  CHECK(peace.recall == Approx(1.0));
  CHECK(peace.f1 == Approx(2.0 / 3.0));
  CHECK(peace.kappa == Approx(6.0 / 11.0));
  CHECK(peace.alpha == Approx(4.0 / 7.0));

  // terrorism: (0,0) (1,1) (0,0) (1,0) (0,0): TP 1, FP 0, FN 1, TN 3.
  //   precision 1, recall 1/2, F1 2/3; kappa: p_o = 4/5, human ones 2/5, tool ones 1/5,
  //   p_e = (2/5)(1/5) + (3/5)(4/5) = 14/25, kappa = 6/11; alpha as for peace, 4/7.
  const ThemeAgreement& terrorism = row(*v, 0, kTerrorism);
  check_counts(terrorism, 5, 1, 0, 1, 3);
  CHECK(terrorism.precision == Approx(1.0));
  CHECK(terrorism.recall == Approx(0.5));
  CHECK(terrorism.f1 == Approx(2.0 / 3.0));
  CHECK(terrorism.kappa == Approx(6.0 / 11.0));
  CHECK(terrorism.alpha == Approx(4.0 / 7.0));

  // trade: only alpha art2, both 1: TP 1, TN 4; every measure 1.
  const ThemeAgreement& trade = row(*v, 0, kTrade);
  check_counts(trade, 5, 1, 0, 0, 4);
  CHECK(trade.precision == 1.0);
  CHECK(trade.recall == 1.0);
  CHECK(trade.f1 == 1.0);
  CHECK(trade.kappa == 1.0);
  CHECK(trade.alpha == 1.0);

  // migration: TN 5 and nothing else: 0/0 everywhere, so NaN (printed NA), never 0.
  const ThemeAgreement& migration = row(*v, 0, kMigration);
  check_counts(migration, 5, 0, 0, 0, 5);
  CHECK(std::isnan(migration.precision));
  CHECK(std::isnan(migration.recall));
  CHECK(std::isnan(migration.f1));
  CHECK(std::isnan(migration.kappa));
  CHECK(std::isnan(migration.alpha));
  CHECK(std::isnan(migration.coders_alpha));  // one coder: no inter-coder alpha

  // overall, the 20 cells pooled: TP 3, FP 1, FN 1, TN 15.
  //   precision 3/4, recall 3/4, F1 6/8.
  //   kappa: p_o = 18/20; human ones 4/20, tool ones 4/20;
  //          p_e = (4/20)(4/20) + (16/20)(16/20) = 272/400; kappa = (360 - 272) / (400 - 272) = 88/128.
  //   alpha: o11 = 6, o00 = 30, o01 = o10 = 2; n1 = 8, n0 = 32, n = 40;
  //          alpha = 1 - 39 * 4 / (2 * 32 * 8) = 1 - 156/512 = 356/512.
  const ThemeAgreement& overall = row(*v, 0, charterkit::kOverall);
  check_counts(overall, 20, 3, 1, 1, 15);
  CHECK(overall.precision == Approx(0.75));
  CHECK(overall.recall == Approx(0.75));
  CHECK(overall.f1 == Approx(0.75));
  CHECK(overall.kappa == Approx(88.0 / 128.0));
  CHECK(overall.alpha == Approx(356.0 / 512.0));
  CHECK(v->agreement.back().theme == charterkit::kOverall);

  // The two disagreeing cells, in document, segment, theme order.
  REQUIRE(v->disagreements.size() == 2);
  const charterkit::Disagreement& fp = v->disagreements[0];
  CHECK(fp.document == "alpha");
  CHECK(fp.segment == "art2");
  CHECK(fp.theme == kPeace);
  CHECK_FALSE(fp.human);
  CHECK(fp.tool);
  CHECK(fp.line == 0);
  REQUIRE(fp.evidence.size() == 1);
  const std::string& alpha_bytes = documents()[0].text.bytes;
  const std::size_t at = alpha_bytes.find("Peace Mission");
  CHECK(fp.evidence[0].segment == "art2");
  CHECK(fp.evidence[0].begin == at);
  CHECK(fp.evidence[0].end == at + 5);
  CHECK(fp.evidence[0].text == "Peace");
  CHECK(fp.evidence[0].entry == "peace");

  const charterkit::Disagreement& fn = v->disagreements[1];
  CHECK(fn.document == "beta");
  CHECK(fn.segment == "art1");
  CHECK(fn.theme == kTerrorism);
  CHECK(fn.human);
  CHECK_FALSE(fn.tool);
  CHECK(fn.line == 7);
  CHECK(fn.evidence.empty());
}

TEST_CASE("two coders: the tool against each, and the coders' own alpha", "[validation]") {
  auto v = validate({coding(kCoderA, "coder-a.csv"), coding(kCoderB, "coder-b.csv")});
  REQUIRE(v.ok());
  REQUIRE(v->agreement.size() == 10);

  // Coder A's figures do not change with B beside it.
  check_counts(row(*v, 0, charterkit::kOverall), 20, 3, 1, 1, 15);
  CHECK(row(*v, 0, charterkit::kOverall).kappa == Approx(88.0 / 128.0));

  // The tool against B: only alpha's 3 segments are B's cells (12 in all).
  // (B, tool) for alpha preamble, art1, art2:
  //   peace      (1,1) (0,0) (1,1)   TP 2, TN 1
  //   terrorism  (0,0) (0,1) (0,0)   FP 1, TN 2
  //   trade      (0,0) (0,0) (1,1)   TP 1, TN 2
  //   migration  (0,0) (0,0) (0,0)   TN 3
  check_counts(row(*v, 1, kPeace), 3, 2, 0, 0, 1);
  CHECK(row(*v, 1, kPeace).kappa == 1.0);
  // terrorism: precision 0/1 = 0, recall 0/0 undefined, F1 = 0 / (0 + 1 + 0) = 0.
  //   kappa: p_o = 2/3, B has no one, tool ones 1/3: p_e = (3/3)(2/3) = 2/3, kappa = 0.
  //   alpha: o00 = 4, o01 = o10 = 1, n0 = 5, n1 = 1, n = 6: 1 - 5 * 2 / (2 * 5 * 1) = 0.
  const ThemeAgreement& terrorism = row(*v, 1, kTerrorism);
  check_counts(terrorism, 3, 0, 1, 0, 2);
  CHECK(terrorism.precision == 0.0);
  CHECK(std::isnan(terrorism.recall));
  CHECK(terrorism.f1 == 0.0);
  CHECK(terrorism.kappa == Approx(0.0).margin(1e-12));
  CHECK(terrorism.alpha == Approx(0.0).margin(1e-12));
  // overall: TP 3, FP 1, FN 0, TN 8 of 12 cells.
  //   precision 3/4, recall 3/3, F1 = 6 / (6 + 1) = 6/7.
  //   kappa: p_o = 11/12; B ones 3/12, tool ones 4/12;
  //          p_e = (3*4 + 9*8) / 144 = 84/144; kappa = (132 - 84) / (144 - 84) = 48/60 = 0.8.
  //   alpha: o11 = 6, o00 = 16, o01 = o10 = 1; n1 = 7, n0 = 17, n = 24;
  //          alpha = 1 - 23 * 2 / (2 * 17 * 7) = 1 - 46/238 = 192/238.
  const ThemeAgreement& overall_b = row(*v, 1, charterkit::kOverall);
  check_counts(overall_b, 12, 3, 1, 0, 8);
  CHECK(overall_b.precision == Approx(0.75));
  CHECK(overall_b.recall == 1.0);
  CHECK(overall_b.f1 == Approx(6.0 / 7.0));
  CHECK(overall_b.kappa == Approx(0.8));
  CHECK(overall_b.alpha == Approx(192.0 / 238.0));

  // The coders' alpha. beta's cells have A's value only (B did not code beta):
  // not pairable. alpha's 12 cells, (A, B):
  //   peace      (1,1) (0,0) (0,1)
  //   terrorism  (0,0) (1,0) (0,0)
  //   trade      (0,0) (0,0) (1,1)
  //   migration  (0,0) (0,0) (0,0)
  // Coincidence matrix of all 12 (each unit of two values adds 1 to o[a][b] and o[b][a]):
  //          0    1  | n_c
  //     0   16    2  |  18
  //     1    2    4  |   6        n = 24
  // alpha = 1 - (n - 1)(o01 + o10) / (2 n0 n1) = 1 - 23 * 4 / (2 * 18 * 6) = 1 - 92/216 = 124/216.
  // Per theme:
  //   peace:     o11 = 2, o00 = 2, o01 = o10 = 1; n0 = n1 = 3, n = 6: 1 - 5 * 2 / 18 = 4/9.
  //   terrorism: o00 = 4, o01 = o10 = 1; n0 = 5, n1 = 1, n = 6: 1 - 5 * 2 / 10 = 0.
  //   trade:     o00 = 4, o11 = 2: no disagreement, alpha = 1.
  //   migration: only zeros: undefined.
  // Both coders' rows carry the same coders_alpha.
  for (std::size_t c : {std::size_t{0}, std::size_t{1}}) {
    CHECK(row(*v, c, charterkit::kOverall).coders_alpha == Approx(124.0 / 216.0));
    CHECK(row(*v, c, kPeace).coders_alpha == Approx(4.0 / 9.0));
    CHECK(row(*v, c, kTerrorism).coders_alpha == Approx(0.0).margin(1e-12));
    CHECK(row(*v, c, kTrade).coders_alpha == 1.0);
    CHECK(std::isnan(row(*v, c, kMigration).coders_alpha));
  }

  // Disagreements: A's two, then B's one (terrorism in alpha art1, where only the tool sees it).
  REQUIRE(v->disagreements.size() == 3);
  CHECK(v->disagreements[2].coding == 1);
  CHECK(v->disagreements[2].document == "alpha");
  CHECK(v->disagreements[2].segment == "art1");
  CHECK(v->disagreements[2].theme == kTerrorism);
  REQUIRE(v->disagreements[2].evidence.size() == 1);
  CHECK(v->disagreements[2].evidence[0].text == "terrorism");
}

TEST_CASE("'-' marks a segment coded without any theme", "[validation]") {
  // beta is named only through "-": its 8 cells are coded 0, as the tool codes them.
  auto v = validate({coding("document,segment,theme\nbeta,art2,-\n", "none.csv")});
  REQUIRE(v.ok());
  const ThemeAgreement& overall = row(*v, 0, charterkit::kOverall);
  check_counts(overall, 8, 0, 0, 0, 8);
  // All agree on "absent": precision, recall, F1, kappa and alpha are 0/0.
  CHECK(std::isnan(overall.precision));
  CHECK(std::isnan(overall.recall));
  CHECK(std::isnan(overall.f1));
  CHECK(std::isnan(overall.kappa));
  CHECK(std::isnan(overall.alpha));
  CHECK(v->disagreements.empty());
}

TEST_CASE("bad codings are refused with the place of the problem", "[validation]") {
  const std::string header = "document,segment,theme\n";
  const struct {
    std::string csv;
    std::string message;  // the expected message, from file:line:column on
  } cases[] = {
      {"", "coding.csv:1:1: the coding has no header: its first row names the columns document,segment,theme"},
      {"\n\n", "coding.csv:1:1: the coding has no header"},
      {"alpha,art1,peace\n",
       "coding.csv:1:1: the first row must be the header document,segment,theme (columns in any order); "
       "it reads 'alpha,art1,peace'"},
      {"doc,segment,theme\nalpha,art1,peace\n", "coding.csv:1:1: the header names no column document (a coding has"},
      {"document,segment,theme,Theme\n", "coding.csv:1:24: the column 'theme' is named twice in the header"},
      {header, "coding.csv:1:1: the coding has a header but no rows"},
      {header + "alpha,art1\n", "coding.csv:2:11: this row has 2 fields; the header has 3 (document,segment,theme)"},
      {header + "alpha,art1,peace,x\n", "coding.csv:2:18: this row has 4 fields; the header has 3"},
      {header + "alpha,\"art1,peace\n", "coding.csv:2:7: the quote opened here is never closed (byte offset 29)"},
      {header + "alpha,\"art1\"x,peace\n", "coding.csv:2:13: a closing quote must be followed by a comma or the end"},
      {header + "al\"pha,art1,peace\n", "coding.csv:2:3: a quote inside an unquoted value: quote the whole value"},
      {header + "alpha,,peace\n", "coding.csv:2:7: the segment is empty: every row names a document, a segment and"},
      {header + "alpha,art1,\"  \"\n", "coding.csv:2:12: the theme is empty"},
      {header + "alpha,art1,terorism\n",
       "coding.csv:2:12: the codebook has no theme 'terorism'; did you mean 'terrorism'? "
       "(themes: peace, terrorism, trade, migration)"},
      {header + "alpha,art1,economy\n", "coding.csv:2:12: the codebook has no theme 'economy' (themes: peace,"},
      {header + "alpha,art1,-\nalpha,art1,peace\n",
       "coding.csv:3:12: segment 'art1' of document 'alpha' has the theme 'peace' here, but is coded '-' (no theme) "
       "on line 2"},
      {header + "alpha,art1,peace\nalpha,art1,-\n",
       "coding.csv:3:12: segment 'art1' of document 'alpha' is coded '-' (no theme) here, but has the theme 'peace' "
       "on line 2"},
      // Columns count characters, not bytes: five Cyrillic letters take 10 bytes.
      {header + "альфа,art1,\"x\n", "coding.csv:2:12: the quote opened here is never closed (byte offset 39)"},
      // A quoted line break and CRLF line ends move the lines on.
      {"document,segment,theme\r\nalpha,\"art\r\n1\",peace\r\nalpha,art1,bogus\r\n",
       "coding.csv:4:12: the codebook has no theme 'bogus'"},
      // A UTF-8 byte order mark is not part of the first column's name; offsets count it.
      {"\xEF\xBB\xBF" + header + "alpha,art1,bogus\n", "coding.csv:2:12: the codebook has no theme 'bogus'"},
  };
  for (const auto& c : cases) {
    INFO("CSV: " << c.csv);
    auto result = parse(c.csv);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == charterkit::StatusCode::kInvalidInput);
    CHECK_THAT(result.status().to_string(), Catch::StartsWith(c.message));
    if (c.csv.find("economy") != std::string::npos) CHECK_THAT(result.status().message(), !Catch::Contains("did you mean"));
  }
}

TEST_CASE("a coding naming a document or segment that is not there is refused", "[validation]") {
  const struct {
    std::string csv;
    std::string message;
  } cases[] = {
      {"document,segment,theme\nalpha,art1,peace\ngamma,art1,peace\n",
       "coding.csv:3:1: no document 'gamma' among the documents given (documents: alpha, beta) (byte offset 40)"},
      {"document,segment,theme\nalpha,art9,peace\n",
       "coding.csv:2:7: document 'alpha' has no segment 'art9' (segments: preamble, art1, art2) (byte offset 29)"},
  };
  for (const auto& c : cases) {
    INFO("CSV: " << c.csv);
    auto v = validate({coding(c.csv, "coding.csv")});
    REQUIRE_FALSE(v.ok());
    CHECK(v.status().code() == charterkit::StatusCode::kInvalidInput);
    CHECK(v.status().to_string() == c.message);
  }
}

// ---------------------------------------------------------------------------
// charter validate on the built-in corpus, with the codings of
// tests/data/validation/: two coders who read the seven documents (A) or the
// five English ones (B) against the themes' descriptions (docs/codebook.md).
//
// The tool's coding (one segment, "all", per document) holds 35 themes:
//   sco-charter-objectives   peace security stability terrorism separatism extremism
//                            drug_trafficking organized_crime                         (8)
//   csto-charter-objectives  peace security stability sovereignty_independence
//                            territorial_integrity collective_defence                 (6)
//   shared-goals             security stability terrorism drug_trafficking
//                            arms_trafficking organized_crime                         (6)
//   distinct-missions        security collective_defence stability sovereignty_independence
//                            economic_cooperation cultural_humanitarian               (6)
//   abstract-en, -kk, -ru    security stability collective_defence                    (3 each)
// Coder A agrees, and also codes territorial_integrity in distinct-missions
// ("protection of territorial stability and independence on a collective
// basis" restates the CSTO Charter): 36 ones. Coder B codes the first five
// documents like A except territorial_integrity in shared-goals ("territorial
// security") and no security in distinct-missions ("security agendas").

namespace {

const std::string kA = "tests/data/validation/coder-a.csv";
const std::string kB = "tests/data/validation/coder-b.csv";

// Reads RFC 4180 CSV (CRLF line ends) into rows of fields.
std::vector<std::vector<std::string>> read_csv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    const char c = csv[i];
    if (quoted) {
      if (c == '"' && i + 1 < csv.size() && csv[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      ++i;
      rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();
  return rows;
}

const std::vector<std::string>* find_row(const std::vector<std::vector<std::string>>& rows, const std::string& coding,
                                         const std::string& theme) {
  for (const auto& r : rows) {
    if (r.size() > 1 && r[0] == coding && r[1] == theme) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("charter validate: one coder on the built-in corpus, as CSV", "[validation][cli]") {
  const test_util::Run run = test_util::charter("validate --coding " + kA + " --format csv");
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  const auto rows = read_csv(run.out);
  REQUIRE(rows.size() == 1 + 17 + 1);  // header, the default codebook's 17 themes, overall
  CHECK(rows[0] == std::vector<std::string>{"coding", "theme", "cells", "tp", "fp", "fn", "tn", "precision", "recall",
                                            "f1", "kappa", "alpha", "coders_alpha"});
  for (const auto& r : rows) CHECK(r.size() == 13);
  CHECK(rows.back()[1] == "overall");

  // territorial_integrity over 7 cells: csto (1,1), distinct-missions (A 1, tool 0), 5 x (0,0).
  //   precision 1/1, recall 1/2, F1 2/3 = 0.666667.
  //   kappa: p_o = 6/7, A ones 2/7, tool ones 1/7: p_e = (2*1 + 5*6)/49 = 32/49,
  //          kappa = (42 - 32) / (49 - 32) = 10/17 = 0.588235.
  //   alpha: o11 = 2, o00 = 10, o01 = o10 = 1; n1 = 3, n0 = 11, n = 14:
  //          1 - 13 * 2 / (2 * 11 * 3) = 40/66 = 0.606061.
  //   coders_alpha: one coder, NA.
  const auto* territorial = find_row(rows, kA, "territorial_integrity");
  REQUIRE(territorial);
  CHECK(*territorial == std::vector<std::string>{kA, "territorial_integrity", "7", "1", "0", "1", "5", "1", "0.5",
                                                 "0.666667", "0.588235", "0.606061", "NA"});
  // overall, 7 x 17 = 119 cells: TP 35, FP 0, FN 1, TN 119 - 36 = 83.
  //   precision 1, recall 35/36 = 0.972222, F1 70/71 = 0.985915.
  //   kappa: p_o = 118/119; A ones 36, tool ones 35: n^2 p_e = 36*35 + 83*84 = 8232,
  //          kappa = (119*118 - 8232) / (119^2 - 8232) = 5810/5929 = 0.979929.
  //   alpha: o11 = 70, o00 = 166, o01 = o10 = 1; n1 = 71, n0 = 167, n = 238:
  //          1 - 237 * 2 / (2 * 167 * 71) = 1 - 474/23714 = 0.980012.
  CHECK(rows.back() == std::vector<std::string>{kA, "overall", "119", "35", "0", "1", "83", "1", "0.972222",
                                                "0.985915", "0.979929", "0.980012", "NA"});
  // Nobody finds peaceful settlement: 0/0 everywhere, NA and never 0.
  const auto* settlement = find_row(rows, kA, "peaceful_settlement");
  REQUIRE(settlement);
  CHECK(*settlement == std::vector<std::string>{kA, "peaceful_settlement", "7", "0", "0", "0", "7", "NA", "NA", "NA",
                                                "NA", "NA", "NA"});
  // security is present in all 7 for both: kappa and alpha undefined (p_e = 1), precision and recall 1.
  const auto* security = find_row(rows, kA, "security");
  REQUIRE(security);
  CHECK(*security == std::vector<std::string>{kA, "security", "7", "7", "0", "0", "0", "1", "1", "1", "NA", "NA", "NA"});
}

TEST_CASE("charter validate: two coders, their own alpha and the disagreements", "[validation][cli]") {
  const test_util::Run agreement = test_util::charter("validate --coding " + kA + " --coding " + kB + " --format csv");
  CHECK(agreement.exit_code == 0);
  const auto rows = read_csv(agreement.out);
  REQUIRE(rows.size() == 1 + 2 * 18);
  // B against the tool on 5 x 17 = 85 cells: TP 28, FP 1 (distinct-missions security),
  // FN 2 (territorial_integrity in shared-goals and distinct-missions), TN 54.
  //   precision 28/29 = 0.965517, recall 28/30 = 0.933333, F1 56/59 = 0.949153.
  //   kappa: B ones 30, tool ones 29, agreed 82: n^2 p_e = 30*29 + 55*56 = 3950,
  //          (85*82 - 3950) / (7225 - 3950) = 3020/3275 = 0.922137.
  //   alpha: o11 = 56, o00 = 108, o01 = o10 = 3; n1 = 59, n0 = 111, n = 170:
  //          1 - 169 * 6 / (2 * 111 * 59) = 1 - 1014/13098 = 0.922584.
  // The coders' alpha: the 85 cells of the five documents both coded (the Kazakh
  // and Russian abstracts have A's value only). They differ on 2 cells, agree on
  // 29 ones and 54 zeros:
  //          0    1  | n_c
  //     0  108    2  | 110
  //     1    2   58  |  60        n = 170
  //   alpha = 1 - 169 * 4 / (2 * 110 * 60) = 1 - 676/13200 = 0.948788.
  const auto* overall_b = find_row(rows, kB, "overall");
  REQUIRE(overall_b);
  CHECK(*overall_b == std::vector<std::string>{kB, "overall", "85", "28", "1", "2", "54", "0.965517", "0.933333",
                                               "0.949153", "0.922137", "0.922584", "0.948788"});
  const auto* overall_a = find_row(rows, kA, "overall");
  REQUIRE(overall_a);
  CHECK(overall_a->back() == "0.948788");
  CHECK((*overall_a)[2] == "119");  // A's own cells do not shrink to B's

  const test_util::Run listed =
      test_util::charter("validate --coding " + kA + " --coding " + kB + " --show disagreements --format csv");
  CHECK(listed.exit_code == 0);
  const auto cells = read_csv(listed.out);
  // The tool's evidence: "security" of "their security agendas", by its byte span in the file.
  const std::size_t at =
      test_util::slurp(std::string(CHARTERKIT_SOURCE_DIR) + "/corpus/documents/distinct-missions.en.txt")
          .find("security agendas");
  REQUIRE(at != std::string::npos);
  const std::string security =
      "all " + std::to_string(at) + "-" + std::to_string(at + 8) + " “security” (entry security)";
  const std::vector<std::vector<std::string>> expected = {
      {"coding", "line", "document", "segment", "theme", "human", "tool", "evidence"},
      {kA, "26", "distinct-missions", "all", "territorial_integrity", "1", "0", "no match"},
      {kB, "18", "shared-goals", "all", "territorial_integrity", "1", "0", "no match"},
      {kB, "NA", "distinct-missions", "all", "security", "0", "1", security},
      {kB, "23", "distinct-missions", "all", "territorial_integrity", "1", "0", "no match"},
  };
  CHECK(cells == expected);
}

TEST_CASE("charter validate: text shows both tables, JSON has null for NA", "[validation][cli]") {
  const test_util::Run text = test_util::charter("validate --coding " + kA);
  CHECK(text.exit_code == 0);
  const std::size_t agreement = text.out.find("coders_alpha");
  const std::size_t disagreements = text.out.find("evidence");
  CHECK(agreement != std::string::npos);
  CHECK(disagreements != std::string::npos);
  CHECK(agreement < disagreements);

  const test_util::Run json = test_util::charter("validate --coding " + kA + " --show disagreements --format json");
  CHECK(json.exit_code == 0);
  CHECK(json.out == "[\n  {\"coding\": \"" + kA +
                        "\", \"line\": 26, \"document\": \"distinct-missions\", \"segment\": \"all\", \"theme\": "
                        "\"territorial_integrity\", \"human\": 1, \"tool\": 0, \"evidence\": \"no match\"}\n]\n");
  const test_util::Run agreement_json = test_util::charter("validate --coding " + kA + " --format json");
  CHECK_THAT(agreement_json.out, Catch::Contains("\"theme\": \"peaceful_settlement\", \"cells\": 7, \"tp\": 0, "
                                                 "\"fp\": 0, \"fn\": 0, \"tn\": 7, \"precision\": null"));
}

TEST_CASE("charter validate: errors and usage errors", "[validation][cli]") {
  const struct {
    std::string args;
    int exit_code;
    std::string err;  // fragment expected on stderr
  } cases[] = {
      {"", 2, "the option '--coding' is required"},
      {"--coding " + kA + " --show everything", 2, "--show takes 'agreement', 'disagreements' or 'both', not 'everything'"},
      {"--coding " + kA + " --show both --format csv", 2, "--show both prints two tables, and csv holds one"},
      {"--coding " + kA + " --coding " + kA, 2, "a coding is given twice"},
      {"--coding " + kA + " --format xlsx", 2, "unknown format 'xlsx'"},
      {"--coding " + kA + " --bogus", 2, "unrecognised option '--bogus'"},
      {"--coding no-such-coding.csv", 1, "charter: no-such-coding.csv: no such file"},
      {"--coding tests/data/validation/unknown-theme.csv", 1,
       "charter: tests/data/validation/unknown-theme.csv:3:28: the codebook has no theme 'terorism'; "
       "did you mean 'terrorism'?"},
      {"--coding tests/data/validation/unknown-segment.csv", 1,
       "charter: tests/data/validation/unknown-segment.csv:3:24: document 'sco-charter-objectives' has no segment "
       "'art99' (segments: all)"},
      // Only the SCO text is loaded; A's first CSTO row is on line 10.
      {"--coding " + kA + " sco-charter-objectives", 1,
       "charter: " + kA + ":10:1: no document 'csto-charter-objectives' among the documents given "
       "(documents: sco-charter-objectives)"},
      // The coding's themes must be the codebook's.
      {"--coding " + kA + " --codebook tests/data/sample.dic", 1,
       "charter: " + kA + ":3:28: the codebook has no theme 'security'"},
  };
  for (const auto& c : cases) {
    SECTION("charter validate " + c.args) {
      const test_util::Run run = test_util::charter("validate " + c.args);
      CHECK(run.exit_code == c.exit_code);
      CHECK(run.out.empty());
      CHECK_THAT(run.err, Catch::Contains(c.err));
    }
  }
}

TEST_CASE("charter validate: -o is written whole or not at all, and repeated rows are a warning", "[validation][cli]") {
  const std::string base = std::string(CHARTERKIT_BINARY_DIR) + "/validation_test." + std::to_string(::getpid());
  const std::string target = base + ".csv", coding_file = base + ".coding.csv";
  std::remove(target.c_str());
  const test_util::Run bad =
      test_util::charter("validate --coding tests/data/validation/unknown-theme.csv -o '" + target + "'");
  CHECK(bad.exit_code == 1);
  CHECK_FALSE(std::ifstream(target).good());

  {
    std::ofstream out(coding_file, std::ios::binary);
    out << "document,segment,theme\nshared-goals,all,terrorism\nshared-goals,all,terrorism\n";
  }
  const test_util::Run repeated = test_util::charter("validate --coding '" + coding_file + "' shared-goals --format tsv -o '" +
                                                     target + "'");
  CHECK(repeated.exit_code == 0);
  CHECK(repeated.out.empty());
  CHECK(repeated.err == "charter: " + coding_file + ":3:1: warning: the same row as line 2; counted once (byte offset 50)\n");
  // shared-goals: one row, terrorism; the tool finds 6 themes there, so TP 1, FP 5, TN 11.
  CHECK_THAT(test_util::slurp(target), Catch::Contains("\toverall\t17\t1\t5\t0\t11\t"));
  std::remove(target.c_str());
  std::remove(coding_file.c_str());
}
