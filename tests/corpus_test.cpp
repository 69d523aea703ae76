// Documents and corpora: the built-in corpus, manifests, front matter, ids,
// language detection, and the real treaties in ../shared/corpora.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/language.h"

namespace fs = std::filesystem;
using charterkit::Corpus;
using charterkit::Document;
using charterkit::HeadingRules;

namespace {

const HeadingRules& rules() {
  static HeadingRules r = std::move(HeadingRules::Default()).value();
  return r;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A scratch folder under the test's working directory, removed at the end.
struct Scratch {
  fs::path dir;
  explicit Scratch(const std::string& name) : dir(fs::current_path() / ("corpus_test_" + name)) {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return (dir / name).string();
  }
};

// Returns the value of attribute `name` in the start tag `tag`, with the five
// predefined XML entities decoded ("" if absent).
std::string attribute(const std::string& tag, const std::string& name) {
  const std::size_t at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return "";
  const std::size_t begin = at + name.size() + 3;
  std::string value = tag.substr(begin, tag.find('"', begin) - begin);
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities) {
    for (std::size_t p = value.find(entity); p != std::string::npos; p = value.find(entity, p + 1)) {
      value.replace(p, std::string(entity).size(), character);
    }
  }
  return value;
}

fs::path shared_corpora() { return fs::path(CHARTERKIT_SOURCE_DIR) / ".." / "shared" / "corpora"; }

std::string segment_ids(const Document& d) {
  std::string out;
  for (const auto& s : d.segments) out += (out.empty() ? "" : " ") + s.id;
  return out;
}

std::string expected_ids(int articles, bool preamble = true) {
  std::string out = preamble ? "preamble" : "";
  for (int i = 1; i <= articles; ++i) out += (out.empty() ? "art" : " art") + std::to_string(i);
  return out;
}

}  // namespace

TEST_CASE("the built-in corpus loads without warnings", "[corpus]") {
  Corpus corpus;
  REQUIRE(charterkit::add_embedded_corpus(corpus, rules()).ok());
  CHECK(corpus.warnings.empty());
  const std::map<std::string, std::string> expected = {
      {"sco-charter-objectives", "en"}, {"csto-charter-objectives", "en"}, {"shared-goals", "en"},
      {"distinct-missions", "en"},      {"abstract-en", "en"},             {"abstract-kk", "kk"},
      {"abstract-ru", "ru"}};
  REQUIRE(corpus.documents.size() == expected.size());
  for (const Document& d : corpus.documents) {
    INFO(d.id);
    REQUIRE(expected.count(d.id));
    CHECK(d.info.language == expected.at(d.id));
    CHECK(d.info.language_source == "declared");
    CHECK_FALSE(d.info.kind.empty());
    CHECK_FALSE(d.info.source.empty());
    CHECK_FALSE(d.info.location.empty());
    // The declared language is also the one the text shows.
    CHECK(charterkit::detect_language(d.text.content()).code == d.info.language);
    CHECK(segment_ids(d) == "all");
  }
  CHECK(corpus.find("sco-charter-objectives")->info.organization == "SCO");
  CHECK(corpus.find("csto-charter-objectives")->info.organization == "CSTO");
}

TEST_CASE("every built-in document is the article's own words", "[corpus][shared]") {
  const fs::path article = fs::path(CHARTERKIT_SOURCE_DIR) / ".." / "shared" / "article" / "000_df78db9f75221ab8.txt";
  if (!fs::exists(article)) {
    WARN("skipped: " << article << " is absent (the article is not part of the project)");
    return;
  }
  const std::string text = read_file(article);
  Corpus corpus;
  REQUIRE(charterkit::add_embedded_corpus(corpus, rules()).ok());
  for (const Document& d : corpus.documents) {
    INFO(d.id);
    // Each paragraph of the document stands in the article, character for character.
    std::string content(d.text.content());
    while (!content.empty() && content.back() == '\n') content.pop_back();
    std::size_t pos = 0;
    int paragraphs = 0;
    while (pos <= content.size()) {
      std::size_t end = content.find("\n\n", pos);
      if (end == std::string::npos) end = content.size();
      const std::string paragraph = content.substr(pos, end - pos);
      CHECK(text.find(paragraph) != std::string::npos);
      ++paragraphs;
      pos = end + 2;
    }
    CHECK(paragraphs >= 1);
  }
  // The quotations keep the article's typographic quotation marks.
  CHECK(corpus.find("csto-charter-objectives")->text.content().find("“strengthen peace") != std::string::npos);
}

