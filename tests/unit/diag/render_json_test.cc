// The machine formats: planc/diagnostics@1 JSON, SARIF 2.1.0, GitHub
// workflow commands.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/diag/render.h"
#include "tests/unit/test_support.h"

namespace planc {
namespace {

using Json = nlohmann::ordered_json;
using test::Contains;
using test::MakeFile;

SourceRange Find(const SourceFile& file, std::string_view needle) {
  auto begin = static_cast<std::uint32_t>(file.text().find(needle));
  return {begin, static_cast<std::uint32_t>(begin + needle.size())};
}

SourceRange FindLast(const SourceFile& file, std::string_view needle) {
  auto begin = static_cast<std::uint32_t>(file.text().rfind(needle));
  return {begin, static_cast<std::uint32_t>(begin + needle.size())};
}

class MachineFormatTest : public ::testing::Test {
 protected:
  MachineFormatTest()
      : file_(MakeFile("task T01 \"x\" {\n  lead 食品流通股\n  lead 食品流通股\n}\n",
                       "plans/plan.plan")) {}

  // An error on line 2, columns 8..13 (exclusive), with help and a fix.
  Diagnostic Unknown() {
    SourceRange range = Find(*file_, "食品流通股");
    return DiagBuilder(DiagKind::kUnknownName, file_, range)
        .Message("unknown unit `食品流通股`", "未声明的单位「食品流通股」")
        .Label("not declared", "没有声明")
        .Note("a note", "一个说明")
        .Help("did you mean `食品流通监管股`?", "是否应为「食品流通监管股」？")
        .WithFix("replace with `食品流通监管股`", "改为「食品流通监管股」",
                 {{range, "食品流通监管股"}});
  }
  Diagnostic Warning() {
    return DiagBuilder(DiagKind::kUnusedDeclaration, file_, Find(*file_, "T01"))
        .Message("task `T01` is odd", "任务");
  }

