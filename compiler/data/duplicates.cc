#include "compiler/data/duplicates.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <boost/sort/spreadsort/integer_sort.hpp>
#include <fmt/format.h>

#include "compiler/data/table.h"
#include "compiler/util/strings.h"

namespace planc::data {
namespace {

constexpr int kUscc = 0;  // the code's column id in RegistrySpec()
constexpr std::size_t kRunSize = std::size_t{1} << 22;

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

}  // namespace

SeenCodes::~SeenCodes() {
  for (std::FILE* run : runs_) std::fclose(run);
}

void SeenCodes::Add(std::string_view code) {
  // Room for a whole run at once: only what is used is ever touched, and
  // growing by doubling would touch and copy about twice that.
  if (hashes_.capacity() == 0) hashes_.reserve(kRunSize);
  hashes_.push_back(Hash64(code));
  if (hashes_.size() == kRunSize) Spill();
}

void SeenCodes::Sort() {
  if (hashes_.empty()) return;
  boost::sort::spreadsort::integer_sort(hashes_.begin(), hashes_.end());
  sorted_.push_back(std::move(hashes_));
  hashes_ = {};
}

void SeenCodes::Absorb(SeenCodes& other) {
  other.Sort();
  for (auto& run : other.sorted_) sorted_.push_back(std::move(run));
  other.sorted_.clear();
  runs_.insert(runs_.end(), other.runs_.begin(), other.runs_.end());
  other.runs_.clear();
}

std::vector<std::uint64_t> SeenCodes::Repeated() {
  Sort();
  std::vector<Reader> readers;
  for (std::FILE* run : runs_) {
    std::rewind(run);
    readers.emplace_back(run);
  }
  for (const auto& run : sorted_) readers.emplace_back(nullptr, &run);
  // Merge the runs in order; they are few (one per 4M codes and per part
  // of the file read in parallel), so the smallest head is found by a scan.
  std::vector<std::uint64_t> heads;
  std::vector<std::size_t> live;  // readers not at their end
  for (std::size_t i = 0; i < readers.size(); ++i) {
    std::uint64_t value;
    if (readers[i].Next(value)) {
      heads.push_back(value);
      live.push_back(i);
    }
  }
  std::vector<std::uint64_t> repeated;
  bool first = true;
  std::uint64_t last = 0;
  while (!live.empty()) {
    std::size_t at = 0;
    for (std::size_t j = 1; j < heads.size(); ++j) {
      if (heads[j] < heads[at]) at = j;
    }
    std::uint64_t value = heads[at];
    if (!first && value == last && (repeated.empty() || repeated.back() != value)) {
      repeated.push_back(value);
    }
    first = false;
    last = value;
    if (!readers[live[at]].Next(heads[at])) {
      heads.erase(heads.begin() + static_cast<std::ptrdiff_t>(at));
      live.erase(live.begin() + static_cast<std::ptrdiff_t>(at));
    }
  }
  return repeated;
}

void SeenCodes::Spill() {
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

// Second pass over the registry for the suspected duplicate codes only.
// Cell problems were reported by the first pass, so this pass keeps only its
// duplicate reports. Returns true when a duplicate was found.
bool ConfirmDuplicates(const std::string& path, Encoding encoding,
                       const std::vector<std::uint64_t>& suspects, Diagnostics& diags) {
  std::string error;
  auto csv = CsvReader::Open(path, encoding, &error);
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

bool FinishRegistry(const std::string& path, Encoding encoding, bool skip_invalid,
                    std::uint64_t rows, std::uint64_t invalid, SeenCodes& seen,
                    Diagnostics& diags) {
  auto file = std::make_shared<SourceFile>(path, "");
  if (rows == 0 && invalid == 0) {
    diags.Add(DiagBuilder(DiagKind::kEmptyTable, file, {0, 0})
                  .Message("the registry has a header but no rows", "名录库只有表头，没有数据行")
                  .Help("export the registry again with its rows", "请重新导出包含数据行的名录库"));
    return false;
  }
  std::vector<std::uint64_t> suspects = seen.Repeated();
  bool duplicates = !suspects.empty() && ConfirmDuplicates(path, encoding, suspects, diags);
  if (duplicates || (invalid > 0 && !skip_invalid)) return false;
  if (invalid > 0) {
    diags.Add(DiagBuilder(DiagKind::kRowsSkipped, file, {0, 0})
                  .Message(fmt::format("{} invalid row{} skipped (--skip-invalid)", invalid,
                                       invalid == 1 ? "" : "s"),
                           fmt::format("已跳过 {} 个无效行（--skip-invalid）", invalid)));
  }
  return true;
}

}  // namespace planc::data
