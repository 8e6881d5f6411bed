#include "schema/report_kind.hpp"

#include <algorithm>
#include <cctype>

namespace ss {

const std::vector<ReportKind>& all_report_kinds() {
    static const std::vector<ReportKind> kinds{ReportKind::samen_sturen, ReportKind::council, ReportKind::region,
                                               ReportKind::gi_benchmark};
    return kinds;
}

const char* report_kind_name(ReportKind kind) {
    switch (kind) {
    case ReportKind::samen_sturen: return "samen-sturen";
    case ReportKind::council: return "council";
    case ReportKind::region: return "region";
    case ReportKind::gi_benchmark: return "gi-benchmark";
    }
    return "";
}

std::optional<ReportKind> report_kind_named(std::string_view name) {
    for (const ReportKind kind : all_report_kinds()) {
        const std::string_view known = report_kind_name(kind);
        if (std::equal(known.begin(), known.end(), name.begin(), name.end(),
                       [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); }))
            return kind;
    }
    return std::nullopt;
}

std::string report_kind_list() {
    std::string list;
    for (const ReportKind kind : all_report_kinds()) list += (list.empty() ? "" : ", ") + std::string(report_kind_name(kind));
    return list;
}

} // namespace ss
