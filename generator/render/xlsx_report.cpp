#include "render/xlsx_report.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>

#include <xlsxwriter.h>

#include "render/xlsx_support.hpp"

#include "core/errors.hpp"
#include "format/dutch.hpp"
#include "report/report_text.hpp"

namespace ss {

namespace {

/// The remark beside a provisional cost figure (kpis.md, "Data completeness").
std::string provisional_remark(const ReportModel& model) { return model.texts->fill("report.provisional_remark"); }

using namespace xlsx;

void write_summary(lxw_workbook* wb, Formats& f, const ReportModel& model) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Samenvatting");
    worksheet_write_string(ws, 0, 0, document_title(model).c_str(), f.title);
    lxw_row_t r = 1;
    for (const auto& line : cover_lines(model)) worksheet_write_string(ws, r++, 0, line.c_str(), nullptr);
    lxw_datetime first_day = excel_date(model.quarter.first_day()), last_day = excel_date(model.quarter.last_day());
    worksheet_write_string(ws, r, 0, "Eerste dag", nullptr);
    worksheet_write_datetime(ws, r++, 1, &first_day, f.date);
    worksheet_write_string(ws, r, 0, "Laatste dag", nullptr);
    worksheet_write_datetime(ws, r++, 1, &last_day, f.date);
    ++r;
    const lxw_row_t header = r;
    std::vector<std::string> headers{"Indicator", "KPI", "Waarde", "Teller", "Noemer", "Jaar eerder", "Richting"};
    if (compares_with_region(model)) headers.push_back("Regio");
    headers.insert(headers.end(), {"Doel", "Status", "Opmerking"});
    const auto blocks = headline_blocks(model);
    for (const KpiBlock* b : blocks) {
        ++r;
        lxw_format* vf = f.value(b->item.style, b->item.decimals);
        lxw_col_t c = 0;
        worksheet_write_string(ws, r, c++, b->item.title.c_str(), nullptr);
        worksheet_write_string(ws, r, c++, b->item.kpi.c_str(), nullptr);
        const ValueStyle style = b->item.style;
        const int d = b->item.decimals;
        write_figure(ws, r, c++, b->value.value, style, d, vf);
        write_amount(ws, r, c++, b->value.numerator);
        write_amount(ws, r, c++, b->value.denominator);
        write_figure(ws, r, c++, b->year_ago.value, style, d, vf);
        worksheet_write_string(ws, r, c++, change_text(model, *b).c_str(), nullptr);
        if (compares_with_region(model)) write_figure(ws, r, c++, b->region.value, style, d, vf);
        if (b->target) write_figure(ws, r, c, b->target->value, style, d, vf);
        ++c;
        worksheet_write_string(ws, r, c++, status_text(model, *b).c_str(), nullptr);
        if (b->value.provisional) worksheet_write_string(ws, r, c, provisional_remark(model).c_str(), nullptr);
    }
    add_table(ws, header, r, headers, "Kerncijfers");
    worksheet_freeze_panes(ws, header + 1, 1);
    std::vector<std::string> titles;
    for (const KpiBlock* b : blocks) titles.push_back(b->item.title);
    worksheet_set_column(ws, 0, 0, fitting_width(titles, 44, 70), nullptr);
    worksheet_set_column(ws, 1, static_cast<lxw_col_t>(headers.size()), 13, nullptr);
}

struct BlockRows {
    const KpiBlock* block;
    lxw_row_t first, last;
};

/// One row per value the block shows: the trend quarters, or the breakdown codes.
lxw_row_t write_block_rows(lxw_worksheet* ws, Formats& f, const ReportModel& model, const KpiBlock& b, lxw_row_t r) {
    lxw_format* vf = f.value(b.item.style, b.item.decimals);
    auto row = [&](const std::string& breakdown, const Quarter& q, const Figure& own, const Figure* region) {
        worksheet_write_string(ws, r, 0, b.item.title.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, b.item.kpi.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, breakdown.c_str(), nullptr);
        // "K3 2025", as the charts and the PDF say it; the date column is for sorting and formulas.
        worksheet_write_string(ws, r, 3, short_quarter_label(q).c_str(), nullptr);
        lxw_datetime last_day = excel_date(q.last_day());
        worksheet_write_datetime(ws, r, 4, &last_day, f.date);
        write_figure(ws, r, 5, own.value, b.item.style, b.item.decimals, vf);
        write_amount(ws, r, 6, own.numerator);
        write_amount(ws, r, 7, own.denominator);
        if (region) write_figure(ws, r, 8, region->value, b.item.style, b.item.decimals, vf);
        if (b.target && q == model.quarter) write_figure(ws, r, 9, b.target->value, b.item.style, b.item.decimals, vf);
        if (own.provisional) worksheet_write_string(ws, r, 10, provisional_remark(model).c_str(), nullptr);
        ++r;
    };
    if (b.item.breakdown.empty()) {
        for (size_t i = 0; i < model.quarters.size(); ++i)
            row("totaal", model.quarters[i], b.trend[i], b.region_trend.empty() ? nullptr : &b.region_trend[i]);
    } else if (b.item.chart == ChartKind::stacked_trend) {
        for (const auto& br : b.rows)
            for (size_t i = 0; i < model.quarters.size(); ++i) row(br.label, model.quarters[i], br.trend[i], nullptr);
    } else {
        const bool region = compares_with_region(model) && !b.item.region_level;
        for (const auto& br : b.rows) row(br.label, model.quarter, br.scope, region ? &br.region : nullptr);
    }
    return r;
}

/// The section sheets' charts, a little wider than libxlsxwriter's 480 px for their eight quarters.
constexpr double chart_width_scaled = 528;

/// A share's value axis reads as its cells (8,0%, not 0,08: shares are stored as fractions), an
/// amount's in whole euros; a count keeps the spreadsheet's own axis (0 5 10, not 0,0 5,0 10,0).
/// In a bar chart (bars lying down) libxlsxwriter's x axis is the value axis.
void set_value_axis_format(lxw_chart* chart, uint8_t type, ValueStyle style, int decimals) {
    if (style == ValueStyle::number) return;
    lxw_chart_axis* axis = type == LXW_CHART_BAR || type == LXW_CHART_BAR_STACKED ? chart->x_axis : chart->y_axis;
    chart_axis_set_num_format(axis, value_format_code(style, style == ValueStyle::euro ? 0 : decimals).c_str());
}

void add_chart(lxw_workbook* wb, lxw_worksheet* ws, const std::string& sheet, const ReportModel& model,
               const BlockRows& rows, lxw_row_t at) {
    const KpiBlock& b = *rows.block;
    const bool stacked = b.item.chart == ChartKind::stacked_trend;
    if (stacked && b.rows.empty()) return; // no breakdown this quarter: a chart without a series is invalid
    const uint8_t type = b.item.chart == ChartKind::trend ? LXW_CHART_LINE
                         : stacked                        ? LXW_CHART_COLUMN_STACKED
                         : b.item.chart == ChartKind::columns ? LXW_CHART_COLUMN
                                                              : LXW_CHART_BAR;
    lxw_chart* chart = workbook_add_chart(wb, type);
    const std::string title = b.item.title;
    chart_title_set_name(chart, title.c_str());
    const lxw_col_t category_column = b.item.chart == ChartKind::trend || stacked ? 3 : 2;
    if (stacked) {
        const size_t n = model.quarters.size();
        for (size_t i = 0; i < b.rows.size(); ++i)
            add_series(chart, sheet, rows.first + static_cast<lxw_row_t>(i * n),
                       rows.first + static_cast<lxw_row_t>((i + 1) * n - 1), category_column, 5, b.rows[i].label);
    } else {
        add_series(chart, sheet, rows.first, rows.last, category_column, 5, model.scope.name);
        if (compares_with_region(model) && !b.item.region_level)
            add_series(chart, sheet, rows.first, rows.last, category_column, 8, model.scope.region_name);
    }
    set_value_axis_format(chart, type, b.item.style, b.item.decimals);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    lxw_chart_options options{};
    options.x_scale = chart_width_scaled / default_chart_width;
    options.y_scale = 1.0;
    worksheet_insert_chart_opt(ws, at, 11, chart, &options);
}

void write_section(lxw_workbook* wb, Formats& f, const ReportModel& model, const Section& section, int index) {
    const std::string name = sheet_name(section.title);
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    const std::vector<std::string> headers{"Indicator", "KPI", "Uitsplitsing", "Kwartaal", "Laatste dag", "Waarde",
                                           "Teller", "Noemer", compares_with_region(model) ? "Regio" : "(regio)", "Doel",
                                           "Opmerking"};
    lxw_row_t r = 1;
    std::vector<BlockRows> blocks;
    for (const auto& b : section.blocks) {
        const lxw_row_t first = r;
        r = write_block_rows(ws, f, model, b, r);
        blocks.push_back({&b, first, r - 1});
    }
    add_table(ws, 0, r - 1, headers, "Sectie" + std::to_string(index));
    worksheet_freeze_panes(ws, 1, 0);
    std::vector<std::string> titles, labels;
    for (const auto& b : section.blocks) {
        titles.push_back(b.item.title);
        for (const auto& row : b.rows) labels.push_back(row.label);
    }
    // Indicator, KPI, breakdown, quarter .. target (3-9), then the remark (10).
    std::vector<double> widths{fitting_width(titles, 40, 70), 6, fitting_width(labels, 26, 50)};
    widths.resize(10, 12);
    // The remark, wide enough that neither its header nor a remark runs on into the charts' page.
    widths.push_back(fitting_width({"Opmerking", provisional_remark(model)}, 12, 50));
    set_column_widths(ws, widths);
    // Charts beside the table, one under the other.
    lxw_row_t at = 1;
    size_t charts = 0;
    for (const auto& rows : blocks) {
        if (rows.block->item.chart == ChartKind::none) continue;
        add_chart(wb, ws, name, model, rows, at);
        at += chart_rows;
        ++charts;
    }
    keep_charts_whole_in_print(wb, ws, name, widths, chart_width_scaled, charts, r);
}

void write_signals(lxw_workbook* wb, Formats& f, const ReportModel& model) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Signaallijst");
    lxw_row_t r = 0;
    // One row per measure with all its signals, as in the PDF's annex.
    for (const auto& m : model.signalled) {
        ++r;
        worksheet_write_string(ws, r, 0, m.measure_id.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, code_label(*model.labels, "kind", m.measure_kind).c_str(), nullptr);
        lxw_datetime start = excel_date(date_of(m.start_date));
        worksheet_write_datetime(ws, r, 2, &start, f.date);
        worksheet_write_string(ws, r, 3, signals_text(model, m).c_str(), nullptr);
    }
    add_table(ws, 0, r, {"Maatregel", "Soort", "Begonnen", "Signaal"}, "Signalen");
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, 2, 16, nullptr);
    worksheet_set_column(ws, 3, 3, 44, nullptr);
}

