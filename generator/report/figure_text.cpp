#include "report/figure_text.hpp"

#include "chart/chart_text.hpp"

namespace ss {

std::string format_styled(double value, ValueStyle style, int decimals) {
    return chart_text::format_value(value, style, decimals);
}

ShownFigure show_figure(const Figure& f, KpiKind kind, ValueStyle style, int decimals, Audience audience) {
    if (!f.value) return {std::nullopt, "–", false};
    if (audience == Audience::published) {
        const bool small_count = f.numerator && *f.numerator >= 1 && *f.numerator <= 4;
        if (kind == KpiKind::count && small_count) return {std::nullopt, "<5", true};
        if (kind == KpiKind::rate_per_1000 && small_count) return {std::nullopt, "*", true};
        const bool few = f.denominator && *f.denominator < 10;
        if ((kind == KpiKind::share || kind == KpiKind::mean) && few) return {std::nullopt, "*", true};
    }
    return {f.value, format_styled(*f.value, style, decimals), false, f.provisional};
}

std::string marked_text(const ShownFigure& shown) {
    return shown.provisional ? shown.text + " (voorlopig)" : shown.text;
}

} // namespace ss
