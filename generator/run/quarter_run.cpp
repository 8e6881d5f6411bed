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
#include <thread>

#include "core/elapsed.hpp"
#include "core/errors.hpp"
#include "core/parallel_for.hpp"
#include "core/sha256.hpp"
#include "core/text_split.hpp"
#include "db/database.hpp"
#include "db/read_snapshot.hpp"

#include <SQLiteCpp/Exception.h>
#include "schema/file_specs.hpp"
#include "kpi/kpi_csv.hpp"
#include "output/output_files.hpp"
#include "render/council_letter.hpp"
#include "render/gi_benchmark_render.hpp"
#include "render/html_report.hpp"
#include "render/pdf_document.hpp"
#include "render/pdf_report.hpp"
#include "render/xlsx_report.hpp"
#include "report/open_data.hpp"
#include "report/publication.hpp"
#include "report/report_builder.hpp"
#include "run/run_data.hpp"
#include "run/manifest.hpp"
#include "run/run_lock.hpp"
#include "run/stage_timings.hpp"

namespace ss {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;


/// What every worker reads and nobody changes while scopes render.
struct RunShared {
    ReportContext context;
    ReportContext council;      ///< the same values, the council letter's definition
    ReportContext gi_benchmark; ///< the same values, the GI benchmark's definition
    const RunData* data = nullptr;
    HtmlTemplates html;
    fs::path folder;
    std::vector<std::string> kinds;
    StageTimings* timings = nullptr; ///< thread-safe: every worker adds its stages
    PublicationDecisions decisions;   ///< cells suppressed across pages (report/publication.hpp)
    bool wants(const std::string& kind) const { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }
};

/// Writes one scope's files atomically into public/<folder>/ or internal/<folder>/ and records
/// each for the manifest.
class ScopeFiles {
public:
    ScopeFiles(fs::path quarter_folder, std::string folder, std::string scope)
        : root_(std::move(quarter_folder)), folder_(std::move(folder)), scope_(std::move(scope)) {}
    void write(Publication where, const std::string& name, const std::string& kind, const std::string& bytes) {
        const std::string relative = prepare(where, name);
        write_file_atomically(root_ / relative, bytes);
        files_.push_back({relative, kind, scope_, bytes.size(), sha256_hex(bytes), publication_name(where)});
    }
    void write_with(Publication where, const std::string& name, const std::string& kind,
                    const std::function<void(const std::string&)>& writer) {
        const std::string relative = prepare(where, name);
        const fs::path path = root_ / relative;
        write_file_atomically_with(path, writer);
        files_.push_back({relative, kind, scope_, fs::file_size(path), sha256_file(path), publication_name(where)});
    }
    std::vector<ManifestFile> take() { return std::move(files_); }

private:
    std::string prepare(Publication where, const std::string& name) {
        const std::string folder = publication_name(where) + "/" + folder_;
        fs::create_directories(root_ / folder);
        return folder + "/" + name;
    }
    fs::path root_;
    std::string folder_;
    std::string scope_;
    std::vector<ManifestFile> files_;
};

std::string region_folder_of(const Scope& scope) {
    return scope_folder_name(Scope{"region", scope.region_code, scope.region_name, scope.region_code, scope.region_name});
}

/// Builds one scope's reports and writes its files; adds the CPU seconds of its package to
/// `package_cpu`.
std::vector<ManifestFile> render_scope(const RunShared& shared, const Scope& scope, double& package_cpu) {
    const RunData& data = *shared.data;
    const bool municipality = scope.type == "municipality";
    const std::string report_kind = municipality ? "samen-sturen" : "region";
    // A municipality's stages are timed one by one; a region's report is one stage (reports.md
    // "region report"), its GI benchmark another.
    auto measure = [&](const char* municipality_stage) {
        return StageTimings::Measure(*shared.timings, municipality ? municipality_stage : "region reports", &package_cpu);
    };
    ScopeFiles files(shared.folder, scope_folder_name(scope), scope.code);
    const Texts& texts = *shared.context.texts;
    // The public page links only to public files; the internal page only to the files beside it.
    HtmlLinks links, internal_links;
    if (municipality) links.region = HtmlLink{"../" + region_folder_of(scope) + "/index.html",
                                                 texts.fill("link.region", {{"region", scope.region_name}})};

    std::optional<ReportModel> model;
    if (shared.wants(report_kind) || (!municipality && shared.wants("gi-benchmark"))) {
        std::vector<Signal> own_signals;
        const auto signals = data.signals.find(scope.code);
        if (municipality && signals != data.signals.end()) own_signals = signals->second;
        const auto timed = measure("model");
        model = build_report(shared.context, scope, std::move(own_signals), folder_rows(data.quarter_values, scope));
    }
    if (shared.wants(report_kind)) {
        const std::string stem = report_file_stem("samen-sturen", scope, data.quarter);
        {
            const auto timed = measure("PDF");
            files.write(Publication::internal, stem + ".pdf", report_kind, render_report_pdf(*model));
        }
        {
            const auto timed = measure("Excel");
            files.write_with(Publication::internal, stem + ".xlsx", report_kind,
                             [&](const std::string& path) { write_report_xlsx(*model, path); });
        }
        const auto timed = measure("kpis.csv");
        files.write(Publication::internal, "kpis.csv", report_kind, kpis_csv(model->long_form));
        internal_links.downloads = {{stem + ".pdf", texts.fill("link.report_pdf")},
                                    {stem + ".xlsx", texts.fill("link.report_xlsx")},
                                    {"kpis.csv", texts.fill("link.kpis_csv")}};
    }
    if (municipality && shared.wants("council")) {
        const auto timed = measure("council letters");
        // Public: the letter renders the published model (reports.md "Publication rules").
        const ReportModel letter = publish(build_report(shared.council, scope, {}, {}), shared.decisions);
        const std::string letter_stem = report_file_stem(letter.kind, scope, data.quarter);
        files.write(Publication::public_site, letter_stem + ".pdf", "council", render_council_pdf(letter));
        files.write(Publication::public_site, "raadsinformatiebrief.html", "council",
                    render_council_html(letter, shared.html, {{{letter_stem + ".pdf", texts.fill("link.letter_pdf_short")}}, {}, "", ""}));
        links.downloads.push_back({"raadsinformatiebrief.html", texts.fill("link.letter_page")});
        links.downloads.push_back({letter_stem + ".pdf", texts.fill("link.letter_pdf")});
    }
    if (!municipality && shared.wants("gi-benchmark")) {
        const StageTimings::Measure timed(*shared.timings, "GI benchmarks");
        const GiBenchmark benchmark = build_gi_benchmark(shared.gi_benchmark, scope, model->long_form);
        // reports.md names these gi-benchmark-<quarter>-<region>, without "regio".
        const std::string stem = "gi-benchmark-" + data.quarter.code() + "-" + scope.code;
        // reports.md "Output layout": the GI benchmark is for contract managers, internal.
        files.write(Publication::internal, stem + ".pdf", "gi-benchmark", render_gi_benchmark_pdf(benchmark));
        files.write(Publication::internal, stem + ".html", "gi-benchmark", render_gi_benchmark_html(benchmark, shared.html));
        files.write_with(Publication::internal, stem + ".xlsx", "gi-benchmark",
                         [&](const std::string& path) { write_gi_benchmark_xlsx(benchmark, path); });
        internal_links.downloads.push_back({stem + ".html", texts.fill("link.gi_page")});
        internal_links.downloads.push_back({stem + ".pdf", texts.fill("link.gi_pdf")});
        internal_links.downloads.push_back({stem + ".xlsx", texts.fill("link.gi_xlsx")});
    }
    if (shared.wants(report_kind)) {
        const auto timed = measure("HTML");
        // The public page, transparency table and open data render the published model: the same
        // cells in all three.
        const ReportModel published = publish(*model, shared.decisions);
        const auto cells = public_cells(published);
        files.write(Publication::public_site, "cijfers.csv", report_kind, public_cells_csv(cells));
        files.write(Publication::public_site, "cijfers.json", report_kind, public_cells_json(cells));
        links.downloads.push_back({"cijfers.csv", texts.fill("link.public_csv")});
        links.downloads.push_back({"cijfers.json", texts.fill("link.public_json")});
        if (!municipality) {
            links.transparency = "transparantie.html";
            files.write(Publication::public_site, "transparantie.html", report_kind, render_transparency_html(published, shared.html));
        }
        files.write(Publication::public_site, "index.html", report_kind, render_report_html(published, shared.html, links));
        files.write(Publication::internal, report_file_stem("samen-sturen", scope, data.quarter) + ".html", report_kind,
                    render_report_html(*model, shared.html, internal_links, Audience::internal));
    }
    return files.take();
}

/// The report quarter's provisional totals of the rendered scopes, for `distribute` to warn about.
std::map<std::string, std::vector<std::string>> provisional_figures(const RunData& data, const ReportContext& context,
                                                                    const std::vector<const Scope*>& scopes) {
    std::set<std::string> codes;
    for (const Scope* s : scopes) codes.insert(s->code);
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& v : data.quarter_values) {
        if (!v.provisional || !v.breakdown.empty() || v.scope_type == "gi" || !codes.count(v.scope_code)) continue;
        const auto kpi = context.kpis.find(v.kpi_id);
        out[v.scope_code].push_back(v.kpi_id + (kpi == context.kpis.end() ? "" : " " + kpi->second.name));
    }
    return out;
}

