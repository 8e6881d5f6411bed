#include "import/delivery_history.hpp"

#include <map>

#include <SQLiteCpp/Statement.h>

namespace ss {

namespace {

bool has_column(SQLite::Database& db, const std::string& table, const std::string& column) {
    SQLite::Statement q(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
    q.bind(1, table);
    q.bind(2, column);
    return q.executeStep();
}

} // namespace

std::int64_t next_delivery_id(SQLite::Database& db) {
    return db.execAndGet("SELECT coalesce(max(delivery_id), 0) + 1 FROM deliveries").getInt64();
}

std::vector<DeliveredFile> delivered_files(const DeliveryPlan& plan, const std::map<std::string, std::string>& sha256) {
    std::vector<DeliveredFile> files;
    for (const auto& f : plan.files) {
        const auto hash = sha256.find(f.table);
        files.push_back({f.table + ".csv", hash == sha256.end() ? "" : hash->second, f.added + f.changed + f.unchanged,
                         f.added, f.changed, f.unchanged, f.removed, examples_text(f)});
    }
    return files;
}

void record_delivery(SQLite::Database& db, const DeliveryRecord& r) {
    SQLite::Statement delivery(db, "INSERT INTO deliveries (delivery_id, imported_at, delivered_on, source, rows_inserted, "
                                   "rows_updated, rows_removed, program_version, snapshot, backup_file) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    delivery.bind(1, r.id);
    delivery.bind(2, r.imported_at);
    delivery.bind(3, r.delivered_on);
    delivery.bind(4, r.source);
    delivery.bind(5, static_cast<std::int64_t>(r.added));
    delivery.bind(6, static_cast<std::int64_t>(r.changed));
    delivery.bind(7, static_cast<std::int64_t>(r.removed));
    delivery.bind(8, r.program_version);
    delivery.bind(9, r.snapshot);
    if (r.backup_file.empty()) delivery.bind(10);
    else delivery.bind(10, r.backup_file);
    delivery.exec();
    SQLite::Statement file(db, "INSERT INTO delivery_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& f : r.files) {
        file.bind(1, r.id);
        file.bind(2, f.file);
        file.bind(3, f.sha256);
        file.bind(4, static_cast<std::int64_t>(f.rows));
        file.bind(5, static_cast<std::int64_t>(f.added));
        file.bind(6, static_cast<std::int64_t>(f.changed));
        file.bind(7, static_cast<std::int64_t>(f.unchanged));
        file.bind(8, static_cast<std::int64_t>(f.removed));
        file.bind(9, f.examples);
        file.exec();
        file.reset();
    }
}

std::vector<DeliveryRecord> read_deliveries(SQLite::Database& db) {
    const bool history = has_column(db, "deliveries", "backup_file");
    SQLite::Statement q(db, history ? "SELECT delivery_id, imported_at, delivered_on, source, rows_inserted, rows_updated, "
                                      "rows_removed, program_version, snapshot, coalesce(backup_file, '') FROM deliveries "
                                      "ORDER BY delivery_id"
                                    : "SELECT delivery_id, imported_at, delivered_on, source, rows_inserted, rows_updated, "
                                      "0, '', '', '' FROM deliveries ORDER BY delivery_id");
    std::vector<DeliveryRecord> records;
    std::map<std::int64_t, size_t> by_id;
    while (q.executeStep()) {
        DeliveryRecord r;
        r.id = q.getColumn(0).getInt64();
        r.imported_at = q.getColumn(1).getString();
        r.delivered_on = q.getColumn(2).getString();
        r.source = q.getColumn(3).getString();
        r.added = static_cast<size_t>(q.getColumn(4).getInt64());
        r.changed = static_cast<size_t>(q.getColumn(5).getInt64());
        r.removed = static_cast<size_t>(q.getColumn(6).getInt64());
        r.program_version = q.getColumn(7).getString();
        r.snapshot = q.getColumn(8).getString();
        r.backup_file = q.getColumn(9).getString();
        by_id[r.id] = records.size();
        records.push_back(std::move(r));
    }
    if (!history) return records;
    SQLite::Statement files(db, "SELECT delivery_id, file, sha256, rows, added, changed, unchanged, removed, examples "
                                "FROM delivery_files ORDER BY delivery_id, rowid");
    while (files.executeStep()) {
        const auto it = by_id.find(files.getColumn(0).getInt64());
        if (it == by_id.end()) continue;
        records[it->second].files.push_back(
            {files.getColumn(1).getString(), files.getColumn(2).getString(), static_cast<size_t>(files.getColumn(3).getInt64()),
             static_cast<size_t>(files.getColumn(4).getInt64()), static_cast<size_t>(files.getColumn(5).getInt64()),
             static_cast<size_t>(files.getColumn(6).getInt64()), static_cast<size_t>(files.getColumn(7).getInt64()),
             files.getColumn(8).getString()});
    }
    return records;
}

} // namespace ss
