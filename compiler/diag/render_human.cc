// The human format: clang's first line, rustc's snippet and notes.
//   plan.plan:12:8: error[E0101]: unknown unit `食品流通股`
//      |
//   12 |   lead 食品流通股
//      |        ^^^^^^^^^^ not declared in this plan
//      = help: did you mean `食品流通监管股`?
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/source/utf8.h"

namespace planc {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kBlue = "\x1b[1;34m";

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!on_) return std::string(text);
    return fmt::format("{}{}{}", style, text, kReset);
  }

 private:
  bool on_;
};

std::string_view SeverityStyle(Severity severity) {
  switch (severity) {
    case Severity::kError: return kRed;
    case Severity::kWarning: return kYellow;
    case Severity::kNote: return kGreen;
  }
  return kBold;
}

const char* LocalSeverity(Severity severity, Lang lang) {
  if (lang == Lang::kZh) {
    switch (severity) {
      case Severity::kError: return "错误";
      case Severity::kWarning: return "警告";
      case Severity::kNote: return "提示";
    }
  }
  return SeverityName(severity);
}

// Tabs show as four spaces so that carets line up.
std::string ExpandTabs(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == '\t') {
      out += "    ";
    } else {
      out += c;
    }
  }
  return out;
}

// A span to mark on its first line: `^` for the primary, `-` for others.
struct Mark {
  std::size_t from;  // display columns before the span
  std::size_t width;
  char marker;
  std::string_view style;
  std::string label;
};

// One source line, then its marks: every marker on one line, the rightmost
// label beside it and the others each on a line of their own below.
void RenderLine(std::string& out, const SourceFile& file, std::uint32_t line_number,
                std::vector<Mark> marks, std::size_t gutter, const Painter& paint) {
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.from < b.from; });
  std::string number = std::to_string(line_number);
  out += fmt::format("{}{} {} {}\n", std::string(gutter - number.size(), ' '), paint(kBlue, number),
                     paint(kBlue, "|"), ExpandTabs(file.Line(line_number)));
  std::string markers;
  std::size_t column = 0;
  for (const Mark& mark : marks) {
    if (mark.from < column) continue;  // overlapping spans: the first one shows
    markers += std::string(mark.from - column, ' ') +
               paint(mark.style, std::string(mark.width, mark.marker));
    column = mark.from + mark.width;
  }
  const Mark& last = marks.back();
  std::string prefix = fmt::format("{} {} ", std::string(gutter, ' '), paint(kBlue, "|"));
  out += prefix + markers + (last.label.empty() ? "" : " " + paint(last.style, last.label)) + "\n";
  for (std::size_t i = marks.size() - 1; i-- > 0;) {
    if (marks[i].label.empty()) continue;
    out += prefix + std::string(marks[i].from, ' ') + paint(marks[i].style, marks[i].label) + "\n";
  }
}

Mark MarkOf(const SourceFile& file, const Location& loc, char marker, std::string_view style,
            Lang lang) {
  LineCol begin = file.Position(loc.range.begin);
  std::uint32_t line_start = file.LineStart(begin.line);
  std::string_view line = file.Line(begin.line);
  std::size_t from = std::min<std::size_t>(loc.range.begin - line_start, line.size());
  std::size_t to = std::min<std::size_t>(
      std::max<std::size_t>(loc.range.end, loc.range.begin) - line_start, line.size());
  std::string marked = ExpandTabs(line.substr(from, to - from));
  return {static_cast<std::size_t>(DisplayWidth(ExpandTabs(line.substr(0, from)))),
          static_cast<std::size_t>(std::max(1, DisplayWidth(marked))), marker, style,
          loc.label.In(lang)};
}

// The snippets of one file: its marked lines in line order.
void RenderFile(std::string& out, const SourceFile& file,
                const std::vector<std::pair<const Location*, bool>>& locations,
                std::size_t gutter, std::string_view primary_style, const Painter& paint,
                Lang lang) {
  std::map<std::uint32_t, std::vector<Mark>> lines;
  for (const auto& [loc, primary] : locations) {
    lines[file.Position(loc->range.begin).line].push_back(
        MarkOf(file, *loc, primary ? '^' : '-', primary ? primary_style : kBlue, lang));
  }
  for (auto& [line, marks] : lines) RenderLine(out, file, line, std::move(marks), gutter, paint);
}

