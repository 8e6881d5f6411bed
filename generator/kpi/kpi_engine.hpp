// Runs the KPI queries for one quarter over every scope at once and turns numerators and
// denominators into values: the one place a KPI's number is computed.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/elapsed.hpp"
#include "core/dates.hpp"
#include "kpi/kpi_definition.hpp"
#include "kpi/kpi_history.hpp"

namespace ss {

/// How much of a quarter to compute: everything (the report quarter), or what a trend line
/// needs (the quarters before it): no GI scopes and no transparency cells.
enum class KpiDetail { full, trend };

/// One row of the long form (kpis.md): a KPI value of one scope, quarter and breakdown.
struct KpiValue {
    std::string quarter;
    std::string scope_type; ///< municipality, region, gi
    std::string scope_code;
    std::string kpi_id;
    std::string breakdown; ///< empty for the total, else like `segment=4`
    std::optional<double> numerator;
    std::optional<double> denominator;
    std::optional<double> value; ///< empty: no value (a denominator of 0, no population)
    bool provisional = false;    ///< a cost figure of a quarter whose invoices are not all in (kpi/provisional)
};

/// The value of a KPI of `kind` from its numerator and denominator.
std::optional<double> kpi_value(KpiKind kind, std::optional<double> numerator,
                                std::optional<double> denominator);

/// Fills the temporary scope tables the queries read for `quarter` (docs/kpis.md):
/// `scopes` and `scope_members` (municipalities and regions), `measure_scopes` and
/// `measure_scope_members` (also each GI within a region, matched on institution_id), and
/// `scope_youths` (youths 0-17 of every scope).
/// `transparency` false leaves the transparency tables empty (no query of this quarter reads them);
/// `trajectory_costs` false leaves quarter_trajectory_costs empty (kpi/quarter_costs fills it).
void prepare_scopes(SQLite::Database& db, const Quarter& quarter, KpiDetail detail = KpiDetail::full,
                    bool transparency = true, bool trajectory_costs = true);

/// Binds the quarter parameters a query uses: `:qs`, `:qe`, `:quarter`, `:previous_quarter`,
/// `:two_quarters_back`, `:three_quarters_back`, `:day_before_qs`, `:rolling_start` (first day of the rolling year),
/// `:two_year_start` (of the two years ending Q), and `:detail` (1 for full, 0 for trend) (docs/kpis.md).
void bind_quarter_parameters(SQLite::Statement& stmt, const Quarter& quarter, KpiDetail detail = KpiDetail::full);

/// Seconds each step of compute_kpis took: `scopes` (the scope tables) and one entry per KPI id,
/// in the order they ran; for profiling (`samen-sturen kpis --timings`, `make bench`).
using QueryTimings = StepSeconds;

/// How the KPIs with a fast path (`-- fast path: trajectories` or `measures`) are computed:
/// counted in C++ (the default), or by their query (what the tests hold the fast path to).
enum class KpiPath { fast, sql };

/// Every KPI of `definitions` for every scope of `quarter`, ordered by scope, KPI and breakdown.
/// Throws DatabaseError naming the query file when a query fails.
std::vector<KpiValue> compute_kpis(SQLite::Database& db, const std::vector<KpiDefinition>& definitions,
                                   const Quarter& quarter, KpiDetail detail = KpiDetail::full,
                                   QueryTimings* timings = nullptr, const KpiHistorySource& history = {},
                                   KpiPath path = KpiPath::fast);

/// Whether any of `definitions` is counted from a history (has a fast path).
bool needs_kpi_history(const std::vector<KpiDefinition>& definitions);

} // namespace ss
