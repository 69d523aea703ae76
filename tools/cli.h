// What every subcommand of `charter` shares: its description, and how errors
// become messages and exit codes.
#pragma once

#include <boost/program_options.hpp>

#include <string>
#include <string_view>

#include "charterkit/batch.h"
#include "charterkit/codebook.h"
#include "charterkit/corpus.h"
#include "charterkit/status.h"
#include "charterkit/table.h"
#include "charterkit/tokenizer.h"

namespace charter {

namespace po = boost::program_options;

// Declares --format (-f, default `default_format`, any format of render) and
// --output (-o), the options of every command that prints a table.
void declare_output(po::options_description& options, const char* default_format);

// Exit codes of the charter program.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  const char* name;
  const char* summary;   // one line, for `charter --help`
  const char* usage;     // "charter tokens FILE [options]"
  const char* details;   // a paragraph printed under the usage line
  const char* example;   // one or more example command lines
  // Declares the command's options and positional arguments.
  void (*declare)(po::options_description& options, po::positional_options_description& positional);
  // Runs the command on parsed options; returns the exit code.
  int (*run)(const po::variables_map& vm);
};

// The commands, in the order `charter --help` lists them.
const Command* const* all_commands();

// Prints "charter: <status>" on stderr and returns the exit code for it:
// kExitUsage for InvalidArgument, kExitError otherwise.
int fail(const charterkit::Status& status);

// Writes `bytes` to standard output, or when `path` is not empty to that file
// atomically (a temporary file in the same folder, renamed when complete), so
// that a failed run leaves no partial file.
charterkit::Status write_output(const std::string& bytes, const std::string& path);

// Renders `table` for `output_path` ("" = standard output): a text table on a
// terminal is fitted to the terminal's width; anything else is never wrapped.
std::string render_table(const charterkit::Table& table, charterkit::TableFormat format, const std::string& output_path);

// Renders `table` and writes it (see write_output); returns the exit code.
int print_table(const charterkit::Table& table, charterkit::TableFormat format, const std::string& output_path);

// Loads the documents named by `names`: ids of the built-in corpus, files,
// folders or manifests; the whole built-in corpus when `names` is empty.
// Prints the corpus's warnings on stderr. The files of a folder are read on
// `threads` threads (0: one per processor).
charterkit::Status load_documents(const std::vector<std::string>& names, charterkit::Corpus& corpus,
                                  unsigned threads = 0);

// Loads the one document named by `name` (an id of the built-in corpus or a
// file). Errors: those of load_documents, and InvalidArgument "'NAME' holds N
// documents; HINT" when `name` is a folder or manifest of several.
charterkit::Result<charterkit::Document> load_one_document(const std::string& name, const std::string& hint);

// Loads the codebook at `path` (charterkit YAML, quanteda YAML or LIWC .dic),
// or the default codebook when `path` is empty.
charterkit::Result<charterkit::Codebook> load_codebook(const std::string& path, charterkit::Tokenizer& tokenizer);

// Returns `s` on one line, for a table cell: line breaks and tabs become
// spaces, runs of spaces one space, spaces at either end are dropped.
std::string one_line(std::string_view s);

// Declares --threads (-j) and --quiet (-q), the options of commands that work
// over many documents.
void declare_batch(po::options_description& options);

// Returns the batch options of --threads and --quiet. Progress (documents
// done, MB/s, time left) goes to stderr when it is a terminal and --quiet is
// not given; the line is erased when the batch ends. Errors: InvalidArgument
// for a negative or absurd thread count.
charterkit::Result<charterkit::BatchOptions> batch_options(const po::variables_map& vm);

}  // namespace charter
