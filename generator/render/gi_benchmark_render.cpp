#include "render/gi_benchmark_render.hpp"

#include <kainjow/mustache.hpp>

#include "chart/chart_output.hpp"
#include "core/errors.hpp"
#include "render/content_security.hpp"
#include "output/output_files.hpp"
#include "render/html_data.hpp"
#include "format/dutch.hpp"
#include "render/xlsx_support.hpp"
#include "report/report_text.hpp"

namespace ss {

namespace {

using kainjow::mustache::mustache;
using namespace html;

constexpr double chart_height = 280; // the PDF's funnel plots
constexpr double web_funnel_height = 220;

// The GI benchmark is internal (reports.md "Output layout"): exact values, with their counts.
std::string cell(const GiRow& row, const Figure& f) {
    return marked_text(show_figure(f, row.item.style, row.item.decimals));
}

std::vector<std::string> overview_header(const GiBenchmark& b) {
    std::vector<std::string> h{"Indicator"};
    for (const auto& gi : b.gis) h.push_back(gi.name);
    h.push_back("Regio");
    return h;
}

std::vector<std::vector<std::string>> overview_rows(const GiBenchmark& b) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : b.rows) {
        std::vector<std::string> r{row.item.title};
        for (const auto& f : row.gis) r.push_back(cell(row, f));
        r.push_back(cell(row, row.region));
        rows.push_back(std::move(r));
    }
    return rows;
}

std::vector<std::string> funnel_header() { return {"GI", "Teller", "Noemer", "Waarde", "Ligging", "Samenstelling"}; }

/// "OTS 53%, voogdij 19%, UHP 18%, JR 10%": the kinds of at least half a percent, largest first.
std::string case_mix_text(const GiBenchmark& b, CaseMix mix) {
    std::stable_sort(mix.begin(), mix.end(), [](const CaseMixPart& x, const CaseMixPart& y) { return x.percent > y.percent; });
    std::string text;
    for (const auto& part : mix) {
        if (part.percent < 0.5) continue;
        if (!text.empty()) text += ", ";
        text += (b.labels ? code_label(*b.labels, "kind_short", part.kind) : part.kind) + " " + format_percent(part.percent, 0);
    }
    return text;
}

std::string position_cell(const GiBenchmark& b, const GiRow& row, size_t gi) {
    const GiPosition p = gi_position(b, row, gi);
    if (p.judged()) return position_text(p.position);
    return b.texts->fill("gi.position_not_judged", {{"position", position_text(p.position)}, {"difference", p.biggest_difference}});
}

std::vector<std::vector<std::string>> funnel_rows(const GiBenchmark& b, const GiRow& row) {
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < b.gis.size(); ++i) {
        const Figure& f = row.gis[i];
        const ShownFigure shown = show_figure(f, row.item.style, row.item.decimals);
        const GiColumn& gi = b.gis[i];
        rows.push_back({gi.short_name == gi.name ? gi.name : gi.name + " (" + gi.short_name + ")", f.numerator ? format_number(*f.numerator) : "",
                        f.denominator ? format_number(*f.denominator) : "", marked_text(shown),
                        shown.value && f.denominator ? position_cell(b, row, i) : "–", case_mix_text(b, b.gis[i].case_mix)});
    }
    return rows;
}

std::string cover_date(const GiBenchmark& b) {
    return b.delivered_on.empty() ? "" : b.texts->fill("delivered_on", {{"date", format_long_date(b.delivered_on)}});
}

} // namespace

std::string position_text(FunnelPosition p) {
    switch (p) {
    case FunnelPosition::within: return "binnen de grenzen";
    case FunnelPosition::above95: return "boven de 95%-grens";
    case FunnelPosition::below95: return "onder de 95%-grens";
    case FunnelPosition::above998: return "boven de 99,8%-grens";
    case FunnelPosition::below998: return "onder de 99,8%-grens";
    }
    return "";
}

FunnelChart funnel_chart_of(const GiBenchmark& b, const GiRow& row) {
    FunnelChart chart;
    chart.decimals = row.item.decimals;
    const double p = row.region.value ? *row.region.value / 100.0 : 0;
    chart.centre = p * 100;
    chart.centre_label = "Regio " + b.region.name + ": " + cell(row, row.region);
    chart.limits = [p](double n) {
        const ControlLimits l = binomial_control_limits(p, n);
        return std::array<double, 4>{l.lower95 * 100, l.upper95 * 100, l.lower998 * 100, l.upper998 * 100};
    };
    bool left_out = false;
    for (size_t i = 0; i < b.gis.size(); ++i) {
        const ShownFigure shown = show_figure(row.gis[i], row.item.style, row.item.decimals);
        if (shown.value && row.gis[i].denominator)
            chart.points.push_back({b.gis[i].name, b.gis[i].short_name, *row.gis[i].denominator, *shown.value,
                                    gi_position(b, row, i).judged()});
        else left_out = true;
    }
    if (left_out) chart.note = b.texts->fill("gi.not_shown");
    chart.not_judged_label = b.texts->fill("gi.not_judged");
    return chart;
}

