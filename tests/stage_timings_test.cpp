// Stage timings add up per stage over threads, and the median is the middle value.
#include <doctest/doctest.h>

#include <thread>
#include <vector>

#include "run/stage_timings.hpp"

using namespace ss;

TEST_CASE("stage timings: the median of odd and even counts, and of none") {
    CHECK(median({}) == 0);
    CHECK(median({3.0}) == 3.0);
    CHECK(median({5.0, 1.0, 3.0}) == 3.0);
    CHECK(median({4.0, 1.0, 3.0, 2.0}) == 2.5);
}

TEST_CASE("stage timings: stages keep their first order and add up over threads") {
    StageTimings timings;
    timings.add("SQL", {2.0, 3.5});
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 100; ++i) timings.add("PDF", {0.01, 0.02});
        });
    for (auto& t : threads) t.join();
    timings.add("SQL", {1.0, 0.5});
    const auto stages = timings.stages();
    REQUIRE(stages.size() == 2);
    CHECK(stages[0].first == "SQL");
    CHECK(stages[0].second.wall == doctest::Approx(3.0));
    CHECK(stages[0].second.cpu == doctest::Approx(4.0));
    CHECK(stages[1].first == "PDF");
    CHECK(stages[1].second.wall == doctest::Approx(4.0));
    CHECK(stages[1].second.cpu == doctest::Approx(8.0));
}

TEST_CASE("stage timings: a measure counts the thread's CPU into its stage and the package total") {
    StageTimings timings;
    double package = 0.25;
    {
        const StageTimings::Measure m(timings, "work", &package);
        volatile double x = 0;
        for (int i = 0; i < 3'000'000; ++i) x = x + i * 0.5;
    }
    const auto stages = timings.stages();
    REQUIRE(stages.size() == 1);
    CHECK(stages[0].second.cpu > 0);
    CHECK(stages[0].second.wall >= 0);
    CHECK(package == doctest::Approx(0.25 + stages[0].second.cpu));
    CHECK(peak_resident_mib() > 1);
    // The program itself and its libraries are mapped from files: never nothing, never the peak.
    CHECK(resident_file_mib() > 0);
    CHECK(resident_file_mib() < peak_resident_mib());
    CHECK(process_cpu_seconds() >= thread_cpu_seconds());
}
