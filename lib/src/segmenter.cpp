#include "charterkit/segmenter.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <optional>

#include "embedded.h"
#include "icu_util.h"
#include "yaml_util.h"

namespace charterkit {

using internal::parse_yaml;
using internal::scalar;
using internal::where;

namespace {

// A line of the text, without its line break and surrounding white space.
struct Line {
  std::size_t number;  // 1-based
  std::size_t begin;   // byte offset of the line's first byte
  std::string_view trimmed;
};

bool is_space_prefix(std::string_view s, std::size_t& width) {
  if (s.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') { width = 1; return true; }
  if (s.substr(0, 2) == "\xC2\xA0") { width = 2; return true; }       // no-break space
  if (s.substr(0, 3) == "\xE3\x80\x80") { width = 3; return true; }   // ideographic space
  if (s.substr(0, 3) == "\xEF\xBB\xBF") { width = 3; return true; }   // stray BOM
  return false;
}

std::string_view trim(std::string_view s) {
  std::size_t w = 0;
  while (is_space_prefix(s, w)) s.remove_prefix(w);
  for (;;) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) { s.remove_suffix(1); continue; }
    if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") { s.remove_suffix(2); continue; }
    if (s.size() >= 3 && s.substr(s.size() - 3) == "\xE3\x80\x80") { s.remove_suffix(3); continue; }
    break;
  }
  return s;
}

long parse_roman(std::string_view s) {
  static const std::map<char, int> kValues = {{'i', 1}, {'v', 5}, {'x', 10}, {'l', 50},
                                             {'c', 100}, {'d', 500}, {'m', 1000}};
  long total = 0;
  int previous = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    char c = *it;
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    auto v = kValues.find(c);
    if (v == kValues.end()) return -1;
    total += v->second < previous ? -v->second : v->second;
    previous = std::max(previous, v->second);
  }
  return total > 0 ? total : -1;
}

long parse_chinese(std::string_view s) {
  static const std::map<std::string_view, int> kDigits = {
      {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}};
  static const std::map<std::string_view, int> kUnits = {{"十", 10}, {"百", 100}, {"千", 1000}};
  long total = 0, digit = 0;
  bool any = false;
  while (!s.empty()) {
    if (s.size() < 3) return -1;
    const std::string_view c = s.substr(0, 3);  // every Chinese numeral is 3 bytes in UTF-8
    s.remove_prefix(3);
    any = true;
    if (auto d = kDigits.find(c); d != kDigits.end()) {
      digit = digit * 10 + d->second;  // also reads digit strings such as 一〇五
    } else if (auto u = kUnits.find(c); u != kUnits.end()) {
      total += (digit == 0 ? 1 : digit) * u->second;  // 十一 = 11: a bare unit counts one
      digit = 0;
    } else {
      return -1;
    }
  }
  return any ? total + digit : -1;
}

struct Rule {
  std::unique_ptr<icu::RegexPattern> pattern;
  int32_t number_group = -1;  // -1 when the pattern has none (chapters)
  int32_t title_group = -1;
};

}  // namespace

long parse_number(std::string_view text) {
  if (text.empty()) return -1;
  if (text.find_first_not_of("0123456789") == std::string_view::npos) {
    if (text.size() > 9) return -1;
    return std::stol(std::string(text));
  }
  if (long roman = parse_roman(text); roman > 0) return roman;
  return parse_chinese(text);
}

struct HeadingRules::Impl {
  std::vector<Rule> articles;
  std::vector<Rule> chapters;
  std::map<std::string, long> number_words;  // case-folded word -> value
  // Whether some rule may match a line that begins with a given prefix (see
  // may_start_heading), filled as lines are seen.
  mutable std::mutex prefix_mutex;
  mutable std::unordered_map<std::string, bool> prefix_possible;
  mutable std::vector<std::unique_ptr<icu::RegexMatcher>> prefix_matchers;  // one per rule, under the mutex
  mutable std::array<std::atomic<std::uint8_t>, 0x800> first_char{};