TEST_CASE("manifests with bad metadata are refused with file:line", "[corpus]") {
  Scratch scratch("manifest");
  scratch.write("a.txt", "Article 1\nText.\n");
  const struct {
    const char* what;
    const char* yaml;
    const char* error;  // after "<dir>/manifest.yaml:"
  } cases[] = {
      {"not a map", "- a\n", "1:1: a manifest is a map with a list 'documents:'"},
      {"YAML syntax", "documents:\n  - id: a\n    path: [a.txt\n", "4:1: YAML syntax"},
      {"unknown field", "documents:\n  - id: a\n    path: a.txt\n    kind: charter\n    langauge: en\n",
       "5:15: unknown field 'langauge'"},
      {"bad kind", "documents:\n  - id: a\n    path: a.txt\n    kind: charta\n",
       "4:11: kind 'charta' is not one of charter"},
      {"missing id", "documents:\n  - path: a.txt\n    kind: charter\n", "2:5: document needs an 'id'"},
      {"missing path", "documents:\n  - id: a\n    kind: charter\n", "2:5: document 'a' needs a 'path'"},
      {"missing kind", "documents:\n  - id: a\n    path: a.txt\n", "2:5: document 'a' needs a 'kind'"},
      {"id with a space", "documents:\n  - id: my doc\n    path: a.txt\n    kind: charter\n",
       "2:9: id 'my doc' must be letters"},
      {"duplicate id",
       "documents:\n  - id: a\n    path: a.txt\n    kind: charter\n  - id: a\n    path: a.txt\n    kind: charter\n",
       "5:9: document id 'a' is listed twice"},
      {"bad language", "documents:\n  - id: a\n    path: a.txt\n    kind: charter\n    language: English\n",
       "5:15: language 'English' is not a BCP 47 tag"},
      {"bad date", "documents:\n  - id: a\n    path: a.txt\n    kind: charter\n    date: 7 June 2002\n",
       "5:11: date '7 June 2002' must be YYYY, YYYY-MM or YYYY-MM-DD"},
      {"list where a value belongs", "documents:\n  - id: a\n    path: a.txt\n    kind: charter\n    title: [x, y]\n",
       "5:12: 'title' must be a single value"},
      {"missing file", "documents:\n  - id: a\n    path: missing.txt\n    kind: charter\n",
       "3:11: document 'a': "},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      const std::string manifest = scratch.write("manifest.yaml", c.yaml);
      Corpus corpus;
      const charterkit::Status status = charterkit::add_path(corpus, manifest, rules());
      REQUIRE_FALSE(status.ok());
      CHECK_THAT(status.to_string(), Catch::StartsWith(manifest + ":" + c.error));
      CHECK(corpus.documents.empty());
    }
  }
}

TEST_CASE("a manifest gives documents their metadata and front matter fills the rest", "[corpus]") {
  Scratch scratch("meta");
  scratch.write("sco.txt", "---\ntitle: From front matter\nnote: kept\n---\nArticle 1\nGoals.\nArticle 2\nMore.\n");
  const std::string manifest = scratch.write(
      "list.yaml",
      "documents:\n  - id: sco-full\n    path: sco.txt\n    kind: charter\n    organization: SCO\n"
      "    language: ru\n    date: 2002-06-07\n    parties: [CHN, KAZ, KGZ, RUS, TJK, UZB]\n");
  Corpus corpus;
  REQUIRE(charterkit::add_path(corpus, manifest, rules()).ok());
  REQUIRE(corpus.documents.size() == 1);
  const Document& d = corpus.documents[0];
  CHECK(d.id == "sco-full");
  CHECK(d.info.organization == "SCO");
  CHECK(d.info.language == "ru");
  CHECK(d.info.language_source == "declared");
  CHECK(d.info.title == "From front matter");
  CHECK(d.info.note == "kept");
  CHECK(d.info.parties.size() == 6);
  CHECK(segment_ids(d) == "art1 art2");
  CHECK(d.segments.front().begin == 44);  // after the front matter, in file bytes
  CHECK(d.text.bytes.substr(44, 9) == "Article 1");
}

