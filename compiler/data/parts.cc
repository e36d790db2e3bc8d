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

constexpr std::size_t kMaxThreads = 8;
constexpr std::size_t kMaxParts = 256;
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

// Where parts 1..n-1 start: line starts near equal shares of the file (a
// share that holds no line start is joined to the one before), or empty
// when the file cannot be split so.
std::vector<std::uint64_t> SplitPoints(const std::string& path, std::uint64_t size,
                                       std::size_t parts) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::vector<std::uint64_t> starts;
  for (std::size_t i = 1; i < parts; ++i) {
    std::uint64_t start = NextLineStart(fd, size / parts * i);
    if (start == 0 || start >= size) break;
    if (starts.empty() || start > starts.back()) starts.push_back(start);
  }
  ::close(fd);
  return starts;
}

// Where a part after the first is in the file.
struct Part {
  std::uint64_t start = 0;
  std::uint64_t stop = 0;  // 0: to the end of the file
};

// A thread that reads parts after the first, with one reader that moves
// from part to part (so its buffer is made once), into one sink.
struct Worker {
  Diagnostics diags;  // anything here voids the parts read
  std::unique_ptr<TableReader> reader;
  std::atomic<std::uint64_t> bytes{0};
  std::exception_ptr failure;  // thrown on the worker's thread, rethrown after the join

  // Reads `part` into `sink`; false when it has anything to report or did
  // not end exactly at its stop, or when the reading was abandoned meanwhile.
  bool Read(const Part& part, RowSink& sink, const std::atomic<bool>& abandoned) {
    if (!reader || !reader->MoveTo(part.start)) return false;
    if (part.stop != 0) reader->csv().set_stop(part.stop);
    Row row;
    bool valid = true;
    std::uint64_t rows = 0;
    while (reader->Next(row, valid)) {
      // A part with anything to report is read again by the first part.
      if (!diags.empty() || abandoned.load(std::memory_order_relaxed)) return false;
      sink.Take(row, valid);
      if ((++rows & kProgressRows) == 0) {
        bytes.store(reader->csv().source().raw_bytes(), std::memory_order_relaxed);
      }
    }
    bool exact = part.stop == 0 || reader->csv().stopped_exactly();
    bytes.store(reader->csv().source().raw_bytes(), std::memory_order_relaxed);
    reader->Close();  // reports a read that stopped early
    return exact && diags.empty();
  }
};

}  // namespace

std::size_t SinksFor(TableReader& table, const PartsOptions& options) {
  if (table.csv().source().encoding() != Encoding::kUtf8) return 1;
  std::uint64_t size = RegularFileSize(table.csv().path());
  std::size_t threads = options.threads == 0 ? Cores() : std::min(options.threads, kMaxThreads);
  if (threads < 2 || size < 2 * std::max<std::uint64_t>(options.min_split_bytes, 1)) return 1;
  return threads + 1;
}

std::size_t ReadInParts(TableReader& table, const std::vector<RowSink*>& sinks,
                        const PartsOptions& options) {
  CsvReader& csv = table.csv();
  std::vector<std::uint64_t> starts;
  if (sinks.size() > 1) {
    std::uint64_t size = RegularFileSize(csv.path());
    std::uint64_t count = size / std::max<std::uint64_t>(options.part_bytes, 1);
    count = std::clamp<std::uint64_t>(count, sinks.size() - 1, kMaxParts);
    starts = SplitPoints(csv.path(), size, static_cast<std::size_t>(count));
  }
  std::vector<Part> parts;  // parts[i] is part i + 1
  for (std::size_t i = 0; i < starts.size(); ++i) {
    parts.push_back({starts[i], i + 1 < starts.size() ? starts[i + 1] : 0});
  }
  std::vector<std::unique_ptr<Worker>> workers;  // workers[i] fills sinks[i + 1]
  for (std::size_t s = 1; s < sinks.size() && !parts.empty(); ++s) {
    workers.push_back(std::make_unique<Worker>());
    workers.back()->reader = table.OpenPart(parts.front().start, workers.back()->diags);
  }
  // After the first part, each thread takes the next part no one has taken.
  std::atomic<std::size_t> next{0};
  std::atomic<bool> abandoned{false};
  auto work = [&](Worker& worker, RowSink& sink) {
    try {
      while (!abandoned.load(std::memory_order_relaxed)) {
        std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
        if (i >= parts.size()) {
          worker.reader.reset();  // its buffer is not kept while others read on
          sink.PartsDone();
          return;
        }
        sink.BeginPart(i + 1);
        if (!worker.Read(parts[i], sink, abandoned)) abandoned = true;
      }
    } catch (...) {
      worker.failure = std::current_exception();
      abandoned = true;
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t w = 1; w < workers.size(); ++w) {
    threads.emplace_back(work, std::ref(*workers[w]), std::ref(*sinks[w + 1]));
  }
  auto progress = [&](std::uint64_t own) {
    if (!options.progress) return;
    for (const auto& worker : workers) own += worker->bytes.load(std::memory_order_relaxed);
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
    sinks.front()->BeginPart(0);
    read_on();
    split = !starts.empty() && csv.stopped_exactly();
    if (split) {
      sinks.front()->PartsDone();
      work(*workers.front(), *sinks[1]);  // then parts like every other thread
    } else {
      abandoned = true;
    }
  } catch (...) {
    abandoned = true;
    for (std::thread& thread : threads) thread.join();
    throw;
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& worker : workers) {
    if (worker->failure) std::rethrow_exception(worker->failure);
  }
  if (!split || abandoned) {
    csv.clear_stop();
    read_on();
  }
  progress(csv.source().raw_bytes());
  return split && !abandoned ? sinks.size() : 1;
}

}  // namespace planc::data