  // Returns false only if no rule can match a line that begins with the first
  // (up to four) characters of `line`: each rule is tried on that prefix
  // alone, and a rule that fails without reaching the end of its input (ICU's
  // hitEnd) cannot match any line that begins so. Most lines are body text
  // and are ruled out here without running the patterns on them.
  bool may_start_heading(std::string_view line) const {
    // First the first character alone, from a table filled as lines are seen
    // (0 not known yet, 1 no rule can match, 2 some rule may).
    int32_t first_end = 0;
    UChar32 first = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(line.data()), first_end, static_cast<int32_t>(line.size()), first);
    if (first >= 0 && first < 0x800) {
      const std::uint8_t known = first_char[first].load(std::memory_order_relaxed);
      if (known == 1) return false;
      if (known == 0) {
        const bool possible = prefix_may_match(line.substr(0, static_cast<std::size_t>(first_end)));
        first_char[first].store(possible ? 2 : 1, std::memory_order_relaxed);
        if (!possible) return false;
      }
    }
    int32_t end = 0;
    for (int k = 0; k < 4 && end < static_cast<int32_t>(line.size()); ++k) {
      U8_FWD_1(reinterpret_cast<const uint8_t*>(line.data()), end, static_cast<int32_t>(line.size()));
    }
    return prefix_may_match(line.substr(0, static_cast<std::size_t>(end)));
  }

  bool prefix_may_match(std::string_view text) const {
    std::string prefix(text);
    const auto end = static_cast<int32_t>(prefix.size());
    std::lock_guard<std::mutex> lock(prefix_mutex);
    if (auto it = prefix_possible.find(prefix); it != prefix_possible.end()) return it->second;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(icu::StringPiece(prefix.data(), end));
    if (prefix_matchers.empty()) {
      for (const std::vector<Rule>* rules : {&articles, &chapters}) {
        for (const Rule& r : *rules) {
          UErrorCode status = U_ZERO_ERROR;
          prefix_matchers.emplace_back(r.pattern->matcher(status));
          if (U_FAILURE(status)) prefix_matchers.back().reset();
        }
      }
    }
    bool possible = false;
    for (const auto& m : prefix_matchers) {
      UErrorCode status = U_ZERO_ERROR;
      if (!m) {
        possible = true;
        break;
      }
      m->reset(input);
      possible = m->lookingAt(status) || U_FAILURE(status) || m->hitEnd();
      if (possible) break;
    }
    prefix_possible.emplace(std::move(prefix), possible);
    return possible;
  }
};

