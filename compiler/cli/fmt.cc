// `planc fmt PLAN --fix [--write]`: applies the machine-applicable fixes that
// diagnostics carry (full-width punctuation, ideographic spaces, ratios
// without `%`, misspelt names). Canonical formatting is not implemented yet.
#include <algorithm>
#include <cstdio>
#include <fstream>

#include <fmt/format.h>

#include "compiler/cli/commands.h"
#include "compiler/cli/output.h"
#include "compiler/diag/engine.h"
#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"

namespace planc::cli {
int RunFmt(const FmtOptions& options, const CommonOptions& common, Io io) {
  bool zh = common.lang == Lang::kZh;
  if (!options.fix) {
    io.err << (zh ? "planc: 错误：规范格式化尚未实现；`planc fmt --fix` 可应用诊断附带的修改\n"
                  : "planc: error: canonical formatting is not implemented yet; "
                    "`planc fmt --fix` applies the fixes that diagnostics carry\n");
    return kExitUsage;
  }
  std::string error;
  SourcePtr file = LoadSourceFile(options.plan_path, &error);
  if (!file) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  Diagnostics diags;
  if (auto tree = Parse(file, diags)) Analyze(*tree, file, diags);
  // Every edit of every fix, latest first; an edit overlapping one already
  // taken is left for the next run.
  std::vector<Edit> edits;
  for (const Diagnostic& d : diags.Sorted()) {
    if (!d.primary || d.primary->file != file || d.fixes.empty()) continue;
    for (const Edit& edit : d.fixes.front().edits) edits.push_back(edit);
  }
  std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) {
    return a.range.begin != b.range.begin ? a.range.begin > b.range.begin : a.range.end > b.range.end;
  });
  std::string text = file->text();
  std::uint32_t limit = static_cast<std::uint32_t>(text.size());
  std::size_t applied = 0;
  for (const Edit& edit : edits) {
    if (edit.range.end > limit || edit.range.begin > edit.range.end) continue;
    text.replace(edit.range.begin, edit.range.end - edit.range.begin, edit.replacement);
    limit = edit.range.begin;
    ++applied;
  }
  if (!options.write) {
    io.out << text;
  } else if (applied > 0 && !WriteAtomically(file->path(), text, &error)) {
    io.err << "planc: error: " << error << "\n";
    return kExitUsage;
  }
  if (!common.quiet) {
    io.err << (zh ? fmt::format("{}：应用了 {} 处修改\n", file->path(), applied)
                  : fmt::format("{}: applied {} fix{}\n", file->path(), applied,
                                applied == 1 ? "" : "es"));
  }
  return kExitOk;
}

}  // namespace planc::cli
