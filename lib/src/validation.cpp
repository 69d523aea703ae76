#include "charterkit/validation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "charterkit/agreement.h"

namespace charterkit {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------------------
// CSV (RFC 4180), with the place of every field kept for messages.

struct Field {
  std::string value;
  SourceLocation at;  // the field's first character (its opening quote, if quoted)
};

struct Record {
  std::vector<Field> fields;
  SourceLocation end;  // just after the last field, for "too few fields"
};

// Reads records one by one, counting lines and columns as `locate` does (LF,
// CRLF and a lone CR end a line; columns count code points), so that a place
// costs nothing to know: calling `locate` for every row would be quadratic.
class CsvReader {
 public:
  explicit CsvReader(const Text& text) : text_(text), bytes_(text.bytes), pos_(text.content_begin) {}

  bool at_end() const { return pos_ >= bytes_.size(); }

  // Reads the next record. REQUIRES: !at_end().
  Status next(Record& record) {
    record.fields.clear();
    while (true) {
      Field field;
      field.at = here();
      if (bytes_[pos_] == '"') {
        const SourceLocation open = here();
        advance();
        while (true) {
          if (at_end()) return Status::InvalidInput("the quote opened here is never closed", open);
          if (bytes_[pos_] == '"') {
            advance();
            if (at_end() || bytes_[pos_] != '"') break;
          }
          field.value += bytes_[pos_];
          advance();
        }
        if (!at_end() && !ends_field(bytes_[pos_])) {
          return Status::InvalidInput(
              "a closing quote must be followed by a comma or the end of the line (a quote inside a quoted value is "
              "written twice: \"\")",
              here());
        }
      } else {
        while (!at_end() && !ends_field(bytes_[pos_])) {
          if (bytes_[pos_] == '"') {
            return Status::InvalidInput(
                "a quote inside an unquoted value: quote the whole value and write the quote twice (\"\")", here());
          }
          field.value += bytes_[pos_];
          advance();
        }
      }
      record.fields.push_back(std::move(field));
      if (!at_end() && bytes_[pos_] == ',') {
        advance();
        continue;
      }
      record.end = here();
      if (!at_end() && bytes_[pos_] == '\r') advance();
      if (!at_end() && bytes_[pos_] == '\n') advance();
      return Status::Ok();
    }
  }

 private:
  static bool ends_field(char c) { return c == ',' || c == '\n' || c == '\r'; }

  SourceLocation here() const { return SourceLocation{text_.name, line_, column_, pos_}; }

  void advance() {
    const auto c = static_cast<unsigned char>(bytes_[pos_]);
    if (c == '\n' || (c == '\r' && (pos_ + 1 >= bytes_.size() || bytes_[pos_ + 1] != '\n'))) {
      ++line_;
      column_ = 1;
    } else if ((c & 0xC0) != 0x80 && c != '\r') {
      ++column_;
    }
    ++pos_;
  }

