// The Samen Sturen report as a PDF: the report model laid out as title page, summary, one
// chapter per section with its charts and tables, the signals, and an account of the figures.
#pragma once

#include <string>

#include "render/pdf_document.hpp"
#include "report/report_model.hpp"

namespace ss {

/// The document's blocks and metadata (exposed so tests can check the layout model).
PdfDocument pdf_document_of(const ReportModel& model);

/// The PDF file's bytes.
std::string render_report_pdf(const ReportModel& model);

} // namespace ss
