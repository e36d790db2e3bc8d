#include "compiler/overlap/overlap.h"

#include <algorithm>
#include <map>
#include <set>

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
  Analyzer(const model::Model& model, Diagnostics& diags, bool notes)
      : model_(model), diags_(diags), notes_(notes) {}

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
    if (result_.figures) {
      Probabilities();
      Drawing();
      SharedUnits();
    } else {
      SharedScopes();
    }
    Groups();
    if (result_.figures) Figures();
    if (notes_) Notes();
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

  // For each atom, the ranks of the tasks that may draw its units (those
  // whose stratum of its class has p > 0), ascending; for each task (by
  // rank), the atoms it may draw from.
  void Drawing() {
    const std::vector<data::Atom>& atoms = model_.population->atoms;
    drawing_.resize(atoms.size());
    atoms_of_.resize(model_.tasks.size());
    for (std::size_t j = 0; j < atoms.size(); ++j) {
      const data::Atom& atom = atoms[j];
      std::vector<std::uint32_t>& ranks = drawing_[j];
      for (const std::string& id : atom.tasks) {
        auto it = index_of_.find(id);
        if (it != index_of_.end() && p_[it->second][static_cast<int>(atom.credit)] > 0) {
          ranks.push_back(static_cast<std::uint32_t>(rank_[it->second]));
        }
      }
      std::sort(ranks.begin(), ranks.end());
      ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
      for (std::uint32_t r : ranks) atoms_of_[r].push_back(static_cast<std::uint32_t>(j));
    }
  }

  // Classifies a pair of tasks (a before b by id) that may draw common units.
  void AddPair(std::size_t a, std::size_t b, std::optional<std::uint64_t> shared,
               const std::array<std::uint64_t, 5>& by_class, std::vector<std::string> scopes) {
    const sema::Task& ta = Task(a);
    const sema::Task& tb = Task(b);
    if (Never(ta) || Never(tb)) return;
    Edge edge;
    edge.a = a;
    edge.b = b;
    edge.shared = shared;
    edge.shared_by_class = by_class;
    edge.scopes = std::move(scopes);
    (WindowsMeet(ta, tb) ? result_.edges : result_.disjoint).push_back(std::move(edge));
  }

  // The units each pair of tasks may both draw, per class: for each task a
  // (by rank), the atoms it draws from and in each the tasks after it — a
  // sparse product of the task-atom incidence with itself, in time Σ k² / 2
  // over the atoms (k the tasks of an atom) and memory linear in the tasks
  // and the pairs found. Pairs come out by (id of a, id of b).
  void SharedUnits() {
    const std::vector<data::Atom>& atoms = model_.population->atoms;
    std::size_t n = model_.tasks.size();
    std::vector<std::array<std::uint64_t, 5>> units(n);  // by rank of b
    std::vector<char> seen(n, 0);
    std::vector<std::uint32_t> partners;
    for (std::size_t ra = 0; ra < n; ++ra) {
      partners.clear();
      for (std::uint32_t j : atoms_of_[ra]) {
        const std::vector<std::uint32_t>& ranks = drawing_[j];
        auto after = std::upper_bound(ranks.begin(), ranks.end(), ra);
        auto c = static_cast<int>(atoms[j].credit);
        for (auto it = after; it != ranks.end(); ++it) {
          if (!seen[*it]) {
            seen[*it] = 1;
            partners.push_back(*it);
          }
          units[*it][c] += atoms[j].count;
        }
      }
      std::sort(partners.begin(), partners.end());
      for (std::uint32_t rb : partners) {
        std::uint64_t shared = 0;
        for (std::uint64_t u : units[rb]) shared += u;
        if (shared > 0) AddPair(order_[ra], order_[rb], shared, units[rb], {});
        units[rb] = {};
        seen[rb] = 0;
      }
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
        if (!both.empty()) AddPair(a, b, std::nullopt, {}, std::move(both));
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

  // Task `t` as a member of its group for an atom of class `c`.
  Member MemberOf(std::size_t t, CreditClass c) const {
    const sema::Task& task = Task(t);
    Member m;
    m.id = task.id;
    m.p = p_[t][static_cast<int>(c)];
    m.start = task.window.start.Serial();
    m.end = task.window.end.Serial();
    m.never = Never(task);
    m.shift = NegativeShift(position_[t], result_.groups[result_.group_of[t]].tasks.size());
    return m;
  }

  void Figures() {
    position_.resize(model_.tasks.size());
    for (const Group& g : result_.groups) {
      for (std::size_t i = 0; i < g.tasks.size(); ++i) position_[g.tasks[i]] = i;
    }
    // An edge's expected common draws: the probability that both draw a
    // unit depends on the unit only through its class.
    for (Edge& e : result_.edges) {
      double weight = 0;
      for (CreditClass c : sema::kCreditClasses) {
        std::uint64_t units = e.shared_by_class[static_cast<int>(c)];
        if (units == 0) continue;
        weight += static_cast<double>(units) * Both(MemberOf(e.a, c), MemberOf(e.b, c), result_.mode);
      }
      e.weight = weight;
    }
    // Per atom and group, the expectations of one of its units. Atoms come
    // sorted by (tasks, class, base): one that differs from the one before
    // only in `base` reuses its expectations.
    const std::vector<data::Atom>& atoms = model_.population->atoms;
    std::vector<std::pair<std::size_t, std::array<Expectation, 3>>> per_group;  // by group
    for (std::size_t j = 0; j < atoms.size(); ++j) {
      const data::Atom& atom = atoms[j];
      if (drawing_[j].empty()) continue;
      bool same = j > 0 && atoms[j - 1].credit == atom.credit && drawing_[j - 1] == drawing_[j];
      if (!same) {
        // Split by group (tasks stay in id order within each).
        std::map<std::size_t, std::vector<Member>> by_group;
        for (std::uint32_t r : drawing_[j]) {
          std::size_t t = order_[r];
          by_group[result_.group_of[t]].push_back(MemberOf(t, atom.credit));
        }
        per_group.clear();
        for (const auto& [g, members] : by_group) {
          std::array<Expectation, 3> e;
          for (std::size_t m = 0; m < kModes.size(); ++m) e[m] = Expect(members, kModes[m]);
          per_group.emplace_back(g, e);
        }
      }
      auto count = static_cast<double>(atom.count);
      std::array<double, 3> missed{1, 1, 1};
      for (const auto& [g, e] : per_group) {
        Group& group = result_.groups[g];
        for (std::size_t m = 0; m < kModes.size(); ++m) {
          group.expected[m].reached += count * e[m].reached;
          if (atom.base) group.expected[m].reached_base += count * e[m].reached;
          group.expected[m].visits += count * e[m].visits;
          result_.expected[m].visits += count * e[m].visits;
          missed[m] *= 1 - e[m].reached;
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
  bool notes_;
  Overlap result_;
  std::vector<std::size_t> order_;  // task indexes by id
  std::vector<std::size_t> rank_;   // task index -> position in order_
  std::vector<std::size_t> position_;  // task index -> position in its group (id order)
  std::map<std::string, std::size_t> index_of_;
  std::vector<std::array<double, 5>> p_;  // per task and class
  std::vector<std::vector<std::uint32_t>> drawing_;   // per atom: ranks of its tasks
  std::vector<std::vector<std::uint32_t>> atoms_of_;  // per rank: its atoms
};

}  // namespace

Overlap Analyze(const model::Model& model, Diagnostics& diags, bool disjoint_notes) {
  return Analyzer(model, diags, disjoint_notes).Run();
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
