#include "compiler/expr/decimal.h"

namespace planc {
namespace {

// GCC's 128-bit integer, for exact products of 64-bit figures.
__extension__ using Int128 = __int128;

constexpr int kMaxScale = 18;

Int128 Pow10(int n) {
  Int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::string Digits(Int128 value) {
  if (value == 0) return "0";
  std::string out;
  bool negative = value < 0;
  if (negative) value = -value;
  while (value > 0) {
    out.insert(out.begin(), static_cast<char>('0' + static_cast<int>(value % 10)));
    value /= 10;
  }
  return negative ? "-" + out : out;
}

// units / 10^scale as text, trailing zeros dropped.
std::string Format(Int128 units, int scale) {
  while (scale > 0 && units % 10 == 0) {
    units /= 10;
    --scale;
  }
  bool negative = units < 0;
  std::string digits = Digits(negative ? -units : units);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, std::string(scale - digits.size() + 1, '0'));
    }
    digits.insert(digits.size() - scale, ".");
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

Decimal::Decimal(std::int64_t units, int scale) : units_(units), scale_(scale) {}

std::optional<Decimal> Decimal::Parse(std::string_view text, bool percent) {
  if (!text.empty() && text.back() == '%') text.remove_suffix(1);
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && fraction.empty())) return std::nullopt;
  // Zeros that do not change the value do not count against the precision.
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  int scale = static_cast<int>(fraction.size()) + (percent ? 2 : 0);
  std::string digits = std::string(whole) + std::string(fraction);
  std::size_t first = digits.find_first_not_of('0');
  std::size_t significant = first == std::string::npos ? 0 : digits.size() - first;
  if (significant > 17 || scale > kMaxScale) return std::nullopt;
  std::int64_t units = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
  }
  return Decimal(units, scale);
}

int Decimal::Compare(const Decimal& other) const {
  Int128 a = static_cast<Int128>(units_) * Pow10(kMaxScale - scale_);
  Int128 b = static_cast<Int128>(other.units_) * Pow10(kMaxScale - other.scale_);
  return a < b ? -1 : (a > b ? 1 : 0);
}

std::string Decimal::ToString() const { return Format(units_, scale_); }

std::string Decimal::ToPercent() const {
  // units / 10^scale * 100 = units / 10^(scale-2)
  if (scale_ >= 2) return Format(units_, scale_ - 2) + "%";
  return Format(static_cast<Int128>(units_) * Pow10(2 - scale_), 0) + "%";
}

}  // namespace planc
