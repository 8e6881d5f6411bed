// Funnel-plot control limits for comparing GIs on a share: binomial limits around the regional
// rate, so that a small GI is judged against the noise its size brings, not ranked on it.
#pragma once

namespace ss {

struct ControlLimits {
    double lower95, upper95;   ///< 95%: z = 1.959964
    double lower998, upper998; ///< 99.8%: z = 3.090232
};

/// Limits around the proportion `p` (0-1) for a denominator `n` > 0: p ± z·√(p(1−p)/n), the normal
/// approximation of the binomial, clamped to [0, 1].
ControlLimits binomial_control_limits(double p, double n);

enum class FunnelPosition { within, above95, below95, above998, below998 };

/// Where a rate (0-1) over `n` lies against the limits around `p`. On a limit counts as within.
FunnelPosition funnel_position(double rate, double p, double n);

} // namespace ss
