#include "charterkit/quote.h"

#include <algorithm>

namespace charterkit {
namespace {

struct Pair {
  std::string_view open, close;
};

std::string_view trim_space(std::string_view s, std::size_t& offset) {
  offset = 0;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t')) {
    s.remove_prefix(1);
    ++offset;
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct Word {
  std::string text;  // normalized
  std::size_t begin, end;
  std::size_t segment;
};

}  // namespace

std::vector<Passage> quoted_passages(std::string_view text) {
  static const Pair kPairs[] = {{"“", "”"}, {"«", "»"}, {"„", "“"}, {"\"", "\""}};
  std::vector<Passage> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t best = std::string_view::npos;
    const Pair* pair = nullptr;
    for (const Pair& p : kPairs) {
      const std::size_t at = text.find(p.open, pos);
      if (at < best) {
        best = at;
        pair = &p;
      }
    }
    if (!pair) break;
    const std::size_t inner = best + pair->open.size();
    const std::size_t close = text.find(pair->close, inner);
    if (close == std::string_view::npos) break;
    std::size_t lead = 0;
    const std::string_view body = trim_space(text.substr(inner, close - inner), lead);
    if (!body.empty()) out.push_back({inner + lead, inner + lead + body.size()});
    pos = close + pair->close.size();
  }
  if (out.empty()) {
    std::size_t lead = 0;
    const std::string_view body = trim_space(text, lead);
    if (!body.empty()) out.push_back({lead, lead + body.size()});
  }
  return out;
}

Result<QuoteMatch> find_quote(std::string_view quote, const Document& source, Tokenizer& tokenizer, double threshold) {
  QuoteMatch result;
  result.quote = std::string(quote);
  const auto words_of = [&](std::string_view text, std::size_t base, std::size_t segment,
                            std::vector<Word>& out) -> Status {
    Result<std::vector<Token>> tokens = tokenizer.tokenize(text, base);
    if (!tokens.ok()) return tokens.status();
    for (Token& t : tokens.value()) {
      if (t.kind != TokenKind::kOther) out.push_back({std::move(t.normalized), t.begin, t.end, segment});
    }
    return Status::Ok();
  };
  std::vector<Word> q, s;
  if (Status st = words_of(quote, 0, 0, q); !st.ok()) return st;
  for (std::size_t i = 0; i < source.segments.size(); ++i) {
    const Segment& seg = source.segments[i];
    if (Status st = words_of(source.segment_text(seg), seg.begin, i, s); !st.ok()) return st;
  }
  if (q.empty() || s.empty()) return result;

  // Fitting alignment: the whole quotation against any stretch of the source
  // (free start and end in the source, every quotation word aligned or gapped).
  const int kMatch = 2, kMismatch = -1, kGap = -1;
  const std::size_t rows = q.size() + 1, cols = s.size() + 1;
  std::vector<int> score(rows * cols, 0);
  for (std::size_t i = 1; i < rows; ++i) score[i * cols] = static_cast<int>(i) * kGap;
  for (std::size_t i = 1; i < rows; ++i) {
    for (std::size_t j = 1; j < cols; ++j) {
      const int diagonal = score[(i - 1) * cols + j - 1] + (q[i - 1].text == s[j - 1].text ? kMatch : kMismatch);
      const int up = score[(i - 1) * cols + j] + kGap;
      const int left = score[i * cols + j - 1] + kGap;
      score[i * cols + j] = std::max({diagonal, up, left});
    }
  }
  std::size_t best_j = 1;
  for (std::size_t j = 1; j < cols; ++j) {
    if (score[(rows - 1) * cols + j] > score[(rows - 1) * cols + best_j]) best_j = j;
  }
  // The first best place in the source; at equal score one word further, since a
  // last word replaced says more than one inserted.
  if (best_j + 1 < cols && score[(rows - 1) * cols + best_j + 1] == score[(rows - 1) * cols + best_j]) ++best_j;
  struct Step {
    int qi, sj;  // -1 for a gap
  };
  std::vector<Step> steps;
  std::size_t i = rows - 1, j = best_j;
  while (i > 0) {
    const int v = score[i * cols + j];
    if (j > 0 && v == score[(i - 1) * cols + j - 1] + (q[i - 1].text == s[j - 1].text ? kMatch : kMismatch)) {
      steps.push_back({static_cast<int>(i - 1), static_cast<int>(j - 1)});
      --i;
      --j;
    } else if (v == score[(i - 1) * cols + j] + kGap) {
      steps.push_back({static_cast<int>(i - 1), -1});
      --i;
    } else {
      steps.push_back({-1, static_cast<int>(j - 1)});
      --j;
    }
  }
  std::reverse(steps.begin(), steps.end());
  // Source words skipped at the ends of the alignment are not part of the match.
  while (!steps.empty() && steps.back().qi < 0) steps.pop_back();
  while (!steps.empty() && steps.front().qi < 0) steps.erase(steps.begin());

  std::size_t matches = 0, first_source = SIZE_MAX, last_source = 0;
  for (const Step& st : steps) {
    if (st.sj >= 0) {
      first_source = std::min<std::size_t>(first_source, static_cast<std::size_t>(st.sj));
      last_source = std::max<std::size_t>(last_source, static_cast<std::size_t>(st.sj));
    }
    if (st.qi >= 0 && st.sj >= 0 && q[static_cast<std::size_t>(st.qi)].text == s[static_cast<std::size_t>(st.sj)].text) {
      ++matches;
    }
  }
  if (first_source == SIZE_MAX) return result;
  const std::size_t span_words = last_source - first_source + 1;
  result.similarity = 2.0 * static_cast<double>(matches) / static_cast<double>(q.size() + span_words);
  result.found = result.similarity >= threshold;
  result.begin = s[first_source].begin;
  result.end = s[last_source].end;
  result.source_segment = source.segments[s[first_source].segment].id;

  // Differences: runs of steps that are not matches, as written in each text.
  const auto text_of = [](std::string_view text, const std::vector<Word>& words, const std::vector<int>& idx) {
    if (idx.empty()) return std::string();
    return std::string(text.substr(words[static_cast<std::size_t>(idx.front())].begin,
                                   words[static_cast<std::size_t>(idx.back())].end -
                                       words[static_cast<std::size_t>(idx.front())].begin));
  };
  std::vector<int> run_q, run_s;
  const auto flush = [&] {
    if (run_q.empty() && run_s.empty()) return;
    QuoteDifference d;
    d.op = run_q.empty() ? "delete" : run_s.empty() ? "insert" : "replace";
    d.quote = text_of(quote, q, run_q);
    d.source = text_of(source.text.bytes, s, run_s);
    result.differences.push_back(std::move(d));
    run_q.clear();
    run_s.clear();
  };
  for (const Step& st : steps) {
    const bool match = st.qi >= 0 && st.sj >= 0 &&
                       q[static_cast<std::size_t>(st.qi)].text == s[static_cast<std::size_t>(st.sj)].text;
    if (match) {
      flush();
      continue;
    }
    if (st.qi >= 0) run_q.push_back(st.qi);
    if (st.sj >= 0) run_s.push_back(st.sj);
  }
  flush();
  return result;
}

}  // namespace charterkit
