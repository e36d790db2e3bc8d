#include <fmt/format.h>

#include "compiler/ast/dump.h"
#include "compiler/cli/commands.h"
#include "compiler/cli/population.h"
#include "compiler/diag/engine.h"
#include "compiler/model/model.h"
#include "compiler/overlap/overlap.h"
#include "planc_version.h"

namespace planc::cli {

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
  std::string error;
  Diagnostics diags;
  std::optional<ast::Plan> tree;
  SourcePtr file;
  std::optional<sema::Plan> plan = LoadPlan(options.plan_path, diags, &error, &tree, &file);
  if (!file) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  if (tree && options.dump == "ast") io.out << ast::Dump(*tree, *file, options.spans);
  std::optional<model::Model> model;
  std::optional<overlap::Overlap> overlap;
  // Population figures are for a plan that checks: its predicates are sound.
  if (plan && !diags.has_errors()) {
    LoadedPopulation loaded = LoadPopulation(*plan, options.population, diags, &error);
    if (!error.empty()) {
      io.err << "planc: error: " << error << "\n";
      return kExitUsage;
    }
    model = model::BuildModel(*plan, std::move(loaded.population), loaded.source, diags);
    if (!LoadInspectors(*model, options.population, diags, &error)) {
      io.err << "planc: error: " << error << "\n";
      return kExitUsage;
    }
    if (options.dump == "model") io.out << model::DumpModel(*model, options.spans);
    overlap = overlap::Analyze(*model, diags);
    if (options.dump == "overlap") io.out << overlap::DumpOverlap(*model, *overlap);
  }
  int status = Report(diags, common, io);
  if (status == kExitOk && plan && common.format == Format::kHuman && !common.quiet &&
      options.dump.empty()) {
    std::size_t n = plan->tasks.size();
    io.out << (common.lang == Lang::kZh
                   ? fmt::format("{}：检查通过，{} 个任务\n", file->path(), n)
                   : fmt::format("{}: ok, {} task{}\n", file->path(), n, n == 1 ? "" : "s"));
    io.out << model::SummaryTable(*model, common.lang);
    io.out << overlap::SummaryTable(*model, *overlap, common.lang);
  }
  return status;
}

}  // namespace planc::cli
