#include "compiler/rules/lang.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/data/predicate.h"
#include "compiler/util/strings.h"

namespace planc::rules {
namespace {

using expr::Expr;
using expr::Op;
using K = Type::Kind;

bool IsNumber(const Type& t) { return t.kind == K::kNumber; }

// Reports problems of one expression of a pack.
class Checker {
 public:
  Checker(Names<Type>& names, const SourcePtr& file, Diagnostics& diags)
      : names_(names), file_(file), diags_(diags) {}

  std::optional<Type> Visit(const Expr& e);

 private:
  std::optional<Type> Literal(const Expr& e);
  std::optional<Type> Name(const Expr& e);
  std::optional<Type> Member(const Expr& e);
  std::optional<Type> Binary(const Expr& e);
  std::optional<Type> Call(const Expr& e);
  std::optional<Type> Macro(const Expr& e, const Type& list);

  // `e` has type `got` where `want` was needed.
  std::nullopt_t Mismatch(const Expr& e, const Type& got, const std::string& want_en,
                          const std::string& want_zh) {
    diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                   .Message(fmt::format("expected {}, found {}", want_en, Describe(got, false)),
                            fmt::format("此处应为{}，实际是{}", want_zh, Describe(got, true)))
                   .Label(fmt::format("this is {}", Describe(got, false)),
                          fmt::format("这是{}", Describe(got, true))));
    return std::nullopt;
  }
  std::nullopt_t Unknown(SourceRange at, const std::string& what_en, const std::string& what_zh,
                         const std::vector<std::string>& known) {
    std::string list = Join(known, ", ");
    diags_.Add(DiagBuilder(DiagKind::kUnknownName, file_, at)
                   .Message(what_en, what_zh)
                   .Label("not known here", "此处无此名称")
                   .Note(fmt::format("known here: {}", list), fmt::format("此处可用：{}", list)));
    return std::nullopt;
  }
  std::optional<Type> Want(const Expr& e, std::optional<Type> got, K kind, const char* en,
                           const char* zh) {
    if (!got) return std::nullopt;
    if (got->kind != kind) return Mismatch(e, *got, en, zh);
    return got;
  }

  Names<Type>& names_;
  const SourcePtr& file_;
  Diagnostics& diags_;
};

std::optional<Type> Checker::Visit(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::kError: return std::nullopt;
    case Expr::Kind::kLiteral: return Literal(e);
    case Expr::Kind::kName: return Name(e);
    case Expr::Kind::kMember: return Member(e);
    case Expr::Kind::kList: {
      std::optional<Type> element;
      for (const Expr& item : e.children) {
        std::optional<Type> t = Visit(item);
        if (!t) return std::nullopt;
        if (element && !element->SameAs(*t)) {
          return Mismatch(item, *t, Describe(*element, false), Describe(*element, true));
        }
        if (!element) element = t;
      }
      if (!element) return Type::Of(K::kList);  // [] fits any list
      return Type::ListOf(*element);
    }
    case Expr::Kind::kIndex: {
      std::optional<Type> list = Want(e.children[0], Visit(e.children[0]), K::kList, "a list", "列表");
      std::optional<Type> index = Want(e.children[1], Visit(e.children[1]), K::kNumber, "a number", "数值");
      if (!list || !index) return std::nullopt;
      if (!list->element) return Type::Null();
      return *list->element;
    }
    case Expr::Kind::kUnary: {
      if (e.op == Op::kNot) return Want(e.children[0], Visit(e.children[0]), K::kBool, "a condition", "条件");
      std::optional<Type> t = Want(e.children[0], Visit(e.children[0]), K::kNumber, "a number", "数值");
      return t;
    }
    case Expr::Kind::kBinary: return Binary(e);
    case Expr::Kind::kCond: {
      std::optional<Type> c = Want(e.children[0], Visit(e.children[0]), K::kBool, "a condition", "条件");
      std::optional<Type> a = Visit(e.children[1]);
      std::optional<Type> b = Visit(e.children[2]);
      if (!c || !a || !b) return std::nullopt;
      if (a->kind == K::kNull) return b->Nullable();
      if (b->kind == K::kNull) return a->Nullable();
      if (!a->SameAs(*b)) return Mismatch(e.children[2], *b, Describe(*a, false), Describe(*a, true));
      Type t = *a;
      t.nullable = a->nullable || b->nullable;
      t.percent = a->percent && b->percent;
      return t;
    }
    case Expr::Kind::kCall: return Call(e);
  }
  return std::nullopt;
}

