// Interned words: each distinct word gets a dense id, 0, 1, 2, ... in order of
// first sight. Private to the library.
//
// Open addressing with linear probing; a slot is 8 bytes (hash bits and id)
// and the words are kept end to end in one buffer. std::unordered_map<string,
// V> allocates a node (and often a string) per word, follows a chain per
// lookup and hashes with an out-of-line MurmurHash; on running text, where
// almost every lookup finds a word already seen, those costs were a third of
// counting words.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace charterkit::internal {

// A 64-bit hash of `word`, 8 bytes at a time (multiply and fold). Not for
// hostile keys: an adversary could make words collide and slow a lookup, never
// change its result.
inline std::uint64_t hash_word(std::string_view word) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = word.data();
  const std::size_t n = word.size();
  std::uint64_t h = (n + 1) * kMul;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, p + i, 8);
    h = (h ^ x) * kMul;
    h ^= h >> 32;
  }
  if (i < n) {
    std::uint64_t x = 0;
    std::memcpy(&x, p + i, n - i);
    h = (h ^ x) * kMul;
    h ^= h >> 32;
  }
  h *= kMul;
  return h ^ (h >> 29);
}

class WordIds {
 public:
  static constexpr std::uint32_t kNone = UINT32_MAX;

  WordIds() { slots_.assign(kInitialSlots, Slot{}); }

  // The id of `word` (whose hash_word is `hash`), or kNone if it was never interned.
  std::uint32_t find(std::string_view word, std::uint64_t hash) const { return slots_[probe(word, hash)].id; }

  // The id of `word`, given a new one (size() before the call) if it has none.
  std::uint32_t intern(std::string_view word) { return intern(word, hash_word(word)); }
  std::uint32_t intern(std::string_view word, std::uint64_t hash) {
    const std::size_t i = probe(word, hash);
    if (slots_[i].id != kNone) return slots_[i].id;
    const auto id = static_cast<std::uint32_t>(size());
    slots_[i] = Slot{tag_of(hash, word.size()), id, words_.size()};
    words_.append(word);
    ends_.push_back(words_.size());
    if (2 * size() > slots_.size()) grow();
    return id;
  }

  std::string_view word(std::uint32_t id) const {
    const std::size_t begin = id == 0 ? 0 : ends_[id - 1];
    return std::string_view(words_).substr(begin, ends_[id] - begin);
  }
  std::size_t size() const { return ends_.size(); }

  void clear() {
    slots_.assign(kInitialSlots, Slot{});
    words_.clear();
    ends_.clear();
  }

 private:
  static constexpr std::size_t kInitialSlots = 1024;
  // The word's place is in the slot, so that a lookup reads the slot and
  // the word, nothing else (but for words of 255 bytes or more).
  struct Slot {
    std::uint32_t tag = 0;  // 24 bits of the hash, and the word's length up to 255
    std::uint32_t id = kNone;
    std::size_t offset = 0;  // where the word begins in words_
  };
  static std::uint32_t tag_of(std::uint64_t hash, std::size_t length) {
    return (static_cast<std::uint32_t>(hash >> 40) << 8) | static_cast<std::uint32_t>(length < 255 ? length : 255);
  }

  std::size_t mask() const { return slots_.size() - 1; }
  // The slot that holds `word`, or the empty slot where it would go.
  std::size_t probe(std::string_view word, std::uint64_t hash) const {
    const std::uint32_t tag = tag_of(hash, word.size());
    std::size_t i = hash & mask();
    while (slots_[i].id != kNone && !(slots_[i].tag == tag && same(slots_[i], word))) i = (i + 1) & mask();
    return i;
  }
  // REQUIRES: slot.tag == tag_of(hash_word(word), word.size()).
  bool same(const Slot& slot, std::string_view word) const {
    if (word.size() >= 255 && ends_[slot.id] - slot.offset != word.size()) return false;
    return std::memcmp(words_.data() + slot.offset, word.data(), word.size()) == 0;
  }
  // Doubles the slots and places every word again, from the words themselves.
  void grow() {
    slots_.assign(slots_.size() * 2, Slot{});
    for (std::uint32_t id = 0; id < size(); ++id) {
      const std::string_view w = word(id);
      const std::uint64_t hash = hash_word(w);
      slots_[probe(w, hash)] = Slot{tag_of(hash, w.size()), id, id == 0 ? 0 : ends_[id - 1]};
    }
  }

  std::vector<Slot> slots_;
  std::string words_;              // the words, end to end
  std::vector<std::size_t> ends_;  // where each word ends in words_
};

}  // namespace charterkit::internal
