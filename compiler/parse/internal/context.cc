#include "compiler/parse/internal/context.h"

#include <algorithm>

#include "tree/ErrorNode.h"

#include "compiler/source/utf8.h"

namespace planc::parse_internal {

Context::Context(SourcePtr file, std::uint32_t base, std::string_view text, Diagnostics& diags)
    : file_(std::move(file)), diags_(diags) {
  std::size_t pos = 0;
  offsets_.reserve(text.size() + 1);
  while (pos < text.size()) {
    offsets_.push_back(base + static_cast<std::uint32_t>(pos));
    DecodeUtf8(text, pos);
  }
  offsets_.push_back(base + static_cast<std::uint32_t>(text.size()));
}

std::uint32_t Context::Offset(std::size_t index) const {
  return offsets_[std::min(index, offsets_.size() - 1)];
}

SourceRange Context::RangeOf(const antlr4::Token* token) const {
  if (token == nullptr) return {};
  std::size_t start = token->getStartIndex();
  std::size_t stop = token->getStopIndex();
  if (start == INVALID_INDEX) return {};
  std::uint32_t begin = Offset(start);
  std::uint32_t end = stop == INVALID_INDEX || stop + 1 < start ? begin : Offset(stop + 1);
  return {begin, std::max(begin, end)};
}

SourceRange Context::RangeOf(antlr4::ParserRuleContext* ctx) const {
  if (ctx == nullptr || ctx->getStart() == nullptr) return {};
  SourceRange first = RangeOf(ctx->getStart());
  const antlr4::Token* stop = ctx->getStop();
  if (stop == nullptr || stop->getStartIndex() == INVALID_INDEX ||
      stop->getTokenIndex() < ctx->getStart()->getTokenIndex()) {
    return first;
  }
  return SourceRange::Join(first, RangeOf(stop));
}

SourceRange Context::RangeOf(antlr4::tree::TerminalNode* node) const {
  return RangeOf(RealToken(node));
}

std::string_view Context::TextOf(SourceRange range) const {
  const std::string& text = file_->text();
  if (range.begin > text.size() || range.end > text.size() || range.end < range.begin) return {};
  return std::string_view(text).substr(range.begin, range.end - range.begin);
}

const antlr4::Token* RealToken(antlr4::tree::TerminalNode* node) {
  // Error nodes hold tokens that recovery skipped or made up: never a match.
  if (node == nullptr || dynamic_cast<antlr4::tree::ErrorNode*>(node) != nullptr) return nullptr;
  const antlr4::Token* token = node->getSymbol();
  if (token == nullptr || token->getStartIndex() == INVALID_INDEX ||
      token->getTokenIndex() == INVALID_INDEX) {
    return nullptr;
  }
  return token;
}

}  // namespace planc::parse_internal
