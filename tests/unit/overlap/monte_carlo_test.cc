// The overlap figures against a brute-force simulation of the real draw
// (draw.md): per trial every unit gets a 64-bit u, each task takes from each
// of its strata the n units with the smallest (u, id), and the visits are
// counted per unit with this file's own partition. The simulation lives here
// only; it shares nothing with compiler/overlap but the plan and the model's
// sample sizes.
//
// The formulas use the PRN interval model (expect.h): a task draws a unit
// when u/2^64 falls in an interval of length p = n/N. The real draw takes
// exactly n units, so the two agree only where the model is exact:
// - independent: always, for marginals, pairs, reached and visits: each
//   unit's draws by different tasks come from independent streams, and each
//   one has probability n/N exactly;
// - positive, tasks of a group on one shared stratum: the samples are nested
//   by n, exactly as the intervals [0, p) are;
// - positive, nested strata with well separated ratios: the smaller
//   sample's threshold u stays below the larger's (the gap is several
//   standard deviations), so the samples are nested with probability ~1;
// - negative, one shared stratum, each task's p well below 1/m: the arcs
//   [1 - i/m, 1 - i/m + p) never reach the next one, so no unit is drawn
//   twice in the group, as in the model.
// Each case says which of these it relies on and which modes it checks (a
// trial simulates all three modes, as Analyze reports all three). The last
// case shows where the model is only an approximation.
//
// Tolerance: |formula - mean| <= 4 standard errors of the Monte-Carlo mean
// + kSlack units. Seeds are fixed, so every run gives the same numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <bitset>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/overlap/expect.h"
#include "compiler/overlap/overlap.h"
#include "tests/unit/overlap/overlap_test_support.h"

namespace planc::overlap {
namespace {

using sema::CreditClass;
using sema::TaskText;
using test::MakeAtom;
using test::MakePopulation;
using test::PlanText;

// Absolute slack on top of 4 standard errors, in units: room for float
// rounding in figures that do not vary between trials, and for the
// vanishing chance that well-separated thresholds cross.
constexpr double kSlack = 0.02;

// Running mean and standard error of one figure over the trials.
class Tally {
 public:
  void Add(double x) {
    ++n_;
    sum_ += x;
    sum2_ += x * x;
  }
  double Mean() const { return sum_ / n_; }
  double StdErr() const {
    double variance = (sum2_ - sum_ * sum_ / n_) / (n_ - 1);
    return std::sqrt(std::max(variance, 0.0) / n_);
  }

 private:
  int n_ = 0;
  double sum_ = 0, sum2_ = 0;
};

struct Metric {
  std::string name;
  std::size_t mode;  // index into kModes
  double formula;
  Tally tally;
};

struct Case {
  std::string plan;  // plan text
  std::vector<data::Atom> atoms;
  std::vector<std::vector<std::string>> groups;  // expected, task ids in id order
  std::vector<bool> exact;                       // by kModes: compare this mode
  int trials = 2000;
  std::uint64_t seed = 1;
};

// 128-bit arithmetic for floor(i·2^64/m), as draw.md shifts u.
__extension__ using U128 = unsigned __int128;

class Simulation {
 public:
  explicit Simulation(const Case& spec) : spec_(spec) {
    compiled_ = test::Compile(spec.plan, MakePopulation(spec.atoms));
    atoms_ = compiled_->model.population->atoms;
  }

  const test::Compiled& compiled() const { return *compiled_; }
  const std::vector<Metric>& metrics() const { return metrics_; }

  // Checks the groups, lays out the units and strata, and runs the trials.
  void Run() {
    ASSERT_EQ(compiled_->GroupIdsOfAll().size(), spec_.groups.size());
    for (std::size_t g = 0; g < spec_.groups.size(); ++g) {
      ASSERT_EQ(compiled_->GroupIds(compiled_->overlap.groups[g]), spec_.groups[g]);
    }
    Layout();
    AddMetrics();
    test::SplitMix64 rng(spec_.seed);
    std::vector<double> values(metrics_.size());
    std::vector<std::uint64_t> per_unit(unit_atom_.size());
    std::vector<std::vector<std::uint64_t>> group_u(groups_.size(), per_unit);
    std::vector<std::vector<std::uint64_t>> task_u(tasks_.size(), per_unit);
    for (int trial = 0; trial < spec_.trials; ++trial) {
      for (auto& us : group_u) Fill(us, rng);
      for (auto& us : task_u) Fill(us, rng);
      std::fill(values.begin(), values.end(), 0);
      for (std::size_t m = 0; m < kModes.size(); ++m) {
        Draw(m, group_u, task_u);
        Count(m, values);
      }
      for (std::size_t i = 0; i < metrics_.size(); ++i) metrics_[i].tally.Add(values[i]);
    }
  }

