// Axis scales for the charts: tick values a person would choose (steps of 1, 2 or 5 times a
// power of ten), shared by every chart and every output format.
#pragma once

#include <vector>

namespace ss {

struct AxisScale {
    double min = 0;
    double max = 1;
    double step = 1;
    std::vector<double> ticks; ///< from min to max inclusive, `step` apart
    int decimals = 0;          ///< decimals the tick labels need
};

/// A scale covering [low, high] with at most `max_ticks` ticks (at least 2). Data that does not
/// go below zero starts the axis at zero, so bars and lines are not exaggerated.
AxisScale nice_scale(double low, double high, int max_ticks = 6);

/// A scale covering [low, high] only, not stretched to zero: for a chart whose points are read by
/// their position against lines, not by their length (the funnel plot).
AxisScale nice_range(double low, double high, int max_ticks = 6);

} // namespace ss
