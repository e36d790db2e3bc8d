#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "compiler/emit/emit.h"

namespace planc::emit {
namespace {

using Json = nlohmann::ordered_json;

// Bytes that are not UTF-8 (a path, say) are replaced, never thrown over.
std::string Text(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Json Window(const Date& start, const Date& end) {
  return Json{{"start", start.ToString()}, {"end", end.ToString()}};
}

// An expected figure: the number with the two decimals every other output
// prints (overlap::FormatExpected), so that all outputs agree.
Json Expected(double value) { return Json(std::stod(overlap::FormatExpected(value))); }

Json PlanInfo(const sema::Plan& plan) {
  return Json{{"title", plan.title}, {"document", plan.document}, {"year", plan.year}};
}

Json Figures(const std::array<overlap::Figures, 3>& figures, std::uint64_t base) {
  Json out = Json::object();
  for (std::size_t m = 0; m < overlap::kModes.size(); ++m) {
    double coverage = base == 0 ? 0 : 100 * figures[m].reached_base / static_cast<double>(base);
    out[ast::Name(overlap::kModes[m])] = Json{{"reached", Expected(figures[m].reached)},
                                              {"reached_base", Expected(figures[m].reached_base)},
                                              {"coverage_percent", Expected(coverage)},
                                              {"visits", Expected(figures[m].visits)}};
  }
  return out;
}

Json Optional(const std::optional<std::uint64_t>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

std::string DrawJobsJson(const model::Model& model, const overlap::Overlap& overlap) {
  const sema::Plan& plan = *model.plan;
  Json jobs = Json::array();
  for (const overlap::Group& g : overlap.groups) {
    Json tasks = Json::array();
    for (std::size_t index : g.tasks) {
      const model::TaskModel& tm = model.tasks[index];
      const sema::Task& t = *tm.task;
      Json strata = Json::array();
      for (const model::Stratum& s : tm.strata) {
        Json stratum{{"stratum", s.name},
                     {"ratio", s.ratio ? Json(s.ratio->ToString()) : Json(nullptr)},
                     {"count", s.count ? Json(*s.count) : Json(nullptr)},
                     {"min", s.min ? Json(*s.min) : Json(nullptr)}};
        if (s.population) stratum["population"] = *s.population;
        if (s.n) stratum["n"] = *s.n;
        strata.push_back(std::move(stratum));
      }
      Json methods = Json::array();
      for (ast::Method m : t.methods) methods.push_back(ast::Name(m));
      std::string pool_predicate;
      for (const sema::Predicate& pool : plan.pools) {
        if (pool.id == t.pool) pool_predicate = expr::ToCanonical(pool.expr);
      }
      tasks.push_back(Json{{"id", t.id},
                           {"name", t.name},
                           {"organizer", ast::Name(t.organizer)},
                           {"lead", t.lead},
                           {"with", t.with},
                           {"targets", expr::ToCanonical(t.targets)},
                           {"items", t.items},
                           {"method", methods},
                           {"merge", ast::Name(t.merge)},
                           {"window", Window(t.window.start, t.window.end)},
                           {"strata", strata},
                           {"inspectors", Json{{"per_visit", t.per_visit},
                                               {"pool", t.pool},
                                               {"predicate", pool_predicate}}}});
    }
    jobs.push_back(Json{{"group", g.id}, {"coordination", ast::Name(overlap.mode)},
                        {"tasks", tasks}});
  }
  // The named predicates targets and pools may use, so that a reader of the
  // jobs needs nothing else of the plan.
  Json scopes = Json::object(), pools = Json::object();
  std::map<std::string, std::string> sorted_scopes, sorted_pools;
  for (const sema::Predicate& scope : plan.scopes) {
    sorted_scopes[scope.id] = expr::ToCanonical(scope.expr);
  }
  for (const sema::Predicate& pool : plan.pools) {
    sorted_pools[pool.id] = expr::ToCanonical(pool.expr);
  }
  for (const auto& [name, predicate] : sorted_scopes) scopes[name] = predicate;
  for (const auto& [name, predicate] : sorted_pools) pools[name] = predicate;
  Json population = nullptr;
  if (model.population) {
    population = Json{{"source", model.population_source},
                      {"from", model.population_from_stats ? "stats" : "registry"},
                      {"registry_sha256", model.population->sha256},
                      {"base", model.base.value_or(0)}};
  }
  Json out{{"schema", "planc/drawjobs@1"},
           {"algorithm", "planc/prn/v1"},
           {"plan", PlanInfo(plan)},
           {"jobs", jobs},
           {"scopes", scopes},
           {"pools", pools},
           {"base", plan.base ? expr::ToCanonical(*plan.base) : data::DefaultBasePredicate()},
           {"population", population}};
  return Text(out);
}

std::string ScheduleJson(const model::Model& model, const overlap::Overlap& overlap) {
  const sema::Plan& plan = *model.plan;
  auto id = [&](std::size_t t) { return model.tasks[t].task->id; };
  std::uint64_t base = overlap.base.value_or(0);
  Json population = nullptr;
  if (overlap.figures) {
    population = Json{{"source", model.population_source}, {"base", base}};
  }
  Json tasks = Json::array();
  for (std::size_t r = 0; r < model.tasks.size(); ++r) {
    const model::TaskModel& tm = model.tasks[r];
    const sema::Task& t = *tm.task;
    tasks.push_back(Json{{"id", t.id},
                         {"name", t.name},
                         {"group", overlap.groups[overlap.group_of[r]].id},
                         {"window", Window(t.window.start, t.window.end)},
                         {"merge", ast::Name(t.merge)},
                         {"population", Optional(tm.population)},
                         {"planned", Optional(tm.planned)}});
  }
  std::sort(tasks.begin(), tasks.end(), [](const Json& a, const Json& b) {
    return a["id"].get<std::string>() < b["id"].get<std::string>();
  });
  Json groups = Json::array();
  for (const overlap::Group& g : overlap.groups) {
    Json members = Json::array();
    for (std::size_t t : g.tasks) members.push_back(id(t));
    Json group{{"id", g.id},
               {"coordination", ast::Name(overlap.mode)},
               {"tasks", members},
               {"common_window", g.common ? Window(g.common->first, g.common->second)
                                          : Json(nullptr)},
               {"planned", Optional(g.planned)},
               {"expected", overlap.figures ? Figures(g.expected, base) : Json(nullptr)}};
    groups.push_back(std::move(group));
  }
  auto pairs = [&](const std::vector<overlap::Edge>& edges, bool weights) {
    Json out = Json::array();
    for (const overlap::Edge& e : edges) {
      Json pair{{"a", id(e.a)}, {"b", id(e.b)}, {"shared", Optional(e.shared)}};
      if (weights) pair["expected_common"] = e.weight ? Expected(*e.weight) : Json(nullptr);
      pair["scopes"] = e.scopes;
      out.push_back(std::move(pair));
    }
    return out;
  };
  Json out{{"schema", "planc/schedule@1"},
           {"plan", PlanInfo(plan)},
           {"coordination", ast::Name(overlap.mode)},
           {"population", population},
           {"totals", Json{{"tasks", model.tasks.size()},
                           {"groups", overlap.groups.size()},
                           {"planned", Optional(overlap.planned)},
                           {"expected", overlap.figures ? Figures(overlap.expected, base)
                                                        : Json(nullptr)}}},
           {"groups", groups},
           {"tasks", tasks},
           {"edges", pairs(overlap.edges, true)},
           {"disjoint", pairs(overlap.disjoint, false)}};
  return Text(out);
}

}  // namespace planc::emit
