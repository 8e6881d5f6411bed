// The eight-quarter trend chart of a KPI: the scope's line, the region beside it, the target as a
// band. Drawn on a Canvas, so the PDF (Cairo) and the SVG of the HTML pages are the same drawing.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "chart/canvas.hpp"
#include "format/value_style.hpp"

namespace ss {

struct ChartSeries {
    std::string label;                        ///< "Dordrecht", "Zuid-Holland Zuid"
    std::vector<std::optional<double>> values; ///< one per category; empty: no value (a gap)
    bool dashed = false;
};

struct TrendChart {
    std::vector<std::string> categories; ///< "K4 2023" … "K3 2025"
    std::vector<ChartSeries> series;     ///< first one is the scope, drawn strongest
    std::optional<double> target;        ///< drawn as a line with the "near" band (10%) around it
    std::string target_label = "Doel";
    /// The control limits of the seven quarters before the last (report/control_check.hpp), drawn
    /// as a grey band: a last point outside it is a notable change, not noise.
    std::optional<std::pair<double, double>> control_band;
    ValueStyle style = ValueStyle::number;
    int decimals = 1;                    ///< for value labels
    std::string note;                    ///< under the chart, e.g. why values are missing
};

/// Draws `chart` in the rectangle (0, 0, width, height) of the canvas, in points; each point
/// carries its exact value as a tooltip.
void draw_trend_chart(Canvas& canvas, const TrendChart& chart, double width, double height);

/// The height a trend chart needs at `width`: 145 points (125 in a half-page column), and more
/// where its legend wraps.
double trend_chart_height(const TrendChart& chart, double width);

/// The chart as an `<svg>` element for inline use in an HTML page: no XML declaration, every id
/// prefixed with `id_prefix` (several charts on one page must not share ids), and a viewBox with
/// width 100% so that it scales with the page.
std::string trend_chart_svg(const TrendChart& chart, double width, double height,
                            const std::string& id_prefix = "chart");

/// The chart as a one-page PDF, and as a PNG (for looking at it in tests and reviews).
void write_trend_chart_pdf(const TrendChart& chart, double width, double height, const std::string& path);
void write_trend_chart_png(const TrendChart& chart, double width, double height, const std::string& path);

/// Every how-many-th category label fits: the smallest n so that labels of the given widths,
/// centred on slots `slot_width` apart, keep at least `gap` between them when every n-th is shown.
int label_stride(const std::vector<double>& label_widths, double slot_width, double gap);

} // namespace ss