std::optional<Type> Checker::Literal(const Expr& e) {
  using L = expr::Literal::Kind;
  switch (e.literal.kind) {
    case L::kInt:
    case L::kDecimal: return Type::Num();
    case L::kPercent: return Type::Num(true);
    case L::kDate: return Type::DateT();
    case L::kString: return Type::String();
    case L::kBool: return Type::Bool();
    case L::kMissing: return std::nullopt;
    case L::kMonth:
      diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                     .Message("a month is not a date in a rule", "规则中的月份不是日期")
                     .Label("write a day, such as 2024-05-01", "请写出具体日期，如 2024-05-01"));
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<Type> Checker::Name(const Expr& e) {
  if (e.name == "null") return Type::Null();
  if (const Type* t = names_.Find(e.name)) return *t;
  return Unknown(e.name_range.end > e.name_range.begin ? e.name_range : e.range,
                 fmt::format("unknown name `{}`", e.name), fmt::format("未知名称「{}」", e.name),
                 names_.All());
}

std::optional<Type> Checker::Member(const Expr& e) {
  std::optional<Type> base = Visit(e.children[0]);
  if (!base) return std::nullopt;
  if (base->kind == K::kDate) {
    if (e.name == "year" || e.name == "month" || e.name == "day") return Type::Num();
    return Unknown(e.name_range, fmt::format("a date has no field `{}`", e.name),
                   fmt::format("日期没有字段「{}」", e.name), {"year", "month", "day"});
  }
  if (base->kind != K::kObject) {
    return Mismatch(e.children[0], *base, fmt::format("an object with a field `{}`", e.name),
                    fmt::format("含字段「{}」的对象", e.name));
  }
  const Field* field = base->schema->Find(e.name);
  if (field == nullptr) {
    std::vector<std::string> known;
    for (const Field& f : base->schema->fields) known.push_back(f.name);
    return Unknown(e.name_range, fmt::format("{} has no field `{}`", base->schema->name, e.name),
                   fmt::format("{} 没有字段「{}」", base->schema->name, e.name), known);
  }
  Type t = field->type;
  if (base->nullable) t.nullable = true;
  return t;
}

std::optional<Type> Checker::Binary(const Expr& e) {
  const Expr& l = e.children[0];
  const Expr& r = e.children[1];
  if (e.op == Op::kAnd || e.op == Op::kOr) {
    auto a = Want(l, Visit(l), K::kBool, "a condition", "条件");
    auto b = Want(r, Visit(r), K::kBool, "a condition", "条件");
    if (!a || !b) return std::nullopt;
    return Type::Bool();
  }
  std::optional<Type> a = Visit(l);
  std::optional<Type> b = Visit(r);
  if (!a || !b) return std::nullopt;
  Type result;
  switch (e.op) {
    case Op::kAdd:
    case Op::kSub:
      if (IsNumber(*a) && IsNumber(*b)) {
        result = Type::Num(a->percent && b->percent);
      } else if (a->kind == K::kDate && IsNumber(*b)) {
        result = Type::DateT();
      } else if (e.op == Op::kSub && a->kind == K::kDate && b->kind == K::kDate) {
        result = Type::Num();
      } else if (!IsNumber(*a) && a->kind != K::kDate) {
        return Mismatch(l, *a, "a number or a date", "数值或日期");
      } else {
        return Mismatch(r, *b, a->kind == K::kDate ? "a number of days" : "a number",
                        a->kind == K::kDate ? "天数" : "数值");
      }
      break;
    case Op::kMul:
    case Op::kDiv:
      if (!IsNumber(*a)) return Mismatch(l, *a, "a number", "数值");
      if (!IsNumber(*b)) return Mismatch(r, *b, "a number", "数值");
      result = Type::Num();
      break;
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe:
      if (a->kind != K::kNumber && a->kind != K::kDate && a->kind != K::kString) {
        return Mismatch(l, *a, "a number, a date or a text", "数值、日期或文本");
      }
      if (!a->SameAs(*b)) return Mismatch(r, *b, Describe(*a, false), Describe(*a, true));
      result = Type::Bool();
      break;
    case Op::kEq:
    case Op::kNe:
      if (a->kind != K::kNull && b->kind != K::kNull && !a->SameAs(*b)) {
        return Mismatch(r, *b, Describe(*a, false), Describe(*a, true));
      }
      result = Type::Bool();
      break;
    case Op::kIn:
      if (b->kind != K::kList) return Mismatch(r, *b, "a list", "列表");
      if (b->element && !b->element->SameAs(*a)) {
        return Mismatch(l, *a, Describe(*b->element, false), Describe(*b->element, true));
      }
      result = Type::Bool();
      break;
    case Op::kHas:
      if (a->kind != K::kString && !(a->kind == K::kList && (!a->element ||
                                                             a->element->kind == K::kString))) {
        return Mismatch(l, *a, "a list of texts", "文本列表");
      }
      if (b->kind != K::kString) return Mismatch(r, *b, "a text", "文本");
      result = Type::Bool();
      break;
    default:
      return std::nullopt;
  }
  return result;
}

std::optional<Type> Checker::Macro(const Expr& e, const Type& list) {
  // xs.filter(x, p): the variable, then the body with x bound to an element.
  if (e.children.size() != 3 || e.children[1].kind != Expr::Kind::kName) {
    diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                   .Message(fmt::format("`{}` takes a variable and an expression: xs.{}(x, …)", e.name,
                                        e.name),
                            fmt::format("「{}」需要一个变量和一个表达式：xs.{}(x, …)", e.name, e.name)));
    return std::nullopt;
  }
  Type element = list.element ? *list.element : Type::Null();
  names_.Push(e.children[1].name, element);
  std::optional<Type> body = Visit(e.children[2]);
  names_.Pop();
  if (!body) return std::nullopt;
  if (e.name == "map") {
    return Type::ListOf(*body);
  }
  if (body->kind != K::kBool) return Mismatch(e.children[2], *body, "a condition", "条件");
  if (e.name == "filter") return list;
  return Type::Bool();
}

