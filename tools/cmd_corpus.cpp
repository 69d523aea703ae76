// charter corpus list / charter corpus show: the documents and their segments.
#include <iostream>
#include <string>
#include <vector>

#include "charterkit/corpus.h"
#include "charterkit/table.h"
#include "charterkit/tokenizer.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Corpus;
using charterkit::Document;
using charterkit::Result;
using charterkit::Status;

std::int64_t count_tokens(charterkit::Tokenizer& tokenizer, std::string_view text) {
  Result<std::vector<charterkit::Token>> tokens = tokenizer.tokenize(text);
  return tokens.ok() ? static_cast<std::int64_t>(tokens->size()) : -1;
}

void declare_list(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("path", po::value<std::vector<std::string>>()->default_value({}, ""),
       "files, folders or manifests to list (default: the built-in corpus)");
  declare_output(options, "text");
  positional.add("path", -1);
}

int run_list(const po::variables_map& vm) {
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(vm["format"].as<std::string>());
  if (!format.ok()) return fail(format.status());
  Corpus corpus;
  if (Status s = load_documents(vm["path"].as<std::vector<std::string>>(), corpus); !s.ok()) return fail(s);
  charterkit::Table table({"id", "organization", "kind", "language", "date", "segments", "title", "path"});
  for (const Document& d : corpus.documents) {
    table.add_row({d.id, d.info.organization, d.info.kind, d.info.language, d.info.date,
                   static_cast<std::int64_t>(d.segments.size()), d.info.title, d.info.path});
  }
  return print_table(table, format.value(), vm["output"].as<std::string>());
}

void declare_show(po::options_description& options, po::positional_options_description& positional) {
  options.add_options()
      ("document", po::value<std::string>()->required(), "a document id of the built-in corpus, or a file")
      ("segment,s", po::value<std::string>()->default_value(""), "show this segment's text (preamble, art1, ...)")
      ("format,f", po::value<std::string>()->default_value("text"), "output format: text or json")
      ("output,o", po::value<std::string>()->default_value(""), "write to this file instead of standard output");
  positional.add("document", 1);
}

std::string json_field(const char* key, const std::string& value) {
  return std::string("  ") + charterkit::json_quote(key) + ": " + charterkit::json_quote(value) + ",\n";
}

