#include "compiler/data/predicate.h"

#include <gtest/gtest.h>

#include "compiler/parse/parse.h"

namespace planc::data {
namespace {

TEST(GlobMatchTest, StarMatchesAnyRun) {
  EXPECT_TRUE(GlobMatch("C1811", "C18*"));
  EXPECT_TRUE(GlobMatch("C18", "C18*"));
  EXPECT_FALSE(GlobMatch("C1711", "C18*"));
  EXPECT_TRUE(GlobMatch("F5292", "*92"));
  EXPECT_TRUE(GlobMatch("F5292", "F*9*"));
  EXPECT_FALSE(GlobMatch("F5292", "F*8*"));
  EXPECT_TRUE(GlobMatch("", "*"));
  EXPECT_FALSE(GlobMatch("", "?"));
  EXPECT_TRUE(GlobMatch("石狮市服装有限公司", "石狮市*公司"));
  EXPECT_FALSE(GlobMatch("石狮市服装有限公司", "晋江*"));
  EXPECT_TRUE(GlobMatch("aaa", "a*a*a"));
  EXPECT_FALSE(GlobMatch("aa", "a*a*a"));
}

TEST(ListHasTest, ItemsAreTrimmedAndWhole) {
  EXPECT_TRUE(ListHas("食品经营许可;工业产品生产许可证", "工业产品生产许可证"));
  EXPECT_TRUE(ListHas(" 食品经营许可 ; 药品经营许可证", "食品经营许可"));
  EXPECT_FALSE(ListHas("食品经营许可证", "食品经营许可"));
  EXPECT_FALSE(ListHas("", "食品经营许可"));
  EXPECT_TRUE(ListHas("a;;b", ""));
}

// Compiles predicates against a registry header and evaluates them on rows.
class RowPredicatesTest : public testing::Test {
 protected:
  RowPredicatesTest() {
    for (const ColumnSpec& column : RegistrySpec().columns) {
      header_.names.emplace_back(column.name);
      header_.column_to_field.push_back(static_cast<int>(header_.names.size()) - 1);
    }
    header_.names.emplace_back("网格");  // an extra column of the bureau's export
    header_.column_to_field.push_back(static_cast<int>(header_.names.size()) - 1);
  }

  const expr::Expr& Parse(const std::string& text) {
    auto file = std::make_shared<SourceFile>("p.plan", text);
    files_.push_back(file);
    auto e = ParseExpression(file, {0, static_cast<std::uint32_t>(text.size())}, diags_);
    EXPECT_TRUE(e.has_value()) << text;
    exprs_.push_back(std::make_unique<expr::Expr>(e.value_or(expr::Expr())));
    return *exprs_.back();
  }

  // A row: uscc name kind industry district credit licences status tags registered_on 网格
  Row MakeRow(std::vector<std::string> values) {
    storage_.push_back(std::move(values));
    Row row;
    for (const std::string& v : storage_.back()) row.values.emplace_back(v);
    return row;
  }

  Header header_;
  Diagnostics diags_;
  std::vector<SourcePtr> files_;
  std::vector<std::unique_ptr<expr::Expr>> exprs_;
  std::vector<std::vector<std::string>> storage_;
};

TEST_F(RowPredicatesTest, EvaluatesEveryOperatorOnARow) {
  auto plan_file = std::make_shared<SourceFile>("p.plan", "");
  RowPredicates p(header_, RegistrySpec(), plan_file, diags_);
  p.AddNamed("企业", Parse("kind == \"enterprise\""));
  int food = p.Add(Parse("企业 and licences has \"食品经营许可\" and industry.startsWith(\"F52\")"));
  int garment = p.Add(Parse("industry.matches(\"C18*\") or industry.matches(\"C17*\")"));
  int risky = p.Add(Parse("credit in [\"C\", \"D\"]"));
  int old = p.Add(Parse("registered_on <= 2023-12-31"));
  int grid = p.Add(Parse("网格 == \"湖滨一网格\""));
  int negated = p.Add(Parse("not (tags has \"网络经营者\")"));
  int cond = p.Add(Parse("credit == \"A\" ? industry.startsWith(\"C\") : true"));
  ASSERT_TRUE(diags_.empty());

  Row shop = MakeRow({"X", "甲", "enterprise", "F5221", "湖滨街道", "C", "食品经营许可", "active",
                      "网络经营者", "2024-01-05", "湖滨一网格"});
  p.SetRow(shop);
  EXPECT_TRUE(p.Eval(food));
  EXPECT_FALSE(p.Eval(garment));
  EXPECT_TRUE(p.Eval(risky));
  EXPECT_FALSE(p.Eval(old));
  EXPECT_TRUE(p.Eval(grid));
  EXPECT_FALSE(p.Eval(negated));
  EXPECT_TRUE(p.Eval(cond));

  Row factory = MakeRow({"Y", "乙", "individual", "C1811", "灵秀镇", "A", "", "active", "",
                         "2015-03-02", ""});
  p.SetRow(factory);
  EXPECT_FALSE(p.Eval(food)) << "a named scope is evaluated afresh for each row";
  EXPECT_TRUE(p.Eval(garment));
  EXPECT_FALSE(p.Eval(risky));
  EXPECT_TRUE(p.Eval(old));
  EXPECT_FALSE(p.Eval(grid));
  EXPECT_TRUE(p.Eval(negated));
  EXPECT_TRUE(p.Eval(cond));
}

TEST_F(RowPredicatesTest, AColumnTheFileLacksIsReportedAtItsName) {
  header_.column_to_field[8] = -1;  // no `tags` column in this export
  std::string text = "tags has \"网络经营者\" or 片区 == \"x\"";
  auto file = std::make_shared<SourceFile>("p.plan", text);
  RowPredicates p(header_, RegistrySpec(), file, diags_);
  auto e = ParseExpression(file, {0, static_cast<std::uint32_t>(text.size())}, diags_);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(p.Add(*e), -1);
  std::vector<Diagnostic> all = diags_.Sorted();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "E0112");
  EXPECT_EQ(all[0].primary->range.begin, 0u);
  EXPECT_EQ(all[1].code, "E0112");
  EXPECT_EQ(text.substr(all[1].primary->range.begin,
                        all[1].primary->range.end - all[1].primary->range.begin),
            "片区");
}

TEST_F(RowPredicatesTest, EmptyNumbersCompareAsNothing) {
  Header inspectors;
  for (const ColumnSpec& column : InspectorSpec().columns) {
    inspectors.names.emplace_back(column.name);
    inspectors.column_to_field.push_back(static_cast<int>(inspectors.names.size()) - 1);
  }
  auto plan_file = std::make_shared<SourceFile>("p.plan", "");
  RowPredicates p(inspectors, InspectorSpec(), plan_file, diags_);
  int busy = p.Add(Parse("capacity >= 100"));
  int active = p.Add(Parse("active and unit == \"湖滨所\""));
  Row no_limit = MakeRow({"1", "林", "湖滨所", "食品", "", "true"});
  p.SetRow(no_limit);
  EXPECT_FALSE(p.Eval(busy)) << "no limit is not a number to compare";
  EXPECT_TRUE(p.Eval(active));
  Row limited = MakeRow({"2", "陈", "湖滨所", "食品", "120", "false"});
  p.SetRow(limited);
  EXPECT_TRUE(p.Eval(busy));
  EXPECT_FALSE(p.Eval(active));
}

}  // namespace
}  // namespace planc::data
