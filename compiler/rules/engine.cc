#include "compiler/rules/engine.h"

#include <fmt/format.h>

#include <map>

#include "compiler/rules/lang.h"
#include "compiler/rules/schema.h"

namespace planc::rules {
namespace {

using sema::CreditClass;

Value Strings(const std::vector<std::string>& items) {
  List out;
  for (const std::string& s : items) out.push_back(Value::Str(s));
  return Value::ListV(std::move(out));
}

Value Make(const Schema& schema, std::map<std::string, Value> fields) {
  auto object = std::make_shared<Object>();
  object->schema = &schema;
  for (const Field& f : schema.fields) {
    auto it = fields.find(f.name);
    object->fields.push_back(it == fields.end() ? Value::Null() : std::move(it->second));
  }
  return Value::Obj(object);
}

// A figure: its value, or Missing without population counts.
Value Figure(const std::optional<std::uint64_t>& n) {
  return n ? Value::Int(static_cast<std::int64_t>(*n)) : Value::Missing();
}

// An expected figure, as printed (two decimals).
Value Expected(bool figures, double value) {
  return figures ? Value::Num(Number::Rounded(value, 2)) : Value::Missing();
}

Value ClassCounts(bool figures, const std::array<std::uint64_t, 5>& counts) {
  if (!figures) return Value::Missing();
  std::map<std::string, Value> fields;
  for (CreditClass c : sema::kCreditClasses) {
    fields[sema::Name(c)] = Value::Int(static_cast<std::int64_t>(counts[static_cast<int>(c)]));
  }
  return Make(ClassCountsSchema(), std::move(fields));
}

Value AmountRatio(const std::optional<sema::Amount>& a) {
  if (!a || !a->ratio) return Value::Null();
  return Value::Num(Number::Of(*a->ratio), true);
}

Value SampleFacts(const sema::Sample& s) {
  using M = sema::Sample::Mode;
  std::map<std::string, Value> f;
  f["mode"] = Value::Str(s.mode == M::kRatio ? "ratio" : s.mode == M::kCount ? "count" : "credit");
  if (s.mode != M::kCredit) {
    if (s.amount.ratio) f["ratio"] = Value::Num(Number::Of(*s.amount.ratio), true);
    if (s.amount.count) f["count"] = Value::Int(*s.amount.count);
    if (s.amount.min) f["min"] = Value::Int(*s.amount.min);
  } else {
    std::map<std::string, Value> classes;
    for (CreditClass c : sema::kCreditClasses) {
      std::optional<sema::Amount> a = s.by_class[static_cast<int>(c)];
      if (c == CreditClass::kU && s.u_from_b) a = s.by_class[static_cast<int>(CreditClass::kB)];
      classes[sema::Name(c)] = AmountRatio(a);
    }
    f["by_class"] = Make(ClassRatiosSchema(), std::move(classes));
  }
  return Make(SampleSchema(), std::move(f)).At(s.range);
}

// A `by credit` sample whose classes are not all drawn alike.
bool Differentiated(const sema::Sample& s) {
  if (s.mode != sema::Sample::Mode::kCredit) return false;
  auto key = [&](int c) {
    const std::optional<sema::Amount>& a =
        c == 4 && s.u_from_b ? s.by_class[1] : s.by_class[static_cast<std::size_t>(c)];
    if (!a) return std::string("-");
    return (a->ratio ? a->ratio->ToString() : "") + "/" + (a->count ? std::to_string(*a->count) : "") +
           "/" + (a->min ? std::to_string(*a->min) : "");
  };
  for (int c = 1; c < 5; ++c) {
    if (key(c) != key(0)) return true;
  }
  return false;
}

Value WindowFacts(Date start, Date end, std::optional<SourceRange> where) {
  Value v = Make(WindowSchema(), {{"start", Value::DateV(start)}, {"end", Value::DateV(end)}});
  v.where = where;
  return v;
}

}  // namespace

Value PlanFacts(const model::Model& model, const overlap::Overlap& overlap,
                const std::vector<std::string>& packs) {
  const sema::Plan& plan = *model.plan;
  bool figures = overlap.figures;
  std::size_t m = 0;
  for (std::size_t i = 0; i < overlap::kModes.size(); ++i) {
    if (overlap::kModes[i] == overlap.mode) m = i;
  }
  // Tasks, twice: the first without `disjoint`, for the lists of partners.
  std::vector<std::map<std::string, Value>> fields(model.tasks.size());
  for (std::size_t i = 0; i < model.tasks.size(); ++i) {
    const model::TaskModel& tm = model.tasks[i];
    const sema::Task& t = *tm.task;
    std::map<std::string, Value>& f = fields[i];
    f["id"] = Value::Str(t.id);
    f["name"] = Value::Str(t.name);
    f["lead"] = Value::Str(t.lead);
    f["with"] = Strings(t.with);
    f["organizer"] = Value::Str(ast::Name(t.organizer));
    f["type"] = Value::Str(ast::Name(t.type));
    f["domain"] = Value::Str(ast::Name(t.domain));
    f["targets"] = Value::Str(expr::ToCanonical(t.targets));
    f["items"] = Strings(t.items);
    std::vector<std::string> methods;
    for (ast::Method method : t.methods) methods.push_back(ast::Name(method));
    f["method"] = Strings(methods);
    f["window"] = WindowFacts(t.window.start, t.window.end, t.window.range);
    f["sample"] = SampleFacts(t.sample);
    f["differentiated"] = Value::Bool(Differentiated(t.sample));
    f["population"] = figures ? Figure(tm.population) : Value::Missing();
    f["population_by_class"] = ClassCounts(figures, tm.population_by_class);
    f["planned"] = figures ? Figure(tm.planned) : Value::Missing();
    f["planned_by_class"] = ClassCounts(figures, tm.planned_by_class);
    f["inspectors"] = Make(InspectorsSchema(), {{"per_visit", Value::Int(t.per_visit)},
                                                {"pool", Value::Str(t.pool)}})
                          .At(t.inspectors_range);
    f["merge"] = Value::Str(ast::Name(t.merge));
    f["group"] = i < overlap.group_of.size()
                     ? Value::Str(overlap.groups[overlap.group_of[i]].id)
                     : Value::Null();
    std::vector<std::string> waived;
    for (const sema::Waiver& w : t.waivers) waived.push_back(w.rule);
    f["waived"] = Strings(waived);
    f["disjoint"] = Value::ListV({});
  }
  std::vector<Value> first(model.tasks.size());
  for (std::size_t i = 0; i < model.tasks.size(); ++i) {
    first[i] = Make(TaskSchema(), fields[i]).At(model.tasks[i].task->id_range);
  }
  std::vector<List> partners(model.tasks.size());
  for (const overlap::Edge& e : overlap.disjoint) partners[e.b].push_back(first[e.a]);
  std::vector<Value> tasks(model.tasks.size());
  for (std::size_t i = 0; i < model.tasks.size(); ++i) {
    fields[i]["disjoint"] = Value::ListV(std::move(partners[i]));
    tasks[i] = Make(TaskSchema(), std::move(fields[i])).At(model.tasks[i].task->id_range);
  }
  List groups;
  for (const overlap::Group& g : overlap.groups) {
    List members;
    for (std::size_t t : g.tasks) members.push_back(tasks[t]);
    std::map<std::string, Value> f;
    f["id"] = Value::Str(g.id);
    f["tasks"] = Value::ListV(std::move(members));
    f["coordination"] = Value::Str(ast::Name(overlap.mode));
    f["window"] = g.common ? WindowFacts(g.common->first, g.common->second, std::nullopt) : Value::Null();
    f["planned"] = figures ? Figure(g.planned) : Value::Missing();
    f["reached"] = Expected(figures, g.expected[m].reached_base);
    f["visits"] = Expected(figures, g.expected[m].visits);
    groups.push_back(Make(GroupSchema(), std::move(f)).At(model.tasks[g.tasks.front()].task->id_range));
  }
  std::map<std::string, Value> f;
  f["title"] = Value::Str(plan.title);
  f["authority"] = Value::Str(plan.authority);
  f["document"] = Value::Str(plan.document);
  f["year"] = Value::Int(plan.year);
  f["issued"] = plan.issued ? Value::DateV(*plan.issued) : Value::Null();
  f["packs"] = Strings(packs);
  f["base"] = figures ? Figure(model.base) : Value::Missing();
  f["base_by_class"] = ClassCounts(figures && model.population.has_value(),
                                   model.population ? model.population->base
                                                    : std::array<std::uint64_t, 5>{});
  f["tasks"] = Value::ListV(std::move(tasks));
  f["groups"] = Value::ListV(std::move(groups));
  f["planned"] = figures ? Figure(model.planned) : Value::Missing();
  Value reached = Expected(figures, overlap.expected[m].reached_base);
  f["reached"] = reached;
  f["drawn"] = Expected(figures, overlap.expected[m].reached);
  f["visits"] = Expected(figures, overlap.expected[m].visits);
  f["coverage"] = Value::Missing();
  if (figures && model.base && *model.base > 0) {
    std::optional<Number> c = reached.number.Div(Number::Of(static_cast<std::int64_t>(*model.base)));
    if (c) f["coverage"] = Value::Num(*c, true);
  }
  return Make(PlanSchema(), std::move(f)).At(plan.plan_range);
}

namespace {

class Runner {
 public:
  Runner(const RuleSet& rules, const model::Model& model, Value plan, bool strict, Diagnostics& diags)
      : rules_(rules), model_(model), plan_(std::move(plan)), strict_(strict), diags_(diags),
        eval_(rules.calendar ? &*rules.calendar : nullptr) {}

