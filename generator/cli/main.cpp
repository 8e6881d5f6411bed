// The samen-sturen command line: parses options, runs one command, and turns every error into
// one line on stderr and a documented exit code (README.md, "Exit codes").
#include <csignal>
#include <iostream>
#include <string>

#include <SQLiteCpp/Exception.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "core/errors.hpp"
#include "import/importer.hpp"

#ifdef SAMEN_STUREN_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

/// The version, and which allocator the program runs on (CMakeLists.txt, option MIMALLOC).
std::string version_text() {
    std::string text = std::string("samen-sturen ") + SAMEN_STUREN_VERSION + "\nmemory allocator: ";
#ifdef SAMEN_STUREN_MIMALLOC
    const int v = mi_version(); // 209 is 2.0.9
    text += "mimalloc " + std::to_string(v / 100) + "." + std::to_string(v / 10 % 10) + "." + std::to_string(v % 10);
#else
    text += "glibc malloc";
#endif
    return text;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"samen-sturen: quarterly Samen Sturen steering packages from a youth-care "
                 "region's measure database"};
    app.set_version_flag("--version", version_text());
    app.require_subcommand(1);

    ss::cli::ImportCommand import_cmd;
    auto* import = app.add_subcommand("import", "Validate a delivery folder and load it into the "
                                                "measure database, all or nothing");
    import->add_option("--db", import_cmd.db, "Measure database (created when missing)")->required();
    import->add_option("folder", import_cmd.folder, "Folder with the delivery's CSV files")->required();
    import->add_option("--delivered-on", import_cmd.delivered_on,
                       "Date the data was delivered (YYYY-MM-DD; default: today)");
    import->add_option("--today", import_cmd.today,
                       "Import day for the date checks (YYYY-MM-DD; default: today)");
    import->add_flag("--timings", import_cmd.timings, "Print the seconds each stage took");
    import->add_option("--queries", import_cmd.queries, "The queries/ folder: the KPIs targets and notes may name (default: found beside the program)");
    import->add_flag("--dry-run", import_cmd.dry_run, "Check the delivery and show per file what it would add, change and remove; write nothing");
    import->add_option("--snapshot", import_cmd.snapshot,
                       "Files that are complete (measures,trajectories): stored records of their scope they lack are removed");
    import->add_option("--snapshot-scope", import_cmd.snapshot_scope,
                       "What the snapshot files are complete for: the municipalities of municipalities.csv or the institutions of institutions.csv")
        ->default_val("municipalities");
    import->add_option("--keep-backups", import_cmd.keep_backups,
                       "Copies of the database kept in DB.backups/, one made before each import (0: none)")->default_val(5);
    import->add_option("--jobs", import_cmd.jobs, "Files parsed at once (default: the number of cores)");
    import->add_option("--wait", import_cmd.wait_seconds, "Seconds to wait for a run or import that holds the database")->default_val(600);

    ss::cli::DeliveriesCommand deliveries_cmd;
    auto* deliveries = app.add_subcommand("deliveries", "List the deliveries imported into a database: what each changed, its files and how to undo it");
    deliveries->add_option("--db", deliveries_cmd.db, "Measure database")->required();

    ss::cli::RestoreCommand restore_cmd;
    auto* restore = app.add_subcommand("restore", "Put the database back as it was before a delivery (and every later one)");
    restore->add_option("--db", restore_cmd.db, "Measure database")->required();
    restore->add_option("--delivery", restore_cmd.delivery, "The delivery to undo (samen-sturen deliveries lists them)")->required();
    restore->add_option("--wait", restore_cmd.wait_seconds, "Seconds to wait for a run or import that holds the database")->default_val(600);

    ss::cli::DemoCommand demo_cmd;
    auto* demo = app.add_subcommand("demo", "Create a synthetic but realistic measure database");
    demo->add_option("--db", demo_cmd.db, "Database to create (must not exist yet)")->required();
    demo->add_option("--scale", demo_cmd.scale, "small, region or national")->default_val("small");
    demo->add_option("--seed", demo_cmd.seed, "Random seed; the same seed gives the same data")
        ->default_val(1);
    demo->add_option("--history-years", demo_cmd.history_years,
                     "Years of records delivered, ending 2025 (1-10; the benchmark doubles the default)")
        ->default_val(3);
    demo->add_option("--csv", demo_cmd.csv_folder, "Also write the data as an import delivery here");
    demo->add_option("--queries", demo_cmd.queries, "The queries/ folder (default: found beside the program)");

    ss::cli::KpisCommand kpis_cmd;
    auto* kpis = app.add_subcommand("kpis", "Compute every KPI of a quarter for all scopes, as "
                                            "the long-form kpis.csv");
    kpis->add_option("--db", kpis_cmd.db, "Measure database")->required();
    kpis->add_option("--quarter", kpis_cmd.quarter, "Quarter, e.g. 2025-Q3")->required();
    kpis->add_option("--queries", kpis_cmd.queries, "The queries/ folder (default: found beside the program)");
    kpis->add_option("--out", kpis_cmd.out, "Write to this file instead of standard output");
    kpis->add_flag("--timings", kpis_cmd.timings, "Print the seconds each query took");

    ss::cli::RunCommand run_cmd;
    auto* run = app.add_subcommand("run", "Render every municipality's and region's reports of a quarter");
    run->add_option("--db", run_cmd.db, "Measure database")->required();
    run->add_option("--quarter", run_cmd.quarter, "Quarter, e.g. 2025-Q3 (default: the last completed quarter in Dutch time)");
    run->add_option("--out", run_cmd.out, "Output folder; the run writes OUT/<quarter>/")->default_val("output");
    run->add_option("--jobs", run_cmd.jobs, "Scopes rendered in parallel (default: the number of cores)");
    run->add_option("--only", run_cmd.only, "Only these scope codes, comma-separated (GM0505,GM0590)");
    run->add_option("--kinds", run_cmd.kinds, "Only these report kinds: samen-sturen,council,region,gi-benchmark");
    run->add_flag("--timings", run_cmd.timings, "Print wall and CPU seconds per stage, CPU per municipality package and peak memory");
    run->add_flag("--force", run_cmd.force, "Render even when the inputs are unchanged since the last run");
    run->add_option("--today", run_cmd.today, "The day the default quarter is taken from (YYYY-MM-DD; default: today)");
    run->add_option("--council-settings", run_cmd.council_settings,
                    "CSV with each municipality's portfolio holder and contact for its council letter (deploy/council-settings.example.csv)");
    run->add_option("--shard", run_cmd.shard, "K/N: render every Nth scope from the Kth (split a run over N machines)");

    ss::cli::DistributeCommand dist_cmd;
    auto* dist = app.add_subcommand("distribute", "Send every recipient the reports of its row, for its own scope, once");
    dist->add_option("--db", dist_cmd.db, "Measure database (recipients; the distribution log is written here)")->required();
    dist->add_option("--quarter", dist_cmd.quarter, "Quarter (default: the last completed quarter in Dutch time)");
    dist->add_option("--out", dist_cmd.out, "Output folder of the run")->default_val("output");
    dist->add_option("--templates", dist_cmd.templates, "The templates/ folder: the mail's text (default: found beside the program)");
    dist->add_option("--outbox", dist_cmd.outbox, "Write the messages as .eml files into this folder");
    dist->add_option("--smtp", dist_cmd.smtp, "SMTP server: smtp://host:587 (STARTTLS) or smtps://host:465");
    dist->add_option("--credentials", dist_cmd.credentials,
                     "File with the SMTP user and password on two lines (default: SAMEN_STUREN_SMTP_USER/_PASSWORD)");
    dist->add_option("--from", dist_cmd.from, "Sender address")->default_val("samen-sturen@regio.example");
    dist->add_option("--max-attachment-mb", dist_cmd.max_attachment_mb, "Larger files are named in the mail, not attached")
        ->default_val(10);
    dist->add_option("--attempts", dist_cmd.attempts, "Tries per message in this run")->default_val(3);
    dist->add_option("--backoff-ms", dist_cmd.backoff_ms, "Wait before the second try, doubled each time")->default_val(1000);
    dist->add_flag("--insecure-smtp", dist_cmd.insecure_smtp, "Allow an SMTP server without TLS (only on this machine)");
    dist->add_flag("--allow-provisional", dist_cmd.allow_provisional,
                   "Send a quarter whose cost figures are provisional; the mails name them");
    dist->add_option("--public-url", dist_cmd.public_url,
                     "Where the quarter's public/ folder is published (https://…/2025-Q4); mails link to the scope's page");
    dist->add_option("--smtp-timeout", dist_cmd.smtp_timeout, "Seconds one message may take")->default_val(60);
    dist->add_option("--today", dist_cmd.today, "The day the default quarter is taken from (YYYY-MM-DD)");

    ss::cli::MergeCommand merge_cmd;
    auto* merge = app.add_subcommand("merge-manifests", "Merge the manifests of a sharded run into manifest.json");
    merge->add_option("--out", merge_cmd.out, "Output folder of the shards")->default_val("output");
    merge->add_option("--quarter", merge_cmd.quarter, "Quarter, e.g. 2025-Q3")->required();
    ss::cli::AuditCommand audit_cmd;
    auto* audit = app.add_subcommand("audit", "Check a quarter's public folder for anything it must not publish");
    audit->add_option("--out", audit_cmd.out, "Output folder of the run")->default_val("output");
    audit->add_option("--quarter", audit_cmd.quarter, "Quarter, e.g. 2025-Q3")->required();
    audit->add_option("--db", audit_cmd.db, "Database whose measure, child, trajectory and case worker ids must appear nowhere");
    audit->add_option("--queries", audit_cmd.queries, "The queries/ folder (default: found beside the program)");
    run->add_option("--queries", run_cmd.queries, "The queries/ folder (default: found beside the program)");
    run->add_option("--templates", run_cmd.templates, "The templates/ folder (default: found beside the program)");

    // A file-size limit (ulimit -f) or a full disk must end in a clear error, not a signal.
    std::signal(SIGXFSZ, SIG_IGN);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : static_cast<int>(ss::ExitCode::usage);
    }

    try {
        if (*import) return ss::cli::run_import(import_cmd, std::cout, std::cerr);
        if (*deliveries) return ss::cli::run_deliveries(deliveries_cmd, std::cout);
        if (*restore) return ss::cli::run_restore(restore_cmd, std::cout, std::cerr);
        if (*demo) return ss::cli::run_demo(demo_cmd, std::cout);
        if (*kpis) return ss::cli::run_kpis(kpis_cmd, std::cout, std::cerr);
        if (*run) return ss::cli::run_run(run_cmd, std::cout, std::cerr);
        if (*merge) return ss::cli::run_merge(merge_cmd, std::cout);
        if (*audit) return ss::cli::run_audit(audit_cmd, std::cout);
        if (*dist) return ss::cli::run_distribute(dist_cmd, std::cout, std::cerr);
    } catch (const ss::DeliveryRejected& e) {
        for (const auto& issue : e.issues()) std::cerr << issue.to_string() << "\n";
        std::cerr << "samen-sturen: " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const ss::Error& e) {
        std::cerr << "samen-sturen: " << e.what() << "\n";
        return static_cast<int>(e.code());
    } catch (const SQLite::Exception& e) {
        std::cerr << "samen-sturen: database: " << e.what() << "\n";
        return static_cast<int>(ss::ExitCode::database);
    } catch (const std::exception& e) {
        std::cerr << "samen-sturen: internal error: " << e.what()
                  << " (please report this with the command you ran)\n";
        return static_cast<int>(ss::ExitCode::internal);
    }
    return 0;
}
