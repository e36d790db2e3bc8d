// Several outputs written as one step (cli/output.h): all of them, or none
// and every file as it was. The temporaries are written on several threads.
#include "compiler/cli/output.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/unit/data/data_test_support.h"

namespace planc::cli {
namespace {

using test::ReadBytes;
using test::ScratchDir;

std::vector<std::string> Listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(OutputTest, WritesEveryFileOrNone) {
  ScratchDir dir;
  std::vector<std::pair<std::string, std::string>> files = {
      {"draws.csv", std::string(3 << 20, 'd')},  // large ones and small ones,
      {"visits.csv", std::string(5 << 20, 'v')},  // spread over the threads
      {"publication.csv", std::string(4 << 20, 'p')},
      {"drawjobs.json", "{}"},
      {"manifest.json", "{\"m\":1}"}};
  std::vector<std::string> paths;
  for (const auto& [name, bytes] : files) paths.push_back((dir.path() / name).string());
  dir.Write("draws.csv", "old");
  std::string error;
  ASSERT_TRUE(WriteAllAtomically(paths, files, &error)) << error;
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_TRUE(ReadBytes(paths[i]) == files[i].second) << files[i].first;
  }
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"drawjobs.json", "draws.csv",
                                                           "manifest.json", "publication.csv",
                                                           "visits.csv"}));

  // A path that cannot be written (a folder is in the way): nothing is
  // written, the earlier files stay as they were, no temporary is left,
  // and the error names the path.
  std::filesystem::remove(paths[2]);
  std::filesystem::create_directories(paths[2] + ".planc-tmp-" + std::to_string(::getpid()));
  std::vector<std::pair<std::string, std::string>> again = files;
  for (auto& [name, bytes] : again) bytes = "new " + name;
  EXPECT_FALSE(WriteAllAtomically(paths, again, &error));
  EXPECT_NE(error.find("publication.csv"), std::string::npos) << error;
  std::filesystem::remove(paths[2] + ".planc-tmp-" + std::to_string(::getpid()));
  EXPECT_EQ(Listing(dir.path()), (std::vector<std::string>{"drawjobs.json", "draws.csv",
                                                           "manifest.json", "visits.csv"}));
  for (std::size_t i : {0, 1, 3, 4}) {
    EXPECT_TRUE(ReadBytes(paths[i]) == files[i].second) << files[i].first;
  }
}

}  // namespace
}  // namespace planc::cli
