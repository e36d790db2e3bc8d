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

}  // namespace planc

#endif  // PLANC_UTIL_STRINGS_H_
