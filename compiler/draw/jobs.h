#ifndef PLANC_DRAW_JOBS_H_
#define PLANC_DRAW_JOBS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/expr/date.h"
#include "compiler/expr/decimal.h"
#include "compiler/expr/expr.h"
#include "compiler/source/source_file.h"

// The draw jobs that `planc compile` writes (drawjobs.json, planc/drawjobs@1,
// draw.md "Draw jobs"), read back for `planc draw` and `planc verify`.
namespace planc::draw {

enum class Coordination { kPositive, kIndependent, kNegative };

// One stratum of a task: its sample amount and, when the compile had
// population figures, the stratum size and draws it computed.
struct StratumJob {
  std::string name;  // "A".."D", "U", or "*" for a task without credit strata
  std::optional<Decimal> ratio;
  std::optional<std::uint64_t> count;
  std::optional<std::uint64_t> min;
  std::optional<std::uint64_t> population;  // as the compile counted it
  std::optional<std::uint64_t> n;
};

struct TaskJob {
  std::string id;
  std::string name;
  std::string lead;
  std::vector<std::string> items;
  bool merge_never = false;
  Date start, end;
  std::string targets;  // canonical predicate over registry columns
  std::vector<StratumJob> strata;
  bool by_credit = false;  // strata are credit classes, not "*"
  int per_visit = 2;
  std::string pool;            // the pool's name
  std::string pool_predicate;  // canonical predicate over inspector columns
};

struct Job {
  std::string group;  // the smallest task id of the group
  Coordination coordination = Coordination::kPositive;
  std::vector<TaskJob> tasks;  // task-id order (bytewise)
};

struct Jobs {
  std::string path;
  std::string bytes;  // the file as read: draw copies it, verify digests it
  std::string sha256;
  std::string title, document;
  int year = 0;
  std::vector<Job> jobs;  // group order (bytewise)
  std::map<std::string, std::string> scopes;  // named predicates targets may use
  std::map<std::string, std::string> pools;   // named predicates pools may use
  // Where the jobs' population figures came from: "stats", "registry", or
  // empty when the compile had none.
  std::string population_from;
  std::string registry_sha256;  // of the registry the figures were counted from
};

// Reads and checks a jobs file. Every problem is reported (E0501, naming the
// field by its JSON path); nullopt when the file cannot be used. A file that
// cannot be read at all is E0215.
std::optional<Jobs> ReadJobs(const std::string& path, Diagnostics& diags);
// The same, from bytes already read (verify reads the copy beside a manifest).
std::optional<Jobs> ParseJobs(const std::string& path, std::string bytes, Diagnostics& diags);

// Predicates of the jobs written as one text, a line each ("T01 targets:
// …"), and parsed from there: a problem in one (a column the data file
// lacks) is then reported at a line a reader can see, in a file named
// `path`. `parsed[i]` is line i's predicate, nullopt after a syntax error.
struct PredicateLines {
  SourcePtr file;
  std::vector<std::optional<expr::Expr>> parsed;
  bool ok = true;
};
PredicateLines ParsePredicateLines(
    const std::string& path, const std::vector<std::pair<std::string, std::string>>& lines,
    Diagnostics& diags);

// The size of a stratum's sample for a population of `population` units
// (draw.md "Sample sizes"): ceil(r·N) in integers, a count capped at N, and
// `r min k` as min(N, max(ceil(r·N), k)).
std::uint64_t SampleSize(const StratumJob& stratum, std::uint64_t population);

}  // namespace planc::draw

#endif  // PLANC_DRAW_JOBS_H_
