#ifndef PLANC_PARSE_INTERNAL_CONTEXT_H_
#define PLANC_PARSE_INTERNAL_CONTEXT_H_

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "ParserRuleContext.h"
#include "Token.h"
#include "Vocabulary.h"
#include "tree/TerminalNode.h"

#include "compiler/diag/engine.h"
#include "compiler/source/source_file.h"

namespace planc::parse_internal {

// What the transform functions share: the file, the diagnostics, and the one
// place where ANTLR's code-point indices become byte offsets.
class Context {
 public:
  // `base` is the byte offset in `file` where the parsed text starts.
  Context(SourcePtr file, std::uint32_t base, std::string_view text, Diagnostics& diags);

  SourceRange RangeOf(const antlr4::Token* token) const;
  SourceRange RangeOf(antlr4::ParserRuleContext* ctx) const;
  SourceRange RangeOf(antlr4::tree::TerminalNode* node) const;
  // The exact bytes of the file at `range`.
  std::string_view TextOf(SourceRange range) const;

  const SourcePtr& file() const { return file_; }
  Diagnostics& diags() { return diags_; }

  // Tokens already reported by the lexical checks (full-width punctuation):
  // a syntax error at one of them would only repeat the report.
  void MarkReported(std::size_t token_index) { reported_.insert(token_index); }
  bool IsReported(std::size_t token_index) const { return reported_.count(token_index) > 0; }

  // The grammar's token names, for keywords used as names.
  void set_vocabulary(const antlr4::dfa::Vocabulary* vocabulary) { vocabulary_ = vocabulary; }
  const antlr4::dfa::Vocabulary* vocabulary() const { return vocabulary_; }

 private:
  std::uint32_t Offset(std::size_t code_point_index) const;

  SourcePtr file_;
  Diagnostics& diags_;
  std::vector<std::uint32_t> offsets_;  // code point index -> byte offset in file
  std::set<std::size_t> reported_;
  const antlr4::dfa::Vocabulary* vocabulary_ = nullptr;
};

// A real token of the input: null for absent nodes and tokens the error
// recovery made up.
const antlr4::Token* RealToken(antlr4::tree::TerminalNode* node);

}  // namespace planc::parse_internal

#endif  // PLANC_PARSE_INTERNAL_CONTEXT_H_
