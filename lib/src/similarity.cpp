#include "charterkit/similarity.h"

#include <boost/sort/pdqsort/pdqsort.hpp>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

#include "charterkit/matcher.h"
#include "parallel.h"

namespace charterkit {
namespace {

// An n-gram as an exact integer: each code point takes 21 bits (U+10FFFF
// needs 21), so up to six code points fit in 128 bits without loss.
__extension__ typedef unsigned __int128 GramKey;
__extension__ typedef __int128 Wide;

constexpr std::size_t kMaxGram = 6;
constexpr std::uint32_t kNotEmpty = std::numeric_limits<std::uint32_t>::max();

// Returns `threads`, or the number of hardware threads when it is 0.
unsigned resolve_threads(unsigned threads) {
  return internal::worker_count(threads, std::numeric_limits<std::size_t>::max());
}

// Runs fn(i, worker) for every i in [0, n) on up to `threads` threads, worker
// < min(threads, n) (see internal::parallel_for).
template <typename F>
void for_each_index(std::size_t n, unsigned threads, F&& fn) {
  internal::parallel_for(n, internal::worker_count(threads, n), [&](std::size_t i, unsigned worker) {
    fn(i, worker);
    return Status::Ok();
  });
}

// The finalizer of splitmix64 (Steele, Lea & Flood 2014): a bijection of 64
// bits in which every input bit changes about half the output bits.
std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

std::uint64_t hash_gram(GramKey k) {
  return mix64(static_cast<std::uint64_t>(k) ^ mix64(static_cast<std::uint64_t>(k >> 64) + 0x9e3779b97f4a7c15ULL));
}

// FNV-1a over the bytes, then mixed: the same on every platform (std::hash is not).
std::uint64_t hash_string(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return mix64(h);
}

struct GramKeyHash {
  std::size_t operator()(GramKey k) const { return static_cast<std::size_t>(hash_gram(k)); }
};

// Gives 64-bit keys ids: linear probing in one array of slots, at most half
// full. Hand-written because std::unordered_map allocates a node per key,
// which made interning the slowest step, Debian 12's Boost (1.74) has no flat
// hash map yet (boost::unordered_flat_map came with 1.81), and one table does
// not justify a dependency on Abseil.
// REQUIRES: no key equals kFree.
class KeyTable {
 public:
  static constexpr std::uint64_t kFree = ~std::uint64_t{0};

  // Returns the id of `key`; a new key gets `next_id`, and `added` is set.
  std::uint32_t find_or_add(std::uint64_t key, std::uint32_t next_id, bool& added) {
    if (2 * (used_ + 1) > slots_.size()) grow();
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = mix64(key) & mask;; at = (at + 1) & mask) {
      Slot& slot = slots_[at];
      if (slot.key == key) {
        added = false;
        return slot.id;
      }
      if (slot.key == kFree) {
        slot = Slot{key, next_id};
        ++used_;
        added = true;
        return next_id;
      }
    }
  }

 private:
  struct Slot {
    std::uint64_t key = kFree;
    std::uint32_t id = 0;
  };
  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(1024, 2 * slots_.size()));
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.key == kFree) continue;
      std::size_t at = mix64(slot.key) & mask;
      while (slots_[at].key != kFree) at = (at + 1) & mask;
      slots_[at] = slot;
    }
  }
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

// The distinct n-grams of a text, sorted. An n-gram whose code points are all
// below U+1000 (Latin, Greek, Cyrillic, Arabic, Indic scripts...) is packed
// in 12 bits per code point into 64 bits (`small`), which sorts and hashes
// faster; any other in 21 bits per code point (`large`). Either way the key
// is exact, and one n-gram always takes the same form.
struct GramKeys {
  std::vector<std::uint64_t> small;
  std::vector<GramKey> large;
  bool empty() const { return small.empty() && large.empty(); }
};

GramKeys gram_keys(std::string_view text, std::size_t n) {
  GramKeys keys;
  keys.small.reserve(text.size());
  const GramKey mask = n * 21 >= 128 ? ~GramKey{0} : (GramKey{1} << (21 * n)) - 1;
  const bool packable = n * 12 <= 64;
  const std::uint64_t small_mask = n * 12 >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << (12 * n)) - 1;
  GramKey window = 0;
  std::uint64_t small_window = 0;
  std::size_t seen = 0, since_large = n;  // code points since the last one of U+1000 or above
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::ptrdiff_t>(text.size());
  for (std::ptrdiff_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    // Ill-formed UTF-8 (excluded by the contract) becomes one value past every code point.
    const auto code = static_cast<std::uint32_t>(c < 0 ? 0x110000 : c);
    window = ((window << 21) | code) & mask;
    small_window = ((small_window << 12) | (code & 0xFFF)) & small_mask;
    since_large = code < 0x1000 ? since_large + 1 : 0;
    if (++seen < n) continue;
    if (packable && since_large >= n) keys.small.push_back(small_window);
    else keys.large.push_back(window);
  }
  // Pattern-defeating quicksort: about three times std::sort's speed on the
  // many repeated n-grams of a text.
  boost::sort::pdqsort(keys.small.begin(), keys.small.end());
  keys.small.erase(std::unique(keys.small.begin(), keys.small.end()), keys.small.end());
  boost::sort::pdqsort(keys.large.begin(), keys.large.end());
  keys.large.erase(std::unique(keys.large.begin(), keys.large.end()), keys.large.end());
  return keys;
}

