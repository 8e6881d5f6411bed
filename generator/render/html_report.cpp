#include "render/html_report.hpp"

#include "render/content_security.hpp"


#include <kainjow/mustache.hpp>

#include "chart/chart_output.hpp"
#include "chart/svg_canvas.hpp"
#include "render/compact_css.hpp"
#include "render/html_data.hpp"
#include "core/errors.hpp"
#include "core/slug.hpp"
#include "core/text_file.hpp"
#include "format/dutch.hpp"
#include "render/block_charts.hpp"
#include "report/attention.hpp"
#include "report/publication.hpp"
#include "report/report_text.hpp"
#include "chart/bar_chart.hpp"

namespace ss {

namespace {

using kainjow::mustache::mustache;
using namespace html;

// A public page (the site) follows kpis.md's small-number rules in every figure; the internal page
// beside the PDF shows exact values. Only render_report_html takes an audience: the transparency
// page is public.
constexpr double chart_width = web_chart_width;

/// The chart as inline SVG, hidden from assistive technology: its wrapper carries the text alternative.
std::string chart_svg(const BlockChart& chart, const std::string& anchor) {
    const double height = chart.height(chart_width);
    return html::chart_svg([&](Canvas& canvas) { chart.draw(canvas, chart_width, height); }, chart_width, height, anchor);
}

data block_data(const ReportModel& model, const KpiBlock& block, const std::string& anchor, TableHtml& tables) {
    data b;
    b.set("anchor", anchor);
    b.set("title", block.item.title);
    b.set("explanation", block.item.explanation);
    move_into(b, "notes", text_list(block_explanations(model, block)));
    if (block.item.breakdown.empty()) {
        b.set("headline_value", figure_text(block, block.value));
        b.set("unit", block.item.unit);
    }
    // The chart draws its note itself; the text alternative carries it for screen readers.
    // A block without a chart (data completeness) shows its table only, not an empty figure.
    const BlockChart chart = block_chart_of(model, block);
    const bool has_chart = !std::holds_alternative<std::monostate>(chart.chart);
    b.set("has_chart", has_chart);
    if (has_chart) {
        const std::string& note = chart.note();
        b.set("alt", chart_alt_text(model, block, AltValues::highest_and_lowest) + (note.empty() ? "" : " " + note));
        move_into(b, "svg", data{chart_svg(chart, anchor)});
    }
    const std::string caption = has_chart ? model.texts->fill("chart_table_caption", {{"title", block.item.title}})
                                          : model.texts->fill("table_caption", {{"title", block.item.title}});
    data table = block.item.breakdown.empty()
                     ? table_data(caption, trend_header(model), trend_rows(model, block))
                     : table_data(caption, breakdown_header(model, block), breakdown_rows(model, block));
    table.set("id", anchor + "-cijfers");
    b.set("data_table", tables(table));
    return b;
}

std::vector<std::string> account(const ReportModel& model, Audience audience) {
    const Texts& t = *model.texts;
    return {account_of_data(model), t.fill("report.account_method"),
            audience == Audience::internal ? t.fill("report.internal_page")
                                           : t.fill("report.public_page", {{"suppression_note", suppression_note()}})};
}

} // namespace

HtmlTemplates load_html_templates(const std::filesystem::path& folder) {
    const auto read = [&](const char* name) { return read_text_file(folder / name, "HTML template"); };
    const std::string base = read("style.css");
    HtmlTemplates t{read("report.mustache"), read("table.mustache"), read("index.mustache"), read("council.mustache"),
                    read("transparency.mustache"), read("gi-benchmark.mustache"), read("overview.mustache"),
                    read("table-script.mustache"), {}, {}, {}};
    t.report_css = compact_css(base + read("report.css") + chart_style_sheet());
    t.tables_css = compact_css(base + read("tables.css"));
    t.letter_css = compact_css(base + read("letter.css"));
    return t;
}

std::string render_report_html(const ReportModel& model, const HtmlTemplates& templates, const HtmlLinks& links,
                               Audience audience) {
    if (audience == Audience::published) require_published(model, "public page");
    mustache page{templates.report};
    if (!page.is_valid()) throw InputError("templates/html/report.mustache: " + page.error_message());
    TableHtml tables(templates);
    data d;
    d.set("title", document_title(model));
    d.set("css", templates.report_css);
    d.set("report_title", model.title);
    d.set("subtitle", model.subtitle);
    d.set("scope_title", scope_title(model.scope));
    d.set("quarter_name", format_quarter(model.quarter));
    d.set("period", format_quarter_period(model.quarter));
    move_into(d, "cover_lines", text_list(cover_lines(model)));
    d.set("delivered_line", delivered_text(model));
    move_into(d, "downloads", downloads_data(links.downloads));
    d.set("has_downloads", !links.downloads.empty());
    d.set("internal", audience == Audience::internal);
    if (links.region) {
        data region;
        region.set("href", links.region->href);
        region.set("name", links.region->label);
        d.set("region_link", region);
    }
    d.set("summary_intro", summary_intro(model));
    // The judgement's colour comes from the judgement itself, not from reading its word back.
    CellClasses judged;
    for (const KpiBlock* b : headline_blocks(model)) {
        judged.emplace_back();
        if (b->judgement == Judgement::better) judged.back()[summary_judgement_column] = "better";
        if (b->judgement == Judgement::worse) judged.back()[summary_judgement_column] = "worse";
    }
    data summary = table_data("Kerncijfers " + format_quarter(model.quarter), summary_header(model), summary_rows(model),
                              &judged);
    summary.set("id", std::string("kerncijfers"));
    d.set("summary", tables(summary));
    data attention{data::type::list};
    for (const auto& p : attention_points(model)) {
        data point;
        point.set("text", p.text);
        point.set("section", p.section);
        move_back(attention, std::move(point));
    }
    d.set("has_attention", !attention.is_empty_list());
    // The development table's memory: internal pages only (a published model has no notes).
    const auto report_notes = report_explanations(model);
    d.set("has_agreements", !model.agreements.empty() || !report_notes.empty());
    const std::string agreements_title = model.texts->fill("report.agreements_heading");
    d.set("agreements_title", agreements_title);
    move_into(d, "report_notes", text_list(report_notes));
    if (!model.agreements.empty())
        d.set("agreements", tables(table_data(agreements_title, agreements_header(), agreement_rows(model))));
    move_into(d, "attention", std::move(attention));
    data sections{data::type::list};
    int counter = 0;
    for (const auto& s : model.sections) {
        data section;
        section.set("id", s.id);
        section.set("title", s.title);
        section.set("intro", s.intro);
        data blocks{data::type::list};
        for (const auto& b : s.blocks) move_back(blocks, block_data(model, b, "k" + std::to_string(++counter), tables));
        move_into(section, "blocks", std::move(blocks));
        move_back(sections, std::move(section));
    }
    move_into(d, "sections", std::move(sections));
    data comparisons{data::type::list};
    for (const auto& cmp : model.comparisons) {
        const std::string anchor = "g" + std::to_string(++counter);
        data c;
        c.set("anchor", anchor);
        c.set("title", cmp.item.title);
        c.set("alt", comparison_alt_text(model, cmp, AltValues::highest_and_lowest));
        move_into(c, "svg", data{chart_svg({comparison_chart(model, cmp)}, anchor)});
        data table = table_data(model.texts->fill("chart_table_caption", {{"title", cmp.item.title}}),
                                {"Gemeente", short_quarter_label(model.quarter)}, comparison_rows(model, cmp));
        table.set("id", anchor + "-cijfers");
        c.set("data_table", tables(table));
        move_back(comparisons, std::move(c));
    }
    d.set("has_comparisons", !model.comparisons.empty());
    move_into(d, "comparisons", std::move(comparisons));
    if (!links.transparency.empty()) d.set("transparency_link", links.transparency);
    if (!links.gi_benchmark.empty()) d.set("gi_benchmark_link", links.gi_benchmark);
    move_into(d, "account", text_list(account(model, audience)));
    std::string html = page.render(d);
    if (!page.is_valid()) throw InputError("templates/html: " + page.error_message());
    return with_content_security_policy(html);
}

std::string render_quarter_index(const std::vector<Scope>& scopes, const std::vector<std::string>& folders,
                                 const Quarter& quarter, const std::string& delivered_on, const HtmlTemplates& templates,
                                 const Texts& texts, bool with_overview) {
    mustache page{templates.index};
    if (!page.is_valid()) throw InputError("templates/html/index.mustache: " + page.error_message());
    data d;
    d.set("title", texts.fill("index.title", {{"quarter", format_quarter(quarter)}}));
    d.set("report_title", "Samen Sturen");
    d.set("css", templates.tables_css);
    d.set("quarter_name", format_quarter(quarter));
    d.set("period", format_quarter_period(quarter));
    if (!delivered_on.empty()) d.set("delivered_line", texts.fill("delivered_on", {{"date", format_long_date(delivered_on)}}));
    if (with_overview) d.set("overview_link", texts.fill("link.overview"));
    data regions{data::type::list};
    for (size_t i = 0; i < scopes.size(); ++i) {
        if (scopes[i].type != ScopeType::region) continue;
        data region;
        region.set("id", "r-" + folders[i]);
        region.set("name", scopes[i].name);
        region.set("href", folders[i] + "/index.html");
        data municipalities{data::type::list};
        for (size_t m = 0; m < scopes.size(); ++m) {
            if (scopes[m].type != ScopeType::municipality || scopes[m].region_code != scopes[i].code) continue;
            data item;
            item.set("name", scopes[m].name);
            item.set("search", lower_ascii(scopes[m].name));
            item.set("href", folders[m] + "/index.html");
            move_back(municipalities, std::move(item));
        }
        move_into(region, "municipalities", std::move(municipalities));
        move_back(regions, std::move(region));
    }
    move_into(d, "regions", std::move(regions));
    return with_content_security_policy(page.render(d));
}

} // namespace ss
