// Table: the rows a command prints, and their rendering in each output format.
//
// A table has named columns and rows of cells; a cell is text, an integer or a
// real number. Rendering is deterministic: the same table gives the same bytes
// whatever the locale (numbers never use locale separators).
//
// Example:
//   charterkit::Table t({"document", "theme", "count"});
//   t.add_row({std::string("sco"), std::string("terrorism"), std::int64_t{3}});
//   std::string csv = charterkit::render(t, charterkit::TableFormat::kCsv);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "charterkit/status.h"

namespace charterkit {

using Cell = std::variant<std::string, std::int64_t, double>;

class Table {
 public:
  explicit Table(std::vector<std::string> columns) : columns_(std::move(columns)) {}

  // Appends a row. REQUIRES: row.size() == columns().size().
  void add_row(std::vector<Cell> row);

  const std::vector<std::string>& columns() const { return columns_; }
  const std::vector<std::vector<Cell>>& rows() const { return rows_; }

  // Prints the real numbers of column `column` in full precision (see
  // format_number_exact) instead of format_number's six decimals.
  // REQUIRES: column < columns().size().
  void set_full_precision(std::size_t column);
  // Returns true iff set_full_precision(column) was called.
  bool full_precision(std::size_t column) const;

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<Cell>> rows_;
  std::vector<bool> full_precision_;
};

enum class TableFormat {
  kText,  // columns aligned by display width (Chinese characters count two),
          // numbers right-aligned, a rule under the header
  kTsv,   // header line, then one line per row; tab, newline, CR and backslash
          // in cells are written as \t, \n, \r and \\ (the "linear TSV" rules)
  kCsv,   // RFC 4180: CRLF line ends, fields quoted when they hold , " CR or LF
  kJson,  // an array with one object per row, keys in column order
  kMarkdown,  // a pipe table (GitHub, pandoc); '|' in cells escaped, line breaks as spaces
  kLatex,     // a booktabs tabular; LaTeX's special characters escaped
};

// Returns the format named `name` ("text", "tsv", "csv", "json", "markdown", "latex").
// Errors: InvalidArgument naming the formats that exist.
Result<TableFormat> parse_table_format(std::string_view name);

// Returns the table rendered in `format`, as UTF-8. For kText, a `max_width`
// above 0 (a terminal's width) narrows the widest text columns until the table
// fits, wrapping their cells over several lines at spaces; 0 never wraps.
std::string render(const Table& table, TableFormat format, std::size_t max_width = 0);

// Returns `s` as a JSON string literal, quotes included (RFC 8259 escaping;
// non-ASCII characters are kept as UTF-8).
std::string json_quote(std::string_view s);

// Returns the number of terminal columns `s` (UTF-8) takes: East Asian wide
// and full-width characters count 2, combining marks and controls 0, others 1.
std::size_t display_width(std::string_view s);

// Returns `value` with up to 6 significant digits after the decimal point
// removed of trailing zeros ("0.5", "12", "0.333333"), independent of locale.
std::string format_number(double value);

// Returns `value` in the shortest decimal form that reads back as the same
// double, without exponent ("0.5", "0.3333333333333333", "0.0001"), so no
// digit is lost; "NA", "Inf", "-Inf" as format_number. Independent of locale.
std::string format_number_exact(double value);

}  // namespace charterkit
