#ifndef PLANC_EMIT_EMIT_H_
#define PLANC_EMIT_EMIT_H_

#include <string>
#include <string_view>
#include <vector>

#include "compiler/model/model.h"
#include "compiler/overlap/overlap.h"

// The outputs of `planc compile` (product.md, draw.md "Draw jobs"), as text.
// Every function is deterministic: same model, same bytes. docs/formats.md
// describes each file field by field; docs/schemas/ has the JSON Schemas.
namespace planc::emit {

// drawjobs.json (planc/drawjobs@1): one job per coordination group.
std::string DrawJobsJson(const model::Model& model, const overlap::Overlap& overlap);

// schedule.json (planc/schedule@1): tasks, groups, common windows, expected
// draws, reached units and visits under the three modes.
std::string ScheduleJson(const model::Model& model, const overlap::Overlap& overlap);

// schedule.csv: one row per task with its group's figures.
std::string ScheduleCsv(const model::Model& model, const overlap::Overlap& overlap);

// plan-table.csv: the plan table (计划表) the bureau publishes, Chinese headers.
std::string PlanTableCsv(const model::Model& model);

// overlap.dot: the overlap graph for Graphviz, groups as clusters.
std::string OverlapDot(const model::Model& model, const overlap::Overlap& overlap);

// One CSV field, quoted when it holds a comma, a quote or a line break
// (RFC 4180).
std::string CsvField(const std::string& value);
// The same, appended to `out` (for large files written field by field).
void AppendCsvField(std::string& out, std::string_view value);

}  // namespace planc::emit

#endif  // PLANC_EMIT_EMIT_H_
