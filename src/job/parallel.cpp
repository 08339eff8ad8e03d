#include "job/parallel.hpp"

namespace paperbag {

unsigned effective_jobs(unsigned jobs) {
    if (jobs > 0) return jobs;
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
}

}  // namespace paperbag
