// The one table of report kinds and their files: which scopes get a kind, from which definition,
// and every file it writes with its name, audience, link label, mailing and renderer. Rendering a
// scope, the site's links, the open data package and distribute all read it.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/dates.hpp"
#include "output/output_files.hpp"
#include "render/html_report.hpp"
#include "report/gi_benchmark.hpp"
#include "report/open_data.hpp"
#include "report/report_model.hpp"
#include "report/texts.hpp"
#include "schema/report_kind.hpp"
#include "schema/scope.hpp"

namespace ss {

/// What a renderer draws from. The models are built on first use, at most once per scope.
struct RenderInput {
    const Scope& scope;
    const Quarter& quarter;
    const HtmlTemplates& html;
    const Texts& texts;
    std::function<const ReportModel&()> model;     ///< the scope's report, exact (internal)
    std::function<const ReportModel&()> published; ///< the same after the publication rules
    std::function<const std::vector<PublicCell>&()> public_cells; ///< the open data of `published`
    std::function<const ReportModel&()> letter;    ///< the council letter's model, published
    std::function<const GiBenchmark&()> benchmark; ///< the region's GI benchmark
    HtmlLinks links; ///< for a scope's page: the files beside it (filled from the registry)
};

/// A file of a report kind.
struct OutputSpec {
    enum class Role {
        file,         ///< a download: listed on the scope's page of its audience when it has a link text
        scope_page,   ///< the scope's page of its audience (index.html, or the internal page)
        transparency, ///< a region's transparency page, linked from its public page
    };
    /// The name in the scope's folder; `{quarter}` and `{code}` are filled in (file_name_of).
    std::string file;
    Publication audience = Publication::internal;
    Role role = Role::file;
    std::string link_text; ///< the texts.json id of its link label; "" for no link
    std::string stage;     ///< the timing stage it counts to (docs/performance.md)
    bool mailed = false;   ///< attached (or linked) in the recipients' mails
    bool open_data = false; ///< described in the quarter's datapackage.json
    /// The renderer: bytes, or (for a library that writes only to files) writes `path`.
    std::function<std::string(const RenderInput&)> render;
    std::function<void(const RenderInput&, const std::string& path)> write;
};

/// The model a kind's files draw from; built once per scope, before its files, timed as the
/// kind's model stage.
enum class ModelSource {
    scope_report,   ///< build_report with templates/samen-sturen.json, the scope's signals and rows
    council_letter, ///< build_report with templates/council.json, published
    gi_benchmark,   ///< build_gi_benchmark from the region's rows (and its scope report)
};

struct ReportKindSpec {
    ReportKind kind;
    ScopeType scope_type;             ///< the scopes it is made for
    std::string definition;           ///< its report definition in templates/
    ModelSource source;
    std::string model_stage;          ///< the timing stage of building its model
    std::vector<std::string> asked_as; ///< the recipients' report kinds it answers for its scopes
    std::vector<OutputSpec> outputs;  ///< in the order they are written and linked
};

/// Every report kind, in the order a scope's files are written.
const std::vector<ReportKindSpec>& report_registry();
const ReportKindSpec& report_kind_spec(ReportKind kind);

/// The kinds made for `type`, in registry order.
std::vector<const ReportKindSpec*> report_kinds_for(ScopeType type);

/// The file name of `output` for a scope code and quarter: "samen-sturen-2025-Q3-GM0505.pdf".
std::string file_name_of(const OutputSpec& output, const std::string& scope_code, const std::string& quarter_code);

/// The output of `kind` whose file name for `scope_code` and `quarter` is `file_name`, or null.
const OutputSpec* output_named(ReportKind kind, const std::string& file_name, const std::string& scope_code,
                               const std::string& quarter_code);

} // namespace ss
