// Helpers shared by the tests that drive the built `charter` program.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace test_util {

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `command` through the shell from the source folder, with `charter`
// standing for the built program. Output goes to files unique to this process
// and call, so tests may run in parallel.
inline Run shell(const std::string& command) {
  static int calls = 0;
  const std::string base = std::string(CHARTERKIT_BINARY_DIR) + "/test_util." + std::to_string(::getpid()) + "." +
                           std::to_string(++calls);
  const std::string out = base + ".out", err = base + ".err";
  const std::string full = std::string("cd '") + CHARTERKIT_SOURCE_DIR + "' && charter() { '" + CHARTER_EXE +
                           "' \"$@\"; } && { " + command + " ; } >'" + out + "' 2>'" + err + "'";
  const int status = std::system(full.c_str());
  Run run{WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
  std::remove(out.c_str());
  std::remove(err.c_str());
  return run;
}

// Runs `charter ARGS`.
inline Run charter(const std::string& args) { return shell("charter " + args); }

}  // namespace test_util
