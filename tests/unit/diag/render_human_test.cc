#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/diag/render.h"
#include "compiler/source/utf8.h"
#include "tests/unit/test_support.h"

namespace planc {
namespace {

using test::Contains;
using test::MakeFile;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The first rendered line that contains `needle`.
std::string LineWith(const std::string& text, std::string_view needle) {
  for (const std::string& line : Lines(text)) {
    if (Contains(line, needle)) return line;
  }
  return "<no line with " + std::string(needle) + ">";
}

SourceRange RangeOf(const SourceFile& file, std::string_view needle) {
  auto begin = static_cast<std::uint32_t>(file.text().find(needle));
  return {begin, static_cast<std::uint32_t>(begin + needle.size())};
}

// The display column where `needle` starts in `line`.
int ColumnOf(const std::string& line, std::string_view needle) {
  std::size_t at = line.find(needle);
  if (at == std::string::npos) return -1;
  return DisplayWidth(std::string_view(line).substr(0, at));
}

int CountChar(const std::string& text, char c) {
  return static_cast<int>(std::count(text.begin(), text.end(), c));
}

class RenderHumanTest : public ::testing::Test {
 protected:
  RenderHumanTest()
      : file_(MakeFile("task T01 \"食品销售者监督检查\" {\n  牵头 食品流通股\n}\n", "plan.plan")) {}

  Diagnostic Unknown() {
    return DiagBuilder(DiagKind::kUnknownName, file_, RangeOf(*file_, "食品流通股"))
        .Message("unknown unit `食品流通股`", "未声明的单位「食品流通股」")
        .Label("no unit of this name is declared", "没有声明这个单位")
        .Note("units are declared with `unit`", "单位用 unit 声明")
        .Help("did you mean `食品流通监管股`?", "是否应为「食品流通监管股」？");
  }

