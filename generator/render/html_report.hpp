// The report as a static HTML page from the Mustache templates of templates/html/: inline SVG
// charts from the same chart code as the PDF, each with a text alternative and its data table.
// Public: the small-number rules apply and no case-level signal is shown.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "report/figure_text.hpp"
#include "report/report_model.hpp"

namespace ss {

/// The template texts, read once per run (templates are data; a page is rendered from them).
struct HtmlTemplates {
    std::string report; ///< report.mustache
    std::string table;  ///< table.mustache, every table of a page (html::TableHtml)
    std::string index;  ///< index.mustache, the quarter's site index
    std::string council; ///< council.mustache, the council letter
    std::string transparency; ///< transparency.mustache, a region's provider transparency table
    std::string gi_benchmark; ///< gi-benchmark.mustache
    std::string overview;     ///< overview.mustache, every region's headline figures side by side
    std::string table_script; ///< table-script.mustache, the partial that sorts, filters and folds a table
    // Each page inlines its style sheet (it makes no external requests): style.css, for every
    // page, and the sheet of its kind, compacted (compact_css).
    std::string report_css; ///< + report.css and the charts' rules: the report and GI benchmark pages
    std::string tables_css; ///< + tables.css: the index, the overview and the transparency page
    std::string letter_css; ///< + letter.css: the council letter
};

HtmlTemplates load_html_templates(const std::filesystem::path& folder);

struct HtmlLink {
    std::string href;
    std::string label;
};

/// Links of the page: its downloads (PDF, Excel, kpis.csv) and, for a municipality, its region.
struct HtmlLinks {
    std::vector<HtmlLink> downloads;
    std::optional<HtmlLink> region;
    std::string transparency; ///< a region's transparency page, "" for none
    std::string gi_benchmark; ///< a region's GI benchmark page, "" for none
};

/// The page: for the public site (publication rules applied, the quarter index above it) or the
/// internal page beside the PDF (exact values, self-contained). Throws InputError when a template
/// does not parse (naming the template).
std::string render_report_html(const ReportModel& model, const HtmlTemplates& templates, const HtmlLinks& links,
                               Audience audience = Audience::published);


/// The quarter's index page: every region with its municipalities, searchable on the page.
/// `folders` gives each scope's folder name, in the order of `scopes`.
std::string render_quarter_index(const std::vector<Scope>& scopes, const std::vector<std::string>& folders,
                                 const Quarter& quarter, const std::string& delivered_on, const HtmlTemplates& templates,
                                 const Texts& texts, bool with_overview = false);

} // namespace ss
