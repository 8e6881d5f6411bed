#include "kpi/kpi_engine.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <optional>

#include <SQLiteCpp/Statement.h>

#include "core/errors.hpp"
#include "kpi/kpi_periods.hpp"
#include "kpi/measure_kpis.hpp"
#include "kpi/quarter_costs.hpp"
#include "kpi/trajectory_kpis.hpp"
#include "kpi/value_order.hpp"
#include "schema/file_specs.hpp"

namespace ss {

namespace {

// Population for Q is the row of Q's year, else the latest earlier year; a region's is the sum of
// its municipalities', each with its own fallback (kpis.md, "Time" and "Edge rules").
const char* scope_sql = R"sql(
DROP TABLE IF EXISTS temp.scopes;
DROP TABLE IF EXISTS temp.scope_members;
DROP TABLE IF EXISTS temp.measure_scopes;
DROP TABLE IF EXISTS temp.measure_scope_members;
DROP TABLE IF EXISTS temp.scope_youths;
DROP TABLE IF EXISTS temp.gi_scopes;
DROP TABLE IF EXISTS temp.transparency_trajectories;
DROP TABLE IF EXISTS temp.transparency_cells;
DROP TABLE IF EXISTS temp.quarter_trajectory_costs;
DROP TABLE IF EXISTS temp.quarter_measure_costs;
DROP VIEW IF EXISTS temp.stagnating_measures;
DROP VIEW IF EXISTS temp.escalations;
CREATE TEMP TABLE scopes AS
  SELECT 'municipality' AS scope_type, municipality_code AS scope_code FROM municipalities
  UNION ALL SELECT 'region', region_code FROM regions;
CREATE TEMP TABLE scope_members AS
  SELECT 'municipality' AS scope_type, municipality_code AS scope_code, municipality_code FROM municipalities
  UNION ALL SELECT 'region', region_code, municipality_code FROM municipalities;
CREATE INDEX temp.scope_members_by_municipality ON scope_members (municipality_code);
-- Measure KPIs are also computed per GI within a region (scope code `<region>/<institution>`):
-- the GIs with a measure of the region's municipalities active in Q.
CREATE TEMP TABLE gi_scopes AS
  SELECT DISTINCT mu.region_code, m.institution_id,
         mu.region_code || '/' || m.institution_id AS scope_code
  FROM measures m JOIN municipalities mu USING (municipality_code)
  WHERE m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date >= :qs) AND :detail = 1;
CREATE TEMP TABLE measure_scopes AS
  SELECT scope_type, scope_code FROM scopes
  UNION ALL SELECT 'gi', scope_code FROM gi_scopes;
CREATE TEMP TABLE measure_scope_members AS
  SELECT scope_type, scope_code, municipality_code, NULL AS institution_id FROM scope_members
  UNION ALL
  SELECT 'gi', g.scope_code, mu.municipality_code, g.institution_id
  FROM gi_scopes g JOIN municipalities mu ON mu.region_code = g.region_code;
CREATE INDEX temp.measure_scope_members_by_municipality ON measure_scope_members (municipality_code);
-- Population for Q is the row of Q's year, else the latest earlier year; a region's is the sum of
-- its municipalities', each with its own fallback; a GI's is its region's.
CREATE TEMP TABLE scope_youths AS
  WITH municipality_youths AS (
    SELECT m.municipality_code,
           (SELECT p.youths_0_17 FROM population p
             WHERE p.municipality_code = m.municipality_code AND p.year <= :year
             ORDER BY p.year DESC LIMIT 1) AS youths
    FROM municipalities m)
  SELECT sm.scope_type, sm.scope_code, sum(y.youths) AS youths
  FROM scope_members sm JOIN municipality_youths y USING (municipality_code)
  GROUP BY sm.scope_type, sm.scope_code
  UNION ALL
  SELECT 'gi', g.scope_code, sum(y.youths)
  FROM gi_scopes g JOIN municipalities mu ON mu.region_code = g.region_code
  JOIN municipality_youths y ON y.municipality_code = mu.municipality_code
  GROUP BY g.scope_code;
-- The quarter's cost records, each looked up once in its trajectory or measure and summed per
-- what the cost KPIs group by (DQ01, JH06, JH07, JB09, JB13 read these): records, records with an
-- actual amount, and the sums of both amounts (total(): records without an amount add nothing).
-- Speed (docs/performance.md): the look-up of 160,000 records in the trajectories was repeated
-- by three queries per quarter. In a run's trend quarters the trajectory rows are summed from the
-- trajectory history instead (kpi/quarter_costs; :trajectory_costs = 0 leaves the table empty).
CREATE TEMP TABLE quarter_trajectory_costs AS
  SELECT t.municipality_code, t.segment, count(*) AS records, count(c.actual_eur) AS records_with_actual,
         total(c.actual_eur) AS actual_eur, total(c.projected_eur) AS projected_eur
  FROM costs c JOIN trajectories t ON t.trajectory_id = c.subject_id
  WHERE c.quarter = :quarter AND c.subject_type = 'trajectory' AND :trajectory_costs = 1
  GROUP BY t.municipality_code, t.segment;
CREATE TEMP TABLE quarter_measure_costs AS
  SELECT m.municipality_code, m.institution_id, count(*) AS records, count(c.actual_eur) AS records_with_actual,
         total(c.actual_eur) AS actual_eur, total(c.projected_eur) AS projected_eur
  FROM costs c JOIN measures m ON m.measure_id = c.subject_id
  WHERE c.quarter = :quarter AND c.subject_type = 'measure'
  GROUP BY m.municipality_code, m.institution_id;
-- The provider transparency table (TR01-TR04, report quarter only): the trajectories of a region's
-- municipalities ended in the two years ending Q, crisis care (acuut) left out, each with its
-- `end` outcome and the actual euros of all its cost records; and the rows each finest cell
-- (provider x profile x intensity) counts in: the provider, the provider x intensity, the
-- profile, the intensity and the cell itself. The TR queries sum their finest cells into these
-- rows, so the rows of the table are defined once, here.
-- Speed (docs/performance.md): the outcome and the costs are looked up while trajectories are
-- read in key order, and the table is kept in cell order, so that each TR query groups its
-- cells without a sort and without a look-up per trajectory in cell order (10 s -> 0.2 s for TR04).
CREATE TEMP TABLE transparency_trajectories (
  region_code TEXT, provider_id TEXT, profile TEXT, intensity TEXT, trajectory_id TEXT, end_reason TEXT,
  experience_youth INTEGER, experience_parent INTEGER, goal_education TEXT, goal_family_balance TEXT,
  goal_problem_reduction TEXT, goal_participation TEXT, eur REAL,
  PRIMARY KEY (region_code, provider_id, profile, intensity, trajectory_id)) WITHOUT ROWID;
INSERT INTO transparency_trajectories
  SELECT mu.region_code, t.provider_id, coalesce(t.profile, ''), t.intensity, t.trajectory_id, t.end_reason,
         o.experience_youth, o.experience_parent, o.goal_education, o.goal_family_balance, o.goal_problem_reduction,
         o.goal_participation,
         (SELECT total(c.actual_eur) FROM costs c WHERE c.subject_type = 'trajectory' AND c.subject_id = t.trajectory_id)
  FROM trajectories t JOIN municipalities mu ON mu.municipality_code = t.municipality_code
  LEFT JOIN outcomes o ON o.trajectory_id = t.trajectory_id AND o.moment = 'end'
  WHERE t.end_date BETWEEN :two_year_start AND :qe AND t.intensity <> 'acuut' AND :transparency = 1;
CREATE TEMP TABLE transparency_cells AS
  WITH finest AS (SELECT DISTINCT region_code, provider_id, profile, intensity FROM transparency_trajectories)
  SELECT region_code, provider_id, profile, intensity, 'provider=' || provider_id AS row_key FROM finest
  UNION ALL SELECT region_code, provider_id, profile, intensity, 'provider=' || provider_id || ',intensity=' || intensity FROM finest
  UNION ALL SELECT region_code, provider_id, profile, intensity, 'profile=' || profile FROM finest
  UNION ALL SELECT region_code, provider_id, profile, intensity, 'intensity=' || intensity FROM finest
  UNION ALL SELECT region_code, provider_id, profile, intensity,
                   'provider=' || provider_id || ',profile=' || profile || ',intensity=' || intensity FROM finest;
CREATE INDEX temp.transparency_cells_by_cell ON transparency_cells (region_code, provider_id, profile, intensity);
-- The case-level selections behind a count and its list of measures (JB07 and JB08 count them,
-- queries/signals/signals.sql lists them by id), so that the count and the list cannot disagree.
-- Stagnation: an OTS, VOTS or UHP active at the end of Q, started more than 365 days before qe,
-- with scores for Q, Q-1 and Q-2, whose score for Q is at most 2 and not above Q-2's.
CREATE TEMP VIEW stagnating_measures AS
  SELECT m.measure_id, m.municipality_code, m.institution_id, m.kind, m.start_date
  FROM measures m
  JOIN measure_progress now ON now.measure_id = m.measure_id AND now.quarter = :quarter
  JOIN measure_progress q1 ON q1.measure_id = m.measure_id AND q1.quarter = :previous_quarter
  JOIN measure_progress q2 ON q2.measure_id = m.measure_id AND q2.quarter = :two_quarters_back
  WHERE m.kind IN ('ots', 'vots', 'uhp') AND m.start_date <= :qe AND (m.end_date IS NULL OR m.end_date > :qe)
    AND julianday(:qe) - julianday(m.start_date) > 365
    AND now.score <= 2 AND now.score <= q2.score;
-- Escalation: a UHP started in Q while an OTS or VOTS of the child (in any municipality), started
-- at least 90 days before it, was active on the day before (a placement during supervision); or a
-- voogdij started in Q while an OTS or VOTS of the child, started before it, was active on one of
-- the 90 days before it (guardianship after supervision).
CREATE TEMP VIEW escalations AS
  SELECT e.measure_id, e.child_id, e.municipality_code, e.institution_id, e.kind, e.start_date, 'placement' AS type
  FROM measures e
  WHERE e.kind = 'uhp' AND e.start_date BETWEEN :qs AND :qe
    AND EXISTS (
      SELECT 1 FROM measures o
      WHERE o.child_id = e.child_id AND o.kind IN ('ots', 'vots')
        AND o.start_date <= date(e.start_date, '-90 days')
        AND (o.end_date IS NULL OR o.end_date >= date(e.start_date, '-1 day')))
  UNION ALL
  SELECT e.measure_id, e.child_id, e.municipality_code, e.institution_id, e.kind, e.start_date, 'guardianship'
  FROM measures e
  WHERE e.kind = 'voogdij' AND e.start_date BETWEEN :qs AND :qe
    AND EXISTS (
      SELECT 1 FROM measures o
      WHERE o.child_id = e.child_id AND o.kind IN ('ots', 'vots')
        AND o.start_date < e.start_date
        AND (o.end_date IS NULL OR o.end_date >= date(e.start_date, '-90 days')));
)sql";

