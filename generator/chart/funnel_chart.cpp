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

constexpr int samples = 160;
constexpr double dot_radius = 3.2;
constexpr double label_margin = 70; // right of the plot: free room for the labels of the largest GIs
constexpr double legend_row = 12;
const std::vector<double> dashed{4.0, 2.5}, dotted{1.0, 2.0};

std::vector<Spot> limit_line(const FunnelChart& chart, const FunnelLayout& f, int which) {
    std::vector<Spot> line;
    for (int i = 0; i <= samples; ++i) {
        const double n = std::max(1.0, f.x_scale.max * i / samples);
        line.push_back({f.x(n), f.y(chart.limits(n)[which])});
    }
    return line;
}

/// The y range: the points, the regional rate and the 99.8% limits where the smallest GI is.
AxisScale y_range(const FunnelChart& chart) {
    double low = chart.centre, high = chart.centre, smallest = 0;
    for (const auto& p : chart.points) {
        low = std::min(low, p.rate);
        high = std::max(high, p.rate);
        smallest = smallest == 0 ? p.n : std::min(smallest, p.n);
    }
    if (smallest > 0) {
        const auto at_smallest = chart.limits(std::max(1.0, smallest));
        low = std::min(low, at_smallest[2]);
        high = std::max(high, at_smallest[3]);
    }
    const double pad = std::max(0.5, (high - low) * 0.04);
    return nice_range(std::max(0.0, low - pad), std::min(100.0, high + pad), 6);
}

/// The legend: the regional rate, the 95% and the 99.8% limits, and the hollow dot when one is
/// drawn; entries that do not fit on a row start the next, and the rows end above the note.
std::vector<FunnelLayout::LegendEntry> legend_of(Canvas& canvas, const FunnelChart& chart, double left, double width, double height) {
    std::vector<FunnelLayout::LegendEntry> legend{{palette[1], {}, false, chart.centre_label},
                                                  {muted_colour, dashed, false, "95%-grens"},
                                                  {muted_colour, dotted, false, "99,8%-grens"}};
    if (std::any_of(chart.points.begin(), chart.points.end(), [](const FunnelPoint& p) { return !p.judged; }))
        legend.push_back({palette[0], {}, true, chart.not_judged_label});
    double x = left, row = 0;
    for (auto& entry : legend) {
        const double w = 20 + text_extent(canvas, entry.text).width;
        if (x > left && x + w > width) x = left, ++row;
        entry.x = x;
        entry.y = row;
        x += w + 12;
    }
    for (auto& entry : legend) entry.y = height - 22 - (row - entry.y) * legend_row;
    return legend;
}

std::string label_text(const FunnelChart& chart, const FunnelPoint& p) {
    return (p.short_label.empty() ? p.label : p.short_label) + " " + format_percent(p.rate, chart.decimals);
}

/// The grid inside the plot; the tick labels are drawn outside the clip.
void draw_grid(Canvas& canvas, const FunnelLayout& f) {
    canvas.set_line(0.5);
    canvas.set_colour(grid_colour);
    for (double t : f.y_scale.ticks) {
        canvas.move_to(f.plot.left, f.y(t));
        canvas.line_to(f.plot.right, f.y(t));
        canvas.stroke();
    }
    canvas.set_colour(muted_colour);
    canvas.move_to(f.plot.left, f.plot.bottom);
    canvas.line_to(f.plot.right, f.plot.bottom);
    canvas.stroke();
}

/// A point: filled when judged, hollow (a ring) when its position is not judged.
void draw_dot(Canvas& canvas, double x, double y, bool hollow) {
    canvas.set_colour(palette[0]);
    canvas.fill_circle(x, y, dot_radius);
    if (!hollow) return;
    canvas.set_colour(background_colour);
    canvas.fill_circle(x, y, dot_radius - 1.2);
}

void stroke_line(Canvas& canvas, const std::vector<Spot>& line) {
    canvas.move_to(line.front().x, line.front().y);
    for (size_t i = 1; i < line.size(); ++i) canvas.line_to(line[i].x, line[i].y);
    canvas.stroke();
}