  void Run() {
    for (const Rule& rule : rules_.rules) Apply(rule);
  }

 private:
  void Apply(const Rule& rule) {
    std::vector<const Value*> subjects;
    const char* name = rule.subject == RuleFor::kTask ? "task" : rule.subject == RuleFor::kGroup ? "group" : nullptr;
    if (rule.subject == RuleFor::kPlan) {
      subjects.push_back(&plan_);
    } else {
      const Value& list = plan_.Get(rule.subject == RuleFor::kTask ? "tasks" : "groups");
      for (const Value& v : *list.list) subjects.push_back(&v);
    }
    bool unchecked = false;
    for (const Value* subject : subjects) {
      Names<Value> names;
      names.Push("plan", plan_);
      names.Push("params", rules_.params_value);
      if (name) names.Push(name, *subject);
      EvalError error;
      if (rule.when) {
        std::optional<Value> when = eval_.Eval(rule.when->expr, names, &error);
        if (!when) return Broken(rule, *rule.when, error);
        if (when->kind == Value::Kind::kMissing) {
          unchecked = true;
          continue;
        }
        if (!when->truth) continue;
      }
      std::optional<Value> ok = eval_.Eval(rule.require.expr, names, &error);
      if (!ok) return Broken(rule, rule.require, error);
      if (ok->kind == Value::Kind::kMissing) {
        unchecked = true;
        continue;
      }
      if (ok->truth) continue;
      if (!Finding(rule, *subject, names)) return;
    }
    if (unchecked) Unchecked(rule);
  }