std::optional<Type> Checker::Call(const Expr& e) {
  auto arity = [&](std::size_t n) {
    std::size_t got = e.children.size() - (e.has_receiver ? 1 : 0);
    if (got == n) return true;
    diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                   .Message(fmt::format("`{}` takes {} argument{}, found {}", e.name, n,
                                        n == 1 ? "" : "s", got),
                            fmt::format("「{}」需要 {} 个参数，实际有 {} 个", e.name, n, got)));
    return false;
  };
  auto arg = [&](std::size_t i) -> const Expr& { return e.children[i + (e.has_receiver ? 1 : 0)]; };
  if (e.has_receiver) {
    std::optional<Type> self = Visit(e.children[0]);
    if (!self) return std::nullopt;
    const std::string& m = e.name;
    if (m == "filter" || m == "map" || m == "all" || m == "exists") {
      if (self->kind != K::kList) return Mismatch(e.children[0], *self, "a list", "列表");
      return Macro(e, *self);
    }
    if (m == "sum" || m == "count" || m == "min" || m == "max") {
      if (!arity(0)) return std::nullopt;
      if (self->kind != K::kList) return Mismatch(e.children[0], *self, "a list", "列表");
      Type element = self->element ? *self->element : Type::Num();
      if (m == "count") return Type::Num();
      bool ok = element.kind == K::kNumber || (m != "sum" && element.kind == K::kDate);
      if (!ok) {
        return Mismatch(e.children[0], *self, m == "sum" ? "a list of numbers" : "a list of numbers or dates",
                        m == "sum" ? "数值列表" : "数值或日期列表");
      }
      if (m == "sum") element.percent = false;
      return element;
    }
    if (m == "startsWith" || m == "matches") {
      if (!arity(1)) return std::nullopt;
      if (self->kind != K::kString) return Mismatch(e.children[0], *self, "a text", "文本");
      if (!Want(arg(0), Visit(arg(0)), K::kString, "a text", "文本")) return std::nullopt;
      return Type::Bool();
    }
    return Unknown(e.name_range, fmt::format("no method `{}`", m), fmt::format("没有方法「{}」", m),
                   {"filter", "map", "all", "exists", "sum", "count", "min", "max", "startsWith",
                    "matches"});
  }
  const std::string& f = e.name;
  if (f == "size") {
    if (!arity(1)) return std::nullopt;
    std::optional<Type> t = Visit(arg(0));
    if (!t) return std::nullopt;
    if (t->kind != K::kList && t->kind != K::kString) return Mismatch(arg(0), *t, "a list", "列表");
    return Type::Num();
  }
  if (f == "workdays" || f == "days" || f == "add_workdays") {
    if (!arity(2)) return std::nullopt;
    auto a = Want(arg(0), Visit(arg(0)), K::kDate, "a date", "日期");
    auto b = f == "add_workdays" ? Want(arg(1), Visit(arg(1)), K::kNumber, "a number", "数值")
                                 : Want(arg(1), Visit(arg(1)), K::kDate, "a date", "日期");
    if (!a || !b) return std::nullopt;
    return f == "add_workdays" ? Type::DateT() : Type::Num();
  }
  return Unknown(e.name_range, fmt::format("no function `{}`", f), fmt::format("没有函数「{}」", f),
                 {"size", "workdays", "add_workdays", "days"});
}

