#include "chart/bar_chart.hpp"

#include <algorithm>
#include <cmath>

#include "chart/axis.hpp"
#include "chart/chart_text.hpp"

namespace ss {

using namespace chart_text;

namespace {

constexpr double bar_thickness = 10;
constexpr double row_gap = 8;
constexpr double legend_row = 14;

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

/// Legend swatches in rows that wrap at `width`; returns the height used. Draws only when `draw`.
double legend(cairo_t* cr, const BarChart& chart, double x0, double y, double width, bool draw) {
    if (chart.series.size() < 2 && !chart.reference) return 0;
    double x = x0;
    double rows = 1;
    if (chart.reference) {
        if (draw) {
            set_colour(cr, palette[1]);
            cairo_set_line_width(cr, 1.6);
            const double dashes[] = {3.0, 2.0};
            cairo_set_dash(cr, dashes, 2, 0);
            cairo_move_to(cr, x + 4, y - 5);
            cairo_line_to(cr, x + 4, y + 5);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            draw_text(cr, chart.reference_label, x + 13, y, Anchor::left);
        }
        x += 14 + text_extent(cr, chart.reference_label).width + 12;
    }
    if (chart.series.size() < 2) return rows * legend_row;
    for (size_t i = 0; i < chart.series.size(); ++i) {
        const double item = 14 + text_extent(cr, chart.series[i].label).width + 12;
        if (x > x0 && x + item > x0 + width) {
            x = x0;
            y += legend_row;
            ++rows;
        }
        if (draw) {
            set_colour(cr, palette[i % 6]);
            cairo_rectangle(cr, x, y - 4, 9, 8);
            cairo_fill(cr);
            draw_text(cr, chart.series[i].label, x + 13, y, Anchor::left);
        }
        x += item;
    }
    return rows * legend_row;
}

/// A label that wraps into `width` and at most `lines` lines, ellipsized beyond: never wider.
void draw_wrapped(cairo_t* cr, const std::string& text, double centre_x, double top, double width, int lines) {
    auto layout = text_layout(cr, text);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_height(layout.get(), -lines);
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    set_colour(cr, muted_colour);
    cairo_move_to(cr, centre_x - width / 2, top);
    pango_cairo_show_layout(cr, layout.get());
}

/// A single-line label ellipsized to `width`, right-aligned at x.
void draw_row_label(cairo_t* cr, const std::string& text, double right_x, double y, double width) {
    auto layout = text_layout(cr, text);
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
    const Extent e = extent_of(layout.get());
    set_colour(cr, text_colour);
    cairo_move_to(cr, right_x - width, y - e.height / 2);
    pango_cairo_show_layout(cr, layout.get());
}

double footer_height(cairo_t* cr, const BarChart& chart, double width) {
    return legend(cr, chart, 0, 0, width, false) + (chart.note.empty() ? 0 : legend_row);
}

void draw_footer(cairo_t* cr, const BarChart& chart, double left, double top, double width) {
    const double used = legend(cr, chart, left, top + legend_row / 2, width, true);
    if (!chart.note.empty()) draw_text(cr, chart.note, left, top + used + legend_row / 2, Anchor::left, muted_colour);
}

void draw_empty(cairo_t* cr, double width, double height) {
    draw_text(cr, "Geen gegevens", width / 2, height / 2, Anchor::centre, muted_colour);
}

void draw_horizontal(cairo_t* cr, const BarChart& chart, double width, double height) {
    const auto [low, high] = value_range(chart);
    double widest_label = 0;
    for (const auto& c : chart.categories) widest_label = std::max(widest_label, text_extent(cr, c).width);
    const double label_width = std::min(widest_label, width * 0.38);
    double widest_value = 0;
    for (const auto& s : chart.series)
        for (const auto& v : s.values)
            if (v) widest_value = std::max(widest_value, text_extent(cr, format_value(*v, chart.style, chart.decimals), true).width);
    const double left = label_width + 8, right = width - widest_value - 6;
    // Fewer ticks until the tick labels fit along the axis with a gap between them.
    AxisScale scale = nice_scale(low, high, 6);
    for (int ticks = 6; ticks > 2; --ticks) {
        scale = nice_scale(low, high, ticks);
        double widest_tick = 0;
        for (double t : scale.ticks) widest_tick = std::max(widest_tick, text_extent(cr, format_value(t, chart.style, scale.decimals)).width);
        if ((right - left) / std::max<double>(1, scale.ticks.size() - 1) > widest_tick + 6) break;
    }
    const double group = bar_thickness * static_cast<double>(chart.series.size());
    const double top = 4;
    const double plot_bottom = top + static_cast<double>(chart.categories.size()) * (group + row_gap);
    auto x = [&](double v) { return left + (v - scale.min) / (scale.max - scale.min) * (right - left); };
    cairo_set_line_width(cr, 0.5);
    for (double t : scale.ticks) {
        set_colour(cr, t == 0 ? muted_colour : grid_colour);
        cairo_move_to(cr, x(t), top);
        cairo_line_to(cr, x(t), plot_bottom);
        cairo_stroke(cr);
        draw_text(cr, format_value(t, chart.style, scale.decimals), x(t), plot_bottom + 8, Anchor::centre, muted_colour);
    }
    for (size_t c = 0; c < chart.categories.size(); ++c) {
        const double row_top = top + static_cast<double>(c) * (group + row_gap) + row_gap / 2;
        draw_row_label(cr, chart.categories[c], label_width, row_top + group / 2, label_width);
        for (size_t s = 0; s < chart.series.size(); ++s) {
            const auto& v = c < chart.series[s].values.size() ? chart.series[s].values[c] : std::nullopt;
            if (!v) continue;
            const double y = row_top + static_cast<double>(s) * bar_thickness;
            set_colour(cr, palette[s % 6]);
            cairo_rectangle(cr, std::min(x(0), x(*v)), y + 1, std::abs(x(*v) - x(0)), bar_thickness - 2);
            cairo_fill(cr);
            draw_text(cr, format_value(*v, chart.style, chart.decimals), std::max(x(0), x(*v)) + 3, y + bar_thickness / 2,
                      Anchor::left, s == 0 ? text_colour : muted_colour, s == 0);
        }
    }
    if (chart.reference) {
        set_colour(cr, palette[1]);
        cairo_set_line_width(cr, 1.6);
        const double dashes[] = {3.0, 2.0};
        cairo_set_dash(cr, dashes, 2, 0);
        cairo_move_to(cr, x(*chart.reference), top);
        cairo_line_to(cr, x(*chart.reference), plot_bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    draw_footer(cr, chart, left, plot_bottom + 16, width - left);
    (void)height;
}

void draw_vertical(cairo_t* cr, const BarChart& chart, double width, double height) {
    const auto [low, high] = value_range(chart);
    const AxisScale scale = nice_scale(low, high, 6);
    double widest_tick = 0;
    for (double t : scale.ticks) widest_tick = std::max(widest_tick, text_extent(cr, format_value(t, chart.style, scale.decimals)).width);
    const bool stacked = chart.layout == BarLayout::stacked;
    const double label_lines = stacked ? 1 : 3;
    const double left = widest_tick + 8, right = width - 4, top = 12;
    const double bottom = height - footer_height(cr, chart, right - left) - label_lines * 10.5 - 8;
    const size_t n = std::max<size_t>(1, chart.categories.size());
    const double slot = (right - left) / static_cast<double>(n);
    auto y = [&](double v) { return bottom - (v - scale.min) / (scale.max - scale.min) * (bottom - top); };
    cairo_set_line_width(cr, 0.5);
    for (double t : scale.ticks) {
        set_colour(cr, t == 0 ? muted_colour : grid_colour);
        cairo_move_to(cr, left, y(t));
        cairo_line_to(cr, right, y(t));
        cairo_stroke(cr);
        draw_text(cr, format_value(t, chart.style, scale.decimals), left - 4, y(t), Anchor::right, muted_colour);
    }
    std::vector<double> widths;
    for (const auto& c : chart.categories) widths.push_back(text_extent(cr, c).width);
    const int stride = stacked ? label_stride(widths, slot, 4.0) : 1;
    const double series_count = stacked ? 1.0 : static_cast<double>(std::max<size_t>(1, chart.series.size()));
    const double column = slot * 0.7 / series_count;
    for (size_t c = 0; c < chart.categories.size(); ++c) {
        const double slot_left = left + slot * static_cast<double>(c) + slot * 0.15;
        if ((chart.categories.size() - 1 - c) % stride == 0) {
            if (stacked) draw_text(cr, chart.categories[c], slot_left + slot * 0.35, bottom + 9, Anchor::centre, muted_colour);
            else draw_wrapped(cr, chart.categories[c], slot_left + slot * 0.35, bottom + 4, slot - 4, 3);
        }
        double base = 0;
        for (size_t s = 0; s < chart.series.size(); ++s) {
            const auto& v = c < chart.series[s].values.size() ? chart.series[s].values[c] : std::nullopt;
            if (!v) continue;
            const double x = stacked ? slot_left : slot_left + column * static_cast<double>(s);
            const double from = stacked ? base : 0, to = stacked ? base + std::max(0.0, *v) : *v;
            set_colour(cr, palette[s % 6]);
            cairo_rectangle(cr, x + 0.5, y(std::max(from, to)), column - 1, std::abs(y(from) - y(to)));
            cairo_fill(cr);
            if (stacked) base = to;
            // A value label only where it fits above its own column: labels never overlap.
            const std::string label = format_value(*v, chart.style, chart.decimals);
            if (!stacked && text_extent(cr, label).width <= column + 2)
                draw_text(cr, label, x + column / 2, y(std::max(0.0, *v)) - 6, Anchor::centre, text_colour, s == 0);
        }
        if (stacked && base > 0) {
            const std::string total = format_value(base, chart.style, chart.decimals);
            if (text_extent(cr, total).width <= slot - 2)
                draw_text(cr, total, slot_left + column / 2, y(base) - 6, Anchor::centre, text_colour, true);
        }
    }
    draw_footer(cr, chart, left, height - footer_height(cr, chart, right - left), right - left);
}

} // namespace

double bar_chart_height(const BarChart& chart) {
    const double legend_rows = chart.series.size() < 2 && !chart.reference ? 0 : chart.layout == BarLayout::stacked ? 2 : 1;
    const double footer = legend_rows * legend_row + (chart.note.empty() ? 0 : legend_row);
    if (chart.layout != BarLayout::horizontal) return 190 + footer;
    const double group = bar_thickness * static_cast<double>(std::max<size_t>(1, chart.series.size()));
    return 4 + static_cast<double>(std::max<size_t>(1, chart.categories.size())) * (group + row_gap) + 20 + footer;
}

void draw_bar_chart(cairo_t* cr, const BarChart& chart, double width, double height) {
    cairo_save(cr);
    if (!any_value(chart)) {
        draw_empty(cr, width, height - footer_height(cr, chart, width));
        draw_footer(cr, chart, 0, height - footer_height(cr, chart, width), width);
    } else if (chart.layout == BarLayout::horizontal) {
        draw_horizontal(cr, chart, width, height);
    } else {
        draw_vertical(cr, chart, width, height);
    }
    cairo_restore(cr);
}

} // namespace ss
