#include "job/parallel.hpp"

#include <algorithm>

namespace paperbag {

namespace {

unsigned cores() {
    const unsigned n = std::thread::hardware_concurrency();
    return n > 0 ? n : 1;
}

}  // namespace

unsigned max_jobs() {
    return std::max(8u, 8 * cores());
}

unsigned effective_jobs(unsigned jobs) {
    if (jobs == 0) return cores();
    return std::min(jobs, max_jobs());
}

}  // namespace paperbag
