// Plot: SVG figures of theme counts, shared themes and keyness.
//
// A heatmap, bars and a diagram of two or three sets are rectangles, circles
// and text, so they are drawn here rather than by a plotting library. Each
// figure is one <svg> element, well-formed XML, that can stand alone in a file
// (put "<?xml ...?>" before it: see svg_file) or inline in HTML. Each has a
// <title> and <desc> (read by screen readers: role="img"), axis labels and a
// legend. Text is UTF-8; labels are placed by their display width (a Chinese
// character counts two columns). Colours come from one hue whose lightness
// falls as the value grows, so a figure printed in grey reads the same.
//
// Example:
//   charterkit::Heatmap h;
//   h.title = "Themes by document";
//   h.rows = {"Terrorism"}; h.columns = {"SCO", "CSTO"};
//   h.cells = {{{2, "2"}, {0, "0"}}};
//   std::string svg = charterkit::svg_file(charterkit::heatmap_svg(h));
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "charterkit/status.h"

namespace charterkit {

// One cell of a heatmap: its value (colour), the text shown in it, and
// optionally a link (href) and a tooltip.
struct HeatmapCell {
  double value = 0;
  std::string label;
  std::string link;
  std::string tooltip;
};

struct Heatmap {
  std::string id = "heatmap";  // prefix of the element ids (unique within a page)
  std::string title, description;
  std::string x_label, y_label;  // axis labels: what the columns and rows are
  std::string value_label;       // legend title: what the colour measures
  std::vector<std::string> rows, columns;
  std::vector<std::vector<HeatmapCell>> cells;  // [row][column]
};

// Returns the heatmap: one row of cells per row label, colour scaled from 0 to
// the largest value; a cell of value 0 is white. Cells beyond the labels are
// ignored; missing ones are drawn empty.
std::string heatmap_svg(const Heatmap& heatmap);

// One bar: a label (row), its value (negative values extend left of zero),
// the series it belongs to (index into BarChart::series, for colour and legend).
struct Bar {
  std::string label;
  double value = 0;
  std::size_t series = 0;
  std::string value_label;  // printed at the bar's end; the value when empty
  std::string link;
  std::string tooltip;
};

struct BarChart {
  std::string id = "bars";
  std::string title, description;
  std::string x_label, y_label;
  std::vector<std::string> series;  // legend entries (at most 4 colours)
  std::vector<Bar> bars;            // drawn top to bottom in this order
};

// Returns a horizontal bar chart with an x axis of round ticks through zero.
std::string bar_chart_svg(const BarChart& chart);

// Two or three sets and what each region holds: regions[mask] lists the
// members of exactly the sets whose bits are set in mask (1 = sets[0],
// 2 = sets[1], 4 = sets[2]); regions[0] is unused.
struct SetDiagram {
  std::string id = "sets";
  std::string title, description;
  std::vector<std::string> sets;
  std::vector<std::vector<std::string>> regions;
};

// Returns a diagram of overlapping circles with the number of members in each
// region, and the members listed under it.
// Errors: InvalidArgument unless there are 2 or 3 sets and 2^sets regions.
Result<std::string> set_diagram_svg(const SetDiagram& diagram);

// Returns `svg` as the text of a standalone .svg file (XML declaration first).
std::string svg_file(const std::string& svg);

// Returns `text` with &, <, >, " and ' escaped for XML and HTML text and
// attributes, and the C0 control characters XML forbids (all but tab, line
// feed and carriage return) shown as U+FFFD.
std::string escape_markup(const std::string& text);

}  // namespace charterkit
