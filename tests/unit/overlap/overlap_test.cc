// Analyze on small plans over hand-made populations: edges, disjoint pairs
// and their note, groups, common windows, the scope graph without figures,
// and the group and plan figures.
#include "compiler/overlap/overlap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compiler/overlap/expect.h"
#include "tests/unit/overlap/overlap_test_support.h"

namespace planc::overlap {
namespace {

using sema::CreditClass;
using sema::TaskText;
using sema::WithTargets;
using test::Compile;
using test::MakeAtom;
using test::MakePopulation;
using test::PlanText;

constexpr double kEps = 1e-9;
constexpr std::size_t kPos = 0, kInd = 1, kNeg = 2;  // indexes of kModes

std::vector<std::string> Ids(std::initializer_list<const char*> ids) {
  return std::vector<std::string>(ids.begin(), ids.end());
}

TEST(OverlapTest, ModesAreListedPositiveIndependentNegative) {
  EXPECT_EQ(kModes[kPos], ast::Coordination::kPositive);
  EXPECT_EQ(kModes[kInd], ast::Coordination::kIndependent);
  EXPECT_EQ(kModes[kNeg], ast::Coordination::kNegative);
}

// T1 10% over 300 units (n 30, p .1), T2 20% over 500 (n 100, p .2); they
// share 200 class-A base units and their windows meet in May–June.
std::unique_ptr<test::Compiled> TwoTasks(const std::string& coordination) {
  return Compile(PlanText(TaskText("T1", "10%", "2024-03 .. 2024-06") +
                              TaskText("T2", "20%", "2024-05 .. 2024-08"),
                          coordination),
                 MakePopulation({MakeAtom({"T1"}, CreditClass::kA, true, 100),
                                 MakeAtom({"T1", "T2"}, CreditClass::kA, true, 200),
                                 MakeAtom({"T2"}, CreditClass::kB, false, 300)}));
}

TEST(OverlapTest, EdgeBetweenTasksThatShareUnitsAndMeet) {
  auto c = TwoTasks("positive");
  const Overlap& o = c->overlap;
  EXPECT_EQ(o.mode, ast::Coordination::kPositive);
  EXPECT_TRUE(o.figures);
  ASSERT_EQ(o.edges.size(), 1u);
  const Edge& e = o.edges[0];
  EXPECT_EQ(c->IdOf(e.a), "T1");
  EXPECT_EQ(c->IdOf(e.b), "T2");
  EXPECT_EQ(e.shared, 200u);
  // Positive: the smaller sample nests in the larger, 200 · min(.1, .2).
  ASSERT_TRUE(e.weight.has_value());
  EXPECT_NEAR(*e.weight, 20, kEps);
  EXPECT_TRUE(e.scopes.empty());
  EXPECT_TRUE(o.disjoint.empty());
  EXPECT_EQ(test::CountCode(c->diags, "N0301"), 0);
  ASSERT_EQ(o.groups.size(), 1u);
  EXPECT_EQ(o.groups[0].id, "T1");
  EXPECT_EQ(c->GroupIds(o.groups[0]), Ids({"T1", "T2"}));
  ASSERT_TRUE(o.groups[0].common.has_value());
  EXPECT_EQ(o.groups[0].common->first.ToString(), "2024-05-01");
  EXPECT_EQ(o.groups[0].common->second.ToString(), "2024-06-30");
  EXPECT_EQ(o.groups[0].planned, 130u);
  EXPECT_EQ(o.planned, 130u);
  EXPECT_EQ(o.planned, c->model.planned);
  EXPECT_EQ(o.base, 300u);
}

TEST(OverlapTest, FiguresOfTwoTasksUnderEachMode) {
  for (const char* mode : {"positive", "independent", "negative"}) {
    auto c = TwoTasks(mode);
    const Overlap& o = c->overlap;
    // T1 alone 100 · .1 = 10; T2 alone 300 · .2 = 60; the 200 shared:
    //   positive     200 · max(.1, .2)        = 40
    //   independent  200 · (1 - .9 · .8)      = 56
    //   negative     200 · (.1 + .2), arcs [0, .1) and [.5, .7)  = 60
    // The windows meet, so each reached unit is one visit. Base: the A units.
    const double reached[3] = {110, 126, 130}, base[3] = {50, 66, 70};
    for (std::size_t m = 0; m < 3; ++m) {
      SCOPED_TRACE(std::string(mode) + " figures under " + ast::Name(kModes[m]));
      EXPECT_NEAR(o.groups[0].expected[m].reached, reached[m], kEps);
      EXPECT_NEAR(o.groups[0].expected[m].visits, reached[m], kEps);
      EXPECT_NEAR(o.groups[0].expected[m].reached_base, base[m], kEps);
      EXPECT_NEAR(o.expected[m].reached, reached[m], kEps);
      EXPECT_NEAR(o.expected[m].visits, reached[m], kEps);
      EXPECT_NEAR(o.expected[m].reached_base, base[m], kEps);
    }
    // The edge weighs the common draws under the plan's own mode.
    const double common[3] = {20, 4, 0};
    std::size_t plan_mode = std::string(mode) == "positive" ? kPos
                            : std::string(mode) == "independent" ? kInd : kNeg;
    ASSERT_EQ(o.edges.size(), 1u);
    EXPECT_NEAR(o.edges[0].weight.value_or(-1), common[plan_mode], kEps) << mode;
  }
}

TEST(OverlapTest, NoEdgeWithoutSharedUnits) {
  auto c = Compile(PlanText(TaskText("T1", "10%") + TaskText("T2", "10%")),
                   MakePopulation({MakeAtom({"T1"}, CreditClass::kA, true, 100),
                                   MakeAtom({"T2"}, CreditClass::kA, true, 100)}));
  EXPECT_TRUE(c->overlap.edges.empty());
  EXPECT_TRUE(c->overlap.disjoint.empty());
  EXPECT_EQ(c->GroupIdsOfAll(), Ids({"T1", "T2"}));
}

TEST(OverlapTest, ZeroRatioStratumMakesNoEdge) {
  // The tasks share only class-A units, and T1 excludes class A.
  auto atoms = [] {
    return MakePopulation({MakeAtom({"T1", "T2"}, CreditClass::kA, true, 100),
                           MakeAtom({"T1"}, CreditClass::kB, true, 100),
                           MakeAtom({"T2"}, CreditClass::kC, true, 100)});
  };
  auto excluded = Compile(
      PlanText(TaskText("T1", "by credit { A: 0%, B: 10%, C: 10%, D: 10%, U: 10% }") +
               TaskText("T2", "10%")),
      atoms());
  EXPECT_TRUE(excluded->overlap.edges.empty());
  EXPECT_TRUE(excluded->overlap.disjoint.empty());
  EXPECT_EQ(excluded->GroupIdsOfAll(), Ids({"T1", "T2"}));
  // T1 draws 10 of its B units; T2 20 of its 200: 30 reached in every mode,
  // and no class-A unit of T1's counts as shared.
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_NEAR(excluded->overlap.expected[m].reached, 30, kEps) << m;
  }
  // With 1% of class A, the shared units make an edge.
  auto included = Compile(
      PlanText(TaskText("T1", "by credit { A: 1%, B: 10%, C: 10%, D: 10%, U: 10% }") +
               TaskText("T2", "10%")),
      atoms());
  ASSERT_EQ(included->overlap.edges.size(), 1u);
  EXPECT_EQ(included->overlap.edges[0].shared, 100u);
  EXPECT_EQ(included->GroupIdsOfAll(), Ids({"T1"}));
}

TEST(OverlapTest, UnclassifiedUnitsFollowClassB) {
  // No `U:` given: class U takes B's 10%, so the shared U units join.
  auto c = Compile(PlanText(TaskText("T1", "by credit { A: 0%, B: 10%, C: 0%, D: 0% }") +
                            TaskText("T2", "10%")),
                   MakePopulation({MakeAtom({"T1", "T2"}, CreditClass::kU, false, 50)}));
  ASSERT_EQ(c->overlap.edges.size(), 1u);
  EXPECT_EQ(c->overlap.edges[0].shared, 50u);
}

TEST(OverlapTest, MergeNeverMakesNoEdgeAndNoDisjointPair) {
  auto c = Compile(PlanText(TaskText("T1", "10%", "2024-03 .. 2024-06") +
                            TaskText("T2", "20%", "2024-03 .. 2024-06", "merge never") +
                            TaskText("T3", "20%", "2024-09 .. 2024-10", "merge never")),
                   MakePopulation({MakeAtom({"T1", "T2", "T3"}, CreditClass::kA, true, 100)}));
  const Overlap& o = c->overlap;
  EXPECT_TRUE(o.edges.empty());
  EXPECT_TRUE(o.disjoint.empty());
  EXPECT_EQ(test::CountCode(c->diags, "N0301"), 0) << test::Describe(c->diags);
  EXPECT_EQ(c->GroupIdsOfAll(), Ids({"T1", "T2", "T3"}));
  // Three groups, three streams: each unit is reached with probability
  // 1 - .9·.8·.8 = .424, and every draw is a visit of its own.
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_NEAR(o.expected[m].reached, 42.4, kEps) << m;
    EXPECT_NEAR(o.expected[m].visits, 50, kEps) << m;
  }
}

