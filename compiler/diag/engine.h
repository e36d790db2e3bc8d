#ifndef PLANC_DIAG_ENGINE_H_
#define PLANC_DIAG_ENGINE_H_

#include <cstddef>
#include <vector>

#include "compiler/diag/diagnostic.h"

namespace planc {

// Collects the diagnostics of one run. Stages add to it and go on; the exit
// code comes from the error count.
class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);

  std::size_t errors() const { return Count(Severity::kError); }
  std::size_t warnings() const { return Count(Severity::kWarning); }
  std::size_t notes() const { return Count(Severity::kNote); }
  bool has_errors() const { return errors() > 0; }
  bool empty() const { return all_.empty(); }

  // Turns every warning into an error (`--werror`).
  void PromoteWarnings();

  // Sorted by file, line, column and code; ties keep the order of addition.
  std::vector<Diagnostic> Sorted() const;

 private:
  std::size_t Count(Severity severity) const;
  std::vector<Diagnostic> all_;
};

}  // namespace planc

#endif  // PLANC_DIAG_ENGINE_H_
