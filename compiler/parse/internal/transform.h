#ifndef PLANC_PARSE_INTERNAL_TRANSFORM_H_
#define PLANC_PARSE_INTERNAL_TRANSFORM_H_

#include "PlanParser.h"

#include "compiler/ast/ast.h"
#include "compiler/parse/internal/context.h"

// Parse tree to AST: one typed function per grammar area. Every function
// tolerates the holes that error recovery leaves (null children).
namespace planc::parse_internal {

using G = planc_grammar::PlanParser;

ast::Plan TransformFile(G::FileContext* ctx, Context& context);
ast::TaskDecl TransformTask(G::TaskDeclContext* ctx, Context& context);
expr::Expr TransformExpr(G::ExprContext* ctx, Context& context);
expr::Literal TransformLiteral(G::LiteralContext* ctx, Context& context);
ast::Ident TransformIdent(antlr4::tree::TerminalNode* node, Context& context);
ast::Ident TransformName(G::NameContext* ctx, Context& context);
// The name a token stands for: an identifier's text, or a keyword's English
// spelling (so `单位` and `unit` name the same column).
std::string CanonicalName(const antlr4::Token* token, Context& context);
ast::StringLit TransformString(antlr4::tree::TerminalNode* node, Context& context);
std::vector<ast::Ident> TransformIdList(G::IdListContext* ctx, Context& context);

// True when error recovery touched this subtree.
bool HasSyntaxError(antlr4::tree::ParseTree* tree);

}  // namespace planc::parse_internal

#endif  // PLANC_PARSE_INTERNAL_TRANSFORM_H_
