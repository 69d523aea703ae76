// charter compare / charter keyness: how documents differ in themes and words.
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "charterkit/compare.h"
#include "charterkit/corpus.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

// The stop words of `language` from the built-in corpus, or none.
std::unique_ptr<charterkit::StopWords> stop_words(const std::string& language, charterkit::Tokenizer& tokenizer) {
  Result<charterkit::StopWords> words = charterkit::StopWords::Builtin(language, tokenizer);
  if (!words.ok()) return nullptr;
  return std::make_unique<charterkit::StopWords>(std::move(words).value());
}

void declare_compare(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::vector<std::string>>()->default_value({}, ""),
       "two or more documents: ids of the built-in corpus, files, folders, manifests")
      ("codebook,c", po::value<std::string>()->default_value(""), "codebook file (default: the built-in codebook)");
  declare_output(options, "text");
  positional.add("document", -1);
}

int run_compare(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  Result<charterkit::Matcher> matcher = charterkit::Matcher::Compile(codebook.value());
  if (!matcher.ok()) return fail(matcher.status());
  const auto names = vm["document"].as<std::vector<std::string>>();
  charterkit::Corpus corpus;
  if (Status s = load_documents(names, corpus); !s.ok()) return fail(s);
  if (corpus.documents.size() < 2) {
    return fail(Status::InvalidArgument("compare needs two or more documents (" +
                                        std::to_string(corpus.documents.size()) + " given)"));
  }
  struct Facts {
    charterkit::ThemeProfile profile;
    std::vector<std::string> words, grams;
  };
  std::vector<Facts> facts;
  for (const auto& doc : corpus.documents) {
    Facts f;
    Result<charterkit::ThemeProfile> p = charterkit::profile_document(doc, tokenizer.value(), matcher.value());
    if (!p.ok()) return fail(p.status());
    f.profile = std::move(p).value();
    const auto stop = stop_words(doc.info.language, tokenizer.value());
    Result<std::vector<std::string>> words = charterkit::word_types(doc, tokenizer.value(), stop.get());
    if (!words.ok()) return fail(words.status());
    f.words = std::move(words).value();
    std::string body;
    for (const auto& s : doc.segments) body += std::string(doc.segment_text(s)) + "\n";
    Result<std::vector<std::string>> grams = charterkit::char_ngrams(body, 5, true, tokenizer.value());
    if (!grams.ok()) return fail(grams.status());
    f.grams = std::move(grams).value();
    facts.push_back(std::move(f));
  }
  const auto& themes = codebook->themes();
  const auto ids = [&](const std::vector<std::size_t>& list) {
    std::vector<std::string> out;
    for (std::size_t t : list) out.push_back(themes[t].id);
    return out;
  };
  const auto joined = [](const std::vector<std::string>& list) {
    std::string out;
    for (const auto& s : list) out += (out.empty() ? "" : " ") + s;
    return out;
  };
  charterkit::Table table({"a", "b", "shared", "only_a", "only_b", "jaccard", "dice", "overlap", "cosine",
                           "word_jaccard", "char5_jaccard"});
  std::string json = "[";
  for (std::size_t i = 0; i < facts.size(); ++i) {
    for (std::size_t j = i + 1; j < facts.size(); ++j) {
      const auto& a = facts[i];
      const auto& b = facts[j];
      const charterkit::ThemeOverlap o = charterkit::compare_themes(a.profile, b.profile);
      // Lexical measures compare words, so only texts of one language.
      const bool same_language = a.profile.language == b.profile.language;
      const double word_j = same_language ? charterkit::jaccard(a.words, b.words) : NAN;
      const double char_j = same_language ? charterkit::jaccard(a.grams, b.grams) : NAN;
      table.add_row({a.profile.document, b.profile.document, joined(ids(o.shared)), joined(ids(o.only_a)),
                     joined(ids(o.only_b)), o.jaccard, o.dice, o.overlap, o.cosine, word_j, char_j});
      const auto list = [&](const std::vector<std::size_t>& l) {
        std::string out = "[";
        for (std::size_t k = 0; k < l.size(); ++k) out += (k ? ", " : "") + charterkit::json_quote(themes[l[k]].id);
        return out + "]";
      };
      const auto number = [](double x) { return std::isfinite(x) ? charterkit::format_number(x) : std::string("null"); };
      json += std::string(json.size() > 1 ? "," : "") + "\n  {\"a\": " + charterkit::json_quote(a.profile.document) +
              ", \"b\": " + charterkit::json_quote(b.profile.document) + ", \"shared\": " + list(o.shared) +
              ", \"only_a\": " + list(o.only_a) + ", \"only_b\": " + list(o.only_b) + ", \"jaccard\": " +
              number(o.jaccard) + ", \"dice\": " + number(o.dice) + ", \"overlap\": " + number(o.overlap) +
              ", \"cosine\": " + number(o.cosine) + ", \"word_jaccard\": " + number(word_j) +
              ", \"char5_jaccard\": " + number(char_j) + "}";
    }
  }
  json += "\n]\n";
  const std::string out = format.value() == charterkit::TableFormat::kJson ? json : render_table(table, format.value(), vm["output"].as<std::string>());
  if (Status s = write_output(out, vm["output"].as<std::string>()); !s.ok()) return fail(s);
  return kExitOk;
}

