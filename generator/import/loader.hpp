// Writes a planned delivery into the database: its new and changed rows (the plan's judgement,
// so that an unchanged row is not written and a re-import changes nothing), then the records its
// snapshot files remove. The caller holds the transaction: the import is all or nothing.
#pragma once

#include <atomic>

#include <SQLiteCpp/Database.h>

#include "import/delivery.hpp"
#include "import/delivery_checks.hpp"
#include "import/delivery_plan.hpp"
#include "import/key_order.hpp"

namespace ss {

/// The keys of the referenced tables as stored now.
KnownKeys read_known_keys(SQLite::Database& db);

/// Writes the rows `plan` marks new or changed, table by table in file-spec order and each
/// table's rows in `orders` (key order, so that B-tree inserts append), then the plan's removals.
/// When `stop` turns true (checks running beside the load found an error) it throws without
/// finishing; the caller's transaction undoes what was written.
void load_delivery(SQLite::Database& db, const Delivery& delivery, const KeyOrders& orders, const DeliveryPlan& plan,
                   const std::atomic<bool>* stop = nullptr);

} // namespace ss
