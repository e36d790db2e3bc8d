#include "compiler/expr/date.h"

#include <gtest/gtest.h>

namespace planc {
namespace {

TEST(DateTest, ParsesRealDays) {
  std::optional<Date> leap = Date::Parse("2024-02-29");
  ASSERT_TRUE(leap.has_value());
  EXPECT_EQ(leap->year, 2024);
  EXPECT_EQ(leap->month, 2);
  EXPECT_EQ(leap->day, 29);
  EXPECT_TRUE(Date::Parse("2000-02-29").has_value());  // divisible by 400
  EXPECT_TRUE(Date::Parse("2024-12-31").has_value());
  EXPECT_TRUE(Date::Parse("2024-01-01").has_value());
}

TEST(DateTest, RejectsDaysThatDoNotExist) {
  EXPECT_EQ(Date::Parse("2023-02-29"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-02-30"), std::nullopt);
  EXPECT_EQ(Date::Parse("1900-02-29"), std::nullopt);  // divisible by 100, not 400
  EXPECT_EQ(Date::Parse("2024-04-31"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-01-00"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-01-32"), std::nullopt);
}

TEST(DateTest, RejectsMonthsThatDoNotExist) {
  EXPECT_EQ(Date::Parse("2024-13-01"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-00-10"), std::nullopt);
}

TEST(DateTest, RejectsMalformedText) {
  EXPECT_EQ(Date::Parse(""), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-5-01"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-05-1"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-05"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024/05/01"), std::nullopt);
  EXPECT_EQ(Date::Parse("2024-05-01x"), std::nullopt);
  EXPECT_EQ(Date::Parse("２０２４-05-01"), std::nullopt);
}

TEST(DateTest, SerialCountsDaysFromTheEpoch) {
  EXPECT_EQ((Date{1970, 1, 1}).Serial(), 0);
  EXPECT_EQ((Date{1970, 1, 2}).Serial(), 1);
  EXPECT_EQ((Date{1969, 12, 31}).Serial(), -1);
  EXPECT_EQ((Date{2024, 1, 1}).Serial(), 19723);
  EXPECT_EQ((Date{2024, 3, 1}).Serial() - (Date{2024, 2, 28}).Serial(), 2);
  EXPECT_EQ((Date{2023, 3, 1}).Serial() - (Date{2023, 2, 28}).Serial(), 1);
  EXPECT_EQ((Date{2025, 1, 1}).Serial() - (Date{2024, 1, 1}).Serial(), 366);
}

TEST(DateTest, OrderIsCalendarOrder) {
  Date a{2024, 2, 29}, b{2024, 3, 1}, c{2023, 12, 31};
  EXPECT_TRUE(a < b);
  EXPECT_TRUE(c < a);
  EXPECT_TRUE(b > c);
  EXPECT_TRUE(a <= a);
  EXPECT_TRUE(a >= a);
  EXPECT_FALSE(a < a);
  EXPECT_TRUE(a == *Date::Parse("2024-02-29"));
  EXPECT_TRUE(a != b);
  // Month order beats day order: 2024-01-31 is before 2024-02-01.
  EXPECT_TRUE((Date{2024, 1, 31}) < (Date{2024, 2, 1}));
}

TEST(DateTest, LastOfMonth) {
  EXPECT_EQ(Date::LastOfMonth(2024, 2).ToString(), "2024-02-29");
  EXPECT_EQ(Date::LastOfMonth(2023, 2).ToString(), "2023-02-28");
  EXPECT_EQ(Date::LastOfMonth(2024, 4).ToString(), "2024-04-30");
  EXPECT_EQ(Date::LastOfMonth(2024, 9).ToString(), "2024-09-30");
  EXPECT_EQ(Date::LastOfMonth(2024, 12).ToString(), "2024-12-31");
  EXPECT_EQ(Date::DaysInMonth(2100, 2), 28);
  EXPECT_EQ(Date::DaysInMonth(2024, 13), 0);
}

TEST(DateTest, AppendToWritesWhatToStringWrites) {
  for (const Date& d : {Date{2024, 5, 1}, Date{1, 1, 1}, Date{999, 12, 31}, Date{9999, 12, 31},
                        Date{2024, 11, 20}, Date{0, 2, 29}, Date{10000, 1, 1}, Date{-5, 3, 4}}) {
    std::string out = "x";
    d.AppendTo(out);
    EXPECT_EQ(out, "x" + d.ToString());
  }
}

TEST(DateTest, ToStringPadsFields) {
  EXPECT_EQ((Date{2024, 5, 1}).ToString(), "2024-05-01");
  EXPECT_EQ(Date::Parse("2024-11-20")->ToString(), "2024-11-20");
}

}  // namespace
}  // namespace planc
