#include "chart/chart_text.hpp"

#include "format/dutch.hpp"

namespace ss::chart_text {

void set_colour(cairo_t* cr, const Rgb& c, double alpha) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

PangoLayoutPtr text_layout(cairo_t* cr, const std::string& text, bool bold) {
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    FontDescription font(pango_font_description_new());
    pango_font_description_set_family(font.get(), font_family);
    pango_font_description_set_absolute_size(font.get(), font_size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
}

Extent extent_of(PangoLayout* layout) {
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

Extent text_extent(cairo_t* cr, const std::string& text, bool bold) {
    return extent_of(text_layout(cr, text, bold).get());
}

Extent draw_text(cairo_t* cr, const std::string& text, double x, double y, Anchor anchor, const Rgb& colour,
                 bool bold) {
    auto layout = text_layout(cr, text, bold);
    const Extent e = extent_of(layout.get());
    const double left = anchor == Anchor::left ? x : anchor == Anchor::centre ? x - e.width / 2 : x - e.width;
    set_colour(cr, colour);
    cairo_move_to(cr, left, y - e.height / 2);
    pango_cairo_show_layout(cr, layout.get());
    return e;
}

std::string format_value(double v, ValueStyle style, int decimals) {
    switch (style) {
    case ValueStyle::percent: return format_percent(v, decimals);
    case ValueStyle::euro: return format_euro(v, decimals);
    case ValueStyle::number: break;
    }
    return format_number(v, decimals);
}

} // namespace ss::chart_text
