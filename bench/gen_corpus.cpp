// charterkit_gencorpus: writes a synthetic treaty-like corpus in English and
// Russian for the throughput benchmarks (bench/run.sh). The same options give
// the same bytes on every machine: the generator is a fixed-seed mt19937_64 and
// every draw is made from its raw output.
//
//   charterkit_gencorpus --mb 200 --out build-bench/corpus/en-ru-200.txt
//   charterkit_gencorpus --documents 40 --kb 30 --out build-bench/corpus/docs
//
// The text is articles ("Article 12" / "Статья 13", numbered in one sequence)
// of numbered paragraphs wrapped at 80 columns, blank lines between
// paragraphs; sentences of words drawn with a Zipf-like law from vocabularies
// built from the library's own corpus files (stop words most frequent, then
// content words, then rarer derived forms), with commas, numbers and
// parenthesized asides. Articles go to whichever language has fewer bytes so
// far, so about half the bytes are English and half Russian.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/tokenizer.h"

namespace {

namespace fs = std::filesystem;

constexpr int kExitError = 1;
constexpr int kExitUsage = 2;

const char* const kUsage =
    "Usage: charterkit_gencorpus --mb N --out FILE [--lang en|ru|both] [--seed S]\n"
    "       charterkit_gencorpus --documents N [--kb K] --out FOLDER [--lang en|ru|both] [--seed S]\n"
    "\n"
    "Writes a synthetic English/Russian treaty-like corpus: one file of about N MB\n"
    "(10^6 bytes; it ends with the article that passes the size), or N files of about\n"
    "K KB each (default 30) named doc-0001.en.txt, doc-0002.ru.txt, ... in FOLDER.\n"
    "Only FILE (and its folder) or FOLDER is written. The output is deterministic.\n";

// Words from the library's corpus files, by script: the generator's vocabulary.
struct Vocabulary {
  std::vector<std::string> words;  // by rank, most frequent first
  std::vector<double> cumulative;  // Zipf-Mandelbrot weights, summed
};

// Uniform draws from the raw 64-bit output, so the stream is the same with
// every standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  double unit() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  std::size_t between(std::size_t lo, std::size_t hi) { return lo + below(hi - lo + 1); }
  bool chance(double p) { return unit() < p; }
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

// Files of the built-in corpus the vocabularies are drawn from: the documents
// of the language (LANG is replaced by its code) and the language's entries of
// the codebook.
const char* const kSources[] = {
    "documents/abstract.LANG.txt",     "documents/sco-charter-objectives.LANG.txt",
    "documents/shared-goals.LANG.txt", "documents/distinct-missions.LANG.txt",
    "documents/csto-charter-objectives.LANG.txt", "codebooks/default.yaml",
};

// Words that start heading lines ("Article 3", "Part IV", "Глава 2"): kept out
// so that a wrapped line never reads as a heading.
const std::set<std::string, std::less<>> kHeadingWords = {"article", "chapter", "part", "статья", "глава", "раздел"};

bool is_english(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// True iff `w` is lower-case Russian letters only (а-я, ё), which leaves out
// Kazakh words with letters Russian lacks.
bool is_russian(std::string_view w) {
  if (w.empty() || w.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < w.size(); i += 2) {
    const auto a = static_cast<unsigned char>(w[i]), b = static_cast<unsigned char>(w[i + 1]);
    const bool ok = (a == 0xD0 && b >= 0xB0 && b <= 0xBF) || (a == 0xD1 && (b <= 0x8F || b == 0x91));
    if (!ok) return false;
  }
  return true;
}

// The lines of `text` without their comments ('#' to the end of the line);
// for YAML, only the lines of the blocks under a key `language:`.
std::string lines_of(std::string_view text, std::string_view language, bool yaml) {
  std::string out;
  std::size_t block_indent = std::string_view::npos;  // indent of the `language:` key we are under
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    line = line.substr(0, line.find('#'));
    const std::size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    if (yaml) {
      std::string_view key = line.substr(indent);
      key = key.substr(0, key.find_last_not_of(' ') + 1);
      if (block_indent != std::string_view::npos && indent <= block_indent) block_indent = std::string_view::npos;
      if (key.size() == 3 && key[2] == ':') {
        if (key.substr(0, 2) == language) block_indent = indent;
        continue;
      }
      if (block_indent == std::string_view::npos) continue;
    }
    out += line;
    out += '\n';
  }
  return out;
}

// Adds the normalized words of the corpus file `relative` (LANG replaced by
// `language`) that `keep` accepts; false if there is no such file.
bool add_words(std::string relative, std::string_view language, charterkit::Tokenizer& tokenizer,
               bool (*keep)(std::string_view), std::vector<std::string>& out) {
  if (const std::size_t at = relative.find("LANG"); at != std::string::npos) relative.replace(at, 4, language);
  charterkit::Result<charterkit::Text> text = charterkit::corpus_file(relative);
  if (!text.ok()) return false;
  const bool yaml = relative.ends_with(".yaml");
  const std::string lines = lines_of(text->content(), language, yaml);
  charterkit::Result<std::vector<charterkit::Token>> tokens = tokenizer.tokenize(lines, 0);
  if (!tokens.ok()) return false;
  for (const charterkit::Token& t : tokens.value()) {
    if (t.kind == charterkit::TokenKind::kWord && keep(t.normalized) && !kHeadingWords.count(t.normalized)) {
      out.push_back(t.normalized);
    }
  }
  return true;
}

// Appends to `ranked` the words of `words` not yet in `seen`, in a shuffled order.
void append_new(std::vector<std::string> words, Random& random, std::set<std::string>& seen,
                std::vector<std::string>& ranked) {
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  random.shuffle(words);
  for (auto& w : words) {
    if (!kHeadingWords.count(w) && seen.insert(w).second) ranked.push_back(std::move(w));
  }
}

// Builds one language's vocabulary: its stop words first, then the content
// words of the corpus, then derived forms (each content word with each of
// `endings`, a final vowel dropped first when `drop` lists it).
bool build_vocabulary(std::string_view language, bool (*keep)(std::string_view), const std::vector<std::string>& endings,
                      const std::vector<std::string>& drop, charterkit::Tokenizer& tokenizer, Random& random,
                      Vocabulary& vocabulary) {
  std::vector<std::string> stop, content;
  if (!add_words("stopwords/LANG.txt", language, tokenizer, keep, stop)) return false;
  for (const char* source : kSources) add_words(source, language, tokenizer, keep, content);
  std::set<std::string> seen;
  std::vector<std::string>& ranked = vocabulary.words;
  append_new(stop, random, seen, ranked);
  const std::size_t content_begin = ranked.size();
  append_new(content, random, seen, ranked);
  std::vector<std::string> derived;
  for (std::size_t i = content_begin, n = ranked.size(); i < n; ++i) {
    std::string stem = ranked[i];
    for (const std::string& d : drop) {
      if (stem.size() > d.size() + 4 && stem.compare(stem.size() - d.size(), d.size(), d) == 0) {
        stem.resize(stem.size() - d.size());
        break;
      }
    }
    for (const std::string& e : endings) derived.push_back(stem + e);
  }
  append_new(derived, random, seen, ranked);
  double sum = 0;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    sum += 1.0 / (static_cast<double>(rank) + 2.7);  // Zipf-Mandelbrot, exponent 1
    vocabulary.cumulative.push_back(sum);
  }
  return ranked.size() >= 100;
}