// Returns |A ∩ B| of two sorted sets, by merging them.
std::size_t merge_count(const std::uint32_t* x, const std::uint32_t* x_end, const std::uint32_t* y,
                        const std::uint32_t* y_end) {
  std::size_t shared = 0;
  while (x < x_end && y < y_end) {
    const std::uint32_t u = *x, v = *y;
    shared += u == v;
    x += u <= v;
    y += v <= u;
  }
  return shared;
}

// Returns `shared` plus |A ∩ B| of two sorted sets, or, as soon as that can no
// longer reach `need`, some smaller number.
std::size_t merge_count_bounded(const std::uint32_t* x, const std::uint32_t* x_end, const std::uint32_t* y,
                                const std::uint32_t* y_end, std::size_t shared, std::size_t need) {
  while (x < x_end && y < y_end) {
    if (*x == *y) {
      ++shared;
      ++x;
      ++y;
      continue;
    }
    if (*x < *y) ++x;
    else ++y;
    if (shared + static_cast<std::size_t>(std::min(x_end - x, y_end - y)) < need) return shared;
  }
  return shared;
}

// Returns the overlap a pair of sets of sizes a and b needs for a Jaccard of
// at least t: ceil(t (a + b) / (1 + t)), less a margin against rounding (a
// lower bound is safe: it only prunes less).
std::size_t overlap_needed(std::size_t a, std::size_t b, double t) {
  const double need = std::ceil(t / (1 + t) * static_cast<double>(a + b) - 1e-6);
  return need > 0 ? static_cast<std::size_t>(need) : 0;
}

// A list of lists in one array: list k is items[begin[k], begin[k + 1]).
struct Lists {
  std::vector<std::size_t> begin;
  std::vector<std::uint32_t> items;
};

}  // namespace

// ---------------------------------------------------------------------------
// Building the sets.

void FeatureSets::finish(std::vector<std::vector<std::uint32_t>> sets, std::vector<std::uint64_t> hashes,
                         std::vector<std::uint32_t> empty_class) {
  // Renumber the features from the rarest up (ties: first seen first). The
  // values do not depend on it; the speed does: prefix filtering looks at the
  // rarest features of each set, and the most common ones become bitsets.
  const std::size_t features = hashes.size();
  std::vector<std::uint32_t> df(features, 0);
  for (const auto& set : sets) {
    for (std::uint32_t id : set) ++df[id];
  }
  std::vector<std::uint32_t> order(features);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return df[x] < df[y]; });
  std::vector<std::uint32_t> rank(features);
  hashes_.resize(features);
  for (std::size_t r = 0; r < features; ++r) {
    rank[order[r]] = static_cast<std::uint32_t>(r);
    hashes_[r] = hashes[order[r]];
  }
  begin_.assign(1, 0);
  ids_.clear();
  std::size_t total = 0;
  for (const auto& set : sets) total += set.size();
  ids_.reserve(total);
  for (auto& set : sets) {
    for (std::uint32_t& id : set) id = rank[id];
    boost::sort::pdqsort(set.begin(), set.end());
    ids_.insert(ids_.end(), set.begin(), set.end());
    begin_.push_back(ids_.size());
    std::vector<std::uint32_t>().swap(set);
  }
  empty_class_ = std::move(empty_class);
}

FeatureSets FeatureSets::CharNgrams(const std::vector<std::string_view>& texts, std::size_t n, unsigned threads) {
  std::vector<std::size_t> sizes(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) sizes[i] = texts[i].size();
  Result<FeatureSets> out = CharNgrams(
      sizes, [&](std::size_t i, unsigned) -> Result<std::string> { return std::string(texts[i]); }, n, threads);
  return std::move(out).value();  // the texts given cannot fail
}

