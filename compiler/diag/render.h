#ifndef PLANC_DIAG_RENDER_H_
#define PLANC_DIAG_RENDER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace planc {

enum class Format { kHuman, kJson, kSarif, kGithub };

std::optional<Format> ParseFormat(std::string_view name);

struct RenderOptions {
  Lang lang = Lang::kEn;
  bool color = false;            // human only: ANSI colours
  std::string tool_version;      // SARIF driver version
};

// Each renderer reads diagnostics already sorted by the engine.
std::string RenderHuman(const std::vector<Diagnostic>& diags, const RenderOptions& options);
std::string RenderJson(const std::vector<Diagnostic>& diags, const RenderOptions& options);
std::string RenderSarif(const std::vector<Diagnostic>& diags, const RenderOptions& options);
std::string RenderGithub(const std::vector<Diagnostic>& diags, const RenderOptions& options);
std::string Render(Format format, const std::vector<Diagnostic>& diags,
                   const RenderOptions& options);

// The closing count line of the human format ("2 errors, 1 warning").
std::string RenderSummary(std::size_t errors, std::size_t warnings, std::size_t notes,
                          const RenderOptions& options);

const char* SeverityName(Severity severity);

}  // namespace planc

#endif  // PLANC_DIAG_RENDER_H_
