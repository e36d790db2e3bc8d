#include "compiler/cli/population.h"

#include <filesystem>

#include <fmt/format.h>

#include "compiler/data/stats_io.h"
#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"

namespace planc::cli {

data::Encoding EncodingOf(const std::string& name) {
  if (name == "utf-8") return data::Encoding::kUtf8;
  if (name == "gb18030") return data::Encoding::kGb18030;
  return data::Encoding::kAuto;
}

namespace {

// A path written in the plan is relative to the plan file's folder.
std::string BesidePlan(const sema::Plan& plan, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute()) return path;
  return (std::filesystem::path(plan.file->path()).parent_path() / p).lexically_normal().string();
}

}  // namespace

std::optional<sema::Plan> LoadPlan(const std::string& path, Diagnostics& diags,
                                   std::string* error, std::optional<ast::Plan>* tree,
                                   SourcePtr* file_out) {
  SourcePtr file = LoadSourceFile(path, error);
  if (!file) return std::nullopt;
  if (file_out) *file_out = file;
  std::optional<ast::Plan> parsed = Parse(file, diags);
  std::optional<sema::Plan> plan;
  if (parsed) plan = Analyze(*parsed, file, diags);
  if (tree) *tree = std::move(parsed);
  return plan;
}

LoadedPopulation LoadPopulation(const sema::Plan& plan, const PopulationOptions& options,
                                Diagnostics& diags, std::string* error) {
  LoadedPopulation loaded;
  std::string registry = options.registry, stats = options.stats;
  SourceRange where = plan.plan_range;
  bool from_plan = registry.empty() && stats.empty();
  if (from_plan) {
    if (!plan.registry.empty()) {
      registry = BesidePlan(plan, plan.registry);
      where = plan.registry_range;
    } else if (!plan.stats.empty()) {
      stats = BesidePlan(plan, plan.stats);
      where = plan.stats_range;
    }
  }
  // A file named on the command line that is missing is a usage error; one
  // named in the plan is a mistake in the plan, reported where it is named.
  auto missing = [&](const std::string& path, const char* what_en, const char* what_zh) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return false;
    std::string why = std::filesystem::exists(path, ec) ? "not a file" : "no such file";
    if (!from_plan) {
      *error = fmt::format("{}: the {} cannot be read: {}", path, what_en, why);
      return true;
    }
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, plan.file, where)
                  .Message(fmt::format("the {} `{}` cannot be read: {}", what_en, path, why),
                           fmt::format("无法读取{} `{}`：{}", what_zh, path,
                                       why == "no such file" ? "文件不存在" : "不是文件"))
                  .Label("named here", "在此指定")
                  .Help("paths in a plan are relative to the plan file's folder",
                        "计划中的路径相对于计划文件所在的文件夹"));
    return true;
  };
  if (!registry.empty()) {
    if (missing(registry, "registry", "名录库")) return loaded;
    loaded.source = registry;
    loaded.population = data::ScanRegistry(
        registry, plan, {EncodingOf(options.encoding), options.skip_invalid}, diags);
    return loaded;
  }
  if (!stats.empty()) {
    if (missing(stats, "stats file", "统计文件")) return loaded;
    SourcePtr file = LoadSourceFile(stats, error);
    if (!file) return loaded;
    loaded.source = stats;
    loaded.from_stats = true;
    std::optional<data::Population> population = data::ReadStats(file, diags);
    if (population && data::CheckPopulationFitsPlan(*population, plan, stats, where, diags)) {
      loaded.population = std::move(population);
    }
  }
  return loaded;
}

bool LoadInspectors(model::Model& model, const PopulationOptions& options, Diagnostics& diags,
                    std::string* error) {
  if (options.inspectors.empty()) return true;
  for (const std::string& path : {options.inspectors, options.conflicts}) {
    std::error_code ec;
    if (!path.empty() && !std::filesystem::is_regular_file(path, ec)) {
      *error = fmt::format("{}: cannot be read: {}", path,
                           std::filesystem::exists(path, ec) ? "not a file" : "no such file");
      return false;
    }
  }
  data::Encoding encoding = EncodingOf(options.encoding);
  std::optional<data::Inspectors> inspectors =
      data::ScanInspectors(options.inspectors, *model.plan, encoding, diags);
  if (!inspectors) return true;
  if (!options.conflicts.empty()) {
    data::ScanConflicts(options.conflicts, inspectors->ids, encoding, diags);
  }
  model::AddInspectors(model, std::move(*inspectors), options.inspectors, diags);
  return true;
}

}  // namespace planc::cli
