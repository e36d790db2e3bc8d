#ifndef PLANC_CLI_OUTPUT_H_
#define PLANC_CLI_OUTPUT_H_

#include <string>

namespace planc::cli {

// Writes `text` to `path` through a temporary file in the same folder and a
// rename, so the file is either wholly old or wholly new. `-` is stdout.
bool WriteAtomically(const std::string& path, const std::string& text, std::string* error);

}  // namespace planc::cli

#endif  // PLANC_CLI_OUTPUT_H_
