// The council information letter (raadsinformatiebrief) in the form councils know (reports.md,
// "Council letter"): letterhead, Aanleiding, Kernboodschap, De cijfers, Wat betekent dit, Vervolg;
// two A4 pages at most and an HTML page. Public: small numbers hidden.
#pragma once

#include <string>
#include <vector>

#include "render/html_report.hpp"
#include "render/pdf_document.hpp"
#include "report/report_model.hpp"

namespace ss {

/// One section of the letter (Aanleiding, Kernboodschap, De cijfers, Wat betekent dit, Vervolg).
struct LetterPart {
    std::string title;
    std::vector<std::string> paragraphs;
    bool figures = false;             ///< the figures table goes after the paragraphs
    std::vector<std::string> bullets; ///< the key message's lines, or a sentence per figure
};

/// The letter as PDF and HTML both show it.
struct CouncilLetter {
    std::string title; ///< "Raadsinformatiebrief gemeente Dordrecht"
    /// The letterhead: Gemeente, Datum, Kenmerk, Onderwerp, Portefeuillehouder, Contactpersoon,
    /// Periode, Gegevens; a field without a value is left out.
    std::vector<std::pair<std::string, std::string>> fields;
    std::string salutation;
    std::vector<LetterPart> parts;
    std::vector<std::string> table_header;
    std::vector<std::vector<std::string>> table_rows;
    std::vector<std::string> closing;
};

CouncilLetter council_letter_of(const ReportModel& model);

PdfDocument council_pdf_document(const ReportModel& model);
std::string render_council_pdf(const ReportModel& model);
std::string render_council_html(const ReportModel& model, const HtmlTemplates& templates, const HtmlLinks& links);

} // namespace ss
