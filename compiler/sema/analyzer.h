#ifndef PLANC_SEMA_ANALYZER_H_
#define PLANC_SEMA_ANALYZER_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/plan.h"

namespace planc::sema {

// The state of one semantic analysis; its parts live in names.cc,
// values.cc, plan_block.cc, tasks.cc and predicates.cc.
class Analyzer {
 public:
  Analyzer(const ast::Plan& plan, SourcePtr file, Diagnostics& diags);
  std::optional<Plan> Run();

 private:
  // names.cc
  void DeclareNames();
  void CheckUnused();
  bool ResolveUnit(const ast::Ident& id);
  bool ResolvePool(const ast::Ident& id);
  bool ResolveTask(const ast::Ident& id, const std::vector<ast::Ident>& listed);
  void ReportUnknown(const ast::Ident& id, const char* what_en, const char* what_zh,
                     const std::vector<std::string>& candidates);

  // values.cc
  std::optional<std::string> StringValue(const expr::Literal& value, const char* field);
  std::optional<Date> DateValue(const expr::Literal& value, const char* field);
  // A window bound: a date, or a month (its first day, or with `end` its last).
  std::optional<Date> BoundValue(const expr::Literal& value, bool end);
  std::optional<std::int64_t> CountValue(const expr::Literal& value, const char* field,
                                         std::int64_t min);
  std::optional<Amount> AmountValue(const ast::Amount& amount);
  void WrongType(const expr::Literal& value, const char* field, const char* want_en,
                 const char* want_zh);

  // plan_block.cc
  void AnalyzePlanBlock();

  // tasks.cc
  void AnalyzeTask(const ast::TaskDecl& decl);
  std::optional<Sample> AnalyzeSample(const ast::Sample& sample);
  std::optional<Window> AnalyzeWindow(const ast::TaskField& field);
  void AnalyzeWaives();

  // predicates.cc
  void AnalyzePredicates();
  void CheckCondition(const expr::Expr& e, bool pool, const std::string& owner);
  void CheckScopeCycles();

  void Add(Diagnostic d) { diags_.Add(std::move(d)); }

  const ast::Plan& ast_;
  SourcePtr file_;
  Diagnostics& diags_;
  std::size_t errors_at_start_;
  Plan plan_;

  std::map<std::string, const ast::UnitDecl*> units_;
  std::map<std::string, const ast::PredicateDecl*> scopes_;
  std::map<std::string, const ast::PredicateDecl*> pools_;
  std::map<std::string, const ast::TaskDecl*> tasks_;
  std::set<std::string> used_units_, used_scopes_, used_pools_;
  // scope -> the scopes its predicate names, with where
  std::map<std::string, std::vector<const expr::Expr*>> scope_refs_;
};

}  // namespace planc::sema

#endif  // PLANC_SEMA_ANALYZER_H_
