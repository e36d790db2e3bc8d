#include "compiler/data/predicate.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/parse/parse.h"

namespace planc::data {
namespace {

// The cache in front of the classifier's tables: a hit is exact, for keys
// that differ only in length, in a zero byte, in a middle byte, or past
// the first 8 bytes;
// longer keys are never cached.
TEST(ShortKeyCacheTest, HitsAreExact) {
  ShortKeyCache cache;
  std::vector<std::string> keys = {"", "a", std::string(1, '\0'), std::string(2, '\0'),
                                   "enterprise", "enterprisf", "12345678", "123456789",
                                   "1234567812345678", "1234567812345679", "abc", "axc",
                                   "abcd", "abce", "abcdefg", "abcxefg", "C1810", "C1811",
                                   "食品经营许可", "食品经营许可证", "食品经营许可;药品",
                                   "特种设备使用单位", "特种设备使用单住",
                                   std::string(32, 'y'), std::string(31, 'y'),
                                   std::string(16, 'z') + std::string(16, 'y'),
                                   std::string(16, 'z') + "y" + std::string(15, 'z')};
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
      std::uint32_t found = cache.Find(keys[i]);
      if (found == ShortKeyCache::kMiss) {
        cache.Put(keys[i], static_cast<std::uint32_t>(i));
      } else {
        EXPECT_EQ(found, i) << i;  // never another key's value
      }
    }
  }
  std::string long_key(33, 'x');
  EXPECT_EQ(cache.Find(long_key), ShortKeyCache::kMiss);
  cache.Put(long_key, 9);  // not cached
  EXPECT_EQ(cache.Find(long_key), ShortKeyCache::kMiss);
  // Many keys in 1,024 slots: the last value put for a key is found or nothing.
  for (std::uint32_t i = 0; i < 20000; ++i) {
    std::string key = "k" + std::to_string(i);
    if (cache.Find(key) == ShortKeyCache::kMiss) cache.Put(key, i);
  }
  for (std::uint32_t i = 0; i < 20000; ++i) {
    std::string key = "k" + std::to_string(i);
    std::uint32_t found = cache.Find(key);
    EXPECT_TRUE(found == ShortKeyCache::kMiss || found == i) << key;
  }
}

TEST(GlobMatchTest, StarMatchesAnyRun) {
  EXPECT_TRUE(GlobMatch("C1811", "C18*"));
  EXPECT_TRUE(GlobMatch("C18", "C18*"));
  EXPECT_FALSE(GlobMatch("C1711", "C18*"));
  EXPECT_TRUE(GlobMatch("F5292", "*92"));
  EXPECT_TRUE(GlobMatch("F5292", "F*9*"));
  EXPECT_FALSE(GlobMatch("F5292", "F*8*"));
  EXPECT_TRUE(GlobMatch("", "*"));
  EXPECT_FALSE(GlobMatch("", "?"));
  EXPECT_TRUE(GlobMatch("石狮市服装有限公司", "石狮市*公司"));
  EXPECT_FALSE(GlobMatch("石狮市服装有限公司", "晋江*"));
  EXPECT_TRUE(GlobMatch("aaa", "a*a*a"));
  EXPECT_FALSE(GlobMatch("aa", "a*a*a"));
}

TEST(ListHasTest, ItemsAreTrimmedAndWhole) {
  EXPECT_TRUE(ListHas("食品经营许可;工业产品生产许可证", "工业产品生产许可证"));
  EXPECT_TRUE(ListHas(" 食品经营许可 ; 药品经营许可证", "食品经营许可"));
  EXPECT_FALSE(ListHas("食品经营许可证", "食品经营许可"));
  EXPECT_FALSE(ListHas("", "食品经营许可"));
  EXPECT_TRUE(ListHas("a;;b", ""));
}

// Compiles predicates against a registry header and evaluates them on rows.
class RowPredicatesTest : public testing::Test {
 protected:
  RowPredicatesTest() {
    for (const ColumnSpec& column : RegistrySpec().columns) {
      header_.names.emplace_back(column.name);
      header_.column_to_field.push_back(static_cast<int>(header_.names.size()) - 1);
    }
    header_.names.emplace_back("网格");  // an extra column of the bureau's export
    header_.column_to_field.push_back(static_cast<int>(header_.names.size()) - 1);
  }

  const expr::Expr& Parse(const std::string& text) {
    auto file = std::make_shared<SourceFile>("p.plan", text);
    files_.push_back(file);
    auto e = ParseExpression(file, {0, static_cast<std::uint32_t>(text.size())}, diags_);
    EXPECT_TRUE(e.has_value()) << text;
    exprs_.push_back(std::make_unique<expr::Expr>(e.value_or(expr::Expr())));
    return *exprs_.back();
  }

  // A row: uscc name kind industry district credit licences status tags registered_on 网格
  Row MakeRow(std::vector<std::string> values) {
    storage_.push_back(std::move(values));
    Row row;
    for (const std::string& v : storage_.back()) row.values.emplace_back(v);
    return row;
  }