TEST(OverlapTest, DisjointWindowsGiveNoteN0301) {
  auto c = Compile(PlanText(TaskText("T1", "10%", "2024-03 .. 2024-04") +
                            TaskText("T2", "10%", "2024-09 .. 2024-10")),
                   MakePopulation({MakeAtom({"T1", "T2"}, CreditClass::kA, true, 200)}));
  const Overlap& o = c->overlap;
  EXPECT_TRUE(o.edges.empty());
  ASSERT_EQ(o.disjoint.size(), 1u);
  EXPECT_EQ(c->IdOf(o.disjoint[0].a), "T1");
  EXPECT_EQ(c->IdOf(o.disjoint[0].b), "T2");
  EXPECT_EQ(o.disjoint[0].shared, 200u);
  EXPECT_EQ(c->GroupIdsOfAll(), Ids({"T1", "T2"}));
  std::vector<Diagnostic> notes = test::WithCode(c->diags, "N0301");
  ASSERT_EQ(notes.size(), 1u) << test::Describe(c->diags);
  EXPECT_EQ(notes[0].severity, Severity::kNote);
  EXPECT_TRUE(test::Contains(notes[0].message.en, "`T1` and `T2`")) << notes[0].message.en;
  EXPECT_TRUE(test::Contains(notes[0].message.en, "200 units")) << notes[0].message.en;
  ASSERT_TRUE(notes[0].primary.has_value());
  EXPECT_EQ(test::TextAt(*c->sema->file, notes[0].primary->range), "window 2024-09 .. 2024-10");
  // Two groups, two streams; each draw its own visit: 20 + 20 visits,
  // 200 · (1 - .9²) = 38 reached.
  for (std::size_t m = 0; m < 3; ++m) {
    EXPECT_NEAR(o.expected[m].visits, 40, kEps) << m;
    EXPECT_NEAR(o.expected[m].reached, 38, kEps) << m;
  }
}

