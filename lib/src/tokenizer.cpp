#include "charterkit/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/localpointer.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <mutex>

#include "icu_util.h"

namespace charterkit {

using internal::icu_error;

std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kIdeographic: return "ideographic";
    case TokenKind::kOther: return "other";
  }
  return "other";
}

struct FastTable;

namespace {

// Where tokens are written: the elements of a vector, reused from one call to
// the next (a token's string keeps its storage), of which the first `size`
// are this call's tokens.
struct TokenOut {
  std::vector<Token>& slots;
  std::size_t size = 0;

  // The next token. Its fields hold whatever the slot held: set them all.
  Token& add() {
    if (size == slots.size()) slots.emplace_back();
    return slots[size++];
  }
  Token& operator[](std::size_t k) { return slots[k]; }
  // Numbers the tokens, all in sentence 0 (TokenizerOptions::sentences = false).
  void number_without_sentences() {
    for (std::size_t k = 0; k < size; ++k) {
      slots[k].position = k;
      slots[k].sentence = 0;
    }
  }
  std::vector<Token>::iterator at(std::size_t k) { return slots.begin() + static_cast<std::ptrdiff_t>(k); }
};

}  // namespace

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  const icu::Normalizer2* nfkc_cf = nullptr;  // owned by ICU
  const FastTable* fast = nullptr;            // nullptr: ICU for everything
  bool sentences_on = true;                  // TokenizerOptions::sentences

  Status normalize_into(std::string_view text, std::string& out) const;
  Status icu_tokens(std::string_view text, std::size_t from, std::size_t to, std::size_t base, TokenOut& out);
  Status tokenize_reference(std::string_view text, std::size_t base, TokenOut& out);
  Status tokenize_fast(std::string_view text, std::size_t base, TokenOut& out);
  Status number_sentences(std::string_view text, std::size_t base,
                          const std::vector<std::pair<std::size_t, std::size_t>>& candidates, TokenOut& tokens);
  int quick_sentence_end(std::string_view text, std::size_t e1, std::size_t b2) const;
  Result<bool> icu_sentence_end(std::string_view text, std::size_t w0, std::size_t b1, std::size_t b2);
  std::string window;  // the text ICU's sentence iterator is looking at
  std::vector<std::pair<std::size_t, std::size_t>> candidate_ranges;  // see tokenize_fast
  TokenizerStats stats;
  static Result<std::unique_ptr<FastTable>> build_fast_table(const icu::Normalizer2& nfkc_cf);
};

