#include "compiler/expr/decimal.h"

#include <gtest/gtest.h>

namespace planc {
namespace {

TEST(DecimalTest, PercentIsExact) {
  std::optional<Decimal> ratio = Decimal::Parse("3.5%", true);
  ASSERT_TRUE(ratio.has_value());
  EXPECT_EQ(ratio->Compare(Decimal(35, 3)), 0);
  EXPECT_EQ(ratio->ToString(), "0.035");
  EXPECT_EQ(ratio->ToPercent(), "3.5%");
  // The same without the sign: the caller says it is a percent.
  std::optional<Decimal> bare = Decimal::Parse("3.5", true);
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->Compare(*ratio), 0);
}

TEST(DecimalTest, PercentEqualsItsDecimal) {
  std::optional<Decimal> percent = Decimal::Parse("85", true);
  std::optional<Decimal> decimal = Decimal::Parse("0.85");
  ASSERT_TRUE(percent && decimal);
  EXPECT_TRUE(*percent == *decimal);
  EXPECT_EQ(percent->ToString(), "0.85");
  EXPECT_EQ(decimal->ToPercent(), "85%");
  // 3.5% is not 0.035000000000000003 and not 0.034999...
  EXPECT_TRUE(*Decimal::Parse("3.5", true) == *Decimal::Parse("0.035"));
  EXPECT_FALSE(*Decimal::Parse("3.5", true) == *Decimal::Parse("0.0350000000001"));
}

TEST(DecimalTest, ParsesPlainNumbers) {
  std::optional<Decimal> twelve = Decimal::Parse("12");
  ASSERT_TRUE(twelve.has_value());
  EXPECT_EQ(twelve->units(), 12);
  EXPECT_EQ(twelve->scale(), 0);
  std::optional<Decimal> half = Decimal::Parse("0.50");
  ASSERT_TRUE(half.has_value());
  EXPECT_TRUE(*half == Decimal(5, 1));
  EXPECT_EQ(half->ToString(), "0.5");
}

TEST(DecimalTest, CompareAcrossScales) {
  EXPECT_EQ(Decimal(5, 1).Compare(Decimal(50, 2)), 0);
  EXPECT_EQ(Decimal(5, 1).Compare(Decimal(500000, 6)), 0);
  EXPECT_LT(Decimal(35, 3).Compare(Decimal(4, 2)), 0);  // 0.035 < 0.04
  EXPECT_GT(Decimal(4, 2).Compare(Decimal(35, 3)), 0);
  EXPECT_TRUE(Decimal(1, 0) > Decimal(999, 3));
  EXPECT_TRUE(Decimal(999, 3) < Decimal(1, 0));
  EXPECT_TRUE(Decimal(1, 0) <= Decimal(100, 2));
  EXPECT_TRUE(Decimal(-1, 1) < Decimal(0, 0));
  EXPECT_TRUE(Decimal(0, 0) == Decimal(0, 5));
  // Large values at different scales must not overflow.
  EXPECT_TRUE(Decimal(99999999999999999, 0) > Decimal(1, 18));
  EXPECT_TRUE(Decimal(1, 18) > Decimal(0, 0));
}

TEST(DecimalTest, ToStringDropsTrailingZeros) {
  EXPECT_EQ(Decimal(35, 3).ToString(), "0.035");
  EXPECT_EQ(Decimal(100, 2).ToString(), "1");
  EXPECT_EQ(Decimal(0, 3).ToString(), "0");
  EXPECT_EQ(Decimal(12, 0).ToString(), "12");
  EXPECT_EQ(Decimal(1205, 2).ToString(), "12.05");
  EXPECT_EQ(Decimal(-5, 1).ToString(), "-0.5");
  EXPECT_EQ(Decimal(5, 4).ToString(), "0.0005");
}

TEST(DecimalTest, ToPercent) {
  EXPECT_EQ(Decimal(35, 3).ToPercent(), "3.5%");
  EXPECT_EQ(Decimal(1, 0).ToPercent(), "100%");
  EXPECT_EQ(Decimal(5, 3).ToPercent(), "0.5%");
  EXPECT_EQ(Decimal(85, 2).ToPercent(), "85%");
  EXPECT_EQ(Decimal(3, 2).ToPercent(), "3%");
  EXPECT_EQ(Decimal(0, 0).ToPercent(), "0%");
  EXPECT_EQ(Decimal(12345, 6).ToPercent(), "1.2345%");
  EXPECT_EQ(Decimal(2, 0).ToPercent(), "200%");
}

TEST(DecimalTest, RejectsMalformedText) {
  EXPECT_EQ(Decimal::Parse(""), std::nullopt);
  EXPECT_EQ(Decimal::Parse("%", true), std::nullopt);
  EXPECT_EQ(Decimal::Parse("1.2.3"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("abc"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("-1"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("1e3"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("3,5"), std::nullopt);
}

TEST(DecimalTest, RejectsTooManyDigits) {
  // Too many significant digits to be exact in 64 bits.
  EXPECT_EQ(Decimal::Parse("123456789012345678901234567890"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("99999999999999999999"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("1.2345678901234567890123", false), std::nullopt);
  // A scale beyond what comparison supports.
  EXPECT_EQ(Decimal::Parse("0.0000000000000000000001"), std::nullopt);
  EXPECT_EQ(Decimal::Parse("0.0000000000000000001", true), std::nullopt);
  // Ordinary policy numbers are fine, leading zeros do not count.
  EXPECT_TRUE(Decimal::Parse("0000000000000000000000001").has_value());
  EXPECT_TRUE(Decimal::Parse("12345678901234.5").has_value());
}

}  // namespace
}  // namespace planc
