#ifndef PLANC_BENCH_CHILD_H_
#define PLANC_BENCH_CHILD_H_

#include <string>
#include <vector>

// Running a program under measurement, for the benchmarks: wall time, peak
// resident memory (wait4), exit status, and an optional time and
// address-space limit.
namespace planc::bench {

struct Measure {
  double seconds = 0;
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
