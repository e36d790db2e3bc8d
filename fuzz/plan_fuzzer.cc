// Parses, analyses and renders arbitrary bytes as a plan in every format.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"
#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = std::make_shared<planc::SourceFile>(
      "fuzz.plan", std::string(reinterpret_cast<const char*>(data), size));
  planc::Diagnostics diags;
  if (auto tree = planc::Parse(file, diags)) planc::Analyze(*tree, file, diags);
  std::vector<planc::Diagnostic> sorted = diags.Sorted();
  for (planc::Format format : {planc::Format::kHuman, planc::Format::kJson,
                               planc::Format::kSarif, planc::Format::kGithub}) {
    for (planc::Lang lang : {planc::Lang::kEn, planc::Lang::kZh}) {
      planc::Render(format, sorted, {lang, false, "fuzz"});
    }
  }
  return 0;
}
