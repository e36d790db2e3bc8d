// The streaming CSV reader and its text source: RFC 4180 quoting, line
// numbers, line ends, chunk boundaries, encodings, the raw bytes' digest.
#include "compiler/data/csv.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "compiler/data/text_source.h"
#include "compiler/util/sha256.h"
#include "tests/unit/data/data_test_support.h"

namespace planc::data {
namespace {

using test::Fields;
using test::ReadAll;
using test::ReadResult;
using test::ScratchDir;

// The reader's chunk (csv.cc, text_source.cc) and the encoding sniff size.
constexpr std::size_t kChunk = 1 << 20;
constexpr std::size_t kSniff = 4 << 20;

class CsvTest : public ::testing::Test {
 protected:
  ReadResult Read(std::string_view bytes, Encoding encoding = Encoding::kAuto) {
    return ReadAll(dir_.Write("t" + std::to_string(files_++) + ".csv", bytes), encoding);
  }
  ScratchDir dir_;
  int files_ = 0;
};

TEST_F(CsvTest, DoubledQuotesInsideQuotedFields) {
  ReadResult r = Read("a,\"b \"\"c\"\" d\",e\n\"\",\"\"\"\"\"\",\"x,y\"\n");
  ASSERT_TRUE(r.opened) << r.open_error;
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields, Fields({"a", "b \"c\" d", "e"}));
  EXPECT_EQ(r.records[0].problem, "");
  EXPECT_EQ(r.records[0].text, "a,\"b \"\"c\"\" d\",e");
  EXPECT_EQ(r.records[0].offsets, (std::vector<std::uint32_t>{0, 2, 14}));
  EXPECT_EQ(r.records[1].fields, Fields({"", "\"\"", "x,y"}));
  EXPECT_EQ(r.records[1].problem, "");
}

TEST_F(CsvTest, EmbeddedLineBreaksKeepLaterLineNumbers) {
  ReadResult r = Read(
      "id,note\n"
      "1,\"first\nsecond\nthird\"\n"
      "2,plain\n"
      "3,\"crlf\r\ninside\"\r\n"
      "4,last\n");
  ASSERT_EQ(r.records.size(), 5u);
  EXPECT_EQ(r.records[0].line, 1u);
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.records[1].fields, Fields({"1", "first\nsecond\nthird"}));
  EXPECT_EQ(r.records[1].text, "1,\"first\nsecond\nthird\"");
  EXPECT_EQ(r.records[2].line, 5u);
  EXPECT_EQ(r.records[2].fields, Fields({"2", "plain"}));
  EXPECT_EQ(r.records[3].line, 6u);
  EXPECT_EQ(r.records[3].fields, Fields({"3", "crlf\r\ninside"}));
  EXPECT_EQ(r.records[4].line, 8u);
  EXPECT_EQ(r.records[4].fields, Fields({"4", "last"}));
}

TEST_F(CsvTest, CrlfAndLfLineEnds) {
  ReadResult r = Read("a,b\r\nc,d\ne,\"f\"\r\n,\r\n");
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[0].fields, Fields({"a", "b"}));
  EXPECT_EQ(r.records[0].text, "a,b");
  EXPECT_EQ(r.records[1].fields, Fields({"c", "d"}));
  EXPECT_EQ(r.records[2].fields, Fields({"e", "f"}));
  EXPECT_EQ(r.records[2].text, "e,\"f\"");
  EXPECT_EQ(r.records[2].problem, "");
  EXPECT_EQ(r.records[3].fields, Fields({"", ""}));
  for (std::size_t i = 0; i < r.records.size(); ++i) EXPECT_EQ(r.records[i].line, i + 1);
}

