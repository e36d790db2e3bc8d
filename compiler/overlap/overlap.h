#ifndef PLANC_OVERLAP_OVERLAP_H_
#define PLANC_OVERLAP_OVERLAP_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diag/engine.h"
#include "compiler/expr/date.h"
#include "compiler/model/model.h"

// The overlap graph and the coordination groups (language.md, draw.md): which
// tasks are expected to draw the same enterprises while their windows meet,
// and what drawing them together costs and saves under each coordination
// mode. Boost.Graph stays inside overlap.cc.
namespace planc::overlap {

// The three modes, in this order wherever figures are listed.
constexpr std::array<ast::Coordination, 3> kModes = {
    ast::Coordination::kPositive, ast::Coordination::kIndependent, ast::Coordination::kNegative};

// Expected figures under one mode (docs/overlap.md).
struct Figures {
  double reached = 0;       // distinct units drawn
  double reached_base = 0;  // of which in the plan's base
  double visits = 0;        // visits after merging (draw.md "Visits")
};

struct Edge {
  std::size_t a = 0, b = 0;  // task indexes (model order); a's id < b's id
  // With population figures: units both may draw, and the expected number
  // both do draw under the plan's coordination.
  std::optional<std::uint64_t> shared;
  std::array<std::uint64_t, 5> shared_by_class{};  // of `shared`, per class A B C D U
  std::optional<double> weight;
  // Without figures: the scopes both name.
  std::vector<std::string> scopes;
};

struct Group {
  std::string id;                    // its smallest task id
  std::vector<std::size_t> tasks;    // task indexes, by id
  // The window every task of the group shares, when there is one.
  std::optional<std::pair<Date, Date>> common;
  std::optional<std::uint64_t> planned;
  std::array<Figures, 3> expected{};  // by kModes, with population figures
};

struct Overlap {
  ast::Coordination mode = ast::Coordination::kPositive;  // the plan's
  bool figures = false;              // population figures were known
  std::vector<Edge> edges;           // by (id of a, id of b)
  std::vector<Group> groups;         // by id
  std::vector<std::size_t> group_of;  // task index -> group index
  // Tasks that may draw the same units but whose windows do not meet (and
  // neither is `merge never`): each is its own visit there.
  std::vector<Edge> disjoint;
  std::optional<std::uint64_t> planned;
  std::optional<std::uint64_t> base;
  std::array<Figures, 3> expected{};  // the plan, by kModes
};

// Builds the graph, the groups and the figures; adds note N0301 for the
// pairs of tasks in `disjoint` unless `disjoint_notes` is false (a rule
// pack's `merge-windows` rule reports them instead).
Overlap Analyze(const model::Model& model, Diagnostics& diags, bool disjoint_notes = true);

// `--dump=overlap`: edges, groups and figures, in a stable text form.
std::string DumpOverlap(const model::Model& model, const Overlap& overlap);

// The summary `check` ends with: tasks, planned, reached, coverage, visits,
// for each mode (the plan's marked).
std::string SummaryTable(const model::Model& model, const Overlap& overlap, Lang lang);

// A figure as printed everywhere: two decimals.
std::string FormatExpected(double value);
// Coverage, reached base units over the base, as a percentage with two decimals.
std::string FormatCoverage(double reached_base, std::uint64_t base);

}  // namespace planc::overlap

#endif  // PLANC_OVERLAP_OVERLAP_H_
