// Reading the registry and the inspector directory: header mapping (English
// or Chinese, any order), cell checks and normalisation, and diagnostics
// located at file:line:column with the record as the excerpt.
#include "compiler/data/table.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/engine.h"
#include "tests/unit/data/data_test_support.h"
#include "tests/unit/test_support.h"

namespace planc::data {
namespace {

using test::ColumnOf;
using test::Contains;
using test::Describe;
using test::ScratchDir;

constexpr std::size_t kSniff = 4 << 20;

struct RowCopy {
  std::vector<std::string> values;
  std::uint32_t line = 0;
  bool valid = false;
};

// One diagnostic with its place worked out the way a renderer does.
struct Located {
  std::string code;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string excerpt_line;  // the excerpt's text of that line
  std::string label;
  std::string label_zh;
  std::string message;
  std::string message_zh;
  std::string path;
};

class TableTest : public ::testing::Test {
 protected:
  // Reads a whole file; false when the header was unusable.
  bool Run(const TableSpec& spec, std::string_view bytes, Encoding encoding = Encoding::kAuto) {
    path_ = dir_.Write("t" + std::to_string(files_++) + ".csv", bytes);
    std::string error;
    std::unique_ptr<CsvReader> csv = CsvReader::Open(path_, encoding, &error);
    EXPECT_TRUE(csv) << error;
    if (!csv) return false;
    diags_ = Diagnostics();
    rows_.clear();
    TableReader reader(spec, std::move(csv), diags_);
    bool ok = reader.ReadHeader();
    header_ = reader.header();
    if (!ok) return false;
    Row row;
    bool valid = false;
    while (reader.Next(row, valid)) {
      RowCopy copy;
      for (std::string_view v : row.values) copy.values.emplace_back(v);
      copy.line = row.line;
      copy.valid = valid;
      rows_.push_back(std::move(copy));
    }
    read_error_ = reader.csv().error();
    encoding_ = reader.csv().source().encoding();
    bom_ = reader.csv().source().bom();
    return true;
  }

  std::vector<Located> Diags() const {
    std::vector<Located> out;
    for (const Diagnostic& d : diags_.Sorted()) {
      Located l;
      l.code = d.code;
      l.message = d.message.en;
      l.message_zh = d.message.zh;
      if (d.primary && d.primary->file) {
        const SourceFile& file = *d.primary->file;
        LineCol at = file.Position(d.primary->range.begin);
        l.line = at.line;
        l.column = at.column;
        l.excerpt_line = std::string(file.Line(at.line));
        l.label = d.primary->label.en;
        l.label_zh = d.primary->label.zh;
        l.path = file.path();
      }
      out.push_back(std::move(l));
    }
    return out;
  }

  // The one diagnostic there is; fails when there are more or fewer.
  Located Only(std::string_view code) const {
    std::vector<Located> all = Diags();
    EXPECT_EQ(all.size(), 1u) << Describe(diags_);
    for (const Located& l : all) {
      if (l.code == code) return l;
    }
    ADD_FAILURE() << "no " << code << " in\n" << Describe(diags_);
    return {};
  }

  // The value of a canonical column in row `i`.
  std::string Value(std::size_t i, std::string_view column) const {
    for (std::size_t c = 0; c < header_.names.size(); ++c) {
      if (header_.names[c] == column) return rows_.at(i).values.at(c);
    }
    ADD_FAILURE() << "no column " << column;
    return "<none>";
  }

