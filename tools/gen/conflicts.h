#ifndef PLANC_TOOLS_GEN_CONFLICTS_H_
#define PLANC_TOOLS_GEN_CONFLICTS_H_

#include <cstdint>
#include <string>

#include "tools/gen/csv_writer.h"

namespace planc::gen {

// What a conflicts file (回避) is drawn from. The registry and the inspector
// directory are not read: they are regenerated from the arguments that made
// them, which yields the same ids and codes without parsing either file.
struct ConflictOptions {
  uint64_t count = 40;           // conflicts to write
  uint64_t seed = 0;             // picks the pairs and reasons
  uint64_t rows = 0;             // the registry's --rows
  uint64_t registry_seed = 0;    // the registry's --seed
  uint64_t inspectors = 160;     // the inspector directory's --count
  uint64_t inspectors_seed = 0;  // the inspector directory's --seed
};

// Writes `count` distinct (inspector, uscc) pairs of active inspectors and
// active entities, sorted, each with a reason; fewer only when fewer exist.
// False (with `error`) on failure.
bool WriteConflicts(const ConflictOptions& conflicts, const OutputOptions& options,
                    std::string& error);

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_CONFLICTS_H_
