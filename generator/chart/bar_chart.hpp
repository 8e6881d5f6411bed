// Bar charts for breakdowns: horizontal bars (referrer, segment, kind), grouped vertical columns,
// and stacked columns (a breakdown over the quarters). Same fonts, palette and axes as the trend.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chart/trend_chart.hpp"

namespace ss {

enum class BarLayout {
    horizontal, ///< one row per category, a bar per series: long labels stay readable
    columns,    ///< one slot per category, a column per series side by side
    stacked,    ///< one column per category, the series stacked on top of each other
};

struct BarChart {
    std::vector<std::string> categories; ///< "Huisarts", … or "K3 2025", …
    std::vector<ChartSeries> series;     ///< grouped: scope, region; stacked: one per code
    BarLayout layout = BarLayout::horizontal;
    ValueStyle style = ValueStyle::number;
    int decimals = 1;
    std::string note; ///< under the chart, e.g. why values are missing
    std::optional<double> reference; ///< horizontal bars: a marked value, e.g. the region's
    std::string reference_label;      ///< its legend text: "Regio Zuid-Holland Zuid: 11,0"
};

/// Draws `chart` in the rectangle (0, 0, width, height) of `cr`, in points. A missing value
/// draws no bar and no label; a chart without any value says so in its middle. Each bar carries
/// its exact value as a tooltip.
void draw_bar_chart(Canvas& canvas, const BarChart& chart, double width, double height);

/// The height a chart of this shape needs at `width`: horizontal bars grow with the categories,
/// and with the lines their labels wrap onto in a narrow chart.
double bar_chart_height(const BarChart& chart, double width);

} // namespace ss
