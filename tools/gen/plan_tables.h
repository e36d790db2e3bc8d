#ifndef PLANC_TOOLS_GEN_PLAN_TABLES_H_
#define PLANC_TOOLS_GEN_PLAN_TABLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace planc::gen {

// A unit (股室 or 所) as a generated plan declares it; `full` is the name the
// inspector directory uses when the plan's id is a short form.
struct PlanUnit {
  std::string_view id;
  std::string_view full;
  bool station;
};

// A scope over the registry's columns or a pool over the inspectors'; `uses`
// is the other scope its expression names, if any.
struct NamedPredicate {
  std::string_view id;
  std::string_view expr;
  std::string_view uses;
};

// A kind of task in the plan table: its name, targets, lead unit and pool.
struct Theme {
  std::string_view name;
  std::string_view scope;
  std::string_view partners;  // '|'-list: scopes an `or` in `targets` may add
  std::string_view lead;
  std::string_view pool;
  std::string_view methods;  // ", "-list of `onsite`, `documents`, `online`
  bool professional;         // domain professional: no credit classes, a waiver
  bool large;                // thousands of units: a count in `by credit` stays below its stratum
  uint32_t weight;
  std::string_view items;  // '|'-list
};

// One value of `sample`: a ratio in tenths of a percent, or a count; with an
// optional `min`.
struct SampleAmount {
  uint16_t tenths = 0;  // 35 = 3.5%
  uint16_t count = 0;   // a count when not zero
  uint16_t min = 0;     // `min k` when not zero
};

// A `by credit` row: A, B, C, D and U; `has_u` false leaves U out (it then
// takes B's value, with a note).
struct CreditLadder {
  SampleAmount classes[5];
  bool has_u;
  bool counts;  // holds a count or a `min`: only for large themes
};

// The tables, in the order a plan declares them.
const std::vector<PlanUnit>& PlanUnits();
const std::vector<NamedPredicate>& PlanScopes();
const std::vector<NamedPredicate>& PlanPools();
const std::vector<Theme>& PlanThemes();
const std::vector<CreditLadder>& CreditLadders();

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_PLAN_TABLES_H_
