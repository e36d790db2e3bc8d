#include "compiler/model/model.h"

#include <map>

#include <fmt/format.h>

namespace planc::model {
namespace {

// GCC's 128-bit integer, for exact products of 64-bit figures.
__extension__ using Int128 = __int128;

using sema::CreditClass;

Int128 Pow10(int n) {
  Int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

Stratum StratumOf(const std::string& name, const sema::Amount& amount) {
  Stratum s;
  s.name = name;
  s.ratio = amount.ratio;
  s.count = amount.count;
  s.min = amount.min;
  s.range = amount.range;
  return s;
}

}  // namespace

std::uint64_t SampleSize(const Stratum& stratum, std::uint64_t population) {
  auto n = static_cast<Int128>(population);
  Int128 size = 0;
  if (stratum.ratio) {
    Int128 units = stratum.ratio->units();
    Int128 scale = Pow10(stratum.ratio->scale());
    size = (units * n + scale - 1) / scale;  // ceil(r·N), exact
    if (stratum.min) size = std::max<Int128>(size, *stratum.min);
  } else if (stratum.count) {
    size = *stratum.count;
  }
  return static_cast<std::uint64_t>(std::min(size, n));
}

Model BuildModel(const sema::Plan& plan, std::optional<data::Population> population,
                 std::string population_source, Diagnostics& diags) {
  Model model;
  model.plan = &plan;
  model.population = std::move(population);
  model.population_source = std::move(population_source);
  const data::Population* pop = model.population ? &*model.population : nullptr;
  if (pop) {
    std::uint64_t base = 0;
    for (std::uint64_t n : pop->base) base += n;
    model.base = base;
    model.planned = 0;
  }
  // Every task's population per class, in one pass over the atoms.
  std::map<std::string, std::array<std::uint64_t, 5>> by_class;
  if (pop) {
    for (const sema::Task& task : plan.tasks) by_class[task.id] = {};
    for (const data::Atom& atom : pop->atoms) {
      for (const std::string& id : atom.tasks) {
        auto it = by_class.find(id);
        if (it != by_class.end()) it->second[static_cast<int>(atom.credit)] += atom.count;
      }
    }
  }
  for (const sema::Task& task : plan.tasks) {
    TaskModel tm;
    tm.task = &task;
    if (pop) tm.population_by_class = by_class[task.id];
    if (task.sample.mode == sema::Sample::Mode::kCredit) {
      for (CreditClass c : sema::kCreditClasses) {
        const auto& amount = task.sample.by_class[static_cast<int>(c)];
        if (amount) tm.strata.push_back(StratumOf(sema::Name(c), *amount));
      }
    } else {
      tm.strata.push_back(StratumOf("*", task.sample.amount));
    }
    if (pop) {
      tm.population = 0;
      tm.planned = 0;
      for (Stratum& s : tm.strata) {
        std::uint64_t n = 0;
        if (s.name == "*") {
          for (std::uint64_t part : tm.population_by_class) n += part;
        } else {
          n = tm.population_by_class[s.name[0] == 'U' ? 4 : s.name[0] - 'A'];
        }
        s.population = n;
        s.n = SampleSize(s, n);
        *tm.population += n;
        *tm.planned += *s.n;
        if (s.name != "*") tm.planned_by_class[s.name[0] == 'U' ? 4 : s.name[0] - 'A'] = *s.n;
        if (s.count && static_cast<std::uint64_t>(*s.count) > n) {
          std::string where = s.name == "*" ? "" : fmt::format(" of class {}", s.name);
          std::string where_zh = s.name == "*" ? "" : fmt::format(" {} 类", s.name);
          diags.Add(DiagBuilder(DiagKind::kFewerThanAsked, plan.file, s.range)
                        .Message(fmt::format("task `{}` asks for {} units{} but there {} only {}",
                                             task.id, *s.count, where, n == 1 ? "is" : "are", n),
                                 fmt::format("任务「{}」要求抽取{} {} 户，但只有 {} 户", task.id,
                                             where_zh, *s.count, n))
                        .Label(fmt::format("{} will be drawn", n), fmt::format("实际只能抽 {} 户", n))
                        .Note(fmt::format("population from {}", model.population_source),
                              fmt::format("人口数据来自 {}", model.population_source)));
        }
      }
      *model.planned += *tm.planned;
    }
    model.tasks.push_back(std::move(tm));
  }
  return model;
}

void AddInspectors(Model& model, data::Inspectors inspectors, std::string source,
                   Diagnostics& diags) {
  for (const TaskModel& tm : model.tasks) {
    const sema::Task& task = *tm.task;
    auto it = inspectors.pool_sizes.find(task.pool);
    if (it == inspectors.pool_sizes.end() || it->second >= static_cast<std::uint64_t>(task.per_visit)) {
      continue;
    }
    diags.Add(DiagBuilder(DiagKind::kPoolTooSmall, model.plan->file, task.inspectors_range)
                  .Message(fmt::format("pool `{}` has {} active inspector{}; task `{}` sends {} "
                                       "to each visit",
                                       task.pool, it->second, it->second == 1 ? "" : "s", task.id,
                                       task.per_visit),
                           fmt::format("人员库「{}」只有 {} 名在岗执法人员；任务「{}」每次检查需派 {} 名",
                                       task.pool, it->second, task.id, task.per_visit))
                  .Label("its visits cannot be staffed", "无法为其检查派员")
                  .Note(fmt::format("inspectors from {}", source),
                        fmt::format("执法人员数据来自 {}", source))
                  .Help("widen the pool's predicate, or add qualified inspectors to the directory",
                        "请放宽人员库的条件，或在人员名录中补充具备资格的执法人员"));
  }
  model.inspectors = std::move(inspectors);
  model.inspectors_source = std::move(source);
}

std::string DumpModel(const Model& model, bool spans) {
  std::string out;
  const sema::Plan& plan = *model.plan;
  auto at = [&](SourceRange r) {
    if (!spans) return std::string();
    LineCol b = plan.file->Position(r.begin), e = plan.file->Position(r.end);
    return fmt::format("@{}:{}-{}:{}", b.line, b.column, e.line, e.column);
  };
  if (model.population) {
    const data::Population& p = *model.population;
    out += fmt::format("Population from {}: registry sha256 {}, {} rows, {} active, newest {}\n",
                       model.population_source, p.sha256, p.rows, p.active, p.date);
    out += fmt::format("  base {} = A {} B {} C {} D {} U {} ({})\n", *model.base, p.base[0],
                       p.base[1], p.base[2], p.base[3], p.base[4], p.base_predicate);
    out += fmt::format("  planned {}\n", *model.planned);
  } else {
    out += "Population: none (give --registry or --stats)\n";
  }
  if (model.inspectors) {
    const data::Inspectors& in = *model.inspectors;
    out += fmt::format("Inspectors from {}: sha256 {}, {} rows, {} active\n",
                       model.inspectors_source, in.sha256, in.rows, in.active);
    for (const auto& [pool, size] : in.pool_sizes) out += fmt::format("  pool {} {}\n", pool, size);
  }
  for (const TaskModel& tm : model.tasks) {
    out += fmt::format("Task {} \"{}\"", tm.task->id, tm.task->name);
    if (tm.population) out += fmt::format(" population {} planned {}", *tm.population, *tm.planned);
    out += fmt::format(" {}\n", at(tm.task->sample.range));
    for (const Stratum& s : tm.strata) {
      std::string rule = s.ratio ? "ratio " + s.ratio->ToString()
                                 : (s.count ? fmt::format("count {}", *s.count) : "none");
      if (s.min) rule += fmt::format(" min {}", *s.min);
      out += fmt::format("  stratum {} {}", s.name, rule);
      if (s.population) out += fmt::format(" population {} n {}", *s.population, *s.n);
      out += fmt::format(" {}\n", at(s.range));
    }
  }
  return out;
}

std::string SummaryTable(const Model& model, Lang lang) {
  bool zh = lang == Lang::kZh;
  std::string out;
  if (model.inspectors) {
    out += fmt::format(zh ? "执法人员：{}（{} 人在岗）\n" : "inspectors: {} ({} active)\n",
                       model.inspectors_source, model.inspectors->active);
    for (const auto& [pool, size] : model.inspectors->pool_sizes) {
      out += fmt::format(zh ? "  人员库 {}：{} 人\n" : "  pool {}: {}\n", pool, size);
    }
  }
  if (!model.population) return out;
  out += fmt::format(
      zh ? "人口数据：{}（{} 户在册，其中基数 {} 户）\n"
         : "population: {} ({} active units, base {})\n",
      model.population_source, model.population->active, *model.base);
  out += fmt::format("{:<8}{:>12}{:>10}{:>8}{:>8}{:>8}{:>8}{:>8}\n", zh ? "任务" : "task",
                     zh ? "对象户数" : "population", zh ? "计划抽取" : "planned", "A", "B", "C",
                     "D", "U");
  for (const TaskModel& tm : model.tasks) {
    std::string classes;
    if (tm.strata.size() == 1 && tm.strata[0].name == "*") {
      classes = fmt::format("{:>40}", zh ? "（不分类）" : "(no classes)");
    } else {
      for (int c = 0; c < 5; ++c) classes += fmt::format("{:>8}", tm.planned_by_class[c]);
    }
    out += fmt::format("{:<8}{:>12}{:>10}{}\n", tm.task->id, *tm.population, *tm.planned, classes);
  }
  out += fmt::format("{:<8}{:>12}{:>10}\n", zh ? "合计" : "total", "", *model.planned);
  return out;
}

}  // namespace planc::model
