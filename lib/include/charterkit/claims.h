// Claims: an article's assertions about documents, checked with evidence.
//
// A claim asserts, for each of its themes, what each organization's text
// shows: the theme present (a passage must show it) or absent (no passage
// may). The verdict of a (claim, theme) is
//   supported      every "present" is shown by a passage and every "absent" holds,
//                  and at least one passage is shown (support is never claimed
//                  without a passage);
//   contradicted   a passage shows a theme claimed "absent";
//   not_supported  otherwise: the text does not show what is claimed.
// Format of the claims file: docs/claims.md.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "charterkit/codebook.h"
#include "charterkit/compare.h"
#include "charterkit/status.h"
#include "charterkit/text.h"

namespace charterkit {

enum class Expectation { kPresent, kAbsent };

struct ClaimTheme {
  std::string theme;
  std::vector<std::pair<std::string, Expectation>> expectations;  // organization -> expectation, in file order
};

struct Claim {
  std::string id;
  std::string text;      // the article's wording
  std::string location;  // where in the article
  std::string source_document;
  std::vector<ClaimTheme> themes;
  SourceLocation where;
};

struct ClaimSet {
  std::map<std::string, std::string> documents;  // organization -> default document id
  std::vector<Claim> claims;
  std::vector<std::string> organizations() const;  // in order of first mention
};

// Reads a claims file. Errors: InvalidInput with file:line:column for bad
// YAML, missing or unknown fields, duplicate claim ids, expectations other
// than present/absent, and theme ids `codebook` does not have.
Result<ClaimSet> parse_claims(const Text& text, const Codebook& codebook);
// Returns the built-in claims (corpus/claims/claims.yaml).
Result<ClaimSet> default_claims(const Codebook& codebook);

enum class Verdict { kSupported, kNotSupported, kContradicted };
// Returns "supported", "not_supported" or "contradicted".
std::string to_string(Verdict verdict);

// Returns what a claim asserts of each organization for one theme, as the
// tables print it: "SCO, CSTO" (present in both), "SCO not" (absent from SCO).
std::string expectation_text(const std::vector<std::pair<std::string, Expectation>>& expectations);

struct ThemeVerdict {
  std::string theme;
  Verdict verdict = Verdict::kNotSupported;
  std::map<std::string, std::vector<Evidence>> evidence;  // organization -> passages showing the theme
  std::vector<std::pair<std::string, Expectation>> expectations;
};

struct ClaimVerdict {
  const Claim* claim = nullptr;
  std::vector<ThemeVerdict> themes;
  std::string summary;  // "supported for 3 of 6 themes by ..."
};

// Checks every claim against the profiles of the organizations' documents
// (`profiles` maps organization -> profile). `described_as` names the texts in
// the summary ("the article's own quotations"). An organization without a
// profile makes its expectations unmet (not_supported).
std::vector<ClaimVerdict> check_claims(const ClaimSet& claims, const Codebook& codebook,
                                       const std::map<std::string, ThemeProfile>& profiles,
                                       const std::string& described_as);

}  // namespace charterkit
