#include "tools/gen/tables.h"

#include <array>

namespace planc::gen {
namespace {

// Licences: 食品生产 食品经营 工业产品 医疗器械经营 药品经营 成品油.
// Tags: 特种设备 计量 加油站 网络 化妆品 二类医械 广告 电动自行车.
constexpr Profile kApparelMaking{{0, 0, 0, 0, 0, 0}, {900, 300, 0, 1200, 0, 0, 0, 0}};
constexpr Profile kTextileMaking{{0, 0, 150, 0, 0, 0}, {2000, 500, 0, 500, 0, 0, 0, 0}};
constexpr Profile kFoodMaking{{9000, 1500, 0, 0, 0, 0}, {2500, 2000, 0, 800, 0, 0, 0, 0}};
constexpr Profile kLicensedMaking{{0, 0, 6000, 0, 0, 0}, {2000, 500, 0, 300, 0, 0, 0, 0}};
constexpr Profile kOtherMaking{{0, 0, 300, 0, 0, 0}, {1500, 300, 0, 500, 0, 0, 0, 0}};
constexpr Profile kApparelTrade{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 1500, 50, 0, 0, 0}};
constexpr Profile kTrade{{0, 300, 0, 0, 0, 0}, {200, 100, 0, 800, 100, 0, 0, 100}};
constexpr Profile kMedicalTrade{{0, 500, 0, 8000, 1500, 0}, {0, 0, 0, 1000, 500, 5000, 0, 0}};
constexpr Profile kGrocery{{0, 9000, 0, 0, 0, 0}, {1000, 1500, 0, 500, 1000, 500, 0, 200}};
constexpr Profile kFoodShop{{0, 9000, 0, 0, 0, 0}, {0, 1500, 0, 500, 0, 0, 0, 0}};
constexpr Profile kClothesShop{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 600, 100, 0, 0, 0}};
constexpr Profile kCosmeticsShop{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 1500, 9500, 300, 0, 0}};
constexpr Profile kEbikeShop{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 500, 0, 0, 0, 9000}};
constexpr Profile kPharmacy{{0, 4000, 0, 1500, 9500, 0}, {0, 1000, 0, 300, 2500, 7000, 0, 0}};
constexpr Profile kMedicalShop{{0, 0, 0, 6000, 0, 0}, {0, 0, 0, 500, 500, 7000, 0, 0}};
constexpr Profile kFuel{{0, 3000, 0, 0, 0, 9500}, {4000, 10000, 10000, 0, 0, 0, 0, 0}};
constexpr Profile kOnline{{0, 800, 0, 0, 0, 0}, {0, 0, 0, 10000, 800, 100, 500, 0}};
constexpr Profile kCatering{{0, 9200, 0, 0, 0, 0}, {300, 100, 0, 300, 0, 0, 0, 0}};
constexpr Profile kHotel{{0, 3000, 0, 0, 0, 0}, {6000, 200, 0, 500, 0, 0, 0, 0}};
constexpr Profile kAdvertising{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 1500, 0, 0, 8500, 0}};
constexpr Profile kSalon{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 200, 2000, 0, 0, 0}};
constexpr Profile kService{{0, 0, 0, 0, 0, 0}, {300, 100, 0, 300, 0, 0, 300, 0}};
constexpr Profile kLogistics{{0, 0, 0, 0, 0, 0}, {1500, 300, 0, 300, 0, 0, 0, 0}};
constexpr Profile kMetrology{{0, 0, 0, 0, 0, 0}, {300, 5000, 0, 0, 0, 0, 0, 0}};
constexpr Profile kFarming{{0, 0, 0, 0, 0, 0}, {0, 0, 0, 300, 0, 0, 0, 0}};

// One row of the table below; word lists are '|'-separated.
struct Row {
  std::string_view code;
  std::array<uint32_t, kKindCount> weight;
  const Profile* profile;
  std::string_view firm_words;
  std::string_view shop_words;
};

