#include "tools/gen/plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "tools/gen/plan_tables.h"
#include "tools/gen/registry.h"
#include "tools/gen/random.h"

namespace planc::gen {
namespace {

constexpr int kYear = 2024;  // registrations in the registry run to mid-2024

// Keywords as a task spells them: most tasks are written in English, a few
// in Chinese (language.md, keyword table).
struct Keywords {
  std::string_view task, type, random, directed, domain, general, professional, organizer, local,
      city, province, lead, with, targets, items, method, sample, by_credit, min, window,
      inspectors, from, merge, never, note, waive, because, onsite, documents, online;
};

// Row by row, the same words in the same order.
// clang-format off
constexpr Keywords kEnglish = {
    "task", "type", "random", "directed", "domain", "general", "professional",
    "organizer", "local", "city", "province", "lead", "with", "targets", "items",
    "method", "sample", "by credit", "min", "window", "inspectors", "from",
    "merge", "never", "note", "waive", "because", "onsite", "documents", "online"};
constexpr Keywords kChinese = {
    "任务", "类型", "不定向", "定向", "领域", "一般", "专业",
    "组织", "本局", "市局", "省局", "牵头", "配合", "对象", "事项",
    "方式", "比例", "按信用", "不少于", "时间", "人员", "从",
    "合并", "不合并", "备注", "豁免", "理由", "实地核查", "书面检查", "网络监测"};
// clang-format on

// Odds (per 10000) and weights of a task's choices.
constexpr uint32_t kChineseOdds = 400;
constexpr uint32_t kPartnerOdds = 2500;  // `targets S or T` when the theme has partners
constexpr uint32_t kRandomTypeOdds = 2500;
constexpr uint32_t kNeverOdds = 200;       // `merge never` besides online tasks
constexpr uint32_t kDayWindowOdds = 1200;  // dates instead of months
constexpr uint32_t kThreeInspectorsOdds = 1500;
constexpr uint32_t kNoUOdds = 2500;  // keep a ladder that leaves class U out

std::vector<std::string_view> Split(std::string_view list, std::string_view separator) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    std::size_t at = list.find(separator);
    out.push_back(list.substr(0, at));
    list = at == std::string_view::npos ? std::string_view() : list.substr(at + separator.size());
  }
  return out;
}

template <typename T>
T PickFrom(Rng& rng, const std::vector<T>& items) {
  return items[rng.Below(static_cast<uint32_t>(items.size()))];
}

// The declarations the tasks name, so the plan declares nothing unused.
struct Used {
  std::set<std::string_view> units, scopes, pools;
  // With --cities: the cities' scopes (C02辖区) and their districts'
  // (C02湖滨辖区), by id, with their predicates.
  std::map<std::string, std::string> city_scopes;
};

constexpr std::string_view kDistrictTest = "district == \"";

// The scope `id` is one district (a station's area).
const NamedPredicate* DistrictScope(std::string_view id) {
  for (const NamedPredicate& scope : PlanScopes()) {
    if (scope.id == id && scope.expr.substr(0, kDistrictTest.size()) == kDistrictTest) {
      return &scope;
    }
  }
  return nullptr;
}

// The targets of a task of `city`: a station's district becomes that city's
// district; anything else is limited to the city.
std::string CityTargets(const std::string& targets, std::string_view theme_scope,
                        const std::string& code, Used& used) {
  if (const NamedPredicate* district = DistrictScope(theme_scope)) {
    std::string id = code + std::string(district->id);
    std::string_view value = district->expr.substr(kDistrictTest.size());
    used.city_scopes[id] = fmt::format("{}{}{}", kDistrictTest, code, value);
    return id;
  }
  std::string id = code + "辖区";
  used.city_scopes[id] = fmt::format("district.startsWith(\"{}\")", code);
  bool compound = targets.find(' ') != std::string::npos;
  return fmt::format(compound ? "({}) and {}" : "{} and {}", targets, id);
}

// A ratio in tenths of a percent as the language writes it: 35 → 3.5%.
std::string Percent(uint16_t tenths) {
  return tenths % 10 == 0 ? fmt::format("{}%", tenths / 10)
                          : fmt::format("{}.{}%", tenths / 10, tenths % 10);
}

std::string Amount(const SampleAmount& amount, const Keywords& kw) {
  std::string text = amount.count != 0 ? fmt::format("{}", amount.count) : Percent(amount.tenths);
  if (amount.min != 0) text += fmt::format(" {} {}", kw.min, amount.min);
  return text;
}

