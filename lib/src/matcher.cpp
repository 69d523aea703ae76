#include "charterkit/matcher.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "glob.h"
#include "parallel.h"
#include "word_ids.h"

namespace charterkit {

using internal::glob_match;
using internal::glob_prefix;

namespace {

// One alternative of one entry: what the tries and indexes point to.
struct PhraseRef {
  std::size_t entry;
  std::size_t alternative;
  std::size_t length;  // terms (token phrases) or bytes (ideographic)
};

struct TrieNode {
  std::unordered_map<std::string, std::size_t> exact;    // next word -> node
  std::vector<std::pair<std::string, std::size_t>> globs;  // next glob -> node
  std::vector<std::size_t> ends;                          // phrases ending here (index into phrases)
};

// Byte trie of glob prefixes, for the first term of phrases.
struct PrefixTrie {
  struct Node {
    std::unordered_map<unsigned char, std::size_t> next;
    std::vector<std::pair<std::string, std::size_t>> globs;  // glob -> phrase-trie node
  };
  std::vector<Node> nodes{Node{}};

  void add(const std::string& glob, std::size_t target) {
    std::size_t n = 0;
    for (unsigned char c : glob_prefix(glob)) {
      auto it = nodes[n].next.find(c);
      if (it == nodes[n].next.end()) {
        nodes.emplace_back();
        it = nodes[n].next.emplace(c, nodes.size() - 1).first;
      }
      n = it->second;
    }
    nodes[n].globs.emplace_back(glob, target);
  }

  // Appends the targets of every glob that matches `word`.
  void match(std::string_view word, std::vector<std::size_t>& out) const {
    std::size_t n = 0;
    for (std::size_t i = 0;; ++i) {
      for (const auto& [glob, target] : nodes[n].globs) {
        if (glob_match(glob, word)) out.push_back(target);
      }
      if (i == word.size()) break;
      auto it = nodes[n].next.find(static_cast<unsigned char>(word[i]));
      if (it == nodes[n].next.end()) break;
      n = it->second;
    }
  }
};

// Which words may be the first term of some phrase, by their first three
// bytes (or the whole word when shorter), hashed into a bitmap that fits the
// L1/L2 cache. No false negatives: a word whose bit is clear is neither a root
// word nor matched by a root glob, so the word cache is not consulted for it,
// and most words of running text are never looked up. Globs whose literal
// prefix is shorter than three bytes let through every word starting with
// that prefix (every word when the glob starts with a wildcard).
class StartFilter {
 public:
  void add_word(std::string_view word) { set(key(word)); }
  void add_glob(std::string_view prefix) {
    if (prefix.size() >= 3) {
      set(key(prefix.substr(0, 3)));  // every word it matches starts with these bytes
    } else if (prefix.empty()) {
      all_ = true;
    } else {
      short_globs_.emplace_back(prefix);
    }
  }
  bool may_start(std::string_view word) const {
    if (all_ || bits_[index(key(word))]) return true;
    for (const std::string& p : short_globs_) {
      if (word.substr(0, p.size()) == p) return true;
    }
    return false;
  }

 private:
  static constexpr std::uint32_t kShortBit = 1u << 31;
  // The first three bytes and, for shorter words, their length.
  static std::uint32_t key(std::string_view w) {
    std::uint32_t k = 0;
    for (std::size_t i = 0; i < 3 && i < w.size(); ++i) k |= std::uint32_t{static_cast<unsigned char>(w[i])} << (8 * i);
    return w.size() >= 3 ? k : k | kShortBit | (static_cast<std::uint32_t>(w.size()) << 24);
  }
  static std::size_t index(std::uint32_t k) { return (k * 2654435761u) >> 16; }
  void set(std::uint32_t k) { bits_[index(k)] = true; }

