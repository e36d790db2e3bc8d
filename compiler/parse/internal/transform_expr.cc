#include <fmt/format.h>

#include "compiler/parse/internal/lexical.h"
#include "compiler/parse/internal/transform.h"

namespace planc::parse_internal {
namespace {

using expr::Expr;
using expr::Op;

Expr ErrorExpr(SourceRange range) {
  Expr e;
  e.kind = Expr::Kind::kError;
  e.range = range;
  return e;
}

Op BinaryOp(const antlr4::Token* token) {
  switch (token ? token->getType() : 0) {
    case G::STAR: return Op::kMul;
    case G::SLASH: return Op::kDiv;
    case G::PLUS: return Op::kAdd;
    case G::MINUS: return Op::kSub;
    case G::LT: return Op::kLt;
    case G::LE: return Op::kLe;
    case G::GT: return Op::kGt;
    case G::GE: return Op::kGe;
    case G::EQ: return Op::kEq;
    case G::NE: return Op::kNe;
    case G::IN: return Op::kIn;
    case G::HAS: return Op::kHas;
    case G::ANDAND: case G::AND: return Op::kAnd;
    default: return Op::kOr;
  }
}

Expr Binary(G::ExprContext* ctx, const antlr4::Token* op, Context& context) {
  if (op == nullptr || ctx->children.size() < 3) return ErrorExpr(context.RangeOf(ctx));
  Expr e;
  e.kind = Expr::Kind::kBinary;
  e.range = context.RangeOf(ctx);
  e.op = BinaryOp(op);
  e.name_range = context.RangeOf(op);
  e.children.push_back(TransformExpr(dynamic_cast<G::ExprContext*>(ctx->children[0]), context));
  e.children.push_back(TransformExpr(dynamic_cast<G::ExprContext*>(ctx->children[2]), context));
  return e;
}

void TransformArgs(G::ArgsContext* args, Expr& e, Context& context) {
  if (args == nullptr) return;
  for (G::ExprContext* arg : args->expr()) e.children.push_back(TransformExpr(arg, context));
}

Expr TransformPrimary(G::PrimaryContext* ctx, Context& context) {
  SourceRange range = context.RangeOf(ctx);
  if (auto* c = dynamic_cast<G::NamePrimaryContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kName;
    e.range = e.name_range = range;
    e.name = CanonicalName(c->rootName()->getStart(), context);
    return e;
  }
  if (auto* c = dynamic_cast<G::CallPrimaryContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kCall;
    e.range = range;
    e.name_range = context.RangeOf(c->rootName());
    e.name = CanonicalName(c->rootName()->getStart(), context);
    TransformArgs(c->args(), e, context);
    return e;
  }
  if (auto* c = dynamic_cast<G::LiteralPrimaryContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kLiteral;
    e.range = range;
    e.literal = TransformLiteral(c->literal(), context);
    return e;
  }
  if (auto* c = dynamic_cast<G::ListPrimaryContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kList;
    e.range = range;
    for (G::ExprContext* item : c->expr()) e.children.push_back(TransformExpr(item, context));
    return e;
  }
  if (auto* c = dynamic_cast<G::ParenPrimaryContext*>(ctx)) {
    Expr inner = TransformExpr(c->expr(), context);
    return inner;
  }
  return ErrorExpr(range);
}

}  // namespace

Expr TransformExpr(G::ExprContext* ctx, Context& context) {
  if (ctx == nullptr) return ErrorExpr({});
  SourceRange range = context.RangeOf(ctx);
  if (auto* c = dynamic_cast<G::PrimaryExprContext*>(ctx)) {
    return c->primary() ? TransformPrimary(c->primary(), context) : ErrorExpr(range);
  }
  if (auto* c = dynamic_cast<G::MemberExprContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kMember;
    e.range = range;
    ast::Ident name = TransformName(c->name(), context);
    e.name = name.name;
    e.name_range = name.range;
    e.children.push_back(TransformExpr(c->expr(), context));
    return e;
  }
  if (auto* c = dynamic_cast<G::MethodExprContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kCall;
    e.has_receiver = true;
    e.range = range;
    ast::Ident name = TransformName(c->name(), context);
    e.name = name.name;
    e.name_range = name.range;
    e.children.push_back(TransformExpr(c->expr(), context));
    TransformArgs(c->args(), e, context);
    return e;
  }
  if (auto* c = dynamic_cast<G::IndexExprContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kIndex;
    e.range = range;
    e.children.push_back(TransformExpr(c->expr(0), context));
    e.children.push_back(TransformExpr(c->expr(1), context));
    return e;
  }
  if (auto* c = dynamic_cast<G::UnaryExprContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kUnary;
    e.range = range;
    e.op = c->op && c->op->getType() == G::MINUS ? Op::kNeg : Op::kNot;
    e.name_range = context.RangeOf(c->op);
    e.children.push_back(TransformExpr(c->expr(), context));
    return e;
  }
  if (auto* c = dynamic_cast<G::MulExprContext*>(ctx)) return Binary(ctx, c->op, context);
  if (auto* c = dynamic_cast<G::AddExprContext*>(ctx)) return Binary(ctx, c->op, context);
  if (auto* c = dynamic_cast<G::CompareExprContext*>(ctx)) return Binary(ctx, c->op, context);
  if (auto* c = dynamic_cast<G::AndExprContext*>(ctx)) return Binary(ctx, c->op, context);
  if (auto* c = dynamic_cast<G::OrExprContext*>(ctx)) return Binary(ctx, c->op, context);
  if (auto* c = dynamic_cast<G::CondExprContext*>(ctx)) {
    Expr e;
    e.kind = Expr::Kind::kCond;
    e.range = range;
    for (std::size_t i = 0; i < 3; ++i) e.children.push_back(TransformExpr(c->expr(i), context));
    return e;
  }
  return ErrorExpr(range);
}

expr::Literal TransformLiteral(G::LiteralContext* ctx, Context& context) {
  using K = expr::Literal::Kind;
  expr::Literal literal;
  literal.kind = K::kMissing;
  // A literal the parser did not match is a hole, whatever token stands there.
  if (ctx == nullptr || ctx->exception != nullptr || HasSyntaxError(ctx)) return literal;
  const antlr4::Token* token = RealToken(dynamic_cast<antlr4::tree::TerminalNode*>(
      ctx->children.empty() ? nullptr : ctx->children[0]));
  if (token == nullptr) return literal;
  literal.range = context.RangeOf(token);
  literal.text = std::string(context.TextOf(literal.range));
  switch (token->getType()) {
    case G::INT: literal.kind = K::kInt; break;
    case G::DECIMAL: literal.kind = K::kDecimal; break;
    case G::PERCENT: literal.kind = K::kPercent; break;
    case G::DATE: literal.kind = K::kDate; break;
    case G::MONTH: literal.kind = K::kMonth; break;
    case G::TRUE: case G::FALSE: literal.kind = K::kBool; break;
    case G::STRING:
      literal.kind = K::kString;
      literal.text = DecodeString(token, context);
      break;
    default: break;
  }
  return literal;
}

ast::Ident TransformIdent(antlr4::tree::TerminalNode* node, Context& context) {
  ast::Ident ident;
  if (const antlr4::Token* token = RealToken(node)) {
    ident.range = context.RangeOf(token);
    ident.name = std::string(context.TextOf(ident.range));
  }
  return ident;
}

std::string CanonicalName(const antlr4::Token* token, Context& context) {
  if (token == nullptr) return {};
  if (token->getType() == G::ID) return std::string(context.TextOf(context.RangeOf(token)));
  // A keyword used as a name: its English spelling, whichever was written.
  if (context.vocabulary() == nullptr) return std::string(context.TextOf(context.RangeOf(token)));
  std::string name = context.vocabulary()->getSymbolicName(token->getType());
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

ast::Ident TransformName(G::NameContext* ctx, Context& context) {
  ast::Ident ident;
  if (ctx != nullptr && ctx->getStart() != nullptr) {
    ident.range = context.RangeOf(ctx->getStart());
    ident.name = CanonicalName(ctx->getStart(), context);
  }
  return ident;
}

ast::StringLit TransformString(antlr4::tree::TerminalNode* node, Context& context) {
  ast::StringLit s;
  if (const antlr4::Token* token = RealToken(node)) {
    s.range = context.RangeOf(token);
    s.value = DecodeString(token, context);
  }
  return s;
}

std::vector<ast::Ident> TransformIdList(G::IdListContext* ctx, Context& context) {
  std::vector<ast::Ident> ids;
  if (ctx == nullptr) return ids;
  for (antlr4::tree::TerminalNode* node : ctx->ID()) {
    ast::Ident id = TransformIdent(node, context);
    if (!id.name.empty()) ids.push_back(std::move(id));
  }
  return ids;
}

bool HasSyntaxError(antlr4::tree::ParseTree* tree) {
  if (tree == nullptr) return false;
  if (dynamic_cast<antlr4::tree::ErrorNode*>(tree)) return true;
  if (auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(tree)) {
    if (rule->exception != nullptr) return true;
  }
  for (antlr4::tree::ParseTree* child : tree->children) {
    if (HasSyntaxError(child)) return true;
  }
  return false;
}

}  // namespace planc::parse_internal
