// What a checked delivery would do to the database, worked out before anything is written: per
// file, which rows are new, changed or unchanged, and (for snapshot files) which stored records of
// the scope it no longer holds and so removes. `import --dry-run` prints it; a real import prints
// it, writes exactly it and stores it in the delivery history.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "import/delivery.hpp"
#include "import/delivery_declaration.hpp"
#include "import/key_order.hpp"

namespace ss {

enum class RowChange : std::uint8_t { added, changed, unchanged };

struct FilePlan {
    std::string table;
    bool snapshot = false;
    std::vector<RowChange> rows; ///< per row of the delivered table (its row numbers)
    size_t added = 0, changed = 0, unchanged = 0, removed = 0;
    /// A few keys of each, for the summary ("M1", "2025-Q3 / trajectory / T7").
    std::vector<std::string> added_examples, changed_examples, removed_examples;
};

struct DeliveryPlan {
    std::vector<FilePlan> files; ///< the delivered files and snapshot files, in file-spec order
    size_t added() const;
    size_t changed() const;
    size_t removed() const;
    bool changes_nothing() const { return added() + changed() + removed() == 0; }
    const FilePlan* find(const std::string& table) const;
};

/// Works out the plan on `db` (inside the caller's transaction, so that it holds when it is
/// written). The records a snapshot removes are left in `temp.removed_<table>` of this connection
/// for apply_removals(). A removal that would leave a record pointing at nothing (progress of a
/// removed measure, a delivered cost of a removed trajectory) is an error in `issues`.
DeliveryPlan plan_delivery(SQLite::Database& db, const Delivery& delivery, const KeyOrders& orders,
                           const DeliveryDeclaration& declaration, std::vector<Issue>& issues);

/// Deletes the records plan_delivery() found absent from the snapshot files, dependants first.
void apply_removals(SQLite::Database& db, const DeliveryPlan& plan);

/// The plan as the import prints it: a line per file with its counts, and its example keys.
std::string plan_summary(const DeliveryPlan& plan);

/// "new: M1, M2; changed: M3; removed: M4" for one file ("" when it changed nothing).
std::string examples_text(const FilePlan& file);

} // namespace ss