  std::vector<bool> bits_ = std::vector<bool>(std::size_t{1} << 16);
  std::vector<std::string> short_globs_;
  bool all_ = false;
};

std::size_t utf8_length(unsigned char lead) { return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

std::string_view primary(std::string_view language) { return language.substr(0, language.find('-')); }

// The codebook compiled for one language: only the entries the language uses
// are in its tries, so words of other languages' entries are never looked at.
struct Compiled {
  std::vector<PhraseRef> phrases;
  std::vector<TrieNode> trie{TrieNode{}};  // node 0 is the root; its globs live in `prefixes`
  PrefixTrie prefixes;
  StartFilter starts;  // words that may start a phrase
  // Ideographic phrases by their first character.
  std::unordered_map<std::string, std::vector<std::size_t>> ideographic;
  // Cache: word -> the trie nodes its first-term matches lead to, by the
  // word's id. Bounded: cleared when it holds 2^20 words.
  internal::WordIds first_words;
  std::vector<std::vector<std::size_t>> first_cache;

  const std::vector<std::size_t>& first_nodes(const std::string& word) {
    const std::uint64_t hash = internal::hash_word(word);
    if (const std::uint32_t id = first_words.find(word, hash); id != internal::WordIds::kNone) return first_cache[id];
    if (first_words.size() >= (1u << 20)) {
      first_words.clear();
      first_cache.clear();
    }
    std::vector<std::size_t> nodes;
    auto exact = trie[0].exact.find(word);
    if (exact != trie[0].exact.end()) nodes.push_back(exact->second);
    prefixes.match(word, nodes);
    first_words.intern(word, hash);
    first_cache.push_back(std::move(nodes));
    return first_cache.back();
  }

  void add(const Codebook& codebook, std::size_t e);
};

// Adds the alternatives of entry `e` to the tries.
void Compiled::add(const Codebook& codebook, std::size_t e) {
  const Entry& entry = codebook.entries()[e];
  for (std::size_t a = 0; a < entry.alternatives.size(); ++a) {
    const Phrase& phrase = entry.alternatives[a];
    const std::size_t id = phrases.size();
    if (phrase.ideographic) {
      const std::string& text = phrase.terms[0].text;
      phrases.push_back({e, a, text.size()});
      ideographic[text.substr(0, utf8_length(static_cast<unsigned char>(text[0])))].push_back(id);
      continue;
    }
    phrases.push_back({e, a, phrase.terms.size()});
    std::size_t node = 0;
    for (std::size_t t = 0; t < phrase.terms.size(); ++t) {
      const Term& term = phrase.terms[t];
      std::size_t next = SIZE_MAX;
      if (!term.glob) {
        auto it = trie[node].exact.find(term.text);
        if (it != trie[node].exact.end()) next = it->second;
      } else {
        // Root globs are also kept in trie[0].globs to find them again here.
        for (const auto& [glob, child] : trie[node].globs) {
          if (glob == term.text) next = child;
        }
      }
      if (next == SIZE_MAX) {
        trie.emplace_back();
        next = trie.size() - 1;
        if (!term.glob) {
          trie[node].exact.emplace(term.text, next);
          if (node == 0) starts.add_word(term.text);
        } else {
          trie[node].globs.emplace_back(term.text, next);
          if (node == 0) {
            prefixes.add(term.text, next);
            starts.add_glob(glob_prefix(term.text));
          }
        }
      }
      node = next;
    }
    trie[node].ends.push_back(id);
  }
}

}  // namespace

struct Matcher::Impl {
  const Codebook* codebook = nullptr;
  // Compiled on first use, by primary language subtag ("" for all entries).
  mutable std::unordered_map<std::string, std::unique_ptr<Compiled>> compiled;

  static bool uses(const Entry& e, std::string_view language) {
    if (e.language == "*" || language.empty()) return true;
    return primary(e.language) == language;
  }

