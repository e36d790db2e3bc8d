// Literal values of fields: strings, dates, months, counts, ratios.
#include <charconv>

#include <fmt/format.h>

#include "compiler/sema/analyzer.h"

namespace planc::sema {
namespace {

// The digits of `text` as a number; nullopt unless all of it is digits and it fits.
std::optional<std::int64_t> Digits(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

using K = expr::Literal::Kind;

const char* KindName(K kind, Lang lang) {
  bool zh = lang == Lang::kZh;
  switch (kind) {
    case K::kInt: return zh ? "整数" : "a whole number";
    case K::kDecimal: return zh ? "小数" : "a decimal number";
    case K::kPercent: return zh ? "百分比" : "a percentage";
    case K::kDate: return zh ? "日期" : "a date";
    case K::kMonth: return zh ? "月份" : "a month";
    case K::kString: return zh ? "字符串" : "a string";
    case K::kBool: return zh ? "布尔值" : "true or false";
    case K::kMissing: return zh ? "缺失的值" : "a missing value";
  }
  return "";
}

}  // namespace

void Analyzer::WrongType(const expr::Literal& value, const char* field, const char* want_en,
                         const char* want_zh) {
  if (value.kind == K::kMissing) return;  // the syntax error said it
  Add(DiagBuilder(DiagKind::kWrongValueType, file_, value.range)
          .Message(fmt::format("`{}` takes {}, found {}", field, want_en,
                               KindName(value.kind, Lang::kEn)),
                   fmt::format("`{}` 的值应为{}，实际是{}", field, want_zh,
                               KindName(value.kind, Lang::kZh)))
          .Label(fmt::format("expected {}", want_en), fmt::format("应为{}", want_zh)));
}

std::optional<std::string> Analyzer::StringValue(const expr::Literal& value, const char* field) {
  if (value.kind == K::kString) return value.text;
  WrongType(value, field, "a string", "字符串");
  return std::nullopt;
}

std::optional<Date> Analyzer::DateValue(const expr::Literal& value, const char* field) {
  if (value.kind != K::kDate) {
    WrongType(value, field, "a date (YYYY-MM-DD)", "日期（YYYY-MM-DD）");
    return std::nullopt;
  }
  if (auto date = Date::Parse(value.text)) return date;
  Add(DiagBuilder(DiagKind::kInvalidDate, file_, value.range)
          .Message(fmt::format("`{}` is not a date of the calendar", value.text),
                   fmt::format("`{}` 不是有效的日期", value.text))
          .Label("no such day", "没有这一天")
          .Help("write a real day as YYYY-MM-DD", "请写成实际存在的日期 YYYY-MM-DD"));
  return std::nullopt;
}

std::optional<Date> Analyzer::BoundValue(const expr::Literal& value, bool end) {
  if (value.kind == K::kDate) return DateValue(value, "window");
  if (value.kind != K::kMonth) {
    WrongType(value, "window", "a date or a month (2024-05-01, 2024-05)",
              "日期或月份（2024-05-01、2024-05）");
    return std::nullopt;
  }
  std::string_view text = value.text;
  std::optional<std::int64_t> year = Digits(text.substr(0, 4));
  std::optional<std::int64_t> month = text.size() == 7 ? Digits(text.substr(5, 2)) : std::nullopt;
  if (!year || !month || *month < 1 || *month > 12) {
    Add(DiagBuilder(DiagKind::kInvalidDate, file_, value.range)
            .Message(fmt::format("`{}` is not a month: months run from 01 to 12", value.text),
                     fmt::format("`{}` 不是有效的月份：月份为 01 至 12", value.text))
            .Label("no such month", "没有这个月"));
    return std::nullopt;
  }
  int y = static_cast<int>(*year), m = static_cast<int>(*month);
  return end ? Date::LastOfMonth(y, m) : Date{y, m, 1};
}

std::optional<std::int64_t> Analyzer::CountValue(const expr::Literal& value, const char* field,
                                                 std::int64_t min) {
  if (value.kind != K::kInt) {
    WrongType(value, field, "a whole number", "整数");
    return std::nullopt;
  }
  constexpr std::int64_t kMax = 1'000'000'000'000;
  std::optional<std::int64_t> parsed = value.text.size() > 13 ? std::nullopt : Digits(value.text);
  bool too_big = !parsed;
  std::int64_t n = parsed.value_or(0);
  if (too_big || n > kMax || n < min) {
    Add(DiagBuilder(DiagKind::kInvalidCount, file_, value.range)
            .Message(too_big || n > kMax
                         ? fmt::format("`{}` is too large for `{}`", value.text, field)
                         : fmt::format("`{}` must be at least {}, found {}", field, min, value.text),
                     too_big || n > kMax
                         ? fmt::format("`{}` 的数值 {} 过大", field, value.text)
                         : fmt::format("`{}` 至少应为 {}，实际是 {}", field, min, value.text))
            .Label("invalid count", "数量无效"));
    return std::nullopt;
  }
  return n;
}

std::optional<Amount> Analyzer::AmountValue(const ast::Amount& amount) {
  Amount out;
  out.range = amount.range;
  const expr::Literal& value = amount.value;
  bool ok = true;
  switch (value.kind) {
    case K::kPercent: {
      std::optional<Decimal> ratio = Decimal::Parse(value.text, true);
      if (!ratio) {
        Add(DiagBuilder(DiagKind::kWrongValueType, file_, value.range)
                .Message(fmt::format("ratio {} has more digits than planc keeps exactly", value.text),
                         fmt::format("比例 {} 的位数超出了可精确表示的范围", value.text))
                .Label("at most 17 significant digits and 16 decimals of a percent",
                       "最多 17 位有效数字、百分数最多 16 位小数"));
        ok = false;
      } else if (*ratio > Decimal(1, 0)) {
        Add(DiagBuilder(DiagKind::kRatioOutOfRange, file_, value.range)
                .Message(fmt::format("ratio {} is outside 0%–100%", value.text),
                         fmt::format("比例 {} 超出 0%–100% 的范围", value.text))
                .Label("at most 100%", "不能超过 100%")
                .Help("to draw everyone, write 100%", "如需全部抽取，请写 100%"));
        ok = false;
      } else {
        out.ratio = ratio;
      }
      break;
    }
    case K::kInt:
      out.count = CountValue(value, "sample", 0);
      ok = out.count.has_value();
      break;
    case K::kDecimal: {
      std::optional<Decimal> number = Decimal::Parse(value.text);
      std::string percent = number ? number->ToPercent() : value.text + "%";
      Add(DiagBuilder(DiagKind::kRatioWithoutPercent, file_, value.range)
              .Message(fmt::format("`{}` is a decimal number; a ratio is written with `%`",
                                   value.text),
                       fmt::format("`{}` 是小数；比例应写成百分数", value.text))
              .Label(fmt::format("did you mean {}?", percent), fmt::format("是否应为 {}？", percent))
              .Help(fmt::format("write `{}`", percent), fmt::format("请写成 `{}`", percent))
              .WithFix(fmt::format("write `{}`", percent), fmt::format("改为 `{}`", percent),
                       {{value.range, percent}}));
      ok = false;
      break;
    }
    default:
      WrongType(value, "sample", "a ratio (5%) or a count (20)", "比例（5%）或数量（20）");
      ok = false;
  }
  if (amount.min) {
    // A decimal was meant as a ratio (E0119 says so): its floor is fine.
    if (value.kind != K::kPercent && value.kind != K::kDecimal && value.kind != K::kMissing) {
      Add(DiagBuilder(DiagKind::kWrongValueType, file_, amount.min->range)
              .Message("`min` follows a ratio, as in `10% min 20`",
                       "`min`（不少于）只能跟在比例后面，例如 `10% min 20`")
              .Label("a count has no floor", "数量不需要下限"));
      ok = false;
    } else if (value.kind != K::kMissing) {
      out.min = CountValue(*amount.min, "min", 1);
      ok = ok && out.min.has_value();
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace planc::sema
