// The measure database: created with a version, refused with a clear message when it is not ours,
// newer, damaged or missing; foreign keys are on.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "db/schema.hpp"
#include "schema/file_specs.hpp"
#include "kpi/assessment.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {

/// A database as schema 4 left it: deliveries without their history columns, no delivery_files.
void make_version_4(const std::string& path) {
    auto db = open_database(path, OpenMode::create_or_update);
    db->exec("DROP TABLE delivery_files; ALTER TABLE deliveries DROP COLUMN rows_removed;"
             "ALTER TABLE deliveries DROP COLUMN program_version; ALTER TABLE deliveries DROP COLUMN snapshot;"
             "ALTER TABLE deliveries DROP COLUMN backup_file; PRAGMA user_version = 4");
}

/// A database as schema 3 left it: targets without breakdown, no notes, no lookup indexes.
void make_version_3(const std::string& path) {
    make_version_4(path);
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("DROP TABLE notes; DROP INDEX trajectories_by_child; DROP INDEX costs_by_subject; DROP TABLE kpi_targets;"
             "CREATE TABLE kpi_targets (kpi_id TEXT NOT NULL, scope_code TEXT NOT NULL, year INTEGER NOT NULL,"
             "  target REAL NOT NULL, direction TEXT NOT NULL, PRIMARY KEY (kpi_id, scope_code, year)) WITHOUT ROWID;"
             "PRAGMA user_version = 3");
}

