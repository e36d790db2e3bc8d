#ifndef PLANC_PARSE_PARSE_H_
#define PLANC_PARSE_PARSE_H_

#include <optional>

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/expr/expr.h"
#include "compiler/source/source_file.h"

namespace planc {

// Parses a plan file into its AST. Syntax errors are reported and the parser
// recovers at the next field or declaration, so the AST may be partial: a
// declaration that held an error is marked `has_syntax_error`. Returns
// nullopt only when the file cannot be read as text at all (invalid UTF-8,
// nesting too deep).
std::optional<ast::Plan> Parse(const SourcePtr& file, Diagnostics& diags);

// Parses one expression written at `range` of `file` (a rule pack's YAML
// scalar, a canonical predicate); spans point into `file`.
std::optional<expr::Expr> ParseExpression(const SourcePtr& file, SourceRange range,
                                          Diagnostics& diags);

}  // namespace planc

#endif  // PLANC_PARSE_PARSE_H_
