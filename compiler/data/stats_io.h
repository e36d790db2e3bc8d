#ifndef PLANC_DATA_STATS_IO_H_
#define PLANC_DATA_STATS_IO_H_

#include <optional>
#include <string>

#include "compiler/data/population.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/plan.h"

namespace planc::data {

// The planc/stats@1 YAML of a population (data.md), byte-identical for the
// same population.
std::string WriteStats(const Population& population);

// How ReadStats reads: kAny reads the atoms as planc writes them line by
// line and everything else with yaml-cpp; kYamlOnly reads the whole file
// with yaml-cpp (tests compare the two). The result is the same.
enum class StatsReading { kAny, kYamlOnly };

// Reads a stats file; malformed content is reported at its line and column.
std::optional<Population> ReadStats(const SourcePtr& file, Diagnostics& diags,
                                    StatsReading how = StatsReading::kAny);

// Checks that `population` was computed for this version of `plan` (same base,
// scopes and task targets) and that the plan's predicates name only columns
// the registry has. Problems are reported at `where` in the plan.
bool CheckPopulationFitsPlan(const Population& population, const sema::Plan& plan,
                             const std::string& source_name, SourceRange where,
                             Diagnostics& diags);

}  // namespace planc::data

#endif  // PLANC_DATA_STATS_IO_H_