int run_show(const po::variables_map& vm) {
  const std::string name = vm["document"].as<std::string>();
  const std::string format = vm["format"].as<std::string>();
  const std::string segment_id = vm["segment"].as<std::string>();
  if (format != "text" && format != "json") {
    return fail(Status::InvalidArgument("unknown format '" + format + "' (formats: text, json)"));
  }
  Result<Document> loaded = load_one_document(name, "name one file (or use 'charter corpus list')");
  if (!loaded.ok()) return fail(loaded.status());
  const Document* doc = &loaded.value();
  std::vector<const charterkit::Segment*> segments;
  for (const auto& s : doc->segments) {
    if (segment_id.empty() || s.id == segment_id) segments.push_back(&s);
  }
  if (!segment_id.empty() && segments.empty()) {
    std::string ids;
    for (const auto& s : doc->segments) ids += (ids.empty() ? "" : ", ") + s.id;
    if (ids.size() > 200) ids = ids.substr(0, 200) + ", ...";
    return fail(Status::NotFound("document '" + doc->id + "' has no segment '" + segment_id + "' (segments: " + ids + ")"));
  }
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());

  const auto& info = doc->info;
  std::string parties;
  for (const auto& p : info.parties) parties += (parties.empty() ? "" : ", ") + p;
  const std::vector<std::pair<const char*, std::string>> fields = {
      {"id", doc->id},           {"organization", info.organization}, {"title", info.title},
      {"kind", info.kind},       {"language", info.language},         {"language_source", info.language_source},
      {"date", info.date},       {"parties", parties},                {"source", info.source},
      {"location", info.location}, {"note", info.note},               {"path", info.path}};
  std::string out;
  if (format == "json") {
    out += "{\n";
    for (const auto& [key, value] : fields) {
      if (std::string(key) == "parties") {
        out += "  \"parties\": [";
        for (std::size_t i = 0; i < info.parties.size(); ++i) out += (i ? ", " : "") + charterkit::json_quote(info.parties[i]);
        out += "],\n";
      } else {
        out += json_field(key, value);
      }
    }
    out += "  \"segments\": [";
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const auto& s = *segments[i];
      const std::string_view text = doc->segment_text(s);
      out += i ? ",\n    {" : "\n    {";
      out += "\"id\": " + charterkit::json_quote(s.id) + ", \"chapter\": " + charterkit::json_quote(s.chapter) +
             ", \"title\": " + charterkit::json_quote(s.title) + ", \"begin\": " + std::to_string(s.begin) +
             ", \"end\": " + std::to_string(s.end) + ", \"tokens\": " + std::to_string(count_tokens(*tokenizer, text));
      if (!segment_id.empty()) out += ", \"text\": " + charterkit::json_quote(text);
      out += "}";
    }
    out += segments.empty() ? "]\n}\n" : "\n  ]\n}\n";
  } else {
    for (const auto& [key, value] : fields) {
      if (!value.empty()) out += std::string(key) + ": " + value + "\n";
    }
    if (segment_id.empty()) {
      charterkit::Table table({"segment", "chapter", "title", "begin", "end", "tokens"});
      for (const auto* s : segments) {
        table.add_row({s->id, s->chapter, s->title, static_cast<std::int64_t>(s->begin),
                       static_cast<std::int64_t>(s->end), count_tokens(*tokenizer, doc->segment_text(*s))});
      }
      out += "\n" + render_table(table, charterkit::TableFormat::kText, vm["output"].as<std::string>());
    } else {
      const auto& s = *segments.front();
      out += "segment: " + s.id + "\n";
      if (!s.chapter.empty()) out += "chapter: " + s.chapter + "\n";
      if (!s.title.empty()) out += "segment title: " + s.title + "\n";
      out += "bytes: " + std::to_string(s.begin) + "-" + std::to_string(s.end) + "\n\n";
      out += std::string(doc->segment_text(s));
      if (!out.empty() && out.back() != '\n') out += '\n';
    }
  }
  if (Status s = write_output(out, vm["output"].as<std::string>()); !s.ok()) return fail(s);
  return kExitOk;
}

}  // namespace

extern const Command kCorpusListCommand = {
    "corpus list",
    "List documents with their metadata and segment counts",
    "charter corpus list [PATH...] [--format text|tsv|csv|json] [-o OUTPUT]",
    "Without PATH, lists the built-in corpus: the article's quotations of the SCO\n"
    "and CSTO charters, its claims and its abstracts. A PATH may be a text file,\n"
    "a ToTA treaty XML file, a manifest (.yaml) or a folder of such files.\n"
    "Warnings (duplicate ids, odd article numbering) go to standard error.",
    "  charter corpus list\n"
    "  charter corpus list charters/ --format csv -o documents.csv",
    declare_list,
    run_list,
};

extern const Command kCorpusShowCommand = {
    "corpus show",
    "Show a document's metadata and segments, or one segment's text",
    "charter corpus show DOC|PATH [--segment ID] [--format text|json] [-o OUTPUT]",
    "DOC is the id of a document of the built-in corpus; PATH a file. Each segment\n"
    "is listed with its chapter, title, byte span (begin, end: offsets into the\n"
    "document's text) and token count. With --segment, the segment's text is shown.",
    "  charter corpus show sco-charter-objectives\n"
    "  charter corpus show un-charter.en.txt --segment art51\n"
    "  charter corpus show pta_442.xml --format json",
    declare_show,
    run_show,
};

}  // namespace charter
