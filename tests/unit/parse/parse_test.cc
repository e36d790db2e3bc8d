// Parse: plan text to AST. Keyword spellings, names, lists, spans, recovery.
#include "compiler/parse/parse.h"

#include <gtest/gtest.h>

#include <string>

#include "compiler/ast/dump.h"
#include "tests/unit/test_support.h"

namespace planc {
namespace {

using test::MakeFile;
using test::TextAt;

struct Parsed {
  SourcePtr file;
  Diagnostics diags;
  std::optional<ast::Plan> plan;
  std::string Dump() const { return plan ? ast::Dump(*plan, *file, false) : "<nullopt>"; }
};

std::unique_ptr<Parsed> ParseText(std::string text) {
  auto out = std::make_unique<Parsed>();
  out->file = MakeFile(std::move(text));
  out->plan = Parse(out->file, out->diags);
  return out;
}

constexpr char kEnglish[] = R"(plan "P" {
  authority "A"
  document "D"
  issued 2024-04-25
  year 2024
  rules quanzhou-2024
  registry "r.csv"
  base 企业 and registered_on <= 2023-12-31
  coordination independent
}
unit 股A "全名"
scope 企业 = kind == "enterprise"
pool 执法 = active and qualifications has "食品"
task T01 "名称" {
  type directed domain professional organizer city
  lead 股A
  with 所B, 所C
  targets 企业
  items ["x", "y"]
  method onsite, documents, online
  sample by credit { A: 1%, B: 3% min 2, C: 10%, D: 30%, U: 3% }
  window 2024-05 .. 2024-09-30
  inspectors 2 from 执法
  merge never
  note "n"
  waive credit-differentiated because "r"
}
task T02 "二" {
  type random domain general organizer province merge auto
  sample 10% min 20
}
plan "Q" { coordination negative ; stats "s.json" ; coordination positive ; organizer local }
waive merge-windows for T01, T02 because "why"
)";

constexpr char kChinese[] = R"(计划 "P" {
  机关 "A"
  文号 "D"
  印发 2024-04-25
  年度 2024
  规则 quanzhou-2024
  名录库 "r.csv"
  基数 企业 and registered_on <= 2023-12-31
  协同 独立
}
单位 股A "全名"
范围 企业 = kind == "enterprise"
人员库 执法 = active and qualifications has "食品"
任务 T01 "名称" {
  类型 定向 领域 专业 组织 市局
  牵头 股A
  配合 所B, 所C
  对象 企业
  事项 ["x", "y"]
  方式 实地核查, 书面检查, 网络监测
  比例 按信用 { A: 1%, B: 3% 不少于 2, C: 10%, D: 30%, U: 3% }
  时间 2024-05 .. 2024-09-30
  人员 2 从 执法
  合并 不合并
  备注 "n"
  豁免 credit-differentiated 理由 "r"
}
任务 T02 "二" {
  类型 不定向 领域 一般 组织 省局 合并 自动
  比例 10% 不少于 20
}
计划 "Q" { 协同 负协同 ; 统计 "s.json" ; 协同 正协同 ; 组织 本局 }
豁免 merge-windows 适用 T01, T02 理由 "why"
)";

TEST(ParseTest, EnglishAndChineseKeywordsGiveTheSameAst) {
  auto en = ParseText(kEnglish);
  auto zh = ParseText(kChinese);
  ASSERT_TRUE(en->plan.has_value());
  ASSERT_TRUE(zh->plan.has_value());
  EXPECT_EQ(en->Dump(), zh->Dump());
  // The same syntax error (`organizer` is not a plan field) in both.
  EXPECT_EQ(test::Codes(en->diags), test::Codes(zh->diags));
}

TEST(ParseTest, KeywordPlanReadsEveryField) {
  auto en = ParseText(kEnglish);
  ASSERT_TRUE(en->plan.has_value());
  std::string dump = en->Dump();
  for (const char* expected :
       {"coordination independent", "Task T01 \"名称\"", "type directed", "domain professional",
        "organizer city", "organizer province", "merge never", "merge auto", "sample by credit",
        "B: percent 3% min int 2", "window month 2024-05 .. date 2024-09-30",
        "inspectors int 2 from 执法", "waive credit-differentiated because \"r\"",
        "Waive merge-windows for T01, T02 because \"why\"", "Unit 股A \"全名\"", "Pool 执法",
        "Name quanzhou-2024", "onsite", "documents", "online"}) {
    EXPECT_TRUE(test::Contains(dump, expected)) << expected << "\n" << dump;
  }
  const ast::TaskDecl& t01 = en->plan->tasks.at(0);
  EXPECT_EQ(t01.fields.size(), 14u);
  EXPECT_FALSE(t01.has_syntax_error);
  EXPECT_EQ(en->plan->plans.size(), 2u);
}