  // Every metric of an exact mode within 4 standard errors + kSlack.
  void CheckExactModes() const {
    for (const Metric& metric : metrics_) {
      if (!spec_.exact[metric.mode]) continue;
      double mean = metric.tally.Mean(), se = metric.tally.StdErr();
      EXPECT_NEAR(metric.formula, mean, 4 * se + kSlack)
          << metric.name << " under " << ast::Name(kModes[metric.mode]) << ": formula "
          << metric.formula << ", Monte-Carlo " << mean << " ± " << se;
    }
  }

  const Metric& Find(const std::string& name, std::size_t mode) const {
    for (const Metric& metric : metrics_) {
      if (metric.name == name && metric.mode == mode) return metric;
    }
    ADD_FAILURE() << "no metric " << name;
    return metrics_.front();
  }

 private:
  struct Task {
    std::string id;
    long start = 0, end = 0;
    bool never = false;
    std::size_t group = 0, position = 0;  // position in the group, by id
    // Per stratum: its units (by id) and n; per class, the stratum's n/N.
    std::vector<std::vector<std::uint32_t>> strata;
    std::vector<std::uint64_t> n;
    double p[5] = {0, 0, 0, 0, 0};
  };

  static void Fill(std::vector<std::uint64_t>& us, test::SplitMix64& rng) {
    for (std::uint64_t& u : us) u = rng.Next();
  }

  // Units get ids in atom order, zero-padded, so that comparing indexes is
  // comparing ids bytewise.
  void Layout() {
    for (std::size_t a = 0; a < atoms_.size(); ++a) {
      for (std::uint64_t k = 0; k < atoms_[a].count; ++k) unit_atom_.push_back(a);
    }
    const model::Model& model = compiled_->model;
    for (std::size_t t = 0; t < model.tasks.size(); ++t) {
      const sema::Task& st = *model.tasks[t].task;
      Task task;
      task.id = st.id;
      task.start = st.window.start.Serial();
      task.end = st.window.end.Serial();
      task.never = st.merge == ast::MergeMode::kNever;
      for (std::size_t g = 0; g < spec_.groups.size(); ++g) {
        auto at = std::find(spec_.groups[g].begin(), spec_.groups[g].end(), st.id);
        if (at == spec_.groups[g].end()) continue;
        task.group = g;
        task.position = at - spec_.groups[g].begin();
      }
      for (const model::Stratum& s : model.tasks[t].strata) {
        std::vector<std::uint32_t> units;
        for (std::uint32_t k = 0; k < unit_atom_.size(); ++k) {
          const data::Atom& atom = atoms_[unit_atom_[k]];
          bool in_task = std::count(atom.tasks.begin(), atom.tasks.end(), st.id) > 0;
          if (in_task && (s.name == "*" || s.name == sema::Name(atom.credit))) units.push_back(k);
        }
        ASSERT_EQ(units.size(), s.population.value_or(0)) << st.id << " " << s.name;
        for (CreditClass c : sema::kCreditClasses) {
          if (s.name == "*" || s.name == sema::Name(c)) {
            task.p[static_cast<int>(c)] =
                units.empty() ? 0 : static_cast<double>(*s.n) / static_cast<double>(units.size());
          }
        }
        task.strata.push_back(std::move(units));
        task.n.push_back(*s.n);
      }
      tasks_.push_back(std::move(task));
    }
    groups_.assign(spec_.groups.size(), 0);
    for (std::size_t t = 0; t < tasks_.size(); ++t) groups_[tasks_[t].group] |= 1u << t;
    for (std::uint32_t mask = 0; mask < (1u << tasks_.size()); ++mask) {
      visits_of_.push_back(Visits(mask));
    }
  }

