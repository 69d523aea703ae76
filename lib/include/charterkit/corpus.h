// Corpus: the documents a comparison runs on, with their metadata.
//
// Documents come from plain UTF-8 text files (optionally starting with a YAML
// front-matter block), ToTA treaty XML files, manifests that list documents
// with their metadata, folders of such files, and the corpus built into the
// library (the article's quotations of the SCO and CSTO charters, its claims
// and abstracts: corpus/manifest.yaml). Formats: docs/corpus.md.
//
// Example:
//   auto rules = charterkit::HeadingRules::Default();
//   charterkit::Corpus corpus;
//   charterkit::Status s = charterkit::add_path(corpus, "charters/", *rules);
//   for (const auto& w : corpus.warnings) std::cerr << w.to_string() << '\n';
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "charterkit/document.h"
#include "charterkit/segmenter.h"
#include "charterkit/status.h"
#include "charterkit/text.h"

namespace charterkit {

struct Corpus {
  std::vector<Document> documents;
  std::vector<Warning> warnings;

  // Returns the document with this id, or nullptr.
  const Document* find(std::string_view id) const;
};

// Adds the documents at `path` to `corpus`:
// - a manifest (.yaml or .yml): the documents it lists, paths relative to it;
// - a ToTA XML file (.xml): one document, id = file stem, a segment per article;
// - any other file: a plain-text document, id = file name without its last
//   extension unless its front matter gives one, segmented by `rules`;
// - a folder: its manifest.yaml if it has one, else its .txt, .md and .xml
//   files in name order (not recursive).
// An id already in the corpus gets a suffix (-2, -3, ...) and a warning.
// The files of a folder are read on `threads` threads (0: one per hardware
// thread); the result does not depend on it.
// Errors: the first file that cannot be read or parsed, with its place; the
// corpus is then left unchanged.
Status add_path(Corpus& corpus, const std::string& path, const HeadingRules& rules, unsigned threads = 0);

// Adds the corpus built into the library (corpus/manifest.yaml and the files
// it lists). Errors: only if the built-in files are broken.
Status add_embedded_corpus(Corpus& corpus, const HeadingRules& rules);

// Returns a file of the built-in corpus, by its path relative to corpus/
// ("stopwords/en.txt"); the Text is named "corpus/<relative>".
// Errors: NotFound.
Result<Text> corpus_file(std::string_view relative);

// Returns one plain-text document made of `text`: front matter (if any) read
// into its metadata, body segmented by `rules`, language detected unless
// declared. `fallback_id` is used when the front matter gives no id.
Result<Document> read_text_document(Text text, const std::string& fallback_id, const HeadingRules& rules,
                                    std::vector<Warning>* warnings);

// Returns the document of a ToTA treaty XML file: metadata from <meta>, one
// segment per <article> (id "a" + article_identifier, chapter = the chapter's
// name, else its number, else "c" + chapter_identifier). The document's text is the articles' text, decoded from XML, one
// article per paragraph; segment spans point into it.
Result<Document> read_tota_document(const Text& xml, const std::string& id);

}  // namespace charterkit
