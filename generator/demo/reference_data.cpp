#include "demo/reference_data.hpp"

#include <string_view>

#include "csv/csv_reader.hpp"

namespace ss::embedded {
extern const char* const municipalities_csv;
extern const char* const regions_csv;
} // namespace ss::embedded

namespace ss::demo {

namespace {

/// Rows of an embedded CSV as strings, header skipped.
std::vector<std::vector<std::string>> rows_of(std::string_view name, const char* text) {
    CsvReader reader(name, text);
    CsvRecord record;
    std::vector<std::vector<std::string>> rows;
    reader.next(record); // header
    while (reader.next(record)) rows.emplace_back(record.fields.begin(), record.fields.end());
    return rows;
}

} // namespace

const std::vector<MunicipalityRef>& reference_municipalities() {
    // gemeentecode,gm_code,gemeentenaam,provincienaam,pv_code,jeugdzorgregio_bron,jz_code_cbs2025,...
    static const std::vector<MunicipalityRef> list = [] {
        std::vector<MunicipalityRef> out;
        for (auto& r : rows_of("gemeenten_2026_jeugdzorgregio.csv", embedded::municipalities_csv))
            out.push_back({r.at(1), r.at(2), r.at(3), r.at(6)});
        return out;
    }();
    return list;
}

const std::vector<RegionRef>& reference_regions() {
    static const std::vector<RegionRef> list = [] {
        std::vector<RegionRef> out;
        for (auto& r : rows_of("jeugdregios_cbs2025.csv", embedded::regions_csv))
            out.push_back({r.at(0), r.at(1)});
        return out;
    }();
    return list;
}

} // namespace ss::demo
