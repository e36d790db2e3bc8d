#include "compiler/util/parallel.h"

#include <algorithm>
#include <cstdlib>
#include <thread>
#include <vector>

namespace planc {

std::size_t Cores() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

void ParallelFor(std::size_t n, std::size_t min_share,
                 const std::function<void(std::size_t, std::size_t)>& fn) {
  std::size_t shares = std::min(Cores(), std::max<std::size_t>(n / std::max<std::size_t>(min_share, 1), 1));
  if (shares <= 1) {
    if (n > 0) fn(0, n);
    return;
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < shares; ++i) {
    threads.emplace_back([&fn, n, shares, i] { fn(n * i / shares, n * (i + 1) / shares); });
  }
  fn(0, n / shares);
  for (std::thread& thread : threads) thread.join();
}

}  // namespace planc
