// Small plans for the sema tests, built as strings.
#ifndef PLANC_TESTS_UNIT_SEMA_SEMA_TEST_SUPPORT_H_
#define PLANC_TESTS_UNIT_SEMA_SEMA_TEST_SUPPORT_H_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "compiler/parse/parse.h"
#include "compiler/sema/sema.h"
#include "tests/unit/test_support.h"

namespace planc::sema {

struct Analyzed {
  SourcePtr file;
  Diagnostics diags;
  std::optional<ast::Plan> ast;
  std::optional<Plan> plan;
};

// Parses and analyses `text`. Unless told otherwise, a syntax error fails
// the test: these tests are about sema.
inline std::unique_ptr<Analyzed> AnalyzeText(std::string text, bool allow_syntax_errors = false) {
  auto out = std::make_unique<Analyzed>();
  out->file = test::MakeFile(std::move(text));
  out->ast = Parse(out->file, out->diags);
  if (!allow_syntax_errors) {
    EXPECT_EQ(out->diags.errors(), 0u) << "syntax errors:\n" << test::Describe(out->diags);
  }
  if (out->ast) out->plan = Analyze(*out->ast, out->file, out->diags);
  return out;
}

// A complete task that uses unit 股A, scope 企业 and pool 执法.
inline std::string TaskText(const std::string& id, const std::string& sample = "5%",
                            const std::string& window = "2024-05 .. 2024-09",
                            const std::string& extra = "") {
  return "task " + id + " \"任务" + id + "\" {\n  lead 股A\n  targets 企业\n  items [\"检查事项\"]\n" +
         "  sample " + sample + "\n  window " + window + "\n  inspectors 2 from 执法\n" +
         (extra.empty() ? "" : "  " + extra + "\n") + "}\n";
}

// `task` (from TaskText) with other targets.
inline std::string WithTargets(std::string task, const std::string& targets) {
  const std::string old = "targets 企业";
  return task.replace(task.find(old), old.size(), "targets " + targets);
}

// A plan block for `year`, the unit, scope and pool TaskText uses, then
// `decls` and `tasks`.
inline std::string PlanWith(const std::string& tasks, const std::string& decls = "",
                            int year = 2024) {
  return "plan \"计划\" { year " + std::to_string(year) + " }\nunit 股A\n" +
         "scope 企业 = kind == \"enterprise\"\npool 执法 = active\n" + decls + tasks;
}

}  // namespace planc::sema

#endif  // PLANC_TESTS_UNIT_SEMA_SEMA_TEST_SUPPORT_H_
