#include "charterkit/text.h"

#include <unicode/ucsdet.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <algorithm>
#include <bit>
#include <memory>

namespace charterkit {
namespace {

// Describes the ill-formed sequence starting at bytes[i], or returns nullptr if
// a well-formed character starts there; `length` receives the character's size.
//
// Hand-written rather than ICU's U8_NEXT because U8_NEXT only says "ill-formed";
// a user fixing a file needs to know what is wrong and exactly where.
const char* check_char(std::string_view bytes, std::size_t i, std::size_t& length) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(bytes[i + k]); };
  const unsigned char lead = b(0);
  if (lead < 0x80) { length = 1; return nullptr; }
  if (lead < 0xC0) return "unexpected continuation byte";
  if (lead < 0xC2) return "overlong encoding";
  if (lead > 0xF4) return lead < 0xF8 ? "code point above U+10FFFF" : "byte that never occurs in UTF-8";
  length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  // Allowed range of the second byte (Unicode Table 3-7).
  unsigned char lo = 0x80, hi = 0xBF;
  const char* out_of_range = nullptr;
  if (lead == 0xE0) { lo = 0xA0; out_of_range = "overlong encoding"; }
  if (lead == 0xED) { hi = 0x9F; out_of_range = "UTF-16 surrogate (U+D800..U+DFFF)"; }
  if (lead == 0xF0) { lo = 0x90; out_of_range = "overlong encoding"; }
  if (lead == 0xF4) { hi = 0x8F; out_of_range = "code point above U+10FFFF"; }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= bytes.size()) return "truncated sequence at end of input";
    const unsigned char c = b(k);
    if (c < 0x80 || c > 0xBF) return "truncated sequence";
    if (k == 1 && (c < lo || c > hi)) return out_of_range;
  }
  return nullptr;
}

