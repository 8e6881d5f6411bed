// Checks that span files: keys unique within the delivery, and every reference resolving to a
// record in the delivery or already in the database (with the right institution kind).
#pragma once

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "import/delivery.hpp"
#include "import/key_order.hpp"

namespace ss {

/// Ids a delivery may refer to, per referenced table: id -> institution kind ("" elsewhere).
struct KnownKeys {
    std::map<std::string, std::unordered_map<std::string, std::string>> by_table;
};

/// The tables that other files refer to by a single id column.
const std::vector<std::string>& referenced_tables();

/// `orders` from key_orders(delivery): a repeated key is found as two neighbours.
void check_unique_keys(const Delivery& delivery, const KeyOrders& orders, std::vector<Issue>& issues);
/// `in_database` holds the keys already stored; the delivery's own keys are added to them.
void check_references(const Delivery& delivery, const KnownKeys& in_database,
                      std::vector<Issue>& issues);

} // namespace ss
