#include "report/report_builder.hpp"

#include <set>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/errors.hpp"
#include "report/control_check.hpp"
#include "core/text_split.hpp"

namespace ss {

namespace {

struct ScopeRef {
    ScopeType type;
    std::string code;
};

/// The names the data gives providers and municipalities, for breakdowns in words.
DataNames data_names(const ReportContext& c) { return {&c.provider_names, c.scopes}; }

/// Where an item's own figures come from: the scope, or its region for a region-level KPI.
ScopeRef own_scope(const Scope& scope, const ReportItem& item) {
    if (item.region_level && scope.type == ScopeType::municipality) return {ScopeType::region, scope.region_code};
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
        row.label = breakdown_words(*c.labels, data_names(c), key);
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
    const bool with_region = scope.type == ScopeType::municipality && !item.region_level;
    const ScopeRef region{ScopeType::region, scope.region_code};
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
    // A provisional cost figure claims no rise or fall and no target status (kpis.md, "Data
    // completeness"): the invoices still to come would make it look better than it is.
    const bool provisional = block.value.provisional || block.year_ago.provisional;
    if (!provisional) block.change = compare_with_year_ago(block.value.value, block.year_ago.value);
    const auto target = c.targets.find({item.kpi, own.code, key});
    if (target != c.targets.end()) {
        block.target = target->second;
        if (block.value.value && !block.value.provisional) block.status = target_status(*block.value.value, target->second);
    }
    // Better or worse: the target's direction where there is one, else the template's default.
    const std::optional<Direction> better = block.target ? std::optional(block.target->direction) : item.desired;
    if (block.change && better) block.judgement = judge(*block.change, *better);
    if (const auto check = control_check(block.trend, block.kind)) {
        block.control_lower = check->lower;
        block.control_upper = check->upper;
        if (check->side != ControlCheck::Side::inside) block.notable_rise = check->side == ControlCheck::Side::above;
    }
    return block;
}

/// Each headline total of the report for every municipality of the region, high to low.
std::vector<Comparison> comparisons_of(const ReportContext& c, const ReportModel& model) {
    std::vector<Comparison> out;
    if (!c.scopes) return out;
    for (const KpiBlock* b : headline_blocks(model)) {
        Comparison cmp{b->item, b->kind, municipality_figures(c, model.scope.code, b->item), b->value};
        std::stable_sort(cmp.municipalities.begin(), cmp.municipalities.end(), [](const ScopeFigure& x, const ScopeFigure& y) {
            if (x.figure.value.has_value() != y.figure.value.has_value()) return x.figure.value.has_value();
            return x.figure.value && *x.figure.value > *y.figure.value;
        });
        out.push_back(std::move(cmp));
    }
    return out;
}

} // namespace

namespace {

/// The value of `name=` in a row key, and whether the key has it at all.
bool field_of(const std::string& key, const std::string& name, std::string& value) {
    const std::string prefix = name + "=";
    for (const std::string_view part : split(key, ','))
        if (part.starts_with(prefix)) {
            value = part.substr(prefix.size());
            return true;
        }
    return false;
}

} // namespace

/// Splits a TR breakdown (`provider=P,intensity=intensief,goal=education`) into the row it belongs
/// to (`provider=P,intensity=intensief`) and the KPI's own key (`goal=education`, or "").
void split_transparency_key(const std::string& breakdown, std::string& row, std::string& own) {
    row.clear();
    own.clear();
    for (const std::string_view part : split(breakdown, ',')) {
        const bool own_key = part.starts_with("respondent=") || part.starts_with("end_reason=") || part.starts_with("goal=");
        if (own_key) own = part;
        else row.append(row.empty() ? "" : ",").append(part);
    }
}

TransparencyRow transparency_row_of(const std::string& key, const std::map<std::string, std::string>& provider_names) {
    TransparencyRow row;
    const bool provider = field_of(key, "provider", row.provider_id);
    row.has_profile = field_of(key, "profile", row.profile);
    const bool intensity = field_of(key, "intensity", row.intensity);
    if (provider) {
        const auto name = provider_names.find(row.provider_id);
        row.provider_name = name == provider_names.end() ? row.provider_id : name->second;
    }
    row.level = provider ? (row.has_profile ? TransparencyLevel::cell
                                            : intensity ? TransparencyLevel::provider_intensity : TransparencyLevel::provider)
                         : row.has_profile ? TransparencyLevel::profile : TransparencyLevel::intensity;
    row.goals.resize(goal_keys().size());
    return row;
}

std::vector<ScopeFigure> municipality_figures(const ReportContext& c, const std::string& region_code, const ReportItem& item) {
    std::vector<ScopeFigure> figures;
    if (!c.scopes) return figures;
    for (const auto& s : *c.scopes)
        if (s.type == ScopeType::municipality && s.region_code == region_code)
            figures.push_back({s.code, s.name, c.values->get(c.quarter.code(), s.type, s.code, item.kpi, item.select)});
    return figures;
}

const std::vector<std::string>& goal_keys() {
    static const std::vector<std::string> keys{"goal=education", "goal=family_balance", "goal=problem_reduction",
                                               "goal=participation"};
    return keys;
}

std::vector<TransparencyRow> transparency_rows(const std::vector<KpiValue>& region_rows,
                                               const std::map<std::string, std::string>& provider_names) {
    std::map<std::string, TransparencyRow> rows_by_key;
    for (const auto& v : region_rows) {
        if (v.scope_type != scope_type_name(ScopeType::region) || !is_transparency_cell(v)) continue;
        std::string key, own;
        split_transparency_key(v.breakdown, key, own);
        auto found = rows_by_key.find(key);
        if (found == rows_by_key.end()) found = rows_by_key.emplace(key, transparency_row_of(key, provider_names)).first;
        TransparencyRow& row = found->second;
        const Figure f{v.value, v.numerator, v.denominator, v.provisional};
        if (v.kpi_id == "TR02" && own.empty()) {
            row.dropout = f;
            row.ended = Figure{v.denominator, v.denominator, {}, v.provisional}; // n: a count of its own
        }
        else if (v.kpi_id == "TR01" && own == "respondent=youth") row.youth = f;
        else if (v.kpi_id == "TR01" && own == "respondent=parent") row.parent = f;
        else if (v.kpi_id == "TR04") row.cost = f;
        else if (v.kpi_id == "TR03")
            for (size_t g = 0; g < goal_keys().size(); ++g)
                if (own == goal_keys()[g]) row.goals[g] = f;
    }
    std::vector<TransparencyRow> rows;
    for (auto& [key, row] : rows_by_key) rows.push_back(std::move(row));
    std::stable_sort(rows.begin(), rows.end(), [](const TransparencyRow& a, const TransparencyRow& b) {
        const auto profile = [](const TransparencyRow& r) { return r.profile.empty() ? 99 : std::stoi(r.profile); };
        return std::tuple(a.level, a.provider_name, profile(a), a.intensity) <
               std::tuple(b.level, b.provider_name, profile(b), b.intensity);
    });
    return rows;
}

std::vector<Quarter> trend_quarters(const Quarter& q) {
    std::vector<Quarter> quarters{q};
    while (quarters.size() < 8) quarters.insert(quarters.begin(), quarters.front().previous());
    return quarters;
}

void select_notes(const std::vector<Note>& notes, const std::string& scope_code, const Quarter& quarter,
                  std::vector<Note>& agreements, std::vector<Note>& explanations) {
    const std::string q = quarter.code(); // YYYY-Qn sorts as text
    for (const auto& n : notes) {
        if (n.scope_code != scope_code || n.quarter > q) continue;
        if (n.kind == "toelichting") {
            if (n.quarter == q) explanations.push_back(n);
        } else if (n.status.empty() || n.status == "open") {
            agreements.push_back(n);
        } else if ((n.due_quarter.empty() ? n.quarter : n.due_quarter) >= q) {
            agreements.push_back(n); // done or dropped: shown until its due quarter, then no more
        }
    }
}

bool overdue(const Note& agreement, const Quarter& quarter) {
    return agreement.kind == "afspraak" && (agreement.status.empty() || agreement.status == "open") &&
           !agreement.due_quarter.empty() && agreement.due_quarter < quarter.code();
}

CouncilDetails council_details(const ReportContext& c, const Scope& scope) {
    CouncilDetails d;
    d.date = c.run_date;
    const CouncilContact* contact = nullptr;
    if (c.council_settings)
        if (const auto it = c.council_settings->find(scope.code); it != c.council_settings->end()) contact = &it->second;
    const std::string prefix = contact && !contact->kenmerk_prefix.empty() ? contact->kenmerk_prefix : "SS";
    d.kenmerk = prefix + "/" + std::to_string(c.quarter.year) + "-K" + std::to_string(c.quarter.q) + "/" + scope.code;
    if (!contact) return d;
    d.portfolio_holder = contact->portfolio_holder;
    for (const std::string* part : {&contact->contact_name, &contact->contact_email, &contact->contact_phone})
        if (!part->empty()) d.contact += (d.contact.empty() ? "" : ", ") + *part;
    return d;
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
    model.delivery_ids = c.delivery_ids;
    model.quarters = trend_quarters(c.quarter);
    model.labels = c.labels;
    model.names = data_names(c);
    model.texts = c.texts;
    model.author = scope.type == ScopeType::region ? scope.name : scope.region_name;
    for (const auto& def : c.definition->sections) {
        Section section{def.id, def.title, def.intro, {}, def.signals};
        for (const auto& item : def.items)
            if (!item.region_report_only || scope.type == ScopeType::region)
                section.blocks.push_back(build_block(c, model.quarters, scope, item));
        if (!section.blocks.empty()) model.sections.push_back(std::move(section));
    }
    if (scope.type == ScopeType::region) {
        model.comparisons = comparisons_of(c, model);
        model.transparency = transparency_rows(long_form, c.provider_names);
    }
    model.sentences = c.definition->sentences;
    if (c.notes) select_notes(*c.notes, scope.code, c.quarter, model.agreements, model.explanations);
    model.letter = c.definition->letter;
    model.council = council_details(c, scope);
    model.signalled = signalled_measures(signals);
    model.long_form = std::move(long_form);
    for (const auto& [id, kpi] : c.kpis) model.kpi_names.emplace(id, kpi.name);
    return model;
}

std::vector<SignalledMeasure> signalled_measures(const std::vector<Signal>& signals) {
    std::map<std::string, SignalledMeasure> by_id;
    for (const auto& s : signals) {
        auto [it, added] = by_id.try_emplace(s.measure_id, SignalledMeasure{s.measure_id, s.measure_kind, s.start_date, {}});
        auto& kinds = it->second.signals;
        if (std::find(kinds.begin(), kinds.end(), s.kind) == kinds.end()) kinds.push_back(s.kind);
    }
    std::vector<SignalledMeasure> measures;
    for (auto& [id, m] : by_id) measures.push_back(std::move(m));
    return measures;
}

std::vector<const KpiBlock*> headline_blocks(const ReportModel& model) {
    std::vector<const KpiBlock*> blocks;
    for (const auto& s : model.sections)
        for (const auto& b : s.blocks)
            if (b.item.headline) blocks.push_back(&b);
    return blocks;
}

std::vector<const KpiBlock*> first_block_per_kpi(const ReportModel& model) {
    std::vector<const KpiBlock*> blocks;
    std::set<std::string> seen;
    for (const auto& s : model.sections)
        for (const auto& b : s.blocks)
            if (seen.insert(b.item.kpi).second) blocks.push_back(&b);
    return blocks;
}

std::string short_quarter_label(const Quarter& q) {
    return "K" + std::to_string(q.q) + " " + std::to_string(q.year);
}

} // namespace ss
