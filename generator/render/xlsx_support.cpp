#include "render/xlsx_support.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include <unistd.h>

#include "core/errors.hpp"
#include "core/utf8_length.hpp"

namespace ss::xlsx {

Formats::Formats(lxw_workbook* w) : wb(w) {
    title = workbook_add_format(wb);
    format_set_bold(title);
    format_set_font_size(title, 14);
    bold = workbook_add_format(wb);
    format_set_bold(bold);
    date = workbook_add_format(wb);
    format_set_num_format_index(date, 14); // the locale's short date
    wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
}

double fitting_width(const std::vector<std::string>& texts, double least, double most) {
    size_t longest = 0;
    for (const auto& t : texts) longest = std::max(longest, utf8_length(t)); // "één" is three wide
    // A little more than a character each: Excel's unit is a digit of the default font, and text
    // with capitals and wide letters runs longer.
    return std::clamp(static_cast<double>(longest) * 1.1 + 2, least, most);
}

std::string value_format_code(ValueStyle style, int decimals) {
    const std::string fraction = decimals > 0 ? "." + std::string(static_cast<size_t>(decimals), '0') : "";
    if (style == ValueStyle::percent) return "0" + fraction + "%";
    if (style == ValueStyle::euro) return "\"€\" #,##0" + fraction;
    return "#,##0" + fraction;
}

lxw_format* Formats::value(ValueStyle style, int decimals) {
    auto& f = values[{style, decimals}];
    if (f) return f;
    f = workbook_add_format(wb);
    format_set_num_format(f, value_format_code(style, decimals).c_str());
    return f;
}

Date date_of(const std::string& iso) {
    const auto d = parse_iso_date(iso);
    return d ? *d : Date{};
}

lxw_datetime excel_date(Date d) {
    int y, m, day;
    split_date(d, y, m, day);
    return lxw_datetime{y, m, day, 0, 0, 0};
}

void write_optional(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<double>& v, lxw_format* f) {
    if (v) worksheet_write_number(ws, r, c, *v, f);
}

namespace {

double rounded(double v, int digits) {
    const double scale = std::pow(10.0, digits);
    return std::round(v * scale) / scale;
}

} // namespace

void write_figure(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<double>& v, ValueStyle style,
                  int decimals, lxw_format* f) {
    if (!v) return;
    if (style == ValueStyle::percent) worksheet_write_number(ws, r, c, rounded(*v / 100.0, decimals + 6), f);
    else worksheet_write_number(ws, r, c, rounded(*v, decimals + 4), f);
}

void write_amount(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const std::optional<double>& v) {
    if (v) worksheet_write_number(ws, r, c, rounded(*v, 2), nullptr);
}

namespace {

/// Print setup for a sheet of rows: landscape A4, one page wide, the header row on every page.
void set_print_layout(lxw_worksheet* ws, lxw_row_t header_row) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, header_row, header_row);
}

} // namespace

void add_table(lxw_worksheet* ws, lxw_row_t first, lxw_row_t last, const std::vector<std::string>& headers,
               const std::string& name) {
    std::vector<lxw_table_column> columns(headers.size());
    std::vector<lxw_table_column*> pointers;
    for (size_t i = 0; i < headers.size(); ++i) {
        columns[i].header = const_cast<char*>(headers[i].c_str());
        pointers.push_back(&columns[i]);
    }
    pointers.push_back(nullptr);
    lxw_table_options options{};
    options.name = const_cast<char*>(name.c_str());
    options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
    options.style_type_number = 2;
    options.columns = pointers.data();
    worksheet_add_table(ws, first, 0, std::max(last, first + 1), static_cast<lxw_col_t>(headers.size() - 1), &options);
    // Each sheet holds one such table: it prints with the table's header row on every page.
    set_print_layout(ws, first);
}

namespace {

/// Excel's pixels at 96 per inch of a column `width` characters wide (Calibri 11): 7w + 5, so a
/// column of the default 8.43 is 64.
double column_pixels(double width) { return std::floor(width * 7 + 5); }

} // namespace

ChartPrintLayout chart_print_layout(const std::vector<double>& column_widths, double chart_width, size_t charts) {
    // Excel's pixels at 96 per inch: a row is 20 high. Landscape A4 less libxlsxwriter's default
    // margins (0.7" left and right, 0.75" top and bottom) leaves 10.29" x 6.77".
    constexpr double page_width = 10.29 * 96, page_height = 6.77 * 96, row_height = 20;
    double table_width = 0;
    for (double w : column_widths) table_width += column_pixels(w);
    const double widest = std::max(table_width, chart_width + 10);
    // 10% to spare: LibreOffice (with Carlito) sets a column a few percent wider than Excel.
    const int scale = std::clamp(static_cast<int>(std::floor(90.0 * page_width / widest)), 10, 100);
    const auto rows_per_page = static_cast<lxw_row_t>(page_height / (scale / 100.0) / row_height) - 1; // less the header row
    const lxw_row_t per_page = std::max<lxw_row_t>(1, rows_per_page / chart_rows);
    ChartPrintLayout layout{scale, static_cast<lxw_col_t>(column_widths.size()), {}};
    for (size_t chart = per_page; chart < charts; chart += per_page)
        layout.breaks.push_back(1 + static_cast<lxw_row_t>(chart) * chart_rows);
    return layout;
}

