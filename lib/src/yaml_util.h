// YAML helpers, private to the library: parsing with positions, typed fields.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

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

// Parses `text` as one YAML document. Errors: InvalidInput at the place the
// YAML parser stopped.
inline Result<YAML::Node> parse_yaml(const Text& text) {
  try {
    return YAML::Load(std::string(text.content()));
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
