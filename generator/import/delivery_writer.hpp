// Writes a Delivery as an import folder (one CSV file per table), the inverse of the importer.
#pragma once

#include <filesystem>
#include <string>

#include "import/delivery.hpp"

namespace ss {

/// The CSV text of one table: header and rows, `,`-separated, `.` as decimal separator.
std::string table_csv(const Table& table);

/// Writes every table of `delivery` into `folder` (created when missing). Throws OutputError.
void write_delivery_csv(const Delivery& delivery, const std::filesystem::path& folder);

} // namespace ss
