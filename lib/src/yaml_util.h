// YAML helpers, private to the library: parsing with positions, typed fields.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "charterkit/status.h"
#include "charterkit/text.h"

namespace charterkit::internal {

// Returns the place of `node` in `text` (YAML marks are 0-based).
inline SourceLocation where(const Text& text, const YAML::Mark& mark) {
  SourceLocation loc{text.name, 0, 0, std::nullopt};
  if (mark.line >= 0) {
    loc.line = static_cast<std::size_t>(mark.line) + 1;
    loc.column = static_cast<std::size_t>(mark.column) + 1;
  }
  return loc;
}

// Returns an error at the second occurrence of a key that a map gives twice
// (YAML forbids it; yaml-cpp keeps one of them silently).
inline Status no_duplicate_keys(const Text& text, const YAML::Node& map) {
  if (!map.IsMap()) return Status::Ok();
  std::vector<std::string> seen;
  for (const auto& pair : map) {
    const std::string key = pair.first.IsScalar() ? pair.first.Scalar() : std::string();
    for (const auto& s : seen) {
      if (s == key) return Status::InvalidInput("'" + key + "' is given twice in this map", where(text, pair.first.Mark()));
    }
    seen.push_back(key);
  }
  return Status::Ok();
}

// Checks `node` and every map below it for duplicate keys.
inline Status no_duplicate_keys_deep(const Text& text, const YAML::Node& node) {
  if (Status s = no_duplicate_keys(text, node); !s.ok()) return s;
  if (node.IsMap()) {
    for (const auto& pair : node) {
      if (Status s = no_duplicate_keys_deep(text, pair.second); !s.ok()) return s;
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (Status s = no_duplicate_keys_deep(text, item); !s.ok()) return s;
    }
  }
  return Status::Ok();
}

// Parses `text` as one YAML document. Errors: InvalidInput at the place the
// YAML parser stopped.
inline Result<YAML::Node> parse_yaml(const Text& text) {
  try {
    YAML::Node root = YAML::Load(std::string(text.content()));
    if (Status s = no_duplicate_keys_deep(text, root); !s.ok()) return s;
    return root;
  } catch (const YAML::ParserException& e) {
    return Status::InvalidInput("YAML syntax: " + e.msg, where(text, e.mark));
  } catch (const YAML::Exception& e) {
    return Status::InvalidInput("YAML: " + e.msg, where(text, e.mark));
  }
}

// Returns the scalar at `node` as a string. Errors: InvalidInput naming
// `field` when the node is a list or a map.
inline Result<std::string> scalar(const Text& text, const YAML::Node& node, const std::string& field) {
  if (!node.IsScalar()) {
    return Status::InvalidInput("'" + field + "' must be a single value", where(text, node.Mark()));
  }
  return node.Scalar();
}

}  // namespace charterkit::internal
