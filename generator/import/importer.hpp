// `samen-sturen import`: reads a delivery folder, checks everything, and loads it all or nothing.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "core/dates.hpp"
#include "core/elapsed.hpp"
#include "core/errors.hpp"
#include "import/delivery.hpp"
#include "import/delivery_declaration.hpp"
#include "import/delivery_history.hpp"
#include "import/delivery_plan.hpp"
#include "import/loader.hpp"
#include "kpi/kpi_definition.hpp"

namespace ss {

/// A delivery with at least one error: nothing was written. Carries every problem found.
class DeliveryRejected : public InputError {
public:
    explicit DeliveryRejected(std::vector<Issue> issues);
    const std::vector<Issue>& issues() const { return issues_; }

private:
    std::vector<Issue> issues_;
};

struct ImportOptions {
    Date today;               ///< the import day: date limits are relative to it
    std::string delivered_on; ///< ISO date; empty means `today`
    std::string imported_at;  ///< ISO timestamp recorded in `deliveries`
    std::vector<KpiDefinition> kpis; ///< the KPI catalogue (queries/) targets and notes are checked against
    /// Snapshot files from the command line; import_folder() takes them from delivery.toml when
    /// the command line declares none.
    DeliveryDeclaration declaration;
    bool dry_run = false; ///< check and plan only; nothing is written
    /// Where the copy of the database before the import goes; empty: no copy (demo, tests).
    std::filesystem::path backup_folder;
    size_t keep_backups = 5; ///< copies kept in backup_folder; 0: none is made
    int jobs = 0;            ///< files parsed at once (core/parallel_for); 0: the number of cores
};

struct ImportResult {
    size_t rows_read = 0;
    /// Wall seconds per stage ("read", "check", "load"), for --timings and benchmarks.
    StepSeconds stage_seconds;
    std::vector<Issue> warnings;
    DeliveryDeclaration declaration;        ///< what the import went by (command line or delivery.toml)
    DeliveryPlan plan;                      ///< what the delivery does (dry run: would do) to the database
    std::optional<DeliveryRecord> recorded; ///< the history entry; none for a dry run or when nothing changed
};

/// Reads every known file of `folder` into a Delivery; problems go to `issues`.
Delivery read_delivery_folder(const std::filesystem::path& folder, Date today,
                              std::vector<Issue>& issues, int workers = 0);

/// Checks `delivery` against itself and `db`, then loads it. Throws DeliveryRejected when any
/// error was found (in `issues` already, or by the checks), leaving the database untouched.
ImportResult import_delivery(SQLite::Database& db, const Delivery& delivery,
                             std::vector<Issue> issues, const std::string& source,
                             const ImportOptions& options);

/// read_delivery_folder + import_delivery.
ImportResult import_folder(SQLite::Database& db, const std::filesystem::path& folder,
                           const ImportOptions& options);

} // namespace ss
