// Reads what a quarter's run needs from the measure database, once for all scopes: the scopes,
// the delivery date, the KPI values of the trend quarters, targets and case-level signals.
#pragma once

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "db/read_snapshot.hpp"

#include "kpi/assessment.hpp"
#include "kpi/kpi_definition.hpp"
#include "kpi/kpi_engine.hpp"
#include "kpi/provisional.hpp"
#include "report/kpi_table.hpp"
#include "report/report_model.hpp"

namespace ss {

struct RunData {
    Quarter quarter;
    std::string delivered_on;                         ///< the latest delivery's date
    std::vector<std::int64_t> delivery_ids;           ///< every delivery the database holds (the history)
    std::vector<Scope> scopes;                        ///< every municipality, then every region
    std::vector<KpiValue> quarter_values;             ///< every value of the quarter: kpis.csv
    KpiTable table;                                   ///< the quarter and the seven before it
    Targets targets;                                  ///< of the quarter's year
    std::map<std::string, std::vector<Signal>> signals; ///< by municipality code
    std::map<std::string, std::string> institution_names; ///< institution id -> name
    std::vector<Note> notes;                          ///< every note of the development tables
};

/// Every note (notes.csv), by scope, quarter and id.
std::vector<Note> read_notes(SQLite::Database& db);

/// Every municipality (with its region) and every region, ordered by code.
std::vector<Scope> read_scopes(SQLite::Database& db);


/// Case-level signals of every municipality for `quarter`, from `signals_sql`.
std::map<std::string, std::vector<Signal>> read_signals(SQLite::Database& db, const std::string& signals_sql,
                                                        const Quarter& quarter);

/// Everything above, plus the KPI values of the eight trend quarters: the report quarter in full,
/// the seven before it at trend detail and only for the KPIs of `over_time` (see
/// kpis_shown_over_time), computed by one worker per connection of `snapshot` (SQLite's temporary
/// tables belong to a connection; the snapshot's read transactions make every quarter read the same
/// state). Cost figures of an incomplete quarter are marked provisional by `completeness` (DQ01 is
/// computed for every quarter).
RunData read_run_data(ReadSnapshot& snapshot, const std::vector<KpiDefinition>& kpis,
                      const std::set<std::string>& over_time, const std::filesystem::path& queries_folder,
                      const Quarter& quarter, const CompletenessRule& completeness);

/// The rows of kpis.csv for a scope's folder: a municipality's own rows and its region's; a
/// region's own rows, its GIs' and its transparency rows.
std::vector<KpiValue> folder_rows(const std::vector<KpiValue>& quarter_values, const Scope& scope);

} // namespace ss
