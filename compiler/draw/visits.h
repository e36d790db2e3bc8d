#ifndef PLANC_DRAW_VISITS_H_
#define PLANC_DRAW_VISITS_H_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compiler/data/inspectors.h"
#include "compiler/data/text_source.h"
#include "compiler/diag/engine.h"
#include "compiler/draw/select.h"
#include "compiler/expr/date.h"

// The second draw: visits and inspector teams (draw.md "Visits",
// "Inspector teams"). "进一次门，查多项事": the tasks that drew an enterprise
// are merged into the fewest visits whose tasks share a window, and each
// visit gets a team ranked by PRN.
namespace planc::draw {

struct Inspector {
  std::string id;
  std::string name;
  bool active = true;
  std::optional<std::uint64_t> capacity;  // most visits in the year; none: no limit
  std::vector<bool> in_pool;              // per task of the selection: in its pool
};

struct InspectorDirectory {
  std::string sha256;
  data::Encoding encoding = data::Encoding::kUtf8;  // as read
  std::uint64_t rows = 0;
  std::vector<Inspector> inspectors;  // id order (bytewise)
};

using data::Conflicts;

// Reads the inspector directory and works out each task's pool from the
// pool predicates of the jobs. nullopt when the file cannot be used.
std::optional<InspectorDirectory> ReadInspectors(const Jobs& jobs, const Selection& selection,
                                                 const std::string& path, data::Encoding encoding,
                                                 Diagnostics& diags);

struct Visit {
  std::string id;  // V000001…
  std::string uscc;
  std::string name;
  std::vector<std::size_t> tasks;  // indexes into Selection::tasks, task-id order
  Date start, end;                 // the common window
  std::vector<std::size_t> team;   // indexes into the directory, in the order picked
};

// The visits of every drawn enterprise, numbered in the order (uscc,
// window start, smallest task id), each with its team. A visit that cannot
// be staffed is error E0504 naming it, its tasks and the reason; then
// nullopt (no partial schedule).
std::optional<std::vector<Visit>> PlanVisits(const Jobs& jobs, const Selection& selection,
                                             const InspectorDirectory& directory,
                                             const Conflicts* conflicts,
                                             const std::string& seed_hex, Diagnostics& diags);

}  // namespace planc::draw

#endif  // PLANC_DRAW_VISITS_H_
