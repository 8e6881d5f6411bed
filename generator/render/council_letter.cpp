#include "render/council_letter.hpp"

#include <kainjow/mustache.hpp>

#include "core/errors.hpp"
#include "render/html_data.hpp"
#include "format/dutch.hpp"
#include "report/council_sentences.hpp"
#include "report/publication.hpp"
#include "report/report_text.hpp"

namespace ss {

namespace {

using kainjow::mustache::mustache;
using namespace html;

std::string direction_word(const ReportModel& model, const KpiBlock& b) {
    const ShownFigure now = show_figure(b.value, b.item.style, b.item.decimals);
    const ShownFigure before = show_figure(b.year_ago, b.item.style, b.item.decimals);
    if (b.value.provisional) return "voorlopig";
    if (!now.value || !before.value || !b.change) return "–";
    if (now.text == before.text) return code_label(*model.labels, "change", "same");
    return change_text(model, b);
}

} // namespace

CouncilLetter council_letter_of(const ReportModel& model) {
    CouncilLetter letter;
    letter.title = model.title + " " + scope_title(model.scope);
    letter.heading = {"Onderwerp: " + model.subtitle + ", " + format_quarter(model.quarter),
                      "Periode: " + format_quarter_period(model.quarter)};
    if (!model.delivered_on.empty())
        letter.heading.push_back("Gegevens aangeleverd op " + format_long_date(model.delivered_on));
    // The first two paragraphs open the letter; the rest close it.
    for (size_t i = 0; i < model.paragraphs.size(); ++i)
        (i < 2 ? letter.opening : letter.closing).push_back(model.paragraphs[i]);
    letter.table_header = {"Kerncijfer", short_quarter_label(model.quarter),
                           short_quarter_label(Quarter{model.quarter.year - 1, model.quarter.q}), "Richting",
                           "Regio"};
    const std::string region = model.scope.type == "municipality" ? model.scope.region_name : "";
    for (const KpiBlock* b : headline_blocks(model)) {
        letter.table_rows.push_back({b->item.title + (b->item.unit.empty() ? "" : " (" + b->item.unit + ")"),
                                     figure_text(*b, b->value), figure_text(*b, b->year_ago),
                                     direction_word(model, *b), figure_text(*b, b->region)});
        letter.sentences.push_back(council_sentence(*b, model.sentences, region));
    }
    return letter;
}

PdfDocument council_pdf_document(const ReportModel& model) {
    const CouncilLetter letter = council_letter_of(model);
    PdfDocument doc;
    doc.letter = true;
    doc.running_header = letter.title + " · " + format_quarter(model.quarter);
    doc.metadata = {letter.title + ", " + format_quarter(model.quarter), model.subtitle, model.author,
                    "raadsinformatiebrief; jeugdhulp; jeugdbescherming; " + model.scope.code,
                    model.delivered_on.empty() ? format_iso_date(model.quarter.last_day()) : model.delivered_on};
    auto add = [&](PdfBlock::Kind kind, const std::string& text) { doc.blocks.push_back({kind, text, {}, 0, {}}); };
    add(PdfBlock::Kind::heading, letter.title);
    for (const auto& line : letter.heading) add(PdfBlock::Kind::note, line);
    for (const auto& p : letter.opening) add(PdfBlock::Kind::paragraph, p);
    PdfBlock table{PdfBlock::Kind::table, "", {}, 0, {}};
    table.table = {letter.table_header, letter.table_rows, {0.44, 0.13, 0.13, 0.15, 0.15}, {false, true, true, false, true}};
    doc.blocks.push_back(std::move(table));
    add(PdfBlock::Kind::subheading, "Wat zeggen de cijfers?");
    for (const auto& s : letter.sentences) add(PdfBlock::Kind::paragraph, "• " + s);
    for (const auto& p : letter.closing) add(PdfBlock::Kind::paragraph, p);
    return doc;
}

std::string render_council_pdf(const ReportModel& model) {
    require_published(model, "council letter");
    return render_pdf(council_pdf_document(model));
}

std::string render_council_html(const ReportModel& model, const HtmlTemplates& templates, const HtmlLinks& links) {
    require_published(model, "council letter");
    const CouncilLetter letter = council_letter_of(model);
    mustache page{templates.council};
    if (!page.is_valid()) throw InputError("templates/html/council.mustache: " + page.error_message());
    data d;
    d.set("title", letter.title + ", " + format_quarter(model.quarter));
    d.set("css", templates.css);
    d.set("heading", letter.title);
    d.set("lines", text_list(letter.heading));
    d.set("opening", text_list(letter.opening));
    d.set("closing", text_list(letter.closing));
    d.set("sentences", text_list(letter.sentences));
    d.set("figures", table_data("Zes kerncijfers", letter.table_header, letter.table_rows));
    d.set("table", table_partial(templates));
    d.set("quarter_name", format_quarter(model.quarter));
    d.set("downloads", downloads_data(links.downloads));
    return page.render(d);
}

} // namespace ss
