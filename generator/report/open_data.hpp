// The public figures of a published report model as open data: one row per cell a public page
// shows (the same cells, the same suppressions), with the counts it rests on, so that anyone can
// reuse them and `samen-sturen audit` can check them without the database.
#pragma once

#include <string>
#include <vector>

#include "report/report_model.hpp"

namespace ss {

struct PublicCell {
    std::string quarter, scope_type, scope_code, kpi_id, breakdown;
    Figure figure; ///< suppressed figures carry only their Suppression
};

/// Every cell of the published model's pages, once each, in key order. Throws std::logic_error
/// for a model that was not published.
std::vector<PublicCell> public_cells(const ReportModel& published);

/// The cells as CSV: quarter, scope_type, scope_code, kpi_id, breakdown, value, numerator,
/// denominator, shown (`<5`, `*` or empty), provisional (`ja` or empty).
std::string public_cells_csv(const std::vector<PublicCell>& cells);

/// The cells of a CSV written by public_cells_csv. Throws InputError naming `file`, line and column.
std::vector<PublicCell> parse_public_cells_csv(const std::string& text, const std::string& file);

/// The same cells as JSON (`cijfers.json`): an array of objects with the CSV's columns, numbers as
/// numbers and an empty number as null, for a website or a notebook that reads JSON.
std::string public_cells_json(const std::vector<PublicCell>& cells);

/// The cells of a JSON written by public_cells_json. Throws InputError naming `file` and the cell.
std::vector<PublicCell> parse_public_cells_json(const std::string& text, const std::string& file);

/// The Frictionless data package that describes the quarter's open data files (`paths`, relative
/// to the public folder): columns, types, units and the suppression markers.
std::string open_data_package(const std::string& quarter, const std::vector<std::string>& paths);

} // namespace ss
