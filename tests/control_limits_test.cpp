// Funnel-plot control limits, checked against values computed by hand.
#include <doctest/doctest.h>

#include "report/control_limits.hpp"

using namespace ss;

TEST_CASE("control limits: p = 0.5, n = 100 gives se = 0.05") {
    const auto l = binomial_control_limits(0.5, 100);
    CHECK(l.lower95 == doctest::Approx(0.5 - 1.959964 * 0.05));  // 0.4020018
    CHECK(l.upper95 == doctest::Approx(0.5979982));
    CHECK(l.lower998 == doctest::Approx(0.3454884));             // 0.5 - 3.090232 * 0.05
    CHECK(l.upper998 == doctest::Approx(0.6545116));
}

TEST_CASE("control limits: p = 0.9, n = 400 gives se = 0.015") {
    const auto l = binomial_control_limits(0.9, 400);
    CHECK(l.lower95 == doctest::Approx(0.9 - 1.959964 * 0.015)); // 0.8706005
    CHECK(l.upper95 == doctest::Approx(0.9293995));
    CHECK(l.upper998 == doctest::Approx(0.9463535));
}

TEST_CASE("control limits: limits never leave [0, 1] and narrow as n grows") {
    const auto small = binomial_control_limits(0.05, 10);
    CHECK(small.lower95 == 0.0);
    CHECK(small.lower998 == 0.0);
    CHECK(small.upper998 <= 1.0);
    const auto large = binomial_control_limits(0.05, 1000);
    CHECK(large.upper95 < small.upper95);
    CHECK(large.lower95 > 0.0);
}

TEST_CASE("control limits: where a rate lies, a rate on a limit counting as within") {
    CHECK(funnel_position(0.5, 0.5, 100) == FunnelPosition::within);
    CHECK(funnel_position(0.62, 0.5, 100) == FunnelPosition::above95);
    CHECK(funnel_position(0.38, 0.5, 100) == FunnelPosition::below95);
    CHECK(funnel_position(0.70, 0.5, 100) == FunnelPosition::above998);
    CHECK(funnel_position(0.30, 0.5, 100) == FunnelPosition::below998);
    // The same 62% over 20 measures is within: a small GI is not judged on noise.
    CHECK(funnel_position(0.62, 0.5, 20) == FunnelPosition::within);
}