TEST_F(CsvTest, CrlfAfterAQuotedLastFieldEndsOneLine) {
  // Spreadsheet exports often quote every field and end lines in CRLF.
  ReadResult r = Read("\"a\",\"b\"\r\n\"c\",\"d\"\r\n\"e\",\"f\"\r\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].line, 1u);
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_EQ(r.records[2].line, 3u);
  EXPECT_EQ(r.records[2].fields, Fields({"e", "f"}));
}

TEST_F(CsvTest, FinalRecordWithoutLineEnd) {
  for (const char* text : {"a,b\nc,d", "a,b\r\nc,d", "a,b\n\"c\",\"d\""}) {
    ReadResult r = Read(text);
    ASSERT_EQ(r.records.size(), 2u) << text;
    EXPECT_EQ(r.records[1].fields, Fields({"c", "d"})) << text;
    EXPECT_EQ(r.records[1].line, 2u) << text;
    EXPECT_EQ(r.records[1].problem, "") << text;
  }
}

TEST_F(CsvTest, BlankLinesAreSkippedButCounted) {
  ReadResult r = Read("\n\na,b\n\n\r\nc,d\n\n\r\n\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].line, 3u);
  EXPECT_EQ(r.records[0].fields, Fields({"a", "b"}));
  EXPECT_EQ(r.records[1].line, 6u);
  EXPECT_EQ(r.records[1].fields, Fields({"c", "d"}));
  EXPECT_EQ(r.read_error, "");
}

TEST_F(CsvTest, EmptyFileHasNoRecords) {
  ReadResult r = Read("");
  ASSERT_TRUE(r.opened) << r.open_error;
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.read_error, "");
  EXPECT_EQ(r.encoding, Encoding::kUtf8);
  ReadResult blank = Read("\n\r\n\n");
  EXPECT_TRUE(blank.records.empty());
}

TEST_F(CsvTest, HeaderOnly) {
  for (const char* text : {"uscc,name,kind", "uscc,name,kind\n", "uscc,name,kind\r\n"}) {
    ReadResult r = Read(text);
    ASSERT_EQ(r.records.size(), 1u) << text;
    EXPECT_EQ(r.records[0].fields, Fields({"uscc", "name", "kind"}));
    EXPECT_EQ(r.records[0].text, "uscc,name,kind");
  }
}

TEST_F(CsvTest, RaggedRowsAreReturnedAsTheyAre) {
  ReadResult r = Read("a,b,c\n1,2\n1,2,3,4\n5\n");
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[1].fields, Fields({"1", "2"}));
  EXPECT_EQ(r.records[2].fields, Fields({"1", "2", "3", "4"}));
  EXPECT_EQ(r.records[3].fields, Fields({"5"}));
  for (const auto& record : r.records) EXPECT_EQ(record.problem, "");
}

TEST_F(CsvTest, QuoteInsideAnUnquotedField) {
  ReadResult r = Read("a,b\"c,d\nx,y,z\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields, Fields({"a", "b\"c", "d"}));
  EXPECT_NE(r.records[0].problem, "");
  EXPECT_TRUE(test::Contains(r.records[0].problem, "quote inside an unquoted field"))
      << r.records[0].problem;
  EXPECT_EQ(r.records[0].problem_offset, 3u);
  // The problem belongs to that record only.
  EXPECT_EQ(r.records[1].problem, "");
  EXPECT_EQ(r.records[1].fields, Fields({"x", "y", "z"}));
  EXPECT_EQ(r.records[1].line, 2u);
}

TEST_F(CsvTest, LongUnquotedFieldsAndLateQuotes) {
  // Unquoted fields are scanned sixteen bytes at a time: separators, quotes
  // and line ends at every position of a long field must still be found.
  std::string long_field(40, 'x');
  // (A quote at position 0 would open a quoted field.)
  for (std::size_t at = 1; at < 36; ++at) {
    std::string quoted = long_field;
    quoted[at] = '"';
    std::string text = long_field + "," + quoted + ",石狮市" + long_field + "\n" +
                       long_field.substr(0, at) + "\r\n" + long_field.substr(at) + ",end";
    ReadResult r = Read(text);
    ASSERT_EQ(r.records.size(), 3u) << at;
    using Strings = std::vector<std::string>;
    EXPECT_EQ(r.records[0].fields, (Strings{long_field, quoted, "石狮市" + long_field})) << at;
    EXPECT_EQ(r.records[0].problem_offset, 41 + at) << at;
    EXPECT_EQ(r.records[1].fields, (Strings{long_field.substr(0, at)})) << at;
    EXPECT_EQ(r.records[1].problem, "") << at;
    EXPECT_EQ(r.records[2].fields, (Strings{long_field.substr(at), "end"})) << at;
    EXPECT_EQ(r.records[2].line, 3u) << at;
  }
}

