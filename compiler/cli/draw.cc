// `planc draw` and `planc verify`: run the draw jobs of a compiled plan
// (draw.md) and check a recorded draw byte for byte.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "compiler/cli/commands.h"
#include "compiler/cli/output.h"
#include "compiler/cli/population.h"
#include "compiler/draw/jobs.h"
#include "compiler/draw/prn.h"
#include "compiler/draw/record.h"
#include "compiler/draw/verify.h"

namespace planc::cli {
namespace {

// A file the command must read: exit 2 (usage/IO) when it is not there.
bool Readable(const std::string& path, const char* what, Io io) {
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), R_OK) == 0) {
    return true;
  }
  io.err << fmt::format("planc: error: cannot read the {} `{}`\n", what, path);
  return false;
}

std::string Lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// A progress line on standard error while a large registry is read, only on
// a terminal.
class Progress {
 public:
  Progress(const std::string& path, bool wanted) {
    std::error_code ec;
    total_ = std::filesystem::file_size(path, ec);
    active_ = wanted && !ec && total_ >= (std::uint64_t{16} << 20) && ::isatty(STDERR_FILENO);
  }
  ~Progress() { Done(); }
  std::function<void(std::uint64_t)> Callback() {
    if (!active_) return nullptr;
    return [this](std::uint64_t read) {
      int percent = static_cast<int>(100 * std::min(read, total_) / total_);
      if (percent == last_) return;
      last_ = percent;
      std::fprintf(stderr, "\rplanc draw: reading the registry %3d%% (%.0f of %.0f MiB)", percent,
                   static_cast<double>(read) / (1 << 20), static_cast<double>(total_) / (1 << 20));
      std::fflush(stderr);
      shown_ = true;
    };
  }
  void Done() {
    if (shown_) std::fprintf(stderr, "\r\033[K");
    shown_ = false;
  }

 private:
  std::uint64_t total_ = 0;
  bool active_ = false;
  bool shown_ = false;
  int last_ = -1;
};

// What `planc draw` prints when it has written the folder.
std::string Summary(const draw::DrawResult& result, const std::string& folder, bool conflicts,
                    Lang lang) {
  bool zh = lang == Lang::kZh;
  std::string out;
  std::size_t width = 4;
  for (const draw::TaskDraw& d : result.selection.tasks) width = std::max(width, d.task->id.size());
  out += zh ? fmt::format("{:<{}}  {:>14}  {}\n", "任务", width, "已抽/计划", "各分层（已抽/户数）")
            : fmt::format("{:<{}}  {:>14}  {}\n", "task", width, "drawn/asked",
                          "strata (drawn/population)");
  for (const draw::TaskDraw& d : result.selection.tasks) {
    std::uint64_t drawn = 0, asked = 0;
    bool asked_known = true;
    std::string strata;
    for (const draw::StratumDraw& s : d.strata) {
      drawn += s.picks.size();
      if (s.job->n) {
        asked += *s.job->n;
      } else {
        asked_known = false;
      }
      if (!strata.empty()) strata += "  ";
      strata += fmt::format("{} {}/{}", s.job->name, s.picks.size(), s.population);
    }
    std::string figures =
        fmt::format("{}/{}", drawn, asked_known ? std::to_string(asked) : std::string("-"));
    out += fmt::format("{:<{}}  {:>14}  {}\n", d.task->id, width, figures, strata);
  }
  const draw::DrawResult::Counts& counts = result.counts;
  std::size_t active = 0;
  for (const draw::Inspector& i : result.directory.inspectors) active += i.active ? 1 : 0;
  double per_visit =
      result.visits.empty() ? 0 : static_cast<double>(counts.draws) / result.visits.size();
  if (zh) {
    out += fmt::format(
        "{} 户企业，{} 项检查，合并为 {} 次上门检查（平均每次 {:.2f} 项）；派出执法人员 {} 人（在岗 {} 人）\n",
        counts.enterprises, counts.draws, result.visits.size(), per_visit, counts.inspectors,
        active);
    out += fmt::format("已写入 {}：draws.csv visits.csv publication.csv drawjobs.json manifest.json\n",
                       folder);
    out += fmt::format("持有同样名录的人都可以核验：planc verify {} --registry … --inspectors …{}\n",
                       (std::filesystem::path(folder) / "manifest.json").string(),
                       conflicts ? " --conflicts …" : "");
  } else {
    out += fmt::format(
        "{} enterprises, {} checks in {} visits ({:.2f} checks per visit); {} of {} active "
        "inspectors sent\n",
        counts.enterprises, counts.draws, result.visits.size(), per_visit, counts.inspectors,
        active);
    out += fmt::format("wrote {}: draws.csv visits.csv publication.csv drawjobs.json manifest.json\n",
                       folder);
    out += fmt::format("whoever holds the same files can check it: planc verify {} --registry … "
                       "--inspectors …{}\n",
                       (std::filesystem::path(folder) / "manifest.json").string(),
                       conflicts ? " --conflicts …" : "");
  }
  return out;
}

}  // namespace

