#include "charterkit/plot.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>

#include "charterkit/table.h"

namespace charterkit {
namespace {

constexpr double kFont = 12;       // px, labels
constexpr double kColumnPx = 7.0;  // px per display column at kFont (a CJK character: 2 columns)
constexpr const char* kFontFamily = "DejaVu Sans, Noto Sans, Noto Sans CJK SC, Droid Sans Fallback, sans-serif";

double text_width(const std::string& s, double font = kFont) {
  return static_cast<double>(display_width(s)) * kColumnPx * font / kFont;
}

// A number for an attribute: at most two decimals, no exponent, '.' whatever the locale.
std::string px(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", v);
  std::string s = buffer;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

struct Rgb {
  double r, g, b;
};

// ColorBrewer's "Blues" (9 classes): lightness falls monotonically from the
// first to the last, so the order of values survives printing in grey.
constexpr std::array<Rgb, 9> kBlues = {{{247, 251, 255},
                                        {222, 235, 247},
                                        {198, 219, 239},
                                        {158, 202, 225},
                                        {107, 174, 214},
                                        {66, 146, 198},
                                        {33, 113, 181},
                                        {8, 81, 156},
                                        {8, 48, 107}}};

Rgb blues(double t) {
  t = std::clamp(t, 0.0, 1.0) * (kBlues.size() - 1);
  const std::size_t i = std::min<std::size_t>(static_cast<std::size_t>(t), kBlues.size() - 2);
  const double f = t - static_cast<double>(i);
  const Rgb& a = kBlues[i];
  const Rgb& b = kBlues[i + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

std::string hex(const Rgb& c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", static_cast<int>(std::lround(c.r)),
                static_cast<int>(std::lround(c.g)), static_cast<int>(std::lround(c.b)));
  return buffer;
}

// Relative luminance (WCAG) of a colour, to choose black or white text on it.
double luminance(const Rgb& c) {
  const auto channel = [](double v) {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

std::string text_colour_on(const Rgb& c) { return luminance(c) > 0.3 ? "#000000" : "#ffffff"; }

// The opening of an <svg> with its accessible name and description.
std::string open_svg(const std::string& id, double width, double height, const std::string& title,
                     const std::string& description) {
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + px(width) + "\" height=\"" + px(height) +
                    "\" viewBox=\"0 0 " + px(width) + " " + px(height) + "\" role=\"img\" aria-labelledby=\"" +
                    escape_markup(id) + "-title " + escape_markup(id) + "-desc\" id=\"" + escape_markup(id) +
                    "\" font-family=\"" + kFontFamily + "\" font-size=\"" + px(kFont) + "\">\n";
  out += "<title id=\"" + escape_markup(id) + "-title\">" + escape_markup(title) + "</title>\n";
  out += "<desc id=\"" + escape_markup(id) + "-desc\">" + escape_markup(description) + "</desc>\n";
  out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  return out;
}

std::string text(double x, double y, const std::string& s, const std::string& attributes = "") {
  return "<text x=\"" + px(x) + "\" y=\"" + px(y) + "\"" + (attributes.empty() ? "" : " " + attributes) + ">" +
         escape_markup(s) + "</text>\n";
}

std::string heading(double width, const std::string& title) {
  return text(width / 2, 22, title, "text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\"");
}

// Wraps `content` in a link and a tooltip when they are given.
std::string linked(const std::string& content, const std::string& link, const std::string& tooltip) {
  std::string inner = tooltip.empty() ? content : "<g><title>" + escape_markup(tooltip) + "</title>" + content + "</g>";
  if (link.empty()) return inner;
  return "<a href=\"" + escape_markup(link) + "\">" + inner + "</a>";
}

// Round tick values covering [lo, hi] (1, 2 or 5 times a power of ten apart).
std::vector<double> ticks(double lo, double hi) {
  if (!(hi > lo)) return {lo};
  const double raw = (hi - lo) / 5;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * power >= raw) {
      step = m * power;
      break;
    }
  }
  std::vector<double> out;
  for (double v = std::floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

}  // namespace

std::string escape_markup(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': case '\n': case '\r': out += c; break;
      default:
        // XML 1.0 admits no other C0 control character, even as a reference:
        // each is shown as U+FFFD, the replacement character.
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string svg_file(const std::string& svg) { return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg; }

std::string heatmap_svg(const Heatmap& h) {
  double label_width = text_width(h.y_label.empty() ? "" : "M");
  for (const auto& r : h.rows) label_width = std::max(label_width, text_width(r));
  double cell_width = 64;
  for (const auto& c : h.columns) cell_width = std::max(cell_width, std::min(140.0, text_width(c) + 16));
  constexpr double kCellHeight = 24;
  // Column labels are written at 40 degrees above the columns.
  double column_label_height = 0;
  for (const auto& c : h.columns) column_label_height = std::max(column_label_height, text_width(c) * std::sin(0.698) + 16);
  const double left = 34 + label_width + 10;
  const double top = 40 + column_label_height;
  const double grid_width = cell_width * static_cast<double>(h.columns.size());
  const double grid_height = kCellHeight * static_cast<double>(h.rows.size());
  const double legend_top = top + grid_height + 46;
  const double width = std::max({left + grid_width + 40 + column_label_height, left + 60 * 8 + 20, text_width(h.title, 15) + 40});
  const double height = legend_top + 56;

  double max_value = 0;
  for (const auto& row : h.cells) {
    for (const auto& c : row) max_value = std::max(max_value, c.value);
  }
  std::string out = open_svg(h.id, width, height, h.title, h.description);
  out += heading(width, h.title);
  // Column labels.
  for (std::size_t c = 0; c < h.columns.size(); ++c) {
    const double x = left + cell_width * (static_cast<double>(c) + 0.5);
    out += text(x, top - 8, h.columns[c],
                "transform=\"rotate(-40 " + px(x) + " " + px(top - 8) + ")\" text-anchor=\"start\"");
  }
  // Rows: label and cells.
  for (std::size_t r = 0; r < h.rows.size(); ++r) {
    const double y = top + kCellHeight * static_cast<double>(r);
    out += text(left - 8, y + kCellHeight / 2 + 4, h.rows[r], "text-anchor=\"end\"");
    for (std::size_t c = 0; c < h.columns.size(); ++c) {
      const double x = left + cell_width * static_cast<double>(c);
      const HeatmapCell empty;
      const HeatmapCell& cell = r < h.cells.size() && c < h.cells[r].size() ? h.cells[r][c] : empty;
      const Rgb fill = cell.value > 0 && max_value > 0 ? blues(0.12 + 0.88 * cell.value / max_value) : Rgb{255, 255, 255};
      std::string shape = "<rect x=\"" + px(x) + "\" y=\"" + px(y) + "\" width=\"" + px(cell_width) + "\" height=\"" +
                          px(kCellHeight) + "\" fill=\"" + hex(fill) + "\" stroke=\"#bdbdbd\" stroke-width=\"0.5\"/>";
      shape += text(x + cell_width / 2, y + kCellHeight / 2 + 4, cell.label,
                    "text-anchor=\"middle\" fill=\"" + (cell.value > 0 ? text_colour_on(fill) : std::string("#737373")) + "\"");
      out += "<g class=\"cell\" data-row=\"" + std::to_string(r) + "\" data-column=\"" + std::to_string(c) + "\">" +
             linked(shape, cell.link, cell.tooltip) + "</g>\n";
    }
  }
  // Axis labels.
  if (!h.y_label.empty()) {
    const double y = top + grid_height / 2;
    out += text(16, y, h.y_label, "transform=\"rotate(-90 16 " + px(y) + ")\" text-anchor=\"middle\" font-weight=\"bold\"");
  }
  if (!h.x_label.empty()) {
    out += text(left + grid_width / 2, top + grid_height + 22, h.x_label, "text-anchor=\"middle\" font-weight=\"bold\"");
  }
  // Legend: the scale at round values from 0 to the largest (whole numbers
  // only when every value is whole, as counts are).
  bool whole = true;
  for (const auto& row : h.cells) {
    for (const auto& c : row) whole = whole && c.value == std::floor(c.value);
  }
  std::vector<double> steps;
  for (double v : ticks(0, std::max(max_value, whole ? 1.0 : 1e-9))) {
    if (v <= max_value + 1e-9 && (!whole || v == std::floor(v))) steps.push_back(v);
  }
  if (steps.empty() || steps.back() < max_value) steps.push_back(max_value);
  out += text(left, legend_top, h.value_label, "font-weight=\"bold\"");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const double v = steps[i];
    const Rgb fill = v > 0 && max_value > 0 ? blues(0.12 + 0.88 * v / max_value) : Rgb{255, 255, 255};
    const double x = left + 60.0 * static_cast<double>(i);
    out += "<rect x=\"" + px(x) + "\" y=\"" + px(legend_top + 8) + "\" width=\"56\" height=\"16\" fill=\"" + hex(fill) +
           "\" stroke=\"#bdbdbd\" stroke-width=\"0.5\"/>\n";
    out += text(x + 28, legend_top + 40, px(v), "text-anchor=\"middle\"");  // two decimals at most
  }
  out += "</svg>\n";
  return out;
}

std::string bar_chart_svg(const BarChart& chart) {
  // Distinct in lightness as well as in hue: dark blue, light orange, grey, green.
  static const char* const kSeries[] = {"#08519c", "#fdae6b", "#636363", "#74c476"};
  double label_width = 0;
  for (const auto& b : chart.bars) label_width = std::max(label_width, text_width(b.label));
  double lo = 0, hi = 0;
  for (const auto& b : chart.bars) {
    lo = std::min(lo, b.value);
    hi = std::max(hi, b.value);
  }
  if (lo == hi) hi = lo + 1;
  const std::vector<double> tick_values = ticks(lo, hi);
  lo = std::min(lo, tick_values.front());
  hi = std::max(hi, tick_values.back());
  constexpr double kPlotWidth = 420, kBarHeight = 18, kGap = 6;
  const double left = 34 + label_width + 12;
  const double top = 44 + (chart.series.empty() ? 0 : 22);
  const double plot_height = (kBarHeight + kGap) * static_cast<double>(chart.bars.size()) + kGap;
  const double width = std::max(left + kPlotWidth + 70, text_width(chart.title, 15) + 40);
  const double height = top + plot_height + 62;
  const auto x_of = [&](double v) { return left + (v - lo) / (hi - lo) * kPlotWidth; };

  std::string out = open_svg(chart.id, width, height, chart.title, chart.description);
  out += heading(width, chart.title);
  // Legend.
  double lx = left;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    out += "<rect x=\"" + px(lx) + "\" y=\"" + px(top - 26) + "\" width=\"12\" height=\"12\" fill=\"" + kSeries[s % 4] + "\"/>\n";
    out += text(lx + 16, top - 16, chart.series[s]);
    lx += 16 + text_width(chart.series[s]) + 24;
  }
  // Grid and ticks.
  for (double t : tick_values) {
    const double x = x_of(t);
    out += "<line x1=\"" + px(x) + "\" y1=\"" + px(top) + "\" x2=\"" + px(x) + "\" y2=\"" + px(top + plot_height) +
           "\" stroke=\"" + (t == 0 ? "#000000" : "#d9d9d9") + "\" stroke-width=\"" + (t == 0 ? "1" : "0.5") + "\"/>\n";
    out += text(x, top + plot_height + 16, format_number(t), "text-anchor=\"middle\"");
  }
  for (std::size_t i = 0; i < chart.bars.size(); ++i) {
    const Bar& b = chart.bars[i];
    const double y = top + kGap + (kBarHeight + kGap) * static_cast<double>(i);
    const double x0 = x_of(std::min(0.0, b.value)), x1 = x_of(std::max(0.0, b.value));
    out += text(left - 8, y + kBarHeight / 2 + 4, b.label, "text-anchor=\"end\"");
    std::string shape = "<rect x=\"" + px(x0) + "\" y=\"" + px(y) + "\" width=\"" + px(std::max(x1 - x0, 0.5)) +
                        "\" height=\"" + px(kBarHeight) + "\" fill=\"" + kSeries[b.series % 4] + "\"/>";
    const std::string value = b.value_label.empty() ? format_number(b.value) : b.value_label;
    shape += b.value >= 0 ? text(x1 + 4, y + kBarHeight / 2 + 4, value) : text(x0 - 4, y + kBarHeight / 2 + 4, value, "text-anchor=\"end\"");
    out += "<g class=\"bar\" data-index=\"" + std::to_string(i) + "\">" + linked(shape, b.link, b.tooltip) + "</g>\n";
  }
  out += text(left + kPlotWidth / 2, top + plot_height + 40, chart.x_label, "text-anchor=\"middle\" font-weight=\"bold\"");
  if (!chart.y_label.empty()) {
    const double y = top + plot_height / 2;
    out += text(16, y, chart.y_label, "transform=\"rotate(-90 16 " + px(y) + ")\" text-anchor=\"middle\" font-weight=\"bold\"");
  }
  out += "</svg>\n";
  return out;
}

Result<std::string> set_diagram_svg(const SetDiagram& d) {
  const std::size_t n = d.sets.size();
  if ((n != 2 && n != 3) || d.regions.size() != (std::size_t{1} << n)) {
    return Status::InvalidArgument("a set diagram shows 2 or 3 sets (" + std::to_string(n) + " given) with 2^sets regions");
  }
  struct Circle {
    double x, y;
  };
  constexpr double kRadius = 95;
  const std::vector<Circle> centres =
      n == 2 ? std::vector<Circle>{{170, 160}, {290, 160}} : std::vector<Circle>{{180, 150}, {290, 150}, {235, 240}};
  // Where each region's count goes (index: the region's mask).
  const std::vector<Circle> spots = n == 2 ? std::vector<Circle>{{0, 0}, {120, 165}, {340, 165}, {230, 165}}
                                           : std::vector<Circle>{{0, 0},     {130, 125}, {340, 125}, {235, 115},
                                                                 {235, 300}, {180, 215}, {290, 215}, {235, 180}};
  // Outline styles differ in dash as well as colour.
  static const char* const kStroke[] = {"#08519c", "#a63603", "#252525"};
  static const char* const kDash[] = {"", " stroke-dasharray=\"8 4\"", " stroke-dasharray=\"2 3\""};
  static const char* const kFill[] = {"#6baed6", "#fdae6b", "#bdbdbd"};

  // The members, listed under the diagram, a line per region.
  std::vector<std::string> lines;
  for (std::size_t mask = 1; mask < d.regions.size(); ++mask) {
    std::string name;
    for (std::size_t s = 0; s < n; ++s) {
      if (mask & (std::size_t{1} << s)) name += (name.empty() ? "" : " & ") + d.sets[s];
    }
    if (std::popcount(mask) == 1) name += " only";
    if (std::popcount(mask) == static_cast<int>(n)) name = n == 2 ? "both" : "all three";
    std::string line = name + " (" + std::to_string(d.regions[mask].size()) + "):";
    for (std::size_t i = 0; i < d.regions[mask].size(); ++i) line += (i ? ", " : " ") + d.regions[mask][i];
    if (d.regions[mask].empty()) line += " none";
    // Wrap at about 90 columns.
    while (display_width(line) > 90) {
      std::size_t cut = line.rfind(", ", 90);
      if (cut == std::string::npos || cut == 0) break;
      lines.push_back(line.substr(0, cut + 1));
      line = "    " + line.substr(cut + 2);
    }
    lines.push_back(line);
  }
  double width = 470;
  for (const auto& l : lines) width = std::max(width, text_width(l) + 40);
  width = std::max(width, text_width(d.title, 15) + 40);
  const double list_top = n == 2 ? 290 : 370;
  const double height = list_top + 18.0 * static_cast<double>(lines.size()) + 16;

  std::string out = open_svg(d.id, width, height, d.title, d.description);
  out += heading(width, d.title);
  for (std::size_t s = 0; s < n; ++s) {
    out += "<circle cx=\"" + px(centres[s].x) + "\" cy=\"" + px(centres[s].y) + "\" r=\"" + px(kRadius) + "\" fill=\"" +
           kFill[s] + "\" fill-opacity=\"0.3\" stroke=\"" + kStroke[s] + "\" stroke-width=\"2\"" + kDash[s] + "/>\n";
  }
  // Set names outside their circles.
  const std::vector<Circle> names = n == 2 ? std::vector<Circle>{{110, 52}, {350, 52}}
                                           : std::vector<Circle>{{110, 42}, {360, 42}, {235, 356}};
  for (std::size_t s = 0; s < n; ++s) {
    out += text(names[s].x, names[s].y, d.sets[s], std::string("text-anchor=\"middle\" font-weight=\"bold\" fill=\"") + kStroke[s] + "\"");
  }
  for (std::size_t mask = 1; mask < d.regions.size(); ++mask) {
    out += "<g class=\"region\" data-mask=\"" + std::to_string(mask) + "\">" +
           text(spots[mask].x, spots[mask].y, std::to_string(d.regions[mask].size()),
                "text-anchor=\"middle\" font-size=\"18\" font-weight=\"bold\"") +
           "</g>\n";
  }
  for (std::size_t i = 0; i < lines.size(); ++i) out += text(20, list_top + 18.0 * static_cast<double>(i), lines[i]);
  out += "</svg>\n";
  return out;
}

}  // namespace charterkit