namespace {

// Opens a UText on `text` (no copy) and hands it to `iterator`.
// The iterator keeps a shallow clone, so the UText may be closed afterwards,
// but `text` must outlive the iteration.
Status attach(icu::BreakIterator& iterator, std::string_view text) {
  if (text.size() >= static_cast<std::size_t>(INT32_MAX)) {
    return Status::InvalidInput("text of " + std::to_string(text.size()) +
                                " bytes is too large (the limit is 2 GiB per document)");
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUTextPointer ut(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) return icu_error("utext_openUTF8", status);
  iterator.setText(ut.getAlias(), status);
  if (U_FAILURE(status)) return icu_error("BreakIterator::setText", status);
  return Status::Ok();
}

// Returns true iff the segment holds a character that is neither white space,
// punctuation nor a control or format character (a symbol, an emoji, ...).
bool has_symbol(std::string_view segment) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(segment.size());
  const auto* s = reinterpret_cast<const uint8_t*>(segment.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const uint32_t mask = U_GET_GC_MASK(c);
    if ((mask & (U_GC_Z_MASK | U_GC_P_MASK | U_GC_CC_MASK | U_GC_CF_MASK)) == 0) return true;
  }
  return false;
}

TokenKind kind_of(int32_t rule_status) {
  if (rule_status >= UBRK_WORD_NUMBER && rule_status < UBRK_WORD_NUMBER_LIMIT) return TokenKind::kNumber;
  if (rule_status >= UBRK_WORD_LETTER && rule_status < UBRK_WORD_LETTER_LIMIT) return TokenKind::kWord;
  if (rule_status >= UBRK_WORD_KANA && rule_status < UBRK_WORD_IDEO_LIMIT) return TokenKind::kIdeographic;
  return TokenKind::kOther;
}

// Returns a copy of `text` of the same length in which each single line break
// (LF, CR or CRLF not followed by another after optional spaces or tabs) is
// replaced by spaces, so that ICU's sentence rules end sentences at empty
// lines but not at wrapped lines. Offsets in the copy equal those in `text`.
std::string join_wrapped_lines(std::string_view text) {
  std::string out(text);
  const std::size_t n = out.size();
  std::size_t i = 0;
  while (i < n) {
    if (out[i] != '\n' && out[i] != '\r') { ++i; continue; }
    const std::size_t start = i;
    i += (out[i] == '\r' && i + 1 < n && out[i + 1] == '\n') ? 2 : 1;
    std::size_t j = i;
    while (j < n && (out[j] == ' ' || out[j] == '\t')) ++j;
    const bool paragraph_end = j >= n || out[j] == '\n' || out[j] == '\r';
    if (paragraph_end) {
      // Leave this break and the following ones alone.
      while (i < n && (out[i] == '\n' || out[i] == '\r' || out[i] == ' ' || out[i] == '\t')) ++i;
    } else {
      for (std::size_t k = start; k < i; ++k) out[k] = ' ';
    }
  }
  return out;
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------
// The fast path.
//
// ICU's word rules (UAX #29) join characters only through letters, digits,
// the "mid" characters between them (apostrophe, full stop, comma, ...),
// connectors, combining and format characters, emoji sequences, regional
// indicators, Hebrew and Katakana, and dictionaries for scripts without
// spaces. Between ASCII white space and a letter, digit, punctuation mark or
// symbol a boundary is certain. So the text is cut at ASCII white space into
// spans; a span made only of "fast" characters (below U+0800: letters, digits,
// punctuation, symbols) is cut here: a run of letters and digits is one word,
// every symbol is a token of its own, punctuation is not a token. A span with
// anything else, or with a mid character between two letters or digits, goes
// to ICU together with the white space before it (a combining mark after a
// space joins the space). The table of fast characters is built from ICU's
// character properties and then checked against ICU's own segmentation of
// every fast character in many contexts; a character whose behaviour differs
// is left to ICU.
// ---------------------------------------------------------------------------

enum CharClass : std::uint8_t { kSlow = 0, kSpace, kLetter, kDigit, kMid, kPunct, kSymbol };
// What a mid character joins when it stands between two of them.
enum MidJoin : std::uint8_t { kJoinsNothing = 0, kJoinsLetters = 1, kJoinsDigits = 2 };
// Sentence flags: what a character does to "a sentence may end here".
enum SentenceFlag : std::uint8_t { kSbClear = 0, kSbKeep, kSbSet };

constexpr UChar32 kFastLimit = 0x800;  // one- and two-byte UTF-8

}  // namespace

struct FastTable {
  std::array<std::uint8_t, kFastLimit> cls{};
  std::array<std::uint8_t, kFastLimit> sentence{};  // SentenceFlag
  std::array<std::uint8_t, kFastLimit> letter{};    // SentenceLetter
  std::array<std::uint32_t, kFastLimit + 1> map_begin{};  // NFKC_Casefold of each character,
  std::string maps;                                        // concatenated
  std::array<bool, kFastLimit> same_length{};  // the mapping has as many UTF-8 bytes as the character
  std::array<bool, 256> ascii_word{};          // ASCII letters and digits, by byte
  std::array<std::uint8_t, kFastLimit> mid_join{};  // MidJoin bits of each kMid character
  std::array<bool, 256> may_set{};  // bytes that may begin a character that may end a sentence
  std::string_view map(UChar32 c) const {
    return std::string_view(maps).substr(map_begin[c], map_begin[c + 1] - map_begin[c]);
  }
};

namespace {

constexpr std::array<bool, 256> kSpaceByte = [] {
  std::array<bool, 256> table{};
  for (unsigned char b : {' ', '\t', '\n', '\r', '\v', '\f'}) table[b] = true;
  return table;
}();

inline bool is_space_byte(unsigned char b) { return kSpaceByte[b]; }

// Decodes the character at `i` if it has one or two bytes; returns its length,
// or 0 for a longer sequence. REQUIRES: well-formed UTF-8, i < text.size().
inline std::size_t decode_short(std::string_view text, std::size_t i, UChar32& c) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    c = b;
    return 1;
  }
  if ((b & 0xE0) == 0xC0) {
    c = ((b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
    return 2;
  }
  return 0;
}

std::uint8_t sentence_flag(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_ATERM: case U_SB_STERM: case U_SB_SEP: case U_SB_CR: case U_SB_LF:
      return kSbSet;
    case U_SB_CLOSE: case U_SB_SP: case U_SB_EXTEND: case U_SB_FORMAT:
      return kSbKeep;
    default:
      return kSbClear;
  }
}

std::uint8_t classify(UChar32 c, const icu::Normalizer2& nfkc_cf) {
  if (c < 0x80 && is_space_byte(static_cast<unsigned char>(c))) return kSpace;
  if (!nfkc_cf.hasBoundaryBefore(c) || u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) return kSlow;
  const uint32_t gc = U_GET_GC_MASK(c);
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_ALETTER:
      return (gc & U_GC_L_MASK) ? kLetter : kSlow;
    case U_WB_NUMERIC:
      return (gc & U_GC_ND_MASK) ? kDigit : kSlow;
    case U_WB_MIDLETTER: case U_WB_MIDNUM: case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: case U_WB_DOUBLE_QUOTE:
      return kMid;
    case U_WB_OTHER:
      if (c == ':') return kMid;  // MidLetter in some tailorings
      if (gc & (U_GC_P_MASK | U_GC_CC_MASK)) return kPunct;
      if (gc & (U_GC_S_MASK | U_GC_NO_MASK)) return kSymbol;
      return kSlow;
    default:
      return kSlow;
  }
}

