// `planc draw` against DuckDB running the same selection in SQL, and against
// the draw's floor (planc-draw-floor: read the registry, hash each candidate
// once per group), on generated 1M- and 10M-row registries: wall time and
// peak memory of all three and the ratios planc/floor and planc/DuckDB, from
// one run. The plan is bench/draw/plan.plan; the SQL is
// bench/duckdb/draw.mjs (`npm ci` is run there when node_modules is
// missing). Registry, inspectors and conflicts are generated once per size
// (planc-gen, seed 2024) into WORK_DIR and reused; the plan is compiled with
// --registry before the timed runs. Then floor, planc and DuckDB run in turn
// for several rounds (PLANC_BENCH_ROUNDS, default 5), each as a child process
// (wall time, CPU time and peak memory from wait4; a run is killed after
// PLANC_BENCH_TIMEOUT seconds, default 1800), and the fastest and the median
// round of each are reported. After every round planc's draws.csv (without
// its name column) must equal DuckDB's rows, in order: a difference is
// printed with the first differing row and the benchmark exits 1. It never
// fails on timing (a benchmark, not a test).
//   planc-bench-draw [--rows N]... [--work DIR] [--build DIR]
//     (default: 1000000 and 10000000 rows, /tmp/planc-bench-draw, the build
//     directory it was built in)
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "bench/child.h"

namespace {

namespace fs = std::filesystem;
using planc::bench::Measure;

constexpr const char* kGenSeed = "2024";
constexpr const char* kDrawSeed =
    "8f3c2a61d9e04b7a5c1e6f28b3d9a0c4e7f1b2d3c4a5968778695a4b3c2d1e0f";
// The groups of bench/draw/plan.plan and the kind each one's targets cover:
// the floor hashes exactly those candidates.
const std::vector<std::string> kFloorGroups = {"T01=enterprise", "T04=individual"};

unsigned timeout_seconds = 1800;

// Runs a program to its end, its output thrown away (or to `out`) and its
// errors shown.
Measure Run(const std::vector<std::string>& args, const std::string& out = "") {
  return planc::bench::Run(args, out, "-", timeout_seconds);
}

bool Ok(const Measure& m, const std::string& what) {
  if (m.status == 0) return true;
  if (m.timed_out) {
    std::fprintf(stderr, "%s: killed after %u s\n", what.c_str(), timeout_seconds);
  } else if (m.signal) {
    std::fprintf(stderr, "%s: killed by signal %d\n", what.c_str(), m.signal);
  } else {
    std::fprintf(stderr, "%s: exit status %d\n", what.c_str(), m.status);
  }
  return false;
}

// A program on PATH, as an absolute path for execv ("" if none).
std::string OnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  std::size_t at = 0;
  while (at <= dirs.size()) {
    std::size_t colon = dirs.find(':', at);
    if (colon == std::string::npos) colon = dirs.size();
    std::string candidate = dirs.substr(at, colon - at) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    at = colon + 1;
  }
  return "";
}

// Reads an RFC 4180 file one record at a time, so that the benchmark itself
// stays small: a child's peak memory (wait4) counts the pages it shares with
// the benchmark between fork and exec.
class CsvReader {
 public:
  explicit CsvReader(const std::string& path) : in_(path, std::ios::binary) {}
  // The next record's fields; false at the end of the file.
  bool Next(std::vector<std::string>& fields) {
    fields.clear();
    std::string line;
    if (!std::getline(in_, line)) return false;
    std::string field;
    bool quoted = false;
    for (;;) {
      for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
          if (c != '"') {
            field += c;
          } else if (i + 1 < line.size() && line[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            quoted = false;
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          fields.push_back(std::move(field));
          field.clear();
        } else if (c != '\r' || i + 1 != line.size()) {
          field += c;
        }
      }
      if (!quoted || !std::getline(in_, line)) break;
      field += '\n';  // a line break inside a quoted field
    }
    fields.push_back(std::move(field));
    return true;
  }

 private:
  std::ifstream in_;
};

std::string Join(const std::vector<std::string>& fields) {
  std::string out;
  for (const std::string& f : fields) out += (out.empty() ? "" : ",") + f;
  return out;
}

