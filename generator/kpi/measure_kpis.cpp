#include "kpi/measure_kpis.hpp"

#include <algorithm>
#include <array>

#include "kpi/fast_path_counters.hpp"

namespace ss {

namespace {

using History = MeasureHistory;
using Kind = History::Kind;

/// Every scope of the quarter has a slot its counts are kept in: the municipalities first, then
/// the regions, then the GI scopes. A measure counts in its municipality's slot, its region's and,
/// where the quarter has one, its GI's (the institution within the region).
class Slots {
public:
    Slots(const History& h, const QuarterScopes& scopes)
        : municipalities_(h.municipalities.size()), regions_(h.regions.size()), institutions_(h.institutions.size()),
          gi_of_(regions_ * institutions_, -1) {
        for (size_t g = 0; g < scopes.gi_scopes.size(); ++g) {
            const auto& gi = scopes.gi_scopes[g];
            const long region = find(h.regions, gi.region, true);
            const long institution = find(h.institutions, gi.institution, false);
            if (region >= 0 && institution >= 0)
                gi_of_[static_cast<size_t>(region) * institutions_ + static_cast<size_t>(institution)] =
                    static_cast<long>(municipalities_ + regions_ + g);
        }
        count_ = municipalities_ + regions_ + scopes.gi_scopes.size();
    }
    size_t count() const { return count_; }
    size_t region(const History& h, std::uint16_t municipality) const { return municipalities_ + h.region_of[municipality]; }
    /// The slot of the GI scope of an institution within the municipality's region, or -1 when
    /// the quarter has none (trend quarters have no GI scopes).
    long gi(const History& h, std::uint16_t municipality, std::uint16_t institution) const {
        return gi_of_[h.region_of[municipality] * institutions_ + institution];
    }
    /// The slot of a municipality or region scope, or -1 when the history has no such place.
    long of(const History& h, const QuarterScopes::Scope& s) const {
        const bool municipality = s.type == "municipality";
        const long i = find(municipality ? h.municipalities : h.regions, s.code, true);
        if (i < 0) return -1;
        return municipality ? i : static_cast<long>(municipalities_) + i;
    }
    long of_gi(size_t g) const { return static_cast<long>(municipalities_ + regions_ + g); }
    size_t of_municipality(size_t municipality) const { return municipality; }
    size_t of_region(size_t region) const { return municipalities_ + region; }

private:
    static long find(const std::vector<std::string>& codes, const std::string& code, bool sorted) {
        const auto it = sorted ? std::lower_bound(codes.begin(), codes.end(), code) : std::find(codes.begin(), codes.end(), code);
        return it != codes.end() && *it == code ? it - codes.begin() : -1;
    }
    size_t municipalities_, regions_, institutions_;
    std::vector<long> gi_of_;
    size_t count_ = 0;
};

/// A count per slot.
struct SlotCounts {
    std::vector<double> n;
    SlotCounts() = default;
    explicit SlotCounts(const Slots& slots) : n(slots.count()) {}
    double operator[](long slot) const { return slot < 0 ? 0 : n[static_cast<size_t>(slot)]; }
};

/// `N` counts per slot, all zero.
template <size_t N>
std::array<SlotCounts, N> slot_counts(const Slots& slots) {
    std::array<SlotCounts, N> counts;
    counts.fill(SlotCounts(slots));
    return counts;
}

/// What the counts of one quarter read.
struct QuarterInput {
    QuarterInput(const History& h, QuarterScopes s, const Quarter& quarter, MeasureQuarterRecords r)
        : history(h), scopes(std::move(s)), qs(quarter.first_day().days), qe(quarter.last_day().days), records(std::move(r)),
          slots(h, scopes) {}
    const History& history;
    QuarterScopes scopes;
    std::int32_t qs, qe;
    MeasureQuarterRecords records;
    Slots slots;

    /// Active at the end of Q: started on or before qe, not ended by then.
    bool active_at_end(const History::Measure& m) const { return m.start <= qe && m.end > qe; }

