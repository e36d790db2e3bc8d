#include "compiler/draw/select.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include <fmt/format.h>

#include "compiler/data/csv.h"
#include "compiler/data/duplicates.h"
#include "compiler/data/parts.h"
#include "compiler/data/predicate.h"
#include "compiler/data/table.h"
#include "compiler/draw/prn.h"
#include "compiler/util/memory.h"
#include "compiler/util/parallel.h"
#include "compiler/util/sha256.h"

namespace planc::draw {
namespace {

// Column ids of RegistrySpec().
constexpr int kUscc = 0, kName = 1, kCredit = 5, kStatus = 7, kRegisteredOn = 9;

int CreditIndex(std::string_view credit) {
  return credit.size() == 1 && credit[0] >= 'A' && credit[0] <= 'D' ? credit[0] - 'A' : 4;
}

// The jobs' predicates as one text, a line each ("T01 targets: …"), parsed
// from there: a column the registry lacks is then reported at a line a
// reader can see, in the file named after the jobs.
struct Predicates {
  SourcePtr file;
  std::map<std::string, expr::Expr> scopes;
  std::vector<expr::Expr> targets;  // per task of Select's task list
};

std::optional<Predicates> ParsePredicates(const Jobs& jobs,
                                          const std::vector<const TaskJob*>& tasks,
                                          Diagnostics& diags) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const auto& [name, predicate] : jobs.scopes) lines.emplace_back("scope " + name + ": ", predicate);
  for (const TaskJob* task : tasks) lines.emplace_back(task->id + " targets: ", task->targets);
  PredicateLines parsed = ParsePredicateLines(jobs.path + " (predicates)", lines, diags);
  if (!parsed.ok) return std::nullopt;
  Predicates out;
  out.file = parsed.file;
  std::size_t i = 0;
  for (const auto& entry : jobs.scopes) out.scopes.emplace(entry.first, std::move(*parsed.parsed[i++]));
  while (i < parsed.parsed.size()) out.targets.push_back(std::move(*parsed.parsed[i++]));
  return out;
}

// The `capacity` units with the smallest (u, uscc) among those offered.
// Offers are appended to a buffer, their text to one string, and when the
// buffer holds about twice the capacity it is cut back to the smallest
// `capacity`; from then on a unit whose u is above the largest kept cannot
// be among them and costs one comparison. Memory stays proportional to
// the capacity, and the work per unit is constant on average.
class Smallest {
 public:
  std::uint64_t capacity = 0;
  std::uint64_t count = 0;  // units of the stratum seen (N)

  void Offer(std::uint64_t u, std::string_view uscc, std::string_view name) {
    if (u > limit_) return;
    if (entries_.capacity() == 0 && capacity > 0) {
      // Room for a full buffer at once (only what is used is touched): grown
      // by doubling, it would be mapped, touched and copied again and again.
      // Bounded, so that a stratum drawn in full from a huge registry does
      // not ask for gigabytes before it has them.
      std::size_t room = std::min<std::size_t>(2 * capacity + 64, std::size_t{1} << 20);
      entries_.reserve(room);
      text_.reserve(room * 64);
      PreferHugePages(entries_.data(), entries_.capacity() * sizeof(Entry));
      PreferHugePages(text_.data(), text_.capacity());
    }
    entries_.push_back({u, text_.size(), static_cast<std::uint32_t>(uscc.size()),
                        static_cast<std::uint32_t>(name.size())});
    text_.append(uscc);
    text_.append(name);
    if (entries_.size() >= 2 * capacity + 64) Cut();
  }
  // Takes in what `other` kept.
  void Absorb(const Smallest& other) {
    count += other.count;
    for (const Entry& e : other.entries_) Offer(e.u, other.Uscc(e), other.Name(e));
  }
  // How many units are kept (at most the capacity).
  std::size_t kept() {
    Cut();
    return entries_.size();
  }
  // The kept units, smallest first. Sorted before their text is copied,
  // so that each pick's text lies after the one before it in memory (the
  // tables and visits read them in this order).
  std::vector<Pick> Take() {
    Cut();
    std::sort(entries_.begin(), entries_.end(),
              [this](const Entry& a, const Entry& b) { return Before(a, b); });
    std::vector<Pick> picks;
    picks.reserve(entries_.size());
    for (const Entry& e : entries_) {
      picks.push_back(Pick{e.u, std::string(Uscc(e)), std::string(Name(e))});
    }
    return picks;
  }