// `by credit { … }` for general tasks; a ratio, `r min k` or a count for
// professional ones, which say why in a waiver (`count` tells which).
std::string Sample(Rng& rng, const Theme& theme, const Keywords& kw, bool& count) {
  count = false;
  if (!theme.professional) {
    const std::vector<CreditLadder>& ladders = CreditLadders();
    auto size = static_cast<uint32_t>(ladders.size());
    // Counts only where strata are large; U left out (a note) only now and then.
    const CreditLadder* ladder = &ladders[rng.Below(size)];
    while ((ladder->counts && !theme.large) || (!ladder->has_u && !rng.Chance(kNoUOdds))) {
      ladder = &ladders[rng.Below(size)];
    }
    std::string text = fmt::format("{} {{ ", kw.by_credit);
    static constexpr std::string_view kClasses[] = {"A", "B", "C", "D", "U"};
    for (int c = 0; c < (ladder->has_u ? 5 : 4); ++c) {
      text +=
          fmt::format("{}{}: {}", c == 0 ? "" : ", ", kClasses[c], Amount(ladder->classes[c], kw));
    }
    return text + " }";
  }
  static const std::vector<uint16_t> kRatios = {50, 80, 100, 150, 200};
  static const std::vector<uint16_t> kMins = {5, 10};
  static const std::vector<uint16_t> kSmallCounts = {5, 8, 10};
  static const std::vector<uint16_t> kLargeCounts = {10, 20, 30};
  switch (rng.Below(3)) {
    case 0:
      return Percent(PickFrom(rng, kRatios));
    case 1:
      return Amount({PickFrom(rng, kRatios), 0, PickFrom(rng, kMins)}, kw);
    default:
      count = true;
      return fmt::format("{}", PickFrom(rng, theme.large ? kLargeCounts : kSmallCounts));
  }
}

// One to four months of the plan year, mostly whole months; the spring and
// autumn campaigns are the busiest.
std::string Window(Rng& rng) {
  static const Weighted kStart{2, 3, 8, 10, 12, 12, 10, 9, 8, 6, 4, 2};
  static const Weighted kLength{2, 4, 4, 2};
  int from = 1 + kStart.Pick(rng);
  int to = std::min(12, from + kLength.Pick(rng));
  if (!rng.Chance(kDayWindowOdds)) {
    return from == to ? fmt::format("{0}-{1:02} .. {0}-{1:02}", kYear, from)
                      : fmt::format("{0}-{1:02} .. {0}-{2:02}", kYear, from, to);
  }
  static const std::vector<int> kStartDays = {1, 5, 10, 15, 20};
  static const std::vector<int> kEndDays = {10, 15, 20, 25, 28};
  int first = PickFrom(rng, kStartDays);
  int last = PickFrom(rng, kEndDays);
  if (from == to && last < first) last = 28;
  return fmt::format("{0}-{1:02}-{2:02} .. {0}-{3:02}-{4:02}", kYear, from, first, to, last);
}

// Appends `  KEYWORD value`, values aligned for English keywords.
void Field(std::string& out, std::string_view keyword, std::string_view value) {
  bool ascii = static_cast<unsigned char>(keyword[0]) < 0x80;
  std::size_t width = ascii ? keyword.size() : keyword.size() / 3 * 2;
  out += "  ";
  out += keyword;
  out.append(width < 10 ? 11 - width : 1, ' ');
  out += value;
  out += '\n';
}

// One task as drawn, before it is written.
struct TaskChoice {
  const Theme* theme = nullptr;
  int batch = 1;  // the task's place among those of its theme (and city)
  std::string city;  // with --cities: C01 …
  const Keywords* kw = &kEnglish;
  std::string targets, with, sample, window;
  bool random = false;
  int organizer = 0;   // local, city, province
  bool count = false;  // a professional task's sample is a count
  int per_visit = 2;
  bool online = false;
  bool never = false;
};

class TaskWriter {
 public:
  TaskWriter(uint64_t seed, uint64_t cities, Used& used)
      : seed_(seed), cities_(cities), used_(used) {
    for (const Theme& theme : PlanThemes()) weights_.Add(theme.weight);
    batches_.resize(PlanThemes().size() * cities);
    for (const PlanUnit& unit : PlanUnits()) {
      if (unit.station) stations_.push_back(unit.id);
    }
  }

  // Appends task `index` (0-based) to `out`.
  void Write(uint64_t index, std::string& out) { Append(index, Choose(index), out); }

