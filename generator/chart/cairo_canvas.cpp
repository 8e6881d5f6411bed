#include "chart/cairo_canvas.hpp"

#include <cmath>

#include <pango/pangocairo.h>

#include "chart/cairo_handles.hpp"
#include "chart/chart_text.hpp"

namespace ss {

Extent CairoCanvas::measure(const std::string& text, bool bold) { return chart_text::measure_text(text, bold); }

void CairoCanvas::set_colour(const Rgb& c, double alpha) { cairo_set_source_rgba(cr_, c.r, c.g, c.b, alpha); }

void CairoCanvas::set_line(double width, const std::vector<double>& dashes) {
    cairo_set_line_width(cr_, width);
    cairo_set_dash(cr_, dashes.empty() ? nullptr : dashes.data(), static_cast<int>(dashes.size()), 0);
}

void CairoCanvas::move_to(double x, double y) { cairo_move_to(cr_, x, y); }
void CairoCanvas::line_to(double x, double y) { cairo_line_to(cr_, x, y); }
void CairoCanvas::stroke() { cairo_stroke(cr_); }

void CairoCanvas::fill_rectangle(double x, double y, double width, double height) {
    cairo_new_path(cr_);
    cairo_rectangle(cr_, x, y, width, height);
    cairo_fill(cr_);
}

void CairoCanvas::fill_circle(double cx, double cy, double radius) {
    cairo_new_path(cr_); // text leaves a current point; an arc would draw a line from it
    cairo_arc(cr_, cx, cy, radius, 0, 2 * M_PI);
    cairo_fill(cr_);
}

void CairoCanvas::text(const std::string& text, double x, double y, Anchor anchor, bool bold) {
    PangoLayoutPtr layout(pango_cairo_create_layout(cr_));
    FontDescription font(pango_font_description_new());
    pango_font_description_set_family(font.get(), chart_text::font_family);
    pango_font_description_set_absolute_size(font.get(), chart_text::font_size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    const Extent e = measure(text, bold);
    const double left = anchor == Anchor::left ? x : anchor == Anchor::centre ? x - e.width / 2 : x - e.width;
    cairo_move_to(cr_, left, y - e.height / 2);
    pango_cairo_show_layout(cr_, layout.get());
    cairo_new_path(cr_);
}

void CairoCanvas::push_clip(double x, double y, double width, double height) {
    cairo_save(cr_);
    cairo_new_path(cr_);
    cairo_rectangle(cr_, x, y, width, height);
    cairo_clip(cr_);
}

void CairoCanvas::pop_clip() { cairo_restore(cr_); }

} // namespace ss
