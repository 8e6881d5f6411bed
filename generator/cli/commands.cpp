#include "cli/commands.hpp"

#include <cstdio>
#include <set>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "audit/public_audit.hpp"
#include "core/elapsed.hpp"
#include "core/errors.hpp"
#include "core/parallel_for.hpp"
#include "core/local_time.hpp"
#include "core/text_split.hpp"
#include "db/database.hpp"
#include "demo/demo_generator.hpp"
#include "import/delivery_writer.hpp"
#include "import/importer.hpp"
#include "kpi/kpi_csv.hpp"
#include "kpi/kpi_engine.hpp"
#include "distribute/distributor.hpp"
#include "run/quarter_run.hpp"

namespace ss::cli {

namespace {

using Clock = std::chrono::steady_clock;



} // namespace

Date date_option(const std::string& name, const std::string& value) {
    auto d = parse_iso_date(value);
    if (!d) throw UsageError(name + ": '" + value + "' is not a date (YYYY-MM-DD)");
    return *d;
}

int run_demo(const DemoCommand& cmd, std::ostream& out) {
    namespace fs = std::filesystem;
    demo::DemoSettings settings{demo::parse_scale(cmd.scale), cmd.seed, cmd.history_years};
    if (fs::exists(cmd.db))
        throw UsageError(cmd.db + " already exists; the demo only creates new databases "
                                  "(remove it or name another --db)");
    const auto start = Clock::now();
    Delivery delivery = demo::generate_demo(settings);
    const double generated = seconds_since(start);
    if (!cmd.csv_folder.empty()) write_delivery_csv(delivery, cmd.csv_folder);

    // Built under a temporary name and renamed when complete: an interrupted demo leaves no
    // half database behind.
    const std::string partial = cmd.db + ".partial";
    if (fs::path(cmd.db).has_parent_path()) fs::create_directories(fs::path(cmd.db).parent_path());
    fs::remove(partial);
    {
        auto db = open_database(partial, OpenMode::create_or_update);
        ImportOptions options;
        options.today = *parse_iso_date(demo::DemoPeriod{}.delivered_on);
        options.delivered_on = demo::DemoPeriod{}.delivered_on;
        options.imported_at = local_timestamp();
        options.kpis = load_kpi_queries(queries_folder(cmd.queries));
        import_delivery(*db, delivery, {}, "demo --scale " + cmd.scale + " --seed " +
                        std::to_string(cmd.seed) + " --history-years " + std::to_string(cmd.history_years), options);
    }
    fs::rename(partial, cmd.db);
    out << "demo (" << cmd.scale << ", seed " << cmd.seed << "): " << delivery.total_rows()
        << " rows in " << cmd.db;
    if (!cmd.csv_folder.empty()) out << " and as CSV in " << cmd.csv_folder;
    out << " (generated in " << std::fixed << std::setprecision(1) << generated << " s, total "
        << seconds_since(start) << " s)\n";
    for (const auto& [name, table] : delivery.tables)
        out << "  " << std::left << std::setw(24) << (name + ".csv") << std::right << std::setw(9)
            << table.rows() << " rows\n";
    return 0;
}

} // namespace ss::cli

namespace ss::cli {

namespace {

/// A data folder of the program (queries/, templates/): named explicitly, or beside the build or
/// install folder, or in the working folder.
std::string program_folder(const std::string& explicit_folder, const std::string& name) {
    namespace fs = std::filesystem;
    if (!explicit_folder.empty()) {
        if (!fs::is_directory(explicit_folder))
            throw UsageError("--" + name + ": " + explicit_folder + " is not a folder");
        return explicit_folder;
    }
    std::error_code ec;
    const fs::path program = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) {
        candidates.push_back(program.parent_path().parent_path() / name);                        // build/
        candidates.push_back(program.parent_path().parent_path() / "share/samen-sturen" / name); // installed
    }
    candidates.push_back(name);
    for (const auto& c : candidates)
        if (fs::is_directory(c)) return c.string();
    throw UsageError("cannot find the " + name + "/ folder of samen-sturen; name it with --" + name);
}

} // namespace