  Compiled& for_language(std::string_view language) const {
    std::string key(primary(language) == "und" ? std::string_view() : primary(language));
    auto it = compiled.find(key);
    if (it != compiled.end()) return *it->second;
    auto c = std::make_unique<Compiled>();
    const auto& entries = codebook->entries();
    for (std::size_t e = 0; e < entries.size(); ++e) {
      if (uses(entries[e], key)) c->add(*codebook, e);
    }
    return *compiled.emplace(std::move(key), std::move(c)).first->second;
  }
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

const Codebook& Matcher::codebook() const { return *impl_->codebook; }

Result<Matcher> Matcher::Compile(const Codebook& codebook) {
  auto impl = std::make_unique<Impl>();
  impl->codebook = &codebook;
  return Matcher(std::move(impl));
}

std::vector<Hit> Matcher::match(std::span<const Token> tokens, std::string_view language,
                                const MatchOptions& options) const {
  const Codebook& codebook = *impl_->codebook;
  Compiled& m = impl_->for_language(language);
  const auto& entries = codebook.entries();
  // Raw matches of every phrase alternative: (phrase id, first token, last token).
  struct Raw {
    std::size_t phrase, first, last;
  };
  std::vector<Raw> raw;

  // Token phrases: walk the trie from each position.
  std::vector<std::size_t> frontier, next_frontier;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kIdeographic || !m.starts.may_start(tokens[i].normalized)) continue;
    frontier = m.first_nodes(tokens[i].normalized);
    for (std::size_t j = i + 1; !frontier.empty(); ++j) {
      next_frontier.clear();
      for (std::size_t node : frontier) {
        for (std::size_t p : m.trie[node].ends) raw.push_back({p, i, j});
        if (j >= tokens.size()) continue;
        const std::string& word = tokens[j].normalized;
        auto it = m.trie[node].exact.find(word);
        if (it != m.trie[node].exact.end()) next_frontier.push_back(it->second);
        for (const auto& [glob, child] : m.trie[node].globs) {
          if (glob_match(glob, word)) next_frontier.push_back(child);
        }
      }
      frontier.swap(next_frontier);
    }
  }

  // Ideographic phrases: character sequences over runs of adjacent ideographic tokens.
  if (!m.ideographic.empty()) {
    std::size_t i = 0;
    while (i < tokens.size()) {
      if (tokens[i].kind != TokenKind::kIdeographic) { ++i; continue; }
      std::size_t j = i + 1;
      while (j < tokens.size() && tokens[j].kind == TokenKind::kIdeographic && tokens[j].begin == tokens[j - 1].end) ++j;
      std::string run;
      std::vector<std::size_t> owner;  // byte of run -> token
      for (std::size_t k = i; k < j; ++k) {
        run += tokens[k].normalized;
        owner.resize(run.size(), k);
      }
      for (std::size_t p = 0; p < run.size(); p += utf8_length(static_cast<unsigned char>(run[p]))) {
        auto it = m.ideographic.find(run.substr(p, utf8_length(static_cast<unsigned char>(run[p]))));
        if (it == m.ideographic.end()) continue;
        for (std::size_t id : it->second) {
          const PhraseRef& ref = m.phrases[id];
          const std::string& text = entries[ref.entry].alternatives[ref.alternative].terms[0].text;
          if (run.compare(p, text.size(), text) == 0) raw.push_back({id, owner[p], owner[p + text.size() - 1] + 1});
        }
      }
      i = j;
    }
  }