    /// Calls `add(slot)` for the slots a measure counts in; `with_gis`: its GI scope's too.
    template <typename Add>
    void each_slot(const History::Measure& m, bool with_gis, Add add) const {
        each_slot_of(m.municipality, m.institution, with_gis, add);
    }
    /// The same for what a municipality's institution has.
    template <typename Add>
    void each_slot_of(std::uint16_t municipality, std::uint16_t institution, bool with_gis, Add add) const {
        add(slots.of_municipality(municipality));
        add(slots.region(history, municipality));
        if (with_gis)
            if (const long gi = slots.gi(history, municipality, institution); gi >= 0) add(static_cast<size_t>(gi));
    }

    /// Calls `row(type, code, slot, youths)` for each scope the query writes rows for: the
    /// municipalities and regions, and with `with_gis` the GI scopes.
    template <typename Row>
    void each_scope(bool with_gis, Row row) const {
        for (const auto& s : scopes.scopes) row(s.type, s.code, slots.of(history, s), s.youths);
        if (!with_gis) return;
        for (size_t g = 0; g < scopes.gi_scopes.size(); ++g)
            row(std::string("gi"), scopes.gi_scopes[g].code, slots.of_gi(g), scopes.gi_scopes[g].youths);
    }
};

using Input = QuarterInput;
using Youths = std::optional<double>;

/// A child's places (slots) in a quarter, each with what the child had there (bit flags).
class ChildPlaces {
public:
    void clear() { places_.clear(); }
    void add(size_t slot, unsigned flags) {
        for (auto& p : places_)
            if (p.first == slot) return void(p.second |= flags);
        places_.emplace_back(slot, flags);
    }
    const std::vector<std::pair<size_t, unsigned>>& places() const { return places_; }

private:
    std::vector<std::pair<size_t, unsigned>> places_;
};

/// A child's measures, each child's by start date (indices into the history's measures).
struct ChildMeasures {
    const History& history;
    const std::uint32_t *begin, *end;
    template <typename Test>
    bool any(Test test) const {
        return std::any_of(begin, end, [&](std::uint32_t i) { return test(history.measures[i]); });
    }
};

/// Distinct children per slot: each of a child's measures gives flags (`flags_of(measure,
/// child's measures)`, 0: not counted), or-ed per slot the measure counts in; `counts[bit]` gains
/// one for each slot whose flags have that bit. A child counts once per municipality, region and GI.
template <size_t Bits, typename FlagsOf>
std::array<SlotCounts, Bits> children_per_slot(const Input& in, bool with_gis, FlagsOf flags_of) {
    auto counts = slot_counts<Bits>(in.slots);
    const History& h = in.history;
    ChildPlaces child;
    for (size_t c = 0; c < h.children(); ++c) {
        child.clear();
        const ChildMeasures measures{h, h.by_child.data() + h.child_begin[c], h.by_child.data() + h.child_begin[c + 1]};
        for (const std::uint32_t* i = measures.begin; i != measures.end; ++i) {
            const auto& m = h.measures[*i];
            if (const unsigned flags = flags_of(m, measures)) in.each_slot(m, with_gis, [&](size_t slot) { child.add(slot, flags); });
        }
        for (const auto& [slot, flags] : child.places())
            for (size_t bit = 0; bit < Bits; ++bit)
                if (flags & (1u << bit)) counts[bit].n[slot] += 1;
    }
    return counts;
}

/// JB01: distinct children with an OTS, VOTS or voogdij active at the end of Q (the total), with
/// an OTS or VOTS, with a voogdij, and with a UHP (placed=yes), per 1,000 youths; a GI its total only.
std::vector<KpiRow> jb01(const Input& in) {
    enum : unsigned { protection = 1, ots = 2, voogdij = 4, placed = 8 };
    const auto counts = children_per_slot<4>(in, true, [&](const History::Measure& m, const ChildMeasures&) -> unsigned {
        if (!in.active_at_end(m)) return 0;
        switch (m.kind) {
        case Kind::ots:
        case Kind::vots: return protection | ots;
        case Kind::voogdij: return protection | voogdij;
        case Kind::uhp: return placed;
        default: return 0; // jr is JB11's; another kind is no measure of child protection
        }
    });
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths& youths) {
        rows.push_back({type, code, "", counts[0][slot], youths});
        if (type == "gi") return;
        rows.push_back({type, code, "kind=ots", counts[1][slot], youths});
        rows.push_back({type, code, "kind=voogdij", counts[2][slot], youths});
        rows.push_back({type, code, "placed=yes", counts[3][slot], youths});
    });
    return rows;
}

