// The distributions table: what was sent to whom for a quarter, how, how often and with what
// result. A re-run reads it to send nothing twice and to try a failed delivery again.
#pragma once

#include <optional>
#include <string>

#include <SQLiteCpp/Database.h>

#include "distribute/distribution_plan.hpp"

namespace ss {

/// What the log holds of one delivery (quarter, scope, address and content).
struct LoggedDelivery {
    bool sent = false;
    int attempts = 0;
};

/// The earlier attempts at delivering `d` in `quarter`, or nothing when it was never tried.
std::optional<LoggedDelivery> logged_delivery(SQLite::Database& db, const std::string& quarter, const PlannedDelivery& d);

/// Records the outcome of this run's attempts at `d`: sent when `error` is empty, else failed
/// with it; `attempts` counts every try so far; `transport` says how (outbox or SMTP server).
void log_delivery(SQLite::Database& db, const std::string& quarter, const PlannedDelivery& d, const std::string& error,
                  int attempts, const std::string& transport);

} // namespace ss
