#ifndef PLANC_RULES_LANG_H_
#define PLANC_RULES_LANG_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/expr/expr.h"
#include "compiler/rules/calendar.h"
#include "compiler/rules/value.h"

// The rule language (rules.md "The expression language") on the shared
// expression tree: a type checker, run when a pack loads, and an evaluator.
// Evaluation always ends: no recursion, and the list macros walk lists of
// the plan's size.
namespace planc::rules {

// The names an expression may use, with their types (checking) or values
// (evaluating); macro variables are pushed and popped around their body.
template <typename T>
class Names {
 public:
  void Push(std::string name, T value) { names_.emplace_back(std::move(name), std::move(value)); }
  void Pop() { names_.pop_back(); }
  const T* Find(const std::string& name) const {
    for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
      if (it->first == name) return &it->second;
    }
    return nullptr;
  }
  std::vector<std::string> All() const {
    std::vector<std::string> out;
    for (const auto& entry : names_) out.push_back(entry.first);
    return out;
  }

 private:
  std::vector<std::pair<std::string, T>> names_;
};

// Type-checks `e`; reports unknown names and fields (E0101) and type
// mismatches (E0114) at their place in `file`. nullopt after a report.
std::optional<Type> CheckExpr(const expr::Expr& e, Names<Type>& names, const SourcePtr& file,
                              Diagnostics& diags);

// What went wrong while evaluating: division by zero, a number too large,
// an index past the end.
struct EvalError {
  SourceRange range;
  std::string en, zh;
};

// Evaluates a checked expression. A population figure the plan has no
// counts for evaluates to Missing, and so does anything computed from it
// (but `false && x` is false and `true || x` true).
class Evaluator {
 public:
  explicit Evaluator(const Calendar* calendar) : calendar_(calendar) {}
  // The value, or the error that stopped it.
  std::optional<Value> Eval(const expr::Expr& e, Names<Value>& names, EvalError* error);

 private:
  Value Visit(const expr::Expr& e, Names<Value>& names);
  Value Binary(const expr::Expr& e, Names<Value>& names);
  Value Call(const expr::Expr& e, Names<Value>& names);
  [[noreturn]] void Fail(SourceRange range, std::string en, std::string zh);

  const Calendar* calendar_;
};

}  // namespace planc::rules

#endif  // PLANC_RULES_LANG_H_
