#include "compiler/draw/record.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/draw/prn.h"
#include "compiler/emit/emit.h"
#include "compiler/util/sha256.h"
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

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

std::string DrawsCsv(const Selection& selection) {
  std::string out;
  Row(out, {"task", "group", "stratum", "uscc", "name", "rank", "prn"});
  for (const TaskDraw& draw : selection.tasks) {
    std::vector<const StratumDraw*> strata;
    for (const StratumDraw& s : draw.strata) strata.push_back(&s);
    std::sort(strata.begin(), strata.end(), [](const StratumDraw* a, const StratumDraw* b) {
      return a->job->name < b->job->name;
    });
    for (const StratumDraw* s : strata) {
      for (std::size_t i = 0; i < s->picks.size(); ++i) {
        const Pick& pick = s->picks[i];
        Row(out, {draw.task->id, draw.job->group, s->job->name, pick.uscc, pick.name,
                  std::to_string(i + 1), PrnText(pick.u)});
      }
    }
  }
  return out;
}

std::string Team(const InspectorDirectory& directory, const Visit& visit) {
  std::vector<std::string> ids;
  for (std::size_t i : visit.team) ids.push_back(directory.inspectors[i].id);
  return Joined(ids);
}

std::string VisitsCsv(const Selection& selection, const InspectorDirectory& directory,
                      const std::vector<Visit>& visits) {
  std::string out;
  Row(out, {"visit", "uscc", "name", "tasks", "items", "window_start", "window_end",
            "inspectors"});
  for (const Visit& visit : visits) {
    std::vector<std::string> tasks, items;
    std::set<std::string> seen;
    for (std::size_t t : visit.tasks) {
      const TaskJob& task = *selection.tasks[t].task;
      tasks.push_back(task.id);
      for (const std::string& item : task.items) {
        if (seen.insert(item).second) items.push_back(item);
      }
    }
    Row(out, {visit.id, visit.uscc, visit.name, Joined(tasks), Joined(items),
              visit.start.ToString(), visit.end.ToString(), Team(directory, visit)});
  }
  return out;
}

// The public list (一公开): per task, the enterprises drawn, by uscc.
std::string PublicationCsv(const Selection& selection, const InspectorDirectory& directory,
                           const std::vector<Visit>& visits, bool with_inspectors) {
  // (task index, uscc) -> its visit, for the inspectors column.
  std::map<std::pair<std::size_t, std::string>, const Visit*> visit_of;
  if (with_inspectors) {
    for (const Visit& visit : visits) {
      for (std::size_t t : visit.tasks) visit_of[{t, visit.uscc}] = &visit;
    }
  }
  std::string out;
  if (with_inspectors) {
    Row(out, {"task", "task_name", "lead", "uscc", "name", "inspectors"});
  } else {
    Row(out, {"task", "task_name", "lead", "uscc", "name"});
  }
  for (std::size_t t = 0; t < selection.tasks.size(); ++t) {
    const TaskDraw& draw = selection.tasks[t];
    std::vector<const Pick*> picks;
    for (const StratumDraw& s : draw.strata) {
      for (const Pick& pick : s.picks) picks.push_back(&pick);
    }
    std::sort(picks.begin(), picks.end(),
              [](const Pick* a, const Pick* b) { return a->uscc < b->uscc; });
    for (const Pick* pick : picks) {
      if (with_inspectors) {
        const Visit* visit = visit_of.at({t, pick->uscc});
        Row(out, {draw.task->id, draw.task->name, draw.task->lead, pick->uscc, pick->name,
                  Team(directory, *visit)});
      } else {
        Row(out, {draw.task->id, draw.task->name, draw.task->lead, pick->uscc, pick->name});
      }
    }
  }
  return out;
}

std::string ManifestJson(const DrawInputs& inputs, const DrawResult& result) {
  const Jobs& jobs = *inputs.jobs;
  std::uint64_t draws = 0;
  std::set<std::string> enterprises;
  for (const TaskDraw& draw : result.selection.tasks) {
    for (const StratumDraw& s : draw.strata) {
      draws += s.picks.size();
      for (const Pick& pick : s.picks) enterprises.insert(pick.uscc);
    }
  }
  // Records, not lines: a name may hold a line break.
  std::map<std::string, std::uint64_t> rows = {
      {"draws.csv", draws}, {"visits.csv", result.visits.size()}, {"publication.csv", draws}};
  Json files = Json::object();
  for (const auto& [name, bytes] : result.files) {
    Json entry{{"sha256", Sha256Hex(bytes)}, {"bytes", bytes.size()}};
    if (rows.count(name)) entry["rows"] = rows[name];
    files[name] = std::move(entry);
  }
  Json conflicts = nullptr;
  if (result.conflicts) {
    conflicts = Json{{"sha256", result.conflicts->sha256},
                     {"rows", result.conflicts->rows},
                     {"encoding", ManifestEncoding(result.conflicts->encoding)}};
  }
  std::set<std::size_t> inspectors;
  for (const Visit& visit : result.visits) inspectors.insert(visit.team.begin(), visit.team.end());
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
                      {"enterprises", enterprises.size()},
                      {"visits", result.visits.size()},
                      {"inspectors", inspectors.size()}}}};
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
  std::optional<Selection> selection = Select(jobs, inputs.seed, inputs.registry, select, diags);
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
    if (!result.conflicts) return std::nullopt;
  }
  if (!selection || !directory) return std::nullopt;
  std::optional<std::vector<Visit>> visits =
      PlanVisits(jobs, *selection, *directory,
                 result.conflicts ? &*result.conflicts : nullptr, inputs.seed, diags);
  if (!visits) return std::nullopt;
  result.selection = std::move(*selection);
  result.directory = std::move(*directory);
  result.visits = std::move(*visits);
  result.files.emplace_back("draws.csv", DrawsCsv(result.selection));
  result.files.emplace_back("visits.csv",
                            VisitsCsv(result.selection, result.directory, result.visits));
  result.files.emplace_back("publication.csv",
                            PublicationCsv(result.selection, result.directory, result.visits,
                                           inputs.options.publish_inspectors));
  result.files.emplace_back("drawjobs.json", jobs.bytes);
  result.files.emplace_back("manifest.json", ManifestJson(inputs, result));
  return result;
}

}  // namespace planc::draw
