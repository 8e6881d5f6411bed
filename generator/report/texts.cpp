#include "report/texts.hpp"

#include <stdexcept>

#include "core/errors.hpp"
#include "core/json_text.hpp"
#include "core/text_file.hpp"
#include "core/text_pattern.hpp"

namespace ss {

const std::vector<std::string_view>& text_ids() {
    static const std::vector<std::string_view> ids{
        "delivered_on", "chart_table_caption", "table_caption",
        "report.internal_cover", "report.summary_heading", "report.summary_intro", "report.region_beside",
        "report.attention_heading", "report.no_attention_points", "report.no_data", "report.unit",
        "report.this_quarter", "report.this_quarter_nothing_to_count", "report.agreements_heading",
        "report.agreements_intro", "report.explanation", "report.signals_heading", "report.no_signals",
        "report.signal_definition", "report.annex_heading", "report.annex_intro", "report.comparisons_heading",
        "report.comparisons_intro", "report.transparency_heading", "report.transparency_intro",
        "report.transparency_pdf_rows", "report.transparency_page_rows", "report.transparency_legend",
        "report.transparency_page_title", "transparency.search_label", "transparency.providers_caption",
        "transparency.region_caption", "transparency.region_intro", "transparency.how_to_read_heading",
        "transparency.intensities", "transparency.profiles", "report.account_heading", "report.account_data", "report.account_on_date",
        "report.account_files", "report.account_method", "report.internal_document", "report.internal_page",
        "report.public_page", "report.workbook_comments", "report.provisional_remark",
        "gi.internal_cover", "gi.overview_heading", "gi.overview_intro", "gi.overview_caption",
        "gi.funnels_heading", "gi.funnels_intro", "gi.not_shown", "gi.not_judged", "gi.position_not_judged",
        "gi.about_heading", "gi.about", "gi.workbook_comments",
        "index.title", "overview.title", "overview.heading", "overview.intro", "overview.caption",
        "link.report_pdf", "link.report_xlsx", "link.kpis_csv", "link.public_csv", "link.public_json",
        "link.letter_page", "link.letter_pdf", "link.letter_pdf_short", "link.gi_page", "link.gi_pdf",
        "link.gi_xlsx", "link.region", "link.overview",
        "mail.subject",
    };
    return ids;
}

Texts Texts::parse(std::string_view file_name, std::string_view json_text) {
    const std::string file(file_name);
    const auto j = parse_json_text(file, json_text);
    if (!j.is_object()) throw InputError(file + ": must be a JSON object of texts by id");
    Texts texts;
    for (const auto& [id, text] : j.items()) {
        if (!text.is_string()) throw InputError(file + ": '" + id + "' must be a text");
        texts.texts_.emplace(id, text.get<std::string>());
    }
    for (const auto id : text_ids())
        if (!texts.texts_.count(id))
            throw InputError(file + ": the text '" + std::string(id) + "' is missing; copy it from the texts.json of this version");
    return texts;
}

Texts Texts::load(const std::filesystem::path& file) {
    return parse(file.filename().string(), read_text_file(file, "texts"));
}

std::string Texts::fill(std::string_view id, const TextGaps& gaps) const {
    const auto text = texts_.find(id);
    // parse() checked every id of text_ids(); an id outside that list is a mistake in the code.
    if (text == texts_.end()) throw std::logic_error("texts.json: no text '" + std::string(id) + "' (add it to text_ids())");
    return fill_pattern(text->second, gaps);
}

} // namespace ss