// Returns the ill-formed sequence at bytes[i] in hex ("ED A0 80"): the lead
// byte and the continuation bytes that follow it, up to the length it announces.
std::string hex_bytes(std::string_view bytes, std::size_t i) {
  static const char* kDigits = "0123456789ABCDEF";
  const auto lead = static_cast<unsigned char>(bytes[i]);
  const std::size_t announced = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  std::size_t n = 1;
  while (n < announced && i + n < bytes.size() && (static_cast<unsigned char>(bytes[i + n]) & 0xC0) == 0x80) ++n;
  std::string out;
  for (std::size_t k = i; k < i + n; ++k) {
    const auto c = static_cast<unsigned char>(bytes[k]);
    if (!out.empty()) out += ' ';
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

// Line and column (1-based, columns in code points) of `offset`, which must
// follow only well-formed text.
SourceLocation locate(std::string_view bytes, std::size_t offset) {
  SourceLocation where;
  where.line = 1;
  where.column = 1;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == '\n' || (c == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
      ++where.line;
      where.column = 1;
    } else if ((c & 0xC0) != 0x80 && c != '\r') {
      ++where.column;
    }
  }
  return where;
}

// Names the binary format `bytes` starts with, or returns nullptr.
const char* binary_format(std::string_view bytes) {
  static const struct {
    std::string_view signature;
    const char* what;
  } kFormats[] = {
      {"%PDF-", "a PDF document; extract its text first (pdftotext -enc UTF-8 FILE text.txt)"},
      {std::string_view("PK\x03\x04", 4), "a ZIP archive (a .docx, .odt or .xlsx document is one); save it as plain text (UTF-8) first"},
      {std::string_view("\xD0\xCF\x11\xE0", 4), "an old Microsoft Office document (.doc, .xls); save it as plain text (UTF-8) first"},
      {"{\\rtf", "an RTF document; save it as plain text (UTF-8) first"},
      {std::string_view("\x1F\x8B", 2), "gzip-compressed; decompress it first (gunzip)"},
      {"\x89PNG", "a PNG image, not text"},
      {std::string_view("\xFF\xD8\xFF", 3), "a JPEG image, not text"},
      {std::string_view("\x7F" "ELF", 4), "a program, not text"},
  };
  for (const auto& f : kFormats) {
    if (bytes.substr(0, f.signature.size()) == f.signature) return f.what;
  }
  return nullptr;
}

// Returns the legacy encoding ICU's charset detector finds in `bytes` (as an
// iconv name), or "" when it finds none with some confidence.
std::string legacy_encoding(std::string_view bytes) {
  bytes = bytes.substr(0, 1 << 16);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> detector(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return "";
  ucsdet_setText(detector.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.get(), &status);
  if (U_FAILURE(status) || !match) return "";
  const char* name = ucsdet_getName(match, &status);
  const int32_t confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || !name || confidence < 10 || std::string_view(name) == "UTF-8") return "";
  return name;
}

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

namespace {

// Returns how many of the 8 bytes at `p` are whole ASCII or two-byte
// characters (leads C2..DF, each followed by a continuation byte), 7 when the
// last byte is such a lead, or 0 when any byte is something else: a three- or
// four-byte character, a stray continuation byte, an overlong lead. Lets the
// check run a word at a time over Latin, Cyrillic, Greek or Arabic text. Hand-
// written: Debian 12 has no library that validates UTF-8 faster than ICU's
// one-character-at-a-time macros, which the full check below uses.
inline std::size_t two_byte_word(const char* p) {
  if constexpr (std::endian::native != std::endian::little) {
    return 0;
  } else {
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    const std::uint64_t high = w & kHigh;    // bit 7 of each byte
    if (high == 0) return 8;
    const std::uint64_t b6 = (w << 1) & kHigh;  // bit 6, at bit 7
    const std::uint64_t b5 = (w << 2) & kHigh;  // bit 5, at bit 7
    const std::uint64_t lead = high & b6 & ~b5;  // 110xxxxx
    const std::uint64_t cont = high & ~b6;       // 10xxxxxx
    const std::uint64_t longer = high & b6 & b5;  // 111xxxxx
    const std::uint64_t b4_1 = ((w << 3) | (w << 4) | (w << 5) | (w << 6)) & kHigh;
    const std::uint64_t overlong = lead & ~b4_1;  // C0 or C1
    if ((longer | overlong) != 0 || cont != (lead << 8)) return 0;
    return (lead >> 63) != 0 ? 7 : 8;
  }
}

}  // namespace

Status validate_utf8(std::string_view bytes, const std::string& name, std::size_t base) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    // ASCII and two-byte characters, eight bytes at a time.
    std::size_t step = 0;
    while (i + 8 <= n && (step = two_byte_word(bytes.data() + i)) != 0) i += step;
    if (i >= n) break;
    // Then a character at a time to the end of the word that stopped the loop.
    const std::size_t until = std::min(n, i + 8);
    while (i < until) {
      const auto lead = static_cast<unsigned char>(bytes[i]);
      if (lead < 0x80) {
        ++i;
        continue;
      }
      std::size_t length = 1;
      if (const char* problem = check_char(bytes, i, length)) {
        SourceLocation where = locate(bytes, i);
        where.file = name;
        where.byte_offset = base + i;
        return Status::InvalidInput(std::string("invalid UTF-8: ") + problem + " (bytes " +
                                        hex_bytes(bytes, i) + ")",
                                    std::move(where));
      }
      i += length;
    }
  }
  return Status::Ok();
}

SourceLocation locate(const Text& text, std::size_t offset) {
  const std::size_t begin = std::min(text.content_begin, offset);
  SourceLocation where = locate(std::string_view(text.bytes).substr(begin), offset - begin);
  where.file = text.name;
  where.byte_offset = offset;
  return where;
}

