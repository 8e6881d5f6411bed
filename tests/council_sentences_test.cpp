// The council letter's sentences: every branch reads as plain Dutch, and no small number is named.
#include <doctest/doctest.h>

#include "core/text_pattern.hpp"
#include "report/council_sentences.hpp"
#include "report/report_definition.hpp"
#include "report/publication.hpp"

using namespace ss;

namespace {

/// The shipped wording: these tests read the letters' real sentences.
const SentencePatterns& shipped() {
    static const ReportDefinition council =
        load_report_definition(std::string(SAMEN_STUREN_SOURCE_DIR) + "/templates/council.json");
    return council.sentences;
}
const SentencePatterns& patterns = shipped();

KpiBlock rate(std::optional<double> now, std::optional<double> before, std::optional<double> region,
              std::optional<Change> change, double count = 100) {
    KpiBlock b;
    b.kind = KpiKind::rate_per_1000;
    b.item.subject = "Het aantal jongeren met jeugdhulp";
    b.item.unit = "per 1.000 jongeren";
    b.item.decimals = 0;
    b.value = {now, count, 1000};
    b.year_ago = {before, count, 1000};
    b.region = {region, 1000, 10000};
    b.change = change;
    return b;
}

/// The block as the council letter gets it: published (reports.md "Publication rules").
KpiBlock published(KpiBlock b) {
    publish_block(b);
    return b;
}

} // namespace

TEST_CASE("council sentences: a figure that rose, fell or stayed the same, with the region") {
    CHECK(council_sentence(published(rate(91, 98, 95, Change::falls)), patterns, "Zuid-Holland Zuid") ==
          "Het aantal jongeren met jeugdhulp is in een jaar gedaald van 98 naar 91 per 1.000 jongeren. "
          "In de regio Zuid-Holland Zuid is dat 95 per 1.000 jongeren.");
    CHECK(council_sentence(published(rate(98, 91, 95, Change::rises)), patterns, "Zuid-Holland Zuid") ==
          "Het aantal jongeren met jeugdhulp is in een jaar gestegen van 91 naar 98 per 1.000 jongeren. "
          "In de regio Zuid-Holland Zuid is dat 95 per 1.000 jongeren.");
    CHECK(council_sentence(published(rate(91, 90.5, 95, Change::same)), patterns, "Zuid-Holland Zuid") ==
          "Het aantal jongeren met jeugdhulp is in een jaar ongeveer gelijk gebleven: 91 per 1.000 jongeren. "
          "In de regio Zuid-Holland Zuid is dat 95 per 1.000 jongeren.");
}

TEST_CASE("council sentences: a change that rounds away in print reads as the same") {
    // 12.1 → 12.4 is more than 2%, but both print as 12: "gestegen van 12 naar 12" would read wrong.
    CHECK(council_sentence(published(rate(12.4, 12.1, {}, Change::rises)), patterns, "") ==
          "Het aantal jongeren met jeugdhulp is in een jaar ongeveer gelijk gebleven: 12 per 1.000 jongeren.");
}

TEST_CASE("council sentences: without a figure a year before, or with one too small to publish") {
    const std::string expected = "Het aantal jongeren met jeugdhulp is nu 91 per 1.000 jongeren. Van een jaar eerder is er "
                                 "geen cijfer om mee te vergelijken. In de regio R is dat 95 per 1.000 jongeren.";
    CHECK(council_sentence(published(rate(91, {}, 95, {})), patterns, "R") == expected);
    KpiBlock small_before = rate(91, 3, 95, Change::rises);
    small_before.year_ago.numerator = 3; // a rate resting on three children is not published
    CHECK(council_sentence(published(small_before), patterns, "R") == expected);
}

TEST_CASE("council sentences: no figure now, or one too small to publish") {
    CHECK(council_sentence(published(rate({}, 98, 95, {})), patterns, "R") ==
          "Over het aantal jongeren met jeugdhulp zijn er dit kwartaal geen cijfers.");
    CHECK(council_sentence(published(rate(2, 1, 95, Change::rises, 2)), patterns, "R") ==
          "Het aantal jongeren met jeugdhulp noemen wij dit kwartaal niet. Het gaat om te weinig kinderen.");
}

TEST_CASE("council sentences: the region is left out when it has no figure or is the scope itself") {
    CHECK(council_sentence(published(rate(91, 98, {}, Change::falls)), patterns, "R") ==
          "Het aantal jongeren met jeugdhulp is in een jaar gedaald van 98 naar 91 per 1.000 jongeren.");
    CHECK(council_sentence(published(rate(91, 98, 95, Change::falls)), patterns, "") ==
          "Het aantal jongeren met jeugdhulp is in een jaar gedaald van 98 naar 91 per 1.000 jongeren.");
}

