// UTF-8 loading: well-formed text is accepted unchanged; every kind of
// ill-formed input is rejected with its exact position.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "charterkit/text.h"

using charterkit::load_text;
using charterkit::StatusCode;
using charterkit::text_from_bytes;

namespace {

struct BadCase {
  const char* what;
  std::string bytes;
  const char* message;  // fragment of the expected message
  std::size_t line;
  std::size_t column;
  std::size_t offset;
};

std::string b(const char* s, std::size_t n) { return std::string(s, n); }

// The offset of the first ill-formed sequence in `s`, or npos: Unicode's table
// of well-formed byte sequences (Table 3-7), one byte at a time.
std::size_t first_error(std::string_view s) {
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = at(i);
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
    if (c < 0x80) length = 1;
    else if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) length = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) length = 3;
    else if (c == 0xED) length = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) length = 3;
    else if (c == 0xF0) length = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else if (c == 0xF4) length = 4, hi = 0x8F;
    else return i;
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= s.size()) return i;
      const unsigned char lower = k == 1 ? lo : 0x80, upper = k == 1 ? hi : 0xBF;
      if (at(i + k) < lower || at(i + k) > upper) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("ill-formed UTF-8 is reported at its first bad sequence", "[text]") {
  // Columns count code points: "ж" (2 bytes) and "条" (3 bytes) are one column each.
  const BadCase cases[] = {
      {"lone continuation byte", "ab\x80\x80", "unexpected continuation byte (bytes 80)", 1, 3, 2},
      {"overlong 2-byte (C0 80 = U+0000)", "x\xC0\x80", "overlong encoding", 1, 2, 1},
      {"overlong 2-byte (C1 BF)", "\xC1\xBF", "overlong encoding", 1, 1, 0},
      {"overlong 3-byte (E0 80 AF = '/')", "ж\xE0\x80\xAF", "overlong encoding", 1, 2, 2},
      {"overlong 4-byte (F0 80 80 80)", "\xF0\x80\x80\x80", "overlong encoding", 1, 1, 0},
      {"high surrogate U+D800", "a\nb\xED\xA0\x80", "surrogate (U+D800..U+DFFF) (bytes ED A0 80)", 2, 2, 3},
      {"low surrogate U+DFFF", "\xED\xBF\xBF", "surrogate", 1, 1, 0},
      {"above U+10FFFF (F4 90 80 80)", "条\xF4\x90\x80\x80", "above U+10FFFF", 1, 2, 3},
      {"F5 lead byte", "\xF5\x80\x80\x80", "above U+10FFFF", 1, 1, 0},
      {"FF byte", "ok\xFF", "never occurs", 1, 3, 2},
      {"truncated 2-byte before ASCII", "\xD0z", "truncated sequence", 1, 1, 0},
      {"truncated 3-byte before ASCII", "a\xE6\x9D" "b", "truncated sequence (bytes E6 9D)", 1, 2, 1},
      {"truncated 4-byte at end of input", "abc\xF0\x9F\x98", "truncated sequence at end of input", 1, 4, 3},
      {"truncated 2-byte at end of input", "\xD0", "at end of input", 1, 1, 0},
      {"error on line 3 after CRLF", "one\r\ntwo\r\n\x80", "continuation", 3, 1, 10},
      {"lone CR counts as a line end", "one\rtwo\r\x80", "continuation", 3, 1, 8},
      {"after a long ASCII run", std::string(40, 'a') + "\xC3", "end of input", 1, 41, 40},
      {"after a BOM: offsets count the BOM", "\xEF\xBB\xBF" "a\x80", "continuation", 1, 2, 4},
  };
  for (const BadCase& c : cases) {
    SECTION(c.what) {
      auto text = text_from_bytes(c.bytes, "test.txt");
      REQUIRE_FALSE(text.ok());
      const auto& status = text.status();
      CHECK(status.code() == StatusCode::kInvalidInput);
      CHECK_THAT(status.message(), Catch::Contains(c.message));
      CHECK(status.where().file == "test.txt");
      CHECK(status.where().line == c.line);
      CHECK(status.where().column == c.column);
      REQUIRE(status.where().byte_offset.has_value());
      CHECK(*status.where().byte_offset == c.offset);
      CHECK_THAT(status.to_string(), Catch::StartsWith("test.txt:" + std::to_string(c.line) + ":"));
    }
  }
}

