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
  // Line and column, not byte offsets: a CSV diagnostic's file is an excerpt.
  // Each key is computed once; ties keep the order of addition.
  struct Key {
    bool located;
    std::string path;
    std::uint32_t line, column;
    std::string code;
    std::size_t index;
    bool operator<(const Key& o) const {
      return std::tie(located, path, line, column, code, index) <
             std::tie(o.located, o.path, o.line, o.column, o.code, o.index);
    }
  };
  std::vector<Key> keys;
  keys.reserve(all_.size());
  for (std::size_t i = 0; i < all_.size(); ++i) {
    const Diagnostic& d = all_[i];
    Key key{false, "", 0, 0, d.code, i};
    if (d.primary && d.primary->file) {
      LineCol at = d.primary->file->Position(d.primary->range.begin);
      key = {true, d.primary->file->path(), at.line, at.column, d.code, i};
    }
    keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  std::vector<Diagnostic> sorted;
  sorted.reserve(all_.size());
  for (const Key& key : keys) sorted.push_back(all_[key.index]);
  return sorted;
}

}  // namespace planc
