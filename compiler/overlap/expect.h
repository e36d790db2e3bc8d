#ifndef PLANC_OVERLAP_EXPECT_H_
#define PLANC_OVERLAP_EXPECT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"

// The expected figures of one enterprise: which of the tasks that may draw it
// will, how many distinct enterprises that makes, and how many visits it
// costs (draw.md "Visits"). The draw picks the n units of a stratum with the
// smallest permanent random number u; here, as in the literature on PRN
// sampling, a task of inclusion probability p = n/N draws a unit when its u,
// read as a number in [0, 1), falls in an interval of length p:
//   positive     [0, p)            (all tasks share u)
//   independent  [0, p)            (each task has its own u)
//   negative     [1 - i/m, 1 - i/m + p) mod 1   (u shifted per task, draw.md)
// Every figure below is exact under this model; docs/overlap.md says where
// the model is exact for the real draw and how far off it can be otherwise.
namespace planc::overlap {

// One task that may draw the enterprise.
struct Member {
  std::string id;      // task id, for ties and order
  double p = 0;        // n / N of the task's stratum of this enterprise
  long start = 0;      // window, as day serials, inclusive
  long end = 0;
  bool never = false;  // `merge never`: always a visit of its own
  double shift = 0;    // negative coordination: i/m for the group's i-th of m tasks
};

struct Expectation {
  double drawn = 0;    // expected draws (the sum of p)
  double reached = 0;  // probability that at least one task draws it
  double visits = 0;   // expected visits
};

// The number of visits when exactly `drawn` draw the enterprise: `merge
// never` tasks one each, the rest partitioned in order of (window end, id),
// a task joining the current visit when its window meets the visit's common
// window (draw.md).
int CountVisits(std::vector<const Member*> drawn);

// The expected figures of an enterprise that the `members` (all of one
// coordination group) may draw, under `mode`.
Expectation Expect(const std::vector<Member>& members, ast::Coordination mode);

// The probability that both `a` and `b` draw the enterprise.
double Both(const Member& a, const Member& b, ast::Coordination mode);

// The shift of the i-th of m tasks under negative coordination:
// floor(i·2^64/m) / 2^64, as draw.md shifts u.
double NegativeShift(std::size_t i, std::size_t m);

}  // namespace planc::overlap

#endif  // PLANC_OVERLAP_EXPECT_H_
