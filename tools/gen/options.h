#ifndef PLANC_TOOLS_GEN_OPTIONS_H_
#define PLANC_TOOLS_GEN_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tools/gen/conflicts.h"
#include "tools/gen/csv_writer.h"

namespace planc::gen {

// The file planc-gen is asked to write.
enum class Command { kRegistry, kInspectors, kConflicts, kPlan, kHelp };

// A parsed command line.
struct Options {
  Command command = Command::kHelp;
  uint64_t seed = 0;
  uint64_t rows = 0;   // registry
  uint64_t count = 0;  // inspectors, conflicts
  uint64_t tasks = 0;  // plan
  uint64_t cities = 1;  // registry, plan
  ConflictOptions conflicts;
  OutputOptions output;
};

// The usage text.
std::string_view Usage();

// Parses argv; nullopt with `error` set on a usage error (exit 2).
std::optional<Options> ParseOptions(int argc, const char* const* argv, std::string& error);

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_OPTIONS_H_
