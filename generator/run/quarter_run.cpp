// A quarter's run in five phases: check the templates and the selection, read the database once,
// render every scope (run/scope_render, from the registry) in parallel, write the site's index
// and open data package, and write the manifest last.
#include "run/quarter_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <iomanip>
#include <mutex>
#include <numeric>
#include <set>
#include <sstream>

#include <SQLiteCpp/Exception.h>

#include "core/elapsed.hpp"
#include "core/errors.hpp"
#include "core/parallel_for.hpp"
#include "core/sha256.hpp"
#include "core/text_split.hpp"
#include "db/read_snapshot.hpp"
#include "output/output_files.hpp"
#include "output/output_sink.hpp"
#include "render/html_report.hpp"
#include "render/overview_page.hpp"
#include "render/pdf_document.hpp"
#include "report/council_settings.hpp"
#include "report/national_overview.hpp"
#include "report/report_builder.hpp"
#include "report/open_data.hpp"
#include "report/publication.hpp"
#include "run/manifest.hpp"
#include "run/report_registry.hpp"
#include "run/run_data.hpp"
#include "run/run_lock.hpp"
#include "run/scope_render.hpp"
#include "run/stage_timings.hpp"

namespace ss {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

/// The report quarter's provisional totals of the rendered scopes, for `distribute` to warn about.
std::map<std::string, std::vector<std::string>> provisional_figures(const RunData& data, const std::map<std::string, KpiDefinition>& kpis,
                                                                    const std::vector<const Scope*>& scopes) {
    std::set<std::string> codes;
    for (const Scope* s : scopes) codes.insert(s->code);
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& v : data.quarter_values) {
        if (!v.provisional || !v.breakdown.empty() || v.scope_type == scope_type_name(ScopeType::gi) || !codes.count(v.scope_code)) continue;
        const auto kpi = kpis.find(v.kpi_id);
        out[v.scope_code].push_back(v.kpi_id + (kpi == kpis.end() ? "" : " " + kpi->second.name));
    }
    return out;
}

bool selected(const RunOptions& options, const Scope& scope) {
    if (options.only.empty()) return true;
    return std::find(options.only.begin(), options.only.end(), scope.code) != options.only.end();
}

RunInputs inputs_of(const RunOptions& options, const std::vector<ReportKind>& kinds) {
    std::vector<std::string> names;
    for (const ReportKind k : kinds) names.push_back(report_kind_name(k));
    return {options.quarter.code(),
            SAMEN_STUREN_VERSION,
            options.db,
            sha256_file(options.db),
            folder_sha256(options.templates),
            folder_sha256(options.queries),
            "kinds=" + join(names, ",") + ";only=" + join(options.only, ",") + ";shard=" + std::to_string(options.shard) + "/" +
                std::to_string(options.shards)};
}

/// A run killed half-way leaves temporary files; a new run starts by removing those of its own
/// scopes (another shard may be writing its own in the same folder right now).
void remove_leftovers(const fs::path& folder, const std::vector<std::string>& scope_folders, bool with_index) {
    std::vector<fs::path> partial;
    const fs::path index = folder / "public" / "index.html.partial";
    if (with_index && fs::exists(index)) partial.push_back(index);
    for (const char* where : {"public", "internal"})
        for (const auto& scope : scope_folders) {
            const fs::path dir = folder / where / scope;
            if (!fs::is_directory(dir)) continue;
            for (const auto& e : fs::directory_iterator(dir))
                if (e.is_regular_file() && e.path().extension() == ".partial") partial.push_back(e.path());
        }
    for (const auto& p : partial) fs::remove(p);
}

/// Before public/ and internal/, a scope's files lay in <quarter>/<scope>/ and the index in
/// <quarter>/index.html, public and internal files side by side. A run removes those of its own
/// scopes (they are made again in the new layout) and says so; returns how many folders went.
size_t remove_old_layout(const fs::path& folder, const std::vector<std::string>& scope_folders, bool with_index) {
    size_t removed = 0;
    for (const auto& scope : scope_folders)
        if (fs::is_directory(folder / scope)) removed += fs::remove_all(folder / scope) > 0;
    if (with_index) fs::remove(folder / "index.html");
    return removed;
}