Result<Text> text_from_bytes(std::string bytes, std::string name) {
  struct Bom { std::string_view signature; const char* encoding; };
  // UTF-32 first: its little-endian BOM begins with UTF-16LE's.
  static const Bom kForeign[] = {
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {std::string_view("\xFF\xFE", 2), "UTF-16LE"},
      {std::string_view("\xFE\xFF", 2), "UTF-16BE"},
  };
  const std::string_view view(bytes);
  if (const char* format = binary_format(view)) {
    return Status::InvalidInput(std::string("file is ") + format, SourceLocation{name, 1, 1, 0});
  }
  for (const Bom& bom : kForeign) {
    if (view.substr(0, bom.signature.size()) == bom.signature) {
      SourceLocation where{name, 1, 1, 0};
      return Status::InvalidInput(
          std::string("file is ") + bom.encoding + " (byte order mark), not UTF-8; convert it with: iconv -f " +
              bom.encoding + " -t UTF-8 '" + name + "' > converted.txt",
          std::move(where));
    }
  }
  Text text;
  text.content_begin = view.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  if (Status s = validate_utf8(view.substr(text.content_begin), name, text.content_begin); !s.ok()) {
    // Line and column are counted from the start of the content; the BOM has none.
    const std::string encoding = legacy_encoding(view);
    if (encoding.empty()) return s;
    return Status::InvalidInput(s.message() + "; the file looks like " + encoding +
                                    " text: convert it with iconv -f " + encoding + " -t UTF-8 '" + name +
                                    "' > converted.txt",
                                s.where());
  }
  // NUL bytes are valid UTF-8 but never part of a charter: the file is binary,
  // or UTF-16/UTF-32 without a byte order mark.
  if (const std::size_t nul = view.find('\0', text.content_begin); nul != std::string_view::npos) {
    const std::size_t nuls = static_cast<std::size_t>(std::count(view.begin(), view.end(), '\0'));
    SourceLocation where = locate(view.substr(text.content_begin), nul - text.content_begin);
    where.file = name;
    where.byte_offset = nul;
    std::string message = "file holds a NUL byte: it is binary data, not text";
    if (nuls * 4 >= view.size()) {
      const bool little = nul % 2 == 1;
      message = std::string("file looks like UTF-16") + (little ? "LE" : "BE") +
                " without a byte order mark (every other byte is NUL); convert it with: iconv -f UTF-16" +
                (little ? "LE" : "BE") + " -t UTF-8 '" + name + "' > converted.txt";
    }
    return Status::InvalidInput(message, std::move(where));
  }
  text.name = std::move(name);
  text.bytes = std::move(bytes);
  return text;
}

Result<Text> load_text(const std::string& path) {
  errno = 0;
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    const int err = errno;
    SourceLocation where{path, 0, 0, std::nullopt};
    if (err == ENOENT) return Status::NotFound("no such file", std::move(where));
    return Status::IOError(std::string("cannot open: ") + std::strerror(err), std::move(where));
  }
  // A charter or treaty is kilobytes to a few megabytes; a larger file is
  // refused before it is read, so memory stays bounded whatever is named.
  constexpr long long kMaxBytes = 256LL << 20;
  struct stat info {};
  if (::fstat(::fileno(file.get()), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > kMaxBytes) {
    return Status::InvalidInput("file is " + std::to_string(info.st_size) +
                                    " bytes; the limit is 256 MiB per document: split it into several files",
                                SourceLocation{path, 0, 0, std::nullopt});
  }
  std::string bytes;
  bool more = true;
  if (S_ISREG(info.st_mode) && info.st_size > 0) {  // straight into place, then whatever was appended since
    bytes.resize(static_cast<std::size_t>(info.st_size));
    bytes.resize(std::fread(bytes.data(), 1, bytes.size(), file.get()));
    more = bytes.size() == static_cast<std::size_t>(info.st_size);
  }
  char buffer[1 << 16];
  while (more) {
    const std::size_t got = std::fread(buffer, 1, sizeof buffer, file.get());
    bytes.append(buffer, got);
    if (got < sizeof buffer) break;
    if (bytes.size() > static_cast<std::size_t>(kMaxBytes)) {  // a pipe or device: same limit
      return Status::InvalidInput("input exceeds the limit of 256 MiB per document: split it into several files",
                                  SourceLocation{path, 0, 0, std::nullopt});
    }
  }
  if (std::ferror(file.get())) {
    const int err = errno;
    return Status::IOError(std::string("cannot read: ") + std::strerror(err),
                           SourceLocation{path, 0, 0, std::nullopt});
  }
  return text_from_bytes(std::move(bytes), path);
}

}  // namespace charterkit
