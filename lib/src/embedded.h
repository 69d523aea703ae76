// The files of corpus/, built into the library so that the default corpus,
// codebook and rules need nothing on disk.
#pragma once

#include <cstddef>
#include <string_view>

namespace charterkit::internal {

struct EmbeddedFile {
  std::string_view path;   // relative to corpus/, with '/' separators
  std::string_view bytes;
};

// Returns the table of embedded files, sorted by path; `*count` receives its
// length. Defined in the generated embedded_corpus.cpp.
const EmbeddedFile* embedded_files(std::size_t* count);

}  // namespace charterkit::internal
