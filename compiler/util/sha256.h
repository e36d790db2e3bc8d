#ifndef PLANC_UTIL_SHA256_H_
#define PLANC_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace planc {

// Lowercase hex SHA-256 of `data` (OpenSSL).
std::string Sha256Hex(std::string_view data);

}  // namespace planc

#endif  // PLANC_UTIL_SHA256_H_
