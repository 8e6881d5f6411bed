#include "report/figure_text.hpp"

namespace ss {

ShownFigure show_figure(const Figure& f, ValueStyle style, int decimals) {
    switch (f.suppression) {
    case Suppression::small_count: return {std::nullopt, "<5", true};
    case Suppression::small_base:
    case Suppression::secondary: return {std::nullopt, "*", true};
    case Suppression::none: break;
    }
    if (!f.value) return {std::nullopt, "–", false};
    return {f.value, format_styled(*f.value, style, decimals), false, f.provisional};
}

std::string marked_text(const ShownFigure& shown) {
    return shown.provisional ? shown.text + " (voorlopig)" : shown.text;
}

} // namespace ss
