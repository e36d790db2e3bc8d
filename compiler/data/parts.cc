#include "compiler/data/parts.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <memory>
#include <thread>

#include "compiler/util/parallel.h"

namespace planc::data {
namespace {

constexpr std::size_t kMaxParts = 8;
constexpr std::uint64_t kProgressRows = 0xFFFF;  // progress every 64K rows

// The size of the regular file at `path`, or 0.
std::uint64_t RegularFileSize(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return 0;
  return static_cast<std::uint64_t>(info.st_size);
}

// The offset just after the first line feed at or after `from`, or 0 when
// there is none.
std::uint64_t NextLineStart(int fd, std::uint64_t from) {
  char block[1 << 16];
  while (true) {
    ssize_t got = ::pread(fd, block, sizeof block, static_cast<off_t>(from));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return 0;
    if (const void* lf = std::memchr(block, '\n', static_cast<std::size_t>(got))) {
      return from + static_cast<std::uint64_t>(static_cast<const char*>(lf) - block) + 1;
    }
    from += static_cast<std::uint64_t>(got);
  }
}

// Where parts 1..n-1 start: line starts near equal shares of the file, or
// empty when the file cannot be split so. (The first part's reader also
// hashes what it reads for the file's digest, but with the processor's
// SHA instructions that costs too little to shift the shares.)
std::vector<std::uint64_t> SplitPoints(const std::string& path, std::uint64_t size,
                                       std::size_t parts) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::vector<std::uint64_t> starts;
  for (std::size_t i = 1; i < parts; ++i) {
    std::uint64_t start = NextLineStart(fd, size / parts * i);
    if (start == 0 || start >= size || (!starts.empty() && start <= starts.back())) {
      starts.clear();
      break;
    }
    starts.push_back(start);
  }
  ::close(fd);
  return starts;
}

// One part after the first, read on its own thread.
struct Part {
  std::uint64_t stop = 0;  // 0: to the end of the file
  Diagnostics diags;       // anything here voids the part
  std::unique_ptr<TableReader> reader;
  bool ended_exactly = false;  // it ended at `stop` between records
  std::atomic<std::uint64_t> bytes{0};
  std::exception_ptr failure;  // thrown on the part's thread, rethrown after the join

  void Read(RowSink& sink, const std::atomic<bool>& abandoned) {
    if (!reader) return;
    if (stop != 0) reader->csv().set_stop(stop);
    Row row;
    bool valid = true;
    std::uint64_t rows = 0;
    while (reader->Next(row, valid)) {
      // A part with anything to report is read again by the first part.
      if (!diags.empty() || abandoned.load(std::memory_order_relaxed)) return;
      sink.Take(row, valid);
      if ((++rows & kProgressRows) == 0) {
        bytes.store(reader->csv().source().raw_bytes(), std::memory_order_relaxed);
      }
    }
    ended_exactly = stop == 0 || reader->csv().stopped_exactly();
    bytes.store(reader->csv().source().raw_bytes(), std::memory_order_relaxed);
    reader->Close();
    if (ok()) sink.PartDone();
  }
  bool ok() const { return reader && ended_exactly && diags.empty(); }
};

}  // namespace

std::size_t PartsFor(TableReader& table, const PartsOptions& options) {
  if (table.csv().source().encoding() != Encoding::kUtf8) return 1;
  std::uint64_t size = RegularFileSize(table.csv().path());
  std::size_t parts = options.parts == 0 ? Cores() : std::min(options.parts, kMaxParts);
  std::uint64_t min_bytes = std::max<std::uint64_t>(options.min_part_bytes, 1);
  std::uint64_t fit = std::max<std::uint64_t>(size / min_bytes, 1);
  return static_cast<std::size_t>(std::min<std::uint64_t>(parts, fit));
}

std::size_t ReadInParts(TableReader& table, const std::vector<RowSink*>& sinks,
                        const PartsOptions& options) {
  CsvReader& csv = table.csv();
  std::vector<std::uint64_t> starts;
  if (sinks.size() > 1) {
    starts = SplitPoints(csv.path(), RegularFileSize(csv.path()), sinks.size());
  }
  std::vector<std::unique_ptr<Part>> parts;
  std::vector<std::thread> threads;
  std::atomic<bool> abandoned{false};
  for (std::size_t i = 0; i < starts.size(); ++i) {
    auto part = std::make_unique<Part>();
    part->reader = table.OpenPart(starts[i], part->diags);
    part->stop = i + 1 < starts.size() ? starts[i + 1] : 0;
    parts.push_back(std::move(part));
  }
  for (std::size_t i = 0; i < parts.size(); ++i) {
    threads.emplace_back([&abandoned, part = parts[i].get(), sink = sinks[i + 1]] {
      try {
        part->Read(*sink, abandoned);
      } catch (...) {
        part->failure = std::current_exception();
      }
    });
  }
  auto progress = [&](std::uint64_t own) {
    if (!options.progress) return;
    for (const auto& part : parts) own += part->bytes.load(std::memory_order_relaxed);
    options.progress(own);
  };
  // The first part, on this thread, from the true start of the file.
  if (!starts.empty()) csv.set_stop(starts.front());
  Row row;
  bool valid = true;
  std::uint64_t rows = 0;
  auto read_on = [&] {
    while (table.Next(row, valid)) {
      sinks.front()->Take(row, valid);
      if ((++rows & kProgressRows) == 0) progress(csv.source().raw_bytes());
    }
  };
  bool split = false;
  try {
    read_on();
    split = !starts.empty() && csv.stopped_exactly();
    if (split) {
      sinks.front()->PartDone();
    } else {
      abandoned = true;
    }
  } catch (...) {
    abandoned = true;
    for (std::thread& thread : threads) thread.join();
    throw;
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& part : parts) {
    if (part->failure) std::rethrow_exception(part->failure);
    split = split && part->ok();
  }
  if (!split) {
    csv.clear_stop();
    read_on();
    parts.clear();
  }
  progress(csv.source().raw_bytes());
  return split ? sinks.size() : 1;
}

}  // namespace planc::data
