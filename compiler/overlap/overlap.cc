#include "compiler/overlap/overlap.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <fmt/format.h>

#include "compiler/overlap/expect.h"
#include "compiler/util/strings.h"

namespace planc::overlap {
namespace {

using sema::CreditClass;

// n/N of the stratum of `task` that holds units of class `c`; 0 when the
// task draws none of them.
double InclusionProbability(const model::TaskModel& task, CreditClass c) {
  for (const model::Stratum& s : task.strata) {
    if (s.name != "*" && s.name != sema::Name(c)) continue;
    if (!s.population || !s.n || *s.population == 0) return 0;
    return static_cast<double>(*s.n) / static_cast<double>(*s.population);
  }
  return 0;
}

bool WindowsMeet(const sema::Task& a, const sema::Task& b) {
  return a.window.start <= b.window.end && b.window.start <= a.window.end;
}

bool Never(const sema::Task& t) { return t.merge == ast::MergeMode::kNever; }

// The scopes a task's targets name directly.
void NamedScopes(const expr::Expr& e, const std::set<std::string>& scopes,
                 std::set<std::string>& out) {
  if (e.kind == expr::Expr::Kind::kName && scopes.count(e.name)) out.insert(e.name);
  for (const expr::Expr& child : e.children) NamedScopes(child, scopes, out);
}

std::string WindowText(const sema::Task& t) {
  return fmt::format("{}–{}", t.window.start.ToString(), t.window.end.ToString());
}

class Analyzer {
 public:
  Analyzer(const model::Model& model, Diagnostics& diags, std::size_t dense_pairs)
      : model_(model), diags_(diags), dense_pairs_(dense_pairs) {}

  Overlap Run() {
    const sema::Plan& plan = *model_.plan;
    result_.mode = plan.coordination;
    result_.figures = model_.population.has_value();
    result_.planned = model_.planned;
    result_.base = model_.base;
    std::size_t n = model_.tasks.size();
    order_.resize(n);
    for (std::size_t i = 0; i < n; ++i) order_[i] = i;
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return Task(a).id < Task(b).id;
    });
    rank_.resize(n);
    for (std::size_t r = 0; r < n; ++r) rank_[order_[r]] = r;
    for (std::size_t i = 0; i < n; ++i) index_of_[Task(i).id] = i;
    if (Dense()) pairs_.assign(n < 2 ? 0 : n * (n - 1) / 2, 0);
    if (result_.figures) {
      Probabilities();
      SharedUnits();
    } else {
      SharedScopes();
    }
    Groups();
    if (result_.figures) Figures();
    Notes();
    return std::move(result_);
  }

 private:
  const sema::Task& Task(std::size_t i) const { return *model_.tasks[i].task; }

  void Probabilities() {
    p_.resize(model_.tasks.size());
    for (std::size_t i = 0; i < model_.tasks.size(); ++i) {
      for (CreditClass c : sema::kCreditClasses) {
        p_[i][static_cast<int>(c)] = InclusionProbability(model_.tasks[i], c);
      }
    }
  }

  // The tasks (by id) that may draw the units of `atom`.
  std::vector<std::size_t> Drawing(const data::Atom& atom) const {
    std::vector<std::size_t> tasks;
    for (const std::string& id : atom.tasks) {
      auto it = index_of_.find(id);
      if (it != index_of_.end() && p_[it->second][static_cast<int>(atom.credit)] > 0) {
        tasks.push_back(it->second);
      }
    }
    std::sort(tasks.begin(), tasks.end(),
              [&](std::size_t a, std::size_t b) { return rank_[a] < rank_[b]; });
    return tasks;
  }

  std::uint64_t PairKey(std::size_t a, std::size_t b) const {
    return static_cast<std::uint64_t>(rank_[a]) * model_.tasks.size() + rank_[b];
  }

  // Classifies a pair of tasks (a before b by id) that may draw common units.
  void AddPair(std::size_t a, std::size_t b, std::optional<std::uint64_t> shared,
               std::vector<std::string> scopes) {
    const sema::Task& ta = Task(a);
    const sema::Task& tb = Task(b);
    if (Never(ta) || Never(tb)) return;
    Edge edge;
    edge.a = a;
    edge.b = b;
    edge.shared = shared;
    edge.scopes = std::move(scopes);
    if (WindowsMeet(ta, tb)) {
      SetEdgeIndex(a, b, result_.edges.size());
      result_.edges.push_back(std::move(edge));
    } else {
      result_.disjoint.push_back(std::move(edge));
    }
  }

