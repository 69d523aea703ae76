// Language: which language a text is in, from its script (ICU uscript) and,
// where one script serves several languages, from letters or function words.
#pragma once

#include <string>
#include <string_view>

namespace charterkit {

struct LanguageGuess {
  std::string code;    // BCP 47 ("en", "ru", "kk", "zh", ...), "und" when unknown
  std::string reason;  // how it was decided, for the user ("Cyrillic script with Kazakh letters")
};

// Returns the language of `text` (UTF-8), judged from its letters:
// Cyrillic is "kk" when the Kazakh letters ә ғ қ ң ө ұ ү һ і are frequent,
// else "ru"; Han (with no kana) is "zh"; kana "ja"; Hangul "ko"; Arabic "ar";
// Latin is "en", "fr" or "es" by counts of their most common function words.
// Only the first 64 KiB are read.
LanguageGuess detect_language(std::string_view text);

}  // namespace charterkit
