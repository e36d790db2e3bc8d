#ifndef PLANC_EXPR_DECIMAL_H_
#define PLANC_EXPR_DECIMAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planc {

// An exact decimal number: units / 10^scale. Policy numbers (3.5%, 85%) are
// never binary floating point.
class Decimal {
 public:
  Decimal() = default;
  Decimal(std::int64_t units, int scale);

  // Parses `12`, `3.5` or, with `percent`, the number before `%` (so "3.5"
  // becomes 0.035). nullopt when malformed, or when it needs more than 17
  // significant digits or 18 decimal places (zeros that do not change the
  // value do not count).
  static std::optional<Decimal> Parse(std::string_view text, bool percent = false);

  std::int64_t units() const { return units_; }
  int scale() const { return scale_; }

  // Exact comparison, by cross-multiplying in 128 bits.
  int Compare(const Decimal& other) const;
  bool operator<(const Decimal& o) const { return Compare(o) < 0; }
  bool operator==(const Decimal& o) const { return Compare(o) == 0; }
  bool operator<=(const Decimal& o) const { return Compare(o) <= 0; }
  bool operator>(const Decimal& o) const { return Compare(o) > 0; }

  // Plain decimal text without trailing zeros: "0.035", "1", "0".
  std::string ToString() const;
  // As a percentage: "3.5%".
  std::string ToPercent() const;

 private:
  std::int64_t units_ = 0;
  int scale_ = 0;
};

}  // namespace planc

#endif  // PLANC_EXPR_DECIMAL_H_
