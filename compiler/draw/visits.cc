#include "compiler/draw/visits.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "compiler/data/csv.h"
#include "compiler/data/predicate.h"
#include "compiler/data/table.h"
#include "compiler/draw/prn.h"
#include "compiler/data/inspectors.h"
#include "compiler/util/memory.h"
#include "compiler/util/parallel.h"
#include "compiler/util/strings.h"

namespace planc::draw {
namespace {

// Column ids of InspectorSpec().
constexpr int kId = 0, kName = 1, kCapacity = 4;

// "V000001": the number with at least six digits (made by hand for the
// usual six: a call to fmt for each of a draw's many visits shows).
std::string VisitId(std::size_t number) {
  if (number >= 1000000) return fmt::format("V{}", number);
  std::string id = "V000000";
  for (std::size_t i = 6; number > 0; --i, number /= 10) {
    id[i] = static_cast<char>('0' + number % 10);
  }
  return id;
}

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
  // T_x for every drawn enterprise x: the picks by uscc, then task (task
  // indexes follow task-id order, as selection.tasks does).
  struct Drawn {
    PrefixKey uscc;
    std::string_view name;
    std::size_t task;
  };
  std::vector<Drawn> drawn;
  for (std::size_t t = 0; t < selection.tasks.size(); ++t) {
    for (const StratumDraw& stratum : selection.tasks[t].strata) {
      for (const Pick& pick : stratum.picks) drawn.push_back({PrefixKey(pick.uscc), pick.name, t});
    }
  }
  std::sort(drawn.begin(), drawn.end(), [](const Drawn& a, const Drawn& b) {
    return a.uscc != b.uscc ? a.uscc < b.uscc : a.task < b.task;
  });
  // Partition each T_x (draw.md "Visits"); an enterprise's visits are then
  // in the order (window start, smallest task id), and enterprises in uscc
  // order, so the visits are numbered as they come.
  std::vector<Visit> visits;
  visits.reserve(drawn.size());  // at most one per pick
  PreferHugePages(visits.data(), visits.capacity() * sizeof(Visit));
  std::vector<std::size_t> mergeable;
  for (std::size_t first = 0, last = 0; first < drawn.size(); first = last) {
    std::string_view uscc = drawn[first].uscc.text, name = drawn[first].name;
    for (last = first; last < drawn.size() && drawn[last].uscc == drawn[first].uscc; ++last) {
    }
    std::size_t own = visits.size();
    auto open = [&](std::size_t t) {
      const TaskJob& task = *selection.tasks[t].task;
      visits.push_back(Visit{"", std::string(uscc), std::string(name), {t}, task.start, task.end, {}});
    };
    mergeable.clear();
    for (std::size_t i = first; i < last; ++i) {
      std::size_t t = drawn[i].task;
      if (selection.tasks[t].task->merge_never) {
        open(t);
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
    bool current = false;  // the last visit is open to mergeable tasks
    for (std::size_t t : mergeable) {
      const TaskJob& task = *selection.tasks[t].task;
      if (current) {
        Visit& visit = visits.back();
        if (task.start <= visit.end && visit.start <= task.end) {
          visit.tasks.push_back(t);
          visit.start = std::max(visit.start, task.start);
          visit.end = std::min(visit.end, task.end);
          continue;
        }
      }
      open(t);
      current = true;
    }
    for (std::size_t v = own; v < visits.size(); ++v) {
      std::sort(visits[v].tasks.begin(), visits[v].tasks.end());
    }
    std::sort(visits.begin() + static_cast<std::ptrdiff_t>(own), visits.end(),
              [](const Visit& a, const Visit& b) {
                if (a.start != b.start) return a.start < b.start;
                return a.tasks.front() < b.tasks.front();
              });
  }
  for (std::size_t i = 0; i < visits.size(); ++i) visits[i].id = VisitId(i + 1);

  // Inspector teams, visit by visit (draw.md "Inspector teams").
  const std::vector<Inspector>& inspectors = directory.inspectors;
  // The conflicts by enterprise, as inspector indexes.
  std::map<std::string_view, std::vector<std::uint32_t>> recusals;
  if (conflicts) {
    for (const auto& [id, uscc] : conflicts->pairs) {
      auto it = std::lower_bound(
          inspectors.begin(), inspectors.end(), id,
          [](const Inspector& inspector, const std::string& key) { return inspector.id < key; });
      if (it != inspectors.end() && it->id == id) {
        recusals[uscc].push_back(static_cast<std::uint32_t>(it - inspectors.begin()));
      }
    }
  }
  const std::vector<std::uint32_t> none;
  auto recusing = [&](const Visit& visit) -> const std::vector<std::uint32_t>& {
    auto found = recusals.find(visit.uscc);
    return found == recusals.end() ? none : found->second;
  };
  // The active members of a visit's pools, by the visit's set of tasks,
  // each with the pools it is in as bits (bit j: the visit's j-th task).
  struct Member {
    std::uint32_t inspector;
    std::uint64_t pools;
  };
  std::map<std::vector<std::size_t>, std::vector<Member>> members_of;
  std::vector<const std::vector<Member>*> members(visits.size());
  for (std::size_t v = 0; v < visits.size(); ++v) {
    auto [it, fresh] = members_of.try_emplace(visits[v].tasks);
    if (fresh) {
      for (std::size_t i = 0; i < inspectors.size(); ++i) {
        bool in_any = false;
        std::uint64_t pools = 0;
        for (std::size_t j = 0; j < visits[v].tasks.size(); ++j) {
          bool in = inspectors[i].in_pool[visits[v].tasks[j]];
          in_any = in_any || in;
          if (in && j < 64) pools |= std::uint64_t{1} << j;
        }
        if (inspectors[i].active && in_any) {
          it->second.push_back({static_cast<std::uint32_t>(i), pools});
        }
      }
    }
    members[v] = &it->second;
  }
  // Annual capacities, none as the largest number.
  std::vector<std::uint64_t> capacity(inspectors.size());
  std::unique_ptr<std::atomic<bool>[]> full(new std::atomic<bool>[inspectors.size()]);
  for (std::size_t i = 0; i < inspectors.size(); ++i) {
    capacity[i] = inspectors[i].capacity.value_or(~std::uint64_t{0});
    full[i].store(capacity[i] == 0, std::memory_order_relaxed);
  }

  // Ranking takes a PRN per member and visit, independent of what earlier
  // visits took: it runs on every core, a chunk of visits at a time, ahead
  // of the picking (PrepareAhead). The teams are picked in visit order, each
  // pick the best-ranked member that may go (a scan of the visit's few dozen
  // members: no sort needed).
  //
  // Only the eligible are ranked (draw.md), and a member who has no capacity
  // left never has any again: the picking marks them `full`, and ranking
  // skips whoever it sees marked. It may not yet see a mark made meanwhile;
  // such a member is ranked for nothing, as the picking checks capacity
  // itself, so the teams do not depend on the timing. Once the capped
  // inspectors are used up, most visits rank a few members, not dozens.
  struct Ranked {
    std::uint64_t u;
    std::uint32_t inspector;  // index, so in id order on equal u
    std::uint64_t pools;      // as Member::pools
  };
  auto by_rank = [](const Ranked& a, const Ranked& b) {
    return a.u != b.u ? a.u < b.u : a.inspector < b.inspector;
  };
  // Visits ranked at a time, and chunks ranked ahead of the picking: the
  // ranked lists of 1,024 visits at most are kept.
  constexpr std::size_t kChunk = 64, kAhead = 16, kKept = kChunk * kAhead;
  std::vector<std::vector<Ranked>> ranked(std::min(kKept, visits.size()));
  auto rank_chunk = [&](std::size_t c) {
    std::vector<char> recused(inspectors.size(), 0);
    std::size_t last = std::min((c + 1) * kChunk, visits.size());
    for (std::size_t v = c * kChunk; v < last; ++v) {
      const Visit& visit = visits[v];
      const std::vector<std::uint32_t>& recusal = recusing(visit);
      for (std::uint32_t i : recusal) recused[i] = 1;
      PrnHasher rank(seed_hex, VisitStream(visit.id));
      std::vector<Ranked>& list = ranked[v % kKept];
      list.clear();
      for (const Member& m : *members[v]) {
        if (recused[m.inspector] || full[m.inspector].load(std::memory_order_relaxed)) continue;
        list.push_back({rank(inspectors[m.inspector].id), m.inspector, m.pools});
      }
      for (std::uint32_t i : recusal) recused[i] = 0;
    }
  };

  std::vector<std::uint64_t> used(inspectors.size(), 0);
  auto has_capacity = [&](std::uint32_t i) { return used[i] < capacity[i]; };
  auto file = std::make_shared<SourceFile>(jobs.path, "");
  std::size_t unstaffed = 0;
  constexpr std::size_t kShown = 20;
  std::vector<char> taken(inspectors.size(), 0);
  auto pick = [&](std::size_t v) {
    Visit& visit = visits[v];
    const std::vector<Ranked>& eligible = ranked[v % kKept];
    // The best-ranked member not yet in the team, with capacity left, and
    // in the pool of the visit's j-th task (any pool when j is npos); null
    // when there is none.
    auto best = [&](std::size_t j) -> const Ranked* {
      const Ranked* found = nullptr;
      for (const Ranked& r : eligible) {
        if (found && !by_rank(r, *found)) continue;
        if (taken[r.inspector] || !has_capacity(r.inspector)) continue;
        if (j != std::string::npos &&
            (j < 64 ? !((r.pools >> j) & 1) : !inspectors[r.inspector].in_pool[visit.tasks[j]])) {
          continue;
        }
        found = &r;
      }
      return found;
    };
    int k = 2;
    for (std::size_t t : visit.tasks) k = std::max(k, selection.tasks[t].task->per_visit);
    std::vector<std::size_t>& team = visit.team;
    std::vector<std::size_t> unserved;  // tasks whose pool has no eligible member
    for (std::size_t j = 0; j < visit.tasks.size(); ++j) {
      std::size_t t = visit.tasks[j];
      bool served = false;
      for (std::size_t i : team) served = served || inspectors[i].in_pool[t];
      if (served) continue;
      if (const Ranked* r = best(j)) {
        team.push_back(r->inspector);
        taken[r->inspector] = 1;
      } else {
        unserved.push_back(t);
      }
    }
    while (team.size() < static_cast<std::size_t>(k)) {
      const Ranked* r = best(std::string::npos);
      if (!r) break;
      team.push_back(r->inspector);
      taken[r->inspector] = 1;
    }
    for (std::size_t i : team) {
      taken[i] = 0;
      if (++used[i] == capacity[i]) full[i].store(true, std::memory_order_relaxed);
    }
    if (team.size() >= static_cast<std::size_t>(k) && unserved.empty()) return;
    if (++unstaffed > kShown) return;
    // Why: who is in the pools, who must recuse, who has no capacity left.
    std::vector<char> recused(inspectors.size(), 0);
    for (std::uint32_t i : recusing(visit)) recused[i] = 1;
    std::uint64_t in_pools = members[v]->size(), conflicted = 0, full = 0;
    for (const Member& m : *members[v]) {
      if (recused[m.inspector]) {
        ++conflicted;
      } else if (!has_capacity(m.inspector)) {
        ++full;
      }
    }
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
      std::uint64_t pool = 0, task_conflicted = 0, task_full = 0;
      for (std::uint32_t i = 0; i < inspectors.size(); ++i) {
        if (!inspectors[i].active || !inspectors[i].in_pool[t]) continue;
        ++pool;
        if (recused[i]) {
          ++task_conflicted;
        } else if (!has_capacity(i)) {
          ++task_full;
        }
      }
      std::string why_en = pool == 0
                               ? "it has no active inspector"
                               : fmt::format("of its {} active inspector{}, {} must recuse "
                                             "(conflicts) and {} have no capacity left",
                                             pool, pool == 1 ? "" : "s", task_conflicted,
                                             task_full);
      std::string why_zh = pool == 0 ? "该人员库没有在岗人员"
                                     : fmt::format("该人员库 {} 名在岗人员中，{} 人须回避，{} "
                                                   "人已达年度检查上限",
                                                   pool, task_conflicted, task_full);
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
  };
  PrepareAhead((visits.size() + kChunk - 1) / kChunk, kAhead, rank_chunk, [&](std::size_t c) {
    std::size_t last = std::min((c + 1) * kChunk, visits.size());
    for (std::size_t v = c * kChunk; v < last; ++v) pick(v);
  });
  if (unstaffed > kShown) {
    diags.Add(DiagBuilder(DiagKind::kVisitUnstaffed, file, {0, 0})
                  .Message(fmt::format("{} more visits cannot be staffed", unstaffed - kShown),
                           fmt::format("另有 {} 次检查无法配齐人员", unstaffed - kShown)));
  }
  if (unstaffed > 0) return std::nullopt;
  return visits;
}

}  // namespace planc::draw
