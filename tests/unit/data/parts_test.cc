// Reading a file in parts (data/parts.h) gives exactly what one reading from
// start to end gives: the same rows in the same order, the same
// diagnostics at the same lines, whatever the split points fall on.
#include "compiler/data/parts.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "compiler/data/uscc.h"
#include "compiler/diag/render.h"
#include "tests/unit/data/data_test_support.h"

namespace planc::data {
namespace {

using planc::test::ScratchDir;

// Keeps each row it takes as text, "uscc|name|…|" (valid) or "!" (not), by
// the part it came from; and the lines of the rows of the first part.
class Recorder final : public RowSink {
 public:
  void BeginPart(std::size_t index) override {
    index_ = index;
    part_ = &parts[index];
  }
  void Take(const Row& row, bool valid) override {
    if (!valid) {
      part_->push_back("!");
      return;
    }
    std::string text;
    for (std::string_view value : row.values) text += std::string(value) + "|";
    part_->push_back(text);
    if (index_ == 0) lines.push_back(row.line);
  }
  void PartsDone() override { ++done; }
  std::map<std::size_t, std::vector<std::string>> parts;
  std::vector<std::uint32_t> lines;
  int done = 0;

 private:
  std::size_t index_ = 0;
  std::vector<std::string>* part_ = nullptr;
};

struct Read {
  std::vector<std::string> rows;      // every sink's rows, in file order
  std::vector<std::uint32_t> first_lines;  // the first part's row lines
  std::size_t used = 0;                // sinks that hold rows
  std::size_t parts = 0;               // parts read
  int done = 0;                        // PartsDone calls
  std::string diagnostics;            // rendered
  std::string sha256;
};

// Reads the registry at `path` on `threads` threads (1: in one stream), in
// parts of about `part_bytes`.
Read ReadRegistry(const std::string& path, std::size_t threads, bool skip_invalid = false,
                  std::uint64_t part_bytes = 4096) {
  Diagnostics diags;
  Read out;
  std::unique_ptr<TableReader> table = OpenTable(path, RegistrySpec(), Encoding::kAuto, diags);
  EXPECT_TRUE(table);
  if (!table) return out;
  table->set_skip_invalid(skip_invalid);
  PartsOptions options;
  options.threads = threads;
  options.min_split_bytes = 1;
  options.part_bytes = part_bytes;
  std::size_t count = SinksFor(*table, options);
  EXPECT_EQ(count, threads == 1 ? 1 : threads + 1);
  std::vector<Recorder> recorders(count);
  std::vector<RowSink*> sinks;
  for (Recorder& r : recorders) sinks.push_back(&r);
  out.used = ReadInParts(*table, sinks, options);
  table->Close();
  out.sha256 = table->csv().source().Sha256Hex();
  std::map<std::size_t, std::vector<std::string>> parts;
  for (std::size_t i = 0; i < out.used; ++i) {
    for (auto& [index, rows] : recorders[i].parts) {
      EXPECT_TRUE(parts.emplace(index, rows).second) << "part " << index << " read twice";
    }
    out.done += recorders[i].done;
  }
  for (const auto& [index, rows] : parts) out.rows.insert(out.rows.end(), rows.begin(), rows.end());
  out.parts = parts.size();
  out.first_lines = recorders[0].lines;
  out.diagnostics = RenderHuman(diags.Sorted(), {});
  return out;
}

std::string Code(int i) {
  // Valid codes: the check character of 17 characters.
  static const char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string first17 = "91350581MA";
  for (int k = 0; k < 7; ++k) {
    first17 += kAlphabet[i % 31];
    i /= 31;
  }
  return first17 + *UsccCheckCharacter(first17);
}

std::string Header() {
  return "uscc,name,kind,industry,district,credit,licences,status,tags,registered_on";
}

std::string RowText(int i, const std::string& name = "") {
  return Code(i) + "," + (name.empty() ? "企业" + std::to_string(i) : name) +
         ",enterprise,C1810,宝盖镇,A,食品经营许可;药品经营许可,active,,2015-03-01";
}

std::string Registry(int rows, const std::string& eol = "\n") {
  std::string out = Header() + eol;
  for (int i = 0; i < rows; ++i) out += RowText(i) + eol;
  return out;
}

TEST(PartsTest, SplitReadEqualsOneReading) {
  ScratchDir dir;
  std::string path = dir.Write("registry.csv", Registry(3000));
  Read one = ReadRegistry(path, 1);
  ASSERT_EQ(one.rows.size(), 3000u);
  EXPECT_EQ(one.diagnostics, "");
  for (std::size_t threads : {2, 3, 5, 8}) {
    // Many small parts taken in turn, and one part per thread.
    for (std::uint64_t part_bytes : {std::uint64_t{4096}, std::uint64_t{1} << 30}) {
      Read split = ReadRegistry(path, threads, false, part_bytes);
      EXPECT_EQ(split.used, threads + 1) << threads;
      if (part_bytes == 4096) {
        EXPECT_GT(split.parts, 50u) << threads;  // about 300 KB in 4 KiB parts
      } else {
        EXPECT_EQ(split.parts, threads) << threads;
      }
      EXPECT_EQ(split.done, static_cast<int>(threads) + 1) << threads;
      EXPECT_EQ(split.rows, one.rows) << threads;
      EXPECT_EQ(split.sha256, one.sha256) << threads;
      EXPECT_EQ(split.diagnostics, "") << threads;
    }
  }
}

TEST(PartsTest, CrlfBlankLinesAndByteOrderMark) {
  ScratchDir dir;
  std::string text = "\xEF\xBB\xBF" + Header() + "\r\n";
  for (int i = 0; i < 2000; ++i) {
    text += RowText(i) + "\r\n";
    if (i % 7 == 0) text += "\r\n\n";  // blank lines, some where a split may fall
  }
  std::string path = dir.Write("registry.csv", text);
  Read one = ReadRegistry(path, 1);
  ASSERT_EQ(one.rows.size(), 2000u);
  for (std::size_t threads : {2, 3, 4, 7}) {
    Read split = ReadRegistry(path, threads);
    EXPECT_EQ(split.used, threads + 1) << threads;
    EXPECT_EQ(split.rows, one.rows) << threads;
    EXPECT_EQ(split.sha256, one.sha256) << threads;
    EXPECT_EQ(split.diagnostics, one.diagnostics) << threads;
  }
}

// A quoted name with line breaks over the middle of the file: the split
// point falls inside it, so the first part reads the whole file, and the
// rows and their lines are those of one reading.
TEST(PartsTest, SplitInsideAQuotedFieldFallsBackToOneReading) {
  ScratchDir dir;
  std::string name = "\"";
  for (int k = 0; k < 400; ++k) name += "多行名称,第" + std::to_string(k) + "行\n";
  name += "\"";
  std::string text = Header() + "\n";
  for (int i = 0; i < 300; ++i) text += RowText(i) + "\n";
  text += RowText(300, name) + "\n";
  for (int i = 301; i < 600; ++i) text += RowText(i) + "\n";
  std::string path = dir.Write("registry.csv", text);
  Read one = ReadRegistry(path, 1);
  ASSERT_EQ(one.rows.size(), 600u);
  EXPECT_EQ(one.diagnostics, "");
  Read split = ReadRegistry(path, 2);
  EXPECT_EQ(split.used, 1u);  // the guessed start was inside the quoted name
  EXPECT_EQ(split.rows, one.rows);
  EXPECT_EQ(split.first_lines, one.first_lines);
  EXPECT_EQ(split.first_lines.back(), 2u + 300 + 401 + 298);
  EXPECT_EQ(split.sha256, one.sha256);
  EXPECT_EQ(split.diagnostics, "");
}

// Problems in a later part are reported as one reading reports them: at the
// file's lines, once each, with the caps on repeated reports.
TEST(PartsTest, ProblemsInALaterPartAreReportedAtTheirLines) {
  ScratchDir dir;
  std::string text = Header() + "\n";
  for (int i = 0; i < 3000; ++i) {
    std::string row = RowText(i);
    if (i == 2500) row.replace(0, 18, "NOT-A-CODE");           // E0203-like cell problem
    if (i >= 2600 && i < 2750) row += ",extra";                // more than 100 ragged rows
    text += row + "\n";
  }
  std::string path = dir.Write("registry.csv", text);
  Read one = ReadRegistry(path, 1);
  ASSERT_NE(one.diagnostics, "");
  EXPECT_NE(one.diagnostics.find("registry.csv:2502:"), std::string::npos) << one.diagnostics;
  EXPECT_NE(one.diagnostics.find("more"), std::string::npos);  // the cap's note
  for (std::size_t threads : {2, 4}) {
    Read split = ReadRegistry(path, threads);
    EXPECT_EQ(split.used, 1u) << threads;
    EXPECT_EQ(split.rows, one.rows) << threads;
    EXPECT_EQ(split.diagnostics, one.diagnostics) << threads;
    EXPECT_EQ(split.sha256, one.sha256) << threads;
  }
  // Skipped rows too: warnings at the same lines, the same rows kept.
  Read skipped_one = ReadRegistry(path, 1, true);
  Read skipped_split = ReadRegistry(path, 3, true);
  EXPECT_EQ(skipped_split.rows, skipped_one.rows);
  EXPECT_EQ(skipped_split.diagnostics, skipped_one.diagnostics);
}

// Problems in the first part only: the others' rows are kept, and the
// reports are those of one reading.
TEST(PartsTest, ProblemsInTheFirstPartKeepTheSplit) {
  ScratchDir dir;
  std::string text = Header() + "\n";
  for (int i = 0; i < 3000; ++i) text += (i == 10 ? RowText(i) + ",extra" : RowText(i)) + "\n";
  std::string path = dir.Write("registry.csv", text);
  Read one = ReadRegistry(path, 1, true);
  Read split = ReadRegistry(path, 2, true);
  EXPECT_EQ(split.used, 3u);
  EXPECT_EQ(split.rows, one.rows);
  EXPECT_EQ(split.diagnostics, one.diagnostics);
  EXPECT_NE(split.diagnostics.find("registry.csv:12:"), std::string::npos) << split.diagnostics;
}

TEST(PartsTest, SmallOrNonUtf8FilesAreReadByOneThread) {
  ScratchDir dir;
  std::string path = dir.Write("registry.csv", Registry(100));
  Diagnostics diags;
  std::unique_ptr<TableReader> table = OpenTable(path, RegistrySpec(), Encoding::kAuto, diags);
  ASSERT_TRUE(table);
  PartsOptions options;
  options.threads = 4;
  EXPECT_EQ(SinksFor(*table, options), 1u);  // far below 2 × 8 MiB
  options.min_split_bytes = 1;
  EXPECT_EQ(SinksFor(*table, options), 5u);
  options.threads = 1;
  EXPECT_EQ(SinksFor(*table, options), 1u);
  options.threads = 4;
  std::unique_ptr<TableReader> gb =
      OpenTable(path, RegistrySpec(), Encoding::kGb18030, diags);
  ASSERT_TRUE(gb);
  EXPECT_EQ(SinksFor(*gb, options), 1u);
}

}  // namespace
}  // namespace planc::data