  SourcePtr file_;
};

TEST_F(MachineFormatTest, JsonFieldsFollowTheSchema) {
  Json root = Json::parse(RenderJson({Unknown(), Warning()}, {}));
  EXPECT_EQ(root["schema"], "planc/diagnostics@1");
  ASSERT_EQ(root["diagnostics"].size(), 2u);
  const Json& d = root["diagnostics"][0];
  std::vector<std::string> keys;
  for (auto it = d.begin(); it != d.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> expected = {"code", "severity", "message",    "file",
                                       "line", "column",   "end_line",   "end_column",
                                       "rule", "notes",    "help",       "fixes"};
  EXPECT_EQ(keys, expected);
  EXPECT_EQ(d["code"], "E0101");
  EXPECT_EQ(d["severity"], "error");
  EXPECT_EQ(d["message"], "unknown unit `食品流通股`");
  EXPECT_EQ(d["file"], "plans/plan.plan");
  EXPECT_EQ(d["line"], 2);
  EXPECT_EQ(d["column"], 8);
  EXPECT_EQ(d["end_line"], 2);
  EXPECT_EQ(d["end_column"], 13);  // exclusive, in code points
  EXPECT_TRUE(d["rule"].is_null());
  EXPECT_EQ(d["notes"], Json::array({"a note"}));
  EXPECT_EQ(d["help"], "did you mean `食品流通监管股`?");
}

TEST_F(MachineFormatTest, JsonHelpIsNullWhenAbsent) {
  Json root = Json::parse(RenderJson({Warning()}, {}));
  const Json& d = root["diagnostics"][0];
  EXPECT_TRUE(d["help"].is_null());
  EXPECT_EQ(d["notes"], Json::array());
  EXPECT_EQ(d["fixes"], Json::array());
  EXPECT_EQ(d["severity"], "warning");
}

TEST_F(MachineFormatTest, JsonFixes) {
  Json root = Json::parse(RenderJson({Unknown()}, {}));
  const Json& fixes = root["diagnostics"][0]["fixes"];
  ASSERT_EQ(fixes.size(), 1u);
  EXPECT_EQ(fixes[0]["message"], "replace with `食品流通监管股`");
  ASSERT_EQ(fixes[0]["edits"].size(), 1u);
  const Json& edit = fixes[0]["edits"][0];
  EXPECT_EQ(edit["line"], 2);
  EXPECT_EQ(edit["column"], 8);
  EXPECT_EQ(edit["end_line"], 2);
  EXPECT_EQ(edit["end_column"], 13);
  EXPECT_EQ(edit["replacement"], "食品流通监管股");
}

TEST_F(MachineFormatTest, JsonRuleAndSummary) {
  Diagnostic d = Warning();
  d.code = "deadline";
  d.severity = Severity::kError;
  auto rule = std::make_shared<RuleRef>();
  rule->pack = "quanzhou-2024";
  rule->cite = "狮市监〔2024〕7号 三(四)";
  d.rule = rule;
  Diagnostic note = DiagBuilder(DiagKind::kUnclassifiedDefault, file_, {0, 4}).Message("n", "n");
  Json root = Json::parse(RenderJson({d, Warning(), note, note}, {}));
  EXPECT_EQ(root["diagnostics"][0]["rule"]["pack"], "quanzhou-2024");
  EXPECT_EQ(root["diagnostics"][0]["rule"]["cite"], "狮市监〔2024〕7号 三(四)");
  EXPECT_EQ(root["summary"]["errors"], 1);
  EXPECT_EQ(root["summary"]["warnings"], 1);
  EXPECT_EQ(root["summary"]["notes"], 2);
}

TEST_F(MachineFormatTest, JsonWithoutLocation) {
  Diagnostic d;
  d.code = "E0105";
  d.message = {"no plan", "没有计划"};
  Json item = Json::parse(RenderJson({d}, {}))["diagnostics"][0];
  for (const char* key : {"file", "line", "column", "end_line", "end_column"}) {
    ASSERT_TRUE(item.contains(key)) << key;
    EXPECT_TRUE(item[key].is_null()) << key;
  }
}

TEST_F(MachineFormatTest, JsonInChinese) {
  RenderOptions options;
  options.lang = Lang::kZh;
  Json d = Json::parse(RenderJson({Unknown()}, options))["diagnostics"][0];
  EXPECT_EQ(d["message"], "未声明的单位「食品流通股」");
  EXPECT_EQ(d["help"], "是否应为「食品流通监管股」？");
  EXPECT_EQ(d["fixes"][0]["message"], "改为「食品流通监管股」");
}

TEST_F(MachineFormatTest, EmptyJson) {
  Json root = Json::parse(RenderJson({}, {}));
  EXPECT_EQ(root["diagnostics"], Json::array());
  EXPECT_EQ(root["summary"]["errors"], 0);
}

TEST_F(MachineFormatTest, GithubOneLinePerDiagnostic) {
  std::string out = RenderGithub({Unknown(), Warning()}, {});
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 2) << out;
  EXPECT_EQ(out.rfind("::error file=plans/plan.plan,line=2,col=8,endLine=2,endColumn=13,"
                      "title=E0101 unknown name::unknown unit `食品流通股`",
                      0),
            0u)
      << out;
  EXPECT_TRUE(Contains(out, "\n::warning file=plans/plan.plan,line=1,col=6,")) << out;
}

TEST_F(MachineFormatTest, GithubNoteIsNotice) {
  Diagnostic note = DiagBuilder(DiagKind::kUnclassifiedDefault, file_, {0, 4}).Message("n", "n");
  EXPECT_EQ(RenderGithub({note}, {}).rfind("::notice ", 0), 0u);
}

TEST_F(MachineFormatTest, GithubEscapesMessage) {
  Diagnostic d = Warning();
  d.message = {"ratio 50% too high\nsee: a, b", ""};
  std::string out = RenderGithub({d}, {});
  // `%` and newlines are escaped in the message; `:` and `,` are not.
  EXPECT_TRUE(Contains(out, "::ratio 50%25 too high%0Asee: a, b\n")) << out;
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
}

TEST_F(MachineFormatTest, GithubEscapesProperties) {
  SourcePtr file = MakeFile("unit A\n", "C:/plans/a,b%.plan");
  Diagnostic d = DiagBuilder(DiagKind::kUnusedDeclaration, file, {5, 6}).Message("m", "m");
  std::string out = RenderGithub({d}, {});
  EXPECT_TRUE(Contains(out, "file=C%3A/plans/a%2Cb%25.plan,line=1,")) << out;
}

TEST_F(MachineFormatTest, GithubCarriesNotesAndHelp) {
  std::string out = RenderGithub({Unknown()}, {});
  EXPECT_TRUE(Contains(out, "%0Anote: a note")) << out;
  EXPECT_TRUE(Contains(out, "%0Ahelp: did you mean `食品流通监管股`?")) << out;
}

TEST_F(MachineFormatTest, SarifVersionAndDriver) {
  RenderOptions options;
  options.tool_version = "0.1.0";
  Json root = Json::parse(RenderSarif({Unknown()}, options));
  EXPECT_EQ(root["version"], "2.1.0");
  EXPECT_TRUE(Contains(root["$schema"].get<std::string>(), "sarif"));
  ASSERT_EQ(root["runs"].size(), 1u);
  const Json& driver = root["runs"][0]["tool"]["driver"];
  EXPECT_EQ(driver["name"], "planc");
  EXPECT_EQ(driver["version"], "0.1.0");
}

TEST_F(MachineFormatTest, SarifRuleIndexMatchesRules) {
  Diagnostic syntax = DiagBuilder(DiagKind::kSyntaxError, file_, {0, 4}).Message("s", "s");
  // Given in an order other than code order, and with a code repeated.
  Json run = Json::parse(RenderSarif({Warning(), Unknown(), syntax, Warning()}, {}))["runs"][0];
  const Json& rules = run["tool"]["driver"]["rules"];
  EXPECT_EQ(rules.size(), 3u);
  const Json& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const Json& result : results) {
    int index = result["ruleIndex"];
    ASSERT_GE(index, 0);
    ASSERT_LT(index, static_cast<int>(rules.size()));
    EXPECT_EQ(rules[index]["id"], result["ruleId"]);
  }
  for (const Json& rule : rules) {
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty()) << rule["id"];
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty()) << rule["id"];
  }
  EXPECT_EQ(results[0]["level"], "warning");
  EXPECT_EQ(results[1]["level"], "error");
}

