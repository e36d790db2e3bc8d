// ToCanonical: English operators, minimal parentheses, and a spelling that
// re-parses to the same tree.
#include <gtest/gtest.h>

#include <string>

#include "compiler/ast/dump.h"
#include "compiler/expr/expr.h"
#include "compiler/parse/parse.h"
#include "tests/unit/test_support.h"

namespace planc::expr {
namespace {

using test::MakeFile;

struct Parsed {
  SourcePtr file;
  std::optional<Expr> expr;
  std::string errors;
};

Parsed ParseText(const std::string& text) {
  Parsed out;
  out.file = MakeFile(text, "expr.txt");
  Diagnostics diags;
  out.expr = ParseExpression(out.file, {0, static_cast<std::uint32_t>(text.size())}, diags);
  out.errors = test::Describe(diags);
  return out;
}

std::string Canonical(const std::string& text) {
  Parsed parsed = ParseText(text);
  if (!parsed.expr) return "<no expression: " + parsed.errors + ">";
  return ToCanonical(*parsed.expr);
}

TEST(ToCanonicalTest, SpellsOperatorsInEnglish) {
  EXPECT_EQ(Canonical("a && b || !c"), "a and b or not c");
  EXPECT_EQ(Canonical("! x"), "not x");
  EXPECT_EQ(Canonical("not x"), "not x");
}

TEST(ToCanonicalTest, DropsRedundantParentheses) {
  EXPECT_EQ(Canonical("((kind == \"enterprise\"))"), "kind == \"enterprise\"");
  EXPECT_EQ(Canonical("a or (b and c)"), "a or b and c");
  EXPECT_EQ(Canonical("(a - b) - c"), "a - b - c");
  EXPECT_EQ(Canonical("(a * b) + c"), "a * b + c");
  EXPECT_EQ(Canonical("(a == b) == c"), "a == b == c");
  EXPECT_EQ(Canonical("(-a) * b"), "-a * b");
  EXPECT_EQ(Canonical("(a.b)[0].c(1, 2)"), "a.b[0].c(1, 2)");
}

TEST(ToCanonicalTest, KeepsNeededParentheses) {
  EXPECT_EQ(Canonical("(a or b) and c"), "(a or b) and c");
  EXPECT_EQ(Canonical("a - (b - c)"), "a - (b - c)");
  EXPECT_EQ(Canonical("a * (b + c)"), "a * (b + c)");
  EXPECT_EQ(Canonical("a == (b == c)"), "a == (b == c)");
  EXPECT_EQ(Canonical("not (tags has \"x\")"), "not (tags has \"x\")");
  EXPECT_EQ(Canonical("(-a).b"), "(-a).b");
  EXPECT_EQ(Canonical("(a + b).c"), "(a + b).c");
}

TEST(ToCanonicalTest, Conditional) {
  EXPECT_EQ(Canonical("c ? a : b"), "c ? a : b");
  EXPECT_EQ(Canonical("c?a:b"), "c ? a : b");
  // `?:` is right-associative: the else branch needs no parentheses...
  EXPECT_EQ(Canonical("c ? a : (d ? e : f)"), "c ? a : d ? e : f");
  // ... the condition does.
  EXPECT_EQ(Canonical("(c ? a : b) ? d : e"), "(c ? a : b) ? d : e");
  EXPECT_EQ(Canonical("(c ? a : b) + 1"), "(c ? a : b) + 1");
  EXPECT_EQ(Canonical("a or b ? c : d"), "a or b ? c : d");
}

TEST(ToCanonicalTest, LiteralsKeepTheirSpelling) {
  EXPECT_EQ(Canonical("3.5% > 0.50"), "3.5% > 0.50");
  EXPECT_EQ(Canonical("registered_on <= 2023-12-31"), "registered_on <= 2023-12-31");
  EXPECT_EQ(Canonical("[\"C\",\"D\",]"), "[\"C\", \"D\"]");
  EXPECT_EQ(Canonical("true != false"), "true != false");
}

TEST(ToCanonicalTest, EscapesStrings) {
  EXPECT_EQ(Canonical(R"(name == "a\"b\\c\n\t")"), R"(name == "a\"b\\c\n\t")");
  Expr e;
  e.kind = Expr::Kind::kLiteral;
  e.literal.kind = Literal::Kind::kString;
  e.literal.text = "say \"hi\"\t\\ 食品\n";
  EXPECT_EQ(ToCanonical(e), R"("say \"hi\"\t\\ 食品\n")");
}

TEST(ToCanonicalTest, KeywordNamesUseTheirEnglishSpelling) {
  EXPECT_EQ(Canonical("单位 == \"x\""), "unit == \"x\"");
  EXPECT_EQ(Canonical("计划.年度"), "plan.year");
  EXPECT_EQ(Canonical("task.window.end"), "task.window.end");
}

TEST(ToCanonicalTest, HandBuiltTreeGetsParentheses) {
  // not (a and b), built without any parentheses node.
  Expr a, b, both, negated;
  a.kind = b.kind = Expr::Kind::kName;
  a.name = "a";
  b.name = "b";
  both.kind = Expr::Kind::kBinary;
  both.op = Op::kAnd;
  both.children = {a, b};
  negated.kind = Expr::Kind::kUnary;
  negated.op = Op::kNot;
  negated.children = {both};
  EXPECT_EQ(ToCanonical(negated), "not (a and b)");
  // a - (-b) needs none: a prefix operator binds tighter.
  Expr neg_b;
  neg_b.kind = Expr::Kind::kUnary;
  neg_b.op = Op::kNeg;
  neg_b.children = {b};
  Expr sub;
  sub.kind = Expr::Kind::kBinary;
  sub.op = Op::kSub;
  sub.children = {a, neg_b};
  EXPECT_EQ(ToCanonical(sub), "a - -b");
}

// Re-parsing the canonical text gives the same tree and the same text.
class CanonicalRoundTripTest : public ::testing::TestWithParam<const char*> {};

TEST_P(CanonicalRoundTripTest, ReparsesToTheSameTree) {
  Parsed first = ParseText(GetParam());
  ASSERT_TRUE(first.expr.has_value()) << first.errors;
  std::string canonical = ToCanonical(*first.expr);
  Parsed second = ParseText(canonical);
  ASSERT_TRUE(second.expr.has_value()) << canonical << "\n" << second.errors;
  EXPECT_EQ(ToCanonical(*second.expr), canonical);
  EXPECT_EQ(ast::DumpExpr(*second.expr, *second.file, false, 0),
            ast::DumpExpr(*first.expr, *first.file, false, 0))
      << "canonical: " << canonical;
}

INSTANTIATE_TEST_SUITE_P(
    Expressions, CanonicalRoundTripTest,
    ::testing::Values(
        "kind == \"enterprise\"",
        "企业 and licences has \"食品经营许可\" and industry.startsWith(\"F52\")",
        "服装纺织 and (industry.matches(\"C18*\") or industry.matches(\"C17*\"))",
        "active && unit.matches(\"*市场监督管理所\")",
        "not (tags has \"x\") || !(a && b)",
        "credit in [\"C\", \"D\",] and size(licences) >= 2",
        "a - (b - c) * -(d + e) / 3.5%",
        "x ? (y ? 1 : 2) : z ? 3 : 4",
        "(c ? a : b) ? d : e",
        "a == (b == c) != (d < e)",
        "task.window.end <= add_workdays(plan.deadline, -20)",
        "单位 == \"价格监督检查股\" or 计划.年度 > 2023",
        "xs[0].name[1] == \"a\\\"b\\\\c\"",
        "- - x + --y",
        "registered_on <= 2023-12-31 and 0.5 < 85% and true"));

}  // namespace
}  // namespace planc::expr