  std::shared_ptr<const RuleRef> Ref(const Rule& rule) {
    auto ref = std::make_shared<RuleRef>();
    ref->pack = rule.pack;
    ref->cite = rule.cite_text;
    ref->title = {rule.title, rule.title};
    ref->help = {rule.explain, rule.explain};
    return ref;
  }

  // A rule the plan fails for `subject`; false when its message could not
  // be computed (then reported as a broken rule).
  bool Finding(const Rule& rule, const Value& subject, Names<Value>& names) {
    std::string message, help;
    EvalError error;
    const PackExpr* broken = nullptr;
    if (!Interpolate(rule.message, names, message, error, broken) ||
        !Interpolate(rule.help, names, help, error, broken)) {
      Broken(rule, *broken, error);
      return false;
    }
    SourceRange where = subject.where.value_or(model_.plan->plan_range);
    if (rule.at) {
      std::optional<Value> at = eval_.Eval(rule.at->expr, names, &error);
      if (at && at->where) where = *at->where;
    }
    Diagnostic d;
    d.code = rule.id;
    d.severity = rule.severity;
    d.message = {message, message};
    d.primary = Location{model_.plan->file, where, {}};
    d.help = {help, help};
    d.rule = Ref(rule);
    if (rule.subject == RuleFor::kTask) {
      const std::string& id = subject.Get("id").text;
      for (const model::TaskModel& t : model_.tasks) {
        if (t.task->id != id) continue;
        for (const sema::Waiver& w : t.task->waivers) {
          if (w.rule != rule.id) continue;
          d.severity = Severity::kNote;
          d.notes.push_back({fmt::format("waived for `{}`: {}", id, w.reason),
                             fmt::format("已对「{}」豁免：{}", id, w.reason)});
          d.secondary.push_back(Location{model_.plan->file, w.range, {"the waiver", "豁免"}});
        }
      }
    }
    if (!rule.cite_text.empty()) {
      d.notes.push_back({fmt::format("{} ({}): {}", rule.id, rule.cite_text, rule.title),
                         fmt::format("{}（{}）：{}", rule.id, rule.cite_text, rule.title)});
    }
    diags_.Add(std::move(d));
    return true;
  }

  bool Interpolate(const Template& t, Names<Value>& names, std::string& out, EvalError& error,
                   const PackExpr*& broken) {
    for (const Template::Part& part : t.parts) {
      if (!part.expr) {
        out += part.text;
        continue;
      }
      std::optional<Value> v = eval_.Eval(part.expr->expr, names, &error);
      if (!v) {
        broken = &*part.expr;
        return false;
      }
      out += Format(*v);
    }
    return true;
  }

