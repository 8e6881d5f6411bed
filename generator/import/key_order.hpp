// The rows of a table in primary-key order, computed once per import: duplicates become
// neighbours (the uniqueness check) and the database receives rows in B-tree order (the load).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "import/delivery.hpp"

namespace ss {

/// Row numbers of `table` sorted by its key; rows with equal keys keep their file order.
std::vector<std::uint32_t> key_order(const Table& table);

/// The column indexes of `table`'s key.
std::vector<int> key_columns(const Table& table);

/// True when rows `a` and `b` have the same values in `columns` (from key_columns()).
bool same_key(const Table& table, const std::vector<int>& columns, std::uint32_t a, std::uint32_t b);

using KeyOrders = std::map<std::string, std::vector<std::uint32_t>>;
/// Every table's key_order(): the delivery's sorted_rows where the reader sorted them, the other
/// tables sorted on up to `jobs` workers (0: the machine's cores).
KeyOrders key_orders(const Delivery& delivery, int jobs);

} // namespace ss
