#include "distribute/distribution_plan.hpp"

#include <algorithm>

#include "core/sha256.hpp"

namespace ss {

namespace {

bool is_region_code(const Manifest& m, const std::string& scope) {
    return std::any_of(m.files.begin(), m.files.end(),
                       [&](const ManifestFile& f) { return f.scope == scope && (f.kind == "region" || f.kind == "gi-benchmark"); });
}

/// The manifest kinds a recipient's report kind stands for, given its scope.
std::vector<std::string> manifest_kinds(const std::string& report, bool region) {
    if (region) {
        if (report == "samen-sturen" || report == "region") return {"region"};
        if (report == "gi-benchmark") return {"gi-benchmark"};
        return {};
    }
    if (report == "samen-sturen" || report == "council") return {report};
    return {};
}

bool sendable(const std::string& path) {
    for (const char* ext : {".pdf", ".xlsx", ".csv"}) {
        const std::string e(ext);
        if (path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false; // HTML pages are on the site, not in the mail
}

std::vector<ManifestFile> files_for(const Recipient& r, const Manifest& m) {
    const bool region = is_region_code(m, r.scope_code);
    std::vector<ManifestFile> files;
    for (const auto& report : r.reports)
        for (const auto& kind : manifest_kinds(report, region))
            for (const auto& f : m.files)
                // The reports go from internal/; of the public site only the council letter is
                // mailed (its pages and open data are on the web).
                if (f.scope == r.scope_code && f.kind == kind && sendable(f.path) &&
                    (f.audience != "public" || f.kind == "council") &&
                    std::none_of(files.begin(), files.end(), [&](const ManifestFile& g) { return g.path == f.path; }))
                    files.push_back(f);
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
