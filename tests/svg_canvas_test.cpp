// The SVG canvas: text as <text> with the anchor the chart asked for, escaped; clip ids kept
// apart per chart; tooltips as <title>; label wrapping and shortening shared by every canvas.
#include <doctest/doctest.h>

#include "chart/chart_text.hpp"
#include "chart/svg_canvas.hpp"

using namespace ss;

TEST_CASE("svg canvas: text keeps its anchor and is escaped; font, anchors and named colours are the page's classes") {
    SvgCanvas canvas(200, 100, "c1");
    canvas.set_colour(text_colour, 1.0);
    canvas.text("Jeugd & <gezin>", 10, 20, Anchor::right, true);
    canvas.set_colour(muted_colour, 1.0);
    canvas.text("K3 2025", 50, 20, Anchor::centre, false);
    const std::string svg = canvas.finish();
    CHECK(svg.rfind("<svg class=\"chart\" viewBox=\"0 0 200 100\">", 0) == 0); // inline: no xmlns
    CHECK(svg.find(">Jeugd &amp; &lt;gezin&gt;</text>") != std::string::npos);
    CHECK(svg.find("class=\"e b\">Jeugd") != std::string::npos);
    CHECK(svg.find("class=\"c fm\">K3 2025</text>") != std::string::npos);
    CHECK(svg.find("font") == std::string::npos); // the font comes from the page
    CHECK(svg.substr(svg.size() - 6) == "</svg>");
    // The page's style sheet defines every class the canvas writes.
    const std::string css = chart_style_sheet();
    for (const char* rule : {"svg.chart{font-family:'DejaVu Sans'", "font-size:8px", "svg.chart .c{text-anchor:middle}",
                             "svg.chart .e{text-anchor:end}", "svg.chart .b{font-weight:bold}", "svg.chart .fm{fill:#666666}",
                             "svg.chart .sg{stroke:#d9d9d9}", "svg.chart .f0{fill:#0072b2}", "svg.chart path{fill:none}",
                             "svg.chart .lh{stroke-width:0.5}", "svg.chart .dd{stroke-dasharray:4 2.5}"})
        CHECK_MESSAGE(css.find(rule) != std::string::npos, std::string(rule));
}

TEST_CASE("svg canvas: the text's baseline lies below its middle by the font's measure") {
    SvgCanvas canvas(100, 100, "c");
    canvas.text("Doel", 0, 50, Anchor::left, false);
    const std::string svg = canvas.finish();
    const Extent e = chart_text::measure_text("Doel");
    CHECK(e.height > 8);
    CHECK(e.baseline > 0);
    CHECK(e.baseline < e.height);
    const size_t y = svg.find("<text x=\"0\" y=\"");
    REQUIRE(y != std::string::npos);
    const double baseline = std::stod(svg.substr(y + 15));
    CHECK(baseline == doctest::Approx(50 - e.height / 2 + e.baseline).epsilon(0.01));
}

TEST_CASE("svg canvas: level and upright segments as H and V, slanting ones as L, each from the point before") {
    SvgCanvas canvas(100, 100, "c");
    canvas.set_colour(palette[1], 1.0);
    canvas.move_to(10, 20);
    canvas.line_to(30, 20.01); // the same y as written
    canvas.line_to(30, 50);
    canvas.line_to(40.26, 60);
    canvas.line_to(40.26, 70);
    canvas.stroke();
    CHECK(canvas.finish().find("<path d=\"M10 20H30V50L40.3 60V70\" class=\"s1\"/>") != std::string::npos);
}

TEST_CASE("svg canvas: text on whole units") {
    SvgCanvas canvas(100, 100, "c");
    canvas.text("10", 19.6, 40.2, Anchor::right, false);
    const std::string svg = canvas.finish();
    CHECK(svg.find("<text x=\"20\" y=\"") != std::string::npos);
    const size_t y = svg.find("y=\"", svg.find("<text"));
    CHECK(svg.substr(y + 3, svg.find('"', y + 3) - y - 3).find('.') == std::string::npos);
}

TEST_CASE("svg canvas: paths, rectangles, dashes and transparency; a colour or width outside the named ones as an attribute") {
    SvgCanvas canvas(100, 100, "c");
    canvas.set_colour(palette[0], 0.25);
    canvas.set_line(1.5, {4, 2.5});
    canvas.move_to(0, 10);
    canvas.line_to(33.333, 10);
    canvas.stroke();
    canvas.set_colour(palette[2], 1.0);
    canvas.fill_rectangle(1, 2, 3, 4);
    const std::string svg = canvas.finish();
    CHECK(svg.find("<path d=\"M0 10H33.3\" class=\"dd s0\" stroke-opacity=\"0.25\" stroke-width=\"1.5\"/>") !=
          std::string::npos); // the dashes by name, the width (not one of the charts') as it is
    CHECK(svg.find("<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" class=\"f2\"/>") != std::string::npos);
    SvgCanvas other(10, 10, "o");
    other.set_colour({0.1, 0.2, 0.3}, 1.0);
    other.fill_rectangle(0, 0, 1, 1);
    CHECK(other.finish().find("fill=\"#1a334d\"") != std::string::npos);
}

