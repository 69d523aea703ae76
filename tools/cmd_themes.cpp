// charter themes / charter kwic: which themes the documents contain, and where.
#include <iostream>
#include <string>
#include <vector>

#include "charterkit/matcher.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Corpus;
using charterkit::Document;
using charterkit::Result;
using charterkit::Status;

void declare_themes(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "documents: ids of the built-in corpus, files, folders, manifests (default: the built-in corpus)")
      ("codebook,c", po::value<std::string>()->default_value(""), "codebook file (default: the built-in codebook)")
      ("by", po::value<std::string>()->default_value("document"), "one row per theme and: document or segment")
      ("evidence,e", po::bool_switch(), "list every match instead: document, segment, sentence, theme, entry, span, text");
  declare_batch(options);
  declare_output(options, "text");
  positional.add("document", -1);
}

int run_themes(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  const std::string by = vm["by"].as<std::string>();
  if (by != "document" && by != "segment") {
    return fail(Status::InvalidArgument("--by takes 'document' or 'segment', not '" + by + "'"));
  }
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  Result<charterkit::BatchOptions> batch = batch_options(vm);
  if (!batch.ok()) return fail(batch.status());
  Corpus corpus;
  if (Status s = load_documents(vm["document"].as<std::vector<std::string>>(), corpus, batch->threads); !s.ok()) {
    return fail(s);
  }

  const auto& themes = codebook->themes();
  const bool evidence = vm["evidence"].as<bool>();
  charterkit::Table table(evidence ? std::vector<std::string>{"document", "segment", "sentence", "theme", "entry",
                                                              "begin", "end", "text"}
                                   : std::vector<std::string>{"document", "segment", "theme", "count", "tokens",
                                                              "per_1000"});
  Result<std::vector<std::vector<charterkit::SegmentMatches>>> all_matches =
      charterkit::match_documents(corpus.documents, codebook.value(), batch.value());
  if (!all_matches.ok()) return fail(all_matches.status());
  for (std::size_t d = 0; d < corpus.documents.size(); ++d) {
    const Document& doc = corpus.documents[d];
    const std::vector<charterkit::SegmentMatches>& matches = all_matches.value()[d];
    if (evidence) {
      for (const auto& seg : matches) {
        for (const auto& hit : seg.hits) {
          table.add_row({doc.id, doc.segments[seg.segment].id, static_cast<std::int64_t>(hit.sentence),
                         themes[hit.theme].id, codebook->entries()[hit.entry].source,
                         static_cast<std::int64_t>(hit.begin), static_cast<std::int64_t>(hit.end),
                         one_line(std::string_view(doc.text.bytes).substr(hit.begin, hit.end - hit.begin))});
        }
      }
      continue;
    }
    const auto add_rows = [&](const std::string& segment, const std::vector<std::int64_t>& counts, std::int64_t tokens) {
      for (std::size_t t = 0; t < themes.size(); ++t) {
        const double rate = tokens > 0 ? 1000.0 * static_cast<double>(counts[t]) / static_cast<double>(tokens) : 0.0;
        table.add_row({doc.id, segment, themes[t].id, counts[t], tokens, rate});
      }
    };
    std::vector<std::int64_t> total(themes.size(), 0);
    std::int64_t total_tokens = 0;
    for (const auto& seg : matches) {
      std::vector<std::int64_t> counts(themes.size(), 0);
      for (const auto& hit : seg.hits) ++counts[hit.theme];
      if (by == "segment") add_rows(doc.segments[seg.segment].id, counts, static_cast<std::int64_t>(seg.tokens));
      for (std::size_t t = 0; t < themes.size(); ++t) total[t] += counts[t];
      total_tokens += static_cast<std::int64_t>(seg.tokens);
    }
    if (by == "document") add_rows("", total, total_tokens);
  }
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

void declare_kwic(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "documents: ids of the built-in corpus, files, folders, manifests (default: the built-in corpus)")
      ("theme,t", po::value<std::string>()->default_value(""), "show the matches of this theme of the codebook")
      ("pattern,p", po::value<std::string>()->default_value(""), "or of this pattern (a word, glob, phrase or rule)")
      ("codebook,c", po::value<std::string>()->default_value(""), "codebook file (default: the built-in codebook)")
      ("window,w", po::value<int>()->default_value(5), "words of context on each side")
      ("sentence", po::bool_switch(), "keep the context within the match's sentence");
  declare_output(options, "text");
  positional.add("document", -1);
}

