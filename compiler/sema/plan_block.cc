// The `plan "…" { … }` block.
#include <fmt/format.h>

#include "compiler/sema/analyzer.h"

namespace planc::sema {

void Analyzer::AnalyzePlanBlock() {
  if (ast_.plans.empty()) {
    if (diags_.errors() > errors_at_start_ && !ast_.tasks.empty()) return;
    Add(DiagBuilder(DiagKind::kMissingPlan, file_, {0, 0})
            .Message("this file has no `plan \"…\" { … }` block",
                     "文件中没有 `plan \"…\" { … }` 计划声明")
            .Help("start the file with `plan \"title\" { year 2024 … }`",
                  "请在文件开头写 `plan \"标题\" { year 2024 … }`"));
    return;
  }
  for (std::size_t i = 1; i < ast_.plans.size(); ++i) {
    Add(DiagBuilder(DiagKind::kDuplicatePlan, file_, ast_.plans[i].keyword)
            .Message("a plan file holds exactly one `plan` block", "一个计划文件只能有一个 plan 声明")
            .Label("second plan block", "第二个 plan 声明")
            .Secondary(ast_.plans[0].keyword, "the first plan block is here", "第一个计划声明在此")
            .Help("move its fields into the first block, or split the file",
                  "请把字段合并到第一个 plan 中，或拆分文件"));
  }
  const ast::PlanDecl& decl = ast_.plans[0];
  plan_.title = decl.title.value;
  plan_.plan_range = decl.keyword;
  std::map<ast::PlanFieldKind, const ast::PlanField*> seen;
  for (const ast::PlanField& field : decl.fields) {
    auto [it, inserted] = seen.emplace(field.kind, &field);
    if (!inserted) {
      const char* name = ast::Name(field.kind);
      Add(DiagBuilder(DiagKind::kDuplicateField, file_, field.keyword)
              .Message(fmt::format("`{}` is given twice in the plan block", name),
                       fmt::format("plan 中 `{}` 出现了两次", name))
              .Label("given again here", "此处再次给出")
              .Secondary(it->second->keyword, "first given here", "首次给出在此")
              .Help("keep one of them", "请只保留一个"));
      continue;
    }
    using K = ast::PlanFieldKind;
    switch (field.kind) {
      case K::kAuthority:
        plan_.authority = StringValue(field.literal, "authority").value_or("");
        break;
      case K::kDocument:
        plan_.document = StringValue(field.literal, "document").value_or("");
        break;
      case K::kIssued: plan_.issued = DateValue(field.literal, "issued"); break;
      case K::kYear:
        if (auto year = CountValue(field.literal, "year", 1900)) {
          if (*year > 2200) {
            Add(DiagBuilder(DiagKind::kInvalidCount, file_, field.literal.range)
                    .Message(fmt::format("year {} is not a plan year", *year),
                             fmt::format("{} 不是有效的计划年度", *year))
                    .Label("expected a year such as 2024", "应为年度，例如 2024"));
          } else {
            plan_.year = static_cast<int>(*year);
          }
        }
        break;
      case K::kRules:
        for (const ast::Ident& name : field.names) {
          plan_.rule_packs.push_back(name.name);
          plan_.rule_pack_ranges.push_back(name.range);
        }
        plan_.rules_range = field.range;
        break;
      case K::kRegistry:
        plan_.registry = StringValue(field.literal, "registry").value_or("");
        plan_.registry_range = field.range;
        break;
      case K::kStats:
        plan_.stats = StringValue(field.literal, "stats").value_or("");
        plan_.stats_range = field.range;
        break;
      case K::kBase:
        plan_.base = field.expr;
        CheckCondition(field.expr, false, "");
        break;
      case K::kCoordination: plan_.coordination = field.coordination; break;
    }
  }
  if (seen.count(ast::PlanFieldKind::kRegistry) && seen.count(ast::PlanFieldKind::kStats)) {
    const ast::PlanField* stats = seen[ast::PlanFieldKind::kStats];
    Add(DiagBuilder(DiagKind::kRegistryAndStats, file_, stats->range)
            .Message("the plan names both a registry and a stats file",
                     "计划同时指定了名录库（registry）和统计文件（stats）")
            .Label("stats given here", "此处给出 stats")
            .Secondary(seen[ast::PlanFieldKind::kRegistry]->range, "registry given here",
                       "此处给出 registry")
            .Help("keep one: `registry` where the registry may go, `stats` in CI",
                  "请只保留一个：能接触名录库时用 registry，在 CI 中用 stats"));
  }
  if (!seen.count(ast::PlanFieldKind::kYear) && !decl.has_syntax_error) {
    Add(DiagBuilder(DiagKind::kMissingField, file_, decl.keyword)
            .Message("the plan block has no `year`", "plan 中缺少 `year`（年度）")
            .Label("this plan", "此计划")
            .Help("add `year 2024` (the plan year; task windows must lie inside it)",
                  "请加上 `year 2024`（计划年度；任务时间必须在该年度内）"));
  }
}

}  // namespace planc::sema