  // Pairs of tasks, counted per pair: a dense triangle indexed by the ranks
  // while it fits in dense_pairs_ slots (by default plans of up to ~11,000
  // tasks; hash lookups were most of the time), a hash map beyond. After
  // SharedUnits a slot holds 1 + the index of the pair's edge, or 0.
  bool Dense() const {
    std::size_t n = model_.tasks.size();
    return n < 2 || n * (n - 1) / 2 <= dense_pairs_;
  }
  // Slot of tasks a, b (a before b by id).
  std::size_t Slot(std::size_t a, std::size_t b) const {
    std::size_t ra = rank_[a], rb = rank_[b];
    return rb * (rb - 1) / 2 + ra;
  }
  void SetEdgeIndex(std::size_t a, std::size_t b, std::size_t index) {
    if (Dense()) {
      pairs_[Slot(a, b)] = index + 1;
    } else {
      edge_index_[PairKey(a, b)] = index;
    }
  }
  // The index of the edge between a and b (a before b by id), if any.
  std::optional<std::size_t> EdgeIndex(std::size_t a, std::size_t b) const {
    if (Dense()) {
      std::uint64_t slot = pairs_[Slot(a, b)];
      return slot == 0 ? std::nullopt : std::optional<std::size_t>(slot - 1);
    }
    auto it = edge_index_.find(PairKey(a, b));
    return it == edge_index_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }

  void SharedUnits() {
    std::size_t n = model_.tasks.size();
    std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs;  // key (ranks) -> units
    if (Dense()) {
      for (const data::Atom& atom : model_.population->atoms) {
        std::vector<std::size_t> tasks = Drawing(atom);
        for (std::size_t j = 1; j < tasks.size(); ++j) {
          std::uint64_t* row = pairs_.data() + rank_[tasks[j]] * (rank_[tasks[j]] - 1) / 2;
          for (std::size_t i = 0; i < j; ++i) row[rank_[tasks[i]]] += atom.count;
        }
      }
      for (std::size_t ra = 0; ra < n; ++ra) {
        for (std::size_t rb = ra + 1; rb < n; ++rb) {
          std::uint64_t& slot = pairs_[rb * (rb - 1) / 2 + ra];
          if (slot != 0) pairs.emplace_back(static_cast<std::uint64_t>(ra) * n + rb, slot);
          slot = 0;  // from here on: the edge index
        }
      }
    } else {
      std::unordered_map<std::uint64_t, std::uint64_t> shared;
      for (const data::Atom& atom : model_.population->atoms) {
        std::vector<std::size_t> tasks = Drawing(atom);
        for (std::size_t i = 0; i < tasks.size(); ++i) {
          for (std::size_t j = i + 1; j < tasks.size(); ++j) {
            shared[PairKey(tasks[i], tasks[j])] += atom.count;
          }
        }
      }
      pairs.assign(shared.begin(), shared.end());
      std::sort(pairs.begin(), pairs.end());
    }
    for (const auto& [key, count] : pairs) {
      AddPair(order_[key / n], order_[key % n], count, {});
    }
  }

  void SharedScopes() {
    std::set<std::string> scopes;
    for (const sema::Predicate& s : model_.plan->scopes) scopes.insert(s.id);
    std::vector<std::set<std::string>> named(model_.tasks.size());
    for (std::size_t i = 0; i < model_.tasks.size(); ++i) {
      NamedScopes(Task(i).targets, scopes, named[i]);
    }
    for (std::size_t x = 0; x < order_.size(); ++x) {
      for (std::size_t y = x + 1; y < order_.size(); ++y) {
        std::size_t a = order_[x], b = order_[y];
        std::vector<std::string> both;
        std::set_intersection(named[a].begin(), named[a].end(), named[b].begin(), named[b].end(),
                              std::back_inserter(both));
        if (!both.empty()) AddPair(a, b, std::nullopt, std::move(both));
      }
    }
  }