  ScratchDir dir_;
  int files_ = 0;
  std::string path_;
  Diagnostics diags_;
  Header header_;
  std::vector<RowCopy> rows_;
  std::string read_error_;
  Encoding encoding_ = Encoding::kAuto;
  bool bom_ = false;
};

const std::vector<std::string> kRegistryColumns = {
    "uscc", "name", "kind", "industry", "district", "credit",
    "licences", "status", "tags", "registered_on"};

TEST_F(TableTest, EnglishAndChineseHeadersInAnyOrderMapToTheSameIds) {
  const std::string english =
      "uscc,name,kind,industry,district,credit,licences,status,tags,registered_on\n"
      "91350000158142711F,石狮市某某食品有限公司,企业,C1410,灵秀镇,B,食品生产;食品经营,存续,"
      "重点,2019-03-08\n";
  const std::string chinese =
      "登记状态,企业名称,标签,统一社会信用代码,成立日期,信用风险分类,主体类型,所属辖区,许可证,"
      "行业代码\n"
      "存续,石狮市某某食品有限公司,重点,91350000158142711F,2019-03-08,B,企业,灵秀镇,"
      "食品生产;食品经营,C1410\n";
  const std::string other_aliases =
      " 许可类型 ,管辖单位,名称,USCC,Kind,Credit,STATUS\n"
      "食品生产;食品经营,灵秀镇,石狮市某某食品有限公司,91350000158142711F,enterprise,B,active\n";

  ASSERT_TRUE(Run(RegistrySpec(), english)) << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_TRUE(rows_[0].valid);
  Header english_header = header_;
  std::vector<std::string> english_values = rows_[0].values;
  ASSERT_EQ(english_header.names, kRegistryColumns);

  ASSERT_TRUE(Run(RegistrySpec(), chinese)) << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_TRUE(rows_[0].valid);
  EXPECT_EQ(header_.names, kRegistryColumns);
  EXPECT_EQ(rows_[0].values, english_values);
  EXPECT_EQ(rows_[0].line, 2u);
  // uscc (id 0) is the 4th field, status (id 7) the 1st.
  EXPECT_EQ(header_.column_to_field[0], 3);
  EXPECT_EQ(header_.column_to_field[7], 0);
  EXPECT_EQ(header_.field_to_column[3], 0);
  EXPECT_EQ(header_.fields, 10u);

  ASSERT_TRUE(Run(RegistrySpec(), other_aliases)) << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_EQ(header_.names, kRegistryColumns);
  EXPECT_EQ(Value(0, "licences"), "食品生产;食品经营");
  EXPECT_EQ(Value(0, "district"), "灵秀镇");
  EXPECT_EQ(Value(0, "uscc"), "91350000158142711F");
  EXPECT_EQ(header_.column_to_field[3], -1);  // industry absent
  EXPECT_EQ(Value(0, "industry"), "");
}

TEST_F(TableTest, UnknownColumnsAreKeptByName) {
  ASSERT_TRUE(Run(RegistrySpec(),
                  "uscc,备注,name,kind,credit,status,risk_note\n"
                  "91350000158142711F,冷链,某公司,企业,A,存续,高\n"))
      << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  ASSERT_EQ(header_.names.size(), kRegistryColumns.size() + 2);
  EXPECT_EQ(header_.names[10], "备注");
  EXPECT_EQ(header_.names[11], "risk_note");
  EXPECT_EQ(header_.field_to_column[1], 10);
  EXPECT_EQ(header_.field_to_column[6], 11);
  EXPECT_EQ(header_.column_to_field[10], 1);
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_EQ(rows_[0].values[10], "冷链");
  EXPECT_EQ(rows_[0].values[11], "高");
  EXPECT_TRUE(rows_[0].valid);
}

TEST_F(TableTest, DuplicateColumn) {
  const std::string header = "uscc,name,统一社会信用代码,kind,credit,status";
  EXPECT_FALSE(Run(RegistrySpec(), header + "\n"));
  Located d = Only("E0204");
  EXPECT_EQ(d.line, 1u);
  EXPECT_EQ(d.column, ColumnOf(header, "统一社会信用代码"));
  EXPECT_EQ(d.excerpt_line, header);
  EXPECT_TRUE(Contains(d.message, "`uscc`")) << d.message;
  EXPECT_EQ(d.path, path_);
}

TEST_F(TableTest, MissingRequiredColumnsAreListed) {
  const std::string header = "名称,uscc,credit,industry";
  EXPECT_FALSE(Run(RegistrySpec(), header + "\n91350000158142711F,x,A,C\n"));
  Located d = Only("E0203");
  EXPECT_EQ(d.line, 1u);
  EXPECT_EQ(d.column, 1u);
  EXPECT_TRUE(Contains(d.message, "`kind` (主体类型)")) << d.message;
  EXPECT_TRUE(Contains(d.message, "`status` (登记状态)")) << d.message;
  EXPECT_FALSE(Contains(d.message, "`uscc`")) << d.message;
  EXPECT_FALSE(Contains(d.message, "`name`")) << d.message;
  EXPECT_FALSE(Contains(d.message, "`credit`")) << d.message;
  EXPECT_TRUE(Contains(d.message_zh, "主体类型")) << d.message_zh;

  EXPECT_FALSE(Run(InspectorSpec(), "姓名,unit\n"));
  Located i = Only("E0203");
  EXPECT_TRUE(Contains(i.message, "`id` (执法证号)")) << i.message;
  EXPECT_FALSE(Contains(i.message, "`name`")) << i.message;
}

TEST_F(TableTest, EmptyFileHasNoHeader) {
  EXPECT_FALSE(Run(RegistrySpec(), ""));
  EXPECT_EQ(Only("E0211").path, path_);
  EXPECT_FALSE(Run(InspectorSpec(), "\r\n\n"));
  Only("E0211");
}

TEST_F(TableTest, ValuesAreNormalised) {
  ASSERT_TRUE(Run(RegistrySpec(),
                  "uscc,name,kind,credit,status,registered_on,tags\n"
                  "91350000158142711F,甲,企业,,存续,2024/05/01,\n"
                  "91110000802100433B,乙,个体工商户,未分类,在业,2024年5月1日,a;b\n"
                  "91440300708461136T,丙,农民专业合作社, A ,吊销,2024-05-01,\n"
                  "91350000158142711F,丁,enterprise,D,注销,2024年05月01日,\n"
                  "91350000158142711F,戊, individual ,U,cancelled,,\n"
                  " 91350000158142711F ,己,cooperative,C,revoked,2024/12/31,\n"))
      << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  ASSERT_EQ(rows_.size(), 6u);
  for (const RowCopy& row : rows_) EXPECT_TRUE(row.valid) << row.line;
  const std::vector<std::vector<std::string>> expected = {
      // kind, credit, status, registered_on
      {"enterprise", "U", "active", "2024-05-01"},
      {"individual", "U", "active", "2024-05-01"},
      {"cooperative", "A", "revoked", "2024-05-01"},
      {"enterprise", "D", "cancelled", "2024-05-01"},
      {"individual", "U", "cancelled", ""},
      {"cooperative", "C", "revoked", "2024-12-31"},
  };
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    SCOPED_TRACE("row " + std::to_string(i));
    EXPECT_EQ(Value(i, "kind"), expected[i][0]);
    EXPECT_EQ(Value(i, "credit"), expected[i][1]);
    EXPECT_EQ(Value(i, "status"), expected[i][2]);
    EXPECT_EQ(Value(i, "registered_on"), expected[i][3]);
    EXPECT_EQ(rows_[i].line, i + 2);
  }
  EXPECT_EQ(Value(1, "tags"), "a;b");
  EXPECT_EQ(Value(5, "uscc"), "91350000158142711F");  // trimmed

