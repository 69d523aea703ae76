// The HTML report in a real browser: Debian's Chromium, headless, opens the
// report, the claim table and heatmap cells are checked in its DOM (laid out,
// with the numbers of `charter reproduce` and `charter themes`), an evidence
// link is followed, and screenshots are saved under the build folder
// (tests/report-browser*/report.png). Skipped, with a message, without Chromium.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

using test_util::charter;
using test_util::parse_csv;
using test_util::shell;
using test_util::slurp;

namespace {

// The browser's path, or "" when there is none.
std::string chromium() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    auto run = shell(std::string("command -v ") + name);
    if (run.exit_code == 0 && !run.out.empty()) return run.out.substr(0, run.out.find('\n'));
  }
  return "";
}

// Runs the browser headless on `url` with `action` (--dump-dom, --screenshot=...);
// a fresh profile each time, nothing fetched, no first-run dialogs.
test_util::Run browse(const std::string& browser, const std::string& dir, const std::string& action, const std::string& url,
                      int height = 2400) {
  static int runs = 0;
  const std::string profile = dir + "/profile-" + std::to_string(++runs);
  return shell("timeout 120 '" + browser +
               "' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
               "--disable-component-update --disable-sync --disable-dev-shm-usage --hide-scrollbars "
               "--user-data-dir='" + profile + "' --window-size=1200," + std::to_string(height) + " " + action + " '" + url + "'");
}

// The test page: the report with a script added at its end that reads the DOM
// once the page is laid out, clicks the first heatmap cell's link, and writes
// what it saw into <pre id="harness-result">, a line per fact. The report
// itself has no script.
const char* const kHarness = R"(<script>
window.addEventListener('load', () => {
  const out = [];
  const visible = (e) => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0 ? 'visible' : 'hidden'; };
  for (const row of document.querySelectorAll('#claim-table tbody tr')) {
    out.push(['claim', row.dataset.claim, row.dataset.theme, row.querySelector('td.verdict').textContent, visible(row)].join('\t'));
  }
  for (const cell of document.querySelectorAll('#heatmap .cell')) {
    const link = cell.querySelector('a');
    out.push(['cell', cell.dataset.row, cell.dataset.column, cell.querySelector('text').textContent, visible(cell),
              link ? link.getAttribute('href') : '-'].join('\t'));
  }
  const link = document.querySelector('#heatmap .cell a');
  if (link) {
    link.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
    const target = document.querySelector(':target');
    out.push(['followed', link.getAttribute('href'), location.hash, target ? target.id : 'none',
              target ? target.querySelectorAll('li mark').length : 0, target ? visible(target) : 'hidden'].join('\t'));
  }
  out.push(['height', document.documentElement.scrollHeight].join('\t'));
  const pre = document.createElement('pre');
  pre.id = 'harness-result';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
});
</script>
)";

std::vector<std::vector<std::string>> harness_lines(const std::string& dom) {
  const std::string open = "<pre id=\"harness-result\">";
  const std::size_t begin = dom.find(open);
  const std::size_t end = dom.find("</pre>", begin);
  std::vector<std::vector<std::string>> out;
  if (begin == std::string::npos || end == std::string::npos) return out;
  std::string text = dom.substr(begin + open.size(), end - begin - open.size());
  // The browser serializes &, < and > as entities.
  for (const auto& [entity, c] : std::vector<std::pair<std::string, std::string>>{{"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1)) text.replace(at, entity.size(), c);
  }
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::istringstream f(line);
    std::string field;
    while (std::getline(f, field, '\t')) fields.push_back(field);
    out.push_back(fields);
  }
  return out;
}

void check_png(const std::string& path) {
  INFO(path);
  const std::string png = slurp(path);
  REQUIRE(png.size() > 8);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(png.size() > 20000);  // a page of tables and figures, not a blank one
}

}  // namespace