bool selected(const RunOptions& options, const Scope& scope) {
    if (options.only.empty()) return true;
    return std::find(options.only.begin(), options.only.end(), scope.code) != options.only.end();
}

RunInputs inputs_of(const RunOptions& options, const std::vector<std::string>& kinds) {
    return {options.quarter.code(),
            SAMEN_STUREN_VERSION,
            options.db,
            sha256_file(options.db),
            folder_sha256(options.templates),
            folder_sha256(options.queries),
            "kinds=" + join(kinds, ",") + ";only=" + join(options.only, ",") + ";shard=" + std::to_string(options.shard) + "/" +
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

} // namespace

RunSummary run_quarter(const RunOptions& options, std::ostream& log) {
    const auto start = Clock::now();
    const std::vector<std::string> kinds = options.kinds.empty() ? report_kinds() : options.kinds;
    for (const auto& k : kinds)
        if (std::find(report_kinds().begin(), report_kinds().end(), k) == report_kinds().end())
            throw UsageError("--kinds: '" + k + "' is not a report kind (samen-sturen, council, region, gi-benchmark)");
    // Templates and queries are read and checked before any database work: a broken template
    // stops the run at once, not after the SQL.
    const auto kpis = load_kpi_queries(options.queries);
    const ReportDefinition definition = load_report_definition(options.templates / "samen-sturen.json");
    const ReportDefinition council = load_report_definition(options.templates / "council.json");
    const ReportDefinition gi_benchmark = load_report_definition(options.templates / "gi-benchmark.json");
    const CodeLabels labels = load_code_labels(options.templates / "labels.json");
    const Texts texts = Texts::load(options.templates / "texts.json");
    const CompletenessRule completeness = load_completeness_rule(options.templates / "data-completeness.json");
    const CouncilSettings council_settings =
        options.council_settings.empty() ? CouncilSettings{} : load_council_settings(options.council_settings);
    RunShared shared;
    shared.html = load_html_templates(options.templates / "html");
    shared.kinds = kinds;
    // One state of the database for the whole run (issue #17): the read transactions begin before
    // the inputs' digest and end after the last query, so an import that commits meanwhile waits.
    // Opening it refuses a missing, foreign or damaged database before any output.
    ReadSnapshot snapshot(options.db, std::clamp(options.jobs, 1, 9));
    {
        // Unknown --only codes are refused before any output too.
        const auto known = read_scopes(snapshot.guard());
        for (const auto& code : options.only)
            if (std::none_of(known.begin(), known.end(), [&](const Scope& s) { return s.code == code; }))
                throw UsageError("--only: " + code + " is not a municipality or region in " + options.db);
    }

    RunSummary summary;
    summary.folder = options.out / options.quarter.code();
    shared.folder = summary.folder;
    StageTimings timings;
    shared.timings = &timings;
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

    // All reading before any writing: a database that cannot be read leaves the outputs as they were.
    const auto sql_start = Clock::now();
    const double sql_cpu_start = process_cpu_seconds(); // the SQL runs in workers of its own
    RunData data;
    try {
        // The GI benchmark compares the GIs in the report quarter only: its KPIs (GI01-GI03) need
        // no trend quarters.
        const auto over_time = kpis_shown_over_time({&definition, &council});
        data = read_run_data(snapshot, kpis, over_time, options.queries, options.quarter, completeness);
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

    fs::create_directories(summary.folder);
    RunLock lock(summary.folder, options.shards > 1 ? "shard-" + std::to_string(options.shard) : "");
    // From here the folder is being rewritten: no manifest until the run has finished.
    fs::remove(manifest_path);
    if (options.shards > 1) fs::remove(summary.folder / "manifest.json");

    shared.context.definition = &definition;
    shared.context.labels = &labels;
    shared.context.texts = &texts;
    for (const auto& k : kpis) shared.context.kpis[k.id] = k;
    shared.context.values = &data.table;
    shared.context.targets = data.targets;
    shared.context.quarter = options.quarter;
    shared.context.delivered_on = data.delivered_on;
    shared.context.delivery_ids = data.delivery_ids;
    shared.context.run_date = options.run_date;
    shared.context.notes = &data.notes;
    shared.context.council_settings = &council_settings;
    shared.context.scopes = &data.scopes;
    shared.context.provider_names = data.institution_names;
    shared.council = shared.context;
    shared.council.definition = &council;
    shared.gi_benchmark = shared.context;
    shared.gi_benchmark.definition = &gi_benchmark;
    shared.data = &data;
    shared.decisions = side_by_side_decisions(shared.context);

    std::vector<const Scope*> all, scopes;
    for (const auto& s : data.scopes)
        if (selected(options, s)) all.push_back(&s);
    // --shard K/N: every Nth scope from the Kth, so that N machines share a national run.
    for (size_t i = 0; i < all.size(); ++i)
        if (static_cast<int>(i % static_cast<size_t>(options.shards)) == options.shard - 1) scopes.push_back(all[i]);
    std::vector<std::string> scope_folders;
    for (const Scope* s : scopes) scope_folders.push_back(scope_folder_name(*s));
    remove_leftovers(summary.folder, scope_folders, options.shard == 1);
    if (const size_t old = remove_old_layout(summary.folder, scope_folders, options.shard == 1))
        log << "run: " << options.quarter.code() << ": removed " << old << " scope folder" << (old == 1 ? "" : "s")
            << " of the old layout from " << summary.folder.string()
            << "; their files are made again under public/ (the site) and internal/ (mailed only)\n";

    const auto render_start = Clock::now();
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
    std::stable_partition(order.begin(), order.end(), [&](size_t i) { return scopes[i]->type == "region"; });
    warm_up_fonts();
    parallel_for(scopes.size(), std::max(1, options.jobs), [&](size_t n, size_t) {
        const size_t i = order[n];
        try {
            written[i] = render_scope(shared, *scopes[i], package_cpu[i]);
        } catch (const std::exception& e) {
            errors[i] = e.what(); // the other scopes go on; the summary lists this one
            exceptions[i] = std::current_exception();
        }
        progress.done(++done);
    });

    for (size_t i = 0; i < scopes.size(); ++i) {
        if (scopes[i]->type == "municipality" && errors[i].empty()) summary.municipality_package_cpu.push_back(package_cpu[i]);
        if (!errors[i].empty()) summary.failures.push_back({scopes[i]->code, errors[i]});
        for (auto& f : written[i]) manifest.files.push_back(std::move(f));
    }
    // Every scope failed: one cause (a full disk, a folder that cannot be written), one error.
    if (!scopes.empty() && summary.failures.size() == scopes.size()) std::rethrow_exception(exceptions.front());
    // The index lists every scope of the run, whichever shard renders it; the first shard writes it.
    if (options.shard == 1) {
        const StageTimings::Measure timed(timings, "manifest"); // ends before the stages are read below
        std::vector<Scope> listed;
        std::vector<std::string> folders;
        for (const Scope* s : all) {
            listed.push_back(*s);
            folders.push_back(scope_folder_name(*s));
        }
        const std::string index = render_quarter_index(listed, folders, options.quarter, data.delivered_on, shared.html,
                                                       *shared.context.texts);
        fs::create_directories(summary.folder / "public");
        write_file_atomically(summary.folder / "public" / "index.html", index);
        manifest.files.push_back({"public/index.html", "site", "", index.size(), sha256_hex(index), "public"});
        // The open data of every scope with a public page, described once for the quarter.
        if (std::find(kinds.begin(), kinds.end(), "samen-sturen") != kinds.end() ||
            std::find(kinds.begin(), kinds.end(), "region") != kinds.end()) {
            std::vector<std::string> paths;
            for (const Scope* s : all)
                if (shared.wants(s->type == "municipality" ? "samen-sturen" : "region"))
                    for (const char* file : {"/cijfers.csv", "/cijfers.json"}) paths.push_back(scope_folder_name(*s) + file);
            const std::string package = open_data_package(options.quarter.code(), paths);
            write_file_atomically(summary.folder / "public" / "datapackage.json", package);
            manifest.files.push_back({"public/datapackage.json", "site", "", package.size(), sha256_hex(package), "public"});
        }
    }
    summary.render_seconds = seconds_since(render_start);
    summary.stages = timings.stages();
    summary.scopes = static_cast<int>(scopes.size());
    summary.files = static_cast<int>(manifest.files.size());
    if (!summary.failures.empty()) return summary; // no manifest: the next run renders again

    manifest.delivered_on = data.delivered_on;
    manifest.delivery_ids = data.delivery_ids;
    manifest.provisional = provisional_figures(data, shared.context, scopes);
    manifest.seconds = {{"sql", summary.sql_seconds}, {"render", summary.render_seconds}, {"total", seconds_since(start)}};
    write_file_atomically(manifest_path, manifest_json(manifest)); // last: its presence means the run finished
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
