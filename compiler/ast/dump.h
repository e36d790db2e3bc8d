#ifndef PLANC_AST_DUMP_H_
#define PLANC_AST_DUMP_H_

#include <string>

#include "compiler/ast/ast.h"
#include "compiler/source/source_file.h"

namespace planc::ast {

// `--dump=ast`: one node a line, indented, each with its span as
// `@line:col-line:col` (code-point columns, end exclusive) unless `spans` is off.
std::string Dump(const Plan& plan, const SourceFile& file, bool spans);

// The same for one expression, at the given indent.
std::string DumpExpr(const Expr& e, const SourceFile& file, bool spans, int indent);

}  // namespace planc::ast

#endif  // PLANC_AST_DUMP_H_
