// Puts a chart drawing onto a surface: an inline SVG element for HTML pages, a one-page PDF, or
// a PNG for review. Every chart kind goes through here, so all outputs share one drawing.
#pragma once

#include <functional>
#include <string>

#include <cairo.h>

namespace ss {

/// Draws in the rectangle (0, 0, width, height) of the context it is handed, in points.
using ChartDrawing = std::function<void(cairo_t*)>;

/// The drawing as an `<svg>` element for inline use in an HTML page: no XML declaration, every id
/// prefixed with `id_prefix` (several charts on one page must not share ids), and a viewBox with
/// width 100% so that it scales with the page.
std::string draw_svg(const ChartDrawing& draw, double width, double height, const std::string& id_prefix);
void write_pdf(const ChartDrawing& draw, double width, double height, const std::string& path);
void write_png(const ChartDrawing& draw, double width, double height, const std::string& path);

/// Makes Cairo's SVG inline-safe as described above (exposed for tests).
std::string inline_svg(std::string svg, const std::string& id_prefix);

} // namespace ss
