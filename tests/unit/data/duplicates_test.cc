// The duplicate-code check's hashes (data/duplicates.h): every code that
// occurs more than once is found, however the codes were split between
// readers, runs in memory and runs spilled to temporary files.
#include "compiler/data/duplicates.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "compiler/util/strings.h"

namespace planc::data {
namespace {

std::string Code(std::uint64_t i) { return "91350581MA" + std::to_string(i); }

std::vector<std::uint64_t> Expected(const std::vector<std::uint64_t>& repeated) {
  std::vector<std::uint64_t> hashes;
  for (std::uint64_t i : repeated) hashes.push_back(Hash64(Code(i)));
  std::sort(hashes.begin(), hashes.end());
  return hashes;
}

TEST(SeenCodesTest, FewCodes) {
  SeenCodes seen;
  for (std::uint64_t i = 0; i < 1000; ++i) seen.Add(Code(i));
  EXPECT_TRUE(seen.Repeated().empty());
  SeenCodes again;
  for (std::uint64_t i : {1, 2, 3, 2, 5, 1, 1}) again.Add(Code(i));
  EXPECT_EQ(again.Repeated(), Expected({1, 2}));
}

// Enough codes for runs spilled to files (4M a run) and for the merge to be
// shared between threads, in two readers' parts taken in by one.
TEST(SeenCodesTest, ManyCodesInSpilledRunsAndParts) {
  const std::uint64_t n = 6'000'000;
  std::vector<std::uint64_t> repeated = {0, 17, 30, 2'500'000, 4'194'303, 4'194'304, n - 1};
  // Codes all along the runs, spilled or not.
  for (std::uint64_t i = 7; i < n; i += 50'000) repeated.push_back(i);
  // And codes in the first and the last of the buckets the hashes are
  // grouped in (top bits all zeros, all ones).
  for (std::uint64_t top : {0, 255}) {
    std::uint64_t i = 1000;
    while (Hash64(Code(i)) >> 56 != top) ++i;
    repeated.push_back(i);
  }
  SeenCodes first, second;
  // The first reader takes more than a run (4M): it spills one to a file.
  for (std::uint64_t i = 0; i < n; ++i) (i % 10 == 0 ? second : first).Add(Code(i));
  // Each repeated code once more, in the other reader, or twice more.
  for (std::uint64_t i : repeated) (i % 10 == 0 ? first : second).Add(Code(i));
  second.Add(Code(17));
  first.Seal();
  first.Absorb(second);
  EXPECT_EQ(first.Repeated(), Expected(repeated));
}

}  // namespace
}  // namespace planc::data
