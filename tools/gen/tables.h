#ifndef PLANC_TOOLS_GEN_TABLES_H_
#define PLANC_TOOLS_GEN_TABLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "tools/gen/random.h"

namespace planc::gen {

// The registry's `kind` column.
enum class Kind : uint8_t { kEnterprise, kIndividual, kCooperative };
inline constexpr int kKindCount = 3;

// Licence types written in the `licences` column, in output order.
inline constexpr std::string_view kLicences[] = {
    "食品生产许可",     "食品经营许可",   "工业产品生产许可证",
    "医疗器械经营许可", "药品经营许可证", "成品油零售经营批准证书",
};
inline constexpr int kLicenceCount = 6;

// Tags written in the `tags` column, in output order. Every tag and licence
// that examples/shishi-2024/plan.plan tests for is among them.
inline constexpr std::string_view kTags[] = {
    "特种设备使用单位", "重点计量器具使用单位", "加油站",
    "网络经营者",       "化妆品经营者",         "第二类医疗器械经营备案",
    "广告经营者",       "电动自行车销售",       "经营异常名录",
};
inline constexpr int kTagCount = 9;
inline constexpr int kAbnormalTag = 8;  // 经营异常名录, drawn with the credit class

// Chances (per 10000) of each licence and tag for one kind of business.
struct Profile {
  uint16_t licence[kLicenceCount];
  uint16_t tag[kTagCount - 1];
};

// One GB/T 4754-2017 industry class and how often each kind of entity has it.
struct Industry {
  std::string_view code;
  uint32_t weight[kKindCount];  // relative, per Kind
  const Profile* profile;
  std::vector<std::string_view> firm_words;  // 石狮市XX<word>有限公司 / 专业合作社
  std::vector<std::string_view> shop_words;  // 石狮市XX<word> for 个体工商户
};

// The industries, with a weighted pick per Kind.
const std::vector<Industry>& Industries();
const Weighted& IndustryWeights(Kind kind);

// Shishi's streets and towns (所属辖区), with a weighted pick per Kind.
inline constexpr std::string_view kDistricts[] = {
    "湖滨街道", "凤里街道", "灵秀镇", "宝盖镇", "蚶江镇", "祥芝镇", "鸿山镇", "永宁镇",
};
const Weighted& DistrictWeights(Kind kind);

// Characters of trade names (字号), two per name.
const std::vector<std::string_view>& TradeNameCharacters();

// Surnames (weighted) and characters of given names, for inspectors.
const std::vector<std::string_view>& Surnames();
const Weighted& SurnameWeights();
const std::vector<std::string_view>& GivenNameCharacters();

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_TABLES_H_
