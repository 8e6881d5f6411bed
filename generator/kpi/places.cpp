#include "kpi/places.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>

#include "core/errors.hpp"

namespace ss {

Places read_places(SQLite::Database& db) {
    Places places;
    try {
        SQLite::Statement municipalities(db, "SELECT municipality_code, region_code FROM municipalities ORDER BY municipality_code");
        std::vector<std::string> region_of_code;
        while (municipalities.executeStep()) {
            places.municipalities.push_back(municipalities.getColumn(0).getString());
            region_of_code.push_back(municipalities.getColumn(1).getString());
        }
        SQLite::Statement regions(db, "SELECT region_code FROM regions ORDER BY region_code");
        while (regions.executeStep()) places.regions.push_back(regions.getColumn(0).getString());
        for (size_t m = 0; m < region_of_code.size(); ++m) {
            const auto it = std::lower_bound(places.regions.begin(), places.regions.end(), region_of_code[m]);
            if (it == places.regions.end() || *it != region_of_code[m])
                throw DatabaseError("municipalities: " + places.municipalities[m] + " names region '" + region_of_code[m] +
                                    "', which is not in regions");
            places.region_of.push_back(static_cast<std::uint16_t>(it - places.regions.begin()));
        }
    } catch (const SQLite::Exception& e) {
        throw DatabaseError(std::string("reading the places for the fast-path KPIs: ") + e.what());
    }
    places.region_members.resize(places.regions.size());
    for (size_t m = 0; m < places.municipalities.size(); ++m) places.region_members[places.region_of[m]].push_back(m);
    if (places.municipalities.size() > 0xFFFF) throw DatabaseError("municipalities: more than the fast-path KPIs can count (65,535)");
    return places;
}

MunicipalityNumbers::MunicipalityNumbers(const Places& places) {
    for (size_t m = 0; m < places.municipalities.size(); ++m) numbers_.emplace(places.municipalities[m], static_cast<std::uint16_t>(m));
}

std::uint16_t MunicipalityNumbers::of(std::string_view code, const char* table, const char* subject, std::string_view id) const {
    const auto found = numbers_.find(std::string(code));
    if (found == numbers_.end())
        throw DatabaseError(std::string(table) + ": " + subject + " " + std::string(id) + " names municipality '" +
                            std::string(code) + "', which is not in municipalities");
    return found->second;
}

} // namespace ss
