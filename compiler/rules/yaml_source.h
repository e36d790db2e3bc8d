#ifndef PLANC_RULES_YAML_SOURCE_H_
#define PLANC_RULES_YAML_SOURCE_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "compiler/diag/engine.h"

// Reading a rule pack or calendar with yaml-cpp, every problem reported at
// its place in the file (E0401): a key the format does not have (with the
// key it was probably meant to be), a value of the wrong kind, a missing key.
namespace planc::rules {

class YamlReader {
 public:
  // `what`: "rule pack" or "calendar", for messages.
  YamlReader(SourcePtr file, Diagnostics& diags, std::string what)
      : file_(std::move(file)), diags_(diags), what_(std::move(what)) {}

  // The document's top-level map.
  std::optional<YAML::Node> Load();

  // Reports every key of `map` not in `allowed`.
  void Keys(const YAML::Node& map, std::initializer_list<const char*> allowed);
  // map[key] as text; reported when missing (if `required`) or not a scalar.
  std::optional<std::string> String(const YAML::Node& map, const char* key, bool required = true);
  std::optional<YAML::Node> Sequence(const YAML::Node& map, const char* key);
  std::optional<YAML::Node> Map(const YAML::Node& map, const char* key);
  std::optional<long> Integer(const YAML::Node& node);

  // Where a scalar's text is in the file, when the scalar is written plain
  // or quoted without escapes on one line; nullopt otherwise.
  std::optional<SourceRange> TextRange(const YAML::Node& scalar) const;
  // The place of a node (its first character).
  SourceRange At(const YAML::Node& node) const;

  void Fail(const YAML::Node& node, const std::string& en, const std::string& zh);
  void FailAt(SourceRange range, const std::string& en, const std::string& zh);
  bool ok() const { return ok_; }
  const SourcePtr& file() const { return file_; }

 private:
  SourcePtr file_;
  Diagnostics& diags_;
  std::string what_;
  bool ok_ = true;
};

}  // namespace planc::rules

#endif  // PLANC_RULES_YAML_SOURCE_H_
