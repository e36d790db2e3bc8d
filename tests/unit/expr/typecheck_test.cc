#include "compiler/expr/typecheck.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "compiler/parse/parse.h"
#include "tests/unit/test_support.h"

namespace planc::expr {
namespace {

// Columns with fixed types; anything else is unknown (and not reported).
class TestResolver : public NameResolver {
 public:
  Type Resolve(const Expr& name, bool condition) override {
    calls.push_back({name.name, condition});
    static const std::map<std::string, Type> kTypes = {
        {"tags", Type::kList},       {"industry", Type::kString}, {"registered_on", Type::kDate},
        {"capacity", Type::kInt},    {"active", Type::kBool},     {"share", Type::kDecimal},
    };
    auto it = kTypes.find(name.name);
    return it == kTypes.end() ? Type::kUnknown : it->second;
  }
  std::vector<std::pair<std::string, bool>> calls;
};

class TypeCheckTest : public ::testing::Test {
 protected:
  // Parses and checks `text`; the diagnostics go to `diags_`.
  Type CheckText(const std::string& text, bool condition = false) {
    file_ = test::MakeFile(text, "expr.txt");
    Diagnostics parse_diags;
    std::optional<Expr> e =
        ParseExpression(file_, {0, static_cast<std::uint32_t>(text.size())}, parse_diags);
    EXPECT_TRUE(e.has_value()) << test::Describe(parse_diags);
    if (!e) return Type::kUnknown;
    return Check(*e, resolver_, file_, diags_, condition);
  }
  // The text of the only E0114's primary span.
  std::string OnlyMismatchAt() {
    std::vector<Diagnostic> found = test::WithCode(diags_, "E0114");
    EXPECT_EQ(found.size(), 1u) << test::Describe(diags_);
    EXPECT_EQ(diags_.Sorted().size(), found.size()) << test::Describe(diags_);
    if (found.size() != 1) return "";
    return test::TextAt(*file_, found[0].primary->range);
  }
  std::string OnlyMessage() {
    std::vector<Diagnostic> all = diags_.Sorted();
    return all.size() == 1 ? all[0].message.en : "<" + std::to_string(all.size()) + " diagnostics>";
  }

