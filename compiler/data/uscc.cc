#include "compiler/data/uscc.h"

namespace planc::data {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Every byte's value in kAlphabet, or -1: a table, as every row's code
// goes through it.
struct ValueTable {
  signed char value[256];
  constexpr ValueTable() : value() {
    for (int b = 0; b < 256; ++b) value[b] = -1;
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) {
      value[static_cast<unsigned char>(kAlphabet[i])] = static_cast<signed char>(i);
    }
  }
};
constexpr ValueTable kValues;

int ValueOf(char c) { return kValues.value[static_cast<unsigned char>(c)]; }

// 3^i mod 31, the weight of character i of the first 17.
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

}  // namespace

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    int value = ValueOf(first17[i]);
    if (value < 0) return std::nullopt;
    sum += value * kWeights[i];
  }
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

UsccProblem CheckUscc(std::string_view code) {
  // One pass for the usual case, a well-formed code: characters, weighted sum.
  if (code.size() == 18) {
    // `unknown` turns negative with any character not in the alphabet (-1);
    // the sum is only used when it stays not.
    int sum = 0, unknown = 0;
    for (std::size_t i = 0; i < 17; ++i) {
      int value = ValueOf(code[i]);
      unknown |= value;
      sum += value * kWeights[i];
    }
    unknown |= ValueOf(code[17]);
    int check = 31 - sum % 31;
    if (unknown >= 0) {
      return kAlphabet[check == 31 ? 0 : check] == code[17] ? UsccProblem::kNone
                                                          : UsccProblem::kCheckDigit;
    }
  }
  for (char c : code) {
    if (ValueOf(c) < 0) return UsccProblem::kCharacter;
  }
  return UsccProblem::kLength;
}

}  // namespace planc::data