Result<FeatureSets> FeatureSets::CharNgrams(const std::vector<std::size_t>& sizes, const TextSource& text_of,
                                            std::size_t n, unsigned threads) {
  n = std::clamp<std::size_t>(n, 1, kMaxGram);
  threads = resolve_threads(threads);
  const std::size_t count = sizes.size();
  FeatureSets out;
  std::vector<std::vector<std::uint32_t>> sets(count);
  std::vector<std::uint64_t> hashes;
  KeyTable small_ids;  // 12 bits a code point leave the top 4 bits 0: never KeyTable::kFree
  std::unordered_map<GramKey, std::uint32_t, GramKeyHash> large_ids;
  std::map<std::string, std::uint32_t> short_texts;  // texts without n-grams, by content
  std::vector<std::uint32_t> empty_class(count, kNotEmpty);
  // Texts go in batches of about 2 MB (by `sizes`): each is made, its n-grams
  // found and the text dropped, in parallel; then the n-grams are interned in
  // text order (so ids, and memory, do not depend on the threads). Until
  // interned, a batch's keys take up to 8 bytes per byte of text.
  constexpr std::size_t kBatchBytes = std::size_t{2} << 20;
  for (std::size_t first = 0; first < count;) {
    std::size_t last = first, bytes = 0;
    while (last < count && (last == first || bytes + sizes[last] <= kBatchBytes || last - first < threads)) {
      bytes += sizes[last++];
    }
    struct Made {
      GramKeys keys;
      std::string short_text;  // the text, when it has no n-gram
    };
    std::vector<Made> made(last - first);
    Status status = internal::parallel_for(made.size(), internal::worker_count(threads, made.size()),
                                           [&](std::size_t k, unsigned worker) -> Status {
                                             Result<std::string> text = text_of(first + k, worker);
                                             if (!text.ok()) return text.status();
                                             made[k].keys = gram_keys(text.value(), n);
                                             if (made[k].keys.empty()) made[k].short_text = std::move(text).value();
                                             return Status::Ok();
                                           });
    if (!status.ok()) return status;
    for (std::size_t k = 0; k < made.size(); ++k) {
      const std::size_t t = first + k;
      const GramKeys& keys = made[k].keys;
      if (keys.empty()) {
        empty_class[t] =
            short_texts.emplace(std::move(made[k].short_text), static_cast<std::uint32_t>(short_texts.size())).first->second;
        continue;
      }
      std::vector<std::uint32_t>& set = sets[t];
      set.reserve(keys.small.size() + keys.large.size());
      for (std::uint64_t key : keys.small) {
        bool added = false;
        set.push_back(small_ids.find_or_add(key, static_cast<std::uint32_t>(hashes.size()), added));
        if (added) hashes.push_back(mix64(key));
      }
      for (GramKey key : keys.large) {
        const auto [it, added] = large_ids.try_emplace(key, static_cast<std::uint32_t>(hashes.size()));
        if (added) hashes.push_back(hash_gram(key));
        set.push_back(it->second);
      }
      made[k] = Made();
    }
    first = last;
  }
  small_ids = {};
  large_ids = {};
  out.finish(std::move(sets), std::move(hashes), std::move(empty_class));
  return out;
}

FeatureSets FeatureSets::Words(const std::vector<std::vector<std::string>>& words, unsigned threads) {
  threads = resolve_threads(threads);
  FeatureSets out;
  std::vector<std::vector<std::string_view>> distinct(words.size());
  for_each_index(words.size(), threads, [&](std::size_t i, unsigned) {
    distinct[i].assign(words[i].begin(), words[i].end());
    std::sort(distinct[i].begin(), distinct[i].end());
    distinct[i].erase(std::unique(distinct[i].begin(), distinct[i].end()), distinct[i].end());
  });
  std::vector<std::vector<std::uint32_t>> sets(words.size());
  std::vector<std::uint64_t> hashes;
  std::unordered_map<std::string_view, std::uint32_t> ids;
  std::vector<std::uint32_t> empty_class(words.size(), kNotEmpty);
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (distinct[i].empty()) empty_class[i] = 0;  // no words: all alike
    for (std::string_view w : distinct[i]) {
      const auto [it, added] = ids.try_emplace(w, static_cast<std::uint32_t>(hashes.size()));
      if (added) hashes.push_back(hash_string(w));
      sets[i].push_back(it->second);
    }
  }
  out.finish(std::move(sets), std::move(hashes), std::move(empty_class));
  return out;
}

// ---------------------------------------------------------------------------
// Pairs.

PairSimilarity FeatureSets::make_pair(std::size_t a, std::size_t b, std::size_t shared) const {
  PairSimilarity p;
  p.a = a;
  p.b = b;
  p.a_size = static_cast<std::int64_t>(set_size(a));
  p.b_size = static_cast<std::int64_t>(set_size(b));
  p.shared = static_cast<std::int64_t>(shared);
  const std::int64_t all = p.a_size + p.b_size - p.shared;
  if (all > 0) {
    p.value = static_cast<double>(p.shared) / static_cast<double>(all);
  } else {
    p.value = empty_class_[a] == empty_class_[b] ? 1.0 : std::numeric_limits<double>::quiet_NaN();
  }
  return p;
}

std::size_t FeatureSets::count_shared(std::size_t a, std::size_t b) const {
  return merge_count(ids_.data() + begin_[a], ids_.data() + begin_[a + 1], ids_.data() + begin_[b],
                     ids_.data() + begin_[b + 1]);
}

PairSimilarity FeatureSets::jaccard(std::size_t a, std::size_t b) const { return make_pair(a, b, count_shared(a, b)); }

// The pairs of sets without features (a < b) whose value is at least `t`: no
// candidate search finds them, since they share nothing.
std::vector<PairSimilarity> FeatureSets::empty_pairs_above(double t) const {
  std::vector<std::size_t> empty;
  for (std::size_t i = 0; i < size(); ++i) {
    if (set_size(i) == 0) empty.push_back(i);
  }
  std::vector<PairSimilarity> out;
  for (std::size_t x = 0; x < empty.size(); ++x) {
    for (std::size_t y = x + 1; y < empty.size(); ++y) {
      PairSimilarity p = make_pair(empty[x], empty[y], 0);
      if (p.value >= t) out.push_back(p);
    }
  }
  return out;
}

