#include "compiler/source/source_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "compiler/source/utf8.h"

namespace planc {

SourceRange SourceRange::Join(SourceRange a, SourceRange b) {
  return {std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

SourceFile::SourceFile(std::string path, std::string text, std::uint32_t first_line)
    : path_(std::move(path)), text_(std::move(text)), first_line_(first_line) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

LineCol SourceFile::Position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  auto index = static_cast<std::uint32_t>(it - line_starts_.begin());
  std::uint32_t start = line_starts_[index - 1];
  std::string_view prefix(text_.data() + start, offset - start);
  return {index + first_line_ - 1, static_cast<std::uint32_t>(CountCodePoints(prefix)) + 1};
}

std::uint32_t SourceFile::LineStart(std::uint32_t line) const {
  line = line >= first_line_ ? line - first_line_ + 1 : 0;
  if (line == 0 || line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view SourceFile::Line(std::uint32_t line) const {
  line = line >= first_line_ ? line - first_line_ + 1 : 0;
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1
                                                 : static_cast<std::uint32_t>(text_.size());
  std::string_view view(text_.data() + start, end - start);
  if (!view.empty() && view.back() == '\r') view.remove_suffix(1);
  return view;
}

SourcePtr LoadSourceFile(const std::string& path, std::string* error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *error = path + ": is a directory, not a file";
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open: " + std::strerror(errno);
    return nullptr;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = path + ": cannot read: " + std::strerror(errno);
    return nullptr;
  }
  std::string text = buffer.str();
  if (text.size() > 0xFFFFFF00u) {
    *error = path + ": file is larger than 4 GiB";
    return nullptr;
  }
  return std::make_shared<SourceFile>(path, std::move(text));
}

}  // namespace planc
