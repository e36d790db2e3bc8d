#include "compiler/rules/pack.h"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <set>

#include "compiler/parse/parse.h"
#include "compiler/rules/lang.h"
#include "compiler/rules/schema.h"
#include "compiler/rules/yaml_source.h"
#include "compiler/util/strings.h"

namespace planc::rules {
namespace {

namespace fs = std::filesystem;

bool IsRuleId(const std::string& id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

// One pack file as read.
struct Raw {
  std::string name;
  SourcePtr file;
  YAML::Node root;
  std::vector<std::string> parents;        // `extends`, as written
  std::set<std::string> ancestors;         // every pack it extends, transitively
  std::map<std::string, std::string> sources;
};

class Loader {
 public:
  Loader(const PackSearch& search, Diagnostics& diags) : search_(search), diags_(diags) {}

  std::optional<RuleSet> Run(const std::vector<std::string>& names, const SourcePtr& plan_file,
                             SourceRange where) {
    for (const std::string& name : names) Find(name, plan_file, where);
    if (!ok_) return std::nullopt;
    RuleSet set;
    for (const std::string& name : order_) set.packs.push_back(name);
    Params(set);
    LoadCalendar(set);
    Rules(set);
    if (!ok_) return std::nullopt;
    return set;
  }

 private:
  // Reads pack `name` and, first, every pack it extends.
  void Find(const std::string& name, const SourcePtr& from_file, SourceRange from) {
    if (raws_.count(name)) return;
    if (visiting_.count(name)) {
      ok_ = false;
      diags_.Add(DiagBuilder(DiagKind::kPackInvalid, from_file, from)
                     .Message(fmt::format("rule pack `{}` extends itself", name),
                              fmt::format("规则包「{}」循环继承了自己", name))
                     .Label("through here", "经由此处"));
      return;
    }
    std::string path;
    for (const std::string& dir : search_.dirs) {
      fs::path candidate = fs::path(dir) / (name + ".yaml");
      std::error_code ec;
      if (fs::is_regular_file(candidate, ec)) {
        path = candidate.string();
        break;
      }
    }
    if (path.empty()) {
      ok_ = false;
      diags_.Add(DiagBuilder(DiagKind::kPackNotFound, from_file, from)
                     .Message(fmt::format("rule pack `{}` is not found", name),
                              fmt::format("找不到规则包「{}」", name))
                     .Label(fmt::format("looked for {}.yaml", name), fmt::format("查找了 {}.yaml", name))
                     .Note(fmt::format("searched: {}", Join(search_.dirs, ", ")),
                           fmt::format("查找的目录：{}", Join(search_.dirs, "、")))
                     .Help("check the name, or pass the directory that holds it with `--rules DIR`",
                           "请检查名称，或用 `--rules DIR` 指定规则包所在目录"));
      return;
    }
    std::string error;
    SourcePtr file = LoadSourceFile(path, &error);
    if (!file) {
      ok_ = false;
      diags_.Add(DiagBuilder(DiagKind::kPackNotFound, from_file, from)
                     .Message(error, error));
      return;
    }
    YamlReader yaml(file, diags_, "rule pack");
    std::optional<YAML::Node> root = yaml.Load();
    if (!root) {
      ok_ = false;
      return;
    }
    yaml.Keys(*root, {"pack", "title", "extends", "sources", "params", "calendar", "disable", "rules"});
    std::optional<std::string> declared = yaml.String(*root, "pack");
    if (declared && *declared != name) {
      yaml.Fail((*root)["pack"], fmt::format("this file is {}.yaml but says `pack: {}`", name, *declared),
                fmt::format("文件名为 {}.yaml，但写的是 `pack: {}`", name, *declared));
    }
    yaml.String(*root, "title");
    Raw raw;
    raw.name = name;
    raw.file = file;
    raw.root = *root;
    if (YAML::Node sources = (*root)["sources"]) {
      if (!sources.IsMap()) {
        yaml.Fail(sources, "`sources` must be a map of names to documents", "「sources」应为名称到文件的映射");
      } else {
        for (const auto& entry : sources) {
          if (entry.second.IsScalar()) raw.sources[entry.first.Scalar()] = entry.second.Scalar();
        }
      }
    }
    if (!yaml.ok()) ok_ = false;
    visiting_.insert(name);
    if (YAML::Node extends = (*root)["extends"]) {
      if (!extends.IsSequence()) {
        yaml.Fail(extends, "`extends` must be a list of pack names: [national]", "「extends」应为规则包列表：[national]");
        ok_ = false;
      } else {
        for (const YAML::Node& parent : extends) {
          std::string parent_name = parent.IsScalar() ? parent.Scalar() : "";
          raw.parents.push_back(parent_name);
          Find(parent_name, file, yaml.At(parent));
        }
      }
    }
    visiting_.erase(name);
    for (const std::string& p : raw.parents) {
      auto it = raws_.find(p);
      if (it == raws_.end()) continue;
      raw.ancestors.insert(p);
      raw.ancestors.insert(it->second.ancestors.begin(), it->second.ancestors.end());
    }
    raws_.emplace(name, std::move(raw));
    order_.push_back(name);
  }

  // Parses the expression of a scalar node: at its place in the file when
  // it is written on one line, else as its own text (positions then count
  // from the scalar's line).
  std::optional<PackExpr> Parse(const Raw& raw, const YAML::Node& node, std::string_view what) {
    YamlReader yaml(raw.file, diags_, "rule pack");
    if (!node.IsScalar()) {
      yaml.Fail(node, fmt::format("`{}` must be an expression", what), fmt::format("「{}」应为表达式", what));
      ok_ = false;
      return std::nullopt;
    }
    return ParseText(raw, node, node.Scalar(), 0);
  }

  std::optional<PackExpr> ParseText(const Raw& raw, const YAML::Node& node, const std::string& text,
                                    std::size_t offset) {
    YamlReader yaml(raw.file, diags_, "rule pack");
    PackExpr out;
    SourceRange range;
    if (std::optional<SourceRange> at = yaml.TextRange(node)) {
      out.file = raw.file;
      auto begin = static_cast<std::uint32_t>(at->begin + offset);
      range = {begin, static_cast<std::uint32_t>(begin + text.size())};
    } else {
      out.file = std::make_shared<SourceFile>(raw.file->path(), text,
                                              static_cast<std::uint32_t>(node.Mark().line + 1));
      range = {0, static_cast<std::uint32_t>(text.size())};
    }
    std::optional<expr::Expr> e = ParseExpression(out.file, range, diags_);
    if (!e) {
      ok_ = false;
      return std::nullopt;
    }
    out.expr = std::move(*e);
    return out;
  }

  // Params of every pack, parents first; a child's overrides its parent's
  // of the same name and must keep its type.
  void Params(RuleSet& set) {
    for (const std::string& name : order_) {
      const Raw& raw = raws_.at(name);
      YamlReader yaml(raw.file, diags_, "rule pack");
      std::optional<YAML::Node> params = yaml.Map(raw.root, "params");
      if (!yaml.ok()) ok_ = false;
      if (!params) continue;
      for (const auto& entry : *params) {
        std::string key = entry.first.Scalar();
        if (!IsRuleId(key) || key.find('-') != std::string::npos) {
          yaml.Fail(entry.first, fmt::format("`{}` is not a param name (letters, digits and _)", key),
                    fmt::format("「{}」不是有效的参数名（字母、数字和下划线）", key));
          ok_ = false;
          continue;
        }
        std::optional<PackExpr> e = Parse(raw, entry.second, key);
        if (!e) continue;
        Names<Type> none;
        std::optional<Type> type = CheckExpr(e->expr, none, e->file, diags_);
        Names<Value> no_values;
        EvalError error;
        std::optional<Value> value =
            type ? Evaluator(nullptr).Eval(e->expr, no_values, &error) : std::nullopt;
        if (!type || !value) {
          if (type) {
            diags_.Add(DiagBuilder(DiagKind::kPackInvalid, e->file, error.range).Message(error.en, error.zh));
          }
          ok_ = false;
          continue;
        }
        auto same = std::find_if(set.params.begin(), set.params.end(),
                                 [&](const Param& p) { return p.name == key; });
        if (same != set.params.end()) {
          if (!same->type.SameAs(*type) || same->type.percent != type->percent) {
            diags_.Add(DiagBuilder(DiagKind::kPackInvalid, e->file, e->expr.range)
                           .Message(fmt::format("param `{}` is {} in pack {}, here {}", key,
                                                Describe(same->type, false), same->pack,
                                                Describe(*type, false)),
                                    fmt::format("参数「{}」在规则包 {} 中是{}，此处是{}", key, same->pack,
                                                Describe(same->type, true), Describe(*type, true)))
                           .Label("an override keeps the parent's kind of value",
                                  "覆盖参数时应保持原来的取值类型"));
            ok_ = false;
            continue;
          }
          same->value = *value;
          same->pack = name;
          continue;
        }
        set.params.push_back(Param{key, name, *value, *type});
      }
    }
    set.params_schema = std::make_shared<Schema>();
    set.params_schema->name = "params";
    auto object = std::make_shared<Object>();
    object->schema = set.params_schema.get();
    for (const Param& p : set.params) {
      set.params_schema->fields.push_back(Field{p.name, p.type, "param"});
      object->fields.push_back(p.value);
    }
    set.params_value = Value::Obj(object);
  }

  void LoadCalendar(RuleSet& set) {
    const Raw* from = nullptr;
    for (const std::string& name : order_) {
      if (raws_.at(name).root["calendar"]) from = &raws_.at(name);
    }
    if (from == nullptr) return;
    YamlReader yaml(from->file, diags_, "rule pack");
    std::optional<std::string> name = yaml.String(from->root, "calendar");
    if (!name) {
      ok_ = false;
      return;
    }
    for (const std::string& dir : search_.dirs) {
      fs::path path = fs::path(dir) / "calendars" / (*name + ".yaml");
      std::error_code ec;
      if (!fs::is_regular_file(path, ec)) continue;
      std::string error;
      SourcePtr file = LoadSourceFile(path.string(), &error);
      if (!file) break;
      set.calendar = Calendar::Load(file, diags_);
      if (!set.calendar) ok_ = false;
      return;
    }
    yaml.Fail(from->root["calendar"], fmt::format("calendar `{}` is not found", *name),
              fmt::format("找不到工作日历「{}」", *name));
    ok_ = false;
  }

  // "seed 三(四)" with the pack's (or a parent's) source `seed` named.
  std::string Cite(const Raw& raw, const std::string& cite) {
    std::string key = cite.substr(0, cite.find(' '));
    std::string rest = cite.size() > key.size() ? cite.substr(key.size()) : std::string();
    std::vector<const Raw*> chain = {&raw};
    for (const std::string& a : raw.ancestors) chain.push_back(&raws_.at(a));
    for (const Raw* r : chain) {
      auto it = r->sources.find(key);
      if (it != r->sources.end()) return it->second + rest;
    }
    return cite;
  }

  // Text with `{expr}` parts; `{{` and `}}` stand for the braces themselves.
  Template MakeTemplate(const Raw& raw, const YAML::Node& node) {
    Template t;
    const std::string& text = node.Scalar();
    std::size_t at = 0;
    std::string literal;
    while (at < text.size()) {
      if (text.compare(at, 2, "{{") == 0 || text.compare(at, 2, "}}") == 0) {
        literal += text[at];
        at += 2;
        continue;
      }
      if (text[at] != '{') {
        literal += text[at++];
        continue;
      }
      std::size_t open = at;
      if (!literal.empty()) t.parts.push_back({std::move(literal), std::nullopt});
      literal.clear();
      std::size_t close = text.find('}', open);
      if (close == std::string::npos) {
        YamlReader(raw.file, diags_, "rule pack")
            .Fail(node, "`{` without its `}`", "「{」缺少对应的「}」");
        ok_ = false;
        break;
      }
      std::optional<PackExpr> e = ParseText(raw, node, text.substr(open + 1, close - open - 1), open + 1);
      if (e) t.parts.push_back({"", std::move(e)});
      at = close + 1;
    }
    if (!literal.empty()) t.parts.push_back({std::move(literal), std::nullopt});
    return t;
  }

  // The names a rule's expressions see; `params` limited to its own pack's
  // and its parents'.
  Names<Type> RuleNames(const Raw& raw, RuleFor subject, const RuleSet& set,
                        std::shared_ptr<Schema>& visible) {
    visible = std::make_shared<Schema>();
    visible->name = "params";
    for (const Param& p : set.params) {
      bool mine = false;
      for (const std::string& pack : raw_params_.at(p.name)) {
        mine = mine || pack == raw.name || raw.ancestors.count(pack);
      }
      if (mine) visible->fields.push_back(Field{p.name, p.type, "param"});
    }
    Names<Type> names;
    names.Push("plan", Type::Object(&PlanSchema()));
    names.Push("params", Type::Object(visible.get()));
    if (subject == RuleFor::kTask) names.Push("task", Type::Object(&TaskSchema()));
    if (subject == RuleFor::kGroup) names.Push("group", Type::Object(&GroupSchema()));
    return names;
  }

  void Rules(RuleSet& set) {
    // Which packs define each param.
    for (const std::string& name : order_) {
      const Raw& raw = raws_.at(name);
      if (YAML::Node params = raw.root["params"]; params && params.IsMap()) {
        for (const auto& entry : params) raw_params_[entry.first.Scalar()].push_back(name);
      }
    }
    for (const std::string& name : order_) {
      const Raw& raw = raws_.at(name);
      YamlReader yaml(raw.file, diags_, "rule pack");
      if (std::optional<YAML::Node> disable = yaml.Sequence(raw.root, "disable")) {
        for (const YAML::Node& item : *disable) {
          if (!item.IsMap()) {
            yaml.Fail(item, "write each disabled rule as {id: RULE, because: \"reason\"}",
                      "每条停用的规则应写为 {id: 规则, because: \"理由\"}");
            continue;
          }
          yaml.Keys(item, {"id", "because"});
          std::optional<std::string> id = yaml.String(item, "id");
          yaml.String(item, "because");
          if (!id) continue;
          auto it = std::find_if(set.rules.begin(), set.rules.end(), [&](const Rule& r) { return r.id == *id; });
          if (it == set.rules.end()) {
            yaml.Fail(item["id"], fmt::format("no parent pack has a rule `{}`", *id),
                      fmt::format("上级规则包中没有规则「{}」", *id));
            continue;
          }
          set.rules.erase(it);
        }
      }
      std::optional<YAML::Node> rules = yaml.Sequence(raw.root, "rules");
      if (!yaml.ok()) ok_ = false;
      if (!rules) continue;
      for (const YAML::Node& node : *rules) {
        if (!node.IsMap()) {
          yaml.Fail(node, "a rule is a map: id, title, require, message, …", "每条规则应为映射：id、title、require、message 等");
          ok_ = false;
          continue;
        }
        std::optional<Rule> rule = MakeRule(raw, node, set);
        if (!rule) {
          ok_ = false;
          continue;
        }
        auto same = std::find_if(set.rules.begin(), set.rules.end(),
                                 [&](const Rule& r) { return r.id == rule->id; });
        if (same != set.rules.end() && same->pack == name) {
          yaml.Fail(node["id"], fmt::format("rule `{}` is defined twice in this pack", rule->id),
                    fmt::format("规则「{}」在本规则包中定义了两次", rule->id));
          ok_ = false;
        } else if (same != set.rules.end()) {
          *same = std::move(*rule);  // a child's rule replaces its parent's
        } else {
          set.rules.push_back(std::move(*rule));
        }
      }
    }
  }

  std::optional<Rule> MakeRule(const Raw& raw, const YAML::Node& node, const RuleSet& set) {
    YamlReader yaml(raw.file, diags_, "rule pack");
    yaml.Keys(node, {"id", "title", "cite", "severity", "for", "when", "require", "at", "message", "help",
                     "explain", "example"});
    Rule rule;
    rule.pack = raw.name;
    rule.file = raw.file;
    rule.id = yaml.String(node, "id").value_or("");
    rule.range = node["id"] ? yaml.At(node["id"]) : yaml.At(node);
    if (!rule.id.empty() && !IsRuleId(rule.id)) {
      yaml.Fail(node["id"], fmt::format("`{}` is not a rule id (lower-case letters, digits and -)", rule.id),
                fmt::format("「{}」不是有效的规则编号（小写字母、数字和 -）", rule.id));
    }
    rule.title = yaml.String(node, "title").value_or("");
    rule.cite = yaml.String(node, "cite", false).value_or("");
    rule.cite_text = Cite(raw, rule.cite);
    std::string severity = yaml.String(node, "severity", false).value_or("error");
    if (severity == "error") {
      rule.severity = Severity::kError;
    } else if (severity == "warning") {
      rule.severity = Severity::kWarning;
    } else if (severity == "note") {
      rule.severity = Severity::kNote;
    } else {
      yaml.Fail(node["severity"], fmt::format("severity `{}`: write error, warning or note", severity),
                fmt::format("严重程度「{}」：应为 error、warning 或 note", severity));
    }
    std::string subject = yaml.String(node, "for", false).value_or("plan");
    if (subject == "plan") {
      rule.subject = RuleFor::kPlan;
    } else if (subject == "task") {
      rule.subject = RuleFor::kTask;
    } else if (subject == "group") {
      rule.subject = RuleFor::kGroup;
    } else {
      yaml.Fail(node["for"], fmt::format("`for: {}`: write plan, task or group", subject),
                fmt::format("「for: {}」：应为 plan、task 或 group", subject));
    }
    rule.explain = yaml.String(node, "explain", false).value_or("");
    rule.when_text = yaml.String(node, "when", false).value_or("");
    rule.require_text = yaml.String(node, "require", false).value_or("");
    rule.help_text = yaml.String(node, "help", false).value_or("");
    rule.example = yaml.String(node, "example", false).value_or("");
    YAML::Node require = node["require"];
    if (!require) yaml.Fail(node, "`require` is missing", "缺少「require」");
    if (!node["message"]) yaml.Fail(node, "`message` is missing", "缺少「message」");
    if (!yaml.ok()) return std::nullopt;

    std::shared_ptr<Schema> visible;
    Names<Type> names = RuleNames(raw, rule.subject, set, visible);
    bool ok = true;
    auto condition = [&](const YAML::Node& n, const char* what) -> std::optional<PackExpr> {
      std::optional<PackExpr> e = Parse(raw, n, what);
      if (!e) {
        ok = false;
        return std::nullopt;
      }
      std::optional<Type> t = CheckExpr(e->expr, names, e->file, diags_);
      if (!t) {
        ok = false;
      } else if (t->kind != Type::Kind::kBool) {
        diags_.Add(DiagBuilder(DiagKind::kTypeMismatch, e->file, e->expr.range)
                       .Message(fmt::format("`{}` must be a condition, found {}", what, Describe(*t, false)),
                                fmt::format("「{}」应为条件，实际是{}", what, Describe(*t, true))));
        ok = false;
      }
      return e;
    };
    if (node["when"]) rule.when = condition(node["when"], "when");
    if (std::optional<PackExpr> e = condition(require, "require")) rule.require = std::move(*e);
    if (node["at"]) {
      rule.at = Parse(raw, node["at"], "at");
      if (!rule.at || !CheckExpr(rule.at->expr, names, rule.at->file, diags_)) ok = false;
    }
    auto text = [&](const char* key, Template& out) {
      YAML::Node n = node[key];
      if (!n) return;
      if (!n.IsScalar()) {
        yaml.Fail(n, fmt::format("`{}` must be a text", key), fmt::format("「{}」应为文本", key));
        ok = false;
        return;
      }
      out = MakeTemplate(raw, n);
      for (const Template::Part& part : out.parts) {
        if (part.expr && !CheckExpr(part.expr->expr, names, part.expr->file, diags_)) ok = false;
      }
    };
    text("message", rule.message);
    text("help", rule.help);
    if (!ok || !yaml.ok()) return std::nullopt;
    return rule;
  }

  const PackSearch& search_;
  Diagnostics& diags_;
  bool ok_ = true;
  std::map<std::string, Raw> raws_;
  std::vector<std::string> order_;
  std::set<std::string> visiting_;
  std::map<std::string, std::vector<std::string>> raw_params_;  // param -> packs defining it
};

}  // namespace

const Rule* RuleSet::Find(const std::string& id) const {
  for (const Rule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<std::string> AvailablePacks(const PackSearch& search) {
  std::set<std::string> names;
  for (const std::string& dir : search.dirs) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() == ".yaml" && it->is_regular_file(ec)) {
        names.insert(it->path().stem().string());
      }
    }
  }
  return {names.begin(), names.end()};
}

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("PLANC_RULES_DIR"); env && *env) return env;
  // The executable's directory: build/planc → ../rules; installed
  // bin/planc → ../share/planc/rules.
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path candidate : {exe.parent_path().parent_path() / "rules",
                               exe.parent_path().parent_path() / "share" / "planc" / "rules"}) {
      if (!fs::is_directory(candidate, ec)) continue;
      // Messages name pack files as briefly as they can: relative to the
      // current directory when inside it.
      fs::path relative = fs::proximate(candidate, ec);
      if (!ec && !relative.empty() && *relative.begin() != "..") return relative.string();
      return candidate.string();
    }
  }
  return "rules";
}

std::optional<RuleSet> LoadRules(const std::vector<std::string>& names, const PackSearch& search,
                                 const SourcePtr& plan_file, SourceRange where, Diagnostics& diags) {
  return Loader(search, diags).Run(names, plan_file, where);
}

}  // namespace planc::rules
