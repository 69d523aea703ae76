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

}  // namespace

TEST_CASE("docs/reproducing-the-article.md shows the commands' real output", "[docs]") {
  const std::string doc = slurp(std::string(CHARTERKIT_SOURCE_DIR) + "/docs/reproducing-the-article.md");
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
  CHECK(blocks >= 3);
}