void declare_keyness(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("target", po::value<std::vector<std::string>>()->multitoken()->required(), "the documents whose key words are sought")
      ("reference", po::value<std::vector<std::string>>()->multitoken()->required(), "the documents they are compared with")
      ("min", po::value<int>()->default_value(3), "minimum frequency of a word in target and reference together")
      ("top", po::value<int>()->default_value(20), "rows to show from each end (0: all)")
      ("keep-stop-words", po::bool_switch(), "do not remove the language's stop words");
  declare_output(options, "text");
  (void)positional;
}

int run_keyness(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  charterkit::Corpus target, reference;
  if (Status s = load_documents(vm["target"].as<std::vector<std::string>>(), target); !s.ok()) return fail(s);
  if (Status s = load_documents(vm["reference"].as<std::vector<std::string>>(), reference); !s.ok()) return fail(s);
  const std::string language = target.documents.front().info.language;
  for (const auto* c : {&target, &reference}) {
    for (const auto& d : c->documents) {
      if (d.info.language != language) {
        return fail(Status::InvalidArgument("keyness compares words of one language: '" + d.id + "' is " +
                                            d.info.language + ", not " + language));
      }
    }
  }
  const auto stop = vm["keep-stop-words"].as<bool>() ? nullptr : stop_words(language, tokenizer.value());
  const auto pointers = [](const charterkit::Corpus& c) {
    std::vector<const charterkit::Document*> out;
    for (const auto& d : c.documents) out.push_back(&d);
    return out;
  };
  auto a = charterkit::word_counts(pointers(target), stop.get());
  if (!a.ok()) return fail(a.status());
  auto b = charterkit::word_counts(pointers(reference), stop.get());
  if (!b.ok()) return fail(b.status());
  const int min = vm["min"].as<int>(), top = vm["top"].as<int>();
  if (min < 1 || top < 0) return fail(Status::InvalidArgument("--min takes 1 or more, --top 0 or more"));
  const auto rows = charterkit::keyness(a->first, a->second, b->first, b->second, min);
  charterkit::Table table({"word", "target", "reference", "g2", "log_ratio", "p_value"});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const bool shown = top == 0 || i < static_cast<std::size_t>(top) || i + static_cast<std::size_t>(top) >= rows.size();
    if (!shown) continue;
    const auto& k = rows[i];
    table.add_row({k.word, k.count_a, k.count_b, k.g2, k.log_ratio, k.p_value});
  }
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

}  // namespace

extern const Command kCompareCommand = {
    "compare",
    "Compare documents: shared and unique themes, overlap measures, lexical similarity",
    "charter compare DOC|PATH DOC|PATH [...] [--codebook FILE] [--format ...]",
    "For every pair of documents: the themes both show, the themes only one shows;\n"
    "Jaccard, Dice and overlap coefficients on the sets of themes present; cosine on\n"
    "theme counts; and, for two texts of one language, Jaccard of word types (stop\n"
    "words removed) and of character 5-grams of the normalized text (NA otherwise).",
    "  charter compare sco-charter-objectives csto-charter-objectives\n"
    "  charter compare sco-charter.ru.txt csto-charter.ru.txt --format json",
    declare_compare,
    run_compare,
};

extern const Command kKeynessCommand = {
    "keyness",
    "Find the words that set target documents apart from reference documents",
    "charter keyness --target DOC... --reference DOC... [--min N] [--top N] [--format ...]",
    "Log-likelihood G2 (positive: more frequent in the target), log ratio (log2 of the\n"
    "ratio of relative frequencies; 0.5 stands in for a zero count) and the p-value of\n"
    "G2 (chi-square, 1 degree of freedom), for words seen at least --min times.\n"
    "Stop words of the texts' language are removed unless --keep-stop-words.",
    "  charter keyness --target distinct-missions --reference shared-goals --min 1\n"
    "  charter keyness --target csto-charter.ru.txt --reference sco-charter.ru.txt",
    declare_keyness,
    run_keyness,
};

}  // namespace charter
