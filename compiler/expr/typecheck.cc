#include "compiler/expr/typecheck.h"

#include <fmt/format.h>

namespace planc::expr {
namespace {

class Checker {
 public:
  Checker(NameResolver& names, const SourcePtr& file, Diagnostics& diags)
      : names_(names), file_(file), diags_(diags) {}

  Type Visit(const Expr& e, bool condition);

 private:
  Type Literal(const expr::Literal& literal);
  Type Unary(const Expr& e);
  Type Binary(const Expr& e);
  Type Call(const Expr& e);
  Type List(const Expr& e);
  // Reports that `e` has type `got` where `want` was needed.
  void Mismatch(const Expr& e, Type got, const char* want_en, const char* want_zh,
                const std::string& why_en, const std::string& why_zh);
  bool Expect(const Expr& e, Type got, Type want, const std::string& why_en,
              const std::string& why_zh);

  NameResolver& names_;
  const SourcePtr& file_;
  Diagnostics& diags_;
};

bool Numeric(Type t) { return t == Type::kInt || t == Type::kDecimal; }

bool Compatible(Type a, Type b) {
  return a == Type::kUnknown || b == Type::kUnknown || a == b || (Numeric(a) && Numeric(b));
}

void Checker::Mismatch(const Expr& e, Type got, const char* want_en, const char* want_zh,
                       const std::string& why_en, const std::string& why_zh) {
  diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                 .Message(fmt::format("expected {}, found {}", want_en, TypeName(got, Lang::kEn)),
                          fmt::format("此处应为{}，实际是{}", want_zh, TypeName(got, Lang::kZh)))
                 .Label(fmt::format("this is {}", TypeName(got, Lang::kEn)),
                        fmt::format("这是{}", TypeName(got, Lang::kZh)))
                 .Note(why_en, why_zh));
}

bool Checker::Expect(const Expr& e, Type got, Type want, const std::string& why_en,
                     const std::string& why_zh) {
  if (Compatible(got, want)) return true;
  Mismatch(e, got, TypeName(want, Lang::kEn), TypeName(want, Lang::kZh), why_en, why_zh);
  return false;
}

Type Checker::Literal(const expr::Literal& literal) {
  using K = expr::Literal::Kind;
  switch (literal.kind) {
    case K::kInt: return Type::kInt;
    case K::kDecimal: case K::kPercent: return Type::kDecimal;
    case K::kDate: return Type::kDate;
    case K::kString: return Type::kString;
    case K::kBool: return Type::kBool;
    case K::kMonth: case K::kMissing: return Type::kUnknown;  // see Visit
  }
  return Type::kUnknown;
}

Type Checker::Unary(const Expr& e) {
  if (e.op == Op::kNot) {
    bool ok = Expect(e.children[0], Visit(e.children[0], true), Type::kBool,
                     "`not` applies to a condition; it binds tighter than comparisons, so "
                     "write `not (tags has \"x\")`",
                     "`not` 只能用于条件；它比比较运算结合得更紧，请写成 `not (tags has \"x\")`");
    // A failed `not` has no type, so the comparison around it says nothing more.
    return ok ? Type::kBool : Type::kUnknown;
  }
  Type t = Visit(e.children[0], false);
  if (t != Type::kUnknown && !Numeric(t)) {
    Mismatch(e.children[0], t, "a number", "数字", "`-` applies to a number", "`-` 只能用于数字");
    return Type::kUnknown;
  }
  return t;
}

Type Checker::Binary(const Expr& e) {
  const Expr& lhs = e.children[0];
  const Expr& rhs = e.children[1];
  std::string op = OpSpelling(e.op);
  switch (e.op) {
    case Op::kAnd: case Op::kOr: {
      std::string why = fmt::format("`{}` joins two conditions", op);
      std::string why_zh = fmt::format("`{}` 连接两个条件", op);
      Expect(lhs, Visit(lhs, true), Type::kBool, why, why_zh);
      Expect(rhs, Visit(rhs, true), Type::kBool, why, why_zh);
      return Type::kBool;
    }
    case Op::kHas: {
      Type l = Visit(lhs, false), r = Visit(rhs, false);
      Expect(lhs, l, Type::kList, "`has` looks inside a list (such as `licences` or `tags`)",
             "`has` 用于在列表（如 `licences`、`tags`）中查找");
      Expect(rhs, r, Type::kString, "`has` looks for one string", "`has` 查找的是一个字符串");
      return Type::kBool;
    }
    case Op::kIn: {
      Type l = Visit(lhs, false), r = Visit(rhs, false);
      Expect(rhs, r, Type::kList, "`in` needs a list on its right, such as [\"A\", \"B\"]",
             "`in` 右边应为列表，例如 [\"A\", \"B\"]");
      if (l == Type::kList || l == Type::kBool) {
        Mismatch(lhs, l, "a single value", "单个值", "`in` tests whether one value is in a list",
                 "`in` 判断单个值是否在列表中");
      }
      return Type::kBool;
    }
    case Op::kEq: case Op::kNe: case Op::kLt: case Op::kLe: case Op::kGt: case Op::kGe: {
      Type l = Visit(lhs, false), r = Visit(rhs, false);
      bool ordered = e.op != Op::kEq && e.op != Op::kNe;
      if (!Compatible(l, r) && !ordered && l == Type::kList && r == Type::kString) {
        Mismatch(lhs, l, "a single value", "单个值",
                 fmt::format("`{}` compares whole values; to test whether a list holds a string, "
                             "write `{} has {}`",
                             op, ToCanonical(lhs), ToCanonical(rhs)),
                 fmt::format("`{}` 比较的是整个值；判断列表是否包含某个字符串，请写 `{} has {}`", op,
                             ToCanonical(lhs), ToCanonical(rhs)));
      } else if (!Compatible(l, r)) {
        Mismatch(rhs, r, TypeName(l, Lang::kEn), TypeName(l, Lang::kZh),
                 fmt::format("both sides of `{}` must be of the same kind", op),
                 fmt::format("`{}` 两边的类型必须相同", op));
      } else if (ordered && (l == Type::kBool || l == Type::kList)) {
        Mismatch(lhs, l, "a number, date or string", "数字、日期或字符串",
                 fmt::format("`{}` compares numbers, dates or strings", op),
                 fmt::format("`{}` 只能比较数字、日期或字符串", op));
      }
      return Type::kBool;
    }
    default: {
      Type l = Visit(lhs, false), r = Visit(rhs, false);
      std::string why = fmt::format("`{}` works on numbers", op);
      std::string why_zh = fmt::format("`{}` 只能用于数字", op);
      bool ok = true;
      if (l != Type::kUnknown && !Numeric(l)) {
        Mismatch(lhs, l, "a number", "数字", why, why_zh);
        ok = false;
      }
      if (r != Type::kUnknown && !Numeric(r)) {
        Mismatch(rhs, r, "a number", "数字", why, why_zh);
        ok = false;
      }
      if (!ok || l == Type::kUnknown || r == Type::kUnknown) return Type::kUnknown;
      return e.op == Op::kDiv || l == Type::kDecimal || r == Type::kDecimal ? Type::kDecimal
                                                                           : Type::kInt;
    }
  }
}

Type Checker::Call(const Expr& e) {
  std::size_t first_arg = e.has_receiver ? 1 : 0;
  std::size_t argc = e.children.size() - first_arg;
  auto arity = [&](std::size_t want) {
    if (argc == want) return true;
    diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                   .Message(fmt::format("`{}` takes {} argument{}, found {}", e.name, want,
                                        want == 1 ? "" : "s", argc),
                            fmt::format("`{}` 需要 {} 个参数，实际有 {} 个", e.name, want, argc)));
    return false;
  };
  if (e.has_receiver && (e.name == "startsWith" || e.name == "matches")) {
    Expect(e.children[0], Visit(e.children[0], false), Type::kString,
           fmt::format("`.{}` applies to a string column such as `industry`", e.name),
           fmt::format("`.{}` 用于字符串字段，例如 `industry`", e.name));
    if (arity(1)) {
      Expect(e.children[1], Visit(e.children[1], false), Type::kString,
             fmt::format("`.{}` takes a string pattern", e.name),
             fmt::format("`.{}` 的参数应为字符串", e.name));
    }
    return Type::kBool;
  }
  if (!e.has_receiver && e.name == "size") {
    if (arity(1)) {
      Type t = Visit(e.children[0], false);
      if (t != Type::kUnknown && t != Type::kList && t != Type::kString) {
        Mismatch(e.children[0], t, "a list or string", "列表或字符串",
                 "`size` counts the items of a list", "`size` 计算列表的元素个数");
      }
    }
    return Type::kInt;
  }
  diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.name_range)
                 .Message(fmt::format("unknown function `{}` in a predicate", e.name),
                          fmt::format("谓词中没有函数 `{}`", e.name))
                 .Label("not available here", "此处不可用")
                 .Help("predicates may use `.startsWith(s)`, `.matches(glob)` and `size(list)`",
                       "谓词中可用 `.startsWith(s)`、`.matches(glob)` 与 `size(list)`"));
  return Type::kUnknown;
}

