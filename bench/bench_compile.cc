// `planc compile` as plans grow. A plan of N tasks is generated as the plans
// of N/100 cities (`planc-gen plan --cities`, seed 2024) over a registry of
// 20,000 rows per city (`planc-gen registry --cities`, seed 2024), so that
// each unit is in about as many tasks whatever N is — a larger plan covers
// more enterprises, as a province's does, rather than checking one city's
// hundreds of times over. PLANC_BENCH_TASKS_PER_CITY (default 100; 0: one
// city however many tasks) and PLANC_BENCH_ROWS_PER_CITY (default 20000)
// change that. The registry, plan and stats file (`planc stats`) are set up
// once and not timed; a registry, or stats for an unchanged plan, already
// in WORK_DIR are reused.
// Then `planc compile PLAN --stats STATS -o DIR -q` runs for several rounds
// (PLANC_BENCH_ROUNDS, default 5), each as a child process whose wall time
// and peak memory (wait4) are taken, and the fastest and the median round
// are reported with what compile produced (groups, edges, notes) and how time
// grows with tasks. The machines are shared: a run is killed after
// PLANC_BENCH_TIMEOUT seconds (default 600) and is limited to
// PLANC_BENCH_MEMORY_MIB of address space (default 12288); either is
// reported, and the rounds left for that plan are skipped. Prints; never
// fails on timing (a benchmark, not a test).
//   planc-bench-compile BUILD_DIR WORK_DIR [TASKS...]   (default 100 1000 10000)
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bench/child.h"

