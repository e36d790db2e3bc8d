#include "compiler/source/source_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace planc {
namespace {

// "计划" is 6 bytes and 2 code points; line 2 ends in CRLF; line 3 has no
// line end.
constexpr char kText[] = "计划 \"x\"\n  单位 A\r\nlast";

TEST(SourceFileTest, PositionCountsColumnsInCodePoints) {
  SourceFile file("t.plan", kText);
  LineCol start = file.Position(0);
  EXPECT_EQ(start.line, 1u);
  EXPECT_EQ(start.column, 1u);
  // After "计划" (6 bytes): column 3, not 7.
  LineCol after = file.Position(6);
  EXPECT_EQ(after.line, 1u);
  EXPECT_EQ(after.column, 3u);
  // The quote after "计划 ": byte 7, column 4.
  EXPECT_EQ(file.Position(7).column, 4u);
}

TEST(SourceFileTest, PositionOnLineAfterChineseText) {
  SourceFile file("t.plan", kText);
  std::string text = kText;
  auto a = static_cast<std::uint32_t>(text.find('A'));
  LineCol pos = file.Position(a);
  EXPECT_EQ(pos.line, 2u);
  // "  单位 " is 5 code points (9 bytes).
  EXPECT_EQ(pos.column, 6u);
}

TEST(SourceFileTest, CrLfLineEnds) {
  SourceFile file("t.plan", kText);
  std::string text = kText;
  auto cr = static_cast<std::uint32_t>(text.find('\r'));
  EXPECT_EQ(file.Position(cr).line, 2u);
  EXPECT_EQ(file.Position(cr).column, 7u);
  // The byte after "\r\n" starts line 3.
  LineCol last = file.Position(cr + 2);
  EXPECT_EQ(last.line, 3u);
  EXPECT_EQ(last.column, 1u);
  EXPECT_EQ(file.LineStart(3), cr + 2);
}

TEST(SourceFileTest, LineHasNoTerminator) {
  SourceFile file("t.plan", kText);
  EXPECT_EQ(file.line_count(), 3u);
  EXPECT_EQ(file.Line(1), "计划 \"x\"");
  EXPECT_EQ(file.Line(2), "  单位 A");  // no "\r"
  EXPECT_EQ(file.Line(3), "last");
}

TEST(SourceFileTest, LineOutOfRangeIsEmpty) {
  SourceFile file("t.plan", kText);
  EXPECT_EQ(file.Line(0), "");
  EXPECT_EQ(file.Line(4), "");
}

TEST(SourceFileTest, LastLineWithoutNewline) {
  SourceFile file("t.plan", "a\nbcd");
  EXPECT_EQ(file.line_count(), 2u);
  EXPECT_EQ(file.Line(2), "bcd");
  LineCol end = file.Position(5);
  EXPECT_EQ(end.line, 2u);
  EXPECT_EQ(end.column, 4u);
}

TEST(SourceFileTest, OffsetAtEndOfText) {
  SourceFile file("t.plan", kText);
  auto size = static_cast<std::uint32_t>(std::string(kText).size());
  LineCol end = file.Position(size);
  EXPECT_EQ(end.line, 3u);
  EXPECT_EQ(end.column, 5u);  // just after "last"
  // Offsets past the end are clamped to the end.
  LineCol past = file.Position(size + 100);
  EXPECT_EQ(past.line, end.line);
  EXPECT_EQ(past.column, end.column);
}

TEST(SourceFileTest, OffsetAtEndAfterTrailingNewline) {
  SourceFile file("t.plan", "食品\n");
  EXPECT_EQ(file.Position(6).line, 1u);
  EXPECT_EQ(file.Position(6).column, 3u);
  // The end of a file that ends in a newline is the start of an empty line.
  EXPECT_EQ(file.Position(7).line, 2u);
  EXPECT_EQ(file.Position(7).column, 1u);
  EXPECT_EQ(file.Line(2), "");
}

TEST(SourceFileTest, EmptyFile) {
  SourceFile file("t.plan", "");
  EXPECT_EQ(file.line_count(), 1u);
  EXPECT_EQ(file.Position(0).line, 1u);
  EXPECT_EQ(file.Position(0).column, 1u);
  EXPECT_EQ(file.Line(1), "");
}

TEST(SourceRangeTest, JoinCoversBoth) {
  SourceRange joined = SourceRange::Join({10, 12}, {3, 5});
  EXPECT_EQ(joined, (SourceRange{3, 12}));
  EXPECT_EQ(SourceRange::Join({3, 20}, {5, 6}), (SourceRange{3, 20}));
}

class LoadSourceFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("planc_load_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::filesystem::path dir_;
};

TEST_F(LoadSourceFileTest, ReadsBytesExactly) {
  std::string path = (dir_ / "计划.plan").string();
  std::string bytes = "plan \"计划\" {\r\n  year 2024\r\n}";
  {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string error;
  SourcePtr file = LoadSourceFile(path, &error);
  ASSERT_NE(file, nullptr) << error;
  EXPECT_EQ(file->path(), path);
  EXPECT_EQ(file->text(), bytes);
  EXPECT_EQ(file->line_count(), 3u);
}

TEST_F(LoadSourceFileTest, MissingFileNamesThePath) {
  std::string path = (dir_ / "no-such.plan").string();
  std::string error;
  EXPECT_EQ(LoadSourceFile(path, &error), nullptr);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_GT(error.size(), path.size());
}

TEST_F(LoadSourceFileTest, DirectoryIsAnError) {
  std::string path = dir_.string();
  std::string error;
  EXPECT_EQ(LoadSourceFile(path, &error), nullptr);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_NE(error.find("directory"), std::string::npos) << error;
}

}  // namespace
}  // namespace planc
