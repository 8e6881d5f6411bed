#include "chart/trend_chart.hpp"

#include <algorithm>
#include <cmath>

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "chart/axis.hpp"
#include "chart/cairo_handles.hpp"
#include "chart/palette.hpp"
#include "core/errors.hpp"
#include "format/dutch.hpp"

namespace ss {

namespace {

constexpr const char* font_family = "DejaVu Sans";
constexpr double font_size = 8.0; // points: legible in print at A4 width

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

/// A Pango layout for `text` in the chart font; `bold` for the value labels of the scope.
PangoLayoutPtr text_layout(cairo_t* cr, const std::string& text, bool bold = false) {
    PangoLayoutPtr layout(pango_cairo_create_layout(cr));
    FontDescription font(pango_font_description_new());
    pango_font_description_set_family(font.get(), font_family);
    pango_font_description_set_absolute_size(font.get(), font_size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
}

struct Extent {
    double width, height;
};

Extent extent_of(PangoLayout* layout) {
    int w, h;
    pango_layout_get_size(layout, &w, &h);
    return {static_cast<double>(w) / PANGO_SCALE, static_cast<double>(h) / PANGO_SCALE};
}

enum class Anchor { left, centre, right };

/// Draws text with its vertical middle at y; returns its extent.
Extent draw_text(cairo_t* cr, const std::string& text, double x, double y, Anchor anchor,
                 const Rgb& colour = text_colour, bool bold = false) {
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

struct Range {
    double low = 0, high = 0;
    bool any = false;
    void add(double v) {
        low = any ? std::min(low, v) : v;
        high = any ? std::max(high, v) : v;
        any = true;
    }
};

Range data_range(const TrendChart& chart) {
    Range r;
    for (const auto& s : chart.series)
        for (const auto& v : s.values)
            if (v) r.add(*v);
    if (chart.target) {
        r.add(*chart.target * 0.9);
        r.add(*chart.target * 1.1);
    }
    return r;
}

struct Plot {
    double left, top, right, bottom;
    AxisScale scale;
    size_t categories;
    double x(size_t i) const {
        const double slot = (right - left) / static_cast<double>(categories);
        return left + slot * (static_cast<double>(i) + 0.5);
    }
    double y(double v) const { return bottom - (v - scale.min) / (scale.max - scale.min) * (bottom - top); }
};

void draw_axes(cairo_t* cr, const Plot& p, const TrendChart& chart) {
    cairo_set_line_width(cr, 0.5);
    for (double t : p.scale.ticks) {
        set_colour(cr, t == 0 ? muted_colour : grid_colour);
        cairo_move_to(cr, p.left, p.y(t));
        cairo_line_to(cr, p.right, p.y(t));
        cairo_stroke(cr);
        const int decimals = chart.style == ValueStyle::euro && p.scale.decimals == 0 ? 0 : p.scale.decimals;
        draw_text(cr, format_value(t, chart.style, decimals), p.left - 4, p.y(t), Anchor::right, muted_colour);
    }
    std::vector<double> widths;
    for (const auto& c : chart.categories) widths.push_back(extent_of(text_layout(cr, c).get()).width);
    const double slot = (p.right - p.left) / static_cast<double>(std::max<size_t>(1, p.categories));
    const int stride = label_stride(widths, slot, 4.0);
    // Label the last quarter always (it is the one being reported), then every stride-th before it.
    for (size_t i = 0; i < chart.categories.size(); ++i)
        if ((chart.categories.size() - 1 - i) % stride == 0)
            draw_text(cr, chart.categories[i], p.x(i), p.bottom + 9, Anchor::centre, muted_colour);
}

void draw_target(cairo_t* cr, const Plot& p, double target) {
    const Rgb& green = palette[2];
    set_colour(cr, green, 0.12);
    const double near_low = p.y(std::min(target * 1.1, p.scale.max));
    const double near_high = p.y(std::max(target * 0.9, p.scale.min));
    cairo_rectangle(cr, p.left, near_low, p.right - p.left, near_high - near_low);
    cairo_fill(cr);
    set_colour(cr, green);
    cairo_set_line_width(cr, 1.0);
    const double dashes[] = {1.0, 2.0};
    cairo_set_dash(cr, dashes, 2, 0);
    cairo_move_to(cr, p.left, p.y(target));
    cairo_line_to(cr, p.right, p.y(target));
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

void draw_series(cairo_t* cr, const Plot& p, const ChartSeries& s, const Rgb& colour, bool strong) {
    set_colour(cr, colour);
    cairo_set_line_width(cr, strong ? 2.0 : 1.4);
    const double dashes[] = {4.0, 2.5};
    cairo_set_dash(cr, dashes, s.dashed ? 2 : 0, 0);
    bool pen_down = false; // a missing value breaks the line: no line is drawn across a gap
    for (size_t i = 0; i < s.values.size() && i < p.categories; ++i) {
        if (!s.values[i]) {
            pen_down = false;
            continue;
        }
        if (pen_down) cairo_line_to(cr, p.x(i), p.y(*s.values[i]));
        else cairo_move_to(cr, p.x(i), p.y(*s.values[i]));
        pen_down = true;
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    for (size_t i = 0; i < s.values.size() && i < p.categories; ++i) {
        if (!s.values[i]) continue;
        cairo_arc(cr, p.x(i), p.y(*s.values[i]), strong ? 2.4 : 1.8, 0, 2 * M_PI);
        cairo_fill(cr);
    }
}

/// The legend as one row of swatches and labels; returns its height.
double draw_legend(cairo_t* cr, const TrendChart& chart, double x, double y) {
    for (size_t i = 0; i < chart.series.size(); ++i) {
        set_colour(cr, palette[i % 6]);
        cairo_set_line_width(cr, i == 0 ? 2.0 : 1.4);
        const double dashes[] = {4.0, 2.5};
        cairo_set_dash(cr, dashes, chart.series[i].dashed ? 2 : 0, 0);
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + 16, y);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        x += 20 + draw_text(cr, chart.series[i].label, x + 20, y, Anchor::left).width + 12;
    }
    if (chart.target) {
        set_colour(cr, palette[2], 0.25);
        cairo_rectangle(cr, x, y - 4, 16, 8);
        cairo_fill(cr);
        draw_text(cr, chart.target_label + " " + format_value(*chart.target, chart.style, chart.decimals),
                  x + 20, y, Anchor::left);
    }
    return 14;
}

} // namespace

int label_stride(const std::vector<double>& widths, double slot_width, double gap) {
    if (widths.empty() || slot_width <= 0) return 1;
    const double widest = *std::max_element(widths.begin(), widths.end());
    // Neighbouring shown labels are n slots apart; each may reach half its width either way.
    const int n = static_cast<int>(std::ceil((widest + gap) / slot_width - 1e-9));
    return std::clamp(n, 1, static_cast<int>(widths.size()));
}

void draw_trend_chart(cairo_t* cr, const TrendChart& chart, double width, double height) {
    cairo_save(cr);
    const Range range = data_range(chart);
    Plot p{0, 8, width - 8, 0, nice_scale(range.any ? range.low : 0, range.any ? range.high : 1, 6),
           std::max<size_t>(1, chart.categories.size())};
    // Room on the left for the widest tick label, at the foot for categories, legend and note.
    double widest = 0;
    for (double t : p.scale.ticks)
        widest = std::max(widest, extent_of(text_layout(cr, format_value(t, chart.style, p.scale.decimals)).get()).width);
    p.left = widest + 8;
    const double note_height = chart.note.empty() ? 0 : 14;
    p.bottom = height - 18 - 20 - note_height;
    draw_axes(cr, p, chart);
    if (chart.target) draw_target(cr, p, *chart.target);
    // The region and others first, so the scope's own line lies on top.
    for (size_t i = chart.series.size(); i-- > 0;) draw_series(cr, p, chart.series[i], palette[i % 6], i == 0);
    if (!chart.series.empty() && !chart.series[0].values.empty() && chart.series[0].values.back()) {
        const double v = *chart.series[0].values.back();
        draw_text(cr, format_value(v, chart.style, chart.decimals), p.x(p.categories - 1), p.y(v) - 9,
                  Anchor::centre, palette[0], true);
    }
    draw_legend(cr, chart, p.left, p.bottom + 28);
    if (!chart.note.empty()) draw_text(cr, chart.note, p.left, p.bottom + 44, Anchor::left, muted_colour);
    cairo_restore(cr);
}

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void finish(cairo_surface_t* surface, const std::string& what) {
    cairo_surface_finish(surface);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
        throw OutputError(what + ": " + cairo_status_to_string(cairo_surface_status(surface)));
}

} // namespace

std::string inline_svg(std::string svg, const std::string& id_prefix) {
    if (svg.rfind("<?xml", 0) == 0) svg.erase(0, svg.find('\n') + 1);
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (size_t at = 0; (at = svg.find(from, at)) != std::string::npos; at += to.size()) svg.replace(at, from.size(), to);
    };
    replace_all("id=\"", "id=\"" + id_prefix + "-");
    replace_all("href=\"#", "href=\"#" + id_prefix + "-");
    replace_all("url(#", "url(#" + id_prefix + "-");
    // Cairo writes width="480pt" height="220pt": let the page decide the size, keep the shape.
    const size_t tag = svg.find("<svg");
    const size_t width = svg.find(" width=\"", tag);
    const size_t height_end = svg.find('"', svg.find(" height=\"", tag) + 9);
    if (tag != std::string::npos && width != std::string::npos && height_end != std::string::npos)
        svg.replace(width, height_end + 1 - width, " width=\"100%\"");
    return svg;
}

std::string trend_chart_svg(const TrendChart& chart, double width, double height, const std::string& id_prefix) {
    std::string svg;
    {
        CairoSurface surface(cairo_svg_surface_create_for_stream(append_to_string, &svg, width, height));
        Cairo cr(cairo_create(surface.get()));
        draw_trend_chart(cr.get(), chart, width, height);
        cr.reset();
        finish(surface.get(), "chart SVG");
    }
    return inline_svg(std::move(svg), id_prefix);
}

void write_trend_chart_pdf(const TrendChart& chart, double width, double height, const std::string& path) {
    CairoSurface surface(cairo_pdf_surface_create(path.c_str(), width, height));
    Cairo cr(cairo_create(surface.get()));
    draw_trend_chart(cr.get(), chart, width, height);
    cr.reset();
    finish(surface.get(), path);
}

void write_trend_chart_png(const TrendChart& chart, double width, double height, const std::string& path) {
    constexpr double zoom = 3.0; // 216 dpi: sharp enough to judge the drawing
    CairoSurface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width * zoom),
                                                    static_cast<int>(height * zoom)));
    Cairo cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), zoom, zoom);
    draw_trend_chart(cr.get(), chart, width, height);
    cr.reset();
    if (cairo_surface_write_to_png(surface.get(), path.c_str()) != CAIRO_STATUS_SUCCESS)
        throw OutputError(path + ": cannot write the PNG");
}

} // namespace ss
