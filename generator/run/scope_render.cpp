#include "run/scope_render.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "report/gi_benchmark.hpp"
#include "report/open_data.hpp"

namespace ss {

bool ScopeRenderShared::wants(ReportKind kind) const { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }

const ReportContext& ScopeRenderShared::context(const std::string& definition) const {
    const auto found = contexts.find(definition);
    if (found == contexts.end()) throw std::logic_error("no report context for templates/" + definition);
    return found->second;
}

namespace {

std::string region_folder_of(const Scope& scope) {
    return scope_folder_name(Scope{ScopeType::region, scope.region_code, scope.region_name, scope.region_code, scope.region_name});
}

/// A scope's models, each built when first needed and kept for the scope's other files.
class ScopeModels {
public:
    ScopeModels(const ScopeRenderShared& shared, const Scope& scope, ScopeRows rows)
        : shared_(shared), scope_(scope), rows_(std::move(rows)) {}

    const ReportModel& report() {
        if (!report_) report_ = build_report(shared_.context(report_kind_spec(own_report_kind()).definition), scope_,
                                             std::move(rows_.signals), rows_.folder);
        return *report_;
    }
    const ReportModel& published() {
        if (!published_) published_ = publish(report(), shared_.decisions);
        return *published_;
    }
    const std::vector<PublicCell>& cells() {
        if (!cells_) cells_ = public_cells(published());
        return *cells_;
    }
    // Public: the letter renders the published model (reports.md "Publication rules").
    const ReportModel& letter() {
        if (!letter_) letter_ = publish(build_report(shared_.context(report_kind_spec(ReportKind::council).definition), scope_, {}, {}),
                                        shared_.decisions);
        return *letter_;
    }
    const GiBenchmark& benchmark() {
        if (!benchmark_)
            benchmark_ = build_gi_benchmark(shared_.context(report_kind_spec(ReportKind::gi_benchmark).definition), scope_,
                                            report().long_form);
        return *benchmark_;
    }
    void build(ModelSource source) {
        switch (source) {
        case ModelSource::scope_report: report(); break;
        case ModelSource::council_letter: letter(); break;
        case ModelSource::gi_benchmark: benchmark(); break;
        }
    }

private:
    ReportKind own_report_kind() const { return scope_.type == ScopeType::region ? ReportKind::region : ReportKind::samen_sturen; }
    const ScopeRenderShared& shared_;
    const Scope& scope_;
    ScopeRows rows_;
    std::optional<ReportModel> report_, published_, letter_;
    std::optional<std::vector<PublicCell>> cells_;
    std::optional<GiBenchmark> benchmark_;
};

/// The links of `scope`'s page for `audience`: every linked file of the wanted kinds of that
/// audience, in registry order, its transparency page, and for a municipality's public page its region.
HtmlLinks page_links(const ScopeRenderShared& shared, const Scope& scope, Publication audience, const Quarter& quarter,
                     const Texts& texts) {
    HtmlLinks links;
    for (const ReportKindSpec* kind : report_kinds_for(scope.type)) {
        if (!shared.wants(kind->kind)) continue;
        for (const auto& output : kind->outputs) {
            if (output.audience != audience) continue;
            const std::string name = file_name_of(output, scope.code, quarter.code());
            if (output.role == OutputSpec::Role::transparency) links.transparency = name;
            if (output.role == OutputSpec::Role::file && !output.link_text.empty())
                links.downloads.push_back({name, texts.fill(output.link_text)});
        }
    }
    if (scope.type == ScopeType::municipality && audience == Publication::public_site)
        links.region = HtmlLink{"../" + region_folder_of(scope) + "/index.html", texts.fill("link.region", {{"region", scope.region_name}})};
    return links;
}

} // namespace

std::vector<ManifestFile> render_scope(const ScopeRenderShared& shared, const Scope& scope, ScopeRows rows, OutputSink& sink,
                                       double& package_cpu) {
    const ReportContext& any = shared.context(report_kind_spec(ReportKind::samen_sturen).definition);
    const Texts& texts = *any.texts;
    const Quarter& quarter = any.quarter;
    const std::string folder = scope_folder_name(scope);
    ScopeModels models(shared, scope, std::move(rows));
    RenderInput input{scope,
                      quarter,
                      *shared.html,
                      texts,
                      [&]() -> const ReportModel& { return models.report(); },
                      [&]() -> const ReportModel& { return models.published(); },
                      [&]() -> const std::vector<PublicCell>& { return models.cells(); },
                      [&]() -> const ReportModel& { return models.letter(); },
                      [&]() -> const GiBenchmark& { return models.benchmark(); },
                      {}};
    std::vector<ManifestFile> files;
    for (const ReportKindSpec* kind : report_kinds_for(scope.type)) {
        if (!shared.wants(kind->kind)) continue;
        {
            const StageTimings::Measure timed(*shared.timings, kind->model_stage, &package_cpu);
            models.build(kind->source);
        }
        for (const auto& output : kind->outputs) {
            const StageTimings::Measure timed(*shared.timings, output.stage, &package_cpu);
            input.links = output.role == OutputSpec::Role::scope_page ? page_links(shared, scope, output.audience, quarter, texts)
                                                                      : HtmlLinks{};
            const std::string path = publication_name(output.audience) + "/" + folder + "/" +
                                     file_name_of(output, scope.code, quarter.code());
            const StoredFile stored = output.write ? sink.write_with(path, [&](const std::string& p) { output.write(input, p); })
                                                   : sink.write(path, output.render(input));
            files.push_back({stored.path, report_kind_name(kind->kind), scope.code, stored.bytes, stored.sha256,
                             publication_name(output.audience)});
        }
    }
    return files;
}

} // namespace ss
