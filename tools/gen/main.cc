// planc-gen: deterministic synthetic registry, inspector and conflict files
// that look like Shishi's (石狮市), and plans over them, for tests,
// benchmarks and demos.
#include <fmt/format.h>

#include <cstdio>
#include <string>

#include "tools/gen/conflicts.h"
#include "tools/gen/inspectors.h"
#include "tools/gen/options.h"
#include "tools/gen/plan.h"
#include "tools/gen/registry.h"

int main(int argc, char** argv) {
  using namespace planc::gen;
  std::string error;
  std::optional<Options> options = ParseOptions(argc, argv, error);
  if (!options) {
    fmt::print(stderr, "planc-gen: {}\n{}", error, Usage());
    return 2;
  }
  bool ok = true;
  switch (options->command) {
    case Command::kHelp:
      fmt::print("{}", Usage());
      return 0;
    case Command::kRegistry:
      ok = WriteRegistry(options->rows, options->seed, options->cities, options->output, error);
      break;
    case Command::kInspectors:
      ok = WriteInspectors(options->count, options->seed, options->output, error);
      break;
    case Command::kConflicts:
      ok = WriteConflicts(options->conflicts, options->output, error);
      break;
    case Command::kPlan:
      ok = WritePlan(options->tasks, options->seed, options->cities, options->output.path, error);
      break;
  }
  if (!ok) {
    fmt::print(stderr, "planc-gen: {}\n", error);
    return 1;
  }
  return 0;
}
