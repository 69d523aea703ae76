// Batch: how work over many documents is run, on how many threads, and how
// it tells its progress.
//
// Results never depend on the number of threads: each document's result has
// its own place, in the order the documents were given.
//
// Example:
//   charterkit::BatchOptions batch;
//   batch.threads = 2;
//   batch.progress = [](const charterkit::BatchProgress& p) { std::cerr << p.done << '/' << p.total << '\r'; };
//   auto matches = charterkit::match_documents(corpus.documents, codebook, batch);
#pragma once

#include <cstddef>
#include <functional>

namespace charterkit {

struct BatchProgress {
  std::size_t done = 0;         // documents finished
  std::size_t total = 0;        // documents in the batch
  std::size_t bytes = 0;        // text bytes done (of finished documents, or of their parts done)
  std::size_t total_bytes = 0;  // text bytes of the whole batch; 0 when not known
};

struct BatchOptions {
  unsigned threads = 0;  // 0: one per hardware thread
  // Called after each document, from the thread that did it, one call at a
  // time. May be empty.
  std::function<void(const BatchProgress&)> progress;
};

}  // namespace charterkit