// Weights are in tenths of a percent of each kind; Shishi is a garment city,
// so C18/C17/C19 and apparel trade dominate the enterprises.
// clang-format off
constexpr Row kRows[] = {
    // 纺织服装、服饰业
    {"C1811", {40, 5, 0}, &kApparelMaking, "服装|体育用品|运动服饰", "服装加工厂|运动服装加工场"},
    {"C1819", {95, 25, 0}, &kApparelMaking, "服装|服饰|制衣|时装|实业", "服装加工厂|制衣厂|服装加工场"},
    {"C1821", {30, 5, 0}, &kApparelMaking, "针织服装|服饰|休闲用品", "针织服装加工厂"},
    {"C1829", {25, 5, 0}, &kApparelMaking, "针织|服饰", "针织厂"},
    {"C1830", {25, 8, 0}, &kApparelMaking, "服饰|服装辅料|帽业", "服饰加工厂|辅料加工场"},
    // 纺织业
    {"C1711", {6, 0, 0}, &kTextileMaking, "纺织|纺纱", ""},
    {"C1712", {8, 1, 0}, &kTextileMaking, "织造|纺织", "织布厂"},
    {"C1713", {8, 0, 0}, &kTextileMaking, "印染|染整|漂染", ""},
    {"C1751", {12, 2, 0}, &kTextileMaking, "化纤|织造|纺织", "织造厂"},
    {"C1752", {6, 0, 0}, &kTextileMaking, "染整|印染", ""},
    {"C1761", {10, 3, 0}, &kTextileMaking, "针织|织造", "针织厂"},
    {"C1762", {4, 0, 0}, &kTextileMaking, "印染|染整", ""},
    {"C1783", {4, 1, 0}, &kTextileMaking, "织带|辅料", "织带厂"},
    // 皮革、制鞋
    {"C1951", {25, 4, 0}, &kApparelMaking, "鞋业|鞋服|体育用品", "鞋厂|鞋业加工场"},
    {"C1952", {10, 2, 0}, &kApparelMaking, "鞋业|皮革制品", "皮鞋厂"},
    {"C1953", {8, 1, 0}, &kApparelMaking, "鞋业|鞋材", "鞋材加工厂"},
    {"C1954", {5, 0, 0}, &kApparelMaking, "鞋业|橡胶制品", ""},
    {"C1922", {10, 3, 0}, &kApparelMaking, "箱包|包袋|皮具", "箱包加工厂"},
    // 农副食品加工、食品、饮料
    {"C1361", {6, 1, 0}, &kFoodMaking, "水产|海产品|冷冻食品", "水产品加工厂"},
    {"C1362", {8, 3, 0}, &kFoodMaking, "水产食品|海产品|食品", "海产品加工场|鱼丸加工店"},
    {"C1371", {1, 0, 0}, &kFoodMaking, "食品|农产品", ""},
    {"C1391", {1, 0, 0}, &kFoodMaking, "食品", ""},
    {"C1411", {4, 4, 0}, &kFoodMaking, "食品|烘焙|糕点", "糕点店|面包坊|饼店"},
    {"C1431", {3, 3, 0}, &kFoodMaking, "食品|面业", "面线加工场|米粉加工店"},
    {"C1491", {1, 0, 0}, &kFoodMaking, "生物科技|营养食品", ""},
    {"C1522", {2, 0, 0}, &kFoodMaking, "饮用水|饮品|食品", ""},
    {"C1530", {1, 1, 0}, &kFoodMaking, "茶业|茶叶", "茶叶加工店"},
    // 其他制造
    {"C2231", {6, 1, 0}, &kLicensedMaking, "纸业|包装|纸品", "纸箱加工厂"},
    {"C2319", {5, 1, 0}, &kOtherMaking, "印务|印刷|包装", "印刷店|图文店"},
    {"C2926", {4, 1, 0}, &kLicensedMaking, "塑料制品|包装材料|塑胶", "塑料制品厂"},
    {"C2645", {1, 0, 0}, &kLicensedMaking, "化工|染料", ""},
    {"C3360", {4, 1, 0}, &kOtherMaking, "金属制品|电镀|五金", "五金加工厂"},
    {"C3553", {2, 0, 0}, &kOtherMaking, "机械|缝制设备", ""},
    {"C3831", {2, 0, 0}, &kLicensedMaking, "电线电缆|电工", ""},
    {"C3872", {2, 0, 0}, &kOtherMaking, "照明|灯饰|光电", ""},
    {"C2438", {1, 1, 0}, &kOtherMaking, "珠宝|首饰|工艺品", "首饰加工店"},
    // 批发
    {"F5131", {30, 15, 0}, &kApparelTrade, "纺织品|面料|布业", "布行|面料商行|布料店"},
    {"F5132", {70, 40, 0}, &kApparelTrade, "服装|服饰|贸易|商贸", "服装批发部|服装商行|服饰商行"},
    {"F5133", {15, 10, 0}, &kApparelTrade, "鞋业|鞋服|贸易", "鞋帽批发部|鞋业商行"},
    {"F5174", {10, 5, 0}, &kTrade, "五金|机电|贸易", "五金商行"},
    {"F5181", {30, 0, 0}, &kTrade, "贸易|进出口|国际贸易|商贸", ""},
    {"F5199", {20, 5, 0}, &kTrade, "贸易|商贸|实业", "商行|经营部"},
    {"F5154", {2, 0, 0}, &kMedicalTrade, "医疗器械|医药|医疗科技", ""},
    // 零售
    {"F5211", {15, 30, 0}, &kGrocery, "百货|商贸|商业", "百货店|百货商行|日用品店"},
    {"F5212", {8, 20, 0}, &kGrocery, "超市|商贸|购物广场", "超市|生鲜超市"},
    {"F5213", {3, 40, 0}, &kGrocery, "便利店|商贸", "便利店|小卖部|食杂店"},
    {"F5221", {2, 10, 0}, &kFoodShop, "粮油|贸易", "粮油店|米店"},
    {"F5223", {2, 30, 0}, &kFoodShop, "果蔬|农产品", "水果店|蔬菜店|果蔬店"},
    {"F5224", {2, 30, 0}, &kFoodShop, "水产|冷冻食品|食品", "水产品店|海鲜店|猪肉店|冻品店"},
    {"F5226", {5, 25, 0}, &kFoodShop, "茶业|酒业|贸易", "茶行|茶叶店|烟酒商行|酒行"},
    {"F5229", {3, 20, 0}, &kFoodShop, "食品|贸易", "食品店|零食店|特产店"},
    {"F5231", {5, 20, 0}, &kClothesShop, "纺织品|布业", "布店|床上用品店"},
    {"F5232", {30, 140, 0}, &kClothesShop, "服装|服饰|时装", "服装店|服饰店|童装店|女装店|男装店|时装店"},
    {"F5233", {5, 30, 0}, &kClothesShop, "鞋业|鞋服", "鞋店|鞋帽店"},
    {"F5234", {3, 10, 0}, &kCosmeticsShop, "化妆品|日化|美妆", "化妆品店|美妆店"},
    {"F5238", {4, 10, 0}, &kEbikeShop, "电动车|车业|交通器材", "电动车行|电动车店"},
    {"F5251", {5, 3, 0}, &kPharmacy, "医药|大药房|药业", "药店|大药房"},
    {"F5254", {2, 1, 0}, &kMedicalShop, "医疗器械|医疗科技", "医疗器械店|康复器材店"},
    {"F5265", {1, 0, 0}, &kFuel, "石化|加油站|能源", ""},
    {"F5274", {3, 20, 0}, &kService, "通讯|电子|数码", "通讯店|手机店|数码店"},
    {"F5281", {3, 20, 0}, &kTrade, "五金|建材|机电", "五金店|建材店|水电五金店"},
    {"F5292", {50, 40, 0}, &kOnline, "电子商务|网络科技|电商|供应链", "网店|电子商务商行|网络商行"},
    // 住宿和餐饮
    {"H6210", {15, 30, 0}, &kCatering, "餐饮|酒楼|餐饮管理", "饭店|餐馆|酒楼|海鲜楼|大排档"},
    {"H6220", {5, 30, 0}, &kCatering, "餐饮|餐饮管理|快餐", "快餐店|小吃店|简餐店"},
    {"H6231", {3, 15, 0}, &kCatering, "茶业|茶馆|文化", "茶馆|茶座|茶室"},
    {"H6232", {2, 5, 0}, &kCatering, "咖啡|餐饮", "咖啡店|咖啡馆"},
    {"H6291", {3, 50, 0}, &kCatering, "餐饮|小吃", "小吃店|面线糊店|牛肉店|卤味店|甜品店"},
    {"H6110", {1, 0, 0}, &kHotel, "酒店|大酒店", ""},
    {"H6129", {4, 6, 0}, &kHotel, "酒店|宾馆|酒店管理", "旅馆|宾馆|旅社"},
    // 服务
    {"L7251", {8, 0, 0}, &kAdvertising, "网络科技|广告|文化传媒", ""},
    {"L7259", {20, 3, 0}, &kAdvertising, "广告|文化传媒|传媒|广告设计", "广告店|广告部|图文广告店"},
    {"M7492", {10, 0, 0}, &kService, "服装设计|设计|服饰设计", ""},
    {"I6513", {6, 0, 0}, &kService, "网络科技|信息技术|软件", ""},
    {"O8040", {3, 40, 0}, &kSalon, "美容|美发|形象设计", "理发店|美发店|美容店|美甲店"},
    {"O8030", {1, 5, 0}, &kService, "洗涤|洗染", "干洗店|洗衣店"},
    {"O8111", {3, 15, 0}, &kService, "汽车服务|汽车维修|汽车", "汽车维修店|汽修店|汽车美容店"},
    {"G5431", {10, 10, 0}, &kLogistics, "物流|运输|货运", "货运部|托运部"},
    {"G5821", {8, 0, 0}, &kLogistics, "货运代理|物流|供应链", ""},
    {"K7010", {5, 0, 0}, &kService, "房地产|置业|房地产开发", ""},
    {"M7453", {1, 0, 0}, &kMetrology, "计量检测|检测技术|计量技术", ""},
    // 农业、渔业（合作社多在此）
    {"A0141", {1, 2, 300}, &kFarming, "蔬菜种植|果蔬|农业", "蔬菜种植场|家庭农场"},
    {"A0411", {2, 3, 350}, &kFarming, "水产养殖|海水养殖|紫菜", "水产养殖场|海带养殖场"},
    {"A0421", {2, 5, 200}, &kFarming, "渔业|海洋捕捞", "渔业经营部"},
    {"A0514", {1, 0, 150}, &kFarming, "农产品|农机服务|农业服务", ""},
};
// clang-format on

