// The outputs shown in the documentation are the tool's real outputs.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string run(const std::string& args) {
  const std::string command = std::string("cd '") + CHARTERKIT_SOURCE_DIR + "' && '" + CHARTER_EXE + "' " + args;
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  return out;
}

// Checks every block marked "<!-- output of: charter ARGS -->" in the document
// against the output of `charter ARGS`; returns how many there are.
int check_outputs(const std::string& path) {
  const std::string doc = slurp(std::string(CHARTERKIT_SOURCE_DIR) + "/" + path);
  REQUIRE_FALSE(doc.empty());
  const std::string marker = "<!-- output of: charter ";
  int blocks = 0;
  for (std::size_t at = doc.find(marker); at != std::string::npos; at = doc.find(marker, at + 1)) {
    const std::size_t args_begin = at + marker.size();
    const std::string args = doc.substr(args_begin, doc.find(" -->", args_begin) - args_begin);
    const std::string opening = "```text\n$ charter " + args + "\n";
    const std::size_t body = doc.find(opening, args_begin);
    REQUIRE(body != std::string::npos);
    const std::size_t begin = body + opening.size();
    const std::size_t end = doc.find("```\n", begin);
    REQUIRE(end != std::string::npos);
    INFO("charter " << args << " (regenerate the block when the change is intended)");
    CHECK(doc.substr(begin, end - begin) == run(args));
    ++blocks;
  }
  return blocks;
}

}  // namespace

TEST_CASE("docs/reproducing-the-article.md shows the commands' real output", "[docs]") {
  CHECK(check_outputs("docs/reproducing-the-article.md") >= 3);
}

TEST_CASE("docs/validation.md shows the command's real output", "[docs][validation]") {
  CHECK(check_outputs("docs/validation.md") >= 1);
}

TEST_CASE("docs/cli.md has a section for every command", "[docs]") {
  const std::string doc = slurp(std::string(CHARTERKIT_SOURCE_DIR) + "/docs/cli.md");
  REQUIRE_FALSE(doc.empty());
  // `charter --help` lists the commands as "  NAME  summary", NAME possibly two words.
  const std::string help = run("--help");
  const std::size_t list = help.find("Commands:\n");
  REQUIRE(list != std::string::npos);
  int commands = 0;
  std::istringstream lines(help.substr(list + 10));
  for (std::string line; std::getline(lines, line) && line.rfind("  ", 0) == 0;) {
    const std::string name = line.substr(2, line.find("  ", 2) - 2);
    INFO("command '" << name << "'");
    CHECK(doc.find("\n## charter " + name + "\n") != std::string::npos);
    ++commands;
  }
  CHECK(commands >= 14);
}
