#ifndef PLANC_SOURCE_SOURCE_FILE_H_
#define PLANC_SOURCE_SOURCE_FILE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace planc {

// A half-open range [begin, end) of byte offsets into one source file.
struct SourceRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  // The smallest range that covers both.
  static SourceRange Join(SourceRange a, SourceRange b);
  bool operator==(const SourceRange& o) const {
    return begin == o.begin && end == o.end;
  }
};

// A 1-based line and a 1-based column counted in Unicode code points.
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// The text of one input file (a plan, a rule pack) and its line table, or
// of an excerpt of a file too large to hold (a CSV record), whose first line
// is line `first_line` of the file. Line and column are computed from byte
// offsets only when rendering.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text, std::uint32_t first_line = 1);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  // Line and column of a byte offset (clamped to the text).
  LineCol Position(std::uint32_t offset) const;
  // The text of a 1-based line of the file, without its line terminator.
  std::string_view Line(std::uint32_t line) const;
  // The byte offset in `text()` where a line of the file starts.
  std::uint32_t LineStart(std::uint32_t line) const;
  std::uint32_t line_count() const {
    return static_cast<std::uint32_t>(line_starts_.size());
  }
  std::uint32_t first_line() const { return first_line_; }

 private:
  std::string path_;
  std::string text_;
  std::uint32_t first_line_;
  std::vector<std::uint32_t> line_starts_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// Reads a file into a SourceFile; on failure returns null and sets `error`
// to a sentence that names the file and the system's reason.
SourcePtr LoadSourceFile(const std::string& path, std::string* error);

}  // namespace planc

#endif  // PLANC_SOURCE_SOURCE_FILE_H_
