#ifndef PLANC_RULES_PACK_H_
#define PLANC_RULES_PACK_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/expr/expr.h"
#include "compiler/rules/calendar.h"
#include "compiler/rules/value.h"

// Rule packs (rules.md "A pack"): loaded from YAML, their expressions parsed
// on the shared grammar and type-checked, layered parent first.
namespace planc::rules {

enum class RuleFor { kPlan, kTask, kGroup };

// An expression of a pack, with the file it is written in.
struct PackExpr {
  SourcePtr file;
  expr::Expr expr;
};

// A message or help text: literal text and `{expr}` parts.
struct Template {
  struct Part {
    std::string text;             // literal text, or
    std::optional<PackExpr> expr;  // an interpolated expression
  };
  std::vector<Part> parts;
};

struct Rule {
  std::string id;
  std::string pack;       // the pack that defines it
  std::string title;
  std::string cite;       // as written: "seed 三(四)"
  std::string cite_text;  // with the source named: "狮市监〔2024〕7号《…》 三(四)"
  Severity severity = Severity::kError;
  RuleFor subject = RuleFor::kPlan;
  std::optional<PackExpr> when;
  PackExpr require;
  std::optional<PackExpr> at;
  Template message;
  Template help;
  std::string explain;  // the requirement in words, for `planc explain`
  std::string example;  // a plan fragment, for `planc explain`
  // As written in the pack, for `planc explain`.
  std::string when_text, require_text, help_text;
  SourcePtr file;
  SourceRange range;    // the rule's `id`
};

struct Param {
  std::string name;
  std::string pack;
  Value value;
  Type type;
};

// Packs layered parent first: their params, rules and calendar.
struct RuleSet {
  std::vector<std::string> packs;  // in the order applied, parents first
  std::vector<Param> params;       // by name
  std::vector<Rule> rules;         // in order of definition, parents first
  std::optional<Calendar> calendar;
  std::shared_ptr<Schema> params_schema;
  Value params_value;  // the `params` object rules see
  const Rule* Find(const std::string& id) const;
};

// Where packs are looked for: the directories in order, each holding
// NAME.yaml and calendars/NAME.yaml.
struct PackSearch {
  std::vector<std::string> dirs;
};

// The packs in the search folders (NAME of each NAME.yaml), sorted.
std::vector<std::string> AvailablePacks(const PackSearch& search);

// The installed rules/ directory: PLANC_RULES_DIR from the environment, or
// rules/ beside the executable's share directory, or the source tree's.
std::string DefaultRulesDir();

// Loads the packs `names` (as the plan's `rules` field lists them, at
// `where` in `plan_file`) and all they extend. Errors in a pack point into
// its file; a pack that is not found points at `where`.
std::optional<RuleSet> LoadRules(const std::vector<std::string>& names, const PackSearch& search,
                                 const SourcePtr& plan_file, SourceRange where, Diagnostics& diags);

}  // namespace planc::rules

#endif  // PLANC_RULES_PACK_H_