  ASSERT_TRUE(Run(InspectorSpec(),
                  "执法证号,姓名,所属单位,执法领域,年度检查上限,在岗\n"
                  "A1,王,灵秀所,食品;药品,40,是\n"
                  "A2,林,蚶江所,,,否\n"
                  "A3,陈,宝盖所,特种设备,0,true\n"
                  "A4,黄,宝盖所,特种设备, 7 ,false\n"))
      << Describe(diags_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  ASSERT_EQ(rows_.size(), 4u);
  EXPECT_EQ(Value(0, "active"), "true");
  EXPECT_EQ(Value(1, "active"), "false");
  EXPECT_EQ(Value(2, "active"), "true");
  EXPECT_EQ(Value(3, "active"), "false");
  EXPECT_EQ(Value(0, "capacity"), "40");
  EXPECT_EQ(Value(1, "capacity"), "");
  EXPECT_EQ(Value(3, "capacity"), "7");
  EXPECT_EQ(Value(0, "qualifications"), "食品;药品");
}

// A row with one bad cell, the code it must get, and the text at which the
// diagnostic must point (empty: the start of the record).
struct BadCell {
  std::string row;
  std::string code;
  std::string at;
  std::string label_has = "";
};

class TableCellTest : public TableTest {
 protected:
  void Check(const TableSpec& spec, const std::string& header, const std::string& good_row,
             const std::vector<BadCell>& cases) {
    std::string text = header + "\n" + good_row + "\n";
    for (const BadCell& c : cases) text += c.row + "\n";
    text += good_row + "\n";
    ASSERT_TRUE(Run(spec, text)) << Describe(diags_);
    ASSERT_EQ(rows_.size(), cases.size() + 2);
    EXPECT_TRUE(rows_.front().valid);
    EXPECT_TRUE(rows_.back().valid);
    std::vector<Located> all = Diags();
    EXPECT_EQ(all.size(), cases.size()) << Describe(diags_);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const BadCell& c = cases[i];
      std::uint32_t line = static_cast<std::uint32_t>(i + 3);
      SCOPED_TRACE("line " + std::to_string(line) + ": " + c.row);
      EXPECT_FALSE(rows_[i + 1].valid);
      EXPECT_EQ(rows_[i + 1].line, line);
      std::vector<const Located*> here;
      for (const Located& l : all) {
        if (l.line == line) here.push_back(&l);
      }
      ASSERT_EQ(here.size(), 1u) << Describe(diags_);
      const Located& d = *here[0];
      EXPECT_EQ(d.code, c.code) << d.message;
      EXPECT_EQ(d.column, c.at.empty() ? 1u : ColumnOf(c.row, c.at)) << d.message;
      EXPECT_EQ(d.excerpt_line, c.row);
      EXPECT_EQ(d.path, path_);
      if (!c.label_has.empty()) {
        EXPECT_TRUE(Contains(d.label, c.label_has)) << d.label;
      }
    }
  }
};

TEST_F(TableCellTest, RegistryCells) {
  Check(RegistrySpec(), "uscc,name,kind,credit,status,registered_on",
        "91350000158142711F,石狮某公司,企业,A,存续,2020-01-02",
        {
            {"91350000158142711A,石狮某公司,企业,A,存续,", "E0205", "91350000158142711A",
             "the first 17 give `F`"},
            {"9135000015814271,甲,企业,A,存续,", "E0205", "9135000015814271",
             "16 characters"},
            {"91350000158142711O,甲,企业,A,存续,", "E0205", "91350000158142711O",
             "`O` is not one of"},
            {"91350000158142711F,甲,公司,A,存续,", "E0207", "公司", "enterprise"},
            {"91350000158142711F,甲,企业,E,存续,", "E0207", "E,", "A, B, C, D"},
            {"91350000158142711F,甲,企业,A,正常,", "E0207", "正常", "active"},
            {"91350000158142711F,甲,企业,A,存续,2024-02-30", "E0108", "2024-02-30"},
            {"91350000158142711F,甲,企业,A,存续,2024/5/1x", "E0108", "2024/5/1x"},
            {"91350000158142711F,甲,企业,A,存续,二〇二四年", "E0108", "二〇二四年"},
            {"91350000158142711F,,企业,A,存续,", "E0209", ",企业"},
            {"91350000158142711F,甲,企业,A,,2020-01-01", "E0209", ",2020"},
            {",甲,企业,A,存续,", "E0209", ""},
            {"91350000158142711F,甲,企业,A", "E0202", "", "missing"},
            {"91350000158142711F,甲,企业,A,存续,,多余", "E0202", "多余", "extra"},
        });
  // The bad-check-digit label names the expected character in both languages.
  for (const Located& l : Diags()) {
    if (l.code == "E0205" && Contains(l.label, "first 17")) {
      EXPECT_TRUE(Contains(l.label_zh, "`F`")) << l.label_zh;
    }
  }
}

// An empty field starts right after the comma before it.
TEST_F(TableCellTest, EmptyRequiredValuesPointAtTheEmptyField) {
  const std::string header = "uscc,name,kind,credit,status";
  const std::string row = "91350000158142711F,,企业,A,存续";
  ASSERT_TRUE(Run(RegistrySpec(), header + "\n" + row + "\n"));
  Located d = Only("E0209");
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 20u);  // 18 code points, a comma, then the empty name
  EXPECT_TRUE(Contains(d.message, "`name`")) << d.message;
}

