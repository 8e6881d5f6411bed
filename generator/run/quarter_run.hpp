// A quarter's run: reads the database once, then builds and renders every scope's folder
// (PDF, HTML, Excel, kpis.csv) in parallel workers, and the quarter's index page.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "schema/report_kind.hpp"
#include "run/stage_timings.hpp"

namespace ss {

struct RunOptions {
    std::string db;
    Quarter quarter;
    std::filesystem::path out;       ///< the output root; the run writes <out>/<quarter>/
    std::filesystem::path queries;   ///< queries/
    std::filesystem::path templates; ///< templates/
    int jobs = 1;
    std::vector<std::string> only;   ///< scope codes to render; empty: all
    std::vector<ReportKind> kinds;   ///< report kinds to render; empty: all
    bool force = false;              ///< render even when the inputs are unchanged
    int shard = 1, shards = 1;       ///< --shard K/N: this run renders every Nth scope, starting at the Kth
    bool progress_bar = false;       ///< a progress line rewritten in place (a terminal)
    std::string run_date;            ///< ISO date of the run: the council letters are dated with it
    std::filesystem::path council_settings; ///< portfolio holders and contacts (CSV); empty: none
};

struct ScopeFailure {
    std::string scope;
    std::string message;
};

struct RunSummary {
    int scopes = 0;
    int files = 0;
    double sql_seconds = 0;
    double render_seconds = 0;
    /// Wall and CPU seconds per stage (SQL, model, PDF, Excel, kpis.csv, council letters, HTML,
    /// region reports, GI benchmarks, manifest: the inputs' digest and the quarter's index page),
    /// summed over the workers; writing manifest.json itself comes after and is not in it.
    std::vector<std::pair<std::string, StageTime>> stages;
    std::vector<double> municipality_package_cpu; ///< CPU seconds of each municipality's files
    double mapped_at_sql_end_mib = 0;   ///< file-backed resident memory when the SQL stage ended
    bool skipped = false;               ///< nothing rendered: the inputs were unchanged
    std::vector<ScopeFailure> failures; ///< scopes that failed (the others were rendered)
    std::filesystem::path folder;       ///< <out>/<quarter>
};

/// Renders the quarter under a lock on its folder, then writes manifest.json last. With the same
/// inputs as the folder's manifest (and its files intact) it renders nothing, unless forced.
/// A failing scope does not stop the others; failures are in the summary and no manifest is
/// written. Throws LockedError when another run holds the folder.
RunSummary run_quarter(const RunOptions& options, std::ostream& log);

/// "manifest.json", or "manifest.shard-2-of-4.json" for a shard.
std::string manifest_name(int shard, int shards);

/// Merges the shards' manifests of a quarter folder into manifest.json once all N are there and
/// agree on their inputs. Returns the number of files; throws InputError naming what is missing.
size_t merge_shard_manifests(const std::filesystem::path& quarter_folder);

} // namespace ss
