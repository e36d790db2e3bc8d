// The command line: git-style subcommands on CLI11. CLI11 is included here
// only, so its parsing templates are compiled once.
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include <CLI/CLI.hpp>

#include "compiler/cli/commands.h"
#include "planc_version.h"

namespace planc::cli {
namespace {

// The message language from the environment: Chinese for zh_* locales.
Lang LangFromEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return std::string(value).rfind("zh", 0) == 0 ? Lang::kZh : Lang::kEn;
  }
  return Lang::kEn;
}

bool ColorWanted(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return isatty(STDERR_FILENO) && !(no_color && *no_color) &&
         !(term && std::string(term) == "dumb");
}

// --registry / --stats and how to read the registry.
void AddPopulationOptions(CLI::App& cmd, PopulationOptions& options, bool stats_allowed) {
  CLI::Option* registry =
      cmd.add_option("--registry", options.registry, "The registry CSV (检查对象名录库)");
  if (stats_allowed) {
    cmd.add_option("--stats", options.stats, "A planc/stats@1 file written by `planc stats`")
        ->excludes(registry);
  } else {
    registry->required();
  }
  cmd.add_option("--encoding", options.encoding,
                 "The encoding of the data files (default: detect UTF-8 or GB18030)")
      ->check(CLI::IsMember({"auto", "utf-8", "gb18030"}));
  cmd.add_flag("--skip-invalid", options.skip_invalid,
               "Report and skip invalid registry rows instead of rejecting the file");
  if (stats_allowed) {
    CLI::Option* inspectors = cmd.add_option(
        "--inspectors", options.inspectors, "The inspector directory CSV (执法检查人员名录库)");
    cmd.add_option("--conflicts", options.conflicts, "The conflicts CSV (回避名单)")
        ->needs(inspectors);
  }
}

}  // namespace

