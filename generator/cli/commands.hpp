// The commands behind the CLI, with their options as plain structs so tests can call them.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/dates.hpp"

namespace ss::cli {

struct ImportCommand {
    std::string db;
    std::string folder;
    std::string delivered_on; ///< empty: today
    std::string today;        ///< empty: the real date
    bool timings = false;     ///< print seconds per stage
    std::string queries;      ///< the KPI catalogue targets are checked against; empty: beside the program
    bool dry_run = false;     ///< check and show what would change; write nothing
    std::string snapshot;     ///< comma-separated files that are complete (measures,trajectories)
    std::string snapshot_scope = "municipalities"; ///< what they are complete for: municipalities or institutions
    int keep_backups = 5;     ///< copies of the database kept in <db>.backups/; 0: none
    int wait_seconds = 600;   ///< how long to wait for a run or import that holds the database
    int jobs = 0;             ///< files parsed at once; 0: the number of cores
};

/// `samen-sturen deliveries`: the delivery history of a database.
struct DeliveriesCommand {
    std::string db;
};

/// `samen-sturen restore`: the database as it was before a delivery.
struct RestoreCommand {
    std::string db;
    std::int64_t delivery = 0;
    int wait_seconds = 600;
};

struct DemoCommand {
    std::string db;
    std::string scale = "small";
    std::uint64_t seed = 1;
    std::string csv_folder; ///< empty: no CSV
    int history_years = 3;  ///< years of records ending 2025
    std::string queries;    ///< the KPI catalogue; empty: beside the program
};

struct KpisCommand {
    std::string db;
    std::string quarter;
    std::string queries; ///< empty: found beside the program (queries_folder())
    std::string out;     ///< empty: standard output
    bool timings = false; ///< print the seconds of each query on the error stream
};

struct RunCommand {
    std::string db;
    std::string quarter;
    std::string out = "output";
    std::string queries;   ///< empty: found beside the program
    std::string templates; ///< empty: found beside the program
    int jobs = 0;          ///< 0: the number of cores
    std::string only;      ///< comma-separated scope codes; empty: all
    std::string kinds;     ///< comma-separated report kinds; empty: all
    bool force = false;    ///< render even when nothing changed
    bool timings = false;  ///< print wall and CPU seconds per stage, package CPU and peak memory
    std::string today;     ///< for tests: the day (YYYY-MM-DD) the default quarter is taken from
    std::string shard;     ///< "K/N"; empty: the whole run
    std::string council_settings; ///< CSV of portfolio holders and contacts per municipality; empty: none
};

struct DistributeCommand {
    std::string db;
    std::string quarter;          ///< empty: the last completed quarter in Dutch time
    std::string out = "output";
    std::string outbox;           ///< write .eml files here (no SMTP server)
    std::string smtp;             ///< smtp://host:port (STARTTLS) or smtps://host:port
    std::string credentials;      ///< a file with the SMTP user on line 1 and password on line 2
    std::string from = "samen-sturen@regio.example";
    double max_attachment_mb = 10;
    int attempts = 3;
    int backoff_ms = 1000;
    bool insecure_smtp = false;   ///< allow a server without TLS (a test server on this machine)
    bool allow_provisional = false; ///< send a quarter with provisional figures
    std::string public_url;         ///< where public/ is published; mails link to the scope's page
    long smtp_timeout = 60;       ///< seconds one message may take
    std::string today;
    std::string templates;        ///< empty: found beside the program
};

struct AuditCommand {
    std::string out = "output";
    std::string quarter;
    std::string db;      ///< optional: the database whose ids must appear in no public file
    std::string queries; ///< empty: found beside the program
};

struct MergeCommand {
    std::string out = "output";
    std::string quarter;
};

/// The last completed quarter on `today`: 2025-Q3 on any day of 2025-Q4.
Quarter last_completed_quarter(Date today);
/// `--quarter` as a quarter; throws UsageError naming the option when it is not YYYY-Qn.
Quarter quarter_option(const std::string& text);
/// `--quarter` as given, or the last completed quarter in Dutch time on `today` (YYYY-MM-DD; ""
/// for the real today). Throws UsageError for a malformed quarter or date.
Quarter quarter_or_last_completed(const std::string& quarter, const std::string& today);

/// The queries/ folder: `explicit_folder` if given, else beside the program's build or install
/// folder, else ./queries. Throws UsageError when none exists.
std::string queries_folder(const std::string& explicit_folder);
/// The templates/ folder, found the same way.
std::string templates_folder(const std::string& explicit_folder);

/// Returns the exit code; a rejected delivery prints every problem to `err` and returns 3.
/// The date of option `name` (YYYY-MM-DD); throws UsageError naming the option.
Date date_option(const std::string& name, const std::string& value);

int run_import(const ImportCommand& cmd, std::ostream& out, std::ostream& err);
int run_deliveries(const DeliveriesCommand& cmd, std::ostream& out);
int run_restore(const RestoreCommand& cmd, std::ostream& out, std::ostream& err);
int run_demo(const DemoCommand& cmd, std::ostream& out);
int run_kpis(const KpisCommand& cmd, std::ostream& out, std::ostream& err);
int run_run(const RunCommand& cmd, std::ostream& out, std::ostream& err);
int run_merge(const MergeCommand& cmd, std::ostream& out);
/// `audit`: exit 0 when the quarter's public folder holds nothing it must not, else 8.
int run_audit(const AuditCommand& cmd, std::ostream& out);
int run_distribute(const DistributeCommand& cmd, std::ostream& out, std::ostream& err);

} // namespace ss::cli
