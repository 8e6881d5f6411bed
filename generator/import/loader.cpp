#include "import/loader.hpp"

#include <algorithm>
#include <stdexcept>

#include <SQLiteCpp/Statement.h>

#include "import/value_binding.hpp"

namespace ss {

namespace {

/// INSERT ... ON CONFLICT DO UPDATE ... WHERE something differs: an unchanged row is not written.
std::string upsert_sql(const FileSpec& spec) {
    std::string columns, placeholders, updates, differs;
    for (size_t i = 0; i < spec.columns.size(); ++i) {
        const std::string& c = spec.columns[i].name;
        columns += (i ? ", " : "") + c;
        placeholders += i ? ", ?" : "?";
        if (std::find(spec.key.begin(), spec.key.end(), c) != spec.key.end()) continue;
        updates += (updates.empty() ? "" : ", ") + c + " = excluded." + c;
        differs += (differs.empty() ? "" : " OR ") + c + " IS NOT excluded." + c;
    }
    std::string key;
    for (const auto& k : spec.key) key += (key.empty() ? "" : ", ") + k;
    return "INSERT INTO " + spec.table + " (" + columns + ") VALUES (" + placeholders +
           ") ON CONFLICT (" + key + ") DO UPDATE SET " + updates + " WHERE " + differs;
}

/// The CREATE INDEX statements of a table's secondary indexes.
std::vector<std::string> index_ddl(SQLite::Database& db, const std::string& table) {
    SQLite::Statement q(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                            "tbl_name = ? AND sql IS NOT NULL ORDER BY name");
    q.bind(1, table);
    std::vector<std::string> ddl;
    while (q.executeStep()) ddl.push_back(q.getColumn(1).getString());
    return ddl;
}

void drop_indexes(SQLite::Database& db, const std::string& table) {
    SQLite::Statement q(db, "SELECT name FROM sqlite_schema WHERE type = 'index' AND "
                            "tbl_name = ? AND sql IS NOT NULL");
    q.bind(1, table);
    std::vector<std::string> names;
    while (q.executeStep()) names.push_back(q.getColumn(0).getString());
    for (const auto& n : names) db.exec("DROP INDEX " + n);
}

constexpr size_t row_prefetch_distance = 8;

void prefetch_row(const Table& t, std::uint32_t row) {
    const char* first = reinterpret_cast<const char*>(&t.at(row, 0));
    const char* end = first + t.width() * sizeof(Value);
    for (const char* p = first; p < end; p += 64) __builtin_prefetch(p);
    __builtin_prefetch(end - 1);
}

/// Thrown when the checks beside the load have found an error: the rest of the load is wasted work.
struct LoadStopped : std::runtime_error {
    LoadStopped() : std::runtime_error("the load was stopped: the delivery's checks found an error") {}
};

/// How many rows are written between two looks at `stop` (a few milliseconds' work).
constexpr size_t rows_between_stop_looks = 4096;

void load_table(SQLite::Database& db, const Table& t, const std::vector<std::uint32_t>& order, const FilePlan& plan,
                const std::atomic<bool>* stop) {
    if (plan.added + plan.changed == 0) return;
    // Filling an empty table: building its indexes once afterwards beats updating them per row.
    const bool bulk = plan.changed + plan.unchanged == 0 && t.rows() >= 10000;
    const std::vector<std::string> indexes = bulk ? index_ddl(db, t.spec->table) : std::vector<std::string>{};
    if (bulk) drop_indexes(db, t.spec->table);

    SQLite::Statement stmt(db, upsert_sql(*t.spec));
    const int width = static_cast<int>(t.width());
    for (size_t i = 0; i < order.size(); ++i) {
        // Rows are read in key order, scattered over the file's order: fetching a row's cells a
        // few rows ahead hides the cache misses that were a fifth of the load (docs/performance.md).
        if (i + row_prefetch_distance < order.size()) {
            prefetch_row(t, order[i + row_prefetch_distance]);
            __builtin_prefetch(&plan.rows[order[i + row_prefetch_distance]]);
        }
        if (stop && i % rows_between_stop_looks == 0 && stop->load(std::memory_order_relaxed)) throw LoadStopped();
        const std::uint32_t r = order[i];
        if (plan.rows[r] == RowChange::unchanged) continue;
        for (int c = 0; c < width; ++c) bind_value(stmt, c + 1, t.at(r, c));
        stmt.exec();
        stmt.reset();
    }
    if (indexes.empty()) return;
    // SQLite sorts an index's entries in memory up to the page cache's size, on one thread. With a
    // small cache it sorts them in pieces on helper threads and merges them: the two large
    // tables' indexes 3.0 -> 2.5 s (docs/performance.md, "Import").
    const int cache = db.execAndGet("PRAGMA cache_size").getInt();
    db.exec("PRAGMA threads = 2");
    db.exec("PRAGMA cache_size = -16384");
    for (const auto& ddl : indexes) db.exec(ddl);
    db.exec("PRAGMA cache_size = " + std::to_string(cache));
}

} // namespace

KnownKeys read_known_keys(SQLite::Database& db) {
    KnownKeys known;
    for (const auto& name : referenced_tables()) {
        auto& ids = known.by_table[name];
        const FileSpec& spec = file_spec(name);
        const bool with_kind = name == "institutions";
        SQLite::Statement q(db, "SELECT " + spec.key.front() + (with_kind ? ", kind" : "") +
                                    " FROM " + name);
        while (q.executeStep())
            ids.emplace(q.getColumn(0).getString(), with_kind ? q.getColumn(1).getString() : "");
    }
    return known;
}

void load_delivery(SQLite::Database& db, const Delivery& delivery, const KeyOrders& orders, const DeliveryPlan& plan,
                   const std::atomic<bool>* stop) {
    for (const auto& spec : file_specs())
        if (const Table* t = delivery.find(spec.table)) load_table(db, *t, orders.at(spec.table), *plan.find(spec.table), stop);
    apply_removals(db, plan);
}

} // namespace ss
