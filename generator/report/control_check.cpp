#include "report/control_check.hpp"

#include <algorithm>
#include <cmath>

namespace ss {

std::optional<ControlCheck> control_check(const std::vector<Figure>& trend, KpiKind kind) {
    if (trend.empty() || kind == KpiKind::mean) return std::nullopt;
    const Figure& now = trend.back();
    const bool per_case = kind != KpiKind::count; // a share or rate has a denominator
    if (!now.value || !now.numerator || now.provisional || (per_case && (!now.denominator || *now.denominator <= 0)))
        return std::nullopt;
    double numerators = 0, denominators = 0;
    int quarters = 0;
    for (size_t i = 0; i + 1 < trend.size(); ++i) {
        const Figure& f = trend[i];
        if (!f.numerator || f.provisional || (per_case && (!f.denominator || *f.denominator <= 0))) continue;
        numerators += *f.numerator;
        denominators += per_case ? *f.denominator : 1.0;
        ++quarters;
    }
    if (quarters < 5) return std::nullopt;
    const double n = per_case ? *now.denominator : 1.0;
    const double centre = numerators / denominators; // p̄ or ū, per case
    // Without variation before (always 0, or a share always 100%) there are no limits to speak of.
    if (centre <= 0 || (kind == KpiKind::share && centre >= 1)) return std::nullopt;
    const double sigma = kind == KpiKind::share ? std::sqrt(centre * (1 - centre) / n) : std::sqrt(centre / n);
    const double scale = kind == KpiKind::share ? 100.0 : kind == KpiKind::rate_per_1000 ? 1000.0 : 1.0;
    ControlCheck c;
    c.centre = centre * scale;
    c.lower = std::max(0.0, centre - 3 * sigma) * scale;
    c.upper = (kind == KpiKind::share ? std::min(1.0, centre + 3 * sigma) : centre + 3 * sigma) * scale;
    const double value = *now.value;
    c.side = value > c.upper ? ControlCheck::Side::above : value < c.lower ? ControlCheck::Side::below : ControlCheck::Side::inside;
    return c;
}

} // namespace ss