TEST_CASE("front matter: ids, metadata and errors", "[corpus]") {
  Scratch scratch("front");
  const std::string ok = scratch.write("un-charter.en.txt", "---\nid: un\nlanguage: en\nkind: charter\n---\nText\n");
  const std::string plain = scratch.write("un-charter.fr.txt", "Les peuples des Nations Unies et la paix\n");
  Corpus corpus;
  REQUIRE(charterkit::add_path(corpus, ok, rules()).ok());
  REQUIRE(charterkit::add_path(corpus, plain, rules()).ok());
  CHECK(corpus.documents[0].id == "un");
  CHECK(corpus.documents[0].info.kind == "charter");
  CHECK(corpus.documents[1].id == "un-charter.fr");  // file name without its last extension
  CHECK(corpus.documents[1].info.language == "fr");
  CHECK_THAT(corpus.documents[1].info.language_source, Catch::StartsWith("detected: Latin script"));

  const struct {
    const char* what;
    const char* bytes;
    const char* error;
  } cases[] = {
      {"never closed", "---\ntitle: x\nArticle 1\n", ":1:1: front matter opened by '---' on line 1 is never closed"},
      {"unknown field", "---\ntitel: x\n---\nText\n", ":2:8: unknown field 'titel'"},
      {"path is not a front-matter field", "---\npath: x.txt\n---\nText\n", ":2:7: unknown field 'path'"},
      {"YAML syntax", "---\ntitle: [x\n---\nText\n", ":3:1: YAML syntax"},
      {"bad date", "---\ndate: 2002/06/07\n---\nText\n", ":2:7: date '2002/06/07' must be"},
  };
  for (const auto& c : cases) {
    SECTION(c.what) {
      const std::string path = scratch.write("bad.txt", c.bytes);
      Corpus bad;
      const charterkit::Status status = charterkit::add_path(bad, path, rules());
      REQUIRE_FALSE(status.ok());
      CHECK_THAT(status.to_string(), Catch::StartsWith(path + c.error));
    }
  }
}

TEST_CASE("clashing ids are made unique with a warning, and folders load in name order", "[corpus]") {
  Scratch scratch("folder");
  fs::create_directories(scratch.dir / "a");
  fs::create_directories(scratch.dir / "b");
  std::ofstream(scratch.dir / "a" / "charter.txt") << "Article 1\nA.\n";
  std::ofstream(scratch.dir / "b" / "charter.txt") << "Article 1\nB.\n";
  std::ofstream(scratch.dir / "b" / "annex.md") << "No headings here.\n";
  std::ofstream(scratch.dir / "b" / "notes.pdf") << "%PDF-1.4";  // not a document type: skipped
  Corpus corpus;
  REQUIRE(charterkit::add_path(corpus, (scratch.dir / "a").string(), rules()).ok());
  REQUIRE(charterkit::add_path(corpus, (scratch.dir / "b").string(), rules()).ok());
  std::vector<std::string> ids;
  for (const auto& d : corpus.documents) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"charter", "annex", "charter-2"});
  REQUIRE(corpus.warnings.size() == 1);
  CHECK_THAT(corpus.warnings[0].to_string(), Catch::Contains("document id 'charter' is already taken; this one is 'charter-2'"));
  CHECK(segment_ids(corpus.documents[1]) == "all");

  Corpus missing;
  CHECK(charterkit::add_path(missing, (scratch.dir / "nope").string(), rules()).code() ==
        charterkit::StatusCode::kNotFound);
}