  SourcePtr file_;
  TestResolver resolver_;
  Diagnostics diags_;
};

TEST_F(TypeCheckTest, WellTypedPredicate) {
  EXPECT_EQ(CheckText("tags has \"食品\" and registered_on <= 2023-12-31 and "
                      "industry.startsWith(\"F52\") and size(tags) >= 2 and "
                      "industry in [\"C1810\", \"C1820\"]"),
            Type::kBool);
  EXPECT_TRUE(diags_.empty()) << test::Describe(diags_);
}

TEST_F(TypeCheckTest, ArithmeticTypes) {
  EXPECT_EQ(CheckText("capacity + 1"), Type::kInt);
  EXPECT_EQ(CheckText("capacity * 2.5"), Type::kDecimal);
  EXPECT_EQ(CheckText("capacity / 2"), Type::kDecimal);
  EXPECT_EQ(CheckText("-capacity"), Type::kInt);
  EXPECT_EQ(CheckText("capacity > 1.5"), Type::kBool);  // whole and decimal numbers mix
  EXPECT_EQ(CheckText("share <= 85%"), Type::kBool);
  EXPECT_TRUE(diags_.empty()) << test::Describe(diags_);
}

TEST_F(TypeCheckTest, HasNeedsAListOnTheLeft) {
  EXPECT_EQ(CheckText("industry has \"C18\""), Type::kBool);
  EXPECT_EQ(OnlyMismatchAt(), "industry");
  EXPECT_TRUE(test::Contains(OnlyMessage(), "a list")) << OnlyMessage();
}

TEST_F(TypeCheckTest, HasNeedsAStringOnTheRight) {
  CheckText("tags has 3");
  EXPECT_EQ(OnlyMismatchAt(), "3");
}

TEST_F(TypeCheckTest, DateComparedWithString) {
  EXPECT_EQ(CheckText("registered_on <= \"2023-12-31\""), Type::kBool);
  EXPECT_EQ(OnlyMismatchAt(), "\"2023-12-31\"");
  EXPECT_TRUE(test::Contains(OnlyMessage(), "a date")) << OnlyMessage();
  EXPECT_TRUE(test::Contains(OnlyMessage(), "a string")) << OnlyMessage();
}

TEST_F(TypeCheckTest, ArithmeticOnStrings) {
  CheckText("industry + 1");
  EXPECT_EQ(OnlyMismatchAt(), "industry");
  EXPECT_TRUE(test::Contains(OnlyMessage(), "a number")) << OnlyMessage();
}

TEST_F(TypeCheckTest, NegatingAString) {
  CheckText("-industry");
  EXPECT_EQ(OnlyMismatchAt(), "industry");
}

TEST_F(TypeCheckTest, InNeedsAListOnTheRight) {
  CheckText("industry in \"C18\"");
  EXPECT_EQ(OnlyMismatchAt(), "\"C18\"");
}

TEST_F(TypeCheckTest, InNeedsASingleValueOnTheLeft) {
  CheckText("tags in [\"a\"]");
  EXPECT_EQ(OnlyMismatchAt(), "tags");
}

TEST_F(TypeCheckTest, OrderingBooleans) {
  CheckText("active < true");
  EXPECT_EQ(OnlyMismatchAt(), "active");
}

TEST_F(TypeCheckTest, UnknownFunction) {
  EXPECT_EQ(CheckText("workdays(registered_on) > 3"), Type::kBool);
  EXPECT_EQ(OnlyMismatchAt(), "workdays");
  EXPECT_TRUE(test::Contains(OnlyMessage(), "workdays")) << OnlyMessage();
}

TEST_F(TypeCheckTest, WrongArity) {
  CheckText("industry.startsWith(\"a\", \"b\")");
  EXPECT_EQ(diags_.errors(), 1u) << test::Describe(diags_);
  EXPECT_EQ(test::CountCode(diags_, "E0114"), 1);
}

TEST_F(TypeCheckTest, ConditionExpectedUnderNot) {
  CheckText("not industry");
  EXPECT_EQ(OnlyMismatchAt(), "industry");
  EXPECT_TRUE(test::Contains(OnlyMessage(), "a condition")) << OnlyMessage();
}

TEST_F(TypeCheckTest, ConditionExpectedUnderAnd) {
  CheckText("active and capacity");
  EXPECT_EQ(OnlyMismatchAt(), "capacity");
  EXPECT_TRUE(test::Contains(OnlyMessage(), "a condition")) << OnlyMessage();
}

TEST_F(TypeCheckTest, ConditionExpectedBeforeQuestionMark) {
  CheckText("capacity ? 1 : 2");
  EXPECT_EQ(OnlyMismatchAt(), "capacity");
}

TEST_F(TypeCheckTest, BranchesMustAgree) {
  CheckText("active ? 1 : \"x\"");
  EXPECT_EQ(OnlyMismatchAt(), "\"x\"");
}

TEST_F(TypeCheckTest, ListsInPredicatesHoldStrings) {
  CheckText("industry in [\"a\", 2]");
  EXPECT_EQ(OnlyMismatchAt(), "2");
}

TEST_F(TypeCheckTest, MemberAccessIsNotAvailableInPredicates) {
  CheckText("industry.code == \"x\"");
  EXPECT_EQ(OnlyMismatchAt(), "industry.code");
}

TEST_F(TypeCheckTest, UnknownTypesAreNotReportedAgain) {
  CheckText("nosuchcolumn + 1 > nosuchcolumn and not nosuchcolumn");
  EXPECT_TRUE(diags_.empty()) << test::Describe(diags_);
}

TEST_F(TypeCheckTest, ResolverIsToldWhereANameIsACondition) {
  CheckText("a and not b or c == d", true);
  std::vector<std::pair<std::string, bool>> expected = {
      {"a", true}, {"b", true}, {"c", false}, {"d", false}};
  EXPECT_EQ(resolver_.calls, expected);
}

TEST_F(TypeCheckTest, WholeExpressionConditionFlagReachesABareName) {
  CheckText("a", true);
  ASSERT_EQ(resolver_.calls.size(), 1u);
  EXPECT_TRUE(resolver_.calls[0].second);
  resolver_.calls.clear();
  CheckText("a", false);
  ASSERT_EQ(resolver_.calls.size(), 1u);
  EXPECT_FALSE(resolver_.calls[0].second);
}

TEST_F(TypeCheckTest, ErrorHolesAreSkipped) {
  Expr hole;
  hole.kind = Expr::Kind::kError;
  Expr e;
  e.kind = Expr::Kind::kBinary;
  e.op = Op::kAnd;
  e.children = {hole, hole};
  EXPECT_EQ(Check(e, resolver_, test::MakeFile(""), diags_), Type::kBool);
  EXPECT_TRUE(diags_.empty()) << test::Describe(diags_);
}

TEST(TypeNameTest, BothLanguages) {
  EXPECT_STREQ(TypeName(Type::kBool, Lang::kEn), "a condition");
  EXPECT_STREQ(TypeName(Type::kDate, Lang::kZh), "日期");
}

}  // namespace
}  // namespace planc::expr
