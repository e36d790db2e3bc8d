#include "compiler/draw/visits.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <unordered_map>

#include <fmt/format.h>

#include "compiler/data/csv.h"
#include "compiler/data/predicate.h"
#include "compiler/data/table.h"
#include "compiler/draw/prn.h"
#include "compiler/data/inspectors.h"

namespace planc::draw {
namespace {

// Column ids of InspectorSpec().
constexpr int kId = 0, kName = 1, kCapacity = 4;

std::string VisitId(std::size_t number) { return fmt::format("V{:06}", number); }

std::string TaskList(const Selection& selection, const std::vector<std::size_t>& tasks) {
  std::string out;
  for (std::size_t t : tasks) {
    if (!out.empty()) out += ", ";
    out += selection.tasks[t].task->id;
  }
  return out;
}

}  // namespace

std::optional<InspectorDirectory> ReadInspectors(const Jobs& jobs, const Selection& selection,
                                                 const std::string& path, data::Encoding encoding,
                                                 Diagnostics& diags) {
  std::unique_ptr<data::TableReader> table =
      data::OpenTable(path, data::InspectorSpec(), encoding, diags);
  if (!table) return std::nullopt;

  // The pool predicates as one text, a line each, like the targets.
  std::vector<std::pair<std::string, std::string>> lines;
  for (const auto& [name, predicate] : jobs.pools) lines.emplace_back("pool " + name + ": ", predicate);
  for (const TaskDraw& draw : selection.tasks) {
    lines.emplace_back(draw.task->id + " inspectors: ", draw.task->pool_predicate);
  }
  PredicateLines parsed = ParsePredicateLines(jobs.path + " (pools)", lines, diags);
  if (!parsed.ok) return std::nullopt;
  SourcePtr file = parsed.file;
  std::map<std::string, expr::Expr> named;
  std::vector<expr::Expr> pools;
  std::size_t r = 0;
  for (const auto& entry : jobs.pools) named.emplace(entry.first, std::move(*parsed.parsed[r++]));
  while (r < parsed.parsed.size()) pools.push_back(std::move(*parsed.parsed[r++]));
  data::RowPredicates predicates(table->header(), data::InspectorSpec(), file, diags);
  for (const auto& [name, e] : named) predicates.AddNamed(name, e);
  bool ok = predicates.CompileAllNamed();
  std::vector<int> ids;
  for (const expr::Expr& e : pools) {
    ids.push_back(predicates.Add(e));
    ok = ok && ids.back() >= 0;
  }

  InspectorDirectory directory;
  data::FirstRows first_rows;
  data::Row row;
  bool valid = true;
  while (table->Next(row, valid)) {
    if (!valid) {
      ok = false;
      continue;
    }
    ++directory.rows;
    if (!data::NewInspectorId(*table, row, first_rows)) {
      ok = false;
      continue;
    }
    Inspector inspector;
    inspector.id = std::string(row.values[kId]);
    inspector.name = std::string(row.values[kName]);
    inspector.active = data::InspectorActive(*table, row);
    if (table->header().column_to_field[kCapacity] >= 0 && !row.values[kCapacity].empty()) {
      std::uint64_t capacity = 0;
      std::string_view cell = row.values[kCapacity];
      std::from_chars(cell.data(), cell.data() + cell.size(), capacity);
      inspector.capacity = capacity;
    }
    if (ok) {
      predicates.SetRow(row);
      for (int id_of_pool : ids) inspector.in_pool.push_back(predicates.Eval(id_of_pool));
    }
    directory.inspectors.push_back(std::move(inspector));
  }
  if (!table->Close() || !ok) return std::nullopt;
  directory.sha256 = table->csv().source().Sha256Hex();
  directory.encoding = table->csv().source().encoding();
  std::sort(directory.inspectors.begin(), directory.inspectors.end(),
            [](const Inspector& a, const Inspector& b) { return a.id < b.id; });
  return directory;
}

std::optional<std::vector<Visit>> PlanVisits(const Jobs& jobs, const Selection& selection,
                                             const InspectorDirectory& directory,
                                             const Conflicts* conflicts,
                                             const std::string& seed_hex, Diagnostics& diags) {
  // T_x for every drawn enterprise x, in uscc order; tasks in task-id order
  // because selection.tasks is.
  struct Drawn {
    std::string name;
    std::vector<std::size_t> tasks;
  };
  std::map<std::string, Drawn> drawn;
  for (std::size_t t = 0; t < selection.tasks.size(); ++t) {
    for (const StratumDraw& stratum : selection.tasks[t].strata) {
      for (const Pick& pick : stratum.picks) {
        Drawn& d = drawn[pick.uscc];
        d.name = pick.name;
        d.tasks.push_back(t);
      }
    }
  }
  // Partition each T_x (draw.md "Visits").
  std::vector<Visit> visits;
  for (auto& [uscc, d] : drawn) {
    std::vector<std::size_t> mergeable;
    for (std::size_t t : d.tasks) {
      const TaskJob& task = *selection.tasks[t].task;
      if (task.merge_never) {
        visits.push_back(Visit{"", uscc, d.name, {t}, task.start, task.end, {}});
      } else {
        mergeable.push_back(t);
      }
    }
    std::sort(mergeable.begin(), mergeable.end(), [&](std::size_t a, std::size_t b) {
      const TaskJob& ta = *selection.tasks[a].task;
      const TaskJob& tb = *selection.tasks[b].task;
      if (ta.end != tb.end) return ta.end < tb.end;
      return ta.id < tb.id;
    });
    std::optional<Visit> current;
    for (std::size_t t : mergeable) {
      const TaskJob& task = *selection.tasks[t].task;
      if (current && task.start <= current->end && current->start <= task.end) {
        current->tasks.push_back(t);
        current->start = std::max(current->start, task.start);
        current->end = std::min(current->end, task.end);
        continue;
      }
      if (current) visits.push_back(std::move(*current));
      current = Visit{"", uscc, d.name, {t}, task.start, task.end, {}};
    }
    if (current) visits.push_back(std::move(*current));
  }
  for (Visit& visit : visits) std::sort(visit.tasks.begin(), visit.tasks.end());
  // Task indexes follow task-id order, so the smallest index is the smallest id.
  std::sort(visits.begin(), visits.end(), [](const Visit& a, const Visit& b) {
    if (a.uscc != b.uscc) return a.uscc < b.uscc;
    if (a.start != b.start) return a.start < b.start;
    return a.tasks.front() < b.tasks.front();
  });
  for (std::size_t i = 0; i < visits.size(); ++i) visits[i].id = VisitId(i + 1);

  // Inspector teams, visit by visit (draw.md "Inspector teams").
  std::vector<std::uint64_t> used(directory.inspectors.size(), 0);
  auto file = std::make_shared<SourceFile>(jobs.path, "");
  std::size_t unstaffed = 0;
  constexpr std::size_t kShown = 20;
  struct Ranked {
    std::uint64_t u;
    std::size_t inspector;
  };
  std::vector<Ranked> eligible;
  std::vector<char> taken(directory.inspectors.size(), 0);
  // The conflicts by enterprise, as inspector indexes: looked up once a visit.
  std::map<std::string_view, std::vector<std::size_t>> recusals;
  if (conflicts) {
    for (const auto& [id, uscc] : conflicts->pairs) {
      auto it = std::lower_bound(
          directory.inspectors.begin(), directory.inspectors.end(), id,
          [](const Inspector& inspector, const std::string& key) { return inspector.id < key; });
      if (it != directory.inspectors.end() && it->id == id) {
        recusals[uscc].push_back(static_cast<std::size_t>(it - directory.inspectors.begin()));
      }
    }
  }
  std::vector<char> recused(directory.inspectors.size(), 0);
  const std::vector<std::size_t> none;
  const std::vector<std::size_t>* recusing = &none;  // marked in `recused`
  for (Visit& visit : visits) {
    for (std::size_t i : *recusing) recused[i] = 0;
    auto found = recusals.find(visit.uscc);
    recusing = found == recusals.end() ? &none : &found->second;
    for (std::size_t i : *recusing) recused[i] = 1;
    int k = 2;
    for (std::size_t t : visit.tasks) k = std::max(k, selection.tasks[t].task->per_visit);
    PrnHasher rank(seed_hex, VisitStream(visit.id));
    eligible.clear();
    std::uint64_t in_pools = 0, conflicted = 0, full = 0;
    for (std::size_t i = 0; i < directory.inspectors.size(); ++i) {
      const Inspector& inspector = directory.inspectors[i];
      if (!inspector.active) continue;
      bool in_any = false;
      for (std::size_t t : visit.tasks) in_any = in_any || inspector.in_pool[t];
      if (!in_any) continue;
      ++in_pools;
      if (recused[i]) {
        ++conflicted;
        continue;
      }
      if (inspector.capacity && used[i] >= *inspector.capacity) {
        ++full;
        continue;
      }
      eligible.push_back({rank(inspector.id), i});
    }
    std::sort(eligible.begin(), eligible.end(), [&](const Ranked& a, const Ranked& b) {
      if (a.u != b.u) return a.u < b.u;
      return directory.inspectors[a.inspector].id < directory.inspectors[b.inspector].id;
    });
    std::vector<std::size_t>& team = visit.team;
    std::vector<std::size_t> unserved;  // tasks whose pool has no eligible member
    for (std::size_t t : visit.tasks) {
      bool served = false;
      for (std::size_t i : team) served = served || directory.inspectors[i].in_pool[t];
      if (served) continue;
      bool found = false;
      for (const Ranked& r : eligible) {
        if (taken[r.inspector] || !directory.inspectors[r.inspector].in_pool[t]) continue;
        team.push_back(r.inspector);
        taken[r.inspector] = 1;
        found = true;
        break;
      }
      if (!found) unserved.push_back(t);
    }
    for (const Ranked& r : eligible) {
      if (team.size() >= static_cast<std::size_t>(k)) break;
      if (taken[r.inspector]) continue;
      team.push_back(r.inspector);
      taken[r.inspector] = 1;
    }
    for (std::size_t i : team) {
      taken[i] = 0;
      ++used[i];
    }
    if (team.size() >= static_cast<std::size_t>(k) && unserved.empty()) continue;
    if (++unstaffed > kShown) continue;
    DiagBuilder b(DiagKind::kVisitUnstaffed, file, {0, 0});
    bool short_of_k = team.size() < static_cast<std::size_t>(k);
    b.Message(fmt::format("visit {} to {} ({}) for {} cannot be staffed: {}", visit.id,
                          visit.uscc, visit.name, TaskList(selection, visit.tasks),
                          short_of_k ? fmt::format("{} of {} inspectors", team.size(), k)
                                     : std::string("a task's pool has no one to send")),
              fmt::format("检查 {}（{}，{}；任务 {}）无法配齐人员：{}", visit.id, visit.uscc,
                          visit.name, TaskList(selection, visit.tasks),
                          short_of_k ? fmt::format("需要 {} 人，只有 {} 人", k, team.size())
                                     : std::string("有任务的人员库无人可派")));
    for (std::size_t t : unserved) {
      const TaskJob& task = *selection.tasks[t].task;
      std::uint64_t members = 0, task_conflicted = 0, task_full = 0;
      for (std::size_t i = 0; i < directory.inspectors.size(); ++i) {
        const Inspector& inspector = directory.inspectors[i];
        if (!inspector.active || !inspector.in_pool[t]) continue;
        ++members;
        if (recused[i]) {
          ++task_conflicted;
        } else if (inspector.capacity && used[i] >= *inspector.capacity) {
          ++task_full;
        }
      }
      std::string why_en = members == 0
                               ? "it has no active inspector"
                               : fmt::format("of its {} active inspector{}, {} must recuse "
                                             "(conflicts) and {} have no capacity left",
                                             members, members == 1 ? "" : "s", task_conflicted,
                                             task_full);
      std::string why_zh = members == 0 ? "该人员库没有在岗人员"
                                        : fmt::format("该人员库 {} 名在岗人员中，{} 人须回避，{} "
                                                      "人已达年度检查上限",
                                                      members, task_conflicted, task_full);
      b.Note(fmt::format("{}'s pool `{}` has no one to send: {}", task.id, task.pool, why_en),
             fmt::format("任务 {} 的人员库 `{}` 无人可派：{}", task.id, task.pool, why_zh));
    }
    if (team.size() < static_cast<std::size_t>(k)) {
      b.Note(fmt::format("the tasks' pools have {} active inspector{}: {} must recuse "
                         "(conflicts), {} have no capacity left",
                         in_pools, in_pools == 1 ? "" : "s", conflicted, full),
             fmt::format("各任务人员库共有 {} 名在岗人员：{} 人须回避，{} 人已达年度检查上限",
                         in_pools, conflicted, full));
    }
    b.Help("add inspectors to the pools, raise capacities, or check the conflicts; a team needs "
           "one member of every task's pool and at least two officers",
           "请为人员库增加人员、提高年度检查上限或核对回避名单；每组须含每项任务人员库中的一人，"
           "且不少于两名执法人员");
    diags.Add(b);
  }
  if (unstaffed > kShown) {
    diags.Add(DiagBuilder(DiagKind::kVisitUnstaffed, file, {0, 0})
                  .Message(fmt::format("{} more visits cannot be staffed", unstaffed - kShown),
                           fmt::format("另有 {} 次检查无法配齐人员", unstaffed - kShown)));
  }
  if (unstaffed > 0) return std::nullopt;
  return visits;
}

}  // namespace planc::draw
