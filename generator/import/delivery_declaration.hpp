// What a delivery says about itself beyond its rows: which files are complete (snapshots) and for
// which municipalities or institutions, and the day it was delivered. Declared on the command line
// (`import --snapshot measures,trajectories`) or by the data office in the folder (`delivery.toml`).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "import/delivery.hpp"

namespace ss {

/// A snapshot file is complete for the municipalities of the delivery's municipalities.csv, or
/// for the institutions of its institutions.csv: stored records of that scope it does not hold go.
enum class SnapshotScope { municipalities, institutions };

struct DeliveryDeclaration {
    std::vector<std::string> snapshot_tables; ///< in file-spec order; empty: no snapshot
    SnapshotScope scope = SnapshotScope::municipalities;
    std::string delivered_on;                 ///< ISO date from delivery.toml; empty when not given
    std::string source;                       ///< "--snapshot" or "delivery.toml", for messages
};

/// The record files a snapshot may declare, in file-spec order.
const std::vector<std::string>& snapshot_tables();
const char* scope_name(SnapshotScope scope); ///< "municipalities" or "institutions"

/// `--snapshot measures,trajectories` (file names with or without .csv) and `--snapshot-scope`.
/// Throws UsageError for an unknown file or scope, or a file that cannot be complete for the scope.
DeliveryDeclaration parse_snapshot_option(const std::string& files, const std::string& scope);

/// `delivery.toml` of `folder`, when there is one. Problems (TOML syntax, an unknown key, file or
/// scope) go to `issues` with the file and line.
std::optional<DeliveryDeclaration> read_delivery_toml(const std::filesystem::path& folder, std::vector<Issue>& issues);

/// Snapshot tables whose file the delivery lacks are errors (a snapshot of a file not delivered
/// would remove everything of the scope); so is a scope the delivery lists no codes for.
void check_declaration(const DeliveryDeclaration& declaration, const Delivery& delivery, std::vector<Issue>& issues);

/// "measures, trajectories (complete for the municipalities of municipalities.csv)"; "" without a snapshot.
std::string describe(const DeliveryDeclaration& declaration);

} // namespace ss
