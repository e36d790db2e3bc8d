// Analyze on small plans: values, windows, samples, waivers, defaults.
#include "compiler/sema/sema.h"

#include <gtest/gtest.h>

#include <string>

#include "compiler/parse/parse.h"
#include "tests/unit/sema/sema_test_support.h"
#include "tests/unit/test_support.h"

namespace planc::sema {
namespace {

using test::CountCode;
using test::Describe;

TEST(SemaTest, CleanPlanHasNoDiagnostics) {
  auto result = AnalyzeText(PlanWith(TaskText("T01")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_TRUE(result->diags.empty()) << Describe(result->diags);
  ASSERT_EQ(result->plan->tasks.size(), 1u);
  const Task& task = result->plan->tasks[0];
  EXPECT_EQ(task.id, "T01");
  EXPECT_EQ(task.name, "任务T01");
  EXPECT_EQ(task.lead, "股A");
  EXPECT_EQ(task.pool, "执法");
  EXPECT_EQ(task.per_visit, 2);
  EXPECT_EQ(task.items, std::vector<std::string>{"检查事项"});
  EXPECT_EQ(expr::ToCanonical(task.targets), "企业");
  EXPECT_EQ(task.type, ast::TaskType::kRandom);
  EXPECT_EQ(task.domain, ast::Domain::kGeneral);
  EXPECT_EQ(task.organizer, ast::Organizer::kLocal);
  EXPECT_EQ(task.merge, ast::MergeMode::kAuto);
}

TEST(SemaTest, PlanBlockValues) {
  auto result = AnalyzeText(
      "plan \"石狮市2024年计划\" {\n  authority \"石狮市市场监督管理局\"\n  document \"狮市监〔2024〕7号\"\n"
      "  issued 2024-04-25\n  year 2024\n  rules quanzhou-2024, extra\n  registry \"registry.csv\"\n"
      "  base 企业 and registered_on <= 2023-12-31\n  coordination negative\n}\n"
      "unit 股A\nscope 企业 = kind == \"enterprise\"\npool 执法 = active\n" +
      TaskText("T01"));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_TRUE(result->diags.empty()) << Describe(result->diags);
  const Plan& plan = *result->plan;
  EXPECT_EQ(plan.title, "石狮市2024年计划");
  EXPECT_EQ(plan.authority, "石狮市市场监督管理局");
  EXPECT_EQ(plan.document, "狮市监〔2024〕7号");
  ASSERT_TRUE(plan.issued.has_value());
  EXPECT_EQ(plan.issued->ToString(), "2024-04-25");
  EXPECT_EQ(plan.year, 2024);
  EXPECT_EQ(plan.rule_packs, (std::vector<std::string>{"quanzhou-2024", "extra"}));
  EXPECT_EQ(plan.registry, "registry.csv");
  ASSERT_TRUE(plan.base.has_value());
  EXPECT_EQ(expr::ToCanonical(*plan.base), "企业 and registered_on <= 2023-12-31");
  EXPECT_EQ(plan.coordination, ast::Coordination::kNegative);
  EXPECT_EQ(plan.file, result->file);
}

TEST(SemaTest, MonthWindowExpandsToFirstAndLastDay) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-02 .. 2024-02")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Window& window = result->plan->tasks.at(0).window;
  EXPECT_EQ(window.start.ToString(), "2024-02-01");
  EXPECT_EQ(window.end.ToString(), "2024-02-29");
}

TEST(SemaTest, MonthWindowInACommonYear) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2023-02 .. 2023-02"), "", 2023));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(result->plan->tasks.at(0).window.end.ToString(), "2023-02-28");
}

TEST(SemaTest, MonthAndDateMayBeMixed) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-07 .. 2024-08-15") +
                                     TaskText("T02", "5%", "2024-06-03..2024-09")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Window& first = result->plan->tasks.at(0).window;
  EXPECT_EQ(first.start.ToString(), "2024-07-01");
  EXPECT_EQ(first.end.ToString(), "2024-08-15");
  const Window& second = result->plan->tasks.at(1).window;
  EXPECT_EQ(second.start.ToString(), "2024-06-03");
  EXPECT_EQ(second.end.ToString(), "2024-09-30");
  EXPECT_EQ(test::TextAt(*result->file, first.range), "window 2024-07 .. 2024-08-15");
}

TEST(SemaTest, SingleDayWindow) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-05-20 .. 2024-05-20")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(result->plan->tasks.at(0).window.start, result->plan->tasks.at(0).window.end);
}

