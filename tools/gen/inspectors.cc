#include "tools/gen/inspectors.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <string_view>

#include "tools/gen/random.h"
#include "tools/gen/tables.h"

namespace planc::gen {
namespace {

// Fields of law enforcement (执法领域); every one that a pool of the flagship
// plan tests with `qualifications has` is here.
constexpr std::string_view kQualifications[] = {
    "综合执法", "食品",     "产品质量", "特种设备", "计量",     "广告",
    "价格",     "网络交易", "医疗器械", "化妆品",   "知识产权", "药品",
};
constexpr int kQualificationCount = 12;

constexpr uint32_t Bit(int i) { return uint32_t{1} << i; }

// A unit of the bureau as the inspector directory names it (the full name
// when the plan gives one), how many inspectors it has, and the fields its
// inspectors always hold.
struct Unit {
  std::string_view name;
  uint32_t weight;
  uint32_t fields;
  bool station;
};

constexpr Unit kUnits[] = {
    {"市场规范监管股", 3, Bit(0), false},
    {"信用监管股", 3, Bit(0), false},
    {"食品生产监管股", 4, Bit(1), false},
    {"食品流通监管股", 4, Bit(1), false},
    {"餐饮服务监管股", 4, Bit(1), false},
    {"特种设备安全监察股", 4, Bit(3), false},
    {"产品质量监管股", 4, Bit(2), false},
    {"计量与标准化股", 3, Bit(4), false},
    {"广告监管股", 3, Bit(5), false},
    {"价格监督检查股", 3, Bit(6), false},
    {"网络交易监管股", 3, Bit(7), false},
    {"药品医疗器械化妆品监管股", 4, Bit(8) | Bit(9) | Bit(11), false},
    {"知识产权股", 3, Bit(10), false},
    {"湖滨市场监督管理所", 14, 0, true},
    {"凤里市场监督管理所", 14, 0, true},
    {"灵秀市场监督管理所", 12, 0, true},
    {"宝盖市场监督管理所", 12, 0, true},
    {"蚶江市场监督管理所", 9, 0, true},
    {"祥芝市场监督管理所", 9, 0, true},
    {"鸿山市场监督管理所", 9, 0, true},
    {"永宁市场监督管理所", 10, 0, true},
};
constexpr int kUnitCount = static_cast<int>(std::size(kUnits));

// Chances (per 10000) of each field for station staff, who do a bit of
// everything; division staff hold their own field and sometimes another.
constexpr uint16_t kStationOdds[kQualificationCount] = {8000, 6000, 2000, 1500, 1000, 1500,
                                                        3000, 1000, 1000, 1000, 1500, 800};
constexpr uint16_t kDivisionGeneralOdds = 5000;
constexpr uint16_t kDivisionExtraOdds = 800;

uint32_t PickFields(Rng& rng, const Unit& unit) {
  uint32_t fields = unit.fields;
  for (int i = 0; i < kQualificationCount; ++i) {
    uint16_t odds = unit.station ? kStationOdds[i]
                    : i == 0     ? kDivisionGeneralOdds
                                 : kDivisionExtraOdds;
    if (rng.Chance(odds)) fields |= Bit(i);
  }
  return fields == 0 ? Bit(0) : fields;
}

std::string PickName(Rng& rng) {
  std::string name(Surnames()[SurnameWeights().Pick(rng)]);
  const auto& given = GivenNameCharacters();
  int length = rng.Chance(7000) ? 2 : 1;
  for (int i = 0; i < length; ++i)
    name.append(given[rng.Below(static_cast<uint32_t>(given.size()))]);
  return name;
}

}  // namespace

std::vector<Inspector> GenerateInspectors(uint64_t count, uint64_t seed) {
  static const Weighted kUnitWeights = [] {
    Weighted w;
    for (const Unit& unit : kUnits) w.Add(unit.weight);
    return w;
  }();
  Rng rng(seed, Stream::kInspectors, 0);
  uint32_t max_gap =
      static_cast<uint32_t>(std::clamp<uint64_t>(count == 0 ? 40 : 89000 / count, 1, 40));
  uint32_t number = 10000 + rng.Below(500);
  std::vector<Inspector> inspectors;
  inspectors.reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    Inspector inspector;
    inspector.id = fmt::format("35058120{:05}", number);
    number += 1 + rng.Below(max_gap);
    bool seeded = i < 2 * static_cast<uint64_t>(kUnitCount);
    inspector.unit = seeded ? static_cast<int>(i % kUnitCount) : kUnitWeights.Pick(rng);
    inspector.name = PickName(rng);
    inspector.qualifications = PickFields(rng, kUnits[inspector.unit]);
    inspector.capacity = rng.Chance(1000) ? 0 : 40 + 10 * static_cast<int>(rng.Below(17));
    bool active = rng.Chance(9500);
    inspector.active = seeded || active;
    inspectors.push_back(std::move(inspector));
  }
  return inspectors;
}

bool WriteInspectors(uint64_t count, uint64_t seed, const OutputOptions& options,
                     std::string& error) {
  std::unique_ptr<CsvWriter> out = CsvWriter::Open(options, error);
  if (out == nullptr) return false;
  bool zh = options.headers == Language::kChinese;
  static constexpr std::string_view kEnglish[] = {"id",       "name",  "unit", "qualifications",
                                                  "capacity", "active"};
  static constexpr std::string_view kChinese[] = {"执法证号", "姓名",         "所属单位",
                                                  "执法领域", "年度检查上限", "在岗"};
  for (std::string_view column : zh ? kChinese : kEnglish) out->Field(column);
  out->EndRow();
  std::string fields;
  for (const Inspector& inspector : GenerateInspectors(count, seed)) {
    out->Field(inspector.id);
    out->Field(inspector.name);
    out->Field(kUnits[inspector.unit].name);
    fields.clear();
    for (int i = 0; i < kQualificationCount; ++i) {
      if ((inspector.qualifications & Bit(i)) == 0) continue;
      if (!fields.empty()) fields.push_back(';');
      fields.append(kQualifications[i]);
    }
    out->Field(fields);
    out->Field(inspector.capacity == 0 ? std::string() : fmt::format("{}", inspector.capacity));
    out->Field(inspector.active ? (zh ? "是" : "true") : (zh ? "否" : "false"));
    out->EndRow();
  }
  return out->Finish(error);
}

}  // namespace planc::gen
