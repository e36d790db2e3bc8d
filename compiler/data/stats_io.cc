#include "compiler/data/stats_io.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "compiler/data/predicate.h"

namespace planc::data {
namespace {

const char* kClassNames[] = {"A", "B", "C", "D", "U"};

std::optional<sema::CreditClass> ClassOf(const std::string& name) {
  for (int i = 0; i < 5; ++i) {
    if (name == kClassNames[i]) return static_cast<sema::CreditClass>(i);
  }
  return std::nullopt;
}

// Reports a problem of the stats file at a node's position.
class StatsReader {
 public:
  StatsReader(const SourcePtr& file, Diagnostics& diags) : file_(file), diags_(diags) {}

  void Fail(const YAML::Mark& mark, const std::string& en, const std::string& zh) {
    ok_ = false;
    std::uint32_t offset = mark.pos < 0 ? 0 : static_cast<std::uint32_t>(mark.pos);
    diags_.Add(DiagBuilder(DiagKind::kStatsInvalid, file_, {offset, offset + 1})
                   .Message(en, zh)
                   .Help("write it again with `planc stats --registry CSV --plan PLAN -o FILE`",
                         "请用 `planc stats --registry CSV --plan PLAN -o FILE` 重新生成"));
  }

  template <typename T>
  std::optional<T> Get(const YAML::Node& map, const char* key, const YAML::Mark& where) {
    YAML::Node node = map[key];
    if (!node) {
      Fail(where, fmt::format("`{}` is missing", key), fmt::format("缺少 `{}`", key));
      return std::nullopt;
    }
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      Fail(node.Mark(), fmt::format("`{}` has the wrong kind of value", key),
           fmt::format("`{}` 的值类型不对", key));
      return std::nullopt;
    }
  }

  bool ok() const { return ok_; }

 private:
  const SourcePtr& file_;
  Diagnostics& diags_;
  bool ok_ = true;
};

std::map<std::string, std::string> ReadStringMap(const YAML::Node& node, StatsReader& reader,
                                                 const char* key) {
  std::map<std::string, std::string> out;
  if (!node || !node.IsMap()) {
    reader.Fail(node ? node.Mark() : YAML::Mark(), fmt::format("`{}` must be a map", key),
                fmt::format("`{}` 应为映射", key));
    return out;
  }
  for (const auto& entry : node) out[entry.first.as<std::string>()] = entry.second.as<std::string>();
  return out;
}

// One atom as WriteStats writes it, a flow map on one line:
//   "  - {tasks: [T01, T02], class: A, base: false, count: 229}"
// Returns false for anything else (the caller then lets yaml-cpp read the
// whole file and report what is wrong where). Task ids must be plain
// identifiers, read the same by any YAML reader.
bool ParseCanonicalAtom(std::string_view line, Atom& atom) {
  auto eat = [&](std::string_view text) {
    if (line.substr(0, text.size()) != text) return false;
    line.remove_prefix(text.size());
    return true;
  };
  auto plain = [](unsigned char c) {
    return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z');
  };
  if (!eat("  - {tasks: [")) return false;
  atom.tasks.clear();
  if (!eat("]")) {
    while (true) {
      std::size_t n = 0;
      while (n < line.size() && plain(static_cast<unsigned char>(line[n]))) ++n;
      std::string_view id = line.substr(0, n);
      // YAML reads these plain scalars as null, not as text.
      if (n == 0 || id == "null" || id == "Null" || id == "NULL") return false;
      atom.tasks.emplace_back(id);
      line.remove_prefix(n);
      if (eat("]")) break;
      if (!eat(", ")) return false;
    }
  }
  if (!eat(", class: ") || line.empty()) return false;
  std::optional<sema::CreditClass> credit = ClassOf(std::string(line.substr(0, 1)));
  if (!credit) return false;
  atom.credit = *credit;
  line.remove_prefix(1);
  if (eat(", base: true")) {
    atom.base = true;
  } else if (eat(", base: false")) {
    atom.base = false;
  } else {
    return false;
  }
  if (!eat(", count: ") || line.empty()) return false;
  std::uint64_t count = 0;
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') {
    auto d = static_cast<std::uint64_t>(line[digits] - '0');
    if (count > (UINT64_MAX - d) / 10) return false;
    count = count * 10 + d;
    ++digits;
  }
  if (digits == 0 || (digits > 1 && line[0] == '0')) return false;
  line.remove_prefix(digits);
  if (line != "}") return false;
  atom.count = count;
  return true;
}

