#ifndef PLANC_DRAW_VERIFY_H_
#define PLANC_DRAW_VERIFY_H_

#include <string>

#include "compiler/data/text_source.h"
#include "compiler/diag/engine.h"

// `planc verify` (draw.md "Verification"): a draw folder is checked against
// the inputs a verifier holds, byte for byte.
namespace planc::draw {

struct VerifyInputs {
  std::string manifest;  // path of manifest.json; the folder holds the other outputs
  std::string registry;
  std::string inspectors;
  std::string conflicts;  // empty: none given
};

struct VerifyOutcome {
  bool identical = false;
  std::size_t files_checked = 0;  // outputs compared after the re-run
  std::string seed;
};

// Checks every input digest, every published file against its recorded
// digest, re-runs the draw in memory and compares every output. Each
// difference is E0505 naming the file (and, for an output, its first
// differing row); a manifest that cannot be read is E0506.
VerifyOutcome Verify(const VerifyInputs& inputs, Diagnostics& diags);

}  // namespace planc::draw

#endif  // PLANC_DRAW_VERIFY_H_
