// planc/prn/v1 against the published test vectors (docs/draw-test-vectors.md,
// themselves recomputed by an independent implementation in tests/draw/).
#include "compiler/draw/prn.h"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace planc::draw {
namespace {

std::string Doc() {
  std::ifstream in("docs/draw-test-vectors.md", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(PrnTest, EveryPublishedVector) {
  std::istringstream lines(Doc());
  std::regex prn(R"(\| `([0-9a-f]{64})` \| `([^`]*)` \| `([^`]*)` \| `([0-9a-f]{64})` \| `([0-9a-f]{16})` \| (\d+) \|)");
  std::regex negative(R"(\| (\d+) \| (\d+) \| `([0-9a-f]{16})` \|)");
  int vectors = 0, shifts = 0;
  const std::string base_seed = "8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f";
  std::uint64_t base = Prn(base_seed, "g:T01", "91350581MA2XN4KJ1Q");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, prn)) {
      EXPECT_EQ(PrnHex(m[1].str(), m[2].str(), m[3].str()), m[4].str()) << line;
      std::uint64_t u = Prn(m[1].str(), m[2].str(), m[3].str());
      EXPECT_EQ(PrnText(u), m[5].str()) << line;
      EXPECT_EQ(std::to_string(u), m[6].str()) << line;
      ++vectors;
    } else if (std::regex_match(line, m, negative)) {
      std::uint64_t shifted = NegativeShift(base, std::stoull(m[1].str()), std::stoull(m[2].str()));
      EXPECT_EQ(PrnText(shifted), m[3].str()) << line;
      ++shifts;
    }
  }
  EXPECT_EQ(vectors, 12);
  EXPECT_EQ(shifts, 3);
}

TEST(PrnTest, StreamsAndTextForms) {
  EXPECT_EQ(GroupStream("T01"), "g:T01");
  EXPECT_EQ(TaskStream("T05"), "t:T05");
  EXPECT_EQ(VisitStream("V000001"), "i:V000001");
  EXPECT_EQ(PrnText(0), "0000000000000000");
  EXPECT_EQ(PrnText(~std::uint64_t{0}), "ffffffffffffffff");
  EXPECT_EQ(NegativeShift(~std::uint64_t{0}, 1, 2), (std::uint64_t{1} << 63) - 1);  // wraps
  EXPECT_EQ(NegativeShift(7, 0, 5), 7u);
}

// The hasher that keeps the constant start of the text gives exactly u, for
// streams and ids of every length around the 64-byte block boundaries (both
// its one-block path and the general one).
TEST(PrnTest, HasherIsPrn) {
  const std::string seed = "8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f";
  for (std::size_t stream_size = 0; stream_size < 140; ++stream_size) {
    std::string stream = "g:" + std::string(stream_size, 'T');
    PrnHasher hasher(seed, stream);
    PrnHasher copy = hasher;
    for (std::size_t id_size = 0; id_size < 130; ++id_size) {
      std::string id(id_size, 'x');
      if (id_size > 3) id.replace(0, 3, "石");
      EXPECT_EQ(hasher(id), Prn(seed, stream, id)) << stream_size << " " << id_size;
      EXPECT_EQ(copy(id), Prn(seed, stream, id));
    }
  }
}

TEST(PrnTest, SeedsAndCommitments) {
  std::optional<std::string> a = FreshSeed(), b = FreshSeed();
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(IsSeedHex(*a));
  EXPECT_NE(*a, *b);
  EXPECT_FALSE(IsSeedHex(std::string(63, 'a')));
  EXPECT_FALSE(IsSeedHex(std::string(64, 'A')));  // lowercase only
  EXPECT_FALSE(IsSeedHex(std::string(63, 'a') + "g"));
  // sha256 of 64 zeros, as hex text.
  EXPECT_EQ(Commitment(std::string(64, '0')),
            "60e05bd1b195af2f94112fa7197a5c88289058840ce7c6df9693756bc6250f55");
}

}  // namespace
}  // namespace planc::draw
