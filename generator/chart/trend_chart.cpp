#include "chart/trend_chart.hpp"

#include <algorithm>
#include <cmath>

#include "chart/axis.hpp"
#include "chart/chart_output.hpp"
#include "chart/chart_text.hpp"
#include "chart/palette.hpp"
#include "core/errors.hpp"
#include "format/dutch.hpp"

namespace ss {

namespace {

using namespace chart_text;

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
    if (chart.control_band) {
        r.add(chart.control_band->first);
        r.add(chart.control_band->second);
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

void draw_axes(Canvas& canvas, const Plot& p, const TrendChart& chart) {
    canvas.set_line(0.5);
    for (double t : p.scale.ticks) {
        canvas.set_colour(t == 0 ? muted_colour : grid_colour);
        canvas.move_to(p.left, p.y(t));
        canvas.line_to(p.right, p.y(t));
        canvas.stroke();
        const int decimals = chart.style == ValueStyle::euro && p.scale.decimals == 0 ? 0 : p.scale.decimals;
        draw_text(canvas, format_styled(t, chart.style, decimals), p.left - 4, p.y(t), Anchor::right, muted_colour);
    }
    std::vector<double> widths;
    for (const auto& c : chart.categories) widths.push_back(text_extent(canvas, c).width);
    const double slot = (p.right - p.left) / static_cast<double>(std::max<size_t>(1, p.categories));
    const int stride = label_stride(widths, slot, 4.0);
    // Label the last quarter always (it is the one being reported), then every stride-th before it.
    for (size_t i = 0; i < chart.categories.size(); ++i)
        if ((chart.categories.size() - 1 - i) % stride == 0)
            draw_text(canvas, chart.categories[i], p.x(i), p.bottom + 9, Anchor::centre, muted_colour);
}

void draw_target(Canvas& canvas, const Plot& p, double target) {
    const Rgb& green = palette[2];
    canvas.set_colour(green, 0.12);
    const double near_low = p.y(std::min(target * 1.1, p.scale.max));
    const double near_high = p.y(std::max(target * 0.9, p.scale.min));
    canvas.fill_rectangle(p.left, near_low, p.right - p.left, near_high - near_low);
    canvas.set_colour(green);
    canvas.set_line(1.0, {1.0, 2.0});
    canvas.move_to(p.left, p.y(target));
    canvas.line_to(p.right, p.y(target));
    canvas.stroke();
}

void draw_control_band(Canvas& canvas, const Plot& p, const std::pair<double, double>& band) {
    canvas.set_colour(muted_colour, 0.12);
    const double top = p.y(std::min(band.second, p.scale.max)), bottom = p.y(std::max(band.first, p.scale.min));
    canvas.fill_rectangle(p.left, top, p.right - p.left, bottom - top);
}

void draw_series(Canvas& canvas, const Plot& p, const TrendChart& chart, const ChartSeries& s, const Rgb& colour,
                 bool strong) {
    canvas.set_colour(colour);
    canvas.set_line(strong ? 2.0 : 1.4, s.dashed ? std::vector<double>{4.0, 2.5} : std::vector<double>{});
    bool pen_down = false; // a missing value breaks the line: no line is drawn across a gap
    for (size_t i = 0; i < s.values.size() && i < p.categories; ++i) {
        if (!s.values[i]) {
            pen_down = false;
            continue;
        }
        if (pen_down) canvas.line_to(p.x(i), p.y(*s.values[i]));
        else canvas.move_to(p.x(i), p.y(*s.values[i]));
        pen_down = true;
    }
    canvas.stroke();
    // A dashed series is the comparison (the region): its line alone, so the scope's own points
    // stand out, and its values are in the table under the chart (a page carries no tooltips it
    // does not need: issue #14 keeps a municipality's page under 150 KB).
    if (s.dashed) return;
    // Only when more than one line has points does a point's tooltip say whose it is.
    const auto with_points = std::count_if(chart.series.begin(), chart.series.end(), [](const ChartSeries& c) { return !c.dashed; });
    const std::string whose = with_points > 1 ? s.label + ", " : "";
    for (size_t i = 0; i < s.values.size() && i < p.categories; ++i) {
        if (!s.values[i]) continue;
        const std::string category = i < chart.categories.size() ? chart.categories[i] : "";
        canvas.begin_item(whose + category + ": " + format_styled(*s.values[i], chart.style, chart.decimals));
        canvas.fill_circle(p.x(i), p.y(*s.values[i]), strong ? 2.4 : 1.8);
        canvas.end_item();
    }
}

constexpr double legend_row = 14;
constexpr const char* band_label = "Gewone schommeling";

std::string target_text(const TrendChart& chart) {
    return chart.target_label + " " + format_styled(*chart.target, chart.style, chart.decimals);
}

/// The legend's items (each series, then the band and the target) in rows that wrap at `width`
/// from x0: where each item's swatch starts, and how many rows they take.
struct LegendPlaces {
    std::vector<std::pair<double, double>> at; ///< x, y of each item
    int rows = 1;
};

LegendPlaces place_legend(const TrendChart& chart, double x0, double y, double width) {
    std::vector<std::string> labels;
    for (const auto& s : chart.series) labels.push_back(s.label);
    if (chart.control_band) labels.push_back(band_label);
    if (chart.target) labels.push_back(target_text(chart));
    LegendPlaces places;
    double x = x0;
    for (const auto& label : labels) {
        const double item = 20 + measure_text(label).width + 12;
        if (x > x0 && x + item - 12 > x0 + width) {
            x = x0;
            y += legend_row;
            ++places.rows;
        }
        places.at.emplace_back(x, y);
        x += item;
    }
    return places;
}

/// The legend: a swatch and a label per item, wrapping at `width` (a chart in a PDF column).
void draw_legend(Canvas& canvas, const TrendChart& chart, double x0, double y, double width) {
    const LegendPlaces places = place_legend(chart, x0, y, width);
    size_t item = 0;
    for (size_t i = 0; i < chart.series.size(); ++i, ++item) {
        const auto [x, row_y] = places.at[item];
        canvas.set_colour(palette[i % 6]);
        canvas.set_line(i == 0 ? 2.0 : 1.4, chart.series[i].dashed ? std::vector<double>{4.0, 2.5} : std::vector<double>{});
        canvas.move_to(x, row_y);
        canvas.line_to(x + 16, row_y);
        canvas.stroke();
        draw_text(canvas, chart.series[i].label, x + 20, row_y, Anchor::left);
    }
    if (chart.control_band) {
        const auto [x, row_y] = places.at[item++];
        canvas.set_colour(muted_colour, 0.25);
        canvas.fill_rectangle(x, row_y - 4, 16, 8);
        draw_text(canvas, band_label, x + 20, row_y, Anchor::left);
    }
    if (chart.target) {
        const auto [x, row_y] = places.at[item];
        canvas.set_colour(palette[2], 0.25);
        canvas.fill_rectangle(x, row_y - 4, 16, 8);
        draw_text(canvas, target_text(chart), x + 20, row_y, Anchor::left);
    }
}

/// The plot's left edge: room for the widest tick label.
double plot_left(const TrendChart& chart, const AxisScale& scale) {
    double widest = 0;
    for (double t : scale.ticks) widest = std::max(widest, measure_text(format_styled(t, chart.style, scale.decimals)).width);
    return widest + 8;
}

AxisScale value_scale(const TrendChart& chart) {
    const Range range = data_range(chart);
    return nice_scale(range.any ? range.low : 0, range.any ? range.high : 1, 6);
}

} // namespace

int label_stride(const std::vector<double>& widths, double slot_width, double gap) {
    if (widths.empty() || slot_width <= 0) return 1;
    const double widest = *std::max_element(widths.begin(), widths.end());
    // Neighbouring shown labels are n slots apart; each may reach half its width either way.
    const int n = static_cast<int>(std::ceil((widest + gap) / slot_width - 1e-9));
    return std::clamp(n, 1, static_cast<int>(widths.size()));
}

double trend_chart_height(const TrendChart& chart, double width) {
    const double left = plot_left(chart, value_scale(chart));
    // Half a page wide (a PDF column), a lower plot keeps the line's slopes as they look full width.
    const double plot = width < 300 ? 125 : 145;
    return plot + (place_legend(chart, left, 0, width - 8 - left).rows - 1) * legend_row;
}

void draw_trend_chart(Canvas& canvas, const TrendChart& chart, double width, double height) {
    Plot p{0, 8, width - 8, 0, value_scale(chart), std::max<size_t>(1, chart.categories.size())};
    // Room on the left for the widest tick label, at the foot for categories, legend and note.
    p.left = plot_left(chart, p.scale);
    const double note_height = chart.note.empty() ? 0 : 14;
    const double more_legend_rows = (place_legend(chart, p.left, 0, p.right - p.left).rows - 1) * legend_row;
    p.bottom = height - 18 - 20 - more_legend_rows - note_height;
    draw_axes(canvas, p, chart);
    if (chart.control_band) draw_control_band(canvas, p, *chart.control_band);
    if (chart.target) draw_target(canvas, p, *chart.target);
    // The region and others first, so the scope's own line lies on top.
    for (size_t i = chart.series.size(); i-- > 0;) draw_series(canvas, p, chart, chart.series[i], palette[i % 6], i == 0);
    if (!chart.series.empty() && !chart.series[0].values.empty() && chart.series[0].values.back()) {
        const double v = *chart.series[0].values.back();
        draw_text(canvas, format_styled(v, chart.style, chart.decimals), p.x(p.categories - 1), p.y(v) - 9,
                  Anchor::centre, palette[0], true);
    }
    draw_legend(canvas, chart, p.left, p.bottom + 28, p.right - p.left);
    if (!chart.note.empty()) draw_text(canvas, chart.note, p.left, p.bottom + 44 + more_legend_rows, Anchor::left, muted_colour);
}

std::string trend_chart_svg(const TrendChart& chart, double width, double height, const std::string& id_prefix) {
    return draw_svg([&](Canvas& c) { draw_trend_chart(c, chart, width, height); }, width, height, id_prefix);
}

void write_trend_chart_pdf(const TrendChart& chart, double width, double height, const std::string& path) {
    write_pdf([&](Canvas& c) { draw_trend_chart(c, chart, width, height); }, width, height, path);
}

void write_trend_chart_png(const TrendChart& chart, double width, double height, const std::string& path) {
    write_png([&](Canvas& c) { draw_trend_chart(c, chart, width, height); }, width, height, path);
}

} // namespace ss
