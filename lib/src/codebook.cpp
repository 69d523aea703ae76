#include "charterkit/codebook.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>

#include "charterkit/corpus.h"
#include "glob.h"
#include "lines.h"
#include "yaml_util.h"

namespace charterkit {

using internal::glob_match;
using internal::parse_yaml;
using internal::scalar;
using internal::where;

std::string_view to_string(EntryKind kind) {
  switch (kind) {
    case EntryKind::kWord: return "word";
    case EntryKind::kGlob: return "glob";
    case EntryKind::kPhrase: return "phrase";
    case EntryKind::kNear: return "near";
    case EntryKind::kBefore: return "before";
  }
  return "word";
}

std::string CodebookIssue::to_string() const {
  std::string out;
  if (!where.file.empty()) {
    out += where.file;
    if (where.line) out += ":" + std::to_string(where.line) + (where.column ? ":" + std::to_string(where.column) : "");
    out += ": ";
  }
  return out + kind + ": " + message;
}

namespace {

bool is_wildcard(char c) { return c == '*' || c == '?'; }

bool only_wildcards_or_space(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return is_wildcard(c) || c == ' ' || c == '\t'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Parses one alternative: words and globs separated by spaces or punctuation.
// Errors are plain messages; the caller adds the place.
Result<Phrase> parse_phrase(std::string_view source, Tokenizer& tokenizer) {
  source = trim(source);
  if (source.empty()) return Status::InvalidInput("empty pattern");
  Result<std::vector<Token>> tokens = tokenizer.tokenize(source);
  if (!tokens.ok()) return tokens.status();
  if (tokens->empty()) {
    if (only_wildcards_or_space(source)) {
      return Status::InvalidInput("pattern '" + std::string(source) + "' would match every word");
    }
    return Status::InvalidInput("pattern '" + std::string(source) + "' has no word in it");
  }
  Phrase phrase;
  phrase.ideographic = std::all_of(tokens->begin(), tokens->end(),
                                   [](const Token& t) { return t.kind == TokenKind::kIdeographic; });
  if (phrase.ideographic) {
    // Chinese and Japanese are matched as character sequences, whatever the
    // word segmentation of the text; a leading or trailing '*' says nothing more.
    std::string_view inner = source;
    while (!inner.empty() && inner.front() == '*') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == '*') inner.remove_suffix(1);
    Term term;
    for (std::size_t i = 0; i < tokens->size(); ++i) {
      const Token& t = (*tokens)[i];
      const std::size_t gap_begin = i == 0 ? static_cast<std::size_t>(inner.data() - source.data()) : (*tokens)[i - 1].end;
      const std::string_view gap = source.substr(gap_begin, t.begin - std::min(t.begin, gap_begin));
      if (gap.find_first_of("*?") != std::string_view::npos) {
        return Status::InvalidInput("wildcards inside Chinese or Japanese pattern '" + std::string(source) +
                                    "' are not supported (such patterns match as character sequences)");
      }
      term.text += t.normalized;
    }
    phrase.terms.push_back(std::move(term));
    return phrase;
  }

  std::size_t previous_end = 0;
  bool open = false;  // a term is being built and may still take wildcards or pieces
  for (const Token& t : tokens.value()) {
    const std::string_view gap = source.substr(previous_end, t.begin - previous_end);
    if (open && !gap.empty() && std::all_of(gap.begin(), gap.end(), is_wildcard)) {
      // "organi?ation", "a*b": one glob across the wildcard.
      phrase.terms.back().text += std::string(gap) + t.normalized;
      phrase.terms.back().glob = true;
    } else {
      if (open) {
        std::size_t k = 0;
        while (k < gap.size() && is_wildcard(gap[k])) ++k;
        if (k) {
          phrase.terms.back().text += std::string(gap.substr(0, k));
          phrase.terms.back().glob = true;
        }
      }
      std::size_t k = gap.size();
      while (k > 0 && is_wildcard(gap[k - 1])) --k;
      Term term;
      term.text = std::string(gap.substr(k)) + t.normalized;
      term.glob = k < gap.size();
      phrase.terms.push_back(std::move(term));
      open = true;
    }
    previous_end = t.end;
  }
  const std::string_view tail = source.substr(previous_end);
  std::size_t k = 0;
  while (k < tail.size() && is_wildcard(tail[k])) ++k;
  if (k) {
    phrase.terms.back().text += std::string(tail.substr(0, k));
    phrase.terms.back().glob = true;
  }
  return phrase;
}

// Finds " NEAR/n " or " BEFORE/n " in `source`; returns the operator's
// position or npos.
std::size_t find_operator(std::string_view source, std::string_view& op, std::size_t& length) {
  for (std::string_view candidate : {std::string_view("NEAR/"), std::string_view("BEFORE/")}) {
    for (std::size_t at = source.find(candidate); at != std::string_view::npos; at = source.find(candidate, at + 1)) {
      if (at > 0 && source[at - 1] != ' ' && source[at - 1] != ')') continue;
      std::size_t end = at + candidate.size();
      while (end < source.size() && source[end] != ' ' && source[end] != '(') ++end;
      op = candidate;
      length = end - at;
      return at;
    }
  }
  return std::string_view::npos;
}

Status parse_operand(std::string_view operand, Tokenizer& tokenizer, std::vector<Phrase>& out) {
  operand = trim(operand);
  if (operand.empty()) return Status::InvalidInput("a rule needs a pattern on each side of its operator");
  if (operand.front() == '(') {
    if (operand.back() != ')') return Status::InvalidInput("'(' without its ')' in '" + std::string(operand) + "'");
    operand = operand.substr(1, operand.size() - 2);
  }
  if (operand.find_first_of("()") != std::string_view::npos) {
    return Status::InvalidInput("parentheses cannot be nested in '" + std::string(operand) + "'");
  }
  std::size_t pos = 0;
  while (pos <= operand.size()) {
    std::size_t bar = operand.find('|', pos);
    if (bar == std::string_view::npos) bar = operand.size();
    Result<Phrase> phrase = parse_phrase(operand.substr(pos, bar - pos), tokenizer);
    if (!phrase.ok()) return phrase.status();
    out.push_back(std::move(phrase).value());
    pos = bar + 1;
  }
  return Status::Ok();
}

// Parses an entry's text into `entry` (kind, alternatives, window).
Status parse_entry(std::string_view source, Tokenizer& tokenizer, Entry& entry) {
  std::string_view op;
  std::size_t op_length = 0;
  const std::size_t at = find_operator(source, op, op_length);
  if (at == std::string_view::npos) {
    if (source.find('|') != std::string_view::npos || source.find('(') != std::string_view::npos) {
      return Status::InvalidInput("'|' and parentheses belong in rules with NEAR/n or BEFORE/n");
    }
    Result<Phrase> phrase = parse_phrase(source, tokenizer);
    if (!phrase.ok()) return phrase.status();
    const Phrase& p = phrase.value();
    entry.kind = p.terms.size() > 1 ? EntryKind::kPhrase : p.terms[0].glob ? EntryKind::kGlob : EntryKind::kWord;
    entry.alternatives.push_back(std::move(phrase).value());
    entry.left_count = 1;
    return Status::Ok();
  }
  const std::string_view number = source.substr(at + op.size(), op_length - op.size());
  if (number.empty() || number.size() > 4 || !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Status::InvalidInput(std::string(op) + " needs a number of words, as in " + std::string(op) + "5");
  }
  entry.window = static_cast<std::size_t>(std::stoul(std::string(number)));
  entry.kind = op == "NEAR/" ? EntryKind::kNear : EntryKind::kBefore;
  const std::string_view rest = source.substr(at + op_length);
  std::string_view ignored;
  std::size_t ignored_length = 0;
  if (find_operator(rest, ignored, ignored_length) != std::string_view::npos) {
    return Status::InvalidInput("a rule has one NEAR/n or BEFORE/n; split it into several entries");
  }
  if (Status s = parse_operand(source.substr(0, at), tokenizer, entry.alternatives); !s.ok()) return s;
  entry.left_count = entry.alternatives.size();
  return parse_operand(rest, tokenizer, entry.alternatives);
}

bool is_id(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

bool is_language_key(std::string_view s) {
  if (s == "*") return true;
  if (s.size() < 2) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// Returns a canonical text of the entry's meaning, for finding duplicates.
std::string canonical(const Entry& e) {
  std::string out = std::string(to_string(e.kind)) + "/" + std::to_string(e.window) + "/" + std::to_string(e.left_count);
  for (const Phrase& p : e.alternatives) {
    out += "|";
    for (const Term& t : p.terms) out += t.text + " ";
  }
  return out;
}

}  // namespace

// Builds codebooks; the one place that writes Codebook's members.
class CodebookBuilder {
 public:
  CodebookBuilder(const Text& text, Tokenizer& tokenizer) : text_(text), tokenizer_(tokenizer) {}

  Status fail(const YAML::Node& node, const std::string& message) {
    return Status::InvalidInput(message, where(text_, node.Mark()));
  }

  // Adds the entries in `list` (a YAML list of strings) for theme `theme`.
  Status add_entries(std::size_t theme, const std::string& language, const YAML::Node& list, bool exclusion) {
    if (!list.IsSequence()) return fail(list, "entries for '" + language + "' must be a list");
    for (const YAML::Node& item : list) {
      Result<std::string> source = scalar(text_, item, "entry");
      if (!source.ok()) return source.status();
      Status s = add_entry(theme, language, source.value(), where(text_, item.Mark()), exclusion);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status add_entry(std::size_t theme, const std::string& language, const std::string& source, SourceLocation loc,
                   bool exclusion) {
    Entry entry;
    entry.theme = theme;
    entry.language = language;
    entry.source = source;
    entry.where = loc;
    entry.exclusion = exclusion;
    if (Status s = parse_entry(source, tokenizer_, entry); !s.ok()) {
      return Status::InvalidInput("entry '" + source + "': " + s.message(), loc);
    }
    book_.entries_.push_back(std::move(entry));
    return Status::Ok();
  }

  // Reads a map {language: [entries]}.
  Status add_language_map(std::size_t theme, const YAML::Node& map, bool exclusion) {
    if (!map.IsMap()) return fail(map, "expected a map from language (en, ru, kk, zh, ...) to a list of entries");
    for (const auto& pair : map) {
      const std::string language = pair.first.Scalar();
      if (!is_language_key(language)) return fail(pair.first, "'" + language + "' is not a language tag");
      if (Status s = add_entries(theme, language, pair.second, exclusion); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Result<Codebook> parse_charterkit(const YAML::Node& root) {
    if (!root.IsMap()) return fail(root, "a codebook is a map with 'themes:' (see docs/codebook.md)");
    static const std::set<std::string> kTop = {"name", "languages", "groups", "themes", "exclude"};
    for (const auto& pair : root) {
      if (!kTop.count(pair.first.Scalar())) {
        return fail(pair.first, "unknown field '" + pair.first.Scalar() + "' (fields: name, languages, groups, themes, exclude)");
      }
    }
    if (root["name"]) {
      Result<std::string> name = scalar(text_, root["name"], "name");
      if (!name.ok()) return name.status();
      book_.name_ = name.value();
    }
    if (const YAML::Node languages = root["languages"]) {
      if (!languages.IsSequence()) return fail(languages, "'languages' must be a list such as [en, ru, kk, zh]");
      for (const YAML::Node& l : languages) {
        Result<std::string> language = scalar(text_, l, "languages");
        if (!language.ok()) return language.status();
        if (!is_language_key(language.value())) return fail(l, "'" + language.value() + "' is not a language tag");
        book_.languages_.push_back(language.value());
      }
    }
    if (const YAML::Node groups = root["groups"]) {
      if (!groups.IsSequence()) return fail(groups, "'groups' must be a list");
      for (const YAML::Node& g : groups) {
        if (!g.IsMap() || !g["id"]) return fail(g, "a group needs an 'id'");
        ThemeGroup group;
        group.id = g["id"].Scalar();
        group.label = g["label"] ? g["label"].Scalar() : group.id;
        for (const auto& other : book_.groups_) {
          if (other.id == group.id) return fail(g["id"], "group '" + group.id + "' is defined twice");
        }
        book_.groups_.push_back(group);
      }
    }
    const YAML::Node themes = root["themes"];
    if (!themes || !themes.IsSequence()) return fail(root, "a codebook needs a list 'themes:'");
    if (const YAML::Node exclude = root["exclude"]) {
      if (Status s = add_language_map(SIZE_MAX, exclude, true); !s.ok()) return s;
    }
    std::vector<std::pair<std::size_t, YAML::Node>> overlaps;
    static const std::set<std::string> kThemeFields = {"id", "label", "group", "description", "overlaps", "entries", "exclude"};
    for (const YAML::Node& t : themes) {
      if (!t.IsMap() || !t["id"]) return fail(t, "a theme needs an 'id'");
      for (const auto& pair : t) {
        if (!kThemeFields.count(pair.first.Scalar())) {
          return fail(pair.first, "unknown field '" + pair.first.Scalar() +
                                      "' (fields: id, label, group, description, overlaps, entries, exclude)");
        }
      }
      Theme theme;
      Result<std::string> id = scalar(text_, t["id"], "id");
      if (!id.ok()) return id.status();
      theme.id = id.value();
      if (!is_id(theme.id)) return fail(t["id"], "theme id '" + theme.id + "' must be letters, digits, '_', '-' or '.'");
      if (book_.find_theme(theme.id) != SIZE_MAX) return fail(t["id"], "theme '" + theme.id + "' is defined twice");
      for (const char* field : {"label", "group", "description"}) {
        if (!t[field]) continue;
        Result<std::string> v = scalar(text_, t[field], field);
        if (!v.ok()) return v.status();
        (std::string(field) == "label" ? theme.label : std::string(field) == "group" ? theme.group : theme.description) = v.value();
      }
      if (theme.label.empty()) theme.label = theme.id;
      if (!theme.group.empty() &&
          std::none_of(book_.groups_.begin(), book_.groups_.end(), [&](const ThemeGroup& g) { return g.id == theme.group; })) {
        return fail(t["group"], "group '" + theme.group + "' is not among the codebook's groups");
      }
      const std::size_t index = book_.themes_.size();
      book_.themes_.push_back(theme);
      if (t["overlaps"]) overlaps.emplace_back(index, t["overlaps"]);
      if (t["entries"]) {
        if (Status s = add_language_map(index, t["entries"], false); !s.ok()) return s;
      }
      if (t["exclude"]) {
        if (Status s = add_language_map(index, t["exclude"], true); !s.ok()) return s;
      }
    }
    for (const auto& [index, list] : overlaps) {
      if (!list.IsSequence()) return fail(list, "'overlaps' must be a list of theme ids");
      for (const YAML::Node& item : list) {
        const std::size_t other = book_.find_theme(item.Scalar());
        if (other == SIZE_MAX) return fail(item, "theme '" + item.Scalar() + "' is not defined");
        auto& mine = book_.themes_[index].overlaps;
        if (std::find(mine.begin(), mine.end(), item.Scalar()) == mine.end()) mine.push_back(item.Scalar());
        auto& theirs = book_.themes_[other].overlaps;
        if (std::find(theirs.begin(), theirs.end(), book_.themes_[index].id) == theirs.end()) {
          theirs.push_back(book_.themes_[index].id);
        }
      }
    }
    return std::move(book_);
  }

  // quanteda: a map whose leaves are lists of patterns; nested keys join with '.'.
  Status parse_quanteda_node(const YAML::Node& node, const std::string& prefix) {
    if (!node.IsMap()) return fail(node, "a quanteda dictionary is a map of keys to lists of patterns");
    for (const auto& pair : node) {
      const std::string key = prefix.empty() ? pair.first.Scalar() : prefix + "." + pair.first.Scalar();
      if (pair.second.IsSequence()) {
        if (book_.find_theme(key) != SIZE_MAX) return fail(pair.first, "key '" + key + "' is defined twice");
        Theme theme;
        theme.id = key;
        theme.label = key;
        const std::size_t index = book_.themes_.size();
        book_.themes_.push_back(theme);
        if (Status s = add_entries(index, "*", pair.second, false); !s.ok()) return s;
      } else if (pair.second.IsScalar()) {
        Theme theme;
        theme.id = key;
        theme.label = key;
        const std::size_t index = book_.themes_.size();
        book_.themes_.push_back(theme);
        if (Status s = add_entry(index, "*", pair.second.Scalar(), where(text_, pair.second.Mark()), false); !s.ok()) {
          return s;
        }
      } else if (Status s = parse_quanteda_node(pair.second, key); !s.ok()) {
        return s;
      }
    }
    return Status::Ok();
  }

  Result<Codebook> single(const std::string& theme_id, const std::string& pattern) {
    Theme theme;
    theme.id = theme_id;
    theme.label = theme_id;
    book_.themes_.push_back(theme);
    book_.name_ = "pattern";
    if (Status s = add_entry(0, "*", pattern, SourceLocation{}, false); !s.ok()) {
      return Status::InvalidArgument(s.message());
    }
    return std::move(book_);
  }

  Result<Codebook> parse_quanteda(const YAML::Node& root) {
    if (Status s = parse_quanteda_node(root, ""); !s.ok()) return s;
    book_.name_ = text_.name;
    return std::move(book_);
  }

  Result<Codebook> parse_liwc() {
    const std::string_view content = text_.content();
    std::map<std::string, std::size_t> categories;  // number or name -> theme
    int section = 0;  // 0 before the first '%', 1 categories, 2 words
    std::size_t last_line = 0;
    Status error;
    internal::for_each_line(content, [&](std::size_t line_number, std::size_t line_begin, std::string_view line) {
      last_line = line_number;
      error = liwc_line(line, SourceLocation{text_.name, line_number, 1, text_.content_begin + line_begin}, categories,
                        section);
      return error.ok();
    });
    if (!error.ok()) return error;
    if (section < 2) {
      return Status::InvalidInput("a LIWC dictionary has two '%' lines around its categories",
                                  SourceLocation{text_.name, last_line, 1, std::nullopt});
    }
    book_.name_ = text_.name;
    return std::move(book_);
  }

  // Reads one line of a LIWC dictionary; `section` counts the '%' lines seen.
  Status liwc_line(std::string_view line, const SourceLocation& loc, std::map<std::string, std::size_t>& categories,
                   int& section) {
    if (trim(line).empty()) return Status::Ok();
    if (trim(line) == "%") {
      if (++section > 2) return Status::InvalidInput("a third '%' line: a LIWC dictionary has two", loc);
      return Status::Ok();
    }
    if (section == 0) return Status::InvalidInput("a LIWC dictionary starts with a line '%'", loc);
    // Fields are separated by tabs (or runs of spaces in some files).
    std::vector<std::string_view> fields;
    std::size_t f = 0;
    while (f < line.size()) {
      while (f < line.size() && (line[f] == '\t' || (section == 1 && line[f] == ' '))) ++f;
      std::size_t g = f;
      while (g < line.size() && line[g] != '\t' && !(section == 1 && line[g] == ' ')) ++g;
      if (g > f) fields.push_back(line.substr(f, g - f));
      f = g;
    }
    if (section == 1) {
      if (fields.size() < 2) return Status::InvalidInput("a category line needs a number and a name", loc);
      Theme theme;
      theme.id = std::string(fields[1]);
      theme.label = theme.id;
      if (book_.find_theme(theme.id) != SIZE_MAX) {
        return Status::InvalidInput("category '" + theme.id + "' is defined twice", loc);
      }
      if (categories.count(std::string(fields[0]))) {
        return Status::InvalidInput("category number " + std::string(fields[0]) + " is defined twice", loc);
      }
      categories[std::string(fields[0])] = book_.themes_.size();
      categories[theme.id] = book_.themes_.size();
      book_.themes_.push_back(theme);
    } else {
      // LIWC 2015 separates the word from its categories by a tab; a word may
      // hold spaces (a phrase). Split on the last tab-separated run of numbers.
      std::vector<std::string_view> cells;
      std::size_t c = 0;
      while (c <= line.size()) {
        std::size_t tab = line.find('\t', c);
        if (tab == std::string_view::npos) tab = line.size();
        if (tab > c) cells.push_back(line.substr(c, tab - c));
        c = tab + 1;
      }
      if (cells.size() < 2) return Status::InvalidInput("a word line needs a word and at least one category", loc);
      const std::string word = std::string(trim(cells[0]));
      for (std::size_t k = 1; k < cells.size(); ++k) {
        const std::string category(trim(cells[k]));
        auto it = categories.find(category);
        if (it == categories.end()) {
          return Status::InvalidInput("word '" + word + "' names category '" + category + "', which is not defined", loc);
        }
        if (Status s = add_entry(it->second, "*", word, loc, false); !s.ok()) return s;
      }
    }
    return Status::Ok();
  }

 private:
  const Text& text_;
  Tokenizer& tokenizer_;
  Codebook book_;
};

std::size_t Codebook::find_theme(std::string_view id) const {
  for (std::size_t i = 0; i < themes_.size(); ++i) {
    if (themes_[i].id == id) return i;
  }
  return SIZE_MAX;
}

bool Codebook::may_overlap(std::size_t a, std::size_t b) const {
  if (a == b) return true;
  const auto& list = themes_[a].overlaps;
  return std::find(list.begin(), list.end(), themes_[b].id) != list.end();
}

Result<Codebook> Codebook::Parse(const Text& text, Tokenizer& tokenizer) {
  Result<YAML::Node> root = parse_yaml(text);
  if (!root.ok()) return root.status();
  return CodebookBuilder(text, tokenizer).parse_charterkit(root.value());
}

Result<Codebook> Codebook::Load(const std::string& path, Tokenizer& tokenizer) {
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  return Parse(text.value(), tokenizer);
}

Result<Codebook> Codebook::Default(Tokenizer& tokenizer) {
  Result<Text> text = corpus_file("codebooks/default.yaml");
  if (!text.ok()) return text.status();
  return Parse(text.value(), tokenizer);
}

Result<Codebook> Codebook::ParseQuanteda(const Text& text, Tokenizer& tokenizer) {
  Result<YAML::Node> root = parse_yaml(text);
  if (!root.ok()) return root.status();
  return CodebookBuilder(text, tokenizer).parse_quanteda(root.value());
}

Result<Codebook> Codebook::LoadQuanteda(const std::string& path, Tokenizer& tokenizer) {
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  return ParseQuanteda(text.value(), tokenizer);
}

Result<Codebook> Codebook::ParseLiwc(const Text& text, Tokenizer& tokenizer) {
  return CodebookBuilder(text, tokenizer).parse_liwc();
}

Result<Codebook> Codebook::LoadLiwc(const std::string& path, Tokenizer& tokenizer) {
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  return ParseLiwc(text.value(), tokenizer);
}

Result<Codebook> Codebook::FromPattern(const std::string& theme, const std::string& pattern, Tokenizer& tokenizer) {
  Text none;
  return CodebookBuilder(none, tokenizer).single(theme, pattern);
}

Result<Codebook> Codebook::LoadAny(const std::string& path, Tokenizer& tokenizer) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  Result<Text> text = load_text(path);
  if (!text.ok()) return text.status();
  if (ext == ".dic") return ParseLiwc(text.value(), tokenizer);
  Result<YAML::Node> root = parse_yaml(text.value());
  if (!root.ok()) return root.status();
  if (root->IsMap() && (*root)["themes"] && (*root)["themes"].IsSequence()) return Parse(text.value(), tokenizer);
  return ParseQuanteda(text.value(), tokenizer);
}

std::vector<CodebookIssue> Codebook::check() const {
  std::vector<CodebookIssue> issues;
  std::map<std::string, const Entry*> seen;
  for (const Entry& e : entries_) {
    const std::string key = std::to_string(e.theme) + "\x1f" + e.language + "\x1f" + (e.exclusion ? "x" : "") + canonical(e);
    auto [it, inserted] = seen.emplace(key, &e);
    if (!inserted) {
      issues.push_back({e.where, "duplicate",
                        "'" + e.source + "' repeats '" + it->second->source + "' (line " +
                            std::to_string(it->second->where.line) + ")"});
    }
  }
  for (const Entry& e : entries_) {
    if (e.exclusion || e.kind != EntryKind::kWord || e.alternatives[0].ideographic) continue;
    const std::string& word = e.alternatives[0].terms[0].text;
    for (const Entry& g : entries_) {
      if (&g == &e || g.exclusion || g.kind != EntryKind::kGlob || g.theme != e.theme) continue;
      if (g.language != e.language && g.language != "*") continue;
      if (glob_match(g.alternatives[0].terms[0].text, word)) {
        issues.push_back({e.where, "shadowed",
                          "'" + e.source + "' is already matched by '" + g.source + "' (line " +
                              std::to_string(g.where.line) + ")"});
        break;
      }
    }
  }
  for (std::size_t t = 0; t < themes_.size(); ++t) {
    for (const std::string& language : languages_) {
      const bool has = std::any_of(entries_.begin(), entries_.end(), [&](const Entry& e) {
        return e.theme == t && !e.exclusion && (e.language == language || e.language == "*");
      });
      if (!has) {
        SourceLocation loc;
        for (const Entry& e : entries_) {
          if (e.theme == t) { loc = e.where; break; }
        }
        issues.push_back({loc, "missing-language", "theme '" + themes_[t].id + "' has no entries for '" + language + "'"});
      }
    }
  }
  return issues;
}

std::string Codebook::to_quanteda_yaml(std::vector<std::string>* skipped) const {
  // Emitted by hand to control quoting and order; yaml-cpp's emitter would do,
  // but the output is meant to be read and diffed by people.
  const auto quote = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  };
  std::string out = "# quanteda dictionary written by charterkit from " + quote(name_) + "\n";
  for (std::size_t t = 0; t < themes_.size(); ++t) {
    out += quote(themes_[t].id) + ":\n";
    std::set<std::string> written;
    bool any = false;
    for (const Entry& e : entries_) {
      if (e.theme != t) continue;
      if (e.exclusion || e.kind == EntryKind::kNear || e.kind == EntryKind::kBefore) {
        if (skipped) skipped->push_back(themes_[t].id + ": " + (e.exclusion ? "exclusion " : "rule ") + e.source);
        continue;
      }
      if (!written.insert(e.source).second) continue;
      out += "  - " + quote(e.source) + "\n";
      any = true;
    }
    if (!any) out.back() = ' ', out += "[]\n";
  }
  return out;
}

}  // namespace charterkit