HeadingRules::HeadingRules(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HeadingRules::HeadingRules(HeadingRules&&) noexcept = default;
HeadingRules& HeadingRules::operator=(HeadingRules&&) noexcept = default;
HeadingRules::~HeadingRules() = default;

namespace {

std::string fold(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.foldCase().toUTF8String(out);
  return out;
}

Result<std::vector<Rule>> compile_rules(const Text& text, const YAML::Node& list, const char* section,
                                        bool needs_number) {
  std::vector<Rule> rules;
  if (!list) return rules;
  if (!list.IsSequence()) {
    return Status::InvalidInput(std::string("'") + section + "' must be a list", where(text, list.Mark()));
  }
  for (const YAML::Node& entry : list) {
    if (!entry.IsMap() || !entry["pattern"]) {
      return Status::InvalidInput(std::string("each entry of '") + section + "' needs a 'pattern'",
                                  where(text, entry.Mark()));
    }
    Result<std::string> source = scalar(text, entry["pattern"], "pattern");
    if (!source.ok()) return source.status();
    UErrorCode status = U_ZERO_ERROR;
    UParseError parse_error;
    Rule rule;
    rule.pattern.reset(icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(source.value()),
                                                  UREGEX_CASE_INSENSITIVE, parse_error, status));
    if (U_FAILURE(status)) {
      SourceLocation loc = where(text, entry["pattern"].Mark());
      return Status::InvalidInput("invalid pattern '" + source.value() + "': " + u_errorName(status) +
                                      " at character " + std::to_string(parse_error.offset + 1),
                                  loc);
    }
    rule.number_group = rule.pattern->groupNumberFromName(icu::UnicodeString("number"), status);
    if (U_FAILURE(status)) rule.number_group = -1;
    status = U_ZERO_ERROR;
    rule.title_group = rule.pattern->groupNumberFromName(icu::UnicodeString("title"), status);
    if (U_FAILURE(status)) rule.title_group = -1;
    if (needs_number && rule.number_group < 0) {
      return Status::InvalidInput("article pattern '" + source.value() + "' has no group (?<number>...)",
                                  where(text, entry["pattern"].Mark()));
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace

Result<HeadingRules> HeadingRules::Parse(const Text& text) {
  Result<YAML::Node> root = parse_yaml(text);
  if (!root.ok()) return root.status();
  if (!root->IsMap()) return Status::InvalidInput("expected a map with 'articles'", where(text, root->Mark()));
  auto impl = std::make_unique<Impl>();
  Result<std::vector<Rule>> articles = compile_rules(text, (*root)["articles"], "articles", true);
  if (!articles.ok()) return articles.status();
  Result<std::vector<Rule>> chapters = compile_rules(text, (*root)["chapters"], "chapters", false);
  if (!chapters.ok()) return chapters.status();
  if (articles->empty()) return Status::InvalidInput("no article patterns", where(text, root->Mark()));
  impl->articles = std::move(articles).value();
  impl->chapters = std::move(chapters).value();
  if (const YAML::Node numbers = (*root)["numbers"]) {
    if (!numbers.IsMap()) return Status::InvalidInput("'numbers' must be a map", where(text, numbers.Mark()));
    for (const auto& pair : numbers) {
      long value = pair.second.IsScalar() ? parse_number(pair.second.Scalar()) : -1;
      if (value < 0) {
        return Status::InvalidInput("number word '" + pair.first.Scalar() + "' needs a number",
                                    where(text, pair.second.Mark()));
      }
      impl->number_words[fold(pair.first.Scalar())] = value;
    }
  }
  return HeadingRules(std::move(impl));
}

Result<HeadingRules> HeadingRules::Load(const std::string& path) {
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  return Parse(text.value());
}

Result<HeadingRules> HeadingRules::Default() {
  std::size_t count = 0;
  const internal::EmbeddedFile* files = internal::embedded_files(&count);
  for (std::size_t i = 0; i < count; ++i) {
    if (files[i].path == "headings.yaml") {
      Result<Text> text = text_from_bytes(std::string(files[i].bytes), "corpus/headings.yaml");
      if (!text.ok()) return text.status();
      return Parse(text.value());
    }
  }
  return Status::Internal("corpus/headings.yaml is not built into the library");
}

std::vector<Segment> HeadingRules::segment(const Text& text, std::size_t body_begin,
                                           std::vector<Warning>* warnings) const {
  struct Heading {
    bool is_article;
    std::size_t line;
    std::size_t begin;
    long number;
    std::string title;
    std::string text;  // the whole heading line
  };
  // Heading lines are short; longer lines are body text and are not matched.
  constexpr std::size_t kMaxHeadingBytes = 400;

  const std::string_view bytes(text.bytes);
  std::vector<Heading> headings;
  std::vector<std::unique_ptr<icu::RegexMatcher>> article_matchers, chapter_matchers;
  UErrorCode status = U_ZERO_ERROR;
  for (const Rule& r : impl_->articles) article_matchers.emplace_back(r.pattern->matcher(status));
  for (const Rule& r : impl_->chapters) chapter_matchers.emplace_back(r.pattern->matcher(status));
  if (U_FAILURE(status)) return {Segment{"all", "", "", body_begin, bytes.size(), 0}};

  std::size_t line_number = 0;
  // Lines are counted in the content, like editors do; body_begin may skip front matter.
  for (std::size_t i = text.content_begin; i < body_begin; ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) ++line_number;
  }
  std::size_t pos = body_begin;
  while (pos < bytes.size()) {
    std::size_t eol = bytes.size();
    {
      const char* p = bytes.data() + pos;
      const auto* lf = static_cast<const char*>(std::memchr(p, '\n', bytes.size() - pos));
      const std::size_t limit = lf != nullptr ? static_cast<std::size_t>(lf - p) : bytes.size() - pos;
      const auto* cr = static_cast<const char*>(std::memchr(p, '\r', limit));
      eol = pos + (cr != nullptr ? static_cast<std::size_t>(cr - p) : limit);
    }
    ++line_number;
    const std::string_view line = trim(bytes.substr(pos, eol - pos));
    const std::size_t line_begin = pos;
    pos = eol;
    if (pos < bytes.size()) pos += (bytes[pos] == '\r' && pos + 1 < bytes.size() && bytes[pos + 1] == '\n') ? 2 : 1;
    if (line.empty() || line.size() > kMaxHeadingBytes) continue;
    if (!impl_->may_start_heading(line)) continue;

    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    bool found = false;
    for (std::size_t r = 0; r < impl_->articles.size() && !found; ++r) {
      icu::RegexMatcher& m = *article_matchers[r];
      m.reset(u);
      UErrorCode s = U_ZERO_ERROR;
      if (!m.matches(s) || U_FAILURE(s)) continue;
      std::string number_text, title;
      m.group(impl_->articles[r].number_group, s).toUTF8String(number_text);
      if (impl_->articles[r].title_group >= 0) m.group(impl_->articles[r].title_group, s).toUTF8String(title);
      long number = parse_number(number_text);
      if (number < 0) {
        auto word = impl_->number_words.find(fold(number_text));
        if (word != impl_->number_words.end()) number = word->second;
      }
      if (number <= 0) continue;  // "Article X" with no readable number is not a heading
      headings.push_back({true, line_number, line_begin, number, std::string(trim(title)), std::string(line)});
      found = true;
    }
    for (std::size_t r = 0; r < impl_->chapters.size() && !found; ++r) {
      icu::RegexMatcher& m = *chapter_matchers[r];
      m.reset(u);
      UErrorCode s = U_ZERO_ERROR;
      if (!m.matches(s) || U_FAILURE(s)) continue;
      headings.push_back({false, line_number, line_begin, 0, "", std::string(line)});
      found = true;
    }
  }

  const auto warn = [&](std::size_t line, std::string message) {
    if (warnings) warnings->push_back(Warning{SourceLocation{text.name, line, 1, std::nullopt}, std::move(message)});
  };
  const auto has_text = [&](std::size_t begin, std::size_t end) {
    return !trim(bytes.substr(begin, end - begin)).empty() &&
           bytes.substr(begin, end - begin).find_first_not_of(" \t\r\n") != std::string_view::npos;
  };

  std::vector<Segment> segments;
  bool any_article = false;
  for (const Heading& h : headings) any_article = any_article || h.is_article;
  if (!any_article) {
    segments.push_back(Segment{"all", "", "", body_begin, bytes.size(), 0});
    return segments;
  }

  std::string chapter;
  std::optional<std::size_t> chapter_begin;  // a chapter heading not yet given to an article
  std::map<long, std::pair<std::size_t, int>> seen;  // number -> (first line, times seen)
  long previous = 0;
  for (const Heading& h : headings) {
    if (!h.is_article) {
      chapter = h.text;
      if (!chapter_begin) chapter_begin = h.begin;
      continue;
    }
    const std::size_t begin = chapter_begin.value_or(h.begin);
    chapter_begin.reset();
    if (segments.empty()) {
      if (has_text(body_begin, begin)) segments.push_back(Segment{"preamble", "", "", body_begin, begin, 0});
    } else {
      segments.back().end = begin;
    }
    std::string id = "art" + std::to_string(h.number);
    auto [it, first_time] = seen.try_emplace(h.number, h.line, 0);
    ++it->second.second;
    if (!first_time) {
      id += "-" + std::to_string(it->second.second);
      warn(h.line, "article " + std::to_string(h.number) + " appears again (first on line " +
                       std::to_string(it->second.first) + "); this one is segment " + id);
    } else if (h.number < previous) {
      warn(h.line, "article " + std::to_string(h.number) + " follows article " + std::to_string(previous) +
                       " (out of order)");
    } else if (h.number > previous + 1) {
      warn(h.line, "article " + std::to_string(h.number) + " follows article " + std::to_string(previous) +
                       (h.number == previous + 2 ? ": article " + std::to_string(previous + 1) + " is missing"
                                                 : ": articles " + std::to_string(previous + 1) + " to " +
                                                       std::to_string(h.number - 1) + " are missing"));
    }
    previous = std::max(previous, h.number);
    segments.push_back(Segment{id, chapter, h.title, begin, bytes.size(), h.number});
  }
  return segments;
}

}  // namespace charterkit
