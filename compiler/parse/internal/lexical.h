#ifndef PLANC_PARSE_INTERNAL_LEXICAL_H_
#define PLANC_PARSE_INTERNAL_LEXICAL_H_

#include "CommonTokenStream.h"

#include "compiler/parse/internal/context.h"

namespace planc::parse_internal {

// Reports what the lexer found wrong (bad characters, full-width
// punctuation, unclosed strings and comments) and repairs the token stream so
// that parsing goes on as if the ASCII twin had been written. Returns false
// when the input is nested too deeply to parse safely.
bool CheckTokens(antlr4::CommonTokenStream& tokens, Context& context);

// The value of a string token with escapes decoded; a bad escape is reported.
std::string DecodeString(const antlr4::Token* token, Context& context);

}  // namespace planc::parse_internal

#endif  // PLANC_PARSE_INTERNAL_LEXICAL_H_
