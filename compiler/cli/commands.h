#ifndef PLANC_CLI_COMMANDS_H_
#define PLANC_CLI_COMMANDS_H_

#include <ostream>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/engine.h"
#include "compiler/diag/render.h"

namespace planc::cli {

// Exit codes of every command (product.md).
constexpr int kExitOk = 0;
constexpr int kExitInput = 1;
constexpr int kExitUsage = 2;

// Options every command shares.
struct CommonOptions {
  Lang lang = Lang::kEn;
  Format format = Format::kHuman;
  bool color = false;
  bool werror = false;
  bool quiet = false;
  std::vector<std::string> rules_dirs;  // --rules DIR, searched before the installed rules/
  bool strict = false;  // a rule that needs population counts and has none is an error
};

// Where population figures come from: --registry or --stats, else the plan's
// own `registry` or `stats` field (a path relative to the plan file).
struct PopulationOptions {
  std::string registry;
  std::string stats;
  std::string encoding = "auto";  // auto, utf-8, gb18030
  bool skip_invalid = false;
  std::string inspectors;  // check only: the inspector directory
  std::string conflicts;   // and its conflicts file
};

struct CheckOptions {
  std::string plan_path;
  std::string dump;      // "", "ast", "model", "overlap"
  std::string trace;     // --trace RULE: how that rule evaluated
  bool spans = true;     // --no-spans drops them from dumps
  PopulationOptions population;
};

struct CompileOptions {
  std::string plan_path;
  std::string output_dir;  // -o DIR, created when missing
  PopulationOptions population;
};

struct StatsOptions {
  std::string plan_path;  // optional
  std::string output;     // -o FILE, `-` for stdout
  PopulationOptions population;
};

struct FmtOptions {
  std::string plan_path;
  bool fix = false;    // apply the fixes diagnostics carry
  bool write = false;  // replace the file instead of printing the result
};

struct DrawCommandOptions {
  std::string jobs;  // drawjobs.json
  std::string registry, inspectors, conflicts;
  std::string seed;        // 64 lowercase hex digits
  std::string commitment;  // optional: sha256(seed) published before the draw
  std::string output_dir;
  std::string encoding = "auto";
  bool skip_invalid = false;
  bool recount = false;             // draw from the registry's counts when they changed
  bool publish_inspectors = false;  // publication.csv names each visit's team
};

struct VerifyCommandOptions {
  std::string manifest;
  std::string registry, inspectors, conflicts;
};

// The streams a command writes to; tests pass string streams.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

int RunCheck(const CheckOptions& options, const CommonOptions& common, Io io);
int RunCompile(const CompileOptions& options, const CommonOptions& common, Io io);
int RunExplain(const std::string& code, const CommonOptions& common, Io io);
int RunFmt(const FmtOptions& options, const CommonOptions& common, Io io);
int RunStats(const StatsOptions& options, const CommonOptions& common, Io io);
// `planc test [DIR]`: every .plan under DIR (default: the rules folder's
// tests/) is checked and its diagnostics compared with its `// expect:`
// comments; prints each failure and "N passed, N failed".
int RunTest(const std::string& dir, const CommonOptions& common, Io io);
// `planc seed`: a fresh 32-byte seed from the OS CSPRNG and its commitment
// sha256(seed_hex), as text lines or (`--format json`) a JSON object.
int RunSeed(const CommonOptions& common, Io io);

// `planc draw JOBS …`: the draws of draw.md, written as one step into a folder.
int RunDraw(const DrawCommandOptions& options, const CommonOptions& common, Io io);
// `planc verify MANIFEST …`: exit 0 only when the recorded draw is reproduced
// byte for byte from these inputs.
int RunVerify(const VerifyCommandOptions& options, const CommonOptions& common, Io io);

// Prints the diagnostics in the chosen format; returns the exit code they call for.
int Report(Diagnostics& diags, const CommonOptions& common, Io io);

// The whole command line: parses `args` (args[0] is the program name) and
// runs the subcommand. main() and the tests call it alike.
int Main(const std::vector<std::string>& args, Io io);

}  // namespace planc::cli

#endif  // PLANC_CLI_COMMANDS_H_
