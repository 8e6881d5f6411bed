#include "demo/measures_model.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "demo/rows.hpp"

namespace ss::demo {

namespace {

// Yearly starts per 1,000 youths 0-17 at need 1. Together with the durations below they give the
// CBS stocks the demo is calibrated to (cbs_jeugdzorg_kerncijfers_nl.csv): about 17,700 youths
// under OTS and 7,900 under voogdij at the end of 2024, about 9,000 youths with a UHP in 2024
// and about 5,800 jeugdreclassering measures running at the end of 2024.
// A UHP lasts longer than an OTS on average; the OTS runs at least as long as its placement.
constexpr double ots_starts_per_1000 = 2.0;
constexpr double voogdij_starts_per_1000 = 0.16; // with the guardianships that follow an OTS (ots_family)
constexpr double jr_starts_per_1000 = 2.0;
constexpr double uhp_share_of_ots = 0.33;
constexpr double vots_before_ots_share = 0.17;
constexpr double ots_mean_years = 2.3;
constexpr double uhp_mean_years = 3.0;
constexpr double jr_mean_years = 0.85;

struct Measure {
    std::string id;
    std::string child_id;
    std::string kind;
    std::string reason;
    std::string institution_id;
    std::string case_worker_id;
    Date start;
    Date true_end; ///< when it ends, possibly after the data's end
};

int days(double years) { return std::max(1, static_cast<int>(std::lround(years * 365.25))); }

class MeasureGenerator {
public:
    MeasureGenerator(const DemoWorld& world, const DemoMunicipality& m, Rng& rng, Delivery& out,
                     std::vector<GiRouteReferral>& referrals)
        : world_(world), m_(m), rng_(rng), out_(out), referrals_(referrals),
          period_(world.period) {}

    void run() {
        const double scale = m_.youths_2024 / 1000.0 * m_.need;
        const Date sim_start = make_date(2005, 1, 1);
        const double years = (period_.data_end.days - sim_start.days) / 365.25;
        for (int i = rng_.poisson(ots_starts_per_1000 * scale * years); i > 0; --i)
            ots_family(random_date(sim_start));
        for (int i = rng_.poisson(voogdij_starts_per_1000 * scale * years); i > 0; --i)
            voogdij(random_date(sim_start));
        const Date jr_start = make_date(2018, 1, 1);
        const double jr_years = (period_.data_end.days - jr_start.days) / 365.25;
        for (int i = rng_.poisson(jr_starts_per_1000 * scale * jr_years); i > 0; --i)
            jeugdreclassering(random_date(jr_start));
    }

private:
    Date random_date(Date from) {
        return Date{from.days + rng_.integer(0, period_.data_end.days - from.days)};
    }

    std::string new_child() { return pseudonym('K', rng_.next_u64()); }

    std::string reason() {
        static const std::vector<std::string> reasons = {"parenting_skills", "home_situation",
                                                         "acute_development_risk", "other"};
        return reasons[rng_.pick({0.36, 0.34, 0.16, 0.14})];
    }

    std::string pick_gi(const std::string& kind) {
        const std::string& regional = world_.regional_gi(m_.ref.region_code);
        if (kind == "jr") return std::vector<std::string>{regional, gi_ljr, gi_wss}[rng_.pick({0.5, 0.35, 0.15})];
        if (kind == "voogdij")
            return std::vector<std::string>{regional, gi_nidos, gi_wss, gi_ljr}[rng_.pick({0.7, 0.15, 0.08, 0.07})];
        return std::vector<std::string>{regional, gi_wss, gi_ljr}[rng_.pick({0.78, 0.11, 0.11})];
    }

    std::string pick_case_worker(const std::string& gi) {
        if (rng_.chance(0.02)) return ""; // not yet assigned
        const auto& pool = world_.case_workers.at(gi);
        // Mostly a case worker of the municipality's own region; now and then one from elsewhere.
        if (!rng_.chance(0.05)) {
            const auto own = world_.case_workers_by_region.find({gi, m_.ref.region_code});
            if (own != world_.case_workers_by_region.end() && !own->second.empty())
                return pool[own->second[rng_.integer(0, static_cast<int>(own->second.size()) - 1)]].id;
        }
        return pool[rng_.integer(0, static_cast<int>(pool.size()) - 1)].id;
    }

    Measure make(const std::string& kind, const std::string& child, Date start, Date end,
                 const std::string& gi) {
        return {pseudonym('M', rng_.next_u64()), child, kind, kind == "jr" ? "other" : reason(),
                gi, pick_case_worker(gi), start, end};
    }

    void ots_family(Date start) { ots_family(start, new_child(), true); }

