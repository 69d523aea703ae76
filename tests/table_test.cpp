// Table rendering: quoting and escaping in each format, locale-free numbers.
#include <catch2/catch.hpp>

#include <clocale>
#include <cmath>
#include <string>

#include "charterkit/table.h"

using charterkit::Cell;
using charterkit::render;
using charterkit::Table;
using charterkit::TableFormat;

namespace {

Table sample() {
  Table t({"document", "text", "count", "rate"});
  t.add_row({std::string("sco"), std::string("plain"), std::int64_t{3}, 0.5});
  t.add_row({std::string("csto"), std::string("a,b \"q\"\tx\ny\\z"), std::int64_t{-1}, 1.0 / 3});
  t.add_row({std::string("中文"), std::string("Безопасность"), std::int64_t{0}, 1234.5});
  return t;
}

}  // namespace

TEST_CASE("CSV follows RFC 4180", "[table]") {
  CHECK(render(sample(), TableFormat::kCsv) ==
        "document,text,count,rate\r\n"
        "sco,plain,3,0.5\r\n"
        "csto,\"a,b \"\"q\"\"\tx\ny\\z\",-1,0.333333\r\n"
        "中文,Безопасность,0,1234.5\r\n");
}

TEST_CASE("TSV escapes tabs, line breaks and backslashes", "[table]") {
  CHECK(render(sample(), TableFormat::kTsv) ==
        "document\ttext\tcount\trate\n"
        "sco\tplain\t3\t0.5\n"
        "csto\ta,b \"q\"\\tx\\ny\\\\z\t-1\t0.333333\n"
        "中文\tБезопасность\t0\t1234.5\n");
}

TEST_CASE("JSON is an array of row objects with typed values", "[table]") {
  CHECK(render(sample(), TableFormat::kJson) ==
        "[\n"
        "  {\"document\": \"sco\", \"text\": \"plain\", \"count\": 3, \"rate\": 0.5},\n"
        "  {\"document\": \"csto\", \"text\": \"a,b \\\"q\\\"\\tx\\ny\\\\z\", \"count\": -1, \"rate\": 0.333333},\n"
        "  {\"document\": \"中文\", \"text\": \"Безопасность\", \"count\": 0, \"rate\": 1234.5}\n"
        "]\n");
  Table empty({"a"});
  CHECK(render(empty, TableFormat::kJson) == "[]\n");
  Table control({"a"});
  control.add_row({std::string("\x01")});
  CHECK(render(control, TableFormat::kJson) == "[\n  {\"a\": \"\\u0001\"}\n]\n");
}

TEST_CASE("Markdown escapes pipes and right-aligns numbers", "[table]") {
  CHECK(render(sample(), TableFormat::kMarkdown) ==
        "| document | text | count | rate |\n"
        "| --- | --- | ---: | ---: |\n"
        "| sco | plain | 3 | 0.5 |\n"
        "| csto | a,b \"q\" x y\\\\z | -1 | 0.333333 |\n"
        "| 中文 | Безопасность | 0 | 1234.5 |\n");
  Table pipes({"a"});
  pipes.add_row({std::string("x|y")});
  CHECK(render(pipes, TableFormat::kMarkdown) == "| a |\n| --- |\n| x\\|y |\n");
}

TEST_CASE("LaTeX uses booktabs and escapes special characters", "[table]") {
  Table t({"theme", "count"});
  t.add_row({std::string("drug_trafficking & arms: 100% {#1} $x$ ~ ^ \\"), std::int64_t{2}});
  CHECK(render(t, TableFormat::kLatex) ==
        "\\begin{tabular}{lr}\n\\toprule\ntheme & count \\\\\n\\midrule\n"
        "drug\\_trafficking \\& arms: 100\\% \\{\\#1\\} \\$x\\$ \\textasciitilde{} \\textasciicircum{} "
        "\\textbackslash{} & 2 \\\\\n\\bottomrule\n\\end{tabular}\n");
}

TEST_CASE("text tables align by display width, numbers to the right", "[table]") {
  // "中文" is two wide characters (4 columns); "Безопасность" is 12 narrow ones.
  CHECK(render(sample(), TableFormat::kText) ==
        "document  text           count      rate\n"
        "--------  -------------  -----  --------\n"
        "sco       plain              3       0.5\n"
        "csto      a,b \"q\" x y\\z     -1  0.333333\n"
        "中文      Безопасность       0    1234.5\n");
}

TEST_CASE("display width counts wide characters twice and marks not at all", "[table]") {
  CHECK(charterkit::display_width("abc") == 3);
  CHECK(charterkit::display_width("上海合作组织") == 12);
  CHECK(charterkit::display_width("қауіпсіздік") == 11);
  CHECK(charterkit::display_width("ｔｅｒｒｏｒ") == 12);
  CHECK(charterkit::display_width("e\xCC\x81") == 1);  // e + combining acute
}