  void Groups() {
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    std::size_t n = model_.tasks.size();
    // Vertices in task-id order, so that components are numbered by their
    // smallest task id.
    Graph graph(n);
    for (const Edge& e : result_.edges) boost::add_edge(rank_[e.a], rank_[e.b], graph);
    std::vector<int> component(n);
    int count = n == 0 ? 0 : boost::connected_components(graph, component.data());
    result_.groups.resize(count);
    result_.group_of.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
      std::size_t task = order_[r];
      Group& g = result_.groups[component[r]];
      if (g.tasks.empty()) g.id = Task(task).id;
      g.tasks.push_back(task);
      result_.group_of[task] = component[r];
    }
    // Components are numbered in order of their first vertex, which is the
    // smallest id; keep the id order explicit all the same.
    std::vector<std::size_t> by_id(result_.groups.size());
    for (std::size_t g = 0; g < by_id.size(); ++g) by_id[g] = g;
    std::sort(by_id.begin(), by_id.end(), [&](std::size_t a, std::size_t b) {
      return result_.groups[a].id < result_.groups[b].id;
    });
    std::vector<Group> sorted;
    std::vector<std::size_t> new_index(by_id.size());
    for (std::size_t i = 0; i < by_id.size(); ++i) {
      new_index[by_id[i]] = i;
      sorted.push_back(std::move(result_.groups[by_id[i]]));
    }
    result_.groups = std::move(sorted);
    for (std::size_t& g : result_.group_of) g = new_index[g];
    for (Group& g : result_.groups) {
      Date from = Task(g.tasks[0]).window.start, to = Task(g.tasks[0]).window.end;
      std::uint64_t planned = 0;
      bool known = true;
      for (std::size_t t : g.tasks) {
        from = std::max(from, Task(t).window.start);
        to = std::min(to, Task(t).window.end);
        if (model_.tasks[t].planned) {
          planned += *model_.tasks[t].planned;
        } else {
          known = false;
        }
      }
      if (from <= to) g.common = std::make_pair(from, to);
      if (known) g.planned = planned;
    }
  }

  // Members of `tasks` (all of one group) for an atom of class `c`.
  std::vector<Member> Members(const std::vector<std::size_t>& tasks, CreditClass c) const {
    std::vector<Member> members;
    for (std::size_t t : tasks) {
      const sema::Task& task = Task(t);
      const Group& g = result_.groups[result_.group_of[t]];
      Member m;
      m.id = task.id;
      m.p = p_[t][static_cast<int>(c)];
      m.start = task.window.start.Serial();
      m.end = task.window.end.Serial();
      m.never = Never(task);
      m.shift = NegativeShift(position_[t], g.tasks.size());
      members.push_back(std::move(m));
    }
    return members;
  }

  void Figures() {
    for (Edge& e : result_.edges) e.weight = 0;
    position_.resize(model_.tasks.size());
    for (const Group& g : result_.groups) {
      for (std::size_t i = 0; i < g.tasks.size(); ++i) position_[g.tasks[i]] = i;
    }
    for (const data::Atom& atom : model_.population->atoms) {
      std::vector<std::size_t> tasks = Drawing(atom);
      if (tasks.empty()) continue;
      // Split by group (tasks stay in id order within each).
      std::map<std::size_t, std::vector<std::size_t>> by_group;
      for (std::size_t t : tasks) by_group[result_.group_of[t]].push_back(t);
      auto count = static_cast<double>(atom.count);
      std::array<double, 3> missed{1, 1, 1};
      for (const auto& [g, members_of] : by_group) {
        std::vector<Member> members = Members(members_of, atom.credit);
        Group& group = result_.groups[g];
        for (std::size_t m = 0; m < kModes.size(); ++m) {
          Expectation e = Expect(members, kModes[m]);
          group.expected[m].reached += count * e.reached;
          if (atom.base) group.expected[m].reached_base += count * e.reached;
          group.expected[m].visits += count * e.visits;
          result_.expected[m].visits += count * e.visits;
          missed[m] *= 1 - e.reached;
        }
        for (std::size_t i = 0; i < members.size(); ++i) {
          for (std::size_t j = i + 1; j < members.size(); ++j) {
            std::optional<std::size_t> edge = EdgeIndex(members_of[i], members_of[j]);
            if (!edge) continue;
            *result_.edges[*edge].weight += count * Both(members[i], members[j], result_.mode);
          }
        }
      }
      for (std::size_t m = 0; m < kModes.size(); ++m) {
        result_.expected[m].reached += count * (1 - missed[m]);
        if (atom.base) result_.expected[m].reached_base += count * (1 - missed[m]);
      }
    }
  }

  // One note per task that shares units with tasks whose windows it does
  // not meet (at the later task of each pair, by id), so that a large plan
  // gets at most one note per task, not one per pair.
  // A pair of which a task waives `merge-windows` (the rule this note stands
  // in for until rule packs exist) is acknowledged: it stays in `disjoint`
  // but gets no note.
  void Notes() {
    auto waived = [&](std::size_t t) {
      const std::vector<sema::Waiver>& waivers = Task(t).waivers;
      return std::any_of(waivers.begin(), waivers.end(),
                         [](const sema::Waiver& w) { return w.rule == "merge-windows"; });
    };
    std::map<std::size_t, std::vector<const Edge*>> by_task;  // by rank of b
    for (const Edge& e : result_.disjoint) {
      if (!waived(e.a) && !waived(e.b)) by_task[rank_[e.b]].push_back(&e);
    }
    for (const auto& [rank, edges] : by_task) {
      const sema::Task& b = Task(order_[rank]);
      bool figures = edges.front()->shared.has_value();
      if (edges.size() == 1) {
        NotePair(*edges.front());
        continue;
      }
      std::vector<std::string> others;
      for (const Edge* e : edges) {
        if (others.size() == kListed) break;
        others.push_back(fmt::format("`{}` ({})", Task(e->a).id, WindowText(Task(e->a))));
      }
      std::string more = edges.size() > kListed
                             ? fmt::format(" and {} more", edges.size() - kListed)
                             : std::string();
      std::string more_zh = edges.size() > kListed
                                ? fmt::format(" 等，另有 {} 个", edges.size() - kListed)
                                : std::string();
      diags_.Add(DiagBuilder(DiagKind::kDisjointWindows, model_.plan->file, b.window.range)
                     .Message(fmt::format("task `{}` {} {} tasks whose windows it does not meet",
                                          b.id,
                                          figures ? "may draw the same units as"
                                                  : "names the same scopes as",
                                          edges.size()),
                              fmt::format("任务「{}」{} {} 个任务{}，但起止时间没有交集", b.id,
                                          figures ? "可能与" : "与", edges.size(),
                                          figures ? "抽到同样的对象" : "针对同样的对象范围"))
                     .Label(fmt::format("`{}` runs {}", b.id, WindowText(b)),
                            fmt::format("「{}」的时间为 {}", b.id, WindowText(b)))
                     .Note(fmt::format("those tasks: {}{}; a unit two of them draw gets two "
                                       "visits",
                                       Join(others, ", "), more),
                           fmt::format("这些任务：{}{}；被其中两个任务抽到的对象要上门两次",
                                       Join(others, "、"), more_zh))
                     .Help("if one visit can serve several checks, give the tasks a common "
                           "period; `planc check --dump=overlap` lists every pair",
                           "如果一次检查可以兼顾多项任务，请让任务的时间有重叠；"
                           "`planc check --dump=overlap` 列出所有任务对"));
    }
  }

  void NotePair(const Edge& e) {
    const sema::Task& a = Task(e.a);
    const sema::Task& b = Task(e.b);
    std::string what_en = e.shared ? fmt::format("may draw the same {} unit{}", *e.shared,
                                                 *e.shared == 1 ? "" : "s")
                                   : fmt::format("name the same scope `{}`", e.scopes.front());
    std::string what_zh = e.shared ? fmt::format("可能抽到同样的 {} 户", *e.shared)
                                   : fmt::format("针对同一对象范围「{}」", e.scopes.front());
    diags_.Add(DiagBuilder(DiagKind::kDisjointWindows, model_.plan->file, b.window.range)
                   .Message(fmt::format("tasks `{}` and `{}` {}, but their windows do not meet",
                                        a.id, b.id, what_en),
                            fmt::format("任务「{}」与「{}」{}，但起止时间没有交集", a.id, b.id,
                                        what_zh))
                   .Label(fmt::format("`{}` runs {}", b.id, WindowText(b)),
                          fmt::format("「{}」的时间为 {}", b.id, WindowText(b)))
                   .Note(fmt::format("`{}` runs {}: a unit both draw gets two visits", a.id,
                                     WindowText(a)),
                         fmt::format("「{}」的时间为 {}：两个任务都抽到的对象要上门两次", a.id,
                                     WindowText(a)))
                   .Help("if one visit can serve both checks, give the tasks a common period",
                         "如果一次检查可以兼顾两项任务，请让两个任务的时间有重叠"));
  }

  static constexpr std::size_t kListed = 5;  // tasks a note names before "and N more"

  const model::Model& model_;
  Diagnostics& diags_;
  std::size_t dense_pairs_;
  Overlap result_;
  std::vector<std::size_t> order_;  // task indexes by id
  std::vector<std::size_t> rank_;   // task index -> position in order_
  std::vector<std::size_t> position_;  // task index -> position in its group (id order)
  std::map<std::string, std::size_t> index_of_;
  std::vector<std::array<double, 5>> p_;  // per task and class
  std::vector<std::uint64_t> pairs_;  // the dense triangle (Dense())
  std::unordered_map<std::uint64_t, std::size_t> edge_index_;  // beyond it
};

}  // namespace

