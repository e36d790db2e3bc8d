// CountVisits, Expect, Both and NegativeShift on hand-computed cases, each
// with its arithmetic, and cross-checked against brute force on random
// members.
#include "compiler/overlap/expect.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "tests/unit/overlap/overlap_test_support.h"

namespace planc::overlap {
namespace {

using ast::Coordination;
constexpr Coordination kPositive = Coordination::kPositive;
constexpr Coordination kIndependent = Coordination::kIndependent;
constexpr Coordination kNegative = Coordination::kNegative;
constexpr double kEps = 1e-12;

Member M(std::string id, double p, long start, long end, bool never = false, double shift = 0) {
  Member m;
  m.id = std::move(id);
  m.p = p;
  m.start = start;
  m.end = end;
  m.never = never;
  m.shift = shift;
  return m;
}

int Visits(const std::vector<Member>& drawn) {
  std::vector<const Member*> pointers;
  for (const Member& m : drawn) pointers.push_back(&m);
  return CountVisits(pointers);
}

void ExpectFigures(const std::vector<Member>& members, Coordination mode, double drawn,
                   double reached, double visits) {
  Expectation e = Expect(members, mode);
  EXPECT_NEAR(e.drawn, drawn, kEps) << ast::Name(mode);
  EXPECT_NEAR(e.reached, reached, kEps) << ast::Name(mode);
  EXPECT_NEAR(e.visits, visits, kEps) << ast::Name(mode);
}

// CountVisits: windows are day numbers, inclusive.

TEST(ExpectCountVisitsTest, NoneAndOne) {
  EXPECT_EQ(Visits({}), 0);
  EXPECT_EQ(Visits({M("A", 1, 1, 10)}), 1);
  EXPECT_EQ(Visits({M("A", 1, 1, 10, true)}), 1);
}

TEST(ExpectCountVisitsTest, EqualWindowsAreOneVisit) {
  EXPECT_EQ(Visits({M("A", 1, 10, 20), M("B", 1, 10, 20), M("C", 1, 10, 20)}), 1);
}

TEST(ExpectCountVisitsTest, NestedWindowsAreOneVisit) {
  // By (end, id): B[10,20] opens [10,20]; C[15,50] starts 15 <= 20, the visit
  // narrows to [15,20]; A[1,100] starts 1 <= 20 and ends 100 >= 15: joins.
  EXPECT_EQ(Visits({M("A", 1, 1, 100), M("B", 1, 10, 20), M("C", 1, 15, 50)}), 1);
}

TEST(ExpectCountVisitsTest, WindowsThatShareOneDayMeet) {
  EXPECT_EQ(Visits({M("A", 1, 1, 10), M("B", 1, 10, 20)}), 1);
  EXPECT_EQ(Visits({M("A", 1, 1, 9), M("B", 1, 10, 20)}), 2);
}

TEST(ExpectCountVisitsTest, DisjointWindowsAreOneVisitEach) {
  EXPECT_EQ(Visits({M("A", 1, 1, 9), M("B", 1, 10, 20), M("C", 1, 30, 40)}), 3);
}

TEST(ExpectCountVisitsTest, ChainSplitsWhereTheCommonWindowEnds) {
  // A[1,10] opens [1,10]; B[5,20] joins, the visit is [5,10]; C[15,30]
  // starts after 10: a second visit. A meets B and B meets C, A not C.
  EXPECT_EQ(Visits({M("A", 1, 1, 10), M("B", 1, 5, 20), M("C", 1, 15, 30)}), 2);
  // The same chain, given in another order: the partition sorts by (end, id).
  EXPECT_EQ(Visits({M("C", 1, 15, 30), M("A", 1, 1, 10), M("B", 1, 5, 20)}), 2);
  EXPECT_EQ(Visits({M("B", 1, 5, 20), M("C", 1, 15, 30), M("A", 1, 1, 10)}), 2);
  // C[8,30] starts inside [5,10]: all three share [8,10].
  EXPECT_EQ(Visits({M("A", 1, 1, 10), M("B", 1, 5, 20), M("C", 1, 8, 30)}), 1);
}

TEST(ExpectCountVisitsTest, ChainOfFour) {
  // A[1,10]+B[5,20] share [5,10]; C[15,30] opens [15,30]; D[25,40] joins it.
  EXPECT_EQ(Visits({M("A", 1, 1, 10), M("B", 1, 5, 20), M("C", 1, 15, 30), M("D", 1, 25, 40)}),
            2);
  // Without B and C, A and D are two visits; without A, B[5,20] opens,
  // C joins ([15,20]), D starts after 20.
  EXPECT_EQ(Visits({M("A", 1, 1, 10), M("D", 1, 25, 40)}), 2);
  EXPECT_EQ(Visits({M("B", 1, 5, 20), M("C", 1, 15, 30), M("D", 1, 25, 40)}), 2);
}

TEST(ExpectCountVisitsTest, MergeNeverIsAlwaysItsOwnVisit) {
  EXPECT_EQ(Visits({M("A", 1, 1, 10, true), M("B", 1, 1, 10)}), 2);
  EXPECT_EQ(Visits({M("A", 1, 1, 10, true), M("B", 1, 1, 10, true)}), 2);
  // N never joins and never splits: A[1,10] and C[8,30] share [8,10]; N is
  // one more.
  EXPECT_EQ(Visits({M("A", 1, 1, 10), M("N", 1, 5, 20, true), M("C", 1, 8, 30)}), 2);
}

// Expect, positive: all members share u and draw when u < p, so the drawn
// sets are nested by p; [0, 1) splits into pieces between the sorted p.

TEST(ExpectTest, SingleMemberInEveryMode) {
  for (Coordination mode : kModes) ExpectFigures({M("A", 0.3, 1, 10)}, mode, 0.3, 0.3, 0.3);
}

TEST(ExpectTest, PositiveEqualWindows) {
  // Whoever draws, it is one visit: visits = reached = max p = 0.3.
  ExpectFigures({M("A", 0.1, 1, 10), M("B", 0.3, 1, 10), M("C", 0.2, 1, 10)}, kPositive, 0.6, 0.3,
                0.3);
}

TEST(ExpectTest, PositiveNestedWindows) {
  // A[1,100] ⊃ C[15,50] ⊃ B[10,20]∩C: one visit whenever any draws; max p 0.4.
  ExpectFigures({M("A", 0.4, 1, 100), M("B", 0.1, 10, 20), M("C", 0.25, 15, 50)}, kPositive, 0.75,
                0.4, 0.4);
}

TEST(ExpectTest, PositiveDisjointWindows) {
  // u in [0, 0.1): A and B, two visits; [0.1, 0.3): B alone, one visit.
  // visits = 0.1·2 + 0.2·1 = 0.4 = the draws; reached = 0.3.
  ExpectFigures({M("A", 0.1, 1, 9), M("B", 0.3, 10, 20)}, kPositive, 0.4, 0.3, 0.4);
}

TEST(ExpectTest, PositiveChain) {
  // A[1,10] p .2, B[5,20] p .5, C[15,30] p .4.
  //   [0, .2)  A B C: A+B, C      2 visits
  //   [.2, .4) B C: C starts 15 <= 20  1
  //   [.4, .5) B                  1
  // visits = .2·2 + .2 + .1 = .7; reached = .5; drawn = 1.1.
  ExpectFigures({M("A", 0.2, 1, 10), M("B", 0.5, 5, 20), M("C", 0.4, 15, 30)}, kPositive, 1.1,
                0.5, 0.7);
}

TEST(ExpectTest, PositiveMergeNever) {
  // [0, .3): A (never) and B, 2 visits; [.3, .5): B, 1. visits = .6 + .2.
  ExpectFigures({M("A", 0.3, 1, 10, true), M("B", 0.5, 1, 10)}, kPositive, 0.8, 0.5, 0.8);
}

// Expect, independent: each member draws on its own.

TEST(ExpectTest, IndependentEqualWindows) {
  // reached = 1 - .8·.5 = .6; any draw is one visit, so visits = .6.
  ExpectFigures({M("A", 0.2, 1, 10), M("B", 0.5, 1, 10)}, kIndependent, 0.7, 0.6, 0.6);
}

TEST(ExpectTest, IndependentDisjointWindows) {
  // Every draw is a visit: visits = .2 + .5; reached = .6.
  ExpectFigures({M("A", 0.2, 1, 9), M("B", 0.5, 10, 20)}, kIndependent, 0.7, 0.6, 0.7);
}

TEST(ExpectTest, IndependentChain) {
  // A[1,10] .2, B[5,20] .5, C[15,30] .4; two visits only when A and C both
  // draw (with or without B), else one per nonempty set:
  //   reached = 1 - .8·.5·.6 = .76; P(A and C) = .2·.4 = .08;
  //   visits = .76 + .08 = .84.
  ExpectFigures({M("A", 0.2, 1, 10), M("B", 0.5, 5, 20), M("C", 0.4, 15, 30)}, kIndependent, 1.1,
                0.76, 0.84);
}

TEST(ExpectTest, IndependentChainOfFour) {
  // A[1,10] B[5,20] C[15,30] D[25,40], p = 1/2 each: all 16 sets equally
  // likely. Visits by set size: singles 4·1; pairs AB 1 AC 2 AD 2 BC 1 BD 2
  // CD 1 = 9; triples ABC 2 ABD 2 ACD 2 BCD 2 = 8; ABCD 2. Sum 23, so
  // visits = 23/16; reached = 15/16.
  ExpectFigures(
      {M("A", 0.5, 1, 10), M("B", 0.5, 5, 20), M("C", 0.5, 15, 30), M("D", 0.5, 25, 40)},
      kIndependent, 2, 15.0 / 16, 23.0 / 16);
}

TEST(ExpectTest, IndependentMergeNever) {
  // A never draws a visit of its own: visits = .3 + .5; reached = 1 - .7·.5.
  ExpectFigures({M("A", 0.3, 1, 10, true), M("B", 0.5, 1, 10)}, kIndependent, 0.8, 0.65, 0.8);
}

// Expect, negative: u shifted by i/m, so member i draws when
// (u + shift) mod 1 < p, i.e. u in [1 - shift, 1 - shift + p) mod 1.

TEST(ExpectTest, NegativeArcsApart) {
  // A [0, .2), B (shift .5) [.5, .8): never both. reached .5; same window,
  // so visits .5.
  std::vector<Member> members = {M("A", 0.2, 1, 10, false, 0), M("B", 0.3, 1, 10, false, 0.5)};
  ExpectFigures(members, kNegative, 0.5, 0.5, 0.5);
  // The shift is the negative mode's only: positive reached max p = .3;
  // independent 1 - .8·.7 = .44.
  ExpectFigures(members, kPositive, 0.5, 0.3, 0.3);
  ExpectFigures(members, kIndependent, 0.5, 0.44, 0.44);
}

TEST(ExpectTest, NegativeArcsThatWrap) {
  // A [0, .7); B (shift .5) [.5, 1.1) = [.5, 1) ∪ [0, .1). Both on
  // [0, .1) ∪ [.5, .7): .3. The union is all of [0, 1): reached 1.
  ExpectFigures({M("A", 0.7, 1, 10, false, 0), M("B", 0.6, 1, 10, false, 0.5)}, kNegative, 1.3, 1,
                1);
  // Windows apart: each draw is a visit.
  ExpectFigures({M("A", 0.7, 1, 10, false, 0), M("B", 0.6, 20, 30, false, 0.5)}, kNegative, 1.3,
                1, 1.3);
}

TEST(ExpectTest, NegativeThreeTasksOnAChain) {
  // m = 3, p = 1/2 each. A (i 0) [0, 1/2); B (i 1) [2/3, 1) ∪ [0, 1/6);
  // C (i 2) [1/3, 5/6). Windows A[1,10] B[5,20] C[15,30]:
  //   [0, 1/6)   A B  1 visit      [1/2, 2/3)  C    1
  //   [1/6, 1/3) A    1            [2/3, 5/6)  B C  1
  //   [1/3, 1/2) A C  2 (apart)    [5/6, 1)    B    1
  // visits = 7/6, reached = 1, drawn = 3/2.
  std::vector<Member> members = {M("A", 0.5, 1, 10, false, NegativeShift(0, 3)),
                                 M("B", 0.5, 5, 20, false, NegativeShift(1, 3)),
                                 M("C", 0.5, 15, 30, false, NegativeShift(2, 3))};
  ExpectFigures(members, kNegative, 1.5, 1, 7.0 / 6);
  EXPECT_NEAR(Both(members[0], members[1], kNegative), 1.0 / 6, kEps);
  EXPECT_NEAR(Both(members[0], members[2], kNegative), 1.0 / 6, kEps);
  EXPECT_NEAR(Both(members[1], members[2], kNegative), 1.0 / 6, kEps);
}

TEST(ExpectTest, NegativeWithoutShiftsIsPositive) {
  std::vector<Member> members = {M("A", 0.2, 1, 10), M("B", 0.5, 5, 20), M("C", 0.4, 15, 30)};
  ExpectFigures(members, kNegative, 1.1, 0.5, 0.7);
}

// Zero and one.

TEST(ExpectTest, ZeroProbabilityMembersChangeNothing) {
  // Z's window is apart from everyone's: drawn, it would add visits.
  std::vector<Member> chain = {M("A", 0.2, 1, 10, false, 0), M("B", 0.5, 5, 20, false, 0.25),
                               M("C", 0.4, 15, 30, false, 0.5)};
  std::vector<Member> with_zero = chain;
  with_zero.push_back(M("Z", 0, 100, 200, false, 0.75));
  with_zero.push_back(M("Y", 0, 100, 200, true, 0));
  for (Coordination mode : kModes) {
    Expectation a = Expect(chain, mode), b = Expect(with_zero, mode);
    EXPECT_NEAR(a.drawn, b.drawn, kEps) << ast::Name(mode);
    EXPECT_NEAR(a.reached, b.reached, kEps) << ast::Name(mode);
    EXPECT_NEAR(a.visits, b.visits, kEps) << ast::Name(mode);
    EXPECT_EQ(Both(with_zero[0], with_zero[3], mode), 0) << ast::Name(mode);
  }
  ExpectFigures({M("Z", 0, 1, 10)}, kPositive, 0, 0, 0);
}

TEST(ExpectTest, ProbabilityOneMembers) {
  // A always draws; B (.25) meets A's window: B's draws join A's visit.
  std::vector<Member> meet = {M("A", 1, 1, 10, false, 0), M("B", 0.25, 5, 20, false, 0.5)};
  // B apart from A: each of B's draws is one more visit.
  std::vector<Member> apart = {M("A", 1, 1, 10, false, 0), M("B", 0.25, 11, 20, false, 0.5)};
  for (Coordination mode : kModes) {
    ExpectFigures(meet, mode, 1.25, 1, 1);
    ExpectFigures(apart, mode, 1.25, 1, 1.25);
    EXPECT_NEAR(Both(meet[0], meet[1], mode), 0.25, kEps) << ast::Name(mode);
  }
}

// Both.

TEST(ExpectBothTest, ByMode) {
  Member a = M("A", 0.2, 1, 10, false, 0), b = M("B", 0.5, 50, 60, true, 0.5);
  // Windows and `merge never` do not matter to who draws.
  EXPECT_NEAR(Both(a, b, kPositive), 0.2, kEps);      // min
  EXPECT_NEAR(Both(a, b, kIndependent), 0.1, kEps);   // product
  EXPECT_NEAR(Both(a, b, kNegative), 0, kEps);        // [0,.2) and [.5,1)
  Member c = M("C", 0.7, 1, 10, false, 0), d = M("D", 0.6, 1, 10, false, 0.5);
  EXPECT_NEAR(Both(c, d, kPositive), 0.6, kEps);
  EXPECT_NEAR(Both(c, d, kIndependent), 0.42, kEps);
  EXPECT_NEAR(Both(c, d, kNegative), 0.3, kEps);      // [0,.1) ∪ [.5,.7)
  EXPECT_NEAR(Both(d, c, kNegative), 0.3, kEps);
}

TEST(ExpectBothTest, ShiftedArcMeetsUnshiftedOne) {
  // m = 4, i = 1: shift 1/4, arc [3/4, 3/4 + .4) = [.75, 1) ∪ [0, .15);
  // against [0, .3): .15.
  Member a = M("A", 0.3, 1, 10, false, 0), b = M("B", 0.4, 1, 10, false, NegativeShift(1, 4));
  EXPECT_NEAR(Both(a, b, kNegative), 0.15, kEps);
  // i = 3: arc [.25, .65) against [0, .3): .05.
  Member c = M("C", 0.4, 1, 10, false, NegativeShift(3, 4));
  EXPECT_NEAR(Both(a, c, kNegative), 0.05, kEps);
  // B [.75, 1) ∪ [0, .15) and C [.25, .65): apart.
  EXPECT_NEAR(Both(b, c, kNegative), 0, kEps);
}

// NegativeShift: floor(i·2^64/m) / 2^64.

TEST(ExpectNegativeShiftTest, ExactValues) {
  EXPECT_EQ(NegativeShift(1, 2), 0.5);
  EXPECT_EQ(NegativeShift(1, 4), 0.25);
  EXPECT_EQ(NegativeShift(2, 4), 0.5);
  EXPECT_EQ(NegativeShift(3, 4), 0.75);
  EXPECT_EQ(NegativeShift(5, 8), 0.625);
  for (std::size_t m = 0; m <= 7; ++m) EXPECT_EQ(NegativeShift(0, m), 0) << m;
}

TEST(ExpectNegativeShiftTest, CloseToIOverM) {
  for (std::size_t m = 1; m <= 12; ++m) {
    for (std::size_t i = 1; i < m; ++i) {
      double expected = static_cast<double>(i) / static_cast<double>(m);
      EXPECT_NEAR(NegativeShift(i, m), expected, 1e-15) << i << "/" << m;
      EXPECT_LT(NegativeShift(i - 1, m), NegativeShift(i, m)) << i << "/" << m;
    }
  }
  // floor(2^64/3) = 6148914691236517205, as the nearest double over 2^64.
  EXPECT_EQ(NegativeShift(1, 3), std::ldexp(6148914691236517205.0, -64));
}

// Cross-checks on random members against brute force.

std::vector<Member> RandomMembers(test::SplitMix64& rng) {
  std::size_t k = 1 + rng.Next() % 5;
  std::vector<Member> members;
  for (std::size_t i = 0; i < k; ++i) {
    long start = static_cast<long>(rng.Next() % 40);
    long end = start + static_cast<long>(rng.Next() % 25);
    double p = rng.Unit();
    std::uint64_t kind = rng.Next() % 8;
    if (kind == 0) p = 0;
    if (kind == 1) p = 1;
    bool never = rng.Next() % 6 == 0;
    // Ids out of order, so that sorting matters.
    members.push_back(M(std::string(1, static_cast<char>('E' - i)), p, start, end, never,
                        NegativeShift(i, k)));
  }
  return members;
}

TEST(ExpectCrossCheckTest, DrawnIsTheSumOfP) {
  test::SplitMix64 rng(11);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Member> members = RandomMembers(rng);
    double sum = 0;
    for (const Member& m : members) sum += m.p;
    for (Coordination mode : kModes) {
      Expectation e = Expect(members, mode);
      EXPECT_NEAR(e.drawn, sum, kEps) << ast::Name(mode);
      // Everyone reached is visited; every visit serves at least one draw.
      EXPECT_LE(e.reached, e.visits + kEps) << ast::Name(mode);
      EXPECT_LE(e.visits, e.drawn + kEps) << ast::Name(mode);
    }
  }
}

TEST(ExpectCrossCheckTest, IndependentMatchesEverySubset) {
  test::SplitMix64 rng(12);
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<Member> members = RandomMembers(rng);
    double reached = 0, visits = 0;
    for (std::uint32_t set = 0; set < (1u << members.size()); ++set) {
      double probability = 1;
      std::vector<Member> drawn;
      for (std::size_t i = 0; i < members.size(); ++i) {
        bool in = (set >> i) & 1;
        probability *= in ? members[i].p : 1 - members[i].p;
        if (in) drawn.push_back(members[i]);
      }
      if (!drawn.empty()) reached += probability;
      visits += probability * Visits(drawn);
    }
    Expectation e = Expect(members, kIndependent);
    EXPECT_NEAR(e.reached, reached, 1e-9) << trial;
    EXPECT_NEAR(e.visits, visits, 1e-9) << trial;
  }
}

