// What every workbook of samen-sturen shares: the workbook handle owned once, number formats as
// Excel format codes, Excel tables, typed optional numbers and dates, document properties.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "chart/trend_chart.hpp"
#include "core/dates.hpp"

namespace ss::xlsx {

struct WorkbookDeleter {
    void operator()(lxw_workbook* w) const { lxw_workbook_free(w); }
};
using Workbook = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

/// Number formats as Excel format codes, so that each Excel shows its own locale's separators.
struct Formats {
    lxw_format* title;
    lxw_format* bold;
    lxw_format* date;
    lxw_format* wrap;
    std::map<std::pair<ValueStyle, int>, lxw_format*> values;
    lxw_workbook* wb;

    explicit Formats(lxw_workbook* w);
    /// The cell format of value_format_code.
    lxw_format* value(ValueStyle style, int decimals);
};

/// A column width (in Excel's characters) that shows the longest of `texts` whole, between
/// `least` and `most` (a longer text is cut at the next cell, as any spreadsheet does).
double fitting_width(const std::vector<std::string>& texts, double least, double most);

/// The number format of a value: `#,##0.0`, `"€" #,##0`, or `0.0%` for a share stored as a
/// fraction. Cells and the charts' value axes use the same.
std::string value_format_code(ValueStyle style, int decimals);

struct DocumentProperties {
    std::string title, subject, author, keywords, comments;
    Date date; ///< the creation date: the delivery date, so the same data gives the same properties
};

Date date_of(const std::string& iso);
lxw_datetime excel_date(Date d);
/// Writes a number, or leaves the cell empty.
void write_optional(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<double>& v, lxw_format* f);

/// A figure in its style: a share (kept in percent, 0-100, by the model) is stored as a fraction
/// under a percent format, so that a formula over it computes right; the number is rounded a few
/// digits past what is shown, which drops the noise of float sums (6906497.640000002).
void write_figure(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<double>& v, ValueStyle style,
                  int decimals, lxw_format* f);

/// A numerator or denominator: a count or an amount in euros, rounded to cents.
void write_amount(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<double>& v);

/// An Excel table over rows [first, last] with the given headers; an empty table gets one blank row.
/// The sheet (one table per sheet) prints landscape on A4, one page wide, the header row on every page.
void add_table(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, const std::vector<std::string>& headers,
               const std::string& name);
void set_properties(lxw_workbook* wb, const DocumentProperties& properties);
/// A chart series over rows [first, last] of `sheet`: categories from one column, values from another.
void add_series(lxw_chart* chart, const std::string& sheet, lxw_row_t first, lxw_row_t last, lxw_col_t categories,
                lxw_col_t values, const std::string& name);
/// Excel's width of a column that was not set (characters), and libxlsxwriter's chart width (px).
constexpr double default_column_width = 8.43;
constexpr double default_chart_width = 480;

/// Rows a chart takes on a sheet (288 px at the default row height), plus one between charts.
constexpr lxw_row_t chart_rows = 16;

/// How a sheet with `charts` charts beside its table, one under the other from row 1, prints
/// whole. Excel ignores manual page breaks under "fit to one page wide", and a table and its
/// charts side by side on one A4 would print at half size; so the charts' column starts a page of
/// its own, the sheet gets the scale that makes the table (`column_widths` in Excel characters, up
/// to the charts' column) one landscape A4 page wide, and a page break comes before each chart
/// that would not fit on its page.
struct ChartPrintLayout {
    int scale;                     ///< percent, 10-100
    lxw_col_t chart_column;        ///< starts a page
    std::vector<lxw_row_t> breaks; ///< rows that start a page
};
ChartPrintLayout chart_print_layout(const std::vector<double>& column_widths, double chart_width, size_t charts);

/// Sets columns 0, 1, … to `widths` (Excel characters): the same list the print layout reads.
void set_column_widths(lxw_worksheet* ws, const std::vector<double>& widths);

/// The sheet's two print areas, `'Sheet'!$A$1:$K$31,'Sheet'!$L$1:$T$97`: the table (its
/// `table_rows` rows from the header on, up to the charts' column) and the charts' columns, each
/// printed on pages of its own. With the whole sheet as one area, the pages under the table's end
/// beside the charts printed too: pages holding the repeated header row alone (Dordrecht's
/// workbook had three).
std::string chart_sheet_print_areas(const std::string& sheet, lxw_col_t chart_column, lxw_row_t table_rows,
                                    double chart_width, size_t charts);

/// Applies both (after add_table, whose "fit to one page wide" the layout replaces).
void keep_charts_whole_in_print(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet,
                                const std::vector<double>& column_widths, double chart_width, size_t charts,
                                lxw_row_t table_rows);
/// Closes (writes) the workbook. Throws OutputError naming `path` when it cannot be written.
void close(Workbook workbook, const std::string& path);

/// A new workbook for `path`. libxlsxwriter writes each sheet to a temporary file before it zips
/// them: in /dev/shm (memory) where that exists, so that no temporary file touches the disk.
Workbook new_workbook(const std::string& path);
/// An Excel sheet name from a title: at most 31 characters, none of []:*?/\.
std::string sheet_name(const std::string& title);

} // namespace ss::xlsx
