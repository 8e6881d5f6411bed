#include "import/delivery_writer.hpp"

#include <fstream>

#include "core/errors.hpp"
#include "csv/csv_writer.hpp"

namespace ss {

std::string table_csv(const Table& table) {
    std::string out;
    std::vector<std::string> fields;
    for (const auto& c : table.spec->columns) fields.push_back(c.name);
    append_csv_record(out, fields);
    for (size_t r = 0; r < table.rows(); ++r) {
        for (size_t c = 0; c < table.width(); ++c) fields[c] = value_text(table.at(r, c));
        append_csv_record(out, fields);
    }
    return out;
}

void write_delivery_csv(const Delivery& delivery, const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw OutputError(folder.string() + ": cannot create the folder: " + ec.message());
    for (const auto& [name, table] : delivery.tables) {
        const auto path = folder / table.spec->file_name();
        std::ofstream file(path, std::ios::binary | std::ios::trunc);
        const std::string text = table_csv(table);
        file.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!file) throw OutputError(path.string() + ": cannot be written (disk full or no permission?)");
    }
}

} // namespace ss
