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
#include <system_error>
#include <thread>
#include <vector>

namespace paperbag {

template <typename Result>
struct Outcome {
    std::optional<Result> value;  // set when work(i) returned
    std::exception_ptr error;     // set when work(i) threw
};

// The number of worker threads to start for a request of `jobs`: 0 means one per core, and no
// request gets more than max_jobs() (more threads than that only add memory and contention).
unsigned effective_jobs(unsigned jobs);

// The cap on worker threads: eight per core, at least eight.
unsigned max_jobs();

// Starts up to `count` threads running `body`, as many as the system allows: thread creation
// fails under `ulimit -u` or low virtual memory, and then fewer workers do the same work.
// Returns the threads started (possibly none); callers must cope with any number of them.
template <typename Body>
std::vector<std::jthread> start_workers(unsigned count, const Body& body) {
    std::vector<std::jthread> threads;
    threads.reserve(count);
    for (unsigned t = 0; t < count; ++t) {
        try {
            threads.emplace_back(body);
        } catch (const std::system_error&) {
            break;
        }
    }
    return threads;
}

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
    std::vector<std::jthread> threads = start_workers(jobs, worker);
    if (threads.empty()) {  // no thread could be created: do the work here, in order
        for (std::size_t i = 0; i < n; ++i) deliver(i, run_one(i));
        return;
    }

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
