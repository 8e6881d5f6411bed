#include "demo/trajectories_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "demo/rows.hpp"

namespace ss::demo {

namespace {

// Yearly trajectory starts per 1,000 youths at need 1, calibrated so that about 474,000 youths
// have youth care in 2023 (CBS Jeugdmonitor 2024), roughly one in ten.
constexpr double starts_per_1000 = 90.0;
constexpr double repeat_child_share = 0.24;

struct SegmentProfile {
    double weight;         ///< share of trajectory starts
    double mean_days;      ///< mean duration
    double eur_per_day;    ///< average cost
};

// Segments 1-7 (ZHZ): hoogspecialistisch, verblijf, dagbehandeling, ambulant, crisis, GI route,
// jeugdhulp op school. Segment 6 starts come from measures, not from this mix.
const std::array<SegmentProfile, 8> segments = {{
    {0, 0, 0},
    {0.10, 300, 95},
    {0.07, 420, 200},
    {0.08, 270, 72},
    {0.50, 200, 28},
    {0.05, 40, 320},
    {0.00, 400, 48},
    {0.20, 150, 16},
}};

struct Trajectory {
    std::string id;
    std::string child_id;
    std::string provider_id;
    int segment = 4;
    std::optional<int> profile;
    std::string intensity;
    std::string referrer;
    Date start;
    Date true_end;
    std::string end_reason;
};

class TrajectoryGenerator {
public:
    TrajectoryGenerator(const DemoWorld& world, const DemoMunicipality& m, Rng& rng, Delivery& out)
        : world_(world), m_(m), rng_(rng), out_(out), period_(world.period) {
        for (int s = 1; s <= 7; ++s) providers_[s] = world.providers_for(m.ref.region_code, s);
    }

    void run(const std::vector<GiRouteReferral>& referrals) {
        // Three years before the delivered history, so that its first quarters have a stock of
        // running trajectories; never later than 2020, which the default demo is calibrated on.
        const Date sim_start = std::min(make_date(2020, 1, 1), make_date(period_.first_quarter.year - 3, 1, 1));
        const double years = (period_.data_end.days - sim_start.days) / 365.25;
        const int n = rng_.poisson(starts_per_1000 * m_.youths_2024 / 1000.0 * m_.need * years);
        std::vector<double> weights;
        for (int s = 1; s <= 7; ++s) weights.push_back(segments[s].weight);
        for (int i = 0; i < n; ++i) {
            const Date start{sim_start.days + rng_.integer(0, period_.data_end.days - sim_start.days)};
            const int segment = static_cast<int>(rng_.pick(weights)) + 1;
            emit(make(child_for_new_trajectory(), segment, start, referrer(segment)));
        }
        for (const auto& r : referrals)
            if (r.start <= period_.data_end) emit(make(r.child_id, 6, r.start, "gi"));
    }

private:
    std::string child_for_new_trajectory() {
        // Some children come back or get a second kind of help: reuse a recent child.
        if (!recent_children_.empty() && rng_.chance(repeat_child_share)) {
            const int window = std::min<int>(400, static_cast<int>(recent_children_.size()));
            return recent_children_[recent_children_.size() - 1 - rng_.integer(0, window - 1)];
        }
        recent_children_.push_back(pseudonym('K', rng_.next_u64()));
        return recent_children_.back();
    }

    std::string referrer(int segment) {
        static const std::vector<std::string> codes = {"local_team", "gp", "gi", "medical_specialist",
                                                       "youth_doctor", "other"};
        if (segment == 5) return codes[rng_.pick({0.3, 0.25, 0.15, 0.2, 0.0, 0.1})];
        return codes[rng_.pick({0.45, 0.30, 0.03, 0.08, 0.08, 0.06})];
    }

    std::string provider(int segment) {
        const bool local = (segment == 7 && rng_.chance(0.6)) || (segment == 4 && rng_.chance(0.25));
        const auto& candidates = providers_[segment];
        if (local || candidates.empty()) return world_.local_team(m_.ref.code);
        // Regional providers take most; the national ones the rest.
        std::vector<double> weights;
        for (const auto* p : candidates) weights.push_back(p->regions.empty() ? 0.25 : 1.0);
        return candidates[rng_.pick(weights)]->id;
    }

