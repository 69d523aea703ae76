// Codebook: themes and the entries that find them in text, per language.
//
// A theme (terrorism, territorial_integrity, ...) has entries in each
// language. An entry is a word, a glob (`террор*`, `*separatis*`, `organi?ation`),
// a phrase of words and globs (`territorial integrity`, `территориальн* целостност*`),
// or a proximity rule (`traffick* NEAR/6 (drug* | narcotic*)`, `A BEFORE/3 B`).
// Exclusions are entries whose matches cancel a theme's matches inside them
// (`Security Council` for the theme security). Entries are cut into words and
// normalized by the Tokenizer, like the text they are matched against, so
// `Terrorism`, `ТЕРРОРИЗМ` and `恐怖主义` match however the text is written.
// Format: docs/codebook.md.
//
// Example:
//   auto codebook = charterkit::Codebook::Load("codebook.yaml", tokenizer);
//   if (!codebook.ok()) return fail(codebook.status());
//   for (const auto& theme : codebook->themes()) std::cout << theme.id << '\n';
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/status.h"
#include "charterkit/text.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

struct Theme {
  std::string id;           // stable identifier: letters, digits, '_', '-', '.'
  std::string label;        // for tables ("Drug trafficking")
  std::string group;        // the id of its group, or ""
  std::string description;  // what counts and what does not
  std::vector<std::string> overlaps;  // themes whose matches may share tokens with this one's
};

struct ThemeGroup {
  std::string id;
  std::string label;
};

// One element of an entry, after parsing: a word or a glob, normalized.
struct Term {
  std::string text;   // normalized; may hold '*' (any characters) and '?' (one character)
  bool glob = false;  // true iff text holds a wildcard
};

// A sequence of terms that must match consecutive tokens. An ideographic
// phrase (Chinese, Japanese) holds one term, matched as a character sequence.
struct Phrase {
  std::vector<Term> terms;
  bool ideographic = false;
};

enum class EntryKind { kWord, kGlob, kPhrase, kNear, kBefore };

// Returns "word", "glob", "phrase", "near" or "before".
std::string_view to_string(EntryKind kind);

struct Entry {
  std::size_t theme = 0;     // index into Codebook::themes(); SIZE_MAX for codebook-wide exclusions
  std::string language;      // BCP 47, or "*" for every language
  std::string source;        // the entry as written in the codebook
  SourceLocation where;      // its place in the codebook file
  bool exclusion = false;    // cancels the theme's matches inside its own
  EntryKind kind = EntryKind::kWord;
  // Words, globs and phrases: one alternative. Rules: the alternatives of the
  // left operand, then of the right; `left_count` tells where the right begins.
  std::vector<Phrase> alternatives;
  std::size_t left_count = 0;
  std::size_t window = 0;    // NEAR/n and BEFORE/n: at most n tokens between the operands
};

// A problem `Codebook::check` reports: not fatal, but worth fixing.
struct CodebookIssue {
  SourceLocation where;
  std::string kind;     // "duplicate", "shadowed", "missing-language", "matches-nothing"
  std::string message;
  std::string to_string() const;  // "file:line:column: kind: message"
};

class Codebook {
 public:
  // Reads a codebook in charterkit's YAML format. Errors: InvalidInput with
  // file:line:column for bad YAML, unknown fields, duplicate theme ids,
  // unknown groups or themes, and invalid entries (empty, only wildcards,
  // bad rule syntax).
  static Result<Codebook> Load(const std::string& path, Tokenizer& tokenizer);
  static Result<Codebook> Parse(const Text& text, Tokenizer& tokenizer);
  // Returns the default codebook (corpus/codebooks/default.yaml, built in).
  static Result<Codebook> Default(Tokenizer& tokenizer);
  // Reads a quanteda dictionary in YAML (nested keys, lists of glob patterns);
  // nested keys give theme ids joined by '.'. Entries apply to every language.
  static Result<Codebook> LoadQuanteda(const std::string& path, Tokenizer& tokenizer);
  static Result<Codebook> ParseQuanteda(const Text& text, Tokenizer& tokenizer);
  // Reads a LIWC 2007/2015 dictionary (.dic): categories between '%' lines,
  // then one word or pattern per line with its category numbers (or names).
  static Result<Codebook> LoadLiwc(const std::string& path, Tokenizer& tokenizer);
  static Result<Codebook> ParseLiwc(const Text& text, Tokenizer& tokenizer);
  // Returns a codebook of one theme, `theme`, with one entry `pattern` for
  // every language (as for `charter kwic --pattern`). Errors: as for entries.
  static Result<Codebook> FromPattern(const std::string& theme, const std::string& pattern, Tokenizer& tokenizer);
  // Reads a codebook in any of the three formats, chosen by the extension
  // (.dic: LIWC) or, for YAML, by its content (a `themes:` list: charterkit).
  static Result<Codebook> LoadAny(const std::string& path, Tokenizer& tokenizer);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& languages() const { return languages_; }
  const std::vector<ThemeGroup>& groups() const { return groups_; }
  const std::vector<Theme>& themes() const { return themes_; }
  const std::vector<Entry>& entries() const { return entries_; }
  // Returns the index of the theme with this id, or SIZE_MAX.
  std::size_t find_theme(std::string_view id) const;
  // Returns true iff matches of themes a and b may share tokens.
  bool may_overlap(std::size_t a, std::size_t b) const;

  // Returns duplicate entries (same normalized form, theme and language),
  // shadowed entries (matched wherever another entry of the theme matches,
  // such as `terrorism` beside `terror*`), and themes without entries in one
  // of languages().
  std::vector<CodebookIssue> check() const;

  // Returns the codebook as a quanteda YAML dictionary: one key per theme,
  // holding its words, globs and phrases of every language. Rules and
  // exclusions have no quanteda form; they are listed in `skipped`.
  std::string to_quanteda_yaml(std::vector<std::string>* skipped) const;

 private:
  friend class CodebookBuilder;
  std::string name_;
  std::vector<std::string> languages_;
  std::vector<ThemeGroup> groups_;
  std::vector<Theme> themes_;
  std::vector<Entry> entries_;
};

}  // namespace charterkit