TEST(OverlapTest, GroupsAreComponentsNamedByTheirSmallestIdBytewise) {
  // Bytewise: T1 < T10 < T2 < b < 甲. Source order differs on purpose.
  auto c = Compile(PlanText(TaskText("T2", "10%") + TaskText("b", "10%") + TaskText("甲", "10%") +
                            TaskText("T10", "10%") + TaskText("T1", "10%")),
                   MakePopulation({MakeAtom({"T2", "甲"}, CreditClass::kA, true, 10),
                                   MakeAtom({"T10", "b"}, CreditClass::kC, true, 10),
                                   MakeAtom({"T1"}, CreditClass::kA, true, 10)}));
  const Overlap& o = c->overlap;
  ASSERT_EQ(o.edges.size(), 2u);
  EXPECT_EQ(c->IdOf(o.edges[0].a), "T10");
  EXPECT_EQ(c->IdOf(o.edges[0].b), "b");
  EXPECT_EQ(c->IdOf(o.edges[1].a), "T2");
  EXPECT_EQ(c->IdOf(o.edges[1].b), "甲");
  EXPECT_EQ(c->GroupIdsOfAll(), Ids({"T1", "T10", "T2"}));
  EXPECT_EQ(c->GroupIds(o.groups[1]), Ids({"T10", "b"}));
  EXPECT_EQ(c->GroupIds(o.groups[2]), Ids({"T2", "甲"}));
  ASSERT_EQ(o.group_of.size(), 5u);
  for (std::size_t g = 0; g < o.groups.size(); ++g) {
    for (std::size_t t : o.groups[g].tasks) EXPECT_EQ(o.group_of[t], g) << c->IdOf(t);
  }
}

