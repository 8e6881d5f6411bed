#include "run/quarter_run.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <thread>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "kpi/kpi_csv.hpp"
#include "output/output_files.hpp"
#include "render/council_letter.hpp"
#include "render/gi_benchmark_render.hpp"
#include "render/html_report.hpp"
#include "render/pdf_report.hpp"
#include "render/xlsx_report.hpp"
#include "report/report_builder.hpp"
#include "report/run_data.hpp"

namespace ss {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// What every worker reads and nobody changes while scopes render.
struct RunShared {
    ReportContext context;
    ReportContext council; ///< the same values, the council letter's definition
    ReportContext gi_benchmark; ///< the same values, the GI benchmark's definition
    const RunData* data = nullptr;
    HtmlTemplates html;
    fs::path folder;
};

std::string region_folder_of(const Scope& scope) {
    return scope_folder_name(Scope{"region", scope.region_code, scope.region_name, scope.region_code, scope.region_name});
}

/// Builds one scope's report and writes its files; returns how many files it wrote.
int render_scope(const RunShared& shared, const Scope& scope) {
    const RunData& data = *shared.data;
    const auto signals = data.signals.find(scope.code);
    std::vector<Signal> own_signals;
    if (scope.type == "municipality" && signals != data.signals.end()) own_signals = signals->second;
    ReportModel model = build_report(shared.context, scope, std::move(own_signals), folder_rows(data.quarter_values, scope));

    const fs::path folder = shared.folder / scope_folder_name(scope);
    fs::create_directories(folder);
    const std::string stem = report_file_stem(model.kind, scope, data.quarter);
    write_file_atomically(folder / (stem + ".pdf"), render_report_pdf(model));
    write_file_atomically_with(folder / (stem + ".xlsx"), [&](const std::string& path) { write_report_xlsx(model, path); });
    write_file_atomically(folder / "kpis.csv", kpis_csv(model.long_form));
    HtmlLinks links;
    links.downloads = {{stem + ".pdf", "rapport (PDF)"}, {stem + ".xlsx", "werkmap (Excel)"}, {"kpis.csv", "alle cijfers (CSV)"}};
    int files = 4;
    if (scope.type == "municipality") {
        links.region = HtmlLink{"../" + region_folder_of(scope) + "/index.html", "Regio " + scope.region_name};
        const ReportModel letter = build_report(shared.council, scope, {}, {});
        const std::string letter_stem = report_file_stem(letter.kind, scope, data.quarter);
        write_file_atomically(folder / (letter_stem + ".pdf"), render_council_pdf(letter));
        write_file_atomically(folder / "raadsinformatiebrief.html",
                              render_council_html(letter, shared.html, {{{letter_stem + ".pdf", "brief (PDF)"}}, {}}));
        links.downloads.push_back({"raadsinformatiebrief.html", "raadsinformatiebrief"});
        links.downloads.push_back({letter_stem + ".pdf", "raadsinformatiebrief (PDF)"});
        files += 2;
    }
    if (scope.type == "region") {
        links.transparency = "transparantie.html";
        write_file_atomically(folder / "transparantie.html", render_transparency_html(model, shared.html));
        const GiBenchmark benchmark = build_gi_benchmark(shared.gi_benchmark, scope, model.long_form);
        const std::string gi_stem = report_file_stem("gi-benchmark", scope, data.quarter);
        // reports.md names these gi-benchmark-<quarter>-<region>, without "regio".
        const std::string gi_name = "gi-benchmark-" + data.quarter.code() + "-" + gi_stem.substr(gi_stem.rfind('-') + 1);
        write_file_atomically(folder / (gi_name + ".pdf"), render_gi_benchmark_pdf(benchmark));
        write_file_atomically(folder / (gi_name + ".html"), render_gi_benchmark_html(benchmark, shared.html));
        write_file_atomically_with(folder / (gi_name + ".xlsx"),
                                   [&](const std::string& path) { write_gi_benchmark_xlsx(benchmark, path); });
        links.gi_benchmark = gi_name + ".html";
        links.downloads.push_back({gi_name + ".pdf", "GI-benchmark (PDF)"});
        links.downloads.push_back({gi_name + ".xlsx", "GI-benchmark (Excel)"});
        files += 4;
    }
    write_file_atomically(folder / "index.html", render_report_html(model, shared.html, links));
    return files;
}

bool selected(const RunOptions& options, const Scope& scope) {
    if (options.only.empty()) return true;
    return std::find(options.only.begin(), options.only.end(), scope.code) != options.only.end();
}

} // namespace

