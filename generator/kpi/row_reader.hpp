// Rows read through SQLite's C interface for the histories the fast-path KPIs count from
// (kpi/trajectory_history, kpi/measure_history): SQLiteCpp's Column objects cost a reference
// count per value, a third of reading a million trajectories.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include "core/dates.hpp"
#include "core/errors.hpp"

namespace ss {

class RowReader {
public:
    /// `reading` says what is read, for the message of a failure ("reading the trajectories for
    /// the trajectory KPIs").
    RowReader(SQLite::Database& db, const char* sql, std::string reading) : db_(db.getHandle()), reading_(std::move(reading)) {
        if (sqlite3_prepare_v2(db_, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
    }
    ~RowReader() { sqlite3_finalize(stmt_); }
    RowReader(const RowReader&) = delete;
    RowReader& operator=(const RowReader&) = delete;

    bool next() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail();
        return false;
    }
    std::string_view text(int column) const {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return text ? std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
    }
    bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
    int integer(int column) const { return sqlite3_column_int(stmt_, column); }
    sqlite3_int64 integer64(int column) const { return sqlite3_column_int64(stmt_, column); }
    bool is_integer(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_INTEGER; }
    double real(int column) const { return sqlite3_column_double(stmt_, column); }

private:
    [[noreturn]] void fail() const { throw DatabaseError(reading_ + ": " + sqlite3_errmsg(db_)); }
    sqlite3* db_;
    std::string reading_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// The days of an ISO date as the import wrote it into `table` (a row of `subject` `id`, its
/// `column`); anything else is a database edited by hand, named with the row.
inline std::int32_t stored_days(std::string_view text, const char* table, const char* subject, std::string_view id,
                                const char* column) {
    const auto date = parse_iso_date(text);
    if (!date)
        throw DatabaseError(std::string(table) + ": " + subject + " " + std::string(id) + " has " + column + " '" +
                            std::string(text) + "', not a date YYYY-MM-DD (import the delivery again)");
    return date->days;
}

} // namespace ss
