#include "compiler/cli/output.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "compiler/util/parallel.h"

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
  // The temporaries are written on every core (a draw's tables are tens of
  // megabytes), the largest first, each to the core with the fewest bytes.
  std::size_t cores = std::min(Cores(), paths.size());
  std::vector<std::size_t> order(paths.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return files[a].second.size() > files[b].second.size();
  });
  std::vector<std::vector<std::size_t>> share(cores);
  std::vector<std::size_t> bytes(cores, 0);
  for (std::size_t i : order) {
    std::size_t core = std::min_element(bytes.begin(), bytes.end()) - bytes.begin();
    share[core].push_back(i);
    bytes[core] += files[i].second.size();
  }
  std::vector<char> written(paths.size(), 0);
  std::vector<std::string> errors(paths.size());
  ParallelFor(cores, 1, [&](std::size_t begin, std::size_t end) {
    for (std::size_t core = begin; core < end; ++core) {
      for (std::size_t i : share[core]) written[i] = WriteTemp(paths[i], files[i].second, &errors[i]);
    }
  });
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (written[i]) continue;
    *error = errors[i];  // the first file that could not be written
    for (std::size_t j = 0; j < paths.size(); ++j) {
      if (written[j]) std::remove(TempPath(paths[j]).c_str());
    }
    return false;
  }
  bool ok = true;
  for (const std::string& path : paths) ok = Rename(path, error) && ok;
  return ok;
}

}  // namespace planc::cli