void RenderOne(std::string& out, const Diagnostic& d, const RenderOptions& options,
               const Painter& paint) {
  std::string severity = LocalSeverity(d.severity, options.lang);
  std::string head = d.code.empty() ? severity : fmt::format("{}[{}]", severity, d.code);
  std::string where;
  if (d.primary && d.primary->file) {
    LineCol pos = d.primary->file->Position(d.primary->range.begin);
    where = fmt::format("{}:{}:{}: ", d.primary->file->path(), pos.line, pos.column);
  }
  out += fmt::format("{}{}: {}\n", paint(kBold, where), paint(SeverityStyle(d.severity), head),
                     paint(kBold, d.message.In(options.lang)));

  std::size_t gutter = 1;
  auto widen = [&](const Location& loc) {
    if (loc.file) {
      gutter = std::max(gutter, std::to_string(loc.file->Position(loc.range.begin).line).size());
    }
  };
  if (d.primary) widen(*d.primary);
  for (const Location& loc : d.secondary) widen(loc);
  std::string blank = fmt::format("{} {}\n", std::string(gutter, ' '), paint(kBlue, "|"));

  // Group the places by file, the primary's file first, others by path.
  std::vector<SourcePtr> files;
  std::map<const SourceFile*, std::vector<std::pair<const Location*, bool>>> by_file;
  auto add = [&](const Location& loc, bool primary) {
    // A whole-file remark (an empty file's excerpt) has no line to show.
    if (!loc.file || loc.file->text().empty()) return;
    if (!by_file.count(loc.file.get())) files.push_back(loc.file);
    by_file[loc.file.get()].emplace_back(&loc, primary);
  };
  if (d.primary) add(*d.primary, true);
  for (const Location& loc : d.secondary) add(loc, false);
  bool primary_first = !files.empty() && d.primary && files.front() == d.primary->file;
  std::stable_sort(files.begin() + (primary_first ? 1 : 0), files.end(),
                   [](const SourcePtr& a, const SourcePtr& b) { return a->path() < b->path(); });
  for (const SourcePtr& file : files) {
    if (!d.primary || file != d.primary->file) {
      const Location& first = *by_file[file.get()].front().first;
      LineCol pos = file->Position(first.range.begin);
      out += fmt::format("{}{} {}:{}:{}\n", std::string(gutter, ' '), paint(kBlue, "-->"),
                         file->path(), pos.line, pos.column);
    }
    out += blank;
    RenderFile(out, *file, by_file[file.get()], gutter, SeverityStyle(d.severity), paint,
               options.lang);
  }
  std::string note_word = options.lang == Lang::kZh ? "说明" : "note";
  std::string help_word = options.lang == Lang::kZh ? "建议" : "help";
  for (const Text& note : d.notes) {
    out += fmt::format("{} {} {}: {}\n", std::string(gutter, ' '), paint(kBlue, "="),
                       paint(kBold, note_word), note.In(options.lang));
  }
  if (!d.help.empty()) {
    out += fmt::format("{} {} {}: {}\n", std::string(gutter, ' '), paint(kBlue, "="),
                       paint(kBold, help_word), d.help.In(options.lang));
  }
  out += "\n";
}

}  // namespace

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

std::string RenderHuman(const std::vector<Diagnostic>& diags, const RenderOptions& options) {
  Painter paint(options.color);
  std::string out;
  for (const Diagnostic& d : diags) RenderOne(out, d, options, paint);
  return out;
}

std::string RenderSummary(std::size_t errors, std::size_t warnings, std::size_t notes,
                          const RenderOptions& options) {
  if (options.lang == Lang::kZh) {
    return fmt::format("{} 个错误，{} 个警告，{} 个提示\n", errors, warnings, notes);
  }
  auto plural = [](std::size_t n, const char* word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  return fmt::format("{}, {}, {}\n", plural(errors, "error"), plural(warnings, "warning"),
                     plural(notes, "note"));
}

}  // namespace planc
