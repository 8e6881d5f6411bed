#include "import/target_checks.hpp"

#include <variant>

namespace ss {

namespace {

/// The KPI a row's kpi_id names, or nullptr (an error is added) when no query file defines it.
/// An empty kpi_id is nullptr without an error: a field error, or "no KPI" where that may be.
const KpiDefinition* named_kpi(const Table& t, size_t row, const std::vector<KpiDefinition>& kpis,
                               const std::string& hint, std::vector<Issue>& issues) {
    const Value& v = t.at(row, t.spec->column_index("kpi_id"));
    if (is_null(v)) return nullptr;
    const std::string id = value_text(v);
    const KpiDefinition* kpi = find_kpi(kpis, id);
    if (!kpi)
        issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[row], "kpi_id", id,
                          "is not a KPI of kpis.md (no queries/" + id + ".sql)" + hint});
    return kpi;
}

void check_targets(const Table& t, const std::vector<KpiDefinition>& kpis, std::vector<Issue>& issues) {
    const FileSpec& spec = *t.spec;
    const int breakdown_column = spec.column_index("breakdown"), target_column = spec.column_index("target");
    const std::string file = spec.file_name();
    for (size_t r = 0; r < t.rows(); ++r) {
        const KpiDefinition* kpi = named_kpi(t, r, kpis, "", issues);
        if (!kpi) continue;
        const std::string& id = kpi->id;
        const std::string breakdown = value_text(t.at(r, breakdown_column));
        if (!kpi_has_breakdown(*kpi, breakdown))
            issues.push_back({Issue::Severity::error, file, t.lines[r], "breakdown", breakdown,
                              breakdown.empty() ? "is empty, but " + id + " has no total (name a breakdown key)"
                                                : "is not a breakdown key of " + id});
        const auto* target = std::get_if<double>(&t.at(r, target_column));
        if (!target) continue;
        if (*target < 0)
            issues.push_back({Issue::Severity::error, file, t.lines[r], "target", value_text(t.at(r, target_column)),
                              "is negative (a target is 0 or more)"});
        else if (kpi->kind == KpiKind::share && *target > 100)
            issues.push_back({Issue::Severity::error, file, t.lines[r], "target", value_text(t.at(r, target_column)),
                              "is above 100 (" + id + " is a share in percent: 0-100)"});
    }
}

void check_note_kpis(const Table& t, const std::vector<KpiDefinition>& kpis, std::vector<Issue>& issues) {
    // An empty kpi_id is a note on the report as a whole.
    for (size_t r = 0; r < t.rows(); ++r) named_kpi(t, r, kpis, "; leave it empty for a note on the whole report", issues);
}

} // namespace

void check_kpi_rows(const Delivery& delivery, const std::vector<KpiDefinition>& kpis, std::vector<Issue>& issues) {
    if (const Table* targets = delivery.find("kpi_targets")) check_targets(*targets, kpis, issues);
    if (const Table* notes = delivery.find("notes")) check_note_kpis(*notes, kpis, issues);
}

} // namespace ss