  // draw.md "Visits": `merge never` tasks one visit each; the rest sorted by
  // (window end, id), each joining the current visit when its window meets
  // the visit's common window, else opening a new one.
  int Visits(std::uint32_t mask) const {
    int visits = 0;
    std::vector<const Task*> merging;
    for (std::size_t t = 0; t < tasks_.size(); ++t) {
      if (!(mask >> t & 1)) continue;
      if (tasks_[t].never) {
        ++visits;
      } else {
        merging.push_back(&tasks_[t]);
      }
    }
    std::sort(merging.begin(), merging.end(), [](const Task* a, const Task* b) {
      return a->end != b->end ? a->end < b->end : a->id < b->id;
    });
    long from = 0, to = -1;  // empty: no visit open
    for (const Task* task : merging) {
      if (from <= to && task->start <= to && task->end >= from) {
        from = std::max(from, task->start);
        to = std::min(to, task->end);
      } else {
        from = task->start;
        to = task->end;
        ++visits;
      }
    }
    return visits;
  }

  // One draw of every task's strata under kModes[m]; drawn_[k] is the set of
  // tasks (bits) that drew unit k.
  void Draw(std::size_t m, const std::vector<std::vector<std::uint64_t>>& group_u,
            const std::vector<std::vector<std::uint64_t>>& task_u) {
    drawn_.assign(unit_atom_.size(), 0);
    for (std::size_t t = 0; t < tasks_.size(); ++t) {
      const Task& task = tasks_[t];
      std::size_t size = spec_.groups[task.group].size();
      std::uint64_t shift =
          static_cast<std::uint64_t>((static_cast<U128>(task.position) << 64) / size);
      for (std::size_t s = 0; s < task.strata.size(); ++s) {
        keys_.clear();
        for (std::uint32_t k : task.strata[s]) {
          std::uint64_t u = kModes[m] == ast::Coordination::kIndependent ? task_u[t][k]
                                                                         : group_u[task.group][k];
          if (kModes[m] == ast::Coordination::kNegative) u += shift;  // mod 2^64
          keys_.emplace_back(u, k);
        }
        auto nth = keys_.begin() + static_cast<std::ptrdiff_t>(task.n[s]);
        std::nth_element(keys_.begin(), nth, keys_.end());
        for (auto it = keys_.begin(); it != nth; ++it) drawn_[it->second] |= 1u << t;
      }
    }
  }

  void Count(std::size_t m, std::vector<double>& values) const {
    const Indexes& at = indexes_[m];
    for (std::size_t k = 0; k < drawn_.size(); ++k) {
      std::uint32_t mask = drawn_[k];
      if (mask == 0) continue;
      std::size_t a = unit_atom_[k];
      bool base = atoms_[a].base;
      values[at.plan_reached] += 1;
      if (base) values[at.plan_base] += 1;
      values[at.plan_visits] += visits_of_[mask];
      for (std::size_t g = 0; g < groups_.size(); ++g) {
        std::uint32_t in_group = mask & groups_[g];
        if (in_group == 0) continue;
        values[at.group[g] + 0] += 1;
        if (base) values[at.group[g] + 1] += 1;
        values[at.group[g] + 2] += visits_of_[in_group];
        values[at.group[g] + 3] += std::bitset<32>(in_group).count();
        values[at.atom_group[a][g] + 0] += 1;
        values[at.atom_group[a][g] + 1] += visits_of_[in_group];
      }
      for (std::size_t p = 0; p < pairs_.size(); ++p) {
        std::uint32_t both = (1u << pairs_[p].first) | (1u << pairs_[p].second);
        if ((mask & both) == both) values[at.pair[p]] += 1;
      }
    }
  }

  // The members of group g that may draw a unit of `atom`, built from the
  // plan and the model's n/N (not from Analyze).
  std::vector<Member> Members(const data::Atom& atom, std::size_t g) const {
    std::vector<Member> members;
    for (const std::string& id : spec_.groups[g]) {
      if (std::count(atom.tasks.begin(), atom.tasks.end(), id) == 0) continue;
      const Task& task = tasks_[compiled_->IndexOf(id)];
      Member member;
      member.id = id;
      member.p = task.p[static_cast<int>(atom.credit)];
      member.start = task.start;
      member.end = task.end;
      member.never = task.never;
      member.shift = NegativeShift(task.position, spec_.groups[g].size());
      members.push_back(std::move(member));
    }
    return members;
  }

  std::size_t Add(std::string name, std::size_t m, double formula) {
    metrics_.push_back(Metric{std::move(name), m, formula, {}});
    return metrics_.size() - 1;
  }

