#ifndef PLANC_SEMA_PLAN_H_
#define PLANC_SEMA_PLAN_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/expr/date.h"
#include "compiler/expr/decimal.h"
#include "compiler/source/source_file.h"

// The checked plan: every name resolved, every value typed, windows as
// dates. What the model, rules, overlap and emit stages read.
namespace planc::sema {

enum class CreditClass { kA, kB, kC, kD, kU };
constexpr std::array<CreditClass, 5> kCreditClasses = {CreditClass::kA, CreditClass::kB,
                                                       CreditClass::kC, CreditClass::kD,
                                                       CreditClass::kU};
const char* Name(CreditClass c);

// A ratio (exact), a count, or a ratio with a floor (`10% min 20`).
struct Amount {
  std::optional<Decimal> ratio;
  std::optional<std::int64_t> count;
  std::optional<std::int64_t> min;
  SourceRange range;
};

struct Sample {
  enum class Mode { kRatio, kCount, kCredit };
  Mode mode = Mode::kRatio;
  Amount amount;                                  // kRatio, kCount
  std::array<std::optional<Amount>, 5> by_class;  // kCredit, indexed by CreditClass
  bool u_from_b = false;                          // U was not written: B's amount applies
  SourceRange range;
};

struct Window {
  Date start;
  Date end;
  SourceRange range;
};

struct Waiver {
  std::string rule;
  std::string reason;
  SourceRange range;
};

struct Task {
  std::string id;
  std::string name;
  ast::TaskType type = ast::TaskType::kRandom;
  ast::Domain domain = ast::Domain::kGeneral;
  ast::Organizer organizer = ast::Organizer::kLocal;
  std::string lead;
  std::vector<std::string> with;
  expr::Expr targets;
  std::vector<std::string> items;
  std::vector<ast::Method> methods;
  Sample sample;
  Window window;
  int per_visit = 2;
  std::string pool;
  SourceRange inspectors_range;  // the `inspectors N from POOL` field
  ast::MergeMode merge = ast::MergeMode::kAuto;
  std::string note;
  std::vector<Waiver> waivers;
  SourceRange range;
  SourceRange id_range;
};

struct Unit {
  std::string id;
  std::string full_name;
  SourceRange range;
};

// A named scope (registry predicate) or pool (inspector predicate).
struct Predicate {
  std::string id;
  expr::Expr expr;
  SourceRange range;
};

struct Plan {
  SourcePtr file;
  std::string title;
  std::string authority;
  std::string document;
  std::optional<Date> issued;
  int year = 0;
  std::vector<std::string> rule_packs;
  std::vector<SourceRange> rule_pack_ranges;  // of each name
  SourceRange rules_range;                    // the `rules` field
  std::string registry;  // path as written, relative to the plan file
  std::string stats;
  SourceRange registry_range;  // the fields, for diagnostics about those files
  SourceRange stats_range;
  SourceRange plan_range;      // the plan block's keyword
  std::optional<expr::Expr> base;
  ast::Coordination coordination = ast::Coordination::kPositive;
  std::vector<Unit> units;
  std::vector<Predicate> scopes;
  std::vector<Predicate> pools;
  std::vector<Task> tasks;  // in source order
};

}  // namespace planc::sema

#endif  // PLANC_SEMA_PLAN_H_