TEST(OverlapTest, ChainIsOneGroupWithoutACommonWindow) {
  // A meets B, B meets C, A and C share units but not a period.
  auto c = Compile(PlanText(TaskText("A", "10%", "2024-01 .. 2024-04") +
                            TaskText("B", "10%", "2024-04 .. 2024-08") +
                            TaskText("C", "10%", "2024-07 .. 2024-12")),
                   MakePopulation({MakeAtom({"A", "B", "C"}, CreditClass::kB, true, 100)}));
  const Overlap& o = c->overlap;
  ASSERT_EQ(o.edges.size(), 2u);
  EXPECT_NE(c->FindEdge(o.edges, "A", "B"), nullptr);
  EXPECT_NE(c->FindEdge(o.edges, "B", "C"), nullptr);
  ASSERT_EQ(o.disjoint.size(), 1u);
  EXPECT_NE(c->FindEdge(o.disjoint, "A", "C"), nullptr);
  EXPECT_EQ(test::CountCode(c->diags, "N0301"), 1);
  ASSERT_EQ(o.groups.size(), 1u);
  EXPECT_EQ(c->GroupIds(o.groups[0]), Ids({"A", "B", "C"}));
  EXPECT_FALSE(o.groups[0].common.has_value());
  // Positive, p = .1 each, shared u: all three draw together, A+B and C are
  // two visits: 100 · .1 · 2.
  EXPECT_NEAR(o.groups[0].expected[kPos].visits, 20, kEps);
  EXPECT_NEAR(o.groups[0].expected[kPos].reached, 10, kEps);
}

TEST(OverlapTest, CommonWindowIsTheIntersection) {
  auto c = Compile(PlanText(TaskText("T1", "10%", "2024-03 .. 2024-10") +
                            TaskText("T2", "10%", "2024-05-10 .. 2024-06-20") +
                            TaskText("T3", "10%", "2024-06 .. 2024-12")),
                   MakePopulation({MakeAtom({"T1", "T2", "T3"}, CreditClass::kA, true, 100)}));
  ASSERT_EQ(c->overlap.groups.size(), 1u);
  const Group& g = c->overlap.groups[0];
  ASSERT_TRUE(g.common.has_value());
  EXPECT_EQ(g.common->first.ToString(), "2024-06-01");
  EXPECT_EQ(g.common->second.ToString(), "2024-06-20");
  EXPECT_EQ(c->overlap.edges.size(), 3u);
}

TEST(OverlapTest, WindowsSharingOneDayMeet) {
  auto c = Compile(PlanText(TaskText("T1", "10%", "2024-03-01 .. 2024-05-31") +
                            TaskText("T2", "10%", "2024-05-31 .. 2024-08-31")),
                   MakePopulation({MakeAtom({"T1", "T2"}, CreditClass::kA, true, 100)}));
  EXPECT_EQ(c->overlap.edges.size(), 1u);
  ASSERT_EQ(c->overlap.groups.size(), 1u);
  EXPECT_EQ(c->overlap.groups[0].common->first.ToString(), "2024-05-31");
  EXPECT_EQ(c->overlap.groups[0].common->second.ToString(), "2024-05-31");
}

TEST(OverlapTest, TaskWithoutUnitsIsAGroupOfItsOwn) {
  auto c = Compile(PlanText(TaskText("T1", "10%") + TaskText("T2", "10%")),
                   MakePopulation({MakeAtom({"T1"}, CreditClass::kA, true, 100)}));
  EXPECT_TRUE(c->overlap.edges.empty());
  ASSERT_EQ(c->overlap.groups.size(), 2u);
  EXPECT_EQ(c->overlap.groups[1].planned, 0u);
  for (std::size_t m = 0; m < 3; ++m) EXPECT_EQ(c->overlap.groups[1].expected[m].reached, 0);
}

