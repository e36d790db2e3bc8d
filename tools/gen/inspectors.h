#ifndef PLANC_TOOLS_GEN_INSPECTORS_H_
#define PLANC_TOOLS_GEN_INSPECTORS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "tools/gen/csv_writer.h"

namespace planc::gen {

// One generated row of the inspector directory (执法检查人员名录库).
struct Inspector {
  std::string id;  // 执法证号, 35058120NNNNN
  std::string name;
  int unit = 0;                 // index into the units of examples/shishi-2024/plan.plan
  uint32_t qualifications = 0;  // bit i set: the i-th qualification
  int capacity = 0;             // 0: no limit (written empty)
  bool active = true;
};

// The most inspectors one file may hold (ids have five free digits).
inline constexpr uint64_t kMaxInspectors = 89000;

// The whole directory for (count, seed), in id order. The first two rounds
// go one to each unit and are active, so every unit and every pool of the
// flagship plan has inspectors once count >= 42.
std::vector<Inspector> GenerateInspectors(uint64_t count, uint64_t seed);

// Writes the directory; false (with `error`) on failure.
bool WriteInspectors(uint64_t count, uint64_t seed, const OutputOptions& options,
                     std::string& error);

}  // namespace planc::gen

#endif  // PLANC_TOOLS_GEN_INSPECTORS_H_
