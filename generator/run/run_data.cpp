#include "run/run_data.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <future>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>

#include <SQLiteCpp/Statement.h>

#include "core/errors.hpp"
#include "core/parallel_for.hpp"
#include "core/text_file.hpp"
#include "db/database.hpp"
#include "import/delivery_history.hpp"
#include "kpi/kpi_periods.hpp"
#include "report/report_builder.hpp"

namespace ss {

namespace {

bool scope_less(const KpiValue& v, const std::pair<std::string, std::string>& key) {
    return std::tie(v.scope_type, v.scope_code) < std::tie(key.first, key.second);
}

/// The rows of one scope in values sorted by scope (compute_kpis sorts them so), those that `keep`.
template <typename Keep>
void append_scope_rows(const std::vector<KpiValue>& values, const std::string& type, const std::string& code,
                       std::vector<KpiValue>& out, Keep keep) {
    auto it = std::lower_bound(values.begin(), values.end(), std::pair{type, code}, scope_less);
    for (; it != values.end() && it->scope_type == type && it->scope_code == code; ++it)
        if (keep(*it)) out.push_back(*it);
}

} // namespace

std::vector<Scope> read_scopes(SQLite::Database& db) {
    std::vector<Scope> scopes;
    SQLite::Statement municipalities(db, "SELECT m.municipality_code, m.name, r.region_code, r.name FROM municipalities m "
                                         "JOIN regions r USING (region_code) ORDER BY m.municipality_code");
    while (municipalities.executeStep())
        scopes.push_back({ScopeType::municipality, municipalities.getColumn(0).getString(), municipalities.getColumn(1).getString(),
                          municipalities.getColumn(2).getString(), municipalities.getColumn(3).getString()});
    SQLite::Statement regions(db, "SELECT region_code, name FROM regions ORDER BY region_code");
    while (regions.executeStep()) {
        const std::string code = regions.getColumn(0).getString(), name = regions.getColumn(1).getString();
        scopes.push_back({ScopeType::region, code, name, code, name});
    }
    return scopes;
}

std::vector<Note> read_notes(SQLite::Database& db) {
    SQLite::Statement q(db, "SELECT note_id, scope_code, quarter, coalesce(kpi_id, ''), kind, text, coalesce(owner, ''), "
                            "coalesce(due_quarter, ''), coalesce(status, '') FROM notes ORDER BY scope_code, quarter, note_id");
    std::vector<Note> notes;
    while (q.executeStep())
        notes.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                         q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
                         q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString()});
    return notes;
}

std::map<std::string, std::vector<Signal>> read_signals(SQLite::Database& db, const std::string& signals_sql,
                                                        const Quarter& quarter) {
    std::map<std::string, std::vector<Signal>> signals;
    try {
        // The signals read the engine's views of the quarter (queries/signals/signals.sql); no GI
        // scopes, transparency rows or cost sums are needed for them.
        prepare_scopes(db, quarter, KpiDetail::trend, false, false);
        SQLite::Statement stmt(db, signals_sql);
        bind_quarter_parameters(stmt, quarter);
        while (stmt.executeStep())
            signals[stmt.getColumn(0).getString()].push_back(
                {stmt.getColumn(1).getString(), stmt.getColumn(2).getString(), stmt.getColumn(3).getString(),
                 stmt.getColumn(4).getString()});
    } catch (const SQLite::Exception& e) {
        throw DatabaseError("queries/signals/signals.sql (" + quarter.code() + "): " + e.what());
    }
    return signals;
}

