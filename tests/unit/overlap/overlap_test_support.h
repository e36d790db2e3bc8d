// Helpers for the overlap tests: a plan from text, a hand-made population of
// atoms, the model and the overlap analysis of both, and a SplitMix64
// generator (the draw forbids std:: engines; the tests follow suit).
#ifndef PLANC_TESTS_UNIT_OVERLAP_OVERLAP_TEST_SUPPORT_H_
#define PLANC_TESTS_UNIT_OVERLAP_OVERLAP_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/data/population.h"
#include "compiler/model/model.h"
#include "compiler/overlap/overlap.h"
#include "tests/unit/sema/sema_test_support.h"
#include "tests/unit/test_support.h"

namespace planc::test {

// Sebastiano Vigna's SplitMix64: a fixed, portable sequence from a seed.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1), 53 bits.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// A plan block with `coordination`, the unit, scope and pool that
// sema::TaskText uses, then `decls` and `tasks`.
inline std::string PlanText(const std::string& tasks, const std::string& coordination = "positive",
                            const std::string& decls = "") {
  return "plan \"计划\" { year 2024 coordination " + coordination + " }\nunit 股A\n" +
         "scope 企业 = kind == \"enterprise\"\npool 执法 = active\n" + decls + tasks;
}

inline data::Atom MakeAtom(std::vector<std::string> tasks, sema::CreditClass credit, bool base,
                           std::uint64_t count) {
  std::sort(tasks.begin(), tasks.end());
  data::Atom atom;
  atom.tasks = std::move(tasks);
  atom.credit = credit;
  atom.base = base;
  atom.count = count;
  return atom;
}

// A population of `atoms`, every unit active, base counts per class from the
// atoms' base flags; atoms sorted as ScanRegistry sorts them.
inline data::Population MakePopulation(std::vector<data::Atom> atoms) {
  data::Population population;
  population.sha256 = std::string(64, '0');
  for (const data::Atom& atom : atoms) {
    population.rows += atom.count;
    population.active += atom.count;
    if (atom.base) population.base[static_cast<int>(atom.credit)] += atom.count;
  }
  std::sort(atoms.begin(), atoms.end(), [](const data::Atom& a, const data::Atom& b) {
    if (a.tasks != b.tasks) return a.tasks < b.tasks;
    if (a.credit != b.credit) return a.credit < b.credit;
    return a.base < b.base;
  });
  population.atoms = std::move(atoms);
  population.date = "2024-01-01";
  return population;
}

// A plan checked, modelled and analysed. Heap-allocated because the model
// points into the plan.
struct Compiled {
  std::unique_ptr<sema::Analyzed> sema;
  Diagnostics diags;  // of the model and overlap stages
  model::Model model;
  overlap::Overlap overlap;

  const sema::Task& Task(std::size_t index) const { return *model.tasks.at(index).task; }
  // The index of the task `id` in the model.
  std::size_t IndexOf(const std::string& id) const {
    for (std::size_t i = 0; i < model.tasks.size(); ++i) {
      if (model.tasks[i].task->id == id) return i;
    }
    ADD_FAILURE() << "no task " << id;
    return 0;
  }
  std::string IdOf(std::size_t index) const { return model.tasks.at(index).task->id; }
  // The group's task ids, in its order.
  std::vector<std::string> GroupIds(const overlap::Group& group) const {
    std::vector<std::string> ids;
    for (std::size_t t : group.tasks) ids.push_back(IdOf(t));
    return ids;
  }
  std::vector<std::string> GroupIdsOfAll() const {
    std::vector<std::string> ids;
    for (const overlap::Group& g : overlap.groups) ids.push_back(g.id);
    return ids;
  }
  // The edge between tasks `a` and `b` (ids, either order), or null.
  const overlap::Edge* FindEdge(const std::vector<overlap::Edge>& edges, const std::string& a,
                                const std::string& b) const {
    for (const overlap::Edge& e : edges) {
      std::string x = IdOf(e.a), y = IdOf(e.b);
      if ((x == a && y == b) || (x == b && y == a)) return &e;
    }
    return nullptr;
  }
};

// Checks `plan_text` (failing the test on any sema error), builds the model
// over `population` and analyses the overlap.
inline std::unique_ptr<Compiled> Compile(const std::string& plan_text,
                                         std::optional<data::Population> population) {
  auto out = std::make_unique<Compiled>();
  out->sema = sema::AnalyzeText(plan_text);
  EXPECT_TRUE(out->sema->plan.has_value()) << Describe(out->sema->diags);
  EXPECT_EQ(out->sema->diags.errors(), 0u) << Describe(out->sema->diags);
  if (!out->sema->plan) return out;
  out->model = model::BuildModel(*out->sema->plan, std::move(population), "test", out->diags);
  out->overlap = overlap::Analyze(out->model, out->diags);
  return out;
}

}  // namespace planc::test

#endif  // PLANC_TESTS_UNIT_OVERLAP_OVERLAP_TEST_SUPPORT_H_
