#include <fmt/format.h>

#include "compiler/cli/commands.h"
#include "compiler/draw/prn.h"

namespace planc::cli {

int RunSeed(const CommonOptions& common, Io io) {
  std::optional<std::string> seed = draw::FreshSeed();
  if (!seed) {
    io.err << "planc: error: the operating system gave no random bytes (getrandom failed)\n";
    return kExitUsage;
  }
  std::string commitment = draw::Commitment(*seed);
  if (common.format == Format::kJson) {
    io.out << fmt::format(
        "{{\n  \"schema\": \"planc/seed@1\",\n  \"algorithm\": \"{}\",\n  \"seed\": \"{}\",\n"
        "  \"commitment\": \"{}\"\n}}\n",
        draw::kAlgorithm, *seed, commitment);
    return kExitOk;
  }
  io.out << fmt::format("seed        {}\ncommitment  {}\n", *seed, commitment);
  if (!common.quiet) {
    io.err << (common.lang == Lang::kZh
                   ? "抽取前公布 commitment（承诺值），抽取后公布 seed（种子）；"
                     "任何人都可以核对 sha256(seed) 是否等于 commitment。\n"
                   : "publish the commitment before the draw and the seed after it; anyone can "
                     "check that sha256(seed) is the commitment.\n");
  }
  return kExitOk;
}

}  // namespace planc::cli