/// Supervision: an OTS or a provisional one (VOTS); child protection: those and voogdij.
bool is_supervision(Kind kind) { return kind == Kind::ots || kind == Kind::vots; }
bool is_protection(Kind kind) { return is_supervision(kind) || kind == Kind::voogdij; }

/// AK02 (regions only, a row per municipality): the municipality's children with an OTS, VOTS or
/// voogdij active at the end of Q (JB01's numerator) over the region's.
std::vector<KpiRow> ak02(const Input& in) {
    const auto children = children_per_slot<1>(in, false, [&](const History::Measure& m, const ChildMeasures&) {
        return is_protection(m.kind) && in.active_at_end(m) ? 1u : 0u;
    });
    const History& h = in.history;
    std::vector<KpiRow> rows;
    for (size_t i = 0; i < h.municipalities.size(); ++i) {
        const size_t region = h.region_of[i];
        rows.push_back({"region", h.regions[region], "municipality=" + h.municipalities[i],
                        children[0].n[in.slots.of_municipality(i)], children[0].n[in.slots.of_region(region)]});
    }
    return rows;
}

/// GI01: the distinct case workers of the scope's measures active at the end of Q, GIs
/// included, each with their caseload: every measure of theirs active then, anywhere.
std::vector<KpiRow> gi01(const Input& in) {
    const History& h = in.history;
    std::vector<double> caseload(h.case_workers, 0);
    std::vector<std::pair<size_t, std::uint32_t>> workers; // slot, case worker
    for (const auto& m : h.measures) {
        if (m.case_worker == History::no_case_worker || !in.active_at_end(m)) continue;
        caseload[m.case_worker] += 1;
        in.each_slot(m, true, [&](size_t slot) { workers.emplace_back(slot, m.case_worker); });
    }
    std::sort(workers.begin(), workers.end());
    workers.erase(std::unique(workers.begin(), workers.end()), workers.end());
    SlotCounts load(in.slots), count(in.slots);
    for (const auto& [slot, worker] : workers) load.n[slot] += caseload[worker], count.n[slot] += 1;
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", load[slot], count[slot]});
    });
    return rows;
}

/// GI02: of the children with an OTS or VOTS of the scope active at the end of Q, those who also
/// have a UHP active then, of any GI in any municipality; GIs included.
std::vector<KpiRow> gi02(const Input& in) {
    enum : unsigned { supervised = 1, placed = 2 };
    const auto counts = children_per_slot<2>(in, true, [&](const History::Measure& m, const ChildMeasures& child) -> unsigned {
        if (!is_supervision(m.kind) || !in.active_at_end(m)) return 0;
        const bool uhp = child.any([&](const History::Measure& o) { return o.kind == Kind::uhp && in.active_at_end(o); });
        return supervised | (uhp ? placed : 0u);
    });
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", counts[1][slot], counts[0][slot]});
    });
    return rows;
}

/// JB08: children with an escalation in Q (the view temp.escalations of kpi_engine.cpp, which the
/// signals list reads): a UHP started in Q while an OTS or VOTS of the child, started at least 90
/// days before it, was active on the day before (type=placement); or a voogdij started in Q while
/// an OTS or VOTS of the child, started before it, was active on one of the 90 days before it
/// (type=guardianship). Once per child in the total and per type.
std::vector<KpiRow> jb08(const Input& in) {
    enum : unsigned { escalation = 1, placement = 2, guardianship = 4 };
    const auto counts = children_per_slot<3>(in, true, [&](const History::Measure& e, const ChildMeasures& child) -> unsigned {
        if (e.start < in.qs || e.start > in.qe) return 0;
        if (e.kind == Kind::uhp && child.any([&](const History::Measure& o) {
                return is_supervision(o.kind) && o.start <= e.start - 90 && o.end >= e.start - 1;
            }))
            return escalation | placement;
        if (e.kind == Kind::voogdij && child.any([&](const History::Measure& o) {
                return is_supervision(o.kind) && o.start < e.start && o.end >= e.start - 90;
            }))
            return escalation | guardianship;
        return 0;
    });
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", counts[0][slot], std::nullopt});
        rows.push_back({type, code, "type=placement", counts[1][slot], std::nullopt});
        rows.push_back({type, code, "type=guardianship", counts[2][slot], std::nullopt});
    });
    return rows;
}