// The atoms of a stats file whose `atoms` section is exactly as WriteStats
// writes it, the last top-level key, one atom a line; nullopt otherwise.
// `header` is then the text before it, followed by an empty `atoms`.
std::optional<std::vector<Atom>> CanonicalAtoms(std::string_view text, std::string& header) {
  constexpr std::string_view kKey = "\natoms:\n";
  std::size_t at = text.find(kKey);
  if (at == std::string_view::npos || text.find(kKey, at + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  std::vector<Atom> atoms;
  std::string_view rest = text.substr(at + kKey.size());
  while (!rest.empty()) {
    std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt;  // WriteStats ends every line
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    if (line.empty() && rest.empty()) break;
    Atom atom;
    if (!ParseCanonicalAtom(line, atom)) return std::nullopt;
    std::sort(atom.tasks.begin(), atom.tasks.end());
    atoms.push_back(std::move(atom));
  }
  header.assign(text.substr(0, at + 1));
  header += "atoms: []\n";
  return atoms;
}

}  // namespace

std::string WriteStats(const Population& p) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  out << YAML::Key << "schema" << YAML::Value << "planc/stats@1";
  out << YAML::Key << "registry" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "sha256" << YAML::Value << YAML::DoubleQuoted << p.sha256;
  out << YAML::Key << "rows" << YAML::Value << p.rows;
  out << YAML::Key << "active" << YAML::Value << p.active;
  out << YAML::Key << "date" << YAML::Value << YAML::DoubleQuoted << p.date;
  out << YAML::Key << "columns" << YAML::Value << YAML::Flow << p.columns;
  out << YAML::EndMap;
  out << YAML::Key << "plan" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "base" << YAML::Value << YAML::DoubleQuoted << p.base_predicate;
  for (const auto* section : {&p.scopes, &p.targets}) {
    out << YAML::Key << (section == &p.scopes ? "scopes" : "targets") << YAML::Value
        << YAML::BeginMap;
    for (const auto& [name, predicate] : *section) {
      out << YAML::Key << name << YAML::Value << YAML::DoubleQuoted << predicate;
    }
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  out << YAML::Key << "base" << YAML::Value << YAML::Flow << YAML::BeginMap;
  for (int i = 0; i < 5; ++i) out << YAML::Key << kClassNames[i] << YAML::Value << p.base[i];
  out << YAML::EndMap;
  out << YAML::Key << "atoms" << YAML::Value << YAML::BeginSeq;
  for (const Atom& atom : p.atoms) {
    out << YAML::Flow << YAML::BeginMap;
    out << YAML::Key << "tasks" << YAML::Value << YAML::Flow << atom.tasks;
    out << YAML::Key << "class" << YAML::Value << kClassNames[static_cast<int>(atom.credit)];
    out << YAML::Key << "base" << YAML::Value << atom.base;
    out << YAML::Key << "count" << YAML::Value << atom.count;
    out << YAML::EndMap;
  }
  out << YAML::EndSeq << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

std::optional<Population> ReadStats(const SourcePtr& file, Diagnostics& diags,
                                    StatsReading how) {
  if (how == StatsReading::kAny) {
    // Files as planc writes them: yaml-cpp reads only the small part before
    // the atoms, which are read line by line without building a node tree
    // (a plan of 10,000 tasks has stats of hundreds of megabytes). A file
    // it cannot read so, or whose header is wrong, is read again in full by
    // yaml-cpp, so that every problem is reported as before.
    std::string header;
    if (std::optional<std::vector<Atom>> atoms = CanonicalAtoms(file->text(), header)) {
      Diagnostics quiet;
      auto header_file = std::make_shared<SourceFile>(file->path(), std::move(header));
      if (std::optional<Population> p = ReadStats(header_file, quiet, StatsReading::kYamlOnly)) {
        p->atoms = std::move(*atoms);
        return p;
      }
    }
  }
  StatsReader reader(file, diags);
  YAML::Node root;
  try {
    root = YAML::Load(file->text());
  } catch (const YAML::ParserException& e) {
    reader.Fail(e.mark, fmt::format("not YAML: {}", e.msg), fmt::format("不是有效的 YAML：{}", e.msg));
    return std::nullopt;
  }
  YAML::Mark top;
  if (!root.IsMap() || !root["schema"] || root["schema"].as<std::string>("") != "planc/stats@1") {
    reader.Fail(root.IsMap() && root["schema"] ? root["schema"].Mark() : top,
                "not a planc/stats@1 file (its `schema` must be planc/stats@1)",
                "不是 planc/stats@1 统计文件（`schema` 应为 planc/stats@1）");
    return std::nullopt;
  }
  Population p;
  try {
    YAML::Node registry = root["registry"];
    if (!registry || !registry.IsMap()) {
      reader.Fail(root.Mark(), "`registry` is missing", "缺少 `registry`");
      return std::nullopt;
    }
    p.sha256 = reader.Get<std::string>(registry, "sha256", registry.Mark()).value_or("");
    p.rows = reader.Get<std::uint64_t>(registry, "rows", registry.Mark()).value_or(0);
    p.active = reader.Get<std::uint64_t>(registry, "active", registry.Mark()).value_or(0);
    p.date = reader.Get<std::string>(registry, "date", registry.Mark()).value_or("");
    p.columns = reader.Get<std::vector<std::string>>(registry, "columns", registry.Mark())
                    .value_or(std::vector<std::string>{});
    YAML::Node plan = root["plan"];
    if (!plan || !plan.IsMap()) {
      reader.Fail(root.Mark(), "`plan` is missing", "缺少 `plan`");
      return std::nullopt;
    }
    p.base_predicate = reader.Get<std::string>(plan, "base", plan.Mark()).value_or("");
    p.scopes = ReadStringMap(plan["scopes"], reader, "scopes");
    p.targets = ReadStringMap(plan["targets"], reader, "targets");
    YAML::Node base = root["base"];
    for (int i = 0; i < 5; ++i) {
      p.base[i] = base ? reader.Get<std::uint64_t>(base, kClassNames[i], base.Mark()).value_or(0) : 0;
    }
    if (!base) reader.Fail(root.Mark(), "`base` is missing", "缺少 `base`");
    YAML::Node atoms = root["atoms"];
    if (!atoms || !atoms.IsSequence()) {
      reader.Fail(root.Mark(), "`atoms` must be a list", "`atoms` 应为列表");
      return std::nullopt;
    }
    for (const YAML::Node& node : atoms) {
      Atom atom;
      atom.tasks = reader.Get<std::vector<std::string>>(node, "tasks", node.Mark())
                       .value_or(std::vector<std::string>{});
      std::string cls = reader.Get<std::string>(node, "class", node.Mark()).value_or("A");
      if (auto c = ClassOf(cls)) {
        atom.credit = *c;
      } else {
        reader.Fail(node["class"].Mark(), fmt::format("`{}` is not a credit class", cls),
                    fmt::format("`{}` 不是信用分类", cls));
      }
      atom.base = reader.Get<bool>(node, "base", node.Mark()).value_or(false);
      atom.count = reader.Get<std::uint64_t>(node, "count", node.Mark()).value_or(0);
      std::sort(atom.tasks.begin(), atom.tasks.end());
      p.atoms.push_back(std::move(atom));
    }
  } catch (const YAML::Exception& e) {
    reader.Fail(e.mark, fmt::format("malformed: {}", e.msg), fmt::format("格式错误：{}", e.msg));
  }
  if (!reader.ok()) return std::nullopt;
  return p;
}

bool CheckPopulationFitsPlan(const Population& population, const sema::Plan& plan,
                             const std::string& source_name, SourceRange where,
                             Diagnostics& diags) {
  Population wanted;
  DescribePlan(plan, wanted);
  std::vector<std::pair<std::string, std::string>> changes;  // en, zh
  if (wanted.base_predicate != population.base_predicate) {
    changes.emplace_back(fmt::format("the base was `{}`", population.base_predicate),
                         fmt::format("基数原为 `{}`", population.base_predicate));
  }
  for (const auto& [name, predicate] : wanted.scopes) {
    auto it = population.scopes.find(name);
    if (it == population.scopes.end()) {
      changes.emplace_back(fmt::format("scope `{}` is new", name), fmt::format("范围「{}」是新加的", name));
    } else if (it->second != predicate) {
      changes.emplace_back(fmt::format("scope `{}` was `{}`", name, it->second),
                           fmt::format("范围「{}」原为 `{}`", name, it->second));
    }
  }
  for (const auto& [task, predicate] : wanted.targets) {
    auto it = population.targets.find(task);
    if (it == population.targets.end()) {
      changes.emplace_back(fmt::format("task `{}` is new", task), fmt::format("任务「{}」是新加的", task));
    } else if (it->second != predicate) {
      changes.emplace_back(fmt::format("the targets of `{}` were `{}`", task, it->second),
                           fmt::format("任务「{}」的对象原为 `{}`", task, it->second));
    }
  }
  for (const auto& [task, predicate] : population.targets) {
    if (!wanted.targets.count(task)) {
      changes.emplace_back(fmt::format("task `{}` is gone", task), fmt::format("任务「{}」已删除", task));
    }
  }
  bool ok = true;
  if (!changes.empty()) {
    DiagBuilder d(DiagKind::kStatsMismatch, plan.file, where);
    d.Message(fmt::format("{} was made for another version of this plan", source_name),
              fmt::format("{} 是按另一版本的计划生成的", source_name))
        .Label("population figures from here", "人口数据来自此处")
        .Help("run `planc stats --registry CSV --plan PLAN -o FILE` again",
              "请重新运行 `planc stats --registry CSV --plan PLAN -o FILE`");
    for (const auto& [en, zh] : changes) d.Note(en, zh);
    diags.Add(std::move(d));
    ok = false;
  }
  // Every column the plan's scopes name must be a column of the registry.
  Header header;
  header.names = population.columns;
  for (std::size_t i = 0; i < header.names.size(); ++i) header.column_to_field.push_back(static_cast<int>(i));
  RowPredicates predicates(header, RegistrySpec(), plan.file, diags);
  for (const sema::Predicate& scope : plan.scopes) predicates.AddNamed(scope.id, scope.expr);
  std::size_t before = diags.errors();
  predicates.CompileAllNamed();
  for (const sema::Task& task : plan.tasks) predicates.Add(task.targets);
  if (plan.base) predicates.Add(*plan.base);
  return ok && diags.errors() == before;
}

}  // namespace planc::data