// What the mid character `c` joins, by its word-break property. ICU's root
// rules take the colon out of MidLetter; fast_span's ASCII folding leaves
// only bytes below 0x40 alone. The probes in build_fast_table check the rest.
std::uint8_t mid_join_of(UChar32 c) {
  if (c == ':' || (c >= 0x40 && c < 0x80)) return kJoinsNothing;
  switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
    case U_WB_MIDLETTER: return kJoinsLetters;
    case U_WB_MIDNUM: return kJoinsDigits;
    case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return kJoinsLetters | kJoinsDigits;
    default: return kJoinsNothing;
  }
}

// Cuts the span of `text` that starts at `s` and ends before the next ASCII
// white space (or the end), and appends its tokens to `out`; sets `end` to
// where the span ends, and `first_terminator` to where its first character
// that may end a sentence (SB flag kSbSet) begins, or SIZE_MAX. Returns false,
// with `out` as it was, if the span needs ICU.
bool fast_span(const FastTable& t, std::string_view text, std::size_t s, std::size_t base, TokenOut& out,
               std::size_t& end, std::size_t& first_terminator) {
  const std::size_t mark = out.size;
  first_terminator = SIZE_MAX;
  const auto note_terminator = [&](UChar32 c, std::size_t at) {
    if (t.sentence[c] == kSbSet && first_terminator == SIZE_MAX) first_terminator = at;
  };
  const std::size_t e = text.size();
  std::size_t i = s;
  while (i < e) {
    UChar32 c;
    std::size_t len = decode_short(text, i, c);
    if (len == 0) break;
    const std::uint8_t cls = t.cls[c];
    if (cls == kSpace) {
      end = i;
      return true;
    }
    if (cls == kLetter || cls == kDigit) {
      // The run of letters and digits.
      const std::size_t start = i;
      bool ascii = true, same_length = true;
      // The last character before `i`: ASCII, or two bytes.
      const auto last_before = [&](std::size_t at) {
        UChar32 last = static_cast<unsigned char>(text[at - 1]);
        if (last >= 0x80) decode_short(text, at - 2, last);
        return last;
      };
      while (true) {
        while (i < e && t.ascii_word[static_cast<unsigned char>(text[i])]) ++i;  // a byte each
        if (i >= e) break;
        len = decode_short(text, i, c);
        if (len == 2 && (t.cls[c] == kLetter || t.cls[c] == kDigit)) {
          ascii = false;
          same_length = same_length && t.same_length[c];
          i += 2;
          continue;
        }
        // A mid character between two letters or two digits that it joins
        // (UAX #29 WB6, WB7, WB11, WB12): "U.N", "1,000", "l'Organisation".
        if (len == 0 || t.mid_join[c] == 0 || i + len >= e) break;
        UChar32 after;
        if (decode_short(text, i + len, after) == 0) break;
        const std::uint8_t before_cls = t.cls[last_before(i)], after_cls = t.cls[after];
        const bool joins = (before_cls == kLetter && after_cls == kLetter && (t.mid_join[c] & kJoinsLetters)) ||
                           (before_cls == kDigit && after_cls == kDigit && (t.mid_join[c] & kJoinsDigits));
        if (!joins) break;
        note_terminator(c, i);
        ascii = ascii && len == 1;
        same_length = same_length && t.same_length[c];
        i += len;
      }
      const UChar32 last = last_before(i);
      Token& token = out.add();
      token.begin = base + start;
      token.end = base + i;
      token.kind = t.cls[last] == kDigit ? TokenKind::kNumber : TokenKind::kWord;
      // The normalized form: when every character maps to as many bytes as
      // it has (ASCII, and nearly every letter below U+0800), the run's own
      // bytes with each mapping written over them; else built anew.
      const std::size_t length = i - start;
      if (ascii) {
        token.normalized.assign(text.data() + start, length);
        char* to = token.normalized.data();
        // Letters and digits only: bit 0x40 marks a letter, and 0x20 makes it lower case.
        for (std::size_t j = 0; j < length; ++j) to[j] = static_cast<char>(to[j] | ((to[j] & 0x40) >> 1));
      } else if (same_length) {
        token.normalized.assign(text.data() + start, length);
        char* to = token.normalized.data() - start;
        for (std::size_t j = start; j < i;) {
          UChar32 d = 0;
          const std::size_t l = decode_short(text, j, d);
          const char* from = t.maps.data() + t.map_begin[d];
          to[j] = from[0];
          if (l == 2) to[j + 1] = from[1];
          j += l;
        }
      } else {
        std::size_t normalized_length = 0;
        for (std::size_t j = start; j < i;) {
          UChar32 d = 0;
          j += decode_short(text, j, d);
          normalized_length += t.map_begin[d + 1] - t.map_begin[d];
        }
        token.normalized.resize(normalized_length);
        char* to = token.normalized.data();
        for (std::size_t j = start; j < i;) {
          UChar32 d = 0;
          j += decode_short(text, j, d);
          const char* from = t.maps.data() + t.map_begin[d];
          const char* const until = t.maps.data() + t.map_begin[d + 1];
          while (from < until) *to++ = *from++;
        }
      }
    } else if (cls == kMid || cls == kPunct) {
      note_terminator(c, i);
      i += len;
    } else if (cls == kSymbol) {
      note_terminator(c, i);
      Token& token = out.add();
      token.begin = base + i;
      token.end = base + i + len;
      token.kind = TokenKind::kOther;
      token.normalized.assign(t.map(c));
      i += len;
    } else {
      break;
    }
  }
  if (i >= e) {
    end = e;
    return true;
  }
  out.size = mark;
  while (i < e && !is_space_byte(static_cast<unsigned char>(text[i]))) ++i;
  end = i;
  return false;
}

}  // namespace

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

