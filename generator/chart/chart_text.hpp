// Text shared by every chart: one font, one way to measure and place text, one way to wrap and
// shorten a label (values are formatted by format_styled, as in every output), so that all charts
// look alike in PDF and SVG.
#pragma once

#include <string>
#include <vector>

#include "chart/canvas.hpp"
#include "chart/trend_chart.hpp"

namespace ss::chart_text {

constexpr const char* font_family = "DejaVu Sans";
constexpr double font_size = 8.0; // points: legible in print at A4 width

/// One line of chart text measured with Pango in the chart font, as every canvas measures it
/// (cached per thread: tick and category labels repeat on every chart).
Extent measure_text(const std::string& text, bool bold = false);

inline Extent text_extent(Canvas& canvas, const std::string& text, bool bold = false) {
    return canvas.measure(text, bold);
}
/// Draws text with its vertical middle at y in `colour`; returns its extent.
Extent draw_text(Canvas& canvas, const std::string& text, double x, double y, Anchor anchor,
                 const Rgb& colour = text_colour, bool bold = false);

/// The text broken at spaces into lines no wider than `width` (a word wider than that is broken
/// inside, with a hyphen), at most `max_lines` of them; what does not fit ends the last line with "…".
std::vector<std::string> fit_lines(const std::string& text, double width, int max_lines);
/// The same, measured as `canvas` measures (every canvas measures with measure_text).
inline std::vector<std::string> fit_lines(Canvas&, const std::string& text, double width, int max_lines) {
    return fit_lines(text, width, max_lines);
}

} // namespace ss::chart_text