void set_column_widths(lxw_worksheet* ws, const std::vector<double>& widths) {
    for (size_t c = 0; c < widths.size(); ++c)
        worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr);
}

namespace {

/// A sheet's name as a formula names it: `'Gemeenten naast elkaar'!`, a quote in it doubled.
std::string sheet_reference(const std::string& sheet) {
    std::string quoted = "'";
    for (char c : sheet) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return quoted + "'!";
}

} // namespace

std::string chart_sheet_print_areas(const std::string& sheet, lxw_col_t chart_column, lxw_row_t table_rows,
                                    double chart_width, size_t charts) {
    const std::string quoted = sheet_reference(sheet);
    // Columns from the charts' on are of the default width: one more than the chart covers.
    const auto chart_columns = static_cast<lxw_col_t>(std::ceil(chart_width / column_pixels(default_column_width)));
    char table[64], chart_range[64];
    lxw_rowcol_to_range_abs(table, 0, 0, std::max<lxw_row_t>(table_rows, 1) - 1, chart_column - 1);
    lxw_rowcol_to_range_abs(chart_range, 0, chart_column, static_cast<lxw_row_t>(charts) * chart_rows,
                            chart_column + chart_columns);
    return quoted + table + "," + quoted + chart_range;
}

void keep_charts_whole_in_print(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet,
                                const std::vector<double>& column_widths, double chart_width, size_t charts,
                                lxw_row_t table_rows) {
    if (charts == 0) return; // the table's own layout: one page wide
    ChartPrintLayout layout = chart_print_layout(column_widths, chart_width, charts);
    const std::string areas = chart_sheet_print_areas(sheet, layout.chart_column, table_rows, chart_width, charts);
    const std::string name = sheet_reference(sheet) + "_xlnm.Print_Area";
    if (workbook_define_name(wb, name.c_str(), ("=" + areas).c_str()) != LXW_NO_ERROR)
        throw std::logic_error("workbook: cannot set the print areas " + areas);
    worksheet_set_print_scale(ws, static_cast<uint16_t>(layout.scale)); // the last call wins over fit_to_pages
    lxw_col_t column_break[] = {layout.chart_column, 0}; // libxlsxwriter's lists end with 0
    worksheet_set_v_pagebreaks(ws, column_break);
    if (layout.breaks.empty()) return;
    layout.breaks.push_back(0);
    worksheet_set_h_pagebreaks(ws, layout.breaks.data());
}

void set_properties(lxw_workbook* wb, const DocumentProperties& d) {
    lxw_doc_properties p{};
    p.title = const_cast<char*>(d.title.c_str());
    p.subject = const_cast<char*>(d.subject.c_str());
    p.author = const_cast<char*>(d.author.c_str());
    p.company = const_cast<char*>(d.author.c_str());
    p.keywords = const_cast<char*>(d.keywords.c_str());
    p.comments = const_cast<char*>(d.comments.c_str());
    std::tm tm{};
    int y, m, day;
    split_date(d.date, y, m, day);
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = day;
    p.created = timegm(&tm);
    workbook_set_properties(wb, &p);
}

void add_series(lxw_chart* chart, const std::string& sheet, lxw_row_t first, lxw_row_t last, lxw_col_t categories,
                lxw_col_t values, const std::string& name) {
    lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
    chart_series_set_categories(s, sheet.c_str(), first, categories, last, categories);
    chart_series_set_values(s, sheet.c_str(), first, values, last, values);
    chart_series_set_name(s, name.c_str());
}

void close(Workbook workbook, const std::string& path) {
    // workbook_close frees the workbook whatever it returns.
    const lxw_error error = workbook_close(workbook.release());
    if (error != LXW_NO_ERROR) throw OutputError(path + ": " + lxw_strerror(error));
}

std::string sheet_name(const std::string& title) {
    std::string name;
    size_t characters = 0;
    for (size_t i = 0; i < title.size() && characters < 31;) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        const size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        if (std::string_view("[]:*?/\\").find(title[i]) == std::string_view::npos) {
            name.append(title, i, length);
            ++characters;
        }
        i += length;
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '\'')) name.pop_back();
    return name.empty() ? "Blad" : name;
}

Workbook new_workbook(const std::string& path) {
    static const bool shared_memory = [] {
        std::error_code ec;
        return std::filesystem::is_directory("/dev/shm", ec) && ::access("/dev/shm", W_OK) == 0;
    }();
    if (!shared_memory) return Workbook(workbook_new(path.c_str()));
    lxw_workbook_options options{};
    options.tmpdir = const_cast<char*>("/dev/shm");
    return Workbook(workbook_new_opt(path.c_str(), &options));
}

} // namespace ss::xlsx