Type Checker::List(const Expr& e) {
  for (const Expr& item : e.children) {
    Type t = Visit(item, false);
    if (t != Type::kUnknown && t != Type::kString) {
      Mismatch(item, t, "a string", "字符串", "lists in predicates hold strings",
               "谓词中的列表只能包含字符串");
    }
  }
  return Type::kList;
}

Type Checker::Visit(const Expr& e, bool condition) {
  switch (e.kind) {
    case Expr::Kind::kError: return Type::kUnknown;
    case Expr::Kind::kName: return names_.Resolve(e, condition);
    case Expr::Kind::kLiteral:
      if (e.literal.kind == expr::Literal::Kind::kMonth) {
        // A month is a window bound, not a value: which day would it compare as?
        diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                       .Message(fmt::format("`{}` is a month; an expression compares dates", e.literal.text),
                                fmt::format("`{}` 是月份；表达式中应写日期", e.literal.text))
                       .Label("not a date", "不是日期")
                       .Help(fmt::format("write the day meant, e.g. `{}-01`", e.literal.text),
                             fmt::format("请写明具体日期，例如 `{}-01`", e.literal.text)));
        return Type::kUnknown;
      }
      return Literal(e.literal);
    case Expr::Kind::kList: return List(e);
    case Expr::Kind::kUnary: return Unary(e);
    case Expr::Kind::kBinary: return Binary(e);
    case Expr::Kind::kCall: return Call(e);
    case Expr::Kind::kCond: {
      Expect(e.children[0], Visit(e.children[0], true), Type::kBool,
             "the part before `?` is a condition", "`?` 前面应为条件");
      Type a = Visit(e.children[1], condition), b = Visit(e.children[2], condition);
      if (!Compatible(a, b)) {
        Mismatch(e.children[2], b, TypeName(a, Lang::kEn), TypeName(a, Lang::kZh),
                 "both branches of `?:` must be of the same kind", "`?:` 两个分支的类型必须相同");
        return Type::kUnknown;
      }
      return a == Type::kUnknown ? b : a;
    }
    case Expr::Kind::kMember: case Expr::Kind::kIndex:
      diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
                     .Message("fields and indexes are not available in a predicate",
                              "谓词中不能使用字段访问或下标")
                     .Label("not available here", "此处不可用")
                     .Help("name the column directly, e.g. `industry.startsWith(\"C18\")`",
                           "请直接写字段名，例如 `industry.startsWith(\"C18\")`"));
      return Type::kUnknown;
  }
  return Type::kUnknown;
}

}  // namespace

const char* TypeName(Type type, Lang lang) {
  bool zh = lang == Lang::kZh;
  switch (type) {
    case Type::kUnknown: return zh ? "未知类型" : "an unknown type";
    case Type::kBool: return zh ? "条件" : "a condition";
    case Type::kInt: return zh ? "整数" : "a whole number";
    case Type::kDecimal: return zh ? "小数" : "a decimal number";
    case Type::kDate: return zh ? "日期" : "a date";
    case Type::kString: return zh ? "字符串" : "a string";
    case Type::kList: return zh ? "列表" : "a list";
  }
  return "";
}

Type Check(const Expr& e, NameResolver& names, const SourcePtr& file, Diagnostics& diags,
           bool condition) {
  return Checker(names, file, diags).Visit(e, condition);
}

}  // namespace planc::expr