TEST_CASE("council sentences: one and more than one") {
    KpiBlock years;
    years.kind = KpiKind::mean;
    years.item.subject = "De gemiddelde duur van een OTS";
    years.item.unit = "jaren";
    years.item.unit_one = "jaar";
    years.item.decimals = 0;
    years.value = {1.0, 20.0, 20.0};
    years.year_ago = {2.0, 40.0, 20.0};
    years.change = Change::falls;
    CHECK(council_sentence(published(years), patterns, "") == "De gemiddelde duur van een OTS is in een jaar gedaald van 2 naar 1 jaar.");
    years.value = {3.0, 60.0, 20.0};
    years.change = Change::rises;
    CHECK(council_sentence(published(years), patterns, "") == "De gemiddelde duur van een OTS is in een jaar gestegen van 2 naar 3 jaren.");
}

TEST_CASE("council sentences: a percentage carries its own unit") {
    KpiBlock share;
    share.kind = KpiKind::share;
    share.item.subject = "Het deel van de trajecten dat voortijdig stopte";
    share.item.style = ValueStyle::percent;
    share.item.decimals = 0;
    share.value = {18.0, 18.0, 100.0};
    share.year_ago = {12.0, 12.0, 100.0};
    share.region = {17.0, 170.0, 1000.0};
    share.change = Change::rises;
    CHECK(council_sentence(published(share), patterns, "R") ==
          "Het deel van de trajecten dat voortijdig stopte is in een jaar gestegen van 12% naar 18%. In de regio R is dat 17%.");
}

TEST_CASE("council sentences: placeholders are filled wherever they stand, others stay") {
    CHECK(fill_pattern("{a} en {a}, {b}", {{"a", "x"}}) == "x en x, {b}");
}

TEST_CASE("council sentences: a change is judged by the direction the region wants, and by its target") {
    KpiBlock rose = rate(98, 91, {}, Change::rises);
    rose.judgement = Judgement::worse; // fewer young people in care is better
    rose.target = Target{95, Direction::lower_is_better};
    rose.status = TargetStatus::near;
    CHECK(council_sentence(published(rose), patterns, "") ==
          "Het aantal jongeren met jeugdhulp is in een jaar gestegen van 91 naar 98 per 1.000 jongeren. Dat is niet goed. "
          "Het doel is 95 per 1.000 jongeren. Dat halen we bijna.");
    KpiBlock fell = rate(91, 98, {}, Change::falls);
    fell.judgement = Judgement::better;
    fell.target = Target{95, Direction::lower_is_better};
    fell.status = TargetStatus::on_target;
    CHECK(council_sentence(published(fell), patterns, "") ==
          "Het aantal jongeren met jeugdhulp is in een jaar gedaald van 98 naar 91 per 1.000 jongeren. Dat is goed nieuws. "
          "Het doel is 95 per 1.000 jongeren. Dat doel halen we.");
    KpiBlock same = rate(91, 90.5, {}, Change::same);
    same.judgement = Judgement::same;
    same.target = Target{80, Direction::lower_is_better};
    same.status = TargetStatus::off_target;
    CHECK(council_sentence(published(same), patterns, "") ==
          "Het aantal jongeren met jeugdhulp is in een jaar ongeveer gelijk gebleven: 91 per 1.000 jongeren. Het doel is 80 per 1.000 jongeren. "
          "Dat halen we niet.");
}

TEST_CASE("council sentences: nil a year ago and nil now is said as nil, not as 'ongeveer gelijk gebleven: 0,0'") {
    KpiBlock nil = rate(0, 0, {}, Change::same, 0);
    nil.item.decimals = 1;
    const std::string sentence = council_sentence(nil, patterns, "");
    CHECK(sentence == "Het aantal jongeren met jeugdhulp is nu nul, net als een jaar eerder.");
    CHECK(sentence.find("gelijk gebleven: 0") == std::string::npos);
}

TEST_CASE("council sentences: a provisional cost figure is called provisional and not compared") {
    KpiBlock cost;
    cost.kind = KpiKind::mean;
    cost.item.subject = "Het bedrag voor jeugdhulp per jongere";
    cost.item.style = ValueStyle::euro;
    cost.item.decimals = 0;
    cost.value = {358.0, 3580000.0, 10000.0};
    cost.value.provisional = true;
    cost.year_ago = {409.0, 4090000.0, 10000.0};
    cost.change = Change::falls;
    cost.judgement = Judgement::better;
    CHECK(council_sentence(published(cost), patterns, "R") ==
          "Het bedrag voor jeugdhulp per jongere is dit kwartaal voorlopig €\u00A0358. Nog niet alle facturen zijn binnen. "
          "Het cijfer kan dus nog stijgen. Daarom vergelijken we het nog niet met een jaar eerder.");
}
