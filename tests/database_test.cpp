// The measure database: created with a version, refused with a clear message when it is not ours,
// newer, damaged or missing; foreign keys are on.
#include <doctest/doctest.h>

#include "core/errors.hpp"
#include "db/database.hpp"
#include "db/schema.hpp"
#include "import/file_specs.hpp"
#include "test_support.hpp"

using namespace ss;
using namespace ss::test;

namespace {
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

TEST_CASE("database: a version 1 database is read as it is and migrated by a writing command") {
    TempDir dir;
    const std::string path = (dir / "v1.db").string();
    {
        auto db = open_database(path, OpenMode::create_or_update);
        db->exec("DROP TABLE distributions");
        db->exec("PRAGMA user_version = 1");
    }
    {
        auto reading = open_database(path, OpenMode::read_only); // kpis and run read no table of version 2
        CHECK(stored_schema_version(*reading) == 1);
    }
    auto writing = open_database(path, OpenMode::create_or_update);
    CHECK(stored_schema_version(*writing) == schema_version);
    CHECK(query_int(*writing, "SELECT count(*) FROM sqlite_schema WHERE name = 'distributions'") == 1);
}

TEST_CASE("database: a version 2 database loses the date indexes of trajectories when a writing command opens it") {
    TempDir dir;
    const std::string path = (dir / "v2.db").string();
    {
        auto db = open_database(path, OpenMode::create_or_update);
        db->exec("CREATE INDEX trajectories_by_start ON trajectories (start_date);"
                 "CREATE INDEX trajectories_by_end ON trajectories (end_date);"
                 "PRAGMA user_version = 2");
    }
    const char* count_indexes = "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'trajectories_by_%'";
    {
        auto reading = open_database(path, OpenMode::read_only);
        CHECK(stored_schema_version(*reading) == 2);
        CHECK(query_int(*reading, count_indexes) == 2);
    }
    auto writing = open_database(path, OpenMode::create_or_update);
    CHECK(stored_schema_version(*writing) == 3);
    CHECK(query_int(*writing, count_indexes) == 0);
}
