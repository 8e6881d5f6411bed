// The chart of a report block, as the chart code draws it: the same chart for the PDF and the
// inline SVG of the HTML page, with values suppressed for published outputs.
#pragma once

#include <string>
#include <variant>

#include "chart/bar_chart.hpp"
#include "chart/trend_chart.hpp"
#include "report/figure_text.hpp"
#include "report/report_model.hpp"

namespace ss {

TrendChart trend_chart_of(const ReportModel& model, const KpiBlock& block);
BarChart bar_chart_of(const ReportModel& model, const KpiBlock& block);

/// A block's chart built once from the model (its figures shown by the publication rules): its
/// height, its note and its drawing all read this one build.
struct BlockChart {
    std::variant<std::monostate, TrendChart, BarChart> chart; ///< none, a trend, or bars
    /// The height in points at `width` (the page's, a PDF column's or the HTML's); 0 without a chart.
    double height(double width) const;
    /// Why values are missing ("Kleine aantallen zijn niet getoond."), or empty.
    const std::string& note() const;
    /// Draws the chart into (0, 0, width, height).
    void draw(Canvas& canvas, double width, double height) const;
};
BlockChart block_chart_of(const ReportModel& model, const KpiBlock& block);

/// What a chart's text alternative says of its bars. A page shows the chart's table right under
/// it (its caption, "Cijfers bij de grafiek: …", is read next), so its alternative names the
/// highest and the lowest bar; the PDF has no table beside its charts, so there the alternative
/// reads every bar.
enum class AltValues { highest_and_lowest, every_value };

/// The municipalities of a region side by side, sorted, with the region's value marked.
BarChart comparison_chart(const ReportModel& model, const Comparison& comparison);
std::string comparison_alt_text(const ReportModel& model, const Comparison& comparison, AltValues values);

/// A text alternative for the chart: what it shows and its latest values, in one or two sentences.
std::string chart_alt_text(const ReportModel& model, const KpiBlock& block, AltValues values);

} // namespace ss