 private:
  struct Entry {
    std::uint64_t u;
    std::size_t at;                       // in text_: the uscc, then the name
    std::uint32_t uscc_size, name_size;
  };
  std::string_view Uscc(const Entry& e) const { return {text_.data() + e.at, e.uscc_size}; }
  std::string_view Name(const Entry& e) const {
    return {text_.data() + e.at + e.uscc_size, e.name_size};
  }
  // The draw's order: by u, then by uscc (draw.md).
  bool Before(const Entry& a, const Entry& b) const {
    return a.u < b.u || (a.u == b.u && Uscc(a) < Uscc(b));
  }
  // Keeps the `capacity` smallest entries and their text only.
  void Cut() {
    if (capacity == 0) {
      entries_.clear();
      text_.clear();
      limit_ = 0;
      return;
    }
    if (entries_.size() <= capacity) return;
    std::nth_element(entries_.begin(), entries_.begin() + static_cast<std::ptrdiff_t>(capacity - 1),
                     entries_.end(), [this](const Entry& a, const Entry& b) { return Before(a, b); });
    entries_.resize(capacity);
    // A unit with the largest kept u may still come before it (by uscc).
    limit_ = entries_.back().u;
    // The kept entries' text, moved down in place in the order it lies in,
    // so that no text is overwritten before it is moved and no new buffer
    // is made.
    std::sort(entries_.begin(), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.at < b.at; });
    std::size_t end = 0;
    for (Entry& e : entries_) {
      std::size_t size = e.uscc_size + e.name_size;
      if (e.at != end) std::memmove(text_.data() + end, text_.data() + e.at, size);
      e.at = end;
      end += size;
    }
    text_.resize(end);
  }

  std::vector<Entry> entries_;
  std::string text_;
  std::uint64_t limit_ = ~std::uint64_t{0};
};

// What one pass over the registry needs, built once.
struct Plan {
  std::vector<const TaskJob*> tasks;              // task-id order
  std::vector<std::size_t> job_of;                // per task: index into jobs.jobs
  std::vector<std::uint64_t> index_in_job;        // per task: i of the negative shift
  std::vector<std::array<int, 5>> stratum_of;     // per task and class: stratum index or -1
  std::vector<PrnHasher> group_hashers;           // per job: "g:" + group
  std::vector<PrnHasher> task_hashers;            // per task: "t:" + id
};

struct PassOutput {
  std::vector<std::vector<Smallest>> kept;  // per task and stratum
  RegistryFacts facts;
  std::shared_future<std::string> sha256;  // the first pass's
};

