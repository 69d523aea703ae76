// The table of subcommands. Each command is defined in its own cmd_*.cpp file.
#include "cli.h"

namespace charter {

extern const Command kTokensCommand;
extern const Command kCorpusListCommand;
extern const Command kCorpusShowCommand;

const Command* const* all_commands() {
  static const Command* const kCommands[] = {&kCorpusListCommand, &kCorpusShowCommand, &kTokensCommand, nullptr};
  return kCommands;
}

}  // namespace charter
