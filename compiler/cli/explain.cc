#include <fmt/format.h>

#include "compiler/cli/commands.h"
#include "compiler/diag/explain.h"
#include "compiler/util/strings.h"

namespace planc::cli {

int RunExplain(const std::string& code, const CommonOptions& common, Io io) {
  bool zh = common.lang == Lang::kZh;
  if (code.empty()) {
    for (const KindInfo& info : AllKinds()) {
      io.out << fmt::format("{}  {:<8} {}\n", info.code, SeverityName(info.severity),
                            zh ? info.title_zh : info.title_en);
    }
    return kExitOk;
  }
  std::string upper = code;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string_view text = ExplainText(upper, common.lang);
  if (!text.empty()) {
    io.out << text;
    if (text.back() != '\n') io.out << '\n';
    return kExitOk;
  }
  std::vector<std::string> codes;
  for (const KindInfo& info : AllKinds()) codes.emplace_back(info.code);
  std::string hint;
  if (auto guess = ClosestName(upper, codes)) {
    hint = zh ? fmt::format("；是否应为 {}？", *guess) : fmt::format("; did you mean {}?", *guess);
  }
  io.err << (zh ? fmt::format("planc: 错误：没有代码 `{}`{}\n运行 `planc explain` 查看全部代码\n",
                              code, hint)
                : fmt::format("planc: error: no code `{}`{}\nrun `planc explain` to list every code\n",
                              code, hint));
  return kExitUsage;
}

}  // namespace planc::cli
