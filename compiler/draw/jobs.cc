#include "compiler/draw/jobs.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/draw/json_fields.h"
#include "compiler/draw/prn.h"
#include "compiler/parse/parse.h"
#include "compiler/util/sha256.h"

namespace planc::draw {
namespace {

using Json = nlohmann::json;

bool IsStratumName(const std::string& name) {
  return name == "*" || name == "A" || name == "B" || name == "C" || name == "D" || name == "U";
}

void ReadStratum(JsonFields& in, const Json& json, const std::string& path, StratumJob& s) {
  if (!json.is_object()) {
    in.Problem(path, "must be an object", "应为对象");
    return;
  }
  s.name = in.String(json, path, "stratum");
  if (!s.name.empty() && !IsStratumName(s.name)) {
    in.Problem(JsonFields::Join(path, "stratum"),
               fmt::format("`{}` is not a stratum (A B C D U, or * without credit strata)", s.name),
               fmt::format("`{}` 不是分层（A B C D U，不分信用时为 *）", s.name));
  }
  if (const Json* ratio = in.Field(json, path, "ratio"); ratio && !ratio->is_null()) {
    std::optional<Decimal> value;
    if (ratio->is_string()) value = Decimal::Parse(ratio->get<std::string>());
    if (!value || value->units() < 0 || Decimal(1, 0) < *value) {
      in.Problem(JsonFields::Join(path, "ratio"),
                 "must be a decimal between 0 and 1 as a string (\"0.035\") or null",
                 "应为 0 到 1 之间的小数字符串（\"0.035\"）或 null");
    } else {
      s.ratio = value;
    }
  }
  s.count = in.Count(json, path, "count", true);
  s.min = in.Count(json, path, "min", true);
  if (json.contains("population")) s.population = in.Count(json, path, "population", true);
  if (json.contains("n")) s.n = in.Count(json, path, "n", true);
  if (!s.ratio && !s.count) {
    in.Problem(path, "has neither a ratio nor a count", "既没有比例也没有数量");
  }
}

void ReadTask(JsonFields& in, const Json& json, const std::string& path, TaskJob& t) {
  if (!json.is_object()) {
    in.Problem(path, "must be an object", "应为对象");
    return;
  }
  t.id = in.String(json, path, "id");
  t.name = in.String(json, path, "name");
  t.lead = in.String(json, path, "lead");
  t.items = in.Strings(json, path, "items");
  std::string merge = in.String(json, path, "merge");
  if (merge != "auto" && merge != "never" && !merge.empty()) {
    in.Problem(JsonFields::Join(path, "merge"), "must be \"auto\" or \"never\"",
               "应为 \"auto\" 或 \"never\"");
  }
  t.merge_never = merge == "never";
  t.targets = in.String(json, path, "targets");
  if (const Json* window = in.Field(json, path, "window")) {
    std::string at = JsonFields::Join(path, "window");
    if (!window->is_object()) {
      in.Problem(at, "must be an object with start and end", "应为含 start 与 end 的对象");
    } else {
      std::optional<Date> start = in.DateField(*window, at, "start");
      std::optional<Date> end = in.DateField(*window, at, "end");
      if (start && end && *end < *start) {
        in.Problem(at, "ends before it starts", "结束早于开始");
      }
      if (start) t.start = *start;
      if (end) t.end = *end;
    }
  }
  if (const Json* strata = in.Field(json, path, "strata")) {
    std::string at = JsonFields::Join(path, "strata");
    if (!strata->is_array() || strata->empty()) {
      in.Problem(at, "must be a non-empty list", "应为非空列表");
    } else {
      for (std::size_t i = 0; i < strata->size(); ++i) {
        StratumJob s;
        ReadStratum(in, (*strata)[i], fmt::format("{}[{}]", at, i), s);
        for (const StratumJob& other : t.strata) {
          if (other.name == s.name && !s.name.empty()) {
            in.Problem(at, fmt::format("stratum `{}` is given twice", s.name),
                       fmt::format("分层 `{}` 重复", s.name));
          }
        }
        t.strata.push_back(std::move(s));
      }
      t.by_credit = !(t.strata.size() == 1 && t.strata[0].name == "*");
      for (const StratumJob& s : t.strata) {
        if (t.by_credit && s.name == "*") {
          in.Problem(at, "mixes the stratum * with credit classes", "分层 * 不能与信用分类并用");
        }
      }
    }
  }
  if (const Json* inspectors = in.Field(json, path, "inspectors")) {
    std::string at = JsonFields::Join(path, "inspectors");
    if (!inspectors->is_object()) {
      in.Problem(at, "must be an object", "应为对象");
    } else {
      std::optional<std::uint64_t> per_visit = in.Count(*inspectors, at, "per_visit", false);
      if (per_visit && (*per_visit < 1 || *per_visit > 1000)) {
        in.Problem(JsonFields::Join(at, "per_visit"), "must be between 1 and 1000",
                   "应在 1 到 1000 之间");
      } else if (per_visit) {
        t.per_visit = static_cast<int>(*per_visit);
      }
      t.pool = in.String(*inspectors, at, "pool");
      t.pool_predicate = in.String(*inspectors, at, "predicate");
    }
  }
}

std::optional<Coordination> ParseCoordination(const std::string& text) {
  if (text == "positive") return Coordination::kPositive;
  if (text == "independent") return Coordination::kIndependent;
  if (text == "negative") return Coordination::kNegative;
  return std::nullopt;
}

void ReadNamed(JsonFields& in, const Json& json, const char* key,
               std::map<std::string, std::string>& out) {
  auto it = json.find(key);
  if (it == json.end()) return;  // optional: jobs whose predicates name nothing
  if (!it->is_object()) {
    in.Problem(key, "must be an object of named predicates", "应为命名谓词的对象");
    return;
  }
  for (const auto& [name, value] : it->items()) {
    if (!value.is_string()) {
      in.Problem(fmt::format("{}.{}", key, name), "must be a predicate string", "应为谓词字符串");
      continue;
    }
    out[name] = value.get<std::string>();
  }
}

}  // namespace

std::optional<Jobs> ReadJobs(const std::string& path, Diagnostics& diags) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  if (in) bytes << in.rdbuf();
  if (!in || in.bad()) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, file, {0, 0})
                  .Message("cannot read the draw jobs file", "无法读取抽取任务文件")
                  .Help("pass the drawjobs.json that `planc compile` wrote",
                        "请指定 `planc compile` 生成的 drawjobs.json"));
    return std::nullopt;
  }
  return ParseJobs(path, bytes.str(), diags);
}