TEST(SemaTest, MonthThirteenIsInvalid) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-05 .. 2024-13")));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0108");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(test::TextAt(*result->file, found[0].primary->range), "2024-13");
}

TEST(SemaTest, DayThatDoesNotExist) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-02-30 .. 2024-09")));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0108");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(test::TextAt(*result->file, found[0].primary->range), "2024-02-30");
}

TEST(SemaTest, ReversedWindow) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-09 .. 2024-05")));
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0109"), 1) << Describe(result->diags);
  EXPECT_EQ(CountCode(result->diags, "E0110"), 0) << Describe(result->diags);
}

TEST(SemaTest, WindowOutsideThePlanYear) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-11 .. 2025-01")));
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0110"), 1) << Describe(result->diags);
}

TEST(SemaTest, RatioIsExact) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "3.5%")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Sample& sample = result->plan->tasks.at(0).sample;
  EXPECT_EQ(sample.mode, Sample::Mode::kRatio);
  ASSERT_TRUE(sample.amount.ratio.has_value());
  EXPECT_EQ(sample.amount.ratio->Compare(Decimal(35, 3)), 0);
  EXPECT_EQ(sample.amount.ratio->ToPercent(), "3.5%");
  EXPECT_FALSE(sample.amount.count.has_value());
  EXPECT_FALSE(sample.amount.min.has_value());
}

TEST(SemaTest, Count) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "20")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Sample& sample = result->plan->tasks.at(0).sample;
  EXPECT_EQ(sample.mode, Sample::Mode::kCount);
  EXPECT_EQ(sample.amount.count, 20);
  EXPECT_FALSE(sample.amount.ratio.has_value());
}

TEST(SemaTest, CountZeroDrawsNone) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "0")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(result->plan->tasks.at(0).sample.amount.count, 0);
}

TEST(SemaTest, RatioWithFloor) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "10% min 20")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Sample& sample = result->plan->tasks.at(0).sample;
  EXPECT_EQ(sample.mode, Sample::Mode::kRatio);
  ASSERT_TRUE(sample.amount.ratio.has_value());
  EXPECT_TRUE(*sample.amount.ratio == Decimal(1, 1));
  EXPECT_EQ(sample.amount.min, 20);
  EXPECT_EQ(test::TextAt(*result->file, sample.range), "10% min 20");
}

TEST(SemaTest, RatioBounds) {
  auto ok = AnalyzeText(PlanWith(TaskText("T01", "0%") + TaskText("T02", "100%")));
  ASSERT_TRUE(ok->plan.has_value()) << Describe(ok->diags);
  EXPECT_TRUE(*ok->plan->tasks.at(1).sample.amount.ratio == Decimal(1, 0));
  auto over = AnalyzeText(PlanWith(TaskText("T01", "100.5%")));
  EXPECT_FALSE(over->plan.has_value());
  EXPECT_EQ(CountCode(over->diags, "E0107"), 1) << Describe(over->diags);
}

TEST(SemaTest, RatioWithoutPercentHasAFix) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "0.05")));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0119");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  ASSERT_EQ(found[0].fixes.size(), 1u);
  ASSERT_EQ(found[0].fixes[0].edits.size(), 1u);
  EXPECT_EQ(test::TextAt(*result->file, found[0].fixes[0].edits[0].range), "0.05");
  EXPECT_EQ(found[0].fixes[0].edits[0].replacement, "5%");
}

TEST(SemaTest, FloorAfterACount) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "20 min 3")));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0113");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(test::TextAt(*result->file, found[0].primary->range), "3");
}

TEST(SemaTest, FloorOfZero) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "10% min 0")));
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0121"), 1) << Describe(result->diags);
}

constexpr char kByCreditWithoutU[] = "by credit { A: 1%, B: 3% min 2, C: 10%, D: 30% }";

