#include "report/control_limits.hpp"

#include <algorithm>
#include <cmath>

namespace ss {

namespace {
constexpr double z95 = 1.959964;
constexpr double z998 = 3.090232;
} // namespace

ControlLimits binomial_control_limits(double p, double n) {
    const double se = n > 0 ? std::sqrt(p * (1 - p) / n) : 0;
    const auto clamp = [](double v) { return std::clamp(v, 0.0, 1.0); };
    return {clamp(p - z95 * se), clamp(p + z95 * se), clamp(p - z998 * se), clamp(p + z998 * se)};
}

FunnelPosition funnel_position(double rate, double p, double n) {
    const ControlLimits l = binomial_control_limits(p, n);
    if (rate > l.upper998) return FunnelPosition::above998;
    if (rate < l.lower998) return FunnelPosition::below998;
    if (rate > l.upper95) return FunnelPosition::above95;
    if (rate < l.lower95) return FunnelPosition::below95;
    return FunnelPosition::within;
}

} // namespace ss
