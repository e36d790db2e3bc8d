#ifndef PLANC_DRAW_JSON_FIELDS_H_
#define PLANC_DRAW_JSON_FIELDS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "compiler/diag/engine.h"
#include "compiler/expr/date.h"

// Reading the JSON files of a draw (drawjobs.json, manifest.json) field by
// field, each problem reported once, named by its JSON path and located at
// the field in the file.
namespace planc::draw {

// Where each value of a JSON text starts, by the path the draw's messages
// use ("jobs[0].tasks[2].window.end"; "" for the top level). The text must
// be valid JSON. For locating problems found after parsing.
std::map<std::string, std::uint32_t> JsonValueOffsets(std::string_view text);
// The offset of `path`, or of its longest prefix that is in `offsets`.
std::uint32_t OffsetOf(const std::map<std::string, std::uint32_t>& offsets, std::string path);

class JsonFields {
 public:
  // Problems are `kind`, with `help`. `file` holds the JSON text; when it
  // is not valid JSON, problems are located at its start.
  JsonFields(SourcePtr file, Diagnostics& diags, DiagKind kind, Text help);

  void Problem(const std::string& path, const std::string& en, const std::string& zh);
  // The member `key` of `object` at `path`; a missing one is reported.
  const nlohmann::json* Field(const nlohmann::json& object, const std::string& path,
                              const char* key);
  const nlohmann::json* Object(const nlohmann::json& object, const std::string& path,
                               const char* key);
  std::string String(const nlohmann::json& object, const std::string& path, const char* key);
  std::vector<std::string> Strings(const nlohmann::json& object, const std::string& path,
                                   const char* key);
  bool Bool(const nlohmann::json& object, const std::string& path, const char* key);
  // A whole number ≥ 0, or nullopt for `null` (when `nullable`).
  std::optional<std::uint64_t> Count(const nlohmann::json& object, const std::string& path,
                                     const char* key, bool nullable);
  std::optional<Date> DateField(const nlohmann::json& object, const std::string& path,
                                const char* key);

  static std::string Join(const std::string& path, const char* key) {
    return path.empty() ? key : path + "." + key;
  }
  bool ok() const { return ok_; }

 private:
  SourcePtr file_;
  Diagnostics& diags_;
  DiagKind kind_;
  Text help_;
  std::map<std::string, std::uint32_t> offsets_;
  bool ok_ = true;
};

}  // namespace planc::draw

#endif  // PLANC_DRAW_JSON_FIELDS_H_
