// The public site's national overview page: every region's headline figures side by side,
// sortable by any column and searchable by name in the page.
#pragma once

#include <string>

#include "render/html_report.hpp"
#include "report/national_overview.hpp"
#include "report/texts.hpp"

namespace ss {

std::string render_overview_html(const NationalOverview& overview, const HtmlTemplates& templates, const Texts& texts);

} // namespace ss
