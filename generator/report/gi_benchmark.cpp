#include "report/gi_benchmark.hpp"

#include <algorithm>
#include <set>

#include "core/errors.hpp"

namespace ss {

GiBenchmark build_gi_benchmark(const ReportContext& c, const Scope& region, const std::vector<KpiValue>& region_rows) {
    GiBenchmark b;
    b.title = c.definition->title;
    b.subtitle = c.definition->subtitle;
    b.region = region;
    b.quarter = c.quarter;
    b.delivered_on = c.delivered_on;
    b.labels = c.labels;
    std::set<std::string> seen;
    for (const auto& v : region_rows) {
        if (v.scope_type != "gi" || !seen.insert(v.scope_code).second) continue;
        const std::string id = v.scope_code.substr(v.scope_code.find('/') + 1);
        const auto name = c.provider_names.find(id);
        b.gis.push_back({v.scope_code, id, name == c.provider_names.end() ? id : name->second});
    }
    std::sort(b.gis.begin(), b.gis.end(), [](const GiColumn& x, const GiColumn& y) { return x.name < y.name; });
    const std::string q = c.quarter.code();
    for (const auto& section : c.definition->sections)
        for (const auto& item : section.items) {
            const auto definition = c.kpis.find(item.kpi);
            if (definition == c.kpis.end())
                throw InputError(c.definition->file + ": KPI " + item.kpi + " has no query file in queries/");
            GiRow row{item, definition->second.kind, c.values->get(q, "region", region.code, item.kpi, item.select), {}};
            if (row.item.title.empty()) row.item.title = definition->second.name;
            for (const auto& gi : b.gis) row.gis.push_back(c.values->get(q, "gi", gi.scope_code, item.kpi, item.select));
            b.rows.push_back(std::move(row));
        }
    return b;
}

FunnelPosition gi_position(const GiRow& row, size_t gi) {
    const Figure& f = row.gis[gi];
    if (!f.value || !f.denominator || !row.region.value) return FunnelPosition::within;
    return funnel_position(*f.value / 100.0, *row.region.value / 100.0, *f.denominator);
}

} // namespace ss