TEST_F(TableCellTest, InspectorCells) {
  Check(InspectorSpec(), "执法证号,姓名,年度检查上限,在岗", "A1,王,40,是",
        {
            {"A2,林,四十,是", "E0121", "四十"},
            {"A3,陈,-1,是", "E0121", "-1"},
            {"A4,黄,1.5,否", "E0121", "1.5"},
            {"A5,吴,1234567890,否", "E0121", "1234567890"},
            {"A6,郑,3,yes", "E0207", "yes", "true or false"},
            {"A7,周,3,在岗", "E0207", "在岗"},
            {",李,3,是", "E0209", ""},
            {"A8,,3,是", "E0209", ",3"},
        });
}

TEST_F(TableTest, EveryBadCellOfARowIsReportedOnce) {
  const std::string row = "91350000158142711A,,公司,X,正常,2024-13-01";
  ASSERT_TRUE(Run(RegistrySpec(), "uscc,name,kind,credit,status,registered_on\n" + row + "\n"));
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_FALSE(rows_[0].valid);
  std::map<std::string, std::vector<std::uint32_t>> columns;
  for (const Located& l : Diags()) {
    EXPECT_EQ(l.line, 2u);
    columns[l.code].push_back(l.column);
  }
  EXPECT_EQ(columns["E0205"], std::vector<std::uint32_t>{1});
  EXPECT_EQ(columns["E0209"], std::vector<std::uint32_t>{ColumnOf(row, ",公司")});
  EXPECT_EQ(columns["E0207"],
            (std::vector<std::uint32_t>{ColumnOf(row, "公司"), ColumnOf(row, "X"),
                                        ColumnOf(row, "正常")}));
  EXPECT_EQ(columns["E0108"], std::vector<std::uint32_t>{ColumnOf(row, "2024-13-01")});
  EXPECT_EQ(diags_.errors(), 6u) << Describe(diags_);
}