TEST_F(CsvTest, TextAfterAClosingQuote) {
  ReadResult r = Read("a,\"b\"c,d\nx,\"y\" ,z\r\nok,ok\n");
  ASSERT_EQ(r.records.size(), 3u);
  EXPECT_EQ(r.records[0].fields, Fields({"a", "b", "d"}));
  EXPECT_TRUE(test::Contains(r.records[0].problem, "after the closing quote"))
      << r.records[0].problem;
  EXPECT_EQ(r.records[0].problem_offset, 5u);
  EXPECT_EQ(r.records[0].offsets, (std::vector<std::uint32_t>{0, 2, 7}));
  EXPECT_NE(r.records[1].problem, "");
  EXPECT_EQ(r.records[1].fields, Fields({"x", "y", "z"}));
  EXPECT_EQ(r.records[2].problem, "");
  EXPECT_EQ(r.records[2].line, 3u);
}

TEST_F(CsvTest, UnclosedQuoteAtTheEndOfTheFile) {
  ReadResult r = Read("h1,h2\na,\"b,c\nd\n");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].problem, "");
  EXPECT_EQ(r.records[1].line, 2u);
  EXPECT_TRUE(test::Contains(r.records[1].problem, "not closed")) << r.records[1].problem;
  EXPECT_EQ(r.records[1].problem_offset, 2u);
  ASSERT_GE(r.records[1].fields.size(), 1u);
  EXPECT_EQ(r.records[1].fields[0], "a");
  EXPECT_EQ(r.read_error, "");
  // A lone quote is the smallest case.
  ReadResult lone = Read("\"");
  ASSERT_EQ(lone.records.size(), 1u);
  EXPECT_NE(lone.records[0].problem, "");
}

TEST_F(CsvTest, RecordsLongerThanAChunk) {
  // A 3 MB quoted field with commas, doubled quotes and line breaks, then a
  // 3 MB unquoted one.
  std::string value;
  std::string written;
  int breaks = 0;
  for (std::size_t i = 0; value.size() < 3'000'000; ++i) {
    char c = static_cast<char>('a' + i % 26);
    value += c;
    written += c;
    if (i % 1000 == 999) value += ',', written += ',';
    if (i % 5000 == 4999) value += '"', written += "\"\"";
    if (i % 100000 == 99999) value += '\n', written += '\n', ++breaks;
  }
  std::string big(3'000'000, 'x');
  ReadResult r = Read("h1,h2\n\"" + written + "\",end\n" + big + ",b\nlast,row\n");
  ASSERT_EQ(r.records.size(), 4u);
  EXPECT_EQ(r.records[1].line, 2u);
  ASSERT_EQ(r.records[1].fields.size(), 2u);
  EXPECT_EQ(r.records[1].fields[0].size(), value.size());
  EXPECT_TRUE(r.records[1].fields[0] == value);
  EXPECT_EQ(r.records[1].fields[1], "end");
  EXPECT_EQ(r.records[1].problem, "");
  EXPECT_EQ(r.records[2].line, static_cast<std::uint32_t>(3 + breaks));
  ASSERT_EQ(r.records[2].fields.size(), 2u);
  EXPECT_TRUE(r.records[2].fields[0] == big);
  EXPECT_EQ(r.records[3].line, static_cast<std::uint32_t>(4 + breaks));
  EXPECT_EQ(r.records[3].fields, Fields({"last", "row"}));
}

// Filler rows of ~1000 bytes, then `special` starting exactly at `at`, then
// a trailing row. Returns the file and sets the special record's line.
std::string PlaceAt(std::size_t at, const std::string& special, std::uint32_t* special_line) {
  std::string text = "h1,h2\r\n";
  std::uint32_t line = 2;
  while (text.size() < at) {
    std::size_t left = at - text.size();
    // A row is `<n letters>,z\r\n`; keep the last one at least 5 bytes.
    std::size_t row = left >= 2000 ? 1000 : (left >= 1000 + 5 ? left - 1000 : left);
    if (row < 5) row = left;  // only happens for tiny `at`
    text += std::string(row - 4, 'f') + ",z\r\n";
    ++line;
  }
  EXPECT_EQ(text.size(), at);
  *special_line = line;
  return text + special + "t,u\r\n";
}

struct Special {
  const char* name;
  std::string text;
  std::vector<std::vector<std::string>> records;  // the special part's records
  std::vector<std::uint32_t> line_offsets;        // their lines after the first
};

