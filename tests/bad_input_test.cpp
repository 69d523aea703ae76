// Bad input, one row each: the exit code, the message naming the file and
// place, and no output file left behind.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Run {
  int exit_code;
  std::string err;
};

Run shell(const std::string& command) {
  const std::string err = std::string(CHARTERKIT_BINARY_DIR) + "/bad_input." + std::to_string(::getpid()) + ".err";
  const int status = std::system((command + " 2>'" + err + "'").c_str());
  Run run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(err)};
  std::remove(err.c_str());
  return run;
}

std::string bytes(const char* s, std::size_t n) { return std::string(s, n); }

}  // namespace

TEST_CASE("every kind of bad text input is refused with its place and a fix", "[bad-input][cli]") {
  const std::string cp1251 = "\xD3\xF1\xF2\xE0\xE2 \xCE\xF0\xE3\xE0\xED\xE8\xE7\xE0\xF6\xE8\xE8 \xC4\xEE\xE3\xEE\xE2\xEE\xF0\xE0 "
                             "\xEE \xEA\xEE\xEB\xEB\xE5\xEA\xF2\xE8\xE2\xED\xEE\xE9 \xE1\xE5\xE7\xEE\xEF\xE0\xF1\xED\xEE\xF1\xF2\xE8. "
                             "\xD1\xF2\xE0\xF2\xFC\xFF 3. \xD6\xE5\xEB\xFF\xEC\xE8 \xCE\xF0\xE3\xE0\xED\xE8\xE7\xE0\xF6\xE8\xE8 "
                             "\xFF\xE2\xEB\xFF\xFE\xF2\xF1\xFF \xF3\xEA\xF0\xE5\xEF\xEB\xE5\xED\xE8\xE5 \xEC\xE8\xF0\xE0.\n";
  const struct {
    const char* what;
    std::string content;
    const char* command;  // run as `charter COMMAND FILE`
    int exit_code;
    const char* message;  // fragment of stderr, after "charter: FILE"
  } cases[] = {
      {"overlong UTF-8", "ok \xC0\xAF", "tokens", 1, ":1:4: invalid UTF-8: overlong encoding (bytes C0 AF)"},
      {"surrogate", "a\n\xED\xA0\x80", "tokens", 1, ":2:1: invalid UTF-8: UTF-16 surrogate"},
      {"truncated at end", "abc\xE2\x82", "tokens", 1, ":1:4: invalid UTF-8: truncated sequence at end of input"},
      {"Windows-1251", cp1251, "tokens", 1, "the file looks like windows-1251 text: convert it with iconv -f windows-1251 -t UTF-8"},
      {"UTF-16 with BOM", bytes("\xFF\xFE" "A\0r\0t\0", 8), "tokens", 1, ":1:1: file is UTF-16LE (byte order mark), not UTF-8; convert it with: iconv -f UTF-16LE"},
      {"UTF-32 with BOM", bytes("\0\0\xFE\xFF\0\0\0A", 8), "tokens", 1, "file is UTF-32BE (byte order mark)"},
      {"UTF-16 without BOM", bytes("A\0r\0t\0i\0c\0l\0e\0 \0" "1\0", 18), "tokens", 1, "file looks like UTF-16LE without a byte order mark"},
      {"NUL byte", bytes("text\nmore\0", 10), "tokens", 1, ":2:5: file holds a NUL byte: it is binary data, not text (byte offset 9)"},
      {"PDF", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "tokens", 1, ":1:1: file is a PDF document; extract its text first"},
      {"DOCX (ZIP)", bytes("PK\x03\x04\x14\0\x06\0", 8), "tokens", 1, "file is a ZIP archive (a .docx, .odt or .xlsx document is one)"},
      {"old Word", bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "tokens", 1, "an old Microsoft Office document"},
      {"empty file as a document", "", "themes", 1, ":1:1: the file is empty: there is no text to analyse"},
      {"white space as a document", " \n\t \r\n", "themes", 1, ":1:1: the file holds only white space"},
      {"CR, CRLF and mixed line ends are text", "Article 1\rPeace.\r\nArticle 2\nSecurity.\r", "themes", 0, ""},
      {"a very long token", std::string(100000, 'x') + " peace", "themes", 0, ""},
  };
  const std::string dir = CHARTERKIT_BINARY_DIR;
  for (const auto& c : cases) {
    SECTION(c.what) {
      const std::string file = dir + "/bad_input." + std::to_string(::getpid()) + ".txt";
      const std::string out = dir + "/bad_input." + std::to_string(::getpid()) + ".out";
      std::ofstream(file, std::ios::binary) << c.content;
      std::remove(out.c_str());
      const Run run = shell(std::string("'") + CHARTER_EXE + "' " + c.command + " '" + file + "' -o '" + out + "'");
      CHECK(run.exit_code == c.exit_code);
      if (c.exit_code != 0) {
        CHECK_THAT(run.err, Catch::StartsWith("charter: " + file));
        CHECK_THAT(run.err, Catch::Contains(c.message));
        CHECK_FALSE(std::ifstream(out).good());  // no partial output
      } else {
        CHECK(run.err.empty());
        CHECK(std::ifstream(out).good());
      }
      std::remove(file.c_str());
      std::remove(out.c_str());
    }
  }
}

