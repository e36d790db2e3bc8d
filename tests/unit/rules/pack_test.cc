// Rule packs: layering (params override by name, disable, a child's rule
// replacing its parent's), what a rule may see, waivers, and rules that need
// population counts.
#include "compiler/rules/pack.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "compiler/rules/engine.h"
#include "tests/unit/overlap/overlap_test_support.h"

namespace planc::rules {
namespace {

namespace fs = std::filesystem;
using sema::CreditClass;
using sema::TaskText;

class PackTest : public ::testing::Test {
 protected:
  PackTest() {
    dir_ = fs::temp_directory_path() /
           ("planc_pack_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "calendars");
  }
  ~PackTest() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  std::optional<RuleSet> Load(const std::vector<std::string>& names, Diagnostics& diags) {
    auto plan = std::make_shared<SourceFile>("plan.plan", "plan \"p\" { rules x }");
    return LoadRules(names, PackSearch{{dir_.string()}}, plan, {0, 4}, diags);
  }

  fs::path dir_;
};

const char* kParent = R"(pack: parent
title: 上级
params:
  limit: 2
  deadline: 2024-11-20
rules:
  - id: few-inspectors
    title: 人员下限
    cite: law 第四十二条
    severity: error
    for: task
    require: task.inspectors.per_visit >= params.limit
    message: "{task.id}: {task.inspectors.per_visit} < {params.limit}"
  - id: late
    title: 期限
    for: task
    require: task.window.end <= params.deadline
    message: "{task.id} 太晚"
sources:
  law: 《中华人民共和国行政处罚法》
)";

const char* kChild = R"(pack: child
title: 下级
extends: [parent]
params:
  limit: 3
disable:
  - {id: late, because: "本地不考核"}
rules:
  - id: coverage
    title: 覆盖率
    severity: warning
    require: plan.coverage >= 3.5%
    message: 覆盖率 {plan.coverage}
)";

TEST_F(PackTest, ChildOverridesParamsAndDisablesParentRules) {
  Write("parent.yaml", kParent);
  Write("child.yaml", kChild);
  Diagnostics diags;
  std::optional<RuleSet> set = Load({"child"}, diags);
  ASSERT_TRUE(set) << test::Describe(diags);
  EXPECT_EQ(set->packs, (std::vector<std::string>{"parent", "child"}));
  ASSERT_EQ(set->params.size(), 2u);
  EXPECT_EQ(set->params[0].name, "limit");
  EXPECT_EQ(Format(set->params[0].value), "3");
  EXPECT_EQ(set->params[0].pack, "child");
  ASSERT_EQ(set->rules.size(), 2u);
  EXPECT_EQ(set->rules[0].id, "few-inspectors");
  EXPECT_EQ(set->rules[0].cite_text, "《中华人民共和国行政处罚法》 第四十二条");
  EXPECT_EQ(set->rules[1].id, "coverage");
  EXPECT_EQ(set->Find("late"), nullptr);
}

TEST_F(PackTest, AParentRuleCannotUseAChildsParam) {
  Write("parent.yaml", R"(pack: parent
title: 上级
rules:
  - id: r
    title: r
    require: params.only_child > 0
    message: m
)");
  Write("child.yaml", "pack: child\ntitle: 下级\nextends: [parent]\nparams:\n  only_child: 1\n");
  Diagnostics diags;
  EXPECT_FALSE(Load({"child"}, diags));
  EXPECT_TRUE(test::Contains(test::Describe(diags), "params has no field `only_child`"))
      << test::Describe(diags);
}

TEST_F(PackTest, CyclesMissingParentsAndDisablingUnknownRulesAreErrors) {
  Write("a.yaml", "pack: a\ntitle: a\nextends: [b]\n");
  Write("b.yaml", "pack: b\ntitle: b\nextends: [a]\n");
  Diagnostics diags;
  EXPECT_FALSE(Load({"a"}, diags));
  EXPECT_TRUE(test::Contains(test::Describe(diags), "extends itself")) << test::Describe(diags);

  Write("c.yaml", "pack: c\ntitle: c\nextends: [nowhere]\n");
  Diagnostics missing;
  EXPECT_FALSE(Load({"c"}, missing));
  std::string text = test::Describe(missing);
  EXPECT_TRUE(test::Contains(text, "E0402 @" + std::to_string(std::string("pack: c\ntitle: c\nextends: [").size()) + " rule pack `nowhere` is not found")) << text;

  Write("d.yaml", "pack: d\ntitle: d\ndisable:\n  - {id: nothing, because: x}\n");
  Diagnostics disable;
  EXPECT_FALSE(Load({"d"}, disable));
  EXPECT_TRUE(test::Contains(test::Describe(disable), "no parent pack has a rule `nothing`"));

  Write("e.yaml", "pack: wrong\ntitle: e\n");
  Diagnostics name;
  EXPECT_FALSE(Load({"e"}, name));
  EXPECT_TRUE(test::Contains(test::Describe(name), "this file is e.yaml but says `pack: wrong`"));
}

std::string Apply(const RuleSet& set, const std::string& plan, std::optional<data::Population> population,
                bool strict = false) {
  auto c = test::Compile(plan, std::move(population));
  Diagnostics diags;
  ApplyRules(set, c->model, c->overlap, strict, diags);
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) {
    out += d.code + " " + (d.severity == Severity::kError ? "error" : d.severity == Severity::kWarning ? "warning" : "note") +
           " " + d.message.en;
    for (const Text& n : d.notes) out += " | " + n.en;
    out += "\n";
  }
  return out;
}

