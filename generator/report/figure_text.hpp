// How a figure is shown: its text, or `<5` / `*` where the publication rules suppressed it. The
// rules themselves are applied once, to the whole model, by publish() (report/publication.hpp);
// internal outputs render the model as built, public ones the published model.
#pragma once

#include <optional>
#include <string>

#include "format/value_style.hpp"
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

/// A figure of a published model suppressed by rule 1 reads `<5`, by rule 2 or 3 `*`; charts
/// draw neither. No value reads `–`.
ShownFigure show_figure(const Figure& f, ValueStyle style, int decimals);

/// The sentence under a chart or table that explains `<5` and `*`.
inline const char* suppression_note() {
    return "<5: minder dan vijf; *: niet getoond, omdat het om minder dan tien jongeren of maatregelen gaat, "
           "om een deel van minder dan vijf, of omdat het met de andere cijfers van de tabel een afgeschermd cijfer "
           "zou verraden (kleine aantallen worden niet gepubliceerd).";
}

} // namespace ss
