#include "tools/gen/options.h"

#include <fmt/format.h>

#include <charconv>
#include <map>

#include "tools/gen/inspectors.h"
#include "tools/gen/plan.h"
#include "tools/gen/registry.h"

namespace planc::gen {
namespace {

// Flags each subcommand takes; each is given at most once.
constexpr std::string_view kOutputFlags[] = {"-o", "--encoding", "--headers", "--bom", "--crlf"};
constexpr std::string_view kRegistryFlags[] = {"--rows", "--seed", "--cities"};
constexpr std::string_view kInspectorFlags[] = {"--count", "--seed"};
constexpr std::string_view kConflictFlags[] = {
    "--count", "--seed", "--rows", "--registry-seed", "--inspectors-count", "--inspectors-seed"};
constexpr std::string_view kPlanFlags[] = {"-o", "--tasks", "--seed", "--cities"};

// Conflicts are kept in memory to sort them; a bureau has dozens.
constexpr uint64_t kMaxConflicts = 10'000'000;

bool IsSwitch(std::string_view flag) { return flag == "--bom" || flag == "--crlf"; }

template <std::size_t N>
bool Contains(const std::string_view (&flags)[N], std::string_view flag) {
  for (std::string_view f : flags) {
    if (f == flag) return true;
  }
  return false;
}

bool Accepts(Command command, std::string_view flag) {
  // A plan is UTF-8 text, not a CSV export: no output flags.
  if (command == Command::kPlan) return Contains(kPlanFlags, flag);
  if (Contains(kOutputFlags, flag)) return true;
  switch (command) {
    case Command::kRegistry:
      return Contains(kRegistryFlags, flag);
    case Command::kInspectors:
      return Contains(kInspectorFlags, flag);
    case Command::kConflicts:
      return Contains(kConflictFlags, flag);
    case Command::kPlan:
    case Command::kHelp:
      return false;
  }
  return false;
}

std::optional<uint64_t> ParseNumber(std::string_view text) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

std::optional<Command> ParseCommand(std::string_view word) {
  if (word == "registry") return Command::kRegistry;
  if (word == "inspectors") return Command::kInspectors;
  if (word == "conflicts") return Command::kConflicts;
  if (word == "plan") return Command::kPlan;
  if (word == "help" || word == "-h" || word == "--help") return Command::kHelp;
  return std::nullopt;
}

}  // namespace

std::string_view Usage() {
  return R"(usage:
  planc-gen registry   --rows N --seed S -o FILE [--cities C] [output flags]
  planc-gen inspectors --seed S -o FILE [--count N] [output flags]
  planc-gen conflicts  --seed S --rows N -o FILE [--count N] [--registry-seed S]
                       [--inspectors-count N] [--inspectors-seed S] [output flags]
  planc-gen plan       --tasks N --seed S -o FILE [--cities C]
output flags:
  --encoding utf-8|gb18030   --headers en|zh   --bom (UTF-8 only)   --crlf
  -o - writes to standard output.
conflicts regenerates the registry and the inspectors instead of reading them:
give it the registry's --rows and seed (--registry-seed, default --seed) and
the inspectors' count (default 160) and seed (--inspectors-seed, default --seed).
plan writes a .plan of N tasks (1 to 99999) over the columns of the other files.
--cities C (1 to 9999, default 1): the registry covers C cities (districts
C01湖滨街道 …) and each task of the plan is one city's.
Same arguments, same bytes, on any machine.
)";
}

