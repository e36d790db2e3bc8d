#include "compiler/rules/yaml_source.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/util/strings.h"

namespace planc::rules {

SourceRange YamlReader::At(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  auto pos = static_cast<std::uint32_t>(std::max(0, mark.pos));
  pos = std::min<std::uint32_t>(pos, static_cast<std::uint32_t>(file_->text().size()));
  std::uint32_t end = pos;
  const std::string& text = file_->text();
  while (end < text.size() && text[end] != '\n' && text[end] != ',' && text[end] != '}' &&
         text[end] != ']' && (end == pos || text[end] != ':')) {
    ++end;
  }
  if (end == pos && end < text.size()) ++end;
  return {pos, end};
}

void YamlReader::FailAt(SourceRange range, const std::string& en, const std::string& zh) {
  ok_ = false;
  diags_.Add(DiagBuilder(DiagKind::kPackInvalid, file_, range).Message(en, zh));
}

void YamlReader::Fail(const YAML::Node& node, const std::string& en, const std::string& zh) {
  FailAt(node ? At(node) : SourceRange{0, 0}, en, zh);
}

std::optional<YAML::Node> YamlReader::Load() {
  YAML::Node root;
  try {
    root = YAML::Load(file_->text());
  } catch (const YAML::ParserException& e) {
    auto pos = static_cast<std::uint32_t>(std::max(0, e.mark.pos));
    FailAt({pos, pos + 1}, fmt::format("not YAML: {}", e.msg), fmt::format("不是有效的 YAML：{}", e.msg));
    return std::nullopt;
  }
  if (!root.IsMap()) {
    FailAt({0, 0}, fmt::format("a {} is a YAML map of keys", what_),
           fmt::format("{}应为 YAML 映射", what_ == "calendar" ? "工作日历" : "规则包"));
    return std::nullopt;
  }
  return root;
}

void YamlReader::Keys(const YAML::Node& map, std::initializer_list<const char*> allowed) {
  for (const auto& entry : map) {
    std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return key == k; });
    if (known) continue;
    std::string best;
    std::size_t best_distance = 3;
    for (const char* k : allowed) {
      std::size_t d = EditDistance(key, k);
      if (d < best_distance) {
        best_distance = d;
        best = k;
      }
    }
    std::vector<std::string> names(allowed.begin(), allowed.end());
    ok_ = false;
    DiagBuilder d(DiagKind::kPackInvalid, file_, At(entry.first));
    d.Message(fmt::format("unknown key `{}`", key), fmt::format("未知的键「{}」", key))
        .Label(best.empty() ? "not a key here" : fmt::format("did you mean `{}`?", best),
               best.empty() ? "此处没有这个键" : fmt::format("是否应为「{}」？", best))
        .Note(fmt::format("keys here: {}", Join(names, ", ")),
              fmt::format("此处可用的键：{}", Join(names, "、")));
    if (!best.empty()) {
      SourceRange r = At(entry.first);
      d.WithFix(fmt::format("rename it to `{}`", best), fmt::format("改为「{}」", best),
                {Edit{r, best}});
    }
    diags_.Add(std::move(d));
  }
}

std::optional<std::string> YamlReader::String(const YAML::Node& map, const char* key,
                                              bool required) {
  YAML::Node node = map[key];
  if (!node) {
    if (required) {
      Fail(map, fmt::format("`{}` is missing", key), fmt::format("缺少「{}」", key));
    }
    return std::nullopt;
  }
  if (!node.IsScalar()) {
    Fail(node, fmt::format("`{}` must be a single value", key), fmt::format("「{}」应为单个值", key));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<YAML::Node> YamlReader::Sequence(const YAML::Node& map, const char* key) {
  YAML::Node node = map[key];
  if (!node) return std::nullopt;
  if (!node.IsSequence()) {
    Fail(node, fmt::format("`{}` must be a list", key), fmt::format("「{}」应为列表", key));
    return std::nullopt;
  }
  return node;
}

std::optional<YAML::Node> YamlReader::Map(const YAML::Node& map, const char* key) {
  YAML::Node node = map[key];
  if (!node) return std::nullopt;
  if (!node.IsMap()) {
    Fail(node, fmt::format("`{}` must be a map of keys", key), fmt::format("「{}」应为映射", key));
    return std::nullopt;
  }
  return node;
}

std::optional<long> YamlReader::Integer(const YAML::Node& node) {
  if (node.IsScalar()) {
    const std::string& s = node.Scalar();
    if (!s.empty() && s.size() < 10 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return std::stol(s);
    }
  }
  Fail(node, "a whole number is needed here", "此处应为整数");
  return std::nullopt;
}

std::optional<SourceRange> YamlReader::TextRange(const YAML::Node& scalar) const {
  if (!scalar.IsScalar()) return std::nullopt;
  const std::string& value = scalar.Scalar();
  const std::string& text = file_->text();
  auto pos = static_cast<std::size_t>(std::max(0, scalar.Mark().pos));
  if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) ++pos;
  if (value.find('\n') != std::string::npos) return std::nullopt;
  if (text.compare(pos, value.size(), value) != 0) return std::nullopt;
  return SourceRange{static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(pos + value.size())};
}

}  // namespace planc::rules