TEST_F(MachineFormatTest, SarifRegionIsInCodePoints) {
  Json result = Json::parse(RenderSarif({Unknown()}, {}))["runs"][0]["results"][0];
  const Json& location = result["locations"][0]["physicalLocation"];
  EXPECT_EQ(location["artifactLocation"]["uri"], "plans/plan.plan");
  EXPECT_EQ(location["region"]["startLine"], 2);
  EXPECT_EQ(location["region"]["startColumn"], 8);
  EXPECT_EQ(location["region"]["endLine"], 2);
  EXPECT_EQ(location["region"]["endColumn"], 13);
  EXPECT_EQ(result["locations"][0]["message"]["text"], "not declared");
}

TEST_F(MachineFormatTest, SarifUriIsPercentEncoded) {
  SourcePtr file = MakeFile("unit A\n", "计划 1.plan");
  Diagnostic d = DiagBuilder(DiagKind::kUnusedDeclaration, file, {5, 6}).Message("m", "m");
  Json result = Json::parse(RenderSarif({d}, {}))["runs"][0]["results"][0];
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "%E8%AE%A1%E5%88%92%201.plan");
}

TEST_F(MachineFormatTest, SarifRelatedLocationsForSecondarySpans) {
  Diagnostic d = DiagBuilder(DiagKind::kDuplicateDeclaration, file_,
                             FindLast(*file_, "食品流通股"))
                     .Message("twice", "两次")
                     .Secondary(Find(*file_, "食品流通股"), "first here", "首次")
                     .Secondary(Find(*file_, "T01"), "task", "任务");
  Json result = Json::parse(RenderSarif({d}, {}))["runs"][0]["results"][0];
  ASSERT_TRUE(result.contains("relatedLocations"));
  const Json& related = result["relatedLocations"];
  ASSERT_EQ(related.size(), 2u);
  EXPECT_EQ(related[0]["message"]["text"], "first here");
  EXPECT_EQ(related[0]["physicalLocation"]["region"]["startLine"], 2);
  EXPECT_EQ(related[0]["physicalLocation"]["region"]["startColumn"], 8);
  EXPECT_EQ(related[1]["physicalLocation"]["region"]["startLine"], 1);
  EXPECT_NE(related[0]["id"], related[1]["id"]);
  // The primary location is line 3.
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"]["startLine"], 3);
}

