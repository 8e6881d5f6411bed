// The GI benchmark read as a contract manager reads it: labels beside their points and off the
// limit lines, an axis that fits the GIs, each GI's case mix beside it, and no outlier judgement
// on a GI whose case mix differs from the region's.
#include <doctest/doctest.h>

#include <cmath>

#include "chart/funnel_chart.hpp"
#include "chart/label_placement.hpp"
#include "chart/svg_canvas.hpp"
#include "render/gi_benchmark_render.hpp"
#include "report/control_limits.hpp"
#include "report/gi_benchmark.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

const CodeLabels labels{
    {"kind", {{"ots", "OTS"}, {"uhp", "Uithuisplaatsing"}, {"voogdij", "Voogdij"}, {"jr", "Jeugdreclassering"}}},
    {"kind_short", {{"ots", "OTS"}, {"uhp", "UHP"}, {"voogdij", "voogdij"}, {"jr", "JR"}}},
    {"gi_short", {{"GI-JBRA", "JBRA"}}},
};

const CaseMix region_mix{{"ots", 49.2}, {"uhp", 17.0}, {"voogdij", 19.4}, {"jr", 14.4}};

Figure share(double numerator, double denominator) { return {numerator / denominator * 100, numerator, denominator}; }

/// A region of three GIs on one share (SKJ registration, region 82.6%): a large GI just under
/// the region, a middle one far above it with the region's case mix, and a guardianship
/// organisation (all voogdij) as far above.
GiBenchmark benchmark() {
    GiBenchmark b;
    b.title = "GI-benchmark";
    b.region = {ScopeType::region, "JZ13", "Amsterdam-Amstelland", "JZ13", "Amsterdam-Amstelland"};
    b.quarter = {2025, 4};
    b.labels = &labels;
    b.texts = &project_texts();
    b.region_case_mix = region_mix;
    b.gis = {{"JZ13/GI-JBRA", "GI-JBRA", "Jeugdbescherming Regio Amsterdam", "JBRA", {{"ots", 52.9}, {"uhp", 18.2}, {"voogdij", 19.1}, {"jr", 9.7}}},
             {"JZ13/GI-LJR", "GI-LJR", "Leger des Heils Jeugdbescherming & Reclassering", "LHJ&R",
              {{"ots", 45.0}, {"uhp", 17.0}, {"voogdij", 20.0}, {"jr", 18.0}}},
             {"JZ13/GI-NIDOS", "GI-NIDOS", "Nidos", "Nidos", {{"voogdij", 100.0}}}};
    GiRow row;
    row.item.kpi = "JB06";
    row.item.title = "Maatregelen met een SKJ-geregistreerde jeugdprofessional";
    row.item.chart = ChartKind::funnel;
    row.item.style = ValueStyle::percent;
    row.kind = KpiKind::share;
    row.region = share(1935, 2343);
    row.gis = {share(1479, 1840), share(340, 368), share(69, 71)};
    b.rows.push_back(row);
    return b;
}

bool crosses_any(const Box& box, const std::vector<std::vector<Spot>>& lines) {
    for (const auto& line : lines)
        for (size_t i = 1; i < line.size(); ++i)
            if (segment_crosses(box, line[i - 1], line[i])) return true;
    return false;
}

} // namespace

TEST_CASE("label placement: a segment crosses a box when it passes through it, not beside it") {
    const Box box{10, 10, 20, 20};
    CHECK(segment_crosses(box, {0, 15}, {30, 15}));  // straight through
    CHECK(segment_crosses(box, {12, 12}, {14, 14})); // wholly inside
    CHECK(segment_crosses(box, {0, 0}, {30, 30}));   // the diagonal
    CHECK_FALSE(segment_crosses(box, {0, 25}, {30, 25}));
    CHECK_FALSE(segment_crosses(box, {0, 12}, {9, 12})); // stops short
    CHECK_FALSE(segment_crosses(box, {0, 22}, {22, 40})); // passes the corner
}

TEST_CASE("label placement: a label goes right of its point unless a line runs there") {
    const Box area{0, 0, 400, 200};
    const LabelRequest label{{100, 100}, 3, 40, 10};
    auto placed = place_labels({label}, area, {});
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].box.left == doctest::Approx(106)); // radius 3 and a gap of 3
    CHECK(placed[0].box.top == doctest::Approx(95));
    CHECK_FALSE(placed[0].leader);
    // A line just right of the point, from top to bottom: the label goes to the left.
    placed = place_labels({label}, area, {{{120, 0}, {120, 200}}});
    CHECK(placed[0].box.right == doctest::Approx(94));
    CHECK(placed[0].clear);
    // Two points on top of each other: the labels do not overlap.
    placed = place_labels({label, label}, area, {});
    CHECK_FALSE(placed[0].box.overlaps(placed[1].box));
    // Lines close above, below and on both sides leave only a place further away, with a leader line.
    placed = place_labels({label}, area,
                          {{{0, 90}, {400, 90}}, {{0, 110}, {400, 110}}, {{90, 0}, {90, 200}}, {{110, 0}, {110, 200}}});
    CHECK(placed[0].leader);
    CHECK(placed[0].clear);
    CHECK(leader_end(placed[0].box, label.point).x == doctest::Approx(placed[0].box.left));
}

