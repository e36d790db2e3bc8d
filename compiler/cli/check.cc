#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "compiler/ast/dump.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/output.h"
#include "compiler/cli/population.h"
#include "compiler/diag/engine.h"
#include "compiler/emit/emit.h"
#include "compiler/model/model.h"
#include "compiler/overlap/overlap.h"
#include "compiler/rules/engine.h"
#include "compiler/rules/pack.h"
#include "compiler/sema/sema.h"
#include "planc_version.h"

namespace planc::cli {
namespace {

// Everything `check` and `compile` compute, in one place: the model points
// into the plan and the overlap into the model, so it is filled in place and
// never moved.
struct Analysis {
  SourcePtr file;
  std::optional<ast::Plan> tree;
  std::optional<sema::Plan> plan;
  std::optional<model::Model> model;
  std::optional<overlap::Overlap> overlap;
  std::optional<rules::RuleSet> rules;
  Analysis() = default;
  Analysis(const Analysis&) = delete;
  Analysis& operator=(const Analysis&) = delete;
};

// Runs the stages of `check`; returns kExitUsage after printing why when a
// file cannot be used, kExitOk otherwise (the diagnostics say the rest).
int Analyse(const std::string& plan_path, const PopulationOptions& population,
            const std::string& dump, bool spans, const CommonOptions& common, Diagnostics& diags,
            Io io, Analysis& a) {
  std::string error;
  a.plan = LoadPlan(plan_path, diags, &error, &a.tree, &a.file);
  if (!a.file) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  if (a.tree && dump == "ast") io.out << ast::Dump(*a.tree, *a.file, spans);
  // Population figures are for a plan that checks: its predicates are sound.
  if (!a.plan || diags.has_errors()) return kExitOk;
  // The rule packs the plan names, checked before any figure is computed.
  if (!a.plan->rule_packs.empty()) {
    rules::PackSearch search;
    search.dirs = common.rules_dirs;
    search.dirs.push_back(rules::DefaultRulesDir());
    a.rules = rules::LoadRules(a.plan->rule_packs, search, a.file, a.plan->rules_range, diags);
    if (!a.rules) return kExitOk;
    // The built-in check stands in for a `window-in-year` rule no pack has.
    if (a.rules->Find("window-in-year") == nullptr) {
      sema::CheckWindowsInYear(*a.plan, diags);
      if (diags.has_errors()) return kExitOk;
    }
  }
  LoadedPopulation loaded = LoadPopulation(*a.plan, population, diags, &error);
  if (!error.empty()) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  a.model.emplace(model::BuildModel(*a.plan, std::move(loaded.population), loaded.source, diags));
  a.model->population_from_stats = loaded.from_stats;
  if (!LoadInspectors(*a.model, population, diags, &error)) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  if (dump == "model") io.out << model::DumpModel(*a.model, spans);
  bool merge_rule = a.rules && a.rules->Find("merge-windows") != nullptr;
  a.overlap.emplace(overlap::Analyze(*a.model, diags, !merge_rule));
  if (dump == "overlap") io.out << overlap::DumpOverlap(*a.model, *a.overlap);
  if (a.rules) rules::ApplyRules(*a.rules, *a.model, *a.overlap, common.strict, diags);
  return kExitOk;
}

// The lines a successful human run ends with.
void PrintSummary(const Analysis& a, const CommonOptions& common, Io io) {
  std::size_t n = a.plan->tasks.size();
  io.out << (common.lang == Lang::kZh
                 ? fmt::format("{}：检查通过，{} 个任务\n", a.file->path(), n)
                 : fmt::format("{}: ok, {} task{}\n", a.file->path(), n, n == 1 ? "" : "s"));
  io.out << model::SummaryTable(*a.model, common.lang);
  io.out << overlap::SummaryTable(*a.model, *a.overlap, common.lang);
}

}  // namespace

int Report(Diagnostics& diags, const CommonOptions& common, Io io) {
  if (common.werror) diags.PromoteWarnings();
  RenderOptions render{common.lang, common.color, PLANC_VERSION};
  std::vector<Diagnostic> sorted = diags.Sorted();
  if (common.format == Format::kHuman) {
    io.err << RenderHuman(sorted, render);
    if (!diags.empty()) io.err << RenderSummary(diags.errors(), diags.warnings(), diags.notes(), render);
  } else {
    io.out << Render(common.format, sorted, render);
  }
  return diags.has_errors() ? kExitInput : kExitOk;
}

int RunCheck(const CheckOptions& options, const CommonOptions& common, Io io) {
  Diagnostics diags;
  Analysis a;
  if (Analyse(options.plan_path, options.population, options.dump, options.spans, common, diags, io,
              a) != kExitOk) {
    return kExitUsage;
  }
  if (!options.trace.empty() && a.overlap) {
    std::string trace = a.rules ? rules::TraceRule(*a.rules, options.trace, *a.model, *a.overlap) : "";
    if (trace.empty()) {
      io.err << fmt::format("planc: error: no rule `{}` in the packs this plan names\n", options.trace);
      return kExitUsage;
    }
    io.out << trace;
  }
  int status = Report(diags, common, io);
  if (status == kExitOk && a.plan && common.format == Format::kHuman && !common.quiet &&
      options.dump.empty() && options.trace.empty()) {
    PrintSummary(a, common, io);
  }
  return status;
}

namespace {

// One diagnostic as a test plan states it: line, severity, code.
using Expectation = std::tuple<std::uint32_t, std::string, std::string>;

// The `// expect: error deadline, warning credit-order` comments of a plan,
// each for its own line; false (with `problem`) when one is malformed.
bool ReadExpectations(const SourceFile& file, std::set<Expectation>& out, std::string& problem) {
  for (std::uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.Line(line);
    std::size_t at = text.find("// expect:");
    if (at == std::string_view::npos) continue;
    std::string list(text.substr(at + 10));
    std::size_t start = 0;
    while (start < list.size()) {
      std::size_t comma = list.find(',', start);
      std::string item = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      start = comma == std::string::npos ? list.size() : comma + 1;
      std::istringstream words(item);
      std::string severity, code, extra;
      words >> severity >> code;
      if (severity.empty() && code.empty()) continue;
      if (code.empty() || (words >> extra) ||
          (severity != "error" && severity != "warning" && severity != "note")) {
        problem = fmt::format("line {}: write `// expect: SEVERITY CODE[, …]` (error, warning or note)",
                              line);
        return false;
      }
      out.emplace(line, severity, code);
    }
  }
  return true;
}

}  // namespace

int RunTest(const std::string& dir_arg, const CommonOptions& common, Io io) {
  namespace fs = std::filesystem;
  std::string dir = dir_arg.empty() ? (fs::path(rules::DefaultRulesDir()) / "tests").string() : dir_arg;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    io.err << fmt::format("planc: error: {} is not a folder of test plans\n", dir);
    return kExitUsage;
  }
  std::vector<std::string> plans;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".plan") plans.push_back(it->path().generic_string());
  }
  std::sort(plans.begin(), plans.end());
  std::size_t passed = 0, failed = 0;
  for (const std::string& path : plans) {
    Diagnostics diags;
    Analysis a;
    std::ostringstream ignored;
    Io quiet{ignored, ignored};
    std::vector<std::string> problems;
    if (Analyse(path, PopulationOptions{}, "", true, common, diags, quiet, a) != kExitOk || !a.file) {
      problems.push_back(ignored.str());
    }
    std::set<Expectation> expected, produced;
    std::string problem;
    if (a.file && !ReadExpectations(*a.file, expected, problem)) problems.push_back(problem);
    for (const Diagnostic& d : diags.Sorted()) {
      std::string severity = SeverityName(d.severity);
      bool here = d.primary && d.primary->file && d.primary->file->path() == path;
      if (!here) {
        // A diagnostic elsewhere (in a pack) is never what a test expects.
        problems.push_back(fmt::format("unexpected {}[{}] outside the plan: {}", severity, d.code,
                                       d.message.en));
        continue;
      }
      std::uint32_t line = a.file->Position(d.primary->range.begin).line;
      produced.emplace(line, severity, d.code);
      if (!expected.count({line, severity, d.code}) && d.severity != Severity::kNote) {
        problems.push_back(fmt::format("line {}: unexpected {}[{}]: {}", line, severity, d.code,
                                       d.message.en));
      }
    }
    for (const auto& [line, severity, code] : expected) {
      if (!produced.count({line, severity, code})) {
        problems.push_back(fmt::format("line {}: expected {}[{}], not produced", line, severity, code));
      }
    }
    if (problems.empty()) {
      ++passed;
      continue;
    }
    ++failed;
    io.out << fmt::format("FAIL {}\n", path);
    for (const std::string& p : problems) io.out << "  " << p << "\n";
  }
  io.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed == 0 && !plans.empty() ? kExitOk : kExitInput;
}