  // Turn raw matches into hits: words, globs and phrases directly; rules by pairing operands.
  std::vector<Hit> hits;
  const auto make_hit = [&](std::size_t entry, std::size_t first, std::size_t last) {
    Hit h;
    h.theme = entries[entry].theme;
    h.entry = entry;
    h.first_token = first;
    h.last_token = last;
    h.sentence = tokens[first].sentence;
    h.begin = tokens[first].begin;
    h.end = tokens[last - 1].end;
    return h;
  };
  std::unordered_map<std::size_t, std::pair<std::vector<Raw>, std::vector<Raw>>> operands;  // rule entry -> (left, right)
  for (const Raw& r : raw) {
    const PhraseRef& ref = m.phrases[r.phrase];
    const Entry& e = entries[ref.entry];
    if (e.kind == EntryKind::kNear || e.kind == EntryKind::kBefore) {
      auto& sides = operands[ref.entry];
      (ref.alternative < e.left_count ? sides.first : sides.second).push_back(r);
    } else {
      hits.push_back(make_hit(ref.entry, r.first, r.last));
    }
  }
  std::vector<std::size_t> rules;
  for (const auto& kv : operands) rules.push_back(kv.first);
  std::sort(rules.begin(), rules.end());  // deterministic order
  for (std::size_t entry : rules) {
    const Entry& e = entries[entry];
    // Not a structured binding: lambdas below capture `right` (clang before 16 cannot).
    const std::vector<Raw>& left = operands[entry].first;
    const std::vector<Raw>& right = operands[entry].second;
    // The right operands by first token (their order of discovery kept among
    // equals), so that each left operand looks only at those within reach of
    // the window rather than at all of them: rules are linear, not quadratic,
    // in the length of a segment.
    std::vector<std::size_t> by_first(right.size());
    std::size_t longest = 0;
    for (std::size_t r = 0; r < right.size(); ++r) {
      by_first[r] = r;
      longest = std::max(longest, right[r].last - right[r].first);
    }
    std::stable_sort(by_first.begin(), by_first.end(),
                     [&](std::size_t a, std::size_t b) { return right[a].first < right[b].first; });
    for (const Raw& l : left) {
      // Pair each left operand with the closest right operand in its sentence
      // (the first found of equally close ones). A right operand after it
      // starts at most `window` tokens after its end; one before it (NEAR)
      // ends at most `window` tokens before its start.
      const std::size_t from = e.kind != EntryKind::kNear ? l.last : l.first > e.window + longest ? l.first - e.window - longest : 0;
      const std::size_t to = l.last + e.window;  // last start in reach
      auto it = std::lower_bound(by_first.begin(), by_first.end(), from,
                                 [&](std::size_t r, std::size_t value) { return right[r].first < value; });
      const Raw* best = nullptr;
      std::size_t best_gap = SIZE_MAX, best_index = SIZE_MAX;
      for (; it != by_first.end() && right[*it].first <= to; ++it) {
        const Raw& r = right[*it];
        if (tokens[r.first].sentence != tokens[l.first].sentence) continue;
        std::size_t gap;
        if (r.first >= l.last) {
          gap = r.first - l.last;
        } else if (e.kind == EntryKind::kNear && l.first >= r.last) {
          gap = l.first - r.last;
        } else {
          continue;  // overlapping operands, or B before A in a BEFORE rule
        }
        if (gap <= e.window && (gap < best_gap || (gap == best_gap && *it < best_index))) {
          best = &r;
          best_gap = gap;
          best_index = *it;
        }
      }
      if (best) {
        Hit h = make_hit(entry, std::min(l.first, best->first), std::max(l.last, best->last));
        h.gap_first = std::min(l.last, best->last);
        h.gap_last = std::max(l.first, best->first);
        if (h.gap_first > h.gap_last) h.gap_first = h.gap_last = 0;
        hits.push_back(h);
      }
    }
  }
  // The same span found twice by one entry (two alternatives, two pairings) counts once.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return std::tie(a.first_token, a.last_token, a.entry) < std::tie(b.first_token, b.last_token, b.entry);
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const Hit& a, const Hit& b) {
                           return a.first_token == b.first_token && a.last_token == b.last_token && a.entry == b.entry;
                         }),
             hits.end());
  if (options.raw) return hits;

  // 1. Exclusions cancel matches inside them. Hits and exclusions are short,
  // so each token a hit covers keeps the list of exclusions (then of kept
  // hits) covering it; only those tokens have a list, found by binary search
  // in `covered`, so the lists take memory by the hits, not by the text.
  if (hits.empty()) return hits;
  std::vector<std::size_t> covered;
  for (const Hit& h : hits) {
    for (std::size_t t = h.first_token; t < h.last_token; ++t) covered.push_back(t);
  }
  std::sort(covered.begin(), covered.end());
  covered.erase(std::unique(covered.begin(), covered.end()), covered.end());
  std::vector<std::vector<std::size_t>> lists(covered.size());
  // REQUIRES: token t is covered by a hit.
  const auto covering = [&](std::size_t t) -> std::vector<std::size_t>& {
    return lists[static_cast<std::size_t>(std::lower_bound(covered.begin(), covered.end(), t) - covered.begin())];
  };
  std::vector<Hit> exclusions, counted;
  for (const Hit& h : hits) (entries[h.entry].exclusion ? exclusions : counted).push_back(h);
  for (std::size_t x = 0; x < exclusions.size(); ++x) {
    for (std::size_t t = exclusions[x].first_token; t < exclusions[x].last_token; ++t) covering(t).push_back(x);
  }
  counted.erase(std::remove_if(counted.begin(), counted.end(),
                               [&](const Hit& h) {
                                 const std::vector<std::size_t>& over = covering(h.first_token);
                                 return std::any_of(over.begin(), over.end(),
                                                    [&](std::size_t x) {
                                                      const Hit& e = exclusions[x];
                                                      return (e.theme == h.theme || e.theme == SIZE_MAX) &&
                                                             h.last_token <= e.last_token;
                                                    });
                               }),
                counted.end());
  // 2 and 3. Longest first; a hit is kept unless it overlaps a kept hit of the
  // same theme, or of a theme it may not share tokens with.
  const auto is_rule = [&](const Hit& h) {
    return entries[h.entry].kind == EntryKind::kNear || entries[h.entry].kind == EntryKind::kBefore;
  };
  std::stable_sort(counted.begin(), counted.end(), [&](const Hit& a, const Hit& b) {
    const std::size_t la = a.last_token - a.first_token, lb = b.last_token - b.first_token;
    if (la != lb) return la > lb;
    if (is_rule(a) != is_rule(b)) return !is_rule(a);  // a phrase says more than a window of the same length
    if (a.theme != b.theme) return a.theme < b.theme;
    return std::tie(a.first_token, a.entry) < std::tie(b.first_token, b.entry);
  });
  for (auto& list : lists) list.clear();
  std::vector<Hit> kept;
  const auto in_gap = [](const Hit& h, std::size_t t) { return t >= h.gap_first && t < h.gap_last; };
  for (const Hit& h : counted) {
    bool blocked = false;
    for (std::size_t t = h.first_token; t < h.last_token && !blocked; ++t) {
      for (std::size_t k : covering(t)) {
        // Gap words are nobody's: they neither block nor are blocked across themes.
        if (kept[k].theme != h.theme && (in_gap(h, t) || in_gap(kept[k], t))) continue;
        if (kept[k].theme == h.theme || !codebook.may_overlap(h.theme, kept[k].theme)) {
          blocked = true;
          break;
        }
      }
    }
    if (blocked) continue;
    for (std::size_t t = h.first_token; t < h.last_token; ++t) covering(t).push_back(kept.size());
    kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) {
    return std::tie(a.first_token, a.theme, a.last_token) < std::tie(b.first_token, b.theme, b.last_token);
  });
  return kept;
}

