// Scope and pool predicates: names, types, and scopes that refer to themselves.
#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "compiler/expr/typecheck.h"
#include "compiler/sema/analyzer.h"
#include "compiler/util/strings.h"

namespace planc::sema {
namespace {

using expr::Type;

struct Column {
  const char* name;
  Type type;
};

// The standard columns of data.md; other columns of a real file are allowed
// and checked once the file is known.
constexpr Column kRegistryColumns[] = {
    {"uscc", Type::kString},     {"name", Type::kString},     {"kind", Type::kString},
    {"industry", Type::kString}, {"district", Type::kString}, {"credit", Type::kString},
    {"licences", Type::kList},   {"status", Type::kString},   {"tags", Type::kList},
    {"registered_on", Type::kDate},
};
constexpr Column kInspectorColumns[] = {
    {"id", Type::kString},         {"name", Type::kString}, {"unit", Type::kString},
    {"qualifications", Type::kList}, {"capacity", Type::kInt}, {"active", Type::kBool},
};

template <std::size_t N>
const Column* FindColumn(const Column (&columns)[N], const std::string& name) {
  for (const Column& c : columns) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

template <std::size_t N>
std::vector<std::string> ColumnNames(const Column (&columns)[N]) {
  std::vector<std::string> names;
  for (const Column& c : columns) names.emplace_back(c.name);
  return names;
}

}  // namespace

// Resolves the names of one predicate: named predicates of the same kind
// (scopes in scopes, targets and base; pools in pools), then columns.
class PredicateNames : public expr::NameResolver {
 public:
  PredicateNames(bool pool, const std::map<std::string, const ast::PredicateDecl*>& named,
                 std::set<std::string>& used, const SourcePtr& file, Diagnostics& diags,
                 std::vector<const expr::Expr*>* refs)
      : pool_(pool), named_(named), used_(used), file_(file), diags_(diags), refs_(refs) {}

  Type Resolve(const expr::Expr& e, bool condition) override {
    if (named_.count(e.name)) {
      used_.insert(e.name);
      if (refs_) refs_->push_back(&e);
      return Type::kBool;
    }
    const Column* column = pool_ ? FindColumn(kInspectorColumns, e.name)
                                 : FindColumn(kRegistryColumns, e.name);
    if (column) return column->type;
    std::vector<std::string> columns =
        pool_ ? ColumnNames(kInspectorColumns) : ColumnNames(kRegistryColumns);
    if (condition) {
      // A bare name standing as a condition can only be a named predicate.
      std::vector<std::string> names;
      for (const auto& entry : named_) names.push_back(entry.first);
      ast::Ident id{e.name, e.range};
      ReportUnknownPredicate(id, names);
      return Type::kUnknown;
    }
    const Column* other = pool_ ? FindColumn(kRegistryColumns, e.name)
                                : FindColumn(kInspectorColumns, e.name);
    if (other != nullptr) {
      diags_.Add(
          DiagBuilder(DiagKind::kNonstandardColumn, file_, e.range)
              .Message(pool_ ? fmt::format("`{}` is a registry column, not an inspector column", e.name)
                             : fmt::format("`{}` is an inspector column, not a registry column", e.name),
                       pool_ ? fmt::format("`{}` 是检查对象名录库的字段，不是执法检查人员名录库的字段", e.name)
                             : fmt::format("`{}` 是执法检查人员名录库的字段，不是检查对象名录库的字段", e.name))
              .Label(pool_ ? "pools select inspectors" : "scopes select enterprises",
                     pool_ ? "人员库筛选的是执法人员" : "范围筛选的是检查对象")
              .Note("a column of this name must exist in the file the draw reads",
                    "抽取时读取的文件中必须有这个字段"));
      return other->type;
    }
    if (auto guess = ClosestName(e.name, columns)) {
      const char* where = pool_ ? "inspector" : "registry";
      const char* where_zh = pool_ ? "执法检查人员名录库" : "检查对象名录库";
      diags_.Add(DiagBuilder(DiagKind::kNonstandardColumn, file_, e.range)
                     .Message(fmt::format("`{}` is not a standard {} column", e.name, where),
                              fmt::format("`{}` 不是{}的标准字段", e.name, where_zh))
                     .Label(fmt::format("did you mean `{}`?", *guess),
                            fmt::format("是否应为 `{}`？", *guess))
                     .Note("a column of this name must exist in the file the draw reads",
                           "抽取时读取的文件中必须有这个字段")
                     .WithFix(fmt::format("replace with `{}`", *guess),
                              fmt::format("改为 `{}`", *guess), {{e.range, *guess}}));
    }
    return Type::kUnknown;
  }

