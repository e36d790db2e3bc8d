#include "compiler/util/parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

namespace planc {
namespace {

// Chunks are consumed in order on the calling thread, each after it was
// prepared, and a slot is never prepared again before its chunk was consumed.
TEST(PrepareAheadTest, ConsumesInOrderWhatWasPreparedInItsSlot) {
  for (std::size_t chunks : {0, 1, 2, 7, 100, 1000}) {
    for (std::size_t ahead : {1, 2, 3, 16}) {
      std::vector<long> slots(ahead, -1);
      std::vector<std::atomic<int>> prepared(chunks);
      std::vector<std::size_t> order;
      std::atomic<bool> overwritten{false};
      PrepareAhead(
          chunks, ahead,
          [&](std::size_t c) {
            // The slot's previous chunk must have been consumed (set to -1).
            if (slots[c % ahead] != -1) overwritten = true;
            slots[c % ahead] = static_cast<long>(c) * 3;
            ++prepared[c];
          },
          [&](std::size_t c) {
            EXPECT_EQ(slots[c % ahead], static_cast<long>(c) * 3) << chunks << " " << ahead;
            slots[c % ahead] = -1;
            order.push_back(c);
          });
      EXPECT_FALSE(overwritten) << chunks << " " << ahead;
      ASSERT_EQ(order.size(), chunks);
      for (std::size_t c = 0; c < chunks; ++c) {
        EXPECT_EQ(order[c], c);
        EXPECT_EQ(prepared[c], 1);
      }
    }
  }
}

TEST(PrepareAheadTest, AnExceptionInEitherEndsTheWork) {
  for (bool in_prepare : {true, false}) {
    std::atomic<std::size_t> consumed{0};
    EXPECT_THROW(PrepareAhead(
                     500, 4,
                     [&](std::size_t c) {
                       if (in_prepare && c == 123) throw std::runtime_error("prepare");
                     },
                     [&](std::size_t c) {
                       if (!in_prepare && c == 123) throw std::runtime_error("consume");
                       ++consumed;
                     }),
                 std::runtime_error);
    if (in_prepare) {
      // Nothing from the failed chunk on is consumed; the work may end
      // before the chunks just before it are (a helper's failure stops the
      // consuming thread at its next chunk).
      EXPECT_LE(consumed, 123u);
    } else {
      EXPECT_EQ(consumed, 123u);  // consumed in order on this thread
    }
  }
}

}  // namespace
}  // namespace planc
