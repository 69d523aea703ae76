// SVG figures: well-formed XML, accessible names, labels in any script, and
// geometry and colour that follow the values.
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "charterkit/plot.h"

using charterkit::Bar;
using charterkit::BarChart;
using charterkit::Heatmap;
using charterkit::HeatmapCell;
using charterkit::SetDiagram;

namespace {

// Parses `svg` as XML; fails the test with pugixml's message and offset otherwise.
pugi::xml_document parse(const std::string& svg) {
  pugi::xml_document doc;
  const pugi::xml_parse_result result = doc.load_string(svg.c_str());
  INFO("offset " << result.offset << ": " << svg.substr(static_cast<std::size_t>(result.offset), 80));
  REQUIRE(result);
  return doc;
}

// Relative luminance of "#rrggbb" (WCAG 2), 0 black to 1 white.
double luminance(const std::string& hex) {
  REQUIRE(hex.size() == 7);
  const auto channel = [&](int at) {
    const double v = std::strtol(hex.substr(static_cast<std::size_t>(at), 2).c_str(), nullptr, 16) / 255.0;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

// Labels that XML must escape, and text in Cyrillic and Chinese.
const std::string kAwkward = "R&D <\"arms\"> 'trade'";
const std::string kRussian = "Терроризм";
const std::string kChinese = "恐怖主义";

void check_accessible_name(const pugi::xml_node& svg, const std::string& title, const std::string& desc) {
  CHECK(std::string(svg.name()) == "svg");
  CHECK(std::string(svg.attribute("xmlns").value()) == "http://www.w3.org/2000/svg");
  CHECK(std::string(svg.attribute("role").value()) == "img");
  CHECK(std::string(svg.child("title").text().get()) == title);
  CHECK(std::string(svg.child("desc").text().get()) == desc);
  // aria-labelledby names the title and the description by their ids.
  const std::string labelled = svg.attribute("aria-labelledby").value();
  CHECK(labelled == std::string(svg.child("title").attribute("id").value()) + " " + svg.child("desc").attribute("id").value());
}

// Every text element's content, in document order.
std::vector<std::string> texts(const pugi::xml_node& node) {
  std::vector<std::string> out;
  for (const pugi::xpath_node& t : node.select_nodes(".//*[local-name()='text']")) out.emplace_back(t.node().text().get());
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST_CASE("a heatmap is well-formed SVG with its labels, links and a legend", "[plot]") {
  Heatmap h;
  h.id = "h1";
  h.title = "Themes " + kAwkward;
  h.description = "Counts by document";
  h.x_label = "Document";
  h.y_label = "Theme";
  h.value_label = "Matches";
  h.rows = {kRussian, kChinese, kAwkward};
  h.columns = {"sco", "ОДКБ", "上海合作组织"};
  const auto cell = [](double v, const std::string& link = "", const std::string& tip = "") {
    HeatmapCell c;
    c.value = v;
    c.label = std::to_string(static_cast<int>(v));
    c.link = link;
    c.tooltip = tip;
    return c;
  };
  h.cells = {{cell(0), cell(1), cell(2)}, {cell(3, "#ev-1"), cell(4), cell(5)}, {cell(6), cell(7), cell(8, "#ev-8", "tip & top")}};
  const pugi::xml_document doc = parse(charterkit::svg_file(charterkit::heatmap_svg(h)));
  const pugi::xml_node svg = doc.child("svg");
  check_accessible_name(svg, h.title, h.description);
  const std::vector<std::string> shown = texts(svg);
  for (const std::string& label : {kRussian, kChinese, kAwkward, std::string("ОДКБ"), std::string("上海合作组织"),
                                   std::string("Document"), std::string("Theme"), std::string("Matches")}) {
    INFO(label);
    CHECK(contains(shown, label));
  }
  // One cell per row and column, in row order, each showing its label.
  const auto cells = svg.select_nodes("//*[@class='cell']");
  REQUIRE(cells.size() == 9);
  std::vector<double> lightness(9);
  for (const pugi::xpath_node& c : cells) {
    const int r = c.node().attribute("data-row").as_int(), col = c.node().attribute("data-column").as_int();
    const std::size_t i = static_cast<std::size_t>(r * 3 + col);
    CHECK(texts(c.node()) == std::vector<std::string>{std::to_string(i)});
    lightness[i] = luminance(c.node().select_node(".//*[local-name()='rect']").node().attribute("fill").value());
    const pugi::xml_node link = c.node().select_node(".//*[local-name()='a']").node();
    CHECK(std::string(link.attribute("href").value()) == h.cells[static_cast<std::size_t>(r)][static_cast<std::size_t>(col)].link);
  }
  CHECK(std::string(svg.select_node("//*[@class='cell'][@data-row='2'][@data-column='2']//*[local-name()='title']").node().text().get()) ==
        "tip & top");
  // Zero is white; then darker as the value grows, so grey print keeps the order.
  CHECK(lightness[0] == Approx(1.0));
  for (std::size_t i = 1; i < 9; ++i) {
    INFO(i);
    CHECK(lightness[i] < lightness[i - 1]);
  }
  // The legend runs from 0 to the largest value.
  CHECK(contains(shown, "0"));
  CHECK(contains(shown, "8"));
}

TEST_CASE("bars have lengths proportional to their values, negative ones left of zero", "[plot]") {
  BarChart chart;
  chart.title = "Key words";
  chart.description = "G2 of words";
  chart.x_label = "G²";
  chart.series = {"key in " + kRussian, "key in " + kChinese};
  const auto bar = [](const std::string& label, double value, std::size_t series) {
    Bar b;
    b.label = label;
    b.value = value;
    b.series = series;
    return b;
  };
  chart.bars = {bar("безопасность", 12, 0), bar("安全", 6, 0), bar(kAwkward, -3, 1)};
  const pugi::xml_document doc = parse(charterkit::bar_chart_svg(chart));
  const pugi::xml_node svg = doc.child("svg");
  check_accessible_name(svg, chart.title, chart.description);
  const std::vector<std::string> shown = texts(svg);
  for (const std::string& label : {std::string("безопасность"), std::string("安全"), kAwkward, std::string("G²"),
                                   "key in " + kRussian, "key in " + kChinese}) {
    INFO(label);
    CHECK(contains(shown, label));
  }
  const auto bars = svg.select_nodes("//*[@class='bar']");
  REQUIRE(bars.size() == 3);
  std::vector<double> x(3), width(3);
  for (std::size_t i = 0; i < 3; ++i) {
    const pugi::xml_node rect = bars[i].node().select_node(".//*[local-name()='rect']").node();
    x[i] = rect.attribute("x").as_double();
    width[i] = rect.attribute("width").as_double();
  }
  // Bars 0 and 1 start at the zero line; bar 2 ends there.
  CHECK(x[0] == Approx(x[1]));
  CHECK(x[2] + width[2] == Approx(x[0]).margin(0.01));
  CHECK(width[0] / width[1] == Approx(2.0).epsilon(0.01));
  CHECK(width[0] / width[2] == Approx(4.0).epsilon(0.01));
}

TEST_CASE("a set diagram counts each region and lists its members", "[plot]") {
  SetDiagram d;
  d.title = "Themes shared";
  d.description = "Two charters";
  d.sets = {"SCO", "ОДКБ"};
  d.regions = {{}, {"terrorism", "separatism"}, {"collective_defence"}, {"peace", "security", "stability"}};
  auto svg_text = charterkit::set_diagram_svg(d);
  REQUIRE(svg_text.ok());
  const pugi::xml_document doc = parse(svg_text.value());
  const pugi::xml_node svg = doc.child("svg");
  check_accessible_name(svg, d.title, d.description);
  for (std::size_t mask = 1; mask < 4; ++mask) {
    INFO(mask);
    const pugi::xml_node region = svg.select_node(("//*[@class='region'][@data-mask='" + std::to_string(mask) + "']").c_str()).node();
    CHECK(texts(region) == std::vector<std::string>{std::to_string(d.regions[mask].size())});
  }
  CHECK(svg.select_nodes("//*[local-name()='circle']").size() == 2);
  const std::vector<std::string> shown = texts(svg);
  CHECK(contains(shown, "SCO only (2): terrorism, separatism"));
  CHECK(contains(shown, "ОДКБ only (1): collective_defence"));
  CHECK(contains(shown, "both (3): peace, security, stability"));

  d.sets.push_back(kChinese);
  d.regions.resize(8);
  d.regions[7] = {"peace"};
  svg_text = charterkit::set_diagram_svg(d);
  REQUIRE(svg_text.ok());
  const pugi::xml_document three = parse(svg_text.value());
  CHECK(three.select_nodes("//*[local-name()='circle']").size() == 3);
  CHECK(contains(texts(three.child("svg")), "all three (1): peace"));

  for (std::size_t n : {1, 4}) {
    SetDiagram bad;
    bad.sets.assign(n, "x");
    bad.regions.resize(std::size_t{1} << n);
    CHECK_FALSE(charterkit::set_diagram_svg(bad).ok());
  }
}

TEST_CASE("markup escaping covers the XML specials and the control characters XML forbids", "[plot]") {
  CHECK(charterkit::escape_markup("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  CHECK(charterkit::escape_markup("Безопасность 安全 §") == "Безопасность 安全 §");
  CHECK(charterkit::escape_markup("a\tb\nc\rd") == "a\tb\nc\rd");
  CHECK(charterkit::escape_markup(std::string("x\x01y\x0c\x1f", 5) + std::string(1, '\0')) ==
        "x\xEF\xBF\xBDy\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  // Of every ASCII byte, escaped, no character XML forbids is left.
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  for (char c : charterkit::escape_markup(all)) {
    INFO(static_cast<int>(c));
    CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r'));
  }
}
