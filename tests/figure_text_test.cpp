// How figures read: exact values in Dutch formats; a figure the publication rules suppressed reads
// `<5` (rule 1) or `*` (rules 2 and 3) and gives a chart nothing to draw.
#include <doctest/doctest.h>

#include "report/figure_text.hpp"

using namespace ss;

TEST_CASE("figures: exact values in Dutch formats, a missing value as a dash") {
    CHECK(show_figure({3.0, 3.0, {}}, ValueStyle::number, 0).text == "3");
    CHECK(show_figure({12.345, 1.0, 8.1}, ValueStyle::percent, 1).text == "12,3%");
    CHECK(show_figure({1234.5, 1.0, 1.0}, ValueStyle::euro, 0).text == "€\u00A01.235");
    CHECK(show_figure({}, ValueStyle::number, 1).text == "–");
}

TEST_CASE("figures: a suppressed figure reads <5 or *, and a chart draws nothing for it") {
    Figure small_count;
    small_count.suppression = Suppression::small_count;
    const auto a = show_figure(small_count, ValueStyle::number, 0);
    CHECK(a.text == "<5");
    CHECK(a.suppressed);
    CHECK_FALSE(a.value.has_value());
    for (Suppression why : {Suppression::small_base, Suppression::secondary}) {
        Figure f{12.0, 12.0, 100.0}; // a marker wins even where a value was left behind
        f.suppression = why;
        const auto b = show_figure(f, ValueStyle::percent, 1);
        CHECK(b.text == "*");
        CHECK(b.suppressed);
        CHECK_FALSE(b.value.has_value());
    }
}
