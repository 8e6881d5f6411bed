#include "render/council_letter.hpp"

#include <kainjow/mustache.hpp>

#include "core/errors.hpp"
#include "core/text_pattern.hpp"
#include "render/content_security.hpp"
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

std::string filled(const ReportModel& model, const std::string& text) {
    return fill_pattern(text, {{"municipality", model.scope.name},
                               {"region_name", model.scope.region_name},
                               {"quarter", format_quarter(model.quarter)}});
}

CouncilLetter council_letter_of(const ReportModel& model) {
    CouncilLetter letter;
    letter.title = model.title + " " + scope_title(model.scope);
    auto field = [&](const std::string& name, const std::string& value) {
        if (!value.empty()) letter.fields.emplace_back(name, value);
    };
    field("Gemeente", model.scope.name);
    field("Datum", model.council.date.empty() ? "" : format_long_date(model.council.date));
    field("Kenmerk", model.council.kenmerk);
    field("Onderwerp", model.subtitle + ", " + format_quarter(model.quarter));
    field("Portefeuillehouder", model.council.portfolio_holder);
    field("Contactpersoon", model.council.contact);
    field("Periode", format_quarter_period(model.quarter));
    field("Gegevens", model.delivered_on.empty() ? "" : "aangeleverd op " + format_long_date(model.delivered_on));
    letter.salutation = model.letter.salutation;

    letter.table_header = {"Kerncijfer", short_quarter_label(model.quarter),
                           short_quarter_label(Quarter{model.quarter.year - 1, model.quarter.q}), "Richting",
                           "Regio"};
    const std::string region = model.scope.type == ScopeType::municipality ? model.scope.region_name : "";
    std::vector<std::string> meanings;
    const auto blocks = headline_blocks(model);
    for (const KpiBlock* b : blocks) {
        letter.table_rows.push_back({b->item.title + (b->item.unit.empty() ? "" : " (" + b->item.unit + ")"),
                                     figure_text(*b, b->value), figure_text(*b, b->year_ago),
                                     direction_word(model, *b), figure_text(*b, b->region)});
        meanings.push_back(council_sentence(*b, model.sentences, region));
    }
    for (const auto& section : model.letter.sections) {
        LetterPart part{section.title, {}, section.content == LetterSection::Content::figures, {}};
        for (const auto& p : section.paragraphs) part.paragraphs.push_back(filled(model, p));
        if (section.content == LetterSection::Content::key_message) part.bullets = key_message(blocks, model.letter);
        if (section.content == LetterSection::Content::meaning) part.bullets = meanings;
        letter.parts.push_back(std::move(part));
    }
    // Whom to ask is said only when the settings name someone: never invented.
    if (!model.council.contact.empty() && !model.letter.contact_sentence.empty() && !letter.parts.empty())
        letter.parts.back().paragraphs.push_back(fill_pattern(model.letter.contact_sentence, {{"contact", model.council.contact}}));
    for (const auto& line : model.letter.closing) letter.closing.push_back(filled(model, line));
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
    auto add = [&](PdfBlock::Kind kind, const std::string& text) { doc.blocks.push_back(text_block(kind, text)); };
    add(PdfBlock::Kind::heading, letter.title);
    for (const auto& [name, value] : letter.fields) add(PdfBlock::Kind::note, name + ": " + value);
    add(PdfBlock::Kind::paragraph, letter.salutation);
    for (const auto& part : letter.parts) {
        add(PdfBlock::Kind::subheading, part.title);
        for (const auto& p : part.paragraphs) add(PdfBlock::Kind::paragraph, p);
        for (const auto& b : part.bullets) add(PdfBlock::Kind::paragraph, "• " + b);
        if (part.figures) {
            PdfBlock table = table_block();
            table.table = {letter.table_header, letter.table_rows, {0.44, 0.13, 0.13, 0.15, 0.15}, {false, true, true, false, true}};
            doc.blocks.push_back(std::move(table));
        }
    }
    for (const auto& line : letter.closing) add(PdfBlock::Kind::paragraph, line);
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
    TableHtml tables(templates);
    data d;
    d.set("title", letter.title + ", " + format_quarter(model.quarter));
    d.set("css", templates.letter_css);
    d.set("heading", letter.title);
    data fields{data::type::list};
    for (const auto& [name, value] : letter.fields) {
        data f;
        f.set("name", name);
        f.set("value", value);
        fields.push_back(f);
    }
    d.set("fields", fields);
    d.set("salutation", letter.salutation);
    data parts{data::type::list};
    for (const auto& part : letter.parts) {
        data p;
        p.set("title", part.title);
        p.set("paragraphs", text_list(part.paragraphs));
        p.set("bullets", text_list(part.bullets));
        p.set("has_bullets", !part.bullets.empty());
        if (part.figures) p.set("figures", tables(table_data("Zes kerncijfers", letter.table_header, letter.table_rows)));
        parts.push_back(p);
    }
    d.set("parts", parts);
    d.set("closing", text_list(letter.closing));
    d.set("quarter_name", format_quarter(model.quarter));
    d.set("downloads", downloads_data(links.downloads));
    return with_content_security_policy(page.render(d));
}

} // namespace ss
