#include "render/html_data.hpp"

#include <stdexcept>

#include "core/errors.hpp"
#include "report/figure_text.hpp"

namespace ss::html {

// `get` and `list_value` only lend const access to data the parent owns, so the const_casts are
// sound. An object's slot is made with a cheap placeholder and then move-assigned.
void move_into(data& parent, const std::string& name, data&& value) {
    if (!parent.is_object()) throw std::logic_error("move_into: the Mustache data '" + name + "' is put into is no object");
    parent.set(name, data{false});
    const_cast<data&>(*parent.get(name)) = std::move(value);
}

// kainjow's move constructor is not noexcept, so a growing std::vector would copy every element
// whole when it reallocates: the elements are moved out and back around the growth instead.
void move_back(data& list, data&& value) {
    if (!list.is_list()) throw std::logic_error("move_back: the Mustache data is no list");
    auto& items = const_cast<kainjow::mustache::list&>(list.list_value());
    if (items.size() == items.capacity()) {
        kainjow::mustache::list held;
        held.reserve(items.size());
        for (auto& item : items) held.emplace_back(std::move(item));
        items.clear();
        items.reserve(2 * held.size() + 4);
        for (auto& item : held) items.emplace_back(std::move(item));
    }
    items.emplace_back(std::move(value));
}

data text_list(const std::vector<std::string>& items) {
    data list{data::type::list};
    for (const auto& i : items) move_back(list, data{i});
    return list;
}

data table_data(const std::string& caption, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, const CellClasses* classes) {
    data t;
    t.set("caption", caption);
    // Set, so that a table without an id never finds its section's id in the enclosing context.
    t.set("id", false);
    move_into(t, "header", text_list(header));
    data list{data::type::list};
    bool suppressed = false;
    for (size_t n = 0; n < rows.size(); ++n) {
        const auto& r = rows[n];
        data row;
        row.set("label", r.empty() ? std::string() : r.front());
        if (classes) {
            // Only such tables pay for a Mustache object per cell.
            data cells{data::type::list};
            for (size_t i = 1; i < r.size(); ++i) {
                data cell;
                cell.set("text", r[i]);
                if (n < classes->size())
                    if (const auto c = (*classes)[n].find(i); c != (*classes)[n].end()) cell.set("class", c->second);
                move_back(cells, std::move(cell));
            }
            move_into(row, "styled_cells", std::move(cells));
        } else {
            move_into(row, "cells", text_list(std::vector<std::string>(r.begin() + (r.empty() ? 0 : 1), r.end())));
        }
        move_back(list, std::move(row));
        for (const auto& c : r) suppressed = suppressed || c == "<5" || c == "*";
    }
    move_into(t, "rows", std::move(list));
    if (suppressed) t.set("suppression_note", std::string(suppression_note()));
    return t;
}

data downloads_data(const std::vector<HtmlLink>& links) {
    data list{data::type::list};
    for (size_t i = 0; i < links.size(); ++i) {
        data link;
        link.set("href", links[i].href);
        link.set("label", links[i].label);
        link.set("last", i + 1 == links.size());
        move_back(list, std::move(link));
    }
    return list;
}

std::string chart_svg(const ChartDrawing& draw, double width, double height, const std::string& anchor) {
    std::string svg = draw_svg(draw, width, height, anchor);
    const size_t tag = svg.find("<svg");
    if (tag != std::string::npos) svg.insert(tag + 4, " aria-hidden=\"true\"");
    return svg;
}

TableHtml::TableHtml(const HtmlTemplates& templates) : template_(templates.table) {
    if (!template_.is_valid()) throw InputError("templates/html/table.mustache: " + template_.error_message());
}

std::string TableHtml::operator()(const data& table) {
    std::string html = template_.render(table);
    if (!template_.is_valid()) throw InputError("templates/html/table.mustache: " + template_.error_message());
    // The page's template ends the line after `{{{table}}}` itself, as it did after a partial.
    if (!html.empty() && html.back() == '\n') html.pop_back();
    return html;
}

kainjow::mustache::partial table_script_partial(const HtmlTemplates& templates) {
    return kainjow::mustache::partial{[t = templates.table_script]() { return t; }};
}

} // namespace ss::html