RunSummary run_quarter(const RunOptions& options, std::ostream& log) {
    // Templates and queries are read and checked before any database work: a broken template
    // stops the run at once, not after the SQL.
    const auto kpis = load_kpi_queries(options.queries);
    const ReportDefinition definition = load_report_definition(options.templates / "samen-sturen.json");
    const ReportDefinition council = load_report_definition(options.templates / "council.json");
    const ReportDefinition gi_benchmark = load_report_definition(options.templates / "gi-benchmark.json");
    const CodeLabels labels = load_code_labels(options.templates / "labels.json");
    RunShared shared;
    shared.html = load_html_templates(options.templates / "html");

    RunSummary summary;
    const auto sql_start = Clock::now();
    RunData data = read_run_data(options.db, kpis, options.queries, options.quarter, options.jobs);
    summary.sql_seconds = seconds_since(sql_start);
    log << "run: " << options.quarter.code() << ": KPIs of " << data.scopes.size() << " scopes over 8 quarters in "
        << static_cast<int>(summary.sql_seconds + 0.5) << " s\n";

    std::vector<const Scope*> scopes;
    for (const auto& s : data.scopes)
        if (selected(options, s)) scopes.push_back(&s);
    for (const auto& code : options.only)
        if (std::none_of(data.scopes.begin(), data.scopes.end(), [&](const Scope& s) { return s.code == code; }))
            throw UsageError("--only: " + code + " is not a municipality or region in " + options.db);

    shared.context.definition = &definition;
    shared.context.labels = &labels;
    for (const auto& k : kpis) shared.context.kpis[k.id] = k;
    shared.context.values = &data.table;
    shared.context.targets = data.targets;
    shared.context.quarter = options.quarter;
    shared.context.delivered_on = data.delivered_on;
    shared.context.scopes = &data.scopes;
    shared.context.provider_names = data.institution_names;
    shared.council = shared.context;
    shared.council.definition = &council;
    shared.gi_benchmark = shared.context;
    shared.gi_benchmark.definition = &gi_benchmark;
    shared.data = &data;
    shared.folder = options.out / options.quarter.code();
    fs::create_directories(shared.folder);


    const auto render_start = Clock::now();
    std::atomic<size_t> next{0};
    std::atomic<int> files{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto worker = [&] {
        for (size_t i; (i = next.fetch_add(1)) < scopes.size();) {
            try {
                files += render_scope(shared, *scopes[i]);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                next = scopes.size(); // stop the others: the run fails as a whole
            }
        }
    };
    std::vector<std::thread> workers;
    for (int j = 0; j < std::max(1, options.jobs); ++j) workers.emplace_back(worker);
    for (auto& w : workers) w.join();
    if (failure) std::rethrow_exception(failure);

    std::vector<Scope> listed;
    std::vector<std::string> folders;
    for (const Scope* s : scopes) {
        listed.push_back(*s);
        folders.push_back(scope_folder_name(*s));
    }
    write_file_atomically(shared.folder / "index.html",
                          render_quarter_index(listed, folders, options.quarter, data.delivered_on, shared.html));
    summary.render_seconds = seconds_since(render_start);
    summary.scopes = static_cast<int>(scopes.size());
    summary.files = files + 1;
    summary.folder = shared.folder;
    return summary;
}

} // namespace ss
