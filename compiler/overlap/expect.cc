#include "compiler/overlap/expect.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "compiler/draw/prn.h"

namespace planc::overlap {
namespace {

// Where in [0, 1) a member draws the enterprise: an arc from `from`, `length`
// long, wrapping at 1.
struct Arc {
  double from = 0;
  double length = 0;
};

Arc ArcOf(const Member& m, ast::Coordination mode) {
  double p = std::clamp(m.p, 0.0, 1.0);
  if (mode != ast::Coordination::kNegative || m.shift == 0) return {0, p};
  // u_i = u + shift (mod 1) < p  <=>  u in [1 - shift, 1 - shift + p) (mod 1).
  return {1 - m.shift, p};
}

bool Contains(const Arc& arc, double u) {
  if (arc.length >= 1) return true;
  double end = arc.from + arc.length;
  return end <= 1 ? (u >= arc.from && u < end) : (u >= arc.from || u < end - 1);
}

// The arcs' boundaries in [0, 1), sorted, starting with 0.
std::vector<double> Cuts(const std::vector<Arc>& arcs) {
  std::vector<double> cuts = {0};
  for (const Arc& arc : arcs) {
    for (double at : {arc.from, arc.from + arc.length}) {
      double x = at - std::floor(at);
      cuts.push_back(x);
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  return cuts;
}

bool ByEndThenId(const Member* a, const Member* b) {
  return std::tie(a->end, a->id) < std::tie(b->end, b->id);
}

// CountVisits of members already in (end, id) order.
int CountSortedVisits(const std::vector<const Member*>& drawn) {
  int visits = 0;
  bool open = false;
  long from = 0, to = 0;  // the current visit's common window
  for (const Member* m : drawn) {
    if (m->never) {
      ++visits;
      continue;
    }
    if (open && m->start <= to && m->end >= from) {
      from = std::max(from, m->start);
      to = std::min(to, m->end);
      continue;
    }
    open = true;
    from = m->start;
    to = m->end;
    ++visits;
  }
  return visits;
}

// Shared u (positive, negative): u is uniform, so each piece of [0, 1)
// between two cuts draws a fixed set of members.
Expectation ExpectShared(const std::vector<Member>& members, ast::Coordination mode) {
  Expectation e;
  // Members in (end, id) order once, so that every piece's set comes sorted.
  std::vector<const Member*> sorted;
  for (const Member& m : members) sorted.push_back(&m);
  std::sort(sorted.begin(), sorted.end(), ByEndThenId);
  std::vector<Arc> arcs;
  for (const Member* m : sorted) {
    arcs.push_back(ArcOf(*m, mode));
    e.drawn += arcs.back().length;
  }
  std::vector<double> cuts = Cuts(arcs);
  std::vector<const Member*> drawn;
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    double from = cuts[k], to = k + 1 < cuts.size() ? cuts[k + 1] : 1.0;
    if (to <= from) continue;
    double mid = from + (to - from) / 2;
    drawn.clear();
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      if (Contains(arcs[i], mid)) drawn.push_back(sorted[i]);
    }
    if (drawn.empty()) continue;
    e.reached += to - from;
    e.visits += (to - from) * CountSortedVisits(drawn);
  }
  return e;
}

// Independent u per task: each member draws with its own probability,
// independently of the others.
Expectation ExpectIndependent(const std::vector<Member>& members) {
  Expectation e;
  double none = 1;
  std::vector<const Member*> merging;
  for (const Member& m : members) {
    double p = std::clamp(m.p, 0.0, 1.0);
    e.drawn += p;
    none *= 1 - p;
    if (m.never) {
      e.visits += p;
    } else if (p > 0) {
      merging.push_back(&m);
    }
  }
  e.reached = 1 - none;
  // In (end, id) order a drawn task opens a visit unless the visit's first
  // task (whose end is the visit's common end) ends on or after its start.
  // anchor[j]: probability that the current visit was opened by merging[j];
  // nobody: that no visit is open yet.
  std::sort(merging.begin(), merging.end(), ByEndThenId);
  std::vector<double> anchor(merging.size(), 0);
  double nobody = 1;
  for (std::size_t t = 0; t < merging.size(); ++t) {
    double p = std::clamp(merging[t]->p, 0.0, 1.0);
    double opens = nobody;  // probability that, if drawn, t opens a visit
    for (std::size_t j = 0; j < t; ++j) {
      if (merging[j]->end < merging[t]->start) opens += anchor[j];
    }
    e.visits += p * opens;
    for (std::size_t j = 0; j < t; ++j) {
      if (merging[j]->end < merging[t]->start) anchor[j] *= 1 - p;
    }
    nobody *= 1 - p;
    anchor[t] = p * opens;
  }
  return e;
}

}  // namespace

int CountVisits(std::vector<const Member*> drawn) {
  // `merge never` members count one each wherever they sort.
  std::sort(drawn.begin(), drawn.end(), ByEndThenId);
  return CountSortedVisits(drawn);
}

Expectation Expect(const std::vector<Member>& members, ast::Coordination mode) {
  if (mode == ast::Coordination::kIndependent) return ExpectIndependent(members);
  return ExpectShared(members, mode);
}

double Both(const Member& a, const Member& b, ast::Coordination mode) {
  double pa = std::clamp(a.p, 0.0, 1.0), pb = std::clamp(b.p, 0.0, 1.0);
  if (mode == ast::Coordination::kIndependent) return pa * pb;
  if (mode == ast::Coordination::kPositive) return std::min(pa, pb);
  std::vector<Arc> arcs = {ArcOf(a, mode), ArcOf(b, mode)};
  std::vector<double> cuts = Cuts(arcs);
  double both = 0;
  for (std::size_t k = 0; k < cuts.size(); ++k) {
    double from = cuts[k], to = k + 1 < cuts.size() ? cuts[k + 1] : 1.0;
    double mid = from + (to - from) / 2;
    if (to > from && Contains(arcs[0], mid) && Contains(arcs[1], mid)) both += to - from;
  }
  return both;
}

double NegativeShift(std::size_t i, std::size_t m) {
  // The draw's own shift of u = 0, floor(i·2^64/m), scaled to [0, 1).
  return std::ldexp(static_cast<double>(draw::NegativeShift(0, i, m)), -64);
}

}  // namespace planc::overlap
