#include "render/pdf_report.hpp"

#include <algorithm>
#include <memory>
#include <optional>

#include "core/text_pattern.hpp"
#include "format/dutch.hpp"
#include "report/attention.hpp"
#include "render/block_charts.hpp"
#include "report/report_text.hpp"

namespace ss {

namespace {

// The PDF is internal (the development table): exact values, counts beside them, signals listed.

PdfBlock heading(const std::string& text) { return text_block(PdfBlock::Kind::heading, text); }
PdfBlock subheading(const std::string& text) { return text_block(PdfBlock::Kind::subheading, text); }
PdfBlock paragraph(const std::string& text) { return text_block(PdfBlock::Kind::paragraph, text); }

PdfBlock table(std::vector<std::string> header, std::vector<std::vector<std::string>> rows, std::vector<double> widths) {
    PdfBlock b = table_block();
    b.table.numeric.assign(header.size(), true);
    b.table.numeric[0] = false;
    b.table.header = std::move(header);
    b.table.rows = std::move(rows);
    b.table.widths = std::move(widths);
    return b;
}

std::vector<double> first_wide(size_t columns, double first) {
    std::vector<double> w(columns, (1.0 - first) / static_cast<double>(columns - 1));
    w[0] = first;
    return w;
}

void add_summary(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    const Texts& t = *model.texts;
    blocks.push_back(heading(t.fill("report.summary_heading")));
    blocks.push_back(paragraph(summary_intro(model)));
    auto header = summary_header(model);
    // Narrow enough that "€ 358 (voorlopig)" breaks between the amount and the word, never inside it.
    std::vector<double> widths = first_wide(header.size(), 0.25);
    blocks.push_back(table(std::move(header), summary_rows(model), widths));
    blocks.push_back(subheading(t.fill("report.attention_heading")));
    const auto points = attention_points(model);
    if (points.empty()) blocks.push_back(paragraph(t.fill("report.no_attention_points")));
    for (const auto& p : points) blocks.push_back(paragraph("• " + p.text + " (zie " + p.section + ")."));
}

/// A block whose scope has no value in any quarter: one line instead of an empty chart.
bool without_data(const KpiBlock& block) {
    if (block.value.value) return false;
    for (const auto& f : block.trend)
        if (f.value) return false;
    for (const auto& r : block.rows)
        if (r.scope.value) return false;
    return true;
}

/// Charts that read well half the page wide: a trend line, or a breakdown as horizontal bars (their
/// labels wrap). Two neighbours of the same sort stand side by side: with every chart full width a
/// municipality's report ran to 20-29 pages (reports.md: 8-16).
bool fits_a_column(const KpiBlock& block) {
    if (without_data(block)) return false;
    if (block.item.chart == ChartKind::trend) return true;
    return block.item.chart == ChartKind::bars; // drawn as horizontal bars (bar_chart_of)
}

bool side_by_side(const KpiBlock& left, const KpiBlock& right) {
    return left.item.chart == right.item.chart && fits_a_column(left) && fits_a_column(right);
}

/// The block with only its `pdf_top` highest rows, highest first (a row without a value last).
KpiBlock top_rows(const KpiBlock& block) {
    KpiBlock top = block;
    std::stable_sort(top.rows.begin(), top.rows.end(), [](const BreakdownRow& a, const BreakdownRow& b) {
        return a.scope.value.value_or(-1e300) > b.scope.value.value_or(-1e300);
    });
    top.rows.resize(static_cast<size_t>(block.item.pdf_top));
    return top;
}

/// A chart `width` wide, built once for its height and its drawing. The drawing runs when the page
/// is laid out, after the caller's data is gone: the block keeps its own chart.
PdfBlock chart_of(const std::string& title, std::string alt, BlockChart built, double width) {
    PdfBlock chart = chart_block(title, 0);
    chart.alt = std::move(alt);
    auto drawn = std::make_shared<const BlockChart>(std::move(built));
    chart.height = drawn->height(width);
    chart.draw = [drawn, width, h = chart.height](Canvas& canvas) { drawn->draw(canvas, width, h); };
    return chart;
}

/// A KPI's title, text and chart (or table) as blocks `width` wide.
void add_block(const ReportModel& model, const KpiBlock& block, std::vector<PdfBlock>& blocks,
               double width = pdf_text_width()) {
    if (without_data(block)) {
        blocks.push_back(subheading(block.item.title));
        blocks.push_back(paragraph(model.texts->fill("report.no_data", {{"scope", model.scope.name}})));
        return;
    }
    blocks.push_back(subheading(block.item.title));
    std::string text = block.item.explanation;
    const Texts& t = *model.texts;
    if (!block.item.unit.empty()) text += (text.empty() ? "" : " ") + t.fill("report.unit", {{"unit", block.item.unit}});
    if (block.item.breakdown.empty()) {
        const std::string counts = counts_text(block, block.value);
        // "– (Teller 0, noemer 0)" told the reader nothing: say why there is no figure.
        const bool nothing_to_count = !block.value.value && block.value.denominator && *block.value.denominator == 0;
        text += (text.empty() ? "" : " ") +
                (nothing_to_count ? t.fill("report.this_quarter_nothing_to_count")
                                  : t.fill("report.this_quarter", {{"figure", figure_text(block, block.value) +
                                                                                  (counts.empty() ? "" : " (" + counts + ")")}}));
    }
    if (!text.empty()) blocks.push_back(paragraph(text));
    for (const auto& note : block_explanations(model, block)) blocks.push_back(paragraph(note));
    if (block.item.chart != ChartKind::none) {
        const bool cut = block.item.pdf_top > 0 && block.rows.size() > static_cast<size_t>(block.item.pdf_top);
        const std::optional<KpiBlock> top = cut ? std::optional<KpiBlock>(top_rows(block)) : std::nullopt;
        const KpiBlock* shown = top ? &*top : &block;
        if (cut)
            blocks.push_back(paragraph(fill_pattern(block.item.pdf_top_note, {{"shown", std::to_string(shown->rows.size())},
                                                                              {"all", std::to_string(block.rows.size())}})));
        blocks.push_back(chart_of(block.item.title, chart_alt_text(model, *shown, AltValues::every_value),
                                  block_chart_of(model, *shown), width));
    }
    // reports.md: the PDF shows a table beside a chart only where the chart cannot show what the
    // reader needs; the exact figures of every chart are in the workbook and under the HTML chart.
    if (block.item.chart != ChartKind::none) return;
    if (block.item.breakdown.empty()) {
        auto header = trend_header(model);
        blocks.push_back(table(header, trend_rows(model, block), first_wide(header.size(), 0.2)));
    } else {
        auto header = breakdown_header(model, block);
        blocks.push_back(table(header, breakdown_rows(model, block), first_wide(header.size(), 0.46)));
    }
}

/// The development table's memory: its explanations of the report and its agreements, after the summary.
void add_agreements(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    const auto notes = report_explanations(model);
    if (model.agreements.empty() && notes.empty()) return;
    blocks.push_back(heading(model.texts->fill("report.agreements_heading")));
    for (const auto& n : notes) blocks.push_back(paragraph(n));
    if (model.agreements.empty()) return;
    blocks.push_back(paragraph(model.texts->fill("report.agreements_intro")));
    auto header = agreements_header();
    blocks.push_back(table(std::move(header), agreement_rows(model), {0.52, 0.2, 0.1, 0.18}));
}

/// The body counts the signals; the measures themselves are in the annex.
void add_signals(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    const Texts& t = *model.texts;
    blocks.push_back(subheading(t.fill("report.signals_heading")));
    if (model.signalled.empty()) {
        blocks.push_back(paragraph(t.fill("report.no_signals")));
        return;
    }
    blocks.push_back(paragraph(signal_counts_text(model) + ". " + t.fill("report.signal_definition")));
}

/// The annex: one row per measure with all its signals, pseudonymous ids only.
void add_signal_annex(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    if (model.signalled.empty()) return;
    blocks.push_back(heading(model.texts->fill("report.annex_heading")));
    blocks.push_back(paragraph(model.texts->fill("report.annex_intro", {{"scope", model.scope.name}})));
    PdfBlock t = table({"Maatregel", "Soort", "Begonnen", "Signalen"}, signal_rows(model), {0.2, 0.16, 0.18, 0.46});
    t.table.numeric.assign(4, false);
    blocks.push_back(std::move(t));
}

void add_comparisons(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    if (model.comparisons.empty()) return;
    blocks.push_back(heading(model.texts->fill("report.comparisons_heading")));
    blocks.push_back(paragraph(model.texts->fill("report.comparisons_intro", {{"quarter", format_quarter(model.quarter)}})));
    for (const auto& cmp : model.comparisons) {
        blocks.push_back(subheading(cmp.item.title));
        blocks.push_back(chart_of(cmp.item.title, comparison_alt_text(model, cmp, AltValues::every_value),
                                  {comparison_chart(model, cmp)}, pdf_text_width()));
    }
}

void add_transparency(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    if (model.scope.type != ScopeType::region) return;
    // The PDF shows one line per provider; the rows per intensity, profile and cell are in the
    // workbook and on the transparency page.
    const Texts& t = *model.texts;
    blocks.push_back(heading(t.fill("report.transparency_heading")));
    std::vector<std::vector<std::string>> rows;
    size_t providers = 0;
    for (const auto& r : model.transparency) {
        if (r.level != TransparencyLevel::provider) continue;
        ++providers;
        if (!transparency_publishable(r)) continue;
        // A provider's own row spans every profile and intensity: those two columns would read
        // "alle" on every line, and their room is what keeps the other headers and numbers whole.
        auto cells = transparency_cells(r);
        cells.erase(cells.begin() + 1, cells.begin() + 3);
        rows.push_back(std::move(cells));
    }
    blocks.push_back(paragraph(
        t.fill("report.transparency_intro", {{"quarter", format_quarter(model.quarter)}}) + " " +
        t.fill("report.transparency_pdf_rows", {{"shown", std::to_string(rows.size())}, {"providers", std::to_string(providers)}}) +
        " " + t.fill("report.transparency_legend")));
    if (rows.empty()) return;
    auto header = transparency_header(model);
    header.erase(header.begin() + 1, header.begin() + 3);
    PdfBlock cells = table(std::move(header), std::move(rows), {0.19, 0.07, 0.07, 0.08, 0.07, 0.1, 0.08, 0.11, 0.1, 0.13});
    cells.table.font_size = 7; // ten columns on a portrait page
    blocks.push_back(std::move(cells));
    blocks.push_back(paragraph(suppression_note()));
}

void add_account(const ReportModel& model, std::vector<PdfBlock>& blocks) {
    const Texts& t = *model.texts;
    blocks.push_back(heading(t.fill("report.account_heading")));
    blocks.push_back(paragraph(account_of_data(model) + " " + t.fill("report.account_files")));
    blocks.push_back(paragraph(t.fill("report.account_method")));
    blocks.push_back(paragraph(t.fill("report.internal_document")));
}

} // namespace

PdfDocument pdf_document_of(const ReportModel& model) {
    PdfDocument doc;
    doc.title_page = {model.title, model.subtitle, scope_title(model.scope), cover_lines(model)};
    doc.title_page.lines.push_back(model.texts->fill("report.internal_cover"));
    doc.running_header = model.title + " · " + scope_title(model.scope) + " · " + format_quarter(model.quarter) +
                         " (" + format_quarter_period(model.quarter) + ")";
    doc.metadata = {document_title(model), model.subtitle + ", " + format_quarter(model.quarter), model.author,
                    "jeugdhulp; jeugdbescherming; " + model.scope.code + "; " + model.quarter.code(),
                    model.delivered_on.empty() ? format_iso_date(model.quarter.last_day()) : model.delivered_on};
    add_summary(model, doc.blocks);
    add_agreements(model, doc.blocks);
    for (const auto& section : model.sections) {
        doc.blocks.push_back(heading(section.title));
        if (!section.intro.empty()) doc.blocks.push_back(paragraph(section.intro));
        for (size_t b = 0; b < section.blocks.size(); ++b) {
            const KpiBlock& block = section.blocks[b];
            if (b + 1 < section.blocks.size() && side_by_side(block, section.blocks[b + 1])) {
                std::vector<std::vector<PdfBlock>> pair(2);
                add_block(model, block, pair[0], pdf_column_width(2));
                add_block(model, section.blocks[++b], pair[1], pdf_column_width(2));
                doc.blocks.push_back(columns_block(std::move(pair)));
            } else {
                add_block(model, block, doc.blocks);
            }
        }
        if (section.signals && model.scope.type == ScopeType::municipality) add_signals(model, doc.blocks);
    }
    add_comparisons(model, doc.blocks);
    add_transparency(model, doc.blocks);
    add_account(model, doc.blocks);
    doc.annex_start = doc.blocks.size();
    if (model.scope.type == ScopeType::municipality) add_signal_annex(model, doc.blocks);
    return doc;
}

std::string render_report_pdf(const ReportModel& model) { return render_pdf(pdf_document_of(model)); }

} // namespace ss
