// charter reproduce: the article's claims, checked against the charters' texts.
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "charterkit/claims.h"
#include "charterkit/table.h"
#include "cli.h"

namespace charter {
namespace {

using charterkit::Result;
using charterkit::Status;

void declare(po::options_description& options, po::positional_options_description&) {
  options.add_options()
      ("sco", po::value<std::string>()->default_value(""), "the SCO text to check (file or document id)")
      ("csto", po::value<std::string>()->default_value(""), "the CSTO text to check (file or document id)")
      ("document,d", po::value<std::vector<std::string>>()->default_value({}, ""),
       "ORG=DOC: the text of any organization of the claims (repeatable)")
      ("claims", po::value<std::string>()->default_value(""), "claims file (default: the article's claims)")
      ("codebook,c", po::value<std::string>()->default_value(""), "codebook file (default: the built-in codebook)");
  declare_output(options, "text");
}

// "all: “peace”; art3: “peace” (+2 more)"
std::string evidence_cell(const std::vector<charterkit::Evidence>& evidence) {
  std::string out;
  const std::size_t shown = std::min<std::size_t>(evidence.size(), 2);
  for (std::size_t i = 0; i < shown; ++i) {
    out += (i ? "; " : "") + evidence[i].segment + ": “" + evidence[i].text + "”";
  }
  if (evidence.size() > shown) out += " (+" + std::to_string(evidence.size() - shown) + " more)";
  return out;
}

int run(const po::variables_map& vm) {
  const std::string format_name = vm["format"].as<std::string>();
  Result<charterkit::TableFormat> format = charterkit::parse_table_format(format_name);
  if (!format.ok()) return fail(format.status());
  Result<charterkit::Tokenizer> tokenizer = charterkit::Tokenizer::Create();
  if (!tokenizer.ok()) return fail(tokenizer.status());
  Result<charterkit::Codebook> codebook = load_codebook(vm["codebook"].as<std::string>(), tokenizer.value());
  if (!codebook.ok()) return fail(codebook.status());
  Result<charterkit::ClaimSet> claims = charterkit::default_claims(codebook.value());
  if (!vm["claims"].as<std::string>().empty()) {
    Result<charterkit::Text> text = charterkit::load_text(vm["claims"].as<std::string>());
    if (!text.ok()) return fail(text.status());
    claims = charterkit::parse_claims(text.value(), codebook.value());
  }
  if (!claims.ok()) return fail(claims.status());

  // Which document stands for each organization.
  std::map<std::string, std::string> chosen = claims->documents;
  bool user_documents = false;
  const auto choose = [&](const std::string& org, const std::string& doc) {
    chosen[org] = doc;
    user_documents = true;
  };
  if (!vm["sco"].as<std::string>().empty()) choose("SCO", vm["sco"].as<std::string>());
  if (!vm["csto"].as<std::string>().empty()) choose("CSTO", vm["csto"].as<std::string>());
  for (const std::string& spec : vm["document"].as<std::vector<std::string>>()) {
    const std::size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      return fail(Status::InvalidArgument("--document takes ORG=DOC, as in --document CSTO=csto-charter.ru.txt"));
    }
    choose(spec.substr(0, eq), spec.substr(eq + 1));
  }
  Result<charterkit::Matcher> matcher = charterkit::Matcher::Compile(codebook.value());
  if (!matcher.ok()) return fail(matcher.status());
  std::map<std::string, charterkit::ThemeProfile> profiles;
  std::string described;
  for (const std::string& org : claims->organizations()) {
    if (!chosen.count(org)) continue;
    const std::string& name = chosen[org];
    Result<charterkit::Document> document = load_one_document(name, "name one text for " + org);
    if (!document.ok()) return fail(document.status());
    Result<charterkit::ThemeProfile> profile =
        charterkit::profile_document(document.value(), tokenizer.value(), matcher.value());
    if (!profile.ok()) return fail(profile.status());
    profiles[org] = std::move(profile).value();
    described += (described.empty() ? "" : ", ") + org + ": " + document->id;
  }
  described = user_documents ? "the texts given (" + described + ")" : "the article's own quotations (" + described + ")";
  const std::vector<charterkit::ClaimVerdict> verdicts =
      charterkit::check_claims(claims.value(), codebook.value(), profiles, described);
  std::vector<std::string> organizations = claims->organizations();
  for (const auto& [org, name] : chosen) {
    if (std::find(organizations.begin(), organizations.end(), org) == organizations.end()) {
      std::string known;
      for (const auto& o : organizations) known += (known.empty() ? "" : ", ") + o;
      return fail(Status::InvalidArgument("no claim is about '" + org + "' (organizations: " + known + ")"));
    }
  }

