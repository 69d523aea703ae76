// charter: command-line front end of charterkit. Parses the subcommand and its
// options, then hands over to the command; the work is done by the library.
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "charterkit/version.h"
#include "cli.h"

namespace {

using charter::Command;
using charter::po::options_description;
using charter::po::positional_options_description;

// Finds the command named by args[at] or by args[at] and args[at + 1] ("corpus
// list"); `words` receives how many arguments the name took.
const Command* find_command(const std::vector<std::string>& args, std::size_t at, std::size_t& words) {
  for (const Command* const* c = charter::all_commands(); *c; ++c) {
    if (at + 1 < args.size() && args[at] + " " + args[at + 1] == (*c)->name) {
      words = at + 2;
      return *c;
    }
    if (args[at] == (*c)->name) {
      words = at + 1;
      return *c;
    }
  }
  return nullptr;
}

void print_overview(std::ostream& out) {
  out << "charter " << charterkit::version()
      << ": compare the charters and treaties of international organizations\n\n"
         "Usage: charter COMMAND [options] [arguments]\n\nCommands:\n";
  for (const Command* const* c = charter::all_commands(); *c; ++c) {
    std::string name = (*c)->name;
    name.resize(std::max<std::size_t>(name.size() + 2, 17), ' ');
    out << "  " << name << (*c)->summary << '\n';
  }
  out << "\nOptions:\n  -h, --help     show this help\n  --version      show the version\n\n"
         "'charter help COMMAND' or 'charter COMMAND --help' describes a command.\n"
         "Exit status: 0 success, 1 error in the input or while running, 2 usage error.\n";
}

options_description options_of(const Command& command, positional_options_description& positional) {
  options_description options("Options");
  options.add_options()("help,h", "show this help");
  command.declare(options, positional);
  return options;
}

void print_help(const Command& command, std::ostream& out) {
  positional_options_description positional;
  options_description options = options_of(command, positional);
  out << "Usage: " << command.usage << "\n\n" << command.summary << ".\n";
  if (*command.details) out << '\n' << command.details << '\n';
  out << '\n' << options << "\nExample:\n" << command.example << '\n';
}

int usage_error(const std::string& message, const char* command) {
  std::cerr << "charter: " << message << '\n';
  std::cerr << "Try 'charter " << (command ? std::string(command) + " --help" : std::string("--help"))
            << "'.\n";
  return charter::kExitUsage;
}

int run_command(const Command& command, const std::vector<std::string>& args) {
  positional_options_description positional;
  options_description options = options_of(command, positional);
  charter::po::variables_map vm;
  try {
    charter::po::store(charter::po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      print_help(command, std::cout);
      return charter::kExitOk;
    }
    charter::po::notify(vm);
  } catch (const charter::po::error& e) {
    return usage_error(e.what(), command.name);
  }
  return command.run(vm);
}

}  // namespace

int main(int argc, char** argv) {
  // Writing to a closed pipe then fails with EPIPE, handled like any write error,
  // instead of killing the program with a signal.
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_overview(std::cerr);
    return charter::kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "--help" || first == "-h") {
    print_overview(std::cout);
    return charter::kExitOk;
  }
  if (first == "--version") {
    std::cout << "charter " << charterkit::version() << '\n';
    return charter::kExitOk;
  }
  if (first == "help") {
    if (args.size() == 1) {
      print_overview(std::cout);
      return charter::kExitOk;
    }
    std::size_t words = 0;
    const Command* command = find_command(args, 1, words);
    if (!command) return usage_error("unknown command '" + args[1] + "'", nullptr);
    print_help(*command, std::cout);
    return charter::kExitOk;
  }
  std::size_t words = 0;
  const Command* command = find_command(args, 0, words);
  if (!command) {
    // A group of commands named without its subcommand ("charter corpus").
    std::string subcommands;
    for (const Command* const* c = charter::all_commands(); *c; ++c) {
      const std::string name = (*c)->name;
      if (name.rfind(first + " ", 0) == 0) subcommands += (subcommands.empty() ? "" : ", ") + name.substr(first.size() + 1);
    }
    if (!subcommands.empty()) return usage_error("'" + first + "' needs a subcommand: " + subcommands, nullptr);
    return usage_error("unknown command '" + first + "'", nullptr);
  }
  try {
    return run_command(*command, std::vector<std::string>(args.begin() + static_cast<std::ptrdiff_t>(words), args.end()));
  } catch (const std::exception& e) {
    std::cerr << "charter: internal error: " << e.what() << '\n';
    return charter::kExitError;
  }
}
