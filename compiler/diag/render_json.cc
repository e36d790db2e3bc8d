// The machine formats: planc/diagnostics@1 JSON, SARIF 2.1.0 and GitHub
// workflow commands. All read the same sorted diagnostics.
#include <map>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/explain.h"
#include "compiler/diag/render.h"
#include "compiler/source/utf8.h"
#include "compiler/util/sha256.h"

namespace planc {
namespace {

using Json = nlohmann::ordered_json;

struct Span {
  LineCol begin;
  LineCol end;  // exclusive: the position just after the span
};

Span SpanOf(const Location& loc) {
  return {loc.file->Position(loc.range.begin), loc.file->Position(loc.range.end)};
}

std::string WhereText(const Location& loc) {
  LineCol pos = loc.file->Position(loc.range.begin);
  return fmt::format("{}:{}:{}", loc.file->path(), pos.line, pos.column);
}

// Secondary places, for formats without a field of their own for them.
std::vector<std::string> NotesWithRelated(const Diagnostic& d, Lang lang) {
  std::vector<std::string> notes;
  for (const Location& loc : d.secondary) {
    if (!loc.file) continue;
    std::string label = loc.label.In(lang);
    notes.push_back(label.empty() ? WhereText(loc) : fmt::format("{}: {}", WhereText(loc), label));
  }
  for (const Text& note : d.notes) notes.push_back(note.In(lang));
  return notes;
}

Json FixesJson(const Diagnostic& d, Lang lang) {
  Json fixes = Json::array();
  for (const Fix& fix : d.fixes) {
    Json edits = Json::array();
    for (const Edit& edit : fix.edits) {
      LineCol b = d.primary->file->Position(edit.range.begin);
      LineCol e = d.primary->file->Position(edit.range.end);
      edits.push_back({{"line", b.line}, {"column", b.column}, {"end_line", e.line},
                       {"end_column", e.column}, {"replacement", edit.replacement}});
    }
    fixes.push_back({{"message", fix.description.In(lang)}, {"edits", std::move(edits)}});
  }
  return fixes;
}

std::string Dump(const Json& json) {
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string SarifLevel(Severity severity) {
  switch (severity) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kNote: return "note";
  }
  return "error";
}

// An artifact URI: the path as given, percent-encoded where a URI needs it.
std::string UriOf(const std::string& path) {
  std::string uri;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      uri += fmt::format("%{:02X}", c);
    }
  }
  return uri;
}

Json SarifRegion(const Location& loc) {
  Span span = SpanOf(loc);
  return {{"startLine", span.begin.line}, {"startColumn", span.begin.column},
          {"endLine", span.end.line}, {"endColumn", span.end.column}};
}

Json SarifLocation(const Location& loc, Lang lang) {
  Json json = {{"physicalLocation",
                {{"artifactLocation", {{"uri", UriOf(loc.file->path())}}},
                 {"region", SarifRegion(loc)}}}};
  if (!loc.label.empty()) json["message"] = {{"text", loc.label.In(lang)}};
  return json;
}

Json SarifRule(const Diagnostic& d, Lang lang) {
  Json rule = {{"id", d.code}};
  std::string title, help;
  if (d.rule) {
    title = d.rule->title.In(lang);
    help = d.rule->help.In(lang);
    rule["properties"] = {{"pack", d.rule->pack}, {"cite", d.rule->cite}};
  } else if (const KindInfo* info = FindKind(d.code)) {
    title = lang == Lang::kZh ? info->title_zh : info->title_en;
    help = std::string(ExplainText(d.code, lang));
  }
  rule["shortDescription"] = {{"text", title}};
  if (!help.empty()) rule["help"] = {{"text", help}, {"markdown", help}};
  rule["defaultConfiguration"] = {{"level", SarifLevel(d.severity)}};
  return rule;
}

// Stable across unrelated edits: the code and the trimmed text of the
// flagged line, with an occurrence count for repeats.
std::string Fingerprint(const Diagnostic& d, std::map<std::string, int>& seen) {
  std::string line;
  if (d.primary && d.primary->file) {
    std::string_view text = d.primary->file->Line(d.primary->file->Position(d.primary->range.begin).line);
    auto first = text.find_first_not_of(" \t");
    auto last = text.find_last_not_of(" \t");
    if (first != std::string_view::npos) line = std::string(text.substr(first, last - first + 1));
  }
  std::string hash = Sha256Hex(d.code + '\x1f' + line).substr(0, 16);
  return fmt::format("{}:{}", hash, ++seen[hash]);
}

std::string GithubEscape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<Format> ParseFormat(std::string_view name) {
  if (name == "human") return Format::kHuman;
  if (name == "json") return Format::kJson;
  if (name == "sarif") return Format::kSarif;
  if (name == "github") return Format::kGithub;
  return std::nullopt;
}

