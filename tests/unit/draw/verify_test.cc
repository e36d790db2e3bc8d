// planc verify: a recorded draw passes, and any single changed byte of any
// input or output of it is caught (draw.md "Verification").
#include "compiler/draw/verify.h"

#include <gtest/gtest.h>

#include <sstream>

#include "compiler/cli/commands.h"
#include "compiler/util/sha256.h"
#include "tests/unit/draw/draw_fixture.h"
#include "tests/unit/test_support.h"

namespace planc::draw {
namespace {

using test::ReadFile;
using test::TempFolder;
using test::WriteFile;

// A draw of the compile golden's jobs over the flagship's committed sample.
class VerifyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* name : {"registry.csv", "inspectors.csv", "conflicts.csv"}) {
      WriteFile(folder_ / name, ReadFile(std::string("examples/shishi-2024/sample/") + name));
    }
    std::ostringstream out, err;
    int status = cli::Main({"planc", "draw", "tests/golden/compile/small_registry.out/drawjobs.json",
                            "--registry", folder_ / "registry.csv", "--inspectors",
                            folder_ / "inspectors.csv", "--conflicts", folder_ / "conflicts.csv",
                            "--seed", test::kSeed, "-o", folder_ / "draw", "-q"},
                           {out, err});
    ASSERT_EQ(status, 0) << err.str();
  }
  VerifyOutcome Run(Diagnostics& diags) {
    return Verify({folder_ / "draw/manifest.json", folder_ / "registry.csv",
                   folder_ / "inspectors.csv", folder_ / "conflicts.csv"},
                  diags);
  }
  TempFolder folder_;
};

TEST_F(VerifyTest, TheRecordedDrawVerifies) {
  Diagnostics diags;
  VerifyOutcome outcome = Run(diags);
  EXPECT_TRUE(outcome.identical) << ::testing::PrintToString(planc::test::Codes(diags));
  EXPECT_EQ(outcome.files_checked, 5u);
  EXPECT_TRUE(diags.empty());
}

// Bytes all through every file, changed one at a time: every 23rd byte of
// each output and every 7th of the manifest (each caught by re-running the
// draw, 15 ms apiece, which names the row) and every 61st of each input
// (compared by its SHA-256, so where the byte is does not matter), and
// always the last byte of each.
TEST_F(VerifyTest, AnySingleChangedByteIsCaught) {
  std::vector<std::pair<std::string, std::size_t>> files = {
      {"draw/manifest.json", 7}, {"draw/draws.csv", 23},      {"draw/visits.csv", 23},
      {"draw/publication.csv", 23}, {"draw/drawjobs.json", 23}, {"registry.csv", 61},
      {"inspectors.csv", 61},    {"conflicts.csv", 61}};
  std::size_t tried = 0;
  for (const auto& [name, stride] : files) {
    const std::string path = folder_ / name;
    const std::string original = ReadFile(path);
    ASSERT_FALSE(original.empty()) << name;
    for (std::size_t at = 0; at < original.size(); at += stride) {
      for (std::size_t i : {at, original.size() - 1}) {
        std::string changed = original;
        changed[i] = static_cast<char>(changed[i] ^ 0x01);
        WriteFile(path, changed);
        Diagnostics diags;
        EXPECT_FALSE(Run(diags).identical) << name << " byte " << i;
        EXPECT_GE(planc::test::CountCode(diags, "E0505") + planc::test::CountCode(diags, "E0506"), 1)
            << name << " byte " << i;
        ++tried;
      }
    }
    WriteFile(path, original);
  }
  EXPECT_GT(tried, 1500u);
  Diagnostics diags;
  EXPECT_TRUE(Run(diags).identical);  // everything restored
}

TEST_F(VerifyTest, AnEditedRowIsNamedWithItsFileAndLine) {
  // An output edited and its digest in the manifest edited to match: the re-run
  // still tells the difference, at the row.
  std::string visits = ReadFile(folder_ / "draw/visits.csv");
  std::size_t line3 = visits.find('\n', visits.find('\n') + 1) + 1;
  std::string edited = visits;
  edited[visits.find(',', line3) + 5] ^= 0x01;  // a byte of the uscc on line 3
  WriteFile(folder_ / "draw/visits.csv", edited);
  std::string manifest = ReadFile(folder_ / "draw/manifest.json");
  std::string old_digest = Sha256Hex(visits), new_digest = Sha256Hex(edited);
  manifest.replace(manifest.find(old_digest), old_digest.size(), new_digest);
  WriteFile(folder_ / "draw/manifest.json", manifest);
  Diagnostics diags;
  EXPECT_FALSE(Run(diags).identical);
  std::vector<Diagnostic> e = planc::test::WithCode(diags, "E0505");
  ASSERT_FALSE(e.empty());
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "visits.csv differs from the draw re-run, from line 3"))
      << e[0].message.en;
}

TEST_F(VerifyTest, AnEditedPublishedListIsNamedAtItsRow) {
  std::string publication = ReadFile(folder_ / "draw/publication.csv");
  std::size_t line2 = publication.find('\n') + 1;
  publication[publication.find(',', line2) + 1] ^= 0x01;  // the task name on line 2
  WriteFile(folder_ / "draw/publication.csv", publication);
  Diagnostics diags;
  EXPECT_FALSE(Run(diags).identical);
  std::vector<Diagnostic> e = planc::test::WithCode(diags, "E0505");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "publication.csv differs from the draw re-run, from line 2"))
      << e[0].message.en;
  EXPECT_TRUE(planc::test::Contains(e[0].notes[0].en, "changed after the draw"));
}

TEST_F(VerifyTest, AnotherRegistryIsNamed) {
  std::string registry = ReadFile(folder_ / "registry.csv");
  WriteFile(folder_ / "registry.csv", registry + "\n");
  Diagnostics diags;
  EXPECT_FALSE(Run(diags).identical);
  std::vector<Diagnostic> e = planc::test::WithCode(diags, "E0505");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].primary->file->path(), folder_ / "registry.csv");
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "not the one the draw used"));
}

}  // namespace
}  // namespace planc::draw