const char* kind_text(KpiKind kind) {
    switch (kind) {
    case KpiKind::count: return "aantal";
    case KpiKind::rate_per_1000: return "per 1.000";
    case KpiKind::share: return "aandeel (%)";
    case KpiKind::mean: return "gemiddelde";
    }
    return "";
}

/// What each KPI of the workbook counts, in the words of the report (its query's name, the
/// template's title, explanation and unit): a reader of the KPI sheet needs no other document.
void write_definitions(lxw_workbook* wb, const ReportModel& model) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Definities");
    lxw_row_t r = 0;
    for (const KpiBlock* block : first_block_per_kpi(model)) {
        const KpiBlock& b = *block;
        ++r;
        const std::string unit = !b.item.unit.empty()                 ? b.item.unit
                                 : b.item.style == ValueStyle::percent ? "%"
                                 : b.item.style == ValueStyle::euro    ? "euro"
                                                                       : "";
        worksheet_write_string(ws, r, 0, b.item.kpi.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, b.name.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, b.item.title.c_str(), nullptr);
        worksheet_write_string(ws, r, 3, b.item.explanation.c_str(), nullptr);
        worksheet_write_string(ws, r, 4, unit.c_str(), nullptr);
        worksheet_write_string(ws, r, 5, kind_text(b.kind), nullptr);
    }
    add_table(ws, 0, r, {"KPI", "Naam", "Indicator", "Definitie", "Eenheid", "Soort"}, "Definities");
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, 0, 8, nullptr);
    worksheet_set_column(ws, 1, 2, 36, nullptr);
    worksheet_set_column(ws, 3, 3, 80, nullptr);
    worksheet_set_column(ws, 4, 5, 18, nullptr);
}