Overlap Analyze(const model::Model& model, Diagnostics& diags, std::size_t dense_pairs) {
  return Analyzer(model, diags, dense_pairs).Run();
}

std::string FormatExpected(double value) {
  // Two decimals; a value that rounds to zero prints as 0.00, never -0.00.
  std::string text = fmt::format("{:.2f}", value);
  return text == "-0.00" ? "0.00" : text;
}

std::string FormatCoverage(double reached_base, std::uint64_t base) {
  if (base == 0) return "0.00%";
  return FormatExpected(100 * reached_base / static_cast<double>(base)) + "%";
}

std::string DumpOverlap(const model::Model& model, const Overlap& overlap) {
  auto id = [&](std::size_t t) { return model.tasks[t].task->id; };
  std::string out = fmt::format("overlap: coordination {}, {}\n", ast::Name(overlap.mode),
                                overlap.figures ? "with population figures"
                                                : "without population figures (shared scopes)");
  auto pair_text = [&](const Edge& e) {
    std::string text = fmt::format("{} -- {}", id(e.a), id(e.b));
    if (e.shared) text += fmt::format(" shared {}", *e.shared);
    if (e.weight) text += fmt::format(" expected-common {}", FormatExpected(*e.weight));
    if (!e.scopes.empty()) {
      text += " scopes";
      for (const std::string& s : e.scopes) text += " " + s;
    }
    return text;
  };
  for (const Edge& e : overlap.edges) out += "edge " + pair_text(e) + "\n";
  for (const Edge& e : overlap.disjoint) out += "disjoint " + pair_text(e) + "\n";
  auto figures = [&](const std::array<Figures, 3>& expected, std::uint64_t base) {
    std::string text;
    for (std::size_t m = 0; m < kModes.size(); ++m) {
      text += fmt::format("  {}{} reached {} coverage {} visits {}\n", ast::Name(kModes[m]),
                          kModes[m] == overlap.mode ? "*" : "",
                          FormatExpected(expected[m].reached),
                          FormatCoverage(expected[m].reached_base, base),
                          FormatExpected(expected[m].visits));
    }
    return text;
  };
  for (const Group& g : overlap.groups) {
    out += fmt::format("group {}:", g.id);
    for (std::size_t t : g.tasks) out += " " + id(t);
    out += g.common ? fmt::format(" common {}..{}", g.common->first.ToString(),
                                  g.common->second.ToString())
                    : std::string(" common none");
    if (g.planned) out += fmt::format(" planned {}", *g.planned);
    out += "\n";
    if (overlap.figures) out += figures(g.expected, overlap.base.value_or(0));
  }
  if (overlap.figures) {
    out += fmt::format("plan: {} tasks, {} groups, planned {}, base {}\n", model.tasks.size(),
                       overlap.groups.size(), overlap.planned.value_or(0),
                       overlap.base.value_or(0));
    out += figures(overlap.expected, overlap.base.value_or(0));
  }
  return out;
}

