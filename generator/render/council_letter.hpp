// The council information letter (raadsinformatiebrief): at most two A4 pages and an HTML page,
// six headline figures with a hand-written-sounding sentence each. Public: small numbers hidden.
#pragma once

#include <string>
#include <vector>

#include "render/html_report.hpp"
#include "render/pdf_document.hpp"
#include "report/report_model.hpp"

namespace ss {

/// The letter's figures table and sentences, shared by PDF and HTML.
struct CouncilLetter {
    std::string title;                 ///< "Raadsinformatiebrief gemeente Dordrecht"
    std::vector<std::string> heading;  ///< the subject, the period and the delivery date
    std::vector<std::string> opening;  ///< the salutation and the introduction
    std::vector<std::string> table_header;
    std::vector<std::vector<std::string>> table_rows;
    std::vector<std::string> sentences; ///< one per headline figure
    std::vector<std::string> closing;
};

CouncilLetter council_letter_of(const ReportModel& model);

PdfDocument council_pdf_document(const ReportModel& model);
std::string render_council_pdf(const ReportModel& model);
std::string render_council_html(const ReportModel& model, const HtmlTemplates& templates, const HtmlLinks& links);

} // namespace ss
