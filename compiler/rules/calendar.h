#ifndef PLANC_RULES_CALENDAR_H_
#define PLANC_RULES_CALENDAR_H_

#include <optional>
#include <set>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/expr/date.h"

// A working-day calendar as data (rules/calendars/*.yaml): the public
// holidays and the weekend days that are working days (调休) of the years
// it covers. Monday to Friday are working days unless a holiday; Saturday
// and Sunday are rest days unless listed as working days. Outside the
// covered years there is no knowing: workdays() then fails.
namespace planc::rules {

class Calendar {
 public:
  // Reads a calendar file; problems are reported at their place (E0406).
  static std::optional<Calendar> Load(const SourcePtr& file, Diagnostics& diags);

  const std::string& name() const { return name_; }
  bool Covers(const Date& d) const { return d.year >= first_year_ && d.year <= last_year_; }
  bool IsWorkday(const Date& d) const;
  // Working days in (a, b]; negative when b < a. nullopt outside the years covered.
  std::optional<long> Workdays(const Date& a, const Date& b) const;
  // The day n working days after d (before it for n < 0); nullopt when that
  // leaves the years covered.
  std::optional<Date> AddWorkdays(const Date& d, long n) const;

  std::string name_;
  int first_year_ = 0, last_year_ = -1;
  std::set<long> holidays_;  // day serials
  std::set<long> workdays_;  // weekend days that are working days
};

// Day serial (Date::Serial) back to a date.
Date DateOfSerial(long serial);

}  // namespace planc::rules

#endif  // PLANC_RULES_CALENDAR_H_
