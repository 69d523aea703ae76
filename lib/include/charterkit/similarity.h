// Similarity: the exact similarity of every pair of many texts, fast.
//
// A text is compared as a set of features: its distinct character n-grams
// (n code points, as R's stringdist counts them with useBytes = FALSE) or its
// distinct words. Features are interned across all texts into 32-bit ids, so
// the intersection of two sets is an exact count, never a hash estimate. For
// all pairs, shared features are counted through an inverted index (rare
// features) and bitsets (common ones); with a threshold, prefix filtering
// (Bayardo, Ma & Srikant 2007) skips the pairs that cannot reach it. Both give
// the values a pair-by-pair computation gives, to the last bit. MinHash with
// LSH banding finds the candidate pairs above a high threshold faster, then
// computes their exact Jaccard; unlike the exact method it can miss pairs.
// Work is shared among threads by rows; results come in one fixed order
// whatever the number of threads.
//
// Example:
//   std::vector<std::string_view> texts = {"the parties shall", "the party shall", "les parties"};
//   charterkit::FeatureSets sets = charterkit::FeatureSets::CharNgrams(texts, 5);
//   charterkit::PairOptions options;
//   options.threads = 2;
//   for (const charterkit::PairSimilarity& p : sets.jaccard_pairs(options))
//     std::cout << p.a << ' ' << p.b << ' ' << p.value << ' ' << p.shared << '\n';
//
//   // Documents or their segments, as `charter similarity` compares them:
//   std::vector<charterkit::TextUnit> units = {{&sco, nullptr}, {&csto, nullptr}};
//   charterkit::SimilarityOptions o;  // char5-jaccard of the normalized words
//   auto result = charterkit::unit_similarity(units, o);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "charterkit/batch.h"
#include "charterkit/codebook.h"
#include "charterkit/document.h"
#include "charterkit/status.h"
#include "charterkit/tokenizer.h"

namespace charterkit {

// One pair of texts and how alike they are.
struct PairSimilarity {
  std::size_t a = 0;  // indexes of the two texts, a < b
  std::size_t b = 0;
  double value = 0;   // NaN when undefined (see each function)
  std::int64_t a_size = 0;  // Jaccard: |A|, |B| and |A ∩ B| (0 for cosine)
  std::int64_t b_size = 0;
  std::int64_t shared = 0;
};

struct PairOptions {
  // Worker threads; 0: as many as the hardware runs at once.
  unsigned threads = 0;
  // Keeps only the pairs whose value is >= min (a NaN value never is); none: every pair.
  std::optional<double> min;
};

struct MinHashOptions {
  std::size_t hashes = 128;     // signature length
  std::size_t bands = 32;       // LSH bands of hashes / bands rows each. REQUIRES: bands divides hashes
  std::uint64_t seed = 0x5eed;  // the hash functions; fixed, so results are reproducible
  unsigned threads = 0;         // 0: as many as the hardware runs at once
  double min = 0.8;             // keeps the candidate pairs with Jaccard >= min. REQUIRES: min > 0
};

// The sets of features of a list of texts, and their pairwise Jaccard
// similarity |A ∩ B| / |A ∪ B|. Immutable once built; its functions may be
// called from several threads.
//
// Jaccard's edge cases: when neither set has a feature the value is 1 if the
// two texts are the same (two empty texts, two empty word lists, two equal
// texts shorter than n) and NaN otherwise (two different texts too short to
// have an n-gram: nothing to compare). When one set is empty and the other is
// not, the value is 0.
class FeatureSets {
 public:
  // Returns the sets of distinct character n-grams of `texts`: n consecutive
  // Unicode code points each; a text of fewer than n code points has none.
  // The texts are read during the call only; `threads` (0: one per hardware
  // thread) find the n-grams. REQUIRES: each text is well-formed UTF-8;
  // 1 <= n <= 6; fewer than 2^32 texts and 2^32 distinct n-grams.
  static FeatureSets CharNgrams(const std::vector<std::string_view>& texts, std::size_t n, unsigned threads = 1);
  // Makes text i by text_of(i, worker) (worker < threads: one per thread, for
  // state such as a Tokenizer) and returns the sets of their n-grams as above.
  // Each text is dropped once its n-grams are found, so only a batch of texts
  // (about 2 MB, by their expected `sizes` in bytes) is in memory at a time.
  // Errors: the first error of text_of, by index.
  using TextSource = std::function<Result<std::string>(std::size_t index, unsigned worker)>;
  static Result<FeatureSets> CharNgrams(const std::vector<std::size_t>& sizes, const TextSource& text_of, std::size_t n,
                                        unsigned threads = 1);
  // Returns the sets of distinct strings of each list of `words`.
  // REQUIRES: fewer than 2^32 lists and 2^32 distinct strings.
  static FeatureSets Words(const std::vector<std::vector<std::string>>& words, unsigned threads = 1);

  // Returns the number of texts.
  std::size_t size() const { return begin_.empty() ? 0 : begin_.size() - 1; }
  // Returns the number of distinct features of text i.
  std::size_t set_size(std::size_t i) const { return begin_[i + 1] - begin_[i]; }
  // Returns the number of distinct features over all texts.
  std::size_t features() const { return hashes_.size(); }