  const Text& text_;
  std::string_view bytes_;
  std::size_t pos_;
  std::size_t line_ = 1, column_ = 1;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool blank(const Record& record) { return record.fields.size() == 1 && trim(record.fields[0].value).empty(); }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "a, b, c" or "a, b, ... (N more)".
std::string list_some(const std::vector<std::string>& items, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < shown; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > shown) out += ", ... (" + std::to_string(items.size() - shown) + " more)";
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string unknown_theme_message(std::string_view id, const Codebook& codebook) {
  std::vector<std::string> ids;
  std::string nearest;
  std::size_t best = std::numeric_limits<std::size_t>::max();
  for (const Theme& theme : codebook.themes()) {
    ids.push_back(theme.id);
    const std::size_t d = edit_distance(ascii_lower(id), ascii_lower(theme.id));
    if (d < best) {
      best = d;
      nearest = theme.id;
    }
  }
  std::string message = "the codebook has no theme '" + std::string(id) + "'";
  // A suggestion only when it is plausibly a slip: a third of the letters at most.
  if (!nearest.empty() && best <= std::max<std::size_t>(2, id.size() / 3)) message += "; did you mean '" + nearest + "'?";
  return message + " (themes: " + list_some(ids, 20) + ")";
}

const char* const kColumns[] = {"document", "segment", "theme"};

}  // namespace

Result<Coding> parse_coding(const Text& csv, const Codebook& codebook) {
  Coding coding;
  coding.name = csv.name;
  CsvReader reader(csv);
  Record record;

  // The header: the first row that is not blank.
  std::size_t column[3] = {SIZE_MAX, SIZE_MAX, SIZE_MAX};
  while (true) {
    if (reader.at_end()) {
      return Status::InvalidInput("the coding has no header: its first row names the columns document,segment,theme",
                                  SourceLocation{csv.name, 1, 1, csv.content_begin});
    }
    if (Status s = reader.next(record); !s.ok()) return s;
    if (!blank(record)) break;
  }
  const std::size_t width = record.fields.size();
  std::string header_text;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    const std::string name = ascii_lower(trim(record.fields[i].value));
    header_text += (i ? "," : "") + std::string(trim(record.fields[i].value));
    for (std::size_t k = 0; k < 3; ++k) {
      if (name != kColumns[k]) continue;
      if (column[k] != SIZE_MAX) {
        return Status::InvalidInput(std::string("the column '") + kColumns[k] + "' is named twice in the header",
                                    record.fields[i].at);
      }
      column[k] = i;
    }
  }
  const SourceLocation header_at = record.fields.front().at;
  std::string missing;
  for (std::size_t k = 0; k < 3; ++k) {
    if (column[k] == SIZE_MAX) missing += (missing.empty() ? "" : ", ") + std::string(kColumns[k]);
  }
  if (missing == "document, segment, theme") {
    return Status::InvalidInput("the first row must be the header document,segment,theme (columns in any order); it reads '" +
                                    header_text + "'",
                                header_at);
  }
  if (!missing.empty()) {
    return Status::InvalidInput("the header names no column " + missing +
                                    " (a coding has the columns document, segment and theme, in any order)",
                                header_at);
  }

  // The rows.
  struct Seen {
    std::size_t no_theme_row = SIZE_MAX;  // the segment's row "-", if any
    std::size_t theme_row = SIZE_MAX;     // its first row with a theme, if any
  };
  std::map<std::pair<std::string, std::string>, Seen> segments;
  std::map<std::tuple<std::string, std::string, std::size_t>, std::size_t> lines;  // row -> its first line
  while (!reader.at_end()) {
    if (Status s = reader.next(record); !s.ok()) return s;
    if (blank(record)) continue;
    if (record.fields.size() != width) {
      const SourceLocation at = record.fields.size() > width ? record.fields[width].at : record.end;
      return Status::InvalidInput("this row has " + std::to_string(record.fields.size()) + " fields; the header has " +
                                      std::to_string(width) + " (" + header_text + ")",
                                  at);
    }
    std::string_view value[3];
    for (std::size_t k = 0; k < 3; ++k) {
      value[k] = trim(record.fields[column[k]].value);
      if (value[k].empty()) {
        return Status::InvalidInput(std::string("the ") + kColumns[k] +
                                        " is empty: every row names a document, a segment and a theme ('-' for a "
                                        "segment without any)",
                                    record.fields[column[k]].at);
      }
    }
    CodingRow row;
    row.document = std::string(value[0]);
    row.segment = std::string(value[1]);
    row.document_at = record.fields[column[0]].at;
    row.segment_at = record.fields[column[1]].at;
    const SourceLocation& theme_at = record.fields[column[2]].at;
    if (value[2] != "-") {
      row.theme = codebook.find_theme(value[2]);
      if (row.theme == SIZE_MAX) return Status::InvalidInput(unknown_theme_message(value[2], codebook), theme_at);
    }

    const auto key = std::make_tuple(row.document, row.segment, row.theme);
    if (auto it = lines.find(key); it != lines.end()) {
      coding.warnings.push_back(
          Warning{row.document_at, "the same row as line " + std::to_string(it->second) + "; counted once"});
      continue;
    }
    lines.emplace(key, row.document_at.line);

    // "-" says the segment holds no theme: a row with a theme contradicts it.
    Seen& seen = segments[{row.document, row.segment}];
    const std::size_t other = row.theme == kNoTheme ? seen.theme_row : seen.no_theme_row;
    if (other != SIZE_MAX) {
      const CodingRow& was = coding.rows[other];
      const std::string where = "segment '" + row.segment + "' of document '" + row.document + "'";
      return Status::InvalidInput(
          row.theme == kNoTheme
              ? where + " is coded '-' (no theme) here, but has the theme '" + codebook.themes()[was.theme].id +
                    "' on line " + std::to_string(was.document_at.line)
              : where + " has the theme '" + codebook.themes()[row.theme].id + "' here, but is coded '-' (no theme) on line " +
                    std::to_string(was.document_at.line),
          theme_at);
    }
    (row.theme == kNoTheme ? seen.no_theme_row : seen.theme_row) = coding.rows.size();
    coding.rows.push_back(std::move(row));
  }
  if (coding.rows.empty()) {
    return Status::InvalidInput("the coding has a header but no rows: one row per theme found in a segment ('-' for a "
                                "segment without any)",
                                header_at);
  }
  return coding;
}

