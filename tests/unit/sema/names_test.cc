// Names: unknown names with "did you mean" fixes, duplicates, unused
// declarations, scopes that refer to themselves.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/sema/sema_test_support.h"
#include "tests/unit/test_support.h"

namespace planc::sema {
namespace {

using test::CountCode;
using test::Describe;
using test::TextAt;

// The only diagnostic of `code`, checked to exist.
Diagnostic Only(const Analyzed& result, std::string_view code) {
  std::vector<Diagnostic> found = test::WithCode(result.diags, code);
  EXPECT_EQ(found.size(), 1u) << Describe(result.diags);
  return found.empty() ? Diagnostic{} : found[0];
}

std::string Fixed(const Analyzed& result, const Diagnostic& d) {
  if (d.fixes.size() != 1) return "<" + std::to_string(d.fixes.size()) + " fixes>";
  return test::ApplyEdits(result.file->text(), d.fixes[0].edits);
}

TEST(NamesTest, UnknownLeadUnitSuggestsTheCloseName) {
  std::string text = "plan \"P\" { year 2024 }\nunit 食品流通监管股\nunit 特种设备安全监察股\n"
                     "scope 企业 = kind == \"enterprise\"\npool 执法 = active\n"
                     "task T01 \"x\" { lead 食品流通股 with 特种设备安全监察股 targets 企业 items \"a\" "
                     "sample 5% window 2024-05 .. 2024-06 inspectors 2 from 执法 }\n";
  auto result = AnalyzeText(text);
  EXPECT_FALSE(result->plan.has_value());
  Diagnostic d = Only(*result, "E0101");
  ASSERT_TRUE(d.primary.has_value());
  EXPECT_EQ(TextAt(*result->file, d.primary->range), "食品流通股");
  EXPECT_TRUE(test::Contains(d.help.en, "食品流通监管股")) << d.help.en;
  ASSERT_EQ(d.fixes.size(), 1u);
  ASSERT_EQ(d.fixes[0].edits.size(), 1u);
  EXPECT_EQ(d.fixes[0].edits[0].range, d.primary->range);
  EXPECT_EQ(d.fixes[0].edits[0].replacement, "食品流通监管股");
  std::string fixed = Fixed(*result, d);
  EXPECT_TRUE(test::Contains(fixed, "lead 食品流通监管股 with")) << fixed;
  // The fixed text analyses cleanly.
  auto again = AnalyzeText(fixed);
  EXPECT_TRUE(again->plan.has_value()) << Describe(again->diags);
}

TEST(NamesTest, UnknownWithUnit) {
  auto result = AnalyzeText(
      PlanWith(TaskText("T01", "5%", "2024-05 .. 2024-09", "with 蚶江"), "unit 蚶江所\n"));
  Diagnostic d = Only(*result, "E0101");
  EXPECT_EQ(TextAt(*result->file, d.primary->range), "蚶江");
  EXPECT_TRUE(test::Contains(Fixed(*result, d), "with 蚶江所")) << Fixed(*result, d);
}

TEST(NamesTest, UnknownPoolSuggestsTheCloseName) {
  std::string text = PlanWith(
      "task T01 \"x\" { lead 股A targets 企业 items \"a\" sample 5% window 2024-05 .. 2024-06 "
      "inspectors 2 from 执法队 }\n");
  auto result = AnalyzeText(text);
  EXPECT_FALSE(result->plan.has_value());
  Diagnostic d = Only(*result, "E0101");
  EXPECT_EQ(TextAt(*result->file, d.primary->range), "执法队");
  EXPECT_TRUE(test::Contains(Fixed(*result, d), "from 执法 }")) << Fixed(*result, d);
}

TEST(NamesTest, UnknownTargetScopeSuggestsTheCloseName) {
  std::string text = PlanWith(
      "task T01 \"x\" { lead 股A targets 食品销售 items \"a\" sample 5% "
      "window 2024-05 .. 2024-06 inspectors 2 from 执法 }\n",
      "scope 食品销售者 = 企业 and licences has \"食品经营许可\"\n");
  auto result = AnalyzeText(text);
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0101");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(TextAt(*result->file, found[0].primary->range), "食品销售");
  ASSERT_EQ(found[0].fixes.size(), 1u);
  EXPECT_EQ(found[0].fixes[0].edits.at(0).replacement, "食品销售者");
}

TEST(NamesTest, NoSuggestionWhenNothingIsClose) {
  auto result = AnalyzeText(PlanWith(
      "task T01 \"x\" { lead 特种设备安全监察股 targets 企业 items \"a\" sample 5% "
      "window 2024-05 .. 2024-06 inspectors 2 from 执法 }\n"));
  Diagnostic d = Only(*result, "E0101");
  EXPECT_TRUE(d.fixes.empty());
  EXPECT_FALSE(d.help.empty());  // says how to declare it instead
}

TEST(NamesTest, MisspeltColumnIsAWarningWithAFix) {
  auto result = AnalyzeText(PlanWith(TaskText("T01"), "scope 服装 = 企业 and industy.startsWith(\"C18\")\n"
                                                      "scope 使用 = 服装\n"));
  std::vector<Diagnostic> found = test::WithCode(result->diags, "W0102");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(TextAt(*result->file, found[0].primary->range), "industy");
  ASSERT_EQ(found[0].fixes.size(), 1u);
  EXPECT_EQ(found[0].fixes[0].edits.at(0).replacement, "industry");
}

TEST(NamesTest, DuplicateDeclarationPointsAtTheFirst) {
  auto result = AnalyzeText(PlanWith(TaskText("T01") + TaskText("T01"), "pool 执法 = active\n"));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0102");
  ASSERT_EQ(found.size(), 2u) << Describe(result->diags);
  for (const Diagnostic& d : found) {
    ASSERT_EQ(d.secondary.size(), 1u);
    EXPECT_LT(d.secondary[0].range.begin, d.primary->range.begin);
    EXPECT_EQ(TextAt(*result->file, d.secondary[0].range), TextAt(*result->file, d.primary->range));
  }
}

TEST(NamesTest, SameNameInDifferentKindsIsAllowed) {
  auto result = AnalyzeText(PlanWith(TaskText("T01"), "unit 企业\n"));
  EXPECT_EQ(CountCode(result->diags, "E0102"), 0) << Describe(result->diags);
}

TEST(NamesTest, UnusedUnitScopeAndPool) {
  auto result = AnalyzeText(PlanWith(TaskText("T01"),
                                     "unit 股B\nscope 未用 = kind == \"x\"\npool 闲置 = active\n"));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  std::vector<Diagnostic> found = test::WithCode(result->diags, "W0101");
  ASSERT_EQ(found.size(), 3u) << Describe(result->diags);
  std::vector<std::string> names;
  for (const Diagnostic& d : found) names.push_back(TextAt(*result->file, d.primary->range));
  EXPECT_EQ(names, (std::vector<std::string>{"股B", "未用", "闲置"}));
  for (const Diagnostic& d : found) EXPECT_EQ(d.severity, Severity::kWarning);
}

TEST(NamesTest, ScopeUsedByAScopeOrTheBaseIsUsed) {
  std::string text =
      "plan \"P\" { year 2024 base 基数范围 }\nunit 股A\npool 执法 = active\n"
      "scope 基数范围 = kind == \"enterprise\"\nscope 企业 = 内层\nscope 内层 = status == \"active\"\n" +
      TaskText("T01");
  auto result = AnalyzeText(text);
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(CountCode(result->diags, "W0101"), 0) << Describe(result->diags);
}

TEST(NamesTest, UnitUsedOnlyInWithIsUsed) {
  auto result = AnalyzeText(
      PlanWith(TaskText("T01", "5%", "2024-05 .. 2024-09", "with 股B"), "unit 股B\n"));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(CountCode(result->diags, "W0101"), 0) << Describe(result->diags);
}

TEST(ScopeCycleTest, TwoScopeCycleIsReportedOnce) {
  auto result = AnalyzeText(PlanWith(
      WithTargets(TaskText("T01"), "a"),
      "scope a = b and kind == \"x\"\nscope b = a\n"));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0111");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_TRUE(test::Contains(found[0].message.en, "a → b → a") ||
              test::Contains(found[0].message.en, "b → a → b"))
      << found[0].message.en;
  ASSERT_EQ(found[0].secondary.size(), 1u);
}

TEST(ScopeCycleTest, ThreeScopeCycleIsReportedOnce) {
  auto result = AnalyzeText(PlanWith(TaskText("T01"),
                                     "scope d = a\nscope a = b\nscope b = c\nscope c = a or d\n"
                                     "scope 企业2 = d\n"));
  EXPECT_FALSE(result->plan.has_value());
  // a → b → c → a and a → b → c → d → a are two cycles; each closing
  // reference is reported, none twice.
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0111");
  ASSERT_FALSE(found.empty()) << Describe(result->diags);
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_NE(found[i].primary->range.begin, found[i - 1].primary->range.begin)
        << Describe(result->diags);
  }
}

