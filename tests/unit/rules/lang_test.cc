// The rule language: type checking (errors at their place) and evaluation
// (exact numbers, dates, lists, missing figures).
#include "compiler/rules/lang.h"

#include <gtest/gtest.h>

#include "compiler/parse/parse.h"
#include "compiler/rules/schema.h"
#include "tests/unit/test_support.h"

namespace planc::rules {
namespace {

struct Result {
  std::optional<Type> type;
  std::optional<Value> value;
  std::string diags;
  EvalError error;
};

class LangTest : public ::testing::Test {
 protected:
  LangTest() {
    Schema s;
    params_schema_.name = "params";
    params_schema_.fields = {{"min_coverage", Type::Num(true), ""},
                             {"deadline", Type::DateT(), ""},
                             {"items", Type::ListOf(Type::Num()), ""}};
    auto object = std::make_shared<Object>();
    object->schema = &params_schema_;
    object->fields = {Value::Num(*Number::Of(35).Div(Number::Of(1000)), true),
                      Value::DateV(*Date::Parse("2024-11-20")),
                      Value::ListV({Value::Int(3), Value::Int(1), Value::Int(2)})};
    params_ = Value::Obj(object);
  }

  Result Run(const std::string& text, Value figure = Value::Int(54012)) {
    auto file = std::make_shared<SourceFile>("pack.yaml", text);
    Diagnostics diags;
    Result r;
    std::optional<expr::Expr> e =
        ParseExpression(file, {0, static_cast<std::uint32_t>(text.size())}, diags);
    if (e) {
      Names<Type> types;
      types.Push("params", Type::Object(&params_schema_));
      types.Push("figure", Type::Num());
      r.type = CheckExpr(*e, types, file, diags);
      if (r.type) {
        Names<Value> values;
        values.Push("params", params_);
        values.Push("figure", figure);
        r.value = Evaluator(nullptr).Eval(*e, values, &r.error);
      }
    }
    r.diags = test::Describe(diags);
    return r;
  }

  Schema params_schema_;
  Value params_;
};

TEST_F(LangTest, ExactComparisonsAgainstThresholds) {
  EXPECT_TRUE(Run("85% * 7 == 5.95").value->truth);
  EXPECT_TRUE(Run("6 / 7 >= 85%").value->truth);
  EXPECT_FALSE(Run("5 / 7 >= 85%").value->truth);
  EXPECT_TRUE(Run("1890.42 / figure >= params.min_coverage").value->truth);
  EXPECT_FALSE(Run("1842 / figure >= params.min_coverage").value->truth);
  EXPECT_TRUE(Run("0.1 + 0.2 == 0.3").value->truth);
  EXPECT_TRUE(Run("35 / 1000 >= 3.5%").value->truth);
}

TEST_F(LangTest, DatesListsAndMacros) {
  EXPECT_TRUE(Run("2024-11-01 <= params.deadline").value->truth);
  EXPECT_EQ(Format(*Run("params.deadline + 11").value), "2024-12-01");
  EXPECT_EQ(Format(*Run("days(2024-01-01, 2024-12-31)").value), "365");
  EXPECT_EQ(Format(*Run("params.deadline.month").value), "11");
  EXPECT_EQ(Format(*Run("params.items.filter(x, x > 1).map(x, x * 10)").value), "30、20");
  EXPECT_EQ(Format(*Run("params.items.sum()").value), "6");
  EXPECT_EQ(Format(*Run("params.items.min()").value), "1");
  EXPECT_EQ(Format(*Run("params.items.max()").value), "3");
  EXPECT_EQ(Format(*Run("size(params.items)").value), "3");
  EXPECT_TRUE(Run("params.items.all(x, x > 0) && params.items.exists(x, x == 2)").value->truth);
  EXPECT_TRUE(Run("2 in params.items and not (5 in params.items)").value->truth);
  EXPECT_TRUE(Run("[\"a\", \"b\"] has \"b\"").value->truth);
  EXPECT_TRUE(Run("\"食品;药品\" has \"药品\"").value->truth);
  EXPECT_TRUE(Run("\"F5292\".startsWith(\"F52\") && \"L7251\".matches(\"L725*\")").value->truth);
  EXPECT_EQ(Format(*Run("params.items[0] > 2 ? \"high\" : \"low\"").value), "high");
  EXPECT_EQ(Format(*Run("params.min_coverage").value), "3.5%");
}

TEST_F(LangTest, MissingFiguresPropagateButShortCircuitsDecide) {
  Value missing = Value::Missing();
  EXPECT_EQ(Run("1842 / figure >= 3.5%", missing).value->kind, Value::Kind::kMissing);
  EXPECT_FALSE(Run("false && figure > 0", missing).value->truth);
  EXPECT_TRUE(Run("true || figure > 0", missing).value->truth);
  EXPECT_EQ(Run("figure > 0 && true", missing).value->kind, Value::Kind::kMissing);
}

TEST_F(LangTest, EvaluationErrorsAreReportedNotCrashes) {
  Result r = Run("1 / (figure - figure) > 0");
  EXPECT_FALSE(r.value);
  EXPECT_EQ(r.error.en, "division by zero");
  EXPECT_EQ(r.error.range.begin, 0u);
  r = Run("params.items[7] > 0");
  EXPECT_FALSE(r.value);
  EXPECT_NE(r.error.en.find("outside a list of 3"), std::string::npos);
  r = Run("params.items.filter(x, x > 5).min() > 0");
  EXPECT_FALSE(r.value);
  EXPECT_NE(r.error.en.find("empty list"), std::string::npos);
}

TEST_F(LangTest, TypeErrorsPointAtTheOperand) {
  Result r = Run("params.deadline <= params.min_coverage");
  EXPECT_FALSE(r.type);
  EXPECT_TRUE(test::Contains(r.diags, "E0114")) << r.diags;
  EXPECT_TRUE(test::Contains(r.diags, "E0114 @19")) << r.diags;  // at params.min_coverage
  r = Run("params.min_coverag >= 1%");
  EXPECT_TRUE(test::Contains(r.diags, "E0101")) << r.diags;
  EXPECT_TRUE(test::Contains(r.diags, "no field `min_coverag`")) << r.diags;
  EXPECT_TRUE(test::Contains(Run("nobody > 1").diags, "unknown name `nobody`"));
  EXPECT_TRUE(test::Contains(Run("\"a\" + 1 > 0").diags, "E0114"));
  EXPECT_TRUE(test::Contains(Run("params.items.filter(1, true)").diags, "takes a variable"));
  EXPECT_TRUE(test::Contains(Run("workdays(2024-01-01)").diags, "takes 2 arguments"));
  EXPECT_TRUE(test::Contains(Run("2024-05 < params.deadline").diags, "a month is not a date"));
  EXPECT_TRUE(test::Contains(Run("params.items.frobnicate()").diags, "no method"));
}

}  // namespace
}  // namespace planc::rules
