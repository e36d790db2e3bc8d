#include "compiler/parse/internal/lexical.h"

#include <fmt/format.h>

#include "PlanLexer.h"
#include "WritableToken.h"

#include "compiler/source/utf8.h"

namespace planc::parse_internal {
namespace {

using L = planc_grammar::PlanLexer;

constexpr int kMaxNesting = 100;
// Operators in one declaration: a long chain builds a deep tree even
// without brackets.
constexpr int kMaxOperators = 1000;

struct FullWidth {
  std::string_view wide;
  std::string_view ascii;
  const char* name_en;
  const char* name_zh;
};

// Punctuation a Chinese input method types where the language wants ASCII.
constexpr FullWidth kFullWidth[] = {
    {"：", ":", "full-width colon", "全角冒号"},
    {"；", ";", "full-width semicolon", "全角分号"},
    {"，", ",", "full-width comma", "全角逗号"},
    {"（", "(", "full-width left parenthesis", "全角左括号"},
    {"）", ")", "full-width right parenthesis", "全角右括号"},
    {"“", "\"", "full-width left quotation mark", "中文左引号"},
    {"”", "\"", "full-width right quotation mark", "中文右引号"},
    {"【", "[", "full-width left bracket", "全角左方括号"},
    {"】", "]", "full-width right bracket", "全角右方括号"},
    {"｛", "{", "full-width left brace", "全角左花括号"},
    {"｝", "}", "full-width right brace", "全角右花括号"},
    {"＝", "=", "full-width equals sign", "全角等号"},
    {"％", "%", "full-width percent sign", "全角百分号"},
    {"！", "!", "full-width exclamation mark", "全角叹号"},
    {"＜", "<", "full-width less-than sign", "全角小于号"},
    {"＞", ">", "full-width greater-than sign", "全角大于号"},
    {"－", "-", "full-width hyphen-minus", "全角减号"},
    {"。", ".", "ideographic full stop", "中文句号"},
};

const FullWidth* FindFullWidth(std::string_view text) {
  for (const FullWidth& fw : kFullWidth) {
    if (fw.wide == text) return &fw;
  }
  return nullptr;
}

void ReportFullWidth(Context& context, const FullWidth& fw, SourceRange range,
                     std::vector<Edit> edits) {
  context.diags().Add(
      DiagBuilder(DiagKind::kFullWidthPunctuation, context.file(), range)
          .Message(fmt::format("{} `{}` where `{}` is required", fw.name_en, fw.wide, fw.ascii),
                   fmt::format("此处应使用英文标点 `{}`，而不是{} `{}`", fw.ascii, fw.name_zh, fw.wide))
          .Label(fmt::format("write `{}`", fw.ascii), fmt::format("改为 `{}`", fw.ascii))
          .Help("switch the input method to English punctuation (half-width) outside strings",
                "在字符串以外请把输入法切换为英文（半角）标点")
          .WithFix(fmt::format("replace `{}` with `{}`", fw.wide, fw.ascii),
                   fmt::format("把 `{}` 改为 `{}`", fw.wide, fw.ascii), std::move(edits)));
}

void CheckBadChar(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  std::string_view text = context.TextOf(range);
  if (const FullWidth* fw = FindFullWidth(text)) {
    ReportFullWidth(context, *fw, range, {{range, std::string(fw->ascii)}});
    return;
  }
  std::size_t pos = 0;
  char32_t c = text.empty() ? 0 : DecodeUtf8(text, pos);
  std::string shown = c < 0x20 || c == 0x7F ? std::string() : fmt::format("`{}` ", text);
  context.diags().Add(
      DiagBuilder(DiagKind::kUnexpectedCharacter, context.file(), range)
          .Message(fmt::format("unexpected character {}(U+{:04X})", shown, static_cast<unsigned>(c)),
                   fmt::format("无法识别的字符 {}(U+{:04X})", shown, static_cast<unsigned>(c)))
          .Label("not part of the plan language", "不是计划语言的一部分")
          .Help("delete it, or put it inside a \"string\" or a // comment",
                "请删除它，或把它放进 \"字符串\" 或 // 注释中"));
}

void CheckFullWidthString(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  static const std::string_view kOpen = "“", kClose = "”";
  SourceRange open{range.begin, static_cast<std::uint32_t>(range.begin + kOpen.size())};
  SourceRange close{static_cast<std::uint32_t>(range.end - kClose.size()), range.end};
  ReportFullWidth(context, *FindFullWidth(kOpen), range, {{open, "\""}, {close, "\""}});
}

void CheckUnterminatedString(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  context.diags().Add(
      DiagBuilder(DiagKind::kUnterminatedString, context.file(), range)
          .Message("string is not closed before the end of the line", "字符串在行末之前没有结束")
          .Label("this string has no closing `\"`", "此字符串缺少结束的 `\"`")
          .Help("add `\"` where the string ends; a string cannot span lines",
                "在字符串结尾处加上 `\"`；字符串不能跨行")
          .WithFix("close the string at the end of the line", "在行末补上 `\"`",
                   {{{range.end, range.end}, "\""}}));
}

void CheckComment(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  std::string_view text = context.TextOf(range);
  if (text.size() >= 4 && text.substr(text.size() - 2) == "*/") return;
  context.diags().Add(
      DiagBuilder(DiagKind::kUnterminatedComment, context.file(), {range.begin, range.begin + 2})
          .Message("comment is not closed: `/*` has no matching `*/`",
                   "注释没有结束：`/*` 缺少对应的 `*/`")
          .Label("the comment starts here and runs to the end of the file",
                 "注释从这里开始一直到文件结尾")
          .Help("add `*/` where the comment ends", "在注释结尾处加上 `*/`"));
}

void CheckIdeographicSpace(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  std::size_t count = CountCodePoints(context.TextOf(range));
  context.diags().Add(
      DiagBuilder(DiagKind::kIdeographicSpace, context.file(), range)
          .Message("ideographic space (U+3000) used as a space", "使用了全角空格（U+3000）")
          .Label("full-width space", "全角空格")
          .Help("type spaces with the input method in half-width mode",
                "请在半角模式下输入空格")
          .WithFix("replace with ordinary spaces", "替换为半角空格",
                   {{range, std::string(count, ' ')}}));
}

bool IsPrefixOperator(std::size_t type) {
  return type == L::BANG || type == L::NOT || type == L::MINUS;
}

bool IsDeclarationKeyword(std::size_t type) {
  return type == L::PLAN || type == L::UNIT || type == L::SCOPE || type == L::POOL ||
         type == L::TASK || type == L::WAIVE;
}

bool IsOperator(std::size_t type) {
  switch (type) {
    case L::BANG: case L::NOT: case L::MINUS: case L::PLUS: case L::STAR: case L::SLASH:
    case L::LT: case L::LE: case L::GT: case L::GE: case L::EQ: case L::NE: case L::IN:
    case L::HAS: case L::AND: case L::ANDAND: case L::OR: case L::OROR: case L::QUESTION:
    case L::DOT: case L::COMMA:
      return true;
    default:
      return false;
  }
}

}  // namespace

bool CheckTokens(antlr4::CommonTokenStream& tokens, Context& context) {
  tokens.fill();
  int depth = 0;
  int prefix_run = 0;
  int operators = 0;
  for (antlr4::Token* token : tokens.getTokens()) {
    auto* writable = dynamic_cast<antlr4::WritableToken*>(token);
    std::size_t type = token->getType();
    SourceRange range = context.RangeOf(token);
    std::string_view text = context.TextOf(range);
    switch (type) {
      case L::BAD_CHAR:
        CheckBadChar(token, context);
        if (writable) writable->setChannel(antlr4::Token::HIDDEN_CHANNEL);
        continue;
      case L::UNTERMINATED_STRING:
        CheckUnterminatedString(token, context);
        if (writable) writable->setType(L::STRING);
        break;
      case L::BLOCK_COMMENT: CheckComment(token, context); continue;
      case L::FW_SPACE: CheckIdeographicSpace(token, context); continue;
      case L::STRING:
        if (text.rfind("“", 0) == 0) {
          CheckFullWidthString(token, context);
          context.MarkReported(token->getTokenIndex());
        }
        break;
      case L::COLON: case L::SEMI: case L::COMMA: case L::LPAREN: case L::RPAREN:
        if (text.size() > 1) {
          ReportFullWidth(context, *FindFullWidth(text), range,
                          {{range, std::string(FindFullWidth(text)->ascii)}});
          context.MarkReported(token->getTokenIndex());
        }
        break;
      default: break;
    }
    if (token->getChannel() != antlr4::Token::DEFAULT_CHANNEL) continue;
    if (type == L::LPAREN || type == L::LBRACK || type == L::LBRACE) ++depth;
    if ((type == L::RPAREN || type == L::RBRACK || type == L::RBRACE) && depth > 0) --depth;
    prefix_run = IsPrefixOperator(type) ? prefix_run + 1 : 0;
    if (depth == 0 && IsDeclarationKeyword(type)) operators = 0;
    operators += IsOperator(type);
    if (depth + prefix_run > kMaxNesting || operators > kMaxOperators) {
      context.diags().Add(
          DiagBuilder(DiagKind::kTooDeeplyNested, context.file(), range)
              .Message(operators > kMaxOperators
                           ? fmt::format("more than {} operators in one declaration", kMaxOperators)
                           : fmt::format("nested more than {} levels deep", kMaxNesting),
                       operators > kMaxOperators
                           ? fmt::format("一个声明中的运算符超过 {} 个", kMaxOperators)
                           : fmt::format("嵌套超过 {} 层", kMaxNesting))
              .Label("too deep here", "此处嵌套过深")
              .Help("split the expression into named scopes", "请把表达式拆成几个命名的 scope"));
      return false;
    }
  }
  return true;
}

std::string DecodeString(const antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  std::string_view text = context.TextOf(range);
  if (text.rfind("“", 0) == 0) {
    std::string_view open = "“", close = "”";
    if (text.size() >= open.size() + close.size()) {
      return std::string(text.substr(open.size(), text.size() - open.size() - close.size()));
    }
    return {};
  }
  if (text.empty() || text.front() != '"') return std::string(text);
  text.remove_prefix(1);
  if (!text.empty() && text.back() == '"') text.remove_suffix(1);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (i + 1 >= text.size()) break;
    char next = text[++i];
    switch (next) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      default: {
        std::size_t pos = i;
        DecodeUtf8(text, pos);
        auto at = static_cast<std::uint32_t>(range.begin + 1 + i - 1);
        SourceRange bad{at, static_cast<std::uint32_t>(range.begin + 1 + pos)};
        context.diags().Add(
            DiagBuilder(DiagKind::kInvalidEscape, context.file(), bad)
                .Message(fmt::format("unknown escape `{}` in a string", context.TextOf(bad)),
                         fmt::format("字符串中有未知的转义 `{}`", context.TextOf(bad)))
                .Label("not an escape", "不是有效的转义")
                .Help("the escapes are \\\" \\\\ \\n \\t; write \\\\ for a backslash",
                      "可用的转义只有 \\\" \\\\ \\n \\t；反斜杠本身请写作 \\\\"));
        out.append(text.substr(i - 1, pos - i + 1));
        i = pos - 1;
      }
    }
  }
  return out;
}

}  // namespace planc::parse_internal
