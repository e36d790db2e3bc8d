#ifndef PLANC_BENCH_CHILD_H_
#define PLANC_BENCH_CHILD_H_

#include <string>
#include <vector>

// Running a program under measurement, for the benchmarks: wall time, peak
// resident memory (wait4), exit status, and an optional time and
// address-space limit. The peak memory of a child includes the pages it
// shared with the benchmark between fork and exec (Linux keeps the larger
// high-water mark at exec), so a benchmark should itself stay small.
namespace planc::bench {

struct Measure {
  double seconds = 0;
  double cpu_seconds = 0;  // user + system, of the child and its threads
  long peak_kib = 0;
  int status = -1;  // exit status; -1 when killed by a signal
  int signal = 0;
  bool timed_out = false;
};

// Runs `args` (args[0] a path) to its end, or kills it after `timeout`
// seconds (0: no limit), under a limit of `memory_mib` of address space
// (0: none). Its standard output and error go to the files named: empty is
// /dev/null, "-" leaves the benchmark's own.
Measure Run(const std::vector<std::string>& args, const std::string& out = "",
            const std::string& err = "", unsigned timeout = 0, long memory_mib = 0);

}  // namespace planc::bench

#endif  // PLANC_BENCH_CHILD_H_