TEST_F(CsvTest, ChunkBoundaryAnywhereInARecord) {
  const std::vector<Special> specials = {
      {"quoted", "\"ab\"\"cd\r\nef\",x\r\n", {{"ab\"cd\r\nef", "x"}}, {0}},
      {"crlf", "pq,rs\r\n", {{"pq", "rs"}}, {0}},
      {"blank crlf", "\r\n\r\nr,s\r\n", {{"r", "s"}}, {2}},
      {"quote at the end", "\"\",\"\"\"\"\r\n", {{"", "\""}}, {0}},
      {"lf", "m,\"n\"\n\"o\"\no,p\n", {{"m", "n"}, {"o"}, {"o", "p"}}, {0, 1, 2}},
  };
  for (const Special& special : specials) {
    for (std::size_t k = 1; k <= special.text.size() + 1; ++k) {
      std::uint32_t line = 0;
      std::string text = PlaceAt(kChunk - k, special.text, &line);
      ReadResult r = Read(text);
      SCOPED_TRACE(std::string(special.name) + ", boundary " + std::to_string(k) +
                   " bytes into the record");
      ASSERT_GE(r.records.size(), line + special.records.size());
      std::size_t first = line - 1;
      ASSERT_EQ(r.records.size(), first + special.records.size() + 1);
      for (std::size_t i = 0; i < special.records.size(); ++i) {
        const auto& got = r.records[first + i];
        EXPECT_EQ(got.fields, special.records[i]);
        EXPECT_EQ(got.problem, "");
        EXPECT_EQ(got.line, line + special.line_offsets[i]);
      }
      const auto& before = r.records[first - 1];
      EXPECT_EQ(before.fields.size(), 2u);
      EXPECT_EQ(before.fields.back(), "z");
      EXPECT_EQ(r.records.back().fields, Fields({"t", "u"}));
      EXPECT_EQ(r.records.back().problem, "");
      auto newlines = static_cast<std::uint32_t>(
          std::count(special.text.begin(), special.text.end(), '\n'));
      EXPECT_EQ(r.records.back().line, line + newlines);
    }
  }
}

TEST_F(CsvTest, Utf8ByteOrderMarkIsDropped) {
  ReadResult r = Read("\xEF\xBB\xBFuscc,名称\r\n1,甲\r\n");
  EXPECT_TRUE(r.bom);
  EXPECT_EQ(r.encoding, Encoding::kUtf8);
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields, Fields({"uscc", "名称"}));
  EXPECT_EQ(r.records[0].text, "uscc,名称");
  EXPECT_EQ(r.records[1].fields, Fields({"1", "甲"}));
  ReadResult plain = Read("uscc\n");
  EXPECT_FALSE(plain.bom);
  // A BOM alone is an empty file.
  ReadResult only = Read("\xEF\xBB\xBF");
  EXPECT_TRUE(only.bom);
  EXPECT_TRUE(only.records.empty());
}

TEST_F(CsvTest, KnownGb18030Bytes) {
  // 检查 = BC EC B2 E9, 石狮 = CA AF CA A8: not UTF-8, so detected.
  ReadResult r = Read("\xBC\xEC\xB2\xE9,\xCA\xAF\xCA\xA8\r\nA,\"\xBC\xEC\"\r\n");
  EXPECT_EQ(r.encoding, Encoding::kGb18030);
  EXPECT_FALSE(r.bom);
  EXPECT_EQ(r.read_error, "");
  ASSERT_EQ(r.records.size(), 2u);
  EXPECT_EQ(r.records[0].fields, Fields({"检查", "石狮"}));
  EXPECT_EQ(r.records[1].fields, Fields({"A", "检"}));
}

TEST_F(CsvTest, Gb18030DecodesToItsUtf8Twin) {
  const std::string utf8 =
      "执法证号,姓名,所属单位,执法领域,年度检查上限,在岗\r\n"
      "闽A001,王检查,石狮市市场监督管理局灵秀所,食品;特种设备,40,是\r\n"
      "闽A002,\"林,小\"\"梅\"\"\",\"蚶江\n所\",\"药品\",,否\r\n"
      "闽A003,陈𠀀,宝盖所,€ß é,12,true\r\n";
  ReadResult twin = Read(utf8);
  ReadResult gb = Read(test::ToGb18030(utf8));
  EXPECT_EQ(twin.encoding, Encoding::kUtf8);
  EXPECT_EQ(gb.encoding, Encoding::kGb18030);
  EXPECT_EQ(gb.read_error, "");
  ASSERT_EQ(gb.records.size(), twin.records.size());
  ASSERT_EQ(gb.records.size(), 4u);
  for (std::size_t i = 0; i < gb.records.size(); ++i) {
    EXPECT_EQ(gb.records[i].fields, twin.records[i].fields) << i;
    EXPECT_EQ(gb.records[i].line, twin.records[i].line) << i;
    EXPECT_EQ(gb.records[i].text, twin.records[i].text) << i;
  }
  EXPECT_EQ(gb.records[2].fields[1], "林,小\"梅\"");
  EXPECT_EQ(gb.records[3].line, 5u);
}