std::vector<std::string_view> Split(std::string_view words) {
  std::vector<std::string_view> out;
  while (!words.empty()) {
    std::size_t bar = words.find('|');
    out.push_back(words.substr(0, bar));
    words = bar == std::string_view::npos ? std::string_view() : words.substr(bar + 1);
  }
  return out;
}

std::vector<Industry> MakeIndustries() {
  std::vector<Industry> industries;
  for (const Row& row : kRows) {
    industries.push_back(Industry{row.code,
                                  {row.weight[0], row.weight[1], row.weight[2]},
                                  row.profile,
                                  Split(row.firm_words),
                                  Split(row.shop_words)});
  }
  return industries;
}

std::array<Weighted, kKindCount> MakeIndustryWeights() {
  std::array<Weighted, kKindCount> weights;
  for (const Industry& industry : Industries()) {
    for (int k = 0; k < kKindCount; ++k) weights[k].Add(industry.weight[k]);
  }
  return weights;
}

}  // namespace

const std::vector<Industry>& Industries() {
  static const std::vector<Industry> industries = MakeIndustries();
  return industries;
}

const Weighted& IndustryWeights(Kind kind) {
  static const std::array<Weighted, kKindCount> weights = MakeIndustryWeights();
  return weights[static_cast<int>(kind)];
}

