#include "compiler/data/inspectors.h"

#include <unordered_map>

#include <fmt/format.h>

#include "compiler/data/predicate.h"
#include "compiler/data/table.h"

namespace planc::data {
namespace {

// Column ids of InspectorSpec() and ConflictSpec().
constexpr int kId = 0, kActive = 5;
constexpr int kConflictInspector = 0, kConflictUscc = 1;

}  // namespace

bool NewInspectorId(TableReader& table, const Row& row, FirstRows& first_rows) {
  std::string id(row.values[kId]);
  auto [it, inserted] = first_rows.emplace(id, row.line);
  if (inserted) return true;
  table.Report(DiagKind::kDuplicateKey, table.header().column_to_field[kId],
               {fmt::format("inspector `{}` appears more than once", id),
                fmt::format("执法证号 `{}` 重复出现", id)},
               {fmt::format("first at line {}", it->second),
                fmt::format("第一次出现在第 {} 行", it->second)},
               {"one row per inspector", "每名执法人员只能有一行"});
  return false;
}

bool InspectorActive(const TableReader& table, const Row& row) {
  // A directory without the `active` column lists serving inspectors only.
  return table.header().column_to_field[kActive] < 0 || row.values[kActive] == "true";
}

std::optional<Inspectors> ScanInspectors(const std::string& path, const sema::Plan& plan,
                                         Encoding encoding, Diagnostics& diags) {
  std::unique_ptr<TableReader> table = OpenTable(path, InspectorSpec(), encoding, diags);
  if (!table) return std::nullopt;
  RowPredicates predicates(table->header(), InspectorSpec(), plan.file, diags);
  for (const sema::Predicate& pool : plan.pools) predicates.AddNamed(pool.id, pool.expr);
  bool compiled = predicates.CompileAllNamed();
  std::map<std::string, int> pool_ids;
  for (const sema::Predicate& pool : plan.pools) {
    expr::Expr name;
    name.kind = expr::Expr::Kind::kName;
    name.name = pool.id;
    name.range = pool.range;
    pool_ids[pool.id] = predicates.Add(name);
  }
  Inspectors inspectors;
  for (const auto& entry : pool_ids) inspectors.pool_sizes[entry.first] = 0;
  FirstRows first_rows;
  bool ok = true;
  Row row;
  bool valid = true;
  while (table->Next(row, valid)) {
    if (!valid) {
      ok = false;
      continue;
    }
    ++inspectors.rows;
    if (!NewInspectorId(*table, row, first_rows)) {
      ok = false;
      continue;
    }
    inspectors.ids.insert(std::string(row.values[kId]));
    if (!InspectorActive(*table, row)) continue;
    ++inspectors.active;
    if (!compiled) continue;
    predicates.SetRow(row);
    for (const auto& [pool, id_of_pool] : pool_ids) {
      if (predicates.Eval(id_of_pool)) ++inspectors.pool_sizes[pool];
    }
  }
  if (!table->Close()) return std::nullopt;
  inspectors.sha256 = table->csv().source().Sha256Hex();
  if (!ok || !compiled) return std::nullopt;
  return inspectors;
}

std::optional<Conflicts> ScanConflicts(const std::string& path,
                                       const std::set<std::string>& known_ids, Encoding encoding,
                                       Diagnostics& diags) {
  std::unique_ptr<TableReader> table = OpenTable(path, ConflictSpec(), encoding, diags);
  if (!table) return std::nullopt;
  Conflicts conflicts;
  bool ok = true;
  Row row;
  bool valid = true;
  while (table->Next(row, valid)) {
    if (!valid) {
      ok = false;
      continue;
    }
    ++conflicts.rows;
    std::string inspector(row.values[kConflictInspector]);
    conflicts.pairs.emplace(inspector, std::string(row.values[kConflictUscc]));
    if (known_ids.count(inspector)) continue;
    table->Report(DiagKind::kUnknownReference,
                  table->header().column_to_field[kConflictInspector],
                  {fmt::format("inspector `{}` is not in the inspector directory", inspector),
                   fmt::format("执法证号 `{}` 不在执法检查人员名录库中", inspector)},
                  {"no such inspector", "没有这名执法人员"},
                  {"the conflict has no effect; check the id against the directory",
                   "这条回避记录不起作用；请与人员名录核对执法证号"});
  }
  if (!table->Close() || !ok) return std::nullopt;
  conflicts.sha256 = table->csv().source().Sha256Hex();
  conflicts.encoding = table->csv().source().encoding();
  return conflicts;
}

}  // namespace planc::data