std::optional<double> column_number(const SQLite::Column& c) {
    if (c.isNull()) return std::nullopt;
    return c.getDouble();
}

void bind_if_used(SQLite::Statement& stmt, const char* name, const std::string& value) {
    if (stmt.getIndex(name) > 0) stmt.bind(name, value);
}

/// An ISO date as an SQL string literal.
std::string sql_date(Date d) {
    std::string literal(1, '\'');
    literal += format_iso_date(d);
    literal += '\'';
    return literal;
}

void create_code_table(SQLite::Database& db, const std::string& table, const std::string& column,
                       const std::vector<std::string>& codes, bool integer) {
    db.exec("DROP TABLE IF EXISTS temp." + table);
    db.exec("CREATE TEMP TABLE " + table + " (breakdown TEXT, " + column + (integer ? " INTEGER)" : " TEXT)"));
    SQLite::Statement insert(db, "INSERT INTO temp." + table + " VALUES (?, ?)");
    for (const auto& code : codes) {
        insert.bind(1, column + "=" + code);
        if (integer) insert.bind(2, static_cast<std::int64_t>(std::stoll(code)));
        else insert.bind(2, code);
        insert.exec();
        insert.reset();
    }
}

/// The code lists breakdowns run over, taken from the import specs so that a code list has one
/// source: `segment_codes (breakdown, segment)`, `kind_codes (breakdown, kind)`,
/// `referrer_codes (breakdown, referrer)`, `reason_codes (breakdown, reason)`,
/// `measure_end_reason_codes` and `trajectory_end_reason_codes (breakdown, end_reason)`, with
/// breakdown spelled like `segment=4`.
void create_code_tables(SQLite::Database& db) {
    create_code_table(db, "segment_codes", "segment", column_codes("trajectories", "segment"), true);
    create_code_table(db, "kind_codes", "kind", column_codes("measures", "kind"), false);
    create_code_table(db, "referrer_codes", "referrer", column_codes("trajectories", "referrer"), false);
    create_code_table(db, "reason_codes", "reason", column_codes("measures", "reason"), false);
    create_code_table(db, "measure_end_reason_codes", "end_reason", column_codes("measures", "end_reason"), false);
    create_code_table(db, "trajectory_end_reason_codes", "end_reason", column_codes("trajectories", "end_reason"), false);
}

} // namespace