namespace {

// One document the codings name: per cell (segment * themes + theme), what
// each coding and the tool say.
struct Unit {
  std::size_t segments = 0;
  // Per coding: empty when the coding does not name the document; else per
  // cell the line of the row that codes it present, 0 for absent.
  std::vector<std::vector<std::size_t>> human;
  std::vector<std::vector<Evidence>> tool;  // per cell: the tool's hits
};

// Krippendorff's alpha over two coders' binary cells.
double alpha_of(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<std::vector<int>> units;
  units.reserve(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) units.push_back({a[i], b[i]});
  return krippendorff_alpha_nominal(units);
}

double ratio(std::int64_t numerator, std::int64_t denominator) {
  return denominator == 0 ? kNaN : static_cast<double>(numerator) / static_cast<double>(denominator);
}

}  // namespace

Result<Validation> validate_coding(const std::vector<Coding>& codings, const std::vector<Document>& documents,
                                   Tokenizer& tokenizer, const Matcher& matcher) {
  const Codebook& book = matcher.codebook();
  const std::size_t themes = book.themes().size();
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t d = 0; d < documents.size(); ++d) index.emplace(documents[d].id, d);

  // The human codings, checked against the documents.
  std::map<std::size_t, Unit> units;  // by document index, hence in the documents' order
  for (std::size_t c = 0; c < codings.size(); ++c) {
    for (const CodingRow& row : codings[c].rows) {
      auto found = index.find(row.document);
      if (found == index.end()) {
        std::vector<std::string> ids;
        for (const Document& doc : documents) ids.push_back(doc.id);
        return Status::InvalidInput("no document '" + row.document + "' among the documents given (documents: " +
                                        list_some(ids, 20) + ")",
                                    row.document_at);
      }
      const Document& doc = documents[found->second];
      const Segment* segment = doc.find_segment(row.segment);
      if (!segment) {
        std::vector<std::string> ids;
        for (const Segment& s : doc.segments) ids.push_back(s.id);
        return Status::InvalidInput("document '" + doc.id + "' has no segment '" + row.segment + "' (segments: " +
                                        list_some(ids, 20) + ")",
                                    row.segment_at);
      }
      Unit& unit = units[found->second];
      if (unit.human.empty()) {
        unit.segments = doc.segments.size();
        unit.human.resize(codings.size());
        unit.tool.resize(unit.segments * themes);
      }
      std::vector<std::size_t>& cells = unit.human[c];
      if (cells.empty()) cells.assign(unit.segments * themes, 0);
      if (row.theme != kNoTheme) {
        cells[static_cast<std::size_t>(segment - doc.segments.data()) * themes + row.theme] = row.document_at.line;
      }
    }
  }

  // The tool's coding of the same segments.
  for (auto& [d, unit] : units) {
    const Document& doc = documents[d];
    Result<std::vector<SegmentMatches>> matches = match_document(doc, tokenizer, matcher);
    if (!matches.ok()) return matches.status();
    for (const SegmentMatches& seg : matches.value()) {
      for (const Hit& hit : seg.hits) {
        unit.tool[seg.segment * themes + hit.theme].push_back(
            Evidence{doc.id, doc.segments[seg.segment].id, hit.sentence, hit.begin, hit.end,
                     doc.text.bytes.substr(hit.begin, hit.end - hit.begin), book.entries()[hit.entry].source});
      }
    }
  }

  // The humans among themselves: a unit per cell, a coding that does not name
  // the document is missing there. Index `themes` pools every theme.
  std::vector<double> coders_alpha(themes + 1, kNaN);
  if (codings.size() >= 2) {
    std::vector<std::vector<std::vector<int>>> values(themes + 1);
    for (const auto& [d, unit] : units) {
      for (std::size_t s = 0; s < unit.segments; ++s) {
        for (std::size_t t = 0; t < themes; ++t) {
          std::vector<int> coders;
          for (const auto& cells : unit.human) {
            coders.push_back(cells.empty() ? kMissing : (cells[s * themes + t] ? 1 : 0));
          }
          values[t].push_back(coders);
          values[themes].push_back(std::move(coders));
        }
      }
    }
    for (std::size_t t = 0; t <= themes; ++t) coders_alpha[t] = krippendorff_alpha_nominal(values[t]);
  }

  // The tool against each coding.
  Validation result;
  for (std::size_t c = 0; c < codings.size(); ++c) {
    std::vector<ThemeAgreement> rows(themes + 1);
    std::vector<std::vector<int>> human(themes + 1), tool(themes + 1);
    for (const auto& [d, unit] : units) {
      const std::vector<std::size_t>& cells = unit.human[c];
      if (cells.empty()) continue;  // not coded by this coder
      const Document& doc = documents[d];
      for (std::size_t s = 0; s < unit.segments; ++s) {
        for (std::size_t t = 0; t < themes; ++t) {
          const std::size_t cell = s * themes + t;
          const bool h = cells[cell] != 0, m = !unit.tool[cell].empty();
          for (std::size_t k : {t, themes}) {
            ThemeAgreement& row = rows[k];
            ++row.cells;
            ++(h ? (m ? row.tp : row.fn) : (m ? row.fp : row.tn));
            human[k].push_back(h ? 1 : 0);
            tool[k].push_back(m ? 1 : 0);
          }
          if (h != m) {
            result.disagreements.push_back(
                Disagreement{c, doc.id, doc.segments[s].id, t, h, m, cells[cell], unit.tool[cell]});
          }
        }
      }
    }
    for (std::size_t k = 0; k <= themes; ++k) {
      ThemeAgreement& row = rows[k];
      row.coding = c;
      row.theme = k < themes ? k : kOverall;
      row.precision = ratio(row.tp, row.tp + row.fp);
      row.recall = ratio(row.tp, row.tp + row.fn);
      row.f1 = ratio(2 * row.tp, 2 * row.tp + row.fp + row.fn);
      row.kappa = cohen_kappa(human[k], tool[k]);
      row.alpha = alpha_of(human[k], tool[k]);
      row.coders_alpha = coders_alpha[k];
      result.agreement.push_back(row);
    }
  }
  return result;
}

}  // namespace charterkit
