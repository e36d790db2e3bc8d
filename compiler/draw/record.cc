#include "compiler/draw/record.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/draw/prn.h"
#include "compiler/emit/emit.h"
#include "compiler/util/memory.h"
#include "compiler/util/parallel.h"
#include "compiler/util/sha256.h"
#include "compiler/util/strings.h"
#include "planc_version.h"

namespace planc::draw {
namespace {

using Json = nlohmann::ordered_json;

// One CSV row (RFC 4180, CRLF like every CSV planc writes).
void Row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view field : fields) {
    if (!first) out += ',';
    first = false;
    emit::AppendCsvField(out, field);
  }
  out += "\r\n";
}

// Items joined by `;`, as one CSV field.
template <typename Items, typename Text>
void AppendJoined(std::string& out, const Items& items, Text text) {
  std::string joined;
  for (const auto& item : items) {
    if (!joined.empty()) joined += ';';
    joined += text(item);
  }
  emit::AppendCsvField(out, joined);
}

// The fields every row of a group starts with, each followed by a comma.
std::string RowStart(std::initializer_list<std::string_view> fields) {
  std::string out;
  for (std::string_view field : fields) {
    emit::AppendCsvField(out, field);
    out += ',';
  }
  return out;
}

void AppendNumber(std::string& out, std::uint64_t n) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, n);
  out.append(digits, end);
}

void AppendTeam(std::string& out, const InspectorDirectory& directory, const Visit& visit) {
  AppendJoined(out, visit.team, [&](std::size_t i) -> const std::string& {
    return directory.inspectors[i].id;
  });
}

// The picks of a task, and of a selection, for sizing tables.
std::size_t PickCount(const TaskDraw& draw) {
  std::size_t picks = 0;
  for (const StratumDraw& s : draw.strata) picks += s.picks.size();
  return picks;
}

std::size_t PickCount(const Selection& selection) {
  std::size_t picks = 0;
  for (const TaskDraw& draw : selection.tasks) picks += PickCount(draw);
  return picks;
}

// Room for a table of `rows` rows of about `row_bytes`, made at once: a
// table grown by doubling would map, touch and copy about twice its size.
void Reserve(std::string& out, std::size_t rows, std::size_t row_bytes) {
  out.reserve(rows * row_bytes + 256);
  PreferHugePages(out.data(), out.capacity());
}

std::string DrawsCsv(const Selection& selection) {
  std::string out;
  Reserve(out, PickCount(selection), 112);
  Row(out, {"task", "group", "stratum", "uscc", "name", "rank", "prn"});
  for (const TaskDraw& draw : selection.tasks) {
    std::vector<const StratumDraw*> strata;
    for (const StratumDraw& s : draw.strata) strata.push_back(&s);
    std::sort(strata.begin(), strata.end(), [](const StratumDraw* a, const StratumDraw* b) {
      return a->job->name < b->job->name;
    });
    for (const StratumDraw* s : strata) {
      std::string prefix = RowStart({draw.task->id, draw.job->group, s->job->name});
      for (std::size_t i = 0; i < s->picks.size(); ++i) {
        const Pick& pick = s->picks[i];
        out += prefix;
        emit::AppendCsvField(out, pick.uscc);
        out += ',';
        emit::AppendCsvField(out, pick.name);
        out += ',';
        AppendNumber(out, i + 1);
        out += ',';
        out += PrnText(pick.u);
        out += "\r\n";
      }
    }
  }
  return out;
}

std::string VisitsCsv(const Selection& selection, const InspectorDirectory& directory,
                      const std::vector<Visit>& visits) {
  std::string out;
  Reserve(out, visits.size(), 224);
  Row(out, {"visit", "uscc", "name", "tasks", "items", "window_start", "window_end",
            "inspectors"});
  // The `tasks,items` fields of each set of tasks, made once.
  std::map<std::vector<std::size_t>, std::string> task_fields;
  for (const Visit& visit : visits) {
    auto [fields, fresh] = task_fields.try_emplace(visit.tasks);
    if (fresh) {
      std::vector<std::string_view> items;
      for (std::size_t t : visit.tasks) {
        for (const std::string& item : selection.tasks[t].task->items) {
          if (std::find(items.begin(), items.end(), item) == items.end()) items.push_back(item);
        }
      }
      AppendJoined(fields->second, visit.tasks, [&](std::size_t t) -> const std::string& {
        return selection.tasks[t].task->id;
      });
      fields->second += ',';
      AppendJoined(fields->second, items, [](std::string_view item) { return item; });
    }
    emit::AppendCsvField(out, visit.id);
    out += ',';
    emit::AppendCsvField(out, visit.uscc);
    out += ',';
    emit::AppendCsvField(out, visit.name);
    out += ',';
    out += fields->second;
    out += ',';
    visit.start.AppendTo(out);
    out += ',';
    visit.end.AppendTo(out);
    out += ',';
    AppendTeam(out, directory, visit);
    out += "\r\n";
  }
  return out;
}