std::optional<double> kpi_value(KpiKind kind, std::optional<double> n, std::optional<double> d) {
    if (!n) return std::nullopt;
    switch (kind) {
    case KpiKind::count: return n;
    case KpiKind::rate_per_1000: return d && *d > 0 ? std::optional(1000.0 * *n / *d) : std::nullopt;
    case KpiKind::share: return d && *d > 0 ? std::optional(100.0 * *n / *d) : std::nullopt;
    case KpiKind::mean: return d && *d > 0 ? std::optional(*n / *d) : std::nullopt;
    }
    return std::nullopt;
}

void prepare_scopes(SQLite::Database& db, const Quarter& quarter, KpiDetail detail, bool transparency,
                    bool trajectory_costs) {
    // exec() runs several statements but binds none; the values are a year, ISO dates and quarter
    // codes we format ourselves, so inlining them is safe.
    std::string sql = scope_sql;
    const std::pair<const char*, std::string> parameters[] = {
        {":year", std::to_string(quarter.year)},
        {":two_year_start", sql_date(two_year_start(quarter))},
        {":qs", sql_date(quarter.first_day())},
        {":qe", sql_date(quarter.last_day())},
        {":quarter", "'" + quarter.code() + "'"},
        {":previous_quarter", "'" + quarter.previous().code() + "'"},
        {":two_quarters_back", "'" + quarter.previous().previous().code() + "'"},
        {":detail", detail == KpiDetail::full ? "1" : "0"},
        {":transparency", detail == KpiDetail::full && transparency ? "1" : "0"},
        {":trajectory_costs", trajectory_costs ? "1" : "0"}};
    for (const auto& [name, value] : parameters)
        for (size_t at; (at = sql.find(name)) != std::string::npos;) sql.replace(at, std::strlen(name), value);
    db.exec(sql);
    create_code_tables(db);
}

