#include "compiler/parse/internal/lexical.h"

#include <algorithm>

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
  std::size_t ascii_type = 0;  // the token the parser should see, when one
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
    {"【", "[", "full-width left bracket", "全角左方括号", L::LBRACK},
    {"】", "]", "full-width right bracket", "全角右方括号", L::RBRACK},
    {"［", "[", "full-width left bracket", "全角左方括号", L::LBRACK},
    {"］", "]", "full-width right bracket", "全角右方括号", L::RBRACK},
    {"｛", "{", "full-width left brace", "全角左花括号", L::LBRACE},
    {"｝", "}", "full-width right brace", "全角右花括号", L::RBRACE},
    {"＝", "=", "full-width equals sign", "全角等号", L::ASSIGN},
    {"％", "%", "full-width percent sign", "全角百分号"},
    {"！", "!", "full-width exclamation mark", "全角叹号", L::BANG},
    {"＜", "<", "full-width less-than sign", "全角小于号", L::LT},
    {"＞", ">", "full-width greater-than sign", "全角大于号", L::GT},
    {"－", "-", "full-width hyphen-minus", "全角减号", L::MINUS},
    {"。", ".", "ideographic full stop", "中文句号", L::DOT},
    {"、", ",", "enumeration comma", "顿号", L::COMMA},
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

// Reports a character the lexer could not use. Returns the token type the
// parser should see instead (a full-width twin's ASCII token), or 0 to hide it.
std::size_t CheckBadChar(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  std::string_view text = context.TextOf(range);
  if (const FullWidth* fw = FindFullWidth(text)) {
    ReportFullWidth(context, *fw, range, {{range, std::string(fw->ascii)}});
    return fw->ascii_type;
  }
  if (text == "%" || text == "#") {
    bool percent = text == "%";
    context.diags().Add(
        DiagBuilder(DiagKind::kUnexpectedCharacter, context.file(), range)
            .Message(percent ? "`%` stands apart from its number"
                             : "`#` does not start a comment in a plan",
                     percent ? "`%` 与数字之间不能有空格" : "计划文件中 `#` 不表示注释")
            .Label(percent ? "write it right after the number, as in `5%`"
                           : "comments start with `//`",
                   percent ? "请紧跟在数字后面，例如 `5%`" : "注释以 `//` 开头")
            .Help(percent ? "a ratio is one word: `5%`; `5` alone is a count of 5 enterprises"
                          : "write `// …` for a comment to the end of the line",
                  percent ? "比例要连写：`5%`；单独的 `5` 表示抽取 5 户"
                          : "行注释请写 `// …`"));
    return 0;
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
  return 0;
}

constexpr std::string_view kOpenQuote = "“", kCloseQuote = "”";

bool OpensFullWidth(std::string_view text) { return text.substr(0, kOpenQuote.size()) == kOpenQuote; }
bool ClosesFullWidth(std::string_view text) {
  return text.size() >= kCloseQuote.size() + 1 &&
         text.substr(text.size() - kCloseQuote.size()) == kCloseQuote;
}

// A string with a full-width quote at either end: one report, one edit per quote.
bool CheckFullWidthString(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  std::string_view text = context.TextOf(range);
  bool open = OpensFullWidth(text), close = ClosesFullWidth(text);
  if (!open && !close) return false;
  std::vector<Edit> edits;
  if (open) edits.push_back({{range.begin, static_cast<std::uint32_t>(range.begin + kOpenQuote.size())}, "\""});
  if (close) edits.push_back({{static_cast<std::uint32_t>(range.end - kCloseQuote.size()), range.end}, "\""});
  FullWidth quotes = open && close ? FullWidth{"“…”", "\"…\"", "full-width quotation marks", "中文引号"}
                     : open        ? *FindFullWidth(kOpenQuote)
                                   : *FindFullWidth(kCloseQuote);
  ReportFullWidth(context, quotes, range, std::move(edits));
  return true;
}

void CheckUnterminatedString(antlr4::Token* token, Context& context) {
  SourceRange range = context.RangeOf(token);
  DiagBuilder d(DiagKind::kUnterminatedString, context.file(), range);
  context.diags().Add(
      std::move(d)
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
        if (std::size_t ascii = CheckBadChar(token, context); ascii != 0 && writable) {
          writable->setType(ascii);
          context.MarkReported(token->getTokenIndex());
          type = ascii;
          break;
        }
        if (writable) writable->setChannel(antlr4::Token::HIDDEN_CHANNEL);
        continue;
      case L::UNTERMINATED_STRING:
        CheckUnterminatedString(token, context);
        if (writable) writable->setType(L::STRING);
        break;
      case L::BLOCK_COMMENT: CheckComment(token, context); continue;
      case L::FW_SPACE: CheckIdeographicSpace(token, context); continue;
      case L::STRING:
        if (CheckFullWidthString(token, context)) context.MarkReported(token->getTokenIndex());
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
  bool close_wide = ClosesFullWidth(text);
  if (OpensFullWidth(text)) {
    // No escapes after a full-width opening quote: the text is taken as written.
    text.remove_prefix(kOpenQuote.size());
    text.remove_suffix(close_wide ? kCloseQuote.size() : std::min<std::size_t>(1, text.size()));
    return std::string(text);
  }
  if (text.empty() || text.front() != '"') return std::string(text);
  text.remove_prefix(1);
  if (close_wide) {
    text.remove_suffix(kCloseQuote.size());
  } else if (!text.empty() && text.back() == '"') {
    text.remove_suffix(1);
  }
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
