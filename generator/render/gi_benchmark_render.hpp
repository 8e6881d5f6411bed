// The GI benchmark as PDF, HTML page and Excel workbook: an overview table of every GI beside the
// region, and a funnel plot with its table for every share.
#pragma once

#include <string>

#include "chart/funnel_chart.hpp"
#include "render/html_report.hpp"
#include "render/pdf_document.hpp"
#include "report/figure_text.hpp"
#include "report/gi_benchmark.hpp"

namespace ss {

/// The funnel plot of a share row; published outputs leave out GIs whose share rests on fewer than ten.
FunnelChart funnel_chart_of(const GiBenchmark& benchmark, const GiRow& row);

/// "binnen de grenzen", "boven de 95%-grens", …
std::string position_text(FunnelPosition position);

PdfDocument gi_benchmark_pdf_document(const GiBenchmark& benchmark);
std::string render_gi_benchmark_pdf(const GiBenchmark& benchmark);
/// `region_page`: the file name of the region's internal report page beside it, linked back to.
std::string render_gi_benchmark_html(const GiBenchmark& benchmark, const HtmlTemplates& templates,
                                     const std::string& region_page);
void write_gi_benchmark_xlsx(const GiBenchmark& benchmark, const std::string& path);

} // namespace ss