TEST(OverlapTest, WithoutPopulationTasksNamingTheSameScopeAreJoined) {
  std::string decls =
      "scope 食品 = 企业 and industry == \"F52\"\nscope 特设 = tags has \"特种设备\"\n";
  // T4 names only 企业, which 食品 uses: naming is literal, so no edge.
  auto c = Compile(PlanText(WithTargets(TaskText("T1"), "食品") +
                                WithTargets(TaskText("T2"), "食品 and 特设") +
                                WithTargets(TaskText("T3"), "特设") + TaskText("T4") +
                                WithTargets(TaskText("T5"), "食品 or 特设"),
                            "positive", decls),
                   std::nullopt);
  const Overlap& o = c->overlap;
  EXPECT_FALSE(o.figures);
  EXPECT_FALSE(o.planned.has_value());
  EXPECT_TRUE(o.disjoint.empty());
  // T1–T2 T1–T5 (食品), T2–T3 T3–T5 (特设), T2–T5 (both).
  ASSERT_EQ(o.edges.size(), 5u);
  std::vector<std::pair<std::string, std::string>> pairs = {
      {"T1", "T2"}, {"T1", "T5"}, {"T2", "T3"}, {"T2", "T5"}, {"T3", "T5"}};
  for (const auto& [a, b] : pairs) {
    const Edge* e = c->FindEdge(o.edges, a, b);
    ASSERT_NE(e, nullptr) << a << " " << b;
    EXPECT_EQ(c->IdOf(e->a), a);
    EXPECT_FALSE(e->shared.has_value());
    EXPECT_FALSE(e->weight.has_value());
  }
  EXPECT_EQ(c->FindEdge(o.edges, "T1", "T2")->scopes, Ids({"食品"}));
  EXPECT_EQ(c->FindEdge(o.edges, "T2", "T3")->scopes, Ids({"特设"}));
  // Both scopes, in bytewise order (特 is E7 89 B9, 食 is E9 A3 9F).
  EXPECT_EQ(c->FindEdge(o.edges, "T2", "T5")->scopes, Ids({"特设", "食品"}));
  EXPECT_EQ(c->FindEdge(o.edges, "T1", "T3"), nullptr);
  EXPECT_EQ(c->GroupIdsOfAll(), Ids({"T1", "T4"}));
  EXPECT_EQ(c->GroupIds(o.groups[0]), Ids({"T1", "T2", "T3", "T5"}));
  EXPECT_FALSE(o.groups[0].planned.has_value());
}

TEST(OverlapTest, WithoutPopulationDisjointScopeNote) {
  auto c = Compile(PlanText(TaskText("T1", "5%", "2024-03 .. 2024-04") +
                            TaskText("T2", "5%", "2024-09 .. 2024-10")),
                   std::nullopt);
  ASSERT_EQ(c->overlap.disjoint.size(), 1u);
  EXPECT_EQ(c->overlap.disjoint[0].scopes, Ids({"企业"}));
  std::vector<Diagnostic> notes = test::WithCode(c->diags, "N0301");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_TRUE(test::Contains(notes[0].message.en, "name the same scope `企业`"))
      << notes[0].message.en;
}

// Three groups over overlapping atoms: {T1, T2}, {T3} (merge never) and
// {T4} (disjoint window).
std::unique_ptr<test::Compiled> ThreeGroups(const std::string& coordination) {
  return Compile(
      PlanText(TaskText("T1", "by credit { A: 5%, B: 10%, C: 20%, D: 50%, U: 10% }",
                        "2024-03 .. 2024-06") +
                   TaskText("T2", "15%", "2024-04 .. 2024-09") +
                   TaskText("T3", "30%", "2024-04 .. 2024-09", "merge never") +
                   TaskText("T4", "25%", "2024-11 .. 2024-12"),
               coordination),
      MakePopulation({MakeAtom({"T1", "T2"}, CreditClass::kA, true, 120),
                      MakeAtom({"T1", "T2", "T3"}, CreditClass::kC, true, 80),
                      MakeAtom({"T1", "T2", "T3"}, CreditClass::kC, false, 40),
                      MakeAtom({"T2", "T3", "T4"}, CreditClass::kB, true, 60),
                      MakeAtom({"T1", "T4"}, CreditClass::kD, false, 30),
                      MakeAtom({"T4"}, CreditClass::kU, true, 70)}));
}