std::string queries_folder(const std::string& explicit_folder) { return program_folder(explicit_folder, "queries"); }
std::string templates_folder(const std::string& explicit_folder) { return program_folder(explicit_folder, "templates"); }

int run_kpis(const KpisCommand& cmd, std::ostream& out, std::ostream& err) {
    const auto quarter = std::optional<Quarter>(quarter_option(cmd.quarter));
    const auto definitions = load_kpi_queries(queries_folder(cmd.queries));
    auto db = open_database(cmd.db, OpenMode::read_only);
    const auto start = Clock::now();
    QueryTimings timings;
    const auto values = compute_kpis(*db, definitions, *quarter, KpiDetail::full, &timings);
    const std::string csv = kpis_csv(values);
    if (cmd.out.empty()) {
        out << csv;
    } else {
        std::ofstream file(cmd.out, std::ios::binary | std::ios::trunc);
        file << csv;
        if (!file) throw OutputError(cmd.out + ": cannot be written");
    }
    err << "kpis: " << values.size() << " values of " << definitions.size() << " KPIs for "
        << quarter->code() << " in " << std::fixed << std::setprecision(1) << seconds_since(start) << " s\n";
    if (cmd.timings)
        for (const auto& [step, seconds] : timings) err << "  " << step << " " << std::setprecision(3) << seconds << " s\n";
    return 0;
}

namespace {

std::vector<std::string> comma_list(const std::string& text) {
    std::vector<std::string> items;
    for (const std::string_view item : split(text, ','))
        if (!item.empty()) items.emplace_back(item);
    return items;
}

} // namespace

Quarter last_completed_quarter(Date today) { return quarter_of(today).previous(); }

Quarter quarter_option(const std::string& text) {
    const auto quarter = parse_quarter(text);
    if (!quarter) throw UsageError("--quarter: '" + text + "' is not a quarter (YYYY-Qn, e.g. 2025-Q3)");
    return *quarter;
}

Quarter quarter_or_last_completed(const std::string& quarter, const std::string& today) {
    if (!quarter.empty()) return quarter_option(quarter);
    return last_completed_quarter(today.empty() ? amsterdam_today() : date_option("--today", today));
}

namespace {

/// SMTP credentials: a file (user, then password, one per line) or the environment
/// (SAMEN_STUREN_SMTP_USER, SAMEN_STUREN_SMTP_PASSWORD); never the command line or the log.
void read_credentials(const std::string& file, SmtpSettings& s) {
    if (!file.empty()) {
        std::ifstream in(file);
        if (!in) throw UsageError("--credentials: " + file + " cannot be read");
        std::getline(in, s.user);
        std::getline(in, s.password);
        return;
    }
    if (const char* user = std::getenv("SAMEN_STUREN_SMTP_USER")) s.user = user;
    if (const char* password = std::getenv("SAMEN_STUREN_SMTP_PASSWORD")) s.password = password;
}

} // namespace