std::optional<Options> ParseOptions(int argc, const char* const* argv, std::string& error) {
  if (argc < 2) {
    error = "missing subcommand";
    return std::nullopt;
  }
  std::optional<Command> command = ParseCommand(argv[1]);
  if (!command) {
    error = fmt::format("unknown subcommand '{}'", argv[1]);
    return std::nullopt;
  }
  Options options;
  options.command = *command;
  if (*command == Command::kHelp) return options;

  std::map<std::string_view, std::string_view> given;
  for (int i = 2; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "-h" || flag == "--help") {
      options.command = Command::kHelp;
      return options;
    }
    if (flag == "--registry" || flag == "--inspectors") {
      error = fmt::format("{} FILE is not read: pass the --rows and seeds that generated it", flag);
      return std::nullopt;
    }
    if (!Accepts(*command, flag)) {
      error = fmt::format("unknown option '{}' for {}", flag, argv[1]);
      return std::nullopt;
    }
    if (given.count(flag) != 0) {
      error = fmt::format("option '{}' given twice", flag);
      return std::nullopt;
    }
    if (IsSwitch(flag)) {
      given[flag] = "";
      continue;
    }
    if (i + 1 >= argc) {
      error = fmt::format("option '{}' needs a value", flag);
      return std::nullopt;
    }
    given[flag] = argv[++i];
  }

  // Numbers: required ones first, then the optional ones with defaults.
  auto number = [&](std::string_view flag, std::optional<uint64_t> fallback,
                    uint64_t& out) -> bool {
    auto it = given.find(flag);
    if (it == given.end()) {
      if (fallback) {
        out = *fallback;
        return true;
      }
      error = fmt::format("missing {}", flag);
      return false;
    }
    std::optional<uint64_t> value = ParseNumber(it->second);
    if (!value) {
      error = fmt::format("{} needs a whole number, got '{}'", flag, it->second);
      return false;
    }
    out = *value;
    return true;
  };
  if (!number("--seed", std::nullopt, options.seed)) return std::nullopt;
  if (!number("--cities", 1, options.cities)) return std::nullopt;
  if (options.cities == 0 || options.cities > RegistryGenerator::kMaxCities) {
    error = fmt::format("--cities must be between 1 and {}", RegistryGenerator::kMaxCities);
    return std::nullopt;
  }
  switch (*command) {
    case Command::kRegistry:
      if (!number("--rows", std::nullopt, options.rows)) return std::nullopt;
      if (options.rows > RegistryGenerator::kMaxRows) {
        error = fmt::format("--rows may be at most {}", RegistryGenerator::kMaxRows);
        return std::nullopt;
      }
      break;
    case Command::kInspectors:
      if (!number("--count", 160, options.count)) return std::nullopt;
      if (options.count > kMaxInspectors) {
        error = fmt::format("--count may be at most {}", kMaxInspectors);
        return std::nullopt;
      }
      break;
    case Command::kConflicts: {
      ConflictOptions& c = options.conflicts;
      c.seed = options.seed;
      if (!number("--rows", std::nullopt, c.rows) || !number("--count", 40, c.count) ||
          !number("--registry-seed", options.seed, c.registry_seed) ||
          !number("--inspectors-count", 160, c.inspectors) ||
          !number("--inspectors-seed", options.seed, c.inspectors_seed)) {
        return std::nullopt;
      }
      if (c.count > kMaxConflicts) {
        error = fmt::format("--count may be at most {}", kMaxConflicts);
        return std::nullopt;
      }
      if (c.rows > RegistryGenerator::kMaxRows || c.inspectors > kMaxInspectors) {
        error = "--rows or --inspectors-count is larger than planc-gen ever generates";
        return std::nullopt;
      }
      options.count = c.count;
      options.rows = c.rows;
      break;
    }
    case Command::kPlan:
      if (!number("--tasks", std::nullopt, options.tasks)) return std::nullopt;
      if (options.tasks == 0 || options.tasks > kMaxPlanTasks) {
        error = fmt::format("--tasks must be between 1 and {}", kMaxPlanTasks);
        return std::nullopt;
      }
      break;
    case Command::kHelp:
      break;
  }

  OutputOptions& out = options.output;
  if (auto it = given.find("-o"); it != given.end()) {
    out.path = std::string(it->second);
  } else {
    error = "missing -o FILE";
    return std::nullopt;
  }
  if (auto it = given.find("--encoding"); it != given.end()) {
    if (it->second == "utf-8" || it->second == "utf8") {
      out.encoding = Encoding::kUtf8;
    } else if (it->second == "gb18030") {
      out.encoding = Encoding::kGb18030;
    } else {
      error = fmt::format("--encoding must be utf-8 or gb18030, got '{}'", it->second);
      return std::nullopt;
    }
  }
  if (auto it = given.find("--headers"); it != given.end()) {
    if (it->second == "en") {
      out.headers = Language::kEnglish;
    } else if (it->second == "zh") {
      out.headers = Language::kChinese;
    } else {
      error = fmt::format("--headers must be en or zh, got '{}'", it->second);
      return std::nullopt;
    }
  }
  out.bom = given.count("--bom") != 0;
  out.crlf = given.count("--crlf") != 0;
  if (out.bom && out.encoding != Encoding::kUtf8) {
    error = "--bom is for UTF-8 output only";
    return std::nullopt;
  }
  return options;
}

}  // namespace planc::gen
