#include "compiler/util/parallel.h"

#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

namespace planc {

std::size_t Cores() {
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

void ParallelFor(std::size_t n, std::size_t min_share,
                 const std::function<void(std::size_t, std::size_t)>& fn) {
  std::size_t fit = std::max<std::size_t>(n / std::max<std::size_t>(min_share, 1), 1);
  std::size_t shares = std::min(Cores(), fit);
  if (shares <= 1) {
    if (n > 0) fn(0, n);
    return;
  }
  // An exception in any share is rethrown here once every thread has ended.
  std::vector<std::exception_ptr> failures(shares);
  auto run = [&](std::size_t i) {
    try {
      fn(n * i / shares, n * (i + 1) / shares);
    } catch (...) {
      failures[i] = std::current_exception();
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < shares; ++i) threads.emplace_back(run, i);
  run(0);
  for (std::thread& thread : threads) thread.join();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace planc
