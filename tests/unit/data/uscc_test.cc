// Unified social credit codes (GB 32100-2015): the check character and what
// makes a code invalid.
#include "compiler/data/uscc.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace planc::data {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr const char* kRealCodes[] = {"91350000158142711F", "91110000802100433B",
                                      "91440300708461136T"};

// The standard's algorithm written out again, with the weights as printed in
// GB 32100-2015 rather than computed.
char ReferenceCheck(std::string_view first17) {
  static constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(kAlphabet.find(first17[i])) * kWeights[i];
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

TEST(UsccTest, RealCodesAreValid) {
  for (const char* code : kRealCodes) {
    EXPECT_EQ(CheckUscc(code), UsccProblem::kNone) << code;
  }
}

TEST(UsccTest, CheckCharacterOfRealCodes) {
  EXPECT_EQ(UsccCheckCharacter("91350000158142711"), std::optional<char>('F'));
  EXPECT_EQ(UsccCheckCharacter("91110000802100433"), std::optional<char>('B'));
  EXPECT_EQ(UsccCheckCharacter("91440300708461136"), std::optional<char>('T'));
}

TEST(UsccTest, AnyOtherLastCharacterIsACheckDigitError) {
  for (const char* real : kRealCodes) {
    for (char c : kAlphabet) {
      std::string code = real;
      if (code[17] == c) continue;
      code[17] = c;
      EXPECT_EQ(CheckUscc(code), UsccProblem::kCheckDigit) << code;
    }
  }
}

TEST(UsccTest, ChangingABodyCharacterIsACheckDigitError) {
  std::string code = kRealCodes[0];
  code[10] = code[10] == '9' ? '8' : '9';
  EXPECT_EQ(CheckUscc(code), UsccProblem::kCheckDigit);
  // Swapping two neighbours is caught too (different weights).
  std::string swapped = kRealCodes[1];
  std::swap(swapped[8], swapped[9]);  // "80" -> "08"
  EXPECT_EQ(CheckUscc(swapped), UsccProblem::kCheckDigit);
}

TEST(UsccTest, WrongLength) {
  EXPECT_EQ(CheckUscc(""), UsccProblem::kLength);
  EXPECT_EQ(CheckUscc("91350000158142711"), UsccProblem::kLength);     // 17
  EXPECT_EQ(CheckUscc("91350000158142711F0"), UsccProblem::kLength);   // 19
  EXPECT_EQ(CheckUscc("9135000015814271F"), UsccProblem::kLength);
  // Characters are checked first: a space (cells are trimmed before) or a
  // full-width digit is named as such, not miscounted as a length.
  EXPECT_EQ(CheckUscc(" 91350000158142711F"), UsccProblem::kCharacter);
}

TEST(UsccTest, ForbiddenLettersAreCharacterErrors) {
  for (char bad : {'I', 'O', 'Z', 'S', 'V'}) {
    std::string in_body = kRealCodes[0];
    in_body[5] = bad;
    EXPECT_EQ(CheckUscc(in_body), UsccProblem::kCharacter) << in_body;
    std::string as_check = kRealCodes[0];
    as_check[17] = bad;
    EXPECT_EQ(CheckUscc(as_check), UsccProblem::kCharacter) << as_check;
    std::string first17 = std::string(kRealCodes[0]).substr(0, 17);
    first17[3] = bad;
    EXPECT_EQ(UsccCheckCharacter(first17), std::nullopt) << first17;
  }
}

TEST(UsccTest, LowercaseAndOtherBytesAreCharacterErrors) {
  EXPECT_EQ(CheckUscc("91350000158142711f"), UsccProblem::kCharacter);
  EXPECT_EQ(CheckUscc("9135000015814271-F"), UsccProblem::kCharacter);
  std::string with_nul = "91350000158142711F";
  with_nul[14] = '\0';
  EXPECT_EQ(CheckUscc(with_nul), UsccProblem::kCharacter);
  EXPECT_EQ(CheckUscc("91350000158142711\xFF"), UsccProblem::kCharacter);
}

TEST(UsccTest, CheckCharacterNeedsExactly17) {
  EXPECT_EQ(UsccCheckCharacter(""), std::nullopt);
  EXPECT_EQ(UsccCheckCharacter("9135000015814271"), std::nullopt);
  EXPECT_EQ(UsccCheckCharacter("91350000158142711F"), std::nullopt);
}

TEST(UsccTest, AgreesWithTheStandardsWeightsIncludingCheckZero) {
  // Walk many prefixes; make sure the "31 is written 0" case comes up.
  bool saw_zero = false;
  std::string prefix = "91350000158142711";
  for (int n = 0; n < 5000; ++n) {
    // A simple deterministic walk through the alphabet at every position.
    for (int i = 0; i < 17; ++i) {
      prefix[i] = kAlphabet[static_cast<std::size_t>((n * (i + 7) + i * i) % 31)];
    }
    std::optional<char> got = UsccCheckCharacter(prefix);
    ASSERT_TRUE(got.has_value()) << prefix;
    EXPECT_EQ(*got, ReferenceCheck(prefix)) << prefix;
    EXPECT_EQ(CheckUscc(prefix + *got), UsccProblem::kNone) << prefix;
    saw_zero = saw_zero || *got == '0';
  }
  EXPECT_TRUE(saw_zero);
}

}  // namespace
}  // namespace planc::data
