#ifndef PLANC_DATA_INSPECTORS_H_
#define PLANC_DATA_INSPECTORS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "compiler/data/table.h"
#include "compiler/data/text_source.h"
#include "compiler/diag/engine.h"
#include "compiler/sema/plan.h"

namespace planc::data {

// What checking a plan needs of its inspector directory (执法检查人员名录库).
struct Inspectors {
  std::string sha256;
  std::uint64_t rows = 0;
  std::uint64_t active = 0;
  std::map<std::string, std::uint64_t> pool_sizes;  // pool -> active members
  std::set<std::string> ids;                        // every inspector id
};

// Inspector ids seen so far, with the line of each.
using FirstRows = std::unordered_map<std::string, std::uint32_t>;
// True for a row whose inspector id is new; a repeat is reported (E0206)
// with the line of the first.
bool NewInspectorId(TableReader& table, const Row& row, FirstRows& first_rows);
// Whether an inspector row is serving: `active` is true, or the directory
// has no `active` column (it then lists serving inspectors only).
bool InspectorActive(const TableReader& table, const Row& row);

// Reads and validates the inspector directory (ids unique, values known)
// and counts each pool's active members. nullopt when it cannot be used.
std::optional<Inspectors> ScanInspectors(const std::string& path, const sema::Plan& plan,
                                         Encoding encoding, Diagnostics& diags);

// A conflicts file (回避): who never joins a visit to whom.
struct Conflicts {
  std::string sha256;
  Encoding encoding = Encoding::kUtf8;  // as read
  std::uint64_t rows = 0;
  std::set<std::pair<std::string, std::string>> pairs;  // (inspector id, uscc)
};

// Reads and validates a conflicts file; a conflict naming an inspector not
// in `known_ids` is a warning. nullopt when it cannot be used.
std::optional<Conflicts> ScanConflicts(const std::string& path,
                                       const std::set<std::string>& known_ids, Encoding encoding,
                                       Diagnostics& diags);

}  // namespace planc::data

#endif  // PLANC_DATA_INSPECTORS_H_