std::optional<Jobs> ParseJobs(const std::string& path, std::string bytes, Diagnostics& diags) {
  auto file = std::make_shared<SourceFile>(path, bytes);
  Json json = Json::parse(bytes, nullptr, false);
  if (json.is_discarded()) {
    // Locate the syntax error: parse again to get its byte position.
    std::size_t at = 0;
    try {
      Json again = Json::parse(bytes);
      (void)again;
    } catch (const Json::parse_error& e) {
      at = e.byte > 0 ? e.byte - 1 : 0;
    }
    auto offset = static_cast<std::uint32_t>(std::min(at, bytes.size()));
    diags.Add(DiagBuilder(DiagKind::kJobsInvalid, file, {offset, offset})
                  .Message("the draw jobs file is not JSON", "抽取任务文件不是 JSON")
                  .Help("write it again with `planc compile PLAN -o DIR`",
                        "请用 `planc compile PLAN -o DIR` 重新生成"));
    return std::nullopt;
  }
  JsonFields in(file, diags, DiagKind::kJobsInvalid,
                {"write the jobs again with `planc compile PLAN -o DIR`; draw jobs are not "
                 "edited by hand",
                 "请用 `planc compile PLAN -o DIR` 重新生成；抽取任务文件不应手工编辑"});
  Jobs jobs;
  jobs.path = path;
  if (!json.is_object()) {
    in.Problem("", "the file must hold a JSON object", "文件内容应为 JSON 对象");
    return std::nullopt;
  }
  std::string schema = in.String(json, "", "schema");
  if (!schema.empty() && schema != "planc/drawjobs@1") {
    in.Problem("schema", fmt::format("is `{}`, not planc/drawjobs@1", schema),
               fmt::format("为 `{}`，不是 planc/drawjobs@1", schema));
  }
  std::string algorithm = in.String(json, "", "algorithm");
  if (!algorithm.empty() && algorithm != kAlgorithm) {
    in.Problem("algorithm",
               fmt::format("is `{}`; this planc draws with {} only", algorithm, kAlgorithm),
               fmt::format("为 `{}`；本程序只支持 {}", algorithm, kAlgorithm));
  }
  if (!in.ok()) return std::nullopt;
  if (const Json* plan = in.Field(json, "", "plan"); plan && plan->is_object()) {
    jobs.title = in.String(*plan, "plan", "title");
    jobs.document = in.String(*plan, "plan", "document");
    if (std::optional<std::uint64_t> year = in.Count(*plan, "plan", "year", false)) {
      jobs.year = static_cast<int>(std::min<std::uint64_t>(*year, 9999));
    }
  } else if (plan) {
    in.Problem("plan", "must be an object", "应为对象");
  }
  ReadNamed(in, json, "scopes", jobs.scopes);
  ReadNamed(in, json, "pools", jobs.pools);
  if (auto population = json.find("population");
      population != json.end() && population->is_object()) {
    jobs.population_from = in.String(*population, "population", "from");
    jobs.registry_sha256 = in.String(*population, "population", "registry_sha256");
  }
  const Json* list = in.Field(json, "", "jobs");
  if (list && !list->is_array()) in.Problem("jobs", "must be a list", "应为列表");
  std::map<std::string, std::string> group_of;  // task id -> group
  if (list && list->is_array()) {
    for (std::size_t j = 0; j < list->size(); ++j) {
      std::string path_j = fmt::format("jobs[{}]", j);
      const Json& item = (*list)[j];
      if (!item.is_object()) {
        in.Problem(path_j, "must be an object", "应为对象");
        continue;
      }
      Job job;
      job.group = in.String(item, path_j, "group");
      std::string mode = in.String(item, path_j, "coordination");
      if (std::optional<Coordination> c = ParseCoordination(mode)) {
        job.coordination = *c;
      } else if (!mode.empty()) {
        in.Problem(path_j + ".coordination",
                   fmt::format("`{}` is not positive, independent or negative", mode),
                   fmt::format("`{}` 不是 positive、independent 或 negative", mode));
      }
      if (const Json* tasks = in.Field(item, path_j, "tasks")) {
        if (!tasks->is_array() || tasks->empty()) {
          in.Problem(path_j + ".tasks", "must be a non-empty list", "应为非空列表");
        } else {
          for (std::size_t t = 0; t < tasks->size(); ++t) {
            TaskJob task;
            std::string path_t = fmt::format("{}.tasks[{}]", path_j, t);
            ReadTask(in, (*tasks)[t], path_t, task);
            if (task.id.empty()) continue;
            auto [it, inserted] = group_of.emplace(task.id, job.group);
            if (!inserted) {
              in.Problem(path_t + ".id", fmt::format("task `{}` is in two jobs", task.id),
                         fmt::format("任务 `{}` 出现在两个抽取任务中", task.id));
            }
            job.tasks.push_back(std::move(task));
          }
        }
      }
      std::sort(job.tasks.begin(), job.tasks.end(),
                [](const TaskJob& a, const TaskJob& b) { return a.id < b.id; });
      if (!job.tasks.empty() && job.group != job.tasks.front().id) {
        in.Problem(path_j + ".group",
                   fmt::format("is `{}`, but a group is named by its smallest task id, `{}`",
                               job.group, job.tasks.front().id),
                   fmt::format("为 `{}`，但协同组以最小的任务编号 `{}` 命名", job.group,
                               job.tasks.front().id));
      }
      jobs.jobs.push_back(std::move(job));
    }
  }
  if (!in.ok()) return std::nullopt;
  std::sort(jobs.jobs.begin(), jobs.jobs.end(),
            [](const Job& a, const Job& b) { return a.group < b.group; });
  jobs.sha256 = Sha256Hex(bytes);
  jobs.bytes = std::move(bytes);
  return jobs;
}

