#include "tools/gen/registry.h"

#include <array>

#include "compiler/data/uscc.h"
#include "tools/gen/random.h"

namespace planc::gen {
namespace {

constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::string_view kShishi = "350581";  // 石狮市's administrative division

constexpr int kFirstYear = 1995;
constexpr int kLastYear = 2024;     // registrations run to 2024-06-30
constexpr int kLastYearDays = 182;  // 2024-01-01 … 2024-06-30

// A keyed bijection of [0, 2^bits): xor with a key, multiply by an odd
// number and xorshift are each invertible modulo 2^bits.
uint64_t Permute(uint64_t x, int bits, const uint64_t* keys) {
  const uint64_t mask = (uint64_t{1} << bits) - 1;
  for (int round = 0; round < 4; ++round) {
    x = (x ^ keys[2 * round]) & mask;
    x = (x * (keys[2 * round + 1] | 1)) & mask;
    x ^= x >> (bits / 2);
  }
  return x;
}

// Years weighted toward recent ones: the registry holds survivors, and
// registrations have grown; individual businesses churn faster still.
std::array<Weighted, kKindCount> MakeYearWeights() {
  std::array<Weighted, kKindCount> weights;
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    uint32_t age = static_cast<uint32_t>(year - 1990);
    uint32_t square = age * age;
    uint32_t cube = age * age * age / 10;
    if (year == kLastYear) {  // half a year
      square /= 2;
      cube /= 2;
    }
    weights[0].Add(square);
    weights[1].Add(cube);
    weights[2].Add(square);
  }
  return weights;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

Date DateOfYear(int year, int day_of_year) {
  static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month = 0;
  while (true) {
    int days = kMonthDays[month] + (month == 1 && IsLeap(year) ? 1 : 0);
    if (day_of_year < days) break;
    day_of_year -= days;
    ++month;
  }
  return Date{year, month + 1, day_of_year + 1};
}

Date PickDate(Rng& rng, Kind kind) {
  static const std::array<Weighted, kKindCount> years = MakeYearWeights();
  int year = kFirstYear + years[static_cast<int>(kind)].Pick(rng);
  int days = year == kLastYear ? kLastYearDays : (IsLeap(year) ? 366 : 365);
  return DateOfYear(year, static_cast<int>(rng.Below(static_cast<uint32_t>(days))));
}

// Credit classes per kind (A B C D U, per 10000), for entities on the
// abnormal-operation list and for the rest. Enterprises overall come to about
// A 64% · B 25% · C 7.6% · D 1.5% · U 1.9%.
const Weighted& CreditWeights(Kind kind, bool abnormal) {
  static const std::array<Weighted, 2 * kKindCount> weights = {
      Weighted{6632, 2554, 570, 47, 197},   Weighted{0, 1000, 6000, 3000, 0},
      Weighted{4000, 1300, 200, 0, 4500},   Weighted{0, 2000, 6000, 2000, 0},
      Weighted{5000, 3000, 1000, 300, 700}, Weighted{0, 1000, 6000, 3000, 0},
  };
  return weights[2 * static_cast<int>(kind) + (abnormal ? 1 : 0)];
}

// Chance (per 10000) of being on the abnormal-operation list, per kind.
constexpr uint32_t kAbnormalOdds[kKindCount] = {350, 250, 500};

// Individual businesses are small: fewer boilers and lifts, fewer
// instruments under compulsory verification, fewer online shops.
uint32_t TagOdds(const Profile& profile, int tag, Kind kind) {
  uint32_t odds = profile.tag[tag];
  if (kind != Kind::kIndividual) return odds;
  if (tag == 0) return odds * 15 / 100;
  if (tag == 1) return odds * 50 / 100;
  if (tag == 3) return odds * 60 / 100;
  return odds;
}

template <typename T>
std::string_view PickFrom(Rng& rng, const std::vector<T>& items) {
  return items[rng.Below(static_cast<uint32_t>(items.size()))];
}

void AppendList(std::string& out, uint32_t bits, const std::string_view* names, int count) {
  out.clear();
  for (int i = 0; i < count; ++i) {
    if ((bits >> i & 1) == 0) continue;
    if (!out.empty()) out.push_back(';');
    out.append(names[i]);
  }
}

// Appends `value` in decimal, zero-padded to `width` digits.
void AppendNumber(std::string& out, int value, int width) {
  char digits[12];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

// Writes a date by hand: it is on every row, and fmt costs a tenth of the
// generator's time here.
std::string_view FormatDate(const Date& d, DateStyle style, std::string& out) {
  out.clear();
  AppendNumber(out, d.year, 4);
  if (style == DateStyle::kChinese) {
    out.append("年");
    AppendNumber(out, d.month, 1);
    out.append("月");
    AppendNumber(out, d.day, 1);
    out.append("日");
    return out;
  }
  char separator = style == DateStyle::kSlash ? '/' : '-';
  out.push_back(separator);
  AppendNumber(out, d.month, 2);
  out.push_back(separator);
  AppendNumber(out, d.day, 2);
  return out;
}

}  // namespace

RegistryGenerator::RegistryGenerator(uint64_t seed, uint64_t cities)
    : seed_(seed), cities_(cities) {
  Rng rng(seed, Stream::kUsccKeys, 0);
  for (uint64_t& key : keys_) key = rng.Next();
}

void RegistryGenerator::Generate(uint64_t index, RegistryRow& row) const {
  Rng rng(seed_, Stream::kRegistry, index);
  static const Weighted kKinds{550, 430, 20};
  static const Weighted kStatuses{920, 30, 50};
  static const Weighted kDateStyles{5, 3, 2};
  row.kind = static_cast<Kind>(kKinds.Pick(rng));
  row.industry = IndustryWeights(row.kind).Pick(rng);
  row.district = DistrictWeights(row.kind).Pick(rng);
  row.city = cities_ > 1 ? static_cast<int>(index % cities_) : -1;
  row.registered_on = PickDate(rng, row.kind);
  row.status = static_cast<Status>(kStatuses.Pick(rng));
  bool abnormal = rng.Chance(kAbnormalOdds[static_cast<int>(row.kind)]);
  row.credit = static_cast<Credit>(CreditWeights(row.kind, abnormal).Pick(rng));
  const Profile& profile = *Industries()[row.industry].profile;
  row.licences = 0;
  for (int i = 0; i < kLicenceCount; ++i) {
    if (rng.Chance(profile.licence[i])) row.licences |= 1u << i;
  }
  row.tags = abnormal ? 1u << kAbnormalTag : 0;
  for (int i = 0; i < kTagCount - 1; ++i) {
    if (rng.Chance(TagOdds(profile, i, row.kind))) row.tags |= 1u << i;
  }
  MakeName(rng, row);
  row.date_style = static_cast<DateStyle>(kDateStyles.Pick(rng));
  // Codes issued since the 2015 reform (and every individual business's)
  // begin with the registration authorities' "MA" series.
  bool new_style = row.kind == Kind::kIndividual || row.registered_on.year >= 2016;
  MakeUscc(index, new_style, row);
}

void RegistryGenerator::MakeUscc(uint64_t index, bool new_style, RegistryRow& row) const {
  static constexpr char kTypeCode[kKindCount] = {'1', '2', '3'};
  char code[18];
  code[0] = '9';  // registered by market regulation (工商)
  code[1] = kTypeCode[static_cast<int>(row.kind)];
  kShishi.copy(code + 2, kShishi.size());
  // "MA" + 7 symbols from a 34-bit bijection, or 9 symbols from a 44-bit
  // one; 2^44 < 31^9 and its first symbol is at most 'L', so the two forms
  // never meet and every index gets its own code.
  uint64_t body = new_style ? Permute(index, 34, keys_) : Permute(index, 44, keys_);
  int first = new_style ? 10 : 8;
  for (int i = 16; i >= first; --i) {
    code[i] = kUsccAlphabet[body % 31];
    body /= 31;
  }
  if (new_style) {
    code[8] = 'M';
    code[9] = 'A';
  }
  code[17] = *data::UsccCheckCharacter(std::string_view(code, 17));
  row.uscc.assign(code, 18);
}

void RegistryGenerator::MakeName(Rng& rng, RegistryRow& row) const {
  const Industry& industry = Industries()[row.industry];
  const auto& chars = TradeNameCharacters();
  std::string& name = row.name;
  name.clear();
  if (row.kind == Kind::kEnterprise) {
    uint32_t prefix = rng.Below(100);
    name.append(prefix < 93 ? "石狮市" : prefix < 98 ? "福建" : "泉州");
  } else {
    name.append("石狮市");
    if (row.kind == Kind::kIndividual && rng.Chance(5000)) name.append(kDistricts[row.district]);
  }
  name.append(PickFrom(rng, chars));
  name.append(PickFrom(rng, chars));
  switch (row.kind) {
    case Kind::kEnterprise: {
      name.append(PickFrom(rng, industry.firm_words));
      uint32_t form = rng.Below(100);
      name.append(form < 96 ? "有限公司" : form < 99 ? "有限责任公司" : "股份有限公司");
      break;
    }
    case Kind::kIndividual:
      if (industry.shop_words.empty()) {
        name.append(PickFrom(rng, industry.firm_words));
        name.append("经营部");
      } else {
        name.append(PickFrom(rng, industry.shop_words));
      }
      break;
    case Kind::kCooperative:
      name.append(PickFrom(rng, industry.firm_words));
      name.append("专业合作社");
      break;
  }
}

void WriteRegistryHeader(Language language, CsvWriter& out) {
  static constexpr std::string_view kEnglish[] = {
      "uscc",   "name",     "kind",   "industry", "district",
      "credit", "licences", "status", "tags",     "registered_on"};
  static constexpr std::string_view kChinese[] = {
      "统一社会信用代码", "企业名称", "主体类型", "行业代码", "所属辖区",
      "信用风险分类",     "许可证",   "登记状态", "标签",     "成立日期"};
  for (std::string_view column : language == Language::kChinese ? kChinese : kEnglish) {
    out.Field(column);
  }
  out.EndRow();
}

void WriteRegistryRow(const RegistryRow& row, Language language, CsvWriter& out,
                      std::string& scratch, uint64_t cities) {
  static constexpr std::string_view kKinds[2][kKindCount] = {
      {"enterprise", "individual", "cooperative"}, {"企业", "个体工商户", "农民专业合作社"}};
  static constexpr std::string_view kStatuses[2][3] = {{"active", "revoked", "cancelled"},
                                                       {"存续", "吊销", "注销"}};
  static constexpr std::string_view kCredits[] = {"A", "B", "C", "D", ""};
  int zh = language == Language::kChinese ? 1 : 0;
  out.Field(row.uscc);
  out.Field(row.name);
  out.Field(kKinds[zh][static_cast<int>(row.kind)]);
  out.Field(Industries()[row.industry].code);
  if (row.city < 0) {
    out.Field(kDistricts[row.district]);
  } else {
    scratch = CityCode(static_cast<uint64_t>(row.city), cities);
    scratch.append(kDistricts[row.district]);
    out.Field(scratch);
  }
  out.Field(kCredits[static_cast<int>(row.credit)]);
  AppendList(scratch, row.licences, kLicences, kLicenceCount);
  out.Field(scratch);
  out.Field(kStatuses[zh][static_cast<int>(row.status)]);
  AppendList(scratch, row.tags, kTags, kTagCount);
  out.Field(scratch);
  out.Field(FormatDate(row.registered_on, zh ? row.date_style : DateStyle::kIso, scratch));
  out.EndRow();
}

std::string CityCode(uint64_t city, uint64_t cities) {
  std::string digits = std::to_string(city + 1);
  std::size_t width = std::max<std::size_t>(2, std::to_string(cities).size());
  return "C" + std::string(width - std::min(width, digits.size()), '0') + digits;
}

bool WriteRegistry(uint64_t rows, uint64_t seed, uint64_t cities, const OutputOptions& options,
                   std::string& error) {
  std::unique_ptr<CsvWriter> out = CsvWriter::Open(options, error);
  if (out == nullptr) return false;
  WriteRegistryHeader(options.headers, *out);
  RegistryGenerator generator(seed, cities);
  RegistryRow row;
  std::string scratch;
  for (uint64_t index = 0; index < rows; ++index) {
    generator.Generate(index, row);
    WriteRegistryRow(row, options.headers, *out, scratch, cities);
  }
  return out->Finish(error);
}

}  // namespace planc::gen