int Main(const std::vector<std::string>& args, Io io) {
  CLI::App app{"planc — checks, schedules and draws a market-regulation bureau's yearly "
               "\"双随机、一公开\" inspection plan",
               "planc"};
  app.set_version_flag("--version", std::string("planc ") + PLANC_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  std::string lang_name, format_name = "human", color_mode = "auto";
  CommonOptions common;
  app.add_option("--lang", lang_name, "Message language (default: from LANG)")
      ->check(CLI::IsMember({"zh", "en"}))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--format", format_name, "Diagnostics format")
      ->check(CLI::IsMember({"human", "json", "sarif", "github"}))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--color", color_mode, "Colour in human output (auto: only on a terminal)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_flag("--werror", common.werror, "Treat warnings as errors");
  app.add_flag("-q,--quiet", common.quiet, "Print nothing but diagnostics");
  app.add_option("--rules", common.rules_dirs,
                 "A folder of rule packs, searched before the installed rules/ (repeatable)");
  app.add_flag("--strict", common.strict,
               "A rule that needs population counts and has none is an error, not a note");

  CheckOptions check;
  CLI::App* check_cmd = app.add_subcommand("check", "Parse and analyse a plan; print diagnostics; write nothing");
  check_cmd->add_option("PLAN", check.plan_path, "The .plan file")->required();
  check_cmd->add_option("--dump", check.dump, "Print a stage's result with spans")
      ->check(CLI::IsMember({"ast", "model", "overlap"}));
  AddPopulationOptions(*check_cmd, check.population, true);
  bool no_spans = false;
  check_cmd->add_flag("--no-spans", no_spans, "Leave spans out of --dump output");
  check_cmd->add_option("--trace", check.trace,
                        "Print how a rule evaluated, value by value, for each task it applies to");

  CompileOptions compile;
  CLI::App* compile_cmd = app.add_subcommand(
      "compile", "Everything check does, then write draw jobs, schedule, plan table and overlap "
                 "graph; writes nothing if there is any error");
  compile_cmd->add_option("PLAN", compile.plan_path, "The .plan file")->required();
  compile_cmd->add_option("-o,--output", compile.output_dir, "The folder to write (created)")
      ->required();
  AddPopulationOptions(*compile_cmd, compile.population, true);

  std::string code;
  CLI::App* explain_cmd = app.add_subcommand(
      "explain",
      "The full text of a diagnostic code or of a rule pack's rule; without one, the list of codes");
  explain_cmd->add_option("CODE", code, "A code such as E0101, or a rule id such as coverage-min");

  std::string test_dir;
  CLI::App* test_cmd = app.add_subcommand(
      "test", "Run rule-pack tests: plans annotated with the diagnostics they must produce");
  test_cmd->add_option("DIR", test_dir, "The folder of test plans (default: the rules' tests/)");

  CLI::App* seed_cmd = app.add_subcommand(
      "seed", "A fresh draw seed from the OS CSPRNG and its SHA-256 commitment (publish the "
              "commitment before the draw, the seed after it)");

  StatsOptions stats;
  CLI::App* stats_cmd = app.add_subcommand(
      "stats", "Population counts per task and credit class (planc/stats@1), for checking "
               "plans where the registry cannot go");
  stats_cmd->add_option("--plan", stats.plan_path, "The plan whose tasks to count");
  stats_cmd->add_option("-o,--output", stats.output, "The stats file to write (- for stdout)")
      ->required();
  AddPopulationOptions(*stats_cmd, stats.population, false);

  FmtOptions fmt_options;
  CLI::App* fmt_cmd = app.add_subcommand(
      "fmt", "Apply the fixes that diagnostics carry (--fix); canonical formatting comes later");
  fmt_cmd->add_option("PLAN", fmt_options.plan_path, "The .plan file")->required();
  fmt_cmd->add_flag("--fix", fmt_options.fix, "Apply every machine-applicable fix");
  fmt_cmd->add_flag("--write", fmt_options.write, "Replace the file (atomically) instead of printing");

  DrawCommandOptions draw_options;
  CLI::App* draw_cmd = app.add_subcommand(
      "draw", "Run the draw jobs of a compiled plan: enterprises, visits and inspector teams, "
              "reproducible from the seed (draw.md); writes nothing if there is any error");
  draw_cmd->add_option("JOBS", draw_options.jobs, "The drawjobs.json that `planc compile` wrote")
      ->required();
  draw_cmd->add_option("--registry", draw_options.registry, "The registry CSV (检查对象名录库)")
      ->required();
  CLI::Option* draw_inspectors =
      draw_cmd->add_option("--inspectors", draw_options.inspectors,
                           "The inspector directory CSV (执法检查人员名录库)");
  draw_inspectors->required();
  draw_cmd->add_option("--conflicts", draw_options.conflicts, "The conflicts CSV (回避名单)");
  draw_cmd->add_option("--seed", draw_options.seed, "The seed: 64 hex digits from `planc seed`")
      ->required();
  draw_cmd->add_option("--commitment", draw_options.commitment,
                       "The commitment published before the draw: refuse a seed that does not "
                       "match it");
  draw_cmd->add_option("-o,--output", draw_options.output_dir, "The folder to write (created)")
      ->required();
  draw_cmd->add_option("--encoding", draw_options.encoding,
                       "The encoding of the data files (default: detect UTF-8 or GB18030)")
      ->check(CLI::IsMember({"auto", "utf-8", "gb18030"}));
  draw_cmd->add_flag("--skip-invalid", draw_options.skip_invalid,
                     "Report and skip invalid registry rows instead of rejecting the file");
  draw_cmd->add_flag("--recount", draw_options.recount,
                     "Draw from this registry's strata sizes even when they differ from the "
                     "figures the plan was compiled with");
  draw_cmd->add_flag("--publish-inspectors", draw_options.publish_inspectors,
                     "Name each visit's inspectors in publication.csv");

  VerifyCommandOptions verify_options;
  CLI::App* verify_cmd = app.add_subcommand(
      "verify", "Re-run a recorded draw from its manifest and these inputs; exit 0 only when "
                "every file is identical");
  verify_cmd->add_option("MANIFEST", verify_options.manifest,
                         "The manifest.json of a draw folder")
      ->required();
  verify_cmd->add_option("--registry", verify_options.registry, "The registry CSV")->required();
  verify_cmd->add_option("--inspectors", verify_options.inspectors, "The inspector directory CSV")
      ->required();
  verify_cmd->add_option("--conflicts", verify_options.conflicts,
                         "The conflicts CSV, when the draw had one");

  std::vector<std::string> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
  std::reverse(rest.begin(), rest.end());
  try {
    app.parse(rest);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e, io.out, io.err);
    return status == 0 ? kExitOk : kExitUsage;
  }
  common.lang = lang_name.empty() ? LangFromEnvironment()
                                  : (lang_name == "zh" ? Lang::kZh : Lang::kEn);
  common.format = *ParseFormat(format_name);
  common.color = ColorWanted(color_mode);
  check.spans = !no_spans;

  // Nothing may end planc by an uncaught exception: a bug is reported as one.
  try {
    if (check_cmd->parsed()) return RunCheck(check, common, io);
    if (compile_cmd->parsed()) return RunCompile(compile, common, io);
    if (explain_cmd->parsed()) return RunExplain(code, common, io);
    if (test_cmd->parsed()) return RunTest(test_dir, common, io);
    if (seed_cmd->parsed()) return RunSeed(common, io);
    if (fmt_cmd->parsed()) return RunFmt(fmt_options, common, io);
    if (stats_cmd->parsed()) return RunStats(stats, common, io);
    if (draw_cmd->parsed()) return RunDraw(draw_options, common, io);
    if (verify_cmd->parsed()) return RunVerify(verify_options, common, io);
  } catch (const std::exception& e) {
    io.err << "planc: internal error: " << e.what() << "\nplease report this input to the planc maintainers\n";
    return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace planc::cli
