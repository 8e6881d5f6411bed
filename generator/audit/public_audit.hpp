// The disclosure audit of a finished quarter: reads only its public folder (and, for the id check,
// the list of ids a database holds) and reports every way it could reveal what it must not: a
// link that leaves the folder, an internal file in it, a measure, child, trajectory or case
// worker id in any file, and a published cell that breaks publication rules 1-3.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kpi/kpi_definition.hpp"

namespace ss {

struct AuditFinding {
    std::string file; ///< relative to the public folder
    std::string what;
};

struct AuditReport {
    std::vector<AuditFinding> findings;
    size_t files = 0, pages = 0, links = 0;
    size_t cells = 0;            ///< published cells checked (open data)
    size_t shown_small = 0;      ///< cells shown as <5 (rule 1)
    size_t shown_suppressed = 0; ///< cells shown as * (rules 2 and 3)
    bool ids_checked = false;
};

/// Audits `public_folder`. `kinds` gives each KPI's kind (from the query files); `ids` the ids
/// that must appear in no public file (empty: not checked). `pdf_text` turns a PDF into its text
/// (the tests and the CLI use pdftotext).
AuditReport audit_public_folder(const std::filesystem::path& public_folder, const std::map<std::string, KpiKind>& kinds,
                                const std::set<std::string>& ids,
                                const std::function<std::string(const std::filesystem::path&)>& pdf_text);

} // namespace ss
