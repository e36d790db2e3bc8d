#include "compiler/parse/parse.h"

#include <exception>

#include <fmt/format.h>

#include "ANTLRInputStream.h"
#include "CommonTokenStream.h"
#include "PlanLexer.h"
#include "PlanParser.h"
#include "atn/ParserATNSimulator.h"

#include "compiler/parse/internal/context.h"
#include "compiler/parse/internal/lexical.h"
#include "compiler/parse/internal/syntax_errors.h"
#include "compiler/parse/internal/transform.h"
#include "compiler/source/utf8.h"

namespace planc {
namespace {

using parse_internal::Context;

bool CheckUtf8(const SourcePtr& file, std::string_view text, std::uint32_t base,
               Diagnostics& diags) {
  std::size_t bad = 0;
  if (IsValidUtf8(text, &bad)) return true;
  auto at = static_cast<std::uint32_t>(base + bad);
  diags.Add(DiagBuilder(DiagKind::kInvalidUtf8, file, {at, at + 1})
                .Message(fmt::format("the file is not valid UTF-8 (byte 0x{:02X} at offset {})",
                                     static_cast<unsigned char>(text[bad]), at),
                         fmt::format("文件不是有效的 UTF-8 编码（偏移 {} 处的字节 0x{:02X}）", at,
                                     static_cast<unsigned char>(text[bad])))
                .Label("invalid byte", "无效字节")
                .Help("save the plan as UTF-8 (in most editors: Save As, encoding UTF-8)",
                      "请把计划文件另存为 UTF-8 编码（多数编辑器：另存为，编码选 UTF-8）"));
  return false;
}

void ReportInternal(const SourcePtr& file, SourceRange range, const char* what,
                    Diagnostics& diags) {
  diags.Add(DiagBuilder(DiagKind::kSyntaxError, file, range)
                .Message(fmt::format("the parser stopped: {}", what),
                         fmt::format("解析器中止：{}", what))
                .Help("simplify the text around this place; please report this input",
                      "请简化此处附近的文本，并报告这个输入"));
}

// Runs the lexer, the token checks and the parser with planc's error
// handling; `parse` picks the start rule and the transform.
template <typename Result, typename Fn>
std::optional<Result> RunParser(const SourcePtr& file, SourceRange range, Diagnostics& diags,
                                Fn&& parse) {
  std::string_view text = std::string_view(file->text()).substr(range.begin, range.end - range.begin);
  // ANTLR's input stream silently drops a leading byte-order mark, which
  // would shift every position by one; drop it here so offsets stay true.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) {
    text.remove_prefix(kBom.size());
    range.begin += static_cast<std::uint32_t>(kBom.size());
  }
  if (!CheckUtf8(file, text, range.begin, diags)) return std::nullopt;
  Context context(file, range.begin, text, diags);
  try {
    antlr4::ANTLRInputStream input(text.data(), text.size());
    planc_grammar::PlanLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    if (!parse_internal::CheckTokens(tokens, context)) return std::nullopt;
    planc_grammar::PlanParser parser(&tokens);
    context.set_vocabulary(&parser.getVocabulary());
    parser.removeErrorListeners();
    parser.setErrorHandler(std::make_shared<parse_internal::PlanErrorStrategy>(context));
    return parse(parser, context);
  } catch (const std::exception& e) {
    ReportInternal(file, range, e.what(), diags);
  } catch (...) {
    ReportInternal(file, range, "unknown error", diags);
  }
  return std::nullopt;
}

}  // namespace

std::optional<ast::Plan> Parse(const SourcePtr& file, Diagnostics& diags) {
  SourceRange all{0, static_cast<std::uint32_t>(file->text().size())};
  return RunParser<ast::Plan>(file, all, diags, [](planc_grammar::PlanParser& parser,
                                                   Context& context) {
    return parse_internal::TransformFile(parser.file(), context);
  });
}

std::optional<expr::Expr> ParseExpression(const SourcePtr& file, SourceRange range,
                                          Diagnostics& diags) {
  std::size_t errors_before = diags.errors();
  auto result = RunParser<expr::Expr>(file, range, diags, [](planc_grammar::PlanParser& parser,
                                                             Context& context) {
    planc_grammar::PlanParser::ExprOnlyContext* ctx = parser.exprOnly();
    return parse_internal::TransformExpr(ctx->expr(), context);
  });
  if (diags.errors() > errors_before) return std::nullopt;
  return result;
}

}  // namespace planc
