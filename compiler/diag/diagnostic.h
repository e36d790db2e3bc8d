#ifndef PLANC_DIAG_DIAGNOSTIC_H_
#define PLANC_DIAG_DIAGNOSTIC_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_file.h"

namespace planc {

enum class Severity { kError, kWarning, kNote };
enum class Lang { kEn, kZh };

// Every kind of diagnostic planc's own stages produce (kinds.def).
enum class DiagKind : std::uint16_t {
#define PLANC_DIAG(Name, code, severity, title_en, title_zh) k##Name,
#include "compiler/diag/kinds.def"
#undef PLANC_DIAG
};

// What the registry knows of a kind: its code, default severity and title.
struct KindInfo {
  DiagKind kind;
  const char* code;
  Severity severity;
  const char* title_en;
  const char* title_zh;
};

const KindInfo& Info(DiagKind kind);
const std::vector<KindInfo>& AllKinds();
const KindInfo* FindKind(std::string_view code);

// A text in both message languages; renderers pick one.
struct Text {
  std::string en;
  std::string zh;
  const std::string& In(Lang lang) const { return lang == Lang::kZh && !zh.empty() ? zh : en; }
  bool empty() const { return en.empty() && zh.empty(); }
};

// A place in a file, with an optional label shown under it.
struct Location {
  SourcePtr file;
  SourceRange range;
  Text label;
};

// One text edit: replace `range` of the diagnostic's file with `replacement`.
struct Edit {
  SourceRange range;
  std::string replacement;
};

// A machine-applicable fix (`planc fmt --fix` and SARIF `fixes`).
struct Fix {
  Text description;
  std::vector<Edit> edits;
};

// The policy rule behind a diagnostic from a rule pack (absent for E/W codes).
struct RuleRef {
  std::string pack;
  std::string cite;
  Text title;
  Text help;
};

// One located message. Building it is separate from printing it: every
// renderer reads the same values.
struct Diagnostic {
  std::string code;
  Severity severity = Severity::kError;
  Text message;
  std::optional<Location> primary;   // absent for whole-run problems
  std::vector<Location> secondary;
  std::vector<Text> notes;
  Text help;
  std::vector<Fix> fixes;
  std::shared_ptr<const RuleRef> rule;
};

// Builds a diagnostic of a registered kind at a place in a file.
class DiagBuilder {
 public:
  DiagBuilder(DiagKind kind, SourcePtr file, SourceRange range);

  DiagBuilder& Message(std::string en, std::string zh);
  DiagBuilder& Label(std::string en, std::string zh);
  DiagBuilder& Secondary(SourceRange range, std::string en, std::string zh);
  DiagBuilder& Note(std::string en, std::string zh);
  DiagBuilder& Help(std::string en, std::string zh);
  DiagBuilder& WithFix(std::string en, std::string zh, std::vector<Edit> edits);

  // Hands over the diagnostic; the builder is spent afterwards.
  operator Diagnostic() { return std::move(diag_); }

 private:
  Diagnostic diag_;
};

}  // namespace planc

#endif  // PLANC_DIAG_DIAGNOSTIC_H_
