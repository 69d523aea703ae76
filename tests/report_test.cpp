// The HTML report: self-contained, well-formed, and showing the counts, links
// and passages of texts whose themes are known by hand; the command's files
// and errors.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/report.h"
#include "charterkit/segmenter.h"
#include "test_util.h"

using test_util::charter;
using test_util::parse_csv;
using test_util::slurp;

namespace {

charterkit::Tokenizer& tokenizer() {
  static charterkit::Tokenizer t = std::move(charterkit::Tokenizer::Create()).value();
  return t;
}

const charterkit::Codebook& book() {
  static charterkit::Codebook b = [] {
    auto text = charterkit::text_from_bytes(R"(
languages: [en, ru, zh]
themes:
  - id: terrorism
    label: Terrorism
    entries:
      en: [terroris*]
      ru: [терроризм*]
      zh: [恐怖主义]
  - id: security
    label: Security
    entries:
      en: [security]
      ru: [безопасност*]
      zh: [安全]
  - id: trade
    label: Trade
    entries:
      en: [trade]
)",
                                            "report-test.yaml");
    auto parsed = charterkit::Codebook::Parse(text.value(), tokenizer());
    if (!parsed.ok()) FAIL(parsed.status().to_string());
    return std::move(parsed).value();
  }();
  return b;
}

charterkit::Document document(const std::string& id, const std::string& language, const std::string& body) {
  auto rules = charterkit::HeadingRules::Default();
  REQUIRE(rules.ok());
  auto text = charterkit::text_from_bytes("---\nid: " + id + "\nlanguage: " + language + "\n---\n" + body, id + ".txt");
  REQUIRE(text.ok());
  auto doc = charterkit::read_text_document(std::move(text).value(), id, rules.value(), nullptr);
  REQUIRE(doc.ok());
  return std::move(doc).value();
}

pugi::xml_document parse_html(const std::string& html) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_string(html.c_str());
  INFO("offset " << result.offset << ": " << html.substr(static_cast<std::size_t>(result.offset), 80));
  REQUIRE(result);
  return doc;
}

std::string all_text(const pugi::xml_node& node) {
  std::string out;
  for (const pugi::xpath_node& t : node.select_nodes(".//text()")) out += t.node().value();
  return out;
}

// The heatmap's cells: (row, column) -> (the number shown, link).
std::map<std::pair<int, int>, std::pair<std::string, std::string>> heatmap_cells(const pugi::xml_document& doc) {
  std::map<std::pair<int, int>, std::pair<std::string, std::string>> out;
  for (const pugi::xpath_node& c : doc.select_nodes("//*[@id='heatmap']//*[@class='cell']")) {
    const pugi::xml_node link = c.node().select_node(".//*[local-name()='a']").node();
    out[{c.node().attribute("data-row").as_int(), c.node().attribute("data-column").as_int()}] = {
        c.node().select_node(".//*[local-name()='text']").node().text().get(), link.attribute("href").value()};
  }
  return out;
}

// Checks that nothing is fetched from elsewhere: no scripts, no external
// style sheets, images or fonts, no URL but the SVG namespace.
void check_self_contained(const std::string& html, const pugi::xml_document& doc) {
  CHECK(html.find("<script") == std::string::npos);
  CHECK(doc.select_nodes("//link | //img | //iframe | //object | //embed").empty());
  CHECK(html.find("@import") == std::string::npos);
  CHECK(html.find("url(") == std::string::npos);
  for (const pugi::xpath_node& a : doc.select_nodes("//@*")) {
    const std::string value = a.attribute().value();
    if (value.find("://") != std::string::npos) {
      INFO(a.attribute().name() << "=" << value);
      CHECK(value == "http://www.w3.org/2000/svg");
    }
  }
}

}  // namespace

