// charter words: the word frequency list of documents.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "charterkit/compare.h"
#include "charterkit/corpus.h"
#include "charterkit/stopwords.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

// The stop-word list named by `name`: a file when one exists at that path,
// else the built-in list of that language (corpus/stopwords/NAME.txt).
Result<charterkit::StopWords> load_stop_words(const std::string& name, charterkit::Tokenizer& tokenizer) {
  if (std::filesystem::exists(name)) return charterkit::StopWords::Load(name, tokenizer);
  if (name.find_first_of("/.") == std::string::npos) {
    if (Result<charterkit::Text> text = charterkit::corpus_file("stopwords/" + name + ".txt"); text.ok()) {
      return charterkit::StopWords::Parse(text.value(), tokenizer);
    }
  }
  return Status::InvalidArgument("--stopwords takes a language with a built-in list (corpus/stopwords/LANG.txt) "
                                 "or a stop-word file; '" + name + "' is neither");
}

void declare(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "one or more documents: files, folders, manifests, ids of the built-in corpus")
      ("top", po::value<int>()->default_value(0), "keep the N most frequent words (0: all)")
      ("stopwords", po::value<std::string>()->default_value(""),
       "leave out the words of this list: a language (en, ru, ...) or a file");
  declare_batch(options);
  declare_output(options, "tsv");
  positional.add("document", -1);
}

int run(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  const int top = vm["top"].as<int>();
  if (top < 0) return fail(Status::InvalidArgument("--top takes 0 (all) or more, not " + std::to_string(top)));
  const auto names = vm["document"].as<std::vector<std::string>>();
  if (names.empty()) return fail(Status::InvalidArgument("words needs one or more documents"));
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  std::unique_ptr<charterkit::StopWords> stop;
  if (const std::string list = vm["stopwords"].as<std::string>(); !list.empty()) {
    Result<charterkit::StopWords> words = load_stop_words(list, tokenizer.value());
    if (!words.ok()) return fail(words.status());
    stop = std::make_unique<charterkit::StopWords>(std::move(words).value());
  }
  Result<charterkit::BatchOptions> batch = batch_options(vm);
  if (!batch.ok()) return fail(batch.status());
  charterkit::Corpus corpus;
  if (Status s = load_documents(names, corpus, batch->threads); !s.ok()) return fail(s);
  std::vector<const charterkit::Document*> documents;
  for (const auto& d : corpus.documents) documents.push_back(&d);
  auto counts = charterkit::word_counts(documents, stop.get(), batch.value());
  if (!counts.ok()) return fail(counts.status());
  auto& words = counts->first;
  // Most frequent first; ties in byte order of the word, so the output is stable.
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (top > 0 && words.size() > static_cast<std::size_t>(top)) words.resize(static_cast<std::size_t>(top));
  charterkit::Table table({"word", "count"});
  for (auto& [word, count] : words) table.add_row({std::move(word), count});
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

}  // namespace

extern const Command kWordsCommand = {
    "words",
    "List the words of documents with their frequencies",
    "charter words DOC|PATH... [--top N] [--stopwords LANG|FILE] [--format ...] [-o OUTPUT]",
    "Cuts the documents into words by Unicode's rules, normalizes each (NFKC with\n"
    "case folding, so \"Peace\" and \"PEACE\" are one word) and counts them: one row\n"
    "per word, `word` and `count`, the most frequent first, ties in byte order.\n"
    "Numbers count as words; punctuation does not. --stopwords leaves out the\n"
    "words of a built-in list (en, ru, kk) or of a file (one word per line).",
    "  charter words corpus/documents/sco-charter-objectives.en.txt --top 10\n"
    "  charter words charters/ --stopwords ru --format csv -o words.csv",
    declare,
    run,
};

}  // namespace charter