 private:
  TaskChoice Choose(uint64_t index);
  std::string With(Rng& rng, const Theme& theme);
  static void Append(uint64_t index, const TaskChoice& c, std::string& out);

  uint64_t seed_;
  uint64_t cities_;
  Used& used_;
  Weighted weights_;
  std::vector<int> batches_;  // tasks so far per theme
  std::vector<std::string_view> stations_;
};

// Up to three stations carry out a division's task with it; a station's own
// task needs none.
std::string TaskWriter::With(Rng& rng, const Theme& theme) {
  std::string text;
  bool station_lead = false;
  for (std::string_view s : stations_) station_lead = station_lead || s == theme.lead;
  if (station_lead) return text;
  uint32_t count = rng.Below(4);
  std::set<std::string_view> picked;
  for (uint32_t i = 0; i < count; ++i) picked.insert(PickFrom(rng, stations_));
  // In the stations' order, as a bureau lists them.
  for (std::string_view s : stations_) {
    if (!picked.count(s)) continue;
    if (!text.empty()) text += ", ";
    text += s;
    used_.units.insert(s);
  }
  return text;
}

// The task's own generator draws everything in a fixed order.
TaskChoice TaskWriter::Choose(uint64_t index) {
  Rng rng(seed_, Stream::kPlan, index);
  TaskChoice c;
  int t = weights_.Pick(rng);
  c.theme = &PlanThemes()[t];
  uint64_t city = index % cities_;
  c.batch = ++batches_[t * cities_ + city];
  if (rng.Chance(kChineseOdds)) c.kw = &kChinese;
  const Theme& theme = *c.theme;
  c.targets = std::string(theme.scope);
  // With cities a station's district is the city's own (CityTargets).
  if (cities_ == 1 || DistrictScope(theme.scope) == nullptr) used_.scopes.insert(theme.scope);
  if (!theme.partners.empty() && rng.Chance(kPartnerOdds)) {
    std::string_view partner = PickFrom(rng, Split(theme.partners, "|"));
    c.targets += fmt::format(" or {}", partner);
    used_.scopes.insert(partner);
  }
  if (cities_ > 1) {
    c.city = CityCode(city, cities_);
    c.targets = CityTargets(c.targets, theme.scope, c.city, used_);
  }
  c.random = rng.Chance(kRandomTypeOdds);
  static const Weighted kOrganizers{60, 30, 10};
  c.organizer = kOrganizers.Pick(rng);
  c.with = With(rng, theme);
  c.sample = Sample(rng, theme, *c.kw, c.count);
  c.window = Window(rng);
  c.per_visit = rng.Chance(kThreeInspectorsOdds) ? 3 : 2;
  c.online = theme.methods == "online";
  c.never = c.online || rng.Chance(kNeverOdds);
  used_.units.insert(theme.lead);
  used_.pools.insert(theme.pool);
  return c;
}

void TaskWriter::Append(uint64_t index, const TaskChoice& c, std::string& out) {
  const Theme& theme = *c.theme;
  const Keywords& kw = *c.kw;
  std::string name(theme.name);
  if (!c.city.empty()) name = c.city + "·" + name;
  if (c.batch > 1) name += fmt::format("（第{}批）", c.batch);
  out += fmt::format("{} T{:05} \"{}\" {{\n", kw.task, index + 1, name);
  std::string_view organizers[] = {kw.local, kw.city, kw.province};
  out += fmt::format("  {} {}  {} {}  {} {}\n", kw.type, c.random ? kw.random : kw.directed,
                     kw.domain, theme.professional ? kw.professional : kw.general, kw.organizer,
                     organizers[c.organizer]);
  Field(out, kw.lead, theme.lead);
  if (!c.with.empty()) Field(out, kw.with, c.with);
  Field(out, kw.targets, c.targets);
  std::string items = "[";
  for (std::string_view item : Split(theme.items, "|")) {
    items += fmt::format("{}\"{}\"", items.size() > 1 ? ", " : "", item);
  }
  Field(out, kw.items, items + "]");
  std::string methods;
  for (std::string_view m : Split(theme.methods, ", ")) {
    std::string_view word = m == "onsite" ? kw.onsite : m == "documents" ? kw.documents : kw.online;
    methods += fmt::format("{}{}", methods.empty() ? "" : ", ", word);
  }
  Field(out, kw.method, methods);
  Field(out, kw.sample, c.sample);
  Field(out, kw.window, c.window);
  Field(out, kw.inspectors, fmt::format("{} {} {}", c.per_visit, kw.from, theme.pool));
  if (c.never) Field(out, kw.merge, kw.never);
  if (c.never && !c.online) {
    Field(out, kw.note, "\"专项执法行动，单独组织实施，不与其他任务合并检查\"");
  } else if (c.organizer == 2) {
    Field(out, kw.note, "\"省局统一抽取检查对象，本局组织实施\"");
  } else if (c.organizer == 1 && c.batch % 3 == 1) {
    Field(out, kw.note, "\"市局统一抽取（市抽县查）\"");
  }
  if (theme.professional) {
    std::string_view reason = c.count            ? "专业领域，按户数抽取"
                              : c.organizer == 2 ? "专业领域，按省局统一比例抽取"
                              : c.organizer == 1 ? "专业领域，按市局统一比例抽取"
                                                 : "专业领域，按风险分级抽取";
    out += fmt::format("  {} credit-differentiated {} \"{}\"\n", kw.waive, kw.because, reason);
  }
  out += "}\n\n";
}

