#ifndef PLANC_UTIL_STRINGS_H_
#define PLANC_UTIL_STRINGS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planc {

// Edit distance between two strings counted in code points.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The candidate closest to `name` when it is close enough to be a likely
// typo ("did you mean"); ties go to the bytewise smallest candidate.
std::optional<std::string> ClosestName(std::string_view name,
                                       const std::vector<std::string>& candidates);

std::string Join(const std::vector<std::string>& parts, std::string_view sep);

// A fast 64-bit hash of bytes, eight at a time (not cryptographic): for
// tables and suspect lists that confirm equality themselves.
std::uint64_t Hash64(std::string_view bytes);

// A string's first 16 bytes as two big-endian numbers (zero-padded), kept
// beside it when many strings are sorted: the numbers order as the bytes do,
// so most comparisons need not reach the string, wherever it lies in
// memory. Equal prefixes still compare the strings.
struct PrefixKey {
  explicit PrefixKey(std::string_view text);
  std::uint64_t high = 0, low = 0;
  std::string_view text;
  bool operator<(const PrefixKey& other) const {
    if (high != other.high) return high < other.high;
    if (low != other.low) return low < other.low;
    return text < other.text;
  }
  bool operator==(const PrefixKey& other) const {
    return high == other.high && low == other.low && text == other.text;
  }
  bool operator!=(const PrefixKey& other) const { return !(*this == other); }
};

}  // namespace planc

#endif  // PLANC_UTIL_STRINGS_H_
