#ifndef PLANC_CLI_OUTPUT_H_
#define PLANC_CLI_OUTPUT_H_

#include <string>
#include <utility>
#include <vector>

namespace planc::cli {

// Writes `text` to `path` through a temporary file in the same folder and a
// rename, so the file is either wholly old or wholly new. `-` is stdout.
bool WriteAtomically(const std::string& path, const std::string& text, std::string* error);

// Writes several files as one step: each text to a temporary file beside its
// path, and only when all are written, the renames. When a write fails, the
// temporaries are removed and no file is touched. paths[i] gets files[i].second.
bool WriteAllAtomically(const std::vector<std::string>& paths,
                        const std::vector<std::pair<std::string, std::string>>& files,
                        std::string* error);

}  // namespace planc::cli

#endif  // PLANC_CLI_OUTPUT_H_
