#ifndef PLANC_TOOLS_GEN_PLAN_H_
#define PLANC_TOOLS_GEN_PLAN_H_

#include <cstdint>
#include <string>

namespace planc::gen {

// The most tasks one plan may hold: ids are T00001 … T99999.
inline constexpr uint64_t kMaxPlanTasks = 99999;

// The text of a plan of `tasks` tasks (1 … kMaxPlanTasks) over the columns
// of `planc-gen registry` and `planc-gen inspectors`. Task i depends only on
// (seed, i) and the tasks before it, so a plan of 100 tasks holds the first
// 100 tasks of a plan of 10,000; the plan declares only the units, scopes
// and pools its tasks use.
//
// With `cities` > 1 (a registry generated with the same --cities), task i is
// city (i mod cities)'s: its targets are the theme's `and` that city's scope,
// or the city's own district for a station's routine check, and its name
// carries the city. Every other choice is the one-city plan's.
std::string GeneratePlan(uint64_t tasks, uint64_t seed, uint64_t cities = 1);

// Writes GeneratePlan(tasks, seed) to `path` (`-`: standard output); false
// (with `error`) on failure.
bool WritePlan(uint64_t tasks, uint64_t seed, uint64_t cities, const std::string& path,
               std::string& error);

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_PLAN_H_
