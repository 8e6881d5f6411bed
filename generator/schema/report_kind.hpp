// The report kinds of reports.md as an enum: what `--kinds` and a recipient's `reports` column
// name. What each kind renders, and for which scopes, is the registry in run/report_registry.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ss {

enum class ReportKind { samen_sturen, council, region, gi_benchmark };

/// Every kind, in the order a scope's files are written and listed.
const std::vector<ReportKind>& all_report_kinds();

/// "samen-sturen", "council", "region", "gi-benchmark": the name in options, recipients and
/// the manifest.
const char* report_kind_name(ReportKind kind);

/// The kind of `name` (case-insensitive), or nothing.
std::optional<ReportKind> report_kind_named(std::string_view name);

/// "samen-sturen, council, region, gi-benchmark", for messages.
std::string report_kind_list();

} // namespace ss
