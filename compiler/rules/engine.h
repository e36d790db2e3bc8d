#ifndef PLANC_RULES_ENGINE_H_
#define PLANC_RULES_ENGINE_H_

#include "compiler/diag/engine.h"
#include "compiler/model/model.h"
#include "compiler/overlap/overlap.h"
#include "compiler/rules/pack.h"

// Applies rule packs to a compiled plan (rules.md): each rule for the plan,
// each task or each group; a failed `require` is a diagnostic with the
// rule's id, severity, message and citation. A task that waives the rule
// turns its finding into a note naming the reason. A rule that reads a
// population figure the plan has no counts for is reported once, as a note
// ("cannot be checked without population counts"), or as an error with
// `strict`.
namespace planc::rules {

// The plan as rules see it: the `plan` object (rules.md "What rules see").
Value PlanFacts(const model::Model& model, const overlap::Overlap& overlap,
                const std::vector<std::string>& packs);

void ApplyRules(const RuleSet& rules, const model::Model& model, const overlap::Overlap& overlap,
                bool strict, Diagnostics& diags);

// `check --trace RULE`: how rule `id` evaluated for each of its subjects,
// every sub-expression of `when` and `require` with its value. Empty when
// no pack in force has the rule.
std::string TraceRule(const RuleSet& rules, const std::string& id, const model::Model& model,
                      const overlap::Overlap& overlap);

}  // namespace planc::rules

#endif  // PLANC_RULES_ENGINE_H_
