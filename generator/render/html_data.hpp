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

/// Puts `value` into the object `parent` under `name`, or at the end of `list`, without copying
/// it. kainjow's own `set` and `push_back` copy their argument whole, so a page's sections, with
/// their tables and charts' SVG, were copied again at every level they were put into (a fifth of
/// a page's time). Throws std::logic_error (a bug: exit code 1) when `parent` is no object or `list` no list.
void move_into(data& parent, const std::string& name, data&& value);
void move_back(data& list, data&& value);

data text_list(const std::vector<std::string>& items);

/// The colour class of cells, by row and by column index of the row (`better`, `worse`): a
/// judgement shown by colour as well as by its word (reports.md: never colour alone).
using CellClasses = std::vector<std::map<size_t, std::string>>;

/// A table for templates/html/table.mustache: the first cell of each row is its row header; a
/// note explains `<5` and `*` when a cell holds one. With `classes` (the summary table) each cell
/// gets its class from there. Its scroll box is named by the caption: by `aria-labelledby` when the
/// caller sets the table's `id` (unique on the page), else by repeating it in `aria-label`.
data table_data(const std::string& caption, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, const CellClasses* classes = nullptr);

/// `href`, `label` and `last` per link, for "a · b · c" lists.
data downloads_data(const std::vector<HtmlLink>& links);

/// The drawing as inline SVG with aria-hidden, ids prefixed with `anchor`.
std::string chart_svg(const ChartDrawing& draw, double width, double height, const std::string& anchor);

/// The width the pages' charts are laid out at, in the units of their 8-unit text: on a 400 px
/// phone the chart is 368 px wide, so its text stays at 12 px (report.css keeps it at most 28rem
/// wide on a desktop, text about 15 px).
constexpr double web_chart_width = 240;

/// Writes tables with templates/html/table.mustache, parsed once for a page: as a partial it was
/// parsed again at every table (about 50 a page, a sixth of a page's time). A page template puts
/// the result in with `{{{name}}}`. One writer per page: kainjow's render is not thread-safe.
class TableHtml {
public:
    explicit TableHtml(const HtmlTemplates& templates);
    /// The table's HTML, from table_data.
    std::string operator()(const data& table);

private:
    kainjow::mustache::mustache template_;
};

/// The script partial, for `{{> table_script}}`: sorts, filters and folds the page's
/// `table[data-sortable]` (templates/html/table-script.mustache).
kainjow::mustache::partial table_script_partial(const HtmlTemplates& templates);

} // namespace ss::html
