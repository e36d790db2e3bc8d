#include <filesystem>

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
  int status = Report(diags, common, io);
  if (status == kExitOk && a.plan && common.format == Format::kHuman && !common.quiet &&
      options.dump.empty()) {
    PrintSummary(a, common, io);
  }
  return status;
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
