// The second draw: visits ("进一次门，查多项事") and inspector teams (draw.md
// "Visits", "Inspector teams"), on selections built by hand.
#include "compiler/draw/visits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <deque>

#include "compiler/draw/prn.h"
#include "tests/unit/draw/draw_fixture.h"
#include "tests/unit/test_support.h"

namespace planc::draw {
namespace {

using test::kSeed;

// Tasks, their picks and a directory, kept alive together.
struct Scenario {
  Jobs jobs;
  std::deque<TaskJob> tasks;
  std::deque<StratumJob> strata;
  Selection selection;
  InspectorDirectory directory;

  std::size_t AddTask(const std::string& id, const char* start, const char* end,
                      std::vector<std::string> drawn, int per_visit = 2, bool never = false) {
    TaskJob& t = tasks.emplace_back();
    t.id = id;
    t.start = *Date::Parse(start);
    t.end = *Date::Parse(end);
    t.merge_never = never;
    t.per_visit = per_visit;
    t.pool = "P" + id;
    t.items = {"事项" + id};
    StratumJob& s = strata.emplace_back();
    s.name = "*";
    TaskDraw draw;
    draw.task = &t;
    StratumDraw stratum;
    stratum.job = &s;
    for (const std::string& uscc : drawn) stratum.picks.push_back(Pick{0, uscc, "企业" + uscc});
    draw.strata.push_back(stratum);
    selection.tasks.push_back(draw);
    for (Inspector& i : directory.inspectors) i.in_pool.push_back(true);
    return selection.tasks.size() - 1;
  }
  // Inspectors I01..In, in every pool; pools can be narrowed afterwards.
  void AddInspectors(int n, std::optional<std::uint64_t> capacity = std::nullopt) {
    for (int k = 1; k <= n; ++k) {
      Inspector i;
      i.id = "I" + std::string(k < 10 ? "0" : "") + std::to_string(k);
      i.name = "执法人员" + i.id;
      i.capacity = capacity;
      i.in_pool.assign(selection.tasks.size(), true);
      directory.inspectors.push_back(i);
    }
  }
  std::optional<std::vector<Visit>> Plan(Diagnostics& diags, const Conflicts* conflicts = nullptr) {
    jobs.path = "drawjobs.json";
    return PlanVisits(jobs, selection, directory, conflicts, kSeed, diags);
  }
};

std::vector<std::string> TaskIds(const Scenario& s, const Visit& v) {
  std::vector<std::string> ids;
  for (std::size_t t : v.tasks) ids.push_back(s.selection.tasks[t].task->id);
  return ids;
}

const char* kX = "91350581MA00000001";

// Thousands of enterprises, each drawn by one to three tasks whose windows
// nest: one visit each, in uscc order, numbered in that order, with every
// task that drew it. (With 6,001 enterprises, the picks' four equal shares
// start inside an enterprise: a partition in shares that split one would
// make two visits of it.)
TEST(VisitsTest, ManyEnterprisesAreNumberedInUsccOrder) {
  Scenario s;
  std::vector<std::string> t1, t2, t3;
  for (int i = 0; i < 6001; ++i) {
    std::string uscc = "91350581MA" + std::to_string(10000000 + i);
    if (i % 2 == 0) t1.push_back(uscc);
    if (i % 3 == 0) t2.push_back(uscc);
    if (i % 7 != 1) t3.push_back(uscc);
  }
  s.AddTask("T01", "2024-05-01", "2024-09-30", t1);
  s.AddTask("T02", "2024-06-01", "2024-07-31", t2);  // inside T01's window: merged
  s.AddTask("T03", "2024-07-01", "2024-07-15", t3);  // inside both: merged too
  s.AddInspectors(4);
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits) << planc::test::Describe(diags);
  std::size_t v = 0;
  for (int i = 0; i < 6001; ++i) {
    std::string uscc = "91350581MA" + std::to_string(10000000 + i);
    // One visit with every task that drew the enterprise (a share that
    // split an enterprise would make two).
    std::vector<std::vector<std::string>> expected;
    std::vector<std::string> all;
    if (i % 2 == 0) all.push_back("T01");
    if (i % 3 == 0) all.push_back("T02");
    if (i % 7 != 1) all.push_back("T03");
    if (!all.empty()) expected.push_back(all);
    for (const auto& tasks : expected) {
      ASSERT_LT(v, visits->size());
      const Visit& visit = (*visits)[v];
      EXPECT_EQ(visit.uscc, uscc) << v;
      EXPECT_EQ(visit.name, "企业" + uscc);
      EXPECT_EQ(TaskIds(s, visit), tasks) << v;
      char id[16];
      std::snprintf(id, sizeof id, "V%06zu", v + 1);
      EXPECT_EQ(visit.id, id);
      ++v;
    }
  }
  EXPECT_EQ(v, visits->size());
}

TEST(VisitsTest, NestedWindowsMergeIntoOneVisit) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-09-30", {kX});
  s.AddTask("T02", "2024-06-01", "2024-07-31", {kX});
  s.AddInspectors(4);
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  ASSERT_EQ(visits->size(), 1u);
  EXPECT_EQ(TaskIds(s, (*visits)[0]), (std::vector<std::string>{"T01", "T02"}));
  EXPECT_EQ((*visits)[0].start.ToString(), "2024-06-01");  // the intersection
  EXPECT_EQ((*visits)[0].end.ToString(), "2024-07-31");
}