std::string SummaryTable(const model::Model& model, const Overlap& overlap, Lang lang) {
  if (!overlap.figures) return {};
  bool zh = lang == Lang::kZh;
  std::string out = fmt::format(
      zh ? "协调抽取：{} 个协调组；各协调方式下的预计效果（* 为本计划采用）\n"
         : "coordination: {} group{}; expected under each mode (* = the plan's)\n",
      overlap.groups.size(), overlap.groups.size() == 1 || zh ? "" : "s");
  out += fmt::format("{:<14}{:>8}{:>10}{:>12}{:>10}{:>12}\n", zh ? "协调方式" : "mode",
                     zh ? "任务" : "tasks", zh ? "计划抽取" : "planned", zh ? "预计覆盖" : "reached",
                     zh ? "覆盖率" : "coverage", zh ? "预计检查" : "visits");
  for (std::size_t m = 0; m < kModes.size(); ++m) {
    // The mode as the plan writes it in the language asked for.
    static constexpr const char* kZh[] = {"正协同", "独立", "负协同"};  // positive independent negative
    std::string mode = std::string(zh ? kZh[static_cast<int>(kModes[m])] : ast::Name(kModes[m])) +
                       (kModes[m] == overlap.mode ? " *" : "");
    out += fmt::format("{:<14}{:>8}{:>10}{:>12}{:>10}{:>12}\n", mode, model.tasks.size(),
                       overlap.planned.value_or(0), FormatExpected(overlap.expected[m].reached),
                       FormatCoverage(overlap.expected[m].reached_base, overlap.base.value_or(0)),
                       FormatExpected(overlap.expected[m].visits));
  }
  return out;
}

}  // namespace planc::overlap
