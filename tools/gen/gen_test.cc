#include <gtest/gtest.h>
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "compiler/data/uscc.h"
#include "compiler/diag/engine.h"
#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"
#include "compiler/source/source_file.h"
#include "compiler/util/sha256.h"
#include "tools/gen/conflicts.h"
#include "tools/gen/csv_writer.h"
#include "tools/gen/inspectors.h"
#include "tools/gen/options.h"
#include "tools/gen/plan.h"
#include "tools/gen/registry.h"
#include "tools/gen/tables.h"

namespace planc::gen {
namespace {

// A fresh file name per call, so tests that ctest runs in parallel never share one.
std::string TempPath(const std::string& name) {
  static int counter = 0;
  const testing::TestInfo* test = testing::UnitTest::GetInstance()->current_test_info();
  std::string file = std::string("planc_gen_") + test->test_suite_name() + "_" + test->name() +
                     "_" + std::to_string(counter++) + "_" + name;
  return (std::filesystem::path(testing::TempDir()) / file).string();
}

// The file's bytes; the file is removed.
std::string ReadAll(const std::string& path) {
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(path);
  return bytes;
}

// Writes a registry and returns its bytes.
std::string Registry(uint64_t rows, uint64_t seed, OutputOptions options = {},
                     uint64_t cities = 1) {
  options.path = TempPath("registry_" + std::to_string(seed) + ".csv");
  std::string error;
  EXPECT_TRUE(WriteRegistry(rows, seed, cities, options, error)) << error;
  return ReadAll(options.path);
}

std::string Inspectors(uint64_t count, uint64_t seed) {
  OutputOptions options;
  options.path = TempPath("inspectors.csv");
  std::string error;
  EXPECT_TRUE(WriteInspectors(count, seed, options, error)) << error;
  return ReadAll(options.path);
}

std::string Conflicts(const ConflictOptions& conflicts) {
  OutputOptions options;
  options.path = TempPath("conflicts.csv");
  std::string error;
  EXPECT_TRUE(WriteConflicts(conflicts, options, error)) << error;
  return ReadAll(options.path);
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string Gb18030ToUtf8(const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string in_copy = bytes;
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = in_copy.data();
  std::size_t in_left = in_copy.size();
  char* outp = out.data();
  std::size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &outp, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST(GenRegistry, SameSeedSameBytes) {
  EXPECT_EQ(Registry(2000, 7), Registry(2000, 7));
  EXPECT_EQ(Inspectors(160, 7), Inspectors(160, 7));
  ConflictOptions c{40, 7, 2000, 7, 160, 7};
  EXPECT_EQ(Conflicts(c), Conflicts(c));
}

// The same bytes on every machine and compiler: these hashes were taken with
// GCC and Clang on x86-64. They change, on purpose, only when the tables or
// the generator change; then update them and say so in the commit.
TEST(GenRegistry, PinnedBytes) {
  EXPECT_EQ(Sha256Hex(Registry(1000, 1)),
            "0f9c5ac0f0662f791c5990fbf4d1b3455429129eaa4719f03f915d6c6a7415bf");
  EXPECT_EQ(Sha256Hex(Inspectors(160, 1)),
            "01ac88e79f367567f12e7916668a8540a0cb91f353e76c7619fffbaeed6cf503");
  EXPECT_EQ(Sha256Hex(Conflicts({40, 1, 1000, 1, 160, 1})),
            "9720829b3c7f5cbda565cdbc1fe9c71c7aaabd17b56bbdbe5dbeaf377b318cf6");
}

TEST(GenRegistry, DifferentSeedDifferentBytes) {
  EXPECT_NE(Registry(2000, 7), Registry(2000, 8));
  EXPECT_NE(Inspectors(160, 7), Inspectors(160, 8));
  EXPECT_NE(Conflicts({40, 7, 2000, 7, 160, 7}), Conflicts({40, 8, 2000, 7, 160, 7}));
}

TEST(GenRegistry, RowCountIsRowsPlusHeader) {
  for (uint64_t rows : {0, 1, 12345}) {
    std::vector<std::string> lines = Lines(Registry(rows, 3));
    ASSERT_EQ(lines.size(), rows + 1);
    EXPECT_EQ(lines[0],
              "uscc,name,kind,industry,district,credit,licences,status,tags,registered_on");
  }
}

TEST(GenRegistry, EveryUsccValidAndUnique) {
  RegistryGenerator generator(42);
  RegistryRow row;
  std::unordered_set<std::string> seen;
  int new_style = 0;
  for (uint64_t i = 0; i < 100000; ++i) {
    generator.Generate(i, row);
    ASSERT_EQ(data::CheckUscc(row.uscc), data::UsccProblem::kNone) << row.uscc;
    ASSERT_EQ(row.uscc.substr(0, 1), "9");
    ASSERT_EQ(row.uscc[1], "123"[static_cast<int>(row.kind)]) << row.uscc;
    ASSERT_EQ(row.uscc.substr(2, 6), "350581");
    ASSERT_TRUE(seen.insert(row.uscc).second) << "duplicate " << row.uscc;
    new_style += row.uscc.substr(8, 2) == "MA";
  }
  EXPECT_GT(new_style, 50000);
  EXPECT_LT(new_style, 100000);
}

TEST(GenRegistry, FarRowsAreRegeneratedAlike) {
  RegistryGenerator a(5);
  RegistryGenerator b(5);
  RegistryRow x;
  RegistryRow y;
  a.Generate(9999999, x);
  b.Generate(3, y);
  b.Generate(9999999, y);
  EXPECT_EQ(x.uscc, y.uscc);
  EXPECT_EQ(x.name, y.name);
}

TEST(GenRegistry, CitiesPrefixTheDistrictAndChangeNothingElse) {
  EXPECT_EQ(CityCode(0, 1), "C01");
  EXPECT_EQ(CityCode(9, 10), "C10");
  EXPECT_EQ(CityCode(9, 100), "C010");
  EXPECT_EQ(CityCode(99, 100), "C100");
  EXPECT_EQ(CityCode(6, 1000), "C0007");
  std::vector<std::string> one = Lines(Registry(500, 9));
  std::vector<std::string> seven = Lines(Registry(500, 9, {}, 7));
  ASSERT_EQ(one.size(), seven.size());
  EXPECT_EQ(one[0], seven[0]);
  for (std::size_t i = 1; i < one.size(); ++i) {
    // district is the fifth field; no field before it holds a comma.
    std::size_t at = 0;
    for (int f = 0; f < 4; ++f) at = one[i].find(',', at) + 1;
    std::string code = CityCode((i - 1) % 7, 7);
    ASSERT_EQ(seven[i].substr(0, at), one[i].substr(0, at)) << i;
    ASSERT_EQ(seven[i].substr(at, code.size()), code) << seven[i];
    ASSERT_EQ(seven[i].substr(at + code.size()), one[i].substr(at)) << i;
  }
}

TEST(GenRegistry, Gb18030DecodesToTheUtf8Output) {
  OutputOptions utf8;
  utf8.headers = Language::kChinese;
  OutputOptions gb = utf8;
  gb.encoding = Encoding::kGb18030;
  std::string expected = Registry(30000, 11, utf8);  // several 1 MiB chunks
  std::string encoded = Registry(30000, 11, gb);
  EXPECT_NE(encoded, expected);
  EXPECT_LT(encoded.size(), expected.size());
  EXPECT_EQ(Gb18030ToUtf8(encoded), expected);
}

TEST(GenRegistry, ChineseHeadersDescribeTheSameRows) {
  OutputOptions zh;
  zh.headers = Language::kChinese;
  std::vector<std::string> en_lines = Lines(Registry(500, 9));
  std::vector<std::string> zh_lines = Lines(Registry(500, 9, zh));
  ASSERT_EQ(en_lines.size(), zh_lines.size());
  EXPECT_EQ(zh_lines[0],
            "统一社会信用代码,企业名称,主体类型,行业代码,所属辖区,信用风险分类,许可证,"
            "登记状态,标签,成立日期");
  for (std::size_t i = 1; i < en_lines.size(); ++i) {
    EXPECT_EQ(en_lines[i].substr(0, 19), zh_lines[i].substr(0, 19));
  }
  std::string all = Registry(5000, 9, zh);
  for (std::string_view value : {"企业", "个体工商户", "存续", "年", "/"}) {
    EXPECT_NE(all.find(value), std::string::npos) << value;
  }
}

TEST(GenRegistry, BomAndCrlf) {
  OutputOptions options;
  options.bom = true;
  options.crlf = true;
  std::string text = Registry(100, 1, options);
  ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  std::size_t lf = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    ++lf;
    ASSERT_GT(i, 0u);
    EXPECT_EQ(text[i - 1], '\r');
  }
  EXPECT_EQ(lf, 101u);
}

TEST(GenRegistry, FlagshipPlanTagsAndLicencesAppear) {
  std::string text = Registry(100000, 2024);
  for (std::string_view value : {"工业产品生产许可证",
                                 "食品生产许可",
                                 "食品经营许可",
                                 "医疗器械经营许可",
                                 "电动自行车销售",
                                 "特种设备使用单位",
                                 "加油站",
                                 "重点计量器具使用单位",
                                 "第二类医疗器械经营备案",
                                 "化妆品经营者",
                                 "网络经营者",
                                 "经营异常名录",
                                 ",C18",
                                 ",C17",
                                 ",C19",
                                 ",C13",
                                 ",C14",
                                 ",C15",
                                 ",F52",
                                 ",H62",
                                 ",L725",
                                 ",O80",
                                 ",F5265",
                                 ",cooperative,",
                                 ",revoked,",
                                 ",cancelled,"}) {
    EXPECT_NE(text.find(value), std::string::npos) << value;
  }
}

TEST(GenInspectors, IdsUniqueAndPoolsCovered) {
  std::vector<Inspector> inspectors = GenerateInspectors(160, 1);
  ASSERT_EQ(inspectors.size(), 160u);
  std::unordered_set<std::string> ids;
  for (const Inspector& inspector : inspectors) {
    EXPECT_EQ(inspector.id.size(), 13u);
    EXPECT_EQ(inspector.id.substr(0, 8), "35058120");
    EXPECT_TRUE(ids.insert(inspector.id).second);
  }
  std::string text = Inspectors(160, 1);
  for (std::string_view field :
       {"综合执法", "食品", "产品质量", "特种设备", "计量", "广告", "价格", "网络交易", "医疗器械",
        "化妆品", "知识产权", "价格监督检查股", "湖滨市场监督管理所", "凤里市场监督管理所"}) {
    EXPECT_NE(text.find(field), std::string::npos) << field;
  }
  EXPECT_EQ(Lines(text).size(), 161u);
}

TEST(GenConflicts, PairsExistInTheirFiles) {
  std::string registry = Registry(3000, 4);
  std::string inspectors = Inspectors(160, 5);
  std::vector<std::string> lines = Lines(Conflicts({40, 6, 3000, 4, 160, 5}));
  ASSERT_EQ(lines.size(), 41u);
  EXPECT_EQ(lines[0], "inspector,uscc,reason");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::string id = lines[i].substr(0, 13);
    std::string uscc = lines[i].substr(14, 18);
    EXPECT_NE(inspectors.find("\n" + id + ","), std::string::npos) << id;
    std::size_t at = registry.find("\n" + uscc + ",");
    ASSERT_NE(at, std::string::npos) << uscc;
    std::string row = registry.substr(at + 1, registry.find('\n', at + 1) - at - 1);
    EXPECT_NE(row.find(",active,"), std::string::npos) << row;
  }
}

// The tasks of a plan: its text from the first task on.
std::string Tasks(const std::string& plan) {
  std::size_t at = plan.find("T00001 \"");
  EXPECT_NE(at, std::string::npos);
  return plan.substr(plan.rfind('\n', at) + 1);
}

TEST(GenPlan, SameSeedSameBytes) {
  EXPECT_EQ(GeneratePlan(300, 7), GeneratePlan(300, 7));
  EXPECT_NE(GeneratePlan(300, 7), GeneratePlan(300, 8));
  // Checked with GCC and Clang; changes only with the plan tables or the generator.
  EXPECT_EQ(Sha256Hex(GeneratePlan(100, 1)),
            "87fd46b24b448524533ef2a9a3792687b0a50c3f6e4f982700a63895abd9e136");
}

TEST(GenPlan, FewerTasksArePrefix) {
  std::string small = Tasks(GeneratePlan(50, 3));
  std::string large = Tasks(GeneratePlan(500, 3));
  EXPECT_EQ(large.substr(0, small.size()), small);
}

TEST(GenPlan, ChecksWithoutErrorsOrWarnings) {
  for (uint64_t seed : {1, 2, 2024}) {
    auto file = std::make_shared<SourceFile>("gen.plan", GeneratePlan(600, seed));
    Diagnostics diags;
    std::optional<ast::Plan> tree = Parse(file, diags);
    ASSERT_TRUE(tree);
    std::optional<sema::Plan> plan = Analyze(*tree, file, diags);
    EXPECT_TRUE(plan);
    EXPECT_EQ(diags.errors(), 0u) << "seed " << seed;
    EXPECT_EQ(diags.warnings(), 0u) << "seed " << seed;  // nothing unused
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->tasks.size(), 600u);
  }
}

TEST(GenPlan, CitiesLimitEveryTaskToItsCity) {
  EXPECT_EQ(GeneratePlan(120, 4, 1), GeneratePlan(120, 4));
  std::string text = GeneratePlan(300, 2024, 12);
  auto file = std::make_shared<SourceFile>("gen.plan", text);
  Diagnostics diags;
  std::optional<ast::Plan> tree = Parse(file, diags);
  ASSERT_TRUE(tree);
  std::optional<sema::Plan> plan = Analyze(*tree, file, diags);
  ASSERT_TRUE(plan);
  EXPECT_EQ(diags.errors(), 0u);
  EXPECT_EQ(diags.warnings(), 0u);  // nothing unused: no one-city district scope
  ASSERT_EQ(plan->tasks.size(), 300u);
  for (std::size_t i = 0; i < plan->tasks.size(); ++i) {
    const sema::Task& task = plan->tasks[i];
    std::string code = CityCode(i % 12, 12);
    EXPECT_EQ(task.name.substr(0, code.size()), code) << task.name;
    // Besides its name, its targets name the city: its scope or a district's.
    std::size_t from = text.find("\"" + task.name + "\"");
    ASSERT_NE(from, std::string::npos) << task.name;
    std::string block = text.substr(from, text.find("\n}\n", from) - from);
    std::size_t names = 0;
    for (std::size_t at = block.find(code); at != std::string::npos; at = block.find(code, at + 1)) {
      ++names;
    }
    EXPECT_EQ(names, 2u) << block;
  }
  EXPECT_NE(text.find("scope C03辖区 = district.startsWith(\"C03\")"), std::string::npos);
  EXPECT_NE(text.find("district == \"C"), std::string::npos);  // a city's district
  EXPECT_EQ(text.find("scope 湖滨辖区"), std::string::npos);
}

TEST(GenPlan, UsesEveryForm) {
  std::string text = GeneratePlan(1000, 2024);
  for (std::string_view form : {"by credit { A: ",
                                "按信用 { A: ",
                                " min ",
                                "D: 100%",
                                "A: 0%",
                                "sample     10%\n",
                                "sample     10\n",
                                " or ",
                                "merge      never",
                                "method     online",
                                "waive credit-",
                                "任务 T",
                                "type random",
                                "organizer province",
                                "with       ",
                                "window     2024-0",
                                "-01 .. 2024-",
                                "inspectors 3 from",
                                "（第2批）",
                                "scope 湖滨辖区",
                                "pool 骨干执法"}) {
    EXPECT_NE(text.find(form), std::string::npos) << form;
  }
}

TEST(GenCsv, QuotesPerRfc4180) {
  EXPECT_EQ(QuoteCsvField("石狮市鑫华服装有限公司"), "石狮市鑫华服装有限公司");
  EXPECT_EQ(QuoteCsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(QuoteCsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(QuoteCsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(QuoteCsvField(""), "");
}

TEST(GenOptions, UsageErrors) {
  auto parse = [](std::vector<const char*> args, std::string& error) {
    args.insert(args.begin(), "planc-gen");
    return ParseOptions(static_cast<int>(args.size()), args.data(), error);
  };
  std::string error;
  EXPECT_FALSE(parse({}, error));
  EXPECT_FALSE(parse({"frobnicate"}, error));
  EXPECT_FALSE(parse({"registry", "--seed", "1", "-o", "x"}, error));
  EXPECT_EQ(error, "missing --rows");
  EXPECT_FALSE(parse({"registry", "--rows", "-3", "--seed", "1", "-o", "x"}, error));
  EXPECT_FALSE(parse({"registry", "--rows", "3", "--seed", "1"}, error));
  EXPECT_FALSE(parse({"registry", "--rows", "3", "--seed", "1", "-o", "x", "--count", "2"}, error));
  EXPECT_FALSE(
      parse({"registry", "--rows", "3", "--seed", "1", "-o", "x", "--encoding", "gb18030", "--bom"},
            error));
  EXPECT_FALSE(parse({"conflicts", "--seed", "1", "--registry", "r.csv", "-o", "x"}, error));
  auto ok = parse({"conflicts", "--seed", "1", "--rows", "10", "-o", "x", "--inspectors-seed", "2",
                   "--headers", "zh", "--crlf"},
                  error);
  ASSERT_TRUE(ok) << error;
  EXPECT_EQ(ok->conflicts.registry_seed, 1u);
  EXPECT_EQ(ok->conflicts.inspectors_seed, 2u);
  EXPECT_EQ(ok->conflicts.count, 40u);
  EXPECT_EQ(ok->output.headers, Language::kChinese);
  EXPECT_TRUE(ok->output.crlf);
  EXPECT_FALSE(parse({"plan", "--seed", "1", "-o", "x"}, error));
  EXPECT_EQ(error, "missing --tasks");
  EXPECT_FALSE(parse({"plan", "--tasks", "0", "--seed", "1", "-o", "x"}, error));
  EXPECT_FALSE(parse({"plan", "--tasks", "100000", "--seed", "1", "-o", "x"}, error));
  EXPECT_FALSE(parse({"plan", "--tasks", "5", "--seed", "1", "-o", "x", "--crlf"}, error));
  auto plan = parse({"plan", "--tasks", "5", "--seed", "1", "-o", "-"}, error);
  ASSERT_TRUE(plan) << error;
  EXPECT_EQ(plan->command, Command::kPlan);
  EXPECT_EQ(plan->tasks, 5u);
}

}  // namespace
}  // namespace planc::gen
