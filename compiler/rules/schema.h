#ifndef PLANC_RULES_SCHEMA_H_
#define PLANC_RULES_SCHEMA_H_

#include "compiler/rules/value.h"

// The objects rules see (rules.md "What rules see"), field by field, with
// their types. docs/rules.md lists the same table.
namespace planc::rules {

const Schema& PlanSchema();
const Schema& TaskSchema();
const Schema& GroupSchema();
const Schema& WindowSchema();
const Schema& SampleSchema();
const Schema& InspectorsSchema();
// Per credit class A B C D U: the ratios of a `by credit` sample (a class
// given as a count has no ratio: null), and counts (figures).
const Schema& ClassRatiosSchema();
const Schema& ClassCountsSchema();

// Every schema above, for docs and explain.
const std::vector<const Schema*>& AllSchemas();

}  // namespace planc::rules

#endif  // PLANC_RULES_SCHEMA_H_
