#include "chart/funnel_chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "chart/axis.hpp"
#include "chart/chart_text.hpp"
#include "format/dutch.hpp"

namespace ss {

using namespace chart_text;

namespace {

constexpr int samples = 120;

struct Frame {
    double left, top, right, bottom;
    AxisScale x_scale, y_scale;
    double x(double n) const { return left + (n - x_scale.min) / (x_scale.max - x_scale.min) * (right - left); }
    double y(double v) const { return bottom - (v - y_scale.min) / (y_scale.max - y_scale.min) * (bottom - top); }
};

void stroke_limit(cairo_t* cr, const FunnelChart& chart, const Frame& f, int which, const double* dashes, int dash_count) {
    cairo_set_dash(cr, dashes, dash_count, 0);
    bool pen = false;
    for (int i = 0; i <= samples; ++i) {
        const double n = std::max(1.0, f.x_scale.max * i / samples);
        const double v = std::clamp(chart.limits(n)[which], f.y_scale.min, f.y_scale.max);
        if (pen) cairo_line_to(cr, f.x(n), f.y(v));
        else cairo_move_to(cr, f.x(n), f.y(v));
        pen = true;
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

/// The grid inside the plot; the tick labels are drawn outside the clip.
void draw_grid(cairo_t* cr, const Frame& f) {
    cairo_set_line_width(cr, 0.5);
    for (double t : f.y_scale.ticks) {
        set_colour(cr, grid_colour);
        cairo_move_to(cr, f.left, f.y(t));
        cairo_line_to(cr, f.right, f.y(t));
        cairo_stroke(cr);
    }
    set_colour(cr, muted_colour);
    cairo_move_to(cr, f.left, f.bottom);
    cairo_line_to(cr, f.right, f.bottom);
    cairo_stroke(cr);
}

/// Point labels to the right of their point, pushed apart vertically so that none overlap.
void draw_points(cairo_t* cr, const FunnelChart& chart, const Frame& f) {
    struct Label {
        double x, y;
        std::string text;
    };
    std::vector<Label> labels;
    for (const auto& p : chart.points) {
        set_colour(cr, palette[0]);
        cairo_new_path(cr); // text leaves a current point; an arc would draw a line from it
        cairo_arc(cr, f.x(p.n), f.y(p.rate), 3.2, 0, 2 * M_PI);
        cairo_fill(cr);
        labels.push_back({f.x(p.n) + 6, f.y(p.rate), p.label + " " + format_percent(p.rate, chart.decimals)});
    }
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    for (size_t i = 1; i < labels.size(); ++i) labels[i].y = std::max(labels[i].y, labels[i - 1].y + 11);
    for (auto& l : labels) {
        const double w = text_extent(cr, l.text).width;
        // A label that would run off the right edge goes to the left of its point.
        const double x = l.x + w > f.right + 40 ? l.x - 12 - w : l.x;
        draw_text(cr, l.text, x, l.y, Anchor::left, text_colour);
    }
}

} // namespace

void draw_funnel_chart(cairo_t* cr, const FunnelChart& chart, double width, double height) {
    cairo_save(cr);
    double max_n = 1, low = chart.centre, high = chart.centre;
    for (const auto& p : chart.points) {
        max_n = std::max(max_n, p.n);
        low = std::min(low, p.rate);
        high = std::max(high, p.rate);
    }
    // Show the limits where the GIs are, not the whole funnel from n = 1.
    const auto at_smallest = chart.limits(std::max(1.0, max_n / 10));
    low = std::max(0.0, std::min(low, at_smallest[2]));
    high = std::min(100.0, std::max(high, at_smallest[3]));
    Frame f{0, 8, width - 110, height - 58, nice_scale(0, max_n * 1.08, 6), nice_scale(low, high, 6)};
    if (f.y_scale.min < 0) f.y_scale = nice_scale(0, high, 6);
    double widest = 0;
    for (double t : f.y_scale.ticks) widest = std::max(widest, text_extent(cr, format_percent(t, f.y_scale.decimals)).width);
    f.left = widest + 8;

    cairo_rectangle(cr, f.left, f.top, f.right - f.left, f.bottom - f.top);
    cairo_save(cr);
    cairo_clip(cr);
    draw_grid(cr, f);
    set_colour(cr, palette[1]);
    cairo_set_line_width(cr, 1.4);
    cairo_move_to(cr, f.left, f.y(chart.centre));
    cairo_line_to(cr, f.right, f.y(chart.centre));
    cairo_stroke(cr);
    set_colour(cr, muted_colour);
    cairo_set_line_width(cr, 1.0);
    const double dashed[] = {4.0, 2.5}, dotted[] = {1.0, 2.0};
    stroke_limit(cr, chart, f, 0, dashed, 2);
    stroke_limit(cr, chart, f, 1, dashed, 2);
    stroke_limit(cr, chart, f, 2, dotted, 2);
    stroke_limit(cr, chart, f, 3, dotted, 2);
    cairo_restore(cr);
    for (double t : f.y_scale.ticks)
        draw_text(cr, format_percent(t, f.y_scale.decimals), f.left - 4, f.y(t), Anchor::right, muted_colour);
    for (double t : f.x_scale.ticks)
        draw_text(cr, format_number(t, f.x_scale.decimals), f.x(t), f.bottom + 8, Anchor::centre, muted_colour);
    draw_text(cr, chart.x_label, (f.left + f.right) / 2, f.bottom + 20, Anchor::centre, muted_colour);
    draw_points(cr, chart, f);

    // Legend: the regional rate, the 95% and the 99.8% limits.
    double x = f.left;
    const double y = height - 22;
    auto swatch = [&](const Rgb& colour, const double* dashes, int count, const std::string& text) {
        set_colour(cr, colour);
        cairo_set_line_width(cr, 1.2);
        cairo_set_dash(cr, dashes, count, 0);
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + 16, y);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
        x += 20 + draw_text(cr, text, x + 20, y, Anchor::left).width + 12;
    };
    swatch(palette[1], nullptr, 0, chart.centre_label);
    swatch(muted_colour, dashed, 2, "95%-grens");
    swatch(muted_colour, dotted, 2, "99,8%-grens");
    if (!chart.note.empty()) draw_text(cr, chart.note, f.left, height - 8, Anchor::left, muted_colour);
    cairo_restore(cr);
}

} // namespace ss
