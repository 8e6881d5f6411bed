// Puts a chart drawing onto an output: an inline SVG element for HTML pages (written as text),
// a one-page PDF, or a PNG for review (Cairo). Every chart kind goes through here, so all outputs
// share one drawing.
#pragma once

#include <functional>
#include <string>

#include "chart/canvas.hpp"

namespace ss {

/// Draws in the rectangle (0, 0, width, height) of the canvas it is handed, in points.
using ChartDrawing = std::function<void(Canvas&)>;

/// The drawing as an `<svg>` element for inline use in an HTML page: no XML declaration, every id
/// prefixed with `id_prefix` (several charts on one page must not share ids), and a viewBox with
/// width 100% so that it scales with the page.
std::string draw_svg(const ChartDrawing& draw, double width, double height, const std::string& id_prefix);
void write_pdf(const ChartDrawing& draw, double width, double height, const std::string& path);
void write_png(const ChartDrawing& draw, double width, double height, const std::string& path);

} // namespace ss