// What one thread keeps of the rows it reads: the picks so far, the counts and
// (on the first pass) the codes for the duplicate check.
class Tally final : public data::RowSink {
 public:
  Tally(const Jobs& jobs, const Plan& plan, const Predicates& predicates,
        const data::Header& header, const std::vector<std::vector<std::uint64_t>>& capacities,
        bool check_codes, Diagnostics& diags)
      : jobs_(jobs), plan_(plan), check_codes_(check_codes),
        compiled_(header, data::RegistrySpec(), predicates.file, diags) {
    for (const auto& [name, e] : predicates.scopes) compiled_.AddNamed(name, e);
    ok_ = compiled_.CompileAllNamed();
    std::vector<int> roots;
    for (const expr::Expr& e : predicates.targets) {
      roots.push_back(compiled_.Add(e));
      ok_ = ok_ && roots.back() >= 0;
    }
    if (!ok_) return;
    std::vector<bool> keyed(header.names.size(), true);
    for (int c : {kUscc, kName, kRegisteredOn}) keyed[c] = false;
    classifier_ = std::make_unique<data::RowClassifier>(compiled_, roots, keyed);
    kept.resize(plan.tasks.size());
    for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
      kept[t].resize(plan.tasks[t]->strata.size());
      for (std::size_t s = 0; s < kept[t].size(); ++s) kept[t][s].capacity = capacities[t][s];
    }
  }

  bool ok() const { return ok_; }

  void Take(const data::Row& row, bool valid) override {
    if (!valid) {
      ++invalid;
      return;
    }
    ++rows;
    if (check_codes_) seen.Add(row.values[kUscc]);
    if (row.values[kStatus] != "active") return;
    ++active;
    std::uint32_t outcome = classifier_->Classify(row);
    if (outcome >= known_.size()) {
      known_.resize(outcome + 1, false);
      hits_of_.resize(outcome + 1);
    }
    if (!known_[outcome]) {
      known_[outcome] = true;
      for (std::size_t t = 0; t < plan_.tasks.size(); ++t) {
        if (!classifier_->Holds(outcome, t)) continue;
        std::vector<Hit>& hits = hits_of_[outcome];
        if (hits.empty() || hits.back().job != plan_.job_of[t]) {
          hits.push_back({plan_.job_of[t], {}});
        }
        hits.back().tasks.push_back(t);
      }
    }
    const std::vector<Hit>& hits = hits_of_[outcome];
    if (hits.empty()) return;
    int credit = CreditIndex(row.values[kCredit]);
    std::string_view uscc = row.values[kUscc];
    std::string_view name = row.values[kName];
    for (const Hit& hit : hits) {
      const Job& job = jobs_.jobs[hit.job];
      bool have_u = false;
      std::uint64_t group_u = 0;
      for (std::size_t t : hit.tasks) {
        int s = plan_.stratum_of[t][credit];
        if (s < 0) continue;
        Smallest& top = kept[t][s];
        ++top.count;
        if (top.capacity == 0) continue;
        std::uint64_t u;
        if (job.coordination == Coordination::kIndependent) {
          u = plan_.task_hashers[t](uscc);
        } else {
          if (!have_u) {
            group_u = plan_.group_hashers[hit.job](uscc);
            have_u = true;
          }
          u = job.coordination == Coordination::kNegative
                  ? NegativeShift(group_u, plan_.index_in_job[t], job.tasks.size())
                  : group_u;
        }
        top.Offer(u, uscc, name);
      }
    }
  }

  void PartsDone() override {
    if (check_codes_) seen.Seal();
  }

  // Takes in the rows the others read (the result does not depend on which
  // tally read which rows); the strata, independent, on every core.
  void Merge(const std::vector<Tally*>& others) {
    for (Tally* other : others) {
      rows += other->rows;
      active += other->active;
      invalid += other->invalid;
      if (check_codes_) seen.Absorb(other->seen);
    }
    std::vector<std::pair<std::size_t, std::size_t>> strata;
    for (std::size_t t = 0; t < kept.size(); ++t) {
      for (std::size_t s = 0; s < kept[t].size(); ++s) strata.emplace_back(t, s);
    }
    ParallelFor(strata.size(), 1, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) {
        auto [t, s] = strata[i];
        for (const Tally* other : others) kept[t][s].Absorb(other->kept[t][s]);
      }
    });
  }

  std::vector<std::vector<Smallest>> kept;  // per task and stratum
  std::uint64_t rows = 0, active = 0, invalid = 0;
  data::SeenCodes seen;

 private:
  // Per classifier outcome: the jobs with a task whose targets hold, and
  // those tasks, in job and task order.
  struct Hit {
    std::size_t job;
    std::vector<std::size_t> tasks;
  };
  const Jobs& jobs_;
  const Plan& plan_;
  bool check_codes_;
  bool ok_ = false;
  data::RowPredicates compiled_;
  std::unique_ptr<data::RowClassifier> classifier_;
  std::vector<std::vector<Hit>> hits_of_;
  std::vector<bool> known_;
};