TEST_F(CsvTest, Gb18030CharactersAcrossTheReadBoundaries) {
  // After the first 4 MiB (read at once to detect the encoding) the file is
  // read 1 MiB at a time: a 2- or 4-byte character may straddle the cut.
  const std::string four = test::ToGb18030("𠀀");  // a 4-byte GB18030 sequence
  const std::string two = test::ToGb18030("检");
  ASSERT_EQ(four.size(), 4u);
  ASSERT_EQ(two.size(), 2u);
  for (std::size_t k = 1; k <= 3; ++k) {
    SCOPED_TRACE("character starts " + std::to_string(k) + " bytes before the cut");
    std::string gb = test::ToGb18030("检查对象,备注\n");
    std::string utf8 = "检查对象,备注\n";
    auto fill_to = [&](std::size_t target) {
      while (gb.size() < target) {
        std::size_t left = target - gb.size();
        std::size_t row = left >= 2000 ? 1000 : (left >= 1005 ? left - 1000 : left);
        std::string line = std::string(row - 2, 'g') + ",\n";
        if (row < 3) line = std::string(row, '\n');
        gb += line;
        utf8 += line;
      }
    };
    fill_to(kSniff - k);
    gb += four + "," + two + "\n";
    utf8 += "𠀀,检\n";
    fill_to(kSniff + kChunk - (k == 3 ? 1 : k));
    gb += (k == 3 ? two : four) + ",x\n";
    utf8 += (k == 3 ? "检" : "𠀀") + std::string(",x\n");
    gb += "end,end\n";
    utf8 += "end,end\n";
    ReadResult r = Read(gb);
    ReadResult twin = Read(utf8);
    EXPECT_EQ(r.encoding, Encoding::kGb18030);
    EXPECT_EQ(r.read_error, "");
    ASSERT_EQ(r.records.size(), twin.records.size());
    for (std::size_t i = 0; i < r.records.size(); ++i) {
      ASSERT_EQ(r.records[i].fields, twin.records[i].fields) << i;
      ASSERT_EQ(r.records[i].line, twin.records[i].line) << i;
    }
    EXPECT_EQ(r.records.back().fields, Fields({"end", "end"}));
  }
}

TEST_F(CsvTest, Gb18030Forced) {
  // 食品 in GB18030 is CA B3 C6 B7, which is also valid UTF-8 (U+02B3 U+01B7):
  // detection cannot tell, so the user forces the encoding.
  const std::string bytes = "\xCA\xB3\xC6\xB7,x\n";
  ReadResult guessed = Read(bytes);
  EXPECT_EQ(guessed.encoding, Encoding::kUtf8);
  ASSERT_EQ(guessed.records.size(), 1u);
  EXPECT_EQ(guessed.records[0].fields[0], "\xCA\xB3\xC6\xB7");
  ReadResult forced = Read(bytes, Encoding::kGb18030);
  EXPECT_EQ(forced.encoding, Encoding::kGb18030);
  ASSERT_EQ(forced.records.size(), 1u);
  EXPECT_EQ(forced.records[0].fields, Fields({"食品", "x"}));
  EXPECT_EQ(forced.read_error, "");
}

TEST_F(CsvTest, Utf8ForcedOnGb18030BytesKeepsTheBytes) {
  ReadResult r = Read("\xBC\xEC\xB2\xE9,a\n", Encoding::kUtf8);
  EXPECT_EQ(r.encoding, Encoding::kUtf8);
  ASSERT_EQ(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].fields[0], "\xBC\xEC\xB2\xE9");
}

