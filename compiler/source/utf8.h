#ifndef PLANC_SOURCE_UTF8_H_
#define PLANC_SOURCE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace planc {

// Decodes the code point at `pos` and advances `pos`. Invalid input (which
// callers have already ruled out) yields U+FFFD and advances one byte.
char32_t DecodeUtf8(std::string_view text, std::size_t& pos);

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or values
// past U+10FFFF); otherwise `bad_offset` is the first offending byte.
bool IsValidUtf8(std::string_view text, std::size_t* bad_offset = nullptr);

std::size_t CountCodePoints(std::string_view text);

// Columns a code point takes in a terminal: 2 for East Asian wide and
// full-width characters, 0 for combining marks, 1 otherwise.
int DisplayWidth(char32_t c);
int DisplayWidth(std::string_view text);

void AppendUtf8(std::string& out, char32_t c);

}  // namespace planc

#endif  // PLANC_SOURCE_UTF8_H_
