#include "charterkit/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/localpointer.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <climits>
#include <cstdint>

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

struct Tokenizer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  std::unique_ptr<icu::BreakIterator> sentences;
  const icu::Normalizer2* nfkc_cf = nullptr;  // owned by ICU
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

}  // namespace

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return icu_error("createWordInstance", status);
  impl->sentences.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return icu_error("createSentenceInstance", status);
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return icu_error("getNFKCCasefoldInstance", status);
  return Tokenizer(std::move(impl));
}

Result<std::string> Tokenizer::normalize(std::string_view text) const {
  if (is_ascii(text)) {
    // NFKC leaves ASCII alone and case folding maps A-Z to a-z.
    std::string out(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  std::string out;
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (impl_->nfkc_cf->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
    out.assign(text);
    return out;
  }
  status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  impl_->nfkc_cf->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return icu_error("Normalizer2::normalizeUTF8", status);
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

Result<std::vector<Token>> Tokenizer::tokenize(std::string_view text, std::size_t base) {
  if (Status s = attach(*impl_->words, text); !s.ok()) return s;
  const std::string joined = join_wrapped_lines(text);
  if (Status s = attach(*impl_->sentences, joined); !s.ok()) return s;

  icu::BreakIterator& words = *impl_->words;
  icu::BreakIterator& sentences = *impl_->sentences;
  sentences.first();
  int32_t sentence_end = sentences.next();
  std::size_t sentence = 0;
  int32_t last_token_sentence_end = -1;  // end of the sentence holding the previous token

  std::vector<Token> tokens;
  int32_t begin = words.first();
  for (int32_t end = words.next(); end != icu::BreakIterator::DONE; begin = end, end = words.next()) {
    const std::string_view piece = text.substr(begin, end - begin);
    const int32_t rule_status = words.getRuleStatus();
    const bool is_word = rule_status >= UBRK_WORD_NONE_LIMIT;
    if (!is_word && !has_symbol(piece)) continue;

    while (sentence_end != icu::BreakIterator::DONE && sentence_end <= begin) {
      sentence_end = sentences.next();
    }
    if (last_token_sentence_end >= 0 && sentence_end != last_token_sentence_end) ++sentence;
    last_token_sentence_end = sentence_end;

    Result<std::string> normalized = normalize(piece);
    if (!normalized.ok()) return normalized.status();
    Token token;
    token.begin = base + static_cast<std::size_t>(begin);
    token.end = base + static_cast<std::size_t>(end);
    token.kind = is_word ? kind_of(rule_status) : TokenKind::kOther;
    token.sentence = sentence;
    token.position = tokens.size();
    token.normalized = std::move(normalized).value();
    tokens.push_back(std::move(token));
  }
  return tokens;
}

}  // namespace charterkit