// Scopes name other scopes: declare those too.
void AddUsedScopes(Used& used) {
  used.scopes.insert("企业");  // the base
  bool grew = true;
  while (grew) {
    grew = false;
    for (const NamedPredicate& scope : PlanScopes()) {
      if (used.scopes.count(scope.id) && !scope.uses.empty()) {
        grew = used.scopes.insert(scope.uses).second || grew;
      }
    }
  }
}

std::string Header(uint64_t tasks, uint64_t seed, uint64_t cities, const Used& used) {
  std::string cities_flag = cities > 1 ? fmt::format(" --cities {}", cities) : std::string();
  std::string out = fmt::format(
      "// Generated by `planc-gen plan --tasks {0} --seed {1}{2}` (tools/gen/README.md): a\n"
      "// synthetic plan table of {0} tasks over the columns of `planc-gen registry` and\n"
      "// `planc-gen inspectors`. Made up for tests and benchmarks; no bureau's plan.\n\n",
      tasks, seed, cities_flag);
  out += fmt::format(
      "plan \"石狮市市场监督管理局{0}年“双随机、一公开”抽查工作计划（合成，{1} 项任务）\" {{\n"
      "  authority \"石狮市市场监督管理局\"\n"
      "  document  \"狮市监〔{0}〕{2}号\"\n"
      "  issued    {0}-03-15\n"
      "  year      {0}\n"
      "  base      企业 and registered_on <= {3}-12-31\n"
      "  coordination positive\n"
      "}}\n\n",
      kYear, tasks, 1 + seed % 99, kYear - 1);
  out += "// Divisions (股室) and stations (所)\n";
  for (const PlanUnit& unit : PlanUnits()) {
    if (!used.units.count(unit.id)) continue;
    out += unit.full.empty() ? fmt::format("unit {}\n", unit.id)
                             : fmt::format("unit {} \"{}\"\n", unit.id, unit.full);
  }
  out += "\n// Target populations (检查对象范围), over the registry's columns\n";
  for (const NamedPredicate& scope : PlanScopes()) {
    if (used.scopes.count(scope.id)) out += fmt::format("scope {} = {}\n", scope.id, scope.expr);
  }
  for (const auto& [id, expr] : used.city_scopes) out += fmt::format("scope {} = {}\n", id, expr);
  out += "\n// Inspector pools (执法检查人员), over the inspector directory's columns\n";
  for (const NamedPredicate& pool : PlanPools()) {
    if (used.pools.count(pool.id)) out += fmt::format("pool {} = {}\n", pool.id, pool.expr);
  }
  out += "\n// The plan table (抽查工作计划表): one task per row\n\n";
  return out;
}

}  // namespace

std::string GeneratePlan(uint64_t tasks, uint64_t seed, uint64_t cities) {
  Used used;
  TaskWriter writer(seed, cities, used);
  std::string body;
  for (uint64_t i = 0; i < tasks; ++i) writer.Write(i, body);
  AddUsedScopes(used);
  return Header(tasks, seed, cities, used) + body;
}

bool WritePlan(uint64_t tasks, uint64_t seed, uint64_t cities, const std::string& path,
               std::string& error) {
  std::string text = GeneratePlan(tasks, seed, cities);
  bool to_stdout = path == "-";
  std::FILE* file = to_stdout ? stdout : std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    error = fmt::format("{}: cannot open: {}", path, std::strerror(errno));
    return false;
  }
  bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  ok = (to_stdout ? std::fflush(file) : std::fclose(file)) == 0 && ok;
  if (!ok) error = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
  return ok;
}

}  // namespace planc::gen
