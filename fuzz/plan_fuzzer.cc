// Parses, analyses and renders arbitrary bytes as a plan in every format; a
// plan without errors also goes through the model, the overlap analysis
// (without population figures: shared scopes) and every compile output.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"
#include "compiler/emit/emit.h"
#include "compiler/model/model.h"
#include "compiler/overlap/overlap.h"
#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = std::make_shared<planc::SourceFile>(
      "fuzz.plan", std::string(reinterpret_cast<const char*>(data), size));
  planc::Diagnostics diags;
  std::optional<planc::sema::Plan> plan;
  if (auto tree = planc::Parse(file, diags)) plan = planc::Analyze(*tree, file, diags);
  if (plan && !diags.has_errors()) {
    planc::model::Model model = planc::model::BuildModel(*plan, std::nullopt, "", diags);
    planc::overlap::Overlap overlap = planc::overlap::Analyze(model, diags);
    planc::overlap::DumpOverlap(model, overlap);
    planc::emit::DrawJobsJson(model, overlap);
    planc::emit::ScheduleJson(model, overlap);
    planc::emit::ScheduleCsv(model, overlap);
    planc::emit::PlanTableCsv(model);
    planc::emit::OverlapDot(model, overlap);
  }
  std::vector<planc::Diagnostic> sorted = diags.Sorted();
  for (planc::Format format : {planc::Format::kHuman, planc::Format::kJson,
                               planc::Format::kSarif, planc::Format::kGithub}) {
    for (planc::Lang lang : {planc::Lang::kEn, planc::Lang::kZh}) {
      planc::Render(format, sorted, {lang, false, "fuzz"});
    }
  }
  return 0;
}
