// Text and value labels shared by every chart: one font, one way to measure and place text, one
// way to format a value, so that all charts look alike in PDF and SVG.
#pragma once

#include <string>

#include <cairo.h>

#include "chart/cairo_handles.hpp"
#include "chart/palette.hpp"
#include "chart/trend_chart.hpp"

namespace ss::chart_text {

constexpr const char* font_family = "DejaVu Sans";
constexpr double font_size = 8.0; // points: legible in print at A4 width

struct Extent {
    double width, height;
};
enum class Anchor { left, centre, right };

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1.0);
/// A Pango layout for `text` in the chart font.
PangoLayoutPtr text_layout(cairo_t* cr, const std::string& text, bool bold = false);
Extent extent_of(PangoLayout* layout);
Extent text_extent(cairo_t* cr, const std::string& text, bool bold = false);
/// Draws text with its vertical middle at y; returns its extent.
Extent draw_text(cairo_t* cr, const std::string& text, double x, double y, Anchor anchor,
                 const Rgb& colour = text_colour, bool bold = false);
/// A value as the chart labels it: `1.234,5`, `12,3%`, `€ 1.234`.
std::string format_value(double v, ValueStyle style, int decimals);

} // namespace ss::chart_text
