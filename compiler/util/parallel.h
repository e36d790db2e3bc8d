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

}  // namespace planc

#endif  // PLANC_UTIL_PARALLEL_H_