TEST_CASE("files that are not files, and outputs that cannot be written", "[bad-input][cli]") {
  const std::string exe = std::string("'") + CHARTER_EXE + "' ";
  const std::string source = std::string("'") + CHARTERKIT_SOURCE_DIR + "/tests/data/mixed.txt'";
  CHECK(shell(exe + "tokens /no/such/file").err == "charter: /no/such/file: no such file\n");
  const Run directory = shell(exe + "tokens '" + CHARTERKIT_SOURCE_DIR + "/tests'");
  CHECK(directory.exit_code == 1);
  CHECK_THAT(directory.err, Catch::Contains("cannot read: Is a directory"));
  // Standard input as a file: a FIFO is read like any file.
  const Run from_stdin = shell(exe + "tokens /dev/stdin < " + source + " > /dev/null");
  CHECK(from_stdin.exit_code == 0);
  CHECK(from_stdin.err.empty());
  // A full disk.
  const Run full = shell(exe + "tokens " + source + " > /dev/full");
  CHECK(full.exit_code == 1);
  CHECK(full.err == "charter: <stdout>: cannot write: No space left on device\n");
  // A reader that stops early: no signal death, no message, exit 1.
  const Run closed = shell("bash -c \"" + exe + "tokens " + source + " --format json | head -c 1 > /dev/null; exit \\${PIPESTATUS[0]}\"");
  CHECK((closed.exit_code == 0 || closed.exit_code == 1));  // 0 when the pipe took it all before closing
  CHECK(closed.err.empty());
  // A 1 GB file with no line break: refused before it is read (a sparse file, so no disk is used).
  const std::string huge = std::string(CHARTERKIT_BINARY_DIR) + "/bad_input_huge." + std::to_string(::getpid()) + ".txt";
  REQUIRE(std::system(("truncate -s 1G '" + huge + "'").c_str()) == 0);
  const Run too_big = shell(exe + "tokens '" + huge + "'");
  std::remove(huge.c_str());
  CHECK(too_big.exit_code == 1);
  CHECK(too_big.err == "charter: " + huge + ": file is 1073741824 bytes; the limit is 256 MiB per document: split it into several files\n");
  // -o into a folder that does not exist.
  const Run nowhere = shell(exe + "tokens " + source + " -o /no/such/folder/out.tsv");
  CHECK(nowhere.exit_code == 1);
  CHECK_THAT(nowhere.err, Catch::StartsWith("charter: /no/such/folder/out.tsv: cannot create a file beside it"));
}

TEST_CASE("output is the same bytes whatever the locale and on repeated runs", "[determinism][cli]") {
  const std::string exe = std::string("cd '") + CHARTERKIT_SOURCE_DIR + "' && '" + CHARTER_EXE + "' ";
  const auto capture = [](const std::string& command) {
    const std::string out = std::string(CHARTERKIT_BINARY_DIR) + "/determinism." + std::to_string(::getpid()) + ".out";
    const int status = std::system((command + " > '" + out + "'").c_str());
    CHECK(status == 0);
    std::string text = slurp(out);
    std::remove(out.c_str());
    return text;
  };
  for (const char* args : {"reproduce --format json", "compare sco-charter-objectives csto-charter-objectives abstract-en",
                           "themes --by segment --format csv", "keyness --target distinct-missions --reference shared-goals --min 1"}) {
    INFO(args);
    const std::string c = capture("LANG=C LC_ALL=C " + exe + args);
    CHECK_FALSE(c.empty());
    CHECK(capture("LANG=ru_RU.UTF-8 LC_ALL=ru_RU.UTF-8 " + exe + args) == c);
    CHECK(capture("LC_ALL=de_DE.UTF-8 LC_NUMERIC=de_DE.UTF-8 " + exe + args) == c);
    CHECK(capture(exe + args) == c);
  }
}