// Sorted by window end: T01 (06-30), T02 (08-31), T03 (09-30). T02 meets
// T01's window; T03 does not meet the common window 06-15..06-30, though it
// meets T02's own window: the fewest visits with a common window.
TEST(VisitsTest, ChainedWindowsSplitWhereTheCommonWindowEnds) {
  Scenario s;
  s.AddTask("T03", "2024-08-01", "2024-09-30", {kX});
  s.AddTask("T02", "2024-06-15", "2024-08-31", {kX});
  s.AddTask("T01", "2024-05-01", "2024-06-30", {kX});
  s.AddInspectors(4);
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  ASSERT_EQ(visits->size(), 2u);
  EXPECT_EQ(TaskIds(s, (*visits)[0]), (std::vector<std::string>{"T02", "T01"}));  // task order of the selection
  EXPECT_EQ((*visits)[0].start.ToString(), "2024-06-15");
  EXPECT_EQ((*visits)[0].end.ToString(), "2024-06-30");
  EXPECT_EQ(TaskIds(s, (*visits)[1]), (std::vector<std::string>{"T03"}));
}

TEST(VisitsTest, DisjointWindowsAndMergeNeverGetVisitsOfTheirOwn) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-05-31", {kX});
  s.AddTask("T02", "2024-07-01", "2024-07-31", {kX});
  s.AddTask("T03", "2024-05-01", "2024-07-31", {kX}, 2, /*never=*/true);
  s.AddInspectors(4);
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  ASSERT_EQ(visits->size(), 3u);
  // Numbered by (uscc, window start, smallest task id).
  EXPECT_EQ((*visits)[0].id, "V000001");
  EXPECT_EQ(TaskIds(s, (*visits)[0]), (std::vector<std::string>{"T01"}));
  EXPECT_EQ(TaskIds(s, (*visits)[1]), (std::vector<std::string>{"T03"}));
  EXPECT_EQ(TaskIds(s, (*visits)[2]), (std::vector<std::string>{"T02"}));
  EXPECT_EQ((*visits)[2].id, "V000003");
}

TEST(VisitsTest, VisitsAreNumberedByUsccFirst) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-05-31", {"91350581MA0000000B", "91350581MA0000000A"});
  s.AddInspectors(2);
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  ASSERT_EQ(visits->size(), 2u);
  EXPECT_EQ((*visits)[0].uscc, "91350581MA0000000A");
  EXPECT_EQ((*visits)[1].id, "V000002");
}

