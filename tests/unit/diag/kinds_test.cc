// The registry of diagnostic kinds (kinds.def) and their explain texts.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "compiler/diag/explain.h"

namespace planc {
namespace {

std::string FirstLine(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

TEST(KindsTest, CodesAreUniqueAndWellFormed) {
  std::set<std::string> seen;
  for (const KindInfo& info : AllKinds()) {
    std::string code = info.code;
    EXPECT_TRUE(seen.insert(code).second) << "duplicate code " << code;
    ASSERT_EQ(code.size(), 5u) << code;
    EXPECT_TRUE(code[0] == 'E' || code[0] == 'W' || code[0] == 'N') << code;
    for (std::size_t i = 1; i < code.size(); ++i) {
      EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(code[i]))) << code;
    }
  }
  EXPECT_FALSE(seen.empty());
}

TEST(KindsTest, LetterMatchesSeverity) {
  for (const KindInfo& info : AllKinds()) {
    Severity want = info.code[0] == 'E'   ? Severity::kError
                    : info.code[0] == 'W' ? Severity::kWarning
                                          : Severity::kNote;
    EXPECT_EQ(info.severity, want) << info.code;
  }
}

TEST(KindsTest, TitlesInBothLanguages) {
  for (const KindInfo& info : AllKinds()) {
    EXPECT_GT(std::string(info.title_en).size(), 0u) << info.code;
    EXPECT_GT(std::string(info.title_zh).size(), 0u) << info.code;
  }
}

TEST(KindsTest, InfoAndFindKindAgree) {
  for (const KindInfo& info : AllKinds()) {
    EXPECT_EQ(Info(info.kind).code, std::string(info.code));
    const KindInfo* found = FindKind(info.code);
    ASSERT_NE(found, nullptr) << info.code;
    EXPECT_EQ(found->kind, info.kind);
  }
  EXPECT_EQ(FindKind("E9999"), nullptr);
  EXPECT_EQ(FindKind(""), nullptr);
  EXPECT_EQ(FindKind("deadline"), nullptr);
}

TEST(KindsTest, KnownCodes) {
  EXPECT_STREQ(Info(DiagKind::kSyntaxError).code, "E0001");
  EXPECT_STREQ(Info(DiagKind::kFullWidthPunctuation).code, "E0003");
  EXPECT_STREQ(Info(DiagKind::kIdeographicSpace).code, "W0001");
  EXPECT_EQ(Info(DiagKind::kIdeographicSpace).severity, Severity::kWarning);
  EXPECT_STREQ(Info(DiagKind::kUnclassifiedDefault).code, "N0001");
  EXPECT_EQ(Info(DiagKind::kUnclassifiedDefault).severity, Severity::kNote);
}

TEST(ExplainTest, EveryKindIsExplainedInBothLanguages) {
  for (const KindInfo& info : AllKinds()) {
    for (Lang lang : {Lang::kEn, Lang::kZh}) {
      std::string_view text = ExplainText(info.code, lang);
      ASSERT_FALSE(text.empty()) << info.code << (lang == Lang::kZh ? " zh" : " en");
      EXPECT_NE(FirstLine(text).find(info.code), std::string::npos)
          << info.code << ": first line is `" << FirstLine(text) << "`";
    }
  }
}

TEST(ExplainTest, LanguagesDiffer) {
  for (const KindInfo& info : AllKinds()) {
    EXPECT_NE(ExplainText(info.code, Lang::kEn), ExplainText(info.code, Lang::kZh)) << info.code;
  }
}

TEST(ExplainTest, UnknownCodeHasNoText) {
  EXPECT_TRUE(ExplainText("E9999", Lang::kEn).empty());
  EXPECT_TRUE(ExplainText("", Lang::kZh).empty());
}

}  // namespace
}  // namespace planc
