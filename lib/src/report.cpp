#include "charterkit/report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "charterkit/compare.h"
#include "charterkit/matcher.h"
#include "charterkit/plot.h"
#include "charterkit/stopwords.h"
#include "charterkit/table.h"
#include "charterkit/tokenizer.h"
#include "charterkit/version.h"

namespace charterkit {
namespace {

const char* const kStyle = R"(
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", "Droid Sans Fallback", sans-serif;
       font-size: 15px; line-height: 1.45; color: #111; background: #fff; max-width: 1100px; margin: 0 auto; padding: 0 1.2em 3em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 1px solid #999; margin-top: 2em; }
h3 { font-size: 1.1em; margin-top: 1.6em; }
h4 { font-size: 1em; margin: 1em 0 0.3em; }
nav ul { list-style: none; padding: 0; }
nav li { display: inline; margin-right: 1em; }
table { border-collapse: collapse; margin: 0.8em 0; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3em; }
th, td { border: 1px solid #bbb; padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.verdict-supported { font-weight: bold; }
.verdict-contradicted { font-weight: bold; text-decoration: underline; }
.verdict-not_supported { font-style: italic; }
figure { margin: 1em 0; overflow-x: auto; }
figcaption { font-size: 0.9em; color: #333; }
svg a:hover rect { stroke: #000; stroke-width: 2; }
ol.passages li { margin-bottom: 0.4em; }
.where { font-size: 0.85em; color: #444; }
mark { background: #ffe082; color: #000; font-weight: bold; }
section.evidence { border-left: 3px solid #ccc; padding-left: 0.8em; }
section.evidence:target { border-left-color: #08519c; background: #f3f8fd; }
.note { color: #444; }
@media print {
  nav, .back { display: none; }
  body { max-width: none; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  figure, tr, li { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
}
)";

std::string esc(const std::string& s) { return escape_markup(s); }

std::string evidence_id(std::size_t document, std::size_t theme) {
  return "ev-d" + std::to_string(document) + "-t" + std::to_string(theme);
}

std::string theme_name(const Theme& t) { return t.label.empty() ? t.id : t.label; }

// One decimal for a rate, whole numbers for counts.
std::string one_decimal(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// The passage's context within its segment: up to about `reach` bytes either
// side, cut at character boundaries, line and page breaks shown as spaces, the match
// in <mark>.
std::string snippet(const Document& d, const Evidence& e, std::size_t reach = 100) {
  const Segment* seg = d.find_segment(e.segment);
  const std::string& bytes = d.text.bytes;
  const std::size_t seg_begin = seg ? seg->begin : 0, seg_end = seg ? seg->end : bytes.size();
  std::size_t from = e.begin > seg_begin + reach ? e.begin - reach : seg_begin;
  std::size_t to = std::min(seg_end, e.end + reach);
  // Cut at a space when there is one in the outer half of the context, so
  // that the snippet starts and ends with whole words; else at a character.
  if (from > seg_begin) {
    const std::size_t space = bytes.find(' ', from);
    if (space < from + reach / 2) from = space + 1;
  }
  while (from < e.begin && is_continuation(static_cast<unsigned char>(bytes[from]))) ++from;
  if (to < seg_end) {
    const std::size_t space = bytes.rfind(' ', to);
    if (space != std::string::npos && space > e.end && space + reach / 2 > to) to = space;
  }
  while (to > e.end && to < bytes.size() && is_continuation(static_cast<unsigned char>(bytes[to]))) --to;
  const auto flat = [](std::string s) {
    for (char& c : s) {
      if (c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') c = ' ';
    }
    return s;
  };
  return std::string(from > seg_begin ? "…" : "") + esc(flat(bytes.substr(from, e.begin - from))) + "<mark>" +
         esc(flat(bytes.substr(e.begin, e.end - e.begin))) + "</mark>" + esc(flat(bytes.substr(e.end, to - e.end))) +
         (to < seg_end ? "…" : "");
}

std::string th(const std::string& s) { return "<th scope=\"col\">" + esc(s) + "</th>"; }
std::string td(const std::string& s) { return "<td>" + esc(s) + "</td>"; }
std::string td_number(const std::string& s) { return "<td class=\"number\">" + esc(s) + "</td>"; }

std::string passages_link(std::size_t count, std::size_t document, std::size_t theme) {
  if (count == 0) return "none";
  return "<a href=\"#" + evidence_id(document, theme) + "\">" + std::to_string(count) +
         (count == 1 ? " passage" : " passages") + "</a>";
}

}  // namespace

Result<Report> make_report(const std::vector<const Document*>& documents, const Codebook& codebook,
                           const ClaimSet* claims, const ReportOptions& options) {
  if (documents.empty()) return Status::InvalidArgument("a report needs one or more documents");
  Result<Tokenizer> tokenizer = Tokenizer::Create();
  if (!tokenizer.ok()) return tokenizer.status();
  Result<Matcher> matcher = Matcher::Compile(codebook);
  if (!matcher.ok()) return matcher.status();
  std::vector<ThemeProfile> profiles;
  for (const Document* d : documents) {
    Result<ThemeProfile> p = profile_document(*d, tokenizer.value(), matcher.value());
    if (!p.ok()) return p.status();
    profiles.push_back(std::move(p).value());
  }
  const std::vector<Theme>& themes = codebook.themes();
  Report report;
  std::string& h = report.html;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
       "<meta name=\"generator\" content=\"charterkit " + esc(std::string(version())) + "\"/>\n"
       "<title>" + esc(options.title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
  h += "<header>\n<h1>" + esc(options.title) + "</h1>\n<p>" + std::to_string(documents.size()) +
       (documents.size() == 1 ? " document" : " documents") + " read with the codebook “" + esc(codebook.name()) + "” (" +
       std::to_string(themes.size()) + " themes) by charterkit " + esc(std::string(version())) +
       ". Every count links to the passages behind it: document, segment, sentence and byte span, "
       "so that each figure can be checked and cited.</p>\n";
  h += "<nav aria-label=\"Contents\"><ul><li><a href=\"#documents\">Documents</a></li>";
  if (claims) h += "<li><a href=\"#claims\">Claims</a></li>";
  h += "<li><a href=\"#themes\">Themes</a></li>";
  if (documents.size() == 2 || documents.size() == 3) h += "<li><a href=\"#shared\">Shared and unique</a></li>";
  if (documents.size() >= 2) h += "<li><a href=\"#keyness\">Keyness</a></li>";
  h += "<li><a href=\"#evidence\">Evidence</a></li></ul></nav>\n</header>\n<main>\n";

  // Documents.
  h += "<section id=\"documents\">\n<h2>Documents</h2>\n<table id=\"document-table\">\n"
       "<caption>The documents compared</caption>\n<thead><tr>" +
       th("id") + th("organization") + th("title") + th("kind") + th("language") + th("date") + th("source") +
       th("segments") + th("tokens") + "</tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Document& d = *documents[i];
    h += "<tr>" + td(d.id) + td(d.info.organization) + td(d.info.title) + td(d.info.kind) + td(d.info.language) +
         td(d.info.date) + td(d.info.source.empty() ? d.info.path : d.info.source) +
         td_number(std::to_string(d.segments.size())) + td_number(std::to_string(profiles[i].tokens)) + "</tr>\n";
  }
  h += "</tbody>\n</table>\n</section>\n";

  // Claims.
  if (claims) {
    std::map<std::string, std::size_t> represented;  // organization -> document index
    std::map<std::string, ThemeProfile> by_organization;
    std::string described;
    for (const std::string& org : claims->organizations()) {
      for (std::size_t i = 0; i < documents.size(); ++i) {
        if (documents[i]->info.organization == org) {
          represented[org] = i;
          by_organization[org] = profiles[i];
          described += (described.empty() ? "" : ", ") + org + ": " + documents[i]->id;
          break;
        }
      }
    }
    const std::vector<ClaimVerdict> verdicts =
        check_claims(*claims, codebook, by_organization, "the documents of this report (" + described + ")");
    const std::vector<std::string> organizations = claims->organizations();
    h += "<section id=\"claims\">\n<h2>Claims</h2>\n<p>What each claim asserts of each organization's text "
         "(“SCO, CSTO”: the theme is present in both; “SCO not”: absent from the SCO text), and the "
         "verdict: <em>supported</em> when every assertion holds and a passage shows it, <em>contradicted</em> "
         "when a passage shows a theme claimed absent, <em>not supported</em> otherwise.</p>\n";
    h += "<table id=\"claim-table\">\n<caption>Verdicts of the claims</caption>\n<thead><tr>" + th("claim") +
         th("theme") + th("claimed") + th("verdict");
    for (const auto& org : organizations) {
      h += th(org + " evidence" + (represented.count(org) ? " (" + documents[represented[org]]->id + ")" : " (no document)"));
    }
    h += "</tr></thead>\n<tbody>\n";
    for (const ClaimVerdict& cv : verdicts) {
      for (const ThemeVerdict& tv : cv.themes) {
        const std::string verdict = to_string(tv.verdict);
        const std::size_t theme = codebook.find_theme(tv.theme);
        h += "<tr data-claim=\"" + esc(cv.claim->id) + "\" data-theme=\"" + esc(tv.theme) + "\"><td title=\"" +
             esc(cv.claim->text) + "\">" + esc(cv.claim->id) + "</td>" + td(theme < themes.size() ? theme_name(themes[theme]) : tv.theme) +
             td(expectation_text(tv.expectations)) + "<td class=\"verdict verdict-" + verdict + "\">" + esc(verdict == "not_supported" ? "not supported" : verdict) + "</td>";
        for (const auto& org : organizations) {
          auto it = represented.find(org);
          auto ev = tv.evidence.find(org);
          const std::size_t count = ev == tv.evidence.end() ? 0 : ev->second.size();
          h += "<td>" + (it == represented.end() ? std::string("no document") : passages_link(count, it->second, theme)) + "</td>";
        }
        h += "</tr>\n";
      }
    }
    h += "</tbody>\n</table>\n<ul class=\"summaries\">\n";
    for (const ClaimVerdict& cv : verdicts) {
      h += "<li><strong>" + esc(cv.claim->id) + "</strong> (" + esc(cv.claim->location) + "): " + esc(cv.summary) +
           "<br/><span class=\"note\">“" + esc(cv.claim->text) + "”</span></li>\n";
    }
    h += "</ul>\n</section>\n";
  }

  // Heatmap.
  Heatmap map;
  map.id = "heatmap";
  map.title = options.rate ? "Theme matches per 1,000 tokens" : "Theme matches by document";
  map.description = "A grid of " + std::to_string(themes.size()) + " themes (rows) by " +
                    std::to_string(documents.size()) + " documents (columns); each cell gives the " +
                    (options.rate ? "number of matches per 1,000 tokens" : "number of matches") +
                    ", darker for more, and links to the passages.";
  map.x_label = "Document";
  map.y_label = "Theme";
  map.value_label = options.rate ? "Matches per 1,000 tokens" : "Matches";
  for (const Document* d : documents) map.columns.push_back(d->id);
  for (std::size_t t = 0; t < themes.size(); ++t) {
    map.rows.push_back(theme_name(themes[t]));
    std::vector<HeatmapCell> row;
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const ThemeProfile& p = profiles[i];
      HeatmapCell cell;
      cell.value = options.rate ? p.rate(t) : static_cast<double>(p.counts[t]);
      cell.label = options.rate ? one_decimal(cell.value) : std::to_string(p.counts[t]);
      cell.tooltip = theme_name(themes[t]) + " in " + documents[i]->id + ": " + std::to_string(p.counts[t]) +
                     (p.counts[t] == 1 ? " match" : " matches") + " in " + std::to_string(p.tokens) + " tokens";
      if (p.counts[t] > 0) cell.link = "#" + evidence_id(i, t);
      row.push_back(std::move(cell));
    }
    map.cells.push_back(std::move(row));
  }
  const std::string heatmap = heatmap_svg(map);
  report.figures.push_back({"heatmap.svg", svg_file(heatmap)});
  h += "<section id=\"themes\">\n<h2>Themes by document</h2>\n<figure>\n" + heatmap +
       "<figcaption>" + esc(map.description) + " Rate = matches × 1,000 / tokens of the document.</figcaption>\n</figure>\n</section>\n";

  // Shared and unique themes.
  if (documents.size() == 2 || documents.size() == 3) {
    SetDiagram sets;
    sets.id = "sets";
    sets.title = "Themes shared and unique";
    for (const Document* d : documents) sets.sets.push_back(d->id);
    sets.regions.assign(std::size_t{1} << documents.size(), {});
    for (std::size_t t = 0; t < themes.size(); ++t) {
      std::size_t mask = 0;
      for (std::size_t i = 0; i < documents.size(); ++i) {
        if (profiles[i].present(t)) mask |= std::size_t{1} << i;
      }
      if (mask) sets.regions[mask].push_back(theme_name(themes[t]));
    }
    sets.description = "Overlapping circles, one per document; each region gives the number of themes present in "
                       "exactly those documents, and the themes are listed below.";
    Result<std::string> svg = set_diagram_svg(sets);
    if (!svg.ok()) return svg.status();
    report.figures.push_back({"sets.svg", svg_file(svg.value())});
    h += "<section id=\"shared\">\n<h2>Themes shared and unique</h2>\n<figure>\n" + svg.value() +
         "<figcaption>" + esc(sets.description) + " A theme is present when the document has one match or more.</figcaption>\n</figure>\n</section>\n";
  }

  // Keyness: the first document against the others, when they share a language.
  if (documents.size() >= 2) {
    h += "<section id=\"keyness\">\n<h2>Keyness</h2>\n";
    std::set<std::string> languages;
    for (const Document* d : documents) languages.insert(d->info.language);
    if (languages.size() != 1 || languages.begin()->empty()) {
      std::string list;
      for (const auto& l : languages) list += (list.empty() ? "" : ", ") + (l.empty() ? std::string("unknown") : l);
      h += "<p class=\"note\">Keyness compares the words of texts in one language; these documents are in " +
           esc(list) + ", so there is none.</p>\n";
    } else {
      Result<StopWords> stop = StopWords::Builtin(*languages.begin(), tokenizer.value());
      const std::vector<const Document*> first(documents.begin(), documents.begin() + 1);
      const std::vector<const Document*> rest(documents.begin() + 1, documents.end());
      const StopWords* stop_words = stop.ok() ? &stop.value() : nullptr;  // none for the language: keep every word
      auto a = word_counts(first, stop_words);
      if (!a.ok()) return a.status();
      auto b = word_counts(rest, stop_words);
      if (!b.ok()) return b.status();
      const std::vector<Keyness> rows = keyness(a->first, a->second, b->first, b->second, options.keyness_min);
      std::string reference;
      for (const Document* d : rest) reference += (reference.empty() ? "" : ", ") + d->id;
      // The strongest on each side among words at least twice as frequent
      // (relatively) on one side as on the other: |log ratio| >= 1 (Hardie 2014).
      std::vector<const Keyness*> shown;
      for (std::size_t i = 0; i < rows.size() && shown.size() < options.keyness_words && rows[i].g2 > 0; ++i) {
        if (rows[i].log_ratio >= 1) shown.push_back(&rows[i]);
      }
      const std::size_t positive = shown.size();
      for (std::size_t i = rows.size(); i-- > 0 && shown.size() < positive + options.keyness_words && rows[i].g2 < 0;) {
        if (rows[i].log_ratio <= -1) shown.push_back(&rows[i]);
      }
      if (shown.empty()) {
        h += "<p class=\"note\">No word seen " + std::to_string(options.keyness_min) +
             " times or more in these documents is twice as frequent in " + esc(documents[0]->id) + " as in " +
             esc(reference) + ", or the reverse.</p>\n";
      } else {
        BarChart chart;
        chart.id = "keyness-chart";
        chart.title = "Key words: " + documents[0]->id + " against " + reference;
        chart.description = "Horizontal bars of the log-likelihood G2 of the words most over-represented in " +
                            documents[0]->id + " (right) and in " + reference + " (left); stop words removed.";
        chart.x_label = "G² (log-likelihood): right, more frequent in " + documents[0]->id;
        chart.y_label = "Word";
        chart.series = {"key in " + documents[0]->id, "key in " + reference};
        for (const Keyness* k : shown) {
          Bar bar;
          bar.label = k->word;
          bar.value = k->g2;
          bar.series = k->g2 > 0 ? 0 : 1;
          bar.value_label = one_decimal(k->g2) + " (" + std::to_string(k->count_a) + " / " + std::to_string(k->count_b) + ")";
          bar.tooltip = k->word + ": " + std::to_string(k->count_a) + " in " + documents[0]->id + " (" +
                        std::to_string(a->second) + " tokens), " + std::to_string(k->count_b) + " in " + reference +
                        " (" + std::to_string(b->second) + " tokens)";
          chart.bars.push_back(std::move(bar));
        }
        const std::string svg = bar_chart_svg(chart);
        report.figures.push_back({"keyness.svg", svg_file(svg)});
        h += "<figure>\n" + svg + "<figcaption>" + esc(chart.description) +
             " In brackets: the word's count in each side. Shown: words seen " + std::to_string(options.keyness_min) +
             " times or more in all documents together and at least twice as frequent, relative to the number of "
             "tokens, on their side (|log ratio| ≥ 1).</figcaption>\n</figure>\n";
        h += "<table id=\"keyness-table\">\n<caption>The same words in figures</caption>\n<thead><tr>" + th("word") +
             th(documents[0]->id) + th(reference) + th("G²") + th("log ratio") + th("p") + "</tr></thead>\n<tbody>\n";
        for (const Keyness* k : shown) {
          h += "<tr>" + td(k->word) + td_number(std::to_string(k->count_a)) + td_number(std::to_string(k->count_b)) +
               td_number(format_number(k->g2)) + td_number(format_number(k->log_ratio)) + td_number(format_number(k->p_value)) + "</tr>\n";
        }
        h += "</tbody>\n</table>\n";
      }
    }
    h += "</section>\n";
  }

  // Evidence.
  h += "<section id=\"evidence\">\n<h2>Evidence</h2>\n<p>Every match counted above, by theme and document: the segment "
       "(preamble, article), the sentence (numbered from 0 within the segment's text), the byte span in the document, "
       "the codebook entry that matched, and the passage with the match highlighted.</p>\n";
  for (std::size_t t = 0; t < themes.size(); ++t) {
    bool any = false;
    for (const ThemeProfile& p : profiles) any = any || p.counts[t] > 0;
    if (!any) continue;
    h += "<h3 id=\"theme-" + std::to_string(t) + "\">" + esc(theme_name(themes[t])) + "</h3>\n";
    if (!themes[t].description.empty()) h += "<p class=\"note\">" + esc(themes[t].description) + "</p>\n";
    for (std::size_t i = 0; i < documents.size(); ++i) {
      const ThemeProfile& p = profiles[i];
      if (p.counts[t] == 0) continue;
      h += "<section class=\"evidence\" id=\"" + evidence_id(i, t) + "\" data-document=\"" + esc(documents[i]->id) +
           "\" data-theme=\"" + esc(themes[t].id) + "\">\n<h4>" + esc(theme_name(themes[t])) + " in " +
           esc(documents[i]->id) + ": " + std::to_string(p.counts[t]) + (p.counts[t] == 1 ? " match" : " matches") +
           "</h4>\n<ol class=\"passages\">\n";
      for (const Evidence& e : p.evidence[t]) {
        h += "<li><span class=\"where\">" + esc(e.segment) + ", sentence " + std::to_string(e.sentence) + ", bytes " +
             std::to_string(e.begin) + "–" + std::to_string(e.end) + ", entry “" + esc(e.entry) + "”</span><br/>" +
             snippet(*documents[i], e) + "</li>\n";
      }
      h += "</ol>\n<p class=\"back\"><a href=\"#themes\">Back to the heatmap</a></p>\n</section>\n";
    }
  }
  h += "</section>\n</main>\n</body>\n</html>\n";
  return report;
}

}  // namespace charterkit
