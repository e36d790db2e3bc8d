#ifndef PLANC_SEMA_SEMA_H_
#define PLANC_SEMA_SEMA_H_

#include <optional>

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/plan.h"

namespace planc {

// Checks names, fields, values, dates, windows, ratios and predicates of a
// parsed plan (language.md "Semantic checks") and builds the checked plan.
// Reports every problem it finds; returns nullopt when any is an error.
std::optional<sema::Plan> Analyze(const ast::Plan& plan, const SourcePtr& file,
                                  Diagnostics& diags);

namespace sema {

// E0110 when `window` is not inside `year` (0: no year, nothing to check);
// false then.
bool WindowInYear(const Window& window, int year, const SourcePtr& file, Diagnostics& diags);

// E0110 for every task window outside the plan year. Analyze leaves this to
// the rule packs when the plan names any; check runs it when none of them
// has a `window-in-year` rule.
void CheckWindowsInYear(const Plan& plan, Diagnostics& diags);

}  // namespace sema
}  // namespace planc

#endif  // PLANC_SEMA_SEMA_H_
