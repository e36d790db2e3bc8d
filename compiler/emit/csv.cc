#include "compiler/emit/emit.h"

#include <array>
#include <map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "compiler/util/strings.h"

namespace planc::emit {
namespace {

std::string Row(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvField(fields[i]);
  }
  return line + "\r\n";
}

// "3.5%" from the exact ratio 0.035.
std::string Percent(const Decimal& ratio) {
  Decimal percent(ratio.units(), std::max(0, ratio.scale() - 2));
  if (ratio.scale() < 2) {
    std::int64_t units = ratio.units();
    for (int i = ratio.scale(); i < 2; ++i) units *= 10;
    percent = Decimal(units, 0);
  }
  return percent.ToString() + "%";
}

// A sample amount as a plan table writes it: 3.5%, 20户, 20%（不少于5户）.
std::string AmountText(const model::Stratum& s) {
  std::string text;
  if (s.ratio) {
    text = Percent(*s.ratio);
    if (s.min) text += fmt::format("（不少于{}户）", *s.min);
  } else if (s.count) {
    text = fmt::format("{}户", *s.count);
  }
  return text;
}

const char* MethodText(ast::Method m) {
  // The method keywords' Chinese spellings (docs/language.md).
  static constexpr const char* kText[] = {"实地核查", "书面检查", "网络监测"};  // onsite documents online
  return kText[static_cast<int>(m)];
}

const char* OrganizerText(ast::Organizer o) {
  static constexpr const char* kText[] = {"本局组织实施", "市局组织，本局实施",
                                          "省局组织，本局实施"};  // local city province
  return kText[static_cast<int>(o)];
}

// Whether `value` holds a byte that needs the field quoted: `,` `"` CR LF.
// Sixteen bytes at a time where the machine allows, as every cell of the
// draw's tables passes here.
bool NeedsQuotes(std::string_view value) {
  static constexpr auto kSpecial = [] {
    std::array<bool, 256> special{};
    for (unsigned char c : {',', '"', '\r', '\n'}) special[c] = true;
    return special;
  }();
  const char* p = value.data();
  const char* end = p + value.size();
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'),
                cr = _mm_set1_epi8('\r'), lf = _mm_set1_epi8('\n');
  for (; end - p >= 16; p += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, quote)),
                               _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, lf)));
    if (_mm_movemask_epi8(hit) != 0) return true;
  }
#endif
  bool special = false;
  for (; p < end; ++p) special = special || kSpecial[static_cast<unsigned char>(*p)];
  return special;
}

}  // namespace

void AppendCsvField(std::string& out, std::string_view value) {
  if (!NeedsQuotes(value)) {
    out.append(value);
    return;
  }
  out += '"';
  for (char c : value) {
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
}

std::string CsvField(const std::string& value) {
  std::string out;
  AppendCsvField(out, value);
  return out;
}

std::string PlanTableCsv(const model::Model& model) {
  // Units by their full names where the plan declares one.
  std::map<std::string, std::string> full_names;
  for (const sema::Unit& unit : model.plan->units) {
    if (!unit.full_name.empty()) full_names[unit.id] = unit.full_name;
  }
  auto unit_name = [&](const std::string& id) {
    auto it = full_names.find(id);
    return it == full_names.end() ? id : it->second;
  };
  std::string out = Row({"序号", "抽查任务名称", "抽查类型", "抽查对象", "抽查事项", "抽查比例/数量",
                         "信用风险分类抽查比例", "检查方式", "起止时间", "牵头单位", "配合单位",
                         "组织/实施"});
  int number = 0;
  for (const model::TaskModel& tm : model.tasks) {
    const sema::Task& t = *tm.task;
    std::string amount, by_credit;
    if (tm.strata.size() == 1 && tm.strata[0].name == "*") {
      amount = AmountText(tm.strata[0]);
      by_credit = t.domain == ast::Domain::kProfessional ? "专业领域，不分类" : "不分类";
    } else {
      std::vector<std::string> parts;
      for (const model::Stratum& s : tm.strata) {
        parts.push_back(s.name == "U" ? "未分类" + AmountText(s)
                                      : fmt::format("{}类{}", s.name, AmountText(s)));
      }
      by_credit = Join(parts, "，");
      amount = "按信用风险分类";
    }
    if (tm.planned) amount += fmt::format("（计划{}户）", *tm.planned);
    std::vector<std::string> with;
    for (const std::string& unit : t.with) with.push_back(unit_name(unit));
    std::vector<std::string> methods;
    for (ast::Method m : t.methods) methods.push_back(MethodText(m));
    out += Row({std::to_string(++number), t.name,
                t.type == ast::TaskType::kDirected ? "定向" : "不定向",
                expr::ToCanonical(t.targets), Join(t.items, "；"), amount, by_credit,
                Join(methods, "、"),
                fmt::format("{}至{}", t.window.start.ToString(), t.window.end.ToString()),
                unit_name(t.lead), Join(with, "、"), OrganizerText(t.organizer)});
  }
  return out;
}

std::string ScheduleCsv(const model::Model& model, const overlap::Overlap& overlap) {
  std::vector<std::string> header = {"group", "coordination", "task", "name", "window_start",
                                     "window_end", "merge", "common_start", "common_end",
                                     "planned", "group_planned"};
  for (ast::Coordination mode : overlap::kModes) {
    header.push_back(fmt::format("group_reached_{}", ast::Name(mode)));
    header.push_back(fmt::format("group_visits_{}", ast::Name(mode)));
  }
  std::string out = Row(header);
  for (const overlap::Group& g : overlap.groups) {
    for (std::size_t index : g.tasks) {
      const model::TaskModel& tm = model.tasks[index];
      const sema::Task& t = *tm.task;
      std::vector<std::string> row = {
          g.id, ast::Name(overlap.mode), t.id, t.name, t.window.start.ToString(),
          t.window.end.ToString(), ast::Name(t.merge),
          g.common ? g.common->first.ToString() : "", g.common ? g.common->second.ToString() : "",
          tm.planned ? std::to_string(*tm.planned) : "",
          g.planned ? std::to_string(*g.planned) : ""};
      for (std::size_t m = 0; m < overlap::kModes.size(); ++m) {
        row.push_back(overlap.figures ? overlap::FormatExpected(g.expected[m].reached) : "");
        row.push_back(overlap.figures ? overlap::FormatExpected(g.expected[m].visits) : "");
      }
      out += Row(row);
    }
  }
  return out;
}

}  // namespace planc::emit