/// The development table's explanations and agreements, one row each; an explanation names its KPI.
void write_agreements(lxw_workbook* wb, const ReportModel& model) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Afspraken");
    lxw_row_t r = 0;
    for (const auto& e : model.explanations) {
        ++r;
        worksheet_write_string(ws, r, 0, "Toelichting", nullptr);
        worksheet_write_string(ws, r, 1, e.kpi_id.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, e.text.c_str(), nullptr);
    }
    const auto rows = agreement_rows(model);
    for (const auto& row : rows) {
        ++r;
        worksheet_write_string(ws, r, 0, "Afspraak", nullptr);
        for (size_t c = 0; c < row.size(); ++c)
            worksheet_write_string(ws, r, static_cast<lxw_col_t>(c + 2), row[c].c_str(), nullptr);
    }
    add_table(ws, 0, r, {"Soort", "KPI", "Tekst", "Eigenaar", "Gepland", "Status"}, "Afspraken");
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, 1, 12, nullptr);
    worksheet_set_column(ws, 2, 2, 70, nullptr);
    worksheet_set_column(ws, 3, 5, 16, nullptr);
}

void write_comparisons(lxw_workbook* wb, Formats& f, const ReportModel& model) {
    const std::string sheet = "Gemeenten naast elkaar";
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.c_str());
    lxw_row_t r = 0;
    lxw_row_t chart_at = 1;
    for (const auto& cmp : model.comparisons) {
        lxw_format* vf = f.value(cmp.item.style, cmp.item.decimals);
        const lxw_row_t first = r + 1;
        for (const auto& m : cmp.municipalities) {
            ++r;
            worksheet_write_string(ws, r, 0, cmp.item.title.c_str(), nullptr);
            worksheet_write_string(ws, r, 1, cmp.item.kpi.c_str(), nullptr);
            worksheet_write_string(ws, r, 2, m.code.c_str(), nullptr);
            worksheet_write_string(ws, r, 3, m.name.c_str(), nullptr);
            write_figure(ws, r, 4, m.figure.value, cmp.item.style, cmp.item.decimals, vf);
            write_amount(ws, r, 5, m.figure.numerator);
            write_amount(ws, r, 6, m.figure.denominator);
            write_figure(ws, r, 7, cmp.region.value, cmp.item.style, cmp.item.decimals, vf);
        }
        lxw_chart* chart = workbook_add_chart(wb, LXW_CHART_BAR);
        chart_title_set_name(chart, cmp.item.title.c_str());
        add_series(chart, sheet, first, r, 3, 4, "Gemeenten");
        add_series(chart, sheet, first, r, 3, 7, "Regio " + model.scope.name);
        set_value_axis_format(chart, LXW_CHART_BAR, cmp.item.style, cmp.item.decimals);
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        worksheet_insert_chart(ws, chart_at, 9, chart);
        chart_at += chart_rows;
    }
    add_table(ws, 0, r, {"Indicator", "KPI", "Code", "Gemeente", "Waarde", "Teller", "Noemer", "Regio"}, "Gemeenten");
    worksheet_freeze_panes(ws, 1, 0);
    const std::vector<double> widths{40, 8, 8, 24, 12, 12, 12, 12, default_column_width};
    set_column_widths(ws, widths);
    keep_charts_whole_in_print(wb, ws, sheet, widths, default_chart_width, model.comparisons.size(), r + 1);
}

