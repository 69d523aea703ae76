// charter validate: the codebook's coding of segments against human coding.
#include <iostream>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "charterkit/matcher.h"
#include "charterkit/table.h"
#include "charterkit/validation.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;
using charterkit::TableFormat;

// Passages shown per disagreeing cell; `charter themes DOC --evidence` lists all.
constexpr std::size_t kPassagesShown = 3;

void declare(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("coding", po::value<std::vector<std::string>>()->required(),
       "a human coding: CSV with the columns document, segment, theme (repeat for each coder)")
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "documents: ids of the built-in corpus, files, folders, manifests (default: the built-in corpus)")
      ("codebook,c", po::value<std::string>()->default_value(""), "codebook file (default: the built-in codebook)")
      ("show", po::value<std::string>()->default_value(""),
       "agreement, disagreements or both (default: both in text, markdown and latex; agreement in tsv, csv, json)");
  declare_output(options, "text");
  positional.add("document", -1);
}

// "all 169-178 “terrorism” (entry terroris*); ..." or "no match".
std::string evidence_cell(const std::vector<charterkit::Evidence>& evidence) {
  if (evidence.empty()) return "no match";
  std::string out;
  for (std::size_t i = 0; i < evidence.size() && i < kPassagesShown; ++i) {
    const charterkit::Evidence& e = evidence[i];
    out += (i ? "; " : "") + e.segment + " " + std::to_string(e.begin) + "-" + std::to_string(e.end) + " “" +
           one_line(e.text) + "” (entry " + e.entry + ")";
  }
  if (evidence.size() > kPassagesShown) out += "; +" + std::to_string(evidence.size() - kPassagesShown) + " more";
  return out;
}

int run(const po::variables_map& vm) {
  Result<TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  const bool one_table = format.value() == TableFormat::kTsv || format.value() == TableFormat::kCsv ||
                         format.value() == TableFormat::kJson;
  std::string show = vm["show"].as<std::string>();
  if (show.empty()) show = one_table ? "agreement" : "both";
  if (show != "agreement" && show != "disagreements" && show != "both") {
    return fail(Status::InvalidArgument("--show takes 'agreement', 'disagreements' or 'both', not '" + show + "'"));
  }
  if (show == "both" && one_table) {
    return fail(Status::InvalidArgument("--show both prints two tables, and " + vm["format"].as<std::string>() +
                                        " holds one: choose --show agreement or --show disagreements"));
  }
  const std::vector<std::string> paths = vm["coding"].as<std::vector<std::string>>();
  if (std::set<std::string>(paths.begin(), paths.end()).size() != paths.size()) {
    return fail(Status::InvalidArgument("a coding is given twice: name each coder's file once"));
  }

  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  std::vector<charterkit::Coding> codings;
  for (const std::string& path : paths) {
    Result<charterkit::Text> text = charterkit::load_text(path);
    if (!text.ok()) return fail(text.status());
    Result<charterkit::Coding> coding = charterkit::parse_coding(text.value(), codebook.value());
    if (!coding.ok()) return fail(coding.status());
    for (const auto& w : coding->warnings) std::cerr << "charter: " << w.to_string() << '\n';
    codings.push_back(std::move(coding).value());
  }
  charterkit::Corpus corpus;
  if (Status s = load_documents(vm["document"].as<std::vector<std::string>>(), corpus); !s.ok()) return fail(s);
  Result<charterkit::Matcher> matcher = charterkit::Matcher::Compile(codebook.value());
  if (!matcher.ok()) return fail(matcher.status());
  Result<charterkit::Validation> validation =
      charterkit::validate_coding(codings, corpus.documents, tokenizer.value(), matcher.value());
  if (!validation.ok()) return fail(validation.status());

  const auto& themes = codebook->themes();
  charterkit::Table agreement({"coding", "theme", "cells", "tp", "fp", "fn", "tn", "precision", "recall", "f1",
                               "kappa", "alpha", "coders_alpha"});
  for (const charterkit::ThemeAgreement& a : validation->agreement) {
    agreement.add_row({codings[a.coding].name, a.theme == charterkit::kOverall ? "overall" : themes[a.theme].id,
                       a.cells, a.tp, a.fp, a.fn, a.tn, a.precision, a.recall, a.f1, a.kappa, a.alpha,
                       a.coders_alpha});
  }
  charterkit::Table disagreements({"coding", "line", "document", "segment", "theme", "human", "tool", "evidence"});
  for (const charterkit::Disagreement& d : validation->disagreements) {
    // A line only where the coder wrote a row; NA (null in JSON) elsewhere.
    const double line = d.line ? static_cast<double>(d.line) : std::numeric_limits<double>::quiet_NaN();
    disagreements.add_row({codings[d.coding].name, line, d.document, d.segment, themes[d.theme].id,
                           std::int64_t{d.human}, std::int64_t{d.tool}, evidence_cell(d.evidence)});
  }

  const std::string& output = vm["output"].as<std::string>();
  std::string out;
  if (show != "disagreements") out += render_table(agreement, format.value(), output);
  if (show == "both") out += "\n";
  if (show != "agreement") out += render_table(disagreements, format.value(), output);
  if (Status s = write_output(out, output); !s.ok()) return fail(s);
  return kExitOk;
}

}  // namespace

extern const Command kValidateCommand = {
    "validate",
    "Hold the codebook's coding of segments against human coding: precision, recall, kappa, alpha",
    "charter validate --coding FILE [--coding FILE...] [DOC|PATH...] [--codebook FILE] [--show ...] [--format ...]",
    "A coding is a CSV file with the columns document, segment, theme: one row per\n"
    "theme a coder found in a segment ('-' for a segment without any). Every segment\n"
    "of every document a coding names is compared with the tool's coding, theme by\n"
    "theme: one row per coding and theme, and an overall row, with the cells, true and\n"
    "false positives and negatives, precision, recall, F1, Cohen's kappa and\n"
    "Krippendorff's alpha; with two or more codings, coders_alpha is the coders' own\n"
    "alpha. Then one row per cell on which the tool and a coding disagree, with the\n"
    "passages the tool matched (segment, byte span, text, entry). See docs/validation.md.",
    "  charter validate --coding coder-a.csv\n"
    "  charter validate --coding coder-a.csv --coding coder-b.csv charters/ --codebook my.yaml\n"
    "  charter validate --coding coder-a.csv --show disagreements --format csv -o fix-these.csv",
    declare,
    run,
};

}  // namespace charter