TEST_F(TableTest, CsvSyntaxErrorIsReportedAtTheProblem) {
  const std::string header = "uscc,name,kind,credit,status";
  const std::string row = "91350000158142711F,石狮\"某\"公司,企业,A,存续";
  ASSERT_TRUE(Run(RegistrySpec(), header + "\n" + row + "\n"));
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_FALSE(rows_[0].valid);
  Located d = Only("E0201");
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.excerpt_line, row);
  EXPECT_TRUE(Contains(d.message, "quote inside an unquoted field")) << d.message;
  // data.md: every problem is located at file:line:column naming the column.
  // The reader knows where (problem_offset): the quote, in the `name` field.
  std::uint32_t field = ColumnOf(row, "石狮");
  std::uint32_t quote = ColumnOf(row, "\"");
  EXPECT_TRUE(d.column == field || d.column == quote)
      << "E0201 at column " << d.column << "; the bad field starts at column " << field
      << " and the stray quote is at column " << quote;
}

TEST_F(TableTest, CsvSyntaxErrorAfterAClosingQuote) {
  const std::string header = "uscc,name,kind,credit,status";
  const std::string row = "91350000158142711F,\"某公司\"分部,企业,A,存续";
  ASSERT_TRUE(Run(RegistrySpec(), header + "\n" + row + "\n"));
  Located d = Only("E0201");
  EXPECT_EQ(d.line, 2u);
  std::uint32_t field = ColumnOf(row, "\"某");
  std::uint32_t after = ColumnOf(row, "分部");
  EXPECT_TRUE(d.column == field || d.column == after)
      << "E0201 at column " << d.column << "; expected " << field << " or " << after;
}

TEST_F(TableTest, MalformedHeaderIsNotSilentlyAccepted) {
  // `"name"x` reads as the field `name` plus a syntax problem; the header
  // maps, but the problem must still be reported (nothing is dropped
  // silently, data.md).
  const std::string header = "uscc,\"name\"x,kind,credit,status";
  Run(RegistrySpec(), header + "\n91350000158142711F,甲,企业,A,存续\n");
  EXPECT_EQ(test::CountCode(diags_, "E0201"), 1) << "header `" << header << "`\n"
                                                 << Describe(diags_);
  for (const Located& l : Diags()) {
    if (l.code == "E0201") {
      EXPECT_EQ(l.line, 1u);
    }
  }
}

TEST_F(TableTest, RaggedRowPositions) {
  const std::string header = "id,name,capacity";
  ASSERT_TRUE(Run(InspectorSpec(), header + "\nA1,王\nA2,林,3,多,余\n"));
  std::vector<Located> all = Diags();
  ASSERT_EQ(all.size(), 2u) << Describe(diags_);
  EXPECT_EQ(all[0].code, "E0202");
  EXPECT_EQ(all[0].line, 2u);
  EXPECT_EQ(all[0].column, 1u);
  EXPECT_TRUE(Contains(all[0].message, "2 fields, the header has 3")) << all[0].message;
  EXPECT_EQ(all[1].code, "E0202");
  EXPECT_EQ(all[1].line, 3u);
  EXPECT_EQ(all[1].column, ColumnOf("A2,林,3,多,余", "多"));
  EXPECT_EQ(all[1].excerpt_line, "A2,林,3,多,余");
}

