// charter report: a self-contained HTML page (and SVG figures) of a comparison.
#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "charterkit/claims.h"
#include "charterkit/report.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

void declare(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "documents: ids of the built-in corpus, files, folders, manifests (default: the texts of the article's claims)")
      ("output,o", po::value<std::string>()->default_value(""), "the HTML file to write (default: standard output)")
      ("svg", po::value<std::string>()->default_value(""), "also write the figures as .svg files into this folder")
      ("claims", po::value<std::string>()->default_value(""), "claims file (default: the article's claims, when a document's organization is theirs)")
      ("no-claims", po::bool_switch(), "leave the claims out")
      ("codebook,c", po::value<std::string>()->default_value(""), "codebook file (default: the built-in codebook)")
      ("rate", po::bool_switch(), "heatmap of matches per 1,000 tokens instead of counts")
      ("title", po::value<std::string>()->default_value(""), "the report's title")
      ("keyness-words", po::value<int>()->default_value(10), "key words shown on each side")
      ("keyness-min", po::value<int>()->default_value(2), "minimum frequency of a key word in all documents together");
  positional.add("document", -1);
}

int run(const po::variables_map& vm) {
  const int keyness_words = vm["keyness-words"].as<int>(), keyness_min = vm["keyness-min"].as<int>();
  if (keyness_words < 0 || keyness_min < 1) {
    return fail(Status::InvalidArgument("--keyness-words takes 0 or more, --keyness-min 1 or more"));
  }
  if (vm["no-claims"].as<bool>() && !vm["claims"].as<std::string>().empty()) {
    return fail(Status::InvalidArgument("--claims and --no-claims contradict each other"));
  }
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  Result<charterkit::ClaimSet> claims = charterkit::default_claims(codebook.value());
  const bool claims_given = !vm["claims"].as<std::string>().empty();
  if (claims_given) {
    Result<charterkit::Text> text = charterkit::load_text(vm["claims"].as<std::string>());
    if (!text.ok()) return fail(text.status());
    claims = charterkit::parse_claims(text.value(), codebook.value());
  }
  if (!claims.ok()) return fail(claims.status());

  std::vector<std::string> names = vm["document"].as<std::vector<std::string>>();
  if (names.empty()) {
    for (const std::string& org : claims->organizations()) {
      auto it = claims->documents.find(org);
      if (it != claims->documents.end()) names.push_back(it->second);
    }
  }
  charterkit::Corpus corpus;
  if (Status s = load_documents(names, corpus); !s.ok()) return fail(s);
  std::vector<const charterkit::Document*> documents;
  for (const charterkit::Document& d : corpus.documents) documents.push_back(&d);

  // The claims are shown when asked for, or when they are about these documents.
  bool with_claims = claims_given;
  if (!claims_given && !vm["no-claims"].as<bool>()) {
    const std::vector<std::string> orgs = claims->organizations();
    const std::set<std::string> about(orgs.begin(), orgs.end());
    for (const charterkit::Document* d : documents) with_claims = with_claims || about.count(d->info.organization) > 0;
  }

  charterkit::ReportOptions options;
  if (!vm["title"].as<std::string>().empty()) options.title = vm["title"].as<std::string>();
  options.rate = vm["rate"].as<bool>();
  options.keyness_words = static_cast<std::size_t>(keyness_words);
  options.keyness_min = keyness_min;
  Result<charterkit::Report> report =
      charterkit::make_report(documents, codebook.value(), with_claims ? &claims.value() : nullptr, options);
  if (!report.ok()) return fail(report.status());

  const std::string svg_folder = vm["svg"].as<std::string>();
  if (!svg_folder.empty()) {
    std::error_code error;
    std::filesystem::create_directories(svg_folder, error);
    if (error) return fail(Status::IOError(svg_folder + ": cannot create the folder: " + error.message()));
    for (const charterkit::ReportFigure& f : report->figures) {
      if (Status s = write_output(f.svg, (std::filesystem::path(svg_folder) / f.name).string()); !s.ok()) return fail(s);
    }
  }
  const std::string output = vm["output"].as<std::string>();
  if (svg_folder.empty() || !output.empty()) {
    if (Status s = write_output(report->html, output); !s.ok()) return fail(s);
  }
  return kExitOk;
}

}  // namespace

extern const Command kReportCommand = {
    "report",
    "Write an HTML report: claims, theme heatmap, shared themes, keyness, evidence",
    "charter report [DOC|PATH...] [-o report.html] [--svg DIR] [--claims FILE | --no-claims] [--rate]",
    "One self-contained HTML file (inline CSS and SVG, no scripts, nothing fetched;\n"
    "opens offline and prints to PDF): the documents and their metadata, the claims'\n"
    "verdicts, a theme x document heatmap (counts or, with --rate, matches per 1,000\n"
    "tokens), the themes shared and unique for two or three documents, keyness bars for\n"
    "the first document against the others (one language), and every passage behind\n"
    "every count, linked from the cells. Without documents: the texts of the article's\n"
    "claims. --svg DIR writes the figures as .svg files too (alone when -o is not given).",
    "  charter report -o report.html\n"
    "  charter report un-charter.en.txt un-charter.ru.txt un-charter.zh.txt --rate -o un.html\n"
    "  charter report sco.txt csto.txt --svg figures/",
    declare,
    run,
};

}  // namespace charter
