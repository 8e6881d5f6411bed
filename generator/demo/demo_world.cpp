#include "demo/demo_world.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <stdexcept>

#include "core/errors.hpp"
#include "demo/random.hpp"

namespace ss::demo {

namespace {

struct GiDefinition {
    const char* id;
    const char* name;
    std::vector<std::string> regions; ///< empty: national
};

// The certified institutions (gecertificeerde instellingen) of the Netherlands and the youth-care
// regions they serve, as publicly known; a demo frame, not an authoritative list.
const std::vector<GiDefinition>& gi_definitions() {
    static const std::vector<GiDefinition> gis = {
        {"GI-JBN", "Jeugdbescherming Noord", {"JZ01", "JZ02", "JZ04"}},
        {"GI-JBNH", "Jeugdbescherming Noord-Holland",
         {"JZ03", "JZ05", "JZ06", "JZ10", "JZ11", "JZ15", "JZ16"}},
        {"GI-JBO", "Jeugdbescherming Overijssel", {"JZ07", "JZ14"}},
        {"GI-SVFL", "Samen Veilig Flevoland", {"JZ08"}},
        {"GI-JBRA", "Jeugdbescherming Regio Amsterdam", {"JZ09", "JZ13"}},
        {"GI-JBG", "Jeugdbescherming Gelderland",
         {"JZ12", "JZ17", "JZ21", "JZ25", "JZ28", "JZ30", "JZ32"}},
        {"GI-JBW", "Jeugdbescherming west", {"JZ18", "JZ24", "JZ27", "JZ31"}},
        {"GI-SVMN", "Samen Veilig Midden-Nederland", {"JZ19", "JZ20", "JZ22", "JZ23", "JZ26"}},
        {"GI-JBRR", "Jeugdbescherming Rotterdam Rijnmond", {"JZ29"}},
        {"GI-JBB", "Jeugdbescherming Brabant", {"JZ33", "JZ34", "JZ35", "JZ36", "JZ39"}},
        {"GI-JBL", "Jeugdbescherming Limburg", {"JZ37", "JZ41", "JZ42", "JZ43"}},
        {"GI-INT", "Intervence", {"JZ38"}},
        {gi_wss, "William Schrikker Stichting Jeugdbescherming & Jeugdreclassering", {}},
        {gi_ljr, "Leger des Heils Jeugdbescherming & Reclassering", {}},
        {gi_nidos, "Nidos", {}},
    };
    return gis;
}

// Parts of synthetic provider names; the combinations are fictitious.
const std::vector<std::string> provider_prefixes = {
    "Jeugdzorg", "Stichting", "Zorggroep", "Centrum", "Expertisecentrum", "Praktijk", "Kind & Gezin"};
const std::vector<std::string> provider_nouns = {
    "De Linde", "Het Anker", "De Brug", "Horizon", "De Hoeve", "Het Baken", "De Kering",
    "Kompas", "De Wilg", "Het Palet", "De Vonk", "Het Veer", "De Meander", "Zonnehoek",
    "De Boomgaard", "Het Kruispunt", "Lindenhof", "De Kajuit", "Het Gein", "Vlinderhuis"};

void add_gis(DemoWorld& world, const std::set<std::string>& regions_in_scope) {
    for (const auto& gi : gi_definitions()) {
        const bool national = gi.regions.empty();
        const bool serves = national || std::any_of(gi.regions.begin(), gi.regions.end(), [&](auto& r) {
                                return regions_in_scope.count(r) > 0;
                            });
        if (!serves) continue;
        world.institutions.push_back({gi.id, gi.name, "gi", gi.regions, {}, ""});
        for (const auto& r : gi.regions) world.regional_gi_by_region[r] = gi.id;
    }
}

void add_providers(DemoWorld& world, Rng& rng) {
    // Six regional providers per region and twenty that work nationwide, each offering one to
    // three of the segments 1-5 and 7 (segment 6 is the GI route).
    const std::vector<int> segments = {1, 2, 3, 4, 5, 7};
    auto make = [&](const std::string& id, const std::string& name, std::vector<std::string> regions) {
        DemoInstitution p{id, name, "provider", std::move(regions), {}, ""};
        const int count = rng.integer(1, 3);
        while (static_cast<int>(p.segments.size()) < count) {
            const int s = segments[rng.pick({0.8, 0.7, 0.6, 1.6, 0.4, 0.6})];
            if (std::find(p.segments.begin(), p.segments.end(), s) == p.segments.end())
                p.segments.push_back(s);
        }
        std::sort(p.segments.begin(), p.segments.end());
        world.institutions.push_back(std::move(p));
    };
    for (const auto& region : world.regions) {
        for (int i = 0; i < 6; ++i) {
            const std::string name = provider_prefixes[rng.integer(0, 6)] + " " +
                                     provider_nouns[rng.integer(0, 19)] + " " + region.name;
            make("P-" + region.code + "-" + std::to_string(i + 1), name, {region.code});
        }
    }
    for (int i = 0; i < 20; ++i) {
        const std::string name = provider_prefixes[i % 7] + " " + provider_nouns[i] + " Nederland";
        make("P-NL-" + std::to_string(i + 1), name, {});
    }
}

void add_local_teams(DemoWorld& world) {
    for (const auto& m : world.municipalities) {
        const std::string id = "LT-" + m.ref.code;
        world.institutions.push_back({id, "Sociaal wijkteam " + m.ref.name, "local_team",
                                      {m.ref.region_code}, {4, 7}, m.ref.code});
        world.local_team_by_municipality[m.ref.code] = id;
    }
}

std::string iso(Date d) { return format_iso_date(d); }

void add_case_workers(DemoWorld& world, Rng& rng) {
    // A case worker belongs to one GI and works in one region (kpis.md GI01 counts a whole
    // caseload): a pool per GI and region, sized by the youths the GI serves there at about
    // 10.5 active measures per 1,000 youths and 14 measures per case worker.
    std::map<std::pair<std::string, std::string>, double> youths_served; // (gi, region)
    for (const auto& m : world.municipalities) {
        youths_served[{world.regional_gi(m.ref.region_code), m.ref.region_code}] += m.youths_2024 * 0.78;
        // The national GIs' shares of all measures: Nidos has guardianships only.
        youths_served[{gi_wss, m.ref.region_code}] += m.youths_2024 * 0.11;
        youths_served[{gi_ljr, m.ref.region_code}] += m.youths_2024 * 0.14;
        youths_served[{gi_nidos, m.ref.region_code}] += m.youths_2024 * 0.05;
    }
    for (const auto& [key, youths] : youths_served) {
        const auto& [gi, region] = key;
        const double active = youths / 1000.0 * 10.5;
        const int pool = std::max(1, static_cast<int>(std::lround(active / 14.0)));
        auto& workers = world.case_workers[gi];
        auto& in_region = world.case_workers_by_region[key];
        for (int i = 0; i < pool; ++i) {
            in_region.push_back(workers.size());
            CaseWorker w{gi + "-" + region + "-CW" + std::to_string(101 + i), gi, "", "", region};
            if (!rng.chance(0.03)) { // a few are not (yet) registered
                w.skj_number = std::to_string(100000000 + rng.integer(0, 89999999));
                // Registrations run five years and are renewed; about one in twelve has
                // lapsed by late 2025.
                Date valid_until{make_date(2025, 10, 1).days + rng.integer(0, 5 * 365)};
                if (rng.chance(0.08)) valid_until = Date{make_date(2024, 1, 1).days + rng.integer(0, 630)};
                w.skj_valid_until = iso(valid_until);
            }
            workers.push_back(std::move(w));
        }
    }
}

bool in_scope(Scale scale, const MunicipalityRef& m) {
    if (scale == Scale::national) return true;
    // Zuid-Holland Zuid: the region whose segments the import format uses.
    if (m.region_code != "JZ31") return false;
    if (scale == Scale::region) return true;
    return m.name == "Dordrecht" || m.name == "Papendrecht" || m.name == "Sliedrecht";
}

} // namespace

DemoPeriod demo_period(int history_years) {
    if (history_years < 1 || history_years > 10)
        throw UsageError("--history-years: " + std::to_string(history_years) + " is not between 1 and 10");
    DemoPeriod period;
    const int first_year = 2026 - history_years;
    period.history_start = make_date(first_year, 1, 1);
    period.first_quarter = Quarter{first_year, 1};
    return period;
}

DemoWorld build_world(const DemoSettings& settings) {
    DemoWorld world;
    world.settings = settings;
    world.period = demo_period(settings.history_years);
    Rng rng = Rng::derived(settings.seed, "world");
    std::set<std::string> region_codes;
    for (const auto& ref : reference_municipalities()) {
        if (!in_scope(settings.scale, ref)) continue;
        DemoMunicipality m{ref, estimate_population(ref, 2024).youths_0_17, 1.0};
        Rng need_rng = Rng::derived(settings.seed, "need/" + ref.code);
        const double urban = m.youths_2024 > 30000 ? 1.12 : 1.0;
        m.need = urban * need_rng.lognormal_with_mean(1.0, 0.18);
        world.municipalities.push_back(std::move(m));
        region_codes.insert(ref.region_code);
    }
    for (const auto& r : reference_regions())
        if (region_codes.count(r.code)) world.regions.push_back(r);
    add_gis(world, region_codes);
    add_providers(world, rng);
    add_local_teams(world);
    add_case_workers(world, rng);
    return world;
}

const DemoInstitution& DemoWorld::institution(const std::string& id) const {
    for (const auto& i : institutions)
        if (i.id == id) return i;
    throw std::out_of_range("no demo institution " + id);
}

const std::string& DemoWorld::regional_gi(const std::string& region_code) const {
    return regional_gi_by_region.at(region_code);
}

const std::string& DemoWorld::local_team(const std::string& municipality_code) const {
    return local_team_by_municipality.at(municipality_code);
}

std::vector<const DemoInstitution*> DemoWorld::providers_for(const std::string& region_code,
                                                             int segment) const {
    std::vector<const DemoInstitution*> out;
    for (const auto& i : institutions) {
        if (i.kind != "provider") continue;
        const bool serves = i.regions.empty() ||
                            std::find(i.regions.begin(), i.regions.end(), region_code) != i.regions.end();
        if (serves && std::find(i.segments.begin(), i.segments.end(), segment) != i.segments.end())
            out.push_back(&i);
    }
    return out;
}

} // namespace ss::demo
