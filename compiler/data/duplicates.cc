#include "compiler/data/duplicates.h"

#include <unistd.h>

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "compiler/data/table.h"
#include "compiler/util/memory.h"
#include "compiler/util/parallel.h"
#include "compiler/util/strings.h"

namespace planc::data {
namespace {

constexpr int kUscc = 0;  // the code's column id in RegistrySpec()
constexpr std::size_t kRunSize = std::size_t{1} << 22;
// Runs are grouped by the hashes' top 8 bits: a bucket of a run of 4M is
// 128 KiB, and grouping in place is quickest with few buckets.
constexpr int kBucketBits = 8;
constexpr std::size_t kBuckets = std::size_t{1} << kBucketBits;

// Reads `count` values from index `index` of a spilled run's file (with
// pread, so that threads can read the same run at once).
void ReadAt(int fd, std::uint64_t index, std::uint64_t* values, std::size_t count) {
  std::size_t bytes = count * sizeof(std::uint64_t);
  if (bytes > 0 &&
      ::pread(fd, values, bytes, static_cast<off_t>(index * sizeof(std::uint64_t))) !=
          static_cast<ssize_t>(bytes)) {
    throw std::runtime_error("cannot read a temporary file of the duplicate-code check");
  }
}

std::size_t BucketOf(std::uint64_t hash) {
  return static_cast<std::size_t>(hash >> (64 - kBucketBits));
}

// Puts `values` in bucket order in place (American flag sort on the top
// kBucketBits bits: no second buffer) and returns where each bucket starts,
// with the end last.
std::vector<std::uint64_t> GroupInPlace(std::vector<std::uint64_t>& values) {
  std::vector<std::uint64_t> starts(kBuckets + 1, 0);
  for (std::uint64_t x : values) ++starts[BucketOf(x) + 1];
  for (std::size_t b = 0; b < kBuckets; ++b) starts[b + 1] += starts[b];
  std::vector<std::uint64_t> next(starts.begin(), starts.end() - 1);
  for (std::size_t b = 0; b < kBuckets; ++b) {
    // Each value taken out of bucket b's unsettled slots is swapped on into
    // the bucket it belongs to, until one that belongs in b comes back.
    while (next[b] < starts[b + 1]) {
      std::uint64_t x = values[next[b]];
      for (std::size_t to = BucketOf(x); to != b; to = BucketOf(x)) {
        std::swap(x, values[next[to]++]);
      }
      values[next[b]++] = x;
    }
  }
  return starts;
}

}  // namespace

SeenCodes::~SeenCodes() {
  for (const Spilled& run : spilled_) std::fclose(run.file);
}

void SeenCodes::Add(std::string_view code) {
  // Room for a whole run at once: only what is used is ever touched, and
  // growing by doubling would touch and copy about twice that.
  if (hashes_.capacity() == 0) hashes_.reserve(kRunSize);
  hashes_.push_back(Hash64(code));
  if (hashes_.size() == kRunSize) Spill();
}

void SeenCodes::Seal() {
  if (hashes_.empty()) return;
  Grouped run;
  run.starts = GroupInPlace(hashes_);
  run.values = std::move(hashes_);
  grouped_.push_back(std::move(run));
  hashes_ = {};
}

void SeenCodes::Absorb(SeenCodes& other) {
  other.Seal();
  for (auto& run : other.grouped_) grouped_.push_back(std::move(run));
  other.grouped_.clear();
  spilled_.insert(spilled_.end(), other.spilled_.begin(), other.spilled_.end());
  other.spilled_.clear();
}

std::vector<std::uint64_t> SeenCodes::Repeated() {
  Seal();
  std::uint64_t total = 0;
  for (const Grouped& run : grouped_) total += run.values.size();
  for (const Spilled& run : spilled_) {
    if (std::fflush(run.file) != 0) {
      throw std::runtime_error("cannot write a temporary file for the duplicate-code check");
    }
    total += run.starts.back();
  }
  // Equal hashes are in the same bucket of every run: each bucket's values,
  // from all runs, go into a table of their own, small enough to stay in
  // cache; the buckets are shared between threads, and their repeats follow
  // one another in ascending order.
  std::vector<std::vector<std::uint64_t>> repeated(kBuckets);
  std::size_t min_share = total >= (std::uint64_t{1} << 18) ? 1 : kBuckets;
  ParallelFor(kBuckets, min_share, [&](std::size_t first, std::size_t last) {
    std::vector<std::uint64_t> table, block;
    for (std::size_t b = first; b < last; ++b) {
      std::uint64_t count = 0;
      for (const Grouped& run : grouped_) count += run.starts[b + 1] - run.starts[b];
      for (const Spilled& run : spilled_) count += run.starts[b + 1] - run.starts[b];
      // Open addressing, at most half full. Every value of bucket b has b
      // as its top bits, so a free slot is marked by a value with others.
      const std::uint64_t free = b == 0 ? ~std::uint64_t{0} : 0;
      int shift = 64 - 4;
      while ((std::uint64_t{1} << (64 - shift)) < 2 * count) --shift;
      table.assign(std::size_t{1} << (64 - shift), free);
      std::size_t mask = table.size() - 1;
      std::vector<std::uint64_t>& found = repeated[b];
      auto insert = [&](const std::uint64_t* values, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
          std::uint64_t x = values[i];
          for (std::size_t at = (x * 0x9E3779B97F4A7C15ull) >> shift;; at = (at + 1) & mask) {
            if (table[at] == free) {
              table[at] = x;
              break;
            }
            if (table[at] == x) {
              found.push_back(x);
              break;
            }
          }
        }
      };
      for (const Grouped& run : grouped_) {
        insert(run.values.data() + run.starts[b], run.starts[b + 1] - run.starts[b]);
      }
      for (const Spilled& run : spilled_) {
        block.resize(run.starts[b + 1] - run.starts[b]);
        ReadAt(fileno(run.file), run.starts[b], block.data(), block.size());
        insert(block.data(), block.size());
      }
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
    }
  });
  std::vector<std::uint64_t> all;
  for (const auto& bucket : repeated) all.insert(all.end(), bucket.begin(), bucket.end());
  return all;
}

void SeenCodes::Spill() {
  std::vector<std::uint64_t> starts = GroupInPlace(hashes_);
  std::FILE* run = std::tmpfile();
  if (run == nullptr ||
      std::fwrite(hashes_.data(), sizeof(std::uint64_t), hashes_.size(), run) != hashes_.size()) {
    if (run) std::fclose(run);
    throw std::runtime_error("cannot write a temporary file for the duplicate-code check");
  }
  spilled_.push_back({run, std::move(starts)});
  hashes_.clear();
  // A registry this large fills the next run too: on 2 MiB pages (a small
  // one never gets here, and its few MiB stay on small pages).
  PreferHugePages(hashes_.data(), hashes_.capacity() * sizeof(std::uint64_t));
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
