#include "render/transparency_page.hpp"

#include <kainjow/mustache.hpp>

#include "core/errors.hpp"
#include "core/slug.hpp"
#include "format/dutch.hpp"
#include "render/content_security.hpp"
#include "render/html_data.hpp"
#include "report/figure_text.hpp"
#include "report/publication.hpp"
#include "report/report_text.hpp"
#include "report/transparency_table.hpp"

namespace ss {

namespace {

using kainjow::mustache::data;
using kainjow::mustache::mustache;
using namespace html;

bool has_marker(const std::vector<std::string>& cells) {
    for (const auto& c : cells)
        if (c == "*" || c == "<5") return true;
    return false;
}

/// One provider: its line, and its parts with a label that names the provider for screen readers.
data provider_data(const ProviderRows& provider, bool& marked) {
    data p;
    p.set("name", provider.provider_name);
    p.set("search", lower_ascii(provider.provider_name));
    const auto cells = provider.total ? transparency_values(*provider.total) : std::vector<std::string>{};
    marked = marked || has_marker(cells);
    move_into(p, "cells", text_list(cells));
    data parts{data::type::list};
    for (const TransparencyRow* row : provider.parts) {
        data part;
        part.set("label", transparency_row_label(*row));
        const auto values = transparency_values(*row);
        marked = marked || has_marker(values);
        move_into(part, "cells", text_list(values));
        move_back(parts, std::move(part));
    }
    move_into(p, "parts", std::move(parts));
    p.set("part_count", std::to_string(provider.parts.size()));
    return p;
}

/// The words for the codes: each intensity that occurs, each profile the region has named.
data explained(const ReportModel& model, const char* dimension, const char* descriptions) {
    data list{data::type::list};
    if (!model.labels) return list;
    const auto found = model.labels->find(descriptions);
    if (found == model.labels->end()) return list;
    for (const auto& [code, description] : found->second) {
        data item;
        item.set("term", code_label(*model.labels, dimension, code));
        item.set("description", description);
        move_back(list, std::move(item));
    }
    return list;
}

} // namespace

std::string render_transparency_html(const ReportModel& model, const HtmlTemplates& templates) {
    require_published(model, "transparency page");
    mustache page{templates.transparency};
    if (!page.is_valid()) throw InputError("templates/html/transparency.mustache: " + page.error_message());
    const Texts& t = *model.texts;
    const TransparencyTable table = transparency_table(model.transparency);
    data d;
    d.set("title", t.fill("report.transparency_page_title", {{"region", model.scope.name}, {"quarter", format_quarter(model.quarter)}}));
    d.set("css", templates.tables_css);
    d.set("quarter_name", format_quarter(model.quarter));
    d.set("region_name", model.scope.name);
    d.set("lines", text_list(cover_lines(model)));
    d.set("intro", text_list({t.fill("report.transparency_intro", {{"quarter", format_quarter(model.quarter)}}),
                              t.fill("report.transparency_page_rows")}));
    d.set("search_label", t.fill("transparency.search_label"));
    d.set("caption", t.fill("transparency.providers_caption", {{"providers", std::to_string(table.providers.size())}}));
    std::vector<std::string> header{"Aanbieder"};
    for (auto& h : transparency_value_header(model)) header.push_back(std::move(h));
    d.set("header", text_list(header));
    bool marked = false;
    data providers{data::type::list};
    for (const auto& p : table.providers) move_back(providers, provider_data(p, marked));
    move_into(d, "providers", std::move(providers));
    if (marked) d.set("suppression_note", std::string(suppression_note()));
    std::vector<std::vector<std::string>> region_rows;
    for (const TransparencyRow* row : table.region) {
        region_rows.push_back({transparency_row_label(*row)});
        for (auto& v : transparency_values(*row)) region_rows.back().push_back(std::move(v));
    }
    header.front() = "Uitsplitsing";
    d.set("region_intro", t.fill("transparency.region_intro"));
    d.set("region_table", TableHtml(templates)(table_data(t.fill("transparency.region_caption"), header, region_rows)));
    d.set("how_to_read_heading", t.fill("transparency.how_to_read_heading"));
    d.set("legend", t.fill("report.transparency_legend"));
    d.set("intensities", t.fill("transparency.intensities"));
    data intensity_terms = explained(model, "intensity", "intensity_explained");
    d.set("has_intensity_terms", !intensity_terms.is_empty_list());
    move_into(d, "intensity_terms", std::move(intensity_terms));
    d.set("profiles", t.fill("transparency.profiles"));
    data profile_terms = explained(model, "profile", "profile");
    d.set("has_profile_terms", !profile_terms.is_empty_list());
    move_into(d, "profile_terms", std::move(profile_terms));
    d.set("table_script", table_script_partial(templates));
    return with_content_security_policy(page.render(d));
}

} // namespace ss
