#include "compiler/data/duplicates.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <unordered_map>

#include <boost/sort/spreadsort/integer_sort.hpp>
#include <fmt/format.h>

#include "compiler/data/table.h"
#include "compiler/util/parallel.h"
#include "compiler/util/strings.h"

namespace planc::data {
namespace {

constexpr int kUscc = 0;  // the code's column id in RegistrySpec()
constexpr std::size_t kRunSize = std::size_t{1} << 22;

// Reads `count` values from index `index` of a spilled run's file (with
// pread, so that threads can read the same run at once).
void ReadAt(int fd, std::uint64_t index, std::uint64_t* values, std::size_t count) {
  std::size_t bytes = count * sizeof(std::uint64_t);
  if (::pread(fd, values, bytes, static_cast<off_t>(index * sizeof(std::uint64_t))) !=
      static_cast<ssize_t>(bytes)) {
    throw std::runtime_error("cannot read a temporary file of the duplicate-code check");
  }
}

// A sorted run, in memory or spilled to a file, read by value index.
struct Run {
  const std::vector<std::uint64_t>* memory = nullptr;
  int fd = -1;  // of the spilled run's file
  std::uint64_t size = 0;

  std::uint64_t At(std::uint64_t index) const {
    if (memory) return (*memory)[index];
    std::uint64_t value = 0;
    ReadAt(fd, index, &value, 1);
    return value;
  }
  // The first index whose value is not below `key`.
  std::uint64_t LowerBound(std::uint64_t key) const {
    std::uint64_t low = 0, high = size;
    while (low < high) {
      std::uint64_t mid = low + (high - low) / 2;
      if (At(mid) < key) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
};

// Reads the values [begin, end) of one run in order, a spilled one in blocks.
class Reader {
 public:
  Reader(const Run& run, std::uint64_t begin, std::uint64_t end)
      : run_(run), next_(begin), end_(end) {}
  bool Next(std::uint64_t& value) {
    if (run_.memory) {
      if (next_ >= end_) return false;
      value = (*run_.memory)[next_++];
      return true;
    }
    if (at_ == block_.size()) {
      if (next_ >= end_) return false;
      std::size_t count = static_cast<std::size_t>(std::min<std::uint64_t>(end_ - next_, 1 << 16));
      block_.resize(count);
      ReadAt(run_.fd, next_, block_.data(), count);
      next_ += count;
      at_ = 0;
    }
    value = block_[at_++];
    return true;
  }

 private:
  const Run& run_;
  std::uint64_t next_, end_;
  std::vector<std::uint64_t> block_;
  std::size_t at_ = 0;
};

// The values that occur more than once among the slices [begin[i], end[i])
// of `runs`, ascending: the runs merged in order. They are few (one per 4M
// codes and per thread that read part of the file), so the smallest head
// is found by a scan.
std::vector<std::uint64_t> RepeatedIn(const std::vector<Run>& runs,
                                      const std::vector<std::uint64_t>& begin,
                                      const std::vector<std::uint64_t>& end) {
  std::vector<Reader> readers;
  for (std::size_t i = 0; i < runs.size(); ++i) readers.emplace_back(runs[i], begin[i], end[i]);
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
  std::vector<Run> runs;
  std::uint64_t total = 0;
  for (std::FILE* file : runs_) {
    std::fflush(file);
    Run run;
    run.fd = fileno(file);
    struct stat info {};
    if (::fstat(run.fd, &info) != 0) {
      throw std::runtime_error("cannot read a temporary file of the duplicate-code check");
    }
    run.size = static_cast<std::uint64_t>(info.st_size) / sizeof(std::uint64_t);
    runs.push_back(run);
    total += run.size;
  }
  for (const auto& sorted : sorted_) {
    runs.push_back({&sorted, -1, sorted.size()});
    total += sorted.size();
  }
  // The hashes are spread evenly over 64 bits: each thread merges the runs'
  // values in its own share of that range, and the shares' repeats follow
  // one another in order.
  std::size_t shares = total >= (std::uint64_t{1} << 20) ? Cores() : 1;
  std::vector<std::vector<std::uint64_t>> repeated(shares);
  ParallelFor(shares, 1, [&](std::size_t first, std::size_t last) {
    __extension__ using U128 = unsigned __int128;
    for (std::size_t k = first; k < last; ++k) {
      std::vector<std::uint64_t> begin, end;
      for (const Run& run : runs) {
        auto bound = [&](std::size_t share) {
          if (share == 0) return std::uint64_t{0};
          if (share == shares) return run.size;
          auto key = static_cast<std::uint64_t>((static_cast<U128>(share) << 64) / shares);
          return run.LowerBound(key);
        };
        begin.push_back(bound(k));
        end.push_back(bound(k + 1));
      }
      repeated[k] = RepeatedIn(runs, begin, end);
    }
  });
  std::vector<std::uint64_t> all;
  for (const auto& share : repeated) all.insert(all.end(), share.begin(), share.end());
  return all;
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