const std::string& draw(const Vocabulary& v, Random& random) {
  const double x = random.unit() * v.cumulative.back();
  const auto at = std::upper_bound(v.cumulative.begin(), v.cumulative.end(), x) - v.cumulative.begin();
  return v.words[std::min<std::size_t>(static_cast<std::size_t>(at), v.words.size() - 1)];
}

// `w` with its first letter upper-case (ASCII or Russian).
std::string capitalized(std::string w) {
  if (w.empty()) return w;
  auto* p = reinterpret_cast<unsigned char*>(w.data());
  if (p[0] >= 'a' && p[0] <= 'z') {
    p[0] = static_cast<unsigned char>(p[0] - 'a' + 'A');
  } else if (w.size() >= 2 && p[0] == 0xD0 && p[1] >= 0xB0 && p[1] <= 0xBF) {  // а-п → А-П
    p[1] = static_cast<unsigned char>(p[1] - 0x20);
  } else if (w.size() >= 2 && p[0] == 0xD1 && p[1] <= 0x8F) {  // р-я → Р-Я
    p[0] = 0xD0;
    p[1] = static_cast<unsigned char>(p[1] + 0x20);
  } else if (w.size() >= 2 && p[0] == 0xD1 && p[1] == 0x91) {  // ё → Ё
    p[0] = 0xD0;
    p[1] = 0x81;
  }
  return w;
}