/// JB05: of the OTS and UHP active at the end of Q, the share with two or more extensions dated
/// on or before qe; in total and per kind.
std::vector<KpiRow> jb05(const Input& in) {
    // [total, ots, uhp] x [structural, active]
    auto counts = slot_counts<6>(in.slots);
    const History& h = in.history;
    for (size_t i = 0; i < h.measures.size(); ++i) {
        const auto& m = h.measures[i];
        if ((m.kind != Kind::ots && m.kind != Kind::uhp) || !in.active_at_end(m)) continue;
        const double structural = h.extensions_until(i, in.qe) >= 2 ? 1 : 0;
        const size_t kind = m.kind == Kind::ots ? 1 : 2;
        in.each_slot(m, true, [&](size_t slot) {
            counts[0].n[slot] += structural, counts[3].n[slot] += 1;
            counts[kind].n[slot] += structural, counts[3 + kind].n[slot] += 1;
        });
    }
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", counts[0][slot], counts[3][slot]});
        rows.push_back({type, code, "kind=ots", counts[1][slot], counts[4][slot]});
        rows.push_back({type, code, "kind=uhp", counts[2][slot], counts[5][slot]});
    });
    return rows;
}

/// A share over the measures active at the end of Q, in total, GIs included: `judge(index,
/// measure)` gives what a measure adds to the numerator and to the denominator (0 and 0: left out).
template <typename Judge>
std::vector<KpiRow> share_of_active(const Input& in, Judge judge) {
    SlotCounts n(in.slots), d(in.slots);
    const History& h = in.history;
    for (size_t i = 0; i < h.measures.size(); ++i) {
        const auto& m = h.measures[i];
        if (!in.active_at_end(m)) continue;
        const auto [numerator, denominator] = judge(i, m);
        if (denominator == 0) continue;
        in.each_slot(m, true, [&](size_t slot) { n.n[slot] += numerator, d.n[slot] += denominator; });
    }
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", n[slot], d[slot]});
    });
    return rows;
}

/// JB06: of the measures active at the end of Q, the share whose case worker's SKJ registration
/// is valid on qe (no case worker or no date: not valid).
std::vector<KpiRow> jb06(const Input& in) {
    return share_of_active(in, [&](size_t, const History::Measure& m) {
        return std::pair<double, double>{m.skj_valid_until >= in.qe ? 1 : 0, 1};
    });
}

/// JB10: of the UHP and voogdij active at the end of Q, the share whose progress record for Q
/// says contact = yes; a record with an empty contact leaves the measure out, a measure without a
/// record stays in the denominator.
std::vector<KpiRow> jb10(const Input& in) {
    return share_of_active(in, [&](size_t i, const History::Measure& m) {
        if (m.kind != Kind::uhp && m.kind != Kind::voogdij) return std::pair<double, double>{0, 0};
        const ContactRecord record = in.records.contacts[i];
        return std::pair<double, double>{record == ContactRecord::yes ? 1 : 0, record == ContactRecord::empty ? 0 : 1};
    });
}

/// DQ02: of the OTS, VOTS, UHP and voogdij active at the end of Q, the share with a progress
/// record for Q (how complete JB07, JB10 and JB14 are).
std::vector<KpiRow> dq02(const Input& in) {
    return share_of_active(in, [&](size_t i, const History::Measure& m) {
        if (m.kind == Kind::jr || m.kind == Kind::other) return std::pair<double, double>{0, 0};
        return std::pair<double, double>{in.records.contacts[i] == ContactRecord::none ? 0 : 1, 1};
    });
}

/// JB09: the actual euros of the quarter's measure cost records over the measures active in Q (not
/// only at its end), GIs included. The euros come summed per municipality and institution
/// (read_measure_cost_sums) and are added per scope in that order, as the query adds them.
std::vector<KpiRow> jb09(const Input& in) {
    SlotCounts euros(in.slots), active(in.slots);
    for (const auto& sum : in.records.costs)
        in.each_slot_of(sum.municipality, sum.institution, true, [&](size_t slot) { euros.n[slot] += sum.actual_eur; });
    for (const auto& m : in.history.measures)
        if (m.start <= in.qe && m.end >= in.qs) in.each_slot(m, true, [&](size_t slot) { active.n[slot] += 1; });
    std::vector<KpiRow> rows;
    in.each_scope(true, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", euros[slot], active[slot]});
    });
    return rows;
}

