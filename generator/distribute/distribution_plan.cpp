#include "distribute/distribution_plan.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/sha256.hpp"
#include "run/report_registry.hpp"

namespace ss {

namespace {

/// The scope type of `scope` in the manifest: that of the kinds of its files (registry).
std::optional<ScopeType> scope_type_in(const Manifest& m, const std::string& scope) {
    for (const auto& f : m.files)
        if (f.scope == scope)
            if (const auto kind = report_kind_named(f.kind)) return report_kind_spec(*kind).scope_type;
    return std::nullopt;
}

/// Whether the registry mails `f`: the reports go from internal/; of the public site only the
/// council letter's PDF (its pages and open data are on the web).
bool mailed(const ManifestFile& f, const std::string& quarter) {
    const auto kind = report_kind_named(f.kind);
    if (!kind) return false;
    const OutputSpec* output = output_named(*kind, std::filesystem::path(f.path).filename().string(), f.scope, quarter);
    return output && output->mailed;
}

std::vector<ManifestFile> files_for(const Recipient& r, const Manifest& m) {
    const auto type = scope_type_in(m, r.scope_code);
    std::vector<ManifestFile> files;
    if (!type) return files;
    for (const auto& report : r.reports)
        for (const ReportKindSpec* kind : report_kinds_for(*type)) {
            if (std::find(kind->asked_as.begin(), kind->asked_as.end(), report) == kind->asked_as.end()) continue;
            for (const auto& f : m.files)
                if (f.scope == r.scope_code && f.kind == report_kind_name(kind->kind) && mailed(f, m.inputs.quarter) &&
                    std::none_of(files.begin(), files.end(), [&](const ManifestFile& g) { return g.path == f.path; }))
                    files.push_back(f);
        }
    return files;
}

} // namespace

std::vector<PlannedDelivery> plan_distribution(const std::vector<Recipient>& recipients, const Manifest& manifest,
                                        std::uint64_t max_attachment_bytes) {
    std::vector<PlannedDelivery> deliveries;
    for (const auto& r : recipients) {
        const auto files = files_for(r, manifest);
        if (files.empty()) continue;
        PlannedDelivery d{r, {}, {}};
        std::string content = manifest.inputs.quarter;
        for (const auto& report : r.reports) content += "|" + report;
        for (const auto& f : files) {
            d.files.push_back({f, f.bytes <= max_attachment_bytes});
            content += "|" + f.path + "=" + f.sha256;
        }
        d.content_sha256 = sha256_hex(content);
        deliveries.push_back(std::move(d));
    }
    return deliveries;
}

std::vector<Recipient> recipients_without_files(const std::vector<Recipient>& recipients, const Manifest& manifest) {
    std::vector<Recipient> out;
    for (const auto& r : recipients)
        if (files_for(r, manifest).empty()) out.push_back(r);
    return out;
}

} // namespace ss
