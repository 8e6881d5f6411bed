#include "import/delivery_checks.hpp"

#include <algorithm>

#include "core/text_split.hpp"

namespace ss {

namespace {

std::string describe_key(const Table& t, size_t row) {
    std::string s;
    for (const auto& name : t.spec->key) {
        if (!s.empty()) s += ", ";
        s += name + "=" + value_text(t.at(row, t.spec->column_index(name)));
    }
    return s;
}

/// The delivery's keys merged over the database's.
KnownKeys merge_keys(const Delivery& delivery, const KnownKeys& in_database) {
    KnownKeys known = in_database;
    for (const auto& name : referenced_tables()) {
        auto& ids = known.by_table[name];
        const Table* t = delivery.find(name);
        if (!t) continue;
        const int kind_column = t->spec->column_index("kind");
        for (size_t r = 0; r < t->rows(); ++r) {
            const std::string kind = name == "institutions" ? value_text(t->at(r, kind_column)) : "";
            ids[value_text(t->at(r, 0))] = kind;
        }
    }
    return known;
}

void check_reference(const Table& t, const Reference& ref, const KnownKeys& known,
                     std::vector<Issue>& issues) {
    const int column = t.spec->column_index(ref.column);
    const auto& ids = known.by_table.at(ref.table);
    for (size_t r = 0; r < t.rows(); ++r) {
        const Value& v = t.at(r, column);
        if (is_null(v)) continue;
        const std::string id = value_text(v);
        auto it = ids.find(id);
        if (it == ids.end()) {
            issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[r], ref.column, id,
                              "is not in " + ref.table + ".csv nor in the database"});
        } else if (!ref.kinds.empty() &&
                   std::find(ref.kinds.begin(), ref.kinds.end(), it->second) == ref.kinds.end()) {
            issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[r], ref.column, id,
                              "is an institution of kind '" + it->second + "' (expected " +
                                  join(ref.kinds, " or ") + ")"});
        }
    }
}

/// A column whose target table depends on the row: costs by subject_type; scopes of targets
/// and recipients are a region or a municipality.
void check_polymorphic(const Table& t, const KnownKeys& known, std::vector<Issue>& issues) {
    const std::string& name = t.spec->table;
    const std::string file = t.spec->file_name();
    if (name == "costs") {
        for (size_t r = 0; r < t.rows(); ++r) {
            if (is_null(t.at(r, 0)) || is_null(t.at(r, 1))) continue; // reported as a field error
            const std::string type = value_text(t.at(r, 0));
            const std::string target = type == "measure" ? "measures" : "trajectories";
            const std::string id = value_text(t.at(r, 1));
            if (!known.by_table.at(target).count(id))
                issues.push_back({Issue::Severity::error, file, t.lines[r], "subject_id", id,
                                  "is not a " + type + " in " + target + ".csv nor in the database"});
        }
    } else if (name == "kpi_targets" || name == "recipients" || name == "notes") {
        const int column = t.spec->column_index("scope_code");
        for (size_t r = 0; r < t.rows(); ++r) {
            if (is_null(t.at(r, column))) continue;
            const std::string id = value_text(t.at(r, column));
            if (!known.by_table.at("regions").count(id) && !known.by_table.at("municipalities").count(id))
                issues.push_back({Issue::Severity::error, file, t.lines[r], "scope_code", id,
                                  "is neither a region nor a municipality code"});
        }
    }
}

} // namespace

const std::vector<std::string>& referenced_tables() {
    static const std::vector<std::string> tables = {"regions",      "municipalities", "institutions",
                                                    "case_workers", "measures",       "trajectories"};
    return tables;
}

void check_unique_keys(const Delivery& delivery, const KeyOrders& orders, std::vector<Issue>& issues) {
    for (const auto& [name, table] : delivery.tables) {
        const Table& t = table; // a lambda may not capture a structured binding before clang 16
        const auto& order = orders.at(name);
        const std::vector<int> columns = key_columns(t);
        // A NULL in a key column is a field error reported already, not a duplicate.
        auto has_null = [&](std::uint32_t row) {
            return std::any_of(columns.begin(), columns.end(), [&](int c) { return is_null(t.at(row, c)); });
        };
        size_t first = 0; // the first row of the current run of equal keys
        for (size_t i = 1; i < order.size(); ++i) {
            if (has_null(order[i])) continue;
            if (!same_key(t, columns, order[first], order[i])) {
                first = i;
                continue;
            }
            issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[order[i]], "", "",
                              "repeats the key (" + describe_key(t, order[i]) + ") of line " +
                                  std::to_string(t.lines[order[first]])});
        }
    }
}

void check_references(const Delivery& delivery, const KnownKeys& in_database,
                      std::vector<Issue>& issues) {
    const KnownKeys known = merge_keys(delivery, in_database);
    for (const auto& [name, t] : delivery.tables) {
        for (const auto& ref : t.spec->references) check_reference(t, ref, known, issues);
        check_polymorphic(t, known, issues);
    }
}

} // namespace ss