TEST(OverlapTest, PlanFiguresAddUpOverGroups) {
  for (const char* mode : {"positive", "independent", "negative"}) {
    SCOPED_TRACE(mode);
    auto c = ThreeGroups(mode);
    const Overlap& o = c->overlap;
    EXPECT_EQ(c->GroupIdsOfAll(), Ids({"T1", "T3", "T4"}));
    EXPECT_EQ(c->GroupIds(o.groups[0]), Ids({"T1", "T2"}));
    EXPECT_EQ(o.disjoint.size(), 2u);  // T1–T4 and T2–T4
    EXPECT_EQ(o.planned, c->model.planned);
    std::uint64_t planned = 0;
    for (const Group& g : o.groups) planned += g.planned.value_or(0);
    EXPECT_EQ(planned, o.planned.value_or(1));
    for (std::size_t m = 0; m < 3; ++m) {
      double visits = 0, reached = 0, reached_base = 0;
      for (const Group& g : o.groups) {
        visits += g.expected[m].visits;
        reached += g.expected[m].reached;
        reached_base += g.expected[m].reached_base;
        EXPECT_LE(g.expected[m].reached_base, g.expected[m].reached + kEps);
        EXPECT_LE(g.expected[m].reached, g.expected[m].visits + kEps);
      }
      EXPECT_NEAR(o.expected[m].visits, visits, kEps) << m;
      EXPECT_LE(o.expected[m].reached, reached + kEps) << m;
      EXPECT_LE(o.expected[m].reached_base, reached_base + kEps) << m;
      EXPECT_LE(o.expected[m].reached_base, o.expected[m].reached + kEps) << m;
      // The groups share units, so the plan reaches strictly fewer than
      // the groups' sum.
      EXPECT_LT(o.expected[m].reached, reached - 1) << m;
    }
  }
}

TEST(OverlapTest, PlanReachedAcrossGroupsUsesIndependentStreams) {
  // Strata and p: T1 A 6 of 120 (.05), C 24 of 120 (.2), D 15 of 30 (.5);
  // T2 45 of 300 (.15); T3 54 of 180 (.3); T4 40 of 160 (.25).
  auto c = ThreeGroups("positive");
  auto n_of = [&](const char* id, const char* stratum) -> std::uint64_t {
    for (const model::Stratum& s : c->model.tasks[c->IndexOf(id)].strata) {
      if (s.name == stratum) return s.n.value_or(0);
    }
    return 0;
  };
  ASSERT_EQ(n_of("T1", "A"), 6u);
  ASSERT_EQ(n_of("T1", "C"), 24u);
  ASSERT_EQ(n_of("T1", "D"), 15u);
  ASSERT_EQ(n_of("T2", "*"), 45u);
  ASSERT_EQ(n_of("T3", "*"), 54u);
  ASSERT_EQ(n_of("T4", "*"), 40u);
  // Group {T1, T2} shares u (positive: the larger p reaches); the groups have
  // streams of their own, so per unit the plan misses with the product of
  // the groups' misses:
  //   A 120 · .15                          = 18
  //   C 120 · (1 - .8 · .7)                = 52.8
  //   B  60 · (1 - .85 · .7 · .75)         = 33.225
  //   D  30 · (1 - .5 · .75)               = 18.75
  //   U  70 · .25                          = 17.5     total 140.275
  EXPECT_NEAR(c->overlap.expected[kPos].reached, 140.275, kEps);
  // Group T1: A 18, C 24, B 9, D 15 = 66; T3 54; T4 40.
  EXPECT_NEAR(c->overlap.groups[0].expected[kPos].reached, 66, kEps);
  EXPECT_NEAR(c->overlap.groups[1].expected[kPos].reached, 54, kEps);
  EXPECT_NEAR(c->overlap.groups[2].expected[kPos].reached, 40, kEps);
  // Base: all but the 40 C and 30 D units outside it.
  //   18 + 80 · .44 + 33.225 + 17.5 = 103.925
  EXPECT_NEAR(c->overlap.expected[kPos].reached_base, 103.925, kEps);
}

TEST(OverlapTest, NegativeEdgeWeightsFollowTheShiftedArcs) {
  // m = 3 tasks of p 1/2 on 1200 shared units: A [0, 1/2), B (i 1)
  // [2/3, 1) ∪ [0, 1/6), C (i 2) [1/3, 5/6): each pair 1/6 · 1200 = 200.
  // Positive: 1200 · 1/2 = 600 for each pair.
  for (const char* mode : {"negative", "positive", "independent"}) {
    auto c = Compile(PlanText(TaskText("A", "50%") + TaskText("B", "50%") + TaskText("C", "50%"),
                              mode),
                     MakePopulation({MakeAtom({"A", "B", "C"}, CreditClass::kA, true, 1200)}));
    const Overlap& o = c->overlap;
    ASSERT_EQ(o.edges.size(), 3u) << mode;
    double weight = std::string(mode) == "negative" ? 200 : std::string(mode) == "positive" ? 600
                                                                                             : 300;
    for (const Edge& e : o.edges) EXPECT_NEAR(e.weight.value_or(-1), weight, 1e-6) << mode;
    // Reached: negative covers [0, 1); positive 1/2; independent 1 - 1/8.
    EXPECT_NEAR(o.expected[kNeg].reached, 1200, 1e-6);
    EXPECT_NEAR(o.expected[kPos].reached, 600, 1e-6);
    EXPECT_NEAR(o.expected[kInd].reached, 1050, 1e-6);
  }
}

