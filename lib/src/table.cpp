#include "charterkit/table.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace charterkit {
namespace {

std::string cell_text(const Cell& cell, bool exact = false) {
  if (const auto* s = std::get_if<std::string>(&cell)) return *s;
  if (const auto* i = std::get_if<std::int64_t>(&cell)) return std::to_string(*i);
  return exact ? format_number_exact(std::get<double>(cell)) : format_number(std::get<double>(cell));
}

std::string tsv_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

std::string csv_escape(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// JSON string escaping (RFC 8259). The input is valid UTF-8 and is kept as is
// except for the characters JSON requires to be escaped.
std::string json_string(std::string_view s) { return json_quote(s); }

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", u);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return text;
}

std::string markdown_escape(const std::string& s) {
  std::string out;
  for (char c : one_line(s)) {
    if (c == '|' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string latex_escape(const std::string& s) {
  std::string out;
  for (char c : one_line(s)) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      default: out += c;
    }
  }
  return out;
}

std::string json_value(const Cell& cell, bool exact) {
  if (const auto* s = std::get_if<std::string>(&cell)) return json_string(*s);
  if (const auto* d = std::get_if<double>(&cell); d && !std::isfinite(*d)) return "null";
  return cell_text(cell, exact);
}

}  // namespace

void Table::add_row(std::vector<Cell> row) { rows_.push_back(std::move(row)); }

void Table::set_full_precision(std::size_t column) {
  if (full_precision_.size() <= column) full_precision_.resize(column + 1, false);
  full_precision_[column] = true;
}

bool Table::full_precision(std::size_t column) const {
  return column < full_precision_.size() && full_precision_[column];
}

Result<TableFormat> parse_table_format(std::string_view name) {
  if (name == "text") return TableFormat::kText;
  if (name == "tsv") return TableFormat::kTsv;
  if (name == "csv") return TableFormat::kCsv;
  if (name == "json") return TableFormat::kJson;
  if (name == "markdown" || name == "md") return TableFormat::kMarkdown;
  if (name == "latex" || name == "tex") return TableFormat::kLatex;
  return Status::InvalidArgument("unknown format '" + std::string(name) +
                                 "' (formats: text, tsv, csv, json, markdown, latex)");
}

std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(s.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) { ++width; continue; }
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) {
      continue;
    }
    const auto eaw = static_cast<UEastAsianWidth>(u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH));
    width += (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) ? 2 : 1;
  }
  return width;
}

std::string format_number(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NA" : (value > 0 ? "Inf" : "-Inf");
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 6);
  std::string out(buf, ec == std::errc() ? end : buf);
  if (out.find('.') != std::string::npos) {
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  return out;
}

std::string format_number_exact(double value) {
  if (!std::isfinite(value)) return format_number(value);
  char buf[400];  // the longest fixed form of a double has 330 characters or so
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  std::string out(buf, ec == std::errc() ? end : buf);
  if (out == "-0") out = "0";
  return out;
}