std::string open_error(const std::string& path, OpenMode mode) {
    try {
        open_database(path, mode);
    } catch (const DatabaseError& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST_CASE("database: a new database gets the schema, its version and foreign keys on") {
    TempDir dir;
    auto db = open_database((dir / "m.db").string(), OpenMode::create_or_update);
    CHECK(stored_schema_version(*db) == schema_version);
    CHECK(query_int(*db, "PRAGMA application_id") == application_id);
    CHECK(query_int(*db, "PRAGMA foreign_keys") == 1);
    for (const auto& spec : file_specs()) {
        INFO(spec.table);
        CHECK(query_int(*db, "SELECT count(*) FROM pragma_table_info('" + spec.table + "')") ==
              static_cast<long long>(spec.columns.size()));
    }
    // A row that refers to nothing is refused by the database itself too.
    CHECK_THROWS(db->exec("INSERT INTO municipalities VALUES ('GM0001', 'X', 'JZ99')"));
}

TEST_CASE("database: opening it again changes nothing") {
    TempDir dir;
    const auto path = (dir / "m.db").string();
    open_database(path, OpenMode::create_or_update);
    const auto before = file_fingerprint(path);
    open_database(path, OpenMode::create_or_update);
    open_database(path, OpenMode::read_only);
    CHECK(file_fingerprint(path) == before);
}

TEST_CASE("database: a database of a newer schema version is refused") {
    TempDir dir;
    const auto path = (dir / "m.db").string();
    {
        auto db = open_database(path, OpenMode::create_or_update);
        db->exec("PRAGMA user_version = " + std::to_string(schema_version + 1));
    }
    const std::string message = open_error(path, OpenMode::create_or_update);
    CHECK(message.find("made by a newer samen-sturen (schema version " + std::to_string(schema_version + 1) +
                       "; this program knows up to " + std::to_string(schema_version) + ")") !=
          std::string::npos);
    CHECK(message.find(path) == 0);
}

TEST_CASE("database: an SQLite file of another program is refused, not changed") {
    TempDir dir;
    const auto path = (dir / "other.db").string();
    {
        SQLite::Database other(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE invoices (id INTEGER)");
    }
    const auto before = file_fingerprint(path);
    CHECK(open_error(path, OpenMode::create_or_update).find("not a samen-sturen measure database") != std::string::npos);
    CHECK(file_fingerprint(path) == before);
}

TEST_CASE("database: a damaged file gives a database error") {
    TempDir dir;
    const auto path = dir / "broken.db";
    write_file(path, std::string("SQLite format 3") + std::string(5000, '\x7f'));
    CHECK(open_error(path.string(), OpenMode::create_or_update).find("cannot be used as a measure database") !=
          std::string::npos);
    write_file(path, "this is a text file, not a database\n");
    CHECK_FALSE(open_error(path.string(), OpenMode::create_or_update).empty());
}

TEST_CASE("database: reading a database that does not exist or is empty says how to make one") {
    TempDir dir;
    CHECK(open_error((dir / "none.db").string(), OpenMode::read_only).find("no such database") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST_CASE("database: a version 1 database is refused by reading commands and migrated by a writing command") {
    TempDir dir;
    const std::string path = (dir / "v1.db").string();
    make_version_3(path);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("DROP TABLE distributions; PRAGMA user_version = 1");
    }
    // A run reads targets per breakdown (schema 4): an older database is migrated by a writing command first.
    CHECK(open_error(path, OpenMode::read_only).find("run 'samen-sturen import' once to migrate it") != std::string::npos);
    auto writing = open_database(path, OpenMode::create_or_update);
    CHECK(stored_schema_version(*writing) == schema_version);
    CHECK(query_int(*writing, "SELECT count(*) FROM sqlite_schema WHERE name = 'distributions'") == 1);
}

TEST_CASE("database: a version 2 database loses the date indexes of trajectories when a writing command opens it") {
    TempDir dir;
    const std::string path = (dir / "v2.db").string();
    make_version_3(path);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("CREATE INDEX trajectories_by_start ON trajectories (start_date);"
                "CREATE INDEX trajectories_by_end ON trajectories (end_date);"
                "PRAGMA user_version = 2");
    }
    const char* count_date_indexes = "SELECT count(*) FROM sqlite_schema WHERE name IN ('trajectories_by_start', 'trajectories_by_end')";
    {
        SQLite::Database before(path);
        CHECK(query_int(before, count_date_indexes) == 2);
    }
    auto writing = open_database(path, OpenMode::create_or_update);
    CHECK(stored_schema_version(*writing) == schema_version);
    CHECK(query_int(*writing, count_date_indexes) == 0);
}

TEST_CASE("database: a version 4 database keeps its deliveries and gains their history") {
    TempDir dir;
    const std::string path = (dir / "v4.db").string();
    make_version_4(path);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO deliveries VALUES (1, '2026-01-20T10:00:00+01:00', '2026-01-15', 'levering-1', 12, 0)");
    }
    {
        auto reading = open_database(path, OpenMode::read_only); // a run reads a version 4 file as it is
        CHECK(query_text(*reading, "SELECT delivered_on FROM deliveries") == "2026-01-15");
    }
    auto db = open_database(path, OpenMode::create_or_update);
    CHECK(stored_schema_version(*db) == 5);
    CHECK(query_text(*db, "SELECT source || ' ' || rows_inserted || ' ' || rows_removed || ' ' || coalesce(backup_file, '-') "
                          "FROM deliveries") == "levering-1 12 0 -");
    CHECK(query_int(*db, "SELECT count(*) FROM delivery_files") == 0);
}

TEST_CASE("database: a version 3 database keeps its targets as targets of the total and gains notes") {
    TempDir dir;
    const std::string path = (dir / "v3.db").string();
    make_version_3(path);
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("INSERT INTO regions VALUES ('JZ31', 'Zuid-Holland Zuid');"
                "INSERT INTO kpi_targets VALUES ('JB06', 'JZ31', 2025, 96.5, 'higher_is_better')");
    }
    auto db = open_database(path, OpenMode::create_or_update);
    CHECK(stored_schema_version(*db) == schema_version);
    CHECK(query_int(*db, "SELECT count(*) FROM kpi_targets WHERE kpi_id = 'JB06' AND breakdown = '' AND target = 96.5") == 1);
    CHECK(query_int(*db, "SELECT count(*) FROM notes") == 0);
    CHECK(query_int(*db, "SELECT count(*) FROM sqlite_schema WHERE name IN ('trajectories_by_child', 'costs_by_subject')") == 2);
    const Targets targets = read_targets(*db, 2025);
    CHECK(targets.at({"JB06", "JZ31", ""}).value == 96.5);
}
