#include "import/target_checks.hpp"

#include <variant>

namespace ss {

namespace {

void check_targets(const Table& t, const std::vector<KpiDefinition>& kpis, std::vector<Issue>& issues) {
    const FileSpec& spec = *t.spec;
    const int id_column = spec.column_index("kpi_id"), breakdown_column = spec.column_index("breakdown"),
              target_column = spec.column_index("target");
    const std::string file = spec.file_name();
    for (size_t r = 0; r < t.rows(); ++r) {
        if (is_null(t.at(r, id_column))) continue; // reported as a field error
        const std::string id = value_text(t.at(r, id_column));
        const KpiDefinition* kpi = find_kpi(kpis, id);
        if (!kpi) {
            issues.push_back({Issue::Severity::error, file, t.lines[r], "kpi_id", id,
                              "is not a KPI of kpis.md (no queries/" + id + ".sql)"});
            continue;
        }
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
    const int id_column = t.spec->column_index("kpi_id");
    for (size_t r = 0; r < t.rows(); ++r) {
        if (is_null(t.at(r, id_column))) continue; // a note on the report as a whole
        const std::string id = value_text(t.at(r, id_column));
        if (!find_kpi(kpis, id))
            issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[r], "kpi_id", id,
                              "is not a KPI of kpis.md (no queries/" + id + ".sql); leave it empty for a note on the whole report"});
    }
}

} // namespace

void check_kpi_rows(const Delivery& delivery, const std::vector<KpiDefinition>& kpis, std::vector<Issue>& issues) {
    if (const Table* targets = delivery.find("kpi_targets")) check_targets(*targets, kpis, issues);
    if (const Table* notes = delivery.find("notes")) check_note_kpis(*notes, kpis, issues);
}

} // namespace ss
