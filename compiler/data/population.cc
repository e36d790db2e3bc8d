#include "compiler/data/population.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <queue>
#include <stdexcept>
#include <cstdlib>
#include <memory>
#include <cstring>
#include <tuple>
#include <unordered_map>

#include <boost/sort/spreadsort/integer_sort.hpp>
#include <fmt/format.h>

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

// The 64-bit hashes of every code, appended as rows pass and sorted; equal
// neighbours are suspected duplicates, confirmed exactly by a second pass over
// those codes only. Memory stays bounded: every 4M hashes (32 MiB) are sorted
// and spilled to a temporary file, and the runs are merged at the end.
class SeenCodes {
 public:
  ~SeenCodes() {
    for (std::FILE* run : runs_) std::fclose(run);
  }
  void Add(std::string_view code) {
    hashes_.push_back(Hash64(code));
    if (hashes_.size() == kRunSize) Spill();
  }
  // The hashes that occur more than once, ascending.
  std::vector<std::uint64_t> Repeated() {
    boost::sort::spreadsort::integer_sort(hashes_.begin(), hashes_.end());
    std::vector<Reader> readers;
    for (std::FILE* run : runs_) {
      std::rewind(run);
      readers.emplace_back(run);
    }
    readers.emplace_back(nullptr, &hashes_);
    // Merge every run and the rest in memory, in order.
    using Head = std::pair<std::uint64_t, std::size_t>;
    std::priority_queue<Head, std::vector<Head>, std::greater<Head>> heap;
    for (std::size_t i = 0; i < readers.size(); ++i) {
      std::uint64_t value;
      if (readers[i].Next(value)) heap.emplace(value, i);
    }
    std::vector<std::uint64_t> repeated;
    bool first = true;
    std::uint64_t last = 0;
    while (!heap.empty()) {
      auto [value, i] = heap.top();
      heap.pop();
      if (!first && value == last && (repeated.empty() || repeated.back() != value)) {
        repeated.push_back(value);
      }
      first = false;
      last = value;
      std::uint64_t next;
      if (readers[i].Next(next)) heap.emplace(next, i);
    }
    return repeated;
  }
 private:
  static constexpr std::size_t kRunSize = std::size_t{1} << 22;

  // Reads one sorted run, from its file in blocks or from memory.
  class Reader {
   public:
    explicit Reader(std::FILE* file, const std::vector<std::uint64_t>* memory = nullptr)
        : file_(file), memory_(memory) {}
    bool Next(std::uint64_t& value) {
      if (memory_) {
        if (at_ >= memory_->size()) return false;
        value = (*memory_)[at_++];
        return true;
      }
      if (at_ == block_.size()) {
        block_.resize(1 << 16);
        block_.resize(std::fread(block_.data(), sizeof(std::uint64_t), block_.size(), file_));
        at_ = 0;
        if (block_.empty()) return false;
      }
      value = block_[at_++];
      return true;
    }

   private:
    std::FILE* file_;
    const std::vector<std::uint64_t>* memory_;
    std::vector<std::uint64_t> block_;
    std::size_t at_ = 0;
  };

  void Spill() {
    boost::sort::spreadsort::integer_sort(hashes_.begin(), hashes_.end());
    std::FILE* run = std::tmpfile();
    if (run == nullptr ||
        std::fwrite(hashes_.data(), sizeof(std::uint64_t), hashes_.size(), run) != hashes_.size()) {
      if (run) std::fclose(run);
      throw std::runtime_error("cannot write a temporary file for the duplicate-code check");
    }
    runs_.push_back(run);
    hashes_.clear();
  }

  std::vector<std::uint64_t> hashes_;
  std::vector<std::FILE*> runs_;
};

// Second pass over the registry for the suspected duplicate codes only.
// Cell problems were reported by the first pass, so this pass keeps only its
// duplicate reports. Returns true when a duplicate was found.
bool ConfirmDuplicates(const std::string& path, const ScanOptions& options,
                       const std::vector<std::uint64_t>& suspects, Diagnostics& diags) {
  std::string error;
  auto csv = CsvReader::Open(path, options.encoding, &error);
  if (!csv) return false;
  Diagnostics pass;
  TableReader table(RegistrySpec(), std::move(csv), pass);
  if (!table.ReadHeader()) return false;
  std::unordered_map<std::string, std::uint32_t> first_line;
  Row row;
  bool valid = true;
  bool found = false;
  while (table.Next(row, valid)) {
    if (!std::binary_search(suspects.begin(), suspects.end(), Hash64(row.values[kUscc]))) {
      continue;
    }
    std::string code(row.values[kUscc]);
    auto [it, inserted] = first_line.emplace(code, row.line);
    if (inserted) continue;
    found = true;
    table.Report(DiagKind::kDuplicateKey, table.header().column_to_field[kUscc],
                 {fmt::format("`{}` appears more than once", code),
                  fmt::format("`{}` 重复出现", code)},
                 {fmt::format("first at line {}", it->second),
                  fmt::format("第一次出现在第 {} 行", it->second)},
                 {"a unified social credit code names one market entity: keep one row",
                  "一个统一社会信用代码只对应一个市场主体：请只保留一行"});
  }
  table.Close();
  for (const Diagnostic& d : pass.Sorted()) {
    if (d.code == Info(DiagKind::kDuplicateKey).code) diags.Add(d);
  }
  return found;
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
  std::string error;
  auto csv = CsvReader::Open(path, options.encoding, &error);
  if (!csv) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, file, {0, 0})
                  .Message(fmt::format("cannot read the registry: {}", error),
                           fmt::format("无法读取名录库：{}", error)));
    return std::nullopt;
  }
  CsvReader* reader = csv.get();
  if (reader->source().detected_gb18030()) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kDecodedAsGb18030, file, {0, 0})
                  .Message("the registry is not UTF-8: read as GB18030",
                           "名录库不是 UTF-8 编码：已按 GB18030 读取")
                  .Help("pass --encoding utf-8 or --encoding gb18030 to choose yourself",
                        "可用 --encoding utf-8 或 --encoding gb18030 指定编码"));
  }
  TableReader table(RegistrySpec(), std::move(csv), diags);
  table.set_skip_invalid(options.skip_invalid);
  if (!table.ReadHeader()) return std::nullopt;

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
  if (population.rows == 0 && invalid == 0) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kEmptyTable, file, {0, 0})
                  .Message("the registry has a header but no rows", "名录库只有表头，没有数据行")
                  .Help("export the registry again with its rows", "请重新导出包含数据行的名录库"));
    return std::nullopt;
  }
  population.sha256 = reader->source().Sha256Hex();
  std::vector<std::uint64_t> suspects = seen.Repeated();
  bool duplicates = !suspects.empty() && ConfirmDuplicates(path, options, suspects, diags);
  if (invalid > 0 || duplicates) {
    auto file = std::make_shared<SourceFile>(path, "");
    if (options.skip_invalid && !duplicates) {
      diags.Add(DiagBuilder(DiagKind::kRowsSkipped, file, {0, 0})
                    .Message(fmt::format("{} invalid row{} skipped (--skip-invalid)", invalid,
                                         invalid == 1 ? "" : "s"),
                             fmt::format("已跳过 {} 个无效行（--skip-invalid）", invalid)));
    } else {
      return std::nullopt;
    }
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