// Evaluation stops at the first error.
struct Stop {
  EvalError error;
};

bool Missing(const Value& v) { return v.kind == Value::Kind::kMissing; }

}  // namespace

std::optional<Type> CheckExpr(const Expr& e, Names<Type>& names, const SourcePtr& file,
                              Diagnostics& diags) {
  if (expr::HasError(e)) return std::nullopt;  // the syntax error is reported
  return Checker(names, file, diags).Visit(e);
}

void Evaluator::Fail(SourceRange range, std::string en, std::string zh) {
  throw Stop{EvalError{range, std::move(en), std::move(zh)}};
}

std::optional<Value> Evaluator::Eval(const Expr& e, Names<Value>& names, EvalError* error) {
  try {
    return Visit(e, names);
  } catch (const Stop& stop) {
    if (error) *error = stop.error;
    return std::nullopt;
  }
}

Value Evaluator::Visit(const Expr& e, Names<Value>& names) {
  switch (e.kind) {
    case Expr::Kind::kError: return Value::Missing();
    case Expr::Kind::kLiteral: {
      using L = expr::Literal::Kind;
      const expr::Literal& lit = e.literal;
      switch (lit.kind) {
        case L::kInt:
        case L::kDecimal:
        case L::kPercent: {
          std::optional<Decimal> d = Decimal::Parse(lit.text, lit.kind == L::kPercent);
          if (!d) Fail(e.range, "a number with more digits than planc keeps exactly", "数值位数过多");
          return Value::Num(Number::Of(*d), lit.kind == L::kPercent);
        }
        case L::kDate: {
          std::optional<Date> d = Date::Parse(lit.text);
          if (!d) Fail(e.range, fmt::format("{} is not a day of the calendar", lit.text),
                       fmt::format("{} 不是有效日期", lit.text));
          return Value::DateV(*d);
        }
        case L::kString: return Value::Str(lit.text);
        case L::kBool: return Value::Bool(lit.text == "true");
        default: return Value::Missing();
      }
    }
    case Expr::Kind::kName: {
      if (e.name == "null") return Value::Null();
      const Value* v = names.Find(e.name);
      return v ? *v : Value::Missing();
    }
    case Expr::Kind::kMember: {
      Value base = Visit(e.children[0], names);
      if (base.kind == Value::Kind::kDate) {
        return Value::Int(e.name == "year" ? base.date.year : e.name == "month" ? base.date.month : base.date.day);
      }
      if (base.kind != Value::Kind::kObject) return base;  // null or missing
      return base.Get(e.name);
    }
    case Expr::Kind::kList: {
      List items;
      for (const Expr& item : e.children) items.push_back(Visit(item, names));
      return Value::ListV(std::move(items));
    }
    case Expr::Kind::kIndex: {
      Value list = Visit(e.children[0], names);
      Value index = Visit(e.children[1], names);
      if (Missing(list) || Missing(index)) return Value::Missing();
      if (list.kind != Value::Kind::kList) return Value::Null();
      std::optional<std::int64_t> i = index.number.ToInt();
      if (!i || *i < 0 || static_cast<std::size_t>(*i) >= list.list->size()) {
        Fail(e.range, fmt::format("index {} is outside a list of {}", Format(index), list.list->size()),
             fmt::format("下标 {} 超出列表范围（共 {} 项）", Format(index), list.list->size()));
      }
      return (*list.list)[static_cast<std::size_t>(*i)];
    }
    case Expr::Kind::kUnary: {
      Value v = Visit(e.children[0], names);
      if (Missing(v)) return v;
      if (e.op == Op::kNot) return Value::Bool(!v.truth);
      return Value::Num(v.number.Neg(), v.percent);
    }
    case Expr::Kind::kBinary: return Binary(e, names);
    case Expr::Kind::kCond: {
      Value c = Visit(e.children[0], names);
      if (Missing(c)) return c;
      return Visit(e.children[c.truth ? 1 : 2], names);
    }
    case Expr::Kind::kCall: return Call(e, names);
  }
  return Value::Missing();
}

