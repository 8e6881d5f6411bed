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
    CHECK(svg.find("viewBox=\"0 0 480 220\"") != std::string::npos);
    // The same labels as the PDF, as text a reader can select and find, not glyph outlines.
    CHECK(svg.find(">Dordrecht</text>") != std::string::npos);
    CHECK(svg.find(">K3 2025</text>") != std::string::npos);
    CHECK(svg.find(">83,0</text>") != std::string::npos);
    CHECK(svg.find(">Doel 80,0</text>") != std::string::npos);
    CHECK(svg.find("<path") != std::string::npos);
    CHECK(svg.find("glyph") == std::string::npos);
    CHECK(svg.size() < 12000);
}

TEST_CASE("chart: every point of the scope's trend carries its exact value as a tooltip; the region's dashed line has no points") {
    const std::string svg = trend_chart_svg(dordrecht_jh01(), 480, 220, "jh01");
    // Dordrecht's is the only line with points: its tooltips need not repeat its name.
    CHECK(svg.find("<title>K3 2025: 83,0</title>") != std::string::npos);
    CHECK(svg.find("<title>Dordrecht") == std::string::npos);
    CHECK(svg.find("<title>Zuid-Holland Zuid") == std::string::npos); // its values are in the table under the chart
    CHECK(svg.find("<title>K3 2024:") == std::string::npos);
    size_t points = 0;
    for (size_t at = 0; (at = svg.find("<circle", at)) != std::string::npos; ++at) ++points;
    CHECK(points == 7); // 7 of Dordrecht's 8 quarters have a value
}

TEST_CASE("chart: with two lines that have points, each point's tooltip says whose it is") {
    TrendChart chart = dordrecht_jh01();
    chart.series[1].dashed = false;
    const std::string svg = trend_chart_svg(chart, 480, 220, "jh01");
    CHECK(svg.find("<title>Dordrecht, K3 2025: 83,0</title>") != std::string::npos);
    CHECK(svg.find("<title>Zuid-Holland Zuid, K3 2025: 77,6</title>") != std::string::npos);
}

TEST_CASE("chart: a chart without any value is drawn, not an error") {
    TrendChart empty;
    empty.categories = {"K1 2025", "K2 2025"};
    empty.series = {{"Schiermonnikoog", {std::nullopt, std::nullopt}, false}};
    empty.note = "Geen waarden: minder dan 10 jongeren.";
    CHECK(trend_chart_svg(empty, 300, 150).find("<svg") != std::string::npos);
}

TEST_CASE("chart: the control limits of the quarters before are a grey band, named in the legend") {
    TrendChart c = dordrecht_jh01();
    c.control_band = std::pair{84.0, 92.0};
    const std::string svg = trend_chart_svg(c, 480, 220, "band");
    CHECK(svg.find(">Gewone schommeling</text>") != std::string::npos);
    CHECK(svg.find("class=\"fm\" fill-opacity=\"0.12\"") != std::string::npos); // the band itself
    CHECK(trend_chart_svg(dordrecht_jh01(), 480, 220, "plain").find("Gewone schommeling") == std::string::npos);
}
