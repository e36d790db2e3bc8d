#ifndef PLANC_UTIL_PARALLEL_H_
#define PLANC_UTIL_PARALLEL_H_

#include <cstddef>
#include <functional>

// Work that splits into independent shares, run on every core. Whatever
// runs this way writes only to its own share's slots, so the result does not
// depend on how many threads there were.
namespace planc {

// The threads planc uses for such work: one per core, at most 8.
std::size_t Cores();

// Calls fn(begin, end) for contiguous shares that cover [0, n), one per
// thread, the calling thread taking the first; one share only when n is
// below 2 * `min_share`. Returns when every share is done.
void ParallelFor(std::size_t n, std::size_t min_share,
                 const std::function<void(std::size_t, std::size_t)>& fn);

// Work in `chunks` steps where the costly part of each, prepare(c), may run
// on any thread and early, and the rest, consume(c), must run on the calling
// thread in chunk order. prepare(c) runs on another core, or on the calling
// thread when it would otherwise wait, and never more than `ahead` chunks
// before the one being consumed: prepare(c) starts only once consume(c -
// ahead) has returned, so the two can share `ahead` slots (slot c % ahead).
// An exception in either is rethrown here once every thread has ended; no
// chunk is consumed from one whose prepare failed on (nor, maybe, a few
// prepared just before it).
void PrepareAhead(std::size_t chunks, std::size_t ahead,
                  const std::function<void(std::size_t)>& prepare,
                  const std::function<void(std::size_t)>& consume);

}  // namespace planc

#endif  // PLANC_UTIL_PARALLEL_H_
