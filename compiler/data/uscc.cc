#include "compiler/data/uscc.h"

namespace planc::data {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int ValueOf(char c) {
  std::size_t at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

}  // namespace

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  int weight = 1;  // 3^i mod 31
  for (char c : first17) {
    int value = ValueOf(c);
    if (value < 0) return std::nullopt;
    sum += value * weight;
    weight = weight * 3 % 31;
  }
  int check = 31 - sum % 31;
  return kAlphabet[check == 31 ? 0 : check];
}

UsccProblem CheckUscc(std::string_view code) {
  for (char c : code) {
    if (ValueOf(c) < 0) return UsccProblem::kCharacter;
  }
  if (code.size() != 18) return UsccProblem::kLength;
  return UsccCheckCharacter(code.substr(0, 17)) == code[17] ? UsccProblem::kNone
                                                             : UsccProblem::kCheckDigit;
}

}  // namespace planc::data