 private:
  void ReportUnknownPredicate(const ast::Ident& id, const std::vector<std::string>& names) {
    const char* what = pool_ ? "pool" : "scope";
    const char* what_zh = pool_ ? "人员库" : "范围";
    DiagBuilder d(DiagKind::kUnknownName, file_, id.range);
    d.Message(fmt::format("unknown {} `{}`", what, id.name),
              fmt::format("未声明的{}「{}」", what_zh, id.name))
        .Label(fmt::format("no {} of this name is declared", what),
               fmt::format("没有声明这个{}", what_zh));
    if (auto guess = ClosestName(id.name, names)) {
      d.Help(fmt::format("did you mean `{}`?", *guess), fmt::format("是否应为「{}」？", *guess))
          .WithFix(fmt::format("replace with `{}`", *guess), fmt::format("改为「{}」", *guess),
                   {{id.range, *guess}});
    } else {
      d.Help(fmt::format("declare it: `{} {} = …`", what, id.name),
             fmt::format("请先声明：`{} {} = …`", what, id.name));
    }
    diags_.Add(std::move(d));
  }

  bool pool_;
  const std::map<std::string, const ast::PredicateDecl*>& named_;
  std::set<std::string>& used_;
  const SourcePtr& file_;
  Diagnostics& diags_;
  std::vector<const expr::Expr*>* refs_;
};

namespace {

// Predicates select rows; the row evaluator has no arithmetic, so `+ - * /`
// and a unary minus are refused here rather than evaluated wrongly. True when
// something was refused.
bool RejectArithmetic(const expr::Expr& e, const SourcePtr& file, Diagnostics& diags) {
  bool arithmetic =
      (e.kind == expr::Expr::Kind::kBinary &&
       (e.op == expr::Op::kAdd || e.op == expr::Op::kSub || e.op == expr::Op::kMul ||
        e.op == expr::Op::kDiv)) ||
      (e.kind == expr::Expr::Kind::kUnary && e.op == expr::Op::kNeg);
  if (arithmetic) {
    diags.Add(DiagBuilder(DiagKind::kTypeMismatch, file, e.range)
                  .Message("arithmetic is not available in a scope or pool",
                           "范围和人员库的条件中不能做算术运算")
                  .Label("arithmetic here", "此处有算术运算")
                  .Help("compare columns with literal values, e.g. `capacity >= 100`",
                        "请直接把字段与常量比较，例如 `capacity >= 100`"));
    return true;
  }
  bool refused = false;
  for (const expr::Expr& child : e.children) refused = RejectArithmetic(child, file, diags) || refused;
  return refused;
}

}  // namespace

void Analyzer::CheckCondition(const expr::Expr& e, bool pool, const std::string& owner) {
  // After arithmetic is refused, type errors about it would only repeat it.
  if (RejectArithmetic(e, file_, diags_)) return;
  std::vector<const expr::Expr*>* refs = nullptr;
  // `owner` is the declaring scope or pool, empty for targets and base.
  if (!pool && !owner.empty()) refs = &scope_refs_[owner];
  PredicateNames names(pool, pool ? pools_ : scopes_, pool ? used_pools_ : used_scopes_, file_,
                       diags_, refs);
  Type type = expr::Check(e, names, file_, diags_, true);
  if (type == Type::kUnknown || type == Type::kBool) return;
  Add(DiagBuilder(DiagKind::kTypeMismatch, file_, e.range)
          .Message(fmt::format("expected a condition, found {}", expr::TypeName(type, Lang::kEn)),
                   fmt::format("此处应为条件，实际是{}", expr::TypeName(type, Lang::kZh)))
          .Label("not a condition", "不是条件")
          .Help("compare it, e.g. `kind == \"enterprise\"`, or test a list with `has`",
                "请写成比较，例如 `kind == \"enterprise\"`，或用 `has` 判断列表"));
}

void Analyzer::AnalyzePredicates() {
  for (const ast::PredicateDecl& scope : ast_.scopes) CheckCondition(scope.expr, false, scope.id.name);
  for (const ast::PredicateDecl& pool : ast_.pools) CheckCondition(pool.expr, true, pool.id.name);
}

void Analyzer::CheckScopeCycles() {
  // Depth-first search over scope references, in source order, reporting
  // each cycle once at the reference that closes it.
  enum class State { kNew, kActive, kDone };
  std::map<std::string, State> state;
  std::vector<std::string> path;
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    state[name] = State::kActive;
    path.push_back(name);
    for (const expr::Expr* ref : scope_refs_[name]) {
      State s = state.count(ref->name) ? state[ref->name] : State::kNew;
      if (s == State::kNew) {
        visit(ref->name);
      } else if (s == State::kActive) {
        auto from = std::find(path.begin(), path.end(), ref->name);
        std::vector<std::string> cycle(from, path.end());
        cycle.push_back(ref->name);
        std::string chain = Join(cycle, " → ");
        Add(DiagBuilder(DiagKind::kScopeCycle, file_, ref->range)
                .Message(fmt::format("scope `{}` refers to itself: {}", ref->name, chain),
                         fmt::format("范围「{}」引用了自身：{}", ref->name, chain))
                .Label("this reference closes the cycle", "此处引用形成循环")
                .Secondary(scopes_[ref->name]->id.range, "scope declared here", "范围在此声明")
                .Help("a scope must be defined by columns and other scopes, never by itself",
                      "范围只能由字段和其他范围定义，不能引用自身"));
      }
    }
    path.pop_back();
    state[name] = State::kDone;
  };
  for (const ast::PredicateDecl& scope : ast_.scopes) {
    if (!state.count(scope.id.name)) visit(scope.id.name);
  }
}

}  // namespace planc::sema