void bind_quarter_parameters(SQLite::Statement& stmt, const Quarter& quarter, KpiDetail detail) {
    bind_if_used(stmt, ":qs", format_iso_date(quarter.first_day()));
    bind_if_used(stmt, ":qe", format_iso_date(quarter.last_day()));
    bind_if_used(stmt, ":quarter", quarter.code());
    bind_if_used(stmt, ":previous_quarter", quarter.previous().code());
    bind_if_used(stmt, ":two_quarters_back", quarter.previous().previous().code());
    bind_if_used(stmt, ":three_quarters_back", quarter.previous().previous().previous().code());
    bind_if_used(stmt, ":day_before_qs", format_iso_date(Date{quarter.first_day().days - 1}));
    bind_if_used(stmt, ":rolling_start", format_iso_date(rolling_year_start(quarter)));
    bind_if_used(stmt, ":two_year_start", format_iso_date(two_year_start(quarter)));
    if (stmt.getIndex(":detail") > 0) stmt.bind(":detail", detail == KpiDetail::full ? 1 : 0);
}

bool needs_kpi_history(const std::vector<KpiDefinition>& definitions) {
    return std::any_of(definitions.begin(), definitions.end(), [](const auto& d) { return d.fast_path != FastPath::none; });
}

std::vector<KpiValue> compute_kpis(SQLite::Database& db, const std::vector<KpiDefinition>& definitions,
                                   const Quarter& quarter, KpiDetail detail, QueryTimings* timings,
                                   const KpiHistorySource& history, KpiPath path) {
    QueryTimings unused;
    StepClock steps(timings ? *timings : unused);
    auto record = [&](const std::string& step) { steps.lap(step); };
    const auto counted_fast = [&](const KpiDefinition& d) { return path == KpiPath::fast && d.fast_path != FastPath::none; };
    // Whether `d` runs as a query that reads the temporary table `table`.
    const auto reads = [&](const KpiDefinition& d, const char* table) {
        return !counted_fast(d) && d.sql.find(table) != std::string::npos;
    };
    const auto a_query_reads = [&](const char* table) {
        return std::any_of(definitions.begin(), definitions.end(), [&](const KpiDefinition& d) { return reads(d, table); });
    };
    // The transparency tables take seconds to fill; only a query that reads them needs them.
    const bool transparency_by_sql = a_query_reads("transparency_");
    // A run's quarters sum their trajectory cost records from the run's history (the SQL join is
    // most of a report quarter's scope tables), just before the first query that reads them.
    const auto reads_costs = [&](const KpiDefinition& d) { return reads(d, "quarter_trajectory_costs"); };
    const bool costs_from_history = path == KpiPath::fast && history && a_query_reads("quarter_trajectory_costs");
    prepare_scopes(db, quarter, detail, transparency_by_sql, !costs_from_history);
    record("scopes");
    std::optional<KpiHistory> own_history;
    const auto histories = [&]() -> const KpiHistory& {
        return history ? history() : own_history ? *own_history : own_history.emplace(load_kpi_history(db, history_start(quarter)));
    };
    bool costs_filled = !costs_from_history;
    const auto fill_costs = [&] {
        const TrajectoryHistory& trajectories = histories().trajectories;
        fill_quarter_trajectory_costs(db, trajectories, quarter_trajectory_costs(db, trajectories, quarter));
        record("trajectory costs");
        costs_filled = true;
    };
    // Made when the first fast-path KPI of their kind comes.
    std::optional<TrajectoryCounts> trajectory_counts;
    std::optional<MeasureCounts> measure_counts;
    const auto fast_path_rows = [&](const KpiDefinition& def) {
        if (def.fast_path == FastPath::trajectories) {
            if (!trajectory_counts) {
                trajectory_counts.emplace(histories().trajectories, read_quarter_scopes(db), quarter, detail == KpiDetail::full);
                record("trajectory history");
            }
            return trajectory_counts->rows(def.id);
        }
        if (!measure_counts) {
            const MeasureHistory& measures = histories().measures;
            measure_counts.emplace(measures, read_quarter_scopes(db), quarter,
                                   MeasureQuarterRecords{read_contact_records(db, measures, quarter), read_measure_cost_sums(db, measures)});
            record("measure history");
        }
        return measure_counts->rows(def.id);
    };
    std::vector<KpiValue> values;
    const auto add = [&](const KpiDefinition& def, std::string scope_type, std::string scope_code, std::string breakdown,
                         std::optional<double> numerator, std::optional<double> denominator) {
        KpiValue v{quarter.code(), std::move(scope_type), std::move(scope_code), def.id, std::move(breakdown),
                   numerator, denominator, std::nullopt};
        if (def.kind == KpiKind::count) v.denominator.reset();
        v.value = kpi_value(def.kind, v.numerator, v.denominator);
        values.push_back(std::move(v));
    };
    // The queries that need no history first, then those that read the cost sums, then the
    // fast-path KPIs: in a run the history is being read by another worker meanwhile, so the
    // report quarter waits for it as late as it can (the values are sorted below, so the order
    // they are computed in does not show).
    std::vector<const KpiDefinition*> in_order;
    for (const auto& def : definitions)
        if (!counted_fast(def) && !reads_costs(def)) in_order.push_back(&def);
    for (const auto& def : definitions)
        if (reads_costs(def)) in_order.push_back(&def);
    for (const auto& def : definitions)
        if (counted_fast(def)) in_order.push_back(&def);
    for (const KpiDefinition* kpi : in_order) {
        const KpiDefinition& def = *kpi;
        if (!costs_filled && reads_costs(def)) fill_costs();
        if (counted_fast(def)) {
            for (auto& row : fast_path_rows(def))
                add(def, std::move(row.scope_type), std::move(row.scope_code), std::move(row.breakdown), row.numerator,
                    row.denominator);
            record(def.id);
            continue;
        }
        try {
            SQLite::Statement stmt(db, def.sql);
            bind_quarter_parameters(stmt, quarter, detail);
            while (stmt.executeStep())
                add(def, stmt.getColumn("scope_type").getString(), stmt.getColumn("scope_code").getString(),
                    stmt.getColumn("breakdown").getString(), column_number(stmt.getColumn("numerator")),
                    column_number(stmt.getColumn("denominator")));
        } catch (const SQLite::Exception& e) {
            throw DatabaseError("queries/" + def.file + " (" + def.id + ", " + quarter.code() + "): " + e.what());
        }
        record(def.id);
    }
    sort_by_scope(values);
    record("sorting the values");
    return values;
}

} // namespace ss