int RunCompile(const CompileOptions& options, const CommonOptions& common, Io io) {
  Diagnostics diags;
  Analysis a;
  if (Analyse(options.plan_path, options.population, "", true, common, diags, io, a) != kExitOk) {
    return kExitUsage;
  }
  int status = Report(diags, common, io);
  // Nothing is written when there is any error (with --werror, any warning).
  if (status != kExitOk || !a.overlap) return status == kExitOk ? kExitInput : status;
  RenderOptions render{common.lang, false, PLANC_VERSION};
  const std::vector<std::pair<std::string, std::string>> files = {
      {"drawjobs.json", emit::DrawJobsJson(*a.model, *a.overlap)},
      {"schedule.json", emit::ScheduleJson(*a.model, *a.overlap)},
      {"schedule.csv", emit::ScheduleCsv(*a.model, *a.overlap)},
      {"plan-table.csv", emit::PlanTableCsv(*a.model)},
      {"overlap.dot", emit::OverlapDot(*a.model, *a.overlap)},
      {"diagnostics.json", Render(Format::kJson, diags.Sorted(), render)},
  };
  std::error_code ec;
  std::filesystem::create_directories(options.output_dir, ec);
  if (ec || !std::filesystem::is_directory(options.output_dir)) {
    io.err << "planc: error: " << options.output_dir << ": cannot create the output folder"
           << (ec ? ": " + ec.message() : std::string()) << "\n";
    return kExitUsage;
  }
  // Every file is written to a temporary beside it first; only when all are
  // written are they renamed into place, so a failure leaves the old set.
  std::vector<std::string> paths;
  for (const auto& [name, text] : files) {
    paths.push_back((std::filesystem::path(options.output_dir) / name).string());
  }
  std::string error;
  if (!WriteAllAtomically(paths, files, &error)) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  if (common.format == Format::kHuman && !common.quiet) {
    PrintSummary(a, common, io);
    io.out << (common.lang == Lang::kZh
                   ? fmt::format("已写入 {}：", options.output_dir)
                   : fmt::format("wrote {}: ", options.output_dir));
    for (std::size_t i = 0; i < files.size(); ++i) {
      io.out << (i ? ", " : "") << files[i].first;
    }
    io.out << "\n";
  }
  return kExitOk;
}

}  // namespace planc::cli
