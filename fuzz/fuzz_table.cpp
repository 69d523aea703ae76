// Table rendering in every format, cells cut from the input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "charterkit/table.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  charterkit::Table table({"a", "b", "c"});
  std::vector<charterkit::Cell> row;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= input.size(); ++i) {
    if (i == input.size() || input[i] == '\x1f') {
      const std::string cell = input.substr(start, i - start);
      if (row.size() == 1 && !cell.empty()) row.emplace_back(static_cast<double>(cell.size()) / 7.0);
      else row.emplace_back(cell);
      if (row.size() == 3) {
        table.add_row(std::move(row));
        row.clear();
      }
      start = i + 1;
    }
  }
  for (auto format : {charterkit::TableFormat::kText, charterkit::TableFormat::kTsv, charterkit::TableFormat::kCsv,
                      charterkit::TableFormat::kJson, charterkit::TableFormat::kMarkdown, charterkit::TableFormat::kLatex}) {
    (void)charterkit::render(table, format);
    (void)charterkit::render(table, format, 1 + size % 80);
  }
  return 0;
}
