#include "report/attention.hpp"

#include <algorithm>

#include "format/dutch.hpp"
#include "report/report_builder.hpp"
#include "report/report_text.hpp"

namespace ss {

namespace {

constexpr double long_wait_days = 120; // four months: a recovery plan is due (WL01)

std::string limit_text(const KpiBlock& b, double v) { return format_styled(v, b.item.style, b.item.decimals); }

} // namespace

std::vector<AttentionPoint> attention_points(const ReportModel& model) {
    std::vector<AttentionPoint> points;
    for (const auto& section : model.sections)
        for (const auto& b : section.blocks) {
            if (b.item.headline && b.status == TargetStatus::off_target)
                points.push_back({1, b.item.title + ": " + figure_text(b, b.value) + " tegen een doel van " + target_text(b) +
                                         ", niet op doel", section.title});
            if (b.notable_rise && b.control_lower && b.control_upper)
                points.push_back({2, b.item.title + ": " + figure_text(b, b.value) + ", een opvallende " +
                                         (*b.notable_rise ? "stijging" : "daling") + ": " +
                                         (*b.notable_rise ? "boven" : "onder") + " de grenzen van de zeven kwartalen ervoor (" +
                                         limit_text(b, *b.control_lower) + " tot " + limit_text(b, *b.control_upper) + ")",
                                  section.title});
            if (b.value.provisional && b.value.value)
                points.push_back({3, b.item.title + ": " + figure_text(b, b.value) +
                                         "; nog niet alle facturen zijn binnen, dus dit cijfer kan nog stijgen",
                                  section.title});
            if (b.item.kpi == "WL02") {
                std::string names;
                for (const auto& r : b.rows)
                    if (r.scope.value && *r.scope.value > long_wait_days)
                        names += (names.empty() ? "" : ", ") + r.label + " (" + format_number(*r.scope.value, 0) + " dagen)";
                if (!names.empty())
                    points.push_back({4, "Wachttijd langer dan vier maanden bij " + names, section.title});
            }
            if (section.signals && &b == &section.blocks.back() && !model.signalled.empty())
                points.push_back({6, signal_counts_text(model), section.title});
        }
    for (const auto& a : model.agreements)
        if (overdue(a, model.quarter))
            points.push_back({5, "Afspraak over de termijn (gepland " + format_quarter(*parse_quarter(a.due_quarter)) +
                                     (a.owner.empty() ? "" : ", eigenaar " + a.owner) + "): " + a.text,
                              model.texts->fill("report.agreements_heading")});
    std::stable_sort(points.begin(), points.end(), [](const AttentionPoint& a, const AttentionPoint& b) { return a.rank < b.rank; });
    return points;
}

} // namespace ss