// The team: k = the largest `inspectors N` (at least 2); ranked by
// u("i:" + visit, inspector); first the best of each task's pool.
TEST(TeamsTest, RankedByPrnAfterOneMemberOfEachPool) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-09-30", {kX}, 1);
  s.AddTask("T02", "2024-05-01", "2024-09-30", {kX}, 3);
  s.AddInspectors(8);
  for (int i = 0; i < 8; ++i) s.directory.inspectors[static_cast<std::size_t>(i)].in_pool = {i == 6, i != 6};
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  const Visit& v = (*visits)[0];
  ASSERT_EQ(v.team.size(), 3u);
  EXPECT_EQ(v.team[0], 6u);  // T01's pool has one member: taken first
  // Then T02's best-ranked, then the next by rank.
  std::vector<std::pair<std::uint64_t, std::size_t>> ranked;
  for (std::size_t i = 0; i < 8; ++i) {
    if (i != 6) ranked.emplace_back(Prn(kSeed, "i:V000001", s.directory.inspectors[i].id), i);
  }
  std::sort(ranked.begin(), ranked.end());
  EXPECT_EQ(v.team[1], ranked[0].second);
  EXPECT_EQ(v.team[2], ranked[1].second);
}

TEST(TeamsTest, AtLeastTwoOfficersEvenWhenATaskAsksForOne) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-09-30", {kX}, 1);
  s.AddInspectors(5);
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  EXPECT_EQ((*visits)[0].team.size(), 2u);
}

TEST(TeamsTest, ConflictsAreNeverSent) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-09-30", {kX});
  s.AddInspectors(3);
  Conflicts conflicts;
  conflicts.pairs = {{"I01", kX}};
  Diagnostics diags;
  auto visits = s.Plan(diags, &conflicts);
  ASSERT_TRUE(visits);
  std::vector<std::size_t> team = (*visits)[0].team;
  std::sort(team.begin(), team.end());
  EXPECT_EQ(team, (std::vector<std::size_t>{1, 2}));
}

TEST(TeamsTest, CapacityIsRespectedAcrossVisits) {
  Scenario s;
  std::vector<std::string> drawn;
  for (int i = 0; i < 5; ++i) drawn.push_back("91350581MA0000000" + std::to_string(i));
  s.AddTask("T01", "2024-05-01", "2024-09-30", drawn);
  s.AddInspectors(10, 1);  // each inspector once: 5 visits × 2 = 10
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits) << ::testing::PrintToString(planc::test::Codes(diags));
  std::vector<int> used(10, 0);
  for (const Visit& v : *visits) {
    for (std::size_t i : v.team) ++used[i];
  }
  EXPECT_EQ(used, std::vector<int>(10, 1));
  // One visit more than the capacities allow is an error, and nothing is kept.
  s.AddTask("T02", "2024-05-01", "2024-09-30", {"91350581MA00000009"});
  Diagnostics more;
  EXPECT_FALSE(s.Plan(more));
  std::vector<Diagnostic> e = planc::test::WithCode(more, "E0504");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "91350581MA00000009"));
  EXPECT_TRUE(planc::test::Contains(e[0].notes[0].en, "no capacity left"));
}