namespace {

// Splits `text` into lines of at most `width` display columns, at spaces when
// it can, inside a word when a word is longer than a line.
std::vector<std::string> wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line, word;
  std::size_t line_width = 0;
  const auto flush_word = [&] {
    if (word.empty()) return;
    std::size_t w = display_width(word);
    if (line_width > 0 && line_width + 1 + w > width) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    while (w > width) {  // a word longer than a line: cut it at code points
      std::string head;
      std::size_t i = 0, head_width = 0;
      while (i < word.size()) {
        std::size_t n = 1;
        while (i + n < word.size() && (static_cast<unsigned char>(word[i + n]) & 0xC0) == 0x80) ++n;
        const std::size_t cw = display_width(word.substr(i, n));
        if (head_width + cw > width && head_width > 0) break;
        head += word.substr(i, n);
        head_width += cw;
        i += n;
      }
      if (line_width > 0) {
        lines.push_back(line);
        line.clear();
        line_width = 0;
      }
      lines.push_back(head);
      word = word.substr(i);
      w = display_width(word);
    }
    if (line_width > 0) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += w;
    word.clear();
  };
  for (char c : text) {
    if (c == ' ') flush_word();
    else word += c;
  }
  flush_word();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string render(const Table& table, TableFormat format, std::size_t max_width) {
  std::string out;
  const auto& columns = table.columns();
  switch (format) {
    case TableFormat::kText: {
      const std::size_t n = columns.size();
      std::vector<std::size_t> widths(n, 0);
      std::vector<std::vector<std::string>> cells;
      for (std::size_t i = 0; i < n; ++i) widths[i] = display_width(columns[i]);
      for (const auto& row : table.rows()) {
        cells.emplace_back();
        for (std::size_t i = 0; i < n; ++i) {
          // Line breaks and tabs would break the alignment: show them as spaces.
          std::string text = cell_text(row[i], table.full_precision(i));
          for (char& c : text) {
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
          }
          widths[i] = std::max(widths[i], display_width(text));
          cells.back().push_back(std::move(text));
        }
      }
      const auto is_number = [&](std::size_t column) {
        return !table.rows().empty() && !std::holds_alternative<std::string>(table.rows().front()[column]);
      };
      // Narrow the widest text columns until the table fits, if it must.
      if (max_width > 0) {
        const auto total = [&] {
          std::size_t t = n > 0 ? 2 * (n - 1) : 0;
          for (std::size_t w : widths) t += w;
          return t;
        };
        constexpr std::size_t kNarrowest = 12;
        while (total() > max_width) {
          std::size_t widest = n;
          for (std::size_t i = 0; i < n; ++i) {
            if (!is_number(i) && widths[i] > kNarrowest && (widest == n || widths[i] > widths[widest])) widest = i;
          }
          if (widest == n) break;  // nothing left to narrow: let the terminal wrap
          --widths[widest];
        }
      }
      const auto line = [&](const std::vector<std::string>& texts) {
        std::vector<std::vector<std::string>> cells(n);
        std::size_t height = 1;
        for (std::size_t i = 0; i < n; ++i) {
          cells[i] = display_width(texts[i]) > widths[i] ? wrap(texts[i], widths[i]) : std::vector<std::string>{texts[i]};
          height = std::max(height, cells[i].size());
        }
        for (std::size_t k = 0; k < height; ++k) {
          std::string l;
          for (std::size_t i = 0; i < n; ++i) {
            const std::string text = k < cells[i].size() ? cells[i][k] : std::string();
            const std::string pad(widths[i] - std::min(widths[i], display_width(text)), ' ');
            if (i) l += "  ";
            l += is_number(i) ? pad + text : text + (i + 1 < n ? pad : "");
          }
          while (!l.empty() && l.back() == ' ') l.pop_back();
          out += l + "\n";
        }
      };
      line(columns);
      std::vector<std::string> rules;
      for (std::size_t w : widths) rules.emplace_back(w, '-');
      line(rules);
      for (const auto& row : cells) line(row);
      break;
    }
    case TableFormat::kTsv:
    case TableFormat::kCsv: {
      const bool csv = format == TableFormat::kCsv;
      const char* sep = csv ? "," : "\t";
      const char* eol = csv ? "\r\n" : "\n";
      auto line = [&](const auto& cells, auto text_of) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (i) out += sep;
          const std::string text = text_of(cells[i], i);
          out += csv ? csv_escape(text) : tsv_escape(text);
        }
        out += eol;
      };
      line(columns, [](const std::string& s, std::size_t) { return s; });
      const auto row_text = [&](const Cell& cell, std::size_t i) { return cell_text(cell, table.full_precision(i)); };
      for (const auto& row : table.rows()) line(row, row_text);
      break;
    }
    case TableFormat::kMarkdown: {
      const auto numeric = [&](std::size_t i) {
        return !table.rows().empty() && !std::holds_alternative<std::string>(table.rows().front()[i]);
      };
      out += "|";
      for (const auto& c : columns) out += " " + markdown_escape(c) + " |";
      out += "\n|";
      for (std::size_t i = 0; i < columns.size(); ++i) out += numeric(i) ? " ---: |" : " --- |";
      out += "\n";
      for (const auto& row : table.rows()) {
        out += "|";
        for (std::size_t i = 0; i < row.size(); ++i) {
          out += " " + markdown_escape(cell_text(row[i], table.full_precision(i))) + " |";
        }
        out += "\n";
      }
      break;
    }
    case TableFormat::kLatex: {
      out += "\\begin{tabular}{";
      for (std::size_t i = 0; i < columns.size(); ++i) {
        const bool numeric = !table.rows().empty() && !std::holds_alternative<std::string>(table.rows().front()[i]);
        out += numeric ? "r" : "l";
      }
      out += "}\n\\toprule\n";
      for (std::size_t i = 0; i < columns.size(); ++i) out += (i ? " & " : "") + latex_escape(columns[i]);
      out += " \\\\\n\\midrule\n";
      for (const auto& row : table.rows()) {
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? " & " : "") + latex_escape(cell_text(row[i], table.full_precision(i)));
        out += " \\\\\n";
      }
      out += "\\bottomrule\n\\end{tabular}\n";
      break;
    }
    case TableFormat::kJson: {
      out += "[";
      bool first_row = true;
      for (const auto& row : table.rows()) {
        out += first_row ? "\n  {" : ",\n  {";
        first_row = false;
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (i) out += ", ";
          out += json_string(columns[i]) + ": " + json_value(row[i], table.full_precision(i));
        }
        out += "}";
      }
      out += first_row ? "]\n" : "\n]\n";
      break;
    }
  }
  return out;
}

}  // namespace charterkit