TEST_CASE("gi benchmark: case mixes differ by the share of measures that would have to change kind") {
    CHECK(case_mix_distance(region_mix, region_mix) == doctest::Approx(0));
    // Nidos, all voogdij: 80.6 points of the region's mix are of another kind (100 - 19.4).
    CHECK(case_mix_distance({{"voogdij", 100.0}}, region_mix) == doctest::Approx(80.6));
    CHECK(case_mix_distance({{"ots", 45.0}, {"uhp", 17.0}, {"voogdij", 20.0}, {"jr", 18.0}}, region_mix) ==
          doctest::Approx((4.2 + 0 + 0.6 + 3.6) / 2));
}

TEST_CASE("gi benchmark: an outlier whose case mix differs from the region's is not judged") {
    const GiBenchmark b = benchmark();
    const GiRow& row = b.rows[0];
    // 92.4% over 368 against 82.6%: above the 99.8% limit, with a mix like the region's: judged.
    GiPosition p = gi_position(b, row, 1);
    CHECK(p.position == FunnelPosition::above998);
    CHECK_FALSE(p.case_mix_differs);
    CHECK(p.judged());
    // 97.2% over 71, all voogdij: as far out, but its mix may explain it.
    p = gi_position(b, row, 2);
    CHECK(p.position == FunnelPosition::above998);
    CHECK(p.case_mix_differs);
    CHECK_FALSE(p.judged());
    CHECK(p.biggest_difference == "voogdij 100% tegen 19% in de regio");
    // The large GI is within its narrow limits (80.4% over 1,840: lower 99.8% limit 79.9%).
    CHECK(binomial_control_limits(1935.0 / 2343, 1840).lower998 * 100 == doctest::Approx(79.88).epsilon(0.001));
    CHECK(gi_position(b, row, 0).judged());
}

TEST_CASE("gi benchmark: each GI's table row carries its case mix and the judgement in words") {
    const PdfDocument doc = gi_benchmark_pdf_document(benchmark());
    const PdfTable* funnel_table = nullptr;
    for (const auto& block : doc.blocks)
        if (block.kind == PdfBlock::Kind::table && block.table.header.front() == "GI") funnel_table = &block.table;
    REQUIRE(funnel_table != nullptr);
    CHECK(funnel_table->header.back() == "Samenstelling");
    const auto& rows = funnel_table->rows;
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "Jeugdbescherming Regio Amsterdam (JBRA)");
    CHECK(rows[0][1] == "1.479");
    CHECK(rows[0][2] == "1.840");
    CHECK(rows[0][5] == "OTS 53%, voogdij 19%, UHP 18%, JR 10%");
    CHECK(rows[1][4] == "boven de 99,8%-grens");
    CHECK(rows[2][0] == "Nidos");
    CHECK(rows[2][4] == "boven de 99,8%-grens, maar de samenstelling wijkt af (voogdij 100% tegen 19% in de regio): geen oordeel");
    CHECK(rows[2][5] == "voogdij 100%");
}

TEST_CASE("gi benchmark: a GI's short name comes from the labels, else its name, else its initials") {
    CHECK(gi_short_name(&labels, "GI-JBRA", "Jeugdbescherming Regio Amsterdam") == "JBRA");
    CHECK(gi_short_name(&labels, "GI-NIDOS", "Nidos") == "Nidos");
    CHECK(gi_short_name(&labels, "GI-LJR", "Leger des Heils Jeugdbescherming & Reclassering") == "LHJ&R");
    CHECK(gi_short_name(nullptr, "GI-X", "Samen Veilig Midden-Nederland") == "SVM");
}

TEST_CASE("funnel plot: the axis fits the GIs and their limits, and no label crosses a line") {
    const GiBenchmark b = benchmark();
    const FunnelChart chart = funnel_chart_of(b, b.rows[0]);
    REQUIRE(chart.points.size() == 3);
    CHECK_FALSE(chart.points[2].judged); // Nidos drawn hollow
    CHECK(chart.points[0].short_label == "JBRA");
    SvgCanvas canvas(520, 280, "f");
    const FunnelLayout f = funnel_layout(canvas, chart, 520, 280);
    // Points between 80% and 98%, the smallest GI's 99.8% limits 68.7-96.5%: not an axis from 0%.
    const ControlLimits at_smallest = binomial_control_limits(1935.0 / 2343, 71);
    CHECK(at_smallest.lower998 * 100 == doctest::Approx(68.68).epsilon(0.001));
    CHECK(f.y_scale.min >= 60);
    CHECK(f.y_scale.min <= at_smallest.lower998 * 100);
    CHECK(f.y_scale.max == 100);
    REQUIRE(f.labels.size() == 3);
    CHECK(f.label_texts[0] == "JBRA 80,4%");
    for (size_t i = 0; i < f.labels.size(); ++i) {
        CAPTURE(f.label_texts[i]);
        CHECK(f.labels[i].clear);
        CHECK_FALSE(crosses_any(f.labels[i].box, f.lines));
        for (size_t j = 0; j < i; ++j) CHECK_FALSE(f.labels[i].box.overlaps(f.labels[j].box));
        // Beside its point: the label's nearest edge within a few label heights of its dot.
        const auto& p = chart.points[i];
        const Spot dot{f.x(p.n), f.y(p.rate)};
        const Spot end = leader_end(f.labels[i].box, dot);
        CHECK(std::hypot(end.x - dot.x, end.y - dot.y) < 60);
    }
    // The hollow dot is explained in the legend.
    CHECK(f.legend.back().text == "andere samenstelling: geen oordeel");
}
