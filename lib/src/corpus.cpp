#include "charterkit/corpus.h"

#include <pugixml.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <optional>
#include <set>

#include "charterkit/language.h"
#include "embedded.h"
#include "parallel.h"
#include "yaml_util.h"

namespace charterkit {

using internal::parse_yaml;
using internal::scalar;
using internal::where;

namespace fs = std::filesystem;

const Document* Corpus::find(std::string_view id) const {
  for (const Document& d : documents) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

namespace {

const std::set<std::string, std::less<>> kKinds = {"charter", "charter-quotation", "article-claim",
                                                   "abstract", "treaty", "other"};

// Reads a file named in a manifest: from disk, or from the built-in corpus.
using FileReader = std::function<Result<Text>(const std::string& relative)>;

Status bad(const Text& text, const YAML::Node& node, std::string message) {
  return Status::InvalidInput(std::move(message), where(text, node.Mark()));
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_digits(std::string_view s, std::size_t n) {
  return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// [A-Za-z0-9][A-Za-z0-9._-]*
bool is_id(std::string_view s) {
  return !s.empty() && is_alnum(s[0]) &&
         std::all_of(s.begin(), s.end(), [](char c) { return is_alnum(c) || c == '.' || c == '_' || c == '-'; });
}

// A BCP 47 tag in the simple form used here: [a-z]{2,3}(-[A-Za-z0-9]{2,8})*
bool is_language_tag(std::string_view s) {
  std::size_t dash = s.find('-');
  const std::string_view primary = s.substr(0, dash);
  if (primary.size() < 2 || primary.size() > 3 ||
      !std::all_of(primary.begin(), primary.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  while (dash != std::string_view::npos) {
    const std::size_t next = s.find('-', dash + 1);
    const std::string_view sub = s.substr(dash + 1, next == std::string_view::npos ? std::string_view::npos : next - dash - 1);
    if (sub.size() < 2 || sub.size() > 8 || !std::all_of(sub.begin(), sub.end(), is_alnum)) return false;
    dash = next;
  }
  return true;
}

// YYYY, YYYY-MM or YYYY-MM-DD
bool is_date(std::string_view s) {
  if (s.size() == 4) return is_digits(s, 4);
  if (s.size() == 7) return is_digits(s.substr(0, 4), 4) && s[4] == '-' && is_digits(s.substr(5), 2);
  if (s.size() == 10) {
    return is_digits(s.substr(0, 4), 4) && s[4] == '-' && is_digits(s.substr(5, 2), 2) && s[7] == '-' &&
           is_digits(s.substr(8), 2);
  }
  return false;
}

// Sets one metadata field from YAML. `allow_path` is true in manifests.
Status apply_field(const Text& text, const std::string& key, const YAML::Node& value, std::string* id,
                   DocumentInfo& info, std::string* path) {
  if (key == "parties") {
    if (!value.IsSequence()) return bad(text, value, "'parties' must be a list");
    info.parties.clear();
    for (const YAML::Node& p : value) {
      Result<std::string> party = scalar(text, p, "parties");
      if (!party.ok()) return party.status();
      info.parties.push_back(party.value());
    }
    return Status::Ok();
  }
  Result<std::string> v = scalar(text, value, key);
  if (!v.ok()) return v.status();
  const std::string& s = v.value();
  if (key == "id") {
    if (!is_id(s)) {
      return bad(text, value, "id '" + s + "' must be letters, digits, '.', '_' or '-' (no spaces)");
    }
    *id = s;
  } else if (key == "path" && path) {
    *path = s;
  } else if (key == "organization") {
    info.organization = s;
  } else if (key == "title") {
    info.title = s;
  } else if (key == "kind") {
    if (!kKinds.count(s)) {
      return bad(text, value, "kind '" + s + "' is not one of charter, charter-quotation, article-claim, abstract, "
                              "treaty, other");
    }
    info.kind = s;
  } else if (key == "language") {
    if (!is_language_tag(s)) return bad(text, value, "language '" + s + "' is not a BCP 47 tag such as en, ru, kk, zh");
    info.language = s;
    info.language_source = "declared";
  } else if (key == "date") {
    if (!is_date(s)) return bad(text, value, "date '" + s + "' must be YYYY, YYYY-MM or YYYY-MM-DD");
    info.date = s;
  } else if (key == "source") {
    info.source = s;
  } else if (key == "location") {
    info.location = s;
  } else if (key == "note") {
    info.note = s;
  } else {
    return bad(text, value, "unknown field '" + key + "' (fields: id, " + std::string(path ? "path, " : "") +
                                "organization, title, kind, language, date, source, location, note, parties)");
  }
  return Status::Ok();
}

Status apply_map(const Text& text, const YAML::Node& map, std::string* id, DocumentInfo& info, std::string* path) {
  if (!map.IsMap()) return bad(text, map, "expected fields such as 'id: ...' and 'title: ...'");
  for (const auto& pair : map) {
    if (Status s = apply_field(text, pair.first.Scalar(), pair.second, id, info, path); !s.ok()) return s;
  }
  return Status::Ok();
}

// Finds a front-matter block: the content starts with a line "---" and a
// later line "---" or "..." closes it. Returns the YAML between and sets
// `body_begin` (file offset) after the closing line.
Result<std::string_view> front_matter(const Text& text, std::size_t& body_begin) {
  const std::string_view content = text.content();
  body_begin = text.content_begin;
  const auto opening = content.substr(0, 5) == "---\r\n" ? 5 : content.substr(0, 4) == "---\n" ? 4 : 0;
  if (opening == 0) return std::string_view();
  std::size_t pos = opening;
  while (pos < content.size()) {
    std::size_t eol = content.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? content.size() : eol + 1;
    std::string_view line = content.substr(pos, (eol == std::string_view::npos ? content.size() : eol) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "---" || line == "...") {
      body_begin = text.content_begin + next;
      return content.substr(opening, pos - opening);
    }
    pos = next;
  }
  return Status::InvalidInput("front matter opened by '---' on line 1 is never closed (add a line '---' after it)",
                              SourceLocation{text.name, 1, 1, std::nullopt});
}

std::string stem_of(const std::string& path) {
  return fs::path(path).stem().string();
}

// Gives `doc` an id not yet in `corpus`, warning when it had to change.
void add_unique(Corpus& corpus, Document doc) {
  if (corpus.find(doc.id)) {
    std::string id;
    for (int n = 2;; ++n) {
      id = doc.id + "-" + std::to_string(n);
      if (!corpus.find(id)) break;
    }
    corpus.warnings.push_back(Warning{SourceLocation{doc.info.path, 0, 0, std::nullopt},
                                      "document id '" + doc.id + "' is already taken; this one is '" + id + "'"});
    doc.id = id;
  }
  corpus.documents.push_back(std::move(doc));
}

bool has_extension(const std::string& path, std::initializer_list<const char*> extensions) {
  std::string ext = fs::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* e : extensions) {
    if (ext == e) return true;
  }
  return false;
}

Result<Document> read_any_file(Text text, const std::string& path, const HeadingRules& rules,
                               std::vector<Warning>* warnings) {
  if (has_extension(path, {".xml"})) {
    Result<Document> doc = read_tota_document(text, stem_of(path));
    if (doc.ok()) doc->info.path = path;
    return doc;
  }
  Result<Document> doc = read_text_document(std::move(text), stem_of(path), rules, warnings);
  if (doc.ok()) doc->info.path = path;
  return doc;
}

// Reads the manifest `text`; `read` opens the files it names.
Status add_manifest(Corpus& corpus, const Text& text, const FileReader& read, const std::string& folder,
                    const HeadingRules& rules) {
  Result<YAML::Node> root = parse_yaml(text);
  if (!root.ok()) return root.status();
  const YAML::Node documents = root->IsMap() ? (*root)["documents"] : YAML::Node();
  if (!documents || !documents.IsSequence()) {
    return bad(text, *root, "a manifest is a map with a list 'documents:' (see docs/corpus.md)");
  }
  Corpus added;
  for (const YAML::Node& entry : documents) {
    std::string id, path;
    DocumentInfo info;
    if (Status s = apply_map(text, entry, &id, info, &path); !s.ok()) return s;
    if (id.empty()) return bad(text, entry, "document needs an 'id'");
    if (path.empty()) return bad(text, entry, "document '" + id + "' needs a 'path'");
    if (info.kind.empty()) return bad(text, entry, "document '" + id + "' needs a 'kind'");
    if (added.find(id) || corpus.find(id)) return bad(text, entry["id"], "document id '" + id + "' is listed twice");
    Result<Text> file = read(path);
    if (!file.ok()) {
      Status s = file.status();
      return Status::InvalidInput("document '" + id + "': " + s.to_string(), where(text, entry["path"].Mark()));
    }
    const std::string shown = folder.empty() ? file->name : (fs::path(folder) / path).lexically_normal().string();
    Result<Document> doc = read_any_file(std::move(file).value(), shown, rules, &added.warnings);
    if (!doc.ok()) return doc.status();
    // The manifest's metadata comes first; front matter fills what it leaves out.
    const DocumentInfo from_file = doc->info;
    doc->id = id;
    doc->info = info;
    doc->info.path = shown;
    for (auto [field, fallback] : {std::pair{&DocumentInfo::organization, &from_file.organization},
                                   {&DocumentInfo::title, &from_file.title}, {&DocumentInfo::date, &from_file.date},
                                   {&DocumentInfo::source, &from_file.source},
                                   {&DocumentInfo::location, &from_file.location},
                                   {&DocumentInfo::note, &from_file.note}}) {
      if ((doc->info.*field).empty()) doc->info.*field = *fallback;
    }
    if (doc->info.parties.empty()) doc->info.parties = from_file.parties;
    if (doc->info.language.empty()) {
      doc->info.language = from_file.language;
      doc->info.language_source = from_file.language_source;
    }
    added.documents.push_back(std::move(doc).value());
  }
  for (Document& d : added.documents) corpus.documents.push_back(std::move(d));
  for (Warning& w : added.warnings) corpus.warnings.push_back(std::move(w));
  return Status::Ok();
}

Result<Text> read_from_disk(const fs::path& folder, const std::string& relative) {
  return load_text((folder / relative).lexically_normal().string());
}

}  // namespace

Result<Text> corpus_file(std::string_view relative) {
  std::size_t count = 0;
  const internal::EmbeddedFile* files = internal::embedded_files(&count);
  for (std::size_t i = 0; i < count; ++i) {
    if (files[i].path == relative) {
      return text_from_bytes(std::string(files[i].bytes), "corpus/" + std::string(relative));
    }
  }
  return Status::NotFound("no file '" + std::string(relative) + "' in the built-in corpus");
}

Result<Document> read_text_document(Text text, const std::string& fallback_id, const HeadingRules& rules,
                                    std::vector<Warning>* warnings) {
  Document doc;
  doc.id = fallback_id;
  std::size_t body_begin = 0;
  Result<std::string_view> header = front_matter(text, body_begin);
  if (!header.ok()) return header.status();
  if (!header->empty()) {
    // Parse the block on its own; YAML line numbers are shifted by the opening line.
    Text block;
    block.name = text.name;
    block.bytes = "\n" + std::string(header.value());  // line 1 is the opening '---'
    Result<YAML::Node> meta = parse_yaml(block);
    if (!meta.ok()) return meta.status();
    if (!meta->IsNull()) {
      std::string id;
      if (Status s = apply_map(block, meta.value(), &id, doc.info, nullptr); !s.ok()) return s;
      if (!id.empty()) doc.id = id;
    }
  }
  if (std::string_view(text.bytes).substr(body_begin).find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return Status::InvalidInput(body_begin == text.bytes.size() && body_begin == text.content_begin
                                    ? "the file is empty: there is no text to analyse"
                                    : "the file holds only white space: there is no text to analyse",
                                SourceLocation{text.name, 1, 1, std::nullopt});
  }
  if (doc.info.language.empty()) {
    LanguageGuess guess = detect_language(std::string_view(text.bytes).substr(body_begin));
    doc.info.language = guess.code;
    doc.info.language_source = "detected: " + guess.reason;
  }
  doc.info.path = text.name;
  doc.segments = rules.segment(text, body_begin, warnings);
  doc.text = std::move(text);
  return doc;
}

Result<Document> read_tota_document(const Text& xml, const std::string& id) {
  pugi::xml_document tree;
  const std::string_view content = xml.content();
  const pugi::xml_parse_result parsed = tree.load_buffer(content.data(), content.size(), pugi::parse_default,
                                                         pugi::encoding_utf8);
  if (!parsed) {
    SourceLocation loc = locate(xml, xml.content_begin + static_cast<std::size_t>(parsed.offset));
    return Status::InvalidInput(std::string("XML: ") + parsed.description(), loc);
  }
  const pugi::xml_node treaty = tree.child("treaty");
  if (!treaty) {
    return Status::InvalidInput("not a ToTA treaty: the root element must be <treaty>",
                                SourceLocation{xml.name, 1, 1, std::nullopt});
  }
  Document doc;
  doc.id = id;
  const pugi::xml_node meta = treaty.child("meta");
  doc.info.title = meta.child_value("name");
  doc.info.kind = "treaty";
  doc.info.date = meta.child_value("date_signed");
  doc.info.language = meta.child_value("language");
  doc.info.language_source = doc.info.language.empty() ? "" : "declared";
  doc.info.source = "ToTA (Texts of Trade Agreements), treaty " + std::string(meta.child_value("treaty_identifier"));
  doc.info.path = xml.name;
  for (pugi::xml_node party : meta.child("parties").children("partyisocode")) {
    doc.info.parties.emplace_back(party.child_value());
  }
  std::string& text = doc.text.bytes;
  doc.text.name = xml.name;
  for (pugi::xml_node chapter : treaty.child("body").children("chapter")) {
    // The chapter's name; failing that its number ("CHAPTER 3"), failing that its identifier.
    std::string chapter_name = chapter.attribute("name").value();
    if (chapter_name.empty()) chapter_name = chapter.attribute("number").value();
    if (chapter_name.empty()) chapter_name = std::string("c") + chapter.attribute("chapter_identifier").value();
    for (pugi::xml_node article : chapter.children("article")) {
      if (!text.empty()) text += "\n\n";
      Segment segment;
      segment.id = std::string("a") + article.attribute("article_identifier").value();
      segment.chapter = chapter_name;
      segment.title = article.attribute("name").value();
      const std::string number = article.attribute("number").value();
      const std::size_t digits = number.find_first_of("0123456789");
      if (digits != std::string::npos) {
        segment.number = parse_number(number.substr(digits, number.find_first_not_of("0123456789", digits) - digits));
        if (segment.number < 0) segment.number = 0;
      }
      segment.begin = text.size();
      text += article.text().get();
      segment.end = text.size();
      doc.segments.push_back(std::move(segment));
    }
  }
  text.shrink_to_fit();  // appending left up to twice the text's size reserved; a corpus keeps many
  if (doc.info.language.empty()) {
    LanguageGuess guess = detect_language(text);
    doc.info.language = guess.code;
    doc.info.language_source = "detected: " + guess.reason;
  }
  return doc;
}

Status add_path(Corpus& corpus, const std::string& path, const HeadingRules& rules, unsigned threads) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such file or folder", SourceLocation{path, 0, 0, std::nullopt});
  Corpus added;
  const auto add_file = [&](const std::string& file) -> Status {
    Result<Text> text = load_text(file);
    if (!text.ok()) return text.status();
    if (has_extension(file, {".yaml", ".yml"})) {
      const fs::path folder = fs::path(file).parent_path();
      // Documents already added from this call must keep unique ids too.
      return add_manifest(added, text.value(),
                          [&](const std::string& rel) { return read_from_disk(folder, rel); }, folder.string(), rules);
    }
    Result<Document> doc = read_any_file(std::move(text).value(), file, rules, &added.warnings);
    if (!doc.ok()) return doc.status();
    added.documents.push_back(std::move(doc).value());
    return Status::Ok();
  };
  if (fs::is_directory(st)) {
    const fs::path manifest = fs::path(path) / "manifest.yaml";
    if (fs::exists(manifest)) {
      if (Status s = add_file(manifest.string()); !s.ok()) return s;
    } else {
      std::vector<std::string> files;
      for (const auto& entry : fs::directory_iterator(path, ec)) {
        if (entry.is_regular_file() && has_extension(entry.path().string(), {".txt", ".md", ".xml"})) {
          files.push_back(entry.path().string());
        }
      }
      if (ec) return Status::IOError("cannot list the folder: " + ec.message(), SourceLocation{path, 0, 0, std::nullopt});
      std::sort(files.begin(), files.end());
      if (files.empty()) {
        return Status::NotFound("the folder has no manifest.yaml and no .txt, .md or .xml files",
                                SourceLocation{path, 0, 0, std::nullopt});
      }
      // Files are read and parsed on `threads` threads, each into its own
      // slot; they join the corpus in name order, as if read one by one.
      std::vector<std::optional<Document>> docs(files.size());
      std::vector<std::vector<Warning>> warnings(files.size());
      std::vector<char> manifests(files.size(), 0);
      Status s = internal::parallel_for(
          files.size(), internal::worker_count(threads, files.size()), [&](std::size_t i, unsigned) -> Status {
            if (has_extension(files[i], {".yaml", ".yml"})) {
              manifests[i] = 1;  // not found by the listing above, but kept general
              return Status::Ok();
            }
            Result<Text> text = load_text(files[i]);
            if (!text.ok()) return text.status();
            Result<Document> doc = read_any_file(std::move(text).value(), files[i], rules, &warnings[i]);
            if (!doc.ok()) return doc.status();
            docs[i].emplace(std::move(doc).value());
            return Status::Ok();
          });
      if (!s.ok()) return s;
      for (std::size_t i = 0; i < files.size(); ++i) {
        if (manifests[i] != 0) {
          if (Status m = add_file(files[i]); !m.ok()) return m;
          continue;
        }
        for (Warning& w : warnings[i]) added.warnings.push_back(std::move(w));
        added.documents.push_back(std::move(*docs[i]));
      }
    }
  } else if (Status s = add_file(path); !s.ok()) {
    return s;
  }
  for (Warning& w : added.warnings) corpus.warnings.push_back(std::move(w));
  for (Document& d : added.documents) add_unique(corpus, std::move(d));
  return Status::Ok();
}

Status add_embedded_corpus(Corpus& corpus, const HeadingRules& rules) {
  Result<Text> manifest = corpus_file("manifest.yaml");
  if (!manifest.ok()) return manifest.status();
  Corpus added;
  if (Status s = add_manifest(added, manifest.value(), [](const std::string& rel) { return corpus_file(rel); }, "",
                              rules);
      !s.ok()) {
    return s;
  }
  for (Warning& w : added.warnings) corpus.warnings.push_back(std::move(w));
  for (Document& d : added.documents) add_unique(corpus, std::move(d));
  return Status::Ok();
}

}  // namespace charterkit
