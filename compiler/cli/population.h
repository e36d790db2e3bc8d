#ifndef PLANC_CLI_POPULATION_H_
#define PLANC_CLI_POPULATION_H_

#include <optional>
#include <string>

#include "compiler/cli/commands.h"
#include "compiler/data/population.h"
#include "compiler/model/model.h"
#include "compiler/sema/plan.h"

namespace planc::cli {

// A population and the name of the file it came from.
struct LoadedPopulation {
  std::optional<data::Population> population;
  std::string source;  // as shown to the user
  bool from_stats = false;  // read from a planc/stats@1 file, not scanned from a registry
};

// Loads the plan's population from --registry/--stats or the plan's fields.
// Problems in the files are diagnostics; a file that cannot be read at all
// sets `error` (exit 2). With no source anywhere, `population` stays empty.
LoadedPopulation LoadPopulation(const sema::Plan& plan, const PopulationOptions& options,
                                Diagnostics& diags, std::string* error);

// Reads --inspectors (and --conflicts) into the model; false with `error` set
// when a named file cannot be read at all.
bool LoadInspectors(model::Model& model, const PopulationOptions& options, Diagnostics& diags,
                    std::string* error);

// Parses and analyses a plan file; a file that cannot be read sets `error`.
std::optional<sema::Plan> LoadPlan(const std::string& path, Diagnostics& diags,
                                   std::string* error, std::optional<ast::Plan>* tree = nullptr,
                                   SourcePtr* file = nullptr);

// The data files' encoding from `--encoding` (auto, utf-8, gb18030; the
// command line admits no other value).
data::Encoding EncodingOf(const std::string& name);

}  // namespace planc::cli

#endif  // PLANC_CLI_POPULATION_H_