  Header header_;
  Diagnostics diags_;
  std::vector<SourcePtr> files_;
  std::vector<std::unique_ptr<expr::Expr>> exprs_;
  std::vector<std::vector<std::string>> storage_;
};

TEST_F(RowPredicatesTest, EvaluatesEveryOperatorOnARow) {
  auto plan_file = std::make_shared<SourceFile>("p.plan", "");
  RowPredicates p(header_, RegistrySpec(), plan_file, diags_);
  p.AddNamed("企业", Parse("kind == \"enterprise\""));
  int food = p.Add(Parse("企业 and licences has \"食品经营许可\" and industry.startsWith(\"F52\")"));
  int garment = p.Add(Parse("industry.matches(\"C18*\") or industry.matches(\"C17*\")"));
  int risky = p.Add(Parse("credit in [\"C\", \"D\"]"));
  int old = p.Add(Parse("registered_on <= 2023-12-31"));
  int grid = p.Add(Parse("网格 == \"湖滨一网格\""));
  int negated = p.Add(Parse("not (tags has \"网络经营者\")"));
  int cond = p.Add(Parse("credit == \"A\" ? industry.startsWith(\"C\") : true"));
  ASSERT_TRUE(diags_.empty());

  Row shop = MakeRow({"X", "甲", "enterprise", "F5221", "湖滨街道", "C", "食品经营许可", "active",
                      "网络经营者", "2024-01-05", "湖滨一网格"});
  p.SetRow(shop);
  EXPECT_TRUE(p.Eval(food));
  EXPECT_FALSE(p.Eval(garment));
  EXPECT_TRUE(p.Eval(risky));
  EXPECT_FALSE(p.Eval(old));
  EXPECT_TRUE(p.Eval(grid));
  EXPECT_FALSE(p.Eval(negated));
  EXPECT_TRUE(p.Eval(cond));

  Row factory = MakeRow({"Y", "乙", "individual", "C1811", "灵秀镇", "A", "", "active", "",
                         "2015-03-02", ""});
  p.SetRow(factory);
  EXPECT_FALSE(p.Eval(food)) << "a named scope is evaluated afresh for each row";
  EXPECT_TRUE(p.Eval(garment));
  EXPECT_FALSE(p.Eval(risky));
  EXPECT_TRUE(p.Eval(old));
  EXPECT_FALSE(p.Eval(grid));
  EXPECT_TRUE(p.Eval(negated));
  EXPECT_TRUE(p.Eval(cond));
}

TEST_F(RowPredicatesTest, AColumnTheFileLacksIsReportedAtItsName) {
  header_.column_to_field[8] = -1;  // no `tags` column in this export
  std::string text = "tags has \"网络经营者\" or 片区 == \"x\"";
  auto file = std::make_shared<SourceFile>("p.plan", text);
  RowPredicates p(header_, RegistrySpec(), file, diags_);
  auto e = ParseExpression(file, {0, static_cast<std::uint32_t>(text.size())}, diags_);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(p.Add(*e), -1);
  std::vector<Diagnostic> all = diags_.Sorted();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].code, "E0112");
  EXPECT_EQ(all[0].primary->range.begin, 0u);
  EXPECT_EQ(all[1].code, "E0112");
  EXPECT_EQ(text.substr(all[1].primary->range.begin,
                        all[1].primary->range.end - all[1].primary->range.begin),
            "片区");
}

TEST_F(RowPredicatesTest, EmptyNumbersCompareAsNothing) {
  Header inspectors;
  for (const ColumnSpec& column : InspectorSpec().columns) {
    inspectors.names.emplace_back(column.name);
    inspectors.column_to_field.push_back(static_cast<int>(inspectors.names.size()) - 1);
  }
  auto plan_file = std::make_shared<SourceFile>("p.plan", "");
  RowPredicates p(inspectors, InspectorSpec(), plan_file, diags_);
  int busy = p.Add(Parse("capacity >= 100"));
  int active = p.Add(Parse("active and unit == \"湖滨所\""));
  Row no_limit = MakeRow({"1", "林", "湖滨所", "食品", "", "true"});
  p.SetRow(no_limit);
  EXPECT_FALSE(p.Eval(busy)) << "no limit is not a number to compare";
  EXPECT_TRUE(p.Eval(active));
  Row limited = MakeRow({"2", "陈", "湖滨所", "食品", "120", "false"});
  p.SetRow(limited);
  EXPECT_TRUE(p.Eval(busy));
  EXPECT_FALSE(p.Eval(active));
}

