#include <fmt/format.h>

#include "compiler/cli/commands.h"
#include "compiler/diag/explain.h"
#include "compiler/rules/pack.h"
#include "compiler/util/strings.h"

namespace planc::cli {
namespace {

// The rule `id` of the first pack (in the search folders, by name) that
// defines it, with the params it reads.
bool ExplainRule(const std::string& id, const CommonOptions& common, Io io) {
  bool zh = common.lang == Lang::kZh;
  rules::PackSearch search;
  search.dirs = common.rules_dirs;
  search.dirs.push_back(rules::DefaultRulesDir());
  for (const std::string& pack : rules::AvailablePacks(search)) {
    Diagnostics quiet;
    auto plan = std::make_shared<SourceFile>("explain", "");
    std::optional<rules::RuleSet> set = rules::LoadRules({pack}, search, plan, {0, 0}, quiet);
    if (!set) continue;
    const rules::Rule* rule = set->Find(id);
    if (rule == nullptr || rule->pack != pack) continue;
    const char* subject = rule->subject == rules::RuleFor::kTask    ? "task"
                          : rule->subject == rules::RuleFor::kGroup ? "group"
                                                                    : "plan";
    std::string out = fmt::format("# {}: {}\n\n", rule->id, rule->title);
    out += fmt::format(zh ? "规则包：{}\n依据：{}\n严重程度：{}，适用于：{}\n"
                          : "pack: {}\ncite: {}\nseverity: {}, for: {}\n",
                       rule->pack, rule->cite_text.empty() ? "-" : rule->cite_text,
                       SeverityName(rule->severity), subject);
    if (!rule->explain.empty()) out += "\n" + rule->explain + "\n";
    out += zh ? "\n## 要求\n\n" : "\n## The requirement\n\n";
    if (!rule->when_text.empty()) out += "when:    " + rule->when_text + "\n";
    out += "require: " + rule->require_text + "\n";
    std::string params;
    for (const rules::Param& p : set->params) {
      if ((rule->require_text + rule->when_text + rule->help_text).find("params." + p.name) ==
          std::string::npos) {
        continue;
      }
      params += fmt::format("  {} = {}  ({})\n", p.name, rules::Format(p.value), p.pack);
    }
    if (!params.empty()) out += (zh ? "参数：\n" : "params:\n") + params;
    if (!rule->help_text.empty()) {
      out += (zh ? "\n## 如何修改\n\n" : "\n## How to fix\n\n") + rule->help_text + "\n";
    }
    if (!rule->example.empty()) {
      out += (zh ? "\n## 示例\n\n```plan\n" : "\n## Example\n\n```plan\n") + rule->example;
      if (rule->example.back() != '\n') out += "\n";
      out += "```\n";
    }
    io.out << out;
    return true;
  }
  return false;
}

}  // namespace

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
  if (ExplainRule(code, common, io)) return kExitOk;
  std::vector<std::string> codes;
  for (const KindInfo& info : AllKinds()) codes.emplace_back(info.code);
  std::string hint;
  if (auto guess = ClosestName(upper, codes)) {
    hint = zh ? fmt::format("；是否应为 {}？", *guess) : fmt::format("; did you mean {}?", *guess);
  }
  io.err << (zh ? fmt::format("planc: 错误：没有代码 `{}`{}\n运行 `planc explain` 查看全部代码\n",
                              code, hint)
                : fmt::format("planc: error: no code or rule `{}`{}\nrun `planc explain` to list "
                              "every code\n",
                              code, hint));
  return kExitUsage;
}

}  // namespace planc::cli
