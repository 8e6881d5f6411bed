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

void stroke_limit(Canvas& canvas, const FunnelChart& chart, const Frame& f, int which, const std::vector<double>& dashes) {
    canvas.set_line(1.0, dashes);
    bool pen = false;
    for (int i = 0; i <= samples; ++i) {
        const double n = std::max(1.0, f.x_scale.max * i / samples);
        const double v = std::clamp(chart.limits(n)[which], f.y_scale.min, f.y_scale.max);
        if (pen) canvas.line_to(f.x(n), f.y(v));
        else canvas.move_to(f.x(n), f.y(v));
        pen = true;
    }
    canvas.stroke();
}

/// The grid inside the plot; the tick labels are drawn outside the clip.
void draw_grid(Canvas& canvas, const Frame& f) {
    canvas.set_line(0.5);
    canvas.set_colour(grid_colour);
    for (double t : f.y_scale.ticks) {
        canvas.move_to(f.left, f.y(t));
        canvas.line_to(f.right, f.y(t));
        canvas.stroke();
    }
    canvas.set_colour(muted_colour);
    canvas.move_to(f.left, f.bottom);
    canvas.line_to(f.right, f.bottom);
    canvas.stroke();
}

/// Point labels to the right of their point, pushed apart vertically so that none overlap.
void draw_points(Canvas& canvas, const FunnelChart& chart, const Frame& f) {
    struct Label {
        double x, y;
        std::string text;
    };
    std::vector<Label> labels;
    for (const auto& p : chart.points) {
        canvas.begin_item(p.label + ": " + format_percent(p.rate, chart.decimals) + " (n = " + format_number(p.n, 0) + ")");
        canvas.set_colour(palette[0]);
        canvas.fill_circle(f.x(p.n), f.y(p.rate), 3.2);
        canvas.end_item();
        labels.push_back({f.x(p.n) + 6, f.y(p.rate), p.label + " " + format_percent(p.rate, chart.decimals)});
    }
    std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
    for (size_t i = 1; i < labels.size(); ++i) labels[i].y = std::max(labels[i].y, labels[i - 1].y + 11);
    for (auto& l : labels) {
        const double w = text_extent(canvas, l.text).width;
        // A label that would run off the right edge goes to the left of its point.
        const double x = l.x + w > f.right + 40 ? l.x - 12 - w : l.x;
        draw_text(canvas, l.text, x, l.y, Anchor::left, text_colour);
    }
}

} // namespace

void draw_funnel_chart(Canvas& canvas, const FunnelChart& chart, double width, double height) {
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
    for (double t : f.y_scale.ticks) widest = std::max(widest, text_extent(canvas, format_percent(t, f.y_scale.decimals)).width);
    f.left = widest + 8;

    canvas.push_clip(f.left, f.top, f.right - f.left, f.bottom - f.top);
    draw_grid(canvas, f);
    canvas.set_colour(palette[1]);
    canvas.set_line(1.4);
    canvas.move_to(f.left, f.y(chart.centre));
    canvas.line_to(f.right, f.y(chart.centre));
    canvas.stroke();
    canvas.set_colour(muted_colour);
    const std::vector<double> dashed{4.0, 2.5}, dotted{1.0, 2.0};
    stroke_limit(canvas, chart, f, 0, dashed);
    stroke_limit(canvas, chart, f, 1, dashed);
    stroke_limit(canvas, chart, f, 2, dotted);
    stroke_limit(canvas, chart, f, 3, dotted);
    canvas.pop_clip();
    for (double t : f.y_scale.ticks)
        draw_text(canvas, format_percent(t, f.y_scale.decimals), f.left - 4, f.y(t), Anchor::right, muted_colour);
    for (double t : f.x_scale.ticks)
        draw_text(canvas, format_number(t, f.x_scale.decimals), f.x(t), f.bottom + 8, Anchor::centre, muted_colour);
    draw_text(canvas, chart.x_label, (f.left + f.right) / 2, f.bottom + 20, Anchor::centre, muted_colour);
    draw_points(canvas, chart, f);

    // Legend: the regional rate, the 95% and the 99.8% limits.
    double x = f.left;
    const double y = height - 22;
    auto swatch = [&](const Rgb& colour, const std::vector<double>& dashes, const std::string& text) {
        canvas.set_colour(colour);
        canvas.set_line(1.2, dashes);
        canvas.move_to(x, y);
        canvas.line_to(x + 16, y);
        canvas.stroke();
        x += 20 + draw_text(canvas, text, x + 20, y, Anchor::left).width + 12;
    };
    swatch(palette[1], {}, chart.centre_label);
    swatch(muted_colour, dashed, "95%-grens");
    swatch(muted_colour, dotted, "99,8%-grens");
    if (!chart.note.empty()) draw_text(canvas, chart.note, f.left, height - 8, Anchor::left, muted_colour);
}

} // namespace ss
