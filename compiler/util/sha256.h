#ifndef PLANC_UTIL_SHA256_H_
#define PLANC_UTIL_SHA256_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace planc {

// Lowercase hex SHA-256 of `data` (OpenSSL).
std::string Sha256Hex(std::string_view data);

// Lowercase hex SHA-256 of a file's bytes, read in blocks; nullopt when it
// cannot be read.
std::optional<std::string> Sha256FileHex(const std::string& path);

// `size` bytes as lowercase hex.
std::string HexOf(const unsigned char* bytes, std::size_t size);

}  // namespace planc

#endif  // PLANC_UTIL_SHA256_H_
