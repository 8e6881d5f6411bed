#include "import/delivery_plan.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include <SQLiteCpp/Statement.h>

#include "core/text_split.hpp"
#include "import/value_binding.hpp"

namespace ss {

namespace {

constexpr size_t examples_kept = 3;
constexpr size_t orphans_listed = 20;

/// The SQL expression giving a stored record's municipality (or institution) in a snapshot's
/// scope; the record is `r`. Records of children follow their measure or trajectory.
std::string scope_expression(const std::string& table, SnapshotScope scope) {
    const bool m = scope == SnapshotScope::municipalities;
    const std::string measure_column = m ? "municipality_code" : "institution_id";
    const std::string trajectory_column = m ? "municipality_code" : "provider_id";
    auto of_measure = [&](const std::string& id) {
        return "(SELECT x." + measure_column + " FROM main.measures x WHERE x.measure_id = " + id + ")";
    };
    auto of_trajectory = [&](const std::string& id) {
        return "(SELECT x." + trajectory_column + " FROM main.trajectories x WHERE x.trajectory_id = " + id + ")";
    };
    if (table == "population") return "r.municipality_code";
    if (table == "case_workers") return "r.institution_id";
    if (table == "waiting_lists") return "r.provider_id";
    if (table == "measures") return "r." + measure_column;
    if (table == "trajectories") return "r." + trajectory_column;
    if (table == "measure_extensions" || table == "measure_progress") return of_measure("r.measure_id");
    if (table == "outcomes") return of_trajectory("r.trajectory_id");
    // costs
    return "CASE r.subject_type WHEN 'measure' THEN " + of_measure("r.subject_id") + " ELSE " +
           of_trajectory("r.subject_id") + " END";
}

/// A record of `child` refers to a record of `parent` (a snapshot may not remove the one and keep
/// the other): the child's column and, for costs, the subject type it must have.
struct Dependency {
    std::string parent, child, column, subject_type;
};

/// The references of the file specs between record files that can be snapshots, and the cost
/// records' subject (a measure or a trajectory, which the specs cannot state as one reference);
/// grouped by parent in file order.
const std::vector<Dependency>& dependencies() {
    static const std::vector<Dependency> list = [] {
        const auto& snapshots = snapshot_tables();
        auto is_snapshot = [&](const std::string& t) { return std::find(snapshots.begin(), snapshots.end(), t) != snapshots.end(); };
        std::vector<Dependency> found;
        for (const auto& spec : file_specs())
            for (const auto& ref : spec.references)
                if (is_snapshot(ref.table) && is_snapshot(spec.table)) found.push_back({ref.table, spec.table, ref.column, ""});
        found.push_back({"measures", "costs", "subject_id", "measure"});
        found.push_back({"trajectories", "costs", "subject_id", "trajectory"});
        std::stable_sort(found.begin(), found.end(), [&](const Dependency& a, const Dependency& b) {
            return std::find(snapshots.begin(), snapshots.end(), a.parent) < std::find(snapshots.begin(), snapshots.end(), b.parent);
        });
        return found;
    }();
    return list;
}

std::string key_text(const Table& table, const std::vector<int>& key, size_t row) {
    std::vector<std::string> parts;
    for (int c : key)
        if (std::string part = value_text(table.at(row, static_cast<size_t>(c))); !part.empty()) parts.push_back(std::move(part));
    return join(parts, " / ");
}

/// "a = x.a AND b = x.b" over the key columns of `spec`.
std::string key_match(const FileSpec& spec, const std::string& left, const std::string& right) {
    std::vector<std::string> terms;
    for (const auto& k : spec.key) terms.push_back(left + "." + k + " = " + right + "." + k);
    return join(terms, " AND ");
}

std::string key_list(const FileSpec& spec, const std::string& alias = "") {
    std::vector<std::string> columns;
    for (const auto& k : spec.key) columns.push_back(alias.empty() ? k : alias + "." + k);
    return join(columns, ", ");
}

bool table_is_empty(SQLite::Database& db, const std::string& table) {
    SQLite::Statement any(db, "SELECT 1 FROM main." + table + " LIMIT 1");
    return !any.executeStep();
}

void add_example(std::vector<std::string>& examples, std::string key) {
    if (examples.size() < examples_kept) examples.push_back(std::move(key));
}

/// New, changed or unchanged per delivered row, judged as the load's upsert judges it (a stored
/// value IS NOT the delivered one), so that the plan and the load cannot disagree.
void judge_rows(SQLite::Database& db, const Table& table, const std::vector<std::uint32_t>& order, FilePlan& plan) {
    const FileSpec& spec = *table.spec;
    const std::vector<int> key = key_columns(table);
    plan.rows.assign(table.rows(), RowChange::added);
    if (table_is_empty(db, spec.table)) {
        plan.added = table.rows();
        for (size_t i = 0; i < order.size() && i < examples_kept; ++i) add_example(plan.added_examples, key_text(table, key, order[i]));
        return;
    }
    std::vector<std::string> differs, where;
    std::vector<int> compared;
    for (size_t c = 0; c < spec.columns.size(); ++c) {
        const std::string& name = spec.columns[c].name;
        if (std::find(spec.key.begin(), spec.key.end(), name) != spec.key.end()) continue;
        differs.push_back("(" + name + " IS NOT ?)");
        compared.push_back(static_cast<int>(c));
    }
    for (int c : key) where.push_back(spec.columns[static_cast<size_t>(c)].name + " = ?");
    SQLite::Statement stmt(db, "SELECT " + (differs.empty() ? std::string("0") : join(differs, " OR ")) + " FROM main." +
                                   spec.table + " WHERE " + join(where, " AND "));
    for (const std::uint32_t r : order) {
        int index = 1;
        for (int c : compared) bind_value(stmt, index++, table.at(r, static_cast<size_t>(c)));
        for (int c : key) bind_value(stmt, index++, table.at(r, static_cast<size_t>(c)));
        RowChange change = RowChange::added;
        if (stmt.executeStep()) change = stmt.getColumn(0).getInt() ? RowChange::changed : RowChange::unchanged;
        stmt.reset();
        plan.rows[r] = change;
        if (change == RowChange::added) {
            ++plan.added;
            add_example(plan.added_examples, key_text(table, key, r));
        } else if (change == RowChange::changed) {
            ++plan.changed;
            add_example(plan.changed_examples, key_text(table, key, r));
        } else {
            ++plan.unchanged;
        }
    }
}

/// temp.delivered_<table>: the keys the delivery holds for `table`, typed like the table's own.
void store_delivered_keys(SQLite::Database& db, const Table& table) {
    const FileSpec& spec = *table.spec;
    const std::string name = "delivered_" + spec.table;
    db.exec("DROP TABLE IF EXISTS temp." + name);
    db.exec("CREATE TEMP TABLE " + name + " AS SELECT " + key_list(spec) + " FROM main." + spec.table + " WHERE 0");
    db.exec("CREATE INDEX temp." + name + "_key ON " + name + " (" + key_list(spec) + ")");
    std::string placeholders;
    for (size_t i = 0; i < spec.key.size(); ++i) placeholders += i ? ", ?" : "?";
    SQLite::Statement insert(db, "INSERT INTO temp." + name + " VALUES (" + placeholders + ")");
    const std::vector<int> key = key_columns(table);
    for (size_t r = 0; r < table.rows(); ++r) {
        int index = 1;
        for (int c : key) bind_value(insert, index++, table.at(r, static_cast<size_t>(c)));
        insert.exec();
        insert.reset();
    }
}

/// temp.snapshot_scope: the municipality codes or institution ids the snapshot is complete for.
void store_scope(SQLite::Database& db, const Delivery& delivery, SnapshotScope scope) {
    db.exec("DROP TABLE IF EXISTS temp.snapshot_scope");
    db.exec("CREATE TEMP TABLE snapshot_scope (code TEXT PRIMARY KEY)");
    const Table* listed = delivery.find(scope_name(scope));
    if (!listed) return;
    SQLite::Statement insert(db, "INSERT OR IGNORE INTO temp.snapshot_scope VALUES (?)");
    for (size_t r = 0; r < listed->rows(); ++r) {
        bind_value(insert, 1, listed->at(r, 0));
        insert.exec();
        insert.reset();
    }
}

/// temp.removed_<table>: the stored records of the scope that the snapshot file does not hold.
void find_removals(SQLite::Database& db, const FileSpec& spec, SnapshotScope scope, FilePlan& plan) {
    const std::string name = "removed_" + spec.table;
    db.exec("DROP TABLE IF EXISTS temp." + name);
    db.exec("CREATE TEMP TABLE " + name + " AS SELECT " + key_list(spec, "r") + " FROM main." + spec.table + " r WHERE " +
            scope_expression(spec.table, scope) + " IN (SELECT code FROM temp.snapshot_scope) AND NOT EXISTS (SELECT 1 FROM temp.delivered_" +
            spec.table + " d WHERE " + key_match(spec, "d", "r") + ")");
    db.exec("CREATE INDEX temp." + name + "_key ON " + name + " (" + key_list(spec) + ")");
    plan.removed = static_cast<size_t>(db.execAndGet("SELECT count(*) FROM temp." + name).getInt64());
    SQLite::Statement examples(db, "SELECT " + key_list(spec) + " FROM temp." + name + " ORDER BY " + key_list(spec) +
                                       " LIMIT " + std::to_string(examples_kept));
    while (examples.executeStep()) {
        std::vector<std::string> parts;
        for (int c = 0; c < examples.getColumnCount(); ++c) parts.push_back(examples.getColumn(c).getString());
        plan.removed_examples.push_back(join(parts, " / "));
    }
}

bool has_temp_table(SQLite::Database& db, const std::string& name) {
    SQLite::Statement q(db, "SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND name = ?");
    q.bind(1, name);
    return q.executeStep();
}

std::string singular(const std::string& table) {
    if (table == "case_workers") return "case worker";
    if (table == "measures") return "measure";
    return "trajectory";
}

/// Stored records of `d.child` that point at a record the snapshot removes, and stay (they are
/// neither removed with it nor delivered anew: a delivered row is reported by its line).
void check_stored_dependants(SQLite::Database& db, const Dependency& d, std::vector<Issue>& issues) {
    const FileSpec& child = file_spec(d.child);
    const FileSpec& parent = file_spec(d.parent);
    std::vector<std::string> conditions = {"c." + d.column + " = p." + parent.key.front()};
    if (!d.subject_type.empty()) conditions.push_back("c.subject_type = '" + d.subject_type + "'");
    for (const std::string prefix : {"removed_", "delivered_"})
        if (has_temp_table(db, prefix + d.child))
            conditions.push_back("NOT EXISTS (SELECT 1 FROM temp." + prefix + d.child + " x WHERE " + key_match(child, "x", "c") + ")");
    const std::string sql = "SELECT p." + parent.key.front() + ", count(*) FROM temp.removed_" + d.parent + " p JOIN main." +
                            d.child + " c ON " + join(conditions, " AND ") + " GROUP BY p." + parent.key.front() +
                            " ORDER BY p." + parent.key.front();
    SQLite::Statement q(db, sql + " LIMIT " + std::to_string(orphans_listed + 1));
    size_t found = 0;
    while (q.executeStep()) {
        if (++found > orphans_listed) {
            issues.push_back({Issue::Severity::error, d.parent + ".csv", 0, "", "",
                              "(and more " + d.parent + " whose records in " + d.child + ".csv would be left behind)"});
            break;
        }
        const auto records = q.getColumn(1).getInt64();
        issues.push_back({Issue::Severity::error, d.parent + ".csv", 0, "", "",
                          singular(d.parent) + " " + q.getColumn(0).getString() +
                              " is not in this snapshot, so it would be removed, but " + std::to_string(records) +
                              (records == 1 ? " record" : " records") + " of " + d.child + (records == 1 ? ".csv refers" : ".csv refer") + " to it; deliver " +
                              d.child + ".csv as a snapshot too, or deliver the " + singular(d.parent) + " again"});
    }
}

/// Delivered rows of `d.child` that point at a record the snapshot removes.
void check_delivered_dependants(SQLite::Database& db, const Dependency& d, const Table& child, std::vector<Issue>& issues) {
    std::unordered_set<std::string> removed;
    SQLite::Statement q(db, "SELECT " + file_spec(d.parent).key.front() + " FROM temp.removed_" + d.parent);
    while (q.executeStep()) removed.insert(q.getColumn(0).getString());
    const int column = child.spec->column_index(d.column);
    const int type_column = child.spec->column_index("subject_type");
    size_t found = 0;
    for (size_t r = 0; r < child.rows() && found <= orphans_listed; ++r) {
        if (!d.subject_type.empty() && value_text(child.at(r, static_cast<size_t>(type_column))) != d.subject_type) continue;
        const std::string id = value_text(child.at(r, static_cast<size_t>(column)));
        if (!removed.count(id)) continue;
        if (++found > orphans_listed) break;
        issues.push_back({Issue::Severity::error, child.spec->file_name(), child.lines[r], d.column, id,
                          "is a " + singular(d.parent) + " this snapshot removes (it is not in " + d.parent +
                              ".csv); deliver the " + singular(d.parent) + ", or leave this row out"});
    }
}

} // namespace

size_t DeliveryPlan::added() const {
    size_t n = 0;
    for (const auto& f : files) n += f.added;
    return n;
}

size_t DeliveryPlan::changed() const {
    size_t n = 0;
    for (const auto& f : files) n += f.changed;
    return n;
}

size_t DeliveryPlan::removed() const {
    size_t n = 0;
    for (const auto& f : files) n += f.removed;
    return n;
}

const FilePlan* DeliveryPlan::find(const std::string& table) const {
    for (const auto& f : files)
        if (f.table == table) return &f;
    return nullptr;
}

DeliveryPlan plan_delivery(SQLite::Database& db, const Delivery& delivery, const KeyOrders& orders,
                           const DeliveryDeclaration& declaration, std::vector<Issue>& issues) {
    DeliveryPlan plan;
    const auto& snapshots = declaration.snapshot_tables;
    if (!snapshots.empty()) store_scope(db, delivery, declaration.scope);
    for (const auto& spec : file_specs()) {
        const Table* table = delivery.find(spec.table);
        if (!table) continue;
        FilePlan file;
        file.table = spec.table;
        file.snapshot = std::find(snapshots.begin(), snapshots.end(), spec.table) != snapshots.end();
        judge_rows(db, *table, orders.at(spec.table), file);
        if (file.snapshot) {
            store_delivered_keys(db, *table);
            find_removals(db, spec, declaration.scope, file);
        }
        plan.files.push_back(std::move(file));
    }
    for (const auto& d : dependencies()) {
        const FilePlan* parent = plan.find(d.parent);
        if (!parent || parent->removed == 0) continue;
        const Table* child = delivery.find(d.child);
        if (child && !has_temp_table(db, "delivered_" + d.child)) store_delivered_keys(db, *child);
        check_stored_dependants(db, d, issues);
        if (child) check_delivered_dependants(db, d, *child, issues);
    }
    return plan;
}

void apply_removals(SQLite::Database& db, const DeliveryPlan& plan) {
    const auto& order = snapshot_tables();
    for (auto table = order.rbegin(); table != order.rend(); ++table) {
        const FilePlan* file = plan.find(*table);
        if (!file || file->removed == 0) continue;
        const FileSpec& spec = file_spec(*table);
        db.exec("DELETE FROM main." + spec.table + " WHERE (" + key_list(spec) + ") IN (SELECT " + key_list(spec) +
                " FROM temp.removed_" + spec.table + ")");
    }
}

std::string examples_text(const FilePlan& file) {
    std::vector<std::string> parts;
    if (!file.added_examples.empty()) parts.push_back("new: " + join(file.added_examples, ", ") + (file.added > file.added_examples.size() ? ", …" : ""));
    if (!file.changed_examples.empty()) parts.push_back("changed: " + join(file.changed_examples, ", ") + (file.changed > file.changed_examples.size() ? ", …" : ""));
    if (!file.removed_examples.empty()) parts.push_back("removed: " + join(file.removed_examples, ", ") + (file.removed > file.removed_examples.size() ? ", …" : ""));
    return join(parts, "; ");
}

std::string plan_summary(const DeliveryPlan& plan) {
    std::string out;
    for (const auto& f : plan.files) {
        std::string name = f.table + ".csv";
        name.resize(std::max<size_t>(name.size(), 24), ' ');
        std::string rows = std::to_string(f.added + f.changed + f.unchanged);
        rows.insert(0, std::max<size_t>(0, 9 - std::min<size_t>(9, rows.size())), ' ');
        out += "  " + name + rows + " rows: " + std::to_string(f.added) + " new, " + std::to_string(f.changed) +
               " changed, " + std::to_string(f.unchanged) + " unchanged";
        if (f.snapshot) out += ", " + std::to_string(f.removed) + " removed (snapshot)";
        out += "\n";
        if (const std::string examples = examples_text(f); !examples.empty()) out += "      " + examples + "\n";
    }
    return out;
}

} // namespace ss
