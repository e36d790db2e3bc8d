#ifndef PLANC_DATA_POPULATION_H_
#define PLANC_DATA_POPULATION_H_

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/data/text_source.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/plan.h"

namespace planc::data {

// The active units of one credit class that fall into exactly one
// combination of task target populations, and whether they are in the base.
struct Atom {
  std::vector<std::string> tasks;  // task ids, bytewise order
  sema::CreditClass credit = sema::CreditClass::kA;
  bool base = false;
  std::uint64_t count = 0;
};

// Everything checking a plan needs to know of its registry (planc/stats@1).
struct Population {
  std::string sha256;               // of the registry file's bytes
  std::uint64_t rows = 0;           // data rows read (valid ones)
  std::uint64_t active = 0;         // of which active
  std::string date;                 // the newest registration date, ISO
  std::vector<std::string> columns;  // the registry's columns (canonical names, then extras)
  std::array<std::uint64_t, 5> base{};  // active base units per class A B C D U
  std::vector<Atom> atoms;          // sorted by tasks, class, base
  // What the figures were computed for, in canonical predicate syntax.
  std::string base_predicate;
  std::map<std::string, std::string> scopes;
  std::map<std::string, std::string> targets;  // task id -> targets
};

// The base predicate when a plan names none: every active enterprise.
const char* DefaultBasePredicate();

// The canonical predicates of `plan` that a population depends on.
void DescribePlan(const sema::Plan& plan, Population& population);

struct ScanOptions {
  Encoding encoding = Encoding::kAuto;
  bool skip_invalid = false;  // report and skip invalid rows instead of failing
};

// Reads a registry in one pass, validating every row (data.md) and counting
// the atoms of `plan`'s tasks. Memory grows with the atoms, not the rows: the
// duplicate-code check spills runs of code hashes to a temporary file (a
// second pass reads the registry again only when two codes may be equal).
// nullopt when the file cannot be used; every problem is in `diags`.
std::optional<Population> ScanRegistry(const std::string& path, const sema::Plan& plan,
                                       const ScanOptions& options, Diagnostics& diags);

}  // namespace planc::data

#endif  // PLANC_DATA_POPULATION_H_
