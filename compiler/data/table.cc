#include "compiler/data/table.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "compiler/data/uscc.h"
#include "compiler/expr/date.h"
#include "compiler/source/utf8.h"
#include "compiler/util/strings.h"

namespace planc::data {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// A value as written (English or Chinese) and its English code.
struct Code {
  std::string_view written;
  std::string_view code;
};
constexpr Code kKinds[] = {{"enterprise", "enterprise"}, {"企业", "enterprise"},
                           {"individual", "individual"}, {"个体工商户", "individual"},
                           {"cooperative", "cooperative"}, {"农民专业合作社", "cooperative"}};
constexpr Code kStatuses[] = {{"active", "active"},       {"存续", "active"},
                              {"在业", "active"},         {"revoked", "revoked"},
                              {"吊销", "revoked"},        {"cancelled", "cancelled"},
                              {"注销", "cancelled"}};
constexpr Code kCredits[] = {{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"}, {"U", "U"},
                             {"未分类", "U"}};
constexpr Code kBools[] = {{"true", "true"}, {"是", "true"}, {"false", "false"}, {"否", "false"}};

// The English code of a value written either way into `out`; false when
// the value (not empty) is unknown.
template <std::size_t N>
bool Coded(std::string_view value, std::string_view& out, const Code (&table)[N]) {
  for (const Code& entry : table) {
    // The size and the first byte first: most candidates differ there. The
    // values are a few bytes, compared here rather than by a call to memcmp
    // on every cell of these columns.
    const std::string_view& written = entry.written;
    if (value.size() != written.size() || value[0] != written[0]) continue;
    std::size_t i = 1;
    while (i < value.size() && value[i] == written[i]) ++i;
    if (i == value.size()) {
      out = entry.code;
      return true;
    }
  }
  return false;
}

std::optional<int> Number(std::string_view text) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY年M月D日` as a date; month and day may
// have one digit, and a spreadsheet's ` 00:00:00` may follow.
std::optional<Date> ParseAnyDate(std::string_view text) {
  if (auto date = Date::Parse(text)) return date;
  if (text.size() > 9 && text.substr(text.size() - 9) == " 00:00:00") text.remove_suffix(9);
  for (char sep : {'-', '/'}) {
    std::size_t a = text.find(sep), b = text.rfind(sep);
    if (a != 4 || b == a || b - a > 3 || text.size() - b > 3 || text.size() - b < 2) continue;
    auto year = Number(text.substr(0, a));
    auto month = Number(text.substr(a + 1, b - a - 1));
    auto day = Number(text.substr(b + 1));
    if (!year || !month || !day) return std::nullopt;
    return Date::Parse(fmt::format("{:04}-{:02}-{:02}", *year, *month, *day));
  }
  std::size_t y = text.find("年"), m = text.find("月"), d = text.find("日");
  if (y == std::string_view::npos || m == std::string_view::npos || d == std::string_view::npos ||
      !(y < m && m < d) || d + std::string_view("日").size() != text.size()) {
    return std::nullopt;
  }
  auto year = Number(text.substr(0, y));
  auto month = Number(text.substr(y + 3, m - y - 3));
  auto day = Number(text.substr(m + 3, d - m - 3));
  if (!year || !month || !day || *year < 1000 || *year > 9999) return std::nullopt;
  return Date::Parse(fmt::format("{:04}-{:02}-{:02}", *year, *month, *day));
}

}  // namespace

const TableSpec& RegistrySpec() {
  static const TableSpec spec{
      "registry",
      "检查对象名录库",
      {
          {"uscc", {"统一社会信用代码"}, true, true, ValueKind::kUscc},
          {"name", {"企业名称", "名称"}, true, true, ValueKind::kText},
          {"kind", {"主体类型"}, true, true, ValueKind::kKind},
          {"industry", {"行业代码"}, false, false, ValueKind::kText},
          {"district", {"所属辖区", "管辖单位"}, false, false, ValueKind::kText},
          {"credit", {"信用风险分类"}, true, false, ValueKind::kCredit},
          {"licences", {"许可证", "许可类型"}, false, false, ValueKind::kList},
          {"status", {"登记状态"}, true, true, ValueKind::kStatus},
          {"tags", {"标签"}, false, false, ValueKind::kList},
          {"registered_on", {"成立日期"}, false, false, ValueKind::kDate},
      }};
  return spec;
}

const TableSpec& InspectorSpec() {
  static const TableSpec spec{
      "inspector directory",
      "执法检查人员名录库",
      {
          {"id", {"执法证号"}, true, true, ValueKind::kText},
          {"name", {"姓名"}, true, true, ValueKind::kText},
          {"unit", {"所属单位"}, false, false, ValueKind::kText},
          {"qualifications", {"执法领域", "资格"}, false, false, ValueKind::kList},
          {"capacity", {"年度检查上限"}, false, false, ValueKind::kCount},
          {"active", {"在岗"}, false, false, ValueKind::kBool},
      }};
  return spec;
}

const TableSpec& ConflictSpec() {
  static const TableSpec spec{
      "conflicts file",
      "回避名单",
      {
          {"inspector", {"执法证号"}, true, true, ValueKind::kText},
          {"uscc", {"统一社会信用代码"}, true, true, ValueKind::kUscc},
          {"reason", {"回避事由"}, false, false, ValueKind::kText},
      }};
  return spec;
}

TableReader::TableReader(const TableSpec& spec, std::unique_ptr<CsvReader> csv, Diagnostics& diags)
    : spec_(spec), csv_(std::move(csv)), diags_(diags), normalised_(spec.columns.size()) {}

void TableReader::Report(DiagKind kind, int field, Text message, Text label, Text help) {
  if (++reported_[Info(kind).code] > kMaxReports) return;
  if (!excerpt_) {
    // Bytes that are not UTF-8 show as `?` (same offsets), never raw.
    std::string text(record_.text);
    std::size_t bad = 0;
    while (!IsValidUtf8(std::string_view(text).substr(0), &bad)) text[bad] = '?';
    excerpt_ = std::make_shared<SourceFile>(csv_->path(), std::move(text), record_.line);
  }
  SourceRange range{0, static_cast<std::uint32_t>(record_.text.size())};
  if (field >= 0 && static_cast<std::size_t>(field) < record_.offsets.size()) {
    std::uint32_t begin = record_.offsets[field];
    std::uint32_t end = static_cast<std::size_t>(field) + 1 < record_.offsets.size()
                            ? record_.offsets[field + 1] - 1
                            : static_cast<std::uint32_t>(record_.text.size());
    range = {begin, std::max(begin, end)};
  }
  DiagBuilder d(kind, excerpt_, range);
  d.Message(std::move(message.en), std::move(message.zh))
      .Label(std::move(label.en), std::move(label.zh));
  if (!help.empty()) d.Help(std::move(help.en), std::move(help.zh));
  Diagnostic diagnostic = d;
  if (skip_invalid_ && in_row_ && diagnostic.severity == Severity::kError) {
    diagnostic.severity = Severity::kWarning;
    diagnostic.notes.push_back({"the row is skipped (--skip-invalid)", "已跳过此行（--skip-invalid）"});
  }
  diags_.Add(std::move(diagnostic));
}

bool TableReader::Close() {
  auto file = std::make_shared<SourceFile>(csv_->path(), "");
  for (const auto& [code, count] : reported_) {
    if (count <= static_cast<std::uint64_t>(kMaxReports)) continue;
    const KindInfo* info = FindKind(code);
    DiagBuilder d(info ? info->kind : DiagKind::kCsvSyntax, file, {0, 0});
    d.Message(fmt::format("{} more {} in this file are not shown", count - kMaxReports, code),
              fmt::format("此文件中另有 {} 处 {} 未显示", count - kMaxReports, code))
        .Note(fmt::format("only the first {} of each kind are listed", kMaxReports),
              fmt::format("每类只列出前 {} 处", kMaxReports));
    Diagnostic diagnostic = d;
    diagnostic.severity = Severity::kNote;
    diags_.Add(std::move(diagnostic));
  }
  if (csv_->error().empty()) return true;
  skip_invalid_ = false;
  Report(DiagKind::kInvalidEncoding, -1, {csv_->error(), csv_->error()},
         {"reading stopped here", "读取在此中止"});
  return false;
}

bool TableReader::ReadHeader() {
  if (!csv_->Next(record_)) {
    excerpt_ = nullptr;
    auto empty = std::make_shared<SourceFile>(csv_->path(), "");
    std::string example = fmt::format("{},{},{},…", spec_.columns[0].name, spec_.columns[1].name,
                                      spec_.columns.size() > 2 ? spec_.columns[2].name : "");
    diags_.Add(DiagBuilder(DiagKind::kEmptyTable, empty, {0, 0})
                   .Message(fmt::format("the {} has no header row", spec_.what_en),
                            fmt::format("{}没有表头行", spec_.what_zh))
                   .Help(fmt::format("the first line must name the columns, e.g. `{}`", example),
                         fmt::format("第一行应为列名，例如 `{}`", example)));
    return false;
  }
  excerpt_ = nullptr;
  if (!csv_->problem().empty()) {
    Report(DiagKind::kCsvSyntax, FieldAt(csv_->problem_offset()), csv_->problem(),
           {"malformed here", "格式错误"});
    return false;
  }
  header_ = Header{};
  for (const ColumnSpec& column : spec_.columns) header_.names.emplace_back(column.name);
  header_.column_to_field.assign(spec_.columns.size(), -1);
  header_.fields = record_.fields.size();
  bool ok = true;
  for (std::size_t i = 0; i < record_.fields.size(); ++i) {
    std::string_view cell = Trim(record_.fields[i]);
    int column = -1;
    for (std::size_t c = 0; c < spec_.columns.size() && column < 0; ++c) {
      const ColumnSpec& spec = spec_.columns[c];
      if (EqualsIgnoringAsciiCase(cell, spec.name)) column = static_cast<int>(c);
      for (const char* alias : spec.aliases) {
        if (cell == alias) column = static_cast<int>(c);
      }
    }
    if (column >= 0 && header_.column_to_field[column] >= 0) {
      Report(DiagKind::kDuplicateColumn, static_cast<int>(i),
             {fmt::format("column `{}` appears twice in the header", header_.names[column]),
              fmt::format("表头中 `{}` 列出现了两次", header_.names[column])},
             {"second column of this name", "同名的第二列"},
             {"delete or rename one of the two columns", "请删除或重命名其中一列"});
      ok = false;
      column = -1;
    }
    if (column < 0) {
      column = static_cast<int>(header_.names.size());
      header_.names.emplace_back(cell);
      header_.column_to_field.push_back(static_cast<int>(i));
    } else {
      header_.column_to_field[column] = static_cast<int>(i);
    }
    header_.field_to_column.push_back(column);
  }
  // Free text that may be empty, and columns the spec does not know, are
  // taken as they are; every other cell goes through CheckCell.
  fields_.clear();
  for (int column : header_.field_to_column) {
    FieldCheck check{column, ValueKind::kText, false, false};
    if (static_cast<std::size_t>(column) < spec_.columns.size()) {
      const ColumnSpec& spec = spec_.columns[column];
      bool text = spec.kind == ValueKind::kText || spec.kind == ValueKind::kList;
      check.kind = spec.kind;
      check.non_empty = spec.non_empty;
      check.checked = !text || spec.non_empty;
    }
    fields_.push_back(check);
  }
  std::vector<std::string> missing;
  for (std::size_t c = 0; c < spec_.columns.size(); ++c) {
    const ColumnSpec& spec = spec_.columns[c];
    if (spec.required && header_.column_to_field[c] < 0) {
      missing.push_back(fmt::format("`{}` ({})", spec.name, spec.aliases.front()));
    }
  }
  if (!missing.empty()) {
    Report(DiagKind::kMissingColumn, -1,
           {fmt::format("the {} has no column {}", spec_.what_en, Join(missing, ", ")),
            fmt::format("{}缺少列 {}", spec_.what_zh, Join(missing, "、"))},
           {"this header", "此表头"},
           {"add the column; headers may be English or Chinese, in any order",
            "请加上该列；列名可用英文或中文，顺序不限"});
    ok = false;
  }
  return ok;
}

std::unique_ptr<TableReader> TableReader::OpenPart(std::uint64_t offset,
                                                   Diagnostics& diags) const {
  std::string error;
  std::unique_ptr<CsvReader> csv = CsvReader::OpenPart(csv_->path(), offset, &error);
  if (!csv) {
    auto file = std::make_shared<SourceFile>(csv_->path(), "");
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, file, {0, 0})
                  .Message(fmt::format("cannot read the {}: {}", spec_.what_en, error),
                           fmt::format("无法读取{}：{}", spec_.what_zh, error)));
    return nullptr;
  }
  auto part = std::make_unique<TableReader>(spec_, std::move(csv), diags);
  part->header_ = header_;
  part->fields_ = fields_;
  part->skip_invalid_ = skip_invalid_;
  return part;
}

int TableReader::FieldAt(std::uint32_t offset) const {
  int field = -1;
  for (std::size_t i = 0; i < record_.offsets.size() && record_.offsets[i] <= offset; ++i) {
    field = static_cast<int>(i);
  }
  return field;
}

// The usual case, kept small: a valid cell is normalised into `row`; an
// invalid one is explained by ReportCell.
bool TableReader::CheckCell(const FieldCheck& check, std::string_view raw, int field,
                            std::string_view& out) {
  auto blank = [](char c) { return c == ' ' || c == '\t'; };
  std::string_view value = raw;
  if (check.kind != ValueKind::kText && check.kind != ValueKind::kList && !raw.empty() &&
      (blank(raw.front()) || blank(raw.back()))) {
    std::size_t begin = 0, end = raw.size();
    while (begin < end && blank(raw[begin])) ++begin;
    while (end > begin && blank(raw[end - 1])) --end;
    value = raw.substr(begin, end - begin);
  }
  out = value;
  bool ok = true;
  int column = check.column;
  if (value.empty()) {
    if (check.kind == ValueKind::kCredit) out = "U";
    ok = !check.non_empty;
  } else {
    switch (check.kind) {
      case ValueKind::kText: case ValueKind::kList: break;
      case ValueKind::kUscc: ok = CheckUscc(value) == UsccProblem::kNone; break;
      case ValueKind::kKind: ok = Coded(value, out, kKinds); break;
      case ValueKind::kStatus: ok = Coded(value, out, kStatuses); break;
      case ValueKind::kCredit: ok = Coded(value, out, kCredits); break;
      case ValueKind::kBool: ok = Coded(value, out, kBools); break;
      case ValueKind::kCount:
        ok = value.find_first_not_of("0123456789") == std::string_view::npos && value.size() <= 9;
        break;
      case ValueKind::kDate:
        if (Date::Parse(value)) break;  // already ISO: the usual case
        if (auto date = ParseAnyDate(value)) {
          normalised_[column] = date->ToString();
          out = normalised_[column];
        } else {
          ok = false;
        }
        break;
    }
  }
  if (!ok) ReportCell(column, value, field);
  return ok;
}

void TableReader::ReportCell(int column, std::string_view value, int field) {
  const ColumnSpec& spec = spec_.columns[column];
  const std::string& name = header_.names[column];
  if (value.empty()) {
    Report(DiagKind::kEmptyValue, field,
           {fmt::format("`{}` is empty", name), fmt::format("`{}` 为空", name)},
           {"a value is required here", "此处必须有值"});
    return;
  }
  auto unknown = [&](const char* allowed_en, const char* allowed_zh) {
    Report(DiagKind::kUnknownValue, field,
           {fmt::format("`{}` is not a value of `{}`", value, name),
            fmt::format("`{}` 不是 `{}` 的有效值", value, name)},
           {fmt::format("expected {}", allowed_en), fmt::format("应为 {}", allowed_zh)});
  };
  switch (spec.kind) {
    case ValueKind::kText: case ValueKind::kList: return;
    case ValueKind::kUscc: {
      UsccProblem problem = CheckUscc(value);
      std::string detail_en, detail_zh;
      if (problem == UsccProblem::kLength) {
        detail_en = fmt::format("it has {} characters, not 18", CountCodePoints(value));
        detail_zh = fmt::format("共 {} 位，应为 18 位", CountCodePoints(value));
      } else if (problem == UsccProblem::kCharacter) {
        std::size_t at = value.find_first_not_of("0123456789ABCDEFGHJKLMNPQRTUWXY");
        std::size_t end = at + 1;
        while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
        std::string bad(value.substr(at, end - at));
        detail_en = fmt::format("`{}` is not one of 0-9 and ABCDEFGHJKLMNPQRTUWXY", bad);
        detail_zh = fmt::format("`{}` 不在 0-9 与 ABCDEFGHJKLMNPQRTUWXY 之中", bad);
      } else {
        char check = *UsccCheckCharacter(value.substr(0, 17));
        detail_en = fmt::format("its check character is `{}`, but the first 17 give `{}`",
                                value[17], check);
        detail_zh = fmt::format("校验码为 `{}`，但按前 17 位计算应为 `{}`", value[17], check);
      }
      Report(DiagKind::kInvalidUscc, field,
             {fmt::format("`{}` is not a valid unified social credit code", value),
              fmt::format("`{}` 不是有效的统一社会信用代码", value)},
             {detail_en, detail_zh},
             {"copy the code again from the business licence or the credit publicity system",
              "请从营业执照或信用公示系统重新核对该代码"});
      return;
    }
    case ValueKind::kKind:
      return unknown("enterprise, individual or cooperative", "企业、个体工商户或农民专业合作社");
    case ValueKind::kStatus:
      return unknown("active, revoked or cancelled", "存续（在业）、吊销或注销");
    case ValueKind::kCredit:
      return unknown("A, B, C, D, or empty when not yet classified", "A、B、C、D，尚未分类则留空");
    case ValueKind::kBool:
      return unknown("true or false (是 or 否)", "是或否（true 或 false）");
    case ValueKind::kCount:
      Report(DiagKind::kInvalidCount, field,
             {fmt::format("`{}` of `{}` is not a whole number", value, name),
              fmt::format("`{}` 的值 `{}` 不是整数", name, value)},
             {"expected a whole number, or nothing for no limit", "应为整数；无上限则留空"});
      return;
    case ValueKind::kDate:
      Report(DiagKind::kInvalidDate, field,
             {fmt::format("`{}` is not a date", value), fmt::format("`{}` 不是有效日期", value)},
             {"expected YYYY-MM-DD, YYYY/MM/DD or YYYY年M月D日", "应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYY年M月D日"});
      return;
  }
}

bool TableReader::Next(Row& row, bool& valid) {
  if (!csv_->Next(record_)) return false;
  excerpt_ = nullptr;
  in_row_ = true;
  valid = true;
  row.line = record_.line;
  // A valid record sets every column the header has; the others stay empty.
  // A record rejected as a whole leaves the row empty.
  if (row.values.size() != header_.names.size() || !csv_->problem().empty() ||
      record_.fields.size() != header_.fields) {
    row.values.assign(header_.names.size(), std::string_view());
  }
  if (!csv_->problem().empty()) {
    Report(DiagKind::kCsvSyntax, FieldAt(csv_->problem_offset()), csv_->problem(),
           {"malformed here", "格式错误"});
    valid = false;
    return true;  // its fields are not to be trusted: no more reports for it
  }
  if (!record_.utf8_checked && !IsValidUtf8(record_.text)) {
    row.values.assign(header_.names.size(), std::string_view());
    Report(DiagKind::kInvalidEncoding, -1,
           {fmt::format("this row is not valid {}", EncodingName(csv_->source().encoding())),
            fmt::format("此行不是有效的 {} 编码", EncodingName(csv_->source().encoding()))},
           {"undecodable bytes", "无法解码的字节"},
           csv_->source().encoding() == Encoding::kUtf8
               ? Text{"convert this row to UTF-8, or export the whole file again as CSV UTF-8",
                      "请把此行转换为 UTF-8，或把整个文件重新导出为 CSV UTF-8"}
               : Text{"export the whole file again in one encoding (CSV UTF-8)",
                      "请用同一种编码（CSV UTF-8）重新导出整个文件"});
    valid = false;
    return true;
  }
  if (record_.fields.size() != header_.fields) {
    int at = record_.fields.size() > header_.fields ? static_cast<int>(header_.fields) : -1;
    Report(DiagKind::kRaggedRow, at,
           {fmt::format("this row has {} fields, the header has {}", record_.fields.size(),
                        header_.fields),
            fmt::format("此行有 {} 个字段，表头有 {} 个", record_.fields.size(), header_.fields)},
           {record_.fields.size() > header_.fields ? "an extra field starts here" : "fields missing",
            record_.fields.size() > header_.fields ? "多出的字段从这里开始" : "缺少字段"},
           record_.fields.size() > header_.fields
               ? Text{"a comma inside a value needs the value quoted: \"a, b\"",
                      "值中含逗号时，需给整个值加引号：\"a, b\""}
               : Text{"give every column a value, empty ones as nothing between commas",
                      "每一列都要有值，空值写成两个逗号之间什么也不写"});
    valid = false;
    return true;
  }
  const FieldCheck* checks = fields_.data();
  const std::string_view* fields = record_.fields.data();
  std::string_view* values = row.values.data();
  for (std::size_t i = 0; i < header_.fields; ++i) {
    const FieldCheck& check = checks[i];
    if (check.checked) {
      valid = CheckCell(check, fields[i], static_cast<int>(i), values[check.column]) && valid;
    } else {
      values[check.column] = fields[i];
    }
  }
  return true;
}

std::unique_ptr<TableReader> OpenTable(const std::string& path, const TableSpec& spec,
                                       Encoding encoding, Diagnostics& diags) {
  std::string error;
  auto csv = CsvReader::Open(path, encoding, &error);
  if (!csv) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, file, {0, 0})
                  .Message(fmt::format("cannot read the {}: {}", spec.what_en, error),
                           fmt::format("无法读取{}：{}", spec.what_zh, error)));
    return nullptr;
  }
  if (csv->source().detected_gb18030()) {
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kDecodedAsGb18030, file, {0, 0})
                  .Message(fmt::format("the {} is not UTF-8: read as GB18030", spec.what_en),
                           fmt::format("{}不是 UTF-8 编码：已按 GB18030 读取", spec.what_zh))
                  .Help("pass --encoding utf-8 or --encoding gb18030 to choose yourself",
                        "可用 --encoding utf-8 或 --encoding gb18030 指定编码"));
  }
  auto table = std::make_unique<TableReader>(spec, std::move(csv), diags);
  if (!table->ReadHeader()) return nullptr;
  return table;
}

}  // namespace planc::data