Result<std::vector<SegmentMatches>> match_document(const Document& document, Tokenizer& tokenizer,
                                                   const Matcher& matcher, const MatchOptions& options) {
  std::vector<SegmentMatches> out;
  std::vector<Token> tokens;  // reused from segment to segment
  for (std::size_t s = 0; s < document.segments.size(); ++s) {
    const Segment& segment = document.segments[s];
    Result<std::size_t> n = tokenizer.tokenize_into(document.segment_text(segment), segment.begin, tokens);
    if (!n.ok()) return n.status();
    SegmentMatches m;
    m.segment = s;
    m.tokens = n.value();
    m.hits = matcher.match(std::span<const Token>(tokens.data(), n.value()), document.info.language, options);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<std::vector<SegmentMatches>>> match_documents(const std::vector<Document>& documents,
                                                                 const Codebook& codebook, const BatchOptions& batch,
                                                                 const MatchOptions& options) {
  const unsigned workers = internal::worker_count(batch.threads, documents.size());
  // One tokenizer and matcher per thread: both keep per-call state.
  std::vector<std::optional<Tokenizer>> tokenizers(workers);
  std::vector<std::optional<Matcher>> matchers(workers);
  for (unsigned w = 0; w < workers; ++w) {
    Result<Tokenizer> t = Tokenizer::Create();
    if (!t.ok()) return t.status();
    tokenizers[w].emplace(std::move(t).value());
    Result<Matcher> m = Matcher::Compile(codebook);
    if (!m.ok()) return m.status();
    matchers[w].emplace(std::move(m).value());
  }
  std::vector<std::vector<SegmentMatches>> out(documents.size());
  std::mutex progress_mutex;
  BatchProgress progress;
  progress.total = documents.size();
  for (const Document& d : documents) progress.total_bytes += d.text.bytes.size();
  Status s = internal::parallel_for(documents.size(), workers, [&](std::size_t i, unsigned w) -> Status {
    Result<std::vector<SegmentMatches>> m = match_document(documents[i], *tokenizers[w], *matchers[w], options);
    if (!m.ok()) return m.status();
    out[i] = std::move(m).value();
    if (batch.progress) {
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++progress.done;
      progress.bytes += documents[i].text.bytes.size();
      batch.progress(progress);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace charterkit
