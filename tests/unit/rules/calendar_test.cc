// The 2024 working-day calendar as data (rules/calendars/cn-2024.yaml).
#include "compiler/rules/calendar.h"

#include <gtest/gtest.h>

#include "tests/unit/test_support.h"

namespace planc::rules {
namespace {

Date D(const char* text) { return *Date::Parse(text); }

Calendar Cn2024() {
  std::string error;
  SourcePtr file = LoadSourceFile("rules/calendars/cn-2024.yaml", &error);
  EXPECT_TRUE(file) << error;
  Diagnostics diags;
  std::optional<Calendar> c = Calendar::Load(file, diags);
  EXPECT_TRUE(c) << test::Describe(diags);
  return *c;
}

TEST(CalendarTest, TwentyWorkingDaysAcrossTheNationalDayHoliday) {
  Calendar c = Cn2024();
  // From Friday 27 September: Sunday 29 September is a working day (调休),
  // 1–7 October are holidays, Saturday 12 October works.
  EXPECT_EQ(c.AddWorkdays(D("2024-09-27"), 20), D("2024-10-30"));
  EXPECT_EQ(c.Workdays(D("2024-09-27"), D("2024-10-30")), 20);
  EXPECT_EQ(c.Workdays(D("2024-10-30"), D("2024-09-27")), -20);
  EXPECT_EQ(c.AddWorkdays(D("2024-10-30"), -20), D("2024-09-27"));
  EXPECT_TRUE(c.IsWorkday(D("2024-09-29")));
  EXPECT_FALSE(c.IsWorkday(D("2024-09-28")));
  EXPECT_FALSE(c.IsWorkday(D("2024-10-07")));
  EXPECT_TRUE(c.IsWorkday(D("2024-10-12")));
  // Spring Festival: 10–17 February off, Sunday 4 and Sunday 18 work.
  EXPECT_EQ(c.Workdays(D("2024-02-09"), D("2024-02-19")), 2);  // 18 and 19
}

TEST(CalendarTest, TheYearHas254WorkingDaysAndNothingOutsideIsGuessed) {
  Calendar c = Cn2024();
  EXPECT_EQ(c.Workdays(D("2023-12-31"), D("2024-12-31")), std::nullopt);
  // 2 January to 31 December (1 January is a holiday), counted independently.
  EXPECT_EQ(c.Workdays(D("2024-01-01"), D("2024-12-31")), 251);
  EXPECT_EQ(c.AddWorkdays(D("2024-12-20"), 20), std::nullopt);
  EXPECT_EQ(c.AddWorkdays(D("2024-10-31"), 20), D("2024-11-28"));
}

TEST(CalendarTest, MalformedCalendarsAreReportedAtTheirPlace) {
  auto load = [](const std::string& text) {
    auto file = std::make_shared<SourceFile>("cal.yaml", text);
    Diagnostics diags;
    std::optional<Calendar> c = Calendar::Load(file, diags);
    return std::make_pair(c.has_value(), test::Describe(diags));
  };
  const std::string bad_day = "calendar: x\nyears: [2024]\nholidays: [2024-02-30]\n";
  auto [ok, diags] = load(bad_day);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(test::Contains(diags, "E0401 @" + std::to_string(bad_day.find("2024-02-30")))) << diags;
  std::tie(ok, diags) = load("calendar: x\nyears: [2024]\nholiday: [2024-02-10]\n");
  EXPECT_FALSE(ok);
  EXPECT_TRUE(test::Contains(diags, "unknown key `holiday`")) << diags;
  std::tie(ok, diags) = load("calendar: x\nyears: [2024]\nholidays: [2025-01-01]\n");
  EXPECT_TRUE(test::Contains(diags, "outside the years")) << diags;
  std::tie(ok, diags) = load("calendar: x\nyears: [2024]\nholidays: [2024-10-12]\nworkdays: [2024-10-12]\n");
  EXPECT_TRUE(test::Contains(diags, "both a holiday and a working day")) << diags;
  std::tie(ok, diags) = load("calendar: x\nyears: [2024, 2026]\n");
  EXPECT_TRUE(test::Contains(diags, "follow one another")) << diags;
  std::tie(ok, diags) = load("[1, 2]\n");
  EXPECT_FALSE(ok);
}

}  // namespace
}  // namespace planc::rules
