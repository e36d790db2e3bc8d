#include <fmt/format.h>

#include "compiler/ast/dump.h"
#include "compiler/cli/commands.h"
#include "compiler/diag/engine.h"
#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"
#include "planc_version.h"

namespace planc::cli {

// Prints the diagnostics in the chosen format and returns the exit code.
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
  SourcePtr file = LoadSourceFile(options.plan_path, &error);
  if (!file) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  Diagnostics diags;
  std::optional<ast::Plan> tree = Parse(file, diags);
  std::optional<sema::Plan> plan;
  if (tree) {
    if (options.dump == "ast") io.out << ast::Dump(*tree, *file, options.spans);
    plan = Analyze(*tree, file, diags);
  }
  int status = Report(diags, common, io);
  if (status == kExitOk && plan && common.format == Format::kHuman && !common.quiet &&
      options.dump.empty()) {
    io.out << (common.lang == Lang::kZh
                   ? fmt::format("{}：检查通过，{} 个任务\n", file->path(), plan->tasks.size())
                   : fmt::format("{}: ok, {} task{}\n", file->path(), plan->tasks.size(), plan->tasks.size() == 1 ? "" : "s"));
  }
  return status;
}

}  // namespace planc::cli
