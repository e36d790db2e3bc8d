// `planc stats --registry CSV [--plan PLAN] -o FILE`: the population figures
// a plan needs, for checking where the registry itself cannot go.
#include <fmt/format.h>

#include "compiler/cli/commands.h"
#include "compiler/cli/output.h"
#include "compiler/cli/population.h"
#include "compiler/data/stats_io.h"

namespace planc::cli {

int RunStats(const StatsOptions& options, const CommonOptions& common, Io io) {
  std::string error;
  Diagnostics diags;
  sema::Plan empty;
  empty.file = std::make_shared<SourceFile>("<no plan>", "");
  std::optional<sema::Plan> plan;
  if (!options.plan_path.empty()) {
    SourcePtr file;
    plan = LoadPlan(options.plan_path, diags, &error, nullptr, &file);
    if (!file) {
      io.err << "planc: error: " << error << "\n";
      return kExitUsage;
    }
    if (!plan) return Report(diags, common, io);
  }
  LoadedPopulation loaded = LoadPopulation(plan ? *plan : empty, options.population, diags, &error);
  if (!error.empty()) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  int status = Report(diags, common, io);
  if (status != kExitOk || !loaded.population) return status == kExitOk ? kExitInput : status;
  if (!WriteAtomically(options.output, data::WriteStats(*loaded.population), &error)) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  if (!common.quiet && options.output != "-") {
    const data::Population& p = *loaded.population;
    io.err << (common.lang == Lang::kZh
                   ? fmt::format("已写入 {}：{} 行，{} 户在册，{} 个原子\n", options.output, p.rows,
                                 p.active, p.atoms.size())
                   : fmt::format("wrote {}: {} rows, {} active, {} atoms\n", options.output,
                                 p.rows, p.active, p.atoms.size()));
  }
  return kExitOk;
}

}  // namespace planc::cli