TEST(SemaTest, ByCreditWithoutUTakesB) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", kByCreditWithoutU)));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Sample& sample = result->plan->tasks.at(0).sample;
  EXPECT_EQ(sample.mode, Sample::Mode::kCredit);
  EXPECT_TRUE(sample.u_from_b);
  const auto& b = sample.by_class[static_cast<int>(CreditClass::kB)];
  const auto& u = sample.by_class[static_cast<int>(CreditClass::kU)];
  ASSERT_TRUE(b.has_value());
  ASSERT_TRUE(u.has_value());
  ASSERT_TRUE(u->ratio.has_value());
  EXPECT_TRUE(*u->ratio == Decimal(3, 2));
  EXPECT_EQ(u->min, 2);
  EXPECT_TRUE(*u->ratio == *b->ratio);
  EXPECT_TRUE(*sample.by_class[static_cast<int>(CreditClass::kD)]->ratio == Decimal(3, 1));
}

TEST(SemaTest, ByCreditWithoutUEmitsOneNote) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", kByCreditWithoutU)));
  std::vector<Diagnostic> notes = test::WithCode(result->diags, "N0001");
  ASSERT_EQ(notes.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(notes[0].severity, Severity::kNote);
  EXPECT_EQ(test::TextAt(*result->file, notes[0].primary->range), kByCreditWithoutU);
  EXPECT_EQ(result->diags.Sorted().size(), 1u) << Describe(result->diags);
}

TEST(SemaTest, ByCreditWithU) {
  auto result = AnalyzeText(
      PlanWith(TaskText("T01", "按信用 { A: 0%, B: 3%, C: 10%, D: 30% min 3, U: 5%, }")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_TRUE(result->diags.empty()) << Describe(result->diags);
  const Sample& sample = result->plan->tasks.at(0).sample;
  EXPECT_FALSE(sample.u_from_b);
  EXPECT_TRUE(*sample.by_class[static_cast<int>(CreditClass::kU)]->ratio == Decimal(5, 2));
  EXPECT_TRUE(*sample.by_class[static_cast<int>(CreditClass::kA)]->ratio == Decimal(0, 0));
  EXPECT_EQ(sample.by_class[static_cast<int>(CreditClass::kD)]->min, 3);
}

TEST(SemaTest, ByCreditMayMixCounts) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "by credit { A: 0, B: 5, C: 10%, D: 100% }")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Sample& sample = result->plan->tasks.at(0).sample;
  EXPECT_EQ(sample.by_class[static_cast<int>(CreditClass::kB)]->count, 5);
  EXPECT_EQ(sample.by_class[static_cast<int>(CreditClass::kU)]->count, 5);
}

TEST(SemaTest, ByCreditMissingAClass) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "by credit { A: 1%, B: 3%, D: 30% }")));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0115");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_TRUE(test::Contains(found[0].message.en, "C")) << found[0].message.en;
  EXPECT_EQ(CountCode(result->diags, "N0001"), 0) << Describe(result->diags);
}

TEST(SemaTest, ByCreditDuplicateAndUnknownClasses) {
  auto result = AnalyzeText(
      PlanWith(TaskText("T01", "by credit { A: 1%, B: 3%, C: 10%, D: 30%, B: 4%, a: 1% }")));
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0116"), 1) << Describe(result->diags);
  std::vector<Diagnostic> unknown = test::WithCode(result->diags, "E0117");
  ASSERT_EQ(unknown.size(), 1u) << Describe(result->diags);
  ASSERT_EQ(unknown[0].fixes.size(), 1u);
  EXPECT_EQ(unknown[0].fixes[0].edits.at(0).replacement, "A");
}