namespace {

using planc::bench::Measure;
using planc::bench::Run;

constexpr const char* kSeed = "2024";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::size_t CountOf(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// From a planc/stats@1 file: atoms, and the mean number of tasks a unit in
// any task's targets is in (each atom line lists its tasks and its count).
struct StatsShape {
  long atoms = 0;
  double tasks_per_unit = 0;
};

StatsShape ShapeOf(const std::string& path) {
  StatsShape shape;
  std::ifstream in(path);
  double units = 0, memberships = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  - {tasks: [", 0) != 0) continue;
    std::size_t close = line.find(']');
    std::size_t count_at = line.rfind("count: ");
    if (close == std::string::npos || count_at == std::string::npos) continue;
    double tasks = 1 + std::count(line.begin(), line.begin() + close, ',');
    double count = std::atof(line.c_str() + count_at + 7);
    ++shape.atoms;
    units += count;
    memberships += count * tasks;
  }
  shape.tasks_per_unit = units > 0 ? memberships / units : 0;
  return shape;
}

// What one compile wrote, counted in its outputs and its diagnostics.
struct Produced {
  std::optional<long> groups;  // schedule.json totals
  std::size_t edges = 0;       // overlap.dot
  double output_mb = 0;
  std::map<std::string, std::size_t> diagnostics;  // code → count, from stderr
};

Produced Inspect(const std::string& dir, const std::string& stderr_path) {
  Produced p;
  std::string schedule = Slurp(dir + "/schedule.json");
  std::size_t at = schedule.find("\"groups\": ");
  if (at != std::string::npos) p.groups = std::atol(schedule.c_str() + at + 10);
  p.edges = CountOf(Slurp(dir + "/overlap.dot"), " -- ");
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    p.output_mb += static_cast<double>(entry.file_size()) / 1e6;
  }
  std::ifstream err(stderr_path);
  for (std::string line; std::getline(err, line);) {
    for (const char* severity : {": error[", ": warning[", ": note["}) {
      std::size_t s = line.find(severity);
      if (s == std::string::npos) continue;
      std::size_t open = line.find('[', s);
      std::size_t close = line.find(']', open);
      if (close != std::string::npos) ++p.diagnostics[line.substr(open + 1, close - open - 1)];
      break;
    }
  }
  return p;
}

long EnvNumber(const char* name, long fallback, long min) {
  const char* env = std::getenv(name);
  return env ? std::max(min, std::atol(env)) : fallback;
}

// The figures of one task count.
struct Result {
  long tasks = 0;
  std::vector<Measure> rounds;     // successful rounds, fastest first
  std::optional<Measure> stopped;  // the round that timed out or failed
};

std::string Seconds(const Result& r, bool median) {
  if (r.rounds.empty()) {
    return r.stopped && r.stopped->timed_out
               ? "> " + std::to_string(static_cast<long>(r.stopped->seconds))
               : "failed";
  }
  char text[32];
  std::snprintf(text, sizeof text, "%.2f",
                (median ? r.rounds[r.rounds.size() / 2] : r.rounds.front()).seconds);
  return text;
}

void PrintGrowth(const Result& small, const Result& large) {
  std::printf("growth %ld → %ld tasks (x%.0f): ", small.tasks, large.tasks,
              static_cast<double>(large.tasks) / small.tasks);
  if (small.rounds.empty()) {
    std::printf("unknown (%ld tasks did not finish)\n", small.tasks);
  } else if (large.rounds.empty()) {
    if (large.stopped && large.stopped->timed_out) {
      std::printf("time > %.0fx (%ld tasks killed after %.0f s)\n",
                  large.stopped->seconds / small.rounds.front().seconds, large.tasks,
                  large.stopped->seconds);
    } else {
      std::printf("unknown (%ld tasks failed)\n", large.tasks);
    }
  } else {
    const Measure& sb = small.rounds.front();
    const Measure& lb = large.rounds.front();
    const Measure& sm = small.rounds[small.rounds.size() / 2];
    const Measure& lm = large.rounds[large.rounds.size() / 2];
    std::printf("time best %.1fx, median %.1fx; peak memory %.1fx\n", lb.seconds / sb.seconds,
                lm.seconds / sm.seconds, static_cast<double>(lb.peak_kib) / sb.peak_kib);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: planc-bench-compile BUILD_DIR WORK_DIR [TASKS...]\n");
    return 2;
  }
  std::string build = argv[1], work = argv[2];
  std::vector<long> sizes;
  for (int i = 3; i < argc; ++i) sizes.push_back(std::stol(argv[i]));
  if (sizes.empty()) sizes = {100, 1000, 10000};
  int rounds = static_cast<int>(EnvNumber("PLANC_BENCH_ROUNDS", 5, 1));
  auto timeout = static_cast<unsigned>(EnvNumber("PLANC_BENCH_TIMEOUT", 600, 1));
  long memory_mib = EnvNumber("PLANC_BENCH_MEMORY_MIB", 12288, 0);
  long tasks_per_city = EnvNumber("PLANC_BENCH_TASKS_PER_CITY", 100, 0);
  long rows_per_city = EnvNumber("PLANC_BENCH_ROWS_PER_CITY", 20000, 1);
  std::filesystem::create_directories(work);

  std::string cities_of = tasks_per_city > 0 ? "N/" + std::to_string(tasks_per_city) : "1";
  std::printf("plans: planc-gen plan --seed %s --cities %s; registries: planc-gen registry "
              "--seed %s, %ld rows per city\n",
              kSeed, cities_of.c_str(), kSeed, rows_per_city);
  std::printf("%d rounds per plan; a run is killed after %u s; address space limit %ld MiB\n\n",
              rounds, timeout, memory_mib);

  std::vector<Result> results;
  for (long tasks : sizes) {
    std::string n = std::to_string(tasks);
    std::string plan = work + "/plan-" + n + ".plan";
    std::string stats = work + "/stats-" + n + ".yaml";
    std::string out = work + "/out-" + n;
    std::string err = work + "/compile-" + n + ".stderr";
    long cities = tasks_per_city > 0 ? std::max(1L, tasks / tasks_per_city) : 1;
    long rows = rows_per_city * cities;
    std::string c = std::to_string(cities);
    std::string registry = work + "/registry-" + std::to_string(rows) + "-c" + c + ".csv";
    if (!std::filesystem::exists(registry)) {
      Measure reg = Run({build + "/planc-gen", "registry", "--rows", std::to_string(rows), "--seed",
                         kSeed, "--cities", c, "-o", registry + ".tmp"});
      std::error_code ec;
      if (reg.status == 0) std::filesystem::rename(registry + ".tmp", registry, ec);
      if (reg.status != 0 || ec) {
        std::fprintf(stderr, "planc-gen registry failed for %ld cities\n", cities);
        return 1;
      }
    }
    std::string plan_new = plan + ".new";
    Measure gen = Run({build + "/planc-gen", "plan", "--tasks", n, "--seed", kSeed, "--cities", c,
                       "-o", plan_new});
    // Stats already made for these bytes of the plan and this registry are kept.
    std::string stats_of = stats + ".for";
    std::string setup = registry + "\n" + Slurp(plan_new);
    bool reuse = gen.status == 0 && std::filesystem::exists(stats) && Slurp(stats_of) == setup;
    std::filesystem::rename(plan_new, plan);
    Measure st;
    st.status = 0;
    if (!reuse && gen.status == 0) {
      st = Run({build + "/planc", "stats", "--registry", registry, "--plan", plan, "-o", stats, "-q"},
               "", work + "/stats-" + n + ".stderr");
      if (st.status == 0) std::ofstream(stats_of, std::ios::binary) << setup;
    }
    if (gen.status != 0 || st.status != 0) {
      std::fprintf(stderr, "setup failed for %ld tasks (planc-gen %d, planc stats %d)\n", tasks,
                   gen.status, st.status);
      return 1;
    }
    StatsShape shape = ShapeOf(stats);
    char stats_time[64] = "kept from an earlier run";
    if (!reuse) std::snprintf(stats_time, sizeof stats_time, "%.2f s", st.seconds);
    std::printf(
        "%ld tasks, %ld cit%s, registry of %ld rows: plan %.1f MB, stats %.1f MB (%ld atoms), a "
        "unit in targets is in %.1f tasks on average; setup (not timed): planc-gen %.2f s, "
        "planc stats %s\n",
        tasks, cities, cities == 1 ? "y" : "ies", rows, std::filesystem::file_size(plan) / 1e6,
        std::filesystem::file_size(stats) / 1e6, shape.atoms, shape.tasks_per_unit, gen.seconds,
        stats_time);
    std::fflush(stdout);

    Result result;
    result.tasks = tasks;
    for (int round = 0; round < rounds; ++round) {
      Measure m = Run({build + "/planc", "compile", plan, "--stats", stats, "-o", out, "-q"}, "",
                      err, timeout, memory_mib);
      std::printf("  round %d: %.2f s, %.1f MiB%s\n", round + 1, m.seconds, m.peak_kib / 1024.0,
                  m.timed_out     ? " (killed: time limit)"
                  : m.status != 0 ? " (failed; see the stderr file)"
                                  : "");
      std::fflush(stdout);
      if (m.timed_out || m.status != 0) {
        result.stopped = m;
        break;
      }
      result.rounds.push_back(m);
    }
    std::sort(result.rounds.begin(), result.rounds.end(),
              [](const Measure& a, const Measure& b) { return a.seconds < b.seconds; });
    if (result.stopped && !result.stopped->timed_out) {
      std::string text = Slurp(err);
      std::size_t from = text.size() > 400 ? text.size() - 400 : 0;
      std::printf("  exit %d, signal %d; end of %s:\n%s\n", result.stopped->status,
                  result.stopped->signal, err.c_str(), text.substr(from).c_str());
    }
    results.push_back(std::move(result));
  }

  std::printf("\n`planc compile PLAN --stats STATS -o DIR -q`: best and median of the rounds\n");
  std::printf("%-7s %10s %10s %10s %8s %10s %10s  %s\n", "tasks", "best s", "median s", "peak MiB",
              "groups", "edges", "output MB", "diagnostics");
  for (const Result& r : results) {
    long peak = 0;
    for (const Measure& m : r.rounds) peak = std::max(peak, m.peak_kib);
    if (r.stopped) peak = std::max(peak, r.stopped->peak_kib);
    std::string n = std::to_string(r.tasks);
    std::string groups = "-", edges = "-", mb = "-", diagnostics;
    if (!r.rounds.empty() && !r.stopped) {
      Produced p = Inspect(work + "/out-" + n, work + "/compile-" + n + ".stderr");
      groups = p.groups ? std::to_string(*p.groups) : "?";
      edges = std::to_string(p.edges);
      char text[32];
      std::snprintf(text, sizeof text, "%.1f", p.output_mb);
      mb = text;
      for (const auto& [code, count] : p.diagnostics) {
        diagnostics += (diagnostics.empty() ? "" : ", ") + code + " " + std::to_string(count);
      }
    }
    std::printf("%-7ld %10s %10s %10.1f %8s %10s %10s  %s\n", r.tasks, Seconds(r, false).c_str(),
                Seconds(r, true).c_str(), peak / 1024.0, groups.c_str(), edges.c_str(), mb.c_str(),
                diagnostics.empty() ? "-" : diagnostics.c_str());
  }
  for (std::size_t i = 1; i < results.size(); ++i) PrintGrowth(results[i - 1], results[i]);
  return 0;
}
