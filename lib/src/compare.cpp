#include "charterkit/compare.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <set>

#include "parallel.h"
#include "word_ids.h"

namespace charterkit {

double ThemeProfile::rate(std::size_t theme) const {
  return tokens > 0 ? 1000.0 * static_cast<double>(counts[theme]) / static_cast<double>(tokens) : 0.0;
}

Result<ThemeProfile> profile_document(const Document& document, Tokenizer& tokenizer, const Matcher& matcher) {
  Result<std::vector<SegmentMatches>> matches = match_document(document, tokenizer, matcher);
  if (!matches.ok()) return matches.status();
  const Codebook& book = matcher.codebook();
  ThemeProfile p;
  p.document = document.id;
  p.language = document.info.language;
  p.counts.assign(book.themes().size(), 0);
  p.evidence.resize(book.themes().size());
  for (const SegmentMatches& seg : matches.value()) {
    p.tokens += static_cast<std::int64_t>(seg.tokens);
    for (const Hit& h : seg.hits) {
      ++p.counts[h.theme];
      p.evidence[h.theme].push_back(Evidence{document.id, document.segments[seg.segment].id, h.sentence, h.begin, h.end,
                                             document.text.bytes.substr(h.begin, h.end - h.begin),
                                             book.entries()[h.entry].source});
    }
  }
  return p;
}

ThemeOverlap compare_themes(const ThemeProfile& a, const ThemeProfile& b) {
  ThemeOverlap o;
  double dot = 0, na = 0, nb = 0;
  for (std::size_t t = 0; t < a.counts.size() && t < b.counts.size(); ++t) {
    const bool in_a = a.present(t), in_b = b.present(t);
    if (in_a && in_b) o.shared.push_back(t);
    else if (in_a) o.only_a.push_back(t);
    else if (in_b) o.only_b.push_back(t);
    dot += static_cast<double>(a.counts[t]) * static_cast<double>(b.counts[t]);
    na += static_cast<double>(a.counts[t]) * static_cast<double>(a.counts[t]);
    nb += static_cast<double>(b.counts[t]) * static_cast<double>(b.counts[t]);
  }
  const double shared = static_cast<double>(o.shared.size());
  const double size_a = shared + static_cast<double>(o.only_a.size());
  const double size_b = shared + static_cast<double>(o.only_b.size());
  if (size_a + size_b > 0) {
    o.jaccard = shared / (size_a + size_b - shared);
    o.dice = 2 * shared / (size_a + size_b);
  }
  if (std::min(size_a, size_b) > 0) o.overlap = shared / std::min(size_a, size_b);
  if (na > 0 && nb > 0) o.cosine = dot / (std::sqrt(na) * std::sqrt(nb));
  return o;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> sa(a), sb(b);
  std::sort(sa.begin(), sa.end());
  sa.erase(std::unique(sa.begin(), sa.end()), sa.end());
  std::sort(sb.begin(), sb.end());
  sb.erase(std::unique(sb.begin(), sb.end()), sb.end());
  std::size_t common = 0;
  for (std::size_t i = 0, j = 0; i < sa.size() && j < sb.size();) {
    if (sa[i] == sb[j]) { ++common; ++i; ++j; }
    else if (sa[i] < sb[j]) ++i;
    else ++j;
  }
  const std::size_t all = sa.size() + sb.size() - common;
  return all ? static_cast<double>(common) / static_cast<double>(all) : 0.0;
}

Result<std::vector<std::string>> word_types(const Document& document, Tokenizer& tokenizer, const StopWords* stop) {
  std::set<std::string> types;
  for (const Segment& s : document.segments) {
    Result<std::vector<Token>> tokens = tokenizer.tokenize(document.segment_text(s), s.begin);
    if (!tokens.ok()) return tokens.status();
    for (Token& t : tokens.value()) {
      if (t.kind == TokenKind::kOther || (stop && stop->contains(t.normalized))) continue;
      types.insert(std::move(t.normalized));
    }
  }
  return std::vector<std::string>(types.begin(), types.end());
}

Result<std::vector<std::string>> char_ngrams(std::string_view text, std::size_t n, bool normalize, Tokenizer& tokenizer) {
  std::string joined;
  if (normalize) {
    Result<std::vector<Token>> tokens = tokenizer.tokenize(text);
    if (!tokens.ok()) return tokens.status();
    for (const Token& t : tokens.value()) {
      if (!joined.empty()) joined += ' ';
      joined += t.normalized;
    }
    text = joined;
  }
  // Start offsets of the code points.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  starts.push_back(text.size());
  std::set<std::string> grams;
  for (std::size_t i = 0; i + n < starts.size(); ++i) grams.emplace(text.substr(starts[i], starts[i + n] - starts[i]));
  return std::vector<std::string>(grams.begin(), grams.end());
}

std::vector<Keyness> keyness(const std::vector<std::pair<std::string, std::int64_t>>& counts_a, std::int64_t total_a,
                             const std::vector<std::pair<std::string, std::int64_t>>& counts_b, std::int64_t total_b,
                             std::int64_t min_frequency) {
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> both;
  for (const auto& [w, c] : counts_a) both[w].first += c;
  for (const auto& [w, c] : counts_b) both[w].second += c;
  std::vector<Keyness> out;
  const double n_a = static_cast<double>(total_a), n_b = static_cast<double>(total_b);
  for (const auto& [word, ab] : both) {
    if (ab.first + ab.second < min_frequency || n_a <= 0 || n_b <= 0) continue;
    const double a = static_cast<double>(ab.first), b = static_cast<double>(ab.second);
    // Expected counts under the hypothesis that both corpora use the word alike.
    const double e_a = n_a * (a + b) / (n_a + n_b), e_b = n_b * (a + b) / (n_a + n_b);
    double g2 = 0;
    if (a > 0) g2 += a * std::log(a / e_a);
    if (b > 0) g2 += b * std::log(b / e_b);
    g2 *= 2;
    Keyness k;
    k.word = word;
    k.count_a = ab.first;
    k.count_b = ab.second;
    k.g2 = (a / n_a >= b / n_b) ? g2 : -g2;
    k.log_ratio = std::log2(((a > 0 ? a : 0.5) / n_a) / ((b > 0 ? b : 0.5) / n_b));
    k.p_value = std::erfc(std::sqrt(std::max(g2, 0.0) / 2));
    out.push_back(std::move(k));
  }
  std::sort(out.begin(), out.end(), [](const Keyness& x, const Keyness& y) {
    if (x.g2 != y.g2) return x.g2 > y.g2;
    return x.word < y.word;
  });
  return out;
}

Result<std::pair<std::vector<std::pair<std::string, std::int64_t>>, std::int64_t>> word_counts(
    const std::vector<const Document*>& documents, const StopWords* stop, unsigned threads) {
  BatchOptions batch;
  batch.threads = threads;
  return word_counts(documents, stop, batch);
}

Result<std::pair<std::vector<std::pair<std::string, std::int64_t>>, std::int64_t>> word_counts(
    const std::vector<const Document*>& documents, const StopWords* stop, const BatchOptions& batch) {
  // The segments, cut into pieces of about 1 MB: each worker counts its pieces
  // in a hash table of its own; the tables are added up and sorted once, so
  // the result does not depend on the number of threads.
  struct Piece {
    std::size_t document;     // index into documents
    std::size_t first, last;  // segments [first, last)
    std::size_t bytes;
  };
  std::vector<Piece> pieces;
  std::vector<std::size_t> pieces_left(documents.size(), 0);
  BatchProgress progress;
  progress.total = documents.size();
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const Document* d = documents[i];
    std::size_t first = 0, bytes = 0;
    for (std::size_t s = 0; s < d->segments.size(); ++s) {
      bytes += d->segments[s].end - d->segments[s].begin;
      if (bytes >= (1u << 20) || s + 1 == d->segments.size()) {
        pieces.push_back({i, first, s + 1, bytes});
        ++pieces_left[i];
        progress.total_bytes += bytes;
        first = s + 1;
        bytes = 0;
      }
    }
    if (pieces_left[i] == 0) ++progress.done;  // no segment: nothing to count
  }
  std::mutex progress_mutex;
  const unsigned workers = internal::worker_count(batch.threads, pieces.size());
  // Per worker: the words seen (interned) and their counts, by id.
  struct Counts {
    internal::WordIds words;
    std::vector<std::int64_t> of;  // by word id
    void add(std::string_view word, std::int64_t n) {
      const std::uint32_t id = words.intern(word);
      if (id == of.size()) of.push_back(0);
      of[id] += n;
    }
  };
  std::vector<Counts> counts(workers);
  std::vector<std::int64_t> totals(workers, 0);
  std::vector<std::optional<Tokenizer>> tokenizers(workers);
  std::vector<std::vector<Token>> tokens(workers);  // each worker's, reused
  TokenizerOptions options;
  options.sentences = false;
  for (unsigned w = 0; w < workers; ++w) {
    Result<Tokenizer> t = Tokenizer::Create(options);
    if (!t.ok()) return t.status();
    tokenizers[w].emplace(std::move(t).value());
  }
  Status status = internal::parallel_for(pieces.size(), workers, [&](std::size_t i, unsigned w) -> Status {
    Tokenizer& tok = *tokenizers[w];
    const Piece& piece = pieces[i];
    const Document& document = *documents[piece.document];
    for (std::size_t s = piece.first; s < piece.last; ++s) {
      const Segment& segment = document.segments[s];
      Result<std::size_t> n = tok.tokenize_into(document.segment_text(segment), segment.begin, tokens[w]);
      if (!n.ok()) return n.status();
      for (const Token& t : std::span<const Token>(tokens[w].data(), n.value())) {
        if (t.kind == TokenKind::kOther) continue;
        ++totals[w];
        if (stop && stop->contains(t.normalized)) continue;
        counts[w].add(t.normalized, 1);
      }
    }
    if (batch.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      progress.bytes += piece.bytes;
      if (--pieces_left[piece.document] == 0) ++progress.done;
      batch.progress(progress);
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  std::int64_t total = totals[0];
  for (unsigned w = 1; w < workers; ++w) {
    for (std::uint32_t id = 0; id < counts[w].words.size(); ++id) {
      counts[0].add(counts[w].words.word(id), counts[w].of[id]);
    }
    total += totals[w];
  }
  std::vector<std::pair<std::string, std::int64_t>> sorted;
  sorted.reserve(counts[0].words.size());
  for (std::uint32_t id = 0; id < counts[0].words.size(); ++id) {
    sorted.emplace_back(counts[0].words.word(id), counts[0].of[id]);
  }
  std::sort(sorted.begin(), sorted.end());
  return std::make_pair(std::move(sorted), total);
}

}  // namespace charterkit