// planc's draws.csv without its name column against DuckDB's rows, in
// order. Prints the first difference loudly; returns the number of picks, or
// -1 on a difference.
long Compare(const std::string& planc_csv, const std::string& duckdb_csv) {
  static const std::vector<std::string> kPlancHeader = {"task", "group", "stratum", "uscc",
                                                        "name", "rank",  "prn"};
  static const std::vector<std::string> kHeader = {"task", "group", "stratum",
                                                   "uscc", "rank",  "prn"};
  CsvReader planc(planc_csv), duckdb(duckdb_csv);
  std::vector<std::string> p, d;
  for (long row = 0;; ++row) {
    bool more_p = planc.Next(p), more_d = duckdb.Next(d);
    if (!more_p && !more_d && row > 0) return row - 1;
    if (more_p && p.size() == kPlancHeader.size()) p.erase(p.begin() + 4);  // name
    bool same = more_p == more_d && p == d && (row > 0 || p == kHeader);
    if (same) continue;
    std::printf("\n!!!!!!!! MISMATCH: planc and DuckDB drew differently !!!!!!!!\n"
                "  at data row %ld (record %ld of the files; the header is record 0)\n"
                "  planc  %s (name dropped): %s\n  DuckDB %s: %s\n\n",
                row, row, planc_csv.c_str(), more_p ? Join(p).c_str() : "(no more rows)",
                duckdb_csv.c_str(), more_d ? Join(d).c_str() : "(no more rows)");
    return -1;
  }
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The coordination groups of a drawjobs.json file (its "group" fields).
std::set<std::string> GroupsOf(const std::string& jobs_path) {
  std::string text = Slurp(jobs_path);
  std::set<std::string> groups;
  const std::string key = "\"group\": \"";
  for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    std::size_t start = at + key.size();
    groups.insert(text.substr(start, text.find('"', start) - start));
  }
  return groups;
}

// Writes `args`' output into `path` unless it is there (a half-written file
// is never left under that name).
bool Generate(std::vector<std::string> args, const std::string& path) {
  if (fs::exists(path)) return true;
  std::string partial = path + ".partial";
  args.push_back("-o");
  args.push_back(partial);
  std::printf("generating %s\n", path.c_str());
  std::fflush(stdout);
  if (!Ok(Run(args), "planc-gen")) return false;
  fs::rename(partial, path);
  return true;
}

struct Figures {
  Measure best, median;
  long peak_kib = 0;  // the largest of all rounds
};

