#include "report/gi_benchmark.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

#include "core/errors.hpp"
#include "format/dutch.hpp"

namespace ss {

namespace {

constexpr size_t short_name_length = 14;

/// The case mix of a scope: GI03's breakdown rows by kind, in the order of the labels.
CaseMix case_mix_of(const ReportContext& c, ScopeType scope_type, const std::string& scope_code) {
    const std::string q = c.quarter.code();
    auto keys = c.values->breakdowns(q, scope_type, scope_code, "GI03", "kind");
    if (c.labels) std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        return breakdown_order(*c.labels, a) < breakdown_order(*c.labels, b);
    });
    CaseMix mix;
    for (const auto& key : keys) {
        const Figure f = c.values->get(q, scope_type, scope_code, "GI03", key);
        if (f.value) mix.push_back({key.substr(key.find('=') + 1), *f.value});
    }
    return mix;
}

double share_of(const CaseMix& mix, const std::string& kind) {
    for (const auto& part : mix)
        if (part.kind == kind) return part.percent;
    return 0;
}

/// "Voogdij" -> "voogdij" within a sentence; an abbreviation ("OTS") stays as it is.
std::string in_sentence(std::string label) {
    if (label.size() > 1 && std::islower(static_cast<unsigned char>(label[1])))
        label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
    return label;
}

} // namespace

GiBenchmark build_gi_benchmark(const ReportContext& c, const Scope& region, const std::vector<KpiValue>& region_rows) {
    GiBenchmark b;
    b.title = c.definition->title;
    b.subtitle = c.definition->subtitle;
    b.region = region;
    b.quarter = c.quarter;
    b.delivered_on = c.delivered_on;
    b.labels = c.labels;
    b.texts = c.texts;
    std::set<std::string> seen;
    for (const auto& v : region_rows) {
        if (v.scope_type != scope_type_name(ScopeType::gi) || !seen.insert(v.scope_code).second) continue;
        const std::string id = v.scope_code.substr(v.scope_code.find('/') + 1);
        const auto name = c.provider_names.find(id);
        GiColumn gi{v.scope_code, id, name == c.provider_names.end() ? id : name->second, "", {}};
        gi.short_name = gi_short_name(c.labels, id, gi.name);
        gi.case_mix = case_mix_of(c, ScopeType::gi, v.scope_code);
        b.gis.push_back(std::move(gi));
    }
    b.region_case_mix = case_mix_of(c, ScopeType::region, region.code);
    std::sort(b.gis.begin(), b.gis.end(), [](const GiColumn& x, const GiColumn& y) { return x.name < y.name; });
    const std::string q = c.quarter.code();
    for (const auto& section : c.definition->sections)
        for (const auto& item : section.items) {
            const auto definition = c.kpis.find(item.kpi);
            if (definition == c.kpis.end())
                throw InputError(c.definition->file + ": KPI " + item.kpi + " has no query file in queries/");
            GiRow row{item, definition->second.kind, c.values->get(q, ScopeType::region, region.code, item.kpi, item.select), {}};
            if (row.item.title.empty()) row.item.title = definition->second.name;
            for (const auto& gi : b.gis) row.gis.push_back(c.values->get(q, ScopeType::gi, gi.scope_code, item.kpi, item.select));
            b.rows.push_back(std::move(row));
        }
    return b;
}

GiPosition gi_position(const GiBenchmark& b, const GiRow& row, size_t gi) {
    GiPosition p;
    const Figure& f = row.gis[gi];
    if (!f.value || !f.denominator || !row.region.value) return p;
    p.position = funnel_position(*f.value / 100.0, *row.region.value / 100.0, *f.denominator);
    const CaseMix& mix = b.gis[gi].case_mix;
    p.case_mix_differs = !mix.empty() && case_mix_distance(mix, b.region_case_mix) >= case_mix_difference_limit;
    if (p.case_mix_differs) {
        const CaseMixPart* biggest = nullptr;
        double most = -1;
        for (const auto& part : mix) {
            const double d = std::abs(part.percent - share_of(b.region_case_mix, part.kind));
            if (d > most) most = d, biggest = &part;
        }
        const std::string kind = b.labels ? code_label(*b.labels, "kind", biggest->kind) : biggest->kind;
        p.biggest_difference = in_sentence(kind) + " " + format_percent(biggest->percent, 0) + " tegen " +
                               format_percent(share_of(b.region_case_mix, biggest->kind), 0) + " in de regio";
    }
    return p;
}

double case_mix_distance(const CaseMix& a, const CaseMix& b) {
    std::set<std::string> kinds;
    for (const auto& part : a) kinds.insert(part.kind);
    for (const auto& part : b) kinds.insert(part.kind);
    double sum = 0;
    for (const auto& kind : kinds) sum += std::abs(share_of(a, kind) - share_of(b, kind));
    return sum / 2;
}

std::string gi_short_name(const CodeLabels* labels, const std::string& id, const std::string& name) {
    if (labels) {
        const std::string known = code_label(*labels, "gi_short", id);
        if (known != id) return known;
    }
    if (name.size() <= short_name_length) return name;
    std::string initials;
    bool start = true;
    for (const char ch : name) {
        if (start && (std::isupper(static_cast<unsigned char>(ch)) || ch == '&')) initials += ch;
        start = ch == ' ';
    }
    return initials.empty() ? name : initials;
}

} // namespace ss
