#include "compiler/cli/output.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

namespace planc::cli {

namespace {

std::string TempPath(const std::string& path) {
  return fmt::format("{}.planc-tmp-{}", path, ::getpid());
}

bool WriteTemp(const std::string& path, const std::string& text, std::string* error) {
  std::string temp = TempPath(path);
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (out) return true;
  *error = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
  out.close();
  std::remove(temp.c_str());
  return false;
}

bool Rename(const std::string& path, std::string* error) {
  std::string temp = TempPath(path);
  if (std::rename(temp.c_str(), path.c_str()) == 0) return true;
  *error = fmt::format("{}: cannot write: {}", path, std::strerror(errno));
  std::remove(temp.c_str());
  return false;
}

}  // namespace

bool WriteAtomically(const std::string& path, const std::string& text, std::string* error) {
  if (path == "-") {
    std::cout << text;
    return static_cast<bool>(std::cout);
  }
  return WriteTemp(path, text, error) && Rename(path, error);
}

bool WriteAllAtomically(const std::vector<std::string>& paths,
                        const std::vector<std::pair<std::string, std::string>>& files,
                        std::string* error) {
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (WriteTemp(paths[i], files[i].second, error)) continue;
    for (std::size_t j = 0; j < i; ++j) std::remove(TempPath(paths[j]).c_str());
    return false;
  }
  bool ok = true;
  for (const std::string& path : paths) ok = Rename(path, error) && ok;
  return ok;
}

}  // namespace planc::cli