TEST_CASE("numbers are formatted without locale and without noise", "[table]") {
  const struct {
    double value;
    const char* text;
  } cases[] = {{0.0, "0"}, {-0.0, "0"}, {12.0, "12"}, {0.125, "0.125"}, {2.0 / 3, "0.666667"},
               {-1.5, "-1.5"}, {1e-9, "0"}, {123456789.0, "123456789"}};
  // A locale with a decimal comma must not change the output.
  std::setlocale(LC_ALL, "ru_RU.UTF-8");
  for (const auto& c : cases) CHECK(charterkit::format_number(c.value) == c.text);
  std::setlocale(LC_ALL, "C");
}

TEST_CASE("unknown formats are usage errors naming the choices", "[table]") {
  CHECK(charterkit::parse_table_format("csv").value() == TableFormat::kCsv);
  auto bad = charterkit::parse_table_format("xlsx");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == charterkit::StatusCode::kInvalidArgument);
  CHECK(bad.status().message() == "unknown format 'xlsx' (formats: text, tsv, csv, json, markdown, latex)");
}

TEST_CASE("text tables fit a given width by wrapping text columns", "[table]") {
  Table t({"claim", "evidence", "n"});
  t.add_row({std::string("shared-goals"), std::string("all: “terrorism”; art3: “counter-terrorism measures”"), std::int64_t{2}});
  t.add_row({std::string("csto"), std::string("上海合作组织宪章规定打击恐怖主义"), std::int64_t{1}});
  const std::string out = render(t, TableFormat::kText, 40);
  std::size_t widest = 0, start = 0;
  for (std::size_t end = out.find('\n'); end != std::string::npos; start = end + 1, end = out.find('\n', start)) {
    widest = std::max(widest, charterkit::display_width(out.substr(start, end - start)));
  }
  CHECK(widest <= 40);
  // Nothing is lost: every word is still there.
  for (const char* word : {"terrorism”;", "counter-terrorism", "measures”", "shared-goals"}) CHECK_THAT(out, Catch::Contains(word));
  CHECK(out ==
        // 12 + 2 + 23 + 2 + 1 = 40 columns; eleven Chinese characters take 22.
        "claim         evidence                 n\n"
        "------------  -----------------------  -\n"
        "shared-goals  all: “terrorism”; art3:  2\n"
        "              “counter-terrorism\n"
        "              measures”\n"
        "csto          上海合作组织宪章规定打   1\n"
        "              击恐怖主义\n");
  // Without a width, nothing wraps.
  CHECK(render(t, TableFormat::kText).find("counter-terrorism measures") != std::string::npos);
}

TEST_CASE("a column in full precision reads back as the same double", "[table]") {
  const struct {
    double value;
    const char* text;
  } cases[] = {
      {0.5, "0.5"}, {1.0, "1"}, {0.0, "0"}, {-0.0, "0"}, {1.0 / 3, "0.3333333333333333"},
      {0.1, "0.1"}, {2.0 / 3, "0.6666666666666666"}, {1e-5, "0.00001"}, {15.0 / 17, "0.8823529411764706"},
      {NAN, "NA"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(charterkit::format_number_exact(c.value) == c.text);
    if (!std::isnan(c.value)) CHECK(std::stod(c.text) == c.value);
  }
  Table t({"a", "value", "rounded"});
  t.add_row({std::string("x"), 1.0 / 3, 1.0 / 3});
  t.add_row({std::string("y"), NAN, 0.25});
  t.set_full_precision(1);
  CHECK(t.full_precision(1));
  CHECK_FALSE(t.full_precision(2));
  CHECK(render(t, TableFormat::kCsv) == "a,value,rounded\r\nx,0.3333333333333333,0.333333\r\ny,NA,0.25\r\n");
  CHECK(render(t, TableFormat::kJson) ==
        "[\n  {\"a\": \"x\", \"value\": 0.3333333333333333, \"rounded\": 0.333333},\n"
        "  {\"a\": \"y\", \"value\": null, \"rounded\": 0.25}\n]\n");
  CHECK_THAT(render(t, TableFormat::kText), Catch::Contains("x  0.3333333333333333  0.333333"));
  CHECK_THAT(render(t, TableFormat::kMarkdown), Catch::Contains("| x | 0.3333333333333333 | 0.333333 |"));
  CHECK_THAT(render(t, TableFormat::kLatex), Catch::Contains("x & 0.3333333333333333 & 0.333333"));
}