TEST_CASE("well-formed UTF-8 is accepted and kept byte for byte", "[text]") {
  const std::string samples[] = {
      "",
      "plain ASCII\n",
      "Ұжымдық қауіпсіздік шарты ұйымы",           // Kazakh
      "Организация Договора о коллективной безопасности",
      "上海合作组织宪章",
      "\xF0\x9F\x8C\x8D emoji and U+10FFFF: \xF4\x8F\xBF\xBF",
      "boundaries: \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xF0\x90\x80\x80",
  };
  for (const std::string& s : samples) {
    auto text = text_from_bytes(s, "ok.txt");
    REQUIRE(text.ok());
    CHECK(text->bytes == s);
    CHECK(text->content_begin == 0);
    CHECK(text->content() == s);
  }
}

TEST_CASE("a UTF-8 BOM is kept in bytes but not in content", "[text]") {
  auto text = text_from_bytes("\xEF\xBB\xBFХартия", "bom.txt");
  REQUIRE(text.ok());
  CHECK(text->bytes.size() == 3 + 12);
  CHECK(text->content_begin == 3);
  CHECK(text->content() == "Хартия");
}

TEST_CASE("UTF-16 and UTF-32 byte order marks are refused with a conversion command", "[text]") {
  const struct {
    std::string bytes;
    const char* encoding;
  } cases[] = {
      {b("\xFF\xFE" "A\0", 4), "UTF-16LE"},
      {b("\xFE\xFF\0A", 4), "UTF-16BE"},
      {b("\xFF\xFE\0\0" "A\0\0\0", 8), "UTF-32LE"},
      {b("\0\0\xFE\xFF\0\0\0A", 8), "UTF-32BE"},
  };
  for (const auto& c : cases) {
    auto text = text_from_bytes(c.bytes, "export.txt");
    REQUIRE_FALSE(text.ok());
    CHECK_THAT(text.status().message(), Catch::Contains(c.encoding));
    CHECK_THAT(text.status().message(),
               Catch::Contains(std::string("iconv -f ") + c.encoding + " -t UTF-8 'export.txt'"));
  }
}

TEST_CASE("load_text reads files and names the file in errors", "[text]") {
  const std::string path = "charterkit_text_test.tmp";
  {
    std::ofstream out(path, std::ios::binary);
    out << "Статья 1\n\xD0";
  }
  auto bad = load_text(path);
  std::remove(path.c_str());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().to_string() ==
        path + ":2:1: invalid UTF-8: truncated sequence at end of input (bytes D0) (byte offset 15)");

  auto missing = load_text("no/such/file.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().to_string() == "no/such/file.txt: no such file");

  auto directory = load_text(".");
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().code() == StatusCode::kIOError);
  CHECK_THAT(directory.status().to_string(), Catch::StartsWith(".: cannot read"));
}

TEST_CASE("the UTF-8 check finds the first bad byte wherever it falls in an 8-byte word", "[text]") {
  // Text of ASCII and two-byte letters (the check takes 8 bytes at a time)
  // with three- and four-byte characters, and one byte replaced, inserted or
  // removed at every position; the verdict and offset must be those of
  // Unicode's table of well-formed sequences.
  const std::string pieces[] = {"a", " ", "Z", "\xD0\xB6", "\xD1\x8F", "\xC3\xA9", "\xDF\xBF", "\xC2\x80",
                                "\xE6\x9D\xA1", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD"};
  const unsigned char bytes[] = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xD0, 0xDF, 0xE0,
                                 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  std::mt19937 rng(20261204);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(pieces) - 1);
  int checked = 0, bad = 0;
  for (int round = 0; round < 40; ++round) {
    std::string text;
    while (text.size() < 40) text += piece(rng) < 8 ? pieces[piece(rng) % 8] : pieces[piece(rng)];
    for (std::size_t at = 0; at <= text.size(); ++at) {
      for (const unsigned char x : bytes) {
        for (int edit = 0; edit < 3; ++edit) {
          std::string t = text;
          if (edit == 0 && at < t.size()) t[at] = static_cast<char>(x);
          else if (edit == 1) t.insert(at, 1, static_cast<char>(x));
          else if (edit == 2 && at < t.size() && x == 0x00) t.erase(at, 1);
          else continue;
          const std::size_t expected = first_error(t);
          const charterkit::Status status = charterkit::validate_utf8(t, "t.txt");
          ++checked;
          if (expected == std::string_view::npos) {
            if (!status.ok()) {
              INFO(status.to_string());
              CHECK(status.ok());
            }
          } else {
            ++bad;
            REQUIRE_FALSE(status.ok());
            REQUIRE(status.where().byte_offset.has_value());
            if (*status.where().byte_offset != expected) {
              INFO("text of " << t.size() << " bytes, edit " << edit << " at " << at << ": " << status.to_string());
              CHECK(*status.where().byte_offset == expected);
            }
          }
        }
      }
    }
  }
  CHECK(bad > checked / 4);  // both verdicts are well represented
  CHECK(bad < checked);
}
