#include "charterkit/claims.h"

#include <algorithm>
#include <set>

#include "charterkit/corpus.h"
#include "yaml_util.h"

namespace charterkit {

using internal::parse_yaml;
using internal::scalar;
using internal::where;

std::vector<std::string> ClaimSet::organizations() const {
  std::vector<std::string> out;
  const auto add = [&](const std::string& o) {
    if (std::find(out.begin(), out.end(), o) == out.end()) out.push_back(o);
  };
  for (const Claim& c : claims) {
    for (const ClaimTheme& t : c.themes) {
      for (const auto& [org, e] : t.expectations) add(org);
    }
  }
  for (const auto& [org, doc] : documents) add(org);
  return out;
}

std::string to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kSupported: return "supported";
    case Verdict::kNotSupported: return "not_supported";
    case Verdict::kContradicted: return "contradicted";
  }
  return "not_supported";
}

Result<ClaimSet> parse_claims(const Text& text, const Codebook& codebook) {
  Result<YAML::Node> root = parse_yaml(text);
  if (!root.ok()) return root.status();
  const auto bad = [&](const YAML::Node& node, const std::string& message) {
    return Status::InvalidInput(message, where(text, node.Mark()));
  };
  if (!root->IsMap() || !(*root)["claims"] || !(*root)["claims"].IsSequence()) {
    return bad(*root, "a claims file is a map with a list 'claims:' (see docs/claims.md)");
  }
  for (const auto& pair : *root) {
    const std::string key = pair.first.Scalar();
    if (key != "claims" && key != "documents") return bad(pair.first, "unknown field '" + key + "' (fields: documents, claims)");
  }
  ClaimSet set;
  if (const YAML::Node docs = (*root)["documents"]) {
    if (!docs.IsMap()) return bad(docs, "'documents' maps an organization to a document id");
    for (const auto& pair : docs) {
      Result<std::string> id = scalar(text, pair.second, pair.first.Scalar());
      if (!id.ok()) return id.status();
      set.documents[pair.first.Scalar()] = id.value();
    }
  }
  static const std::set<std::string> kFields = {"id", "text", "location", "source_document", "themes"};
  for (const YAML::Node& node : (*root)["claims"]) {
    if (!node.IsMap()) return bad(node, "a claim is a map with 'id', 'text' and 'themes'");
    Claim claim;
    claim.where = where(text, node.Mark());
    for (const auto& pair : node) {
      const std::string key = pair.first.Scalar();
      if (!kFields.count(key)) {
        return bad(pair.first, "unknown field '" + key + "' (fields: id, text, location, source_document, themes)");
      }
      if (key == "themes") continue;
      Result<std::string> value = scalar(text, pair.second, key);
      if (!value.ok()) return value.status();
      (key == "id" ? claim.id : key == "text" ? claim.text : key == "location" ? claim.location : claim.source_document) =
          value.value();
    }
    if (claim.id.empty()) return bad(node, "a claim needs an 'id'");
    if (claim.text.empty()) return bad(node, "claim '" + claim.id + "' needs its 'text'");
    for (const Claim& other : set.claims) {
      if (other.id == claim.id) return bad(node["id"], "claim '" + claim.id + "' is defined twice");
    }
    const YAML::Node themes = node["themes"];
    if (!themes || !themes.IsSequence() || themes.size() == 0) {
      return bad(node, "claim '" + claim.id + "' needs a list 'themes:'");
    }
    for (const YAML::Node& t : themes) {
      if (!t.IsMap() || !t["theme"]) return bad(t, "each theme of a claim is a map with 'theme' and organizations");
      ClaimTheme ct;
      for (const auto& pair : t) {
        const std::string key = pair.first.Scalar();
        Result<std::string> value = scalar(text, pair.second, key);
        if (!value.ok()) return value.status();
        if (key == "theme") {
          ct.theme = value.value();
          if (codebook.find_theme(ct.theme) == SIZE_MAX) {
            return bad(pair.second, "unknown theme '" + ct.theme + "' (not in the codebook)");
          }
        } else if (value.value() == "present" || value.value() == "absent") {
          ct.expectations.emplace_back(key, value.value() == "present" ? Expectation::kPresent : Expectation::kAbsent);
        } else {
          return bad(pair.second, "expected 'present' or 'absent' for " + key + ", not '" + value.value() + "'");
        }
      }
      if (ct.expectations.empty()) return bad(t, "theme '" + ct.theme + "' names no organization");
      claim.themes.push_back(std::move(ct));
    }
    set.claims.push_back(std::move(claim));
  }
  return set;
}

Result<ClaimSet> default_claims(const Codebook& codebook) {
  Result<Text> text = corpus_file("claims/claims.yaml");
  if (!text.ok()) return text.status();
  return parse_claims(text.value(), codebook);
}

std::string expectation_text(const std::vector<std::pair<std::string, Expectation>>& expectations) {
  std::string out;
  for (const auto& [org, x] : expectations) out += (out.empty() ? "" : ", ") + org + (x == Expectation::kPresent ? "" : " not");
  return out;
}

std::vector<ClaimVerdict> check_claims(const ClaimSet& claims, const Codebook& codebook,
                                       const std::map<std::string, ThemeProfile>& profiles,
                                       const std::string& described_as) {
  std::vector<ClaimVerdict> out;
  for (const Claim& claim : claims.claims) {
    ClaimVerdict cv;
    cv.claim = &claim;
    std::size_t supported = 0;
    for (const ClaimTheme& ct : claim.themes) {
      ThemeVerdict tv;
      tv.theme = ct.theme;
      tv.expectations = ct.expectations;
      const std::size_t theme = codebook.find_theme(ct.theme);
      bool all_met = true, contradicted = false, any_passage = false;
      for (const auto& [org, expectation] : ct.expectations) {
        auto p = profiles.find(org);
        const bool shown = p != profiles.end() && theme < p->second.counts.size() && p->second.present(theme);
        if (shown) {
          tv.evidence[org] = p->second.evidence[theme];
          any_passage = true;
        }
        if (expectation == Expectation::kPresent && !shown) all_met = false;
        if (expectation == Expectation::kAbsent && shown) contradicted = true;
        if (expectation == Expectation::kAbsent && p == profiles.end()) all_met = false;
      }
      tv.verdict = contradicted ? Verdict::kContradicted
                   : (all_met && any_passage) ? Verdict::kSupported
                                              : Verdict::kNotSupported;
      if (tv.verdict == Verdict::kSupported) ++supported;
      cv.themes.push_back(std::move(tv));
    }
    cv.summary = "supported for " + std::to_string(supported) + " of " + std::to_string(claim.themes.size()) +
                 " themes by " + described_as;
    out.push_back(std::move(cv));
  }
  return out;
}

}  // namespace charterkit