TEST(ScopeCycleTest, ScopeUsingACycleIsNotPartOfIt) {
  auto result = AnalyzeText(PlanWith(TaskText("T01"),
                                     "scope d = a\nscope a = b\nscope b = a\nscope e = d and a\n"));
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0111");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
}

TEST(ScopeCycleTest, SelfReferenceIsReported) {
  auto result = AnalyzeText(PlanWith(WithTargets(TaskText("T01"), "自身"), "scope 自身 = 自身 or kind == \"x\"\n"));
  EXPECT_FALSE(result->plan.has_value());
  Diagnostic d = Only(*result, "E0111");
  ASSERT_TRUE(d.primary.has_value());
  // At the reference, not the declaration.
  EXPECT_EQ(TextAt(*result->file, d.primary->range), "自身");
  EXPECT_EQ(d.primary->range.begin, result->file->text().find("= 自身") + 2);
  ASSERT_EQ(d.secondary.size(), 1u);
  EXPECT_EQ(d.secondary[0].range.begin, result->file->text().find("scope 自身") + 6);
}

TEST(ScopeCycleTest, UnusedWarningsWaitForAnErrorFreePlan) {
  // Beside an error, "never used" is noise: it comes once the plan has none.
  auto result = AnalyzeText(PlanWith(TaskText("T01"), "scope 孤立 = 孤立 and kind == \"x\"\n"));
  EXPECT_EQ(CountCode(result->diags, "E0111"), 1) << Describe(result->diags);
  EXPECT_EQ(CountCode(result->diags, "W0101"), 0) << Describe(result->diags);
  auto clean = AnalyzeText(PlanWith(TaskText("T01"), "scope 孤立 = kind == \"x\"\n"));
  EXPECT_EQ(CountCode(clean->diags, "W0101"), 1) << Describe(clean->diags);
}

}  // namespace
}  // namespace planc::sema