/// The transparency table is meant for publication: a cell over fewer than ten ended
/// trajectories leaves its shares and means empty (kpis.md, small numbers), with a remark.
void write_transparency(lxw_workbook* wb, Formats& f, const ReportModel& model) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "Transparantie");
    lxw_format* share = f.value(ValueStyle::percent, 1);
    lxw_format* mean = f.value(ValueStyle::number, 1);
    lxw_row_t r = 0;
    const auto published = [](const Figure& fig) {
        return fig.denominator && *fig.denominator >= 10 ? fig.value : std::nullopt;
    };
    for (const auto& row : model.transparency) {
        ++r;
        worksheet_write_string(ws, r, 0, row.provider_id.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, row.provider_id.empty() ? "Alle aanbieders" : row.provider_name.c_str(), nullptr);
        if (!row.has_profile) worksheet_write_string(ws, r, 2, "alle", nullptr);
        else if (!row.profile.empty()) worksheet_write_number(ws, r, 2, std::stod(row.profile), nullptr);
        worksheet_write_string(ws, r, 3, row.intensity.empty() ? "alle" : row.intensity.c_str(), nullptr);
        const double n = row.dropout.denominator.value_or(0);
        if (n == 0 || n >= 5) worksheet_write_number(ws, r, 4, n, nullptr);
        write_figure(ws, r, 5, published(row.dropout), ValueStyle::percent, 1, share);
        write_figure(ws, r, 6, published(row.youth), ValueStyle::number, 1, mean);
        write_figure(ws, r, 7, published(row.parent), ValueStyle::number, 1, mean);
        for (size_t g = 0; g < row.goals.size(); ++g)
            write_figure(ws, r, static_cast<lxw_col_t>(8 + g), published(row.goals[g]), ValueStyle::percent, 1, share);
        write_figure(ws, r, 12, published(row.cost), ValueStyle::euro, 0, f.value(ValueStyle::euro, 0));
        if (n < 10) worksheet_write_string(ws, r, 13, n > 0 && n < 5 ? "minder dan 5 trajecten" : "minder dan 10: niet getoond", nullptr);
    }
    std::vector<std::string> headers{"Aanbieder-id", "Aanbieder", "Profiel", "Intensiteit", "Afgesloten trajecten",
                                     "Uitval", "Ervaring jongere", "Ervaring ouder"};
    for (const auto& g : goal_keys()) headers.push_back("Doel " + code_label(*model.labels, "goal", g.substr(g.find('=') + 1)));
    headers.push_back("Kosten per afgesloten traject");
    headers.push_back("Opmerking");
    add_table(ws, 0, r, headers, "Transparantie");
    worksheet_freeze_panes(ws, 1, 2);
    worksheet_set_column(ws, 0, 0, 14, nullptr);
    worksheet_set_column(ws, 1, 1, 36, nullptr);
    worksheet_set_column(ws, 2, 12, 12, nullptr);
    worksheet_set_column(ws, 13, 13, 28, nullptr);
}

