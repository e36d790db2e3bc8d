#ifndef PLANC_DATA_PARTS_H_
#define PLANC_DATA_PARTS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/data/table.h"

// Reading a large data file on every core: the file is split at line starts
// into parts of a few MiB, and each thread takes the next part not yet
// taken until none is left, so a thread slowed down (by the machine, or by
// harder rows) leaves more of the file to the others. The result is exactly
// that of one reading from start to end:
//  - A split point is only a guess at a record's start (a quoted field may
//    hold a line break). It counts only when the part before it ends
//    exactly there; otherwise the first part reads on to the end of the
//    file itself.
//  - A part after the first keeps nothing it reports (its line numbers are
//    not the file's): when it has anything to report, the first part reads
//    on over it and reports it at the right line, with the file's caps on
//    repeated reports. A valid file, the usual case, is read in parallel;
//    a file with problems is read as fast as by one thread.
// Only UTF-8 files are split (GB18030 is decoded in one stream).
namespace planc::data {

// What one thread does with the rows it reads.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // The rows that follow, until the next call, are those of part `index`
  // (0 is the first part of the file, read from its true start).
  virtual void BeginPart(std::size_t /*index*/) {}
  // A row that is valid, or (valid false) one whose problems the reader
  // reported. Row::line is the file's line only in the first sink.
  virtual void Take(const Row& row, bool valid) = 0;
  // Called on the sink's thread when it has taken its last part, for work
  // that can be done there (the first sink may still take rows after, should
  // it have to read on over the others).
  virtual void PartsDone() {}
};

struct PartsOptions {
  std::size_t threads = 0;  // 0: one per core (Cores()); at most 8
  // A file smaller than two of these is read by one thread.
  std::uint64_t min_split_bytes = std::uint64_t{8} << 20;
  // About the size of each part the threads take in turn.
  std::uint64_t part_bytes = std::uint64_t{4} << 20;
  // Called on the calling thread now and then with the bytes read so far.
  std::function<void(std::uint64_t)> progress;
};

// How many sinks ReadInParts fills from the rest of `table`: 1 when the file
// is small, not UTF-8, or not a regular file; otherwise one for the first
// part and one per thread.
std::size_t SinksFor(TableReader& table, const PartsOptions& options);

// Reads every remaining row of `table` (its header read) into `sinks`
// (sinks.size() from SinksFor): the first part into sinks[0], the other
// parts into sinks[1..] by the thread that took them, so that each of those
// sinks holds some parts, in no set order (BeginPart says which). Returns
// how many sinks hold rows: sinks.size(), to be merged by the caller in a
// way that does not depend on which sink holds which part, or 1 when
// sinks[0] took every row in file order and the others are to be thrown
// away. The caller closes `table` as after any reading.
std::size_t ReadInParts(TableReader& table, const std::vector<RowSink*>& sinks,
                        const PartsOptions& options);

}  // namespace planc::data

#endif  // PLANC_DATA_PARTS_H_