int run_distribute(const DistributeCommand& cmd, std::ostream& out, std::ostream& err) {
    DistributeOptions options;
    options.quarter = quarter_or_last_completed(cmd.quarter, cmd.today);
    if (!cmd.outbox.empty() && !cmd.smtp.empty()) throw UsageError("--outbox and --smtp: name one of them");
    if (cmd.outbox.empty() && cmd.smtp.empty()) throw UsageError("name --outbox DIR (.eml files) or --smtp URL");
    if (!cmd.smtp.empty() && cmd.smtp.rfind("smtp://", 0) != 0 && cmd.smtp.rfind("smtps://", 0) != 0)
        throw UsageError("--smtp: '" + cmd.smtp + "' is not smtp://host:port or smtps://host:port");
    if (cmd.attempts < 1) throw UsageError("--attempts: must be 1 or more");
    options.db = cmd.db;
    options.out = cmd.out;
    options.from = cmd.from;
    options.max_attachment_bytes = static_cast<std::uint64_t>(cmd.max_attachment_mb * 1024 * 1024);
    options.attempts = cmd.attempts;
    options.allow_provisional = cmd.allow_provisional;
    options.public_url = cmd.public_url;
    options.templates = templates_folder(cmd.templates);
    options.backoff_ms = cmd.backoff_ms;
    std::unique_ptr<MailTransport> transport;
    if (!cmd.outbox.empty()) {
        transport = std::make_unique<OutboxTransport>(cmd.outbox);
    } else {
        if (cmd.smtp_timeout < 1) throw UsageError("--smtp-timeout: must be 1 second or more");
        SmtpSettings settings{cmd.smtp, "", "", !cmd.insecure_smtp, cmd.smtp_timeout};
        read_credentials(cmd.credentials, settings);
        transport = std::make_unique<SmtpTransport>(settings);
    }
    const DistributeSummary summary = distribute(options, *transport, err);
    out << "distribute " << options.quarter.code() << " via " << transport->describe() << ": " << summary.sent << " sent, "
        << summary.already_sent << " sent before, " << summary.failed.size() << " failed\n";
    for (const auto& r : summary.without_files) out << "  nothing to send for " << r << "\n";
    if (summary.failed.empty()) return 0;
    for (const auto& f : summary.failed) err << "samen-sturen: not delivered: " << f << "\n";
    throw PartialFailure(std::to_string(summary.failed.size()) + " deliveries did not go out (listed above); they are "
                         "logged in the database and tried again on the next distribute");
}

int run_merge(const MergeCommand& cmd, std::ostream& out) {
    const auto quarter = quarter_option(cmd.quarter);
    const auto folder = std::filesystem::path(cmd.out) / quarter.code();
    const size_t files = merge_shard_manifests(folder);
    out << "merge " << quarter.code() << ": " << files << " files in " << (folder / "manifest.json").string() << "\n";
    return 0;
}

namespace {

/// The ids that must appear in no public file: every measure, child, trajectory and case worker.
std::set<std::string> ids_of(const std::string& db_path) {
    std::set<std::string> ids;
    auto db = open_database(db_path, OpenMode::read_only);
    SQLite::Statement stmt(*db, "SELECT measure_id FROM measures UNION ALL SELECT child_id FROM measures "
                                "UNION ALL SELECT child_id FROM trajectories UNION ALL SELECT trajectory_id FROM trajectories "
                                "UNION ALL SELECT case_worker_id FROM case_workers");
    while (stmt.executeStep()) ids.insert(stmt.getColumn(0).getString());
    return ids;
}

/// The text of a PDF by pdftotext (poppler-utils, installed with the project's dependencies).
std::string pdf_text_of(const std::filesystem::path& pdf) {
    const std::string command = "pdftotext -q '" + pdf.string() + "' - 2>/dev/null";
    std::string text;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        char buffer[65536];
        for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) text.append(buffer, n);
        if (pclose(pipe) != 0) throw InputError(pdf.string() + ": pdftotext cannot read it");
    }
    return text;
}

} // namespace

int run_audit(const AuditCommand& cmd, std::ostream& out) {
    const auto quarter = quarter_option(cmd.quarter);
    const auto folder = std::filesystem::path(cmd.out) / quarter.code() / "public";
    if (!std::filesystem::is_directory(folder))
        throw InputError(folder.string() + ": no public folder; run the quarter first (samen-sturen run)");
    std::map<std::string, KpiKind> kinds;
    for (const auto& k : load_kpi_queries(queries_folder(cmd.queries))) kinds[k.id] = k.kind;
    const AuditReport report = audit_public_folder(folder, kinds, cmd.db.empty() ? std::set<std::string>{} : ids_of(cmd.db),
                                                   pdf_text_of);
    for (const auto& f : report.findings) out << "audit: " << f.file << ": " << f.what << "\n";
    out << "audit " << quarter.code() << ": " << report.files << " files, " << report.pages << " pages, " << report.links
        << " links, " << report.cells << " published cells (" << report.shown_small << " shown as <5, "
        << report.shown_suppressed << " as *); " << (report.ids_checked ? "ids checked" : "ids not checked (no --db)")
        << "; " << report.findings.size() << (report.findings.size() == 1 ? " finding" : " findings") << "\n";
    return report.findings.empty() ? 0 : static_cast<int>(ExitCode::audit_findings);
}

