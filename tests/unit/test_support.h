// Helpers shared by the unit tests: building files from strings and reading
// diagnostics back.
#ifndef PLANC_TESTS_UNIT_TEST_SUPPORT_H_
#define PLANC_TESTS_UNIT_TEST_SUPPORT_H_

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/engine.h"
#include "compiler/source/source_file.h"

namespace planc::test {

inline SourcePtr MakeFile(std::string text, std::string path = "test.plan") {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

// The codes of all diagnostics, in the engine's sorted order.
inline std::vector<std::string> Codes(const Diagnostics& diags) {
  std::vector<std::string> codes;
  for (const Diagnostic& d : diags.Sorted()) codes.push_back(d.code);
  return codes;
}

inline int CountCode(const Diagnostics& diags, std::string_view code) {
  std::vector<std::string> codes = Codes(diags);
  return static_cast<int>(std::count(codes.begin(), codes.end(), code));
}

// The diagnostics of one code, sorted.
inline std::vector<Diagnostic> WithCode(const Diagnostics& diags, std::string_view code) {
  std::vector<Diagnostic> out;
  for (Diagnostic& d : diags.Sorted()) {
    if (d.code == code) out.push_back(std::move(d));
  }
  return out;
}

// The bytes of `file` covered by `range`.
inline std::string TextAt(const SourceFile& file, SourceRange range) {
  if (range.end < range.begin || range.end > file.text().size()) return "<bad range>";
  return file.text().substr(range.begin, range.end - range.begin);
}

inline bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// The text with every edit applied (edits must not overlap).
inline std::string ApplyEdits(std::string text, std::vector<Edit> edits) {
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.range.begin > b.range.begin; });
  for (const Edit& edit : edits) {
    text.replace(edit.range.begin, edit.range.end - edit.range.begin, edit.replacement);
  }
  return text;
}

// One line per diagnostic ("E0001 @12"), for failure messages.
inline std::string Describe(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.Sorted()) {
    out += d.code;
    if (d.primary) out += " @" + std::to_string(d.primary->range.begin);
    out += " " + d.message.en + "\n";
  }
  return out;
}

}  // namespace planc::test

#endif  // PLANC_TESTS_UNIT_TEST_SUPPORT_H_
