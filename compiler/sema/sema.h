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

}  // namespace planc

#endif  // PLANC_SEMA_SEMA_H_
