#include "compiler/ast/dump.h"

#include <fmt/format.h>

namespace planc::ast {
namespace {

class Dumper {
 public:
  Dumper(const SourceFile& file, bool spans) : file_(file), spans_(spans) {}

  void Line(int indent, const std::string& text, SourceRange range) {
    out_ += std::string(2 * indent, ' ') + text;
    if (spans_) {
      LineCol b = file_.Position(range.begin), e = file_.Position(range.end);
      out_ += fmt::format(" @{}:{}-{}:{}", b.line, b.column, e.line, e.column);
    }
    out_ += '\n';
  }

  void ExprTree(const Expr& e, int indent);
  void Amount(const ast::Amount& amount, int indent, const std::string& label);
  void Field(const TaskField& field, int indent);
  void Field(const PlanField& field, int indent);
  void All(const Plan& plan);
  std::string Take() { return std::move(out_); }

 private:
  const SourceFile& file_;
  bool spans_;
  std::string out_;
};

std::string LiteralText(const Literal& literal) {
  static const char* kKinds[] = {"int", "decimal", "percent", "date", "month", "string", "bool",
                                 "missing"};
  return fmt::format("{} {}", kKinds[static_cast<int>(literal.kind)],
                     expr::LiteralToCanonical(literal));
}

std::string Quoted(const StringLit& s) {
  Literal literal{Literal::Kind::kString, s.value, s.range};
  return expr::LiteralToCanonical(literal);
}

void Dumper::ExprTree(const Expr& e, int indent) {
  switch (e.kind) {
    case Expr::Kind::kName: Line(indent, "Name " + e.name, e.range); return;
    case Expr::Kind::kLiteral: Line(indent, "Literal " + LiteralText(e.literal), e.range); return;
    case Expr::Kind::kList: Line(indent, "List", e.range); break;
    case Expr::Kind::kMember: Line(indent, "Member ." + e.name, e.range); break;
    case Expr::Kind::kCall:
      Line(indent, fmt::format("Call {}{}", e.has_receiver ? "." : "", e.name), e.range);
      break;
    case Expr::Kind::kIndex: Line(indent, "Index", e.range); break;
    case Expr::Kind::kUnary:
      Line(indent, fmt::format("Unary {}", e.op == expr::Op::kNot ? "not" : "-"), e.range);
      break;
    case Expr::Kind::kBinary:
      Line(indent, fmt::format("Binary {}", expr::OpSpelling(e.op)), e.range);
      break;
    case Expr::Kind::kCond: Line(indent, "Cond", e.range); break;
    case Expr::Kind::kError: Line(indent, "Error", e.range); return;
  }
  for (const Expr& child : e.children) ExprTree(child, indent + 1);
}

void Dumper::Amount(const ast::Amount& amount, int indent, const std::string& label) {
  std::string text = label + LiteralText(amount.value);
  if (amount.min) text += " min " + LiteralText(*amount.min);
  Line(indent, text, amount.range);
}

void Dumper::Field(const PlanField& f, int indent) {
  std::string head = Name(f.kind);
  switch (f.kind) {
    case PlanFieldKind::kRules: {
      Line(indent, head, f.range);
      for (const Ident& name : f.names) Line(indent + 1, "Name " + name.name, name.range);
      return;
    }
    case PlanFieldKind::kBase:
      Line(indent, head, f.range);
      ExprTree(f.expr, indent + 1);
      return;
    case PlanFieldKind::kCoordination:
      Line(indent, head + " " + Name(f.coordination), f.range);
      return;
    default:
      Line(indent, head + " " + LiteralText(f.literal), f.range);
  }
}

void Dumper::Field(const TaskField& f, int indent) {
  std::string head = Name(f.kind);
  switch (f.kind) {
    case TaskFieldKind::kType: Line(indent, head + " " + Name(f.type), f.range); return;
    case TaskFieldKind::kDomain: Line(indent, head + " " + Name(f.domain), f.range); return;
    case TaskFieldKind::kOrganizer: Line(indent, head + " " + Name(f.organizer), f.range); return;
    case TaskFieldKind::kMerge: Line(indent, head + " " + Name(f.merge), f.range); return;
    case TaskFieldKind::kLead: Line(indent, head + " " + f.ident.name, f.range); return;
    case TaskFieldKind::kNote: Line(indent, head + " " + LiteralText(f.literal), f.range); return;
    case TaskFieldKind::kWith:
      Line(indent, head, f.range);
      for (const Ident& id : f.idents) Line(indent + 1, "Name " + id.name, id.range);
      return;
    case TaskFieldKind::kTargets:
      Line(indent, head, f.range);
      ExprTree(f.expr, indent + 1);
      return;
    case TaskFieldKind::kItems:
      Line(indent, head, f.range);
      for (const StringLit& s : f.strings) Line(indent + 1, "String " + Quoted(s), s.range);
      return;
    case TaskFieldKind::kMethod:
      Line(indent, head, f.range);
      for (const MethodRef& m : f.methods) Line(indent + 1, Name(m.method), m.range);
      return;
    case TaskFieldKind::kSample:
      Line(indent, head + (f.sample.by_credit ? " by credit" : ""), f.range);
      if (!f.sample.by_credit) {
        Amount(f.sample.amount, indent + 1, "");
        return;
      }
      for (const CreditEntry& entry : f.sample.entries) {
        Amount(entry.amount, indent + 1, entry.credit_class.name + ": ");
      }
      return;
    case TaskFieldKind::kWindow:
      Line(indent, fmt::format("{} {} .. {}", head, LiteralText(f.literal), LiteralText(f.literal2)),
           f.range);
      return;
    case TaskFieldKind::kInspectors:
      Line(indent, fmt::format("{} {} from {}", head, LiteralText(f.literal), f.ident.name),
           f.range);
      return;
    case TaskFieldKind::kWaive:
      Line(indent, fmt::format("{} {} because {}", head, f.ident.name, Quoted(f.reason)), f.range);
      return;
  }
}

void Dumper::All(const Plan& plan) {
  for (const PlanDecl& decl : plan.plans) {
    Line(0, "Plan " + Quoted(decl.title), decl.range);
    for (const PlanField& field : decl.fields) Field(field, 1);
  }
  for (const UnitDecl& unit : plan.units) {
    Line(0, "Unit " + unit.id.name + (unit.full_name ? " " + Quoted(*unit.full_name) : ""),
         unit.range);
  }
  for (const PredicateDecl& scope : plan.scopes) {
    Line(0, "Scope " + scope.id.name, scope.range);
    ExprTree(scope.expr, 1);
  }
  for (const PredicateDecl& pool : plan.pools) {
    Line(0, "Pool " + pool.id.name, pool.range);
    ExprTree(pool.expr, 1);
  }
  for (const TaskDecl& task : plan.tasks) {
    Line(0, "Task " + task.id.name + " " + Quoted(task.name), task.range);
    for (const TaskField& field : task.fields) Field(field, 1);
  }
  for (const WaiveDecl& waive : plan.waives) {
    std::string tasks;
    for (const Ident& t : waive.tasks) tasks += (tasks.empty() ? "" : ", ") + t.name;
    Line(0, fmt::format("Waive {} for {} because {}", waive.rule.name, tasks, Quoted(waive.reason)),
         waive.range);
  }
}

}  // namespace

std::string Dump(const Plan& plan, const SourceFile& file, bool spans) {
  Dumper dumper(file, spans);
  dumper.All(plan);
  return dumper.Take();
}

std::string DumpExpr(const Expr& e, const SourceFile& file, bool spans, int indent) {
  Dumper dumper(file, spans);
  dumper.ExprTree(e, indent);
  return dumper.Take();
}

}  // namespace planc::ast
