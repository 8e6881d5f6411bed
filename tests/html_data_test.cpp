// The Mustache data of the pages: nested data moved into place in order (not copied), and tables
// written with table.mustache parsed once, each from its own data only.
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/errors.hpp"
#include "render/html_data.hpp"

using namespace ss;
using namespace ss::html;
using kainjow::mustache::mustache;

TEST_CASE("html data: a list grown by move_back keeps its items in order, nested data whole") {
    data list{data::type::list};
    for (int i = 0; i < 100; ++i) { // past several of the list's growths
        data item;
        item.set("n", std::to_string(i));
        move_into(item, "cells", text_list({"a" + std::to_string(i), "b"}));
        move_back(list, std::move(item));
    }
    data page;
    move_into(page, "items", std::move(list));
    const std::string html = mustache{"{{#items}}{{n}}:{{#cells}}{{.}}{{/cells}};{{/items}}"}.render(page);
    CHECK(html.substr(0, 20) == "0:a0b;1:a1b;2:a2b;3:");
    CHECK(html.find("99:a99b;") == html.size() - 8);

    move_into(page, "items", data{std::string("weer")}); // replaces, as set does
    CHECK(mustache{"{{items}}"}.render(page) == "weer");
}

TEST_CASE("html data: moving into data of the wrong kind is a bug, not silence") {
    data list{data::type::list};
    data object;
    CHECK_THROWS_AS(move_into(list, "x", data{std::string("y")}), std::logic_error);
    CHECK_THROWS_AS(move_back(object, data{std::string("y")}), std::logic_error);
}

TEST_CASE("html data: a table is written from its own data, its note only for its own markers") {
    HtmlTemplates templates;
    templates.table = "<table><caption>{{caption}}</caption>{{#header}}<th>{{.}}</th>{{/header}}"
                      "{{#rows}}<tr><th>{{label}}</th>{{#cells}}<td>{{.}}</td>{{/cells}}</tr>{{/rows}}</table>"
                      "{{#suppression_note}}<p>{{suppression_note}}</p>{{/suppression_note}}\n";
    TableHtml tables(templates);
    const std::string plain = tables(table_data("Cijfers: A & B", {"", "K1 2025"}, {{"Dordrecht", "12"}}));
    CHECK(plain == "<table><caption>Cijfers: A &amp; B</caption><th></th><th>K1 2025</th>"
                   "<tr><th>Dordrecht</th><td>12</td></tr></table>"); // the final line break is the page's
    const std::string marked = tables(table_data("C", {"", "K1 2025"}, {{"Dordrecht", "<5"}}));
    CHECK(marked.find("<td>&lt;5</td>") != std::string::npos);
    CHECK(marked.find("<p>&lt;5: minder dan vijf") != std::string::npos);
}

TEST_CASE("html data: a broken table template is named in the error") {
    HtmlTemplates templates;
    templates.table = "{{#rows}}<tr>";
    try {
        TableHtml tables(templates);
        FAIL("a broken table template was accepted");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("templates/html/table.mustache") == 0);
    }
}
