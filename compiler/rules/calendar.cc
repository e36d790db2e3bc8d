#include "compiler/rules/calendar.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "compiler/rules/yaml_source.h"

namespace planc::rules {

Date DateOfSerial(long serial) {
  // Howard Hinnant's civil_from_days.
  long z = serial + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp < 10 ? mp + 3 : mp - 9;
  Date date;
  date.year = static_cast<int>(y + (m <= 2));
  date.month = static_cast<int>(m);
  date.day = static_cast<int>(d);
  return date;
}

bool Calendar::IsWorkday(const Date& d) const {
  long s = d.Serial();
  if (holidays_.count(s)) return false;
  if (workdays_.count(s)) return true;
  long weekday = ((s % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday: 0 = Monday
  return weekday < 5;
}

std::optional<long> Calendar::Workdays(const Date& a, const Date& b) const {
  if (!Covers(a) || !Covers(b)) return std::nullopt;
  long from = std::min(a.Serial(), b.Serial()), to = std::max(a.Serial(), b.Serial());
  long n = 0;
  for (long s = from + 1; s <= to; ++s) n += IsWorkday(DateOfSerial(s));
  return b.Serial() >= a.Serial() ? n : -n;
}

std::optional<Date> Calendar::AddWorkdays(const Date& d, long n) const {
  if (!Covers(d)) return std::nullopt;
  long s = d.Serial();
  long step = n >= 0 ? 1 : -1;
  for (long left = n >= 0 ? n : -n; left > 0;) {
    s += step;
    Date day = DateOfSerial(s);
    if (!Covers(day)) return std::nullopt;
    if (IsWorkday(day)) --left;
  }
  return DateOfSerial(s);
}

std::optional<Calendar> Calendar::Load(const SourcePtr& file, Diagnostics& diags) {
  YamlReader yaml(file, diags, "calendar");
  std::optional<YAML::Node> root = yaml.Load();
  if (!root) return std::nullopt;
  Calendar c;
  yaml.Keys(*root, {"calendar", "title", "years", "holidays", "workdays", "source"});
  c.name_ = yaml.String(*root, "calendar").value_or("");
  std::vector<int> years;
  if (std::optional<YAML::Node> list = yaml.Sequence(*root, "years")) {
    for (const YAML::Node& y : *list) {
      std::optional<long> year = yaml.Integer(y);
      if (year && *year >= 1900 && *year <= 2999) {
        years.push_back(static_cast<int>(*year));
      } else if (year) {
        yaml.Fail(y, fmt::format("{} is not a year planc can use", *year), fmt::format("{} 不是有效年份", *year));
      }
    }
  }
  if (!years.empty()) {
    c.first_year_ = *std::min_element(years.begin(), years.end());
    c.last_year_ = *std::max_element(years.begin(), years.end());
    if (c.last_year_ - c.first_year_ + 1 != static_cast<int>(years.size())) {
      yaml.Fail((*root)["years"], "the years must follow one another", "年份应连续");
    }
  }
  // Days or ranges `2024-02-10 .. 2024-02-17`, inside the years covered.
  auto days = [&](const char* key, std::set<long>& out) {
    std::optional<YAML::Node> list = yaml.Sequence(*root, key);
    if (!list) return;
    for (const YAML::Node& item : *list) {
      std::string text = item.IsScalar() ? item.Scalar() : "";
      std::size_t dots = text.find("..");
      std::string first = text.substr(0, dots), last = dots == std::string::npos ? first : text.substr(dots + 2);
      auto trim = [](std::string s) {
        while (!s.empty() && s.front() == ' ') s.erase(s.begin());
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
      };
      std::optional<Date> a = Date::Parse(trim(first)), b = Date::Parse(trim(last));
      if (!a || !b || *b < *a) {
        yaml.Fail(item, fmt::format("`{}` is not a day or a range of days (2024-02-10 .. 2024-02-17)", text),
                  fmt::format("`{}` 不是日期或日期范围（2024-02-10 .. 2024-02-17）", text));
        continue;
      }
      if (!c.Covers(*a) || !c.Covers(*b)) {
        yaml.Fail(item, fmt::format("`{}` is outside the years the calendar covers", text),
                  fmt::format("`{}` 不在日历覆盖的年份内", text));
        continue;
      }
      for (long s = a->Serial(); s <= b->Serial(); ++s) out.insert(s);
    }
  };
  days("holidays", c.holidays_);
  days("workdays", c.workdays_);
  for (long s : c.workdays_) {
    if (c.holidays_.count(s)) {
      yaml.Fail(*root, fmt::format("{} is both a holiday and a working day", DateOfSerial(s).ToString()),
                fmt::format("{} 既是假日又是工作日", DateOfSerial(s).ToString()));
    }
  }
  if (!yaml.ok()) return std::nullopt;
  return c;
}

}  // namespace planc::rules
