// Writes a checked delivery into the database in one transaction: new keys are inserted, known
// keys updated, unchanged rows left untouched (so a re-import changes nothing at all).
#pragma once

#include <map>
#include <string>

#include <SQLiteCpp/Database.h>

#include "import/delivery.hpp"
#include "import/delivery_checks.hpp"
#include "import/key_order.hpp"

namespace ss {

struct TableChanges {
    size_t inserted = 0;
    size_t updated = 0;
    size_t unchanged = 0;
};

struct LoadStats {
    std::map<std::string, TableChanges> tables;
    size_t inserted() const;
    size_t updated() const;
};

/// Where a delivery came from; recorded in `deliveries` when it changed anything.
struct DeliveryInfo {
    std::string source;       ///< folder or "demo ..."
    std::string delivered_on; ///< ISO date the data was delivered (shown on every report)
    std::string imported_at;  ///< ISO timestamp
};

/// The keys of the referenced tables as stored now.
KnownKeys read_known_keys(SQLite::Database& db);

/// Loads all tables of `delivery` in file-spec order, all or nothing; each table's rows in
/// `orders` (key order, so that B-tree inserts append).
LoadStats load_delivery(SQLite::Database& db, const Delivery& delivery, const KeyOrders& orders,
                        const DeliveryInfo& info);

} // namespace ss
