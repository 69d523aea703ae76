// charter quote-check: where each quoted passage stands in its source.
#include <string>
#include <vector>

#include "charterkit/quote.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

void declare(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      ("quote,q", po::value<std::string>()->required(), "the quoting text: a document id or a file")
      ("source,s", po::value<std::string>()->required(), "the source it quotes: a document id or a file")
      ("min-similarity", po::value<double>()->default_value(0.5), "similarity from which a passage counts as found");
  declare_output(options, "text");
}

int run(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  const double threshold = vm["min-similarity"].as<double>();
  if (!(threshold >= 0 && threshold <= 1)) return fail(Status::InvalidArgument("--min-similarity takes 0 to 1"));
  Result<charterkit::Document> quote = load_one_document(vm["quote"].as<std::string>(), "name one");
  if (!quote.ok()) return fail(quote.status());
  Result<charterkit::Document> source = load_one_document(vm["source"].as<std::string>(), "name one");
  if (!source.ok()) return fail(source.status());
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());

  std::vector<charterkit::QuoteMatch> matches;
  const std::string_view body = quote->text.content();
  for (const charterkit::Passage& p : charterkit::quoted_passages(body)) {
    Result<charterkit::QuoteMatch> m =
        charterkit::find_quote(body.substr(p.begin, p.end - p.begin), source.value(), tokenizer.value(), threshold);
    if (!m.ok()) return fail(m.status());
    matches.push_back(std::move(m).value());
  }
  std::string out;
  using charterkit::json_quote;
  if (format.value() == charterkit::TableFormat::kJson) {
    out = "[";
    for (std::size_t i = 0; i < matches.size(); ++i) {
      const auto& m = matches[i];
      out += std::string(i ? "," : "") + "\n  {\"quote\": " + json_quote(m.quote) + ", \"found\": " +
             (m.found ? "true" : "false") + ", \"source_segment\": " + json_quote(m.source_segment) +
             ", \"begin\": " + std::to_string(m.begin) + ", \"end\": " + std::to_string(m.end) +
             ", \"similarity\": " + charterkit::format_number(m.similarity) + ",\n   \"differences\": [";
      for (std::size_t k = 0; k < m.differences.size(); ++k) {
        const auto& d = m.differences[k];
        out += std::string(k ? ", " : "") + "{\"op\": " + json_quote(d.op) + ", \"quote\": " + json_quote(d.quote) +
               ", \"source\": " + json_quote(d.source) + "}";
      }
      out += "]}";
    }
    out += "\n]\n";
  } else {
    charterkit::Table table({"quote", "found", "source_segment", "begin", "end", "similarity", "differences"});
    for (const auto& m : matches) {
      std::string diffs;
      for (const auto& d : m.differences) {
        diffs += (diffs.empty() ? "" : "; ") + d.op + ": " +
                 (d.op == "replace" ? "“" + d.quote + "” → “" + d.source + "”"
                  : d.op == "insert" ? "“" + d.quote + "” not in the source"
                                     : "“" + d.source + "” left out");
      }
      table.add_row({m.quote, std::string(m.found ? "yes" : "no"), m.source_segment,
                     static_cast<std::int64_t>(m.begin), static_cast<std::int64_t>(m.end), m.similarity, diffs});
    }
    out = render_table(table, format.value(), vm["output"].as<std::string>());
  }
  if (Status s = write_output(out, vm["output"].as<std::string>()); !s.ok()) return fail(s);
  return kExitOk;
}

}  // namespace

extern const Command kQuoteCheckCommand = {
    "quote-check",
    "Find where each quoted passage stands in its source, and how it differs",
    "charter quote-check --quote DOC --source DOC [--min-similarity X] [--format ...]",
    "Takes the passages inside quotation marks in the quoting text (“…”, «…», „…“,\n"
    "\"…\"; the whole text when it has none) and aligns each with the source word by word\n"
    "(normalized words, so line breaks, punctuation and case do not count). Prints the\n"
    "segment and byte span of the best match, its similarity (2 x matching words / words\n"
    "of both), and the word differences: replace, insert (words of the quotation the\n"
    "source lacks) and delete (words of the source the quotation leaves out).",
    "  charter quote-check --quote sco-charter-objectives --source sco-charter.en.txt\n"
    "  charter quote-check --quote csto-charter-objectives --source csto-charter.en.txt --format json",
    declare,
    run,
};

}  // namespace charter