// Cuts [from, to) of `text` with ICU and appends its tokens (position and
// sentence not set). `from` must be a certain word boundary.
Status Tokenizer::Impl::icu_tokens(std::string_view text, std::size_t from, std::size_t to, std::size_t base,
                                   TokenOut& out) {
  const std::string_view part = text.substr(from, to - from);
  if (Status s = attach(*words, part); !s.ok()) return s;
  int32_t begin = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; begin = end, end = words->next()) {
    const std::string_view piece = part.substr(begin, end - begin);
    const int32_t rule_status = words->getRuleStatus();
    const bool is_word = rule_status >= UBRK_WORD_NONE_LIMIT;
    if (!is_word && !has_symbol(piece)) continue;
    Token& token = out.add();
    token.begin = base + from + static_cast<std::size_t>(begin);
    token.end = base + from + static_cast<std::size_t>(end);
    token.kind = is_word ? kind_of(rule_status) : TokenKind::kOther;
    if (Status st = normalize_into(piece, token.normalized); !st.ok()) return st;
  }
  return Status::Ok();
}

Status Tokenizer::Impl::tokenize_fast(std::string_view text, std::size_t base, TokenOut& tokens) {
  // Where a sentence may end: the byte ranges that hold every character that
  // may end one (a terminator, a line break) and every span ICU cut; the
  // sentence scan looks only inside them.
  std::vector<std::pair<std::size_t, std::size_t>>& candidates = candidate_ranges;
  candidates.clear();
  const std::size_t n = text.size();
  std::size_t i = 0;
  std::size_t region_begin = 0, region_end = 0;  // spans waiting for ICU, as one region
  bool region = false;
  std::size_t icu_bytes = 0;  // of the regions given to ICU
  // Appends the waiting region's tokens, cut by ICU.
  const auto flush_region = [&]() -> Status {
    if (Status st = icu_tokens(text, region_begin, region_end, base, tokens); !st.ok()) return st;
    candidates.emplace_back(region_begin, region_end);
    icu_bytes += region_end - region_begin;
    region = false;
    return Status::Ok();
  };
  while (i < n) {
    // A single line break counts as a space: only white space with two line
    // breaks (CRLF being one) may end a sentence (one at the end of the text
    // ends none: no token follows).
    const std::size_t space = i;
    std::size_t line_break = SIZE_MAX, line_breaks = 0;
    for (; i < n && is_space_byte(static_cast<unsigned char>(text[i])); ++i) {
      if (text[i] == '\r' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))) {
        ++line_breaks;
        if (line_break == SIZE_MAX) line_break = i;
      }
    }
    if (line_breaks >= 2) candidates.emplace_back(line_break, i);
    if (i == n) break;
    const std::size_t mark = tokens.size;
    const std::size_t span = i;
    std::size_t terminator = SIZE_MAX;
    if (fast_span(*fast, text, span, base, tokens, i, terminator)) {
      if (region) {  // the region's tokens come first
        const std::size_t span_tokens = tokens.size - mark;
        if (Status st = flush_region(); !st.ok()) return st;
        std::rotate(tokens.at(mark), tokens.at(mark + span_tokens), tokens.at(tokens.size));
      }
      if (terminator != SIZE_MAX) candidates.emplace_back(terminator, i);
    } else {
      if (!region) region_begin = space;
      region = true;
      region_end = i;
    }
  }
  if (region) {
    if (Status st = flush_region(); !st.ok()) return st;
  }
  stats.icu_bytes += icu_bytes;
  stats.fast_bytes += n - icu_bytes;
  if (!sentences_on) {
    tokens.number_without_sentences();
    return Status::Ok();
  }
  // A region is added after the line breaks of the white space that follows it.
  std::sort(candidates.begin(), candidates.end());
  return number_sentences(text, base, candidates, tokens);
}