TEST_F(CsvTest, NeitherUtf8NorGb18030) {
  // 0xFF never starts a GB18030 character.
  ReadResult r = Read("a,b\n\xFF,c\nd,e\n");
  ASSERT_TRUE(r.opened) << r.open_error;
  EXPECT_EQ(r.encoding, Encoding::kGb18030);
  EXPECT_TRUE(test::Contains(r.read_error, "neither UTF-8 nor GB18030")) << r.read_error;
  EXPECT_TRUE(test::Contains(r.read_error, "offset 4")) << r.read_error;
  ASSERT_GE(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].fields, Fields({"a", "b"}));
  ReadResult forced = Read("\xBC\xEC,\x80\n", Encoding::kGb18030);
  EXPECT_TRUE(test::Contains(forced.read_error, "neither UTF-8 nor GB18030")) << forced.read_error;
}

TEST_F(CsvTest, FileEndingInsideAGb18030Character) {
  ReadResult r = Read("\xBC\xEC,\xB2\xE9\n\xBC");
  EXPECT_EQ(r.encoding, Encoding::kGb18030);
  EXPECT_TRUE(test::Contains(r.read_error, "ends inside a GB18030 character")) << r.read_error;
  ASSERT_GE(r.records.size(), 1u);
  EXPECT_EQ(r.records[0].fields, Fields({"检", "查"}));
}