Value Evaluator::Binary(const Expr& e, Names<Value>& names) {
  if (e.op == Op::kAnd || e.op == Op::kOr) {
    bool stop_on = e.op == Op::kOr;  // `or` stops at true, `and` at false
    Value a = Visit(e.children[0], names);
    if (!Missing(a) && a.truth == stop_on) return Value::Bool(stop_on);
    Value b = Visit(e.children[1], names);
    if (!Missing(b) && b.truth == stop_on) return Value::Bool(stop_on);
    if (Missing(a) || Missing(b)) return Value::Missing();
    return Value::Bool(!stop_on);
  }
  Value a = Visit(e.children[0], names);
  Value b = Visit(e.children[1], names);
  if (Missing(a) || Missing(b)) return Value::Missing();
  auto number = [&](std::optional<Number> n, bool percent) {
    if (!n) {
      Fail(e.range,
           e.op == Op::kDiv && b.number == Number::Of(0) ? "division by zero" : "a number too large",
           e.op == Op::kDiv && b.number == Number::Of(0) ? "除数为零" : "数值过大");
    }
    return Value::Num(*n, percent);
  };
  switch (e.op) {
    case Op::kAdd:
    case Op::kSub:
      if (a.kind == Value::Kind::kDate && b.kind == Value::Kind::kDate) {
        return Value::Int(a.date.Serial() - b.date.Serial());
      }
      if (a.kind == Value::Kind::kDate) {
        std::optional<std::int64_t> days = b.number.ToInt();
        if (!days || *days > 1000000 || *days < -1000000) {
          Fail(e.children[1].range, "a whole number of days is needed", "天数应为整数");
        }
        long serial = a.date.Serial() + (e.op == Op::kAdd ? *days : -*days);
        return Value::DateV(DateOfSerial(serial));
      }
      return number(e.op == Op::kAdd ? a.number.Add(b.number) : a.number.Sub(b.number),
                    a.percent && b.percent);
    case Op::kMul: return number(a.number.Mul(b.number), false);
    case Op::kDiv: return number(a.number.Div(b.number), false);
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      if (a.kind == Value::Kind::kNull || b.kind == Value::Kind::kNull) return Value::Bool(false);
      int c = a.kind == Value::Kind::kNumber ? a.number.Compare(b.number)
              : a.kind == Value::Kind::kDate ? (a.date < b.date ? -1 : b.date < a.date ? 1 : 0)
                                             : a.text.compare(b.text);
      bool r = e.op == Op::kLt ? c < 0 : e.op == Op::kLe ? c <= 0 : e.op == Op::kGt ? c > 0 : c >= 0;
      return Value::Bool(r);
    }
    case Op::kEq: return Value::Bool(Equal(a, b));
    case Op::kNe: return Value::Bool(!Equal(a, b));
    case Op::kIn:
      for (const Value& item : *b.list) {
        if (Equal(a, item)) return Value::Bool(true);
      }
      return Value::Bool(false);
    case Op::kHas:
      if (a.kind == Value::Kind::kString) return Value::Bool(data::ListHas(a.text, b.text));
      for (const Value& item : *a.list) {
        if (Equal(item, b)) return Value::Bool(true);
      }
      return Value::Bool(false);
    default: return Value::Missing();
  }
}

