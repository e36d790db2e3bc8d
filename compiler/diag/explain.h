#ifndef PLANC_DIAG_EXPLAIN_H_
#define PLANC_DIAG_EXPLAIN_H_

#include <string_view>

#include "compiler/diag/diagnostic.h"

namespace planc {

// The long text of a diagnostic code (explain.def), Markdown; empty when the
// code has none.
std::string_view ExplainText(std::string_view code, Lang lang);

}  // namespace planc

#endif  // PLANC_DIAG_EXPLAIN_H_