// Thousands of visits under capacities that run out one after another, with
// conflicts and pools that differ: every team is the one draw.md's words
// give, computed here directly (rank whoever is eligible at that visit, one
// member of each task's pool first, then by rank). Ranking runs ahead of the
// picking on other threads and skips members it sees used up; the teams must
// not depend on when it sees that.
TEST(TeamsTest, ManyVisitsUnderRunningOutCapacitiesMatchTheRuleAsWritten) {
  Scenario s;
  std::vector<std::string> t1, t2;
  for (int i = 0; i < 3000; ++i) {
    std::string uscc = "91350581MA" + std::to_string(10000000 + i);
    if (i % 3 != 2) t1.push_back(uscc);
    if (i % 2 == 0) t2.push_back(uscc);
  }
  s.AddTask("T01", "2024-05-01", "2024-09-30", t1, 2);
  s.AddTask("T02", "2024-06-01", "2024-07-31", t2, 3);
  s.AddInspectors(20);
  for (std::size_t i = 0; i < 20; ++i) {
    Inspector& inspector = s.directory.inspectors[i];
    inspector.in_pool = {i < 12, i >= 4};
    if (i % 4 != 0) inspector.capacity = 10 + 13 * i;  // 0, 4, 8, 12, 16: no limit
  }
  Conflicts conflicts;
  for (int i = 0; i < 3000; i += 7) {
    conflicts.pairs.insert({s.directory.inspectors[static_cast<std::size_t>(i % 20)].id,
                            "91350581MA" + std::to_string(10000000 + i)});
  }
  Diagnostics diags;
  auto visits = s.Plan(diags, &conflicts);
  ASSERT_TRUE(visits) << planc::test::Describe(diags);
  ASSERT_GT(visits->size(), 2000u);

  const std::vector<Inspector>& inspectors = s.directory.inspectors;
  std::vector<std::uint64_t> used(inspectors.size(), 0);
  std::size_t capped_out = 0;
  for (const Visit& visit : *visits) {
    int k = 2;
    for (std::size_t t : visit.tasks) k = std::max(k, s.selection.tasks[t].task->per_visit);
    std::vector<std::pair<std::uint64_t, std::size_t>> ranked;  // eligible, by rank
    for (std::size_t i = 0; i < inspectors.size(); ++i) {
      bool in_pools = false;
      for (std::size_t t : visit.tasks) in_pools = in_pools || inspectors[i].in_pool[t];
      bool recused = conflicts.pairs.count({inspectors[i].id, visit.uscc}) > 0;
      bool left = !inspectors[i].capacity || used[i] < *inspectors[i].capacity;
      if (inspectors[i].active && in_pools && !recused && left) {
        ranked.emplace_back(Prn(kSeed, "i:" + visit.id, inspectors[i].id), i);
      }
    }
    std::sort(ranked.begin(), ranked.end());
    std::vector<std::size_t> team;
    auto in_team = [&](std::size_t i) {
      return std::find(team.begin(), team.end(), i) != team.end();
    };
    for (std::size_t t : visit.tasks) {
      bool served = false;
      for (std::size_t i : team) served = served || inspectors[i].in_pool[t];
      if (served) continue;
      for (const auto& [u, i] : ranked) {
        if (!in_team(i) && inspectors[i].in_pool[t]) {
          team.push_back(i);
          break;
        }
      }
    }
    for (const auto& [u, i] : ranked) {
      if (team.size() >= static_cast<std::size_t>(k)) break;
      if (!in_team(i)) team.push_back(i);
    }
    ASSERT_EQ(visit.team, team) << visit.id;
    for (std::size_t i : team) {
      if (++used[i] == inspectors[i].capacity.value_or(0)) ++capped_out;
    }
  }
  // The scenario does what it says: capped inspectors ran out along the way.
  EXPECT_EQ(capped_out, 15u);  // every capped inspector
}

TEST(TeamsTest, EmptyPoolIsAnErrorNamingTheVisitAndTask) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-09-30", {kX});
  s.AddTask("T02", "2024-05-01", "2024-09-30", {kX});
  s.AddInspectors(4);
  for (Inspector& i : s.directory.inspectors) i.in_pool[1] = false;  // T02's pool is empty
  Diagnostics diags;
  EXPECT_FALSE(s.Plan(diags));
  std::vector<Diagnostic> e = planc::test::WithCode(diags, "E0504");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "V000001"));
  EXPECT_TRUE(planc::test::Contains(e[0].message.en, "T01, T02"));
  EXPECT_TRUE(planc::test::Contains(e[0].notes[0].en, "T02's pool `PT02` has no one to send: it has no active inspector"));
}

TEST(TeamsTest, InactiveInspectorsAreNotEligible) {
  Scenario s;
  s.AddTask("T01", "2024-05-01", "2024-09-30", {kX});
  s.AddInspectors(3);
  s.directory.inspectors[0].active = false;
  Diagnostics diags;
  auto visits = s.Plan(diags);
  ASSERT_TRUE(visits);
  EXPECT_EQ(std::count((*visits)[0].team.begin(), (*visits)[0].team.end(), 0u), 0);
}

}  // namespace
}  // namespace planc::draw
