// charter tokens: the tokens of one file, with byte spans and normalized forms.
#include <string>

#include "charterkit/table.h"
#include "charterkit/text.h"
#include "charterkit/tokenizer.h"
#include "cli.h"

namespace charter {
namespace {

void declare(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("file", po::value<std::string>()->required(), "the UTF-8 text file to read");
  declare_output(options, "tsv");
  positional.add("file", 1);
}

int run(const po::variables_map& vm) {
  charterkit::Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  charterkit::Result<charterkit::Text> text = charterkit::load_text(vm["file"].as<std::string>());
  if (!text.ok()) return fail(text.status());
  charterkit::Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  charterkit::Result<std::vector<charterkit::Token>> tokens = tokenizer->tokenize(text->content(), text->content_begin);
  if (!tokens.ok()) return fail(tokens.status());

  charterkit::Table table({"position", "sentence", "begin", "end", "kind", "text", "normalized"});
  for (const charterkit::Token& t : tokens.value()) {
    table.add_row({static_cast<std::int64_t>(t.position), static_cast<std::int64_t>(t.sentence),
                   static_cast<std::int64_t>(t.begin), static_cast<std::int64_t>(t.end),
                   std::string(charterkit::to_string(t.kind)),
                   text->bytes.substr(t.begin, t.end - t.begin), t.normalized});
  }
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

}  // namespace

extern const Command kTokensCommand = {
    "tokens",
    "List the words of a text with their byte spans and normalized forms",
    "charter tokens FILE [--format tsv|csv|json] [-o OUTPUT]",
    "Reads FILE as UTF-8, cuts it into words by Unicode's rules (UAX #29, with\n"
    "dictionaries for Chinese) and prints one row per word: position, sentence,\n"
    "begin and end (byte offsets into FILE, end exclusive), kind (word, number,\n"
    "ideographic, other), the text as written and its normalized form (NFKC with\n"
    "case folding). Spaces and punctuation are left out.",
    "  charter tokens corpus/documents/sco-charter-objectives.en.txt\n"
    "  charter tokens treaty.txt --format json -o tokens.json",
    declare,
    run,
};

}  // namespace charter
