#include "compiler/diag/engine.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/test_support.h"

namespace planc {
namespace {

using test::MakeFile;

Diagnostic At(const SourcePtr& file, std::uint32_t offset, const char* code,
              Severity severity = Severity::kError, std::string message = "") {
  Diagnostic d;
  d.code = code;
  d.severity = severity;
  d.message = {std::move(message), ""};
  d.primary = Location{file, {offset, offset + 1}, {}};
  return d;
}

std::string Key(const Diagnostic& d) {
  return d.primary->file->path() + "@" + std::to_string(d.primary->range.begin) + ":" + d.code +
         (d.message.en.empty() ? "" : "/" + d.message.en);
}

TEST(DiagnosticsTest, SortedByFileThenOffsetThenCode) {
  SourcePtr a = MakeFile(std::string(100, ' '), "a.plan");
  SourcePtr b = MakeFile(std::string(100, ' '), "b.plan");
  Diagnostics diags;
  diags.Add(At(b, 5, "E0001"));
  diags.Add(At(a, 50, "W0101", Severity::kWarning));
  diags.Add(At(a, 10, "E0101"));
  diags.Add(At(a, 10, "E0001"));
  diags.Add(At(a, 9, "W0101", Severity::kWarning));
  std::vector<std::string> keys;
  for (const Diagnostic& d : diags.Sorted()) keys.push_back(Key(d));
  std::vector<std::string> expected = {"a.plan@9:W0101", "a.plan@10:E0001", "a.plan@10:E0101",
                                       "a.plan@50:W0101", "b.plan@5:E0001"};
  EXPECT_EQ(keys, expected);
}

TEST(DiagnosticsTest, SortingByOffsetIsLineAndColumnOrder) {
  // Offset 3 is on line 2, offset 20 on line 1: line order must win over
  // the order of addition, and bytes (not code points) decide.
  SourcePtr file = MakeFile("食\n12345678901234567890\n", "a.plan");
  Diagnostics diags;
  diags.Add(At(file, 20, "E0001"));
  diags.Add(At(file, 4, "E0002"));
  diags.Add(At(file, 0, "E0003"));
  std::vector<Diagnostic> sorted = diags.Sorted();
  ASSERT_EQ(sorted.size(), 3u);
  EXPECT_EQ(sorted[0].code, "E0003");
  EXPECT_EQ(sorted[1].code, "E0002");
  EXPECT_EQ(sorted[2].code, "E0001");
}

TEST(DiagnosticsTest, SortIsStableForEqualKeys) {
  SourcePtr file = MakeFile(std::string(10, ' '), "a.plan");
  Diagnostics diags;
  for (const char* name : {"first", "second", "third", "fourth"}) {
    diags.Add(At(file, 3, "E0101", Severity::kError, name));
  }
  diags.Add(At(file, 1, "E0101", Severity::kError, "earlier"));
  std::vector<std::string> messages;
  for (const Diagnostic& d : diags.Sorted()) messages.push_back(d.message.en);
  std::vector<std::string> expected = {"earlier", "first", "second", "third", "fourth"};
  EXPECT_EQ(messages, expected);
}

TEST(DiagnosticsTest, SortedLeavesTheEngineUnchanged) {
  SourcePtr file = MakeFile(std::string(10, ' '), "a.plan");
  Diagnostics diags;
  diags.Add(At(file, 5, "E0001"));
  diags.Add(At(file, 1, "E0002"));
  EXPECT_EQ(diags.Sorted()[0].code, "E0002");
  diags.Add(At(file, 0, "E0003"));
  EXPECT_EQ(diags.Sorted()[0].code, "E0003");
  EXPECT_EQ(diags.Sorted().size(), 3u);
}

TEST(DiagnosticsTest, Counts) {
  SourcePtr file = MakeFile("x");
  Diagnostics diags;
  EXPECT_TRUE(diags.empty());
  EXPECT_FALSE(diags.has_errors());
  diags.Add(At(file, 0, "W0101", Severity::kWarning));
  diags.Add(At(file, 0, "N0001", Severity::kNote));
  diags.Add(At(file, 0, "W0102", Severity::kWarning));
  EXPECT_FALSE(diags.empty());
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(diags.errors(), 0u);
  EXPECT_EQ(diags.warnings(), 2u);
  EXPECT_EQ(diags.notes(), 1u);
  diags.Add(At(file, 0, "E0001"));
  EXPECT_TRUE(diags.has_errors());
  EXPECT_EQ(diags.errors(), 1u);
}

TEST(DiagnosticsTest, PromoteWarningsTurnsWarningsIntoErrors) {
  SourcePtr file = MakeFile("x");
  Diagnostics diags;
  diags.Add(At(file, 0, "W0101", Severity::kWarning));
  diags.Add(At(file, 0, "N0001", Severity::kNote));
  diags.Add(At(file, 0, "E0001"));
  diags.PromoteWarnings();
  EXPECT_EQ(diags.errors(), 2u);
  EXPECT_EQ(diags.warnings(), 0u);
  EXPECT_EQ(diags.notes(), 1u);  // notes stay notes
  for (const Diagnostic& d : diags.Sorted()) {
    if (d.code == "W0101") {
      EXPECT_EQ(d.severity, Severity::kError);
    }
  }
}

TEST(DiagBuilderTest, FillsInTheKind) {
  SourcePtr file = MakeFile("unit 股");
  Diagnostic d = DiagBuilder(DiagKind::kUnusedDeclaration, file, {5, 8})
                     .Message("m", "消息")
                     .Label("l", "标签")
                     .Secondary({0, 4}, "s", "次")
                     .Note("n", "注")
                     .Help("h", "帮")
                     .WithFix("f", "修", {{{5, 8}, "x"}});
  EXPECT_EQ(d.code, "W0101");
  EXPECT_EQ(d.severity, Severity::kWarning);
  ASSERT_TRUE(d.primary.has_value());
  EXPECT_EQ(d.primary->file, file);
  EXPECT_EQ(d.primary->range, (SourceRange{5, 8}));
  EXPECT_EQ(d.primary->label.In(Lang::kZh), "标签");
  ASSERT_EQ(d.secondary.size(), 1u);
  EXPECT_EQ(d.secondary[0].file, file);
  EXPECT_EQ(d.message.In(Lang::kEn), "m");
  EXPECT_EQ(d.help.In(Lang::kZh), "帮");
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_EQ(d.fixes[0].edits[0].replacement, "x");
  EXPECT_EQ(d.rule, nullptr);
}

TEST(TextTest, ChineseFallsBackToEnglish) {
  Text both{"en", "中"};
  Text english_only{"en", ""};
  EXPECT_EQ(both.In(Lang::kZh), "中");
  EXPECT_EQ(both.In(Lang::kEn), "en");
  EXPECT_EQ(english_only.In(Lang::kZh), "en");
  EXPECT_TRUE(Text{}.empty());
  EXPECT_FALSE(english_only.empty());
}

}  // namespace
}  // namespace planc
