// The real binary, run as users and CI run it: exit codes, every --format,
// languages, and the files it must never write.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "compiler/util/sha256.h"

namespace {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  bool signalled = false;
  std::string out;
  std::string err;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string Quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a command line and returns its exit status.
int Shell(const std::string& command) {
  int raw = std::system(command.c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

// A fresh scratch folder for one test.
fs::path Scratch(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("planc-cli-" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// The stats YAML without the registry's digest, which differs between
// encodings of the same rows.
std::string WithoutDigest(const std::string& yaml) {
  std::istringstream in(yaml);
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.find("sha256:") == std::string::npos) out += line + "\n";
  }
  return out;
}

// Runs planc with `args` (and `env`, e.g. "LANG=zh_CN.UTF-8") and captures both streams.
Result Planc(const std::vector<std::string>& args, const std::string& env = "LANG=C") {
  fs::path dir = fs::temp_directory_path() / ("planc-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string command = "env -u LC_ALL -u LC_MESSAGES " + env + " " + Quote(PLANC_BINARY);
  for (const std::string& arg : args) command += " " + Quote(arg);
  command += " >" + Quote((dir / "out").string()) + " 2>" + Quote((dir / "err").string()) +
             " </dev/null";
  int raw = std::system(command.c_str());
  Result result;
  result.signalled = WIFSIGNALED(raw) || (WIFEXITED(raw) && WEXITSTATUS(raw) >= 128);
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = Slurp(dir / "out");
  result.err = Slurp(dir / "err");
  return result;
}

const std::string kExample = "examples/shishi-2024/plan.plan";
const std::string kTenMistakes = "tests/golden/sema/fail_ten_mistakes.plan";

TEST(Cli, VersionAndHelp) {
  Result version = Planc({"--version"});
  EXPECT_EQ(version.status, 0);
  EXPECT_NE(version.out.find("planc "), std::string::npos);
  Result help = Planc({"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("check"), std::string::npos);
  EXPECT_NE(help.out.find("explain"), std::string::npos);
}

// Clean against quanzhou-2024 (and national): no error, no warning; the one
// finding is T05's waived merge-windows, shown as a note with its reason.
TEST(Cli, FlagshipExampleChecksClean) {
  Result r = Planc({"check", kExample});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("0 errors, 0 warnings, 1 note\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("note[merge-windows]"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("waived for `T05`"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("ok"), std::string::npos);
  Result strict = Planc({"check", kExample, "--werror", "--strict"});
  EXPECT_EQ(strict.status, 0) << strict.err;
}

TEST(Cli, ErrorsExitOne) {
  Result r = Planc({"check", kTenMistakes});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("error[E0101]"), std::string::npos);
  EXPECT_EQ(r.err.find("\x1b["), std::string::npos) << "no colour when not on a terminal";
}

TEST(Cli, UsageAndIoErrorsExitTwo) {
  EXPECT_EQ(Planc({}).status, 2);
  EXPECT_EQ(Planc({"frobnicate"}).status, 2);
  EXPECT_EQ(Planc({"check"}).status, 2);
  EXPECT_EQ(Planc({"check", kExample, "--format", "xml"}).status, 2);
  Result missing = Planc({"check", "no/such/file.plan"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("no/such/file.plan"), std::string::npos);
  EXPECT_EQ(Planc({"check", "tests"}).status, 2) << "a directory is not a plan";
}

TEST(Cli, JsonFormatFollowsTheSchema) {
  Result r = Planc({"check", kTenMistakes, "--format", "json"});
  EXPECT_EQ(r.status, 1);
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "planc/diagnostics@1");
  ASSERT_FALSE(doc["diagnostics"].empty());
  for (const auto& d : doc["diagnostics"]) {
    for (const char* key : {"code", "severity", "message", "file", "line", "column", "end_line",
                            "end_column", "rule", "notes", "help", "fixes"}) {
      EXPECT_TRUE(d.contains(key)) << key;
    }
  }
  EXPECT_EQ(doc["summary"]["errors"].get<int>() + doc["summary"]["warnings"].get<int>() +
                doc["summary"]["notes"].get<int>(),
            static_cast<int>(doc["diagnostics"].size()));
}

// The ten mistakes of fail_ten_mistakes.plan, where a reader of the file puts
// them; every format must report exactly these places.
const std::vector<std::tuple<std::string, int, int>> kTenPlaces = {
    {"E0108", 5, 10},  {"E0101", 15, 8}, {"E0115", 18, 10}, {"E0003", 18, 23},
    {"E0109", 19, 3},  {"E0103", 23, 6}, {"E0107", 27, 10}, {"E0110", 28, 3},
    {"E0104", 29, 3},  {"E0119", 36, 10},
};

TEST(Cli, TenMistakesAtTheirPlacesInEveryFormat) {
  using Place = std::tuple<std::string, int, int>;
  std::vector<Place> json_places, sarif_places, github_places, human_places;
  nlohmann::json json = nlohmann::json::parse(Planc({"check", kTenMistakes, "--format", "json"}).out);
  for (const auto& d : json["diagnostics"]) json_places.emplace_back(d["code"], d["line"], d["column"]);
  nlohmann::json sarif = nlohmann::json::parse(Planc({"check", kTenMistakes, "--format", "sarif"}).out);
  for (const auto& r : sarif["runs"][0]["results"]) {
    const auto& region = r["locations"][0]["physicalLocation"]["region"];
    sarif_places.emplace_back(r["ruleId"], region["startLine"], region["startColumn"]);
  }
  std::istringstream github(Planc({"check", kTenMistakes, "--format", "github"}).out);
  std::string line;
  while (std::getline(github, line)) {
    int l = std::stoi(line.substr(line.find(",line=") + 6));
    int c = std::stoi(line.substr(line.find(",col=") + 5));
    std::string code = line.substr(line.find("title=") + 6, 5);
    github_places.emplace_back(code, l, c);
  }
  std::istringstream human(Planc({"check", kTenMistakes}).err);
  while (std::getline(human, line)) {
    if (line.rfind(kTenMistakes + ":", 0) != 0) continue;
    std::string rest = line.substr(kTenMistakes.size() + 1);
    int l = std::stoi(rest);
    int c = std::stoi(rest.substr(rest.find(':') + 1));
    std::string code = rest.substr(rest.find('[') + 1, 5);
    human_places.emplace_back(code, l, c);
  }
  EXPECT_EQ(json_places, kTenPlaces);
  EXPECT_EQ(sarif_places, kTenPlaces);
  EXPECT_EQ(github_places, kTenPlaces);
  EXPECT_EQ(human_places, kTenPlaces);
}

TEST(Cli, SarifFormatIsSarif210) {
  Result r = Planc({"check", kTenMistakes, "--format", "sarif"});
  EXPECT_EQ(r.status, 1);
  nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["version"], "2.1.0");
  const auto& run = doc["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "planc");
  ASSERT_FALSE(run["results"].empty());
  for (const auto& result : run["results"]) {
    int index = result["ruleIndex"];
    EXPECT_EQ(run["tool"]["driver"]["rules"][index]["id"], result["ruleId"]);
    EXPECT_TRUE(result["partialFingerprints"].contains("primaryLocationLineHash"));
    EXPECT_TRUE(result["locations"][0]["physicalLocation"]["region"].contains("startLine"));
  }
}

TEST(Cli, GithubFormatIsOneCommandPerDiagnostic) {
  Result r = Planc({"check", kTenMistakes, "--format", "github"});
  EXPECT_EQ(r.status, 1);
  std::istringstream lines(r.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    ++count;
    EXPECT_TRUE(line.rfind("::error file=", 0) == 0 || line.rfind("::warning file=", 0) == 0 ||
                line.rfind("::notice file=", 0) == 0)
        << line;
    EXPECT_NE(line.find(",line="), std::string::npos);
    EXPECT_NE(line.find(",col="), std::string::npos);
  }
  EXPECT_GE(count, 10);
}

TEST(Cli, LanguageFromFlagAndEnvironment) {
  Result zh = Planc({"check", kTenMistakes}, "LANG=zh_CN.UTF-8");
  EXPECT_NE(zh.err.find("错误[E0101]"), std::string::npos) << zh.err;
  Result en = Planc({"check", kTenMistakes, "--lang", "en"}, "LANG=zh_CN.UTF-8");
  EXPECT_NE(en.err.find("error[E0101]"), std::string::npos);
}

TEST(Cli, WerrorFailsOnWarnings) {
  const std::string warn_only = "tests/golden/sema/warn_unused.plan";
  EXPECT_EQ(Planc({"check", warn_only}).status, 0);
  EXPECT_EQ(Planc({"check", warn_only, "--werror"}).status, 1);
}

TEST(Cli, ExplainEveryListedCode) {
  Result list = Planc({"explain"});
  EXPECT_EQ(list.status, 0);
  std::istringstream lines(list.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    std::string code = line.substr(0, line.find(' '));
    Result one = Planc({"explain", code});
    EXPECT_EQ(one.status, 0) << code;
    EXPECT_NE(one.out.find(code), std::string::npos) << code;
    ++count;
  }
  EXPECT_GT(count, 20);
  Result unknown = Planc({"explain", "E9999"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_NE(unknown.err.find("E9999"), std::string::npos);
}

TEST(Cli, ChineseAndEnglishKeywordsGiveTheSameAst) {
  Result en = Planc({"check", "tests/cli/data/keywords_en.plan", "--dump=ast", "--no-spans"});
  Result zh = Planc({"check", "tests/cli/data/keywords_zh.plan", "--dump=ast", "--no-spans"});
  EXPECT_EQ(en.status, 0) << en.err;
  EXPECT_EQ(zh.status, 0) << zh.err;
  EXPECT_FALSE(en.out.empty());
  EXPECT_EQ(en.out, zh.out);
}

TEST(Cli, SameInputSameBytes) {
  for (const char* format : {"human", "json", "sarif", "github"}) {
    Result a = Planc({"check", kTenMistakes, "--format", format});
    Result b = Planc({"check", kTenMistakes, "--format", format});
    EXPECT_EQ(a.out, b.out) << format;
    EXPECT_EQ(a.err, b.err) << format;
  }
}

TEST(Cli, FmtFixAppliesTheFixesDiagnosticsCarry) {
  fs::path dir = fs::temp_directory_path() / "planc-fmt";
  fs::create_directories(dir);
  fs::path plan = dir / "ten.plan";
  fs::copy_file(kTenMistakes, plan, fs::copy_options::overwrite_existing);
  std::string before = Slurp(plan);

  Result printed = Planc({"fmt", plan.string(), "--fix"});
  EXPECT_EQ(printed.status, 0) << printed.err;
  EXPECT_EQ(Slurp(plan), before) << "without --write the file is untouched";
  EXPECT_NE(printed.out.find("lead 食品流通监管股"), std::string::npos);
  EXPECT_NE(printed.out.find("A:1%"), std::string::npos);
  EXPECT_NE(printed.out.find("sample 5%"), std::string::npos);

  EXPECT_EQ(Planc({"fmt", plan.string(), "--fix", "--write"}).status, 0);
  EXPECT_EQ(Slurp(plan), printed.out);
  Result after = Planc({"check", plan.string(), "--format", "json"});
  nlohmann::json doc = nlohmann::json::parse(after.out);
  for (const auto& d : doc["diagnostics"]) {
    EXPECT_NE(d["code"], "E0003");
    EXPECT_NE(d["code"], "E0119");
    EXPECT_NE(d["code"], "E0101");
  }
  EXPECT_EQ(doc["summary"]["errors"], 7);
  EXPECT_EQ(Planc({"fmt", plan.string()}).status, 2) << "canonical formatting is not there yet";
}

TEST(Cli, ExampleStatsAreReproducedFromTheGeneratorSettings) {
  // examples/shishi-2024/make-data.sh: the same settings, the same bytes.
  fs::path dir = Scratch("example-data");
  fs::path registry = dir / "registry.csv", stats = dir / "stats.yaml";
  ASSERT_EQ(Shell(Quote(PLANC_GEN_BINARY) + " registry --rows 60000 --seed 2024 -o " +
                  Quote(registry.string())),
            0);
  Result r = Planc({"stats", "--registry", registry.string(), "--plan",
                    "examples/shishi-2024/plan.plan", "-o", stats.string()});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Slurp(stats), Slurp("examples/shishi-2024/stats-2024.yaml"))
      << "run examples/shishi-2024/make-data.sh and commit stats-2024.yaml";
}

// Writes a generated registry and the flagship's stats of it into `dir`.
void RegistryAndStats(const fs::path& dir, int seed, fs::path* registry, fs::path* stats) {
  *registry = dir / "registry.csv";
  *stats = dir / "stats.yaml";
  ASSERT_EQ(Shell(Quote(PLANC_GEN_BINARY) + " registry --rows 20000 --seed " +
                  std::to_string(seed) + " -o " + Quote(registry->string())),
            0);
  ASSERT_EQ(Planc({"stats", "--registry", registry->string(), "--plan", kExample, "-o",
                   stats->string()})
                .status,
            0);
}

TEST(Cli, ModelFromRegistryAndFromItsStatsIsByteIdentical) {
  fs::path dir = Scratch("registry-vs-stats");
  fs::path registry, stats;
  ASSERT_NO_FATAL_FAILURE(RegistryAndStats(dir, 11, &registry, &stats));
  Result from_registry = Planc({"check", kExample, "--registry", registry.string(), "--dump=model"});
  Result from_stats = Planc({"check", kExample, "--stats", stats.string(), "--dump=model"});
  ASSERT_EQ(from_registry.status, 0) << from_registry.err;
  ASSERT_EQ(from_stats.status, 0) << from_stats.err;
  // The first line names the source; every figure after it must be the same.
  auto figures = [](const std::string& dump) { return dump.substr(dump.find('\n')); };
  EXPECT_EQ(figures(from_registry.out), figures(from_stats.out));
  EXPECT_NE(from_stats.out.find("planned"), std::string::npos);
}

const std::vector<std::string> kCompileOutputs = {"diagnostics.json", "drawjobs.json",
                                                   "overlap.dot",      "plan-table.csv",
                                                   "schedule.csv",     "schedule.json"};

std::vector<std::string> FilesIn(const fs::path& dir) {
  std::vector<std::string> names;
  if (!fs::exists(dir)) return names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Cli, CompileWritesEveryOutputAndTheSameBytesTwice) {
  fs::path dir = Scratch("compile-twice");
  Result first = Planc({"compile", kExample, "-o", (dir / "a").string()});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_NE(first.err.find("0 errors, 0 warnings, 1 note\n"), std::string::npos) << first.err;
  EXPECT_NE(first.out.find("positive *"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("wrote"), std::string::npos) << first.out;
  Result second = Planc({"compile", kExample, "-o", (dir / "b").string(), "-q"});
  ASSERT_EQ(second.status, 0) << second.err;
  EXPECT_EQ(second.out, "") << "-q prints nothing but diagnostics";
  EXPECT_EQ(FilesIn(dir / "a"), kCompileOutputs);
  EXPECT_EQ(FilesIn(dir / "b"), kCompileOutputs);
  for (const std::string& name : kCompileOutputs) {
    EXPECT_EQ(Slurp(dir / "a" / name), Slurp(dir / "b" / name)) << name;
  }
  auto jobs = nlohmann::json::parse(Slurp(dir / "a" / "drawjobs.json"));
  EXPECT_EQ(jobs["schema"], "planc/drawjobs@1");
  EXPECT_EQ(jobs["algorithm"], "planc/prn/v1");
  std::size_t tasks = 0;
  for (const auto& job : jobs["jobs"]) tasks += job["tasks"].size();
  EXPECT_EQ(tasks, 19u) << "every task is in exactly one job";
}

TEST(Cli, CompileWritesNothingWhenThereIsAnError) {
  fs::path dir = Scratch("compile-error");
  // A folder that does not exist stays absent.
  Result failed = Planc({"compile", kTenMistakes, "-o", (dir / "new").string()});
  EXPECT_EQ(failed.status, 1);
  EXPECT_NE(failed.err.find("error[E0101]"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "new"));
  // Earlier outputs stay as they were, and no temporary file is left.
  ASSERT_EQ(Planc({"compile", kExample, "-o", (dir / "old").string(), "-q"}).status, 0);
  std::string before = Slurp(dir / "old" / "drawjobs.json");
  EXPECT_EQ(Planc({"compile", kTenMistakes, "-o", (dir / "old").string()}).status, 1);
  EXPECT_EQ(Slurp(dir / "old" / "drawjobs.json"), before);
  EXPECT_EQ(FilesIn(dir / "old"), kCompileOutputs);
  // With --werror a warning is an error too.
  const std::string warn_only = "tests/golden/sema/warn_unused.plan";
  EXPECT_EQ(Planc({"compile", warn_only, "-o", (dir / "warned").string(), "--werror"}).status, 1);
  EXPECT_FALSE(fs::exists(dir / "warned"));
  EXPECT_EQ(Planc({"compile", warn_only, "-o", (dir / "warned").string()}).status, 0);
  EXPECT_EQ(FilesIn(dir / "warned"), kCompileOutputs);
}

TEST(Cli, CompileUsageAndFolderErrorsExitTwo) {
  fs::path dir = Scratch("compile-usage");
  EXPECT_EQ(Planc({"compile", kExample}).status, 2) << "-o is required";
  std::ofstream(dir / "a-file") << "x";
  Result r = Planc({"compile", kExample, "-o", (dir / "a-file").string()});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("a-file"), std::string::npos) << r.err;
  EXPECT_EQ(Slurp(dir / "a-file"), "x");
}

TEST(Cli, CompileFromRegistryAndFromItsStatsWritesTheSameJobs) {
  fs::path dir = Scratch("compile-registry-vs-stats");
  fs::path registry, stats;
  ASSERT_NO_FATAL_FAILURE(RegistryAndStats(dir, 5, &registry, &stats));
  ASSERT_EQ(Planc({"compile", kExample, "--registry", registry.string(), "-o",
                   (dir / "r").string(), "-q"})
                .status,
            0);
  ASSERT_EQ(Planc({"compile", kExample, "--stats", stats.string(), "-o", (dir / "s").string(),
                   "-q"})
                .status,
            0);
  for (const char* name : {"overlap.dot", "plan-table.csv", "schedule.csv"}) {
    EXPECT_EQ(Slurp(dir / "r" / name), Slurp(dir / "s" / name)) << name;
  }
  // The jobs differ only in where the figures came from.
  auto jobs_r = nlohmann::json::parse(Slurp(dir / "r" / "drawjobs.json"));
  auto jobs_s = nlohmann::json::parse(Slurp(dir / "s" / "drawjobs.json"));
  EXPECT_EQ(jobs_r["population"]["from"], "registry");
  EXPECT_EQ(jobs_s["population"]["from"], "stats");
  EXPECT_EQ(jobs_r["population"]["registry_sha256"], jobs_s["population"]["registry_sha256"]);
  jobs_r.erase("population");
  jobs_s.erase("population");
  EXPECT_EQ(jobs_r, jobs_s);
}

TEST(Cli, Gb18030ExportWithChineseHeadersGivesTheSameStats) {
  fs::path dir = Scratch("gb18030");
  fs::path utf8 = dir / "utf8.csv", gb = dir / "gb18030.csv";
  std::string gen = Quote(PLANC_GEN_BINARY) + " registry --rows 5000 --seed 5 -o ";
  ASSERT_EQ(Shell(gen + Quote(utf8.string())), 0);
  ASSERT_EQ(Shell(gen + Quote(gb.string()) + " --encoding gb18030 --headers zh --crlf"), 0);
  Result a = Planc({"stats", "--registry", utf8.string(), "--plan", kExample, "-o", "-"});
  Result b = Planc({"stats", "--registry", gb.string(), "--plan", kExample, "-o", "-"});
  ASSERT_EQ(a.status, 0) << a.err;
  ASSERT_EQ(b.status, 0) << b.err;
  EXPECT_NE(b.err.find("GB18030"), std::string::npos) << "a note says how it was read";
  EXPECT_EQ(WithoutDigest(a.out), WithoutDigest(b.out));
  EXPECT_NE(a.out, b.out) << "the digests of the two files differ";
}

TEST(Cli, StatsForAnotherVersionOfThePlanAreRefused) {
  fs::path dir = Scratch("stale");
  fs::path plan = dir / "plan.plan";
  std::string text = Slurp(kExample);
  text.replace(text.find("stats-2024.yaml"), 15, "../stats.yaml");
  std::ofstream(plan) << text;
  fs::copy_file("examples/shishi-2024/stats-2024.yaml", dir.parent_path() / "stats.yaml",
                fs::copy_options::overwrite_existing);
  EXPECT_EQ(Planc({"check", plan.string()}).status, 0);
  std::string changed = text;
  std::size_t at = changed.find("kind == \"enterprise\"");
  ASSERT_NE(at, std::string::npos);
  changed.replace(at, 21, "kind == \"individual\"");
  std::ofstream(plan) << changed;
  Result r = Planc({"check", plan.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("E0213"), std::string::npos) << r.err;
}

TEST(Cli, HostileInputsNeverCrash) {
  fs::path dir = fs::temp_directory_path() / "planc-hostile";
  fs::create_directories(dir);
  std::vector<std::string> inputs = {
      "", "\xff\xfe", "plan", std::string(5000, '('), std::string(5000, '!') + "x",
      "task T \"x\" {" + std::string(3000, '[') , std::string("plan \"a\" {\0}", 12),
      "/* never closed", "\"never closed", "scope a = " + std::string(20000, 'a') ,
  };
  std::string chain = "scope s = a";
  for (int i = 0; i < 3000; ++i) chain += " and a";
  inputs.push_back(chain);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    fs::path path = dir / ("h" + std::to_string(i) + ".plan");
    std::ofstream(path, std::ios::binary) << inputs[i];
    Result r = Planc({"check", path.string()});
    EXPECT_FALSE(r.signalled) << "input " << i;
    EXPECT_EQ(r.status, 1) << "input " << i << ": " << r.err;
  }
}

// The rule packs' own tests: a passing and a failing plan per rule id.
TEST(Cli, RulePackTestsPass) {
  Result r = Planc({"test", "rules/tests"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("18 passed, 0 failed"), std::string::npos) << r.out;
  // Every rule id of rules.md has its pair.
  for (const char* id : {"coverage-min", "differentiated-share-min", "deadline", "publication-time",
                         "credit-differentiated", "credit-order", "inspectors-min", "merge-windows",
                         "window-in-year"}) {
    EXPECT_TRUE(fs::exists(std::string("rules/tests/") + id + ".pass.plan")) << id;
    std::string fail = Slurp(std::string("rules/tests/") + id + ".fail.plan");
    EXPECT_NE(fail.find(std::string(" ") + id + "\n"), std::string::npos) << id << " is never expected";
  }
}

TEST(Cli, TestRunnerReportsMissingAndUnexpectedDiagnostics) {
  fs::path dir = Scratch("packtests");
  fs::create_directories(dir / "data");
  fs::copy_file("rules/tests/data/registry.csv", dir / "data" / "registry.csv",
                fs::copy_options::overwrite_existing);
  std::string plan = Slurp("rules/tests/deadline.fail.plan");
  // The error is expected one line too low, and a warning that never comes.
  std::string wrong = plan;
  const std::string expect = "   // expect: error deadline";
  wrong.replace(wrong.find(expect), expect.size(), "");
  const std::string inspectors = "  inspectors 2 from 执法";
  wrong.replace(wrong.find(inspectors), inspectors.size(),
                inspectors + "   // expect: error deadline, warning credit-order");
  std::ofstream(dir / "wrong.plan") << wrong;
  std::ofstream(dir / "right.plan") << plan;
  Result r = Planc({"test", dir.string()});
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("1 passed, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unexpected error[deadline]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("expected error[deadline], not produced"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("expected warning[credit-order], not produced"), std::string::npos) << r.out;
  EXPECT_EQ(Planc({"test", (dir / "nowhere").string()}).status, 2);
}

TEST(Cli, ExplainARuleGivesTheSeedsSentenceAndItsCitation) {
  Result r = Planc({"explain", "coverage-min"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("全年全市企业抽查比例不低于3.5%"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("狮市监〔2024〕7号"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("require: plan.coverage >= params.min_coverage"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("min_coverage = 3.5%  (quanzhou-2024)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("```plan"), std::string::npos) << r.out;
  EXPECT_EQ(Planc({"explain", "no-such-rule"}).status, 2);
}

// A pack with a typo in a key is refused at that key's line and column.
TEST(Cli, PackWithATypoIsRejectedAtItsLineAndColumn) {
  Result r = Planc({"check", "tests/golden/rules/fail_e0401_typo_in_rule_key.plan", "--rules",
                    "tests/golden/rules/packs"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("tests/golden/rules/packs/typo.yaml:8:5: error[E0401]: unknown key `requier`"),
            std::string::npos)
      << r.err;
}

TEST(Cli, TraceShowsARuleValueByValue) {
  Result r = Planc({"check", kExample, "--trace", "deadline"});
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("trace of deadline (quanzhou-2024)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  task T01:\n   require\n    task.window.end = 2024-09-30\n"
                       "    params.deadline = 2024-11-20\n"
                       "    task.window.end <= params.deadline = true\n"),
            std::string::npos)
      << r.out;
  Result coverage = Planc({"check", kExample, "--trace", "coverage-min"});
  EXPECT_NE(coverage.out.find("plan.coverage = 5.65%"), std::string::npos) << coverage.out;
  EXPECT_EQ(Planc({"check", kExample, "--trace", "no-such-rule"}).status, 2);
}

TEST(Cli, SeedIsFreshAndCommitted) {
  Result a = Planc({"seed"});
  Result b = Planc({"seed"});
  ASSERT_EQ(a.status, 0) << a.err;
  std::istringstream lines(a.out);
  std::string word, seed, commitment;
  lines >> word >> seed >> word >> commitment;
  EXPECT_EQ(seed.size(), 64u) << a.out;
  EXPECT_EQ(planc::Sha256Hex(seed), commitment) << a.out;
  EXPECT_NE(a.out, b.out);
  Result json = Planc({"seed", "--format", "json"});
  ASSERT_EQ(json.status, 0);
  auto parsed = nlohmann::json::parse(json.out);
  EXPECT_EQ(parsed["schema"], "planc/seed@1");
  EXPECT_EQ(planc::Sha256Hex(parsed["seed"].get<std::string>()), parsed["commitment"]);
}

}  // namespace
