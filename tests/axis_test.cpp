// Axis ticks a person would choose.
#include <doctest/doctest.h>

#include <algorithm>

#include "chart/axis.hpp"

using namespace ss;

TEST_CASE("axis: steps of 1, 2 or 5 times a power of ten, from zero for positive data") {
    auto s = nice_scale(78.3, 91.6);
    CHECK(s.min == 0);
    CHECK(s.max == 100);
    CHECK(s.step == 20);
    CHECK(s.ticks == std::vector<double>{0, 20, 40, 60, 80, 100});
    CHECK(s.decimals == 0);

    s = nice_scale(0, 0.37);
    CHECK(s.step == doctest::Approx(0.1));
    CHECK(s.max == doctest::Approx(0.4));
    CHECK(s.decimals == 1);

    s = nice_scale(0, 1234567);
    CHECK(s.step == 500000);
    CHECK(s.ticks.back() == 1500000);
}

TEST_CASE("axis: negative values, equal values and no spread") {
    auto s = nice_scale(-3, 7); // steps of 2 would need 7 ticks (-4 .. 8), one too many
    CHECK(s.min == -5);
    CHECK(s.max == 10);
    CHECK(s.ticks == std::vector<double>{-5, 0, 5, 10});
    CHECK(nice_scale(-3, 7, 7).step == 2);
    CHECK(std::find(s.ticks.begin(), s.ticks.end(), 0.0) != s.ticks.end());
    s = nice_scale(0, 0);
    CHECK(s.step == doctest::Approx(0.2)); // no data: a unit axis
    CHECK(s.max == doctest::Approx(1));
    CHECK(s.ticks.size() <= 6);
    s = nice_scale(12, 12);
    CHECK(s.min == 0);
    CHECK(s.max >= 12);
}

TEST_CASE("axis: never more ticks than asked for") {
    for (double high : {1.0, 3.3, 7.0, 9.99, 17.0, 42.0, 99.0, 101.0, 555.0, 1e6 + 1}) {
        for (int max_ticks = 2; max_ticks <= 8; ++max_ticks) {
            INFO(high << " " << max_ticks);
            const auto s = nice_scale(0, high, max_ticks);
            CHECK(static_cast<int>(s.ticks.size()) <= max_ticks);
            CHECK(s.max >= high);
            CHECK(s.ticks.front() == 0);
        }
    }
}
