#include "report/report_builder.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace ss {

namespace {

struct ScopeRef {
    std::string type;
    std::string code;
};

/// Where an item's own figures come from: the scope, or its region for a region-level KPI.
ScopeRef own_scope(const Scope& scope, const ReportItem& item) {
    if (item.region_level && scope.type == "municipality") return {"region", scope.region_code};
    return {scope.type, scope.code};
}

std::vector<Figure> trend_of(const KpiTable& values, const std::vector<Quarter>& quarters, const ScopeRef& s,
                             const std::string& kpi, const std::string& breakdown) {
    std::vector<Figure> trend;
    for (const auto& q : quarters) trend.push_back(values.get(q.code(), s.type, s.code, kpi, breakdown));
    return trend;
}

std::vector<BreakdownRow> breakdown_rows(const ReportContext& c, const std::vector<Quarter>& quarters,
                                         const ScopeRef& own, const ScopeRef* region, const ReportItem& item) {
    const std::string q = c.quarter.code();
    std::vector<std::string> keys = c.values->breakdowns(q, own.type, own.code, item.kpi, item.breakdown);
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        return breakdown_order(*c.labels, a) < breakdown_order(*c.labels, b);
    });
    std::vector<BreakdownRow> rows;
    for (const auto& key : keys) {
        BreakdownRow row;
        row.breakdown = key;
        row.label = breakdown_label(*c.labels, key);
        row.scope = c.values->get(q, own.type, own.code, item.kpi, key);
        if (region) row.region = c.values->get(q, region->type, region->code, item.kpi, key);
        if (item.chart == ChartKind::stacked_trend) row.trend = trend_of(*c.values, quarters, own, item.kpi, key);
        rows.push_back(std::move(row));
    }
    return rows;
}

KpiBlock build_block(const ReportContext& c, const std::vector<Quarter>& quarters, const Scope& scope,
                     const ReportItem& item) {
    const auto definition = c.kpis.find(item.kpi);
    if (definition == c.kpis.end())
        throw InputError(c.definition->file + ": KPI " + item.kpi + " has no query file in queries/");
    KpiBlock block;
    block.item = item;
    block.name = definition->second.name;
    block.kind = definition->second.kind;
    if (block.item.title.empty()) block.item.title = block.name;

    const ScopeRef own = own_scope(scope, item);
    const bool with_region = scope.type == "municipality" && !item.region_level;
    const ScopeRef region{"region", scope.region_code};
    const std::string q = c.quarter.code();
    if (!item.breakdown.empty()) {
        block.rows = breakdown_rows(c, quarters, own, with_region ? &region : nullptr, item);
        return block;
    }
    const std::string& key = item.select; // "" for the total
    block.value = c.values->get(q, own.type, own.code, item.kpi, key);
    block.year_ago = c.values->get(Quarter{c.quarter.year - 1, c.quarter.q}.code(), own.type, own.code, item.kpi, key);
    block.trend = trend_of(*c.values, quarters, own, item.kpi, key);
    if (with_region) {
        block.region = c.values->get(q, region.type, region.code, item.kpi, key);
        block.region_trend = trend_of(*c.values, quarters, region, item.kpi, key);
    }
    block.change = compare_with_year_ago(block.value.value, block.year_ago.value);
    const auto target = key.empty() ? c.targets.find({item.kpi, own.code}) : c.targets.end();
    if (target != c.targets.end()) {
        block.target = target->second;
        if (block.value.value) block.status = target_status(*block.value.value, target->second);
    }
    return block;
}

} // namespace

std::vector<Quarter> trend_quarters(const Quarter& q) {
    std::vector<Quarter> quarters{q};
    while (quarters.size() < 8) quarters.insert(quarters.begin(), quarters.front().previous());
    return quarters;
}

ReportModel build_report(const ReportContext& c, const Scope& scope, std::vector<Signal> signals,
                         std::vector<KpiValue> long_form) {
    ReportModel model;
    model.kind = c.definition->kind;
    model.title = c.definition->title;
    model.subtitle = c.definition->subtitle;
    model.scope = scope;
    model.quarter = c.quarter;
    model.delivered_on = c.delivered_on;
    model.quarters = trend_quarters(c.quarter);
    model.labels = c.labels;
    model.author = scope.type == "region" ? scope.name : scope.region_name;
    for (const auto& def : c.definition->sections) {
        Section section{def.id, def.title, def.intro, {}, def.signals};
        for (const auto& item : def.items) section.blocks.push_back(build_block(c, model.quarters, scope, item));
        model.sections.push_back(std::move(section));
    }
    model.sentences = c.definition->sentences;
    model.paragraphs = c.definition->paragraphs;
    model.signals = std::move(signals);
    model.long_form = std::move(long_form);
    return model;
}

std::vector<const KpiBlock*> headline_blocks(const ReportModel& model) {
    std::vector<const KpiBlock*> blocks;
    for (const auto& s : model.sections)
        for (const auto& b : s.blocks)
            if (b.item.headline) blocks.push_back(&b);
    return blocks;
}

std::string short_quarter_label(const Quarter& q) {
    return "K" + std::to_string(q.q) + " " + std::to_string(q.year);
}

} // namespace ss
