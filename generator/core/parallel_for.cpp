#include "core/parallel_for.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace ss {

int workers_for(int jobs) { return jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency())); }

void parallel_for(size_t count, int jobs, const std::function<void(size_t item, size_t worker)>& work) {
    std::atomic<size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto worker = [&](size_t w) {
        for (size_t i; (i = next.fetch_add(1)) < count;) {
            try {
                work(i, w);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next = count;
            }
        }
    };
    // Always on threads of their own, one worker too: what a worker keeps per thread (Pango's font
    // map, the text measures) starts the same whatever --jobs is.
    std::vector<std::thread> threads;
    for (size_t w = 0; w < std::min(static_cast<size_t>(workers_for(jobs)), count); ++w) threads.emplace_back(worker, w);
    for (auto& t : threads) t.join();
    if (failure) std::rethrow_exception(failure);
}

} // namespace ss