TEST_F(PackTest, FindingsWaiversAndMissingFigures) {
  Write("parent.yaml", kParent);
  Write("child.yaml", kChild);
  Diagnostics diags;
  std::optional<RuleSet> set = Load({"child"}, diags);
  ASSERT_TRUE(set) << test::Describe(diags);
  std::string plan = test::PlanText(
      TaskText("T1", "5%") + TaskText("T2", "5%", "2024-05 .. 2024-09",
                                      "waive few-inspectors because \"两人一组，另有专家随行\""));
  // Without figures: the task rule fires (T2's finding waived to a note), the
  // plan rule cannot be checked: a note, an error with --strict.
  std::string out = Apply(*set, plan, std::nullopt);
  EXPECT_TRUE(test::Contains(out, "few-inspectors error T1: 2 < 3")) << out;
  EXPECT_TRUE(test::Contains(out, "few-inspectors note T2: 2 < 3 | waived for `T2`: 两人一组，另有专家随行"))
      << out;
  EXPECT_TRUE(test::Contains(out, "coverage note rule `coverage` cannot be checked without population counts"))
      << out;
  EXPECT_TRUE(test::Contains(Apply(*set, plan, std::nullopt, true), "coverage error rule `coverage`"));
  // With figures: 100 base units, each task draws 5% of its 100.
  data::Population population =
      test::MakePopulation({test::MakeAtom({"T1", "T2"}, CreditClass::kA, true, 100)});
  out = Apply(*set, plan, population);
  EXPECT_FALSE(test::Contains(out, "cannot be checked")) << out;
  // Positive coordination: both tasks draw the same 5 units: coverage 5%.
  EXPECT_FALSE(test::Contains(out, "coverage warning")) << out;
}

TEST_F(PackTest, ABrokenRuleIsReportedInItsPack) {
  Write("p.yaml", R"(pack: p
title: p
rules:
  - id: ratio
    title: r
    for: task
    require: task.planned / (task.planned - task.planned) > 1
    message: m
)");
  Diagnostics diags;
  std::optional<RuleSet> set = Load({"p"}, diags);
  ASSERT_TRUE(set) << test::Describe(diags);
  data::Population population = test::MakePopulation({test::MakeAtom({"T1"}, CreditClass::kA, true, 100)});
  std::string out = Apply(*set, test::PlanText(TaskText("T1", "5%")), population);
  EXPECT_TRUE(test::Contains(out, "ratio error rule `ratio` cannot be evaluated: division by zero")) << out;
}

}  // namespace
}  // namespace planc::rules