/// Progress for people: a line rewritten in place on a terminal, a plain line per tenth otherwise.
class Progress {
public:
    Progress(std::ostream& log, size_t total, bool terminal) : log_(log), total_(total), terminal_(terminal) {}
    void done(size_t n) {
        std::lock_guard lock(mutex_);
        const double elapsed = seconds_since(start_);
        const double rate = elapsed > 0 ? static_cast<double>(n) / elapsed : 0;
        const double left = rate > 0 ? static_cast<double>(total_ - n) / rate : 0;
        std::ostringstream line;
        line << "run: " << n << "/" << total_ << " scopes, " << std::fixed << std::setprecision(1) << rate
             << " scopes/s, " << static_cast<int>(left + 0.5) << " s left";
        if (terminal_) {
            log_ << "\r" << line.str() << "   " << (n == total_ ? "\n" : "") << std::flush;
        } else if (n == total_ || n * 10 / total_ != (n - 1) * 10 / total_) {
            log_ << line.str() << "\n";
        }
    }

private:
    std::ostream& log_;
    size_t total_;
    bool terminal_;
    std::mutex mutex_;
    Clock::time_point start_ = Clock::now();
};


/// Phase 1: the templates and queries, read and checked before any database work, so that a
/// broken template stops the run at once, not after the SQL.
struct RunTemplates {
    std::vector<KpiDefinition> kpis;
    std::map<std::string, ReportDefinition> definitions; ///< every definition file of the registry
    CodeLabels labels;
    Texts texts;
    CompletenessRule completeness;
    CouncilSettings council_settings;
    HtmlTemplates html;
};

RunTemplates read_templates(const RunOptions& options) {
    RunTemplates t{load_kpi_queries(options.queries), {}, load_code_labels(options.templates / "labels.json"),
                   Texts::load(options.templates / "texts.json"),
                   load_completeness_rule(options.templates / "data-completeness.json"),
                   options.council_settings.empty() ? CouncilSettings{} : load_council_settings(options.council_settings),
                   load_html_templates(options.templates / "html")};
    for (const auto& kind : report_registry())
        if (!t.definitions.count(kind.definition))
            t.definitions.emplace(kind.definition, load_report_definition(options.templates / kind.definition));
    return t;
}

/// The KPIs whose trend a rendered report shows: those of the definitions built with
/// build_report (the GI benchmark compares the GIs in the report quarter only).
std::set<std::string> trend_kpis(const RunTemplates& t) {
    std::vector<const ReportDefinition*> shown;
    for (const auto& kind : report_registry())
        if (kind.source != ModelSource::gi_benchmark) shown.push_back(&t.definitions.at(kind.definition));
    return kpis_shown_over_time(shown);
}

/// Phase 1, continued: unknown --only codes are refused before any output too.
void check_selection(const RunOptions& options, ReadSnapshot& snapshot) {
    const auto known = read_scopes(snapshot.guard());
    for (const auto& code : options.only)
        if (std::none_of(known.begin(), known.end(), [&](const Scope& s) { return s.code == code; }))
            throw UsageError("--only: " + code + " is not a municipality or region in " + options.db);
}

/// Phase 2: everything the run needs from the database, read before anything is written, so
/// that a database that cannot be read leaves the outputs as they were.
RunData read_data(const RunOptions& options, const RunTemplates& t, ReadSnapshot& snapshot, RunSummary& summary,
                  StageTimings& timings, std::ostream& log) {
    const auto sql_start = Clock::now();
    const double sql_cpu_start = process_cpu_seconds(); // the SQL runs in workers of its own
    RunData data;
    try {
        data = read_run_data(snapshot, t.kpis, trend_kpis(t), options.queries, options.quarter, t.completeness);
        // Measured before the connections close and unmap the database (docs/performance.md).
        summary.mapped_at_sql_end_mib = resident_file_mib();
        snapshot.release();
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(options.db + ": cannot be read: " + e.what() +
                            "; restore it from a backup or import the deliveries again");
    }
    summary.sql_seconds = seconds_since(sql_start);
    timings.add("SQL", {summary.sql_seconds, process_cpu_seconds() - sql_cpu_start});
    log << "run: " << options.quarter.code() << ": KPIs of " << data.scopes.size() << " scopes over 8 quarters in "
        << static_cast<int>(summary.sql_seconds + 0.5) << " s\n";
    return data;
}

