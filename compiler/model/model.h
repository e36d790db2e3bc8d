#ifndef PLANC_MODEL_MODEL_H_
#define PLANC_MODEL_MODEL_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/data/inspectors.h"
#include "compiler/data/population.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/plan.h"

// The compiled plan: each task's strata with population and planned draws,
// and the plan's base. What rules and the overlap graph read.
namespace planc::model {

// One stratum of a task: a credit class, or `*` when the task samples
// without classes. Population and n exist only with population figures.
struct Stratum {
  std::string name;
  std::optional<Decimal> ratio;
  std::optional<std::int64_t> count;
  std::optional<std::int64_t> min;
  std::optional<std::uint64_t> population;
  std::optional<std::uint64_t> n;
  SourceRange range;  // the sample value it comes from
};

struct TaskModel {
  const sema::Task* task = nullptr;
  std::vector<Stratum> strata;
  std::optional<std::uint64_t> population;
  std::optional<std::uint64_t> planned;
  // Per class A B C D U; for a `*` stratum, only the populations are split.
  std::array<std::uint64_t, 5> population_by_class{};
  std::array<std::uint64_t, 5> planned_by_class{};
};

struct Model {
  const sema::Plan* plan = nullptr;
  std::optional<data::Population> population;
  std::string population_source;  // "stats-2024.yaml" or the registry path
  bool population_from_stats = false;  // a stats file, not the registry itself
  std::vector<TaskModel> tasks;   // in the plan's order
  std::optional<std::uint64_t> base;
  std::optional<std::uint64_t> planned;
  std::optional<data::Inspectors> inspectors;  // with --inspectors
  std::string inspectors_source;
};

// The draw size of a stratum of `population` units (draw.md "Sample sizes"):
// ceil(r·N) in integers, a count capped at N, `r min k` = min(N, max(ceil(rN), k)).
std::uint64_t SampleSize(const Stratum& stratum, std::uint64_t population);

// Builds the model; with a population, computes every figure exactly and
// warns where a count asks for more units than a stratum has.
Model BuildModel(const sema::Plan& plan, std::optional<data::Population> population,
                 std::string population_source, Diagnostics& diags);

// Adds the inspector directory's figures; warns where a pool has fewer active
// members than a task sends per visit.
void AddInspectors(Model& model, data::Inspectors inspectors, std::string source,
                   Diagnostics& diags);

// `--dump=model`: every task, stratum and figure, with the spans of the samples.
std::string DumpModel(const Model& model, bool spans = true);

// The table `check` prints: per task its population and planned draws per class.
std::string SummaryTable(const Model& model, Lang lang);

}  // namespace planc::model

#endif  // PLANC_MODEL_MODEL_H_
