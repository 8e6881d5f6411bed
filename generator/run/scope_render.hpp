// Renders one scope's files as the registry (run/report_registry) lists them: each kind's model
// built once, the pages' links filled from the registry, every file written through a sink and
// recorded for the manifest. Plain inputs, so a test renders a scope in-process.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "output/output_sink.hpp"
#include "report/publication.hpp"
#include "report/report_builder.hpp"
#include "run/manifest.hpp"
#include "run/report_registry.hpp"
#include "run/stage_timings.hpp"

namespace ss {

/// What every worker reads and nobody changes while scopes render.
struct ScopeRenderShared {
    /// One context per report definition of the registry ("samen-sturen.json" …), all on the same values.
    std::map<std::string, ReportContext> contexts;
    const HtmlTemplates* html = nullptr;
    std::vector<ReportKind> kinds; ///< the kinds this run renders
    PublicationDecisions decisions; ///< cells suppressed across pages (report/publication.hpp)
    StageTimings* timings = nullptr; ///< thread-safe: every worker adds its stages
    bool wants(ReportKind kind) const;
    const ReportContext& context(const std::string& definition) const;
};

/// A scope's own rows of the SQL stage.
struct ScopeRows {
    std::vector<Signal> signals;   ///< the municipality's measures with a signal
    std::vector<KpiValue> folder;  ///< the report quarter's rows of its folder (folder_rows)
};

/// Renders every wanted kind of `scope` into `sink`; returns the files written, in order, and
/// adds the CPU seconds of the package to `package_cpu`.
std::vector<ManifestFile> render_scope(const ScopeRenderShared& shared, const Scope& scope, ScopeRows rows, OutputSink& sink,
                                       double& package_cpu);

} // namespace ss
