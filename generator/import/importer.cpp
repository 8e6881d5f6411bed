#include "import/importer.hpp"

#include <algorithm>
#include <functional>
#include <cctype>
#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <fstream>
#include <sstream>

#include <SQLiteCpp/Transaction.h>

#include "core/elapsed.hpp"
#include "core/parallel_for.hpp"
#include "core/pause_point.hpp"
#include "core/sha256.hpp"
#include "core/text_file.hpp"
#include "db/database_backups.hpp"
#include "db/database_copy.hpp"
#include "import/delivery_checks.hpp"
#include "import/key_order.hpp"
#include "import/table_parser.hpp"
#include "import/target_checks.hpp"

namespace ss {

namespace {


bool has_errors(const std::vector<Issue>& issues) {
    return std::any_of(issues.begin(), issues.end(),
                       [](const Issue& i) { return i.severity == Issue::Severity::error; });
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}


std::string summary(const std::vector<Issue>& issues) {
    const auto errors = std::count_if(issues.begin(), issues.end(), [](const Issue& i) {
        return i.severity == Issue::Severity::error;
    });
    return "the delivery was rejected with " + std::to_string(errors) +
           (errors == 1 ? " error" : " errors") + "; the database was not changed";
}

void append(std::vector<Issue>& issues, std::vector<Issue> more) {
    issues.insert(issues.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

/// The checks that span files, each file read whole already: keys unique, references resolved
/// (in the delivery or in `stored`), KPI rows against the catalogue, the snapshot declaration.
std::vector<Issue> cross_file_issues(const Delivery& delivery, const KeyOrders& orders, const KnownKeys& stored,
                                     const ImportOptions& options) {
    std::vector<Issue> found;
    check_unique_keys(delivery, orders, found);
    check_references(delivery, stored, found);
    check_kpi_rows(delivery, options.kpis, found);
    check_declaration(options.declaration, delivery, found);
    return found;
}

/// The history entry of a delivery about to be loaded (its backup file is named when made).
DeliveryRecord delivery_record(SQLite::Database& db, const Delivery& delivery, const DeliveryPlan& plan,
                               const std::string& source, const ImportOptions& options) {
    DeliveryRecord record;
    record.id = next_delivery_id(db);
    record.imported_at = options.imported_at;
    record.delivered_on = options.delivered_on.empty() ? format_iso_date(options.today) : options.delivered_on;
    record.source = source;
    record.program_version = SAMEN_STUREN_VERSION;
    record.snapshot = describe(options.declaration);
    record.added = plan.added();
    record.changed = plan.changed();
    record.removed = plan.removed();
    record.files = delivered_files(plan, delivery.file_sha256);
    return record;
}

} // namespace

DeliveryRejected::DeliveryRejected(std::vector<Issue> issues)
    : InputError(summary(issues)), issues_(std::move(issues)) {}

Delivery read_delivery_folder(const std::filesystem::path& folder, Date today,
                              std::vector<Issue>& issues, int workers) {
    namespace fs = std::filesystem;
    if (!fs::is_directory(folder))
        throw InputError(folder.string() + ": not a folder (give the folder that holds the "
                                           "delivery's CSV files)");
    // File names are matched case-insensitively: Measures.CSV from a Windows share is fine.
    std::map<std::string, fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.is_regular_file()) files[lower(entry.path().filename().string())] = entry.path();

    // Files are independent until the cross-file checks: parse them on all cores, each into
    // its own issue list, merged in file-spec order so messages come out in a stable order.
    struct Job {
        const FileSpec* spec;
        fs::path path;
        Table table;
        std::vector<Issue> issues;
        std::string sha256;
        std::uintmax_t bytes = 0;
        std::vector<std::uint32_t> sorted_rows;
    };
    std::vector<Job> jobs;
    for (const auto& spec : file_specs()) {
        auto it = files.find(spec.file_name());
        if (it == files.end()) {
            if (spec.required)
                issues.push_back({Issue::Severity::error, spec.file_name(), 0, "", "",
                                  "is missing (every delivery holds regions.csv, "
                                  "municipalities.csv and institutions.csv)"});
            continue;
        }
        std::error_code unknown_size; // the read names the file if it cannot be read
        const std::uintmax_t bytes = fs::file_size(it->second, unknown_size);
        jobs.push_back({&spec, it->second, {}, {}, {}, unknown_size ? 0 : bytes, {}});
        files.erase(it);
    }
    // Each worker sorts the rows of the file it parsed by key too (what the checks and the load
    // need), the largest files first so that the two workers end together.
    std::vector<size_t> largest_first(jobs.size());
    for (size_t j = 0; j < jobs.size(); ++j) largest_first[j] = j;
    std::stable_sort(largest_first.begin(), largest_first.end(), [&](size_t a, size_t b) { return jobs[a].bytes > jobs[b].bytes; });
    parallel_for(jobs.size(), workers, [&](size_t k, size_t) {
        Job& job = jobs[largest_first[k]];
        const std::string text = read_text_file(job.path, "a file of the delivery");
        job.sha256 = sha256_hex(text);
        job.table = parse_table(*job.spec, text, today, job.issues);
        job.sorted_rows = key_order(job.table);
    });
    Delivery delivery;
    for (auto& job : jobs) {
        delivery.sorted_rows[job.spec->table] = std::move(job.sorted_rows);
        delivery.tables[job.spec->table] = std::move(job.table);
        delivery.file_sha256[job.spec->table] = job.sha256;
        issues.insert(issues.end(), job.issues.begin(), job.issues.end());
    }
    for (const auto& [name, path] : files)
        if (name.size() > 4 && name.substr(name.size() - 4) == ".csv")
            issues.push_back({Issue::Severity::warning, path.filename().string(), 0, "", "",
                              "is not a file of the import format; it is ignored"});
    return delivery;
}

ImportResult import_delivery(SQLite::Database& db, const Delivery& delivery,
                             std::vector<Issue> issues, const std::string& source,
                             const ImportOptions& options) {
    ImportResult result;
    StepClock steps(result.stage_seconds);
    const KeyOrders orders = key_orders(delivery, options.jobs);
    const KnownKeys stored = read_known_keys(db);
    steps.lap("key order");
    if (has_errors(issues)) { // a file is wrong already: nothing will be loaded, say everything found
        append(issues, cross_file_issues(delivery, orders, stored, options));
        throw DeliveryRejected(std::move(issues));
    }

    // The checks that span files only read the delivery: they run beside the plan and the load,
    // which only write inside the transaction, and the load stops as soon as they find an error.
    // Nothing is committed before they have passed (docs/performance.md, "Import").
    std::atomic<bool> checks_failed{false};
    double check_seconds = 0;
    std::future<std::vector<Issue>> checks = std::async(std::launch::async, [&] {
        const auto start = std::chrono::steady_clock::now();
        std::vector<Issue> found = cross_file_issues(delivery, orders, stored, options);
        check_seconds = seconds_since(start);
        if (has_errors(found)) checks_failed = true;
        return found;
    });

    // The plan is made and written in one transaction: no other writer can change what it found.
    // A dry run only reads; leaving the transaction unfinished rolls it back.
    SQLite::Transaction tx(db, options.dry_run ? SQLite::TransactionBehavior::DEFERRED : SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<Issue> plan_issues;
    DeliveryRecord record;
    std::exception_ptr failure;
    try {
        result.plan = plan_delivery(db, delivery, orders, options.declaration, plan_issues);
        steps.lap("plan");
        if (!has_errors(plan_issues) && !options.dry_run && !result.plan.changes_nothing()) {
            record = delivery_record(db, delivery, result.plan, source, options);
            if (!options.backup_folder.empty() && options.keep_backups > 0) {
                record.backup_file = backup_file_name(options.imported_at, "delivery-" + std::to_string(record.id));
                copy_database_to_file(db.getFilename(), options.backup_folder / record.backup_file);
                steps.lap("backup");
            }
            load_delivery(db, delivery, orders, result.plan, &checks_failed);
            record_delivery(db, record);
            pause_point("load");
        }
    } catch (...) {
        failure = std::current_exception(); // an error the checks explain (a reference the load refused) is theirs to tell
    }
    append(issues, checks.get());
    if (has_errors(issues)) {
        if (!record.backup_file.empty()) std::filesystem::remove(options.backup_folder / record.backup_file);
        throw DeliveryRejected(std::move(issues));
    }
    if (failure) std::rethrow_exception(failure);
    append(issues, std::move(plan_issues));
    if (has_errors(issues)) throw DeliveryRejected(std::move(issues));
    result.rows_read = delivery.total_rows();
    result.warnings = std::move(issues);
    result.declaration = options.declaration;
    if (options.dry_run || result.plan.changes_nothing()) return result;

    tx.commit();
    steps.lap("load");
    result.stage_seconds.emplace_back("check, beside the plan and load", check_seconds);
    if (!options.backup_folder.empty()) prune_backups(options.backup_folder, options.keep_backups);
    result.recorded = std::move(record);
    return result;
}

ImportResult import_folder(SQLite::Database& db, const std::filesystem::path& folder,
                           const ImportOptions& options) {
    std::vector<Issue> issues;
    const auto start = std::chrono::steady_clock::now();
    Delivery delivery = read_delivery_folder(folder, options.today, issues, options.jobs);
    ImportOptions effective = options;
    if (const auto declared = read_delivery_toml(folder, issues)) {
        if (!options.declaration.snapshot_tables.empty() && !declared->snapshot_tables.empty() &&
            (describe(*declared) != describe(options.declaration)))
            issues.push_back({Issue::Severity::error, "delivery.toml", 0, "", "",
                              "declares the snapshot " + describe(*declared) + ", the command line " +
                                  describe(options.declaration) + "; leave out one of the two"});
        if (options.declaration.snapshot_tables.empty()) effective.declaration = *declared;
        if (options.delivered_on.empty()) effective.delivered_on = declared->delivered_on;
    }
    const double read_seconds = seconds_since(start);
    ImportResult result = import_delivery(db, delivery, std::move(issues), std::filesystem::absolute(folder).lexically_normal().string(), effective);
    result.stage_seconds.insert(result.stage_seconds.begin(), {"read", read_seconds});
    return result;
}

} // namespace ss
