#include "render/block_charts.hpp"

#include "format/dutch.hpp"

namespace ss {

namespace {

struct SeriesBuild {
    ChartSeries series;
    bool suppressed = false;
};

SeriesBuild series_of(const std::string& label, const std::vector<Figure>& figures, const KpiBlock& block, bool dashed) {
    SeriesBuild b{{label, {}, dashed}, false};
    for (const auto& f : figures) {
        const ShownFigure shown = show_figure(f, block.item.style, block.item.decimals);
        b.series.values.push_back(shown.value);
        b.suppressed = b.suppressed || shown.suppressed;
    }
    return b;
}

std::string own_label(const ReportModel& model, const KpiBlock& block) {
    return block.item.region_level && model.scope.type == ScopeType::municipality ? model.scope.region_name : model.scope.name;
}

std::string note_for(bool suppressed, bool any_value) {
    if (suppressed) return "Kleine aantallen zijn niet getoond.";
    if (!any_value) return "Geen gegevens over deze periode.";
    return {};
}

bool has_value(const std::vector<ChartSeries>& series) {
    for (const auto& s : series)
        for (const auto& v : s.values)
            if (v) return true;
    return false;
}

} // namespace

/// A count of the municipality is not drawn against the region's count (issue #13): 536 new
/// trajectories on an axis to 2.500 says nothing. Rates, shares and means compare; counts do not.
bool draws_region(const KpiBlock& block) { return block.kind != KpiKind::count; }

TrendChart trend_chart_of(const ReportModel& model, const KpiBlock& block) {
    TrendChart chart;
    for (const auto& q : model.quarters) chart.categories.push_back(short_quarter_label(q));
    auto own = series_of(own_label(model, block), block.trend, block, false);
    chart.series.push_back(own.series);
    bool suppressed = own.suppressed;
    if (!block.region_trend.empty() && draws_region(block)) {
        auto region = series_of(model.scope.region_name, block.region_trend, block, true);
        chart.series.push_back(region.series);
        suppressed = suppressed || region.suppressed;
    }
    if (block.target) chart.target = block.target->value;
    if (block.control_lower && block.control_upper) chart.control_band = std::pair{*block.control_lower, *block.control_upper};
    chart.style = block.item.style;
    chart.decimals = block.item.decimals;
    chart.note = note_for(suppressed, has_value(chart.series));
    return chart;
}

BarChart bar_chart_of(const ReportModel& model, const KpiBlock& block) {
    BarChart chart;
    chart.style = block.item.style;
    chart.decimals = block.item.decimals;
    bool suppressed = false;
    if (block.item.chart == ChartKind::stacked_trend) {
        chart.layout = BarLayout::stacked;
        for (const auto& q : model.quarters) chart.categories.push_back(short_quarter_label(q));
        for (const auto& row : block.rows) {
            auto s = series_of(row.label, row.trend, block, false);
            chart.series.push_back(s.series);
            suppressed = suppressed || s.suppressed;
        }
    } else {
        chart.layout = block.item.chart == ChartKind::columns ? BarLayout::columns : BarLayout::horizontal;
        std::vector<Figure> own, region;
        for (const auto& row : block.rows) {
            chart.categories.push_back(row.label);
            own.push_back(row.scope);
            region.push_back(row.region);
        }
        auto s = series_of(own_label(model, block), own, block, false);
        chart.series.push_back(s.series);
        suppressed = s.suppressed;
        if (compares_with_region(model) && !block.item.region_level && draws_region(block)) {
            auto r = series_of(model.scope.region_name, region, block, false);
            chart.series.push_back(r.series);
            suppressed = suppressed || r.suppressed;
        }
    }
    chart.note = note_for(suppressed, has_value(chart.series));
    return chart;
}

BlockChart block_chart_of(const ReportModel& model, const KpiBlock& block) {
    if (block.item.chart == ChartKind::none) return {};
    if (block.item.chart == ChartKind::trend) return {trend_chart_of(model, block)};
    return {bar_chart_of(model, block)};
}

double BlockChart::height(double width) const {
    if (const auto* trend = std::get_if<TrendChart>(&chart)) return trend_chart_height(*trend, width);
    if (const auto* bars = std::get_if<BarChart>(&chart)) return bar_chart_height(*bars, width);
    return 0;
}

const std::string& BlockChart::note() const {
    static const std::string none;
    if (const auto* trend = std::get_if<TrendChart>(&chart)) return trend->note;
    if (const auto* bars = std::get_if<BarChart>(&chart)) return bars->note;
    return none;
}

void BlockChart::draw(Canvas& canvas, double width, double height) const {
    if (const auto* trend = std::get_if<TrendChart>(&chart)) draw_trend_chart(canvas, *trend, width, height);
    else if (const auto* bars = std::get_if<BarChart>(&chart)) draw_bar_chart(canvas, *bars, width, height);
}

namespace {

/// "Hoogste: Specialistisch ambulant (40,2); laagste: Crisis (1,3)" of the bars with a shown
/// value, or every bar ("Crisis: 1,3; ...") when the reader has no table beside the chart.
struct Bar {
    std::string label;
    ShownFigure shown;
};
std::string bars_sentence(const std::vector<Bar>& bars, AltValues values) {
    std::string text;
    if (values == AltValues::every_value) {
        for (size_t i = 0; i < bars.size(); ++i) text += (i ? "; " : "") + bars[i].label + ": " + bars[i].shown.text;
        return text + ".";
    }
    const Bar* highest = nullptr;
    const Bar* lowest = nullptr;
    for (const auto& bar : bars) {
        if (!bar.shown.value) continue;
        if (!highest || *bar.shown.value > *highest->shown.value) highest = &bar;
        if (!lowest || *bar.shown.value < *lowest->shown.value) lowest = &bar;
    }
    if (!highest) return "Geen van de waarden kan worden getoond.";
    if (highest == lowest) return highest->label + ": " + highest->shown.text + ".";
    return "Hoogste: " + highest->label + " (" + highest->shown.text + "); laagste: " + lowest->label + " (" +
           lowest->shown.text + ").";
}

} // namespace

std::string chart_alt_text(const ReportModel& model, const KpiBlock& block, AltValues values) {
    const auto shown = [&](const Figure& f) {
        return show_figure(f, block.item.style, block.item.decimals).text;
    };
    std::string text = block.item.title + ", " + format_quarter(model.quarter) + ". ";
    if (block.item.chart == ChartKind::trend) {
        text += "Lijn over de acht kwartalen " + short_quarter_label(model.quarters.front()) + " tot en met " +
                short_quarter_label(model.quarters.back()) + ". " + own_label(model, block) + ": " + shown(block.value);
        if (!block.region_trend.empty() && draws_region(block)) text += "; " + model.scope.region_name + ": " + shown(block.region);
        if (block.target) text += "; doel: " + format_styled(block.target->value, block.item.style, block.item.decimals);
        return text + ".";
    }
    text += block.item.chart == ChartKind::stacked_trend ? "Gestapelde kolommen per kwartaal, per " : "Staafdiagram per ";
    // The dimension in Dutch ("reden van einde"), never its code ("end_reason").
    const std::string dimension =
        block.rows.empty() ? "" : block.rows.front().breakdown.substr(0, block.rows.front().breakdown.find('='));
    text += dimension.empty() ? std::string("categorie")
            : model.labels    ? code_label(*model.labels, "dimension", dimension)
                              : dimension;
    text += ". ";
    std::vector<Bar> bars;
    for (const auto& row : block.rows) bars.push_back({row.label, show_figure(row.scope, block.item.style, block.item.decimals)});
    return text + bars_sentence(bars, values);
}

BarChart comparison_chart(const ReportModel& model, const Comparison& cmp) {
    BarChart chart;
    chart.layout = BarLayout::horizontal;
    chart.style = cmp.item.style;
    chart.decimals = cmp.item.decimals;
    ChartSeries series{model.scope.name, {}, false};
    bool suppressed = false;
    for (const auto& m : cmp.municipalities) {
        chart.categories.push_back(m.name);
        const ShownFigure shown = show_figure(m.figure, cmp.item.style, cmp.item.decimals);
        series.values.push_back(shown.value);
        suppressed = suppressed || shown.suppressed;
    }
    series.label = "Gemeenten";
    chart.series.push_back(series);
    const ShownFigure region = show_figure(cmp.region, cmp.item.style, cmp.item.decimals);
    if (region.value) {
        chart.reference = region.value;
        chart.reference_label = "Regio " + model.scope.name + ": " + region.text;
    }
    chart.note = note_for(suppressed, has_value(chart.series));
    return chart;
}

std::string comparison_alt_text(const ReportModel& model, const Comparison& cmp, AltValues values) {
    std::string text = cmp.item.title + " per gemeente, " + format_quarter(model.quarter) + ", van hoog naar laag. ";
    std::vector<Bar> bars;
    for (const auto& m : cmp.municipalities) bars.push_back({m.name, show_figure(m.figure, cmp.item.style, cmp.item.decimals)});
    return text + bars_sentence(bars, values) + " Regio: " + show_figure(cmp.region, cmp.item.style, cmp.item.decimals).text +
           ".";
}

} // namespace ss
