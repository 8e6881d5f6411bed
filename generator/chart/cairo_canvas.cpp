#include "chart/cairo_canvas.hpp"

#include <cmath>

#include <pango/pangocairo.h>

#include "chart/cairo_handles.hpp"
#include "chart/chart_text.hpp"
#include "chart/thread_layouts.hpp"

namespace ss {

Extent CairoCanvas::measure(const std::string& text, bool bold) { return chart_text::measure_text(text, bold); }

void CairoCanvas::set_colour(const Rgb& c, double alpha) { cairo_set_source_rgba(cr_, c.r, c.g, c.b, alpha); }

void CairoCanvas::set_line(double width, const std::vector<double>& dashes) {
    cairo_set_line_width(cr_, width);
    cairo_set_dash(cr_, dashes.empty() ? nullptr : dashes.data(), static_cast<int>(dashes.size()), 0);
}

void CairoCanvas::move_to(double x, double y) { cairo_move_to(cr_, x0_ + x, y0_ + y); }
void CairoCanvas::line_to(double x, double y) { cairo_line_to(cr_, x0_ + x, y0_ + y); }
void CairoCanvas::stroke() { cairo_stroke(cr_); }

void CairoCanvas::fill_rectangle(double x, double y, double width, double height) {
    cairo_new_path(cr_);
    cairo_rectangle(cr_, x0_ + x, y0_ + y, width, height);
    cairo_fill(cr_);
}

void CairoCanvas::fill_circle(double cx, double cy, double radius) {
    cairo_new_path(cr_); // text leaves a current point; an arc would draw a line from it
    cairo_arc(cr_, x0_ + cx, y0_ + cy, radius, 0, 2 * M_PI);
    cairo_fill(cr_);
}

void CairoCanvas::text(const std::string& text, double x, double y, Anchor anchor, bool bold) {
    // Axis labels, quarters and legends repeat from chart to chart: their layouts are kept.
    PangoLayout* layout = ThreadLayouts::of_this_thread().of(cr_, (bold ? "cb" : "cn") + text, [&](PangoLayout* l) {
        FontDescription font(pango_font_description_new());
        pango_font_description_set_family(font.get(), chart_text::font_family);
        pango_font_description_set_absolute_size(font.get(), chart_text::font_size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_layout_set_font_description(l, font.get());
        pango_layout_set_text(l, text.c_str(), static_cast<int>(text.size()));
    });
    const Extent e = measure(text, bold);
    const double left = anchor == Anchor::left ? x : anchor == Anchor::centre ? x - e.width / 2 : x - e.width;
    cairo_move_to(cr_, x0_ + left, y0_ + (y - e.height / 2));
    pango_cairo_show_layout(cr_, layout);
    cairo_new_path(cr_);
}

void CairoCanvas::push_clip(double x, double y, double width, double height) {
    cairo_save(cr_);
    cairo_new_path(cr_);
    cairo_rectangle(cr_, x0_ + x, y0_ + y, width, height);
    cairo_clip(cr_);
}

void CairoCanvas::pop_clip() { cairo_restore(cr_); }

} // namespace ss
