// The funnel plot of the GI benchmark: each GI's share against its denominator, with the
// regional rate and its 95% and 99.8% control limits narrowing as the denominator grows.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "chart/axis.hpp"
#include "chart/canvas.hpp"
#include "chart/label_placement.hpp"

namespace ss {

struct FunnelPoint {
    std::string label;       ///< the GI's name, in the tooltip
    std::string short_label; ///< what the chart writes beside the point ("JBRA"); the name when empty
    double n = 0;            ///< denominator
    double rate = 0;         ///< percent, 0-100
    bool judged = true;      ///< false: drawn hollow, its position not judged (its case mix differs)
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
    std::string not_judged_label = "andere samenstelling: geen oordeel";
};

/// Where everything of a funnel plot goes, decided before anything is drawn (and tested so).
struct FunnelLayout {
    Box plot;                              ///< the plotting area
    AxisScale x_scale, y_scale;
    std::vector<std::vector<Spot>> lines;  ///< the regional rate and the four limits, as drawn
    std::vector<std::string> label_texts;  ///< per point, in the order of chart.points
    std::vector<PlacedLabel> labels;       ///< per point, in the order of chart.points
    struct LegendEntry {
        Rgb colour;
        std::vector<double> dashes;
        bool dot = false; ///< a hollow dot instead of a line
        std::string text;
        double x = 0, y = 0;
    };
    std::vector<LegendEntry> legend;
    double x(double n) const { return plot.left + (n - x_scale.min) / (x_scale.max - x_scale.min) * (plot.right - plot.left); }
    double y(double v) const { return plot.bottom - (v - y_scale.min) / (y_scale.max - y_scale.min) * (plot.bottom - plot.top); }
};

/// The axes fit the points, the regional rate and the limits at the smallest GI's denominator
/// (not at n = 1, where the funnel is widest); each label sits beside its point, off the lines.
FunnelLayout funnel_layout(Canvas& canvas, const FunnelChart& chart, double width, double height);

/// Each point carries its GI, rate and denominator as a tooltip.
void draw_funnel_chart(Canvas& canvas, const FunnelChart& chart, double width, double height);

} // namespace ss
