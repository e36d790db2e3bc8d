// Task blocks: required and repeated fields, values, samples, windows, waivers.
#include <algorithm>

#include <fmt/format.h>

#include "compiler/sema/analyzer.h"
#include "compiler/sema/sema.h"
#include "compiler/util/strings.h"

namespace planc::sema {
namespace {

using K = ast::TaskFieldKind;

constexpr K kRequired[] = {K::kLead, K::kTargets, K::kItems, K::kSample, K::kWindow,
                           K::kInspectors};

const char* RequiredExample(K kind) {
  switch (kind) {
    case K::kLead: return "lead 食品流通监管股";
    case K::kTargets: return "targets 食品销售者";
    case K::kItems: return "items [\"食品经营许可情况的检查\"]";
    case K::kSample: return "sample by credit { A: 1%, B: 3%, C: 10%, D: 30%, U: 3% }";
    case K::kWindow: return "window 2024-05 .. 2024-09";
    case K::kInspectors: return "inspectors 2 from 食品执法";
    default: return "";
  }
}

}  // namespace

void Analyzer::AnalyzeTask(const ast::TaskDecl& decl) {
  Task task;
  task.id = decl.id.name;
  task.name = decl.name.value;
  task.range = decl.range;
  task.id_range = decl.id.range;
  std::map<K, const ast::TaskField*> seen;
  for (const ast::TaskField& field : decl.fields) {
    if (field.kind != K::kWaive) {
      auto [it, inserted] = seen.emplace(field.kind, &field);
      if (!inserted) {
        const char* name = ast::Name(field.kind);
        Add(DiagBuilder(DiagKind::kDuplicateField, file_, field.keyword)
                .Message(fmt::format("`{}` is given twice in task `{}`", name, task.id),
                         fmt::format("任务「{}」中 `{}` 出现了两次", task.id, name))
                .Label("given again here", "此处再次给出")
                .Secondary(it->second->keyword, "first given here", "首次给出在此")
                .Help("keep one of them; a list field takes several values at once: "
                      "`with A, B`",
                      "请只保留一个；列表字段可以一次写多个值：`with A, B`"));
        continue;
      }
    }
    switch (field.kind) {
      case K::kType: task.type = field.type; break;
      case K::kDomain: task.domain = field.domain; break;
      case K::kOrganizer: task.organizer = field.organizer; break;
      case K::kMerge: task.merge = field.merge; break;
      case K::kLead:
        if (!field.ident.name.empty() && ResolveUnit(field.ident)) task.lead = field.ident.name;
        break;
      case K::kWith:
        for (const ast::Ident& id : field.idents) {
          if (ResolveUnit(id)) task.with.push_back(id.name);
        }
        break;
      case K::kTargets:
        task.targets = field.expr;
        CheckCondition(field.expr, false, "");
        break;
      case K::kItems: {
        if (field.strings.empty()) {
          Add(DiagBuilder(DiagKind::kEmptyItems, file_, field.range)
                  .Message(fmt::format("task `{}` lists no check items", task.id),
                           fmt::format("任务「{}」没有列出抽查事项", task.id))
                  .Label("empty list", "空列表")
                  .Help("name the items from the 随机抽查事项清单 that this task checks",
                        "请列出本任务检查的随机抽查事项清单中的事项"));
        }
        std::map<std::string, SourceRange> first;
        for (const ast::StringLit& item : field.strings) {
          auto [it, inserted] = first.emplace(item.value, item.range);
          if (inserted) {
            task.items.push_back(item.value);
            continue;
          }
          Add(DiagBuilder(DiagKind::kDuplicateItem, file_, item.range)
                  .Message(fmt::format("check item \"{}\" is listed twice", item.value),
                           fmt::format("抽查事项“{}”重复列出", item.value))
                  .Label("listed again here", "此处再次列出")
                  .Secondary(it->second, "first listed here", "首次列出在此"));
        }
        break;
      }
      case K::kMethod:
        for (const ast::MethodRef& m : field.methods) task.methods.push_back(m.method);
        break;
      case K::kSample:
        if (auto sample = AnalyzeSample(field.sample)) task.sample = *sample;
        break;
      case K::kWindow:
        if (auto window = AnalyzeWindow(field)) task.window = *window;
        break;
      case K::kInspectors:
        task.inspectors_range = field.range;
        if (auto n = CountValue(field.literal, "inspectors", 1)) task.per_visit = static_cast<int>(*n);
        if (!field.ident.name.empty() && ResolvePool(field.ident)) task.pool = field.ident.name;
        break;
      case K::kNote:
        task.note = StringValue(field.literal, "note").value_or("");
        break;
      case K::kWaive:
        task.waivers.push_back({field.ident.name, field.reason.value, field.range});
        break;
    }
  }
  if (task.methods.empty()) task.methods.push_back(ast::Method::kOnsite);
  if (!task.lead.empty() && seen.count(K::kWith)) {
    // Reported once, at the first mention of the lead in `with`.
    for (const ast::Ident& id : seen[K::kWith]->idents) {
      if (id.name != task.lead) continue;
      const std::string& unit = id.name;
      Add(DiagBuilder(DiagKind::kLeadAlsoWith, file_, id.range)
              .Message(fmt::format("`{}` leads task `{}` and is also listed under `with`", unit,
                                   task.id),
                       fmt::format("「{}」是任务「{}」的牵头单位，又被列为配合单位", unit, task.id))
              .Label("already the lead", "已是牵头单位")
              .Secondary(seen[K::kLead]->ident.range, "lead given here", "牵头单位在此")
              .Help("remove it from `with`", "请从 with 中删除它"));
      break;
    }
  }
  std::vector<K> missing;
  for (K kind : kRequired) {
    if (!seen.count(kind)) missing.push_back(kind);
  }
  if (!decl.has_syntax_error && !missing.empty()) {
    std::vector<std::string> names;
    for (K kind : missing) names.push_back(std::string("`") + ast::Name(kind) + "`");
    DiagBuilder d(DiagKind::kMissingField, file_, decl.id.range);
    d.Message(fmt::format("task `{}` has no {}", task.id, Join(names, ", ")),
              fmt::format("任务「{}」缺少 {}", task.id, Join(names, "、")))
        .Label(missing.size() == 1 ? "a required field is missing" : "required fields are missing",
               "缺少必填字段");
    for (K kind : missing) {
      d.Note(fmt::format("add `{}`", RequiredExample(kind)),
             fmt::format("请加上 `{}`", RequiredExample(kind)));
    }
    Add(std::move(d));
  }
  plan_.tasks.push_back(std::move(task));
}

std::optional<Sample> Analyzer::AnalyzeSample(const ast::Sample& sample) {
  Sample out;
  out.range = sample.range;
  if (!sample.by_credit) {
    std::optional<Amount> amount = AmountValue(sample.amount);
    if (!amount) return std::nullopt;
    out.mode = amount->count ? Sample::Mode::kCount : Sample::Mode::kRatio;
    out.amount = *amount;
    return out;
  }
  out.mode = Sample::Mode::kCredit;
  bool ok = true;
  bool class_reported = false;  // E0116/E0117 already explain a missing class
  std::array<SourceRange, 5> where{};
  static const std::vector<std::string> kClassNames = {"A", "B", "C", "D", "U"};
  for (const ast::CreditEntry& entry : sample.entries) {
    const std::string& name = entry.credit_class.name;
    auto found = std::find(kClassNames.begin(), kClassNames.end(), name);
    std::optional<Amount> amount = AmountValue(entry.amount);
    ok = ok && amount.has_value();
    if (found == kClassNames.end()) {
      DiagBuilder d(DiagKind::kUnknownCreditClass, file_, entry.credit_class.range);
      d.Message(fmt::format("`{}` is not a credit class", name),
                fmt::format("`{}` 不是信用风险分类", name))
          .Label("expected A, B, C, D or U", "应为 A、B、C、D 或 U")
          .Note("classes are A (low risk) to D (high risk), and U for not yet classified",
                "分类为 A（低风险）至 D（高风险），U 表示尚未分类");
      std::string upper = name;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (std::find(kClassNames.begin(), kClassNames.end(), upper) != kClassNames.end()) {
        d.Help(fmt::format("write `{}`", upper), fmt::format("请写成 `{}`", upper))
            .WithFix(fmt::format("write `{}`", upper), fmt::format("改为 `{}`", upper),
                     {{entry.credit_class.range, upper}});
      }
      Add(std::move(d));
      ok = false;
      class_reported = true;
      continue;
    }
    auto index = static_cast<std::size_t>(found - kClassNames.begin());
    if (out.by_class[index] || where[index].end != 0) {
      Add(DiagBuilder(DiagKind::kDuplicateCreditClass, file_, entry.credit_class.range)
              .Message(fmt::format("class {} is given twice", name),
                       fmt::format("{} 类重复给出", name))
              .Label("given again here", "此处再次给出")
              .Secondary(where[index], "first given here", "首次给出在此"));
      ok = false;
      class_reported = true;
      continue;
    }
    where[index] = entry.credit_class.range;
    if (amount) out.by_class[index] = amount;
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < 4; ++i) {
    if (where[i].end == 0) missing.push_back(kClassNames[i]);
  }
  if (!missing.empty() && !class_reported) {
    Add(DiagBuilder(DiagKind::kMissingCreditClass, file_, sample.range)
            .Message(fmt::format("`by credit` gives no value for class {}", Join(missing, ", ")),
                     fmt::format("按信用抽查缺少 {} 类的比例", Join(missing, "、")))
            .Label(fmt::format("missing {}", Join(missing, ", ")),
                   fmt::format("缺少 {}", Join(missing, "、")))
            .Help("give every class A, B, C and D a ratio or a count; `0%` excludes a class",
                  "A、B、C、D 每一类都要给出比例或数量；`0%` 表示不抽该类"));
  }
  if (!missing.empty()) ok = false;
  if (ok && where[4].end == 0) {
    out.u_from_b = true;
    out.by_class[4] = out.by_class[1];
    Add(DiagBuilder(DiagKind::kUnclassifiedDefault, file_, sample.range)
            .Message("class U (not yet classified) is not given: it takes class B's value",
                     "未给出 U 类（尚未分类）：按 B 类的比例抽取")
            .Label("no `U:` here", "此处没有 `U:`")
            .Help("write `U: …` to choose the value yourself", "如需另定比例，请写 `U: …`"));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<Window> Analyzer::AnalyzeWindow(const ast::TaskField& field) {
  std::optional<Date> start = BoundValue(field.literal, false);
  std::optional<Date> end = BoundValue(field.literal2, true);
  if (!start || !end) return std::nullopt;
  if (*end < *start) {
    Add(DiagBuilder(DiagKind::kWindowReversed, file_, field.range)
            .Message(fmt::format("window ends on {} before it starts on {}", end->ToString(),
                                 start->ToString()),
                     fmt::format("时间的结束日 {} 早于开始日 {}", end->ToString(), start->ToString()))
            .Label("ends before it starts", "结束早于开始")
            .Help("write the earlier date first: `window START .. END`",
                  "请先写较早的日期：`window 开始 .. 结束`"));
    return std::nullopt;
  }
  Window window{*start, *end, field.range};
  // With rule packs, their `window-in-year` rule says this (or, when no
  // pack has one, CheckWindowsInYear after the packs are loaded).
  if (plan_.rule_packs.empty() && !WindowInYear(window, plan_.year, file_, diags_)) {
    return std::nullopt;
  }
  return window;
}

void Analyzer::AnalyzeWaives() {
  for (const ast::WaiveDecl& waive : ast_.waives) {
    for (const ast::Ident& id : waive.tasks) {
      if (!ResolveTask(id, waive.tasks)) continue;
      for (Task& task : plan_.tasks) {
        if (task.id == id.name) task.waivers.push_back({waive.rule.name, waive.reason.value, waive.range});
      }
    }
  }
}

bool WindowInYear(const Window& window, int year, const SourcePtr& file, Diagnostics& diags) {
  if (year == 0 || (window.start.year == year && window.end.year == year)) return true;
  diags.Add(DiagBuilder(DiagKind::kWindowOutsideYear, file, window.range)
                .Message(fmt::format("window {} .. {} is not inside the plan year {}",
                                     window.start.ToString(), window.end.ToString(), year),
                         fmt::format("时间 {} .. {} 不在计划年度 {} 内", window.start.ToString(),
                                     window.end.ToString(), year))
                .Label(fmt::format("outside {}", year), fmt::format("超出 {} 年", year))
                .Help(fmt::format("keep the window between {0}-01-01 and {0}-12-31", year),
                      fmt::format("请把时间限定在 {0}-01-01 至 {0}-12-31 之间", year)));
  return false;
}

void CheckWindowsInYear(const Plan& plan, Diagnostics& diags) {
  for (const Task& task : plan.tasks) WindowInYear(task.window, plan.year, plan.file, diags);
}

}  // namespace planc::sema