// Rows drawn from small vocabularies (so combinations repeat, as in a real
// registry), with names and dates that rarely repeat.
std::vector<std::vector<std::string>> VariedRows(std::size_t n) {
  const char* kinds[] = {"enterprise", "individual", "cooperative"};
  const char* industries[] = {"C1811", "C1711", "F5221", "F5265", "H6291", "L7251", "C1952"};
  const char* credits[] = {"A", "B", "C", "D", "U"};
  const char* licences[] = {"", "食品经营许可", "食品经营许可;工业产品生产许可证", "医疗器械经营许可"};
  const char* tags[] = {"", "网络经营者", "加油站", "特种设备使用单位;网络经营者"};
  std::uint64_t state = 2024;
  auto next = [&](std::size_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((state >> 33) % bound);
  };
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < n; ++i) {
    rows.push_back({"X" + std::to_string(i), next(5) == 0 ? "石狮市加油站" + std::to_string(i)
                                                          : "甲" + std::to_string(i),
                    kinds[next(3)], industries[next(7)], "湖滨街道", credits[next(5)],
                    licences[next(4)], "active", tags[next(4)],
                    "20" + std::to_string(10 + next(15)) + "-0" + std::to_string(1 + next(9)) +
                        "-1" + std::to_string(next(10)),
                    next(2) ? "湖滨一网格" : ""});
  }
  return rows;
}

TEST_F(RowPredicatesTest, ClassifierAgreesWithEvaluatingEveryRow) {
  auto plan_file = std::make_shared<SourceFile>("p.plan", "");
  RowPredicates p(header_, RegistrySpec(), plan_file, diags_);
  p.AddNamed("企业", Parse("kind == \"enterprise\""));
  p.AddNamed("新设", Parse("registered_on >= 2020-01-01"));
  std::vector<int> roots = {
      p.Add(Parse("企业 and licences has \"食品经营许可\" and industry.startsWith(\"F52\")")),
      p.Add(Parse("industry.matches(\"C18*\") or industry.matches(\"C17*\")")),
      p.Add(Parse("企业 and 新设")),                       // a leaf on a column not keyed
      p.Add(Parse("name.matches(\"*加油站*\") or tags has \"加油站\"")),
      p.Add(Parse("credit == \"A\" ? industry.startsWith(\"C\") : 新设")),  // one leaf, three columns
      p.Add(Parse("not (网格 == \"湖滨一网格\") and true")),
      p.Add(Parse("企业")),
  };
  ASSERT_TRUE(diags_.empty());
  std::vector<bool> keyed(header_.names.size(), true);
  keyed[0] = keyed[1] = keyed[9] = false;  // uscc, name, registered_on
  RowClassifier classifier(p, roots, keyed);
  std::vector<std::vector<std::string>> rows = VariedRows(3000);
  std::size_t checked = 0;
  for (const std::vector<std::string>& values : rows) {
    Row row = MakeRow(values);
    std::uint32_t outcome = classifier.Classify(row);
    p.SetRow(row);
    for (std::size_t r = 0; r < roots.size(); ++r) {
      ASSERT_EQ(classifier.Holds(outcome, r), p.Eval(roots[r]))
          << "root " << r << " on row " << values[0];
      ++checked;
    }
  }
  EXPECT_EQ(checked, 3000 * roots.size());
  EXPECT_GT(classifier.outcome_count(), 8u) << "the rows should reach many outcomes";
}

TEST_F(RowPredicatesTest, ClassifierStaysRightPastItsLimits) {
  // Past either limit rows are evaluated in full, with the same results.
  auto plan_file = std::make_shared<SourceFile>("p.plan", "");
  RowPredicates p(header_, RegistrySpec(), plan_file, diags_);
  std::vector<int> roots = {p.Add(Parse("name.matches(\"*7\") and district == \"d1\"")),
                            p.Add(Parse("uscc.startsWith(\"X1\")"))};
  ASSERT_TRUE(diags_.empty());
  std::vector<bool> keyed(header_.names.size(), true);
  keyed[0] = false;  // the code: a leaf evaluated on every row
  auto run = [&](std::size_t names, std::size_t rows, std::size_t outcomes) {
    RowClassifier classifier(p, roots, keyed);
    for (std::size_t i = 0; i < rows; ++i) {
      std::string name = "n" + std::to_string(i % names);
      std::string district = "d" + std::to_string(i / names);
      std::string uscc = "X" + std::to_string(i);
      Row row = MakeRow({uscc, name, "enterprise", "", district, "A", "", "active", "", "", ""});
      std::uint32_t outcome = classifier.Classify(row);
      ASSERT_EQ(classifier.Holds(outcome, 0), name.back() == '7' && district == "d1") << i;
      ASSERT_EQ(classifier.Holds(outcome, 1), uscc.rfind("X1", 0) == 0) << i;
    }
    EXPECT_EQ(classifier.outcome_count(), outcomes);
  };
  // Names within kMaxValues, but names and districts in more than kMaxKeys
  // combinations.
  run(RowClassifier::kMaxValues - 100, RowClassifier::kMaxKeys + 20000, 4);
  // More names than kMaxValues.
  // (Codes X1… are all in the first district here.)
  run(RowClassifier::kMaxValues + 5000, 2 * (RowClassifier::kMaxValues + 5000), 3);
}

}  // namespace
}  // namespace planc::data
