// Golden tests: every tests/golden/<stage>/x.plan is checked by `planc check`
// and compared with its sidecar files:
//   x.expected         human diagnostics (en, no colour) and stdout
//   x.<variant>.expected for each variant present: json, sarif, github, zh, ast, model,
//                      overlap
//   x.args             optional: more flags, one a line (e.g. --registry and a path)
// A `fail_` prefix means the check must fail (exit 1); otherwise it must pass.
// PLANC_UPDATE_GOLDEN=1 rewrites the expectations instead of comparing.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "compiler/cli/commands.h"
#include "compiler/diag/diagnostic.h"

namespace planc {
namespace {

namespace fs = std::filesystem;

const fs::path kRoot = "tests/golden";

struct Variant {
  std::string suffix;              // "" for the human default
  std::vector<std::string> flags;  // extra command-line flags
};

const std::vector<Variant> kVariants = {
    {"", {}},
    {"json", {"--format", "json"}},
    {"sarif", {"--format", "sarif"}},
    {"github", {"--format", "github"}},
    {"zh", {"--lang", "zh"}},
    {"ast", {"--dump=ast"}},
    {"model", {"--dump=model"}},
    {"overlap", {"--dump=overlap"}},
};

// The extra flags of x.args, one a line; none when there is no such file.
std::vector<std::string> ExtraArgs(const std::string& plan) {
  fs::path path = plan;
  path.replace_extension(".args");
  std::vector<std::string> args;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) args.push_back(line);
  }
  return args;
}

std::vector<std::string> GoldenPlans() {
  std::vector<std::string> plans;
  if (!fs::exists(kRoot)) return plans;
  for (const auto& entry : fs::recursive_directory_iterator(kRoot)) {
    if (entry.path().extension() == ".plan") plans.push_back(entry.path().generic_string());
  }
  std::sort(plans.begin(), plans.end());
  return plans;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

fs::path ExpectedPath(const std::string& plan, const std::string& suffix) {
  fs::path path = plan;
  path.replace_extension(suffix.empty() ? ".expected" : "." + suffix + ".expected");
  return path;
}

struct Outcome {
  int status;
  std::string output;
};

Outcome RunCheck(const std::string& plan, const std::vector<std::string>& flags) {
  std::vector<std::string> args = {"planc", "check", plan, "--lang", "en", "--color", "never"};
  std::vector<std::string> extra = ExtraArgs(plan);
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), flags.begin(), flags.end());
  std::ostringstream out, err;
  int status = cli::Main(args, {out, err});
  return {status, err.str() + out.str()};
}

class GoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectations) {
  const std::string plan = GetParam();
  bool must_fail = fs::path(plan).filename().string().rfind("fail_", 0) == 0;
  bool update = std::getenv("PLANC_UPDATE_GOLDEN") != nullptr;
  for (const Variant& variant : kVariants) {
    fs::path expected_path = ExpectedPath(plan, variant.suffix);
    if (!variant.suffix.empty() && !fs::exists(expected_path)) continue;
    Outcome run = RunCheck(plan, variant.flags);
    SCOPED_TRACE(plan + " variant " + (variant.suffix.empty() ? "human" : variant.suffix));
    EXPECT_EQ(run.status, must_fail ? 1 : 0) << run.output;
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << run.output;
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_path))
        << expected_path << " is missing; run with PLANC_UPDATE_GOLDEN=1. Actual output:\n"
        << run.output;
    EXPECT_EQ(run.output, ReadFile(expected_path))
        << "to accept the new output: PLANC_UPDATE_GOLDEN=1 build/tests/planc_golden_tests";
  }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(kRoot.generic_string().size() + 1);
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Plans, GoldenTest, testing::ValuesIn(GoldenPlans()), TestName);

// Compile goldens: `planc compile` of each tests/golden/compile/x.plan (with
// x.args) and of the flagship example writes exactly the files of x.out/,
// byte for byte. (The .plan files there are also ordinary check goldens.)
struct CompileCase {
  std::string plan;
  fs::path expected;  // the folder of expected outputs
};

std::vector<CompileCase> CompileCases() {
  std::vector<CompileCase> cases = {
      {"examples/shishi-2024/plan.plan", kRoot / "compile" / "shishi-2024.out"}};
  for (const std::string& plan : GoldenPlans()) {
    if (plan.rfind((kRoot / "compile").generic_string() + "/", 0) != 0) continue;
    fs::path out = plan;
    out.replace_extension(".out");
    cases.push_back({plan, out});
  }
  return cases;
}

class CompileGoldenTest : public testing::TestWithParam<CompileCase> {};