TEST_CASE("language is detected from the script", "[corpus][language]") {
  const struct {
    const char* text;
    const char* code;
  } cases[] = {
      {"The Parties to this Treaty reaffirm their faith in the purposes of the Charter", "en"},
      {"Les Parties au présent Traité réaffirment leur foi dans les buts et les principes de la Charte", "fr"},
      {"Las Partes en este Tratado reafirman su fe en los propósitos y principios de la Carta", "es"},
      {"Организация Договора о коллективной безопасности", "ru"},
      {"Ұжымдық қауіпсіздік шарты ұйымының мақсаттары: бейбітшілікті нығайту", "kk"},
      {"上海合作组织的宗旨和任务是加强成员国间的相互信任", "zh"},
      {"上海協力機構はユーラシアの国際機関である", "ja"},
      {"ميثاق الأمم المتحدة", "ar"},
      {"1945 — 2002", "und"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(charterkit::detect_language(c.text).code == c.code);
  }
}

TEST_CASE("the UN Charter segments alike in all six languages", "[corpus][shared]") {
  const fs::path folder = shared_corpora() / "un-charter";
  if (!fs::exists(folder)) {
    WARN("skipped: " << folder << " is absent");
    return;
  }
  const std::string expected = expected_ids(111);
  std::map<std::string, std::vector<std::string>> chapters_by_language;
  for (const char* language : {"ar", "en", "es", "fr", "ru", "zh"}) {
    INFO(language);
    Corpus corpus;
    REQUIRE(charterkit::add_path(corpus, (folder / (std::string(language) + ".txt")).string(), rules()).ok());
    CHECK(corpus.warnings.empty());
    REQUIRE(corpus.documents.size() == 1);
    const Document& d = corpus.documents[0];
    CHECK(d.info.language == language);
    CHECK(segment_ids(d) == expected);
    // Every article falls under a chapter, and there are 19 chapters.
    std::set<std::string> chapters;
    for (const auto& s : d.segments) {
      if (s.id != "preamble") {
        CHECK_FALSE(s.chapter.empty());
        chapters.insert(s.chapter);
      }
    }
    CHECK(chapters.size() == 19);
  }
}

TEST_CASE("the North Atlantic Treaty segments into preamble and 14 articles", "[corpus][shared]") {
  const fs::path file = shared_corpora() / "north-atlantic-treaty" / "en.txt";
  if (!fs::exists(file)) {
    WARN("skipped: " << file << " is absent");
    return;
  }
  Corpus corpus;
  REQUIRE(charterkit::add_path(corpus, file.string(), rules()).ok());
  CHECK(corpus.warnings.empty());
  CHECK(segment_ids(corpus.documents.at(0)) == expected_ids(14));
  const auto* art5 = corpus.documents[0].find_segment("art5");
  REQUIRE(art5);
  CHECK(corpus.documents[0].segment_text(*art5).find("armed attack") != std::string::npos);
}

TEST_CASE("all ToTA treaties load with their chapters and articles", "[corpus][shared][tota]") {
  const fs::path folder = shared_corpora() / "tota" / "xml";
  if (!fs::exists(folder)) {
    WARN("skipped: " << folder << " is absent");
    return;
  }
  Corpus corpus;
  REQUIRE(charterkit::add_path(corpus, folder.string(), rules()).ok());
  CHECK(corpus.warnings.empty());
  REQUIRE(corpus.documents.size() == 450);
  std::map<std::string, int> languages;
  for (const Document& d : corpus.documents) {
    INFO(d.id);
    ++languages[d.info.language];
    CHECK(d.info.kind == "treaty");
    CHECK_FALSE(d.info.title.empty());
    // Count <article and <chapter elements in the raw XML, independently of the parser.
    const std::string xml = read_file(d.info.path);
    std::size_t articles = 0, chapters = 0;
    for (std::size_t p = xml.find("<article "); p != std::string::npos; p = xml.find("<article ", p + 1)) ++articles;
    for (std::size_t p = xml.find("<chapter "); p != std::string::npos; p = xml.find("<chapter ", p + 1)) ++chapters;
    CHECK(d.segments.size() == articles);
    std::set<std::string> chapter_names;
    for (const auto& s : d.segments) {
      CHECK(s.id.rfind('a', 0) == 0);
      CHECK(s.end <= d.text.bytes.size());
      chapter_names.insert(s.chapter);
    }
    // Chapters without articles have no segment; named chapters are never invented.
    CHECK(chapter_names.size() <= chapters);
    // The chapters that hold articles, read from the raw XML, in order, give the
    // segments' chapters (adjacent chapters of the same name read as one run).
    std::vector<std::string> raw_runs, parsed_runs;
    for (std::size_t p = xml.find("<chapter "); p != std::string::npos;) {
      const std::size_t next = xml.find("<chapter ", p + 1);
      const std::string element = xml.substr(p, next == std::string::npos ? std::string::npos : next - p);
      p = next;
      if (element.find("<article ") == std::string::npos) continue;
      const std::string tag = element.substr(0, element.find('>'));
      std::string name = attribute(tag, "name");
      if (name.empty()) name = attribute(tag, "number");
      if (name.empty()) name = "c" + attribute(tag, "chapter_identifier");
      if (raw_runs.empty() || raw_runs.back() != name) raw_runs.push_back(name);
    }
    for (const auto& s : d.segments) {
      if (parsed_runs.empty() || parsed_runs.back() != s.chapter) parsed_runs.push_back(s.chapter);
    }
    CHECK(parsed_runs == raw_runs);
  }
  CHECK(languages == std::map<std::string, int>{{"en", 424}, {"es", 24}, {"fr", 2}});
  const Document* japan_thailand = corpus.find("pta_1");
  REQUIRE(japan_thailand);
  CHECK(japan_thailand->info.title == "Japan - Thailand");
  CHECK(japan_thailand->info.date == "2007-04-03");
  CHECK(japan_thailand->info.parties == std::vector<std::string>{"JPN", "THA"});
  CHECK(japan_thailand->segments.at(1).id == "a2");
  CHECK(japan_thailand->segments.at(1).title == "Objectives");
  CHECK(japan_thailand->segments.at(1).chapter == "General Provisions");
}

TEST_CASE("ToTA XML errors name the place", "[corpus][tota]") {
  Scratch scratch("tota");
  const std::string broken = scratch.write("pta_9999.xml", "<treaty>\n<meta><name>X</name></meta>\n<body><chapter>\n</treaty>\n");
  Corpus corpus;
  const charterkit::Status status = charterkit::add_path(corpus, broken, rules());
  REQUIRE_FALSE(status.ok());
  CHECK_THAT(status.to_string(), Catch::StartsWith(broken + ":4:3: XML: Start-end tags mismatch"));
  const std::string other = scratch.write("other.xml", "<html><body/></html>");
  CHECK_THAT(charterkit::add_path(corpus, other, rules()).to_string(),
             Catch::Contains("not a ToTA treaty: the root element must be <treaty>"));
}