TEST(OverlapTest, NegativeShiftsFollowTheWholeGroupsIdOrder) {
  // Group {A, B, C} (m 3); only A and C draw the 600 units of the second
  // atom, so their shifts are 0 and 2/3, not 0 and 1/2. A [0, .5) and C
  // [1/3, 5/6) share 1/6: 100 units; with shifts 0 and 1/2 it would be 0.
  auto c = Compile(PlanText(TaskText("A", "50%") + TaskText("B", "10%") + TaskText("C", "50%"),
                            "negative"),
                   MakePopulation({MakeAtom({"A", "B"}, CreditClass::kA, true, 600),
                                   MakeAtom({"A", "C"}, CreditClass::kB, true, 600),
                                   MakeAtom({"B", "C"}, CreditClass::kC, true, 600)}));
  const Overlap& o = c->overlap;
  ASSERT_EQ(o.groups.size(), 1u);
  const Edge* ac = c->FindEdge(o.edges, "A", "C");
  ASSERT_NE(ac, nullptr);
  EXPECT_NEAR(ac->weight.value_or(-1), 100, 1e-6);
  // A [0, .5) and B (i 1, p .1) [2/3, .767): apart.
  EXPECT_NEAR(c->FindEdge(o.edges, "A", "B")->weight.value_or(-1), 0, 1e-6);
  // B [2/3, .767) and C [1/3, 5/6): .1 · 600 = 60.
  EXPECT_NEAR(c->FindEdge(o.edges, "B", "C")->weight.value_or(-1), 60, 1e-6);
}

TEST(OverlapTest, DumpIsDeterministic) {
  auto first = ThreeGroups("negative");
  auto second = ThreeGroups("negative");
  std::string a = DumpOverlap(first->model, first->overlap);
  std::string b = DumpOverlap(second->model, second->overlap);
  EXPECT_EQ(a, b);
  EXPECT_TRUE(test::Contains(a, "group T1: T1 T2")) << a;
  EXPECT_TRUE(test::Contains(a, "disjoint T1 -- T4")) << a;
  EXPECT_EQ(SummaryTable(first->model, first->overlap, Lang::kEn),
            SummaryTable(second->model, second->overlap, Lang::kEn));
  EXPECT_EQ(test::Describe(first->diags), test::Describe(second->diags));
}


// n/N of the stratum of `task` that holds class `c`, from the model.
double ReferenceP(const model::TaskModel& task, CreditClass c) {
  for (const model::Stratum& s : task.strata) {
    if (s.name != "*" && s.name != sema::Name(c)) continue;
    if (!s.population || !s.n || *s.population == 0) return 0;
    return static_cast<double>(*s.n) / static_cast<double>(*s.population);
  }
  return 0;
}