/// What every scope's rendering shares: one report context per definition, on the values read.
ScopeRenderShared render_shared(const RunOptions& options, const RunTemplates& t, const RunData& data,
                                const std::vector<ReportKind>& kinds, StageTimings& timings) {
    ReportContext base;
    base.labels = &t.labels;
    base.texts = &t.texts;
    for (const auto& k : t.kpis) base.kpis[k.id] = k;
    base.values = &data.table;
    base.targets = data.targets;
    base.quarter = options.quarter;
    base.delivered_on = data.delivered_on;
    base.delivery_ids = data.delivery_ids;
    base.run_date = options.run_date;
    base.notes = &data.notes;
    base.council_settings = &t.council_settings;
    base.scopes = &data.scopes;
    base.provider_names = data.institution_names;
    ScopeRenderShared shared;
    for (const auto& [file, definition] : t.definitions) {
        ReportContext context = base;
        context.definition = &definition;
        shared.contexts.emplace(file, std::move(context));
    }
    shared.html = &t.html;
    shared.kinds = kinds;
    shared.timings = &timings;
    shared.decisions = side_by_side_decisions(shared.context(report_kind_spec(ReportKind::samen_sturen).definition));
    return shared;
}

/// The scopes this run (or this shard) renders, of those `options` selects.
std::vector<const Scope*> shard_of(const RunOptions& options, const std::vector<const Scope*>& all) {
    // --shard K/N: every Nth scope from the Kth, so that N machines share a national run.
    std::vector<const Scope*> scopes;
    for (size_t i = 0; i < all.size(); ++i)
        if (static_cast<int>(i % static_cast<size_t>(options.shards)) == options.shard - 1) scopes.push_back(all[i]);
    return scopes;
}