TEST_CASE("the report in Chromium: claim table and heatmap in the DOM, an evidence link followed, screenshots", "[report][browser]") {
  const std::string browser = chromium();
  if (browser.empty()) {
    WARN("skipped: Chromium is absent (apt-get install chromium)");
    return;
  }
  const std::string dir = test_util::fresh_dir("report-browser");
  auto made = charter("report -o '" + dir + "/report.html'");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  std::string page = slurp(dir + "/report.html");
  const std::size_t body_end = page.rfind("</body>");
  REQUIRE(body_end != std::string::npos);
  page.insert(body_end, kHarness);
  std::ofstream(dir + "/harness.html", std::ios::binary) << page;

  auto dom = browse(browser, dir, "--dump-dom", "file://" + dir + "/harness.html");
  INFO(dom.err.substr(0, 2000));
  REQUIRE(dom.exit_code == 0);
  const auto lines = harness_lines(dom.out);
  REQUIRE_FALSE(lines.empty());

  // Claims: the rows and verdicts of `charter reproduce`, each laid out.
  const auto reproduce = parse_csv(charter("reproduce --format csv").out);
  std::vector<std::vector<std::string>> claims, cells;
  std::vector<std::string> followed;
  int height = 2400;
  for (const auto& l : lines) {
    if (l[0] == "height") height = std::stoi(l[1]);
    if (l[0] == "claim") claims.push_back(l);
    if (l[0] == "cell") cells.push_back(l);
    if (l[0] == "followed") followed = l;
  }
  REQUIRE(claims.size() == reproduce.size() - 1);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    INFO(reproduce[i + 1][0] << " " << reproduce[i + 1][1]);
    REQUIRE(claims[i].size() == 5);
    CHECK(claims[i][1] == reproduce[i + 1][0]);
    CHECK(claims[i][2] == reproduce[i + 1][1]);
    CHECK((claims[i][3] == "not supported" ? "not_supported" : claims[i][3]) == reproduce[i + 1][3]);
    CHECK(claims[i][4] == "visible");
  }

  // Heatmap: the counts of `charter themes`, every cell laid out, a link on every non-zero one.
  const auto themes = parse_csv(charter("themes sco-charter-objectives csto-charter-objectives --format csv").out);
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> by_place;  // (row, column) -> cell
  for (const auto& c : cells) by_place[{c[1], c[2]}] = c;
  REQUIRE(cells.size() == themes.size() - 1);
  std::map<std::string, int> row_of;
  for (std::size_t i = 1; i < themes.size(); ++i) {
    const auto& r = themes[i];
    if (!row_of.count(r[2])) row_of.emplace(r[2], static_cast<int>(row_of.size()));
    const std::string column = r[0] == "sco-charter-objectives" ? "0" : "1";
    INFO(r[0] << " " << r[2]);
    const auto& c = by_place.at({std::to_string(row_of[r[2]]), column});
    CHECK(c[3] == r[3]);
    CHECK(c[4] == "visible");
    CHECK((c[5] != "-") == (r[3] != "0"));
  }

  // The first cell's link, clicked, makes its passages the page's target.
  REQUIRE(followed.size() == 6);
  CHECK(followed[2] == followed[1]);          // location.hash is the link's
  CHECK("#" + followed[3] == followed[1]);    // :target is the element it names
  CHECK(std::stoi(followed[4]) >= 1);         // holding passages with the match marked
  CHECK(followed[5] == "visible");

  // A screenshot of the whole page (the window as tall as the page, so that
  // the passages at its end are painted too).
  auto shot = browse(browser, dir, "--screenshot='" + dir + "/report.png'", "file://" + dir + "/report.html",
                     std::min(height + 100, 16000));
  CHECK(shot.exit_code == 0);
  check_png(dir + "/report.png");
}

TEST_CASE("a report of Cyrillic and Chinese texts renders in Chromium", "[report][browser]") {
  const std::string browser = chromium();
  if (browser.empty()) {
    WARN("skipped: Chromium is absent (apt-get install chromium)");
    return;
  }
  const std::string dir = test_util::fresh_dir("report-browser-scripts");
  std::ofstream(dir + "/zh.txt", std::ios::binary) << "---\nid: sample-zh\ntitle: 示例宪章\nlanguage: zh\n---\n第一条\n各成员国共同打击恐怖主义、分裂主义和极端主义，维护地区和平、安全与稳定。\n";
  auto made = charter("report tests/data/sample-charter.ru.txt '" + dir + "/zh.txt' -o '" + dir + "/report.html'");
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  auto dom = browse(browser, dir, "--dump-dom", "file://" + dir + "/report.html");
  REQUIRE(dom.exit_code == 0);
  // The browser read the UTF-8 as UTF-8: the Chinese id and passage, and Russian text, are in its DOM.
  CHECK(dom.out.find("示例宪章") != std::string::npos);
  CHECK(dom.out.find("<mark>恐怖主义</mark>") != std::string::npos);
  CHECK(dom.out.find("Статья") != std::string::npos);
  auto shot = browse(browser, dir, "--screenshot='" + dir + "/report.png'", "file://" + dir + "/report.html");
  CHECK(shot.exit_code == 0);
  check_png(dir + "/report.png");
}
