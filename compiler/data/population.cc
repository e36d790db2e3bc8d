#include "compiler/data/population.h"

#include <algorithm>
#include <memory>
#include <tuple>

#include <fmt/format.h>

#include "compiler/data/duplicates.h"
#include "compiler/data/predicate.h"
#include "compiler/data/table.h"
#include "compiler/parse/parse.h"
#include "compiler/util/strings.h"

namespace planc::data {
namespace {

// Column ids of RegistrySpec().
constexpr int kUscc = 0, kName = 1, kCredit = 5, kStatus = 7, kRegisteredOn = 9;

int CreditIndex(std::string_view credit) {
  return credit.size() == 1 && credit[0] >= 'A' && credit[0] <= 'D' ? credit[0] - 'A' : 4;
}

}  // namespace

const char* DefaultBasePredicate() { return "kind == \"enterprise\""; }

void DescribePlan(const sema::Plan& plan, Population& population) {
  population.base_predicate = plan.base ? expr::ToCanonical(*plan.base) : DefaultBasePredicate();
  population.scopes.clear();
  population.targets.clear();
  for (const sema::Predicate& scope : plan.scopes) {
    population.scopes[scope.id] = expr::ToCanonical(scope.expr);
  }
  for (const sema::Task& task : plan.tasks) {
    population.targets[task.id] = expr::ToCanonical(task.targets);
  }
}

std::optional<Population> ScanRegistry(const std::string& path, const sema::Plan& plan,
                                       const ScanOptions& options, Diagnostics& diags) {
  std::unique_ptr<TableReader> opened = OpenTable(path, RegistrySpec(), options.encoding, diags);
  if (!opened) return std::nullopt;
  TableReader& table = *opened;
  CsvReader* reader = &table.csv();
  table.set_skip_invalid(options.skip_invalid);

  // Compile the predicates against this header.
  RowPredicates predicates(table.header(), RegistrySpec(), plan.file, diags);
  for (const sema::Predicate& scope : plan.scopes) predicates.AddNamed(scope.id, scope.expr);
  bool compiled = predicates.CompileAllNamed();
  std::vector<const sema::Task*> tasks;
  for (const sema::Task& task : plan.tasks) tasks.push_back(&task);
  std::sort(tasks.begin(), tasks.end(),
            [](const sema::Task* a, const sema::Task* b) { return a->id < b->id; });
  std::vector<int> target_ids;
  for (const sema::Task* task : tasks) {
    target_ids.push_back(predicates.Add(task->targets));
    compiled = compiled && target_ids.back() >= 0;
  }
  std::optional<expr::Expr> default_base;
  if (!plan.base) {
    auto text = std::make_shared<SourceFile>("<default base>", DefaultBasePredicate());
    default_base = ParseExpression(text, {0, static_cast<std::uint32_t>(text->text().size())}, diags);
  }
  int base_id = predicates.Add(plan.base ? *plan.base : *default_base);
  compiled = compiled && base_id >= 0;

  Population population;
  DescribePlan(plan, population);
  for (std::size_t c = 0; c < table.header().names.size(); ++c) {
    if (table.header().column_to_field[c] >= 0) population.columns.push_back(table.header().names[c]);
  }
  SeenCodes seen;
  // Roots: each task's targets (in task order), then the base.
  std::vector<int> roots = target_ids;
  roots.push_back(base_id);
  std::vector<bool> keyed(table.header().names.size(), true);
  for (int c : {kUscc, kName, kRegisteredOn}) keyed[c] = false;
  std::optional<RowClassifier> classifier;
  if (compiled) classifier.emplace(predicates, roots, keyed);
  std::vector<std::array<std::uint64_t, 5>> counts;  // per outcome and class
  std::uint64_t invalid = 0;
  Row row;
  bool valid = true;
  while (table.Next(row, valid)) {
    if (!valid) {
      ++invalid;
      continue;
    }
    ++population.rows;
    seen.Add(row.values[kUscc]);
    std::string_view date = row.values[kRegisteredOn];
    if (date > population.date) population.date = std::string(date);
    if (row.values[kStatus] != "active") continue;
    ++population.active;
    if (!classifier) continue;
    std::uint32_t outcome = classifier->Classify(row);
    if (outcome >= counts.size()) counts.resize(outcome + 1);
    ++counts[outcome][CreditIndex(row.values[kCredit])];
  }
  if (!table.Close()) return std::nullopt;
  population.sha256 = reader->source().Sha256Hex();
  if (!FinishRegistry(path, options.encoding, options.skip_invalid, population.rows, invalid, seen,
                      diags)) {
    return std::nullopt;
  }
  if (!compiled) return std::nullopt;
  std::size_t base_root = tasks.size();
  for (std::uint32_t outcome = 0; outcome < counts.size(); ++outcome) {
    bool base = classifier->Holds(outcome, base_root);
    std::vector<std::string> in;
    for (std::size_t t = 0; t < tasks.size(); ++t) {
      if (classifier->Holds(outcome, t)) in.push_back(tasks[t]->id);
    }
    for (int credit = 0; credit < 5; ++credit) {
      std::uint64_t count = counts[outcome][credit];
      if (count == 0) continue;
      if (base) population.base[credit] += count;
      if (in.empty()) continue;
      Atom atom;
      atom.tasks = in;
      atom.credit = static_cast<sema::CreditClass>(credit);
      atom.base = base;
      atom.count = count;
      population.atoms.push_back(std::move(atom));
    }
  }
  std::sort(population.atoms.begin(), population.atoms.end(), [](const Atom& a, const Atom& b) {
    return std::tie(a.tasks, a.credit, a.base) < std::tie(b.tasks, b.credit, b.base);
  });
  return population;
}


}  // namespace planc::data