TEST_F(TableTest, LaterRowsKeepTheirLineAfterMultiLineFields) {
  const std::string text =
      "uscc,name,kind,credit,status\r\n"
      "91350000158142711F,\"石狮\r\n分公司\",企业,A,存续\r\n"   // lines 2-3
      "\r\n"                                                     // line 4, blank
      "91110000802100433B,\"a\nb\nc\",企业,X,存续\n"             // lines 5-7
      "91440300708461136T,某公司,个体,A,存续\n";                 // line 8
  ASSERT_TRUE(Run(RegistrySpec(), text));
  ASSERT_EQ(rows_.size(), 3u);
  EXPECT_TRUE(rows_[0].valid);
  EXPECT_EQ(rows_[0].line, 2u);
  EXPECT_EQ(Value(0, "name"), "石狮\r\n分公司");
  EXPECT_EQ(rows_[1].line, 5u);
  EXPECT_EQ(rows_[2].line, 8u);
  std::vector<Located> all = Diags();
  ASSERT_EQ(all.size(), 2u) << Describe(diags_);
  // `X` sits on the third line of its record.
  EXPECT_EQ(all[0].code, "E0207");
  EXPECT_EQ(all[0].line, 7u);
  EXPECT_EQ(all[0].excerpt_line, "c\",企业,X,存续");
  EXPECT_EQ(all[0].column, ColumnOf("c\",企业,X,存续", "X"));
  EXPECT_EQ(all[1].code, "E0207");
  EXPECT_EQ(all[1].line, 8u);
  EXPECT_EQ(all[1].column, ColumnOf("91440300708461136T,某公司,个体,A,存续", "个体"));
  EXPECT_EQ(all[1].excerpt_line, "91440300708461136T,某公司,个体,A,存续");
}

TEST_F(TableTest, FullyQuotedCrlfExportReportsTheRightLine) {
  // Every field quoted, CRLF line ends: how many exporters write CSV.
  const std::string bad = "\"91110000802100433B\",\"乙公司\",\"企业\",\"Z\",\"存续\"";
  const std::string text =
      "\"uscc\",\"name\",\"kind\",\"credit\",\"status\"\r\n"
      "\"91350000158142711F\",\"甲公司\",\"企业\",\"A\",\"存续\"\r\n"
      "\"91440300708461136T\",\"丙公司\",\"企业\",\"B\",\"存续\"\r\n" +
      bad + "\r\n";
  ASSERT_TRUE(Run(RegistrySpec(), text)) << Describe(diags_);
  ASSERT_EQ(rows_.size(), 3u);
  EXPECT_EQ(rows_[0].line, 2u);
  EXPECT_EQ(rows_[1].line, 3u);
  EXPECT_EQ(rows_[2].line, 4u);
  Located d = Only("E0207");
  EXPECT_EQ(d.line, 4u);
  EXPECT_EQ(d.column, ColumnOf(bad, "\"Z\""));
  EXPECT_EQ(d.excerpt_line, bad);
}

TEST_F(TableTest, SkipInvalidTurnsRowProblemsIntoWarnings) {
  const std::string text =
      "uscc,name,kind,credit,status\n"
      "91350000158142711F,甲,企业,A,存续\n"
      "91350000158142711A,乙,企业,A,存续\n";
  path_ = dir_.Write("skip.csv", text);
  std::string error;
  auto csv = CsvReader::Open(path_, Encoding::kAuto, &error);
  ASSERT_TRUE(csv) << error;
  TableReader reader(RegistrySpec(), std::move(csv), diags_);
  reader.set_skip_invalid(true);
  ASSERT_TRUE(reader.ReadHeader());
  Row row;
  bool valid = false;
  ASSERT_TRUE(reader.Next(row, valid));
  EXPECT_TRUE(valid);
  ASSERT_TRUE(reader.Next(row, valid));
  EXPECT_FALSE(valid);
  EXPECT_FALSE(reader.Next(row, valid));
  EXPECT_EQ(diags_.errors(), 0u) << Describe(diags_);
  std::vector<Diagnostic> all = diags_.Sorted();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].code, "E0205");
  EXPECT_EQ(all[0].severity, Severity::kWarning);
  EXPECT_FALSE(all[0].notes.empty());

  // Header problems stay errors.
  Diagnostics header_diags;
  path_ = dir_.Write("skip-header.csv", "uscc,uscc,name,kind,credit,status\n");
  auto csv2 = CsvReader::Open(path_, Encoding::kAuto, &error);
  ASSERT_TRUE(csv2) << error;
  TableReader reader2(RegistrySpec(), std::move(csv2), header_diags);
  reader2.set_skip_invalid(true);
  EXPECT_FALSE(reader2.ReadHeader());
  EXPECT_EQ(header_diags.errors(), 1u) << Describe(header_diags);
}

