// The human format: clang's first line, rustc's snippet and notes.
//   plan.plan:12:8: error[E0101]: unknown unit `食品流通股`
//      |
//   12 |   lead 食品流通股
//      |        ^^^^^^^^^^ not declared in this plan
//      = help: did you mean `食品流通监管股`?
#include <algorithm>
#include <string>

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

// One source line with a marker under [begin, end) of it (byte offsets in the line).
void RenderSnippet(std::string& out, const SourceFile& file, const Location& loc, char marker,
                   std::string_view style, std::size_t gutter, const Painter& paint,
                   Lang lang) {
  LineCol begin = file.Position(loc.range.begin);
  std::uint32_t line_start = file.LineStart(begin.line);
  std::string_view line = file.Line(begin.line);
  std::size_t from = std::min<std::size_t>(loc.range.begin - line_start, line.size());
  std::size_t to = std::min<std::size_t>(
      std::max<std::size_t>(loc.range.end, loc.range.begin) - line_start, line.size());
  std::string prefix = ExpandTabs(line.substr(0, from));
  std::string marked = ExpandTabs(line.substr(from, to - from));
  int width = std::max(1, DisplayWidth(marked));
  std::string number = std::to_string(begin.line);
  std::string pad(gutter - number.size(), ' ');
  out += fmt::format("{}{} {} {}\n", pad, paint(kBlue, number), paint(kBlue, "|"),
                     ExpandTabs(line));
  std::string markers = std::string(DisplayWidth(prefix), ' ') + paint(style, std::string(width, marker));
  std::string label = loc.label.In(lang);
  out += fmt::format("{} {} {}{}\n", std::string(gutter, ' '), paint(kBlue, "|"), markers,
                     label.empty() ? "" : " " + paint(style, label));
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

  if (d.primary && d.primary->file) {
    out += blank;
    RenderSnippet(out, *d.primary->file, *d.primary, '^', SeverityStyle(d.severity), gutter,
                  paint, options.lang);
  }
  for (const Location& loc : d.secondary) {
    if (!loc.file) continue;
    if (!d.primary || loc.file != d.primary->file) {
      LineCol pos = loc.file->Position(loc.range.begin);
      out += fmt::format("{}{} {}:{}:{}\n", std::string(gutter, ' '), paint(kBlue, "-->"),
                         loc.file->path(), pos.line, pos.column);
    }
    RenderSnippet(out, *loc.file, loc, '-', kBlue, gutter, paint, options.lang);
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