  std::string out;
  if (format.value() == charterkit::TableFormat::kJson) {
    using charterkit::json_quote;
    out += "{\"claims\": [";
    for (std::size_t c = 0; c < verdicts.size(); ++c) {
      const auto& cv = verdicts[c];
      out += std::string(c ? "," : "") + "\n  {\"id\": " + json_quote(cv.claim->id) + ", \"text\": " +
             json_quote(cv.claim->text) + ", \"location\": " + json_quote(cv.claim->location) + ",\n   \"themes\": [";
      for (std::size_t t = 0; t < cv.themes.size(); ++t) {
        const auto& tv = cv.themes[t];
        out += std::string(t ? "," : "") + "\n    {\"theme\": " + json_quote(tv.theme) + ", \"verdict\": " +
               json_quote(charterkit::to_string(tv.verdict)) + ", \"expected\": {";
        for (std::size_t e = 0; e < tv.expectations.size(); ++e) {
          out += std::string(e ? ", " : "") + json_quote(tv.expectations[e].first) + ": " +
                 json_quote(tv.expectations[e].second == charterkit::Expectation::kPresent ? "present" : "absent");
        }
        out += "}, \"evidence\": [";
        bool first = true;
        for (const auto& [org, expectation] : tv.expectations) {
          auto found = tv.evidence.find(org);
          if (found == tv.evidence.end()) continue;
          for (const auto& ev : found->second) {
            out += std::string(first ? "" : ",") + "\n      {\"organization\": " + json_quote(org) +
                   ", \"document\": " + json_quote(ev.document) + ", \"segment\": " + json_quote(ev.segment) +
                   ", \"begin\": " + std::to_string(ev.begin) + ", \"end\": " + std::to_string(ev.end) +
                   ", \"text\": " + json_quote(ev.text) + "}";
            first = false;
          }
        }
        out += "]}";
      }
      out += "],\n   \"summary\": " + json_quote(cv.summary) + "}";
    }
    out += "\n]}\n";
  } else {
    std::vector<std::string> columns = {"claim", "theme", "claimed", "verdict"};
    for (const auto& org : organizations) columns.push_back(org + " evidence");
    charterkit::Table table(columns);
    for (const auto& cv : verdicts) {
      for (const auto& tv : cv.themes) {
        std::vector<charterkit::Cell> row = {cv.claim->id, tv.theme, charterkit::expectation_text(tv.expectations),
                                             charterkit::to_string(tv.verdict)};
        for (const auto& org : organizations) {
          auto it = tv.evidence.find(org);
          row.emplace_back(it == tv.evidence.end() ? std::string() : evidence_cell(it->second));
        }
        table.add_row(std::move(row));
      }
    }
    out = render_table(table, format.value(), vm["output"].as<std::string>());
    if (format.value() == charterkit::TableFormat::kText || format.value() == charterkit::TableFormat::kMarkdown) {
      out += "\n";
      for (const auto& cv : verdicts) out += (format.value() == charterkit::TableFormat::kMarkdown ? "- " : "") + cv.claim->id + ": " + cv.summary + "\n";
    }
  }
  if (Status s = write_output(out, vm["output"].as<std::string>()); !s.ok()) return fail(s);
  return kExitOk;
}

}  // namespace

extern const Command kReproduceCommand = {
    "reproduce",
    "Check the article's claims about the SCO and CSTO charters, with evidence",
    "charter reproduce [--sco DOC] [--csto DOC] [--document ORG=DOC...] [--claims FILE] [--format ...]",
    "For each claim of the article and each theme it asserts, prints what is claimed\n"
    "(\"SCO, CSTO\": present in both; \"SCO not\": absent from the SCO text), the verdict\n"
    "(supported, not_supported, contradicted) and the passages that show the theme in\n"
    "each organization's text; then one summary line per claim. By default the texts are\n"
    "the article's own quotations of the charters; --sco and --csto check the same claims\n"
    "against full charters you supply. Support is never claimed without a passage.",
    "  charter reproduce\n"
    "  charter reproduce --sco sco-charter.ru.txt --csto csto-charter.ru.txt\n"
    "  charter reproduce --format json -o verdicts.json",
    declare,
    run,
};

}  // namespace charter
