#include "report/publication.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace ss {

namespace {

bool small(const std::optional<double>& n) { return n && *n >= 1 && *n <= 4; }

bool hidden(const Figure& f) { return f.suppression != Suppression::none; }

/// The cell's size for choosing which shown cell to suppress next: its count where it has one.
double size_of(const Figure& f) {
    if (f.numerator) return *f.numerator;
    return f.value ? *f.value : 0;
}

/// What a part counts: a share's or mean's weight is its denominator (the cases it is made of).
double weight_of(const Figure& f, KpiKind kind) {
    if ((kind == KpiKind::share || kind == KpiKind::mean) && f.denominator) return *f.denominator;
    return size_of(f);
}

/// The total of a group, or, for rows whose total this block does not hold (a breakdown block
/// leaves it to another block or the summary, where it is shown all the same), a fresh stand-in
/// that is shown: the rows are protected as if the total stood beside them. Large counts keep
/// rules 1 and 2 from hiding the stand-in whatever the KPI's kind.
Figure* total_or_stand_in(Figure* total, bool has_parts, Figure& stand_in) {
    if (!has_parts || (total && (total->value || hidden(*total)))) return total;
    stand_in = Figure{0.0, 1e9, 1e9};
    return &stand_in;
}

/// Rule 4: no rise or fall, and no target status, for a suppressed value or against a suppressed
/// value a year ago.
void withhold_judgement(KpiBlock& b) {
    if (hidden(b.value) || hidden(b.year_ago)) {
        b.change.reset();
        b.judgement.reset();
    }
    if (hidden(b.value)) b.status.reset();
    // Control limits pool the quarters before: one of them suppressed, and the limits would say
    // something of it.
    if (std::any_of(b.trend.begin(), b.trend.end(), [](const Figure& f) { return hidden(f); })) {
        b.control_lower.reset();
        b.control_upper.reset();
        b.notable_rise.reset();
    }
}

/// The transparency table's rows as groups: a provider and its rows per intensity, an intensity
/// and its providers' rows, a provider-intensity row and its cells, a profile and its cells.
void publish_transparency(std::vector<TransparencyRow>& rows) {
    auto figures_of = [](TransparencyRow& r) {
        std::vector<std::pair<Figure*, KpiKind>> f{{&r.ended, KpiKind::count}, {&r.dropout, KpiKind::share}, {&r.youth, KpiKind::mean},
                                                  {&r.parent, KpiKind::mean}, {&r.cost, KpiKind::mean}};
        for (auto& g : r.goals) f.push_back({&g, KpiKind::share});
        return f;
    };
    struct Group {
        TransparencyRow* total;
        std::vector<TransparencyRow*> parts;
    };
    std::vector<Group> groups;
    for (auto& total : rows) {
        Group g{&total, {}};
        for (auto& r : rows)
            if (transparency_part_of(total, r)) g.parts.push_back(&r);
        if (!g.parts.empty()) groups.push_back(std::move(g));
    }
    for (auto& r : rows)
        for (auto [f, kind] : figures_of(r)) protect_group(f, {}, kind);
    // A cell suppressed by one group can open another: repeat until nothing changes.
    for (bool changed = true; changed;) {
        changed = false;
        for (auto& g : groups) {
            const auto totals = figures_of(*g.total);
            std::vector<std::vector<std::pair<Figure*, KpiKind>>> parts;
            for (auto* p : g.parts) parts.push_back(figures_of(*p));
            for (size_t i = 0; i < totals.size(); ++i) {
                std::vector<Figure*> column;
                for (const auto& p : parts) column.push_back(p[i].first);
                changed = protect_group(totals[i].first, column, totals[i].second) || changed;
            }
        }
    }
}

} // namespace

bool transparency_part_of(const TransparencyRow& total, const TransparencyRow& part) {
    if (&total == &part) return false;
    switch (total.level) {
    case TransparencyLevel::provider:
        return part.level == TransparencyLevel::provider_intensity && part.provider_id == total.provider_id;
    case TransparencyLevel::intensity:
        return part.level == TransparencyLevel::provider_intensity && part.intensity == total.intensity;
    case TransparencyLevel::provider_intensity:
        return part.level == TransparencyLevel::cell && part.provider_id == total.provider_id &&
               part.intensity == total.intensity;
    case TransparencyLevel::profile:
        return part.level == TransparencyLevel::cell && part.profile == total.profile;
    case TransparencyLevel::cell: break;
    }
    return false;
}

void publish_block(KpiBlock& b, Suppression forced) {
    if (forced != Suppression::none && b.value.suppression == Suppression::none) {
        suppress(b.value, forced);
        // The trend's last point is the same figure: the report quarter.
        if (!b.trend.empty() && b.trend.back().suppression == Suppression::none) suppress(b.trend.back(), forced);
    }
    std::vector<Figure*> parts, region_parts;
    for (auto& r : b.rows) {
        parts.push_back(&r.scope);
        region_parts.push_back(&r.region);
    }
    // A block with rows shows them beside its total; a block without rows is a single cell.
    Figure stand_in;
    protect_group(total_or_stand_in(&b.value, !parts.empty(), stand_in), parts, b.kind);
    protect_group(total_or_stand_in(&b.region, !region_parts.empty(), stand_in), region_parts, b.kind);
    protect_group(&b.year_ago, {}, b.kind);
    // Each quarter of a breakdown over time (a stacked chart) is a table of its own; a breakdown
    // block may have no trend of its total, which is shown elsewhere.
    size_t quarters = b.trend.size();
    for (const auto& r : b.rows) quarters = std::max(quarters, r.trend.size());
    for (size_t q = 0; q < quarters; ++q) {
        std::vector<Figure*> quarter_parts;
        for (auto& r : b.rows)
            if (q < r.trend.size()) quarter_parts.push_back(&r.trend[q]);
        Figure* total = q < b.trend.size() ? &b.trend[q] : nullptr;
        protect_group(total_or_stand_in(total, !quarter_parts.empty(), stand_in), quarter_parts, b.kind);
    }
    for (auto& f : b.region_trend) protect_group(&f, {}, b.kind);
    withhold_judgement(b);
}

