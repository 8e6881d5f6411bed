#include "import/delivery_checks.hpp"

#include <algorithm>
#include <optional>
#include <string_view>

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

/// A cell's text without a copy when it is text (ids always are); `scratch` holds any other.
std::string_view cell_text(const Value& v, std::string& scratch) {
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    scratch = value_text(v);
    return scratch;
}

/// The ids a reference may resolve to: the delivery's own (viewed in its cells, not copied:
/// millions of trajectories and measures) before those stored in the database.
class KeyLookup {
  public:
    KeyLookup(const Delivery& delivery, const KnownKeys& in_database) : in_database_(in_database) {
        for (const auto& name : referenced_tables()) {
            auto& ids = delivered_[name];
            const Table* t = delivery.find(name);
            if (!t) continue;
            ids.reserve(t->rows());
            const int kind_column = name == "institutions" ? t->spec->column_index("kind") : -1;
            for (size_t r = 0; r < t->rows(); ++r) {
                const auto* id = std::get_if<std::string>(&t->at(r, 0));
                if (!id) continue; // a missing id is a field error reported already
                const auto* kind = kind_column < 0 ? nullptr : std::get_if<std::string>(&t->at(r, kind_column));
                ids[*id] = kind ? std::string_view(*kind) : std::string_view();
            }
        }
    }

    /// The kind of record `id` of `table` (institutions; "" elsewhere), or nothing when unknown.
    std::optional<std::string_view> find(const std::string& table, std::string_view id) const {
        const auto& delivered = delivered_.at(table);
        if (auto it = delivered.find(id); it != delivered.end()) return it->second;
        const auto& stored = in_database_.by_table.at(table);
        if (auto it = stored.find(std::string(id)); it != stored.end()) return std::string_view(it->second);
        return std::nullopt;
    }

  private:
    const KnownKeys& in_database_;
    std::map<std::string, std::unordered_map<std::string_view, std::string_view>> delivered_;
};

void check_reference(const Table& t, const Reference& ref, const KeyLookup& known,
                     std::vector<Issue>& issues) {
    const int column = t.spec->column_index(ref.column);
    std::string scratch;
    for (size_t r = 0; r < t.rows(); ++r) {
        const Value& v = t.at(r, column);
        if (is_null(v)) continue;
        const std::string_view id = cell_text(v, scratch);
        const auto kind = known.find(ref.table, id);
        if (!kind) {
            issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[r], ref.column, std::string(id),
                              "is not in " + ref.table + ".csv nor in the database"});
        } else if (!ref.kinds.empty() && std::find(ref.kinds.begin(), ref.kinds.end(), *kind) == ref.kinds.end()) {
            issues.push_back({Issue::Severity::error, t.spec->file_name(), t.lines[r], ref.column, std::string(id),
                              "is an institution of kind '" + std::string(*kind) + "' (expected " +
                                  join(ref.kinds, " or ") + ")"});
        }
    }
}

/// A column whose target table depends on the row: costs by subject_type; scopes of targets
/// and recipients are a region or a municipality.
void check_polymorphic(const Table& t, const KeyLookup& known, std::vector<Issue>& issues) {
    const std::string& name = t.spec->table;
    const std::string file = t.spec->file_name();
    std::string scratch;
    if (name == "costs") {
        const std::string measures = "measures", trajectories = "trajectories";
        for (size_t r = 0; r < t.rows(); ++r) {
            if (is_null(t.at(r, 0)) || is_null(t.at(r, 1))) continue; // reported as a field error
            const std::string type = value_text(t.at(r, 0));
            const std::string& target = type == "measure" ? measures : trajectories;
            const std::string_view id = cell_text(t.at(r, 1), scratch);
            if (!known.find(target, id))
                issues.push_back({Issue::Severity::error, file, t.lines[r], "subject_id", std::string(id),
                                  "is not a " + type + " in " + target + ".csv nor in the database"});
        }
    } else if (name == "kpi_targets" || name == "recipients" || name == "notes") {
        const int column = t.spec->column_index("scope_code");
        for (size_t r = 0; r < t.rows(); ++r) {
            if (is_null(t.at(r, column))) continue;
            const std::string_view id = cell_text(t.at(r, column), scratch);
            if (!known.find("regions", id) && !known.find("municipalities", id))
                issues.push_back({Issue::Severity::error, file, t.lines[r], "scope_code", std::string(id),
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
    const KeyLookup known(delivery, in_database);
    for (const auto& [name, t] : delivery.tables) {
        for (const auto& ref : t.spec->references) check_reference(t, ref, known, issues);
        check_polymorphic(t, known, issues);
    }
}

} // namespace ss
