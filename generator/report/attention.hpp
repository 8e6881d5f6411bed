// The summary's attention points (reports.md "What a report leads with"): what the development
// table must discuss, from every source, ranked, one line each with its figure and the section
// that explains it.
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace ss {

/// The title of the section that lists the development table's agreements (PDF and HTML).

struct AttentionPoint {
    int rank = 0; ///< 1 off target, 2 a notable change, 3 provisional, 4 long waits, 5 overdue agreements, 6 signals
    std::string text;    ///< one sentence with its figure, without the full stop
    std::string section; ///< the title of the section that explains it
};

/// Every headline KPI off target; every KPI whose value lies outside the control limits of its
/// seven quarters before; every provisional cost figure; the providers with a wait over four
/// months, by name; every open agreement past its due quarter; the measures with a signal (internal
/// models only). Ranked by source, then in report order.
std::vector<AttentionPoint> attention_points(const ReportModel& model);

} // namespace ss