/// The sentence a screen reader reads for a funnel plot, in the page and in the PDF alike.
std::string funnel_alt_text(const FunnelChart& chart, const GiRow& row) {
    std::string alt = "Trechterdiagram " + row.item.title + ". " + chart.centre_label + ".";
    for (const auto& p : chart.points) alt += " " + p.label + ": " + format_percent(p.rate, row.item.decimals) + ";";
    return alt + " De cijfers staan in de tabel bij de grafiek.";
}

PdfDocument gi_benchmark_pdf_document(const GiBenchmark& b) {
    PdfDocument doc;
    const std::string scope = "Regio " + b.region.name;
    doc.title_page = {b.title, b.subtitle, scope,
                      {format_quarter(b.quarter), "Periode: " + format_quarter_period(b.quarter), cover_date(b),
                       b.texts->fill("gi.internal_cover")}};
    doc.running_header = b.title + " · " + scope + " · " + format_quarter(b.quarter);
    doc.metadata = {b.title + " " + format_quarter(b.quarter) + " – " + scope, b.subtitle, b.region.name,
                    "GI-benchmark; jeugdbescherming; " + b.region.code + "; " + b.quarter.code(),
                    b.delivered_on.empty() ? format_iso_date(b.quarter.last_day()) : b.delivered_on};
    auto add = [&](PdfBlock::Kind kind, const std::string& text) { doc.blocks.push_back(text_block(kind, text)); };
    auto add_table = [&](std::vector<std::string> header, std::vector<std::vector<std::string>> rows, double first) {
        PdfBlock t = table_block();
        std::vector<double> widths(header.size(), (1 - first) / static_cast<double>(header.size() - 1));
        widths[0] = first;
        t.table = {std::move(header), std::move(rows), widths, std::vector<bool>(widths.size(), true)};
        t.table.numeric[0] = false;
        doc.blocks.push_back(std::move(t));
    };
    const Texts& t = *b.texts;
    add(PdfBlock::Kind::heading, t.fill("gi.overview_heading"));
    add(PdfBlock::Kind::paragraph, t.fill("gi.overview_intro", {{"quarter", format_quarter(b.quarter)}}));
    add_table(overview_header(b), overview_rows(b), 0.28);
    // GI names are long ("Jeugdbescherming west"): a smaller font keeps words whole with four GIs.
    doc.blocks.back().table.font_size = b.gis.size() >= 4 ? 6 : 7.5;
    add(PdfBlock::Kind::heading, t.fill("gi.funnels_heading"));
    add(PdfBlock::Kind::paragraph, t.fill("gi.funnels_intro"));
    for (const auto& row : b.rows) {
        if (row.item.chart != ChartKind::funnel) continue;
        add(PdfBlock::Kind::subheading, row.item.title);
        if (!row.item.explanation.empty()) add(PdfBlock::Kind::paragraph, row.item.explanation);
        PdfBlock chart = chart_block(row.item.title, chart_height);
        chart.alt = funnel_alt_text(funnel_chart_of(b, row), row);
        const double width = pdf_text_width();
        chart.draw = [&b, &row, width](Canvas& canvas) {
            draw_funnel_chart(canvas, funnel_chart_of(b, row), width, chart_height);
        };
        doc.blocks.push_back(std::move(chart));
        PdfBlock table = table_block();
        table.table = {funnel_header(), funnel_rows(b, row), {0.26, 0.08, 0.10, 0.09, 0.21, 0.26}, {false, true, true, true, false, false}};
        doc.blocks.push_back(std::move(table));
    }
    add(PdfBlock::Kind::heading, t.fill("gi.about_heading"));
    add(PdfBlock::Kind::paragraph, t.fill("gi.about"));
    return doc;
}

std::string render_gi_benchmark_pdf(const GiBenchmark& b) { return render_pdf(gi_benchmark_pdf_document(b)); }

std::string render_gi_benchmark_html(const GiBenchmark& b, const HtmlTemplates& templates, const std::string& region_page) {
    // The page is internal (reports.md "Output layout": for contract managers, beside the PDF):
    // exact values, with the counts behind every share.
    mustache page{templates.gi_benchmark};
    if (!page.is_valid()) throw InputError("templates/html/gi-benchmark.mustache: " + page.error_message());
    TableHtml tables(templates);
    data d;
    d.set("title", b.title + " " + format_quarter(b.quarter) + " – regio " + b.region.name);
    d.set("css", templates.report_css);
    d.set("heading", b.title);
    d.set("region_name", b.region.name);
    d.set("region_page", region_page);
    d.set("quarter_name", format_quarter(b.quarter));
    d.set("lines", text_list({format_quarter(b.quarter), "Periode: " + format_quarter_period(b.quarter), cover_date(b)}));
    data overview = table_data(b.texts->fill("gi.overview_caption", {{"quarter", format_quarter(b.quarter)}}),
                               overview_header(b), overview_rows(b));
    overview.set("table_class", std::string("gi"));
    d.set("overview", tables(overview));
    d.set("overview_heading", b.texts->fill("gi.overview_heading"));
    d.set("funnels_heading", b.texts->fill("gi.funnels_heading"));
    d.set("funnel_intro", b.texts->fill("gi.funnels_intro"));
    data funnels{data::type::list};
    int counter = 0;
    for (const auto& row : b.rows) {
        if (row.item.chart != ChartKind::funnel) continue;
        const std::string anchor = "f" + std::to_string(++counter);
        data f;
        f.set("anchor", anchor);
        f.set("title", row.item.title);
        f.set("explanation", row.item.explanation);
        const FunnelChart chart = funnel_chart_of(b, row);
        f.set("alt", funnel_alt_text(chart, row));
        move_into(f, "svg", data{html::chart_svg([&](Canvas& canvas) { draw_funnel_chart(canvas, chart, web_chart_width, web_funnel_height); },
                                                 web_chart_width, web_funnel_height, anchor)});
        data table = table_data(b.texts->fill("chart_table_caption", {{"title", row.item.title}}), funnel_header(),
                                funnel_rows(b, row));
        table.set("table_class", std::string("gi gi-funnel"));
        f.set("data_table", tables(table));
        move_back(funnels, std::move(f));
    }
    move_into(d, "funnels", std::move(funnels));
    return with_content_security_policy(page.render(d));
}

