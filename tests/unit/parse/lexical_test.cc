// What the lexer finds wrong: full-width punctuation, strings, comments,
// escapes, invalid UTF-8, nesting.
#include <gtest/gtest.h>

#include <string>

#include "compiler/ast/dump.h"
#include "compiler/parse/parse.h"
#include "tests/unit/test_support.h"

namespace planc {
namespace {

using test::CountCode;
using test::Describe;
using test::MakeFile;
using test::TextAt;

class LexicalTest : public ::testing::Test {
 protected:
  const std::optional<ast::Plan>& ParseText(std::string text) {
    file_ = MakeFile(std::move(text));
    plan_ = Parse(file_, diags_);
    return plan_;
  }
  Diagnostic Only(std::string_view code) {
    std::vector<Diagnostic> found = test::WithCode(diags_, code);
    EXPECT_EQ(found.size(), 1u) << Describe(diags_);
    return found.empty() ? Diagnostic{} : found[0];
  }

  SourcePtr file_;
  Diagnostics diags_;
  std::optional<ast::Plan> plan_;
};

TEST_F(LexicalTest, FullWidthCommaIsOneErrorWithAFix) {
  const auto& plan = ParseText("task T01 \"x\" {\n  with 所A，所B\n}\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(CountCode(diags_, "E0003"), 1) << Describe(diags_);
  EXPECT_EQ(CountCode(diags_, "E0001"), 0) << Describe(diags_);
  EXPECT_EQ(diags_.errors(), 1u) << Describe(diags_);
  Diagnostic d = Only("E0003");
  ASSERT_TRUE(d.primary.has_value());
  EXPECT_EQ(TextAt(*file_, d.primary->range), "，");
  ASSERT_EQ(d.fixes.size(), 1u);
  ASSERT_EQ(d.fixes[0].edits.size(), 1u);
  EXPECT_EQ(d.fixes[0].edits[0].range, d.primary->range);
  EXPECT_EQ(d.fixes[0].edits[0].replacement, ",");
  EXPECT_EQ(test::ApplyEdits(file_->text(), d.fixes[0].edits),
            "task T01 \"x\" {\n  with 所A,所B\n}\n");
  // Parsing went on as if `,` had been typed.
  ASSERT_EQ(plan->tasks.size(), 1u);
  ASSERT_EQ(plan->tasks[0].fields.size(), 1u);
  EXPECT_EQ(plan->tasks[0].fields[0].idents.size(), 2u);
  EXPECT_FALSE(plan->tasks[0].has_syntax_error);
}

TEST_F(LexicalTest, FullWidthColonAndParentheses) {
  const auto& plan = ParseText(
      "scope s = （kind == \"a\"）\n"
      "task T \"x\" { sample by credit { A： 1%, B: 2%, C: 3%, D: 4% } }\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(CountCode(diags_, "E0003"), 3) << Describe(diags_);
  EXPECT_EQ(CountCode(diags_, "E0001"), 0) << Describe(diags_);
  std::string fixed = file_->text();
  std::vector<Edit> edits;
  for (const Diagnostic& d : test::WithCode(diags_, "E0003")) {
    for (const Edit& e : d.fixes.at(0).edits) edits.push_back(e);
  }
  EXPECT_EQ(test::ApplyEdits(fixed, edits),
            "scope s = (kind == \"a\")\n"
            "task T \"x\" { sample by credit { A: 1%, B: 2%, C: 3%, D: 4% } }\n");
  EXPECT_EQ(plan->tasks.at(0).fields.at(0).sample.entries.size(), 4u);
}

TEST_F(LexicalTest, ChineseQuotesAreReadAsAString) {
  const auto& plan = ParseText("task T01 \"x\" {\n  note “备注，内容”\n}\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(CountCode(diags_, "E0001"), 0) << Describe(diags_);
  Diagnostic d = Only("E0003");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "“备注，内容”");
  ASSERT_EQ(d.fixes.size(), 1u);
  ASSERT_EQ(d.fixes[0].edits.size(), 2u);
  EXPECT_EQ(TextAt(*file_, d.fixes[0].edits[0].range), "“");
  EXPECT_EQ(TextAt(*file_, d.fixes[0].edits[1].range), "”");
  EXPECT_EQ(test::ApplyEdits(file_->text(), d.fixes[0].edits),
            "task T01 \"x\" {\n  note \"备注，内容\"\n}\n");
  const ast::TaskField& note = plan->tasks.at(0).fields.at(0);
  EXPECT_EQ(note.literal.kind, expr::Literal::Kind::kString);
  EXPECT_EQ(note.literal.text, "备注，内容");
}

TEST_F(LexicalTest, FullWidthPunctuationInsideStringsAndCommentsIsText) {
  const auto& plan = ParseText(
      "// 注释：可以有全角标点，“引号”\n"
      "/* （块注释）；*/\n"
      "plan \"石狮市…2024年“双随机、一公开”监管工作计划\" { year 2024 }\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  EXPECT_EQ(plan->plans.at(0).title.value, "石狮市…2024年“双随机、一公开”监管工作计划");
}

TEST_F(LexicalTest, IdeographicSpaceIsAWarningWithAFix) {
  const auto& plan = ParseText("unit\u3000\u3000股A\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(diags_.errors(), 0u) << Describe(diags_);
  Diagnostic d = Only("W0001");
  EXPECT_EQ(d.severity, Severity::kWarning);
  // Replaced by ordinary spaces, however many.
  std::string fixed = test::ApplyEdits(file_->text(), d.fixes.at(0).edits);
  EXPECT_EQ(fixed.find("\u3000"), std::string::npos) << fixed;
  ASSERT_GE(fixed.size(), 10u);
  EXPECT_EQ(fixed.substr(0, 5), "unit ");
  EXPECT_EQ(fixed.find_first_not_of(' ', 4), fixed.find("股A")) << fixed;
  ASSERT_EQ(plan->units.size(), 1u);
  EXPECT_EQ(plan->units[0].id.name, "股A");
}

TEST_F(LexicalTest, UnexpectedCharacter) {
  ParseText("unit 股A·股B\n");
  Diagnostic d = Only("E0002");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "·");
}

TEST_F(LexicalTest, NoBreakSpaceIsUnexpected) {
  ParseText("unit\u00A0股A\n");
  Diagnostic d = Only("E0002");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "\u00A0");
}

// language.md, Identifiers: "Punctuation that is not a letter, such as `、`
// or `·`, cannot be part of an identifier (it is an unexpected character)".
TEST_F(LexicalTest, EnumerationCommaIsReadAsAComma) {
  const auto& plan = ParseText("task T01 \"x\" {\n  method onsite、documents\n}\n");
  Diagnostic d = Only("E0003");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "、");
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(test::ApplyEdits(file_->text(), d.fixes[0].edits),
            "task T01 \"x\" {\n  method onsite,documents\n}\n");
  EXPECT_EQ(CountCode(diags_, "E0002"), 0) << Describe(diags_);
  EXPECT_EQ(CountCode(diags_, "E0001"), 0) << Describe(diags_);
  ASSERT_TRUE(plan.has_value());
  ASSERT_EQ(plan->tasks.size(), 1u);
  EXPECT_EQ(plan->tasks[0].fields[0].methods.size(), 2u) << "read as two methods";
}

TEST_F(LexicalTest, UnterminatedString) {
  const auto& plan = ParseText("task T01 \"x\" {\n  note \"没有结束\n  lead 股A\n}\n");
  ASSERT_TRUE(plan.has_value());
  Diagnostic d = Only("E0004");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "\"没有结束");
  EXPECT_EQ(file_->Position(d.primary->range.begin).line, 2u);
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(test::ApplyEdits(file_->text(), d.fixes[0].edits),
            "task T01 \"x\" {\n  note \"没有结束\"\n  lead 股A\n}\n");
  // The next line is still read.
  ASSERT_EQ(plan->tasks.size(), 1u);
  bool has_lead = false;
  for (const ast::TaskField& f : plan->tasks[0].fields) {
    has_lead = has_lead || (f.kind == ast::TaskFieldKind::kLead && f.ident.name == "股A");
  }
  EXPECT_TRUE(has_lead) << ast::Dump(*plan, *file_, false);
}

TEST_F(LexicalTest, UnterminatedStringBeforeCrLf) {
  ParseText("unit A \"abc\r\nunit B\r\n");
  Diagnostic d = Only("E0004");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "\"abc");
}

TEST_F(LexicalTest, UnterminatedComment) {
  const auto& plan = ParseText("unit 股A\n/* 注释\n没有结束\n");
  ASSERT_TRUE(plan.has_value());
  Diagnostic d = Only("E0005");
  EXPECT_EQ(TextAt(*file_, d.primary->range), "/*");
  EXPECT_EQ(file_->Position(d.primary->range.begin).line, 2u);
  EXPECT_EQ(plan->units.size(), 1u);
}

TEST_F(LexicalTest, ClosedCommentsAreFine) {
  ParseText("/**/ unit A /* x */ /***/\n");
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
}

TEST_F(LexicalTest, EscapesInStrings) {
  const auto& plan = ParseText(R"(task T01 "a\"b\\c\nd\te" {})");
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  EXPECT_EQ(plan->tasks.at(0).name.value, "a\"b\\c\nd\te");
}

TEST_F(LexicalTest, BadEscape) {
  const auto& plan = ParseText("plan \"x\" { registry \"C:\\data\\名录.csv\" }\n");
  ASSERT_TRUE(plan.has_value());
  std::vector<Diagnostic> found = test::WithCode(diags_, "E0008");
  ASSERT_EQ(found.size(), 2u) << Describe(diags_);
  EXPECT_EQ(TextAt(*file_, found[0].primary->range), "\\d");
  EXPECT_EQ(TextAt(*file_, found[1].primary->range), "\\名");
  EXPECT_EQ(diags_.errors(), 2u) << Describe(diags_);
}

TEST_F(LexicalTest, BadEscapeIsReportedOnce) {
  const auto& plan = ParseText("task T01 \"x\" { items [\"a\\qb\"] note \"\\q\" }\n");
  ASSERT_TRUE(plan.has_value());
  EXPECT_EQ(CountCode(diags_, "E0008"), 2) << Describe(diags_);
}

std::string Nested(int depth) {
  return "scope s = " + std::string(depth, '(') + "x" + std::string(depth, ')') + "\n";
}

TEST_F(LexicalTest, HundredNestedParenthesesAreFine) {
  const auto& plan = ParseText(Nested(100));
  ASSERT_TRUE(plan.has_value()) << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  EXPECT_EQ(plan->scopes.at(0).expr.name, "x");
}

TEST_F(LexicalTest, HundredAndOneNestedParenthesesAreTooDeep) {
  const auto& plan = ParseText(Nested(101));
  EXPECT_FALSE(plan.has_value());
  Diagnostic d = Only("E0007");
  EXPECT_EQ(d.severity, Severity::kError);
}

TEST_F(LexicalTest, LongChainOfNotIsTooDeep) {
  std::string text = "scope s = ";
  for (int i = 0; i < 101; ++i) text += "not ";
  text += "x\n";
  const auto& plan = ParseText(text);
  EXPECT_FALSE(plan.has_value());
  EXPECT_EQ(CountCode(diags_, "E0007"), 1) << Describe(diags_);
}

TEST_F(LexicalTest, InvalidUtf8) {
  const auto& plan = ParseText("unit 股A\nunit \xCA\xB3\xC6\xB7\xBC\xE0\n");
  EXPECT_FALSE(plan.has_value());
  Diagnostic d = Only("E0006");
  // The first bad byte: BC after the (accidentally valid) CA B3 C6 B7.
  EXPECT_EQ(d.primary->range.begin, 19u);
  EXPECT_EQ(d.primary->range.end, 20u);
  EXPECT_EQ(diags_.Sorted().size(), 1u) << Describe(diags_);
}

TEST_F(LexicalTest, TruncatedUtf8AtEndOfFile) {
  std::string text = "unit 股";
  text.pop_back();
  const auto& plan = ParseText(text);
  EXPECT_FALSE(plan.has_value());
  Diagnostic d = Only("E0006");
  EXPECT_EQ(d.primary->range.begin, 5u);
}

}  // namespace
}  // namespace planc
