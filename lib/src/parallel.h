// Work over many items on several threads, private to the library.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "charterkit/status.h"

namespace charterkit::internal {

// Returns `threads`, or the number of hardware threads when it is 0, at most
// `items` and at least 1.
inline unsigned worker_count(unsigned threads, std::size_t items) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, items)));
}

// Calls work(i, worker) once for each i in [0, items), on `workers` threads
// (worker in [0, workers)); items are handed out in order as threads free up.
// Each item writes only its own result slot, so results do not depend on the
// schedule. Returns the error of the lowest-numbered failing item, so that
// the message too is the same whatever the thread count.
inline Status parallel_for(std::size_t items, unsigned workers,
                           const std::function<Status(std::size_t item, unsigned worker)>& work) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::size_t failed_item = items;
  Status failure = Status::Ok();
  const auto run = [&](unsigned worker) {
    for (std::size_t i = next++; i < items; i = next++) {
      Status s = work(i, worker);
      if (!s.ok()) {
        std::lock_guard<std::mutex> lock(mutex);
        if (i < failed_item) {
          failed_item = i;
          failure = std::move(s);
        }
      }
    }
  };
  if (workers <= 1) {
    run(0);
  } else {
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w) threads.emplace_back(run, w);
    run(0);
    for (std::thread& t : threads) t.join();
  }
  return failure;
}

}  // namespace charterkit::internal