// One pass over the registry, on every core for a large file (data/parts.h).
// The first pass (`report`) validates every row and reports into `diags`; a
// second pass, needed only when a stratum turned out larger than its buffer,
// reads the same file quietly.
std::optional<PassOutput> Pass(const Jobs& jobs, const Plan& plan, const Predicates& predicates,
                               const std::string& path, const SelectOptions& options,
                               const std::vector<std::vector<std::uint64_t>>& capacities,
                               bool report, Diagnostics& diags) {
  Diagnostics quiet;
  Diagnostics& out = report ? diags : quiet;
  std::unique_ptr<data::TableReader> opened =
      data::OpenTable(path, data::RegistrySpec(), options.encoding, out);
  if (!opened) return std::nullopt;
  data::TableReader& table = *opened;
  data::CsvReader* reader = &table.csv();
  table.set_skip_invalid(options.skip_invalid);

  data::PartsOptions parts;
  parts.threads = options.threads;
  parts.min_split_bytes = options.min_split_bytes;
  parts.part_bytes = options.part_bytes;
  if (report) parts.progress = options.progress;
  std::size_t count = data::SinksFor(table, parts);
  // The first tally reports a column the registry lacks; the others, made
  // from the same header, would only repeat it.
  std::vector<std::unique_ptr<Tally>> tallies;
  std::vector<Diagnostics> scratch(count);
  std::vector<data::RowSink*> sinks;
  for (std::size_t i = 0; i < count; ++i) {
    tallies.push_back(std::make_unique<Tally>(jobs, plan, predicates, table.header(), capacities,
                                              report, i == 0 ? out : scratch[i]));
    if (!tallies.back()->ok()) return std::nullopt;
    sinks.push_back(tallies.back().get());
  }
  // The first pass's digest: a regular file can be read twice, so it is
  // read on its own thread from here on, on a core that would otherwise
  // wait while the tallies are merged and the visits formed; otherwise (a
  // pipe) the reader hashes what it reads. No other pass needs one.
  std::shared_future<std::string> digest;
  std::error_code error;
  if (report && std::filesystem::is_regular_file(path, error)) {
    digest = std::async(std::launch::async, [path] {
               // Needed only for the manifest, at the end: at the lowest
               // priority, so the readers have the cores first and the
               // digest takes those they leave (while the tallies are
               // merged and the visits partitioned, on one core).
               setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
               return Sha256FileHex(path).value_or("");
             }).share();
  }
  if (!report || digest.valid()) reader->source().StopHashing();
  std::size_t used = data::ReadInParts(table, sinks, parts);
  Tally& tally = *tallies.front();
  std::vector<Tally*> others;
  for (std::size_t i = 1; i < used; ++i) others.push_back(tallies[i].get());
  tally.Merge(others);
  tallies.resize(1);
  if (!table.Close()) return std::nullopt;
  PassOutput result;
  result.kept = std::move(tally.kept);
  result.facts.rows = tally.rows;
  result.facts.active = tally.active;
  if (!report) return result;
  result.facts.encoding = reader->source().encoding();
  result.facts.skipped = tally.invalid;
  // The digest covers the whole file: read on its own thread (`digest`), or
  // hashed by the reader as it read and the rest of the file after where it
  // stopped, on its own thread meanwhile.
  if (digest.valid()) {
    result.sha256 = digest;
  } else {
    std::shared_ptr<data::TableReader> source = std::move(opened);
    result.sha256 = std::async(std::launch::async, [source] {
                      return source->csv().source().Sha256Hex();
                    }).share();
  }
  if (!data::FinishRegistry(path, options.encoding, options.skip_invalid, result.facts.rows,
                            tally.invalid, tally.seen, out)) {
    if (options.sha256_read) *options.sha256_read = result.sha256.get();
    return std::nullopt;
  }
  return result;
}

std::string StratumLabel(const TaskJob& task, const StratumJob& s) {
  return s.name == "*" ? task.id : fmt::format("{} class {}", task.id, s.name);
}

std::string StratumLabelZh(const TaskJob& task, const StratumJob& s) {
  return s.name == "*" ? task.id : fmt::format("{} {} 类", task.id, s.name);
}

}  // namespace