  SourcePtr file_;
};

TEST_F(RenderHumanTest, HeadLineLikeClang) {
  std::string out = RenderHuman({Unknown()}, {});
  EXPECT_EQ(Lines(out).at(0), "plan.plan:2:6: error[E0101]: unknown unit `食品流通股`") << out;
}

TEST_F(RenderHumanTest, ShowsTheSourceLineWithItsNumber) {
  std::string out = RenderHuman({Unknown()}, {});
  EXPECT_EQ(LineWith(out, "牵头"), "2 |   牵头 食品流通股") << out;
}

TEST_F(RenderHumanTest, CaretIsAlignedByDisplayWidth) {
  std::string out = RenderHuman({Unknown()}, {});
  std::string source = LineWith(out, "牵头");
  std::string carets = LineWith(out, "^");
  // "2 |   牵头 " is 11 columns wide (牵头 takes 4), though 13 bytes and 9
  // code points.
  EXPECT_EQ(ColumnOf(carets, "^"), ColumnOf(source, "食")) << out;
  EXPECT_EQ(ColumnOf(carets, "^"), 11) << out;
}

TEST_F(RenderHumanTest, CaretIsAsWideAsTheSpan) {
  std::string out = RenderHuman({Unknown()}, {});
  std::string carets = LineWith(out, "^");
  // Five Chinese characters: ten columns.
  EXPECT_EQ(CountChar(carets, '^'), 10) << out;
  EXPECT_TRUE(Contains(carets, "^^^^^^^^^^ no unit of this name is declared")) << out;
}

TEST_F(RenderHumanTest, TabsDoNotBreakAlignment) {
  SourcePtr file = MakeFile("\t牵头\t食品流通股 x\n", "tab.plan");
  Diagnostic d = DiagBuilder(DiagKind::kUnknownName, file, RangeOf(*file, "食品流通股"))
                     .Message("m", "m");
  std::string out = RenderHuman({d}, {});
  std::string source = LineWith(out, "牵头");
  std::string carets = LineWith(out, "^");
  EXPECT_EQ(ColumnOf(carets, "^"), ColumnOf(source, "食")) << out;
  EXPECT_EQ(CountChar(carets, '^'), 10) << out;
}

TEST_F(RenderHumanTest, EmptySpanGetsOneCaret) {
  SourcePtr file = MakeFile("plan \"x\" {\n", "eof.plan");
  auto end = static_cast<std::uint32_t>(file->text().size() - 1);
  Diagnostic d = DiagBuilder(DiagKind::kSyntaxError, file, {end, end}).Message("m", "m");
  std::string carets = LineWith(RenderHuman({d}, {}), "^");
  EXPECT_EQ(CountChar(carets, '^'), 1);
}

TEST_F(RenderHumanTest, NoteAndHelpLines) {
  std::string out = RenderHuman({Unknown()}, {});
  EXPECT_TRUE(Contains(out, "\n  = note: units are declared with `unit`\n")) << out;
  EXPECT_TRUE(Contains(out, "\n  = help: did you mean `食品流通监管股`?\n")) << out;
  EXPECT_LT(out.find("= note:"), out.find("= help:"));
}

TEST_F(RenderHumanTest, NoHelpLineWithoutHelp) {
  Diagnostic d = DiagBuilder(DiagKind::kUnknownName, file_, RangeOf(*file_, "食品流通股"))
                     .Message("m", "m");
  std::string out = RenderHuman({d}, {});
  EXPECT_FALSE(Contains(out, "help")) << out;
  EXPECT_FALSE(Contains(out, "note")) << out;
}

TEST_F(RenderHumanTest, SecondarySpanIsUnderlinedWithItsLabel) {
  Diagnostic d = DiagBuilder(DiagKind::kDuplicateDeclaration, file_, RangeOf(*file_, "食品流通股"))
                     .Message("twice", "两次")
                     .Label("again", "再次")
                     .Secondary(RangeOf(*file_, "T01"), "first here", "首次");
  std::string out = RenderHuman({d}, {});
  std::string dashes = LineWith(out, "first here");
  EXPECT_EQ(CountChar(dashes, '-'), 3) << out;
  EXPECT_EQ(ColumnOf(dashes, "-"), ColumnOf(LineWith(out, "T01"), "T01")) << out;
}

TEST_F(RenderHumanTest, NoAnsiWithoutColor) {
  RenderOptions options;
  options.color = false;
  std::string out = RenderHuman({Unknown()}, options);
  EXPECT_EQ(out.find('\x1b'), std::string::npos) << out;
}

TEST_F(RenderHumanTest, AnsiWithColor) {
  RenderOptions options;
  options.color = true;
  std::string out = RenderHuman({Unknown()}, options);
  EXPECT_NE(out.find("\x1b["), std::string::npos);
}

TEST_F(RenderHumanTest, ChineseMessages) {
  RenderOptions options;
  options.lang = Lang::kZh;
  std::string out = RenderHuman({Unknown()}, options);
  EXPECT_EQ(Lines(out).at(0), "plan.plan:2:6: 错误[E0101]: 未声明的单位「食品流通股」") << out;
  EXPECT_TRUE(Contains(out, "没有声明这个单位")) << out;
  EXPECT_TRUE(Contains(out, "单位用 unit 声明")) << out;
  EXPECT_TRUE(Contains(out, "是否应为「食品流通监管股」？")) << out;
}

TEST_F(RenderHumanTest, SeverityWords) {
  Diagnostic warning = DiagBuilder(DiagKind::kUnusedDeclaration, file_, {0, 4}).Message("w", "w");
  Diagnostic note = DiagBuilder(DiagKind::kUnclassifiedDefault, file_, {0, 4}).Message("n", "n");
  std::string out = RenderHuman({warning, note}, {});
  EXPECT_TRUE(Contains(out, "plan.plan:1:1: warning[W0101]: w")) << out;
  EXPECT_TRUE(Contains(out, "plan.plan:1:1: note[N0001]: n")) << out;
}

TEST_F(RenderHumanTest, DiagnosticWithoutLocation) {
  Diagnostic d;
  d.code = "E0105";
  d.message = {"no plan", "没有计划"};
  std::string out = RenderHuman({d}, {});
  EXPECT_EQ(Lines(out).at(0), "error[E0105]: no plan") << out;
  EXPECT_FALSE(Contains(out, "|")) << out;
}

TEST(RenderSummaryTest, Plurals) {
  EXPECT_EQ(RenderSummary(1, 0, 2, {}), "1 error, 0 warnings, 2 notes\n");
  RenderOptions zh;
  zh.lang = Lang::kZh;
  EXPECT_TRUE(Contains(RenderSummary(2, 1, 0, zh), "2 个错误"));
}

}  // namespace
}  // namespace planc