namespace {

/// One piece of the SQL stage, run by whichever worker is free: reading the KPI history,
/// the KPIs of one quarter, or (with no quarter) the signals query.
struct SqlTask {
    std::optional<size_t> quarter; ///< index into the quarters; none: the signals (or the history)
    std::vector<KpiDefinition> kpis;
    KpiDetail detail = KpiDetail::full;
    bool history = false; ///< reads the history (kpi/kpi_history) the quarters' fast-path KPIs wait for
};

/// The KPI history first (the tasks are taken in order, so a quarter waiting for it never
/// waits for a task no worker has taken) and the signals, which need no history, beside it; then
/// the report quarter (at full detail it takes about five times a trend quarter, and needs the
/// history only after a second and a half of other queries) and the trend quarters newest first.
std::vector<SqlTask> sql_tasks(const std::vector<KpiDefinition>& kpis, const std::set<std::string>& over_time,
                               const std::vector<Quarter>& quarters, const Quarter& report_quarter) {
    std::vector<SqlTask> tasks;
    if (needs_kpi_history(kpis)) tasks.push_back({std::nullopt, {}, KpiDetail::full, true});
    tasks.push_back({std::nullopt, {}, KpiDetail::full});
    std::vector<KpiDefinition> trend_kpis;
    for (const auto& k : kpis)
        if (over_time.count(k.id)) trend_kpis.push_back(k);
    for (size_t n = 0; n < quarters.size(); ++n) {
        const size_t i = quarters.size() - 1 - n;
        if (quarters[i] == report_quarter) tasks.push_back({i, kpis, KpiDetail::full});
        else tasks.push_back({i, trend_kpis, KpiDetail::trend});
    }
    return tasks;
}

struct SqlResults {
    std::vector<std::vector<KpiValue>> values; ///< per quarter, as compute_kpis returns them, provisional ones marked
    std::vector<KpiTable> tables;              ///< per quarter, its values looked up by the report builder
    std::map<std::string, std::vector<Signal>> signals;
};

/// The report builder's look-up table of one quarter's values. The report quarter's leaves out its
/// transparency cells (nine in ten of its values): only kpis.csv and the region's own rows need them.
KpiTable lookup_table_of(const std::vector<KpiValue>& values, bool report_quarter) {
    KpiTable table;
    for (const auto& v : values)
        if (!report_quarter || !is_transparency_cell(v)) table.add(v);
    return table;
}

/// Runs the tasks on one worker per connection of the snapshot (temporary scope tables belong to a
/// connection).
SqlResults run_sql_tasks(ReadSnapshot& snapshot, const std::vector<SqlTask>& tasks, const std::vector<Quarter>& quarters,
                         const Quarter& report_quarter, const std::string& signals_sql, const CompletenessRule& completeness) {
    SqlResults results;
    results.values.resize(quarters.size());
    results.tables.resize(quarters.size());
    std::promise<KpiHistory> history_read;
    const std::shared_future<KpiHistory> history = history_read.get_future().share();
    const KpiHistorySource wait_for_history = [&]() -> const KpiHistory& { return history.get(); };
    // The trajectories of the history that any of the quarters counts: from the earliest one's start.
    Date first_end_day = history_start(quarters.at(0));
    for (const Quarter& q : quarters) first_end_day.days = std::min(first_end_day.days, history_start(q).days);
    parallel_for(tasks.size(), static_cast<int>(snapshot.workers()), [&](size_t t, size_t worker) {
        SQLite::Database& db = snapshot.worker(worker);
        const SqlTask& task = tasks[t];
        if (task.history) {
            try {
                history_read.set_value(load_kpi_history(db, first_end_day, &snapshot.guard()));
            } catch (...) {
                history_read.set_exception(std::current_exception()); // a quarter waiting for it fails too
                throw;
            }
        } else if (task.quarter) {
            auto& values = results.values[*task.quarter];
            values = compute_kpis(db, task.kpis, quarters[*task.quarter], task.detail, nullptr, wait_for_history);
            // Marked and looked up here, beside the other worker, rather than after the last task.
            mark_provisional(values, completeness);
            results.tables[*task.quarter] = lookup_table_of(values, quarters[*task.quarter] == report_quarter);
        } else results.signals = read_signals(db, signals_sql, report_quarter);
    });
    return results;
}

} // namespace

RunData read_run_data(ReadSnapshot& snapshot, const std::vector<KpiDefinition>& kpis,
                      const std::set<std::string>& over_time, const std::filesystem::path& queries_folder,
                      const Quarter& quarter, const CompletenessRule& completeness) {
    SQLite::Database& db = snapshot.guard();
    RunData data;
    data.quarter = quarter;
    // One read of the history: the deliveries the figures rest on and the latest delivery date.
    for (const auto& d : read_deliveries(db)) {
        data.delivery_ids.push_back(d.id);
        data.delivered_on = std::max(data.delivered_on, d.delivered_on);
    }
    data.scopes = read_scopes(db);
    const std::vector<Quarter> quarters = trend_quarters(quarter);
    const std::string signals_sql = read_text_file(queries_folder / "signals" / "signals.sql", "signals query");
    // Every quarter's cost figures are judged complete or provisional by its DQ01.
    std::set<std::string> computed_over_time = over_time;
    computed_over_time.insert("DQ01");
    SqlResults sql = run_sql_tasks(snapshot, sql_tasks(kpis, computed_over_time, quarters, quarter), quarters, quarter,
                                   signals_sql, completeness);
    for (size_t i = 0; i < quarters.size(); ++i) {
        data.table.merge(std::move(sql.tables[i]));
        if (quarters[i] == quarter) data.quarter_values = std::move(sql.values[i]);
    }
    data.targets = read_targets(db, quarter.year);
    SQLite::Statement institutions(db, "SELECT institution_id, name FROM institutions");
    while (institutions.executeStep())
        data.institution_names[institutions.getColumn(0).getString()] = institutions.getColumn(1).getString();
    data.signals = std::move(sql.signals);
    data.notes = read_notes(db);
    return data;
}

std::vector<KpiValue> folder_rows(const std::vector<KpiValue>& values, const Scope& scope) {
    std::vector<KpiValue> rows;
    append_scope_rows(values, scope_type_name(scope.type), scope.code, rows, [](const KpiValue&) { return true; });
    if (scope.type == ScopeType::municipality) {
        // The region's figures, without its transparency rows (nine in ten of them, not copied):
        // those belong in the region's folder.
        append_scope_rows(values, scope_type_name(ScopeType::region), scope.region_code, rows,
                          [](const KpiValue& v) { return !is_transparency_cell(v); });
        return rows;
    }
    // A region's folder also holds its GIs (scope code `<region>/<institution>`).
    const std::string prefix = scope.code + "/";
    auto it = std::lower_bound(values.begin(), values.end(), std::pair{std::string(scope_type_name(ScopeType::gi)), prefix}, scope_less);
    for (; it != values.end() && it->scope_type == scope_type_name(ScopeType::gi) && it->scope_code.rfind(prefix, 0) == 0; ++it) rows.push_back(*it);
    return rows;
}

} // namespace ss