void write_gi_benchmark_xlsx(const GiBenchmark& b, const std::string& path) {
    using namespace xlsx;
    Workbook wb = new_workbook(path);
    if (!wb) throw OutputError(path + ": cannot be created");
    Formats formats(wb.get());
    set_properties(wb.get(), {b.title + " " + format_quarter(b.quarter) + " – regio " + b.region.name, b.subtitle,
                              b.region.name, "GI-benchmark, " + b.region.code + ", " + b.quarter.code(),
                              b.texts->fill("gi.workbook_comments"),
                              b.delivered_on.empty() ? b.quarter.last_day() : date_of(b.delivered_on)});
    const std::string sheet = "GI-benchmark";
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), sheet.c_str());
    lxw_row_t r = 0;
    struct Span {
        const GiRow* row;
        lxw_row_t first, last;
    };
    std::vector<Span> spans;
    for (const auto& row : b.rows) {
        lxw_format* vf = formats.value(row.item.style, row.item.decimals);
        const lxw_row_t first = r + 1;
        for (size_t i = 0; i < b.gis.size(); ++i) {
            ++r;
            const Figure& f = row.gis[i];
            worksheet_write_string(ws, r, 0, row.item.title.c_str(), nullptr);
            worksheet_write_string(ws, r, 1, row.item.kpi.c_str(), nullptr);
            worksheet_write_string(ws, r, 2, row.item.select.c_str(), nullptr);
            worksheet_write_string(ws, r, 3, b.gis[i].id.c_str(), nullptr);
            worksheet_write_string(ws, r, 4, b.gis[i].name.c_str(), nullptr);
            write_amount(ws, r, 5, f.numerator);
            write_amount(ws, r, 6, f.denominator);
            write_figure(ws, r, 7, f.value, row.item.style, row.item.decimals, vf);
            write_figure(ws, r, 8, row.region.value, row.item.style, row.item.decimals, vf);
            if (row.item.chart == ChartKind::funnel && f.value)
                worksheet_write_string(ws, r, 9, position_cell(b, row, i).c_str(), nullptr);
        }
        spans.push_back({&row, first, r});
    }
    add_table(ws, 0, r, {"Indicator", "KPI", "Uitsplitsing", "GI", "Naam", "Teller", "Noemer", "Waarde", "Regio", "Ligging"},
              "GIbenchmark");
    worksheet_freeze_panes(ws, 1, 0);
    std::vector<std::string> titles, names;
    for (const auto& row : b.rows) titles.push_back(row.item.title);
    for (const auto& gi : b.gis) names.push_back(gi.name);
    const std::vector<double> widths{fitting_width(titles, 44, 70), 12, 12, 12, fitting_width(names, 30, 60), 13, 13, 13, 13,
                                     16, default_column_width};
    set_column_widths(ws, widths);
    // A native scatter chart per share: each GI's value against its denominator.
    lxw_row_t at = 1;
    for (const auto& span : spans) {
        if (span.row->item.chart != ChartKind::funnel || span.last < span.first) continue;
        lxw_chart* chart = workbook_add_chart(wb.get(), LXW_CHART_SCATTER);
        chart_title_set_name(chart, span.row->item.title.c_str());
        add_series(chart, sheet, span.first, span.last, 6, 7, "GI's");
        add_series(chart, sheet, span.first, span.last, 6, 8, "Regio " + b.region.name);
        chart_axis_set_name(chart->x_axis, "Noemer");
        chart_axis_set_name(chart->y_axis, "Aandeel");
        // As the cells: a share is a fraction under a percent format.
        chart_axis_set_num_format(chart->y_axis, value_format_code(span.row->item.style, 0).c_str());
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        worksheet_insert_chart(ws, at, 11, chart);
        at += chart_rows;
    }
    keep_charts_whole_in_print(wb.get(), ws, sheet, widths, default_chart_width, (at - 1) / chart_rows, r + 1);
    close(std::move(wb), path);
}

} // namespace ss
