#include "chart/axis.hpp"

#include <algorithm>
#include <cmath>

namespace ss {

AxisScale nice_scale(double low, double high, int max_ticks) {
    if (low > high) std::swap(low, high);
    if (low >= 0) low = 0;
    if (high <= 0 && low < 0) high = 0;
    return nice_range(low, high, max_ticks);
}

AxisScale nice_range(double low, double high, int max_ticks) {
    max_ticks = std::max(max_ticks, 2);
    if (low > high) std::swap(low, high);
    if (high - low <= 0) high = low + 1; // all values equal (or no data): a unit range
    const double rough = (high - low) / (max_ticks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 5.0}) {
        // Smallest step of 1, 2 or 5 x 10^k that covers the range in max_ticks - 1 intervals.
        const double candidate = m * magnitude;
        if (std::ceil(high / candidate - 1e-9) - std::floor(low / candidate + 1e-9) <= max_ticks - 1) {
            step = candidate;
            break;
        }
    }
    AxisScale scale;
    scale.step = step;
    scale.min = std::floor(low / step + 1e-9) * step;
    scale.max = std::ceil(high / step - 1e-9) * step;
    for (double v = scale.min; v <= scale.max + step / 2; v += step)
        scale.ticks.push_back(std::abs(v) < step * 1e-9 ? 0.0 : std::round(v / step) * step);
    scale.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    return scale;
}

} // namespace ss
