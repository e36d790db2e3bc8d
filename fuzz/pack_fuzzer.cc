// Loads arbitrary bytes as a rule pack (YAML, then every expression parsed,
// type-checked and its params evaluated; it may extend the installed packs)
// and as a working-day calendar: loading must report, never crash or hang.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "compiler/diag/engine.h"
#include "compiler/rules/calendar.h"
#include "compiler/rules/pack.h"

namespace {

// One folder per process: the input as fuzz.yaml, and as a calendar.
const std::filesystem::path& Dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() /
                              ("planc_pack_fuzzer_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  {
    std::ofstream out(Dir() / "fuzz.yaml", std::ios::binary | std::ios::trunc);
    out << text;
  }
  planc::Diagnostics diags;
  auto plan = std::make_shared<planc::SourceFile>("plan.plan", "plan \"p\" { rules fuzz }");
  planc::rules::PackSearch search{{Dir().string(), "rules"}};
  std::optional<planc::rules::RuleSet> set =
      planc::rules::LoadRules({"fuzz"}, search, plan, {0, 4}, diags);
  planc::Diagnostics calendar_diags;
  planc::rules::Calendar::Load(std::make_shared<planc::SourceFile>("cal.yaml", text), calendar_diags);
  (void)set;
  return 0;
}
