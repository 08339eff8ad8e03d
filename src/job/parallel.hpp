// Ordered parallel work: runs work(i) for i in [0, n) on up to `jobs` threads and hands the
// results to deliver(i, outcome) on the calling thread strictly in index order. At most
// `2 * jobs` results wait at any time, so memory stays flat however large n is (a slow item
// holds back delivery, and then the workers wait, rather than results piling up).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace paperbag {

template <typename Result>
struct Outcome {
    std::optional<Result> value;  // set when work(i) returned
    std::exception_ptr error;     // set when work(i) threw
};

// `jobs` of 0 means one thread per core.
unsigned effective_jobs(unsigned jobs);

template <typename Result>
void ordered_parallel(std::size_t n, unsigned jobs, const std::function<Result(std::size_t)>& work,
                      const std::function<void(std::size_t, Outcome<Result>&&)>& deliver) {
    jobs = static_cast<unsigned>(
        std::min<std::size_t>(effective_jobs(jobs), std::max<std::size_t>(n, 1)));
    auto run_one = [&](std::size_t i) {
        Outcome<Result> outcome;
        try {
            outcome.value.emplace(work(i));
        } catch (...) {
            outcome.error = std::current_exception();
        }
        return outcome;
    };
    if (jobs <= 1) {
        for (std::size_t i = 0; i < n; ++i) deliver(i, run_one(i));
        return;
    }
    const std::size_t window = 2 * static_cast<std::size_t>(jobs);
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::size_t, Outcome<Result>> ready;
    std::size_t next_to_start = 0;
    std::size_t next_to_deliver = 0;
    bool stop = false;

    auto worker = [&] {
        while (true) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stop || next_to_start >= n || next_to_start < next_to_deliver + window;
                });
                if (stop || next_to_start >= n) return;
                i = next_to_start++;
            }
            Outcome<Result> outcome = run_one(i);
            {
                std::lock_guard lock(mutex);
                ready.emplace(i, std::move(outcome));
            }
            changed.notify_all();
        }
    };
    std::vector<std::jthread> threads;
    threads.reserve(jobs);
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

    try {
        while (next_to_deliver < n) {
            Outcome<Result> outcome;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return ready.count(next_to_deliver) > 0; });
                auto node = ready.extract(next_to_deliver);
                outcome = std::move(node.mapped());
            }
            deliver(next_to_deliver, std::move(outcome));
            {
                std::lock_guard lock(mutex);
                ++next_to_deliver;
            }
            changed.notify_all();
        }
    } catch (...) {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        changed.notify_all();
        throw;  // jthreads join on destruction
    }
}

}  // namespace paperbag