Figures Summarise(std::vector<Measure> runs) {
  std::sort(runs.begin(), runs.end(),
            [](const Measure& a, const Measure& b) { return a.seconds < b.seconds; });
  Figures f{runs.front(), runs[runs.size() / 2]};
  for (const Measure& m : runs) f.peak_kib = std::max(f.peak_kib, m.peak_kib);
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  std::string build = PLANC_BINARY_DIR, source = PLANC_SOURCE_DIR;
  std::string work = "/tmp/planc-bench-draw";
  std::vector<long> sizes;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 < argc && arg == "--rows") {
      sizes.push_back(std::stol(argv[++i]));
    } else if (i + 1 < argc && arg == "--work") {
      work = argv[++i];
    } else if (i + 1 < argc && arg == "--build") {
      build = argv[++i];
    } else {
      std::fprintf(stderr, "usage: planc-bench-draw [--rows N]... [--work DIR] [--build DIR]\n");
      return 2;
    }
  }
  if (sizes.empty()) sizes = {1000000, 10000000};
  int rounds = 5;
  if (const char* env = std::getenv("PLANC_BENCH_ROUNDS")) rounds = std::max(1, std::atoi(env));
  if (const char* env = std::getenv("PLANC_BENCH_TIMEOUT")) timeout_seconds = std::atoi(env);
  work = fs::absolute(work).string();
  fs::create_directories(work);

  std::string node = OnPath("node"), npm = OnPath("npm");
  if (node.empty()) {
    std::fprintf(stderr, "planc-bench-draw: node is not on PATH (DuckDB runs in Node)\n");
    return 2;
  }
  std::string duckdb_dir = source + "/bench/duckdb";
  if (!fs::exists(duckdb_dir + "/node_modules")) {
    std::printf("npm ci in %s\n", duckdb_dir.c_str());
    std::fflush(stdout);
    if (npm.empty() || !Ok(Run({npm, "ci", "--prefix", duckdb_dir, "--no-audit", "--no-fund"}),
                           "npm ci")) {
      return 1;
    }
  }
  std::string plan = source + "/bench/draw/plan.plan";
  std::string floor_bin = build + "/planc-draw-floor", planc = build + "/planc";

  std::printf("%d rounds; `best`: the fastest round, `median`: the median; seed %s\n", rounds,
              kDrawSeed);
  std::fflush(stdout);
  for (long rows : sizes) {
    std::string dir = work + "/rows-" + std::to_string(rows);
    fs::create_directories(dir);
    std::string registry = dir + "/registry.csv", inspectors = dir + "/inspectors.csv",
                conflicts = dir + "/conflicts.csv", jobs = dir + "/jobs";
    std::string gen = build + "/planc-gen", n = std::to_string(rows);
    if (!Generate({gen, "registry", "--rows", n, "--seed", kGenSeed}, registry) ||
        !Generate({gen, "inspectors", "--seed", kGenSeed}, inspectors) ||
        !Generate({gen, "conflicts", "--seed", kGenSeed, "--rows", n}, conflicts)) {
      return 1;
    }
    fs::remove_all(jobs);
    if (!Ok(Run({planc, "compile", plan, "--registry", registry, "-o", jobs, "-q"}), "compile")) {
      return 1;
    }
    std::string jobs_json = jobs + "/drawjobs.json";
    std::set<std::string> groups = GroupsOf(jobs_json), expected;
    for (const std::string& g : kFloorGroups) expected.insert(g.substr(0, g.find('=')));
    if (groups != expected) {
      std::fprintf(stderr, "the plan's groups are not T01 and T04: change kFloorGroups\n");
      return 1;
    }

    std::vector<std::string> floor_args = {floor_bin, registry, kDrawSeed};
    floor_args.insert(floor_args.end(), kFloorGroups.begin(), kFloorGroups.end());
    std::string planc_out = dir + "/planc", duckdb_out = dir + "/duckdb.csv";
    std::vector<std::string> planc_args = {planc, "draw", jobs_json, "--registry", registry,
                                           "--inspectors", inspectors, "--conflicts", conflicts,
                                           "--seed", kDrawSeed, "-o", planc_out};
    std::vector<std::string> duckdb_args = {node, duckdb_dir + "/draw.mjs", "--jobs", jobs_json,
                                            "--registry", registry, "--seed", kDrawSeed,
                                            "-o", duckdb_out};
    Run(floor_args);  // warm the page cache so all three read from memory
    std::vector<Measure> floors, plancs, duckdbs;
    long picks = 0;
    for (int round = 0; round < rounds; ++round) {
      fs::remove_all(planc_out);
      fs::remove(duckdb_out);
      floors.push_back(Run(floor_args));
      if (!Ok(floors.back(), "planc-draw-floor")) return 1;
      plancs.push_back(Run(planc_args));
      if (!Ok(plancs.back(), "planc draw")) return 1;
      duckdbs.push_back(Run(duckdb_args));
      if (!Ok(duckdbs.back(), "DuckDB (draw.mjs)")) return 1;
      picks = Compare(planc_out + "/draws.csv", duckdb_out);
      if (picks < 0) return 1;
    }

    Figures f = Summarise(floors), p = Summarise(plancs), d = Summarise(duckdbs);
    std::printf("\n%ld rows (%.0f MB), %ld picks, identical in planc and DuckDB\n", rows,
                fs::file_size(registry) / 1e6, picks);
    std::printf("  %-7s %10s %10s %10s %10s\n", "", "best s", "median s", "cpu s", "peak MiB");
    for (const auto& [what, x] :
         {std::pair<const char*, const Figures&>{"floor", f}, {"planc", p}, {"DuckDB", d}}) {
      std::printf("  %-7s %10.2f %10.2f %10.2f %10.1f\n", what, x.best.seconds, x.median.seconds,
                  x.best.cpu_seconds, x.peak_kib / 1024.0);
    }
    std::printf("  planc / floor   time %.2fx best, %.2fx median (target <= 2x); memory %.2fx\n",
                p.best.seconds / f.best.seconds, p.median.seconds / f.median.seconds,
                static_cast<double>(p.peak_kib) / f.peak_kib);
    std::printf("  planc / DuckDB  time %.3fx best, %.3fx median (target <= 0.25x); "
                "memory %.3fx (target <= 0.1x); cpu %.3fx\n",
                p.best.seconds / d.best.seconds, p.median.seconds / d.median.seconds,
                static_cast<double>(p.peak_kib) / d.peak_kib,
                p.best.cpu_seconds / d.best.cpu_seconds);
    std::fflush(stdout);
  }
  return 0;
}