TEST_F(TableTest, ReportsOfOneCodeAreCappedWithANote) {
  std::string text = "uscc,name,kind,credit,status\n";
  const int bad = TableReader::kMaxReports + 50;
  for (int i = 0; i < bad; ++i) text += "91350000158142711F,甲,企业,Q,存续\n";
  text += "91350000158142711F,甲,企业,E,存续\n";  // one more E0207, different value
  path_ = dir_.Write("many.csv", text);
  std::string error;
  auto csv = CsvReader::Open(path_, Encoding::kAuto, &error);
  ASSERT_TRUE(csv) << error;
  TableReader reader(RegistrySpec(), std::move(csv), diags_);
  ASSERT_TRUE(reader.ReadHeader());
  Row row;
  bool valid = true;
  int rows = 0, invalid = 0;
  while (reader.Next(row, valid)) {
    ++rows;
    invalid += valid ? 0 : 1;
  }
  EXPECT_TRUE(reader.Close());
  // Every bad row is still rejected; only the listing is cut short.
  EXPECT_EQ(rows, bad + 1);
  EXPECT_EQ(invalid, bad + 1);
  EXPECT_EQ(test::CountCode(diags_, "E0207"), TableReader::kMaxReports + 1);
  std::vector<Diagnostic> e0207 = test::WithCode(diags_, "E0207");
  int errors = 0, notes = 0;
  for (const Diagnostic& d : e0207) {
    if (d.severity == Severity::kError) ++errors;
    if (d.severity == Severity::kNote) {
      ++notes;
      EXPECT_TRUE(Contains(d.message.en, std::to_string(bad + 1 - TableReader::kMaxReports)))
          << d.message.en;
    }
  }
  EXPECT_EQ(errors, TableReader::kMaxReports);
  EXPECT_EQ(notes, 1);
  EXPECT_TRUE(diags_.has_errors());
}

TEST_F(TableTest, ReadErrorStaysAnErrorUnderSkipInvalid) {
  // A GB18030 file with a byte that is neither encoding: the rows before it
  // are read, then reading stops, and that is an error even with
  // --skip-invalid (rows after it were never seen).
  const std::string text = test::ToGb18030("执法证号,姓名\nA1,王检查\nA2,林\n") + "\xFF,x\nA3,陈\n";
  path_ = dir_.Write("broken.csv", text);
  std::string error;
  auto csv = CsvReader::Open(path_, Encoding::kAuto, &error);
  ASSERT_TRUE(csv) << error;
  TableReader reader(InspectorSpec(), std::move(csv), diags_);
  reader.set_skip_invalid(true);
  ASSERT_TRUE(reader.ReadHeader());
  Row row;
  bool valid = false;
  int rows = 0;
  while (reader.Next(row, valid)) {
    EXPECT_TRUE(valid);
    ++rows;
  }
  EXPECT_EQ(rows, 2);
  ASSERT_FALSE(reader.csv().error().empty());
  EXPECT_TRUE(Contains(reader.csv().error(), "neither UTF-8 nor GB18030")) << reader.csv().error();
  EXPECT_FALSE(reader.Close());
  std::vector<Diagnostic> e0210 = test::WithCode(diags_, "E0210");
  ASSERT_EQ(e0210.size(), 1u) << Describe(diags_);
  EXPECT_EQ(e0210[0].severity, Severity::kError);
  EXPECT_TRUE(diags_.has_errors());
}

TEST_F(TableTest, InvalidUtf8RowInAUtf8File) {
  // Valid UTF-8 for the first 4 MiB, so detection says UTF-8; then a row
  // with bytes that are not.
  std::string text = "uscc,name,kind,credit,status\n";
  const std::string good = "91350000158142711F,石狮市灵秀镇某某食品商行,个体工商户,B,存续\n";
  std::uint32_t line = 1;
  while (text.size() <= kSniff + 1000) {
    text += good;
    ++line;
  }
  const std::string bad_row = "91110000802100433B,\xCA\xAF\xCA\xA8\xBC\xEC,企业,A,存续";
  text += bad_row + "\n" + good;
  const std::uint32_t bad_line = line + 1;
  ASSERT_TRUE(Run(RegistrySpec(), text));
  EXPECT_EQ(encoding_, Encoding::kUtf8);
  ASSERT_EQ(rows_.size(), static_cast<std::size_t>(bad_line));
  Located d = Only("E0210");
  EXPECT_EQ(d.line, bad_line);
  EXPECT_EQ(d.column, 1u);
  // The undecodable bytes show as `?`, never raw, at the same offsets.
  EXPECT_EQ(d.excerpt_line, "91110000802100433B,\xCA\xAF\xCA\xA8??,企业,A,存续");
  EXPECT_TRUE(Contains(d.message, "UTF-8")) << d.message;
  EXPECT_FALSE(rows_[bad_line - 2].valid);
  EXPECT_TRUE(rows_.back().valid);
  EXPECT_EQ(rows_.back().line, bad_line + 1);
}

