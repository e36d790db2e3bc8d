#ifndef PLANC_PARSE_INTERNAL_SYNTAX_ERRORS_H_
#define PLANC_PARSE_INTERNAL_SYNTAX_ERRORS_H_

#include <string>

#include "DefaultErrorStrategy.h"

#include "compiler/parse/internal/context.h"

namespace planc::parse_internal {

// ANTLR's recovery (resynchronise at the next field or declaration), with
// every report turned into a located planc diagnostic in both languages.
class PlanErrorStrategy : public antlr4::DefaultErrorStrategy {
 public:
  explicit PlanErrorStrategy(Context& context) : context_(context) {}

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser,
                                 const antlr4::NoViableAltException& e) override;
  void reportInputMismatch(antlr4::Parser* parser, const antlr4::InputMismatchException& e) override;
  void reportFailedPredicate(antlr4::Parser* parser,
                             const antlr4::FailedPredicateException& e) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  // Never drops a field or declaration keyword to repair a field: recovery
  // then resynchronises at that keyword, and the field it starts survives.
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;
  // A keyword written as the name of a unit, scope, pool or task (`unit 单位`)
  // is reported once and taken as the name, so nothing after it is lost.
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;

 private:
  void Report(antlr4::Parser* parser, const antlr4::Token* found,
              const antlr4::misc::IntervalSet& expected, bool extra);

  Context& context_;
};

}  // namespace planc::parse_internal

#endif  // PLANC_PARSE_INTERNAL_SYNTAX_ERRORS_H_
