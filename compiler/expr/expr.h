#ifndef PLANC_EXPR_EXPR_H_
#define PLANC_EXPR_EXPR_H_

#include <string>
#include <vector>

#include "compiler/source/source_file.h"

namespace planc::expr {

// A literal as written; sema and the type checker decide what it means.
struct Literal {
  // kMissing: a value that a syntax error left out; checkers skip it.
  enum class Kind { kInt, kDecimal, kPercent, kDate, kMonth, kString, kBool, kMissing };
  Kind kind = Kind::kInt;
  std::string text;   // the spelling (for strings: the decoded value)
  SourceRange range;
};

enum class Op {
  kNot, kNeg,                                   // unary
  kMul, kDiv, kAdd, kSub,                       // arithmetic
  kLt, kLe, kGt, kGe, kEq, kNe, kIn, kHas,      // comparisons and membership
  kAnd, kOr,                                    // logic
};

// One node of the expression language shared by scopes, pools and rule packs.
struct Expr {
  enum class Kind {
    kName,     // name
    kLiteral,  // literal
    kList,     // [children...]
    kMember,   // children[0] . name
    kCall,     // name(children...) or, with receiver, children[0].name(children[1...])
    kIndex,    // children[0] [ children[1] ]
    kUnary,    // op children[0]
    kBinary,   // children[0] op children[1]
    kCond,     // children[0] ? children[1] : children[2]
    kError,    // what a syntax error left; checkers skip it
  };
  Kind kind = Kind::kName;
  SourceRange range;
  std::string name;          // kName, kMember, kCall
  SourceRange name_range;    // where `name` is written
  Literal literal;           // kLiteral
  Op op = Op::kNot;          // kUnary, kBinary
  bool has_receiver = false; // kCall
  std::vector<Expr> children;
};

const char* OpSpelling(Op op);

// The canonical spelling of an expression: English operators, minimal
// parentheses, one space around binary operators. Re-parses to the same tree.
std::string ToCanonical(const Expr& e);
std::string LiteralToCanonical(const Literal& literal);

// True when a syntax error left a hole anywhere in `e`.
bool HasError(const Expr& e);

// Visits every kName node that is a root reference (not a member name).
template <typename F>
void ForEachName(const Expr& e, F&& f) {
  if (e.kind == Expr::Kind::kName) f(e);
  for (const Expr& child : e.children) ForEachName(child, f);
}

}  // namespace planc::expr

#endif  // PLANC_EXPR_EXPR_H_