std::optional<Selection> Select(const Jobs& jobs, const std::string& seed_hex,
                                const std::string& path, const SelectOptions& options,
                                Diagnostics& diags) {
  Plan plan;
  for (std::size_t j = 0; j < jobs.jobs.size(); ++j) {
    const Job& job = jobs.jobs[j];
    plan.group_hashers.emplace_back(seed_hex, GroupStream(job.group));
    for (std::size_t i = 0; i < job.tasks.size(); ++i) {
      plan.tasks.push_back(&job.tasks[i]);
      plan.job_of.push_back(j);
      plan.index_in_job.push_back(i);
    }
  }
  // Task-id order overall; within a job the tasks are already in it.
  std::vector<std::size_t> order(plan.tasks.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return plan.tasks[a]->id < plan.tasks[b]->id; });
  {
    Plan sorted;
    sorted.group_hashers = plan.group_hashers;
    for (std::size_t i : order) {
      sorted.tasks.push_back(plan.tasks[i]);
      sorted.job_of.push_back(plan.job_of[i]);
      sorted.index_in_job.push_back(plan.index_in_job[i]);
    }
    plan = std::move(sorted);
  }
  for (const TaskJob* task : plan.tasks) {
    plan.task_hashers.emplace_back(seed_hex, TaskStream(task->id));
    std::array<int, 5> of;
    of.fill(-1);
    for (std::size_t s = 0; s < task->strata.size(); ++s) {
      const std::string& name = task->strata[s].name;
      if (name == "*") {
        of.fill(static_cast<int>(s));
      } else {
        of[static_cast<std::size_t>(name[0] == 'U' ? 4 : name[0] - 'A')] = static_cast<int>(s);
      }
    }
    plan.stratum_of.push_back(of);
  }
  // The predicates refer to tasks in the (re-sorted) task order, like the buffers.
  std::optional<Predicates> predicates = ParsePredicates(jobs, plan.tasks, diags);
  if (!predicates) return std::nullopt;

  // Heaps as large as the jobs' own figures ask; none when they have none.
  std::vector<std::vector<std::uint64_t>> capacities(plan.tasks.size());
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    for (const StratumJob& s : plan.tasks[t]->strata) {
      capacities[t].push_back(s.population ? SampleSize(s, *s.population) : 0);
    }
  }
  std::optional<PassOutput> pass =
      Pass(jobs, plan, *predicates, path, options, capacities, true, diags);
  if (!pass) return std::nullopt;

  // Compare each stratum with the jobs' figures.
  auto jobs_file = std::make_shared<SourceFile>(jobs.path, "");
  std::vector<std::string> changes_en, changes_zh;
  bool again = false;
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    const TaskJob& task = *plan.tasks[t];
    for (std::size_t s = 0; s < task.strata.size(); ++s) {
      const StratumJob& sj = task.strata[s];
      Smallest& top = pass->kept[t][s];
      if (sj.population && *sj.population != top.count) {
        changes_en.push_back(fmt::format("{}: {} units in the registry, {} when compiled",
                                         StratumLabel(task, sj), top.count, *sj.population));
        changes_zh.push_back(fmt::format("{}：名录库中 {} 户，编制时 {} 户",
                                         StratumLabelZh(task, sj), top.count, *sj.population));
      }
      std::uint64_t n = SampleSize(sj, top.count);
      if (n > top.kept() && top.count > top.kept()) {
        again = true;
        capacities[t][s] = n;
      }
    }
  }
  if (!changes_en.empty()) {
    bool stats = jobs.population_from == "stats";
    std::string where = stats ? " (or a stats file made from it with `planc stats`)" : "";
    std::string where_zh = stats ? "（或用 `planc stats` 由它生成的统计文件）" : "";
    DiagBuilder b(options.recount ? DiagKind::kPopulationRecounted : DiagKind::kPopulationChanged,
                  jobs_file, {0, 0});
    if (options.recount) {
      b.Message(fmt::format("{} strat{} recounted from this registry (--recount)",
                            changes_en.size(), changes_en.size() == 1 ? "um" : "a"),
                fmt::format("已按本名录库重新计数 {} 个分层（--recount）", changes_en.size()));
    } else {
      b.Message(fmt::format("the registry is not the one the plan was compiled with: {} "
                            "differ{} from the jobs' figures",
                            changes_en.size() == 1 ? "1 stratum" : fmt::format("{} strata", changes_en.size()),
                            changes_en.size() == 1 ? "s" : ""),
                fmt::format("名录库与编制计划时所用的不同：{} 个分层的户数与抽取任务不符",
                            changes_en.size()));
      b.Help(fmt::format("compile the plan again against this registry{} so that the plan is "
                         "checked with the right figures, or pass --recount to draw from this "
                         "registry's counts",
                         where),
             fmt::format("请用本名录库{}重新编制计划，使计划按正确的户数检查；"
                         "或加 --recount 按本名录库的户数抽取",
                         where_zh));
    }
    constexpr std::size_t kShown = 10;
    for (std::size_t i = 0; i < changes_en.size() && i < kShown; ++i) {
      b.Note(changes_en[i], changes_zh[i]);
    }
    if (changes_en.size() > kShown) {
      b.Note(fmt::format("and {} more", changes_en.size() - kShown),
             fmt::format("另有 {} 个", changes_en.size() - kShown));
    }
    diags.Add(b);
    if (!options.recount) {
      if (options.sha256_read) *options.sha256_read = pass->sha256.get();
      return std::nullopt;
    }
    pass->facts.recounted = changes_en.size();
  }
  if (again) {
    std::optional<PassOutput> second =
        Pass(jobs, plan, *predicates, path, options, capacities, false, diags);
    if (!second) {
      if (options.sha256_read) *options.sha256_read = pass->sha256.get();
      return std::nullopt;
    }
    second->facts = pass->facts;
    second->sha256 = pass->sha256;
    pass = std::move(second);
  }

  Selection selection;
  selection.registry = pass->facts;
  selection.pending_sha256 = pass->sha256;
  selection.registry_path = path;
  selection.changed_strata = !changes_en.empty();
  // The picks of every stratum, sorted, made on every core.
  std::vector<std::pair<std::size_t, std::size_t>> strata;
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    for (std::size_t s = 0; s < plan.tasks[t]->strata.size(); ++s) strata.emplace_back(t, s);
  }
  std::vector<std::vector<std::vector<Pick>>> picks(plan.tasks.size());
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) picks[t].resize(plan.tasks[t]->strata.size());
  ParallelFor(strata.size(), 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      auto [t, s] = strata[i];
      picks[t][s] = pass->kept[t][s].Take();
    }
  });
  for (std::size_t t = 0; t < plan.tasks.size(); ++t) {
    const TaskJob& task = *plan.tasks[t];
    TaskDraw draw;
    draw.task = &task;
    draw.job = &jobs.jobs[plan.job_of[t]];
    for (std::size_t s = 0; s < task.strata.size(); ++s) {
      const StratumJob& sj = task.strata[s];
      Smallest& top = pass->kept[t][s];
      StratumDraw stratum;
      stratum.job = &sj;
      stratum.population = top.count;
      stratum.n = SampleSize(sj, top.count);
      stratum.picks = std::move(picks[t][s]);
      stratum.picks.resize(std::min<std::size_t>(stratum.picks.size(), stratum.n));
      std::uint64_t asked = sj.count ? *sj.count : sj.min ? *sj.min : 0;
      if (asked > top.count) {
        diags.Add(DiagBuilder(DiagKind::kFewerThanAsked, jobs_file, {0, 0})
                      .Message(fmt::format("{} asks for at least {} units but the registry has {}: "
                                           "all {} are drawn",
                                           StratumLabel(task, sj), asked, top.count, top.count),
                               fmt::format("{} 要求至少抽取 {} 户，名录库中只有 {} 户：已全部抽取",
                                           StratumLabelZh(task, sj), asked, top.count)));
      }
      draw.strata.push_back(std::move(stratum));
    }
    selection.tasks.push_back(std::move(draw));
  }
  if (!options.defer_digest) AwaitRegistryDigest(jobs, selection, options, diags);
  return selection;
}

