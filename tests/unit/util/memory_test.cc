// PreferHugePages (util/memory.h) is advice: whatever the system does with
// it, a buffer's contents stay as they were, before and after it is filled.
#include "compiler/util/memory.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace planc {
namespace {

TEST(MemoryTest, AdviceKeepsContents) {
  // Large and unaligned (a string's data after its header), half written
  // before the advice and half after.
  std::string text;
  text.reserve(kHugePagesFrom * 3 + 12345);
  for (std::size_t i = 0; text.size() < kHugePagesFrom; ++i) text += std::to_string(i) + ',';
  std::string before = text;
  PreferHugePages(text.data(), text.capacity());
  EXPECT_TRUE(text == before);
  for (std::size_t i = 0; text.size() < 3 * kHugePagesFrom; ++i) text += std::to_string(i) + ';';
  EXPECT_EQ(text.compare(0, before.size(), before), 0);
  EXPECT_EQ(text[before.size()], '0');

  // Small, empty and null buffers are left alone.
  std::vector<std::uint64_t> small(100, 7);
  PreferHugePages(small.data(), small.size() * sizeof(std::uint64_t));
  EXPECT_EQ(small, std::vector<std::uint64_t>(100, 7));
  PreferHugePages(nullptr, kHugePagesFrom * 2);
  PreferHugePages(small.data(), 0);
}

}  // namespace
}  // namespace planc
