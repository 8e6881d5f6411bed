#include "schema/file_specs.hpp"

#include <stdexcept>

namespace ss {

namespace {

ColumnSpec text(std::string name, bool nullable = false) {
    return {std::move(name), FieldKind::text, nullable};
}
ColumnSpec id(std::string name, bool nullable = false) {
    return {std::move(name), FieldKind::id, nullable};
}
ColumnSpec integer(std::string name, std::int64_t min, std::int64_t max, bool nullable = false) {
    return {std::move(name), FieldKind::integer, nullable, min, max};
}
ColumnSpec date(std::string name, DateLimit limit, bool nullable = false) {
    ColumnSpec c{std::move(name), FieldKind::date, nullable};
    c.date_limit = limit;
    return c;
}
ColumnSpec code(std::string name, std::vector<std::string> codes, bool nullable = false) {
    ColumnSpec c{std::move(name), FieldKind::code, nullable};
    c.codes = std::move(codes);
    return c;
}
ColumnSpec of_kind(std::string name, FieldKind kind, bool nullable = false) {
    return {std::move(name), kind, nullable};
}
ColumnSpec limited_text(std::string name, std::int64_t most_characters) {
    return {std::move(name), FieldKind::text, false, 1, most_characters};
}

constexpr std::int64_t many = 1'000'000'000;

std::vector<FileSpec> build_specs() {
    const std::vector<std::string> goal_flag = {"1", "0"};
    return {
        {"regions", {id("region_code"), text("name")}, {"region_code"}, true},
        {"municipalities",
         {of_kind("municipality_code", FieldKind::municipality_code), text("name"),
          id("region_code")},
         {"municipality_code"},
         true,
         {{"region_code", "regions"}}},
        {"population",
         {of_kind("municipality_code", FieldKind::municipality_code),
          integer("year", 2000, 2100), integer("inhabitants", 0, many),
          integer("youths_0_17", 0, many)},
         {"municipality_code", "year"},
         false,
         {{"municipality_code", "municipalities"}}},
        {"institutions",
         {id("institution_id"), text("name"), code("kind", {"gi", "provider", "local_team"})},
         {"institution_id"},
         true},
        {"case_workers",
         {id("case_worker_id"), id("institution_id"), id("skj_number", true),
          date("skj_valid_until", DateLimit::registration_six_years, true)},
         {"case_worker_id"},
         false,
         {{"institution_id", "institutions"}}},
        {"measures",
         {id("measure_id"), of_kind("child_id", FieldKind::child_id),
          of_kind("municipality_code", FieldKind::municipality_code), id("institution_id"),
          id("case_worker_id", true), code("kind", {"ots", "vots", "uhp", "voogdij", "jr"}),
          code("reason", {"parenting_skills", "home_situation", "acute_development_risk", "other"}),
          date("start_date", DateLimit::event_one_year),
          date("end_date", DateLimit::event_one_year, true),
          code("end_reason", {"goal_reached", "transfer", "age_18", "court", "other"}, true)},
         {"measure_id"},
         false,
         {{"municipality_code", "municipalities"},
          {"institution_id", "institutions", {"gi"}},
          {"case_worker_id", "case_workers"}}},
        {"measure_extensions",
         {id("measure_id"), date("extension_date", DateLimit::event_one_year),
          integer("months", 1, 120)},
         {"measure_id", "extension_date"},
         false,
         {{"measure_id", "measures"}}},
        {"measure_progress",
         {id("measure_id"), of_kind("quarter", FieldKind::quarter), integer("score", 1, 5),
          code("parent_child_contact", {"yes", "no"}, true)},
         {"quarter", "measure_id"},
         false,
         {{"measure_id", "measures"}}},
        {"trajectories",
         {id("trajectory_id"), of_kind("child_id", FieldKind::child_id),
          of_kind("municipality_code", FieldKind::municipality_code), id("provider_id"),
          integer("segment", 1, 7), integer("profile", 1, 10, true),
          code("intensity", {"perspectief", "intensief", "acuut", "duurzaam"}),
          code("referrer", {"local_team", "gp", "gi", "medical_specialist", "youth_doctor", "other"}),
          date("start_date", DateLimit::event_one_year),
          date("end_date", DateLimit::event_one_year, true),
          code("end_reason", {"planned", "early_termination", "no_show", "transfer", "other"}, true)},
         {"trajectory_id"},
         false,
         {{"municipality_code", "municipalities"},
          {"provider_id", "institutions", {"provider", "local_team"}}}},
        {"costs",
         {code("subject_type", {"measure", "trajectory"}), id("subject_id"),
          of_kind("quarter", FieldKind::quarter), of_kind("projected_eur", FieldKind::amount, true),
          of_kind("actual_eur", FieldKind::amount, true)},
         {"quarter", "subject_type", "subject_id"},
         false},
        {"outcomes",
         {id("trajectory_id"), code("moment", {"start", "end", "followup_6m", "followup_24m"}),
          integer("experience_youth", 1, 10, true), integer("experience_parent", 1, 10, true),
          code("goal_education", goal_flag, true), code("goal_family_balance", goal_flag, true),
          code("goal_problem_reduction", goal_flag, true),
          code("goal_participation", goal_flag, true)},
         {"trajectory_id", "moment"},
         false,
         {{"trajectory_id", "trajectories"}}},
        {"waiting_lists",
         {id("provider_id"), integer("segment", 1, 7), of_kind("quarter", FieldKind::quarter),
          integer("waiting_count", 0, many), integer("longest_wait_days", 0, 36500)},
         {"quarter", "provider_id", "segment"},
         false,
         {{"provider_id", "institutions", {"provider", "local_team"}}}},
        {"norms",
         {integer("segment", 1, 7), code("intensity", {"perspectief", "intensief", "acuut", "duurzaam"}),
          integer("max_duration_days", 1, 36500)},
         {"segment", "intensity"},
         false},
        // kpi_id and breakdown are checked against the query headers (import/target_checks).
        {"kpi_targets",
         {id("kpi_id"), id("scope_code"), integer("year", 2000, 2100),
          of_kind("breakdown", FieldKind::breakdown, true), of_kind("target", FieldKind::decimal),
          code("direction", {"lower_is_better", "higher_is_better"})},
         {"kpi_id", "scope_code", "year", "breakdown"},
         false},
        {"notes",
         {id("note_id"), id("scope_code"), of_kind("quarter", FieldKind::quarter), id("kpi_id", true),
          code("kind", {"toelichting", "afspraak"}), limited_text("text", 1000), text("owner", true),
          of_kind("due_quarter", FieldKind::quarter, true), code("status", {"open", "done", "dropped"}, true)},
         {"note_id"},
         false},
        {"recipients",
         {id("scope_code"), text("name"), of_kind("email", FieldKind::email),
          code("role", {"policy", "council", "contract_management", "gi"}),
          of_kind("reports", FieldKind::report_list)},
         {"scope_code", "email"},
         false},
    };
}

} // namespace

int FileSpec::column_index(std::string_view name) const {
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return static_cast<int>(i);
    return -1;
}

const std::vector<FileSpec>& file_specs() {
    static const std::vector<FileSpec> specs = build_specs();
    return specs;
}

const FileSpec* find_file_spec(std::string_view table) {
    for (const auto& spec : file_specs())
        if (spec.table == table) return &spec;
    return nullptr;
}

const FileSpec& file_spec(std::string_view table) {
    if (const FileSpec* spec = find_file_spec(table)) return *spec;
    throw std::out_of_range("no file spec for table " + std::string(table));
}

std::vector<std::string> column_codes(const ColumnSpec& column) {
    if (column.kind == FieldKind::code) return column.codes;
    std::vector<std::string> codes;
    if (column.kind == FieldKind::integer)
        for (auto n = column.min; n <= column.max; ++n) codes.push_back(std::to_string(n));
    return codes;
}

std::vector<std::string> column_codes(std::string_view table, std::string_view column) {
    const FileSpec& spec = file_spec(table);
    return column_codes(spec.columns.at(spec.column_index(column)));
}

} // namespace ss
