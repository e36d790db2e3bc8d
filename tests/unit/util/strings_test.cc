#include "compiler/util/strings.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace planc {
namespace {

TEST(EditDistanceTest, CountsCodePointsNotBytes) {
  // One Chinese character differs: one edit, although three bytes differ.
  EXPECT_EQ(EditDistance("抽查", "抽检"), 1u);
  // Two characters inserted.
  EXPECT_EQ(EditDistance("食品流通股", "食品流通监管股"), 2u);
  EXPECT_EQ(EditDistance("食品流通监管股", "食品流通股"), 2u);
  EXPECT_EQ(EditDistance("监管", "管监"), 2u);
  EXPECT_EQ(EditDistance("", "食品"), 2u);
  EXPECT_EQ(EditDistance("食品执法", "食品执法"), 0u);
}

TEST(EditDistanceTest, Ascii) {
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("industy", "industry"), 1u);
  EXPECT_EQ(EditDistance("", ""), 0u);
}

TEST(ClosestNameTest, SuggestsTheChineseNameOneTypoAway) {
  std::vector<std::string> units = {"特种设备安全监察股", "食品流通监管股", "蚶江所"};
  EXPECT_EQ(ClosestName("食品流通股", units), "食品流通监管股");
  EXPECT_EQ(ClosestName("蚶江", units), "蚶江所");
}

TEST(ClosestNameTest, NoSuggestionWhenTooFar) {
  std::vector<std::string> units = {"食品流通监管股", "蚶江所"};
  EXPECT_EQ(ClosestName("特种设备安全监察股", units), std::nullopt);
  EXPECT_EQ(ClosestName("xyz", {"abc"}), std::nullopt);
  // Three code points: one edit is close enough, two are not.
  EXPECT_EQ(ClosestName("abc", {"abd"}), "abd");
  EXPECT_EQ(ClosestName("abc", {"axy"}), std::nullopt);
}

TEST(ClosestNameTest, NoCandidates) {
  EXPECT_EQ(ClosestName("食品", {}), std::nullopt);
}

TEST(ClosestNameTest, PrefersTheNearestCandidate) {
  EXPECT_EQ(ClosestName("industy", {"industries", "industry", "district"}), "industry");
}

TEST(ClosestNameTest, TiesGoToTheBytewiseSmallest) {
  // Both at distance 1; "abb" < "abd" bytewise, whatever the order given.
  EXPECT_EQ(ClosestName("abc", {"abd", "abb"}), "abb");
  EXPECT_EQ(ClosestName("abc", {"abb", "abd"}), "abb");
  // 品 (E5 93 81) sorts before 药 (E8 8D AF).
  EXPECT_EQ(ClosestName("食品股", {"食药股", "食品所"}), "食品所");
  EXPECT_EQ(ClosestName("食品股", {"食品所", "食药股"}), "食品所");
}

TEST(JoinTest, Joins) {
  EXPECT_EQ(Join({}, ", "), "");
  EXPECT_EQ(Join({"a"}, ", "), "a");
  EXPECT_EQ(Join({"a", "b", "c"}, " → "), "a → b → c");
}

}  // namespace
}  // namespace planc
