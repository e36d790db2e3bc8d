#include "tools/gen/conflicts.h"

#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "tools/gen/inspectors.h"
#include "tools/gen/random.h"
#include "tools/gen/registry.h"

namespace planc::gen {
namespace {

// Grounds for stepping aside (行政处罚法 art. 43 and provincial rules).
constexpr std::string_view kReasons[] = {
    "近亲属任职",
    "曾在该企业任职",
    "存在经济往来",
    "近亲属持股",
    "与当事人有其他关系，可能影响公正执法",
};

}  // namespace

bool WriteConflicts(const ConflictOptions& conflicts, const OutputOptions& options,
                    std::string& error) {
  static const Weighted kReasonWeights{35, 20, 20, 15, 10};
  std::vector<Inspector> inspectors =
      GenerateInspectors(conflicts.inspectors, conflicts.inspectors_seed);
  std::vector<const Inspector*> active;
  for (const Inspector& inspector : inspectors) {
    if (inspector.active) active.push_back(&inspector);
  }
  RegistryGenerator registry(conflicts.registry_seed);
  RegistryRow row;
  Rng rng(conflicts.seed, Stream::kConflicts, 0);
  // (inspector id, uscc, reason), kept sorted and distinct by the pair.
  std::set<std::tuple<std::string, std::string, int>> picked;
  std::set<std::pair<std::string, std::string>> pairs;
  uint64_t attempts = 20 * conflicts.count + 100;
  while (picked.size() < conflicts.count && attempts-- > 0 && !active.empty() &&
         conflicts.rows > 0) {
    const Inspector& inspector = *active[rng.Below64(active.size())];
    registry.Generate(rng.Below64(conflicts.rows), row);
    int reason = kReasonWeights.Pick(rng);
    if (row.status != Status::kActive) continue;
    if (!pairs.emplace(inspector.id, row.uscc).second) continue;
    picked.emplace(inspector.id, row.uscc, reason);
  }

  std::unique_ptr<CsvWriter> out = CsvWriter::Open(options, error);
  if (out == nullptr) return false;
  bool zh = options.headers == Language::kChinese;
  out->Field(zh ? "执法证号" : "inspector");
  out->Field(zh ? "统一社会信用代码" : "uscc");
  out->Field(zh ? "回避事由" : "reason");
  out->EndRow();
  for (const auto& [id, uscc, reason] : picked) {
    out->Field(id);
    out->Field(uscc);
    out->Field(kReasons[reason]);
    out->EndRow();
  }
  return out->Finish(error);
}

}  // namespace planc::gen