std::string RenderJson(const std::vector<Diagnostic>& diags, const RenderOptions& options) {
  Json list = Json::array();
  std::size_t counts[3] = {0, 0, 0};
  for (const Diagnostic& d : diags) {
    ++counts[static_cast<int>(d.severity)];
    Json item = {{"code", d.code}, {"severity", SeverityName(d.severity)},
                 {"message", d.message.In(options.lang)}};
    if (d.primary && d.primary->file) {
      Span span = SpanOf(*d.primary);
      item["file"] = d.primary->file->path();
      item["line"] = span.begin.line;
      item["column"] = span.begin.column;
      item["end_line"] = span.end.line;
      item["end_column"] = span.end.column;
    } else {
      for (const char* key : {"file", "line", "column", "end_line", "end_column"}) item[key] = nullptr;
    }
    item["rule"] = d.rule ? Json{{"pack", d.rule->pack}, {"cite", d.rule->cite}} : Json(nullptr);
    item["notes"] = NotesWithRelated(d, options.lang);
    item["help"] = d.help.empty() ? Json(nullptr) : Json(d.help.In(options.lang));
    item["fixes"] = FixesJson(d, options.lang);
    list.push_back(std::move(item));
  }
  Json root = {{"schema", "planc/diagnostics@1"},
               {"diagnostics", std::move(list)},
               {"summary", {{"errors", counts[0]}, {"warnings", counts[1]}, {"notes", counts[2]}}}};
  return Dump(root);
}

std::string RenderSarif(const std::vector<Diagnostic>& diags, const RenderOptions& options) {
  std::map<std::string, Json> rules;
  for (const Diagnostic& d : diags) {
    if (!rules.count(d.code)) rules.emplace(d.code, SarifRule(d, options.lang));
  }
  std::map<std::string, int> rule_index;
  Json rule_list = Json::array();
  for (auto& [code, rule] : rules) {
    rule_index[code] = static_cast<int>(rule_list.size());
    rule_list.push_back(rule);
  }
  std::map<std::string, int> seen;
  Json results = Json::array();
  for (const Diagnostic& d : diags) {
    std::string text = d.message.In(options.lang);
    for (const Text& note : d.notes) text += "\n" + note.In(options.lang);
    if (!d.help.empty()) text += "\n" + d.help.In(options.lang);
    Json result = {{"ruleId", d.code}, {"ruleIndex", rule_index[d.code]},
                   {"level", SarifLevel(d.severity)}, {"message", {{"text", text}}}};
    if (d.primary && d.primary->file) {
      result["locations"] = Json::array({SarifLocation(*d.primary, options.lang)});
    }
    Json related = Json::array();
    for (const Location& loc : d.secondary) {
      if (!loc.file) continue;
      Json item = SarifLocation(loc, options.lang);
      item["id"] = related.size() + 1;
      related.push_back(std::move(item));
    }
    if (!related.empty()) result["relatedLocations"] = std::move(related);
    result["partialFingerprints"] = {{"primaryLocationLineHash", Fingerprint(d, seen)}};
    Json fixes = Json::array();
    for (const Fix& fix : d.fixes) {
      Json replacements = Json::array();
      for (const Edit& edit : fix.edits) {
        Location where{d.primary->file, edit.range, {}};
        replacements.push_back({{"deletedRegion", SarifRegion(where)},
                                {"insertedContent", {{"text", edit.replacement}}}});
      }
      fixes.push_back(
          {{"description", {{"text", fix.description.In(options.lang)}}},
           {"artifactChanges",
            Json::array({{{"artifactLocation", {{"uri", UriOf(d.primary->file->path())}}},
                          {"replacements", std::move(replacements)}}})}});
    }
    if (!fixes.empty()) result["fixes"] = std::move(fixes);
    results.push_back(std::move(result));
  }
  Json driver = {{"name", "planc"},
                 {"version", options.tool_version},
                 {"informationUri", "https://planc.invalid/docs/diagnostics.md"},
                 {"rules", std::move(rule_list)}};
  Json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", Json::array({{{"tool", {{"driver", std::move(driver)}}},
                                      {"columnKind", "unicodeCodePoints"},
                                      {"results", std::move(results)}}})}};
  return Dump(root);
}

std::string RenderGithub(const std::vector<Diagnostic>& diags, const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& d : diags) {
    const char* command = d.severity == Severity::kError     ? "error"
                          : d.severity == Severity::kWarning ? "warning"
                                                             : "notice";
    std::string props;
    if (d.primary && d.primary->file) {
      Span span = SpanOf(*d.primary);
      props = fmt::format("file={},line={},col={},endLine={},endColumn={},",
                          GithubEscape(d.primary->file->path(), true), span.begin.line,
                          span.begin.column, span.end.line, span.end.column);
    }
    const KindInfo* info = FindKind(d.code);
    std::string title = d.code;
    if (info) title += std::string(" ") + (options.lang == Lang::kZh ? info->title_zh : info->title_en);
    props += "title=" + GithubEscape(title, true);
    std::string message = d.message.In(options.lang);
    for (const std::string& note : NotesWithRelated(d, options.lang)) message += "\nnote: " + note;
    if (!d.help.empty()) message += "\nhelp: " + d.help.In(options.lang);
    out += fmt::format("::{} {}::{}\n", command, props, GithubEscape(message, false));
  }
  return out;
}

std::string Render(Format format, const std::vector<Diagnostic>& diags,
                   const RenderOptions& options) {
  switch (format) {
    case Format::kHuman: return RenderHuman(diags, options);
    case Format::kJson: return RenderJson(diags, options);
    case Format::kSarif: return RenderSarif(diags, options);
    case Format::kGithub: return RenderGithub(diags, options);
  }
  return {};
}

}  // namespace planc