int run_kwic(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  const std::string theme = vm["theme"].as<std::string>();
  const std::string pattern = vm["pattern"].as<std::string>();
  if (theme.empty() == pattern.empty()) return fail(Status::InvalidArgument("give either --theme ID or --pattern P"));
  const int window = vm["window"].as<int>();
  if (window < 0 || window > 1000) return fail(Status::InvalidArgument("--window takes a number from 0 to 1000"));
  const bool sentence_bound = vm["sentence"].as<bool>();

  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = pattern.empty()
                                              ? load_codebook(vm["codebook"].as<std::string>(), tokenizer.value())
                                              : charterkit::Codebook::FromPattern("pattern", pattern, tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  const std::size_t wanted = pattern.empty() ? codebook->find_theme(theme) : 0;
  if (wanted == SIZE_MAX) {
    return fail(Status::InvalidArgument("the codebook has no theme '" + theme + "' (see 'charter codebook check')"));
  }
  Result<charterkit::Matcher> matcher = charterkit::Matcher::Compile(codebook.value());
  if (!matcher.ok()) return fail(matcher.status());
  Corpus corpus;
  if (Status s = load_documents(vm["document"].as<std::vector<std::string>>(), corpus); !s.ok()) return fail(s);

  charterkit::Table table({"document", "segment", "begin", "end", "left", "match", "right"});
  for (const Document& doc : corpus.documents) {
    const std::string_view bytes(doc.text.bytes);
    for (const auto& segment : doc.segments) {
      Result<std::vector<charterkit::Token>> tokens = tokenizer->tokenize(doc.segment_text(segment), segment.begin);
      if (!tokens.ok()) return fail(tokens.status());
      const auto& t = tokens.value();
      for (const auto& hit : matcher->match(t, doc.info.language)) {
        if (hit.theme != wanted) continue;
        std::size_t first = hit.first_token >= static_cast<std::size_t>(window) ? hit.first_token - window : 0;
        std::size_t last = std::min(t.size(), hit.last_token + static_cast<std::size_t>(window));
        if (sentence_bound) {
          while (first < hit.first_token && t[first].sentence != hit.sentence) ++first;
          while (last > hit.last_token && t[last - 1].sentence != t[hit.last_token - 1].sentence) --last;
        }
        const std::size_t left_begin = first < hit.first_token ? t[first].begin : hit.begin;
        const std::size_t right_end = last > hit.last_token ? t[last - 1].end : hit.end;
        table.add_row({doc.id, segment.id, static_cast<std::int64_t>(hit.begin), static_cast<std::int64_t>(hit.end),
                       one_line(bytes.substr(left_begin, hit.begin - left_begin)),
                       one_line(bytes.substr(hit.begin, hit.end - hit.begin)),
                       one_line(bytes.substr(hit.end, right_end - hit.end))});
      }
    }
  }
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

}  // namespace

extern const Command kThemesCommand = {
    "themes",
    "Count the codebook's themes in documents, per document or per segment",
    "charter themes [DOC|PATH...] [--codebook FILE] [--by document|segment] [--evidence] [--format ...]",
    "Prints a tidy table, one row per document (or segment) and theme: count of\n"
    "matches, tokens in the unit, and matches per 1,000 tokens. Every theme of the\n"
    "codebook has a row, zeros included. With --evidence, one row per match instead,\n"
    "with the entry that matched and its byte span and text.",
    "  charter themes sco-charter-objectives csto-charter-objectives\n"
    "  charter themes un-charter.en.txt --by segment --format csv -o themes.csv\n"
    "  charter themes charters/ --evidence",
    declare_themes,
    run_themes,
};

extern const Command kKwicCommand = {
    "kwic",
    "Show each match of a theme or pattern in its context (keyword in context)",
    "charter kwic [DOC|PATH...] (--theme ID | --pattern P) [--window N] [--sentence] [--format ...]",
    "One row per match: document, segment, byte span, left context, the match,\n"
    "right context. A pattern is written like a codebook entry: a word, a glob\n"
    "(террор*), a phrase (territorial integrity) or a rule (traffick* NEAR/6 drug*).",
    "  charter kwic --theme terrorism\n"
    "  charter kwic un-charter.ru.txt --pattern 'безопасност*' --window 8 --sentence",
    declare_kwic,
    run_kwic,
};

}  // namespace charter