int RunDraw(const DrawCommandOptions& options, const CommonOptions& common, Io io) {
  // seed_hex is lowercase (draw.md); a seed copied in capitals is the same seed.
  std::string seed = Lower(options.seed);
  if (!draw::IsSeedHex(seed)) {
    io.err << "planc: error: --seed must be 64 hex digits (32 bytes), as `planc seed` prints "
              "it\n";
    return kExitUsage;
  }
  std::string commitment = Lower(options.commitment);
  if (!commitment.empty() && !draw::IsSeedHex(commitment)) {
    io.err << "planc: error: --commitment must be 64 hex digits (a SHA-256), as `planc seed` "
              "prints it\n";
    return kExitUsage;
  }
  if (!Readable(options.jobs, "draw jobs file", io) ||
      !Readable(options.registry, "registry", io) ||
      !Readable(options.inspectors, "inspector directory", io) ||
      (!options.conflicts.empty() && !Readable(options.conflicts, "conflicts file", io))) {
    return kExitUsage;
  }
  Diagnostics diags;
  if (!commitment.empty() && draw::Commitment(seed) != commitment) {
    auto file = std::make_shared<SourceFile>("--seed", "");
    Diagnostic d = DiagBuilder(DiagKind::kCommitmentMismatch, file, {0, 0})
                  .Message(fmt::format("the seed's SHA-256 is {}, not the commitment {}",
                                       draw::Commitment(seed), commitment),
                           fmt::format("种子的 SHA-256 为 {}，与承诺值 {} 不符",
                                       draw::Commitment(seed), commitment))
                  .Help("draw with the seed whose commitment was published before the draw",
                        "请使用抽取前已公布承诺值的那个种子");
    d.primary.reset();  // about the command line, not a place in a file
    diags.Add(std::move(d));
    return Report(diags, common, io);
  }
  std::optional<draw::Jobs> jobs = draw::ReadJobs(options.jobs, diags);
  if (!jobs) return Report(diags, common, io);

  draw::DrawInputs inputs;
  inputs.jobs = &*jobs;
  inputs.seed = seed;
  inputs.registry = options.registry;
  inputs.inspectors = options.inspectors;
  inputs.conflicts = options.conflicts;
  inputs.options.encoding = EncodingOf(options.encoding);
  inputs.options.skip_invalid = options.skip_invalid;
  inputs.options.recount = options.recount;
  inputs.options.publish_inspectors = options.publish_inspectors;
  Progress progress(options.registry, !common.quiet);
  inputs.progress = progress.Callback();
  std::optional<draw::DrawResult> result = draw::RunDraw(inputs, diags);
  progress.Done();
  if (common.werror) diags.PromoteWarnings();
  if (!result || diags.has_errors()) {
    int status = Report(diags, common, io);
    return status == kExitOk ? kExitInput : status;
  }
  std::error_code ec;
  std::filesystem::create_directories(options.output_dir, ec);
  if (ec) {
    io.err << fmt::format("planc: error: cannot create the folder `{}`: {}\n", options.output_dir,
                          ec.message());
    return kExitUsage;
  }
  std::vector<std::string> paths;
  for (const auto& [name, bytes] : result->files) {
    paths.push_back((std::filesystem::path(options.output_dir) / name).string());
  }
  std::string error;
  if (!WriteAllAtomically(paths, result->files, &error)) {
    Report(diags, common, io);
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  int status = Report(diags, common, io);
  if (!common.quiet && common.format == Format::kHuman) {
    io.out << Summary(*result, options.output_dir, !options.conflicts.empty(), common.lang);
  }
  return status;
}

int RunVerify(const VerifyCommandOptions& options, const CommonOptions& common, Io io) {
  if (!Readable(options.manifest, "draw manifest", io) ||
      !Readable(options.registry, "registry", io) ||
      !Readable(options.inspectors, "inspector directory", io) ||
      (!options.conflicts.empty() && !Readable(options.conflicts, "conflicts file", io))) {
    return kExitUsage;
  }
  Diagnostics diags;
  draw::VerifyInputs inputs{options.manifest, options.registry, options.inspectors,
                            options.conflicts};
  draw::VerifyOutcome outcome = draw::Verify(inputs, diags);
  int status = Report(diags, common, io);
  if (!outcome.identical) return kExitInput;
  if (!common.quiet && common.format == Format::kHuman) {
    io.out << (common.lang == Lang::kZh
                   ? fmt::format("核验通过：输入文件与清单一致，用种子 {} 重新抽取，{} 个输出文件逐字节相同\n",
                                 outcome.seed, outcome.files_checked)
                   : fmt::format("verified: the inputs are the ones recorded, and the draw re-run "
                                 "with seed {} gives the {} output files byte for byte\n",
                                 outcome.seed, outcome.files_checked));
  }
  return status;
}

}  // namespace planc::cli
