#include "compiler/draw/json_fields.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace planc::draw {

using Json = nlohmann::json;

std::map<std::string, std::uint32_t> JsonValueOffsets(std::string_view text) {
  std::map<std::string, std::uint32_t> offsets;
  // The path of each open container, and the next array index or last key.
  struct Open {
    std::string path;
    bool array;
    std::size_t index;
  };
  std::vector<Open> stack;
  std::string key;  // the last object key read
  bool expect_key = false;
  auto value_path = [&]() -> std::string {
    if (stack.empty()) return "";
    const Open& top = stack.back();
    if (top.array) return fmt::format("{}[{}]", top.path, top.index);
    return top.path.empty() ? key : top.path + "." + key;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ':') {
      ++i;
      continue;
    }
    if (c == ',') {
      if (!stack.empty() && stack.back().array) ++stack.back().index;
      expect_key = !stack.empty() && !stack.back().array;
      ++i;
      continue;
    }
    if (c == '}' || c == ']') {
      if (!stack.empty()) stack.pop_back();
      expect_key = false;
      ++i;
      continue;
    }
    if (c == '"') {
      std::size_t start = i++;
      std::string raw;
      while (i < text.size() && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < text.size()) raw += text[i++];
        raw += text[i++];
      }
      ++i;
      if (expect_key) {
        // Keys the draw names are plain; escapes are undone by the parser.
        Json parsed = Json::parse("\"" + raw + "\"", nullptr, false);
        key = parsed.is_string() ? parsed.get<std::string>() : raw;
        expect_key = false;
        continue;
      }
      offsets.emplace(value_path(), static_cast<std::uint32_t>(start));
      continue;
    }
    std::string path = value_path();
    offsets.emplace(path, static_cast<std::uint32_t>(i));
    if (c == '{' || c == '[') {
      stack.push_back({path, c == '[', 0});
      expect_key = c == '{';
      ++i;
      continue;
    }
    while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' &&
           text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t') {
      ++i;
    }
  }
  return offsets;
}

std::uint32_t OffsetOf(const std::map<std::string, std::uint32_t>& offsets, std::string path) {
  while (true) {
    auto it = offsets.find(path);
    if (it != offsets.end()) return it->second;
    std::size_t cut = path.find_last_of(".[");
    if (cut == std::string::npos) return path.empty() ? 0 : OffsetOf(offsets, "");
    path.resize(cut);
  }
}

JsonFields::JsonFields(SourcePtr file, Diagnostics& diags, DiagKind kind, Text help)
    : file_(std::move(file)), diags_(diags), kind_(kind), help_(std::move(help)) {
  if (Json::accept(file_->text())) offsets_ = JsonValueOffsets(file_->text());
}

void JsonFields::Problem(const std::string& path, const std::string& en, const std::string& zh) {
  ok_ = false;
  std::uint32_t at = OffsetOf(offsets_, path);
  diags_.Add(DiagBuilder(kind_, file_, {at, at})
                 .Message(path.empty() ? en : fmt::format("`{}`: {}", path, en),
                          path.empty() ? zh : fmt::format("`{}`：{}", path, zh))
                 .Help(help_.en, help_.zh));
}

const Json* JsonFields::Field(const Json& object, const std::string& path, const char* key) {
  auto it = object.find(key);
  if (it == object.end()) {
    Problem(path, fmt::format("the field `{}` is missing", key),
            fmt::format("缺少字段 `{}`", key));
    return nullptr;
  }
  return &*it;
}

const Json* JsonFields::Object(const Json& object, const std::string& path, const char* key) {
  const Json* value = Field(object, path, key);
  if (value && !value->is_object()) {
    Problem(Join(path, key), "must be an object", "应为对象");
    return nullptr;
  }
  return value;
}

std::string JsonFields::String(const Json& object, const std::string& path, const char* key) {
  const Json* value = Field(object, path, key);
  if (!value) return {};
  if (!value->is_string()) {
    Problem(Join(path, key), "must be a string", "应为字符串");
    return {};
  }
  return value->get<std::string>();
}

std::vector<std::string> JsonFields::Strings(const Json& object, const std::string& path,
                                             const char* key) {
  const Json* value = Field(object, path, key);
  std::vector<std::string> out;
  if (!value) return out;
  bool strings = value->is_array();
  for (std::size_t i = 0; strings && i < value->size(); ++i) strings = (*value)[i].is_string();
  if (!strings) {
    Problem(Join(path, key), "must be a list of strings", "应为字符串列表");
    return out;
  }
  for (const Json& item : *value) out.push_back(item.get<std::string>());
  return out;
}

bool JsonFields::Bool(const Json& object, const std::string& path, const char* key) {
  const Json* value = Field(object, path, key);
  if (!value) return false;
  if (!value->is_boolean()) {
    Problem(Join(path, key), "must be true or false", "应为 true 或 false");
    return false;
  }
  return value->get<bool>();
}

std::optional<std::uint64_t> JsonFields::Count(const Json& object, const std::string& path,
                                               const char* key, bool nullable) {
  const Json* value = Field(object, path, key);
  if (!value) return std::nullopt;
  if (value->is_null() && nullable) return std::nullopt;
  if (!value->is_number_unsigned()) {
    Problem(Join(path, key), nullable ? "must be a whole number or null" : "must be a whole number",
            nullable ? "应为非负整数或 null" : "应为非负整数");
    return std::nullopt;
  }
  return value->get<std::uint64_t>();
}

std::optional<Date> JsonFields::DateField(const Json& object, const std::string& path,
                                          const char* key) {
  std::string text = String(object, path, key);
  if (text.empty()) return std::nullopt;
  std::optional<Date> date = Date::Parse(text);
  if (!date) Problem(Join(path, key), "must be a date YYYY-MM-DD", "应为日期 YYYY-MM-DD");
  return date;
}

}  // namespace planc::draw
