#include "import/importer.hpp"

#include <algorithm>
#include <functional>
#include <cctype>
#include <chrono>
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
        jobs.push_back({&spec, it->second, {}, {}, {}});
        files.erase(it);
    }
    parallel_for(jobs.size(), workers, [&](size_t j, size_t) {
        const std::string text = read_text_file(jobs[j].path, "a file of the delivery");
        jobs[j].sha256 = sha256_hex(text);
        jobs[j].table = parse_table(*jobs[j].spec, text, today, jobs[j].issues);
    });
    Delivery delivery;
    for (auto& job : jobs) {
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
    const KeyOrders orders = key_orders(delivery);
    check_unique_keys(delivery, orders, issues);
    check_references(delivery, read_known_keys(db), issues);
    check_kpi_rows(delivery, options.kpis, issues);
    check_declaration(options.declaration, delivery, issues);
    if (has_errors(issues)) throw DeliveryRejected(std::move(issues));
    steps.lap("check");

    // The plan is made and written in one transaction: no other writer can change what it found.
    // A dry run only reads; leaving the transaction unfinished rolls it back.
    SQLite::Transaction tx(db, options.dry_run ? SQLite::TransactionBehavior::DEFERRED : SQLite::TransactionBehavior::IMMEDIATE);
    result.plan = plan_delivery(db, delivery, orders, options.declaration, issues);
    if (has_errors(issues)) throw DeliveryRejected(std::move(issues));
    steps.lap("plan");
    result.rows_read = delivery.total_rows();
    result.warnings = std::move(issues);
    result.declaration = options.declaration;
    if (options.dry_run || result.plan.changes_nothing()) return result;

    DeliveryRecord record;
    record.id = next_delivery_id(db);
    record.imported_at = options.imported_at;
    record.delivered_on = options.delivered_on.empty() ? format_iso_date(options.today) : options.delivered_on;
    record.source = source;
    record.program_version = SAMEN_STUREN_VERSION;
    record.snapshot = describe(options.declaration);
    record.added = result.plan.added();
    record.changed = result.plan.changed();
    record.removed = result.plan.removed();
    record.files = delivered_files(result.plan, delivery.file_sha256);
    if (!options.backup_folder.empty() && options.keep_backups > 0) {
        steps.restart();
        record.backup_file = backup_file_name(options.imported_at, "delivery-" + std::to_string(record.id));
        copy_database_to_file(db.getFilename(), options.backup_folder / record.backup_file);
        steps.lap("backup");
    }
    steps.restart();
    load_delivery(db, delivery, orders, result.plan);
    record_delivery(db, record);
    pause_point("load");
    tx.commit();
    steps.lap("load");
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