PredicateLines ParsePredicateLines(
    const std::string& path, const std::vector<std::pair<std::string, std::string>>& lines,
    Diagnostics& diags) {
  std::string text;
  std::vector<SourceRange> ranges;
  for (const auto& [label, predicate] : lines) {
    text += label;
    auto start = static_cast<std::uint32_t>(text.size());
    text += predicate;
    ranges.push_back({start, static_cast<std::uint32_t>(text.size())});
    text += '\n';
  }
  PredicateLines out;
  out.file = std::make_shared<SourceFile>(path, text);
  for (const SourceRange& range : ranges) {
    out.parsed.push_back(ParseExpression(out.file, range, diags));
    out.ok = out.ok && out.parsed.back().has_value();
  }
  return out;
}

std::uint64_t SampleSize(const StratumJob& stratum, std::uint64_t population) {
  __extension__ using U128 = unsigned __int128;
  std::uint64_t n = 0;
  if (stratum.ratio) {
    U128 scale = 1;
    for (int i = 0; i < stratum.ratio->scale(); ++i) scale *= 10;
    U128 units = static_cast<U128>(stratum.ratio->units());
    U128 product = units * population;
    n = static_cast<std::uint64_t>((product + scale - 1) / scale);  // ceil
    if (stratum.min) n = std::max(n, *stratum.min);
  } else if (stratum.count) {
    n = *stratum.count;
  }
  return std::min(n, population);
}

}  // namespace planc::draw