namespace {

bool keep(const PairSimilarity& p, const std::optional<double>& min) { return !min || p.value >= *min; }

std::vector<PairSimilarity> flatten(std::vector<std::vector<PairSimilarity>>& rows) {
  std::size_t total = 0;
  for (const auto& r : rows) total += r.size();
  std::vector<PairSimilarity> out;
  out.reserve(total);
  for (auto& r : rows) {
    out.insert(out.end(), r.begin(), r.end());
    std::vector<PairSimilarity>().swap(r);
  }
  return out;
}

// Returns the inverted lists of `sets` restricted to the first `take(i)`
// features of each set i: for each feature, the sets holding it, ascending.
template <typename Take>
Lists invert(const std::vector<std::uint32_t>& ids, const std::vector<std::size_t>& begin, std::size_t features,
             Take take) {
  Lists lists;
  lists.begin.assign(features + 1, 0);
  const std::size_t n = begin.size() - 1;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = begin[i], end = begin[i] + take(i); k < end; ++k) ++lists.begin[ids[k] + 1];
  }
  std::partial_sum(lists.begin.begin(), lists.begin.end(), lists.begin.begin());
  lists.items.resize(lists.begin.back());
  std::vector<std::size_t> fill(lists.begin.begin(), lists.begin.end() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = begin[i], end = begin[i] + take(i); k < end; ++k) lists.items[fill[ids[k]]++] = static_cast<std::uint32_t>(i);
  }
  return lists;
}

}  // namespace

std::vector<PairSimilarity> FeatureSets::pairs_above(double t, unsigned threads) const {
  // Prefix filtering (Bayardo, Ma & Srikant 2007, "All-pairs"). With every
  // set in one feature order, two sets that share at least k features share
  // one among the first |x| - k + 1 features of x and the first |y| - k + 1 of
  // y. J(x, y) >= t needs k >= t (|x| + |y|) / (1 + t): sets are taken by size,
  // each x against the sets y before it (|y| <= |x|, and |y| >= t |x|, or J <=
  // |y| / |x| < t), so k >= t |x| and k >= 2t / (1 + t) |y|. Each set is probed
  // with its first |x| - ceil(t |x|) + 1 features and indexed with its first
  // |y| - ceil(2t / (1 + t) |y|) + 1; the sets too small are skipped by a
  // binary search in each list. Margins of 1e-6 against rounding lengthen
  // prefixes and lower bounds: more candidates, never fewer.
  const std::size_t n = size();
  const double c = t / (1 + t);
  std::vector<std::uint32_t> order(n);  // set indexes by size, then index
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return set_size(x) < set_size(y); });
  const auto prefix_length = [](std::size_t size, double share) {
    const auto s = static_cast<double>(size);
    const double need = std::max(0.0, std::ceil(share * s - 1e-6));
    return need > s ? std::size_t{0} : std::min(size, static_cast<std::size_t>(s - need) + 1);
  };
  std::vector<std::size_t> sizes(n), probe(n), indexed(n);  // by rank in `order`
  for (std::size_t r = 0; r < n; ++r) {
    sizes[r] = set_size(order[r]);
    probe[r] = prefix_length(sizes[r], t);
    indexed[r] = std::min(probe[r], prefix_length(sizes[r], 2 * c));
  }
  // Inverted lists of the indexed features, entries in rank order: the rank
  // of the set and where the feature stands in it.
  std::vector<std::size_t> list_begin(features() + 1, 0);
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint32_t* x = ids_.data() + begin_[order[r]];
    for (std::size_t p = 0; p < indexed[r]; ++p) ++list_begin[x[p] + 1];
  }
  std::partial_sum(list_begin.begin(), list_begin.end(), list_begin.begin());
  std::vector<std::uint32_t> rank_of(list_begin.back()), offset_of(list_begin.back());
  {
    std::vector<std::size_t> fill(list_begin.begin(), list_begin.end() - 1);
    for (std::size_t r = 0; r < n; ++r) {
      const std::uint32_t* x = ids_.data() + begin_[order[r]];
      for (std::size_t p = 0; p < indexed[r]; ++p) {
        const std::size_t at = fill[x[p]]++;
        rank_of[at] = static_cast<std::uint32_t>(r);
        offset_of[at] = static_cast<std::uint32_t>(p);
      }
    }
  }
  struct Scratch {
    std::vector<std::uint32_t> overlap;         // per rank: common prefix features so far, or kPruned
    std::vector<std::uint32_t> last_x, last_y;  // where the last one stands in x and in y
  };
  constexpr std::uint32_t kPruned = std::numeric_limits<std::uint32_t>::max();
  std::vector<Scratch> scratch(internal::worker_count(threads, n));
  for (Scratch& sc : scratch) {
    sc.overlap.assign(n, 0);
    sc.last_x.assign(n, 0);
    sc.last_y.assign(n, 0);
  }
  std::vector<std::vector<PairSimilarity>> found(n);
  for_each_index(n, threads, [&](std::size_t r, unsigned worker) {
    Scratch& sc = scratch[worker];
    std::vector<std::uint32_t> candidates;
    const std::size_t size_x = sizes[r];
    const std::uint32_t* x = ids_.data() + begin_[order[r]];
    const double lowest = t * static_cast<double>(size_x) * (1 - 1e-9) - 1e-6;  // J <= |y| / |x| < t below it
    for (std::size_t p = 0; p < probe[r]; ++p) {
      const auto list = rank_of.begin() + static_cast<std::ptrdiff_t>(list_begin[x[p]]);
      const auto list_end = rank_of.begin() + static_cast<std::ptrdiff_t>(list_begin[x[p] + 1]);
      const auto from = std::partition_point(list, list_end, [&](std::uint32_t rank) {
        return static_cast<double>(sizes[rank]) < lowest;
      });
      const auto to = std::partition_point(from, list_end, [&](std::uint32_t rank) { return rank < r; });
      for (auto e = from; e < to; ++e) {
        const std::uint32_t y_rank = *e;
        std::uint32_t& overlap = sc.overlap[y_rank];
        if (overlap == kPruned) continue;
        if (overlap == 0) candidates.push_back(y_rank);  // to be reset after this row
        // Positional filter (Xiao et al. 2008, PPJoin): the overlap can grow
        // at most by what follows this feature in both sets. (For a whole
        // number b, b < ceil(v) iff b < v: overlap_needed without the ceil.)
        const std::size_t size_y = sizes[y_rank], q = offset_of[static_cast<std::size_t>(e - rank_of.begin())];
        const std::size_t bound = overlap + 1 + std::min(size_x - p - 1, size_y - q - 1);
        if (static_cast<double>(bound) < c * static_cast<double>(size_x + size_y) - 1e-6) {
          overlap = kPruned;
          continue;
        }
        ++overlap;
        sc.last_x[y_rank] = static_cast<std::uint32_t>(p);
        sc.last_y[y_rank] = static_cast<std::uint32_t>(q);
      }
    }
    for (std::uint32_t y_rank : candidates) {
      const std::uint32_t overlap = sc.overlap[y_rank];
      sc.overlap[y_rank] = 0;
      if (overlap == kPruned) continue;
      // Every common feature up to the last one found is counted: merge the rest.
      const std::size_t size_y = sizes[y_rank], need = overlap_needed(size_x, size_y, t);
      const std::uint32_t* y = ids_.data() + begin_[order[y_rank]];
      const std::size_t shared = merge_count_bounded(x + sc.last_x[y_rank] + 1, x + size_x, y + sc.last_y[y_rank] + 1,
                                                     y + size_y, overlap, need);
      if (shared < need) continue;
      const std::size_t a = std::min(order[r], order[y_rank]), b = std::max(order[r], order[y_rank]);
      PairSimilarity pair = make_pair(a, b, shared);
      if (pair.value >= t) found[r].push_back(pair);
    }
  });
  std::vector<PairSimilarity> out = flatten(found);
  // Sets without features reach a positive threshold only with each other.
  for (const PairSimilarity& p : empty_pairs_above(t)) out.push_back(p);
  std::sort(out.begin(), out.end(),
            [](const PairSimilarity& u, const PairSimilarity& v) { return u.a != v.a ? u.a < v.a : u.b < v.b; });
  return out;
}

