#include "compiler/util/parallel.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
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

void PrepareAhead(std::size_t chunks, std::size_t ahead,
                  const std::function<void(std::size_t)>& prepare,
                  const std::function<void(std::size_t)>& consume) {
  ahead = std::max<std::size_t>(ahead, 1);
  std::size_t helpers = std::min(Cores() - 1, chunks > 1 ? chunks - 1 : 0);
  if (helpers == 0) {
    for (std::size_t c = 0; c < chunks; ++c) {
      prepare(c);
      consume(c);
    }
    return;
  }
  std::mutex mutex;
  std::condition_variable room;   // a chunk was consumed, or the work ended
  std::condition_variable ready;  // a chunk was prepared, or a helper failed
  std::size_t claimed = 0;        // chunks handed out to prepare
  std::size_t consumed = 0;       // chunks consumed
  bool stop = false;
  std::exception_ptr failure;
  std::vector<char> prepared(ahead, 0);  // per slot: its chunk is prepared
  // Prepares the next chunk if there is one and room for it; the lock is
  // held on entry and on return. False when there was none to prepare.
  auto prepare_next = [&](std::unique_lock<std::mutex>& lock) {
    if (claimed >= chunks || claimed >= consumed + ahead) return false;
    std::size_t c = claimed++;
    lock.unlock();
    try {
      prepare(c);
    } catch (...) {
      lock.lock();
      if (!failure) failure = std::current_exception();
      stop = true;
      ready.notify_all();
      room.notify_all();
      return true;
    }
    lock.lock();
    prepared[c % ahead] = 1;
    ready.notify_all();
    return true;
  };
  auto help = [&] {
    std::unique_lock<std::mutex> lock(mutex);
    while (!stop && claimed < chunks) {
      if (!prepare_next(lock)) room.wait(lock);
    }
  };
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < helpers; ++i) threads.emplace_back(help);
  auto end = [&] {
    {
      std::lock_guard<std::mutex> lock(mutex);
      stop = true;
    }
    room.notify_all();
    for (std::thread& thread : threads) thread.join();
  };
  try {
    for (std::size_t c = 0; c < chunks; ++c) {
      {
        std::unique_lock<std::mutex> lock(mutex);
        // Prepare chunks here too rather than wait, the one needed first.
        while (!stop && !prepared[c % ahead]) {
          if (!prepare_next(lock)) ready.wait(lock);
        }
        if (failure) break;
      }
      consume(c);
      {
        std::lock_guard<std::mutex> lock(mutex);
        prepared[c % ahead] = 0;
        ++consumed;
      }
      room.notify_all();
    }
  } catch (...) {
    end();
    throw;
  }
  end();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace planc
