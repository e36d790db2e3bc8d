#ifndef PLANC_DRAW_SELECT_H_
#define PLANC_DRAW_SELECT_H_

#include <cstdint>
#include <functional>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "compiler/data/text_source.h"
#include "compiler/diag/engine.h"
#include "compiler/draw/jobs.h"

// The first of the two draws: the enterprises (draw.md "Sample sizes",
// "Coordination groups and streams"). One pass over the registry (on every
// core for a large one); per task and stratum a bounded buffer keeps the n
// units with the smallest (u, uscc), so memory grows with the picks, not
// with the rows.
namespace planc::draw {

struct Pick {
  std::uint64_t u = 0;  // the PRN the task ordered by (shifted under negative coordination)
  std::string uscc;
  std::string name;
};

struct StratumDraw {
  const StratumJob* job = nullptr;
  std::uint64_t population = 0;  // N, counted in the registry
  std::uint64_t n = 0;           // the sample size for N
  std::vector<Pick> picks;       // ascending (u, uscc): rank i+1 is picks[i]
};

struct TaskDraw {
  const TaskJob* task = nullptr;
  const Job* job = nullptr;
  std::vector<StratumDraw> strata;  // as the job lists them
};

struct RegistryFacts {
  std::string sha256;
  std::uint64_t rows = 0;    // valid data rows
  std::uint64_t active = 0;  // of which active
  data::Encoding encoding = data::Encoding::kUtf8;  // as read (detected or given)
  std::uint64_t skipped = 0;    // invalid rows skipped (--skip-invalid)
  std::uint64_t recounted = 0;  // strata drawn from counts that differ from the jobs' (--recount)
};

struct Selection {
  std::vector<TaskDraw> tasks;  // task-id order
  RegistryFacts registry;
  // With SelectOptions::defer_digest: registry.sha256 is being finished on
  // another thread until AwaitRegistryDigest (empty: the file could not be
  // read again for it).
  std::shared_future<std::string> pending_sha256;
  std::string registry_path;
  bool changed_strata = false;  // some strata differ from the jobs' figures
};

struct SelectOptions {
  data::Encoding encoding = data::Encoding::kAuto;
  bool skip_invalid = false;
  // Accept strata sizes that differ from the jobs' figures (the registry
  // changed since the plan was compiled); otherwise that is error E0503.
  bool recount = false;
  // Called now and then with the raw bytes read so far (a progress line).
  std::function<void(std::uint64_t)> progress;
  // When set, receives the registry's SHA-256 as soon as it is known, even
  // when the draw then fails (verify names a different file by it, without
  // a digest of its own).
  std::string* sha256_read = nullptr;
  // How the registry is read on several threads (data/parts.h): `threads`
  // 0 is one per core; a file smaller than two of `min_split_bytes` is read
  // by one thread, a larger one in parts of about `part_bytes`. The draw is
  // the same either way.
  std::size_t threads = 0;
  std::uint64_t min_split_bytes = std::uint64_t{8} << 20;
  std::uint64_t part_bytes = std::uint64_t{4} << 20;
  // Finish the registry's digest on another thread while the caller goes
  // on: the caller then calls AwaitRegistryDigest, on every path.
  bool defer_digest = false;
};

// Draws every task of `jobs` from the registry at `path` with `seed_hex`.
// nullopt when the registry cannot be used or its strata differ from the
// jobs' figures without `recount`; every problem is in `diags`.
std::optional<Selection> Select(const Jobs& jobs, const std::string& seed_hex,
                                const std::string& path, const SelectOptions& options,
                                Diagnostics& diags);

// Waits for the registry's digest of a selection made with defer_digest,
// sets registry.sha256 (and options.sha256_read), and notes (N0502) a
// registry that is not the file the jobs' figures came from.
void AwaitRegistryDigest(const Jobs& jobs, Selection& selection, const SelectOptions& options,
                         Diagnostics& diags);

}  // namespace planc::draw

#endif  // PLANC_DRAW_SELECT_H_