TEST_F(TableTest, Gb18030BytesInAFileForcedToUtf8) {
  const std::string gb = test::ToGb18030("91350000158142711F,石狮检查,企业,A,存续");
  ASSERT_TRUE(Run(RegistrySpec(), "uscc,name,kind,credit,status\n" + gb + "\n", Encoding::kUtf8));
  Located d = Only("E0210");
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, 1u);
}

TEST_F(TableTest, ByteOrderMarkBeforeTheHeader) {
  ASSERT_TRUE(Run(RegistrySpec(),
                  "\xEF\xBB\xBF统一社会信用代码,企业名称,主体类型,信用风险分类,登记状态\r\n"
                  "91350000158142711F,甲,企业,,存续\r\n"))
      << Describe(diags_);
  EXPECT_TRUE(bom_);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  EXPECT_EQ(header_.column_to_field[0], 0);
  ASSERT_EQ(rows_.size(), 1u);
  EXPECT_EQ(Value(0, "uscc"), "91350000158142711F");
  EXPECT_EQ(Value(0, "credit"), "U");
}

TEST_F(TableTest, Gb18030FileReadsLikeItsUtf8Twin) {
  const std::string utf8 =
      "统一社会信用代码,企业名称,主体类型,信用风险分类,登记状态,成立日期,检查备注\r\n"
      "91350000158142711F,石狮市检查样本食品厂,企业,A,存续,2024年5月1日,冷链\r\n"
      "91110000802100433B,\"蚶江\r\n某合作社\",农民专业合作社,,在业,2023/01/31,\r\n"
      "91440300708461136T,宝盖镇某个体户,个体工商户,未分类,吊销,,无\r\n";
  ASSERT_TRUE(Run(RegistrySpec(), utf8));
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  std::vector<RowCopy> twin = rows_;
  Header twin_header = header_;
  ASSERT_TRUE(Run(RegistrySpec(), test::ToGb18030(utf8)));
  EXPECT_EQ(encoding_, Encoding::kGb18030);
  EXPECT_TRUE(diags_.empty()) << Describe(diags_);
  EXPECT_EQ(header_.names, twin_header.names);
  ASSERT_EQ(rows_.size(), twin.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    EXPECT_EQ(rows_[i].values, twin[i].values) << i;
    EXPECT_EQ(rows_[i].line, twin[i].line) << i;
    EXPECT_TRUE(rows_[i].valid) << i;
  }
  EXPECT_EQ(Value(1, "name"), "蚶江\r\n某合作社");
  EXPECT_EQ(Value(2, "credit"), "U");
  EXPECT_EQ(header_.names.back(), "检查备注");
}

TEST_F(TableTest, Gb18030ErrorsPointIntoTheDecodedText) {
  const std::string row = "91350000158142711F,石狮检查,企业,甲,存续";
  ASSERT_TRUE(Run(RegistrySpec(), test::ToGb18030("uscc,name,kind,credit,status\n" + row + "\n")));
  EXPECT_EQ(encoding_, Encoding::kGb18030);
  Located d = Only("E0207");
  EXPECT_EQ(d.line, 2u);
  EXPECT_EQ(d.column, ColumnOf(row, "甲"));
  EXPECT_EQ(d.excerpt_line, row);
}

TEST_F(TableTest, FullWidthCodeIsNotCalledTheWrongLength) {
  // 18 full-width characters (54 bytes): the label must not say "it has 18
  // characters, not 18".
  const std::string code = "９１３５００００１５８１４２７１１Ｆ";
  ASSERT_TRUE(Run(RegistrySpec(), "uscc,name,kind,credit,status\n" + code + ",甲,企业,A,存续\n"));
  Located d = Only("E0205");
  EXPECT_EQ(d.column, 1u);
  EXPECT_FALSE(Contains(d.label, "18 characters, not 18")) << d.label;
  EXPECT_FALSE(Contains(d.label_zh, "共 18 位，应为 18 位")) << d.label_zh;
}

}  // namespace
}  // namespace planc::data
