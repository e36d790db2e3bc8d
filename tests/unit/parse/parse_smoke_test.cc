#include <gtest/gtest.h>

#include "compiler/parse/parse.h"

namespace planc {
namespace {

TEST(ParseSmoke, EmptyFileParses) {
  auto file = std::make_shared<SourceFile>("empty.plan", "");
  Diagnostics diags;
  EXPECT_TRUE(Parse(file, diags).has_value());
  EXPECT_TRUE(diags.empty());
}

}  // namespace
}  // namespace planc
