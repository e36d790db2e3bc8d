#ifndef PLANC_DATA_PARTS_H_
#define PLANC_DATA_PARTS_H_

#include <cstdint>
#include <functional>
#include <vector>

#include "compiler/data/table.h"

// Reading a large data file on every core: the file is split at line starts
// into parts, one thread each, and the parts' results are merged in file
// order. The result is exactly that of one reading from start to end:
//  - A split point is only a guess at a record's start (a quoted field may
//    hold a line break). It counts only when the part before it, read from
//    the true start of the file, ends exactly there; otherwise that part
//    reads on to the end of the file itself.
//  - A part after the first keeps nothing it reports (its line numbers are
//    not the file's): when it has anything to report, the first part reads
//    on over it and reports it at the right line, with the file's caps on
//    repeated reports. A valid file, the usual case, is read in parallel;
//    a file with problems is read as fast as by one thread.
// Only UTF-8 files are split (GB18030 is decoded in one stream).
namespace planc::data {

// What one thread does with the rows of its part of a file.
class RowSink {
 public:
  virtual ~RowSink() = default;
  // A row that is valid, or (valid false) one whose problems the reader
  // reported. Row::line is the file's line only in the first sink.
  virtual void Take(const Row& row, bool valid) = 0;
  // Called on the part's thread when its part has been read, for work that
  // can be done there (it may still take rows after, should the first part
  // have to read on over the others).
  virtual void PartDone() {}
};

struct PartsOptions {
  std::size_t parts = 0;  // 0: one per core (Cores()); at most 8
  std::uint64_t min_part_bytes = std::uint64_t{8} << 20;  // no part smaller
  // Called on the calling thread now and then with the bytes read so far.
  std::function<void(std::uint64_t)> progress;
};

// How many parts ReadInParts splits the rest of `table` into: 1 when the
// file is small, not UTF-8, or not a regular file.
std::size_t PartsFor(TableReader& table, const PartsOptions& options);

// Reads every remaining row of `table` (its header read), part i into
// sinks[i] (sinks.size() parts, from PartsFor). Returns how many sinks hold
// the rows in file order: sinks.size(), to be merged in order by the
// caller, or 1 when the first sink took every row and the others are to be
// thrown away. The caller closes `table` as after any reading.
std::size_t ReadInParts(TableReader& table, const std::vector<RowSink*>& sinks,
                        const PartsOptions& options);

}  // namespace planc::data

#endif  // PLANC_DATA_PARTS_H_
