// How figures read: exact in internal outputs; in public ones a count of 1-4 reads `<5` and a
// share or mean over fewer than ten (and a rate over a count of 1-4) is not shown (kpis.md).
#include <doctest/doctest.h>

#include "report/figure_text.hpp"

using namespace ss;

namespace {
std::string shown(Figure f, KpiKind kind, Audience a, ValueStyle style = ValueStyle::number, int decimals = 1) {
    return show_figure(f, kind, style, decimals, a).text;
}
} // namespace

TEST_CASE("figures: internal outputs show exact values in Dutch formats") {
    CHECK(shown({3.0, 3.0, {}}, KpiKind::count, Audience::internal, ValueStyle::number, 0) == "3");
    CHECK(shown({12.345, 1.0, 8.1}, KpiKind::share, Audience::internal, ValueStyle::percent) == "12,3%");
    CHECK(shown({1234.5, 1.0, 1.0}, KpiKind::mean, Audience::internal, ValueStyle::euro, 0) == "€\u00A01.235");
    CHECK(shown({}, KpiKind::share, Audience::internal) == "–");
}

TEST_CASE("figures: public outputs hide counts of 1 to 4") {
    for (double n : {1.0, 2.0, 3.0, 4.0}) {
        const auto f = show_figure({n, n, {}}, KpiKind::count, ValueStyle::number, 0, Audience::published);
        CHECK(f.text == "<5");
        CHECK(f.suppressed);
        CHECK_FALSE(f.value.has_value()); // a chart draws nothing for it
    }
    CHECK(shown({0.0, 0.0, {}}, KpiKind::count, Audience::published, ValueStyle::number, 0) == "0");
    CHECK(shown({5.0, 5.0, {}}, KpiKind::count, Audience::published, ValueStyle::number, 0) == "5");
}

TEST_CASE("figures: public outputs hide shares and means over fewer than ten") {
    CHECK(shown({50.0, 4.5, 9.0}, KpiKind::share, Audience::published) == "*");
    CHECK(shown({50.0, 5.0, 10.0}, KpiKind::share, Audience::published, ValueStyle::percent) == "50,0%");
    CHECK(shown({7.5, 67.5, 9.0}, KpiKind::mean, Audience::published) == "*");
    CHECK(shown({7.5, 75.0, 10.0}, KpiKind::mean, Audience::published) == "7,5");
}

TEST_CASE("figures: public outputs hide a rate per 1,000 that rests on 1 to 4 cases") {
    CHECK(shown({2.0, 2.0, 1000.0}, KpiKind::rate_per_1000, Audience::published) == "*");
    CHECK(shown({5.0, 5.0, 1000.0}, KpiKind::rate_per_1000, Audience::published) == "5,0");
    CHECK(shown({0.0, 0.0, 1000.0}, KpiKind::rate_per_1000, Audience::published) == "0,0");
}
