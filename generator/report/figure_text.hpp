// How a figure is shown, and to whom: internal outputs (PDF, Excel) show exact values; public
// ones (council letter, HTML) apply the small-number rules of kpis.md. The one place those rules live.
#pragma once

#include <optional>
#include <string>

#include "chart/trend_chart.hpp"
#include "kpi/kpi_definition.hpp"
#include "report/report_model.hpp"

namespace ss {

enum class Audience { internal, published };

struct ShownFigure {
    std::optional<double> value; ///< what a chart may draw: empty when missing or suppressed
    std::string text;            ///< "12,3", "<5", "*" (suppressed), "–" (no value)
    bool suppressed = false;
    bool provisional = false;    ///< a shown cost figure of a quarter whose invoices are not all in
};

/// The text with " (voorlopig)" after a provisional figure: how every table marks it.
std::string marked_text(const ShownFigure& shown);

/// Published: a count from 1 to 4 reads `<5`; a share or mean over fewer than 10, and a rate
/// whose count is 1 to 4, read `*` (suppressed). Charts draw neither. No value reads `–`.
ShownFigure show_figure(const Figure& f, KpiKind kind, ValueStyle style, int decimals, Audience audience);

/// The figure's text as a report shows it: `1.234,5`, `12,3%`, `€ 1.234`.
std::string format_styled(double value, ValueStyle style, int decimals);

/// The sentence under a chart or table that explains `<5` and `*`.
inline const char* suppression_note() {
    return "<5: minder dan vijf; *: niet getoond omdat het om minder dan tien jongeren of maatregelen gaat "
           "(kleine aantallen worden niet gepubliceerd).";
}

} // namespace ss