TEST(SemaTest, MethodDefaultsToOnsite) {
  auto result = AnalyzeText(PlanWith(TaskText("T01") +
                                     TaskText("T02", "5%", "2024-05 .. 2024-09",
                                              "method online, documents")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(result->plan->tasks.at(0).methods, std::vector<ast::Method>{ast::Method::kOnsite});
  EXPECT_EQ(result->plan->tasks.at(1).methods,
            (std::vector<ast::Method>{ast::Method::kOnline, ast::Method::kDocuments}));
}

TEST(SemaTest, TaskEnumsAndNote) {
  auto result = AnalyzeText(PlanWith(TaskText(
      "T01", "5%", "2024-05 .. 2024-09",
      "type directed domain professional organizer province merge never note \"备注\"")));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const Task& task = result->plan->tasks.at(0);
  EXPECT_EQ(task.type, ast::TaskType::kDirected);
  EXPECT_EQ(task.domain, ast::Domain::kProfessional);
  EXPECT_EQ(task.organizer, ast::Organizer::kProvince);
  EXPECT_EQ(task.merge, ast::MergeMode::kNever);
  EXPECT_EQ(task.note, "备注");
}

TEST(SemaTest, TopLevelWaiverAttachesToEveryNamedTask) {
  auto result = AnalyzeText(PlanWith(
      TaskText("T01", "5%", "2024-05 .. 2024-09",
               "waive credit-differentiated because \"专业领域\"") +
      TaskText("T02") + TaskText("T03") +
      "waive merge-windows for T01, T02 because \"省局统一安排在5—6月完成\"\n"));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  const auto& tasks = result->plan->tasks;
  ASSERT_EQ(tasks.size(), 3u);
  ASSERT_EQ(tasks[0].waivers.size(), 2u);
  EXPECT_EQ(tasks[0].waivers[0].rule, "credit-differentiated");
  EXPECT_EQ(tasks[0].waivers[0].reason, "专业领域");
  EXPECT_EQ(tasks[0].waivers[1].rule, "merge-windows");
  EXPECT_EQ(tasks[0].waivers[1].reason, "省局统一安排在5—6月完成");
  ASSERT_EQ(tasks[1].waivers.size(), 1u);
  EXPECT_EQ(tasks[1].waivers[0].rule, "merge-windows");
  EXPECT_EQ(tasks[1].waivers[0].reason, "省局统一安排在5—6月完成");
  EXPECT_TRUE(tasks[2].waivers.empty());
}

TEST(SemaTest, WaiverForAnUnknownTask) {
  auto result = AnalyzeText(PlanWith(TaskText("T01") + TaskText("T02") +
                                     "waive merge-windows for T01, T03 because \"x\"\n"));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0101");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(test::TextAt(*result->file, found[0].primary->range), "T03");
  // T01 is listed already; T02 is the likely meaning.
  ASSERT_EQ(found[0].fixes.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(found[0].fixes[0].edits.at(0).replacement, "T02");
}

TEST(SemaTest, ReturnsNulloptOnAnyError) {
  auto result = AnalyzeText(PlanWith(TaskText("T01") + "unit 股A\n"));
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0102"), 1) << Describe(result->diags);
}

TEST(SemaTest, ReturnsAPlanWithWarningsAndNotes) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", kByCreditWithoutU), "unit 股B\n"));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  EXPECT_EQ(result->diags.errors(), 0u);
  EXPECT_EQ(result->diags.warnings(), 1u) << Describe(result->diags);
  EXPECT_EQ(result->diags.notes(), 1u) << Describe(result->diags);
}

TEST(SemaTest, MissingPlanBlock) {
  auto result = AnalyzeText("unit 股A\n");
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0105"), 1) << Describe(result->diags);
}

TEST(SemaTest, PlanWithoutYear) {
  auto result = AnalyzeText("plan \"P\" { authority \"A\" }\n");
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0103");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_TRUE(test::Contains(found[0].message.en, "year")) << found[0].message.en;
}

TEST(SemaTest, RegistryAndStats) {
  auto result = AnalyzeText("plan \"P\" { year 2024 registry \"r.csv\" stats \"s.json\" }\n");
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0120"), 1) << Describe(result->diags);
}

TEST(SemaTest, WrongValueTypes) {
  auto result = AnalyzeText("plan \"P\" { year \"2024\" issued 2024 authority 3 }\n");
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0113"), 3) << Describe(result->diags);
}

TEST(SemaTest, MissingTaskFields) {
  auto result = AnalyzeText(PlanWith("task T09 \"缺字段\" {\n  lead 股A\n}\n"));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0103");
  ASSERT_FALSE(found.empty()) << Describe(result->diags);
  std::string all;
  for (const Diagnostic& d : found) {
    EXPECT_EQ(test::TextAt(*result->file, d.primary->range), "T09");
    all += d.message.en;
  }
  for (const char* field : {"targets", "items", "sample", "window", "inspectors"}) {
    EXPECT_TRUE(test::Contains(all, field)) << field << ": " << all;
  }
  EXPECT_FALSE(test::Contains(all, "lead")) << all;
}

TEST(SemaTest, NoMissingFieldReportAfterASyntaxError) {
  std::string text = PlanWith("task T09 \"坏\" {\n  lead 股A\n  window 2024-05 - 2024-09\n}\n");
  auto result = AnalyzeText(text, /*allow_syntax_errors=*/true);
  EXPECT_GE(CountCode(result->diags, "E0001"), 1) << Describe(result->diags);
  EXPECT_EQ(CountCode(result->diags, "E0103"), 0) << Describe(result->diags);
}

TEST(SemaTest, FieldGivenTwice) {
  auto result = AnalyzeText(
      PlanWith(TaskText("T01", "5%", "2024-05 .. 2024-09", "lead 股A waive a because \"x\" "
                                                          "waive b because \"y\"")));
  EXPECT_FALSE(result->plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(result->diags, "E0104");
  // `waive` may repeat; `lead` may not.
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(found[0].secondary.size(), 1u);
}

TEST(SemaTest, EmptyAndDuplicateItems) {
  auto empty = AnalyzeText(PlanWith(
      "task T01 \"x\" { lead 股A targets 企业 items [] sample 5% window 2024-05 .. 2024-06 "
      "inspectors 2 from 执法 }\n"));
  EXPECT_EQ(CountCode(empty->diags, "E0118"), 1) << Describe(empty->diags);
  auto twice = AnalyzeText(PlanWith(
      "task T01 \"x\" { lead 股A targets 企业 items \"a\", \"b\", \"a\" sample 5% "
      "window 2024-05 .. 2024-06 inspectors 2 from 执法 }\n"));
  ASSERT_TRUE(twice->plan.has_value()) << Describe(twice->diags);
  EXPECT_EQ(CountCode(twice->diags, "W0103"), 1) << Describe(twice->diags);
  EXPECT_EQ(twice->plan->tasks.at(0).items, (std::vector<std::string>{"a", "b"}));
}

TEST(SemaTest, LeadAlsoWith) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-05 .. 2024-09", "with 股B, 股A"),
                                     "unit 股B\n"));
  ASSERT_TRUE(result->plan.has_value()) << Describe(result->diags);
  std::vector<Diagnostic> found = test::WithCode(result->diags, "W0104");
  ASSERT_EQ(found.size(), 1u) << Describe(result->diags);
  EXPECT_EQ(result->plan->tasks.at(0).with, (std::vector<std::string>{"股B", "股A"}));
}