struct Language {
  std::string code;     // "en", "ru"
  std::string article;  // heading word
  std::string aside;    // word of a parenthesized reference: "(paragraph 3)"
  Vocabulary vocabulary;
};

// One sentence: 6 to 30 words, commas, now and then a number or an aside.
std::string sentence(const Language& lang, Random& random) {
  std::string s;
  const std::size_t n = random.between(6, 30);
  bool open = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) s += ' ';
    if (!open && i + 2 < n && random.chance(0.02)) {
      s += '(';
      open = true;
    }
    if (random.chance(0.03)) {
      s += std::to_string(random.chance(0.5) ? random.between(1945, 2024) : random.between(1, 120));
    } else if (random.chance(0.01)) {
      s += lang.aside + " " + std::to_string(random.between(1, 12));
    } else {
      s += i == 0 && !open ? capitalized(draw(lang.vocabulary, random)) : draw(lang.vocabulary, random);
    }
    if (open && random.chance(0.3)) {
      s += ')';
      open = false;
    }
    if (i + 1 < n && random.chance(0.08)) s += ',';
  }
  if (open) s += ')';
  return s + ".";
}

// Code points of UTF-8 `s`.
std::size_t columns(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Appends `text` to `out` wrapped at 80 columns, then a blank line.
void append_wrapped(const std::string& text, std::string& out) {
  std::size_t line = 0, at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + at, end - at);
    const std::size_t width = columns(word);
    if (line > 0 && line + 1 + width > 80) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += width;
    at = end + 1;
  }
  out += "\n\n";
}

// One article: heading, then 1 to 5 paragraphs of 1 to 6 sentences.
void append_article(const Language& lang, long number, Random& random, std::string& out) {
  out += lang.article + " " + std::to_string(number) + "\n\n";
  const std::size_t paragraphs = random.between(1, 5);
  for (std::size_t p = 1; p <= paragraphs; ++p) {
    std::string text = paragraphs > 1 ? std::to_string(p) + ". " : "";
    const std::size_t sentences = random.between(1, 6);
    for (std::size_t i = 0; i < sentences; ++i) {
      if (i > 0) text += ' ';
      text += sentence(lang, random);
    }
    append_wrapped(text, out);
  }
}

// Writes `bytes` to `path` through a temporary file renamed when complete.
bool write_file(const fs::path& path, const std::string& bytes) {
  const fs::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      std::cerr << "charterkit_gencorpus: " << temp.string() << ": cannot write\n";
      return false;
    }
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    std::cerr << "charterkit_gencorpus: " << path.string() << ": cannot write: " << ec.message() << '\n';
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

// Text of about `bytes` bytes: articles numbered from `*number` on, each in
// the language given the fewest bytes so far among `langs`.
std::string generate(const std::vector<const Language*>& langs, std::uint64_t bytes, long* number, Random& random) {
  std::string out;
  out.reserve(static_cast<std::size_t>(bytes) + 4096);
  std::vector<std::uint64_t> written(langs.size(), 0);
  while (out.size() < bytes) {
    const std::size_t k = static_cast<std::size_t>(std::min_element(written.begin(), written.end()) - written.begin());
    const std::size_t before = out.size();
    append_article(*langs[k], (*number)++, random, out);
    written[k] += out.size() - before;
  }
  return out;
}

