// charter similarity: how alike every pair of documents (or segments) is.
#include <cmath>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/similarity.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

void declare_similarity(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "two or more documents: ids of the built-in corpus, files, folders, manifests")
      ("measure,m", po::value<std::string>()->default_value("char5-jaccard"),
       "char5-jaccard, word-jaccard or theme-cosine")
      ("normalize", po::value<std::string>()->default_value("default"),
       "default (normalized words joined by spaces) or none (the text as loaded)")
      ("unit", po::value<std::string>()->default_value("document"), "compare whole documents or each segment: document, segment")
      ("method", po::value<std::string>()->default_value("exact"), "exact (every pair) or minhash (candidates, then exact)")
      ("min", po::value<double>(), "print only pairs with value >= X (minhash: default 0.8)")
      ("evidence", po::bool_switch(), "add a_size, b_size, shared: the set sizes and their intersection")
      ("codebook,c", po::value<std::string>()->default_value(""), "theme-cosine: codebook file (default: the built-in codebook)")
      ("hashes", po::value<int>()->default_value(128), "minhash: signature length")
      ("bands", po::value<int>()->default_value(32), "minhash: LSH bands (must divide --hashes)");
  declare_batch(options);
  declare_output(options, "text");
  positional.add("document", -1);
}

int run_similarity(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  charterkit::SimilarityOptions options;
  Result<charterkit::SimilarityMeasure> measure = charterkit::parse_similarity_measure(vm["measure"].as<std::string>());
  if (!measure.ok()) return fail(measure.status());
  options.measure = measure.value();
  Result<charterkit::TextForm> form = charterkit::parse_text_form(vm["normalize"].as<std::string>());
  if (!form.ok()) return fail(form.status());
  options.form = form.value();
  Result<charterkit::SimilarityMethod> method = charterkit::parse_similarity_method(vm["method"].as<std::string>());
  if (!method.ok()) return fail(method.status());
  options.method = method.value();
  const std::string unit = vm["unit"].as<std::string>();
  if (unit != "document" && unit != "segment") {
    return fail(Status::InvalidArgument("unknown unit '" + unit + "' (units: document, segment)"));
  }
  const bool cosine = options.measure == charterkit::SimilarityMeasure::kThemeCosine;
  const bool evidence = vm["evidence"].as<bool>();
  if (cosine && !vm["normalize"].defaulted()) {
    return fail(Status::InvalidArgument("--normalize applies to char5-jaccard and word-jaccard, not theme-cosine"));
  }
  if (cosine && evidence) {
    return fail(Status::InvalidArgument("--evidence applies to char5-jaccard and word-jaccard, not theme-cosine"));
  }
  if (vm.count("min")) {
    options.min = vm["min"].as<double>();
    if (!std::isfinite(*options.min)) return fail(Status::InvalidArgument("--min takes a number"));
  } else if (options.method == charterkit::SimilarityMethod::kMinHash) {
    options.min = 0.8;
  }
  Result<charterkit::BatchOptions> batch = batch_options(vm);
  if (!batch.ok()) return fail(batch.status());
  options.batch = batch.value();
  const int hashes = vm["hashes"].as<int>(), bands = vm["bands"].as<int>();
  if (hashes < 1 || bands < 1) return fail(Status::InvalidArgument("--hashes and --bands take 1 or more"));
  options.minhash.hashes = static_cast<std::size_t>(hashes);
  options.minhash.bands = static_cast<std::size_t>(bands);

  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  std::optional<charterkit::Codebook> codebook;
  if (cosine) {
    Result<charterkit::Codebook> loaded = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
    if (!loaded.ok()) return fail(loaded.status());
    codebook = std::move(loaded).value();
    options.codebook = &*codebook;
  }
  charterkit::Corpus corpus;
  if (Status s = load_documents(vm["document"].as<std::vector<std::string>>(), corpus, options.batch.threads); !s.ok()) {
    return fail(s);
  }
  std::vector<charterkit::TextUnit> units;
  for (const charterkit::Document& d : corpus.documents) {
    if (unit == "document") {
      units.push_back({&d, nullptr});
    } else {
      for (const charterkit::Segment& s : d.segments) units.push_back({&d, &s});
    }
  }
  if (units.size() < 2) {
    return fail(Status::InvalidArgument("similarity needs two or more " + std::string(unit == "document" ? "documents" : "segments") +
                                        " (" + std::to_string(units.size()) + " given)"));
  }
  // Every pair is a row of the table: without --min, keep their number (and memory) sane.
  constexpr double kMaxPairs = 1e7;
  const double pairs = static_cast<double>(units.size()) * static_cast<double>(units.size() - 1) / 2;
  if (!options.min && pairs > kMaxPairs) {
    return fail(Status::InvalidArgument(std::to_string(units.size()) + " " + unit + "s make " +
                                        std::to_string(static_cast<long long>(pairs)) +
                                        " pairs, more than 10,000,000 rows: give --min X to print only the pairs "
                                        "at least X alike"));
  }
  Result<charterkit::SimilarityResult> result = charterkit::unit_similarity(units, options);
  if (!result.ok()) return fail(result.status());

  std::vector<std::string> columns = {"a", "b", "value"};
  if (evidence) columns.insert(columns.end(), {"a_size", "b_size", "shared"});
  charterkit::Table table(columns);
  table.set_full_precision(2);
  std::vector<std::string> ids;
  for (const charterkit::TextUnit& u : units) ids.push_back(charterkit::unit_id(u));
  for (const charterkit::PairSimilarity& p : result->pairs) {
    std::vector<charterkit::Cell> row = {ids[p.a], ids[p.b], p.value};
    if (evidence) row.insert(row.end(), {p.a_size, p.b_size, p.shared});
    table.add_row(std::move(row));
  }
  if (options.method == charterkit::SimilarityMethod::kMinHash) {
    std::cerr << "charter: minhash: " << result->candidates << " candidate pairs checked, " << result->pairs.size()
              << " with Jaccard >= " << charterkit::format_number_exact(*options.min) << '\n';
  }
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

}  // namespace

extern const Command kSimilarityCommand = {
    "similarity",
    "Measure how alike every pair of documents or segments is: character 5-grams, words, themes",
    "charter similarity DOC|PATH... [--measure M] [--normalize default|none] [--unit document|segment]\n"
    "                          [--method exact|minhash] [--min X] [--threads N] [--evidence] [--format ...]",
    "For every pair of documents (a before b, in the order given), or each pair above\n"
    "--min: char5-jaccard, the Jaccard similarity |A∩B|/|A∪B| of the sets of distinct\n"
    "character 5-grams (code points; 1 - stringdist(a, b, \"jaccard\", q = 5) in R);\n"
    "word-jaccard, of the sets of distinct words; theme-cosine, the cosine of the theme\n"
    "counts. --normalize default compares the normalized words joined by spaces (case,\n"
    "width and punctuation do not count), none the text as loaded. The value is printed\n"
    "in full precision. --method minhash finds the pairs above --min (default 0.8)\n"
    "among MinHash candidates, each value exact; it may miss a few (docs/cli.md).",
    "  charter similarity ../shared/corpora/tota/xml --threads 2 --format csv -o pairs.csv\n"
    "  charter similarity sco.txt csto.txt un.txt --measure word-jaccard --evidence\n"
    "  charter similarity treaties/ --unit segment --method minhash --min 0.9",
    declare_similarity,
    run_similarity,
};

}  // namespace charter
