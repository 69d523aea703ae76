#include "charterkit/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <map>

namespace charterkit {
namespace {

bool is_kazakh_letter(UChar32 c) {
  // ә ғ қ ң ө ұ ү һ і and their capitals.
  switch (u_tolower(c)) {
    case 0x04D9: case 0x0493: case 0x049B: case 0x04A3: case 0x04E9:
    case 0x04B1: case 0x04AF: case 0x04BB: case 0x0456:
      return true;
    default:
      return false;
  }
}

// Guesses among Latin-script languages by their most frequent function words,
// which are distinctive: each list holds words that are rare in the others.
std::string latin_language(std::string_view text) {
  static const std::array<std::pair<const char*, std::array<std::string_view, 8>>, 3> kMarkers = {{
      {"en", {"the", "of", "and", "to", "shall", "which", "with", "by"}},
      {"fr", {"le", "les", "des", "et", "du", "aux", "est", "pour"}},
      {"es", {"el", "los", "las", "y", "del", "por", "con", "una"}},
  }};
  std::map<std::string, int> counts;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
    std::size_t j = i;
    while (j < text.size() && ((text[j] >= 'a' && text[j] <= 'z') || (text[j] >= 'A' && text[j] <= 'Z'))) ++j;
    std::string word(text.substr(i, j - i));
    for (char& c : word) c = static_cast<char>(c | 0x20);
    for (const auto& [code, words] : kMarkers) {
      if (std::find(words.begin(), words.end(), word) != words.end()) ++counts[code];
    }
    i = j;
  }
  std::string best = "en";
  int best_count = 0;
  for (const auto& [code, count] : counts) {
    if (count > best_count) { best = code; best_count = count; }
  }
  return best;
}

}  // namespace

LanguageGuess detect_language(std::string_view text) {
  text = text.substr(0, 64 * 1024);
  std::map<UScriptCode, std::size_t> letters;
  std::size_t kazakh = 0;
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) script = USCRIPT_KATAKANA_OR_HIRAGANA;
    ++letters[script];
    if (script == USCRIPT_CYRILLIC && is_kazakh_letter(c)) ++kazakh;
  }
  if (letters.empty()) return {"und", "no letters"};
  auto top = std::max_element(letters.begin(), letters.end(),
                              [](const auto& a, const auto& b) { return a.second < b.second; });
  switch (top->first) {
    case USCRIPT_CYRILLIC:
      // Kazakh letters are about 8% of Kazakh text and absent from Russian.
      if (kazakh * 100 >= top->second) return {"kk", "Cyrillic script with Kazakh letters"};
      return {"ru", "Cyrillic script without Kazakh letters"};
    case USCRIPT_HAN:
      if (letters.count(USCRIPT_KATAKANA_OR_HIRAGANA)) return {"ja", "Han script with kana"};
      return {"zh", "Han script"};
    case USCRIPT_KATAKANA_OR_HIRAGANA: return {"ja", "kana"};
    case USCRIPT_HANGUL: return {"ko", "Hangul script"};
    case USCRIPT_ARABIC: return {"ar", "Arabic script"};
    case USCRIPT_LATIN: {
      std::string code = latin_language(text);
      return {code, "Latin script, function words of " + code};
    }
    default:
      return {"und", std::string("script ") + uscript_getName(top->first)};
  }
}

}  // namespace charterkit