// The public list (一公开): per task, the enterprises drawn, by uscc.
std::string PublicationCsv(const Selection& selection, const InspectorDirectory& directory,
                           const std::vector<Visit>& visits, bool with_inspectors) {
  // Per task, its visits: they are in uscc order, and each enterprise a
  // task drew is in exactly one of them, with that task. They are read in
  // the order they were made, not the picks by uscc all over memory (which
  // took four times as long).
  std::vector<std::vector<const Visit*>> visits_of(selection.tasks.size());
  for (std::size_t t = 0; t < selection.tasks.size(); ++t) {
    visits_of[t].reserve(PickCount(selection.tasks[t]));
  }
  for (const Visit& visit : visits) {
    for (std::size_t t : visit.tasks) visits_of[t].push_back(&visit);
  }
  std::string out;
  Reserve(out, PickCount(selection), with_inspectors ? 160 : 128);
  if (with_inspectors) {
    Row(out, {"task", "task_name", "lead", "uscc", "name", "inspectors"});
  } else {
    Row(out, {"task", "task_name", "lead", "uscc", "name"});
  }
  for (std::size_t t = 0; t < selection.tasks.size(); ++t) {
    const TaskDraw& draw = selection.tasks[t];
    std::string prefix = RowStart({draw.task->id, draw.task->name, draw.task->lead});
    for (const Visit* visit : visits_of[t]) {
      out += prefix;
      emit::AppendCsvField(out, visit->uscc);
      out += ',';
      emit::AppendCsvField(out, visit->name);
      if (with_inspectors) {
        out += ',';
        AppendTeam(out, directory, *visit);
      }
      out += "\r\n";
    }
  }
  return out;
}

DrawResult::Counts Count(const Selection& selection, const std::vector<Visit>& visits) {
  DrawResult::Counts counts;
  counts.draws = PickCount(selection);
  std::set<std::size_t> inspectors;
  for (std::size_t i = 0; i < visits.size(); ++i) {
    // Visits are in uscc order, and every enterprise drawn has one.
    counts.enterprises += i == 0 || visits[i].uscc != visits[i - 1].uscc;
    inspectors.insert(visits[i].team.begin(), visits[i].team.end());
  }
  counts.inspectors = inspectors.size();
  return counts;
}

