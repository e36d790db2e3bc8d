#ifndef PLANC_RULES_NUMBER_H_
#define PLANC_RULES_NUMBER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "compiler/expr/decimal.h"

// The numbers of the rule language: exact rationals, so that every
// comparison against a policy threshold is exact (85% of 7 draws is 5.95,
// not 5.9499999). Numerator and denominator are 128-bit and always reduced;
// an operation whose result would not fit fails (nullopt) instead of
// rounding, and the rule reports it.
namespace planc::rules {

class Number {
 public:
  __extension__ using Int = __int128;

  Number() = default;
  static Number Of(std::int64_t value) { return Number(value, 1); }
  static Number Of(const Decimal& d);
  // A figure computed in double precision (expected draws, reached), as
  // printed: rounded half away from zero to `places` decimals.
  static Number Rounded(double value, int places);

  std::optional<Number> Add(const Number& o) const;
  std::optional<Number> Sub(const Number& o) const;
  std::optional<Number> Mul(const Number& o) const;
  std::optional<Number> Div(const Number& o) const;  // nullopt also for / 0
  Number Neg() const { return Number(-num_, den_); }

  int Compare(const Number& o) const;
  bool operator==(const Number& o) const { return num_ == o.num_ && den_ == o.den_; }
  bool operator<(const Number& o) const { return Compare(o) < 0; }

  bool IsInteger() const { return den_ == 1; }
  // The integer value when it is one and fits 64 bits.
  std::optional<std::int64_t> ToInt() const;

  // Decimal text: exact when it terminates within `places` decimals,
  // otherwise rounded half away from zero to `places`; no trailing zeros.
  std::string ToString(int places = 2) const;
  // As a percentage: 0.035 → "3.5%".
  std::string ToPercent(int places = 2) const;

 private:
  Number(Int num, Int den);
  static std::optional<Number> Make(Int num, Int den);
  Int num_ = 0;
  Int den_ = 1;
};

}  // namespace planc::rules

#endif  // PLANC_RULES_NUMBER_H_
