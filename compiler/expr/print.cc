#include <string>

#include "compiler/expr/expr.h"

namespace planc::expr {
namespace {

// Binding strength: higher binds tighter (matches grammar/Plan.g4).
int Precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kCond: return 1;
    case Expr::Kind::kBinary:
      switch (e.op) {
        case Op::kOr: return 2;
        case Op::kAnd: return 3;
        case Op::kAdd: case Op::kSub: return 5;
        case Op::kMul: case Op::kDiv: return 6;
        default: return 4;
      }
    case Expr::Kind::kUnary: return 7;
    default: return 8;
  }
}

std::string Quote(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

std::string Wrapped(const Expr& e, int min_precedence) {
  std::string text = ToCanonical(e);
  return Precedence(e) < min_precedence ? "(" + text + ")" : text;
}

std::string JoinArgs(const std::vector<Expr>& items, std::size_t from) {
  std::string out;
  for (std::size_t i = from; i < items.size(); ++i) {
    if (i > from) out += ", ";
    out += ToCanonical(items[i]);
  }
  return out;
}

}  // namespace

bool HasError(const Expr& e) {
  if (e.kind == Expr::Kind::kError) return true;
  for (const Expr& child : e.children) {
    if (HasError(child)) return true;
  }
  return false;
}

const char* OpSpelling(Op op) {
  switch (op) {
    case Op::kNot: return "!";
    case Op::kNeg: return "-";
    case Op::kMul: return "*";
    case Op::kDiv: return "/";
    case Op::kAdd: return "+";
    case Op::kSub: return "-";
    case Op::kLt: return "<";
    case Op::kLe: return "<=";
    case Op::kGt: return ">";
    case Op::kGe: return ">=";
    case Op::kEq: return "==";
    case Op::kNe: return "!=";
    case Op::kIn: return "in";
    case Op::kHas: return "has";
    case Op::kAnd: return "and";
    case Op::kOr: return "or";
  }
  return "?";
}

std::string LiteralToCanonical(const Literal& literal) {
  if (literal.kind == Literal::Kind::kMissing) return "<missing>";
  return literal.kind == Literal::Kind::kString ? Quote(literal.text) : literal.text;
}

std::string ToCanonical(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kName: return e.name;
    case Expr::Kind::kLiteral: return LiteralToCanonical(e.literal);
    case Expr::Kind::kList: return "[" + JoinArgs(e.children, 0) + "]";
    case Expr::Kind::kMember: return Wrapped(e.children[0], 8) + "." + e.name;
    case Expr::Kind::kCall:
      if (e.has_receiver) {
        return Wrapped(e.children[0], 8) + "." + e.name + "(" + JoinArgs(e.children, 1) + ")";
      }
      return e.name + "(" + JoinArgs(e.children, 0) + ")";
    case Expr::Kind::kIndex:
      return Wrapped(e.children[0], 8) + "[" + ToCanonical(e.children[1]) + "]";
    case Expr::Kind::kUnary:
      return std::string(e.op == Op::kNot ? "not " : "-") + Wrapped(e.children[0], 7);
    case Expr::Kind::kBinary: {
      int p = Precedence(e);
      // Left-associative: the right operand needs parentheses at equal strength.
      return Wrapped(e.children[0], p) + " " + OpSpelling(e.op) + " " +
             Wrapped(e.children[1], p + 1);
    }
    case Expr::Kind::kError: return "<error>";
    case Expr::Kind::kCond:
      return Wrapped(e.children[0], 2) + " ? " + Wrapped(e.children[1], 2) + " : " +
             Wrapped(e.children[2], 1);
  }
  return {};
}

}  // namespace planc::expr
