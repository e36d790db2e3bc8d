#include "compiler/draw/verify.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/draw/jobs.h"
#include "compiler/draw/json_fields.h"
#include "compiler/draw/prn.h"
#include "compiler/draw/record.h"
#include "compiler/util/sha256.h"
#include "planc_version.h"

namespace planc::draw {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

std::optional<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return bytes.str();
}

// A string member of a JSON object, or "" when absent or not a string.
std::string StringAt(const Json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The 1-based line where two texts first differ, and that line of each.
struct FirstDifference {
  std::size_t line = 0;
  std::string recorded, expected;
};

FirstDifference Compare(const std::string& recorded, const std::string& expected) {
  FirstDifference d;
  std::size_t at = 0, line_start = 0, line = 1;
  while (at < recorded.size() && at < expected.size() && recorded[at] == expected[at]) {
    if (recorded[at] == '\n') {
      ++line;
      line_start = at + 1;
    }
    ++at;
  }
  auto line_of = [&](const std::string& text) {
    std::size_t end = text.find('\n', line_start);
    std::string out = text.substr(std::min(line_start, text.size()),
                                  end == std::string::npos ? std::string::npos : end - line_start);
    if (!out.empty() && out.back() == '\r') out.pop_back();
    return out;
  };
  d.line = line;
  d.recorded = line_of(recorded);
  d.expected = line_of(expected);
  return d;
}

}  // namespace