/// The long form of kpis.csv (machine columns, exact to the cent), with the Dutch name of each KPI
/// and breakdown beside them for the reader.
void write_kpi_sheet(lxw_workbook* wb, const ReportModel& model) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, "KPI");
    // The KPI's name for every row, the transparency cells' too (no block of the report shows those).
    const auto& names = model.kpi_names;
    std::vector<std::string> names_used, words_used; // for the columns' widths
    lxw_row_t r = 0;
    for (const auto& v : model.long_form) {
        ++r;
        worksheet_write_string(ws, r, 0, v.quarter.c_str(), nullptr);
        worksheet_write_string(ws, r, 1, v.scope_type.c_str(), nullptr);
        worksheet_write_string(ws, r, 2, v.scope_code.c_str(), nullptr);
        worksheet_write_string(ws, r, 3, v.kpi_id.c_str(), nullptr);
        if (!v.breakdown.empty()) worksheet_write_string(ws, r, 4, v.breakdown.c_str(), nullptr);
        write_amount(ws, r, 5, v.numerator);
        write_amount(ws, r, 6, v.denominator);
        write_figure(ws, r, 7, v.value, ValueStyle::number, 6, nullptr);
        const auto name = names.find(v.kpi_id);
        if (name != names.end() && !name->second.empty()) {
            worksheet_write_string(ws, r, 8, name->second.c_str(), nullptr);
            if (names_used.empty() || names_used.back() != name->second) names_used.push_back(name->second);
        }
        words_used.push_back(v.breakdown.empty() ? "totaal" : breakdown_words(*model.labels, model.names, v.breakdown));
        worksheet_write_string(ws, r, 9, words_used.back().c_str(), nullptr);
    }
    add_table(ws, 0, r, {"quarter", "scope_type", "scope_code", "kpi_id", "breakdown", "numerator", "denominator", "value",
                         "indicator", "uitsplitsing"},
              "KPI");
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_column(ws, 0, 7, 14, nullptr);
    // A transparency cell's words run to a hundred characters ("Naam; profiel 6; intensiteit: …"):
    // as wide as the sheet can be and still print one page wide legibly; on screen the last column
    // runs on to the right.
    worksheet_set_column(ws, 8, 8, fitting_width(names_used, 32, 50), nullptr);
    worksheet_set_column(ws, 9, 9, fitting_width(words_used, 32, 70), nullptr);
}

} // namespace

void write_report_xlsx(const ReportModel& model, const std::string& path) {
    Workbook wb = new_workbook(path);
    if (!wb) throw OutputError(path + ": cannot be created");
    Formats formats(wb.get());
    set_properties(wb.get(), {document_title(model), model.subtitle, model.author,
                              "jeugdhulp, jeugdbescherming, " + model.scope.code + ", " + model.quarter.code(),
                              model.delivered_on.empty() ? model.texts->fill("report.internal_cover")
                                                         : model.texts->fill("report.workbook_comments", {{"date", format_long_date(model.delivered_on)}}),
                              model.delivered_on.empty() ? model.quarter.last_day() : date_of(model.delivered_on)});
    write_summary(wb.get(), formats, model);
    int index = 0;
    for (const auto& section : model.sections) write_section(wb.get(), formats, model, section, ++index);
    if (!model.explanations.empty() || !model.agreements.empty()) write_agreements(wb.get(), model);
    if (model.scope.type == ScopeType::municipality) write_signals(wb.get(), formats, model);
    if (!model.comparisons.empty()) write_comparisons(wb.get(), formats, model);
    if (model.scope.type == ScopeType::region) write_transparency(wb.get(), formats, model);
    write_kpi_sheet(wb.get(), model);
    write_definitions(wb.get(), model);
    close(std::move(wb), path);
}

} // namespace ss
