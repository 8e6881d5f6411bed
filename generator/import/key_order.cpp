#include "import/key_order.hpp"

#include <algorithm>
#include <cstring>

#include "core/parallel_for.hpp"

namespace ss {

namespace {

/// A sortable entry: the first bytes of the row's composite key, inline so that sorting millions
/// of rows compares contiguous memory instead of chasing every row's strings.
struct KeyPrefix {
    char bytes[24];
    std::uint32_t row;
};

/// Full comparison of two rows' keys, value by value.
int compare_keys(const Table& t, const std::vector<int>& columns, std::uint32_t a, std::uint32_t b) {
    for (int c : columns) {
        const Value& x = t.at(a, c);
        const Value& y = t.at(b, c);
        if (x < y) return -1;
        if (y < x) return 1;
    }
    return 0;
}

void fill_prefix(const Table& t, const std::vector<int>& columns, std::uint32_t row, KeyPrefix& p) {
    std::memset(p.bytes, 0, sizeof p.bytes);
    size_t used = 0;
    std::string scratch;
    for (int c : columns) {
        const Value& v = t.at(row, c);
        const auto* s = std::get_if<std::string>(&v);
        const std::string& text = s ? *s : (scratch = value_text(v));
        const size_t n = std::min(text.size(), sizeof p.bytes - used);
        std::memcpy(p.bytes + used, text.data(), n);
        used += n;
        if (used < sizeof p.bytes) p.bytes[used++] = '\x01'; // separator, sorts below any text
        if (used == sizeof p.bytes) break;
    }
    p.row = row;
}

} // namespace

std::vector<int> key_columns(const Table& t) {
    std::vector<int> columns;
    for (const auto& k : t.spec->key) columns.push_back(t.spec->column_index(k));
    return columns;
}

std::vector<std::uint32_t> key_order(const Table& t) {
    const std::vector<int> columns = key_columns(t);
    std::vector<KeyPrefix> prefixes(t.rows());
    for (std::uint32_t r = 0; r < t.rows(); ++r) fill_prefix(t, columns, r, prefixes[r]);
    std::sort(prefixes.begin(), prefixes.end(), [&](const KeyPrefix& a, const KeyPrefix& b) {
        if (int d = std::memcmp(a.bytes, b.bytes, sizeof a.bytes)) return d < 0;
        // Equal prefixes: long keys with a common start, or the same key twice.
        if (int d = compare_keys(t, columns, a.row, b.row)) return d < 0;
        return a.row < b.row;
    });
    std::vector<std::uint32_t> order(prefixes.size());
    for (size_t i = 0; i < prefixes.size(); ++i) order[i] = prefixes[i].row;
    return order;
}

bool same_key(const Table& t, const std::vector<int>& columns, std::uint32_t a, std::uint32_t b) {
    for (int c : columns)
        if (t.at(a, c) != t.at(b, c)) return false;
    return true;
}

KeyOrders key_orders(const Delivery& delivery, int jobs) {
    KeyOrders orders;
    std::vector<std::pair<const std::string*, const Table*>> unsorted;
    for (const auto& [name, table] : delivery.tables) {
        const auto sorted = delivery.sorted_rows.find(name);
        if (sorted != delivery.sorted_rows.end() && sorted->second.size() == table.rows()) orders[name] = sorted->second;
        else unsorted.emplace_back(&name, &table);
    }
    // The largest first: the costs alone are half the rows, the other worker sorts the rest.
    std::stable_sort(unsorted.begin(), unsorted.end(), [](const auto& a, const auto& b) { return a.second->rows() > b.second->rows(); });
    std::vector<std::vector<std::uint32_t>> sorted(unsorted.size());
    parallel_for(unsorted.size(), jobs, [&](size_t i, size_t) { sorted[i] = key_order(*unsorted[i].second); });
    for (size_t i = 0; i < unsorted.size(); ++i) orders[*unsorted[i].first] = std::move(sorted[i]);
    return orders;
}

} // namespace ss