    Trajectory make(const std::string& child, int segment, Date start, const std::string& referrer_code) {
        static const std::vector<std::string> ends = {"planned", "early_termination", "no_show",
                                                      "transfer", "other"};
        Trajectory t;
        t.id = pseudonym('T', rng_.next_u64());
        t.child_id = child;
        t.segment = segment;
        // GI-route care is given by providers of residential or ambulant help.
        t.provider_id = provider(segment == 6 ? (rng_.chance(0.5) ? 2 : 4) : segment);
        if (!rng_.chance(0.15)) t.profile = rng_.integer(1, 10);
        t.intensity = segment == 5 ? "acuut" : intensities()[rng_.pick({0.40, 0.32, 0.08, 0.20})];
        t.referrer = referrer_code;
        t.start = start;
        t.end_reason = ends[rng_.pick({0.70, 0.12, 0.05, 0.08, 0.05})];
        double mean = segments[segment].mean_days;
        if (t.intensity == "duurzaam") mean *= 1.6;
        if (t.end_reason == "early_termination" || t.end_reason == "no_show") mean *= 0.5;
        const int duration = std::clamp(static_cast<int>(rng_.lognormal_with_mean(mean, 0.6)), 1, 3 * 365);
        t.true_end = Date{start.days + duration};
        return t;
    }

    void emit(const Trajectory& t) {
        if (t.true_end < period_.history_start) return;
        const bool ended = t.true_end <= period_.data_end;
        const Date last = ended ? t.true_end : period_.data_end;
        out_.table(file_spec("trajectories"))
            .add_row({text(t.id), text(t.child_id), text(m_.ref.code), text(t.provider_id),
                      whole(t.segment), t.profile ? whole(*t.profile) : null_value(), text(t.intensity),
                      text(t.referrer), date_value(t.start), ended ? date_value(t.true_end) : null_value(),
                      ended ? text(t.end_reason) : null_value()});
        outcomes(t, ended);
        costs(t, last);
    }

    Value score(double mean, double presence) {
        if (!rng_.chance(presence)) return null_value();
        return whole(std::clamp(static_cast<int>(std::lround(rng_.normal(mean, 1.3))), 1, 10));
    }

    Value goal(double success) {
        if (!rng_.chance(0.7)) return null_value();
        return text(rng_.chance(success) ? "1" : "0");
    }

    void outcome_row(const Trajectory& t, const char* moment, double success) {
        out_.table(file_spec("outcomes"))
            .add_row({text(t.id), text(moment), score(7.3, 0.55), score(7.5, 0.75), goal(success),
                      goal(success - 0.05), goal(success + 0.05), goal(success - 0.1)});
    }

    void outcomes(const Trajectory& t, bool ended) {
        if (t.start >= period_.history_start && rng_.chance(0.4)) outcome_row(t, "start", 0.2);
        if (!ended) return;
        const Date ended_on = t.true_end;
        const bool dropped = t.end_reason == "early_termination" || t.end_reason == "no_show";
        if (rng_.chance(dropped ? 0.35 : 0.65)) outcome_row(t, "end", dropped ? 0.3 : 0.72);
        if (ended_on.days + 183 <= period_.data_end.days && rng_.chance(0.15))
            outcome_row(t, "followup_6m", dropped ? 0.35 : 0.68);
    }

    void costs(const Trajectory& t, Date last) {
        const double per_day = segments[t.segment].eur_per_day * (t.intensity == "intensief" ? 1.3 : 1.0);
        for (Quarter q = period_.first_quarter; q <= period_.last_quarter; q = q.next()) {
            const int active = days_active_in(t.start, last, q);
            if (active == 0) continue;
            const double projected = active * per_day * rng_.normal(1.0, 0.06);
            const double actual = active * per_day * rng_.normal(1.04, 0.12);
            // Invoices lag: about one in eight of the last quarter's is not in yet.
            const bool invoiced = !(q == period_.last_quarter && rng_.chance(0.12));
            out_.table(file_spec("costs"))
                .add_row({text("trajectory"), text(t.id), text(q.code()), euros(std::max(0.0, projected)),
                          invoiced ? euros(std::max(0.0, actual)) : null_value()});
        }
    }

    const DemoWorld& world_;
    const DemoMunicipality& m_;
    Rng& rng_;
    Delivery& out_;
    const DemoPeriod& period_;
    std::array<std::vector<const DemoInstitution*>, 8> providers_;
    std::vector<std::string> recent_children_;
};

} // namespace

const std::vector<std::string>& intensities() {
    static const std::vector<std::string> list = {"perspectief", "intensief", "acuut", "duurzaam"};
    return list;
}

int norm_days(int segment, const std::string& intensity) {
    static const std::array<int, 8> base = {0, 365, 540, 365, 270, 56, 540, 180};
    const double factor = intensity == "acuut" ? 0.5 : intensity == "intensief" ? 1.0
                        : intensity == "perspectief" ? 1.25 : 2.0;
    return static_cast<int>(base[segment] * factor);
}

void generate_trajectories(const DemoWorld& world, const DemoMunicipality& municipality, Rng& rng,
                           const std::vector<GiRouteReferral>& referrals, Delivery& out) {
    TrajectoryGenerator(world, municipality, rng, out).run(referrals);
}

} // namespace ss::demo