// Positive and negative integrated over a grid of u, with draw.md's own
// definition: member i draws when (u + shift_i) mod 1 < p_i (no shift under
// positive). A piece boundary inside a cell changes one member's draw on part
// of it, at most one visit over 1/kGrid; with at most 10 boundaries the grid
// is off by at most 10/kGrid = 5e-4.
TEST(ExpectCrossCheckTest, SharedModesMatchAGridOverU) {
  constexpr int kGrid = 20000;
  test::SplitMix64 rng(13);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<Member> members = RandomMembers(rng);
    for (Coordination mode : {kPositive, kNegative}) {
      double reached = 0, visits = 0;
      std::vector<const Member*> drawn;
      for (int j = 0; j < kGrid; ++j) {
        double u = (j + 0.5) / kGrid;
        drawn.clear();
        for (const Member& m : members) {
          double shifted = mode == kNegative ? std::fmod(u + m.shift, 1.0) : u;
          if (shifted < m.p) drawn.push_back(&m);
        }
        if (!drawn.empty()) reached += 1.0 / kGrid;
        visits += static_cast<double>(CountVisits(drawn)) / kGrid;
      }
      Expectation e = Expect(members, mode);
      EXPECT_NEAR(e.reached, reached, 1e-3) << trial << " " << ast::Name(mode);
      EXPECT_NEAR(e.visits, visits, 1e-3) << trial << " " << ast::Name(mode);
    }
  }
}

TEST(ExpectCrossCheckTest, BothIsInclusionExclusionOfReached) {
  // For two members, reached = p_a + p_b - P(both), in every mode.
  test::SplitMix64 rng(14);
  for (int trial = 0; trial < 200; ++trial) {
    Member a = M("A", rng.Unit(), 1, 10, false, 0);
    Member b = M("B", rng.Unit(), 1, 10, false, NegativeShift(1 + rng.Next() % 4, 5));
    for (Coordination mode : kModes) {
      Expectation e = Expect({a, b}, mode);
      double both = Both(a, b, mode);
      EXPECT_NEAR(e.reached, a.p + b.p - both, 1e-9) << trial << " " << ast::Name(mode);
      // Same window: one visit whenever either draws.
      EXPECT_NEAR(e.visits, e.reached, 1e-9) << trial << " " << ast::Name(mode);
      EXPECT_NEAR(both, Both(b, a, mode), 1e-12) << trial << " " << ast::Name(mode);
    }
  }
}

}  // namespace
}  // namespace planc::overlap