void draw_points(Canvas& canvas, const FunnelChart& chart, const FunnelLayout& f) {
    for (size_t i = 0; i < chart.points.size(); ++i) {
        const auto& p = chart.points[i];
        const Spot dot{f.x(p.n), f.y(p.rate)};
        const PlacedLabel& label = f.labels[i];
        if (label.leader) {
            const Spot end = leader_end(label.box, dot);
            canvas.set_colour(muted_colour);
            canvas.set_line(0.5);
            canvas.move_to(dot.x, dot.y);
            canvas.line_to(end.x, end.y);
            canvas.stroke();
        }
        canvas.begin_item(p.label + ": " + format_percent(p.rate, chart.decimals) + " (n = " + format_number(p.n, 0) + ")" +
                          (p.judged ? "" : "; " + chart.not_judged_label));
        draw_dot(canvas, dot.x, dot.y, !p.judged);
        canvas.end_item();
        draw_text(canvas, f.label_texts[i], label.box.left, (label.box.top + label.box.bottom) / 2, Anchor::left, text_colour);
    }
}

} // namespace

FunnelLayout funnel_layout(Canvas& canvas, const FunnelChart& chart, double width, double height) {
    FunnelLayout f;
    double max_n = 1;
    for (const auto& p : chart.points) max_n = std::max(max_n, p.n);
    f.x_scale = nice_scale(0, max_n * 1.08, 6);
    f.y_scale = y_range(chart);
    double widest = 0;
    for (double t : f.y_scale.ticks) widest = std::max(widest, text_extent(canvas, format_percent(t, f.y_scale.decimals)).width);
    f.legend = legend_of(canvas, chart, widest + 8, width, height);
    const double legend_rows = f.legend.empty() ? 1 : 1 + (f.legend.back().y - f.legend.front().y) / legend_row;
    f.plot = {widest + 8, 8, width - label_margin, height - 46 - legend_row * legend_rows};
    f.lines.push_back({{f.plot.left, f.y(chart.centre)}, {f.plot.right, f.y(chart.centre)}});
    for (int which = 0; which < 4; ++which) f.lines.push_back(limit_line(chart, f, which));

    // The largest GIs sit where the funnel is narrowest: they choose their places first.
    std::vector<size_t> order(chart.points.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return chart.points[a].n > chart.points[b].n; });
    for (const auto& p : chart.points) f.label_texts.push_back(label_text(chart, p));
    std::vector<LabelRequest> requests;
    for (size_t i : order) {
        const auto& p = chart.points[i];
        const Extent e = text_extent(canvas, f.label_texts[i]);
        requests.push_back({{f.x(p.n), f.y(p.rate)}, dot_radius, e.width, e.height});
    }
    const Box area{f.plot.left + 2, f.plot.top, width - 2, f.plot.bottom - 2};
    const auto placed = place_labels(requests, area, f.lines);
    f.labels.resize(order.size());
    for (size_t k = 0; k < order.size(); ++k) f.labels[order[k]] = placed[k];
    return f;
}

void draw_funnel_chart(Canvas& canvas, const FunnelChart& chart, double width, double height) {
    const FunnelLayout f = funnel_layout(canvas, chart, width, height);
    canvas.push_clip(f.plot.left, f.plot.top, f.plot.right - f.plot.left, f.plot.bottom - f.plot.top);
    draw_grid(canvas, f);
    canvas.set_colour(palette[1]);
    canvas.set_line(1.4);
    stroke_line(canvas, f.lines[0]);
    canvas.set_colour(muted_colour);
    for (int which = 0; which < 4; ++which) {
        canvas.set_line(1.0, which < 2 ? dashed : dotted);
        stroke_line(canvas, f.lines[1 + which]);
    }
    canvas.pop_clip();
    for (double t : f.y_scale.ticks)
        draw_text(canvas, format_percent(t, f.y_scale.decimals), f.plot.left - 4, f.y(t), Anchor::right, muted_colour);
    for (double t : f.x_scale.ticks)
        draw_text(canvas, format_number(t, f.x_scale.decimals), f.x(t), f.plot.bottom + 8, Anchor::centre, muted_colour);
    draw_text(canvas, chart.x_label, (f.plot.left + f.plot.right) / 2, f.plot.bottom + 20, Anchor::centre, muted_colour);
    draw_points(canvas, chart, f);

    for (const auto& entry : f.legend) {
        if (entry.dot) {
            draw_dot(canvas, entry.x + 8, entry.y, true);
        } else {
            canvas.set_colour(entry.colour);
            canvas.set_line(1.2, entry.dashes);
            canvas.move_to(entry.x, entry.y);
            canvas.line_to(entry.x + 16, entry.y);
            canvas.stroke();
        }
        draw_text(canvas, entry.text, entry.x + 20, entry.y, Anchor::left);
    }
    if (!chart.note.empty()) draw_text(canvas, chart.note, f.plot.left, height - 8, Anchor::left, muted_colour);
}

} // namespace ss