const Weighted& DistrictWeights(Kind kind) {
  // 湖滨 凤里 灵秀 宝盖 蚶江 祥芝 鸿山 永宁: shops crowd the two urban
  // streets, factories the towns, cooperatives the coast.
  static const std::array<Weighted, kKindCount> weights = {
      Weighted{14, 15, 17, 16, 9, 8, 10, 11},
      Weighted{18, 19, 14, 12, 9, 8, 9, 11},
      Weighted{1, 1, 5, 5, 20, 25, 18, 25},
  };
  return weights[static_cast<int>(kind)];
}

const std::vector<std::string_view>& TradeNameCharacters() {
  static const std::vector<std::string_view> chars = {
      "鑫", "华", "盛", "达", "兴", "泰", "恒", "源", "金", "利", "隆", "丰", "宏", "昌", "祥",
      "福", "顺", "嘉", "润", "德", "安", "永", "新", "锦", "信", "诚", "富", "佳", "美", "联",
      "中", "伟", "海", "辉", "明", "星", "天", "成", "裕", "荣", "发", "腾", "晟", "豪", "雅",
      "俊", "凯", "森", "博", "瑞", "航", "宇", "晶", "通", "一", "品", "优", "尚", "创", "东",
      "南", "闽", "泉", "狮", "宝", "鸿", "灵", "艺", "龙", "鹏", "飞", "名", "仕", "杰", "力",
      "群", "友", "合", "鼎", "晋", "亿", "万", "千", "百", "汇", "聚", "益", "旺", "贵", "乐",
      "康", "健", "欣", "悦", "思", "远", "志", "卓", "越", "骏", "驰", "逸", "派", "潮", "酷",
      "帅", "丽", "芳", "红", "蓝", "绿", "银", "玉", "和", "正", "大", "太", "平", "吉", "春",
  };
  return chars;
}

