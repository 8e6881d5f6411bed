// The funnel plot of the GI benchmark: each GI's share against its denominator, with the
// regional rate and its 95% and 99.8% control limits narrowing as the denominator grows.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "chart/canvas.hpp"

namespace ss {

struct FunnelPoint {
    std::string label; ///< the GI's name
    double n = 0;      ///< denominator
    double rate = 0;   ///< percent, 0-100
};

struct FunnelChart {
    std::vector<FunnelPoint> points;
    double centre = 0;           ///< the regional rate, percent
    std::string centre_label;    ///< "Regio Zuid-Holland Zuid: 87,3%"
    /// The limits (percent) at a denominator: lower95, upper95, lower998, upper998.
    std::function<std::array<double, 4>(double n)> limits;
    int decimals = 1;
    std::string x_label = "Aantal maatregelen (noemer)";
    std::string note;
};

/// Each point carries its GI, rate and denominator as a tooltip.
void draw_funnel_chart(Canvas& canvas, const FunnelChart& chart, double width, double height);

} // namespace ss