TEST_F(CsvTest, Sha256OfTheRawBytes) {
  // Independent known digest (FIPS 180-2 "abc").
  EXPECT_EQ(Read("abc").sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Read("").sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  std::string large;
  for (int i = 0; large.size() < kSniff + 3 * kChunk + 17; ++i) {
    large += std::to_string(i) + ",行" + std::to_string(i * 7) + "\r\n";
  }
  const std::vector<std::string> files = {
      "\xEF\xBB\xBFuscc,name\r\n1,2\r\n",              // the BOM is hashed too
      test::ToGb18030("检查,石狮\n1,2\n"),              // raw, not decoded, bytes
      large,                                             // several chunks
  };
  for (const std::string& bytes : files) {
    ReadResult r = Read(bytes);
    EXPECT_EQ(r.sha256, Sha256Hex(bytes)) << bytes.size() << " bytes";
  }
}

TEST_F(CsvTest, TextSourceHashesTheWholeFileEvenUnread) {
  std::string large;
  for (int i = 0; large.size() < kSniff + 2 * kChunk + 5; ++i) large += std::to_string(i) + "\n";
  std::string path = dir_.Write("large.csv", large);
  std::string error;
  std::unique_ptr<TextSource> source = TextSource::Open(path, Encoding::kAuto, &error);
  ASSERT_TRUE(source) << error;
  EXPECT_EQ(source->Sha256Hex(), Sha256Hex(large));
  EXPECT_EQ(source->raw_bytes(), large.size());

  // And read through to the end, byte for byte.
  std::unique_ptr<TextSource> again = TextSource::Open(path, Encoding::kUtf8, &error);
  ASSERT_TRUE(again) << error;
  std::string out;
  char block[1000];
  while (std::size_t got = again->Read(block, sizeof block)) out.append(block, got);
  EXPECT_EQ(again->error(), "");
  EXPECT_TRUE(out == large);
  EXPECT_EQ(again->raw_bytes(), large.size());
  EXPECT_EQ(again->Sha256Hex(), Sha256Hex(large));
}

// GB18030 decoded into little room at a time (the decoder stops when the
// room is full and goes on from there) gives the whole text.
TEST_F(CsvTest, TextSourceDecodesIntoLittleRoom) {
  std::string text;
  for (int i = 0; text.size() < kChunk + kChunk / 2; ++i) {
    text += "石狮市" + std::to_string(i) + "号,检查\n";
  }
  std::string path = dir_.Write("gb.csv", test::ToGb18030(text));
  for (std::size_t room : {61, 4096}) {
    std::string error;
    std::unique_ptr<TextSource> source = TextSource::Open(path, Encoding::kGb18030, &error);
    ASSERT_TRUE(source) << error;
    std::string out;
    std::vector<char> block(room);
    while (std::size_t got = source->Read(block.data(), room)) out.append(block.data(), got);
    EXPECT_EQ(source->error(), "") << room;
    EXPECT_TRUE(out == text) << room;
  }
}

TEST_F(CsvTest, MissingFileAndDirectory) {
  std::string missing = (dir_.path() / "nope.csv").string();
  ReadResult r = ReadAll(missing);
  EXPECT_FALSE(r.opened);
  EXPECT_TRUE(test::Contains(r.open_error, missing)) << r.open_error;
  EXPECT_TRUE(test::Contains(r.open_error, "cannot open")) << r.open_error;

  std::string directory = dir_.path().string();
  ReadResult d = ReadAll(directory);
  EXPECT_FALSE(d.opened);
  EXPECT_TRUE(test::Contains(d.open_error, "is a directory")) << d.open_error;

  std::string error;
  EXPECT_EQ(TextSource::Open(missing, Encoding::kGb18030, &error), nullptr);
  EXPECT_FALSE(error.empty());
}

// Reading up to a stop (for a file read in parts): it ends exactly at a
// record's start, or says that a record ran past the stop.
TEST_F(CsvTest, StopsExactlyBetweenRecordsOrSaysItWentPast) {
  // Line starts: "a,b\n" 0, "c,d\n" 4, "\n" 8 (blank), "\"e\nf\",g\n" 9, "h,i\n" 17.
  std::string text = "a,b\nc,d\n\n\"e\nf\",g\nh,i\n";
  std::string path = dir_.Write("stop.csv", text);
  auto read_to = [&](std::uint64_t stop, std::vector<std::string>* firsts) {
    std::string error;
    std::unique_ptr<CsvReader> reader = CsvReader::Open(path, Encoding::kUtf8, &error);
    reader->set_stop(stop);
    CsvRecord record;
    while (reader->Next(record)) firsts->push_back(std::string(record.fields[0]));
    return std::make_pair(reader->stopped(), reader->stopped_exactly());
  };
  std::vector<std::string> firsts;
  EXPECT_EQ(read_to(4, &firsts), std::make_pair(true, true));
  EXPECT_EQ(firsts, std::vector<std::string>({"a"}));
  firsts.clear();
  EXPECT_EQ(read_to(8, &firsts), std::make_pair(true, true));  // at a blank line
  EXPECT_EQ(firsts, std::vector<std::string>({"a", "c"}));
  firsts.clear();
  EXPECT_EQ(read_to(9, &firsts), std::make_pair(true, true));  // just after it
  EXPECT_EQ(firsts, std::vector<std::string>({"a", "c"}));
  firsts.clear();
  EXPECT_EQ(read_to(13, &firsts), std::make_pair(true, false));  // inside the quoted field
  EXPECT_EQ(firsts, std::vector<std::string>({"a", "c", "e\nf"}));
  firsts.clear();
  EXPECT_EQ(read_to(1000, &firsts), std::make_pair(false, false));  // the end came first
  EXPECT_EQ(firsts.size(), 4u);

  // Reading on after the stop loses nothing.
  std::string error;
  std::unique_ptr<CsvReader> reader = CsvReader::Open(path, Encoding::kUtf8, &error);
  reader->set_stop(13);
  CsvRecord record;
  int count = 0;
  while (reader->Next(record)) ++count;
  reader->clear_stop();
  while (reader->Next(record)) ++count;
  EXPECT_EQ(count, 4);
  EXPECT_EQ(record.line, 6u);

  // A part read from a line start: its lines count from there.
  std::unique_ptr<CsvReader> part = CsvReader::OpenPart(path, 9, &error);
  ASSERT_TRUE(part) << error;
  ASSERT_TRUE(part->Next(record));
  EXPECT_EQ(record.fields[0], "e\nf");
  EXPECT_EQ(record.line, 1u);
  ASSERT_TRUE(part->Next(record));
  EXPECT_EQ(record.fields[0], "h");
  EXPECT_EQ(record.line, 3u);  // after the record of two lines
}

// A byte-order mark is not in the text, but the stops are file offsets.
TEST_F(CsvTest, StopsCountTheByteOrderMark) {
  std::string path = dir_.Write("bom.csv", "\xEF\xBB\xBF" "a,b\nc,d\n");
  std::string error;
  std::unique_ptr<CsvReader> reader = CsvReader::Open(path, Encoding::kAuto, &error);
  reader->set_stop(7);  // "c,d" starts at byte 7 of the file
  CsvRecord record;
  ASSERT_TRUE(reader->Next(record));
  EXPECT_EQ(record.fields[0], "a");
  EXPECT_FALSE(reader->Next(record));
  EXPECT_TRUE(reader->stopped_exactly());
}

TEST(TextSourceTest, EncodingNames) {
  EXPECT_STREQ(EncodingName(Encoding::kAuto), "auto");
  EXPECT_STREQ(EncodingName(Encoding::kUtf8), "UTF-8");
  EXPECT_STREQ(EncodingName(Encoding::kGb18030), "GB18030");
}

}  // namespace
}  // namespace planc::data
