#include "compiler/source/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace planc {
namespace {

TEST(IsValidUtf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plan 2024"));
  EXPECT_TRUE(IsValidUtf8("石狮市市场监督管理局"));
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));  // U+1F600
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsValidUtf8("\xEE\x80\x80"));      // U+E000, just above them
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

// RFC 3629, one byte at a time: the reference the fast check must agree with.
bool ReferenceValid(const std::string& s, std::size_t* bad) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                                   : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (b(i + k) & 0xC0) == 0x80;
    if (ok && len == 3) {
      ok = !(c == 0xE0 && b(i + 1) < 0xA0) && !(c == 0xED && b(i + 1) >= 0xA0);
    }
    if (ok && len == 4) ok = !(c == 0xF0 && b(i + 1) < 0x90) && !(c == 0xF4 && b(i + 1) >= 0x90);
    if (!ok) {
      *bad = i;
      return false;
    }
    i += len;
  }
  return true;
}

TEST(IsValidUtf8Test, AgreesWithAByteByByteReference) {
  // Rows of a registry: ASCII and Chinese mixed, lengths around the vector
  // widths, with one byte replaced by anything in half of them.
  const std::string pieces[] = {"92350581MAEU637QEW", ",", "石狮市", "玉信小吃店", "H6291",
                                "2014-02-20", "\xF0\x9F\x98\x80", "é", "食品经营许可;"};
  std::uint64_t state = 7;
  auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return (state >> 33) % bound;
  };
  int invalid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    std::size_t parts = next(12);
    for (std::size_t p = 0; p < parts; ++p) text += pieces[next(9)];
    if (!text.empty() && next(2) == 0) text[next(text.size())] = static_cast<char>(next(256));
    std::size_t expected_bad = 0, bad = 0;
    bool expected = ReferenceValid(text, &expected_bad);
    ASSERT_EQ(IsValidUtf8(text, &bad), expected) << round;
    if (!expected) {
      ++invalid;
      ASSERT_EQ(bad, expected_bad) << round;
    }
  }
  EXPECT_GT(invalid, 2000);
}

TEST(IsValidUtf8Test, RejectsOverlongForms) {
  std::size_t bad = 99;
  EXPECT_FALSE(IsValidUtf8("ab\xC0\xAF", &bad));  // '/' in two bytes
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\xAF"));      // '/' in three bytes
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));      // U+07FF in three bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\xAF"));  // '/' in four bytes
  EXPECT_FALSE(IsValidUtf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in four bytes
}

TEST(IsValidUtf8Test, RejectsSurrogates) {
  std::size_t bad = 99;
  EXPECT_FALSE(IsValidUtf8("x\xED\xA0\x80", &bad));  // U+D800
  EXPECT_EQ(bad, 1u);
  EXPECT_FALSE(IsValidUtf8("\xED\xBF\xBF"));  // U+DFFF
}

TEST(IsValidUtf8Test, RejectsValuesPastTheLastCodePoint) {
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xF8\x88\x80\x80\x80"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
}

TEST(IsValidUtf8Test, RejectsTruncatedSequences) {
  std::size_t bad = 99;
  // "食" is E9 A3 9F; the last byte is missing at the end of the text.
  EXPECT_FALSE(IsValidUtf8("食品\xE9\xA3", &bad));
  EXPECT_EQ(bad, 6u);
  // ... and in the middle, followed by ASCII.
  EXPECT_FALSE(IsValidUtf8("\xE9\xA3x", &bad));
  EXPECT_EQ(bad, 0u);
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));
}

TEST(IsValidUtf8Test, RejectsStrayContinuationBytes) {
  std::size_t bad = 99;
  EXPECT_FALSE(IsValidUtf8("ok\x80", &bad));
  EXPECT_EQ(bad, 2u);
}

TEST(IsValidUtf8Test, RejectsGb18030Text) {
  // "监管" in GB18030 (BC E0 B9 DC): a typical wrongly-saved plan.
  std::size_t bad = 99;
  EXPECT_FALSE(IsValidUtf8("unit \xBC\xE0\xB9\xDC", &bad));
  EXPECT_EQ(bad, 5u);
  // "食品" in GB18030 (CA B3 C6 B7) happens to be well-formed UTF-8.
  EXPECT_TRUE(IsValidUtf8("\xCA\xB3\xC6\xB7"));
}

TEST(CountCodePointsTest, CountsCodePointsNotBytes) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("食品abc"), 5u);
  EXPECT_EQ(CountCodePoints("\xF0\x9F\x98\x80"), 1u);
  EXPECT_EQ(CountCodePoints("“双随机、一公开”"), 9u);
}

TEST(DisplayWidthTest, ChineseTakesTwoColumns) {
  EXPECT_EQ(DisplayWidth(U'a'), 1);
  EXPECT_EQ(DisplayWidth(U'食'), 2);
  EXPECT_EQ(DisplayWidth(U'，'), 2);       // U+FF0C full-width comma
  EXPECT_EQ(DisplayWidth(U'\u3000'), 2);   // ideographic space
  EXPECT_EQ(DisplayWidth(U'\u0301'), 0);   // combining acute accent
  EXPECT_EQ(DisplayWidth(std::string("abc")), 3);
  EXPECT_EQ(DisplayWidth(std::string("食品流通监管股")), 14);
  EXPECT_EQ(DisplayWidth(std::string("T01 食品")), 8);
  EXPECT_EQ(DisplayWidth(std::string("")), 0);
}

TEST(DecodeUtf8Test, DecodesAndAdvances) {
  std::string text = "a食\xF0\x9F\x98\x80";
  std::size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), U'a');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(text, pos), U'食');
  EXPECT_EQ(pos, 4u);
  EXPECT_EQ(DecodeUtf8(text, pos), U'\U0001F600');
  EXPECT_EQ(pos, 8u);
}

TEST(DecodeUtf8Test, InvalidByteGivesReplacementAndAdvancesOne) {
  std::string text = "\xFFz";
  std::size_t pos = 0;
  EXPECT_EQ(DecodeUtf8(text, pos), U'\uFFFD');
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(DecodeUtf8(text, pos), U'z');
}

TEST(AppendUtf8Test, RoundTripsThroughDecode) {
  for (char32_t c : {U'a', U'\u00E9', U'食', U'\uFF0C', U'\U0001F600', U'\U0010FFFF'}) {
    std::string text;
    AppendUtf8(text, c);
    EXPECT_TRUE(IsValidUtf8(text));
    std::size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(text, pos), c);
    EXPECT_EQ(pos, text.size());
  }
}

}  // namespace
}  // namespace planc