    void ots_family(Date start, const std::string& child, bool may_return) {
        const double age = rng_.uniform(0.0, 17.0);
        const int max_days = days(18.0 - age);
        int duration = std::min(max_days, days(rng_.lognormal_with_mean(ots_mean_years, 0.55)));
        const std::string gi = pick_gi("ots");
        if (rng_.chance(uhp_share_of_ots)) {
            // Two in five placements come with the OTS; the others during it (kpis.md JB08).
            const int half = duration / 2;
            const int offset = rng_.chance(0.4) ? rng_.integer(0, std::min(30, half))
                                                : rng_.integer(std::min(90, half), std::min(720, half));
            const Date uhp_start{start.days + offset};
            const int uhp_days = std::max(1, std::min(max_days - offset,
                                                      days(rng_.lognormal_with_mean(uhp_mean_years, 0.5))));
            emit(make("uhp", child, uhp_start, Date{uhp_start.days + uhp_days}, gi),
                 end_reason(uhp_start, uhp_days, max_days - offset));
            duration = std::max(duration, offset + uhp_days);
        }
        if (rng_.chance(vots_before_ots_share)) {
            const int vots_days = std::max(14, static_cast<int>(rng_.normal(90, 25)));
            emit(make("vots", child, Date{start.days - vots_days}, Date{start.days - 1}, gi), "court");
        }
        emit(make("ots", child, start, Date{start.days + duration}, gi),
             end_reason(start, duration, max_days));
        const Date end{start.days + duration};
        if (!may_return || duration >= max_days - 400) return;
        // Some supervisions end in guardianship; some children come back under a new OTS.
        if (rng_.chance(0.05)) {
            const Date guardianship{end.days + rng_.integer(1, 60)};
            const int rest = max_days - duration - (guardianship.days - end.days);
            if (rest > 30)
                emit(make("voogdij", child, guardianship, Date{guardianship.days + rest}, pick_gi("voogdij")), "age_18");
        } else if (rng_.chance(0.06)) {
            ots_family(Date{end.days + rng_.integer(20, 420)}, child, false);
        }
    }

    void voogdij(Date start) {
        const double age = std::min(rng_.uniform(0.0, 16.0), rng_.uniform(0.0, 16.0) + 2.0);
        const int max_days = days(18.0 - age);
        const int duration = rng_.chance(0.7) ? max_days : rng_.integer(180, max_days);
        emit(make("voogdij", new_child(), start, Date{start.days + duration}, pick_gi("voogdij")),
             duration == max_days ? "age_18" : "transfer");
    }

    void jeugdreclassering(Date start) {
        const int duration = days(rng_.lognormal_with_mean(jr_mean_years, 0.5));
        emit(make("jr", new_child(), start, Date{start.days + duration}, pick_gi("jr")),
             end_reason(start, duration, duration + 1));
    }

    std::string end_reason(Date, int duration, int max_days) {
        if (duration >= max_days) return "age_18";
        static const std::vector<std::string> reasons = {"goal_reached", "transfer", "court", "other"};
        return reasons[rng_.pick({0.62, 0.12, 0.16, 0.10})];
    }

    void emit(const Measure& m, const std::string& end_reason_code) {
        if (m.true_end < period_.history_start) return; // ended before the history we deliver
        if (m.start > period_.data_end) return;         // starts after the data we deliver
        const bool ended = m.true_end <= period_.data_end;
        const Date last = ended ? m.true_end : period_.data_end;
        out_.table(file_spec("measures"))
            .add_row({text(m.id), text(m.child_id), text(m_.ref.code), text(m.institution_id),
                      optional_text(m.case_worker_id), text(m.kind), text(m.reason),
                      date_value(m.start), ended ? date_value(m.true_end) : null_value(),
                      ended ? text(end_reason_code) : null_value()});
        extensions(m, last);
        progress_and_costs(m, last);
        if ((m.kind == "ots" || m.kind == "jr") && rng_.chance(0.45))
            referrals_.push_back({m.child_id, Date{m.start.days + rng_.integer(0, 60)}});
    }

    void extensions(const Measure& m, Date last) {
        // An OTS or UHP authorisation runs for a year at most and is extended a year at a time.
        if (m.kind != "ots" && m.kind != "uhp") return;
        for (int year = 1;; ++year) {
            const Date on = add_months(m.start, 12 * year);
            if (on > last) break;
            out_.table(file_spec("measure_extensions")).add_row({text(m.id), date_value(on), whole(12)});
        }
    }

    void progress_and_costs(const Measure& m, Date last) {
        static const std::map<std::string, double> eur_per_quarter = {
            {"ots", 1240}, {"vots", 1450}, {"uhp", 420}, {"voogdij", 1080}, {"jr", 980}};
        const bool placement = m.kind == "uhp" || m.kind == "voogdij";
        // Scores start in the middle and most measures make some progress: about one in ten long
        // supervisions stalls at 1 or 2 for half a year (kpis.md JB07).
        int score = 3;
        for (Quarter q = period_.first_quarter; q <= period_.last_quarter; q = q.next()) {
            const int active = days_active_in(m.start, last, q);
            if (active == 0) continue;
            if (!rng_.chance(0.06)) { // a few quarters have no progress report
                score = std::clamp(score + static_cast<int>(rng_.pick({0.16, 0.54, 0.30})) - 1, 1, 5);
                Value contact = null_value();
                if (placement && !rng_.chance(0.1)) contact = text(rng_.chance(0.68) ? "yes" : "no");
                out_.table(file_spec("measure_progress"))
                    .add_row({text(m.id), text(q.code()), whole(score), contact});
            }
            const double share = active / 91.25;
            const double projected = eur_per_quarter.at(m.kind) * share;
            const double actual = projected * rng_.normal(1.02, 0.06);
            // Invoices lag: about one in eight of the last quarter's is not in yet.
            const bool invoiced = !(q == period_.last_quarter && rng_.chance(0.12));
            out_.table(file_spec("costs"))
                .add_row({text("measure"), text(m.id), text(q.code()), euros(projected),
                          invoiced ? euros(std::max(0.0, actual)) : null_value()});
        }
    }

    const DemoWorld& world_;
    const DemoMunicipality& m_;
    Rng& rng_;
    Delivery& out_;
    std::vector<GiRouteReferral>& referrals_;
    const DemoPeriod& period_;
};

} // namespace

void generate_measures(const DemoWorld& world, const DemoMunicipality& municipality, Rng& rng,
                       Delivery& out, std::vector<GiRouteReferral>& referrals) {
    MeasureGenerator(world, municipality, rng, out, referrals).run();
}

} // namespace ss::demo
