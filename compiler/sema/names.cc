// Declarations and references: duplicates, unknown names, unused names.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/analyzer.h"
#include "compiler/util/strings.h"

namespace planc::sema {
namespace {

template <typename Decl>
std::vector<std::string> Keys(const std::map<std::string, const Decl*>& map) {
  std::vector<std::string> keys;
  for (const auto& entry : map) keys.push_back(entry.first);
  return keys;
}

}  // namespace

void Analyzer::DeclareNames() {
  auto declare = [&](auto& table, const ast::Ident& id, const auto* decl, const char* what_en,
                     const char* what_zh) {
    auto [it, inserted] = table.emplace(id.name, decl);
    if (inserted) return;
    const ast::Ident& first = it->second->id;
    Add(DiagBuilder(DiagKind::kDuplicateDeclaration, file_, id.range)
            .Message(fmt::format("{} `{}` is declared more than once", what_en, id.name),
                     fmt::format("{}「{}」重复声明", what_zh, id.name))
            .Label("declared again here", "此处再次声明")
            .Secondary(first.range, "first declared here", "首次声明在此")
            .Help("rename one of them, or delete the copy", "请改名，或删除重复的声明"));
  };
  for (const ast::UnitDecl& unit : ast_.units) declare(units_, unit.id, &unit, "unit", "单位");
  for (const ast::PredicateDecl& scope : ast_.scopes) declare(scopes_, scope.id, &scope, "scope", "范围");
  for (const ast::PredicateDecl& pool : ast_.pools) declare(pools_, pool.id, &pool, "pool", "人员库");
  for (const ast::TaskDecl& task : ast_.tasks) declare(tasks_, task.id, &task, "task", "任务");
}

void Analyzer::ReportUnknown(const ast::Ident& id, const char* what_en, const char* what_zh,
                             const std::vector<std::string>& candidates) {
  DiagBuilder d(DiagKind::kUnknownName, file_, id.range);
  d.Message(fmt::format("unknown {} `{}`", what_en, id.name),
            fmt::format("未声明的{}「{}」", what_zh, id.name))
      .Label(fmt::format("no {} of this name is declared", what_en),
             fmt::format("没有声明这个{}", what_zh));
  // The name may be declared, as something else.
  struct Other {
    bool declared;
    const char* en;
    const char* zh;
  };
  for (const Other& other : {Other{units_.count(id.name) > 0, "unit", "单位"},
                             Other{scopes_.count(id.name) > 0, "scope", "范围"},
                             Other{pools_.count(id.name) > 0, "pool", "人员库"},
                             Other{tasks_.count(id.name) > 0, "task", "任务"}}) {
    if (!other.declared || std::string_view(other.en) == what_en) continue;
    d.Label(fmt::format("this is a {}, not a {}", other.en, what_en),
            fmt::format("这是{}，不是{}", other.zh, what_zh));
    break;
  }
  if (auto guess = ClosestName(id.name, candidates)) {
    d.Help(fmt::format("did you mean `{}`?", *guess), fmt::format("是否应为「{}」？", *guess))
        .WithFix(fmt::format("replace with `{}`", *guess), fmt::format("改为「{}」", *guess),
                 {{id.range, *guess}});
  } else {
    d.Help(fmt::format("declare it, e.g. `{} {} …`", what_en, id.name),
           fmt::format("请声明它，例如 `{} {} …`", what_en, id.name));
  }
  Add(std::move(d));
}

bool Analyzer::ResolveUnit(const ast::Ident& id) {
  if (units_.count(id.name)) {
    used_units_.insert(id.name);
    return true;
  }
  ReportUnknown(id, "unit", "单位", Keys(units_));
  return false;
}

bool Analyzer::ResolvePool(const ast::Ident& id) {
  if (pools_.count(id.name)) {
    used_pools_.insert(id.name);
    return true;
  }
  ReportUnknown(id, "pool", "人员库", Keys(pools_));
  return false;
}

bool Analyzer::ResolveTask(const ast::Ident& id, const std::vector<ast::Ident>& listed) {
  if (tasks_.count(id.name)) return true;
  // Suggest only tasks that the list does not name already.
  std::vector<std::string> candidates;
  for (const std::string& name : Keys(tasks_)) {
    bool in_list = std::any_of(listed.begin(), listed.end(),
                               [&](const ast::Ident& other) { return other.name == name; });
    if (!in_list) candidates.push_back(name);
  }
  ReportUnknown(id, "task", "任务", candidates);
  return false;
}

void Analyzer::CheckUnused() {
  auto check = [&](const auto& decls, const std::set<std::string>& used, const char* what_en,
                   const char* what_zh, const char* how_en, const char* how_zh) {
    for (const auto& decl : decls) {
      if (used.count(decl.id.name)) continue;
      Add(DiagBuilder(DiagKind::kUnusedDeclaration, file_, decl.id.range)
              .Message(fmt::format("{} `{}` is never used", what_en, decl.id.name),
                       fmt::format("{}「{}」未被使用", what_zh, decl.id.name))
              .Label("declared here", "在此声明")
              .Help(fmt::format("use it in {}, or delete it", how_en),
                    fmt::format("请在{}中使用它，或删除它", how_zh)));
    }
  };
  check(ast_.units, used_units_, "unit", "单位", "a task's `lead` or `with`", "任务的 lead 或 with ");
  check(ast_.scopes, used_scopes_, "scope", "范围", "a task's `targets` or the plan's `base`",
        "任务的 targets 或计划的 base ");
  check(ast_.pools, used_pools_, "pool", "人员库", "a task's `inspectors N from POOL`",
        "任务的 inspectors N from POOL ");
}

}  // namespace planc::sema
