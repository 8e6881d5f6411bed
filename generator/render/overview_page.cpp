#include "render/overview_page.hpp"

#include <kainjow/mustache.hpp>

#include "core/errors.hpp"
#include "core/slug.hpp"
#include "format/dutch.hpp"
#include "render/content_security.hpp"
#include "render/html_data.hpp"

namespace ss {

using kainjow::mustache::data;
using kainjow::mustache::mustache;

std::string render_overview_html(const NationalOverview& overview, const HtmlTemplates& templates, const Texts& texts) {
    mustache page{templates.overview};
    if (!page.is_valid()) throw InputError("templates/html/overview.mustache: " + page.error_message());
    const std::string quarter = format_quarter(overview.quarter);
    data d;
    d.set("title", texts.fill("overview.title", {{"quarter", quarter}}));
    d.set("heading", texts.fill("overview.heading"));
    d.set("css", templates.tables_css);
    d.set("quarter_name", quarter);
    d.set("period", format_quarter_period(overview.quarter));
    d.set("intro", html::text_list({texts.fill("overview.intro", {{"quarter", quarter}})}));
    d.set("caption", texts.fill("overview.caption", {{"quarter", quarter}}));
    d.set("columns", html::text_list(overview.columns));
    bool marked = false;
    data regions{data::type::list};
    for (const auto& r : overview.regions) {
        data region;
        region.set("name", r.name);
        region.set("search", lower_ascii(r.name));
        region.set("href", r.href);
        html::move_into(region, "cells", html::text_list(r.cells));
        for (const auto& c : r.cells) marked = marked || c == "*" || c == "<5";
        html::move_back(regions, std::move(region));
    }
    html::move_into(d, "regions", std::move(regions));
    if (marked) d.set("suppression_note", std::string(suppression_note()));
    d.set("table_script", html::table_script_partial(templates));
    return with_content_security_policy(page.render(d));
}

} // namespace ss
