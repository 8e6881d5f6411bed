// manifest.json: every file of a quarter's run with its report kind, scope, size and SHA-256, and
// the run's inputs, version and timings. Written last, so its presence means the run finished;
// the same inputs a second time mean there is nothing to render.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ss {

struct ManifestFile {
    std::string path;  ///< relative to the quarter folder: internal/GM0505-dordrecht/kpis.csv
    std::string kind;  ///< samen-sturen, council, region, gi-benchmark, site
    std::string scope; ///< GM0505, JZ31, or "" for the quarter's index
    std::uint64_t bytes = 0;
    std::string sha256;
    std::string audience; ///< public (under public/, the site) or internal (under internal/, mailed only)
};

/// What the outputs depend on: a change in any of these renders again.
struct RunInputs {
    std::string quarter;
    std::string version;
    std::string database;        ///< the path, for people
    std::string database_sha256; ///< the content, for the decision
    std::string templates_sha256;
    std::string queries_sha256;
    std::string selection;       ///< --kinds, --only and --shard as given
    /// One digest over all of the above but the database path.
    std::string digest() const;
};

struct Manifest {
    RunInputs inputs;
    std::string delivered_on;
    std::vector<std::int64_t> delivery_ids; ///< the deliveries the figures rest on (samen-sturen deliveries)
    /// Per scope code, the KPIs of the report quarter that are provisional (kpis.md "Data
    /// completeness": not all invoices are in), as "JH06 kosten jeugdhulp per jongere".
    std::map<std::string, std::vector<std::string>> provisional;
    std::map<std::string, double> seconds; ///< sql, render, total
    std::vector<ManifestFile> files;
};

std::string manifest_json(const Manifest& manifest);
/// The manifest of `file`, or nothing when it is missing or not a manifest.
std::optional<Manifest> read_manifest(const std::filesystem::path& file);
/// Whether every file of the manifest is in `folder` with its size and checksum.
bool manifest_files_intact(const Manifest& manifest, const std::filesystem::path& folder);
/// A digest over every file below `folder`: relative paths and contents, in path order.
std::string folder_sha256(const std::filesystem::path& folder);

} // namespace ss