  void Broken(const Rule& rule, const PackExpr& e, const EvalError& error) {
    Diagnostic d;
    d.code = rule.id;
    d.severity = Severity::kError;
    d.message = {fmt::format("rule `{}` cannot be evaluated: {}", rule.id, error.en),
                 fmt::format("规则「{}」无法求值：{}", rule.id, error.zh)};
    d.primary = Location{e.file, error.range, {}};
    d.rule = Ref(rule);
    diags_.Add(std::move(d));
  }

  void Unchecked(const Rule& rule) {
    Diagnostic d;
    d.code = rule.id;
    d.severity = strict_ ? Severity::kError : Severity::kNote;
    d.message = {fmt::format("rule `{}` cannot be checked without population counts: pass "
                             "--registry or --stats",
                             rule.id),
                 fmt::format("没有名录数据，无法检查规则「{}」：请提供 --registry 或 --stats", rule.id)};
    d.primary = Location{model_.plan->file, model_.plan->plan_range, {}};
    d.notes.push_back({rule.title, rule.title});
    d.rule = Ref(rule);
    diags_.Add(std::move(d));
  }

  const RuleSet& rules_;
  const model::Model& model_;
  Value plan_;
  bool strict_;
  Diagnostics& diags_;
  Evaluator eval_;
};

}  // namespace

namespace {

bool IsMacro(const std::string& name) {
  return name == "filter" || name == "map" || name == "all" || name == "exists";
}

// Every sub-expression of `e` but literals, innermost first, with its value;
// a macro's body is shown whole (its variable is bound only inside).
void Trace(const expr::Expr& e, Evaluator& eval, Names<Value>& names, std::string& out) {
  if (e.kind == expr::Expr::Kind::kLiteral) return;
  std::size_t last = e.children.size();
  if (e.kind == expr::Expr::Kind::kCall && e.has_receiver && IsMacro(e.name)) last = 1;
  for (std::size_t i = 0; i < last; ++i) Trace(e.children[i], eval, names, out);
  if (e.kind == expr::Expr::Kind::kName) return;  // plan, task, params: shown by their fields
  EvalError error;
  std::optional<Value> v = eval.Eval(e, names, &error);
  if (v && v->kind == Value::Kind::kObject) return;  // shown by the fields read from it
  std::string shown = !v                                   ? "error: " + error.en
                      : v->kind == Value::Kind::kMissing ? "? (no population counts)"
                      : v->kind == Value::Kind::kString  ? "\"" + v->text + "\""
                      : v->kind == Value::Kind::kList    ? "[" + Format(*v) + "]"
                                                          : Format(*v);
  out += "    " + expr::ToCanonical(e) + " = " + shown + "\n";
}

}  // namespace

std::string TraceRule(const RuleSet& rules, const std::string& id, const model::Model& model,
                      const overlap::Overlap& overlap) {
  const Rule* rule = rules.Find(id);
  if (rule == nullptr) return {};
  Value plan = PlanFacts(model, overlap, rules.packs);
  Evaluator eval(rules.calendar ? &*rules.calendar : nullptr);
  std::vector<std::pair<std::string, const Value*>> subjects;
  const char* name = rule->subject == RuleFor::kTask ? "task" : rule->subject == RuleFor::kGroup ? "group" : "plan";
  if (rule->subject == RuleFor::kPlan) {
    subjects.emplace_back("plan", &plan);
  } else {
    for (const Value& v : *plan.Get(rule->subject == RuleFor::kTask ? "tasks" : "groups").list) {
      subjects.emplace_back(std::string(name) + " " + v.Get("id").text, &v);
    }
  }
  std::string out = fmt::format("trace of {} ({}): {}\n", rule->id, rule->pack, rule->title);
  for (const auto& [label, subject] : subjects) {
    Names<Value> names;
    names.Push("plan", plan);
    names.Push("params", rules.params_value);
    if (rule->subject != RuleFor::kPlan) names.Push(name, *subject);
    out += "  " + label + ":\n";
    if (rule->when) {
      out += "   when\n";
      Trace(rule->when->expr, eval, names, out);
    }
    out += "   require\n";
    Trace(rule->require.expr, eval, names, out);
  }
  return out;
}

void ApplyRules(const RuleSet& rules, const model::Model& model, const overlap::Overlap& overlap,
                bool strict, Diagnostics& diags) {
  Runner(rules, model, PlanFacts(model, overlap, rules.packs), strict, diags).Run();
}

}  // namespace planc::rules