const std::vector<std::string_view>& Surnames() {
  static const std::vector<std::string_view> names = {
      "陈", "林", "黄", "蔡", "王", "吴", "李", "张", "许", "郑", "施", "洪", "杨", "邱",   "庄",
      "苏", "刘", "谢", "颜", "柯", "郭", "龚", "姚", "曾", "周", "卢", "高", "傅", "欧阳", "董",
  };
  return names;
}

const Weighted& SurnameWeights() {
  static const Weighted weights = {120, 100, 70, 60, 50, 40, 40, 40, 30, 30, 30, 30, 20, 20, 20,
                                   20,  20,  20, 20, 20, 20, 10, 10, 10, 10, 10, 10, 10, 3,  8};
  return weights;
}

const std::vector<std::string_view>& GivenNameCharacters() {
  static const std::vector<std::string_view> chars = {
      "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛",
      "明", "超", "秀", "霞", "平", "刚", "桂", "文", "辉", "建", "华", "志", "鹏", "婷", "雅",
      "玲", "斌", "宇", "浩", "凯", "晨", "俊", "晓", "燕", "丹", "颖", "慧", "琳", "鸿", "彬",
      "阳", "毅", "峰", "荣", "锋", "清", "振", "跃", "思", "佳", "嘉", "瑜", "铭", "泽", "煌",
  };
  return chars;
}

}  // namespace planc::gen
