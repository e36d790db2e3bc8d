#include "compiler/diag/engine.h"

#include <algorithm>
#include <tuple>

namespace planc {

void Diagnostics::Add(Diagnostic diagnostic) { all_.push_back(std::move(diagnostic)); }

std::size_t Diagnostics::Count(Severity severity) const {
  return static_cast<std::size_t>(std::count_if(
      all_.begin(), all_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::PromoteWarnings() {
  for (Diagnostic& d : all_) {
    if (d.severity == Severity::kWarning) d.severity = Severity::kError;
  }
}

std::vector<Diagnostic> Diagnostics::Sorted() const {
  std::vector<Diagnostic> sorted = all_;
  // Line and column, not byte offsets: a CSV diagnostic's file is an excerpt.
  auto key = [](const Diagnostic& d) {
    const std::string* path = nullptr;
    LineCol at;
    if (d.primary && d.primary->file) {
      path = &d.primary->file->path();
      at = d.primary->file->Position(d.primary->range.begin);
    }
    static const std::string kNone;
    return std::make_tuple(path != nullptr, path ? std::cref(*path) : std::cref(kNone), at.line,
                           at.column, std::cref(d.code));
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  return sorted;
}

}  // namespace planc
