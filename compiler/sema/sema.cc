#include "compiler/sema/sema.h"

#include "compiler/sema/analyzer.h"

namespace planc {

std::optional<sema::Plan> Analyze(const ast::Plan& plan, const SourcePtr& file,
                                  Diagnostics& diags) {
  return sema::Analyzer(plan, file, diags).Run();
}

namespace sema {

const char* Name(CreditClass c) {
  static const char* kNames[] = {"A", "B", "C", "D", "U"};
  return kNames[static_cast<int>(c)];
}

Analyzer::Analyzer(const ast::Plan& plan, SourcePtr file, Diagnostics& diags)
    : ast_(plan), file_(std::move(file)), diags_(diags), errors_at_start_(diags.errors()) {
  plan_.file = file_;
}

std::optional<Plan> Analyzer::Run() {
  DeclareNames();
  AnalyzePlanBlock();
  for (const ast::PredicateDecl& scope : ast_.scopes) {
    plan_.scopes.push_back({scope.id.name, scope.expr, scope.range});
  }
  for (const ast::PredicateDecl& pool : ast_.pools) {
    plan_.pools.push_back({pool.id.name, pool.expr, pool.range});
  }
  for (const ast::UnitDecl& unit : ast_.units) {
    plan_.units.push_back({unit.id.name, unit.full_name ? unit.full_name->value : "", unit.range});
  }
  for (const ast::TaskDecl& task : ast_.tasks) AnalyzeTask(task);
  AnalyzeWaives();
  AnalyzePredicates();
  CheckScopeCycles();
  // Unused declarations are noise beside errors (a misspelt reference makes
  // its target look unused); they are reported once the plan has none.
  if (!diags_.has_errors()) CheckUnused();
  if (diags_.errors() > errors_at_start_) return std::nullopt;
  return std::move(plan_);
}

}  // namespace sema
}  // namespace planc