VerifyOutcome Verify(const VerifyInputs& inputs, Diagnostics& diags) {
  VerifyOutcome outcome;
  std::optional<std::string> manifest_bytes = ReadAll(inputs.manifest);
  auto manifest_file = std::make_shared<SourceFile>(inputs.manifest, manifest_bytes.value_or(""));
  if (!manifest_bytes) {
    diags.Add(DiagBuilder(DiagKind::kDataFileUnreadable, manifest_file, {0, 0})
                  .Message("cannot read the draw manifest", "无法读取抽取清单")
                  .Help("pass the manifest.json of a folder that `planc draw` wrote",
                        "请指定 `planc draw` 输出目录中的 manifest.json"));
    return outcome;
  }
  Json manifest = Json::parse(*manifest_bytes, nullptr, false);
  JsonFields in(manifest_file, diags, DiagKind::kManifestInvalid,
                {"verify the manifest.json that `planc draw` wrote, unchanged",
                 "请核验 `planc draw` 写出的原始 manifest.json"});
  if (manifest.is_discarded() || !manifest.is_object()) {
    in.Problem("", "the manifest is not a JSON object", "清单不是 JSON 对象");
    return outcome;
  }
  std::string schema = in.String(manifest, "", "schema");
  if (in.ok() && schema != "planc/draw-manifest@1") {
    in.Problem("schema", fmt::format("is `{}`, not planc/draw-manifest@1", schema),
               fmt::format("为 `{}`，不是 planc/draw-manifest@1", schema));
  }
  std::string algorithm = in.String(manifest, "", "algorithm");
  if (in.ok() && algorithm != kAlgorithm) {
    in.Problem("algorithm", fmt::format("is `{}`; this planc verifies {} only", algorithm, kAlgorithm),
               fmt::format("为 `{}`；本程序只能核验 {}", algorithm, kAlgorithm));
  }
  std::string seed = in.String(manifest, "", "seed");
  if (in.ok() && !IsSeedHex(seed)) {
    in.Problem("seed", "must be 64 lowercase hex digits", "应为 64 位小写十六进制数");
  }
  DrawOptions options;
  if (const Json* o = in.Object(manifest, "", "options")) {
    options.publish_inspectors = in.Bool(*o, "options", "publish_inspectors");
  }
  const Json* recorded_inputs = in.Object(manifest, "", "inputs");
  const Json* outputs = in.Object(manifest, "", "outputs");
  if (!in.ok()) return outcome;
  outcome.seed = seed;
  fs::path folder = fs::path(inputs.manifest).parent_path();
  auto beside = [&](const std::string& name) { return (folder / name).string(); };

  bool identical = true;
  auto mismatch = [&](const std::string& path, std::string en, std::string zh, std::string help_en,
                      std::string help_zh) {
    identical = false;
    auto file = std::make_shared<SourceFile>(path, "");
    diags.Add(DiagBuilder(DiagKind::kVerifyMismatch, file, {0, 0})
                  .Message(std::move(en), std::move(zh))
                  .Help(std::move(help_en), std::move(help_zh)));
  };

  // Inputs: each file the verifier holds must be the one the draw read.
  struct Input {
    const char* role;
    const char* role_zh;
    std::string path;
  };
  // Whether a given file has the recorded digest; a mismatch (or, with no
  // `actual`, an unreadable file) is reported.
  auto compare_digest = [&](const Input& input, const std::optional<std::string>& actual,
                            const std::string& sha) {
    if (actual && *actual == sha) return true;
    if (!actual) {
      mismatch(input.path, fmt::format("cannot read the {} file", input.role),
               fmt::format("无法读取{}", input.role_zh), "check the path", "请检查路径");
    } else {
      mismatch(input.path,
               fmt::format("this {} file is not the one the draw used: its SHA-256 is {}, the "
                           "manifest records {}",
                           input.role, *actual, sha),
               fmt::format("该{}不是抽取时使用的文件：其 SHA-256 为 {}，清单记录为 {}",
                           input.role_zh, *actual, sha),
               "verify with the very file the draw read; any changed byte changes its SHA-256",
               "请使用抽取时读取的原文件核验；任何一个字节的改动都会改变 SHA-256");
    }
    return false;
  };
  // The registry may be large: its digest comes from the re-run, which reads
  // it anyway (a second read only when the re-run cannot start).
  std::optional<Input> registry;
  std::string registry_sha;
  std::vector<Input> given = {{"jobs", "抽取任务文件", beside("drawjobs.json")},
                              {"registry", "名录库", inputs.registry},
                              {"inspectors", "执法检查人员名录库", inputs.inspectors},
                              {"conflicts", "回避名单", inputs.conflicts}};
  for (const Input& input : given) {
    auto it = recorded_inputs->find(input.role);
    bool recorded = it != recorded_inputs->end() && it->is_object();
    if (!recorded && it != recorded_inputs->end() && !it->is_null()) {
      in.Problem(fmt::format("inputs.{}", input.role), "must be an object or null",
                 "应为对象或 null");
      return outcome;
    }
    if (!recorded && input.path.empty()) continue;
    if (!recorded) {
      mismatch(input.path,
               fmt::format("the draw used no {} file, but one was given", input.role),
               fmt::format("抽取时未使用{}，但核验时指定了", input.role_zh),
               fmt::format("verify without --{}", input.role),
               fmt::format("核验时不要加 --{}", input.role));
      continue;
    }
    std::string sha = StringAt(*it, "sha256");
    if (it->contains("encoding")) {
      std::optional<data::Encoding> encoding = ParseManifestEncoding(StringAt(*it, "encoding"));
      if (!encoding) {
        in.Problem(fmt::format("inputs.{}.encoding", input.role), "must be utf-8 or gb18030",
                   "应为 utf-8 或 gb18030");
        return outcome;
      }
      std::string role = input.role;
      (role == "registry" ? options.registry_encoding
       : role == "inspectors" ? options.inspectors_encoding
                              : options.conflicts_encoding) = *encoding;
    }
    if (std::string(input.role) == "registry") {
      auto skipped = it->find("skipped");
      options.skip_invalid = skipped != it->end() && skipped->is_number_unsigned() &&
                             skipped->get<std::uint64_t>() > 0;
    }
    if (input.path.empty()) {
      mismatch(inputs.manifest,
               fmt::format("the draw used a {} file; it was not given", input.role),
               fmt::format("抽取时使用了{}，核验时未指定", input.role_zh),
               fmt::format("pass it with --{} FILE", input.role),
               fmt::format("请用 --{} FILE 指定", input.role));
      continue;
    }
    if (std::string(input.role) == "registry") {
      registry = input;
      registry_sha = sha;
      continue;
    }
    compare_digest(input, Sha256FileHex(input.path), sha);
  }
  // Published outputs: each must still have its recorded digest.
  std::vector<std::pair<std::string, std::string>> on_disk;
  std::set<std::string> edited;
  for (const auto& [name, entry] : outputs->items()) {
    if (!entry.is_object() || !entry.contains("sha256") || !entry["sha256"].is_string()) {
      in.Problem("outputs." + name, "must be an object with sha256", "应为含 sha256 的对象");
      return outcome;
    }
    if (name.find('/') != std::string::npos || name == "manifest.json" || name == ".." ||
        name == ".") {
      in.Problem("outputs." + name, "is not a file of the draw folder", "不是抽取目录中的文件");
      return outcome;
    }
    std::optional<std::string> bytes = ReadAll(beside(name));
    if (!bytes) {
      mismatch(beside(name), "the draw folder has lost this file", "抽取目录中缺少该文件",
               "restore it from the published record", "请从公开的记录中恢复该文件");
      continue;
    }
    // Reported after the re-run, which can name the first differing row.
    if (Sha256Hex(*bytes) != entry["sha256"].get<std::string>()) edited.insert(name);
    on_disk.emplace_back(name, std::move(*bytes));
  }
  on_disk.emplace_back("manifest.json", *manifest_bytes);
  if (!identical) {  // another input, or a lost file: nothing to re-run
    if (registry) compare_digest(*registry, Sha256FileHex(registry->path), registry_sha);
    return outcome;
  }
  identical = edited.empty();

  // Re-run the draw in memory and compare every file.
  Diagnostics run;
  std::optional<Jobs> jobs;
  if (std::optional<std::string> bytes = ReadAll(beside("drawjobs.json"))) {
    jobs = ParseJobs(beside("drawjobs.json"), std::move(*bytes), run);
  }
  DrawInputs draw;
  draw.seed = seed;
  draw.registry = inputs.registry;
  draw.inspectors = inputs.inspectors;
  draw.conflicts = inputs.conflicts;
  // The inputs are the recorded ones (their digests matched), so strata that
  // were recounted are recounted again; the regenerated manifest then says
  // how many, like the recorded one.
  options.recount = true;
  draw.options = options;
  std::string registry_read;
  draw.registry_sha256_read = &registry_read;
  std::optional<DrawResult> result;
  if (jobs) {
    draw.jobs = &*jobs;
    result = RunDraw(draw, run);
  }
  // Another registry: its re-run says nothing more.
  if (registry && !compare_digest(*registry,
                                  registry_read.empty() ? Sha256FileHex(registry->path)
                                                        : std::optional<std::string>(registry_read),
                                  registry_sha)) {
    return outcome;
  }
  if (!result) {
    for (const Diagnostic& d : run.Sorted()) diags.Add(d);
    mismatch(inputs.manifest, "the recorded draw cannot be run again with these files",
             "无法用这些文件重新运行所记录的抽取",
             "the diagnostics above say why", "原因见上方的诊断信息");
    return outcome;
  }
  std::map<std::string, const std::string*> expected;
  for (const auto& [name, bytes] : result->files) expected[name] = &bytes;
  for (const auto& [name, bytes] : on_disk) {
    auto it = expected.find(name);
    if (it == expected.end()) {
      mismatch(beside(name), "the draw does not write this file", "抽取不会写出该文件",
               "the manifest lists a file planc draw does not write",
               "清单列出了 planc draw 不会写出的文件");
      continue;
    }
    ++outcome.files_checked;
    if (*it->second == bytes) continue;
    FirstDifference d = Compare(bytes, *it->second);
    if (name == "manifest.json" && d.recorded.find("\"planc\": ") != std::string::npos &&
        d.expected.find("\"planc\": ") != std::string::npos) {
      // Only the version that drew can be told apart here: say so plainly.
      identical = false;
      std::size_t open = d.recorded.find('"', d.recorded.find(": ")) + 1;
      std::string version = d.recorded.substr(open, d.recorded.find('"', open) - open);
      auto file = std::make_shared<SourceFile>(beside(name), bytes);
      std::uint32_t offset = d.line <= file->line_count() ? file->LineStart(d.line) : 0;
      diags.Add(DiagBuilder(DiagKind::kVerifyMismatch, file, {offset, offset})
                    .Message(fmt::format("the draw was made by another planc ({}); this is planc "
                                         "{}",
                                         version, PLANC_VERSION),
                             fmt::format("抽取所用的 planc 版本不同（{}）；本程序为 planc {}",
                                         version, PLANC_VERSION))
                    .Help("verify with the planc version the manifest names; the outputs before "
                          "this line were compared and are identical",
                          "请使用清单所记录的 planc 版本核验；此行之前的输出已比较，完全一致"));
      break;
    }
    identical = false;
    auto file = std::make_shared<SourceFile>(beside(name), bytes);
    std::uint32_t offset = d.line <= file->line_count() ? file->LineStart(d.line) : 0;
    DiagBuilder b(DiagKind::kVerifyMismatch, file, {offset, offset});
    if (d.recorded == d.expected) {
      b.Note("the rows differ in how their lines end (planc writes CR LF)",
             "两行的行尾不同（planc 写出的是 CR LF）");
    }
    if (edited.count(name)) {
      b.Note("its SHA-256 is not the one the manifest records: the file was changed after "
             "the draw",
             "其 SHA-256 与清单记录不符：该文件在抽取之后被修改过");
      edited.erase(name);
    }
    diags.Add(b.Message(fmt::format("{} differs from the draw re-run, from line {} on", name,
                                       d.line),
                           fmt::format("{} 与重新运行的结果不一致，自第 {} 行起", name, d.line))
                  .Note(fmt::format("recorded: {}", d.recorded), fmt::format("记录：{}", d.recorded))
                  .Note(fmt::format("re-run:   {}", d.expected),
                        fmt::format("重新运行：{}", d.expected))

                  .Help("the record does not follow from the committed seed and these inputs",
                        "该记录不能由所承诺的种子和这些输入得出"));
    break;  // the first differing file and row
  }
  // An output whose bytes are the re-run's but whose recorded digest is not.
  for (const std::string& name : edited) {
    mismatch(beside(name),
             "this file differs from the one the draw wrote (its SHA-256 is not the manifest's)",
             "该文件与抽取时写出的不同（SHA-256 与清单不符）",
             "the manifest or the file was changed after the draw",
             "抽取之后清单或该文件被修改过");
  }
  for (const auto& [name, bytes] : result->files) {
    bool present = false;
    for (const auto& entry : on_disk) present = present || entry.first == name;
    if (!present && identical) {
      mismatch(beside(name), "the manifest does not list this output of the draw",
               "清单没有列出该抽取输出", "verify the manifest.json that planc draw wrote",
               "请核验 planc draw 写出的原始 manifest.json");
    }
  }
  outcome.identical = identical;
  return outcome;
}

}  // namespace planc::draw
