#ifndef PLANC_EXPR_DATE_H_
#define PLANC_EXPR_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace planc {

// A civil date of the proleptic Gregorian calendar.
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  // Parses `YYYY-MM-DD`; nullopt when malformed or not a real day (2024-02-30).
  static std::optional<Date> Parse(std::string_view text);
  static int DaysInMonth(int year, int month);
  static Date LastOfMonth(int year, int month);

  // Days since 1970-01-01.
  long Serial() const;
  std::string ToString() const;
  // Appends ToString() to `out`, without making a string on the way.
  void AppendTo(std::string& out) const;

  bool operator==(const Date& o) const { return Serial() == o.Serial(); }
  bool operator!=(const Date& o) const { return !(*this == o); }
  bool operator<(const Date& o) const { return Serial() < o.Serial(); }
  bool operator<=(const Date& o) const { return Serial() <= o.Serial(); }
  bool operator>(const Date& o) const { return o < *this; }
  bool operator>=(const Date& o) const { return o <= *this; }
};

}  // namespace planc

#endif  // PLANC_EXPR_DATE_H_