void AwaitRegistryDigest(const Jobs& jobs, Selection& selection, const SelectOptions& options,
                         Diagnostics& diags) {
  if (!selection.pending_sha256.valid()) return;
  selection.registry.sha256 = selection.pending_sha256.get();
  selection.pending_sha256 = {};
  if (options.sha256_read) *options.sha256_read = selection.registry.sha256;
  if (selection.registry.sha256.empty()) {
    // Read once for the draw, the file could not be read again: it changed
    // or went away meanwhile.
    auto file = std::make_shared<SourceFile>(selection.registry_path, "");
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, file, {0, 0})
                  .Message("cannot read the registry again for its SHA-256: it changed or went "
                           "away during the draw",
                           "无法再次读取名录库以计算其 SHA-256：抽取期间文件被改动或移走")
                  .Help("draw again once the registry is in place and no longer written to",
                        "请在名录库就位且不再被写入后重新抽取"));
    return;
  }
  auto jobs_file = std::make_shared<SourceFile>(jobs.path, "");
  if (!selection.changed_strata && !jobs.registry_sha256.empty() &&
      jobs.registry_sha256 != selection.registry.sha256) {
    bool stats = jobs.population_from == "stats";
    diags.Add(DiagBuilder(DiagKind::kRegistryNotCounted, jobs_file, {0, 0})
                  .Message(fmt::format("the registry is not the file the jobs' figures were "
                                       "counted from{}, but every stratum has the same size: "
                                       "the draw goes on",
                                       stats ? " (through a stats file)" : ""),
                           fmt::format("名录库不是抽取任务户数{}所依据的文件，但各分层户数相同："
                                       "抽取照常进行",
                                       stats ? "（经统计文件）" : ""))
                  .Note(fmt::format("its SHA-256 is {}; the figures were counted from {}",
                                    selection.registry.sha256, jobs.registry_sha256),
                        fmt::format("其 SHA-256 为 {}；户数依据的是 {}", selection.registry.sha256,
                                    jobs.registry_sha256))
                  .Help("names, codes or other columns may have changed since the plan was "
                        "compiled; draw from the registry the plan was checked against when "
                        "that matters",
                        "编制计划之后名称、代码或其他列可能有变化；如有影响，请使用检查计划时所用的名录库"));
  }
}

}  // namespace planc::draw
