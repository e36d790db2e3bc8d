// `planc stats` against its floor, on generated 1M- and 10M-row registries:
// wall time, rows/s, MB/s and peak memory of both, and their ratios, from
// one run. Prints; never fails on timing (a benchmark, not a test).
//   planc-bench-stats BUILD_DIR WORK_DIR [ROWS...]   (default 1000000 10000000)
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Measure {
  double seconds = 0;
  long peak_kib = 0;
  int status = -1;
};

// Runs a program to its end, with its output thrown away.
Measure Run(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  Measure m;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) return m;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  m.peak_kib = usage.ru_maxrss;
  m.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  posix_spawn_file_actions_destroy(&actions);
  return m;
}

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
  std::filesystem::create_directories(work);
  std::string plan = std::string(PLANC_SOURCE_DIR) + "/examples/shishi-2024/plan.plan";
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
    Measure floor = Run({build + "/planc-floor", csv});
    Measure stats = Run({build + "/planc", "stats", "--registry", csv, "--plan", plan, "-o",
                         work + "/stats-" + std::to_string(rows) + ".yaml", "-q"});
    if (floor.status != 0 || stats.status != 0) {
      std::fprintf(stderr, "a run failed (floor %d, stats %d)\n", floor.status, stats.status);
      return 1;
    }
    for (const auto& [what, m] : {std::pair<const char*, Measure>{"floor", floor}, {"stats", stats}}) {
      std::printf("%-10ld %-7s %9.2f %12.0f %9.1f %10.1f\n", rows, what, m.seconds,
                  rows / m.seconds, mb / m.seconds, m.peak_kib / 1024.0);
    }
    std::printf("%-10ld ratio   time %.2fx the floor (target <= 1.5x), peak memory %.1f MiB\n",
                rows, stats.seconds / floor.seconds, stats.peak_kib / 1024.0);
  }
  return 0;
}
