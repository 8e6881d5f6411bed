#include "distribute/distribution_log.hpp"

#include <SQLiteCpp/Statement.h>
#include <nlohmann/json.hpp>

#include "core/local_time.hpp"

namespace ss {

namespace {

std::string files_json(const PlannedDelivery& d) {
    nlohmann::json files = nlohmann::json::array();
    for (const auto& f : d.files)
        files.push_back({{"path", f.file.path}, {"sha256", f.file.sha256}, {"bytes", f.file.bytes}, {"attached", f.attached}});
    return files.dump();
}

std::string reports_text(const Recipient& r) {
    std::string out;
    for (const auto& k : r.reports) out += (out.empty() ? "" : ";") + k;
    return out;
}

} // namespace

std::optional<LoggedDelivery> logged_delivery(SQLite::Database& db, const std::string& quarter, const PlannedDelivery& d) {
    SQLite::Statement previous(db, "SELECT status, attempts FROM distributions WHERE quarter = ? AND scope_code = ? "
                                   "AND email = ? AND content_sha256 = ?");
    previous.bind(1, quarter);
    previous.bind(2, d.recipient.scope_code);
    previous.bind(3, d.recipient.email);
    previous.bind(4, d.content_sha256);
    if (!previous.executeStep()) return std::nullopt;
    return LoggedDelivery{previous.getColumn(0).getString() == "sent", previous.getColumn(1).getInt()};
}

void log_delivery(SQLite::Database& db, const std::string& quarter, const PlannedDelivery& d, const std::string& error,
                  int attempts, const std::string& transport) {
    SQLite::Statement record(db, "INSERT OR REPLACE INTO distributions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    record.bind(1, quarter);
    record.bind(2, d.recipient.scope_code);
    record.bind(3, d.recipient.email);
    record.bind(4, d.content_sha256);
    record.bind(5, reports_text(d.recipient));
    record.bind(6, files_json(d));
    record.bind(7, error.empty() ? "sent" : "failed");
    record.bind(8, attempts);
    if (error.empty()) record.bind(9);
    else record.bind(9, error);
    record.bind(10, transport);
    record.bind(11, local_timestamp());
    record.exec();
}

} // namespace ss