TEST_CASE("a report shows hand-counted themes, links every count to its passages and fetches nothing", "[report]") {
  // By hand: en: terrorism 2 ("Terrorism", "terrorists"), security 1, trade 0;
  // ru: terrorism 1 ("терроризмом"), security 1 ("безопасности"); zh: terrorism 1, security 1.
  const charterkit::Document en =
      document("en", "en", "Terrorism threatens security & commerce <of all>. We fight terrorists together.\n");
  const charterkit::Document ru = document("ru", "ru", "Борьба с терроризмом и обеспечение безопасности.\n");
  const charterkit::Document zh = document("zh", "zh", "各方共同打击恐怖主义，维护地区安全。\n");
  const std::vector<std::vector<int>> expected = {{2, 1, 1}, {1, 1, 1}, {0, 0, 0}};  // [theme][document]
  const std::map<std::pair<int, int>, std::vector<std::string>> marks = {
      {{0, 0}, {"Terrorism", "terrorists"}}, {{0, 1}, {"терроризмом"}}, {{0, 2}, {"恐怖主义"}},
      {{1, 0}, {"security"}},                {{1, 1}, {"безопасности"}}, {{1, 2}, {"安全"}}};

  auto report = charterkit::make_report({&en, &ru, &zh}, book(), nullptr, {});
  REQUIRE(report.ok());
  const pugi::xml_document doc = parse_html(report->html);
  check_self_contained(report->html, doc);
  CHECK(doc.select_nodes("//table[@id='document-table']/tbody/tr").size() == 3);
  CHECK(doc.select_nodes("//table[@id='claim-table']").empty());  // no claims given

  const auto cells = heatmap_cells(doc);
  REQUIRE(cells.size() == 9);
  for (int t = 0; t < 3; ++t) {
    for (int d = 0; d < 3; ++d) {
      INFO("theme " << t << ", document " << d);
      const auto& [shown, link] = cells.at({t, d});
      CHECK(shown == std::to_string(expected[static_cast<std::size_t>(t)][static_cast<std::size_t>(d)]));
      if (expected[static_cast<std::size_t>(t)][static_cast<std::size_t>(d)] == 0) {
        CHECK(link.empty());
        continue;
      }
      // The link leads to the passages: one list item per match, the match marked.
      REQUIRE(link.size() > 1);
      const pugi::xml_node target = doc.select_node(("//*[@id='" + link.substr(1) + "']").c_str()).node();
      REQUIRE(target);
      std::vector<std::string> marked;
      for (const pugi::xpath_node& m : target.select_nodes(".//li//mark")) marked.push_back(all_text(m.node()));
      CHECK(marked == marks.at({t, d}));
    }
  }
  // Text with markup characters arrives as text.
  const std::string evidence = all_text(doc.select_node("//*[@id='evidence']").node());
  CHECK(evidence.find("security & commerce <of all>") != std::string::npos);

  // Three documents: a set diagram; three languages: no keyness, and a note why.
  std::set<std::string> figures;
  for (const auto& f : report->figures) figures.insert(f.name);
  CHECK(figures == std::set<std::string>{"heatmap.svg", "sets.svg"});
  CHECK(all_text(doc.select_node("//*[@id='keyness']").node()).find("en, ru, zh") != std::string::npos);
  for (const auto& f : report->figures) {
    INFO(f.name);
    pugi::xml_document svg;
    CHECK(svg.load_string(f.svg.c_str()));
    CHECK(std::string(svg.document_element().name()) == "svg");
  }
}

