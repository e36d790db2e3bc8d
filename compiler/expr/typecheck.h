#ifndef PLANC_EXPR_TYPECHECK_H_
#define PLANC_EXPR_TYPECHECK_H_

#include "compiler/diag/engine.h"
#include "compiler/expr/expr.h"

namespace planc::expr {

// The types of the expression language. kUnknown stands for "already
// reported" or "not known until the data is read"; it never causes a report.
enum class Type { kUnknown, kBool, kInt, kDecimal, kDate, kString, kList };

// How a type reads in a message ("a condition", "a date", ...).
const char* TypeName(Type type, Lang lang);

// Gives the type of each root name; reports unknown names itself.
class NameResolver {
 public:
  virtual ~NameResolver() = default;
  // `condition` is true where the name stands as a whole condition (the
  // whole predicate, or an operand of and/or/not).
  virtual Type Resolve(const Expr& name, bool condition) = 0;
};

// Type-checks `e` and returns its type; mismatches are reported as E0114 at
// the offending operand. Holes left by syntax errors are skipped.
Type Check(const Expr& e, NameResolver& names, const SourcePtr& file, Diagnostics& diags,
           bool condition = false);

}  // namespace planc::expr

#endif  // PLANC_EXPR_TYPECHECK_H_
