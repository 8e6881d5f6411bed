#include "render/html_data.hpp"

#include "report/figure_text.hpp"

namespace ss::html {

data text_list(const std::vector<std::string>& items) {
    data list{data::type::list};
    for (const auto& i : items) list.push_back(data{i});
    return list;
}

data table_data(const std::string& caption, const std::vector<std::string>& header,
                const std::vector<std::vector<std::string>>& rows, const CellClasses* classes) {
    data t;
    t.set("caption", caption);
    // Set, so that a table without an id never finds its section's id in the enclosing context.
    t.set("id", false);
    t.set("header", text_list(header));
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
                cells.push_back(cell);
            }
            row.set("styled_cells", cells);
        } else {
            row.set("cells", text_list(std::vector<std::string>(r.begin() + (r.empty() ? 0 : 1), r.end())));
        }
        list.push_back(row);
        for (const auto& c : r) suppressed = suppressed || c == "<5" || c == "*";
    }
    t.set("rows", list);
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
        list.push_back(link);
    }
    return list;
}

std::string chart_svg(const ChartDrawing& draw, double width, double height, const std::string& anchor) {
    std::string svg = draw_svg(draw, width, height, anchor);
    const size_t tag = svg.find("<svg");
    if (tag != std::string::npos) svg.insert(tag + 4, " aria-hidden=\"true\"");
    return svg;
}

kainjow::mustache::partial table_partial(const HtmlTemplates& templates) {
    return kainjow::mustache::partial{[t = templates.table]() { return t; }};
}

kainjow::mustache::partial table_script_partial(const HtmlTemplates& templates) {
    return kainjow::mustache::partial{[t = templates.table_script]() { return t; }};
}

} // namespace ss::html