// Parses a positive number option (a whole one when `whole`); false, with a
// message, if it is not one.
bool parse_positive(const std::string& option, const char* value, bool whole, double& out) {
  char* end = nullptr;
  out = std::strtod(value, &end);
  if (end == value || *end != '\0' || !(out > 0) || !std::isfinite(out) || (whole && out != std::floor(out))) {
    std::cerr << "charterkit_gencorpus: " << option << " takes a positive " << (whole ? "whole " : "") << "number, not '"
              << value << "'\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 0, documents = 0, kb = 30, seed = 2002;
  std::string out_path, lang_option = "both";
  for (int i = 1; i < argc; ++i) {
    const std::string option = argv[i];
    if (option == "--help" || option == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= argc) {
      std::cerr << "charterkit_gencorpus: " << (option.rfind("--", 0) == 0 ? option + " needs a value" : "unexpected '" + option + "'")
                << "\n" << kUsage;
      return kExitUsage;
    }
    const char* value = argv[++i];
    bool ok = true;
    if (option == "--mb") ok = parse_positive(option, value, false, mb);
    else if (option == "--documents") ok = parse_positive(option, value, true, documents);
    else if (option == "--kb") ok = parse_positive(option, value, false, kb);
    else if (option == "--seed") ok = parse_positive(option, value, true, seed);
    else if (option == "--out") out_path = value;
    else if (option == "--lang") lang_option = value;
    else {
      std::cerr << "charterkit_gencorpus: unknown option '" << option << "'\n" << kUsage;
      return kExitUsage;
    }
    if (!ok) return kExitUsage;
  }
  if (out_path.empty() || (mb > 0) == (documents > 0)) {
    std::cerr << "charterkit_gencorpus: give --out and one of --mb or --documents\n" << kUsage;
    return kExitUsage;
  }
  if (lang_option != "en" && lang_option != "ru" && lang_option != "both") {
    std::cerr << "charterkit_gencorpus: --lang takes en, ru or both, not '" << lang_option << "'\n";
    return kExitUsage;
  }

  charterkit::Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) {
    std::cerr << "charterkit_gencorpus: " << tokenizer.status().to_string() << '\n';
    return kExitError;
  }
  Random random(static_cast<std::uint64_t>(seed));
  Language en{"en", "Article", "paragraph", {}}, ru{"ru", "Статья", "пункт", {}};
  if (!build_vocabulary("en", is_english, {"s", "ed", "ing", "al", "ly", "ment", "ation", "ity", "ive"}, {"e"},
                        tokenizer.value(), random, en.vocabulary) ||
      !build_vocabulary("ru", is_russian, {"а", "ы", "у", "ом", "е", "ов", "ам", "ами", "ах", "ой", "ей", "ого", "ому"},
                        {"ия", "ий", "ая", "ое", "ые", "а", "я", "о", "е", "ь", "й", "ы", "и"}, tokenizer.value(), random,
                        ru.vocabulary)) {
    std::cerr << "charterkit_gencorpus: the built-in corpus gives too few words for a vocabulary\n";
    return kExitError;
  }
  std::vector<const Language*> langs;
  if (lang_option != "ru") langs.push_back(&en);
  if (lang_option != "en") langs.push_back(&ru);

  std::error_code ec;
  long number = 1;
  if (mb > 0) {
    const fs::path path(out_path);
    if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (ec) {
      std::cerr << "charterkit_gencorpus: " << path.parent_path().string() << ": cannot create: " << ec.message() << '\n';
      return kExitError;
    }
    const std::string text = generate(langs, static_cast<std::uint64_t>(mb * 1e6), &number, random);
    return write_file(path, text) ? 0 : kExitError;
  }
  const fs::path folder(out_path);
  fs::create_directories(folder, ec);
  if (ec) {
    std::cerr << "charterkit_gencorpus: " << folder.string() << ": cannot create: " << ec.message() << '\n';
    return kExitError;
  }
  const auto count = static_cast<long>(documents);
  for (long d = 0; d < count; ++d) {
    const Language* lang = langs[static_cast<std::size_t>(d) % langs.size()];
    long article = 1;
    const std::string text = generate({lang}, static_cast<std::uint64_t>(kb * 1e3), &article, random);
    char name[64];
    std::snprintf(name, sizeof name, "doc-%04ld.%s.txt", d + 1, lang->code.c_str());
    if (!write_file(folder / name, text)) return kExitError;
  }
  return 0;
}