Suppression primary_suppression(const Figure& f, KpiKind kind) {
    if (!f.value) return Suppression::none; // nothing to show, nothing to protect
    switch (kind) {
    case KpiKind::count:
        return small(f.numerator) ? Suppression::small_count : Suppression::none;
    case KpiKind::rate_per_1000:
        if (small(f.numerator) || (f.denominator && *f.denominator < 10)) return Suppression::small_base;
        return Suppression::none;
    case KpiKind::share:
        if (!f.denominator || *f.denominator < 10 || small(f.numerator)) return Suppression::small_base;
        if (f.numerator && small(*f.denominator - *f.numerator)) return Suppression::small_base;
        return Suppression::none;
    case KpiKind::mean:
        return !f.denominator || *f.denominator < 10 ? Suppression::small_base : Suppression::none;
    }
    return Suppression::none;
}

void suppress(Figure& f, Suppression why) {
    f.suppression = why;
    f.value.reset();
    f.numerator.reset();
    f.denominator.reset();
}

bool protect_group(Figure* total, const std::vector<Figure*>& parts, KpiKind kind) {
    bool changed = false;
    auto primary = [&](Figure* f) {
        if (!f || hidden(*f)) return;
        const Suppression why = primary_suppression(*f, kind);
        if (why != Suppression::none) {
            suppress(*f, why);
            changed = true;
        }
    };
    primary(total);
    for (Figure* p : parts) primary(p);
    if (parts.empty()) return changed;
    // Rule 3: one suppressed cell among shown ones is the total minus the rest (or the sum of the
    // parts): suppress the smallest shown part as well. Without a total (missing, or parts only
    // side by side) nothing adds up to a shown figure.
    const bool has_total = total && (hidden(*total) || total->value);
    while (has_total) {
        size_t suppressed = hidden(*total) ? 1 : 0;
        Figure* smallest = nullptr;
        for (Figure* p : parts) {
            if (hidden(*p)) {
                ++suppressed;
            } else if (p->value && (!smallest || weight_of(*p, kind) < weight_of(*smallest, kind))) {
                smallest = p;
            }
        }
        if (suppressed != 1) break;
        // A single part suppressed under a shown total that is all there is: the total is the part.
        Figure* next = smallest ? smallest : (!hidden(*total) ? total : nullptr);
        if (!next) break;
        suppress(*next, Suppression::secondary);
        changed = true;
    }
    return changed;
}

void require_published(const ReportModel& model, const char* renderer) {
    if (!model.published)
        throw std::logic_error(std::string(renderer) + ": a public output needs the published model (publish())");
}

PublicationDecisions side_by_side_decisions(const ReportContext& c) {
    PublicationDecisions decisions;
    if (!c.scopes || !c.values || !c.definition) return decisions;
    const std::string q = c.quarter.code();
    for (const auto& region : *c.scopes) {
        if (region.type != ScopeType::region) continue;
        for (const auto& section : c.definition->sections)
            for (const auto& item : section.items) {
                const auto kpi = c.kpis.find(item.kpi);
                if (!item.headline || kpi == c.kpis.end()) continue;
                Figure total = c.values->get(q, ScopeType::region, region.code, item.kpi, item.select);
                std::vector<ScopeFigure> cells = municipality_figures(c, region.code, item);
                std::vector<Figure*> parts;
                for (auto& m : cells) parts.push_back(&m.figure);
                protect_group(&total, parts, kpi->second.kind);
                for (const auto& m : cells)
                    if (m.figure.suppression != Suppression::none)
                        decisions[m.code + "|" + item.kpi + "|" + item.select] = m.figure.suppression;
            }
    }
    return decisions;
}

ReportModel publish(ReportModel model, const PublicationDecisions& decisions) {
    // The development table's notes are internal (reports.md, "The learning cycle").
    model.agreements.clear();
    model.explanations.clear();
    for (auto& section : model.sections)
        for (auto& block : section.blocks) {
            // Only the scope's own figure of the report quarter is shown beside its region's others.
            const auto decided = block.item.breakdown.empty() && !block.item.region_level
                                     ? decisions.find(model.scope.code + "|" + block.item.kpi + "|" + block.item.select)
                                     : decisions.end();
            publish_block(block, decided == decisions.end() ? Suppression::none : decided->second);
        }
    for (auto& cmp : model.comparisons) {
        std::vector<Figure*> parts;
        for (auto& m : cmp.municipalities) parts.push_back(&m.figure);
        protect_group(&cmp.region, parts, cmp.kind);
    }
    publish_transparency(model.transparency);
    model.signalled.clear(); // case-level lists are never public
    model.published = true;
    return model;
}

} // namespace ss