// Analyze counts the units of a pair once per atom through an inverted index
// and weighs an edge per class; here the same figures come from the
// definition: every atom, every pair of its tasks that may draw its class.
TEST(OverlapTest, EdgesAgreeWithAPairByPairCountOverTheAtoms) {
  const std::vector<std::string> windows = {"2024-01 .. 2024-03", "2024-02 .. 2024-06",
                                            "2024-05 .. 2024-05", "2024-07 .. 2024-12",
                                            "2024-03 .. 2024-09"};
  const std::vector<std::string> samples = {"5%", "by credit { A: 0%, B: 10%, C: 20%, D: 50%, U: 10% }",
                                            "30", "by credit { A: 2%, B: 0%, C: 0%, D: 100%, U: 1% }",
                                            "40%"};
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    test::SplitMix64 rng(seed);
    constexpr int kTasks = 11;
    std::string tasks;
    std::vector<std::string> ids;
    for (int t = 0; t < kTasks; ++t) {
      ids.push_back("T" + std::to_string(10 + t));
      tasks += TaskText(ids.back(), samples[rng.Next() % samples.size()],
                        windows[rng.Next() % windows.size()],
                        rng.Next() % 6 == 0 ? "merge never" : "");
    }
    std::vector<data::Atom> atoms;
    for (int j = 0; j < 40; ++j) {
      std::vector<std::string> members;
      for (const std::string& id : ids) {
        if (rng.Next() % 3 == 0) members.push_back(id);
      }
      atoms.push_back(MakeAtom(members, static_cast<CreditClass>(rng.Next() % 5),
                               rng.Next() % 2 == 0, 1 + rng.Next() % 500));
    }
    for (const char* mode : {"positive", "independent", "negative"}) {
      SCOPED_TRACE(std::string(mode) + " seed " + std::to_string(seed));
      auto c = Compile(PlanText(tasks, mode), MakePopulation(atoms));
      const Overlap& o = c->overlap;
      std::vector<std::size_t> position(c->model.tasks.size());
      for (const Group& g : o.groups) {
        for (std::size_t i = 0; i < g.tasks.size(); ++i) position[g.tasks[i]] = i;
      }
      auto member = [&](std::size_t t, CreditClass cls) {
        Member m;
        m.id = c->IdOf(t);
        m.p = ReferenceP(c->model.tasks[t], cls);
        m.start = c->Task(t).window.start.Serial();
        m.end = c->Task(t).window.end.Serial();
        m.never = c->Task(t).merge == ast::MergeMode::kNever;
        m.shift = NegativeShift(position[t], o.groups[o.group_of[t]].tasks.size());
        return m;
      };
      std::size_t pairs = 0;
      for (const std::string& a : ids) {
        for (const std::string& b : ids) {
          if (!(a < b)) continue;
          std::size_t ta = c->IndexOf(a), tb = c->IndexOf(b);
          std::uint64_t shared = 0;
          double weight = 0;
          for (const data::Atom& atom : c->model.population->atoms) {
            auto in = [&](const std::string& id) {
              return std::binary_search(atom.tasks.begin(), atom.tasks.end(), id);
            };
            Member ma = member(ta, atom.credit), mb = member(tb, atom.credit);
            if (!in(a) || !in(b) || ma.p == 0 || mb.p == 0) continue;
            shared += atom.count;
            weight += static_cast<double>(atom.count) * Both(ma, mb, o.mode);
          }
          const Edge* edge = c->FindEdge(o.edges, a, b);
          const Edge* apart = c->FindEdge(o.disjoint, a, b);
          bool never = c->Task(ta).merge == ast::MergeMode::kNever ||
                       c->Task(tb).merge == ast::MergeMode::kNever;
          if (shared == 0 || never) {
            EXPECT_EQ(edge, nullptr) << a << " " << b;
            EXPECT_EQ(apart, nullptr) << a << " " << b;
            continue;
          }
          ++pairs;
          bool meet = c->Task(ta).window.start <= c->Task(tb).window.end &&
                      c->Task(tb).window.start <= c->Task(ta).window.end;
          const Edge* found = meet ? edge : apart;
          ASSERT_NE(found, nullptr) << a << " " << b;
          EXPECT_EQ(meet ? apart : edge, nullptr) << a << " " << b;
          EXPECT_EQ(found->shared, shared) << a << " " << b;
          std::uint64_t by_class = 0;
          for (std::uint64_t u : found->shared_by_class) by_class += u;
          EXPECT_EQ(by_class, shared) << a << " " << b;
          if (meet) {
            EXPECT_NEAR(found->weight.value_or(-1), weight, 1e-9 * (1 + weight)) << a << " " << b;
          }
        }
      }
      EXPECT_EQ(o.edges.size() + o.disjoint.size(), pairs);
      EXPECT_GT(o.edges.size(), 0u);
      // Edges come by (id of a, id of b).
      for (std::size_t i = 1; i < o.edges.size(); ++i) {
        EXPECT_LT(std::make_pair(c->IdOf(o.edges[i - 1].a), c->IdOf(o.edges[i - 1].b)),
                  std::make_pair(c->IdOf(o.edges[i].a), c->IdOf(o.edges[i].b)));
      }
    }
  }
}

}  // namespace
}  // namespace planc::overlap