TEST_CASE("control characters of a text (page breaks from PDF) leave the report well-formed", "[report]") {
  const charterkit::Document en = document("en", "en", "Page one ends.\f\x01Terrorism\x0b is fought.\n");
  auto report = charterkit::make_report({&en}, book(), nullptr, {});
  REQUIRE(report.ok());
  for (char c : report->html) {
    INFO(static_cast<int>(c));
    REQUIRE((static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
  }
  const pugi::xml_document doc = parse_html(report->html);
  CHECK(all_text(doc.select_node("//li//mark").node()) == "Terrorism");
}

TEST_CASE("a report of rates shows matches per 1,000 tokens", "[report]") {
  // 10 tokens, 2 of them terrorism: 200 per 1,000 tokens; security 1: 100.
  const charterkit::Document en = document("en", "en", "Terrorism and security: we fight terrorists in all our lands.\n");
  charterkit::ReportOptions options;
  options.rate = true;
  auto report = charterkit::make_report({&en}, book(), nullptr, options);
  REQUIRE(report.ok());
  const auto cells = heatmap_cells(parse_html(report->html));
  CHECK(cells.at({0, 0}).first == "200.0");
  CHECK(cells.at({1, 0}).first == "100.0");
  CHECK(cells.at({2, 0}).first == "0.0");
}

TEST_CASE("keyness bars show the words twice as frequent on one side", "[report]") {
  // en1 has "treaty" 3 times, en2 never; both have "security" once per about
  // the same number of tokens (a ratio under 2: not shown).
  const charterkit::Document a = document("a", "en", "Treaty treaty treaty security members.\n");
  const charterkit::Document b = document("b", "en", "Members security members members states.\n");
  charterkit::ReportOptions options;
  options.keyness_min = 2;
  auto report = charterkit::make_report({&a, &b}, book(), nullptr, options);
  REQUIRE(report.ok());
  const pugi::xml_document doc = parse_html(report->html);
  std::vector<std::string> words;
  for (const pugi::xpath_node& r : doc.select_nodes("//table[@id='keyness-table']/tbody/tr/td[1]")) words.push_back(all_text(r.node()));
  // treaty: 3 vs 0; members: 1 vs 3 (5 tokens each: log ratio log2(1/3) < -1); security 1 vs 1: left out.
  CHECK(words == std::vector<std::string>{"treaty", "members"});
  bool keyness_figure = false;
  for (const auto& f : report->figures) keyness_figure = keyness_figure || f.name == "keyness.svg";
  CHECK(keyness_figure);
}

TEST_CASE("charter report writes the HTML and SVG files, with the verdicts and counts of reproduce and themes", "[report][cli]") {
  const std::string dir = test_util::fresh_dir("report-cli");
  auto run = charter("report -o '" + dir + "/report.html' --svg '" + dir + "/svg'");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.empty());
  const std::string html = slurp(dir + "/report.html");
  const pugi::xml_document doc = parse_html(html);
  check_self_contained(html, doc);
  for (const char* name : {"heatmap.svg", "sets.svg", "keyness.svg"}) {
    INFO(name);
    pugi::xml_document svg;
    CHECK(svg.load_file((dir + "/svg/" + name).c_str()));
  }

  // The claim table says what `charter reproduce` says.
  const auto reproduce = parse_csv(charter("reproduce --format csv").out);
  REQUIRE(reproduce.size() > 1);
  const auto rows = doc.select_nodes("//table[@id='claim-table']/tbody/tr");
  REQUIRE(rows.size() == reproduce.size() - 1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const pugi::xml_node row = rows[i].node();
    INFO(reproduce[i + 1][0] << " " << reproduce[i + 1][1]);
    CHECK(std::string(row.attribute("data-claim").value()) == reproduce[i + 1][0]);
    CHECK(std::string(row.attribute("data-theme").value()) == reproduce[i + 1][1]);
    std::string verdict = all_text(row.select_node("td[contains(@class, 'verdict')]").node());
    if (verdict == "not supported") verdict = "not_supported";
    CHECK(verdict == reproduce[i + 1][3]);
  }

  // The heatmap's counts are those of `charter themes`, theme by theme in codebook order.
  const auto themes = parse_csv(charter("themes sco-charter-objectives csto-charter-objectives --format csv").out);
  const auto cells = heatmap_cells(doc);
  std::map<std::string, int> column = {{"sco-charter-objectives", 0}, {"csto-charter-objectives", 1}};
  std::map<std::string, int> row_of;
  std::size_t checked = 0;
  for (std::size_t i = 1; i < themes.size(); ++i) {
    const auto& r = themes[i];  // document,segment,theme,count,...
    if (!row_of.count(r[2])) row_of.emplace(r[2], static_cast<int>(row_of.size()));
    INFO(r[0] << " " << r[2]);
    CHECK(cells.at({row_of[r[2]], column.at(r[0])}).first == r[3]);
    ++checked;
  }
  CHECK(checked == cells.size());
}

TEST_CASE("charter report refuses contradictory options, missing files and unwritable places", "[report][cli]") {
  const std::string dir = test_util::fresh_dir("report-errors");
  const struct {
    std::string args;
    int exit_code;
    std::string message;
  } cases[] = {
      {"report --claims corpus/claims/claims.yaml --no-claims", 2, "contradict"},
      {"report --keyness-min 0", 2, "--keyness-min"},
      {"report --no-such-option", 2, "no-such-option"},
      {"report tests/data/does-not-exist.txt", 1, "does-not-exist.txt"},
      {"report -o '" + dir + "/no/such/folder/report.html'", 1, "no/such/folder"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto run = charter(c.args);
    CHECK(run.exit_code == c.exit_code);
    CHECK(run.err.find(c.message) != std::string::npos);
    CHECK(run.out.empty());
  }
  CHECK_FALSE(std::filesystem::exists(dir + "/no"));
}
