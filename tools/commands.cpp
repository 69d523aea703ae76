// The table of subcommands. Each command is defined in its own cmd_*.cpp file.
#include "cli.h"

namespace charter {

extern const Command kTokensCommand;
extern const Command kCorpusListCommand;
extern const Command kCorpusShowCommand;
extern const Command kReproduceCommand;
extern const Command kThemesCommand;
extern const Command kCompareCommand;
extern const Command kSimilarityCommand;
extern const Command kKeynessCommand;
extern const Command kQuoteCheckCommand;
extern const Command kKwicCommand;
extern const Command kCodebookCheckCommand;
extern const Command kCodebookExportCommand;
extern const Command kWordsCommand;
extern const Command kReportCommand;
extern const Command kValidateCommand;

const Command* const* all_commands() {
  static const Command* const kCommands[] = {
      &kReproduceCommand,   &kReportCommand,        &kCompareCommand,        &kSimilarityCommand, &kThemesCommand,
      &kKeynessCommand,     &kQuoteCheckCommand,    &kKwicCommand,           &kValidateCommand,   &kCorpusListCommand,
      &kCorpusShowCommand,  &kCodebookCheckCommand, &kCodebookExportCommand, &kWordsCommand,      &kTokensCommand,
      nullptr};
  return kCommands;
}

}  // namespace charter
