// Reads arbitrary bytes as a planc/stats@1 file both ways ReadStats can —
// atoms line by line where the file is as planc writes it, or all through
// yaml-cpp — and traps when they disagree: the same population, or the
// same diagnostics at the same places. Reading must report, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "compiler/data/stats_io.h"
#include "compiler/diag/engine.h"

namespace {

std::string Describe(const std::optional<planc::data::Population>& p,
                     const planc::Diagnostics& diags) {
  std::string out;
  for (const planc::Diagnostic& d : diags.Sorted()) {
    out += d.code + " " + d.message.en;
    if (d.primary) out += " @" + std::to_string(d.primary->range.begin);
    out += "\n";
  }
  if (!p) return out + "none";
  // WriteStats prints every field the reader fills.
  return out + planc::data::WriteStats(*p);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto file = std::make_shared<planc::SourceFile>(
      "stats.yaml", std::string(reinterpret_cast<const char*>(data), size));
  planc::Diagnostics fast_diags, yaml_diags;
  auto fast = planc::data::ReadStats(file, fast_diags, planc::data::StatsReading::kAny);
  auto yaml = planc::data::ReadStats(file, yaml_diags, planc::data::StatsReading::kYamlOnly);
  if (Describe(fast, fast_diags) != Describe(yaml, yaml_diags)) std::abort();
  return 0;
}
