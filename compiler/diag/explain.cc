#include "compiler/diag/explain.h"

namespace planc {
namespace {

struct Entry {
  const char* code;
  const char* en;
  const char* zh;
};

const Entry kEntries[] = {
#define PLANC_EXPLAIN(code, en, zh) {code, en, zh},
#include "compiler/diag/explain.def"
#undef PLANC_EXPLAIN
};

}  // namespace

std::string_view ExplainText(std::string_view code, Lang lang) {
  for (const Entry& entry : kEntries) {
    if (code == entry.code) return lang == Lang::kZh ? entry.zh : entry.en;
  }
  return {};
}

}  // namespace planc
