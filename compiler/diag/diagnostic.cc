#include "compiler/diag/diagnostic.h"

#include <algorithm>

namespace planc {

const std::vector<KindInfo>& AllKinds() {
  static const std::vector<KindInfo> kinds = {
#define PLANC_DIAG(Name, code, severity, title_en, title_zh) \
  {DiagKind::k##Name, code, Severity::severity, title_en, title_zh},
#include "compiler/diag/kinds.def"
#undef PLANC_DIAG
  };
  return kinds;
}

const KindInfo& Info(DiagKind kind) { return AllKinds()[static_cast<std::size_t>(kind)]; }

const KindInfo* FindKind(std::string_view code) {
  for (const KindInfo& info : AllKinds()) {
    if (code == info.code) return &info;
  }
  return nullptr;
}

DiagBuilder::DiagBuilder(DiagKind kind, SourcePtr file, SourceRange range) {
  const KindInfo& info = Info(kind);
  diag_.code = info.code;
  diag_.severity = info.severity;
  diag_.primary = Location{std::move(file), range, {}};
}

DiagBuilder& DiagBuilder::Message(std::string en, std::string zh) {
  diag_.message = {std::move(en), std::move(zh)};
  return *this;
}

DiagBuilder& DiagBuilder::Label(std::string en, std::string zh) {
  diag_.primary->label = {std::move(en), std::move(zh)};
  return *this;
}

DiagBuilder& DiagBuilder::Secondary(SourceRange range, std::string en, std::string zh) {
  diag_.secondary.push_back({diag_.primary->file, range, {std::move(en), std::move(zh)}});
  return *this;
}

DiagBuilder& DiagBuilder::Note(std::string en, std::string zh) {
  diag_.notes.push_back({std::move(en), std::move(zh)});
  return *this;
}

DiagBuilder& DiagBuilder::Help(std::string en, std::string zh) {
  diag_.help = {std::move(en), std::move(zh)};
  return *this;
}

DiagBuilder& DiagBuilder::WithFix(std::string en, std::string zh, std::vector<Edit> edits) {
  diag_.fixes.push_back({{std::move(en), std::move(zh)}, std::move(edits)});
  return *this;
}

}  // namespace planc