  // The formulas: Analyze's group and plan figures and edge weights, and
  // Expect and Both per atom on hand-built members.
  void AddMetrics() {
    const Overlap& o = compiled_->overlap;
    for (std::size_t a = 0; a < tasks_.size(); ++a) {
      for (std::size_t b = a + 1; b < tasks_.size(); ++b) {
        if (tasks_[a].group == tasks_[b].group) pairs_.emplace_back(a, b);
      }
    }
    indexes_.resize(kModes.size());
    for (std::size_t m = 0; m < kModes.size(); ++m) {
      Indexes& at = indexes_[m];
      at.plan_reached = Add("plan reached", m, o.expected[m].reached);
      at.plan_base = Add("plan reached base", m, o.expected[m].reached_base);
      at.plan_visits = Add("plan visits", m, o.expected[m].visits);
      for (std::size_t g = 0; g < groups_.size(); ++g) {
        const Group& group = o.groups[g];
        std::string name = "group " + group.id;
        at.group.push_back(Add(name + " reached", m, group.expected[m].reached));
        Add(name + " reached base", m, group.expected[m].reached_base);
        Add(name + " visits", m, group.expected[m].visits);
        Add(name + " drawn", m, static_cast<double>(group.planned.value_or(0)));
      }
      at.atom_group.assign(atoms_.size(), std::vector<std::size_t>(groups_.size()));
      for (std::size_t a = 0; a < atoms_.size(); ++a) {
        for (std::size_t g = 0; g < groups_.size(); ++g) {
          Expectation e = Expect(Members(atoms_[a], g), kModes[m]);
          auto count = static_cast<double>(atoms_[a].count);
          std::string name = "atom " + std::to_string(a) + " group " + o.groups[g].id;
          at.atom_group[a][g] = Add(name + " reached", m, count * e.reached);
          Add(name + " visits", m, count * e.visits);
        }
      }
      for (const auto& [ta, tb] : pairs_) {
        double both = 0;
        for (const data::Atom& atom : atoms_) {
          std::vector<Member> members = Members(atom, tasks_[ta].group);
          const Member* ma = nullptr;
          const Member* mb = nullptr;
          for (const Member& member : members) {
            if (member.id == tasks_[ta].id) ma = &member;
            if (member.id == tasks_[tb].id) mb = &member;
          }
          if (ma && mb) both += static_cast<double>(atom.count) * Both(*ma, *mb, kModes[m]);
        }
        at.pair.push_back(Add("common " + tasks_[ta].id + " " + tasks_[tb].id, m, both));
        // Under the plan's mode the edge carries the same figure.
        const Edge* edge = compiled_->FindEdge(o.edges, tasks_[ta].id, tasks_[tb].id);
        if (kModes[m] == o.mode && edge) {
          EXPECT_NEAR(edge->weight.value_or(-1), both, 1e-9) << tasks_[ta].id << tasks_[tb].id;
        }
      }
    }
  }

  struct Indexes {
    std::size_t plan_reached = 0, plan_base = 0, plan_visits = 0;
    std::vector<std::size_t> group;  // reached, base, visits, drawn
    std::vector<std::vector<std::size_t>> atom_group;  // reached, visits
    std::vector<std::size_t> pair;
  };