// `digests` are those of result.files, in order.
std::string ManifestJson(const DrawInputs& inputs, const DrawResult& result,
                         const std::vector<std::string>& digests) {
  const Jobs& jobs = *inputs.jobs;
  std::uint64_t draws = result.counts.draws;
  // Records, not lines: a name may hold a line break.
  std::map<std::string, std::uint64_t> rows = {
      {"draws.csv", draws}, {"visits.csv", result.visits.size()}, {"publication.csv", draws}};
  Json files = Json::object();
  for (std::size_t i = 0; i < result.files.size(); ++i) {
    const auto& [name, bytes] = result.files[i];
    Json entry{{"sha256", digests[i]}, {"bytes", bytes.size()}};
    if (rows.count(name)) entry["rows"] = rows[name];
    files[name] = std::move(entry);
  }
  Json conflicts = nullptr;
  if (result.conflicts) {
    conflicts = Json{{"sha256", result.conflicts->sha256},
                     {"rows", result.conflicts->rows},
                     {"encoding", ManifestEncoding(result.conflicts->encoding)}};
  }
  Json out{
      {"schema", "planc/draw-manifest@1"},
      {"algorithm", kAlgorithm},
      {"planc", PLANC_VERSION},
      {"seed", inputs.seed},
      {"commitment", Commitment(inputs.seed)},
      {"plan", Json{{"title", jobs.title}, {"document", jobs.document}, {"year", jobs.year}}},
      {"options", Json{{"publish_inspectors", inputs.options.publish_inspectors}}},
      {"inputs",
       Json{{"jobs", Json{{"sha256", jobs.sha256}}},
            {"registry", Json{{"sha256", result.selection.registry.sha256},
                              {"rows", result.selection.registry.rows},
                              {"active", result.selection.registry.active},
                              {"skipped", result.selection.registry.skipped},
                              {"recounted", result.selection.registry.recounted},
                              {"encoding", ManifestEncoding(result.selection.registry.encoding)}}},
            {"inspectors", Json{{"sha256", result.directory.sha256},
                                {"rows", result.directory.rows},
                                {"encoding", ManifestEncoding(result.directory.encoding)}}},
            {"conflicts", conflicts}}},
      {"outputs", files},
      {"counts", Json{{"tasks", result.selection.tasks.size()},
                      {"groups", jobs.jobs.size()},
                      {"draws", draws},
                      {"enterprises", result.counts.enterprises},
                      {"visits", result.visits.size()},
                      {"inspectors", result.counts.inspectors}}}};
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace

const char* ManifestEncoding(data::Encoding encoding) {
  switch (encoding) {
    case data::Encoding::kGb18030: return "gb18030";
    case data::Encoding::kUtf8:
    case data::Encoding::kAuto: break;
  }
  return "utf-8";
}

std::optional<data::Encoding> ParseManifestEncoding(const std::string& name) {
  if (name == "utf-8") return data::Encoding::kUtf8;
  if (name == "gb18030") return data::Encoding::kGb18030;
  return std::nullopt;
}

std::optional<DrawResult> RunDraw(const DrawInputs& inputs, Diagnostics& diags) {
  const Jobs& jobs = *inputs.jobs;
  SelectOptions select;
  select.encoding = inputs.options.registry_encoding.value_or(inputs.options.encoding);
  select.skip_invalid = inputs.options.skip_invalid;
  select.recount = inputs.options.recount;
  select.progress = inputs.progress;
  select.sha256_read = inputs.registry_sha256_read;
  // The registry's digest is finished on another thread while the visits
  // and tables are made; it is awaited before the manifest, or on the way
  // out of a failed draw.
  select.defer_digest = true;
  std::optional<Selection> selection = Select(jobs, inputs.seed, inputs.registry, select, diags);
  auto fail = [&]() -> std::optional<DrawResult> {
    if (selection) AwaitRegistryDigest(jobs, *selection, select, diags);
    return std::nullopt;
  };
  // The inspector files are read even when the registry failed, so that one
  // run reports the problems of every input.
  DrawResult result;
  std::optional<InspectorDirectory> directory;
  if (selection) {
    directory = ReadInspectors(jobs, *selection, inputs.inspectors,
                               inputs.options.inspectors_encoding.value_or(inputs.options.encoding),
                               diags);
  }
  if (directory && !inputs.conflicts.empty()) {
    std::set<std::string> ids;
    for (const Inspector& inspector : directory->inspectors) ids.insert(inspector.id);
    result.conflicts = data::ScanConflicts(
        inputs.conflicts, ids, inputs.options.conflicts_encoding.value_or(inputs.options.encoding),
        diags);
    if (!result.conflicts) return fail();
  }
  if (!selection || !directory) return fail();
  std::optional<std::vector<Visit>> visits =
      PlanVisits(jobs, *selection, *directory,
                 result.conflicts ? &*result.conflicts : nullptr, inputs.seed, diags);
  if (!visits) return fail();
  result.selection = std::move(*selection);
  result.directory = std::move(*directory);
  result.visits = std::move(*visits);
  result.counts = Count(result.selection, result.visits);
  // The three tables and their digests, built side by side.
  result.files = {{"draws.csv", ""}, {"visits.csv", ""}, {"publication.csv", ""},
                  {"drawjobs.json", jobs.bytes}};
  std::vector<std::string> digests(result.files.size());
  auto build = [&](std::size_t i) {
    std::string& bytes = result.files[i].second;
    if (i == 0) bytes = DrawsCsv(result.selection);
    if (i == 1) bytes = VisitsCsv(result.selection, result.directory, result.visits);
    if (i == 2) {
      bytes = PublicationCsv(result.selection, result.directory, result.visits,
                             inputs.options.publish_inspectors);
    }
    digests[i] = Sha256Hex(bytes);
  };
  // visits.csv, the largest, on one core; the others on another.
  ParallelFor(2, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t share = begin; share < end; ++share) {
      if (share == 0) {
        build(1);
      } else {
        for (std::size_t i : {0, 2, 3}) build(i);
      }
    }
  });
  AwaitRegistryDigest(jobs, result.selection, select, diags);
  std::string manifest = ManifestJson(inputs, result, digests);
  result.files.emplace_back("manifest.json", std::move(manifest));
  return result;
}

}  // namespace planc::draw