std::vector<PairSimilarity> FeatureSets::jaccard_pairs(const PairOptions& options) const {
  const std::size_t n = size();
  if (n < 2) return {};
  const unsigned threads = resolve_threads(options.threads);
  if (options.min && *options.min > 0) return pairs_above(*options.min, threads);

  // Every pair. Shared features are counted through inverted lists for the
  // rare features (cost: the sum over features of df², df = the number of
  // sets holding it) and with bitsets for the common ones (cost: n²/2 times
  // the words of a bitset). Features are numbered from the rarest, so the
  // common ones are the ids from `split` up; `split` is chosen to make the
  // estimated cost smallest, within a memory bound for the bitsets.
  const std::size_t features = this->features();
  std::vector<std::uint64_t> df(features, 0);
  for (std::uint32_t id : ids_) ++df[id];
  const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / 2;
  constexpr double kWordCost = 3.0;                             // a 64-bit AND + popcount, against one increment
  constexpr double kMaxBitsetBytes = 512.0 * 1024 * 1024;
  std::size_t split = features;
  double sparse_cost = 0;
  for (std::size_t id = 0; id < features; ++id) sparse_cost += static_cast<double>(df[id]) * static_cast<double>(df[id]) / 2;
  double best = sparse_cost;
  for (std::size_t s = features; s-- > 0;) {
    sparse_cost -= static_cast<double>(df[s]) * static_cast<double>(df[s]) / 2;
    const double words = std::ceil(static_cast<double>(features - s) / 64);
    if (words * 8 * static_cast<double>(n) > kMaxBitsetBytes) break;
    const double cost = sparse_cost + pairs * words * kWordCost;
    if (cost < best) {
      best = cost;
      split = s;
    }
  }
  const std::size_t words = (features - split + 63) / 64;
  std::vector<std::uint64_t> bits(words * n, 0);
  std::vector<std::size_t> sparse(n);  // features of set i below split
  for (std::size_t i = 0; i < n; ++i) {
    const auto* first = ids_.data() + begin_[i];
    const auto* last = ids_.data() + begin_[i + 1];
    const auto* cut = std::lower_bound(first, last, static_cast<std::uint32_t>(std::min<std::size_t>(split, UINT32_MAX)));
    sparse[i] = static_cast<std::size_t>(cut - first);
    for (const auto* p = cut; p < last; ++p) {
      const std::size_t bit = *p - split;
      bits[i * words + bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
  const Lists lists = invert(ids_, begin_, features, [&](std::size_t i) { return sparse[i]; });
  std::vector<std::vector<std::uint32_t>> counts(internal::worker_count(threads, n), std::vector<std::uint32_t>(n, 0));
  std::vector<std::vector<PairSimilarity>> rows(n);
  for_each_index(n - 1, threads, [&](std::size_t i, unsigned worker) {
    std::vector<std::uint32_t>& count = counts[worker];
    for (std::size_t k = begin_[i], end = begin_[i] + sparse[i]; k < end; ++k) {
      const std::uint32_t g = ids_[k];
      // The sets after i that hold g: the rest of g's list, found by binary
      // search (lists of rare features are short) rather than by keeping
      // every entry's place, which would take as much memory as the sets.
      const auto list_end = lists.items.begin() + static_cast<std::ptrdiff_t>(lists.begin[g + 1]);
      for (auto q = std::upper_bound(lists.items.begin() + static_cast<std::ptrdiff_t>(lists.begin[g]), list_end,
                                     static_cast<std::uint32_t>(i));
           q < list_end; ++q) {
        ++count[*q];
      }
    }
    const std::uint64_t* row = bits.data() + i * words;
    rows[i].reserve(n - i - 1);
    for (std::size_t j = i + 1; j < n; ++j) {
      std::size_t shared = count[j];
      count[j] = 0;
      const std::uint64_t* other = bits.data() + j * words;
      for (std::size_t w = 0; w < words; ++w) shared += static_cast<std::size_t>(std::popcount(row[w] & other[w]));
      PairSimilarity p = make_pair(i, j, shared);
      if (keep(p, options.min)) rows[i].push_back(p);
    }
  });
  return flatten(rows);
}

std::vector<PairSimilarity> FeatureSets::minhash_pairs(const MinHashOptions& options, std::size_t* candidates) const {
  if (candidates) *candidates = 0;
  const std::size_t n = size();
  const std::size_t k = options.hashes, bands = options.bands;
  if (n < 2 || k == 0 || bands == 0 || k % bands != 0 || !(options.min > 0)) return {};
  const std::size_t rows_per_band = k / bands;
  const unsigned threads = resolve_threads(options.threads);

  // Hash function h of k: x -> a_h·x + b_h (mod 2^64), a_h odd, applied to
  // each feature's own 64-bit hash; coefficients from a splitmix64 stream.
  std::vector<std::uint64_t> mul(k), add(k);
  std::uint64_t state = options.seed;
  const auto next = [&state] {
    state += 0x9e3779b97f4a7c15ULL;
    return mix64(state);
  };
  for (std::size_t h = 0; h < k; ++h) {
    mul[h] = next() | 1;
    add[h] = next();
  }
  std::vector<std::uint64_t> signature(n * k, std::numeric_limits<std::uint64_t>::max());
  for_each_index(n, threads, [&](std::size_t i, unsigned) {
    std::uint64_t* sig = signature.data() + i * k;
    for (std::size_t p = begin_[i]; p < begin_[i + 1]; ++p) {
      const std::uint64_t x = hashes_[ids_[p]];
      for (std::size_t h = 0; h < k; ++h) sig[h] = std::min(sig[h], mul[h] * x + add[h]);
    }
  });

  // Texts that agree on every row of a band are candidates.
  std::vector<std::vector<std::uint64_t>> found(bands);  // (a << 32 | b)
  for_each_index(bands, threads, [&](std::size_t band, unsigned) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys;
    for (std::size_t i = 0; i < n; ++i) {
      if (set_size(i) == 0) continue;
      std::uint64_t key = band;
      for (std::size_t r = 0; r < rows_per_band; ++r) key = mix64(key ^ signature[i * k + band * rows_per_band + r]);
      keys.emplace_back(key, static_cast<std::uint32_t>(i));
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint64_t>& out = found[band];
    for (std::size_t x = 0; x < keys.size();) {
      std::size_t y = x + 1;
      while (y < keys.size() && keys[y].first == keys[x].first) ++y;
      for (std::size_t p = x; p < y; ++p) {
        for (std::size_t q = p + 1; q < y; ++q) out.push_back(std::uint64_t{keys[p].second} << 32 | keys[q].second);
      }
      x = y;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  });
  std::vector<std::uint64_t> all;
  for (auto& f : found) {
    all.insert(all.end(), f.begin(), f.end());
    std::vector<std::uint64_t>().swap(f);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  if (candidates) *candidates = all.size();

  // Exact Jaccard of each candidate, rows of one `a` per task.
  std::vector<std::size_t> row_begin;
  for (std::size_t p = 0; p < all.size(); ++p) {
    if (p == 0 || (all[p] >> 32) != (all[p - 1] >> 32)) row_begin.push_back(p);
  }
  row_begin.push_back(all.size());
  std::vector<std::vector<PairSimilarity>> rows(n);
  for_each_index(row_begin.size() - 1, threads, [&](std::size_t r, unsigned) {
    for (std::size_t p = row_begin[r]; p < row_begin[r + 1]; ++p) {
      const std::size_t a = all[p] >> 32, b = all[p] & 0xffffffffULL;
      const std::size_t size_a = set_size(a), size_b = set_size(b), need = overlap_needed(size_a, size_b, options.min);
      if (std::min(size_a, size_b) < need) continue;
      const std::uint32_t* x = ids_.data() + begin_[a];
      const std::uint32_t* y = ids_.data() + begin_[b];
      const std::size_t shared = merge_count_bounded(x, x + size_a, y, y + size_b, 0, need);
      if (shared < need) continue;
      PairSimilarity s = make_pair(a, b, shared);
      if (s.value >= options.min) rows[a].push_back(s);
    }
  });
  for (const PairSimilarity& p : empty_pairs_above(options.min)) rows[p.a].push_back(p);
  return flatten(rows);
}

std::vector<PairSimilarity> cosine_pairs(const std::vector<std::vector<std::int64_t>>& vectors,
                                         const PairOptions& options) {
  const std::size_t n = vectors.size();
  if (n < 2) return {};
  std::vector<Wide> norm(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::int64_t c : vectors[i]) norm[i] += Wide{c} * c;
  }
  std::vector<std::vector<PairSimilarity>> rows(n);
  for_each_index(n - 1, resolve_threads(options.threads), [&](std::size_t i, unsigned) {
    for (std::size_t j = i + 1; j < n; ++j) {
      Wide dot = 0;
      for (std::size_t t = 0; t < vectors[i].size() && t < vectors[j].size(); ++t) dot += Wide{vectors[i][t]} * vectors[j][t];
      PairSimilarity p;
      p.a = i;
      p.b = j;
      if (norm[i] == 0 && norm[j] == 0) {
        p.value = std::numeric_limits<double>::quiet_NaN();
      } else if (norm[i] == 0 || norm[j] == 0) {
        p.value = 0;
      } else {
        // One square root of the product: equal vectors give exactly 1.
        p.value = std::min(1.0, static_cast<double>(dot) /
                                    std::sqrt(static_cast<double>(norm[i]) * static_cast<double>(norm[j])));
      }
      if (keep(p, options.min)) rows[i].push_back(p);
    }
  });
  return flatten(rows);
}

// ---------------------------------------------------------------------------
// Documents and segments.

Result<SimilarityMeasure> parse_similarity_measure(std::string_view name) {
  if (name == "char5-jaccard") return SimilarityMeasure::kChar5Jaccard;
  if (name == "word-jaccard") return SimilarityMeasure::kWordJaccard;
  if (name == "theme-cosine") return SimilarityMeasure::kThemeCosine;
  return Status::InvalidArgument("unknown measure '" + std::string(name) +
                                 "' (measures: char5-jaccard, word-jaccard, theme-cosine)");
}

Result<TextForm> parse_text_form(std::string_view name) {
  if (name == "default") return TextForm::kNormalized;
  if (name == "none") return TextForm::kRaw;
  return Status::InvalidArgument("unknown normalization '" + std::string(name) + "' (normalizations: default, none)");
}

Result<SimilarityMethod> parse_similarity_method(std::string_view name) {
  if (name == "exact") return SimilarityMethod::kExact;
  if (name == "minhash") return SimilarityMethod::kMinHash;
  return Status::InvalidArgument("unknown method '" + std::string(name) + "' (methods: exact, minhash)");
}

std::string unit_id(const TextUnit& unit) {
  return unit.segment ? unit.document->id + "#" + unit.segment->id : unit.document->id;
}

namespace {

// The segments a unit spans.
std::pair<const Segment*, const Segment*> unit_segments(const TextUnit& unit) {
  if (unit.segment) return {unit.segment, unit.segment + 1};
  const auto& s = unit.document->segments;
  return {s.data(), s.data() + s.size()};
}

// Bytes of text in the unit's segments.
std::size_t unit_bytes(const TextUnit& unit) {
  const auto [first, last] = unit_segments(unit);
  std::size_t bytes = 0;
  for (const Segment* seg = first; seg < last; ++seg) bytes += seg->end - seg->begin;
  return bytes;
}

// Calls fn(tokens, segment) for each segment of `unit`; offsets are bytes of Document::text.
template <typename F>
Status for_each_segment_tokens(const TextUnit& unit, Tokenizer& tokenizer, F&& fn) {
  const auto [first, last] = unit_segments(unit);
  for (const Segment* s = first; s < last; ++s) {
    Result<std::vector<Token>> tokens = tokenizer.tokenize(unit.document->segment_text(*s), s->begin);
    if (!tokens.ok()) return tokens.status();
    fn(tokens.value(), *s);
  }
  return Status::Ok();
}

}  // namespace

Result<std::string> unit_text(const TextUnit& unit, TextForm form, Tokenizer& tokenizer) {
  if (form == TextForm::kRaw) {
    const auto [first, last] = unit_segments(unit);
    if (first == last) return std::string();
    return unit.document->text.bytes.substr(first->begin, (last - 1)->end - first->begin);
  }
  std::string joined;
  Status s = for_each_segment_tokens(unit, tokenizer, [&](const std::vector<Token>& tokens, const Segment&) {
    for (const Token& t : tokens) {
      if (!joined.empty()) joined += ' ';
      joined += t.normalized;
    }
  });
  if (!s.ok()) return s;
  return joined;
}

Result<SimilarityResult> unit_similarity(const std::vector<TextUnit>& units, const SimilarityOptions& options) {
  const bool jaccard = options.measure != SimilarityMeasure::kThemeCosine;
  if (!jaccard && options.codebook == nullptr) {
    return Status::InvalidArgument("theme-cosine needs a codebook");
  }
  if (options.method == SimilarityMethod::kMinHash) {
    if (!jaccard) return Status::InvalidArgument("minhash estimates Jaccard: use it with char5-jaccard or word-jaccard");
    if (!options.min || !(*options.min > 0)) return Status::InvalidArgument("minhash needs a minimum above 0 (--min)");
    const MinHashOptions& m = options.minhash;
    if (m.hashes == 0 || m.bands == 0 || m.hashes % m.bands != 0) {
      return Status::InvalidArgument("minhash: the bands (" + std::to_string(m.bands) + ") must divide the hashes (" +
                                     std::to_string(m.hashes) + ")");
    }
  }
  const std::size_t n = units.size();
  const unsigned threads = internal::worker_count(options.batch.threads, n);

  // One tokenizer (and matcher) per thread: neither is thread-safe.
  std::vector<Tokenizer> tokenizers;
  std::vector<Matcher> matchers;
  for (unsigned w = 0; w < threads; ++w) {
    Result<Tokenizer> t = Tokenizer::Create();
    if (!t.ok()) return t.status();
    tokenizers.push_back(std::move(t).value());
    if (!jaccard) {
      Result<Matcher> m = Matcher::Compile(*options.codebook);
      if (!m.ok()) return m.status();
      matchers.push_back(std::move(m).value());
    }
  }
  std::vector<std::vector<std::string>> words(options.measure == SimilarityMeasure::kWordJaccard ? n : 0);
  std::vector<std::vector<std::int64_t>> counts(jaccard ? 0 : n);
  const auto prepare_unit = [&](std::size_t i, unsigned worker) -> Status {
    const TextUnit& unit = units[i];
    Tokenizer& tokenizer = tokenizers[worker];
    switch (options.measure) {
      case SimilarityMeasure::kChar5Jaccard:
        return Status::Ok();  // not called: the texts are made while their n-grams are found, below
      case SimilarityMeasure::kWordJaccard:
        return for_each_segment_tokens(unit, tokenizer, [&](const std::vector<Token>& tokens, const Segment&) {
          for (const Token& t : tokens) {
            if (t.kind == TokenKind::kOther) continue;
            words[i].push_back(options.form == TextForm::kNormalized
                                   ? t.normalized
                                   : unit.document->text.bytes.substr(t.begin, t.end - t.begin));
          }
        });
      case SimilarityMeasure::kThemeCosine: {
        const Matcher& matcher = matchers[worker];
        counts[i].assign(options.codebook->themes().size(), 0);
        return for_each_segment_tokens(unit, tokenizer, [&](const std::vector<Token>& tokens, const Segment&) {
          for (const Hit& h : matcher.match(tokens, unit.document->info.language)) {
            if (h.theme < counts[i].size()) ++counts[i][h.theme];
          }
        });
      }
    }
    return Status::Ok();
  };
  std::mutex progress_mutex;
  BatchProgress progress;
  progress.total = n;
  std::vector<std::size_t> sizes(n);  // text bytes of each unit
  for (std::size_t i = 0; i < n; ++i) {
    sizes[i] = unit_bytes(units[i]);
    progress.total_bytes += sizes[i];
  }
  const auto unit_done = [&](std::size_t i) {
    if (!options.batch.progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    ++progress.done;
    progress.bytes += sizes[i];
    options.batch.progress(progress);
  };
  const bool char_ngrams = options.measure == SimilarityMeasure::kChar5Jaccard;
  if (!char_ngrams) {
    Status prepared = internal::parallel_for(n, threads, [&](std::size_t i, unsigned worker) -> Status {
      Status s = prepare_unit(i, worker);
      unit_done(i);
      return s;
    });
    if (!prepared.ok()) return prepared;
  }

  SimilarityResult result;
  const PairOptions pair_options{options.batch.threads, options.min};
  if (!jaccard) {
    result.pairs = cosine_pairs(counts, pair_options);
    return result;
  }
  // Character n-grams: each unit's text is made (normalized or not) while its
  // n-grams are found, and dropped then, so that the texts are never all in
  // memory together.
  Result<FeatureSets> sets = options.measure == SimilarityMeasure::kWordJaccard
                                 ? FeatureSets::Words(words, options.batch.threads)
                                 : FeatureSets::CharNgrams(
                                       sizes,
                                       [&](std::size_t i, unsigned worker) {
                                         Result<std::string> text = unit_text(units[i], options.form, tokenizers[worker]);
                                         unit_done(i);
                                         return text;
                                       },
                                       5, threads);
  if (!sets.ok()) return sets.status();
  words = {};
  if (options.method == SimilarityMethod::kMinHash) {
    MinHashOptions m = options.minhash;
    m.threads = options.batch.threads;
    m.min = *options.min;
    result.pairs = sets->minhash_pairs(m, &result.candidates);
  } else {
    result.pairs = sets->jaccard_pairs(pair_options);
  }
  return result;
}

}  // namespace charterkit