TEST_F(MachineFormatTest, SarifNoRelatedLocationsWithoutSecondarySpans) {
  Json result = Json::parse(RenderSarif({Unknown()}, {}))["runs"][0]["results"][0];
  EXPECT_FALSE(result.contains("relatedLocations"));
}

std::string FingerprintOf(const Json& result) {
  return result["partialFingerprints"]["primaryLocationLineHash"];
}

TEST_F(MachineFormatTest, SarifFingerprintsCountRepeatedLines) {
  // Lines 2 and 3 are identical: the same code there gets `:1` and `:2`.
  Diagnostic first = Unknown();
  Diagnostic second =
      DiagBuilder(DiagKind::kUnknownName, file_, FindLast(*file_, "食品流通股")).Message("m", "m");
  Json results = Json::parse(RenderSarif({first, second}, {}))["runs"][0]["results"];
  std::string a = FingerprintOf(results[0]);
  std::string b = FingerprintOf(results[1]);
  ASSERT_GE(a.size(), 3u);
  ASSERT_GE(b.size(), 3u);
  EXPECT_EQ(a.substr(a.size() - 2), ":1") << a;
  EXPECT_EQ(b.substr(b.size() - 2), ":2") << b;
  EXPECT_EQ(a.substr(0, a.size() - 2), b.substr(0, b.size() - 2));
}

TEST_F(MachineFormatTest, SarifFingerprintsAreStable) {
  std::string once = RenderSarif({Unknown(), Warning()}, {});
  EXPECT_EQ(once, RenderSarif({Unknown(), Warning()}, {}));
  // Lines added above the flagged line do not change its fingerprint.
  SourcePtr moved = MakeFile("// a new comment\n\ntask T01 \"x\" {\n    lead 食品流通股\n}\n",
                             "plans/plan.plan");
  Diagnostic d = DiagBuilder(DiagKind::kUnknownName, moved, Find(*moved, "食品流通股"))
                     .Message("m", "m");
  std::string before = FingerprintOf(Json::parse(once)["runs"][0]["results"][0]);
  std::string after = FingerprintOf(Json::parse(RenderSarif({d}, {}))["runs"][0]["results"][0]);
  EXPECT_EQ(before, after);
  // Another code on the same line has another fingerprint.
  Diagnostic other = DiagBuilder(DiagKind::kSyntaxError, moved, Find(*moved, "食品流通股"))
                         .Message("m", "m");
  EXPECT_NE(FingerprintOf(Json::parse(RenderSarif({other}, {}))["runs"][0]["results"][0]), after);
}

TEST_F(MachineFormatTest, SarifFixes) {
  Json result = Json::parse(RenderSarif({Unknown()}, {}))["runs"][0]["results"][0];
  ASSERT_EQ(result["fixes"].size(), 1u);
  const Json& change = result["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(change["artifactLocation"]["uri"], "plans/plan.plan");
  const Json& replacement = change["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"]["startLine"], 2);
  EXPECT_EQ(replacement["deletedRegion"]["startColumn"], 8);
  EXPECT_EQ(replacement["deletedRegion"]["endColumn"], 13);
  EXPECT_EQ(replacement["insertedContent"]["text"], "食品流通监管股");
}

TEST(ParseFormatTest, Names) {
  EXPECT_EQ(ParseFormat("human"), Format::kHuman);
  EXPECT_EQ(ParseFormat("json"), Format::kJson);
  EXPECT_EQ(ParseFormat("sarif"), Format::kSarif);
  EXPECT_EQ(ParseFormat("github"), Format::kGithub);
  EXPECT_EQ(ParseFormat("xml"), std::nullopt);
}

}  // namespace
}  // namespace planc
