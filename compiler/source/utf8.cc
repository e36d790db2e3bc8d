#include "compiler/source/utf8.h"

#include <simdjson.h>

#include <cstdint>
#include <cstring>

namespace planc {
namespace {

// Length of the sequence a lead byte starts, or 0 when it cannot lead.
int SequenceLength(unsigned char b) {
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  if (b >= 0xE0 && b <= 0xEF) return 3;
  if (b >= 0xF0 && b <= 0xF4) return 4;
  return 0;
}

// Decodes one well-formed sequence, or returns false.
bool DecodeOne(std::string_view text, std::size_t pos, char32_t& out, int& len) {
  auto b0 = static_cast<unsigned char>(text[pos]);
  len = SequenceLength(b0);
  if (len == 0 || pos + len > text.size()) return false;
  if (len == 1) {
    out = b0;
    return true;
  }
  char32_t c = b0 & (0xFF >> (len + 1));
  for (int i = 1; i < len; ++i) {
    auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return false;
    c = (c << 6) | (b & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (c < kMin[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
  out = c;
  return true;
}

}  // namespace

char32_t DecodeUtf8(std::string_view text, std::size_t& pos) {
  char32_t c = 0;
  int len = 0;
  if (DecodeOne(text, pos, c, len)) {
    pos += len;
    return c;
  }
  ++pos;
  return 0xFFFD;
}

bool IsValidUtf8(std::string_view text, std::size_t* bad_offset) {
  // simdjson validates with the machine's vector instructions (chosen at run
  // time); every registry row passes here. The scalar loop below only
  // locates the first bad byte.
  if (simdjson::validate_utf8(text.data(), text.size())) return true;
  std::size_t pos = 0;
  while (pos < text.size()) {
    // Runs of ASCII, eight bytes at a time: most of a registry is ASCII.
    while (pos + 8 <= text.size()) {
      std::uint64_t word;
      std::memcpy(&word, text.data() + pos, 8);
      if (word & 0x8080808080808080ull) break;
      pos += 8;
    }
    if (pos >= text.size()) break;
    auto b0 = static_cast<unsigned char>(text[pos]);
    if (b0 < 0x80) {
      ++pos;
      continue;
    }
    // Common cases inline: two bytes, and three bytes without the overlong
    // (E0) and surrogate (ED) ranges; everything else is fully decoded.
    auto cont = [&](std::size_t at) {
      return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF && cont(pos + 1)) {
      pos += 2;
      continue;
    }
    if (((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) && cont(pos + 1) && cont(pos + 2)) {
      pos += 3;
      continue;
    }
    char32_t c = 0;
    int len = 0;
    if (!DecodeOne(text, pos, c, len)) {
      if (bad_offset) *bad_offset = pos;
      return false;
    }
    pos += len;
  }
  return true;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char b : text) n += (b & 0xC0) != 0x80;
  return n;
}

int DisplayWidth(char32_t c) {
  if (c == 0) return 0;
  if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF) return 0;
  bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
              (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
              (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
              (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
              (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
              (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) ||
              (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  std::size_t pos = 0;
  while (pos < text.size()) width += DisplayWidth(DecodeUtf8(text, pos));
  return width;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace planc
