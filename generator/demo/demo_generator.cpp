#include "demo/demo_generator.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "core/slug.hpp"
#include "demo/measures_model.hpp"
#include "demo/population_model.hpp"
#include "demo/rows.hpp"
#include "demo/trajectories_model.hpp"

namespace ss::demo {

namespace {

void add_geography(const DemoWorld& world, Delivery& out) {
    for (const auto& r : world.regions) out.table(file_spec("regions")).add_row({text(r.code), text(r.name)});
    for (const auto& m : world.municipalities) {
        out.table(file_spec("municipalities"))
            .add_row({text(m.ref.code), text(m.ref.name), text(m.ref.region_code)});
        // From the year before the first quarter: the population of Q falls back to an earlier year.
        for (int year = std::min(2022, world.period.first_quarter.year - 1); year <= 2025; ++year) {
            const PopulationEstimate p = estimate_population(m.ref, year);
            out.table(file_spec("population"))
                .add_row({text(m.ref.code), whole(year), whole(p.inhabitants), whole(p.youths_0_17)});
        }
    }
}

void add_institutions(const DemoWorld& world, Delivery& out) {
    for (const auto& i : world.institutions)
        out.table(file_spec("institutions")).add_row({text(i.id), text(i.name), text(i.kind)});
    for (const auto& [gi, workers] : world.case_workers)
        for (const auto& w : workers)
            out.table(file_spec("case_workers"))
                .add_row({text(w.id), text(w.institution_id), optional_text(w.skj_number),
                          optional_text(w.skj_valid_until)});
}

void add_norms(Delivery& out) {
    for (int segment = 1; segment <= 7; ++segment)
        for (const auto& intensity : intensities())
            out.table(file_spec("norms"))
                .add_row({whole(segment), text(intensity), whole(norm_days(segment, intensity))});
}

void add_waiting_lists(const DemoWorld& world, Rng& rng, Delivery& out) {
    for (const auto& p : world.institutions) {
        if (p.kind != "provider") continue;
        for (int segment : p.segments) {
            double pressure = rng.lognormal_with_mean(1.0, 0.4);
            for (Quarter q = world.period.first_quarter; q <= world.period.last_quarter; q = q.next()) {
                pressure = std::clamp(pressure * rng.normal(1.0, 0.08), 0.3, 3.0);
                const int waiting = rng.poisson(11.0 * pressure);
                const int longest = waiting == 0 ? 0 : static_cast<int>(rng.lognormal_with_mean(62.0 * pressure, 0.45));
                out.table(file_spec("waiting_lists"))
                    .add_row({text(p.id), whole(segment), text(q.code()), whole(waiting), whole(longest)});
            }
        }
    }
}

struct TargetDefinition {
    const char* kpi_id;
    const char* breakdown; ///< "" for the total
    double target;
    const char* direction;
    bool municipalities_too;
    bool share; ///< a percentage: never above 100
};

void add_targets(const DemoWorld& world, Rng& rng, Delivery& out) {
    static const std::vector<TargetDefinition> targets = {
        {"JH01", "", 118.0, "lower_is_better", true, false},
        {"JB01", "", 7.5, "lower_is_better", true, false},
        {"JH07", "", 100.0, "lower_is_better", true, true},
        {"JH05", "", 15.0, "lower_is_better", false, true},
        {"JH05", "segment=4", 12.0, "lower_is_better", false, true},
        {"JH05", "segment=2", 20.0, "lower_is_better", false, true},
        {"JH04", "segment=4", 300.0, "lower_is_better", false, false},
        {"JB06", "", 96.0, "higher_is_better", false, true},
        {"JB10", "", 70.0, "higher_is_better", false, true},
        {"UI02", "", 15.0, "lower_is_better", false, true}};
    auto add = [&](const std::string& scope, const TargetDefinition& t) {
        const double local = t.target * rng.normal(1.0, 0.05);
        for (int year = 2023; year <= 2025; ++year) {
            // Ambitions tighten a little every year.
            const double step = std::string(t.direction) == "lower_is_better" ? -0.02 : 0.005;
            double value = std::round(local * (1.0 + step * (year - 2023)) * 10.0) / 10.0;
            if (t.share) value = std::min(value, 100.0);
            out.table(file_spec("kpi_targets"))
                .add_row({text(t.kpi_id), text(scope), whole(year), text(t.breakdown), Value{value}, text(t.direction)});
        }
    };
    for (const auto& r : world.regions)
        for (const auto& t : targets) add(r.code, t);
    for (const auto& m : world.municipalities)
        for (const auto& t : targets)
            if (t.municipalities_too) add(m.ref.code, t);
}

/// A few notes of the development tables (notes.csv): per region an agreement, and an
/// explanation of a figure in the region's first municipality.
void add_notes(const DemoWorld& world, Delivery& out) {
    const FileSpec& spec = file_spec("notes");
    for (const auto& r : world.regions) {
        out.table(spec).add_row({text("N-" + r.code + "-1"), text(r.code), text("2025-Q2"), null_value(), text("afspraak"),
                                 text("De aanbieders met een wachttijd boven vier maanden leveren een herstelplan aan."),
                                 text("contractmanagement jeugd"), text("2025-Q4"), text("open")});
        out.table(spec).add_row({text("N-" + r.code + "-2"), text(r.code), text("2025-Q1"), text("JB06"), text("afspraak"),
                                 text("De GI's melden elk kwartaal hoeveel jeugdprofessionals hun SKJ-registratie vernieuwen."),
                                 text("beleidsadviseur jeugdbescherming"), text("2025-Q3"), text("done")});
        for (const auto& m : world.municipalities)
            if (m.ref.region_code == r.code) {
                out.table(spec).add_row({text("N-" + m.ref.code + "-1"), text(m.ref.code), text("2025-Q4"), text("JH06"),
                                         text("toelichting"),
                                         text("De kosten van het vierde kwartaal zijn voorlopig: een deel van de facturen komt pas in januari binnen."),
                                         null_value(), null_value(), null_value()});
                break;
            }
    }
}

void add_recipients(const DemoWorld& world, Delivery& out) {
    auto add = [&](const std::string& scope, const std::string& name, const std::string& email,
                   const char* role, const char* reports) {
        out.table(file_spec("recipients"))
            .add_row({text(scope), text(name), text(email), text(role), text(reports)});
    };
    for (const auto& m : world.municipalities) {
        const std::string domain = slugify(m.ref.name) + ".gemeente.example";
        add(m.ref.code, "Beleidsadviseur jeugd " + m.ref.name, "jeugd@" + domain, "policy",
            "samen-sturen;council");
        add(m.ref.code, "Griffie " + m.ref.name, "griffie@" + domain, "council", "council");
    }
    for (const auto& r : world.regions) {
        const std::string domain = slugify(r.name) + ".regio.example";
        add(r.code, "Contractmanagement jeugd " + r.name, "contractmanagement@" + domain,
            "contract_management", "region;gi-benchmark");
        add(r.code, "Regionaal beleidsteam " + r.name, "beleid@" + domain, "policy", "region");
        const auto& gi = world.institution(world.regional_gi(r.code));
        add(r.code, "Kwaliteit " + gi.name, "kwaliteit-" + slugify(r.code) + "@" + slugify(gi.name) + ".gi.example",
            "gi", "gi-benchmark");
    }
}

} // namespace

Scale parse_scale(const std::string& text) {
    if (text == "small") return Scale::small;
    if (text == "region") return Scale::region;
    if (text == "national") return Scale::national;
    throw UsageError("--scale: '" + text + "' is not a scale (small, region or national)");
}

Delivery generate_demo(const DemoSettings& settings) {
    const DemoWorld world = build_world(settings);
    Delivery out;
    // Every file exists in the delivery, even where a small scale leaves it nearly empty.
    for (const auto& spec : file_specs()) out.table(spec);
    add_geography(world, out);
    add_institutions(world, out);
    add_norms(out);
    Rng context_rng = Rng::derived(settings.seed, "context");
    add_waiting_lists(world, context_rng, out);
    add_targets(world, context_rng, out);
    add_recipients(world, out);
    add_notes(world, out);
    for (const auto& m : world.municipalities) {
        // One stream per municipality: its records do not depend on which others are generated.
        Rng rng = Rng::derived(settings.seed, "records/" + m.ref.code);
        std::vector<GiRouteReferral> referrals;
        generate_measures(world, m, rng, out, referrals);
        generate_trajectories(world, m, rng, referrals, out);
    }
    return out;
}

} // namespace ss::demo
