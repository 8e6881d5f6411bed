#include "kpi/quarter_scopes.hpp"

#include <SQLiteCpp/Statement.h>

namespace ss {

namespace {

std::optional<double> number_or_none(const SQLite::Column& c) {
    return c.isNull() ? std::nullopt : std::optional(c.getDouble());
}

} // namespace

QuarterScopes read_quarter_scopes(SQLite::Database& db) {
    QuarterScopes q;
    SQLite::Statement scopes(db, "SELECT s.scope_type, s.scope_code, y.youths FROM scopes s "
                                 "LEFT JOIN scope_youths y ON y.scope_type = s.scope_type AND y.scope_code = s.scope_code");
    while (scopes.executeStep())
        q.scopes.push_back({scopes.getColumn(0).getString(), scopes.getColumn(1).getString(), number_or_none(scopes.getColumn(2))});
    SQLite::Statement gis(db, "SELECT g.scope_code, g.region_code, g.institution_id, y.youths FROM gi_scopes g "
                              "LEFT JOIN scope_youths y ON y.scope_type = 'gi' AND y.scope_code = g.scope_code");
    while (gis.executeStep())
        q.gi_scopes.push_back({gis.getColumn(0).getString(), gis.getColumn(1).getString(), gis.getColumn(2).getString(),
                               number_or_none(gis.getColumn(3))});
    SQLite::Statement segments(db, "SELECT breakdown, segment FROM segment_codes");
    while (segments.executeStep()) q.segments.emplace_back(segments.getColumn(0).getString(), segments.getColumn(1).getInt());
    SQLite::Statement reasons(db, "SELECT breakdown, end_reason FROM trajectory_end_reason_codes");
    while (reasons.executeStep()) q.end_reasons.emplace_back(reasons.getColumn(0).getString(), reasons.getColumn(1).getString());
    return q;
}

} // namespace ss
