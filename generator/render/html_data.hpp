// The Mustache data every HTML page is built from: text lists, tables (for the table partial),
// download links, and inline SVG charts hidden from assistive technology (their wrapper carries
// the text alternative).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "chart/chart_output.hpp"
#include "render/html_report.hpp"

namespace ss::html {

using kainjow::mustache::data;

data text_list(const std::vector<std::string>& items);

/// The colour class of cells, by row and by column index of the row (`better`, `worse`): a
/// judgement shown by colour as well as by its word (reports.md: never colour alone).
using CellClasses = std::vector<std::map<size_t, std::string>>;

/// A table for templates/html/table.mustache: the first cell of each row is its row header; a
/// note explains `<5` and `*` when a cell holds one. With `classes` (the summary table) each cell
/// gets its class from there.
data table_data(const std::string& caption, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, const CellClasses* classes = nullptr);

/// `href`, `label` and `last` per link, for "a · b · c" lists.
data downloads_data(const std::vector<HtmlLink>& links);

/// The drawing as inline SVG with aria-hidden, ids prefixed with `anchor`.
std::string chart_svg(const ChartDrawing& draw, double width, double height, const std::string& anchor);

/// The table partial, for `{{> table}}`.
kainjow::mustache::partial table_partial(const HtmlTemplates& templates);

} // namespace ss::html