namespace {

/// `run --timings`: one line per stage, then the figures issue #6 sets targets on; `make bench`
/// reads these lines (scripts/bench.py).
void print_run_timings(const RunSummary& summary, double total_seconds, std::ostream& out) {
    out << std::fixed << std::setprecision(2);
    for (const auto& [stage, t] : summary.stages)
        out << "  stage " << stage << ": " << t.wall << " s wall, " << t.cpu << " s CPU\n";
    out << std::setprecision(1) << "  municipality package: median "
        << 1000.0 * median(summary.municipality_package_cpu) << " ms CPU over "
        << summary.municipality_package_cpu.size() << " municipalities\n"
        << "  total: " << total_seconds << " s wall, " << process_cpu_seconds() << " s CPU, "
        << (total_seconds > 0 ? summary.scopes / total_seconds : 0.0) << " scopes/s\n"
        << "  peak memory: " << std::setprecision(0) << peak_resident_mib() << " MiB, of which "
        << summary.mapped_at_sql_end_mib << " MiB mapped from files (the database, read-only)\n";
}

} // namespace

int run_run(const RunCommand& cmd, std::ostream& out, std::ostream& err) {
    const auto start = Clock::now();
    RunOptions options;
    options.quarter = quarter_or_last_completed(cmd.quarter, cmd.today);
    options.db = cmd.db;
    options.out = cmd.out;
    options.queries = queries_folder(cmd.queries);
    options.templates = templates_folder(cmd.templates);
    if (cmd.jobs < 0) throw UsageError("--jobs: must be 1 or more (0: the number of cores)");
    options.jobs = workers_for(cmd.jobs);
    options.only = comma_list(cmd.only);
    for (const auto& name : comma_list(cmd.kinds)) {
        const auto kind = report_kind_named(name);
        if (!kind) throw UsageError("--kinds: '" + name + "' is not a report kind (" + report_kind_list() + ")");
        options.kinds.push_back(*kind);
    }
    options.force = cmd.force;
    options.run_date = format_iso_date(cmd.today.empty() ? amsterdam_today() : date_option("--today", cmd.today));
    options.council_settings = cmd.council_settings;
    if (!cmd.shard.empty()) {
        int k = 0, n = 0;
        char slash = 0, rest = 0;
        std::istringstream in(cmd.shard);
        if (!(in >> k >> slash >> n) || slash != '/' || in >> rest || n < 1 || k < 1 || k > n)
            throw UsageError("--shard: '" + cmd.shard + "' is not K/N with 1 <= K <= N (e.g. 2/4)");
        options.shard = k;
        options.shards = n;
    }
    options.progress_bar = ::isatty(STDERR_FILENO) == 1;
    const RunSummary summary = run_quarter(options, err);
    if (summary.skipped) {
        out << "run " << options.quarter.code() << ": nothing to render: " << summary.folder.string()
            << " is up to date with this database, these templates and this version (" << summary.files
            << " files in manifest.json); --force renders again\n";
        return 0;
    }
    out << "run " << options.quarter.code() << ": " << summary.scopes << " scopes, " << summary.files << " files in "
        << summary.folder.string() << " (SQL " << std::fixed << std::setprecision(1) << summary.sql_seconds
        << " s, rendering " << summary.render_seconds << " s with " << options.jobs << " jobs)\n";
    if (cmd.timings) print_run_timings(summary, seconds_since(start), out);
    if (summary.failures.empty()) return 0;
    for (const auto& f : summary.failures) err << "samen-sturen: " << f.scope << ": " << f.message << "\n";
    throw PartialFailure(std::to_string(summary.failures.size()) + " of " + std::to_string(summary.scopes) +
                         " scopes failed (listed above); the others are in " + summary.folder.string() +
                         "; no manifest was written, so the next run renders again");
}

} // namespace ss::cli