TEST_P(CompileGoldenTest, WritesExpectedFiles) {
  const CompileCase& c = GetParam();
  bool update = std::getenv("PLANC_UPDATE_GOLDEN") != nullptr;
  fs::path dir = fs::temp_directory_path() /
                 ("planc-compile-golden-" + c.expected.stem().string() + "-" +
                  std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(dir);
  std::vector<std::string> args = {"planc", "compile", c.plan, "-o", dir.string(), "--lang", "en",
                                   "--color", "never", "-q"};
  std::vector<std::string> extra = ExtraArgs(c.plan);
  args.insert(args.end(), extra.begin(), extra.end());
  std::ostringstream out, err;
  ASSERT_EQ(cli::Main(args, {out, err}), 0) << err.str() << out.str();
  std::set<std::string> written, expected;
  for (const auto& entry : fs::directory_iterator(dir)) written.insert(entry.path().filename());
  if (update) {
    fs::remove_all(c.expected);
    fs::create_directories(c.expected);
    for (const std::string& name : written) fs::copy_file(dir / name, c.expected / name);
  }
  for (const auto& entry : fs::directory_iterator(c.expected)) {
    expected.insert(entry.path().filename());
  }
  EXPECT_EQ(written, expected);
  for (const std::string& name : written) {
    EXPECT_EQ(ReadFile(dir / name), ReadFile(c.expected / name))
        << name << " differs from " << (c.expected / name)
        << "; to accept: PLANC_UPDATE_GOLDEN=1 build/tests/planc_golden_tests";
  }
  fs::remove_all(dir);
}

std::string CompileName(const testing::TestParamInfo<CompileCase>& info) {
  std::string name = info.param.expected.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Outputs, CompileGoldenTest, testing::ValuesIn(CompileCases()),
                         CompileName);

// Command goldens: each tests/golden/draw/x.cmd holds planc command lines,
// one a line, run in order in-process (`{out}` stands for a fresh temporary
// folder); every command but the last must succeed, and the output of the
// last (English, no colour, the folder written back as `{out}`) must be
// x.expected. A `fail_` prefix means the last command must exit 1.
std::vector<std::string> CommandCases() {
  std::vector<std::string> cases;
  fs::path root = kRoot / "draw";
  if (!fs::exists(root)) return cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.path().extension() == ".cmd") cases.push_back(entry.path().generic_string());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

class CommandGoldenTest : public testing::TestWithParam<std::string> {};

TEST_P(CommandGoldenTest, MatchesExpectations) {
  const std::string cmd = GetParam();
  bool must_fail = fs::path(cmd).filename().string().rfind("fail_", 0) == 0;
  fs::path folder = fs::temp_directory_path() /
                    ("planc-command-golden-" + fs::path(cmd).stem().string() + "-" +
                     std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  fs::remove_all(folder);
  std::vector<std::vector<std::string>> commands;
  std::istringstream lines(ReadFile(cmd));
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> args = {"planc", "--lang", "en", "--color", "never"};
    std::istringstream words(Replace(line, "{out}", folder.string()));
    for (std::string word; words >> word;) args.push_back(word);
    commands.push_back(args);
  }
  ASSERT_FALSE(commands.empty()) << cmd << " has no command";
  Outcome last{0, ""};
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::ostringstream out, err;
    last = {cli::Main(commands[i], {out, err}), Replace(err.str() + out.str(), folder.string(), "{out}")};
    if (i + 1 < commands.size()) ASSERT_EQ(last.status, 0) << "command " << i + 1 << ":\n" << last.output;
  }
  fs::remove_all(folder);
  EXPECT_EQ(last.status, must_fail ? 1 : 0) << last.output;
  fs::path expected_path = ExpectedPath(cmd, "");
  if (std::getenv("PLANC_UPDATE_GOLDEN")) {
    std::ofstream(expected_path, std::ios::binary) << last.output;
    return;
  }
  EXPECT_EQ(last.output, ReadFile(expected_path))
      << "to accept the new output: PLANC_UPDATE_GOLDEN=1 build/tests/planc_golden_tests";
}

std::string CommandName(const testing::TestParamInfo<std::string>& info) {
  std::string name = fs::path(info.param).stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Commands, CommandGoldenTest, testing::ValuesIn(CommandCases()),
                         CommandName);

// Every registered diagnostic kind is produced by at least one golden test.
TEST(GoldenCoverage, EveryKindHasAGoldenTest) {
  std::string all;
  for (const std::string& plan : GoldenPlans()) all += ReadFile(ExpectedPath(plan, ""));
  for (const std::string& cmd : CommandCases()) all += ReadFile(ExpectedPath(cmd, ""));
  for (const KindInfo& info : AllKinds()) {
    std::string severity = info.severity == Severity::kError     ? "error"
                           : info.severity == Severity::kWarning ? "warning"
                                                                 : "note";
    EXPECT_NE(all.find(severity + "[" + info.code + "]"), std::string::npos)
        << info.code << " (" << info.title_en << ") is produced by no golden test";
  }
}

}  // namespace
}  // namespace planc