  const Case& spec_;
  std::unique_ptr<test::Compiled> compiled_;
  std::vector<data::Atom> atoms_;
  std::vector<std::size_t> unit_atom_;  // unit (id order) -> atom
  std::vector<Task> tasks_;             // model order; bit t of a mask
  std::vector<std::uint32_t> groups_;   // tasks of each group, as a mask
  std::vector<int> visits_of_;          // by mask
  std::vector<std::pair<std::size_t, std::size_t>> pairs_;  // tasks of one group
  std::vector<Indexes> indexes_;        // by kModes
  std::vector<Metric> metrics_;
  std::vector<std::uint32_t> drawn_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keys_;
};

void RunExact(const Case& spec) {
  Simulation simulation(spec);
  simulation.Run();
  if (testing::Test::HasFatalFailure()) return;
  simulation.CheckExactModes();
}

// Independent coordination; tasks over overlapping but different strata
// (a plain ratio, classes with D at 100%, units in two, three tasks), a
// chain of windows (T1 meets T2, T2 meets T3, T1 and T3 share units but not
// a period) and a `merge never` task. Exact under independent only.
TEST(MonteCarloTest, IndependentOverlappingDifferentStrata) {
  Case spec;
  spec.plan = PlanText(
      TaskText("T1", "8%", "2024-03 .. 2024-06") +
          TaskText("T2", "by credit { A: 5%, B: 20%, C: 40%, D: 100%, U: 20% }",
                   "2024-05 .. 2024-08") +
          TaskText("T3", "30%", "2024-07 .. 2024-10") +
          TaskText("T4", "10%", "2024-03 .. 2024-10", "merge never"),
      "independent");
  spec.atoms = {MakeAtom({"T1"}, CreditClass::kA, true, 150),
                MakeAtom({"T1", "T2"}, CreditClass::kA, true, 100),
                MakeAtom({"T1", "T2"}, CreditClass::kC, false, 60),
                MakeAtom({"T1", "T2", "T3"}, CreditClass::kB, true, 80),
                MakeAtom({"T2", "T3"}, CreditClass::kD, true, 20),
                MakeAtom({"T1", "T3"}, CreditClass::kC, true, 50),
                MakeAtom({"T1", "T2", "T4"}, CreditClass::kB, true, 40),
                MakeAtom({"T3", "T4"}, CreditClass::kU, false, 70),
                MakeAtom({"T4"}, CreditClass::kA, true, 90)};
  spec.groups = {{"T1", "T2", "T3"}, {"T4"}};
  spec.exact = {false, true, false};
  spec.trials = 3000;
  spec.seed = 101;
  RunExact(spec);
}

// Positive coordination; every task on the same strata (the same units, by
// credit class), different n per class: samples nested by n, exact. T2's
// window nests in T1's, T3 meets T1 but not T2, T4 is `merge never` with
// T1's window (a group of its own). Negative is exact too: in group T1 every
// p is at most .2 < 1/3 with m = 3, so the arcs stay apart (the nearest
// margin, class D at N 50, is over 5 standard deviations).
TEST(MonteCarloTest, PositiveSharedStrataDifferentSizes) {
  Case spec;
  spec.plan = PlanText(
      TaskText("T1", "by credit { A: 3%, B: 6%, C: 12%, D: 10%, U: 6% }", "2024-03 .. 2024-08") +
          TaskText("T2", "by credit { A: 10%, B: 4%, C: 20%, D: 5%, U: 4% }",
                   "2024-05 .. 2024-06") +
          TaskText("T3", "by credit { A: 6%, B: 15%, C: 8%, D: 10%, U: 15% }",
                   "2024-07 .. 2024-12") +
          TaskText("T4", "by credit { A: 5%, B: 5%, C: 25%, D: 5%, U: 5% }",
                   "2024-03 .. 2024-08", "merge never"),
      "positive");
  std::vector<std::string> all = {"T1", "T2", "T3", "T4"};
  spec.atoms = {MakeAtom(all, CreditClass::kA, true, 300), MakeAtom(all, CreditClass::kB, true, 200),
                MakeAtom(all, CreditClass::kB, false, 100),
                MakeAtom(all, CreditClass::kC, true, 150),
                MakeAtom(all, CreditClass::kD, false, 50)};
  spec.groups = {{"T1", "T2", "T3"}, {"T4"}};
  spec.exact = {true, true, true};
  spec.trials = 2500;
  spec.seed = 102;
  RunExact(spec);
}

// Positive coordination; T1 draws 4% of 1500 units, T2 25% and T3 10% of a
// subset of 600. T2 and T3 share their stratum (nested exactly); T1's
// threshold (~.040 ± .005) stays below T3's (~.10 ± .012) and T2's (~.25):
// nested with probability ~1. Windows: T2 nested in T1, T3 meets T1 only.
// Negative: arcs [0, .04), [2/3, .92), [1/3, .43), apart by over 4 standard
// deviations.
TEST(MonteCarloTest, PositiveNestedStrataWellSeparatedRatios) {
  Case spec;
  spec.plan = PlanText(TaskText("T1", "4%", "2024-03 .. 2024-10") +
                           TaskText("T2", "25%", "2024-05 .. 2024-06") +
                           TaskText("T3", "10%", "2024-09 .. 2024-12"),
                       "positive");
  spec.atoms = {MakeAtom({"T1"}, CreditClass::kA, true, 700),
                MakeAtom({"T1"}, CreditClass::kB, false, 200),
                MakeAtom({"T1", "T2", "T3"}, CreditClass::kA, true, 400),
                MakeAtom({"T1", "T2", "T3"}, CreditClass::kC, false, 200)};
  spec.groups = {{"T1", "T2", "T3"}};
  spec.exact = {true, true, true};
  spec.trials = 2000;
  spec.seed = 103;
  RunExact(spec);
}

// Negative coordination; four tasks on one stratum of 800 with p .05 .08
// .12 .15 (sum .4, m 4): arcs [0, .05), [.75, .83), [.5, .62), [.25, .40),
// apart by over 7 standard deviations, so nobody is drawn twice in the group,
// as in the model. T1 and T2 share a window, T3 nests in it, T4 meets them
// in August but not T3; T5 is `merge never` on the same units (its own group
// and stream). Positive and independent are exact on a shared stratum too.
TEST(MonteCarloTest, NegativeSharedStratum) {
  Case spec;
  spec.plan = PlanText(TaskText("T1", "5%", "2024-03 .. 2024-08") +
                           TaskText("T2", "8%", "2024-03 .. 2024-08") +
                           TaskText("T3", "12%", "2024-05 .. 2024-06") +
                           TaskText("T4", "15%", "2024-08 .. 2024-11") +
                           TaskText("T5", "10%", "2024-03 .. 2024-08", "merge never"),
                       "negative");
  std::vector<std::string> all = {"T1", "T2", "T3", "T4", "T5"};
  spec.atoms = {MakeAtom(all, CreditClass::kA, true, 300), MakeAtom(all, CreditClass::kB, true, 250),
                MakeAtom(all, CreditClass::kC, false, 150),
                MakeAtom(all, CreditClass::kU, true, 100)};
  spec.groups = {{"T1", "T2", "T3", "T4"}, {"T5"}};
  spec.exact = {true, true, true};
  spec.trials = 2000;
  spec.seed = 104;
  RunExact(spec);
}

// Negative coordination where the arcs do overlap: two tasks on one stratum
// of 500, p .7 and .6, shifts 0 and 1/2. Task 0 takes the 350 smallest u,
// task 1 the 300 first from 2^63 on, wrapping. With K units below 2^63,
// whenever 200 < K < 350 (K ~ 250 ± 11) they share exactly
// 350 + 300 - 500 = 150 units, and by symmetry each unit with probability
// .3: the model's [0, .1) ∪ [.5, .7). Positive and independent are exact on
// a shared stratum.
TEST(MonteCarloTest, NegativeArcsThatWrapOnOneStratum) {
  Case spec;
  spec.plan = PlanText(TaskText("T1", "70%", "2024-03 .. 2024-08") +
                           TaskText("T2", "60%", "2024-06 .. 2024-10"),
                       "negative");
  spec.atoms = {MakeAtom({"T1", "T2"}, CreditClass::kA, true, 300),
                MakeAtom({"T1", "T2"}, CreditClass::kC, false, 200)};
  spec.groups = {{"T1", "T2"}};
  spec.exact = {true, true, true};
  spec.trials = 2000;
  spec.seed = 105;
  RunExact(spec);
}

// Where the model is only an approximation: positive, two overlapping but
// different strata of 600 (300 shared) at the same 10%. The model says the
// shared units are drawn by both with probability min(.1, .1): 30 units.
// Really a unit is drawn by both when its u is below both thresholds, and
// the two thresholds (each ~.1 ± .012, correlated ~.5 through the shared
// half) differ: E[min] ≈ .1 - .012/√(2π) ≈ .095, so ≈ 28.5 common draws.
// The formula overstates by about 5%; we only require 15%. Independent
// figures stay exact here and are checked in full.
TEST(MonteCarloTest, PositiveEqualRatiosOnDifferentStrataIsApproximate) {
  Case spec;
  spec.plan = PlanText(TaskText("T1", "10%") + TaskText("T2", "10%"), "positive");
  spec.atoms = {MakeAtom({"T1"}, CreditClass::kA, true, 300),
                MakeAtom({"T1", "T2"}, CreditClass::kA, true, 300),
                MakeAtom({"T2"}, CreditClass::kA, true, 300)};
  spec.groups = {{"T1", "T2"}};
  spec.exact = {false, true, false};
  spec.trials = 2000;
  spec.seed = 106;
  Simulation simulation(spec);
  simulation.Run();
  ASSERT_FALSE(testing::Test::HasFatalFailure());
  simulation.CheckExactModes();
  const Metric& common = simulation.Find("common T1 T2", 0);
  EXPECT_NEAR(common.formula, 30, 1e-9);
  double mean = common.tally.Mean();
  EXPECT_LE(std::abs(common.formula - mean), 0.15 * mean)
      << "formula " << common.formula << ", Monte-Carlo " << mean << " ± "
      << common.tally.StdErr();
  ASSERT_EQ(simulation.compiled().overlap.edges.size(), 1u);
  EXPECT_NEAR(simulation.compiled().overlap.edges[0].weight.value_or(-1), 30, 1e-9);
}

}  // namespace
}  // namespace planc::overlap