/// Phase 3: every scope's files, in parallel. A failing scope does not stop the others.
void render_scopes(const RunOptions& options, const ScopeRenderShared& shared, const RunData& data,
                   const std::vector<const Scope*>& scopes, const fs::path& folder, Manifest& manifest, RunSummary& summary,
                   std::ostream& log) {
    FolderSink sink(folder);
    std::vector<std::vector<ManifestFile>> written(scopes.size());
    std::vector<std::string> errors(scopes.size());
    std::vector<std::exception_ptr> exceptions(scopes.size());
    std::vector<double> package_cpu(scopes.size(), 0.0);
    std::atomic<size_t> done{0};
    Progress progress(log, scopes.size(), options.progress_bar);
    // Regions first: a region's folder takes about three municipalities' time, and ending on
    // small pieces lets the workers finish together.
    std::vector<size_t> order(scopes.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_partition(order.begin(), order.end(), [&](size_t i) { return scopes[i]->type == ScopeType::region; });
    warm_up_fonts();
    parallel_for(scopes.size(), std::max(1, options.jobs), [&](size_t n, size_t) {
        const size_t i = order[n];
        const Scope& scope = *scopes[i];
        try {
            ScopeRows rows;
            const auto signals = data.signals.find(scope.code);
            if (scope.type == ScopeType::municipality && signals != data.signals.end()) rows.signals = signals->second;
            rows.folder = folder_rows(data.quarter_values, scope);
            written[i] = render_scope(shared, scope, std::move(rows), sink, package_cpu[i]);
        } catch (const std::exception& e) {
            errors[i] = e.what(); // the other scopes go on; the summary lists this one
            exceptions[i] = std::current_exception();
        }
        progress.done(++done);
    });
    for (size_t i = 0; i < scopes.size(); ++i) {
        if (scopes[i]->type == ScopeType::municipality && errors[i].empty()) summary.municipality_package_cpu.push_back(package_cpu[i]);
        if (!errors[i].empty()) summary.failures.push_back({scopes[i]->code, errors[i]});
        for (auto& f : written[i]) manifest.files.push_back(std::move(f));
    }
    // Every scope failed: one cause (a full disk, a folder that cannot be written), one error.
    if (!scopes.empty() && summary.failures.size() == scopes.size()) std::rethrow_exception(exceptions.front());
}

/// Phase 4: the site's index of every selected scope (whichever shard renders it) and the open
/// data package describing every scope's open data files. The first shard writes them.
void write_site_files(const RunOptions& options, const ScopeRenderShared& shared, const RunData& data,
                      const std::vector<const Scope*>& all, const fs::path& folder, Manifest& manifest) {
    FolderSink sink(folder);
    std::vector<Scope> listed;
    std::vector<std::string> folders;
    for (const Scope* s : all) {
        listed.push_back(*s);
        folders.push_back(scope_folder_name(*s));
    }
    auto add = [&](const StoredFile& f) { manifest.files.push_back({f.path, "site", "", f.bytes, f.sha256, "public"}); };
    const ReportContext& report_context = shared.context(report_kind_spec(ReportKind::samen_sturen).definition);
    const bool with_overview = shared.wants(ReportKind::region);
    add(sink.write("public/index.html", render_quarter_index(listed, folders, options.quarter, data.delivered_on, *shared.html,
                                                             *report_context.texts, with_overview)));
    if (with_overview) {
        // The regions' published models again, headlines only needed: cheap beside their pages.
        std::vector<ReportModel> regions;
        std::vector<std::string> hrefs;
        for (const Scope* s : all) {
            if (s->type != ScopeType::region) continue;
            regions.push_back(publish(build_report(shared.context(report_kind_spec(ReportKind::region).definition), *s, {}, {}),
                                      shared.decisions));
            hrefs.push_back(scope_folder_name(*s) + "/index.html");
        }
        add(sink.write("public/overzicht.html",
                       render_overview_html(national_overview(regions, hrefs), *shared.html, *report_context.texts)));
    }
    bool open_data = false;
    std::vector<std::string> paths;
    for (const auto& kind : report_registry()) {
        if (!shared.wants(kind.kind)) continue;
        for (const auto& output : kind.outputs) open_data = open_data || output.open_data;
    }
    if (!open_data) return;
    for (const Scope* s : all)
        for (const ReportKindSpec* kind : report_kinds_for(s->type)) {
            if (!shared.wants(kind->kind)) continue;
            for (const auto& output : kind->outputs)
                if (output.open_data) paths.push_back(scope_folder_name(*s) + "/" + file_name_of(output, s->code, options.quarter.code()));
        }
    add(sink.write("public/datapackage.json", open_data_package(options.quarter.code(), paths)));
}

} // namespace