namespace {

// Walks the text and tells where a sentence may end: after a terminator or a
// paragraph break, followed only by closing punctuation, spaces, combining or
// format characters (Unicode's sentence rules SB4 to SB11). A single line
// break counts as a space (see join_wrapped_lines). Outside the `candidates`
// ranges (sorted, not overlapping), which hold every character that may end
// a sentence, the text is not looked at.
class SentenceScan {
 public:
  SentenceScan(std::string_view text, const FastTable& table,
               const std::vector<std::pair<std::size_t, std::size_t>>& candidates)
      : text_(text), table_(table), candidates_(candidates) {}

  void advance_to(std::size_t pos) {
    while (cursor_ < pos) {
      if (!state_) {  // skip what cannot start a sentence end
        while (next_ < candidates_.size() && candidates_[next_].second <= cursor_) ++next_;
        if (next_ == candidates_.size() || candidates_[next_].first >= pos) {
          cursor_ = pos;
          break;
        }
        cursor_ = std::max(cursor_, candidates_[next_].first);
        const std::size_t until = std::min(pos, candidates_[next_].second);
        while (cursor_ < until && !table_.may_set[static_cast<unsigned char>(text_[cursor_])]) ++cursor_;
        if (cursor_ >= until) continue;
      }
      const auto b = static_cast<unsigned char>(text_[cursor_]);
      const std::size_t at = cursor_;
      std::uint8_t flag;
      if (b < 0x80 && b != '\n' && b != '\r') {
        flag = table_.sentence[b];
        ++cursor_;
      } else if (b == '\n' || b == '\r') {
        cursor_ = after_line_break(text_, at);
        flag = paragraph_break_at(text_, at) ? kSbSet : kSbKeep;
      } else {
        UChar32 c;
        if (decode_short(text_, at, c) == 2) {
          flag = table_.sentence[c];
          cursor_ += 2;
        } else {
          auto i = static_cast<int32_t>(at);
          U8_NEXT(reinterpret_cast<const uint8_t*>(text_.data()), i, static_cast<int32_t>(text_.size()), c);
          flag = sentence_flag(c);
          cursor_ = static_cast<std::size_t>(i);
        }
      }
      if (flag == kSbSet) {
        if (!state_) chain_start_ = at;
        state_ = true;
      } else if (flag == kSbClear) {
        state_ = false;
      }
      if (state_) last_set_ = cursor_;
    }
  }
  std::size_t last_set() const { return last_set_; }        // last position where a sentence may end
  std::size_t chain_start() const { return chain_start_; }  // where the run that allows it began

