// ParseExpression: one expression at a range of a file (a rule pack's YAML
// scalar); spans point into the whole file.
#include <gtest/gtest.h>

#include <string>

#include "compiler/parse/parse.h"
#include "tests/unit/test_support.h"

namespace planc {
namespace {

using test::Describe;
using test::MakeFile;
using test::TextAt;

SourceRange RangeOf(const SourceFile& file, std::string_view needle) {
  auto begin = static_cast<std::uint32_t>(file.text().find(needle));
  return {begin, static_cast<std::uint32_t>(begin + needle.size())};
}

TEST(ParseExpressionTest, SpansAreOffsetsIntoTheWholeFile) {
  SourcePtr file = MakeFile(
      "rules:\n  - id: 食品\n    when: 企业 and industry.startsWith(\"F52\")\n    level: error\n",
      "pack.yaml");
  SourceRange range = RangeOf(*file, "企业 and industry.startsWith(\"F52\")");
  Diagnostics diags;
  std::optional<expr::Expr> e = ParseExpression(file, range, diags);
  ASSERT_TRUE(e.has_value()) << Describe(diags);
  EXPECT_TRUE(diags.empty()) << Describe(diags);
  EXPECT_EQ(e->range, range);
  ASSERT_EQ(e->children.size(), 2u);
  EXPECT_EQ(TextAt(*file, e->children[0].range), "企业");
  const expr::Expr& call = e->children[1];
  EXPECT_EQ(call.kind, expr::Expr::Kind::kCall);
  EXPECT_TRUE(call.has_receiver);
  EXPECT_EQ(TextAt(*file, call.name_range), "startsWith");
  EXPECT_EQ(TextAt(*file, call.children.at(1).range), "\"F52\"");
  LineCol at = file->Position(call.children.at(1).range.begin);
  EXPECT_EQ(at.line, 3u);
  EXPECT_EQ(at.column, 38u);
}

TEST(ParseExpressionTest, ErrorsPointIntoTheWholeFile) {
  SourcePtr file = MakeFile("when: \"x\"\nrule: 企业 and (\nnext: 1\n", "pack.yaml");
  SourceRange range = RangeOf(*file, "企业 and (");
  Diagnostics diags;
  EXPECT_FALSE(ParseExpression(file, range, diags).has_value());
  std::vector<Diagnostic> errors = test::WithCode(diags, "E0001");
  ASSERT_FALSE(errors.empty()) << Describe(diags);
  for (const Diagnostic& d : errors) {
    EXPECT_GE(d.primary->range.begin, range.begin) << Describe(diags);
    EXPECT_LE(d.primary->range.end, range.end) << Describe(diags);
    EXPECT_EQ(d.primary->file, file);
    EXPECT_EQ(file->Position(d.primary->range.begin).line, 2u);
  }
}

TEST(ParseExpressionTest, OnlyTheRangeIsRead) {
  // The text around the range would not parse as an expression.
  SourcePtr file = MakeFile("}}} a == 1 {{{", "x.yaml");
  Diagnostics diags;
  std::optional<expr::Expr> e = ParseExpression(file, RangeOf(*file, "a == 1"), diags);
  ASSERT_TRUE(e.has_value()) << Describe(diags);
  EXPECT_EQ(expr::ToCanonical(*e), "a == 1");
  EXPECT_EQ(e->range, RangeOf(*file, "a == 1"));
}

TEST(ParseExpressionTest, TrailingTextIsAnError) {
  SourcePtr file = MakeFile("a == 1 b", "x.yaml");
  Diagnostics diags;
  EXPECT_FALSE(ParseExpression(file, {0, 8}, diags).has_value());
  EXPECT_GE(test::CountCode(diags, "E0001"), 1) << Describe(diags);
}

TEST(ParseExpressionTest, InvalidUtf8InTheRangeIsReportedAtItsOffset) {
  SourcePtr file = MakeFile("key: a == \"\xFF\"\n", "x.yaml");
  Diagnostics diags;
  EXPECT_FALSE(ParseExpression(file, {5, 14}, diags).has_value());
  std::vector<Diagnostic> found = test::WithCode(diags, "E0006");
  ASSERT_EQ(found.size(), 1u) << Describe(diags);
  EXPECT_EQ(found[0].primary->range.begin, 11u);
}

TEST(ParseExpressionTest, TooDeep) {
  std::string text = std::string(101, '[') + std::string(101, ']');
  SourcePtr file = MakeFile(text, "x.yaml");
  Diagnostics diags;
  EXPECT_FALSE(
      ParseExpression(file, {0, static_cast<std::uint32_t>(text.size())}, diags).has_value());
  EXPECT_EQ(test::CountCode(diags, "E0007"), 1) << Describe(diags);
}

TEST(ParseExpressionTest, PrecedenceFollowsTheTable) {
  SourcePtr file = MakeFile("a or b and not c == d + e * f", "x");
  Diagnostics diags;
  std::optional<expr::Expr> e =
      ParseExpression(file, {0, static_cast<std::uint32_t>(file->text().size())}, diags);
  ASSERT_TRUE(e.has_value()) << Describe(diags);
  // or(a, and(b, ==(not c, +(d, *(e, f)))))
  ASSERT_EQ(e->op, expr::Op::kOr);
  const expr::Expr& conj = e->children.at(1);
  ASSERT_EQ(conj.op, expr::Op::kAnd);
  const expr::Expr& eq = conj.children.at(1);
  ASSERT_EQ(eq.op, expr::Op::kEq);
  EXPECT_EQ(eq.children.at(0).kind, expr::Expr::Kind::kUnary);
  const expr::Expr& sum = eq.children.at(1);
  ASSERT_EQ(sum.op, expr::Op::kAdd);
  EXPECT_EQ(sum.children.at(1).op, expr::Op::kMul);
}

TEST(ParseExpressionTest, MinusInsideANameIsPartOfTheName) {
  SourcePtr file = MakeFile("x-1 == x - 1", "x");
  Diagnostics diags;
  std::optional<expr::Expr> e =
      ParseExpression(file, {0, static_cast<std::uint32_t>(file->text().size())}, diags);
  ASSERT_TRUE(e.has_value()) << Describe(diags);
  EXPECT_EQ(e->children.at(0).kind, expr::Expr::Kind::kName);
  EXPECT_EQ(e->children.at(0).name, "x-1");
  EXPECT_EQ(e->children.at(1).op, expr::Op::kSub);
}

}  // namespace
}  // namespace planc
