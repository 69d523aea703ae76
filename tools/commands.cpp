// The table of subcommands. Each command is defined in its own cmd_*.cpp file.
#include "cli.h"

namespace charter {

extern const Command kTokensCommand;

const Command* const* all_commands() {
  static const Command* const kCommands[] = {&kTokensCommand, nullptr};
  return kCommands;
}

}  // namespace charter