  // Returns the position after the line break (LF, CR or CRLF) at `i`.
  static std::size_t after_line_break(std::string_view text, std::size_t i) {
    return i + ((text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1);
  }
  // Returns true iff the line break at `i` is followed, after spaces or tabs,
  // by another line break or the end of the text (an empty line).
  static bool paragraph_break_at(std::string_view text, std::size_t i) {
    std::size_t j = after_line_break(text, i);
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    return j >= text.size() || text[j] == '\n' || text[j] == '\r';
  }

 private:
  std::string_view text_;
  const FastTable& table_;
  const std::vector<std::pair<std::size_t, std::size_t>>& candidates_;
  std::size_t next_ = 0;  // the first candidate range that does not end before cursor_
  std::size_t cursor_ = 0, last_set_ = 0, chain_start_ = 0;
  bool state_ = false;
};

enum SentenceLetter : std::uint8_t { kNotLetter = 0, kLower, kUpper, kOLetter };

std::uint8_t sentence_letter(UChar32 c) {
  switch (u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
    case U_SB_LOWER: return kLower;
    case U_SB_UPPER: return kUpper;
    case U_SB_OLETTER: return kOLetter;
    default: return kNotLetter;
  }
}

}  // namespace

// Decides the common cases alone: 1 if a sentence ends between the token
// [b1, e1) and the token at b2, 0 if not, -1 if ICU must be asked. Sure cases:
// an empty line between them (SB4); or "." "!" "?" then white space, then a
// letter, where only "." before a lower-case letter does not end a sentence
// (SB8, SB11).
int Tokenizer::Impl::quick_sentence_end(std::string_view text, std::size_t e1, std::size_t b2) const {
  for (std::size_t j = e1; j < b2; ++j) {
    if ((text[j] == '\n' || text[j] == '\r') && SentenceScan::paragraph_break_at(text, j)) return 1;
  }
  const char terminator = text[e1];
  if (terminator != '.' && terminator != '!' && terminator != '?') return -1;
  if (e1 + 1 >= b2) return -1;
  for (std::size_t j = e1 + 1; j < b2; ++j) {
    if (!is_space_byte(static_cast<unsigned char>(text[j])) || text[j] == '\v' || text[j] == '\f') return -1;
  }
  UChar32 c;
  if (decode_short(text, b2, c) == 0) return -1;
  const std::uint8_t letter = fast->letter[c];
  if (letter == kNotLetter) return -1;
  return (terminator == '.' && letter == kLower) ? 0 : 1;
}

// Asks ICU whether a sentence ends in (b1, b2], on a window of the text from
// a token before the terminator to the first letter after b2 (all the context
// the sentence rules look at).
Result<bool> Tokenizer::Impl::icu_sentence_end(std::string_view text, std::size_t w0, std::size_t b1,
                                                 std::size_t b2) {
  std::size_t w1 = b2;
  while (w1 < text.size()) {
    auto i = static_cast<int32_t>(w1);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), c);
    const std::size_t at = w1;
    w1 = static_cast<std::size_t>(i);
    if (c == '\n' || c == '\r') {
      w1 = SentenceScan::after_line_break(text, at);
      if (SentenceScan::paragraph_break_at(text, at)) break;
    } else if (sentence_letter(c) != kNotLetter || sentence_flag(c) == kSbSet) {
      break;
    }
  }
  window = join_wrapped_lines(text.substr(w0, w1 - w0));
  if (Status s = attach(*sentences, window); !s.ok()) return s;
  const int32_t next = sentences->following(static_cast<int32_t>(b1 - w0));
  return next != icu::BreakIterator::DONE && static_cast<std::size_t>(next) <= b2 - w0;
}

// Sets each token's position and sentence. Where a sentence may end between
// two tokens, the common cases are decided here and the others by ICU.
Status Tokenizer::Impl::number_sentences(std::string_view text, std::size_t base,
                                         const std::vector<std::pair<std::size_t, std::size_t>>& candidates,
                                         TokenOut& tokens) {
  SentenceScan scan(text, *fast, candidates);
  std::size_t sentence = 0;
  for (std::size_t k = 0; k < tokens.size; ++k) {
    tokens[k].position = k;
    if (k > 0) {
      const std::size_t b1 = tokens[k - 1].begin - base, e1 = tokens[k - 1].end - base, b2 = tokens[k].begin - base;
      scan.advance_to(e1);
      const bool inside = scan.last_set() > b1;  // the previous token may end one
      scan.advance_to(b2);
      if (scan.last_set() > b1) {
        int end = inside ? -1 : quick_sentence_end(text, e1, b2);
        if (end < 0) {
          std::size_t j = k - 1;  // a token before the terminator, for context
          if (j > 0) --j;
          while (j > 0 && tokens[j].begin - base >= scan.chain_start()) --j;
          const std::size_t w0 = tokens[j].begin - base < scan.chain_start() ? tokens[j].begin - base : 0;
          Result<bool> icu = icu_sentence_end(text, w0, b1, b2);
          if (!icu.ok()) return icu.status();
          end = icu.value() ? 1 : 0;
        }
        sentence += static_cast<std::size_t>(end);
      }
    }
    tokens[k].sentence = sentence;
  }
  return Status::Ok();
}

Status Tokenizer::Impl::tokenize_reference(std::string_view text, std::size_t base, TokenOut& tokens) {
  if (Status s = icu_tokens(text, 0, text.size(), base, tokens); !s.ok()) return s;
  stats.icu_bytes += text.size();
  if (!sentences_on) {
    tokens.number_without_sentences();
    return Status::Ok();
  }
  const std::string joined = join_wrapped_lines(text);
  if (Status s = attach(*sentences, joined); !s.ok()) return s;
  sentences->first();
  int32_t sentence_end = sentences->next();
  std::size_t sentence = 0;
  int32_t last_token_sentence_end = -1;  // end of the sentence holding the previous token
  for (std::size_t k = 0; k < tokens.size; ++k) {
    const auto begin = static_cast<int32_t>(tokens[k].begin - base);
    while (sentence_end != icu::BreakIterator::DONE && sentence_end <= begin) sentence_end = sentences->next();
    if (last_token_sentence_end >= 0 && sentence_end != last_token_sentence_end) ++sentence;
    last_token_sentence_end = sentence_end;
    tokens[k].sentence = sentence;
    tokens[k].position = k;
  }
  return Status::Ok();
}

