// `planc stats` against its floor, on generated 1M- and 10M-row registries:
// wall time, rows/s, MB/s and peak memory of both, and their ratios, from
// one run. The machines are shared and a single wall time can be 50% off, so
// floor and stats run alternately for several rounds (PLANC_BENCH_ROUNDS,
// default 5) and the fastest and the median round of each are reported.
// Prints; never fails on timing (a benchmark, not a test).
//   planc-bench-stats BUILD_DIR WORK_DIR [ROWS...]   (default 1000000 10000000)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "bench/child.h"

namespace {

using planc::bench::Measure;

// Runs a program to its end, its output thrown away and its errors shown.
Measure Run(const std::vector<std::string>& args) { return planc::bench::Run(args, "", "-"); }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: planc-bench-stats BUILD_DIR WORK_DIR [ROWS...]\n");
    return 2;
  }
  std::string build = argv[1], work = argv[2];
  std::vector<long> sizes;
  for (int i = 3; i < argc; ++i) sizes.push_back(std::stol(argv[i]));
  if (sizes.empty()) sizes = {1000000, 10000000};
  int rounds = 5;
  if (const char* env = std::getenv("PLANC_BENCH_ROUNDS")) rounds = std::max(1, std::atoi(env));
  std::filesystem::create_directories(work);
  std::string plan = std::string(PLANC_SOURCE_DIR) + "/examples/shishi-2024/plan.plan";
  std::printf("%d rounds; `floor`/`stats`: the fastest round, `floor~`/`stats~`: the median\n",
              rounds);
  std::printf("%-10s %-7s %9s %12s %9s %10s\n", "rows", "what", "seconds", "rows/s", "MB/s",
              "peak MiB");
  for (long rows : sizes) {
    std::string csv = work + "/registry-" + std::to_string(rows) + ".csv";
    if (!std::filesystem::exists(csv)) {
      Measure gen = Run({build + "/planc-gen", "registry", "--rows", std::to_string(rows), "--seed",
                         "2024", "-o", csv});
      if (gen.status != 0) {
        std::fprintf(stderr, "planc-gen failed\n");
        return 1;
      }
    }
    double mb = static_cast<double>(std::filesystem::file_size(csv)) / 1e6;
    // Warm the page cache so both read from memory.
    Run({build + "/planc-floor", csv});
    std::vector<Measure> floors, stats;
    for (int round = 0; round < rounds; ++round) {
      floors.push_back(Run({build + "/planc-floor", csv}));
      stats.push_back(Run({build + "/planc", "stats", "--registry", csv, "--plan", plan, "-o",
                           work + "/stats-" + std::to_string(rows) + ".yaml", "-q"}));
      if (floors.back().status != 0 || stats.back().status != 0) {
        std::fprintf(stderr, "a run failed (floor %d, stats %d)\n", floors.back().status,
                     stats.back().status);
        return 1;
      }
    }
    auto by_time = [](const Measure& a, const Measure& b) { return a.seconds < b.seconds; };
    std::sort(floors.begin(), floors.end(), by_time);
    std::sort(stats.begin(), stats.end(), by_time);
    const Measure& floor_best = floors.front();
    const Measure& stats_best = stats.front();
    const Measure& floor_median = floors[floors.size() / 2];
    const Measure& stats_median = stats[stats.size() / 2];
    long stats_peak = 0;
    for (const Measure& m : stats) stats_peak = std::max(stats_peak, m.peak_kib);
    for (const auto& [what, m] :
         {std::pair<const char*, Measure>{"floor", floor_best}, {"stats", stats_best},
          {"floor~", floor_median}, {"stats~", stats_median}}) {
      std::printf("%-10ld %-7s %9.2f %12.0f %9.1f %10.1f\n", rows, what, m.seconds,
                  rows / m.seconds, mb / m.seconds, m.peak_kib / 1024.0);
    }
    std::printf("%-10ld ratio   best %.2fx, median %.2fx the floor (target <= 1.5x); "
                "stats peak memory %.1f MiB\n",
                rows, stats_best.seconds / floor_best.seconds,
                stats_median.seconds / floor_median.seconds, stats_peak / 1024.0);
    std::fflush(stdout);
  }
  return 0;
}
