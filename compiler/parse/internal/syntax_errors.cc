#include "compiler/parse/internal/syntax_errors.h"

#include <algorithm>
#include <set>
#include <vector>

#include <fmt/format.h>

#include "FailedPredicateException.h"
#include "InputMismatchException.h"
#include "NoViableAltException.h"
#include "Parser.h"
#include "WritableToken.h"
#include "PlanParser.h"

#include "compiler/source/utf8.h"

namespace planc::parse_internal {
namespace {

using P = planc_grammar::PlanParser;

const std::set<std::size_t> kTaskFields = {
    P::TYPE, P::DOMAIN, P::ORGANIZER, P::LEAD, P::WITH, P::TARGETS, P::ITEMS, P::METHOD,
    P::SAMPLE, P::WINDOW, P::INSPECTORS, P::MERGE, P::NOTE, P::WAIVE};
const std::set<std::size_t> kPlanFields = {P::AUTHORITY, P::DOCUMENT, P::ISSUED, P::YEAR,
                                           P::RULES, P::REGISTRY, P::STATS, P::BASE,
                                           P::COORDINATION};
const std::set<std::size_t> kDeclarations = {P::PLAN, P::UNIT, P::SCOPE, P::POOL, P::TASK};
const std::set<std::size_t> kLiterals = {P::INT, P::DECIMAL, P::PERCENT, P::DATE, P::MONTH,
                                         P::STRING, P::TRUE, P::FALSE};

struct Phrase {
  std::string en;
  std::string zh;
};

// How a token type reads in a message.
Phrase TokenPhrase(std::size_t type, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case P::ID: return {"a name", "名称"};
    case P::STRING: return {"a string", "字符串"};
    case P::INT: return {"a whole number", "整数"};
    case P::DECIMAL: return {"a decimal number", "小数"};
    case P::PERCENT: return {"a percentage", "百分比"};
    case P::DATE: return {"a date", "日期"};
    case P::MONTH: return {"a month", "月份"};
    case P::BY_CREDIT: return {"`by credit`", "`按信用`"};
    case antlr4::Token::EOF: return {"end of file", "文件结尾"};
    default: break;
  }
  std::string literal = vocabulary.getLiteralName(type);
  if (literal.size() >= 2 && literal.front() == '\'') {
    literal = literal.substr(1, literal.size() - 2);
  } else {
    literal = vocabulary.getSymbolicName(type);
    std::transform(literal.begin(), literal.end(), literal.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  return {"`" + literal + "`", "`" + literal + "`"};
}

// Groups an expected-token set into the phrases a plan writer thinks in.
Phrase ExpectedPhrase(const antlr4::misc::IntervalSet& expected,
                      const antlr4::dfa::Vocabulary& vocabulary) {
  std::vector<std::size_t> types;
  for (ssize_t t : expected.toList()) types.push_back(static_cast<std::size_t>(t));
  auto count_in = [&](const std::set<std::size_t>& group) {
    return std::count_if(types.begin(), types.end(), [&](std::size_t t) { return group.count(t); });
  };
  std::vector<Phrase> parts;
  std::set<std::size_t> covered;
  auto take_group = [&](const std::set<std::size_t>& group, std::ptrdiff_t threshold, Phrase phrase) {
    if (count_in(group) >= threshold) {
      parts.push_back(std::move(phrase));
      covered.insert(group.begin(), group.end());
    }
  };
  bool expression = std::count(types.begin(), types.end(), P::LPAREN) &&
                    std::count(types.begin(), types.end(), P::ID) && count_in(kLiterals) >= 3;
  if (!expression) {
    // Inside an expression, what may follow it is no help to the writer.
    take_group(kDeclarations, 3,
               {"a declaration (`plan`, `unit`, `scope`, `pool`, `task`, `waive`)",
                "声明（plan、unit、scope、pool、task、waive）"});
    take_group(kTaskFields, 5, {"a task field", "任务字段"});
    take_group(kPlanFields, 5, {"a plan field", "计划字段"});
  } else {
    for (const auto* group : {&kDeclarations, &kTaskFields, &kPlanFields}) {
      covered.insert(group->begin(), group->end());
    }
    covered.insert({P::RBRACE, antlr4::Token::EOF, P::WAIVE});
  }
  if (expression) {
    parts.push_back({"an expression", "表达式"});
    covered.insert(kLiterals.begin(), kLiterals.end());
    for (std::size_t t : {P::ID, P::LPAREN, P::LBRACK, P::BANG, P::NOT, P::MINUS, P::UNIT,
                          P::CREDIT, P::PLAN, P::TASK}) {
      covered.insert(t);
    }
  } else if (count_in(kLiterals) >= 3) {
    parts.push_back({"a value", "值"});
    covered.insert(kLiterals.begin(), kLiterals.end());
  }
  if (covered.count(P::WAIVE) || covered.count(P::PLAN)) covered.insert({P::WAIVE, P::SEMI});
  if (!parts.empty()) covered.insert(P::SEMI);
  for (std::size_t t : types) {
    if (!covered.count(t) && parts.size() < 6) parts.push_back(TokenPhrase(t, vocabulary));
  }
  Phrase out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const char* sep_en = i == 0 ? "" : (i + 1 == parts.size() ? " or " : ", ");
    const char* sep_zh = i == 0 ? "" : "或";
    out.en += sep_en + parts[i].en;
    out.zh += sep_zh + parts[i].zh;
  }
  if (out.en.empty()) out = {"something else", "其他内容"};
  return out;
}

Phrase FoundPhrase(const antlr4::Token* token, const Context& context) {
  if (token == nullptr || token->getType() == antlr4::Token::EOF) {
    return {"end of file", "文件结尾"};
  }
  std::string text(context.TextOf(context.RangeOf(token)));
  if (CountCodePoints(text) > 24) {
    std::size_t pos = 0;
    for (int i = 0; i < 24; ++i) DecodeUtf8(text, pos);
    text = text.substr(0, pos) + "…";
  }
  return {"`" + text + "`", "`" + text + "`"};
}

}  // namespace

void PlanErrorStrategy::Report(antlr4::Parser* parser, const antlr4::Token* found,
                               const antlr4::misc::IntervalSet& expected, bool extra) {
  if (found && found->getTokenIndex() != INVALID_INDEX &&
      context_.IsReported(found->getTokenIndex())) {
    return;  // the full-width report at this token says it better
  }
  antlr4::misc::IntervalSet wanted = expected;
  if (found != nullptr) wanted.remove(found->getType());  // never "expected `in`, found `in`"
  Phrase want = ExpectedPhrase(wanted, parser->getVocabulary());
  Phrase got = FoundPhrase(found, context_);
  SourceRange range = context_.RangeOf(found);
  if (found && found->getType() == antlr4::Token::EOF) {
    // Point just after the last real character rather than past trailing blank lines.
    std::string_view text = context_.file()->text();
    std::uint32_t end = range.begin;
    while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
    range = {end, end};
  }
  DiagBuilder d(DiagKind::kSyntaxError, context_.file(), range);
  if (extra) {
    d.Message(fmt::format("unexpected {}; expected {}", got.en, want.en),
              fmt::format("此处不应出现 {}；应为{}", got.zh, want.zh))
        .Label("not expected here", "此处不应出现");
  } else {
    d.Message(fmt::format("expected {}, found {}", want.en, got.en),
              fmt::format("此处应为{}，实际是 {}", want.zh, got.zh))
        .Label(fmt::format("expected {}", want.en), fmt::format("应为{}", want.zh));
  }
  context_.diags().Add(std::move(d));
}

antlr4::Token* PlanErrorStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  std::size_t type = parser->getCurrentToken()->getType();
  if (kTaskFields.count(type) || kPlanFields.count(type) || kDeclarations.count(type) ||
      type == P::WAIVE) {
    return nullptr;
  }
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

antlr4::Token* PlanErrorStrategy::recoverInline(antlr4::Parser* parser) {
  antlr4::Token* token = parser->getCurrentToken();
  std::size_t rule = parser->getContext()->getRuleIndex();
  bool declaration = rule == P::RuleUnitDecl || rule == P::RuleScopeDecl ||
                     rule == P::RulePoolDecl || rule == P::RuleTaskDecl;
  auto* writable = dynamic_cast<antlr4::WritableToken*>(token);
  // Keyword tokens come first in the grammar's vocabulary, `plan` to `false`.
  bool keyword = token->getType() >= P::PLAN && token->getType() <= P::FALSE;
  if (!declaration || writable == nullptr || !keyword ||
      !getExpectedTokens(parser).contains(static_cast<std::size_t>(P::ID)) || inErrorRecoveryMode(parser)) {
    return DefaultErrorStrategy::recoverInline(parser);
  }
  SourceRange range = context_.RangeOf(token);
  std::string text(context_.TextOf(range));
  context_.diags().Add(
      DiagBuilder(DiagKind::kSyntaxError, context_.file(), range)
          .Message(fmt::format("`{}` is a keyword and cannot be a name", text),
                   fmt::format("`{}` 是关键字，不能用作名称", text))
          .Label("a keyword", "关键字")
          .Help(fmt::format("choose another name; a longer word that contains it, such as `{}A`, is "
                            "a name",
                            text),
                fmt::format("请换一个名称；包含关键字的更长词语（如 `{}A`）可以作名称", text)));
  writable->setType(P::ID);
  parser->consume();
  return token;
}

void PlanErrorStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                  const antlr4::NoViableAltException& e) {
  Report(parser, e.getOffendingToken(), parser->getExpectedTokens(), false);
}

void PlanErrorStrategy::reportInputMismatch(antlr4::Parser* parser,
                                            const antlr4::InputMismatchException& e) {
  Report(parser, e.getOffendingToken(), e.getExpectedTokens(), false);
}

void PlanErrorStrategy::reportFailedPredicate(antlr4::Parser* parser,
                                              const antlr4::FailedPredicateException& e) {
  Report(parser, e.getOffendingToken(), parser->getExpectedTokens(), false);
}

void PlanErrorStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  Report(parser, parser->getCurrentToken(), getExpectedTokens(parser), true);
}

void PlanErrorStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  Report(parser, parser->getCurrentToken(), getExpectedTokens(parser), false);
}

}  // namespace planc::parse_internal
