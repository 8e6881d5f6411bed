// The trend chart: label layout, and the same drawing as PDF (selectable text) and SVG.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "chart/chart_output.hpp"
#include "chart/trend_chart.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

TrendChart dordrecht_jh01() {
    TrendChart c;
    c.categories = {"K4 2023", "K1 2024", "K2 2024", "K3 2024", "K4 2024", "K1 2025", "K2 2025", "K3 2025"};
    c.series = {{"Dordrecht", {91.2, 90.4, 88.9, std::nullopt, 86.0, 85.1, 84.2, 83.0}, false},
                {"Zuid-Holland Zuid", {80.1, 79.8, 80.3, 79.0, 78.2, 77.9, 78.4, 77.6}, true}};
    c.target = 80.0;
    c.note = "K3 2024: geen waarde (aanlevering ontbrak).";
    return c;
}

/// Where a test keeps what it drew, for a person to look at: SAMEN_STUREN_KEEP_CHARTS=DIR.
std::filesystem::path keep_dir(const TempDir& fallback) {
    const char* dir = std::getenv("SAMEN_STUREN_KEEP_CHARTS");
    return dir ? std::filesystem::path(dir) : fallback.path();
}

} // namespace

TEST_CASE("chart: category labels are thinned until they cannot overlap") {
    CHECK(label_stride({30, 30, 30, 30}, 40, 4) == 1);
    CHECK(label_stride({30, 30, 30, 30}, 30, 4) == 2);
    CHECK(label_stride({30, 30, 30, 30}, 10, 4) == 4);
    CHECK(label_stride({30, 50, 30}, 40, 4) == 2); // the widest label decides
    CHECK(label_stride({}, 40, 4) == 1);
}

TEST_CASE("chart: the PDF has the labels as selectable text, the SVG is the same drawing") {
    TempDir tmp;
    const auto dir = keep_dir(tmp);
    const auto pdf = dir / "trend-jh01.pdf";
    write_trend_chart_pdf(dordrecht_jh01(), 480, 220, pdf.string());
    write_trend_chart_png(dordrecht_jh01(), 480, 220, (dir / "trend-jh01.png").string());
    auto text = run_cli_text("pdftotext -layout '" + pdf.string() + "' -");
    CHECK(text.find("Dordrecht") != std::string::npos);
    CHECK(text.find("Zuid-Holland Zuid") != std::string::npos);
    CHECK(text.find("K3 2025") != std::string::npos);
    CHECK(text.find("83,0") != std::string::npos); // the last value, Dutch decimal comma
    CHECK(text.find("Doel 80,0") != std::string::npos);
    CHECK(text.find("geen waarde") != std::string::npos);

    const std::string svg = trend_chart_svg(dordrecht_jh01(), 480, 220, "jh01");
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("width=\"100%\"") != std::string::npos);
    CHECK(svg.find("viewBox=\"0 0 480 220\"") != std::string::npos);
    CHECK(svg.find("id=\"jh01-glyph") != std::string::npos);
    CHECK(svg.find("id=\"glyph") == std::string::npos);
}

TEST_CASE("chart: inline SVG ids and references get the chart's prefix") {
    const std::string raw = "<?xml version=\"1.0\"?>\n<svg width=\"10pt\" height=\"5pt\" viewBox=\"0 0 10 5\">"
                            "<clipPath id=\"clip1\"/><use xlink:href=\"#glyph0-1\"/><g clip-path=\"url(#clip1)\"/></svg>";
    CHECK(inline_svg(raw, "a") == "<svg width=\"100%\" viewBox=\"0 0 10 5\"><clipPath id=\"a-clip1\"/>"
                                  "<use xlink:href=\"#a-glyph0-1\"/><g clip-path=\"url(#a-clip1)\"/></svg>");
}

TEST_CASE("chart: a chart without any value is drawn, not an error") {
    TrendChart empty;
    empty.categories = {"K1 2025", "K2 2025"};
    empty.series = {{"Schiermonnikoog", {std::nullopt, std::nullopt}, false}};
    empty.note = "Geen waarden: minder dan 10 jongeren.";
    CHECK(trend_chart_svg(empty, 300, 150).find("<svg") != std::string::npos);
}