RunSummary run_quarter(const RunOptions& options, std::ostream& log) {
    const auto start = Clock::now();
    const std::vector<ReportKind> kinds = options.kinds.empty() ? all_report_kinds() : options.kinds;
    const RunTemplates templates = read_templates(options);
    // One state of the database for the whole run (issue #17): the read transactions begin before
    // the inputs' digest and end after the last query, so an import that commits meanwhile waits.
    // Opening it refuses a missing, foreign or damaged database before any output.
    ReadSnapshot snapshot(options.db, std::clamp(options.jobs, 1, 9));
    check_selection(options, snapshot);

    RunSummary summary;
    summary.folder = options.out / options.quarter.code();
    StageTimings timings;
    Manifest manifest;
    {
        const StageTimings::Measure timed(timings, "manifest"); // the inputs' digest reads the whole database
        manifest.inputs = inputs_of(options, kinds);
    }
    const fs::path manifest_path = summary.folder / manifest_name(options.shard, options.shards);
    if (!options.force) {
        const auto previous = read_manifest(manifest_path);
        // A manifest of the old layout (no audience per file) is rendered again in the new one.
        const bool new_layout = previous && std::all_of(previous->files.begin(), previous->files.end(),
                                                        [](const ManifestFile& f) { return !f.audience.empty(); });
        if (previous && new_layout && previous->inputs.digest() == manifest.inputs.digest() &&
            manifest_files_intact(*previous, summary.folder)) {
            summary.skipped = true;
            summary.files = static_cast<int>(previous->files.size());
            return summary;
        }
    }

    const RunData data = read_data(options, templates, snapshot, summary, timings, log);

    fs::create_directories(summary.folder);
    RunLock lock(summary.folder, options.shards > 1 ? "shard-" + std::to_string(options.shard) : "");
    // From here the folder is being rewritten: no manifest until the run has finished.
    fs::remove(manifest_path);
    if (options.shards > 1) fs::remove(summary.folder / "manifest.json");

    const ScopeRenderShared shared = render_shared(options, templates, data, kinds, timings);
    std::vector<const Scope*> all;
    for (const auto& s : data.scopes)
        if (selected(options, s)) all.push_back(&s);
    const std::vector<const Scope*> scopes = shard_of(options, all);
    std::vector<std::string> scope_folders;
    for (const Scope* s : scopes) scope_folders.push_back(scope_folder_name(*s));
    remove_leftovers(summary.folder, scope_folders, options.shard == 1);
    if (const size_t old = remove_old_layout(summary.folder, scope_folders, options.shard == 1))
        log << "run: " << options.quarter.code() << ": removed " << old << " scope folder" << (old == 1 ? "" : "s")
            << " of the old layout from " << summary.folder.string()
            << "; their files are made again under public/ (the site) and internal/ (mailed only)\n";

    const auto render_start = Clock::now();
    render_scopes(options, shared, data, scopes, summary.folder, manifest, summary, log);
    if (options.shard == 1) {
        const StageTimings::Measure timed(timings, "manifest"); // ends before the stages are read below
        write_site_files(options, shared, data, all, summary.folder, manifest);
    }
    summary.render_seconds = seconds_since(render_start);
    summary.stages = timings.stages();
    summary.scopes = static_cast<int>(scopes.size());
    summary.files = static_cast<int>(manifest.files.size());
    if (!summary.failures.empty()) return summary; // no manifest: the next run renders again

    // Phase 5: the manifest, last: its presence means the run finished.
    manifest.delivered_on = data.delivered_on;
    manifest.delivery_ids = data.delivery_ids;
    manifest.provisional = provisional_figures(data, shared.context(report_kind_spec(ReportKind::samen_sturen).definition).kpis, scopes);
    manifest.seconds = {{"sql", summary.sql_seconds}, {"render", summary.render_seconds}, {"total", seconds_since(start)}};
    write_file_atomically(manifest_path, manifest_json(manifest));
    return summary;
}
std::string manifest_name(int shard, int shards) {
    if (shards <= 1) return "manifest.json";
    return "manifest.shard-" + std::to_string(shard) + "-of-" + std::to_string(shards) + ".json";
}

size_t merge_shard_manifests(const fs::path& folder) {
    std::optional<Manifest> merged;
    int shards = 0;
    for (const auto& e : fs::directory_iterator(folder)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("manifest.shard-", 0) != 0) continue;
        shards = std::stoi(name.substr(name.find("-of-") + 4));
    }
    if (shards == 0) throw InputError(folder.string() + ": no shard manifests (manifest.shard-K-of-N.json) to merge");
    for (int k = 1; k <= shards; ++k) {
        const fs::path file = folder / manifest_name(k, shards);
        auto m = read_manifest(file);
        if (!m) throw InputError(file.string() + ": missing or unreadable; has shard " + std::to_string(k) + " of " +
                                 std::to_string(shards) + " finished?");
        if (!merged) {
            merged = std::move(*m);
            continue;
        }
        if (m->inputs.database_sha256 != merged->inputs.database_sha256 || m->inputs.version != merged->inputs.version ||
            m->inputs.templates_sha256 != merged->inputs.templates_sha256 || m->inputs.quarter != merged->inputs.quarter)
            throw InputError(file.string() + ": made from other inputs than shard 1 (database, templates, version or quarter)");
        for (auto& f : m->files) merged->files.push_back(std::move(f));
        for (auto& [scope, kpis] : m->provisional) merged->provisional[scope] = std::move(kpis);
        for (const auto& [stage, seconds] : m->seconds) merged->seconds[stage] = std::max(merged->seconds[stage], seconds);
    }
    merged->inputs.selection += " (merged from " + std::to_string(shards) + " shards)";
    std::sort(merged->files.begin(), merged->files.end(), [](const ManifestFile& a, const ManifestFile& b) { return a.path < b.path; });
    write_file_atomically(folder / "manifest.json", manifest_json(*merged));
    return merged->files.size();
}

} // namespace ss