TEST(ParseTest, CleanPlanHasNoDiagnostics) {
  auto parsed = ParseText(R"(plan "P" { year 2024 }
unit 股A
task T01 "名称" { lead 股A ; items "x" ; window 2024-05..2024-06 }
)");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  ASSERT_EQ(parsed->plan->tasks.size(), 1u);
  EXPECT_EQ(parsed->plan->tasks[0].fields.size(), 3u);
}

TEST(ParseTest, EmptyFileParses) {
  auto parsed = ParseText("");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty());
  EXPECT_TRUE(parsed->plan->tasks.empty());
}

TEST(ParseTest, ByteOrderMarkIsIgnored) {
  auto parsed = ParseText("\xEF\xBB\xBFunit 股A\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  ASSERT_EQ(parsed->plan->units.size(), 1u);
  EXPECT_EQ(parsed->plan->units[0].id.name, "股A");
}

TEST(ParseTest, LongerNameContainingAKeywordIsAnIdentifier) {
  auto parsed = ParseText("scope 人员库存 = kind == \"x\"\npool 人员库A = 人员库存\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  ASSERT_EQ(parsed->plan->scopes.size(), 1u);
  EXPECT_EQ(parsed->plan->scopes[0].id.name, "人员库存");
  ASSERT_EQ(parsed->plan->pools.size(), 1u);
  EXPECT_EQ(parsed->plan->pools[0].id.name, "人员库A");
  const ast::Expr& e = parsed->plan->pools[0].expr;
  EXPECT_EQ(e.kind, ast::Expr::Kind::kName);
  EXPECT_EQ(e.name, "人员库存");
}

TEST(ParseTest, KeywordGluedToANameIsOneIdentifier) {
  // `牵头食品流通监管股` is one identifier, not `lead` + a unit.
  auto parsed = ParseText("task T01 \"x\" {\n  牵头食品流通监管股\n}\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_GE(test::CountCode(parsed->diags, "E0001"), 1) << test::Describe(parsed->diags);
  for (const Diagnostic& d : test::WithCode(parsed->diags, "E0001")) {
    EXPECT_TRUE(test::Contains(d.message.en, "牵头食品流通监管股")) << d.message.en;
  }
}

TEST(ParseTest, KeywordAfterDotIsAMemberName) {
  auto parsed = ParseText("scope s = x.单位 == \"a\" and y.window == z.时间\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  const ast::Expr& e = parsed->plan->scopes.at(0).expr;
  ASSERT_EQ(e.kind, ast::Expr::Kind::kBinary);
  const ast::Expr& lhs = e.children.at(0).children.at(0);
  ASSERT_EQ(lhs.kind, ast::Expr::Kind::kMember);
  EXPECT_EQ(lhs.name, "unit");
  EXPECT_EQ(TextAt(*parsed->file, lhs.name_range), "单位");
  const ast::Expr& rhs = e.children.at(1);
  EXPECT_EQ(rhs.children.at(0).name, "window");
  EXPECT_EQ(rhs.children.at(1).name, "window");
}

TEST(ParseTest, UnitKeywordStartsAnExpressionAsTheColumnName) {
  auto en = ParseText("pool p = unit == \"x\"\n");
  auto zh = ParseText("pool p = 单位 == \"x\"\n");
  ASSERT_TRUE(en->plan && zh->plan);
  EXPECT_TRUE(en->diags.empty()) << test::Describe(en->diags);
  EXPECT_TRUE(zh->diags.empty()) << test::Describe(zh->diags);
  const ast::Expr& name = zh->plan->pools.at(0).expr.children.at(0);
  EXPECT_EQ(name.kind, ast::Expr::Kind::kName);
  EXPECT_EQ(name.name, "unit");
  EXPECT_EQ(en->Dump(), zh->Dump());
}

TEST(ParseTest, CreditPlanAndTaskStartExpressions) {
  auto parsed = ParseText("scope s = credit in [\"C\", \"D\"] and plan.year > 2023 and task.id == \"T\"\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  std::vector<std::string> names;
  expr::ForEachName(parsed->plan->scopes.at(0).expr,
                    [&](const ast::Expr& e) { names.push_back(e.name); });
  EXPECT_EQ(names, (std::vector<std::string>{"credit", "plan", "task"}));
}

TEST(ParseTest, OtherKeywordCannotStartAnExpression) {
  auto parsed = ParseText("scope s = 范围 == \"x\"\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_GE(test::CountCode(parsed->diags, "E0001"), 1) << test::Describe(parsed->diags);
}

// language.md: a keyword cannot be a declared name. Writing one is one
// mistake: one error, and the next declaration is still read.
class KeywordAsDeclaredNameTest : public ::testing::TestWithParam<const char*> {};

TEST_P(KeywordAsDeclaredNameTest, OneErrorAndTheNextDeclarationIsKept) {
  auto parsed = ParseText(std::string(GetParam()) + "\nunit 股B\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_EQ(test::CountCode(parsed->diags, "E0001"), 1) << test::Describe(parsed->diags);
  bool kept = false;
  for (const ast::UnitDecl& unit : parsed->plan->units) kept = kept || unit.id.name == "股B";
  EXPECT_TRUE(kept) << parsed->Dump();
}

INSTANTIATE_TEST_SUITE_P(Declarations, KeywordAsDeclaredNameTest,
                         ::testing::Values("unit 时间", "pool 人员 = active", "unit 单位",
                                           "unit 任务", "scope 范围 = kind == \"x\"",
                                           "pool 人员库 = active"));

TEST(ParseTest, OperatorWordAfterDotIsAnErrorWithASensibleMessage) {
  auto parsed = ParseText("scope s = x.in\n");
  ASSERT_TRUE(parsed->plan.has_value());
  std::vector<Diagnostic> errors = test::WithCode(parsed->diags, "E0001");
  ASSERT_EQ(errors.size(), 1u) << test::Describe(parsed->diags);
  const std::string& message = errors[0].message.en;
  // Not "expected `and`, `or`, `in`, ... found `in`".
  std::string expected_part = message.substr(0, message.find("found"));
  EXPECT_FALSE(test::Contains(expected_part, "`in`")) << message;
}

TEST(ParseTest, WaivedRuleMayBeAKeyword) {
  auto parsed = ParseText("waive window for T01 because \"x\"\n豁免 合并 适用 T01 理由 \"y\"\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  ASSERT_EQ(parsed->plan->waives.size(), 2u);
  EXPECT_EQ(parsed->plan->waives[0].rule.name, "window");
  EXPECT_EQ(parsed->plan->waives[1].rule.name, "merge");
}

TEST(ParseTest, BareAndBracketedListsGiveTheSameAst) {
  auto bare = ParseText(R"(plan "P" { rules a, b }
task T01 "x" {
  with 所A, 所B, 所C
  items "一", "二"
  method onsite, online
}
waive r for T01, T02 because "x"
)");
  auto bracketed = ParseText(R"(plan "P" { rules [a, b,] }
task T01 "x" {
  with [所A, 所B, 所C]
  items ["一", "二",]
  method [onsite, online]
}
waive r for [T01, T02] because "x"
)");
  ASSERT_TRUE(bare->plan && bracketed->plan);
  EXPECT_TRUE(bare->diags.empty()) << test::Describe(bare->diags);
  EXPECT_TRUE(bracketed->diags.empty()) << test::Describe(bracketed->diags);
  EXPECT_EQ(bare->Dump(), bracketed->Dump());
  EXPECT_EQ(bare->plan->tasks.at(0).fields.at(0).idents.size(), 3u);
  EXPECT_EQ(bare->plan->waives.at(0).tasks.size(), 2u);
}

TEST(ParseTest, EmptyBracketedItemsIsAnEmptyList) {
  auto parsed = ParseText("task T01 \"x\" { items [] }\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  const ast::TaskField& items = parsed->plan->tasks.at(0).fields.at(0);
  EXPECT_EQ(items.kind, ast::TaskFieldKind::kItems);
  EXPECT_TRUE(items.strings.empty());
}

TEST(ParseTest, FieldSpansAreByteOffsets) {
  auto parsed = ParseText("task T01 \"食品\" {\n  牵头  食品流通监管股\n  window 2024-05 .. 2024-09\n}\n");
  ASSERT_TRUE(parsed->plan.has_value());
  const SourceFile& file = *parsed->file;
  const ast::TaskDecl& task = parsed->plan->tasks.at(0);
  EXPECT_EQ(TextAt(file, task.id.range), "T01");
  EXPECT_EQ(TextAt(file, task.name.range), "\"食品\"");
  EXPECT_EQ(task.name.value, "食品");
  EXPECT_EQ(task.range.begin, 0u);
  EXPECT_EQ(TextAt(file, task.range).back(), '}');

  const ast::TaskField& lead = task.fields.at(0);
  EXPECT_EQ(lead.kind, ast::TaskFieldKind::kLead);
  EXPECT_EQ(TextAt(file, lead.range), "牵头  食品流通监管股");
  EXPECT_EQ(TextAt(file, lead.keyword), "牵头");
  EXPECT_EQ(TextAt(file, lead.ident.range), "食品流通监管股");
  LineCol begin = file.Position(lead.ident.range.begin);
  LineCol end = file.Position(lead.ident.range.end);
  EXPECT_EQ(begin.line, 2u);
  EXPECT_EQ(begin.column, 7u);   // "  牵头  " is 6 code points
  EXPECT_EQ(end.column, 14u);    // 7 more, end exclusive

  const ast::TaskField& window = task.fields.at(1);
  EXPECT_EQ(TextAt(file, window.range), "window 2024-05 .. 2024-09");
  EXPECT_EQ(TextAt(file, window.literal.range), "2024-05");
  EXPECT_EQ(TextAt(file, window.literal2.range), "2024-09");
  EXPECT_EQ(window.literal.kind, expr::Literal::Kind::kMonth);
  EXPECT_EQ(file.Position(window.literal2.range.begin).line, 3u);
  EXPECT_EQ(file.Position(window.literal2.range.begin).column, 21u);
}

TEST(ParseTest, ExpressionSpansAreByteOffsets) {
  auto parsed = ParseText("scope 食品销售者 = 企业 and\n  (licences has \"食品经营许可\")\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_TRUE(parsed->diags.empty()) << test::Describe(parsed->diags);
  const SourceFile& file = *parsed->file;
  const ast::PredicateDecl& scope = parsed->plan->scopes.at(0);
  EXPECT_EQ(TextAt(file, scope.id.range), "食品销售者");
  const ast::Expr& e = scope.expr;
  EXPECT_EQ(TextAt(file, e.range), "企业 and\n  (licences has \"食品经营许可\")");
  EXPECT_EQ(TextAt(file, e.name_range), "and");
  EXPECT_EQ(TextAt(file, e.children.at(0).range), "企业");
  const ast::Expr& has = e.children.at(1);
  EXPECT_EQ(TextAt(file, has.range), "licences has \"食品经营许可\"");
  EXPECT_EQ(TextAt(file, has.children.at(1).range), "\"食品经营许可\"");
  EXPECT_EQ(has.children.at(1).literal.text, "食品经营许可");
  LineCol at = file.Position(has.children.at(1).range.begin);
  EXPECT_EQ(at.line, 2u);
  EXPECT_EQ(at.column, 17u);
  EXPECT_EQ(file.Position(has.children.at(1).range.end).column, 25u);
}

TEST(ParseTest, SampleFormsAndLiteralKinds) {
  auto parsed = ParseText(
      "task T { sample 3.5% }\ntask U { sample 20 }\ntask V { sample 10% min 20 }\n"
      "task W { sample 0.05 }\n");
  ASSERT_TRUE(parsed->plan.has_value());
  // Task names are required strings: each task is a syntax error, but the
  // fields are still read.
  const auto& tasks = parsed->plan->tasks;
  ASSERT_EQ(tasks.size(), 4u);
  using K = expr::Literal::Kind;
  EXPECT_EQ(tasks[0].fields.at(0).sample.amount.value.kind, K::kPercent);
  EXPECT_EQ(tasks[0].fields.at(0).sample.amount.value.text, "3.5%");
  EXPECT_EQ(tasks[1].fields.at(0).sample.amount.value.kind, K::kInt);
  ASSERT_TRUE(tasks[2].fields.at(0).sample.amount.min.has_value());
  EXPECT_EQ(tasks[2].fields.at(0).sample.amount.min->text, "20");
  EXPECT_EQ(tasks[3].fields.at(0).sample.amount.value.kind, K::kDecimal);
}

constexpr char kThreeTasks[] = R"(plan "P" { year 2024 }
task T01 "一" {
  lead 股A
  items ["x"]
}
task T02 "二" {
  lead 股A
  window 2024-05 - 2024-09
  items ["y"]
}
task T03 "三" {
  lead 股B
  items ["z"]
  inspectors 2 from 执法
}
)";

TEST(ParseTest, SyntaxErrorInOneTaskKeepsTheFollowingTasks) {
  auto parsed = ParseText(kThreeTasks);
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_GE(test::CountCode(parsed->diags, "E0001"), 1) << test::Describe(parsed->diags);
  const auto& tasks = parsed->plan->tasks;
  ASSERT_EQ(tasks.size(), 3u) << parsed->Dump();
  EXPECT_EQ(tasks[0].id.name, "T01");
  EXPECT_EQ(tasks[1].id.name, "T02");
  EXPECT_EQ(tasks[2].id.name, "T03");
  EXPECT_FALSE(tasks[0].has_syntax_error);
  EXPECT_TRUE(tasks[1].has_syntax_error);
  EXPECT_FALSE(tasks[2].has_syntax_error);
  // The task after the error is read whole.
  ASSERT_EQ(tasks[2].fields.size(), 3u) << parsed->Dump();
  EXPECT_EQ(tasks[2].fields[2].ident.name, "执法");
  EXPECT_FALSE(parsed->plan->plans.at(0).has_syntax_error);
}

TEST(ParseTest, SyntaxErrorIsReportedAtTheOffendingToken) {
  auto parsed = ParseText(kThreeTasks);
  std::vector<Diagnostic> errors = test::WithCode(parsed->diags, "E0001");
  ASSERT_FALSE(errors.empty());
  // The first report points into T02's window line.
  LineCol at = parsed->file->Position(errors[0].primary->range.begin);
  EXPECT_EQ(at.line, 8u) << test::Describe(parsed->diags);
}

TEST(ParseTest, SyntaxErrorInADeclarationKeepsTheNextDeclarations) {
  auto parsed = ParseText(
      "unit \"食品流通监管股\"\nunit 股A\nscope s licences has \"x\"\nscope t = kind == \"x\"\n");
  ASSERT_TRUE(parsed->plan.has_value());
  EXPECT_EQ(test::CountCode(parsed->diags, "E0001"), 2) << test::Describe(parsed->diags);
  ASSERT_EQ(parsed->plan->units.size(), 1u) << parsed->Dump();
  EXPECT_EQ(parsed->plan->units[0].id.name, "股A");
  ASSERT_FALSE(parsed->plan->scopes.empty()) << parsed->Dump();
  EXPECT_EQ(parsed->plan->scopes.back().id.name, "t");
  EXPECT_FALSE(parsed->plan->scopes.back().has_syntax_error);
}

TEST(ParseTest, MissingCloseBraceAtEndOfFile) {
  auto parsed = ParseText("task T01 \"x\" {\n  lead 股A\n\n\n");
  ASSERT_TRUE(parsed->plan.has_value());
  std::vector<Diagnostic> errors = test::WithCode(parsed->diags, "E0001");
  ASSERT_EQ(errors.size(), 1u) << test::Describe(parsed->diags);
  // Reported just after the last real character, not past the blank lines.
  EXPECT_EQ(parsed->file->Position(errors[0].primary->range.begin).line, 2u);
  EXPECT_TRUE(test::Contains(errors[0].message.en, "end of file")) << errors[0].message.en;
  ASSERT_EQ(parsed->plan->tasks.size(), 1u);
  EXPECT_TRUE(parsed->plan->tasks[0].has_syntax_error);
}

}  // namespace
}  // namespace planc