TEST_CASE("svg canvas: grid lines of one style become one path, their labels after it in one styled group") {
    SvgCanvas canvas(100, 100, "c");
    for (int i = 0; i < 3; ++i) {
        canvas.set_colour(grid_colour, 1.0);
        canvas.set_line(0.5, {});
        canvas.move_to(0, 10 * i);
        canvas.line_to(100, 10 * i);
        canvas.stroke();
        canvas.set_colour(muted_colour, 1.0);
        canvas.text(std::to_string(10 * i), 0, 10 * i, Anchor::right, false);
    }
    canvas.set_colour(palette[0], 1.0);
    canvas.fill_rectangle(5, 5, 10, 10);
    const std::string svg = canvas.finish();
    CHECK(svg.find("<path d=\"M0 0H100M0 10H100M0 20H100\" class=\"lh sg\"/>"
                   "<g class=\"e fm\"><text x=\"0\"") != std::string::npos); // the labels' style once
    CHECK(svg.find("<path", svg.find("<path") + 1) == std::string::npos); // one path
    CHECK(svg.find(">20</text></g><rect") != std::string::npos);      // labels, then the bar over them
    CHECK(svg.find("<text x=\"0\" y=\"") != std::string::npos);
}

TEST_CASE("svg canvas: a label of its own style keeps it; a change of style starts a new group") {
    SvgCanvas canvas(100, 100, "c");
    canvas.set_colour(text_colour, 1.0);
    canvas.text("a", 10, 10, Anchor::centre, false);
    canvas.text("b", 20, 10, Anchor::centre, true);
    canvas.text("c", 30, 10, Anchor::centre, true);
    const std::string svg = canvas.finish();
    CHECK(svg.find("class=\"c\">a</text>") != std::string::npos);
    CHECK(svg.find("<g class=\"c b\"><text x=\"20\"") != std::string::npos);
    CHECK(svg.find(">c</text></g></svg>") != std::string::npos);
}

TEST_CASE("svg canvas: clips get the chart's prefix, items a tooltip, and every group is closed") {
    SvgCanvas canvas(100, 100, "g2");
    canvas.push_clip(0, 0, 50, 50);
    canvas.begin_item("Jeugdbescherming west: 12,5% (n = 40)");
    canvas.fill_circle(10, 10, 3);
    canvas.end_item();
    canvas.begin_item("left open");
    const std::string svg = canvas.finish();
    CHECK(svg.find("<clipPath id=\"g2-clip1\">") != std::string::npos);
    CHECK(svg.find("clip-path=\"url(#g2-clip1)\"") != std::string::npos);
    CHECK(svg.find("<circle cx=\"10\" cy=\"10\" r=\"3\" fill=\"#000000\"><title>Jeugdbescherming west: 12,5% (n = 40)"
                   "</title></circle>") != std::string::npos);
    size_t opened = 0, closed = 0;
    for (size_t at = 0; (at = svg.find("<g", at)) != std::string::npos; ++at) ++opened;
    for (size_t at = 0; (at = svg.find("</g>", at)) != std::string::npos; ++at) ++closed;
    CHECK(opened == closed);
}

TEST_CASE("svg canvas: a line's points share their colour's group, each with its own tooltip; a hollow dot keeps its two circles under one") {
    SvgCanvas canvas(100, 100, "c");
    canvas.set_colour(palette[0], 1.0);
    for (int i = 0; i < 3; ++i) {
        canvas.begin_item("K" + std::to_string(i + 1) + " 2025: " + std::to_string(10 * i));
        canvas.fill_circle(10 * i, 50, 2.4);
        canvas.end_item();
    }
    canvas.begin_item("Hol: niet beoordeeld");
    canvas.fill_circle(80, 50, 3);
    canvas.set_colour(background_colour, 1.0);
    canvas.fill_circle(80, 50, 1.8);
    canvas.end_item();
    const std::string svg = canvas.finish();
    CHECK(svg.find("<g class=\"f0\"><circle cx=\"0\" cy=\"50\" r=\"2.4\"><title>K1 2025: 0</title></circle>"
                   "<circle cx=\"10\" cy=\"50\" r=\"2.4\"><title>K2 2025: 10</title></circle>") != std::string::npos);
    CHECK(svg.find("<title>K3 2025: 20</title></circle></g>") != std::string::npos);
    CHECK(svg.find("<g><title>Hol: niet beoordeeld</title><circle cx=\"80\" cy=\"50\" r=\"3\" class=\"f0\"/>"
                   "<circle cx=\"80\" cy=\"50\" r=\"1.8\" class=\"fw\"/></g>") != std::string::npos);
}

TEST_CASE("chart labels: wrapped at spaces, long words broken, the rest shortened with an ellipsis") {
    SvgCanvas canvas(100, 100, "c");
    const double width = chart_text::measure_text("Gecertificeerde").width + 1;
    const auto two = chart_text::fit_lines(canvas, "Gecertificeerde instelling", width, 3);
    REQUIRE(two.size() == 2);
    CHECK(two[0] == "Gecertificeerde");
    CHECK(two[1] == "instelling");
    const auto cut = chart_text::fit_lines(canvas, "Gecertificeerde instelling voor jeugdbescherming", width, 2);
    REQUIRE(cut.size() == 2);
    CHECK(cut[1].substr(cut[1].size() - 3) == "…");
    for (const auto& line : cut) CHECK(chart_text::measure_text(line).width <= width);
    const auto broken = chart_text::fit_lines(canvas, "Jeugdbeschermingsorganisatie", chart_text::measure_text("Jeugd").width + 1, 9);
    CHECK(broken.size() > 1);
    std::string joined;
    for (size_t i = 0; i < broken.size(); ++i) {
        CHECK(chart_text::measure_text(broken[i]).width <= chart_text::measure_text("Jeugd").width + 1);
        if (i + 1 < broken.size()) CHECK(broken[i].back() == '-');
        joined += i + 1 < broken.size() ? broken[i].substr(0, broken[i].size() - 1) : broken[i];
    }
    CHECK(joined == "Jeugdbeschermingsorganisatie");
    CHECK(chart_text::fit_lines(canvas, "", 50, 2).empty());
}
