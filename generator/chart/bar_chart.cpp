#include "chart/bar_chart.hpp"

#include <algorithm>
#include <cmath>

#include "chart/axis.hpp"
#include "chart/chart_text.hpp"

namespace ss {

using namespace chart_text;

namespace {

/// A bar's tooltip: "Crisis: 1,3"; with several series their label too ("Crisis, Dordrecht: 1,3").
std::string bar_title(const BarChart& chart, size_t category, size_t series, double value) {
    std::string title = chart.categories[category];
    if (chart.series.size() > 1) title += ", " + chart.series[series].label;
    return title + ": " + format_styled(value, chart.style, chart.decimals);
}

constexpr double bar_thickness = 8;
constexpr double row_gap = 6;
constexpr double legend_row = 14;
constexpr double label_line = 10; // a wrapped row label's line height in the chart font
constexpr int most_label_lines = 4; // a provider with a long region name ("… Midden-Brabant (Hart van Brabant)") needs four

/// The label column of horizontal bars: as wide as the widest label, up to 38% of the chart; in a
/// narrow chart (a PDF column) a longer label wraps at its spaces onto more lines, never cut.
struct RowLabels {
    double width; ///< the label column
    double wrap;  ///< the width a label's lines are fitted into
    int lines;
};

RowLabels row_labels(const BarChart& chart, double width) {
    double widest = 0;
    for (const auto& c : chart.categories) widest = std::max(widest, measure_text(c).width);
    // 4% to spare: a browser sets the SVG's text a little wider than Pango measured it (1-2%),
    // and the labels end at the chart's left edge.
    const double room = width * 0.38;
    if (widest * 1.04 <= room) return {widest * 1.04, widest * 1.04, 1};
    int lines = 1;
    for (const auto& c : chart.categories)
        lines = std::max(lines, static_cast<int>(fit_lines(c, room / 1.04, most_label_lines).size()));
    return {room, room / 1.04, lines};
}

/// The height of one category's row: its bars and the gap, or its label's lines where more.
double row_pitch(const BarChart& chart, int label_lines) {
    const double group = bar_thickness * static_cast<double>(std::max<size_t>(1, chart.series.size()));
    return std::max(group + row_gap, label_lines * label_line + 4);
}

bool any_value(const BarChart& chart) {
    for (const auto& s : chart.series)
        for (const auto& v : s.values)
            if (v) return true;
    return false;
}

/// The low and high end the value axis must cover; stacked columns cover their totals.
std::pair<double, double> value_range(const BarChart& chart) {
    double low = 0, high = 0;
    if (chart.layout == BarLayout::stacked) {
        for (size_t c = 0; c < chart.categories.size(); ++c) {
            double total = 0;
            for (const auto& s : chart.series)
                if (c < s.values.size() && s.values[c]) total += std::max(0.0, *s.values[c]);
            high = std::max(high, total);
        }
    } else {
        for (const auto& s : chart.series)
            for (const auto& v : s.values)
                if (v) {
                    low = std::min(low, *v);
                    high = std::max(high, *v);
                }
    }
    if (chart.reference) {
        low = std::min(low, *chart.reference);
        high = std::max(high, *chart.reference);
    }
    if (high <= low) high = low + 1;
    return {low, high};
}

/// Legend swatches in rows that wrap at `width`; returns the height used. Draws only on a canvas
/// (none: measures only, for the chart's height).
double legend(Canvas* canvas, const BarChart& chart, double x0, double y, double width) {
    const bool draw = canvas != nullptr;
    if (chart.series.size() < 2 && !chart.reference) return 0;
    double x = x0;
    double rows = 1;
    if (chart.reference) {
        if (draw) {
            canvas->set_colour(palette[1]);
            canvas->set_line(1.6, {3.0, 2.0});
            canvas->move_to(x + 4, y - 5);
            canvas->line_to(x + 4, y + 5);
            canvas->stroke();
            draw_text(*canvas, chart.reference_label, x + 13, y, Anchor::left);
        }
        x += 14 + measure_text(chart.reference_label).width + 12;
    }
    if (chart.series.size() < 2) return rows * legend_row;
    for (size_t i = 0; i < chart.series.size(); ++i) {
        const double item = 14 + measure_text(chart.series[i].label).width + 12;
        if (x > x0 && x + item > x0 + width) {
            x = x0;
            y += legend_row;
            ++rows;
        }
        if (draw) {
            canvas->set_colour(palette[i % 6]);
            canvas->fill_rectangle(x, y - 4, 9, 8);
            draw_text(*canvas, chart.series[i].label, x + 13, y, Anchor::left);
        }
        x += item;
    }
    return rows * legend_row;
}

/// A label that wraps into `width` and at most `lines` lines, shortened with "…" beyond: never wider.
void draw_wrapped(Canvas& canvas, const std::string& text, double centre_x, double top, double width, int lines) {
    double y = top;
    for (const auto& line : fit_lines(canvas, text, width, lines)) {
        const Extent e = text_extent(canvas, line);
        draw_text(canvas, line, centre_x, y + e.height / 2, Anchor::centre, muted_colour);
        y += e.height;
    }
}

/// A row label right-aligned at x, its lines centred on y.
void draw_row_label(Canvas& canvas, const std::string& text, double right_x, double y, double width, int lines) {
    const auto wrapped = fit_lines(canvas, text, width, lines);
    double line_y = y - static_cast<double>(wrapped.size() - 1) * label_line / 2;
    for (const auto& line : wrapped) {
        draw_text(canvas, line, right_x, line_y, Anchor::right, text_colour);
        line_y += label_line;
    }
}

double footer_height(const BarChart& chart, double width) {
    return legend(nullptr, chart, 0, 0, width) + (chart.note.empty() ? 0 : legend_row);
}

void draw_footer(Canvas& canvas, const BarChart& chart, double left, double top, double width) {
    const double used = legend(&canvas, chart, left, top + legend_row / 2, width);
    if (!chart.note.empty()) draw_text(canvas, chart.note, left, top + used + legend_row / 2, Anchor::left, muted_colour);
}

void draw_empty(Canvas& canvas, double width, double height) {
    draw_text(canvas, "Geen gegevens", width / 2, height / 2, Anchor::centre, muted_colour);
}

void draw_horizontal(Canvas& canvas, const BarChart& chart, double width, double height) {
    const auto [low, high] = value_range(chart);
    const RowLabels labels = row_labels(chart, width);
    const double label_width = labels.width;
    double widest_value = 0;
    for (const auto& s : chart.series)
        for (const auto& v : s.values)
            if (v) widest_value = std::max(widest_value, text_extent(canvas, format_styled(*v, chart.style, chart.decimals), true).width);
    const double left = label_width + 8, right = width - widest_value - 6;
    // Fewer ticks until the tick labels fit along the axis with a gap between them.
    AxisScale scale = nice_scale(low, high, 6);
    for (int ticks = 6; ticks > 2; --ticks) {
        scale = nice_scale(low, high, ticks);
        double widest_tick = 0;
        for (double t : scale.ticks) widest_tick = std::max(widest_tick, text_extent(canvas, format_styled(t, chart.style, scale.decimals)).width);
        if ((right - left) / std::max<double>(1, scale.ticks.size() - 1) > widest_tick + 6) break;
    }
    const double group = bar_thickness * static_cast<double>(chart.series.size());
    const double pitch = row_pitch(chart, labels.lines);
    const double top = 4;
    const double plot_bottom = top + static_cast<double>(chart.categories.size()) * pitch;
    auto x = [&](double v) { return left + (v - scale.min) / (scale.max - scale.min) * (right - left); };
    canvas.set_line(0.5);
    for (double t : scale.ticks) {
        canvas.set_colour(t == 0 ? muted_colour : grid_colour);
        canvas.move_to(x(t), top);
        canvas.line_to(x(t), plot_bottom);
        canvas.stroke();
        draw_text(canvas, format_styled(t, chart.style, scale.decimals), x(t), plot_bottom + 8, Anchor::centre, muted_colour);
    }
    for (size_t c = 0; c < chart.categories.size(); ++c) {
        const double row_top = top + static_cast<double>(c) * pitch + (pitch - group) / 2;
        draw_row_label(canvas, chart.categories[c], label_width, row_top + group / 2, labels.wrap, labels.lines);
        for (size_t s = 0; s < chart.series.size(); ++s) {
            const auto& v = c < chart.series[s].values.size() ? chart.series[s].values[c] : std::nullopt;
            if (!v) continue;
            const double y = row_top + static_cast<double>(s) * bar_thickness;
            canvas.begin_item(bar_title(chart, c, s, *v));
            canvas.set_colour(palette[s % 6]);
            canvas.fill_rectangle(std::min(x(0), x(*v)), y + 1, std::abs(x(*v) - x(0)), bar_thickness - 2);
            canvas.end_item();
            draw_text(canvas, format_styled(*v, chart.style, chart.decimals), std::max(x(0), x(*v)) + 3, y + bar_thickness / 2,
                      Anchor::left, s == 0 ? text_colour : muted_colour, s == 0);
        }
    }
    if (chart.reference) {
        canvas.set_colour(palette[1]);
        canvas.set_line(1.6, {3.0, 2.0});
        canvas.move_to(x(*chart.reference), top);
        canvas.line_to(x(*chart.reference), plot_bottom);
        canvas.stroke();
    }
    draw_footer(canvas, chart, left, plot_bottom + 16, width - left);
    (void)height;
}

void draw_vertical(Canvas& canvas, const BarChart& chart, double width, double height) {
    const auto [low, high] = value_range(chart);
    const AxisScale scale = nice_scale(low, high, 6);
    double widest_tick = 0;
    for (double t : scale.ticks) widest_tick = std::max(widest_tick, text_extent(canvas, format_styled(t, chart.style, scale.decimals)).width);
    const bool stacked = chart.layout == BarLayout::stacked;
    const double label_lines = stacked ? 1 : 3;
    const double left = widest_tick + 8, right = width - 4, top = 12;
    const double bottom = height - footer_height(chart, right - left) - label_lines * 10.5 - 8;
    const size_t n = std::max<size_t>(1, chart.categories.size());
    const double slot = (right - left) / static_cast<double>(n);
    auto y = [&](double v) { return bottom - (v - scale.min) / (scale.max - scale.min) * (bottom - top); };
    canvas.set_line(0.5);
    for (double t : scale.ticks) {
        canvas.set_colour(t == 0 ? muted_colour : grid_colour);
        canvas.move_to(left, y(t));
        canvas.line_to(right, y(t));
        canvas.stroke();
        draw_text(canvas, format_styled(t, chart.style, scale.decimals), left - 4, y(t), Anchor::right, muted_colour);
    }
    std::vector<double> widths;
    for (const auto& c : chart.categories) widths.push_back(text_extent(canvas, c).width);
    const int stride = stacked ? label_stride(widths, slot, 4.0) : 1;
    const double series_count = stacked ? 1.0 : static_cast<double>(std::max<size_t>(1, chart.series.size()));
    const double column = slot * 0.7 / series_count;
    for (size_t c = 0; c < chart.categories.size(); ++c) {
        const double slot_left = left + slot * static_cast<double>(c) + slot * 0.15;
        if ((chart.categories.size() - 1 - c) % stride == 0) {
            if (stacked) draw_text(canvas, chart.categories[c], slot_left + slot * 0.35, bottom + 9, Anchor::centre, muted_colour);
            else draw_wrapped(canvas, chart.categories[c], slot_left + slot * 0.35, bottom + 4, slot - 4, 3);
        }
        double base = 0;
        for (size_t s = 0; s < chart.series.size(); ++s) {
            const auto& v = c < chart.series[s].values.size() ? chart.series[s].values[c] : std::nullopt;
            if (!v) continue;
            const double x = stacked ? slot_left : slot_left + column * static_cast<double>(s);
            const double from = stacked ? base : 0, to = stacked ? base + std::max(0.0, *v) : *v;
            canvas.begin_item(bar_title(chart, c, s, *v));
            canvas.set_colour(palette[s % 6]);
            canvas.fill_rectangle(x + 0.5, y(std::max(from, to)), column - 1, std::abs(y(from) - y(to)));
            canvas.end_item();
            if (stacked) base = to;
            // A value label only where it fits above its own column: labels never overlap.
            const std::string label = format_styled(*v, chart.style, chart.decimals);
            if (!stacked && text_extent(canvas, label).width <= column + 2)
                draw_text(canvas, label, x + column / 2, y(std::max(0.0, *v)) - 6, Anchor::centre, text_colour, s == 0);
        }
        if (stacked && base > 0) {
            const std::string total = format_styled(base, chart.style, chart.decimals);
            if (text_extent(canvas, total).width <= slot - 2)
                draw_text(canvas, total, slot_left + column / 2, y(base) - 6, Anchor::centre, text_colour, true);
        }
    }
    draw_footer(canvas, chart, left, height - footer_height(chart, right - left), right - left);
}

} // namespace

double bar_chart_height(const BarChart& chart, double width) {
    if (chart.layout != BarLayout::horizontal) {
        // Columns: the legend under the plot; a stacked chart's series names take two rows.
        const double legend_rows = chart.series.size() < 2 && !chart.reference ? 0 : chart.layout == BarLayout::stacked ? 2 : 1;
        return 150 + legend_rows * legend_row + (chart.note.empty() ? 0 : legend_row);
    }
    // Horizontal bars: the legend runs under the bars, right of the labels, in as many rows as it needs.
    const RowLabels labels = row_labels(chart, width);
    const double pitch = row_pitch(chart, labels.lines);
    return 4 + static_cast<double>(std::max<size_t>(1, chart.categories.size())) * pitch + 20 +
           footer_height(chart, width - labels.width - 8);
}

void draw_bar_chart(Canvas& canvas, const BarChart& chart, double width, double height) {
    if (!any_value(chart)) {
        draw_empty(canvas, width, height - footer_height(chart, width));
        draw_footer(canvas, chart, 0, height - footer_height(chart, width), width);
    } else if (chart.layout == BarLayout::horizontal) {
        draw_horizontal(canvas, chart, width, height);
    } else {
        draw_vertical(canvas, chart, width, height);
    }
}

} // namespace ss