  // Returns the Jaccard similarity of texts a and b, with the counts behind it.
  // REQUIRES: a, b < size().
  PairSimilarity jaccard(std::size_t a, std::size_t b) const;
  // Returns the Jaccard similarity of every pair (a < b), ordered by a then b,
  // or of those whose value is at least options.min.
  std::vector<PairSimilarity> jaccard_pairs(const PairOptions& options) const;
  // Returns the pairs whose Jaccard similarity is at least options.min among
  // the candidates MinHash finds (pairs that agree on all rows of a band),
  // ordered by a then b; each value is exact. `candidates`, when given,
  // receives the number of candidate pairs checked.
  std::vector<PairSimilarity> minhash_pairs(const MinHashOptions& options, std::size_t* candidates = nullptr) const;

 private:
  FeatureSets() = default;
  void finish(std::vector<std::vector<std::uint32_t>> sets, std::vector<std::uint64_t> hashes,
              std::vector<std::uint32_t> empty_class);
  PairSimilarity make_pair(std::size_t a, std::size_t b, std::size_t shared) const;
  std::size_t count_shared(std::size_t a, std::size_t b) const;
  std::vector<PairSimilarity> pairs_above(double t, unsigned threads) const;
  std::vector<PairSimilarity> empty_pairs_above(double t) const;

  // Features as ids numbered from the rarest (fewest texts) up; each set sorted.
  std::vector<std::uint32_t> ids_;
  std::vector<std::size_t> begin_;           // set i is ids_[begin_[i], begin_[i + 1])
  std::vector<std::uint64_t> hashes_;        // per id: a hash of the feature itself (MinHash)
  std::vector<std::uint32_t> empty_class_;   // per text with no feature: equal for equal texts
};

// Returns the cosine similarity of every pair of count vectors (a < b),
// ordered by a then b, or of those whose value is at least options.min: 0 when
// exactly one vector is all zeros, NaN when both are. Dot products are summed
// exactly in integers. REQUIRES: the vectors have one length; counts below 2^31.
std::vector<PairSimilarity> cosine_pairs(const std::vector<std::vector<std::int64_t>>& vectors,
                                         const PairOptions& options);

// What `charter similarity` compares.
enum class SimilarityMeasure {
  kChar5Jaccard,  // Jaccard of the sets of distinct character 5-grams
  kWordJaccard,   // Jaccard of the sets of distinct words (kinds word, number, ideographic)
  kThemeCosine,   // cosine of the theme counts under a codebook
};
enum class TextForm {
  kNormalized,  // the normalized words (NFKC_Casefold) joined by single spaces
  kRaw,         // the text's bytes as loaded; words as written
};
enum class SimilarityMethod {
  kExact,    // every pair (or every pair above --min), exactly
  kMinHash,  // MinHash + LSH candidates, then their exact Jaccard
};

// Return the value named `name`: "char5-jaccard", "word-jaccard",
// "theme-cosine"; "default", "none"; "exact", "minhash".
// Errors: InvalidArgument naming the values that exist.
Result<SimilarityMeasure> parse_similarity_measure(std::string_view name);
Result<TextForm> parse_text_form(std::string_view name);
Result<SimilarityMethod> parse_similarity_method(std::string_view name);

// A text compared: a whole document (segment == nullptr) or one of its
// segments. A whole document runs from its first segment's start to its last
// segment's end: its body, without front matter or byte order mark.
struct TextUnit {
  const Document* document = nullptr;
  const Segment* segment = nullptr;  // REQUIRES: a segment of `document`, or nullptr
};

// Returns "document" or "document#segment".
std::string unit_id(const TextUnit& unit);

// Returns the bytes of `unit` (kRaw), or its tokens' normalized forms joined
// by single spaces (kNormalized, one token list per segment, as char_ngrams in
// compare.h). Errors: those of Tokenizer::tokenize.
Result<std::string> unit_text(const TextUnit& unit, TextForm form, Tokenizer& tokenizer);

struct SimilarityOptions {
  SimilarityMeasure measure = SimilarityMeasure::kChar5Jaccard;
  TextForm form = TextForm::kNormalized;  // char5-jaccard and word-jaccard
  SimilarityMethod method = SimilarityMethod::kExact;
  std::optional<double> min;             // keep pairs with value >= min; kMinHash REQUIRES min > 0
  const Codebook* codebook = nullptr;    // kThemeCosine: the themes counted (REQUIRED)
  MinHashOptions minhash;                // kMinHash: hashes, bands, seed (threads and min come from here)
  // Threads for everything (0: one per hardware thread); progress after each
  // unit is tokenized (BatchProgress counts units).
  BatchOptions batch;
};

struct SimilarityResult {
  std::vector<PairSimilarity> pairs;  // indexes into the units, ordered by a then b
  std::size_t candidates = 0;         // kMinHash: candidate pairs checked
};

// Returns the similarity of the pairs of `units` under `options`. Everything
// runs on options.batch.threads threads (a Tokenizer and Matcher each).
// Errors: InvalidArgument for options that do not go together (MinHash with
// theme-cosine, a threshold not above 0 for MinHash, no codebook for
// theme-cosine, bands that do not divide hashes); those of tokenizing and
// matching.
Result<SimilarityResult> unit_similarity(const std::vector<TextUnit>& units, const SimilarityOptions& options);

}  // namespace charterkit
