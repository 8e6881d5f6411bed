#include "import/delivery_declaration.hpp"

#include <algorithm>

#include <toml++/toml.h>

#include "core/errors.hpp"
#include "core/text_split.hpp"

namespace ss {

namespace {

/// Which record files can be complete for which scope: case workers and waiting lists belong to
/// an institution, population to a municipality; the rest to both.
bool fits_scope(const std::string& table, SnapshotScope scope) {
    if (scope == SnapshotScope::municipalities) return table != "case_workers" && table != "waiting_lists";
    return table != "population";
}

std::optional<SnapshotScope> scope_of(const std::string& name) {
    if (name == "municipalities") return SnapshotScope::municipalities;
    if (name == "institutions") return SnapshotScope::institutions;
    return std::nullopt;
}

std::string table_of(std::string name) {
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0) name.resize(name.size() - 4);
    return name;
}

/// The problem with `table` as a snapshot file for `scope`, or "" when it is fine.
std::string table_problem(const std::string& table, SnapshotScope scope) {
    const auto& known = snapshot_tables();
    if (std::find(known.begin(), known.end(), table) == known.end())
        return "is not a record file that can be a snapshot (one of: " + join(snapshot_tables(), ", ") + ")";
    if (!fits_scope(table, scope))
        return std::string("cannot be complete for ") + scope_name(scope) + " (" +
               (scope == SnapshotScope::municipalities ? "its records belong to an institution; use scope institutions"
                                                       : "its records belong to a municipality; use scope municipalities") +
               ")";
    return "";
}

void sort_in_spec_order(std::vector<std::string>& tables) {
    const auto& order = snapshot_tables();
    std::sort(tables.begin(), tables.end(), [&](const std::string& a, const std::string& b) {
        return std::find(order.begin(), order.end(), a) < std::find(order.begin(), order.end(), b);
    });
    tables.erase(std::unique(tables.begin(), tables.end()), tables.end());
}

int line_of(const toml::node* node) {
    return node ? static_cast<int>(node->source().begin.line) : 0;
}

} // namespace

const std::vector<std::string>& snapshot_tables() {
    static const std::vector<std::string> tables = {"population",    "case_workers", "measures", "measure_extensions",
                                                    "measure_progress", "trajectories", "costs",    "outcomes",
                                                    "waiting_lists"};
    return tables;
}

const char* scope_name(SnapshotScope scope) {
    return scope == SnapshotScope::municipalities ? "municipalities" : "institutions";
}

DeliveryDeclaration parse_snapshot_option(const std::string& files, const std::string& scope) {
    DeliveryDeclaration d;
    d.source = "--snapshot";
    const auto parsed_scope = scope_of(scope);
    if (!parsed_scope) throw UsageError("--snapshot-scope: '" + scope + "' is not municipalities or institutions");
    d.scope = *parsed_scope;
    for (const std::string_view part : split(files, ',')) {
        const std::string name(part);
        if (name.empty()) continue;
        const std::string table = table_of(name);
        if (const std::string problem = table_problem(table, d.scope); !problem.empty())
            throw UsageError("--snapshot: " + name + " " + problem);
        d.snapshot_tables.push_back(table);
    }
    sort_in_spec_order(d.snapshot_tables);
    return d;
}

std::optional<DeliveryDeclaration> read_delivery_toml(const std::filesystem::path& folder, std::vector<Issue>& issues) {
    const auto path = folder / "delivery.toml";
    if (!std::filesystem::is_regular_file(path)) return std::nullopt;
    const std::string file = "delivery.toml";
    auto error = [&](int line, const std::string& value, const std::string& problem) {
        issues.push_back({Issue::Severity::error, file, line, "", value, problem});
    };
    toml::table doc;
    try {
        doc = toml::parse_file(path.string());
    } catch (const toml::parse_error& e) {
        error(static_cast<int>(e.source().begin.line), "", "is not valid TOML: " + std::string(e.description()));
        return std::nullopt;
    }
    DeliveryDeclaration d;
    d.source = file;
    for (const auto& [key, node] : doc) {
        const std::string name(key.str());
        if (name != "delivered_on" && name != "snapshot")
            error(line_of(&node), name, "is not a key of delivery.toml (delivered_on, [snapshot] files and scope)");
    }
    if (const auto* delivered = doc.get("delivered_on")) {
        if (const auto* date = delivered->as_date()) {
            char text[16];
            std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(date->get().year),
                          static_cast<int>(date->get().month), static_cast<int>(date->get().day));
            d.delivered_on = text;
        } else {
            error(line_of(delivered), "", "delivered_on must be a date without quotes (delivered_on = 2026-02-01)");
        }
    }
    const auto* snapshot = doc.get_as<toml::table>("snapshot");
    if (doc.contains("snapshot") && !snapshot) error(line_of(doc.get("snapshot")), "", "snapshot must be a table ([snapshot])");
    if (!snapshot) return d;
    for (const auto& [key, node] : *snapshot) {
        const std::string name(key.str());
        if (name != "files" && name != "scope") error(line_of(&node), name, "is not a key of [snapshot] (files, scope)");
    }
    if (const auto* scope = snapshot->get("scope")) {
        const auto parsed = scope->value<std::string>() ? scope_of(*scope->value<std::string>()) : std::nullopt;
        if (!parsed) error(line_of(scope), scope->value<std::string>().value_or(""), "is not a scope: \"municipalities\" or \"institutions\"");
        else d.scope = *parsed;
    }
    const auto* files = snapshot->get_as<toml::array>("files");
    if (!files) {
        error(line_of(snapshot->get("files") ? snapshot->get("files") : snapshot), "",
              "[snapshot] needs files = [\"measures\", ...]: the files that are complete");
        return d;
    }
    for (const auto& item : *files) {
        const auto name = item.value<std::string>();
        if (!name) {
            error(line_of(&item), "", "snapshot files must be file names in quotes");
            continue;
        }
        const std::string table = table_of(*name);
        if (const std::string problem = table_problem(table, d.scope); !problem.empty()) error(line_of(&item), *name, problem);
        else d.snapshot_tables.push_back(table);
    }
    sort_in_spec_order(d.snapshot_tables);
    return d;
}

void check_declaration(const DeliveryDeclaration& declaration, const Delivery& delivery, std::vector<Issue>& issues) {
    if (declaration.snapshot_tables.empty()) return;
    for (const auto& table : declaration.snapshot_tables)
        if (!delivery.find(table))
            issues.push_back({Issue::Severity::error, table + ".csv", 0, "", "",
                              "is declared a snapshot (" + declaration.source + ") but is not in the delivery; a snapshot "
                              "file must be delivered, with only its header if the scope has no records left"});
    const std::string scope_table = scope_name(declaration.scope);
    const Table* scope_rows = delivery.find(scope_table);
    if (!scope_rows || scope_rows->rows() == 0)
        issues.push_back({Issue::Severity::error, scope_table + ".csv", 0, "", "",
                          "lists no " + scope_table + ", so the snapshot (" + declaration.source +
                          ") is complete for nothing; list the " + scope_table + " whose records the delivery holds in full"});
}

std::string describe(const DeliveryDeclaration& declaration) {
    if (declaration.snapshot_tables.empty()) return "";
    return join(declaration.snapshot_tables, ", ") + " (complete for the " + scope_name(declaration.scope) + " of " + scope_name(declaration.scope) + ".csv)";
}

} // namespace ss
