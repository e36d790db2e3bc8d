// Exact rationals: no binary floating point between a policy number and the
// threshold it is compared with.
#include "compiler/rules/number.h"

#include <gtest/gtest.h>

namespace planc::rules {
namespace {

Number Dec(const char* text, bool percent = false) { return Number::Of(*Decimal::Parse(text, percent)); }

TEST(NumberTest, EightyFivePercentOfSevenIsExactlyFivePointNineFive) {
  Number share = *Dec("85", true).Mul(Number::Of(7));
  EXPECT_EQ(share.ToString(), "5.95");
  EXPECT_EQ(share.Compare(Dec("5.95")), 0);
  EXPECT_LT(share.Compare(Number::Of(6)), 0);
  // 6 of 7 is above 85%, 5 of 7 below: decided exactly.
  EXPECT_GT(Number::Of(6).Div(Number::Of(7))->Compare(Dec("85", true)), 0);
  EXPECT_LT(Number::Of(5).Div(Number::Of(7))->Compare(Dec("85", true)), 0);
}

TEST(NumberTest, ThreePointFivePercentBoundaries) {
  Number min = Dec("3.5", true);
  EXPECT_EQ(min.ToString(3), "0.035");
  EXPECT_EQ(min.ToString(), "0.04");  // shown with two decimals, compared exactly
  EXPECT_EQ(min.ToPercent(), "3.5%");
  // 35 of 1000 is exactly 3.5%: not below it.
  EXPECT_EQ(Number::Of(35).Div(Number::Of(1000))->Compare(min), 0);
  // 3499999/100000000 is below, however close.
  EXPECT_LT(Number::Of(3499999).Div(Number::Of(100000000))->Compare(min), 0);
  // 1842 reached of 54012 is 3.41…%: below.
  Number coverage = *Number::Of(1842).Div(Number::Of(54012));
  EXPECT_LT(coverage.Compare(min), 0);
  EXPECT_EQ(coverage.ToPercent(), "3.41%");
  // A figure rounded as printed, then compared exactly.
  Number reached = Number::Rounded(1890.4249, 2);
  EXPECT_EQ(reached.ToString(), "1890.42");
  EXPECT_EQ(reached.Div(Number::Of(54012))->Compare(*Dec("1890.42").Div(Number::Of(54012))), 0);
}

TEST(NumberTest, ZeroPointOnePlusZeroPointTwoIsZeroPointThree) {
  EXPECT_EQ(Dec("0.1").Add(Dec("0.2"))->Compare(Dec("0.3")), 0);
  EXPECT_EQ(Dec("1").Sub(Dec("0.9"))->ToString(), "0.1");
}

TEST(NumberTest, DivisionByZeroAndOverflowFailInsteadOfRounding) {
  EXPECT_FALSE(Number::Of(1).Div(Number::Of(0)));
  Number big = Number::Of(INT64_MAX);
  std::optional<Number> n = big;
  for (int i = 0; i < 3 && n; ++i) n = n->Mul(big);
  EXPECT_FALSE(n);  // (2^63)^4 does not fit
}

TEST(NumberTest, PrintsAtMostTwoDecimalsRoundedHalfAwayFromZero) {
  EXPECT_EQ(Number::Of(1).Div(Number::Of(3))->ToString(), "0.33");
  EXPECT_EQ(Number::Of(2).Div(Number::Of(3))->ToString(), "0.67");
  EXPECT_EQ(Dec("0.125").ToString(), "0.13");
  EXPECT_EQ(Dec("0.125").Neg().ToString(), "-0.13");
  EXPECT_EQ(Dec("0.001").Neg().ToString(), "0");
  EXPECT_EQ(Number::Of(2024).ToString(), "2024");
  EXPECT_EQ(Dec("99.999").ToString(), "100");
}

TEST(NumberTest, ComparesValuesWhoseCrossProductsOverflow) {
  Number a = *Number::Of(INT64_MAX).Div(Number::Of(INT64_MAX - 1));
  Number b = *Number::Of(INT64_MAX - 2).Div(Number::Of(INT64_MAX - 3));
  EXPECT_LT(a.Compare(b), 0);  // 1 + 1/(M-1) < 1 + 1/(M-3)
  EXPECT_GT(b.Compare(a), 0);
  EXPECT_EQ(a.Compare(a), 0);
}

}  // namespace
}  // namespace planc::rules