// Builds the fast table: character classes from ICU's properties, then a
// check of each fast character against ICU's segmentation in contexts that
// would show a rule this file does not know (a tailoring such as "@" joining
// letters): characters that behave otherwise are left to ICU.
Result<std::unique_ptr<FastTable>> Tokenizer::Impl::build_fast_table(const icu::Normalizer2& nfkc_cf) {
  auto t = std::make_unique<FastTable>();
  for (UChar32 c = 0; c < kFastLimit; ++c) {
    t->cls[c] = classify(c, nfkc_cf);
    t->sentence[c] = sentence_flag(c);
    t->letter[c] = sentence_letter(c);
    // fast_span reports only punctuation and symbols that may end a sentence.
    if ((t->cls[c] == kLetter || t->cls[c] == kDigit) && t->sentence[c] == kSbSet) t->cls[c] = kSlow;
    t->map_begin[c] = static_cast<std::uint32_t>(t->maps.size());
    if (t->cls[c] == kMid) t->mid_join[c] = mid_join_of(c);
    if (t->cls[c] == kLetter || t->cls[c] == kDigit || t->cls[c] == kSymbol || t->cls[c] == kMid) {
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString mapped = nfkc_cf.normalize(icu::UnicodeString(c), status);
      if (U_FAILURE(status)) return icu_error("Normalizer2::normalize", status);
      if (mapped.isEmpty()) {
        t->cls[c] = kSlow;
      } else {
        mapped.toUTF8String(t->maps);
        const std::string_view mapping = std::string_view(t->maps).substr(t->map_begin[c]);
        t->same_length[c] = mapping.size() == (c < 0x80 ? 1u : 2u);
        // fast_span folds ASCII letters and digits by setting bit 0x20 where
        // 0x40 is set: a character ICU folds otherwise is left to ICU.
        const bool ascii_word = c < 0x80 && (t->cls[c] == kLetter || t->cls[c] == kDigit);
        if (ascii_word && mapping != std::string(1, static_cast<char>(c | ((c & 0x40) >> 1)))) t->cls[c] = kSlow;
      }
    }
  }
  t->map_begin[kFastLimit] = static_cast<std::uint32_t>(t->maps.size());
  for (UChar32 c = 0; c < 0x80; ++c) t->ascii_word[c] = t->cls[c] == kLetter || t->cls[c] == kDigit;
  for (UChar32 c = 0; c < kFastLimit; ++c) {
    if (t->sentence[c] != kSbSet) continue;
    t->may_set[c < 0x80 ? c : 0xC0 | (c >> 6)] = true;  // the character's first byte
  }
  t->may_set['\n'] = t->may_set['\r'] = true;
  for (int b = 0xE0; b < 0x100; ++b) t->may_set[b] = true;  // three and four bytes: ask ICU's properties

  // The probes: each fast character next to a letter, a digit, a mid
  // character, punctuation, a symbol and itself, one probe per span.
  const char* const contexts[] = {"a", "1", "\xD1\x8F" /* я */, ".", ",", "'", "-", "$", "(", ")"};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return icu_error("createWordInstance", status);
  Impl probe_impl;
  probe_impl.words = std::move(words);
  probe_impl.nfkc_cf = &nfkc_cf;
  std::string probes;
  std::vector<std::pair<std::size_t, std::size_t>> spans;  // probe spans in `probes`
  std::vector<UChar32> owner;                              // the character each span probes
  for (UChar32 c = 0; c < kFastLimit; ++c) {
    if (t->cls[c] == kSlow || t->cls[c] == kSpace) continue;
    std::string ch;
    icu::UnicodeString(c).toUTF8String(ch);
    std::vector<std::string> forms;
    if (t->cls[c] == kLetter) {  // letters behave alike: two probes each
      forms = {"a" + ch + "1", "$" + ch + "."};
    } else {
      forms = {ch,           ch + ch,       "a" + ch + "a",      "1" + ch + "1",      "a" + ch + "1",
               "1" + ch + "a", "a" + ch + ch + "a", "a" + ch + "a" + ch + "a", "\xD1\x8F" + ch + "\xD1\x8F"};
      for (const char* x : contexts) {
        forms.push_back(x + ch);
        forms.push_back(ch + x);
      }
    }
    for (const std::string& form : forms) {
      spans.emplace_back(probes.size(), probes.size() + form.size());
      owner.push_back(c);
      probes += form;
      probes += ' ';
    }
  }
  std::vector<Token> expected;
  TokenOut expected_out{expected};
  if (Status s = probe_impl.icu_tokens(probes, 0, probes.size(), 0, expected_out); !s.ok()) return s;
  // Compare span by span (spaces cut the probes apart with certainty); repeat
  // while a character was removed, since it may serve as another's context.
  for (bool changed = true; changed;) {
    changed = false;
    std::size_t k = 0;
    std::vector<Token> fast;
    for (std::size_t p = 0; p < spans.size(); ++p) {
      const auto [s, e] = spans[p];
      const std::size_t first = k;
      while (k < expected.size() && expected[k].begin < e) ++k;
      fast.clear();
      TokenOut fast_out{fast};
      std::size_t span_end = 0, terminator = 0;
      const bool cut = fast_span(*t, probes, s, 0, fast_out, span_end, terminator);
      fast.resize(fast_out.size);
      if (!cut) continue;  // ICU decides this span
      bool same = fast.size() == k - first;
      for (std::size_t q = 0; same && q < fast.size(); ++q) {
        const Token& x = expected[first + q];
        same = x.begin == fast[q].begin && x.end == fast[q].end && x.kind == fast[q].kind &&
               x.normalized == fast[q].normalized;
      }
      if (!same && t->cls[owner[p]] != kSlow) {
        t->cls[owner[p]] = kSlow;
        if (owner[p] < 0x80) t->ascii_word[owner[p]] = false;
        changed = true;
      }
    }
  }
  return t;
}

