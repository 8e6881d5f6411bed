// The commands that change what the database holds and keep track of it: `import` (with its dry
// run and snapshots), `deliveries` (the history) and `restore` (back to before a delivery).
#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <sstream>

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include "cli/commands.hpp"
#include "core/elapsed.hpp"
#include "core/errors.hpp"
#include "core/local_time.hpp"
#include "core/text_split.hpp"
#include "db/database.hpp"
#include "db/database_backups.hpp"
#include "db/database_copy.hpp"
#include "import/importer.hpp"

namespace ss::cli {

namespace {

using Clock = std::chrono::steady_clock;



std::string totals(const DeliveryPlan& plan) {
    return std::to_string(plan.added()) + " new, " + std::to_string(plan.changed()) + " changed, " +
           std::to_string(plan.removed()) + " removed";
}

/// A database that is busy for longer than --wait: what to do about it.
DatabaseError busy_error(const std::string& db, int seconds, const std::string& what) {
    return DatabaseError(db + ": is locked by another program (a run reading it, an import or a backup) for longer than " +
                         std::to_string(seconds) + " s (--wait); " + what + "; try again when it has finished");
}

void print_record(const DeliveryRecord& r, const std::filesystem::path& backups, const std::string& db, std::ostream& out) {
    out << "delivery " << r.id << ": imported " << r.imported_at << ", delivered on " << r.delivered_on << ", from "
        << r.source << "\n";
    out << "  " << r.added << " new, " << r.changed << " changed, " << r.removed << " removed";
    if (!r.program_version.empty()) out << "; samen-sturen " << r.program_version;
    out << "\n";
    if (!r.snapshot.empty()) out << "  snapshot: " << r.snapshot << "\n";
    if (r.backup_file.empty()) out << "  no copy of the database before it was kept\n";
    else if (std::filesystem::exists(backups / r.backup_file))
        out << "  undo: samen-sturen restore --db " << db << " --delivery " << r.id << " (copy " << r.backup_file << ")\n";
    else out << "  the copy before it (" << r.backup_file << ") is no longer kept\n";
    for (const auto& f : r.files) {
        out << "    " << std::left << std::setw(24) << f.file << std::right << std::setw(9) << f.rows << " rows: " << f.added
            << " new, " << f.changed << " changed, " << f.unchanged << " unchanged, " << f.removed << " removed";
        if (!f.sha256.empty()) out << "\n      sha256 " << f.sha256;
        out << "\n";
    }
}

} // namespace

int run_import(const ImportCommand& cmd, std::ostream& out, std::ostream& err) {
    namespace fs = std::filesystem;
    ImportOptions options;
    options.today = cmd.today.empty() ? local_today() : date_option("--today", cmd.today);
    if (!cmd.delivered_on.empty())
        options.delivered_on = format_iso_date(date_option("--delivered-on", cmd.delivered_on));
    options.imported_at = local_timestamp();
    options.kpis = load_kpi_queries(queries_folder(cmd.queries));
    if (!cmd.snapshot.empty()) options.declaration = parse_snapshot_option(cmd.snapshot, cmd.snapshot_scope);
    if (cmd.keep_backups < 0) throw UsageError("--keep-backups: give 0 or more copies to keep");
    if (cmd.jobs < 0) throw UsageError("--jobs: must be 1 or more (0: the number of cores)");
    options.jobs = cmd.jobs;
    options.dry_run = cmd.dry_run;
    options.keep_backups = static_cast<size_t>(cmd.keep_backups);
    options.backup_folder = backup_folder(cmd.db);

    const auto start = Clock::now();
    // A dry run only reads: a database that does not exist yet is planned against an empty one
    // in memory, so that not even the file is made.
    auto db = !cmd.dry_run                ? open_database(cmd.db, OpenMode::create_or_update)
              : fs::exists(cmd.db)        ? open_database(cmd.db, OpenMode::read_only)
                                          : open_database(":memory:", OpenMode::create_or_update);
    ImportResult result;
    try {
        const LockWait wait(*db, cmd.wait_seconds, err);
        result = import_folder(*db, cmd.folder, options);
    } catch (const SQLite::Exception& e) {
        if (is_busy_error(e.getErrorCode())) throw busy_error(cmd.db, cmd.wait_seconds, "nothing was imported");
        throw;
    }
    for (const auto& w : result.warnings) err << w.to_string() << "\n";
    if (!result.declaration.snapshot_tables.empty())
        out << "snapshot (" << result.declaration.source << "): " << describe(result.declaration) << "\n";
    out << plan_summary(result.plan);
    const double seconds = seconds_since(start);
    if (cmd.dry_run) {
        out << "dry run: the delivery is valid and would add " << result.plan.added() << ", change " << result.plan.changed()
            << " and remove " << result.plan.removed() << " rows; nothing was written to " << cmd.db << "\n";
    } else if (!result.recorded) {
        out << "nothing changed: this delivery is already in " << cmd.db << "\n";
    } else {
        const DeliveryRecord& r = *result.recorded;
        out << "imported " << result.rows_read << " rows into " << cmd.db << " (" << totals(result.plan) << ") in "
            << std::fixed << std::setprecision(1) << seconds << " s ("
            << static_cast<long>(result.rows_read / std::max(seconds, 1e-3)) << " rows/s) as delivery " << r.id << "\n";
        if (!r.backup_file.empty())
            out << "the database before this delivery is kept in " << (options.backup_folder / r.backup_file).string()
                << "; to undo: samen-sturen restore --db " << cmd.db << " --delivery " << r.id << "\n";
    }
    if (cmd.timings)
        for (const auto& [stage, s] : result.stage_seconds)
            out << "  " << stage << ": " << std::fixed << std::setprecision(2) << s << " s\n";
    return 0;
}

int run_deliveries(const DeliveriesCommand& cmd, std::ostream& out) {
    auto db = open_database(cmd.db, OpenMode::read_only);
    const auto records = read_deliveries(*db);
    if (records.empty()) out << cmd.db << " holds no deliveries yet\n";
    for (const auto& r : records) print_record(r, backup_folder(cmd.db), cmd.db, out);
    return 0;
}

int run_restore(const RestoreCommand& cmd, std::ostream& out, std::ostream& err) {
    namespace fs = std::filesystem;
    auto db = open_database(cmd.db, OpenMode::create_or_update);
    const auto records = read_deliveries(*db);
    const auto target = std::find_if(records.begin(), records.end(), [&](const DeliveryRecord& r) { return r.id == cmd.delivery; });
    if (target == records.end())
        throw UsageError("--delivery " + std::to_string(cmd.delivery) + ": " + cmd.db + " holds no such delivery (" +
                         "samen-sturen deliveries --db " + cmd.db + " lists them)");
    const fs::path folder = backup_folder(cmd.db);
    if (target->backup_file.empty())
        throw InputError("delivery " + std::to_string(cmd.delivery) + " was imported without a copy of the database before it "
                         "(--keep-backups 0); it cannot be undone by restore");
    const fs::path copy = folder / target->backup_file;
    if (!fs::exists(copy))
        throw InputError(copy.string() + ": the copy before delivery " + std::to_string(cmd.delivery) +
                         " is no longer kept (only the newest copies are; --keep-backups)");
    {
        // The copy must be a whole measure database before it replaces anything.
        SQLite::Database check(copy.string(), SQLite::OPEN_READONLY);
        if (check.execAndGet("PRAGMA quick_check").getString() != "ok")
            throw DatabaseError(copy.string() + ": the copy is damaged; nothing was restored");
    }
    // Restoring is itself undoable: the state it replaces is kept like an import's.
    const std::string kept = backup_file_name(local_timestamp(), "restore-of-delivery-" + std::to_string(cmd.delivery));
    try {
        const LockWait wait(*db, cmd.wait_seconds, err);
        copy_database_to_file(cmd.db, folder / kept);
        copy_file_into_database(copy, *db);
    } catch (const SQLite::Exception& e) {
        if (is_busy_error(e.getErrorCode())) throw busy_error(cmd.db, cmd.wait_seconds, "nothing was restored");
        throw;
    }
    std::vector<std::string> undone;
    for (auto r = target; r != records.end(); ++r) undone.push_back(std::to_string(r->id));
    const std::string list = join(undone, ", ", " and ");
    out << "restored " << cmd.db << " to its state before delivery " << cmd.delivery << " (imported " << target->imported_at
        << " from " << target->source << "): " << (undone.size() == 1 ? "delivery " : "deliveries ") << list
        << (undone.size() == 1 ? " is" : " are") << " undone\n";
    out << "the state before this restore is kept in " << (folder / kept).string() << "\n";
    return 0;
}

} // namespace ss::cli
