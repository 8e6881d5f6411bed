// The one worker pool: every item once, on at most --jobs workers, and a failure stops the
// handing out of items and comes back to the caller.
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

#include "core/parallel_for.hpp"

using namespace ss;

TEST_CASE("parallel_for: every item once, each on one of at most `jobs` workers") {
    for (int jobs : {1, 2, 3}) {
        std::vector<std::atomic<int>> runs(100);
        std::mutex m;
        std::set<size_t> workers;
        parallel_for(runs.size(), jobs, [&](size_t item, size_t worker) {
            ++runs[item];
            std::lock_guard lock(m);
            workers.insert(worker);
        });
        for (const auto& r : runs) CHECK(r == 1);
        CHECK(!workers.empty());
        CHECK(*workers.rbegin() < static_cast<size_t>(jobs));
    }
    // No items: no work, no workers.
    int called = 0;
    parallel_for(0, 2, [&](size_t, size_t) { ++called; });
    CHECK(called == 0);
    // Fewer items than jobs: one worker per item at most.
    std::set<size_t> used;
    std::mutex m;
    parallel_for(2, 8, [&](size_t, size_t worker) {
        std::lock_guard lock(m);
        used.insert(worker);
    });
    CHECK(*used.rbegin() < 2);
    CHECK(workers_for(3) == 3);
    CHECK(workers_for(0) >= 1);
}

TEST_CASE("parallel_for: the first failure comes back, and no item is started after it") {
    std::atomic<int> started{0};
    CHECK_THROWS_WITH_AS(parallel_for(1000, 1, [&](size_t item, size_t) {
                             ++started;
                             if (item == 10) throw std::runtime_error("item 10 failed");
                         }),
                         "item 10 failed", std::runtime_error);
    CHECK(started == 11); // one worker: items 0-10, then nothing
    // Two workers: the failure comes back whichever worker met it (how far the other got is
    // the scheduler's business, so not asserted).
    CHECK_THROWS_WITH_AS(parallel_for(1000, 2, [&](size_t item, size_t) {
                             if (item == 10) throw std::runtime_error("item 10 failed");
                         }),
                         "item 10 failed", std::runtime_error);
}
