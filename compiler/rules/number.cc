#include "compiler/rules/number.h"

#include <cmath>

namespace planc::rules {
namespace {

using Int = Number::Int;

Int Abs(Int v) { return v < 0 ? -v : v; }

Int Gcd(Int a, Int b) {
  a = Abs(a);
  b = Abs(b);
  while (b != 0) {
    Int t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// 2^126: operands are kept below it so that sums and products of two
// reduced halves are checked before they overflow.
constexpr Int kLimit = Int{1} << 126;

bool MulFits(Int a, Int b, Int& out) { return !__builtin_mul_overflow(a, b, &out); }
bool AddFits(Int a, Int b, Int& out) { return !__builtin_add_overflow(a, b, &out); }

std::string IntToString(Int v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  std::string digits;
  while (v != 0) {
    int d = static_cast<int>(v % 10);
    digits.insert(digits.begin(), static_cast<char>('0' + (d < 0 ? -d : d)));
    v /= 10;
  }
  return negative ? "-" + digits : digits;
}

}  // namespace

Number::Number(Int num, Int den) : num_(num), den_(den) {
  if (den_ < 0) {
    num_ = -num_;
    den_ = -den_;
  }
  Int g = Gcd(num_, den_);
  if (g > 1) {
    num_ /= g;
    den_ /= g;
  }
}

std::optional<Number> Number::Make(Int num, Int den) {
  if (den == 0) return std::nullopt;
  Number n(num, den);
  if (Abs(n.num_) >= kLimit || n.den_ >= kLimit) return std::nullopt;
  return n;
}

Number Number::Of(const Decimal& d) {
  Int den = 1;
  for (int i = 0; i < d.scale(); ++i) den *= 10;
  return Number(d.units(), den);
}

Number Number::Rounded(double value, int places) {
  double scale = std::pow(10.0, places);
  double scaled = std::round(value * scale);  // half away from zero
  if (!std::isfinite(scaled) || std::fabs(scaled) > 9e18) return Number(0, 1);
  Int den = 1;
  for (int i = 0; i < places; ++i) den *= 10;
  return Number(static_cast<Int>(static_cast<std::int64_t>(scaled)), den);
}

std::optional<Number> Number::Add(const Number& o) const {
  Int a, b, den, num;
  if (!MulFits(num_, o.den_, a) || !MulFits(o.num_, den_, b) || !AddFits(a, b, num) ||
      !MulFits(den_, o.den_, den)) {
    return std::nullopt;
  }
  return Make(num, den);
}

std::optional<Number> Number::Sub(const Number& o) const { return Add(o.Neg()); }

std::optional<Number> Number::Mul(const Number& o) const {
  // Cross-reduce first so that products stay small.
  Int g1 = Gcd(num_, o.den_), g2 = Gcd(o.num_, den_);
  if (g1 == 0) g1 = 1;
  if (g2 == 0) g2 = 1;
  Int num, den;
  if (!MulFits(num_ / g1, o.num_ / g2, num) || !MulFits(den_ / g2, o.den_ / g1, den)) {
    return std::nullopt;
  }
  return Make(num, den);
}

std::optional<Number> Number::Div(const Number& o) const {
  if (o.num_ == 0) return std::nullopt;
  return Mul(Number(o.den_, o.num_));
}

int Number::Compare(const Number& o) const {
  Int a, b;
  if (MulFits(num_, o.den_, a) && MulFits(o.num_, den_, b)) return a < b ? -1 : a > b ? 1 : 0;
  // Operands below 2^126 whose cross products overflow: compare the integer
  // parts, then the fractions, by long division (always exact).
  Int qa = num_ / den_, qb = o.num_ / o.den_;
  if (num_ < 0 && num_ % den_ != 0) --qa;  // floor
  if (o.num_ < 0 && o.num_ % o.den_ != 0) --qb;
  if (qa != qb) return qa < qb ? -1 : 1;
  Int ra = num_ - qa * den_, rb = o.num_ - qb * o.den_;  // in [0, den)
  for (int i = 0; i < 256; ++i) {
    // Compare ra/den_ with rb/o.den_ digit by digit in base 2.
    ra *= 2;
    rb *= 2;
    int da = ra >= den_, db = rb >= o.den_;
    if (da != db) return da < db ? -1 : 1;
    if (da) ra -= den_;
    if (db) rb -= o.den_;
    if (ra == 0 && rb == 0) return 0;
  }
  return 0;
}

std::optional<std::int64_t> Number::ToInt() const {
  if (den_ != 1 || num_ > INT64_MAX || num_ < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(num_);
}

std::string Number::ToString(int places) const {
  Int scale = 1;
  for (int i = 0; i < places; ++i) scale *= 10;
  // Round num/den * scale half away from zero.
  Int n = Abs(num_);
  Int whole = n / den_, rest = n % den_;
  Int fraction = 0;
  Int carry = rest;
  for (int i = 0; i < places; ++i) {
    carry *= 10;
    fraction = fraction * 10 + carry / den_;
    carry %= den_;
  }
  if (carry * 2 >= den_) ++fraction;
  if (fraction >= scale) {
    ++whole;
    fraction -= scale;
  }
  std::string text = IntToString(whole);
  if (fraction != 0) {
    std::string digits = IntToString(fraction);
    digits.insert(digits.begin(), static_cast<std::size_t>(places) - digits.size(), '0');
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    text += "." + digits;
  }
  bool zero = whole == 0 && fraction == 0;
  return num_ < 0 && !zero ? "-" + text : text;
}

std::string Number::ToPercent(int places) const {
  std::optional<Number> hundred = Mul(Number::Of(100));
  return hundred ? hundred->ToString(places) + "%" : ToString(places) + "×100%";
}

}  // namespace planc::rules