TEST_CASE("bad data files are refused with file:line:column", "[bad-input][cli]") {
  const struct {
    const char* what;
    const char* name;     // file name (its extension chooses the reader)
    std::string content;
    const char* command;  // {} stands for the file
    int exit_code;
    const char* message;  // fragment of stderr, after "charter: FILE"
  } cases[] = {
      {"codebook: YAML syntax", "book.yaml", "themes:\n  - id: a\n    entries: {en: [x\n", "themes sco-charter-objectives --codebook {}", 1, ":4:1: YAML syntax"},
      {"codebook: wrong type", "book.yaml", "themes:\n  - id: a\n    entries: {en: [[x]]}\n", "themes --codebook {}", 1, ":3:20: 'entry' must be a single value"},
      {"codebook: pattern matching everything", "book.yaml", "themes:\n  - id: a\n    entries: {en: ['*']}\n", "themes --codebook {}", 1, ":3:20: entry '*': pattern '*' would match every word"},
      {"codebook: empty pattern", "book.yaml", "themes:\n  - id: a\n    entries: {en: ['']}\n", "themes --codebook {}", 1, "entry '': empty pattern"},
      {"codebook: duplicate theme", "book.yaml", "themes:\n  - id: a\n  - id: a\n", "codebook check {}", 1, ":3:9: theme 'a' is defined twice"},
      {"LIWC: undefined category", "book.dic", "%\n1\ta\n%\nwar\t7\n", "codebook check {}", 1, ":4:1: word 'war' names category '7'"},
      {"manifest: bad kind", "list.yaml", "documents:\n  - {id: a, path: a.txt, kind: charta}\n", "corpus list {}", 1, ":2:32: kind 'charta' is not one of"},
      {"manifest: duplicate id", "list.yaml", "documents:\n  - {id: a, path: x.txt, kind: charter}\n  - {id: a, path: x.txt, kind: charter}\n", "corpus list {}", 1, ""},
      {"front matter: never closed", "doc.txt", "---\ntitle: x\nArticle 1\n", "corpus show {}", 1, ":1:1: front matter opened by '---' on line 1 is never closed"},
      {"front matter: wrong type", "doc.txt", "---\ntitle: [a, b]\n---\nText\n", "corpus show {}", 1, ":2:8: 'title' must be a single value"},
      {"ToTA: broken XML", "pta_1.xml", "<treaty><body><chapter></treaty>", "corpus list {}", 1, ":1:26: XML: Start-end tags mismatch"},
      {"claims: unknown theme", "claims.yaml", "claims:\n  - id: c\n    text: t\n    themes: [{theme: war, SCO: present}]\n", "reproduce --claims {}", 1, ":4:22: unknown theme 'war'"},
      {"claims: not present or absent", "claims.yaml", "claims:\n  - id: c\n    text: t\n    themes: [{theme: peace, SCO: maybe}]\n", "reproduce --claims {}", 1, "expected 'present' or 'absent' for SCO"},
      {"pathological glob stays fast", "doc.txt", std::string(20000, 'a') + " " + std::string(20000, 'a') + "b\n", "kwic {} --pattern '*a*a*a*a*a*b' --window 0 --format tsv", 0, ""},
  };
  const std::string dir = std::string(CHARTERKIT_BINARY_DIR) + "/bad_data." + std::to_string(::getpid());
  for (const auto& c : cases) {
    SECTION(c.what) {
      REQUIRE(std::system(("mkdir -p '" + dir + "'").c_str()) == 0);
      const std::string file = dir + "/" + c.name;
      std::ofstream(file, std::ios::binary) << c.content;
      std::ofstream(dir + "/x.txt") << "Article 1\nPeace.\n";
      std::string command = c.command;
      command.replace(command.find("{}"), 2, "'" + file + "'");
      const Run run = shell(std::string("cd '") + CHARTERKIT_SOURCE_DIR + "' && '" + CHARTER_EXE + "' " + command + " > /dev/null");
      CHECK(run.exit_code == c.exit_code);
      if (c.exit_code != 0) {
        CHECK_THAT(run.err, Catch::StartsWith("charter: " + file));
        CHECK_THAT(run.err, Catch::Contains(c.message));
      } else {
        CHECK(run.err.empty());
      }
      REQUIRE(std::system(("rm -rf '" + dir + "'").c_str()) == 0);
    }
  }
}
