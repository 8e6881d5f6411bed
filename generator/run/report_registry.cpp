#include "run/report_registry.hpp"

#include <algorithm>
#include <stdexcept>

#include "kpi/kpi_csv.hpp"
#include "render/council_letter.hpp"
#include "render/gi_benchmark_render.hpp"
#include "render/pdf_report.hpp"
#include "render/transparency_page.hpp"
#include "render/xlsx_report.hpp"

namespace ss {

namespace {

using Role = OutputSpec::Role;
constexpr Publication internal = Publication::internal;
constexpr Publication public_site = Publication::public_site;

// File names (reports.md "Output layout").
const std::string letter_pdf = "raadsinformatiebrief-{quarter}-{code}.pdf";
const std::string region_internal_page = "samen-sturen-regio-{quarter}-{code}.html";

/// The Samen Sturen report's files, for a municipality (`stem` samen-sturen-…) or a region
/// (samen-sturen-regio-…, with its transparency page); all counted to `stage` except the
/// municipality's own stages.
std::vector<OutputSpec> report_outputs(const std::string& stem, bool region) {
    auto stage = [&](const char* municipality_stage) { return region ? std::string("region reports") : std::string(municipality_stage); };
    std::vector<OutputSpec> outputs{
        {stem + ".pdf", internal, Role::file, "link.report_pdf", stage("PDF"), true, false,
         [](const RenderInput& in) { return render_report_pdf(in.model()); }, {}},
        {stem + ".xlsx", internal, Role::file, "link.report_xlsx", stage("Excel"), true, false, {},
         [](const RenderInput& in, const std::string& path) { write_report_xlsx(in.model(), path); }},
        {"kpis.csv", internal, Role::file, "link.kpis_csv", stage("kpis.csv"), true, false,
         [](const RenderInput& in) { return kpis_csv(in.model().long_form); }, {}},
        // The public page, transparency table and open data render the published model: the same
        // cells in all of them.
        {"cijfers.csv", public_site, Role::file, "link.public_csv", stage("HTML"), false, true,
         [](const RenderInput& in) { return public_cells_csv(in.public_cells()); }, {}},
        {"cijfers.json", public_site, Role::file, "link.public_json", stage("HTML"), false, true,
         [](const RenderInput& in) { return public_cells_json(in.public_cells()); }, {}},
    };
    if (region)
        outputs.push_back({"transparantie.html", public_site, Role::transparency, "", stage("HTML"), false, false,
                           [](const RenderInput& in) { return render_transparency_html(in.published(), in.html); }, {}});
    outputs.push_back({"index.html", public_site, Role::scope_page, "", stage("HTML"), false, false,
                       [](const RenderInput& in) { return render_report_html(in.published(), in.html, in.links); }, {}});
    outputs.push_back({stem + ".html", internal, Role::scope_page, "", stage("HTML"), false, false,
                       [](const RenderInput& in) { return render_report_html(in.model(), in.html, in.links, Audience::internal); },
                       {}});
    return outputs;
}

std::vector<ReportKindSpec> make_registry() {
    std::vector<ReportKindSpec> kinds;
    // The council letter first: its links lead the municipality's public page.
    kinds.push_back(
        {ReportKind::council, ScopeType::municipality, "council.json", ModelSource::council_letter, "council letters", {"council"},
         {{"raadsinformatiebrief.html", public_site, Role::file, "link.letter_page", "council letters", false, false,
           [](const RenderInput& in) {
               const HtmlLinks own{{{scope_file_name(letter_pdf, in.scope.code, in.quarter.code()),
                                     in.texts.fill("link.letter_pdf_short")}},
                                   {}, "", ""};
               return render_council_html(in.letter(), in.html, own);
           },
           {}},
          {letter_pdf, public_site, Role::file, "link.letter_pdf", "council letters", true, false,
           [](const RenderInput& in) { return render_council_pdf(in.letter()); }, {}}}});
    kinds.push_back({ReportKind::samen_sturen, ScopeType::municipality, "samen-sturen.json", ModelSource::scope_report, "model", {"samen-sturen"},
                     report_outputs("samen-sturen-{quarter}-{code}", false)});
    kinds.push_back({ReportKind::region, ScopeType::region, "samen-sturen.json", ModelSource::scope_report, "region reports", {"samen-sturen", "region"},
                     report_outputs("samen-sturen-regio-{quarter}-{code}", true)});
    // reports.md names these gi-benchmark-<quarter>-<region>, without "regio"; for contract
    // managers, internal.
    const std::string gi = "gi-benchmark-{quarter}-{code}";
    kinds.push_back(
        {ReportKind::gi_benchmark, ScopeType::region, "gi-benchmark.json", ModelSource::gi_benchmark, "GI benchmarks", {"gi-benchmark"},
         {{gi + ".html", internal, Role::file, "link.gi_page", "GI benchmarks", false, false,
           [](const RenderInput& in) {
               return render_gi_benchmark_html(in.benchmark(), in.html,
                                               scope_file_name(region_internal_page, in.scope.code, in.quarter.code()));
           },
           {}},
          {gi + ".pdf", internal, Role::file, "link.gi_pdf", "GI benchmarks", true, false,
           [](const RenderInput& in) { return render_gi_benchmark_pdf(in.benchmark()); }, {}},
          {gi + ".xlsx", internal, Role::file, "link.gi_xlsx", "GI benchmarks", true, false, {},
           [](const RenderInput& in, const std::string& path) { write_gi_benchmark_xlsx(in.benchmark(), path); }}}});
    return kinds;
}

} // namespace

const std::vector<ReportKindSpec>& report_registry() {
    static const std::vector<ReportKindSpec> registry = make_registry();
    return registry;
}

const ReportKindSpec& report_kind_spec(ReportKind kind) {
    for (const auto& spec : report_registry())
        if (spec.kind == kind) return spec;
    throw std::logic_error(std::string("report kind ") + report_kind_name(kind) + " is not in the registry");
}

std::vector<const ReportKindSpec*> report_kinds_for(ScopeType type) {
    std::vector<const ReportKindSpec*> kinds;
    for (const auto& spec : report_registry())
        if (spec.scope_type == type) kinds.push_back(&spec);
    return kinds;
}

std::string file_name_of(const OutputSpec& output, const std::string& scope_code, const std::string& quarter_code) {
    return scope_file_name(output.file, scope_code, quarter_code);
}

const OutputSpec* output_named(ReportKind kind, const std::string& file_name, const std::string& scope_code,
                               const std::string& quarter_code) {
    for (const auto& output : report_kind_spec(kind).outputs)
        if (scope_file_name(output.file, scope_code, quarter_code) == file_name) return &output;
    return nullptr;
}

} // namespace ss
