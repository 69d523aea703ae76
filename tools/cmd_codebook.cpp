// charter codebook check / charter codebook export.
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "charterkit/matcher.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

void declare_check(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("codebook", po::value<std::string>()->default_value(""), "the codebook (default: the built-in codebook)")
      ("corpus", po::value<std::vector<std::string>>()->multitoken()->default_value({}, ""),
       "also report entries that match nothing in these documents (ids, files, folders)")
      ("strict", po::bool_switch(), "exit with status 1 when there is any issue");
  positional.add("codebook", 1);
}

int run_check(const po::variables_map& vm) {
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  std::vector<charterkit::CodebookIssue> issues = codebook->check();

  const auto corpus_names = vm["corpus"].as<std::vector<std::string>>();
  if (!corpus_names.empty()) {
    charterkit::Corpus corpus;
    if (Status s = load_documents(corpus_names, corpus); !s.ok()) return fail(s);
    Result<charterkit::Matcher> matcher = charterkit::Matcher::Compile(codebook.value());
    if (!matcher.ok()) return fail(matcher.status());
    std::vector<bool> matched(codebook->entries().size(), false);
    std::set<std::string> languages;
    charterkit::MatchOptions raw;
    raw.raw = true;
    for (const auto& doc : corpus.documents) {
      languages.insert(doc.info.language.substr(0, doc.info.language.find('-')));
      Result<std::vector<charterkit::SegmentMatches>> matches =
          charterkit::match_document(doc, tokenizer.value(), matcher.value(), raw);
      if (!matches.ok()) return fail(matches.status());
      for (const auto& seg : matches.value()) {
        for (const auto& hit : seg.hits) matched[hit.entry] = true;
      }
    }
    for (std::size_t e = 0; e < matched.size(); ++e) {
      const auto& entry = codebook->entries()[e];
      const std::string language = entry.language.substr(0, entry.language.find('-'));
      if (matched[e] || (entry.language != "*" && !languages.count(language))) continue;
      issues.push_back({entry.where, "matches-nothing",
                        "'" + entry.source + "' (" + entry.language + ") matches nothing in the documents given"});
    }
  }
  for (const auto& issue : issues) std::cout << issue.to_string() << '\n';
  std::size_t entries = codebook->entries().size();
  std::cout << codebook->themes().size() << " themes, " << entries << " entries, " << issues.size() << " issues\n";
  return vm["strict"].as<bool>() && !issues.empty() ? kExitError : kExitOk;
}

void declare_export(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("codebook", po::value<std::string>()->default_value(""), "the codebook (default: the built-in codebook)")
      ("to", po::value<std::string>()->default_value("quanteda"), "output format: quanteda (YAML dictionary)")
      ("output,o", po::value<std::string>()->default_value(""), "write to this file instead of standard output");
  positional.add("codebook", 1);
}

int run_export(const po::variables_map& vm) {
  if (vm["to"].as<std::string>() != "quanteda") {
    return fail(Status::InvalidArgument("--to takes 'quanteda', not '" + vm["to"].as<std::string>() + "'"));
  }
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  std::vector<std::string> skipped;
  const std::string yaml = codebook->to_quanteda_yaml(&skipped);
  for (const auto& s : skipped) std::cerr << "charter: warning: no quanteda form, left out: " << s << '\n';
  if (Status s = write_output(yaml, vm["output"].as<std::string>()); !s.ok()) return fail(s);
  return kExitOk;
}

}  // namespace

extern const Command kCodebookCheckCommand = {
    "codebook check",
    "Check a codebook: errors, duplicate, shadowed and missing entries",
    "charter codebook check [FILE] [--corpus DOC|PATH...] [--strict]",
    "Reads FILE (charterkit YAML, quanteda YAML or LIWC .dic; the built-in codebook\n"
    "without FILE). Invalid entries are errors (exit 1) with file:line:column. Then\n"
    "lists, with their place: duplicate entries, entries shadowed by a glob of the same\n"
    "theme, themes with no entries for one of the codebook's languages, and, with\n"
    "--corpus, entries that match nothing in those documents (in their languages).",
    "  charter codebook check my-codebook.yaml\n"
    "  charter codebook check --corpus un-charter/ --strict",
    declare_check,
    run_check,
};

extern const Command kCodebookExportCommand = {
    "codebook export",
    "Write a codebook as a quanteda YAML dictionary",
    "charter codebook export [FILE] [--to quanteda] [-o OUTPUT]",
    "Words, globs and phrases of every language go under their theme's key. Proximity\n"
    "rules and exclusions have no quanteda form; they are named on standard error.",
    "  charter codebook export -o charterkit-dictionary.yml",
    declare_export,
    run_export,
};

}  // namespace charter
