// A region's public transparency page: every provider on one line with its parts below it,
// sortable and searchable in the page, the region's own rows apart, and the codes explained.
#pragma once

#include <string>

#include "render/html_report.hpp"

namespace ss {

/// The page of a published region model (TR01-TR04 per provider, intensity and profile).
std::string render_transparency_html(const ReportModel& model, const HtmlTemplates& templates);

} // namespace ss
