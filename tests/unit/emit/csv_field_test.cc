// RFC 4180 fields as planc's tables write them: quoted only when a byte
// needs it, wherever in the value that byte is.
#include <gtest/gtest.h>

#include <string>

#include "compiler/emit/emit.h"

namespace planc::emit {
namespace {

std::string Field(const std::string& value) {
  std::string out = "x";
  AppendCsvField(out, value);
  return out.substr(1);
}

TEST(CsvFieldTest, PlainValuesAreWrittenAsTheyAre) {
  EXPECT_EQ(Field(""), "");
  EXPECT_EQ(Field("石狮市玉信小吃店"), "石狮市玉信小吃店");
  EXPECT_EQ(Field(std::string(100, 'a')), std::string(100, 'a'));
  EXPECT_EQ(CsvField("92350581MAEU637QEW"), "92350581MAEU637QEW");
}

TEST(CsvFieldTest, EverySpecialByteAtEveryPlaceIsQuoted) {
  for (char special : {',', '"', '\r', '\n'}) {
    for (std::size_t size : {1, 15, 16, 17, 31, 32, 33, 50}) {
      for (std::size_t at = 0; at < size; ++at) {
        std::string value(size, 'a');
        value[at] = special;
        std::string written = special == '"' ? "\"\"" : std::string(1, special);
        std::string expected = "\"" + value.substr(0, at) + written + value.substr(at + 1) + "\"";
        EXPECT_EQ(Field(value), expected) << int(special) << " " << size << " " << at;
        EXPECT_EQ(CsvField(value), expected);
      }
    }
  }
}

}  // namespace
}  // namespace planc::emit