Value Evaluator::Call(const Expr& e, Names<Value>& names) {
  const std::string& f = e.name;
  if (e.has_receiver) {
    Value self = Visit(e.children[0], names);
    if (Missing(self)) return self;
    if (f == "filter" || f == "map" || f == "all" || f == "exists") {
      if (self.kind != Value::Kind::kList) return Value::Null();
      const std::string& var = e.children[1].name;
      List out;
      bool missing = false;
      for (const Value& item : *self.list) {
        names.Push(var, item);
        Value body = Visit(e.children[2], names);
        names.Pop();
        if (f == "map") {
          out.push_back(body);
          continue;
        }
        if (Missing(body)) {
          missing = true;
          continue;
        }
        if (f == "filter" && body.truth) out.push_back(item);
        if (f == "all" && !body.truth) return Value::Bool(false);
        if (f == "exists" && body.truth) return Value::Bool(true);
      }
      if (missing) return Value::Missing();
      if (f == "all") return Value::Bool(true);
      if (f == "exists") return Value::Bool(false);
      return Value::ListV(std::move(out));
    }
    if (f == "count") return Value::Int(static_cast<std::int64_t>(self.list->size()));
    if (f == "sum" || f == "min" || f == "max") {
      Value acc = f == "sum" ? Value::Int(0) : Value::Null();
      for (const Value& item : *self.list) {
        if (Missing(item)) return item;
        if (item.kind == Value::Kind::kNull) continue;
        if (f == "sum") {
          std::optional<Number> n = acc.number.Add(item.number);
          if (!n) Fail(e.range, "a number too large", "数值过大");
          acc.number = *n;
          continue;
        }
        bool less = item.kind == Value::Kind::kDate ? item.date < acc.date
                                                    : item.number.Compare(acc.number) < 0;
        if (acc.kind == Value::Kind::kNull || (f == "min" ? less : !less && !Equal(item, acc))) {
          acc = item;
        }
      }
      if (acc.kind == Value::Kind::kNull) {
        Fail(e.range, fmt::format("`{}` of an empty list", f), fmt::format("空列表没有「{}」", f));
      }
      return acc;
    }
    Value arg = Visit(e.children[1], names);
    if (Missing(arg)) return arg;
    if (f == "startsWith") return Value::Bool(self.text.compare(0, arg.text.size(), arg.text) == 0);
    if (f == "matches") return Value::Bool(data::GlobMatch(self.text, arg.text));
    return Value::Missing();
  }
  if (f == "size") {
    Value v = Visit(e.children[0], names);
    if (Missing(v)) return v;
    if (v.kind == Value::Kind::kString) return Value::Int(static_cast<std::int64_t>(v.text.size()));
    return Value::Int(v.kind == Value::Kind::kList ? static_cast<std::int64_t>(v.list->size()) : 0);
  }
  Value a = Visit(e.children[0], names);
  Value b = Visit(e.children[1], names);
  if (Missing(a) || Missing(b)) return Value::Missing();
  if (f == "days") return Value::Int(b.date.Serial() - a.date.Serial());
  if (calendar_ == nullptr) {
    Fail(e.range, fmt::format("`{}` needs a working-day calendar: give the pack `calendar:`", f),
         fmt::format("「{}」需要工作日历：请在规则包中写 `calendar:`", f));
  }
  if (f == "workdays") {
    std::optional<long> n = calendar_->Workdays(a.date, b.date);
    if (!n) {
      Fail(e.range, fmt::format("calendar {} does not cover {} … {}", calendar_->name(), a.date.ToString(),
                                b.date.ToString()),
           fmt::format("工作日历 {} 不含 {} 至 {}", calendar_->name(), a.date.ToString(),
                       b.date.ToString()));
    }
    return Value::Int(*n);
  }
  std::optional<std::int64_t> n = b.number.ToInt();
  if (!n || *n > 100000 || *n < -100000) {
    Fail(e.children[1].range, "a whole number of working days is needed", "工作日数应为整数");
  }
  std::optional<Date> d = calendar_->AddWorkdays(a.date, *n);
  if (!d) {
    Fail(e.range, fmt::format("calendar {} does not cover {} working days from {}", calendar_->name(), *n,
                              a.date.ToString()),
         fmt::format("工作日历 {} 不含 {} 之后 {} 个工作日", calendar_->name(), a.date.ToString(), *n));
  }
  return Value::DateV(*d);
}

}  // namespace planc::rules
