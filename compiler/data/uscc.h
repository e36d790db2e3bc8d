#ifndef PLANC_DATA_USCC_H_
#define PLANC_DATA_USCC_H_

#include <optional>
#include <string_view>

namespace planc::data {

// The check character of the first 17 characters of a unified social credit
// code (GB 32100-2015), or nullopt when one of them is not in the code's
// alphabet `0123456789ABCDEFGHJKLMNPQRTUWXY`.
std::optional<char> UsccCheckCharacter(std::string_view first17);

// Why a code is not a valid USCC: a character outside the alphabet (checked
// first, so a full-width digit is not called a wrong length), the length, or
// the check character.
enum class UsccProblem { kNone, kLength, kCharacter, kCheckDigit };
UsccProblem CheckUscc(std::string_view code);

}  // namespace planc::data

#endif  // PLANC_DATA_USCC_H_