TEST(SemaTest, LeadListedTwiceInWithIsReportedOncePerPlace) {
  auto result = AnalyzeText(PlanWith(TaskText("T01", "5%", "2024-05 .. 2024-09", "with 股A, 股A")));
  std::vector<Diagnostic> found = test::WithCode(result->diags, "W0104");
  ASSERT_FALSE(found.empty()) << Describe(result->diags);
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_FALSE(found[i].primary->range == found[i - 1].primary->range)
        << "the same W0104 twice at one place:\n"
        << Describe(result->diags);
  }
}

// A ratio inside 0–100% is never "outside 0%–100%", even when it has more
// digits than an exact decimal holds.
TEST(SemaTest, LongRatioInsideTheRangeIsNotOutOfRange) {
  for (const char* ratio : {"100.0000000000000000000%", "0.0000000000000000001%"}) {
    auto result = AnalyzeText(PlanWith(TaskText("T01", ratio)));
    EXPECT_EQ(CountCode(result->diags, "E0107"), 0) << ratio << "\n" << Describe(result->diags);
  }
}

TEST(SemaTest, InspectorsMustBeAtLeastOne) {
  std::string text = PlanWith(
      "task T01 \"x\" { lead 股A targets 企业 items \"a\" sample 5% window 2024-05 .. 2024-06 "
      "inspectors 0 from 执法 }\n");
  auto result = AnalyzeText(text);
  EXPECT_FALSE(result->plan.has_value());
  EXPECT_EQ(CountCode(result->diags, "E0121"), 1) << Describe(result->diags);
}

}  // namespace
}  // namespace planc::sema