Result<Tokenizer> Tokenizer::Create(const TokenizerOptions& options) {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return icu_error("createWordInstance", status);
  impl->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return icu_error("createSentenceInstance", status);
  impl->sentences_on = options.sentences;
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return icu_error("getNFKCCasefoldInstance", status);
  if (options.fast_path) {
    // Built once per process; immutable afterwards, so tokenizers on other
    // threads share it.
    static std::once_flag once;
    static Result<std::unique_ptr<FastTable>> table = Status::Internal("fast table not built");
    std::call_once(once, [&] { table = Impl::build_fast_table(*impl->nfkc_cf); });
    if (!table.ok()) return table.status();
    impl->fast = table.value().get();
  }
  return Tokenizer(std::move(impl));
}

// Sets `out` to NFKC_Casefold(text): ASCII by lower-casing (NFKC leaves it
// alone and case folding maps A-Z to a-z), text ICU's quick check finds
// normal by copying, the rest by ICU.
Status Tokenizer::Impl::normalize_into(std::string_view text, std::string& out) const {
  if (is_ascii(text)) {
    out.assign(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return Status::Ok();
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfkc_cf->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    out.assign(text);
    return Status::Ok();
  }
  status = U_ZERO_ERROR;
  out.clear();
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  nfkc_cf->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return icu_error("Normalizer2::normalizeUTF8", status);
  return Status::Ok();
}

Result<std::string> Tokenizer::normalize(std::string_view text) const {
  std::string out;
  if (Status s = impl_->normalize_into(text, out); !s.ok()) return s;
  return out;
}

Result<std::vector<std::size_t>> Tokenizer::word_boundaries(std::string_view text) {
  if (Status s = attach(*impl_->words, text); !s.ok()) return s;
  std::vector<std::size_t> boundaries;
  for (int32_t b = impl_->words->first(); b != icu::BreakIterator::DONE; b = impl_->words->next()) {
    boundaries.push_back(static_cast<std::size_t>(b));
  }
  return boundaries;
}

Result<std::size_t> Tokenizer::tokenize_into(std::string_view text, std::size_t base, std::vector<Token>& tokens) {
  if (text.size() >= static_cast<std::size_t>(INT32_MAX)) {
    return Status::InvalidInput("text of " + std::to_string(text.size()) +
                                " bytes is too large (the limit is 2 GiB per document)");
  }
  TokenOut out{tokens};
  const Status s = impl_->fast == nullptr ? impl_->tokenize_reference(text, base, out)
                                          : impl_->tokenize_fast(text, base, out);
  if (!s.ok()) return s;
  return out.size;
}

TokenizerStats Tokenizer::stats() const { return impl_->stats; }

Result<std::vector<Token>> Tokenizer::tokenize(std::string_view text, std::size_t base) {
  std::vector<Token> tokens;
  tokens.reserve(text.size() / 6);  // about one token per 6 bytes of running text
  Result<std::size_t> n = tokenize_into(text, base, tokens);
  if (!n.ok()) return n.status();
  tokens.resize(n.value());
  return tokens;
}

}  // namespace charterkit
