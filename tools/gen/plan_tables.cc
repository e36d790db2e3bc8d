#include "tools/gen/plan_tables.h"

namespace planc::gen {

const std::vector<PlanUnit>& PlanUnits() {
  // The divisions and stations of the inspector directory (inspectors.cc),
  // under the short ids examples/shishi-2024/plan.plan gives them.
  static const std::vector<PlanUnit> units = {
      {"市场规范监管股", "", false},
      {"信用监管股", "", false},
      {"食品生产监管股", "", false},
      {"食品流通监管股", "", false},
      {"餐饮服务监管股", "", false},
      {"特种设备安全监察股", "", false},
      {"产品质量监管股", "", false},
      {"计量股", "计量与标准化股", false},
      {"广告监管股", "", false},
      {"价格监督检查股", "", false},
      {"网络交易监管股", "", false},
      {"药械化监管股", "药品医疗器械化妆品监管股", false},
      {"知识产权股", "", false},
      {"湖滨所", "湖滨市场监督管理所", true},
      {"凤里所", "凤里市场监督管理所", true},
      {"灵秀所", "灵秀市场监督管理所", true},
      {"宝盖所", "宝盖市场监督管理所", true},
      {"蚶江所", "蚶江市场监督管理所", true},
      {"祥芝所", "祥芝市场监督管理所", true},
      {"鸿山所", "鸿山市场监督管理所", true},
      {"永宁所", "永宁市场监督管理所", true},
  };
  return units;
}

const std::vector<NamedPredicate>& PlanScopes() {
  // Over the columns planc-gen registry writes (README.md): every licence,
  // tag and industry prefix tested here occurs in its output.
  static const std::vector<NamedPredicate> scopes = {
      {"企业", R"(kind == "enterprise")", ""},
      {"个体工商户", R"(kind == "individual")", ""},
      {"农民专业合作社", R"(kind == "cooperative")", ""},
      {"新设企业", R"(企业 and registered_on >= 2023-01-01)", "企业"},
      {"经营异常企业", R"(企业 and tags has "经营异常名录")", "企业"},
      {"高风险企业", R"(企业 and credit in ["C", "D"])", "企业"},
      {"服装生产企业", R"(企业 and industry.matches("C18*"))", "企业"},
      {"纺织企业", R"(企业 and industry.matches("C17*"))", "企业"},
      {"皮革制鞋企业", R"(企业 and industry.matches("C19*"))", "企业"},
      {"工业产品获证企业", R"(licences has "工业产品生产许可证")", ""},
      {"食品生产企业",
       R"(licences has "食品生产许可" and (industry.startsWith("C13") or industry.startsWith("C14") or industry.startsWith("C15")))",
       ""},
      {"食品销售者", R"(licences has "食品经营许可" and industry.startsWith("F52"))", ""},
      {"餐饮服务提供者", R"(licences has "食品经营许可" and industry.matches("H62*"))", ""},
      {"住宿经营者", R"(industry.startsWith("H61"))", ""},
      {"特种设备使用单位", R"(tags has "特种设备使用单位")", ""},
      {"加油站", R"(tags has "加油站" or industry.startsWith("F5265"))", ""},
      {"计量重点单位", R"(tags has "重点计量器具使用单位" or 加油站)", "加油站"},
      {"医疗器械经营企业", R"(licences has "医疗器械经营许可" or tags has "第二类医疗器械经营备案")", ""},
      {"药品零售企业", R"(licences has "药品经营许可证")", ""},
      {"化妆品经营者", R"(tags has "化妆品经营者")", ""},
      {"美容美发经营者", R"(industry.startsWith("O80"))", ""},
      {"广告经营者", R"(industry.matches("L725*") or tags has "广告经营者")", ""},
      {"明码标价重点经营者",
       R"(industry.startsWith("F52") or industry.startsWith("H") or industry.startsWith("O80"))", ""},
      {"网络经营者", R"(tags has "网络经营者")", ""},
      {"电动自行车销售者", R"(tags has "电动自行车销售")", ""},
      {"服装批发企业", R"(企业 and industry in ["F5131", "F5132", "F5133"])", "企业"},
      {"服装零售经营者", R"(industry.startsWith("F523"))", ""},
      {"水产养殖主体", R"(industry.matches("A04*"))", ""},
      {"物流企业", R"(企业 and industry.startsWith("G5"))", "企业"},
      {"湖滨辖区", R"(district == "湖滨街道")", ""},
      {"凤里辖区", R"(district == "凤里街道")", ""},
      {"灵秀辖区", R"(district == "灵秀镇")", ""},
      {"宝盖辖区", R"(district == "宝盖镇")", ""},
      {"蚶江辖区", R"(district == "蚶江镇")", ""},
      {"祥芝辖区", R"(district == "祥芝镇")", ""},
      {"鸿山辖区", R"(district == "鸿山镇")", ""},
      {"永宁辖区", R"(district == "永宁镇")", ""},
  };
  return scopes;
}

const std::vector<NamedPredicate>& PlanPools() {
  // Over the columns planc-gen inspectors writes: every qualification and
  // unit tested here occurs, and every pool has active members.
  static const std::vector<NamedPredicate> pools = {
      {"综合执法", R"(active and qualifications has "综合执法")", ""},
      {"所队执法", R"(active and unit.matches("*市场监督管理所"))", ""},
      {"骨干执法", R"(active and capacity >= 100 and qualifications has "综合执法")", ""},
      {"食品执法", R"(active and qualifications has "食品")", ""},
      {"质量执法", R"(active and qualifications has "产品质量")", ""},
      {"特设执法", R"(active and qualifications has "特种设备")", ""},
      {"计量执法", R"(active and qualifications has "计量")", ""},
      {"广告执法", R"(active and qualifications has "广告")", ""},
      {"价格执法",
       R"(active and (qualifications has "价格" or unit in ["价格监督检查股", "湖滨市场监督管理所", "凤里市场监督管理所"]))",
       ""},
      {"网监执法", R"(active and qualifications has "网络交易")", ""},
      {"药械化执法", R"(active and (qualifications has "医疗器械" or qualifications has "化妆品"))",
       ""},
      {"药品执法", R"(active and qualifications has "药品")", ""},
      {"知产执法", R"(active and qualifications has "知识产权")", ""},
  };
  return pools;
}

const std::vector<Theme>& PlanThemes() {
  // Weights are relative; the province's and the city's usual yearly tasks,
  // and each station's routine checks of its own area.
  // clang-format off
  static const std::vector<Theme> themes = {
      {"企业公示信息抽查", "企业", "", "信用监管股", "综合执法", "documents, onsite", false, true, 30,
       "企业年度报告公示信息的检查|企业即时公示信息的检查"},
      {"市场主体登记事项检查", "企业", "个体工商户", "市场规范监管股", "所队执法", "onsite", false, true, 30,
       "营业执照（登记证）规范使用情况的检查|名称规范使用情况的检查|经营范围中无需审批的经营项目的检查|住所（经营场所）或驻在场所的检查"},
      {"个体工商户登记事项检查", "个体工商户", "", "市场规范监管股", "所队执法", "onsite", false, true, 20,
       "营业执照规范使用情况的检查|经营场所的检查"},
      {"农民专业合作社年度报告检查", "农民专业合作社", "水产养殖主体", "信用监管股", "综合执法", "documents", false, false, 8,
       "农民专业合作社年度报告公示信息的检查"},
      {"新设立企业登记事项检查", "新设企业", "", "市场规范监管股", "所队执法", "onsite", false, true, 15,
       "住所（经营场所）的检查|登记事项与实际经营情况是否一致的检查"},
      {"经营异常名录企业检查", "经营异常企业", "高风险企业", "信用监管股", "骨干执法", "onsite", false, false, 12,
       "列入经营异常名录原因消除情况的检查|住所（经营场所）的检查"},
      {"高风险企业重点检查", "高风险企业", "经营异常企业", "信用监管股", "骨干执法", "onsite", false, false, 10,
       "企业即时公示信息的检查|登记事项与实际经营情况是否一致的检查"},
      {"服装生产企业产品质量监督检查", "服装生产企业", "纺织企业|皮革制鞋企业", "产品质量监管股", "质量执法", "onsite", false, true, 25,
       "生产者产品质量主体责任落实情况的检查|产品标识标注情况的检查|执行强制性标准情况的检查"},
      {"纺织品生产企业产品质量监督检查", "纺织企业", "服装生产企业", "产品质量监管股", "质量执法", "onsite", false, false, 12,
       "生产者产品质量主体责任落实情况的检查|产品标识标注情况的检查"},
      {"鞋类生产企业产品质量监督检查", "皮革制鞋企业", "服装生产企业", "产品质量监管股", "质量执法", "onsite", false, false, 12,
       "生产者产品质量主体责任落实情况的检查|产品标识标注情况的检查"},
      {"工业产品生产许可证获证企业监督检查", "工业产品获证企业", "", "产品质量监管股", "质量执法", "onsite", true, false, 10,
       "工业产品生产许可证获证企业持续符合许可条件情况的检查|生产许可证标志和编号使用情况的检查"},
      {"食品生产企业监督检查", "食品生产企业", "", "食品生产监管股", "食品执法", "onsite", false, false, 15,
       "生产者资质的检查|生产环境条件的检查|进货查验结果的检查|生产过程控制的检查|标签和说明书的检查"},
      {"定量包装商品净含量计量监督检查", "食品生产企业", "工业产品获证企业", "计量股", "计量执法", "onsite", true, false, 8,
       "定量包装商品净含量的检查|定量包装商品净含量标注的检查"},
      {"食品销售者监督检查", "食品销售者", "餐饮服务提供者", "食品流通监管股", "食品执法", "onsite, documents", false, true, 30,
       "食品经营许可情况的检查|食品安全追溯体系建立及执行情况的检查|进货查验记录的检查"},
      {"餐饮服务提供者监督检查", "餐饮服务提供者", "食品销售者|住宿经营者", "餐饮服务监管股", "食品执法", "onsite", false, true, 25,
       "食品经营许可情况的检查|原料控制（进货查验）情况的检查|加工制作过程的检查|餐饮具清洗消毒情况的检查"},
      {"特种设备使用单位监督检查", "特种设备使用单位", "", "特种设备安全监察股", "特设执法", "onsite", true, true, 20,
       "特种设备使用登记情况的检查|特种设备定期检验情况的检查|特种设备作业人员持证上岗情况的检查"},
      {"加油站计量监督检查", "加油站", "", "计量股", "计量执法", "onsite", true, false, 6,
       "燃油加油机强制检定情况的检查|燃油加油机计量作弊行为的检查"},
      {"重点计量器具使用单位计量监督检查", "计量重点单位", "", "计量股", "计量执法", "onsite", true, false, 12,
       "强制检定工作计量器具检定情况的检查|计量器具使用管理情况的检查"},
      {"医疗器械经营企业监督检查", "医疗器械经营企业", "药品零售企业", "药械化监管股", "药械化执法", "onsite", true, false, 10,
       "医疗器械经营许可（备案）情况的检查|医疗器械经营质量管理规范执行情况的检查"},
      {"药品零售企业监督检查", "药品零售企业", "医疗器械经营企业", "药械化监管股", "药品执法", "onsite", true, false, 10,
       "药品经营许可情况的检查|药品经营质量管理规范执行情况的检查|处方药销售管理情况的检查"},
      {"化妆品经营者监督检查", "化妆品经营者", "美容美发经营者", "药械化监管股", "药械化执法", "onsite", false, false, 12,
       "化妆品经营者进货查验记录制度执行情况的检查|化妆品贮存条件的检查|化妆品标签的检查"},
      {"广告经营者、发布者监督检查", "广告经营者", "", "广告监管股", "广告执法", "onsite, documents", false, false, 12,
       "广告业务承接登记、审核、档案管理制度建立及执行情况的检查|广告内容合法性的检查"},
      {"明码标价和收费行为检查", "明码标价重点经营者", "", "价格监督检查股", "价格执法", "onsite", false, true, 25,
       "明码标价情况的检查|价格收费公示情况的检查"},
      {"网络交易经营者监督检查", "网络经营者", "", "网络交易监管股", "网监执法", "online", false, true, 15,
       "网络经营者主体信息公示情况的检查|网络销售商品和服务信息的检查"},
      {"电动自行车销售者产品质量检查", "电动自行车销售者", "", "产品质量监管股", "质量执法", "onsite", false, false, 10,
       "销售者进货检查验收制度执行情况的检查|强制性产品认证（CCC）标志使用情况的检查"},
      {"服装批发企业商标使用检查", "服装批发企业", "服装零售经营者", "知识产权股", "知产执法", "onsite, documents", false, true, 12,
       "商标使用行为的检查|集体商标、证明商标使用情况的检查"},
      {"服装鞋帽企业商标和专利标识使用检查", "服装生产企业", "皮革制鞋企业", "知识产权股", "知产执法", "onsite, documents", false, true, 12,
       "商标使用行为的检查|专利标识标注行为的检查"},
      {"服装零售经营者产品质量检查", "服装零售经营者", "服装批发企业", "产品质量监管股", "质量执法", "onsite", false, true, 15,
       "销售者进货检查验收制度执行情况的检查|产品标识标注情况的检查"},
      {"企业标准自我声明公开情况检查", "服装生产企业", "纺织企业", "计量股", "计量执法", "documents, onsite", false, true, 8,
       "企业标准自我声明公开情况的检查|产品执行标准明示情况的检查"},
      {"住宿经营者价格行为检查", "住宿经营者", "餐饮服务提供者", "价格监督检查股", "价格执法", "onsite", false, false, 6,
       "明码标价情况的检查|价格欺诈行为的检查"},
      {"美容美发经营者价格行为检查", "美容美发经营者", "化妆品经营者", "价格监督检查股", "价格执法", "onsite", false, true, 6,
       "明码标价情况的检查|预付式消费价格行为的检查"},
      {"食用农产品生产经营主体检查", "水产养殖主体", "农民专业合作社", "食品流通监管股", "食品执法", "onsite", false, false, 6,
       "食用农产品承诺达标合格证开具情况的检查|食用农产品质量安全的检查"},
      {"物流企业计量器具检查", "物流企业", "", "计量股", "计量执法", "onsite", true, false, 5,
       "电子汽车衡强制检定情况的检查|计量器具使用管理情况的检查"},
      {"湖滨辖区市场主体日常监督检查", "湖滨辖区", "", "湖滨所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"凤里辖区市场主体日常监督检查", "凤里辖区", "", "凤里所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"灵秀辖区市场主体日常监督检查", "灵秀辖区", "", "灵秀所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"宝盖辖区市场主体日常监督检查", "宝盖辖区", "", "宝盖所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"蚶江辖区市场主体日常监督检查", "蚶江辖区", "", "蚶江所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"祥芝辖区市场主体日常监督检查", "祥芝辖区", "", "祥芝所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"鸿山辖区市场主体日常监督检查", "鸿山辖区", "", "鸿山所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
      {"永宁辖区市场主体日常监督检查", "永宁辖区", "", "永宁所", "所队执法", "onsite", false, true, 6,
       "营业执照规范使用情况的检查|经营场所的检查|公示信息的检查"},
  };
  // clang-format on
  return themes;
}

const std::vector<CreditLadder>& CreditLadders() {
  // Ratios rise with risk (A lowest, D highest), as 泉市监〔2024〕52号 asks;
  // `0%` leaves a class out, `D: 100%` checks every D unit.
  static const std::vector<CreditLadder> ladders = {
      {{{10}, {30}, {100}, {300}, {30}}, true, false},
      {{{5}, {20}, {50}, {200}, {20}}, true, false},
      {{{20}, {50}, {150}, {500}, {50}}, true, false},
      {{{30}, {50}, {150}, {400}, {50}}, true, false},
      {{{10}, {20}, {50}, {200}, {20}}, true, false},
      {{{5}, {10}, {30}, {100}, {10}}, true, false},
      {{{20}, {35}, {100}, {300}, {35}}, true, false},
      {{{50}, {100}, {300}, {1000}, {100}}, true, false},
      {{{0}, {10}, {100}, {300}, {10}}, true, false},
      {{{10}, {30}, {100}, {300}}, false, false},
      {{{10, 0, 2}, {30}, {100}, {300}, {30}}, true, true},
      {{{10}, {20}, {0, 10}, {0, 5}, {20}}, true, true},
      {{{5, 0, 3}, {10}, {50}, {0, 5}, {10}}, true, true},
  };
  return ladders;
}

}  // namespace planc::gen
