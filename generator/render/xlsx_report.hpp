// The report as an Excel workbook (libxlsxwriter): a summary sheet, one sheet per section with one
// Excel table of typed numbers and native charts beside it, the signals, and the long-form KPI
// sheet. Internal: exact values, with numerator and denominator.
#pragma once

#include <string>

#include "report/report_model.hpp"

namespace ss {

/// Writes the workbook to `path`. Throws OutputError naming the file when it cannot be written.
void write_report_xlsx(const ReportModel& model, const std::string& path);

} // namespace ss
