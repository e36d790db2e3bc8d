#ifndef PLANC_TOOLS_GEN_RANDOM_H_
#define PLANC_TOOLS_GEN_RANDOM_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <vector>

namespace planc::gen {

// SplitMix64's output function: a bijective 64-bit mixer.
inline uint64_t Mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// One step of SplitMix64: advances `state` and returns the next output.
inline uint64_t SplitMix64(uint64_t& state) {
  state += 0x9e3779b97f4a7c15ULL;
  return Mix64(state);
}

// Streams that keep the files' random numbers independent.
enum class Stream : uint64_t {
  kRegistry = 1,
  kUsccKeys = 2,
  kInspectors = 3,
  kConflicts = 4,
  kPlan = 5,
};

// xoshiro256** seeded by SplitMix64 from (seed, stream, index): every row has
// its own generator, so any row can be regenerated without the rows before it.
// Only integer arithmetic, so the output is the same on every machine.
class Rng {
 public:
  Rng(uint64_t seed, Stream stream, uint64_t index) {
    uint64_t state =
        Mix64(seed ^ Mix64(static_cast<uint64_t>(stream))) + index * 0xd1b54a32d192ed03ULL;
    for (uint64_t& word : s_) word = SplitMix64(state);
  }

  // The next 64 random bits.
  uint64_t Next() {
    uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // A number in [0, n) by Lemire's multiply-shift (bias below 2^-32 for our n).
  uint32_t Below(uint32_t n) { return static_cast<uint32_t>(((Next() >> 32) * n) >> 32); }

  // A number in [0, n) for any 64-bit n: the high word of Next() * n.
  uint64_t Below64(uint64_t n) {
    uint64_t x = Next();
    uint64_t x_lo = x & 0xffffffffu, x_hi = x >> 32;
    uint64_t n_lo = n & 0xffffffffu, n_hi = n >> 32;
    uint64_t lo_lo = x_lo * n_lo;
    uint64_t hi_lo = x_hi * n_lo;
    uint64_t lo_hi = x_lo * n_hi;
    uint64_t middle = (lo_lo >> 32) + (hi_lo & 0xffffffffu) + (lo_hi & 0xffffffffu);
    return x_hi * n_hi + (hi_lo >> 32) + (lo_hi >> 32) + (middle >> 32);
  }

  // True with probability per_10000 / 10000.
  bool Chance(uint32_t per_10000) { return Below(10000) < per_10000; }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Integer weights turned into a table for weighted picks by Rng.
class Weighted {
 public:
  Weighted() = default;
  Weighted(std::initializer_list<uint32_t> weights) {
    for (uint32_t w : weights) Add(w);
  }
  void Add(uint32_t weight) {
    total_ += weight;
    cumulative_.push_back(total_);
  }
  // The index of the picked weight; zero weights are never picked.
  int Pick(Rng& rng) const {
    uint32_t u = rng.Below(total_);
    return static_cast<int>(std::upper_bound(cumulative_.begin(), cumulative_.end(), u) -
                            cumulative_.begin());
  }

 private:
  std::vector<uint32_t> cumulative_;
  uint32_t total_ = 0;
};

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_RANDOM_H_