/// JB11: distinct children with a juvenile-probation measure active at the end of Q, per 1,000
/// youths (municipalities and regions).
std::vector<KpiRow> jb11(const Input& in) {
    const auto children =
        children_per_slot<1>(in, false, [&](const History::Measure& m, const ChildMeasures&) {
            return m.kind == Kind::jr && in.active_at_end(m) ? 1u : 0u;
        });
    std::vector<KpiRow> rows;
    in.each_scope(false, [&](const std::string& type, const std::string& code, long slot, const Youths& youths) {
        rows.push_back({type, code, "", children[0][slot], youths});
    });
    return rows;
}

/// JB12: of the children who entered child protection in Q (an OTS, VOTS or voogdij started in Q
/// while none of the child's was active on the day before), per scope with the child's first
/// entry there, the share whose last earlier such measure ended 30 to 365 days before.
std::vector<KpiRow> jb12(const Input& in) {
    SlotCounts n(in.slots), d(in.slots);
    const History& h = in.history;
    std::vector<const History::Measure*> protection;
    std::vector<std::pair<size_t, std::int32_t>> first_entries; // slot, start
    for (size_t c = 0; c < h.children(); ++c) {
        protection.clear();
        for (auto i = h.child_begin[c]; i < h.child_begin[c + 1]; ++i)
            if (is_protection(h.measures[h.by_child[i]].kind)) protection.push_back(&h.measures[h.by_child[i]]);
        first_entries.clear();
        for (const auto* p : protection) {
            if (p->start < in.qs || p->start > in.qe) continue;
            const std::int32_t day_before = p->start - 1;
            const bool continued = std::any_of(protection.begin(), protection.end(), [&](const History::Measure* o) {
                return o->start <= day_before && o->end >= day_before;
            });
            if (continued) continue;
            in.each_slot(*p, false, [&](size_t slot) {
                for (auto& [at, start] : first_entries)
                    if (at == slot) return void(start = std::min(start, p->start));
                first_entries.emplace_back(slot, p->start);
            });
        }
        for (const auto& [slot, start] : first_entries) {
            std::int32_t last_end = MeasureHistory::open_end; // none yet
            for (const auto* o : protection)
                if (o->end != MeasureHistory::open_end && o->end < start && (last_end == MeasureHistory::open_end || o->end > last_end))
                    last_end = o->end;
            const std::int32_t gap = start - last_end;
            if (last_end != MeasureHistory::open_end && gap >= 30 && gap <= 365) n.n[slot] += 1;
            d.n[slot] += 1;
        }
    }
    std::vector<KpiRow> rows;
    in.each_scope(false, [&](const std::string& type, const std::string& code, long slot, const Youths&) {
        rows.push_back({type, code, "", n[slot], d[slot]});
    });
    return rows;
}

using Counter = std::vector<KpiRow> (*)(const Input&);

constexpr std::pair<std::string_view, Counter> counters[] = {
    {"AK02", ak02}, {"DQ02", dq02}, {"GI01", gi01}, {"GI02", gi02}, {"JB01", jb01}, {"JB05", jb05},
    {"JB06", jb06}, {"JB08", jb08}, {"JB09", jb09}, {"JB10", jb10}, {"JB11", jb11}, {"JB12", jb12}};

} // namespace

bool has_measure_fast_path(std::string_view kpi_id) { return counter_of(counters, kpi_id) != nullptr; }

std::string measure_fast_path_ids() { return counter_ids(counters); }

struct MeasureCounts::Input : QuarterInput {
    using QuarterInput::QuarterInput;
};

MeasureCounts::MeasureCounts(const MeasureHistory& history, QuarterScopes scopes, const Quarter& quarter,
                             MeasureQuarterRecords records)
    : input_(new Input(history, std::move(scopes), quarter, std::move(records))) {}

MeasureCounts::~MeasureCounts() = default;

std::vector<KpiRow> MeasureCounts::rows(std::string_view kpi_id) const {
    const Counter counter = counter_of(counters, kpi_id);
    return counter ? counter(*input_) : std::vector<KpiRow>{};
}

} // namespace ss
